//! The boundary between C and Rust: the panic guard, NULL and range checks on every pointer, and
//! output writes that happen only on success.
//!
//! Every exported function follows the same shape: check every pointer (NULL, alignment, length),
//! check that no output buffer overlaps an input, compute the result in locals, and only then write
//! the outputs. The work runs inside [`guard`], which in hosted builds (`std`) turns a panic into
//! `GASDEV_RESULT_PANIC`. The core is panic-free by construction, so the guard is a second line of
//! defence; firmware builds use `panic = "abort"` and have no guard.

use core::ffi::c_char;

use crate::result::gasdev_result;

/// The result of the Rust side of an exported function.
pub(crate) type Res<T = ()> = Result<T, gasdev_result>;

/// Run `f` and turn its outcome into a `gasdev_result`; a panic becomes `GASDEV_RESULT_PANIC`
/// (hosted builds only: without `std` there is no unwinding to catch).
pub(crate) fn guard(f: impl FnOnce() -> Res) -> gasdev_result {
    #[cfg(feature = "std")]
    let outcome = std::panic::catch_unwind(core::panic::AssertUnwindSafe(f))
        .unwrap_or(Err(gasdev_result::Panic));
    #[cfg(not(feature = "std"))]
    let outcome = f();
    match outcome {
        Ok(()) => gasdev_result::Ok,
        Err(e) => e,
    }
}

/// Run `f`, which returns a plain value; a panic returns `fallback` (hosted builds only).
pub(crate) fn guard_value<T>(fallback: T, f: impl FnOnce() -> T) -> T {
    #[cfg(feature = "std")]
    {
        std::panic::catch_unwind(core::panic::AssertUnwindSafe(f)).unwrap_or(fallback)
    }
    #[cfg(not(feature = "std"))]
    {
        let _ = fallback;
        f()
    }
}

/// `GASDEV_RESULT_NULL_PARAMETER` unless `ptr` is non-NULL and aligned for `T`.
pub(crate) fn check_ptr<T>(ptr: *const T) -> Res {
    if ptr.is_null() {
        Err(gasdev_result::NullParameter)
    } else if !ptr.is_aligned() {
        Err(gasdev_result::InvalidParameter)
    } else {
        Ok(())
    }
}

/// As [`check_ptr`], for an output pointer.
pub(crate) fn check_out<T>(ptr: *mut T) -> Res {
    check_ptr(ptr.cast_const())
}

/// A shared reference to a caller's input struct.
///
/// # Safety
/// `ptr` is NULL or points to a valid, initialised `T` that is not written during the call.
pub(crate) unsafe fn input<'a, T>(ptr: *const T) -> Res<&'a T> {
    check_ptr(ptr)?;
    // SAFETY: non-NULL and aligned (checked above); valid and not mutated (caller contract).
    Ok(unsafe { &*ptr })
}

/// Write `value` to a caller's output that [`check_out`] accepted.
///
/// # Safety
/// `ptr` was accepted by [`check_out`] and is valid for a write of `T`.
pub(crate) unsafe fn write<T>(ptr: *mut T, value: T) {
    // SAFETY: non-NULL and aligned (checked by the caller with check_out); valid for writes
    // (caller contract). `write` does not read or drop the old contents, which may be
    // uninitialised.
    unsafe { ptr.write(value) }
}

/// Write `value` to an optional output (NULL: nothing is written).
///
/// # Safety
/// `ptr` is NULL or valid for a write of `T` and aligned.
pub(crate) unsafe fn write_opt<T>(ptr: *mut T, value: T) {
    if check_out(ptr).is_ok() {
        // SAFETY: non-NULL and aligned (checked); valid for writes (caller contract).
        unsafe { write(ptr, value) }
    }
}

/// Write `value` to a caller's output that [`check_out`] accepted and lend it back, initialised,
/// for the rest of the call (the fields that depend on the result are filled in place).
///
/// # Safety
/// As [`write`]; the caller does not use `*ptr` during the call, so the reference is exclusive.
pub(crate) unsafe fn write_init<'a, T>(ptr: *mut T, value: T) -> &'a mut T {
    // SAFETY: valid for a write (caller contract); after the write `*ptr` is initialised, and the
    // caller does not use it during the call, so the reference is exclusive.
    unsafe {
        write(ptr, value);
        &mut *ptr
    }
}

