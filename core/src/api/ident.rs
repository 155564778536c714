//! Identifiers as every binding checks them (`gasdev ident`, `parseIdent`, `gasdev_ident_*`):
//! detected or forced scheme, an optional refusal of a bare prefix, and the report.

use alloc::string::String;

use super::hex::to_hex;
use crate::Lang;
use crate::ident::report::Report;
use crate::ident::{Ident, IdentError, IdentErrorKind, Scheme};

/// Parse an identifier's bytes (the scheme detected, or `scheme`); with `require_item`, a prefix
/// without an item suffix is `IDENT_PREFIX_ONLY` at the end of the input.
///
/// # Errors
/// The identifier's error, with its byte offset and the scheme recognised.
pub fn parse_ident(
    bytes: &[u8],
    scheme: Option<Scheme>,
    require_item: bool,
) -> Result<Ident<'_>, IdentError> {
    let id = match scheme {
        Some(s) => Ident::parse_bytes_as(bytes, s),
        None => Ident::parse_bytes(bytes),
    }?;
    if require_item && !id.is_item() {
        return Err(IdentError::new(
            IdentErrorKind::PrefixOnly,
            bytes.len(),
            Some(id.scheme()),
        ));
    }
    Ok(id)
}

/// The report of one input and its parse result (`spec/identifiers.md` §10); `input_hex` is
/// set when the bytes are not UTF-8.
pub fn ident_report(bytes: &[u8], result: &Result<Ident<'_>, IdentError>, lang: Lang) -> Report {
    let text = String::from_utf8_lossy(bytes);
    let mut report = Report::new(&text, result, lang);
    if core::str::from_utf8(bytes).is_err() {
        report.input_hex = Some(to_hex(bytes));
    }
    report
}
