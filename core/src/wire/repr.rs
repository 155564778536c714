//! The typed, validated form of a frame: [`FrameRepr`] with `parse`, `buffer_len` and `emit`.
//!
//! `parse` checks everything the specification defines and returns the first problem with its
//! byte offset; `emit` validates the same rules first and never writes a frame that would not
//! parse back to the same value. For every valid frame `f`, `emit(parse(f)) == f` byte for byte
//! (the encoding is canonical, [FRAME-008]).

//!
//! Each message type lives in its own module under `super::msg` with its parse, length,
//! validation and emit; this module reads and writes the header and dispatches on the type byte.

use super::codes::MessageType;
use super::error::{EmitError, Error, ErrorKind};
use super::frame::{CRC_LEN, Frame, HEADER_LEN, MAGIC, MAX_FRAME_LEN, VERSION, field};
use super::msg::{Invalid, Reader, Writer};

pub use super::msg::ack::Ack;
pub use super::msg::command::{
    Command, CommandCode, CommandRequest, REPORT_INTERVAL_RANGE, command_code,
};
pub use super::msg::event::{Event, EventReport, FaultKind, RaisedLevel, event_code};
pub use super::msg::identity::{
    Capability, CapabilitySet, CarrierKind, Identifier, Identifiers, Identity, identity_tlv,
};
pub use super::msg::nak::{Nak, NakReason};
pub use super::msg::snapshot::{Snapshot, snapshot_tlv};
pub use super::msg::status::StatusReport;
pub use super::msg::unknown::UnknownMessage;

/// A frame timestamp: Unix seconds (UTC), or unknown when the device's clock is not set
/// (wire value 0, [FRAME-005]). Never confused with 1970-01-01.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Timestamp(u32);

impl Timestamp {
    /// The device's clock is not set.
    pub const UNKNOWN: Timestamp = Timestamp(0);

    /// A known time, in Unix seconds; `Unix 0` is treated as unknown.
    pub const fn from_unix(seconds: u32) -> Timestamp {
        Timestamp(seconds)
    }

    /// The time in Unix seconds, if known.
    pub const fn unix(self) -> Option<u32> {
        if self.0 == 0 { None } else { Some(self.0) }
    }

    /// The wire value (0 = unknown).
    pub const fn to_wire(self) -> u32 {
        self.0
    }
}

/// A decoded frame: the header fields every message has, and the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FrameRepr<'a> {
    /// Sequence number, wrapping, per sender [FRAME-004].
    pub seq: u16,
    /// When the frame was made [FRAME-005].
    pub timestamp: Timestamp,
    /// The message.
    pub message: Message<'a>,
}

