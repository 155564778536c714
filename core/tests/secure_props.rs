//! Property tests of authenticated frames (`spec/security.md`):
//!
//! - seal → open round-trips for every frame of the spec's examples, any key, key id and counter;
//! - every single-bit flip of a sealed frame (header, body, security field, tag, CRC) is rejected,
//!   and so is any byte substitution once the CRC is fixed up (only the tag can catch it);
//! - opening arbitrary bytes never panics and never accepts without a valid tag;
//! - a replayed frame is rejected, and a rejected frame leaves the replay window unchanged.
#![cfg(feature = "secure")]

mod common;

use common::unhex;

use gasdev::ErrorCode;
use gasdev::secure::{
    self, Authentication, FrameKey, KeySlot, Policy, ReplayWindow, WindowConfig, derive_device_key,
};
use gasdev::wire::{self, Frame};
use proptest::prelude::*;

/// Frames of `spec/frame.md` (status, event, identity, command, ACK, NAK, unknown type).
fn frames() -> Vec<Vec<u8>> {
    [
        "4744 01 20 01 0001 62be3900 01 01020500 02020100 0307 0101f40000015e 0405 02000004b0 ed856dc8",
        "4744 01 0c 01 0003 62be393c 02 02020282 f08b81fb",
        "4744 01 12 01 000c 62be3b58 02 02020100 09020e10 c800 9cab0825",
        "4744 01 09 02 0005 62be39b4 0381 93a7b284",
        "4744 01 08 10 0028 62be40d0 01 e2a6153c",
        "4744 01 0a 10 002a 62be40d2 05012c a18ccb3f",
        "4744 01 0a 11 0032 62be40d5 0028 01 e0a0499a",
        "4744 01 0b 12 0033 62be40d6 0029 02 02 ea48b119",
        "4744 01 09 20 000b 62be3a2c 0102 b8ff6b1e",
    ]
    .iter()
    .map(|h| {
        let f = unhex(h);
        assert!(wire::decode(&f).is_ok(), "example frame {h}");
        f
    })
    .collect()
}

fn sealed(frame: &[u8], key: &FrameKey, key_id: u8, counter: u32) -> Vec<u8> {
    let mut out = vec![0u8; 256];
    let n = secure::seal(frame, key, key_id, counter, &mut out).unwrap();
    out.truncate(n);
    out
}

fn slot(key: [u8; 16], key_id: u8) -> KeySlot {
    KeySlot::new(key_id, FrameKey::new(key), WindowConfig::DEFAULT)
}

fn fix_crc(f: &mut [u8]) {
    let mut frame = Frame::new_unchecked(f);
    frame.fill_crc();
}

