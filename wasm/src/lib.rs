//! # gasdev-wasm: libgasdev for browsers and Node
//!
//! A thin wasm-bindgen layer over [`api`] (cedar style, `style.md` §3): it converts JavaScript
//! arguments, calls the plain-Rust function and turns its JSON result into a JavaScript object.
//! All logic lives in the `gasdev` core, so a web page, the CLI, the C library and firmware
//! give the same verdicts.
//!
//! ## Contract (JavaScript)
//!
//! - Names are camelCase: `decodeFrame`, `decodeStream`, `countFrames`, `encodeFrame`,
//!   `parseIdent`, `checkDocument`, `checkDeclaration`, `checkCatalogue`, `requirements`,
//!   `inspect`, `gbtAnswer`, `mapToGbt`, `sealFrame`, `openFrame`, `newReplayState`, `labels`,
//!   `version`; `checkWorkbook` in the sheets module.
//! - Every function except `version` and `countFrames` returns a tagged result:
//!   `{type: "ok", value}` or `{type: "error", error: {name, code, message: {zh, en}, offset?,
//!   field?, line?, column?, …}}`, with `name` from `spec/errors.json`. Values are the JSON forms
//!   `gasdev --format json` prints.
//! - Only misuse throws (an argument of the wrong type, an unknown option or option value).
//! - The TypeScript declarations of the results (`generated.d.ts`, generated from the core's
//!   Rust types by `core/tests/ts_bindings.rs`, and the hand-written rest in `types.d.ts`) are
//!   part of the generated `.d.ts`; the error-name union is generated from `spec/errors.json` at build time, and the
//!   node tests type-check the runtime result of every shared vector against them.

#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![deny(clippy::indexing_slicing, clippy::unreachable)]
#![deny(clippy::todo, clippy::unimplemented)]
// A module built with one of the two features (wasm/build.sh) leaves the other's helpers unused.
#![cfg_attr(
    not(all(feature = "checker", feature = "platform")),
    allow(dead_code, unused_imports)
)]

pub mod api;
#[cfg(feature = "platform")]
pub mod session;
mod workbook;

use api::{CheckOptions, DecodeOptions, DocArg, Expect, IdentOptions, Input, Misuse};
use js_sys::{JSON, Uint8Array};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");

/// The result types generated from the core's Rust types (`core/tests/ts_bindings.rs`, feature `ts`).
#[wasm_bindgen(typescript_custom_section)]
const GENERATED_TYPES: &str = include_str!("generated.d.ts");

#[wasm_bindgen(typescript_custom_section)]
const ERROR_NAMES: &str = include_str!(concat!(env!("OUT_DIR"), "/error_names.d.ts"));

#[wasm_bindgen]
extern "C" {
    /// TypeScript `CheckOptions` (an optional argument).
    #[wasm_bindgen(typescript_type = "CheckOptions")]
    pub type TsCheckOptions;
    /// TypeScript `DecodeOptions` (an optional argument).
    #[wasm_bindgen(typescript_type = "DecodeOptions")]
    pub type TsDecodeOptions;
    /// TypeScript `DeviceKind` (an optional argument).
    #[wasm_bindgen(typescript_type = "DeviceKind")]
    pub type TsDeviceKind;
    /// TypeScript `IdentOptions` (an optional argument).
    #[wasm_bindgen(typescript_type = "IdentOptions")]
    pub type TsIdentOptions;
    /// TypeScript `Tier` (an optional argument).
    #[wasm_bindgen(typescript_type = "Tier")]
    pub type TsTier;
}

/// Install the panic hook (feature `panic-hook`): a panic, never expected, reaches the console.
#[wasm_bindgen(start)]
fn start() {
    #[cfg(feature = "panic-hook")]
    console_error_panic_hook::set_once();
}

fn misuse(m: Misuse) -> JsError {
    JsError::new(&m.0)
}

/// JSON text → JavaScript value.
fn js(json: &str) -> Result<JsValue, JsError> {
    JSON::parse(json).map_err(|_| JsError::new("gasdev: internal JSON could not be parsed"))
}

