//! Runs every case of `spec/vectors/declarations.json` through the JSON API and the checks,
//! consuming every field of every case, and asserts exact statuses.
#![cfg(feature = "json")]

mod common;

use common::{document_text, done, expect_key, take, take_description, take_flags, take_object};
use std::collections::{BTreeMap, BTreeSet};

use gasdev::api::{Document, parse_document};
use gasdev::check::{Finding, check_catalogue, check_declaration};
use gasdev::model::Date;
use serde_json::{Map, Value};

fn findings_map(findings: &[Finding]) -> Value {
    let m: Map<String, Value> = findings
        .iter()
        .map(|f| (f.id.to_string(), Value::from(f.status.as_str())))
        .collect();
    Value::Object(m)
}

fn tier(t: Option<gasdev::model::Tier>) -> Value {
    t.map_or(Value::Null, |t| Value::from(t.as_str()))
}

#[test]
fn declaration_vectors() {
    let (notes, cases) = common::load_cases("declarations", 2, true);

    // For the coverage check: which statuses each clause id reached.
    let mut seen: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (_, mut case, ctx) in cases {
        take_description(&mut case, &ctx);
        for s in take(&mut case, "spec", &ctx).as_array().unwrap() {
            let s = s.as_str().unwrap();
            assert!(
                gasdev::requirements::by_id(s).is_some() || s.starts_with("INT-") || s == "INPUT",
                "{ctx}: unknown spec id {s}"
            );
        }
        take_flags(&mut case, &notes, &ctx);
        let mut input = take_object(&mut case, "input", &ctx);
        let as_of = Date::parse(take(&mut input, "as_of", &ctx).as_str().unwrap()).unwrap();
        let text = document_text(&mut input, "document", &ctx);
        done(&input, &ctx);
        let result = take(&mut case, "result", &ctx);
        let mut expected = take_object(&mut case, "expected", &ctx);
        done(&case, &ctx);

        match (result.as_str().unwrap(), parse_document(&text)) {
            ("invalid", Err(e)) => {
                expect_key(&mut expected, "error", e.name, &ctx);
                expect_key(&mut expected, "field", e.field.as_str(), &ctx);
            }
            ("valid", Ok(Document::Declaration(d))) => {
                let r = check_declaration(&d, as_of);
                expect_key(&mut expected, "document", "declaration", &ctx);
                expect_key(&mut expected, "conformant", r.conformant, &ctx);
                expect_key(&mut expected, "achieved_tier", tier(r.achieved_tier), &ctx);
                let want = take(&mut expected, "findings", &ctx);
                assert_eq!(want, findings_map(&r.findings), "{ctx}: findings");
                for f in &r.findings {
                    seen.entry(f.id.to_string())
                        .or_default()
                        .insert(f.status.as_str().to_string());
                    assert!(
                        !f.reason.zh.is_empty() && !f.reason.en.is_empty(),
                        "{ctx}: {} reason",
                        f.id
                    );
                }
            }
            ("valid", Ok(Document::Catalogue(c))) => {
                let r = check_catalogue(&c, as_of);
                expect_key(&mut expected, "document", "catalogue", &ctx);
                expect_key(&mut expected, "conformant", r.conformant, &ctx);
                expect_key(&mut expected, "findings", findings_map(&r.findings), &ctx);
                let products: Vec<Value> = r
                    .products
                    .iter()
                    .map(|p| {
                        serde_json::json!({"model": p.model, "conformant": p.conformant,
                                           "achieved_tier": tier(p.achieved_tier)})
                    })
                    .collect();
                expect_key(&mut expected, "products", Value::Array(products), &ctx);
                for f in &r.findings {
                    seen.entry(f.id.to_string())
                        .or_default()
                        .insert(f.status.as_str().to_string());
                }
            }
            (want, got) => panic!("{ctx}: expected {want}, got {got:?}"),
        }
        done(&expected, &ctx);
    }

    // Every ALM/VLV/CAT clause and every CERT/INTEG check has a passing and a failing vector
    // (CAT-5 and PRICE-1 are informational only).
    for req in gasdev::requirements::ALL {
        let area = req.id.split('-').next().unwrap();
        if !["ALM", "VLV", "CAT", "CERT", "INTEG", "PRICE"].contains(&area) {
            continue;
        }
        let statuses = seen.get(req.id).cloned().unwrap_or_default();
        if req.id == "CAT-5" {
            assert!(statuses.contains("info"), "CAT-5 never reported");
            continue;
        }
        if req.id == "PRICE-1" || req.id == "CERT-3" {
            // Information, never a failure on its own account: a passing and a noting vector
            // (CERT-3 also fails when a needed kind has no valid certificate).
            assert!(
                statuses.contains("pass") && statuses.contains("info"),
                "{}: {statuses:?}",
                req.id
            );
        }
        assert!(
            statuses.contains("pass"),
            "{} has no passing vector",
            req.id
        );
        if req.id == "PRICE-1" {
            continue;
        }
        assert!(
            statuses.contains("fail"),
            "{} has no failing vector",
            req.id
        );
    }
}
