//! The state TLVs a status report and an event carry [FRAME-030]: alarm, valve and readings.

use super::super::codes::{self, unit};
use super::super::error::{EmitError, Error, ErrorKind};
use super::super::tlv::Tlvs;
use super::{Field, Invalid, Writer, bad, walk_tlvs};
use crate::model::{
    AlarmStatus, Concentration, ConcentrationUnit, Gas, LelBasis, Reading, TripReason, ValveStatus,
};

/// The state a device reports in a status report or alongside an event. Absent (`None`) means
/// "not reported"; a reported reading may still be [`Reading::Unknown`] [FRAME-032].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Snapshot {
    /// Alarm conditions (TLV 1), preheat included [FRAME-033].
    pub alarm: Option<AlarmStatus>,
    /// Valve state with trip reason and latch (TLV 2) [FRAME-034].
    pub valve: Option<ValveStatus>,
    /// Methane reading (TLV 3).
    pub methane: Option<Reading>,
    /// Carbon-monoxide reading (TLV 4).
    pub carbon_monoxide: Option<Reading>,
    /// Propane reading (TLV 5).
    pub propane: Option<Reading>,
}

impl Snapshot {
    /// The reading of `gas`, if reported.
    pub const fn reading(&self, gas: Gas) -> Option<Reading> {
        match gas {
            Gas::Methane => self.methane,
            Gas::CarbonMonoxide => self.carbon_monoxide,
            Gas::Propane => self.propane,
        }
    }
}

/// TLV types of a snapshot (status and event messages) [FRAME-030].
pub mod snapshot_tlv {
    /// Alarm status, 2 bytes.
    pub const ALARM: u8 = 1;
    /// Valve status, 2 bytes.
    pub const VALVE: u8 = 2;
    /// Methane reading.
    pub const METHANE: u8 = 3;
    /// Carbon-monoxide reading.
    pub const CARBON_MONOXIDE: u8 = 4;
    /// Propane reading.
    pub const PROPANE: u8 = 5;
    /// The highest known type; extensions start above it.
    pub const LAST: u8 = PROPANE;
}

fn parse_alarm(at: usize, v: &[u8]) -> Result<AlarmStatus, Error> {
    let &[levels, flags] = v else {
        return Err(bad(ErrorKind::TlvLength, at));
    };
    let vat = at.saturating_add(2);
    // [FRAME-033] byte 0: bits 0-1 gas level, bits 2-3 CO level (1 none, 2 low, 3 high), 4-7 zero.
    let gas = codes::level_from(levels & 0b11).ok_or(bad(ErrorKind::BadField, vat))?;
    let co = codes::level_from((levels >> 2) & 0b11).ok_or(bad(ErrorKind::BadField, vat))?;
    if levels & 0xF0 != 0 {
        return Err(bad(ErrorKind::BadField, vat));
    }
    // byte 1: bit 0 preheat, 1 fault, 2 end of life, 3 self-test, 4 muted, 5-7 zero.
    if flags & 0xE0 != 0 {
        return Err(bad(ErrorKind::BadField, vat.saturating_add(1)));
    }
    Ok(AlarmStatus {
        gas,
        co,
        preheat: flags & 0x01 != 0,
        fault: flags & 0x02 != 0,
        end_of_life: flags & 0x04 != 0,
        self_test: flags & 0x08 != 0,
        muted: flags & 0x10 != 0,
    })
}

fn alarm_bytes(a: &AlarmStatus) -> [u8; 2] {
    let levels = codes::level_code(a.gas) | (codes::level_code(a.co) << 2);
    let flags = u8::from(a.preheat)
        | (u8::from(a.fault) << 1)
        | (u8::from(a.end_of_life) << 2)
        | (u8::from(a.self_test) << 3)
        | (u8::from(a.muted) << 4);
    [levels, flags]
}

/// Decode the byte `latch << 7 | trip` (valve TLV and valve-closed event).
pub(in crate::wire) fn parse_trip_latch(
    at: usize,
    b: u8,
) -> Result<(Option<TripReason>, bool), Error> {
    let trip = codes::trip_from(b & 0x7F).ok_or(bad(ErrorKind::BadField, at))?;
    Ok((trip, b & 0x80 != 0))
}

/// The byte `latch << 7 | trip`.
pub(in crate::wire) fn trip_latch_byte(trip: Option<TripReason>, latch: bool) -> u8 {
    codes::trip_code(trip) | (u8::from(latch) << 7)
}

fn parse_valve(at: usize, v: &[u8]) -> Result<ValveStatus, Error> {
    let &[state, tl] = v else {
        return Err(bad(ErrorKind::TlvLength, at));
    };
    let vat = at.saturating_add(2);
    // [FRAME-034] byte 0 state (1..=7), byte 1 latch << 7 | trip reason.
    let state = codes::valve_state_from(state).ok_or(bad(ErrorKind::BadField, vat))?;
    let (trip, manual_reset_required) = parse_trip_latch(vat.saturating_add(1), tl)?;
    let s = ValveStatus {
        state,
        trip,
        manual_reset_required,
    };
    s.validate()
        .map_err(|_| bad(ErrorKind::InconsistentValve, vat))?;
    Ok(s)
}

fn valve_bytes(s: &ValveStatus) -> [u8; 2] {
    [
        codes::valve_state_code(s.state),
        trip_latch_byte(s.trip, s.manual_reset_required),
    ]
}

