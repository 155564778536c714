//! Certificates: ALM-1a/1b/1c (a certificate of the required kind is held) and the libgasdev
//! sanity checks CERT-1..CERT-3 (INT-4).

use alloc::format;
use alloc::string::String;

use super::{Message, Outcome, Status};
use crate::model::{CertKind, Certificate, Date, Declaration};

/// Evaluate certificate clause `id`, or `None` if it is not one.
pub(crate) fn evaluate(id: &'static str, decl: &Declaration, as_of: Date) -> Option<Outcome> {
    Some(match id {
        "CERT-1" => numbers_present(decl),
        "CERT-2" => validity_ordered(decl),
        "CERT-3" => valid_on(decl, as_of),
        _ => return None,
    })
}

fn has_number(c: &Certificate) -> bool {
    c.number.as_deref().is_some_and(|n| !n.trim().is_empty())
}

fn label(c: &Certificate) -> (String, String) {
    let kind = c.kind.text();
    match c.number.as_deref().filter(|n| !n.trim().is_empty()) {
        Some(n) => (format!("{}（{n}）", kind.zh), format!("{} ({n})", kind.en)),
        None => (String::from(kind.zh), String::from(kind.en)),
    }
}

/// Whether `c` is valid on `as_of`: `Some(true)`/`Some(false)`, `None` if dates are missing.
fn validity(c: &Certificate, as_of: Date) -> Option<bool> {
    let until = c.valid_until?;
    let started = c.valid_from.is_none_or(|from| from <= as_of);
    Some(started && as_of <= until)
}

/// ALM-1a/1b/1c: the best certificate of `kind` decides.
pub(crate) fn held(decl: &Declaration, kind: CertKind, as_of: Date) -> Outcome {
    let k = kind.text();
    let mut best: Option<(Status, usize)> = None;
    for (i, c) in decl
        .certificates
        .iter()
        .enumerate()
        .filter(|(_, c)| c.kind == kind)
    {
        let status = match (has_number(c), validity(c, as_of)) {
            (false, _) | (_, Some(false)) => Status::Fail,
            (true, None) => Status::NeedsEvidence,
            (true, Some(true)) => Status::Pass,
        };
        let rank = |s: Status| match s {
            Status::Pass => 2,
            Status::NeedsEvidence => 1,
            _ => 0,
        };
        if best.is_none_or(|(b, _)| rank(status) > rank(b)) {
            best = Some((status, i));
        }
    }
    let Some((status, i)) = best else {
        return Outcome::fail(
            "certificates",
            Message::new(format!("未取得《{}》", k.zh), format!("holds no {}", k.en)),
        );
    };
    let field = format!("certificates[{i}]");
    let c = decl.certificates.get(i);
    let (zh, en) = c.map(label).unwrap_or_default();
    match status {
        Status::Pass => Outcome::pass(
            field,
            Message::new(format!("持有有效的{zh}"), format!("holds a valid {en}")),
        ),
        Status::NeedsEvidence => Outcome::evidence(
            field,
            Message::new(
                format!("{zh}未写明有效期，需核验原件"),
                format!("{en} has no validity dates: check the original"),
            ),
        ),
        _ if c.is_some_and(|c| !has_number(c)) => Outcome::fail(
            format!("{field}.number"),
            Message::new(format!("{zh}缺少证书编号"), format!("{en} has no number")),
        ),
        _ => Outcome::fail(
            format!("{field}.valid_until"),
            Message::new(
                format!("{zh}在核查日期 {as_of} 不在有效期内"),
                format!("{en} is not valid on the as-of date {as_of}"),
            ),
        ),
    }
}

/// CERT-1: every listed certificate has a number.
fn numbers_present(decl: &Declaration) -> Outcome {
    if decl.certificates.is_empty() {
        return none_listed();
    }
    match decl.certificates.iter().position(|c| !has_number(c)) {
        Some(i) => {
            let kind = decl
                .certificates
                .get(i)
                .map(|c| c.kind.text())
                .unwrap_or(CertKind::Other.text());
            Outcome::fail(
                format!("certificates[{i}].number"),
                Message::new(
                    format!("{}缺少证书编号", kind.zh),
                    format!("{} has no number", kind.en),
                ),
            )
        }
        None => Outcome::pass(
            "certificates",
            Message::new("所列证书均有编号", "every certificate has a number"),
        ),
    }
}

