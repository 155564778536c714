//! Reports for people: aligned text tables for terminals and Markdown for documents, in Chinese or
//! English (feature `render`). The CLI prints what these return and the web page exports them
//! through WebAssembly, so both show the same report. Every text from input is escaped by the
//! core's one escaping function ([`crate::text`]).

mod check;
mod frame;
mod gbt;
mod ident;
mod inspect;
mod inspect_md;
mod requirements;
pub mod svg;
#[cfg(feature = "xlsx")]
mod xlsx;
#[cfg(feature = "xlsx")]
mod xlsx_catalogue;
#[cfg(feature = "xlsx")]
mod xlsx_charts;

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

pub use check::{check_report, error_line};
pub use frame::{render_findings, render_frame, timestamp_text};
pub use gbt::render_gbt;

/// The GB/T 26875.3 status and operation bits with their Chinese words (for `api::labels`).
pub(crate) fn gbt_bits() -> &'static [(&'static str, &'static str)] {
    gbt::BITS
}
pub use ident::{ident_summary, render_idents};
pub use inspect::{
    CSV_HEADER, csv_header, csv_records, findings_rows, findings_table, neutralise_formula,
    severity_text, summary_report,
};
pub use inspect_md::{
    markdown_findings_rows, markdown_findings_table, markdown_head, markdown_summary,
};
pub use requirements::requirements_report;
pub use svg::{CHART_NAMES, inspect_charts};
#[cfg(feature = "xlsx")]
pub use xlsx::{WorkbookError, check_workbook, inspect_workbook};
#[cfg(feature = "xlsx")]
pub use xlsx_catalogue::{catalogue_template, catalogue_workbook, ledger_template};

use crate::Lang;
use crate::text::{escape_markdown, escape_text};

/// How a report is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Aligned columns for a terminal or a printer.
    Table,
    /// Markdown for documents and web pages.
    Markdown,
}

/// Display width in a terminal (CJK and other wide characters count 2; `unicode-width`).
pub fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// `s` padded with spaces to display width `w`.
pub fn pad(s: &str, w: usize) -> String {
    let mut out = String::from(s);
    for _ in width(s)..w {
        out.push(' ');
    }
    out
}

/// Rows as an aligned text table with a header rule. Cells never wrap; every cell is escaped.
pub fn text_table(header: &[&str], rows: &[Vec<String>]) -> String {
    let header: Vec<String> = header.iter().map(|h| escape_text(h)).collect();
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| escape_text(c)).collect())
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for row in &rows {
        for (i, cell) in row.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(width(cell));
            }
        }
    }
    let mut out = String::new();
    let line = |cells: &[String], out: &mut String| {
        let parts: Vec<String> = cells.iter().zip(&widths).map(|(c, w)| pad(c, *w)).collect();
        out.push_str(parts.join("  ").trim_end());
        out.push('\n');
    };
    line(&header, &mut out);
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    out.push_str(&rule.join("  "));
    out.push('\n');
    for row in &rows {
        line(row, &mut out);
    }
    out
}

/// Rows as a Markdown table; every cell is escaped ([`escape_markdown`]).
pub fn markdown_table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut s = format!(
        "| {} |\n|{}\n",
        header.join(" | "),
        "---|".repeat(header.len())
    );
    for r in rows {
        let cells: Vec<String> = r.iter().map(|c| escape_markdown(c)).collect();
        s.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    s
}

/// Rows in `style`.
pub fn grid(style: Style, header: &[&str], rows: &[Vec<String>]) -> String {
    match style {
        Style::Table => text_table(header, rows),
        Style::Markdown => markdown_table(header, rows),
    }
}

/// A heading of `level` (1 = a file, 2 = a part, 3 = a section).
pub fn heading(style: Style, level: usize, text: &str) -> String {
    match style {
        Style::Markdown => format!("\n{} {}\n\n", "#".repeat(level), escape_markdown(text)),
        Style::Table => {
            let mark = if level <= 2 { "=" } else { "-" };
            format!(
                "\n{} {} {}\n",
                mark.repeat(3),
                escape_text(text),
                mark.repeat(3)
            )
        }
    }
}

/// A label and its value: full-width colon in Chinese, `": "` in English.
pub fn kv(lang: Lang, label: &str, value: &str) -> String {
    match lang {
        Lang::Zh => format!("{label}：{value}"),
        Lang::En => format!("{label}: {value}"),
    }
}

/// An enumerated value in `lang` with its machine name beside it: `燃气泄漏报警装置 (leak_alarm)`.
pub(crate) fn named(text: crate::Text, name: &str, lang: Lang) -> String {
    format!("{} ({name})", text.get(lang))
}

/// A finding code's name (a key of the summary's counts) in `lang` with the name beside it.
pub(crate) fn finding_named(name: &str, lang: Lang) -> String {
    crate::install::FindingCode::from_name(name)
        .map_or_else(|| name.into(), |c| named(c.text(), name, lang))
}

/// A table's column names in `lang`, each language's names given as one `|`-separated list (the
/// column specification of every hand-built table: one line per language).
pub(crate) fn columns(lang: Lang, zh: &'static str, en: &'static str) -> Vec<&'static str> {
    tr(lang, zh, en).split('|').collect()
}

/// One of two constant texts.
pub(crate) fn tr(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    crate::Text::new(zh, en).get(lang)
}
