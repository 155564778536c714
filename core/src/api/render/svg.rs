//! Charts of an inspection summary as SVG text (feature `render`): compliance by community,
//! findings by code, obligations overdue by deadline — horizontal bar charts, the CLI writes them
//! beside a Markdown report, the web page shows them inline. Deterministic text (the same summary
//! gives the same bytes), no script, no external font, stylesheet or CDN; `viewBox` and
//! `width="100%"` so a chart fits a phone's width; every text from input escaped for XML after the
//! core's one escaping function ([`escape_text`]).

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use super::{tr, width};
use crate::Lang;
use crate::api::{InspectSummary, community_ranking};
use crate::install::{FindingCode, Severity};
use crate::text::escape_text;

/// One bar: its label, its length and the value written after it.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// The label on the left (text from input allowed: it is escaped).
    pub label: String,
    /// The length, against the chart's maximum.
    pub value: f64,
    /// The value as written after the bar.
    pub text: String,
    /// The fill colour (`#rrggbb`).
    pub colour: &'static str,
}

/// The chart's width in `viewBox` units.
const WIDTH: usize = 640;
/// One bar's row height.
const ROW: usize = 24;
/// Space above the bars (the title).
const TOP: usize = 36;
/// The widest label, in display columns (CJK counts 2); a longer label is cut with `…`.
const MAX_LABEL: usize = 36;
/// Pixels per display column of a label (13 px sans-serif: a CJK character is about 13 px).
const PX_PER_COLUMN: usize = 7;
/// Space right of the longest bar for its value.
const VALUE_SPACE: usize = 110;

const BLUE: &str = "#4e79a7";
const GREEN: &str = "#59a14f";
const AMBER: &str = "#f28e2b";
const RED: &str = "#e15759";

/// Text for an XML text node or attribute: `& < > " '` as entities.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A label as shown: escaped ([`escape_text`]), cut to [`MAX_LABEL`] display columns.
fn label_text(s: &str) -> String {
    let s = escape_text(s);
    if width(&s) <= MAX_LABEL {
        return s;
    }
    let mut out = String::new();
    for c in s.chars() {
        let mut next = out.clone();
        next.push(c);
        if width(&next) > MAX_LABEL.saturating_sub(1) {
            break;
        }
        out = next;
    }
    out.push('…');
    out
}

/// A horizontal bar chart: the title, one row per bar (label, bar, value), bars scaled to the
/// largest value (or to `max` when given, e.g. 100 %). With no bar, one line saying so.
pub fn bar_chart(title: &str, bars: &[Bar], max: Option<f64>, lang: Lang) -> String {
    let labels: Vec<String> = bars.iter().map(|b| label_text(&b.label)).collect();
    let label_w = labels
        .iter()
        .map(|l| width(l))
        .max()
        .unwrap_or(0)
        .saturating_mul(PX_PER_COLUMN)
        .saturating_add(16)
        .clamp(80, MAX_LABEL * PX_PER_COLUMN + 16);
    let bar_w = WIDTH.saturating_sub(label_w).saturating_sub(VALUE_SPACE);
    let rows = bars.len().max(1);
    let height = TOP + rows * ROW + 12;
    let max = max
        .unwrap_or_else(|| bars.iter().map(|b| b.value).fold(0.0, f64::max))
        .max(f64::MIN_POSITIVE);
    let title = xml_escape(&escape_text(title));
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {height}\" width=\"100%\" \
         style=\"max-width:{WIDTH}px\" role=\"img\" font-family=\"sans-serif\" font-size=\"13\">\n\
         <title>{title}</title>\n\
         <rect width=\"{WIDTH}\" height=\"{height}\" fill=\"#ffffff\"/>\n\
         <text x=\"8\" y=\"22\" font-size=\"15\" font-weight=\"bold\" fill=\"#222222\">{title}</text>\n"
    );
    if bars.is_empty() {
        s.push_str(&format!(
            "<text x=\"8\" y=\"{}\" fill=\"#555555\">{}</text>\n",
            TOP + 16,
            tr(lang, "无数据", "no data")
        ));
    }
    for (i, (b, label)) in bars.iter().zip(&labels).enumerate() {
        let y = TOP + i * ROW;
        let fraction = (b.value / max).clamp(0.0, 1.0);
        #[expect(
            clippy::cast_precision_loss,
            reason = "a chart is at most a few hundred pixels wide"
        )]
        let w = fraction * bar_w as f64;
        s.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"#222222\">{}</text>\
             <rect x=\"{label_w}\" y=\"{}\" width=\"{w:.1}\" height=\"16\" fill=\"{}\"/>\
             <text x=\"{:.1}\" y=\"{}\" fill=\"#222222\">{}</text>\n",
            label_w.saturating_sub(6),
            y + 16,
            xml_escape(label),
            y + 4,
            b.colour,
            w + 4.0 + f64::from(u32::try_from(label_w).unwrap_or(0)),
            y + 16,
            xml_escape(&b.text),
        ));
    }
    s.push_str("</svg>\n");
    s
}

/// Compliance rate by community, in ranking order ([`community_ranking`]).
pub fn compliance_chart(summary: &InspectSummary, lang: Lang) -> String {
    let bars: Vec<Bar> = community_ranking(summary)
        .iter()
        .map(|c| Bar {
            label: c.community.clone(),
            value: c.compliance_rate * 100.0,
            text: format!(
                "{:.1}% ({}/{})",
                c.compliance_rate * 100.0,
                c.compliant,
                c.households
            ),
            colour: GREEN,
        })
        .collect();
    bar_chart(chart_title(COMPLIANCE, lang), &bars, Some(100.0), lang)
}

