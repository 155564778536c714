//! Identifier errors: one kind per rule, each with the byte offset where the rule broke.

use super::Scheme;
use crate::ErrorCode;

/// Which rule an identifier broke. Each kind maps to one name of the shared error table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum IdentErrorKind {
    /// Empty input (`IDENT_EMPTY`). `[IDENT-1]`
    Empty,
    /// Bytes that are not UTF-8, or percent-escapes that decode to non-UTF-8 (`IDENT_NOT_UTF8`).
    /// `[IDENT-1]`
    NotUtf8,
    /// A control or invisible format character (`IDENT_CONTROL_CHAR`). `[IDENT-2]`
    ControlChar,
    /// White space at the start or the end (`IDENT_SURROUNDING_SPACE`). `[IDENT-3]`
    SurroundingSpace,
    /// The input, or one of its parts, is longer than `limit` (`IDENT_TOO_LONG`); the offset is
    /// where the first character beyond the limit starts.
    TooLong {
        /// The limit that was exceeded (bytes or characters: see [`super::limits`]).
        limit: usize,
    },
    /// No scheme matches the text (`IDENT_UNKNOWN_SCHEME`). `[IDENT-5]`
    UnknownScheme,
    /// The text lacks the marker of the scheme the caller asked for (`IDENT_SCHEME_MISMATCH`).
    /// `[IDENT-5]`
    SchemeMismatch,
    /// `<index>:<handle>` names a handle value, not an identifier (`IDENT_INDEX_FORM`). `[IDENT-4]`
    IndexForm,
    /// An empty prefix segment, arc, field or path segment (`IDENT_EMPTY_SEGMENT`).
    EmptySegment,
    /// A character the rule at this position does not allow (`IDENT_BAD_CHAR`).
    BadChar,
    /// A `/` with nothing after it (`IDENT_NO_SUFFIX`). `[IDENT-7]`
    NoSuffix,
    /// A `%` not followed by two hexadecimal digits (`IDENT_BAD_PERCENT_ENCODING`). `[IDENT-6]`
    BadPercentEncoding,
    /// Fewer segments than the scheme needs (`IDENT_TOO_FEW_SEGMENTS`).
    TooFewSegments {
        /// The least number of segments (prefix segments, arcs, fields) required.
        min: usize,
    },
    /// An OID arc above its maximum (`IDENT_ARC_OUT_OF_RANGE`). `[IDENT-11]`
    ArcOutOfRange {
        /// The largest value allowed for this arc.
        max: u8,
    },
    /// A numeric arc written with a leading zero (`IDENT_LEADING_ZERO`). `[IDENT-11]`
    LeadingZero,
    /// A wrong number of digits or characters for this field (`IDENT_BAD_LENGTH`).
    BadLength,
    /// A GS1 check digit that does not match (`IDENT_BAD_CHECK_DIGIT`). `[IDENT-12]`
    BadCheckDigit {
        /// The digit the mod-10 rule gives for the data digits.
        expected: u8,
    },
    /// A GS1 Digital Link qualifier that is unknown for the key or out of order
    /// (`IDENT_BAD_QUALIFIER`). `[IDENT-13]`
    BadQualifier,
    /// A GS1 primary key this library does not validate (`IDENT_UNSUPPORTED_KEY`). `[IDENT-13]`
    UnsupportedKey,
    /// Well formed, but only a prefix where an item identifier is required
    /// (`IDENT_PREFIX_ONLY`; only from [`super::Ident::parse_item`]). `[IDENT-7]`
    PrefixOnly,
}

