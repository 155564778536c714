//! 统一社会信用代码 (GB 32100-2015) validation for C: the core's `CreditCode::parse_bytes`.

use core::ffi::c_char;

use gasdev::model::CreditCode;

use crate::boundary::{Span, bytes, check_out, disjoint, guard, reject_at, write};
use crate::result::gasdev_result;

/// The parts of a valid 统一社会信用代码, each NUL-terminated.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct gasdev_credit_code {
    /// The 18 characters.
    pub code: [c_char; 19],
    /// 登记管理机关行政区划码 (positions 3–8).
    pub region: [c_char; 7],
    /// 主体标识码 (positions 9–17): the GB 11714 organisation code with its check character.
    pub organisation_code: [c_char; 10],
}

/// Copy ASCII `text` into a NUL-terminated C array (truncated to fit; the parts always fit).
fn c_chars<const N: usize>(text: &str) -> [c_char; N] {
    let mut out = [0 as c_char; N];
    for (slot, b) in out.iter_mut().zip(text.bytes().take(N.saturating_sub(1))) {
        *slot = b as c_char;
    }
    out
}

/// Validate `input[0..len]` as a 统一社会信用代码 (GB 32100-2015): 18 characters of the set without
/// I, O, S, V and Z, a six-digit division code, the organisation code's GB 11714 check character and
/// the GB 32100 check character. No trimming and no case folding.
///
/// On success the optional `*out` receives the code and its parts. A malformed code is
/// `GASDEV_RESULT_INPUT_BAD_CREDIT_CODE`, with the byte offset of the offending character in the
/// optional `*error_offset` (18 for a code that is too long, the length for one that is too short).
/// `GASDEV_RESULT_INVALID_PARAMETER` when `out` or `error_offset` overlaps `input` or each other.
///
/// # Safety
/// `input` is valid for reads of `len` bytes; `out` and `error_offset` are NULL or valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gasdev_credit_code_check(
    input: *const u8,
    len: usize,
    out: *mut gasdev_credit_code,
    error_offset: *mut usize,
) -> gasdev_result {
    guard(|| {
        // Every output apart from every input and every other output (before any use).
        disjoint(
            &[Span::raw(input, len)],
            &[Span::ptr(out), Span::ptr(error_offset)],
        )?;
        // SAFETY: valid for `len` bytes (caller contract).
        let input = unsafe { bytes(input, len) }?;
        // SAFETY: NULL or valid for a write (caller contract).
        let code = unsafe { reject_at(CreditCode::parse_bytes(input), error_offset) }?;
        if !out.is_null() {
            check_out(out)?;
            let parts = gasdev_credit_code {
                code: c_chars(code.as_str()),
                region: c_chars(code.region()),
                organisation_code: c_chars(code.organisation_code()),
            };
            // SAFETY: non-NULL and aligned (check_out); valid for a write (caller contract).
            unsafe { write(out, parts) };
        }
        Ok(())
    })
}