/// The length of what was written to an output buffer (`Ok`) into `*out_len`, or the size needed
/// (`Err`) into `*out_len` with `GASDEV_RESULT_BUFFER_TOO_SMALL`.
///
/// # Safety
/// `out_len` was accepted by [`check_out`] and is valid for a write.
pub(crate) unsafe fn write_len(out_len: *mut usize, written: Result<usize, usize>) -> Res {
    let (n, result) = match written {
        Ok(n) => (n, Ok(())),
        Err(needed) => (needed, Err(gasdev_result::BufferTooSmall)),
    };
    // SAFETY: accepted by check_out (caller contract of this function).
    unsafe { write(out_len, n) };
    result
}

/// A core parser's error: its byte offset and its code in the shared error table.
pub(crate) trait Located {
    /// The byte offset and the result code.
    fn located(&self) -> (usize, gasdev_result);
}

macro_rules! located {
    ($($error:ty),*) => {$(
        impl Located for $error {
            fn located(&self) -> (usize, gasdev_result) {
                (self.offset(), gasdev_result::from_code(self.code()))
            }
        }
    )*};
}

located!(
    gasdev::wire::Error,
    gasdev::gbt26875::Error,
    gasdev::ident::IdentError,
    gasdev::secure::Error
);

impl Located for gasdev::model::CreditCodeError {
    fn located(&self) -> (usize, gasdev_result) {
        (self.offset, gasdev_result::from_code(self.code()))
    }
}

/// The code of a parser's error, after writing its offset to the optional `*error_offset`.
///
/// # Safety
/// `error_offset` is NULL or valid for a write.
pub(crate) unsafe fn reject<E: Located>(error_offset: *mut usize, error: &E) -> gasdev_result {
    let (offset, code) = error.located();
    // SAFETY: NULL or valid for a write (caller contract of this function).
    unsafe { write_opt(error_offset, offset) };
    code
}

/// `parsed`, whose error's offset goes to the optional `*error_offset` and whose error's code is
/// returned.
///
/// # Safety
/// `error_offset` is NULL or valid for a write.
pub(crate) unsafe fn reject_at<T, E: Located>(
    parsed: Result<T, E>,
    error_offset: *mut usize,
) -> Res<T> {
    // SAFETY: forwarded caller contract.
    parsed.map_err(|e| unsafe { reject(error_offset, &e) })
}

/// The input `input[0..len]` of a parser that writes `*out` and the optional `*error_offset`:
/// both outputs are checked apart from the input and each other, and `out` with [`check_out`],
/// before the input is read.
///
/// # Safety
/// As [`bytes`] for `input`.
pub(crate) unsafe fn parser_input<'a, T>(
    input: *const u8,
    len: usize,
    out: *mut T,
    error_offset: *mut usize,
) -> Res<&'a [u8]> {
    check_outputs(&[Span::raw(input, len)], out, error_offset)?;
    // SAFETY: forwarded caller contract.
    unsafe { bytes(input, len) }
}

/// The input `input[0..len]` and output buffer `out[0..cap]` of a parser that writes the buffer,
/// its length `*out_len` and the optional `*error_offset`: the outputs are checked apart from the
/// input and each other, and `out_len` with [`check_out`], before either buffer is used.
///
/// # Safety
/// As [`bytes`] for `input` and as [`buffer`] for `out`.
pub(crate) unsafe fn parser_buffers<'a, 'b>(
    input: *const u8,
    len: usize,
    out: *mut u8,
    cap: usize,
    out_len: *mut usize,
    error_offset: *mut usize,
) -> Res<(&'a [u8], &'b mut [u8])> {
    // Every output apart from every input and every other output (before any use).
    let outputs = [
        Span::raw(out, cap),
        Span::ptr(out_len),
        Span::ptr(error_offset),
    ];
    disjoint(&[Span::raw(input, len)], &outputs)?;
    check_out(out_len)?;
    // SAFETY: forwarded caller contract.
    let input = unsafe { bytes(input, len) }?;
    // SAFETY: forwarded caller contract; the overlap with `input` is checked.
    let buf = unsafe { buffer(out, cap, &[Span::of(input)]) }?;
    Ok((input, buf))
}

