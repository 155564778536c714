//! The requirement table: every checkable clause with its stable id.
//!
//! `spec/requirements.json` is the single source of truth; this `static` table is its embedded copy
//! and `core/tests/spec_sync.rs` fails if the two differ in any field. Ids are the contract: the
//! reports, vectors, bindings and CLI all name requirements by them.

use crate::model::{DeviceKind, Tier};
use crate::text::Text;

/// The rule-set id of this table (`spec/requirements.json` `ruleset`).
pub const RULESET: &str = "nanchuan-2022";
/// The rule-set version (`spec/requirements.json` `version`).
pub const RULESET_VERSION: u32 = 2;

/// What a requirement applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Scope {
    /// A leak alarm declaration (附件3 一).
    LeakAlarm,
    /// A self-closing valve declaration (附件3 二).
    SelfClosingValve,
    /// Every product declaration (certificate sanity).
    AnyProduct,
    /// A whole catalogue.
    Catalogue,
    /// A user profile or inspection record.
    Installation,
    /// Platforms and signals.
    Platform,
}

impl Scope {
    /// The JSON name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Scope::LeakAlarm => "leak_alarm",
            Scope::SelfClosingValve => "self_closing_valve",
            Scope::AnyProduct => "any_product",
            Scope::Catalogue => "catalogue",
            Scope::Installation => "installation",
            Scope::Platform => "platform",
        }
    }

    /// Whether a product of `kind` is checked against requirements of this scope.
    pub const fn covers(self, kind: DeviceKind) -> bool {
        matches!(
            (self, kind),
            (Scope::AnyProduct, _)
                | (Scope::LeakAlarm, DeviceKind::LeakAlarm)
                | (Scope::SelfClosingValve, DeviceKind::SelfClosingValve)
        )
    }
}

/// How a requirement is evaluated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum CheckKind {
    /// Against a product declaration.
    Declaration,
    /// Against a whole catalogue.
    Catalogue,
    /// Against a user profile or inspection record.
    Installation,
    /// Reported, never failed.
    Informational,
}

impl CheckKind {
    /// The JSON name.
    pub const fn as_str(self) -> &'static str {
        match self {
            CheckKind::Declaration => "declaration",
            CheckKind::Catalogue => "catalogue",
            CheckKind::Installation => "installation",
            CheckKind::Informational => "informational",
        }
    }
}

/// A set of tiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct TierSet(u8);

impl TierSet {
    /// No tier (requirements that are not tiered).
    pub const EMPTY: TierSet = TierSet(0);

    /// This set plus `tier`.
    pub const fn with(self, tier: Tier) -> TierSet {
        TierSet(self.0 | tier.bit())
    }

    /// Whether `tier` is in the set.
    pub const fn contains(self, tier: Tier) -> bool {
        self.0 & tier.bit() != 0
    }

    /// The tiers in the set, lowest first.
    pub fn iter(self) -> impl Iterator<Item = Tier> {
        Tier::ALL.into_iter().filter(move |t| self.contains(*t))
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for TierSet {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

/// One checkable clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Requirement {
    /// Stable id, e.g. `ALM-3b`.
    pub id: &'static str,
    /// What it applies to.
    pub scope: Scope,
    /// Where it comes from (`附件3 一.3`).
    pub clause: &'static str,
    /// Tiers it applies to (empty for untiered requirements).
    pub tiers: TierSet,
    /// How it is evaluated.
    pub check: CheckKind,
    /// The clause rendered for this id in Chinese and English. The Chinese rendering attributes
    /// nothing to the plan that [`Requirement::source_text`] does not say.
    pub text: Text,
    /// The exact sentence(s) of the plan this requirement derives from (parts joined by `……`),
    /// each a verbatim substring of `spec/sources/nanchuan-2022.txt` (whitespace ignored);
    /// `None` for libgasdev's own checks (CERT-*, INTEG-*, PRICE-*).
    pub source_text: Option<&'static str>,
    /// Standard numbers that satisfy it, when it asks for conformance to a standard.
    pub standards: &'static [&'static str],
    /// The id of the interpretation in `spec/interpretations.md` that applies, if any.
    pub interpretation: Option<&'static str>,
}

impl Requirement {
    /// Whether this requirement applies to a product of `kind` claimed at `tier`.
    pub const fn applies_to(&self, kind: DeviceKind, tier: Tier) -> bool {
        self.scope.covers(kind) && self.tiers.contains(tier)
    }
}

/// Look a requirement up by id.
pub fn by_id(id: &str) -> Option<&'static Requirement> {
    ALL.iter().find(|r| r.id == id)
}

/// The requirements that apply to a product of `kind` at `tier`, in table order.
pub fn for_product(kind: DeviceKind, tier: Tier) -> impl Iterator<Item = &'static Requirement> {
    ALL.iter().filter(move |r| r.applies_to(kind, tier))
}

/// The requirements a product of `kind` is evaluated against at any tier, in table order.
pub fn for_kind(kind: DeviceKind) -> impl Iterator<Item = &'static Requirement> {
    ALL.iter().filter(move |r| r.scope.covers(kind))
}

/// The one filter of the table (the CLI's `--kind`/`--tier`, the C and JavaScript
/// `requirements` calls): all of them; those a product of `kind` is evaluated against at any
/// tier; or those that apply to `kind` at `tier`. A tier without a kind selects by tier alone.
pub fn select(
    kind: Option<DeviceKind>,
    tier: Option<Tier>,
) -> impl Iterator<Item = &'static Requirement> {
    ALL.iter().filter(move |r| match (kind, tier) {
        (Some(k), Some(t)) => r.applies_to(k, t),
        (Some(k), None) => r.scope.covers(k),
        (None, Some(t)) => r.tiers.contains(t),
        (None, None) => true,
    })
}

