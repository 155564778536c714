//! Workbooks for people (feature `xlsx`): the check report and the inspection report as `.xlsx`
//! bytes, written by `rust_xlsxwriter`. The CLI writes them to a file (`--format xlsx --output`);
//! a web export can return the same bytes. Pure rendering of the core's results: no rule here.
//!
//! Every sheet has a frozen header row, an autofilter over its rows, column widths from the
//! display width of the text (CJK counts 2), and fail/warn rows filled by a conditional format.
//! Every text cell is written as a string, never as a formula, and text from input that a
//! spreadsheet would run as a formula is neutralised as in CSV ([`neutralise_formula`]).

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec;
use alloc::vec::Vec;

use rust_xlsxwriter::{Color, ConditionalFormatFormula, Format, Workbook, Worksheet, XlsxError};

use super::{columns, neutralise_formula, severity_text, tr, width};
use crate::Lang;
use crate::api::{CheckBatch, CheckedReport, InspectBatch};
use crate::check::{Finding, Status};
use crate::install::Severity;
use crate::model::Date;

/// Why a workbook could not be built (a sheet over Excel's row limit, a name Excel refuses).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkbookError(pub String);

impl core::fmt::Display for WorkbookError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "cannot build the workbook: {}", self.0)
    }
}

impl From<XlsxError> for WorkbookError {
    fn from(e: XlsxError) -> Self {
        WorkbookError(e.to_string())
    }
}

/// Excel's most characters in one cell.
const MAX_CELL_CHARS: usize = 32_767;
/// The widest column set, in character widths.
const MAX_COLUMN_WIDTH: usize = 60;

/// One cell of a sheet.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Cell {
    /// Text, written as a string after [`neutralise_formula`].
    Text(String),
    /// Text of a data workbook (a catalogue read back by `gasdev check`), written as a string as
    /// it is: a string cell is never run as a formula by a spreadsheet.
    Data(String),
    /// A number.
    Number(f64),
}

fn text(s: &str) -> Cell {
    Cell::Text(s.to_string())
}

#[expect(
    clippy::cast_precision_loss,
    reason = "counts of rows stay far below 2^53"
)]
fn num(n: impl Into<u64>) -> Cell {
    Cell::Number(n.into() as f64)
}

/// The text a cell stores: neutralised, cut to Excel's limit.
fn cell_text(s: &str) -> String {
    cut(neutralise_formula(s))
}

/// `s` cut to Excel's most characters in a cell.
fn cut(s: String) -> String {
    match s.char_indices().nth(MAX_CELL_CHARS) {
        Some((at, _)) => s.get(..at).unwrap_or_default().to_string(),
        None => s,
    }
}

/// Which rows are filled: the column holding the verdict and the texts of a failure and a warning.
pub(super) struct Highlight {
    column: u16,
    fail: &'static str,
    warn: &'static str,
}

/// A sheet named `name`: header row (bold, frozen, filtered), the rows, widths, highlights.
pub(super) fn add_sheet<'b>(
    book: &'b mut Workbook,
    name: &str,
    header: &[&str],
    rows: &[Vec<Cell>],
    highlight: Option<Highlight>,
) -> Result<&'b mut Worksheet, WorkbookError> {
    let sheet: &mut Worksheet = book.add_worksheet();
    sheet.set_name(name)?;
    let bold = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0x00DD_EBF7));
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for (c, h) in (0u16..).zip(header) {
        sheet.write_string_with_format(0, c, *h, &bold)?;
    }
    for (r, row) in (1u32..).zip(rows) {
        for ((c, cell), w) in (0u16..).zip(row).zip(widths.iter_mut()) {
            match cell {
                Cell::Text(s) | Cell::Data(s) => {
                    let s = match cell {
                        Cell::Text(_) => cell_text(s),
                        _ => cut(s.clone()),
                    };
                    *w = (*w).max(width(&s));
                    // A data workbook leaves an empty cell empty (read back as no value).
                    if !(s.is_empty() && matches!(cell, Cell::Data(_))) {
                        sheet.write_string(r, c, s)?;
                    }
                }
                Cell::Number(x) => {
                    *w = (*w).max(format!("{x}").len());
                    sheet.write_number(r, c, *x)?;
                }
            }
        }
    }
    let last_row = u32::try_from(rows.len()).map_err(|_| XlsxError::RowColumnLimitError)?;
    let last_col = u16::try_from(header.len().saturating_sub(1))
        .map_err(|_| XlsxError::RowColumnLimitError)?;
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, last_row, last_col)?;
    for (c, w) in (0u16..).zip(&widths) {
        let w = u32::try_from((*w).saturating_add(2).min(MAX_COLUMN_WIDTH)).unwrap_or(10);
        sheet.set_column_width(c, w)?;
    }
    if let (Some(h), true) = (highlight, last_row > 0) {
        let column = column_letter(h.column);
        for (value, rgb) in [(h.fail, 0x00FF_C7CE), (h.warn, 0x00FF_EB9C)] {
            // The verdict texts are the core's constants (no quote), so the formula is fixed.
            let rule = ConditionalFormatFormula::new()
                .set_rule(format!("=${column}2=\"{value}\"").as_str())
                .set_format(Format::new().set_background_color(Color::RGB(rgb)));
            sheet.add_conditional_format(1, 0, last_row, last_col, &rule)?;
        }
    }
    Ok(sheet)
}

