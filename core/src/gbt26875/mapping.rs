//! Mapping libgasdev alarm and valve states onto GB/T 26875.3 objects (`spec/gbt26875.md` §Mapping).
//!
//! GB/T 26875.3 has no gas-alarm vocabulary of its own: a leak alarm becomes a **component** of
//! type 10–13 (可燃气体探测器, 表5) whose 16-bit status word (图7) has no low/high distinction, and its
//! concentration becomes an **analog value** of type 6 (气体浓度, 0.1 %LEL per count, 表6). What a
//! gas alarm raises — bit 1 火警 or bit 4 监管 — and what a closed valve raises are matters of
//! policy, so they are the fields of [`Policy`] \[GBT-40\]. CO has no analog type: it travels as the
//! user-defined type [`Policy::co_analog_type`] (default 128, 1 ppm per count) \[GBT-44\].
//!
//! Unknown is never sent as 0 (`devices.md` §13 pain point 4): an unknown reading produces no analog
//! object, and an unknown valve state is [`GBT_NOT_REPRESENTABLE`](crate::ErrorCode::GbtNotRepresentable).
//! These functions take only the model types, so any source of states (the libgasdev frame, a
//! platform database) can use them.

use super::adu::{ComponentId, Item, Object};
use super::text::Description;
use super::time::TimeLabel;
use super::{Error, SystemId};
use crate::ErrorCode;
use crate::model::{
    AlarmLevel, AlarmStatus, ConcentrationUnit, Gas, Reading, ValveState, ValveStatus,
};
use crate::wire::{Event, FrameRepr, Message, RaisedLevel, Snapshot};

/// Component status bits (图7) used here.
mod bit {
    pub const NORMAL: u16 = 1 << 0;
    pub const FIRE: u16 = 1 << 1;
    pub const FAULT: u16 = 1 << 2;
    pub const DISABLED: u16 = 1 << 3;
    pub const SUPERVISORY: u16 = 1 << 4;
    pub const STARTED: u16 = 1 << 5;
    pub const FEEDBACK: u16 = 1 << 6;
}

crate::coded::coded_enum! {
    /// Which component status bit (图7) a condition raises.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum Raise => serde {
        /// No bit.
        Nothing = "nothing";
        /// Bit 1 火警 (fire alarm).
        Fire = "fire";
        /// Bit 2 故障 (fault).
        Fault = "fault";
        /// Bit 3 屏蔽 (disabled).
        Disabled = "disabled";
        /// Bit 4 监管 (supervisory).
        Supervisory = "supervisory";
    }
}

impl Raise {
    /// The status bit.
    pub const fn bits(self) -> u16 {
        match self {
            Raise::Nothing => 0,
            Raise::Fire => bit::FIRE,
            Raise::Fault => bit::FAULT,
            Raise::Disabled => bit::DISABLED,
            Raise::Supervisory => bit::SUPERVISORY,
        }
    }
}

/// The configurable part of the mapping. [`Policy::default`] is the documented default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default, deny_unknown_fields))]
pub struct Policy {
    /// What a low (first-level) combustible-gas alarm raises. Default: [`Raise::Fire`].
    pub gas_low: Raise,
    /// What a high (second-level) combustible-gas alarm raises. Default: [`Raise::Fire`].
    pub gas_high: Raise,
    /// What a low CO alarm raises. Default: [`Raise::Fire`].
    pub co_low: Raise,
    /// What a high CO alarm raises. Default: [`Raise::Fire`].
    pub co_high: Raise,
    /// What a sensor at end of life raises. Default: [`Raise::Fault`].
    pub end_of_life: Raise,
    /// What preheat (sensor warming up) raises. Default: [`Raise::Nothing`].
    pub preheat: Raise,
    /// What a closed valve raises, whatever closed it. Default: [`Raise::Supervisory`].
    pub valve_closed: Raise,
    /// Set bit 0 正常运行 unless a self-test is running. Default: `true`.
    pub normal_bit: bool,
    /// Set bit 6 反馈 when a valve reports an end position (open or closed). Default: `true`.
    pub valve_feedback: bool,
    /// Component type of a leak alarm (表5: 10 可燃气体探测器, 11 点型, 12 独立式, 13 线型). Default 11.
    pub alarm_component_type: u8,
    /// Component type of a valve (表5: 101 阀驱动装置). Default 101.
    pub valve_component_type: u8,
    /// User-defined analog type (128–255) for CO in ppm, 1 ppm per count. Default 128.
    pub co_analog_type: u8,
    /// The fire centre's local time, in minutes east of UTC, for frames that carry Unix time.
    /// Default 480 (China Standard Time, UTC+8).
    pub utc_offset_minutes: i16,
}

