//! Catalogue workbooks (feature `ledger`): the sheets of a 目录清单 workbook as the same catalogue
//! document the JSON path checks, and a catalogue as sheet rows (the example and template
//! workbooks). No spreadsheet crate here: a reader gives the sheets' cells ([`Cell`]); the columns
//! are documented in `spec/workbooks.md`.
//!
//! Layout: one sheet of vendors and products (a product row carries its vendor's columns), or a
//! vendors sheet and a products sheet (a product row names its vendor in `企业名称`); in fact any
//! number of sheets, each row adding to the vendor it names and, when it has a `产品型号`, one
//! product. A sheet named `目录` or `catalogue` holds the catalogue's name, issuer and publication
//! date as label/value rows. Enumerated values may be written as the machine name or as the core's
//! Chinese or English text (`燃气泄漏报警装置`, `中档`, `甲烷`); lists are separated by `;` or `；`.
//!
//! Every row is checked on its own by the core's document parser (a vendor row as a catalogue of
//! one vendor, a product row as that vendor with one product), so a cell is accepted or rejected
//! exactly as the same value in JSON; a rejected row is reported with its sheet, its row number
//! (`line`), its column number (`column`) and the column header as written (`field`), and the
//! other rows go on.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec;
use alloc::vec::Vec;

use serde_json::{Map, Value};

use super::cells::{Cell, bool_value, header_texts};
use super::document::{Document, InputError, parse_document};
use crate::model::{
    Carrier, Catalogue, CertKind, DataItem, DeviceKind, Gas, InterlockLink, Link, NotifyChannel,
    PipeTrigger, RemovalReason, Tier, UseCase, VendorStatus,
};
use crate::serde_names::ByName;
use crate::{ErrorCode, Lang, Text};

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

/// One sheet as a reader found it: its name and its non-blank rows, each with its 1-based row
/// number.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet<'a> {
    /// The sheet's name.
    pub name: String,
    /// The rows (blank rows may be left out).
    pub rows: Vec<(u64, Vec<Cell<'a>>)>,
}

/// A rejected row or header: the sheet and the error (`line` the row, `column` the 1-based column,
/// `field` the column header as written).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SheetError {
    /// The sheet's name.
    pub sheet: String,
    /// The error.
    pub error: InputError,
}

/// What a catalogue workbook gave: the catalogue (when at least its vendors could be read) and
/// every rejected row.
#[derive(Debug, Clone, PartialEq)]
pub struct CatalogueSheets {
    /// The catalogue of the rows read (`Document::Catalogue`).
    pub document: Option<Document>,
    /// The rows and headers rejected, in sheet and row order.
    pub rejects: Vec<SheetError>,
}

/// The column a header names (English or Chinese, case-insensitive for English).
fn find_column<'c>(columns: &'c [Column], header: &str) -> Option<&'c Column> {
    columns
        .iter()
        .find(|c| c.zh == header || c.en.eq_ignore_ascii_case(header))
}

fn error(code: ErrorCode, row: u64, column: usize, field: &str, detail: &str) -> InputError {
    InputError::new(
        code,
        usize::try_from(row).unwrap_or(usize::MAX),
        column,
        field.to_string(),
        detail,
    )
}

/// A cell's text as the JSON value of `column`.
fn value(column: &Column, text: &str) -> Value {
    let choices = column.choices();
    let name = |t: &str| -> String {
        let t = t.trim();
        choices
            .iter()
            .find(|c| {
                c.name == t
                    || c.text
                        .is_some_and(|x| x.zh == t || x.en.eq_ignore_ascii_case(t))
            })
            .map_or(t, |c| c.name)
            .to_string()
    };
    let items = || {
        text.split([';', '；'])
            .map(str::trim)
            .filter(|t| !t.is_empty())
    };
    match column.shape {
        Shape::Text => Value::String(name(text)),
        Shape::Bool => bool_value(text).map_or_else(|| Value::String(text.into()), Value::Bool),
        Shape::List => Value::Array(items().map(|t| Value::String(name(t))).collect()),
        Shape::Identifiers => Value::Array(
            items()
                .map(|t| {
                    let mut o = Map::new();
                    match t.split_once([':', '：']) {
                        Some((carrier, v)) => {
                            o.insert("carrier".into(), Value::String(name(carrier)));
                            o.insert("value".into(), Value::String(v.trim().into()));
                        }
                        None => {
                            o.insert("value".into(), Value::String(t.into()));
                        }
                    }
                    Value::Object(o)
                })
                .collect(),
        ),
    }
}

