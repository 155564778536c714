//! `gasdev check FILE|DIR...`: check declarations and catalogues against the clauses.
//!
//! Every file is processed even when others are malformed; each bad file gets its own precise
//! error. Exit: 0 all conformant, 1 some finding failed, 2 some input error.

use std::path::PathBuf;
use std::process::ExitCode;

use gasdev::Lang;
use gasdev::check::{
    CatalogueReport, Finding, ProductReport, Status, check_catalogue, check_declaration,
};
use gasdev::model::Date;

use gasdev::api::{Document, InputError};

use crate::input::{Entry, expand, read_document};
use crate::output::{Format, LangArg, escape_text, md_cell, table};

/// Arguments of `gasdev check`.
#[derive(clap::Args)]
pub struct Args {
    /// Declaration or catalogue JSON files, or directories of them.
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
    /// Show only failing findings (and those needing evidence) in table and Markdown output.
    #[arg(long)]
    failures_only: bool,
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s).map_err(|e| format!("{e}"))
}

/// Today's date (UTC) from the system clock.
pub(crate) fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    Date::from_days_since_epoch(days).unwrap_or(Date::MIN)
}

/// The result for one file.
#[derive(serde::Serialize)]
struct FileResult {
    path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    document: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    report: Option<Report>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<InputError>,
}

#[derive(serde::Serialize)]
#[serde(untagged)]
enum Report {
    Declaration(Box<ProductReport>),
    Catalogue(Box<CatalogueReport>),
}

#[derive(serde::Serialize, Default)]
struct Summary {
    files: usize,
    input_errors: usize,
    products: usize,
    conformant_products: usize,
    failed_findings: usize,
    conformant: bool,
}

#[derive(serde::Serialize)]
struct Output {
    tool: &'static str,
    version: &'static str,
    ruleset: &'static str,
    ruleset_version: u32,
    as_of: Date,
    files: Vec<FileResult>,
    summary: Summary,
}

