//! The whole result of a decoder as JSON, for C callers that forward or store it (a platform's
//! ingest, a log) and for the cross-runner comparison of full results
//! (`spec/vectors/normalized.md`, "Full results"): the JSON is the core's, the same that
//! `gasdev decode --format json`, `gasdev ident --format json` and the WebAssembly package give.
//! Each function returns a `gasdev_report` (read with `gasdev_report_json`, free with
//! `gasdev_report_free`); the report has no items. *Host builds only* (feature `json`).

use alloc::string::String;
use alloc::vec::Vec;

use gasdev::gbt26875 as gbt;
use gasdev::ident::report::Report;

use crate::boundary::{Located, Res, Span, check_out, disjoint, guard, parser_input, reject_at};
use crate::gbt::gasdev_gbt_object;
use crate::json::{deliver, gasdev_document, gasdev_report, report_of, to_json};
use crate::result::gasdev_result;

/// The most objects `gasdev_gbt_objects_json` takes (a packet holds at most 255).
const MAX_OBJECTS: usize = 255;

/// Decode the frame `frame[0..len]` as `gasdev_frame_decode` does; on success `*out` receives a
/// report whose JSON is `{"document": "frame", "report": {seq, timestamp, message}}` (the frame's
/// JSON form, `spec/frame.md`). On a frame error (`GASDEV_RESULT_FRAME_…`) the optional
/// `*error_offset` receives its byte offset.
///
/// # Safety
/// `frame` is valid for reads of `len` bytes; `out` is valid for a write; `error_offset` is NULL or
/// valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gasdev_frame_decode_json(
    frame: *const u8,
    len: usize,
    out: *mut *mut gasdev_report,
    error_offset: *mut usize,
) -> gasdev_result {
    let document = (gasdev_document::Frame, "frame");
    // SAFETY: forwarded caller contract.
    unsafe {
        decode_json(frame, len, out, error_offset, document, |data| {
            Ok(crate::frame::decode(data))
        })
    }
}

/// Decode the GB/T 26875.3 packet `packet[0..len]` with `flags` as `gasdev_gbt_decode` does; on
/// success `*out` receives a report whose JSON is `{"document": "gbt_packet", "report": {…}}` (the
/// packet's JSON form, `spec/gbt26875.md`: header, deviations, ADU and every object). On a packet
/// error the optional `*error_offset` receives its byte offset.
///
/// # Safety
/// As `gasdev_frame_decode_json`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gasdev_gbt_decode_json(
    packet: *const u8,
    len: usize,
    flags: u32,
    out: *mut *mut gasdev_report,
    error_offset: *mut usize,
) -> gasdev_result {
    let document = (gasdev_document::GbtPacket, "gbt_packet");
    // SAFETY: forwarded caller contract.
    unsafe {
        decode_json(packet, len, out, error_offset, document, |data| {
            Ok(gbt::decode(data, crate::gbt::options(flags)?))
        })
    }
}

/// Parse the identifier `input[0..len]` with `scheme` and `flags` as `gasdev_ident_parse` does; on
/// success `*out` receives a report whose JSON is `{"document": "identifier", "report": {…}}` (the
/// identifier's report, `spec/identifiers.md` §10, English texts; `input_hex` when the input is
/// not UTF-8). On an identifier error the optional `*error_offset` receives its byte offset.
///
/// # Safety
/// As `gasdev_frame_decode_json`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gasdev_ident_report_json(
    input: *const u8,
    len: usize,
    scheme: u32,
    flags: u32,
    out: *mut *mut gasdev_report,
    error_offset: *mut usize,
) -> gasdev_result {
    let document = (gasdev_document::Identifier, "identifier");
    // SAFETY: forwarded caller contract.
    unsafe {
        decode_json(input, len, out, error_offset, document, |data| {
            let (scheme, require_item) = crate::ident::options(scheme, flags)?;
            let parsed = crate::ident::parse(data, scheme, require_item);
            Ok(parsed.map(|id| {
                let text = String::from_utf8_lossy(data);
                let mut report = Report::new(&text, &Ok(id), gasdev::Lang::En);
                if core::str::from_utf8(data).is_err() {
                    report.input_hex = Some(hex(data));
                }
                report
            }))
        })
    }
}

