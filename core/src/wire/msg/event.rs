//! Event (type `0x02`) [FRAME-050]: what happened (code and argument byte), then the state at
//! that moment.

use super::super::codes;
use super::super::error::{EmitError, Error, ErrorKind};
use super::super::tlv::Tlvs;
use super::snapshot::{Snapshot, parse_trip_latch, snapshot_tlv, trip_latch_byte};
use super::{Field, Invalid, Reader, Writer, bad, check_ext};
use crate::model::{AlarmLevel, Gas, TripReason};

/// An event with the state at the moment it happened [FRAME-050].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventReport<'a> {
    /// What happened.
    pub event: Event,
    /// The state when it happened (every part optional).
    pub snapshot: Snapshot,
    /// TLVs this version does not define, kept.
    pub extensions: Tlvs<'a>,
}

crate::coded::coded_enum! {
    /// The level of a raised alarm (never "none"). Its code is the alarm level's (the high nibble
    /// of an alarm-raised event's argument).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum RaisedLevel: u8 => serde {
        /// Low (first-level) alarm.
        Low = 2, "low";
        /// High (second-level) alarm.
        High = 3, "high";
    }
}

impl From<RaisedLevel> for AlarmLevel {
    fn from(l: RaisedLevel) -> AlarmLevel {
        match l {
            RaisedLevel::Low => AlarmLevel::Low,
            RaisedLevel::High => AlarmLevel::High,
        }
    }
}

crate::coded::coded_enum! {
    /// What a fault event is about.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum FaultKind: u8 => serde {
        /// Gas sensor fault.
        Sensor = 1, "sensor";
        /// Valve or valve-drive fault.
        Valve = 2, "valve";
        /// Communication (link, module) fault.
        Communication = 3, "communication";
        /// Power supply or battery fault.
        Power = 4, "power";
        /// Any other fault.
        Other = 5, "other";
    }
}

/// Event codes [FRAME-051].
pub mod event_code {
    /// Alarm raised: argument = level << 4 | gas.
    pub const ALARM_RAISED: u8 = 0x01;
    /// Alarm cleared: argument = gas.
    pub const ALARM_CLEARED: u8 = 0x02;
    /// Valve closed: argument = latch << 7 | trip reason.
    pub const VALVE_CLOSED: u8 = 0x03;
    /// Fault raised or cleared: argument = active << 7 | fault kind.
    pub const FAULT: u8 = 0x04;
    /// Sensor end of life.
    pub const END_OF_LIFE: u8 = 0x05;
    /// Tamper (opened or removed).
    pub const TAMPER: u8 = 0x06;
    /// Mains power lost.
    pub const POWER_LOST: u8 = 0x07;
    /// Mains power restored.
    pub const POWER_RESTORED: u8 = 0x08;
    /// Self-test finished: argument 1 = passed, 2 = failed.
    pub const SELF_TEST_RESULT: u8 = 0x09;
    /// Sounder muted or unmuted: argument 1 = muted, 2 = unmuted.
    pub const MUTE: u8 = 0x0A;
    /// The highest assigned code.
    pub const LAST: u8 = MUTE;
}

/// What happened [FRAME-051].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)
)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "FrameEvent"))]
pub enum Event {
    /// A gas alarm was raised (or rose from low to high).
    AlarmRaised {
        /// Which gas.
        gas: Gas,
        /// Its level.
        level: RaisedLevel,
    },
    /// A gas alarm ended.
    AlarmCleared {
        /// Which gas.
        gas: Gas,
    },
    /// The valve closed: why, and whether it is latched until opened by hand (VLV-0e).
    ValveClosed {
        /// Why it closed, if known.
        trip: Option<TripReason>,
        /// Latched closed until a person opens it by hand.
        manual_reset_required: bool,
    },
    /// A fault was raised (`active`) or cleared.
    Fault {
        /// What the fault is about.
        fault: FaultKind,
        /// Raised (`true`) or cleared (`false`).
        active: bool,
    },
    /// The sensor reached the end of its service life.
    EndOfLife,
    /// The device was opened or removed.
    Tamper,
    /// Mains power was lost.
    PowerLost,
    /// Mains power came back (a self-closing valve stays closed: fail-closed).
    PowerRestored,
    /// A self-test finished.
    SelfTestResult {
        /// Whether it passed.
        passed: bool,
    },
    /// The sounder was muted or unmuted (never changes the expressed state).
    Mute {
        /// Muted (`true`) or unmuted (`false`).
        muted: bool,
    },
    /// An event code this version does not define, kept as it came [FRAME-052].
    Unknown {
        /// The event code (never 0 and never an assigned code).
        code: u8,
        /// The argument byte.
        arg: u8,
    },
}

