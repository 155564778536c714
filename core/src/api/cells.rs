//! The cell-text layer of workbooks (feature `ledger`): a spreadsheet cell as the text a ledger or
//! catalogue column reads, the same for every reader (the CLI reads `.xlsx` with `calamine`; a web
//! page may read cells in JavaScript). No spreadsheet crate here: a reader converts its cells to
//! [`Cell`].
//!
//! Cells: text as it is; whole numbers without a decimal point (`1001`, `18`), other numbers as
//! Rust prints them; booleans `true`/`false`; a date-formatted cell as `YYYY-MM-DD` (1900 date
//! system, the time of day dropped); a plain number in a date column stays a number (and the
//! core rejects it: `INPUT_BAD_DATE`); an error cell (`#DIV/0!`) rejects its row
//! (`INPUT_INVALID_VALUE`).

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use super::document::InputError;
use crate::ErrorCode;
use crate::model::Date;

/// One cell of a sheet, as a reader found it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell<'a> {
    /// No value.
    Empty,
    /// Text (also ISO date-time and duration texts).
    Text(&'a str),
    /// A whole number stored as one.
    Int(i64),
    /// A number.
    Number(f64),
    /// A boolean.
    Bool(bool),
    /// A number formatted as a date: Excel's serial day (1900 date system).
    Date(f64),
    /// An error value (`#DIV/0!`, `#REF!` …), its text.
    Error(&'a str),
}

/// Excel's serial day of 1970-01-01 (1900 date system).
const UNIX_EPOCH_SERIAL: f64 = 25_569.0;

impl Cell<'_> {
    /// Whether the cell holds nothing (or blank text).
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell's text (an error cell's text is its error, e.g. `#DIV/0!`), not trimmed.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) | Cell::Error(s) => (*s).to_string(),
            Cell::Int(i) => i.to_string(),
            Cell::Number(x) => number(*x),
            Cell::Bool(b) => b.to_string(),
            Cell::Date(serial) => date(*serial).unwrap_or_else(|| number(*serial)),
        }
    }
}

/// A boolean cell's text: `true`/`1`/`yes`/`y`/`是` and `false`/`0`/`no`/`n`/`否` (ASCII case
/// ignored); `None` for anything else (the core then rejects the text as it would in JSON).
pub fn bool_value(text: &str) -> Option<bool> {
    match text.to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" | "y" | "是" => Some(true),
        "false" | "0" | "no" | "n" | "否" => Some(false),
        _ => None,
    }
}

/// A whole number without `.0`; others as Rust prints them.
pub fn number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{x:.0}")
    } else {
        x.to_string()
    }
}

/// The day of an Excel serial date (the time of day dropped); `None` out of range.
pub fn date(serial: f64) -> Option<String> {
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

/// The header of a sheet: each cell's text trimmed, blank cells at the right dropped.
pub fn header_texts(cells: &[Cell<'_>]) -> Vec<String> {
    let mut h: Vec<String> = cells.iter().map(|c| c.text().trim().to_string()).collect();
    while h.last().is_some_and(String::is_empty) {
        h.pop();
    }
    h
}

/// A row's cells as text, one per header column (trimmed; missing cells empty); an error cell or
/// a value right of the header rejects the row, an error cell with its column header as the field.
///
/// # Errors
/// `CSV_FIELD_COUNT` for a value right of the header, `INPUT_INVALID_VALUE` for an error cell.
pub fn row_texts(cells: &[Cell<'_>], headers: &[String]) -> Result<Vec<String>, InputError> {
    let width = headers.len();
    if let Some(extra) = cells.iter().skip(width).position(|c| !c.is_blank()) {
        return Err(InputError::new(
            ErrorCode::CsvFieldCount,
            0,
            0,
            String::new(),
            &format!(
                "a value in column {} right of the header's {width} columns",
                width.saturating_add(extra).saturating_add(1)
            ),
        ));
    }
    let mut out = Vec::with_capacity(width);
    for (c, header) in cells.iter().zip(headers) {
        if let Cell::Error(e) = c {
            return Err(InputError::new(
                ErrorCode::InputInvalidValue,
                0,
                0,
                header.clone(),
                &format!("error cell {e} in column `{header}`"),
            ));
        }
        out.push(c.text().trim().to_string());
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
        assert_eq!(Cell::Date(45_658.5).text(), "2025-01-01");
        assert_eq!(Cell::Date(1e12).text(), "1000000000000");
        assert_eq!(Cell::Int(1001).text(), "1001");
        assert_eq!(Cell::Bool(true).text(), "true");
    }

    #[test]
    fn rows() {
        let h = header_texts(&[
            Cell::Text(" a "),
            Cell::Text("b"),
            Cell::Empty,
            Cell::Text(" "),
        ]);
        assert_eq!(h, ["a", "b"]);
        assert_eq!(
            row_texts(&[Cell::Number(1.5)], &h).unwrap(),
            ["1.5".to_string(), String::new()]
        );
        let e = row_texts(&[Cell::Empty, Cell::Empty, Cell::Int(3)], &h).unwrap_err();
        assert_eq!(e.name, "CSV_FIELD_COUNT");
        let e = row_texts(&[Cell::Empty, Cell::Error("#REF!")], &h).unwrap_err();
        assert_eq!((e.name, e.field.as_str()), ("INPUT_INVALID_VALUE", "b"));
    }
}
