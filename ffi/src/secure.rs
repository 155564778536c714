//! Authenticated frames for C (`spec/security.md`): seal, open against a replay state the caller
//! allocates (no heap), and per-device key derivation. Keys are 16-byte arrays passed by pointer;
//! this layer copies a key into a `FrameKey` that is zeroised when the call returns [SEC-054].

use gasdev::secure::{self, Authentication, FrameKey, KeySlot, Policy, ReplayWindow, WindowConfig};

use crate::boundary::{
    Res, Span, buffer, bytes, check_out, disjoint, guard, reject_at, write, write_len, write_opt,
};
use crate::result::gasdev_result;

/// The length of a key in bytes (SM4, 128 bits).
pub const GASDEV_KEY_LEN: usize = 16;
/// What sealing adds to a frame: the security TLV [SEC-020].
pub const GASDEV_SECURITY_TLV_LEN: usize = 16;

/// `policy` of `gasdev_frame_open`: every frame must be authenticated [SEC-030].
pub const GASDEV_POLICY_REQUIRED: u32 = 1;
/// `policy` of `gasdev_frame_open`: **legacy mode, discouraged** [SEC-031]: a frame without the
/// security TLV is accepted and reported as not authenticated.
pub const GASDEV_POLICY_LEGACY_ACCEPT_UNAUTHENTICATED: u32 = 2;

/// A receiver's replay window for one sender and key [SEC-040], allocated by the caller and
/// persisted by it [SEC-043]. Initialise it with `gasdev_replay_state_init`; do not edit the
/// fields by hand except to restore saved values.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct gasdev_replay_state {
    /// Bit `d` set: counter `highest - d` was accepted (bit 0 is `highest`).
    pub bitmap: u64,
    /// The highest accepted counter (meaningful when `any_accepted`).
    pub highest: u32,
    /// The largest accepted distance above `highest` [SEC-041].
    pub max_jump: u32,
    /// The number of counters remembered, 1..=64.
    pub window_size: u8,
    /// 1 once a counter has been accepted, 0 before (a `uint8_t`, not a `bool`: a state restored
    /// from storage may hold any byte, and any other value is `GASDEV_RESULT_INVALID_PARAMETER`).
    pub any_accepted: u8,
}

/// How `gasdev_frame_open` authenticated a frame.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct gasdev_frame_auth {
    /// `true`: the tag verified and the counter was fresh; `false`: accepted unauthenticated under
    /// the legacy policy.
    pub authenticated: bool,
    /// The key id (0 when not authenticated).
    pub key_id: u8,
    /// The sender's counter (0 when not authenticated).
    pub counter: u32,
}

fn window_of(s: &gasdev_replay_state) -> Result<ReplayWindow, gasdev_result> {
    let config =
        WindowConfig::new(s.window_size, s.max_jump).ok_or(gasdev_result::InvalidParameter)?;
    let highest = match s.any_accepted {
        0 => None,
        1 => Some(s.highest),
        _ => return Err(gasdev_result::InvalidParameter),
    };
    Ok(ReplayWindow::restore(config, highest, s.bitmap))
}

fn state_of(w: &ReplayWindow) -> gasdev_replay_state {
    gasdev_replay_state {
        bitmap: w.bitmap(),
        highest: w.highest().unwrap_or(0),
        max_jump: w.config().max_jump(),
        window_size: w.config().size(),
        any_accepted: u8::from(w.highest().is_some()),
    }
}

/// A copy of the caller's 16-byte key.
///
/// # Safety
/// `key` is NULL or valid for reads of 16 bytes.
unsafe fn key_in(key: *const u8) -> Result<FrameKey, gasdev_result> {
    // SAFETY: forwarded caller contract (16 bytes).
    let k = unsafe { bytes(key, GASDEV_KEY_LEN) }?;
    FrameKey::from_slice(k).ok_or(gasdev_result::InvalidParameter)
}

/// The frame `frame[0..len]` and the 16-byte key at `key` of a seal or an open. Inlined: as a
/// call it made the device profile 36 B larger (`make -C ffi firmware`).
///
/// # Safety
/// `frame` is valid for reads of `len` bytes and `key` for reads of 16 bytes.
#[inline(always)]
unsafe fn frame_and_key<'a>(
    frame: *const u8,
    len: usize,
    key: *const u8,
) -> Res<(&'a [u8], FrameKey)> {
    // SAFETY: forwarded caller contract.
    let input = unsafe { bytes(frame, len) }?;
    // SAFETY: forwarded caller contract.
    let k = unsafe { key_in(key) }?;
    Ok((input, k))
}

