//! The binding's functions in plain Rust: each takes Rust values and returns the JSON text of a
//! tagged result, `{"type": "ok", "value": …}` or `{"type": "error", "error": {…}}`.
//!
//! The `#[wasm_bindgen]` layer in `lib.rs` only converts JavaScript arguments into these inputs
//! and the JSON text into a JavaScript object (`JSON.parse`), so everything here is tested natively
//! (`cargo test -p gasdev-wasm`). Values are the documented JSON forms that `gasdev --format json`
//! prints (snake_case keys, as in `spec/`); the envelope and the error object are camelCase.
//!
//! Domain failures (a bad frame, a malformed declaration, an invalid identifier) are results
//! carrying the shared error name of `spec/errors.json`. Only misuse of the call itself (an
//! unknown option, an argument of the wrong shape) is a [`Misuse`], which JavaScript sees thrown.

// `allow`, not `expect`: the lint fires on 64-bit targets only (usize makes the error larger).
#![allow(
    clippy::result_large_err,
    reason = "one error per call, serialized at once at the JavaScript boundary: boxing buys nothing"
)]

use gasdev::ErrorCode;
use gasdev::gbt26875 as gbt;
use gasdev::ident::Scheme;
use gasdev::install::RuleSet;
use gasdev::model::Date;
use gasdev::wire;
use serde::{Deserialize, Serialize};

/// The call itself is wrong (unknown option, argument of the wrong type or shape). JavaScript
/// sees it thrown as an `Error` with this message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Misuse(pub String);

impl core::fmt::Display for Misuse {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A JSON document's text (given as text, or as an object that was turned into its text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocArg(pub String);

// A string is the document's text; anything else is the document itself, kept as its JSON
// text (serde_json's `RawValue`: no value is built, and no buffering `untagged` reader).
impl<'de> Deserialize<'de> for DocArg {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = Box::<serde_json::value::RawValue>::deserialize(d)?;
        let text = raw.get();
        if text.starts_with('"') {
            serde_json::from_str::<String>(text)
                .map(DocArg)
                .map_err(serde::de::Error::custom)
        } else {
            Ok(DocArg(text.to_owned()))
        }
    }
}

impl DocArg {
    /// The JSON text to parse.
    pub fn into_text(self) -> String {
        self.0
    }
}

pub use gasdev::api::{ApiError, MAX_ECHO_BYTES, parse_hex, to_hex as hex};

/// The JSON text of a result (the core's tagged form).
fn outcome<T: Serialize>(r: Result<T, ApiError>) -> String {
    gasdev::api::to_json(r)
}

// ---------------------------------------------------------------------------------------------
// Frames and packets
// ---------------------------------------------------------------------------------------------

pub use gasdev::api::{DecodeOptions, Encoded, Input, Protocol, Span, count_frames, frame_bytes};

/// Decode one libgasdev frame or one GB/T 26875.3 packet (`decodeFrame`). The value is
/// `{protocol: "libgasdev", frame, findings?, …}` or `{protocol: "gbt26875", packet, …}`, where
/// `frame` and `packet` are what `gasdev decode --format json` prints.
pub fn decode_frame(input: Input, options: DecodeOptions) -> String {
    // The value is already JSON text: spliced in without a second serialization.
    match gasdev::api::decode_frame_json(input, options) {
        Ok(v) => format!("{{\"type\":\"ok\",\"value\":{v}}}"),
        Err(e) => outcome::<()>(Err(e)),
    }
}

/// Decode every libgasdev frame in a byte stream (`decodeStream`): frames, skipped garbage and
/// rejected candidates in stream order, consecutive skips merged (`spec/frame.md` §9).
pub fn decode_stream(input: Input) -> String {
    match gasdev::api::decode_stream_json(input) {
        Ok(v) => format!("{{\"type\":\"ok\",\"value\":{v}}}"),
        Err(e) => outcome::<()>(Err(e)),
    }
}

/// Encode a libgasdev frame from its JSON form (`encodeFrame`, as `gasdev encode`).
pub fn encode_frame(doc: DocArg) -> String {
    outcome(gasdev::api::encode_frame(&doc.into_text()))
}

// ---------------------------------------------------------------------------------------------
// Identifiers
// ---------------------------------------------------------------------------------------------

