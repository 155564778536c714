// The CLI's bounded line reader (`cli/src/lines.rs`) and the input helpers it uses
// (`cli/src/input.rs`), compiled from their source (the CLI is a binary crate): included by the
// targets that read lines (`include!("cli_lines.rs")`).

// `cli/src/input.rs` reports on standard error through the CLI's `errln!`.
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
