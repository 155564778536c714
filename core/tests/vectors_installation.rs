//! Runs every case of `spec/vectors/installation.json`: obligations and inspection findings of one
//! household, and rejected records. Consumes every field of every case.
#![cfg(feature = "json")]

mod common;

use common::{
    document_text, done, expect_key, installation_context, take, take_description, take_flags,
    take_object,
};
use std::collections::BTreeSet;

use gasdev::api::parse_record;
use gasdev::install::{FindingCode, RuleSet, inspect};
use gasdev::model::Date;
use serde_json::Value;

#[test]
fn installation_vectors() {
    let (notes, cases) = common::load_cases("installation", 2, true);

    let rules = RuleSet::nanchuan_2022();
    let mut codes_seen = BTreeSet::new();
    let mut clauses_seen = BTreeSet::new();
    for (_, mut case, ctx) in cases {
        take_description(&mut case, &ctx);
        for s in take(&mut case, "spec", &ctx).as_array().unwrap() {
            let s = s.as_str().unwrap();
            assert!(
                gasdev::requirements::by_id(s).is_some() || s == "GB55009-6.1.5",
                "{ctx}: unknown spec id {s}"
            );
            clauses_seen.insert(s.to_string());
        }
        take_flags(&mut case, &notes, &ctx);
        let mut input = take_object(&mut case, "input", &ctx);
        let as_of = Date::parse(take(&mut input, "as_of", &ctx).as_str().unwrap()).unwrap();
        // Declarations are read as the bindings read them: one JSON array, errors under
        // `declarations`, before the record.
        let (catalogue, declared) = installation_context(
            input.remove("catalogue"),
            input.remove("declarations"),
            as_of,
            &ctx,
        );
        let text = document_text(&mut input, "record", &ctx);
        done(&input, &ctx);
        let result = take(&mut case, "result", &ctx);
        let mut expected = take_object(&mut case, "expected", &ctx);
        done(&case, &ctx);

        match (
            result.as_str().unwrap(),
            declared.and_then(|()| parse_record(&text)),
        ) {
            ("invalid", Err(e)) => {
                expect_key(&mut expected, "error", e.name, &ctx);
                expect_key(&mut expected, "field", e.field.as_str(), &ctx);
            }
            ("valid", Ok(record)) => {
                let report = inspect(&record, catalogue.as_ref(), as_of, &rules);
                let got = serde_json::to_value(&report).unwrap();
                expect_key(&mut expected, "compliant", got["compliant"].clone(), &ctx);
                expect_key(
                    &mut expected,
                    "obligations",
                    got["obligations"].clone(),
                    &ctx,
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
                expect_key(&mut expected, "findings", Value::Array(findings), &ctx);
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
