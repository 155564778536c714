//! GB 18030 as WHATWG defines it (the Encoding Standard's `gb18030` decoder and encoder), on
//! tables derived from `encoding_rs` at build time (`core/build.rs`): no hand-written mapping,
//! GB 18030 data only, no allocation.
//!
//! `encoding_rs` links the tables of every encoding it knows (its decoder and encoder dispatch
//! over all of them), which made up most of the WebAssembly module; this codec links ~35 KB.
//! `core/tests/gb18030_exhaustive.rs` compares it with `encoding_rs` over every two- and
//! four-byte sequence, every code point, hostile byte strings and short output buffers.
//!
//! Two tables decode two-byte sequences (build.rs sets cfg `gb18030_direct`):
//! - on host builds, `TWO_BYTE_UTF8`: the UTF-8 bytes of each pointer's character in one `u32`
//!   (95 760 bytes), one load and one store per character;
//! - on wasm32 and bare-metal targets, and with the `compact-gb18030` feature, the compact
//!   delta table (one byte per pointer plus escapes, ≈ 24 KB less, 16 KB gzipped): a row walk of
//!   up to 190 entries per character. The encoder always uses the compact table.
//!
//! Both are compared with `encoding_rs` over every sequence (`gb18030_exhaustive.rs` runs in a
//! build of each), and with each other in the unit tests below.
//!
//! [`decode_simple`] is the fast path of the text decoder: ASCII and two-byte characters straight
//! into the output, no per-character state; the full [`Decoder`] takes over at the first byte it
//! does not handle (four-byte sequences, malformed input).
//!
//! Decoding follows the Encoding Standard's `gb18030` decoder, error recovery included: a bad
//! byte after a lead byte is processed again (when it is ASCII), a four-byte sequence broken at
//! its third or fourth byte yields U+FFFD and its second byte (an ASCII digit) is processed
//! again, and a sequence cut by the end of the input yields one U+FFFD. Output space is asked for
//! as `encoding_rs` asks for it (4 bytes before any non-ASCII byte, 3 before a digit processed
//! again), so a too-short buffer is reported at the same input offset.

include!(concat!(env!("OUT_DIR"), "/gb18030_tables.rs"));

/// Two-byte sequences per lead byte (trail `40..=7E` and `80..=FE`).
const ROW: usize = 190;
/// The last four-byte pointer of the BMP ranges.
const BMP_RANGES_END: u32 = 39419;
/// The four-byte pointers of U+10000..=U+10FFFF.
const ASTRAL_FIRST: u32 = 189_000;
const ASTRAL_LAST: u32 = 1_237_575;

/// The code points of two-byte row `row` (lead byte `0x81 + row`), in pointer order.
fn row_entries(row: usize) -> impl Iterator<Item = u32> {
    let start = row.saturating_mul(ROW);
    let deltas = TWO_BYTE
        .get(start..start.saturating_add(ROW))
        .unwrap_or_default();
    let mut escape = TWO_BYTE_ROWS
        .get(row)
        .map_or(usize::MAX, |&e| usize::from(e));
    let mut prev = 0u32;
    deltas.iter().map(move |&d| {
        prev = if d == 0 {
            let hi = ESCAPE_HI.get(escape).copied().unwrap_or_default();
            let lo = ESCAPE_LO.get(escape).copied().unwrap_or_default();
            escape = escape.saturating_add(1);
            (u32::from(hi) << 8) | u32::from(lo)
        } else {
            prev.saturating_add(u32::from(d))
        };
        prev
    })
}

/// The direct-indexed two-byte table of host builds.
#[cfg(gb18030_direct)]
mod direct {
    include!(concat!(env!("OUT_DIR"), "/gb18030_direct.rs"));
}

/// The code point of two-byte pointer `pointer` (`0..23940`), from the compact table.
#[cfg(any(test, not(gb18030_direct)))]
fn two_byte_compact(pointer: usize) -> Option<u32> {
    row_entries(pointer / ROW).nth(pointer % ROW)
}

/// The UTF-8 form of two-byte pointer `pointer` (`0..23940`): the bytes (the third is 0 for a
/// 2-byte character) and their count.
#[cfg(gb18030_direct)]
#[inline]
fn two_byte_utf8(pointer: usize) -> Option<([u8; 3], usize)> {
    let [a, b, c, n] = direct::TWO_BYTE_UTF8.get(pointer)?.to_le_bytes();
    Some(([a, b, c], usize::from(n)))
}

