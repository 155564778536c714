//! Catalogue workbooks written (feature `xlsx`): a catalogue as the workbook `gasdev check
//! catalogue.xlsx` reads back as the same catalogue (the example `spec/examples/catalogue.xlsx`),
//! and the empty template a committee fills in. Both have the `目录` sheet (name, issuer,
//! publication date) and one sheet of vendors and products with the columns of
//! [`crate::api::catalogue_sheet::columns`], and data validation on the enumerated columns: a
//! drop-down list of the values (in the sheet's language) for one-value columns, an input message
//! listing the values for list columns. The workbook's creation date is the catalogue's
//! publication date (or 2025-01-01), so the same catalogue gives the same bytes. The ledger
//! template ([`ledger_template`]) is the household ledger's header with the same kind of
//! validation.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use rust_xlsxwriter::{DataValidation, DocProperties, ExcelDateTime, Workbook, Worksheet};

use super::tr;
use super::xlsx::{Cell, WorkbookError, add_sheet};
use crate::Lang;
use crate::api::catalogue_sheet::{
    CATALOGUE_FIELDS, Column, Shape, catalogue_info_rows, catalogue_rows, columns,
};
use crate::model::{Catalogue, Date};

/// Rows of the data sheet the validations cover below the data (the template's blank rows).
const BLANK_ROWS: u32 = 1000;

/// The name of the data sheet.
fn data_sheet(lang: Lang) -> &'static str {
    tr(lang, "目录清单", "entries")
}

/// The catalogue sheet's name (the name `catalogue_from_sheets` looks for).
fn info_sheet(lang: Lang) -> &'static str {
    tr(lang, "目录", "catalogue")
}

fn book_dated(date: Option<Date>) -> Result<Workbook, WorkbookError> {
    let mut book = Workbook::new();
    let d = date.unwrap_or(Date::new(2025, 1, 1).unwrap_or(Date::MIN));
    let created = ExcelDateTime::from_ymd(d.year(), d.month(), d.day())?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    Ok(book)
}

/// The validation of `column`, if it has values to choose from.
fn validation(column: &Column, lang: Lang) -> Result<Option<DataValidation>, WorkbookError> {
    let choices = column.choices();
    if choices.is_empty() {
        return Ok(None);
    }
    let shown: Vec<&str> = choices.iter().map(|c| c.shown(lang)).collect();
    let (what, separator) = match column.shape {
        Shape::Text | Shape::Bool => {
            return Ok(Some(DataValidation::new().allow_list_strings(&shown)?));
        }
        Shape::List => (
            tr(
                lang,
                "可填多项，以 ; 分隔：",
                "one or more, separated by ;: ",
            ),
            "; ",
        ),
        Shape::Identifiers => (
            tr(
                lang,
                "载体:标识，多项以 ; 分隔；载体：",
                "carrier:identifier, several separated by ;; carriers: ",
            ),
            ", ",
        ),
    };
    let v = DataValidation::new()
        .allow_any_value()
        .set_input_title(column.header(lang))?
        .set_input_message(format!("{what}{}", shown.join(separator)))?;
    Ok(Some(v))
}

/// The data sheet: header, rows, validations over the rows and [`BLANK_ROWS`] more.
fn entries_sheet(
    book: &mut Workbook,
    rows: &[Vec<String>],
    lang: Lang,
) -> Result<(), WorkbookError> {
    let cols = columns();
    let header: Vec<&str> = cols.iter().map(|c| c.header(lang)).collect();
    let cells: Vec<Vec<Cell>> = rows
        .iter()
        .map(|r| r.iter().map(|t| Cell::Data(t.clone())).collect())
        .collect();
    let sheet: &mut Worksheet = add_sheet(book, data_sheet(lang), &header, &cells, None)?;
    let last = u32::try_from(rows.len())
        .unwrap_or(u32::MAX)
        .saturating_add(BLANK_ROWS);
    for (c, column) in (0u16..).zip(&cols) {
        if let Some(v) = validation(column, lang)? {
            sheet.add_data_validation(1, c, last, c, &v)?;
        }
    }
    Ok(())
}

