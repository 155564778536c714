//! `gasdev encode JSON`: encode a libgasdev frame from its JSON form (`spec/frame.md` §8) and
//! print it as lowercase hex.
//!
//! The argument is the JSON text itself (it starts with `{`) or the path of a file holding it;
//! `-` reads standard input. Exit: 0 encoded, 1 the frame cannot be emitted (a value out of range,
//! too large, or a forbidden command), 2 the input is unusable (unreadable, malformed JSON, an
//! unknown key or value).

use std::io::Read as _;
use std::process::ExitCode;

use gasdev::wire::json::FrameDoc;
use gasdev::{ErrorCode, Lang};
use serde_json::{Value, json};

use crate::output::{Format, LangArg};

/// Arguments of `gasdev encode`.
#[derive(clap::Args)]
pub struct Args {
    /// The frame's JSON form, or a file holding it; `-` reads standard input.
    #[arg(value_name = "JSON|FILE")]
    input: String,
    /// Output: `table` prints the hex alone; `json` prints `{"hex": …, "length": n}`.
    #[arg(long, value_enum, default_value_t)]
    format: Format,
    /// Language of messages.
    #[arg(long, value_enum, default_value_t)]
    lang: LangArg,
}

fn fail(code: ErrorCode, offset: usize, detail: &str, format: Format, lang: Lang) {
    if format == Format::Json {
        println!(
            "{}",
            json!({"error": code.name(), "offset": offset, "detail": detail})
        );
    }
    eprintln!(
        "gasdev encode: {} at {offset}: {} ({detail})",
        code.name(),
        code.text().get(lang)
    );
}

/// The byte offset of a 1-based line and column in `text`.
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    start + column.saturating_sub(1)
}

/// Map a serde_json error to the shared input error it is.
fn json_error(e: &serde_json::Error) -> ErrorCode {
    use serde_json::error::Category;
    let msg = e.to_string();
    match e.classify() {
        Category::Io | Category::Syntax | Category::Eof => ErrorCode::InputJsonSyntax,
        Category::Data if msg.starts_with("unknown field") => ErrorCode::InputUnknownField,
        Category::Data if msg.starts_with("missing field") => ErrorCode::InputMissingField,
        Category::Data if msg.starts_with("unknown variant") => ErrorCode::InputUnknownValue,
        Category::Data if msg.starts_with("invalid type") => ErrorCode::InputJsonType,
        Category::Data => ErrorCode::InputInvalidValue,
    }
}

/// Whether the document asks for a command that opens a valve or clears its latch (VLV-0e).
fn forbidden_command(v: &Value) -> bool {
    let kind = v
        .pointer("/message/command/kind")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let words = [
        "open",
        "reopen",
        "unlatch",
        "clear_latch",
        "reset_latch",
        "open_valve",
    ];
    v.pointer("/message/type").and_then(Value::as_str) == Some("command")
        && words.iter().any(|w| kind.contains(w))
}

/// Run the subcommand.
pub fn run(args: Args) -> ExitCode {
    let lang = Lang::from(args.lang);
    let format = args.format;
    let text = if args.input == "-" {
        let mut s = String::new();
        match std::io::stdin().read_to_string(&mut s) {
            Ok(_) => s,
            Err(e) => {
                fail(ErrorCode::InputIo, 0, &e.to_string(), format, lang);
                return crate::exit::input_error();
            }
        }
    } else if args.input.trim_start().starts_with('{') {
        args.input.clone()
    } else {
        match std::fs::read(&args.input) {
            Ok(b) => match String::from_utf8(b) {
                Ok(s) => s,
                Err(e) => {
                    fail(
                        ErrorCode::NotUtf8,
                        e.utf8_error().valid_up_to(),
                        &args.input,
                        format,
                        lang,
                    );
                    return crate::exit::input_error();
                }
            },
            Err(e) => {
                fail(
                    ErrorCode::InputIo,
                    0,
                    &format!("{}: {e}", args.input),
                    format,
                    lang,
                );
                return crate::exit::input_error();
            }
        }
    };
    if text.trim().is_empty() {
        fail(ErrorCode::InputEmpty, 0, "no JSON", format, lang);
        return crate::exit::input_error();
    }
    let doc: FrameDoc = match serde_json::from_str(&text) {
        Ok(d) => d,
        Err(e) => {
            // [FRAME-072] say why a remote open cannot be expressed, rather than "unknown variant".
            if let Ok(v) = serde_json::from_str::<Value>(&text) {
                if forbidden_command(&v) {
                    let detail = "附件3 二：自闭阀关闭后须手动开启 / a self-closing valve is reopened by hand only (VLV-0e)";
                    fail(ErrorCode::FrameForbiddenCommand, 0, detail, format, lang);
                    return crate::exit::findings();
                }
            }
            let offset = byte_offset(&text, e.line(), e.column());
            fail(json_error(&e), offset, &e.to_string(), format, lang);
            return crate::exit::input_error();
        }
    };
    match doc.encode() {
        Ok(bytes) => {
            let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
            if format == Format::Json {
                println!("{}", json!({"hex": hex, "length": bytes.len()}));
            } else {
                println!("{hex}");
            }
            crate::exit::ok()
        }
        Err(e) => {
            fail(e.code(), 0, &e.to_string(), format, lang);
            crate::exit::findings()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_of_lines_and_columns() {
        assert_eq!(byte_offset("{\n  \"x\"", 2, 3), 4);
        assert_eq!(byte_offset("abc", 1, 1), 0);
    }
}
