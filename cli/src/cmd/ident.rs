//! `gasdev ident STRING...`: parse and validate industrial-internet identifiers
//! (`spec/identifiers.md`).
//!
//! `-` reads one identifier per line from standard input (empty lines are skipped, a trailing
//! `\r` is removed, bytes that are not UTF-8 are reported as `IDENT_NOT_UTF8`). Output: a table
//! (default), Markdown, or the JSON array of `spec/identifiers.md` §10. Exit: 0 all valid, 1 some
//! invalid, 2 usage or read error.

use std::ffi::OsString;
use std::io::Write as _;
use std::process::ExitCode;

use gasdev::Lang;
use gasdev::api::render::{ident_summary, render_idents};
use gasdev::ident::Scheme;
use gasdev::ident::report::Report;

use crate::output::{Format, LangArg};

/// Arguments of `gasdev ident`.
#[derive(clap::Args)]
pub struct Args {
    /// Identifiers to check; `-` reads one per line from standard input.
    #[arg(required = true, value_name = "STRING", value_parser = clap::value_parser!(OsString))]
    inputs: Vec<OsString>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: Format,
    /// Language of messages.
    #[arg(long, value_enum, default_value_t)]
    lang: LangArg,
    /// Parse as this scheme instead of detecting it (the only way to check an Ecode).
    #[arg(long, value_enum, default_value_t)]
    scheme: SchemeArg,
    /// Count an identifier that is only a prefix (e.g. `88.101.1304`) as invalid.
    #[arg(long)]
    require_item: bool,
}

/// The `--scheme` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum, Default)]
#[value(rename_all = "snake_case")]
enum SchemeArg {
    /// Detect the scheme (spec/identifiers.md §4).
    #[default]
    Auto,
    /// National-node 88-identifier (strict profile).
    Idis,
    /// Generic Handle (lenient).
    Handle,
    /// Object identifier.
    Oid,
    /// GS1 key (GTIN, SSCC).
    Gs1,
    /// GS1 Digital Link URI.
    Gs1DigitalLink,
    /// MA code (structure only).
    Ma,
    /// Ecode (structure only).
    Ecode,
}

impl SchemeArg {
    fn scheme(self) -> Option<Scheme> {
        match self {
            SchemeArg::Auto => None,
            SchemeArg::Idis => Some(Scheme::Idis),
            SchemeArg::Handle => Some(Scheme::Handle),
            SchemeArg::Oid => Some(Scheme::Oid),
            SchemeArg::Gs1 => Some(Scheme::Gs1),
            SchemeArg::Gs1DigitalLink => Some(Scheme::Gs1DigitalLink),
            SchemeArg::Ma => Some(Scheme::Ma),
            SchemeArg::Ecode => Some(Scheme::Ecode),
        }
    }
}

/// Inputs checked and rendered together: memory stays bounded whatever the number of lines on
/// standard input (a table's columns are aligned within a chunk).
const CHUNK: usize = 1000;

/// Run the subcommand.
pub fn run(args: Args) -> ExitCode {
    let lang = Lang::from(args.lang);
    let mut out = crate::out::Out::new();
    let mut pending: Vec<Report> = Vec::new();
    let (mut total, mut valid, mut read_errors) = (0usize, 0usize, 0usize);
    let mut first_json = true;
    let mut flush = |pending: &mut Vec<Report>, out: &mut crate::out::Out| {
        if pending.is_empty() {
            return;
        }
        total += pending.len();
        valid += pending.iter().filter(|r| r.valid).count();
        match args.format {
            Format::Json => {
                for r in pending.iter() {
                    let text = serde_json::to_string_pretty(r).unwrap_or_default();
                    let sep = if first_json { "[\n" } else { ",\n" };
                    first_json = false;
                    let _ = write!(out, "{sep}{text}");
                }
            }
            Format::Table => {
                let _ = write!(out, "{}", render_idents(pending, lang, false));
            }
            Format::Markdown => {
                let _ = write!(out, "{}", render_idents(pending, lang, true));
            }
        }
        pending.clear();
    };
    let mut push = |bytes: &[u8], pending: &mut Vec<Report>, out: &mut crate::out::Out| {
        pending.push(check(bytes, args.scheme.scheme(), args.require_item, lang));
        if pending.len() >= CHUNK {
            flush(pending, out);
        }
    };
    for arg in &args.inputs {
        if arg == "-" {
            let stdin = std::io::stdin().lock();
            let mut lines =
                crate::lines::Lines::new(std::io::BufReader::with_capacity(64 * 1024, stdin));
            while let Some((n, line)) = lines.next_bytes() {
                match line {
                    Ok([]) => {}
                    Ok(b) => push(b, &mut pending, &mut out),
                    Err(e) => {
                        read_errors += 1;
                        errln!("gasdev ident: -:{n}: {} {}", e.name, e.message.en);
                    }
                }
            }
        } else {
            push(&os_bytes(arg), &mut pending, &mut out);
        }
    }
    flush(&mut pending, &mut out);
    if total == 0 && read_errors == 0 {
        errln!("gasdev ident: INPUT_EMPTY no identifiers given (standard input was empty)");
        return crate::exit::input_error();
    }
    match args.format {
        Format::Json if first_json => {
            let _ = writeln!(out, "[]");
        }
        Format::Json => {
            let _ = writeln!(out, "\n]");
        }
        Format::Table | Format::Markdown => {
            let _ = write!(out, "{}", ident_summary(total, valid, lang));
        }
    }
    out.done();
    if read_errors > 0 {
        crate::exit::input_error()
    } else if valid == total {
        crate::exit::ok()
    } else {
        crate::exit::findings()
    }
}

/// The bytes of an argument (Unix arguments need not be UTF-8).
fn os_bytes(s: &OsString) -> Vec<u8> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        s.as_bytes().to_vec()
    }
    #[cfg(not(unix))]
    {
        s.to_string_lossy().into_owned().into_bytes()
    }
}

/// Parse one input and build its report (the core's, as `parseIdent`).
fn check(bytes: &[u8], scheme: Option<Scheme>, require_item: bool, lang: Lang) -> Report {
    let result = gasdev::api::parse_ident(bytes, scheme, require_item);
    gasdev::api::ident_report(bytes, &result, lang)
}
