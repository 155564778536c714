//! Authenticated frames (`spec/security.md`, feature `secure`): seal a frame with SM4-CMAC, open
//! and verify it against a caller-owned replay window, derive per-device keys. Requirement ids
//! `[SEC-nnn]` are cited next to the code that applies them.
//!
//! - [`seal`]: a valid frame in, the same frame with the security TLV (type 255: suite, key id,
//!   counter, 8-byte tag) and a new CRC out, written into the caller's buffer [SEC-025];
//! - [`open`]: the frame checked as `spec/frame.md` says, then the security field, suite, key id,
//!   tag (constant time) and counter, in the order of [SEC-026]; only then is the replay window
//!   updated;
//! - [`ReplayWindow`]: highest counter and bitmap, sans IO [SEC-040];
//! - [`derive_device_key`]: NIST SP 800-108 counter mode over CMAC-SM4 [SEC-052];
//! - [`FrameKey`]: never printed, zeroised on drop [SEC-054].
//!
//! No function here panics or allocates. Authentication is required unless the caller passes the
//! named [`Policy::LegacyAcceptUnauthenticated`] [SEC-031].

mod cmac;
mod kdf;
mod replay;
mod suite;

pub use kdf::{KDF_LABEL, KdfError, MAX_IDENTIFIER_LEN, derive_device_key};
pub use replay::{COUNTER_EXHAUSTED, CounterError, ReplayWindow, WindowConfig};
pub use suite::{FrameKey, KEY_LEN, SUITE_SM4_CMAC, TAG_LEN};

use crate::ErrorCode;
use crate::wire::{self, CRC_LEN, FrameRepr, MAX_FRAME_LEN, Message, TlvIter};

/// The TLV type of the security field [SEC-020].
pub const SECURITY_TLV_TYPE: u8 = 0xFF;
/// The value length of the security TLV [SEC-020].
pub const SECURITY_TLV_VALUE_LEN: u8 = 14;
/// The whole security TLV, type and length included: what sealing adds to a frame.
pub const SECURITY_TLV_LEN: usize = 16;

/// What is wrong with a frame to open or seal. Each kind has one stable name in `spec/errors.json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The frame itself is invalid (`spec/frame.md`) [SEC-026] 1.
    Frame(wire::ErrorKind),
    /// No security TLV where authentication is required (`FRAME_UNAUTHENTICATED`) [SEC-030].
    Unauthenticated,
    /// A type-255 TLV of length ≠ 14, or a frame to seal that has one (`FRAME_BAD_SECURITY`) [SEC-021].
    BadSecurity,
    /// A suite other than SM4-CMAC (`FRAME_UNKNOWN_SUITE`) [SEC-022].
    UnknownSuite,
    /// Key id 0 or a key the receiver does not hold (`FRAME_UNKNOWN_KEY_ID`) [SEC-050].
    UnknownKeyId,
    /// The tag does not verify (`FRAME_BAD_TAG`) [SEC-024].
    BadTag,
    /// A counter already accepted or older than the window (`FRAME_REPLAY`) [SEC-040].
    Replay,
    /// A counter too far ahead (`FRAME_COUNTER_JUMP`) [SEC-041].
    CounterJump,
    /// The counter `FFFFFFFF` (`FRAME_COUNTER_EXHAUSTED`) [SEC-042].
    CounterExhausted,
    /// The caller's output buffer is too short (`BUFFER_TOO_SMALL`); the offset is the number of
    /// bytes needed.
    BufferTooSmall,
}

impl ErrorKind {
    /// The shared error code.
    pub const fn code(self) -> ErrorCode {
        match self {
            ErrorKind::Frame(kind) => kind.code(),
            ErrorKind::Unauthenticated => ErrorCode::FrameUnauthenticated,
            ErrorKind::BadSecurity => ErrorCode::FrameBadSecurity,
            ErrorKind::UnknownSuite => ErrorCode::FrameUnknownSuite,
            ErrorKind::UnknownKeyId => ErrorCode::FrameUnknownKeyId,
            ErrorKind::BadTag => ErrorCode::FrameBadTag,
            ErrorKind::Replay => ErrorCode::FrameReplay,
            ErrorKind::CounterJump => ErrorCode::FrameCounterJump,
            ErrorKind::CounterExhausted => ErrorCode::FrameCounterExhausted,
            ErrorKind::BufferTooSmall => ErrorCode::BufferTooSmall,
        }
    }
}

crate::error::located_error!(
    /// A frame that cannot be opened or sealed: what is wrong and the byte offset where it was
    /// found.
    Error(ErrorKind),
    "The byte offset from the frame's first byte (for `BUFFER_TOO_SMALL`: the bytes needed).",
    "The shared error code."
);

impl From<wire::Error> for Error {
    fn from(e: wire::Error) -> Error {
        Error::new(ErrorKind::Frame(e.kind()), e.offset())
    }
}

