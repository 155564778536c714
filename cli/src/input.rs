//! Reading inputs, with bounds: directories expand to their `.json` files, documents are read
//! with a size limit, non-regular files met in a walk are reported without being opened.
//!
//! Decisions (README "Input bounds"):
//! - A directory walk follows symbolic links, with loop detection by (device, inode): every
//!   directory is entered once and every file is checked once, however many links lead to it. A
//!   directory reached a second time (a loop or a second link) is noted once on standard error.
//! - An entry that is not a regular file (FIFO, character or block device, socket) is never
//!   opened (opening a FIFO blocks until a writer comes): it is reported as
//!   `INPUT_NOT_REGULAR_FILE`. A path named on the command line is read as given (a FIFO from
//!   `<(…)` works), but still within the size limit.
//! - A document is read up to `--max-input-bytes` (default [`DEFAULT_MAX_INPUT_BYTES`]); one
//!   byte more is `INPUT_TOO_LARGE`, so `/dev/zero` is refused after reading the limit.

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use gasdev::ErrorCode;
use gasdev::api::{Document, InputError, parse_document};

/// Default size limit of one input document or file (16 MiB).
pub const DEFAULT_MAX_INPUT_BYTES: u64 = 16 * 1024 * 1024;

/// Longest line of a line-oriented input (inspection records, identifiers, hex lines): 1 MiB.
pub const MAX_LINE_BYTES: usize = 1024 * 1024;

static MAX_INPUT_BYTES: AtomicU64 = AtomicU64::new(DEFAULT_MAX_INPUT_BYTES);

/// Set the size limit (`--max-input-bytes`).
pub fn set_max_input_bytes(n: u64) {
    MAX_INPUT_BYTES.store(n, Ordering::Relaxed);
}

/// The size limit of one input.
pub fn max_input_bytes() -> u64 {
    MAX_INPUT_BYTES.load(Ordering::Relaxed)
}

/// One entry of an expanded argument list.
pub enum Entry {
    /// A file to read.
    File(PathBuf),
    /// An entry reported without being read.
    Skipped(PathBuf, InputError),
}

/// Identity of a file: (device, inode) on Unix, the canonical path elsewhere.
#[derive(Hash, PartialEq, Eq)]
enum FileId {
    #[cfg(unix)]
    Inode(u64, u64),
    #[cfg_attr(unix, allow(dead_code, reason = "used on non-Unix systems only"))]
    Path(PathBuf),
}

#[cfg(unix)]
fn file_id(_path: &Path, m: &std::fs::Metadata) -> FileId {
    use std::os::unix::fs::MetadataExt;
    FileId::Inode(m.dev(), m.ino())
}

#[cfg(not(unix))]
fn file_id(path: &Path, _m: &std::fs::Metadata) -> FileId {
    FileId::Path(std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()))
}

fn not_regular(path: &Path, m: &std::fs::Metadata) -> Entry {
    let what = kind_of(m);
    Entry::Skipped(
        path.to_path_buf(),
        InputError::new(
            ErrorCode::InputNotRegularFile,
            0,
            0,
            String::new(),
            &format!("{what}: not opened"),
        ),
    )
}

fn kind_of(m: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = m.file_type();
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    let _ = m;
    "not a regular file"
}

/// Expand files and directories (recursively, `.json` files, sorted per argument) into entries.
/// A path that does not exist is kept, so that reading it reports the error in order. Every file
/// appears once.
pub fn expand(paths: &[PathBuf]) -> Vec<Entry> {
    let mut out = Vec::new();
    let mut seen_files: HashSet<FileId> = HashSet::new();
    let mut seen_dirs: HashSet<FileId> = HashSet::new();
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => {
                let mut found = Vec::new();
                walk(p, &mut found, &mut seen_files, &mut seen_dirs);
                found.sort_by(|a: &Entry, b: &Entry| entry_path(a).cmp(entry_path(b)));
                out.extend(found);
            }
            Ok(m) => {
                if seen_files.insert(file_id(p, &m)) {
                    out.push(Entry::File(p.clone()));
                } else {
                    errln!("gasdev: {}: already checked, skipped", p.display());
                }
            }
            Err(_) => out.push(Entry::File(p.clone())),
        }
    }
    out
}

