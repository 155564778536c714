//! Evaluations shared by alarm and valve clauses: identifiers on carriers, collected data,
//! transmission and notification.

use alloc::format;

use super::identifier::{self, IdentProblem};
use super::{Message, Outcome, join};
use crate::model::{DataItem, Declaration};

/// ALM-5a/5b, VLV-2a/2b: an identifier on a passive (`active == false`) or active carrier (INT-9).
pub(crate) fn identifier_on_carrier(decl: &Declaration, active: bool) -> Outcome {
    let (kind_zh, kind_en) = if active {
        ("主动", "active")
    } else {
        ("被动", "passive")
    };
    let mut good = None;
    for (i, ident) in decl.identifiers.iter().enumerate() {
        if ident.carrier.is_active() != active {
            continue;
        }
        let field = format!("identifiers[{i}].value");
        match identifier::validate(&ident.value) {
            Err(IdentProblem { code, offset }) => {
                return Outcome::fail(
                    field,
                    Message::new(
                        format!(
                            "{kind_zh}标识“{}”格式错误：{}（{}，第 {offset} 字节）",
                            ident.value,
                            code.text().zh,
                            code.name()
                        ),
                        format!(
                            "{kind_en} identifier \"{}\" is malformed: {} ({} at byte {offset})",
                            ident.value,
                            code.text().en,
                            code.name()
                        ),
                    ),
                );
            }
            Ok(v) if !v.item => {
                return Outcome::fail(
                    field,
                    Message::new(
                        format!(
                            "{kind_zh}标识“{}”只是前缀，不是产品（物品）标识",
                            ident.value
                        ),
                        format!(
                            "{kind_en} identifier \"{}\" is only a prefix, not an item identifier",
                            ident.value
                        ),
                    ),
                );
            }
            Ok(v) => {
                if good.is_none() {
                    good = Some((field, v.scheme, &ident.value));
                }
            }
        }
    }
    match good {
        Some((field, scheme, value)) => Outcome::pass(
            field,
            Message::new(
                format!("{kind_zh}标识“{value}”格式正确（{scheme}）"),
                format!("{kind_en} identifier \"{value}\" is well formed ({scheme})"),
            ),
        ),
        None => Outcome::fail(
            "identifiers",
            Message::new(
                format!("未声明{kind_zh}标识载体上的标识"),
                format!("no identifier on an {kind_en} carrier is declared"),
            ),
        ),
    }
}

/// ALM-6*, VLV-3: the product collects `item`.
pub(crate) fn collects(decl: &Declaration, item: DataItem, what: crate::Text) -> Outcome {
    let (zh, en) = (what.zh, what.en);
    Outcome::declared(
        decl.capabilities.collects.contains(&item),
        "capabilities.collects",
        Message::new(format!("采集{zh}"), format!("collects {en}")),
        Message::new(
            format!("未声明采集{zh}"),
            format!("does not declare collecting {en}"),
        ),
    )
}

/// ALM-7a, VLV-4a: transmits over some link; the platform name is evidence (INT-2).
pub(crate) fn transmits(decl: &Declaration) -> Outcome {
    let caps = &decl.capabilities;
    if caps.transmits.is_empty() {
        return Outcome::fail(
            "capabilities.transmits",
            Message::new(
                "未声明有线或无线传输方式",
                "declares no wired or wireless transmission link",
            ),
        );
    }
    let links = join(&caps.transmits, |l| link_text(*l));
    match &caps.platform {
        Some(p) if !p.trim().is_empty() => Outcome::pass(
            "capabilities.platform",
            Message::new(
                format!("经{}将报警信息接入平台“{p}”", links.zh),
                format!("transmits alarms over {} to the platform \"{p}\"", links.en),
            ),
        ),
        _ => Outcome::evidence(
            "capabilities.platform",
            Message::new(
                format!("声明了传输方式（{}），但未写明接入的监测管理平台", links.zh),
                format!(
                    "declares links ({}) but not the monitoring platform they reach",
                    links.en
                ),
            ),
        ),
    }
}

/// ALM-7b, VLV-4b: notifies the user by some channel (INT-8).
pub(crate) fn notifies(decl: &Declaration) -> Outcome {
    let channels = &decl.capabilities.notifies;
    if channels.is_empty() {
        Outcome::fail(
            "capabilities.notifies",
            Message::new(
                "未声明电话、微信、APP等告知用户的方式",
                "declares no user notification (phone, WeChat, app…)",
            ),
        )
    } else {
        let list = join(channels, |c| notify_text(*c));
        Outcome::pass(
            "capabilities.notifies",
            Message::new(
                format!("通过{}告知用户", list.zh),
                format!("notifies the user by {}", list.en),
            ),
        )
    }
}

fn link_text(l: crate::model::Link) -> crate::Text {
    use crate::Text;
    use crate::model::Link;
    match l {
        Link::NbIot => Text::new("NB-IoT", "NB-IoT"),
        Link::Lte => Text::new("4G/LTE", "4G/LTE"),
        Link::Lora => Text::new("LoRa", "LoRa"),
        Link::Wifi => Text::new("Wi-Fi", "Wi-Fi"),
        Link::Zigbee => Text::new("Zigbee", "Zigbee"),
        Link::Rs485 => Text::new("RS-485", "RS-485"),
        Link::Ethernet => Text::new("以太网", "Ethernet"),
        Link::Relay => Text::new("干接点/继电器", "relay contact"),
    }
}

fn notify_text(c: crate::model::NotifyChannel) -> crate::Text {
    use crate::Text;
    use crate::model::NotifyChannel;
    match c {
        NotifyChannel::PhoneCall => Text::new("电话", "phone call"),
        NotifyChannel::Wechat => Text::new("微信", "WeChat"),
        NotifyChannel::App => Text::new("APP", "app"),
        NotifyChannel::Sms => Text::new("短信", "SMS"),
    }
}