/// A frame, packet or identifier: a string or a `Uint8Array` (a Node `Buffer` is one).
fn read_input(v: &JsValue, what: &str) -> Result<Input, JsError> {
    if let Some(s) = v.as_string() {
        Ok(Input::Text(s))
    } else if let Some(a) = v.dyn_ref::<Uint8Array>() {
        Ok(Input::Bytes(a.to_vec()))
    } else {
        Err(JsError::new(&format!(
            "{what}: expected a Uint8Array or a string"
        )))
    }
}

/// A JSON document: its text, or an object.
fn doc(v: &JsValue, what: &str) -> Result<DocArg, JsError> {
    if let Some(s) = v.as_string() {
        Ok(DocArg(s))
    } else if v.is_object() && !v.is_instance_of::<Uint8Array>() {
        let text = JSON::stringify(v)
            .ok()
            .and_then(|s| s.as_string())
            .ok_or_else(|| JsError::new(&format!("{what}: the object is not JSON")))?;
        Ok(DocArg(text))
    } else {
        Err(JsError::new(&format!(
            "{what}: expected JSON text or an object"
        )))
    }
}

/// An options object (`undefined`/`null`: the defaults), read key by key from JavaScript: an
/// unknown key, or a value of the wrong type, is misuse.
struct Options<'a> {
    object: Option<js_sys::Object>,
    what: &'a str,
}

impl<'a> Options<'a> {
    fn new(v: Option<JsValue>, what: &'a str, keys: &[&str]) -> Result<Self, JsError> {
        let Some(v) = v.filter(|v| !v.is_undefined() && !v.is_null()) else {
            return Ok(Options { object: None, what });
        };
        let object = v
            .dyn_into::<js_sys::Object>()
            .ok()
            .filter(|o| !js_sys::Array::is_array(o))
            .ok_or_else(|| JsError::new(&format!("{what}: options must be an object")))?;
        for key in js_sys::Object::keys(&object).iter() {
            let key = key.as_string().unwrap_or_default();
            if !keys.contains(&key.as_str()) {
                return Err(JsError::new(&format!(
                    "{what}: options: unknown field `{key}`, expected one of `{}`",
                    keys.join("`, `")
                )));
            }
        }
        Ok(Options {
            object: Some(object),
            what,
        })
    }

    /// The value of `key`, if present and not `undefined`/`null`.
    fn get(&self, key: &str) -> Option<JsValue> {
        let o = self.object.as_ref()?;
        js_sys::Reflect::get(o, &JsValue::from_str(key))
            .ok()
            .filter(|v| !v.is_undefined() && !v.is_null())
    }

    fn wrong(&self, key: &str, expected: &str) -> JsError {
        JsError::new(&format!(
            "{}: options: invalid type for `{key}`, expected {expected}",
            self.what
        ))
    }

    fn bool(&self, key: &str) -> Result<Option<bool>, JsError> {
        self.get(key)
            .map(|v| v.as_bool().ok_or_else(|| self.wrong(key, "a boolean")))
            .transpose()
    }

    fn string(&self, key: &str) -> Result<Option<String>, JsError> {
        self.get(key)
            .map(|v| v.as_string().ok_or_else(|| self.wrong(key, "a string")))
            .transpose()
    }

    fn document(&self, key: &str) -> Result<Option<DocArg>, JsError> {
        self.get(key).map(|v| doc(&v, self.what)).transpose()
    }
}

fn decode_options(v: Option<JsValue>) -> Result<DecodeOptions, JsError> {
    let o = Options::new(
        v,
        "decodeFrame",
        &["protocol", "strict", "verifyChecksum", "declaration"],
    )?;
    let protocol = match o.string("protocol")? {
        None => api::Protocol::Auto,
        Some(p) => api::Protocol::from_name(&p).ok_or_else(|| {
            JsError::new(&format!(
                "decodeFrame: options: unknown variant `{p}`, expected one of `auto`, `libgasdev`, `gbt26875`"
            ))
        })?,
    };
    Ok(DecodeOptions {
        protocol,
        strict: o.bool("strict")?.unwrap_or(false),
        verify_checksum: o.bool("verifyChecksum")?,
        declaration: o.document("declaration")?.map(DocArg::into_text),
    })
}

