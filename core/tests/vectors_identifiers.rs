//! Runs every case of `spec/vectors/identifiers.json` through the identifier parser, consuming
//! every field of every case (unknown keys fail), and asserts exact results: through the typed
//! API (`Ident`, `IdentError`) and through the JSON report (`ident::report::Report`), which is
//! what `gasdev ident --format json` prints.
#![cfg(all(feature = "std", feature = "serde"))]

mod common;

use common::{cases, done, take, take_description, take_flags, unhex};
use std::collections::BTreeSet;

use gasdev::Lang;
use gasdev::ident::report::{PartsReport, Report};
use gasdev::ident::{Ident, IdentError, OwnedIdent, Parts, Scheme};
use serde_json::Value;

/// The input of a case: bytes (text inputs are their UTF-8), whether it goes through the byte
/// API, the forced scheme and whether an item is required.
struct Input {
    bytes: Vec<u8>,
    via_bytes: bool,
    scheme: Option<Scheme>,
    require_item: bool,
}

fn input(v: Value, ctx: &str) -> Input {
    let Value::Object(mut obj) = v else {
        panic!("{ctx}: input is not an object")
    };
    let scheme = obj.remove("scheme").map(|s| {
        Scheme::from_name(s.as_str().unwrap()).unwrap_or_else(|| panic!("{ctx}: scheme {s}"))
    });
    let require_item = obj
        .remove("require_item")
        .is_some_and(|v| v.as_bool().unwrap());
    let mut sources = 0;
    let mut bytes = Vec::new();
    let mut via_bytes = false;
    if let Some(t) = obj.remove("text") {
        sources += 1;
        bytes = t.as_str().unwrap().as_bytes().to_vec();
    }
    if let Some(h) = obj.remove("hex") {
        sources += 1;
        via_bytes = true;
        bytes = unhex(h.as_str().unwrap());
    }
    if let Some(h) = obj.remove("hex_repeat") {
        sources += 1;
        via_bytes = true;
        let n = take(&mut obj, "count", ctx).as_u64().unwrap();
        bytes = unhex(h.as_str().unwrap()).repeat(usize::try_from(n).unwrap());
    }
    if let Some(parts) = obj.remove("concat") {
        sources += 1;
        let mut s = String::new();
        for part in parts.as_array().unwrap() {
            match part {
                Value::String(t) => s.push_str(t),
                Value::Object(run) => {
                    let mut run = run.clone();
                    let unit = take(&mut run, "repeat", ctx);
                    let count = take(&mut run, "count", ctx).as_u64().unwrap();
                    done(&run, ctx);
                    s.push_str(
                        &unit
                            .as_str()
                            .unwrap()
                            .repeat(usize::try_from(count).unwrap()),
                    );
                }
                other => panic!("{ctx}: bad concat part {other}"),
            }
        }
        bytes = s.into_bytes();
    }
    assert_eq!(sources, 1, "{ctx}: exactly one input source");
    done(&obj, ctx);
    Input {
        bytes,
        via_bytes,
        scheme,
        require_item,
    }
}

fn parse<'a>(inp: &'a Input) -> Result<Ident<'a>, IdentError> {
    let id = match (inp.via_bytes, inp.scheme) {
        (true, None) => Ident::parse_bytes(&inp.bytes),
        (true, Some(s)) => Ident::parse_bytes_as(&inp.bytes, s),
        (false, scheme) => {
            let text = std::str::from_utf8(&inp.bytes).unwrap();
            match (scheme, inp.require_item) {
                (None, true) => Ident::parse_item(text),
                (None, false) => Ident::parse(text),
                (Some(s), false) => Ident::parse_as(text, s),
                (Some(_), true) => panic!("require_item with a forced scheme is not used"),
            }
        }
    };
    assert!(
        !(inp.require_item && inp.via_bytes),
        "require_item with bytes is not used"
    );
    id
}

fn report(inp: &Input) -> Report {
    if inp.via_bytes {
        Report::parse_bytes(&inp.bytes, inp.scheme, Lang::En)
    } else {
        let text = std::str::from_utf8(&inp.bytes).unwrap();
        if inp.require_item {
            Report::new(text, &Ident::parse_item(text), Lang::En)
        } else {
            Report::parse(text, inp.scheme, Lang::En)
        }
    }
}

