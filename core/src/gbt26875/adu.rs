//! The application data unit (图5, §7): type flag, object count, information objects (§8.2, §8.3).
//!
//! > 应用数据单元 … 类型标志 1 字节 | 信息对象数目 1 字节 | 信息对象 1 … 信息对象 n
//! > 信息对象 = 信息体 + 时间标签 (注：对于某些特殊数据类型，此项可为空)
//!
//! All objects of one ADU have the type of its type flag; the body size, the presence of a
//! per-object time label and the maximum count come from 表3 and 图18–46 ([`TYPES`](super::TYPES))
//! \[GBT-9\]. Fixed-size types satisfy `L = 2 + n × (body + t)` with `t` = 6 or 0 \[GBT-10\].
//! Reserved and user-defined type flags pass through as raw bytes \[GBT-26\].

use super::codes::{
    self, COMPONENT_STATUS_RESERVED, Layout, OPERATION_RESERVED, SYSTEM_STATUS_RESERVED, TypeInfo,
    UITD_STATUS_RESERVED,
};
use super::text::{self, Description};
use super::time::TimeLabel;
use super::{Checker, Deviation, Error};
use crate::ErrorCode;

/// A building fire facility system: 系统类型 (表4) and 系统地址.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct SystemId {
    /// 系统类型标志 (表4; 128–255 user-defined).
    pub system_type: u8,
    /// 系统地址 (0–255, set by the facility).
    pub system_address: u8,
}

/// A component: its system, 部件类型 (表5) and 4-byte 部件地址.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct ComponentId {
    /// 系统类型标志 (表4).
    pub system_type: u8,
    /// 系统地址.
    pub system_address: u8,
    /// 部件类型 (表5; 10–13 are the combustible-gas detectors).
    pub component_type: u8,
    /// 部件地址: "4字节二进制数", low byte first. The standard defines no inner structure.
    pub component_address: u32,
}

impl ComponentId {
    /// The system part.
    pub const fn system(self) -> SystemId {
        SystemId {
            system_type: self.system_type,
            system_address: self.system_address,
        }
    }

    /// The vendor split of the address into 区号/loop (high 16 bits) and 位号/point (low 16 bits):
    /// an option, not the standard's (`ActorLancer/GB-T-26875.3.2011-rs` documents it).
    pub const fn loop_and_point(self) -> (u16, u16) {
        (
            (self.component_address >> 16) as u16,
            (self.component_address & 0xFFFF) as u16,
        )
    }
}

