//! The libgasdev frame (`spec/frame.md`): encode from plain C structs into a caller buffer, and
//! decode into them. Decoded text and byte fields point into the caller's input, which must outlive
//! the struct; nothing is allocated.

use core::ffi::c_char;

use gasdev::model::{
    AlarmLevel, AlarmStatus, Concentration, ConcentrationUnit, DeviceKind, Gas, LelBasis, Reading,
    Tier, TripReason, ValveState, ValveStatus,
};
use gasdev::wire::{
    self, Ack, CapabilitySet, CarrierKind, Command, CommandCode, CommandRequest, EmitError, Event,
    EventReport, FaultKind, FrameRepr, Identifier, Identifiers, Identity, Message, Nak, NakReason,
    RaisedLevel, Snapshot, StatusReport, Timestamp, Tlvs, UnknownMessage,
};

use crate::boundary::{Res, Span, buffer, check_out, disjoint, guard, input, opt_bytes, opt_text};
use crate::boundary::{parser_input, reject_at, write_init, write_len};
use crate::result::gasdev_result;

/// The message type of a frame (`spec/frame.md` [FRAME-010]). A decoded frame of a type this
/// version does not define keeps its type byte, and its body in `gasdev_frame.body`.
#[repr(u8)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum gasdev_message_type {
    /// Status report (heartbeat), device → platform.
    Status = 0x01,
    /// Event, device → platform.
    Event = 0x02,
    /// Identity announcement, device → platform.
    Identity = 0x03,
    /// Command, platform → device.
    Command = 0x10,
    /// Acknowledgement of a command.
    Ack = 0x11,
    /// Negative acknowledgement of a command.
    Nak = 0x12,
}

/// What a device is.
#[repr(u8)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum gasdev_device_kind {
    /// Gas leak alarm (燃气泄漏报警装置).
    LeakAlarm = 1,
    /// Pipeline self-closing valve (安全自闭阀).
    SelfClosingValve = 2,
}

/// A product tier.
#[repr(u8)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum gasdev_tier {
    /// Low tier (低档).
    Low = 1,
    /// Mid tier (中档).
    Mid = 2,
    /// High tier (高档).
    High = 3,
}

/// A gas.
#[repr(u8)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum gasdev_gas {
    /// Methane (natural gas).
    Methane = 1,
    /// Carbon monoxide.
    CarbonMonoxide = 2,
    /// Propane / LPG.
    Propane = 3,
}

/// An alarm level.
#[repr(u8)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum gasdev_alarm_level {
    /// No alarm.
    None = 1,
    /// Low (first-level) alarm.
    Low = 2,
    /// High (second-level) alarm.
    High = 3,
}

/// The state of a valve.
#[repr(u8)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum gasdev_valve_state {
    /// Open.
    Open = 1,
    /// Closed.
    Closed = 2,
    /// Opening.
    Opening = 3,
    /// Closing.
    Closing = 4,
    /// Valve fault.
    Fault = 5,
    /// No valve connected.
    NotConnected = 6,
    /// State unknown.
    Unknown = 7,
}

/// Why a valve closed; `GASDEV_TRIP_REASON_NONE` when no reason is given.
#[repr(u8)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum gasdev_trip_reason {
    /// No reason given.
    None = 0,
    /// Over-pressure.
    OverPressure = 1,
    /// Under-pressure.
    UnderPressure = 2,
    /// Over-flow.
    OverFlow = 3,
    /// Interlocked with a gas alarm.
    AlarmInterlock = 4,
    /// Closed by hand.
    Manual = 5,
    /// Remote close command.
    RemoteClose = 6,
    /// Power loss (fail-closed).
    PowerLoss = 7,
}

/// The unit of a concentration.
#[repr(u8)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum gasdev_unit {
    /// Percent of the lower explosive limit (with `lel_basis_centi_pct_vol`).
    PctLel = 1,
    /// Parts per million by volume.
    Ppm = 2,
    /// Percent by volume.
    PctVol = 3,
}

/// What happened (event codes, [FRAME-051]). A decoded event with a code this version does not
/// define keeps its code and its argument byte (`gasdev_event.arg`).
#[repr(u8)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum gasdev_event_code {
    /// A gas alarm was raised (`gas`, `level`).
    AlarmRaised = 0x01,
    /// A gas alarm ended (`gas`).
    AlarmCleared = 0x02,
    /// The valve closed (`trip`, `manual_reset_required`).
    ValveClosed = 0x03,
    /// A fault was raised or cleared (`fault`, `active`).
    Fault = 0x04,
    /// The sensor reached the end of its service life.
    EndOfLife = 0x05,
    /// The device was opened or removed.
    Tamper = 0x06,
    /// Mains power was lost.
    PowerLost = 0x07,
    /// Mains power came back.
    PowerRestored = 0x08,
    /// A self-test finished (`passed`).
    SelfTestResult = 0x09,
    /// The sounder was muted or unmuted (`muted`).
    Mute = 0x0A,
}

/// What a fault event is about.
#[repr(u8)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum gasdev_fault_kind {
    /// Gas sensor.
    Sensor = 1,
    /// Valve or valve drive.
    Valve = 2,
    /// Communication.
    Communication = 3,
    /// Power supply or battery.
    Power = 4,
    /// Anything else.
    Other = 5,
}

/// Where an identifier is carried.
#[repr(u8)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum gasdev_carrier {
    /// 2D code label.
    QrCode = 1,
    /// 1D barcode label.
    Barcode = 2,
    /// NFC tag.
    Nfc = 3,
    /// RFID tag.
    Rfid = 4,
    /// UICC / SIM card.
    Sim = 5,
    /// Communication module.
    Module = 6,
    /// MCU or secure chip.
    SecureChip = 7,
}

/// A command code. Opening a valve or clearing its latch remotely has no code: decoding one gives
/// `GASDEV_RESULT_FRAME_FORBIDDEN_COMMAND` (VLV-0e).
#[repr(u8)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum gasdev_command_code {
    /// Close the valve (or trigger an alarm's interlock).
    CloseValve = 0x01,
    /// Run a self-test.
    SelfTest = 0x04,
    /// Mute the sounder for `seconds` (1–65535).
    Mute = 0x05,
    /// Set the status report interval to `seconds` (60–604800).
    SetReportInterval = 0x06,
    /// Send a status report now.
    RequestStatus = 0x07,
}

