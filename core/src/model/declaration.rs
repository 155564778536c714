//! Product declarations and catalogues (the committee's input documents). Needs `alloc`.
//!
//! The JSON form is documented in `spec/declaration.md` and `spec/schema/`. Unknown fields are
//! rejected; lists that are absent mean "declares none" (an empty list), and the checks then say
//! which clause that fails; optional yes/no answers that are absent are reported as "not declared".

use alloc::string::String;
use alloc::vec::Vec;

use super::{Carrier, Date, DeviceKind, Gas, Price, Tier, UseCase};

crate::coded::coded_enum! {
    /// Kinds of certificate the clauses ask for.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub enum CertKind => serde {
        /// 计量器具型式批准证书 (pattern approval of a measuring instrument, "CPA"), ALM-1a.
        PatternApproval = "pattern_approval", "计量器具型式批准证书", "pattern-approval certificate";
        /// 防爆合格证 (explosion-protection certificate), ALM-1b.
        ExplosionProof = "explosion_proof", "防爆合格证", "explosion-protection certificate";
        /// 消防产品认证证书 (fire-product certification), ALM-1c.
        FireProduct = "fire_product", "消防产品认证证书", "fire-product certificate";
        /// CCC compulsory certification.
        Ccc = "ccc", "CCC 认证证书", "CCC certificate";
        /// A type-test report or any other document.
        Other = "other", "其他证书", "other certificate";
    }
}

/// A certificate held for the product.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Certificate {
    /// What it certifies.
    pub kind: CertKind,
    /// Certificate number as printed.
    #[cfg_attr(feature = "serde", serde(default))]
    pub number: Option<String>,
    /// Issuing body.
    #[cfg_attr(feature = "serde", serde(default))]
    pub issuer: Option<String>,
    /// First day of validity.
    #[cfg_attr(feature = "serde", serde(default))]
    pub valid_from: Option<Date>,
    /// Last day of validity.
    #[cfg_attr(feature = "serde", serde(default))]
    pub valid_until: Option<Date>,
}

/// An identifier as declared: carrier and the text it carries.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct DeclaredIdentifier {
    /// The carrier.
    pub carrier: Carrier,
    /// The identifier text (e.g. `88.111.1/GT-A100-000001`).
    pub value: String,
}

impl DeclaredIdentifier {
    /// The identifier, parsed and validated by [`crate::ident::Ident::parse`]. The declaration
    /// keeps the text as written, so that a malformed identifier fails its clause (ALM-5*,
    /// VLV-2*) with the parser's reason instead of making the whole document unreadable.
    ///
    /// # Errors
    /// The parser's error, with its byte offset.
    pub fn parsed(&self) -> Result<crate::ident::Ident<'_>, crate::ident::IdentError> {
        crate::ident::Ident::parse(&self.value)
    }
}

crate::coded::coded_enum! {
    /// How an alarm interlocks a cut-off device (ALM-4).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub enum InterlockLink => serde {
        /// 有线连锁.
        Wired = "wired";
        /// 无线连锁.
        Wireless = "wireless";
    }
}

crate::coded::coded_enum! {
    /// Data a device collects (ALM-6*, VLV-3).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub enum DataItem => serde {
        /// Its own running status (运行状态).
        RunningStatus = "running_status";
        /// A valve's open/closed state (开闭状态).
        ValveState = "valve_state";
        /// The leaked-gas concentration (泄漏气体浓度).
        Concentration = "concentration";
    }
}

crate::coded::coded_enum! {
    /// A transmission link (ALM-7a, VLV-4a).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub enum Link => serde {
        /// NB-IoT.
        NbIot = "nb_iot";
        /// LTE / 4G (including Cat.1).
        Lte = "lte";
        /// LoRa / LoRaWAN.
        Lora = "lora";
        /// Wi-Fi.
        Wifi = "wifi";
        /// Zigbee.
        Zigbee = "zigbee";
        /// RS-485 bus (wired).
        Rs485 = "rs485";
        /// Ethernet (wired).
        Ethernet = "ethernet";
        /// Dry contact / relay output to a panel (wired).
        Relay = "relay";
    }
}

crate::coded::coded_enum! {
    /// A pipe condition that closes a self-closing valve by itself (附件3 二).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub enum PipeTrigger => serde {
        /// 超压 (VLV-0a).
        OverPressure = "over_pressure";
        /// 欠压 (VLV-0b).
        UnderPressure = "under_pressure";
        /// 过流 (VLV-0c).
        OverFlow = "over_flow";
    }
}

