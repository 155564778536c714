//! Fuzz the JSON readers of documents (`api::parse_document`, `api::parse_record`) and of a frame
//! (`api::parse_frame_doc`): no panic, and the field a rejected document names is the one
//! `serde_path_to_error` names when it tracks the path while reading (the core finds it after the
//! fact from serde_json's position: `core/src/api/json_path.rs`).
#![no_main]

use gasdev::api::{Document, parse_document, parse_frame_doc, parse_record};
use gasdev::check::{check_catalogue, check_declaration};
use gasdev::install::{CatalogueIndex, InspectionRecord, RuleSet, inspect};
use gasdev::model::{Catalogue, Date, Declaration};
use libfuzzer_sys::fuzz_target;
use serde::de::{DeserializeOwned, IgnoredAny};
use std::collections::BTreeMap;

/// serde_path_to_error's path of `text`'s first error as `T`, if `T` rejects it.
fn tracked<T: DeserializeOwned>(text: &str) -> Option<String> {
    // The readers accept a leading byte-order mark.
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut de = serde_json::Deserializer::from_str(body);
    serde_path_to_error::deserialize::<_, T>(&mut de)
        .err()
        .map(|e| {
            // An empty path displays as "." (as would a key named ".").
            if e.path().iter().next().is_none() {
                String::new()
            } else {
                e.path().to_string()
            }
        })
}

/// Errors of the document's values (not of its syntax or its kind) carry a field path.
fn about_a_field(name: &str) -> bool {
    !matches!(
        name,
        "INPUT_EMPTY" | "INPUT_JSON_SYNTAX" | "INPUT_UNKNOWN_DOCUMENT"
    )
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let parsed = parse_document(text);
    // An accepted document is checked: the clause checks never panic on any document the reader
    // accepts (catalogue companies, integrity, prices included), on two dates around removals.
    match &parsed {
        Ok(Document::Catalogue(c)) => {
            for day in [Date::MIN, Date::new(2026, 6, 1).unwrap_or(Date::MIN)] {
                let r = check_catalogue(c, day);
                assert_eq!(r.findings.len(), 11);
            }
        }
        Ok(Document::Declaration(d)) => {
            let _ = check_declaration(d, Date::MIN);
        }
        Err(_) => {}
    }
    if let Err(e) = parsed {
        if about_a_field(e.name) {
            let body = text.strip_prefix('\u{feff}').unwrap_or(text);
            // Told apart by the top-level keys, as the core does (the values are not read: a
            // string the core never reaches may hold an escape serde_json's `Value` refuses).
            let keys = serde_json::from_str::<BTreeMap<String, IgnoredAny>>(body);
            let catalogue = keys.is_ok_and(|k| k.contains_key("vendors"));
            let expected = if catalogue {
                tracked::<Catalogue>(text)
            } else {
                tracked::<Declaration>(text)
            };
            if let Some(path) = expected {
                assert_eq!(e.field, path, "{}: {text}", e.name);
            }
        }
    }
    // A record that reads is inspected (rule set v2, without and with an empty catalogue): no panic.
    if let Ok(r) = parse_record(text) {
        let rules = RuleSet::nanchuan_2022();
        let _ = inspect(&r, None, Date::MIN, &rules);
        let _ = inspect(&r, Some(&CatalogueIndex::without_catalogue()), Date::MIN, &rules);
    }
    if let Err(e) = parse_record(text) {
        // A record whose profile contradicts itself is rejected after it was read.
        if about_a_field(e.name) && tracked::<InspectionRecord>(text).is_some() {
            assert_eq!(
                Some(e.field.clone()),
                tracked::<InspectionRecord>(text),
                "{}: {text}",
                e.name
            );
        }
    }
    let _ = parse_frame_doc(text);
});