/// `A` … `Z` for the first 26 columns (the sheets here have fewer).
fn column_letter(c: u16) -> char {
    char::from(b'A'.saturating_add(u8::try_from(c.min(25)).unwrap_or(25)))
}

/// The summary sheet: label and value rows.
fn summary_sheet(
    book: &mut Workbook,
    lang: Lang,
    rows: Vec<Vec<Cell>>,
) -> Result<(), WorkbookError> {
    add_sheet(
        book,
        tr(lang, "汇总", "Summary"),
        &[tr(lang, "项目", "item"), tr(lang, "值", "value")],
        &rows,
        None,
    )
    .map(|_| ())
}

fn status_text(s: Status, lang: Lang) -> &'static str {
    s.text().get(lang)
}

fn finding_row(file: &str, product: &str, f: &Finding, lang: Lang) -> Vec<Cell> {
    vec![
        text(file),
        text(product),
        text(f.id),
        text(status_text(f.status, lang)),
        text(&f.field),
        text(f.reason.get(lang)),
    ]
}

/// The workbook of `gasdev check`: a summary sheet (rule set, date, the batch counts) and a
/// findings sheet (one row per finding: file, product or catalogue, clause, status, field, reason;
/// an unreadable file is one row with its error name and message).
///
/// # Errors
/// A sheet over Excel's limits.
pub fn check_workbook(batch: &CheckBatch, lang: Lang) -> Result<Vec<u8>, WorkbookError> {
    let s = &batch.summary;
    let mut book = Workbook::new();
    summary_sheet(
        &mut book,
        lang,
        vec![
            vec![text(tr(lang, "规则集", "rule set")), text(batch.ruleset)],
            vec![
                text(tr(lang, "规则集版本", "rule set version")),
                num(batch.ruleset_version),
            ],
            vec![
                text(tr(lang, "核查日期", "as of")),
                text(&batch.as_of.to_string()),
            ],
            vec![text(tr(lang, "文件", "files")), num(s.files as u64)],
            vec![
                text(tr(lang, "输入错误", "input errors")),
                num(s.input_errors as u64),
            ],
            vec![text(tr(lang, "产品", "products")), num(s.products as u64)],
            vec![
                text(tr(lang, "符合的产品", "conformant products")),
                num(s.conformant_products as u64),
            ],
            vec![
                text(tr(lang, "不符合项", "failed findings")),
                num(s.failed_findings as u64),
            ],
            vec![
                text(tr(lang, "结论", "verdict")),
                text(if s.conformant {
                    tr(lang, "符合", "conformant")
                } else {
                    tr(lang, "不符合", "non-conformant")
                }),
            ],
        ],
    )?;
    let mut rows = Vec::new();
    for file in &batch.files {
        if let Some(e) = &file.error {
            rows.push(vec![
                text(&file.path),
                text(""),
                text(e.name),
                text(tr(lang, "输入错误", "input error")),
                text(&e.field),
                text(e.message.get(lang)),
            ]);
        }
        match &file.report {
            Some(CheckedReport::Declaration(p)) => {
                let product = product_name(p.vendor.as_deref(), &p.model);
                rows.extend(
                    p.findings
                        .iter()
                        .map(|f| finding_row(&file.path, &product, f, lang)),
                );
            }
            Some(CheckedReport::Catalogue(c)) => {
                rows.extend(
                    c.findings
                        .iter()
                        .map(|f| finding_row(&file.path, &c.name, f, lang)),
                );
                for p in &c.products {
                    let product = product_name(p.vendor.as_deref(), &p.model);
                    rows.extend(
                        p.findings
                            .iter()
                            .map(|f| finding_row(&file.path, &product, f, lang)),
                    );
                }
            }
            None => {}
        }
    }
    add_sheet(
        &mut book,
        tr(lang, "核查结果", "Findings"),
        &columns(
            lang,
            "文件|产品/目录|条款|结论|字段|说明",
            "file|product/catalogue|clause|status|field|reason",
        ),
        &rows,
        Some(Highlight {
            column: 3,
            fail: status_text(Status::Fail, lang),
            warn: status_text(Status::NeedsEvidence, lang),
        }),
    )?;
    Ok(book.save_to_buffer()?)
}

fn product_name(vendor: Option<&str>, model: &str) -> String {
    match vendor {
        Some(v) => format!("{v} · {model}"),
        None => model.to_string(),
    }
}

