//! Industrial-internet identifiers: exact parsing and validation of every scheme a label or chip
//! can carry (`spec/identifiers.md`; clauses ALM-5a/5b and VLV-2a/2b).
//!
//! ## Contract
//!
//! * [`Ident::parse`] takes any string and returns either a parsed [`Ident`] borrowing from it,
//!   or an [`IdentError`] naming the broken rule (an [`crate::ErrorCode`] of the shared table) and the
//!   byte offset where it broke. It never panics, never allocates, and runs in time linear in
//!   the input (inputs longer than [`limits::MAX_INPUT_BYTES`] are rejected before scanning).
//! * [`Ident::parse_bytes`] does the same for bytes that may not be UTF-8.
//! * `Display` of an [`Ident`] reproduces the input exactly; [`Ident::canonical`] gives the
//!   comparison form and [`Ident::canonical_eq`] compares two identifiers by it.
//! * [`Ident::is_item`] answers "is this an item identifier, or only a prefix".
//!
//! ## Schemes and detection order (`[IDENT-5]`)
//!
//! After the general rules (`IDENT-1`…`IDENT-4`: not empty, at most
//! [`limits::MAX_INPUT_BYTES`], UTF-8, no control or invisible format character, no surrounding
//! white space, not the index form `300:…`), the first matching rule decides the scheme:
//!
//! 1. `hdl:` or `info:hdl/` → a handle (88-profile if the body starts with `88.`).
//! 2. `http://` or `https://` → a URL: a path starting with `88.` is an 88-identifier; a path
//!    with a GS1 primary-key AI segment (`01`, `00`, `414`, …) is a GS1 Digital Link; a path
//!    whose first segment is all digits is a generic handle; anything else matches no scheme.
//! 3. `88.` → national-node identifier ([`Scheme::Idis`], strict 88-profile).
//! 4. Starts with a digit, contains `.` and no `/` → OID.
//! 5. `MA.` and no `/` → MA code (structure only, unverified).
//! 6. All ASCII digits → GS1 key (GTIN-8/12/13/14, SSCC).
//! 7. Contains `/` → generic handle (lenient RFC 3650 syntax).
//! 8. Otherwise → `IDENT_UNKNOWN_SCHEME`.
//!
//! Ecode is never detected: ask for it with [`Ident::parse_as`]. `parse_as` also forces the
//! lenient handle reading of an `88.` text, or the OID rules for a text without a dot.
//!
//! Sources and verification tags of every rule are in `spec/identifiers.md`; the reference
//! facts are in `shared/reference/identifiers.md`.

mod canonical;
mod ecode;
mod error;
mod gs1;
mod handle;
pub mod limits;
mod ma;
mod oid;
#[cfg(feature = "alloc")]
mod owned;
#[cfg(feature = "alloc")]
pub mod report;
mod scan;

pub use canonical::Canonical;
pub use error::{IdentError, IdentErrorKind};
pub use gs1::{Gs1KeyType, gs1_check_digit};
#[cfg(feature = "alloc")]
pub use owned::OwnedIdent;

use canonical::{Piece, zeros};
use gs1::{DlRepr, KeyRepr, MAX_QUALIFIERS};
use handle::HandleRepr;
use limits::MAX_INPUT_BYTES;
use scan::{Span, err, find_byte, is_forbidden, is_white_space, split_spans, starts_with_ci};

/// An identifier scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Scheme {
    /// National top-level node identifier (`88.` prefix), strict 88-profile.
    Idis,
    /// Generic Handle (RFC 3650 syntax), lenient.
    Handle,
    /// Object identifier, dotted decimal (X.660, GB/T 26231 limits).
    Oid,
    /// GS1 key with check digit (GTIN-8/12/13/14, SSCC).
    Gs1,
    /// GS1 Digital Link URI.
    Gs1DigitalLink,
    /// MA code (structure only, unverified).
    Ma,
    /// Ecode (structure only, unverified; never auto-detected).
    Ecode,
}