/// The `count` GB/T 26875.3 information objects `objects[0..count]` (for example the status object
/// and the analog objects of `gasdev_gbt_mapped`, or objects read with `gasdev_gbt_object_at`) as
/// JSON: `*out` receives a report whose JSON is `{"document": "gbt_objects", "report": [{…}, …]}`,
/// each object as in a decoded packet. `GASDEV_RESULT_INVALID_PARAMETER` for an undefined layout
/// or more than 255 objects.
///
/// # Safety
/// `objects` is valid for reads of `count` objects (or NULL when `count` is 0), whose text
/// pointers are NULL with length 0 or valid for their length; `out` is valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gasdev_gbt_objects_json(
    objects: *const gasdev_gbt_object,
    count: usize,
    out: *mut *mut gasdev_report,
) -> gasdev_result {
    guard(|| {
        // Every output apart from every input and every other output (before any use).
        disjoint(&[Span::array(objects, count)], &[Span::ptr(out)])?;
        check_out(out)?;
        if count > MAX_OBJECTS {
            return Err(gasdev_result::InvalidParameter);
        }
        let objs: &[gasdev_gbt_object] = if count == 0 {
            &[]
        } else {
            crate::boundary::check_ptr(objects)?;
            // SAFETY: non-NULL and aligned (checked); valid for `count` objects (caller contract),
            // and `count` is small, so the size fits isize.
            unsafe { core::slice::from_raw_parts(objects, count) }
        };
        let mut items = alloc::vec::Vec::with_capacity(count);
        for o in objs {
            // SAFETY: text pointers valid for their lengths (caller contract).
            items.push(unsafe { crate::gbt::object_in(o) }?);
        }
        // SAFETY: checked by check_out above.
        unsafe { deliver_json(out, gasdev_document::GbtObjects, "gbt_objects", &items) }
    })
}

/// The body of the decoders above: `decode` the input `input[0..len]` (an error's offset goes to
/// the optional `*error_offset`), then hand the caller a report of its JSON form.
///
/// # Safety
/// `input` is valid for reads of `len` bytes; `out` is valid for a write; `error_offset` is NULL
/// or valid for a write.
unsafe fn decode_json<'a, T: serde::Serialize, E: Located>(
    input: *const u8,
    len: usize,
    out: *mut *mut gasdev_report,
    error_offset: *mut usize,
    (document, kind): (gasdev_document, &str),
    decode: impl FnOnce(&'a [u8]) -> Res<Result<T, E>>,
) -> gasdev_result {
    guard(|| {
        // SAFETY: valid for `len` bytes (caller contract).
        let data = unsafe { parser_input(input, len, out, error_offset) }?;
        // SAFETY: NULL or valid for a write (caller contract).
        let decoded = unsafe { reject_at(decode(data)?, error_offset) }?;
        // SAFETY: checked by parser_input above.
        unsafe { deliver_json(out, document, kind, &decoded) }
    })
}

/// Hand the caller a report of JSON only, `{"document": kind, "report": …}`.
///
/// # Safety
/// `out` was accepted by `check_out`.
unsafe fn deliver_json<T: serde::Serialize>(
    out: *mut *mut gasdev_report,
    document: gasdev_document,
    kind: &str,
    report: &T,
) -> Res {
    let json = to_json(kind, report)?;
    // SAFETY: accepted by check_out (caller contract of this function).
    unsafe { deliver(out, report_of(document, true, Vec::new(), json)) }
}

/// Lowercase hex of `data`.
fn hex(data: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(data.len().saturating_mul(2));
    for b in data {
        for n in [b >> 4, b & 0x0f] {
            s.push(char::from(*DIGITS.get(usize::from(n)).unwrap_or(&b'0')));
        }
    }
    s
}
