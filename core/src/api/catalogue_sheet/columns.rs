//! The columns of a catalogue workbook (spec/workbooks.md): English and Chinese names, where
//! each value goes in the catalogue document, how its text is read, and the values of the
//! enumerated ones from the core's tables.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec;
use alloc::vec::Vec;

use crate::model::{
    Carrier, CertKind, DataItem, DeviceKind, Gas, InterlockLink, Link, NotifyChannel, PipeTrigger,
    RemovalReason, Tier, UseCase, VendorStatus,
};
use crate::serde_names::ByName;
use crate::{Lang, Text};

/// Where a column's value goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The vendor (`vendors[i].KEY`).
    Vendor,
    /// The vendor's removal (`vendors[i].removal.KEY`).
    Removal,
    /// The product (`products[j].KEY`).
    Product,
    /// The product's certificate of this kind (`certificates[k].KEY`).
    Certificate(CertKind),
    /// The product's capabilities (`capabilities.KEY`).
    Capabilities,
}

/// How a cell's text becomes a JSON value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A string (an enumerated value translated to its machine name).
    Text,
    /// A list, items separated by `;` or `；`.
    List,
    /// A boolean (`true`/`false`, `1`/`0`, `yes`/`no`, `是`/`否`).
    Bool,
    /// Identifiers: items `carrier:value` separated by `;`.
    Identifiers,
}

/// One column of a catalogue sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// The English name (and the JSON key's column name).
    pub en: String,
    /// The Chinese name.
    pub zh: String,
    /// Where the value goes.
    pub part: Part,
    /// The JSON key.
    pub key: &'static str,
    /// How the text is read.
    pub shape: Shape,
}

impl Column {
    fn new(en: &str, zh: &str, part: Part, key: &'static str, shape: Shape) -> Column {
        Column {
            en: en.to_string(),
            zh: zh.to_string(),
            part,
            key,
            shape,
        }
    }

    /// The header in `lang`.
    pub fn header(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }

    /// The values an enumerated column (or a list's items, or an identifier's carrier) takes:
    /// machine names with their texts where the core has them.
    pub fn choices(&self) -> Vec<Choice> {
        if self.shape == Shape::Bool {
            return vec![
                Choice::new("true", Some(Text::new("是", "yes"))),
                Choice::new("false", Some(Text::new("否", "no"))),
            ];
        }
        match (self.part, self.key) {
            (Part::Vendor, "status") => named(&VendorStatus::ALL, VendorStatus::as_str, None),
            (Part::Removal, "reason") => named(
                RemovalReason::NAMES,
                |n| n,
                None::<fn(&'static str) -> Text>,
            ),
            (Part::Product, "kind") => {
                named(&DeviceKind::ALL, DeviceKind::as_str, Some(DeviceKind::text))
            }
            (Part::Product, "claimed_tier") => named(&Tier::ALL, Tier::as_str, Some(Tier::text)),
            (Part::Product, "use_case") => named(&UseCase::ALL, UseCase::as_str, None),
            (Part::Product, "identifiers") => named(&Carrier::ALL, Carrier::as_str, None),
            (Part::Capabilities, "detects") => named(&Gas::ALL, Gas::as_str, Some(Gas::text)),
            (Part::Capabilities, "collects") => named(&DataItem::ALL, DataItem::as_str, None),
            (Part::Capabilities, "transmits") => named(&Link::ALL, Link::as_str, None),
            (Part::Capabilities, "interlock") => {
                named(&InterlockLink::ALL, InterlockLink::as_str, None)
            }
            (Part::Capabilities, "notifies") => {
                named(&NotifyChannel::ALL, NotifyChannel::as_str, None)
            }
            (Part::Capabilities, "auto_close_on") => {
                named(&PipeTrigger::ALL, PipeTrigger::as_str, None)
            }
            _ => Vec::new(),
        }
    }
}

/// One value of an enumerated column: the machine name and, where the core has one, its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    /// The machine name (JSON).
    pub name: &'static str,
    /// The Chinese and English text.
    pub text: Option<Text>,
}

