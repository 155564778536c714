//! CSV input of `gasdev inspect`: the file's lines, read by the bounded line reader
//! ([`crate::lines::Lines`]), become records in the core ([`gasdev::api::ledger::csv_records`]:
//! columns, Chinese header aliases, grouping of a household's rows and every error are there, shared
//! with the web page). Columns are documented in `spec/installation.md`.

use std::io::{BufReader, Read};

use gasdev::api::ledger::{Item, csv_records};

use crate::lines::Lines;

/// Records from CSV text.
pub fn records(reader: impl Read) -> impl Iterator<Item = Item> {
    let mut lines = Lines::new(BufReader::with_capacity(64 * 1024, reader));
    csv_records(std::iter::from_fn(move || lines.next_text()))
}
