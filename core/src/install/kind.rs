//! What an inspector can find installed: the two catalogue kinds and the cut-off valve.

use crate::model::DeviceKind;

/// A kind of installed safety device. The first two are the catalogue's kinds ([`DeviceKind`]);
/// the third is the 切断阀 of 职责 (区教委 「按规定安装使用燃气类可燃气体泄漏报警装置、切断阀等安全装置」),
/// which is not in the catalogue (安装方案 四（二） lists 「燃气类可燃气体泄漏报警装置和安全自闭阀销售安装单位」)
/// and has no 附件3 clauses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum InstalledKind {
    /// 燃气类可燃气体泄漏报警装置.
    LeakAlarm,
    /// 安全自闭阀.
    SelfClosingValve,
    /// 紧急切断阀: the valve an alarm's interlock closes (ALM-4 「切断阀开闭状态」).
    CutoffValve,
}

crate::serde_names::deserialize_by_name!(InstalledKind {
    LeakAlarm = "leak_alarm",
    SelfClosingValve = "self_closing_valve",
    CutoffValve = "cutoff_valve",
});

impl InstalledKind {
    /// Every kind, in obligation order.
    pub const ALL: [InstalledKind; 3] = [
        InstalledKind::LeakAlarm,
        InstalledKind::SelfClosingValve,
        InstalledKind::CutoffValve,
    ];

    /// The JSON / CSV name.
    pub const fn as_str(self) -> &'static str {
        match self {
            InstalledKind::LeakAlarm => "leak_alarm",
            InstalledKind::SelfClosingValve => "self_closing_valve",
            InstalledKind::CutoffValve => "cutoff_valve",
        }
    }

    /// The catalogue kind, if the catalogue lists devices of this kind.
    pub const fn catalogue_kind(self) -> Option<DeviceKind> {
        match self {
            InstalledKind::LeakAlarm => Some(DeviceKind::LeakAlarm),
            InstalledKind::SelfClosingValve => Some(DeviceKind::SelfClosingValve),
            InstalledKind::CutoffValve => None,
        }
    }

    /// Name in both languages.
    pub const fn text(self) -> crate::Text {
        match self {
            InstalledKind::LeakAlarm => DeviceKind::LeakAlarm.text(),
            InstalledKind::SelfClosingValve => DeviceKind::SelfClosingValve.text(),
            InstalledKind::CutoffValve => crate::Text::new("紧急切断阀", "emergency cut-off valve"),
        }
    }
}

impl From<DeviceKind> for InstalledKind {
    fn from(k: DeviceKind) -> InstalledKind {
        match k {
            DeviceKind::LeakAlarm => InstalledKind::LeakAlarm,
            DeviceKind::SelfClosingValve => InstalledKind::SelfClosingValve,
        }
    }
}
