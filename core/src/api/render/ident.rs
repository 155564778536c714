//! Identifier reports for people (`gasdev ident`): verdict, scheme, canonical form, the parts, and
//! where an invalid input breaks.

use alloc::borrow::ToOwned;
use alloc::format;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use super::{columns, text_table, tr, width};
use crate::Lang;
use crate::ident::report::{PartsReport, Report};
use crate::text::escape_markdown;

/// The closing line of a batch: how many were checked, valid and invalid.
pub fn ident_summary(total: usize, valid: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "\n共 {} 个：有效 {}，无效 {}。\n",
            total,
            valid,
            total - valid
        ),
        Lang::En => format!(
            "\n{} checked: {} valid, {} invalid.\n",
            total,
            valid,
            total - valid
        ),
    }
}

/// Most characters of an input shown in a table cell.
const SHOWN: usize = 72;

/// The input as shown: invisible characters escaped (`\u{202e}`), long inputs cut. Also the
/// display column of byte `offset`, if it is shown.
fn shown(input: &str, offset: Option<usize>) -> (String, Option<usize>) {
    let mut out = String::new();
    let mut column = None;
    for (count, (i, c)) in input.char_indices().enumerate() {
        if Some(i) == offset {
            column = Some(width(&out));
        }
        if count == SHOWN {
            out.push_str(&format!("…({} bytes)", input.len()));
            return (out, column);
        }
        // The core's one escaping function (also used by every table and Markdown cell).
        out.push_str(&crate::text::escape_text(c.encode_utf8(&mut [0; 4])));
    }
    if offset == Some(input.len()) {
        column = Some(width(&out));
    }
    (out, column)
}

fn scheme_label(name: &str, lang: Lang) -> String {
    let label = match name {
        "idis" => tr(
            lang,
            "88 标识（国家顶级节点）",
            "88-identifier (national node)",
        ),
        "handle" => tr(lang, "Handle 标识", "Handle"),
        "oid" => "OID",
        "gs1" => tr(lang, "GS1 编码", "GS1 key"),
        "gs1_digital_link" => tr(lang, "GS1 数字链接", "GS1 Digital Link"),
        "ma" => tr(lang, "MA 码", "MA code"),
        "ecode" => "Ecode",
        other => return other.to_owned(),
    };
    format!("{label} [{name}]")
}

/// `gtin13` → `GTIN-13`, `sscc` → `SSCC`.
fn key_label(key_type: &str) -> String {
    match key_type.strip_prefix("gtin") {
        Some(n) => format!("GTIN-{n}"),
        None => key_type.to_uppercase(),
    }
}

/// What a valid identifier says, in one line.
fn details(r: &Report, lang: Lang) -> String {
    let mut out: Vec<String> = Vec::new();
    match &r.parts {
        Some(PartsReport::Handle {
            prefix,
            suffix,
            level,
            host,
            ..
        }) => {
            out.push(format!("{} {prefix}", tr(lang, "前缀", "prefix")));
            match suffix {
                Some(s) => out.push(format!("{} {s}", tr(lang, "后缀", "suffix"))),
                None => out.push(
                    tr(
                        lang,
                        "无后缀：只是前缀，不是物品标识",
                        "no suffix: a prefix, not an item identifier",
                    )
                    .to_owned(),
                ),
            }
            match level.as_deref() {
                Some("node") => out.push(tr(lang, "二级节点前缀", "secondary-node prefix").into()),
                Some("enterprise") => out.push(tr(lang, "企业前缀", "enterprise prefix").into()),
                Some("derived") => out.push(tr(lang, "派生前缀", "derived prefix").into()),
                _ => {}
            }
            if let Some(h) = host {
                out.push(format!("{} {h}", tr(lang, "URL 主机", "URL host")));
            }
        }
        Some(PartsReport::Oid { arcs }) => {
            out.push(format!("{} {}", arcs.len(), tr(lang, "个弧", "arcs")));
        }
        Some(PartsReport::Gs1 {
            key_type,
            check_digit,
            ..
        }) => {
            out.push(key_label(key_type));
            out.push(format!(
                "{} {check_digit}",
                tr(lang, "校验位", "check digit")
            ));
        }
        Some(PartsReport::DigitalLink {
            host,
            key_type,
            check_digit,
            qualifiers,
            ..
        }) => {
            out.push(format!(
                "{} {}",
                key_label(key_type),
                tr(lang, "主键", "key")
            ));
            out.push(format!(
                "{} {check_digit}",
                tr(lang, "校验位", "check digit")
            ));
            for q in qualifiers {
                out.push(format!("({}) {}", q.ai, q.value));
            }
            out.push(format!("{} {host}", tr(lang, "URL 主机", "URL host")));
        }
        Some(PartsReport::Ma { country, fields }) => {
            out.push(format!("{} {country}", tr(lang, "国家", "country")));
            out.push(fields.join("."));
        }
        Some(PartsReport::Ecode { version, code }) => {
            out.push(format!("V{version} {code}"));
        }
        _ => {}
    }
    for flag in &r.flags {
        out.push(
            match *flag {
                "unverified" => tr(
                    lang,
                    "仅检查结构：规则未经标准核实",
                    "structure only: rules not verified against the standard",
                ),
                "suffix_contains_slash" => tr(
                    lang,
                    "后缀含“/”（允许但少见）",
                    "suffix contains \"/\" (allowed, unusual)",
                ),
                "percent_encoded" => {
                    tr(lang, "含百分号编码（已解码）", "percent-encoded (decoded)")
                }
                other => other,
            }
            .to_owned(),
        );
    }
    out.join(tr(lang, "；", "; "))
}

