//! GB/T 26875.3-2011 fire-alarm transmission packets (`spec/gbt26875.md`): decode (strict or
//! tolerant) into caller structs, read the information objects, encode, answer, and map alarm and
//! valve states (or a libgasdev frame) onto GB/T objects.

use core::ffi::c_char;
use core::mem::size_of;

use gasdev::gbt26875::{
    self as gbt, Address, AduRepr, Answer, ComponentId, Decoded, Description, Deviation, Header,
    Item, Layout, Mapped, Mode, Object, Options, Point, Policy, Raise, Readings, SystemId,
    TimeLabel, Version,
};

use crate::boundary::{
    Res, Span, buffer, bytes, check_out, disjoint, guard, input, opt_bytes, opt_text, parser_input,
    reject_at, write, write_len,
};
use crate::frame::{
    alarm_in, gasdev_alarm_status, gasdev_reading, gasdev_valve_status, reading_in, valve_in,
};
use crate::result::gasdev_result;

/// Flag of `gasdev_gbt_decode`: accept only conformant packets (the first deviation is an error).
/// Without it the decoder is tolerant and reports each deviation in `gasdev_gbt_packet.deviations`.
pub const GASDEV_GBT_STRICT: u32 = 1;
/// Flag of `gasdev_gbt_decode`: do not reject a wrong checksum (`checksum_ok` tells the truth). For
/// diagnosis only, never for acting on data.
pub const GASDEV_GBT_NO_CHECKSUM: u32 = 2;

/// Deviation bit: main version byte other than 1 (`spec/gbt26875.md` [GBT-20]).
pub const GASDEV_GBT_DEVIATION_VERSION: u32 = 1 << 0;
/// Deviation bit: empty ADU under a data command (a heartbeat) [GBT-21].
pub const GASDEV_GBT_DEVIATION_EMPTY_ADU: u32 = 1 << 1;
/// Deviation bit: objects sent without their time labels [GBT-22].
pub const GASDEV_GBT_DEVIATION_MISSING_TIME_LABELS: u32 = 1 << 2;
/// Deviation bit: a length that fits no layout; objects kept raw [GBT-23].
pub const GASDEV_GBT_DEVIATION_OBJECTS_UNPARSED: u32 = 1 << 3;
/// Deviation bit: object count 0 or above the type's maximum [GBT-24].
pub const GASDEV_GBT_DEVIATION_COUNT_OUT_OF_RANGE: u32 = 1 << 4;
/// Deviation bit: reserved command byte [GBT-25].
pub const GASDEV_GBT_DEVIATION_RESERVED_COMMAND: u32 = 1 << 5;
/// Deviation bit: reserved type flag, kept raw [GBT-26].
pub const GASDEV_GBT_DEVIATION_RESERVED_TYPE: u32 = 1 << 6;
/// Deviation bit: a reserved bit or byte set, or a field out of range [GBT-27].
pub const GASDEV_GBT_DEVIATION_RESERVED_FIELD: u32 = 1 << 7;
/// Deviation bit: a time label that is not a valid date and time [GBT-28].
pub const GASDEV_GBT_DEVIATION_BAD_TIME: u32 = 1 << 8;
/// Deviation bit: description with leading NULs or bytes after its end [GBT-29].
pub const GASDEV_GBT_DEVIATION_DESCRIPTION_PADDING: u32 = 1 << 9;
/// Deviation bit: text that is not well-formed GB 18030 [GBT-30].
pub const GASDEV_GBT_DEVIATION_TEXT_MALFORMED: u32 = 1 << 10;
/// Deviation bit: bytes after the end marker [GBT-31].
pub const GASDEV_GBT_DEVIATION_TRAILING_BYTES: u32 = 1 << 11;

/// The longest packet (30 bytes + a 1024-byte ADU): a buffer of this size holds any packet.
pub const GASDEV_GBT_MAX_LEN: usize = 1054;

const _: () = assert!(GASDEV_GBT_MAX_LEN == gbt::MAX_LEN);
/// The most objects `gasdev_gbt_encode` takes in one call (the largest count of 表3).
pub const GASDEV_GBT_MAX_OBJECTS: usize = 127;
/// The size of a 部件说明 (component description): 31 bytes of GB 18030, NUL-padded.
pub const GASDEV_GBT_DESCRIPTION_LEN: usize = 31;

/// The body layout of an information object (which fields of `gasdev_gbt_object` count).
#[repr(u8)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum gasdev_gbt_layout {
    /// Type 1: `system_*`, `status`.
    SystemStatus = 1,
    /// Type 2: `system_*`, `component_*`, `status`, `description`.
    ComponentStatus = 2,
    /// Type 3: `system_*`, `component_*`, `analog_type`, `value`.
    AnalogValue = 3,
    /// Type 4: `system_*`, `operation`, `operator_id`.
    Operation = 4,
    /// Type 5: `system_*`, `major`, `minor`.
    SoftwareVersion = 5,
    /// Type 6: `system_*`, `text`.
    SystemConfig = 6,
    /// Type 7: `system_*`, `component_*`, `description`.
    ComponentConfig = 7,
    /// Type 8: `system_*`, `object_time`.
    SystemTime = 8,
    /// Type 21: `status` (8 bits).
    UitdStatus = 9,
    /// Type 24: `operation`, `operator_id`.
    UitdOperation = 10,
    /// Type 25: `major`, `minor`.
    UitdVersion = 11,
    /// Type 26: `text`.
    UitdConfig = 12,
    /// Type 28: `object_time`.
    UitdTime = 13,
    /// Types 61, 65, 66, 68: `system_*`.
    ReadSystem = 14,
    /// Types 62, 63, 67: `system_*`, `component_address`.
    ReadComponent = 15,
    /// Type 64: `system_*`, `record_count`, `object_time` (start time).
    ReadOperations = 16,
    /// Type 84: `record_count`, `object_time` (start time).
    ReadUitdOperations = 17,
    /// Types 81, 85, 86, 88, 89: `reserved`.
    Reserved = 18,
    /// Type 90: `object_time`.
    ClockSync = 19,
    /// Type 91: `timeout_minutes`.
    AttendanceCheck = 20,
}

