//! A whole household ledger inspected in steps (`InspectSession` in JavaScript; the web page's
//! inspection tab runs it in its worker): the ledger (JSON lines, CSV, or with feature `sheets` a
//! workbook) is read with the core's readers (`api::ledger`: the CLI's rows, columns and errors),
//! each step inspects the next records with the core's [`Inspector`], so that a page can show
//! progress between steps, and the results are filtered, charted and exported by the core's
//! renderers (`gasdev inspect --format csv`, the SVG charts), byte for byte the CLI's output.

// `allow`, not `expect`: the lint fires on 64-bit targets only (as in api.rs).
#![allow(
    clippy::result_large_err,
    reason = "one error per call, serialized at once at the JavaScript boundary: boxing buys nothing"
)]

use std::cell::Cell;
use std::rc::Rc;

use gasdev::Lang;
use gasdev::api::ledger::Item;
use gasdev::api::{ApiError, InputError, InspectBatch, InspectSummary, Inspector, render};
use gasdev::install::{InspectionFinding, InspectionReport};
use serde::Serialize;

use crate::api::{CheckOptions, Misuse};

/// The lines of a text it owns, numbered from 1, without `\n` / `\r\n` (as
/// [`gasdev::api::ledger::text_lines`]), counting the bytes consumed for progress.
struct OwnedLines {
    text: String,
    pos: usize,
    n: u64,
    read: Rc<Cell<usize>>,
}

impl Iterator for OwnedLines {
    type Item = (u64, Result<String, InputError>);

    fn next(&mut self) -> Option<Self::Item> {
        let rest = self.text.get(self.pos..).filter(|r| !r.is_empty())?;
        let (line, used) = rest.find('\n').map_or((rest, rest.len()), |i| {
            (rest.get(..i).unwrap_or_default(), i + 1)
        });
        let line = line.strip_suffix('\r').unwrap_or(line).to_owned();
        self.pos += used;
        self.read.set(self.pos);
        self.n += 1;
        Some((self.n, Ok(line)))
    }
}

/// Findings rows per table chunk of the CLI's Markdown output (`cli/src/cmd/inspect.rs`).
const TABLE_CHUNK: usize = 10_000;
/// Rejects the CLI lists in full (`cli/src/cmd/inspect.rs`); the rest are only counted.
const MAX_LISTED_REJECTS: usize = 1000;

/// The ledger formats a session reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One JSON inspection record per line.
    Jsonl,
    /// CSV with the columns of `spec/installation.md` (or their Chinese names).
    Csv,
    /// An Excel workbook's first sheet (feature `sheets`).
    Xlsx,
}

impl Format {
    /// The format of a name (`jsonl`, `csv`, `xlsx`).
    ///
    /// # Errors
    /// [`Misuse`] for another name.
    pub fn parse(s: &str) -> Result<Format, Misuse> {
        match s {
            "jsonl" => Ok(Format::Jsonl),
            "csv" => Ok(Format::Csv),
            "xlsx" => Ok(Format::Xlsx),
            _ => Err(Misuse(format!(
                "InspectSession: unknown format `{s}`, expected `jsonl`, `csv` or `xlsx`"
            ))),
        }
    }
}

/// A ledger being inspected.
pub struct Session {
    inspector: Result<Inspector, ApiError>,
    items: Box<dyn Iterator<Item = Item>>,
    read: Rc<Cell<usize>>,
    total: usize,
    /// A workbook's rows are read at once: its progress counts records.
    by_records: bool,
    done: bool,
    batch: InspectBatch,
}

/// How far a session is (`step`).
#[derive(Debug, Clone, Serialize)]
pub struct Progress {
    /// Whether every record has been inspected.
    pub done: bool,
    /// Households inspected so far.
    pub households: u64,
    /// Rows rejected so far.
    pub rejected_rows: u64,
    /// Bytes of the input read so far (for a workbook: its rows, counted as 1 each).
    pub read: usize,
    /// The input's size in the same unit.
    pub total: usize,
}

/// What the findings table shows: the filters and the page of rows.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FindingsQuery {
    /// Only this community (`-` for records without one).
    pub community: Option<String>,
    /// Only this severity (`fail`, `warn`, `info`).
    pub severity: Option<String>,
    /// Only this finding code.
    pub code: Option<String>,
    /// Rows to skip.
    #[serde(default)]
    pub offset: usize,
    /// Most rows returned (default 200).
    pub limit: Option<usize>,
}