/// Options of `parseIdent`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IdentOptions {
    /// Parse as this scheme instead of detecting it (`idis`, `handle`, `oid`, `gs1`,
    /// `gs1_digital_link`, `ma`, `ecode`).
    pub scheme: Option<String>,
    /// Reject a prefix without an item suffix (`IDENT_PREFIX_ONLY`).
    pub require_item: bool,
}

/// Parse and validate an identifier (`parseIdent`); the value is the identifier's JSON report
/// (`spec/identifiers.md` §10, as `gasdev ident --format json`).
///
/// # Errors
/// [`Misuse`] for an unknown scheme name.
pub fn parse_ident(input: Input, options: IdentOptions) -> Result<String, Misuse> {
    let scheme = match options.scheme.as_deref() {
        None => None,
        Some(name) => Some(
            Scheme::from_name(name)
                .ok_or_else(|| Misuse(format!("parseIdent: unknown scheme \"{name}\"")))?,
        ),
    };
    let bytes = match &input {
        Input::Text(t) => t.as_bytes(),
        Input::Bytes(b) => b.as_slice(),
    };
    // Text is UTF-8, so reading it as bytes gives the same result (one parser call site).
    let result = gasdev::api::parse_ident(bytes, scheme, options.require_item);
    Ok(outcome(match &result {
        Ok(_) => Ok(gasdev::api::ident_report(bytes, &result, gasdev::Lang::En)),
        Err(e) => Err(ApiError::from(*e)),
    }))
}

/// The parts of a valid 统一社会信用代码 (`checkCreditCode`).
#[derive(Debug, Clone, Serialize)]
pub struct CreditCodeParts {
    /// The 18 characters.
    pub code: String,
    /// 登记管理机关行政区划码 (positions 3–8).
    pub region: String,
    /// 主体标识码 (positions 9–17).
    pub organisation_code: String,
}

/// Validate a 统一社会信用代码 (GB 32100-2015) with the core's `CreditCode::parse_bytes`.
pub fn check_credit_code(input: Input) -> String {
    let bytes = match &input {
        Input::Text(t) => t.as_bytes(),
        Input::Bytes(b) => b.as_slice(),
    };
    outcome(
        gasdev::model::CreditCode::parse_bytes(bytes)
            .map(|c| CreditCodeParts {
                code: c.as_str().into(),
                region: c.region().into(),
                organisation_code: c.organisation_code().into(),
            })
            .map_err(|e| ApiError::new(e.code()).at(e.offset).detail(&e.to_string())),
    )
}

// ---------------------------------------------------------------------------------------------
// Declarations, catalogues, requirements, inspections
// ---------------------------------------------------------------------------------------------

pub use gasdev::api::Expect;

/// Options of the checks and of `inspect`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CheckOptions {
    /// Date on which certificates must be valid and deadlines are counted (`YYYY-MM-DD`);
    /// default: today (UTC).
    pub as_of: Option<String>,
    /// `inspect` only: the catalogue to check installed devices against.
    pub catalogue: Option<DocArg>,
    /// `inspect` only: vendors' declarations (a JSON array), for unlisted models and detected
    /// gases.
    pub declarations: Option<DocArg>,
}

/// The date of `options`, or `today`.
fn as_of(options: &CheckOptions, today: Date) -> Result<Date, ApiError> {
    match &options.as_of {
        None => Ok(today),
        Some(s) => Date::parse(s).map_err(|e| {
            ApiError::new(e.code())
                .field("asOf")
                .detail(&format!("\"{s}\": {e}"))
        }),
    }
}

/// Check a declaration or a catalogue (`checkDocument`, `checkDeclaration`, `checkCatalogue`):
/// the core's [`gasdev::api::check_document`]. The value is `{document, as_of, ruleset,
/// ruleset_version, report}` for `Expect::Any` (one file of `gasdev check --format json`), the
/// bare report otherwise.
pub fn check(doc: DocArg, options: &CheckOptions, today: Date, expect: Expect) -> String {
    let r = as_of(options, today)
        .and_then(|date| gasdev::api::check_document(&doc.into_text(), expect, date));
    match (r, expect) {
        (Ok(c), Expect::Any) => outcome(Ok(c)),
        (Ok(c), _) => outcome(Ok(c.report)),
        (Err(e), _) => outcome::<()>(Err(e)),
    }
}

