//! Finding frames in a byte stream (UART, RS-485, TCP) with a decoder that lives in caller memory:
//! `static gasdev_stream_decoder dec;` is enough, nothing is allocated (`spec/frame.md` [FRAME-090]).

use gasdev::wire::{StreamDecoder, StreamEvent};

use core::mem::size_of;

use crate::boundary::{Res, Span, bytes, check_out, disjoint, guard, write};
use crate::result::gasdev_result;

/// The size of `gasdev_stream_decoder`, in 8-byte words.
pub const GASDEV_STREAM_DECODER_WORDS: usize = 40;

/// A stream decoder's memory: declare one (static storage, the stack or the heap) and initialise it
/// with `gasdev_stream_init`. Its contents are private. It holds at most one frame (256 bytes).
#[repr(C)]
pub struct gasdev_stream_decoder {
    /// Private: the decoder's state.
    pub opaque: [u64; GASDEV_STREAM_DECODER_WORDS],
}

/// What `gasdev_stream_feed` or `gasdev_stream_finish` found.
#[repr(u8)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum gasdev_stream_event_kind {
    /// Nothing more: all input was consumed (feed) or the decoder is empty (finish).
    None = 0,
    /// `skipped` bytes could not start a frame and were discarded.
    Skipped = 1,
    /// A whole frame with a valid CRC: `frame[0..frame_len]`, inside the decoder's memory, valid
    /// until the next call on the decoder. Decode it with `gasdev_frame_decode`.
    Frame = 2,
    /// A candidate frame failed a check (`error`, at `error_offset` from its first byte); its first
    /// byte was discarded and the search resumes after it.
    Rejected = 3,
}

/// One event of the stream decoder.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct gasdev_stream_event {
    /// A `GASDEV_STREAM_EVENT_KIND_…` constant.
    pub kind: u8,
    /// `SKIPPED`: how many bytes.
    pub skipped: usize,
    /// `FRAME`: the frame's bytes (inside the decoder).
    pub frame: *const u8,
    /// `FRAME`: the frame's length.
    pub frame_len: usize,
    /// `REJECTED`: a `GASDEV_RESULT_FRAME_…` code.
    pub error: u32,
    /// `REJECTED`: the byte offset of the problem from the candidate's first byte.
    pub error_offset: usize,
}

/// "GDSD": written by `gasdev_stream_init`, cleared by `gasdev_stream_release`.
const MAGIC: u32 = 0x4744_5344;

/// What lives in a `gasdev_stream_decoder`.
#[repr(C)]
struct Inner {
    magic: u32,
    decoder: StreamDecoder,
}

const _: () = {
    assert!(core::mem::size_of::<Inner>() <= core::mem::size_of::<gasdev_stream_decoder>());
    assert!(core::mem::align_of::<Inner>() <= core::mem::align_of::<gasdev_stream_decoder>());
};

const NONE: gasdev_stream_event = gasdev_stream_event {
    kind: gasdev_stream_event_kind::None as u8,
    skipped: 0,
    frame: core::ptr::null(),
    frame_len: 0,
    error: 0,
    error_offset: 0,
};

fn event_out(ev: Option<StreamEvent<'_>>) -> gasdev_stream_event {
    let mut out = NONE;
    match ev {
        None => {}
        Some(StreamEvent::Skipped(n)) => {
            out.kind = gasdev_stream_event_kind::Skipped as u8;
            out.skipped = n;
        }
        Some(StreamEvent::Frame(f)) => {
            out.kind = gasdev_stream_event_kind::Frame as u8;
            out.frame = f.bytes().as_ptr();
            out.frame_len = f.bytes().len();
        }
        Some(StreamEvent::Rejected(e)) => {
            out.kind = gasdev_stream_event_kind::Rejected as u8;
            out.error = gasdev_result::from_code(e.code()) as u32;
            out.error_offset = e.offset();
        }
    }
    out
}

/// The initialised decoder in `dec`.
///
/// # Safety
/// `dec` is NULL or points to a `gasdev_stream_decoder` valid for reads and writes, not used by
/// anyone else during the call.
unsafe fn inner<'a>(dec: *mut gasdev_stream_decoder) -> Res<&'a mut Inner> {
    check_out(dec)?;
    let p = dec.cast::<Inner>();
    // SAFETY: `dec` is non-NULL and aligned (checked), and Inner fits in it with no greater
    // alignment (const assertions above). The magic field is a plain u32 at offset 0, initialised
    // memory of the caller's struct.
    let magic = unsafe { core::ptr::addr_of!((*p).magic).read() };
    if magic != MAGIC {
        return Err(gasdev_result::InvalidParameter);
    }
    // SAFETY: the magic shows that gasdev_stream_init wrote a valid Inner here, and the caller does
    // not use the memory during the call, so this is the only reference.
    Ok(unsafe { &mut *p })
}

/// Initialise (or re-initialise) a decoder in caller memory: empty, ready for `gasdev_stream_feed`.
///
/// # Safety
/// `dec` is valid for writes of a `gasdev_stream_decoder`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gasdev_stream_init(dec: *mut gasdev_stream_decoder) -> gasdev_result {
    guard(|| {
        check_out(dec)?;
        // SAFETY: non-NULL and aligned (checked), valid for writes (caller contract); Inner fits
        // (const assertions above).
        unsafe {
            write(
                dec.cast::<Inner>(),
                Inner {
                    magic: MAGIC,
                    decoder: StreamDecoder::new(),
                },
            );
        }
        Ok(())
    })
}

