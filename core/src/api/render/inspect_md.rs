//! The inspection report in Markdown (`gasdev inspect --format markdown`): a head (rule set,
//! date), the findings table (written in chunks as households stream by: the header once, then
//! rows), then the summary — counts, the charts of [`super::svg`] linked from a directory written
//! beside the report, the community ranking for the monthly 排名、通报, obligations overdue by
//! deadline, findings by code and the rejected rows. Enumerated values are shown in the report's
//! language from the core's tables, with the machine name beside them.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec;
use alloc::vec::Vec;

use super::inspect::{ranking_header, rejects_header, rejects_rows};
use super::svg::{CHART_NAMES, chart_title};
use super::{Style, columns, heading, kv, markdown_table, severity_text, tr};
use crate::Lang;
use crate::api::{InputError, InspectSummary, community_ranking};
use crate::install::InspectionReport;
use crate::model::Date;
use crate::text::escape_markdown;

/// The head: title, rule set and date.
pub fn markdown_head(ruleset: &str, ruleset_version: u32, as_of: Date, lang: Lang) -> String {
    let mut s = heading(
        Style::Markdown,
        1,
        tr(lang, "入户安全检查报告", "Inspection report"),
    );
    s.push_str(&format!(
        "{}  \n{}\n",
        kv(
            lang,
            tr(lang, "规则集", "Rule set"),
            &format!("{} (v{ruleset_version})", escape_markdown(ruleset)),
        ),
        kv(lang, tr(lang, "核查日期", "As of"), &as_of.to_string()),
    ));
    s.push_str(&heading(
        Style::Markdown,
        2,
        tr(lang, "问题清单", "Findings"),
    ));
    s
}

/// An enumerated value in `lang` with its machine name beside it: `燃气泄漏报警装置 (leak_alarm)`.
fn named(text: crate::Text, name: &str, lang: Lang) -> String {
    format!("{} ({name})", text.get(lang))
}

/// The Markdown rows of one household's findings.
pub fn markdown_findings_rows(report: &InspectionReport, lang: Lang) -> Vec<Vec<String>> {
    report
        .findings
        .iter()
        .map(|f| {
            let about = match (f.kind, f.hazard) {
                (_, Some(h)) => h.as_str().to_string(),
                (Some(k), None) => named(k.text(), k.as_str(), lang),
                (None, None) => String::new(),
            };
            vec![
                report.household.clone(),
                report.community.clone().unwrap_or_default(),
                severity_text(f.severity, lang).to_string(),
                f.code.name().to_string(),
                about,
                f.clauses.join(", "),
                f.message.get(lang).to_string(),
                f.action.get(lang).to_string(),
            ]
        })
        .collect()
}

/// A chunk of the findings table: with its header for the first chunk, rows only after it (the
/// rows continue the same table).
pub fn markdown_findings_table(rows: &[Vec<String>], lang: Lang, first: bool) -> String {
    let header = columns(
        lang,
        "户号|小区|级别|问题|装置/隐患|条款|说明|处理",
        "household|community|severity|finding|device/hazard|clauses|what|action",
    );
    let table = markdown_table(&header, rows);
    if first {
        return table;
    }
    // Drop the header and its rule (the first two lines).
    table.splitn(3, '\n').nth(2).unwrap_or_default().to_string()
}

/// A two-column Markdown table of names and counts.
fn counts_table<'a>(header: [&str; 2], rows: impl Iterator<Item = (&'a str, u64)>) -> String {
    let rows: Vec<Vec<String>> = rows
        .map(|(k, n)| vec![k.to_string(), n.to_string()])
        .collect();
    markdown_table(&header, &rows)
}