/// What a condition raises in a component status word (图7), in `gasdev_gbt_policy`.
#[repr(u8)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum gasdev_gbt_raise {
    /// No bit.
    Nothing = 1,
    /// Bit 1 火警 (fire alarm).
    Fire = 2,
    /// Bit 2 故障 (fault).
    Fault = 3,
    /// Bit 3 屏蔽 (disabled).
    Disabled = 4,
    /// Bit 4 监管 (supervisory).
    Supervisory = 5,
}

/// Which answer `gasdev_gbt_answer` builds.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum gasdev_gbt_answer_kind {
    /// 确认 (command 3): the packet was good and is accepted.
    Confirm = 1,
    /// 否认 (command 6): the packet failed verification or was refused.
    Deny = 2,
}

/// A time label as calendar fields. The year is 2000 + the year byte, so every label a packet can
/// carry (valid or not) round-trips; a valid one has year 2000–2099.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct gasdev_gbt_time {
    /// Year (2000–2099 when valid).
    pub year: u16,
    /// Month 1–12.
    pub month: u8,
    /// Day 1–31.
    pub day: u8,
    /// Hour 0–23.
    pub hour: u8,
    /// Minute 0–59.
    pub minute: u8,
    /// Second 0–59.
    pub second: u8,
}

/// The control unit of a packet (without the ADU length).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct gasdev_gbt_header {
    /// 业务流水号.
    pub serial: u16,
    /// 主版本号 (1 in conformant packets).
    pub version_main: u8,
    /// 用户版本号.
    pub version_user: u8,
    /// When the packet was sent.
    pub time: gasdev_gbt_time,
    /// 源地址 (48 bits).
    pub source: u64,
    /// 目的地址 (48 bits).
    pub destination: u64,
    /// 命令字节.
    pub command: u8,
}

/// A decoded packet. `adu` points into the caller's input.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct gasdev_gbt_packet {
    /// The control unit.
    pub header: gasdev_gbt_header,
    /// The checksum byte as sent.
    pub checksum: u8,
    /// The checksum matches (always true unless `GASDEV_GBT_NO_CHECKSUM`).
    pub checksum_ok: bool,
    /// A 发送数据 packet with an empty ADU (keep-alive).
    pub heartbeat: bool,
    /// `GASDEV_GBT_DEVIATION_…` bits the tolerant decoder accepted (0 in strict mode).
    pub deviations: u32,
    /// The packet length (`30 + L`; trailing bytes excluded).
    pub packet_len: usize,
    /// The packet has an ADU (its length is not 0).
    pub has_adu: bool,
    /// 类型标志.
    pub adu_type: u8,
    /// 信息对象数目, as sent.
    pub adu_count: u8,
    /// The objects carry their time labels.
    pub adu_time_labels: bool,
    /// The ADU body is passed through raw (reserved or user-defined type, or a length that fits no
    /// layout): no objects can be read.
    pub adu_raw: bool,
    /// The objects `gasdev_gbt_object_at` can read (0 when raw).
    pub object_count: usize,
    /// The ADU bytes (type flag onward).
    pub adu: *const u8,
    /// Their length, `L`.
    pub adu_len: usize,
}

/// One information object (and its time label). Which fields count depends on `layout`.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct gasdev_gbt_object {
    /// A `GASDEV_GBT_LAYOUT_…` constant.
    pub layout: u8,
    /// 系统类型.
    pub system_type: u8,
    /// 系统地址.
    pub system_address: u8,
    /// 部件类型.
    pub component_type: u8,
    /// 部件地址.
    pub component_address: u32,
    /// 系统状态, 部件状态 or 运行状态 (UITD: 8 bits).
    pub status: u16,
    /// 模拟量类型.
    pub analog_type: u8,
    /// 模拟量值 (signed count).
    pub value: i16,
    /// 操作标志.
    pub operation: u8,
    /// 操作员编号.
    pub operator_id: u8,
    /// 主版本号.
    pub major: u8,
    /// 次版本号.
    pub minor: u8,
    /// 查询操作信息记录数目.
    pub record_count: u8,
    /// The reserved byte (0).
    pub reserved: u8,
    /// 查岗应答超时 (minutes).
    pub timeout_minutes: u8,
    /// 部件说明: 31 bytes of GB 18030, NUL-padded, raw.
    pub description: [u8; GASDEV_GBT_DESCRIPTION_LEN],
    /// Configuration text (GB 18030, raw, 0–255 bytes; may be NULL with length 0).
    pub text: *const u8,
    /// Its length.
    pub text_len: usize,
    /// 系统时间, 中心时间, or the start time of a records query.
    pub object_time: gasdev_gbt_time,
    /// The object has a per-object time label (`time`). To encode, false takes the header time.
    pub has_time: bool,
    /// The per-object time label (状态发生时间, 采样时间, 记录时间).
    pub time: gasdev_gbt_time,
}

/// Where a device sits in the fire centre's view.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct gasdev_gbt_point {
    /// 系统类型 (0 通用, 1 火灾报警系统, or user-defined).
    pub system_type: u8,
    /// 系统地址.
    pub system_address: u8,
    /// 部件地址.
    pub component_address: u32,
    /// 部件说明 as UTF-8 (e.g. "厨房燃气"); encoded to GB 18030, at most 31 bytes.
    pub description: *const c_char,
    /// Its length in bytes.
    pub description_len: usize,
}

/// The configurable part of the mapping; `gasdev_gbt_policy_default` gives the documented default.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct gasdev_gbt_policy {
    /// What a low combustible-gas alarm raises (`GASDEV_GBT_RAISE_…`).
    pub gas_low: u8,
    /// What a high combustible-gas alarm raises.
    pub gas_high: u8,
    /// What a low CO alarm raises.
    pub co_low: u8,
    /// What a high CO alarm raises.
    pub co_high: u8,
    /// What a sensor at end of life raises.
    pub end_of_life: u8,
    /// What preheat raises.
    pub preheat: u8,
    /// What a closed valve raises.
    pub valve_closed: u8,
    /// Set bit 0 正常运行 unless a self-test is running.
    pub normal_bit: bool,
    /// Set bit 6 反馈 when a valve reports an end position.
    pub valve_feedback: bool,
    /// Component type of a leak alarm (表5: 10–13).
    pub alarm_component_type: u8,
    /// Component type of a valve (表5: 101).
    pub valve_component_type: u8,
    /// User-defined analog type (128–255) for CO in ppm.
    pub co_analog_type: u8,
    /// The fire centre's local time in minutes east of UTC (frames carry Unix time).
    pub utc_offset_minutes: i16,
}

