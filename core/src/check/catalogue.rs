//! Catalogue clauses (安装方案 四（二）、（三）): CAT-1..CAT-6, libgasdev's integrity checks
//! INTEG-1..INTEG-4 (`integrity.rs`), price evidence PRICE-1 (`prices.rs`), plus every listed
//! product's own report.
//!
//! 四（二）: 「通过公开征集、集中比选的方式，选择资质齐全、质量可靠、售后完备、价格合理的燃气类可燃气体泄漏报警装置和
//! 安全自闭阀销售安装单位，及时向社会公布企业名称、资质等级、联系方式、产品型号、收费价格、服务内容等信息。供用户选择
//! 的销售安装单位原则上不少于3家，每家销售安装单位高中低档三档产品至少各1种。」
//!
//! A vendor is on the list on the as-of date unless it is removed and its removal has taken effect
//! (`Vendor::is_removed_on`): a removal dated in the future does not yet exclude it.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::companies::Companies;
use super::prices::{PriceGroup, PriceRules};
use super::{
    Counts, Finding, Message, ProductReport, Status, check_declaration, integrity, prices,
};
use crate::model::{Catalogue, CreditCode, Date, DeviceKind, RemovalReason, Tier, VendorStatus};

/// Minimum number of distinct listed companies (CAT-1: 原则上不少于3家; INT-5), also per device
/// kind (CAT-6, INT-11).
pub const MIN_VENDORS: usize = 3;

/// The device kinds the catalogue must offer (四（二）: 「燃气类可燃气体泄漏报警装置和安全自闭阀销售安装单位」).
pub const CATALOGUE_KINDS: [DeviceKind; 2] = [DeviceKind::LeakAlarm, DeviceKind::SelfClosingValve];

/// Per-entry summary: status and, for each kind it sells, which tiers a conformant product fills.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct VendorSummary {
    /// Company name.
    pub name: String,
    /// 统一社会信用代码, if given.
    pub credit_code: Option<CreditCode>,
    /// Listed or removed (as written).
    pub status: VendorStatus,
    /// Date the removal takes effect, if removed.
    pub removed_on: Option<Date>,
    /// Why it was removed, if removed.
    pub removal_reason: Option<RemovalReason>,
    /// Not on the list on the as-of date: excluded from CAT-1/2/6 and its products are not checked.
    pub excluded: bool,
    /// The distinct company (1-based, in order of first entry) this entry belongs to; `None` when
    /// excluded. Two entries with the same number are one company (INTEG-1).
    pub company: Option<usize>,
    /// Number of products.
    pub products: usize,
    /// Tiers filled by conformant leak alarms (INT-6).
    pub alarm_tiers: Vec<Tier>,
    /// Tiers filled by conformant self-closing valves (INT-6).
    pub valve_tiers: Vec<Tier>,
}

/// One cell of the kind × tier grid: the companies offering a conformant product there.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TierOffer {
    /// Tier.
    pub tier: Tier,
    /// Names of the distinct companies (first entry's name), in catalogue order.
    pub companies: Vec<String>,
}

/// What the catalogue offers users of one device kind (CAT-6).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct KindOffer {
    /// Device kind.
    pub kind: DeviceKind,
    /// Distinct listed companies with at least one conformant product of the kind.
    pub companies: usize,
    /// Low, mid, high.
    pub tiers: Vec<TierOffer>,
}

/// The report on a catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CatalogueReport {
    /// Catalogue title.
    pub name: String,
    /// No catalogue finding failed and every listed product is conformant.
    pub conformant: bool,
    /// Counts of the catalogue's own findings.
    pub counts: Counts,
    /// CAT-1..CAT-6, INTEG-1..INTEG-4, PRICE-1, in order.
    pub findings: Vec<Finding>,
    /// One summary per vendor entry, in catalogue order.
    pub vendors: Vec<VendorSummary>,
    /// Distinct listed companies.
    pub companies: usize,
    /// Per device kind, the companies filling each tier (CAT-6).
    pub kinds: Vec<KindOffer>,
    /// Product prices per kind × tier (PRICE-1).
    pub prices: Vec<PriceGroup>,
    /// Reports of the products of listed vendors, in catalogue order.
    pub products: Vec<ProductReport>,
}