/// The `目录` sheet: label and value rows.
fn info(book: &mut Workbook, rows: Vec<[String; 2]>, lang: Lang) -> Result<(), WorkbookError> {
    let rows: Vec<Vec<Cell>> = rows
        .into_iter()
        .map(|r| r.into_iter().map(Cell::Data).collect())
        .collect();
    add_sheet(
        book,
        info_sheet(lang),
        &[tr(lang, "项目", "item"), tr(lang, "值", "value")],
        &rows,
        None,
    )?;
    Ok(())
}

/// The workbook of `catalogue`, headers and values in `lang`.
///
/// # Errors
/// A sheet over Excel's limits.
pub fn catalogue_workbook(catalogue: &Catalogue, lang: Lang) -> Result<Vec<u8>, WorkbookError> {
    let mut book = book_dated(catalogue.published)?;
    info(&mut book, catalogue_info_rows(catalogue, lang), lang)?;
    let (_, rows) = catalogue_rows(catalogue, lang);
    entries_sheet(&mut book, &rows, lang)?;
    Ok(book.save_to_buffer()?)
}

/// The empty template: the `目录` sheet's labels, the data sheet's header and validations.
///
/// # Errors
/// None in practice (the same fixed sheets every time).
pub fn catalogue_template(lang: Lang) -> Result<Vec<u8>, WorkbookError> {
    let mut book = book_dated(None)?;
    let labels = CATALOGUE_FIELDS
        .iter()
        .map(|(_, en, zh)| [tr(lang, zh, en).to_string(), String::new()])
        .collect();
    info(&mut book, labels, lang)?;
    entries_sheet(&mut book, &[], lang)?;
    Ok(book.save_to_buffer()?)
}

/// The empty household-ledger template: one sheet (`台账`/`ledger`) with the ledger's columns
/// (Chinese or English names, [`crate::api::ledger::ALIASES`] order) and data validation on the
/// enumerated columns: a drop-down list of the machine names the ledger reads (yes/no columns:
/// `是`/`否` in Chinese), an input message listing the codes on list columns (`hazards`,
/// `detects`; a list too long for Excel's 255 characters points to spec/installation.md).
///
/// # Errors
/// None in practice (the same fixed sheet every time).
pub fn ledger_template(lang: Lang) -> Result<Vec<u8>, WorkbookError> {
    use crate::api::ledger::{ALIASES, column_choices};
    let mut book = book_dated(None)?;
    let header: Vec<&str> = ALIASES.iter().map(|(zh, en)| tr(lang, zh, en)).collect();
    let sheet = add_sheet(&mut book, tr(lang, "台账", "ledger"), &header, &[], None)?;
    for (c, (zh, en)) in (0u16..).zip(ALIASES) {
        let Some((names, list)) = column_choices(en, lang) else {
            continue;
        };
        let joined = names.join(if list { "; " } else { "," });
        let v = if !list && joined.chars().count() <= 255 {
            DataValidation::new().allow_list_strings(&names)?
        } else {
            let message = if joined.chars().count() + 20 <= 255 {
                format!(
                    "{}{joined}",
                    tr(
                        lang,
                        "可填多项，以 ; 分隔：",
                        "one or more, separated by ;: "
                    )
                )
            } else {
                tr(
                    lang,
                    "代码以 ; 分隔，见 spec/installation.md",
                    "codes separated by ;, see spec/installation.md",
                )
                .to_string()
            };
            DataValidation::new()
                .allow_any_value()
                .set_input_title(tr(lang, zh, en))?
                .set_input_message(message)?
        };
        sheet.add_data_validation(1, c, BLANK_ROWS, c, &v)?;
    }
    Ok(book.save_to_buffer()?)
}
