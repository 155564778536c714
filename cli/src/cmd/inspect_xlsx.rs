//! XLSX input of `gasdev inspect`: the first sheet of a workbook (read by `calamine`) holds the
//! household ledger with the CSV columns (or their Chinese aliases, [`super::inspect_csv::ALIASES`]).
//! Each row's cells are turned into text and go through the CSV path's conversion
//! ([`super::inspect_csv::ledger`]), so a row is accepted or rejected exactly like the same row in
//! CSV or JSON lines. Errors carry the sheet's row number as their line and the column header as
//! written as their field.
//!
//! Cells: text as it is; whole numbers without a decimal point (`1001`, `18`), other numbers as
//! Rust prints them; booleans `true`/`false`; a date-formatted cell as `YYYY-MM-DD` (1900 date
//! system); a plain number in a date column stays a number and is rejected by the core
//! (`INPUT_BAD_DATE`); an error cell (`#DIV/0!`) rejects its row (`INPUT_INVALID_VALUE`). The
//! workbook is read whole within `--max-input-bytes`, and its parts may unpack (by the sizes the
//! zip declares) to at most [`UNPACK_FACTOR`] times that: a zip bomb is `INPUT_TOO_LARGE` before
//! anything is unpacked. The first sheet is held in memory while its rows are converted.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use gasdev::ErrorCode;
use gasdev::api::InputError;
use gasdev::install::InspectionRecord;
use gasdev::model::Date;

use super::inspect_csv::{Row, ledger};

type Item = (u64, Result<InspectionRecord, InputError>);

/// How many times `--max-input-bytes` the parts of a workbook may unpack to (sheet XML packs
/// about 10:1).
pub const UNPACK_FACTOR: u64 = 32;

/// The magic number of an OLE compound file: what Excel writes for a password-protected
/// (encrypted) workbook, and the old `.xls` format.
const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Excel's serial day of 1970-01-01 (1900 date system).
const UNIX_EPOCH_SERIAL: f64 = 25_569.0;

fn error(code: ErrorCode, field: &str, detail: &str) -> InputError {
    InputError::new(code, 0, 0, field.to_string(), detail)
}

/// The records of the workbook in `bytes` and the name of the sheet read.
///
/// # Errors
/// `INPUT_NOT_WORKBOOK` for bytes that are not a readable workbook; `INPUT_EMPTY` for a workbook
/// without a sheet.
pub fn records(bytes: Vec<u8>) -> Result<(String, impl Iterator<Item = Item>), InputError> {
    let not_workbook =
        |e: calamine::XlsxError| error(ErrorCode::InputNotWorkbook, "", &e.to_string());
    if bytes.starts_with(&OLE_MAGIC) {
        return Err(error(
            ErrorCode::InputNotWorkbook,
            "",
            "an OLE compound file: a password-protected (encrypted) workbook or an old .xls; save it as an unprotected .xlsx",
        ));
    }
    unpacked_size(
        &bytes,
        crate::input::max_input_bytes().saturating_mul(UNPACK_FACTOR),
    )?;
    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(not_workbook)?;
    let Some(sheet) = book.sheet_names().into_iter().next() else {
        return Err(error(
            ErrorCode::InputEmpty,
            "",
            "the workbook has no sheet",
        ));
    };
    let range = book.worksheet_range(&sheet).map_err(not_workbook)?;
    let first_row = range.start().map_or(0, |(r, _)| r);
    let mut rows = range
        .rows()
        .zip(u64::from(first_row).saturating_add(1)..)
        .filter(|(cells, _)| cells.iter().any(|c| !is_blank(c)))
        .map(|(cells, n)| (n, cells.to_vec()))
        .collect::<Vec<_>>()
        .into_iter();
    let headers = match rows.next() {
        None => Err((
            1,
            error(
                ErrorCode::InputEmpty,
                "",
                &format!("sheet `{sheet}` has no header row"),
            ),
        )),
        Some((n, cells)) => {
            let mut h: Vec<String> = cells.iter().map(|c| text(c).trim().to_string()).collect();
            while h.last().is_some_and(String::is_empty) {
                h.pop();
            }
            Ok::<_, (u64, InputError)>((n, h))
        }
    };
    let width = headers.as_ref().map_or(0, |(_, h)| h.len());
    let header_names = headers.as_ref().map(|(_, h)| h.clone()).unwrap_or_default();
    let rows = rows.map(move |(n, cells)| -> Row { (n, row_cells(&cells, &header_names, width)) });
    Ok((sheet, ledger(headers.map(|(_, h)| h), rows)))
}

