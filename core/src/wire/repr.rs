//! The typed, validated form of a frame: [`FrameRepr`] with `parse`, `buffer_len` and `emit`.
//!
//! `parse` checks everything the specification defines and returns the first problem with its
//! byte offset; `emit` validates the same rules first and never writes a frame that would not
//! parse back to the same value. For every valid frame `f`, `emit(parse(f)) == f` byte for byte
//! (the encoding is canonical, [FRAME-008]).

use super::codes::{self, MessageType, unit};
use super::error::{EmitError, Error, ErrorKind};
use super::frame::{CRC_LEN, Frame, HEADER_LEN, MAGIC, MAX_FRAME_LEN, VERSION, field};
use super::tlv::{Tlv, TlvIter, Tlvs};
use crate::model::{
    AlarmLevel, AlarmStatus, Concentration, ConcentrationUnit, DeviceKind, Gas, LelBasis, Reading,
    Tier, TripReason, ValveStatus,
};

/// A frame timestamp: Unix seconds (UTC), or unknown when the device's clock is not set
/// (wire value 0, [FRAME-005]). Never confused with 1970-01-01.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Timestamp(u32);

impl Timestamp {
    /// The device's clock is not set.
    pub const UNKNOWN: Timestamp = Timestamp(0);

    /// A known time, in Unix seconds; `Unix 0` is treated as unknown.
    pub const fn from_unix(seconds: u32) -> Timestamp {
        Timestamp(seconds)
    }

    /// The time in Unix seconds, if known.
    pub const fn unix(self) -> Option<u32> {
        if self.0 == 0 { None } else { Some(self.0) }
    }

    /// The wire value (0 = unknown).
    pub const fn to_wire(self) -> u32 {
        self.0
    }
}

/// A decoded frame: the header fields every message has, and the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FrameRepr<'a> {
    /// Sequence number, wrapping, per sender [FRAME-004].
    pub seq: u16,
    /// When the frame was made [FRAME-005].
    pub timestamp: Timestamp,
    /// The message.
    pub message: Message<'a>,
}

/// The message a frame carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Message<'a> {
    /// Status report (heartbeat) [FRAME-040].
    Status(StatusReport<'a>),
    /// Event [FRAME-050].
    Event(EventReport<'a>),
    /// Identity announcement [FRAME-060].
    Identity(Identity<'a>),
    /// Command [FRAME-070].
    Command(CommandRequest<'a>),
    /// Acknowledgement [FRAME-080].
    Ack(Ack<'a>),
    /// Negative acknowledgement [FRAME-081].
    Nak(Nak<'a>),
    /// A message type this version does not define, kept as it came [FRAME-011].
    Unknown(UnknownMessage<'a>),
}

impl Message<'_> {
    /// The message type byte.
    pub const fn type_code(&self) -> u8 {
        match self {
            Message::Status(_) => MessageType::Status.code(),
            Message::Event(_) => MessageType::Event.code(),
            Message::Identity(_) => MessageType::Identity.code(),
            Message::Command(_) => MessageType::Command.code(),
            Message::Ack(_) => MessageType::Ack.code(),
            Message::Nak(_) => MessageType::Nak.code(),
            Message::Unknown(u) => u.msg_type,
        }
    }
}

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

/// TLV types of an identity announcement [FRAME-061].
pub mod identity_tlv {
    /// Identifier: carrier byte then UTF-8 text. Repeatable.
    pub const IDENTIFIER: u8 = 1;
    /// Product model (产品型号), UTF-8.
    pub const MODEL: u8 = 2;
    /// Firmware version, UTF-8.
    pub const FIRMWARE: u8 = 3;
    /// The highest known type; extensions start above it.
    pub const LAST: u8 = FIRMWARE;
}

/// A status report (heartbeat): the device kind and its current state [FRAME-040].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusReport<'a> {
    /// What the device is; selects the required TLVs [FRAME-041].
    pub kind: DeviceKind,
    /// The state.
    pub snapshot: Snapshot,
    /// TLVs this version does not define, kept [FRAME-022].
    pub extensions: Tlvs<'a>,
}

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

/// The level of a raised alarm (never "none").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum RaisedLevel {
    /// Low (first-level) alarm.
    Low,
    /// High (second-level) alarm.
    High,
}

crate::serde_names::deserialize_by_name!(RaisedLevel {
    Low = "low",
    High = "high",
});

impl From<RaisedLevel> for AlarmLevel {
    fn from(l: RaisedLevel) -> AlarmLevel {
        match l {
            RaisedLevel::Low => AlarmLevel::Low,
            RaisedLevel::High => AlarmLevel::High,
        }
    }
}

/// What a fault event is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum FaultKind {
    /// Gas sensor fault.
    Sensor,
    /// Valve or valve-drive fault.
    Valve,
    /// Communication (link, module) fault.
    Communication,
    /// Power supply or battery fault.
    Power,
    /// Any other fault.
    Other,
}

crate::serde_names::deserialize_by_name!(FaultKind {
    Sensor = "sensor",
    Valve = "valve",
    Communication = "communication",
    Power = "power",
    Other = "other",
});

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

/// Carrier kinds of an identifier (`identifiers.md` §9; the same list as
/// `model::Carrier`, which needs `alloc`) [FRAME-062].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum CarrierKind {
    /// Passive: 2D code label.
    QrCode,
    /// Passive: 1D barcode label.
    Barcode,
    /// Passive: NFC tag.
    Nfc,
    /// Passive: RFID tag.
    Rfid,
    /// Active: UICC / SIM card.
    Sim,
    /// Active: communication module.
    Module,
    /// Active: MCU or secure chip.
    SecureChip,
}

crate::serde_names::deserialize_by_name!(CarrierKind {
    QrCode = "qr_code",
    Barcode = "barcode",
    Nfc = "nfc",
    Rfid = "rfid",
    Sim = "sim",
    Module = "module",
    SecureChip = "secure_chip",
});

impl CarrierKind {
    /// Every carrier kind, in code order.
    pub const ALL: [CarrierKind; 7] = [
        CarrierKind::QrCode,
        CarrierKind::Barcode,
        CarrierKind::Nfc,
        CarrierKind::Rfid,
        CarrierKind::Sim,
        CarrierKind::Module,
        CarrierKind::SecureChip,
    ];

    /// The wire code (1..=7).
    pub const fn code(self) -> u8 {
        match self {
            CarrierKind::QrCode => 1,
            CarrierKind::Barcode => 2,
            CarrierKind::Nfc => 3,
            CarrierKind::Rfid => 4,
            CarrierKind::Sim => 5,
            CarrierKind::Module => 6,
            CarrierKind::SecureChip => 7,
        }
    }

    /// The carrier kind of a wire code.
    pub const fn from_code(code: u8) -> Option<CarrierKind> {
        match code {
            1 => Some(CarrierKind::QrCode),
            2 => Some(CarrierKind::Barcode),
            3 => Some(CarrierKind::Nfc),
            4 => Some(CarrierKind::Rfid),
            5 => Some(CarrierKind::Sim),
            6 => Some(CarrierKind::Module),
            7 => Some(CarrierKind::SecureChip),
            _ => None,
        }
    }

    /// Whether the carrier is active (reports the identifier by itself: ALM-5b, VLV-2b).
    pub const fn is_active(self) -> bool {
        matches!(
            self,
            CarrierKind::Sim | CarrierKind::Module | CarrierKind::SecureChip
        )
    }

    /// The JSON name (the same names as the declaration's `carrier`).
    pub const fn as_str(self) -> &'static str {
        match self {
            CarrierKind::QrCode => "qr_code",
            CarrierKind::Barcode => "barcode",
            CarrierKind::Nfc => "nfc",
            CarrierKind::Rfid => "rfid",
            CarrierKind::Sim => "sim",
            CarrierKind::Module => "module",
            CarrierKind::SecureChip => "secure_chip",
        }
    }
}