impl Scheme {
    /// Every scheme.
    pub const ALL: &'static [Scheme] = &[
        Scheme::Idis,
        Scheme::Handle,
        Scheme::Oid,
        Scheme::Gs1,
        Scheme::Gs1DigitalLink,
        Scheme::Ma,
        Scheme::Ecode,
    ];

    /// The name used in the JSON output: `idis`, `handle`, `oid`, `gs1`, `gs1_digital_link`,
    /// `ma`, `ecode`.
    pub const fn name(self) -> &'static str {
        match self {
            Scheme::Idis => "idis",
            Scheme::Handle => "handle",
            Scheme::Oid => "oid",
            Scheme::Gs1 => "gs1",
            Scheme::Gs1DigitalLink => "gs1_digital_link",
            Scheme::Ma => "ma",
            Scheme::Ecode => "ecode",
        }
    }

    /// The scheme with this JSON name.
    pub fn from_name(name: &str) -> Option<Scheme> {
        Scheme::ALL.iter().copied().find(|s| s.name() == name)
    }

    /// Whether the scheme's rules were verified in a source; `false` for MA and Ecode, whose
    /// results are structure-only and must be presented as unverified.
    pub const fn is_verified(self) -> bool {
        !matches!(self, Scheme::Ma | Scheme::Ecode)
    }
}

impl core::fmt::Display for Scheme {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.name())
    }
}

/// How the identifier was written (`[IDENT-6]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Form {
    /// The identifier itself.
    Bare,
    /// `hdl:<handle>`.
    Hdl,
    /// `info:hdl/<handle>` (RFC 4452).
    InfoHdl,
    /// `http(s)://host/<path>` whose path carries a handle or a GS1 Digital Link.
    Url,
}

impl Form {
    /// The name used in the JSON output: `bare`, `hdl`, `info_hdl`, `url`.
    pub const fn name(self) -> &'static str {
        match self {
            Form::Bare => "bare",
            Form::Hdl => "hdl",
            Form::InfoHdl => "info_hdl",
            Form::Url => "url",
        }
    }
}

/// The level of an 88-prefix (reference §2.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum IdisLevel {
    /// `88.<node>`: secondary-node (二级) prefix.
    Node,
    /// `88.<node>.<enterprise>`: enterprise prefix.
    Enterprise,
    /// More segments: a derived sub-prefix.
    Derived,
}

impl IdisLevel {
    /// The name used in the JSON output: `node`, `enterprise`, `derived`.
    pub const fn name(self) -> &'static str {
        match self {
            IdisLevel::Node => "node",
            IdisLevel::Enterprise => "enterprise",
            IdisLevel::Derived => "derived",
        }
    }
}

/// The URL around a URL-form identifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct UrlRepr {
    https: bool,
    host: Span,
    query: Option<Span>,
}

/// The parsed shape, as spans of the input (so the owned form can reuse it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Repr {
    Handle(HandleRepr),
    Oid(usize),
    Gs1(KeyRepr),
    DigitalLink(DlRepr),
    Ma(ma::MaRepr),
    Ecode(ecode::EcodeRepr),
}

/// A well-formed identifier, borrowing the text it was parsed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Ident<'a> {
    input: &'a str,
    form: Form,
    /// The identifier without its wrapper (`hdl:`, URL).
    body: Span,
    url: Option<UrlRepr>,
    repr: Repr,
}

/// The scheme-specific parts of an identifier, as slices of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Parts<'a> {
    /// An 88-identifier or a generic handle.
    Handle(HandleParts<'a>),
    /// An OID.
    Oid(OidParts<'a>),
    /// A bare GS1 key.
    Gs1(Gs1Key<'a>),
    /// A GS1 Digital Link.
    DigitalLink(DigitalLinkParts<'a>),
    /// An MA code (unverified).
    Ma(MaParts<'a>),
    /// An Ecode (unverified).
    Ecode(EcodeParts<'a>),
}

/// The parts of a handle or 88-identifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct HandleParts<'a> {
    /// Parsed with the strict 88-profile.
    pub idis: bool,
    /// The prefix (naming authority) as written: the text before the first `/`.
    pub prefix: &'a str,
    /// The suffix as written (percent-encoded in URL forms); `None` when there is no `/`.
    pub suffix: Option<&'a str>,
    /// The suffix holds percent-escapes (URL form); [`Ident::canonical`] decodes them.
    pub percent_encoded: bool,
    /// The suffix contains `/`: allowed, but unusual (reference §2.8 rule 6).
    pub suffix_has_slash: bool,
}

impl<'a> HandleParts<'a> {
    /// The prefix segments, as strings (leading zeros matter: `88.101.0123` ≠ `88.101.123`).
    pub fn prefix_segments(&self) -> core::str::Split<'a, char> {
        self.prefix.split('.')
    }

    /// The level of an 88-prefix; `None` for a generic handle.
    pub fn idis_level(&self) -> Option<IdisLevel> {
        if !self.idis {
            return None;
        }
        Some(match self.prefix_segments().count() {
            0..=2 => IdisLevel::Node,
            3 => IdisLevel::Enterprise,
            _ => IdisLevel::Derived,
        })
    }

    /// Whether the handle lives in the global `0.` space (compared case-insensitively as a
    /// whole, F7).
    pub fn is_global(&self) -> bool {
        self.prefix.starts_with("0.")
    }

    /// The prefix handle `0.NA/<PREFIX>` that a resolver queries for this prefix (F8).
    pub fn na_handle(&self) -> NaHandle<'a> {
        NaHandle(self.prefix)
    }
}

/// The prefix handle `0.NA/<PREFIX>` of a handle prefix (F8), rendered by `Display`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NaHandle<'a>(&'a str);

impl core::fmt::Display for NaHandle<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        use core::fmt::Write;
        f.write_str("0.NA/")?;
        self.0
            .chars()
            .try_for_each(|c| f.write_char(c.to_ascii_uppercase()))
    }
}

