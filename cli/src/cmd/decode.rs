//! `gasdev decode HEX|FILE`: decode a libgasdev frame (`spec/frame.md`) or a GB/T 26875.3 packet.
//!
//! The input is hex text (spaces and line breaks allowed) or the path of a file holding the
//! frame's bytes (or its hex text); `-` reads standard input. Input that starts with `@@` (or
//! its hex `4040`) goes to the GB/T 26875.3 decoder of `decode_gbt.rs`; everything else is
//! decoded as exactly one libgasdev frame, or with `--stream` as a byte stream of frames.
//! `--declaration FILE` also checks the frame against a product declaration. `--key-file FILE`
//! verifies an authenticated frame (`spec/security.md`): suite, key id, SM4-CMAC tag and counter
//! (a single frame has no replay history, so only the never-used counter `FFFFFFFF` is refused);
//! a frame without the security TLV is then `FRAME_UNAUTHENTICATED`. The key is read from the
//! file, never from the command line [SEC-054].
//!
//! Output: a table (default), Markdown, or JSON (`spec/frame.md` §8; an error is
//! `{"error": NAME, "offset": n}`). Exit: 0 decoded, 1 the frame is invalid (or contradicts the
//! declaration, or the stream held garbage), 2 the input is unusable (unreadable file, malformed
//! hex, bad declaration).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use gasdev::Lang;
use gasdev::model::{Concentration, ConcentrationUnit, Declaration, Reading};
use gasdev::wire::{self, Event, FrameRepr, Message, Snapshot};
use serde_json::json;

use crate::output::{Format, LangArg, md_cell, table};

/// Arguments of `gasdev decode`.
#[derive(clap::Args)]
pub struct Args {
    /// Hex text of the frame (spaces allowed), or a file with its bytes or hex text; `-` reads
    /// standard input.
    #[arg(value_name = "HEX|FILE")]
    input: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: Format,
    /// Language of messages.
    #[arg(long, value_enum, default_value_t)]
    lang: LangArg,
    /// Decode a byte stream: every frame in the input, skipping garbage between them.
    #[arg(long)]
    stream: bool,
    /// Check the frame against this product declaration (JSON, `spec/declaration.md`).
    #[arg(long, value_name = "FILE")]
    declaration: Option<PathBuf>,
    /// GB/T 26875.3 packets: check conformance strictly instead of tolerating known deviations.
    #[arg(long)]
    strict: bool,
    /// Verify the frame's SM4-CMAC tag with the key in this file
    /// (`{"key_id": n, "key": "<32 hex digits>"}`); unauthenticated frames are then refused.
    #[arg(long, value_name = "FILE", conflicts_with = "stream")]
    key_file: Option<PathBuf>,
}

/// Where the input came from, for messages.
enum Source {
    Hex,
    File,
}

fn report_input_error(
    code: gasdev::ErrorCode,
    offset: usize,
    detail: &str,
    format: Format,
    lang: Lang,
) -> ExitCode {
    if format == Format::Json {
        outln!("{}", json!({"error": code.name(), "offset": offset}));
    }
    errln!(
        "gasdev decode: {} at {offset}: {}{detail}",
        code.name(),
        code.text().get(lang)
    );
    crate::exit::input_error()
}

