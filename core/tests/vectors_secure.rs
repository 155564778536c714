//! Runs every case of `spec/vectors/secure.json` (made by the independent generator
//! `spec/tools/gen_secure_vectors.py`) through `gasdev::secure`: seal, open against a replay window,
//! key derivation. Strict: every key of every case is read, results and error names and offsets are
//! asserted exactly, and a rejected frame must leave every replay window unchanged.
#![cfg(feature = "secure")]

mod common;

use common::{done, expect_key, hex, take, take_description, take_object, unhex};
use gasdev::secure::{
    self, Authentication, FrameKey, KeySlot, Policy, ReplayWindow, WindowConfig, derive_device_key,
};
use serde_json::{Map, Value};

fn key(v: Value) -> FrameKey {
    FrameKey::from_slice(&unhex(v.as_str().unwrap())).unwrap()
}

fn num(v: Value) -> u64 {
    v.as_u64().unwrap()
}

/// `Ok(expected object)` or `Err((name, offset))` from a case's result and expected.
fn check_error(ctx: &str, mut expected: Map<String, Value>, got: (&str, usize)) {
    expect_key(&mut expected, "error", got.0, ctx);
    assert_eq!(
        num(take(&mut expected, "offset", ctx)),
        got.1 as u64,
        "{ctx}: offset"
    );
    done(&expected, ctx);
}

