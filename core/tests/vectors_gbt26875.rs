//! Runs `spec/vectors/gbt26875.json`: every field of every case is consumed, unknown keys fail.
//!
//! Decoding cases run in both modes and must give the expected JSON form (`valid`), the tolerant
//! form and the strict error (`acceptable`), or the same error in both modes (`invalid`). Every
//! accepted packet is re-encoded twice: raw (exact bytes) and, when conformant, from its typed
//! objects, so each type-flag vector is also an encoding vector.
#![cfg(all(feature = "serde", feature = "alloc"))]

mod common;

use common::{hex, unhex};

use gasdev::gbt26875::{
    self as gbt, Address, AduRepr, Decoded, Header, Item, Mode, Options, Point, Policy, Readings,
    SystemId, TimeLabel, Version,
};
use gasdev::model::{AlarmStatus, Reading, ValveStatus};
use serde_json::{Map, Value};
use std::collections::BTreeSet;

fn load(path: &str) -> String {
    let full = format!("{}/../{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

/// Takes keys out of a JSON object; `done` fails if any are left.
struct Fields(Map<String, Value>, String);

impl Fields {
    fn new(v: &Value, what: &str) -> Fields {
        Fields(
            v.as_object()
                .unwrap_or_else(|| panic!("{what}: not an object"))
                .clone(),
            what.to_owned(),
        )
    }
    fn take(&mut self, k: &str) -> Value {
        self.0
            .remove(k)
            .unwrap_or_else(|| panic!("{}: missing {k}", self.1))
    }
    fn opt(&mut self, k: &str) -> Option<Value> {
        self.0.remove(k)
    }
    fn str(&mut self, k: &str) -> String {
        self.take(k)
            .as_str()
            .unwrap_or_else(|| panic!("{}: {k} not a string", self.1))
            .to_owned()
    }
    fn done(self) {
        assert!(
            self.0.is_empty(),
            "{}: unknown keys {:?}",
            self.1,
            self.0.keys().collect::<Vec<_>>()
        );
    }
}

fn err_json(e: gbt::Error) -> Value {
    serde_json::to_value(e).unwrap()
}

fn time(s: &str) -> TimeLabel {
    TimeLabel::parse(s).unwrap_or_else(|| panic!("bad time {s}"))
}

/// Re-encode an accepted packet: raw always, typed when the ADU is conformant.
fn reencode(id: &str, d: &Decoded<'_>, bytes: &[u8], typed_types: &mut BTreeSet<u8>) {
    let packet = &bytes[..d.packet_len()];
    let mut out = vec![0u8; gbt::MAX_LEN];
    let adu = d.adu().map(|a| a.repr());
    let n = gbt::encode(d.header(), adu.as_ref(), &mut out).unwrap();
    if d.checksum_ok() {
        assert_eq!(hex(&out[..n]), hex(packet), "{id}: raw re-encoding");
    }
    let Some(a) = d.adu() else { return };
    let Some(info) = a.info() else { return };
    if a.is_raw()
        || a.time_labels() != info.time_label
        || a.count() == 0
        || a.count() > info.max_count
    {
        return;
    }
    let items: Vec<Item<'_>> = a.items().collect();
    assert_eq!(items.len(), usize::from(a.count()), "{id}: item count");
    let repr = AduRepr::Objects {
        type_flag: a.type_flag(),
        items: &items,
    };
    let n = gbt::encode(d.header(), Some(&repr), &mut out).unwrap();
    if d.checksum_ok() {
        assert_eq!(hex(&out[..n]), hex(packet), "{id}: typed re-encoding");
        typed_types.insert(a.type_flag());
    }
}

fn run_decode(
    id: &str,
    bytes: &[u8],
    verify: bool,
    result: &str,
    expected: &Value,
    typed: &mut BTreeSet<u8>,
) {
    let tolerant = gbt::decode(
        bytes,
        Options {
            mode: Mode::Tolerant,
            verify_checksum: verify,
        },
    );
    let strict = gbt::decode(
        bytes,
        Options {
            mode: Mode::Strict,
            verify_checksum: verify,
        },
    );
    match result {
        "valid" => {
            let t = tolerant.unwrap_or_else(|e| panic!("{id}: tolerant rejected: {e}"));
            let s = strict.unwrap_or_else(|e| panic!("{id}: strict rejected: {e}"));
            assert!(
                t.deviations().is_empty(),
                "{id}: deviations in a valid packet"
            );
            assert_eq!(
                serde_json::to_value(t).unwrap(),
                *expected,
                "{id}: tolerant JSON"
            );
            assert_eq!(
                serde_json::to_value(s).unwrap(),
                *expected,
                "{id}: strict JSON"
            );
            reencode(id, &t, bytes, typed);
        }
        "acceptable" => {
            let mut e = Fields::new(expected, id);
            let t = tolerant.unwrap_or_else(|e| panic!("{id}: tolerant rejected: {e}"));
            assert!(
                !t.deviations().is_empty(),
                "{id}: acceptable without a deviation"
            );
            assert_eq!(
                serde_json::to_value(t).unwrap(),
                e.take("tolerant"),
                "{id}: tolerant JSON"
            );
            let s = strict
                .err()
                .unwrap_or_else(|| panic!("{id}: strict accepted"));
            assert_eq!(err_json(s), e.take("strict"), "{id}: strict error");
            e.done();
            reencode(id, &t, bytes, typed);
        }
        "invalid" => {
            let t = tolerant
                .err()
                .unwrap_or_else(|| panic!("{id}: tolerant accepted"));
            let s = strict
                .err()
                .unwrap_or_else(|| panic!("{id}: strict accepted"));
            assert_eq!(err_json(t), *expected, "{id}: tolerant error");
            assert_eq!(err_json(s), *expected, "{id}: strict error");
        }
        other => panic!("{id}: result {other}"),
    }
}

fn point(v: Value, id: &str) -> Point {
    let mut f = Fields::new(&v, id);
    let p = Point {
        system: SystemId {
            system_type: f.take("system_type").as_u64().unwrap().try_into().unwrap(),
            system_address: f
                .take("system_address")
                .as_u64()
                .unwrap()
                .try_into()
                .unwrap(),
        },
        component_address: f
            .take("component_address")
            .as_u64()
            .unwrap()
            .try_into()
            .unwrap(),
        description: gbt::Description::from_text(&f.str("description")).unwrap(),
    };
    f.done();
    p
}

fn header(v: Value, id: &str) -> Header {
    let mut f = Fields::new(&v, id);
    let version: Vec<u8> = serde_json::from_value(f.take("version")).unwrap();
    let h = Header {
        serial: f.take("serial").as_u64().unwrap().try_into().unwrap(),
        version: Version {
            main: version[0],
            user: version[1],
        },
        time: time(&f.str("time")),
        source: Address::new(f.take("source").as_u64().unwrap()).unwrap(),
        destination: Address::new(f.take("destination").as_u64().unwrap()).unwrap(),
        command: f.take("command").as_u64().unwrap().try_into().unwrap(),
    };
    f.done();
    h
}

/// Encode mapped objects as packets: type 2 first, then type 3, serial numbers counting up.
fn packets(h: Option<Header>, status: &[Item<'_>], analog: &[Item<'_>]) -> Option<Value> {
    let mut h = h?;
    let mut out = Vec::new();
    for (type_flag, items) in [(2u8, status), (3u8, analog)] {
        if items.is_empty() {
            continue;
        }
        let mut buf = [0u8; gbt::MAX_LEN];
        let n = gbt::encode(&h, Some(&AduRepr::Objects { type_flag, items }), &mut buf).unwrap();
        out.push(Value::String(hex(&buf[..n])));
        h.serial = h.serial.wrapping_add(1);
    }
    Some(Value::Array(out))
}

fn mapped(
    id: &str,
    result: &str,
    expected: &Value,
    got: Result<(Vec<Item<'_>>, Vec<Item<'_>>), gbt::Error>,
    hdr: Option<Header>,
) {
    match (result, got) {
        ("valid", Ok((status, analog))) => {
            let mut e = Fields::new(expected, id);
            let all: Vec<&Item<'_>> = status.iter().chain(&analog).collect();
            assert_eq!(
                serde_json::to_value(&all).unwrap(),
                e.take("objects"),
                "{id}: objects"
            );
            assert_eq!(
                packets(hdr, &status, &analog),
                e.opt("packets"),
                "{id}: packets"
            );
            e.done();
        }
        ("invalid", Err(err)) => assert_eq!(err_json(err), *expected, "{id}: error"),
        (r, got) => panic!("{id}: result {r} but got {:?}", got.map(|_| ())),
    }
}

fn run_map_alarm(id: &str, v: Value, result: &str, expected: &Value) {
    let mut f = Fields::new(&v, id);
    let status: AlarmStatus = serde_json::from_value(f.take("status")).unwrap();
    let mut r = Fields::new(&f.take("readings"), id);
    let readings = Readings {
        combustible: serde_json::from_value::<Reading>(r.take("combustible")).unwrap(),
        co: serde_json::from_value::<Reading>(r.take("co")).unwrap(),
    };
    r.done();
    let p = point(f.take("point"), id);
    let t = time(&f.str("time"));
    let policy: Policy = serde_json::from_value(f.take("policy")).unwrap();
    let hdr = f.opt("header").map(|h| header(h, id));
    f.done();
    let got = gbt::map_alarm(&status, &readings, &p, t, &policy)
        .map(|m| (vec![m.status], m.analog().to_vec()));
    mapped(id, result, expected, got, hdr);
}

fn run_map_frame(id: &str, v: Value, result: &str, expected: &Value) {
    let mut f = Fields::new(&v, id);
    let bytes = unhex(&f.str("frame"));
    let frame = gasdev::wire::decode(&bytes)
        .unwrap_or_else(|e| panic!("{id}: frame does not decode: {e:?}"));
    let p = point(f.take("point"), id);
    let fallback = time(&f.str("fallback_time"));
    let policy: Policy = serde_json::from_value(f.take("policy")).unwrap();
    f.done();
    let got = gbt::map_frame(&frame, &p, fallback, &policy)
        .map(|m| (vec![m.status], m.analog().to_vec()));
    mapped(id, result, expected, got, None);
}

fn run_map_valve(id: &str, v: Value, result: &str, expected: &Value) {
    let mut f = Fields::new(&v, id);
    let status: ValveStatus = serde_json::from_value(f.take("status")).unwrap();
    let p = point(f.take("point"), id);
    let t = time(&f.str("time"));
    let policy: Policy = serde_json::from_value(f.take("policy")).unwrap();
    f.done();
    let got = gbt::map_valve(&status, &p, t, &policy).map(|i| (vec![i], vec![]));
    mapped(id, result, expected, got, None);
}

#[test]
fn gbt26875_vectors() {
    let doc: Value = serde_json::from_str(&load("spec/vectors/gbt26875.json")).unwrap();
    let spec_text = load("spec/gbt26875.md");
    let mut top = Fields::new(&doc, "gbt26875.json");
    assert_eq!(top.str("area"), "gbt26875");
    assert_eq!(top.take("version"), 1);
    assert!(!top.str("description").is_empty());
    let notes = top.take("notes");
    let notes = notes.as_object().unwrap();
    let tests = top.take("tests");
    top.done();

    let tests = tests.as_array().unwrap();
    assert!(tests.len() >= 40, "at least 40 cases");
    let mut ids = BTreeSet::new();
    let mut spec_ids = BTreeSet::new();
    let mut flags_used = BTreeSet::new();
    let mut typed = BTreeSet::new();
    for case in tests {
        let mut c = Fields::new(case, "case");
        let tc = c.take("tcId").as_u64().unwrap();
        let id = format!("gbt26875#{tc}");
        assert!(ids.insert(tc), "{id}: duplicate tcId");
        let description = c.str("description");
        assert!(
            !description.is_empty() && description.chars().count() < 70,
            "{id}: description length"
        );
        for s in c.take("spec").as_array().unwrap() {
            let s = s.as_str().unwrap().to_owned();
            assert!(
                spec_text.contains(&format!("[{s}]")),
                "{id}: {s} is not defined in spec/gbt26875.md"
            );
            spec_ids.insert(s);
        }
        for fl in c.take("flags").as_array().unwrap() {
            let fl = fl.as_str().unwrap().to_owned();
            assert!(notes.contains_key(&fl), "{id}: flag {fl} has no note");
            flags_used.insert(fl);
        }
        let result = c.str("result");
        let expected = c.take("expected");
        let mut input = Fields::new(&c.take("input"), &id);
        c.done();

        if let Some(kind) = input.opt("answer") {
            let bytes = unhex(&input.str("packet"));
            let t = time(&input.str("time"));
            input.done();
            let packet = common::gbt_answer(&kind, &bytes, t, &id).unwrap();
            assert_eq!(result, "valid", "{id}");
            let mut e = Fields::new(&expected, &id);
            assert_eq!(hex(&packet), e.str("packet"), "{id}: answer");
            e.done();
        } else if let Some(v) = input.opt("map_alarm") {
            input.done();
            run_map_alarm(&id, v, &result, &expected);
        } else if let Some(v) = input.opt("map_frame") {
            input.done();
            run_map_frame(&id, v, &result, &expected);
        } else if let Some(v) = input.opt("map_valve") {
            input.done();
            run_map_valve(&id, v, &result, &expected);
        } else if let Some(text) = input.opt("hex_text") {
            input.done();
            let mut buf = vec![0u8; 4096];
            match gbt::decode_hex_text(text.as_str().unwrap().as_bytes(), &mut buf) {
                Ok(n) => run_decode(&id, &buf[..n], true, &result, &expected, &mut typed),
                Err(e) => {
                    assert_eq!(result, "invalid", "{id}");
                    assert_eq!(err_json(e), expected, "{id}: hex error");
                }
            }
        } else {
            let bytes = unhex(&input.str("packet"));
            let verify = input
                .opt("verify_checksum")
                .is_none_or(|v| v.as_bool().unwrap());
            input.done();
            run_decode(&id, &bytes, verify, &result, &expected, &mut typed);
        }
    }
    // Every flag note is used, and every requirement id of the spec has a vector.
    assert_eq!(flags_used.len(), notes.len(), "unused flag notes");
    let defined: BTreeSet<String> = spec_text
        .match_indices("**[GBT-")
        .map(|(i, _)| {
            let rest = &spec_text[i + 3..];
            rest[..rest.find(']').unwrap()].to_owned()
        })
        .collect();
    assert!(
        defined.len() >= 30,
        "spec defines its requirement ids as **[GBT-n]**"
    );
    let missing: Vec<_> = defined.difference(&spec_ids).collect();
    assert!(missing.is_empty(), "spec ids without a vector: {missing:?}");
    // Every type flag of table 3 was re-encoded from its typed objects.
    let all: BTreeSet<u8> = gbt::TYPES.iter().map(|t| t.flag).collect();
    let untested: Vec<_> = all.difference(&typed).collect();
    assert!(
        untested.is_empty(),
        "type flags without a typed round trip: {untested:?}"
    );
}
