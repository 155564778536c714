//! GS1 keys with their mod-10 check digit, and GS1 Digital Link URI paths.
//!
//! Check digit (GS1 General Specifications §7.9.1) \[V\]: starting from the rightmost data digit,
//! multiply by 3, 1, 3, 1, …; the check digit is `(10 − sum mod 10) mod 10`. The same rule
//! serves GTIN-8/12/13/14, GLN and SSCC. `[IDENT-12]`
//!
//! Digital Link (GS1 Digital Link URI Syntax 1.6.0) \[V\]:
//! `http(s)://<domain>[/<path>]/<primary-key AI>/<value>[/<qualifier AI>/<value>…][?<query>]`.
//! Key qualifiers of a GTIN in order: 22 (CPV), 10 (batch/lot), 21 (serial); or 235 (TPX) \[V\].
//! SSCC (AI 00) has none; GLN (AI 414) has 254 \[U\]. `[IDENT-13]`

use super::error::{IdentError, IdentErrorKind};
use super::limits::{GS1_AI_235_MAX, GS1_AI_X20_MAX};
use super::scan::{DecodedChars, Span, err, split_spans};

/// The kind of a GS1 key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Gs1KeyType {
    /// GTIN-8 (8 digits).
    Gtin8,
    /// GTIN-12 (12 digits, UPC-A).
    Gtin12,
    /// GTIN-13 (13 digits, EAN-13). A bare 13-digit key reads as a GTIN-13; a GLN has the same
    /// shape and is recognised only through AI 414 in a Digital Link.
    Gtin13,
    /// GTIN-14 (14 digits).
    Gtin14,
    /// SSCC (18 digits, AI 00).
    Sscc,
    /// GLN (13 digits, AI 414).
    Gln,
}

impl Gs1KeyType {
    /// The name used in the JSON output (`gtin13`, `sscc`, `gln`…).
    pub const fn name(self) -> &'static str {
        match self {
            Gs1KeyType::Gtin8 => "gtin8",
            Gs1KeyType::Gtin12 => "gtin12",
            Gs1KeyType::Gtin13 => "gtin13",
            Gs1KeyType::Gtin14 => "gtin14",
            Gs1KeyType::Sscc => "sscc",
            Gs1KeyType::Gln => "gln",
        }
    }

    /// The application identifier of this key (`01`, `00`, `414`).
    pub const fn ai(self) -> &'static str {
        match self {
            Gs1KeyType::Gtin8 | Gs1KeyType::Gtin12 | Gs1KeyType::Gtin13 | Gs1KeyType::Gtin14 => {
                "01"
            }
            Gs1KeyType::Sscc => "00",
            Gs1KeyType::Gln => "414",
        }
    }

    /// Whether the key is a GTIN (compared in its 14-digit form).
    pub const fn is_gtin(self) -> bool {
        matches!(
            self,
            Gs1KeyType::Gtin8 | Gs1KeyType::Gtin12 | Gs1KeyType::Gtin13 | Gs1KeyType::Gtin14
        )
    }

    /// The number of digits of this key.
    pub const fn digit_count(self) -> usize {
        match self {
            Gs1KeyType::Gtin8 => 8,
            Gs1KeyType::Gtin12 => 12,
            Gs1KeyType::Gtin13 | Gs1KeyType::Gln => 13,
            Gs1KeyType::Gtin14 => 14,
            Gs1KeyType::Sscc => 18,
        }
    }
}

/// The GS1 check digit for `data` (the digits without the check digit), or `None` if `data` is
/// empty or holds a character that is not an ASCII digit. `[IDENT-12]`
///
/// ```
/// // GTIN-13 629104150021 + check digit 3 (reference §12.3 #24).
/// assert_eq!(gasdev::ident::gs1_check_digit("629104150021"), Some(3));
/// ```
pub fn gs1_check_digit(data: &str) -> Option<u8> {
    if data.is_empty() {
        return None;
    }
    let mut sum = 0u8;
    for (i, b) in data.bytes().rev().enumerate() {
        if !b.is_ascii_digit() {
            return None;
        }
        let d = b - b'0';
        let w = if i % 2 == 0 { 3 } else { 1 };
        sum = (sum + d * w) % 10;
    }
    Some((10 - sum) % 10)
}

