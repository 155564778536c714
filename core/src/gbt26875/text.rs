//! GB 18030 text fields: the 31-byte 部件说明 and the variable configuration texts.
//!
//! §8.2.1: text fields use GB 18030-2005; the 部件说明 (component description) is a fixed 31-byte
//! field and the standard does not say how it is padded \[GBT-6\]. Real devices pad with NULs or
//! spaces, put text after leading NULs, and leave garbage after the NUL that ends the text
//! (checklist row 4). So the text span is: skip leading NULs, stop at the first NUL after the text,
//! trim spaces at both ends \[GBT-29\]. Decoding is WHATWG GB 18030 (the `gb18030` codec of
//! [`super::gb18030`], tables derived from `encoding_rs` at build time; no allocation) into a
//! caller buffer; malformed sequences become U+FFFD and are flagged \[GBT-30\]. The raw bytes
//! are always kept.
//!
//! GB 18030 multi-byte sequences never contain `00` or `20` (lead bytes are `81..=FE`, trail bytes
//! `30..=39` or `40..=FE`), so trimming NULs and spaces at the byte level never cuts a character.

use super::Error;
use super::gb18030;
use crate::ErrorCode;

/// Where the text of a padded field starts and ends, and how it was padded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Leading NULs, or something other than NULs and spaces after the terminating NUL.
    pub(crate) odd_padding: bool,
}

/// Find the text in a NUL/space padded field.
pub(crate) fn span(raw: &[u8]) -> Span {
    let leading = raw.iter().take_while(|&&b| b == 0).count();
    let rest = raw.get(leading..).unwrap_or_default();
    let text_len = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
    let after = rest.get(text_len..).unwrap_or_default();
    let garbage = after.iter().any(|&b| b != 0 && b != b' ');
    let text = rest.get(..text_len).unwrap_or_default();
    let lead_sp = text.iter().take_while(|&&b| b == b' ').count();
    let trail_sp = text.iter().rev().take_while(|&&b| b == b' ').count();
    let start = leading
        .saturating_add(lead_sp)
        .min(leading.saturating_add(text_len));
    let end = leading
        .saturating_add(text_len)
        .saturating_sub(trail_sp)
        .max(start);
    Span {
        start,
        end,
        odd_padding: (leading > 0 && leading < raw.len()) || garbage,
    }
}

/// Decode GB 18030 bytes into `dst` as UTF-8, replacing malformed sequences with U+FFFD.
///
/// Returns the text and whether anything was replaced. `dst` needs at most `3 × src.len() + 3`
/// bytes (every byte may become a 3-byte U+FFFD).
///
/// # Errors
/// `BUFFER_TOO_SMALL` (offset = bytes of `src` decoded so far) when `dst` is too short.
pub fn decode_text<'b>(src: &[u8], dst: &'b mut [u8]) -> Result<(&'b str, bool), Error> {
    let (written, replaced) = decode_into(src, dst)?;
    let out = dst.get(..written).unwrap_or_default();
    // Only whole characters were written; the check cannot fail (the safe way to a `&str`).
    let text = core::str::from_utf8(out)
        .map_err(|e| Error::new(ErrorCode::GbtBadText, e.valid_up_to()))?;
    Ok((text, replaced))
}

/// [`decode_text`] without the final `&str`: the bytes written and whether anything was replaced.
fn decode_into(src: &[u8], dst: &mut [u8]) -> Result<(usize, bool), Error> {
    // The fast path where the output space cannot run out (then the space asked for before each
    // character, which must match encoding_rs's for a short buffer, does not matter).
    let (read, mut written) = if dst.len() >= src.len().saturating_mul(3).saturating_add(3) {
        gb18030::decode_simple(src, dst)
    } else {
        (0, 0)
    };
    let mut replaced = false;
    for unit in gb18030::Decoder::new(src.get(read..).unwrap_or_default()) {
        let at = unit.read.saturating_add(read);
        // The space is asked for as encoding_rs asked for it, so the offset is the same.
        if dst.len().saturating_sub(written) < unit.need {
            return Err(Error::new(ErrorCode::BufferTooSmall, at));
        }
        let ch = unit.ch.unwrap_or_else(|| {
            replaced = true;
            char::REPLACEMENT_CHARACTER
        });
        let end = written.saturating_add(ch.len_utf8());
        let slot = dst
            .get_mut(written..end)
            .ok_or(Error::new(ErrorCode::BufferTooSmall, at))?;
        ch.encode_utf8(slot);
        written = end;
    }
    Ok((written, replaced))
}