/// One file of a batch given by the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NamedFile {
    /// A JSON document: its name and its text.
    Text {
        /// The file's name.
        path: String,
        /// Its text.
        text: String,
    },
    /// A catalogue workbook (`.xlsx`, read in the sheets module only): its name and its bytes.
    Workbook {
        /// The file's name.
        path: String,
        /// Its bytes.
        bytes: Vec<u8>,
    },
}

impl NamedFile {
    /// The entries of the batch it gives, as `gasdev check` reads the same file: one for a JSON
    /// document, those of `gasdev::api::workbook::catalogue_entries` for a workbook (sheets module).
    fn entries(
        self,
    ) -> Vec<(
        String,
        Result<gasdev::api::Document, gasdev::api::InputError>,
    )> {
        match self {
            NamedFile::Text { path, text } => {
                let read = gasdev::api::parse_document(&text);
                vec![(path, read)]
            }
            NamedFile::Workbook { path, bytes } => crate::workbook::catalogue_entries(bytes, &path),
        }
    }
}

/// What `exportCheck` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// `gasdev check --format json`.
    Json,
    /// `gasdev check --format markdown`.
    Markdown,
}

/// Check a batch of files and render it as `gasdev check` does (`exportCheck`): the JSON of
/// `--format json` or the Markdown report, both from the core, so the page's downloads are the
/// CLI's output for the same files.
pub fn export_check(
    files: Vec<NamedFile>,
    options: &CheckOptions,
    today: Date,
    format: ExportFormat,
    lang: gasdev::Lang,
    failures_only: bool,
) -> String {
    let r = as_of(options, today).and_then(|date| {
        let mut batch = gasdev::api::CheckBatch::new(date);
        for (path, read) in files.into_iter().flat_map(NamedFile::entries) {
            batch.push(path, read);
        }
        match format {
            ExportFormat::Json => serde_json::to_string_pretty(&batch)
                .map(|t| t + "\n")
                .map_err(|e| ApiError::new(ErrorCode::InvalidParameter).detail(&e.to_string())),
            ExportFormat::Markdown => Ok(gasdev::api::render::check_report(
                &batch,
                lang,
                failures_only,
                gasdev::api::render::Style::Markdown,
            )),
        }
    });
    outcome(r)
}

/// Check a catalogue workbook as `gasdev check catalogue.xlsx` does (`checkWorkbook`, the sheets
/// module): `[{path, result}]` for every entry of its batch ([`NamedFile::entries`]), `result` the
/// tagged result of `checkDocument` (an input error for a rejected row, `path` `FILE[SHEET]`).
pub fn check_workbook(bytes: Vec<u8>, name: &str, options: &CheckOptions, today: Date) -> String {
    let date = match as_of(options, today) {
        Ok(d) => d,
        Err(e) => return outcome::<()>(Err(e)),
    };
    let file = NamedFile::Workbook {
        path: name.to_owned(),
        bytes,
    };
    let entries: Vec<String> = file
        .entries()
        .into_iter()
        .map(|(path, read)| {
            let result = read
                .map(|doc| gasdev::api::Checked::of(&doc, date))
                .map_err(ApiError::from);
            format!(
                "{{\"path\":{},\"result\":{}}}",
                serde_json::Value::String(path),
                outcome(result)
            )
        })
        .collect();
    format!("{{\"type\":\"ok\",\"value\":[{}]}}", entries.join(","))
}

/// The requirement table, optionally for one kind and tier (`requirements`, as
/// `gasdev requirements --format json`): the core's filter.
pub fn requirements(kind: Option<&str>, tier: Option<&str>) -> String {
    let r = (|| {
        let kind = kind
            .map(|k| gasdev::api::parse_kind(k, "kind"))
            .transpose()?;
        let tier = tier
            .map(|t| gasdev::api::parse_tier(t, "tier"))
            .transpose()?;
        gasdev::api::requirements(kind, tier)
    })();
    outcome(r)
}

/// The words for enumerated values (`labels`): the JSON of [`gasdev::api::labels`].
pub fn labels() -> String {
    gasdev::api::labels_json()
}