/// A parsed key: type, digit span, check digit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct KeyRepr {
    pub(crate) ty: Gs1KeyType,
    pub(crate) digits: Span,
    pub(crate) check: u8,
}

/// Parse `input[span]` as a key of one of `types` (chosen by length). `[IDENT-12]`
pub(crate) fn parse_key(
    input: &str,
    span: Span,
    types: &[Gs1KeyType],
) -> Result<KeyRepr, IdentError> {
    let text = span.of(input);
    if text.is_empty() {
        return Err(err(IdentErrorKind::EmptySegment, span.start));
    }
    if let Some((i, _)) = text.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        return Err(err(IdentErrorKind::BadChar, span.start.saturating_add(i)));
    }
    let ty = types
        .iter()
        .copied()
        .find(|t| t.digit_count() == text.len())
        .ok_or(err(IdentErrorKind::BadLength, span.start))?;
    let (data, check) = text
        .split_at_checked(text.len().saturating_sub(1))
        .ok_or(err(IdentErrorKind::BadLength, span.start))?;
    let found = check.bytes().next().map_or(0, |b| b.wrapping_sub(b'0'));
    let expected = gs1_check_digit(data).ok_or(err(IdentErrorKind::BadLength, span.start))?;
    if found != expected {
        return Err(err(
            IdentErrorKind::BadCheckDigit { expected },
            span.end.saturating_sub(1),
        ));
    }
    Ok(KeyRepr {
        ty,
        digits: span,
        check: found,
    })
}

/// Key types of a bare all-digit text.
pub(crate) const BARE_TYPES: &[Gs1KeyType] = &[
    Gs1KeyType::Gtin8,
    Gs1KeyType::Gtin12,
    Gs1KeyType::Gtin13,
    Gs1KeyType::Gtin14,
    Gs1KeyType::Sscc,
];

/// A GS1 Digital Link key qualifier AI this library validates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Qual {
    Cpv22,
    Batch10,
    Serial21,
    Tpx235,
    GlnExt254,
}

impl Qual {
    pub(crate) const fn ai(self) -> &'static str {
        match self {
            Qual::Cpv22 => "22",
            Qual::Batch10 => "10",
            Qual::Serial21 => "21",
            Qual::Tpx235 => "235",
            Qual::GlnExt254 => "254",
        }
    }

    /// The canonical (element string) label, e.g. `(10)`.
    pub(crate) const fn label(self) -> &'static str {
        match self {
            Qual::Cpv22 => "(22)",
            Qual::Batch10 => "(10)",
            Qual::Serial21 => "(21)",
            Qual::Tpx235 => "(235)",
            Qual::GlnExt254 => "(254)",
        }
    }

    const fn max_len(self) -> usize {
        match self {
            Qual::Tpx235 => GS1_AI_235_MAX,
            _ => GS1_AI_X20_MAX,
        }
    }

    fn from_ai(s: &str) -> Option<Qual> {
        [
            Qual::Cpv22,
            Qual::Batch10,
            Qual::Serial21,
            Qual::Tpx235,
            Qual::GlnExt254,
        ]
        .into_iter()
        .find(|q| q.ai() == s)
    }
}

/// Qualifier chains per primary key: the qualifiers present must appear in this order, all
/// from one chain.
const GTIN_CHAINS: &[&[Qual]] = &[
    &[Qual::Cpv22, Qual::Batch10, Qual::Serial21],
    &[Qual::Tpx235],
];
const GLN_CHAINS: &[&[Qual]] = &[&[Qual::GlnExt254]];
const SSCC_CHAINS: &[&[Qual]] = &[];

/// The longest qualifier chain.
pub(crate) const MAX_QUALIFIERS: usize = 3;

/// Primary-key AIs of GS1 Digital Link 1.6 that this library does not validate: recognised so
/// that they are not misread as a handle path. \[U: list from the DL 1.6 key table\]
const UNSUPPORTED_KEYS: &[&str] = &[
    "253", "255", "401", "402", "417", "8003", "8004", "8006", "8010", "8013", "8017", "8018",
];

/// A parsed qualifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct QualRepr {
    pub(crate) q: Qual,
    /// The value as written (percent-encoded).
    pub(crate) value: Span,
}

/// A parsed Digital Link path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct DlRepr {
    /// Custom path before the key, without its leading and trailing `/` (may be empty).
    pub(crate) path_prefix: Span,
    pub(crate) key: KeyRepr,
    pub(crate) quals: [Option<QualRepr>; MAX_QUALIFIERS],
    pub(crate) encoded: bool,
}