/// Whether `src` is well-formed GB 18030 (decodes without replacement).
pub(crate) fn is_well_formed(src: &[u8]) -> bool {
    gb18030::is_well_formed(src)
}

/// Encode `text` as GB 18030 into `dst`; returns the number of bytes written. For the
/// configuration texts of types 6 and 26 (at most 255 bytes), and by [`Description::from_text`].
///
/// # Errors
/// `GBT_TEXT_TOO_LONG` (offset = byte offset in `text` of the first character that does not fit),
/// `GBT_BAD_TEXT` for a character GB 18030 cannot encode (as WHATWG's encoder, e.g. U+E5E5).
pub fn encode_text(text: &str, dst: &mut [u8]) -> Result<usize, Error> {
    let mut written = 0usize;
    for (at, ch) in text.char_indices() {
        let (gb, n) = gb18030::encode_char(ch).ok_or(Error::new(ErrorCode::GbtBadText, at))?;
        let end = written.saturating_add(n);
        let slot = dst
            .get_mut(written..end)
            .ok_or(Error::new(ErrorCode::GbtTextTooLong, at))?;
        slot.copy_from_slice(gb.get(..n).unwrap_or_default());
        written = end;
    }
    Ok(written)
}

/// The 31-byte GB 18030 部件说明 (component description) of objects of types 2 and 7, raw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Description {
    /// The 31 bytes as sent.
    pub raw: [u8; Description::LEN],
}

impl Default for Description {
    fn default() -> Self {
        Description {
            raw: [0; Description::LEN],
        }
    }
}

impl Description {
    /// The field size (图7, 图12).
    pub const LEN: usize = 31;

    /// A description from its 31 wire bytes.
    pub const fn from_bytes(raw: [u8; Description::LEN]) -> Description {
        Description { raw }
    }

    /// Encode `text` as GB 18030, padded with NULs to 31 bytes.
    ///
    /// # Errors
    /// `GBT_TEXT_TOO_LONG` when the encoding is over 31 bytes; `GBT_BAD_TEXT` for a character
    /// that GB 18030 (as WHATWG defines its encoder) cannot encode, or for a NUL in `text`.
    pub fn from_text(text: &str) -> Result<Description, Error> {
        if let Some(i) = text.bytes().position(|b| b == 0) {
            return Err(Error::new(ErrorCode::GbtBadText, i));
        }
        let mut raw = [0u8; Description::LEN];
        encode_text(text, &mut raw)?;
        Ok(Description { raw })
    }

    /// The bytes of the text: leading NULs skipped, cut at the NUL after the text, spaces trimmed.
    pub fn text_bytes(&self) -> &[u8] {
        let s = span(&self.raw);
        self.raw.get(s.start..s.end).unwrap_or_default()
    }

    /// Whether the padding is unusual: leading NULs, or garbage after the terminating NUL.
    pub fn odd_padding(&self) -> bool {
        span(&self.raw).odd_padding
    }

    /// Whether the text is well-formed GB 18030.
    pub fn is_well_formed(&self) -> bool {
        is_well_formed(self.text_bytes())
    }

    /// [`odd_padding`](Self::odd_padding) and [`is_well_formed`](Self::is_well_formed) from one
    /// look at the padding (the decoder's check of every description).
    pub(crate) fn check(&self) -> (bool, bool) {
        let s = span(&self.raw);
        let text = self.raw.get(s.start..s.end).unwrap_or_default();
        (s.odd_padding, is_well_formed(text))
    }

    /// The text decoded to Unicode (lossy) in a fixed buffer.
    pub fn text(&self) -> DescriptionText {
        let mut out = DescriptionText {
            buf: [0; DescriptionText::CAPACITY],
            len: 0,
            replaced: false,
        };
        // One pass: decoded and checked for replacement together; `as_str` makes the `&str`.
        if let Ok((len, replaced)) = decode_into(self.text_bytes(), &mut out.buf) {
            out.len = len;
            out.replaced = replaced;
        }
        out
    }
}

