//! Conformance checks of product declarations and catalogues (needs `alloc`).
//!
//! [`check_declaration`] evaluates every requirement of the product's kind (`requirements::ALL`) and
//! returns one [`Finding`] per requirement; [`check_catalogue`] adds CAT-1..CAT-5 and every listed
//! product's own report. Each clause is evaluated in exactly one place, found by grepping its id:
//! `alarm.rs` (ALM-*), `valve.rs` (VLV-*), `certificate.rs` (CERT-*, and the certificate part of
//! ALM-1*), `catalogue.rs` (CAT-*). Ambiguities are resolved as written in `spec/interpretations.md`.
//!
//! Statuses: `pass`, `fail`, `not_applicable` (the clause does not apply at the claimed tier),
//! `needs_evidence` (INT-2: not a failure, but a reviewer must see a document), `info` (CAT-5).

mod alarm;
mod capability;
mod catalogue;
mod certificate;
mod companies;
pub mod identifier;
mod integrity;
mod prices;
mod product;
mod standards;
mod valve;

use alloc::string::String;
use alloc::vec::Vec;

use crate::model::{DeviceKind, Tier};

pub use catalogue::{
    CATALOGUE_KINDS, CatalogueReport, KindOffer, TierOffer, VendorSummary, check_catalogue,
};
pub use prices::{PriceGroup, PriceRules, PricedProduct};
pub use product::{ProductReport, check_declaration};

crate::coded::coded_enum! {
    /// The verdict of one requirement.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum Status => serialize {
        /// The declaration meets the requirement.
        Pass = "pass", "符合", "pass";
        /// The declaration does not meet the requirement.
        Fail = "fail", "不符合", "fail";
        /// The requirement does not apply at the claimed tier.
        NotApplicable = "not_applicable", "不适用", "not applicable";
        /// Met on its face, but a reviewer must see evidence (INT-2). Not a failure.
        NeedsEvidence = "needs_evidence", "需补充证明", "needs evidence";
        /// Informational only (CAT-5). Never a failure.
        Info = "info", "信息", "info";
    }
}

/// A message for people, in Chinese and English.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Message {
    /// Chinese.
    pub zh: String,
    /// English.
    pub en: String,
}

impl Message {
    /// A message from its two renderings.
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Message {
        Message {
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// The rendering in `lang`.
    pub fn get(&self, lang: crate::Lang) -> &str {
        match lang {
            crate::Lang::Zh => &self.zh,
            crate::Lang::En => &self.en,
        }
    }
}

impl From<crate::Text> for Message {
    fn from(t: crate::Text) -> Self {
        Message::new(t.zh, t.en)
    }
}

/// The verdict of one requirement for one product or catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Finding {
    /// Requirement id (`ALM-3b`).
    pub id: &'static str,
    /// Verdict.
    pub status: Status,
    /// The declaration field the verdict rests on, as a JSON path (`capabilities.detects`).
    pub field: String,
    /// Why, in Chinese and English.
    pub reason: Message,
}

/// Counts of findings by status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Counts {
    /// `pass` findings.
    pub pass: usize,
    /// `fail` findings.
    pub fail: usize,
    /// `not_applicable` findings.
    pub not_applicable: usize,
    /// `needs_evidence` findings.
    pub needs_evidence: usize,
    /// `info` findings.
    pub info: usize,
}

impl Counts {
    /// Count the statuses of `findings`.
    pub fn of(findings: &[Finding]) -> Counts {
        let mut c = Counts::default();
        for f in findings {
            let slot = match f.status {
                Status::Pass => &mut c.pass,
                Status::Fail => &mut c.fail,
                Status::NotApplicable => &mut c.not_applicable,
                Status::NeedsEvidence => &mut c.needs_evidence,
                Status::Info => &mut c.info,
            };
            *slot = slot.saturating_add(1);
        }
        c
    }
}

/// The outcome of evaluating one requirement, before tier applicability is applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Outcome {
    pub status: Status,
    pub field: String,
    pub reason: Message,
}

impl Outcome {
    pub(crate) fn new(status: Status, field: impl Into<String>, reason: Message) -> Outcome {
        Outcome {
            status,
            field: field.into(),
            reason,
        }
    }
    pub(crate) fn pass(field: impl Into<String>, reason: Message) -> Outcome {
        Outcome::new(Status::Pass, field, reason)
    }
    pub(crate) fn fail(field: impl Into<String>, reason: Message) -> Outcome {
        Outcome::new(Status::Fail, field, reason)
    }
    pub(crate) fn evidence(field: impl Into<String>, reason: Message) -> Outcome {
        Outcome::new(Status::NeedsEvidence, field, reason)
    }
}

/// Whether `status` counts as met when computing the achieved tier (INT-2).
pub(crate) const fn meets(status: Status) -> bool {
    matches!(
        status,
        Status::Pass | Status::NeedsEvidence | Status::NotApplicable | Status::Info
    )
}

/// The highest tier at which every applicable 附件3 clause is met, given raw outcomes by id.
/// libgasdev's own checks (scope `any_product`: CERT-*) never decide the tier (INT-4).
pub(crate) fn achieved_tier(kind: DeviceKind, raw: &[(&'static str, Status)]) -> Option<Tier> {
    let mut achieved = None;
    for tier in Tier::ALL {
        let ok = crate::requirements::for_product(kind, tier)
            .filter(|req| req.scope != crate::requirements::Scope::AnyProduct)
            .all(|req| raw.iter().any(|(id, st)| *id == req.id && meets(*st)));
        if !ok {
            break;
        }
        achieved = Some(tier);
    }
    achieved
}

/// Collect a list of displayable items into "a、b、c" / "a, b, c".
pub(crate) fn join<T>(items: &[T], f: impl Fn(&T) -> crate::Text) -> Message {
    let zh: Vec<&str> = items.iter().map(|i| f(i).zh).collect();
    let en: Vec<&str> = items.iter().map(|i| f(i).en).collect();
    Message::new(zh.join("、"), en.join(", "))
}
