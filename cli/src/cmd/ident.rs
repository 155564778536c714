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
use gasdev::ident::report::{PartsReport, Report};
use gasdev::ident::{Ident, IdentError, IdentErrorKind, Scheme};

use crate::output::{Format, LangArg, md_cell, table, width};

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
                let _ = write!(out, "{}", render(pending, lang, false));
            }
            Format::Markdown => {
                let _ = write!(out, "{}", render(pending, lang, true));
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
            let _ = write!(out, "{}", summary(total, valid, lang));
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

fn summary(total: usize, valid: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "\n共 {} 个：有效 {}，无效 {}。\n",
            total,
            valid,
            total - valid
        ),
        Lang::En => format!(
            "\n{} checked: {} valid, {} invalid.\n",
            total,
            valid,
            total - valid
        ),
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

/// Parse one input and build its report.
fn check(bytes: &[u8], scheme: Option<Scheme>, require_item: bool, lang: Lang) -> Report {
    let mut result = match scheme {
        Some(s) => Ident::parse_bytes_as(bytes, s),
        None => Ident::parse_bytes(bytes),
    };
    if require_item
        && let Ok(id) = &result
        && !id.is_item()
    {
        result = Err(IdentError::new(
            IdentErrorKind::PrefixOnly,
            bytes.len(),
            Some(id.scheme()),
        ));
    }
    let text = String::from_utf8_lossy(bytes);
    let mut report = Report::new(&text, &result, lang);
    if std::str::from_utf8(bytes).is_err() {
        report.input_hex = Some(bytes.iter().map(|b| format!("{b:02x}")).collect());
    }
    report
}

fn tr(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// Most characters of an input shown in a table cell.
const SHOWN: usize = 72;

/// The input as shown: invisible characters escaped (`\u{202e}`), long inputs cut. Also the
/// display column of byte `offset`, if it is shown.
fn shown(input: &str, offset: Option<usize>) -> (String, Option<usize>) {
    let mut out = String::new();
    let mut column = None;
    for (count, (i, c)) in input.char_indices().enumerate() {
        if Some(i) == offset {
            column = Some(width(&out));
        }
        if count == SHOWN {
            out.push_str(&format!("…({} bytes)", input.len()));
            return (out, column);
        }
        // The core's one escaping function (also used by every table and Markdown cell).
        out.push_str(&gasdev::text::escape_text(c.encode_utf8(&mut [0; 4])));
    }
    if offset == Some(input.len()) {
        column = Some(width(&out));
    }
    (out, column)
}

fn scheme_label(name: &str, lang: Lang) -> String {
    let label = match name {
        "idis" => tr(
            lang,
            "88 标识（国家顶级节点）",
            "88-identifier (national node)",
        ),
        "handle" => tr(lang, "Handle 标识", "Handle"),
        "oid" => "OID",
        "gs1" => tr(lang, "GS1 编码", "GS1 key"),
        "gs1_digital_link" => tr(lang, "GS1 数字链接", "GS1 Digital Link"),
        "ma" => tr(lang, "MA 码", "MA code"),
        "ecode" => "Ecode",
        other => return other.to_owned(),
    };
    format!("{label} [{name}]")
}

/// `gtin13` → `GTIN-13`, `sscc` → `SSCC`.
fn key_label(key_type: &str) -> String {
    match key_type.strip_prefix("gtin") {
        Some(n) => format!("GTIN-{n}"),
        None => key_type.to_uppercase(),
    }
}

/// What a valid identifier says, in one line.
fn details(r: &Report, lang: Lang) -> String {
    let mut out: Vec<String> = Vec::new();
    match &r.parts {
        Some(PartsReport::Handle {
            prefix,
            suffix,
            level,
            host,
            ..
        }) => {
            out.push(format!("{} {prefix}", tr(lang, "前缀", "prefix")));
            match suffix {
                Some(s) => out.push(format!("{} {s}", tr(lang, "后缀", "suffix"))),
                None => out.push(
                    tr(
                        lang,
                        "无后缀：只是前缀，不是物品标识",
                        "no suffix: a prefix, not an item identifier",
                    )
                    .to_owned(),
                ),
            }
            match level.as_deref() {
                Some("node") => out.push(tr(lang, "二级节点前缀", "secondary-node prefix").into()),
                Some("enterprise") => out.push(tr(lang, "企业前缀", "enterprise prefix").into()),
                Some("derived") => out.push(tr(lang, "派生前缀", "derived prefix").into()),
                _ => {}
            }
            if let Some(h) = host {
                out.push(format!("{} {h}", tr(lang, "URL 主机", "URL host")));
            }
        }
        Some(PartsReport::Oid { arcs }) => {
            out.push(format!("{} {}", arcs.len(), tr(lang, "个弧", "arcs")));
        }
        Some(PartsReport::Gs1 {
            key_type,
            check_digit,
            ..
        }) => {
            out.push(key_label(key_type));
            out.push(format!(
                "{} {check_digit}",
                tr(lang, "校验位", "check digit")
            ));
        }
        Some(PartsReport::DigitalLink {
            host,
            key_type,
            check_digit,
            qualifiers,
            ..
        }) => {
            out.push(format!(
                "{} {}",
                key_label(key_type),
                tr(lang, "主键", "key")
            ));
            out.push(format!(
                "{} {check_digit}",
                tr(lang, "校验位", "check digit")
            ));
            for q in qualifiers {
                out.push(format!("({}) {}", q.ai, q.value));
            }
            out.push(format!("{} {host}", tr(lang, "URL 主机", "URL host")));
        }
        Some(PartsReport::Ma { country, fields }) => {
            out.push(format!("{} {country}", tr(lang, "国家", "country")));
            out.push(fields.join("."));
        }
        Some(PartsReport::Ecode { version, code }) => {
            out.push(format!("V{version} {code}"));
        }
        _ => {}
    }
    for flag in &r.flags {
        out.push(
            match *flag {
                "unverified" => tr(
                    lang,
                    "仅检查结构：规则未经标准核实",
                    "structure only: rules not verified against the standard",
                ),
                "suffix_contains_slash" => tr(
                    lang,
                    "后缀含“/”（允许但少见）",
                    "suffix contains \"/\" (allowed, unusual)",
                ),
                "percent_encoded" => {
                    tr(lang, "含百分号编码（已解码）", "percent-encoded (decoded)")
                }
                other => other,
            }
            .to_owned(),
        );
    }
    out.join(tr(lang, "；", "; "))
}

/// Why an invalid identifier is invalid, in one line.
fn problem(r: &Report, lang: Lang) -> String {
    let Some(e) = &r.error else {
        return String::new();
    };
    let mut s = match lang {
        Lang::Zh => format!("{}（{}，第 {} 字节）", e.message, e.name, e.offset),
        Lang::En => format!("{} ({} at byte {})", e.message, e.name, e.offset),
    };
    if let Some(limit) = e.limit {
        s.push_str(&match lang {
            Lang::Zh => format!("；上限 {limit}"),
            Lang::En => format!("; limit {limit}"),
        });
    }
    if let Some(d) = e.expected_check_digit {
        s.push_str(&match lang {
            Lang::Zh => format!("；校验位应为 {d}"),
            Lang::En => format!("; the check digit should be {d}"),
        });
    }
    s
}

fn verdict(r: &Report, lang: Lang) -> &'static str {
    match (r.valid, r.item) {
        (true, true) => tr(lang, "有效", "valid"),
        (true, false) => tr(lang, "有效（仅前缀）", "valid (prefix only)"),
        (false, _) => tr(lang, "无效", "invalid"),
    }
}

fn render(reports: &[Report], lang: Lang, markdown: bool) -> String {
    let header = [
        tr(lang, "输入", "input"),
        tr(lang, "结果", "result"),
        tr(lang, "标识体系", "scheme"),
        tr(lang, "规范形式", "canonical"),
        tr(lang, "说明", "details"),
    ];
    let rows: Vec<Vec<String>> = reports
        .iter()
        .map(|r| {
            let cells = vec![
                shown(&r.input, None).0,
                verdict(r, lang).to_owned(),
                r.scheme
                    .map_or_else(|| "—".to_owned(), |s| scheme_label(s, lang)),
                r.canonical.clone().unwrap_or_else(|| "—".to_owned()),
                if r.valid {
                    details(r, lang)
                } else {
                    problem(r, lang)
                },
            ];
            if markdown {
                cells.iter().map(|c| md_cell(c)).collect()
            } else {
                cells
            }
        })
        .collect();
    let mut out = String::new();
    if markdown {
        out.push_str(&format!("| {} |\n", header.join(" | ")));
        out.push_str(&format!("|{}\n", "---|".repeat(header.len())));
        for row in &rows {
            out.push_str(&format!("| {} |\n", row.join(" | ")));
        }
    } else {
        out.push_str(&table(&header, &rows));
        // Point at the offending character of each invalid input.
        for r in reports.iter().filter(|r| !r.valid) {
            let offset = r.error.as_ref().map(|e| e.offset);
            let (text, column) = shown(&r.input, offset);
            if let (Some(col), Some(e)) = (column, &r.error) {
                out.push_str(&format!("\n  {text}\n  {}^ {}\n", " ".repeat(col), e.name));
            }
        }
    }
    out
}
