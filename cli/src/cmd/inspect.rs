//! `gasdev inspect FILE`: inspection records of many households (JSON lines, CSV or an XLSX
//! ledger) → findings per household and a summary. JSON lines and CSV stream: memory stays bounded
//! whatever the number of records; a workbook's sheet is read whole (`inspect_xlsx.rs`), and
//! `--format xlsx` holds the reports until the workbook is written.
//!
//! Bad rows are reported with their line number and skipped; the rest is processed and the
//! summary counts the rejects. Exit: 0 every household compliant, 1 some household not, 2 some
//! row rejected or the input unreadable.

use std::io::{BufReader, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use gasdev::Lang;
use gasdev::api::render::{
    csv_header, csv_records, findings_rows, findings_table, inspect_charts, inspect_workbook,
    markdown_findings_rows, markdown_findings_table, markdown_head, markdown_summary,
    summary_report,
};
use gasdev::api::{Document, InputError, InspectBatch, InspectSummary, parse_record};
use gasdev::install::{CatalogueIndex, InspectionRecord, RuleSet, inspect};
use gasdev::model::Date;
use indicatif::{ProgressBar, ProgressStyle};

use crate::output::LangArg;

/// Output formats of `gasdev inspect`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum InspectFormat {
    /// Households with findings, then the summary.
    #[default]
    Table,
    /// One JSON document: households (streamed), rejects, summary.
    Json,
    /// One CSV row per finding (summary on stderr).
    Csv,
    /// An Excel workbook (summary, findings, community ranking, charts), written to `--output
    /// FILE` only.
    Xlsx,
    /// Markdown: findings, summary, community ranking; with `--output FILE.md` the charts are
    /// written as SVG files to `FILE.charts/` and linked.
    Markdown,
}

/// Input formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum InputFormat {
    /// From the file extension (`.csv`, `.xlsx`), else JSON lines.
    #[default]
    Auto,
    /// One JSON inspection record per line.
    Jsonl,
    /// CSV with the columns of `spec/installation.md`, one row per device.
    Csv,
    /// An Excel workbook: the first sheet, with the CSV columns (or their Chinese names).
    Xlsx,
}

/// Arguments of `gasdev inspect`.
#[derive(clap::Args)]
pub struct Args {
    /// Inspection records: a JSON-lines, CSV or XLSX file, or `-` for standard input.
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// The catalogue to check device models against.
    #[arg(long, value_name = "FILE")]
    catalogue: Option<PathBuf>,
    /// Vendors' declarations (`*.json` in DIR): an unlisted model is checked against 附件3 on
    /// its declaration; an alarm's detected gases are read from it.
    #[arg(long, value_name = "DIR")]
    declarations: Option<PathBuf>,
    /// A district rule set replacing the built-in one (`spec/installation-rules.json` form).
    #[arg(long, value_name = "FILE")]
    rules: Option<PathBuf>,
    /// Inspection date (YYYY-MM-DD); default: today.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    as_of: Option<Date>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: InspectFormat,
    /// The file an `xlsx` report is written to (required with `--format xlsx`, never standard
    /// output), or a `markdown` report (its charts beside it, in `FILE`'s stem + `.charts/`).
    #[arg(long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Input format.
    #[arg(long, value_enum, default_value_t)]
    input_format: InputFormat,
    /// Language of the table and CSV text.
    #[arg(long, value_enum, default_value_t)]
    lang: LangArg,
    /// No progress bar.
    #[arg(long)]
    quiet: bool,
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s).map_err(|e| e.to_string())
}

/// Most rejects listed in full; the rest are only counted.
const MAX_LISTED_REJECTS: usize = 1000;

/// Run the subcommand.
pub fn run(args: Args) -> ExitCode {
    if args.format != InspectFormat::Markdown {
        if args.output.is_some() && args.format != InspectFormat::Xlsx {
            errln!(
                "gasdev inspect: usage error: --output is for --format xlsx or markdown; other formats go to standard output"
            );
            return crate::exit::input_error();
        }
        if let Err(code) = crate::output::xlsx_output(
            "inspect",
            args.format == InspectFormat::Xlsx,
            args.output.as_deref(),
        ) {
            return code;
        }
    }
    match run_inner(&args) {
        Ok(code) => code,
        Err(msg) => {
            errln!("gasdev inspect: {msg}");
            crate::exit::input_error()
        }
    }
}

