//! Runs every case of `spec/vectors/credit_codes.json` through `CreditCode::parse_bytes` (and
//! `parse` for UTF-8 text) and asserts the parts or the error name and offset exactly.

mod common;

use common::{done, expect_key, take, take_description, take_object, unhex};
use gasdev::model::CreditCode;

#[test]
fn credit_code_vectors() {
    let (_, cases) = common::load_cases("credit_codes", 1, false);
    let (mut valid, mut invalid) = (0, 0);
    for (_, mut case, ctx) in cases {
        take_description(&mut case, &ctx);
        let mut input = take_object(&mut case, "input", &ctx);
        let bytes = match (input.remove("text"), input.remove("hex")) {
            (Some(t), None) => t.as_str().unwrap().as_bytes().to_vec(),
            (None, Some(h)) => unhex(h.as_str().unwrap()),
            _ => panic!("{ctx}: needs exactly one of text / hex"),
        };
        done(&input, &ctx);
        let result = take(&mut case, "result", &ctx);
        let mut expected = take_object(&mut case, "expected", &ctx);
        done(&case, &ctx);
        let got = CreditCode::parse_bytes(&bytes);
        if let Ok(text) = std::str::from_utf8(&bytes) {
            assert_eq!(CreditCode::parse(text), got, "{ctx}: parse and parse_bytes");
        }
        match (result.as_str().unwrap(), got) {
            ("valid", Ok(c)) => {
                valid += 1;
                assert_eq!(c.as_str().as_bytes(), bytes.as_slice(), "{ctx}");
                expect_key(&mut expected, "region", c.region(), &ctx);
                expect_key(
                    &mut expected,
                    "organisation_code",
                    c.organisation_code(),
                    &ctx,
                );
            }
            ("invalid", Err(e)) => {
                invalid += 1;
                expect_key(&mut expected, "error", e.code().name(), &ctx);
                expect_key(&mut expected, "offset", e.offset, &ctx);
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
