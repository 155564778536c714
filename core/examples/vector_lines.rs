//! The Rust reference runner of the cross-runner diff (`spec/vectors/normalized.md`): runs every
//! case of every vector file through the **Rust API** and prints one normalized line per case.
//!
//! ```sh
//! cargo run -q -p gasdev --example vector_lines --features json,secure [--full FILE] [spec/vectors]
//! ```
//!
//! With `--full FILE` it also writes the **full result** of every case to FILE: one line
//! `<area>#<tcId> <canonical JSON>` with every decoded field, every finding and every error
//! detail (`spec/vectors/normalized.md`, "Full results"), which the C and JavaScript runners must
//! reproduce byte for byte.
//!
//! Nothing here copies `expected`: each summary is computed from what the API returned, and the
//! result word (`valid`, `invalid`, `acceptable`) is what the API did. `scripts/diff-vector-lines`
//! compares this output with `spec/tools/expected_lines.py` (the values the vectors expect) and
//! with the C and JavaScript runners. The input forms are read exactly as the strict runners in
//! `core/tests/vectors_*.rs` read them; an unknown input key stops the run.

// The strict runners' helpers (`core/tests/common`), so that inputs are read the same way.
#[path = "../tests/common/mod.rs"]
mod common;

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::PathBuf;

use gasdev::api::{Document, parse_document, parse_record};
use gasdev::check::{Status, check_catalogue, check_declaration};
use gasdev::gbt26875::{
    self as gbt, Address, AduRepr, Decoded, Header, Item, Mode, Object, Options, Point, Policy,
    Readings, SystemId, TimeLabel, Version,
};
use gasdev::ident::{Ident, IdentError, Scheme};
use gasdev::install::{RuleSet, inspect};
use gasdev::model::{AlarmStatus, Date, Declaration, Reading, ValveStatus};
use gasdev::secure::{
    self, Authentication, FrameKey, KeySlot, Policy as AuthPolicy, ReplayWindow, WindowConfig,
    derive_device_key,
};
use gasdev::wire::{self, Message, StreamDecoder, StreamEvent};
use serde_json::{Map, Value, json};

const FILES: [&str; 7] = [
    "declarations",
    "identifiers",
    "frames",
    "gbt26875",
    "installation",
    "credit_codes",
    "secure",
];

/// What a runner observed for one case: the result word, the summary line and the full result.
type Out = (&'static str, String, Value);

fn to_json<T: serde::Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap()
}

/// `{"result": "valid", "value": …}`.
fn valid(summary: String, value: Value) -> Out {
    ("valid", summary, json!({"result": "valid", "value": value}))
}

/// A rejected input with a byte offset: `{"result": "invalid", "error": {"name", "offset"}}`.
fn rejected(name: &str, offset: usize) -> Out {
    (
        "invalid",
        format!("error={name} offset={offset}"),
        json!({"result": "invalid", "error": {"name": name, "offset": offset}}),
    )
}

/// The canonical JSON text of `v` (normalized.md, "Full results"): keys sorted by their UTF-8
/// bytes, no whitespace, strings escaped as serde_json escapes them, a number with an integral
/// value printed as an integer and any other number in its shortest round-trip form.
fn canonical(v: &Value, out: &mut String) {
    match v {
        Value::Null | Value::Bool(_) | Value::String(_) => out.push_str(&v.to_string()),
        Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
            (Some(u), _, _) => out.push_str(&u.to_string()),
            (None, Some(i), _) => out.push_str(&i.to_string()),
            #[expect(clippy::cast_possible_truncation, reason = "integral and below 2^53")]
            (None, None, Some(f)) if f.fract() == 0.0 && f.abs() < 9.007_199_254_740_992e15 => {
                out.push_str(&(f as i64).to_string());
            }
            _ => out.push_str(&n.to_string()),
        },
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                canonical(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (i, k) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(k.clone()).to_string());
                out.push(':');
                canonical(map.get(k).unwrap(), out);
            }
            out.push('}');
        }
    }
}

/// The input object of a case: keys are taken out one by one; `done` fails on leftovers.
struct Input(Map<String, Value>, String);