fn today() -> Date {
    crate::cmd::check::today()
}

fn load_catalogue(path: &std::path::Path) -> Result<CatalogueIndex, String> {
    match crate::input::read_document(path) {
        Ok(Document::Catalogue(c)) => Ok(CatalogueIndex::new(&c)),
        Ok(Document::Declaration(_)) => Err(format!(
            "{}: a declaration, not a catalogue",
            path.display()
        )),
        Err(e) => Err(format!(
            "{}:{}:{}: {} {}",
            path.display(),
            e.line,
            e.column,
            e.name,
            e.message.en
        )),
    }
}

/// Every `*.json` of `dir`, in name order, as declarations added to `index`.
fn load_declarations(
    dir: &std::path::Path,
    index: &mut CatalogueIndex,
    as_of: Date,
) -> Result<usize, String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension()
                .is_some_and(|x| x.eq_ignore_ascii_case("json"))
        })
        .collect();
    paths.sort();
    for path in &paths {
        match crate::input::read_document(path) {
            Ok(Document::Declaration(d)) => index.add_declaration(&d, as_of),
            Ok(Document::Catalogue(_)) => {
                return Err(format!(
                    "{}: INPUT_UNKNOWN_DOCUMENT a catalogue, not a declaration",
                    path.display()
                ));
            }
            Err(e) => {
                return Err(format!(
                    "{}:{}:{}: {} [{}] {}",
                    path.display(),
                    e.line,
                    e.column,
                    e.name,
                    e.field,
                    e.message.en
                ));
            }
        }
    }
    Ok(paths.len())
}

fn load_rules(path: &std::path::Path) -> Result<RuleSet, String> {
    let text = crate::input::read_file_limited(path)
        .and_then(crate::input::utf8)
        .map_err(|e| format!("{}: {} {}", path.display(), e.name, e.message.en))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: INPUT_INVALID_VALUE {e}", path.display()))
}

/// A source of records: each item is the line it started on and the record or why it was rejected.
type Item = (u64, Result<InspectionRecord, InputError>);