/// The body of one information object (信息体), by layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Object<'a> {
    /// Type 1: 系统状态 (status bits in [`SYSTEM_STATUS_BITS`](super::SYSTEM_STATUS_BITS)).
    SystemStatus {
        /// The system.
        system: SystemId,
        /// 系统状态 (u16).
        status: u16,
    },
    /// Type 2: 部件运行状态 (status bits in [`COMPONENT_STATUS_BITS`](super::COMPONENT_STATUS_BITS)).
    ComponentStatus {
        /// The component.
        component: ComponentId,
        /// 部件状态 (u16).
        status: u16,
        /// 部件说明 (31 bytes, GB 18030).
        description: Description,
    },
    /// Type 3: 部件模拟量值.
    AnalogValue {
        /// The component.
        component: ComponentId,
        /// 模拟量类型 (表6).
        analog_type: u8,
        /// 模拟量值: a signed count; × the type's resolution = engineering units.
        value: i16,
    },
    /// Type 4: 建筑消防设施操作信息.
    Operation {
        /// The system.
        system: SystemId,
        /// 操作标志 (图9).
        operation: u8,
        /// 操作员编号.
        operator: u8,
    },
    /// Type 5: 建筑消防设施软件版本.
    SoftwareVersion {
        /// The system.
        system: SystemId,
        /// 主版本号.
        major: u8,
        /// 次版本号.
        minor: u8,
    },
    /// Type 6: 系统配置情况 (系统说明长度 + text).
    SystemConfig {
        /// The system.
        system: SystemId,
        /// 系统配置说明, GB 18030, 0–255 bytes.
        text: &'a [u8],
    },
    /// Type 7: 部件配置情况.
    ComponentConfig {
        /// The component.
        component: ComponentId,
        /// 部件说明 (31 bytes, GB 18030).
        description: Description,
    },
    /// Type 8: 建筑消防设施系统时间.
    SystemTime {
        /// The system.
        system: SystemId,
        /// 系统时间.
        time: TimeLabel,
    },
    /// Type 21: 用户信息传输装置运行状态 (bits in [`UITD_STATUS_BITS`](super::UITD_STATUS_BITS)).
    UitdStatus {
        /// 运行状态 (u8).
        status: u8,
    },
    /// Type 24: 用户信息传输装置操作信息 (图14).
    UitdOperation {
        /// 操作标志.
        operation: u8,
        /// 操作员编号.
        operator: u8,
    },
    /// Type 25: 用户信息传输装置软件版本.
    UitdVersion {
        /// 主版本号.
        major: u8,
        /// 次版本号.
        minor: u8,
    },
    /// Type 26: 用户信息传输装置配置情况.
    UitdConfig {
        /// 配置说明, GB 18030, 0–255 bytes.
        text: &'a [u8],
    },
    /// Type 28: 用户信息传输装置系统时间.
    UitdTime {
        /// 系统时间.
        time: TimeLabel,
    },
    /// Types 61, 65, 66, 68: read something of a system.
    ReadSystem {
        /// The system.
        system: SystemId,
    },
    /// Types 62, 63, 67: read something of a component (by address; the figures carry no type).
    ReadComponent {
        /// The system.
        system: SystemId,
        /// 部件地址.
        component_address: u32,
    },
    /// Type 64: read facility operation records.
    ReadOperations {
        /// The system.
        system: SystemId,
        /// 查询操作信息记录数目 (≤ 102).
        record_count: u8,
        /// 查询记录的指定起始时间.
        start_time: TimeLabel,
    },
    /// Type 84: read UITD operation records.
    ReadUitdOperations {
        /// 查询操作信息记录数目 (≤ 102).
        record_count: u8,
        /// 查询记录的指定起始时间.
        start_time: TimeLabel,
    },
    /// Types 81, 85, 86, 88, 89: a reserved byte (预留, = 0).
    Reserved {
        /// The byte as sent.
        reserved: u8,
    },
    /// Type 90: 同步用户信息传输装置时钟.
    ClockSync {
        /// 中心系统时间.
        time: TimeLabel,
    },
    /// Type 91: 查岗命令.
    AttendanceCheck {
        /// 查岗应答超时设定时间, in minutes.
        timeout_minutes: u8,
    },
}

/// One information object: its body and, for types 1–4, 21 and 24, its time label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Item<'a> {
    /// The body.
    pub object: Object<'a>,
    /// The per-object time label (状态发生时间, 采样时间, 记录时间); `None` for types without one
    /// and for objects a device sent without it. When encoding, `None` takes the header time.
    pub time: Option<TimeLabel>,
}

