//! Derive the GB 18030 tables of `src/gbt26875/gb18030.rs` from `encoding_rs` at build time.
//!
//! The mapping is never written by hand: this script asks `encoding_rs` (WHATWG GB 18030, the
//! decoder the core used before) to decode every two-byte sequence and every four-byte sequence
//! of the BMP ranges, and writes a compact form of the answers to `$OUT_DIR/gb18030_tables.rs`.
//! `core/tests/gb18030_exhaustive.rs` compares the compact codec with `encoding_rs` over every
//! two- and four-byte sequence and every code point, so the two cannot differ.
//!
//! Why: `encoding_rs`'s decoder and encoder dispatch over every encoding, so linking it pulls in
//! the tables of all of them (about 128 KiB of the gzipped WebAssembly module); the core needs
//! GB 18030 only.
//!
//! Output:
//! - `TWO_BYTE`: the 23 940 two-byte code points (lead `81..=FE` × trail `40..=7E, 80..=FE`, in
//!   WHATWG pointer order), one byte each, row by row (190 per lead byte). Each row starts afresh;
//!   an entry is `d` (1..=255: the previous code point of the row plus `d`) or 0: the next escape.
//! - `ESCAPE_HI`, `ESCAPE_LO`: the escaped code points' high and low bytes (the order of GB 2312's
//!   hanzi is by reading, so most of theirs are escapes). Kept apart from the deltas, and high
//!   apart from low, the three compress best (gzip: 16.1 KB instead of 17.7 KB in one stream).
//! - `TWO_BYTE_ROWS`: the index of each row's first escape.
//! - `RANGES`: the four-byte BMP pointers `0..=39419` as runs `(first pointer, first code point)`;
//!   within a run the code point grows by one with the pointer; a run ends where the next starts.
//! - `TWO_BYTE_BLOCKS`: a bit per 256-code-point block of the BMP that has two-byte code points
//!   (the encoder skips its search of `TWO_BYTE` for the others).
//! - `ENCODE_EXCEPTIONS`: the BMP code points whose `encoding_rs` encoding is not the inverse of
//!   the decoder (first two-byte pointer, else the four-byte run): `(code point, bytes, length)`,
//!   length 0 for a code point it cannot encode.

use std::fmt::Write as _;

fn decode(bytes: &[u8]) -> Option<u32> {
    let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
    let mut chars = text.chars();
    match (chars.next(), chars.next(), had_errors) {
        (Some(c), None, false) => Some(u32::from(c)),
        _ => None,
    }
}

/// `encoding_rs`'s encoding of `ch`, or `None` when it cannot encode it.
fn encode(ch: char) -> Option<Vec<u8>> {
    let mut utf8 = [0u8; 4];
    let (bytes, _, unmappable) = encoding_rs::GB18030.encode(ch.encode_utf8(&mut utf8));
    (!unmappable).then(|| bytes.into_owned())
}

