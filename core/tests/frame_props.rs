//! Property tests of the frame codec (`spec/frame.md`):
//!
//! - emit → parse gives the same `FrameRepr` for every message type, and the bytes are canonical;
//! - the JSON form of a decoded frame encodes back to the same bytes;
//! - decoding arbitrary bytes, or arbitrary bodies behind a valid header and CRC, never panics,
//!   and every frame that decodes re-emits byte for byte;
//! - every single-bit flip and every burst of up to 32 bits in a valid frame is detected;
//! - CRC-32C has no undetected error of 1 to 5 bits at the largest frame (Hamming distance ≥ 6),
//!   where any 16-bit CRC of the catalogue has undetected 4-bit errors (spec §2.1).
#![cfg(all(feature = "std", feature = "serde"))]

mod common;

use common::hex;

use gasdev::model::{
    AlarmLevel, AlarmStatus, Concentration, ConcentrationUnit, DeviceKind, Gas, LelBasis, Reading,
    Tier, TripReason, ValveState, ValveStatus,
};
use gasdev::wire::json::{FrameDoc, IdentifierDoc, MessageDoc, TimestampDoc, TlvDoc};
use gasdev::wire::{
    self, Capability, CarrierKind, Command, CommandCode, Event, FaultKind, Frame, FrameRepr,
    NakReason, RaisedLevel, StreamDecoder, StreamEvent, Timestamp,
};
use proptest::prelude::*;

// ------------------------------------------------------------------------------------------------
// Strategies for valid frames (as owned JSON documents, turned into a FrameRepr by `with_repr`).

fn reading() -> impl Strategy<Value = Reading> {
    prop_oneof![
        Just(Reading::Unknown),
        (0..=10_000u32, 1..=10_000u16).prop_map(|(v, b)| Reading::Value(
            Concentration::new(v, ConcentrationUnit::PctLel(LelBasis::new(b).unwrap())).unwrap()
        )),
        (0..=100_000_000u32)
            .prop_map(|v| Reading::Value(Concentration::new(v, ConcentrationUnit::Ppm).unwrap())),
        (0..=10_000u32).prop_map(|v| Reading::Value(
            Concentration::new(v, ConcentrationUnit::PctVol).unwrap()
        )),
    ]
}

fn level() -> impl Strategy<Value = AlarmLevel> {
    prop_oneof![
        Just(AlarmLevel::None),
        Just(AlarmLevel::Low),
        Just(AlarmLevel::High)
    ]
}

fn alarm() -> impl Strategy<Value = AlarmStatus> {
    (level(), level(), any::<[bool; 5]>()).prop_map(|(gas, co, f)| AlarmStatus {
        gas,
        co,
        preheat: f[0],
        fault: f[1],
        end_of_life: f[2],
        self_test: f[3],
        muted: f[4],
    })
}

fn trip() -> impl Strategy<Value = Option<TripReason>> {
    prop::option::of(prop::sample::select(vec![
        TripReason::OverPressure,
        TripReason::UnderPressure,
        TripReason::OverFlow,
        TripReason::AlarmInterlock,
        TripReason::Manual,
        TripReason::RemoteClose,
        TripReason::PowerLoss,
    ]))
}

fn valve() -> impl Strategy<Value = ValveStatus> {
    let state = prop::sample::select(vec![
        ValveState::Open,
        ValveState::Closed,
        ValveState::Opening,
        ValveState::Closing,
        ValveState::Fault,
        ValveState::NotConnected,
        ValveState::Unknown,
    ]);
    (state, trip(), any::<bool>()).prop_map(|(state, trip, latch)| {
        let closed = state == ValveState::Closed;
        let closing = state == ValveState::Closing;
        ValveStatus {
            state,
            trip: if closed || closing { trip } else { None },
            manual_reset_required: closed && latch,
        }
    })
}

/// Extension TLVs with types above `last`, ascending, unique.
fn extensions(last: u8) -> impl Strategy<Value = Vec<TlvDoc>> {
    prop::collection::btree_map(
        last.saturating_add(1)..=255u8,
        prop::collection::vec(any::<u8>(), 0..8),
        0..3,
    )
    .prop_map(|m| {
        m.into_iter()
            .map(|(ty, v)| TlvDoc {
                ty,
                value: wire::json::HexBytes(v),
            })
            .collect()
    })
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof!["[ -~]{1,24}", "[a-zA-Z0-9 自闭阀报警器型号]{1,8}"]
}