impl<'a> Item<'a> {
    /// An object without a time label (encoding fills in the header time where one is due).
    pub const fn new(object: Object<'a>) -> Item<'a> {
        Item { object, time: None }
    }

    /// An object with its time label.
    pub const fn at(object: Object<'a>, time: TimeLabel) -> Item<'a> {
        Item {
            object,
            time: Some(time),
        }
    }
}

impl<'a> Object<'a> {
    /// The layout this body has.
    pub const fn layout(&self) -> Layout {
        match self {
            Object::SystemStatus { .. } => Layout::SystemStatus,
            Object::ComponentStatus { .. } => Layout::ComponentStatus,
            Object::AnalogValue { .. } => Layout::AnalogValue,
            Object::Operation { .. } => Layout::Operation,
            Object::SoftwareVersion { .. } => Layout::SoftwareVersion,
            Object::SystemConfig { .. } => Layout::SystemConfig,
            Object::ComponentConfig { .. } => Layout::ComponentConfig,
            Object::SystemTime { .. } => Layout::SystemTime,
            Object::UitdStatus { .. } => Layout::UitdStatus,
            Object::UitdOperation { .. } => Layout::UitdOperation,
            Object::UitdVersion { .. } => Layout::UitdVersion,
            Object::UitdConfig { .. } => Layout::UitdConfig,
            Object::UitdTime { .. } => Layout::UitdTime,
            Object::ReadSystem { .. } => Layout::ReadSystem,
            Object::ReadComponent { .. } => Layout::ReadComponent,
            Object::ReadOperations { .. } => Layout::ReadOperations,
            Object::ReadUitdOperations { .. } => Layout::ReadUitdOperations,
            Object::Reserved { .. } => Layout::Reserved,
            Object::ClockSync { .. } => Layout::ClockSync,
            Object::AttendanceCheck { .. } => Layout::AttendanceCheck,
        }
    }

    /// The encoded body size.
    pub fn body_len(&self) -> usize {
        match self {
            Object::SystemConfig { text, .. } => 3usize.saturating_add(text.len()),
            Object::UitdConfig { text } => 1usize.saturating_add(text.len()),
            other => other.layout().body_len().unwrap_or(0),
        }
    }

    /// Parse one body of `layout` from the start of `b`; returns it and its size.
    fn parse(layout: Layout, b: &'a [u8]) -> Option<(Object<'a>, usize)> {
        let mut r = Reader::new(b);
        let obj = match layout {
            Layout::SystemStatus => Object::SystemStatus {
                system: r.system()?,
                status: r.u16()?,
            },
            Layout::ComponentStatus => Object::ComponentStatus {
                component: r.component()?,
                status: r.u16()?,
                description: Description::from_bytes(r.array()?),
            },
            Layout::AnalogValue => Object::AnalogValue {
                component: r.component()?,
                analog_type: r.u8()?,
                value: i16::from_le_bytes(r.array()?),
            },
            Layout::Operation => Object::Operation {
                system: r.system()?,
                operation: r.u8()?,
                operator: r.u8()?,
            },
            Layout::SoftwareVersion => Object::SoftwareVersion {
                system: r.system()?,
                major: r.u8()?,
                minor: r.u8()?,
            },
            Layout::SystemConfig => {
                let system = r.system()?;
                let n = r.u8()?;
                Object::SystemConfig {
                    system,
                    text: r.take(usize::from(n))?,
                }
            }
            Layout::ComponentConfig => Object::ComponentConfig {
                component: r.component()?,
                description: Description::from_bytes(r.array()?),
            },
            Layout::SystemTime => Object::SystemTime {
                system: r.system()?,
                time: r.time()?,
            },
            Layout::UitdStatus => Object::UitdStatus { status: r.u8()? },
            Layout::UitdOperation => Object::UitdOperation {
                operation: r.u8()?,
                operator: r.u8()?,
            },
            Layout::UitdVersion => Object::UitdVersion {
                major: r.u8()?,
                minor: r.u8()?,
            },
            Layout::UitdConfig => {
                let n = r.u8()?;
                Object::UitdConfig {
                    text: r.take(usize::from(n))?,
                }
            }
            Layout::UitdTime => Object::UitdTime { time: r.time()? },
            Layout::ReadSystem => Object::ReadSystem {
                system: r.system()?,
            },
            Layout::ReadComponent => Object::ReadComponent {
                system: r.system()?,
                component_address: r.u32()?,
            },
            Layout::ReadOperations => Object::ReadOperations {
                system: r.system()?,
                record_count: r.u8()?,
                start_time: r.time()?,
            },
            Layout::ReadUitdOperations => Object::ReadUitdOperations {
                record_count: r.u8()?,
                start_time: r.time()?,
            },
            Layout::Reserved => Object::Reserved { reserved: r.u8()? },
            Layout::ClockSync => Object::ClockSync { time: r.time()? },
            Layout::AttendanceCheck => Object::AttendanceCheck {
                timeout_minutes: r.u8()?,
            },
        };
        Some((obj, r.pos))
    }

    /// Write the body at the start of `w`.
    fn emit(&self, w: &mut Writer<'_>) -> Result<(), Error> {
        match *self {
            Object::SystemStatus { system, status } => {
                w.system(system)?;
                w.put(&status.to_le_bytes())
            }
            Object::ComponentStatus {
                component,
                status,
                description,
            } => {
                w.component(component)?;
                w.put(&status.to_le_bytes())?;
                w.put(&description.raw)
            }
            Object::AnalogValue {
                component,
                analog_type,
                value,
            } => {
                w.component(component)?;
                w.put(&[analog_type])?;
                w.put(&value.to_le_bytes())
            }
            Object::Operation {
                system,
                operation,
                operator,
            } => {
                w.system(system)?;
                w.put(&[operation, operator])
            }
            Object::SoftwareVersion {
                system,
                major,
                minor,
            } => {
                w.system(system)?;
                w.put(&[major, minor])
            }
            Object::SystemConfig { system, text } => {
                w.system(system)?;
                w.text(text)
            }
            Object::ComponentConfig {
                component,
                description,
            } => {
                w.component(component)?;
                w.put(&description.raw)
            }
            Object::SystemTime { system, time } => {
                w.system(system)?;
                w.put(&time.raw)
            }
            Object::UitdStatus { status } => w.put(&[status]),
            Object::UitdOperation {
                operation,
                operator,
            } => w.put(&[operation, operator]),
            Object::UitdVersion { major, minor } => w.put(&[major, minor]),
            Object::UitdConfig { text } => w.text(text),
            Object::UitdTime { time } | Object::ClockSync { time } => w.put(&time.raw),
            Object::ReadSystem { system } => w.system(system),
            Object::ReadComponent {
                system,
                component_address,
            } => {
                w.system(system)?;
                w.put(&component_address.to_le_bytes())
            }
            Object::ReadOperations {
                system,
                record_count,
                start_time,
            } => {
                w.system(system)?;
                w.put(&[record_count])?;
                w.put(&start_time.raw)
            }
            Object::ReadUitdOperations {
                record_count,
                start_time,
            } => {
                w.put(&[record_count])?;
                w.put(&start_time.raw)
            }
            Object::Reserved { reserved } => w.put(&[reserved]),
            Object::AttendanceCheck { timeout_minutes } => w.put(&[timeout_minutes]),
        }
    }

    /// Check the body against the standard; `at` is its offset in the packet.
    fn check(&self, at: usize, c: &mut Checker) -> Result<(), Error> {
        let reserved = |c: &mut Checker, bad: bool, off: usize| {
            if bad {
                c.note(Deviation::ReservedField, at.saturating_add(off))
            } else {
                Ok(())
            }
        };
        let time = |c: &mut Checker, t: TimeLabel, off: usize| {
            if t.is_valid() {
                Ok(())
            } else {
                c.note(Deviation::BadTime, at.saturating_add(off))
            }
        };
        let desc = |c: &mut Checker, d: &Description, off: usize| -> Result<(), Error> {
            let (odd_padding, well_formed) = d.check();
            if odd_padding {
                c.note(Deviation::DescriptionPadding, at.saturating_add(off))?;
            }
            if !well_formed {
                c.note(Deviation::TextMalformed, at.saturating_add(off))?;
            }
            Ok(())
        };
        let gb = |c: &mut Checker, t: &[u8], off: usize| {
            if text::is_well_formed(t) {
                Ok(())
            } else {
                c.note(Deviation::TextMalformed, at.saturating_add(off))
            }
        };
        match self {
            Object::SystemStatus { status, .. } => {
                reserved(c, status & SYSTEM_STATUS_RESERVED != 0, 2)
            }
            Object::ComponentStatus {
                status,
                description,
                ..
            } => {
                reserved(c, status & COMPONENT_STATUS_RESERVED != 0, 7)?;
                desc(c, description, 9)
            }
            Object::Operation { operation, .. } => {
                reserved(c, operation & OPERATION_RESERVED != 0, 2)
            }
            Object::UitdOperation { operation, .. } => {
                reserved(c, operation & OPERATION_RESERVED != 0, 0)
            }
            Object::ComponentConfig { description, .. } => desc(c, description, 7),
            Object::SystemConfig { text, .. } => gb(c, text, 3),
            Object::UitdConfig { text } => gb(c, text, 1),
            Object::SystemTime { time: t, .. } => time(c, *t, 2),
            Object::UitdTime { time: t } | Object::ClockSync { time: t } => time(c, *t, 0),
            Object::UitdStatus { status } => reserved(c, status & UITD_STATUS_RESERVED != 0, 0),
            Object::ReadOperations {
                record_count,
                start_time,
                ..
            } => {
                reserved(c, *record_count > MAX_RECORDS, 2)?;
                time(c, *start_time, 3)
            }
            Object::ReadUitdOperations {
                record_count,
                start_time,
            } => {
                reserved(c, *record_count > MAX_RECORDS, 0)?;
                time(c, *start_time, 1)
            }
            Object::Reserved { reserved: r } => reserved(c, *r != 0, 0),
            Object::AnalogValue { .. }
            | Object::SoftwareVersion { .. }
            | Object::UitdVersion { .. }
            | Object::ReadSystem { .. }
            | Object::ReadComponent { .. }
            | Object::AttendanceCheck { .. } => Ok(()),
        }
    }
}

/// 图34/图40: "查询操作信息记录数目 … 不大于102".
const MAX_RECORDS: u8 = 102;

/// A decoded ADU: a view into the packet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Adu<'a> {
    type_flag: u8,
    count: u8,
    body: &'a [u8],
    parsed: Option<(Layout, bool)>,
}

impl<'a> Adu<'a> {
    /// 类型标志.
    pub const fn type_flag(&self) -> u8 {
        self.type_flag
    }