/// CERT-2: no validity period starts after it ends.
fn validity_ordered(decl: &Declaration) -> Outcome {
    if decl.certificates.is_empty() {
        return none_listed();
    }
    let bad = decl.certificates.iter().enumerate().find_map(|(i, c)| {
        match (c.valid_from, c.valid_until) {
            (Some(from), Some(until)) if from > until => Some((i, c, from, until)),
            _ => None,
        }
    });
    match bad {
        Some((i, c, from, until)) => {
            let (zh, en) = label(c);
            Outcome::fail(
                format!("certificates[{i}].valid_from"),
                Message::new(
                    format!("{zh}有效期起始日 {from} 晚于截止日 {until}"),
                    format!("{en} validity starts {from}, after it ends {until}"),
                ),
            )
        }
        None => Outcome::pass(
            "certificates",
            Message::new("证书有效期起止顺序正确", "validity periods are in order"),
        ),
    }
}

/// The certificate kinds a clause of the product's kind asks for (ALM-1a/1b/1c: 附件3 一.1
/// 「应取得」); valves have none.
fn needed(decl: &Declaration) -> &'static [CertKind] {
    match decl.kind {
        crate::model::DeviceKind::LeakAlarm => &[
            CertKind::PatternApproval,
            CertKind::ExplosionProof,
            CertKind::FireProduct,
        ],
        crate::model::DeviceKind::SelfClosingValve => &[],
    }
}

/// CERT-3 (INT-4, version 2): a listed certificate that is not valid on `as_of` fails only when it
/// leaves a kind a clause needs without a valid certificate. One renewed by a valid certificate of
/// the same kind, or of a kind no clause needs, is `info`. Missing dates need evidence. CERT-3
/// never decides the achieved tier (libgasdev's own check, not a 附件3 clause).
fn valid_on(decl: &Declaration, as_of: Date) -> Outcome {
    if decl.certificates.is_empty() {
        return none_listed();
    }
    let renewal = |kind: CertKind| {
        decl.certificates
            .iter()
            .enumerate()
            .find(|(_, c)| c.kind == kind && has_number(c) && validity(c, as_of) == Some(true))
    };
    let mut undated = None;
    let mut noted: Option<Outcome> = None;
    for (i, c) in decl.certificates.iter().enumerate() {
        match validity(c, as_of) {
            Some(false) => {
                let (zh, en) = label(c);
                let expired = c.valid_until.is_some_and(|u| u < as_of);
                let (szh, sen) = if expired {
                    ("已过期", "has expired")
                } else {
                    ("尚未生效", "is not yet valid")
                };
                let field = format!("certificates[{i}]");
                if let Some((j, r)) = renewal(c.kind) {
                    let (rzh, ren) = label(r);
                    noted.get_or_insert(Outcome::new(
                        Status::Info,
                        field,
                        Message::new(
                            format!("{zh}在 {as_of} {szh}；已由 certificates[{j}] {rzh}接续，不影响结论"),
                            format!("{en} {sen} on {as_of}; renewed by certificates[{j}] {ren}, no effect on the verdict"),
                        ),
                    ));
                } else if !needed(decl).contains(&c.kind) {
                    noted.get_or_insert(Outcome::new(
                        Status::Info,
                        field,
                        Message::new(
                            format!("{zh}在 {as_of} {szh}；任何条款均不要求此证书，不影响结论"),
                            format!("{en} {sen} on {as_of}; not needed by any clause, no effect on the verdict"),
                        ),
                    ));
                } else {
                    return Outcome::fail(
                        field,
                        Message::new(
                            format!("{zh}在 {as_of} {szh}，且没有同类有效证书"),
                            format!(
                                "{en} {sen} on {as_of} and no valid certificate of its kind is listed"
                            ),
                        ),
                    );
                }
            }
            None if undated.is_none() => undated = Some(i),
            _ => {}
        }
    }
    if let Some(i) = undated {
        return Outcome::evidence(
            format!("certificates[{i}].valid_until"),
            Message::new(
                "有证书未写明有效期",
                "a certificate has no validity end date",
            ),
        );
    }
    noted.unwrap_or_else(|| {
        Outcome::pass(
            "certificates",
            Message::new(
                format!("所列证书在 {as_of} 均有效"),
                format!("every certificate is valid on {as_of}"),
            ),
        )
    })
}

fn none_listed() -> Outcome {
    Outcome::new(
        Status::NotApplicable,
        "certificates",
        Message::new("未列出证书", "no certificates listed"),
    )
}
