//! A catalogue as sheet rows: what the example workbook holds, read back by
//! [`super::catalogue_from_sheets`] as the same catalogue.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use serde_json::Value;

use super::columns::{CATALOGUE_FIELDS, Column, Part, columns};
use crate::Lang;
use crate::model::Catalogue;

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