/// Whether a receiver accepts frames without the security TLV.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Policy {
    /// Every frame must be authenticated [SEC-030] (the default).
    #[default]
    Required,
    /// **Legacy mode, discouraged** [SEC-031]: a frame without the security TLV is returned as
    /// [`Authentication::None`]; a frame with one is still verified in full.
    LegacyAcceptUnauthenticated,
}

/// How an opened frame was authenticated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Authentication {
    /// The tag verified with this key and the counter was fresh.
    Authenticated {
        /// The key id [SEC-050].
        key_id: u8,
        /// The sender's counter [SEC-040].
        counter: u32,
    },
    /// No security TLV, accepted only under [`Policy::LegacyAcceptUnauthenticated`].
    None,
}

/// A frame that passed [`open`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[must_use]
pub struct Opened<'a> {
    /// The decoded frame; its extensions still hold the security TLV (type 255) [FRAME-022].
    pub frame: FrameRepr<'a>,
    /// How it was authenticated.
    pub auth: Authentication,
}

/// The keys a receiver holds for one sender, each with its own replay window [SEC-053].
pub trait KeyStore {
    /// The key with id `key_id` and its replay window, or `None` if the receiver holds no such key.
    fn lookup(&mut self, key_id: u8) -> Option<(&FrameKey, &mut ReplayWindow)>;
}

/// One key, its id and its replay window: the usual receiver state for one sender.
#[derive(Debug)]
pub struct KeySlot {
    /// The key id, 1..=255 (a slot with id 0 never matches) [SEC-050].
    pub key_id: u8,
    /// The key.
    pub key: FrameKey,
    /// The window of this key's counters.
    pub window: ReplayWindow,
}

impl KeySlot {
    /// A slot with a fresh window.
    pub const fn new(key_id: u8, key: FrameKey, config: WindowConfig) -> KeySlot {
        KeySlot {
            key_id,
            key,
            window: ReplayWindow::new(config),
        }
    }
}

impl KeyStore for KeySlot {
    fn lookup(&mut self, key_id: u8) -> Option<(&FrameKey, &mut ReplayWindow)> {
        (key_id != 0 && key_id == self.key_id).then_some((&self.key, &mut self.window))
    }
}

/// Several keys for one sender (a key change in progress [SEC-053]).
impl KeyStore for [KeySlot] {
    fn lookup(&mut self, key_id: u8) -> Option<(&FrameKey, &mut ReplayWindow)> {
        self.iter_mut()
            .find(|s| s.key_id != 0 && s.key_id == key_id)
            .map(|s| (&s.key, &mut s.window))
    }
}

/// Where the security TLV starts in a decoded frame, `None` if it has none [SEC-021].
fn locate(frame: &FrameRepr<'_>, total_len: usize) -> Result<Option<usize>, Error> {
    let body_end = total_len.saturating_sub(CRC_LEN);
    let extensions = match &frame.message {
        Message::Status(s) => s.extensions,
        Message::Event(e) => e.extensions,
        Message::Identity(i) => i.extensions,
        Message::Command(c) => c.extensions,
        Message::Ack(a) => a.extensions,
        Message::Nak(n) => n.extensions,
        Message::Unknown(u) => {
            // [SEC-021] an uninterpreted body: its last 16 bytes, if they start with FF 0E.
            let at = u.body.len().checked_sub(SECURITY_TLV_LEN);
            let start = at.and_then(|at| u.body.get(at..at + 2));
            return Ok(match start {
                Some([SECURITY_TLV_TYPE, SECURITY_TLV_VALUE_LEN]) => {
                    Some(body_end.saturating_sub(SECURITY_TLV_LEN))
                }
                _ => None,
            });
        }
    };
    let bytes = extensions.as_bytes();
    let base = body_end.saturating_sub(bytes.len());
    let mut iter = TlvIter::with_base(bytes, base);
    while let Some(next) = iter.next_with_offset() {
        let (at, tlv) = next?;
        if tlv.ty == SECURITY_TLV_TYPE {
            if tlv.value.len() != usize::from(SECURITY_TLV_VALUE_LEN)
                || at.saturating_add(SECURITY_TLV_LEN) != body_end
            {
                return Err(Error::new(ErrorKind::BadSecurity, at));
            }
            return Ok(Some(at));
        }
    }
    Ok(None)
}

