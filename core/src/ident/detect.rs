//! The entry of every parse: the general rules every input obeys (`[IDENT-1]`…`[IDENT-4]`), the
//! wrapper forms (`hdl:`, `info:hdl/`, URLs: `[IDENT-6]`) and scheme detection (`[IDENT-5]`, order
//! in the module docs of [`super`]), dispatching to each scheme's parser.

use super::error::{IdentError, IdentErrorKind};
use super::limits::MAX_INPUT_BYTES;
use super::scan::{self, Span, err, is_forbidden, is_white_space, starts_with_ci};
use super::url::parse_url;
use super::{Form, Ident, Repr, Scheme, ecode, gs1, handle, ma, oid};

/// `[IDENT-1]` Not empty and at most [`MAX_INPUT_BYTES`] long; a longer input is reported at the
/// byte `limit_at` gives (where the limit falls).
fn length(len: usize, limit_at: impl FnOnce() -> usize) -> Result<(), IdentError> {
    if len == 0 {
        return Err(err(IdentErrorKind::Empty, 0));
    }
    if len > MAX_INPUT_BYTES {
        let limit = MAX_INPUT_BYTES;
        return Err(err(IdentErrorKind::TooLong { limit }, limit_at()));
    }
    Ok(())
}

/// `[IDENT-1]` Bytes → text: length first (so a 1 MB input costs nothing), then UTF-8.
pub(super) fn bytes_to_str(input: &[u8]) -> Result<&str, IdentError> {
    length(input.len(), || MAX_INPUT_BYTES)?;
    core::str::from_utf8(input).map_err(|e| err(IdentErrorKind::NotUtf8, e.valid_up_to()))
}

/// `[IDENT-1]` `[IDENT-2]` `[IDENT-3]` The rules every input obeys.
fn general(input: &str) -> Result<(), IdentError> {
    length(input.len(), || scan::floor_boundary(input, MAX_INPUT_BYTES))?;
    if let Some((i, _)) = input.char_indices().find(|(_, c)| is_forbidden(*c)) {
        return Err(err(IdentErrorKind::ControlChar, i));
    }
    if input.chars().next().is_some_and(is_white_space) {
        return Err(err(IdentErrorKind::SurroundingSpace, 0));
    }
    if let Some((i, c)) = input.char_indices().next_back()
        && is_white_space(c)
    {
        return Err(err(IdentErrorKind::SurroundingSpace, i));
    }
    Ok(())
}

/// `[IDENT-4]` `<digits>:` at `start` is the index form of a handle value (b2handle).
fn index_form(input: &str, start: usize) -> Result<(), IdentError> {
    let rest = input.as_bytes().get(start..).unwrap_or(&[]);
    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    if digits > 0 && rest.get(digits) == Some(&b':') {
        return Err(err(IdentErrorKind::IndexForm, start.saturating_add(digits)));
    }
    Ok(())
}

pub(super) fn mismatch(scheme: Scheme, offset: usize) -> IdentError {
    IdentError::new(IdentErrorKind::SchemeMismatch, offset, Some(scheme))
}

// Inlined into its callers, so that a constant `forced` (firmware calls `parse_bytes_as(..,
// Scheme::Idis)`) lets the optimiser drop the other schemes' parsers from the link.
#[inline(always)]
pub(super) fn parse_str(input: &str, forced: Option<Scheme>) -> Result<Ident<'_>, IdentError> {
    general(input)?;
    index_form(input, 0)?;
    let all = Span::new(0, input.len());
    let bare = |repr| {
        Ok(Ident {
            input,
            form: Form::Bare,
            body: all,
            url: None,
            repr,
        })
    };

    // [IDENT-6] Wrapper forms.
    for (marker, form) in [("hdl:", Form::Hdl), ("info:hdl/", Form::InfoHdl)] {
        if starts_with_ci(input, marker) {
            if let Some(s) = forced.filter(|s| !matches!(s, Scheme::Idis | Scheme::Handle)) {
                return Err(mismatch(s, 0));
            }
            let body = Span::new(marker.len(), input.len());
            index_form(input, body.start)?;
            let repr = handle_body(input, body, forced, false)?;
            return Ok(Ident {
                input,
                form,
                body,
                url: None,
                repr,
            });
        }
    }
    if starts_with_ci(input, "http://") || starts_with_ci(input, "https://") {
        if let Some(s) =
            forced.filter(|s| !matches!(s, Scheme::Idis | Scheme::Handle | Scheme::Gs1DigitalLink))
        {
            return Err(mismatch(s, 0));
        }
        return parse_url(input, forced);
    }

    match forced {
        None => bare(detect(input)?),
        Some(Scheme::Idis | Scheme::Handle) => bare(handle_body(input, all, forced, false)?),
        Some(Scheme::Oid) => bare(parse_oid(input, all)?),
        Some(Scheme::Gs1) => bare(parse_gs1(input, all)?),
        Some(Scheme::Gs1DigitalLink) => Err(mismatch(Scheme::Gs1DigitalLink, 0)),
        Some(Scheme::Ma) => {
            if input.starts_with(ma::MARKER) {
                bare(parse_ma(input, all)?)
            } else {
                Err(mismatch(Scheme::Ma, 0))
            }
        }
        Some(Scheme::Ecode) => bare(Repr::Ecode(
            ecode::parse(input, all).map_err(|e| e.with_scheme(Scheme::Ecode))?,
        )),
    }
}

/// `[IDENT-5]` Detection for a bare text (after the wrapper forms).
fn detect(input: &str) -> Result<Repr, IdentError> {
    let all = Span::new(0, input.len());
    let has_slash = input.contains('/');
    if input.starts_with("88.") {
        return handle_body(input, all, None, false);
    }
    if input.as_bytes().first().is_some_and(u8::is_ascii_digit) && !has_slash && input.contains('.')
    {
        return parse_oid(input, all);
    }
    if input.starts_with(ma::MARKER) && !has_slash {
        return parse_ma(input, all);
    }
    if input.bytes().all(|b| b.is_ascii_digit()) {
        return parse_gs1(input, all);
    }
    if has_slash {
        return handle_body(input, all, None, false);
    }
    Err(err(IdentErrorKind::UnknownScheme, 0))
}

fn parse_oid(input: &str, span: Span) -> Result<Repr, IdentError> {
    oid::parse(input, span)
        .map(Repr::Oid)
        .map_err(|e| e.with_scheme(Scheme::Oid))
}

fn parse_gs1(input: &str, span: Span) -> Result<Repr, IdentError> {
    gs1::parse_key(input, span, gs1::BARE_TYPES)
        .map(Repr::Gs1)
        .map_err(|e| e.with_scheme(Scheme::Gs1))
}

fn parse_ma(input: &str, span: Span) -> Result<Repr, IdentError> {
    ma::parse(input, span)
        .map(Repr::Ma)
        .map_err(|e| e.with_scheme(Scheme::Ma))
}

/// A handle body: the 88-profile if it starts with `88.` (unless the generic Handle reading is
/// forced), the generic rules otherwise.
pub(super) fn handle_body(
    input: &str,
    body: Span,
    forced: Option<Scheme>,
    url: bool,
) -> Result<Repr, IdentError> {
    let idis = forced != Some(Scheme::Handle) && body.of(input).starts_with("88.");
    if forced == Some(Scheme::Idis) && !idis {
        return Err(mismatch(Scheme::Idis, body.start));
    }
    let scheme = if idis { Scheme::Idis } else { Scheme::Handle };
    handle::parse(input, body, idis, url)
        .map(Repr::Handle)
        .map_err(|e| e.with_scheme(scheme))
}
