//! The one error of the call surface: the shared error name and number, a message in both
//! languages, and where it is (byte offset, or JSON path with line and column). Every binding
//! returns it as it is (JSON in WebAssembly, fields in C, lines on the CLI's stderr).

use alloc::borrow::ToOwned;
use alloc::format;
use alloc::string::{String, ToString};

use serde::Serialize;

use super::document::{Bilingual, InputError};
use super::hex::to_hex;
use crate::ErrorCode;
use crate::gbt26875 as gbt;
use crate::ident::{IdentError, Scheme};
use crate::text::Text;
use crate::wire;

impl From<Text> for Bilingual {
    fn from(t: Text) -> Self {
        Bilingual {
            zh: t.zh.to_owned(),
            en: t.en.to_owned(),
        }
    }
}

/// Longest input whose bytes an error echoes back ([`ApiError::bytes`]).
pub const MAX_ECHO_BYTES: usize = 4096;

/// The error of a call: name, number, message, and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ApiError {
    /// Shared error name (`FRAME_BAD_CRC`).
    #[cfg_attr(feature = "ts", ts(type = "ErrorName"))]
    pub name: &'static str,
    /// Shared error number.
    pub code: u16,
    /// What went wrong, in Chinese and English.
    pub message: Bilingual,
    /// Byte offset into the input (frames, packets, identifiers, hex text).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub offset: Option<usize>,
    /// JSON path of the offending field of a document (empty: the whole document).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub field: Option<String>,
    /// 1-based line in a document's text.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub line: Option<usize>,
    /// 1-based column in a document's text.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub column: Option<usize>,
    /// Identifiers: the scheme recognised before the rule broke.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    #[cfg_attr(feature = "ts", ts(type = "IdentScheme"))]
    pub scheme: Option<&'static str>,
    /// Identifiers: the limit exceeded (`IDENT_TOO_LONG`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub limit: Option<usize>,
    /// Identifiers: the expected check digit (`IDENT_BAD_CHECK_DIGIT`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub expected_check_digit: Option<u8>,
    /// Frames and packets: the decoded input bytes in lowercase hex (at most
    /// [`MAX_ECHO_BYTES`]), so that a page can highlight `offset`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub bytes: Option<String>,
}

impl ApiError {
    /// An error with its code and the code's own message.
    pub fn new(code: ErrorCode) -> ApiError {
        ApiError {
            name: code.name(),
            code: code.code(),
            message: code.text().into(),
            offset: None,
            field: None,
            line: None,
            column: None,
            scheme: None,
            limit: None,
            expected_check_digit: None,
            bytes: None,
        }
    }

    /// The same error at a byte offset.
    #[must_use]
    pub fn at(mut self, offset: usize) -> ApiError {
        self.offset = Some(offset);
        self
    }

    /// The same error at a field (JSON path).
    #[must_use]
    pub fn field(mut self, field: &str) -> ApiError {
        self.field = Some(field.to_owned());
        self
    }

    /// The same error with an English detail appended to both messages.
    #[must_use]
    pub fn detail(mut self, detail: &str) -> ApiError {
        self.message.zh = format!("{}：{detail}", self.message.zh);
        self.message.en = format!("{}: {detail}", self.message.en);
        self
    }

    /// The same error, echoing the bytes its offset refers to (short inputs only).
    #[must_use]
    pub fn echo(mut self, bytes: &[u8]) -> ApiError {
        if bytes.len() <= MAX_ECHO_BYTES {
            self.bytes = Some(to_hex(bytes));
        }
        self
    }

    /// The same error with its field path put under `outer` (`catalogue`, `declarations`):
    /// an error inside an argument document names the argument too.
    #[must_use]
    pub fn under(mut self, outer: &str) -> ApiError {
        let inner = self.field.take().unwrap_or_default();
        self.field = Some(if inner.is_empty() {
            outer.to_owned()
        } else if inner.starts_with('[') {
            format!("{outer}{inner}")
        } else {
            format!("{outer}.{inner}")
        });
        self
    }

    /// The shared error code.
    pub fn error_code(&self) -> ErrorCode {
        ErrorCode::from_code(self.code).unwrap_or(ErrorCode::InvalidParameter)
    }
}

impl core::fmt::Display for ApiError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{}: {}", self.name, self.message.en)
    }
}

impl From<InputError> for ApiError {
    fn from(e: InputError) -> Self {
        ApiError {
            name: e.name,
            code: e.code,
            message: e.message,
            offset: None,
            field: Some(e.field),
            line: (e.line > 0).then_some(e.line),
            column: (e.column > 0).then_some(e.column),
            scheme: None,
            limit: None,
            expected_check_digit: None,
            bytes: None,
        }
    }
}

impl From<wire::Error> for ApiError {
    fn from(e: wire::Error) -> Self {
        ApiError::new(e.code()).at(e.offset())
    }
}

impl From<gbt::Error> for ApiError {
    fn from(e: gbt::Error) -> Self {
        ApiError::new(e.code()).at(e.offset())
    }
}

impl From<IdentError> for ApiError {
    fn from(e: IdentError) -> Self {
        let mut a = ApiError::new(e.code()).at(e.offset());
        a.scheme = e.scheme().map(Scheme::name);
        a.limit = e.limit();
        a.expected_check_digit = e.expected_check_digit();
        a
    }
}

/// The tagged result of every call as bindings return it: `{"type": "ok", "value": …}` or
/// `{"type": "error", "error": {…}}`.
#[derive(Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
enum Outcome<T> {
    Ok { value: T },
    Error { error: ApiError },
}

/// The JSON text of a result in the tagged form of [`Outcome`].
pub fn to_json<T: Serialize>(r: Result<T, ApiError>) -> String {
    let o = match r {
        Ok(value) => Outcome::Ok { value },
        Err(error) => Outcome::Error { error },
    };
    serde_json::to_string(&o).unwrap_or_else(|e| {
        // Serializing these types cannot fail (string keys only); keep the contract anyway.
        let err = ApiError::new(ErrorCode::InvalidParameter).detail(&e.to_string());
        serde_json::to_string(&Outcome::<()>::Error { error: err }).unwrap_or_default()
    })
}