fn event() -> impl Strategy<Value = Event> {
    let gas = prop::sample::select(vec![Gas::Methane, Gas::CarbonMonoxide, Gas::Propane]);
    let fault = prop::sample::select(vec![
        FaultKind::Sensor,
        FaultKind::Valve,
        FaultKind::Communication,
        FaultKind::Power,
        FaultKind::Other,
    ]);
    prop_oneof![
        (gas.clone(), any::<bool>()).prop_map(|(gas, high)| Event::AlarmRaised {
            gas,
            level: if high {
                RaisedLevel::High
            } else {
                RaisedLevel::Low
            }
        }),
        gas.prop_map(|gas| Event::AlarmCleared { gas }),
        (trip(), any::<bool>()).prop_map(|(trip, m)| Event::ValveClosed {
            trip,
            manual_reset_required: m
        }),
        (fault, any::<bool>()).prop_map(|(fault, active)| Event::Fault { fault, active }),
        Just(Event::EndOfLife),
        Just(Event::Tamper),
        Just(Event::PowerLost),
        Just(Event::PowerRestored),
        any::<bool>().prop_map(|passed| Event::SelfTestResult { passed }),
        any::<bool>().prop_map(|muted| Event::Mute { muted }),
        (0x0Bu8..=0xFF, any::<u8>()).prop_map(|(code, arg)| Event::Unknown { code, arg }),
    ]
}

fn command() -> impl Strategy<Value = Command> {
    prop_oneof![
        Just(Command::CloseValve),
        Just(Command::SelfTest),
        (1..=u16::MAX).prop_map(|seconds| Command::Mute { seconds }),
        (60..=604_800u32).prop_map(|seconds| Command::SetReportInterval { seconds }),
        Just(Command::RequestStatus),
    ]
}

fn message() -> impl Strategy<Value = MessageDoc> {
    let kind = prop::sample::select(vec![DeviceKind::LeakAlarm, DeviceKind::SelfClosingValve]);
    let status = (
        kind.clone(),
        alarm(),
        valve(),
        prop::option::of(reading()),
        prop::option::of(reading()),
        prop::option::of(reading()),
        extensions(5),
    )
        .prop_map(|(kind, a, v, m, c, p, ext)| MessageDoc::Status {
            kind,
            alarm: (kind == DeviceKind::LeakAlarm).then_some(a),
            valve: Some(v),
            methane: m,
            carbon_monoxide: c,
            propane: p,
            extensions: ext,
        });
    let ev = (
        event(),
        prop::option::of(alarm()),
        prop::option::of(valve()),
        prop::option::of(reading()),
        prop::option::of(reading()),
        extensions(5),
    )
        .prop_map(|(event, alarm, valve, m, c, ext)| MessageDoc::Event {
            event,
            alarm,
            valve,
            methane: m,
            carbon_monoxide: c,
            propane: None,
            extensions: ext,
        });
    let carrier = prop::sample::select(CarrierKind::ALL.to_vec());
    let ident = (
        kind,
        prop::sample::select(Tier::ALL.to_vec()),
        prop::sample::subsequence(Capability::ALL.to_vec(), 0..=14),
        prop::collection::vec(
            (carrier, text()).prop_map(|(carrier, value)| IdentifierDoc { carrier, value }),
            1..3,
        ),
        text(),
        text(),
        extensions(3),
    )
        .prop_map(
            |(kind, tier, capabilities, identifiers, model, firmware, extensions)| {
                MessageDoc::Identity {
                    kind,
                    tier,
                    capabilities,
                    identifiers,
                    model,
                    firmware,
                    extensions,
                }
            },
        );
    let cmd = (command(), extensions(0)).prop_map(|(command, extensions)| MessageDoc::Command {
        command,
        extensions,
    });
    let ack = (
        any::<u16>(),
        prop::sample::select(CommandCode::ALL.to_vec()),
        extensions(0),
    )
        .prop_map(|(ack_seq, command, extensions)| MessageDoc::Ack {
            ack_seq,
            command,
            extensions,
        });
    let nak = (
        any::<u16>(),
        1..=255u8,
        prop::sample::select(NakReason::ALL.to_vec()),
        extensions(0),
    )
        .prop_map(
            |(ack_seq, command_code, reason, extensions)| MessageDoc::Nak {
                ack_seq,
                command_code,
                reason,
                extensions,
            },
        );
    let unknown = (
        (4u8..=255).prop_filter("unassigned", |t| wire::MessageType::from_code(*t).is_none()),
        prop::collection::vec(any::<u8>(), 0..40),
    )
        .prop_map(|(msg_type, body)| MessageDoc::Unknown {
            msg_type,
            body: wire::json::HexBytes(body),
        });
    prop_oneof![status, ev, ident, cmd, ack, nak, unknown]
}

