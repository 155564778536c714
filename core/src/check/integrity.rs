//! Catalogue integrity: libgasdev's own checks INTEG-1..INTEG-4 (not 附件3 clauses; INT-12). A
//! catalogue that names one company or one product twice cannot be used to choose or to inspect:
//! the inspection looks products up by model.
//!
//! - INTEG-1: each company is listed once (`companies.rs` says when two entries are one company).
//! - INTEG-2: a company lists a model once for a kind and tier (no duplicate entries).
//! - INTEG-3: a model is listed by one company only.
//! - INTEG-4: a model claims one kind and one tier.
//!
//! Models are compared after folding (`model::fold`). Only entries on the list on the as-of date
//! take part. Each problem names every place, up to [`MAX_PLACES`].

use alloc::collections::BTreeMap;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::catalogue::verdict;
use super::companies::Companies;
use super::{Finding, Message};
use crate::model::fold::fold_key;
use crate::model::{Catalogue, DeviceKind, Tier};

/// How many places a problem names before "… and N more".
const MAX_PLACES: usize = 6;

/// One product entry: where it is and what it claims.
#[derive(Clone, Copy)]
struct Place {
    entry: usize,
    product: usize,
    company: usize,
    kind: DeviceKind,
    tier: Tier,
}

impl Place {
    fn path(&self) -> String {
        format!("vendors[{}].products[{}]", self.entry, self.product)
    }
}

/// The places as "a、b" / "a, b", shortened after [`MAX_PLACES`].
fn places<'a>(items: impl Iterator<Item = &'a Place>) -> Message {
    let all: Vec<String> = items.map(Place::path).collect();
    let shown: Vec<&str> = all.iter().take(MAX_PLACES).map(String::as_str).collect();
    let more = all.len().saturating_sub(MAX_PLACES);
    let (zh_more, en_more) = if more > 0 {
        (
            format!(" 等共 {} 处", all.len()),
            format!(" and {more} more"),
        )
    } else {
        (String::new(), String::new())
    };
    Message::new(
        format!("{}{zh_more}", shown.join("、")),
        format!("{}{en_more}", shown.join(", ")),
    )
}

/// INTEG-1..INTEG-4, in order.
pub(crate) fn check(cat: &Catalogue, companies: &Companies) -> [Finding; 4] {
    [
        integ1(cat, companies),
        integ2(cat, companies),
        integ3(cat, companies),
        integ4(cat, companies),
    ]
}

fn integ1(cat: &Catalogue, companies: &Companies) -> Finding {
    let mut problems = Vec::new();
    for c in companies.list.iter().filter(|c| c.entries.len() > 1) {
        let names: Vec<String> = c
            .entries
            .iter()
            .filter_map(|&i| {
                cat.vendors
                    .get(i)
                    .map(|v| format!("vendors[{i}]“{}”", v.name))
            })
            .collect();
        let by = if c.code.is_some() {
            ("统一社会信用代码相同", "same credit code")
        } else {
            ("企业名称相同", "same name")
        };
        let second = c.entries.get(1).copied().unwrap_or_default();
        problems.push((
            format!("vendors[{second}]"),
            Message::new(
                format!(
                    "{} 是同一家企业（{}），只能计为 1 家",
                    names.join("、"),
                    by.0
                ),
                format!(
                    "{} are one company ({}) and count once",
                    names.join(", "),
                    by.1
                ),
            ),
        ));
    }
    verdict(
        "INTEG-1",
        problems,
        Message::new("每家企业只列出一次", "every company is listed once"),
    )
}

/// The product entries of the listed vendors, grouped by folded model (groups in model order,
/// places in catalogue order).
fn by_model(cat: &Catalogue, companies: &Companies) -> Vec<Vec<Place>> {
    let mut places = Vec::new();
    // The map type of `companies.rs`: one B-tree instantiation in the WebAssembly module.
    let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (entry, v) in cat.vendors.iter().enumerate() {
        let Some(company) = companies.company_of(entry) else {
            continue;
        };
        for (product, p) in v.products.iter().enumerate() {
            groups
                .entry(fold_key(&p.model))
                .or_default()
                .push(places.len());
            places.push(Place {
                entry,
                product,
                company,
                kind: p.kind,
                tier: p.claimed_tier,
            });
        }
    }
    groups
        .into_values()
        .map(|ix| ix.iter().filter_map(|&i| places.get(i).copied()).collect())
        .collect()
}

/// The model text of a place.
fn model_of<'a>(cat: &'a Catalogue, p: &Place) -> &'a str {
    cat.vendors
        .get(p.entry)
        .and_then(|v| v.products.get(p.product))
        .map_or("", |d| d.model.as_str())
}

