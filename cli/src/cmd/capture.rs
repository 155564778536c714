//! `gasdev decode --stream`: every libgasdev frame and every GB/T 26875.3 packet of a capture, in
//! any order, with garbage between them (found by `cli/src/scan.rs`), each written as soon as it is
//! found with its offset, protocol and own error (memory: the input, within `--max-input-bytes`,
//! and one item).
//!
//! `--declaration` applies to libgasdev frames; a GB/T 26875.3 packet carries no model or tier to
//! check it against, so each packet says so (`"declaration": "not_applicable"`) and the note is
//! repeated on standard error once.

use std::process::ExitCode;

use gasdev::Lang;
use gasdev::gbt26875 as gbt;
use gasdev::model::Declaration;
use gasdev::wire;

use crate::cmd::decode::{Decoded, ErrorAt, at, pick, render, render_findings};
use crate::output::Format;
use crate::scan::Found;

/// One item of the stream.
#[derive(serde::Serialize)]
struct Item<'a, 'f> {
    offset: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    protocol: Option<&'static str>,
    #[serde(flatten)]
    what: What<'a, 'f>,
}

#[derive(serde::Serialize)]
#[serde(rename_all = "snake_case")]
enum What<'a, 'f> {
    Skipped(usize),
    Rejected(ErrorAt),
    Error(ErrorAt),
    Frame(Decoded<'a, 'f>),
    Packet(PacketItem<'a, 'f>),
}

#[derive(serde::Serialize)]
struct PacketItem<'a, 'f> {
    #[serde(flatten)]
    packet: &'a gbt::Decoded<'f>,
    #[serde(skip_serializing_if = "Option::is_none")]
    declaration: Option<&'static str>,
}

const LIBGASDEV: Option<&str> = Some("libgasdev");
const GBT: Option<&str> = Some("gbt26875");

struct Sink<'o> {
    out: &'o mut crate::out::Out,
    format: Format,
    lang: Lang,
    first: bool,
    clean: bool,
}

impl Sink<'_> {
    fn item(&mut self, item: &Item<'_, '_>, text: &str) {
        use std::io::Write as _;
        match self.format {
            Format::Json => {
                let json = serde_json::to_string_pretty(item).unwrap_or_default();
                let sep = if self.first { "[" } else { ",\n" };
                let _ = write!(self.out, "{sep}{json}");
            }
            Format::Table | Format::Markdown => {
                let _ = write!(self.out, "{text}");
            }
        }
        self.first = false;
    }

    fn error(&mut self, offset: usize, protocol: Option<&'static str>, what: What<'_, '_>) {
        self.clean = false;
        let (label, e) = match &what {
            What::Rejected(e) => (pick(self.lang, "拒绝", "rejected"), e),
            What::Error(e) => (pick(self.lang, "无效", "invalid"), e),
            _ => return,
        };
        let text = format!(
            "@{offset}: {} {label} {} ({} {})\n",
            protocol.unwrap_or_default(),
            e.error,
            at(self.lang),
            e.offset
        );
        self.item(
            &Item {
                offset,
                protocol,
                what,
            },
            &text,
        );
    }
}

/// Decode every frame and packet of `bytes`; exit 0 when the stream held nothing else, 1 otherwise.
pub fn decode_stream(
    bytes: &[u8],
    format: Format,
    lang: Lang,
    decl: Option<&Declaration>,
) -> ExitCode {
    let mut out = crate::out::Out::new();
    let mut sink = Sink {
        out: &mut out,
        format,
        lang,
        first: true,
        clean: true,
    };
    let md = format == Format::Markdown;
    let mut gbt_packets = 0usize;
    crate::scan::scan(bytes, |pos, len, found| match found {
        Found::Skipped => {
            sink.clean = false;
            let text = format!(
                "@{pos}: {} {len} {}\n",
                pick(lang, "跳过", "skipped"),
                pick(lang, "字节", "bytes")
            );
            sink.item(
                &Item {
                    offset: pos,
                    protocol: None,
                    what: What::Skipped(len),
                },
                &text,
            );
        }
        Found::Frame(repr) => {
            let frame_bytes = bytes.get(pos..pos.saturating_add(len)).unwrap_or_default();
            let findings = decl.map(|d| wire::validate(&repr, d)).unwrap_or_default();
            if !findings.is_empty() {
                sink.clean = false;
            }
            let mut text = format!("\n@{pos}:\n{}", render(&repr, frame_bytes, lang, md));
            if decl.is_some() {
                text.push_str(&render_findings(&findings, lang, md));
            }
            let decoded = Decoded {
                frame: &repr,
                findings: decl.map(|_| findings.as_slice()),
                authentication: None,
            };
            sink.item(
                &Item {
                    offset: pos,
                    protocol: LIBGASDEV,
                    what: What::Frame(decoded),
                },
                &text,
            );
        }
        Found::Packet(d) => {
            gbt_packets = gbt_packets.saturating_add(1);
            let mut text = format!(
                "\n@{pos}:\n{}\n",
                crate::cmd::decode_gbt::render(&d, lang, false, md)
            );
            if decl.is_some() {
                text.push_str(pick(
                    lang,
                    "（声明核对不适用于 GB/T 26875.3 报文）\n",
                    "(the declaration does not apply to GB/T 26875.3 packets)\n",
                ));
            }
            let item = PacketItem {
                packet: &d,
                declaration: decl.map(|_| "not_applicable"),
            };
            sink.item(
                &Item {
                    offset: pos,
                    protocol: GBT,
                    what: What::Packet(item),
                },
                &text,
            );
        }
        Found::FrameRejected(e) => sink.error(pos, LIBGASDEV, What::Rejected(ErrorAt::from(e))),
        Found::PacketError(e) => sink.error(pos, GBT, What::Error(gbt_error(e))),
        Found::PacketRejected(e) => sink.error(pos, GBT, What::Rejected(gbt_error(e))),
    });
    let (first, clean) = (sink.first, sink.clean);
    {
        use std::io::Write as _;
        if format == Format::Json {
            let _ = writeln!(out, "{}", if first { "[]" } else { "]" });
        }
    }
    out.done();
    if decl.is_some() && gbt_packets > 0 {
        errln!(
            "gasdev decode: --declaration was not applied to the {gbt_packets} GB/T 26875.3 packet(s): they carry no model or tier to check"
        );
    }
    if clean {
        crate::exit::ok()
    } else {
        crate::exit::findings()
    }
}

fn gbt_error(e: gbt::Error) -> ErrorAt {
    ErrorAt {
        error: e.code().name(),
        offset: e.offset(),
    }
}