proptest! {
    #[test]
    fn seal_then_open_round_trips(
        which in 0usize..9, key in any::<[u8; 16]>(), key_id in 1u8..=255, counter in 0u32..(1 << 20)
    ) {
        let frame = &frames()[which];
        let s = sealed(frame, &FrameKey::new(key), key_id, counter);
        prop_assert_eq!(s.len(), frame.len() + 16);
        // A legacy decoder still parses it [FRAME-022].
        prop_assert!(wire::decode(&s).is_ok());
        let mut keys = slot(key, key_id);
        let opened = secure::open(&s, &mut keys, Policy::Required).unwrap();
        prop_assert_eq!(opened.auth, Authentication::Authenticated { key_id, counter });
        prop_assert_eq!(opened.frame.seq, wire::decode(frame).unwrap().seq);
        // The same frame again is a replay, and the window does not move.
        let before = keys.window;
        let again = secure::open(&s, &mut keys, Policy::Required).unwrap_err();
        prop_assert_eq!(again.code(), ErrorCode::FrameReplay);
        prop_assert_eq!(keys.window, before);
        // Unsealed, it is refused unless the legacy mode is named.
        let unauth = secure::open(frame, &mut keys, Policy::Required).unwrap_err();
        prop_assert_eq!(unauth.code(), ErrorCode::FrameUnauthenticated);
        prop_assert_eq!(unauth.offset(), frame.len() - 4);
        let legacy = secure::open(frame, &mut keys, Policy::LegacyAcceptUnauthenticated).unwrap();
        prop_assert_eq!(legacy.auth, Authentication::None);
        // Sealing twice is refused.
        let mut out = [0u8; 256];
        let twice = secure::seal(&s, &FrameKey::new(key), key_id, counter + 1, &mut out).unwrap_err();
        prop_assert_eq!(twice.code(), ErrorCode::FrameBadSecurity);
    }

    #[test]
    fn any_substitution_is_rejected(
        which in 0usize..9, key in any::<[u8; 16]>(), pos in any::<prop::sample::Index>(), x in 1u8..=255
    ) {
        let frame = &frames()[which];
        let s = sealed(frame, &FrameKey::new(key), 1, 7);
        let mut m = s.clone();
        let i = pos.index(s.len() - 4);
        m[i] ^= x;
        fix_crc(&mut m);
        let mut keys = slot(key, 1);
        let before = keys.window;
        prop_assert!(secure::open(&m, &mut keys, Policy::Required).is_err());
        // Legacy mode may accept it only as *not authenticated* (a stripped or damaged security
        // TLV is the downgrade [SEC-031] warns about), never as authenticated.
        if let Ok(o) = secure::open(&m, &mut keys, Policy::LegacyAcceptUnauthenticated) {
            prop_assert_eq!(o.auth, Authentication::None);
        }
        prop_assert_eq!(keys.window, before);
    }

    #[test]
    fn wrong_key_is_rejected(key in any::<[u8; 16]>(), other in any::<[u8; 16]>()) {
        prop_assume!(key != other);
        let s = sealed(&frames()[4], &FrameKey::new(key), 1, 0);
        let e = secure::open(&s, &mut slot(other, 1), Policy::Required).unwrap_err();
        prop_assert_eq!(e.code(), ErrorCode::FrameBadTag);
        prop_assert_eq!(e.offset(), s.len() - 12);
    }

    #[test]
    fn open_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let mut keys = slot([9; 16], 1);
        let _ = secure::open(&bytes, &mut keys, Policy::Required);
        let _ = secure::open(&bytes, &mut keys, Policy::LegacyAcceptUnauthenticated);
        let mut out = [0u8; 64];
        let _ = secure::seal(&bytes, &FrameKey::new([9; 16]), 1, 0, &mut out);
    }

    #[test]
    fn reordering_within_the_window_is_accepted(perm in Just((0u32..32).collect::<Vec<_>>()).prop_shuffle()) {
        let key = [3; 16];
        let mut keys = slot(key, 2);
        for c in &perm {
            let s = sealed(&frames()[0], &FrameKey::new(key), 2, *c + 100);
            prop_assert!(secure::open(&s, &mut keys, Policy::Required).is_ok(), "counter {}", c + 100);
        }
        prop_assert_eq!(keys.window.highest(), Some(131));
    }
}

#[test]
fn every_single_bit_flip_is_rejected() {
    let key = [0x5a; 16];
    for frame in frames() {
        let s = sealed(&frame, &FrameKey::new(key), 1, 1);
        for bit in 0..s.len() * 8 {
            let mut m = s.clone();
            m[bit / 8] ^= 1 << (bit % 8);
            let mut keys = slot(key, 1);
            assert!(
                secure::open(&m, &mut keys, Policy::Required).is_err(),
                "bit {bit} of {}",
                s.len()
            );
            // With the CRC recomputed, only the tag (or the frame's own rules) can catch it.
            if bit / 8 < s.len() - 4 {
                fix_crc(&mut m);
                let e = secure::open(&m, &mut keys, Policy::Required).unwrap_err();
                let body_end = s.len() - 4;
                if bit / 8 >= body_end - 8 {
                    assert_eq!(e.code(), ErrorCode::FrameBadTag, "tag bit {bit}");
                }
            }
            assert_eq!(keys.window, ReplayWindow::new(WindowConfig::DEFAULT));
        }
    }
}

