//! The JSON path of the value a parse error is about, found from the error's position.
//!
//! serde_json reports where it stopped (the bytes it had consumed); this module scans the text up
//! to that point and names the value being read there: `vendors[0].products[1].price`. The
//! format is `serde_path_to_error`'s (keys joined by `.`, indices as `[n]`), which the core used
//! to wrap every deserializer with; finding the path after the fact needs no wrapper, so each
//! document type's reader is compiled once, not twice (a third of the JSON code in the
//! WebAssembly module). `core/tests/json_path_oracle.rs` checks that both give the same path for
//! thousands of broken documents.
//!
//! Where serde_json stops:
//! - an unknown field: just after the key;
//! - a value of the wrong type or an invalid value: at the value, or just after it;
//! - a missing field: just after the `}` of the object that lacks it, whose path it is;
//! - an unknown variant given as an object (`{"variant": …}`), a duplicate key: just after the
//!   key; the path is the object's.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write as _;

/// A container being read at the error.
enum Level {
    /// An object and the key of its member being read, if one has begun.
    Object(Option<String>),
    /// An array, the index of its element being read, and whether that element has begun.
    Array(usize, bool),
}

/// What an error is about, which decides the path at a position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum About {
    /// The value being read (or the key just read: an unknown field; or the object just
    /// closed: a missing field).
    Value,
    /// The object whose key was just read, when the error comes right after a key: an enum value
    /// given as an object (`{"variant": …}`, unknown variant) or a duplicate key; otherwise as
    /// [`About::Value`].
    Object,
}

impl About {
    /// What a serde_json error message is about.
    pub(crate) fn of(message: &str) -> About {
        if message.starts_with("unknown variant") || message.starts_with("duplicate field") {
            About::Object
        } else {
            About::Value
        }
    }
}

/// The byte offset where 1-based line `line` of `text` starts (serde_json counts columns in
/// bytes from there).
pub(crate) fn line_start(text: &str, line: usize) -> usize {
    text.split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum()
}

/// What a [`Scanner`] step read.
enum Token {
    /// An object's key (now the innermost object's).
    Key,
    /// A string value.
    Str(String),
    /// White space.
    Space,
    /// Anything else: a bracket, a separator, a number's or a literal's byte.
    Other,
}

/// A scanner of JSON text that keeps the containers it is in (not a validator: the text is
/// either valid or cut where serde_json stopped).
struct Scanner<I: Iterator<Item = u8>> {
    bytes: I,
    stack: Vec<Level>,
    /// Whether the next string of the innermost object is a key.
    want_key: bool,
}

impl<I: Iterator<Item = u8>> Scanner<I> {
    fn new(bytes: I) -> Self {
        Scanner {
            bytes,
            stack: Vec::new(),
            want_key: false,
        }
    }

    fn step(&mut self) -> Option<Token> {
        let b = self.bytes.next()?;
        match b {
            b'{' | b'[' => {
                begin_value(&mut self.stack);
                self.stack.push(if b == b'{' {
                    Level::Object(None)
                } else {
                    Level::Array(0, false)
                });
                self.want_key = b == b'{';
            }
            b'}' | b']' => {
                self.stack.pop();
                self.want_key = false;
            }
            b',' => match self.stack.last_mut() {
                Some(Level::Object(key)) => {
                    *key = None;
                    self.want_key = true;
                }
                Some(Level::Array(i, started)) => {
                    *i = i.saturating_add(1);
                    *started = false;
                }
                None => {}
            },
            b':' => self.want_key = false,
            b'"' => {
                let s = string(&mut self.bytes);
                if !self.want_key {
                    begin_value(&mut self.stack);
                    return Some(Token::Str(s));
                }
                if let Some(Level::Object(key)) = self.stack.last_mut() {
                    *key = Some(s);
                }
                self.want_key = false;
                return Some(Token::Key);
            }
            b' ' | b'\t' | b'\n' | b'\r' => return Some(Token::Space),
            _ => begin_value(&mut self.stack),
        }
        Some(Token::Other)
    }

