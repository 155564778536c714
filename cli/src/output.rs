//! Output formats and languages shared by the subcommands.

/// Output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum Format {
    /// A readable table (for terminals and printing).
    #[default]
    Table,
    /// Stable JSON, documented in `spec/` (for programs).
    Json,
    /// Markdown (for reports and web pages).
    Markdown,
}

/// Language of messages for people.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum LangArg {
    /// Chinese (default).
    #[default]
    Zh,
    /// English.
    En,
}

impl From<LangArg> for gasdev::Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::Zh => gasdev::Lang::Zh,
            LangArg::En => gasdev::Lang::En,
        }
    }
}

/// Display width of a string in a terminal: CJK and other wide characters count 2.
pub fn width(s: &str) -> usize {
    s.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

fn is_wide(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6 | 0x20000..=0x2FFFD | 0x30000..=0x3FFFD)
}

/// Pad `s` with spaces to display width `w`.
pub fn pad(s: &str, w: usize) -> String {
    let mut out = String::from(s);
    for _ in width(s)..w {
        out.push(' ');
    }
    out
}

/// Text from input as shown in a terminal table or report: controls and invisible characters as
/// escapes (`\u{1b}`), by the core's one escaping function.
pub fn escape_text(s: &str) -> String {
    gasdev::text::escape_text(s)
}

/// Render rows as an aligned text table with a header rule. Cells never wrap; every cell is
/// escaped ([`escape_text`]).
pub fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let header: Vec<String> = header.iter().map(|h| escape_text(h)).collect();
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| escape_text(c)).collect())
        .collect();
    let (header, rows) = (header.as_slice(), rows.as_slice());
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(width(cell));
            }
        }
    }
    let mut out = String::new();
    let line = |cells: &mut dyn Iterator<Item = &str>, out: &mut String| {
        let parts: Vec<String> = cells.zip(&widths).map(|(c, w)| pad(c, *w)).collect();
        out.push_str(parts.join("  ").trim_end());
        out.push('\n');
    };
    line(&mut header.iter().copied(), &mut out);
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    out.push_str(&rule.join("  "));
    out.push('\n');
    for row in rows {
        line(&mut row.iter().map(String::as_str), &mut out);
    }
    out
}

/// Escape a cell for a Markdown table (the core's [`gasdev::text::escape_markdown`]).
pub fn md_cell(s: &str) -> String {
    gasdev::text::escape_markdown(s)
}