impl Policy {
    /// The default policy (`spec/gbt26875.md`, mapping table).
    pub const DEFAULT: Policy = Policy {
        gas_low: Raise::Fire,
        gas_high: Raise::Fire,
        co_low: Raise::Fire,
        co_high: Raise::Fire,
        end_of_life: Raise::Fault,
        preheat: Raise::Nothing,
        valve_closed: Raise::Supervisory,
        normal_bit: true,
        valve_feedback: true,
        alarm_component_type: 11,
        valve_component_type: 101,
        co_analog_type: 128,
        utc_offset_minutes: 480,
    };

    const fn level(low: Raise, high: Raise, level: AlarmLevel) -> u16 {
        match level {
            AlarmLevel::None => 0,
            AlarmLevel::Low => low.bits(),
            AlarmLevel::High => high.bits(),
        }
    }
}

impl Default for Policy {
    fn default() -> Self {
        Policy::DEFAULT
    }
}

/// Where a device sits in the fire centre's view: its system, component address and 部件说明.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Point {
    /// The system (表4 has no gas system type: 0 通用, 1 火灾报警系统 or a user-defined one).
    pub system: SystemId,
    /// 部件地址.
    pub component_address: u32,
    /// 部件说明 (e.g. the room: "厨房燃气").
    pub description: Description,
}

impl Point {
    const fn component(&self, component_type: u8) -> ComponentId {
        ComponentId {
            system_type: self.system.system_type,
            system_address: self.system.system_address,
            component_type,
            component_address: self.component_address,
        }
    }
}

/// The component status word (图7) of a leak alarm \[GBT-41\].
///
/// | condition | bits |
/// |---|---|
/// | no self-test (and `normal_bit`) | 0 正常运行 |
/// | gas / CO alarm, low or high | per `gas_low`, `gas_high`, `co_low`, `co_high` |
/// | `fault` | 2 故障 |
/// | `end_of_life` | per `end_of_life` |
/// | `preheat` | per `preheat` |
/// | `self_test` | bit 0 cleared (测试状态) |
/// | `muted` | nothing: silencing is an operation, not a state |
pub const fn alarm_status_word(status: &AlarmStatus, policy: &Policy) -> u16 {
    let mut w = 0;
    if policy.normal_bit && !status.self_test {
        w |= bit::NORMAL;
    }
    w |= Policy::level(policy.gas_low, policy.gas_high, status.gas);
    w |= Policy::level(policy.co_low, policy.co_high, status.co);
    if status.fault {
        w |= bit::FAULT;
    }
    if status.end_of_life {
        w |= policy.end_of_life.bits();
    }
    if status.preheat {
        w |= policy.preheat.bits();
    }
    w
}