impl Input {
    fn take(&mut self, key: &str) -> Option<Value> {
        self.0.remove(key)
    }
    fn req(&mut self, key: &str) -> Value {
        self.take(key)
            .unwrap_or_else(|| panic!("{}: missing input key {key}", self.1))
    }
    fn string(&mut self, key: &str) -> String {
        self.req(key).as_str().unwrap().to_owned()
    }
    fn done(&self) {
        assert!(
            self.0.is_empty(),
            "{}: unknown input keys {:?}",
            self.1,
            self.0.keys().collect::<Vec<_>>()
        );
    }
}

fn unhex(s: &str) -> Vec<u8> {
    wire::json::hex_decode(s).unwrap_or_else(|| panic!("bad hex {s}"))
}

fn hex(b: &[u8]) -> String {
    b.iter().fold(String::new(), |mut s, x| {
        let _ = write!(s, "{x:02x}");
        s
    })
}

/// The line and full result of bytes a codec wrote: `<label>=<hex>`, `{"hex", "length"}`.
fn written(label: &str, bytes: &[u8]) -> Out {
    let h = hex(bytes);
    valid(
        format!("{label}={h}"),
        json!({"hex": h, "length": bytes.len()}),
    )
}

fn b(x: bool) -> &'static str {
    if x { "true" } else { "false" }
}

fn list(items: impl IntoIterator<Item = String>) -> String {
    let v: Vec<String> = items.into_iter().collect();
    if v.is_empty() {
        "-".into()
    } else {
        v.join(",")
    }
}

fn input_error(e: &gasdev::api::InputError) -> Out {
    let field = if e.field.is_empty() { "-" } else { &e.field };
    (
        "invalid",
        format!("error={} field={field}", e.name),
        json!({"result": "invalid", "error": {
            "name": e.name, "field": e.field, "line": e.line, "column": e.column
        }}),
    )
}

// --- credit codes --------------------------------------------------------------------------

fn credit_code(mut i: Input) -> Out {
    let bytes = match (i.take("text"), i.take("hex")) {
        (Some(t), None) => t.as_str().unwrap().as_bytes().to_vec(),
        (None, Some(h)) => unhex(h.as_str().unwrap()),
        _ => panic!("{}: needs exactly one of text / hex", i.1),
    };
    i.done();
    match gasdev::model::CreditCode::parse_bytes(&bytes) {
        Ok(c) => valid(
            format!(
                "region={} organisation_code={}",
                c.region(),
                c.organisation_code()
            ),
            json!({"code": c.as_str(), "region": c.region(),
                   "organisation_code": c.organisation_code()}),
        ),
        Err(e) => rejected(e.code().name(), e.offset),
    }
}

// --- identifiers ---------------------------------------------------------------------------

fn identifier(mut i: Input) -> Out {
    let scheme = i
        .take("scheme")
        .map(|s| Scheme::from_name(s.as_str().unwrap()).unwrap());
    let require_item = i.take("require_item").is_some_and(|v| v.as_bool().unwrap());
    let (bytes, via_bytes) = if let Some(t) = i.take("text") {
        (t.as_str().unwrap().as_bytes().to_vec(), false)
    } else if let Some(h) = i.take("hex") {
        (unhex(h.as_str().unwrap()), true)
    } else if let Some(h) = i.take("hex_repeat") {
        let n = usize::try_from(i.req("count").as_u64().unwrap()).unwrap();
        (unhex(h.as_str().unwrap()).repeat(n), true)
    } else {
        let mut s = String::new();
        for part in i.req("concat").as_array().unwrap() {
            match part {
                Value::String(t) => s.push_str(t),
                Value::Object(run) => {
                    let mut run = Input(run.clone(), i.1.clone());
                    let unit = run.string("repeat");
                    let n = usize::try_from(run.req("count").as_u64().unwrap()).unwrap();
                    run.done();
                    s.push_str(&unit.repeat(n));
                }
                other => panic!("{}: concat part {other}", i.1),
            }
        }
        (s.into_bytes(), false)
    };
    i.done();
    let parsed: Result<Ident<'_>, IdentError> = if via_bytes {
        match scheme {
            None => Ident::parse_bytes(&bytes),
            Some(s) => Ident::parse_bytes_as(&bytes, s),
        }
    } else {
        let text = std::str::from_utf8(&bytes).unwrap();
        match (scheme, require_item) {
            (None, true) => Ident::parse_item(text),
            (None, false) => Ident::parse(text),
            (Some(s), false) => Ident::parse_as(text, s),
            (Some(_), true) => panic!("{}: require_item with a forced scheme", i.1),
        }
    };
    match parsed {
        Ok(id) => {
            // The identifier's JSON report (spec/identifiers.md §10, `gasdev ident --format json`).
            let mut report = gasdev::ident::report::Report::new(
                &String::from_utf8_lossy(&bytes),
                &Ok(id),
                gasdev::Lang::En,
            );
            if std::str::from_utf8(&bytes).is_err() {
                report.input_hex = Some(hex(&bytes));
            }
            valid(
                format!(
                    "scheme={} item={} canonical={}",
                    id.scheme().name(),
                    b(id.is_item()),
                    id.canonical()
                ),
                to_json(&report),
            )
        }
        Err(e) => rejected(e.code().name(), e.offset()),
    }
}