impl From<PipeTrigger> for super::TripReason {
    fn from(t: PipeTrigger) -> Self {
        match t {
            PipeTrigger::OverPressure => super::TripReason::OverPressure,
            PipeTrigger::UnderPressure => super::TripReason::UnderPressure,
            PipeTrigger::OverFlow => super::TripReason::OverFlow,
        }
    }
}

crate::coded::coded_enum! {
    /// A way to notify the user (ALM-7b, VLV-4b): 电话、微信、APP 等.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub enum NotifyChannel => serde {
        /// Automated phone call.
        PhoneCall = "phone_call";
        /// WeChat message or mini-program.
        Wechat = "wechat";
        /// Mobile app push.
        App = "app";
        /// SMS.
        Sms = "sms";
    }
}

/// What a product can do. Absent lists mean "none"; absent yes/no answers mean "not declared".
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Capabilities {
    /// Gases whose concentration it detects (ALM-3*).
    #[cfg_attr(feature = "serde", serde(default))]
    pub detects: Vec<Gas>,
    /// Interlock links to a cut-off device (ALM-4).
    #[cfg_attr(feature = "serde", serde(default))]
    pub interlock: Vec<InterlockLink>,
    /// Data items it collects (ALM-6*, VLV-3).
    #[cfg_attr(feature = "serde", serde(default))]
    pub collects: Vec<DataItem>,
    /// Transmission links (ALM-7a, VLV-4a).
    #[cfg_attr(feature = "serde", serde(default))]
    pub transmits: Vec<Link>,
    /// The monitoring platform alarm information goes to (evidence for ALM-7a, VLV-4a).
    #[cfg_attr(feature = "serde", serde(default))]
    pub platform: Option<String>,
    /// User notification channels (ALM-7b, VLV-4b).
    #[cfg_attr(feature = "serde", serde(default))]
    pub notifies: Vec<NotifyChannel>,
    /// Pipe conditions on which a valve closes by itself (VLV-0a..0c).
    #[cfg_attr(feature = "serde", serde(default))]
    pub auto_close_on: Vec<PipeTrigger>,
    /// Closes without external power (VLV-0d).
    #[cfg_attr(feature = "serde", serde(default))]
    pub closes_without_power: Option<bool>,
    /// Once closed, opens only by hand (VLV-0e).
    #[cfg_attr(feature = "serde", serde(default))]
    pub manual_reset: Option<bool>,
    /// Can be reopened remotely or automatically (must be false, VLV-0e).
    #[cfg_attr(feature = "serde", serde(default))]
    pub remote_open: Option<bool>,
}

/// A vendor's declaration of one product.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Declaration {
    /// Vendor name (inherited from the catalogue entry when nested in a catalogue).
    #[cfg_attr(feature = "serde", serde(default))]
    pub vendor: Option<String>,
    /// Product model (产品型号).
    pub model: String,
    /// Device kind.
    pub kind: DeviceKind,
    /// The tier the vendor claims.
    pub claimed_tier: Tier,
    /// Household or industrial/commercial use (selects GB 15322.2 or .1 for ALM-2a).
    #[cfg_attr(feature = "serde", serde(default))]
    pub use_case: Option<UseCase>,
    /// Product price charged (收费价格, CAT-3), a yuan string such as `"399.00"`.
    #[cfg_attr(feature = "serde", serde(default))]
    pub price: Option<Price>,
    /// Installation price, when charged apart from the product (产品、安装价格, 职责: 区发展改革委).
    #[cfg_attr(feature = "serde", serde(default))]
    pub installation_price: Option<Price>,
    /// Service content (服务内容, CAT-3).
    #[cfg_attr(feature = "serde", serde(default))]
    pub service: Option<String>,
    /// Certificates held (ALM-1*).
    #[cfg_attr(feature = "serde", serde(default))]
    pub certificates: Vec<Certificate>,
    /// Standards the product claims to conform to, as printed (e.g. `"GB 15322.2-2019"`).
    #[cfg_attr(feature = "serde", serde(default))]
    pub standards: Vec<String>,
    /// Industrial-internet identifiers and their carriers (ALM-5*, VLV-2*).
    #[cfg_attr(feature = "serde", serde(default))]
    pub identifiers: Vec<DeclaredIdentifier>,
    /// Capabilities.
    #[cfg_attr(feature = "serde", serde(default))]
    pub capabilities: Capabilities,
}

impl Declaration {
    /// An "intelligent" product (CAT-5): it transmits data over at least one link.
    pub fn is_intelligent(&self) -> bool {
        !self.capabilities.transmits.is_empty()
    }
}