/// The parts of an OID.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct OidParts<'a> {
    /// The dotted text.
    pub text: &'a str,
    /// The number of arcs.
    pub arc_count: usize,
}

impl<'a> OidParts<'a> {
    /// The arcs, as decimal strings (no upper bound: they may not fit any integer type).
    pub fn arcs(&self) -> core::str::Split<'a, char> {
        self.text.split('.')
    }
}

/// A GS1 key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Gs1Key<'a> {
    /// The kind of key (by AI and length).
    pub key_type: Gs1KeyType,
    /// The digits, check digit included.
    pub digits: &'a str,
    /// The check digit (verified).
    pub check_digit: u8,
}

/// A GS1 Digital Link key qualifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Qualifier<'a> {
    /// The AI (`22`, `10`, `21`, `235`, `254`).
    pub ai: &'static str,
    /// The value as written (percent-encoded).
    pub value: &'a str,
}

impl<'a> Qualifier<'a> {
    /// The value, percent-decoded.
    pub fn decoded(&self) -> impl Iterator<Item = char> + use<'a> {
        scan::decoded_lossy(self.value, true)
    }
}

/// The parts of a GS1 Digital Link URI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct DigitalLinkParts<'a> {
    /// `https` rather than `http`.
    pub https: bool,
    /// The host (and port) as written.
    pub host: &'a str,
    /// Custom path segments before the primary key (without the surrounding `/`).
    pub path_prefix: &'a str,
    /// The primary key.
    pub key: Gs1Key<'a>,
    /// The query string (data attributes), as written, without `?`.
    pub query: Option<&'a str>,
    qualifiers: [Option<Qualifier<'a>>; MAX_QUALIFIERS],
}

impl<'a> DigitalLinkParts<'a> {
    /// The key qualifiers, in path order.
    pub fn qualifiers(&self) -> impl Iterator<Item = Qualifier<'a>> + use<'a> {
        self.qualifiers.into_iter().flatten()
    }
}

/// The parts of an MA code (structure only, unverified).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct MaParts<'a> {
    /// The country field (`156`).
    pub country: &'a str,
    /// The fields after the country, as written (`.`-separated).
    pub fields_text: &'a str,
}

impl<'a> MaParts<'a> {
    /// The fields after the country (industry, registrant, product, PI fields…).
    pub fn fields(&self) -> core::str::Split<'a, char> {
        self.fields_text.split('.')
    }
}

/// The parts of an Ecode (structure only, unverified).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct EcodeParts<'a> {
    /// The version digit.
    pub version: u8,
    /// The code after the version digit.
    pub code: &'a str,
}