fn ident_options(v: Option<JsValue>) -> Result<IdentOptions, JsError> {
    let o = Options::new(v, "parseIdent", &["scheme", "requireItem"])?;
    Ok(IdentOptions {
        scheme: o.string("scheme")?,
        require_item: o.bool("requireItem")?.unwrap_or(false),
    })
}

fn check_options(v: Option<JsValue>, what: &str) -> Result<CheckOptions, JsError> {
    let o = Options::new(v, what, &["asOf", "catalogue", "declarations"])?;
    Ok(CheckOptions {
        as_of: o.string("asOf")?,
        catalogue: o.document("catalogue")?,
        declarations: o.document("declarations")?,
    })
}

fn today() -> gasdev::model::Date {
    api::date_from_unix_ms(js_sys::Date::now())
}

/// Decode one libgasdev frame or one GB/T 26875.3 packet, given as bytes or hex text.
///
/// Detection (`protocol: "auto"`, the default): input starting with `@@` (or its hex `4040`)
/// is GB/T 26875.3, anything else a libgasdev frame. Bytes that are only hex digits and
/// whitespace (a capture saved as text) are read as hex text.
#[cfg(feature = "checker")]
#[wasm_bindgen(js_name = decodeFrame, unchecked_return_type = "Result<DecodedFrame>")]
pub fn decode_frame(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array | string")] input: JsValue,
    options: Option<TsDecodeOptions>,
) -> Result<JsValue, JsError> {
    let i = read_input(&input, "decodeFrame")?;
    let o = decode_options(options.map(JsValue::from))?;
    js(&api::decode_frame(i, o))
}

/// Decode every libgasdev frame of a byte stream (a capture), with skipped and rejected bytes.
#[cfg(feature = "checker")]
#[wasm_bindgen(js_name = decodeStream, unchecked_return_type = "Result<DecodedStream>")]
pub fn decode_stream(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array | string")] input: JsValue,
) -> Result<JsValue, JsError> {
    js(&api::decode_stream(read_input(&input, "decodeStream")?))
}

/// Count the frames of a byte stream without building their JSON: `{frames, skipped,
/// rejected}` (never an error; for large captures and throughput measurements).
#[cfg(feature = "checker")]
#[wasm_bindgen(js_name = countFrames, unchecked_return_type = "FrameCount")]
pub fn count_frames(bytes: &[u8]) -> Result<JsValue, JsError> {
    let [frames, skipped, rejected] = api::count_frames(bytes);
    js(&format!(
        "{{\"frames\":{frames},\"skipped\":{skipped},\"rejected\":{rejected}}}"
    ))
}

#[cfg(feature = "secure")]
/// A fresh replay window for `openFrame` (`spec/security.md` [SEC-040]): `windowSize` 1..=64
/// counters (suggested 32), `maxJump` ≥ 1 (suggested 1048576). Throws on other values.
#[wasm_bindgen(js_name = newReplayState, unchecked_return_type = "ReplayState")]
pub fn new_replay_state(window_size: u8, max_jump: u32) -> Result<JsValue, JsError> {
    let s = api::new_replay_state(window_size, max_jump).map_err(misuse)?;
    js(&serde_json::to_string(&s).map_err(|e| JsError::new(&e.to_string()))?)
}

#[cfg(feature = "secure")]
/// Seal a frame (hex or bytes) with a 16-byte key (hex or bytes), its key id and the sender's
/// counter [SEC-025]; the value is `{hex, length}`. Keep keys out of logs [SEC-054].
#[wasm_bindgen(js_name = sealFrame, unchecked_return_type = "Result<EncodedFrame>")]
pub fn seal_frame(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] frame: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] key: JsValue,
    key_id: u8,
    counter: u32,
) -> Result<JsValue, JsError> {
    js(&api::seal_frame(
        read_input(&frame, "sealFrame")?,
        read_input(&key, "sealFrame")?,
        key_id,
        counter,
    ))
}

