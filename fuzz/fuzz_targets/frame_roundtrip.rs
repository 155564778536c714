//! Fuzz emit → parse (`spec/frame.md`): the input drives the construction of a `FrameRepr` (any values,
//! valid or not), which is emitted into a buffer.
//!
//! Asserts: `emit` never panics and never writes a frame that does not decode to the same value
//! (it refuses instead); `buffer_len` is what `emit` writes; the bytes are canonical (re-emitting
//! the decoded value gives them again); a short buffer is refused, not overrun.
#![no_main]

use gasdev::model::{
    AlarmLevel, AlarmStatus, Concentration, ConcentrationUnit, DeviceKind, Gas, LelBasis, Reading,
    Tier, TripReason, ValveState, ValveStatus,
};
use gasdev::wire::{
    self, Ack, CapabilitySet, CarrierKind, Command, CommandCode, CommandRequest, EmitError, Event,
    EventReport, FaultKind, FrameRepr, Identifier, Identifiers, Identity, Message, Nak, NakReason,
    RaisedLevel, Snapshot, StatusReport, Timestamp, Tlvs, UnknownMessage,
};
use libfuzzer_sys::fuzz_target;

/// A byte source that yields zeros once exhausted.
struct Src<'a>(&'a [u8]);

impl<'a> Src<'a> {
    fn u8(&mut self) -> u8 {
        let (b, rest) = self.0.split_first().map_or((0, &[][..]), |(b, r)| (*b, r));
        self.0 = rest;
        b
    }
    fn u16(&mut self) -> u16 {
        u16::from_be_bytes([self.u8(), self.u8()])
    }
    fn u32(&mut self) -> u32 {
        u32::from_be_bytes([self.u8(), self.u8(), self.u8(), self.u8()])
    }
    fn bool(&mut self) -> bool {
        self.u8() & 1 == 1
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[usize::from(self.u8()) % items.len()]
    }
    fn bytes(&mut self, max: usize) -> &'a [u8] {
        let n = (usize::from(self.u8()) % (max + 1)).min(self.0.len());
        let (a, b) = self.0.split_at(n);
        self.0 = b;
        a
    }
    fn text(&mut self, max: usize) -> &'a str {
        let b = self.bytes(max);
        match core::str::from_utf8(b) {
            Ok(s) => s,
            Err(e) => core::str::from_utf8(&b[..e.valid_up_to()]).unwrap_or_default(),
        }
    }
}

const LEVELS: [AlarmLevel; 3] = [AlarmLevel::None, AlarmLevel::Low, AlarmLevel::High];
const GASES: [Gas; 3] = [Gas::Methane, Gas::CarbonMonoxide, Gas::Propane];
const STATES: [ValveState; 7] = [
    ValveState::Open,
    ValveState::Closed,
    ValveState::Opening,
    ValveState::Closing,
    ValveState::Fault,
    ValveState::NotConnected,
    ValveState::Unknown,
];
const TRIPS: [Option<TripReason>; 8] = [
    None,
    Some(TripReason::OverPressure),
    Some(TripReason::UnderPressure),
    Some(TripReason::OverFlow),
    Some(TripReason::AlarmInterlock),
    Some(TripReason::Manual),
    Some(TripReason::RemoteClose),
    Some(TripReason::PowerLoss),
];

fn reading(s: &mut Src<'_>) -> Option<Reading> {
    match s.u8() % 5 {
        0 => None,
        1 => Some(Reading::Unknown),
        k => {
            let unit = match k {
                2 => ConcentrationUnit::PctLel(
                    LelBasis::new(s.u16() % 10_001).unwrap_or(LelBasis::METHANE_ISO_10156),
                ),
                3 => ConcentrationUnit::Ppm,
                _ => ConcentrationUnit::PctVol,
            };
            let v = s.u32() % (unit.max_centi() + 2);
            Concentration::new(v, unit).ok().map(Reading::Value)
        }
    }
}

fn snapshot(s: &mut Src<'_>) -> Snapshot {
    let alarm = s.bool().then(|| AlarmStatus {
        gas: s.pick(&LEVELS),
        co: s.pick(&LEVELS),
        preheat: s.bool(),
        fault: s.bool(),
        end_of_life: s.bool(),
        self_test: s.bool(),
        muted: s.bool(),
    });
    // Any combination, inconsistent ones included: emit must refuse those.
    let valve = s.bool().then(|| ValveStatus {
        state: s.pick(&STATES),
        trip: s.pick(&TRIPS),
        manual_reset_required: s.bool(),
    });
    Snapshot {
        alarm,
        valve,
        methane: reading(s),
        carbon_monoxide: reading(s),
        propane: reading(s),
    }
}