/// Why a device refused a command.
#[repr(u8)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum gasdev_nak_reason {
    /// The command is not supported.
    Unsupported = 1,
    /// The command is forbidden.
    Forbidden = 2,
    /// An argument is out of range.
    InvalidArgument = 3,
    /// The device is busy.
    Busy = 4,
    /// The device tried and failed.
    Failed = 5,
}

/// Capability bit: detects methane (ALM-3a).
pub const GASDEV_CAPABILITY_DETECTS_METHANE: u16 = 1 << 0;
/// Capability bit: detects carbon monoxide (ALM-3b).
pub const GASDEV_CAPABILITY_DETECTS_CARBON_MONOXIDE: u16 = 1 << 1;
/// Capability bit: detects propane / LPG.
pub const GASDEV_CAPABILITY_DETECTS_PROPANE: u16 = 1 << 2;
/// Capability bit: wired interlock of a cut-off device (ALM-4).
pub const GASDEV_CAPABILITY_INTERLOCK_WIRED: u16 = 1 << 3;
/// Capability bit: wireless interlock of a cut-off device (ALM-4).
pub const GASDEV_CAPABILITY_INTERLOCK_WIRELESS: u16 = 1 << 4;
/// Capability bit: reports its own running status (ALM-6a).
pub const GASDEV_CAPABILITY_REPORTS_RUNNING_STATUS: u16 = 1 << 5;
/// Capability bit: reports a valve's state (ALM-6b, VLV-3).
pub const GASDEV_CAPABILITY_REPORTS_VALVE_STATE: u16 = 1 << 6;
/// Capability bit: reports the gas concentration (ALM-6c).
pub const GASDEV_CAPABILITY_REPORTS_CONCENTRATION: u16 = 1 << 7;
/// Capability bit: closes by itself on over-pressure (VLV-0a).
pub const GASDEV_CAPABILITY_AUTO_CLOSE_OVER_PRESSURE: u16 = 1 << 8;
/// Capability bit: closes by itself on under-pressure (VLV-0b).
pub const GASDEV_CAPABILITY_AUTO_CLOSE_UNDER_PRESSURE: u16 = 1 << 9;
/// Capability bit: closes by itself on over-flow (VLV-0c).
pub const GASDEV_CAPABILITY_AUTO_CLOSE_OVER_FLOW: u16 = 1 << 10;
/// Capability bit: closes without external power (VLV-0d).
pub const GASDEV_CAPABILITY_CLOSES_WITHOUT_POWER: u16 = 1 << 11;
/// Capability bit: once closed, opens only by hand (VLV-0e).
pub const GASDEV_CAPABILITY_MANUAL_RESET: u16 = 1 << 12;
/// Capability bit: accepts the remote close command.
pub const GASDEV_CAPABILITY_REMOTE_CLOSE: u16 = 1 << 13;

/// The largest frame, in bytes: a buffer of this size holds any frame.
pub const GASDEV_FRAME_MAX_LEN: usize = 256;
/// The identifiers an identity struct holds. A decoded identity with more reports the true count in
/// `identifier_count` and the first `GASDEV_FRAME_MAX_IDENTIFIERS` in `identifiers`.
pub const GASDEV_FRAME_MAX_IDENTIFIERS: usize = 4;

/// A gas reading: a concentration in hundredths of its unit, or unknown (never a silent 0).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct gasdev_reading {
    /// A value is available; when false the other fields are ignored (and zero after decoding).
    pub known: bool,
    /// A `GASDEV_UNIT_…` constant.
    pub unit: u8,
    /// `%LEL` only: the LEL basis in hundredths of a percent by volume (500 = 5.00 %vol, methane).
    pub lel_basis_centi_pct_vol: u16,
    /// The value in hundredths of the unit (`1250` with `%LEL` = 12.50 %LEL).
    pub centi: u32,
}

/// The alarm conditions of a leak alarm.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct gasdev_alarm_status {
    /// Combustible-gas alarm level: a `GASDEV_ALARM_LEVEL_…` constant.
    pub gas: u8,
    /// Carbon-monoxide alarm level: a `GASDEV_ALARM_LEVEL_…` constant.
    pub co: u8,
    /// The sensor is warming up.
    pub preheat: bool,
    /// A fault is active.
    pub fault: bool,
    /// The sensor reached the end of its life.
    pub end_of_life: bool,
    /// A self-test is running.
    pub self_test: bool,
    /// The sounder is muted.
    pub muted: bool,
}

/// The state of a valve, why it closed, and whether it is latched until opened by hand.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct gasdev_valve_status {
    /// A `GASDEV_VALVE_STATE_…` constant.
    pub state: u8,
    /// A `GASDEV_TRIP_REASON_…` constant (closed or closing valves only).
    pub trip: u8,
    /// Latched closed until a person opens it by hand (closed valves only).
    pub manual_reset_required: bool,
}

/// The state a status report or an event carries; each part is optional (`has_…`).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct gasdev_snapshot {
    /// `alarm` is present.
    pub has_alarm: bool,
    /// Alarm conditions.
    pub alarm: gasdev_alarm_status,
    /// `valve` is present.
    pub has_valve: bool,
    /// Valve state.
    pub valve: gasdev_valve_status,
    /// `methane` is present.
    pub has_methane: bool,
    /// Methane reading.
    pub methane: gasdev_reading,
    /// `carbon_monoxide` is present.
    pub has_carbon_monoxide: bool,
    /// Carbon-monoxide reading.
    pub carbon_monoxide: gasdev_reading,
    /// `propane` is present.
    pub has_propane: bool,
    /// Propane reading.
    pub propane: gasdev_reading,
}