#[cfg(feature = "secure")]
/// Open a frame as a receiver holding `key` (id `keyId`) with the replay `state` of that key
/// [SEC-026]; `policy` is `"required"` (default) or the discouraged `"legacy"` [SEC-031]. The value
/// is `{authenticated, key_id?, counter?, msg_type, state}`: keep `state` for the next call. On an
/// error (`FRAME_BAD_TAG`, `FRAME_REPLAY`, …) the old state stays valid and the frame MUST NOT be
/// acted on.
#[wasm_bindgen(js_name = openFrame, unchecked_return_type = "Result<OpenedFrame>")]
pub fn open_frame(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] frame: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] key: JsValue,
    key_id: u8,
    #[wasm_bindgen(unchecked_param_type = "ReplayState")] state: JsValue,
    policy: Option<String>,
) -> Result<JsValue, JsError> {
    let legacy = match policy.as_deref() {
        None | Some("required") => false,
        Some("legacy") => true,
        Some(p) => {
            return Err(JsError::new(&format!(
                "openFrame: unknown policy `{p}`, expected `required` or `legacy`"
            )));
        }
    };
    let text: String = JSON::stringify(&state)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| JsError::new("openFrame: state: expected a replay state object"))?;
    let st: api::ReplayStateDoc =
        serde_json::from_str(&text).map_err(|e| JsError::new(&format!("openFrame: state: {e}")))?;
    let out = api::open_frame(
        read_input(&frame, "openFrame")?,
        read_input(&key, "openFrame")?,
        key_id,
        &st,
        legacy,
    )
    .map_err(misuse)?;
    js(&out)
}

/// Encode a libgasdev frame from its JSON form (text or object); the value is `{hex, length}`.
#[cfg(feature = "checker")]
#[wasm_bindgen(js_name = encodeFrame, unchecked_return_type = "Result<EncodedFrame>")]
pub fn encode_frame(
    #[wasm_bindgen(unchecked_param_type = "FrameJson | string")] frame: JsValue,
) -> Result<JsValue, JsError> {
    js(&api::encode_frame(doc(&frame, "encodeFrame")?))
}

/// Parse and validate an industrial-internet identifier (text, or bytes that may not be UTF-8).
#[cfg(feature = "checker")]
#[wasm_bindgen(js_name = parseIdent, unchecked_return_type = "Result<IdentReport>")]
pub fn parse_ident(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] input: JsValue,
    options: Option<TsIdentOptions>,
) -> Result<JsValue, JsError> {
    let i = read_input(&input, "parseIdent")?;
    let o = ident_options(options.map(JsValue::from))?;
    js(&api::parse_ident(i, o).map_err(misuse)?)
}

/// Validate a 统一社会信用代码 (GB 32100-2015): `{code, region, organisation_code}`, or
/// `INPUT_BAD_CREDIT_CODE` with the byte offset of the offending character.
#[cfg(feature = "checker")]
#[wasm_bindgen(js_name = checkCreditCode, unchecked_return_type = "Result<CreditCodeParts>")]
pub fn check_credit_code(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] input: JsValue,
) -> Result<JsValue, JsError> {
    js(&api::check_credit_code(read_input(
        &input,
        "checkCreditCode",
    )?))
}

