//! The GB 18030 codec of the core (tables derived from `encoding_rs` by `core/build.rs`) against
//! `encoding_rs` itself: every two-byte sequence, every four-byte sequence of the four-byte form,
//! every code point, every short sequence over the byte classes that matter to error recovery
//! (with every output buffer length), and random hostile byte strings. They can never differ.
//! The build decodes with one of two two-byte tables (`gasdev::gbt26875::GB18030_TABLE`): host
//! builds the direct one, `--features compact-gb18030` (as `scripts/test-all` runs the alloc
//! build) the compact one of wasm32 and firmware; this test runs in both.

use encoding_rs::{CoderResult, EncoderResult, GB18030};
use gasdev::ErrorCode;
use gasdev::gbt26875::{decode_text, encode_text};
use proptest::prelude::*;

/// `encoding_rs`: `Ok((text, replaced))`, or `Err(read)` when `dst_len` bytes are too few.
fn reference(src: &[u8], dst_len: usize) -> Result<(String, bool), usize> {
    let mut dst = vec![0u8; dst_len];
    let mut decoder = GB18030.new_decoder_without_bom_handling();
    let (result, read, written, replaced) = decoder.decode_to_utf8(src, &mut dst, true);
    if result == CoderResult::OutputFull {
        return Err(read);
    }
    Ok((
        String::from_utf8(dst[..written].to_vec()).unwrap(),
        replaced,
    ))
}

/// The core, in the same form.
fn ours(src: &[u8], dst_len: usize) -> Result<(String, bool), usize> {
    let mut dst = vec![0u8; dst_len];
    match decode_text(src, &mut dst) {
        Ok((text, replaced)) => Ok((text.to_owned(), replaced)),
        Err(e) => {
            assert_eq!(e.code(), ErrorCode::BufferTooSmall, "{src:02X?}");
            Err(e.offset())
        }
    }
}

fn same(src: &[u8]) {
    let room = 3 * src.len() + 3;
    assert_eq!(ours(src, room), reference(src, room), "{src:02X?}");
}

#[test]
fn every_two_byte_sequence() {
    for a in 0..=255u8 {
        for b in 0..=255u8 {
            same(&[a, b]);
        }
    }
}

#[test]
fn every_four_byte_sequence() {
    for b1 in 0x81..=0xFEu8 {
        for b2 in 0x30..=0x39u8 {
            for b3 in 0x81..=0xFEu8 {
                for b4 in 0x30..=0x39u8 {
                    let src = [b1, b2, b3, b4];
                    let mut decoder = GB18030.new_decoder_without_bom_handling();
                    let mut want = [0u8; 8];
                    let (_, _, n, replaced) = decoder.decode_to_utf8(&src, &mut want, true);
                    let mut got = [0u8; 16];
                    let (text, got_replaced) = decode_text(&src, &mut got).unwrap();
                    assert_eq!(
                        (text.as_bytes(), got_replaced),
                        (&want[..n], replaced),
                        "{src:02X?}"
                    );
                }
            }
        }
    }
}

#[test]
fn every_code_point() {
    let mut utf8 = [0u8; 4];
    for cp in 0..=0x10FFFFu32 {
        let Some(ch) = char::from_u32(cp) else {
            continue;
        };
        let s = ch.encode_utf8(&mut utf8);
        let mut want = [0u8; 4];
        let mut encoder = GB18030.new_encoder();
        let (result, _, n) = encoder.encode_from_utf8_without_replacement(s, &mut want, true);
        let mut got = [0u8; 4];
        match (result, encode_text(s, &mut got)) {
            (EncoderResult::InputEmpty, Ok(m)) => assert_eq!(&got[..m], &want[..n], "U+{cp:04X}"),
            (EncoderResult::Unmappable(_), Err(e)) => {
                assert_eq!(
                    (e.code(), e.offset()),
                    (ErrorCode::GbtBadText, 0),
                    "U+{cp:04X}"
                );
            }
            (want, got) => panic!("U+{cp:04X}: encoding_rs {want:?}, core {got:?}"),
        }
    }
}

/// A byte of each class the decoder tells apart.
const CLASSES: [u8; 13] = [
    0x00, 0x20, 0x30, 0x39, 0x3A, 0x40, 0x7F, 0x80, 0x81, 0xA0, 0xA1, 0xFE, 0xFF,
];

fn each_sequence(len: usize, f: &mut impl FnMut(&[u8])) {
    let mut idx = vec![0usize; len];
    loop {
        let seq: Vec<u8> = idx.iter().map(|&i| CLASSES[i]).collect();
        f(&seq);
        let mut k = 0;
        loop {
            if k == len {
                return;
            }
            idx[k] += 1;
            if idx[k] < CLASSES.len() {
                break;
            }
            idx[k] = 0;
            k += 1;
        }
    }
}

#[test]
fn every_short_sequence_of_classes() {
    for len in 0..=5 {
        each_sequence(len, &mut |s| same(s));
    }
}

#[test]
fn every_output_length() {
    for len in 0..=4 {
        each_sequence(len, &mut |s| {
            for room in 0..=3 * s.len() + 3 {
                assert_eq!(ours(s, room), reference(s, room), "{s:02X?} into {room}");
            }
        });
    }
}

proptest! {
    #[test]
    fn hostile_bytes(src in proptest::collection::vec(
        prop_oneof![any::<u8>(), proptest::sample::select(CLASSES.to_vec())], 0..64)) {
        let room = 3 * src.len() + 3;
        prop_assert_eq!(ours(&src, room), reference(&src, room));
        let short = room / 3;
        prop_assert_eq!(ours(&src, short), reference(&src, short));
    }

    #[test]
    fn round_trip(text in "\\PC{0,40}") {
        let mut gb = [0u8; 160];
        let mut want = [0u8; 160];
        let mut encoder = GB18030.new_encoder();
        let (result, _, n) = encoder.encode_from_utf8_without_replacement(&text, &mut want, true);
        match encode_text(&text, &mut gb) {
            Ok(m) => {
                prop_assert_eq!(result, EncoderResult::InputEmpty);
                prop_assert_eq!(&gb[..m], &want[..n]);
                let mut out = [0u8; 512];
                let (back, replaced) = decode_text(&gb[..m], &mut out).unwrap();
                prop_assert_eq!(back, text.as_str());
                prop_assert!(!replaced);
            }
            Err(_) => prop_assert!(matches!(result, EncoderResult::Unmappable(_))),
        }
    }
}