/// Every requirement, in the order of `spec/requirements.json`.
pub static ALL: &[Requirement] = &[
    Requirement {
        id: "ALM-1a",
        scope: Scope::LeakAlarm,
        clause: "附件3 一.1",
        tiers: TierSet::EMPTY
            .with(Tier::Low)
            .with(Tier::Mid)
            .with(Tier::High),
        check: CheckKind::Declaration,
        text: Text::new(
            "销售安装任意型号的产品应取得《计量器具型式批准证书》。",
            "Holds a pattern-approval certificate of a measuring instrument (CPA).",
        ),
        source_text: Some(
            "销售安装任意型号的产品应取得《计量器具型式批准证书》《防爆合格证》《消防产品认证证书》等法定认证。",
        ),
        standards: &[],
        interpretation: None,
    },
    Requirement {
        id: "ALM-1b",
        scope: Scope::LeakAlarm,
        clause: "附件3 一.1",
        tiers: TierSet::EMPTY
            .with(Tier::Low)
            .with(Tier::Mid)
            .with(Tier::High),
        check: CheckKind::Declaration,
        text: Text::new(
            "销售安装任意型号的产品应取得《防爆合格证》。",
            "Holds an explosion-protection certificate.",
        ),
        source_text: Some(
            "销售安装任意型号的产品应取得《计量器具型式批准证书》《防爆合格证》《消防产品认证证书》等法定认证。",
        ),
        standards: &[],
        interpretation: None,
    },
    Requirement {
        id: "ALM-1c",
        scope: Scope::LeakAlarm,
        clause: "附件3 一.1",
        tiers: TierSet::EMPTY
            .with(Tier::Low)
            .with(Tier::Mid)
            .with(Tier::High),
        check: CheckKind::Declaration,
        text: Text::new(
            "销售安装任意型号的产品应取得《消防产品认证证书》。",
            "Holds a fire-product certification certificate.",
        ),
        source_text: Some(
            "销售安装任意型号的产品应取得《计量器具型式批准证书》《防爆合格证》《消防产品认证证书》等法定认证。",
        ),
        standards: &[],
        interpretation: None,
    },
    Requirement {
        id: "ALM-2a",
        scope: Scope::LeakAlarm,
        clause: "附件3 一.2",
        tiers: TierSet::EMPTY
            .with(Tier::Low)
            .with(Tier::Mid)
            .with(Tier::High),
        check: CheckKind::Declaration,
        text: Text::new(
            "应符合《可燃气体探测器第1部分工业及商业用途点型可燃气体探测器》《可燃气体探测器第2部分家用可燃气体探测器》等规范要求。",
            "Conforms to GB 15322.1 (industrial/commercial point type) and GB 15322.2 (household) as the plan lists them; libgasdev accepts the part that fits its use (INT-14).",
        ),
        source_text: Some(
            "应符合《可燃气体探测器第1部分工业及商业用途点型可燃气体探测器》《可燃气体探测器第2部分家用可燃气体探测器》《爆炸危险环境电力装置设计规范》《消防电子产品防护要求》等规范要求。",
        ),
        standards: &["GB 15322.1", "GB 15322.2"],
        interpretation: Some("INT-14"),
    },
    Requirement {
        id: "ALM-2b",
        scope: Scope::LeakAlarm,
        clause: "附件3 一.2",
        tiers: TierSet::EMPTY
            .with(Tier::Low)
            .with(Tier::Mid)
            .with(Tier::High),
        check: CheckKind::Declaration,
        text: Text::new(
            "应符合《爆炸危险环境电力装置设计规范》。",
            "Conforms to the design code for electrical installations in explosive atmospheres (GB 50058).",
        ),
        source_text: Some(
            "应符合《可燃气体探测器第1部分工业及商业用途点型可燃气体探测器》《可燃气体探测器第2部分家用可燃气体探测器》《爆炸危险环境电力装置设计规范》《消防电子产品防护要求》等规范要求。",
        ),
        standards: &["GB 50058"],
        interpretation: None,
    },
    Requirement {
        id: "ALM-2c",
        scope: Scope::LeakAlarm,
        clause: "附件3 一.2",
        tiers: TierSet::EMPTY
            .with(Tier::Low)
            .with(Tier::Mid)
            .with(Tier::High),
        check: CheckKind::Declaration,
        text: Text::new(
            "应符合《消防电子产品防护要求》。",
            "Conforms to the protection requirements for fire electronic products (GB 23757, standard number inferred).",
        ),
        source_text: Some(
            "应符合《可燃气体探测器第1部分工业及商业用途点型可燃气体探测器》《可燃气体探测器第2部分家用可燃气体探测器》《爆炸危险环境电力装置设计规范》《消防电子产品防护要求》等规范要求。",
        ),
        standards: &["GB 23757"],
        interpretation: Some("INT-3"),
    },
    Requirement {
        id: "ALM-3a",
        scope: Scope::LeakAlarm,
        clause: "附件3 一.3",
        tiers: TierSet::EMPTY
            .with(Tier::Low)
            .with(Tier::Mid)
            .with(Tier::High),
        check: CheckKind::Declaration,
        text: Text::new("应具备甲烷浓度检测功能。", "Detects methane concentration."),
        source_text: Some("应具备甲烷浓度检测功能，中、高档产品还应具备一氧化碳浓度检测功能。"),
        standards: &[],
        interpretation: None,
    },
    Requirement {
        id: "ALM-3b",
        scope: Scope::LeakAlarm,
        clause: "附件3 一.3",
        tiers: TierSet::EMPTY.with(Tier::Mid).with(Tier::High),
        check: CheckKind::Declaration,
        text: Text::new(
            "中、高档产品还应具备一氧化碳浓度检测功能。",
            "Mid and high tiers also detect carbon monoxide concentration.",
        ),
        source_text: Some("应具备甲烷浓度检测功能，中、高档产品还应具备一氧化碳浓度检测功能。"),
        standards: &[],
        interpretation: None,
    },
    Requirement {
        id: "ALM-4",
        scope: Scope::LeakAlarm,
        clause: "附件3 一.4",
        tiers: TierSet::EMPTY.with(Tier::Mid).with(Tier::High),
        check: CheckKind::Declaration,
        text: Text::new(
            "中、高档产品应具备有线或无线连锁切断装置的功能。",
            "Mid and high tiers interlock a cut-off device, wired or wireless.",
        ),
        source_text: Some("中、高档产品应具备有线或无线连锁切断装置的功能。"),
        standards: &[],
        interpretation: None,
    },
    Requirement {
        id: "ALM-5a",
        scope: Scope::LeakAlarm,
        clause: "附件3 一.5",
        tiers: TierSet::EMPTY
            .with(Tier::Low)
            .with(Tier::Mid)
            .with(Tier::High),
        check: CheckKind::Declaration,
        text: Text::new(
            "应具备工业互联网被动标识功能。",
            "Carries an industrial-internet passive identifier (label, QR code, RFID, NFC).",
        ),
        source_text: Some("应具备工业互联网被动标识功能，中、高档产品还应具备主动标识功能。"),
        standards: &[],
        interpretation: None,
    },
    Requirement {
        id: "ALM-5b",
        scope: Scope::LeakAlarm,
        clause: "附件3 一.5",
        tiers: TierSet::EMPTY.with(Tier::Mid).with(Tier::High),
        check: CheckKind::Declaration,
        text: Text::new(
            "中、高档产品还应具备主动标识功能。",
            "Mid and high tiers also carry an active identifier (SIM/UICC, module or chip).",
        ),
        source_text: Some("应具备工业互联网被动标识功能，中、高档产品还应具备主动标识功能。"),
        standards: &[],
        interpretation: None,
    },
    Requirement {
        id: "ALM-6a",
        scope: Scope::LeakAlarm,
        clause: "附件3 一.6",
        tiers: TierSet::EMPTY
            .with(Tier::Low)
            .with(Tier::Mid)
            .with(Tier::High),
        check: CheckKind::Declaration,
        text: Text::new(
            "应具备泄漏报警装置运行状态数据采集功能。",
            "Collects its own running status.",
        ),
        source_text: Some("应具备泄漏报警装置运行状态、切断阀开闭状态及泄漏气体浓度数据采集功能。"),
        standards: &[],
        interpretation: None,
    },
    Requirement {
        id: "ALM-6b",
        scope: Scope::LeakAlarm,
        clause: "附件3 一.6",
        tiers: TierSet::EMPTY
            .with(Tier::Low)
            .with(Tier::Mid)
            .with(Tier::High),
        check: CheckKind::Declaration,
        text: Text::new(
            "应具备切断阀开闭状态数据采集功能。",
            "Collects the cut-off valve's open/closed state.",
        ),
        source_text: Some("应具备泄漏报警装置运行状态、切断阀开闭状态及泄漏气体浓度数据采集功能。"),
        standards: &[],
        interpretation: Some("INT-1"),
    },
    Requirement {
        id: "ALM-6c",
        scope: Scope::LeakAlarm,
        clause: "附件3 一.6",
        tiers: TierSet::EMPTY
            .with(Tier::Low)
            .with(Tier::Mid)
            .with(Tier::High),
        check: CheckKind::Declaration,
        text: Text::new(
            "应具备泄漏气体浓度数据采集功能。",
            "Collects the leaked-gas concentration.",
        ),
        source_text: Some("应具备泄漏报警装置运行状态、切断阀开闭状态及泄漏气体浓度数据采集功能。"),
        standards: &[],
        interpretation: None,
    },
    Requirement {
        id: "ALM-7a",
        scope: Scope::LeakAlarm,
        clause: "附件3 一.7",
        tiers: TierSet::EMPTY
            .with(Tier::Low)
            .with(Tier::Mid)
            .with(Tier::High),
        check: CheckKind::Declaration,
        text: Text::new(
            "应具备有线或无线传输功能，将报警信息接入报警系统监测管理平台。",
            "Transmits alarm information, wired or wireless, into the alarm monitoring platform.",
        ),
        source_text: Some(
            "应具备有线或无线传输功能，将报警信息接入报警系统监测管理平台，中、高档产品还应具备通过电话、微信、APP等方式告知用户的功能。",
        ),
        standards: &[],
        interpretation: None,
    },
    Requirement {
        id: "ALM-7b",
        scope: Scope::LeakAlarm,
        clause: "附件3 一.7",
        tiers: TierSet::EMPTY.with(Tier::Mid).with(Tier::High),
        check: CheckKind::Declaration,
        text: Text::new(
            "中、高档产品还应具备通过电话、微信、APP等方式告知用户的功能。",
            "Mid and high tiers also notify the user by phone call, WeChat, app or similar.",
        ),
        source_text: Some(
            "应具备有线或无线传输功能，将报警信息接入报警系统监测管理平台，中、高档产品还应具备通过电话、微信、APP等方式告知用户的功能。",
        ),
        standards: &[],
        interpretation: None,
    },
    Requirement {
        id: "VLV-0a",
        scope: Scope::SelfClosingValve,
        clause: "附件3 二",
        tiers: TierSet::EMPTY
            .with(Tier::Low)
            .with(Tier::Mid)
            .with(Tier::High),
        check: CheckKind::Declaration,
        text: Text::new(
            "具有超压自动关闭功能。",
            "Closes automatically on over-pressure.",
        ),
        source_text: Some(
            "安全自闭阀是指安装在户内燃气管道上，同时具有超压自动关闭、欠压自动关闭、过流自动关闭功能，关闭时不借助外部动力，关闭后须手动开启的装置。",
        ),
        standards: &[],
        interpretation: None,
    },
    Requirement {
        id: "VLV-0b",
        scope: Scope::SelfClosingValve,
        clause: "附件3 二",
        tiers: TierSet::EMPTY
            .with(Tier::Low)
            .with(Tier::Mid)
            .with(Tier::High),
        check: CheckKind::Declaration,
        text: Text::new(
            "具有欠压自动关闭功能。",
            "Closes automatically on under-pressure.",
        ),
        source_text: Some(
            "安全自闭阀是指安装在户内燃气管道上，同时具有超压自动关闭、欠压自动关闭、过流自动关闭功能，关闭时不借助外部动力，关闭后须手动开启的装置。",
        ),
        standards: &[],
        interpretation: None,
    },
    Requirement {
        id: "VLV-0c",
        scope: Scope::SelfClosingValve,
        clause: "附件3 二",
        tiers: TierSet::EMPTY
            .with(Tier::Low)
            .with(Tier::Mid)
            .with(Tier::High),
        check: CheckKind::Declaration,
        text: Text::new(
            "具有过流自动关闭功能。",
            "Closes automatically on over-flow.",
        ),
        source_text: Some(
            "安全自闭阀是指安装在户内燃气管道上，同时具有超压自动关闭、欠压自动关闭、过流自动关闭功能，关闭时不借助外部动力，关闭后须手动开启的装置。",
        ),
        standards: &[],
        interpretation: None,
    },
    Requirement {
        id: "VLV-0d",
        scope: Scope::SelfClosingValve,
        clause: "附件3 二",
        tiers: TierSet::EMPTY
            .with(Tier::Low)
            .with(Tier::Mid)
            .with(Tier::High),
        check: CheckKind::Declaration,
        text: Text::new("关闭时不借助外部动力。", "Closing needs no external power."),
        source_text: Some(
            "安全自闭阀是指安装在户内燃气管道上，同时具有超压自动关闭、欠压自动关闭、过流自动关闭功能，关闭时不借助外部动力，关闭后须手动开启的装置。",
        ),
        standards: &[],
        interpretation: None,
    },
    Requirement {
        id: "VLV-0e",
        scope: Scope::SelfClosingValve,
        clause: "附件3 二",
        tiers: TierSet::EMPTY
            .with(Tier::Low)
            .with(Tier::Mid)
            .with(Tier::High),
        check: CheckKind::Declaration,
        text: Text::new(
            "关闭后须手动开启。",
            "After closing it can only be reopened by hand; no remote or automatic reopening.",
        ),
        source_text: Some(
            "安全自闭阀是指安装在户内燃气管道上，同时具有超压自动关闭、欠压自动关闭、过流自动关闭功能，关闭时不借助外部动力，关闭后须手动开启的装置。",
        ),
        standards: &[],
        interpretation: None,
    },
    Requirement {
        id: "VLV-1",
        scope: Scope::SelfClosingValve,
        clause: "附件3 二.1",
        tiers: TierSet::EMPTY
            .with(Tier::Low)
            .with(Tier::Mid)
            .with(Tier::High),
        check: CheckKind::Declaration,
        text: Text::new(
            "应符合《管道燃气自闭阀》等规范要求。",
            "Conforms to the pipeline gas self-closing valve standard (CJ/T 447).",
        ),
        source_text: Some("应符合《管道燃气自闭阀》等规范要求。"),
        standards: &["CJ/T 447"],
        interpretation: None,
    },
    Requirement {
        id: "VLV-2a",
        scope: Scope::SelfClosingValve,
        clause: "附件3 二.2",
        tiers: TierSet::EMPTY
            .with(Tier::Low)
            .with(Tier::Mid)
            .with(Tier::High),
        check: CheckKind::Declaration,
        text: Text::new(
            "应具备工业互联网被动标识功能。",
            "Carries an industrial-internet passive identifier.",
        ),
        source_text: Some("应具备工业互联网被动标识功能，中、高档产品还应具备主动标识功能。"),
        standards: &[],
        interpretation: None,
    },
    Requirement {
        id: "VLV-2b",
        scope: Scope::SelfClosingValve,
        clause: "附件3 二.2",
        tiers: TierSet::EMPTY.with(Tier::Mid).with(Tier::High),
        check: CheckKind::Declaration,
        text: Text::new(
            "中、高档产品还应具备主动标识功能。",
            "Mid and high tiers also carry an active identifier.",
        ),
        source_text: Some("应具备工业互联网被动标识功能，中、高档产品还应具备主动标识功能。"),
        standards: &[],
        interpretation: None,
    },
    Requirement {
        id: "VLV-3",
        scope: Scope::SelfClosingValve,
        clause: "附件3 二.3",
        tiers: TierSet::EMPTY.with(Tier::Mid).with(Tier::High),
        check: CheckKind::Declaration,
        text: Text::new(
            "中、高档产品应具备安全自闭阀开、闭状态数据收集功能。",
            "Mid and high tiers collect the valve's open/closed state.",
        ),
        source_text: Some("中、高档产品应具备安全自闭阀开、闭状态数据收集功能。"),
        standards: &[],
        interpretation: None,
    },
    Requirement {
        id: "VLV-4a",
        scope: Scope::SelfClosingValve,
        clause: "附件3 二.4",
        tiers: TierSet::EMPTY.with(Tier::Mid).with(Tier::High),
        check: CheckKind::Declaration,
        text: Text::new(
            "中、高档产品应具备有线或无线传输功能，将报警信息接入报警系统监测管理平台。",
            "Mid and high tiers transmit alarm information, wired or wireless, into the monitoring platform.",
        ),
        source_text: Some(
            "中、高档产品应具备有线或无线传输功能，将报警信息接入报警系统监测管理平台，并通过电话、微信、APP等方式告知用户。",
        ),
        standards: &[],
        interpretation: None,
    },
    Requirement {
        id: "VLV-4b",
        scope: Scope::SelfClosingValve,
        clause: "附件3 二.4",
        tiers: TierSet::EMPTY.with(Tier::Mid).with(Tier::High),
        check: CheckKind::Declaration,
        text: Text::new(
            "中、高档产品应通过电话、微信、APP等方式告知用户。",
            "Mid and high tiers notify the user by phone call, WeChat, app or similar.",
        ),
        source_text: Some(
            "中、高档产品应具备有线或无线传输功能，将报警信息接入报警系统监测管理平台，并通过电话、微信、APP等方式告知用户。",
        ),
        standards: &[],
        interpretation: None,
    },
    Requirement {
        id: "CERT-1",
        scope: Scope::AnyProduct,
        clause: "libgasdev",
        tiers: TierSet::EMPTY
            .with(Tier::Low)
            .with(Tier::Mid)
            .with(Tier::High),
        check: CheckKind::Declaration,
        text: Text::new(
            "所列证书均应有证书编号。",
            "Every listed certificate has a number.",
        ),
        source_text: None,
        standards: &[],
        interpretation: Some("INT-4"),
    },
    Requirement {
        id: "CERT-2",
        scope: Scope::AnyProduct,
        clause: "libgasdev",
        tiers: TierSet::EMPTY
            .with(Tier::Low)
            .with(Tier::Mid)
            .with(Tier::High),
        check: CheckKind::Declaration,
        text: Text::new(
            "证书有效期起始日不得晚于截止日。",
            "No certificate's validity starts after it ends.",
        ),
        source_text: None,
        standards: &[],
        interpretation: Some("INT-4"),
    },
    Requirement {
        id: "CERT-3",
        scope: Scope::AnyProduct,
        clause: "libgasdev",
        tiers: TierSet::EMPTY
            .with(Tier::Low)
            .with(Tier::Mid)
            .with(Tier::High),
        check: CheckKind::Declaration,
        text: Text::new(
            "所列证书在核查日期应处于有效期内。",
            "Every listed certificate is valid on the as-of date.",
        ),
        source_text: None,
        standards: &[],
        interpretation: Some("INT-4"),
    },
    Requirement {
        id: "CAT-1",
        scope: Scope::Catalogue,
        clause: "安装方案 四（二）",
        tiers: TierSet::EMPTY,
        check: CheckKind::Catalogue,
        text: Text::new(
            "供用户选择的销售安装单位原则上不少于3家。",
            "In principle at least 3 sales-and-installation vendors are listed for users to choose from: distinct companies, by credit code or folded name, not entries (INT-5).",
        ),
        source_text: Some(
            "供用户选择的销售安装单位原则上不少于3家，每家销售安装单位高中低档三档产品至少各1种。",
        ),
        standards: &[],
        interpretation: Some("INT-5"),
    },
    Requirement {
        id: "CAT-2",
        scope: Scope::Catalogue,
        clause: "安装方案 四（二）",
        tiers: TierSet::EMPTY,
        check: CheckKind::Catalogue,
        text: Text::new(
            "每家销售安装单位高中低档三档产品至少各1种。",
            "Each listed vendor offers at least one product in each tier: high, mid, low.",
        ),
        source_text: Some(
            "供用户选择的销售安装单位原则上不少于3家，每家销售安装单位高中低档三档产品至少各1种。",
        ),
        standards: &[],
        interpretation: Some("INT-6"),
    },
    Requirement {
        id: "CAT-3",
        scope: Scope::Catalogue,
        clause: "安装方案 四（二）",
        tiers: TierSet::EMPTY,
        check: CheckKind::Catalogue,
        text: Text::new(
            "及时向社会公布企业名称、资质等级、联系方式、产品型号、收费价格、服务内容等信息。",
            "The catalogue publishes company name, qualification grade, contact details, product model, price and service content.",
        ),
        source_text: Some(
            "通过公开征集、集中比选的方式，选择资质齐全、质量可靠、售后完备、价格合理的燃气类可燃气体泄漏报警装置和安全自闭阀销售安装单位，及时向社会公布企业名称、资质等级、联系方式、产品型号、收费价格、服务内容等信息。",
        ),
        standards: &[],
        interpretation: None,
    },
    Requirement {
        id: "CAT-4",
        scope: Scope::Catalogue,
        clause: "安装方案 四（三）",
        tiers: TierSet::EMPTY,
        check: CheckKind::Catalogue,
        text: Text::new(
            "对挂靠借用资质、制假售假、价格操纵等扰乱市场的单位，要及时移出清单并向社会公告。",
            "Vendors that borrow qualifications, sell fakes or manipulate prices are removed and the removal is announced; removed vendors no longer count.",
        ),
        source_text: Some(
            "要完善清单动态管理机制，对挂靠借用资质、制假售假、价格操纵等扰乱市场的单位，要及时移出清单并向社会公告。",
        ),
        standards: &[],
        interpretation: None,
    },
    Requirement {
        id: "CAT-5",
        scope: Scope::Catalogue,
        clause: "安装方案 四（二）",
        tiers: TierSet::EMPTY,
        check: CheckKind::Informational,
        text: Text::new(
            "要全面推广应用智能燃气安全装置。",
            "Intelligent (data-transmitting) devices are promoted: report which listed products are intelligent.",
        ),
        source_text: Some(
            "要全面推广应用智能燃气安全装置，引导居民、单位用户安装使用智能化燃气类可燃气体泄漏报警装置和安全自闭阀。",
        ),
        standards: &[],
        interpretation: None,
    },
    Requirement {
        id: "CAT-6",
        scope: Scope::Catalogue,
        clause: "安装方案 四（二）",
        tiers: TierSet::EMPTY,
        check: CheckKind::Catalogue,
        text: Text::new(
            "选择……燃气类可燃气体泄漏报警装置和安全自闭阀销售安装单位……供用户选择的销售安装单位原则上不少于3家。",
            "Users can choose each device kind: at least 3 distinct listed companies offer a conformant leak alarm, and at least 3 a conformant self-closing valve (INT-11).",
        ),
        source_text: Some(
            "通过公开征集、集中比选的方式，选择资质齐全、质量可靠、售后完备、价格合理的燃气类可燃气体泄漏报警装置和安全自闭阀销售安装单位……供用户选择的销售安装单位原则上不少于3家",
        ),
        standards: &[],
        interpretation: Some("INT-11"),
    },
    Requirement {
        id: "INTEG-1",
        scope: Scope::Catalogue,
        clause: "libgasdev",
        tiers: TierSet::EMPTY,
        check: CheckKind::Catalogue,
        text: Text::new(
            "每家企业在目录中只列出一次（按统一社会信用代码或企业名称判断）。",
            "Each company is listed once (same credit code, or same name after folding).",
        ),
        source_text: None,
        standards: &[],
        interpretation: Some("INT-12"),
    },
    Requirement {
        id: "INTEG-2",
        scope: Scope::Catalogue,
        clause: "libgasdev",
        tiers: TierSet::EMPTY,
        check: CheckKind::Catalogue,
        text: Text::new(
            "同一企业对同一类别、同一档次的同一型号只列出一次。",
            "A company lists a model once for a kind and tier (no duplicate entries).",
        ),
        source_text: None,
        standards: &[],
        interpretation: Some("INT-12"),
    },
    Requirement {
        id: "INTEG-3",
        scope: Scope::Catalogue,
        clause: "libgasdev",
        tiers: TierSet::EMPTY,
        check: CheckKind::Catalogue,
        text: Text::new(
            "同一型号只由一家企业列出。",
            "A model is listed by one company only.",
        ),
        source_text: None,
        standards: &[],
        interpretation: Some("INT-12"),
    },
    Requirement {
        id: "INTEG-4",
        scope: Scope::Catalogue,
        clause: "libgasdev",
        tiers: TierSet::EMPTY,
        check: CheckKind::Catalogue,
        text: Text::new(
            "同一型号只声明一个类别和一个档次。",
            "A model claims one device kind and one tier.",
        ),
        source_text: None,
        standards: &[],
        interpretation: Some("INT-12"),
    },
    Requirement {
        id: "PRICE-1",
        scope: Scope::Catalogue,
        clause: "libgasdev",
        tiers: TierSet::EMPTY,
        check: CheckKind::Informational,
        text: Text::new(
            "列出同类同档产品价格的中位数、最低价、最高价及各产品与中位数之比，提示明显偏高或不合常理的价格，供核实价格合理性（不作为不符合）。",
            "Lays out product prices per kind and tier (median, min, max, ratio to the median) and notes prices far above the median or implausible, as evidence for 价格合理 and 价格操纵 (information, never a failure).",
        ),
        source_text: None,
        standards: &[],
        interpretation: Some("INT-13"),
    },
    Requirement {
        id: "INS-1",
        scope: Scope::Installation,
        clause: "安装方案 二",
        tiers: TierSet::EMPTY,
        check: CheckKind::Installation,
        text: Text::new(
            "新增的单位用户全部安装使用燃气类可燃气体泄漏报警装置。",
            "New unit (non-residential) users install a gas leak alarm on connection.",
        ),
        source_text: Some(
            "新增的单位用户全部安装使用燃气类可燃气体泄漏报警装置，新增居民用户全部安装使用安全自闭阀（建筑高度大于100米的，该建筑内所有居民用户还应安装使用燃气类可燃气体泄漏报警装置）。",
        ),
        standards: &[],
        interpretation: None,
    },
    Requirement {
        id: "INS-2",
        scope: Scope::Installation,
        clause: "安装方案 二",
        tiers: TierSet::EMPTY,
        check: CheckKind::Installation,
        text: Text::new(
            "新增居民用户全部安装使用安全自闭阀。",
            "New residential users install a self-closing valve on connection.",
        ),
        source_text: Some(
            "新增的单位用户全部安装使用燃气类可燃气体泄漏报警装置，新增居民用户全部安装使用安全自闭阀（建筑高度大于100米的，该建筑内所有居民用户还应安装使用燃气类可燃气体泄漏报警装置）。",
        ),
        standards: &[],
        interpretation: None,
    },
    Requirement {
        id: "INS-3",
        scope: Scope::Installation,
        clause: "安装方案 二",
        tiers: TierSet::EMPTY,
        check: CheckKind::Installation,
        text: Text::new(
            "建筑高度大于100米的，该建筑内所有居民用户还应安装使用燃气类可燃气体泄漏报警装置。",
            "Residential users in buildings taller than 100 m also install a gas leak alarm.",
        ),
        source_text: Some(
            "新增的单位用户全部安装使用燃气类可燃气体泄漏报警装置，新增居民用户全部安装使用安全自闭阀（建筑高度大于100米的，该建筑内所有居民用户还应安装使用燃气类可燃气体泄漏报警装置）。……到2022年底，既有管道天然气居民用户中，老旧小区居民用户和生活困难用户全部安装使用安全自闭阀（建筑高度大于100米的，该建筑内所有居民用户还应安装使用燃气类可燃气体泄漏报警装置），全力推进其他居民用户安装使用工作。",
        ),
        standards: &[],
        interpretation: None,
    },
    Requirement {
        id: "INS-4",
        scope: Scope::Installation,
        clause: "安装方案 二",
        tiers: TierSet::EMPTY,
        check: CheckKind::Installation,
        text: Text::new(
            "到2022年2月底，餐饮、酒店、商场、学校、医院等既有管道天然气单位用户全部安装使用燃气类可燃气体泄漏报警装置。",
            "Existing unit users on piped natural gas (restaurants, hotels, malls, schools, hospitals…) install a leak alarm by 2022-02-28.",
        ),
        source_text: Some(
            "到2022年2月底，餐饮、酒店、商场、学校、医院等既有管道天然气单位用户全部安装使用燃气类可燃气体泄漏报警装置。",
        ),
        standards: &[],
        interpretation: None,
    },
    Requirement {
        id: "INS-5",
        scope: Scope::Installation,
        clause: "安装方案 二",
        tiers: TierSet::EMPTY,
        check: CheckKind::Installation,
        text: Text::new(
            "到2022年底，既有管道天然气居民用户中，老旧小区居民用户和生活困难用户全部安装使用安全自闭阀。",
            "Existing residential users in old compounds and users in hardship (生活困难用户) install a self-closing valve by 2022-12-31.",
        ),
        source_text: Some(
            "到2022年底，既有管道天然气居民用户中，老旧小区居民用户和生活困难用户全部安装使用安全自闭阀（建筑高度大于100米的，该建筑内所有居民用户还应安装使用燃气类可燃气体泄漏报警装置），全力推进其他居民用户安装使用工作。",
        ),
        standards: &[],
        interpretation: None,
    },
    Requirement {
        id: "INS-6",
        scope: Scope::Installation,
        clause: "安装方案 二",
        tiers: TierSet::EMPTY,
        check: CheckKind::Installation,
        text: Text::new(
            "既有管道天然气居民用户中，全力推进其他居民用户安装使用工作。",
            "Installation by the other existing residential users is pushed forward (no device and no deadline named; libgasdev recommends a self-closing valve, INT-15).",
        ),
        source_text: Some(
            "到2022年底，既有管道天然气居民用户中，老旧小区居民用户和生活困难用户全部安装使用安全自闭阀（建筑高度大于100米的，该建筑内所有居民用户还应安装使用燃气类可燃气体泄漏报警装置），全力推进其他居民用户安装使用工作。",
        ),
        standards: &[],
        interpretation: Some("INT-15"),
    },
    Requirement {
        id: "INS-7",
        scope: Scope::Installation,
        clause: "安装方案 四（三）",
        tiers: TierSet::EMPTY,
        check: CheckKind::Installation,
        text: Text::new(
            "将燃气安全装置的安装、使用情况作为用户通气验收、入户安检必检内容。",
            "Installation and use of the safety devices is a mandatory item of gas-connection acceptance and home inspection.",
        ),
        source_text: Some(
            "要督促燃气经营企业完善用户管理机制，将燃气安全装置的安装、使用情况作为用户通气验收、入户安检必检内容。",
        ),
        standards: &[],
        interpretation: None,
    },
    Requirement {
        id: "INS-8",
        scope: Scope::Installation,
        clause: "深化方案 三（三）2",
        tiers: TierSet::EMPTY,
        check: CheckKind::Installation,
        text: Text::new(
            "建立餐饮经营场所、学校、医院、酒店、小旅馆、农贸市场、商住混合体、群租房、民宿等场所及用户清单。",
            "Public places (restaurants, schools, hospitals, hotels, small hotels, farmers' markets, mixed-use buildings, group rentals, homestays, training and elderly-care institutions) and crowded places, on any gas, bottled LPG included, have a working leak alarm that fits their gas.",
        ),
        source_text: Some(
            "2.深化公共场所燃气安全风险隐患排查整治。建立餐饮经营场所、学校、医院、酒店、小旅馆、农贸市场、商住混合体、群租房、民宿等场所及用户清单。……督促公共场所、人员密集场所等重点用气场所安装燃气泄漏报警器、切断阀等安全装置。",
        ),
        standards: &[],
        interpretation: Some("INT-16"),
    },
    Requirement {
        id: "INS-9",
        scope: Scope::Installation,
        clause: "职责 区教委 / 其他区级各部门",
        tiers: TierSet::EMPTY,
        check: CheckKind::Installation,
        text: Text::new(
            "督促公共场所、人员密集场所等重点用气场所安装燃气泄漏报警器、切断阀等安全装置。",
            "Schools, training institutions and crowded places install an emergency cut-off valve (interlocked with the alarm) as the codes require.",
        ),
        source_text: Some(
            "负责指导和督促学校、教育培训机构等所属行业用气单位按规定安装使用燃气类可燃气体泄漏报警装置、切断阀等安全装置。……督促公共场所、人员密集场所等重点用气场所安装燃气泄漏报警器、切断阀等安全装置。",
        ),
        standards: &[],
        interpretation: Some("INT-17"),
    },
    Requirement {
        id: "INS-10",
        scope: Scope::Installation,
        clause: "深化方案 三（三）2",
        tiers: TierSet::EMPTY,
        check: CheckKind::Installation,
        text: Text::new(
            "不安装燃气泄漏报警装置或安装使用不规范、适用气种不符或功能过期失效等风险隐患。",
            "A leak alarm detects the user's gas (methane for natural gas, propane for LPG); a wrong gas is a hazard to rectify.",
        ),
        source_text: Some(
            "重点排查整治燃气管道被违规占压、穿越密闭空间，气瓶间违规设置在地下室和半地下室内、擅自将气瓶放置于室内用餐场所，使用不合格的气瓶、灶具、连接软管和减压阀，私接“三通”，不安装燃气泄漏报警装置或安装使用不规范、适用气种不符或功能过期失效等风险隐患。",
        ),
        standards: &[],
        interpretation: Some("INT-18"),
    },
    Requirement {
        id: "INS-11",
        scope: Scope::Installation,
        clause: "深化方案 三（三）2",
        tiers: TierSet::EMPTY,
        check: CheckKind::Installation,
        text: Text::new(
            "重点排查整治燃气管道被违规占压、穿越密闭空间，气瓶间违规设置在地下室和半地下室内、擅自将气瓶放置于室内用餐场所，使用不合格的气瓶、灶具、连接软管和减压阀，私接“三通”，不安装燃气泄漏报警装置或安装使用不规范、适用气种不符或功能过期失效等风险隐患。",
            "Hazards of public places found at inspection (pipes built over or through enclosed spaces, cylinder rooms underground, cylinders in dining areas, substandard cylinders, cookers, hoses, regulators, illegal tees, improper alarms, devices past their life) fail the inspection.",
        ),
        source_text: Some(
            "组织燃气经营企业、公共场所物业管理单位、用户对照清单全面排查风险隐患，重点排查整治燃气管道被违规占压、穿越密闭空间，气瓶间违规设置在地下室和半地下室内、擅自将气瓶放置于室内用餐场所，使用不合格的气瓶、灶具、连接软管和减压阀，私接“三通”，不安装燃气泄漏报警装置或安装使用不规范、适用气种不符或功能过期失效等风险隐患。",
        ),
        standards: &[],
        interpretation: None,
    },
    Requirement {
        id: "INS-12",
        scope: Scope::Installation,
        clause: "深化方案 三（三）3",
        tiers: TierSet::EMPTY,
        check: CheckKind::Installation,
        text: Text::new(
            "重点排查整治小区内违规设置非法储存充装点，居民用户擅自安装、改装、拆除户内燃气设施和燃气计量装置，室内管道严重锈蚀，使用不合格气瓶、灶具、连接软管和减压阀等风险隐患。",
            "Hazards of old compounds found at inspection (illegal storage or filling points, unauthorised alteration of indoor gas installations or meters, badly corroded indoor pipes) fail the inspection.",
        ),
        source_text: Some(
            "全面排查老旧小区燃气管道、调压箱（柜、站）、燃气引入管、立管以及管道穿越楼板等部位风险隐患，重点排查整治小区内违规设置非法储存充装点，居民用户擅自安装、改装、拆除户内燃气设施和燃气计量装置，室内管道严重锈蚀，使用不合格气瓶、灶具、连接软管和减压阀等风险隐患。",
        ),
        standards: &[],
        interpretation: None,
    },
    Requirement {
        id: "INS-13",
        scope: Scope::Installation,
        clause: "安装方案 四（三）",
        tiers: TierSet::EMPTY,
        check: CheckKind::Installation,
        text: Text::new(
            "保障清单内、外企业合法市场主体地位，保障用户自主选择权，维护市场秩序。",
            "The catalogue is a choice, not a monopoly: an off-catalogue device is lawful and is checked against 附件3 on its declaration, never failed for being unlisted.",
        ),
        source_text: Some(
            "要完善投诉举报机制，及时核查处理各类举报投诉，保障清单内、外企业合法市场主体地位，保障用户自主选择权，维护市场秩序。",
        ),
        standards: &[],
        interpretation: Some("INT-19"),
    },
    Requirement {
        id: "PLT-1",
        scope: Scope::Platform,
        clause: "附件3 一.7 / 二.4",
        tiers: TierSet::EMPTY,
        check: CheckKind::Informational,
        text: Text::new(
            "报警信息接入报警系统监测管理平台。",
            "Alarm information reaches the monitoring management platform.",
        ),
        source_text: Some(
            "应具备有线或无线传输功能，将报警信息接入报警系统监测管理平台，中、高档产品还应具备通过电话、微信、APP等方式告知用户的功能。……中、高档产品应具备有线或无线传输功能，将报警信息接入报警系统监测管理平台，并通过电话、微信、APP等方式告知用户。",
        ),
        standards: &[],
        interpretation: None,
    },
    Requirement {
        id: "PLT-2",
        scope: Scope::Platform,
        clause: "安装方案 四（六）",
        tiers: TierSet::EMPTY,
        check: CheckKind::Informational,
        text: Text::new(
            "销售企业建立用户管理信息平台，实时监测安全装置运行、泄漏检测等情况，并同燃气经营企业用户管理平台、物业消防管理、用户使用端共享数据。",
            "Vendor platforms monitor devices in real time and share data with the gas company, property fire-safety management and the user.",
        ),
        source_text: Some(
            "要督促燃气安全装置销售企业建立用户管理信息平台，实时监测安全装置运行、泄漏检测等情况，并同燃气经营企业用户管理平台、物业消防管理、用户使用端共享数据。",
        ),
        standards: &[],
        interpretation: None,
    },
    Requirement {
        id: "PLT-3",
        scope: Scope::Platform,
        clause: "安装方案 四（六）",
        tiers: TierSet::EMPTY,
        check: CheckKind::Informational,
        text: Text::new(
            "燃气经营企业公开接入标准。",
            "Gas companies publish an open access standard (the libgasdev frame, spec/frame.md).",
        ),
        source_text: Some(
            "要督促燃气经营企业建立、完善用户管理信息系统，公开接入标准，将燃气安全装置销售企业平台数据应用到入户检查、应急抢险等作业，实现燃气经营企业、燃气安全装置销售企业信息互通、数据共享、处置联动。",
        ),
        standards: &[],
        interpretation: None,
    },
    Requirement {
        id: "PLT-4",
        scope: Scope::Platform,
        clause: "职责 区消防救援支队",
        tiers: TierSet::EMPTY,
        check: CheckKind::Informational,
        text: Text::new(
            "督促单位用户将燃气泄漏报警器、自动切断、在线监测系统信号接入消防控制中心。",
            "Unit users connect leak alarm, automatic cut-off and monitoring signals to the fire control centre (GB/T 26875.3).",
        ),
        source_text: Some(
            "督促单位用户将燃气泄漏报警器、自动切断、在线监测系统信号接入消防控制中心；",
        ),
        standards: &[],
        interpretation: None,
    },
    Requirement {
        id: "PLT-5",
        scope: Scope::Platform,
        clause: "深化方案 三（四）1",
        tiers: TierSet::EMPTY,
        check: CheckKind::Informational,
        text: Text::new(
            "加大具备工业互联网标识解析和数据传输功能的燃气安全装置推广普及力度。",
            "Devices with identifier resolution and data transmission are promoted.",
        ),
        source_text: Some(
            "加大具备工业互联网标识解析和数据传输功能的燃气安全装置推广普及力度，完成既有单位用户和老旧小区、生活困难群众等居民用户安全装置安装，有序推进其他居民用户安装使用燃气安全装置，并依托城市安全、安全生产等平台，建设用户安全装置使用管理平台，强化安全装置使用管理。",
        ),
        standards: &[],
        interpretation: None,
    },
];