/// The workbook of `gasdev inspect`: a summary sheet (rule set, date, counts, findings by code),
/// a findings sheet (one row per finding), the ranking of the communities, the rejected rows
/// (line, error name, field, message) and the charts ([`super::xlsx_charts`]).
///
/// # Errors
/// A sheet over Excel's limits (1 048 575 findings).
pub fn inspect_workbook(
    batch: &InspectBatch,
    ruleset: &str,
    ruleset_version: u32,
    as_of: Date,
    lang: Lang,
) -> Result<Vec<u8>, WorkbookError> {
    let s = &batch.summary;
    let mut book = Workbook::new();
    let mut rows = vec![
        vec![text(tr(lang, "规则集", "rule set")), text(ruleset)],
        vec![
            text(tr(lang, "规则集版本", "rule set version")),
            num(ruleset_version),
        ],
        vec![
            text(tr(lang, "核查日期", "as of")),
            text(&as_of.to_string()),
        ],
        vec![text(tr(lang, "户数", "households")), num(s.households)],
        vec![text(tr(lang, "合格", "compliant")), num(s.compliant)],
        vec![
            text(tr(lang, "不合格", "non-compliant")),
            num(s.non_compliant),
        ],
        vec![
            text(tr(lang, "逾期未装", "overdue obligations")),
            num(s.overdue_obligations),
        ],
        vec![
            text(tr(lang, "拒收行", "rejected rows")),
            num(s.rejected_rows),
        ],
    ];
    for (code, n) in &s.findings {
        rows.push(vec![text(code), num(*n)]);
    }
    summary_sheet(&mut book, lang, rows)?;

    let mut rows = Vec::new();
    for r in &batch.households {
        for f in &r.findings {
            rows.push(vec![
                text(&r.household),
                text(r.community.as_deref().unwrap_or("")),
                text(severity_text(f.severity, lang)),
                text(f.code.name()),
                text(&f.clauses.join(",")),
                f.device.map_or(text(""), |d| num(d as u64)),
                text(f.kind.map_or("", |k| k.as_str())),
                text(f.hazard.map_or("", |h| h.as_str())),
                text(f.message.get(lang)),
                text(f.action.get(lang)),
            ]);
        }
    }
    add_sheet(
        &mut book,
        tr(lang, "问题", "Findings"),
        &columns(
            lang,
            "户号|小区|级别|问题|条款|装置|类别|隐患|说明|处理",
            "household|community|severity|code|clauses|device|kind|hazard|message|action",
        ),
        &rows,
        Some(Highlight {
            column: 2,
            fail: severity_text(Severity::Fail, lang),
            warn: severity_text(Severity::Warn, lang),
        }),
    )?;

    let rows: Vec<Vec<Cell>> = batch
        .ranking()
        .iter()
        .zip(1u64..)
        .map(|(c, rank)| {
            vec![
                num(rank),
                text(&c.community),
                num(c.households),
                num(c.compliant),
                num(c.non_compliant),
                Cell::Number((c.compliance_rate * 1000.0).round() / 1000.0),
                num(c.overdue_obligations),
                Cell::Number((c.fails_per_100 * 10.0).round() / 10.0),
            ]
        })
        .collect();
    add_sheet(
        &mut book,
        tr(lang, "小区排名", "Ranking"),
        &super::inspect::ranking_header(lang),
        &rows,
        None,
    )?;
    let rows: Vec<Vec<Cell>> = batch
        .rejects
        .iter()
        .map(|e| {
            vec![
                num(e.line as u64),
                text(e.name),
                text(&e.field),
                text(e.message.get(lang)),
            ]
        })
        .collect();
    add_sheet(
        &mut book,
        tr(lang, "拒收行", "Rejected"),
        &super::inspect::rejects_header(lang),
        &rows,
        None,
    )?;
    super::xlsx_charts::charts_sheet(&mut book, s, lang)?;
    Ok(book.save_to_buffer()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_neutralised_and_cut() {
        assert_eq!(cell_text("=1+2"), "'=1+2");
        assert_eq!(cell_text("-3"), "-3");
        let long = "户".repeat(MAX_CELL_CHARS + 5);
        assert_eq!(cell_text(&long).chars().count(), MAX_CELL_CHARS);
    }

    #[test]
    fn inspect_workbook_is_a_zip() {
        let batch = crate::api::inspect::example_batch();
        let as_of = Date::parse("2026-12-07").unwrap();
        let book = inspect_workbook(&batch, "nanchuan-2022", 2, as_of, Lang::Zh).unwrap();
        assert!(book.starts_with(b"PK\x03\x04"));
    }

    #[test]
    fn column_letters() {
        assert_eq!(column_letter(0), 'A');
        assert_eq!(column_letter(3), 'D');
        assert_eq!(column_letter(99), 'Z');
    }
}