/// The outputs of most functions, `*out` and an optional error detail `*error`: apart from every
/// input and from each other (before any use), and `out` accepted by [`check_out`].
pub(crate) fn check_outputs<T, E>(inputs: &[Span], out: *mut T, error: *mut E) -> Res {
    disjoint(inputs, &[Span::ptr(out), Span::ptr(error)])?;
    check_out(out)
}

/// The largest length a slice may have (`slice::from_raw_parts` needs at most `isize::MAX` bytes).
const MAX_LEN: usize = isize::MAX.unsigned_abs();

/// The bytes `ptr[0..len]`; NULL is rejected even when `len` is 0.
///
/// # Safety
/// `ptr` is NULL or valid for reads of `len` bytes, not written during the call.
pub(crate) unsafe fn bytes<'a>(ptr: *const u8, len: usize) -> Res<&'a [u8]> {
    if ptr.is_null() {
        return Err(gasdev_result::NullParameter);
    }
    check_range(ptr.addr(), len)?;
    // SAFETY: non-NULL, at most isize::MAX bytes (checked); valid for reads of `len` bytes and
    // not mutated during the call (caller contract). u8 has alignment 1.
    Ok(unsafe { core::slice::from_raw_parts(ptr, len) })
}

/// As [`bytes`], but NULL with `len` 0 is the empty slice (optional inputs).
///
/// # Safety
/// As [`bytes`].
pub(crate) unsafe fn opt_bytes<'a>(ptr: *const u8, len: usize) -> Res<&'a [u8]> {
    if ptr.is_null() && len == 0 {
        return Ok(&[]);
    }
    // SAFETY: forwarded caller contract.
    unsafe { bytes(ptr, len) }
}

/// UTF-8 text `ptr[0..len]` (no NUL terminator needed); `GASDEV_RESULT_NOT_UTF8` otherwise.
///
/// # Safety
/// As [`bytes`].
pub(crate) unsafe fn text<'a>(ptr: *const c_char, len: usize) -> Res<&'a str> {
    // SAFETY: forwarded caller contract; c_char and u8 have the same size and alignment.
    let b = unsafe { bytes(ptr.cast::<u8>(), len) }?;
    core::str::from_utf8(b).map_err(|_| gasdev_result::NotUtf8)
}

/// As [`text`], but NULL with `len` 0 is the empty string.
///
/// # Safety
/// As [`bytes`].
pub(crate) unsafe fn opt_text<'a>(ptr: *const c_char, len: usize) -> Res<&'a str> {
    // SAFETY: forwarded caller contract.
    let b = unsafe { opt_bytes(ptr.cast::<u8>(), len) }?;
    core::str::from_utf8(b).map_err(|_| gasdev_result::NotUtf8)
}

/// The address range of an input, for the overlap check of [`buffer`]. Only addresses are kept:
/// no reference to the input's bytes is made (a C struct's padding may be uninitialised).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Span {
    start: usize,
    len: usize,
}

impl Span {
    /// The bytes of a slice.
    pub(crate) fn of(bytes: &[u8]) -> Span {
        Span {
            start: bytes.as_ptr().addr(),
            len: bytes.len(),
        }
    }

    /// The bytes of a value (a C struct the caller passed).
    pub(crate) fn of_val<T>(value: &T) -> Span {
        Span {
            start: core::ptr::from_ref(value).addr(),
            len: core::mem::size_of::<T>(),
        }
    }

    /// `len` bytes at `ptr`.
    pub(crate) fn raw<T>(ptr: *const T, len: usize) -> Span {
        Span {
            start: ptr.addr(),
            len,
        }
    }