// --- frames --------------------------------------------------------------------------------

fn message_type(m: &Message<'_>) -> &'static str {
    wire::MessageType::from_code(m.type_code()).map_or("unknown", wire::MessageType::as_str)
}

fn frame(mut i: Input) -> Out {
    if let Some(stream) = i.take("stream") {
        i.done();
        let data = unhex(stream.as_str().unwrap());
        // Each event as a summary word and a full item `{offset, length, frame|error|rejected|
        // skipped}` (the frame decoded, or the error of decoding it).
        let mut events: Vec<(String, Value)> = Vec::new();
        let mut pos = 0usize;
        let mut skipped_run = 0usize;
        let mut push = |ev: StreamEvent<'_>, events: &mut Vec<(String, Value)>| {
            let (word, length, what) = match ev {
                // Consecutive skips are one event (as the vectors list them).
                StreamEvent::Skipped(n) => {
                    skipped_run += n;
                    return;
                }
                StreamEvent::Frame(f) => {
                    let n = f.bytes().len();
                    let what = match wire::decode(f.bytes()) {
                        Ok(repr) => ("frame", to_json(&repr)),
                        Err(e) => (
                            "error",
                            json!({"error": e.code().name(), "offset": e.offset()}),
                        ),
                    };
                    (format!("frame:{n}"), n, what)
                }
                StreamEvent::Rejected(e) => (
                    format!("rejected:{}@{}", e.code().name(), e.offset()),
                    1,
                    (
                        "rejected",
                        json!({"error": e.code().name(), "offset": e.offset()}),
                    ),
                ),
            };
            if skipped_run > 0 {
                events.push((
                    format!("skipped:{skipped_run}"),
                    json!({"offset": pos, "length": skipped_run, "skipped": skipped_run}),
                ));
                pos += skipped_run;
                skipped_run = 0;
            }
            let mut item = json!({"offset": pos, "length": length});
            item.as_object_mut()
                .unwrap()
                .insert(what.0.to_owned(), what.1);
            events.push((word, item));
            pos += length;
        };
        let mut d = StreamDecoder::new();
        d.feed_all(&data, |ev| push(ev, &mut events));
        d.finish_all(|ev| push(ev, &mut events));
        if skipped_run > 0 {
            events.push((
                format!("skipped:{skipped_run}"),
                json!({"offset": pos, "length": skipped_run, "skipped": skipped_run}),
            ));
        }
        let (words, items): (Vec<String>, Vec<Value>) = events.into_iter().unzip();
        return valid(
            format!("events={}", words.join(";")),
            json!({ "items": items }),
        );
    }
    let bytes = unhex(&i.string("frame"));
    let decl = i.take("declaration");
    i.done();
    let repr = match wire::decode(&bytes) {
        Ok(r) => r,
        Err(e) => return rejected(e.code().name(), e.offset()),
    };
    if let Some(decl) = decl {
        let decl: Declaration = serde_json::from_value(decl).unwrap();
        let found = wire::validate(&repr, &decl);
        let findings = found.iter().map(|f| format!("{}/{}", f.clause, f.rule));
        return valid(
            format!("findings={}", list(findings)),
            json!({ "findings": to_json(&found) }),
        );
    }
    let ts = repr
        .timestamp
        .unix()
        .map_or_else(|| "unknown".to_owned(), |t| t.to_string());
    valid(
        format!(
            "type={} seq={} ts={ts}",
            message_type(&repr.message),
            repr.seq
        ),
        to_json(&repr),
    )
}