/// Refuse a zip whose entries declare more than `limit` bytes unpacked in all.
fn unpacked_size(bytes: &[u8], limit: u64) -> Result<(), InputError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| error(ErrorCode::InputNotWorkbook, "", &format!("not a zip: {e}")))?;
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(|e| {
            error(
                ErrorCode::InputNotWorkbook,
                "",
                &format!("damaged zip: {e}"),
            )
        })?;
        total = total.saturating_add(entry.size());
    }
    if total > limit {
        return Err(error(
            ErrorCode::InputTooLarge,
            "",
            &format!(
                "the workbook unpacks to {total} bytes, more than {limit} ({UNPACK_FACTOR} x --max-input-bytes)"
            ),
        ));
    }
    Ok(())
}

fn is_blank(c: &Data) -> bool {
    match c {
        Data::Empty => true,
        Data::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

/// The text of a cell (an error cell's text is its error, e.g. `#DIV/0!`).
fn text(c: &Data) -> String {
    match c {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(x) => number(*x),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => {
            let serial = d.as_f64();
            if d.is_datetime() {
                date(serial).unwrap_or_else(|| number(serial))
            } else {
                number(serial)
            }
        }
        Data::Error(e) => e.to_string(),
    }
}

/// A whole number without `.0`; others as Rust prints them.
fn number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{x:.0}")
    } else {
        x.to_string()
    }
}

/// The day of an Excel serial date (the time of day dropped).
fn date(serial: f64) -> Option<String> {
    let days = (serial - UNIX_EPOCH_SERIAL).floor();
    if !days.is_finite() || days.abs() > 3_000_000.0 {
        return None;
    }
    #[expect(
        clippy::cast_possible_truncation,
        reason = "bounded to ±3e6 days just above"
    )]
    let days = days as i64;
    Date::from_days_since_epoch(days).map(|d| d.to_string())
}

/// A row's cells as text, one per header column; an error cell or a value right of the header
/// rejects the row.
fn row_cells(cells: &[Data], headers: &[String], width: usize) -> Result<Vec<String>, InputError> {
    if let Some(extra) = cells.iter().skip(width).position(|c| !is_blank(c)) {
        return Err(error(
            ErrorCode::CsvFieldCount,
            "",
            &format!(
                "a value in column {} right of the header's {width} columns",
                width.saturating_add(extra).saturating_add(1)
            ),
        ));
    }
    let mut out = Vec::with_capacity(width);
    for (i, c) in cells.iter().take(width).enumerate() {
        if let Data::Error(e) = c {
            let header = headers.get(i).map_or("", String::as_str);
            return Err(error(
                ErrorCode::InputInvalidValue,
                header,
                &format!("error cell {e} in column `{header}`"),
            ));
        }
        out.push(text(c).trim().to_string());
    }
    out.resize(width, String::new());
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_dates() {
        assert_eq!(number(18.0), "18");
        assert_eq!(number(18.5), "18.5");
        assert_eq!(number(-3.0), "-3");
        assert_eq!(date(45_658.0).as_deref(), Some("2025-01-01"));
        assert_eq!(date(25_569.75).as_deref(), Some("1970-01-01"));
        assert_eq!(date(f64::NAN), None);
    }
}
