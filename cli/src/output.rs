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

/// The file an `xlsx` report goes to: `Ok(Some(path))` for `--format xlsx --output FILE`,
/// `Ok(None)` for another format without `--output`; a usage error (printed, exit 2) for xlsx
/// without a file or to standard output (`-`: a workbook is binary), or `--output` with a text
/// format.
pub fn xlsx_output<'a>(
    command: &str,
    xlsx: bool,
    output: Option<&'a std::path::Path>,
) -> Result<Option<&'a std::path::Path>, std::process::ExitCode> {
    let usage = |msg: &str| {
        errln!("gasdev {command}: usage error: {msg}");
        Err(crate::exit::input_error())
    };
    match (xlsx, output) {
        (true, None) => usage(
            "--format xlsx needs --output FILE (a workbook is not written to standard output)",
        ),
        (true, Some(p)) if p.as_os_str() == "-" => {
            usage("--format xlsx cannot write to standard output (`-`): give --output FILE")
        }
        (true, Some(p)) => Ok(Some(p)),
        (false, Some(_)) => {
            usage("--output is for --format xlsx; other formats go to standard output")
        }
        (false, None) => Ok(None),
    }
}

/// Write `bytes` to `path`, the error naming the file.
pub fn write_file(path: &std::path::Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}