/// What a device state maps to: a type-2 component status object and, for a leak alarm, 0–2
/// type-3 analog values (combustible first, then CO; unknown readings are left out).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct gasdev_gbt_mapped {
    /// The component status (layout `COMPONENT_STATUS`).
    pub status: gasdev_gbt_object,
    /// The analog values (layout `ANALOG_VALUE`).
    pub analog: [gasdev_gbt_object; 2],
    /// How many of `analog` are set.
    pub analog_count: usize,
}

const BAD: gasdev_result = gasdev_result::InvalidParameter;

pub(crate) fn err(e: gbt::Error) -> gasdev_result {
    gasdev_result::from_code(e.code())
}

// --- conversions ----------------------------------------------------------------------------

fn time_in(t: &gasdev_gbt_time) -> TimeLabel {
    TimeLabel::new(t.year, t.month, t.day, t.hour, t.minute, t.second)
}

fn time_out(t: TimeLabel) -> gasdev_gbt_time {
    gasdev_gbt_time {
        year: t.year(),
        month: t.month(),
        day: t.day(),
        hour: t.hour(),
        minute: t.minute(),
        second: t.second(),
    }
}

fn header_in(h: &gasdev_gbt_header) -> Res<Header> {
    Ok(Header {
        serial: h.serial,
        version: Version {
            main: h.version_main,
            user: h.version_user,
        },
        time: time_in(&h.time),
        source: Address::new(h.source).ok_or(BAD)?,
        destination: Address::new(h.destination).ok_or(BAD)?,
        command: h.command,
    })
}

fn header_out(h: &Header) -> gasdev_gbt_header {
    gasdev_gbt_header {
        serial: h.serial,
        version_main: h.version.main,
        version_user: h.version.user,
        time: time_out(h.time),
        source: h.source.value(),
        destination: h.destination.value(),
        command: h.command,
    }
}

fn layout_out(l: Layout) -> gasdev_gbt_layout {
    use gasdev_gbt_layout as L;
    match l {
        Layout::SystemStatus => L::SystemStatus,
        Layout::ComponentStatus => L::ComponentStatus,
        Layout::AnalogValue => L::AnalogValue,
        Layout::Operation => L::Operation,
        Layout::SoftwareVersion => L::SoftwareVersion,
        Layout::SystemConfig => L::SystemConfig,
        Layout::ComponentConfig => L::ComponentConfig,
        Layout::SystemTime => L::SystemTime,
        Layout::UitdStatus => L::UitdStatus,
        Layout::UitdOperation => L::UitdOperation,
        Layout::UitdVersion => L::UitdVersion,
        Layout::UitdConfig => L::UitdConfig,
        Layout::UitdTime => L::UitdTime,
        Layout::ReadSystem => L::ReadSystem,
        Layout::ReadComponent => L::ReadComponent,
        Layout::ReadOperations => L::ReadOperations,
        Layout::ReadUitdOperations => L::ReadUitdOperations,
        Layout::Reserved => L::Reserved,
        Layout::ClockSync => L::ClockSync,
        Layout::AttendanceCheck => L::AttendanceCheck,
    }
}

const EMPTY_OBJECT: gasdev_gbt_object = gasdev_gbt_object {
    layout: 0,
    system_type: 0,
    system_address: 0,
    component_type: 0,
    component_address: 0,
    status: 0,
    analog_type: 0,
    value: 0,
    operation: 0,
    operator_id: 0,
    major: 0,
    minor: 0,
    record_count: 0,
    reserved: 0,
    timeout_minutes: 0,
    description: [0; GASDEV_GBT_DESCRIPTION_LEN],
    text: core::ptr::null(),
    text_len: 0,
    object_time: gasdev_gbt_time {
        year: 0,
        month: 0,
        day: 0,
        hour: 0,
        minute: 0,
        second: 0,
    },
    has_time: false,
    time: gasdev_gbt_time {
        year: 0,
        month: 0,
        day: 0,
        hour: 0,
        minute: 0,
        second: 0,
    },
};

fn object_out(item: &Item<'_>) -> gasdev_gbt_object {
    let mut o = EMPTY_OBJECT;
    o.layout = layout_out(item.object.layout()) as u8;
    let system = |o: &mut gasdev_gbt_object, s: SystemId| {
        o.system_type = s.system_type;
        o.system_address = s.system_address;
    };
    let component = |o: &mut gasdev_gbt_object, c: ComponentId| {
        o.system_type = c.system_type;
        o.system_address = c.system_address;
        o.component_type = c.component_type;
        o.component_address = c.component_address;
    };
    let text = |o: &mut gasdev_gbt_object, t: &[u8]| {
        if !t.is_empty() {
            o.text = t.as_ptr();
            o.text_len = t.len();
        }
    };
    // The system or component, for the types that name one.
    match item.object {
        Object::SystemStatus { system: s, .. }
        | Object::Operation { system: s, .. }
        | Object::SoftwareVersion { system: s, .. }
        | Object::SystemConfig { system: s, .. }
        | Object::SystemTime { system: s, .. }
        | Object::ReadSystem { system: s }
        | Object::ReadComponent { system: s, .. }
        | Object::ReadOperations { system: s, .. } => system(&mut o, s),
        Object::ComponentStatus { component: c, .. }
        | Object::AnalogValue { component: c, .. }
        | Object::ComponentConfig { component: c, .. } => component(&mut o, c),
        _ => {}
    }
    // The other fields of each type.
    match item.object {
        Object::SystemStatus { status, .. } => o.status = status,
        Object::UitdStatus { status } => o.status = u16::from(status),
        Object::ComponentStatus {
            status,
            description,
            ..
        } => {
            o.status = status;
            o.description = description.raw;
        }
        Object::ComponentConfig { description, .. } => o.description = description.raw,
        Object::AnalogValue {
            analog_type, value, ..
        } => {
            o.analog_type = analog_type;
            o.value = value;
        }
        Object::Operation {
            operation,
            operator,
            ..
        }
        | Object::UitdOperation {
            operation,
            operator,
        } => {
            o.operation = operation;
            o.operator_id = operator;
        }
        Object::SoftwareVersion { major, minor, .. } | Object::UitdVersion { major, minor } => {
            o.major = major;
            o.minor = minor;
        }
        Object::SystemConfig { text: t, .. } | Object::UitdConfig { text: t } => text(&mut o, t),
        Object::SystemTime { time, .. }
        | Object::UitdTime { time }
        | Object::ClockSync { time } => {
            o.object_time = time_out(time);
        }
        Object::ReadSystem { .. } => {}
        Object::ReadComponent {
            component_address, ..
        } => o.component_address = component_address,
        Object::ReadOperations {
            record_count,
            start_time,
            ..
        }
        | Object::ReadUitdOperations {
            record_count,
            start_time,
        } => {
            o.record_count = record_count;
            o.object_time = time_out(start_time);
        }
        Object::Reserved { reserved } => o.reserved = reserved,
        Object::AttendanceCheck { timeout_minutes } => o.timeout_minutes = timeout_minutes,
    }
    if let Some(t) = item.time {
        o.has_time = true;
        o.time = time_out(t);
    }
    o
}