    /// 信息对象数目, as sent.
    pub const fn count(&self) -> u8 {
        self.count
    }

    /// Everything after the type flag and the count: the objects, or the raw pass-through body.
    pub const fn body(&self) -> &'a [u8] {
        self.body
    }

    /// The 表3 row of the type flag, if the standard defines it.
    pub fn info(&self) -> Option<&'static TypeInfo> {
        codes::type_info(self.type_flag)
    }

    /// The snake_case type name (`"user_defined"` and `"reserved"` for the others).
    pub fn type_name(&self) -> &'static str {
        codes::type_name(self.type_flag)
    }

    /// The layout of the objects; `None` when the body is passed through raw (reserved or
    /// user-defined type flag, or a known type whose length fits no layout).
    pub const fn layout(&self) -> Option<Layout> {
        match self.parsed {
            Some((l, _)) => Some(l),
            None => None,
        }
    }

    /// Whether the objects carry their time labels (false when a device left them out, or the
    /// type has none).
    pub const fn time_labels(&self) -> bool {
        matches!(self.parsed, Some((_, true)))
    }

    /// Whether the body is passed through raw.
    pub const fn is_raw(&self) -> bool {
        self.parsed.is_none()
    }

    /// The information objects (none for a raw body).
    pub fn items(&self) -> Items<'a> {
        Items {
            layout: self.layout(),
            time: self.time_labels(),
            rest: self.body,
            left: if self.parsed.is_some() { self.count } else { 0 },
            pos: 0,
        }
    }

    /// This ADU as the input of [`encode`](super::encode): raw, so the bytes round-trip exactly.
    pub const fn repr(&self) -> AduRepr<'a> {
        AduRepr::Raw {
            type_flag: self.type_flag,
            count: self.count,
            body: self.body,
        }
    }

    /// Parse the ADU bytes; `at` is the ADU's offset in the packet (27).
    pub(crate) fn parse(adu: &'a [u8], at: usize, c: &mut Checker) -> Result<Adu<'a>, Error> {
        let count_at = at.saturating_add(1);
        let (type_flag, count, body) = match adu {
            [t, n, body @ ..] => (*t, *n, body),
            // A type flag without a count cannot be an ADU in either mode.
            _ => return Err(Error::new(ErrorCode::GbtBadAduLength, at)),
        };
        let raw = Adu {
            type_flag,
            count,
            body,
            parsed: None,
        };
        let Some(info) = codes::type_info(type_flag) else {
            if !codes::type_is_user_defined(type_flag) {
                c.note(Deviation::ReservedType, at)?;
            }
            return Ok(raw);
        };
        if count == 0 || count > info.max_count {
            c.note(Deviation::CountOutOfRange, count_at)?;
        }
        let n = usize::from(count);
        let labels = match info.layout.body_len() {
            Some(b) => {
                let t = if info.time_label { TimeLabel::LEN } else { 0 };
                if n.checked_mul(b.saturating_add(t)) == Some(body.len()) {
                    Some(info.time_label)
                } else if info.time_label && n.checked_mul(b) == Some(body.len()) {
                    c.note(Deviation::MissingTimeLabels, count_at)?;
                    Some(false)
                } else {
                    None
                }
            }
            None => variable_fits(info.layout, n, body).then_some(false),
        };
        let Some(labels) = labels else {
            c.note(Deviation::ObjectsUnparsed, count_at)?;
            return Ok(raw);
        };
        let adu = Adu {
            parsed: Some((info.layout, labels)),
            ..raw
        };
        let mut items = adu.items();
        let base = at.saturating_add(2);
        while let Some((off, item)) = items.next_at() {
            let obj_at = base.saturating_add(off);
            item.object.check(obj_at, c)?;
            if let Some(t) = item.time {
                if !t.is_valid() {
                    c.note(
                        Deviation::BadTime,
                        obj_at.saturating_add(item.object.body_len()),
                    )?;
                }
            }
        }
        Ok(adu)
    }
}

