//! Hex text of bytes, as people type and paste frames (`gasdev decode "4744 01…"`, the web tool's
//! text box): pairs of hex digits in either case, ASCII white space allowed between pairs, never
//! inside one. The one decoder of the CLI and the bindings: a malformed text is `FRAME_BAD_HEX` at
//! the byte offset of the offending character, or at the end of the text for an odd number of
//! digits.
//!
//! GB/T 26875.3's ASCII-hex transport has rules of its own (white space anywhere, `GBT_BAD_HEX`):
//! [`crate::gbt26875::decode_hex_text`].

use crate::ErrorCode;

/// Why a hex text was refused: the shared error code and the byte offset in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HexError {
    code: ErrorCode,
    offset: usize,
}

impl HexError {
    /// `FRAME_BAD_HEX`, or `BUFFER_TOO_SMALL` from [`decode_into`].
    pub const fn code(&self) -> ErrorCode {
        self.code
    }

    /// The byte offset of the offending character (the text's length for an odd number of
    /// digits; for `BUFFER_TOO_SMALL`, the digit that did not fit).
    pub const fn offset(&self) -> usize {
        self.offset
    }
}

impl core::fmt::Display for HexError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{} at byte {}", self.code.name(), self.offset)
    }
}

#[cfg(feature = "std")]
impl std::error::Error for HexError {}

const fn digit(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c.wrapping_sub(b'0')),
        b'a'..=b'f' => Some(c.wrapping_sub(b'a').wrapping_add(10)),
        b'A'..=b'F' => Some(c.wrapping_sub(b'A').wrapping_add(10)),
        _ => None,
    }
}

/// Call `emit(offset of the pair's second digit, byte)` for every byte of `text`, in order.
fn each_byte(
    text: &[u8],
    mut emit: impl FnMut(usize, u8) -> Result<(), HexError>,
) -> Result<(), HexError> {
    let bad = |offset| HexError {
        code: ErrorCode::FrameBadHex,
        offset,
    };
    let mut high: Option<u8> = None;
    for (i, &c) in text.iter().enumerate() {
        if c.is_ascii_whitespace() {
            if high.is_some() {
                return Err(bad(i));
            }
            continue;
        }
        let d = digit(c).ok_or(bad(i))?;
        match high.take() {
            None => high = Some(d),
            Some(h) => emit(i, (h << 4) | d)?,
        }
    }
    match high {
        Some(_) => Err(bad(text.len())),
        None => Ok(()),
    }
}

/// Decode `text` into `out`; returns the number of bytes written. No allocation.
///
/// # Errors
/// `FRAME_BAD_HEX` at the offending character (or at the end); `BUFFER_TOO_SMALL` when `out`
/// cannot hold every byte.
pub fn decode_into(text: &[u8], out: &mut [u8]) -> Result<usize, HexError> {
    let mut n = 0usize;
    each_byte(text, |i, b| {
        let slot = out.get_mut(n).ok_or(HexError {
            code: ErrorCode::BufferTooSmall,
            offset: i,
        })?;
        *slot = b;
        n = n.saturating_add(1);
        Ok(())
    })?;
    Ok(n)
}

/// Decode `text` into a new vector.
///
/// # Errors
/// `FRAME_BAD_HEX` at the offending character, or at the end for an odd number of digits.
///
/// ```
/// use gasdev::hex;
/// assert_eq!(hex::decode(b"47 44\n01"), Ok(vec![0x47, 0x44, 0x01]));
/// let e = hex::decode(b"4744 0G").unwrap_err();
/// assert_eq!((e.code().name(), e.offset()), ("FRAME_BAD_HEX", 6));
/// ```
#[cfg(feature = "alloc")]
pub fn decode(text: &[u8]) -> Result<alloc::vec::Vec<u8>, HexError> {
    let mut out = alloc::vec::Vec::with_capacity(text.len() / 2);
    each_byte(text, |_, b| {
        out.push(b);
        Ok(())
    })?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "unit test: a panic is a failing test")]

    use super::{HexError, decode_into};
    use crate::ErrorCode;

    fn bad(offset: usize) -> Result<usize, HexError> {
        Err(HexError {
            code: ErrorCode::FrameBadHex,
            offset,
        })
    }

    #[test]
    fn pairs_with_white_space_between() {
        let mut out = [0u8; 8];
        assert_eq!(decode_into(b"47 44\n01", &mut out), Ok(3));
        assert_eq!(out.get(..3), Some(&[0x47, 0x44, 0x01][..]));
        assert_eq!(decode_into(b" aBcD\t", &mut out), Ok(2));
        assert_eq!(out.get(..2), Some(&[0xAB, 0xCD][..]));
        assert_eq!(decode_into(b"", &mut out), Ok(0));
        assert_eq!(decode_into(b" \n ", &mut out), Ok(0));
    }

    #[test]
    fn offsets_of_malformed_text() {
        let mut out = [0u8; 8];
        assert_eq!(decode_into(b"4744 0G", &mut out), bad(6));
        assert_eq!(decode_into(b"474", &mut out), bad(3));
        assert_eq!(decode_into(b"4 7", &mut out), bad(1));
        assert_eq!(decode_into(b"0x47", &mut out), bad(1));
        assert_eq!(decode_into("47é".as_bytes(), &mut out), bad(2));
    }

    #[test]
    fn a_full_buffer_is_reported() {
        let mut out = [0u8; 1];
        assert_eq!(
            decode_into(b"47 44", &mut out),
            Err(HexError {
                code: ErrorCode::BufferTooSmall,
                offset: 4
            })
        );
    }
}