/// Check a catalogue on the date `as_of`.
pub fn check_catalogue(cat: &Catalogue, as_of: Date) -> CatalogueReport {
    let companies = Companies::of(cat, as_of);
    let mut products = Vec::new();
    let mut vendors = Vec::new();
    let mut kinds: Vec<KindOffer> = CATALOGUE_KINDS
        .iter()
        .map(|&kind| KindOffer {
            kind,
            companies: 0,
            tiers: Tier::ALL
                .iter()
                .map(|&tier| TierOffer {
                    tier,
                    companies: Vec::new(),
                })
                .collect(),
        })
        .collect();
    // Per kind, the companies with a conformant product (by company number).
    let mut offering: Vec<Vec<usize>> = alloc::vec![Vec::new(); CATALOGUE_KINDS.len()];
    for (i, v) in cat.vendors.iter().enumerate() {
        let company = companies.company_of(i);
        let mut summary = VendorSummary {
            name: v.name.clone(),
            credit_code: v.credit_code,
            status: v.status,
            removed_on: v.removal.as_ref().map(|r| r.date),
            removal_reason: v.removal.as_ref().map(|r| r.reason),
            excluded: company.is_none(),
            company: company.map(|c| c.saturating_add(1)),
            products: v.products.len(),
            alarm_tiers: Vec::new(),
            valve_tiers: Vec::new(),
        };
        if let Some(c) = company {
            for p in &v.products {
                let mut decl = p.clone();
                if decl.vendor.is_none() {
                    decl.vendor = Some(v.name.clone());
                }
                let report = check_declaration(&decl, as_of);
                if report.conformant {
                    let tiers = match p.kind {
                        DeviceKind::LeakAlarm => &mut summary.alarm_tiers,
                        DeviceKind::SelfClosingValve => &mut summary.valve_tiers,
                    };
                    insert_tier(tiers, p.claimed_tier);
                    let k = CATALOGUE_KINDS.iter().position(|&k| k == p.kind);
                    let offer = k.and_then(|k| kinds.get_mut(k));
                    let cell =
                        offer.and_then(|o| o.tiers.iter_mut().find(|t| t.tier == p.claimed_tier));
                    let name = companies.list.get(c).map(|c| &c.name);
                    if let (Some(cell), Some(name)) = (cell, name)
                        && !cell.companies.contains(name)
                    {
                        cell.companies.push(name.clone());
                    }
                    if let Some(list) = k.and_then(|k| offering.get_mut(k))
                        && !list.contains(&c)
                    {
                        list.push(c);
                    }
                }
                products.push(report);
            }
        }
        vendors.push(summary);
    }
    for (offer, list) in kinds.iter_mut().zip(&offering) {
        offer.companies = list.len();
    }
    let rules = PriceRules::NANCHUAN_2022;
    let prices = prices::table(cat, &companies, rules);
    let mut findings = alloc::vec![
        cat1(cat, &companies),
        cat2(cat, &vendors),
        cat3(cat, &companies),
        cat4(cat, as_of),
        cat5(cat, &companies),
        cat6(&kinds),
    ];
    findings.extend(integrity::check(cat, &companies));
    findings.push(prices::price1(&prices, rules));
    let counts = Counts::of(&findings);
    CatalogueReport {
        name: cat.name.clone(),
        conformant: counts.fail == 0 && products.iter().all(|p| p.conformant),
        counts,
        findings,
        vendors,
        companies: companies.list.len(),
        kinds,
        prices,
        products,
    }
}

/// Insert `tier` into a tier-ordered list of at most three (an insertion, not a sort).
fn insert_tier(tiers: &mut Vec<Tier>, tier: Tier) {
    if !tiers.contains(&tier) {
        let at = tiers.iter().take_while(|t| **t < tier).count();
        tiers.insert(at, tier);
    }
}

