//! `spec/schema/*.schema.json` are generated from the document types and must not drift.
//! Regenerate with `GASDEV_BLESS=1 cargo test -p gasdev --features schema --test schema`.
#![cfg(feature = "schema")]

mod common;

use gasdev::model::{Catalogue, Declaration};

fn check<T: schemars::JsonSchema>(file: &str, title: &str) {
    let mut schema = schemars::schema_for!(T);
    schema.insert(
        "$id".into(),
        format!("https://libgasdev.invalid/schema/{file}").into(),
    );
    schema.insert("title".into(), title.into());
    let text = serde_json::to_string_pretty(&schema).unwrap() + "\n";
    common::check_generated(&format!("spec/schema/{file}"), &text);
}

#[test]
fn declaration_schema_is_current() {
    check::<Declaration>("declaration.schema.json", "libgasdev product declaration");
}

#[test]
fn catalogue_schema_is_current() {
    check::<Catalogue>("catalogue.schema.json", "libgasdev catalogue");
}