/// The object of a C struct; its text (types 6 and 26) is borrowed from C memory.
///
/// # Safety
/// `o.text` is NULL with length 0 or valid for reads of `o.text_len` bytes.
pub(crate) unsafe fn object_in<'a>(o: &gasdev_gbt_object) -> Res<Item<'a>> {
    use gasdev_gbt_layout as L;
    let system = SystemId {
        system_type: o.system_type,
        system_address: o.system_address,
    };
    let component = ComponentId {
        system_type: o.system_type,
        system_address: o.system_address,
        component_type: o.component_type,
        component_address: o.component_address,
    };
    let description = Description::from_bytes(o.description);
    // SAFETY: forwarded caller contract.
    let text = || unsafe { opt_bytes(o.text, o.text_len) };
    let status8 = || u8::try_from(o.status).map_err(|_| BAD);
    let object = match o.layout {
        x if x == L::SystemStatus as u8 => Object::SystemStatus {
            system,
            status: o.status,
        },
        x if x == L::ComponentStatus as u8 => Object::ComponentStatus {
            component,
            status: o.status,
            description,
        },
        x if x == L::AnalogValue as u8 => Object::AnalogValue {
            component,
            analog_type: o.analog_type,
            value: o.value,
        },
        x if x == L::Operation as u8 => Object::Operation {
            system,
            operation: o.operation,
            operator: o.operator_id,
        },
        x if x == L::SoftwareVersion as u8 => Object::SoftwareVersion {
            system,
            major: o.major,
            minor: o.minor,
        },
        x if x == L::SystemConfig as u8 => Object::SystemConfig {
            system,
            text: text()?,
        },
        x if x == L::ComponentConfig as u8 => Object::ComponentConfig {
            component,
            description,
        },
        x if x == L::SystemTime as u8 => Object::SystemTime {
            system,
            time: time_in(&o.object_time),
        },
        x if x == L::UitdStatus as u8 => Object::UitdStatus { status: status8()? },
        x if x == L::UitdOperation as u8 => Object::UitdOperation {
            operation: o.operation,
            operator: o.operator_id,
        },
        x if x == L::UitdVersion as u8 => Object::UitdVersion {
            major: o.major,
            minor: o.minor,
        },
        x if x == L::UitdConfig as u8 => Object::UitdConfig { text: text()? },
        x if x == L::UitdTime as u8 => Object::UitdTime {
            time: time_in(&o.object_time),
        },
        x if x == L::ReadSystem as u8 => Object::ReadSystem { system },
        x if x == L::ReadComponent as u8 => Object::ReadComponent {
            system,
            component_address: o.component_address,
        },
        x if x == L::ReadOperations as u8 => Object::ReadOperations {
            system,
            record_count: o.record_count,
            start_time: time_in(&o.object_time),
        },
        x if x == L::ReadUitdOperations as u8 => Object::ReadUitdOperations {
            record_count: o.record_count,
            start_time: time_in(&o.object_time),
        },
        x if x == L::Reserved as u8 => Object::Reserved {
            reserved: o.reserved,
        },
        x if x == L::ClockSync as u8 => Object::ClockSync {
            time: time_in(&o.object_time),
        },
        x if x == L::AttendanceCheck as u8 => Object::AttendanceCheck {
            timeout_minutes: o.timeout_minutes,
        },
        _ => return Err(BAD),
    };
    Ok(Item {
        object,
        time: o.has_time.then(|| time_in(&o.time)),
    })
}

fn raise_in(v: u8) -> Res<Raise> {
    use gasdev_gbt_raise as R;
    match v {
        x if x == R::Nothing as u8 => Ok(Raise::Nothing),
        x if x == R::Fire as u8 => Ok(Raise::Fire),
        x if x == R::Fault as u8 => Ok(Raise::Fault),
        x if x == R::Disabled as u8 => Ok(Raise::Disabled),
        x if x == R::Supervisory as u8 => Ok(Raise::Supervisory),
        _ => Err(BAD),
    }
}

fn raise_out(r: Raise) -> u8 {
    use gasdev_gbt_raise as R;
    (match r {
        Raise::Nothing => R::Nothing,
        Raise::Fire => R::Fire,
        Raise::Fault => R::Fault,
        Raise::Disabled => R::Disabled,
        Raise::Supervisory => R::Supervisory,
    }) as u8
}