fn finding(id: &'static str, status: Status, field: impl Into<String>, reason: Message) -> Finding {
    Finding {
        id,
        status,
        field: field.into(),
        reason,
    }
}

/// One finding for a clause: `fail` listing every problem (field of the first), else `pass`.
pub(crate) fn verdict(id: &'static str, problems: Vec<(String, Message)>, ok: Message) -> Finding {
    let Some((field, _)) = problems.first() else {
        return finding(id, Status::Pass, "vendors", ok);
    };
    let field = field.clone();
    let zh: Vec<&str> = problems.iter().map(|(_, m)| m.zh.as_str()).collect();
    let en: Vec<&str> = problems.iter().map(|(_, m)| m.en.as_str()).collect();
    finding(
        id,
        Status::Fail,
        field,
        Message::new(zh.join("；"), en.join("; ")),
    )
}

/// CAT-1: at least three distinct companies on the list (INT-5): companies, not entries.
fn cat1(cat: &Catalogue, companies: &Companies) -> Finding {
    let listed = companies.list.len();
    let entries = companies.of_entry.iter().filter(|c| c.is_some()).count();
    let removed = cat.vendors.len().saturating_sub(entries);
    let status = if listed >= MIN_VENDORS {
        Status::Pass
    } else {
        Status::Fail
    };
    finding(
        "CAT-1",
        status,
        "vendors",
        Message::new(
            format!(
                "在册销售安装单位 {listed} 家（{entries} 个条目按统一社会信用代码或企业名称合并；已移出 {removed} 个条目不计），要求不少于 {MIN_VENDORS} 家"
            ),
            format!(
                "{listed} distinct listed companies ({entries} entries merged by credit code or name; {removed} removed entries not counted); at least {MIN_VENDORS} required"
            ),
        ),
    )
}

/// CAT-2: each listed vendor fills low, mid and high for each kind it sells (INT-6).
fn cat2(cat: &Catalogue, vendors: &[VendorSummary]) -> Finding {
    let mut problems = Vec::new();
    for (i, (v, s)) in cat.vendors.iter().zip(vendors).enumerate() {
        if s.excluded {
            continue;
        }
        if v.products.is_empty() {
            problems.push((
                format!("vendors[{i}].products"),
                Message::new(
                    format!("“{}”未列出任何产品", v.name),
                    format!("\"{}\" lists no product", v.name),
                ),
            ));
            continue;
        }
        for (kind, filled) in [
            (DeviceKind::LeakAlarm, &s.alarm_tiers),
            (DeviceKind::SelfClosingValve, &s.valve_tiers),
        ] {
            if !v.products.iter().any(|p| p.kind == kind) {
                continue;
            }
            let missing: Vec<Tier> = Tier::ALL
                .into_iter()
                .filter(|t| !filled.contains(t))
                .collect();
            if !missing.is_empty() {
                let m = super::join(&missing, |t| t.text());
                let k = kind.text();
                problems.push((
                    format!("vendors[{i}].products"),
                    Message::new(
                        format!("“{}”的{}缺少符合要求的{}产品", v.name, k.zh, m.zh),
                        format!("\"{}\" has no conformant {} {} product", v.name, m.en, k.en),
                    ),
                ));
            }
        }
    }
    verdict(
        "CAT-2",
        problems,
        Message::new(
            "每家在册单位所售各类产品高、中、低档均有符合要求的产品",
            "every listed vendor offers a conformant low, mid and high product of each kind it sells",
        ),
    )
}

fn blank(s: Option<&str>) -> bool {
    s.is_none_or(|s| s.trim().is_empty())
}

