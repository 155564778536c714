//! The one place where declaration checks validate identifier text (ALM-5a/5b, VLV-2a/2b; INT-9).

use crate::ErrorCode;

/// A well-formed identifier: whether it names an item, and its scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IdentVerdict {
    /// A full item identifier (`88.111.1/ABC`), not only a prefix (`88.111.1`).
    pub item: bool,
    /// Scheme name as in the `gasdev ident` JSON (`idis`, `handle`, `oid`, `gs1`, …).
    pub scheme: &'static str,
}

/// Why an identifier is malformed: the parser's error and the byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IdentProblem {
    /// The shared error code.
    pub code: ErrorCode,
    /// Byte offset into the identifier text.
    pub offset: usize,
}

/// Validate declared identifier text.
///
/// # Errors
/// The parser's error code and byte offset.
pub fn validate(value: &str) -> Result<IdentVerdict, IdentProblem> {
    // [IDENT-17] The identifier parser (`spec/identifiers.md`) decides; scheme detection as there.
    match crate::ident::Ident::parse(value) {
        Ok(id) => Ok(IdentVerdict {
            item: id.is_item(),
            scheme: id.scheme().name(),
        }),
        Err(e) => Err(IdentProblem {
            code: e.code(),
            offset: e.offset(),
        }),
    }
}
