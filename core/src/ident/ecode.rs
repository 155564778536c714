//! Ecode (GB/T 31866-2023): structure only, and only when the caller asks for it
//! (`Ident::parse_as(text, Scheme::Ecode)`): it is never auto-detected. `[IDENT-15]`
//!
//! The standard's structure is V (version) + NSI + MD \[V-2\]; per-version lengths, character sets
//! and any check character were **not** verified, so this library checks only "one version
//! digit followed by code characters" (ASCII letters and digits) and flags every result as
//! unverified. No length or check-digit rule is invented.

use super::error::{IdentError, IdentErrorKind};
use super::scan::{Span, err};

/// A parsed Ecode: the version digit and the code after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct EcodeRepr {
    pub(crate) version: u8,
    pub(crate) code: Span,
}

/// Parse `input[span]` as an Ecode (structure only).
pub(crate) fn parse(input: &str, span: Span) -> Result<EcodeRepr, IdentError> {
    let text = span.of(input);
    let mut chars = text.char_indices();
    let version = match chars.next() {
        Some((_, c)) if c.is_ascii_digit() => c as u8 - b'0',
        Some(_) | None => return Err(err(IdentErrorKind::BadChar, span.start)),
    };
    let code = Span::new(span.start.saturating_add(1), span.end);
    if code.start >= code.end {
        return Err(err(IdentErrorKind::BadLength, code.start));
    }
    if let Some((i, _)) = chars.find(|(_, c)| !c.is_ascii_alphanumeric()) {
        return Err(err(IdentErrorKind::BadChar, span.start.saturating_add(i)));
    }
    Ok(EcodeRepr { version, code })
}