impl IdentErrorKind {
    /// The shared error code of this kind.
    pub const fn code(self) -> ErrorCode {
        match self {
            IdentErrorKind::Empty => ErrorCode::IdentEmpty,
            IdentErrorKind::NotUtf8 => ErrorCode::IdentNotUtf8,
            IdentErrorKind::ControlChar => ErrorCode::IdentControlChar,
            IdentErrorKind::SurroundingSpace => ErrorCode::IdentSurroundingSpace,
            IdentErrorKind::TooLong { .. } => ErrorCode::IdentTooLong,
            IdentErrorKind::UnknownScheme => ErrorCode::IdentUnknownScheme,
            IdentErrorKind::SchemeMismatch => ErrorCode::IdentSchemeMismatch,
            IdentErrorKind::IndexForm => ErrorCode::IdentIndexForm,
            IdentErrorKind::EmptySegment => ErrorCode::IdentEmptySegment,
            IdentErrorKind::BadChar => ErrorCode::IdentBadChar,
            IdentErrorKind::NoSuffix => ErrorCode::IdentNoSuffix,
            IdentErrorKind::BadPercentEncoding => ErrorCode::IdentBadPercentEncoding,
            IdentErrorKind::TooFewSegments { .. } => ErrorCode::IdentTooFewSegments,
            IdentErrorKind::ArcOutOfRange { .. } => ErrorCode::IdentArcOutOfRange,
            IdentErrorKind::LeadingZero => ErrorCode::IdentLeadingZero,
            IdentErrorKind::BadLength => ErrorCode::IdentBadLength,
            IdentErrorKind::BadCheckDigit { .. } => ErrorCode::IdentBadCheckDigit,
            IdentErrorKind::BadQualifier => ErrorCode::IdentBadQualifier,
            IdentErrorKind::UnsupportedKey => ErrorCode::IdentUnsupportedKey,
            IdentErrorKind::PrefixOnly => ErrorCode::IdentPrefixOnly,
        }
    }
}

/// Why a text is not a well-formed identifier: the rule, the byte offset into the input where it
/// broke, and the scheme the text had been recognised as (if any).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct IdentError {
    kind: IdentErrorKind,
    offset: usize,
    scheme: Option<Scheme>,
}

impl IdentError {
    /// Build an error (used by the parsers; public so bindings can build the same values).
    pub const fn new(kind: IdentErrorKind, offset: usize, scheme: Option<Scheme>) -> IdentError {
        IdentError {
            kind,
            offset,
            scheme,
        }
    }

    /// The rule that broke.
    pub const fn kind(&self) -> IdentErrorKind {
        self.kind
    }

    /// The shared error code (`spec/errors.json`).
    pub const fn code(&self) -> ErrorCode {
        self.kind.code()
    }

    /// Byte offset into the input (the full input, wrapper forms such as `hdl:` included).
    pub const fn offset(&self) -> usize {
        self.offset
    }

    /// The scheme the text was recognised as before the rule broke; `None` when no scheme
    /// matched or the input failed a general rule (`IDENT-1`…`IDENT-4`).
    pub const fn scheme(&self) -> Option<Scheme> {
        self.scheme
    }

    /// The limit, for [`IdentErrorKind::TooLong`].
    pub const fn limit(&self) -> Option<usize> {
        match self.kind {
            IdentErrorKind::TooLong { limit } => Some(limit),
            _ => None,
        }
    }

    /// The expected check digit, for [`IdentErrorKind::BadCheckDigit`].
    pub const fn expected_check_digit(&self) -> Option<u8> {
        match self.kind {
            IdentErrorKind::BadCheckDigit { expected } => Some(expected),
            _ => None,
        }
    }

    pub(crate) const fn with_scheme(self, scheme: Scheme) -> IdentError {
        IdentError {
            kind: self.kind,
            offset: self.offset,
            scheme: Some(scheme),
        }
    }
}

impl core::fmt::Display for IdentError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{} at byte {}", self.code().name(), self.offset)?;
        match self.kind {
            IdentErrorKind::TooLong { limit } => write!(f, " (limit {limit})"),
            IdentErrorKind::BadCheckDigit { expected } => write!(f, " (expected {expected})"),
            IdentErrorKind::ArcOutOfRange { max } => write!(f, " (max {max})"),
            IdentErrorKind::TooFewSegments { min } => write!(f, " (min {min})"),
            _ => Ok(()),
        }
    }
}

impl core::error::Error for IdentError {}