fn frame_doc() -> impl Strategy<Value = FrameDoc> {
    (any::<u16>(), any::<u32>(), message()).prop_map(|(seq, ts, message)| FrameDoc {
        seq,
        timestamp: TimestampDoc(Timestamp::from_unix(ts)),
        message,
    })
}

/// A valid frame's bytes.
fn frame_bytes() -> impl Strategy<Value = Vec<u8>> {
    frame_doc().prop_filter_map("fits in 256 bytes", |d| d.encode().ok())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// emit → parse is the identity on every message type, and emit is canonical.
    #[test]
    fn emit_then_parse_round_trips(doc in frame_doc()) {
        doc.with_repr(|repr| {
            let len = repr.buffer_len();
            let mut buf = vec![0u8; len + 3];
            match repr.emit(&mut buf) {
                Ok(n) => {
                    prop_assert_eq!(n, len);
                    prop_assert!(n <= wire::MAX_FRAME_LEN);
                    let back = wire::decode(&buf[..n]).map_err(|e| TestCaseError::fail(e.to_string()))?;
                    prop_assert_eq!(&back, repr);
                    let mut again = vec![0u8; back.buffer_len()];
                    back.emit(&mut again).unwrap();
                    prop_assert_eq!(hex(&again), hex(&buf[..n]));
                    // A buffer one byte short is refused without a panic.
                    prop_assert_eq!(repr.emit(&mut buf[..n - 1]), Err(wire::EmitError::BufferTooSmall { needed: n }));
                }
                Err(e) => prop_assert_eq!(e, wire::EmitError::Oversize),
            }
            Ok(())
        }).unwrap()?;
    }

    /// The JSON form of a decoded frame encodes back to the same bytes.
    #[test]
    fn json_form_round_trips(bytes in frame_bytes()) {
        let repr = wire::decode(&bytes).unwrap();
        let json = serde_json::to_string(&repr).unwrap();
        let doc: FrameDoc = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(hex(&doc.encode().unwrap()), hex(&bytes));
    }

    /// Every single-bit flip of a valid frame is detected.
    #[test]
    fn every_single_bit_flip_is_detected(bytes in frame_bytes()) {
        let mut b = bytes.clone();
        for bit in 0..b.len() * 8 {
            b[bit / 8] ^= 1 << (bit % 8);
            prop_assert!(wire::decode(&b).is_err(), "flip of bit {} undetected", bit);
            b[bit / 8] ^= 1 << (bit % 8);
        }
    }

    /// Every burst of 2 to 32 bits (first and last bit flipped, any bits between) is detected.
    #[test]
    fn every_burst_up_to_32_bits_is_detected(
        bytes in frame_bytes(),
        start in any::<prop::sample::Index>(),
        len in 2usize..=32,
        middle in any::<u32>(),
    ) {
        let bits = bytes.len() * 8;
        let len = len.min(bits);
        let start = start.index(bits - len + 1);
        let mut b = bytes.clone();
        for i in 0..len {
            let flip = i == 0 || i == len - 1 || (middle >> i) & 1 == 1;
            if flip {
                let bit = start + i;
                b[bit / 8] ^= 1 << (bit % 8);
            }
        }
        prop_assert!(wire::decode(&b).is_err());
    }

    /// Arbitrary bytes never panic any entry point.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let _ = wire::decode(&bytes);
        let f = Frame::new_unchecked(&bytes[..]);
        let _ = (f.magic(), f.version(), f.length(), f.msg_type(), f.seq(), f.timestamp(), f.crc(), f.verify_crc());
        let _ = (f.body(), f.bytes(), f.check_len());
        let _ = FrameRepr::parse(&f);
        for t in wire::TlvIter::new(&bytes) { let _ = t; }
        let _ = wire::Tlvs::parse(&bytes);
        let mut d = StreamDecoder::new();
        let mut input = &bytes[..];
        loop {
            let (n, ev) = d.feed(input);
            input = &input[n..];
            if let Some(StreamEvent::Frame(fr)) = ev { prop_assert!(fr.verify_crc()); }
            if ev.is_none() { break; }
        }
        while d.finish().is_some() {}
    }

    /// Arbitrary bodies behind a valid header and CRC reach the message parsers without panics;
    /// whatever decodes re-emits byte for byte (canonical encoding, FRAME-008).
    #[test]
    fn arbitrary_bodies_decode_canonically(
        ty in prop::sample::select(vec![0x00u8, 0x01, 0x02, 0x03, 0x10, 0x11, 0x12, 0x42]),
        body in prop::collection::vec(
            prop_oneof![3 => 0u8..8, 1 => any::<u8>(), 1 => Just(0xffu8), 1 => Just(0x80u8)], 0..60),
    ) {
        let mut b = vec![0x47, 0x44, 0x01, u8::try_from(body.len() + 7).unwrap(), ty, 0, 1, 0, 0, 0, 1];
        b.extend_from_slice(&body);
        b.extend_from_slice(&[0; 4]);
        Frame::new_unchecked(&mut b[..]).fill_crc();
        if let Ok(repr) = wire::decode(&b) {
            let mut out = vec![0u8; repr.buffer_len()];
            prop_assert_eq!(repr.emit(&mut out), Ok(b.len()));
            prop_assert_eq!(hex(&out), hex(&b));
        }
    }
}