/// Run the subcommand.
pub fn run(args: Args) -> ExitCode {
    let as_of = args.as_of.unwrap_or_else(today);
    let files: Vec<FileResult> = expand(&args.paths)
        .into_iter()
        .map(|entry| {
            let (path, read) = match entry {
                Entry::File(path) => {
                    let read = read_document(&path);
                    (path, read)
                }
                Entry::Skipped(path, e) => (path, Err(e)),
            };
            let label = path.display().to_string();
            match read {
                Ok(Document::Declaration(d)) => FileResult {
                    path: label,
                    document: Some("declaration"),
                    report: Some(Report::Declaration(Box::new(check_declaration(&d, as_of)))),
                    error: None,
                },
                Ok(Document::Catalogue(c)) => FileResult {
                    path: label,
                    document: Some("catalogue"),
                    report: Some(Report::Catalogue(Box::new(check_catalogue(&c, as_of)))),
                    error: None,
                },
                Err(e) => FileResult {
                    path: label,
                    document: None,
                    report: None,
                    error: Some(e),
                },
            }
        })
        .collect();
    let summary = summarize(&files);
    let out = Output {
        tool: "gasdev",
        version: gasdev::VERSION,
        ruleset: gasdev::requirements::RULESET,
        ruleset_version: gasdev::requirements::RULESET_VERSION,
        as_of,
        files,
        summary,
    };
    let lang = Lang::from(args.lang);
    let text = match args.format {
        Format::Json => serde_json::to_string_pretty(&out).map(|mut s| {
            s.push('\n');
            s
        }),
        Format::Table => Ok(render(&out, lang, args.failures_only, Style::Table)),
        Format::Markdown => Ok(render(&out, lang, args.failures_only, Style::Markdown)),
    };
    match text {
        Ok(t) => out!("{t}"),
        Err(e) => {
            errln!("gasdev check: cannot serialize the report: {e}");
            return crate::exit::input_error();
        }
    }
    if args.format == Format::Json {
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

fn summarize(files: &[FileResult]) -> Summary {
    let mut s = Summary {
        files: files.len(),
        ..Summary::default()
    };
    let mut all_ok = true;
    for f in files {
        if f.error.is_some() {
            s.input_errors += 1;
            all_ok = false;
        }
        let products: Vec<&ProductReport> = match &f.report {
            Some(Report::Declaration(p)) => vec![p.as_ref()],
            Some(Report::Catalogue(c)) => {
                s.failed_findings += c.counts.fail;
                all_ok &= c.conformant;
                c.products.iter().collect()
            }
            None => Vec::new(),
        };
        for p in products {
            s.products += 1;
            s.failed_findings += p.counts.fail;
            if p.conformant {
                s.conformant_products += 1;
            } else {
                all_ok = false;
            }
        }
    }
    s.conformant = all_ok;
    s
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    Table,
    Markdown,
}

/// One line for an input error: `file:line:column: NAME [field] message`.
fn error_line(path: &str, e: &InputError, lang: Lang) -> String {
    let msg = match lang {
        Lang::Zh => &e.message.zh,
        Lang::En => &e.message.en,
    };
    let field = if e.field.is_empty() {
        String::new()
    } else {
        format!(" [{}]", e.field)
    };
    // Paths and messages can hold input text (a file name, an unknown value): escaped.
    escape_text(&format!(
        "{path}:{}:{}: {}{field} {msg}",
        e.line, e.column, e.name
    ))
}

/// A label and its value: full-width colon in Chinese, ": " in English.
fn kv(lang: Lang, label: &str, value: &str) -> String {
    match lang {
        Lang::Zh => format!("{label}：{value}"),
        Lang::En => format!("{label}: {value}"),
    }
}

fn tr(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    gasdev::Text::new(zh, en).get(lang)
}

fn heading(style: Style, level: usize, text: &str) -> String {
    match style {
        Style::Markdown => format!("\n{} {}\n\n", "#".repeat(level), md_cell(text)),
        Style::Table => {
            let mark = if level <= 2 { "=" } else { "-" };
            format!(
                "\n{} {} {}\n",
                mark.repeat(3),
                escape_text(text),
                mark.repeat(3)
            )
        }
    }
}

fn grid(style: Style, header: &[&str], rows: &[Vec<String>]) -> String {
    match style {
        Style::Table => table(header, rows),
        Style::Markdown => {
            let mut s = format!(
                "| {} |\n|{}\n",
                header.join(" | "),
                "---|".repeat(header.len())
            );
            for r in rows {
                let cells: Vec<String> = r.iter().map(|c| md_cell(c)).collect();
                s.push_str(&format!("| {} |\n", cells.join(" | ")));
            }
            s
        }
    }
}

fn status_cell(status: Status, lang: Lang) -> String {
    let mark = match status {
        Status::Pass => "✔",
        Status::Fail => "✘",
        Status::NeedsEvidence => "?",
        Status::NotApplicable => "-",
        Status::Info => "i",
    };
    format!("{mark} {}", status.text().get(lang))
}

fn tier_text(t: Option<gasdev::model::Tier>, lang: Lang) -> &'static str {
    t.map_or(tr(lang, "未达低档", "none"), |t| t.text().get(lang))
}

fn yes_no(b: bool, lang: Lang) -> &'static str {
    if b {
        tr(lang, "符合", "conformant")
    } else {
        tr(lang, "不符合", "non-conformant")
    }
}

fn findings_grid(style: Style, findings: &[Finding], lang: Lang, failures_only: bool) -> String {
    let rows: Vec<Vec<String>> = findings
        .iter()
        .filter(|f| !failures_only || matches!(f.status, Status::Fail | Status::NeedsEvidence))
        .map(|f| {
            vec![
                f.id.to_string(),
                status_cell(f.status, lang),
                f.field.clone(),
                f.reason.get(lang).to_string(),
            ]
        })
        .collect();
    if rows.is_empty() {
        return format!("{}\n", tr(lang, "（无不符合项）", "(no failing findings)"));
    }
    let header = [
        tr(lang, "条款", "clause"),
        tr(lang, "结论", "verdict"),
        tr(lang, "字段", "field"),
        tr(lang, "说明", "reason"),
    ];
    grid(style, &header, &rows)
}