fn policy_in(p: &gasdev_gbt_policy) -> Res<Policy> {
    Ok(Policy {
        gas_low: raise_in(p.gas_low)?,
        gas_high: raise_in(p.gas_high)?,
        co_low: raise_in(p.co_low)?,
        co_high: raise_in(p.co_high)?,
        end_of_life: raise_in(p.end_of_life)?,
        preheat: raise_in(p.preheat)?,
        valve_closed: raise_in(p.valve_closed)?,
        normal_bit: p.normal_bit,
        valve_feedback: p.valve_feedback,
        alarm_component_type: p.alarm_component_type,
        valve_component_type: p.valve_component_type,
        co_analog_type: p.co_analog_type,
        utc_offset_minutes: p.utc_offset_minutes,
    })
}

/// # Safety
/// `p.description` is NULL with length 0 or valid for reads of `p.description_len` bytes.
unsafe fn point_in(p: &gasdev_gbt_point) -> Res<Point> {
    // SAFETY: forwarded caller contract.
    let text = unsafe { opt_text(p.description, p.description_len) }?;
    Ok(Point {
        system: SystemId {
            system_type: p.system_type,
            system_address: p.system_address,
        },
        component_address: p.component_address,
        description: Description::from_text(text).map_err(err)?,
    })
}

/// Check the output of a mapping: apart from `inputs` and the point, time and policy, and
/// accepted by `check_out`.
fn mapping_out(
    inputs: &[Span],
    point: *const gasdev_gbt_point,
    time: *const gasdev_gbt_time,
    policy: *const gasdev_gbt_policy,
    out: *mut gasdev_gbt_mapped,
) -> Res {
    // Every output apart from every input (there is one output; before any use).
    disjoint(inputs, &[Span::ptr(out)])?;
    let shared = [Span::ptr(point), Span::ptr(time), Span::ptr(policy)];
    disjoint(&shared, &[Span::ptr(out)])?;
    check_out(out)
}

/// The point, time and policy of a mapping.
///
/// # Safety
/// Each pointer is valid for reads of its struct; the point's description is valid for its length.
unsafe fn mapping_in(
    point: *const gasdev_gbt_point,
    time: *const gasdev_gbt_time,
    policy: *const gasdev_gbt_policy,
) -> Res<(Point, TimeLabel, Policy)> {
    // SAFETY: a valid struct whose description is valid for its length (caller contract).
    let p = unsafe { point_in(input(point)?) }?;
    // SAFETY: a valid struct (caller contract).
    let t = time_in(unsafe { input(time) }?);
    // SAFETY: a valid struct (caller contract).
    let policy = policy_in(unsafe { input(policy) }?)?;
    Ok((p, t, policy))
}

fn mapped_out(m: &Mapped) -> gasdev_gbt_mapped {
    let mut out = gasdev_gbt_mapped {
        status: object_out(&m.status),
        analog: [EMPTY_OBJECT; 2],
        analog_count: 0,
    };
    for (slot, item) in out.analog.iter_mut().zip(m.analog()) {
        *slot = object_out(item);
        out.analog_count = out.analog_count.saturating_add(1);
    }
    out
}

pub(crate) fn options(flags: u32) -> Res<Options> {
    if flags & !(GASDEV_GBT_STRICT | GASDEV_GBT_NO_CHECKSUM) != 0 {
        return Err(BAD);
    }
    Ok(Options {
        mode: if flags & GASDEV_GBT_STRICT != 0 {
            Mode::Strict
        } else {
            Mode::Tolerant
        },
        verify_checksum: flags & GASDEV_GBT_NO_CHECKSUM == 0,
    })
}

fn packet_out(d: &Decoded<'_>) -> gasdev_gbt_packet {
    let deviations = d
        .deviations()
        .iter()
        .fold(0u32, |acc, dev: Deviation| acc | (1u32 << (dev as u8)));
    let adu = d.adu_bytes();
    let mut p = gasdev_gbt_packet {
        header: header_out(d.header()),
        checksum: d.checksum(),
        checksum_ok: d.checksum_ok(),
        heartbeat: d.is_heartbeat(),
        deviations,
        packet_len: d.packet_len(),
        has_adu: false,
        adu_type: 0,
        adu_count: 0,
        adu_time_labels: false,
        adu_raw: false,
        object_count: 0,
        adu: if adu.is_empty() {
            core::ptr::null()
        } else {
            adu.as_ptr()
        },
        adu_len: adu.len(),
    };
    if let Some(a) = d.adu() {
        p.has_adu = true;
        p.adu_type = a.type_flag();
        p.adu_count = a.count();
        p.adu_time_labels = a.time_labels();
        p.adu_raw = a.is_raw();
        p.object_count = a.items().count();
    }
    p
}

/// Write a packet built in `scratch` to the caller's buffer, or report the size needed.
///
/// # Safety
/// `out_len` was accepted by `check_out`.
unsafe fn deliver(packet: &[u8], out: &mut [u8], out_len: *mut usize) -> Res {
    let copied = match out.get_mut(..packet.len()) {
        Some(dst) => {
            dst.copy_from_slice(packet);
            Ok(packet.len())
        }
        None => Err(packet.len()),
    };
    // SAFETY: accepted by check_out (caller contract of this function).
    unsafe { write_len(out_len, copied) }
}

// --- exports --------------------------------------------------------------------------------

/// Decode one packet that fills `bytes[0..len]` into `*out`. `flags`: 0 (tolerant, checksum
/// verified), `GASDEV_GBT_STRICT`, `GASDEV_GBT_NO_CHECKSUM`. `out->adu` points into `bytes`.
///
/// On a packet error (`GASDEV_RESULT_GBT_…`) the optional `*error_offset` receives the byte the
/// error is about and `*out` is not written. Hex text (`4040…`) is `GASDEV_RESULT_GBT_ASCII_HEX`:
/// convert it with `gasdev_gbt_decode_hex_text` first.
///
/// # Safety
/// `bytes` is valid for reads of `len` bytes; `out` is valid for a write; `error_offset` is NULL or
/// valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gasdev_gbt_decode(
    bytes: *const u8,
    len: usize,
    flags: u32,
    out: *mut gasdev_gbt_packet,
    error_offset: *mut usize,
) -> gasdev_result {
    guard(|| {
        // SAFETY: valid for `len` bytes (caller contract).
        let data = unsafe { parser_input(bytes, len, out, error_offset) }?;
        let decoded = gbt::decode(data, options(flags)?);
        // SAFETY: NULL or valid for a write (caller contract).
        let d = unsafe { reject_at(decoded, error_offset) }?;
        // SAFETY: checked by parser_input above.
        unsafe { write(out, packet_out(&d)) };
        Ok(())
    })
}