// --- GB/T 26875.3 --------------------------------------------------------------------------

fn time(s: &str) -> TimeLabel {
    TimeLabel::parse(s).unwrap_or_else(|| panic!("bad time {s}"))
}

fn packet_summary(d: &Decoded<'_>) -> String {
    let (ty, n) = match d.adu() {
        None => ("-".to_owned(), 0),
        // The JSON form lists a raw body as one object.
        Some(a) if a.is_raw() => (a.type_flag().to_string(), 1),
        Some(a) => (a.type_flag().to_string(), a.items().count()),
    };
    format!(
        "command={} type={ty} objects={n} checksum_ok={}",
        d.header().command,
        b(d.checksum_ok())
    )
}

fn gbt_decode(bytes: &[u8], verify: bool) -> Out {
    let opts = |mode| Options {
        mode,
        verify_checksum: verify,
    };
    let strict = gbt::decode(bytes, opts(Mode::Strict));
    match (strict, gbt::decode(bytes, opts(Mode::Tolerant))) {
        (Ok(s), _) => valid(packet_summary(&s), to_json(&s)),
        (Err(se), Ok(t)) => (
            "acceptable",
            format!(
                "strict={}@{} {}",
                se.code().name(),
                se.offset(),
                packet_summary(&t)
            ),
            json!({"result": "acceptable", "value": to_json(&t),
                   "strict": {"name": se.code().name(), "offset": se.offset()}}),
        ),
        (Err(_), Err(te)) => rejected(te.code().name(), te.offset()),
    }
}

fn field_u64(obj: &mut Input, key: &str) -> u64 {
    obj.req(key).as_u64().unwrap()
}

fn point(v: Value, ctx: &str) -> Point {
    let mut f = Input(v.as_object().unwrap().clone(), ctx.to_owned());
    let p = Point {
        system: SystemId {
            system_type: u8::try_from(field_u64(&mut f, "system_type")).unwrap(),
            system_address: u8::try_from(field_u64(&mut f, "system_address")).unwrap(),
        },
        component_address: u32::try_from(field_u64(&mut f, "component_address")).unwrap(),
        description: gbt::Description::from_text(&f.string("description")).unwrap(),
    };
    f.done();
    p
}

fn header(v: Value, ctx: &str) -> Header {
    let mut f = Input(v.as_object().unwrap().clone(), ctx.to_owned());
    let version: Vec<u8> = serde_json::from_value(f.req("version")).unwrap();
    let h = Header {
        serial: u16::try_from(field_u64(&mut f, "serial")).unwrap(),
        version: Version {
            main: *version.first().unwrap(),
            user: *version.get(1).unwrap(),
        },
        time: time(&f.string("time")),
        source: Address::new(field_u64(&mut f, "source")).unwrap(),
        destination: Address::new(field_u64(&mut f, "destination")).unwrap(),
        command: u8::try_from(field_u64(&mut f, "command")).unwrap(),
    };
    f.done();
    h
}

/// The line of a mapping: the objects' status words (or analog types), and how many packets
/// the objects encode to when a header is given (type 2 first, then type 3).
fn mapped(
    got: Result<(Vec<Item<'static>>, Vec<Item<'static>>), gbt::Error>,
    hdr: Option<Header>,
) -> Out {
    let (status, analog) = match got {
        Ok(v) => v,
        Err(e) => return rejected(e.code().name(), e.offset()),
    };
    let words = status.iter().chain(&analog).map(|it| match it.object {
        Object::ComponentStatus { status, .. } => status.to_string(),
        Object::AnalogValue { analog_type, .. } => format!("analog{analog_type}"),
        other => panic!("mapping produced {other:?}"),
    });
    // The objects, and the packets (hex) they encode to when a header is given.
    let encoded: Option<Vec<String>> = hdr.map(|mut h| {
        let mut out = Vec::new();
        for (type_flag, items) in [(2u8, &status), (3u8, &analog)] {
            if items.is_empty() {
                continue;
            }
            let mut buf = [0u8; gbt::MAX_LEN];
            let n =
                gbt::encode(&h, Some(&AduRepr::Objects { type_flag, items }), &mut buf).unwrap();
            out.push(hex(buf.get(..n).unwrap()));
            h.serial = h.serial.wrapping_add(1);
        }
        out
    });
    let packets = encoded
        .as_ref()
        .map_or_else(|| "-".to_owned(), |p| p.len().to_string());
    let mut value = json!({
        "objects": to_json(&status.iter().chain(&analog).collect::<Vec<_>>()),
    });
    if let Some(p) = encoded {
        value
            .as_object_mut()
            .unwrap()
            .insert("packets".into(), to_json(&p));
    }
    valid(
        format!(
            "objects={} status={} packets={packets}",
            status.len() + analog.len(),
            list(words)
        ),
        value,
    )
}

