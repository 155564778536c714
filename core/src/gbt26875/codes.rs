//! Code tables of GB/T 26875.3-2011: commands (表2), type flags (表3), system types (表4), component
//! types (表5), analog types (表6), status and operation bits (图6, 图7, 图9, 图13, 图14).
//!
//! Every table keeps unknown values as numbers (checklist row 7): a name lookup returns `None` for
//! reserved values and `Some("user_defined")`-style names only where the standard says so.

use crate::Text;

/// The snake_case name of a command byte (表2) \[GBT-4\].
///
/// `0` and `7..=127` are `"reserved"`, `128..=255` `"user_defined"`.
pub const fn command_name(command: u8) -> &'static str {
    match command {
        1 => "control",
        2 => "send_data",
        3 => "confirm",
        4 => "request",
        5 => "response",
        6 => "deny",
        128..=255 => "user_defined",
        _ => "reserved",
    }
}

/// The command's name for people.
pub const fn command_text(command: u8) -> Text {
    match command {
        1 => Text::new("控制命令", "control command"),
        2 => Text::new("发送数据", "send data"),
        3 => Text::new("确认", "confirm"),
        4 => Text::new("请求", "request"),
        5 => Text::new("应答", "response"),
        6 => Text::new("否认", "deny"),
        128..=255 => Text::new("用户自行定义", "user-defined"),
        _ => Text::new("预留", "reserved"),
    }
}

/// Whether the command byte is reserved (0, 7–127): a verification error in strict mode (§6.5.3).
pub(crate) const fn command_is_reserved(command: u8) -> bool {
    matches!(command, 0 | 7..=127)
}

/// Whether a command carries data, so an empty ADU under it is a heartbeat (checklist row 2).
pub(crate) const fn command_carries_data(command: u8) -> bool {
    matches!(command, 1 | 2 | 4 | 5)
}

/// The body layout of a type flag (图6–46): which [`Object`](super::Object) variant its objects are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Layout {
    /// Type 1 (图6): system status.
    SystemStatus,
    /// Type 2 (图7): component status with description.
    ComponentStatus,
    /// Type 3 (图8): component analog value.
    AnalogValue,
    /// Type 4 (图9): facility operation information.
    Operation,
    /// Type 5 (图10): facility software version.
    SoftwareVersion,
    /// Type 6 (图11): system configuration text (variable size).
    SystemConfig,
    /// Type 7 (图12): component configuration.
    ComponentConfig,
    /// Type 8 (图25): facility system time.
    SystemTime,
    /// Type 21 (图13): UITD status.
    UitdStatus,
    /// Type 24 (图14): UITD operation information.
    UitdOperation,
    /// Type 25 (图15): UITD software version.
    UitdVersion,
    /// Type 26 (图16): UITD configuration text (variable size).
    UitdConfig,
    /// Type 28 (图30): UITD system time.
    UitdTime,
    /// Types 61, 65, 66, 68: system type and address.
    ReadSystem,
    /// Types 62, 63, 67: system type and address, component address (no component type).
    ReadComponent,
    /// Type 64 (图34): system, record count, start time.
    ReadOperations,
    /// Type 84 (图40): record count, start time.
    ReadUitdOperations,
    /// Types 81, 85, 86, 88, 89: one reserved byte (= 0).
    Reserved,
    /// Type 90 (图45): centre time.
    ClockSync,
    /// Type 91 (图46): answer timeout in minutes.
    AttendanceCheck,
}

impl Layout {
    /// The fixed body size, or `None` for the variable-size configuration texts (types 6 and 26).
    pub const fn body_len(self) -> Option<usize> {
        Some(match self {
            Layout::SystemStatus => 4,
            Layout::ComponentStatus => 40,
            Layout::AnalogValue => 10,
            Layout::Operation => 4,
            Layout::SoftwareVersion => 4,
            Layout::ComponentConfig => 38,
            Layout::SystemTime => 8,
            Layout::UitdStatus => 1,
            Layout::UitdOperation => 2,
            Layout::UitdVersion => 2,
            Layout::UitdTime => 6,
            Layout::ReadSystem => 2,
            Layout::ReadComponent => 6,
            Layout::ReadOperations => 9,
            Layout::ReadUitdOperations => 7,
            Layout::Reserved => 1,
            Layout::ClockSync => 6,
            Layout::AttendanceCheck => 1,
            Layout::SystemConfig | Layout::UitdConfig => return None,
        })
    }