/// Initialise `*state` as a fresh window of `window_size` counters (1..=64) that accepts counters
/// at most `max_jump` (≥ 1) above the highest accepted one. `GASDEV_RESULT_INVALID_PARAMETER` for
/// other values. Suggested: 32 and 1048576 (spec/security.md [SEC-040], [SEC-041]).
///
/// # Safety
/// `state` is valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gasdev_replay_state_init(
    state: *mut gasdev_replay_state,
    window_size: u8,
    max_jump: u32,
) -> gasdev_result {
    guard(|| {
        check_out(state)?;
        let config =
            WindowConfig::new(window_size, max_jump).ok_or(gasdev_result::InvalidParameter)?;
        // SAFETY: checked by check_out above.
        unsafe { write(state, state_of(&ReplayWindow::new(config))) };
        Ok(())
    })
}

/// Seal the valid, unauthenticated frame `frame[0..len]` with the 16-byte `key`, `key_id` and the
/// sender's `counter` into `out` (`cap` bytes; `len + GASDEV_SECURITY_TLV_LEN` suffice):
/// security TLV, length byte, SM4-CMAC tag, CRC [SEC-025]. `*out_len` receives the sealed length.
///
/// Errors: the frame's own `GASDEV_RESULT_FRAME_…` errors, `FRAME_BAD_SECURITY` (already sealed),
/// `FRAME_UNKNOWN_KEY_ID` (key id 0), `FRAME_COUNTER_EXHAUSTED` (counter 0xFFFFFFFF),
/// `FRAME_OVERSIZE`, each with its offset in the optional `*error_offset`;
/// `GASDEV_RESULT_BUFFER_TOO_SMALL` with the size needed in `*out_len`;
/// `GASDEV_RESULT_INVALID_PARAMETER` when `out` overlaps `frame` or `key`. `out` is written only on
/// success.
///
/// # Safety
/// `frame` is valid for reads of `len` bytes, `key` of 16 bytes; `out` is valid for writes of
/// `cap` bytes; `out_len` is valid for a write; `error_offset` is NULL or valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gasdev_frame_seal(
    frame: *const u8,
    len: usize,
    key: *const u8,
    key_id: u8,
    counter: u32,
    out: *mut u8,
    cap: usize,
    out_len: *mut usize,
    error_offset: *mut usize,
) -> gasdev_result {
    guard(|| {
        check_out(out_len)?;
        // SAFETY: `frame` valid for `len` bytes, `key` for 16 (caller contract).
        let (input, k) = unsafe { frame_and_key(frame, len, key) }?;
        let inputs = [
            Span::of(input),
            Span::raw(key, GASDEV_KEY_LEN),
            Span::raw(out_len.cast_const(), core::mem::size_of::<usize>()),
        ];
        // SAFETY: `out` valid for `cap` bytes (caller contract); overlap with every input checked.
        let buf = unsafe { buffer(out, cap, &inputs) }?;
        // Straight into `out`: the core writes it only on success, and reports a short buffer
        // after the frame's own errors, with the length needed as its offset.
        let written = match secure::seal(input, &k, key_id, counter, buf) {
            Err(e) if e.kind() == secure::ErrorKind::BufferTooSmall => Err(e.offset()),
            // SAFETY: NULL or valid for a write (caller contract).
            sealed => Ok(unsafe { reject_at(sealed, error_offset) }?),
        };
        // SAFETY: checked by check_out above.
        unsafe { write_len(out_len, written) }
    })
}