fn gbt(mut i: Input) -> Out {
    let ctx = i.1.clone();
    if let Some(kind) = i.take("answer") {
        let bytes = unhex(&i.string("packet"));
        let t = time(&i.string("time"));
        i.done();
        return match common::gbt_answer(&kind, &bytes, t, &ctx) {
            Ok(packet) => written("packet", &packet),
            Err(e) => rejected(e.code().name(), e.offset()),
        };
    }
    if let Some(v) = i.take("map_alarm") {
        i.done();
        let mut f = Input(v.as_object().unwrap().clone(), ctx.clone());
        let status: AlarmStatus = serde_json::from_value(f.req("status")).unwrap();
        let mut r = Input(f.req("readings").as_object().unwrap().clone(), ctx.clone());
        let readings = Readings {
            combustible: serde_json::from_value::<Reading>(r.req("combustible")).unwrap(),
            co: serde_json::from_value::<Reading>(r.req("co")).unwrap(),
        };
        r.done();
        let p = point(f.req("point"), &ctx);
        let t = time(&f.string("time"));
        let policy: Policy = serde_json::from_value(f.req("policy")).unwrap();
        let hdr = f.take("header").map(|h| header(h, &ctx));
        f.done();
        let got = gbt::map_alarm(&status, &readings, &p, t, &policy)
            .map(|m| (vec![m.status], m.analog().to_vec()));
        return mapped(got, hdr);
    }
    if let Some(v) = i.take("map_valve") {
        i.done();
        let mut f = Input(v.as_object().unwrap().clone(), ctx.clone());
        let status: ValveStatus = serde_json::from_value(f.req("status")).unwrap();
        let p = point(f.req("point"), &ctx);
        let t = time(&f.string("time"));
        let policy: Policy = serde_json::from_value(f.req("policy")).unwrap();
        f.done();
        let got = gbt::map_valve(&status, &p, t, &policy).map(|it| (vec![it], vec![]));
        return mapped(got, None);
    }
    if let Some(v) = i.take("map_frame") {
        i.done();
        let mut f = Input(v.as_object().unwrap().clone(), ctx.clone());
        let bytes = unhex(&f.string("frame"));
        let p = point(f.req("point"), &ctx);
        let fallback = time(&f.string("fallback_time"));
        let policy: Policy = serde_json::from_value(f.req("policy")).unwrap();
        f.done();
        let frame = match wire::decode(&bytes) {
            Ok(fr) => fr,
            Err(e) => return rejected(e.code().name(), e.offset()),
        };
        let got = gbt::map_frame(&frame, &p, fallback, &policy)
            .map(|m| (vec![m.status], m.analog().to_vec()));
        return mapped(got, None);
    }
    if let Some(text) = i.take("hex_text") {
        i.done();
        let mut buf = vec![0u8; 4096];
        return match gbt::decode_hex_text(text.as_str().unwrap().as_bytes(), &mut buf) {
            Ok(n) => gbt_decode(buf.get(..n).unwrap(), true),
            Err(e) => rejected(e.code().name(), e.offset()),
        };
    }
    let bytes = unhex(&i.string("packet"));
    let verify = i
        .take("verify_checksum")
        .is_none_or(|v| v.as_bool().unwrap());
    i.done();
    gbt_decode(&bytes, verify)
}

// --- declarations and installation ---------------------------------------------------------

fn fails<'a>(findings: impl IntoIterator<Item = &'a gasdev::check::Finding>) -> String {
    let ids: BTreeSet<&str> = findings
        .into_iter()
        .filter(|f| f.status == Status::Fail)
        .map(|f| f.id)
        .collect();
    list(ids.into_iter().map(str::to_owned))
}