// ------------------------------------------------------------------------------------------------
// The CRC choice (spec/frame.md §2.1), by the syndrome method: the CRC is linear, so an error
// pattern is undetected exactly when the XOR of the syndromes of its bits is zero.

/// Syndromes of every bit of a codeword of `data_len` covered bytes plus a `width`-bit check.
fn syndromes(data_len: usize, width: u32, checksum: impl Fn(&[u8]) -> u64) -> Vec<u64> {
    let zero = vec![0u8; data_len];
    let base = checksum(&zero);
    let mut m = zero.clone();
    let mut s: Vec<u64> = (0..data_len * 8)
        .map(|i| {
            m[i / 8] ^= 1 << (i % 8);
            let v = checksum(&m) ^ base;
            m[i / 8] ^= 1 << (i % 8);
            v
        })
        .collect();
    s.extend((0..width).map(|j| 1u64 << j));
    s
}

/// Counts of undetected patterns of weight 1, 2, 3 and 4 (4: colliding disjoint pairs).
fn undetected(s: &[u64]) -> [usize; 4] {
    let singles: std::collections::HashSet<u64> = s.iter().copied().collect();
    let w1 = s.iter().filter(|&&x| x == 0).count();
    let w2 = s.len() - singles.len();
    let mut w3 = 0;
    let mut pairs = Vec::with_capacity(s.len() * s.len() / 2);
    for i in 0..s.len() {
        for j in i + 1..s.len() {
            let p = s[i] ^ s[j];
            w3 += usize::from(singles.contains(&p));
            pairs.push(p);
        }
    }
    pairs.sort_unstable();
    // With no weight-2 pattern, equal pair syndromes come from disjoint pairs: weight-4 patterns.
    let w4 = pairs.windows(2).filter(|w| w[0] == w[1]).count();
    [w1, w2, w3, w4]
}

#[test]
fn crc32c_detects_every_error_of_up_to_five_bits() {
    // The largest frame: 252 covered bytes + 32 check bits = 2048 bits.
    let covered = wire::MAX_FRAME_LEN - wire::CRC_LEN;
    let s = syndromes(covered, 32, |m| u64::from(wire::crc32c(m)));
    assert_eq!(s.len(), 2048);
    assert_eq!(undetected(&s), [0, 0, 0, 0]);
    // The generator x^32 + 0x1EDC6F41 has an even number of terms, so x + 1 divides it and every
    // odd-weight error (1, 3, 5 bits) is detected: with no 2- or 4-bit error, the distance is ≥ 6.
    let terms = 1 + wire::CRC_ALGORITHM.poly.count_ones();
    assert_eq!(terms % 2, 0);
}

#[test]
fn sixteen_bit_crcs_miss_four_bit_errors_even_in_small_frames() {
    for alg in [&crc::CRC_16_IBM_3740, &crc::CRC_16_ARC, &crc::CRC_16_MODBUS] {
        let c = crc::Crc::<u16>::new(alg);
        for covered in [44usize, 252] {
            let s = syndromes(covered, 16, |m| u64::from(c.checksum(m)));
            let u = undetected(&s);
            assert_eq!(u[..3], [0, 0, 0]);
            assert!(u[3] > 1000, "{}: {covered} bytes: {u:?}", alg.check);
        }
    }
}

