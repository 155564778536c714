//! MA codes: structure only. The structure below was seen in the tests of an unidentified public
//! repository and in examples \[V, examples only\]; no standard text was read, so results are
//! flagged as unverified. `[IDENT-14]`
//!
//! ```text
//! ma-code = "MA" "." country 2*( "." field )   ; country then at least two fields
//! country = 3DIGIT                             ; seen: 156
//! field   = 1*( ALPHA / DIGIT )                ; industry, registrant, product, PI fields…
//! ```
//! Strings under `MA.` that contain `/` (IDcode-style, e.g. `MA.156.1003.1629/10.46100000.x`)
//! have another, unanalysed structure: scheme detection reads them as generic handles.

use super::error::{IdentError, IdentErrorKind};
use super::limits::{MA_COUNTRY_DIGITS, MA_MIN_FIELDS};
use super::scan::{Span, err, split_spans};

/// The marker of an MA code.
pub(crate) const MARKER: &str = "MA.";

/// A parsed MA code: the country field and the span of the fields after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct MaRepr {
    pub(crate) country: Span,
    pub(crate) fields: Span,
}

/// Parse `input[span]`, which starts with `MA.`.
pub(crate) fn parse(input: &str, span: Span) -> Result<MaRepr, IdentError> {
    let body = Span::new(span.start.saturating_add(MARKER.len()), span.end);
    let mut country = None;
    let mut fields = 0usize;
    for seg in split_spans(input, body, b'.') {
        let text = seg.of(input);
        if text.is_empty() {
            return Err(err(IdentErrorKind::EmptySegment, seg.start));
        }
        let is_country = country.is_none();
        if let Some((i, _)) = text.char_indices().find(|(_, c)| {
            if is_country {
                !c.is_ascii_digit()
            } else {
                !c.is_ascii_alphanumeric()
            }
        }) {
            return Err(err(IdentErrorKind::BadChar, seg.start.saturating_add(i)));
        }
        if is_country {
            if text.len() != MA_COUNTRY_DIGITS {
                return Err(err(IdentErrorKind::BadLength, seg.start));
            }
            country = Some(seg);
        } else {
            fields = fields.saturating_add(1);
        }
    }
    let country = country.ok_or(err(IdentErrorKind::EmptySegment, body.start))?;
    if fields < MA_MIN_FIELDS {
        return Err(err(
            IdentErrorKind::TooFewSegments { min: MA_MIN_FIELDS },
            span.end,
        ));
    }
    Ok(MaRepr {
        country,
        fields: Span::new(country.end.saturating_add(1), span.end),
    })
}
