//! XLSX input of `gasdev inspect`: the first sheet of a workbook holds the household ledger with
//! the CSV columns (or their Chinese aliases, [`gasdev::api::ledger::ALIASES`]). The sheet is
//! streamed ([`gasdev::api::workbook::rows`]) on a reader thread that hands rows over a bounded channel,
//! so memory stays bounded by the workbook's bytes and shared strings whatever the number of rows.
//! Each cell becomes text by the core's cell-text layer (`gasdev::api::cells`) and the rows go
//! through the CSV path's conversion ([`gasdev::api::ledger::ledger`]), so a row is accepted or
//! rejected exactly like the same row in CSV or JSON lines. Errors carry the sheet's row number as
//! their line and the column header as written as their field.

use std::sync::mpsc::sync_channel;

use gasdev::ErrorCode;
use gasdev::api::InputError;
use gasdev::api::ledger::{Item, Row};

use crate::workbook::{error, ledger_records, ledger_rows, open};

/// Rows handed from the reader thread at most this far ahead of the inspection.
const ROWS_AHEAD: usize = 1024;

/// The records of the workbook in `bytes` and the name of the sheet read.
///
/// # Errors
/// `INPUT_NOT_WORKBOOK` for bytes that are not a readable workbook; `INPUT_EMPTY` for a workbook
/// without a sheet.
pub fn records(bytes: Vec<u8>) -> Result<(String, impl Iterator<Item = Item>), InputError> {
    let mut book = open(bytes)?;
    let Some(sheet) = crate::workbook::sheet_names(&book).into_iter().next() else {
        return Err(error(
            ErrorCode::InputEmpty,
            "",
            "the workbook has no sheet",
        ));
    };
    // The first message is the header row (or why there is none), then one per row.
    let (tx, rx) = sync_channel::<Row>(ROWS_AHEAD);
    let name = sheet.clone();
    std::thread::spawn(move || ledger_rows(&mut book, &name, |row| tx.send(row).is_ok()));
    Ok((sheet.clone(), ledger_records(&sheet, rx.into_iter())))
}
