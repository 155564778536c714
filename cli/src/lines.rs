//! Line-oriented input with bounded memory: inspection records (JSON lines, CSV) and identifiers.
//!
//! A line longer than [`MAX_LINE_BYTES`](crate::input::MAX_LINE_BYTES) is `INPUT_LINE_TOO_LONG`
//! and skipped (its bytes are read and dropped, never stored); reading goes on at the next line.
//! A run without a line break longer than `--max-input-bytes` (`/dev/zero`) ends the input with
//! that error: there is no next line to go on with. A line that is not UTF-8 is `NOT_UTF8` at its
//! line and column. A trailing `\r` is removed.

use std::io::BufRead;

use gasdev::ErrorCode;
use gasdev::api::InputError;

use crate::input::{MAX_LINE_BYTES, max_input_bytes};

/// The lines of a reader, each with its 1-based number.
pub struct Lines<R> {
    inner: R,
    line: u64,
    done: bool,
    buf: Vec<u8>,
    max_line: usize,
    max_run: u64,
}

impl<R: BufRead> Lines<R> {
    /// Lines of `inner`, with the documented limits.
    pub fn new(inner: R) -> Lines<R> {
        Lines::with_limits(inner, MAX_LINE_BYTES, max_input_bytes())
    }

    /// Lines of `inner`: at most `max_line` bytes per line (line break aside); after a longer
    /// line, at most `max_run` bytes are skipped looking for the next line break. (The fuzz target
    /// `line_records` uses small limits.)
    pub fn with_limits(inner: R, max_line: usize, max_run: u64) -> Lines<R> {
        Lines {
            inner,
            line: 0,
            done: false,
            buf: Vec::new(),
            max_line,
            max_run,
        }
    }

    /// The next line as bytes (without `\n` / `\r\n`), or why it was refused.
    pub fn next_bytes(&mut self) -> Option<(u64, Result<&[u8], InputError>)> {
        if self.done {
            return None;
        }
        self.buf.clear();
        let mut dropped: u64 = 0;
        let mut too_long = false;
        loop {
            let avail = match self.inner.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.done = true;
                    self.line += 1;
                    let err =
                        InputError::new(ErrorCode::InputIo, 0, 0, String::new(), &e.to_string());
                    return Some((self.line, Err(err)));
                }
            };
            if avail.is_empty() {
                self.done = true;
                if self.buf.is_empty() && !too_long {
                    return None;
                }
                break;
            }
            let newline = avail.iter().position(|b| *b == b'\n');
            let n = newline.map_or(avail.len(), |i| i + 1);
            let chunk = avail.get(..n).unwrap_or_default();
            // The content may be `max_line` bytes; `\r\n` comes on top (checked exactly below).
            if !too_long && self.buf.len().saturating_add(n) > self.max_line.saturating_add(2) {
                too_long = true;
                dropped = u64::try_from(self.buf.len()).unwrap_or(u64::MAX);
                self.buf = Vec::new();
            }
            if too_long {
                dropped = dropped.saturating_add(u64::try_from(n).unwrap_or(u64::MAX));
            } else {
                self.buf.extend_from_slice(chunk);
            }
            self.inner.consume(n);
            if newline.is_some() {
                break;
            }
            if too_long && dropped > self.max_run {
                self.done = true;
                self.line += 1;
                let err = InputError::new(
                    ErrorCode::InputLineTooLong,
                    0,
                    0,
                    String::new(),
                    &format!(
                        "no line break within {} bytes (--max-input-bytes): the rest of the input is not read",
                        self.max_run
                    ),
                );
                return Some((self.line, Err(err)));
            }
        }
        self.line += 1;
        if too_long {
            let err = InputError::new(
                ErrorCode::InputLineTooLong,
                0,
                0,
                String::new(),
                &format!(
                    "line of {dropped} bytes, longer than {}: skipped",
                    self.max_line
                ),
            );
            return Some((self.line, Err(err)));
        }
        let mut line: &[u8] = &self.buf;
        line = line.strip_suffix(b"\n").unwrap_or(line);
        line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.len() > self.max_line {
            let err = InputError::new(
                ErrorCode::InputLineTooLong,
                0,
                0,
                String::new(),
                &format!(
                    "line of {} bytes, longer than {}: skipped",
                    line.len(),
                    self.max_line
                ),
            );
            return Some((self.line, Err(err)));
        }
        Some((self.line, Ok(line)))
    }

    /// The next line as text.
    pub fn next_text(&mut self) -> Option<(u64, Result<String, InputError>)> {
        let (n, r) = self.next_bytes()?;
        Some((
            n,
            r.and_then(|b| {
                crate::input::utf8(b.to_vec()).map_err(|mut e| {
                    e.line = usize::try_from(n).unwrap_or(usize::MAX);
                    e
                })
            }),
        ))
    }
}
