//! The CLI's CSV reader of inspection records (`cli/src/cmd/inspect_csv.rs`: the core's
//! `api::ledger` on the bounded line reader `cli/src/lines.rs`), compiled here from its source (the CLI is a binary crate): on any
//! bytes it never panics, every item carries a line number of the input (1 ..= lines), there are
//! at most as many items as lines, and every rejected row has a shared error name.
#![no_main]

use libfuzzer_sys::fuzz_target;

macro_rules! errln {
    ($($t:tt)*) => {{
        let _ = format!($($t)*);
    }};
}

#[path = "../../cli/src/input.rs"]
#[allow(dead_code)]
mod input;
#[path = "../../cli/src/lines.rs"]
#[allow(dead_code)]
mod lines;
#[path = "../../cli/src/cmd/inspect_csv.rs"]
mod inspect_csv;

fuzz_target!(|data: &[u8]| {
    let lines = data.iter().filter(|b| **b == b'\n').count() as u64 + 1;
    let mut items: u64 = 0;
    for (line, item) in inspect_csv::records(data) {
        items += 1;
        assert!((1..=lines).contains(&line), "line {line} of {lines}");
        if let Err(e) = item {
            assert!(gasdev::ErrorCode::ALL.iter().any(|c| c.name() == e.name), "{}", e.name);
        }
    }
    assert!(items <= lines, "{items} items from {lines} lines");
});
