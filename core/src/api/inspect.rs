//! Inspecting households (`gasdev inspect`, `inspect()` in JavaScript, `gasdev_inspect_record`):
//! the context a batch is checked in (catalogue, declarations, rule set, date) and the batch
//! summary, computed here only.

use alloc::collections::BTreeMap;
use alloc::string::String;
use alloc::vec::Vec;

use serde::Serialize;

use super::document::{Document, InputError, parse_declarations, parse_document, parse_record};
use super::error::ApiError;
use crate::ErrorCode;
use crate::install::{CatalogueIndex, FindingCode, InspectionReport, RuleSet, inspect};
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
        for f in &r.findings {
            *self.findings.entry(f.code.name()).or_default() += 1;
            if f.code == FindingCode::MissingRequiredDevice {
                let kind = f.kind.map_or("-", |k| k.as_str());
                *self.missing_required.entry(kind).or_default() += 1;
            }
            if f.overdue {
                overdue += 1;
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

impl Inspector {
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
