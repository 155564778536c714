//! `gasdev check catalogue.xlsx`: a catalogue workbook (spec/workbooks.md) read into the same
//! catalogue document the JSON path checks (the columns and every cell error are the core's:
//! [`gasdev::api::catalogue_sheet`]). Each rejected row is one entry of the batch, named
//! `FILE[SHEET]` with the row as its line, the column number as its column and the header as its
//! field; the catalogue of the other rows is checked as `FILE`.

use std::path::Path;

use gasdev::api::catalogue_sheet::{Sheet, catalogue_from_sheets};
use gasdev::api::cells::Cell;
use gasdev::api::{Document, InputError};

use crate::workbook::{cell, open, rows, sheet_names};

/// A sheet's name and its non-blank rows (row number, cells).
type Grid = (String, Vec<(u64, Vec<calamine::Data>)>);

/// The entries of the batch for the workbook at `path`: (name, document or error).
pub fn catalogue(path: &Path) -> Vec<(String, Result<Document, InputError>)> {
    let file = path.display().to_string();
    let read = crate::input::read_file_limited(path).and_then(open);
    let mut book = match read {
        Ok(b) => b,
        Err(e) => return vec![(file, Err(e))],
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
    let stem = path
        .file_stem()
        .map_or_else(|| file.clone(), |s| s.to_string_lossy().into_owned());
    let read = catalogue_from_sheets(&sheets, &stem);
    for r in read.rejects {
        let at = if r.sheet.is_empty() {
            file.clone()
        } else {
            format!("{file}[{}]", r.sheet)
        };
        out.push((at, Err(r.error)));
    }
    if let Some(doc) = read.document {
        out.push((file, Ok(doc)));
    }
    out
}
