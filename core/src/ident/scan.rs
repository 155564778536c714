//! Character-level helpers shared by the scheme parsers: byte spans, forbidden characters and a
//! percent-decoding character iterator. Nothing here allocates.

use super::error::{IdentError, IdentErrorKind};

/// A byte range of the input. Always on character boundaries (the parsers only cut at ASCII
/// bytes or at positions taken from `char_indices`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub(crate) struct Span {
    pub(crate) start: usize,
    pub(crate) end: usize,
}

impl Span {
    pub(crate) const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The text of this span (empty if the span does not fit, which the parsers never produce).
    pub(crate) fn of(self, input: &str) -> &str {
        input.get(self.start..self.end).unwrap_or("")
    }
}

/// An error without a scheme (the caller attaches it).
pub(crate) const fn err(kind: IdentErrorKind, offset: usize) -> IdentError {
    IdentError::new(kind, offset, None)
}

/// Control characters (C0, DEL, C1), line/paragraph separators and invisible format characters
/// that make a printed label differ from its content (bidi overrides, zero-width characters,
/// BOM, soft hyphen). `[IDENT-2]`
pub(crate) fn is_forbidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{061C}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{206F}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
        )
}

/// Unicode `White_Space` (the same set as [`char::is_whitespace`], Unicode 16): spelled out
/// because the standard library's version links a 256-byte lookup table, which the C library's
/// firmware flash budget cannot spare (`ffi/examples/firmware`). Tested against
/// `char::is_whitespace` for every `char`.
pub(crate) const fn is_white_space(c: char) -> bool {
    matches!(
        c,
        '\u{0009}'..='\u{000D}'
            | ' '
            | '\u{0085}'
            | '\u{00A0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200A}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202F}'
            | '\u{205F}'
            | '\u{3000}'
    )
}

/// The value of one ASCII hexadecimal digit.
const fn hex_val(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Characters of `input[start..end]` with their byte offsets into `input`. With `decode`,
/// `%XX` escapes are decoded (multi-byte UTF-8 sequences may span several escapes); a decoded
/// character reports the offset of its first `%`. Yields an error and then stops on a malformed
/// escape (`IDENT_BAD_PERCENT_ENCODING`), an escape sequence that is not UTF-8
/// (`IDENT_NOT_UTF8`) or a decoded forbidden character (`IDENT_CONTROL_CHAR`). `[IDENT-6]`
pub(crate) struct DecodedChars<'a> {
    input: &'a str,
    pos: usize,
    end: usize,
    decode: bool,
}

impl<'a> DecodedChars<'a> {
    pub(crate) const fn new(input: &'a str, span: Span, decode: bool) -> DecodedChars<'a> {
        DecodedChars {
            input,
            pos: span.start,
            end: span.end,
            decode,
        }
    }

    /// The byte at `i` if it is before the end of the span.
    fn byte(&self, i: usize) -> Option<u8> {
        if i < self.end {
            self.input.as_bytes().get(i).copied()
        } else {
            None
        }
    }

    /// Decode the escape `%XX` at `i`.
    fn escape(&self, i: usize) -> Result<u8, IdentError> {
        let bad = err(IdentErrorKind::BadPercentEncoding, i);
        let hi = self
            .byte(i.saturating_add(1))
            .and_then(hex_val)
            .ok_or(bad)?;
        let lo = self
            .byte(i.saturating_add(2))
            .and_then(hex_val)
            .ok_or(bad)?;
        Ok(hi.wrapping_mul(16).wrapping_add(lo))
    }

    fn decode_at(&mut self, start: usize) -> Result<char, IdentError> {
        let not_utf8 = err(IdentErrorKind::NotUtf8, start);
        let first = self.escape(start)?;
        let need = match first {
            0x00..=0x7F => 1,
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => return Err(not_utf8),
        };
        let mut buf = [0u8; 4];
        let mut at = start.saturating_add(3);
        for (k, slot) in buf.iter_mut().enumerate().take(need) {
            if k == 0 {
                *slot = first;
                continue;
            }
            // A continuation byte must itself be escaped: a raw character cannot continue it.
            if self.byte(at) != Some(b'%') {
                return Err(not_utf8);
            }
            *slot = self.escape(at)?;
            at = at.saturating_add(3);
        }
        let text = buf
            .get(..need)
            .and_then(|b| core::str::from_utf8(b).ok())
            .ok_or(not_utf8)?;
        let c = text.chars().next().ok_or(not_utf8)?;
        self.pos = at;
        if is_forbidden(c) {
            return Err(err(IdentErrorKind::ControlChar, start));
        }
        Ok(c)
    }
}

impl Iterator for DecodedChars<'_> {
    type Item = Result<(usize, char), IdentError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.pos >= self.end {
            return None;
        }
        let start = self.pos;
        let c = self.input.get(start..self.end)?.chars().next()?;
        if self.decode && c == '%' {
            let r = self.decode_at(start).map(|c| (start, c));
            if r.is_err() {
                self.pos = self.end; // stop after the first error
            }
            return Some(r);
        }
        self.pos = start.saturating_add(c.len_utf8());
        Some(Ok((start, c)))
    }
}

/// The percent-decoded characters of a text that has already been validated (used to render
/// canonical forms): a malformed escape, which the parsers never let through, gives U+FFFD.
pub(crate) fn decoded_lossy(text: &str, decode: bool) -> impl Iterator<Item = char> + '_ {
    DecodedChars::new(text, Span::new(0, text.len()), decode).map(|r| match r {
        Ok((_, c)) => c,
        Err(_) => char::REPLACEMENT_CHARACTER,
    })
}

/// The largest character boundary of `s` at or below `i`.
pub(crate) fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// `s` starts with `prefix`, ASCII case-insensitively (URI schemes, `hdl:`).
pub(crate) fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.as_bytes()
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// The first byte of `s` that is in `set` (ASCII bytes: the position is a char boundary). Bytes,
/// not `str::find`, whose pattern searchers are a good part of the firmware's identifier check.
pub(crate) fn find_byte(s: &str, set: &[u8]) -> Option<usize> {
    // `set.contains` would call memchr for each byte.
    s.as_bytes().iter().position(|b| set.iter().any(|s| s == b))
}

/// The `sep`-separated pieces of `input[span]` as spans of `input` (an empty span gives one
/// empty piece); `sep` is an ASCII byte.
pub(crate) fn split_spans(input: &str, span: Span, sep: u8) -> impl Iterator<Item = Span> + '_ {
    let bytes = input
        .as_bytes()
        .get(span.start..span.end)
        .unwrap_or_default();
    let mut start = span.start;
    bytes.split(move |b| *b == sep).map(move |piece| {
        let s = Span::new(start, start.saturating_add(piece.len()));
        start = s.end.saturating_add(1);
        s
    })
}

#[cfg(test)]
mod tests {
    use super::is_white_space;

    #[test]
    fn white_space_is_exactly_the_standard_set() {
        let mut n = 0;
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            assert_eq!(
                is_white_space(c),
                c.is_whitespace(),
                "U+{:04X}",
                u32::from(c)
            );
            n += usize::from(is_white_space(c));
        }
        assert_eq!(n, 25);
    }
}