/// CAT-3: a problem at `at.field` for each `(field, zh, en, missing)` that is missing: `whose`
/// (zh, en) does not publish it.
fn undisclosed(
    problems: &mut Vec<(String, Message)>,
    at: &str,
    whose: &(String, String),
    fields: [(&str, &str, &str, bool); 3],
) {
    for (field, zh, en, missing) in fields {
        if missing {
            problems.push((
                format!("{at}.{field}"),
                Message::new(
                    format!("{}未公布{zh}", whose.0),
                    format!("{} does not publish its {en}", whose.1),
                ),
            ));
        }
    }
}

/// CAT-3: disclosure of name, qualification grade, contact, model, price, service.
fn cat3(cat: &Catalogue, companies: &Companies) -> Finding {
    let mut problems = Vec::new();
    for (i, v) in cat.vendors.iter().enumerate() {
        if companies.company_of(i).is_none() {
            continue;
        }
        let vendor_fields = [
            ("name", "企业名称", "company name", v.name.trim().is_empty()),
            (
                "qualification_grade",
                "资质等级",
                "qualification grade",
                blank(v.qualification_grade.as_deref()),
            ),
            (
                "contact",
                "联系方式",
                "contact details",
                blank(v.contact.as_deref()),
            ),
        ];
        let whose = (format!("“{}”", v.name), format!("\"{}\"", v.name));
        undisclosed(
            &mut problems,
            &format!("vendors[{i}]"),
            &whose,
            vendor_fields,
        );
        for (j, p) in v.products.iter().enumerate() {
            let product_fields = [
                (
                    "model",
                    "产品型号",
                    "product model",
                    p.model.trim().is_empty(),
                ),
                ("price", "收费价格", "price", p.price.is_none()),
                (
                    "service",
                    "服务内容",
                    "service content",
                    blank(p.service.as_deref()),
                ),
            ];
            let whose = (
                format!("“{}”的产品“{}”", v.name, p.model),
                format!("\"{}\" product \"{}\"", v.name, p.model),
            );
            let at = format!("vendors[{i}].products[{j}]");
            undisclosed(&mut problems, &at, &whose, product_fields);
            if let Some(pv) = p.vendor.as_deref().filter(|pv| *pv != v.name) {
                problems.push((
                    format!("vendors[{i}].products[{j}].vendor"),
                    Message::new(
                        format!(
                            "产品“{}”声明的企业“{pv}”与所在企业“{}”不一致",
                            p.model, v.name
                        ),
                        format!(
                            "product \"{}\" names vendor \"{pv}\" but is listed under \"{}\"",
                            p.model, v.name
                        ),
                    ),
                ));
            }
        }
    }
    verdict(
        "CAT-3",
        problems,
        Message::new(
            "在册单位均公布了企业名称、资质等级、联系方式、产品型号、收费价格和服务内容",
            "every listed vendor publishes name, qualification grade, contact, model, price and service",
        ),
    )
}

/// CAT-4: removed vendors carry a removal record with an announcement; listed ones do not. A
/// removal dated after `as_of` is pending: the vendor still counts until that date.
fn cat4(cat: &Catalogue, as_of: Date) -> Finding {
    let mut removed = 0usize;
    let mut pending = Vec::new();
    let mut problems = Vec::new();
    for (i, v) in cat.vendors.iter().enumerate() {
        let problem = match (v.status, &v.removal) {
            (VendorStatus::Removed, None) => Some((
                format!("vendors[{i}].removal"),
                Message::new(
                    format!("“{}”已移出清单，但没有移出记录（日期、原因、公告）", v.name),
                    format!(
                        "\"{}\" is removed without a removal record (date, reason, announcement)",
                        v.name
                    ),
                ),
            )),
            (VendorStatus::Removed, Some(r)) if blank(r.announcement.as_deref()) => Some((
                format!("vendors[{i}].removal.announcement"),
                Message::new(
                    format!("“{}”移出清单未向社会公告", v.name),
                    format!("the removal of \"{}\" was not announced", v.name),
                ),
            )),
            (VendorStatus::Listed, Some(_)) => Some((
                format!("vendors[{i}].status"),
                Message::new(
                    format!("“{}”有移出记录，但状态仍为在册", v.name),
                    format!("\"{}\" has a removal record but is still listed", v.name),
                ),
            )),
            (VendorStatus::Removed, Some(r)) => {
                if r.date > as_of {
                    pending.push(format!("{}（{}）", v.name, r.date));
                } else {
                    removed = removed.saturating_add(1);
                }
                None
            }
            (VendorStatus::Listed, None) => None,
        };
        problems.extend(problem);
    }
    let (pzh, pen) = if pending.is_empty() {
        (String::new(), String::new())
    } else {
        (
            format!(
                "；{} 家将于移出日期生效后不再计入：{}",
                pending.len(),
                pending.join("、")
            ),
            format!(
                "; {} removal(s) not yet in effect, still counted until then: {}",
                pending.len(),
                pending.join(", ")
            ),
        )
    };
    verdict(
        "CAT-4",
        problems,
        Message::new(
            format!("已移出 {removed} 家，均有公告，且不计入 CAT-1、CAT-2、CAT-6{pzh}"),
            format!(
                "{removed} vendors removed, each announced and excluded from CAT-1, CAT-2 and CAT-6{pen}"
            ),
        ),
    )
}