    /// For variable layouts: bytes before the length byte (2 for type 6, 0 for type 26).
    pub(super) const fn text_head(self) -> usize {
        match self {
            Layout::SystemConfig => 2,
            _ => 0,
        }
    }
}

/// One row of 表3 with the body size, time label and maximum count of §8.3 (图18–46).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TypeInfo {
    /// The type flag.
    pub flag: u8,
    /// Stable snake_case name (the JSON `type_name`).
    pub name: &'static str,
    /// 说明 in Chinese and English.
    pub text: Text,
    /// The object layout.
    pub layout: Layout,
    /// Whether each object is followed by a 6-byte time label.
    pub time_label: bool,
    /// The most objects one ADU may carry (the figure's limit; 1 where it fixes n = 1).
    pub max_count: u8,
    /// Uplink (UITD → centre) or downlink.
    pub uplink: bool,
}

macro_rules! types {
    ($( $flag:literal, $name:literal, $zh:literal, $en:literal, $layout:ident, $time:literal, $max:literal, $up:literal; )*) => {
        /// Every type flag of 表3 the standard defines, in numeric order.
        pub const TYPES: &[TypeInfo] = &[
            $( TypeInfo {
                flag: $flag,
                name: $name,
                text: Text::new($zh, $en),
                layout: Layout::$layout,
                time_label: $time,
                max_count: $max,
                uplink: $up,
            }, )*
        ];

        /// The row of 表3 for a type flag; `None` for reserved and user-defined flags.
        pub fn type_info(flag: u8) -> Option<&'static TypeInfo> {
            TYPES.iter().find(|t| t.flag == flag)
        }
    };
}

types! {
    1, "system_status", "上传建筑消防设施系统状态", "building fire facility system status", SystemStatus, true, 102, true;
    2, "component_status", "上传建筑消防设施部件运行状态", "building fire facility component status", ComponentStatus, true, 22, true;
    3, "analog_value", "上传建筑消防设施部件模拟量值", "building fire facility component analog value", AnalogValue, true, 63, true;
    4, "operation", "上传建筑消防设施操作信息", "building fire facility operation information", Operation, true, 102, true;
    5, "software_version", "上传建筑消防设施软件版本", "building fire facility software version", SoftwareVersion, false, 1, true;
    6, "system_config", "上传建筑消防设施系统配置情况", "building fire facility system configuration", SystemConfig, false, 3, true;
    7, "component_config", "上传建筑消防设施部件配置情况", "building fire facility component configuration", ComponentConfig, false, 26, true;
    8, "system_time", "上传建筑消防设施系统时间", "building fire facility system time", SystemTime, false, 1, true;
    21, "uitd_status", "上传用户信息传输装置运行状态", "UITD status", UitdStatus, true, 1, true;
    24, "uitd_operation", "上传用户信息传输装置操作信息", "UITD operation information", UitdOperation, true, 127, true;
    25, "uitd_software_version", "上传用户信息传输装置软件版本", "UITD software version", UitdVersion, false, 1, true;
    26, "uitd_config", "上传用户信息传输装置配置情况", "UITD configuration", UitdConfig, false, 1, true;
    28, "uitd_time", "上传用户信息传输装置系统时间", "UITD system time", UitdTime, false, 1, true;
    61, "read_system_status", "读建筑消防设施系统状态", "read system status", ReadSystem, false, 102, false;
    62, "read_component_status", "读建筑消防设施部件运行状态", "read component status", ReadComponent, false, 22, false;
    63, "read_analog_value", "读建筑消防设施部件模拟量值", "read component analog value", ReadComponent, false, 63, false;
    64, "read_operations", "读建筑消防设施操作信息", "read operation information", ReadOperations, false, 1, false;
    65, "read_software_version", "读建筑消防设施软件版本", "read software version", ReadSystem, false, 1, false;
    66, "read_system_config", "读建筑消防设施系统配置情况", "read system configuration", ReadSystem, false, 3, false;
    67, "read_component_config", "读建筑消防设施部件配置情况", "read component configuration", ReadComponent, false, 26, false;
    68, "read_system_time", "读建筑消防设施系统时间", "read system time", ReadSystem, false, 1, false;
    81, "read_uitd_status", "读用户信息传输装置运行状态", "read UITD status", Reserved, false, 1, false;
    84, "read_uitd_operations", "读用户信息传输装置操作信息记录", "read UITD operation records", ReadUitdOperations, false, 1, false;
    85, "read_uitd_software_version", "读用户信息传输装置软件版本", "read UITD software version", Reserved, false, 1, false;
    86, "read_uitd_config", "读用户信息传输装置配置情况", "read UITD configuration", Reserved, false, 1, false;
    88, "read_uitd_time", "读用户信息传输装置系统时间", "read UITD system time", Reserved, false, 1, false;
    89, "init_uitd", "初始化用户信息传输装置", "initialise UITD", Reserved, false, 1, false;
    90, "sync_uitd_clock", "同步用户信息传输装置时钟", "synchronise UITD clock", ClockSync, false, 1, false;
    91, "attendance_check", "查岗命令", "attendance check", AttendanceCheck, false, 1, false;
}