    /// Whether the scanner is inside exactly the objects' members `path`.
    fn at(&self, path: &[&str]) -> bool {
        self.stack.len() == path.len()
            && self
                .stack
                .iter()
                .zip(path)
                .all(|(l, p)| matches!(l, Level::Object(Some(k)) if k == p))
    }
}

/// The keys of a JSON text's top-level object, in order (empty if it is not an object).
pub(crate) fn top_level_keys(text: &str) -> Vec<String> {
    let mut sc = Scanner::new(text.as_bytes().iter().copied());
    let mut keys = Vec::new();
    while let Some(t) = sc.step() {
        if let (Token::Key, [Level::Object(Some(k))]) = (&t, sc.stack.as_slice()) {
            keys.push(k.clone());
        }
    }
    keys
}

/// The string at the members `path` of a JSON text (`["message", "type"]`), if there is one.
pub(crate) fn string_at(text: &str, path: &[&str]) -> Option<String> {
    let mut sc = Scanner::new(text.as_bytes().iter().copied());
    while let Some(t) = sc.step() {
        if let Token::Str(s) = t {
            if sc.at(path) {
                return Some(s);
            }
        }
    }
    None
}

/// The path of the value being read after `consumed` bytes of `text` (see [`About`]).
pub(crate) fn path_at(text: &str, consumed: usize, about: About) -> String {
    let cut = text.as_bytes().get(..consumed).unwrap_or(text.as_bytes());
    let mut sc = Scanner::new(cut.iter().copied());
    // Whether the last token read was a key.
    let mut after_key = false;
    while let Some(t) = sc.step() {
        match t {
            Token::Key => after_key = true,
            Token::Space => {}
            Token::Str(_) | Token::Other => after_key = false,
        }
    }
    let mut stack = sc.stack;
    // serde_json peeks at a value before it reads it: an element whose first byte is next has
    // begun (unless the byte ends the array).
    if let Some(Level::Array(_, started)) = stack.last_mut() {
        let next = text
            .as_bytes()
            .get(consumed..)
            .unwrap_or_default()
            .iter()
            .find(|b| !b.is_ascii_whitespace());
        if next.is_some_and(|b| *b != b']') {
            *started = true;
        }
    }
    let object_itself = about == About::Object && after_key;
    let keep = if object_itself {
        match stack.last() {
            Some(Level::Object(_)) => stack.len().saturating_sub(1),
            _ => stack.len(),
        }
    } else {
        stack.len()
    };
    let mut path = String::new();
    for (n, level) in stack.iter().enumerate() {
        match level {
            Level::Object(Some(key)) if n < keep || !object_itself => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Level::Array(i, true) => {
                let _ = write!(path, "[{i}]");
            }
            _ => {}
        }
    }
    path
}

/// A value begins in the innermost container (an array's element has begun).
fn begin_value(stack: &mut [Level]) {
    if let Some(Level::Array(_, started)) = stack.last_mut() {
        *started = true;
    }
}