/// For each model group, the problems `judge` finds, as one finding.
fn over_models(
    cat: &Catalogue,
    companies: &Companies,
    id: &'static str,
    ok: Message,
    judge: impl Fn(&str, &[Place]) -> Option<(String, Message)>,
) -> Finding {
    let mut problems = Vec::new();
    for group in by_model(cat, companies).iter().filter(|g| g.len() > 1) {
        let model = group.first().map_or("", |p| model_of(cat, p));
        problems.extend(judge(model, group));
    }
    verdict(id, problems, ok)
}

/// The places of `group` where a company repeats a (kind, tier) it already lists for the model
/// (`same == true`), or claims a (kind, tier) it did not claim before (`same == false`); each run
/// starts with the company's first place. Linear in the group (per company, a bit per claim).
fn within_company(group: &[Place], same: bool) -> Vec<Place> {
    struct Seen {
        company: usize,
        first: Place,
        claims: u32,
        shown: bool,
    }
    let mut seen: Vec<Seen> = Vec::new();
    let mut hits = Vec::new();
    for p in group {
        let bit = 1u32
            .checked_shl(
                (p.kind as u32)
                    .saturating_mul(3)
                    .saturating_add(p.tier as u32),
            )
            .unwrap_or(0);
        let Some(s) = seen.iter_mut().find(|s| s.company == p.company) else {
            seen.push(Seen {
                company: p.company,
                first: *p,
                claims: bit,
                shown: false,
            });
            continue;
        };
        let repeats = s.claims & bit != 0;
        s.claims |= bit;
        if repeats == same {
            if !s.shown {
                hits.push(s.first);
                s.shown = true;
            }
            hits.push(*p);
        }
    }
    hits
}

fn integ2(cat: &Catalogue, companies: &Companies) -> Finding {
    over_models(
        cat,
        companies,
        "INTEG-2",
        Message::new("没有重复的产品条目", "no product entry is repeated"),
        |model, group| {
            let hits = within_company(group, true);
            let first = hits.first()?;
            let at = places(hits.iter());
            Some((
                first.path(),
                Message::new(
                    format!("同一企业重复列出型号“{model}”（同类同档）：{}", at.zh),
                    format!(
                        "one company lists model \"{model}\" twice for the same kind and tier: {}",
                        at.en
                    ),
                ),
            ))
        },
    )
}

fn integ3(cat: &Catalogue, companies: &Companies) -> Finding {
    over_models(
        cat,
        companies,
        "INTEG-3",
        Message::new(
            "每个型号只由一家企业列出",
            "every model is listed by one company",
        ),
        |model, group| {
            let first = group.first()?;
            if group.iter().all(|p| p.company == first.company) {
                return None;
            }
            let names: Vec<&str> = {
                let mut seen: Vec<usize> = Vec::new();
                group
                    .iter()
                    .filter(|p| {
                        let new = !seen.contains(&p.company);
                        if new {
                            seen.push(p.company);
                        }
                        new
                    })
                    .filter_map(|p| companies.list.get(p.company).map(|c| c.name.as_str()))
                    .collect()
            };
            let at = places(group.iter());
            Some((
                group
                    .iter()
                    .find(|p| p.company != first.company)
                    .map_or_else(|| first.path(), Place::path),
                Message::new(
                    format!(
                        "型号“{model}”由多家企业列出（{}）：{}",
                        names.join("、"),
                        at.zh
                    ),
                    format!(
                        "model \"{model}\" is listed by several companies ({}): {}",
                        names.join(", "),
                        at.en
                    ),
                ),
            ))
        },
    )
}

fn integ4(cat: &Catalogue, companies: &Companies) -> Finding {
    over_models(
        cat,
        companies,
        "INTEG-4",
        Message::new(
            "每个型号只声明一个类别和档次",
            "every model claims one kind and one tier",
        ),
        |model, group| {
            let hits = within_company(group, false);
            let first = hits.first()?;
            let claims: Vec<String> = hits
                .iter()
                .map(|p| format!("{}/{}", p.kind.text().zh, p.tier.text().zh))
                .collect();
            let claims_en: Vec<String> = hits
                .iter()
                .map(|p| format!("{} {}", p.tier.text().en, p.kind.text().en))
                .collect();
            let at = places(hits.iter());
            Some((
                hits.get(1).map_or_else(|| first.path(), Place::path),
                Message::new(
                    format!(
                        "型号“{model}”声明了多个类别或档次（{}）：{}",
                        claims.join("、"),
                        at.zh
                    ),
                    format!(
                        "model \"{model}\" claims several kinds or tiers ({}): {}",
                        claims_en.join(", "),
                        at.en
                    ),
                ),
            ))
        },
    )
}
