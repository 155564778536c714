//! The scheme-specific parts of a parsed identifier ([`Parts`]), as slices of the input: what
//! [`super::Ident::parts`] and [`super::Ident::handle_parts`] return.

use super::gs1::{Gs1KeyType, MAX_QUALIFIERS};
use super::scan;
use super::scheme::IdisLevel;

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
    pub(super) qualifiers: [Option<Qualifier<'a>>; MAX_QUALIFIERS],
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
