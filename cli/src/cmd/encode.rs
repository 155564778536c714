//! `gasdev encode JSON`: encode a libgasdev frame from its JSON form (`spec/frame.md` §8) and
//! print it as lowercase hex.
//!
//! The argument is the JSON text itself (it starts with `{`) or the path of a file holding it;
//! `-` reads standard input. Exit: 0 encoded, 1 the frame cannot be emitted (a value out of range,
//! too large, or a forbidden command), 2 the input is unusable (unreadable, malformed JSON, an
//! unknown key or value).

use std::process::ExitCode;

use gasdev::{ErrorCode, Lang};
use serde_json::json;

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
        outln!(
            "{}",
            json!({"error": code.name(), "offset": offset, "detail": detail})
        );
    }
    errln!(
        "gasdev encode: {} at {offset}: {} ({detail})",
        code.name(),
        code.text().get(lang)
    );
}

/// Run the subcommand.
pub fn run(args: Args) -> ExitCode {
    let lang = Lang::from(args.lang);
    let format = args.format;
    let read = if args.input == "-" {
        crate::input::read_limited(std::io::stdin().lock())
    } else if args.input.trim_start().starts_with('{') {
        Ok(args.input.clone().into_bytes())
    } else {
        crate::input::read_file_limited(std::path::Path::new(&args.input))
    };
    let text = match read.and_then(crate::input::utf8) {
        Ok(t) => t,
        Err(e) => {
            let detail = format!("{}:{}:{}: {}", args.input, e.line, e.column, e.message.en);
            fail(e.error_code(), 0, &detail, format, lang);
            return crate::exit::input_error();
        }
    };
    let doc = match gasdev::api::parse_frame_doc(&text) {
        Ok(d) => d,
        Err(e) => {
            let detail = match &e.field {
                Some(f) => format!("[{f}] {}", e.detail),
                None => e.detail.clone(),
            };
            fail(e.code, e.offset, &detail, format, lang);
            // A forbidden command is a frame that cannot be emitted (1); the rest is unusable input (2).
            return if e.code == ErrorCode::FrameForbiddenCommand {
                crate::exit::findings()
            } else {
                crate::exit::input_error()
            };
        }
    };
    match doc.encode() {
        Ok(bytes) => {
            let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
            if format == Format::Json {
                outln!("{}", json!({"hex": hex, "length": bytes.len()}));
            } else {
                outln!("{hex}");
            }
            crate::exit::ok()
        }
        Err(e) => {
            // The field the encoder refused (an empty model, an extension of a known type, …).
            let detail = match doc.encode_error_field() {
                Some(f) => format!("[{f}] {e}"),
                None => e.to_string(),
            };
            fail(e.code(), 0, &detail, format, lang);
            crate::exit::findings()
        }
    }
}