/// The rest of a string after its opening quote, unescaped (as far as it goes).
fn string(bytes: &mut impl Iterator<Item = u8>) -> String {
    let mut raw: Vec<u8> = Vec::new();
    let mut pending_high: Option<u16> = None;
    while let Some(b) = bytes.next() {
        match b {
            b'"' => break,
            b'\\' => {
                let c = match bytes.next() {
                    Some(b'n') => '\n',
                    Some(b't') => '\t',
                    Some(b'r') => '\r',
                    Some(b'b') => '\u{8}',
                    Some(b'f') => '\u{c}',
                    Some(b'u') => {
                        let unit = (0..4).try_fold(0u16, |acc, _| {
                            let d = bytes.next().and_then(|h| char::from(h).to_digit(16))?;
                            Some((acc << 4) | u16::try_from(d).ok()?)
                        });
                        match (unit, pending_high.take()) {
                            (Some(lo @ 0xDC00..=0xDFFF), Some(hi)) => {
                                let cp = 0x10000
                                    + ((u32::from(hi) - 0xD800) << 10)
                                    + (u32::from(lo) - 0xDC00);
                                char::from_u32(cp).unwrap_or(char::REPLACEMENT_CHARACTER)
                            }
                            (Some(hi @ 0xD800..=0xDBFF), _) => {
                                pending_high = Some(hi);
                                continue;
                            }
                            (Some(u), _) => {
                                char::from_u32(u32::from(u)).unwrap_or(char::REPLACEMENT_CHARACTER)
                            }
                            (None, _) => char::REPLACEMENT_CHARACTER,
                        }
                    }
                    Some(other) => char::from(other),
                    None => break,
                };
                let mut utf8 = [0u8; 4];
                raw.extend_from_slice(c.encode_utf8(&mut utf8).as_bytes());
            }
            other => raw.push(other),
        }
    }
    String::from_utf8_lossy(&raw).into_owned()
}

#[cfg(test)]
mod tests {
    use super::{About, path_at, string_at, top_level_keys};
    use alloc::string::String;
    use alloc::vec::Vec;

    fn at(text: &str, marker: &str) -> String {
        let consumed = text.find(marker).map_or(text.len(), |i| i + marker.len());
        path_at(text, consumed, About::Value)
    }

    #[test]
    fn names_the_value_read_at_the_position() {
        let t = r#"{"vendors": [{"name": "A"}, {"products": [{"price": "x"}, {"kind": 5}]}]}"#;
        assert_eq!(at(t, r#""price": "x""#), "vendors[1].products[0].price");
        assert_eq!(at(t, r#""kind""#), "vendors[1].products[1].kind");
        // A missing field: after the `}` of the object that lacks it.
        assert_eq!(at(t, r#""kind": 5}"#), "vendors[1].products[1]");
        assert_eq!(at(t, r#"{"name": "A"}"#), "vendors[0]");
        assert_eq!(at(r#"{"a": {"b": 1}, "c": 2}"#, "1}"), "a");
        assert_eq!(at("{}", "}"), "");
        // An element is read from its first byte on (serde_json peeks at it).
        assert_eq!(at(r#"{"s": [1, {"x": 1}]}"#, "1, "), "s[1]");
        assert_eq!(at(r#"{"s": [ ]}"#, "[ "), "s");
        assert_eq!(at(r#"{"a\"b\u00e9": 1"#, "1"), "a\"bé");
        assert_eq!(at(r#"{"k": "\ud83d\ude00", "x": 1"#, "1"), "x");
        assert_eq!(at(r#"[{"a": 1}, {"b"#, "{\"b"), "[1].b");
        let t = r#"{"gas": {"k": 1}, "kind": "x"}"#;
        assert_eq!(path_at(t, 12, About::Object), "gas");
        assert_eq!(path_at(t, 29, About::Object), "kind");
        let t = r#"{"a": {"b": 1, "b""#;
        assert_eq!(path_at(t, t.len(), About::Object), "a");
        assert_eq!(path_at(t, t.len(), About::Value), "a.b");
    }

    #[test]
    fn finds_keys_and_strings() {
        let t = r#"{"a": {"type": "x", "b": [{"type": "y"}]}, "type": "z", "c\u0041": 1}"#;
        assert_eq!(top_level_keys(t), ["a", "type", "cA"]);
        assert_eq!(top_level_keys("[1, {\"a\": 2}]"), Vec::<String>::new());
        assert_eq!(string_at(t, &["a", "type"]).as_deref(), Some("x"));
        assert_eq!(string_at(t, &["type"]).as_deref(), Some("z"));
        assert_eq!(string_at(t, &["a", "b", "type"]), None);
        assert_eq!(string_at(t, &["c"]), None);
    }
}
