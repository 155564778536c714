//! Gas leak alarm clauses (附件3 一): ALM-1a..ALM-7b.

use alloc::format;

use super::{Message, Outcome, capability, certificate, join, standards};
use crate::Text;
use crate::model::{CertKind, DataItem, Date, Declaration, DeviceKind, Gas, UseCase};

/// Evaluate alarm clause `id`, or `None` if `id` is not an alarm clause.
pub(crate) fn evaluate(id: &'static str, decl: &Declaration, as_of: Date) -> Option<Outcome> {
    if decl.kind != DeviceKind::LeakAlarm {
        return None;
    }
    Some(match id {
        "ALM-1a" => certificate::held(decl, CertKind::PatternApproval, as_of),
        "ALM-1b" => certificate::held(decl, CertKind::ExplosionProof, as_of),
        "ALM-1c" => certificate::held(decl, CertKind::FireProduct, as_of),
        "ALM-2a" => gb15322(decl),
        "ALM-2b" => standards::claimed(decl, id),
        "ALM-2c" => standards::claimed(decl, id),
        "ALM-3a" => detects(decl, Gas::Methane),
        "ALM-3b" => detects(decl, Gas::CarbonMonoxide),
        "ALM-4" => interlock(decl),
        "ALM-5a" => capability::identifier_on_carrier(decl, false),
        "ALM-5b" => capability::identifier_on_carrier(decl, true),
        "ALM-6a" => capability::collects(
            decl,
            DataItem::RunningStatus,
            Text::new("运行状态", "its running status"),
        ),
        // INT-1: every tier; a low-tier alarm without a valve reports "not connected".
        "ALM-6b" => capability::collects(
            decl,
            DataItem::ValveState,
            Text::new("切断阀开闭状态", "the cut-off valve state"),
        ),
        "ALM-6c" => capability::collects(
            decl,
            DataItem::Concentration,
            Text::new("泄漏气体浓度", "the gas concentration"),
        ),
        "ALM-7a" => capability::transmits(decl),
        "ALM-7b" => capability::notifies(decl),
        _ => return None,
    })
}

/// ALM-3a / ALM-3b.
fn detects(decl: &Declaration, gas: Gas) -> Outcome {
    let (zh, en) = (gas.text().zh, gas.text().en);
    Outcome::declared(
        decl.capabilities.detects.contains(&gas),
        "capabilities.detects",
        Message::new(
            format!("具备{zh}浓度检测功能"),
            format!("detects {en} concentration"),
        ),
        Message::new(
            format!("未声明{zh}浓度检测功能"),
            format!("does not declare {en} detection"),
        ),
    )
}

/// ALM-4: wired or wireless interlock with a cut-off device.
fn interlock(decl: &Declaration) -> Outcome {
    let links = &decl.capabilities.interlock;
    if links.is_empty() {
        return Outcome::fail(
            "capabilities.interlock",
            Message::new(
                "未声明有线或无线连锁切断功能",
                "declares no wired or wireless interlock",
            ),
        );
    }
    let list = join(links, |l| match l {
        crate::model::InterlockLink::Wired => Text::new("有线", "wired"),
        crate::model::InterlockLink::Wireless => Text::new("无线", "wireless"),
    });
    Outcome::pass(
        "capabilities.interlock",
        Message::new(
            format!("具备{}连锁切断功能", list.zh),
            format!("{} interlock with a cut-off device", list.en),
        ),
    )
}

/// ALM-2a: GB 15322.1 or .2, whichever fits the declared use (INT-2 when the use is not declared).
fn gb15322(decl: &Declaration) -> Outcome {
    let has1 = standards::lists(decl, "GB 15322.1");
    let has2 = standards::lists(decl, "GB 15322.2");
    let (needed, other) = match decl.use_case {
        Some(UseCase::Household) => (has2.then_some("GB 15322.2"), "GB 15322.2"),
        Some(UseCase::IndustrialCommercial) => (has1.then_some("GB 15322.1"), "GB 15322.1"),
        None => {
            return if has1 || has2 {
                Outcome::evidence(
                    "use_case",
                    Message::new(
                        "声明了 GB 15322，但未写明用途（家用或工业及商业用），无法判断适用部分",
                        "lists GB 15322 but not the use (household or industrial/commercial) that selects the part",
                    ),
                )
            } else {
                Outcome::fail(
                    "standards",
                    Message::new(
                        "未声明符合 GB 15322.1 或 GB 15322.2",
                        "lists neither GB 15322.1 nor GB 15322.2",
                    ),
                )
            };
        }
    };
    match needed {
        Some(std) => Outcome::pass(
            "standards",
            Message::new(
                format!("按用途符合 {std}"),
                format!("conforms to {std}, which fits its use"),
            ),
        ),
        None => Outcome::fail(
            "standards",
            Message::new(
                format!("按声明的用途应符合 {other}，但未声明"),
                format!("its declared use calls for {other}, which is not listed"),
            ),
        ),
    }
}
