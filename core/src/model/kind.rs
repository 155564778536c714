//! Device kinds, tiers, gases.

crate::coded::coded_enum! {
    /// What a product is.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub enum DeviceKind: u8 => serde {
        /// 燃气类可燃气体泄漏报警装置 (附件3 一): requirement ids `ALM-*`.
        LeakAlarm = 1, "leak_alarm", "燃气泄漏报警装置", "gas leak alarm";
        /// 安全自闭阀 (附件3 二): requirement ids `VLV-*`.
        SelfClosingValve = 2, "self_closing_valve", "安全自闭阀", "self-closing valve";
    }
}

crate::coded::coded_enum! {
    /// Product tier (附件3, 安装方案 四（二）): 低档, 中档, 高档. Ordered `Low < Mid < High`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub enum Tier: u8 => serde {
        /// 低档.
        Low = 1, "low", "低档", "low";
        /// 中档.
        Mid = 2, "mid", "中档", "mid";
        /// 高档.
        High = 3, "high", "高档", "high";
    }
}

impl Tier {
    /// Bit of this tier in a tier set (`low` = 1, `mid` = 2, `high` = 4).
    pub const fn bit(self) -> u8 {
        match self {
            Tier::Low => 1,
            Tier::Mid => 2,
            Tier::High => 4,
        }
    }
}

crate::coded::coded_enum! {
    /// A gas a device detects or reports.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub enum Gas: u8 => serde {
        /// Methane / natural gas (甲烷), the gas every alarm must detect (ALM-3a).
        Methane = 1, "methane", "甲烷", "methane";
        /// Carbon monoxide (一氧化碳), required for mid and high tiers (ALM-3b).
        CarbonMonoxide = 2, "carbon_monoxide", "一氧化碳", "carbon monoxide";
        /// Propane / liquefied petroleum gas (液化石油气).
        Propane = 3, "propane", "丙烷/液化石油气", "propane/LPG";
    }
}

crate::coded::coded_enum! {
    /// Where an alarm is used; selects the part of GB 15322 that fits (ALM-2a).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub enum UseCase => serde {
        /// Household use: GB 15322.2.
        Household = "household";
        /// Industrial and commercial point type: GB 15322.1.
        IndustrialCommercial = "industrial_commercial";
    }
}