/// Inspect one household record (`inspect`): obligations (INS-*) and findings, as one record of
/// `gasdev inspect --format json`.
pub fn inspect(record: DocArg, options: &CheckOptions, today: Date) -> String {
    outcome(
        inspector(options, today)
            .and_then(|i| i.inspect_text(&record.into_text()).map_err(ApiError::from)),
    )
}

/// Inspect a whole ledger of records (`inspectAll`): every report, the rejected records (their
/// `line` the 1-based record number) and the core's summary.
pub fn inspect_all(records: Vec<String>, options: &CheckOptions, today: Date) -> String {
    outcome(inspector(options, today).map(|i| i.inspect_all(records.iter().map(String::as_str))))
}

/// The inspection context of `options`.
pub(crate) fn inspector(
    options: &CheckOptions,
    today: Date,
) -> Result<gasdev::api::Inspector, ApiError> {
    let date = as_of(options, today)?;
    let mut i = gasdev::api::Inspector::new(RuleSet::nanchuan_2022(), date);
    if let Some(doc) = options.catalogue.clone() {
        i = i.with_catalogue_text(&doc.into_text())?;
    }
    if let Some(doc) = options.declarations.clone() {
        i = i.with_declarations_text(&doc.into_text())?;
    }
    Ok(i)
}

// ---------------------------------------------------------------------------------------------
// GB/T 26875.3: answers and mapping (platforms)
// ---------------------------------------------------------------------------------------------

/// Answer a received GB/T 26875.3 packet with 确认 or 否认 (`gbtAnswer`).
pub fn gbt_answer(packet: Input, kind: &str, time: &str) -> Result<String, Misuse> {
    let kind = match kind {
        "confirm" => gbt::Answer::Confirm,
        "deny" => gbt::Answer::Deny,
        other => {
            return Err(Misuse(format!(
                "gbtAnswer: answer \"{other}\" (expected confirm or deny)"
            )));
        }
    };
    let t = gbt::TimeLabel::parse(time)
        .ok_or_else(|| Misuse(format!("gbtAnswer: time \"{time}\" (YYYY-MM-DDThh:mm:ss)")))?;
    let r = frame_bytes(packet, Protocol::Gbt26875).and_then(|(bytes, _, _)| {
        let h = gbt::peek_header(&bytes)
            .ok_or_else(|| ApiError::new(ErrorCode::GbtTruncated).at(bytes.len()))?;
        let mut out = [0u8; gbt::MIN_LEN];
        let n = gbt::answer(&h, kind, t, &mut out)?;
        Ok(Encoded {
            hex: hex(out.get(..n).unwrap_or_default()),
            length: n,
        })
    });
    Ok(outcome(r))
}

/// A monitored point of a mapping request.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PointDoc {
    system_type: u8,
    system_address: u8,
    component_address: u32,
    description: String,
}

/// A packet header of a mapping request.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HeaderDoc {
    serial: u16,
    version: [u8; 2],
    time: String,
    source: u64,
    destination: u64,
    command: u8,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReadingsDoc {
    combustible: gasdev::model::Reading,
    co: gasdev::model::Reading,
}

/// A mapping request of any kind (`alarm`, `valve`, `frame`): one reader for the three, whose
/// fields [`MapRequest::check`] then holds to the kind's (one struct reader instead of three
/// keeps the module small). `status` is read as the kind's status type afterwards.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MapRequest {
    status: Option<Box<serde_json::value::RawValue>>,
    readings: Option<ReadingsDoc>,
    frame: Option<String>,
    point: PointDoc,
    time: Option<String>,
    fallback_time: Option<String>,
    #[serde(default)]
    policy: gbt::Policy,
    header: Option<HeaderDoc>,
}

impl MapRequest {
    /// The kind's own fields, all present (`point`, `policy` and `header` aside, which all kinds
    /// share); another kind's field is unknown here.
    fn check(&self, what: &str) -> Result<(), Misuse> {
        let needs: &[&str] = match what {
            "alarm" => &["status", "readings", "time"],
            "valve" => &["status", "time"],
            _ => &["frame", "fallback_time"],
        };
        let fields = [
            ("status", self.status.is_some()),
            ("readings", self.readings.is_some()),
            ("time", self.time.is_some()),
            ("frame", self.frame.is_some()),
            ("fallback_time", self.fallback_time.is_some()),
        ];
        for (name, present) in fields {
            match (needs.contains(&name), present) {
                (true, false) => {
                    return Err(Misuse(format!("mapToGbt({what}): missing field `{name}`")));
                }
                (false, true) => {
                    return Err(Misuse(format!("mapToGbt({what}): unknown field `{name}`")));
                }
                _ => {}
            }
        }
        Ok(())
    }
}

