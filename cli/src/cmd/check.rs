//! `gasdev check FILE|DIR...`: check declarations and catalogues against the clauses.
//!
//! Every file is processed even when others are malformed; each bad file gets its own precise
//! error. Exit: 0 all conformant, 1 some finding failed, 2 some input error.

use std::path::PathBuf;
use std::process::ExitCode;

use gasdev::Lang;
use gasdev::api::CheckBatch;
use gasdev::api::render::{Style, check_report, check_workbook, error_line};
use gasdev::model::Date;

use crate::input::{Entry, expand, read_document};
use crate::output::LangArg;

/// Output formats of `gasdev check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum Format {
    /// A readable table (for terminals and printing).
    #[default]
    Table,
    /// Stable JSON, documented in `spec/` (for programs).
    Json,
    /// Markdown (for reports and web pages).
    Markdown,
    /// An Excel workbook (summary and findings sheets), written to `--output FILE` only.
    Xlsx,
}

/// Arguments of `gasdev check`.
#[derive(clap::Args)]
pub struct Args {
    /// Declaration or catalogue JSON files, catalogue workbooks (`.xlsx`, spec/workbooks.md), or
    /// directories of JSON files.
    #[arg(required = true, value_name = "FILE|DIR")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: Format,
    /// Language of the human-readable text (JSON always carries both).
    #[arg(long, value_enum, default_value_t)]
    lang: LangArg,
    /// Date on which certificates must be valid (YYYY-MM-DD); default: today.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    as_of: Option<Date>,
    /// The file an `xlsx` report is written to (required with `--format xlsx`, never standard
    /// output).
    #[arg(long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Show only failing findings (and those needing evidence) in table and Markdown output.
    #[arg(long)]
    failures_only: bool,
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s).map_err(|e| format!("{e}"))
}

/// A catalogue workbook (`.xlsx`) rather than a JSON document.
fn is_workbook(path: &std::path::Path) -> bool {
    path.extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("xlsx"))
}

/// Today's date (UTC) from the system clock.
pub(crate) fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    Date::from_days_since_epoch(days).unwrap_or(Date::MIN)
}

/// Run the subcommand.
pub fn run(args: Args) -> ExitCode {
    let xlsx_output = match crate::output::xlsx_output(
        "check",
        args.format == Format::Xlsx,
        args.output.as_deref(),
    ) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let as_of = args.as_of.unwrap_or_else(today);
    let mut out = CheckBatch::new(as_of);
    for entry in expand(&args.paths) {
        let (path, read) = match entry {
            Entry::File(path) if is_workbook(&path) => {
                for (at, read) in crate::cmd::check_xlsx::catalogue(&path) {
                    out.push(at, read);
                }
                continue;
            }
            Entry::File(path) => {
                let read = read_document(&path);
                (path, read)
            }
            Entry::Skipped(path, e) => (path, Err(e)),
        };
        out.push(path.display().to_string(), read);
    }
    let lang = Lang::from(args.lang);
    if let Some(path) = xlsx_output {
        let written = check_workbook(&out, lang)
            .map_err(|e| e.to_string())
            .and_then(|bytes| crate::output::write_file(path, &bytes));
        if let Err(e) = written {
            errln!("gasdev check: {e}");
            return crate::exit::input_error();
        }
    }
    let text = match args.format {
        Format::Xlsx => Ok(String::new()),
        Format::Json => serde_json::to_string_pretty(&out).map(|mut s| {
            s.push('\n');
            s
        }),
        Format::Table => Ok(check_report(&out, lang, args.failures_only, Style::Table)),
        Format::Markdown => Ok(check_report(
            &out,
            lang,
            args.failures_only,
            Style::Markdown,
        )),
    };
    match text {
        Ok(t) if t.is_empty() => {}
        Ok(t) => out!("{t}"),
        Err(e) => {
            errln!("gasdev check: cannot serialize the report: {e}");
            return crate::exit::input_error();
        }
    }
    if matches!(args.format, Format::Json | Format::Xlsx) {
        // The table and Markdown reports show input errors in place; JSON readers also get them here.
        for f in &out.files {
            if let Some(e) = &f.error {
                errln!("{}", error_line(&f.path, e, Lang::En));
            }
        }
    }
    if out.summary.input_errors > 0 {
        crate::exit::input_error()
    } else if out.summary.conformant {
        crate::exit::ok()
    } else {
        crate::exit::findings()
    }
}
