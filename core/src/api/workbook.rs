//! Reading `.xlsx` workbooks with `calamine` (feature `calamine`), for every reader of them: the
//! CLI (`gasdev inspect ledger.xlsx`, `gasdev check catalogue.xlsx`) and the WebAssembly sheets
//! module (the web page's inspection tab). The checks before anything is unpacked, and the rows of
//! a sheet streamed cell by cell (`calamine`'s `worksheet_cells_reader`: the sheet's XML is parsed
//! as it is read, so memory holds the workbook's bytes, its shared strings and one row, never the
//! whole grid). Cells become the core's [`Cell`]s; what they mean is decided by
//! [`super::cells`], [`super::ledger`] and `api::catalogue_sheet`; a catalogue workbook becomes
//! the entries of a check batch in [`catalogue_entries`] (the CLI's and the web page's).
//!
//! The workbook is read whole within the reader's input limit, and its parts may unpack (by the
//! sizes the zip declares) to at most [`UNPACK_FACTOR`] times that: a zip bomb is
//! `INPUT_TOO_LARGE` before anything is unpacked. A password-protected (encrypted) workbook or an
//! old `.xls` (an OLE compound file) is `INPUT_NOT_WORKBOOK`, as is anything that is not a zip of
//! a workbook.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec;
use alloc::vec::Vec;
use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use super::InputError;
use super::catalogue_sheet::{Sheet, catalogue_from_sheets};
use super::cells::{Cell, header_texts, row_texts};
use super::document::Document;
use super::ledger::{Item, Row, ledger};
use crate::ErrorCode;

/// How many times the input limit (the CLI's `--max-input-bytes`) the parts of a workbook may unpack to (sheet XML packs
/// about 10:1).
pub const UNPACK_FACTOR: u64 = 32;

/// Excel's widest sheet (columns A … XFD): a cell further right is refused rather than making a
/// row of that many cells.
const MAX_COLUMNS: u32 = 16_384;

/// The magic number of an OLE compound file: what Excel writes for a password-protected
/// (encrypted) workbook, and the old `.xls` format.
const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// An open workbook.
pub type Book = Xlsx<Cursor<Vec<u8>>>;

/// An input error at no line yet (the caller puts the row on it).
pub fn error(code: ErrorCode, field: &str, detail: &str) -> InputError {
    InputError::new(code, 0, 0, field.to_string(), detail)
}

fn not_workbook(e: &calamine::XlsxError) -> InputError {
    error(ErrorCode::InputNotWorkbook, "", &e.to_string())
}

/// Open the workbook in `bytes` (read within `max_input` bytes), after the checks above.
///
/// # Errors
/// `INPUT_NOT_WORKBOOK`, `INPUT_TOO_LARGE`.
pub fn open(bytes: Vec<u8>, max_input: u64) -> Result<Book, InputError> {
    if bytes.starts_with(&OLE_MAGIC) {
        return Err(error(
            ErrorCode::InputNotWorkbook,
            "",
            "an OLE compound file: a password-protected (encrypted) workbook or an old .xls; save it as an unprotected .xlsx",
        ));
    }
    unpacked_size(&bytes, max_input.saturating_mul(UNPACK_FACTOR))?;
    Xlsx::new(Cursor::new(bytes)).map_err(|e| not_workbook(&e))
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
                "the workbook unpacks to {total} bytes, more than {limit} ({UNPACK_FACTOR} x the input limit, --max-input-bytes)"
            ),
        ));
    }
    Ok(())
}

