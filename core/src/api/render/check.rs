//! The conformance report of declarations and catalogues (`gasdev check`, the web page's
//! Markdown export).

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec;
use alloc::vec::Vec;

use super::{Style, columns, grid, heading, kv, tr};
use crate::Lang;
use crate::api::{CheckBatch, CheckedReport, InputError};
use crate::check::{CatalogueReport, Finding, ProductReport, Status};
use crate::text::{escape_markdown, escape_text};

/// One line for an input error: `file:line:column: NAME [field] message`.
pub fn error_line(path: &str, e: &InputError, lang: Lang) -> String {
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

fn tier_text(t: Option<crate::model::Tier>, lang: Lang) -> &'static str {
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
    let header = columns(lang, "条款|结论|字段|说明", "clause|verdict|field|reason");
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
    let tiers = |ts: &[crate::model::Tier]| -> String {
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
    let header = columns(
        lang,
        "单位|统一社会信用代码|企业序号|状态|移出原因|产品数|报警装置达标档次|自闭阀达标档次",
        "vendor|credit code|company|status|removal reason|products|alarm tiers filled|valve tiers filled",
    );
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
    let header = columns(
        lang,
        "类别|企业数|低档|中档|高档",
        "kind|companies|low|mid|high",
    );
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
    let header = columns(
        lang,
        "类别|档次|产品数|中位数（元）|最低（元）|最高（元）|提示",
        "kind|tier|count|median (yuan)|min (yuan)|max (yuan)|noted",
    );
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
    let header = columns(
        lang,
        "单位|型号|类别|声明档次|达到档次|结论|不符合项",
        "vendor|model|kind|claimed|achieved|verdict|failed",
    );
    s.push_str(&grid(style, &header, &rows));
    for p in &c.products {
        if failures_only && p.conformant && p.counts.needs_evidence == 0 {
            continue;
        }
        s.push_str(&product_block(style, p, lang, failures_only));
    }
    s
}

/// The report of a checked batch: each file's findings, catalogues with their vendor, company,
/// price and product tables, and the summary.
pub fn check_report(out: &CheckBatch, lang: Lang, failures_only: bool, style: Style) -> String {
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
            (Some(CheckedReport::Catalogue(c)), _) => {
                s.push_str(&heading(style, 1, &f.path));
                s.push_str(&catalogue_block(style, c, lang, failures_only));
            }
            (Some(CheckedReport::Declaration(p)), _) => {
                s.push_str(&heading(style, 1, &f.path));
                s.push_str(&product_block(style, p, lang, failures_only));
            }
            (None, Some(e)) => {
                s.push_str(&heading(style, 1, &f.path));
                s.push_str(tr(lang, "输入错误 ", "input error "));
                let line = error_line(&f.path, e, lang);
                s.push_str(&match style {
                    Style::Markdown => escape_markdown(&line),
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
