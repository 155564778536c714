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
//!
//! ## Layout
//!
//! This file holds [`Ident`] and its accessors. `detect`: the general rules, the wrapper forms and
//! scheme detection; `url`: URL forms; one module per scheme (`handle`, `oid`, `gs1`, `ma`,
//! `ecode`); `scheme` and `parts`: the public types a parse returns; `scan`: byte-level helpers;
//! `canonical`: the comparison form; `error`, `limits`, `report` (JSON rendering), `owned`.

mod canonical;
mod detect;
mod ecode;
mod error;
mod gs1;
mod handle;
pub mod limits;
mod ma;
mod oid;
#[cfg(feature = "alloc")]
mod owned;
mod parts;
#[cfg(feature = "alloc")]
pub mod report;
mod scan;
mod scheme;
mod url;

pub use canonical::Canonical;
pub use error::{IdentError, IdentErrorKind};
pub use gs1::{Gs1KeyType, gs1_check_digit};
#[cfg(feature = "alloc")]
pub use owned::OwnedIdent;
pub use parts::{
    DigitalLinkParts, EcodeParts, Gs1Key, HandleParts, MaParts, NaHandle, OidParts, Parts,
    Qualifier,
};
pub use scheme::{Form, IdisLevel, Scheme};

use canonical::{Piece, zeros};
use detect::{bytes_to_str, parse_str};
use gs1::{DlRepr, KeyRepr, MAX_QUALIFIERS};
use handle::HandleRepr;
use scan::{Span, is_forbidden};

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
