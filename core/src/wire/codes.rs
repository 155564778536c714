//! Wire codes of the enumerations (`spec/frame.md` §4). No enumerated field uses 0 for a
//! meaning [FRAME-007]: a zero-filled buffer never decodes as a valid state.

use crate::model::{AlarmLevel, ConcentrationUnit, DeviceKind, Gas, Tier, TripReason, ValveState};

/// The message types [FRAME-010].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MessageType {
    /// `0x01` status report (heartbeat), device → platform.
    Status,
    /// `0x02` event, device → platform.
    Event,
    /// `0x03` identity announcement, device → platform.
    Identity,
    /// `0x10` command, platform → device.
    Command,
    /// `0x11` acknowledgement of a command, device → platform.
    Ack,
    /// `0x12` negative acknowledgement of a command, device → platform.
    Nak,
}

impl MessageType {
    /// Every assigned message type.
    pub const ALL: [MessageType; 6] = [
        MessageType::Status,
        MessageType::Event,
        MessageType::Identity,
        MessageType::Command,
        MessageType::Ack,
        MessageType::Nak,
    ];

    /// The type byte.
    pub const fn code(self) -> u8 {
        match self {
            MessageType::Status => 0x01,
            MessageType::Event => 0x02,
            MessageType::Identity => 0x03,
            MessageType::Command => 0x10,
            MessageType::Ack => 0x11,
            MessageType::Nak => 0x12,
        }
    }

    /// The message type of a type byte, if assigned.
    pub const fn from_code(code: u8) -> Option<MessageType> {
        match code {
            0x01 => Some(MessageType::Status),
            0x02 => Some(MessageType::Event),
            0x03 => Some(MessageType::Identity),
            0x10 => Some(MessageType::Command),
            0x11 => Some(MessageType::Ack),
            0x12 => Some(MessageType::Nak),
            _ => None,
        }
    }

    /// The JSON name (`status`, `event`, …).
    pub const fn as_str(self) -> &'static str {
        match self {
            MessageType::Status => "status",
            MessageType::Event => "event",
            MessageType::Identity => "identity",
            MessageType::Command => "command",
            MessageType::Ack => "ack",
            MessageType::Nak => "nak",
        }
    }

    /// Name in both languages.
    pub const fn text(self) -> crate::Text {
        use crate::Text;
        match self {
            MessageType::Status => Text::new("状态上报（心跳）", "status report (heartbeat)"),
            MessageType::Event => Text::new("事件", "event"),
            MessageType::Identity => Text::new("身份通告", "identity announcement"),
            MessageType::Command => Text::new("命令", "command"),
            MessageType::Ack => Text::new("命令确认", "acknowledgement"),
            MessageType::Nak => Text::new("命令拒绝", "negative acknowledgement"),
        }
    }
}

pub(crate) const fn kind_code(k: DeviceKind) -> u8 {
    match k {
        DeviceKind::LeakAlarm => 1,
        DeviceKind::SelfClosingValve => 2,
    }
}

/// The device kind of a wire code [FRAME-007], if defined.
pub const fn kind_from(c: u8) -> Option<DeviceKind> {
    match c {
        1 => Some(DeviceKind::LeakAlarm),
        2 => Some(DeviceKind::SelfClosingValve),
        _ => None,
    }
}

pub(crate) const fn tier_code(t: Tier) -> u8 {
    match t {
        Tier::Low => 1,
        Tier::Mid => 2,
        Tier::High => 3,
    }
}

/// The tier of a wire code, if defined.
pub const fn tier_from(c: u8) -> Option<Tier> {
    match c {
        1 => Some(Tier::Low),
        2 => Some(Tier::Mid),
        3 => Some(Tier::High),
        _ => None,
    }
}

pub(crate) const fn gas_code(g: Gas) -> u8 {
    match g {
        Gas::Methane => 1,
        Gas::CarbonMonoxide => 2,
        Gas::Propane => 3,
    }
}

/// The gas of a wire code, if defined.
pub const fn gas_from(c: u8) -> Option<Gas> {
    match c {
        1 => Some(Gas::Methane),
        2 => Some(Gas::CarbonMonoxide),
        3 => Some(Gas::Propane),
        _ => None,
    }
}

pub(crate) const fn level_code(l: AlarmLevel) -> u8 {
    match l {
        AlarmLevel::None => 1,
        AlarmLevel::Low => 2,
        AlarmLevel::High => 3,
    }
}

/// The alarm level of a wire code, if defined.
pub const fn level_from(c: u8) -> Option<AlarmLevel> {
    match c {
        1 => Some(AlarmLevel::None),
        2 => Some(AlarmLevel::Low),
        3 => Some(AlarmLevel::High),
        _ => None,
    }
}

pub(crate) const fn valve_state_code(s: ValveState) -> u8 {
    match s {
        ValveState::Open => 1,
        ValveState::Closed => 2,
        ValveState::Opening => 3,
        ValveState::Closing => 4,
        ValveState::Fault => 5,
        ValveState::NotConnected => 6,
        ValveState::Unknown => 7,
    }
}

/// The valve state of a wire code, if defined.
pub const fn valve_state_from(c: u8) -> Option<ValveState> {
    match c {
        1 => Some(ValveState::Open),
        2 => Some(ValveState::Closed),
        3 => Some(ValveState::Opening),
        4 => Some(ValveState::Closing),
        5 => Some(ValveState::Fault),
        6 => Some(ValveState::NotConnected),
        7 => Some(ValveState::Unknown),
        _ => None,
    }
}

/// Trip reason code; 0 is "no reason given" (the one place 0 means absence, [FRAME-007]).
///
/// The codes are 1 + the declaration index of `TripReason` (`OverPressure` 1 … `PowerLoss` 7;
/// `trip_from` is the inverse and the tests check both directions). Computed, not matched: a
/// `match` becomes an 8-byte lookup table `01 … 07 00` that LLVM files among the NUL-terminated
/// strings, and on the firmware target that keeps the whole merged string section (every result
/// name, ~1.4 KiB) in the link.
pub(crate) const fn trip_code(t: Option<TripReason>) -> u8 {
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
        1 => Some(Some(TripReason::OverPressure)),
        2 => Some(Some(TripReason::UnderPressure)),
        3 => Some(Some(TripReason::OverFlow)),
        4 => Some(Some(TripReason::AlarmInterlock)),
        5 => Some(Some(TripReason::Manual)),
        6 => Some(Some(TripReason::RemoteClose)),
        7 => Some(Some(TripReason::PowerLoss)),
        _ => None,
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
