//! Reading a frame's JSON form (`spec/frame.md` §8) for encoding: `gasdev encode`, the
//! WebAssembly `encodeFrame`. One function, so both reject the same text with the same error.

use alloc::string::{String, ToString};

use crate::ErrorCode;
use crate::wire::json::FrameDoc;

/// Why a frame's JSON form cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrameDocError {
    /// The shared error code.
    pub code: ErrorCode,
    /// 1-based line and column of a JSON error; 0 when the error has no position.
    pub line: usize,
    /// See `line`.
    pub column: usize,
    /// Byte offset of the error in the text (0 when it has no position).
    pub offset: usize,
    /// The JSON path of the field concerned, when the error is about one field.
    pub field: Option<String>,
    /// What went wrong, for people.
    pub detail: String,
}

/// Words that name a command opening a valve or clearing its latch (VLV-0e).
const OPENING_WORDS: [&str; 6] = [
    "open",
    "reopen",
    "unlatch",
    "clear_latch",
    "reset_latch",
    "open_valve",
];

/// Whether the document asks for a command that opens a valve or clears its latch (VLV-0e).
fn forbidden_command(text: &str) -> bool {
    let kind = super::json_path::string_at(text, &["message", "command", "kind"]);
    super::json_path::string_at(text, &["message", "type"]).as_deref() == Some("command")
        && kind.is_some_and(|k| OPENING_WORDS.iter().any(|w| k.contains(w)))
}

/// The byte offset of a 1-based line and column in `text`.
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    super::json_path::line_start(text, line).saturating_add(column.saturating_sub(1))
}

/// Read a frame's JSON form.
///
/// # Errors
/// `INPUT_EMPTY` for blank text; `FRAME_FORBIDDEN_COMMAND` (field `message.command.kind`) for a
/// command that would open a valve, which has no JSON form at all ([FRAME-072], VLV-0e); otherwise
/// the `INPUT_*` error of the JSON, with its line, column and byte offset.
pub fn parse_frame_doc(text: &str) -> Result<FrameDoc, FrameDocError> {
    let none = |code, field: Option<String>, detail: &str| FrameDocError {
        code,
        line: 0,
        column: 0,
        offset: 0,
        field,
        detail: detail.to_string(),
    };
    if text.trim().is_empty() {
        return Err(none(ErrorCode::InputEmpty, None, "no JSON"));
    }
    serde_json::from_str(text).map_err(|e| {
        // [FRAME-072] say why a remote open cannot be expressed, rather than "unknown variant".
        let well_formed = serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok();
        if well_formed && forbidden_command(text) {
            return none(
                ErrorCode::FrameForbiddenCommand,
                Some("message.command.kind".to_string()),
                "附件3 二：自闭阀关闭后须手动开启 / a self-closing valve is reopened by hand only (VLV-0e)",
            );
        }
        // The same names and field paths as declarations and records (`document::typed`), so
        // an encoder range error names its field (`message.carbon_monoxide`).
        let offset = byte_offset(text, e.line(), e.column());
        let about = match e.classify() {
            serde_json::error::Category::Data => super::json_path::About::of(&e.to_string()),
            _ => super::json_path::About::Value,
        };
        let consumed = super::json_path::line_start(text, e.line()).saturating_add(e.column());
        let field = super::json_path::path_at(text, consumed, about);
        let ie = super::document::json_error(&e, field);
        FrameDocError {
            code: ie.error_code(),
            line: e.line(),
            column: e.column(),
            offset,
            field: (!ie.field.is_empty()).then_some(ie.field),
            detail: e.to_string(),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_of_lines_and_columns() {
        assert_eq!(byte_offset("{\n  \"x\"", 2, 3), 4);
        assert_eq!(byte_offset("abc", 1, 1), 0);
    }

    #[test]
    fn errors_name_what_is_wrong() {
        assert_eq!(
            parse_frame_doc("  ").unwrap_err().code,
            ErrorCode::InputEmpty
        );
        let e = parse_frame_doc("{\n  \"seq\": ").unwrap_err();
        assert_eq!((e.code, e.line), (ErrorCode::InputJsonSyntax, 2));
        let open = r#"{"seq": 1, "timestamp": 0, "message": {"type": "command", "command": {"kind": "open_valve"}}}"#;
        let e = parse_frame_doc(open).unwrap_err();
        assert_eq!(
            (e.code, e.field),
            (
                ErrorCode::FrameForbiddenCommand,
                Some("message.command.kind".to_string())
            )
        );
    }
}
