//! XLSX input of `gasdev inspect`: the first sheet of a workbook (read by `calamine`) holds the
//! household ledger with the CSV columns (or their Chinese aliases,
//! [`gasdev::api::ledger::ALIASES`]). Each cell becomes a [`gasdev::api::cells::Cell`] and its text
//! (the core's cell-text layer), and the rows go through the CSV path's conversion
//! ([`gasdev::api::ledger::ledger`]), so a row is accepted or rejected exactly like the same row in
//! CSV or JSON lines. Errors carry the sheet's row number as their line and the column header as
//! written as their field.
//!
//! The workbook is read whole within `--max-input-bytes`, and its parts may unpack (by the sizes
//! the zip declares) to at most [`UNPACK_FACTOR`] times that: a zip bomb is `INPUT_TOO_LARGE`
//! before anything is unpacked. The first sheet is held in memory while its rows are converted.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use gasdev::ErrorCode;
use gasdev::api::InputError;
use gasdev::api::cells::{Cell, header_texts, row_texts};
use gasdev::api::ledger::{Item, Row, ledger};

/// How many times `--max-input-bytes` the parts of a workbook may unpack to (sheet XML packs
/// about 10:1).
pub const UNPACK_FACTOR: u64 = 32;

/// The magic number of an OLE compound file: what Excel writes for a password-protected
/// (encrypted) workbook, and the old `.xls` format.
const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

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
        .filter(|(cells, _)| cells.iter().any(|c| !cell(c).is_blank()))
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
        Some((_, cells)) => Ok(header_texts(&cells.iter().map(cell).collect::<Vec<_>>())),
    };
    let header_names = headers.as_ref().ok().cloned().unwrap_or_default();
    let rows = rows.map(move |(n, cells)| -> Row {
        let cells: Vec<Cell<'_>> = cells.iter().map(cell).collect();
        (n, row_texts(&cells, &header_names))
    });
    Ok((sheet, ledger(headers, rows)))
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

/// A calamine cell as the core's cell: a date-formatted number as a date serial.
pub fn cell(c: &Data) -> Cell<'_> {
    match c {
        Data::Empty => Cell::Empty,
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s),
        Data::Int(i) => Cell::Int(*i),
        Data::Float(x) => Cell::Number(*x),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(d) if d.is_datetime() => Cell::Date(d.as_f64()),
        Data::DateTime(d) => Cell::Number(d.as_f64()),
        Data::Error(e) => Cell::Error(error_text(e)),
    }
}

/// The text of an error value, as Excel shows it.
fn error_text(e: &calamine::CellErrorType) -> &'static str {
    use calamine::CellErrorType as E;
    match e {
        E::Div0 => "#DIV/0!",
        E::NA => "#N/A",
        E::Name => "#NAME?",
        E::Null => "#NULL!",
        E::Num => "#NUM!",
        E::Ref => "#REF!",
        E::Value => "#VALUE!",
        E::GettingData => "#DATA!",
    }
}
