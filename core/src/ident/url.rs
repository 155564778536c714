//! URL-form identifiers (`[IDENT-6]`): `http(s)://host/path?query#fragment` whose path is an
//! 88-identifier, a GS1 Digital Link or a generic handle.

use super::detect::{handle_body, mismatch};
use super::error::IdentErrorKind;
use super::scan::{self, Span, err, find_byte, split_spans, starts_with_ci};
use super::{Form, Ident, IdentError, Repr, Scheme, UrlRepr, gs1};

/// `[IDENT-6]` `http(s)://host/path?query#fragment`.
#[inline(always)]
pub(super) fn parse_url(input: &str, forced: Option<Scheme>) -> Result<Ident<'_>, IdentError> {
    let len = input.len();
    let https = starts_with_ci(input, "https://");
    let auth_start = if https { 8 } else { 7 };
    let rest = input.get(auth_start..).unwrap_or("");
    let host_end = find_byte(rest, b"/?#").map_or(len, |i| auth_start.saturating_add(i));
    let host = Span::new(auth_start, host_end);
    if host.start >= host.end {
        return Err(err(IdentErrorKind::EmptySegment, host.start));
    }
    // Host and port only: no user information (`@`), no escapes. [I]
    if let Some(i) = host
        .of(input)
        .bytes()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']')))
    {
        return Err(err(IdentErrorKind::BadChar, host.start.saturating_add(i)));
    }
    let after_host = input.get(host_end..).unwrap_or("");
    let path_end = find_byte(after_host, b"?#").map_or(len, |i| host_end.saturating_add(i));
    let path = Span::new(host_end, path_end);
    let (query, fragment) = match input.as_bytes().get(path_end) {
        Some(b'?') => {
            let q_start = path_end.saturating_add(1);
            let q_end = input
                .get(q_start..)
                .and_then(|r| find_byte(r, b"#"))
                .map_or(len, |i| q_start.saturating_add(i));
            (
                Some(Span::new(q_start, q_end)),
                Some(Span::new(q_end.saturating_add(1).min(len), len)),
            )
        }
        Some(b'#') => (None, Some(Span::new(path_end.saturating_add(1), len))),
        _ => (None, None),
    };
    // Escapes well formed, decoded text UTF-8 without controls; no raw spaces.
    for span in [Some(path), query, fragment].into_iter().flatten() {
        for item in scan::DecodedChars::new(input, span, true) {
            let (at, _) = item?;
            if input.as_bytes().get(at) == Some(&b' ') {
                return Err(err(IdentErrorKind::BadChar, at));
            }
        }
    }

    let body = Span::new(path.start.saturating_add(1).min(path.end), path.end);
    let url = Some(UrlRepr { https, host, query });
    if path.end.saturating_sub(path.start) <= 1 {
        return Err(match forced {
            Some(s) => mismatch(s, path.end),
            None => err(IdentErrorKind::UnknownScheme, path.end),
        });
    }
    let text = body.of(input);
    let starts88 = text.starts_with("88.");
    let key_seg = if starts88 {
        None
    } else {
        split_spans(input, body, b'/').find(|seg| gs1::is_key_ai(seg.of(input)))
    };
    let handle = |forced| handle_body(input, body, forced, true);
    let repr = match (forced, key_seg) {
        (Some(Scheme::Handle), _) => handle(forced)?,
        (Some(Scheme::Idis), _) => handle(forced)?,
        (Some(_), None) => return Err(mismatch(Scheme::Gs1DigitalLink, body.start)),
        (_, Some(key_seg)) => Repr::DigitalLink(
            gs1::parse_dl(input, body, key_seg)
                .map_err(|e| e.with_scheme(Scheme::Gs1DigitalLink))?,
        ),
        (None, None) if starts88 => handle(None)?,
        (None, None) => {
            // [IDENT-6] [I] A URL path read as a generic handle needs an all-digit first
            // prefix segment (`20.1000/…`, `0.NA/…`): any two-segment path would pass otherwise.
            let first = text
                .get(..find_byte(text, b"./").unwrap_or(text.len()))
                .unwrap_or("");
            if first.is_empty() || !first.bytes().all(|b| b.is_ascii_digit()) {
                return Err(err(IdentErrorKind::UnknownScheme, body.start));
            }
            handle(None)?
        }
    };
    Ok(Ident {
        input,
        form: Form::Url,
        body,
        url,
        repr,
    })
}
