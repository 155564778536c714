//! Inspection output for people and spreadsheets (`gasdev inspect`): the findings table, one CSV
//! row per finding, and the summary.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec;
use alloc::vec::Vec;

use super::{columns, text_table, tr};
use crate::Lang;
use crate::api::{InputError, InspectSummary};
use crate::install::{InspectionReport, Severity};

/// The word for a severity.
pub fn severity_text(s: Severity, lang: Lang) -> &'static str {
    s.text().get(lang)
}

/// The rows of one household's findings in the findings table.
pub fn findings_rows(report: &InspectionReport, lang: Lang) -> Vec<Vec<String>> {
    report
        .findings
        .iter()
        .map(|f| {
            vec![
                report.household.clone(),
                report.community.clone().unwrap_or_default(),
                severity_text(f.severity, lang).to_string(),
                super::named(f.code.text(), f.code.name(), lang),
                f.clauses.join(","),
                f.message.get(lang).to_string(),
                f.action.get(lang).to_string(),
            ]
        })
        .collect()
}

/// Findings rows as a text table.
pub fn findings_table(rows: &[Vec<String>], lang: Lang) -> String {
    let header = columns(
        lang,
        "户号|小区|级别|问题|条款|说明|处理",
        "household|community|severity|finding|clauses|what|action",
    );
    text_table(&header, rows)
}

/// The header row of the CSV output.
pub const CSV_HEADER: [&str; 11] = [
    "household",
    "community",
    "compliant",
    "severity",
    "code",
    "clauses",
    "device",
    "kind",
    "hazard",
    "message",
    "action",
];

/// A cell a spreadsheet would run as a formula (OWASP "CSV injection": first character `=`, `+`,
/// `-`, `@`, tab or CR) gets a leading `'`, unless it is a plain number (`-3`, `+1.5`). The CSV
/// writer quotes it afterwards as needed.
pub fn neutralise_formula(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) && !plain_number(s) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// `[+-]digits[.digits]`.
fn plain_number(s: &str) -> bool {
    let body = s.strip_prefix(['+', '-']).unwrap_or(s);
    let (int, frac) = body.split_once('.').unwrap_or((body, "0"));
    !int.is_empty()
        && !frac.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
}

/// CSV lines (RFC 4180 quoting by `csv::Writer`, `\n` line ends) of `rows`.
fn csv_lines<'a>(rows: impl IntoIterator<Item = [&'a str; 11]>) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    for row in rows {
        // Writing into memory cannot fail.
        let _ = w.write_record(row);
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// The header line of the CSV output.
pub fn csv_header() -> String {
    csv_lines([CSV_HEADER])
}

/// The CSV lines of one household's findings, cells from input neutralised
/// ([`neutralise_formula`]).
pub fn csv_records(r: &InspectionReport, lang: Lang) -> String {
    let community = neutralise_formula(r.community.as_deref().unwrap_or(""));
    let household = neutralise_formula(&r.household);
    let cells: Vec<[String; 5]> = r
        .findings
        .iter()
        .map(|f| {
            [
                neutralise_formula(&f.clauses.join(" ")),
                f.device.map(|d| d.to_string()).unwrap_or_default(),
                neutralise_formula(f.message.get(lang)),
                neutralise_formula(f.action.get(lang)),
                String::new(),
            ]
        })
        .collect();
    csv_lines(
        r.findings
            .iter()
            .zip(&cells)
            .map(|(f, [clauses, device, message, action, _])| {
                [
                    household.as_str(),
                    community.as_str(),
                    if r.compliant { "true" } else { "false" },
                    f.severity.as_str(),
                    f.code.name(),
                    clauses.as_str(),
                    device.as_str(),
                    f.kind.map_or("", |k| k.as_str()),
                    f.hazard.map_or("", |h| h.as_str()),
                    message.as_str(),
                    action.as_str(),
                ]
            }),
    )
}

/// The header of a table of rejected rows.
pub(super) fn rejects_header(lang: Lang) -> Vec<&'static str> {
    columns(lang, "行|错误|字段|说明", "line|error|field|message")
}

/// One row per rejected row: line, error name, field, message in `lang`.
pub(super) fn rejects_rows(rejects: &[InputError], lang: Lang) -> Vec<Vec<String>> {
    rejects
        .iter()
        .map(|e| {
            vec![
                e.line.to_string(),
                e.name.to_string(),
                e.field.clone(),
                e.message.get(lang).to_string(),
            ]
        })
        .collect()
}

/// The header of the community ranking (六（四）「每月排名、通报」).
pub(super) fn ranking_header(lang: Lang) -> Vec<&'static str> {
    columns(
        lang,
        "名次|小区|户数|合格|不合格|合格率|逾期未装|每百户不合格项",
        "rank|community|households|compliant|non-compliant|compliance rate|overdue obligations|fails per 100 households",
    )
}

/// The summary: counts, findings by code, communities and the first rejected rows.
pub fn summary_report(s: &InspectSummary, rejects: &[InputError], lang: Lang) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "\n=== {} ===\n{}: {}  {}: {}  {}: {}  {}: {}  {}: {}\n",
        tr(lang, "汇总", "Summary"),
        tr(lang, "户数", "households"),
        s.households,
        tr(lang, "合格", "compliant"),
        s.compliant,
        tr(lang, "不合格", "non-compliant"),
        s.non_compliant,
        tr(lang, "逾期未装", "overdue missing devices"),
        s.overdue_obligations,
        tr(lang, "拒收行", "rejected rows"),
        s.rejected_rows
    ));
    let rows: Vec<Vec<String>> = s
        .findings
        .iter()
        .map(|(k, v)| vec![super::finding_named(k, lang), v.to_string()])
        .collect();
    out.push_str(&text_table(
        &[tr(lang, "问题", "finding"), tr(lang, "次数", "count")],
        &rows,
    ));
    let rows: Vec<Vec<String>> = s
        .communities
        .iter()
        .map(|(k, c)| {
            vec![
                k.clone(),
                c.households.to_string(),
                c.compliant.to_string(),
                c.non_compliant.to_string(),
                c.overdue_obligations.to_string(),
            ]
        })
        .collect();
    out.push('\n');
    out.push_str(&text_table(
        &columns(
            lang,
            "小区|户数|合格|不合格|逾期未装",
            "community|households|compliant|non-compliant|overdue",
        ),
        &rows,
    ));
    if !rejects.is_empty() {
        out.push_str(&format!(
            "\n{}\n",
            tr(lang, "拒收的行（已跳过）", "Rejected rows (skipped)")
        ));
        let rows = rejects_rows(rejects.get(..20).unwrap_or(rejects), lang);
        out.push_str(&text_table(&rejects_header(lang), &rows));
        if s.rejected_rows > 20 {
            out.push_str(&format!(
                "… {} {}\n",
                s.rejected_rows - 20,
                tr(lang, "行未列出", "more not listed")
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::neutralise_formula as n;

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(n("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0");
        assert_eq!(n("+HYPERLINK(x)"), "'+HYPERLINK(x)");
        assert_eq!(n("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(n("-1+2"), "'-1+2");
        assert_eq!(n("\tx"), "'\tx");
        assert_eq!(n("\rx"), "'\rx");
        assert_eq!(n("-3"), "-3");
        assert_eq!(n("+1.5"), "+1.5");
        assert_eq!(n("NC-1"), "NC-1");
    }
}