/// Read object `index` (from 0) of the packet `bytes[0..len]`, decoded with `flags` as in
/// `gasdev_gbt_decode`, into `*out`. Text fields point into `bytes`.
///
/// Returns the decoder's error for a packet that does not decode, and
/// `GASDEV_RESULT_INVALID_PARAMETER` when `index` is not below `object_count`.
///
/// # Safety
/// `bytes` is valid for reads of `len` bytes; `out` is valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gasdev_gbt_object_at(
    bytes: *const u8,
    len: usize,
    flags: u32,
    index: usize,
    out: *mut gasdev_gbt_object,
) -> gasdev_result {
    guard(|| {
        // Every output apart from every input and every other output (before any use).
        disjoint(&[Span::raw(bytes, len)], &[Span::ptr(out)])?;
        check_out(out)?;
        // SAFETY: valid for `len` bytes (caller contract).
        let data = unsafe { self::bytes(bytes, len) }?;
        let d = gbt::decode(data, options(flags)?).map_err(err)?;
        let item = d.adu().and_then(|a| a.items().nth(index)).ok_or(BAD)?;
        // SAFETY: checked by check_out above.
        unsafe { write(out, object_out(&item)) };
        Ok(())
    })
}

/// Build a packet from `header` and `count` objects of type flag `type_flag` into `out` (`cap`
/// bytes; `GASDEV_GBT_MAX_LEN` always suffices); `*out_len` receives its length. `count` 0 builds a
/// packet without an ADU (`objects` may then be NULL and `type_flag` is ignored). Objects without a
/// time label take the header time where the type has one. Uses about 8 KiB of stack.
///
/// Errors: `GASDEV_RESULT_GBT_TYPE_MISMATCH` (an object that does not fit the type flag, or a flag
/// 表3 does not define), `GASDEV_RESULT_GBT_BAD_COUNT`, `GASDEV_RESULT_GBT_TEXT_TOO_LONG`,
/// `GASDEV_RESULT_GBT_LENGTH_TOO_LARGE`, `GASDEV_RESULT_INVALID_PARAMETER` (undefined layout, an
/// address above 48 bits, more than `GASDEV_GBT_MAX_OBJECTS` objects, `out` overlapping an input),
/// `GASDEV_RESULT_BUFFER_TOO_SMALL` with the size needed in `*out_len`. `out` is written only on
/// success.
///
/// # Safety
/// `header` points to a valid header; `objects` is valid for reads of `count` objects (or NULL when
/// `count` is 0) whose text pointers are NULL with length 0 or valid for their length; `out` is
/// valid for writes of `cap` bytes; `out_len` is valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gasdev_gbt_encode(
    header: *const gasdev_gbt_header,
    type_flag: u8,
    objects: *const gasdev_gbt_object,
    count: usize,
    out: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> gasdev_result {
    guard(|| {
        // Every output apart from every input and every other output (before any use).
        disjoint(
            &[Span::ptr(header), Span::array(objects, count)],
            &[Span::raw(out, cap), Span::ptr(out_len)],
        )?;
        check_out(out_len)?;
        // SAFETY: valid struct (caller contract).
        let h = header_in(unsafe { input(header) }?)?;
        if count > GASDEV_GBT_MAX_OBJECTS {
            return Err(BAD);
        }
        let objs: &[gasdev_gbt_object] = if count == 0 {
            &[]
        } else {
            crate::boundary::check_ptr(objects)?;
            // SAFETY: non-NULL and aligned (checked); valid for `count` objects (caller contract),
            // and `count` is small, so the size fits isize.
            unsafe { core::slice::from_raw_parts(objects, count) }
        };
        let mut items = [Item::new(Object::Reserved { reserved: 0 }); GASDEV_GBT_MAX_OBJECTS];
        let mut texts: [&[u8]; GASDEV_GBT_MAX_OBJECTS] = [&[]; GASDEV_GBT_MAX_OBJECTS];
        for ((slot, text), o) in items.iter_mut().zip(texts.iter_mut()).zip(objs) {
            // SAFETY: text pointers valid for their lengths (caller contract).
            *slot = unsafe { object_in(o) }?;
            // SAFETY: as above.
            *text = unsafe { opt_bytes(o.text, o.text_len) }?;
        }
        // The inputs the output may not overlap: the header, the objects and their texts.
        let mut inputs = [Span::default(); GASDEV_GBT_MAX_OBJECTS + 2];
        let spans = [
            Span::raw(header, size_of::<gasdev_gbt_header>()),
            Span::raw(
                objects,
                size_of::<gasdev_gbt_object>().saturating_mul(count),
            ),
        ];
        for (slot, t) in inputs
            .iter_mut()
            .zip(spans.into_iter().chain(texts.iter().map(|t| Span::of(t))))
        {
            *slot = t;
        }
        // SAFETY: `out` valid for `cap` bytes (caller contract); overlap with the inputs checked.
        let buf = unsafe { buffer(out, cap, &inputs) }?;
        let mut scratch = [0u8; gbt::MAX_LEN];
        let items = items.get(..count).ok_or(BAD)?;
        let adu = AduRepr::Objects { type_flag, items };
        let n = gbt::encode(&h, (count > 0).then_some(&adu), &mut scratch).map_err(err)?;
        // SAFETY: out_len checked by check_out above.
        unsafe { deliver(scratch.get(..n).ok_or(BAD)?, buf, out_len) }
    })
}

