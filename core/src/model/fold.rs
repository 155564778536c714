//! Folding of names and model numbers for comparison (CAT-1 distinct companies, INTEG-* duplicate
//! models, the inspection's model lookup).
//!
//! Two texts are the same name when their folded keys are equal. Folding: leading and trailing white
//! space (including the ideographic space U+3000) is removed; full-width ASCII forms U+FF01–U+FF5E
//! become their ASCII characters and U+3000 a space; letters are upper-cased (Unicode upper case: the
//! table the standards check already links, so folding adds no case table to the WebAssembly module).
//! Nothing else changes: inner white space, punctuation such as （ ） and Chinese characters are
//! compared as written. Documented in `spec/declaration.md` ("How names are compared").

use alloc::string::String;

/// One character's half-width form.
fn half_width(c: char) -> char {
    match u32::from(c) {
        0x3000 => ' ',
        n @ 0xFF01..=0xFF5E => char::from_u32(n - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// The comparison key of a name or model: trimmed, half-width, upper case.
pub fn fold_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().map(half_width) {
        out.extend(c.to_uppercase());
    }
    let trimmed = out.trim();
    if trimmed.len() == out.len() {
        out
    } else {
        String::from(trimmed)
    }
}

/// Whether `a` and `b` are the same name after folding.
pub fn same_key(a: &str, b: &str) -> bool {
    fold_key(a) == fold_key(b)
}

#[cfg(test)]
#[allow(
    clippy::indexing_slicing,
    clippy::expect_used,
    reason = "unit test: a panic is a failing test"
)]
mod tests {
    use super::*;

    #[test]
    fn folds_width_case_and_outer_space() {
        assert_eq!(fold_key(" zbf-JFSL200 "), "ZBF-JFSL200");
        assert_eq!(fold_key("ｚｂｆ－ＪＦＳＬ２００"), "ZBF-JFSL200");
        assert_eq!(fold_key("\u{3000}示例科技有限公司\t"), "示例科技有限公司");
        assert!(same_key("Acme Ltd", "ａｃｍｅ　ltd"));
        // Full-width brackets are in U+FF01–FF5E (（ is U+FF08) and fold; inner white space stays.
        assert_eq!(fold_key("示例（重庆）"), "示例(重庆)");
        assert!(!same_key("a b", "ab"));
    }
}