/// An event. Which fields count depends on `code` (see `gasdev_event_code`).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct gasdev_event {
    /// A `GASDEV_EVENT_CODE_…` constant, or an unassigned code (> 0x0A) kept with `arg`.
    pub code: u8,
    /// `ALARM_RAISED`, `ALARM_CLEARED`: a `GASDEV_GAS_…` constant.
    pub gas: u8,
    /// `ALARM_RAISED`: `GASDEV_ALARM_LEVEL_LOW` or `GASDEV_ALARM_LEVEL_HIGH`.
    pub level: u8,
    /// `VALVE_CLOSED`: a `GASDEV_TRIP_REASON_…` constant.
    pub trip: u8,
    /// `VALVE_CLOSED`: latched until opened by hand.
    pub manual_reset_required: bool,
    /// `FAULT`: a `GASDEV_FAULT_KIND_…` constant.
    pub fault: u8,
    /// `FAULT`: raised (true) or cleared.
    pub active: bool,
    /// `SELF_TEST_RESULT`: passed.
    pub passed: bool,
    /// `MUTE`: muted (true) or unmuted.
    pub muted: bool,
    /// Unassigned codes: the argument byte.
    pub arg: u8,
}

/// An identifier as carried: its carrier and its text (UTF-8, 1–254 bytes, not NUL-terminated).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct gasdev_identifier {
    /// A `GASDEV_CARRIER_…` constant.
    pub carrier: u8,
    /// The identifier text (validate it with `gasdev_ident_parse`).
    pub value: *const c_char,
    /// Its length in bytes.
    pub value_len: usize,
}

/// An identity announcement ([FRAME-060]); the device kind is `gasdev_frame.kind`.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct gasdev_identity {
    /// A `GASDEV_TIER_…` constant.
    pub tier: u8,
    /// `GASDEV_CAPABILITY_…` bits.
    pub capabilities: u16,
    /// The number of identifiers (at least 1; at most `GASDEV_FRAME_MAX_IDENTIFIERS` to encode).
    pub identifier_count: usize,
    /// The identifiers, in order.
    pub identifiers: [gasdev_identifier; GASDEV_FRAME_MAX_IDENTIFIERS],
    /// Product model (UTF-8, 1–255 bytes).
    pub model: *const c_char,
    /// Its length in bytes.
    pub model_len: usize,
    /// Firmware version (UTF-8, 1–255 bytes).
    pub firmware: *const c_char,
    /// Its length in bytes.
    pub firmware_len: usize,
}

/// A command, or the command an acknowledgement refers to.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct gasdev_command {
    /// A `GASDEV_COMMAND_CODE_…` constant.
    pub code: u8,
    /// `MUTE`: seconds (1–65535); `SET_REPORT_INTERVAL`: seconds (60–604800); otherwise 0.
    pub seconds: u32,
}

/// An acknowledgement or a negative acknowledgement.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct gasdev_ack {
    /// The sequence number of the command frame.
    pub ack_seq: u16,
    /// `ACK`: a `GASDEV_COMMAND_CODE_…` constant; `NAK`: the command byte as received (it may be
    /// unknown or forbidden: that is why it was refused).
    pub command_code: u8,
    /// `NAK` only: a `GASDEV_NAK_REASON_…` constant.
    pub reason: u8,
}

/// A frame: the header fields and the message; which members count depends on `message_type`.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct gasdev_frame {
    /// A `GASDEV_MESSAGE_TYPE_…` constant (or, decoded, an unassigned type byte).
    pub message_type: u8,
    /// Sequence number, wrapping, per sender.
    pub seq: u16,
    /// Unix seconds (UTC); 0 when the device's clock is not set (unknown, never 1970).
    pub timestamp: u32,
    /// `STATUS`, `IDENTITY`: a `GASDEV_DEVICE_KIND_…` constant.
    pub kind: u8,
    /// `STATUS`, `EVENT`: the state.
    pub snapshot: gasdev_snapshot,
    /// `EVENT`: what happened.
    pub event: gasdev_event,
    /// `IDENTITY`: what the device is.
    pub identity: gasdev_identity,
    /// `COMMAND`: the command.
    pub command: gasdev_command,
    /// `ACK`, `NAK`: the acknowledgement.
    pub ack: gasdev_ack,
    /// Assigned types: TLVs this version does not define, kept as raw bytes (may be NULL with
    /// length 0).
    pub extensions: *const u8,
    /// Their length in bytes.
    pub extensions_len: usize,
    /// Unassigned types: the body, uninterpreted (may be NULL with length 0).
    pub body: *const u8,
    /// Its length in bytes.
    pub body_len: usize,
}

const NO_READING: gasdev_reading = gasdev_reading {
    known: false,
    unit: 0,
    lel_basis_centi_pct_vol: 0,
    centi: 0,
};

const NO_IDENTIFIER: gasdev_identifier = gasdev_identifier {
    carrier: 0,
    value: core::ptr::null(),
    value_len: 0,
};

/// An all-absent frame (every pointer NULL, every enumerated field 0).
const EMPTY: gasdev_frame = gasdev_frame {
    message_type: 0,
    seq: 0,
    timestamp: 0,
    kind: 0,
    snapshot: gasdev_snapshot {
        has_alarm: false,
        alarm: gasdev_alarm_status {
            gas: 0,
            co: 0,
            preheat: false,
            fault: false,
            end_of_life: false,
            self_test: false,
            muted: false,
        },
        has_valve: false,
        valve: gasdev_valve_status {
            state: 0,
            trip: 0,
            manual_reset_required: false,
        },
        has_methane: false,
        methane: NO_READING,
        has_carbon_monoxide: false,
        carbon_monoxide: NO_READING,
        has_propane: false,
        propane: NO_READING,
    },
    event: gasdev_event {
        code: 0,
        gas: 0,
        level: 0,
        trip: 0,
        manual_reset_required: false,
        fault: 0,
        active: false,
        passed: false,
        muted: false,
        arg: 0,
    },
    identity: gasdev_identity {
        tier: 0,
        capabilities: 0,
        identifier_count: 0,
        identifiers: [NO_IDENTIFIER; GASDEV_FRAME_MAX_IDENTIFIERS],
        model: core::ptr::null(),
        model_len: 0,
        firmware: core::ptr::null(),
        firmware_len: 0,
    },
    command: gasdev_command {
        code: 0,
        seconds: 0,
    },
    ack: gasdev_ack {
        ack_seq: 0,
        command_code: 0,
        reason: 0,
    },
    extensions: core::ptr::null(),
    extensions_len: 0,
    body: core::ptr::null(),
    body_len: 0,
};

// --- C → Rust -------------------------------------------------------------------------------

const BAD: gasdev_result = gasdev_result::InvalidParameter;

pub(crate) fn kind_in(v: u8) -> Res<DeviceKind> {
    wire::kind_from(v).ok_or(BAD)
}

