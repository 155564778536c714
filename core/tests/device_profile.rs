//! The device profile (feature `device`, spec/security.md [SEC-070]) against every frame of
//! `spec/vectors/frames.json`:
//!
//! - a frame whose header, length, CRC or length of input is wrong fails exactly as in the full
//!   decoder (the vector's error and offset);
//! - a command (type 0x10) and type 0 decode exactly as in the full decoder: the vector's error and
//!   offset, or a command that emits back to the same bytes;
//! - every other type (status, event, identity, ACK, NAK, unassigned) decodes as an uninterpreted
//!   message with its type and body, whatever the body holds: the device does not act on it.
//!
//! Run with `cargo test -p gasdev --features device,secure --test device_profile` (and
//! `--test vectors_secure`: every seal and open case gives the same result in the device profile).
#![cfg(feature = "device")]

mod common;

use common::unhex;

use gasdev::wire::{self, CRC_LEN, Frame, HEADER_LEN, Message};
use serde_json::Value;

const VECTORS: &str = include_str!("../../spec/vectors/frames.json");

/// The error of the checks before the message (`wire::decode`'s order), if any.
fn framing_error(bytes: &[u8]) -> Option<wire::Error> {
    let frame = match Frame::new_checked(bytes) {
        Ok(f) => f,
        Err(e) => return Some(e),
    };
    if !frame.verify_crc() {
        return Some(wire::Error::new(
            wire::ErrorKind::BadCrc,
            frame.total_len() - CRC_LEN,
        ));
    }
    (bytes.len() > frame.total_len())
        .then(|| wire::Error::new(wire::ErrorKind::TrailingBytes, frame.total_len()))
}

#[test]
fn every_frame_vector_decodes_as_a_device_sees_it() {
    let root: Value = serde_json::from_str(VECTORS).unwrap();
    let (mut framing, mut commands, mut uninterpreted) = (0, 0, 0);
    for case in root["tests"].as_array().unwrap() {
        let Some(hex) = case["input"]["frame"].as_str() else {
            continue; // streams
        };
        if case["input"].get("declaration").is_some() {
            continue; // validation against a declaration: not a device's concern
        }
        let id = &case["tcId"];
        let bytes = unhex(hex);
        let got = wire::decode(&bytes);
        let expected_error = (case["result"] == "invalid").then(|| {
            (
                case["expected"]["error"].as_str().unwrap().to_owned(),
                case["expected"]["offset"].as_u64().unwrap() as usize,
            )
        });
        let as_pair = |r: &Result<wire::FrameRepr<'_>, wire::Error>| {
            r.as_ref()
                .err()
                .map(|e| (e.code().name().to_owned(), e.offset()))
        };
        if let Some(e) = framing_error(&bytes) {
            framing += 1;
            assert_eq!(
                Some((e.code().name().to_owned(), e.offset())),
                expected_error,
                "#{id}: framing"
            );
            assert_eq!(as_pair(&got), expected_error, "#{id}");
            continue;
        }
        let ty = Frame::new_checked(&bytes).unwrap().msg_type();
        if ty == 0x10 || ty == 0 {
            commands += 1;
            assert_eq!(as_pair(&got), expected_error, "#{id}: command or type 0");
            if let Ok(repr) = got {
                assert!(matches!(repr.message, Message::Command(_)), "#{id}");
                let mut out = [0u8; 256];
                let n = repr.emit(&mut out).unwrap();
                assert_eq!(&out[..n], &bytes[..], "#{id}: emit(decode(f)) == f");
            }
            continue;
        }
        uninterpreted += 1;
        let repr = got.unwrap_or_else(|e| panic!("#{id}: type {ty:#04x} must not be parsed: {e}"));
        let frame = Frame::new_checked(&bytes).unwrap();
        match repr.message {
            Message::Unknown(u) => {
                assert_eq!(u.msg_type, ty, "#{id}");
                assert_eq!(u.body, frame.body(), "#{id}");
                assert_eq!(u.body.len(), bytes.len() - HEADER_LEN - CRC_LEN, "#{id}");
            }
            other => panic!("#{id}: {other:?} decoded in the device profile"),
        }
    }
    // Every kind of case was seen (the vectors hold each).
    assert!(
        framing > 5 && commands > 5 && uninterpreted > 20,
        "{framing} {commands} {uninterpreted}"
    );
}

#[test]
fn reports_are_still_encoded_and_checked() {
    // The device encodes what the full codec encodes: a status report with no valve is refused.
    let ok =
        unhex("4744012001000162be390001010205000202010003070101f40000015e040502000004b0ed856dc8");
    let mut out = [0u8; 256];
    // Decode (uninterpreted) cannot give a status report back; build one from the model instead.
    let repr = wire::FrameRepr {
        seq: 1,
        timestamp: wire::Timestamp::from_unix(1_656_633_600),
        message: Message::Status(wire::StatusReport {
            kind: gasdev::model::DeviceKind::LeakAlarm,
            snapshot: wire::Snapshot::default(),
            extensions: wire::Tlvs::EMPTY,
        }),
    };
    assert!(
        repr.emit(&mut out).is_err(),
        "a status report without its required TLVs"
    );
    assert!(matches!(
        wire::decode(&ok).unwrap().message,
        Message::Unknown(u) if u.msg_type == 1
    ));
}