/// One row of the findings table.
#[derive(Debug, Clone, Serialize)]
pub struct FindingRow<'a> {
    /// The household.
    pub household: &'a str,
    /// Its community, if any.
    pub community: Option<&'a str>,
    /// Whether the household is compliant.
    pub compliant: bool,
    /// The finding (code, severity, clauses, device, kind, hazard, message, action).
    #[serde(flatten)]
    pub finding: &'a InspectionFinding,
}

/// A page of the findings table.
#[derive(Debug, Clone, Serialize)]
pub struct FindingsPage<'a> {
    /// Rows matching the filters, in all.
    pub total: usize,
    /// The rows of this page.
    pub rows: Vec<FindingRow<'a>>,
}

impl Session {
    /// A session over `input` in `format`, inspected with `options` on `today` unless `as_of`
    /// says otherwise. An error of the options (a broken catalogue) or of the input (not a
    /// workbook) is kept and returned by every [`Session::step`].
    pub fn new(
        format: Format,
        input: Vec<u8>,
        options: &CheckOptions,
        today: gasdev::model::Date,
    ) -> Session {
        let read = Rc::new(Cell::new(0));
        let total = input.len();
        let mut inspector = crate::api::inspector(options, today);
        let items: Box<dyn Iterator<Item = Item>> = match format {
            Format::Xlsx => match crate::workbook::records(input) {
                Ok((rows, items)) => {
                    read.set(rows);
                    Box::new(items)
                }
                Err(e) => {
                    inspector = Err(ApiError::from(e));
                    Box::new(core::iter::empty())
                }
            },
            Format::Jsonl | Format::Csv => {
                let text = String::from_utf8(input)
                    .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
                let lines = OwnedLines {
                    text,
                    pos: 0,
                    n: 0,
                    read: Rc::clone(&read),
                };
                if format == Format::Csv {
                    Box::new(gasdev::api::ledger::csv_records(lines))
                } else {
                    Box::new(lines.filter_map(|(n, l)| {
                        let l = l.ok()?;
                        (!l.trim().is_empty()).then(|| (n, gasdev::api::parse_record(&l)))
                    }))
                }
            }
        };
        let by_records = format == Format::Xlsx;
        let total = if by_records { read.get() } else { total };
        Session {
            inspector,
            items,
            read,
            total,
            by_records,
            done: false,
            batch: InspectBatch {
                households: Vec::new(),
                rejects: Vec::new(),
                summary: InspectSummary::default(),
            },
        }
    }

    /// Inspect up to `records` more records.
    ///
    /// # Errors
    /// The options' or the input's error.
    pub fn step(&mut self, records: usize) -> Result<Progress, ApiError> {
        let inspector = self.inspector.as_ref().map_err(Clone::clone)?;
        let chunk = inspector.inspect_items(self.items.by_ref().take(records));
        self.done = chunk.households.len() + chunk.rejects.len() < records;
        for r in &chunk.households {
            self.batch.summary.add(r);
        }
        for _ in &chunk.rejects {
            self.batch.summary.reject();
        }
        self.batch.households.extend(chunk.households);
        self.batch.rejects.extend(chunk.rejects);
        let s = &self.batch.summary;
        Ok(Progress {
            done: self.done,
            households: s.households,
            rejected_rows: s.rejected_rows,
            read: match (self.done, self.by_records) {
                (true, _) => self.total,
                (false, true) => self
                    .total
                    .min(usize::try_from(s.households + s.rejected_rows).unwrap_or(0)),
                (false, false) => self.read.get(),
            },
            total: self.total,
        })
    }

    /// The batch so far.
    pub fn batch(&self) -> &InspectBatch {
        &self.batch
    }