pub(crate) fn tier_in(v: u8) -> Res<Tier> {
    wire::tier_from(v).ok_or(BAD)
}

fn gas_in(v: u8) -> Res<Gas> {
    wire::gas_from(v).ok_or(BAD)
}

fn level_in(v: u8) -> Res<AlarmLevel> {
    wire::level_from(v).ok_or(BAD)
}

fn trip_in(v: u8) -> Res<Option<TripReason>> {
    wire::trip_from(v).ok_or(BAD)
}

fn valve_state_in(v: u8) -> Res<ValveState> {
    wire::valve_state_from(v).ok_or(BAD)
}

/// A reading; `bad_value` is the error for a value out of its unit's range or an invalid LEL basis.
pub(crate) fn reading_in(r: &gasdev_reading, bad_value: gasdev_result) -> Res<Reading> {
    if !r.known {
        return Ok(Reading::Unknown);
    }
    let unit = match r.unit {
        x if x == gasdev_unit::PctLel as u8 => {
            ConcentrationUnit::PctLel(LelBasis::new(r.lel_basis_centi_pct_vol).ok_or(bad_value)?)
        }
        x if x == gasdev_unit::Ppm as u8 => ConcentrationUnit::Ppm,
        x if x == gasdev_unit::PctVol as u8 => ConcentrationUnit::PctVol,
        _ => return Err(BAD),
    };
    Concentration::new(r.centi, unit)
        .map(Reading::Value)
        .map_err(|_| bad_value)
}

pub(crate) fn alarm_in(a: &gasdev_alarm_status) -> Res<AlarmStatus> {
    Ok(AlarmStatus {
        gas: level_in(a.gas)?,
        co: level_in(a.co)?,
        preheat: a.preheat,
        fault: a.fault,
        end_of_life: a.end_of_life,
        self_test: a.self_test,
        muted: a.muted,
    })
}

/// A valve status as given (its invariants are checked by the encoder or the mapping).
pub(crate) fn valve_in(v: &gasdev_valve_status) -> Res<ValveStatus> {
    Ok(ValveStatus {
        state: valve_state_in(v.state)?,
        trip: trip_in(v.trip)?,
        manual_reset_required: v.manual_reset_required,
    })
}

fn snapshot_in(s: &gasdev_snapshot) -> Res<Snapshot> {
    let alarm = if s.has_alarm {
        Some(alarm_in(&s.alarm)?)
    } else {
        None
    };
    let valve = if s.has_valve {
        Some(valve_in(&s.valve)?)
    } else {
        None
    };
    // One loop over the three readings instead of three inlined copies (firmware flash).
    let mut readings = [None; 3];
    for (slot, (has, r)) in readings.iter_mut().zip([
        (s.has_methane, &s.methane),
        (s.has_carbon_monoxide, &s.carbon_monoxide),
        (s.has_propane, &s.propane),
    ]) {
        if has {
            *slot = Some(reading_in(r, gasdev_result::FrameBadConcentration)?);
        }
    }
    let [methane, carbon_monoxide, propane] = readings;
    Ok(Snapshot {
        alarm,
        valve,
        methane,
        carbon_monoxide,
        propane,
    })
}

fn event_in(e: &gasdev_event) -> Res<Event> {
    // A raised level's code is the alarm level's (low 2, high 3); "none" is not one.
    let raised = |v: u8| RaisedLevel::from_code(v).ok_or(BAD);
    let fault = |v: u8| FaultKind::from_code(v).ok_or(BAD);
    Ok(match e.code {
        x if x == gasdev_event_code::AlarmRaised as u8 => Event::AlarmRaised {
            gas: gas_in(e.gas)?,
            level: raised(e.level)?,
        },
        x if x == gasdev_event_code::AlarmCleared as u8 => Event::AlarmCleared {
            gas: gas_in(e.gas)?,
        },
        x if x == gasdev_event_code::ValveClosed as u8 => Event::ValveClosed {
            trip: trip_in(e.trip)?,
            manual_reset_required: e.manual_reset_required,
        },
        x if x == gasdev_event_code::Fault as u8 => Event::Fault {
            fault: fault(e.fault)?,
            active: e.active,
        },
        x if x == gasdev_event_code::EndOfLife as u8 => Event::EndOfLife,
        x if x == gasdev_event_code::Tamper as u8 => Event::Tamper,
        x if x == gasdev_event_code::PowerLost as u8 => Event::PowerLost,
        x if x == gasdev_event_code::PowerRestored as u8 => Event::PowerRestored,
        x if x == gasdev_event_code::SelfTestResult as u8 => {
            Event::SelfTestResult { passed: e.passed }
        }
        x if x == gasdev_event_code::Mute as u8 => Event::Mute { muted: e.muted },
        // Unassigned codes are kept (and checked by the encoder, [FRAME-052]).
        code => Event::Unknown { code, arg: e.arg },
    })
}

fn command_code_in(v: u8) -> Res<CommandCode> {
    CommandCode::from_code(v).map_err(|k| gasdev_result::from_code(k.code()))
}

fn command_in(c: &gasdev_command) -> Res<Command> {
    Ok(match command_code_in(c.code)? {
        CommandCode::CloseValve => Command::CloseValve,
        CommandCode::SelfTest => Command::SelfTest,
        CommandCode::Mute => Command::Mute {
            seconds: u16::try_from(c.seconds).map_err(|_| gasdev_result::FrameBadField)?,
        },
        CommandCode::SetReportInterval => Command::SetReportInterval { seconds: c.seconds },
        CommandCode::RequestStatus => Command::RequestStatus,
    })
}

fn nak_reason_in(v: u8) -> Res<NakReason> {
    NakReason::from_code(v).ok_or(BAD)
}

/// The C text `ptr[0..len]` as UTF-8 (empty when NULL with length 0).
///
/// # Safety
/// `ptr` is NULL or valid for reads of `len` bytes.
unsafe fn str_in<'a>(ptr: *const c_char, len: usize) -> Res<&'a str> {
    // SAFETY: forwarded caller contract.
    unsafe { opt_text(ptr, len) }
}

/// Everything a frame to encode borrows from C memory.
struct Borrowed<'a> {
    identifiers: [Identifier<'a>; GASDEV_FRAME_MAX_IDENTIFIERS],
    identifier_count: usize,
    model: &'a str,
    firmware: &'a str,
    extensions: &'a [u8],
    body: &'a [u8],
}

