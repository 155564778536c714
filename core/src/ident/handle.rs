//! Handles (RFC 3650/3651 syntax, lenient) and the national-node 88-profile (strict).
//!
//! ```text
//! handle      = prefix [ "/" suffix ]         ; split at the FIRST "/"          [V F9]
//! prefix      = segment *( "." segment )      ; segments non-empty              [V F10]
//! idis-prefix = "88" 1*( "." 1*DIGIT )        ; 88-profile                      [I, §2.8 rule 3]
//! suffix      = 1*char                        ; may contain "/" and "."         [V F9]
//! ```
//! A slashless text is only a prefix (the prefix handle `0.NA/<prefix>`, F8): well formed, but
//! not an item identifier. `[IDENT-7]`

use super::error::{IdentError, IdentErrorKind};
use super::limits::{
    HANDLE_MAX_BYTES, IDIS_ITEM_PREFIX_MIN_SEGMENTS, IDIS_MAX_CHARS, IDIS_PREFIX_MAX_CHARS,
};
use super::scan::{DecodedChars, Span, err, find_byte, is_white_space};

/// The parsed shape of a handle, as spans of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct HandleRepr {
    /// Parsed with the strict 88-profile.
    pub(crate) idis: bool,
    pub(crate) prefix: Span,
    /// `None` for a slashless text (prefix only).
    pub(crate) suffix: Option<Span>,
    /// The suffix is percent-encoded (URL form) and contains at least one escape.
    pub(crate) encoded: bool,
    /// The suffix contains `/` (after decoding). Allowed, but unusual: reference §2.8 rule 6.
    pub(crate) suffix_slash: bool,
    /// Number of prefix segments.
    pub(crate) segments: usize,
}

/// Parse `input[span]` as a handle. `idis` selects the strict 88-profile; `url` means the text
/// is the path of a URL (percent-escapes in the suffix are decoded; the prefix may hold none).
pub(crate) fn parse(
    input: &str,
    span: Span,
    idis: bool,
    url: bool,
) -> Result<HandleRepr, IdentError> {
    let text = span.of(input);
    let (prefix, suffix) = match find_byte(text, b"/") {
        Some(i) => {
            let slash = span.start.saturating_add(i);
            (
                Span::new(span.start, slash),
                Some(Span::new(slash.saturating_add(1), span.end)),
            )
        }
        None => (span, None),
    };

    let (segments, prefix_chars) = check_prefix(input, prefix, idis, url)?;

    // [IDENT-9] An item identifier in the 88-profile sits under an enterprise prefix
    // `88.<node>.<ent>`; `88.<node>` alone is a secondary-node prefix.
    if idis && suffix.is_some() && segments < IDIS_ITEM_PREFIX_MIN_SEGMENTS {
        return Err(err(
            IdentErrorKind::TooFewSegments {
                min: IDIS_ITEM_PREFIX_MIN_SEGMENTS,
            },
            prefix.end,
        ));
    }

    let mut repr = HandleRepr {
        idis,
        prefix,
        suffix,
        encoded: false,
        suffix_slash: false,
        segments,
    };
    let Some(suffix) = suffix else {
        return Ok(repr);
    };
    if suffix.start >= suffix.end {
        // [IDENT-7] b2handle "Empty suffix".
        return Err(err(IdentErrorKind::NoSuffix, suffix.start));
    }

    // [IDENT-8] [IDENT-9] Length limits count the identifier itself (`prefix/suffix`,
    // percent-decoded), not a wrapper such as `hdl:` or a URL.
    let mut chars = prefix_chars.saturating_add(1);
    let mut bytes = prefix.end.saturating_sub(prefix.start).saturating_add(1);
    for item in DecodedChars::new(input, suffix, url) {
        let (at, c) = item?;
        chars = chars.saturating_add(1);
        bytes = bytes.saturating_add(c.len_utf8());
        if idis && chars > IDIS_MAX_CHARS {
            return Err(err(
                IdentErrorKind::TooLong {
                    limit: IDIS_MAX_CHARS,
                },
                at,
            ));
        }
        if bytes > HANDLE_MAX_BYTES {
            return Err(err(
                IdentErrorKind::TooLong {
                    limit: HANDLE_MAX_BYTES,
                },
                at,
            ));
        }
        // A URL cannot carry a raw space (it would be `%20`).
        if url && c == ' ' && input.as_bytes().get(at) == Some(&b' ') {
            return Err(err(IdentErrorKind::BadChar, at));
        }
        if c == '/' {
            repr.suffix_slash = true;
        }
        if url && input.as_bytes().get(at) == Some(&b'%') {
            repr.encoded = true;
        }
    }
    Ok(repr)
}

/// Check the prefix; return its number of segments and of characters.
fn check_prefix(
    input: &str,
    prefix: Span,
    idis: bool,
    url: bool,
) -> Result<(usize, usize), IdentError> {
    let text = prefix.of(input);
    let mut segments = 1usize;
    let mut seg_start = prefix.start;
    let mut seg_len = 0usize;
    let mut chars = 0usize;
    for (i, c) in text.char_indices() {
        let at = prefix.start.saturating_add(i);
        chars = chars.saturating_add(1);
        if idis && chars > IDIS_PREFIX_MAX_CHARS {
            // [IDENT-9] F5: prefix <= 64 characters.
            return Err(err(
                IdentErrorKind::TooLong {
                    limit: IDIS_PREFIX_MAX_CHARS,
                },
                at,
            ));
        }
        if c == '.' {
            if seg_len == 0 {
                return Err(err(IdentErrorKind::EmptySegment, seg_start));
            }
            segments = segments.saturating_add(1);
            seg_start = at.saturating_add(1);
            seg_len = 0;
            continue;
        }
        let ok = if idis {
            // [IDENT-9] Segments of an 88-prefix are ASCII digits; the first is `88`.
            c.is_ascii_digit() && (segments > 1 || (seg_len < 2 && c == '8'))
        } else {
            // [IDENT-8] Any printable character except white space, `:` (b2handle reads a `:`
            // as the index form) and, inside a URL, `%` (escapes are not decoded in prefixes).
            !is_white_space(c) && c != ':' && !(url && c == '%')
        };
        if !ok {
            return Err(err(IdentErrorKind::BadChar, at));
        }
        seg_len = seg_len.saturating_add(1);
    }
    if seg_len == 0 {
        // Empty prefix (b2handle "Empty prefix") or a trailing `.`.
        return Err(err(IdentErrorKind::EmptySegment, seg_start));
    }
    if idis && segments < 2 {
        return Err(err(IdentErrorKind::TooFewSegments { min: 2 }, prefix.end));
    }
    if !idis && prefix.end.saturating_sub(prefix.start) > HANDLE_MAX_BYTES {
        return Err(err(
            IdentErrorKind::TooLong {
                limit: HANDLE_MAX_BYTES,
            },
            super::scan::floor_boundary(input, prefix.start.saturating_add(HANDLE_MAX_BYTES)),
        ));
    }
    Ok((segments, chars))
}
