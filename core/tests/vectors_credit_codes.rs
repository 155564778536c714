//! Runs every case of `spec/vectors/credit_codes.json` through `CreditCode::parse_bytes` (and
//! `parse` for UTF-8 text) and asserts the parts or the error name and offset exactly.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    reason = "integration test: a panic is a failing test"
)]

mod common;

use common::{done, take};
use gasdev::model::CreditCode;

#[test]
fn credit_code_vectors() {
    let mut root = common::load_area("credit_codes", 1);
    let root = &mut root;
    let tests = take(root, "tests", "root");
    done(root, "root");
    let (mut valid, mut invalid) = (0, 0);
    for case in tests.as_array().unwrap() {
        let mut case = case.as_object().unwrap().clone();
        let id = take(&mut case, "tcId", "case").as_u64().unwrap();
        let ctx = format!("credit_codes#{id}");
        assert!(take(&mut case, "description", &ctx).is_string());
        let mut input = take(&mut case, "input", &ctx).as_object().unwrap().clone();
        let bytes = match (input.remove("text"), input.remove("hex")) {
            (Some(t), None) => t.as_str().unwrap().as_bytes().to_vec(),
            (None, Some(h)) => {
                let h = h.as_str().unwrap();
                (0..h.len())
                    .step_by(2)
                    .map(|i| u8::from_str_radix(&h[i..i + 2], 16).unwrap())
                    .collect()
            }
            _ => panic!("{ctx}: needs exactly one of text / hex"),
        };
        done(&input, &ctx);
        let result = take(&mut case, "result", &ctx);
        let mut expected = take(&mut case, "expected", &ctx)
            .as_object()
            .unwrap()
            .clone();
        done(&case, &ctx);
        let got = CreditCode::parse_bytes(&bytes);
        if let Ok(text) = std::str::from_utf8(&bytes) {
            assert_eq!(CreditCode::parse(text), got, "{ctx}: parse and parse_bytes");
        }
        match (result.as_str().unwrap(), got) {
            ("valid", Ok(c)) => {
                valid += 1;
                assert_eq!(c.as_str().as_bytes(), bytes.as_slice(), "{ctx}");
                assert_eq!(take(&mut expected, "region", &ctx), c.region(), "{ctx}");
                assert_eq!(
                    take(&mut expected, "organisation_code", &ctx),
                    c.organisation_code(),
                    "{ctx}"
                );
            }
            ("invalid", Err(e)) => {
                invalid += 1;
                assert_eq!(take(&mut expected, "error", &ctx), e.code().name(), "{ctx}");
                assert_eq!(
                    take(&mut expected, "offset", &ctx),
                    e.offset,
                    "{ctx}: offset"
                );
            }
            (want, got) => panic!("{ctx}: expected {want}, got {got:?}"),
        }
        done(&expected, &ctx);
    }
    assert!(
        valid >= 6 && invalid >= 15,
        "{valid} valid, {invalid} invalid cases"
    );
}