/// A request's status, read as the kind's status type.
fn r_status<T: serde::de::DeserializeOwned>(
    status: &Option<Box<serde_json::value::RawValue>>,
    what: &str,
) -> Result<T, Misuse> {
    let raw = status.as_ref().map_or("null", |r| r.get());
    serde_json::from_str(raw).map_err(|e| Misuse(format!("mapToGbt({what}): status: {e}")))
}

#[derive(Serialize)]
struct MappedValue<'a> {
    objects: Vec<&'a gbt::Item<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    packets: Option<Vec<String>>,
}

fn time_label(s: &str, what: &str) -> Result<gbt::TimeLabel, Misuse> {
    gbt::TimeLabel::parse(s)
        .ok_or_else(|| Misuse(format!("mapToGbt: {what} \"{s}\" (YYYY-MM-DDThh:mm:ss)")))
}

fn point(p: PointDoc) -> Result<gbt::Point, ApiError> {
    Ok(gbt::Point {
        system: gbt::SystemId {
            system_type: p.system_type,
            system_address: p.system_address,
        },
        component_address: p.component_address,
        description: gbt::Description::from_text(&p.description)
            .map_err(|e| ApiError::from(e).field("point.description"))?,
    })
}

fn header(h: HeaderDoc) -> Result<gbt::Header, Misuse> {
    let addr = |v: u64, what: &str| {
        gbt::Address::new(v).ok_or_else(|| Misuse(format!("mapToGbt: header.{what} {v}")))
    };
    Ok(gbt::Header {
        serial: h.serial,
        version: gbt::Version {
            main: h.version.first().copied().unwrap_or_default(),
            user: h.version.get(1).copied().unwrap_or_default(),
        },
        time: time_label(&h.time, "header.time")?,
        source: addr(h.source, "source")?,
        destination: addr(h.destination, "destination")?,
        command: h.command,
    })
}

/// Packets carrying `status` (type 2) and `analog` (type 3) objects, serials counting up.
fn packets(
    mut h: gbt::Header,
    status: &[gbt::Item<'_>],
    analog: &[gbt::Item<'_>],
) -> Result<Vec<String>, ApiError> {
    let mut out = Vec::new();
    for (type_flag, items) in [(2u8, status), (3u8, analog)] {
        if items.is_empty() {
            continue;
        }
        let mut buf = [0u8; gbt::MAX_LEN];
        let n = gbt::encode(
            &h,
            Some(&gbt::AduRepr::Objects { type_flag, items }),
            &mut buf,
        )?;
        out.push(hex(buf.get(..n).unwrap_or_default()));
        h.serial = h.serial.wrapping_add(1);
    }
    Ok(out)
}

/// Map an alarm's status, a valve's status or a libgasdev frame onto GB/T 26875.3 information
/// objects for a fire control centre (`mapToGbt`; `spec/gbt26875.md`, mapping). `what` is
/// `alarm`, `valve` or `frame`; `request` is the JSON form of the vectors' `map_*` inputs.
///
/// # Errors
/// [`Misuse`] for an unknown `what` or a request of the wrong shape.
pub fn map_to_gbt(what: &str, request: &str) -> Result<String, Misuse> {
    let bad = |e: serde_json::Error| Misuse(format!("mapToGbt({what}): {e}"));
    if !matches!(what, "alarm" | "valve" | "frame") {
        return Err(Misuse(format!(
            "mapToGbt: \"{what}\" (expected alarm, valve or frame)"
        )));
    }
    let r: MapRequest = serde_json::from_str(request).map_err(bad)?;
    r.check(what)?;
    let hdr = r.header.map(header).transpose()?;
    let text = |t: Option<String>| t.unwrap_or_default();
    let (status, analog, hdr): (Result<_, ApiError>, Vec<gbt::Item<'static>>, _) = match what {
        "alarm" => {
            let t = time_label(&text(r.time), "time")?;
            let status: gasdev::model::AlarmStatus = r_status(&r.status, what)?;
            let readings = r.readings.map_or(
                gbt::Readings {
                    combustible: gasdev::model::Reading::Unknown,
                    co: gasdev::model::Reading::Unknown,
                },
                |x| gbt::Readings {
                    combustible: x.combustible,
                    co: x.co,
                },
            );
            match point(r.point)
                .and_then(|p| Ok(gbt::map_alarm(&status, &readings, &p, t, &r.policy)?))
            {
                Ok(m) => (Ok(m.status), m.analog().to_vec(), hdr),
                Err(e) => (Err(e), Vec::new(), hdr),
            }
        }
        "valve" => {
            let t = time_label(&text(r.time), "time")?;
            let status: gasdev::model::ValveStatus = r_status(&r.status, what)?;
            let s = point(r.point).and_then(|p| Ok(gbt::map_valve(&status, &p, t, &r.policy)?));
            (s, Vec::new(), hdr)
        }
        _ => {
            let t = time_label(&text(r.fallback_time), "fallback_time")?;
            let bytes = parse_hex(text(r.frame).as_bytes());
            let m = bytes.and_then(|b| {
                let frame = wire::decode(&b).map_err(|e| ApiError::from(e).field("frame"))?;
                let p = point(r.point)?;
                Ok(gbt::map_frame(&frame, &p, t, &r.policy)?)
            });
            match m {
                Ok(m) => (Ok(m.status), m.analog().to_vec(), hdr),
                Err(e) => (Err(e), Vec::new(), hdr),
            }
        }
    };
    let text = status.and_then(|s| {
        let status = [s];
        let packets = hdr.map(|h| packets(h, &status, &analog)).transpose()?;
        let objects: Vec<&gbt::Item<'_>> = status.iter().chain(&analog).collect();
        Ok(outcome::<MappedValue<'_>>(Ok(MappedValue {
            objects,
            packets,
        })))
    });
    Ok(text.unwrap_or_else(|e| outcome::<()>(Err(e))))
}