/// Run the subcommand.
pub fn run(args: Args) -> ExitCode {
    let lang = Lang::from(args.lang);
    let format = args.format;
    let (raw, source) = if args.input == "-" {
        match crate::input::read_limited(std::io::stdin().lock()) {
            Ok(b) => (b, Source::File),
            Err(e) => {
                let detail = format!(" ({})", e.message.en);
                return report_input_error(e.error_code(), 0, &detail, format, lang);
            }
        }
    } else if Path::new(&args.input).exists() {
        match crate::input::read_file_limited(Path::new(&args.input)) {
            Ok(b) => (b, Source::File),
            Err(e) => {
                let detail = format!(" ({}: {})", args.input, e.message.en);
                return report_input_error(e.error_code(), 0, &detail, format, lang);
            }
        }
    } else {
        (args.input.clone().into_bytes(), Source::Hex)
    };
    let trimmed = raw.trim_ascii();
    if trimmed.is_empty() {
        return report_input_error(gasdev::ErrorCode::InputEmpty, 0, "", format, lang);
    }

    let decl = match &args.declaration {
        None => None,
        Some(path) => match crate::input::read_document(path) {
            Ok(gasdev::api::Document::Declaration(d)) => Some(d),
            Ok(gasdev::api::Document::Catalogue(_)) => {
                let detail = format!(" ({}: a catalogue, not a declaration)", path.display());
                return report_input_error(
                    gasdev::ErrorCode::InputUnknownDocument,
                    0,
                    &detail,
                    format,
                    lang,
                );
            }
            Err(e) => {
                let field = if e.field.is_empty() {
                    String::new()
                } else {
                    format!(" [{}]", e.field)
                };
                let detail = format!(
                    " (--declaration {}:{}:{}{field}: {})",
                    path.display(),
                    e.line,
                    e.column,
                    e.message.get(lang)
                );
                return report_input_error(e.error_code(), 0, &detail, format, lang);
            }
        },
    };

    // A binary file goes as it is; text (a file of printable ASCII, or the argument) is hex:
    // a libgasdev frame is never printable (its version byte is 0x01), so a hex file with a
    // comment is FRAME_BAD_HEX at the comment, not a binary frame with a bad magic.
    let is_text = trimmed
        .iter()
        .all(|b| b.is_ascii_graphic() || b.is_ascii_whitespace());
    let gbt_raw = crate::cmd::decode_gbt::detect(trimmed);
    let bytes = match source {
        Source::File if !is_text || (gbt_raw && !args.stream) => raw,
        _ => match gasdev::hex::decode(trimmed) {
            Ok(b) => b,
            Err(_) if matches!(source, Source::Hex) && args.input.contains(['/', '\\', '.']) => {
                // Neither hex nor an existing file: most likely a mistyped path.
                let detail = format!(" ({}: no such file, and not hex text)", args.input);
                return report_input_error(gasdev::ErrorCode::InputIo, 0, &detail, format, lang);
            }
            Err(e) => return report_input_error(e.code(), e.offset(), "", format, lang),
        },
    };

    // One packet or frame: the protocol from its first bytes. GB/T 26875.3 packets (`@@…`) and
    // their ASCII-hex text (`4040…`, [GBT-11]) go to `decode_gbt.rs`, however they were given
    // (a file, standard input, or the hex of either on the command line).
    if !args.stream && crate::cmd::decode_gbt::detect(bytes.trim_ascii()) {
        if args.declaration.is_some() {
            errln!(
                "gasdev decode: --declaration applies to libgasdev frames only: a GB/T 26875.3 packet carries no model or tier to check it against"
            );
            return crate::exit::input_error();
        }
        return crate::cmd::decode_gbt::decode(bytes.trim_ascii(), format, lang, args.strict);
    }

    if args.stream {
        return crate::cmd::capture::decode_stream(&bytes, format, lang, decl.as_deref());
    }
    let key = match &args.key_file {
        None => None,
        Some(path) => match crate::keyfile::read(path) {
            Ok(k) => Some(k),
            Err(e) => {
                let detail = format!(" ({})", e.detail);
                return report_input_error(e.code, 0, &detail, format, lang);
            }
        },
    };
    decode_one(&bytes, format, lang, decl.as_deref(), key)
}

/// How a frame opened with `--key-file` was authenticated (the JSON form's `authentication`).
#[derive(serde::Serialize)]
pub(crate) struct AuthDoc {
    status: &'static str,
    key_id: u8,
    counter: u32,
}

