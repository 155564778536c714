//! Generate the TypeScript union of the shared error names from `spec/errors.json` (the
//! normative error table), so that the package's `.d.ts` cannot drift from it.

use std::fmt::Write as _;

fn main() {
    let src = concat!(env!("CARGO_MANIFEST_DIR"), "/../spec/errors.json");
    println!("cargo::rerun-if-changed={src}");
    let text = std::fs::read_to_string(src).unwrap_or_default();
    // Every `"name": "X"` of the file is an error name (the file has no other `name` keys).
    let mut names: Vec<&str> = Vec::new();
    let mut rest = text.as_str();
    while let Some(i) = rest.find("\"name\"") {
        rest = rest.get(i + 6..).unwrap_or_default();
        let after = rest.trim_start().strip_prefix(':').unwrap_or_default();
        let after = after.trim_start().strip_prefix('"').unwrap_or_default();
        if let Some(end) = after.find('"') {
            names.push(after.get(..end).unwrap_or_default());
        }
    }
    let mut ts = String::from(
        "\n/** A shared error name (`spec/errors.json`), generated at build time. */\nexport type ErrorName =",
    );
    for n in &names {
        let _ = write!(ts, "\n  | \"{n}\"");
    }
    if names.is_empty() {
        ts.push_str(" string");
    }
    ts.push_str(";\n");
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    if let Err(e) = std::fs::write(out.join("error_names.d.ts"), ts) {
        println!("cargo::error=cannot write error_names.d.ts: {e}");
    }
}
