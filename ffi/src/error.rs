//! Describing result codes: the symbolic name and a message in Chinese or English.

use core::ffi::c_char;

use gasdev::{ErrorCode, Lang};

use crate::boundary::{
    Res, Span, buffer, check_out, copy_text, disjoint, guard, guard_value, write,
};
use crate::result::gasdev_result;

/// A language for messages meant for people.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum gasdev_lang {
    /// Simplified Chinese.
    Zh = 1,
    /// English.
    En = 2,
}

pub(crate) fn lang(v: u32) -> Res<Lang> {
    match v {
        x if x == gasdev_lang::Zh as u32 => Ok(Lang::Zh),
        x if x == gasdev_lang::En as u32 => Ok(Lang::En),
        _ => Err(gasdev_result::InvalidParameter),
    }
}

/// The result of a number, if the table has it.
pub(crate) fn known(result: u32) -> Option<ErrorCode> {
    u16::try_from(result).ok().and_then(ErrorCode::from_code)
}

/// The symbolic name of a result code (`"FRAME_BAD_CRC"`): static, NUL-terminated; NULL for a number
/// that is not in the error table.
#[unsafe(no_mangle)]
pub extern "C" fn gasdev_result_name(result: u32) -> *const c_char {
    guard_value(core::ptr::null(), || {
        known(result).map_or(core::ptr::null(), |c| {
            gasdev_result::from_code(c).c_name().as_ptr()
        })
    })
}

/// Write the message of a result code in `lang` (`GASDEV_LANG_ZH` or `GASDEV_LANG_EN`) into `buf`
/// (`len` bytes), NUL-terminated; `*out_n` receives its length without the NUL.
///
/// Returns `GASDEV_RESULT_INVALID_PARAMETER` for a number not in the error table or an unknown
/// language, `GASDEV_RESULT_BUFFER_TOO_SMALL` (with the size needed in `*out_n`) when `buf` is too
/// short.
///
/// # Safety
/// `buf` is valid for writes of `len` bytes; `out_n` is valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gasdev_result_message(
    result: u32,
    lang: u32,
    buf: *mut c_char,
    len: usize,
    out_n: *mut usize,
) -> gasdev_result {
    guard(|| {
        // Every output apart from every input and every other output (before any use).
        disjoint(&[], &[Span::raw(buf, len), Span::ptr(out_n)])?;
        check_out(out_n)?;
        // SAFETY: `buf` is valid for `len` bytes (caller contract); there are no other inputs.
        let out = unsafe { buffer(buf.cast::<u8>(), len, &[]) }?;
        let code = known(result).ok_or(gasdev_result::InvalidParameter)?;
        let text = code.text().get(self::lang(lang)?);
        match copy_text(text.as_bytes(), out) {
            Ok(n) => {
                // SAFETY: checked by check_out above.
                unsafe { write(out_n, n) };
                Ok(())
            }
            Err(needed) => {
                // SAFETY: checked by check_out above.
                unsafe { write(out_n, needed) };
                Err(gasdev_result::BufferTooSmall)
            }
        }
    })
}