fn product_block(style: Style, p: &ProductReport, lang: Lang, failures_only: bool) -> String {
    let title = match &p.vendor {
        Some(v) => format!("{v} · {} · {}", p.model, p.kind.text().get(lang)),
        None => format!("{} · {}", p.model, p.kind.text().get(lang)),
    };
    let mut s = heading(style, 3, &title);
    let line = format!(
        "{}  {}  {}  ({} {}, {} {}, {} {})",
        kv(
            lang,
            tr(lang, "声明档次", "claimed tier"),
            p.claimed_tier.text().get(lang)
        ),
        kv(
            lang,
            tr(lang, "实际达到", "achieved tier"),
            tier_text(p.achieved_tier, lang)
        ),
        kv(
            lang,
            tr(lang, "结论", "verdict"),
            yes_no(p.conformant, lang)
        ),
        p.counts.pass,
        tr(lang, "项符合", "pass"),
        p.counts.fail,
        tr(lang, "项不符合", "fail"),
        p.counts.needs_evidence,
        tr(lang, "项需补充证明", "need evidence"),
    );
    s.push_str(&line);
    s.push_str("\n\n");
    s.push_str(&findings_grid(style, &p.findings, lang, failures_only));
    s
}

fn catalogue_block(style: Style, c: &CatalogueReport, lang: Lang, failures_only: bool) -> String {
    let mut s = heading(style, 2, &kv(lang, tr(lang, "目录", "Catalogue"), &c.name));
    s.push_str(&kv(
        lang,
        tr(lang, "总体结论", "overall verdict"),
        yes_no(c.conformant, lang),
    ));
    s.push('\n');
    s.push_str(&heading(
        style,
        3,
        tr(lang, "目录条款", "Catalogue clauses"),
    ));
    s.push_str(&findings_grid(style, &c.findings, lang, false));
    s.push_str(&heading(style, 3, tr(lang, "销售安装单位", "Vendors")));
    let tiers = |ts: &[gasdev::model::Tier]| -> String {
        if ts.is_empty() {
            "-".into()
        } else {
            ts.iter()
                .map(|t| t.text().get(lang))
                .collect::<Vec<_>>()
                .join("/")
        }
    };
    let rows: Vec<Vec<String>> = c
        .vendors
        .iter()
        .map(|v| {
            let status = match (v.excluded, v.removed_on) {
                (true, _) => tr(lang, "已移出（不计入）", "removed (excluded)").to_string(),
                (false, Some(d)) => match lang {
                    Lang::Zh => format!("在册（将于 {d} 移出）"),
                    Lang::En => format!("listed (removal takes effect {d})"),
                },
                (false, None) => tr(lang, "在册", "listed").to_string(),
            };
            vec![
                v.name.clone(),
                v.credit_code.map_or_else(|| "-".into(), |c| c.to_string()),
                v.company.map_or_else(|| "-".into(), |n| n.to_string()),
                status,
                v.removal_reason
                    .map_or("-", |r| r.text().get(lang))
                    .to_string(),
                v.products.to_string(),
                tiers(&v.alarm_tiers),
                tiers(&v.valve_tiers),
            ]
        })
        .collect();
    let header = [
        tr(lang, "单位", "vendor"),
        tr(lang, "统一社会信用代码", "credit code"),
        tr(lang, "企业序号", "company"),
        tr(lang, "状态", "status"),
        tr(lang, "移出原因", "removal reason"),
        tr(lang, "产品数", "products"),
        tr(lang, "报警装置达标档次", "alarm tiers filled"),
        tr(lang, "自闭阀达标档次", "valve tiers filled"),
    ];
    s.push_str(&grid(style, &header, &rows));
    s.push_str(&heading(
        style,
        3,
        tr(
            lang,
            "各类装置可供选择的企业（CAT-6）",
            "Companies per device kind and tier (CAT-6)",
        ),
    ));
    let rows: Vec<Vec<String>> = c
        .kinds
        .iter()
        .map(|k| {
            let mut row = vec![k.kind.text().get(lang).to_string(), k.companies.to_string()];
            for t in &k.tiers {
                row.push(if t.companies.is_empty() {
                    "-".into()
                } else {
                    t.companies.join(tr(lang, "、", ", "))
                });
            }
            row
        })
        .collect();
    let header = [
        tr(lang, "类别", "kind"),
        tr(lang, "企业数", "companies"),
        tr(lang, "低档", "low"),
        tr(lang, "中档", "mid"),
        tr(lang, "高档", "high"),
    ];
    s.push_str(&grid(style, &header, &rows));
    s.push_str(&heading(
        style,
        3,
        tr(
            lang,
            "价格一览（PRICE-1，仅供参考）",
            "Prices (PRICE-1, information only)",
        ),
    ));
    let rows: Vec<Vec<String>> = c
        .prices
        .iter()
        .map(|g| {
            vec![
                g.kind.text().get(lang).to_string(),
                g.tier.text().get(lang).to_string(),
                g.count.to_string(),
                g.median.to_string(),
                g.min.to_string(),
                g.max.to_string(),
                g.products
                    .iter()
                    .filter(|p| p.noted)
                    .map(|p| format!("{} {}", p.model, p.price))
                    .collect::<Vec<_>>()
                    .join(", "),
            ]
        })
        .collect();
    let header = [
        tr(lang, "类别", "kind"),
        tr(lang, "档次", "tier"),
        tr(lang, "产品数", "count"),
        tr(lang, "中位数（元）", "median (yuan)"),
        tr(lang, "最低（元）", "min (yuan)"),
        tr(lang, "最高（元）", "max (yuan)"),
        tr(lang, "提示", "noted"),
    ];
    s.push_str(&grid(style, &header, &rows));
    s.push_str(&heading(style, 3, tr(lang, "产品一览", "Products")));
    let rows: Vec<Vec<String>> = c
        .products
        .iter()
        .map(|p| {
            vec![
                p.vendor.clone().unwrap_or_default(),
                p.model.clone(),
                p.kind.text().get(lang).to_string(),
                p.claimed_tier.text().get(lang).to_string(),
                tier_text(p.achieved_tier, lang).to_string(),
                yes_no(p.conformant, lang).to_string(),
                p.counts.fail.to_string(),
            ]
        })
        .collect();
    let header = [
        tr(lang, "单位", "vendor"),
        tr(lang, "型号", "model"),
        tr(lang, "类别", "kind"),
        tr(lang, "声明档次", "claimed"),
        tr(lang, "达到档次", "achieved"),
        tr(lang, "结论", "verdict"),
        tr(lang, "不符合项", "failed"),
    ];
    s.push_str(&grid(style, &header, &rows));
    for p in &c.products {
        if failures_only && p.conformant && p.counts.needs_evidence == 0 {
            continue;
        }
        s.push_str(&product_block(style, p, lang, failures_only));
    }
    s
}