/// The component status word (图7) of a valve \[GBT-42\].
///
/// | state | bits |
/// |---|---|
/// | any (and `normal_bit`) | 0 正常运行 |
/// | open | 5 开启, 6 反馈 (if `valve_feedback`) |
/// | opening | 5 开启 |
/// | closed | 6 反馈 (if `valve_feedback`), plus `valve_closed` |
/// | closing | — (bit 5 = 0 关闭, no feedback yet) |
/// | fault | 2 故障 |
/// | not connected | 3 屏蔽 |
///
/// # Errors
/// `GBT_NOT_REPRESENTABLE` for [`ValveState::Unknown`] (every word would claim a state);
/// `INPUT_INVALID_VALUE` for a status that fails [`ValveStatus::validate`].
pub fn valve_status_word(valve: &ValveStatus, policy: &Policy) -> Result<u16, Error> {
    valve.validate().map_err(|e| Error::new(e.code(), 0))?;
    let feedback = if policy.valve_feedback {
        bit::FEEDBACK
    } else {
        0
    };
    let state = match valve.state {
        ValveState::Open => bit::STARTED | feedback,
        ValveState::Opening => bit::STARTED,
        ValveState::Closed => feedback | policy.valve_closed.bits(),
        ValveState::Closing => 0,
        ValveState::Fault => bit::FAULT,
        ValveState::NotConnected => bit::DISABLED,
        ValveState::Unknown => return Err(Error::new(ErrorCode::GbtNotRepresentable, 0)),
    };
    Ok(if policy.normal_bit {
        bit::NORMAL | state
    } else {
        state
    })
}

/// Which gas a reading is of, for [`analog_value`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sensor {
    /// Combustible gas in %LEL: analog type 6, 0.1 %LEL per count.
    Combustible,
    /// Carbon monoxide in ppm: analog type [`Policy::co_analog_type`], 1 ppm per count.
    CarbonMonoxide,
}

/// The analog type and raw count of a reading \[GBT-43\] \[GBT-44\].
///
/// %LEL → type 6, `round(value / 0.1)`; the LEL basis is not transmitted (the standard's %LEL
/// has none). CO ppm → `co_analog_type`, `round(value)`. Halves round up.
///
/// # Errors
/// `GBT_NOT_REPRESENTABLE` for an unknown reading or a unit the sensor's analog type does not use
/// (ppm or %vol combustible gas, %LEL CO); `GBT_VALUE_OUT_OF_RANGE` above 32767 counts.
pub fn analog_value(reading: Reading, sensor: Sensor, policy: &Policy) -> Result<(u8, i16), Error> {
    let not = Error::new(ErrorCode::GbtNotRepresentable, 0);
    let Reading::Value(c) = reading else {
        return Err(not);
    };
    let (analog_type, per_count) = match (sensor, c.unit()) {
        (Sensor::Combustible, ConcentrationUnit::PctLel(_)) => (6, 10u32),
        (Sensor::CarbonMonoxide, ConcentrationUnit::Ppm) => (policy.co_analog_type, 100u32),
        _ => return Err(not),
    };
    let counts = c.centi().saturating_add(per_count / 2) / per_count;
    let value = i16::try_from(counts).map_err(|_| Error::new(ErrorCode::GbtValueOutOfRange, 0))?;
    Ok((analog_type, value))
}

/// What a device state maps to: one type-2 status object and, for a leak alarm, 0–2 type-3 analog
/// objects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mapped {
    /// The component status (type 2).
    pub status: Item<'static>,
    analog: [Item<'static>; 2],
    analog_len: usize,
}

impl Mapped {
    /// The analog values (type 3): combustible first, then CO; unknown readings are left out.
    pub fn analog(&self) -> &[Item<'static>] {
        self.analog.get(..self.analog_len).unwrap_or_default()
    }
}

/// The readings of a leak alarm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Readings {
    /// Combustible gas (%LEL).
    pub combustible: Reading,
    /// Carbon monoxide (ppm).
    pub co: Reading,
}

/// Map a leak alarm's status and readings at `time` to GB/T 26875.3 objects \[GBT-41\] \[GBT-43\].
///
/// # Errors
/// As [`analog_value`] for a known reading in a unit that has no analog type.
pub fn map_alarm(
    status: &AlarmStatus,
    readings: &Readings,
    point: &Point,
    time: TimeLabel,
    policy: &Policy,
) -> Result<Mapped, Error> {
    let component = point.component(policy.alarm_component_type);
    let status_item = Item::at(
        Object::ComponentStatus {
            component,
            status: alarm_status_word(status, policy),
            description: point.description,
        },
        time,
    );
    let mut out = Mapped {
        status: status_item,
        analog: [status_item; 2],
        analog_len: 0,
    };
    for (reading, sensor) in [
        (readings.combustible, Sensor::Combustible),
        (readings.co, Sensor::CarbonMonoxide),
    ] {
        if reading == Reading::Unknown {
            continue;
        }
        let (analog_type, value) = analog_value(reading, sensor, policy)?;
        if let Some(slot) = out.analog.get_mut(out.analog_len) {
            *slot = Item::at(
                Object::AnalogValue {
                    component,
                    analog_type,
                    value,
                },
                time,
            );
            out.analog_len = out.analog_len.saturating_add(1);
        }
    }
    Ok(out)
}

