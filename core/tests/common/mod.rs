//! What the shared-vector runners (`tests/vectors_*.rs`) have in common: loading a vector file
//! and taking a case apart key by key, so that a key no runner reads fails the run.
#![allow(dead_code, reason = "each test crate uses the part it needs")]

use serde_json::{Map, Value};

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

/// Take a key out of an object, failing if it is absent; what is left over is checked by
/// [`done`].
pub fn take(obj: &mut Map<String, Value>, key: &str, ctx: &str) -> Value {
    obj.remove(key)
        .unwrap_or_else(|| panic!("{ctx}: missing key {key:?}"))
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

/// Lowercase hex of `b`.
pub fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}
