//! The JSON report of one identifier (feature `alloc`; `Serialize` with `serde`): the object
//! `gasdev ident --format json` prints for each input, and that the C and JavaScript bindings
//! return. The contract is in `spec/identifiers.md` §10. `[IDENT-16]`

use alloc::borrow::ToOwned;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write;

use super::{Ident, IdentError, Parts, Scheme};
use crate::Lang;

/// One identifier's report.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(rename = "IdentReport"))]
pub struct Report {
    /// The input (non-UTF-8 bytes replaced by U+FFFD; see `input_hex`).
    pub input: String,
    /// The input bytes in lowercase hex, only when they are not UTF-8.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub input_hex: Option<String>,
    /// Well formed.
    pub valid: bool,
    /// The scheme name; on an error, the scheme recognised before the rule broke (if any).
    #[cfg_attr(feature = "ts", ts(type = "IdentScheme | null"))]
    pub scheme: Option<&'static str>,
    /// An item identifier rather than only a prefix (`false` when invalid).
    pub item: bool,
    /// The canonical comparison form (`null` when invalid).
    pub canonical: Option<String>,
    /// How it was written: `bare`, `hdl`, `info_hdl`, `url` (`null` when invalid).
    #[cfg_attr(
        feature = "ts",
        ts(type = "\"bare\" | \"hdl\" | \"info_hdl\" | \"url\" | null")
    )]
    pub form: Option<&'static str>,
    /// Notes: `unverified` (MA, Ecode: structure only), `suffix_contains_slash`,
    /// `percent_encoded`.
    #[cfg_attr(
        feature = "ts",
        ts(type = "Array<\"unverified\" | \"suffix_contains_slash\" | \"percent_encoded\">")
    )]
    pub flags: Vec<&'static str>,
    /// Scheme-specific parts (`null` when invalid).
    pub parts: Option<PartsReport>,
    /// Why it is invalid (`null` when valid).
    pub error: Option<ErrorReport>,
}

/// The error of an invalid identifier.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(rename = "IdentErrorReport"))]
pub struct ErrorReport {
    /// The error name from `spec/errors.json`.
    #[cfg_attr(feature = "ts", ts(type = "ErrorName"))]
    pub name: &'static str,
    /// Its number.
    pub code: u16,
    /// Byte offset into the input.
    pub offset: usize,
    /// The limit exceeded (`IDENT_TOO_LONG`).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub limit: Option<usize>,
    /// The expected check digit (`IDENT_BAD_CHECK_DIGIT`).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub expected_check_digit: Option<u8>,
    /// The message, in the requested language.
    pub message: &'static str,
}

/// Scheme-specific parts. Values are decoded (percent-escapes resolved); prefix segments and
/// arcs are strings (leading zeros matter; arcs may exceed every integer type).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize), serde(untagged))]
#[non_exhaustive]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(rename = "IdentParts"))]
pub enum PartsReport {
    /// `idis` and `handle`.
    Handle {
        /// The prefix as written.
        prefix: String,
        /// The prefix segments.
        prefix_segments: Vec<String>,
        /// The suffix (decoded); `null` for a prefix only.
        suffix: Option<String>,
        /// `node`, `enterprise` or `derived` (88-identifiers only).
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        #[cfg_attr(feature = "ts", ts(optional))]
        #[cfg_attr(feature = "ts", ts(type = "\"node\" | \"enterprise\" | \"derived\""))]
        level: Option<&'static str>,
        /// The prefix handle `0.NA/<PREFIX>`.
        na_handle: String,
        /// The host of a URL form.
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        #[cfg_attr(feature = "ts", ts(optional))]
        host: Option<String>,
    },
    /// `oid`.
    Oid {
        /// The arcs, as decimal strings.
        arcs: Vec<String>,
    },
    /// `gs1`.
    Gs1 {
        /// The AI of the key (`01`, `00`).
        ai: &'static str,
        /// `gtin8`, `gtin12`, `gtin13`, `gtin14`, `sscc`.
        #[cfg_attr(
            feature = "ts",
            ts(type = "\"gtin8\" | \"gtin12\" | \"gtin13\" | \"gtin14\" | \"sscc\"")
        )]
        key_type: &'static str,
        /// The digits.
        key: String,
        /// The check digit.
        check_digit: u8,
    },
    /// `gs1_digital_link`.
    DigitalLink {
        /// The host.
        host: String,
        /// Custom path before the key.
        path_prefix: String,
        /// The AI of the primary key (`01`, `00`, `414`).
        ai: &'static str,
        /// `gtin8`…`gtin14`, `sscc`, `gln`.
        #[cfg_attr(
            feature = "ts",
            ts(type = "\"gtin8\" | \"gtin12\" | \"gtin13\" | \"gtin14\" | \"sscc\" | \"gln\"")
        )]
        key_type: &'static str,
        /// The digits of the key.
        key: String,
        /// The check digit.
        check_digit: u8,
        /// Key qualifiers in path order.
        qualifiers: Vec<QualifierReport>,
        /// The query string as written, without `?`.
        query: Option<String>,
    },
    /// `ma` (unverified).
    Ma {
        /// The country field.
        country: String,
        /// The fields after the country.
        fields: Vec<String>,
    },
    /// `ecode` (unverified).
    Ecode {
        /// The version digit.
        version: u8,
        /// The code after the version digit.
        code: String,
    },
}

