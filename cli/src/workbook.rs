//! Reading `.xlsx` workbooks for `gasdev inspect ledger.xlsx` and `gasdev check catalogue.xlsx`:
//! the core's calamine layer ([`gasdev::api::workbook`], shared with the WebAssembly sheets
//! module), opened within `--max-input-bytes`.

use gasdev::api::InputError;
pub use gasdev::api::workbook::{Book, error, ledger_records, ledger_rows, sheet_names};

/// Open the workbook in `bytes` within `--max-input-bytes` (its parts unpacking to at most
/// [`gasdev::api::workbook::UNPACK_FACTOR`] times that).
///
/// # Errors
/// `INPUT_NOT_WORKBOOK`, `INPUT_TOO_LARGE`.
pub fn open(bytes: Vec<u8>) -> Result<Book, InputError> {
    gasdev::api::workbook::open(bytes, crate::input::max_input_bytes())
}
