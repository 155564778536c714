//! Self-closing valve clauses (附件3 二): VLV-0a..VLV-4b.

use alloc::format;

use super::{Message, Outcome, capability, standards};
use crate::Text;
use crate::model::{DataItem, Declaration, DeviceKind, PipeTrigger};

/// Evaluate valve clause `id`, or `None` if `id` is not a valve clause.
pub(crate) fn evaluate(id: &'static str, decl: &Declaration) -> Option<Outcome> {
    if decl.kind != DeviceKind::SelfClosingValve {
        return None;
    }
    Some(match id {
        "VLV-0a" => auto_close(
            decl,
            PipeTrigger::OverPressure,
            Text::new("超压", "over-pressure"),
        ),
        "VLV-0b" => auto_close(
            decl,
            PipeTrigger::UnderPressure,
            Text::new("欠压", "under-pressure"),
        ),
        "VLV-0c" => auto_close(decl, PipeTrigger::OverFlow, Text::new("过流", "over-flow")),
        "VLV-0d" => closes_without_power(decl),
        "VLV-0e" => manual_reopen_only(decl),
        "VLV-1" => standards::claimed(decl, id),
        "VLV-2a" => capability::identifier_on_carrier(decl, false),
        "VLV-2b" => capability::identifier_on_carrier(decl, true),
        "VLV-3" => capability::collects(
            decl,
            DataItem::ValveState,
            Text::new("阀门开、闭状态", "its open/closed state"),
        ),
        "VLV-4a" => capability::transmits(decl),
        "VLV-4b" => capability::notifies(decl),
        _ => return None,
    })
}

/// VLV-0a/0b/0c.
fn auto_close(decl: &Declaration, trigger: PipeTrigger, what: Text) -> Outcome {
    let (zh, en) = (what.zh, what.en);
    Outcome::declared(
        decl.capabilities.auto_close_on.contains(&trigger),
        "capabilities.auto_close_on",
        Message::new(
            format!("具有{zh}自动关闭功能"),
            format!("closes automatically on {en}"),
        ),
        Message::new(
            format!("未声明{zh}自动关闭功能"),
            format!("does not declare closing automatically on {en}"),
        ),
    )
}

/// VLV-0d (INT-7: an absent answer is "not declared").
fn closes_without_power(decl: &Declaration) -> Outcome {
    const F: &str = "capabilities.closes_without_power";
    match decl.capabilities.closes_without_power {
        Some(true) => Outcome::pass(
            F,
            Message::new("关闭时不借助外部动力", "closes without external power"),
        ),
        Some(false) => Outcome::fail(
            F,
            Message::new("关闭需要外部动力", "needs external power to close"),
        ),
        None => Outcome::fail(
            F,
            Message::new(
                "未声明关闭是否借助外部动力",
                "does not declare whether closing needs power",
            ),
        ),
    }
}

/// VLV-0e: reopened only by hand; never remotely or automatically (INT-7).
fn manual_reopen_only(decl: &Declaration) -> Outcome {
    let caps = &decl.capabilities;
    if caps.remote_open == Some(true) {
        return Outcome::fail(
            "capabilities.remote_open",
            Message::new(
                "可远程或自动重新开启，违反“关闭后须手动开启”",
                "can be reopened remotely or automatically",
            ),
        );
    }
    match caps.manual_reset {
        Some(true) => Outcome::pass(
            "capabilities.manual_reset",
            Message::new("关闭后须手动开启", "once closed, reopens only by hand"),
        ),
        Some(false) => Outcome::fail(
            "capabilities.manual_reset",
            Message::new(
                "关闭后无需手动开启",
                "does not require opening by hand after closing",
            ),
        ),
        None => Outcome::fail(
            "capabilities.manual_reset",
            Message::new(
                "未声明关闭后是否须手动开启",
                "does not declare that it reopens only by hand",
            ),
        ),
    }
}