fn render(out: &Output, lang: Lang, failures_only: bool, style: Style) -> String {
    let mut s = String::new();
    let title = tr(
        lang,
        "燃气安全装置符合性核查报告",
        "Gas safety device conformance report",
    );
    match style {
        Style::Markdown => s.push_str(&format!("# {title}\n\n")),
        Style::Table => s.push_str(&format!("{title}\n")),
    }
    s.push_str(&format!(
        "{}  {}  gasdev {}\n",
        kv(
            lang,
            tr(lang, "规则集", "rule set"),
            &format!("{} v{}", out.ruleset, out.ruleset_version)
        ),
        kv(lang, tr(lang, "核查日期", "as of"), &out.as_of.to_string()),
        out.version
    ));
    for f in &out.files {
        match (&f.report, &f.error) {
            (Some(Report::Catalogue(c)), _) => {
                s.push_str(&heading(style, 1, &f.path));
                s.push_str(&catalogue_block(style, c, lang, failures_only));
            }
            (Some(Report::Declaration(p)), _) => {
                s.push_str(&heading(style, 1, &f.path));
                s.push_str(&product_block(style, p, lang, failures_only));
            }
            (None, Some(e)) => {
                s.push_str(&heading(style, 1, &f.path));
                s.push_str(tr(lang, "输入错误 ", "input error "));
                let line = error_line(&f.path, e, lang);
                s.push_str(&match style {
                    Style::Markdown => md_cell(&line),
                    Style::Table => line,
                });
                s.push('\n');
            }
            (None, None) => {}
        }
    }
    let sm = &out.summary;
    s.push_str(&heading(style, 2, tr(lang, "汇总", "Summary")));
    s.push_str(&format!(
        "{}: {}  {}: {}  {}: {}/{}  {}: {}  {}: {}\n",
        tr(lang, "文件", "files"),
        sm.files,
        tr(lang, "输入错误", "input errors"),
        sm.input_errors,
        tr(lang, "符合要求的产品", "conformant products"),
        sm.conformant_products,
        sm.products,
        tr(lang, "不符合项", "failed findings"),
        sm.failed_findings,
        tr(lang, "总体结论", "overall"),
        yes_no(sm.conformant && sm.input_errors == 0, lang),
    ));
    s
}