/// `checkDocument`, `checkDeclaration`, `checkCatalogue`: one exported function per expected
/// document, each converting its arguments for [`api::check`].
macro_rules! check_fn {
    ($(#[$doc:meta])* $name:ident, $js:ident, $result:literal, $expect:expr) => {
        $(#[$doc])*
        #[cfg(feature = "checker")]
        #[wasm_bindgen(js_name = $js, unchecked_return_type = $result)]
        pub fn $name(
            #[wasm_bindgen(unchecked_param_type = "string | object")] document: JsValue,
            options: Option<TsCheckOptions>,
        ) -> Result<JsValue, JsError> {
            let what = stringify!($js);
            let d = doc(&document, what)?;
            let o = check_options(options.map(JsValue::from), what)?;
            js(&api::check(d, &o, today(), $expect))
        }
    };
}

check_fn!(
    /// Check a declaration or a catalogue, detected by its keys (one file of `gasdev check`).
    check_document, checkDocument, "Result<CheckedDocument>", Expect::Any
);
check_fn!(
    /// Check one product declaration clause by clause.
    check_declaration, checkDeclaration, "Result<ProductReport>", Expect::Declaration
);
check_fn!(
    /// Check a catalogue: its own clauses (CAT-*) and every product in it.
    check_catalogue, checkCatalogue, "Result<CatalogueReport>", Expect::Catalogue
);

/// Check a batch of files and export it as `gasdev check` prints it: `format` `"json"` (the
/// object of `--format json`, as text) or `"markdown"` (the report, in `lang` `"zh"` or `"en"`).
/// The check, the summary and the rendering are the core's. In the platform module: the reports
/// for people cost 15 KB gzipped, which the decoder and checker's budget does not have.
#[cfg(feature = "platform")]
#[wasm_bindgen(js_name = exportCheck, unchecked_return_type = "Result<string>")]
pub fn export_check(
    #[wasm_bindgen(unchecked_param_type = "ExportFile[]")] files: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ExportOptions")] options: JsValue,
) -> Result<JsValue, JsError> {
    let o = Options::new(
        Some(options),
        "exportCheck",
        &["format", "lang", "failuresOnly", "asOf"],
    )?;
    let format = match o.string("format")?.as_deref() {
        None | Some("json") => api::ExportFormat::Json,
        Some("markdown") => api::ExportFormat::Markdown,
        Some(f) => {
            return Err(JsError::new(&format!(
                "exportCheck: options: unknown variant `{f}`, expected one of `json`, `markdown`"
            )));
        }
    };
    let lang = lang_of(o.string("lang")?.as_deref(), "exportCheck: options")?;
    let files = named_files(files)?;
    let co = CheckOptions {
        as_of: o.string("asOf")?,
        ..CheckOptions::default()
    };
    let failures_only = o.bool("failuresOnly")?.unwrap_or(false);
    js(&api::export_check(
        files,
        &co,
        today(),
        format,
        lang,
        failures_only,
    ))
}

/// The files of `exportCheck`: `{path, text}` (a JSON document) or `{path, bytes}` (a catalogue
/// workbook, read in the sheets module only).
#[cfg(feature = "platform")]
fn named_files(files: JsValue) -> Result<Vec<api::NamedFile>, JsError> {
    let bad =
        || JsError::new("exportCheck: files must be an array of {path, text} or {path, bytes}");
    let array = files.dyn_into::<js_sys::Array>().map_err(|_| bad())?;
    array
        .iter()
        .map(|f| {
            let get = |key: &str| {
                js_sys::Reflect::get(&f, &JsValue::from_str(key))
                    .ok()
                    .filter(|v| !v.is_undefined())
            };
            let path = get("path").and_then(|v| v.as_string()).ok_or_else(bad)?;
            if let Some(bytes) = get("bytes") {
                let bytes = bytes.dyn_ref::<Uint8Array>().ok_or_else(bad)?.to_vec();
                return Ok(api::NamedFile::Workbook { path, bytes });
            }
            let text = get("text").and_then(|v| v.as_string()).ok_or_else(bad)?;
            Ok(api::NamedFile::Text { path, text })
        })
        .collect()
}

/// Check a catalogue workbook (`.xlsx`, spec/workbooks.md) as `gasdev check catalogue.xlsx` does
/// (the sheets module): `[{path, result}]`, one entry per rejected row or header (`path`
/// `NAME[SHEET]`, an input error: the row as `line`, the column number as `column`, the header as
/// written as `field`), then the catalogue of the other rows (`path` `NAME`, the result
/// `checkDocument` gives). `name` is the file's name (the catalogue's default name is its stem);
/// `options`: `asOf`.
#[cfg(feature = "sheets")]
#[wasm_bindgen(js_name = checkWorkbook, unchecked_return_type = "Result<WorkbookEntry[]>")]
pub fn check_workbook(
    bytes: Vec<u8>,
    name: &str,
    options: Option<TsCheckOptions>,
) -> Result<JsValue, JsError> {
    let o = check_options(options.map(JsValue::from), "checkWorkbook")?;
    js(&api::check_workbook(bytes, name, &o, today()))
}

/// `zh` (also the default) or `en`.
fn lang_of(lang: Option<&str>, what: &str) -> Result<gasdev::Lang, JsError> {
    match lang {
        None | Some("zh") => Ok(gasdev::Lang::Zh),
        Some("en") => Ok(gasdev::Lang::En),
        Some(l) => Err(JsError::new(&format!(
            "{what}: unknown variant `{l}`, expected one of `zh`, `en`"
        ))),
    }
}

/// JSON text of a value the binding built (never fails for these types).
fn to_js<T: serde::Serialize>(v: &T) -> Result<JsValue, JsError> {
    js(&serde_json::to_string(v).map_err(|e| JsError::new(&e.to_string()))?)
}

/// A household ledger (JSON lines, CSV, or in the sheets module an `.xlsx` workbook) inspected in
/// steps, so that a page shows progress between them: `step(n)` inspects the next `n` records;
/// then `summary()`, `findings(query)`, `rejects(offset, limit)`, `charts(lang)`, `exportCsv(lang)`
/// (and `exportXlsx(lang)` in the sheets module) give the core's results and renderings, the same
/// as `gasdev inspect` prints for the same file. In the platform module.
#[cfg(feature = "platform")]
#[wasm_bindgen]
pub struct InspectSession(session::Session);

#[cfg(feature = "platform")]
#[wasm_bindgen]
impl InspectSession {
    /// A session over `input` (text or bytes) in `format` (`jsonl`, `csv`, `xlsx`), with the
    /// options of `inspect` (`asOf`, `catalogue`, `declarations`). Throws only on misuse; an error
    /// of the options or of the input is the result of every `step`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        format: &str,
        #[wasm_bindgen(unchecked_param_type = "Uint8Array | string")] input: JsValue,
        options: Option<TsCheckOptions>,
    ) -> Result<InspectSession, JsError> {
        let f = session::Format::parse(format).map_err(misuse)?;
        let bytes = match read_input(&input, "InspectSession")? {
            Input::Text(t) => t.into_bytes(),
            Input::Bytes(b) => b,
        };
        let o = check_options(options.map(JsValue::from), "InspectSession")?;
        Ok(InspectSession(session::Session::new(f, bytes, &o, today())))
    }

    /// Inspect up to `records` more records: `{done, households, rejected_rows, read, total}`
    /// (`read` of `total`: bytes of text, or a workbook's rows), or the options' or input's error.
    #[wasm_bindgen(unchecked_return_type = "Result<InspectProgress>")]
    pub fn step(&mut self, records: usize) -> Result<JsValue, JsError> {
        js(&gasdev::api::to_json(self.0.step(records)))
    }

    /// The core's summary of the records so far and the community ranking.
    #[wasm_bindgen(unchecked_return_type = "{ summary: InspectSummary; ranking: CommunityRank[] }")]
    pub fn summary(&self) -> Result<JsValue, JsError> {
        let b = self.0.batch();
        to_js(&serde_json::json!({ "summary": b.summary, "ranking": b.ranking() }))
    }

    /// One row per finding (`household`, `community`, `compliant` and the finding's fields),
    /// filtered by `query` (`{community?, severity?, code?, offset?, limit?}`, limit 200 by
    /// default): `{total, rows}`.
    #[wasm_bindgen(unchecked_return_type = "{ total: number; rows: InspectFindingRow[] }")]
    pub fn findings(
        &self,
        #[wasm_bindgen(unchecked_param_type = "FindingsQuery")] query: JsValue,
    ) -> Result<JsValue, JsError> {
        let text = JSON::stringify(&query).ok().and_then(|s| s.as_string());
        let q: session::FindingsQuery = match text.as_deref() {
            None | Some("null") => session::FindingsQuery::default(),
            Some(t) => serde_json::from_str(t)
                .map_err(|e| JsError::new(&format!("InspectSession.findings: {e}")))?,
        };
        to_js(&self.0.findings(&q))
    }

    /// The rejected rows (`line` the row's line) from `offset`, at most `limit`: `{total, rows}`.
    #[wasm_bindgen(unchecked_return_type = "{ total: number; rows: RejectedRecord[] }")]
    pub fn rejects(&self, offset: usize, limit: usize) -> Result<JsValue, JsError> {
        let all = &self.0.batch().rejects;
        let rows: Vec<_> = all.iter().skip(offset).take(limit).collect();
        to_js(&serde_json::json!({ "total": all.len(), "rows": rows }))
    }

    /// The charts of the summary as SVG text, the CLI's: `[{name, svg}]` (compliance by
    /// community, findings by code, overdue obligations by deadline).
    #[wasm_bindgen(unchecked_return_type = "{ name: string; svg: string }[]")]
    pub fn charts(&self, lang: Option<String>) -> Result<JsValue, JsError> {
        let l = lang_of(lang.as_deref(), "InspectSession.charts")?;
        let charts: Vec<_> = self
            .0
            .charts(l)
            .into_iter()
            .map(|(name, svg)| serde_json::json!({ "name": name, "svg": svg }))
            .collect();
        to_js(&charts)
    }

    /// The CSV `gasdev inspect --format csv --lang LANG` prints for the same ledger.
    #[wasm_bindgen(js_name = exportCsv)]
    pub fn export_csv(&self, lang: Option<String>) -> Result<String, JsError> {
        Ok(self
            .0
            .csv(lang_of(lang.as_deref(), "InspectSession.exportCsv")?))
    }

    /// The Markdown `gasdev inspect --format markdown --lang LANG` prints for the same ledger, or
    /// the options' error.
    #[wasm_bindgen(js_name = exportMarkdown, unchecked_return_type = "Result<string>")]
    pub fn export_markdown(&self, lang: Option<String>) -> Result<JsValue, JsError> {
        let l = lang_of(lang.as_deref(), "InspectSession.exportMarkdown")?;
        js(&gasdev::api::to_json(self.0.markdown(l)))
    }

    /// The workbook `gasdev inspect --format xlsx --lang LANG` writes (summary, findings, ranking;
    /// the sheets module only): the bytes, or why it could not be built.
    #[cfg(feature = "sheets")]
    #[wasm_bindgen(js_name = exportXlsx, unchecked_return_type = "Result<Uint8Array>")]
    pub fn export_xlsx(&self, lang: Option<String>) -> Result<JsValue, JsError> {
        let l = lang_of(lang.as_deref(), "InspectSession.exportXlsx")?;
        Ok(match self.0.xlsx(l) {
            Ok(bytes) => {
                let o = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&o, &"type".into(), &"ok".into());
                let _ =
                    js_sys::Reflect::set(&o, &"value".into(), &Uint8Array::from(bytes.as_slice()));
                o.into()
            }
            Err(e) => js(&gasdev::api::to_json::<()>(Err(e)))?,
        })
    }
}

