//! The library version, from `Cargo.toml`. The header's `GASDEV_VERSION_*` macros are generated
//! from the same field by `ffi/gen-header`; a C test checks that the two agree.

use core::ffi::{CStr, c_char};

/// The version string with its NUL.
const VERSION: &CStr =
    match CStr::from_bytes_with_nul(concat!(env!("CARGO_PKG_VERSION"), "\0").as_bytes()) {
        Ok(v) => v,
        Err(_) => c"",
    };

/// The version of the library, e.g. `"0.1.0"`: static, NUL-terminated. Equal to
/// `GASDEV_VERSION_STRING` of the header the program was compiled with, unless the program runs
/// with another build of the library.
#[unsafe(no_mangle)]
pub extern "C" fn gasdev_version() -> *const c_char {
    VERSION.as_ptr()
}
