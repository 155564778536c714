//! Decoding and encoding frames and packets as every binding does: bytes or hex text, the
//! protocol detected (`@@`/`4040`: GB/T 26875.3, else a libgasdev frame) or given, a single frame
//! or packet, or a stream of frames; encoding from the JSON form. Values are the JSON texts of
//! `decodeFrame` / `decodeStream` (frames borrow the decoded bytes, so they are serialised here).

use alloc::boxed::Box;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec;
use alloc::vec::Vec;

use serde::Serialize;

use super::document::{Document, parse_document};
use super::error::ApiError;
use super::frame_doc::parse_frame_doc;
use super::hex::{parse_hex, to_hex as hex};
use crate::ErrorCode;
use crate::gbt26875::{self as gbt, Mode, Options};
use crate::model::Declaration;
use crate::wire::{self, FrameRepr, StreamDecoder, StreamEvent};

/// A frame, packet or identifier given either as text or as bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Text: hex for frames and packets, the identifier itself for identifiers.
    Text(String),
    /// Raw bytes (a capture file's contents, or an identifier that may not be UTF-8).
    Bytes(Vec<u8>),
}

/// Which decoder `decodeFrame` uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Protocol {
    /// GB/T 26875.3 if the input starts with `@@` (or its hex `4040`), else a libgasdev frame.
    #[default]
    Auto,
    /// A libgasdev frame (`spec/frame.md`).
    Libgasdev,
    /// A GB/T 26875.3 packet (`spec/gbt26875.md`).
    Gbt26875,
}

impl Protocol {
    /// The protocol of its JavaScript name (`auto`, `libgasdev`, `gbt26875`).
    pub fn from_name(name: &str) -> Option<Protocol> {
        match name {
            "auto" => Some(Protocol::Auto),
            "libgasdev" => Some(Protocol::Libgasdev),
            "gbt26875" => Some(Protocol::Gbt26875),
            _ => None,
        }
    }
}

/// Options of `decodeFrame` (read from the JavaScript object by `lib.rs`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DecodeOptions {
    /// Which decoder (default: detect).
    pub protocol: Protocol,
    /// GB/T 26875.3: reject every deviation instead of tolerating known ones.
    pub strict: bool,
    /// GB/T 26875.3: decode even with a wrong checksum (`false`; for diagnosis only).
    pub verify_checksum: Option<bool>,
    /// libgasdev frames: check the frame against this product declaration.
    pub declaration: Option<String>,
}

/// Where a field of a libgasdev frame is, for display (`spec/frame.md` §2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "FrameSpan"))]
pub struct Span {
    /// Field name: `magic`, `version`, `length`, `type`, `seq`, `timestamp`, `body`, `crc`.
    #[cfg_attr(
        feature = "ts",
        ts(
            type = "\"magic\" | \"version\" | \"length\" | \"type\" | \"seq\" | \"timestamp\" | \"body\" | \"crc\""
        )
    )]
    pub field: &'static str,
    /// First byte.
    pub offset: usize,
    /// Number of bytes.
    pub length: usize,
}

/// The layout of a frame of `total` bytes (`spec/frame.md` §2).
fn layout(total: usize) -> Vec<Span> {
    let span = |field, offset, length| Span {
        field,
        offset,
        length,
    };
    let body_end = total.saturating_sub(wire::CRC_LEN);
    vec![
        span("magic", 0, 2),
        span("version", 2, 1),
        span("length", 3, 1),
        span("type", 4, 1),
        span("seq", 5, 2),
        span("timestamp", 7, 4),
        span(
            "body",
            wire::HEADER_LEN,
            body_end.saturating_sub(wire::HEADER_LEN),
        ),
        span("crc", body_end, wire::CRC_LEN),
    ]
}

/// How the input was given: `hex` text or raw `bytes`.
fn source_name(from_hex: bool) -> &'static str {
    if from_hex { "hex" } else { "bytes" }
}

#[derive(Serialize)]
#[serde(tag = "protocol", rename_all = "lowercase")]
enum Decoded<'a> {
    Libgasdev {
        source: &'static str,
        length: usize,
        hex: String,
        layout: Vec<Span>,
        frame: FrameRepr<'a>,
        #[serde(skip_serializing_if = "Option::is_none")]
        findings: Option<Vec<wire::FrameFinding>>,
    },
    Gbt26875 {
        source: &'static str,
        length: usize,
        hex: String,
        packet: gbt::Decoded<'a>,
    },
}

/// Whether raw bytes are really hex text (a capture saved as text): digits and whitespace only.
fn looks_like_hex_text(b: &[u8]) -> bool {
    b.iter().any(u8::is_ascii_hexdigit)
        && b.iter()
            .all(|c| c.is_ascii_hexdigit() || c.is_ascii_whitespace())
}

