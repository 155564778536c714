//! Fuzz the frame decoder (`spec/frame.md`): any bytes through every entry point.
//!
//! Asserts the contract of `gasdev::wire`: no panic; an error's offset lies within the frame's
//! 256 bytes (or the input); a frame that decodes re-emits byte for byte apart from the CRC
//! (under `cfg(fuzzing)` the CRC check is bypassed, so the input's CRC may be wrong), the
//! re-emitted frame decodes to the same value, its JSON form encodes to the same bytes, and
//! checking it against a declaration never panics.
#![no_main]

use gasdev::model::{Capabilities, DataItem, Declaration, DeviceKind, Gas, Tier};
use gasdev::wire::{self, Frame, FrameRepr, TlvIter, Tlvs};
use libfuzzer_sys::fuzz_target;

fn declaration(kind: DeviceKind) -> Declaration {
    Declaration {
        vendor: None,
        model: "GT-A100".into(),
        kind,
        claimed_tier: Tier::Low,
        use_case: None,
        price: None,
        installation_price: None,
        service: None,
        certificates: Vec::new(),
        standards: Vec::new(),
        identifiers: Vec::new(),
        capabilities: Capabilities {
            detects: vec![Gas::Methane],
            collects: vec![DataItem::RunningStatus],
            ..Capabilities::default()
        },
    }
}

fuzz_target!(|data: &[u8]| {
    // The view: accessors never panic, whatever the buffer.
    let f = Frame::new_unchecked(data);
    let _ = (
        f.magic(),
        f.version(),
        f.length(),
        f.msg_type(),
        f.seq(),
        f.timestamp(),
        f.crc(),
    );
    let _ = (
        f.verify_crc(),
        f.compute_crc(),
        f.body(),
        f.bytes(),
        f.check_len(),
    );
    for t in TlvIter::new(data) {
        let _ = t;
    }
    let _ = Tlvs::parse(data);
    // The buffer may be longer than the frame for `parse`.
    let _ = FrameRepr::parse(&f);

    match wire::decode(data) {
        Ok(repr) => {
            let n = repr.buffer_len();
            assert_eq!(n, data.len());
            let mut out = vec![0u8; n];
            assert_eq!(repr.emit(&mut out), Ok(n));
            assert_eq!(out[..n - 4], data[..n - 4], "canonical encoding");
            let back = wire::decode(&out).expect("a re-emitted frame decodes");
            assert_eq!(back, repr);
            let json = serde_json::to_string(&repr).expect("JSON form");
            let doc: wire::json::FrameDoc =
                serde_json::from_str(&json).expect("JSON form reads back");
            assert_eq!(doc.encode().expect("JSON form encodes"), out);
            for kind in [DeviceKind::LeakAlarm, DeviceKind::SelfClosingValve] {
                for finding in wire::validate(&repr, &declaration(kind)) {
                    assert!(finding.clause.len() >= 4 && finding.rule.starts_with("FRAME-1"));
                }
            }
        }
        Err(e) => assert!(e.offset() <= data.len().max(wire::MAX_FRAME_LEN)),
    }
});
