//! Catalogue clauses (安装方案 四（二）、（三）): CAT-1..CAT-5, plus every listed product's report.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::{Counts, Finding, Message, ProductReport, Status, check_declaration};
use crate::model::{Catalogue, Date, DeviceKind, Tier, Vendor, VendorStatus};

/// Minimum number of listed vendors (CAT-1: 原则上不少于3家; INT-5).
pub const MIN_VENDORS: usize = 3;

/// Per-vendor summary: status and, for each kind it sells, which tiers a conformant product fills.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct VendorSummary {
    /// Company name.
    pub name: String,
    /// Listed or removed.
    pub status: VendorStatus,
    /// Removed vendors are excluded from CAT-1/CAT-2 and their products are not checked.
    pub excluded: bool,
    /// Number of products.
    pub products: usize,
    /// Tiers filled by conformant leak alarms (INT-6).
    pub alarm_tiers: Vec<Tier>,
    /// Tiers filled by conformant self-closing valves (INT-6).
    pub valve_tiers: Vec<Tier>,
}

/// The report on a catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CatalogueReport {
    /// Catalogue title.
    pub name: String,
    /// No catalogue finding failed and every listed product is conformant.
    pub conformant: bool,
    /// Counts of the catalogue's own findings.
    pub counts: Counts,
    /// CAT-1..CAT-5, in order.
    pub findings: Vec<Finding>,
    /// One summary per vendor, in catalogue order.
    pub vendors: Vec<VendorSummary>,
    /// Reports of the products of listed vendors, in catalogue order.
    pub products: Vec<ProductReport>,
}

/// Check a catalogue on the date `as_of`.
pub fn check_catalogue(cat: &Catalogue, as_of: Date) -> CatalogueReport {
    let mut products = Vec::new();
    let mut vendors = Vec::new();
    for v in &cat.vendors {
        let excluded = v.status == VendorStatus::Removed;
        let mut summary = VendorSummary {
            name: v.name.clone(),
            status: v.status,
            excluded,
            products: v.products.len(),
            alarm_tiers: Vec::new(),
            valve_tiers: Vec::new(),
        };
        if !excluded {
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
                    if !tiers.contains(&p.claimed_tier) {
                        // Kept in tier order (at most three: an insertion, not a sort).
                        let at = tiers.iter().take_while(|t| **t < p.claimed_tier).count();
                        tiers.insert(at, p.claimed_tier);
                    }
                }
                products.push(report);
            }
        }
        vendors.push(summary);
    }
    let findings = alloc::vec![
        cat1(&vendors),
        cat2(cat, &vendors),
        cat3(cat),
        cat4(cat),
        cat5(cat),
    ];
    let counts = Counts::of(&findings);
    CatalogueReport {
        name: cat.name.clone(),
        conformant: counts.fail == 0 && products.iter().all(|p| p.conformant),
        counts,
        findings,
        vendors,
        products,
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
fn verdict(id: &'static str, problems: Vec<(String, Message)>, ok: Message) -> Finding {
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

/// CAT-1: at least three listed vendors (INT-5).
fn cat1(vendors: &[VendorSummary]) -> Finding {
    let listed = vendors.iter().filter(|v| !v.excluded).count();
    let removed = vendors.len().saturating_sub(listed);
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
                "在册销售安装单位 {listed} 家（已移出 {removed} 家不计），要求不少于 {MIN_VENDORS} 家"
            ),
            format!(
                "{listed} listed vendors ({removed} removed, not counted); at least {MIN_VENDORS} required"
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

/// CAT-3: disclosure of name, qualification grade, contact, model, price, service.
fn cat3(cat: &Catalogue) -> Finding {
    let mut problems = Vec::new();
    for (i, v) in cat.vendors.iter().enumerate() {
        if v.status == VendorStatus::Removed {
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
        for (field, zh, en, missing) in vendor_fields {
            if missing {
                problems.push((
                    format!("vendors[{i}].{field}"),
                    Message::new(
                        format!("“{}”未公布{zh}", v.name),
                        format!("\"{}\" does not publish its {en}", v.name),
                    ),
                ));
            }
        }
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
            for (field, zh, en, missing) in product_fields {
                if missing {
                    problems.push((
                        format!("vendors[{i}].products[{j}].{field}"),
                        Message::new(
                            format!("“{}”的产品“{}”未公布{zh}", v.name, p.model),
                            format!(
                                "\"{}\" product \"{}\" does not publish its {en}",
                                v.name, p.model
                            ),
                        ),
                    ));
                }
            }
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

/// CAT-4: removed vendors carry a removal record with an announcement; listed ones do not.
fn cat4(cat: &Catalogue) -> Finding {
    let mut removed = 0usize;
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
            (VendorStatus::Removed, Some(_)) => {
                removed = removed.saturating_add(1);
                None
            }
            (VendorStatus::Listed, None) => None,
        };
        problems.extend(problem);
    }
    verdict(
        "CAT-4",
        problems,
        Message::new(
            format!("已移出 {removed} 家，均有公告，且不计入 CAT-1、CAT-2"),
            format!("{removed} vendors removed, each announced and excluded from CAT-1 and CAT-2"),
        ),
    )
}

/// CAT-5: which listed products are intelligent (informational, never a failure).
fn cat5(cat: &Catalogue) -> Finding {
    let listed = || {
        cat.vendors
            .iter()
            .filter(|v: &&Vendor| v.status == VendorStatus::Listed)
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