/// The bytes of an input, the protocol to use, and whether they came from hex text.
///
/// # Errors
/// `INPUT_EMPTY`; `FRAME_BAD_HEX` / `GBT_…` for hex text that is not.
pub fn frame_bytes(
    input: Input,
    protocol: Protocol,
) -> Result<(Vec<u8>, Protocol, bool), ApiError> {
    // With an explicit protocol, bytes are the frame or packet itself (ASCII hex included:
    // GB/T 26875.3 reports it as `GBT_ASCII_HEX`) and empty input is the decoder's to reject.
    let (raw, is_text) = match input {
        Input::Text(t) => (t.into_bytes(), true),
        Input::Bytes(b) => {
            let text = protocol == Protocol::Auto && looks_like_hex_text(&b);
            (b, text)
        }
    };
    if protocol == Protocol::Auto && raw.trim_ascii().is_empty() {
        return Err(ApiError::new(ErrorCode::InputEmpty).at(0));
    }
    if !is_text {
        let p = match protocol {
            Protocol::Auto if raw.starts_with(&gbt::START) => Protocol::Gbt26875,
            Protocol::Auto => Protocol::Libgasdev,
            p => p,
        };
        return Ok((raw, p, false));
    }
    let p = match protocol {
        Protocol::Auto if gbt::looks_like_hex_text(&raw) => Protocol::Gbt26875,
        Protocol::Auto => Protocol::Libgasdev,
        p => p,
    };
    let bytes = if p == Protocol::Gbt26875 {
        let mut buf = vec![0u8; raw.len() / 2 + 1];
        let n = gbt::decode_hex_text(&raw, &mut buf)?;
        buf.truncate(n);
        buf
    } else {
        parse_hex(&raw)?
    };
    Ok((bytes, p, true))
}

/// Parse the declaration a frame is checked against.
fn declaration(text: &str) -> Result<Box<Declaration>, ApiError> {
    match parse_document(text) {
        Ok(Document::Declaration(d)) => Ok(d),
        Ok(Document::Catalogue(_)) => Err(ApiError::new(ErrorCode::InputUnknownDocument)
            .field("declaration")
            .detail("a catalogue, not a declaration")),
        Err(e) => Err(ApiError::from(e).under("declaration")),
    }
}

/// Decode one frame or packet: the JSON text of the value of `decodeFrame`.
///
/// # Errors
/// The input's error (hex text, frame, packet or declaration) with its offset or field.
pub fn decode_frame_json(input: Input, options: DecodeOptions) -> Result<String, ApiError> {
    let decl = options
        .declaration
        .as_deref()
        .map(declaration)
        .transpose()?;
    let (bytes, protocol, from_hex) = frame_bytes(input, options.protocol)?;
    let source = source_name(from_hex);
    let value = match protocol {
        Protocol::Gbt26875 => {
            let opts = Options {
                mode: if options.strict {
                    Mode::Strict
                } else {
                    Mode::Tolerant
                },
                verify_checksum: options.verify_checksum.unwrap_or(true),
            };
            let packet = gbt::decode(&bytes, opts).map_err(|e| ApiError::from(e).echo(&bytes))?;
            serde_json::to_string(&Decoded::Gbt26875 {
                source,
                length: bytes.len(),
                hex: hex(&bytes),
                packet,
            })
        }
        Protocol::Libgasdev | Protocol::Auto => {
            let frame = wire::decode(&bytes).map_err(|e| ApiError::from(e).echo(&bytes))?;
            let findings = decl.map(|d| wire::validate(&frame, &d));
            serde_json::to_string(&Decoded::Libgasdev {
                source,
                length: bytes.len(),
                hex: hex(&bytes),
                layout: layout(bytes.len()),
                frame,
                findings,
            })
        }
    };
    value.map_err(|e| ApiError::new(ErrorCode::InvalidParameter).detail(&e.to_string()))
}

/// One item of a decoded stream.
#[derive(Serialize)]
struct StreamItem<'a> {
    offset: usize,
    length: usize,
    #[serde(flatten)]
    what: StreamWhat<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "snake_case")]
enum StreamWhat<'a> {
    Skipped(usize),
    Rejected(ErrorAt),
    Error(ErrorAt),
    Frame(FrameRepr<'a>),
}

#[derive(Serialize)]
struct ErrorAt {
    error: &'static str,
    offset: usize,
}

impl From<wire::Error> for ErrorAt {
    fn from(e: wire::Error) -> Self {
        ErrorAt {
            error: e.code().name(),
            offset: e.offset(),
        }
    }
}

/// The JSON text of a decoded stream's items and its totals.
#[derive(Default)]
struct StreamText {
    items: String,
    frames: usize,
    skipped: usize,
    rejected: usize,
    /// A run of skipped bytes not yet written: `(offset, length)`.
    pending_skip: Option<(usize, usize)>,
}

