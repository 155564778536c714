//! Fuzz authenticated frames (`spec/security.md`): `secure::open` and `secure::seal` on
//! any bytes.
//!
//! Asserts: no panic; an error's offset lies within the frame's 256 bytes (or the input); a frame
//! that opens as authenticated opens a second time only as a replay; and every frame that seals
//! opens as authenticated with its key id and counter, decodes to the same message, and is
//! rejected once any byte before the CRC is changed (under `cfg(fuzzing)` the CRC check is
//! bypassed, so only the tag and the frame's own rules stand in the way). The key is the test key
//! of `spec/vectors/secure.json` (key id 1), so the seeds taken from those vectors authenticate.
#![no_main]

use gasdev::secure::{self, Authentication, FrameKey, KeySlot, Policy, WindowConfig};
use gasdev::wire;
use libfuzzer_sys::fuzz_target;

const KEY: [u8; 16] = [
    0x9e, 0xc5, 0xe4, 0xbe, 0x4c, 0x3b, 0xbe, 0xe0, 0x04, 0x3c, 0x99, 0xc6, 0xfe, 0x27, 0xc0, 0xd9,
];

fuzz_target!(|data: &[u8]| {
    let bound = data.len().max(wire::MAX_FRAME_LEN);
    let config = WindowConfig::new(32, 1 << 20).expect("valid window");
    for policy in [Policy::Required, Policy::LegacyAcceptUnauthenticated] {
        let mut slot = KeySlot::new(1, FrameKey::new(KEY), config);
        match secure::open(data, &mut slot, policy) {
            Ok(opened) => {
                if let Authentication::Authenticated { key_id, .. } = opened.auth {
                    assert_eq!(key_id, 1);
                    let again = secure::open(data, &mut slot, policy).expect_err("a replay");
                    assert_eq!(again.code(), gasdev::ErrorCode::FrameReplay);
                } else {
                    assert_eq!(policy, Policy::LegacyAcceptUnauthenticated);
                }
            }
            Err(e) => assert!(
                e.offset() <= bound,
                "offset {} of {}",
                e.offset(),
                data.len()
            ),
        }
    }

    let counter = (data.len() as u32).wrapping_mul(0x9e37_79b9) >> 12;
    let mut out = [0u8; 256];
    match secure::seal(data, &FrameKey::new(KEY), 1, counter, &mut out) {
        Ok(n) => {
            let sealed = &out[..n];
            assert_eq!(n, data.len() + 16);
            let mut slot = KeySlot::new(1, FrameKey::new(KEY), config);
            let opened = secure::open(sealed, &mut slot, Policy::Required).expect("sealed opens");
            assert_eq!(
                opened.auth,
                Authentication::Authenticated { key_id: 1, counter }
            );
            let plain = wire::decode(data).expect("what seals decodes");
            assert_eq!(opened.frame.seq, plain.seq);
            assert_eq!(opened.frame.timestamp, plain.timestamp);
            assert_eq!(opened.frame.message.type_code(), plain.message.type_code());
            // Any change before the CRC is rejected by a receiver that requires authentication.
            let i = (counter as usize) % (n - wire::CRC_LEN);
            let mut m = sealed.to_vec();
            m[i] ^= 1 << (counter % 8);
            let mut fresh = KeySlot::new(1, FrameKey::new(KEY), config);
            assert!(
                secure::open(&m, &mut fresh, Policy::Required).is_err(),
                "byte {i} changed"
            );
        }
        Err(e) => assert!(e.offset() <= bound, "seal offset {}", e.offset()),
    }
});
