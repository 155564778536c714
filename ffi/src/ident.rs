//! Industrial-internet identifiers (`spec/identifiers.md`): parse and validate into a caller struct
//! with the scheme and the byte spans of its parts, or get the error name and its byte offset.

use core::ffi::c_char;
use core::fmt::Write as _;

use gasdev::ident::{Form, Ident, IdentError, IdentErrorKind, Parts, Scheme};

use crate::boundary::{Counter, Cursor, Res, guard, guard_value, span_of};
use crate::boundary::{parser_buffers, parser_input, reject, reject_at, write_init, write_len};
use crate::result::gasdev_result;

/// An identifier scheme. `GASDEV_SCHEME_DETECT` asks the parser to detect it (the order of
/// `spec/identifiers.md` [IDENT-5]); Ecode is never detected.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum gasdev_scheme {
    /// Detect the scheme (parse input only).
    Detect = 0,
    /// National top-level node identifier (`88.` prefix), strict 88-profile.
    Idis = 1,
    /// Generic Handle (RFC 3650 syntax), lenient.
    Handle = 2,
    /// Object identifier, dotted decimal.
    Oid = 3,
    /// GS1 key with check digit (GTIN-8/12/13/14, SSCC).
    Gs1 = 4,
    /// GS1 Digital Link URI.
    Gs1DigitalLink = 5,
    /// MA code (structure only, unverified).
    Ma = 6,
    /// Ecode (structure only, unverified; never detected).
    Ecode = 7,
}

/// How an identifier was written.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum gasdev_ident_form {
    /// The identifier itself.
    Bare = 1,
    /// `hdl:<handle>`.
    Hdl = 2,
    /// `info:hdl/<handle>`.
    InfoHdl = 3,
    /// `http(s)://host/<path>`.
    Url = 4,
}

/// Flag of `gasdev_ident_parse`: require an item identifier, not only a prefix (what firmware
/// checks before it reports its identifier); a prefix gives `GASDEV_RESULT_IDENT_PREFIX_ONLY`.
pub const GASDEV_IDENT_REQUIRE_ITEM: u32 = 1;

/// A part of the input: `len` bytes from byte `offset`. An absent part has `len` 0.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct gasdev_span {
    /// Byte offset from the start of the input.
    pub offset: usize,
    /// Length in bytes (0: absent).
    pub len: usize,
}

/// A valid identifier: its scheme, form and the spans of its parts in the input.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct gasdev_ident {
    /// A `GASDEV_SCHEME_…` constant (never `DETECT`).
    pub scheme: u32,
    /// A `GASDEV_IDENT_FORM_…` constant.
    pub form: u32,
    /// An item identifier rather than only a prefix.
    pub item: bool,
    /// The scheme's rules were verified in a source (false for MA and Ecode: present their results
    /// as unverified).
    pub verified: bool,
    /// The identifier without its wrapper (`hdl:`, `info:hdl/`, the URL).
    pub body: gasdev_span,
    /// URL forms: the host (and port) as written.
    pub host: gasdev_span,
    /// Handles and 88-identifiers: the prefix (naming authority); MA: the country field.
    pub prefix: gasdev_span,
    /// Handles and 88-identifiers: the suffix after the first `/`; MA: the fields after the country.
    pub suffix: gasdev_span,
    /// GS1 keys and Digital Links: the key digits, check digit included; Ecode: the code after the
    /// version digit.
    pub key: gasdev_span,
    /// GS1 keys and Digital Links: the (verified) check digit 0–9; 255 otherwise.
    pub check_digit: u8,
}

fn scheme_of(v: u32) -> Res<Option<Scheme>> {
    Ok(Some(match v {
        x if x == gasdev_scheme::Detect as u32 => return Ok(None),
        x if x == gasdev_scheme::Idis as u32 => Scheme::Idis,
        x if x == gasdev_scheme::Handle as u32 => Scheme::Handle,
        x if x == gasdev_scheme::Oid as u32 => Scheme::Oid,
        x if x == gasdev_scheme::Gs1 as u32 => Scheme::Gs1,
        x if x == gasdev_scheme::Gs1DigitalLink as u32 => Scheme::Gs1DigitalLink,
        x if x == gasdev_scheme::Ma as u32 => Scheme::Ma,
        x if x == gasdev_scheme::Ecode as u32 => Scheme::Ecode,
        _ => return Err(gasdev_result::InvalidParameter),
    }))
}

fn scheme_code(s: Scheme) -> gasdev_scheme {
    match s {
        Scheme::Idis => gasdev_scheme::Idis,
        Scheme::Handle => gasdev_scheme::Handle,
        Scheme::Oid => gasdev_scheme::Oid,
        Scheme::Gs1 => gasdev_scheme::Gs1,
        Scheme::Gs1DigitalLink => gasdev_scheme::Gs1DigitalLink,
        Scheme::Ma => gasdev_scheme::Ma,
        _ => gasdev_scheme::Ecode,
    }
}