/// The message a frame carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Message<'a> {
    /// Status report (heartbeat) [FRAME-040].
    Status(StatusReport<'a>),
    /// Event [FRAME-050].
    Event(EventReport<'a>),
    /// Identity announcement [FRAME-060].
    Identity(Identity<'a>),
    /// Command [FRAME-070].
    Command(CommandRequest<'a>),
    /// Acknowledgement [FRAME-080].
    Ack(Ack<'a>),
    /// Negative acknowledgement [FRAME-081].
    Nak(Nak<'a>),
    /// A message type this version does not define, kept as it came [FRAME-011].
    Unknown(UnknownMessage<'a>),
}

impl Message<'_> {
    /// The message type byte.
    pub const fn type_code(&self) -> u8 {
        match self {
            Message::Status(_) => MessageType::Status.code(),
            Message::Event(_) => MessageType::Event.code(),
            Message::Identity(_) => MessageType::Identity.code(),
            Message::Command(_) => MessageType::Command.code(),
            Message::Ack(_) => MessageType::Ack.code(),
            Message::Nak(_) => MessageType::Nak.code(),
            Message::Unknown(u) => u.msg_type,
        }
    }
}

impl<'a> FrameRepr<'a> {
    /// Parse a frame: header, CRC, then the message. The buffer may extend past the frame (see
    /// [`super::decode`] for the strict whole-input form).
    ///
    /// # Errors
    /// The first problem found, with its byte offset: header problems as
    /// [`Frame::check_len`], then `FRAME_BAD_CRC` (offset of the CRC), then the message's.
    pub fn parse<T: AsRef<[u8]> + ?Sized>(frame: &Frame<&'a T>) -> Result<FrameRepr<'a>, Error> {
        frame.check_len()?;
        if !frame.verify_crc() {
            return Err(Error::new(
                ErrorKind::BadCrc,
                frame.total_len().saturating_sub(CRC_LEN),
            ));
        }
        FrameRepr::parse_verified(frame)
    }

    /// Parse a frame without checking its CRC: for a frame whose integrity a lower layer already
    /// guarantees (a link with its own check, a frame this program just emitted). The header
    /// and length are checked as in [`parse`](Self::parse).
    ///
    /// # Errors
    /// As [`parse`](Self::parse), without `FRAME_BAD_CRC`.
    pub fn parse_unverified<T: AsRef<[u8]> + ?Sized>(
        frame: &Frame<&'a T>,
    ) -> Result<FrameRepr<'a>, Error> {
        frame.check_len()?;
        FrameRepr::parse_verified(frame)
    }

    /// Parse the message of a frame whose header, length and CRC were already checked.
    pub(crate) fn parse_verified<T: AsRef<[u8]> + ?Sized>(
        frame: &Frame<&'a T>,
    ) -> Result<FrameRepr<'a>, Error> {
        let message = Message::parse(frame.msg_type(), frame.body())?;
        Ok(FrameRepr {
            seq: frame.seq(),
            timestamp: Timestamp(frame.timestamp()),
            message,
        })
    }

    /// The number of bytes [`emit`](Self::emit) writes (it may exceed 256 for a frame that
    /// cannot be emitted).
    pub fn buffer_len(&self) -> usize {
        HEADER_LEN
            .saturating_add(self.message.body_len())
            .saturating_add(CRC_LEN)
    }

    /// Check that the frame can be emitted: every rule [`parse`](Self::parse) checks.
    ///
    /// # Errors
    /// The first rule broken.
    pub fn validate(&self) -> Result<(), EmitError> {
        self.message.check().map_err(|(e, _)| e)?;
        if self.buffer_len() > MAX_FRAME_LEN {
            return Err(EmitError::Oversize);
        }
        Ok(())
    }

    /// Write the frame, CRC included, at the start of `buf`; return its length.
    ///
    /// # Errors
    /// [`EmitError::BufferTooSmall`] if `buf` is shorter than [`buffer_len`](Self::buffer_len);
    /// any [`validate`](Self::validate) error. Nothing is written on error.
    pub fn emit(&self, buf: &mut [u8]) -> Result<usize, EmitError> {
        self.validate()?;
        let len = self.buffer_len();
        let out = buf
            .get_mut(..len)
            .ok_or(EmitError::BufferTooSmall { needed: len })?;
        let mut w = Writer {
            buf: &mut *out,
            pos: 0,
        };
        w.put(&MAGIC);
        w.put(&[VERSION]);
        // validate() bounded len to 256, so the length byte fits.
        w.put(&[u8::try_from(len.saturating_sub(field::COUNTED_FROM + CRC_LEN)).unwrap_or(0)]);
        w.put(&[self.message.type_code()]);
        w.put(&self.seq.to_be_bytes());
        w.put(&self.timestamp.to_wire().to_be_bytes());
        self.message.emit_body(&mut w);
        let mut frame = Frame::new_unchecked(out);
        frame.fill_crc();
        Ok(len)
    }
}

impl<'a> Message<'a> {
    /// Parse the body of a message of type `ty`; the body starts at frame offset `HEADER_LEN`.
    // 64-bit hosts: inlined into the caller, so the result is built in place instead of being
    // written field by field and read back whole (a store-forwarding stall that was a quarter of
    // decode time).
    #[cfg_attr(target_pointer_width = "64", inline(always))]
    fn parse(ty: u8, body: &'a [u8]) -> Result<Message<'a>, Error> {
        let r = Reader {
            rest: body,
            at: HEADER_LEN,
        };
        let Some(mt) = MessageType::from_code(ty) else {
            if ty == 0 {
                return Err(Error::new(ErrorKind::BadField, field::TYPE));
            }
            return Ok(Message::Unknown(UnknownMessage { msg_type: ty, body }));
        };
        // Device profile (feature `device`, spec/security.md [SEC-070]): a device receives
        // commands only, so the other types stay uninterpreted, as a type it does not know, and
        // their decoders are not linked.
        #[cfg(feature = "device")]
        if mt != MessageType::Command {
            return Ok(Message::Unknown(UnknownMessage { msg_type: ty, body }));
        }
        Ok(match mt {
            MessageType::Status => Message::Status(StatusReport::parse(r)?),
            MessageType::Event => Message::Event(EventReport::parse(r)?),
            MessageType::Identity => Message::Identity(Identity::parse(r)?),
            MessageType::Command => Message::Command(CommandRequest::parse(r)?),
            MessageType::Ack => Message::Ack(Ack::parse(r)?),
            MessageType::Nak => Message::Nak(Nak::parse(r)?),
        })
    }

    /// The number of body bytes `emit_body` writes.
    fn body_len(&self) -> usize {
        match self {
            Message::Status(m) => m.body_len(),
            Message::Event(m) => m.body_len(),
            Message::Identity(m) => m.body_len(),
            Message::Command(m) => m.body_len(),
            Message::Ack(m) => m.body_len(),
            Message::Nak(m) => m.body_len(),
            Message::Unknown(m) => m.body_len(),
        }
    }

    /// Every rule `parse` checks, with the field the message breaks.
    fn check(&self) -> Result<(), Invalid> {
        match self {
            Message::Status(m) => m.check(),
            Message::Event(m) => m.check(),
            Message::Identity(m) => m.check(),
            Message::Command(m) => m.check(),
            Message::Ack(m) => m.check(),
            Message::Nak(m) => m.check(),
            Message::Unknown(m) => m.check(),
        }
    }

    /// Write the body of a message `check` accepted.
    fn emit_body(&self, w: &mut Writer<'_>) {
        match self {
            Message::Status(m) => m.emit(w),
            Message::Event(m) => m.emit(w),
            Message::Identity(m) => m.emit(w),
            Message::Command(m) => m.emit(w),
            Message::Ack(m) => m.emit(w),
            Message::Nak(m) => m.emit(w),
            Message::Unknown(m) => m.emit(w),
        }
    }
}

/// The JSON path (`spec/frame.md` §8) of the field that makes `m` impossible to emit, so that an
/// encoder error names it (`gasdev encode`); `None` when the message is valid.
#[cfg(all(feature = "serde", feature = "alloc"))]
pub(crate) fn invalid_field(m: &Message<'_>) -> Option<&'static str> {
    m.check().err().map(|(_, f)| f.path())
}