impl<'a> Ident<'a> {
    /// Parse and validate any identifier, detecting its scheme (order: module docs, `[IDENT-5]`).
    ///
    /// # Errors
    /// The broken rule and its byte offset.
    ///
    /// ```
    /// use gasdev::ident::{Ident, Scheme};
    /// let id = Ident::parse("88.111.1/teleinfo.cn").unwrap();
    /// assert_eq!(id.scheme(), Scheme::Idis);
    /// assert!(id.is_item());
    /// assert_eq!(id.to_string(), "88.111.1/teleinfo.cn");
    /// let e = Ident::parse("6291041500214").unwrap_err();
    /// assert_eq!(e.code().name(), "IDENT_BAD_CHECK_DIGIT");
    /// assert_eq!((e.offset(), e.expected_check_digit()), (12, Some(3)));
    /// ```
    pub fn parse(input: &'a str) -> Result<Ident<'a>, IdentError> {
        parse_str(input, None)
    }

    /// Parse `input` as the given scheme (no detection). This is the only way to get an Ecode,
    /// and the way to read an `88.` text with the lenient generic Handle rules.
    ///
    /// # Errors
    /// The broken rule and its byte offset; `IDENT_SCHEME_MISMATCH` if the text lacks the
    /// scheme's marker (`88.`, `MA.`, a URL for a Digital Link).
    #[inline(always)]
    pub fn parse_as(input: &'a str, scheme: Scheme) -> Result<Ident<'a>, IdentError> {
        parse_str(input, Some(scheme))
    }

    /// Parse like [`Ident::parse`] and also require an item identifier (not only a prefix):
    /// what firmware checks before reporting its identifier.
    ///
    /// # Errors
    /// As [`Ident::parse`], plus `IDENT_PREFIX_ONLY` (offset: the end of the input).
    pub fn parse_item(input: &'a str) -> Result<Ident<'a>, IdentError> {
        let id = Ident::parse(input)?;
        if id.is_item() {
            Ok(id)
        } else {
            Err(IdentError::new(
                IdentErrorKind::PrefixOnly,
                input.len(),
                Some(id.scheme()),
            ))
        }
    }

    /// Parse bytes that may not be UTF-8 (from a tag, a chip or a C caller).
    ///
    /// # Errors
    /// As [`Ident::parse`]; `IDENT_NOT_UTF8` at the first byte that is not UTF-8.
    pub fn parse_bytes(input: &'a [u8]) -> Result<Ident<'a>, IdentError> {
        Ident::parse(bytes_to_str(input)?)
    }

    /// Parse bytes that may not be UTF-8 as the given scheme.
    ///
    /// # Errors
    /// As [`Ident::parse_as`]; `IDENT_NOT_UTF8` at the first byte that is not UTF-8.
    #[inline(always)]
    pub fn parse_bytes_as(input: &'a [u8], scheme: Scheme) -> Result<Ident<'a>, IdentError> {
        Ident::parse_as(bytes_to_str(input)?, scheme)
    }

    /// The text exactly as given.
    pub const fn as_str(&self) -> &'a str {
        self.input
    }

    /// The scheme.
    pub const fn scheme(&self) -> Scheme {
        match self.repr {
            Repr::Handle(h) if h.idis => Scheme::Idis,
            Repr::Handle(_) => Scheme::Handle,
            Repr::Oid(_) => Scheme::Oid,
            Repr::Gs1(_) => Scheme::Gs1,
            Repr::DigitalLink(_) => Scheme::Gs1DigitalLink,
            Repr::Ma(_) => Scheme::Ma,
            Repr::Ecode(_) => Scheme::Ecode,
        }
    }

    /// How it was written (bare, `hdl:`, `info:hdl/`, URL).
    pub const fn form(&self) -> Form {
        self.form
    }

    /// Whether this is an item identifier rather than only a prefix. Only handles can be
    /// prefixes (a text without `/`, e.g. `88.101.1304`); every other valid identifier names
    /// something by itself. `[IDENT-7]`
    pub const fn is_item(&self) -> bool {
        match self.repr {
            Repr::Handle(h) => h.suffix.is_some(),
            _ => true,
        }
    }

    /// Whether the scheme's rules were verified (`false` for MA and Ecode: structure only).
    pub const fn is_verified(&self) -> bool {
        self.scheme().is_verified()
    }

    /// The identifier without its wrapper: the handle of `hdl:…` or of a URL path, the path of
    /// a Digital Link; the whole text otherwise.
    pub fn body(&self) -> &'a str {
        self.body.of(self.input)
    }

    /// The host of a URL form.
    pub fn host(&self) -> Option<&'a str> {
        self.url.map(|u| u.host.of(self.input))
    }

    /// Whether some part was percent-encoded (URL forms); canonical forms decode it.
    pub const fn percent_encoded(&self) -> bool {
        match self.repr {
            Repr::Handle(h) => h.encoded,
            Repr::DigitalLink(d) => d.encoded,
            _ => false,
        }
    }

    /// The parts of an 88-identifier or a generic handle (`None` for the other schemes): what
    /// `parts()` gives for them, without the other schemes' code (firmware that checks only its
    /// own 88-identifier links this one).
    pub fn handle_parts(&self) -> Option<HandleParts<'a>> {
        let s = self.input;
        match self.repr {
            Repr::Handle(h) => Some(HandleParts {
                idis: h.idis,
                prefix: h.prefix.of(s),
                suffix: h.suffix.map(|x| x.of(s)),
                percent_encoded: h.encoded,
                suffix_has_slash: h.suffix_slash,
            }),
            _ => None,
        }
    }

    /// The scheme-specific parts, as slices of the input.
    pub fn parts(&self) -> Parts<'a> {
        let s = self.input;
        match self.repr {
            Repr::Handle(h) => Parts::Handle(HandleParts {
                idis: h.idis,
                prefix: h.prefix.of(s),
                suffix: h.suffix.map(|x| x.of(s)),
                percent_encoded: h.encoded,
                suffix_has_slash: h.suffix_slash,
            }),
            Repr::Oid(arc_count) => Parts::Oid(OidParts {
                text: self.body.of(s),
                arc_count,
            }),
            Repr::Gs1(k) => Parts::Gs1(key_parts(s, k)),
            Repr::DigitalLink(d) => {
                let mut qualifiers = [None; MAX_QUALIFIERS];
                for (slot, q) in qualifiers.iter_mut().zip(d.quals) {
                    *slot = q.map(|q| Qualifier {
                        ai: q.q.ai(),
                        value: q.value.of(s),
                    });
                }
                Parts::DigitalLink(DigitalLinkParts {
                    https: self.url.is_some_and(|u| u.https),
                    host: self.url.map_or("", |u| u.host.of(s)),
                    path_prefix: d.path_prefix.of(s),
                    key: key_parts(s, d.key),
                    query: self.url.and_then(|u| u.query).map(|q| q.of(s)),
                    qualifiers,
                })
            }
            Repr::Ma(m) => Parts::Ma(MaParts {
                country: m.country.of(s),
                fields_text: m.fields.of(s),
            }),
            Repr::Ecode(e) => Parts::Ecode(EcodeParts {
                version: e.version,
                code: e.code.of(s),
            }),
        }
    }