/// Map a valve's status at `time` to a type-2 component status object \[GBT-42\].
///
/// # Errors
/// As [`valve_status_word`].
pub fn map_valve(
    valve: &ValveStatus,
    point: &Point,
    time: TimeLabel,
    policy: &Policy,
) -> Result<Item<'static>, Error> {
    Ok(Item::at(
        Object::ComponentStatus {
            component: point.component(policy.valve_component_type),
            status: valve_status_word(valve, policy)?,
            description: point.description,
        },
        time,
    ))
}

/// Map a libgasdev frame (`wire`) to GB/T 26875.3 objects: a thin adapter over [`map_alarm`] and
/// [`map_valve`] \[GBT-46\].
///
/// - A status report maps its snapshot by its device kind: a leak alarm's alarm status and
///   readings (methane, else propane, as the combustible reading; CO), a valve's valve status.
/// - An event maps its snapshot: the alarm part if present, else the valve part. An event without
///   them maps only when the event alone fixes the state and raises rather than clears:
///   `alarm_raised` (that gas at that level, nothing else) and `valve_closed` (closed, with its
///   trip reason and latch).
/// - The time is the frame's Unix time in local time ([`Policy::utc_offset_minutes`]), or
///   `fallback` when the device's clock is not set.
///
/// A leak alarm's valve part is the state of its interlocked valve: a separate component at its
/// own address, mapped with [`map_valve`] by the caller.
///
/// # Errors
/// `GBT_NOT_REPRESENTABLE` for other messages and events, and as [`map_alarm`] and [`map_valve`].
pub fn map_frame(
    frame: &FrameRepr<'_>,
    point: &Point,
    fallback: TimeLabel,
    policy: &Policy,
) -> Result<Mapped, Error> {
    let not = Error::new(ErrorCode::GbtNotRepresentable, 0);
    let time = frame.timestamp.unix().map_or(fallback, |s| {
        TimeLabel::from_unix(s, policy.utc_offset_minutes)
    });
    let (alarm, valve, snapshot) = match &frame.message {
        Message::Status(r) => match r.kind {
            crate::model::DeviceKind::LeakAlarm => {
                (Some(r.snapshot.alarm.ok_or(not)?), None, r.snapshot)
            }
            crate::model::DeviceKind::SelfClosingValve => {
                (None, Some(r.snapshot.valve.ok_or(not)?), r.snapshot)
            }
        },
        Message::Event(e) => {
            let s = e.snapshot;
            match (s.alarm, s.valve, e.event) {
                (Some(a), _, _) => (Some(a), None, s),
                (None, Some(v), _) => (None, Some(v), s),
                (None, None, Event::AlarmRaised { gas, level }) => {
                    let level = match level {
                        RaisedLevel::Low => AlarmLevel::Low,
                        RaisedLevel::High => AlarmLevel::High,
                    };
                    let a = match gas {
                        Gas::CarbonMonoxide => AlarmStatus {
                            co: level,
                            ..AlarmStatus::default()
                        },
                        Gas::Methane | Gas::Propane => AlarmStatus {
                            gas: level,
                            ..AlarmStatus::default()
                        },
                    };
                    (Some(a), None, s)
                }
                (
                    None,
                    None,
                    Event::ValveClosed {
                        trip,
                        manual_reset_required,
                    },
                ) => (
                    None,
                    Some(ValveStatus {
                        state: ValveState::Closed,
                        trip,
                        manual_reset_required,
                    }),
                    s,
                ),
                _ => return Err(not),
            }
        }
        _ => return Err(not),
    };
    if let Some(a) = alarm {
        return map_alarm(&a, &readings(&snapshot), point, time, policy);
    }
    let v = valve.ok_or(not)?;
    let status = map_valve(&v, point, time, policy)?;
    Ok(Mapped {
        status,
        analog: [status; 2],
        analog_len: 0,
    })
}