/// Whether `n` variable-size objects fill `body` exactly.
fn variable_fits(layout: Layout, n: usize, body: &[u8]) -> bool {
    let head = layout.text_head();
    let mut pos = 0usize;
    for _ in 0..n {
        let Some(&len) = body.get(pos.saturating_add(head)) else {
            return false;
        };
        pos = pos
            .saturating_add(head)
            .saturating_add(1)
            .saturating_add(usize::from(len));
    }
    pos == body.len()
}

/// The objects of an [`Adu`], in order.
#[derive(Debug, Clone)]
pub struct Items<'a> {
    layout: Option<Layout>,
    time: bool,
    rest: &'a [u8],
    left: u8,
    pos: usize,
}

impl<'a> Items<'a> {
    /// The next item with its offset from the start of the objects.
    fn next_at(&mut self) -> Option<(usize, Item<'a>)> {
        let layout = self.layout?;
        self.left = self.left.checked_sub(1)?;
        let (object, used) = Object::parse(layout, self.rest)?;
        let mut r = Reader::new(self.rest.get(used..)?);
        let time = if self.time { Some(r.time()?) } else { None };
        let at = self.pos;
        let step = used.saturating_add(r.pos);
        self.rest = self.rest.get(step..)?;
        self.pos = self.pos.saturating_add(step);
        Some((at, Item { object, time }))
    }
}

