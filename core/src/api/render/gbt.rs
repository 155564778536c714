//! A decoded GB/T 26875.3 packet for people (`gasdev decode` of `@@…##` input): its header and
//! every information object, labelled in Chinese or English.

use alloc::borrow::ToOwned;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec;
use alloc::vec::Vec;

use serde_json::Value;

use super::text_table;
use crate::Lang;
use crate::gbt26875::{self as gbt, Decoded};
use crate::text::escape_markdown;

const fn label(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// Field labels of the packet and object rows, in display order.
const FIELDS: &[(&str, &str, &str)] = &[
    ("system_type", "系统类型", "system type"),
    ("system_address", "系统地址", "system address"),
    ("component_type", "部件类型", "component type"),
    ("component_address", "部件地址", "component address"),
    ("status", "状态", "status"),
    ("description", "说明", "description"),
    ("analog_type", "模拟量类型", "analog type"),
    ("value", "值", "value"),
    ("operation", "操作", "operation"),
    ("operator", "操作员", "operator"),
    ("major", "主版本号", "major version"),
    ("minor", "次版本号", "minor version"),
    ("record_count", "记录数目", "record count"),
    ("start_time", "起始时间", "start time"),
    ("reserved", "预留", "reserved"),
    (
        "timeout_minutes",
        "查岗应答超时（分钟）",
        "answer timeout (minutes)",
    ),
    ("raw", "原始字节", "raw bytes"),
    ("time", "时间", "time"),
];

/// The status and operation bits of GB/T 26875.3 (图6, 图7, 图9, 图13, 图14): name, Chinese word.
pub(crate) const BITS: &[(&str, &str)] = &[
    ("normal", "正常运行"),
    ("fire_alarm", "火警"),
    ("fault", "故障"),
    ("disabled", "屏蔽"),
    ("supervisory", "监管"),
    ("started", "启动(开启)"),
    ("feedback", "反馈"),
    ("delay", "延时"),
    ("main_power_fault", "主电故障"),
    ("backup_power_fault", "备电故障"),
    ("bus_fault", "总线故障"),
    ("manual", "手动"),
    ("config_changed", "配置改变"),
    ("reset", "复位"),
    ("power_fault", "电源故障"),
    ("channel_fault", "通信信道故障"),
    ("line_fault", "监测连接线路故障"),
    ("silence", "消音"),
    ("manual_alarm", "手动报警"),
    ("alarm_cleared", "警情消除"),
    ("self_test", "自检"),
    ("acknowledge", "确认"),
    ("test", "测试"),
    ("attendance_answer", "查岗应答"),
];

fn bit_names(v: Option<&Value>, lang: Lang) -> String {
    let names: Vec<String> = v
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .map(|n| match lang {
            Lang::Zh => BITS.iter().find(|(k, _)| *k == n).map_or_else(
                || format!("预留位{}", n.trim_start_matches("bit")),
                |(_, zh)| (*zh).to_owned(),
            ),
            Lang::En => n.replace('_', " "),
        })
        .collect();
    if names.is_empty() {
        "—".to_owned()
    } else {
        names.join(", ")
    }
}

fn num(v: &Value) -> Option<u8> {
    v.as_u64().and_then(|n| u8::try_from(n).ok())
}

/// The display value of one object field.
fn field_value(key: &str, obj: &serde_json::Map<String, Value>, lang: Lang) -> Option<String> {
    let v = obj.get(key)?;
    let plain = match v {
        Value::String(s) => s.clone(),
        Value::Null => "—".to_owned(),
        other => other.to_string(),
    };
    let named = |name: Option<crate::Text>| match name {
        Some(t) => format!("{plain} {}", t.get(lang)),
        None => format!("{plain} {}", label(lang, "(预留)", "(reserved)")),
    };
    Some(match key {
        "system_type" => named(num(v).and_then(gbt::system_type_name)),
        "component_type" => named(num(v).and_then(gbt::component_type_name)),
        "analog_type" => match num(v).and_then(gbt::analog_type) {
            Some(a) => format!("{plain} {} ({})", a.text.get(lang), a.unit),
            None => named(
                num(v)
                    .filter(|&t| t >= 128)
                    .map(|_| crate::Text::new("用户自定义", "user-defined")),
            ),
        },
        "status" => {
            let w = v.as_u64().unwrap_or(0);
            format!("0x{w:04X}: {}", bit_names(obj.get("status_bits"), lang))
        }
        "component_address" => format!("{plain} (0x{:08X})", v.as_u64().unwrap_or(0)),
        "operation" => {
            let w = v.as_u64().unwrap_or(0);
            format!("0x{w:02X}: {}", bit_names(obj.get("operation_bits"), lang))
        }
        "value" => match obj.get("unit").and_then(Value::as_str) {
            Some(u) if !v.is_null() => format!(
                "{plain} {u} (raw {})",
                obj.get("raw_value")
                    .map_or_else(String::new, Value::to_string)
            ),
            _ => format!(
                "— (raw {})",
                obj.get("raw_value")
                    .map_or_else(String::new, Value::to_string)
            ),
        },
        "description" => {
            let raw = obj
                .get("description_raw")
                .and_then(Value::as_str)
                .unwrap_or_default();
            format!("“{plain}” [{raw}]")
        }
        "time" | "start_time" => {
            let valid = obj
                .get(&format!("{key}_valid"))
                .and_then(Value::as_bool)
                .unwrap_or(true);
            if valid {
                plain
            } else {
                format!("{plain} ({})", label(lang, "无效", "invalid"))
            }
        }
        _ => plain,
    })
}

/// A decoded GB/T 26875.3 packet: header fields, then every information object's fields.
pub fn render_gbt(d: &Decoded<'_>, lang: Lang, from_hex: bool, markdown: bool) -> String {
    let h = d.header();
    let l = |zh, en| label(lang, zh, en).to_owned();
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row = |n: String, k: String, v: String| rows.push(vec![n, k, v]);
    row(String::new(), l("流水号", "serial"), h.serial.to_string());
    row(
        String::new(),
        l("协议版本", "version"),
        format!("{}.{}", h.version.main, h.version.user),
    );
    let t = h.time;
    let tv = if t.is_valid() {
        String::new()
    } else {
        format!(" ({})", label(lang, "无效", "invalid"))
    };
    row(String::new(), l("发送时间", "sent at"), format!("{t}{tv}"));
    row(
        String::new(),
        l("源地址", "source"),
        h.source.value().to_string(),
    );
    row(
        String::new(),
        l("目的地址", "destination"),
        h.destination.value().to_string(),
    );
    row(
        String::new(),
        l("命令", "command"),
        format!("{} {}", h.command, gbt::command_text(h.command).get(lang)),
    );
    row(
        String::new(),
        l("校验和", "checksum"),
        format!(
            "0x{:02X} {}",
            d.checksum(),
            if d.checksum_ok() {
                l("正确", "ok")
            } else {
                l("错误", "wrong")
            }
        ),
    );
    let devs: Vec<String> = d
        .deviations()
        .iter()
        .map(|x| format!("{} ({})", x.text().get(lang), x.name()))
        .collect();
    let none = l("无", "none");
    row(
        String::new(),
        l("偏差", "deviations"),
        if devs.is_empty() {
            none
        } else {
            devs.join("; ")
        },
    );
    if d.is_heartbeat() {
        row(
            String::new(),
            l("心跳", "heartbeat"),
            l(
                "是（空的发送数据报文）",
                "yes (send data with an empty ADU)",
            ),
        );
    }
    match d.adu() {
        None => row(String::new(), l("应用数据单元", "ADU"), l("空", "empty")),
        Some(a) => {
            let name = match a.info() {
                Some(i) => i.text.get(lang).to_owned(),
                None => a.type_name().replace('_', " "),
            };
            row(
                String::new(),
                l("类型标志", "type flag"),
                format!("{} {name}", a.type_flag()),
            );
            let labels = if a.time_labels() {
                String::new()
            } else {
                format!(", {}", l("无时间标签", "no time labels"))
            };
            row(
                String::new(),
                l("信息对象数目", "objects"),
                format!("{}{labels}", a.count()),
            );
            let objects = serde_json::to_value(a).ok();
            let list = objects
                .as_ref()
                .and_then(|v| v.get("objects"))
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            for (i, o) in list.iter().enumerate() {
                let Some(obj) = o.as_object() else { continue };
                for (key, zh, en) in FIELDS {
                    if let Some(v) = field_value(key, obj, lang) {
                        row((i + 1).to_string(), label(lang, zh, en).to_owned(), v);
                    }
                }
            }
        }
    }
    let title = format!(
        "GB/T 26875.3 {} ({} {}){}",
        label(lang, "报文", "packet"),
        d.packet_len(),
        label(lang, "字节", "bytes"),
        if from_hex {
            label(lang, "，输入为十六进制文本", ", input was ASCII-hex text")
        } else {
            ""
        }
    );
    let header = [
        label(lang, "对象", "object"),
        label(lang, "字段", "field"),
        label(lang, "值", "value"),
    ];
    if markdown {
        let mut out = format!(
            "### {}\n\n| {} | {} | {} |\n|---|---|---|\n",
            escape_markdown(&title),
            header[0],
            header[1],
            header[2]
        );
        for r in &rows {
            out.push_str(&format!(
                "| {} |\n",
                r.iter()
                    .map(|c| escape_markdown(c))
                    .collect::<Vec<_>>()
                    .join(" | ")
            ));
        }
        out
    } else {
        format!("{title}\n\n{}", text_table(&header, &rows))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gbt26875::Options;

    const S1: &str = "404001000100001e0c010518010000000000000000000000300002020101010b050001000300b3f8b7bfc8bcc6f80000000000000000000000000000000000000000000000001e0c010518412323";

    #[test]
    fn renders_s1_in_both_languages() {
        let mut bytes = vec![0u8; 100];
        let n = gbt::decode_hex_text(S1.as_bytes(), &mut bytes).unwrap();
        let d = gbt::decode(&bytes[..n], Options::TOLERANT).unwrap();
        let zh = render_gbt(&d, Lang::Zh, true, false);
        assert!(zh.contains("点型可燃气体探测器"), "{zh}");
        assert!(zh.contains("0x0003: 正常运行, 火警"), "{zh}");
        assert!(zh.contains("“厨房燃气”"), "{zh}");
        assert!(zh.contains("十六进制文本"), "{zh}");
        let en = render_gbt(&d, Lang::En, false, true);
        assert!(
            en.contains("| 1 | component type | 11 point-type combustible gas detector |"),
            "{en}"
        );
        assert!(en.contains("normal, fire alarm"), "{en}");
        assert!(
            en.contains("| 1 | component address | 65541 (0x00010005) |"),
            "{en}"
        );
    }
}