/// Findings by code, most frequent first (then by name): the order of the findings charts.
pub fn findings_by_count(summary: &InspectSummary) -> Vec<(&'static str, u64)> {
    let mut codes: Vec<(&str, u64)> = summary.findings.iter().map(|(k, v)| (*k, *v)).collect();
    codes.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    codes
}

/// Findings by code ([`findings_by_count`] order), coloured by severity.
pub fn findings_chart(summary: &InspectSummary, lang: Lang) -> String {
    let codes = findings_by_count(summary);
    let bars: Vec<Bar> = codes
        .iter()
        .map(|(code, n)| Bar {
            label: (*code).to_string(),
            value: count(*n),
            text: n.to_string(),
            colour: match FindingCode::ALL
                .iter()
                .find(|c| c.name() == *code)
                .map(|c| c.severity())
            {
                Some(Severity::Fail) => RED,
                Some(Severity::Warn) => AMBER,
                _ => BLUE,
            },
        })
        .collect();
    bar_chart(chart_title(FINDINGS, lang), &bars, None, lang)
}

/// Obligations overdue, by their deadline (in date order).
pub fn overdue_chart(summary: &InspectSummary, lang: Lang) -> String {
    let bars: Vec<Bar> = summary
        .overdue_by_deadline
        .iter()
        .map(|(deadline, n)| Bar {
            label: deadline.clone(),
            value: count(*n),
            text: n.to_string(),
            colour: RED,
        })
        .collect();
    bar_chart(
        tr(
            lang,
            "逾期未装（按期限）",
            "Overdue obligations by deadline",
        ),
        &bars,
        None,
        lang,
    )
}

#[expect(clippy::cast_precision_loss, reason = "counts stay far below 2^53")]
fn count(n: u64) -> f64 {
    n as f64
}

const COMPLIANCE: &str = "compliance-by-community";
const FINDINGS: &str = "findings-by-code";
const OVERDUE: &str = "overdue-by-deadline";

/// The file names (without `.svg`) of the charts of [`inspect_charts`], in order.
pub const CHART_NAMES: [&str; 3] = [COMPLIANCE, FINDINGS, OVERDUE];

/// The title of the chart named `name` ([`CHART_NAMES`]) in `lang`.
pub fn chart_title(name: &str, lang: Lang) -> &'static str {
    match name {
        COMPLIANCE => tr(lang, "各小区合格率", "Compliance by community"),
        FINDINGS => tr(lang, "问题分类统计", "Findings by code"),
        OVERDUE => tr(
            lang,
            "逾期未装（按期限）",
            "Overdue obligations by deadline",
        ),
        _ => "",
    }
}

/// Every chart of an inspection summary: (file name without `.svg`, SVG text), in
/// [`CHART_NAMES`] order.
pub fn inspect_charts(summary: &InspectSummary, lang: Lang) -> Vec<(&'static str, String)> {
    let [a, b, c] = CHART_NAMES;
    alloc::vec![
        (a, compliance_chart(summary, lang)),
        (b, findings_chart(summary, lang)),
        (c, overdue_chart(summary, lang)),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_cut() {
        assert_eq!(
            xml_escape("<a & 'b'>\""),
            "&lt;a &amp; &#39;b&#39;&gt;&quot;"
        );
        let bars = [Bar {
            label: "</text><script>x</script>\u{1b}".into(),
            value: 1.0,
            text: "1".into(),
            colour: RED,
        }];
        let svg = bar_chart("t&t", &bars, None, Lang::En);
        assert!(!svg.contains("<script"));
        assert!(svg.contains("&lt;/text&gt;&lt;script&gt;"));
        assert!(svg.contains("<title>t&amp;t</title>"));
        assert!(svg.contains("\\u{1b}"));
        let long = label_text(&"小".repeat(40));
        // 17 wide characters and `…` (width 1): 35 columns, the 18th would pass 36.
        assert_eq!(long, format!("{}…", "小".repeat(17)));
    }

    #[test]
    fn empty_and_scaled() {
        let svg = bar_chart("x", &[], None, Lang::Zh);
        assert!(svg.contains("无数据") && svg.starts_with("<svg ") && svg.ends_with("</svg>\n"));
        let bars = [
            Bar {
                label: "a".into(),
                value: 2.0,
                text: "2".into(),
                colour: RED,
            },
            Bar {
                label: "b".into(),
                value: 1.0,
                text: "1".into(),
                colour: RED,
            },
        ];
        let svg = bar_chart("x", &bars, None, Lang::En);
        // Labels 80 px wide: bars of 640 - 80 - 110 = 450 and half of it.
        assert!(svg.contains("width=\"450.0\""), "{svg}");
        assert!(svg.contains("width=\"225.0\""));
    }

    #[test]
    fn charts_of_the_example_district() {
        let batch = crate::api::inspect::example_batch();
        let charts = inspect_charts(&batch.summary, Lang::Zh);
        let names: Vec<&str> = charts.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, CHART_NAMES);
        let (_, compliance) = &charts[0];
        assert!(compliance.contains("各小区合格率"));
        assert!(compliance.contains("61.5% (8/13)"));
        // One bar per community, per code, per deadline.
        let rects = |s: &str| s.matches("<rect x=").count();
        assert_eq!(rects(compliance), batch.summary.communities.len());
        assert_eq!(rects(&charts[1].1), batch.summary.findings.len());
        assert_eq!(rects(&charts[2].1), batch.summary.overdue_by_deadline.len());
        // Deterministic.
        assert_eq!(charts, inspect_charts(&batch.summary, Lang::Zh));
    }
}