impl<'a> Iterator for Items<'a> {
    type Item = Item<'a>;

    fn next(&mut self) -> Option<Item<'a>> {
        self.next_at().map(|(_, item)| item)
    }
}

/// An ADU to encode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AduRepr<'x> {
    /// Objects of a type flag of 表3. Each object's layout must match the type flag; objects of
    /// types with time labels get theirs (or the header time when [`Item::time`] is `None`).
    Objects {
        /// The type flag (must be one 表3 defines).
        type_flag: u8,
        /// The objects: 1 to the type's maximum.
        items: &'x [Item<'x>],
    },
    /// Pass-through: type flag, count and body bytes as given (user-defined types, re-encoding a
    /// decoded ADU exactly).
    Raw {
        /// The type flag.
        type_flag: u8,
        /// The object count byte.
        count: u8,
        /// The bytes after the count.
        body: &'x [u8],
    },
}

impl AduRepr<'_> {
    /// Write the ADU into `out`; returns its length. `header_time` fills missing time labels.
    pub(crate) fn emit(&self, out: &mut [u8], header_time: TimeLabel) -> Result<usize, Error> {
        let mut w = Writer { buf: out, pos: 0 };
        match *self {
            AduRepr::Raw {
                type_flag,
                count,
                body,
            } => {
                w.put(&[type_flag, count])?;
                w.put(body)?;
            }
            AduRepr::Objects { type_flag, items } => {
                let info =
                    codes::type_info(type_flag).ok_or(Error::new(ErrorCode::GbtTypeMismatch, 0))?;
                let count = u8::try_from(items.len())
                    .ok()
                    .filter(|n| (1..=info.max_count).contains(n))
                    .ok_or(Error::new(ErrorCode::GbtBadCount, 1))?;
                w.put(&[type_flag, count])?;
                for item in items {
                    if item.object.layout() != info.layout {
                        return Err(Error::new(ErrorCode::GbtTypeMismatch, w.pos));
                    }
                    item.object.emit(&mut w)?;
                    if info.time_label {
                        w.put(&item.time.unwrap_or(header_time).raw)?;
                    }
                }
            }
        }
        Ok(w.pos)
    }
}

