//! Device kinds, tiers, gases.

/// What a product is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum DeviceKind {
    /// 燃气类可燃气体泄漏报警装置 (附件3 一): requirement ids `ALM-*`.
    LeakAlarm,
    /// 安全自闭阀 (附件3 二): requirement ids `VLV-*`.
    SelfClosingValve,
}

crate::serde_names::deserialize_by_name!(DeviceKind {
    LeakAlarm = "leak_alarm",
    SelfClosingValve = "self_closing_valve",
});

impl DeviceKind {
    /// Every kind.
    pub const ALL: [DeviceKind; 2] = [DeviceKind::LeakAlarm, DeviceKind::SelfClosingValve];

    /// The JSON / CLI name.
    pub const fn as_str(self) -> &'static str {
        match self {
            DeviceKind::LeakAlarm => "leak_alarm",
            DeviceKind::SelfClosingValve => "self_closing_valve",
        }
    }

    /// Parse the JSON / CLI name.
    pub fn parse(s: &str) -> Option<DeviceKind> {
        DeviceKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Name in both languages.
    pub const fn text(self) -> crate::Text {
        match self {
            DeviceKind::LeakAlarm => crate::Text::new("燃气泄漏报警装置", "gas leak alarm"),
            DeviceKind::SelfClosingValve => crate::Text::new("安全自闭阀", "self-closing valve"),
        }
    }
}

/// Product tier (附件3, 安装方案 四（二）): 低档, 中档, 高档. Ordered `Low < Mid < High`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Tier {
    /// 低档.
    Low,
    /// 中档.
    Mid,
    /// 高档.
    High,
}

crate::serde_names::deserialize_by_name!(Tier {
    Low = "low",
    Mid = "mid",
    High = "high",
});

impl Tier {
    /// Every tier, lowest first.
    pub const ALL: [Tier; 3] = [Tier::Low, Tier::Mid, Tier::High];

    /// The JSON / CLI name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Tier::Low => "low",
            Tier::Mid => "mid",
            Tier::High => "high",
        }
    }

    /// Parse the JSON / CLI name.
    pub fn parse(s: &str) -> Option<Tier> {
        Tier::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// Name in both languages.
    pub const fn text(self) -> crate::Text {
        match self {
            Tier::Low => crate::Text::new("低档", "low"),
            Tier::Mid => crate::Text::new("中档", "mid"),
            Tier::High => crate::Text::new("高档", "high"),
        }
    }

    /// Bit of this tier in a tier set (`low` = 1, `mid` = 2, `high` = 4).
    pub const fn bit(self) -> u8 {
        match self {
            Tier::Low => 1,
            Tier::Mid => 2,
            Tier::High => 4,
        }
    }
}

/// A gas a device detects or reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Gas {
    /// Methane / natural gas (甲烷), the gas every alarm must detect (ALM-3a).
    Methane,
    /// Carbon monoxide (一氧化碳), required for mid and high tiers (ALM-3b).
    CarbonMonoxide,
    /// Propane / liquefied petroleum gas (液化石油气).
    Propane,
}

crate::serde_names::deserialize_by_name!(Gas {
    Methane = "methane",
    CarbonMonoxide = "carbon_monoxide",
    Propane = "propane",
});

impl Gas {
    /// The JSON name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Gas::Methane => "methane",
            Gas::CarbonMonoxide => "carbon_monoxide",
            Gas::Propane => "propane",
        }
    }

    /// Name in both languages.
    pub const fn text(self) -> crate::Text {
        match self {
            Gas::Methane => crate::Text::new("甲烷", "methane"),
            Gas::CarbonMonoxide => crate::Text::new("一氧化碳", "carbon monoxide"),
            Gas::Propane => crate::Text::new("丙烷/液化石油气", "propane/LPG"),
        }
    }
}

/// Where an alarm is used; selects the part of GB 15322 that fits (ALM-2a).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum UseCase {
    /// Household use: GB 15322.2.
    Household,
    /// Industrial and commercial point type: GB 15322.1.
    IndustrialCommercial,
}

crate::serde_names::deserialize_by_name!(UseCase {
    Household = "household",
    IndustrialCommercial = "industrial_commercial",
});