    /// The `T` at `ptr` (empty when `ptr` is NULL: nothing is read or written there).
    pub(crate) fn ptr<T>(ptr: *const T) -> Span {
        let len = if ptr.is_null() {
            0
        } else {
            core::mem::size_of::<T>()
        };
        Span::raw(ptr, len)
    }

    /// `count` values of `T` at `ptr` (saturating: a count near `SIZE_MAX` covers the rest of the
    /// address space, so it overlaps anything after `ptr`).
    pub(crate) fn array<T>(ptr: *const T, count: usize) -> Span {
        let len = if ptr.is_null() {
            0
        } else {
            count.saturating_mul(core::mem::size_of::<T>())
        };
        Span::raw(ptr, len)
    }

    /// Whether the two ranges share a byte.
    pub(crate) fn overlaps(self, other: Span) -> bool {
        self.len > 0
            && other.len > 0
            && self.start < other.start.saturating_add(other.len)
            && other.start < self.start.saturating_add(self.len)
    }
}

/// `GASDEV_RESULT_INVALID_PARAMETER` unless every output is disjoint from every input and from
/// every other output (inputs may overlap each other: they are only read). Called first by every
/// function with more than one pointer, before any pointer is dereferenced.
pub(crate) fn disjoint(inputs: &[Span], outputs: &[Span]) -> Res {
    for (i, o) in outputs.iter().enumerate() {
        let others = outputs.iter().skip(i.saturating_add(1));
        if inputs.iter().chain(others).any(|x| x.overlaps(*o)) {
            return Err(gasdev_result::InvalidParameter);
        }
    }
    Ok(())
}

/// `GASDEV_RESULT_INVALID_PARAMETER` for a range that is longer than `PTRDIFF_MAX` or wraps
/// around the end of the address space (`slice::from_raw_parts` forbids both).
fn check_range(addr: usize, len: usize) -> Res {
    if len > MAX_LEN || addr.checked_add(len).is_none() {
        Err(gasdev_result::InvalidParameter)
    } else {
        Ok(())
    }
}

/// An output buffer `ptr[0..len]`, after checking that it overlaps none of `inputs`.
///
/// # Safety
/// `ptr` is NULL or valid for writes of `len` bytes, and no other reference to those bytes is used
/// during the call except the inputs (whose ranges are checked here).
pub(crate) unsafe fn buffer<'a>(ptr: *mut u8, len: usize, inputs: &[Span]) -> Res<&'a mut [u8]> {
    if ptr.is_null() {
        return Err(gasdev_result::NullParameter);
    }
    check_range(ptr.addr(), len)?;
    let out = Span::raw(ptr, len);
    if inputs.iter().any(|i| i.overlaps(out)) {
        return Err(gasdev_result::InvalidParameter);
    }
    // SAFETY: non-NULL, at most isize::MAX bytes (checked), valid for writes (caller contract),
    // and disjoint from every input (checked above), so this is the only live reference.
    Ok(unsafe { core::slice::from_raw_parts_mut(ptr, len) })
}

/// Copy `src` into `dst` followed by a NUL, or report the size needed (`src.len() + 1`).
pub(crate) fn copy_text(src: &[u8], dst: &mut [u8]) -> Result<usize, usize> {
    let needed = src.len().saturating_add(1);
    let (body, rest) = dst.split_at_mut_checked(src.len()).ok_or(needed)?;
    let nul = rest.first_mut().ok_or(needed)?;
    body.copy_from_slice(src);
    *nul = 0;
    Ok(src.len())
}

/// A `core::fmt::Write` that only counts bytes.
pub(crate) struct Counter(pub(crate) usize);

impl core::fmt::Write for Counter {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        self.0 = self.0.saturating_add(s.len());
        Ok(())
    }
}

/// A `core::fmt::Write` into a caller buffer that fails when the buffer is full.
pub(crate) struct Cursor<'b> {
    pub(crate) buf: &'b mut [u8],
    pub(crate) len: usize,
}

impl core::fmt::Write for Cursor<'_> {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        let end = self.len.checked_add(s.len()).ok_or(core::fmt::Error)?;
        self.buf
            .get_mut(self.len..end)
            .ok_or(core::fmt::Error)?
            .copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// A span of a string inside `base` (both from the same input), as offset and length.