/// The UTF-8 form of two-byte pointer `pointer`, from the code point.
#[cfg(not(gb18030_direct))]
fn two_byte_utf8(pointer: usize) -> Option<([u8; 3], usize)> {
    let cp = two_byte_decode(pointer)?;
    // Two-byte code points are U+0080..=U+FFFF (the unit tests check): 2 or 3 UTF-8 bytes.
    Some(if cp < 0x800 {
        ([0xC0 | (cp >> 6) as u8, 0x80 | (cp & 0x3F) as u8, 0], 2)
    } else {
        (
            [
                0xE0 | (cp >> 12) as u8,
                0x80 | ((cp >> 6) & 0x3F) as u8,
                0x80 | (cp & 0x3F) as u8,
            ],
            3,
        )
    })
}

/// The code point of two-byte pointer `pointer` (`0..23940`).
#[cfg(gb18030_direct)]
fn two_byte_decode(pointer: usize) -> Option<u32> {
    let ([a, b, c], n) = two_byte_utf8(pointer)?;
    let (a, b, c) = (u32::from(a), u32::from(b), u32::from(c));
    Some(if n == 2 {
        ((a & 0x1F) << 6) | (b & 0x3F)
    } else {
        ((a & 0x0F) << 12) | ((b & 0x3F) << 6) | (c & 0x3F)
    })
}

/// The code point of two-byte pointer `pointer` (`0..23940`).
#[cfg(not(gb18030_direct))]
fn two_byte_decode(pointer: usize) -> Option<u32> {
    two_byte_compact(pointer)
}

/// Which two-byte table this build decodes with (reported by the benchmarks and size reports).
pub const TABLE: &str = if cfg!(gb18030_direct) {
    "direct"
} else {
    "compact"
};

/// Decode the leading run of ASCII and two-byte characters of `src` into `dst` as UTF-8.
///
/// Returns `(read, written)`: it stops before the first byte it does not handle (`80`, `FF`, a
/// four-byte sequence, a malformed or cut sequence) or that does not fit `dst`. Every stop is at a
/// character boundary, where [`Decoder`] continues with the same result as from the start (the
/// decoder carries no state across whole characters; only the output space it asks for differs,
/// so callers use this path when `dst` has room for the worst case).
pub(super) fn decode_simple(src: &[u8], dst: &mut [u8]) -> (usize, usize) {
    let mut read = 0usize;
    let mut written = 0usize;
    // Each step writes up to 3 bytes (a 2-byte character's third byte is overwritten next).
    while let (Some(&b1), Some(out)) = (
        src.get(read),
        dst.get_mut(written..)
            .and_then(|d| d.first_chunk_mut::<3>()),
    ) {
        if b1 < 0x80 {
            out[0] = b1;
            read += 1;
            written += 1;
            continue;
        }
        let Some(&b2) = src.get(read + 1) else {
            break;
        };
        let trail = match b2 {
            0x40..=0x7E => b2 - 0x40,
            0x80..=0xFE => b2 - 0x41,
            _ => break,
        };
        let Some(lead) = b1.checked_sub(0x81).filter(|&l| l < 0x7E) else {
            break;
        };
        let Some((utf8, n)) = two_byte_utf8(usize::from(lead) * ROW + usize::from(trail)) else {
            break;
        };
        *out = utf8;
        written += n;
        read += 2;
    }
    (read, written)
}

/// Whether `src` decodes without replacement (as [`Decoder`] decodes it). No table is needed: every lead byte `81..=FE`
/// followed by `40..=7E` or `80..=FE` is a character; only four-byte sequences are looked up.
pub(super) fn is_well_formed(src: &[u8]) -> bool {
    let mut i = 0usize;
    while let Some(&b1) = src.get(i) {
        // ASCII, and 80 (U+20AC, as WHATWG decodes it).
        if b1 <= 0x80 {
            i += 1;
            continue;
        }
        if b1 == 0xFF {
            return false;
        }
        match src.get(i + 1) {
            Some(0x40..=0x7E | 0x80..=0xFE) => i += 2,
            Some(&b2 @ 0x30..=0x39) => {
                let (Some(&b3 @ 0x81..=0xFE), Some(&b4 @ 0x30..=0x39)) =
                    (src.get(i + 2), src.get(i + 3))
                else {
                    return false;
                };
                if four_byte_decode(pointer_of(u32::from(b1 - 0x81), b2, b3, b4))
                    .and_then(char::from_u32)
                    .is_none()
                {
                    return false;
                }
                i += 4;
            }
            _ => return false,
        }
    }
    true
}

