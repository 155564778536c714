//! A decoded libgasdev frame for people (`gasdev decode`, `--stream`): its fields with units in
//! Chinese or English, and the findings against a declaration.

use alloc::borrow::ToOwned;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec;
use alloc::vec::Vec;

use super::{Style, columns, grid, tr};
use crate::Lang;
use crate::model::{Concentration, ConcentrationUnit, Reading};
use crate::wire::{self, Event, FrameRepr, Message, Snapshot};

/// The findings of a frame checked against a declaration.
pub fn render_findings(findings: &[wire::FrameFinding], lang: Lang, md: bool) -> String {
    let title = tr(lang, "与产品声明的比对", "checked against the declaration");
    if findings.is_empty() {
        return format!("\n{title}: {}\n", tr(lang, "无矛盾", "no contradiction"));
    }
    let rows: Vec<Vec<String>> = findings
        .iter()
        .map(|f| {
            vec![
                f.clause.to_owned(),
                f.rule.to_owned(),
                f.text.get(lang).to_owned(),
            ]
        })
        .collect();
    let header = columns(lang, "条款|规则|问题", "clause|rule|finding");
    format!("\n{title}:\n{}", render_rows(&header, &rows, md))
}

fn render_rows(header: &[&str], rows: &[Vec<String>], md: bool) -> String {
    grid(
        if md { Style::Markdown } else { Style::Table },
        header,
        rows,
    )
}

/// A frame's time in UTC, or "unknown".
pub fn timestamp_text(t: wire::Timestamp, lang: Lang) -> String {
    match t.unix() {
        None => tr(
            lang,
            "时间未知（设备时钟未设置）",
            "time unknown (device clock not set)",
        )
        .to_owned(),
        Some(s) => format!("{} UTC ({s})", utc(s)),
    }
}

/// Unix seconds as `YYYY-MM-DD hh:mm:ss` (UTC); the date by the core's civil-date algorithm.
fn utc(secs: u32) -> String {
    let rem = secs % 86_400;
    // Every u32 second count is a day between 1970 and 2106, which `Date` always represents.
    let date = crate::model::Date::from_days_since_epoch(i64::from(secs / 86_400))
        .unwrap_or(crate::model::Date::MIN);
    format!(
        "{date} {:02}:{:02}:{:02}",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

fn concentration_text(c: Concentration) -> String {
    let mut s = format!(
        "{}.{:02} {}",
        c.centi() / 100,
        c.centi() % 100,
        c.unit().symbol()
    );
    if let ConcentrationUnit::PctLel(b) = c.unit() {
        let b = b.centi_pct_vol();
        s.push_str(&format!(" (LEL = {}.{:02} %vol)", b / 100, b % 100));
    }
    s
}

fn reading_text(r: Reading, lang: Lang) -> String {
    match r {
        Reading::Unknown => tr(lang, "未知（无有效值）", "unknown (no valid value)").to_owned(),
        Reading::Value(c) => concentration_text(c),
    }
}

fn yes_no(b: bool, lang: Lang) -> &'static str {
    if b {
        tr(lang, "是", "yes")
    } else {
        tr(lang, "否", "no")
    }
}

fn level_text(l: crate::model::AlarmLevel, lang: Lang) -> &'static str {
    use crate::model::AlarmLevel;
    match l {
        AlarmLevel::None => tr(lang, "无", "none"),
        AlarmLevel::Low => tr(lang, "低限", "low"),
        AlarmLevel::High => tr(lang, "高限", "high"),
    }
}

fn snapshot_rows(s: &Snapshot, lang: Lang, rows: &mut Vec<Vec<String>>) {
    let mut row = |k: &str, v: String| rows.push(vec![k.to_owned(), v]);
    if let Some(a) = &s.alarm {
        row(
            tr(lang, "表达状态", "expressed state"),
            a.expressed().text().get(lang).to_owned(),
        );
        row(
            tr(lang, "可燃气体报警", "gas alarm"),
            level_text(a.gas, lang).to_owned(),
        );
        row(
            tr(lang, "一氧化碳报警", "CO alarm"),
            level_text(a.co, lang).to_owned(),
        );
        row(
            tr(lang, "预热", "preheat"),
            yes_no(a.preheat, lang).to_owned(),
        );
        row(tr(lang, "故障", "fault"), yes_no(a.fault, lang).to_owned());
        row(
            tr(lang, "寿命到期", "end of life"),
            yes_no(a.end_of_life, lang).to_owned(),
        );
        row(
            tr(lang, "自检中", "self-test"),
            yes_no(a.self_test, lang).to_owned(),
        );
        row(tr(lang, "消音", "muted"), yes_no(a.muted, lang).to_owned());
    }
    if let Some(v) = &s.valve {
        row(
            tr(lang, "阀门状态", "valve state"),
            v.state.text().get(lang).to_owned(),
        );
        let trip = v.trip.map_or_else(
            || tr(lang, "—", "—").to_owned(),
            |t| t.text().get(lang).to_owned(),
        );
        row(tr(lang, "关闭原因", "trip reason"), trip);
        row(
            tr(lang, "须手动开启", "manual reset required"),
            yes_no(v.manual_reset_required, lang).to_owned(),
        );
    }
    for (gas, r) in [
        (crate::model::Gas::Methane, s.methane),
        (crate::model::Gas::CarbonMonoxide, s.carbon_monoxide),
        (crate::model::Gas::Propane, s.propane),
    ] {
        if let Some(r) = r {
            row(gas.text().get(lang), reading_text(r, lang));
        }
    }
}