/// Every non-blank row of sheet `name`, in order, each with its 1-based row number, given to `f`
/// as soon as it is complete (its cells from the sheet's first used column); `f` returns `false` to stop. A cell the sheet's XML cannot give is
/// one error at the row it was in, and reading stops.
///
/// # Errors
/// The first error, with the row it happened at (`INPUT_NOT_WORKBOOK`, `CSV_FIELD_COUNT` for a
/// cell right of Excel's last column).
pub fn rows(
    book: &mut Book,
    name: &str,
    mut f: impl FnMut(u64, Vec<Data>) -> bool,
) -> Result<(), (u64, InputError)> {
    let mut reader = book
        .worksheet_cells_reader(name)
        .map_err(|e| (1, not_workbook(&e)))?;
    // Columns count from the sheet's first used column (its `dimension`), as a cell range does.
    let first_col = reader.dimensions().start.1;
    let mut current: Option<u32> = None;
    let mut cells: Vec<Data> = Vec::new();
    let flush =
        |at: Option<u32>, cells: &mut Vec<Data>, f: &mut dyn FnMut(u64, Vec<Data>) -> bool| {
            let row = std::mem::take(cells);
            match at {
                Some(r) if row.iter().any(|c| !cell(c).is_blank()) => f(u64::from(r) + 1, row),
                _ => true,
            }
        };
    loop {
        let next = reader.next_cell();
        let at = current.map_or(1, |r| u64::from(r) + 1);
        let c = match next {
            Ok(Some(c)) => c,
            Ok(None) => {
                flush(current, &mut cells, &mut f);
                return Ok(());
            }
            Err(e) => return Err((at, not_workbook(&e))),
        };
        let (r, col) = c.get_position();
        if col >= MAX_COLUMNS {
            return Err((
                u64::from(r) + 1,
                error(
                    ErrorCode::CsvFieldCount,
                    "",
                    &format!("a cell in column {}, right of Excel's last column", col + 1),
                ),
            ));
        }
        if current != Some(r) {
            if !flush(current, &mut cells, &mut f) {
                return Ok(());
            }
            current = Some(r);
        }
        let col = col.saturating_sub(first_col) as usize;
        if cells.len() <= col {
            cells.resize(col + 1, Data::Empty);
        }
        if let Some(slot) = cells.get_mut(col) {
            *slot = Data::from(c.get_value().clone());
        }
    }
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

/// The names of the workbook's sheets, in order.
pub fn sheet_names(book: &Book) -> Vec<String> {
    book.sheet_names()
}

/// The rows of ledger sheet `name` as text for [`ledger`]: the header row first (its cells' texts),
/// then each row's texts (or why it is rejected: an error cell, a value right of the header), each
/// with its 1-based row number, given to `f` (which returns `false` to stop); a read error is the
/// last row given.
pub fn ledger_rows(book: &mut Book, name: &str, mut f: impl FnMut(Row) -> bool) {
    let mut header: Option<Vec<String>> = None;
    let read = rows(book, name, |n, data| {
        let cells: Vec<Cell<'_>> = data.iter().map(cell).collect();
        let row = match &header {
            None => {
                let h = header_texts(&cells);
                header = Some(h.clone());
                Ok(h)
            }
            Some(h) => row_texts(&cells, h),
        };
        f((n, row))
    });
    if let Err((n, e)) = read {
        f((n, Err(e)));
    }
}

/// The records of sheet `sheet`'s rows as [`ledger_rows`] gives them (header first).
pub fn ledger_records<R: Iterator<Item = Row>>(
    sheet: &str,
    mut rows: R,
) -> impl Iterator<Item = Item> + use<R> {
    let headers = match rows.next() {
        None => Err((
            1,
            error(
                ErrorCode::InputEmpty,
                "",
                &format!("sheet `{sheet}` has no header row"),
            ),
        )),
        Some((n, Err(e))) => Err((n, e)),
        Some((_, Ok(h))) => Ok(h),
    };
    ledger(headers, rows)
}

/// A sheet's name and its non-blank rows (row number, cells).
type Grid = (String, Vec<(u64, Vec<Data>)>);

/// The entries of a check batch for the catalogue workbook in `bytes`, named `file` (a path or a
/// file name; the catalogue's default name is its stem, `catalogue` for `dir/catalogue.xlsx`), read
/// within `max_input` bytes as [`open`] does: `(name, document or error)`, in this order: a
/// sheet that could not be read (`FILE[SHEET]`, its row as `line`), every rejected row or header
/// (`FILE[SHEET]`, spec/workbooks.md), then the catalogue of the rows read (`FILE`). A workbook
/// that cannot be opened is one entry, `FILE` with its error. `gasdev check catalogue.xlsx` and
/// the web page's check tab (the sheets module) both check these entries.
pub fn catalogue_entries(
    bytes: Vec<u8>,
    file: &str,
    max_input: u64,
) -> Vec<(String, Result<Document, InputError>)> {
    let mut book = match open(bytes, max_input) {
        Ok(b) => b,
        Err(e) => return vec![(file.to_string(), Err(e))],
    };
    // Every sheet's rows (a catalogue is small: held whole).
    let mut data: Vec<Grid> = Vec::new();
    let mut out = Vec::new();
    for name in sheet_names(&book) {
        let mut grid = Vec::new();
        let read = rows(&mut book, &name, |n, cells| {
            grid.push((n, cells));
            true
        });
        if let Err((n, mut e)) = read {
            e.line = usize::try_from(n).unwrap_or(usize::MAX);
            out.push((format!("{file}[{name}]"), Err(e)));
        }
        data.push((name, grid));
    }
    let sheets: Vec<Sheet<'_>> = data
        .iter()
        .map(|(name, grid)| Sheet {
            name: name.clone(),
            rows: grid
                .iter()
                .map(|(n, cells)| (*n, cells.iter().map(cell).collect::<Vec<Cell<'_>>>()))
                .collect(),
        })
        .collect();
    let stem = std::path::Path::new(file)
        .file_stem()
        .map_or_else(|| file.to_string(), |s| s.to_string_lossy().into_owned());
    let read = catalogue_from_sheets(&sheets, &stem);
    for r in read.rejects {
        let at = if r.sheet.is_empty() {
            file.to_string()
        } else {
            format!("{file}[{}]", r.sheet)
        };
        out.push((at, Err(r.error)));
    }
    if let Some(doc) = read.document {
        out.push((file.to_string(), Ok(doc)));
    }
    out
}
