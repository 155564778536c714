//! Bilingual text. Committee members read Chinese; every message for people comes in `zh` and `en`.

/// A language for messages meant for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Lang {
    /// Simplified Chinese (the default: committee members read Chinese).
    #[default]
    Zh,
    /// English.
    En,
}

crate::serde_names::deserialize_by_name!(Lang {
    Zh = "zh",
    En = "en",
});

impl Lang {
    /// Parse `zh` or `en` (case-insensitive).
    pub fn parse(s: &str) -> Option<Lang> {
        if s.eq_ignore_ascii_case("zh") {
            Some(Lang::Zh)
        } else if s.eq_ignore_ascii_case("en") {
            Some(Lang::En)
        } else {
            None
        }
    }
}

/// A static message in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Text {
    /// Chinese.
    pub zh: &'static str,
    /// English.
    pub en: &'static str,
}

impl Text {
    /// Build a text from its two renderings.
    pub const fn new(zh: &'static str, en: &'static str) -> Text {
        Text { zh, en }
    }

    /// The rendering in `lang`.
    pub const fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }
}

/// Text from input made safe to show in a terminal table or a report: every character that a
/// reader cannot see or that acts on the terminal (C0 controls such as ESC, BEL, CR, LF, NUL; DEL;
/// C1 controls; bidi overrides, zero-width characters, BOM, line/paragraph separators: the set of
/// [`crate::ident::is_forbidden_char`]) becomes a visible escape `\u{1b}`; a backslash is kept
/// as is. The one escaping function of every table and Markdown renderer (CLI `gasdev check`,
/// `inspect`, `decode`, `ident`), so that `"V\r\nFAKE: conformant"` cannot forge a report line
/// and ESC cannot reach the terminal.
#[cfg(feature = "alloc")]
pub fn escape_text(s: &str) -> alloc::string::String {
    use core::fmt::Write as _;
    let mut out = alloc::string::String::with_capacity(s.len());
    for c in s.chars() {
        if crate::ident::is_forbidden_char(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// [`escape_text`] for a Markdown table cell: also `|` → `\|`, and the characters that start
/// Markdown or HTML markup in a cell (`\`, `` ` ``, `*`, `_`, `<`, `>`, `[`, `]`) backslash-escaped,
/// so input text can neither end a cell, start a row, nor become a link or markup.
#[cfg(feature = "alloc")]
pub fn escape_markdown(s: &str) -> alloc::string::String {
    let escaped = escape_text(s);
    let mut out = alloc::string::String::with_capacity(escaped.len());
    for c in escaped.chars() {
        if matches!(c, '\\' | '|' | '`' | '*' | '_' | '<' | '>' | '[' | ']') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(all(test, feature = "alloc"))]
mod escape_tests {
    use super::{escape_markdown, escape_text};

    #[test]
    fn controls_become_visible() {
        assert_eq!(
            escape_text("V\r\nFAKE: conformant"),
            "V\\u{d}\\u{a}FAKE: conformant"
        );
        assert_eq!(escape_text("\u{1b}]0;t\u{7}\0"), "\\u{1b}]0;t\\u{7}\\u{0}");
        assert_eq!(escape_text("a\u{202e}b\u{85}"), "a\\u{202e}b\\u{85}");
        assert_eq!(escape_text("燃气 A-1 \\"), "燃气 A-1 \\");
    }

    #[test]
    fn markdown_cells_cannot_break_the_table() {
        assert_eq!(escape_markdown("a|b\nc"), "a\\|b\\\\u{a}c");
        assert_eq!(escape_markdown("a\\|b"), "a\\\\\\|b");
        assert_eq!(escape_markdown("[x](y) <b>"), "\\[x\\](y) \\<b\\>");
    }
}