fn event_text(e: &Event, lang: Lang) -> String {
    match *e {
        Event::AlarmRaised { gas, level } => format!(
            "{}: {} {}",
            tr(lang, "报警", "alarm raised"),
            gas.text().get(lang),
            level_text(level.into(), lang)
        ),
        Event::AlarmCleared { gas } => format!(
            "{}: {}",
            tr(lang, "报警解除", "alarm cleared"),
            gas.text().get(lang)
        ),
        Event::ValveClosed {
            trip,
            manual_reset_required,
        } => format!(
            "{}: {}{}",
            tr(lang, "阀门关闭", "valve closed"),
            trip.map_or(tr(lang, "原因未知", "reason unknown"), |t| t
                .text()
                .get(lang)),
            if manual_reset_required {
                tr(lang, "，须手动开启", ", manual reset required")
            } else {
                ""
            }
        ),
        Event::Fault { fault, active } => format!(
            "{} ({fault:?}): {}",
            tr(lang, "故障", "fault"),
            if active {
                tr(lang, "发生", "raised")
            } else {
                tr(lang, "解除", "cleared")
            }
        ),
        Event::EndOfLife => tr(lang, "传感器寿命到期", "sensor end of life").to_owned(),
        Event::Tamper => tr(lang, "防拆报警", "tamper").to_owned(),
        Event::PowerLost => tr(lang, "主电源断电", "mains power lost").to_owned(),
        Event::PowerRestored => tr(lang, "主电源恢复", "mains power restored").to_owned(),
        Event::SelfTestResult { passed } => format!(
            "{}: {}",
            tr(lang, "自检结果", "self-test result"),
            if passed {
                tr(lang, "通过", "passed")
            } else {
                tr(lang, "未通过", "failed")
            }
        ),
        Event::Mute { muted } => if muted {
            tr(lang, "已消音", "muted")
        } else {
            tr(lang, "取消消音", "unmuted")
        }
        .to_owned(),
        Event::Unknown { code, arg } => format!(
            "{} {code:#04x} ({arg:#04x})",
            tr(lang, "未定义的事件", "undefined event")
        ),
    }
}

fn ext_text(t: &wire::Tlvs<'_>) -> Option<String> {
    if t.is_empty() {
        return None;
    }
    let parts: Vec<String> = t
        .iter()
        .map(|x| {
            format!(
                "{}: {}",
                x.ty,
                x.value
                    .iter()
                    .map(|b| format!("{b:02x}"))
                    .collect::<String>()
            )
        })
        .collect();
    Some(parts.join(", "))
}

fn kv(rows: &mut Vec<Vec<String>>, k: &str, v: String) {
    rows.push(vec![k.to_owned(), v]);
}

