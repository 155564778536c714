//! Household ledgers from `.xlsx` workbooks in the sheets module (feature `sheets`, fetched only
//! when a page reads or writes a workbook): `calamine` reads the first sheet, its cells become the
//! core's [`Cell`]s and the core decides what they mean (`api::cells`, `api::ledger`), so a row is
//! accepted or rejected exactly as `gasdev inspect ledger.xlsx` does. Without the feature, a
//! workbook is refused with `INPUT_NOT_WORKBOOK`.

use gasdev::ErrorCode;
use gasdev::api::InputError;
use gasdev::api::ledger::Item;

fn refuse(code: ErrorCode, detail: &str) -> InputError {
    InputError::new(code, 0, 0, String::new(), detail)
}

/// The records of the workbook in `bytes` and the number of its rows.
///
/// # Errors
/// `INPUT_NOT_WORKBOOK` for bytes that are not a readable workbook (an encrypted one, an old
/// `.xls`, not a zip), `INPUT_TOO_LARGE` for parts unpacking past [`MAX_UNPACKED`],
/// `INPUT_EMPTY` for a workbook without a sheet.
#[cfg(feature = "sheets")]
pub fn records(bytes: Vec<u8>) -> Result<(usize, impl Iterator<Item = Item>), InputError> {
    use calamine::{Reader, Xlsx};
    use gasdev::api::cells::{header_texts, row_texts};
    use gasdev::api::ledger::{Row, ledger};

    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Err(refuse(
            ErrorCode::InputNotWorkbook,
            "an OLE compound file: a password-protected (encrypted) workbook or an old .xls; save it as an unprotected .xlsx",
        ));
    }
    let unpacked = declared_size(&bytes)?;
    if unpacked > MAX_UNPACKED {
        return Err(refuse(
            ErrorCode::InputTooLarge,
            &format!("the workbook unpacks to {unpacked} bytes, more than {MAX_UNPACKED}"),
        ));
    }
    let bad = |e: calamine::XlsxError| refuse(ErrorCode::InputNotWorkbook, &e.to_string());
    let mut book = Xlsx::new(std::io::Cursor::new(bytes)).map_err(bad)?;
    let sheet = book
        .sheet_names()
        .into_iter()
        .next()
        .ok_or_else(|| refuse(ErrorCode::InputEmpty, "the workbook has no sheet"))?;
    let range = book.worksheet_range(&sheet).map_err(bad)?;
    let first = u64::from(range.start().map_or(0, |(r, _)| r));
    let mut rows = range
        .rows()
        .zip(first + 1..)
        .map(|(cells, n)| (n, cells.iter().map(to_cell).collect::<Vec<_>>()))
        .filter(|(_, cells)| cells.iter().any(|c| !c.is_blank()));
    let headers = rows
        .next()
        .map(|(_, cells)| header_texts(&cells))
        .ok_or_else(|| {
            let e = refuse(
                ErrorCode::InputEmpty,
                &format!("sheet `{sheet}` has no header row"),
            );
            (1, e)
        });
    let names = headers.clone().unwrap_or_default();
    let texts: Vec<Row> = rows
        .map(|(n, cells)| (n, row_texts(&cells, &names)))
        .collect();
    Ok((texts.len().max(1), ledger(headers, texts.into_iter())))
}

/// Without feature `sheets`: every workbook is refused (the page loads the sheets module).
///
/// # Errors
/// Always `INPUT_NOT_WORKBOOK`.
#[cfg(not(feature = "sheets"))]
pub fn records(_bytes: Vec<u8>) -> Result<(usize, core::iter::Empty<Item>), InputError> {
    Err(refuse(
        ErrorCode::InputNotWorkbook,
        "this module reads no workbook: the sheets module (gasdev_sheets) does",
    ))
}

/// The most bytes a workbook's parts may unpack to in a page (sheet XML packs about 10:1).
#[cfg(feature = "sheets")]
pub const MAX_UNPACKED: u64 = 1 << 30;

/// A calamine cell as the core's [`Cell`].
#[cfg(feature = "sheets")]
fn to_cell(d: &calamine::Data) -> gasdev::api::cells::Cell<'_> {
    use calamine::Data;
    use gasdev::api::cells::Cell;
    match d {
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

/// The unpacked size the zip's entries declare, read before anything is unpacked.
#[cfg(feature = "sheets")]
fn declared_size(bytes: &[u8]) -> Result<u64, InputError> {
    let bad = |what: &str, e: zip::result::ZipError| {
        refuse(ErrorCode::InputNotWorkbook, &format!("{what}: {e}"))
    };
    let mut zip =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| bad("not a zip", e))?;
    let mut total = 0u64;
    for i in 0..zip.len() {
        let size = zip
            .by_index_raw(i)
            .map_err(|e| bad("damaged zip", e))?
            .size();
        total = total.saturating_add(size);
    }
    Ok(total)
}

/// The text of an error cell.
#[cfg(feature = "sheets")]
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