/// The JSON `type_name` of any type flag: the 表3 name, `"user_defined"` (128–254) or `"reserved"`.
pub fn type_name(flag: u8) -> &'static str {
    match type_info(flag) {
        Some(t) => t.name,
        None if type_is_user_defined(flag) => "user_defined",
        None => "reserved",
    }
}

/// User-defined type flags (表3: 128–254; 255 is not assigned).
pub(crate) const fn type_is_user_defined(flag: u8) -> bool {
    matches!(flag, 128..=254)
}

/// The name of a system type (表4), `None` when reserved; 128–255 are user-defined.
pub const fn system_type_name(t: u8) -> Option<Text> {
    Some(match t {
        0 => Text::new("通用", "general"),
        1 => Text::new("火灾报警系统", "fire alarm system"),
        10 => Text::new("消防联动控制器", "fire linkage controller"),
        11 => Text::new("消火栓系统", "hydrant system"),
        12 => Text::new("自动喷水灭火系统", "sprinkler system"),
        13 => Text::new("气体灭火系统", "gas extinguishing system"),
        14 => Text::new(
            "水喷雾灭火系统(泵启动方式)",
            "water spray system, pump-started",
        ),
        15 => Text::new(
            "水喷雾灭火系统(压力容器启动方式)",
            "water spray system, pressure-vessel-started",
        ),
        16 => Text::new("泡沫灭火系统", "foam system"),
        17 => Text::new("干粉灭火系统", "dry-powder system"),
        18 => Text::new("防烟排烟系统", "smoke control system"),
        19 => Text::new("防火门及卷帘系统", "fire doors and shutters"),
        20 => Text::new("消防电梯", "fire elevator"),
        21 => Text::new("消防应急广播", "emergency broadcast"),
        22 => Text::new(
            "消防应急照明和疏散指示系统",
            "emergency lighting and evacuation signs",
        ),
        23 => Text::new("消防电源", "fire power supply"),
        24 => Text::new("消防电话", "fire telephone"),
        128..=255 => Text::new("用户自定义", "user-defined"),
        _ => return None,
    })
}