/// The requirement table, optionally for one device kind and tier.
#[cfg(feature = "checker")]
#[wasm_bindgen(js_name = requirements, unchecked_return_type = "Result<RequirementTable>")]
pub fn requirements(kind: Option<TsDeviceKind>, tier: Option<TsTier>) -> Result<JsValue, JsError> {
    let text = |v: Option<JsValue>, what: &str| -> Result<Option<String>, JsError> {
        match v {
            None => Ok(None),
            Some(v) if v.is_undefined() || v.is_null() => Ok(None),
            Some(v) => v
                .as_string()
                .map(Some)
                .ok_or_else(|| JsError::new(&format!("requirements: {what} must be a string"))),
        }
    };
    let k = text(kind.map(JsValue::from), "kind")?;
    let t = text(tier.map(JsValue::from), "tier")?;
    js(&api::requirements(k.as_deref(), t.as_deref()))
}

/// Inspect one household record: installation obligations (INS-*) and findings.
#[cfg(feature = "platform")]
#[wasm_bindgen(js_name = inspect, unchecked_return_type = "Result<InspectionReport>")]
pub fn inspect(
    #[wasm_bindgen(unchecked_param_type = "string | object")] record: JsValue,
    options: Option<TsCheckOptions>,
) -> Result<JsValue, JsError> {
    let d = doc(&record, "inspect")?;
    let o = check_options(options.map(JsValue::from), "inspect")?;
    js(&api::inspect(d, &o, today()))
}