fn readings(s: &Snapshot) -> Readings {
    Readings {
        combustible: s.methane.or(s.propane).unwrap_or(Reading::Unknown),
        co: s.carbon_monoxide.unwrap_or(Reading::Unknown),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Concentration, LelBasis, TripReason};

    #[test]
    fn default_alarm_words() {
        let p = Policy::DEFAULT;
        assert_eq!(alarm_status_word(&AlarmStatus::default(), &p), 0x0001);
        let high = AlarmStatus {
            gas: AlarmLevel::High,
            ..AlarmStatus::default()
        };
        assert_eq!(alarm_status_word(&high, &p), 0x0003);
        let sup = Policy {
            gas_high: Raise::Supervisory,
            ..p
        };
        assert_eq!(alarm_status_word(&high, &sup), 0x0011);
        let test = AlarmStatus {
            self_test: true,
            ..AlarmStatus::default()
        };
        assert_eq!(alarm_status_word(&test, &p), 0x0000);
        let eol = AlarmStatus {
            end_of_life: true,
            muted: true,
            ..AlarmStatus::default()
        };
        assert_eq!(alarm_status_word(&eol, &p), 0x0005);
    }

    #[test]
    fn valve_words() {
        let p = Policy::DEFAULT;
        let v = |state, trip| ValveStatus {
            state,
            trip,
            manual_reset_required: false,
        };
        assert_eq!(
            valve_status_word(&v(ValveState::Open, None), &p),
            Ok(0x0061)
        );
        assert_eq!(
            valve_status_word(&v(ValveState::Closed, Some(TripReason::OverFlow)), &p),
            Ok(0x0051)
        );
        assert_eq!(
            valve_status_word(&v(ValveState::Closing, None), &p),
            Ok(0x0001)
        );
        assert_eq!(
            valve_status_word(&v(ValveState::Unknown, None), &p)
                .unwrap_err()
                .code(),
            ErrorCode::GbtNotRepresentable
        );
        assert_eq!(
            valve_status_word(&v(ValveState::Open, Some(TripReason::Manual)), &p)
                .unwrap_err()
                .code(),
            ErrorCode::InputInvalidValue
        );
    }

    #[test]
    fn readings_round_half_up() {
        let p = Policy::DEFAULT;
        let lel = ConcentrationUnit::PctLel(LelBasis::METHANE_ISO_10156);
        let r = |c, u| Reading::Value(Concentration::new(c, u).unwrap());
        assert_eq!(
            analog_value(r(2500, lel), Sensor::Combustible, &p),
            Ok((6, 250))
        );
        assert_eq!(
            analog_value(r(1255, lel), Sensor::Combustible, &p),
            Ok((6, 126))
        );
        assert_eq!(
            analog_value(r(1254, lel), Sensor::Combustible, &p),
            Ok((6, 125))
        );
        assert_eq!(
            analog_value(r(15050, ConcentrationUnit::Ppm), Sensor::CarbonMonoxide, &p),
            Ok((128, 151))
        );
        assert_eq!(
            analog_value(
                r(3_276_750, ConcentrationUnit::Ppm),
                Sensor::CarbonMonoxide,
                &p
            )
            .unwrap_err()
            .code(),
            ErrorCode::GbtValueOutOfRange
        );
        assert_eq!(
            analog_value(
                r(3_276_749, ConcentrationUnit::Ppm),
                Sensor::CarbonMonoxide,
                &p
            ),
            Ok((128, 32767))
        );
        assert_eq!(
            analog_value(Reading::Unknown, Sensor::Combustible, &p)
                .unwrap_err()
                .code(),
            ErrorCode::GbtNotRepresentable
        );
    }
}