#[cfg(feature = "alloc")]
impl From<crate::model::Carrier> for CarrierKind {
    fn from(c: crate::model::Carrier) -> CarrierKind {
        use crate::model::Carrier;
        match c {
            Carrier::QrCode => CarrierKind::QrCode,
            Carrier::Barcode => CarrierKind::Barcode,
            Carrier::Nfc => CarrierKind::Nfc,
            Carrier::Rfid => CarrierKind::Rfid,
            Carrier::Sim => CarrierKind::Sim,
            Carrier::Module => CarrierKind::Module,
            Carrier::SecureChip => CarrierKind::SecureChip,
        }
    }
}

#[cfg(feature = "alloc")]
impl From<CarrierKind> for crate::model::Carrier {
    fn from(c: CarrierKind) -> crate::model::Carrier {
        use crate::model::Carrier;
        match c {
            CarrierKind::QrCode => Carrier::QrCode,
            CarrierKind::Barcode => Carrier::Barcode,
            CarrierKind::Nfc => Carrier::Nfc,
            CarrierKind::Rfid => Carrier::Rfid,
            CarrierKind::Sim => Carrier::Sim,
            CarrierKind::Module => Carrier::Module,
            CarrierKind::SecureChip => Carrier::SecureChip,
        }
    }
}

/// An industrial-internet identifier as carried: the carrier and the identifier text. The text
/// is not parsed here (see `crate::ident`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Identifier<'a> {
    /// Where the identifier is carried.
    pub carrier: CarrierKind,
    /// The identifier text, e.g. `88.111.1/GT-A100-000001` (1..=254 bytes of UTF-8).
    pub value: &'a str,
}

#[derive(Clone, Copy)]
enum IdentSource<'a> {
    /// Consecutive identifier TLVs, validated.
    Wire(&'a [u8]),
    /// Caller-supplied items (for emitting).
    Items(&'a [Identifier<'a>]),
}

/// The identifiers of an identity announcement, without allocation: either borrowed from a
/// decoded frame or from the caller's slice.
#[derive(Clone, Copy)]
pub struct Identifiers<'a>(IdentSource<'a>);

impl<'a> Identifiers<'a> {
    /// The identifiers in `items`, in order.
    pub const fn new(items: &'a [Identifier<'a>]) -> Identifiers<'a> {
        Identifiers(IdentSource::Items(items))
    }

    /// The identifiers, in order.
    pub fn iter(&self) -> impl Iterator<Item = Identifier<'a>> + 'a {
        let (wire, items): (&'a [u8], &'a [Identifier<'a>]) = match self.0 {
            IdentSource::Wire(w) => (w, &[]),
            IdentSource::Items(i) => (&[], i),
        };
        TlvIter::new(wire)
            .map_while(Result::ok)
            .filter_map(|t| decode_identifier(t.value).ok())
            .chain(items.iter().copied())
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.iter().count()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.iter().next().is_none()
    }
}

impl PartialEq for Identifiers<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl Eq for Identifiers<'_> {}

impl core::fmt::Debug for Identifiers<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// Capabilities a device announces (one bit each, `spec/frame.md` §4.6) [FRAME-063]. There is no
/// "remote open" capability: it cannot be announced (VLV-0e).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Capability {
    /// Bit 0: detects methane (ALM-3a).
    DetectsMethane,
    /// Bit 1: detects carbon monoxide (ALM-3b).
    DetectsCarbonMonoxide,
    /// Bit 2: detects propane / LPG.
    DetectsPropane,
    /// Bit 3: wired interlock of a cut-off device (ALM-4).
    InterlockWired,
    /// Bit 4: wireless interlock of a cut-off device (ALM-4).
    InterlockWireless,
    /// Bit 5: reports its own running status (ALM-6a).
    ReportsRunningStatus,
    /// Bit 6: reports a valve's open/closed state (ALM-6b, VLV-3).
    ReportsValveState,
    /// Bit 7: reports the gas concentration (ALM-6c).
    ReportsConcentration,
    /// Bit 8: closes by itself on over-pressure (VLV-0a).
    AutoCloseOverPressure,
    /// Bit 9: closes by itself on under-pressure (VLV-0b).
    AutoCloseUnderPressure,
    /// Bit 10: closes by itself on over-flow (VLV-0c).
    AutoCloseOverFlow,
    /// Bit 11: closes without external power (VLV-0d).
    ClosesWithoutPower,
    /// Bit 12: once closed, opens only by hand (VLV-0e).
    ManualReset,
    /// Bit 13: accepts the remote close command.
    RemoteClose,
}

crate::serde_names::deserialize_by_name!(Capability {
    DetectsMethane = "detects_methane",
    DetectsCarbonMonoxide = "detects_carbon_monoxide",
    DetectsPropane = "detects_propane",
    InterlockWired = "interlock_wired",
    InterlockWireless = "interlock_wireless",
    ReportsRunningStatus = "reports_running_status",
    ReportsValveState = "reports_valve_state",
    ReportsConcentration = "reports_concentration",
    AutoCloseOverPressure = "auto_close_over_pressure",
    AutoCloseUnderPressure = "auto_close_under_pressure",
    AutoCloseOverFlow = "auto_close_over_flow",
    ClosesWithoutPower = "closes_without_power",
    ManualReset = "manual_reset",
    RemoteClose = "remote_close",
});

