//! The requirement table: every checkable clause with its stable id.
//!
//! `spec/requirements.json` is the single source of truth: `core/build.rs` generates the table
//! ([`ALL`], [`RULESET`], [`RULESET_VERSION`]) from it at build time. Ids are the contract: the
//! reports, vectors, bindings and CLI all name requirements by them.

use crate::model::{DeviceKind, Tier};
use crate::text::Text;

/// What a requirement applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Scope {
    /// A leak alarm declaration (附件3 一).
    LeakAlarm,
    /// A self-closing valve declaration (附件3 二).
    SelfClosingValve,
    /// Every product declaration (certificate sanity).
    AnyProduct,
    /// A whole catalogue.
    Catalogue,
    /// A user profile or inspection record.
    Installation,
    /// Platforms and signals.
    Platform,
}

impl Scope {
    /// The JSON name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Scope::LeakAlarm => "leak_alarm",
            Scope::SelfClosingValve => "self_closing_valve",
            Scope::AnyProduct => "any_product",
            Scope::Catalogue => "catalogue",
            Scope::Installation => "installation",
            Scope::Platform => "platform",
        }
    }

    /// Whether a product of `kind` is checked against requirements of this scope.
    pub const fn covers(self, kind: DeviceKind) -> bool {
        matches!(
            (self, kind),
            (Scope::AnyProduct, _)
                | (Scope::LeakAlarm, DeviceKind::LeakAlarm)
                | (Scope::SelfClosingValve, DeviceKind::SelfClosingValve)
        )
    }
}

/// How a requirement is evaluated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum CheckKind {
    /// Against a product declaration.
    Declaration,
    /// Against a whole catalogue.
    Catalogue,
    /// Against a user profile or inspection record.
    Installation,
    /// Reported, never failed.
    Informational,
}

impl CheckKind {
    /// The JSON name.
    pub const fn as_str(self) -> &'static str {
        match self {
            CheckKind::Declaration => "declaration",
            CheckKind::Catalogue => "catalogue",
            CheckKind::Installation => "installation",
            CheckKind::Informational => "informational",
        }
    }
}

/// A set of tiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct TierSet(u8);

impl TierSet {
    /// No tier (requirements that are not tiered).
    pub const EMPTY: TierSet = TierSet(0);

    /// This set plus `tier`.
    pub const fn with(self, tier: Tier) -> TierSet {
        TierSet(self.0 | tier.bit())
    }

    /// Whether `tier` is in the set.
    pub const fn contains(self, tier: Tier) -> bool {
        self.0 & tier.bit() != 0
    }

    /// The tiers in the set, lowest first.
    pub fn iter(self) -> impl Iterator<Item = Tier> {
        Tier::ALL.into_iter().filter(move |t| self.contains(*t))
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for TierSet {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

/// One checkable clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Requirement {
    /// Stable id, e.g. `ALM-3b`.
    pub id: &'static str,
    /// What it applies to.
    pub scope: Scope,
    /// Where it comes from (`附件3 一.3`).
    pub clause: &'static str,
    /// Tiers it applies to (empty for untiered requirements).
    pub tiers: TierSet,
    /// How it is evaluated.
    pub check: CheckKind,
    /// The clause rendered for this id in Chinese and English. The Chinese rendering attributes
    /// nothing to the plan that [`Requirement::source_text`] does not say.
    pub text: Text,
    /// The exact sentence(s) of the plan this requirement derives from (parts joined by `……`),
    /// each a verbatim substring of `spec/sources/nanchuan-2022.txt` (whitespace ignored);
    /// `None` for libgasdev's own checks (CERT-*, INTEG-*, PRICE-*).
    pub source_text: Option<&'static str>,
    /// Standard numbers that satisfy it, when it asks for conformance to a standard.
    pub standards: &'static [&'static str],
    /// The id of the interpretation in `spec/interpretations.md` that applies, if any.
    pub interpretation: Option<&'static str>,
}

impl Requirement {
    /// Whether this requirement applies to a product of `kind` claimed at `tier`.
    pub const fn applies_to(&self, kind: DeviceKind, tier: Tier) -> bool {
        self.scope.covers(kind) && self.tiers.contains(tier)
    }
}

/// Look a requirement up by id.
pub fn by_id(id: &str) -> Option<&'static Requirement> {
    ALL.iter().find(|r| r.id == id)
}

/// The requirements that apply to a product of `kind` at `tier`, in table order.
pub fn for_product(kind: DeviceKind, tier: Tier) -> impl Iterator<Item = &'static Requirement> {
    ALL.iter().filter(move |r| r.applies_to(kind, tier))
}

/// The requirements a product of `kind` is evaluated against at any tier, in table order.
pub fn for_kind(kind: DeviceKind) -> impl Iterator<Item = &'static Requirement> {
    ALL.iter().filter(move |r| r.scope.covers(kind))
}

/// The one filter of the table (the CLI's `--kind`/`--tier`, the C and JavaScript
/// `requirements` calls): all of them; those a product of `kind` is evaluated against at any
/// tier; or those that apply to `kind` at `tier`. A tier without a kind selects by tier alone.
pub fn select(
    kind: Option<DeviceKind>,
    tier: Option<Tier>,
) -> impl Iterator<Item = &'static Requirement> {
    ALL.iter().filter(move |r| match (kind, tier) {
        (Some(k), Some(t)) => r.applies_to(k, t),
        (Some(k), None) => r.scope.covers(k),
        (None, Some(t)) => r.tiers.contains(t),
        (None, None) => true,
    })
}

// `RULESET`, `RULESET_VERSION` and `ALL` (every requirement, in the order of
// `spec/requirements.json`): generated by `core/build.rs` from that file.
include!(concat!(env!("OUT_DIR"), "/requirements_table.rs"));
