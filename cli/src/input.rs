//! Reading document files: directories expand to their `.json` files; unreadable or non-UTF-8
//! files become input errors for that file only.

use std::path::{Path, PathBuf};

use gasdev::ErrorCode;
use gasdev::api::{Document, InputError, parse_document};

/// Expand files and directories (recursively, `.json` files, sorted) into a list of files.
/// A path that does not exist is kept, so that reading it reports the error in order.
pub fn expand(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found = Vec::new();
            collect_json(p, &mut found);
            found.sort();
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    out
}

fn collect_json(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        // Reported when the directory itself is read as a file.
        out.push(dir.to_path_buf());
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_json(&path, out);
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        {
            out.push(path);
        }
    }
}

/// Read and parse one document file.
pub fn read_document(path: &Path) -> Result<Document, InputError> {
    let bytes = std::fs::read(path)
        .map_err(|e| InputError::new(ErrorCode::InputIo, 0, 0, String::new(), &e.to_string()))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        InputError::new(
            ErrorCode::NotUtf8,
            0,
            0,
            String::new(),
            &format!("invalid UTF-8 at byte {offset}"),
        )
    })?;
    parse_document(&text)
}
