//! Output formats and languages shared by the subcommands.

/// Output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum Format {
    /// A readable table (for terminals and printing).
    #[default]
    Table,
    /// Stable JSON, documented in `spec/` (for programs).
    Json,
    /// Markdown (for reports and web pages).
    Markdown,
}

/// Language of messages for people.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum LangArg {
    /// Chinese (default).
    #[default]
    Zh,
    /// English.
    En,
}

impl From<LangArg> for gasdev::Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::Zh => gasdev::Lang::Zh,
            LangArg::En => gasdev::Lang::En,
        }
    }
}

/// Text from input as shown in a terminal table or report: controls and invisible characters as
/// escapes (`\u{1b}`), by the core's one escaping function.
pub fn escape_text(s: &str) -> String {
    gasdev::text::escape_text(s)
}
