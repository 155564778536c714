//! Fuzz the identifier parser (`spec/identifiers.md`): any bytes, detected and every forced scheme.
//!
//! Asserts the contract of `gasdev::ident`: no panic; an error's offset lies inside the input and
//! on a character boundary when the input is UTF-8; a valid identifier displays as its input, is
//! canonically equal to itself and survives the owned form and the JSON report.
#![no_main]

use gasdev::Lang;
use gasdev::ident::report::Report;
use gasdev::ident::{Ident, IdentError, OwnedIdent, Scheme};
use libfuzzer_sys::fuzz_target;

fn check(data: &[u8], result: Result<Ident<'_>, IdentError>) {
    match result {
        Ok(id) => {
            assert_eq!(id.as_str().as_bytes(), data);
            assert_eq!(id.to_string().as_bytes(), data);
            assert!(id.canonical_eq(&id));
            let _ = id.canonical().to_string();
            let _ = id.parts();
            let owned = OwnedIdent::from_ident(&id);
            assert_eq!(owned.as_ident(), id);
        }
        Err(e) => {
            assert!(e.offset() <= data.len());
            if let Ok(s) = core::str::from_utf8(data) {
                assert!(s.is_char_boundary(e.offset()));
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    check(data, Ident::parse_bytes(data));
    for scheme in Scheme::ALL {
        check(data, Ident::parse_bytes_as(data, *scheme));
    }
    if let Ok(s) = core::str::from_utf8(data) {
        let _ = Ident::parse_item(s);
    }
    let report = Report::parse_bytes(data, None, Lang::Zh);
    assert_eq!(report.valid, Ident::parse_bytes(data).is_ok());
});