/// Invariants every valid identifier keeps, whatever the vector says.
fn invariants(id: &Ident<'_>, inp: &Input, ctx: &str) {
    // Display reproduces the input exactly.
    assert_eq!(id.to_string().as_bytes(), &inp.bytes[..], "{ctx}: display");
    assert!(id.canonical_eq(id), "{ctx}: canonical_eq is reflexive");
    // The owned form keeps the same shape.
    let owned = OwnedIdent::from_ident(id);
    assert_eq!(owned.as_ident(), *id, "{ctx}: owned view");
    assert_eq!(owned.as_str(), id.as_str());
    // Detected identifiers re-parse identically through FromStr.
    if inp.scheme.is_none() {
        let again: OwnedIdent = id.as_str().parse().unwrap();
        assert_eq!(again, owned, "{ctx}: FromStr");
    }
    // Handles: the canonical text, re-parsed, compares equal (not for GS1: it is an element
    // string, not the input syntax).
    if let Parts::Handle(_) = id.parts() {
        let canon = id.canonical().to_string();
        let re = Ident::parse_as(&canon, Scheme::Handle).unwrap();
        assert_eq!(
            re.canonical().to_string(),
            canon,
            "{ctx}: canonical is idempotent"
        );
    }
    assert_eq!(id.is_verified(), id.scheme().is_verified());
}

#[test]
fn identifier_vectors() {
    let doc = common::load("identifiers");
    let Value::Object(mut top) = doc else {
        panic!("not an object")
    };
    assert_eq!(take(&mut top, "area", "file"), "identifiers");
    assert_eq!(take(&mut top, "version", "file"), 1);
    assert!(take(&mut top, "description", "file").is_string());
    let notes = take(&mut top, "notes", "file");
    let notes = notes.as_object().unwrap();
    let tests = take(&mut top, "tests", "file");
    done(&top, "file");

    let mut names_seen = BTreeSet::new();
    let mut flags_used = BTreeSet::new();
    let mut starter = 0;
    let mut spec_ids = BTreeSet::new();
    for (_, mut case, ctx) in cases(tests.clone(), "identifiers.json") {
        take_description(&mut case, &ctx);
        let spec = take(&mut case, "spec", &ctx);
        assert!(!spec.as_array().unwrap().is_empty(), "{ctx}: spec ids");
        for s in spec.as_array().unwrap() {
            let s = s.as_str().unwrap();
            spec_ids.insert(s.to_owned());
            assert!(
                s.starts_with("IDENT-") || s.starts_with("ALM-") || s.starts_with("VLV-"),
                "{ctx}: spec id {s}"
            );
        }
        for f in take_flags(&mut case, notes, &ctx) {
            if f == "STARTER" {
                starter += 1;
            }
            flags_used.insert(f);
        }
        let inp = input(take(&mut case, "input", &ctx), &ctx);
        let result = take(&mut case, "result", &ctx);
        let Value::Object(mut exp) = take(&mut case, "expected", &ctx) else {
            panic!("{ctx}: expected is not an object")
        };
        done(&case, &ctx);

        let parsed = parse(&inp);
        let rep = report(&inp);
        match result.as_str().unwrap() {
            "valid" => {
                let id = parsed.unwrap_or_else(|e| panic!("{ctx}: rejected: {e}"));
                invariants(&id, &inp, &ctx);
                let scheme = take(&mut exp, "scheme", &ctx);
                assert_eq!(scheme, id.scheme().name(), "{ctx}: scheme");
                let item = take(&mut exp, "item", &ctx);
                assert_eq!(item, id.is_item(), "{ctx}: item");
                let form = take(&mut exp, "form", &ctx);
                assert_eq!(form, id.form().name(), "{ctx}: form");
                let canonical = take(&mut exp, "canonical", &ctx);
                assert_eq!(canonical, id.canonical().to_string(), "{ctx}: canonical");
                let flags = take(&mut exp, "flags", &ctx);
                let parts = take(&mut exp, "parts", &ctx);
                done(&exp, &ctx);
                // The report carries the same values, and exactly these parts and flags.
                assert!(rep.valid && rep.error.is_none(), "{ctx}: report valid");
                assert_eq!(rep.scheme, Some(id.scheme().name()));
                assert_eq!(rep.item, id.is_item());
                assert_eq!(rep.form, Some(id.form().name()));
                assert_eq!(rep.canonical.as_deref(), Some(canonical.as_str().unwrap()));
                assert_eq!(
                    serde_json::to_value(&rep.flags).unwrap(),
                    flags,
                    "{ctx}: flags"
                );
                let got = serde_json::to_value(rep.parts.as_ref().unwrap()).unwrap();
                assert_eq!(got, parts, "{ctx}: parts");
                typed_parts(&id, rep.parts.as_ref().unwrap(), &ctx);
            }
            "invalid" => {
                let e = match parsed {
                    Ok(id) => panic!("{ctx}: accepted as {} {id}", id.scheme()),
                    Err(e) => e,
                };
                let name = take(&mut exp, "error", &ctx);
                assert_eq!(name, e.code().name(), "{ctx}: error name");
                names_seen.insert(e.code().name());
                let offset = take(&mut exp, "offset", &ctx);
                assert_eq!(offset, e.offset(), "{ctx}: offset");
                let scheme = take(&mut exp, "scheme", &ctx);
                assert_eq!(
                    scheme,
                    serde_json::to_value(e.scheme().map(Scheme::name)).unwrap()
                );
                let limit = exp.remove("limit").map(|v| v.as_u64().unwrap());
                assert_eq!(limit, e.limit().map(|l| l as u64), "{ctx}: limit");
                let digit = exp
                    .remove("expected_check_digit")
                    .map(|v| v.as_u64().unwrap());
                assert_eq!(
                    digit,
                    e.expected_check_digit().map(u64::from),
                    "{ctx}: expected check digit"
                );
                done(&exp, &ctx);
                assert!(
                    e.offset() <= inp.bytes.len(),
                    "{ctx}: offset inside the input"
                );
                assert!(
                    !rep.valid && !rep.item && rep.parts.is_none(),
                    "{ctx}: report"
                );
                let re = rep.error.unwrap();
                assert_eq!((re.name, re.offset), (e.code().name(), e.offset()));
                assert_eq!(re.message, e.code().text().en);
            }
            other => panic!("{ctx}: result {other}"),
        }
    }
    assert!(tests.as_array().unwrap().len() >= 80, "at least 80 cases");
    assert!(starter >= 26, "every starter vector is present");
    // Every IDENT_* error name is exercised.
    for code in gasdev::ErrorCode::ALL {
        if code.name().starts_with("IDENT_") {
            assert!(
                names_seen.contains(code.name()),
                "{} not covered",
                code.name()
            );
        }
    }
    // Every requirement id the spec defines (`**[IDENT-n]**`) is exercised by some vector.
    let spec_text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../spec/identifiers.md"
    ))
    .unwrap();
    let defined: BTreeSet<String> = spec_text
        .split("[IDENT-")
        .skip(1)
        .filter_map(|rest| rest.split_once(']'))
        .filter(|(n, _)| n.parse::<u32>().is_ok())
        .map(|(n, _)| format!("IDENT-{n}"))
        .collect();
    assert!(defined.len() >= 17, "spec ids: {defined:?}");
    for id in &defined {
        assert!(spec_ids.contains(id), "{id} is not exercised by any vector");
    }
    // Every note is used.
    for note in notes.keys() {
        assert!(flags_used.contains(note), "note {note} is never used");
    }
}