/// One data row sorted into a vendor, its removal and a product, with the JSON path of every
/// value set and the column index it came from.
#[derive(Default)]
struct RowParts {
    vendor: Map<String, Value>,
    removal: Map<String, Value>,
    product: Map<String, Value>,
    certificates: Vec<(CertKind, Map<String, Value>)>,
    capabilities: Map<String, Value>,
    /// (JSON path under the vendor or product, column index).
    paths: Vec<(String, usize)>,
}

impl RowParts {
    fn of(columns: &[(usize, &Column)], cells: &[String]) -> RowParts {
        let mut p = RowParts::default();
        for (i, c) in columns {
            let Some(text) = cells.get(*i).filter(|t| !t.is_empty()) else {
                continue;
            };
            let v = value(c, text);
            let path = match c.part {
                Part::Vendor => {
                    p.vendor.insert(c.key.into(), v);
                    c.key.to_string()
                }
                Part::Removal => {
                    p.removal.insert(c.key.into(), v);
                    format!("removal.{}", c.key)
                }
                Part::Product => {
                    p.product.insert(c.key.into(), v);
                    c.key.to_string()
                }
                Part::Capabilities => {
                    p.capabilities.insert(c.key.into(), v);
                    format!("capabilities.{}", c.key)
                }
                Part::Certificate(kind) => {
                    let k = match p.certificates.iter().position(|(k, _)| *k == kind) {
                        Some(k) => k,
                        None => {
                            let mut m = Map::new();
                            m.insert("kind".into(), Value::String(kind.as_str().into()));
                            p.certificates.push((kind, m));
                            p.certificates.len().saturating_sub(1)
                        }
                    };
                    if let Some((_, m)) = p.certificates.get_mut(k) {
                        m.insert(c.key.into(), v);
                    }
                    format!("certificates[{k}].{}", c.key)
                }
            };
            p.paths.push((path, *i));
        }
        p
    }

    /// The vendor's JSON object (without products).
    fn vendor_json(&self) -> Map<String, Value> {
        let mut v = self.vendor.clone();
        if !self.removal.is_empty() {
            v.insert("removal".into(), Value::Object(self.removal.clone()));
        }
        v
    }

    /// The product's JSON object.
    fn product_json(&self) -> Map<String, Value> {
        let mut p = self.product.clone();
        if !self.certificates.is_empty() {
            let certs = self
                .certificates
                .iter()
                .map(|(_, m)| Value::Object(m.clone()))
                .collect();
            p.insert("certificates".into(), Value::Array(certs));
        }
        if !self.capabilities.is_empty() {
            p.insert(
                "capabilities".into(),
                Value::Object(self.capabilities.clone()),
            );
        }
        p
    }

    /// The column index of a JSON path under `prefix` (the longest path set that starts it).
    fn column_of(&self, field: &str, prefix: &str) -> Option<usize> {
        let rest = field.strip_prefix(prefix)?;
        self.paths
            .iter()
            .filter(|(p, _)| {
                rest == p
                    || rest
                        .strip_prefix(p.as_str())
                        .is_some_and(|r| r.starts_with(['.', '[']))
                    || p.strip_prefix(rest).is_some_and(|r| r.starts_with('.'))
            })
            .max_by_key(|(p, _)| p.len())
            .map(|(_, i)| *i)
    }
}

/// A one-vendor catalogue's JSON text.
fn catalogue_text(vendor: Map<String, Value>, products: Vec<Value>) -> String {
    let mut v = vendor;
    v.insert("products".into(), Value::Array(products));
    serde_json::json!({ "name": "-", "vendors": [Value::Object(v)] }).to_string()
}

/// One vendor read so far: its columns, its products, and where it first appeared.
struct VendorRows {
    json: Map<String, Value>,
    products: Vec<Value>,
    sheet: String,
    row: u64,
}

/// The vendors read so far, in order of first appearance.
#[derive(Default)]
struct Vendors {
    order: Vec<VendorRows>,
}

impl Vendors {
    fn index(&self, name: &str) -> Option<usize> {
        self.order
            .iter()
            .position(|v| v.json.get("name").and_then(Value::as_str) == Some(name))
    }
}

