//! The requirement table as a report (`gasdev requirements`).

use alloc::string::{String, ToString};
use alloc::vec;
use alloc::vec::Vec;

use super::{Style, columns, grid};
use crate::Lang;
use crate::api::Requirements;

/// The selected requirements: id, clause, tiers, text.
pub fn requirements_report(r: &Requirements, lang: Lang, style: Style) -> String {
    let rows: Vec<Vec<String>> = r
        .requirements
        .iter()
        .map(|r| {
            let tiers: Vec<&str> = r.tiers.iter().map(|t| t.text().get(lang)).collect();
            vec![
                r.id.to_string(),
                r.clause.to_string(),
                if tiers.is_empty() {
                    "-".into()
                } else {
                    tiers.join("/")
                },
                r.text.get(lang).to_string(),
            ]
        })
        .collect();
    let header = columns(
        lang,
        "编号|出处|适用档次|要求",
        "id|clause|tiers|requirement",
    );
    grid(style, &header, &rows)
}
