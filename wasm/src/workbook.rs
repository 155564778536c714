//! Household ledgers and catalogues from `.xlsx` workbooks in the sheets module (feature `sheets`,
//! fetched only when a page reads or writes a workbook): the core's calamine reader
//! ([`gasdev::api::workbook`], the CLI's too) gives the first sheet's rows, and the core decides
//! what they mean (`api::cells`, `api::ledger`), so a row is accepted or rejected exactly as
//! `gasdev inspect ledger.xlsx` does; a catalogue workbook becomes the core's entries of a check
//! batch, as `gasdev check catalogue.xlsx` checks them. Without the feature, a workbook is refused
//! with `INPUT_NOT_WORKBOOK`.

use gasdev::ErrorCode;
use gasdev::api::ledger::Item;
use gasdev::api::{Document, InputError};

/// The largest workbook a page reads (its parts may unpack to 32 times that).
#[cfg(feature = "sheets")]
pub const MAX_INPUT: u64 = 64 << 20;

/// The records of the workbook in `bytes` and the number of its rows.
///
/// # Errors
/// `INPUT_NOT_WORKBOOK` for bytes that are not a readable workbook (an encrypted one, an old
/// `.xls`, not a zip), `INPUT_TOO_LARGE`, `INPUT_EMPTY` for a workbook without a sheet.
#[cfg(feature = "sheets")]
pub fn records(bytes: Vec<u8>) -> Result<(usize, impl Iterator<Item = Item>), InputError> {
    use gasdev::api::workbook::{error, ledger_records, ledger_rows, open, sheet_names};
    let mut book = open(bytes, MAX_INPUT)?;
    let sheet = sheet_names(&book)
        .into_iter()
        .next()
        .ok_or_else(|| error(ErrorCode::InputEmpty, "", "the workbook has no sheet"))?;
    // No threads in a page: the sheet's rows are read at once, then inspected in steps.
    let mut rows = Vec::new();
    ledger_rows(&mut book, &sheet, |row| {
        rows.push(row);
        true
    });
    Ok((rows.len().max(1), ledger_records(&sheet, rows.into_iter())))
}

/// Without feature `sheets`: every workbook is refused (the page loads the sheets module).
///
/// # Errors
/// Always `INPUT_NOT_WORKBOOK`.
#[cfg(not(feature = "sheets"))]
pub fn records(_bytes: Vec<u8>) -> Result<(usize, core::iter::Empty<Item>), InputError> {
    Err(no_workbook())
}

/// The largest catalogue workbook the check tab reads: the page's limit for a JSON document
/// (`MAX_DOCUMENT` of `web/worker.js`, which refuses a larger file unread); its parts may unpack to
/// 32 times that.
#[cfg(feature = "sheets")]
pub const MAX_CATALOGUE: u64 = 10 << 20;

/// The entries of a check batch for the catalogue workbook in `bytes` named `name`: the core's
/// [`gasdev::api::workbook::catalogue_entries`], the entries `gasdev check catalogue.xlsx` checks.
#[cfg(feature = "sheets")]
pub fn catalogue_entries(
    bytes: Vec<u8>,
    name: &str,
) -> Vec<(String, Result<Document, InputError>)> {
    gasdev::api::workbook::catalogue_entries(bytes, name, MAX_CATALOGUE)
}

/// Without feature `sheets`: the workbook is one entry, refused (the page loads the sheets module).
#[cfg(not(feature = "sheets"))]
pub fn catalogue_entries(
    _bytes: Vec<u8>,
    name: &str,
) -> Vec<(String, Result<Document, InputError>)> {
    vec![(name.to_owned(), Err(no_workbook()))]
}

/// `INPUT_NOT_WORKBOOK`: a module without the workbook reader.
#[cfg(not(feature = "sheets"))]
fn no_workbook() -> InputError {
    InputError::new(
        ErrorCode::InputNotWorkbook,
        0,
        0,
        String::new(),
        "this module reads no workbook: the sheets module (gasdev_sheets) does",
    )
}
