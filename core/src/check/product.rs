//! The per-product driver: one finding per requirement of the product's kind.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::{Counts, Finding, Message, Outcome, Status, achieved_tier, alarm, certificate, valve};
use crate::model::{Date, Declaration, DeviceKind, Tier};
use crate::requirements;

/// The report on one product declaration.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ProductReport {
    /// Vendor name, if declared or inherited from the catalogue.
    pub vendor: Option<String>,
    /// Product model.
    pub model: String,
    /// Device kind.
    pub kind: DeviceKind,
    /// The tier the vendor claims.
    pub claimed_tier: Tier,
    /// The highest tier whose requirements are all met (`None`: not even low).
    pub achieved_tier: Option<Tier>,
    /// No finding failed and the achieved tier is at least the claimed one.
    pub conformant: bool,
    /// Findings by status.
    pub counts: Counts,
    /// One finding per requirement of the kind, in requirement-table order.
    pub findings: Vec<Finding>,
}

/// Check one declaration against every requirement of its kind, on the date `as_of` (certificate
/// validity, CERT-3).
pub fn check_declaration(decl: &Declaration, as_of: Date) -> ProductReport {
    let mut raw = Vec::new();
    let mut findings = Vec::new();
    for req in requirements::for_kind(decl.kind) {
        let outcome = evaluate(req.id, decl, as_of);
        raw.push((req.id, outcome.status));
        let finding = if req.tiers.contains(decl.claimed_tier) {
            Finding {
                id: req.id,
                status: outcome.status,
                field: outcome.field,
                reason: outcome.reason,
            }
        } else {
            Finding {
                id: req.id,
                status: Status::NotApplicable,
                field: String::from("claimed_tier"),
                reason: not_applicable(decl.claimed_tier, req.tiers),
            }
        };
        findings.push(finding);
    }
    let achieved = achieved_tier(decl.kind, &raw);
    let counts = Counts::of(&findings);
    ProductReport {
        vendor: decl.vendor.clone(),
        model: decl.model.clone(),
        kind: decl.kind,
        claimed_tier: decl.claimed_tier,
        achieved_tier: achieved,
        conformant: counts.fail == 0 && achieved >= Some(decl.claimed_tier),
        counts,
        findings,
    }
}

fn evaluate(id: &'static str, decl: &Declaration, as_of: Date) -> Outcome {
    alarm::evaluate(id, decl, as_of)
        .or_else(|| valve::evaluate(id, decl))
        .or_else(|| certificate::evaluate(id, decl, as_of))
        // Every declaration requirement has an evaluator (tested in `tests` below); this arm
        // keeps the function total for requirement ids added to the table without one.
        .unwrap_or_else(|| {
            Outcome::evidence(
                "",
                Message::new(
                    "本条尚无自动核查，请人工核查",
                    "no automatic check yet: review by hand",
                ),
            )
        })
}

fn not_applicable(claimed: Tier, tiers: requirements::TierSet) -> Message {
    let zh: Vec<&str> = tiers.iter().map(|t| t.text().zh).collect();
    let en: Vec<&str> = tiers.iter().map(|t| t.text().en).collect();
    Message::new(
        format!(
            "{}产品不要求（本条适用于：{}）",
            claimed.text().zh,
            zh.join("、")
        ),
        format!(
            "not required at {} tier (applies to: {})",
            claimed.text().en,
            en.join(", ")
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::requirements::{CheckKind, Scope};

    #[test]
    fn every_declaration_requirement_has_an_evaluator() {
        let decl = Declaration {
            vendor: None,
            model: String::from("X"),
            kind: DeviceKind::LeakAlarm,
            claimed_tier: Tier::Low,
            use_case: None,
            price: None,
            installation_price: None,
            service: None,
            certificates: Vec::new(),
            standards: Vec::new(),
            identifiers: Vec::new(),
            capabilities: Default::default(),
        };
        let as_of = Date::new(2022, 6, 1).unwrap();
        for req in requirements::ALL
            .iter()
            .filter(|r| r.check == CheckKind::Declaration)
        {
            let kind = match req.scope {
                Scope::SelfClosingValve => DeviceKind::SelfClosingValve,
                _ => DeviceKind::LeakAlarm,
            };
            let d = Declaration {
                kind,
                ..decl.clone()
            };
            let found = alarm::evaluate(req.id, &d, as_of)
                .or_else(|| valve::evaluate(req.id, &d))
                .or_else(|| certificate::evaluate(req.id, &d, as_of));
            assert!(found.is_some(), "{} has no evaluator", req.id);
        }
    }
}