fn entry_path(e: &Entry) -> &Path {
    match e {
        Entry::File(p) | Entry::Skipped(p, _) => p,
    }
}

/// Walk without recursion (an explicit stack: no stack overflow on deep trees).
fn walk(
    root: &Path,
    out: &mut Vec<Entry>,
    seen_files: &mut HashSet<FileId>,
    seen_dirs: &mut HashSet<FileId>,
) {
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(m) = std::fs::metadata(&dir) else {
            out.push(Entry::File(dir));
            continue;
        };
        if !seen_dirs.insert(file_id(&dir, &m)) {
            errln!(
                "gasdev: {}: directory already visited (a symbolic-link loop or a second link), skipped",
                dir.display()
            );
            continue;
        }
        let Ok(entries) = std::fs::read_dir(&dir) else {
            // Reported when the directory itself is read as a file.
            out.push(Entry::File(dir));
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            // `metadata` follows links: the target decides. A dangling link is read (and reported).
            let Ok(m) = std::fs::metadata(&path) else {
                if is_json(&path) {
                    out.push(Entry::File(path));
                }
                continue;
            };
            if m.is_dir() {
                stack.push(path);
            } else if !is_json(&path) {
                continue;
            } else if !m.is_file() {
                out.push(not_regular(&path, &m));
            } else if seen_files.insert(file_id(&path, &m)) {
                out.push(Entry::File(path));
            }
        }
    }
}

fn is_json(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
}

fn io_error(e: &std::io::Error) -> InputError {
    InputError::new(ErrorCode::InputIo, 0, 0, String::new(), &e.to_string())
}

fn too_large(limit: u64) -> InputError {
    InputError::new(
        ErrorCode::InputTooLarge,
        0,
        0,
        String::new(),
        &format!("more than {limit} bytes (--max-input-bytes)"),
    )
}

/// Read everything from `r`, at most the size limit.
pub fn read_limited(r: impl Read) -> Result<Vec<u8>, InputError> {
    let limit = max_input_bytes();
    let mut buf = Vec::new();
    r.take(limit.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(|e| io_error(&e))?;
    if u64::try_from(buf.len()).unwrap_or(u64::MAX) > limit {
        return Err(too_large(limit));
    }
    Ok(buf)
}

/// Read a whole file within the size limit (a regular file larger than the limit is refused
/// before reading).
pub fn read_file_limited(path: &Path) -> Result<Vec<u8>, InputError> {
    let f = std::fs::File::open(path).map_err(|e| io_error(&e))?;
    if let Ok(m) = f.metadata() {
        if m.is_dir() {
            return Err(InputError::new(
                ErrorCode::InputIo,
                0,
                0,
                String::new(),
                "is a directory",
            ));
        }
        if m.is_file() && m.len() > max_input_bytes() {
            return Err(too_large(max_input_bytes()));
        }
    }
    read_limited(f)
}

/// Bytes to text; invalid UTF-8 is `NOT_UTF8` at the line and column of the first bad byte.
pub fn utf8(bytes: Vec<u8>) -> Result<String, InputError> {
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let prefix = e.as_bytes().get(..offset).unwrap_or_default();
        let line = prefix.iter().filter(|b| **b == b'\n').count() + 1;
        let line_start = prefix
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(0, |p| p + 1);
        let column = std::str::from_utf8(prefix.get(line_start..).unwrap_or_default())
            .map_or(0, |s| s.chars().count())
            + 1;
        InputError::new(
            ErrorCode::NotUtf8,
            line,
            column,
            String::new(),
            &format!("invalid UTF-8 at byte {offset}"),
        )
    })
}

/// Read and parse one document file.
pub fn read_document(path: &Path) -> Result<Document, InputError> {
    let text = utf8(read_file_limited(path)?)?;
    parse_document(&text)
}
