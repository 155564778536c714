//! Fuzz the 统一社会信用代码 check (GB 32100-2015, `gasdev::model::CreditCode`).
//!
//! Asserts: no panic; an accepted code is its input, 18 characters of the set, with a six-digit
//! region; a rejected one names an offset inside the input (or the 18 of a code that is too long);
//! `parse` on text and `parse_bytes` agree.
#![no_main]

use gasdev::model::CreditCode;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let got = CreditCode::parse_bytes(data);
    match got {
        Ok(c) => {
            assert_eq!(c.as_str().as_bytes(), data);
            assert_eq!(data.len(), 18);
            assert!(c.region().bytes().all(|b| b.is_ascii_digit()));
            assert_eq!(c.organisation_code().len(), 9);
        }
        Err(e) => assert!(e.offset <= data.len()),
    }
    if let Ok(s) = core::str::from_utf8(data) {
        assert_eq!(CreditCode::parse(s), got);
    }
});
