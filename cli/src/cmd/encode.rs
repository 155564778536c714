//! `gasdev encode JSON`: encode a libgasdev frame from its JSON form (`spec/frame.md` §8) and
//! print it as lowercase hex.
//!
//! The argument is the JSON text itself (it starts with `{`) or the path of a file holding it;
//! `-` reads standard input. Exit: 0 encoded, 1 the frame cannot be emitted (a value out of range,
//! too large, or a forbidden command), 2 the input is unusable (unreadable, malformed JSON, an
//! unknown key or value, an unusable key file).
//!
//! `--key-file FILE --counter N` seals the frame (`spec/security.md` [SEC-025]): the security TLV
//! with the file's key id and the sender's counter `N`, SM4-CMAC tag, CRC. The key is read from the
//! file, never from the command line [SEC-054]; the caller keeps the counter and never reuses it.

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
    /// Seal the frame with the key in this file (`{"key_id": n, "key": "<32 hex digits>"}`).
    #[arg(long, value_name = "FILE", requires = "counter")]
    key_file: Option<std::path::PathBuf>,
    /// The sender's frame counter for this key (0..=4294967294; never reuse one) [SEC-040].
    #[arg(long, value_name = "N", requires = "key_file")]
    counter: Option<u32>,
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
    let key = match &args.key_file {
        None => None,
        Some(path) => match crate::keyfile::read(path) {
            Ok(k) => Some(k),
            Err(e) => {
                fail(e.code, 0, &e.detail, format, lang);
                return crate::exit::input_error();
            }
        },
    };
    let encoded = doc.encode().map_err(|e| {
        // The field the encoder refused (an empty model, an extension of a known type, …).
        let detail = match doc.encode_error_field() {
            Some(f) => format!("[{f}] {e}"),
            None => e.to_string(),
        };
        (e.code(), 0, detail)
    });
    let encoded = match (encoded, key) {
        (Ok(bytes), Some(k)) => {
            let mut out = [0u8; gasdev::wire::MAX_FRAME_LEN];
            let counter = args.counter.unwrap_or_default();
            gasdev::secure::seal(&bytes, &k.key, k.key_id, counter, &mut out)
                .map(|n| out.get(..n).unwrap_or_default().to_vec())
                .map_err(|e| (e.code(), e.offset(), e.to_string()))
        }
        (other, _) => other,
    };
    match encoded {
        Ok(bytes) => {
            let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
            if format == Format::Json {
                outln!("{}", json!({"hex": hex, "length": bytes.len()}));
            } else {
                outln!("{hex}");
            }
            crate::exit::ok()
        }
        Err((code, offset, detail)) => {
            fail(code, offset, &detail, format, lang);
            crate::exit::findings()
        }
    }
}