/// Feed `input[0..len]`. `*consumed` receives how many bytes were used and `*event` the next event.
/// Call again with the rest (`input + *consumed`) until the event is `GASDEV_STREAM_EVENT_KIND_NONE`,
/// which means all of `input` was consumed; a `FRAME` event's bytes are valid until the next call.
///
/// Returns `GASDEV_RESULT_INVALID_PARAMETER` for a decoder that `gasdev_stream_init` did not
/// initialise (or that `gasdev_stream_release` released).
///
/// # Safety
/// `dec` points to a `gasdev_stream_decoder` valid for reads and writes; `input` is valid for reads
/// of `len` bytes; `consumed` and `event` are valid for writes. None of them may be inside `dec`
/// (`GASDEV_RESULT_INVALID_PARAMETER`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gasdev_stream_feed(
    dec: *mut gasdev_stream_decoder,
    input: *const u8,
    len: usize,
    consumed: *mut usize,
    event: *mut gasdev_stream_event,
) -> gasdev_result {
    guard(|| {
        // Every output apart from every input and every other output (before any use).
        disjoint(
            &[Span::raw(input, len)],
            &[Span::ptr(dec), Span::ptr(consumed), Span::ptr(event)],
        )?;
        check_out(consumed)?;
        check_out(event)?;
        // SAFETY: valid for `len` bytes (caller contract).
        let data = unsafe { bytes(input, len) }?;
        // Neither the input nor the outputs may live inside the decoder.
        let d = Span::raw(dec, size_of::<gasdev_stream_decoder>());
        if d.overlaps(Span::of(data))
            || d.overlaps(Span::raw(consumed, size_of::<usize>()))
            || d.overlaps(Span::raw(event, size_of::<gasdev_stream_event>()))
        {
            return Err(gasdev_result::InvalidParameter);
        }
        // SAFETY: valid decoder memory not used elsewhere (caller contract), disjoint from `data`.
        let d = unsafe { inner(dec) }?;
        let (n, ev) = d.decoder.feed(data);
        let ev = event_out(ev);
        // SAFETY: both checked by check_out above.
        unsafe {
            write(consumed, n);
            write(event, ev);
        }
        Ok(())
    })
}

/// Signal the end of the stream: `*event` receives what the decoder still holds (a truncated frame
/// is `REJECTED` with `FRAME_TRUNCATED`, and the bytes after its first are searched again). Call until
/// the event is `GASDEV_STREAM_EVENT_KIND_NONE`; the decoder is then empty and can be reused.
///
/// # Safety
/// `dec` points to a `gasdev_stream_decoder` valid for reads and writes; `event` is valid for a
/// write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gasdev_stream_finish(
    dec: *mut gasdev_stream_decoder,
    event: *mut gasdev_stream_event,
) -> gasdev_result {
    guard(|| {
        check_out(event)?;
        if Span::raw(dec, size_of::<gasdev_stream_decoder>())
            .overlaps(Span::raw(event, size_of::<gasdev_stream_event>()))
        {
            return Err(gasdev_result::InvalidParameter);
        }
        // SAFETY: valid decoder memory not used elsewhere (caller contract).
        let d = unsafe { inner(dec) }?;
        let ev = event_out(d.decoder.finish());
        // SAFETY: checked by check_out above.
        unsafe { write(event, ev) };
        Ok(())
    })
}

/// Bytes the decoder holds for a frame that is not complete yet.
///
/// # Safety
/// `dec` points to a `gasdev_stream_decoder` valid for reads and writes; `out` is valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gasdev_stream_pending(
    dec: *mut gasdev_stream_decoder,
    out: *mut usize,
) -> gasdev_result {
    guard(|| {
        // Every output apart from every input and every other output (before any use).
        disjoint(&[Span::ptr(dec)], &[Span::ptr(out)])?;
        check_out(out)?;
        // SAFETY: valid decoder memory not used elsewhere (caller contract).
        let d = unsafe { inner(dec) }?;
        let n = d.decoder.pending();
        // SAFETY: checked by check_out above.
        unsafe { write(out, n) };
        Ok(())
    })
}

/// Release a decoder: later calls on it return `GASDEV_RESULT_INVALID_PARAMETER` until
/// `gasdev_stream_init` initialises it again. The memory stays the caller's. NULL is ignored.
///
/// # Safety
/// `dec` is NULL or points to a `gasdev_stream_decoder` valid for writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gasdev_stream_release(dec: *mut gasdev_stream_decoder) {
    let _ = guard(|| {
        check_out(dec)?;
        // SAFETY: non-NULL and aligned (checked), valid for writes (caller contract).
        unsafe {
            write(
                dec.cast::<gasdev_stream_decoder>(),
                gasdev_stream_decoder {
                    opaque: [0; GASDEV_STREAM_DECODER_WORDS],
                },
            );
        }
        Ok(())
    });
}