    /// The findings matching `q`, one row per finding, in record order.
    pub fn findings(&self, q: &FindingsQuery) -> FindingsPage<'_> {
        let keep = |r: &InspectionReport, f: &InspectionFinding| {
            q.community
                .as_deref()
                .is_none_or(|c| r.community.as_deref().unwrap_or("-") == c)
                && q.severity
                    .as_deref()
                    .is_none_or(|s| f.severity.as_str() == s)
                && q.code.as_deref().is_none_or(|c| f.code.name() == c)
        };
        let mut all = self
            .batch
            .households
            .iter()
            .flat_map(|r| r.findings.iter().map(move |f| (r, f)))
            .filter(|(r, f)| keep(r, f));
        let mut rows = Vec::new();
        let mut total = 0;
        let limit = q.limit.unwrap_or(200);
        for (r, f) in all.by_ref() {
            if total >= q.offset && rows.len() < limit {
                rows.push(FindingRow {
                    household: &r.household,
                    community: r.community.as_deref(),
                    compliant: r.compliant,
                    finding: f,
                });
            }
            total += 1;
        }
        FindingsPage { total, rows }
    }

    /// The CSV of `gasdev inspect --format csv --lang LANG` for the batch.
    pub fn csv(&self, lang: Lang) -> String {
        let mut out = render::csv_header();
        for r in &self.batch.households {
            out.push_str(&render::csv_records(r, lang));
        }
        out
    }

    /// The workbook of `gasdev inspect --format xlsx --lang LANG` for the batch (feature `sheets`).
    ///
    /// # Errors
    /// The options' error, or why the workbook could not be built.
    #[cfg(feature = "sheets")]
    pub fn xlsx(&self, lang: Lang) -> Result<Vec<u8>, ApiError> {
        let i = self.inspector.as_ref().map_err(Clone::clone)?;
        let rules = i.rules();
        render::inspect_workbook(&self.batch, &rules.ruleset, rules.version, i.as_of(), lang)
            .map_err(|e| ApiError::new(gasdev::ErrorCode::InvalidParameter).detail(&e.to_string()))
    }

    /// The Markdown `gasdev inspect --format markdown --lang LANG` prints for the batch (to
    /// standard output: the charts are not linked): its head, the findings table in the CLI's
    /// chunks, the summary with the first [`MAX_LISTED_REJECTS`] rejects.
    ///
    /// # Errors
    /// The options' error.
    pub fn markdown(&self, lang: Lang) -> Result<String, ApiError> {
        let i = self.inspector.as_ref().map_err(Clone::clone)?;
        let rules = i.rules();
        let mut out = render::markdown_head(&rules.ruleset, rules.version, i.as_of(), lang);
        let mut rows: Vec<Vec<String>> = Vec::new();
        let mut first = true;
        for r in &self.batch.households {
            rows.extend(render::markdown_findings_rows(r, lang));
            if rows.len() >= TABLE_CHUNK {
                out.push_str(&render::markdown_findings_table(&rows, lang, first));
                first = false;
                rows.clear();
            }
        }
        if !rows.is_empty() {
            out.push_str(&render::markdown_findings_table(&rows, lang, first));
        }
        let rejects = &self.batch.rejects;
        let listed = rejects.get(..MAX_LISTED_REJECTS).unwrap_or(rejects);
        out.push_str(&render::markdown_summary(
            &self.batch.summary,
            listed,
            lang,
            None,
        ));
        Ok(out)
    }

    /// The charts of the summary: (file name without `.svg`, SVG text), the CLI's.
    pub fn charts(&self, lang: Lang) -> Vec<(&'static str, String)> {
        render::inspect_charts(&self.batch.summary, lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example(name: &str) -> Vec<u8> {
        std::fs::read(format!(
            "{}/../spec/examples/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap_or_default()
    }

    #[test]
    fn lines_are_the_cores_text_lines() {
        for text in ["", "a", "a\n", "a\r\nb\n\nc", "\n\n", "x\r\n"] {
            let owned: Vec<_> = OwnedLines {
                text: text.to_owned(),
                pos: 0,
                n: 0,
                read: Rc::default(),
            }
            .map(|(n, l)| (n, l.ok()))
            .collect();
            let core: Vec<_> = gasdev::api::ledger::text_lines(text)
                .map(|(n, l)| (n, l.ok()))
                .collect();
            assert_eq!(owned, core, "{text:?}");
        }
    }

    #[test]
    fn steps_give_the_batch_of_one_call() {
        let date = gasdev::model::Date::parse("2026-06-01").unwrap_or(gasdev::model::Date::MIN);
        let o = CheckOptions::default();
        for (format, file) in [
            (Format::Csv, "inspections.csv"),
            (Format::Jsonl, "inspections.jsonl"),
        ] {
            let mut s = Session::new(format, example(file), &o, date);
            let mut steps = 0;
            while !s.step(2).map(|p| p.done).unwrap_or(true) {
                steps += 1;
            }
            assert!(steps > 1, "{file}");
            let mut whole = Session::new(format, example(file), &o, date);
            assert!(whole.step(usize::MAX >> 1).map(|p| p.done).unwrap_or(false));
            assert_eq!(s.batch().summary, whole.batch().summary, "{file}");
            assert_eq!(s.csv(Lang::Zh), whole.csv(Lang::Zh), "{file}");
            let all = s.findings(&FindingsQuery::default());
            let fails = s.findings(&FindingsQuery {
                severity: Some("fail".into()),
                ..FindingsQuery::default()
            });
            assert!(fails.total > 0 && fails.total < all.total, "{file}");
            assert!(
                fails
                    .rows
                    .iter()
                    .all(|r| r.finding.severity.as_str() == "fail")
            );
        }
    }
}