/// The summary part: counts, charts (linked under `charts`, a directory beside the report, when
/// given), ranking, overdue obligations by deadline, findings by code, rejected rows.
pub fn markdown_summary(
    s: &InspectSummary,
    rejects: &[InputError],
    lang: Lang,
    charts: Option<&str>,
) -> String {
    let md = Style::Markdown;
    let mut out = String::new();
    if s.households + s.rejected_rows > 0 && s.findings.is_empty() {
        out.push_str(tr(lang, "（无）\n", "(none)\n"));
    }
    out.push_str(&heading(md, 2, tr(lang, "汇总", "Summary")));
    let count = |n: u64| n.to_string();
    out.push_str(&markdown_table(
        &[tr(lang, "项目", "item"), tr(lang, "值", "value")],
        &[
            vec![tr(lang, "户数", "households").into(), count(s.households)],
            vec![tr(lang, "合格", "compliant").into(), count(s.compliant)],
            vec![
                tr(lang, "不合格", "non-compliant").into(),
                count(s.non_compliant),
            ],
            vec![
                tr(lang, "逾期未装", "overdue obligations").into(),
                count(s.overdue_obligations),
            ],
            vec![
                tr(lang, "拒收行", "rejected rows").into(),
                count(s.rejected_rows),
            ],
        ],
    ));
    if let Some(dir) = charts {
        out.push_str(&heading(md, 2, tr(lang, "图表", "Charts")));
        for name in CHART_NAMES {
            out.push_str(&format!(
                "![{}](<{dir}/{name}.svg>)\n\n",
                escape_markdown(chart_title(name, lang))
            ));
        }
    }
    out.push_str(&heading(md, 2, tr(lang, "小区排名", "Community ranking")));
    let rows: Vec<Vec<String>> = community_ranking(s)
        .iter()
        .zip(1u64..)
        .map(|(c, rank)| {
            vec![
                rank.to_string(),
                c.community.clone(),
                count(c.households),
                count(c.compliant),
                count(c.non_compliant),
                format!("{:.1}%", c.compliance_rate * 100.0),
                count(c.overdue_obligations),
                format!("{:.1}", c.fails_per_100),
            ]
        })
        .collect();
    out.push_str(&markdown_table(&ranking_header(lang), &rows));
    out.push_str(&heading(
        md,
        2,
        tr(
            lang,
            "逾期未装（按期限）",
            "Overdue obligations by deadline",
        ),
    ));
    out.push_str(&counts_table(
        [tr(lang, "期限", "deadline"), tr(lang, "数量", "count")],
        s.overdue_by_deadline.iter().map(|(d, n)| (d.as_str(), *n)),
    ));
    out.push_str(&heading(md, 2, tr(lang, "问题分类", "Findings by code")));
    out.push_str(&counts_table(
        [tr(lang, "问题", "finding"), tr(lang, "次数", "count")],
        s.findings.iter().map(|(k, v)| (*k, *v)),
    ));
    if !rejects.is_empty() {
        out.push_str(&heading(
            md,
            2,
            tr(lang, "拒收的行（已跳过）", "Rejected rows (skipped)"),
        ));
        out.push_str(&markdown_table(
            &rejects_header(lang),
            &rejects_rows(rejects, lang),
        ));
        let listed = u64::try_from(rejects.len()).unwrap_or(u64::MAX);
        if s.rejected_rows > listed {
            out.push_str(&format!(
                "\n… {} {}\n",
                s.rejected_rows - listed,
                tr(lang, "行未列出", "more not listed")
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_district_in_markdown() {
        let batch = crate::api::inspect::example_batch();
        let as_of = Date::parse("2026-12-07").unwrap();
        let rows: Vec<Vec<String>> = batch
            .households
            .iter()
            .flat_map(|r| markdown_findings_rows(r, Lang::Zh))
            .collect();
        let (a, b) = rows.split_at(3);
        let first = markdown_findings_table(a, Lang::Zh, true);
        let more = markdown_findings_table(b, Lang::Zh, false);
        assert!(first.starts_with("| 户号 |"));
        assert!(more.starts_with("| "));
        assert!(!more.contains("户号"));
        assert_eq!(first.lines().count() + more.lines().count(), rows.len() + 2);
        assert!(more.contains("安全自闭阀 (self\\_closing\\_valve)"));
        let summary = markdown_summary(&batch.summary, &batch.rejects, Lang::Zh, Some("r.charts"));
        assert!(summary.contains("![各小区合格率](<r.charts/compliance-by-community.svg>)"));
        assert!(summary.contains("| 3 | 商业街 | 13 | 8 | 5 | 61.5% | 4 | 61.5 |"));
        assert!(summary.contains("| 2022-10-31 | 4 |"));
        let head = markdown_head("nanchuan-2022", 2, as_of, Lang::En);
        assert!(head.starts_with("\n# Inspection report\n"));
    }
}
