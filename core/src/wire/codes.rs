//! Wire codes of the enumerations (`spec/frame.md` §4). No enumerated field uses 0 for a
//! meaning [FRAME-007]: a zero-filled buffer never decodes as a valid state.

use crate::model::{AlarmLevel, ConcentrationUnit, DeviceKind, Gas, Tier, TripReason, ValveState};

crate::coded::coded_enum! {
    /// The message types [FRAME-010].
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum MessageType: u8 {
        /// `0x01` status report (heartbeat), device → platform.
        Status = 0x01, "status", "状态上报（心跳）", "status report (heartbeat)";
        /// `0x02` event, device → platform.
        Event = 0x02, "event", "事件", "event";
        /// `0x03` identity announcement, device → platform.
        Identity = 0x03, "identity", "身份通告", "identity announcement";
        /// `0x10` command, platform → device.
        Command = 0x10, "command", "命令", "command";
        /// `0x11` acknowledgement of a command, device → platform.
        Ack = 0x11, "ack", "命令确认", "acknowledgement";
        /// `0x12` negative acknowledgement of a command, device → platform.
        Nak = 0x12, "nak", "命令拒绝", "negative acknowledgement";
    }
}

// The frame's codes of the model's enumerations are defined with each enum (`coded_enum!`);
// these functions name them for the codec.

pub(crate) const fn kind_code(k: DeviceKind) -> u8 {
    k.code()
}

/// The device kind of a wire code [FRAME-007], if defined.
pub const fn kind_from(c: u8) -> Option<DeviceKind> {
    DeviceKind::from_code(c)
}

pub(crate) const fn tier_code(t: Tier) -> u8 {
    t.code()
}

/// The tier of a wire code, if defined.
pub const fn tier_from(c: u8) -> Option<Tier> {
    Tier::from_code(c)
}

pub(crate) const fn gas_code(g: Gas) -> u8 {
    g.code()
}

/// The gas of a wire code, if defined.
pub const fn gas_from(c: u8) -> Option<Gas> {
    Gas::from_code(c)
}

pub(crate) const fn level_code(l: AlarmLevel) -> u8 {
    l.code()
}

/// The alarm level of a wire code, if defined.
pub const fn level_from(c: u8) -> Option<AlarmLevel> {
    AlarmLevel::from_code(c)
}

pub(crate) const fn valve_state_code(s: ValveState) -> u8 {
    s.code()
}

/// The valve state of a wire code, if defined.
pub const fn valve_state_from(c: u8) -> Option<ValveState> {
    ValveState::from_code(c)
}

/// The trip reason's wire code; 0 is "no reason given" (the one place 0 means absence,
/// [FRAME-007]). The C library's `gasdev_trip_reason` values are the same codes.
///
/// The codes are 1 + the declaration index of `TripReason` (`OverPressure` 1 … `PowerLoss` 7, the
/// table in `model::valve`; `trip_from` is the inverse and the tests check both directions).
/// Computed, not matched: a `match` becomes an 8-byte lookup table `01 … 07 00` that LLVM files
/// among the NUL-terminated strings, and on the firmware target that keeps the whole merged string
/// section (every result name, ~1.4 KiB) in the link.
pub const fn trip_code(t: Option<TripReason>) -> u8 {
    match t {
        None => 0,
        Some(r) => (r as u8).saturating_add(1),
    }
}

/// The trip reason of a wire code: `None` for an undefined code, `Some(None)` for "no reason
/// given".
pub const fn trip_from(c: u8) -> Option<Option<TripReason>> {
    match c {
        0 => Some(None),
        _ => match TripReason::from_code(c) {
            Some(r) => Some(Some(r)),
            None => None,
        },
    }
}

/// Concentration unit codes of a reading TLV [FRAME-031].
pub(crate) mod unit {
    /// %LEL, followed by the LEL basis.
    pub const PCT_LEL: u8 = 0x01;
    /// ppm.
    pub const PPM: u8 = 0x02;
    /// %vol.
    pub const PCT_VOL: u8 = 0x03;
    /// No valid value (unknown is never 0) [FRAME-032].
    pub const UNKNOWN: u8 = 0xFF;
}

pub(crate) const fn unit_code(u: ConcentrationUnit) -> u8 {
    match u {
        ConcentrationUnit::PctLel(_) => unit::PCT_LEL,
        ConcentrationUnit::Ppm => unit::PPM,
        ConcentrationUnit::PctVol => unit::PCT_VOL,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trip_code_is_the_inverse_of_trip_from() {
        // `trip_code` is computed from the declaration order; `trip_from` is the table.
        let mut seen = 0;
        for c in 0..=u8::MAX {
            if let Some(t) = trip_from(c) {
                assert_eq!(trip_code(t), c, "{t:?}");
                seen += 1;
            }
        }
        assert_eq!(seen, 8);
        assert_eq!(trip_code(None), 0);
        assert_eq!(trip_code(Some(TripReason::OverPressure)), 1);
        assert_eq!(trip_code(Some(TripReason::PowerLoss)), 7);
    }
}
