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
pub const RULESET_VERSION: u32 = 1;

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
    /// The clause text in Chinese (quoted) and its English rendering.
    pub text: Text,
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
            "应符合《可燃气体探测器 第1部分：工业及商业用途点型可燃气体探测器》或《可燃气体探测器 第2部分：家用可燃气体探测器》（按用途）。",
            "Conforms to GB 15322.1 (industrial/commercial point type) or GB 15322.2 (household), whichever fits its use.",
        ),
        standards: &["GB 15322.1", "GB 15322.2"],
        interpretation: None,
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
            "In principle at least 3 sales-and-installation vendors are listed.",
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
        standards: &[],
        interpretation: None,
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
            "到2022年底，既有管道天然气居民用户中，老旧小区居民用户和生活困难群众用户全部安装使用安全自闭阀。",
            "Existing residential users in old compounds and hardship households install a self-closing valve by 2022-12-31.",
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
            "全力推进其他既有居民用户安装使用安全自闭阀。",
            "Other existing residential users are encouraged to install a self-closing valve (no deadline).",
        ),
        standards: &[],
        interpretation: None,
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
        standards: &[],
        interpretation: None,
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
        standards: &[],
        interpretation: None,
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
        standards: &[],
        interpretation: None,
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
        standards: &[],
        interpretation: None,
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
        standards: &[],
        interpretation: None,
    },
];