impl Capability {
    /// Every capability, in bit order.
    pub const ALL: [Capability; 14] = [
        Capability::DetectsMethane,
        Capability::DetectsCarbonMonoxide,
        Capability::DetectsPropane,
        Capability::InterlockWired,
        Capability::InterlockWireless,
        Capability::ReportsRunningStatus,
        Capability::ReportsValveState,
        Capability::ReportsConcentration,
        Capability::AutoCloseOverPressure,
        Capability::AutoCloseUnderPressure,
        Capability::AutoCloseOverFlow,
        Capability::ClosesWithoutPower,
        Capability::ManualReset,
        Capability::RemoteClose,
    ];

    /// The bit mask.
    pub const fn bit(self) -> u16 {
        1 << (self as u16)
    }

    /// The JSON name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Capability::DetectsMethane => "detects_methane",
            Capability::DetectsCarbonMonoxide => "detects_carbon_monoxide",
            Capability::DetectsPropane => "detects_propane",
            Capability::InterlockWired => "interlock_wired",
            Capability::InterlockWireless => "interlock_wireless",
            Capability::ReportsRunningStatus => "reports_running_status",
            Capability::ReportsValveState => "reports_valve_state",
            Capability::ReportsConcentration => "reports_concentration",
            Capability::AutoCloseOverPressure => "auto_close_over_pressure",
            Capability::AutoCloseUnderPressure => "auto_close_under_pressure",
            Capability::AutoCloseOverFlow => "auto_close_over_flow",
            Capability::ClosesWithoutPower => "closes_without_power",
            Capability::ManualReset => "manual_reset",
            Capability::RemoteClose => "remote_close",
        }
    }

    /// Parse the JSON name.
    pub fn parse(s: &str) -> Option<Capability> {
        Capability::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// A set of [`Capability`]s: the 16-bit capability bitmap (bits 14 and 15 reserved, zero).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct CapabilitySet(u16);

impl CapabilitySet {
    /// No capability.
    pub const EMPTY: CapabilitySet = CapabilitySet(0);
    /// The bits that carry a capability.
    pub const DEFINED: u16 = (1 << Capability::ALL.len()) - 1;

    /// The set of the given bitmap, if no reserved bit is set.
    pub const fn from_bits(bits: u16) -> Option<CapabilitySet> {
        if bits & !CapabilitySet::DEFINED == 0 {
            Some(CapabilitySet(bits))
        } else {
            None
        }
    }

    /// The bitmap.
    pub const fn bits(self) -> u16 {
        self.0
    }

    /// The set with `c` added.
    #[must_use]
    pub const fn with(self, c: Capability) -> CapabilitySet {
        CapabilitySet(self.0 | c.bit())
    }

    /// Whether `c` is in the set.
    pub const fn contains(self, c: Capability) -> bool {
        self.0 & c.bit() != 0
    }

    /// The capabilities in the set, in bit order.
    pub fn iter(self) -> impl Iterator<Item = Capability> {
        Capability::ALL
            .into_iter()
            .filter(move |c| self.contains(*c))
    }
}

impl FromIterator<Capability> for CapabilitySet {
    fn from_iter<I: IntoIterator<Item = Capability>>(iter: I) -> Self {
        iter.into_iter()
            .fold(CapabilitySet::EMPTY, CapabilitySet::with)
    }
}

/// An identity announcement: what the device is and how to identify it [FRAME-060].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Identity<'a> {
    /// Device kind.
    pub kind: DeviceKind,
    /// The tier the product is sold as.
    pub tier: Tier,
    /// Capability bitmap.
    pub capabilities: CapabilitySet,
    /// Identifiers and their carriers (at least one).
    pub identifiers: Identifiers<'a>,
    /// Product model (产品型号), 1..=255 bytes.
    pub model: &'a str,
    /// Firmware version, 1..=255 bytes.
    pub firmware: &'a str,
    /// TLVs this version does not define, kept.
    pub extensions: Tlvs<'a>,
}

/// Command codes [FRAME-071]. `0x02` and `0x03` are forbidden forever (VLV-0e).
pub mod command_code {
    /// Close the valve (or, for an alarm, trigger its interlock).
    pub const CLOSE_VALVE: u8 = 0x01;
    /// Forbidden: open a valve (VLV-0e). Decoding it fails with `FRAME_FORBIDDEN_COMMAND`.
    pub const FORBIDDEN_OPEN_VALVE: u8 = 0x02;
    /// Forbidden: clear the manual-reset latch (VLV-0e). Decoding it fails with
    /// `FRAME_FORBIDDEN_COMMAND`.
    pub const FORBIDDEN_CLEAR_LATCH: u8 = 0x03;
    /// Run a self-test.
    pub const SELF_TEST: u8 = 0x04;
    /// Mute the sounder for a number of seconds (u16, 1..=65535).
    pub const MUTE: u8 = 0x05;
    /// Set the status report interval in seconds (u32, 60..=604800).
    pub const SET_REPORT_INTERVAL: u8 = 0x06;
    /// Send a status report now.
    pub const REQUEST_STATUS: u8 = 0x07;
}

/// The shortest and longest report interval a command may set, in seconds (1 min, 7 days).
pub const REPORT_INTERVAL_RANGE: core::ops::RangeInclusive<u32> = 60..=604_800;

/// A command to a device. There is no variant that opens a valve or clears its latch: such a
/// command cannot be expressed, and decoding one fails with `FRAME_FORBIDDEN_COMMAND` (VLV-0e).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)
)]
pub enum Command {
    /// Close the valve (closing remotely is allowed; opening is not).
    CloseValve,
    /// Run a self-test.
    SelfTest,
    /// Mute the sounder for `seconds` (1..=65535); muting never changes the expressed state.
    Mute {
        /// How long, in seconds.
        seconds: u16,
    },
    /// Set the status report interval.
    SetReportInterval {
        /// Seconds, within [`REPORT_INTERVAL_RANGE`].
        seconds: u32,
    },
    /// Send a status report now.
    RequestStatus,
}

/// The command an acknowledgement refers to (the permitted commands only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum CommandCode {
    /// [`Command::CloseValve`].
    CloseValve,
    /// [`Command::SelfTest`].
    SelfTest,
    /// [`Command::Mute`].
    Mute,
    /// [`Command::SetReportInterval`].
    SetReportInterval,
    /// [`Command::RequestStatus`].
    RequestStatus,
}

crate::serde_names::deserialize_by_name!(CommandCode {
    CloseValve = "close_valve",
    SelfTest = "self_test",
    Mute = "mute",
    SetReportInterval = "set_report_interval",
    RequestStatus = "request_status",
});

