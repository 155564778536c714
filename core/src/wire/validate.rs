//! A decoded frame against the product's declaration: "a frame that reports something the
//! declared product cannot do" (`spec/frame.md` §10, [FRAME-100..112]). Needs `alloc`.
//!
//! Each finding cites the programme clause it concerns (附件3: ALM-*, VLV-*; PLT-3 for identity
//! facts that contradict the declaration) and the frame rule that found it.

use alloc::vec::Vec;

use super::repr::{Capability, Command, Event, FrameRepr, Identity, Message, Snapshot};
use crate::Text;
use crate::model::{
    DataItem, Declaration, DeviceKind, Gas, PipeTrigger, Reading, Tier, TripReason, ValveState,
};

/// One contradiction between a frame and the declaration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FrameFinding {
    /// The programme clause concerned (`ALM-3b`, `ALM-4`, `VLV-0e`, …).
    pub clause: &'static str,
    /// The frame rule that found it (`FRAME-1nn`).
    pub rule: &'static str,
    /// What is wrong, in Chinese and English.
    pub text: Text,
}

struct Findings(Vec<FrameFinding>);

impl Findings {
    fn push(
        &mut self,
        clause: &'static str,
        rule: &'static str,
        zh: &'static str,
        en: &'static str,
    ) {
        let f = FrameFinding {
            clause,
            rule,
            text: Text::new(zh, en),
        };
        if !self.0.contains(&f) {
            self.0.push(f);
        }
    }
}

/// Check a decoded frame against the product's declaration. An empty list means the frame
/// reports nothing the declared product cannot do.
pub fn validate(frame: &FrameRepr<'_>, decl: &Declaration) -> Vec<FrameFinding> {
    let mut f = Findings(Vec::new());
    match &frame.message {
        Message::Status(s) => {
            check_kind(&mut f, s.kind, decl);
            check_snapshot(&mut f, &s.snapshot, decl);
        }
        Message::Event(e) => {
            check_snapshot(&mut f, &e.snapshot, decl);
            check_event(&mut f, &e.event, decl);
        }
        Message::Identity(i) => check_identity(&mut f, i, decl),
        Message::Command(c) => {
            // [FRAME-108] ALM-4: only an alarm that interlocks a cut-off device can close a valve.
            if c.command == Command::CloseValve
                && decl.kind == DeviceKind::LeakAlarm
                && decl.capabilities.interlock.is_empty()
            {
                f.push(
                    "ALM-4",
                    "FRAME-108",
                    "向未声明联动切断功能的报警器发送关阀命令",
                    "valve command to an alarm that declares no interlock",
                );
            }
        }
        Message::Ack(_) | Message::Nak(_) | Message::Unknown(_) => {}
    }
    f.0
}

fn detects(decl: &Declaration, gas: Gas) -> bool {
    decl.capabilities.detects.contains(&gas)
}

fn collects(decl: &Declaration, item: DataItem) -> bool {
    decl.capabilities.collects.contains(&item)
}

fn check_kind(f: &mut Findings, kind: DeviceKind, decl: &Declaration) {
    // [FRAME-101]
    if kind != decl.kind {
        f.push(
            "PLT-3",
            "FRAME-101",
            "帧中的设备类型与声明不符",
            "the frame's device kind differs from the declaration",
        );
    }
}

fn gas_reported(f: &mut Findings, gas: Gas, decl: &Declaration) {
    // [FRAME-102] a gas the declared product does not detect (ALM-3a methane/propane, ALM-3b CO).
    if detects(decl, gas) {
        return;
    }
    match gas {
        Gas::CarbonMonoxide => f.push(
            "ALM-3b",
            "FRAME-102",
            "帧报告了一氧化碳，但声明的产品不检测一氧化碳（低档报警器无须检测一氧化碳）",
            "the frame reports carbon monoxide, which the declared product does not detect (a low-tier alarm need not)",
        ),
        Gas::Methane => f.push(
            "ALM-3a",
            "FRAME-102",
            "帧报告了甲烷，但声明的产品不检测甲烷",
            "the frame reports methane, which the declared product does not detect",
        ),
        Gas::Propane => f.push(
            "ALM-3a",
            "FRAME-102",
            "帧报告了丙烷/液化石油气，但声明的产品不检测该气体",
            "the frame reports propane/LPG, which the declared product does not detect",
        ),
    }
}