/// A bounds-checked little-endian reader.
struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    const fn new(b: &'a [u8]) -> Reader<'a> {
        Reader { b, pos: 0 }
    }

    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.pos.checked_add(n)?;
        let s = self.b.get(self.pos..end)?;
        self.pos = end;
        Some(s)
    }

    fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        self.take(N)?.try_into().ok()
    }

    fn u8(&mut self) -> Option<u8> {
        self.array::<1>().map(|[b]| b)
    }

    fn u16(&mut self) -> Option<u16> {
        self.array().map(u16::from_le_bytes)
    }

    fn u32(&mut self) -> Option<u32> {
        self.array().map(u32::from_le_bytes)
    }

    fn time(&mut self) -> Option<TimeLabel> {
        self.array().map(TimeLabel::from_bytes)
    }

    fn system(&mut self) -> Option<SystemId> {
        Some(SystemId {
            system_type: self.u8()?,
            system_address: self.u8()?,
        })
    }

    fn component(&mut self) -> Option<ComponentId> {
        Some(ComponentId {
            system_type: self.u8()?,
            system_address: self.u8()?,
            component_type: self.u8()?,
            component_address: self.u32()?,
        })
    }
}

/// A bounds-checked writer into a caller buffer.
pub(crate) struct Writer<'b> {
    pub(crate) buf: &'b mut [u8],
    pub(crate) pos: usize,
}

impl Writer<'_> {
    pub(crate) fn put(&mut self, bytes: &[u8]) -> Result<(), Error> {
        let end = self
            .pos
            .checked_add(bytes.len())
            .ok_or(Error::new(ErrorCode::BufferTooSmall, self.pos))?;
        self.buf
            .get_mut(self.pos..end)
            .ok_or(Error::new(ErrorCode::BufferTooSmall, self.pos))?
            .copy_from_slice(bytes);
        self.pos = end;
        Ok(())
    }

    fn system(&mut self, s: SystemId) -> Result<(), Error> {
        self.put(&[s.system_type, s.system_address])
    }

    fn component(&mut self, c: ComponentId) -> Result<(), Error> {
        self.put(&[c.system_type, c.system_address, c.component_type])?;
        self.put(&c.component_address.to_le_bytes())
    }

    fn text(&mut self, text: &[u8]) -> Result<(), Error> {
        let len = u8::try_from(text.len())
            .map_err(|_| Error::new(ErrorCode::GbtTextTooLong, self.pos))?;
        self.put(&[len])?;
        self.put(text)
    }
}