/// The name of a component type (表5), `None` when reserved; 128–255 are user-defined.
///
/// 10–13 are the combustible-gas detectors; 74 is a gas-sensing *fire* detector and 81 a gas
/// *extinguishing* controller: neither is used for gas leak detection (`spec/gbt26875.md`).
pub const fn component_type_name(t: u8) -> Option<Text> {
    Some(match t {
        0 => Text::new("通用", "general"),
        1 => Text::new("火灾报警控制器", "fire alarm control unit"),
        10 => Text::new("可燃气体探测器", "combustible gas detector"),
        11 => Text::new("点型可燃气体探测器", "point-type combustible gas detector"),
        12 => Text::new(
            "独立式可燃气体探测器",
            "stand-alone combustible gas detector",
        ),
        13 => Text::new("线型可燃气体探测器", "line-type combustible gas detector"),
        16 => Text::new(
            "电气火灾监控报警器",
            "electrical-fire monitoring alarm unit",
        ),
        17 => Text::new(
            "剩余电流式电气火灾监控探测器",
            "residual-current electrical-fire detector",
        ),
        18 => Text::new(
            "测温式电气火灾监控探测器",
            "temperature-type electrical-fire detector",
        ),
        21 => Text::new("探测回路", "detection loop"),
        22 => Text::new("火灾显示盘", "fire display panel"),
        23 => Text::new("手动火灾报警按钮", "manual call point"),
        24 => Text::new("消火栓按钮", "hydrant button"),
        25 => Text::new("火灾探测器", "fire detector"),
        30 => Text::new("感温火灾探测器", "heat detector"),
        31 => Text::new("点型感温火灾探测器", "point heat detector"),
        32 => Text::new("点型感温火灾探测器(S型)", "point heat detector, S type"),
        33 => Text::new("点型感温火灾探测器(R型)", "point heat detector, R type"),
        34 => Text::new("线型感温火灾探测器", "line heat detector"),
        35 => Text::new("线型感温火灾探测器(S型)", "line heat detector, S type"),
        36 => Text::new("线型感温火灾探测器(R型)", "line heat detector, R type"),
        37 => Text::new("光纤感温火灾探测器", "optical-fibre heat detector"),
        40 => Text::new("感烟火灾探测器", "smoke detector"),
        41 => Text::new("点型离子感烟火灾探测器", "point ionisation smoke detector"),
        42 => Text::new(
            "点型光电感烟火灾探测器",
            "point photoelectric smoke detector",
        ),
        43 => Text::new("线型光束感烟火灾探测器", "beam smoke detector"),
        44 => Text::new("吸气式感烟火灾探测器", "aspirating smoke detector"),
        50 => Text::new("复合式火灾探测器", "multi-sensor fire detector"),
        51 => Text::new(
            "复合式感烟感温火灾探测器",
            "multi-sensor fire detector, smoke and heat",
        ),
        52 => Text::new(
            "复合式感光感温火灾探测器",
            "multi-sensor fire detector, flame and heat",
        ),
        53 => Text::new(
            "复合式感光感烟火灾探测器",
            "multi-sensor fire detector, flame and smoke",
        ),
        61 => Text::new("紫外火焰探测器", "UV flame detector"),
        62 => Text::new("红外火焰探测器", "IR flame detector"),
        69 => Text::new("感光火灾探测器", "flame fire detector"),
        74 => Text::new("气体探测器", "gas-sensing fire detector"),
        78 => Text::new("图像摄像方式火灾探测器", "video fire detector"),
        79 => Text::new("感声火灾探测器", "acoustic fire detector"),
        81 => Text::new("气体灭火控制器", "gas extinguishing control unit"),
        82 => Text::new("消防电气控制装置", "fire electrical control device"),
        83 => Text::new(
            "消防控制室图形显示装置",
            "fire control room graphic display",
        ),
        84 => Text::new("模块", "module"),
        85 => Text::new("输入模块", "input module"),
        86 => Text::new("输出模块", "output module"),
        87 => Text::new("输入/输出模块", "input/output module"),
        88 => Text::new("中继模块", "relay module"),
        91 => Text::new("消防水泵", "fire pump"),
        92 => Text::new("消防水箱", "fire water tank"),
        95 => Text::new("喷淋泵", "sprinkler pump"),
        96 => Text::new("水流指示器", "water-flow indicator"),
        97 => Text::new("信号阀", "signal valve"),
        98 => Text::new("报警阀", "alarm valve"),
        99 => Text::new("压力开关", "pressure switch"),
        101 => Text::new("阀驱动装置", "valve actuator"),
        102 => Text::new("防火门", "fire door"),
        103 => Text::new("防火阀", "fire damper"),
        104 => Text::new("通风空调", "ventilation and air conditioning"),
        105 => Text::new("泡沫液泵", "foam pump"),
        106 => Text::new("管网电磁阀", "pipe-network solenoid valve"),
        111 => Text::new("防烟排烟风机", "smoke-control fan"),
        113 => Text::new("排烟防火阀", "smoke-exhaust fire damper"),
        114 => Text::new("常闭送风口", "normally-closed air-supply outlet"),
        115 => Text::new("排烟口", "smoke-exhaust outlet"),
        116 => Text::new("电控挡烟垂壁", "electrically controlled smoke curtain"),
        117 => Text::new("防火卷帘控制器", "fire-shutter controller"),
        118 => Text::new("防火门监控器", "fire-door monitor"),
        121 => Text::new("警报装置", "alarm device"),
        128..=255 => Text::new("用户自定义", "user-defined"),
        _ => return None,
    })
}

