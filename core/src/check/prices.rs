//! Price reasonableness (PRICE-1): information for the committee, never a failure (INT-13).
//!
//! 安装方案 四（二） asks for vendors 「价格合理」, 四（三） removes those guilty of 「价格操纵」, and
//! 职责 gives 区发展改革委 the 「产品、安装价格的成本监测」. Neither sets a number, so this check only
//! lays out the evidence: per device kind × tier the count, median, minimum and maximum of the listed
//! product prices and each product's ratio to its median; a product whose price is above the rule
//! set's multiple of its median, or whose product or installation price is above the rule set's cap,
//! gets an `info` finding. Both numbers are **inferred** (rule set `nanchuan-2022` version 2,
//! [`PriceRules::NANCHUAN_2022`]), documented in `spec/interpretations.md` INT-13.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::companies::Companies;
use super::{Finding, Message, Status};
use crate::model::{Catalogue, DeviceKind, Price, Tier};

/// The inferred thresholds of PRICE-1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct PriceRules {
    /// A price above this percentage of its kind × tier median is noted (200: twice the median).
    pub above_median_percent: u64,
    /// A product or installation price above this is noted as implausible.
    pub cap: Price,
}

impl PriceRules {
    /// Rule set `nanchuan-2022` version 2: twice the median; 100 000 yuan (inferred, INT-13).
    pub const NANCHUAN_2022: PriceRules = PriceRules {
        above_median_percent: 200,
        cap: Price::from_fen(10_000_000), // 100 000.00 yuan
    };
}

/// One priced product of a kind × tier group.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PricedProduct {
    /// Vendor entry name.
    pub vendor: String,
    /// Model.
    pub model: String,
    /// Product price.
    pub price: Price,
    /// Installation price, if listed apart.
    pub installation_price: Option<Price>,
    /// The price as a percentage of the group's median (`None` when the median is 0).
    pub percent_of_median: Option<u64>,
    /// Above the rule set's multiple of the median or above its cap.
    pub noted: bool,
}

/// The prices of one device kind × tier.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PriceGroup {
    /// Device kind.
    pub kind: DeviceKind,
    /// Claimed tier.
    pub tier: Tier,
    /// Number of priced products.
    pub count: usize,
    /// Median product price (the mean of the two middle prices, rounded down to the fen, for an
    /// even count).
    pub median: Price,
    /// Lowest product price.
    pub min: Price,
    /// Highest product price.
    pub max: Price,
    /// The products, in catalogue order.
    pub products: Vec<PricedProduct>,
}

/// `values` in ascending order, by insertion (groups are small; no sort routine is linked into the
/// WebAssembly module for this).
fn ascending(mut values: Vec<u64>) -> Vec<u64> {
    for i in 1..values.len() {
        let mut j = i;
        while j > 0 && values.get(j - 1) > values.get(j) {
            values.swap(j - 1, j);
            j -= 1;
        }
    }
    values
}

/// The price table of the products of the vendors on the list, per kind × tier (groups in kind,
/// then tier order; only groups with a priced product).
pub(crate) fn table(cat: &Catalogue, companies: &Companies, rules: PriceRules) -> Vec<PriceGroup> {
    let mut groups = Vec::new();
    for kind in DeviceKind::ALL {
        for tier in Tier::ALL {
            let mut products = Vec::new();
            for (i, v) in cat.vendors.iter().enumerate() {
                if companies.company_of(i).is_none() {
                    continue;
                }
                for p in v
                    .products
                    .iter()
                    .filter(|p| p.kind == kind && p.claimed_tier == tier)
                {
                    let Some(price) = p.price else { continue };
                    products.push(PricedProduct {
                        vendor: v.name.clone(),
                        model: p.model.clone(),
                        price,
                        installation_price: p.installation_price,
                        percent_of_median: None,
                        noted: false,
                    });
                }
            }
            let n = products.len();
            if n == 0 {
                continue;
            }
            let sorted = ascending(products.iter().map(|p| p.price.fen()).collect());
            let at = |k: usize| sorted.get(k).copied().unwrap_or(0);
            let upper = at(n / 2);
            let median = if n % 2 == 1 {
                upper
            } else {
                let lower = at(n / 2 - 1);
                lower / 2 + upper / 2 + (lower % 2 + upper % 2) / 2
            };
            for p in &mut products {
                p.percent_of_median = p
                    .price
                    .fen()
                    .checked_mul(100)
                    .and_then(|x| x.checked_div(median));
                let above = p
                    .percent_of_median
                    .is_some_and(|r| r > rules.above_median_percent);
                let absurd =
                    p.price > rules.cap || p.installation_price.is_some_and(|i| i > rules.cap);
                p.noted = above || absurd;
            }
            groups.push(PriceGroup {
                kind,
                tier,
                count: n,
                median: Price::from_fen(median),
                min: Price::from_fen(at(0)),
                max: Price::from_fen(at(n - 1)),
                products,
            });
        }
    }
    groups
}

/// A percentage as a multiple with two decimals: 250 → "2.50".
fn times(percent: u64) -> String {
    format!("{}.{:02}", percent / 100, percent % 100)
}

/// PRICE-1: `info` naming every noted product, else `pass`.
pub(crate) fn price1(groups: &[PriceGroup], rules: PriceRules) -> Finding {
    let mut zh = Vec::new();
    let mut en = Vec::new();
    for g in groups {
        for p in g.products.iter().filter(|p| p.noted) {
            let ratio = p.percent_of_median.map_or_else(String::new, times);
            let (v, m, price, median) = (&p.vendor, &p.model, &p.price, &g.median);
            let (tier, kind) = (g.tier.text(), g.kind.text());
            let (t, k) = (tier.zh, kind.zh);
            zh.push(format!(
                "“{v}”{m}（{t}{k}）{price} 元，为中位数 {median} 元的 {ratio} 倍"
            ));
            let (t, k) = (tier.en, kind.en);
            en.push(format!(
                "\"{v}\" {m} ({t} {k}) {price} yuan, {ratio}x the median {median} yuan"
            ));
        }
    }
    let multiple = times(rules.above_median_percent);
    let limits = (
        format!(
            "超过同类同档中位数的 {multiple} 倍或单价超过 {} 元（推定阈值，INT-13）",
            rules.cap
        ),
        format!(
            "above {multiple}x the kind-and-tier median or above {} yuan (inferred thresholds, INT-13)",
            rules.cap
        ),
    );
    let (status, reason) = if zh.is_empty() {
        (
            Status::Pass,
            Message::new(
                format!("没有价格{}的产品", limits.0),
                format!("no product price is {}", limits.1),
            ),
        )
    } else {
        (
            Status::Info,
            Message::new(
                format!("供委员会核实价格合理性（{}）：{}", limits.0, zh.join("；")),
                format!(
                    "for the committee to review ({}): {}",
                    limits.1,
                    en.join("; ")
                ),
            ),
        )
    };
    Finding {
        id: "PRICE-1",
        status,
        field: String::from("vendors[].products[].price"),
        reason,
    }
}