fn run_inner(args: &Args) -> Result<ExitCode, String> {
    let as_of = args.as_of.unwrap_or_else(today);
    let lang = Lang::from(args.lang);
    let mut catalogue = args.catalogue.as_deref().map(load_catalogue).transpose()?;
    if let Some(dir) = &args.declarations {
        let index = catalogue.get_or_insert_with(CatalogueIndex::without_catalogue);
        load_declarations(dir, index, as_of)?;
    }
    let rules = match &args.rules {
        Some(p) => load_rules(p)?,
        None => RuleSet::nanchuan_2022(),
    };
    let stdin = args.file.as_os_str() == "-";
    let has_ext = |x: &str| {
        args.file
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case(x))
    };
    let input = match args.input_format {
        InputFormat::Auto if has_ext("csv") => InputFormat::Csv,
        InputFormat::Auto if has_ext("xlsx") => InputFormat::Xlsx,
        InputFormat::Auto => InputFormat::Jsonl,
        f => f,
    };
    // Where messages about rows point: the file, and for a workbook the sheet read.
    let mut label = args.file.display().to_string();
    let bar;
    let items: Box<dyn Iterator<Item = Item>> = if input == InputFormat::Xlsx {
        bar = progress_bar(false, None);
        let bytes = if stdin {
            crate::input::read_limited(std::io::stdin().lock())
        } else {
            crate::input::read_file_limited(&args.file)
        };
        let read = bytes.and_then(crate::cmd::inspect_xlsx::records);
        let (sheet, items) = read.map_err(|e| format!("{label}: {} {}", e.name, e.message.en))?;
        label = format!("{label}[{sheet}]");
        Box::new(items)
    } else {
        let (reader, total): (Box<dyn Read>, Option<u64>) = if stdin {
            (Box::new(std::io::stdin().lock()), None)
        } else {
            let f = std::fs::File::open(&args.file)
                .map_err(|e| format!("{}: {e}", args.file.display()))?;
            let len = f.metadata().ok().map(|m| m.len());
            (Box::new(f), len)
        };
        bar = progress_bar(!args.quiet && std::io::stderr().is_terminal(), total);
        let counter = bar.wrap_read(reader);
        if input == InputFormat::Csv {
            Box::new(crate::cmd::inspect_csv::records(counter))
        } else {
            Box::new(jsonl_records(counter))
        }
    };
    let csv_input = input != InputFormat::Jsonl;

    let mut items = items.peekable();
    // No record at all: the reader's own reason (no header row, no sheet), else a general one.
    let empty = match items.peek() {
        None => Some(
            if input == InputFormat::Xlsx {
                "no ledger rows under the header"
            } else if csv_input {
                "no CSV rows"
            } else {
                "no records (the input is empty)"
            }
            .to_string(),
        ),
        Some((_, Err(e))) if e.error_code() == gasdev::ErrorCode::InputEmpty => {
            Some(e.message.en.clone())
        }
        Some(_) => None,
    };
    if let Some(why) = empty {
        return Err(format!("{label}: INPUT_EMPTY {why}"));
    }
    // A Markdown report to a file (its charts beside it), else standard output.
    let md_file = match (args.format, args.output.as_deref()) {
        (InspectFormat::Markdown, Some(p)) if p.as_os_str() != "-" => Some(p),
        _ => None,
    };
    let mut out: Box<dyn Write> = match md_file {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).map_err(|e| format!("{}: {e}", p.display()))?,
        )),
        None => Box::new(crate::out::Out::new()),
    };
    let mut summary = InspectSummary::default();
    let mut rejects: Vec<InputError> = Vec::new();
    let io = |e: std::io::Error| e.to_string();

    match args.format {
        InspectFormat::Json => {
            write!(
                out,
                "{{\"tool\":\"gasdev\",\"version\":\"{}\",\"ruleset\":{},\"ruleset_version\":{},\"as_of\":\"{as_of}\",\"households\":[",
                gasdev::VERSION,
                serde_json::to_string(&rules.ruleset).map_err(|e| e.to_string())?,
                rules.version
            )
            .map_err(io)?;
        }
        InspectFormat::Csv => {
            out.write_all(csv_header().as_bytes()).map_err(io)?;
        }
        InspectFormat::Markdown => {
            let head = markdown_head(&rules.ruleset, rules.version, as_of, lang);
            out.write_all(head.as_bytes()).map_err(io)?;
        }
        InspectFormat::Table | InspectFormat::Xlsx => {}
    }
    // The workbook is built in memory (rust_xlsxwriter holds every cell until it saves).
    let mut reports = Vec::new();
    let mut table_rows: Vec<Vec<String>> = Vec::new();
    let mut first_chunk = true;
    let mut first = true;
    for (line, item) in items {
        match item {
            Err(mut error) => {
                summary.reject();
                if rejects.len() < MAX_LISTED_REJECTS {
                    error.line = usize::try_from(line).unwrap_or(usize::MAX);
                    rejects.push(error);
                }
            }
            Ok(record) => {
                let report = inspect(&record, catalogue.as_ref(), as_of, &rules);
                summary.add(&report);
                match args.format {
                    InspectFormat::Json => {
                        if !first {
                            out.write_all(b",").map_err(io)?;
                        }
                        first = false;
                        serde_json::to_writer(&mut out, &report).map_err(|e| e.to_string())?;
                    }
                    InspectFormat::Csv => out
                        .write_all(csv_records(&report, lang).as_bytes())
                        .map_err(io)?,
                    InspectFormat::Xlsx => reports.push(report),
                    InspectFormat::Table | InspectFormat::Markdown => {
                        // Households with findings; flushed in chunks so memory stays bounded.
                        if args.format == InspectFormat::Table {
                            table_rows.extend(findings_rows(&report, lang));
                        } else {
                            table_rows.extend(markdown_findings_rows(&report, lang));
                        }
                        if table_rows.len() >= 10_000 {
                            write!(
                                out,
                                "{}",
                                chunk(args.format, &table_rows, lang, first_chunk)
                            )
                            .map_err(io)?;
                            first_chunk = false;
                            table_rows.clear();
                        }
                    }
                }
            }
        }
        let n = summary.households + summary.rejected_rows;
        if !bar.is_hidden() && n % 1_000 == 0 {
            bar.set_message(format!("{n} records"));
        }
    }
    bar.finish_with_message(format!(
        "{} records  done",
        summary.households + summary.rejected_rows
    ));
    match args.format {
        InspectFormat::Json => {
            write!(out, "],\"rejects\":").map_err(io)?;
            serde_json::to_writer(&mut out, &rejects).map_err(|e| e.to_string())?;
            write!(out, ",\"summary\":").map_err(io)?;
            serde_json::to_writer(&mut out, &summary).map_err(|e| e.to_string())?;
            writeln!(out, "}}").map_err(io)?;
        }
        InspectFormat::Csv => {
            out.flush().map_err(io)?;
            err!("{}", summary_report(&summary, &rejects, lang));
        }
        InspectFormat::Xlsx => {
            let batch = InspectBatch {
                households: reports,
                rejects: rejects.clone(),
                summary: summary.clone(),
            };
            let bytes = inspect_workbook(&batch, &rules.ruleset, rules.version, as_of, lang)
                .map_err(|e| e.to_string())?;
            if let Some(path) = &args.output {
                crate::output::write_file(path, &bytes)?;
            }
            err!("{}", summary_report(&summary, &rejects, lang));
        }
        InspectFormat::Table => {
            if !table_rows.is_empty() {
                write!(out, "{}", findings_table(&table_rows, lang)).map_err(io)?;
            }
            write!(out, "{}", summary_report(&summary, &rejects, lang)).map_err(io)?;
        }
        InspectFormat::Markdown => {
            if !table_rows.is_empty() {
                write!(
                    out,
                    "{}",
                    chunk(args.format, &table_rows, lang, first_chunk)
                )
                .map_err(io)?;
            }
            let charts = md_file
                .map(|p| write_charts(p, &summary, lang))
                .transpose()?;
            let md = markdown_summary(&summary, &rejects, lang, charts.as_deref());
            out.write_all(md.as_bytes()).map_err(io)?;
            if md_file.is_some() {
                err!("{}", summary_report(&summary, &rejects, lang));
            }
        }
    }
    out.flush().map_err(io)?;
    if !matches!(args.format, InspectFormat::Table | InspectFormat::Markdown) || md_file.is_some() {
        for r in &rejects {
            errln!(
                "{label}:{}: {} [{}] {}",
                r.line,
                r.name,
                r.field,
                r.message.en
            );
        }
    }
    Ok(if summary.rejected_rows > 0 {
        crate::exit::input_error()
    } else if summary.non_compliant > 0 {
        crate::exit::findings()
    } else {
        crate::exit::ok()
    })
}