impl Borrowed<'_> {
    /// Every borrowed input and the frame struct itself, to check that the output buffer overlaps
    /// none of them.
    fn inputs(&self, frame: &gasdev_frame) -> [Span; GASDEV_FRAME_MAX_IDENTIFIERS + 5] {
        let id = |i: usize| {
            self.identifiers
                .get(i)
                .map_or(Span::default(), |x| Span::of(x.value.as_bytes()))
        };
        [
            id(0),
            id(1),
            id(2),
            id(3),
            Span::of(self.model.as_bytes()),
            Span::of(self.firmware.as_bytes()),
            Span::of(self.extensions),
            Span::of(self.body),
            Span::of_val(frame),
        ]
    }
}

/// Borrow the pointers of `f` that its message type uses.
///
/// # Safety
/// Every pointer of `f` that its message type uses is NULL with length 0, or valid for reads of its
/// length.
unsafe fn borrow(f: &gasdev_frame) -> Res<Borrowed<'_>> {
    let mut b = Borrowed {
        identifiers: [Identifier {
            carrier: CarrierKind::QrCode,
            value: "",
        }; GASDEV_FRAME_MAX_IDENTIFIERS],
        identifier_count: 0,
        model: "",
        firmware: "",
        extensions: &[],
        body: &[],
    };
    let assigned = wire::MessageType::from_code(f.message_type).is_some();
    if assigned {
        // SAFETY: forwarded caller contract.
        b.extensions = unsafe { opt_bytes(f.extensions, f.extensions_len) }?;
    } else {
        // SAFETY: forwarded caller contract.
        b.body = unsafe { opt_bytes(f.body, f.body_len) }?;
    }
    if f.message_type == gasdev_message_type::Identity as u8 {
        let i = &f.identity;
        if i.identifier_count > GASDEV_FRAME_MAX_IDENTIFIERS {
            return Err(BAD);
        }
        for (slot, id) in b
            .identifiers
            .iter_mut()
            .zip(&i.identifiers)
            .take(i.identifier_count)
        {
            *slot = Identifier {
                carrier: CarrierKind::from_code(id.carrier).ok_or(BAD)?,
                // SAFETY: forwarded caller contract.
                value: unsafe { str_in(id.value, id.value_len) }?,
            };
        }
        b.identifier_count = i.identifier_count;
        // SAFETY: forwarded caller contract.
        b.model = unsafe { str_in(i.model, i.model_len) }?;
        // SAFETY: forwarded caller contract.
        b.firmware = unsafe { str_in(i.firmware, i.firmware_len) }?;
    }
    Ok(b)
}

fn repr_in<'a>(f: &gasdev_frame, b: &'a Borrowed<'a>) -> Res<FrameRepr<'a>> {
    // Parsed once, before the message (pure, so the error order stays: each `ext?` below is where
    // the per-type code used to parse them). One call site instead of six keeps firmware flash down.
    let ext = Tlvs::parse(b.extensions).map_err(|e| gasdev_result::from_code(e.code()));
    // Likewise the snapshot (status and event): pure, read from the struct alone.
    let snapshot = snapshot_in(&f.snapshot);
    let kind = kind_in(f.kind);
    let message = match f.message_type {
        x if x == gasdev_message_type::Status as u8 => Message::Status(StatusReport {
            kind: kind?,
            snapshot: snapshot?,
            extensions: ext?,
        }),
        x if x == gasdev_message_type::Event as u8 => Message::Event(EventReport {
            event: event_in(&f.event)?,
            snapshot: snapshot?,
            extensions: ext?,
        }),
        x if x == gasdev_message_type::Identity as u8 => Message::Identity(Identity {
            kind: kind?,
            tier: tier_in(f.identity.tier)?,
            capabilities: CapabilitySet::from_bits(f.identity.capabilities).ok_or(BAD)?,
            identifiers: Identifiers::new(b.identifiers.get(..b.identifier_count).ok_or(BAD)?),
            model: b.model,
            firmware: b.firmware,
            extensions: ext?,
        }),
        x if x == gasdev_message_type::Command as u8 => Message::Command(CommandRequest {
            command: command_in(&f.command)?,
            extensions: ext?,
        }),
        x if x == gasdev_message_type::Ack as u8 => Message::Ack(Ack {
            ack_seq: f.ack.ack_seq,
            command: command_code_in(f.ack.command_code)?,
            extensions: ext?,
        }),
        x if x == gasdev_message_type::Nak as u8 => Message::Nak(Nak {
            ack_seq: f.ack.ack_seq,
            command_code: f.ack.command_code,
            reason: nak_reason_in(f.ack.reason)?,
            extensions: ext?,
        }),
        // Unassigned types are kept (and checked by the encoder, [FRAME-011]).
        msg_type => Message::Unknown(UnknownMessage {
            msg_type,
            body: b.body,
        }),
    };
    Ok(FrameRepr {
        seq: f.seq,
        timestamp: Timestamp::from_unix(f.timestamp),
        message,
    })
}

// --- Rust → C -------------------------------------------------------------------------------

// The C enumerations' values are the frame's wire codes (tested below), so the core's mappings
// convert both ways.

pub(crate) fn level_out(l: AlarmLevel) -> u8 {
    l.code()
}

fn gas_out(g: Gas) -> u8 {
    g.code()
}

fn trip_out(t: Option<TripReason>) -> u8 {
    wire::trip_code(t)
}

#[cfg_attr(
    feature = "device",
    expect(dead_code, reason = "the device profile decodes no reports")
)]
fn kind_out(k: DeviceKind) -> u8 {
    k.code()
}

fn reading_out(r: Option<Reading>) -> (bool, gasdev_reading) {
    let Some(r) = r else {
        return (false, NO_READING);
    };
    let Reading::Value(c) = r else {
        return (true, NO_READING);
    };
    let (unit, basis) = match c.unit() {
        ConcentrationUnit::PctLel(b) => (gasdev_unit::PctLel, b.centi_pct_vol()),
        ConcentrationUnit::Ppm => (gasdev_unit::Ppm, 0),
        ConcentrationUnit::PctVol => (gasdev_unit::PctVol, 0),
    };
    (
        true,
        gasdev_reading {
            known: true,
            unit: unit as u8,
            lel_basis_centi_pct_vol: basis,
            centi: c.centi(),
        },
    )
}