/// The catalogue of a workbook's sheets. `default_name` names the catalogue when no `目录` sheet
/// does (the CLI passes the file's name).
pub fn catalogue_from_sheets(sheets: &[Sheet<'_>], default_name: &str) -> CatalogueSheets {
    let columns = columns();
    let mut rejects = Vec::new();
    let mut info = Map::new();
    info.insert("name".into(), Value::String(default_name.into()));
    let mut vendors = Vendors::default();
    for sheet in sheets {
        let mut reject = |error: InputError| {
            rejects.push(SheetError {
                sheet: sheet.name.clone(),
                error,
            });
        };
        if CATALOGUE_SHEET
            .iter()
            .any(|n| n.eq_ignore_ascii_case(sheet.name.trim()))
        {
            read_info(sheet, &mut info, &mut reject);
        } else {
            read_data(sheet, &columns, &mut vendors, &mut reject);
        }
    }
    if vendors.order.is_empty() {
        rejects.push(SheetError {
            sheet: sheets.first().map(|s| s.name.clone()).unwrap_or_default(),
            error: error(
                ErrorCode::InputEmpty,
                0,
                0,
                "",
                "no vendor rows: the workbook needs a sheet with a 企业名称 (vendor) column",
            ),
        });
        return CatalogueSheets {
            document: None,
            rejects,
        };
    }
    let vendors: Vec<Value> = vendors
        .order
        .into_iter()
        .map(|v| {
            let mut json = v.json;
            json.insert("products".into(), Value::Array(v.products));
            Value::Object(json)
        })
        .collect();
    info.insert("vendors".into(), Value::Array(vendors));
    let document = match parse_document(&Value::Object(info).to_string()) {
        Ok(d) => Some(d),
        Err(e) => {
            rejects.push(SheetError {
                sheet: String::new(),
                error: e,
            });
            None
        }
    };
    CatalogueSheets { document, rejects }
}

/// The `目录` sheet: label/value rows.
fn read_info(
    sheet: &Sheet<'_>,
    info: &mut Map<String, Value>,
    reject: &mut impl FnMut(InputError),
) {
    for (row, cells) in &sheet.rows {
        let label = cells.first().map(Cell::text).unwrap_or_default();
        let label = label.trim();
        let text = cells.get(1).map(Cell::text).unwrap_or_default();
        let text = text.trim();
        let Some((key, _, _)) = CATALOGUE_FIELDS
            .iter()
            .find(|(_, en, zh)| *zh == label || en.eq_ignore_ascii_case(label))
        else {
            // The label row of the sheet (项目 / 值) and blank labels are not data.
            if !matches!(label, "" | "项目" | "item" | "field") {
                reject(error(
                    ErrorCode::InputUnknownField,
                    *row,
                    1,
                    label,
                    &format!("unknown catalogue field `{label}` (名称, 发布单位, 发布日期)"),
                ));
            }
            continue;
        };
        if text.is_empty() {
            continue;
        }
        let mut probe = Map::new();
        probe.insert("name".into(), Value::String("-".into()));
        probe.insert((*key).into(), Value::String(text.into()));
        probe.insert("vendors".into(), Value::Array(Vec::new()));
        match parse_document(&Value::Object(probe).to_string()) {
            Ok(_) => {
                info.insert((*key).into(), Value::String(text.into()));
            }
            Err(e) => reject(error(e.error_code(), *row, 2, label, &e.message.en)),
        }
    }
}

/// A data sheet: its header, then vendor and product rows.
fn read_data(
    sheet: &Sheet<'_>,
    columns: &[Column],
    vendors: &mut Vendors,
    reject: &mut impl FnMut(InputError),
) {
    let mut rows = sheet.rows.iter();
    let Some((header_row, header_cells)) = rows.next() else {
        return;
    };
    let header = header_texts(header_cells);
    let mut known: Vec<(usize, &Column)> = Vec::new();
    for (i, h) in header.iter().enumerate() {
        let at = i.saturating_add(1);
        match find_column(columns, h) {
            _ if h.is_empty() => {
                return reject(error(
                    ErrorCode::InputUnknownField,
                    *header_row,
                    at,
                    "",
                    &format!("column {at} has no header (a blank or merged header cell)"),
                ));
            }
            Some(c) if known.iter().any(|(_, k)| k.en == c.en) => {
                return reject(error(
                    ErrorCode::InputInvalidValue,
                    *header_row,
                    at,
                    h,
                    &format!("column `{h}` appears twice"),
                ));
            }
            Some(c) => known.push((i, c)),
            None => {
                return reject(error(
                    ErrorCode::InputUnknownField,
                    *header_row,
                    at,
                    h,
                    &format!("unknown column `{h}` (spec/workbooks.md lists the columns)"),
                ));
            }
        }
    }
    let Some(&(name_at, name_col)) = known
        .iter()
        .find(|(_, c)| c.part == Part::Vendor && c.key == "name")
    else {
        return reject(error(
            ErrorCode::InputMissingField,
            *header_row,
            0,
            "企业名称",
            "missing column `企业名称` (vendor)",
        ));
    };
    let has_products = known
        .iter()
        .any(|(_, c)| c.part == Part::Product && c.key == "model");
    let written = |i: usize| header.get(i).cloned().unwrap_or_default();
    for (row, cells) in rows {
        let texts = match super::cells::row_texts(cells, &header) {
            Ok(t) => t,
            Err(mut e) => {
                e.line = usize::try_from(*row).unwrap_or(usize::MAX);
                e.column = header
                    .iter()
                    .position(|h| *h == e.field)
                    .map_or(0, |i| i.saturating_add(1));
                reject(e);
                continue;
            }
        };
        let at = |e: &InputError, i: Option<usize>| {
            let i = i.unwrap_or(name_at);
            error(
                e.error_code(),
                *row,
                i.saturating_add(1),
                &written(i),
                &e.message.en,
            )
        };
        let parts = RowParts::of(&known, &texts);
        let Some(name) = parts
            .vendor
            .get("name")
            .and_then(Value::as_str)
            .map(str::to_string)
        else {
            reject(error(
                ErrorCode::InputMissingField,
                *row,
                name_at.saturating_add(1),
                &written(name_at),
                &format!("empty `{}`: every row names its vendor", name_col.zh),
            ));
            continue;
        };
        // The vendor's columns on this row, checked alone.
        let vendor = parts.vendor_json();
        if let Err(e) = parse_document(&catalogue_text(vendor.clone(), Vec::new())) {
            reject(at(&e, parts.column_of(&e.field, "vendors[0].")));
            continue;
        }
        // The product of the row, checked with the vendor's columns of the row, before anything
        // of the row is kept.
        let product = if has_products && parts.product.get("model").is_some() {
            let product = parts.product_json();
            let text = catalogue_text(vendor.clone(), vec![Value::Object(product.clone())]);
            if let Err(e) = parse_document(&text) {
                reject(at(&e, parts.column_of(&e.field, "vendors[0].products[0].")));
                continue;
            }
            Some(Value::Object(product))
        } else {
            None
        };
        if product.is_none() {
            let stray = parts.paths.iter().map(|(_, i)| *i).find(|i| {
                known
                    .iter()
                    .any(|(k, c)| k == i && c.part != Part::Vendor && c.part != Part::Removal)
            });
            if let Some(i) = stray {
                reject(error(
                    ErrorCode::InputMissingField,
                    *row,
                    i.saturating_add(1),
                    &written(i),
                    "a product column on a row without a 产品型号 (model)",
                ));
                continue;
            }
        }
        // A column given again must agree with the vendor's earlier rows.
        let earlier = vendors.index(&name).and_then(|k| vendors.order.get(k));
        if let Some((earlier, (k, _))) = earlier.and_then(|e| {
            vendor
                .iter()
                .find(|(k, v)| e.json.get(*k).is_some_and(|old| old != *v))
                .map(|kv| (e, kv))
        }) {
            let i = parts.column_of(k, "");
            reject(error(
                ErrorCode::InputInvalidValue,
                *row,
                i.map_or(0, |i| i.saturating_add(1)),
                &i.map_or_else(String::new, written),
                &format!(
                    "the vendor `{name}` has another `{}` on sheet `{}` row {}",
                    i.map_or_else(|| k.clone(), written),
                    earlier.sheet,
                    earlier.row
                ),
            ));
            continue;
        }
        let slot = match vendors.index(&name) {
            Some(k) => k,
            None => {
                vendors.order.push(VendorRows {
                    json: Map::new(),
                    products: Vec::new(),
                    sheet: sheet.name.clone(),
                    row: *row,
                });
                vendors.order.len().saturating_sub(1)
            }
        };
        let Some(VendorRows {
            json: known_vendor,
            products,
            ..
        }) = vendors.order.get_mut(slot)
        else {
            continue;
        };
        products.extend(product);
        known_vendor.extend(vendor);
    }
}

/// A catalogue as one sheet: the header (in `lang`) and one row per product (a vendor without
/// products on a row of its own), every value as its text in `lang` — what
/// [`catalogue_from_sheets`] reads back as the same catalogue.
pub fn catalogue_rows(catalogue: &Catalogue, lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
    let columns = columns();
    let header = columns.iter().map(|c| c.header(lang).to_string()).collect();
    let json = serde_json::to_value(catalogue).unwrap_or(Value::Null);
    let empty = Vec::new();
    let vendors = json
        .get("vendors")
        .and_then(Value::as_array)
        .unwrap_or(&empty);
    let mut rows = Vec::new();
    for v in vendors {
        let products = v
            .get("products")
            .and_then(Value::as_array)
            .unwrap_or(&empty);
        let none = [Value::Null];
        let products: &[Value] = if products.is_empty() { &none } else { products };
        for p in products {
            rows.push(
                columns
                    .iter()
                    .map(|c| {
                        let at = match c.part {
                            Part::Vendor => v.get(c.key),
                            Part::Removal => v.get("removal").and_then(|r| r.get(c.key)),
                            Part::Product => p.get(c.key),
                            Part::Capabilities => p.get("capabilities").and_then(|x| x.get(c.key)),
                            Part::Certificate(kind) => p
                                .get("certificates")
                                .and_then(Value::as_array)
                                .and_then(|cs| {
                                    cs.iter().find(|x| {
                                        x.get("kind").and_then(Value::as_str) == Some(kind.as_str())
                                    })
                                })
                                .and_then(|x| x.get(c.key)),
                        };
                        at.map_or_else(String::new, |x| cell_text(c, x, lang))
                    })
                    .collect(),
            );
        }
    }
    (header, rows)
}

/// A JSON value as the text of a cell of `column`.
fn cell_text(column: &Column, v: &Value, lang: Lang) -> String {
    let choices = column.choices();
    let shown = |name: &str| -> String {
        choices
            .iter()
            .find(|c| c.name == name)
            .map_or(name, |c| c.shown(lang))
            .to_string()
    };
    match v {
        Value::Null => String::new(),
        Value::Bool(b) => shown(if *b { "true" } else { "false" }),
        Value::String(s) => shown(s),
        Value::Number(n) => n.to_string(),
        Value::Array(items) => items
            .iter()
            .map(|i| match i {
                Value::Object(o) => {
                    let carrier = o.get("carrier").and_then(Value::as_str).unwrap_or("");
                    let value = o.get("value").and_then(Value::as_str).unwrap_or("");
                    format!("{}:{value}", shown(carrier))
                }
                other => cell_text(column, other, lang),
            })
            .collect::<Vec<_>>()
            .join("; "),
        Value::Object(_) => String::new(),
    }
}

/// The catalogue sheet's rows (label, value) of `catalogue`, labels in `lang`.
pub fn catalogue_info_rows(catalogue: &Catalogue, lang: Lang) -> Vec<[String; 2]> {
    CATALOGUE_FIELDS
        .iter()
        .filter_map(|(key, en, zh)| {
            let value = match *key {
                "name" => Some(catalogue.name.clone()),
                "issuer" => catalogue.issuer.clone(),
                _ => catalogue.published.map(|d| d.to_string()),
            }?;
            let label = match lang {
                Lang::Zh => zh,
                Lang::En => en,
            };
            Some([(*label).to_string(), value])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet<'a>(name: &str, rows: &[&[&'a str]]) -> Sheet<'a> {
        Sheet {
            name: name.into(),
            rows: rows
                .iter()
                .zip(1u64..)
                .map(|(r, n)| (n, r.iter().map(|t| Cell::Text(t)).collect()))
                .collect(),
        }
    }

    fn example() -> Catalogue {
        match parse_document(include_str!("../../../spec/examples/catalogue.json")).unwrap() {
            Document::Catalogue(c) => *c,
            Document::Declaration(_) => panic!("a declaration"),
        }
    }

    /// The example catalogue as rows and back, in both languages: the same catalogue.
    #[test]
    fn rows_round_trip() {
        let c = example();
        for lang in [Lang::Zh, Lang::En] {
            let (header, rows) = catalogue_rows(&c, lang);
            let info = catalogue_info_rows(&c, lang);
            let mut data: Vec<Vec<&str>> = vec![header.iter().map(String::as_str).collect()];
            data.extend(
                rows.iter()
                    .map(|r| r.iter().map(String::as_str).collect::<Vec<_>>()),
            );
            let data: Vec<&[&str]> = data.iter().map(Vec::as_slice).collect();
            let info: Vec<Vec<&str>> = info
                .iter()
                .map(|r| vec![r[0].as_str(), r[1].as_str()])
                .collect();
            let info: Vec<&[&str]> = info.iter().map(Vec::as_slice).collect();
            let read = catalogue_from_sheets(&[sheet("目录", &info), sheet("产品", &data)], "x");
            assert_eq!(read.rejects, []);
            let Some(Document::Catalogue(back)) = read.document else {
                panic!("no catalogue")
            };
            assert_eq!(*back, c, "{lang:?}");
        }
    }

    /// Two sheets (vendors, products); a bad cell rejects its row only, named by sheet, row,
    /// column and header.
    #[test]
    fn two_sheets_and_cell_errors() {
        let vendors = sheet(
            "企业",
            &[
                &["企业名称", "统一社会信用代码", "状态"],
                &["甲公司", "91500119MA5UJF016Y", "listed"],
                &["乙公司", "not-a-code", "listed"],
            ],
        );
        let products = sheet(
            "产品",
            &[
                &[
                    "企业名称",
                    "产品型号",
                    "类别",
                    "声明档次",
                    "产品价格",
                    "检测气体",
                ],
                &[
                    "甲公司",
                    "A-1",
                    "燃气泄漏报警装置",
                    "中档",
                    "168.00",
                    "甲烷；一氧化碳",
                ],
                &["甲公司", "A-2", "leak_alarm", "mid", "12.345", "methane"],
                &["甲公司", "A-3", "leak_alarm", "middle", "1", "methane"],
                &["甲公司", "A-4", "self_closing_valve", "low", "", ""],
            ],
        );
        let read = catalogue_from_sheets(&[vendors, products], "目录清单.xlsx");
        let got: Vec<(&str, usize, usize, &str, &str)> = read
            .rejects
            .iter()
            .map(|r| {
                (
                    r.sheet.as_str(),
                    r.error.line,
                    r.error.column,
                    r.error.field.as_str(),
                    r.error.name,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("企业", 3, 2, "统一社会信用代码", "INPUT_BAD_CREDIT_CODE"),
                ("产品", 3, 5, "产品价格", "INPUT_BAD_PRICE"),
                ("产品", 4, 4, "声明档次", "INPUT_UNKNOWN_VALUE"),
            ]
        );
        let Some(Document::Catalogue(c)) = read.document else {
            panic!("no catalogue")
        };
        assert_eq!(c.name, "目录清单.xlsx");
        let models: Vec<&str> = c.vendors[0]
            .products
            .iter()
            .map(|p| p.model.as_str())
            .collect();
        assert_eq!(models, ["A-1", "A-4"]);
        assert_eq!(c.vendors[0].products[0].capabilities.detects.len(), 2);
        assert_eq!(c.vendors[0].products[0].claimed_tier, Tier::Mid);
    }

    #[test]
    fn header_errors() {
        let merged = sheet("S", &[&["企业名称", "", "类别"], &["x", "", "leak_alarm"]]);
        let r = catalogue_from_sheets(&[merged], "x");
        assert_eq!(r.rejects[0].error.name, "INPUT_UNKNOWN_FIELD");
        assert_eq!(r.rejects[0].error.column, 2);
        let unknown = sheet("S", &[&["企业名称", "颜色"]]);
        let r = catalogue_from_sheets(&[unknown], "x");
        assert_eq!(
            (r.rejects[0].error.name, r.rejects[0].error.field.as_str()),
            ("INPUT_UNKNOWN_FIELD", "颜色")
        );
        let no_vendor = sheet("S", &[&["产品型号"], &["A"]]);
        let r = catalogue_from_sheets(&[no_vendor], "x");
        assert_eq!(r.rejects[0].error.name, "INPUT_MISSING_FIELD");
        assert!(r.document.is_none());
        assert_eq!(r.rejects.last().unwrap().error.name, "INPUT_EMPTY");
    }

    /// Found by the property below: a row rejected for a product column without a model kept
    /// nothing of its vendor (the vendor used to be created empty, and the catalogue failed).
    #[test]
    fn a_rejected_row_keeps_nothing() {
        let s = sheet(
            "S",
            &[
                &["model", "kind", "vendor", "claimed_tier"],
                &["", "leak_alarm", "甲公司"],
                &["A-1", "leak_alarm", "乙公司", "mid"],
            ],
        );
        let r = catalogue_from_sheets(&[s], "x");
        let got: Vec<(usize, usize, &str, &str)> = r
            .rejects
            .iter()
            .map(|e| {
                (
                    e.error.line,
                    e.error.column,
                    e.error.field.as_str(),
                    e.error.name,
                )
            })
            .collect();
        assert_eq!(got, [(2, 2, "kind", "INPUT_MISSING_FIELD")]);
        let Some(Document::Catalogue(c)) = r.document else {
            panic!("no catalogue")
        };
        let names: Vec<&str> = c.vendors.iter().map(|v| v.name.as_str()).collect();
        assert_eq!(names, ["乙公司"]);
    }

    #[test]
    fn every_enumerated_column_has_its_choices() {
        for c in columns() {
            let enumerated = matches!(
                (c.part, c.key),
                (Part::Vendor, "status")
                    | (Part::Removal, "reason")
                    | (
                        Part::Product,
                        "kind" | "claimed_tier" | "use_case" | "identifiers"
                    )
                    | (
                        Part::Capabilities,
                        "detects"
                            | "collects"
                            | "transmits"
                            | "interlock"
                            | "notifies"
                            | "auto_close_on"
                    )
            ) || c.shape == Shape::Bool;
            assert_eq!(!c.choices().is_empty(), enumerated, "{}", c.en);
        }
        // Headers are unique in both languages.
        let cs = columns();
        for (i, a) in cs.iter().enumerate() {
            for b in cs.iter().skip(i + 1) {
                assert!(a.en != b.en && a.zh != b.zh, "{} {}", a.en, b.en);
            }
        }
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        /// Header texts drawn from the real columns (both languages) and a few unknown ones.
        fn header_text() -> impl Strategy<Value = String> {
            let names: Vec<String> = columns()
                .into_iter()
                .flat_map(|c| [c.en, c.zh])
                .chain(["".into(), "颜色".into()])
                .collect();
            proptest::sample::select(names)
        }

        fn cell_text() -> impl Strategy<Value = String> {
            prop_oneof![
                Just(String::new()),
                Just("甲公司".to_string()),
                Just("燃气泄漏报警装置".to_string()),
                Just("中档".to_string()),
                Just("2029-02-28".to_string()),
                Just("qr_code:88.118.1/x".to_string()),
                Just("91500119MA5UJF016Y".to_string()),
                "[\\PC;：:|]{0,12}",
            ]
        }

        proptest! {
            /// Any sheet of texts: no panic; every reject names a sheet given and, for a row, a
            /// row of that sheet and a column within the header; a catalogue comes with every
            /// vendor named.
            #[test]
            fn any_sheet_is_read_or_rejected_by_cell(
                header in proptest::collection::vec(header_text(), 1..8),
                rows in proptest::collection::vec(proptest::collection::vec(cell_text(), 0..9), 0..12),
            ) {
                let mut data: Vec<Vec<String>> = vec![header.clone()];
                data.extend(rows);
                let cells: Vec<(u64, Vec<Cell<'_>>)> = data
                    .iter()
                    .zip(1u64..)
                    .map(|(r, n)| (n, r.iter().map(|t| Cell::Text(t)).collect()))
                    .collect();
                let sheet = Sheet { name: "S".into(), rows: cells };
                let read = catalogue_from_sheets(&[sheet], "x");
                for r in &read.rejects {
                    prop_assert!(r.sheet == "S" || r.sheet.is_empty());
                    prop_assert!(r.error.line <= data.len());
                    prop_assert!(r.error.column <= header.len().max(data.iter().map(Vec::len).max().unwrap_or(0)));
                    prop_assert!(crate::ErrorCode::ALL.iter().any(|c| c.name() == r.error.name));
                }
                if let Some(Document::Catalogue(c)) = &read.document {
                    prop_assert!(c.vendors.iter().all(|v| !v.name.is_empty()));
                }
            }
        }
    }
}
