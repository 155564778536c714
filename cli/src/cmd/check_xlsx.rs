//! `gasdev check catalogue.xlsx`: a catalogue workbook (spec/workbooks.md) read within
//! `--max-input-bytes` into the entries of the batch by the core
//! ([`gasdev::api::workbook::catalogue_entries`], the web page's too): each rejected row is one
//! entry, named `FILE[SHEET]` with the row as its line, the column number as its column and the
//! header as its field; the catalogue of the other rows is checked as `FILE`.

use std::path::Path;

use gasdev::api::workbook::catalogue_entries;
use gasdev::api::{Document, InputError};

/// The entries of the batch for the workbook at `path`: (name, document or error).
pub fn catalogue(path: &Path) -> Vec<(String, Result<Document, InputError>)> {
    let file = path.display().to_string();
    match crate::input::read_file_limited(path) {
        Ok(bytes) => catalogue_entries(bytes, &file, crate::input::max_input_bytes()),
        Err(e) => vec![(file, Err(e))],
    }
}
