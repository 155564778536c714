//! The charts sheet of the inspection workbook (feature `xlsx`): the three charts of
//! [`super::svg`] as native Excel bar charts — compliance by community (ranking order), findings
//! by code (most frequent first), obligations overdue by deadline — each over a small table of its
//! figures on the same sheet, so the charts follow the numbers if a reader edits them.

use alloc::string::String;
use alloc::vec::Vec;

use rust_xlsxwriter::{Chart, ChartType, Format, Workbook};

use super::svg::{CHART_NAMES, chart_title, findings_by_count};
use super::tr;
use super::xlsx::WorkbookError;
use crate::Lang;
use crate::api::{InspectSummary, community_ranking};

/// Rows of the chart area per chart (charts are stacked right of the tables).
const CHART_ROWS: u32 = 22;

/// The sheet's name.
pub(super) fn charts_sheet_name(lang: Lang) -> &'static str {
    tr(lang, "图表", "Charts")
}

/// One chart's table: the value column's header, (label, value) rows, and whether the values are
/// rates (shown as percentages).
type Table = (&'static str, Vec<(String, f64)>, bool);

/// Add the charts sheet.
///
/// # Errors
/// A sheet over Excel's limits.
pub(super) fn charts_sheet(
    book: &mut Workbook,
    summary: &InspectSummary,
    lang: Lang,
) -> Result<(), WorkbookError> {
    let name = charts_sheet_name(lang);
    let percent = Format::new().set_num_format("0.0%");
    let tables: [Table; 3] = [
        (
            tr(lang, "合格率", "compliance rate"),
            community_ranking(summary)
                .into_iter()
                .map(|c| (c.community, c.compliance_rate))
                .collect(),
            true,
        ),
        (
            tr(lang, "次数", "count"),
            findings_by_count(summary)
                .into_iter()
                .map(|(code, n)| (String::from(code), count(n)))
                .collect(),
            false,
        ),
        (
            tr(lang, "数量", "count"),
            summary
                .overdue_by_deadline
                .iter()
                .map(|(d, n)| (d.clone(), count(*n)))
                .collect(),
            false,
        ),
    ];
    let sheet = book.add_worksheet();
    sheet.set_name(name)?;
    for ((col, (value_header, rows, is_rate)), chart_name) in
        (0u16..).step_by(3).zip(&tables).zip(CHART_NAMES)
    {
        let title = chart_title(chart_name, lang);
        sheet.write_string(0, col, title)?;
        sheet.write_string(0, col + 1, *value_header)?;
        sheet.set_column_width(col, 24)?;
        for (r, (label, value)) in (1u32..).zip(rows) {
            sheet.write_string(r, col, label)?;
            if *is_rate {
                sheet.write_number_with_format(r, col + 1, *value, &percent)?;
            } else {
                sheet.write_number(r, col + 1, *value)?;
            }
        }
        if rows.is_empty() {
            continue;
        }
        let last = u32::try_from(rows.len()).unwrap_or(u32::MAX);
        let mut chart = Chart::new(ChartType::Bar);
        chart
            .add_series()
            .set_name(*value_header)
            .set_categories((name, 1, col, last, col))
            .set_values((name, 1, col + 1, last, col + 1));
        chart.title().set_name(title);
        chart.legend().set_hidden();
        // The first row at the top, as in the SVG charts.
        chart.x_axis().set_reverse();
        if *is_rate {
            chart.y_axis().set_min(0).set_max(1).set_num_format("0%");
        }
        let at = (u32::from(col) / 3).saturating_mul(CHART_ROWS);
        sheet.insert_chart(at, 9, &chart)?;
    }
    Ok(())
}

#[expect(clippy::cast_precision_loss, reason = "counts stay far below 2^53")]
fn count(n: u64) -> f64 {
    n as f64
}
