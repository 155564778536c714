//! Checking declarations and catalogues: one document (`checkDocument`, `gasdev_check_document`)
//! or a batch of files with its summary (`gasdev check`, the web page's export). The summary is
//! computed here only; bindings return it as they get it.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

use serde::Serialize;

use super::document::{Document, InputError, parse_document};
use super::error::ApiError;
use crate::ErrorCode;
use crate::check::{CatalogueReport, ProductReport, check_catalogue, check_declaration};
use crate::model::Date;
use crate::requirements::{RULESET, RULESET_VERSION};

/// Which document a check expects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Expect {
    /// Either (detected by its keys).
    #[default]
    Any,
    /// A product declaration.
    Declaration,
    /// A catalogue.
    Catalogue,
}

/// The report of one document.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum CheckedReport {
    /// A product declaration's report.
    Declaration(Box<ProductReport>),
    /// A catalogue's report.
    Catalogue(Box<CatalogueReport>),
}

impl CheckedReport {
    /// `declaration` or `catalogue`.
    pub fn document(&self) -> &'static str {
        match self {
            CheckedReport::Declaration(_) => "declaration",
            CheckedReport::Catalogue(_) => "catalogue",
        }
    }

    /// Whether the product (every product and clause of a catalogue) is conformant.
    pub fn conformant(&self) -> bool {
        match self {
            CheckedReport::Declaration(p) => p.conformant,
            CheckedReport::Catalogue(c) => c.conformant && c.products.iter().all(|p| p.conformant),
        }
    }
}

/// One checked document with the rule set and date it was checked under (the envelope every
/// binding returns).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Checked {
    /// `declaration` or `catalogue`.
    #[cfg_attr(feature = "ts", ts(type = "\"declaration\" | \"catalogue\""))]
    pub document: &'static str,
    /// The date certificates and deadlines were judged on.
    pub as_of: Date,
    /// The rule set (`nanchuan-2022`).
    pub ruleset: &'static str,
    /// Its version.
    pub ruleset_version: u32,
    /// The report.
    pub report: CheckedReport,
}

/// Check a parsed document.
pub fn check_parsed(doc: &Document, as_of: Date) -> CheckedReport {
    match doc {
        Document::Declaration(d) => {
            CheckedReport::Declaration(Box::new(check_declaration(d, as_of)))
        }
        Document::Catalogue(c) => CheckedReport::Catalogue(Box::new(check_catalogue(c, as_of))),
    }
}

/// Parse and check one document's text.
///
/// # Errors
/// The document's input error (name, line, column, field), or `INPUT_UNKNOWN_DOCUMENT` when it
/// is not the document `expect`ed.
pub fn check_document(text: &str, expect: Expect, as_of: Date) -> Result<Checked, ApiError> {
    let doc = parse_document(text)?;
    let wrong = |what: &str| {
        Err(ApiError::new(ErrorCode::InputUnknownDocument)
            .field("")
            .detail(what))
    };
    match (&doc, expect) {
        (Document::Catalogue(_), Expect::Declaration) => {
            return wrong("a catalogue, not a declaration");
        }
        (Document::Declaration(_), Expect::Catalogue) => {
            return wrong("a declaration, not a catalogue");
        }
        _ => {}
    }
    Ok(Checked::of(&doc, as_of))
}

impl Checked {
    /// Check a parsed document under the rule set, on `as_of`.
    #[inline]
    pub fn of(doc: &Document, as_of: Date) -> Checked {
        let report = check_parsed(doc, as_of);
        Checked {
            document: report.document(),
            as_of,
            ruleset: RULESET,
            ruleset_version: RULESET_VERSION,
            report,
        }
    }
}

/// One file of a batch: its report, or why it could not be read.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CheckedFile {
    /// The file's name as the user gave it.
    pub path: String,
    /// `declaration` or `catalogue` (absent on an input error).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    #[cfg_attr(feature = "ts", ts(type = "\"declaration\" | \"catalogue\""))]
    pub document: Option<&'static str>,
    /// The report.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub report: Option<CheckedReport>,
    /// The input error.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub error: Option<InputError>,
}

/// The counts of a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CheckSummary {
    /// Files given.
    pub files: usize,
    /// Files that could not be read as a document.
    pub input_errors: usize,
    /// Products checked (a declaration is one; a catalogue counts its products).
    pub products: usize,
    /// Products that are conformant.
    pub conformant_products: usize,
    /// Failed findings over all products and catalogue clauses.
    pub failed_findings: usize,
    /// No input error, every product and every catalogue clause conformant.
    pub conformant: bool,
}

impl CheckSummary {
    /// Count one more file (start from [`CheckBatch::new`]'s summary: no file is conformant).
    pub fn add(&mut self, file: &CheckedFile) {
        self.files += 1;
        if file.error.is_some() {
            self.input_errors += 1;
        }
        let products: &[ProductReport] = match &file.report {
            Some(CheckedReport::Declaration(p)) => core::slice::from_ref(p.as_ref()),
            Some(CheckedReport::Catalogue(c)) => {
                self.failed_findings += c.counts.fail;
                &c.products
            }
            None => &[],
        };
        for p in products {
            self.products += 1;
            self.failed_findings += p.counts.fail;
            if p.conformant {
                self.conformant_products += 1;
            }
        }
        self.conformant &= file.report.as_ref().is_some_and(CheckedReport::conformant);
    }
}

/// A batch of checked files (`gasdev check --format json`, the web page's JSON export).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CheckBatch {
    /// `gasdev`.
    pub tool: &'static str,
    /// The library version.
    pub version: &'static str,
    /// The rule set.
    pub ruleset: &'static str,
    /// Its version.
    pub ruleset_version: u32,
    /// The date certificates and deadlines were judged on.
    pub as_of: Date,
    /// Every file, in the order given.
    pub files: Vec<CheckedFile>,
    /// The counts.
    pub summary: CheckSummary,
}

impl CheckBatch {
    /// An empty batch.
    pub fn new(as_of: Date) -> CheckBatch {
        CheckBatch {
            tool: "gasdev",
            version: crate::VERSION,
            ruleset: RULESET,
            ruleset_version: RULESET_VERSION,
            as_of,
            files: Vec::new(),
            summary: CheckSummary {
                conformant: true,
                ..CheckSummary::default()
            },
        }
    }

    /// Check one more file (its parsed document, or the error reading it).
    pub fn push(&mut self, path: String, read: Result<Document, InputError>) {
        let file = match read {
            Ok(doc) => {
                let report = check_parsed(&doc, self.as_of);
                CheckedFile {
                    path,
                    document: Some(report.document()),
                    report: Some(report),
                    error: None,
                }
            }
            Err(e) => CheckedFile {
                path,
                document: None,
                report: None,
                error: Some(e),
            },
        };
        self.summary.add(&file);
        self.files.push(file);
    }

    /// Check every `(path, text)`.
    pub fn of_texts<'a>(
        as_of: Date,
        files: impl IntoIterator<Item = (String, &'a str)>,
    ) -> CheckBatch {
        let mut b = CheckBatch::new(as_of);
        for (path, text) in files {
            b.push(path, parse_document(text));
        }
        b
    }
}