impl CommandCode {
    /// Every permitted command code.
    pub const ALL: [CommandCode; 5] = [
        CommandCode::CloseValve,
        CommandCode::SelfTest,
        CommandCode::Mute,
        CommandCode::SetReportInterval,
        CommandCode::RequestStatus,
    ];

    /// The wire code.
    pub const fn code(self) -> u8 {
        match self {
            CommandCode::CloseValve => command_code::CLOSE_VALVE,
            CommandCode::SelfTest => command_code::SELF_TEST,
            CommandCode::Mute => command_code::MUTE,
            CommandCode::SetReportInterval => command_code::SET_REPORT_INTERVAL,
            CommandCode::RequestStatus => command_code::REQUEST_STATUS,
        }
    }

    /// The command code of a wire code, or the error for a forbidden or unknown one.
    ///
    /// # Errors
    /// [`ErrorKind::ForbiddenCommand`] for `0x02`/`0x03`, [`ErrorKind::UnknownCommand`] else.
    pub const fn from_code(code: u8) -> Result<CommandCode, ErrorKind> {
        match code {
            command_code::CLOSE_VALVE => Ok(CommandCode::CloseValve),
            command_code::SELF_TEST => Ok(CommandCode::SelfTest),
            command_code::MUTE => Ok(CommandCode::Mute),
            command_code::SET_REPORT_INTERVAL => Ok(CommandCode::SetReportInterval),
            command_code::REQUEST_STATUS => Ok(CommandCode::RequestStatus),
            command_code::FORBIDDEN_OPEN_VALVE | command_code::FORBIDDEN_CLEAR_LATCH => {
                Err(ErrorKind::ForbiddenCommand)
            }
            _ => Err(ErrorKind::UnknownCommand),
        }
    }

    /// The JSON name.
    pub const fn as_str(self) -> &'static str {
        match self {
            CommandCode::CloseValve => "close_valve",
            CommandCode::SelfTest => "self_test",
            CommandCode::Mute => "mute",
            CommandCode::SetReportInterval => "set_report_interval",
            CommandCode::RequestStatus => "request_status",
        }
    }

    /// Parse the JSON name.
    pub fn parse(s: &str) -> Option<CommandCode> {
        CommandCode::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// The number of argument bytes after the code.
    const fn arg_len(self) -> usize {
        match self {
            CommandCode::Mute => 2,
            CommandCode::SetReportInterval => 4,
            _ => 0,
        }
    }
}

impl Command {
    /// The command's code.
    pub const fn code(self) -> CommandCode {
        match self {
            Command::CloseValve => CommandCode::CloseValve,
            Command::SelfTest => CommandCode::SelfTest,
            Command::Mute { .. } => CommandCode::Mute,
            Command::SetReportInterval { .. } => CommandCode::SetReportInterval,
            Command::RequestStatus => CommandCode::RequestStatus,
        }
    }

    const fn is_valid(self) -> bool {
        match self {
            Command::Mute { seconds } => seconds != 0,
            Command::SetReportInterval { seconds } => {
                seconds >= *REPORT_INTERVAL_RANGE.start() && seconds <= *REPORT_INTERVAL_RANGE.end()
            }
            _ => true,
        }
    }
}

/// A command message [FRAME-070].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommandRequest<'a> {
    /// The command.
    pub command: Command,
    /// TLVs this version does not define, kept.
    pub extensions: Tlvs<'a>,
}

/// A positive acknowledgement: the device carried out the command [FRAME-080].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ack<'a> {
    /// The sequence number of the command frame.
    pub ack_seq: u16,
    /// The command carried out (never a forbidden one).
    pub command: CommandCode,
    /// TLVs this version does not define, kept.
    pub extensions: Tlvs<'a>,
}

/// Why a device refused a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum NakReason {
    /// `1` the device does not support this command (or does not know the code).
    Unsupported,
    /// `2` the command is forbidden (VLV-0e: a self-closing valve is not opened remotely).
    Forbidden,
    /// `3` an argument is out of range.
    InvalidArgument,
    /// `4` the device is busy; retry later.
    Busy,
    /// `5` the device tried and failed (e.g. the valve did not close).
    Failed,
}

crate::serde_names::deserialize_by_name!(NakReason {
    Unsupported = "unsupported",
    Forbidden = "forbidden",
    InvalidArgument = "invalid_argument",
    Busy = "busy",
    Failed = "failed",
});

impl NakReason {
    /// Every reason, in code order.
    pub const ALL: [NakReason; 5] = [
        NakReason::Unsupported,
        NakReason::Forbidden,
        NakReason::InvalidArgument,
        NakReason::Busy,
        NakReason::Failed,
    ];

    /// The wire code (1..=5).
    pub const fn code(self) -> u8 {
        match self {
            NakReason::Unsupported => 1,
            NakReason::Forbidden => 2,
            NakReason::InvalidArgument => 3,
            NakReason::Busy => 4,
            NakReason::Failed => 5,
        }
    }

    /// The reason of a wire code.
    pub const fn from_code(c: u8) -> Option<NakReason> {
        match c {
            1 => Some(NakReason::Unsupported),
            2 => Some(NakReason::Forbidden),
            3 => Some(NakReason::InvalidArgument),
            4 => Some(NakReason::Busy),
            5 => Some(NakReason::Failed),
            _ => None,
        }
    }

    /// The JSON name.
    pub const fn as_str(self) -> &'static str {
        match self {
            NakReason::Unsupported => "unsupported",
            NakReason::Forbidden => "forbidden",
            NakReason::InvalidArgument => "invalid_argument",
            NakReason::Busy => "busy",
            NakReason::Failed => "failed",
        }
    }

    /// Parse the JSON name.
    pub fn parse(s: &str) -> Option<NakReason> {
        NakReason::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// A negative acknowledgement: the device did not carry out the command [FRAME-081].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Nak<'a> {
    /// The sequence number of the command frame.
    pub ack_seq: u16,
    /// The command code as received (may be unknown or forbidden: that is why it is refused).
    pub command_code: u8,
    /// Why.
    pub reason: NakReason,
    /// TLVs this version does not define, kept.
    pub extensions: Tlvs<'a>,
}

/// A message whose type this version does not define: reported, not rejected, and kept so that
/// it can be forwarded unchanged [FRAME-011].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnknownMessage<'a> {
    /// The type byte (never 0 and never an assigned type).
    pub msg_type: u8,
    /// The body, uninterpreted.
    pub body: &'a [u8],
}

// ---------------------------------------------------------------------------------------------
// Parsing