fn check_snapshot(f: &mut Findings, s: &Snapshot, decl: &Declaration) {
    for gas in [Gas::Methane, Gas::CarbonMonoxide, Gas::Propane] {
        let Some(r) = s.reading(gas) else { continue };
        gas_reported(f, gas, decl);
        // [FRAME-103] ALM-6c: a concentration value needs the concentration data item.
        if matches!(r, Reading::Value(_)) && !collects(decl, DataItem::Concentration) {
            f.push(
                "ALM-6c",
                "FRAME-103",
                "帧报告了浓度值，但声明的产品不采集泄漏气体浓度",
                "the frame reports a concentration, which the declared product does not collect",
            );
        }
    }
    if let Some(a) = &s.alarm {
        if a.co != crate::model::AlarmLevel::None {
            gas_reported(f, Gas::CarbonMonoxide, decl);
        }
        if a.gas != crate::model::AlarmLevel::None {
            gas_reported(f, Gas::Methane, decl);
        }
        match decl.kind {
            // [FRAME-104] ALM-6a running status.
            DeviceKind::LeakAlarm if !collects(decl, DataItem::RunningStatus) => f.push(
                "ALM-6a",
                "FRAME-104",
                "帧报告了运行状态，但声明的产品不采集自身运行状态",
                "the frame reports running status, which the declared product does not collect",
            ),
            DeviceKind::SelfClosingValve => f.push(
                "VLV-3",
                "FRAME-104",
                "自闭阀不检测燃气，不能报告报警器状态",
                "a self-closing valve does not detect gas and cannot report alarm status",
            ),
            DeviceKind::LeakAlarm => {}
        }
    }
    if let Some(v) = &s.valve {
        let connected = !matches!(v.state, ValveState::NotConnected | ValveState::Unknown);
        // [FRAME-105] ALM-6b / VLV-3: a valve state needs the valve-state data item.
        if connected && !collects(decl, DataItem::ValveState) {
            let (clause, zh, en) = match decl.kind {
                DeviceKind::LeakAlarm => (
                    "ALM-6b",
                    "帧报告了切断阀开闭状态，但声明的产品不采集阀门状态",
                    "the frame reports the cut-off valve's state, which the declared product does not collect",
                ),
                DeviceKind::SelfClosingValve => (
                    "VLV-3",
                    "帧报告了阀门开闭状态，但声明的产品不采集开闭状态",
                    "the frame reports the valve's open/closed state, which the declared product does not collect",
                ),
            };
            f.push(clause, "FRAME-105", zh, en);
        }
        if let Some(t) = v.trip {
            check_trip(f, t, decl);
        }
        if v.state == ValveState::Closed {
            check_latch(f, v.manual_reset_required, decl);
        }
    }
}

fn check_trip(f: &mut Findings, t: TripReason, decl: &Declaration) {
    let on = |p: PipeTrigger| decl.capabilities.auto_close_on.contains(&p);
    // [FRAME-106] VLV-0a..0c: a pipe trip the declared valve does not have; ALM-4 interlock.
    match t {
        TripReason::OverPressure if !on(PipeTrigger::OverPressure) => f.push(
            "VLV-0a",
            "FRAME-106",
            "报告超压关闭，但声明的产品没有超压自动关闭功能",
            "reports an over-pressure close, which the declared product does not do",
        ),
        TripReason::UnderPressure if !on(PipeTrigger::UnderPressure) => f.push(
            "VLV-0b",
            "FRAME-106",
            "报告欠压关闭，但声明的产品没有欠压自动关闭功能",
            "reports an under-pressure close, which the declared product does not do",
        ),
        TripReason::OverFlow if !on(PipeTrigger::OverFlow) => f.push(
            "VLV-0c",
            "FRAME-106",
            "报告过流关闭，但声明的产品没有过流自动关闭功能",
            "reports an over-flow close, which the declared product does not do",
        ),
        TripReason::AlarmInterlock
            if decl.kind == DeviceKind::LeakAlarm && decl.capabilities.interlock.is_empty() =>
        {
            f.push(
                "ALM-4",
                "FRAME-106",
                "报告报警联动关阀，但声明的报警器没有联动切断功能",
                "reports an interlock close, but the declared alarm has no interlock",
            );
        }
        _ => {}
    }
}