/// Whether a path segment is a primary-key AI (supported or not).
pub(crate) fn is_key_ai(seg: &str) -> bool {
    matches!(seg, "00" | "01" | "414") || UNSUPPORTED_KEYS.contains(&seg)
}

/// Whether a character is in GS1 AI encodable character set 82. \[U: GS1 General
/// Specifications §7.11, not read for this project\]
fn is_cs82(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '!' | '"'
                | '%'
                | '&'
                | '\''
                | '('
                | ')'
                | '*'
                | '+'
                | ','
                | '-'
                | '.'
                | '/'
                | ':'
                | ';'
                | '<'
                | '='
                | '>'
                | '?'
                | '_'
        )
}

/// Parse the path `input[path]` (after the leading `/`) as a Digital Link whose primary key is
/// the segment `key_seg`. `[IDENT-13]`
pub(crate) fn parse_dl(input: &str, path: Span, key_seg: Span) -> Result<DlRepr, IdentError> {
    let ai = key_seg.of(input);
    let (types, chains): (&[Gs1KeyType], &[&[Qual]]) = match ai {
        "01" => (
            &[
                Gs1KeyType::Gtin8,
                Gs1KeyType::Gtin12,
                Gs1KeyType::Gtin13,
                Gs1KeyType::Gtin14,
            ],
            GTIN_CHAINS,
        ),
        "00" => (&[Gs1KeyType::Sscc], SSCC_CHAINS),
        "414" => (&[Gs1KeyType::Gln], GLN_CHAINS),
        _ => return Err(err(IdentErrorKind::UnsupportedKey, key_seg.start)),
    };
    // Custom path segments before the key must be non-empty.
    let path_prefix = Span::new(path.start, key_seg.start.saturating_sub(1).max(path.start));
    if key_seg.start > path.start {
        for seg in split_spans(input, path_prefix, b'/') {
            if seg.start >= seg.end {
                return Err(err(IdentErrorKind::EmptySegment, seg.start));
            }
        }
    }
    let rest = Span::new(key_seg.end.saturating_add(1).min(path.end), path.end);
    let mut segs = split_spans(input, rest, b'/');
    let missing = err(IdentErrorKind::EmptySegment, path.end);
    if key_seg.end >= path.end {
        return Err(missing);
    }
    let value = segs.next().ok_or(missing)?;
    let key = parse_key(input, value, types)?;

    let mut quals = [None; MAX_QUALIFIERS];
    let mut count = 0usize;
    let mut encoded = false;
    while let Some(ai_seg) = segs.next() {
        let q = Qual::from_ai(ai_seg.of(input));
        let prev: &[Option<QualRepr>] = quals.get(..count).unwrap_or(&[]);
        let fits = q.is_some_and(|q| {
            chains.iter().any(|chain| {
                // Already-present qualifiers followed by `q` form a subsequence of `chain`.
                let mut it = chain.iter();
                prev.iter()
                    .flatten()
                    .map(|p| p.q)
                    .chain(core::iter::once(q))
                    .all(|x| it.any(|c| *c == x))
            })
        });
        let (Some(q), true) = (q, fits) else {
            return Err(err(IdentErrorKind::BadQualifier, ai_seg.start));
        };
        let value = segs
            .next()
            .ok_or(err(IdentErrorKind::EmptySegment, path.end))?;
        if value.start >= value.end {
            return Err(err(IdentErrorKind::EmptySegment, value.start));
        }
        let mut n = 0usize;
        for item in DecodedChars::new(input, value, true) {
            let (at, c) = item?;
            n = n.saturating_add(1);
            if !is_cs82(c) {
                return Err(err(IdentErrorKind::BadChar, at));
            }
            if n > q.max_len() {
                return Err(err(IdentErrorKind::TooLong { limit: q.max_len() }, at));
            }
        }
        encoded |= value.of(input).contains('%');
        let slot = quals
            .get_mut(count)
            .ok_or(err(IdentErrorKind::BadQualifier, ai_seg.start))?;
        *slot = Some(QualRepr { q, value });
        count = count.saturating_add(1);
    }
    Ok(DlRepr {
        path_prefix,
        key,
        quals,
        encoded,
    })
}
