//! Canonical comparison forms, rendered without allocation. `[IDENT-10]`
//!
//! | scheme | canonical form |
//! |---|---|
//! | handle, idis | `PREFIX/suffix`: prefix ASCII-uppercased, suffix unchanged; the whole string uppercased when it starts with `0.` (F7); wrapper (`hdl:`, URL) dropped; percent-escapes decoded |
//! | oid | as written (no leading zeros, so already unique) |
//! | gs1, gs1_digital_link | GS1 element string `(AI)value…`: GTINs left-padded to 14 digits, qualifiers decoded, query and host dropped |
//! | ma, ecode | as written |

use super::scan::decoded_lossy;

/// One piece of a canonical form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Piece<'a> {
    /// Literal text (`/`, `(01)`, zero padding).
    Lit(&'static str),
    /// Input text, unchanged.
    Raw(&'a str),
    /// Input text, ASCII-uppercased.
    Upper(&'a str),
    /// Input text, percent-decoded.
    Decode(&'a str),
    /// Input text, percent-decoded then ASCII-uppercased.
    DecodeUpper(&'a str),
}

/// Most pieces any scheme needs: a Digital Link key (3) plus three qualifiers (2 each).
pub(crate) const MAX_PIECES: usize = 9;

/// The canonical comparison form of an identifier. Renders with `Display` (no allocation);
/// compare two with [`Canonical::chars`] or [`super::Ident::canonical_eq`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Canonical<'a> {
    pieces: [Piece<'a>; MAX_PIECES],
    len: usize,
}

impl<'a> Canonical<'a> {
    pub(crate) const fn new() -> Canonical<'a> {
        Canonical {
            pieces: [Piece::Lit(""); MAX_PIECES],
            len: 0,
        }
    }

    /// Append a piece (ignored beyond [`MAX_PIECES`], which no scheme reaches).
    pub(crate) fn push(&mut self, piece: Piece<'a>) {
        if let Some(slot) = self.pieces.get_mut(self.len) {
            *slot = piece;
            self.len = self.len.saturating_add(1);
        }
    }

    /// The characters of the canonical form.
    pub fn chars(&self) -> impl Iterator<Item = char> + use<'a> {
        let pieces = self.pieces;
        let len = self.len;
        pieces.into_iter().take(len).flat_map(piece_chars)
    }
}

/// The characters of one piece.
fn piece_chars(piece: Piece<'_>) -> impl Iterator<Item = char> + '_ {
    let (text, decode, upper) = match piece {
        Piece::Lit(s) => (s, false, false),
        Piece::Raw(s) => (s, false, false),
        Piece::Upper(s) => (s, false, true),
        Piece::Decode(s) => (s, true, false),
        Piece::DecodeUpper(s) => (s, true, true),
    };
    decoded_lossy(text, decode).map(move |c| if upper { c.to_ascii_uppercase() } else { c })
}

impl core::fmt::Display for Canonical<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        use core::fmt::Write;
        for piece in self.pieces.iter().take(self.len) {
            match *piece {
                Piece::Lit(s) | Piece::Raw(s) => f.write_str(s)?,
                other => {
                    for c in piece_chars(other) {
                        f.write_char(c)?;
                    }
                }
            }
        }
        Ok(())
    }
}

/// Zero padding of `n` digits (`n <= 6`: a GTIN-8 padded to 14 digits).
pub(crate) fn zeros(n: usize) -> &'static str {
    "000000".get(..n).unwrap_or("")
}