fn parse_reading(at: usize, v: &[u8]) -> Result<Reading, Error> {
    let vat = at.saturating_add(2);
    let (&u, rest) = v.split_first().ok_or(bad(ErrorKind::TlvLength, at))?;
    // [FRAME-031] unit, [LEL basis u16], value u32 in hundredths; [FRAME-032] 0xFF = unknown.
    let unit = match (u, rest) {
        (unit::UNKNOWN, []) => return Ok(Reading::Unknown),
        (unit::PCT_LEL, &[b0, b1, _, _, _, _]) => {
            let basis = LelBasis::new(u16::from_be_bytes([b0, b1]))
                .ok_or(bad(ErrorKind::BadConcentration, vat.saturating_add(1)))?;
            ConcentrationUnit::PctLel(basis)
        }
        (unit::PPM, [_, _, _, _]) => ConcentrationUnit::Ppm,
        (unit::PCT_VOL, [_, _, _, _]) => ConcentrationUnit::PctVol,
        (unit::UNKNOWN | unit::PCT_LEL | unit::PPM | unit::PCT_VOL, _) => {
            return Err(bad(ErrorKind::TlvLength, at));
        }
        _ => return Err(bad(ErrorKind::BadField, vat)),
    };
    let value_at = v.len().saturating_sub(4);
    let centi = match v.get(value_at..) {
        Some(&[a, b, c, d]) => u32::from_be_bytes([a, b, c, d]),
        _ => return Err(bad(ErrorKind::TlvLength, at)),
    };
    Concentration::new(centi, unit)
        .map(Reading::Value)
        .map_err(|_| bad(ErrorKind::BadConcentration, vat.saturating_add(value_at)))
}

const fn reading_len(r: &Reading) -> usize {
    match r {
        Reading::Unknown => 1,
        Reading::Value(c) => match c.unit() {
            ConcentrationUnit::PctLel(_) => 7,
            _ => 5,
        },
    }
}

fn check_reading(r: &Option<Reading>, f: Field) -> Result<(), Invalid> {
    match r {
        Some(Reading::Value(c)) if Concentration::new(c.centi(), c.unit()).is_err() => {
            Err((EmitError::BadConcentration, f))
        }
        _ => Ok(()),
    }
}

fn emit_reading(w: &mut Writer<'_>, ty: u8, r: &Option<Reading>) {
    match r {
        None => {}
        Some(Reading::Unknown) => w.tlv(ty, &[&[unit::UNKNOWN]]),
        Some(Reading::Value(c)) => {
            let value = c.centi().to_be_bytes();
            match c.unit() {
                ConcentrationUnit::PctLel(b) => {
                    w.tlv(
                        ty,
                        &[&[unit::PCT_LEL], &b.centi_pct_vol().to_be_bytes(), &value],
                    );
                }
                u => w.tlv(ty, &[&[codes::unit_code(u)], &value]),
            }
        }
    }
}

impl Snapshot {
    /// Parse the TLV area at frame offset `base`: the snapshot and the extensions after it.
    // 64-bit hosts: inlined into the caller, so the result is built in place instead of being
    // written field by field and read back whole (a store-forwarding stall that was a quarter of
    // decode time).
    #[cfg_attr(target_pointer_width = "64", inline(always))]
    pub(super) fn parse(area: &[u8], base: usize) -> Result<(Snapshot, Tlvs<'_>), Error> {
        let mut s = Snapshot::default();
        let ext = walk_tlvs(area, base, snapshot_tlv::LAST, None, |at, t| {
            match t.ty {
                snapshot_tlv::ALARM => s.alarm = Some(parse_alarm(at, t.value)?),
                snapshot_tlv::VALVE => s.valve = Some(parse_valve(at, t.value)?),
                snapshot_tlv::METHANE => s.methane = Some(parse_reading(at, t.value)?),
                snapshot_tlv::CARBON_MONOXIDE => {
                    s.carbon_monoxide = Some(parse_reading(at, t.value)?);
                }
                _ => s.propane = Some(parse_reading(at, t.value)?),
            }
            Ok(())
        })?;
        Ok((s, ext))
    }

    /// The bytes of its TLVs.
    pub(super) fn wire_len(&self) -> usize {
        let r = |r: &Option<Reading>| r.as_ref().map_or(0, |r| 2 + reading_len(r));
        self.alarm.map_or(0, |_| 4)
            + self.valve.map_or(0, |_| 4)
            + r(&self.methane)
            + r(&self.carbon_monoxide)
            + r(&self.propane)
    }

    /// The rules `parse` checks: a consistent valve state and valid readings.
    pub(super) fn check(&self) -> Result<(), Invalid> {
        if self.valve.as_ref().is_some_and(|v| v.validate().is_err()) {
            return Err((EmitError::InconsistentValve, Field::Valve));
        }
        check_reading(&self.methane, Field::Methane)?;
        check_reading(&self.carbon_monoxide, Field::CarbonMonoxide)?;
        check_reading(&self.propane, Field::Propane)
    }

    /// Write its TLVs in type order.
    pub(super) fn emit(&self, w: &mut Writer<'_>) {
        if let Some(a) = &self.alarm {
            w.tlv(snapshot_tlv::ALARM, &[&alarm_bytes(a)]);
        }
        if let Some(v) = &self.valve {
            w.tlv(snapshot_tlv::VALVE, &[&valve_bytes(v)]);
        }
        emit_reading(w, snapshot_tlv::METHANE, &self.methane);
        emit_reading(w, snapshot_tlv::CARBON_MONOXIDE, &self.carbon_monoxide);
        emit_reading(w, snapshot_tlv::PROPANE, &self.propane);
    }
}