/// A cursor over the body that reports absolute offsets.
struct Reader<'a> {
    rest: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn u8(&mut self) -> Result<(usize, u8), Error> {
        let at = self.at;
        let (&b, rest) = self
            .rest
            .split_first()
            .ok_or(Error::new(ErrorKind::BadLength, field::LENGTH))?;
        self.rest = rest;
        self.at = at.saturating_add(1);
        Ok((at, b))
    }

    fn array<const N: usize>(&mut self) -> Result<(usize, [u8; N]), Error> {
        let at = self.at;
        let (head, rest) = self
            .rest
            .split_first_chunk::<N>()
            .ok_or(Error::new(ErrorKind::BadLength, field::LENGTH))?;
        self.rest = rest;
        self.at = at.saturating_add(N);
        Ok((at, *head))
    }
}

const fn bad(kind: ErrorKind, at: usize) -> Error {
    Error::new(kind, at)
}

/// Walk the TLV area: call `known` for each TLV of type `1..=last` (in ascending order; only
/// `repeatable` may repeat), and return the rest as extensions.
fn walk_tlvs<'a>(
    area: &'a [u8],
    base: usize,
    last: u8,
    repeatable: Option<u8>,
    mut known: impl FnMut(usize, Tlv<'a>) -> Result<(), Error>,
) -> Result<Tlvs<'a>, Error> {
    // A direct walk over the slice (the hot path of every status report and event).
    let mut rest = area;
    let mut at = base;
    let mut prev = 0u8;
    while let Some((&ty, tail)) = rest.split_first() {
        if ty > last {
            // [FRAME-022] the first extension: the rest are extensions, validated as such.
            return Tlvs::parse_at(rest, at);
        }
        if ty == 0 {
            return Err(bad(ErrorKind::TlvOrder, at));
        }
        let Some((&len, tail)) = tail.split_first() else {
            return Err(bad(ErrorKind::TlvTruncated, at));
        };
        let Some((value, next)) = tail.split_at_checked(usize::from(len)) else {
            return Err(bad(ErrorKind::TlvTruncated, at));
        };
        // [FRAME-021] ascending; only the repeatable type may repeat.
        if ty < prev || (ty == prev && repeatable != Some(ty)) {
            return Err(bad(ErrorKind::TlvOrder, at));
        }
        prev = ty;
        known(at, Tlv { ty, value })?;
        rest = next;
        at = at.saturating_add(2 + usize::from(len));
    }
    Ok(Tlvs::EMPTY)
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

/// Decode the byte `latch << 7 | trip`.
fn parse_trip_latch(at: usize, b: u8) -> Result<(Option<TripReason>, bool), Error> {
    let trip = codes::trip_from(b & 0x7F).ok_or(bad(ErrorKind::BadField, at))?;
    Ok((trip, b & 0x80 != 0))
}

fn trip_latch_byte(trip: Option<TripReason>, latch: bool) -> u8 {
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

// 64-bit hosts: inlined into the caller, so the result is built in place instead of being written
// field by field and read back whole (a store-forwarding stall that was a quarter of decode time).
#[cfg_attr(target_pointer_width = "64", inline(always))]
fn parse_snapshot<'a>(area: &'a [u8], base: usize) -> Result<(Snapshot, Tlvs<'a>), Error> {
    let mut s = Snapshot::default();
    let ext = walk_tlvs(area, base, snapshot_tlv::LAST, None, |at, t| {
        match t.ty {
            snapshot_tlv::ALARM => s.alarm = Some(parse_alarm(at, t.value)?),
            snapshot_tlv::VALVE => s.valve = Some(parse_valve(at, t.value)?),
            snapshot_tlv::METHANE => s.methane = Some(parse_reading(at, t.value)?),
            snapshot_tlv::CARBON_MONOXIDE => s.carbon_monoxide = Some(parse_reading(at, t.value)?),
            _ => s.propane = Some(parse_reading(at, t.value)?),
        }
        Ok(())
    })?;
    Ok((s, ext))
}