fn extensions<'a>(s: &mut Src<'a>) -> Tlvs<'a> {
    Tlvs::parse(s.bytes(12)).unwrap_or(Tlvs::EMPTY)
}

fn event(s: &mut Src<'_>) -> Event {
    match s.u8() % 11 {
        0 => Event::AlarmRaised {
            gas: s.pick(&GASES),
            level: if s.bool() {
                RaisedLevel::High
            } else {
                RaisedLevel::Low
            },
        },
        1 => Event::AlarmCleared {
            gas: s.pick(&GASES),
        },
        2 => Event::ValveClosed {
            trip: s.pick(&TRIPS),
            manual_reset_required: s.bool(),
        },
        3 => Event::Fault {
            fault: s.pick(&[
                FaultKind::Sensor,
                FaultKind::Valve,
                FaultKind::Communication,
                FaultKind::Power,
                FaultKind::Other,
            ]),
            active: s.bool(),
        },
        4 => Event::EndOfLife,
        5 => Event::Tamper,
        6 => Event::PowerLost,
        7 => Event::PowerRestored,
        8 => Event::SelfTestResult { passed: s.bool() },
        9 => Event::Mute { muted: s.bool() },
        _ => Event::Unknown {
            code: s.u8(),
            arg: s.u8(),
        },
    }
}

fn check(repr: &FrameRepr<'_>) {
    let n = repr.buffer_len();
    let mut buf = vec![0u8; n.min(wire::MAX_FRAME_LEN) + 8];
    match repr.emit(&mut buf) {
        Ok(len) => {
            assert_eq!(len, n);
            let frame = &buf[..len];
            let back = wire::decode(frame).expect("an emitted frame decodes");
            assert_eq!(&back, repr);
            let mut again = vec![0u8; back.buffer_len()];
            assert_eq!(back.emit(&mut again), Ok(len));
            assert_eq!(again, frame);
            assert_eq!(
                repr.emit(&mut buf[..len - 1]),
                Err(EmitError::BufferTooSmall { needed: len })
            );
        }
        Err(EmitError::BufferTooSmall { .. }) => panic!("the buffer was large enough"),
        Err(_) => assert!(repr.validate().is_err()),
    }
}

fuzz_target!(|data: &[u8]| {
    let mut s = Src(data);
    let seq = s.u16();
    let timestamp = Timestamp::from_unix(s.u32());
    let ids_store: Vec<Identifier<'_>>;
    let message = match s.u8() % 7 {
        0 => Message::Status(StatusReport {
            kind: if s.bool() {
                DeviceKind::LeakAlarm
            } else {
                DeviceKind::SelfClosingValve
            },
            snapshot: snapshot(&mut s),
            extensions: extensions(&mut s),
        }),
        1 => Message::Event(EventReport {
            event: event(&mut s),
            snapshot: snapshot(&mut s),
            extensions: extensions(&mut s),
        }),
        2 => {
            let count = usize::from(s.u8() % 4);
            ids_store = (0..count)
                .map(|_| Identifier {
                    carrier: s.pick(&CarrierKind::ALL),
                    value: s.text(40),
                })
                .collect();
            Message::Identity(Identity {
                kind: if s.bool() {
                    DeviceKind::LeakAlarm
                } else {
                    DeviceKind::SelfClosingValve
                },
                tier: s.pick(&Tier::ALL),
                capabilities: CapabilitySet::from_bits(s.u16() & CapabilitySet::DEFINED)
                    .unwrap_or_default(),
                identifiers: Identifiers::new(&ids_store),
                model: s.text(40),
                firmware: s.text(20),
                extensions: extensions(&mut s),
            })
        }
        3 => {
            let command = match s.u8() % 5 {
                0 => Command::CloseValve,
                1 => Command::SelfTest,
                2 => Command::Mute { seconds: s.u16() },
                3 => Command::SetReportInterval {
                    seconds: s.u32() % 1_000_000,
                },
                _ => Command::RequestStatus,
            };
            Message::Command(CommandRequest {
                command,
                extensions: extensions(&mut s),
            })
        }
        4 => Message::Ack(Ack {
            ack_seq: s.u16(),
            command: s.pick(&CommandCode::ALL),
            extensions: extensions(&mut s),
        }),
        5 => Message::Nak(Nak {
            ack_seq: s.u16(),
            command_code: s.u8(),
            reason: s.pick(&NakReason::ALL),
            extensions: extensions(&mut s),
        }),
        _ => Message::Unknown(UnknownMessage {
            msg_type: s.u8(),
            body: s.bytes(255),
        }),
    };
    check(&FrameRepr {
        seq,
        timestamp,
        message,
    });
});