impl StreamText {
    fn push(&mut self, item: &StreamItem<'_>) {
        let text = serde_json::to_string(item).unwrap_or_else(|_| String::from("null"));
        if !self.items.is_empty() {
            self.items.push(',');
        }
        self.items.push_str(&text);
    }

    fn flush_skip(&mut self) {
        if let Some((offset, n)) = self.pending_skip.take() {
            self.push(&StreamItem {
                offset,
                length: n,
                what: StreamWhat::Skipped(n),
            });
        }
    }
}

/// Decode a byte stream of frames: the JSON text of the value of `decodeStream`.
///
/// # Errors
/// `INPUT_EMPTY`, or `FRAME_BAD_HEX` for hex text that is not.
pub fn decode_stream_json(input: Input) -> Result<String, ApiError> {
    // A capture saved as hex text is read as hex.
    let input = match input {
        Input::Bytes(b) if looks_like_hex_text(&b) => {
            Input::Text(String::from_utf8_lossy(&b).into_owned())
        }
        other => other,
    };
    let (bytes, _, from_hex) = frame_bytes(input, Protocol::Libgasdev)?;
    let mut v = StreamText::default();
    let mut pos = 0usize;
    let mut handle = |ev: StreamEvent<'_>, v: &mut StreamText| {
        let (length, what) = match ev {
            StreamEvent::Skipped(n) => {
                v.skipped = v.skipped.saturating_add(n);
                let run = v
                    .pending_skip
                    .map_or((pos, n), |(o, m)| (o, m.saturating_add(n)));
                v.pending_skip = Some(run);
                pos = pos.saturating_add(n);
                return;
            }
            StreamEvent::Rejected(e) => {
                v.rejected = v.rejected.saturating_add(1);
                (1, StreamWhat::Rejected(e.into()))
            }
            StreamEvent::Frame(f) => {
                v.frames = v.frames.saturating_add(1);
                let n = f.bytes().len();
                match FrameRepr::parse(&f) {
                    Ok(repr) => (n, StreamWhat::Frame(repr)),
                    Err(e) => (n, StreamWhat::Error(e.into())),
                }
            }
        };
        v.flush_skip();
        v.push(&StreamItem {
            offset: pos,
            length,
            what,
        });
        pos = pos.saturating_add(length);
    };
    let mut d = StreamDecoder::new();
    d.feed_all(&bytes, |ev| handle(ev, &mut v));
    d.finish_all(|ev| handle(ev, &mut v));
    v.flush_skip();
    Ok(format!(
        "{{\"source\":\"{}\",\"length\":{},\"frames\":{},\"skipped\":{},\"rejected\":{},\"items\":[{}]}}",
        source_name(from_hex),
        bytes.len(),
        v.frames,
        v.skipped,
        v.rejected,
        v.items
    ))
}

/// Count the frames in a stream without building their JSON (`countFrames`): the decoding loop
/// alone, for throughput measurements and quick checks of large captures.
pub fn count_frames(bytes: &[u8]) -> [usize; 3] {
    let (mut frames, mut skipped, mut rejected) = (0usize, 0usize, 0usize);
    let mut note = |ev: StreamEvent<'_>| match ev {
        StreamEvent::Frame(f) => {
            if FrameRepr::parse(&f).is_ok() {
                frames += 1;
            } else {
                rejected += 1;
            }
        }
        StreamEvent::Skipped(n) => skipped += n,
        StreamEvent::Rejected(_) => rejected += 1,
    };
    let mut d = StreamDecoder::new();
    d.feed_all(bytes, &mut note);
    d.finish_all(&mut note);
    [frames, skipped, rejected]
}

/// An encoded frame.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "EncodedFrame"))]
pub struct Encoded {
    /// Lowercase hex of its bytes.
    pub hex: String,
    /// Its length in bytes.
    pub length: usize,
}

/// Encode a frame from its JSON form (`encodeFrame`, `gasdev encode`): its hex and length.
///
/// # Errors
/// The document's error (field, line, column) or the encoder's.
pub fn encode_frame(text: &str) -> Result<Encoded, ApiError> {
    let frame = parse_frame_doc(text).map_err(|e| match e.code {
        ErrorCode::InputEmpty => ApiError::new(ErrorCode::InputEmpty).at(0),
        code => {
            let mut a = ApiError::new(code).detail(&e.detail);
            if let Some(f) = &e.field {
                a = a.field(f);
            }
            a.line = (e.line > 0).then_some(e.line);
            a.column = (e.column > 0).then_some(e.column);
            a
        }
    })?;
    let bytes = frame
        .encode()
        .map_err(|e| ApiError::new(e.code()).detail(&e.to_string()))?;
    Ok(Encoded {
        hex: hex(&bytes),
        length: bytes.len(),
    })
}