    /// The canonical comparison form (`[IDENT-10]`): for handles the prefix is ASCII-uppercased
    /// and the suffix kept (the whole handle uppercased if it starts with `0.`); GS1 keys and
    /// Digital Links become GS1 element strings such as `(01)09521234543213(10)ABC123`; other
    /// schemes stay as written. Wrappers (`hdl:`, URL host and query) are dropped.
    pub fn canonical(&self) -> Canonical<'a> {
        let s = self.input;
        let url = self.form == Form::Url;
        let mut c = Canonical::new();
        match self.repr {
            Repr::Handle(h) => {
                let prefix = h.prefix.of(s);
                c.push(Piece::Upper(prefix));
                if let Some(suffix) = h.suffix {
                    let suffix = suffix.of(s);
                    c.push(Piece::Lit("/"));
                    c.push(match (prefix.starts_with("0."), url) {
                        (true, true) => Piece::DecodeUpper(suffix),
                        (true, false) => Piece::Upper(suffix),
                        (false, true) => Piece::Decode(suffix),
                        (false, false) => Piece::Raw(suffix),
                    });
                }
            }
            Repr::Gs1(k) => push_key(&mut c, s, k),
            Repr::DigitalLink(d) => {
                push_key(&mut c, s, d.key);
                for q in d.quals.iter().flatten() {
                    c.push(Piece::Lit(q.q.label()));
                    c.push(Piece::Decode(q.value.of(s)));
                }
            }
            Repr::Oid(_) | Repr::Ma(_) | Repr::Ecode(_) => c.push(Piece::Raw(self.body.of(s))),
        }
        c
    }

    /// Whether two identifiers have the same canonical form (`[IDENT-10]`): `88.111.1/abc` and
    /// `hdl:88.111.1/abc` are equal, `…/abc` and `…/ABC` are not; `0.na/88.111.1` equals
    /// `0.NA/88.111.1`; GTIN `6291041500213` equals `06291041500213`.
    pub fn canonical_eq(&self, other: &Ident<'_>) -> bool {
        self.canonical().chars().eq(other.canonical().chars())
    }
}

impl core::fmt::Display for Ident<'_> {
    /// The input, exactly as given.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.input)
    }
}

impl<'a> TryFrom<&'a str> for Ident<'a> {
    type Error = IdentError;

    fn try_from(s: &'a str) -> Result<Ident<'a>, IdentError> {
        Ident::parse(s)
    }
}

