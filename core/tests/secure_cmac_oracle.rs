//! The CMAC mode of `src/secure/cmac.rs` against its oracle, RustCrypto's `cmac` crate over
//! RustCrypto's `sm4` (the implementation the crate replaced, for the device's flash budget,
//! spec/security.md [SEC-070]):
//!
//! - every message length from 0 to 300 bytes (every block boundary and padding case, longer than
//!   any frame) under fixed and random keys;
//! - random keys and messages (proptest);
//! - the GB/T 32907-2016 example for the cipher underneath, and the tags of the independent
//!   generator through `seal` (spec/vectors/secure.json#1, #13).
#![cfg(feature = "secure")]

mod common;

use common::unhex;

use cmac::{Cmac, KeyInit, Mac};
use gasdev::secure::{self, FrameKey, KeySlot, Policy, WindowConfig};
use proptest::prelude::*;
use sm4::Sm4;
use sm4::cipher::BlockCipherEncrypt;

fn oracle(key: &[u8; 16], message: &[u8]) -> [u8; 16] {
    let mut mac = <Cmac<Sm4> as KeyInit>::new(&(*key).into());
    mac.update(message);
    mac.finalize().into_bytes().into()
}

#[test]
fn every_length_up_to_300_bytes_matches_the_cmac_crate() {
    let keys = [
        [0u8; 16],
        [0xff; 16],
        core::array::from_fn(|i| i as u8),
        unhex("9ec5e4be4c3bbee0043c99c6fe27c0d9")
            .try_into()
            .unwrap(),
    ];
    let message: Vec<u8> = (0..300u32).map(|i| (i * 37 + 11) as u8).collect();
    for key in &keys {
        for n in 0..=message.len() {
            assert_eq!(
                FrameKey::new(*key).cmac(&message[..n]),
                oracle(key, &message[..n]),
                "key {key:02x?}, {n} bytes"
            );
        }
    }
}

#[test]
fn sm4_underneath_is_the_gbt_32907_example() {
    let k: [u8; 16] = unhex("0123456789abcdeffedcba9876543210")
        .try_into()
        .unwrap();
    let mut block = k.into();
    <Sm4 as KeyInit>::new(&k.into()).encrypt_block(&mut block);
    let out: [u8; 16] = block.into();
    assert_eq!(out.to_vec(), unhex("681edf34d206965e86b3e94f536e4246"));
}

#[test]
fn the_independent_generators_tags_still_verify() {
    let key: [u8; 16] = unhex("9ec5e4be4c3bbee0043c99c6fe27c0d9")
        .try_into()
        .unwrap();
    // secure.json#1: seal the status frame, key id 1, counter 0.
    let frame =
        unhex("4744012001000162be390001010205000202010003070101f40000015e040502000004b0ed856dc8");
    let mut out = [0u8; 256];
    let n = secure::seal(&frame, &FrameKey::new(key), 1, 0, &mut out).unwrap();
    assert_eq!(
        out[..n].to_vec(),
        unhex(
            "4744013001000162be390001010205000202010003070101f40000015e040502000004b0ff0e01010000000099e7a17c5ecc12f1e10eb1a9"
        )
    );
    // secure.json#13: open the sealed close-valve command.
    let sealed = unhex("4744011810002862be40d001ff0e01010000000055695d15f703d09d6bb9fe6b");
    let mut slot = KeySlot::new(1, FrameKey::new(key), WindowConfig::DEFAULT);
    assert!(secure::open(&sealed, &mut slot, Policy::Required).is_ok());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn random_keys_and_messages_match_the_cmac_crate(
        key in any::<[u8; 16]>(),
        message in proptest::collection::vec(any::<u8>(), 0..300),
    ) {
        prop_assert_eq!(FrameKey::new(key).cmac(&message), oracle(&key, &message));
    }
}