#[test]
fn seal_refuses_what_it_must() {
    let key = FrameKey::new([1; 16]);
    let frame = &frames()[4];
    let mut out = [0u8; 256];
    let e = secure::seal(frame, &key, 0, 0, &mut out).unwrap_err();
    assert_eq!(e.code(), ErrorCode::FrameUnknownKeyId);
    let e = secure::seal(frame, &key, 1, u32::MAX, &mut out).unwrap_err();
    assert_eq!(e.code(), ErrorCode::FrameCounterExhausted);
    let mut short = [0u8; 31];
    let e = secure::seal(frame, &key, 1, 0, &mut short).unwrap_err();
    assert_eq!((e.code(), e.offset()), (ErrorCode::BufferTooSmall, 32));
    assert_eq!(short, [0u8; 31]);
    let mut bad = frame.clone();
    bad[9] ^= 1;
    let e = secure::seal(&bad, &key, 1, 0, &mut out).unwrap_err();
    assert_eq!(e.code(), ErrorCode::FrameBadCrc);
    // The largest frame that can be sealed has L = 232.
    let mut big = unhex("4744 01 e9 20 0001 00000000");
    big.extend(std::iter::repeat_n(0x55, 233 - 7));
    big.extend([0; 4]);
    fix_crc(&mut big);
    let e = secure::seal(&big, &key, 1, 0, &mut out).unwrap_err();
    assert_eq!((e.code(), e.offset()), (ErrorCode::FrameOversize, 3));
    let mut fits = unhex("4744 01 e8 20 0001 00000000");
    fits.extend(std::iter::repeat_n(0x55, 232 - 7));
    fits.extend([0; 4]);
    fix_crc(&mut fits);
    assert_eq!(secure::seal(&fits, &key, 1, 0, &mut out), Ok(256));
}

#[test]
fn key_ids_and_rotation() {
    let old = [1u8; 16];
    let new = [2u8; 16];
    let mut slots = [slot(old, 1), slot(new, 2)];
    let f = &frames()[0];
    let a = sealed(f, &FrameKey::new(old), 1, 5);
    let b = sealed(f, &FrameKey::new(new), 2, 0);
    assert!(secure::open(&a, &mut slots[..], Policy::Required).is_ok());
    assert!(secure::open(&b, &mut slots[..], Policy::Required).is_ok());
    // Each key has its own counters: replays are caught per key.
    assert_eq!(
        secure::open(&a, &mut slots[..], Policy::Required)
            .unwrap_err()
            .code(),
        ErrorCode::FrameReplay
    );
    let c = sealed(f, &FrameKey::new(new), 3, 0);
    let e = secure::open(&c, &mut slots[..], Policy::Required).unwrap_err();
    assert_eq!(
        (e.code(), e.offset()),
        (ErrorCode::FrameUnknownKeyId, c.len() - 17)
    );
}

#[test]
fn derived_keys_differ_by_identifier_and_key_id() {
    let master = FrameKey::new([0x0f; 16]);
    let a = derive_device_key(&master, 1, b"88.111.1/GT-A100-000001").unwrap();
    let b = derive_device_key(&master, 1, b"88.111.1/GT-A100-000002").unwrap();
    let c = derive_device_key(&master, 2, b"88.111.1/GT-A100-000001").unwrap();
    assert_ne!(a.expose_bytes(), b.expose_bytes());
    assert_ne!(a.expose_bytes(), c.expose_bytes());
    assert!(derive_device_key(&master, 0, b"88.1/x").is_err());
    assert!(derive_device_key(&master, 1, b"").is_err());
    assert!(derive_device_key(&master, 1, &[b'8'; 255]).is_err());
    assert!(derive_device_key(&master, 1, &[b'8'; 254]).is_ok());
}