#[test]
fn crc32c_detects_every_burst_of_up_to_12_bits_exhaustively() {
    // Every start position and every pattern (first and last bit set) in the largest frame.
    let s = syndromes(wire::MAX_FRAME_LEN - wire::CRC_LEN, 32, |m| {
        u64::from(wire::crc32c(m))
    });
    for len in 1..=12usize {
        let inner = if len >= 2 { 1u32 << (len - 2) } else { 1 };
        for start in 0..=s.len() - len {
            for pat in 0..inner {
                let mut x = s[start];
                if len >= 2 {
                    x ^= s[start + len - 1];
                    for k in 0..len.saturating_sub(2) {
                        if (pat >> k) & 1 == 1 {
                            x ^= s[start + 1 + k];
                        }
                    }
                }
                assert_ne!(
                    x, 0,
                    "burst at {start}, length {len}, pattern {pat:b} undetected"
                );
            }
        }
    }
}

#[test]
fn typical_status_report_fits_in_48_bytes() {
    // The largest status of a mid-tier alarm: alarm, valve, %LEL methane and ppm CO.
    let doc: FrameDoc = serde_json::from_value(serde_json::json!({
        "seq": 1, "timestamp": 1656633600,
        "message": {"type": "status", "kind": "leak_alarm",
            "alarm": {"gas": "low", "co": "none", "preheat": false, "fault": false, "end_of_life": false,
                      "self_test": false, "muted": false},
            "valve": {"state": "closed", "trip": "alarm_interlock", "manual_reset_required": true},
            "methane": {"value": 12.5, "unit": "pct_lel", "lel_basis_pct_vol": 5.0},
            "carbon_monoxide": {"value": 30.0, "unit": "ppm"}}
    }))
    .unwrap();
    assert_eq!(doc.encode().unwrap().len(), 40);
}

#[test]
fn forbidden_commands_cannot_be_smuggled_through_unknown_variants() {
    use wire::{CommandRequest, Message, Tlvs, UnknownMessage};
    // An "unknown" message with the command type, carrying the open-valve code, is refused.
    let smuggled = FrameRepr {
        seq: 1,
        timestamp: Timestamp::UNKNOWN,
        message: Message::Unknown(UnknownMessage {
            msg_type: 0x10,
            body: &[0x02],
        }),
    };
    assert_eq!(
        smuggled.emit(&mut [0u8; 64]),
        Err(wire::EmitError::BadField)
    );
    // An assigned event code as an unknown event is refused too.
    let ev = FrameRepr {
        seq: 1,
        timestamp: Timestamp::UNKNOWN,
        message: Message::Event(wire::EventReport {
            event: Event::Unknown {
                code: 0x03,
                arg: 0x00,
            },
            snapshot: wire::Snapshot::default(),
            extensions: Tlvs::EMPTY,
        }),
    };
    assert_eq!(ev.emit(&mut [0u8; 64]), Err(wire::EmitError::BadField));
    // Extensions may not shadow a known TLV type (here: 1 = alarm status of a status report).
    let shadow = Tlvs::parse(&[0x01, 0x02, 0x05, 0x00]).unwrap();
    let st = FrameRepr {
        seq: 1,
        timestamp: Timestamp::UNKNOWN,
        message: Message::Status(wire::StatusReport {
            kind: DeviceKind::SelfClosingValve,
            snapshot: wire::Snapshot {
                valve: Some(ValveStatus {
                    state: ValveState::Open,
                    trip: None,
                    manual_reset_required: false,
                }),
                ..wire::Snapshot::default()
            },
            extensions: shadow,
        }),
    };
    assert_eq!(st.emit(&mut [0u8; 64]), Err(wire::EmitError::BadField));
    let cmd = FrameRepr {
        seq: 1,
        timestamp: Timestamp::UNKNOWN,
        message: Message::Command(CommandRequest {
            command: Command::CloseValve,
            extensions: Tlvs::EMPTY,
        }),
    };
    let mut buf = [0u8; 16];
    assert_eq!(cmd.emit(&mut buf), Ok(16));
    // Patch the command code to "open valve" and fix the CRC: decoding refuses it.
    buf[11] = wire::command_code::FORBIDDEN_OPEN_VALVE;
    Frame::new_unchecked(&mut buf[..]).fill_crc();
    let e = wire::decode(&buf).unwrap_err();
    assert_eq!(
        (e.code().name(), e.offset()),
        ("FRAME_FORBIDDEN_COMMAND", 11)
    );
}