/// A chunk of the findings table in `format` (Markdown: the header with the first chunk only).
fn chunk(format: InspectFormat, rows: &[Vec<String>], lang: Lang, first: bool) -> String {
    match format {
        InspectFormat::Markdown => markdown_findings_table(rows, lang, first),
        _ => findings_table(rows, lang),
    }
}

/// The charts of `summary` as SVG files in the directory beside the Markdown report `report`
/// (`report.md` → `report.charts/NAME.svg`); the directory's name as the report links it.
fn write_charts(
    report: &std::path::Path,
    summary: &InspectSummary,
    lang: Lang,
) -> Result<String, String> {
    let stem = report
        .file_stem()
        .map_or_else(|| "report".into(), |s| s.to_string_lossy().into_owned());
    let name = format!("{stem}.charts");
    let dir = report.with_file_name(&name);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for (chart, svg) in inspect_charts(summary, lang) {
        crate::output::write_file(&dir.join(format!("{chart}.svg")), svg.as_bytes())?;
    }
    Ok(name)
}

fn jsonl_records(reader: impl Read) -> impl Iterator<Item = Item> {
    let mut lines = crate::lines::Lines::new(BufReader::with_capacity(64 * 1024, reader));
    std::iter::from_fn(move || {
        loop {
            let (n, line) = lines.next_text()?;
            match line {
                Err(e) => return Some((n, Err(e))),
                Ok(l) if l.trim().is_empty() => continue,
                Ok(l) => return Some((n, parse_record(&l))),
            }
        }
    })
}

/// The progress bar of the bytes read: drawn on standard error when it is a terminal (bytes
/// read, of the file's size when known, and the records so far); hidden otherwise, so pipes and
/// tests see nothing.
fn progress_bar(visible: bool, total: Option<u64>) -> ProgressBar {
    if !visible {
        return ProgressBar::hidden();
    }
    let (bar, template) = match total {
        Some(t) if t > 0 => (
            ProgressBar::new(t),
            "{bytes}/{total_bytes} {wide_bar} {percent:>3}%  {msg}",
        ),
        _ => (ProgressBar::new_spinner(), "{spinner} {bytes}  {msg}"),
    };
    bar.set_style(
        ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}