#[cfg_attr(
    feature = "device",
    expect(dead_code, reason = "the device profile decodes no reports")
)]
fn snapshot_out(s: &Snapshot, out: &mut gasdev_snapshot) {
    if let Some(a) = s.alarm {
        out.has_alarm = true;
        out.alarm = gasdev_alarm_status {
            gas: level_out(a.gas),
            co: level_out(a.co),
            preheat: a.preheat,
            fault: a.fault,
            end_of_life: a.end_of_life,
            self_test: a.self_test,
            muted: a.muted,
        };
    }
    if let Some(v) = s.valve {
        out.has_valve = true;
        out.valve = gasdev_valve_status {
            state: match v.state {
                ValveState::Open => gasdev_valve_state::Open,
                ValveState::Closed => gasdev_valve_state::Closed,
                ValveState::Opening => gasdev_valve_state::Opening,
                ValveState::Closing => gasdev_valve_state::Closing,
                ValveState::Fault => gasdev_valve_state::Fault,
                ValveState::NotConnected => gasdev_valve_state::NotConnected,
                ValveState::Unknown => gasdev_valve_state::Unknown,
            } as u8,
            trip: trip_out(v.trip),
            manual_reset_required: v.manual_reset_required,
        };
    }
    (out.has_methane, out.methane) = reading_out(s.methane);
    (out.has_carbon_monoxide, out.carbon_monoxide) = reading_out(s.carbon_monoxide);
    (out.has_propane, out.propane) = reading_out(s.propane);
}

#[cfg_attr(
    feature = "device",
    expect(dead_code, reason = "the device profile decodes no reports")
)]
fn event_out(e: &Event, out: &mut gasdev_event) {
    use gasdev_event_code as C;
    let code = match *e {
        Event::AlarmRaised { gas, level } => {
            out.gas = gas_out(gas);
            out.level = level_out(level.into());
            C::AlarmRaised
        }
        Event::AlarmCleared { gas } => {
            out.gas = gas_out(gas);
            C::AlarmCleared
        }
        Event::ValveClosed {
            trip,
            manual_reset_required,
        } => {
            out.trip = trip_out(trip);
            out.manual_reset_required = manual_reset_required;
            C::ValveClosed
        }
        Event::Fault { fault, active } => {
            out.fault = fault.code();
            out.active = active;
            C::Fault
        }
        Event::EndOfLife => C::EndOfLife,
        Event::Tamper => C::Tamper,
        Event::PowerLost => C::PowerLost,
        Event::PowerRestored => C::PowerRestored,
        Event::SelfTestResult { passed } => {
            out.passed = passed;
            C::SelfTestResult
        }
        Event::Mute { muted } => {
            out.muted = muted;
            C::Mute
        }
        Event::Unknown { code, arg } => {
            out.code = code;
            out.arg = arg;
            return;
        }
    };
    out.code = code as u8;
}

/// Fill `f` (all-absent) from `r`, in place (firmware stacks are small). In the device profile
/// (feature `device`) the decoder yields commands and uninterpreted messages only, so the other
/// arms are not compiled.
fn repr_out(r: &FrameRepr<'_>, f: &mut gasdev_frame) {
    f.message_type = r.message.type_code();
    f.seq = r.seq;
    f.timestamp = r.timestamp.to_wire();
    let mut ext = |t: &Tlvs<'_>| {
        let b = t.as_bytes();
        if !b.is_empty() {
            f.extensions = b.as_ptr();
            f.extensions_len = b.len();
        }
    };
    match &r.message {
        #[cfg(not(feature = "device"))]
        Message::Status(s) => {
            ext(&s.extensions);
            f.kind = kind_out(s.kind);
            snapshot_out(&s.snapshot, &mut f.snapshot);
        }
        #[cfg(not(feature = "device"))]
        Message::Event(e) => {
            ext(&e.extensions);
            snapshot_out(&e.snapshot, &mut f.snapshot);
            event_out(&e.event, &mut f.event);
        }
        #[cfg(not(feature = "device"))]
        Message::Identity(i) => {
            ext(&i.extensions);
            f.kind = kind_out(i.kind);
            f.identity.tier = (match i.tier {
                Tier::Low => gasdev_tier::Low,
                Tier::Mid => gasdev_tier::Mid,
                Tier::High => gasdev_tier::High,
            }) as u8;
            f.identity.capabilities = i.capabilities.bits();
            let mut n = 0usize;
            for id in i.identifiers.iter() {
                if let Some(slot) = f.identity.identifiers.get_mut(n) {
                    *slot = gasdev_identifier {
                        carrier: id.carrier.code(),
                        value: id.value.as_ptr().cast::<c_char>(),
                        value_len: id.value.len(),
                    };
                }
                n = n.saturating_add(1);
            }
            f.identity.identifier_count = n;
            f.identity.model = i.model.as_ptr().cast::<c_char>();
            f.identity.model_len = i.model.len();
            f.identity.firmware = i.firmware.as_ptr().cast::<c_char>();
            f.identity.firmware_len = i.firmware.len();
        }
        Message::Command(c) => {
            ext(&c.extensions);
            f.command = gasdev_command {
                code: c.command.code().code(),
                seconds: match c.command {
                    Command::Mute { seconds } => u32::from(seconds),
                    Command::SetReportInterval { seconds } => seconds,
                    _ => 0,
                },
            };
        }
        #[cfg(not(feature = "device"))]
        Message::Ack(a) => {
            ext(&a.extensions);
            f.ack = gasdev_ack {
                ack_seq: a.ack_seq,
                command_code: a.command.code(),
                reason: 0,
            };
        }
        #[cfg(not(feature = "device"))]
        Message::Nak(n) => {
            ext(&n.extensions);
            f.ack = gasdev_ack {
                ack_seq: n.ack_seq,
                command_code: n.command_code,
                reason: n.reason.code(),
            };
        }
        Message::Unknown(u) => {
            if !u.body.is_empty() {
                f.body = u.body.as_ptr();
                f.body_len = u.body.len();
            }
        }
        #[cfg(feature = "device")]
        Message::Status(_)
        | Message::Event(_)
        | Message::Identity(_)
        | Message::Ack(_)
        | Message::Nak(_) => {}
    }
}