fn form_code(f: Form) -> gasdev_ident_form {
    match f {
        Form::Bare => gasdev_ident_form::Bare,
        Form::Hdl => gasdev_ident_form::Hdl,
        Form::InfoHdl => gasdev_ident_form::InfoHdl,
        _ => gasdev_ident_form::Url,
    }
}

/// The scheme and flags of a C call, checked.
pub(crate) fn options(scheme: u32, flags: u32) -> Res<(Option<Scheme>, bool)> {
    if flags & !GASDEV_IDENT_REQUIRE_ITEM != 0 {
        return Err(gasdev_result::InvalidParameter);
    }
    Ok((scheme_of(scheme)?, flags & GASDEV_IDENT_REQUIRE_ITEM != 0))
}

/// Parse `input` as the scheme (or detect it), requiring an item when asked. Inlined, so that the
/// identifier is not copied between stack frames (firmware stacks are small).
#[inline(always)]
pub(crate) fn parse(
    input: &[u8],
    scheme: Option<Scheme>,
    require_item: bool,
) -> Result<Ident<'_>, IdentError> {
    let id = match scheme {
        None => Ident::parse_bytes(input)?,
        Some(s) => Ident::parse_bytes_as(input, s)?,
    };
    if require_item && !id.is_item() {
        // As `Ident::parse_item`: a prefix is reported at the end of the input.
        return Err(IdentError::new(
            IdentErrorKind::PrefixOnly,
            id.as_str().len(),
            Some(id.scheme()),
        ));
    }
    Ok(id)
}

fn span(base: &str, part: Option<&str>) -> gasdev_span {
    part.map_or_else(gasdev_span::default, |p| {
        let (offset, len) = span_of(base, p);
        gasdev_span { offset, len }
    })
}

const EMPTY: gasdev_ident = gasdev_ident {
    scheme: 0,
    form: 0,
    item: false,
    verified: false,
    body: gasdev_span { offset: 0, len: 0 },
    host: gasdev_span { offset: 0, len: 0 },
    prefix: gasdev_span { offset: 0, len: 0 },
    suffix: gasdev_span { offset: 0, len: 0 },
    key: gasdev_span { offset: 0, len: 0 },
    check_digit: u8::MAX,
};

/// Fill `out` with the scheme and parts of `id` (in place: firmware stacks are small).
fn describe(id: &Ident<'_>, out: &mut gasdev_ident) {
    let base = id.as_str();
    out.scheme = scheme_code(id.scheme()) as u32;
    out.form = form_code(id.form()) as u32;
    out.item = id.is_item();
    out.verified = id.is_verified();
    out.body = span(base, Some(id.body()));
    out.host = span(base, id.host());
    match id.parts() {
        Parts::Handle(h) => {
            out.prefix = span(base, Some(h.prefix));
            out.suffix = span(base, h.suffix);
        }
        Parts::Gs1(k) => {
            out.key = span(base, Some(k.digits));
            out.check_digit = k.check_digit;
        }
        Parts::DigitalLink(d) => {
            out.key = span(base, Some(d.key.digits));
            out.check_digit = d.key.check_digit;
        }
        Parts::Ma(m) => {
            out.prefix = span(base, Some(m.country));
            out.suffix = span(base, Some(m.fields_text));
        }
        Parts::Ecode(e) => out.key = span(base, Some(e.code)),
        _ => {}
    }
}

/// `describe` for `gasdev_ident_parse_idis`: an 88-identifier (scheme `Idis`, always a handle) has
/// only handle parts, so the firmware link keeps none of the other schemes' arms.
fn describe_idis(id: &Ident<'_>, out: &mut gasdev_ident) {
    let base = id.as_str();
    out.scheme = gasdev_scheme::Idis as u32;
    out.form = form_code(id.form()) as u32;
    out.item = id.is_item();
    out.verified = id.is_verified();
    out.body = span(base, Some(id.body()));
    out.host = span(base, id.host());
    if let Some(h) = id.handle_parts() {
        out.prefix = span(base, Some(h.prefix));
        out.suffix = span(base, h.suffix);
    }
}

