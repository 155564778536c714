//! Parsing input documents (declarations and catalogues) with precise errors: line, column, the
//! JSON path of the field, and a shared error name. Every front end (CLI, C, WebAssembly) parses
//! documents here, so all of them reject the same input with the same error.

use alloc::boxed::Box;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use serde::de::DeserializeOwned;

use super::json_path;
use crate::ErrorCode;
use crate::model::{Catalogue, Declaration};

/// Why a file could not be used as a document.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct InputError {
    /// Shared error name (`INPUT_UNKNOWN_FIELD`).
    #[cfg_attr(feature = "ts", ts(type = "ErrorName"))]
    pub name: &'static str,
    /// Shared error number.
    pub code: u16,
    /// 1-based line (0 when not applicable, e.g. an unreadable file).
    pub line: usize,
    /// 1-based column (0 when not applicable).
    pub column: usize,
    /// JSON path of the field (`vendors[0].products[1].kind`), empty for the whole document.
    pub field: String,
    /// What went wrong, in Chinese and English.
    pub message: Bilingual,
}

impl Bilingual {
    /// The rendering in `lang`.
    pub fn get(&self, lang: crate::Lang) -> &str {
        match lang {
            crate::Lang::Zh => &self.zh,
            crate::Lang::En => &self.en,
        }
    }
}

impl InputError {
    /// The shared error code.
    pub fn error_code(&self) -> ErrorCode {
        ErrorCode::from_code(self.code).unwrap_or(ErrorCode::InputInvalidValue)
    }
}

/// A message in both languages.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Bilingual {
    /// Chinese.
    pub zh: String,
    /// English.
    pub en: String,
}

impl InputError {
    /// An error with a code, a 1-based position (0 if none), a field path and a detail in English.
    pub fn new(
        code: ErrorCode,
        line: usize,
        column: usize,
        field: String,
        detail: &str,
    ) -> InputError {
        let t = code.text();
        InputError {
            name: code.name(),
            code: code.code(),
            line,
            column,
            field,
            message: Bilingual {
                zh: format!("{}：{detail}", t.zh),
                en: detail.to_string(),
            },
        }
    }
}

/// A parsed input document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Document {
    /// One product declaration.
    Declaration(Box<Declaration>),
    /// A catalogue of vendors and products.
    Catalogue(Box<Catalogue>),
}

/// Parse a document from text, detecting declaration or catalogue by its keys.
pub fn parse_document(text: &str) -> Result<Document, InputError> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    if body.trim().is_empty() {
        return Err(InputError::new(
            ErrorCode::InputEmpty,
            1,
            1,
            String::new(),
            "the file is empty",
        ));
    }
    well_formed(body)?;
    if !body.trim_start().starts_with('{') {
        return Err(InputError::new(
            ErrorCode::InputUnknownDocument,
            1,
            1,
            String::new(),
            "the top level is not a JSON object",
        ));
    }
    let keys = json_path::top_level_keys(body);
    let has = |k: &str| keys.iter().any(|key| key == k);
    if has("vendors") {
        typed::<Catalogue>(body).map(|c| Document::Catalogue(Box::new(c)))
    } else if has("model") || has("kind") || has("claimed_tier") {
        typed::<Declaration>(body).map(|d| Document::Declaration(Box::new(d)))
    } else {
        Err(InputError::new(
            ErrorCode::InputUnknownDocument,
            1,
            1,
            String::new(),
            "expected a catalogue (key \"vendors\") or a declaration (keys \"model\", \"kind\", \"claimed_tier\")",
        ))
    }
}

/// Parse the declarations given to an inspection (`gasdev inspect --declarations`, the C and
/// JavaScript `declarations` argument): a JSON array of product declarations.
pub fn parse_declarations(text: &str) -> Result<Vec<Declaration>, InputError> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    well_formed(body)?;
    typed::<Vec<Declaration>>(body)
}

/// Parse one inspection record (one JSON line of a `gasdev inspect` batch) and check that its
/// profile does not contradict itself.
pub fn parse_record(text: &str) -> Result<crate::install::InspectionRecord, InputError> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    if body.trim().is_empty() {
        return Err(InputError::new(
            ErrorCode::InputEmpty,
            1,
            1,
            String::new(),
            "the record is empty",
        ));
    }
    well_formed(body)?;
    let record: crate::install::InspectionRecord = typed(body)?;
    record
        .profile
        .validate()
        .map_err(|e| InputError::new(e.code(), 1, 1, String::from(e.field()), &e.to_string()))?;
    record.validate_devices().map_err(|e| {
        InputError::new(
            ErrorCode::InputInvalidValue,
            1,
            1,
            e.field.clone(),
            &e.to_string(),
        )
    })?;
    Ok(record)
}

