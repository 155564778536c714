//! Length limits and fixed numbers, each with its source and verification tag
//! (`spec/identifiers.md` §7; tags as in `shared/reference/identifiers.md`: V verified,
//! V-2 secondary source, I inference or design choice of this library, U unverified).
//!
//! Character limits count Unicode scalar values of the identifier as written (after
//! percent-decoding in URL forms); byte limits count UTF-8 bytes.

/// Largest input accepted at all, in bytes (checked before anything else). \[I\]
///
/// A design limit of this library, not of any scheme: it bounds work per call and is larger than
/// every scheme limit below plus a URL wrapper, and larger than the byte capacity of the biggest
/// QR code (version 40-L, 2953 bytes). `[IDENT-1]`
pub const MAX_INPUT_BYTES: usize = 4096;

/// Longest handle on the wire, in UTF-8 bytes: `Common.MAX_HANDLE_LENGTH = 2048`. \[V, F6\]
///
/// Source: teleinfo-dev/id-pointer-sdk `core/Common.java`, `core/Encoder.java`. `[IDENT-8]`
pub const HANDLE_MAX_BYTES: usize = 2048;

/// Longest 88-identifier (`handle` field of the national/SNMS APIs), in characters. \[V, F5\]
///
/// Source: teleinfo-dev/id-guide `docs/openApi/v5/handle-operate.md`. `[IDENT-9]`
pub const IDIS_MAX_CHARS: usize = 255;

/// Longest 88-prefix (`prefix` / `entPrefix` fields of the national/SNMS APIs), in characters.
/// \[V, F5\]
///
/// Source: teleinfo-dev/id-guide `docs/openApi/v5/prefix.md`, `ent.md`. `[IDENT-9]`
pub const IDIS_PREFIX_MAX_CHARS: usize = 64;

/// The first segment of every industrial-internet prefix. \[V examples; I as a fixed literal\]
pub const IDIS_ROOT: &str = "88";

/// Fewest prefix segments of an 88-prefix that can carry item identifiers: `88.<node>.<ent>`.
/// \[I from examples, reference §2.8 rule 3\] `[IDENT-9]`
pub const IDIS_ITEM_PREFIX_MIN_SEGMENTS: usize = 3;

/// Longest OID in dotted form, dots included, in bytes (China OID registration guidance under
/// GB/T 26231). \[V-2\] `[IDENT-11]`
pub const OID_MAX_BYTES: usize = 100;

/// Fewest arcs of an OID (ITU-T X.660). \[V\] `[IDENT-11]`
pub const OID_MIN_ARCS: usize = 2;

/// Largest first arc: 0 itu-t, 1 iso, 2 joint-iso-itu-t (X.660). \[V\] `[IDENT-11]`
pub const OID_MAX_FIRST_ARC: u8 = 2;

/// Largest second arc under first arc 0 or 1 (X.660 / BER encoding). \[V\] `[IDENT-11]`
pub const OID_MAX_SECOND_ARC: u8 = 39;

/// Digits of the MA country field (`156`). \[V, examples only\] `[IDENT-14]`
pub const MA_COUNTRY_DIGITS: usize = 3;

/// Fewest MA fields after the country field (`MA.156.1003.16291` has two). \[V, examples only\]
/// `[IDENT-14]`
pub const MA_MIN_FIELDS: usize = 2;

/// Longest value of GS1 AIs 10 (batch/lot), 21 (serial), 22 (CPV) and 254 (GLN extension),
/// in characters. \[U: GS1 General Specifications AI table, not read for this project\]
/// `[IDENT-13]`
pub const GS1_AI_X20_MAX: usize = 20;

/// Longest value of GS1 AI 235 (third-party controlled serialised extension of a GTIN), in
/// characters. \[U: GS1 General Specifications AI table, not read for this project\] `[IDENT-13]`
pub const GS1_AI_235_MAX: usize = 28;