/// Inspect a whole ledger (an array of records, each JSON text or an object): every report, the
/// rejected records with their 1-based number, and the summary (the core's, as `gasdev inspect`).
#[cfg(feature = "platform")]
#[wasm_bindgen(js_name = inspectAll, unchecked_return_type = "Result<InspectBatch>")]
pub fn inspect_all(
    #[wasm_bindgen(unchecked_param_type = "(string | object)[]")] records: JsValue,
    options: Option<TsCheckOptions>,
) -> Result<JsValue, JsError> {
    let array = records
        .dyn_into::<js_sys::Array>()
        .map_err(|_| JsError::new("inspectAll: records must be an array"))?;
    let texts = array
        .iter()
        .map(|v| doc(&v, "inspectAll").map(DocArg::into_text))
        .collect::<Result<Vec<_>, _>>()?;
    let o = check_options(options.map(JsValue::from), "inspectAll")?;
    js(&api::inspect_all(texts, &o, today()))
}

/// Answer a received GB/T 26875.3 packet with 确认 (`confirm`) or 否认 (`deny`).
#[cfg(feature = "checker")]
#[wasm_bindgen(js_name = gbtAnswer, unchecked_return_type = "Result<EncodedFrame>")]
pub fn gbt_answer(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array | string")] packet: JsValue,
    #[wasm_bindgen(unchecked_param_type = "\"confirm\" | \"deny\"")] answer: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] time: JsValue,
) -> Result<JsValue, JsError> {
    let p = read_input(&packet, "gbtAnswer")?;
    let a = answer
        .as_string()
        .ok_or_else(|| JsError::new("gbtAnswer: answer must be a string"))?;
    let t = time
        .as_string()
        .ok_or_else(|| JsError::new("gbtAnswer: time must be a string"))?;
    js(&api::gbt_answer(p, &a, &t).map_err(misuse)?)
}