fn tables() -> Result<String, String> {
    let mut two_byte: Vec<u32> = Vec::new();
    let mut stream: Vec<u8> = Vec::new();
    let mut escapes: Vec<u32> = Vec::new();
    let mut rows: Vec<usize> = Vec::new();
    for lead in 0x81u8..=0xFE {
        rows.push(escapes.len());
        let mut prev = 0u32;
        for trail in (0x40u8..=0x7E).chain(0x80..=0xFE) {
            let cp = decode(&[lead, trail])
                .filter(|c| (0x80..=0xFFFF).contains(c))
                .ok_or_else(|| {
                    format!("GB 18030 {lead:02X}{trail:02X} is not one BMP character")
                })?;
            match cp.checked_sub(prev) {
                Some(d @ 1..=255) => stream.push(u8::try_from(d).map_err(|e| e.to_string())?),
                _ => {
                    stream.push(0);
                    escapes.push(cp);
                }
            }
            prev = cp;
            two_byte.push(cp);
        }
    }
    if escapes.len() > usize::from(u16::MAX) {
        return Err("over 65535 escapes".into());
    }

    // Four-byte BMP pointers: b1 81..=FE, b2 30..=39, b3 81..=FE, b4 30..=39.
    let mut ranges: Vec<(u32, u32)> = Vec::new();
    let mut last: Option<(u32, u32)> = None;
    for pointer in 0u32..=39419 {
        let b1 = 0x81 + pointer / 12600;
        let b2 = 0x30 + pointer / 1260 % 10;
        let b3 = 0x81 + pointer / 10 % 126;
        let b4 = 0x30 + pointer % 10;
        let bytes = [b1, b2, b3, b4].map(|b| (b & 0xFF) as u8);
        let cp = decode(&bytes).filter(|&c| c <= 0xFFFF).ok_or_else(|| {
            format!("GB 18030 four-byte pointer {pointer} is not one BMP character")
        })?;
        let continues = last.is_some_and(|(p, c)| pointer - p == cp.wrapping_sub(c));
        if !continues {
            ranges.push((pointer, cp));
            last = Some((pointer, cp));
        }
    }

    // The encoder is the inverse of the decoder (first two-byte pointer, else the four-byte run)
    // except for a few code points (U+E5E5, the PUA code points GB 18030-2022 moved): those, as
    // encoding_rs encodes them (no bytes: unmappable).
    let mut exceptions: Vec<(u32, Vec<u8>)> = Vec::new();
    for cp in 0x80u32..=0xFFFF {
        let Some(ch) = char::from_u32(cp) else {
            continue;
        };
        let inverse = if let Some(p) = two_byte.iter().position(|&c| c == cp) {
            let (lead, t) = (0x81 + p / 190, p % 190);
            let trail = t + if t < 0x3F { 0x40 } else { 0x41 };
            Some(vec![(lead & 0xFF) as u8, (trail & 0xFF) as u8])
        } else {
            let mut runs = ranges.iter().peekable();
            let mut found = None;
            while let Some(&(p, c)) = runs.next() {
                let end = runs.peek().map_or(39420, |&&(q, _)| q);
                if cp >= c && cp - c < end - p {
                    let q = p + (cp - c);
                    let b = [
                        0x81 + q / 12600,
                        0x30 + q / 1260 % 10,
                        0x81 + q / 10 % 126,
                        0x30 + q % 10,
                    ];
                    found = Some(b.iter().map(|&b| (b & 0xFF) as u8).collect());
                    break;
                }
            }
            found
        };
        let actual = encode(ch);
        if actual != inverse {
            exceptions.push((cp, actual.unwrap_or_default()));
        }
    }

    let mut out = String::from("// Generated by core/build.rs from encoding_rs: do not edit.\n");
    let _ = writeln!(
        out,
        "pub(super) static TWO_BYTE: [u8; {}] = [",
        stream.len()
    );
    for chunk in stream.chunks(32) {
        let line: Vec<String> = chunk.iter().map(|b| b.to_string()).collect();
        let _ = writeln!(out, "    {},", line.join(","));
    }
    out.push_str("];\n");
    for (name, shift) in [("ESCAPE_HI", 8), ("ESCAPE_LO", 0)] {
        let _ = writeln!(out, "pub(super) static {name}: [u8; {}] = [", escapes.len());
        for chunk in escapes.chunks(32) {
            let line: Vec<String> = chunk
                .iter()
                .map(|c| ((c >> shift) & 0xFF).to_string())
                .collect();
            let _ = writeln!(out, "    {},", line.join(","));
        }
        out.push_str("];\n");
    }
    let _ = writeln!(
        out,
        "pub(super) static TWO_BYTE_ROWS: [u16; {}] = [",
        rows.len()
    );
    for r in &rows {
        let _ = writeln!(out, "    {r},");
    }
    out.push_str("];\n");
    let _ = writeln!(
        out,
        "pub(super) static RANGES: [(u16, u16); {}] = [",
        ranges.len()
    );
    for (p, c) in &ranges {
        let _ = writeln!(out, "    ({p}, {c:#06X}),");
    }
    out.push_str("];\n");
    let mut blocks = [0u32; 8];
    for &cp in &two_byte {
        let block = (cp >> 8) as usize;
        if let Some(word) = blocks.get_mut(block / 32) {
            *word |= 1 << (block % 32);
        }
    }
    let _ = writeln!(
        out,
        "pub(super) static TWO_BYTE_BLOCKS: [u32; 8] = {blocks:?};"
    );
    let _ = writeln!(
        out,
        "pub(super) static ENCODE_EXCEPTIONS: [(u16, [u8; 4], u8); {}] = [",
        exceptions.len()
    );
    for (cp, bytes) in &exceptions {
        let mut b = [0u8; 4];
        for (slot, v) in b.iter_mut().zip(bytes) {
            *slot = *v;
        }
        let _ = writeln!(out, "    ({cp:#06X}, {b:?}, {}),", bytes.len());
    }
    out.push_str("];\n");
    Ok(out)
}

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    match tables() {
        Ok(text) => {
            let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
            if let Err(e) = std::fs::write(out.join("gb18030_tables.rs"), text) {
                println!("cargo::error=cannot write gb18030_tables.rs: {e}");
            }
        }
        Err(e) => println!("cargo::error={e}"),
    }
}