fn check_latch(f: &mut Findings, latched: bool, decl: &Declaration) {
    // [FRAME-107] VLV-0e: once closed, a self-closing valve stays closed until opened by hand.
    if decl.kind == DeviceKind::SelfClosingValve && !latched {
        f.push(
            "VLV-0e",
            "FRAME-107",
            "自闭阀报告已关闭但未处于须手动开启的锁定状态",
            "the self-closing valve reports closed without the manual-reset latch",
        );
    }
}

fn check_event(f: &mut Findings, e: &Event, decl: &Declaration) {
    match *e {
        Event::AlarmRaised { gas, .. } | Event::AlarmCleared { gas } => gas_reported(f, gas, decl),
        Event::ValveClosed {
            trip,
            manual_reset_required,
        } => {
            if let Some(t) = trip {
                check_trip(f, t, decl);
            }
            check_latch(f, manual_reset_required, decl);
        }
        _ => {}
    }
}

fn check_identity(f: &mut Findings, i: &Identity<'_>, decl: &Declaration) {
    check_kind(f, i.kind, decl);
    // [FRAME-109] tier and model as declared.
    if i.tier != decl.claimed_tier {
        f.push(
            "PLT-3",
            "FRAME-109",
            "帧中的档次与声明不符",
            "the frame's tier differs from the declared tier",
        );
    }
    if i.model != decl.model {
        f.push(
            "PLT-3",
            "FRAME-109",
            "帧中的产品型号与声明不符",
            "the frame's model differs from the declared model",
        );
    }
    // [FRAME-110] announced capabilities the declaration does not claim.
    let caps = i.capabilities;
    for (cap, gas) in [
        (Capability::DetectsMethane, Gas::Methane),
        (Capability::DetectsCarbonMonoxide, Gas::CarbonMonoxide),
        (Capability::DetectsPropane, Gas::Propane),
    ] {
        if caps.contains(cap) {
            gas_reported(f, gas, decl);
        }
    }
    let interlock =
        caps.contains(Capability::InterlockWired) || caps.contains(Capability::InterlockWireless);
    if interlock && decl.capabilities.interlock.is_empty() {
        f.push(
            "ALM-4",
            "FRAME-110",
            "帧通告了联动切断功能，但声明中没有",
            "the frame announces an interlock the declaration does not claim",
        );
    }
    if caps.contains(Capability::ReportsConcentration) && !collects(decl, DataItem::Concentration) {
        f.push(
            "ALM-6c",
            "FRAME-110",
            "帧通告了浓度上报，但声明的产品不采集浓度",
            "the frame announces concentration reports the declaration does not claim",
        );
    }
    if decl.kind == DeviceKind::SelfClosingValve && !caps.contains(Capability::ManualReset) {
        f.push(
            "VLV-0e",
            "FRAME-110",
            "自闭阀未通告“关闭后须手动开启”",
            "the self-closing valve does not announce that it reopens only by hand",
        );
    }
    // [FRAME-111] identifiers the declaration does not list (ALM-5*, VLV-2*).
    for id in i.identifiers.iter() {
        let declared = decl.identifiers.iter().any(|d| d.value == id.value);
        if declared {
            continue;
        }
        let clause = match (decl.kind, id.carrier.is_active()) {
            (DeviceKind::LeakAlarm, false) => "ALM-5a",
            (DeviceKind::LeakAlarm, true) => "ALM-5b",
            (DeviceKind::SelfClosingValve, false) => "VLV-2a",
            (DeviceKind::SelfClosingValve, true) => "VLV-2b",
        };
        f.push(
            clause,
            "FRAME-111",
            "帧中的标识未在声明中列出",
            "the frame carries an identifier the declaration does not list",
        );
    }
    // [FRAME-112] ALM-5b / VLV-2b: a mid or high product reports an active identifier by
    // itself, and the identity announcement is where it does so.
    let active = i.identifiers.iter().any(|id| id.carrier.is_active());
    if decl.claimed_tier >= Tier::Mid && !active {
        let clause = match decl.kind {
            DeviceKind::LeakAlarm => "ALM-5b",
            DeviceKind::SelfClosingValve => "VLV-2b",
        };
        f.push(
            clause,
            "FRAME-112",
            "中、高档产品的身份通告中没有主动标识",
            "the identity of a mid or high tier product carries no active identifier",
        );
    }
}
