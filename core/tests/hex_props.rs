//! Property tests of the hex text decoder (`gasdev::hex`): bytes written as hex in either case,
//! with any ASCII white space between pairs, decode to themselves; any bytes give a result, never a
//! panic, and an error's offset lies within the text; `decode` and `decode_into` agree.
#![cfg(feature = "alloc")]

use std::fmt::Write as _;

use gasdev::hex;
use proptest::prelude::*;

proptest! {
    #[test]
    fn round_trip(
        bytes in proptest::collection::vec(any::<u8>(), 0..64),
        seps in proptest::collection::vec(0usize..4, 64),
        upper in any::<bool>(),
    ) {
        let mut text = String::new();
        for (b, s) in bytes.iter().zip(&seps) {
            if upper {
                write!(text, "{b:02X}").unwrap();
            } else {
                write!(text, "{b:02x}").unwrap();
            }
            text.push_str(["", " ", "\n", "\t "].get(*s).copied().unwrap_or(""));
        }
        prop_assert_eq!(hex::decode(text.as_bytes()), Ok(bytes));
    }

    #[test]
    fn never_panics(text in proptest::collection::vec(any::<u8>(), 0..64)) {
        let mut buf = [0u8; 32];
        match (hex::decode(&text), hex::decode_into(&text, &mut buf)) {
            (Ok(v), Ok(n)) => {
                prop_assert!(v.len() * 2 <= text.len());
                prop_assert_eq!(buf.get(..n), Some(&v[..]));
            }
            (Err(e), Err(f)) => {
                prop_assert_eq!(e, f);
                prop_assert_eq!(e.code(), gasdev::ErrorCode::FrameBadHex);
                prop_assert!(e.offset() <= text.len());
            }
            (a, b) => prop_assert!(false, "decode {a:?} but decode_into {b:?}"),
        }
    }
}