/// A Digital Link qualifier.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(rename = "IdentQualifier"))]
pub struct QualifierReport {
    /// The AI.
    pub ai: &'static str,
    /// The value, decoded.
    pub value: String,
}

fn strings<'a>(it: impl Iterator<Item = &'a str>) -> Vec<String> {
    it.map(ToOwned::to_owned).collect()
}

impl PartsReport {
    /// The parts of a parsed identifier.
    pub fn new(id: &Ident<'_>) -> PartsReport {
        match id.parts() {
            Parts::Handle(h) => PartsReport::Handle {
                prefix: h.prefix.to_owned(),
                prefix_segments: strings(h.prefix_segments()),
                suffix: h
                    .suffix
                    .map(|s| super::scan::decoded_lossy(s, h.percent_encoded).collect()),
                level: h.idis_level().map(super::IdisLevel::name),
                na_handle: alloc::format!("{}", h.na_handle()),
                host: id.host().map(ToOwned::to_owned),
            },
            Parts::Oid(o) => PartsReport::Oid {
                arcs: strings(o.arcs()),
            },
            Parts::Gs1(k) => PartsReport::Gs1 {
                ai: k.key_type.ai(),
                key_type: k.key_type.name(),
                key: k.digits.to_owned(),
                check_digit: k.check_digit,
            },
            Parts::DigitalLink(d) => PartsReport::DigitalLink {
                host: d.host.to_owned(),
                path_prefix: d.path_prefix.to_owned(),
                ai: d.key.key_type.ai(),
                key_type: d.key.key_type.name(),
                key: d.key.digits.to_owned(),
                check_digit: d.key.check_digit,
                qualifiers: d
                    .qualifiers()
                    .map(|q| QualifierReport {
                        ai: q.ai,
                        value: q.decoded().collect(),
                    })
                    .collect(),
                query: d.query.map(ToOwned::to_owned),
            },
            Parts::Ma(m) => PartsReport::Ma {
                country: m.country.to_owned(),
                fields: strings(m.fields()),
            },
            Parts::Ecode(e) => PartsReport::Ecode {
                version: e.version,
                code: e.code.to_owned(),
            },
        }
    }
}

/// The flags of a parsed identifier.
pub fn flags(id: &Ident<'_>) -> Vec<&'static str> {
    let mut out = Vec::new();
    if !id.is_verified() {
        out.push("unverified");
    }
    if let Parts::Handle(h) = id.parts()
        && h.suffix_has_slash
    {
        out.push("suffix_contains_slash");
    }
    if id.percent_encoded() {
        out.push("percent_encoded");
    }
    out
}

impl Report {
    /// The report for `input` and its parse result.
    pub fn new(input: &str, result: &Result<Ident<'_>, IdentError>, lang: Lang) -> Report {
        match result {
            Ok(id) => Report {
                input: input.to_owned(),
                input_hex: None,
                valid: true,
                scheme: Some(id.scheme().name()),
                item: id.is_item(),
                canonical: Some(alloc::format!("{}", id.canonical())),
                form: Some(id.form().name()),
                flags: flags(id),
                parts: Some(PartsReport::new(id)),
                error: None,
            },
            Err(e) => Report {
                input: input.to_owned(),
                input_hex: None,
                valid: false,
                scheme: e.scheme().map(Scheme::name),
                item: false,
                canonical: None,
                form: None,
                flags: Vec::new(),
                parts: None,
                error: Some(ErrorReport {
                    name: e.code().name(),
                    code: e.code().code(),
                    offset: e.offset(),
                    limit: e.limit(),
                    expected_check_digit: e.expected_check_digit(),
                    message: e.code().text().get(lang),
                }),
            },
        }
    }

    /// Parse `input` (detecting the scheme, or as `scheme`) and report.
    pub fn parse(input: &str, scheme: Option<Scheme>, lang: Lang) -> Report {
        let result = match scheme {
            Some(s) => Ident::parse_as(input, s),
            None => Ident::parse(input),
        };
        Report::new(input, &result, lang)
    }

    /// Parse bytes that may not be UTF-8 and report; `input_hex` is set when they are not.
    pub fn parse_bytes(input: &[u8], scheme: Option<Scheme>, lang: Lang) -> Report {
        let result = match scheme {
            Some(s) => Ident::parse_bytes_as(input, s),
            None => Ident::parse_bytes(input),
        };
        let text = String::from_utf8_lossy(input);
        let mut report = Report::new(&text, &result, lang);
        if core::str::from_utf8(input).is_err() {
            let mut hex = String::with_capacity(input.len().saturating_mul(2));
            for b in input {
                let _ = write!(hex, "{b:02x}");
            }
            report.input_hex = Some(hex);
        }
        report
    }
}