/// CAT-5: which listed products are intelligent (informational, never a failure).
fn cat5(cat: &Catalogue, companies: &Companies) -> Finding {
    let listed = || {
        cat.vendors
            .iter()
            .enumerate()
            .filter(|(i, _)| companies.company_of(*i).is_some())
            .map(|(_, v)| v)
    };
    let total: usize = listed().map(|v| v.products.len()).sum();
    let smart: Vec<&str> = listed()
        .flat_map(|v| v.products.iter())
        .filter(|p| p.is_intelligent())
        .map(|p| p.model.as_str())
        .collect();
    let models = smart.join(", ");
    finding(
        "CAT-5",
        Status::Info,
        "vendors[].products[].capabilities.transmits",
        Message::new(
            format!(
                "在册产品 {total} 种，其中智能（具备数据传输）产品 {} 种：{models}",
                smart.len()
            ),
            format!(
                "{} of {total} listed products are intelligent (transmit data): {models}",
                smart.len()
            ),
        ),
    )
}

/// CAT-6: users can choose each device kind: at least three distinct listed companies offer a
/// conformant product of it (INT-11, the strict reading of INT-5 applied per kind).
fn cat6(kinds: &[KindOffer]) -> Finding {
    let mut problems = Vec::new();
    for offer in kinds {
        if offer.companies >= MIN_VENDORS {
            continue;
        }
        let k = offer.kind.text();
        let n = offer.companies;
        let (zh, en) = if n == 0 {
            (
                format!("没有在册企业提供符合要求的{}，用户无从选择", k.zh),
                format!(
                    "no listed company offers a conformant {}: users cannot choose one",
                    k.en
                ),
            )
        } else {
            (
                format!(
                    "提供符合要求的{}的在册企业仅 {n} 家，要求不少于 {MIN_VENDORS} 家",
                    k.zh
                ),
                format!(
                    "only {n} listed companies offer a conformant {}; at least {MIN_VENDORS} required",
                    k.en
                ),
            )
        };
        problems.push((
            String::from("vendors[].products[].kind"),
            Message::new(zh, en),
        ));
    }
    let summary: Vec<String> = kinds
        .iter()
        .map(|o| format!("{} {}", o.kind.text().zh, o.companies))
        .collect();
    let summary_en: Vec<String> = kinds
        .iter()
        .map(|o| format!("{} {}", o.kind.text().en, o.companies))
        .collect();
    verdict(
        "CAT-6",
        problems,
        Message::new(
            format!(
                "每类装置均有不少于 {MIN_VENDORS} 家在册企业提供符合要求的产品（{}）",
                summary.join("、")
            ),
            format!(
                "each device kind is offered by at least {MIN_VENDORS} listed companies ({})",
                summary_en.join(", ")
            ),
        ),
    )
}