/// An analog type of 表6 with its unit and resolution (最小计量单元).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnalogType {
    /// The type code.
    pub code: u8,
    /// 说明 in Chinese and English.
    pub text: Text,
    /// The unit symbol.
    pub unit: &'static str,
    /// Engineering units per count = `1 / divisor` (1, 10 or 100).
    pub divisor: u16,
}

impl AnalogType {
    /// The value in engineering units of a raw count: `raw / divisor` \[GBT-8\].
    pub fn scale(self, raw: i16) -> f64 {
        f64::from(raw) / f64::from(self.divisor)
    }
}

/// The analog type (表6) with its unit and resolution; `None` for 0 (未用), reserved (13–127) and
/// user-defined (128–255) types, which have no standard scale.
pub const fn analog_type(code: u8) -> Option<AnalogType> {
    let (zh, en, unit, divisor) = match code {
        1 => ("事件计数", "event count", "件", 1),
        2 => ("高度", "height", "m", 100),
        3 => ("温度", "temperature", "℃", 10),
        4 => ("压力", "pressure", "MPa", 10),
        5 => ("压力", "pressure", "kPa", 10),
        6 => ("气体浓度", "gas concentration", "%LEL", 10),
        7 => ("时间", "time", "s", 1),
        8 => ("电压", "voltage", "V", 10),
        9 => ("电流", "current", "A", 10),
        10 => ("流量", "flow", "L/s", 10),
        11 => ("风量", "air volume", "m³/min", 10),
        12 => ("风速", "air speed", "m/s", 1),
        _ => return None,
    };
    Some(AnalogType {
        code,
        text: Text::new(zh, en),
        unit,
        divisor,
    })
}