/// One decoded frame: type, sequence number, time, the message's fields, extensions.
pub fn render_frame(repr: &FrameRepr<'_>, bytes: &[u8], lang: Lang, md: bool) -> String {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row = |k: &str, v: String| rows.push(vec![k.to_owned(), v]);
    let ty = wire::MessageType::from_code(repr.message.type_code()).map_or_else(
        || tr(lang, "未定义的类型", "undefined type").to_owned(),
        |m| m.text().get(lang).to_owned(),
    );
    row(
        tr(lang, "报文类型", "message type"),
        format!("{ty} ({:#04x})", repr.message.type_code()),
    );
    row(tr(lang, "序号", "sequence number"), repr.seq.to_string());
    row(
        tr(lang, "时间", "time"),
        timestamp_text(repr.timestamp, lang),
    );
    let mut rest: Vec<Vec<String>> = Vec::new();
    let mut ext = None;
    match &repr.message {
        Message::Status(s) => {
            kv(
                &mut rest,
                tr(lang, "设备类型", "device kind"),
                s.kind.text().get(lang).to_owned(),
            );
            snapshot_rows(&s.snapshot, lang, &mut rest);
            ext = ext_text(&s.extensions);
        }
        Message::Event(e) => {
            kv(
                &mut rest,
                tr(lang, "事件", "event"),
                event_text(&e.event, lang),
            );
            snapshot_rows(&e.snapshot, lang, &mut rest);
            ext = ext_text(&e.extensions);
        }
        Message::Identity(i) => {
            kv(
                &mut rest,
                tr(lang, "设备类型", "device kind"),
                i.kind.text().get(lang).to_owned(),
            );
            kv(
                &mut rest,
                tr(lang, "档次", "tier"),
                i.tier.text().get(lang).to_owned(),
            );
            kv(&mut rest, tr(lang, "型号", "model"), i.model.to_owned());
            kv(
                &mut rest,
                tr(lang, "固件", "firmware"),
                i.firmware.to_owned(),
            );
            for id in i.identifiers.iter() {
                let kind = if id.carrier.is_active() {
                    tr(lang, "主动", "active")
                } else {
                    tr(lang, "被动", "passive")
                };
                kv(
                    &mut rest,
                    tr(lang, "标识", "identifier"),
                    format!("{} ({}, {kind})", id.value, id.carrier.as_str()),
                );
            }
            let caps: Vec<&str> = i.capabilities.iter().map(|c| c.as_str()).collect();
            kv(&mut rest, tr(lang, "能力", "capabilities"), caps.join(", "));
            ext = ext_text(&i.extensions);
        }
        Message::Command(c) => {
            let args = match c.command {
                wire::Command::Mute { seconds } => format!(" {seconds} s"),
                wire::Command::SetReportInterval { seconds } => format!(" {seconds} s"),
                _ => String::new(),
            };
            kv(
                &mut rest,
                tr(lang, "命令", "command"),
                format!("{}{args}", c.command.code().as_str()),
            );
            ext = ext_text(&c.extensions);
        }
        Message::Ack(a) => {
            kv(
                &mut rest,
                tr(lang, "确认的序号", "acknowledged sequence number"),
                a.ack_seq.to_string(),
            );
            kv(
                &mut rest,
                tr(lang, "命令", "command"),
                a.command.as_str().to_owned(),
            );
            ext = ext_text(&a.extensions);
        }
        Message::Nak(n) => {
            kv(
                &mut rest,
                tr(lang, "拒绝的序号", "refused sequence number"),
                n.ack_seq.to_string(),
            );
            let name = match n.command_code {
                wire::command_code::FORBIDDEN_OPEN_VALVE => tr(
                    lang,
                    "开阀（禁止，VLV-0e）",
                    "open valve (forbidden, VLV-0e)",
                ),
                wire::command_code::FORBIDDEN_CLEAR_LATCH => tr(
                    lang,
                    "清除锁定（禁止，VLV-0e）",
                    "clear latch (forbidden, VLV-0e)",
                ),
                c => wire::CommandCode::from_code(c)
                    .map_or(tr(lang, "未知命令", "unknown command"), |c| c.as_str()),
            };
            kv(
                &mut rest,
                tr(lang, "命令", "command"),
                format!("{:#04x} ({name})", n.command_code),
            );
            kv(
                &mut rest,
                tr(lang, "原因", "reason"),
                n.reason.as_str().to_owned(),
            );
            ext = ext_text(&n.extensions);
        }
        Message::Unknown(u) => {
            kv(
                &mut rest,
                tr(lang, "报文体（未解释）", "body (not interpreted)"),
                u.body.iter().map(|b| format!("{b:02x}")).collect(),
            );
        }
    }
    if let Some(e) = ext {
        kv(
            &mut rest,
            tr(lang, "扩展 TLV（保留）", "extension TLVs (kept)"),
            e,
        );
    }
    rows.extend(rest);
    let crc = wire::Frame::new_unchecked(bytes).crc();
    let title = format!(
        "{} {} {}, CRC-32C {crc:08x} {}\n",
        tr(lang, "libgasdev 帧", "libgasdev frame,"),
        bytes.len(),
        tr(lang, "字节", "bytes"),
        tr(lang, "校验正确", "ok")
    );
    let header = [tr(lang, "字段", "field"), tr(lang, "值", "value")];
    format!("{title}{}", render_rows(&header, &rows, md))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_dates() {
        assert_eq!(utc(0), "1970-01-01 00:00:00");
        assert_eq!(utc(1_656_633_600), "2022-07-01 00:00:00");
        assert_eq!(utc(u32::MAX), "2106-02-07 06:28:15");
    }
}