/// The first two-byte pointer of `cp`, if any (WHATWG "index pointer").
fn two_byte_pointer(cp: u32) -> Option<usize> {
    let block = usize::try_from(cp >> 8).ok()?;
    let word = TWO_BYTE_BLOCKS.get(block / 32)?;
    if word & (1 << (block % 32)) == 0 {
        return None;
    }
    (0..TWO_BYTE_ROWS.len()).find_map(|row| {
        let col = row_entries(row).position(|c| c == cp)?;
        row.checked_mul(ROW)?.checked_add(col)
    })
}

/// The code point of four-byte pointer `pointer`, if any.
fn four_byte_decode(pointer: u32) -> Option<u32> {
    if pointer <= BMP_RANGES_END {
        let i = RANGES.partition_point(|&(p, _)| u32::from(p) <= pointer);
        let &(p, c) = RANGES.get(i.checked_sub(1)?)?;
        u32::from(c).checked_add(pointer.checked_sub(u32::from(p))?)
    } else if (ASTRAL_FIRST..=ASTRAL_LAST).contains(&pointer) {
        (pointer - ASTRAL_FIRST).checked_add(0x1_0000)
    } else {
        None
    }
}

/// The four-byte pointer of BMP code point `cp` (not in the two-byte table), if any.
fn ranges_pointer(cp: u32) -> Option<u32> {
    let mut runs = RANGES.iter().peekable();
    while let Some(&(p, c)) = runs.next() {
        let end = runs
            .peek()
            .map_or(BMP_RANGES_END.checked_add(1)?, |&&(q, _)| u32::from(q));
        let len = end.checked_sub(u32::from(p))?;
        if let Some(off) = cp.checked_sub(u32::from(c)).filter(|&off| off < len) {
            return u32::from(p).checked_add(off);
        }
    }
    None
}

/// Encode one character: its bytes and their count, or `None` when GB 18030 (as the WHATWG
/// encoder defines it, as `encoding_rs` implements it) cannot encode it, e.g. U+E5E5.
pub(super) fn encode_char(ch: char) -> Option<([u8; 4], usize)> {
    let cp = u32::from(ch);
    if cp < 0x80 {
        return Some(([u8::try_from(cp).ok()?, 0, 0, 0], 1));
    }
    if let Some(&(_, bytes, len)) = ENCODE_EXCEPTIONS.iter().find(|e| u32::from(e.0) == cp) {
        return (len > 0).then_some((bytes, usize::from(len)));
    }
    if let Some(p) = two_byte_pointer(cp) {
        let lead = u8::try_from(p / ROW).ok()?.checked_add(0x81)?;
        let t = u8::try_from(p % ROW).ok()?;
        let trail = t.checked_add(if t < 0x3F { 0x40 } else { 0x41 })?;
        return Some(([lead, trail, 0, 0], 2));
    }
    let pointer = if cp <= 0xFFFF {
        ranges_pointer(cp)?
    } else {
        (cp - 0x1_0000).checked_add(ASTRAL_FIRST)?
    };
    let byte = |v: u32, base: u8| u8::try_from(v).ok().and_then(|v| v.checked_add(base));
    Some((
        [
            byte(pointer / 12600, 0x81)?,
            byte(pointer / 1260 % 10, 0x30)?,
            byte(pointer / 10 % 126, 0x81)?,
            byte(pointer % 10, 0x30)?,
        ],
        4,
    ))
}

/// The four-byte pointer of `b1 b2 b3 b4` (`81..=FE`, `30..=39`, `81..=FE`, `30..=39`).
fn pointer_of(lead: u32, b2: u8, b3: u8, b4: u8) -> u32 {
    let digit = |b: u8| u32::from(b.saturating_sub(0x30));
    lead.saturating_mul(12600)
        .saturating_add(digit(b2).saturating_mul(1260))
        .saturating_add(u32::from(b3.saturating_sub(0x81)).saturating_mul(10))
        .saturating_add(digit(b4))
}