fn parse_event(at: usize, code: u8, arg: u8) -> Result<Event, Error> {
    let arg_at = at.saturating_add(1);
    let bad_arg = bad(ErrorKind::BadField, arg_at);
    let no_arg = |e: Event| if arg == 0 { Ok(e) } else { Err(bad_arg) };
    match code {
        event_code::ALARM_RAISED => {
            let gas = codes::gas_from(arg & 0x0F).ok_or(bad_arg)?;
            let level = RaisedLevel::from_code(arg >> 4).ok_or(bad_arg)?;
            Ok(Event::AlarmRaised { gas, level })
        }
        event_code::ALARM_CLEARED => Ok(Event::AlarmCleared {
            gas: codes::gas_from(arg).ok_or(bad_arg)?,
        }),
        event_code::VALVE_CLOSED => {
            let (trip, manual_reset_required) = parse_trip_latch(arg_at, arg)?;
            Ok(Event::ValveClosed {
                trip,
                manual_reset_required,
            })
        }
        event_code::FAULT => {
            let fault = FaultKind::from_code(arg & 0x7F).ok_or(bad_arg)?;
            Ok(Event::Fault {
                fault,
                active: arg & 0x80 != 0,
            })
        }
        event_code::END_OF_LIFE => no_arg(Event::EndOfLife),
        event_code::TAMPER => no_arg(Event::Tamper),
        event_code::POWER_LOST => no_arg(Event::PowerLost),
        event_code::POWER_RESTORED => no_arg(Event::PowerRestored),
        event_code::SELF_TEST_RESULT => match arg {
            1 => Ok(Event::SelfTestResult { passed: true }),
            2 => Ok(Event::SelfTestResult { passed: false }),
            _ => Err(bad_arg),
        },
        event_code::MUTE => match arg {
            1 => Ok(Event::Mute { muted: true }),
            2 => Ok(Event::Mute { muted: false }),
            _ => Err(bad_arg),
        },
        0 => Err(bad(ErrorKind::BadField, at)),
        _ => Ok(Event::Unknown { code, arg }),
    }
}

fn event_bytes(e: &Event) -> [u8; 2] {
    match *e {
        Event::AlarmRaised { gas, level } => [
            event_code::ALARM_RAISED,
            (level.code() << 4) | codes::gas_code(gas),
        ],
        Event::AlarmCleared { gas } => [event_code::ALARM_CLEARED, codes::gas_code(gas)],
        Event::ValveClosed {
            trip,
            manual_reset_required,
        } => [
            event_code::VALVE_CLOSED,
            trip_latch_byte(trip, manual_reset_required),
        ],
        Event::Fault { fault, active } => {
            [event_code::FAULT, fault.code() | (u8::from(active) << 7)]
        }
        Event::EndOfLife => [event_code::END_OF_LIFE, 0],
        Event::Tamper => [event_code::TAMPER, 0],
        Event::PowerLost => [event_code::POWER_LOST, 0],
        Event::PowerRestored => [event_code::POWER_RESTORED, 0],
        Event::SelfTestResult { passed } => {
            [event_code::SELF_TEST_RESULT, if passed { 1 } else { 2 }]
        }
        Event::Mute { muted } => [event_code::MUTE, if muted { 1 } else { 2 }],
        Event::Unknown { code, arg } => [code, arg],
    }
}

impl<'a> EventReport<'a> {
    /// Parse the body: event code and argument, then the snapshot TLVs.
    #[cfg_attr(target_pointer_width = "64", inline(always))]
    pub(in crate::wire) fn parse(mut r: Reader<'a>) -> Result<EventReport<'a>, Error> {
        let (at, [code, arg]) = r.array::<2>()?;
        let event = parse_event(at, code, arg)?;
        let (snapshot, extensions) = Snapshot::parse(r.rest, r.at)?;
        Ok(EventReport {
            event,
            snapshot,
            extensions,
        })
    }

    /// The body length.
    pub(in crate::wire) fn body_len(&self) -> usize {
        2 + self.snapshot.wire_len() + self.extensions.as_bytes().len()
    }

    /// Every rule `parse` checks: an unknown event code is neither 0 nor an assigned code.
    pub(in crate::wire) fn check(&self) -> Result<(), Invalid> {
        if let Event::Unknown { code, .. } = self.event {
            if code == 0 || code <= event_code::LAST {
                return Err((EmitError::BadField, Field::Event));
            }
        }
        self.snapshot.check()?;
        check_ext(&self.extensions, snapshot_tlv::LAST)
    }

    /// Write the body.
    pub(in crate::wire) fn emit(&self, w: &mut Writer<'_>) {
        w.put(&event_bytes(&self.event));
        self.snapshot.emit(w);
        w.put(self.extensions.as_bytes());
    }
}
