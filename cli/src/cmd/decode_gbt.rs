//! GB/T 26875.3-2011 packets for `gasdev decode` (`spec/gbt26875.md`).
//!
//! `cmd::decode` calls [`detect`] on its input and, when it is true, hands the input to [`decode`]:
//! binary packets start with `@@`; their ASCII-hex text (`4040…`, whitespace allowed, either case)
//! is converted first and the output says so. `--format json` prints the JSON form of the spec
//! (§4), or `{"error": NAME, "offset": n}`.
//!
//! Exit status: 0 decoded (tolerant deviations are listed, not failures), 1 the packet is rejected,
//! 2 the hex text is malformed or the output cannot be written.

use std::process::ExitCode;

use gasdev::Lang;
use gasdev::gbt26875::{self as gbt, Mode, Options};

use crate::output::Format;

/// Whether `input` is a GB/T 26875.3 packet (`@@…`) or the ASCII-hex text of one (`4040…`):
/// the core's detection.
pub use gasdev::gbt26875::is_packet_input as detect;

/// Decode one packet from `input` (bytes or ASCII-hex text) and print it in `format`.
///
/// `strict` selects conformance checking (every deviation is an error); otherwise the tolerant
/// decoder accepts what real devices send and lists the deviations.
pub fn decode(input: &[u8], format: Format, lang: Lang, strict: bool) -> ExitCode {
    let (bytes, from_hex) = if input.starts_with(&gbt::START) {
        (input.to_vec(), false)
    } else {
        let mut buf = vec![0u8; input.len() / 2 + 1];
        match gbt::decode_hex_text(input, &mut buf) {
            Ok(n) => {
                buf.truncate(n);
                (buf, true)
            }
            Err(e) => {
                print_error(e, format, lang, true);
                return crate::exit::input_error();
            }
        }
    };
    let mode = if strict { Mode::Strict } else { Mode::Tolerant };
    match gbt::decode(
        &bytes,
        Options {
            mode,
            verify_checksum: true,
        },
    ) {
        Ok(d) => {
            let text = match format {
                Format::Json => serde_json::to_string_pretty(&d).map_err(|e| e.to_string()),
                Format::Table => Ok(render(&d, lang, from_hex, false)),
                Format::Markdown => Ok(render(&d, lang, from_hex, true)),
            };
            match text {
                Ok(t) => emit(&t),
                Err(e) => {
                    errln!("gasdev decode: {e}");
                    crate::exit::input_error()
                }
            }
        }
        Err(e) => {
            print_error(e, format, lang, from_hex);
            crate::exit::findings()
        }
    }
}

fn emit(text: &str) -> ExitCode {
    outln!("{}", text.trim_end());
    crate::exit::ok()
}

fn print_error(e: gbt::Error, format: Format, lang: Lang, from_hex: bool) {
    match format {
        Format::Json => {
            let v = serde_json::to_string(&e).unwrap_or_default();
            let _ = emit(&v);
        }
        Format::Table | Format::Markdown => {
            let what = label(lang, "GB/T 26875.3 报文无效", "invalid GB/T 26875.3 packet");
            let at = label(lang, "字节", "byte");
            let hex = if from_hex {
                label(lang, "（十六进制文本）", " (hex text)")
            } else {
                ""
            };
            let _ = emit(&format!(
                "{what}{hex}: {} ({at} {}): {}",
                e.code().name(),
                e.offset(),
                e.code().text().get(lang)
            ));
        }
    }
}

pub(crate) use gasdev::api::render::render_gbt as render;

fn label(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    gasdev::Text::new(zh, en).get(lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    const S1: &str = "404001000100001e0c010518010000000000000000000000300002020101010b050001000300b3f8b7bfc8bcc6f80000000000000000000000000000000000000000000000001e0c010518412323";

    #[test]
    fn detects_binary_and_hex_text() {
        assert!(detect(b"@@\x01\x00"));
        assert!(detect(b" 40 40 01"));
        assert!(detect(S1.as_bytes()));
        assert!(!detect(b"{\"kind\": 1}"));
        assert!(!detect(b"4041"));
    }
}