#[test]
fn secure_vectors() {
    let (_, cases) = common::load_cases("secure", 1, false);
    let mut seen = std::collections::BTreeMap::new();
    for (_, mut case, ctx) in cases {
        take_description(&mut case, &ctx);
        let spec = take(&mut case, "spec", &ctx);
        assert!(
            spec.as_array()
                .unwrap()
                .iter()
                .all(|c| c.as_str().unwrap().starts_with("SEC-")),
            "{ctx}: spec ids"
        );
        let mut input = take_object(&mut case, "input", &ctx);
        let result = take(&mut case, "result", &ctx);
        let valid = match result.as_str().unwrap() {
            "valid" => true,
            "invalid" => false,
            other => panic!("{ctx}: result {other}"),
        };
        let mut expected = take_object(&mut case, "expected", &ctx);
        done(&case, &ctx);
        let op = take(&mut input, "op", &ctx);
        let op = op.as_str().unwrap();
        *seen.entry((op.to_owned(), valid)).or_insert(0) += 1;
        match op {
            "open" => {
                let policy = match take(&mut input, "policy", &ctx).as_str().unwrap() {
                    "required" => Policy::Required,
                    "legacy" => Policy::LegacyAcceptUnauthenticated,
                    other => panic!("{ctx}: policy {other}"),
                };
                let mut w = take_object(&mut input, "window", &ctx);
                let config = WindowConfig::new(
                    u8::try_from(num(take(&mut w, "size", &ctx))).unwrap(),
                    u32::try_from(num(take(&mut w, "max_jump", &ctx))).unwrap(),
                )
                .unwrap();
                done(&w, &ctx);
                let mut slots: Vec<KeySlot> = Vec::new();
                for k in take(&mut input, "keys", &ctx).as_array().unwrap() {
                    let mut k = common::object(k.clone(), &ctx);
                    let key_id = u8::try_from(num(take(&mut k, "key_id", &ctx))).unwrap();
                    let mut slot = KeySlot::new(key_id, key(take(&mut k, "key", &ctx)), config);
                    let accepted = take(&mut k, "accepted", &ctx);
                    if let Some(window) = common::restored_window(config, &accepted) {
                        slot.window = window;
                    }
                    done(&k, &ctx);
                    slots.push(slot);
                }
                let frame = unhex(take(&mut input, "frame", &ctx).as_str().unwrap());
                done(&input, &ctx);
                let before: Vec<ReplayWindow> = slots.iter().map(|s| s.window).collect();
                let got = secure::open(&frame, &mut slots[..], policy);
                let after: Vec<ReplayWindow> = slots.iter().map(|s| s.window).collect();
                match (valid, got) {
                    (true, Ok(opened)) => {
                        assert_eq!(
                            num(take(&mut expected, "msg_type", &ctx)),
                            u64::from(opened.frame.message.type_code()),
                            "{ctx}"
                        );
                        let authenticated = take(&mut expected, "authenticated", &ctx);
                        match opened.auth {
                            Authentication::Authenticated { key_id, counter } => {
                                assert_eq!(authenticated, true, "{ctx}");
                                assert_eq!(
                                    num(take(&mut expected, "key_id", &ctx)),
                                    u64::from(key_id),
                                    "{ctx}"
                                );
                                assert_eq!(
                                    num(take(&mut expected, "counter", &ctx)),
                                    u64::from(counter),
                                    "{ctx}"
                                );
                                // The window of that key recorded the counter, and only it moved.
                                let i = slots.iter().position(|s| s.key_id == key_id).unwrap();
                                assert!(after[i].check(counter).is_err(), "{ctx}: recorded");
                                for (j, (b, a)) in before.iter().zip(&after).enumerate() {
                                    if j != i {
                                        assert_eq!(b, a, "{ctx}: other windows unchanged");
                                    }
                                }
                            }
                            Authentication::None => {
                                assert_eq!(authenticated, false, "{ctx}");
                                assert_eq!(before, after, "{ctx}: windows unchanged");
                            }
                        }
                        done(&expected, &ctx);
                    }
                    (false, Err(e)) => {
                        check_error(&ctx, expected, (e.code().name(), e.offset()));
                        assert_eq!(before, after, "{ctx}: a rejected frame moves no window");
                    }
                    (v, got) => panic!("{ctx}: expected valid={v}, got {got:?}"),
                }
            }
            "seal" => {
                let frame = unhex(take(&mut input, "frame", &ctx).as_str().unwrap());
                let k = key(take(&mut input, "key", &ctx));
                let key_id = u8::try_from(num(take(&mut input, "key_id", &ctx))).unwrap();
                let counter = u32::try_from(num(take(&mut input, "counter", &ctx))).unwrap();
                done(&input, &ctx);
                let mut out = [0xA5u8; 300];
                let got = secure::seal(&frame, &k, key_id, counter, &mut out);
                match (valid, got) {
                    (true, Ok(n)) => {
                        expect_key(&mut expected, "frame", hex(&out[..n]), &ctx);
                        assert!(out[n..].iter().all(|&b| b == 0xA5), "{ctx}: wrote past");
                        // A short buffer is refused without writing.
                        let mut short = vec![0xA5u8; n - 1];
                        let e = secure::seal(&frame, &k, key_id, counter, &mut short).unwrap_err();
                        assert_eq!((e.code().name(), e.offset()), ("BUFFER_TOO_SMALL", n));
                        assert!(
                            short.iter().all(|&b| b == 0xA5),
                            "{ctx}: short buffer untouched"
                        );
                        done(&expected, &ctx);
                    }
                    (false, Err(e)) => {
                        check_error(&ctx, expected, (e.code().name(), e.offset()));
                        assert!(out.iter().all(|&b| b == 0xA5), "{ctx}: nothing written");
                    }
                    (v, got) => panic!("{ctx}: expected valid={v}, got {got:?}"),
                }
            }
            "derive_key" => {
                let master = key(take(&mut input, "master", &ctx));
                let key_id = u8::try_from(num(take(&mut input, "key_id", &ctx))).unwrap();
                let ident = take(&mut input, "identifier", &ctx);
                done(&input, &ctx);
                let got = derive_device_key(&master, key_id, ident.as_str().unwrap().as_bytes());
                match (valid, got) {
                    (true, Ok(k)) => {
                        expect_key(&mut expected, "key", hex(k.expose_bytes()), &ctx);
                        done(&expected, &ctx);
                    }
                    (false, Err(e)) => check_error(&ctx, expected, (e.code().name(), 0)),
                    (v, got) => panic!("{ctx}: expected valid={v}, got {got:?}"),
                }
            }
            other => panic!("{ctx}: op {other}"),
        }
    }
    // Every kind of case is present, so the runner cannot pass on an empty or one-sided file.
    for kind in [
        ("open", true),
        ("open", false),
        ("seal", true),
        ("seal", false),
        ("derive_key", true),
        ("derive_key", false),
    ] {
        assert!(
            seen.contains_key(&(kind.0.to_owned(), kind.1)),
            "no case {kind:?}"
        );
    }
    assert_eq!(seen.values().sum::<i32>(), 74);
}
