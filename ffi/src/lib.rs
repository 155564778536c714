//! # libgasdev for C
//!
//! The C library that alarm and valve firmware, gateways and platforms link: `libgasdev.a` /
//! `libgasdev.so` and the header `include/gasdev.h`, generated from this crate by cbindgen (pinned
//! 0.29.4, `ffi/gen-header`). Every function is a thin conversion around the `gasdev` core: the
//! rules live there, so C, Rust and JavaScript accept, reject and report identically.
//!
//! ## API conventions (the contract of every function)
//!
//! - Every symbol starts with `gasdev_`, every macro and enum constant with `GASDEV_`.
//! - Fallible functions return a `gasdev_result`: `GASDEV_RESULT_OK` (0) or a code of the shared
//!   error table `spec/errors.json` (same names and numbers as Rust's `gasdev::ErrorCode` and the
//!   JavaScript `code` strings). `gasdev_result_name` and `gasdev_result_message` describe a code.
//! - Every pointer argument is checked: NULL gives `GASDEV_RESULT_NULL_PARAMETER`, a misaligned
//!   struct pointer `GASDEV_RESULT_INVALID_PARAMETER`. Only parameters documented as optional may be
//!   NULL (and an optional input may be NULL only with length 0).
//! - A buffer is a pointer followed by its `size_t` length. An output buffer that overlaps an input
//!   is refused with `GASDEV_RESULT_INVALID_PARAMETER`.
//! - Outputs are written only on success; there are no partial results. The two documented
//!   exceptions: `GASDEV_RESULT_BUFFER_TOO_SMALL` writes the size needed to `*out_n`, and a parse
//!   error writes its byte offset to the optional `*error_offset`.
//! - Text outputs are UTF-8 and NUL-terminated; `*out_n` is their length without the NUL, and the
//!   size needed on `BUFFER_TOO_SMALL` counts the NUL. Text inputs are UTF-8 with an explicit length
//!   (no NUL needed); invalid UTF-8 gives `GASDEV_RESULT_NOT_UTF8`.
//! - Enumerated fields of structs are integers holding `GASDEV_…` constants; no enumeration uses 0
//!   for a meaning (except "none" where documented), so a zeroed struct is never silently valid.
//!   An undefined value gives `GASDEV_RESULT_INVALID_PARAMETER`.
//! - Objects the library allocates (`gasdev_report`, host builds) are freed with their `_free`
//!   function; `_free(NULL)` does nothing. Nothing else allocates: codecs write into caller buffers,
//!   and the stream decoder lives in caller memory (`gasdev_stream_decoder`, static storage is fine).
//! - No panic crosses the boundary: the core is panic-free by construction, and hosted builds also
//!   catch any panic and return `GASDEV_RESULT_PANIC`.
//!
//! ## Builds
//!
//! - Host (default features `json`, implies `std`): everything, including the declaration,
//!   catalogue and inspection checks (JSON text in, JSON report out).
//! - Firmware (`--no-default-features --profile firmware`, e.g. `thumbv7em-none-eabihf`): `no_std`,
//!   no allocator, `panic = "abort"`; identifiers, frames, the stream decoder, GB/T 26875.3 and the
//!   requirement table. Functions marked *host builds only* are absent (a link error).
//! - Device profile (firmware build with `--features device`, spec/security.md [SEC-070]): the
//!   same functions, but decoding (`gasdev_frame_decode`, `gasdev_frame_open`) interprets commands
//!   only; other message types come back uninterpreted (`message_type`, `body`). What alarm and
//!   valve firmware links, within 16 KiB of flash (`ffi/examples/firmware`).
#![no_std]
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![deny(clippy::indexing_slicing, clippy::unreachable)]
#![deny(clippy::todo, clippy::unimplemented)]
#![expect(
    non_camel_case_types,
    reason = "C type names, so that the generated header needs no renaming (rustls-ffi)"
)]

#[cfg(feature = "std")]
extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

mod boundary;
pub mod credit_code;
pub mod error;
pub mod frame;
pub mod gbt;
pub mod ident;
#[cfg(feature = "json")]
pub mod json;
pub mod requirements;
pub mod result;
#[cfg(feature = "json")]
pub mod result_json;
pub mod secure;
pub mod stream;
pub mod version;

#[cfg(test)]
mod result_table;

/// Firmware builds abort on panic; the core never panics (its lints deny every panicking construct),
/// so this handler is unreachable in practice. It parks the core rather than returning.
#[cfg(all(not(feature = "std"), not(test)))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    loop {
        core::hint::spin_loop();
    }
}
