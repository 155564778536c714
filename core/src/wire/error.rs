//! Errors of the frame codec: one type for parsing ([`Error`]), one for emitting ([`EmitError`]).

use crate::ErrorCode;

/// What is wrong with a frame. Each kind has one stable name in `spec/errors.json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The buffer ends before the frame does (`FRAME_TRUNCATED`).
    Truncated,
    /// The first two bytes are not `47 44` (`FRAME_BAD_MAGIC`).
    BadMagic,
    /// The version byte is not [`super::VERSION`] (`FRAME_BAD_VERSION`).
    BadVersion,
    /// The length field is too short for the header or the message's fixed part (`FRAME_BAD_LENGTH`).
    BadLength,
    /// The frame would exceed [`super::MAX_FRAME_LEN`] bytes (`FRAME_OVERSIZE`).
    Oversize,
    /// The CRC-32C does not match (`FRAME_BAD_CRC`).
    BadCrc,
    /// Bytes follow the frame where the input should end (`FRAME_TRAILING_BYTES`).
    TrailingBytes,
    /// A fixed field holds an undefined code or a reserved bit (`FRAME_BAD_FIELD`).
    BadField,
    /// A TLV runs past the end of the body (`FRAME_TLV_TRUNCATED`).
    TlvTruncated,
    /// TLV types out of ascending order, repeated, or 0 (`FRAME_TLV_ORDER`).
    TlvOrder,
    /// A known TLV has a length its type does not allow (`FRAME_TLV_LENGTH`).
    TlvLength,
    /// A required TLV is absent (`FRAME_MISSING_FIELD`).
    MissingField,
    /// A text TLV is not UTF-8 (`FRAME_BAD_UTF8`).
    BadUtf8,
    /// A concentration above its unit's maximum, or an invalid LEL basis (`FRAME_BAD_CONCENTRATION`).
    BadConcentration,
    /// A trip reason or latch on a valve that is not closed (`FRAME_INCONSISTENT_VALVE`).
    InconsistentValve,
    /// A command code this version does not define (`FRAME_UNKNOWN_COMMAND`).
    UnknownCommand,
    /// A command that would open or unlatch a valve remotely, VLV-0e (`FRAME_FORBIDDEN_COMMAND`).
    ForbiddenCommand,
}

impl ErrorKind {
    /// The shared error code.
    pub const fn code(self) -> ErrorCode {
        match self {
            ErrorKind::Truncated => ErrorCode::FrameTruncated,
            ErrorKind::BadMagic => ErrorCode::FrameBadMagic,
            ErrorKind::BadVersion => ErrorCode::FrameBadVersion,
            ErrorKind::BadLength => ErrorCode::FrameBadLength,
            ErrorKind::Oversize => ErrorCode::FrameOversize,
            ErrorKind::BadCrc => ErrorCode::FrameBadCrc,
            ErrorKind::TrailingBytes => ErrorCode::FrameTrailingBytes,
            ErrorKind::BadField => ErrorCode::FrameBadField,
            ErrorKind::TlvTruncated => ErrorCode::FrameTlvTruncated,
            ErrorKind::TlvOrder => ErrorCode::FrameTlvOrder,
            ErrorKind::TlvLength => ErrorCode::FrameTlvLength,
            ErrorKind::MissingField => ErrorCode::FrameMissingField,
            ErrorKind::BadUtf8 => ErrorCode::FrameBadUtf8,
            ErrorKind::BadConcentration => ErrorCode::FrameBadConcentration,
            ErrorKind::InconsistentValve => ErrorCode::FrameInconsistentValve,
            ErrorKind::UnknownCommand => ErrorCode::FrameUnknownCommand,
            ErrorKind::ForbiddenCommand => ErrorCode::FrameForbiddenCommand,
        }
    }
}

crate::error::located_error!(
    /// A frame that cannot be decoded: what is wrong and the byte offset (from the frame's first
    /// byte) where it was found.
    Error(ErrorKind),
    "The byte offset, from the first byte of the frame, where the problem was found.",
    "The shared error code (`FRAME_*`)."
);

impl Error {
    /// The same error with its offset moved by `base` bytes (saturating).
    pub(crate) const fn shifted(self, base: usize) -> Error {
        Error {
            kind: self.kind,
            offset: self.offset.saturating_add(base),
        }
    }
}

/// Why a [`super::FrameRepr`] cannot be emitted. Emitting never writes a frame that would not
/// decode to the same representation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EmitError {
    /// The caller's buffer is shorter than [`super::FrameRepr::buffer_len`] (`BUFFER_TOO_SMALL`).
    BufferTooSmall {
        /// The number of bytes the frame needs.
        needed: usize,
    },
    /// The frame would exceed 256 bytes, or a TLV value 255 bytes (`FRAME_OVERSIZE`).
    Oversize,
    /// A value outside its defined range: an empty text, an out-of-range interval or duration, an
    /// extension TLV whose type the message defines, or an unknown message or event whose code
    /// is assigned (`FRAME_BAD_FIELD`).
    BadField,
    /// A concentration above its unit's maximum (`FRAME_BAD_CONCENTRATION`).
    BadConcentration,
    /// A [`crate::model::ValveStatus`] that breaks its invariants (`FRAME_INCONSISTENT_VALVE`).
    InconsistentValve,
    /// A required part is absent: an identity without an identifier (`FRAME_MISSING_FIELD`).
    MissingField,
}

impl EmitError {
    /// The shared error code.
    pub const fn code(self) -> ErrorCode {
        match self {
            EmitError::BufferTooSmall { .. } => ErrorCode::BufferTooSmall,
            EmitError::Oversize => ErrorCode::FrameOversize,
            EmitError::BadField => ErrorCode::FrameBadField,
            EmitError::BadConcentration => ErrorCode::FrameBadConcentration,
            EmitError::InconsistentValve => ErrorCode::FrameInconsistentValve,
            EmitError::MissingField => ErrorCode::FrameMissingField,
        }
    }
}

impl core::fmt::Display for EmitError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            EmitError::BufferTooSmall { needed } => {
                write!(f, "{}: the frame needs {needed} bytes", self.code().name())
            }
            other => write!(f, "{}: {}", other.code().name(), other.code().text().en),
        }
    }
}

impl core::error::Error for EmitError {}