/// Whether rule `IDENT-2` rejects this character: a control character (C0, DEL, C1), a
/// line/paragraph separator or an invisible format character (bidi controls, zero-width
/// characters, BOM, soft hyphen). Displays can use it to escape what a reader cannot see.
pub fn is_forbidden_char(c: char) -> bool {
    is_forbidden(c)
}

fn key_parts(s: &str, k: KeyRepr) -> Gs1Key<'_> {
    Gs1Key {
        key_type: k.ty,
        digits: k.digits.of(s),
        check_digit: k.check,
    }
}

fn push_key<'a>(c: &mut Canonical<'a>, s: &'a str, k: KeyRepr) {
    let digits = k.digits.of(s);
    match k.ty {
        t if t.is_gtin() => {
            c.push(Piece::Lit("(01)"));
            c.push(Piece::Lit(zeros(14usize.saturating_sub(digits.len()))));
        }
        Gs1KeyType::Gln => c.push(Piece::Lit("(414)")),
        _ => c.push(Piece::Lit("(00)")),
    }
    c.push(Piece::Raw(digits));
}

/// `[IDENT-1]` Bytes → text: length first (so a 1 MB input costs nothing), then UTF-8.
fn bytes_to_str(input: &[u8]) -> Result<&str, IdentError> {
    if input.is_empty() {
        return Err(err(IdentErrorKind::Empty, 0));
    }
    if input.len() > MAX_INPUT_BYTES {
        return Err(err(
            IdentErrorKind::TooLong {
                limit: MAX_INPUT_BYTES,
            },
            MAX_INPUT_BYTES,
        ));
    }
    core::str::from_utf8(input).map_err(|e| err(IdentErrorKind::NotUtf8, e.valid_up_to()))
}

/// `[IDENT-1]` `[IDENT-2]` `[IDENT-3]` The rules every input obeys.
fn general(input: &str) -> Result<(), IdentError> {
    if input.is_empty() {
        return Err(err(IdentErrorKind::Empty, 0));
    }
    if input.len() > MAX_INPUT_BYTES {
        return Err(err(
            IdentErrorKind::TooLong {
                limit: MAX_INPUT_BYTES,
            },
            scan::floor_boundary(input, MAX_INPUT_BYTES),
        ));
    }
    if let Some((i, _)) = input.char_indices().find(|(_, c)| is_forbidden(*c)) {
        return Err(err(IdentErrorKind::ControlChar, i));
    }
    if input.chars().next().is_some_and(is_white_space) {
        return Err(err(IdentErrorKind::SurroundingSpace, 0));
    }
    if let Some((i, c)) = input.char_indices().next_back()
        && is_white_space(c)
    {
        return Err(err(IdentErrorKind::SurroundingSpace, i));
    }
    Ok(())
}

/// `[IDENT-4]` `<digits>:` at `start` is the index form of a handle value (b2handle).
fn index_form(input: &str, start: usize) -> Result<(), IdentError> {
    let rest = input.as_bytes().get(start..).unwrap_or(&[]);
    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    if digits > 0 && rest.get(digits) == Some(&b':') {
        return Err(err(IdentErrorKind::IndexForm, start.saturating_add(digits)));
    }
    Ok(())
}

fn mismatch(scheme: Scheme, offset: usize) -> IdentError {
    IdentError::new(IdentErrorKind::SchemeMismatch, offset, Some(scheme))
}

