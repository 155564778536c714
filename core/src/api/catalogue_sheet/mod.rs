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

mod columns;
mod rows;
#[cfg(test)]
mod tests;

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec;
use alloc::vec::Vec;

use serde_json::{Map, Value};

use super::cells::{Cell, bool_value, header_texts};
use super::document::{Document, InputError, parse_document};
use crate::ErrorCode;
use crate::model::CertKind;

pub use columns::{CATALOGUE_FIELDS, CATALOGUE_SHEET, Choice, Column, Part, Shape, columns};
pub use rows::{catalogue_info_rows, catalogue_rows};

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