/// Open the frame `frame[0..len]` as a receiver holding the 16-byte `key` with id `key_id` for its
/// sender, and that key's replay window `*state`: the frame's own checks, then the security
/// field, suite, key id, tag (constant time) and counter, in the order of [SEC-026]. `policy` is
/// `GASDEV_POLICY_REQUIRED` or the discouraged `GASDEV_POLICY_LEGACY_ACCEPT_UNAUTHENTICATED`.
///
/// On success `*state` records the counter and the optional `*auth` says how the frame was
/// authenticated; decode it with `gasdev_frame_decode`. On error (`FRAME_UNAUTHENTICATED`,
/// `FRAME_BAD_TAG`, `FRAME_REPLAY`, …, with the offset in the optional `*error_offset`) `*state`
/// is unchanged, and a device MUST NOT act on the frame. `GASDEV_RESULT_INVALID_PARAMETER` for an
/// unknown policy, a state that `gasdev_replay_state_init` would not make, or outputs that overlap
/// the inputs or each other.
///
/// # Safety
/// `frame` is valid for reads of `len` bytes, `key` of 16 bytes; `state` is valid for reads and
/// writes; `auth` and `error_offset` are NULL or valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gasdev_frame_open(
    frame: *const u8,
    len: usize,
    key: *const u8,
    key_id: u8,
    state: *mut gasdev_replay_state,
    policy: u32,
    auth: *mut gasdev_frame_auth,
    error_offset: *mut usize,
) -> gasdev_result {
    guard(|| {
        check_out(state)?;
        // SAFETY: `frame` valid for `len` bytes, `key` for 16 (caller contract).
        let (input, k) = unsafe { frame_and_key(frame, len, key) }?;
        let policy = match policy {
            GASDEV_POLICY_REQUIRED => Policy::Required,
            GASDEV_POLICY_LEGACY_ACCEPT_UNAUTHENTICATED => Policy::LegacyAcceptUnauthenticated,
            _ => return Err(gasdev_result::InvalidParameter),
        };
        // Every output apart from every input and every other output (NULL optional outputs are
        // empty spans).
        disjoint(
            &[Span::of(input), Span::raw(key, GASDEV_KEY_LEN)],
            &[
                Span::ptr(state.cast_const()),
                Span::ptr(auth.cast_const()),
                Span::ptr(error_offset.cast_const()),
            ],
        )?;
        // SAFETY: non-NULL and aligned (check_out above), valid for reads (caller contract), and
        // disjoint from every other argument (checked above); copied, not borrowed.
        let current = unsafe { state.read() };
        let mut slot = KeySlot {
            key_id,
            key: k,
            window: window_of(&current)?,
        };
        // SAFETY: NULL or valid for a write (caller contract).
        let opened = unsafe { reject_at(secure::open(input, &mut slot, policy), error_offset) }?;
        let a = match opened.auth {
            Authentication::Authenticated { key_id, counter } => gasdev_frame_auth {
                authenticated: true,
                key_id,
                counter,
            },
            Authentication::None => gasdev_frame_auth {
                authenticated: false,
                key_id: 0,
                counter: 0,
            },
        };
        // SAFETY: checked by check_out above.
        unsafe { write(state, state_of(&slot.window)) };
        // SAFETY: NULL or valid for a write (caller contract).
        unsafe { write_opt(auth, a) };
        Ok(())
    })
}

/// Derive the 16-byte key of the device with identifier `identifier[0..len]` (its active `88.`
/// identifier exactly as announced) and `key_id` from the 16-byte `master` key into `out`
/// (16 bytes): NIST SP 800-108 counter mode over CMAC-SM4 [SEC-052]. Never log either key.
///
/// Errors: `GASDEV_RESULT_FRAME_UNKNOWN_KEY_ID` (key id 0), `GASDEV_RESULT_IDENT_EMPTY`,
/// `GASDEV_RESULT_IDENT_TOO_LONG` (over 254 bytes), `GASDEV_RESULT_INVALID_PARAMETER` when `out`
/// overlaps an input.
///
/// # Safety
/// `master` and `out` are valid for 16 bytes (reads, writes); `identifier` for reads of `len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gasdev_frame_derive_key(
    master: *const u8,
    key_id: u8,
    identifier: *const u8,
    len: usize,
    out: *mut u8,
) -> gasdev_result {
    guard(|| {
        // SAFETY: valid for 16 bytes (caller contract).
        let m = unsafe { key_in(master) }?;
        // SAFETY: valid for `len` bytes (caller contract).
        let ident = unsafe { bytes(identifier, len) }?;
        let inputs = [Span::raw(master, GASDEV_KEY_LEN), Span::of(ident)];
        // SAFETY: `out` valid for 16 bytes (caller contract); overlap with the inputs checked.
        let buf = unsafe { buffer(out, GASDEV_KEY_LEN, &inputs) }?;
        let k = secure::derive_device_key(&m, key_id, ident)
            .map_err(|e| gasdev_result::from_code(e.code()))?;
        buf.copy_from_slice(k.expose_bytes());
        Ok(())
    })
}