/// Today's date (UTC) from Unix milliseconds.
pub fn date_from_unix_ms(ms: f64) -> Date {
    let days = (ms / 86_400_000.0).floor();
    // Dates outside what `Date` holds fall back to its minimum; a browser clock is never there.
    if days.is_finite() && days.abs() < 1.0e7 {
        #[expect(
            clippy::cast_possible_truncation,
            reason = "finite and bounded by the check above"
        )]
        let d = days as i64;
        Date::from_days_since_epoch(d).unwrap_or(Date::MIN)
    } else {
        Date::MIN
    }
}

#[cfg(feature = "secure")]
pub use secure_api::*;

/// Authenticated frames (spec/security.md): feature `secure`.
#[cfg(feature = "secure")]
mod secure_api {
    use super::{ApiError, Input, Misuse, hex, outcome, parse_hex};
    use gasdev::ErrorCode;
    use serde::{Deserialize, Serialize};

    // ---------------------------------------------------------------------------------------------
    // Authenticated frames (spec/security.md)
    // ---------------------------------------------------------------------------------------------

    /// A receiver's replay window as JavaScript keeps it between `openFrame` calls [SEC-043]:
    /// `bitmap` is 16 hex digits (a u64 does not fit a JavaScript number).
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct ReplayStateDoc {
        /// The number of counters remembered, 1..=64.
        pub window_size: u8,
        /// The largest accepted distance above the highest accepted counter.
        pub max_jump: u32,
        /// The highest accepted counter, `null` in a fresh window.
        pub highest: Option<u32>,
        /// Bit `d` set: counter `highest - d` accepted; 16 lowercase hex digits.
        pub bitmap: String,
    }

    /// The result of `openFrame`.
    #[derive(Debug, Clone, Serialize)]
    pub struct OpenedDoc {
        /// Whether the tag verified (false: accepted under the legacy policy).
        pub authenticated: bool,
        /// The key id, when authenticated.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub key_id: Option<u8>,
        /// The sender's counter, when authenticated.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub counter: Option<u32>,
        /// The message type byte.
        pub msg_type: u8,
        /// The window after this frame, to pass to the next call.
        pub state: ReplayStateDoc,
    }