fn parse_event(at: usize, code: u8, arg: u8) -> Result<Event, Error> {
    let arg_at = at.saturating_add(1);
    let bad_arg = bad(ErrorKind::BadField, arg_at);
    let no_arg = |e: Event| if arg == 0 { Ok(e) } else { Err(bad_arg) };
    match code {
        event_code::ALARM_RAISED => {
            let gas = codes::gas_from(arg & 0x0F).ok_or(bad_arg)?;
            let level = match arg >> 4 {
                2 => RaisedLevel::Low,
                3 => RaisedLevel::High,
                _ => return Err(bad_arg),
            };
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
            let fault = match arg & 0x7F {
                1 => FaultKind::Sensor,
                2 => FaultKind::Valve,
                3 => FaultKind::Communication,
                4 => FaultKind::Power,
                5 => FaultKind::Other,
                _ => return Err(bad_arg),
            };
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

const fn fault_code(f: FaultKind) -> u8 {
    match f {
        FaultKind::Sensor => 1,
        FaultKind::Valve => 2,
        FaultKind::Communication => 3,
        FaultKind::Power => 4,
        FaultKind::Other => 5,
    }
}

fn event_bytes(e: &Event) -> [u8; 2] {
    match *e {
        Event::AlarmRaised { gas, level } => {
            let l = match level {
                RaisedLevel::Low => 2,
                RaisedLevel::High => 3,
            };
            [event_code::ALARM_RAISED, (l << 4) | codes::gas_code(gas)]
        }
        Event::AlarmCleared { gas } => [event_code::ALARM_CLEARED, codes::gas_code(gas)],
        Event::ValveClosed {
            trip,
            manual_reset_required,
        } => [
            event_code::VALVE_CLOSED,
            trip_latch_byte(trip, manual_reset_required),
        ],
        Event::Fault { fault, active } => [
            event_code::FAULT,
            fault_code(fault) | (u8::from(active) << 7),
        ],
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

fn decode_text(at: usize, v: &[u8]) -> Result<&str, Error> {
    if v.is_empty() {
        return Err(bad(ErrorKind::TlvLength, at));
    }
    core::str::from_utf8(v).map_err(|e| {
        bad(
            ErrorKind::BadUtf8,
            at.saturating_add(2).saturating_add(e.valid_up_to()),
        )
    })
}

/// Decode an identifier TLV value (carrier, text); errors are relative to the TLV start.
fn decode_identifier(v: &[u8]) -> Result<Identifier<'_>, Error> {
    let (&c, text) = v.split_first().ok_or(bad(ErrorKind::TlvLength, 0))?;
    let carrier = CarrierKind::from_code(c).ok_or(bad(ErrorKind::BadField, 2))?;
    if text.is_empty() {
        return Err(bad(ErrorKind::TlvLength, 0));
    }
    let value = core::str::from_utf8(text)
        .map_err(|e| bad(ErrorKind::BadUtf8, 3usize.saturating_add(e.valid_up_to())))?;
    Ok(Identifier { carrier, value })
}

impl<'a> FrameRepr<'a> {
    /// Parse a frame: header, CRC, then the message. The buffer may extend past the frame (see
    /// [`super::decode`] for the strict whole-input form).
    ///
    /// # Errors
    /// The first problem found, with its byte offset: header problems as
    /// [`Frame::check_len`], then `FRAME_BAD_CRC` (offset of the CRC), then the message's.
    pub fn parse<T: AsRef<[u8]> + ?Sized>(frame: &Frame<&'a T>) -> Result<FrameRepr<'a>, Error> {
        frame.check_len()?;
        if !frame.verify_crc() {
            return Err(bad(
                ErrorKind::BadCrc,
                frame.total_len().saturating_sub(CRC_LEN),
            ));
        }
        FrameRepr::parse_verified(frame)
    }

    /// Parse a frame without checking its CRC: for a frame whose integrity a lower layer already
    /// guarantees (a link with its own check, a frame this program just emitted). The header
    /// and length are checked as in [`parse`](Self::parse).
    ///
    /// # Errors
    /// As [`parse`](Self::parse), without `FRAME_BAD_CRC`.
    pub fn parse_unverified<T: AsRef<[u8]> + ?Sized>(
        frame: &Frame<&'a T>,
    ) -> Result<FrameRepr<'a>, Error> {
        frame.check_len()?;
        FrameRepr::parse_verified(frame)
    }

    /// Parse the message of a frame whose header, length and CRC were already checked.
    pub(crate) fn parse_verified<T: AsRef<[u8]> + ?Sized>(
        frame: &Frame<&'a T>,
    ) -> Result<FrameRepr<'a>, Error> {
        let message = parse_message(frame.msg_type(), frame.body())?;
        Ok(FrameRepr {
            seq: frame.seq(),
            timestamp: Timestamp(frame.timestamp()),
            message,
        })
    }

    /// The number of bytes [`emit`](Self::emit) writes (it may exceed 256 for a frame that
    /// cannot be emitted).
    pub fn buffer_len(&self) -> usize {
        HEADER_LEN
            .saturating_add(body_len(&self.message))
            .saturating_add(CRC_LEN)
    }

    /// Check that the frame can be emitted: every rule [`parse`](Self::parse) checks.
    ///
    /// # Errors
    /// The first rule broken.
    pub fn validate(&self) -> Result<(), EmitError> {
        validate_message(&self.message)?;
        if self.buffer_len() > MAX_FRAME_LEN {
            return Err(EmitError::Oversize);
        }
        Ok(())
    }

    /// Write the frame, CRC included, at the start of `buf`; return its length.
    ///
    /// # Errors
    /// [`EmitError::BufferTooSmall`] if `buf` is shorter than [`buffer_len`](Self::buffer_len);
    /// any [`validate`](Self::validate) error. Nothing is written on error.
    pub fn emit(&self, buf: &mut [u8]) -> Result<usize, EmitError> {
        self.validate()?;
        let len = self.buffer_len();
        let out = buf
            .get_mut(..len)
            .ok_or(EmitError::BufferTooSmall { needed: len })?;
        let mut w = Writer {
            buf: &mut *out,
            pos: 0,
        };
        w.put(&MAGIC);
        w.put(&[VERSION]);
        // validate() bounded len to 256, so the length byte fits.
        w.put(&[u8::try_from(len.saturating_sub(field::COUNTED_FROM + CRC_LEN)).unwrap_or(0)]);
        w.put(&[self.message.type_code()]);
        w.put(&self.seq.to_be_bytes());
        w.put(&self.timestamp.to_wire().to_be_bytes());
        emit_body(&self.message, &mut w);
        let mut frame = Frame::new_unchecked(out);
        frame.fill_crc();
        Ok(len)
    }
}

// 64-bit hosts: inlined into the caller, so the result is built in place instead of being written
// field by field and read back whole (a store-forwarding stall that was a quarter of decode time).
#[cfg_attr(target_pointer_width = "64", inline(always))]
fn parse_message(ty: u8, body: &[u8]) -> Result<Message<'_>, Error> {
    let mut r = Reader {
        rest: body,
        at: HEADER_LEN,
    };
    let Some(mt) = MessageType::from_code(ty) else {
        if ty == 0 {
            return Err(bad(ErrorKind::BadField, field::TYPE));
        }
        return Ok(Message::Unknown(UnknownMessage { msg_type: ty, body }));
    };
    // Device profile (feature `device`, spec/security.md [SEC-070]): a device receives commands
    // only, so the other types stay uninterpreted, as a type it does not know, and their decoders
    // are not linked.
    #[cfg(feature = "device")]
    if mt != MessageType::Command {
        return Ok(Message::Unknown(UnknownMessage { msg_type: ty, body }));
    }
    Ok(match mt {
        MessageType::Status => {
            let (at, k) = r.u8()?;
            let kind = codes::kind_from(k).ok_or(bad(ErrorKind::BadField, at))?;
            let (snapshot, extensions) = parse_snapshot(r.rest, r.at)?;
            // [FRAME-041] required TLVs per kind (ALM-6a, ALM-6b, VLV-3).
            let alarm_ok = kind != DeviceKind::LeakAlarm || snapshot.alarm.is_some();
            if !alarm_ok || snapshot.valve.is_none() {
                return Err(bad(ErrorKind::MissingField, HEADER_LEN));
            }
            Message::Status(StatusReport {
                kind,
                snapshot,
                extensions,
            })
        }
        MessageType::Event => {
            let (at, [code, arg]) = r.array::<2>()?;
            let event = parse_event(at, code, arg)?;
            let (snapshot, extensions) = parse_snapshot(r.rest, r.at)?;
            Message::Event(EventReport {
                event,
                snapshot,
                extensions,
            })
        }
        MessageType::Identity => {
            let (at, [k, t, c0, c1]) = r.array::<4>()?;
            let kind = codes::kind_from(k).ok_or(bad(ErrorKind::BadField, at))?;
            let tier = codes::tier_from(t).ok_or(bad(ErrorKind::BadField, at.saturating_add(1)))?;
            let capabilities = CapabilitySet::from_bits(u16::from_be_bytes([c0, c1]))
                .ok_or(bad(ErrorKind::BadField, at.saturating_add(2)))?;
            let area = r.rest;
            let base = r.at;
            let (mut first, mut end) = (None, 0usize);
            let (mut model, mut firmware) = (None, None);
            let extensions = walk_tlvs(
                area,
                base,
                identity_tlv::LAST,
                Some(identity_tlv::IDENTIFIER),
                |at, t| {
                    match t.ty {
                        identity_tlv::IDENTIFIER => {
                            decode_identifier(t.value).map_err(|e| e.shifted(at))?;
                            let rel = at.saturating_sub(base);
                            first.get_or_insert(rel);
                            end = rel.saturating_add(t.wire_len());
                        }
                        identity_tlv::MODEL => model = Some(decode_text(at, t.value)?),
                        _ => firmware = Some(decode_text(at, t.value)?),
                    }
                    Ok(())
                },
            )?;
            // [FRAME-061] at least one identifier, a model and a firmware version.
            let missing = bad(ErrorKind::MissingField, HEADER_LEN);
            let wire = first.and_then(|f| area.get(f..end)).ok_or(missing)?;
            Message::Identity(Identity {
                kind,
                tier,
                capabilities,
                identifiers: Identifiers(IdentSource::Wire(wire)),
                model: model.ok_or(missing)?,
                firmware: firmware.ok_or(missing)?,
                extensions,
            })
        }
        MessageType::Command => {
            let (at, c) = r.u8()?;
            let code = CommandCode::from_code(c).map_err(|k| bad(k, at))?;
            let command = match code {
                CommandCode::CloseValve => Command::CloseValve,
                CommandCode::SelfTest => Command::SelfTest,
                CommandCode::RequestStatus => Command::RequestStatus,
                CommandCode::Mute => Command::Mute {
                    seconds: u16::from_be_bytes(r.array::<2>()?.1),
                },
                CommandCode::SetReportInterval => Command::SetReportInterval {
                    seconds: u32::from_be_bytes(r.array::<4>()?.1),
                },
            };
            if !command.is_valid() {
                return Err(bad(ErrorKind::BadField, at.saturating_add(1)));
            }
            Message::Command(CommandRequest {
                command,
                extensions: Tlvs::parse_at(r.rest, r.at)?,
            })
        }
        MessageType::Ack => {
            let (_, [s0, s1, c]) = r.array::<3>()?;
            let command = CommandCode::from_code(c).map_err(|k| bad(k, r.at.saturating_sub(1)))?;
            let extensions = Tlvs::parse_at(r.rest, r.at)?;
            Message::Ack(Ack {
                ack_seq: u16::from_be_bytes([s0, s1]),
                command,
                extensions,
            })
        }
        MessageType::Nak => {
            let (at, [s0, s1, command_code, reason]) = r.array::<4>()?;
            if command_code == 0 {
                return Err(bad(ErrorKind::BadField, at.saturating_add(2)));
            }
            let reason = NakReason::from_code(reason)
                .ok_or(bad(ErrorKind::BadField, at.saturating_add(3)))?;
            let extensions = Tlvs::parse_at(r.rest, r.at)?;
            Message::Nak(Nak {
                ack_seq: u16::from_be_bytes([s0, s1]),
                command_code,
                reason,
                extensions,
            })
        }
    })
}

// ---------------------------------------------------------------------------------------------
// Emitting

struct Writer<'b> {
    buf: &'b mut [u8],
    pos: usize,
}

impl Writer<'_> {
    /// Copy `bytes` at the cursor. The caller sized the buffer with `buffer_len`, so the copy
    /// always fits; a short buffer would only leave bytes unwritten, never panic.
    fn put(&mut self, bytes: &[u8]) {
        let end = self.pos.saturating_add(bytes.len());
        if let Some(dst) = self.buf.get_mut(self.pos..end) {
            dst.copy_from_slice(bytes);
        }
        self.pos = end;
    }

    fn tlv(&mut self, ty: u8, value: &[&[u8]]) {
        let len: usize = value.iter().map(|v| v.len()).sum();
        self.put(&[ty, u8::try_from(len).unwrap_or(u8::MAX)]);
        for v in value {
            self.put(v);
        }
    }
}