/// Open a frame that must fill `bytes`: verify it as `spec/frame.md` says, then its security field,
/// suite, key id, tag and counter [SEC-026]; on success the key's replay window records the counter.
///
/// # Errors
/// The first problem, in the order of [SEC-026], with its offset. The window is unchanged on error.
pub fn open<'a, K: KeyStore + ?Sized>(
    bytes: &'a [u8],
    keys: &mut K,
    policy: Policy,
) -> Result<Opened<'a>, Error> {
    let frame = wire::decode(bytes)?;
    let total_len = usize::from(wire::Frame::new_unchecked(bytes).length()).saturating_add(8);
    let body_end = total_len.saturating_sub(CRC_LEN);
    let Some(at) = locate(&frame, total_len)? else {
        return match policy {
            Policy::Required => Err(Error::new(ErrorKind::Unauthenticated, body_end)),
            Policy::LegacyAcceptUnauthenticated => Ok(Opened {
                frame,
                auth: Authentication::None,
            }),
        };
    };
    let field = bytes
        .get(at..body_end)
        .ok_or(Error::new(ErrorKind::BadSecurity, at))?;
    let (suite, key_id, counter, tag) = match field {
        [_, _, suite, key_id, c0, c1, c2, c3, tag @ ..] => (
            *suite,
            *key_id,
            u32::from_be_bytes([*c0, *c1, *c2, *c3]),
            tag,
        ),
        _ => return Err(Error::new(ErrorKind::BadSecurity, at)),
    };
    if suite != SUITE_SM4_CMAC {
        return Err(Error::new(ErrorKind::UnknownSuite, at + 2));
    }
    let Some((key, window)) = keys.lookup(key_id) else {
        return Err(Error::new(ErrorKind::UnknownKeyId, at + 3));
    };
    // [SEC-024] every byte before the tag; compared in constant time.
    let covered = bytes
        .get(..at + 8)
        .ok_or(Error::new(ErrorKind::BadSecurity, at))?;
    if !key.verify(covered, tag) {
        return Err(Error::new(ErrorKind::BadTag, at + 8));
    }
    // [SEC-040]..[SEC-042] only an authenticated counter is examined, and recorded last.
    window.accept(counter).map_err(|e| {
        let kind = match e {
            CounterError::Replay => ErrorKind::Replay,
            CounterError::Jump => ErrorKind::CounterJump,
            CounterError::Exhausted => ErrorKind::CounterExhausted,
        };
        Error::new(kind, at + 4)
    })?;
    Ok(Opened {
        frame,
        auth: Authentication::Authenticated { key_id, counter },
    })
}

/// The length of `frame` once sealed: 16 bytes more [SEC-020].
pub const fn sealed_len(frame_len: usize) -> usize {
    frame_len.saturating_add(SECURITY_TLV_LEN)
}

/// Seal a valid, unauthenticated frame that fills `frame`: append the security TLV with `key_id`
/// and `counter`, raise the length byte, compute the tag and the CRC, all into `out` [SEC-025].
/// Returns the sealed frame's length.
///
/// # Errors
/// The frame's own errors ([FRAME-009]); `FRAME_BAD_SECURITY` if it already has a type-255 TLV;
/// `FRAME_UNKNOWN_KEY_ID` for key id 0; `FRAME_COUNTER_EXHAUSTED` for counter `FFFFFFFF`;
/// `FRAME_OVERSIZE` (offset 3) if the sealed frame would exceed 256 bytes; `BUFFER_TOO_SMALL`
/// (offset = bytes needed). `out` is unchanged on error.
pub fn seal(
    frame: &[u8],
    key: &FrameKey,
    key_id: u8,
    counter: u32,
    out: &mut [u8],
) -> Result<usize, Error> {
    let repr = wire::decode(frame)?;
    let total_len = frame.len();
    let body_end = total_len.saturating_sub(CRC_LEN);
    if let Some(at) = locate(&repr, total_len)? {
        return Err(Error::new(ErrorKind::BadSecurity, at));
    }
    if key_id == 0 {
        return Err(Error::new(ErrorKind::UnknownKeyId, body_end + 3));
    }
    if counter == COUNTER_EXHAUSTED {
        return Err(Error::new(ErrorKind::CounterExhausted, body_end + 4));
    }
    let sealed = sealed_len(total_len);
    if sealed > MAX_FRAME_LEN {
        return Err(Error::new(ErrorKind::Frame(wire::ErrorKind::Oversize), 3));
    }
    let too_small = Error::new(ErrorKind::BufferTooSmall, sealed);
    let out = out.get_mut(..sealed).ok_or(too_small)?;
    let (head, crc) = out
        .split_at_mut_checked(sealed - CRC_LEN)
        .ok_or(too_small)?;
    {
        let (covered, tag_out) = head.split_at_mut_checked(body_end + 8).ok_or(too_small)?;
        let (unsealed, field) = covered.split_at_mut_checked(body_end).ok_or(too_small)?;
        unsealed.copy_from_slice(frame.get(..body_end).ok_or(too_small)?);
        let [c0, c1, c2, c3] = counter.to_be_bytes();
        field.copy_from_slice(&[
            SECURITY_TLV_TYPE,
            SECURITY_TLV_VALUE_LEN,
            SUITE_SM4_CMAC,
            key_id,
            c0,
            c1,
            c2,
            c3,
        ]);
        // The length byte counts the security TLV [SEC-020]; `sealed` ≤ 256, so it fits.
        if let Some(len) = covered.get_mut(3) {
            *len = u8::try_from(sealed - 8).unwrap_or(u8::MAX);
        }
        // [SEC-024] the tag covers every byte before it.
        tag_out.copy_from_slice(&key.tag(covered));
    }
    // [FRAME-006] the CRC covers the tag.
    crc.copy_from_slice(&wire::crc32c(head).to_be_bytes());
    Ok(sealed)
}
