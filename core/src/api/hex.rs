//! Hex text in the call surface: lowercase hex of bytes, and the core's one hex reader
//! ([`crate::hex`]) with its error as an [`ApiError`], so every front end rejects the same text at
//! the same offset.

use alloc::string::String;
use alloc::vec::Vec;

use super::error::ApiError;

/// Lowercase hex of `bytes`.
pub fn to_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len().saturating_mul(2));
    for b in bytes {
        for n in [b >> 4, b & 0x0F] {
            s.push(char::from(
                DIGITS.get(usize::from(n)).copied().unwrap_or(b'0'),
            ));
        }
    }
    s
}

/// Parse hex text with the core's one hex reader ([`crate::hex::decode`]): pairs of digits
/// (either case), whitespace allowed between pairs.
///
/// # Errors
/// `FRAME_BAD_HEX` at the byte offset of the offending character, or at the end of the text
/// when a digit lacks its pair.
pub fn parse_hex(text: &[u8]) -> Result<Vec<u8>, ApiError> {
    crate::hex::decode(text).map_err(|e| ApiError::new(e.code()).at(e.offset()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_pairs_and_names_the_offset() {
        assert_eq!(
            parse_hex(b" 0a1B\nff ").ok(),
            Some(alloc::vec![0x0a, 0x1b, 0xff])
        );
        assert_eq!(
            parse_hex(b"0a 1").map_err(|e| (e.name, e.offset)),
            Err(("FRAME_BAD_HEX", Some(4)))
        );
        assert_eq!(parse_hex(b"0 a").map_err(|e| e.offset), Err(Some(1)));
        assert_eq!(parse_hex(b"0g").map_err(|e| e.offset), Err(Some(1)));
        assert_eq!(to_hex(&[0x00, 0xab, 0x7f]), "00ab7f");
    }
}
