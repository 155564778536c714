//! Runs every case of `spec/vectors/installation.json`: obligations and inspection findings of one
//! household, and rejected records. Consumes every field of every case.
#![cfg(feature = "json")]
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "integration test: a panic is a failing test"
)]

mod common;

use common::{document_text, done, take};
use std::collections::BTreeSet;

use gasdev::api::{Document, InputError, parse_declarations, parse_document, parse_record};
use gasdev::install::{CatalogueIndex, FindingCode, RuleSet, inspect};
use gasdev::model::Date;
use serde_json::Value;

#[test]
fn installation_vectors() {
    let mut root = common::load_area("installation", 2);
    let root = &mut root;
    let notes = take(root, "notes", "root");
    let tests = take(root, "tests", "root");
    done(root, "root");

    let rules = RuleSet::nanchuan_2022();
    let mut ids = BTreeSet::new();
    let mut codes_seen = BTreeSet::new();
    let mut clauses_seen = BTreeSet::new();
    for case in tests.as_array().unwrap() {
        let mut case = case.as_object().unwrap().clone();
        let id = take(&mut case, "tcId", "case").as_u64().unwrap();
        let ctx = format!("installation#{id}");
        assert!(ids.insert(id), "{ctx}: duplicate tcId");
        assert!(
            take(&mut case, "description", &ctx)
                .as_str()
                .unwrap()
                .chars()
                .count()
                < 70,
            "{ctx}: description"
        );
        for s in take(&mut case, "spec", &ctx).as_array().unwrap() {
            let s = s.as_str().unwrap();
            assert!(
                gasdev::requirements::by_id(s).is_some() || s == "GB55009-6.1.5",
                "{ctx}: unknown spec id {s}"
            );
            clauses_seen.insert(s.to_string());
        }
        for f in take(&mut case, "flags", &ctx).as_array().unwrap() {
            assert!(
                notes.get(f.as_str().unwrap()).is_some(),
                "{ctx}: flag without note"
            );
        }
        let mut input = take(&mut case, "input", &ctx).as_object().unwrap().clone();
        let as_of = Date::parse(take(&mut input, "as_of", &ctx).as_str().unwrap()).unwrap();
        let mut catalogue =
            input
                .remove("catalogue")
                .map(|c| match parse_document(&c.to_string()) {
                    Ok(Document::Catalogue(c)) => CatalogueIndex::new(&c),
                    other => panic!("{ctx}: catalogue did not parse: {other:?}"),
                });
        // Declarations are read as the bindings read them: one JSON array, errors under
        // `declarations`, before the record.
        let declared: Result<(), InputError> = match input.remove("declarations") {
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
        let text = document_text(&mut input, "record", &ctx);
        done(&input, &ctx);
        let result = take(&mut case, "result", &ctx);
        let mut expected = take(&mut case, "expected", &ctx)
            .as_object()
            .unwrap()
            .clone();
        done(&case, &ctx);

        match (
            result.as_str().unwrap(),
            declared.and_then(|()| parse_record(&text)),
        ) {
            ("invalid", Err(e)) => {
                assert_eq!(take(&mut expected, "error", &ctx), e.name, "{ctx}: error");
                assert_eq!(
                    take(&mut expected, "field", &ctx),
                    e.field.as_str(),
                    "{ctx}: field"
                );
            }
            ("valid", Ok(record)) => {
                let report = inspect(&record, catalogue.as_ref(), as_of, &rules);
                let got = serde_json::to_value(&report).unwrap();
                assert_eq!(
                    take(&mut expected, "compliant", &ctx),
                    got["compliant"],
                    "{ctx}: compliant"
                );
                assert_eq!(
                    take(&mut expected, "obligations", &ctx),
                    got["obligations"],
                    "{ctx}: obligations"
                );
                let findings: Vec<Value> = got["findings"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|f| {
                        assert!(f["message"]["zh"].is_string() && f["action"]["en"].is_string());
                        serde_json::json!({"code": f["code"], "severity": f["severity"], "clauses": f["clauses"],
                                           "device": f["device"], "kind": f["kind"], "overdue": f["overdue"],
                                           "hazard": f["hazard"]})
                    })
                    .collect();
                assert_eq!(
                    take(&mut expected, "findings", &ctx),
                    Value::Array(findings),
                    "{ctx}: findings"
                );
                for f in &report.findings {
                    codes_seen.insert(f.code.name());
                }
            }
            (want, got) => panic!("{ctx}: expected {want}, got {got:?}"),
        }
        done(&expected, &ctx);
    }
    for code in FindingCode::ALL {
        assert!(
            codes_seen.contains(code.name()),
            "no vector produces finding {}",
            code.name()
        );
    }
    for rule in [
        "INS-1",
        "INS-2",
        "INS-3",
        "INS-4",
        "INS-5",
        "INS-6",
        "INS-7",
        "INS-8",
        "INS-9",
        "INS-10",
        "INS-11",
        "INS-12",
        "INS-13",
        "PLT-4",
        "GB55009-6.1.5",
    ] {
        assert!(clauses_seen.contains(rule), "no vector for {rule}");
    }
}
