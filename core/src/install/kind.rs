//! What an inspector can find installed: the two catalogue kinds and the cut-off valve.

use crate::model::DeviceKind;

crate::coded::coded_enum! {
    /// A kind of installed safety device. The first two are the catalogue's kinds ([`DeviceKind`]);
    /// the third is the 切断阀 of 职责 (区教委 「按规定安装使用燃气类可燃气体泄漏报警装置、切断阀等安全装置」),
    /// which is not in the catalogue (安装方案 四（二） lists 「燃气类可燃气体泄漏报警装置和安全自闭阀销售安装单位」)
    /// and has no 附件3 clauses.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum InstalledKind => serde {
        /// 燃气类可燃气体泄漏报警装置.
        LeakAlarm = "leak_alarm", "燃气泄漏报警装置", "gas leak alarm";
        /// 安全自闭阀.
        SelfClosingValve = "self_closing_valve", "安全自闭阀", "self-closing valve";
        /// 紧急切断阀: the valve an alarm's interlock closes (ALM-4 「切断阀开闭状态」).
        CutoffValve = "cutoff_valve", "紧急切断阀", "emergency cut-off valve";
    }
}

impl InstalledKind {
    /// The catalogue kind, if the catalogue lists devices of this kind.
    pub const fn catalogue_kind(self) -> Option<DeviceKind> {
        match self {
            InstalledKind::LeakAlarm => Some(DeviceKind::LeakAlarm),
            InstalledKind::SelfClosingValve => Some(DeviceKind::SelfClosingValve),
            InstalledKind::CutoffValve => None,
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