/// Parse and validate the identifier `input[0..len]` (bytes, which need not be UTF-8: invalid UTF-8
/// is `GASDEV_RESULT_IDENT_NOT_UTF8`).
///
/// `scheme` is `GASDEV_SCHEME_DETECT` or the scheme to parse as; `flags` is 0 or
/// `GASDEV_IDENT_REQUIRE_ITEM`. On success `*out` receives the scheme and the parts; on an
/// identifier error (`GASDEV_RESULT_IDENT_…`) the optional `*error_offset` receives the byte offset
/// of the broken rule and `*out` is not written.
///
/// # Safety
/// `input` is valid for reads of `len` bytes; `out` is valid for a write; `error_offset` is NULL or
/// valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gasdev_ident_parse(
    input: *const u8,
    len: usize,
    scheme: u32,
    flags: u32,
    out: *mut gasdev_ident,
    error_offset: *mut usize,
) -> gasdev_result {
    // SAFETY: forwarded caller contract.
    unsafe {
        parse_export(input, len, out, error_offset, describe, |data| {
            let (scheme, require_item) = options(scheme, flags)?;
            Ok(parse(data, scheme, require_item))
        })
    }
}

/// Validate `input[0..len]` as a national-node identifier with the strict 88-profile only: the same
/// result as `gasdev_ident_parse(input, len, GASDEV_SCHEME_IDIS, flags, out, error_offset)`.
///
/// For firmware that checks the identifier it reports (always `88.…`): only the 88-profile
/// is linked, not the other six schemes (a few KiB of flash less).
///
/// # Safety
/// As `gasdev_ident_parse`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gasdev_ident_parse_idis(
    input: *const u8,
    len: usize,
    flags: u32,
    out: *mut gasdev_ident,
    error_offset: *mut usize,
) -> gasdev_result {
    // SAFETY: forwarded caller contract.
    unsafe {
        parse_export(input, len, out, error_offset, describe_idis, |data| {
            let (_, require_item) = options(gasdev_scheme::Idis as u32, flags)?;
            Ok(parse(data, Some(Scheme::Idis), require_item))
        })
    }
}

/// The body of `gasdev_ident_parse` and `gasdev_ident_parse_idis`: `parse` the input, then write
/// `*out` (filled by `describe`) on success, the optional `*error_offset` on an error. Inlined, so
/// that each caller links only its own parser and `describe` (the firmware's 88-profile) and the
/// parsed identifier is not copied (stack).
///
/// # Safety
/// `input` is valid for reads of `len` bytes; `out` is valid for a write; `error_offset` is NULL
/// or valid for a write.
#[inline(always)]
unsafe fn parse_export(
    input: *const u8,
    len: usize,
    out: *mut gasdev_ident,
    error_offset: *mut usize,
    describe: fn(&Ident<'_>, &mut gasdev_ident),
    parse: impl for<'a> FnOnce(&'a [u8]) -> Res<Result<Ident<'a>, IdentError>>,
) -> gasdev_result {
    guard(|| {
        // SAFETY: valid for `len` bytes (caller contract).
        let input = unsafe { parser_input(input, len, out, error_offset) }?;
        match parse(input)? {
            Ok(id) => {
                // SAFETY: valid for a write (caller contract); not used by the caller during the call.
                describe(&id, unsafe { write_init(out, EMPTY) });
                Ok(())
            }
            // SAFETY: NULL or valid for a write (caller contract).
            Err(e) => Err(unsafe { reject(error_offset, &e) }),
        }
    })
}

/// Parse `input[0..len]` as `gasdev_ident_parse` does and write its canonical comparison form
/// (`spec/identifiers.md` [IDENT-10]) into `buf` (`cap` bytes), NUL-terminated; `*out_n` receives
/// its length without the NUL. To size `buf`, call with `cap` 0 first: the result is
/// `GASDEV_RESULT_BUFFER_TOO_SMALL` with the size needed in `*out_n`.
///
/// Errors as `gasdev_ident_parse`, plus `GASDEV_RESULT_BUFFER_TOO_SMALL` with the size needed in
/// `*out_n`, and `GASDEV_RESULT_INVALID_PARAMETER` when `buf` overlaps `input`.
///
/// # Safety
/// `input` is valid for reads of `len` bytes, `buf` for writes of `cap` bytes; `out_n` is valid for
/// a write; `error_offset` is NULL or valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gasdev_ident_canonical(
    input: *const u8,
    len: usize,
    scheme: u32,
    flags: u32,
    buf: *mut c_char,
    cap: usize,
    out_n: *mut usize,
    error_offset: *mut usize,
) -> gasdev_result {
    guard(|| {
        // SAFETY: `input` valid for `len` bytes, `buf` for `cap` bytes (caller contract).
        let (input, out) =
            unsafe { parser_buffers(input, len, buf.cast::<u8>(), cap, out_n, error_offset) }?;
        let (scheme, require_item) = options(scheme, flags)?;
        // SAFETY: NULL or valid for a write (caller contract).
        let id = unsafe { reject_at(parse(input, scheme, require_item), error_offset) }?;
        let canonical = id.canonical();
        let mut count = Counter(0);
        let _ = write!(count, "{canonical}");
        let needed = count.0.saturating_add(1);
        if out.len() < needed {
            // SAFETY: checked by check_out above.
            return unsafe { write_len(out_n, Err(needed)) };
        }
        let mut cur = Cursor { buf: out, len: 0 };
        write!(cur, "{canonical}\0").map_err(|_| gasdev_result::BufferTooSmall)?;
        // SAFETY: checked by check_out above.
        unsafe { write_len(out_n, Ok(count.0)) }
    })
}