    /// The result of `sealFrame`.
    #[derive(Debug, Clone, Serialize)]
    pub struct SealedDoc {
        /// The sealed frame, lowercase hex.
        pub hex: String,
        /// Its length in bytes.
        pub length: usize,
    }

    fn bytes_of(input: Input) -> Result<Vec<u8>, ApiError> {
        match input {
            Input::Text(t) => parse_hex(t.as_bytes()),
            Input::Bytes(b) => Ok(b),
        }
    }

    fn key_of(input: Input) -> Result<gasdev::secure::FrameKey, ApiError> {
        let b = bytes_of(input)?;
        gasdev::secure::FrameKey::from_slice(&b).ok_or_else(|| {
            ApiError::new(ErrorCode::InvalidParameter).detail("a key is 16 bytes (32 hex digits)")
        })
    }

    fn secure_error(e: gasdev::secure::Error) -> ApiError {
        ApiError::new(e.code())
            .at(e.offset())
            .detail(&e.to_string())
    }

    /// A fresh replay state of `window_size` counters accepting jumps up to `max_jump`.
    pub fn new_replay_state(window_size: u8, max_jump: u32) -> Result<ReplayStateDoc, Misuse> {
        let config = gasdev::secure::WindowConfig::new(window_size, max_jump)
            .ok_or_else(|| Misuse("newReplayState: window size 1..=64 and max jump >= 1".into()))?;
        Ok(state_doc(&gasdev::secure::ReplayWindow::new(config)))
    }

    fn state_doc(w: &gasdev::secure::ReplayWindow) -> ReplayStateDoc {
        ReplayStateDoc {
            window_size: w.config().size(),
            max_jump: w.config().max_jump(),
            highest: w.highest(),
            bitmap: hex(&w.bitmap().to_be_bytes()),
        }
    }

    fn window_of(s: &ReplayStateDoc) -> Result<gasdev::secure::ReplayWindow, Misuse> {
        let bad = || Misuse("openFrame: state: not a replay state made by newReplayState".into());
        let config =
            gasdev::secure::WindowConfig::new(s.window_size, s.max_jump).ok_or_else(bad)?;
        let b = parse_hex(s.bitmap.as_bytes()).map_err(|_| bad())?;
        let bitmap = u64::from_be_bytes(<[u8; 8]>::try_from(b.as_slice()).map_err(|_| bad())?);
        Ok(gasdev::secure::ReplayWindow::restore(
            config, s.highest, bitmap,
        ))
    }

    /// Seal a frame (hex or bytes) with a 16-byte key (hex or bytes), key id and counter [SEC-025].
    pub fn seal_frame(frame: Input, key: Input, key_id: u8, counter: u32) -> String {
        outcome((|| {
            let f = bytes_of(frame)?;
            let k = key_of(key)?;
            let mut out = [0u8; gasdev::wire::MAX_FRAME_LEN];
            let n =
                gasdev::secure::seal(&f, &k, key_id, counter, &mut out).map_err(secure_error)?;
            let sealed = out.get(..n).unwrap_or_default();
            Ok(SealedDoc {
                hex: hex(sealed),
                length: n,
            })
        })())
    }

    /// Open a frame as a receiver holding `key` with `key_id` and the replay `state` [SEC-026].
    pub fn open_frame(
        frame: Input,
        key: Input,
        key_id: u8,
        state: &ReplayStateDoc,
        legacy: bool,
    ) -> Result<String, Misuse> {
        let window = window_of(state)?;
        Ok(outcome((|| {
            let f = bytes_of(frame)?;
            let mut slot = gasdev::secure::KeySlot {
                key_id,
                key: key_of(key)?,
                window,
            };
            let policy = if legacy {
                gasdev::secure::Policy::LegacyAcceptUnauthenticated
            } else {
                gasdev::secure::Policy::Required
            };
            let opened = gasdev::secure::open(&f, &mut slot, policy).map_err(secure_error)?;
            let (authenticated, key_id, counter) = match opened.auth {
                gasdev::secure::Authentication::Authenticated { key_id, counter } => {
                    (true, Some(key_id), Some(counter))
                }
                gasdev::secure::Authentication::None => (false, None, None),
            };
            Ok(OpenedDoc {
                authenticated,
                key_id,
                counter,
                msg_type: opened.frame.message.type_code(),
                state: state_doc(&slot.window),
            })
        })()))
    }
}