fn snapshot_len(s: &Snapshot) -> usize {
    let r = |r: &Option<Reading>| r.as_ref().map_or(0, |r| 2 + reading_len(r));
    s.alarm.map_or(0, |_| 4)
        + s.valve.map_or(0, |_| 4)
        + r(&s.methane)
        + r(&s.carbon_monoxide)
        + r(&s.propane)
}

fn ident_tlvs_len(ids: &Identifiers<'_>) -> usize {
    ids.iter()
        .map(|i| i.value.len().saturating_add(3))
        .fold(0, usize::saturating_add)
}

fn body_len(m: &Message<'_>) -> usize {
    let ext = |t: &Tlvs<'_>| t.as_bytes().len();
    match m {
        Message::Status(s) => 1 + snapshot_len(&s.snapshot) + ext(&s.extensions),
        Message::Event(e) => 2 + snapshot_len(&e.snapshot) + ext(&e.extensions),
        Message::Identity(i) => 4usize
            .saturating_add(ident_tlvs_len(&i.identifiers))
            .saturating_add(i.model.len().saturating_add(2))
            .saturating_add(i.firmware.len().saturating_add(2))
            .saturating_add(ext(&i.extensions)),
        Message::Command(c) => 1 + c.command.code().arg_len() + ext(&c.extensions),
        Message::Ack(a) => 3 + ext(&a.extensions),
        Message::Nak(n) => 4 + ext(&n.extensions),
        Message::Unknown(u) => u.body.len(),
    }
}

fn validate_reading(r: &Option<Reading>) -> Result<(), EmitError> {
    match r {
        Some(Reading::Value(c)) if Concentration::new(c.centi(), c.unit()).is_err() => {
            Err(EmitError::BadConcentration)
        }
        _ => Ok(()),
    }
}

fn validate_snapshot(s: &Snapshot) -> Result<(), EmitError> {
    if let Some(v) = &s.valve {
        v.validate().map_err(|_| EmitError::InconsistentValve)?;
    }
    validate_reading(&s.methane)?;
    validate_reading(&s.carbon_monoxide)?;
    validate_reading(&s.propane)
}

/// Extensions must lie above the message's known TLV types.
fn validate_ext(t: &Tlvs<'_>, last: u8) -> Result<(), EmitError> {
    match t.first_type() {
        Some(ty) if ty <= last => Err(EmitError::BadField),
        _ => Ok(()),
    }
}

fn validate_text(s: &str, max: usize) -> Result<(), EmitError> {
    if s.is_empty() {
        Err(EmitError::BadField)
    } else if s.len() > max {
        Err(EmitError::Oversize)
    } else {
        Ok(())
    }
}