/// The JSON name of a scheme (`"idis"`, `"gs1_digital_link"`, …): static, NUL-terminated; NULL for
/// `GASDEV_SCHEME_DETECT` and unknown values.
#[unsafe(no_mangle)]
pub extern "C" fn gasdev_scheme_name(scheme: u32) -> *const c_char {
    guard_value(core::ptr::null(), || match scheme_of(scheme) {
        Ok(Some(s)) => match s {
            Scheme::Idis => c"idis".as_ptr(),
            Scheme::Handle => c"handle".as_ptr(),
            Scheme::Oid => c"oid".as_ptr(),
            Scheme::Gs1 => c"gs1".as_ptr(),
            Scheme::Gs1DigitalLink => c"gs1_digital_link".as_ptr(),
            Scheme::Ma => c"ma".as_ptr(),
            _ => c"ecode".as_ptr(),
        },
        _ => core::ptr::null(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scheme_names_are_the_core_names() {
        for s in Scheme::ALL {
            let p = gasdev_scheme_name(scheme_code(*s) as u32);
            // SAFETY: a static NUL-terminated string.
            let name = unsafe { core::ffi::CStr::from_ptr(p) };
            assert_eq!(name.to_str().unwrap(), s.name());
            assert_eq!(scheme_of(scheme_code(*s) as u32), Ok(Some(*s)));
        }
        assert!(gasdev_scheme_name(0).is_null());
        assert!(gasdev_scheme_name(99).is_null());
    }

    /// The 88-profile entry gives exactly what the general entry gives for `GASDEV_SCHEME_IDIS`:
    /// result, struct and error offset, for valid, invalid, other-scheme and wrapped inputs.
    #[test]
    fn parse_idis_is_parse_as_idis() {
        let inputs: &[&[u8]] = &[
            b"88.111.1/GT-A100-000001",
            b"88.101.1304",
            b"hdl:88.111.1/x",
            b"https://id.example.cn/88.111.1/x%20y",
            b"88..1/x",
            b"88.1/x",
            b"20.500.12345/x",
            b"1.2.840.113549",
            b"6291041500213",
            b"MA.156.M0.100000.12345678",
            b"",
            b" 88.111.1/x",
            b"88.111.1/\x00",
            b"\xff",
            b"1:88.111.1/x",
        ];
        for input in inputs {
            for flags in [0, GASDEV_IDENT_REQUIRE_ITEM, 2] {
                let run = |idis: bool| {
                    let mut out = EMPTY;
                    let mut off = usize::MAX;
                    // SAFETY: valid pointers and lengths.
                    let rc = unsafe {
                        if idis {
                            gasdev_ident_parse_idis(
                                input.as_ptr(),
                                input.len(),
                                flags,
                                &mut out,
                                &mut off,
                            )
                        } else {
                            gasdev_ident_parse(
                                input.as_ptr(),
                                input.len(),
                                gasdev_scheme::Idis as u32,
                                flags,
                                &mut out,
                                &mut off,
                            )
                        }
                    };
                    (rc, out, off)
                };
                assert_eq!(run(true), run(false), "{input:?} flags {flags}");
            }
        }
        let mut out = EMPTY;
        let id = b"88.111.1/GT-A100-000001";
        // SAFETY: valid pointers and lengths; NULL output and offset are checked.
        unsafe {
            assert_eq!(
                gasdev_ident_parse_idis(id.as_ptr(), id.len(), 0, &mut out, core::ptr::null_mut()),
                gasdev_result::Ok
            );
            assert_eq!(
                gasdev_ident_parse_idis(
                    id.as_ptr(),
                    id.len(),
                    0,
                    core::ptr::null_mut(),
                    core::ptr::null_mut()
                ),
                gasdev_result::NullParameter
            );
        }
        assert_eq!((out.scheme, out.item), (gasdev_scheme::Idis as u32, true));
        assert_eq!(
            (out.prefix, out.suffix),
            (
                gasdev_span { offset: 0, len: 8 },
                gasdev_span { offset: 9, len: 14 }
            )
        );
    }
}
