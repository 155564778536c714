//! Object identifiers in dotted decimal form (ITU-T X.660 / ISO/IEC 9834, with China's limits
//! from GB/T 26231 registration guidance).
//!
//! ```text
//! oid  = arc1 "." arc2 *( "." arc )
//! arc1 = "0" / "1" / "2"                    ; [V] X.660
//! arc2 = arc                                ; <= 39 when arc1 is 0 or 1   [V]
//! arc  = "0" / ( %x31-39 *DIGIT )           ; no leading zeros            [V; V-2 "非0开头"]
//! ; whole OID <= 100 bytes, dots included                                 [V-2]
//! ```
//! Arcs are kept as text: X.660 puts no upper bound on them (UUID arcs under `2.25` have 39
//! digits). Letter and Chinese-character arcs (OID-IRI / secondary identifiers) are not part of
//! the dotted form and are rejected as bad characters. `[IDENT-11]`

use super::error::{IdentError, IdentErrorKind};
use super::limits::{OID_MAX_BYTES, OID_MAX_FIRST_ARC, OID_MAX_SECOND_ARC, OID_MIN_ARCS};
use super::scan::{Span, err};

/// Check one complete arc (`index` counts from 0; `first` is the value of arc 0).
fn check_arc(text: &[u8], start: usize, index: usize, first: u8) -> Result<u8, IdentError> {
    if text.is_empty() {
        return Err(err(IdentErrorKind::EmptySegment, start));
    }
    // A small arc's value (arcs of three or more digits are >= 100, above every bound here).
    let small = match text {
        [a] => Some(a.wrapping_sub(b'0')),
        [a, b] => Some(
            a.wrapping_sub(b'0')
                .wrapping_mul(10)
                .wrapping_add(b.wrapping_sub(b'0')),
        ),
        _ => None,
    };
    let (max, limited) = match index {
        0 => (OID_MAX_FIRST_ARC, true),
        1 => (OID_MAX_SECOND_ARC, first < 2),
        _ => (0, false),
    };
    if limited && small.is_none_or(|v| v > max) {
        return Err(err(IdentErrorKind::ArcOutOfRange { max }, start));
    }
    Ok(small.unwrap_or(u8::MAX))
}

/// Parse `input[span]` as a dotted OID; return the number of arcs.
pub(crate) fn parse(input: &str, span: Span) -> Result<usize, IdentError> {
    let text = span.of(input);
    let bytes = text.as_bytes();
    let mut arcs = 0usize;
    let mut arc_start = 0usize;
    let mut first = 0u8;
    for (i, c) in text.char_indices() {
        let at = span.start.saturating_add(i);
        if i >= OID_MAX_BYTES {
            return Err(err(
                IdentErrorKind::TooLong {
                    limit: OID_MAX_BYTES,
                },
                at,
            ));
        }
        match c {
            '0'..='9' => {
                // A second digit after an arc that began with `0`.
                if i > arc_start && bytes.get(arc_start) == Some(&b'0') {
                    return Err(err(
                        IdentErrorKind::LeadingZero,
                        span.start.saturating_add(arc_start),
                    ));
                }
            }
            '.' => {
                let arc = bytes.get(arc_start..i).unwrap_or(&[]);
                let v = check_arc(arc, span.start.saturating_add(arc_start), arcs, first)?;
                if arcs == 0 {
                    first = v;
                }
                arcs = arcs.saturating_add(1);
                arc_start = i.saturating_add(1);
            }
            _ => return Err(err(IdentErrorKind::BadChar, at)),
        }
    }
    let arc = bytes.get(arc_start..).unwrap_or(&[]);
    check_arc(arc, span.start.saturating_add(arc_start), arcs, first)?;
    arcs = arcs.saturating_add(1);
    if arcs < OID_MIN_ARCS {
        return Err(err(
            IdentErrorKind::TooFewSegments { min: OID_MIN_ARCS },
            span.end,
        ));
    }
    Ok(arcs)
}