// --- exports --------------------------------------------------------------------------------

/// Encode `frame` into `out` (`cap` bytes; `GASDEV_FRAME_MAX_LEN` always suffices); `*out_len`
/// receives the frame's length. The encoder validates everything the decoder checks and never writes
/// a frame that would not decode to the same struct; the encoding is canonical.
///
/// Errors: `GASDEV_RESULT_INVALID_PARAMETER` for an undefined enumerated value, more than
/// `GASDEV_FRAME_MAX_IDENTIFIERS` identifiers, or an `out` that overlaps an input; the frame
/// codec's `GASDEV_RESULT_FRAME_…` errors (e.g. `FRAME_MISSING_FIELD`, `FRAME_INCONSISTENT_VALVE`,
/// `FRAME_FORBIDDEN_COMMAND`); `GASDEV_RESULT_NOT_UTF8` for text that is not UTF-8;
/// `GASDEV_RESULT_BUFFER_TOO_SMALL` with the size needed in `*out_len`. `out` is written only on
/// success.
///
/// # Safety
/// `frame` points to a valid `gasdev_frame` whose pointers (for its message type) are NULL with
/// length 0 or valid for reads of their length; `out` is valid for writes of `cap` bytes; `out_len`
/// is valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gasdev_frame_encode(
    frame: *const gasdev_frame,
    out: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> gasdev_result {
    guard(|| {
        // Every output apart from every input and every other output (before any use).
        disjoint(
            &[Span::ptr(frame)],
            &[Span::raw(out, cap), Span::ptr(out_len)],
        )?;
        check_out(out_len)?;
        // SAFETY: valid struct (caller contract).
        let f = unsafe { input(frame) }?;
        // SAFETY: the struct's pointers are valid for their lengths (caller contract).
        let borrowed = unsafe { borrow(f) }?;
        // SAFETY: `out` valid for `cap` bytes (caller contract); overlap with every input checked.
        let buf = unsafe { buffer(out, cap, &borrowed.inputs(f)) }?;
        let written = match repr_in(f, &borrowed)?.emit(buf) {
            Ok(n) => Ok(n),
            Err(EmitError::BufferTooSmall { needed }) => Err(needed),
            Err(e) => return Err(gasdev_result::from_code(e.code())),
        };
        // SAFETY: checked by check_out above.
        unsafe { write_len(out_len, written) }
    })
}

/// Decode exactly one frame that fills `bytes[0..len]` (header, length, CRC-32C, no trailing bytes,
/// message) into `*out`. Text and byte fields of `*out` point into `bytes`, which must outlive it.
///
/// On a frame error (`GASDEV_RESULT_FRAME_…`) the optional `*error_offset` receives the byte offset
/// where the problem was found, and `*out` is not written.
///
/// Device profile (a firmware build with the `device` feature, spec/security.md [SEC-070]): only
/// commands are interpreted; a status, event, identity, ACK or NAK frame decodes as a message of its
/// `message_type` with its uninterpreted `body`, as an unknown type does.
///
/// # Safety
/// `bytes` is valid for reads of `len` bytes; `out` is valid for a write; `error_offset` is NULL or
/// valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gasdev_frame_decode(
    bytes: *const u8,
    len: usize,
    out: *mut gasdev_frame,
    error_offset: *mut usize,
) -> gasdev_result {
    guard(|| {
        // SAFETY: valid for `len` bytes (caller contract).
        let input = unsafe { parser_input(bytes, len, out, error_offset) }?;
        // SAFETY: NULL or valid for a write (caller contract).
        let repr = unsafe { reject_at(wire::decode(input), error_offset) }?;
        // SAFETY: checked by parser_input above; the caller does not use `*out` during the call.
        repr_out(&repr, unsafe { write_init(out, EMPTY) });
        Ok(())
    })
}