/// A checked document as every binding returns it: the report with the rule set and date it was
/// checked under (`checkDocument`, `gasdev_check_document`, `gasdev check --format json`).
fn envelope(document: &str, as_of: Date, report: Value) -> Value {
    json!({
        "document": document,
        "as_of": to_json(&as_of),
        "ruleset": gasdev::requirements::RULESET,
        "ruleset_version": gasdev::requirements::RULESET_VERSION,
        "report": report,
    })
}

fn declaration(mut i: Input) -> Out {
    let as_of = Date::parse(&i.string("as_of")).unwrap();
    let text = match (i.take("document"), i.take("json")) {
        (Some(doc), None) => serde_json::to_string(&doc).unwrap(),
        (None, Some(Value::String(t))) => t,
        _ => panic!("{}: needs exactly one of document / json", i.1),
    };
    i.done();
    match parse_document(&text) {
        Err(e) => input_error(&e),
        Ok(Document::Declaration(d)) => {
            let r = check_declaration(&d, as_of);
            valid(
                format!(
                    "document=declaration conformant={} achieved={} fail={}",
                    b(r.conformant),
                    r.achieved_tier.map_or("none", |t| t.as_str()),
                    fails(&r.findings)
                ),
                envelope("declaration", as_of, to_json(&r)),
            )
        }
        Ok(Document::Catalogue(c)) => {
            let r = check_catalogue(&c, as_of);
            valid(
                format!(
                    "document=catalogue conformant={} fail={} nonconformant_products={}",
                    b(r.conformant),
                    fails(&r.findings),
                    r.products.iter().filter(|p| !p.conformant).count()
                ),
                envelope("catalogue", as_of, to_json(&r)),
            )
        }
    }
}

fn installation(mut i: Input) -> Out {
    let as_of = Date::parse(&i.string("as_of")).unwrap();
    let (catalogue, declared) =
        common::installation_context(i.take("catalogue"), i.take("declarations"), as_of, &i.1);
    let text = match (i.take("record"), i.take("json")) {
        (Some(r), None) => r.to_string(),
        (None, Some(Value::String(t))) => t,
        _ => panic!("{}: needs exactly one of record / json", i.1),
    };
    i.done();
    match declared.and_then(|()| parse_record(&text)) {
        Err(e) => input_error(&e),
        Ok(record) => {
            let r = inspect(
                &record,
                catalogue.as_ref(),
                as_of,
                &RuleSet::nanchuan_2022(),
            );
            let codes = r.findings.iter().map(|f| f.code.name().to_owned());
            valid(
                format!("compliant={} findings={}", b(r.compliant), list(codes)),
                json!({"document": "inspection", "report": to_json(&r)}),
            )
        }
    }
}

// --- authenticated frames (spec/security.md) ----------------------------------------------

fn frame_key(v: &str) -> FrameKey {
    FrameKey::from_slice(&unhex(v)).unwrap()
}

fn u8_of(v: Value) -> u8 {
    u8::try_from(v.as_u64().unwrap()).unwrap()
}

/// A replay window as the bindings show it: `{window_size, max_jump, highest, bitmap}` (bitmap:
/// 16 lowercase hex digits, as `newReplayState` / `openFrame` give it).
fn window_json(w: &ReplayWindow) -> Value {
    json!({
        "window_size": w.config().size(),
        "max_jump": w.config().max_jump(),
        "highest": w.highest(),
        "bitmap": format!("{:016x}", w.bitmap()),
    })
}