pub(crate) fn span_of(base: &str, part: &str) -> (usize, usize) {
    let b = base.as_ptr().addr();
    let p = part.as_ptr().addr();
    match p.checked_sub(b) {
        Some(off) if off.saturating_add(part.len()) <= base.len() => (off, part.len()),
        _ => (0, 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outputs_apart_from_inputs_and_each_other() {
        let a = Span::raw(core::ptr::without_provenance::<u8>(100), 10);
        let b = Span::raw(core::ptr::without_provenance::<u8>(110), 10);
        let inside = Span::raw(core::ptr::without_provenance::<u8>(105), 1);
        assert_eq!(disjoint(&[a], &[b]), Ok(()));
        assert_eq!(
            disjoint(&[a, inside], &[b]),
            Ok(()),
            "inputs may overlap each other"
        );
        assert_eq!(
            disjoint(&[a], &[inside]),
            Err(gasdev_result::InvalidParameter)
        );
        assert_eq!(
            disjoint(&[], &[a, inside]),
            Err(gasdev_result::InvalidParameter)
        );
        assert_eq!(disjoint(&[], &[b, a]), Ok(()));
        // NULL outputs (optional) and empty ranges overlap nothing.
        assert_eq!(
            disjoint(&[a], &[Span::ptr(core::ptr::null::<u64>())]),
            Ok(())
        );
        assert_eq!(
            Span::array(core::ptr::without_provenance::<u64>(8), usize::MAX).len,
            usize::MAX
        );
    }

    #[test]
    fn ranges_past_ptrdiff_max_or_the_address_space_are_refused() {
        assert_eq!(check_range(8, MAX_LEN), Ok(()));
        assert_eq!(
            check_range(8, MAX_LEN + 1),
            Err(gasdev_result::InvalidParameter)
        );
        assert_eq!(
            check_range(usize::MAX - 3, 8),
            Err(gasdev_result::InvalidParameter)
        );
        assert_eq!(check_range(usize::MAX - 8, 8), Ok(()));
    }

    #[test]
    fn buffers_that_overlap_an_input_are_refused() {
        let mut mem = [0u8; 16];
        let p = mem.as_mut_ptr();
        let input: &[u8] = &[1, 2, 3];
        // SAFETY: `mem` is valid for 16 bytes and not otherwise borrowed.
        assert!(unsafe { buffer(p, 16, &[Span::of(input)]) }.is_ok());
        // SAFETY: `p` points into `mem` (valid for 16 bytes); the slice built from it is only
        // read while `mem` is not used mutably.
        let inside: &[u8] = unsafe { core::slice::from_raw_parts(p.wrapping_add(4), 2) };
        // SAFETY: as above; the call must refuse the overlap before making a mutable slice.
        let r = unsafe { buffer(p, 8, &[Span::of(inside)]) };
        assert_eq!(r.err(), Some(gasdev_result::InvalidParameter));
        // SAFETY: as above; [0, 4) does not overlap [4, 6).
        assert!(unsafe { buffer(p, 4, &[Span::of(inside)]) }.is_ok());
        // SAFETY: NULL is checked before use.
        let r = unsafe { buffer(core::ptr::null_mut(), 0, &[]) };
        assert_eq!(r.err(), Some(gasdev_result::NullParameter));
    }

    #[test]
    fn copy_text_reports_the_size_needed() {
        let mut b = [0xAAu8; 4];
        assert_eq!(copy_text(b"abcd", &mut b), Err(5));
        assert_eq!(b, [0xAA; 4], "nothing written on failure");
        assert_eq!(copy_text(b"abc", &mut b), Ok(3));
        assert_eq!(b, *b"abc\0");
    }

    #[test]
    fn spans_outside_the_base_are_empty() {
        let s = "88.111.1/x";
        assert_eq!(span_of(s, &s[3..6]), (3, 3));
        assert_eq!(span_of(s, "other"), (0, 0));
    }
}