/// Build the answer to the received packet `packet[0..len]` (only its first 27 bytes are read, so a
/// packet that failed to decode can be denied) into `out`: `GASDEV_GBT_ANSWER_KIND_CONFIRM` (确认) or
/// `GASDEV_GBT_ANSWER_KIND_DENY` (否认), sent at `time`. It echoes the serial number and version, swaps
/// source and destination, and has an empty ADU (30 bytes).
///
/// Errors: `GASDEV_RESULT_GBT_TRUNCATED` when `packet` is shorter than 27 bytes or does not start
/// with `@@`, `GASDEV_RESULT_BUFFER_TOO_SMALL` with the size needed in `*out_len`.
///
/// # Safety
/// `packet` is valid for reads of `len` bytes; `time` points to a valid time; `out` is valid for
/// writes of `cap` bytes; `out_len` is valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gasdev_gbt_answer(
    packet: *const u8,
    len: usize,
    answer: u32,
    time: *const gasdev_gbt_time,
    out: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> gasdev_result {
    guard(|| {
        // Every output apart from every input and every other output (before any use).
        disjoint(
            &[Span::raw(packet, len), Span::ptr(time)],
            &[Span::raw(out, cap), Span::ptr(out_len)],
        )?;
        check_out(out_len)?;
        // SAFETY: valid for `len` bytes (caller contract).
        let data = unsafe { bytes(packet, len) }?;
        // SAFETY: valid struct (caller contract).
        let t = time_in(unsafe { input(time) }?);
        // SAFETY: `out` valid for `cap` bytes (caller contract); overlap checked.
        let buf = unsafe {
            buffer(
                out,
                cap,
                &[
                    Span::of(data),
                    Span::raw(time, size_of::<gasdev_gbt_time>()),
                ],
            )
        }?;
        let kind = match answer {
            x if x == gasdev_gbt_answer_kind::Confirm as u32 => Answer::Confirm,
            x if x == gasdev_gbt_answer_kind::Deny as u32 => Answer::Deny,
            _ => return Err(BAD),
        };
        let h = gbt::peek_header(data).ok_or(gasdev_result::GbtTruncated)?;
        let mut scratch = [0u8; gbt::MIN_LEN];
        let n = gbt::answer(&h, kind, t, &mut scratch).map_err(err)?;
        // SAFETY: out_len checked by check_out above.
        unsafe { deliver(scratch.get(..n).ok_or(BAD)?, buf, out_len) }
    })
}

/// Write the documented default mapping policy (`spec/gbt26875.md`, mapping table) to `*out`.
///
/// # Safety
/// `out` is valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gasdev_gbt_policy_default(out: *mut gasdev_gbt_policy) -> gasdev_result {
    guard(|| {
        check_out(out)?;
        let p = Policy::DEFAULT;
        let c = gasdev_gbt_policy {
            gas_low: raise_out(p.gas_low),
            gas_high: raise_out(p.gas_high),
            co_low: raise_out(p.co_low),
            co_high: raise_out(p.co_high),
            end_of_life: raise_out(p.end_of_life),
            preheat: raise_out(p.preheat),
            valve_closed: raise_out(p.valve_closed),
            normal_bit: p.normal_bit,
            valve_feedback: p.valve_feedback,
            alarm_component_type: p.alarm_component_type,
            valve_component_type: p.valve_component_type,
            co_analog_type: p.co_analog_type,
            utc_offset_minutes: p.utc_offset_minutes,
        };
        // SAFETY: checked by check_out above.
        unsafe { write(out, c) };
        Ok(())
    })
}

/// Map a leak alarm's status and readings at `time` to GB/T objects ([GBT-41], [GBT-43]).
///
/// Errors: `GASDEV_RESULT_GBT_NOT_REPRESENTABLE` for a known reading in a unit without an analog
/// type, `GASDEV_RESULT_GBT_VALUE_OUT_OF_RANGE`, `GASDEV_RESULT_INPUT_BAD_CONCENTRATION` for a value
/// above its unit's maximum, `GASDEV_RESULT_GBT_TEXT_TOO_LONG` / `GBT_BAD_TEXT` for the description.
///
/// # Safety
/// Every pointer is valid for reads of its struct (`out` for a write); the point's description is
/// valid for its length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gasdev_gbt_map_alarm(
    status: *const gasdev_alarm_status,
    combustible: *const gasdev_reading,
    co: *const gasdev_reading,
    point: *const gasdev_gbt_point,
    time: *const gasdev_gbt_time,
    policy: *const gasdev_gbt_policy,
    out: *mut gasdev_gbt_mapped,
) -> gasdev_result {
    guard(|| {
        let inputs = [Span::ptr(status), Span::ptr(combustible), Span::ptr(co)];
        mapping_out(&inputs, point, time, policy, out)?;
        let bad = gasdev_result::InputBadConcentration;
        // SAFETY (all three): valid structs (caller contract).
        let status = alarm_in(unsafe { input(status) }?)?;
        let readings = Readings {
            // SAFETY: see above.
            combustible: reading_in(unsafe { input(combustible) }?, bad)?,
            // SAFETY: see above.
            co: reading_in(unsafe { input(co) }?, bad)?,
        };
        // SAFETY: valid structs, the description valid for its length (caller contract).
        let (p, t, policy) = unsafe { mapping_in(point, time, policy) }?;
        let m = gbt::map_alarm(&status, &readings, &p, t, &policy).map_err(err)?;
        // SAFETY: checked by check_out above.
        unsafe { write(out, mapped_out(&m)) };
        Ok(())
    })
}

/// Map a valve's status at `time` to a GB/T component status object ([GBT-42]); `out->analog_count`
/// is 0.
///
/// Errors: `GASDEV_RESULT_GBT_NOT_REPRESENTABLE` for an unknown state,
/// `GASDEV_RESULT_INPUT_INVALID_VALUE` for a status that contradicts itself (a trip reason on an
/// open valve), and as `gasdev_gbt_map_alarm` for the description.
///
/// # Safety
/// As `gasdev_gbt_map_alarm`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gasdev_gbt_map_valve(
    status: *const gasdev_valve_status,
    point: *const gasdev_gbt_point,
    time: *const gasdev_gbt_time,
    policy: *const gasdev_gbt_policy,
    out: *mut gasdev_gbt_mapped,
) -> gasdev_result {
    guard(|| {
        mapping_out(&[Span::ptr(status)], point, time, policy, out)?;
        // SAFETY: a valid struct (caller contract).
        let v = valve_in(unsafe { input(status) }?)?;
        // SAFETY: valid structs, the description valid for its length (caller contract).
        let (p, t, policy) = unsafe { mapping_in(point, time, policy) }?;
        let item = gbt::map_valve(&v, &p, t, &policy).map_err(err)?;
        let mut m = gasdev_gbt_mapped {
            status: object_out(&item),
            analog: [EMPTY_OBJECT; 2],
            analog_count: 0,
        };
        m.status.has_time = item.time.is_some();
        // SAFETY: checked by check_out above.
        unsafe { write(out, m) };
        Ok(())
    })
}

