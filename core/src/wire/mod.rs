//! The libgasdev frame: the open access standard (公开接入标准, PLT-3) for alarms, valves and
//! platforms. Normative text: `spec/frame.md`; requirement ids `[FRAME-nnn]` are cited in the code.
//!
//! Layers, smoltcp style:
//!
//! - [`Frame`]: a zero-copy view of a buffer with field accessors, [`Frame::check_len`],
//!   [`Frame::verify_crc`] and [`Frame::fill_crc`];
//! - [`FrameRepr`]: the typed, validated form with [`FrameRepr::parse`],
//!   [`FrameRepr::buffer_len`] and [`FrameRepr::emit`] into a caller buffer;
//! - `msg`: one module per message type (`status`, `event`, `identity`, `command`, `ack`, `nak`,
//!   `unknown`, and `snapshot` for the state TLVs status and event share), each with its parse,
//!   length, validation and emit side by side; `FrameRepr` dispatches on the type byte;
//! - [`TlvIter`] / [`Tlvs`]: the extensible part of a body; unknown TLVs are kept;
//! - [`StreamDecoder`]: finds frames in a byte stream and resynchronises after garbage;
//! - [`decode`]: exactly one frame from a whole input;
//! - `validate` (needs `alloc`): a frame against a product declaration.
//!
//! ## Contract
//!
//! No function of this module panics, on any input, and none allocates except `validate` and
//! the JSON form (`alloc`). If [`Frame::check_len`] returned `Ok`, every accessor returns the
//! frame's real field; on other buffers accessors return 0. [`FrameRepr::emit`] validates first
//! and never writes a frame that would not parse back to the same value; the encoding is
//! canonical, so `emit(parse(f)) == f` for every valid frame `f` [FRAME-008].
//!
//! A command that would open a self-closing valve (or clear its manual-reset latch) has no
//! [`Command`] variant and cannot be emitted; decoding one fails with `FRAME_FORBIDDEN_COMMAND`
//! (附件3 二: "关闭后须手动开启", VLV-0e).

mod codes;
mod error;
mod frame;
mod msg;
mod repr;
mod stream;
mod tlv;

#[cfg(feature = "serde")]
mod serde_impl;

#[cfg(all(feature = "serde", feature = "alloc"))]
pub mod json;

#[cfg(feature = "alloc")]
mod validate;

pub use codes::{
    MessageType, gas_from, kind_from, level_from, tier_from, trip_code, trip_from, valve_state_from,
};
pub use error::{EmitError, Error, ErrorKind};
pub use frame::{
    CRC_ALGORITHM, CRC_LEN, Frame, HEADER_LEN, MAGIC, MAX_BODY_LEN, MAX_FRAME_LEN, MIN_FRAME_LEN,
    VERSION, crc32c,
};
pub use repr::{
    Ack, Capability, CapabilitySet, CarrierKind, Command, CommandCode, CommandRequest, Event,
    EventReport, FaultKind, FrameRepr, Identifier, Identifiers, Identity, Message, Nak, NakReason,
    REPORT_INTERVAL_RANGE, RaisedLevel, Snapshot, StatusReport, Timestamp, UnknownMessage,
    command_code, event_code, identity_tlv, snapshot_tlv,
};
pub use stream::{StreamDecoder, StreamEvent};
pub use tlv::{Tlv, TlvIter, Tlvs};

#[cfg(feature = "alloc")]
pub use validate::{FrameFinding, validate};

/// Decode exactly one frame that fills `bytes`: header, length, CRC, no trailing bytes, message.
///
/// # Errors
/// The first problem, in this order: header and length ([`Frame::check_len`]), `FRAME_BAD_CRC`,
/// `FRAME_TRAILING_BYTES` (offset = end of the frame), then the message's own errors.
pub fn decode(bytes: &[u8]) -> Result<FrameRepr<'_>, Error> {
    let frame = Frame::new_checked(bytes)?;
    if !frame.verify_crc() {
        return Err(Error::new(
            ErrorKind::BadCrc,
            frame.total_len().saturating_sub(CRC_LEN),
        ));
    }
    if bytes.len() > frame.total_len() {
        return Err(Error::new(ErrorKind::TrailingBytes, frame.total_len()));
    }
    FrameRepr::parse_verified(&frame)
}