/// One decoded character (or U+FFFD for `None`), with the output space `encoding_rs` asks for
/// before it, and the input offset it reports when that space is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Unit {
    pub(super) need: usize,
    pub(super) read: usize,
    pub(super) ch: Option<char>,
}

#[derive(Debug, Clone, Copy)]
enum Pending {
    None,
    /// The second byte of a broken four-byte sequence, to be output as ASCII; `lead` is the
    /// offset `encoding_rs` reports for the next unit when the third byte became a lead byte.
    Digit {
        digit: u8,
        read: usize,
        lead: Option<usize>,
    },
    /// The next unit starts at a lead byte that `encoding_rs` already consumed.
    Lead {
        read: usize,
    },
}

/// The decoder: an iterator of [`Unit`]s over the whole input (the input ends with it).
pub(super) struct Decoder<'a> {
    src: &'a [u8],
    at: usize,
    pending: Pending,
    /// The last unit was a two- or four-byte character decoded in `encoding_rs`'s inner loop,
    /// which asks for 4 bytes of space before the next byte, ASCII or not.
    after_char: bool,
}

impl<'a> Decoder<'a> {
    pub(super) fn new(src: &'a [u8]) -> Self {
        Decoder {
            src,
            at: 0,
            pending: Pending::None,
            after_char: false,
        }
    }

    fn byte(&self, ahead: usize) -> Option<u8> {
        self.src.get(self.at.checked_add(ahead)?).copied()
    }

    fn advance(&mut self, n: usize) {
        self.at = self.at.saturating_add(n).min(self.src.len());
    }
}