/// Decode, or with a key open and verify [SEC-026], one frame.
fn open_one<'b>(
    bytes: &'b [u8],
    key: Option<crate::keyfile::KeyFile>,
) -> Result<(FrameRepr<'b>, Option<AuthDoc>), (gasdev::ErrorCode, usize)> {
    use gasdev::secure::{self, Authentication, KeySlot, Policy, WindowConfig};
    let Some(k) = key else {
        return wire::decode(bytes)
            .map(|r| (r, None))
            .map_err(|e| (e.code(), e.offset()));
    };
    // One frame, no history: a fresh window that accepts any counter but FFFFFFFF.
    let config = WindowConfig::new(WindowConfig::MAX_SIZE, u32::MAX).unwrap_or_default();
    let mut slot = KeySlot::new(k.key_id, k.key, config);
    match secure::open(bytes, &mut slot, Policy::Required) {
        Ok(o) => {
            let auth = match o.auth {
                Authentication::Authenticated { key_id, counter } => Some(AuthDoc {
                    status: "authenticated",
                    key_id,
                    counter,
                }),
                Authentication::None => None,
            };
            Ok((o.frame, auth))
        }
        Err(e) => Err((e.code(), e.offset())),
    }
}

fn decode_one(
    bytes: &[u8],
    format: Format,
    lang: Lang,
    decl: Option<&Declaration>,
    key: Option<crate::keyfile::KeyFile>,
) -> ExitCode {
    match open_one(bytes, key) {
        Ok((repr, auth)) => {
            let findings = decl.map(|d| wire::validate(&repr, d)).unwrap_or_default();
            match format {
                Format::Json => {
                    let out = Decoded {
                        frame: &repr,
                        findings: decl.map(|_| findings.as_slice()),
                        authentication: auth.as_ref(),
                    };
                    outln!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
                }
                Format::Table | Format::Markdown => {
                    let md = format == Format::Markdown;
                    if let Some(a) = &auth {
                        outln!(
                            "{}: {} {}, {} {}",
                            pick(lang, "认证", "authentication"),
                            pick(
                                lang,
                                "已认证（SM4-CMAC），密钥编号",
                                "authenticated (SM4-CMAC), key id"
                            ),
                            a.key_id,
                            pick(lang, "计数器", "counter"),
                            a.counter
                        );
                    }
                    out!("{}", render(&repr, bytes, lang, md));
                    if decl.is_some() {
                        out!("{}", render_findings(&findings, lang, md));
                    }
                }
            }
            if findings.is_empty() {
                crate::exit::ok()
            } else {
                crate::exit::findings()
            }
        }
        Err((code, offset)) => {
            print_frame_error(code, offset, bytes, format, lang);
            crate::exit::findings()
        }
    }
}

fn print_frame_error(
    code: gasdev::ErrorCode,
    offset: usize,
    bytes: &[u8],
    format: Format,
    lang: Lang,
) {
    if format == Format::Json {
        outln!("{}", json!({"error": code.name(), "offset": offset}));
    } else {
        outln!(
            "{}: {} ({} {})",
            code.name(),
            code.text().get(lang),
            at(lang),
            offset
        );
        // Show the frame's header when it is readable: a report, not just a refusal.
        let f = wire::Frame::new_unchecked(bytes);
        if f.check_len().is_ok() {
            outln!(
                "{}: {:#04x}, seq {}, {}",
                pick(lang, "报文类型", "message type"),
                f.msg_type(),
                f.seq(),
                timestamp_text(wire::Timestamp::from_unix(f.timestamp()), lang)
            );
        }
    }
    errln!("gasdev decode: {} at byte {offset}", code.name());
}

pub(crate) fn at(lang: Lang) -> &'static str {
    pick(lang, "位置：字节", "at byte")
}

pub(crate) fn pick(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    gasdev::Text::new(zh, en).get(lang)
}

