//! Inspecting households (`gasdev inspect`, `inspect()` in JavaScript, `gasdev_inspect_record`):
//! the context a batch is checked in (catalogue, declarations, rule set, date) and the batch
//! summary, computed here only.

use alloc::collections::BTreeMap;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use serde::Serialize;

use super::document::{Document, InputError, parse_declarations, parse_document, parse_record};
use super::error::ApiError;
use crate::ErrorCode;
use crate::install::{
    CatalogueIndex, Deadline, FindingCode, InspectionReport, RuleSet, Severity, inspect,
};
use crate::model::Date;

/// What households are inspected against.
#[derive(Debug, Clone)]
pub struct Inspector {
    catalogue: Option<CatalogueIndex>,
    rules: RuleSet,
    as_of: Date,
}

impl Inspector {
    /// Inspect on `as_of` under `rules`, without a catalogue.
    pub fn new(rules: RuleSet, as_of: Date) -> Inspector {
        Inspector {
            catalogue: None,
            rules,
            as_of,
        }
    }

    /// The same, against a catalogue's text (field `catalogue` in errors).
    ///
    /// # Errors
    /// The catalogue's input error, its field put under `catalogue`; `INPUT_UNKNOWN_DOCUMENT`
    /// for a declaration.
    pub fn with_catalogue_text(mut self, text: &str) -> Result<Inspector, ApiError> {
        match parse_document(text) {
            Ok(Document::Catalogue(c)) => {
                self.catalogue = Some(CatalogueIndex::new(&c));
                Ok(self)
            }
            Ok(Document::Declaration(_)) => Err(ApiError::new(ErrorCode::InputUnknownDocument)
                .field("catalogue")
                .detail("a declaration, not a catalogue")),
            Err(e) => Err(ApiError::from(e).under("catalogue")),
        }
    }

    /// The same, with an index already built (the CLI reads catalogues from files).
    pub fn with_catalogue(mut self, index: CatalogueIndex) -> Inspector {
        self.catalogue = Some(index);
        self
    }

    /// The same, with vendors' declarations (a JSON array; field `declarations` in errors) for
    /// unlisted models and detected gases.
    ///
    /// # Errors
    /// The array's input error, its field put under `declarations`.
    pub fn with_declarations_text(mut self, text: &str) -> Result<Inspector, ApiError> {
        let ds = parse_declarations(text).map_err(|e| ApiError::from(e).under("declarations"))?;
        let as_of = self.as_of;
        self.catalogue
            .get_or_insert_with(CatalogueIndex::without_catalogue)
            .add_declarations(&ds, as_of);
        Ok(self)
    }

    /// The catalogue index, created empty if there is none (to add declarations from files).
    pub fn index_mut(&mut self) -> &mut CatalogueIndex {
        self.catalogue
            .get_or_insert_with(CatalogueIndex::without_catalogue)
    }

    /// The rule set.
    pub fn rules(&self) -> &RuleSet {
        &self.rules
    }

    /// The date deadlines are counted on.
    pub fn as_of(&self) -> Date {
        self.as_of
    }

    /// Inspect one parsed record.
    pub fn inspect(&self, record: &crate::install::InspectionRecord) -> InspectionReport {
        inspect(record, self.catalogue.as_ref(), self.as_of, &self.rules)
    }

    /// Parse and inspect one record's JSON text.
    ///
    /// # Errors
    /// The record's input error.
    pub fn inspect_text(&self, text: &str) -> Result<InspectionReport, InputError> {
        parse_record(text).map(|r| self.inspect(&r))
    }
}

/// The counts of one community.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CommunitySummary {
    /// Households inspected.
    pub households: u64,
    /// Without a failing finding.
    pub compliant: u64,
    /// With a failing finding.
    pub non_compliant: u64,
    /// Obligations past their deadline.
    pub overdue_obligations: u64,
    /// Findings of severity `fail`.
    pub fail_findings: u64,
}