/// Map an alarm status, a valve status or a libgasdev frame onto GB/T 26875.3 information
/// objects (and packets, when the request has a `header`).
#[cfg(feature = "platform")]
#[wasm_bindgen(js_name = mapToGbt, unchecked_return_type = "Result<GbtMapped>")]
pub fn map_to_gbt(
    #[wasm_bindgen(unchecked_param_type = "\"alarm\" | \"valve\" | \"frame\"")] what: JsValue,
    #[wasm_bindgen(unchecked_param_type = "GbtMapRequest")] request: JsValue,
) -> Result<JsValue, JsError> {
    let w = what
        .as_string()
        .ok_or_else(|| JsError::new("mapToGbt: the first argument must be a string"))?;
    let DocArg(text) = doc(&request, "mapToGbt")?;
    js(&api::map_to_gbt(&w, &text).map_err(misuse)?)
}

/// The words for enumerated values, from the core's tables: `{table: {name: {zh, en}}}` (e.g.
/// `labels().alarm_level.none.zh === "无报警"`), so that a page shows values in the reader's
/// language while its data and exports keep the machine names. In the platform module (the tables
/// cost 12 KB gzipped, which the decoder and checker's budget does not have); `wasm/build.sh` also
/// writes them beside the web tool's modules as `labels.json`, which the page loads at start.
#[cfg(feature = "platform")]
#[wasm_bindgen(js_name = labels, unchecked_return_type = "Labels")]
pub fn labels() -> Result<JsValue, JsError> {
    js(&api::labels())
}

/// The library version (`Cargo.toml`), e.g. `"0.1.0"`.
#[cfg(feature = "checker")]
#[wasm_bindgen(js_name = version)]
pub fn version() -> String {
    gasdev::VERSION.to_owned()
}