/// Decode the libgasdev frame `frame[0..len]` and map it to GB/T objects ([GBT-46]): a status
/// report by its device kind, an event by its snapshot (or `alarm_raised` / `valve_closed` alone).
/// The time is the frame's Unix time in local time (`policy->utc_offset_minutes`), or `*fallback`
/// when the device's clock is not set.
///
/// Errors: the frame decoder's `GASDEV_RESULT_FRAME_…`, `GASDEV_RESULT_GBT_NOT_REPRESENTABLE` for
/// other messages and events, and as `gasdev_gbt_map_alarm` / `gasdev_gbt_map_valve`.
///
/// # Safety
/// `frame` is valid for reads of `len` bytes; the other pointers as `gasdev_gbt_map_alarm`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gasdev_gbt_map_frame(
    frame: *const u8,
    len: usize,
    point: *const gasdev_gbt_point,
    fallback: *const gasdev_gbt_time,
    policy: *const gasdev_gbt_policy,
    out: *mut gasdev_gbt_mapped,
) -> gasdev_result {
    guard(|| {
        mapping_out(&[Span::raw(frame, len)], point, fallback, policy, out)?;
        // SAFETY: valid for `len` bytes (caller contract).
        let data = unsafe { bytes(frame, len) }?;
        // SAFETY: valid structs, the description valid for its length (caller contract).
        let (p, t, policy) = unsafe { mapping_in(point, fallback, policy) }?;
        let repr = crate::frame::decode(data).map_err(|e| gasdev_result::from_code(e.code()))?;
        let m = gbt::map_frame(&repr, &p, t, &policy).map_err(err)?;
        // SAFETY: checked by check_out above.
        unsafe { write(out, mapped_out(&m)) };
        Ok(())
    })
}

/// Convert ASCII-hex text `text[0..len]` (whitespace ignored, either case; the optional transport
/// of checklist row 6, [GBT-11]) into bytes in `out`; `*out_len` receives how many. *Host builds
/// only.*
///
/// Errors: `GASDEV_RESULT_GBT_BAD_HEX` (the optional `*error_offset` receives the offending
/// character's offset, or the text length for an odd number of digits),
/// `GASDEV_RESULT_BUFFER_TOO_SMALL` with the size needed in `*out_len`. `out` is written only on
/// success.
///
/// # Safety
/// `text` is valid for reads of `len` bytes, `out` for writes of `cap` bytes; `out_len` is valid for
/// a write; `error_offset` is NULL or valid for a write.
#[cfg(feature = "std")]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gasdev_gbt_decode_hex_text(
    text: *const c_char,
    len: usize,
    out: *mut u8,
    cap: usize,
    out_len: *mut usize,
    error_offset: *mut usize,
) -> gasdev_result {
    guard(|| {
        // SAFETY: `text` valid for `len` bytes, `out` for `cap` bytes (caller contract).
        let (data, buf) = unsafe {
            crate::boundary::parser_buffers(text.cast::<u8>(), len, out, cap, out_len, error_offset)
        }?;
        // Decode into scratch memory first, so that `out` is written only on success.
        let mut scratch = alloc::vec![0u8; data.len() / 2];
        // SAFETY: NULL or valid for a write (caller contract).
        let n = unsafe { reject_at(gbt::decode_hex_text(data, &mut scratch), error_offset) }?;
        // SAFETY: out_len checked by check_out above.
        unsafe { deliver(scratch.get(..n).ok_or(BAD)?, buf, out_len) }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deviation_bits_are_the_core_bits() {
        let c = [
            GASDEV_GBT_DEVIATION_VERSION,
            GASDEV_GBT_DEVIATION_EMPTY_ADU,
            GASDEV_GBT_DEVIATION_MISSING_TIME_LABELS,
            GASDEV_GBT_DEVIATION_OBJECTS_UNPARSED,
            GASDEV_GBT_DEVIATION_COUNT_OUT_OF_RANGE,
            GASDEV_GBT_DEVIATION_RESERVED_COMMAND,
            GASDEV_GBT_DEVIATION_RESERVED_TYPE,
            GASDEV_GBT_DEVIATION_RESERVED_FIELD,
            GASDEV_GBT_DEVIATION_BAD_TIME,
            GASDEV_GBT_DEVIATION_DESCRIPTION_PADDING,
            GASDEV_GBT_DEVIATION_TEXT_MALFORMED,
            GASDEV_GBT_DEVIATION_TRAILING_BYTES,
        ];
        assert_eq!(c.len(), Deviation::ALL.len());
        for (bit, d) in c.iter().zip(Deviation::ALL) {
            assert_eq!(*bit, 1u32 << (*d as u8), "{d:?}");
        }
    }

    #[test]
    fn time_labels_round_trip_even_when_invalid() {
        for raw in [
            [0u8, 30, 12, 1, 5, 24],
            [255, 255, 255, 0, 0, 255],
            [59, 59, 23, 31, 12, 99],
        ] {
            let t = TimeLabel::from_bytes(raw);
            assert_eq!(time_in(&time_out(t)), t);
        }
    }

    #[test]
    fn the_default_policy_round_trips() {
        let mut c = core::mem::MaybeUninit::<gasdev_gbt_policy>::uninit();
        // SAFETY: a valid pointer to a local.
        assert_eq!(
            unsafe { gasdev_gbt_policy_default(c.as_mut_ptr()) },
            gasdev_result::Ok
        );
        // SAFETY: initialised by the call above.
        let c = unsafe { c.assume_init() };
        assert_eq!(policy_in(&c), Ok(Policy::DEFAULT));
    }
}
