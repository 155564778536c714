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
use gasdev::model::Declaration;
use gasdev::wire::{self, FrameRepr};
use serde_json::json;

use crate::output::{Format, LangArg};

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

pub(crate) use gasdev::api::render::{render_findings, render_frame as render, timestamp_text};

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