/// The counts of an inspection batch.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct InspectSummary {
    /// Households inspected.
    pub households: u64,
    /// Without a failing finding.
    pub compliant: u64,
    /// With a failing finding.
    pub non_compliant: u64,
    /// Rows that could not be read as a record.
    pub rejected_rows: u64,
    /// Obligations past their deadline.
    pub overdue_obligations: u64,
    /// Obligations past their deadline, by deadline (`YYYY-MM-DD`, in date order).
    pub overdue_by_deadline: BTreeMap<String, u64>,
    /// Households missing a required device, by device kind.
    pub missing_required: BTreeMap<&'static str, u64>,
    /// Findings by code.
    pub findings: BTreeMap<&'static str, u64>,
    /// Counts by community (`-` for records without one).
    pub communities: BTreeMap<String, CommunitySummary>,
}

impl InspectSummary {
    /// Count one household's report.
    pub fn add(&mut self, r: &InspectionReport) {
        self.households += 1;
        if r.compliant {
            self.compliant += 1;
        } else {
            self.non_compliant += 1;
        }
        let mut overdue = 0;
        let mut fails = 0;
        for f in &r.findings {
            *self.findings.entry(f.code.name()).or_default() += 1;
            if f.code == FindingCode::MissingRequiredDevice {
                let kind = f.kind.map_or("-", |k| k.as_str());
                *self.missing_required.entry(kind).or_default() += 1;
            }
            if f.severity == Severity::Fail {
                fails += 1;
            }
            if f.overdue {
                overdue += 1;
                // The obligation behind it: the one for the missing kind, overdue.
                let due = r
                    .obligations
                    .iter()
                    .find(|o| o.overdue && Some(o.device) == f.kind)
                    .and_then(|o| match o.deadline {
                        Deadline::By(d) => Some(d.to_string()),
                        _ => None,
                    });
                *self
                    .overdue_by_deadline
                    .entry(due.unwrap_or_else(|| "-".into()))
                    .or_default() += 1;
            }
        }
        self.overdue_obligations += overdue;
        let c = self
            .communities
            .entry(r.community.clone().unwrap_or_else(|| "-".into()))
            .or_default();
        c.households += 1;
        if r.compliant {
            c.compliant += 1;
        } else {
            c.non_compliant += 1;
        }
        c.overdue_obligations += overdue;
        c.fail_findings += fails;
    }

    /// Count one rejected row.
    pub fn reject(&mut self) {
        self.rejected_rows += 1;
    }
}

/// A whole batch in memory (the web page's inspection of a dropped ledger; the CLI streams).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct InspectBatch {
    /// One report per record read, in order.
    pub households: Vec<InspectionReport>,
    /// The rows rejected, each error's `line` the 1-based record number.
    pub rejects: Vec<InputError>,
    /// The counts.
    pub summary: InspectSummary,
}

/// One community's line of the monthly ranking (六（四）「每月排名、通报」).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CommunityRank {
    /// The community (`-` for records without one).
    pub community: String,
    /// Households inspected.
    pub households: u64,
    /// Without a failing finding.
    pub compliant: u64,
    /// With a failing finding.
    pub non_compliant: u64,
    /// `compliant / households` (0 for none).
    pub compliance_rate: f64,
    /// Obligations past their deadline.
    pub overdue_obligations: u64,
    /// Findings of severity `fail` per 100 households.
    pub fails_per_100: f64,
}

/// The ranking of the communities of a batch: compliance rate descending, then fails per 100
/// households ascending, then the name. The plan asks for a monthly ranking without a formula;
/// these figures are this project's reading (spec/interpretations.md).
#[expect(
    clippy::cast_precision_loss,
    reason = "counts of households stay far below 2^53"
)]
pub fn community_ranking(summary: &InspectSummary) -> Vec<CommunityRank> {
    let mut ranks: Vec<CommunityRank> = summary
        .communities
        .iter()
        .map(|(name, c)| {
            let per = |x: u64, scale: f64| {
                if c.households == 0 {
                    0.0
                } else {
                    x as f64 * scale / c.households as f64
                }
            };
            CommunityRank {
                community: name.clone(),
                households: c.households,
                compliant: c.compliant,
                non_compliant: c.non_compliant,
                compliance_rate: per(c.compliant, 1.0),
                overdue_obligations: c.overdue_obligations,
                fails_per_100: per(c.fail_findings, 100.0),
            }
        })
        .collect();
    ranks.sort_by(|a, b| {
        b.compliance_rate
            .total_cmp(&a.compliance_rate)
            .then(a.fails_per_100.total_cmp(&b.fails_per_100))
            .then(a.community.cmp(&b.community))
    });
    ranks
}