impl Choice {
    fn new(name: &'static str, text: Option<Text>) -> Choice {
        Choice { name, text }
    }

    /// As written in a sheet of `lang`: the text, else the machine name.
    pub fn shown(&self, lang: Lang) -> &'static str {
        self.text.map_or(self.name, |t| t.get(lang))
    }
}

fn named<T: Copy>(
    all: &[T],
    name: fn(T) -> &'static str,
    text: Option<fn(T) -> Text>,
) -> Vec<Choice> {
    all.iter()
        .map(|v| Choice::new(name(*v), text.map(|t| t(*v))))
        .collect()
}

/// The certificate columns' suffixes: (JSON key, English, Chinese).
const CERT_FIELDS: [(&str, &str, &str); 4] = [
    ("number", "number", "编号"),
    ("issuer", "issuer", "发证机构"),
    ("valid_from", "valid_from", "有效期起"),
    ("valid_until", "valid_until", "有效期至"),
];

/// Every column, in the order the example and template workbooks write them.
pub fn columns() -> Vec<Column> {
    use Part::{Capabilities as C, Product as P, Removal as R, Vendor as V};
    use Shape::{Bool, Identifiers, List, Text as T};
    let mut c = vec![
        Column::new("vendor", "企业名称", V, "name", T),
        Column::new("credit_code", "统一社会信用代码", V, "credit_code", T),
        Column::new(
            "qualification_grade",
            "资质等级",
            V,
            "qualification_grade",
            T,
        ),
        Column::new("contact", "联系方式", V, "contact", T),
        Column::new("status", "状态", V, "status", T),
        Column::new("removal_date", "移出日期", R, "date", T),
        Column::new("removal_reason", "移出原因", R, "reason", T),
        Column::new("removal_announcement", "移出公告", R, "announcement", T),
        Column::new("model", "产品型号", P, "model", T),
        Column::new("kind", "类别", P, "kind", T),
        Column::new("claimed_tier", "声明档次", P, "claimed_tier", T),
        Column::new("use_case", "使用场所", P, "use_case", T),
        Column::new("price", "产品价格", P, "price", T),
        Column::new("installation_price", "安装价格", P, "installation_price", T),
        Column::new("service", "服务内容", P, "service", T),
        Column::new("standards", "执行标准", P, "standards", List),
        Column::new("identifiers", "标识", P, "identifiers", Identifiers),
    ];
    for kind in CertKind::ALL {
        for (key, en, zh) in CERT_FIELDS {
            c.push(Column::new(
                &format!("{}_{en}", kind.as_str()),
                &format!("{}{zh}", kind.text().zh),
                Part::Certificate(kind),
                key,
                T,
            ));
        }
    }
    c.extend([
        Column::new("detects", "检测气体", C, "detects", List),
        Column::new("collects", "采集数据", C, "collects", List),
        Column::new("transmits", "通信方式", C, "transmits", List),
        Column::new("platform", "接入平台", C, "platform", T),
        Column::new("interlock", "联动方式", C, "interlock", List),
        Column::new("notifies", "通知方式", C, "notifies", List),
        Column::new("auto_close_on", "自动关闭条件", C, "auto_close_on", List),
        Column::new(
            "closes_without_power",
            "断电关闭",
            C,
            "closes_without_power",
            Bool,
        ),
        Column::new("manual_reset", "手动复位", C, "manual_reset", Bool),
        Column::new("remote_open", "远程开启", C, "remote_open", Bool),
    ]);
    c
}

/// The catalogue sheet's labels: (JSON key, English, Chinese).
pub const CATALOGUE_FIELDS: [(&str, &str, &str); 3] = [
    ("name", "name", "名称"),
    ("issuer", "issuer", "发布单位"),
    ("published", "published", "发布日期"),
];

/// The names of the catalogue sheet (any case for the English one).
pub const CATALOGUE_SHEET: [&str; 2] = ["目录", "catalogue"];
