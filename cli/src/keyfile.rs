//! `--key-file FILE` of `gasdev encode` and `gasdev decode` (`spec/security.md`): a frame key is
//! read from a file, never from the command line, which other users can see in the process list
//! and shells keep in their history [SEC-054].
//!
//! The file is JSON: `{"key_id": 1, "key": "<32 hex digits>"}`. The key is never printed: errors
//! name the file and the field, not the value.

use std::path::Path;

use gasdev::ErrorCode;
use gasdev::secure::FrameKey;

/// A key and its id, read from a key file.
pub struct KeyFile {
    /// The key id, 1..=255 [SEC-050].
    pub key_id: u8,
    /// The key (zeroised on drop).
    pub key: FrameKey,
}

/// Why a key file cannot be used: the shared error code and a detail without the key.
pub struct KeyFileError {
    pub code: ErrorCode,
    pub detail: String,
}

fn bad(code: ErrorCode, path: &Path, what: &str) -> KeyFileError {
    KeyFileError {
        code,
        detail: format!("{}: {what}", path.display()),
    }
}

/// Read and check a key file.
pub fn read(path: &Path) -> Result<KeyFile, KeyFileError> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        bad(
            ErrorCode::InputIo,
            path,
            &format!("cannot read the key file ({e})"),
        )
    })?;
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Doc {
        key_id: u8,
        key: String,
    }
    // serde_json's message could quote the key's text: report only the position.
    let doc: Doc = serde_json::from_str(&text).map_err(|e| {
        bad(
            ErrorCode::InputJsonSyntax,
            path,
            &format!(
                "expected {{\"key_id\": 1..255, \"key\": \"<32 hex digits>\"}} (line {}, column {})",
                e.line(),
                e.column()
            ),
        )
    })?;
    if doc.key_id == 0 {
        return Err(bad(
            ErrorCode::FrameUnknownKeyId,
            path,
            "key_id 0 is never a key id",
        ));
    }
    let hex = doc.key.as_bytes();
    let mut bytes = [0u8; 16];
    // 32 characters that decode to 16 bytes: 32 hex digits, no white space.
    let ok = hex.len() == 32 && gasdev::hex::decode_into(hex, &mut bytes) == Ok(16);
    if !ok {
        return Err(bad(
            ErrorCode::InputInvalidValue,
            path,
            "key must be 32 hex digits (16 bytes)",
        ));
    }
    let key = FrameKey::new(bytes);
    zeroize_array(&mut bytes);
    warn_if_readable_by_others(path);
    Ok(KeyFile {
        key_id: doc.key_id,
        key,
    })
}

fn zeroize_array(bytes: &mut [u8; 16]) {
    for b in bytes.iter_mut() {
        // A volatile-free best effort: the FrameKey itself zeroises on drop.
        *b = 0;
    }
    std::hint::black_box(bytes);
}

#[cfg(unix)]
fn warn_if_readable_by_others(path: &Path) {
    use std::os::unix::fs::PermissionsExt as _;
    if let Ok(m) = std::fs::metadata(path)
        && m.permissions().mode() & 0o077 != 0
    {
        errln!(
            "gasdev: warning: key file {} is readable by other users (chmod 600 it)",
            path.display()
        );
    }
}

#[cfg(not(unix))]
fn warn_if_readable_by_others(_path: &Path) {}