// Inlined into its callers, so that a constant `forced` (firmware calls `parse_bytes_as(..,
// Scheme::Idis)`) lets the optimiser drop the other schemes' parsers from the link.
#[inline(always)]
fn parse_str(input: &str, forced: Option<Scheme>) -> Result<Ident<'_>, IdentError> {
    general(input)?;
    index_form(input, 0)?;
    let all = Span::new(0, input.len());
    let bare = |repr| {
        Ok(Ident {
            input,
            form: Form::Bare,
            body: all,
            url: None,
            repr,
        })
    };

    // [IDENT-6] Wrapper forms.
    for (marker, form) in [("hdl:", Form::Hdl), ("info:hdl/", Form::InfoHdl)] {
        if starts_with_ci(input, marker) {
            if let Some(s) = forced.filter(|s| !matches!(s, Scheme::Idis | Scheme::Handle)) {
                return Err(mismatch(s, 0));
            }
            let body = Span::new(marker.len(), input.len());
            index_form(input, body.start)?;
            let repr = handle_body(input, body, forced, false)?;
            return Ok(Ident {
                input,
                form,
                body,
                url: None,
                repr,
            });
        }
    }
    if starts_with_ci(input, "http://") || starts_with_ci(input, "https://") {
        if let Some(s) =
            forced.filter(|s| !matches!(s, Scheme::Idis | Scheme::Handle | Scheme::Gs1DigitalLink))
        {
            return Err(mismatch(s, 0));
        }
        return parse_url(input, forced);
    }

    match forced {
        None => bare(detect(input)?),
        Some(Scheme::Idis | Scheme::Handle) => bare(handle_body(input, all, forced, false)?),
        Some(Scheme::Oid) => bare(parse_oid(input, all)?),
        Some(Scheme::Gs1) => bare(parse_gs1(input, all)?),
        Some(Scheme::Gs1DigitalLink) => Err(mismatch(Scheme::Gs1DigitalLink, 0)),
        Some(Scheme::Ma) => {
            if input.starts_with(ma::MARKER) {
                bare(parse_ma(input, all)?)
            } else {
                Err(mismatch(Scheme::Ma, 0))
            }
        }
        Some(Scheme::Ecode) => bare(Repr::Ecode(
            ecode::parse(input, all).map_err(|e| e.with_scheme(Scheme::Ecode))?,
        )),
    }
}

/// `[IDENT-5]` Detection for a bare text (after the wrapper forms).
fn detect(input: &str) -> Result<Repr, IdentError> {
    let all = Span::new(0, input.len());
    let has_slash = input.contains('/');
    if input.starts_with("88.") {
        return handle_body(input, all, None, false);
    }
    if input.as_bytes().first().is_some_and(u8::is_ascii_digit) && !has_slash && input.contains('.')
    {
        return parse_oid(input, all);
    }
    if input.starts_with(ma::MARKER) && !has_slash {
        return parse_ma(input, all);
    }
    if input.bytes().all(|b| b.is_ascii_digit()) {
        return parse_gs1(input, all);
    }
    if has_slash {
        return handle_body(input, all, None, false);
    }
    Err(err(IdentErrorKind::UnknownScheme, 0))
}

fn parse_oid(input: &str, span: Span) -> Result<Repr, IdentError> {
    oid::parse(input, span)
        .map(Repr::Oid)
        .map_err(|e| e.with_scheme(Scheme::Oid))
}

fn parse_gs1(input: &str, span: Span) -> Result<Repr, IdentError> {
    gs1::parse_key(input, span, gs1::BARE_TYPES)
        .map(Repr::Gs1)
        .map_err(|e| e.with_scheme(Scheme::Gs1))
}

fn parse_ma(input: &str, span: Span) -> Result<Repr, IdentError> {
    ma::parse(input, span)
        .map(Repr::Ma)
        .map_err(|e| e.with_scheme(Scheme::Ma))
}

/// A handle body: the 88-profile if it starts with `88.` (unless the generic Handle reading is
/// forced), the generic rules otherwise.
fn handle_body(
    input: &str,
    body: Span,
    forced: Option<Scheme>,
    url: bool,
) -> Result<Repr, IdentError> {
    let idis = forced != Some(Scheme::Handle) && body.of(input).starts_with("88.");
    if forced == Some(Scheme::Idis) && !idis {
        return Err(mismatch(Scheme::Idis, body.start));
    }
    let scheme = if idis { Scheme::Idis } else { Scheme::Handle };
    handle::parse(input, body, idis, url)
        .map(Repr::Handle)
        .map_err(|e| e.with_scheme(scheme))
}