/// The JSON path (`spec/frame.md` §8) of the field [`validate_message`] refuses, so that an
/// encoder error names it (`gasdev encode`); `None` when the message is valid. Mirrors
/// `validate_message` check for check.
#[cfg(all(feature = "serde", feature = "alloc"))]
pub(crate) fn invalid_field(m: &Message<'_>) -> Option<&'static str> {
    fn snapshot(s: &Snapshot) -> Option<&'static str> {
        if s.valve.as_ref().is_some_and(|v| v.validate().is_err()) {
            return Some("message.valve");
        }
        if validate_reading(&s.methane).is_err() {
            return Some("message.methane");
        }
        if validate_reading(&s.carbon_monoxide).is_err() {
            return Some("message.carbon_monoxide");
        }
        if validate_reading(&s.propane).is_err() {
            return Some("message.propane");
        }
        None
    }
    let ext = |t: &Tlvs<'_>, last: u8| validate_ext(t, last).err().map(|_| "message.extensions");
    match m {
        Message::Status(s) => {
            if s.kind == DeviceKind::LeakAlarm && s.snapshot.alarm.is_none() {
                return Some("message.alarm");
            }
            if s.snapshot.valve.is_none() {
                return Some("message.valve");
            }
            snapshot(&s.snapshot).or_else(|| ext(&s.extensions, snapshot_tlv::LAST))
        }
        Message::Event(e) => {
            if let Event::Unknown { code, .. } = e.event {
                if code == 0 || code <= event_code::LAST {
                    return Some("message.event");
                }
            }
            snapshot(&e.snapshot).or_else(|| ext(&e.extensions, snapshot_tlv::LAST))
        }
        Message::Identity(i) => {
            if i.identifiers.is_empty()
                || i.identifiers
                    .iter()
                    .any(|id| validate_text(id.value, 254).is_err())
            {
                return Some("message.identifiers");
            }
            if validate_text(i.model, 255).is_err() {
                return Some("message.model");
            }
            if validate_text(i.firmware, 255).is_err() {
                return Some("message.firmware");
            }
            ext(&i.extensions, identity_tlv::LAST)
        }
        Message::Command(c) => {
            if !c.command.is_valid() {
                return Some("message.command");
            }
            ext(&c.extensions, 0)
        }
        Message::Ack(a) => ext(&a.extensions, 0),
        Message::Nak(n) => {
            if n.command_code == 0 {
                return Some("message.command_code");
            }
            ext(&n.extensions, 0)
        }
        Message::Unknown(u) => {
            if u.msg_type == 0 || MessageType::from_code(u.msg_type).is_some() {
                return Some("message.type");
            }
            None
        }
    }
}

fn validate_message(m: &Message<'_>) -> Result<(), EmitError> {
    match m {
        Message::Status(s) => {
            let alarm_ok = s.kind != DeviceKind::LeakAlarm || s.snapshot.alarm.is_some();
            if !alarm_ok || s.snapshot.valve.is_none() {
                return Err(EmitError::MissingField);
            }
            validate_snapshot(&s.snapshot)?;
            validate_ext(&s.extensions, snapshot_tlv::LAST)
        }
        Message::Event(e) => {
            if let Event::Unknown { code, .. } = e.event {
                if code == 0 || code <= event_code::LAST {
                    return Err(EmitError::BadField);
                }
            }
            validate_snapshot(&e.snapshot)?;
            validate_ext(&e.extensions, snapshot_tlv::LAST)
        }
        Message::Identity(i) => {
            if i.identifiers.is_empty() {
                return Err(EmitError::MissingField);
            }
            for id in i.identifiers.iter() {
                validate_text(id.value, 254)?;
            }
            validate_text(i.model, 255)?;
            validate_text(i.firmware, 255)?;
            validate_ext(&i.extensions, identity_tlv::LAST)
        }
        Message::Command(c) => {
            if !c.command.is_valid() {
                return Err(EmitError::BadField);
            }
            validate_ext(&c.extensions, 0)
        }
        Message::Ack(a) => validate_ext(&a.extensions, 0),
        Message::Nak(n) => {
            if n.command_code == 0 {
                return Err(EmitError::BadField);
            }
            validate_ext(&n.extensions, 0)
        }
        Message::Unknown(u) => {
            if u.msg_type == 0 || MessageType::from_code(u.msg_type).is_some() {
                return Err(EmitError::BadField);
            }
            Ok(())
        }
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

fn emit_snapshot(w: &mut Writer<'_>, s: &Snapshot) {
    if let Some(a) = &s.alarm {
        w.tlv(snapshot_tlv::ALARM, &[&alarm_bytes(a)]);
    }
    if let Some(v) = &s.valve {
        w.tlv(snapshot_tlv::VALVE, &[&valve_bytes(v)]);
    }
    emit_reading(w, snapshot_tlv::METHANE, &s.methane);
    emit_reading(w, snapshot_tlv::CARBON_MONOXIDE, &s.carbon_monoxide);
    emit_reading(w, snapshot_tlv::PROPANE, &s.propane);
}

fn emit_body(m: &Message<'_>, w: &mut Writer<'_>) {
    match m {
        Message::Status(s) => {
            w.put(&[codes::kind_code(s.kind)]);
            emit_snapshot(w, &s.snapshot);
            w.put(s.extensions.as_bytes());
        }
        Message::Event(e) => {
            w.put(&event_bytes(&e.event));
            emit_snapshot(w, &e.snapshot);
            w.put(e.extensions.as_bytes());
        }
        Message::Identity(i) => {
            w.put(&[codes::kind_code(i.kind), codes::tier_code(i.tier)]);
            w.put(&i.capabilities.bits().to_be_bytes());
            for id in i.identifiers.iter() {
                w.tlv(
                    identity_tlv::IDENTIFIER,
                    &[&[id.carrier.code()], id.value.as_bytes()],
                );
            }
            w.tlv(identity_tlv::MODEL, &[i.model.as_bytes()]);
            w.tlv(identity_tlv::FIRMWARE, &[i.firmware.as_bytes()]);
            w.put(i.extensions.as_bytes());
        }
        Message::Command(c) => {
            w.put(&[c.command.code().code()]);
            match c.command {
                Command::Mute { seconds } => w.put(&seconds.to_be_bytes()),
                Command::SetReportInterval { seconds } => w.put(&seconds.to_be_bytes()),
                _ => {}
            }
            w.put(c.extensions.as_bytes());
        }
        Message::Ack(a) => {
            w.put(&a.ack_seq.to_be_bytes());
            w.put(&[a.command.code()]);
            w.put(a.extensions.as_bytes());
        }
        Message::Nak(n) => {
            w.put(&n.ack_seq.to_be_bytes());
            w.put(&[n.command_code, n.reason.code()]);
            w.put(n.extensions.as_bytes());
        }
        Message::Unknown(u) => w.put(u.body),
    }
}
