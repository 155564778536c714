//! `check_catalogue` on a generated catalogue of 10 000 products, with the baseline of
//! merely parsing the same catalogue's JSON in the same run.
#![expect(missing_docs, reason = "criterion macros generate undocumented items")]

use criterion::{Criterion, Throughput, black_box, criterion_group, criterion_main};
use gasdev::api::{Document, parse_document};
use gasdev::check::check_catalogue;
use gasdev::model::Date;

const PRODUCTS: usize = 10_000;

/// A catalogue of `PRODUCTS` products: 10 000 / 6 vendors' worth of low/mid/high alarms and valves,
/// each vendor a distinct company (no credit code, its own name) listing its own models, as in a real
/// catalogue (rule set version 2 merges entries of one company and flags shared models).
fn catalogue_json() -> String {
    let example = include_str!("../../spec/examples/catalogue.json");
    let mut doc: serde_json::Value = serde_json::from_str(example).unwrap_or_default();
    let template = doc["vendors"][0].clone();
    let per_vendor = template["products"].as_array().map_or(1, Vec::len).max(1);
    let vendors: Vec<serde_json::Value> = (0..PRODUCTS.div_ceil(per_vendor))
        .map(|i| {
            let mut v = template.clone();
            v["name"] = serde_json::Value::from(format!("生成单位{i}（虚构）"));
            if let Some(o) = v.as_object_mut() {
                o.remove("credit_code");
            }
            if let Some(products) = v["products"].as_array_mut() {
                for p in products {
                    let model = format!("{}-{i}", p["model"].as_str().unwrap_or(""));
                    p["model"] = serde_json::Value::from(model);
                }
            }
            v
        })
        .collect();
    doc["vendors"] = serde_json::Value::Array(vendors);
    serde_json::to_string(&doc).unwrap_or_default()
}

fn bench(c: &mut Criterion) {
    let json = catalogue_json();
    let Ok(Document::Catalogue(cat)) = parse_document(&json) else {
        eprintln!("generated catalogue did not parse");
        return;
    };
    let products: usize = cat.vendors.iter().map(|v| v.products.len()).sum();
    let as_of = Date::new(2026, 6, 1).unwrap_or(Date::MIN);
    let mut g = c.benchmark_group("check_catalogue");
    g.sample_size(10);
    g.throughput(Throughput::Elements(products as u64));
    g.bench_function("check_catalogue_10k_products", |b| {
        b.iter(|| check_catalogue(black_box(&cat), as_of))
    });
    g.bench_function("baseline_parse_json_10k_products", |b| {
        b.iter(|| parse_document(black_box(&json)).is_ok())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
