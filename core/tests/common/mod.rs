//! What the shared-vector runners (`tests/vectors_*.rs`) have in common: loading a vector file
//! and taking a case apart key by key, so that a key no runner reads fails the run.
#![allow(dead_code, reason = "each test crate uses the part it needs")]

use std::collections::BTreeSet;

use serde_json::{Map, Value};

/// A case of a vector file: its `tcId`, its other keys, and `<area>#<tcId>` for messages.
pub type Case = (u64, Map<String, Value>, String);

/// `spec/vectors/<area>.json`.
pub fn load(area: &str) -> Value {
    let path = format!("{}/../spec/vectors/{area}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// `spec/vectors/<area>.json` after checking its header: `area` is `area`, `version` is `version`,
/// `description` is text. The rest of the top-level object (`tests`, maybe `notes`) is returned for
/// the caller to take apart and finish with [`done`].
pub fn load_area(area: &str, version: u64) -> Map<String, Value> {
    let Value::Object(mut root) = load(area) else {
        panic!("{area}: the file is not a JSON object")
    };
    assert_eq!(take(&mut root, "area", "root"), area);
    assert_eq!(take(&mut root, "version", "root"), version);
    assert!(take(&mut root, "description", "root").is_string());
    root
}

/// The cases ([`cases`]) of `spec/vectors/<area>.json` after [`load_area`], and its `notes` (an
/// object) when `with_notes`, else none: nothing else may be in the file.
pub fn load_cases(area: &str, version: u64, with_notes: bool) -> (Map<String, Value>, Vec<Case>) {
    let mut root = load_area(area, version);
    let notes = if with_notes {
        take_object(&mut root, "notes", "root")
    } else {
        Map::new()
    };
    let tests = take(&mut root, "tests", "root");
    done(&root, "root");
    (notes, cases(tests, area))
}

/// Take a key out of an object, failing if it is absent; what is left over is checked by
/// [`done`].
pub fn take(obj: &mut Map<String, Value>, key: &str, ctx: &str) -> Value {
    obj.remove(key)
        .unwrap_or_else(|| panic!("{ctx}: missing key {key:?}"))
}

/// `v`, which must be a JSON object.
pub fn object(v: Value, ctx: &str) -> Map<String, Value> {
    match v {
        Value::Object(m) => m,
        other => panic!("{ctx}: not an object: {other}"),
    }
}

/// Take a key whose value is an object.
pub fn take_object(obj: &mut Map<String, Value>, key: &str, ctx: &str) -> Map<String, Value> {
    object(take(obj, key, ctx), &format!("{ctx}: {key}"))
}

/// The cases of a vector file's `tests`: each case's `tcId` (taken out, never repeated), the rest
/// of the case, and its context `<area>#<tcId>` for messages.
pub fn cases(tests: Value, area: &str) -> Vec<Case> {
    let Value::Array(tests) = tests else {
        panic!("{area}: tests is not an array")
    };
    assert!(!tests.is_empty(), "{area}: no tests");
    let mut ids = BTreeSet::new();
    tests
        .into_iter()
        .map(|case| {
            let mut case = object(case, area);
            let id = take(&mut case, "tcId", area);
            let id = id.as_u64().unwrap_or_else(|| panic!("{area}: tcId {id}"));
            let ctx = format!("{area}#{id}");
            assert!(ids.insert(id), "{ctx}: duplicate tcId");
            (id, case, ctx)
        })
        .collect()
}

/// Take a case's `description`: text, not empty, shorter than 70 characters.
pub fn take_description(case: &mut Map<String, Value>, ctx: &str) {
    let desc = take(case, "description", ctx);
    let desc = desc.as_str().unwrap_or_default();
    assert!(
        !desc.is_empty() && desc.chars().count() < 70,
        "{ctx}: description {desc:?}"
    );
}

/// Take a case's `flags`, each of which has a note in `notes`.
pub fn take_flags(
    case: &mut Map<String, Value>,
    notes: &Map<String, Value>,
    ctx: &str,
) -> Vec<String> {
    let Value::Array(flags) = take(case, "flags", ctx) else {
        panic!("{ctx}: flags is not an array")
    };
    flags
        .into_iter()
        .map(|f| {
            let f = f
                .as_str()
                .unwrap_or_else(|| panic!("{ctx}: flag {f}"))
                .to_owned();
            assert!(notes.contains_key(&f), "{ctx}: flag {f} has no note");
            f
        })
        .collect()
}

/// Take `key` out of a case's `expected` object and assert that it equals `got`.
#[track_caller]
pub fn expect_key<T: std::fmt::Debug>(
    expected: &mut Map<String, Value>,
    key: &str,
    got: T,
    ctx: &str,
) where
    Value: PartialEq<T>,
{
    assert_eq!(take(expected, key, ctx), got, "{ctx}: {key}");
}

/// Every key of `obj` was read.
pub fn done(obj: &Map<String, Value>, ctx: &str) {
    assert!(
        obj.is_empty(),
        "{ctx}: unread keys {:?}",
        obj.keys().collect::<Vec<_>>()
    );
}

/// A case's document: the JSON value under `key` (as compact text) or the text under `json`
/// (as given, possibly malformed); exactly one of the two.
pub fn document_text(input: &mut Map<String, Value>, key: &str, ctx: &str) -> String {
    match (input.remove(key), input.remove("json")) {
        (Some(v), None) => v.to_string(),
        (None, Some(Value::String(t))) => t,
        _ => panic!("{ctx}: input needs exactly one of {key} / json"),
    }
}

/// The bytes of lowercase hex text `s` (white space ignored); anything else fails the test.
pub fn unhex(s: &str) -> Vec<u8> {
    let digits: Vec<u8> = s.bytes().filter(|c| !c.is_ascii_whitespace()).collect();
    assert!(
        digits.len() % 2 == 0
            && digits
                .iter()
                .all(|c| matches!(c, b'0'..=b'9' | b'a'..=b'f')),
        "hex must be lowercase pairs: {s}"
    );
    digits
        .chunks(2)
        .map(|pair| {
            let pair = std::str::from_utf8(pair).unwrap();
            u8::from_str_radix(pair, 16).unwrap()
        })
        .collect()
}

/// Fail unless the committed generated file `<repository>/<file>` is `text`; with `GASDEV_BLESS`
/// set, write it first.
pub fn check_generated(file: &str, text: &str) {
    let path = format!("{}/../{file}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("GASDEV_BLESS").is_some() {
        std::fs::write(&path, text).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == text,
        "{path} is stale: regenerate with GASDEV_BLESS=1 (see this file's docs)"
    );
}

/// The catalogue and the declarations of an installation case, read as the bindings read them:
/// the catalogue first, then the declarations (one JSON array, errors under `declarations`), which
/// are added to the catalogue's index (or to an index without a catalogue).
#[cfg(feature = "json")]
pub fn installation_context(
    catalogue: Option<Value>,
    declarations: Option<Value>,
    as_of: gasdev::model::Date,
    ctx: &str,
) -> (
    Option<gasdev::install::CatalogueIndex>,
    Result<(), gasdev::api::InputError>,
) {
    use gasdev::api::{Document, parse_declarations, parse_document};
    use gasdev::install::CatalogueIndex;
    let mut catalogue = catalogue.map(|c| match parse_document(&c.to_string()) {
        Ok(Document::Catalogue(c)) => CatalogueIndex::new(&c),
        other => panic!("{ctx}: catalogue did not parse: {other:?}"),
    });
    let declared = match declarations {
        None => Ok(()),
        Some(d) => match parse_declarations(&d.to_string()) {
            Ok(ds) => {
                catalogue
                    .get_or_insert_with(CatalogueIndex::without_catalogue)
                    .add_declarations(&ds, as_of);
                Ok(())
            }
            Err(mut e) => {
                e.field = format!("declarations{}", e.field);
                Err(e)
            }
        },
    };
    (catalogue, declared)
}

/// A key's persisted replay window [SEC-043] in a secure case: the largest of the `accepted`
/// counters is the highest, the others are bits below it; `None` when none was accepted.
#[cfg(feature = "secure")]
pub fn restored_window(
    config: gasdev::secure::WindowConfig,
    accepted: &Value,
) -> Option<gasdev::secure::ReplayWindow> {
    let accepted: Vec<u32> = accepted
        .as_array()
        .unwrap()
        .iter()
        .map(|c| u32::try_from(c.as_u64().unwrap()).unwrap())
        .collect();
    let h = *accepted.iter().max()?;
    let bitmap = accepted
        .iter()
        .map(|c| 1u64.checked_shl(h - c).unwrap_or(0))
        .fold(0, |a, b| a | b);
    Some(gasdev::secure::ReplayWindow::restore(
        config,
        Some(h),
        bitmap,
    ))
}

/// The packet of a GB/T 26875.3 `answer` case: the answer `kind` (`confirm` or `deny`) to the
/// received `packet`, sent at `time`.
pub fn gbt_answer(
    kind: &Value,
    packet: &[u8],
    time: gasdev::gbt26875::TimeLabel,
    ctx: &str,
) -> Result<Vec<u8>, gasdev::gbt26875::Error> {
    use gasdev::gbt26875::{self as gbt, Answer};
    let kind = match kind.as_str() {
        Some("confirm") => Answer::Confirm,
        Some("deny") => Answer::Deny,
        _ => panic!("{ctx}: answer {kind}"),
    };
    let header = gbt::peek_header(packet).unwrap();
    let mut out = [0u8; 64];
    let n = gbt::answer(&header, kind, time, &mut out)?;
    Ok(out[..n].to_vec())
}

/// Lowercase hex of `b`.
pub fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}