/// Decode a frame for the other modules (the GB/T mapping).
pub(crate) fn decode(bytes: &[u8]) -> Result<FrameRepr<'_>, wire::Error> {
    wire::decode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use gasdev::wire::Capability;

    #[test]
    fn capability_bits_are_the_core_bits() {
        let c = [
            GASDEV_CAPABILITY_DETECTS_METHANE,
            GASDEV_CAPABILITY_DETECTS_CARBON_MONOXIDE,
            GASDEV_CAPABILITY_DETECTS_PROPANE,
            GASDEV_CAPABILITY_INTERLOCK_WIRED,
            GASDEV_CAPABILITY_INTERLOCK_WIRELESS,
            GASDEV_CAPABILITY_REPORTS_RUNNING_STATUS,
            GASDEV_CAPABILITY_REPORTS_VALVE_STATE,
            GASDEV_CAPABILITY_REPORTS_CONCENTRATION,
            GASDEV_CAPABILITY_AUTO_CLOSE_OVER_PRESSURE,
            GASDEV_CAPABILITY_AUTO_CLOSE_UNDER_PRESSURE,
            GASDEV_CAPABILITY_AUTO_CLOSE_OVER_FLOW,
            GASDEV_CAPABILITY_CLOSES_WITHOUT_POWER,
            GASDEV_CAPABILITY_MANUAL_RESET,
            GASDEV_CAPABILITY_REMOTE_CLOSE,
        ];
        assert_eq!(c.len(), Capability::ALL.len());
        for (bit, cap) in c.iter().zip(Capability::ALL) {
            assert_eq!(*bit, cap.bit(), "{cap:?}");
        }
    }

    #[test]
    fn trip_out_matches_the_declared_values() {
        use gasdev_trip_reason as T;
        let cases = [
            (None, T::None),
            (Some(TripReason::OverPressure), T::OverPressure),
            (Some(TripReason::UnderPressure), T::UnderPressure),
            (Some(TripReason::OverFlow), T::OverFlow),
            (Some(TripReason::AlarmInterlock), T::AlarmInterlock),
            (Some(TripReason::Manual), T::Manual),
            (Some(TripReason::RemoteClose), T::RemoteClose),
            (Some(TripReason::PowerLoss), T::PowerLoss),
        ];
        for (t, want) in cases {
            assert_eq!(trip_out(t), want as u8, "{t:?}");
            assert_eq!(trip_in(want as u8), Ok(t), "{t:?}");
        }
    }

    /// The `_in` conversions use the wire decoder's mappings (`wire::*_from`): the C constants
    /// must be exactly the wire codes, and every other byte must be refused.
    #[test]
    fn enum_inputs_accept_exactly_the_declared_values() {
        use gasdev_alarm_level as L;
        use gasdev_valve_state as V;
        let kinds = [
            (gasdev_device_kind::LeakAlarm as u8, DeviceKind::LeakAlarm),
            (
                gasdev_device_kind::SelfClosingValve as u8,
                DeviceKind::SelfClosingValve,
            ),
        ];
        let tiers = [
            (gasdev_tier::Low as u8, Tier::Low),
            (gasdev_tier::Mid as u8, Tier::Mid),
            (gasdev_tier::High as u8, Tier::High),
        ];
        let gases = [
            (gasdev_gas::Methane as u8, Gas::Methane),
            (gasdev_gas::CarbonMonoxide as u8, Gas::CarbonMonoxide),
            (gasdev_gas::Propane as u8, Gas::Propane),
        ];
        let levels = [
            (L::None as u8, AlarmLevel::None),
            (L::Low as u8, AlarmLevel::Low),
            (L::High as u8, AlarmLevel::High),
        ];
        let states = [
            (V::Open as u8, ValveState::Open),
            (V::Closed as u8, ValveState::Closed),
            (V::Opening as u8, ValveState::Opening),
            (V::Closing as u8, ValveState::Closing),
            (V::Fault as u8, ValveState::Fault),
            (V::NotConnected as u8, ValveState::NotConnected),
            (V::Unknown as u8, ValveState::Unknown),
        ];
        fn find<T: Copy>(table: &[(u8, T)], v: u8) -> Res<T> {
            table
                .iter()
                .find(|(c, _)| *c == v)
                .map(|(_, t)| *t)
                .ok_or(BAD)
        }
        for v in 0..=u8::MAX {
            assert_eq!(kind_in(v), find(&kinds, v), "{v}");
            assert_eq!(tier_in(v), find(&tiers, v), "{v}");
            assert_eq!(gas_in(v), find(&gases, v), "{v}");
            assert_eq!(level_in(v), find(&levels, v), "{v}");
            assert_eq!(valve_state_in(v), find(&states, v), "{v}");
            assert_eq!(
                trip_in(v).is_ok(),
                v <= gasdev_trip_reason::PowerLoss as u8,
                "{v}"
            );
        }
        for (c, k) in kinds {
            assert_eq!(kind_out(k), c);
        }
        for (c, g) in gases {
            assert_eq!(gas_out(g), c);
        }
        for (c, l) in levels {
            assert_eq!(level_out(l), c);
        }
    }

    #[test]
    fn fault_kinds_and_raised_levels_are_the_wire_codes() {
        use gasdev_fault_kind as F;
        let faults = [
            (F::Sensor, FaultKind::Sensor),
            (F::Valve, FaultKind::Valve),
            (F::Communication, FaultKind::Communication),
            (F::Power, FaultKind::Power),
            (F::Other, FaultKind::Other),
        ];
        assert_eq!(faults.len(), FaultKind::ALL.len());
        for (c, f) in faults {
            assert_eq!(c as u8, f.code(), "{f:?}");
        }
        assert_eq!(
            gasdev_alarm_level::Low as u8,
            RaisedLevel::Low.code(),
            "low"
        );
        assert_eq!(
            gasdev_alarm_level::High as u8,
            RaisedLevel::High.code(),
            "high"
        );
        assert!(RaisedLevel::from_code(gasdev_alarm_level::None as u8).is_none());
    }

    #[test]
    fn carriers_and_commands_are_the_wire_codes() {
        for (i, k) in CarrierKind::ALL.iter().enumerate() {
            assert_eq!(usize::from(k.code()), i + 1);
        }
        assert_eq!(gasdev_carrier::SecureChip as usize, CarrierKind::ALL.len());
        for c in CommandCode::ALL {
            assert_eq!(command_code_in(c.code()), Ok(c));
        }
        assert_eq!(
            command_code_in(2).err(),
            Some(gasdev_result::FrameForbiddenCommand)
        );
    }

    /// Every valid frame vector decodes into the C struct and encodes back to the same bytes.
    #[test]
    fn c_structs_round_trip_every_valid_frame_vector() {
        let doc: serde_json_free::Doc = serde_json_free::load();
        let mut n = 0;
        for bytes in doc.valid_frames {
            let mut f = EMPTY;
            let mut off = 0usize;
            // SAFETY: valid pointers to live locals.
            let r = unsafe { gasdev_frame_decode(bytes.as_ptr(), bytes.len(), &mut f, &mut off) };
            assert_eq!(r, gasdev_result::Ok);
            let mut out = [0u8; GASDEV_FRAME_MAX_LEN];
            let mut len = 0usize;
            // SAFETY: valid pointers to live locals; `f` points into `bytes`, disjoint from `out`.
            let r = unsafe { gasdev_frame_encode(&f, out.as_mut_ptr(), out.len(), &mut len) };
            assert_eq!(r, gasdev_result::Ok, "{bytes:02x?}");
            assert_eq!(&out[..len], &bytes[..]);
            n += 1;
        }
        assert!(n >= 30, "{n} frames");
    }

    /// A minimal reader of the frame vectors (this crate has no JSON dependency in tests).
    mod serde_json_free {
        use std::vec::Vec;

        pub(super) struct Doc {
            pub(super) valid_frames: Vec<Vec<u8>>,
        }

        /// The `"frame": "<hex>"` inputs of the `valid` cases without a declaration.
        pub(super) fn load() -> Doc {
            let text = include_str!("../../spec/vectors/frames.json");
            let mut valid_frames = Vec::new();
            for case in text.split("\"tcId\"").skip(1) {
                let valid = case.contains("\"result\": \"valid\"");
                if !valid || case.contains("\"declaration\"") || case.contains("\"stream\"") {
                    continue;
                }
                let Some(rest) = case.split("\"frame\": \"").nth(1) else {
                    continue;
                };
                let hex = rest.split('"').next().unwrap();
                let bytes = (0..hex.len())
                    .step_by(2)
                    .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
                    .collect();
                valid_frames.push(bytes);
            }
            Doc { valid_frames }
        }
    }
}