fn secure_case(mut i: Input) -> Out {
    let op = i.string("op");
    match op.as_str() {
        "seal" => {
            let frame = unhex(&i.string("frame"));
            let key = frame_key(&i.string("key"));
            let key_id = u8_of(i.req("key_id"));
            let counter = u32::try_from(i.req("counter").as_u64().unwrap()).unwrap();
            i.done();
            let mut out = [0u8; wire::MAX_FRAME_LEN];
            match secure::seal(&frame, &key, key_id, counter, &mut out) {
                Ok(n) => written("frame", out.get(..n).unwrap()),
                Err(e) => rejected(e.code().name(), e.offset()),
            }
        }
        "open" => {
            let policy = match i.string("policy").as_str() {
                "required" => AuthPolicy::Required,
                "legacy" => AuthPolicy::LegacyAcceptUnauthenticated,
                other => panic!("{}: policy {other}", i.1),
            };
            let mut w = Input(i.req("window").as_object().unwrap().clone(), i.1.clone());
            let config = WindowConfig::new(u8_of(w.req("size")), {
                u32::try_from(w.req("max_jump").as_u64().unwrap()).unwrap()
            })
            .unwrap();
            w.done();
            // The receiver's keys, each with its persisted window [SEC-043]: the largest accepted
            // counter is the highest, the others are bits below it.
            let mut slots: Vec<KeySlot> = Vec::new();
            for k in i.req("keys").as_array().unwrap() {
                let mut k = Input(k.as_object().unwrap().clone(), i.1.clone());
                let mut slot =
                    KeySlot::new(u8_of(k.req("key_id")), frame_key(&k.string("key")), config);
                if let Some(window) = common::restored_window(config, &k.req("accepted")) {
                    slot.window = window;
                }
                k.done();
                slots.push(slot);
            }
            let frame = unhex(&i.string("frame"));
            i.done();
            match secure::open(&frame, &mut slots[..], policy) {
                Ok(opened) => {
                    let msg_type = opened.frame.message.type_code();
                    match opened.auth {
                        Authentication::Authenticated { key_id, counter } => {
                            let slot = slots.iter().find(|s| s.key_id == key_id).unwrap();
                            valid(
                                format!(
                                    "authenticated=true key_id={key_id} counter={counter} msg_type={msg_type}"
                                ),
                                json!({"authenticated": true, "key_id": key_id, "counter": counter,
                                       "msg_type": msg_type, "state": window_json(&slot.window)}),
                            )
                        }
                        // Not authenticated (legacy policy): the first key's window, unchanged.
                        Authentication::None => valid(
                            format!("authenticated=false key_id=- counter=- msg_type={msg_type}"),
                            json!({"authenticated": false, "msg_type": msg_type,
                                   "state": window_json(&slots.first().unwrap().window)}),
                        ),
                    }
                }
                Err(e) => rejected(e.code().name(), e.offset()),
            }
        }
        "derive_key" => {
            let master = frame_key(&i.string("master"));
            let key_id = u8_of(i.req("key_id"));
            let ident = i.string("identifier");
            i.done();
            match derive_device_key(&master, key_id, ident.as_bytes()) {
                // A test key of the vectors (never a real one): printed so that runners compare it.
                Ok(k) => {
                    let key = hex(k.expose_bytes());
                    valid(format!("key={key}"), json!({ "key": key }))
                }
                // Key derivation errors have no byte offset; the vectors give 0.
                Err(e) => rejected(e.code().name(), 0),
            }
        }
        other => panic!("{}: op {other}", i.1),
    }
}

fn main() {
    let mut args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    let full_path = match args.iter().position(|a| a == "--full") {
        Some(p) => {
            args.remove(p);
            Some(PathBuf::from(args.remove(p)))
        }
        None => None,
    };
    let dir = args.into_iter().next().map_or_else(
        || PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../spec/vectors")),
        PathBuf::from,
    );
    let mut out = String::new();
    let mut full = String::new();
    for name in FILES {
        let path = dir.join(format!("{name}.json"));
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let doc: Value = serde_json::from_str(&text).unwrap();
        for case in doc.get("tests").and_then(Value::as_array).unwrap() {
            let id = case.get("tcId").and_then(Value::as_u64).unwrap();
            let ctx = format!("{name}#{id}");
            let input = Input(
                case.get("input")
                    .and_then(Value::as_object)
                    .unwrap()
                    .clone(),
                ctx.clone(),
            );
            let (result, summary, value) = match name {
                "identifiers" => identifier(input),
                "frames" => frame(input),
                "gbt26875" => gbt(input),
                "declarations" => declaration(input),
                "credit_codes" => credit_code(input),
                "secure" => secure_case(input),
                _ => installation(input),
            };
            let _ = writeln!(out, "{ctx} {result} {summary}");
            full.push_str(&ctx);
            full.push(' ');
            canonical(&value, &mut full);
            full.push('\n');
        }
    }
    print!("{out}");
    if let Some(p) = full_path {
        std::fs::write(&p, full).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    }
}