crate::coded::coded_enum! {
    /// Whether a vendor is on the list.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub enum VendorStatus => serde {
        /// Listed.
        #[default]
        Listed = "listed";
        /// Removed under CAT-4.
        Removed = "removed";
    }
}

/// Why a vendor was removed (CAT-4, 安装方案 四（三）「对挂靠借用资质、制假售假、价格操纵等扰乱市场的单位，
/// 要及时移出清单并向社会公告」).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum RemovalReason {
    /// 挂靠借用资质: the listing was wrong; the devices themselves are not in doubt.
    BorrowedQualification,
    /// 制假售假: the devices themselves may be counterfeit. Rule set version 1 called it
    /// `fake_products`; that name is still read.
    Counterfeit,
    /// 价格操纵.
    PriceManipulation,
    /// Another disturbance of the market (扰乱市场).
    Other,
}

#[cfg(feature = "serde")]
impl crate::serde_names::ByName for RemovalReason {
    const ALL: &'static [Self] = &[
        RemovalReason::BorrowedQualification,
        RemovalReason::Counterfeit,
        RemovalReason::PriceManipulation,
        RemovalReason::Other,
    ];
    const NAMES: &'static [&'static str] = &[
        "borrowed_qualification",
        "counterfeit",
        "price_manipulation",
        "other",
    ];
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for RemovalReason {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        /// The names of version 2 and, last, the version-1 name of `Counterfeit`.
        const READ: &[&str] = &[
            "borrowed_qualification",
            "counterfeit",
            "price_manipulation",
            "other",
            "fake_products",
        ];
        Ok(match crate::serde_names::variant_index(d, READ)? {
            0 => RemovalReason::BorrowedQualification,
            2 => RemovalReason::PriceManipulation,
            3 => RemovalReason::Other,
            _ => RemovalReason::Counterfeit,
        })
    }
}

impl RemovalReason {
    /// The reason in both languages.
    pub const fn text(self) -> crate::Text {
        use crate::Text;
        match self {
            RemovalReason::BorrowedQualification => {
                Text::new("挂靠借用资质", "borrowed qualification")
            }
            RemovalReason::Counterfeit => Text::new("制假售假", "counterfeit products"),
            RemovalReason::PriceManipulation => Text::new("价格操纵", "price manipulation"),
            RemovalReason::Other => Text::new("其他扰乱市场行为", "other market disturbance"),
        }
    }
}

/// The record of a removal.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Removal {
    /// Date of removal.
    pub date: Date,
    /// Reason.
    pub reason: RemovalReason,
    /// Where the removal was announced (向社会公告), e.g. a notice number or URL.
    #[cfg_attr(feature = "serde", serde(default))]
    pub announcement: Option<String>,
}

/// A vendor entry of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Vendor {
    /// Company name (企业名称).
    pub name: String,
    /// 统一社会信用代码 (GB 32100-2015), optional: CAT-1 counts distinct companies by it when
    /// present, otherwise by the folded name.
    #[cfg_attr(feature = "serde", serde(default))]
    pub credit_code: Option<crate::model::CreditCode>,
    /// Qualification grade (资质等级).
    #[cfg_attr(feature = "serde", serde(default))]
    pub qualification_grade: Option<String>,
    /// Contact details (联系方式).
    #[cfg_attr(feature = "serde", serde(default))]
    pub contact: Option<String>,
    /// Listed or removed.
    #[cfg_attr(feature = "serde", serde(default))]
    pub status: VendorStatus,
    /// Removal record (required when removed).
    #[cfg_attr(feature = "serde", serde(default))]
    pub removal: Option<Removal>,
    /// Products offered.
    #[cfg_attr(feature = "serde", serde(default))]
    pub products: Vec<Declaration>,
}

impl Vendor {
    /// Whether the vendor is off the list on `date`: it is marked removed and its removal has
    /// taken effect (a removal takes effect on its date; one without a record counts at once).
    pub fn is_removed_on(&self, date: Date) -> bool {
        self.status == VendorStatus::Removed && self.removal.as_ref().is_none_or(|r| r.date <= date)
    }
}

/// A catalogue (目录清单) of vendors and their products.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Catalogue {
    /// Title of the catalogue.
    pub name: String,
    /// Issuing district or body.
    #[cfg_attr(feature = "serde", serde(default))]
    pub issuer: Option<String>,
    /// Publication date.
    #[cfg_attr(feature = "serde", serde(default))]
    pub published: Option<Date>,
    /// Vendors, listed and removed.
    pub vendors: Vec<Vendor>,
}