/// The text is one JSON value, or the syntax error (no value is built). Checked before the typed
/// reading, so a document that is not JSON is always `INPUT_JSON_SYNTAX`, and the field of a
/// typed error is always found in well-formed text (`json_path`).
fn well_formed(text: &str) -> Result<(), InputError> {
    serde_json::from_str::<serde::de::IgnoredAny>(text)
        .map(|_| ())
        .map_err(|e| json_error(&e, String::new()))
}

/// Deserialize `text` as `T` with the error mapping of this module.
pub(crate) fn typed<T: DeserializeOwned>(text: &str) -> Result<T, InputError> {
    serde_json::from_str(text).map_err(|e| {
        // A data error's column is the number of bytes read on its line.
        let consumed = json_path::line_start(text, e.line()).saturating_add(e.column());
        let about = match e.classify() {
            serde_json::error::Category::Data => json_path::About::of(&e.to_string()),
            _ => json_path::About::Value,
        };
        json_error(&e, json_path::path_at(text, consumed, about))
    })
}

pub(crate) fn json_error(e: &serde_json::Error, field: String) -> InputError {
    let full = e.to_string();
    let detail = full
        .rsplit_once(" at line ")
        .map_or(full.as_str(), |(d, _)| d);
    let code = match e.classify() {
        serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
            ErrorCode::InputJsonSyntax
        }
        serde_json::error::Category::Io => ErrorCode::InputIo,
        serde_json::error::Category::Data => classify_data(detail),
    };
    InputError::new(code, e.line(), e.column(), field, detail)
}

/// Map serde's data-error messages to the shared names.
fn classify_data(detail: &str) -> ErrorCode {
    if detail.starts_with("unknown field") {
        ErrorCode::InputUnknownField
    } else if detail.starts_with("missing field") {
        ErrorCode::InputMissingField
    } else if detail.starts_with("unknown variant") {
        ErrorCode::InputUnknownValue
    } else if detail.starts_with("invalid date") {
        ErrorCode::InputBadDate
    } else if detail.starts_with("invalid price") {
        ErrorCode::InputBadPrice
    } else if detail.starts_with("invalid credit code") {
        ErrorCode::InputBadCreditCode
    } else if detail.starts_with("concentration") {
        ErrorCode::InputBadConcentration
    } else if detail.starts_with("invalid type") {
        ErrorCode::InputJsonType
    } else {
        ErrorCode::InputInvalidValue
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> InputError {
        parse_document(text).expect_err(text)
    }

    #[test]
    fn errors_carry_name_position_and_field() {
        let e = err("");
        assert_eq!((e.name, e.line, e.column), ("INPUT_EMPTY", 1, 1));
        let e = err(
            "{\n  \"model\": \"X\",\n  \"kind\": \"leak_alarm\",\n  \"claimed_tier\": \"top\"\n}",
        );
        assert_eq!(
            (e.name, e.line, e.field.as_str()),
            ("INPUT_UNKNOWN_VALUE", 4, "claimed_tier")
        );
        let e = err(
            "{\"model\": \"X\", \"kind\": \"leak_alarm\", \"claimed_tier\": \"low\", \"capabilities\": {\"detect\": []}}",
        );
        assert_eq!(
            (e.name, e.field.as_str()),
            ("INPUT_UNKNOWN_FIELD", "capabilities.detect")
        );
        let e = err("{\"model\": \"X\", \"kind\": \"leak_alarm\"}");
        assert_eq!(e.name, "INPUT_MISSING_FIELD");
        let e = err("{\"model\": 5, \"kind\": \"leak_alarm\", \"claimed_tier\": \"low\"}");
        assert_eq!((e.name, e.field.as_str()), ("INPUT_JSON_TYPE", "model"));
        let e = err("{\"model\": \"X\",");
        assert_eq!(e.name, "INPUT_JSON_SYNTAX");
        let e = err("[1, 2]");
        assert_eq!(e.name, "INPUT_UNKNOWN_DOCUMENT");
        let e = err("{\"hello\": 1}");
        assert_eq!(e.name, "INPUT_UNKNOWN_DOCUMENT");
        let e = err(
            "{\"model\": \"X\", \"kind\": \"leak_alarm\", \"claimed_tier\": \"low\", \"price\": \"1.234\"}",
        );
        assert_eq!((e.name, e.field.as_str()), ("INPUT_BAD_PRICE", "price"));
        let e = err(
            "{\"model\": \"X\", \"kind\": \"leak_alarm\", \"claimed_tier\": \"low\", \"certificates\": [{\"kind\": \"ccc\", \"valid_until\": \"2023-02-29\"}]}",
        );
        assert_eq!(
            (e.name, e.field.as_str()),
            ("INPUT_BAD_DATE", "certificates[0].valid_until")
        );
    }
}