/// Why an invalid identifier is invalid, in one line.
fn problem(r: &Report, lang: Lang) -> String {
    let Some(e) = &r.error else {
        return String::new();
    };
    let mut s = match lang {
        Lang::Zh => format!("{}（{}，第 {} 字节）", e.message, e.name, e.offset),
        Lang::En => format!("{} ({} at byte {})", e.message, e.name, e.offset),
    };
    if let Some(limit) = e.limit {
        s.push_str(&match lang {
            Lang::Zh => format!("；上限 {limit}"),
            Lang::En => format!("; limit {limit}"),
        });
    }
    if let Some(d) = e.expected_check_digit {
        s.push_str(&match lang {
            Lang::Zh => format!("；校验位应为 {d}"),
            Lang::En => format!("; the check digit should be {d}"),
        });
    }
    s
}

fn verdict(r: &Report, lang: Lang) -> &'static str {
    match (r.valid, r.item) {
        (true, true) => tr(lang, "有效", "valid"),
        (true, false) => tr(lang, "有效（仅前缀）", "valid (prefix only)"),
        (false, _) => tr(lang, "无效", "invalid"),
    }
}

/// Identifier reports as a table (with a caret under the offending character of each invalid
/// input) or Markdown.
pub fn render_idents(reports: &[Report], lang: Lang, markdown: bool) -> String {
    let header = columns(
        lang,
        "输入|结果|标识体系|规范形式|说明",
        "input|result|scheme|canonical|details",
    );
    let rows: Vec<Vec<String>> = reports
        .iter()
        .map(|r| {
            let cells = vec![
                shown(&r.input, None).0,
                verdict(r, lang).to_owned(),
                r.scheme
                    .map_or_else(|| "—".to_owned(), |s| scheme_label(s, lang)),
                r.canonical.clone().unwrap_or_else(|| "—".to_owned()),
                if r.valid {
                    details(r, lang)
                } else {
                    problem(r, lang)
                },
            ];
            if markdown {
                cells.iter().map(|c| escape_markdown(c)).collect()
            } else {
                cells
            }
        })
        .collect();
    let mut out = String::new();
    if markdown {
        out.push_str(&format!("| {} |\n", header.join(" | ")));
        out.push_str(&format!("|{}\n", "---|".repeat(header.len())));
        for row in &rows {
            out.push_str(&format!("| {} |\n", row.join(" | ")));
        }
    } else {
        out.push_str(&text_table(&header, &rows));
        // Point at the offending character of each invalid input.
        for r in reports.iter().filter(|r| !r.valid) {
            let offset = r.error.as_ref().map(|e| e.offset);
            let (text, column) = shown(&r.input, offset);
            if let (Some(col), Some(e)) = (column, &r.error) {
                out.push_str(&format!("\n  {text}\n  {}^ {}\n", " ".repeat(col), e.name));
            }
        }
    }
    out
}