/// A decoded [`Description`]: UTF-8 in a fixed buffer (no allocation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DescriptionText {
    buf: [u8; DescriptionText::CAPACITY],
    len: usize,
    replaced: bool,
}

impl DescriptionText {
    /// Enough for 31 bytes that all decode to 3-byte U+FFFD, plus a pending sequence.
    pub const CAPACITY: usize = 3 * Description::LEN + 3;

    /// The text.
    pub fn as_str(&self) -> &str {
        self.buf
            .get(..self.len)
            .and_then(|b| core::str::from_utf8(b).ok())
            .unwrap_or_default()
    }

    /// Whether malformed bytes were replaced with U+FFFD.
    pub const fn replaced(&self) -> bool {
        self.replaced
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn desc(bytes: &[u8]) -> Description {
        let mut raw = [0u8; 31];
        raw[..bytes.len()].copy_from_slice(bytes);
        Description::from_bytes(raw)
    }

    #[test]
    fn v1_description() {
        let d = desc(&[
            0xA3, 0xC1, 0xC7, 0xF8, 0xA3, 0xB1, 0xB2, 0xE3, 0xDF, 0xC8, 0xB2, 0xB8, 0xD7, 0xDF,
            0xC0, 0xC8,
        ]);
        let t = d.text();
        assert_eq!(t.as_str(), "Ａ区１层呷哺走廊");
        assert!(!t.replaced());
        assert!(!d.odd_padding());
        assert_eq!(Description::from_text("Ａ区１层呷哺走廊").unwrap(), d);
    }

    #[test]
    fn padding_variants() {
        // Leading NULs, then text, then garbage after the terminating NUL.
        let d = desc(&[0, 0, 0xB3, 0xF8, 0xB7, 0xBF, 0x20, 0x20, 0, 0x41, 0x42]);
        assert_eq!(d.text().as_str(), "厨房");
        assert!(d.odd_padding());
        // Space padding to the end is ordinary.
        let mut raw = [b' '; 31];
        raw[..4].copy_from_slice(&[0xB3, 0xF8, 0xB7, 0xBF]);
        let d = Description::from_bytes(raw);
        assert_eq!(d.text().as_str(), "厨房");
        assert!(!d.odd_padding());
        // All NULs: empty, ordinary.
        assert_eq!(Description::default().text().as_str(), "");
        assert!(!Description::default().odd_padding());
        // All spaces: empty.
        assert_eq!(Description::from_bytes([b' '; 31]).text().as_str(), "");
    }

    #[test]
    fn malformed_is_replaced_and_flagged() {
        let d = desc(&[0xB3, 0xF8, 0xFF, 0x41]);
        let t = d.text();
        assert_eq!(t.as_str(), "厨\u{FFFD}A");
        assert!(t.replaced());
        assert!(!d.is_well_formed());
        // 31 bytes of 0xFF: the worst case still fits the buffer.
        let d = Description::from_bytes([0xFF; 31]);
        assert_eq!(d.text().as_str().chars().count(), 31);
        // A lone lead byte at the end.
        let d = Description::from_bytes([0x81; 31]);
        assert!(d.text().replaced());
    }

    #[test]
    fn capacity_covers_the_worst_case() {
        let worst = encoding_rs::GB18030
            .new_decoder_without_bom_handling()
            .max_utf8_buffer_length(31)
            .unwrap();
        assert!(worst <= DescriptionText::CAPACITY, "{worst}");
    }

    #[test]
    fn encode_limits() {
        // 15 two-byte characters = 30 bytes fit; 16 do not.
        assert!(Description::from_text("燃燃燃燃燃燃燃燃燃燃燃燃燃燃燃").is_ok());
        let e = Description::from_text("燃燃燃燃燃燃燃燃燃燃燃燃燃燃燃燃").unwrap_err();
        assert_eq!(e.code(), ErrorCode::GbtTextTooLong);
        assert_eq!(e.offset(), 45);
        assert_eq!(
            Description::from_text("a\0b").unwrap_err().code(),
            ErrorCode::GbtBadText
        );
        // A 4-byte GB 18030 character (outside the BMP).
        let d = Description::from_text("😀").unwrap();
        assert_eq!(d.text_bytes().len(), 4);
        assert_eq!(d.text().as_str(), "😀");
    }
}