impl Iterator for Decoder<'_> {
    type Item = Unit;

    fn next(&mut self) -> Option<Unit> {
        let mut read = self.at;
        let mut need_ascii = if self.after_char { 4 } else { 1 };
        let mut inner = true;
        self.after_char = false;
        match self.pending {
            Pending::Digit { digit, read, lead } => {
                self.pending = match lead {
                    Some(read) => Pending::Lead { read },
                    None => Pending::None,
                };
                return Some(Unit {
                    need: 3,
                    read,
                    ch: Some(char::from(digit)),
                });
            }
            Pending::Lead { read: r } => {
                read = r;
                inner = false;
                need_ascii = 1;
                self.pending = Pending::None;
            }
            Pending::None => {}
        }
        let b1 = self.byte(0)?;
        let unit = |ch: Option<u32>| Unit {
            need: 4,
            read,
            ch: ch.and_then(char::from_u32),
        };
        if b1 < 0x80 {
            self.advance(1);
            return Some(Unit {
                need: need_ascii,
                read,
                ch: Some(char::from(b1)),
            });
        }
        if b1 == 0x80 || b1 == 0xFF {
            self.advance(1);
            return Some(unit((b1 == 0x80).then_some(0x20AC)));
        }
        let lead = u32::from(b1 - 0x81);
        let Some(b2) = self.byte(1) else {
            self.advance(1);
            return Some(unit(None));
        };
        if b2.is_ascii_digit() {
            let Some(b3) = self.byte(2) else {
                self.advance(2);
                return Some(unit(None));
            };
            if !(0x81..=0xFE).contains(&b3) {
                self.pending = Pending::Digit {
                    digit: b2,
                    read: self.at.saturating_add(2),
                    lead: None,
                };
                self.advance(2);
                return Some(unit(None));
            }
            let Some(b4) = self.byte(3) else {
                self.advance(3);
                return Some(unit(None));
            };
            if !b4.is_ascii_digit() {
                self.pending = Pending::Digit {
                    digit: b2,
                    read: self.at.saturating_add(3),
                    lead: Some(self.at.saturating_add(3)),
                };
                self.advance(2);
                return Some(unit(None));
            }
            self.advance(4);
            let ch = four_byte_decode(pointer_of(lead, b2, b3, b4));
            self.after_char = inner && ch.is_some();
            return Some(unit(ch));
        }
        let trail = match b2 {
            0x40..=0x7E => b2 - 0x40,
            0x80..=0xFE => b2 - 0x41,
            _ => {
                // An ASCII byte is processed again; 0xFF is consumed with the lead byte.
                self.advance(if b2 < 0x80 { 1 } else { 2 });
                return Some(unit(None));
            }
        };
        self.advance(2);
        let pointer = (lead as usize) * ROW + usize::from(trail);
        let ch = two_byte_decode(pointer);
        self.after_char = inner && ch.is_some();
        Some(unit(ch))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the full decoder replaces nothing in `src`.
    fn decodes_cleanly(src: &[u8]) -> bool {
        Decoder::new(src).all(|u| u.ch.is_some())
    }

    #[test]
    fn the_build_decodes_with_the_table_its_target_wants() {
        let host = !(cfg!(target_family = "wasm") || cfg!(target_os = "none"));
        let want = if host && !cfg!(feature = "compact-gb18030") {
            "direct"
        } else {
            "compact"
        };
        assert_eq!(TABLE, want);
    }

    #[test]
    fn both_tables_agree_on_every_pointer() {
        for p in 0..TWO_BYTE.len() {
            assert_eq!(two_byte_decode(p), two_byte_compact(p), "pointer {p}");
            assert!(two_byte_decode(p).is_some_and(|c| (0x80..=0xFFFF).contains(&c)));
            let ch = two_byte_compact(p).and_then(char::from_u32).unwrap();
            let mut want = [0u8; 4];
            let want = ch.encode_utf8(&mut want).as_bytes();
            let (got, n) = two_byte_utf8(p).unwrap();
            assert_eq!(&got[..n], want, "pointer {p}");
        }
        assert_eq!(two_byte_decode(TWO_BYTE.len()), None);
    }

    #[test]
    fn well_formed_scan_agrees_with_the_decoder() {
        // Every two-byte sequence, alone and after and before ASCII / a lead byte.
        for a in 0..=255u8 {
            for b in 0..=255u8 {
                for src in [&[a, b][..], &[a, b, 0x41], &[0x41, a, b], &[a, b, 0x81]] {
                    assert_eq!(is_well_formed(src), decodes_cleanly(src), "{src:02X?}");
                }
            }
        }
        // Every four-byte sequence of the four-byte form, and its cut and broken neighbours.
        for b1 in [0x81u8, 0x84, 0x85, 0x8F, 0x90, 0xE3, 0xE4, 0xFD, 0xFE] {
            for b2 in 0x30..=0x39u8 {
                for b3 in 0x81..=0xFEu8 {
                    for b4 in [0x30u8, 0x35, 0x39, 0x3A, 0x41, 0x81] {
                        let src = [b1, b2, b3, b4];
                        assert_eq!(is_well_formed(&src), decodes_cleanly(&src), "{src:02X?}");
                        assert_eq!(is_well_formed(&src[..3]), decodes_cleanly(&src[..3]));
                    }
                }
            }
        }
    }

    #[test]
    fn simple_path_stops_at_what_it_does_not_handle() {
        let mut out = [0u8; 32];
        // "厨房" then a four-byte sequence: stops before it.
        let src = [0xB3, 0xF8, 0xB7, 0xBF, 0x81, 0x30, 0x81, 0x30, 0x41];
        assert_eq!(decode_simple(&src, &mut out), (4, 6));
        assert_eq!(&out[..6], "厨房".as_bytes());
        // A cut sequence, 0x80, 0xFF, a bad trail byte.
        assert_eq!(decode_simple(&[0x41, 0xB3], &mut out), (1, 1));
        assert_eq!(decode_simple(&[0x41, 0x80], &mut out), (1, 1));
        assert_eq!(decode_simple(&[0xFF, 0x41], &mut out), (0, 0));
        assert_eq!(decode_simple(&[0xB3, 0x7F], &mut out), (0, 0));
        // A 2-byte UTF-8 character (U+00A4 ¤ is A1E8) and output that runs out.
        assert_eq!(decode_simple(&[0xA1, 0xE8], &mut out), (2, 2));
        assert_eq!(&out[..2], "¤".as_bytes());
        // It writes only while 3 bytes of output are left.
        assert_eq!(decode_simple(&[0x41, 0xB3, 0xF8], &mut out[..3]), (1, 1));
        assert_eq!(decode_simple(&[0x41, 0xB3, 0xF8], &mut out[..4]), (3, 4));
    }
}