/// `[IDENT-6]` `http(s)://host/path?query#fragment`.
#[inline(always)]
fn parse_url(input: &str, forced: Option<Scheme>) -> Result<Ident<'_>, IdentError> {
    let len = input.len();
    let https = starts_with_ci(input, "https://");
    let auth_start = if https { 8 } else { 7 };
    let rest = input.get(auth_start..).unwrap_or("");
    let host_end = find_byte(rest, b"/?#").map_or(len, |i| auth_start.saturating_add(i));
    let host = Span::new(auth_start, host_end);
    if host.start >= host.end {
        return Err(err(IdentErrorKind::EmptySegment, host.start));
    }
    // Host and port only: no user information (`@`), no escapes. [I]
    if let Some(i) = host
        .of(input)
        .bytes()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']')))
    {
        return Err(err(IdentErrorKind::BadChar, host.start.saturating_add(i)));
    }
    let after_host = input.get(host_end..).unwrap_or("");
    let path_end = find_byte(after_host, b"?#").map_or(len, |i| host_end.saturating_add(i));
    let path = Span::new(host_end, path_end);
    let (query, fragment) = match input.as_bytes().get(path_end) {
        Some(b'?') => {
            let q_start = path_end.saturating_add(1);
            let q_end = input
                .get(q_start..)
                .and_then(|r| find_byte(r, b"#"))
                .map_or(len, |i| q_start.saturating_add(i));
            (
                Some(Span::new(q_start, q_end)),
                Some(Span::new(q_end.saturating_add(1).min(len), len)),
            )
        }
        Some(b'#') => (None, Some(Span::new(path_end.saturating_add(1), len))),
        _ => (None, None),
    };
    // Escapes well formed, decoded text UTF-8 without controls; no raw spaces.
    for span in [Some(path), query, fragment].into_iter().flatten() {
        for item in scan::DecodedChars::new(input, span, true) {
            let (at, _) = item?;
            if input.as_bytes().get(at) == Some(&b' ') {
                return Err(err(IdentErrorKind::BadChar, at));
            }
        }
    }

    let body = Span::new(path.start.saturating_add(1).min(path.end), path.end);
    let url = Some(UrlRepr { https, host, query });
    if path.end.saturating_sub(path.start) <= 1 {
        return Err(match forced {
            Some(s) => mismatch(s, path.end),
            None => err(IdentErrorKind::UnknownScheme, path.end),
        });
    }
    let text = body.of(input);
    let starts88 = text.starts_with("88.");
    let key_seg = if starts88 {
        None
    } else {
        split_spans(input, body, b'/').find(|seg| gs1::is_key_ai(seg.of(input)))
    };
    let handle = |forced| handle_body(input, body, forced, true);
    let repr = match (forced, key_seg) {
        (Some(Scheme::Handle), _) => handle(forced)?,
        (Some(Scheme::Idis), _) => handle(forced)?,
        (Some(_), None) => return Err(mismatch(Scheme::Gs1DigitalLink, body.start)),
        (_, Some(key_seg)) => Repr::DigitalLink(
            gs1::parse_dl(input, body, key_seg)
                .map_err(|e| e.with_scheme(Scheme::Gs1DigitalLink))?,
        ),
        (None, None) if starts88 => handle(None)?,
        (None, None) => {
            // [IDENT-6] [I] A URL path read as a generic handle needs an all-digit first
            // prefix segment (`20.1000/…`, `0.NA/…`): any two-segment path would pass otherwise.
            let first = text
                .get(..find_byte(text, b"./").unwrap_or(text.len()))
                .unwrap_or("");
            if first.is_empty() || !first.bytes().all(|b| b.is_ascii_digit()) {
                return Err(err(IdentErrorKind::UnknownScheme, body.start));
            }
            handle(None)?
        }
    };
    Ok(Ident {
        input,
        form: Form::Url,
        body,
        url,
        repr,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handle_parts_are_the_handle_arm_of_parts() {
        for input in [
            "88.111.1/teleinfo.cn",
            "88.101.1304",
            "hdl:88.111.1/x",
            "https://id.example.cn/88.111.1/x%20y",
            "20.500.12345/x/y",
            "1.2.840.113549",
            "6291041500213",
            "MA.156.M0.100000.12345678",
        ] {
            let id = Ident::parse(input).unwrap();
            let expected = match id.parts() {
                Parts::Handle(h) => Some(h),
                _ => None,
            };
            assert_eq!(id.handle_parts(), expected, "{input}");
            assert_eq!(
                expected.is_some(),
                matches!(id.scheme(), Scheme::Idis | Scheme::Handle),
                "{input}"
            );
        }
    }

    #[test]
    fn starter_handles() {
        let id = Ident::parse("88.111.1/teleinfo.cn").unwrap();
        assert_eq!(id.scheme(), Scheme::Idis);
        let Parts::Handle(h) = id.parts() else {
            panic!("not a handle")
        };
        assert_eq!(h.prefix, "88.111.1");
        assert_eq!(h.suffix, Some("teleinfo.cn"));
        assert_eq!(h.idis_level(), Some(IdisLevel::Enterprise));
        let p = Ident::parse("88.101.1304").unwrap();
        assert!(!p.is_item());
        let e = Ident::parse("88..1/x").unwrap_err();
        assert_eq!((e.kind(), e.offset()), (IdentErrorKind::EmptySegment, 3));
    }
}