/// The typed accessors agree with the report.
fn typed_parts(id: &Ident<'_>, rep: &PartsReport, ctx: &str) {
    match (id.parts(), rep) {
        (
            Parts::Handle(h),
            PartsReport::Handle {
                prefix,
                prefix_segments,
                na_handle,
                ..
            },
        ) => {
            assert_eq!(h.prefix, prefix, "{ctx}");
            assert_eq!(h.prefix_segments().collect::<Vec<_>>(), *prefix_segments);
            assert_eq!(h.na_handle().to_string(), *na_handle);
            assert_eq!(h.suffix.is_some(), id.is_item());
        }
        (Parts::Oid(o), PartsReport::Oid { arcs }) => {
            assert_eq!(o.arcs().collect::<Vec<_>>(), *arcs, "{ctx}");
            assert_eq!(o.arc_count, arcs.len());
        }
        (
            Parts::Gs1(k),
            PartsReport::Gs1 {
                key, check_digit, ..
            },
        ) => {
            assert_eq!(
                (k.digits, k.check_digit),
                (key.as_str(), *check_digit),
                "{ctx}"
            );
            let (data, _) = key.split_at(key.len() - 1);
            assert_eq!(gasdev::ident::gs1_check_digit(data), Some(*check_digit));
        }
        (Parts::DigitalLink(d), PartsReport::DigitalLink { qualifiers, .. }) => {
            assert_eq!(d.qualifiers().count(), qualifiers.len(), "{ctx}");
            assert_eq!(Some(d.host), id.host());
        }
        (Parts::Ma(m), PartsReport::Ma { fields, .. }) => {
            assert_eq!(m.fields().collect::<Vec<_>>(), *fields, "{ctx}");
        }
        (Parts::Ecode(e), PartsReport::Ecode { code, .. }) => assert_eq!(e.code, code, "{ctx}"),
        _ => panic!("{ctx}: parts of another scheme"),
    }
}