impl InspectBatch {
    /// The ranking of its communities ([`community_ranking`]).
    pub fn ranking(&self) -> Vec<CommunityRank> {
        community_ranking(&self.summary)
    }
}

impl Inspector {
    /// Inspect the records of a ledger ([`super::ledger`]: each item the line it started on and
    /// the record or why its row was rejected), in order; a reject keeps its error with `line` set
    /// to the item's line, and the rest go on.
    pub fn inspect_items(
        &self,
        items: impl IntoIterator<Item = (u64, Result<crate::install::InspectionRecord, InputError>)>,
    ) -> InspectBatch {
        let mut b = InspectBatch {
            households: Vec::new(),
            rejects: Vec::new(),
            summary: InspectSummary::default(),
        };
        for (line, item) in items {
            match item {
                Ok(r) => {
                    let r = self.inspect(&r);
                    b.summary.add(&r);
                    b.households.push(r);
                }
                Err(mut e) => {
                    e.line = usize::try_from(line).unwrap_or(usize::MAX);
                    b.summary.reject();
                    b.rejects.push(e);
                }
            }
        }
        b
    }

    /// Inspect every record text (JSON), in order; a bad record is a reject and the rest go on.
    pub fn inspect_all<'a>(&self, records: impl IntoIterator<Item = &'a str>) -> InspectBatch {
        let mut b = InspectBatch {
            households: Vec::new(),
            rejects: Vec::new(),
            summary: InspectSummary::default(),
        };
        for (i, text) in records.into_iter().enumerate() {
            match self.inspect_text(text) {
                Ok(r) => {
                    b.summary.add(&r);
                    b.households.push(r);
                }
                Err(mut e) => {
                    e.line = i.saturating_add(1);
                    b.summary.reject();
                    b.rejects.push(e);
                }
            }
        }
        b
    }
}

/// The example district (spec/examples/inspections.jsonl) inspected on 2026-12-07: the batch the
/// unit tests of the summary and its renderers share.
#[cfg(test)]
pub(crate) fn example_batch() -> InspectBatch {
    let text = include_str!("../../../spec/examples/inspections.jsonl");
    let as_of = Date::parse("2026-12-07").unwrap();
    Inspector::new(RuleSet::nanchuan_2022(), as_of)
        .inspect_all(text.lines().filter(|l| !l.trim().is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example district (spec/examples/inspections.jsonl) on 2026-12-07: the two communities
    /// without a failure first (tied, by name), then by compliance rate.
    #[test]
    fn ranking_of_the_example_district() {
        let batch = example_batch();
        let ranks = batch.ranking();
        let names: Vec<&str> = ranks.iter().map(|r| r.community.as_str()).collect();
        assert_eq!(
            names,
            [
                "平桥村（瓶装气）",
                "西城小区",
                "商业街",
                "东城小区（老旧小区）",
                "金山湖小区（超高层）"
            ]
        );
        let shop = &ranks[2];
        assert_eq!(
            (shop.households, shop.compliant, shop.non_compliant),
            (13, 8, 5)
        );
        assert_eq!(shop.overdue_obligations, 4);
        assert!((shop.compliance_rate - 8.0 / 13.0).abs() < 1e-12);
        assert!((shop.fails_per_100 - 800.0 / 13.0).abs() < 1e-9);
        assert!((ranks[3].fails_per_100 - 500.0 / 7.0).abs() < 1e-9);
        assert_eq!(ranks[0].fails_per_100, 0.0);
    }

    /// Every overdue obligation is counted under its deadline, and only there.
    #[test]
    fn overdue_by_deadline_adds_up() {
        let s = example_batch().summary;
        assert_eq!(
            s.overdue_by_deadline.values().sum::<u64>(),
            s.overdue_obligations
        );
        assert!(!s.overdue_by_deadline.contains_key("-"));
        let fails: u64 = s.communities.values().map(|c| c.fail_findings).sum();
        assert!(fails >= s.non_compliant);
    }
}