/// A decoded frame in its JSON form, with the findings when a declaration was given.
#[derive(serde::Serialize)]
pub(crate) struct Decoded<'a, 'f> {
    #[serde(flatten)]
    pub(crate) frame: &'a FrameRepr<'f>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) findings: Option<&'a [wire::FrameFinding]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) authentication: Option<&'a AuthDoc>,
}

/// One item of `--stream --format json`, at its offset in the stream.
#[derive(serde::Serialize)]
pub(crate) struct ErrorAt {
    pub(crate) error: &'static str,
    pub(crate) offset: usize,
}

impl From<wire::Error> for ErrorAt {
    fn from(e: wire::Error) -> Self {
        ErrorAt {
            error: e.code().name(),
            offset: e.offset(),
        }
    }
}

pub(crate) fn render_findings(findings: &[wire::FrameFinding], lang: Lang, md: bool) -> String {
    let title = pick(lang, "与产品声明的比对", "checked against the declaration");
    if findings.is_empty() {
        return format!("\n{title}: {}\n", pick(lang, "无矛盾", "no contradiction"));
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
    let header = [
        pick(lang, "条款", "clause"),
        pick(lang, "规则", "rule"),
        pick(lang, "问题", "finding"),
    ];
    format!("\n{title}:\n{}", render_rows(&header, &rows, md))
}

fn render_rows(header: &[&str], rows: &[Vec<String>], md: bool) -> String {
    if !md {
        return table(header, rows);
    }
    let mut out = format!(
        "| {} |\n|{}|\n",
        header.join(" | "),
        vec!["---"; header.len()].join("|")
    );
    for r in rows {
        let cells: Vec<String> = r.iter().map(|c| md_cell(c)).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out
}

fn timestamp_text(t: wire::Timestamp, lang: Lang) -> String {
    match t.unix() {
        None => pick(
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
    let date = gasdev::model::Date::from_days_since_epoch(i64::from(secs / 86_400))
        .unwrap_or(gasdev::model::Date::MIN);
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
        Reading::Unknown => pick(lang, "未知（无有效值）", "unknown (no valid value)").to_owned(),
        Reading::Value(c) => concentration_text(c),
    }
}

fn yes_no(b: bool, lang: Lang) -> &'static str {
    if b {
        pick(lang, "是", "yes")
    } else {
        pick(lang, "否", "no")
    }
}

fn level_text(l: gasdev::model::AlarmLevel, lang: Lang) -> &'static str {
    use gasdev::model::AlarmLevel;
    match l {
        AlarmLevel::None => pick(lang, "无", "none"),
        AlarmLevel::Low => pick(lang, "低限", "low"),
        AlarmLevel::High => pick(lang, "高限", "high"),
    }
}

fn snapshot_rows(s: &Snapshot, lang: Lang, rows: &mut Vec<Vec<String>>) {
    let mut row = |k: &str, v: String| rows.push(vec![k.to_owned(), v]);
    if let Some(a) = &s.alarm {
        row(
            pick(lang, "表达状态", "expressed state"),
            a.expressed().text().get(lang).to_owned(),
        );
        row(
            pick(lang, "可燃气体报警", "gas alarm"),
            level_text(a.gas, lang).to_owned(),
        );
        row(
            pick(lang, "一氧化碳报警", "CO alarm"),
            level_text(a.co, lang).to_owned(),
        );
        row(
            pick(lang, "预热", "preheat"),
            yes_no(a.preheat, lang).to_owned(),
        );
        row(
            pick(lang, "故障", "fault"),
            yes_no(a.fault, lang).to_owned(),
        );
        row(
            pick(lang, "寿命到期", "end of life"),
            yes_no(a.end_of_life, lang).to_owned(),
        );
        row(
            pick(lang, "自检中", "self-test"),
            yes_no(a.self_test, lang).to_owned(),
        );
        row(
            pick(lang, "消音", "muted"),
            yes_no(a.muted, lang).to_owned(),
        );
    }
    if let Some(v) = &s.valve {
        row(
            pick(lang, "阀门状态", "valve state"),
            v.state.text().get(lang).to_owned(),
        );
        let trip = v.trip.map_or_else(
            || pick(lang, "—", "—").to_owned(),
            |t| t.text().get(lang).to_owned(),
        );
        row(pick(lang, "关闭原因", "trip reason"), trip);
        row(
            pick(lang, "须手动开启", "manual reset required"),
            yes_no(v.manual_reset_required, lang).to_owned(),
        );
    }
    for (gas, r) in [
        (gasdev::model::Gas::Methane, s.methane),
        (gasdev::model::Gas::CarbonMonoxide, s.carbon_monoxide),
        (gasdev::model::Gas::Propane, s.propane),
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
            pick(lang, "报警", "alarm raised"),
            gas.text().get(lang),
            level_text(level.into(), lang)
        ),
        Event::AlarmCleared { gas } => format!(
            "{}: {}",
            pick(lang, "报警解除", "alarm cleared"),
            gas.text().get(lang)
        ),
        Event::ValveClosed {
            trip,
            manual_reset_required,
        } => format!(
            "{}: {}{}",
            pick(lang, "阀门关闭", "valve closed"),
            trip.map_or(pick(lang, "原因未知", "reason unknown"), |t| t
                .text()
                .get(lang)),
            if manual_reset_required {
                pick(lang, "，须手动开启", ", manual reset required")
            } else {
                ""
            }
        ),
        Event::Fault { fault, active } => format!(
            "{} ({fault:?}): {}",
            pick(lang, "故障", "fault"),
            if active {
                pick(lang, "发生", "raised")
            } else {
                pick(lang, "解除", "cleared")
            }
        ),
        Event::EndOfLife => pick(lang, "传感器寿命到期", "sensor end of life").to_owned(),
        Event::Tamper => pick(lang, "防拆报警", "tamper").to_owned(),
        Event::PowerLost => pick(lang, "主电源断电", "mains power lost").to_owned(),
        Event::PowerRestored => pick(lang, "主电源恢复", "mains power restored").to_owned(),
        Event::SelfTestResult { passed } => format!(
            "{}: {}",
            pick(lang, "自检结果", "self-test result"),
            if passed {
                pick(lang, "通过", "passed")
            } else {
                pick(lang, "未通过", "failed")
            }
        ),
        Event::Mute { muted } => if muted {
            pick(lang, "已消音", "muted")
        } else {
            pick(lang, "取消消音", "unmuted")
        }
        .to_owned(),
        Event::Unknown { code, arg } => format!(
            "{} {code:#04x} ({arg:#04x})",
            pick(lang, "未定义的事件", "undefined event")
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

pub(crate) fn render(repr: &FrameRepr<'_>, bytes: &[u8], lang: Lang, md: bool) -> String {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row = |k: &str, v: String| rows.push(vec![k.to_owned(), v]);
    let ty = wire::MessageType::from_code(repr.message.type_code()).map_or_else(
        || pick(lang, "未定义的类型", "undefined type").to_owned(),
        |m| m.text().get(lang).to_owned(),
    );
    row(
        pick(lang, "报文类型", "message type"),
        format!("{ty} ({:#04x})", repr.message.type_code()),
    );
    row(pick(lang, "序号", "sequence number"), repr.seq.to_string());
    row(
        pick(lang, "时间", "time"),
        timestamp_text(repr.timestamp, lang),
    );
    let mut rest: Vec<Vec<String>> = Vec::new();
    let mut ext = None;
    match &repr.message {
        Message::Status(s) => {
            kv(
                &mut rest,
                pick(lang, "设备类型", "device kind"),
                s.kind.text().get(lang).to_owned(),
            );
            snapshot_rows(&s.snapshot, lang, &mut rest);
            ext = ext_text(&s.extensions);
        }
        Message::Event(e) => {
            kv(
                &mut rest,
                pick(lang, "事件", "event"),
                event_text(&e.event, lang),
            );
            snapshot_rows(&e.snapshot, lang, &mut rest);
            ext = ext_text(&e.extensions);
        }
        Message::Identity(i) => {
            kv(
                &mut rest,
                pick(lang, "设备类型", "device kind"),
                i.kind.text().get(lang).to_owned(),
            );
            kv(
                &mut rest,
                pick(lang, "档次", "tier"),
                i.tier.text().get(lang).to_owned(),
            );
            kv(&mut rest, pick(lang, "型号", "model"), i.model.to_owned());
            kv(
                &mut rest,
                pick(lang, "固件", "firmware"),
                i.firmware.to_owned(),
            );
            for id in i.identifiers.iter() {
                let kind = if id.carrier.is_active() {
                    pick(lang, "主动", "active")
                } else {
                    pick(lang, "被动", "passive")
                };
                kv(
                    &mut rest,
                    pick(lang, "标识", "identifier"),
                    format!("{} ({}, {kind})", id.value, id.carrier.as_str()),
                );
            }
            let caps: Vec<&str> = i.capabilities.iter().map(|c| c.as_str()).collect();
            kv(
                &mut rest,
                pick(lang, "能力", "capabilities"),
                caps.join(", "),
            );
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
                pick(lang, "命令", "command"),
                format!("{}{args}", c.command.code().as_str()),
            );
            ext = ext_text(&c.extensions);
        }
        Message::Ack(a) => {
            kv(
                &mut rest,
                pick(lang, "确认的序号", "acknowledged sequence number"),
                a.ack_seq.to_string(),
            );
            kv(
                &mut rest,
                pick(lang, "命令", "command"),
                a.command.as_str().to_owned(),
            );
            ext = ext_text(&a.extensions);
        }
        Message::Nak(n) => {
            kv(
                &mut rest,
                pick(lang, "拒绝的序号", "refused sequence number"),
                n.ack_seq.to_string(),
            );
            let name = match n.command_code {
                wire::command_code::FORBIDDEN_OPEN_VALVE => pick(
                    lang,
                    "开阀（禁止，VLV-0e）",
                    "open valve (forbidden, VLV-0e)",
                ),
                wire::command_code::FORBIDDEN_CLEAR_LATCH => pick(
                    lang,
                    "清除锁定（禁止，VLV-0e）",
                    "clear latch (forbidden, VLV-0e)",
                ),
                c => wire::CommandCode::from_code(c)
                    .map_or(pick(lang, "未知命令", "unknown command"), |c| {
                        c.as_str()
                    }),
            };
            kv(
                &mut rest,
                pick(lang, "命令", "command"),
                format!("{:#04x} ({name})", n.command_code),
            );
            kv(
                &mut rest,
                pick(lang, "原因", "reason"),
                n.reason.as_str().to_owned(),
            );
            ext = ext_text(&n.extensions);
        }
        Message::Unknown(u) => {
            kv(
                &mut rest,
                pick(lang, "报文体（未解释）", "body (not interpreted)"),
                u.body.iter().map(|b| format!("{b:02x}")).collect(),
            );
        }
    }
    if let Some(e) = ext {
        kv(
            &mut rest,
            pick(lang, "扩展 TLV（保留）", "extension TLVs (kept)"),
            e,
        );
    }
    rows.extend(rest);
    let crc = wire::Frame::new_unchecked(bytes).crc();
    let title = format!(
        "{} {} {}, CRC-32C {crc:08x} {}\n",
        pick(lang, "libgasdev 帧", "libgasdev frame,"),
        bytes.len(),
        pick(lang, "字节", "bytes"),
        pick(lang, "校验正确", "ok")
    );
    let header = [pick(lang, "字段", "field"), pick(lang, "值", "value")];
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