/// Names of the 16 bits of a status or flags word, bit 0 first. Reserved bits are named `bitN`.
pub type BitSet = [&'static str; 16];

/// System status bits (图6). Bit 0: 1 正常运行 / 0 测试 (reported only when set, checklist row 8).
pub const SYSTEM_STATUS_BITS: BitSet = [
    "normal",
    "fire_alarm",
    "fault",
    "disabled",
    "supervisory",
    "started",
    "feedback",
    "delay",
    "main_power_fault",
    "backup_power_fault",
    "bus_fault",
    "manual",
    "config_changed",
    "reset",
    "bit14",
    "bit15",
];

/// Component status bits (图7).
pub const COMPONENT_STATUS_BITS: BitSet = [
    "normal",
    "fire_alarm",
    "fault",
    "disabled",
    "supervisory",
    "started",
    "feedback",
    "delay",
    "power_fault",
    "bit9",
    "bit10",
    "bit11",
    "bit12",
    "bit13",
    "bit14",
    "bit15",
];

/// UITD status bits (图13, one byte).
pub const UITD_STATUS_BITS: BitSet = [
    "normal",
    "fire_alarm",
    "fault",
    "main_power_fault",
    "backup_power_fault",
    "channel_fault",
    "line_fault",
    "bit7",
    "bit8",
    "bit9",
    "bit10",
    "bit11",
    "bit12",
    "bit13",
    "bit14",
    "bit15",
];

/// Facility operation flags (图9, one byte).
pub const OPERATION_BITS: BitSet = [
    "reset",
    "silence",
    "manual_alarm",
    "alarm_cleared",
    "self_test",
    "acknowledge",
    "test",
    "bit7",
    "bit8",
    "bit9",
    "bit10",
    "bit11",
    "bit12",
    "bit13",
    "bit14",
    "bit15",
];

/// UITD operation flags (图14): bit 5 is 查岗应答 (attendance-check answer).
pub const UITD_OPERATION_BITS: BitSet = [
    "reset",
    "silence",
    "manual_alarm",
    "alarm_cleared",
    "self_test",
    "attendance_answer",
    "test",
    "bit7",
    "bit8",
    "bit9",
    "bit10",
    "bit11",
    "bit12",
    "bit13",
    "bit14",
    "bit15",
];

/// Reserved-bit masks: bits the standard prints as "0 预留".
pub(crate) const SYSTEM_STATUS_RESERVED: u16 = 0xC000;
pub(crate) const COMPONENT_STATUS_RESERVED: u16 = 0xFE00;
pub(crate) const UITD_STATUS_RESERVED: u8 = 0x80;
pub(crate) const OPERATION_RESERVED: u8 = 0x80;

/// The names of the set bits of `word`, in bit order.
pub fn status_bits(names: &'static BitSet, word: u16) -> impl Iterator<Item = &'static str> {
    names
        .iter()
        .enumerate()
        .filter(move |(i, _)| word & (1u16 << i) != 0)
        .map(|(_, n)| *n)
}

/// The names of the set operation flags (`uitd` selects 图14 over 图9).
pub fn operation_bits(uitd: bool, flags: u8) -> impl Iterator<Item = &'static str> {
    status_bits(
        if uitd {
            &UITD_OPERATION_BITS
        } else {
            &OPERATION_BITS
        },
        u16::from(flags),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_table_is_sorted_and_complete() {
        let flags: [u8; 29] = [
            1, 2, 3, 4, 5, 6, 7, 8, 21, 24, 25, 26, 28, 61, 62, 63, 64, 65, 66, 67, 68, 81, 84, 85,
            86, 88, 89, 90, 91,
        ];
        assert_eq!(TYPES.len(), flags.len());
        for (t, f) in TYPES.iter().zip(flags) {
            assert_eq!(t.flag, f);
            assert_eq!(type_info(f), Some(t));
        }
        assert_eq!(type_info(0), None);
        assert_eq!(type_name(45), "reserved");
        assert_eq!(type_name(200), "user_defined");
        assert_eq!(type_name(255), "reserved");
    }

    #[test]
    fn bit_names() {
        let v: heapless::Names = status_bits(&COMPONENT_STATUS_BITS, 0x0003).collect();
        assert_eq!(&v.0[..v.1], &["normal", "fire_alarm"]);
        let v: heapless::Names = operation_bits(true, 0x20).collect();
        assert_eq!(&v.0[..v.1], &["attendance_answer"]);
        assert_eq!(analog_type(6).map(|a| a.scale(250)), Some(25.0));
        assert_eq!(analog_type(2).map(|a| a.scale(-5)), Some(-0.05));
        assert_eq!(analog_type(13), None);
        assert_eq!(command_name(7), "reserved");
        assert_eq!(command_name(200), "user_defined");
    }

    mod heapless {
        pub struct Names(pub [&'static str; 16], pub usize);
        impl FromIterator<&'static str> for Names {
            fn from_iter<I: IntoIterator<Item = &'static str>>(iter: I) -> Self {
                let mut n = Names([""; 16], 0);
                for s in iter {
                    n.0[n.1] = s;
                    n.1 += 1;
                }
                n
            }
        }
    }
}
