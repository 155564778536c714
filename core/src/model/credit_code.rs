//! 统一社会信用代码 (unified social credit code, GB 32100-2015): the 18-character identity of a
//! company, used to tell catalogue entries apart (CAT-1: distinct companies).
//!
//! Layout (GB 32100-2015 §4): position 1 登记管理部门代码, 2 机构类别代码, 3–8 登记管理机关行政区划码,
//! 9–17 主体标识码 (the organisation code of GB 11714, its 9th character a check character),
//! 18 校验码. Characters are the digits and the capital letters without I, O, S, V and Z
//! (31 characters, values 0–30 in this order).
//!
//! Check character (GB 32100-2015 §5): `C18 = 31 − (Σ Ci·Wi mod 31)`, a result of 31 written as 0,
//! with weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28. The organisation code's check
//! character (GB 11714-1997): `C9 = 11 − (Σ Ci·Wi mod 11)` over its first eight characters with
//! weights 3 7 9 10 5 8 4 2, where letters count A = 10 … Z = 35; 10 is written `X` and 11 `0`.
//!
//! No allocation, no panic: the code is kept as its 18 bytes.

/// The 31 characters of GB 32100-2015 in value order.
const ALPHABET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";

/// Weights of positions 1–17 (GB 32100-2015 §5).
const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// Weights of the organisation code's first eight characters (GB 11714).
const ORG_WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];

/// Offset of the organisation code (主体标识码) in the credit code.
const ORG_START: usize = 8;

/// A valid 统一社会信用代码.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CreditCode([u8; 18]);

/// What is wrong with a credit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CreditCodeProblem {
    /// Not exactly 18 characters (offset: where the 19th starts, or the end of a short code).
    Length,
    /// A character outside the GB 32100 set (lower case, I, O, S, V, Z, punctuation, non-ASCII).
    Character,
    /// Positions 3–8 are not a six-digit administrative division code.
    Region,
    /// The organisation code's check character (position 17) does not match (GB 11714).
    OrganisationCheck,
    /// The check character (position 18) does not match (GB 32100-2015 §5).
    Check,
}

/// Why a string is not a valid credit code: the problem and the byte offset of the bad character.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("invalid credit code: {} (at byte {offset})", problem.text().en)]
pub struct CreditCodeError {
    /// What is wrong.
    pub problem: CreditCodeProblem,
    /// Byte offset of the offending character.
    pub offset: usize,
}

impl CreditCodeProblem {
    /// The problem in both languages.
    pub const fn text(self) -> crate::Text {
        use crate::Text;
        match self {
            Self::Length => Text::new("长度不是 18 位", "not 18 characters long"),
            Self::Character => Text::new(
                "含有不允许的字符（仅限数字和除 I、O、S、V、Z 外的大写字母）",
                "a character outside digits and capital letters without I, O, S, V, Z",
            ),
            Self::Region => Text::new(
                "第 3–8 位不是 6 位行政区划码",
                "positions 3-8 are not a six-digit division code",
            ),
            Self::OrganisationCheck => Text::new(
                "组织机构代码校验码错误（GB 11714）",
                "wrong organisation-code check character (GB 11714)",
            ),
            Self::Check => Text::new(
                "校验码错误（GB 32100-2015）",
                "wrong check character (GB 32100-2015)",
            ),
        }
    }
}

impl CreditCodeError {
    /// The shared error code.
    pub const fn code(self) -> crate::ErrorCode {
        crate::ErrorCode::InputBadCreditCode
    }
}

/// The value of a GB 32100 character, if it is one.
fn value(c: u8) -> Option<u32> {
    (0u32..)
        .zip(ALPHABET)
        .find_map(|(v, &a)| (a == c).then_some(v))
}

/// The GB 11714 value of an organisation-code character: digits 0–9, letters A = 10 … Z = 35.
fn org_value(c: u8) -> u32 {
    match c {
        b'0'..=b'9' => u32::from(c - b'0'),
        b'A'..=b'Z' => u32::from(c - b'A') + 10,
        _ => 0,
    }
}

impl CreditCode {
    /// Validate `s` exactly: 18 characters of the GB 32100 set, a six-digit division code, the
    /// organisation code's GB 11714 check character and the GB 32100 check character. No trimming
    /// and no case folding: a code is written in capitals.
    ///
    /// # Errors
    /// [`CreditCodeError`] with the first problem found and the offset of its character.
    pub fn parse(s: &str) -> Result<CreditCode, CreditCodeError> {
        CreditCode::parse_bytes(s.as_bytes())
    }

    /// As [`CreditCode::parse`], for bytes that may not be UTF-8 (C, WebAssembly): any byte outside
    /// the set, a non-ASCII one included, is a `Character` problem at its offset.
    ///
    /// # Errors
    /// [`CreditCodeError`] with the first problem found and the offset of its byte.
    pub fn parse_bytes(bytes: &[u8]) -> Result<CreditCode, CreditCodeError> {
        let err = |problem, offset| Err(CreditCodeError { problem, offset });
        let mut code = [0u8; 18];
        let mut values = [0u32; 18];
        for (i, &c) in bytes.iter().enumerate() {
            let (Some(slot), Some(v)) = (code.get_mut(i), values.get_mut(i)) else {
                return err(CreditCodeProblem::Length, i);
            };
            let Some(val) = value(c) else {
                return err(CreditCodeProblem::Character, i);
            };
            *slot = c;
            *v = val;
        }
        if bytes.len() < 18 {
            return err(CreditCodeProblem::Length, bytes.len());
        }
        if let Some(i) = (2..ORG_START).find(|&i| !code.get(i).is_some_and(u8::is_ascii_digit)) {
            return err(CreditCodeProblem::Region, i);
        }
        let org_sum: u32 = code
            .iter()
            .skip(ORG_START)
            .zip(ORG_WEIGHTS)
            .map(|(&c, w)| org_value(c) * w)
            .sum();
        let org_check = match 11 - org_sum % 11 {
            10 => b'X',
            11 => b'0',
            n => b'0' + n as u8,
        };
        if code.get(ORG_START + 8) != Some(&org_check) {
            return err(CreditCodeProblem::OrganisationCheck, ORG_START + 8);
        }
        let sum: u32 = values.iter().zip(WEIGHTS).map(|(&v, w)| v * w).sum();
        let check = (31 - sum % 31) % 31;
        if values.get(17) != Some(&check) {
            return err(CreditCodeProblem::Check, 17);
        }
        Ok(CreditCode(code))
    }

    /// The 18 characters.
    pub fn as_str(&self) -> &str {
        // Every byte is from ALPHABET, so the code is ASCII; the fallback is never taken.
        core::str::from_utf8(&self.0).unwrap_or("")
    }

    /// 登记管理部门代码 (position 1), e.g. `9` for 工商.
    pub fn authority(&self) -> char {
        char::from(self.0[0])
    }

    /// 机构类别代码 (position 2), e.g. `1` for 企业 under 工商.
    pub fn category(&self) -> char {
        char::from(self.0[1])
    }

    /// 登记管理机关行政区划码 (positions 3–8).
    pub fn region(&self) -> &str {
        self.as_str().get(2..8).unwrap_or("")
    }

    /// 主体标识码 (positions 9–17): the GB 11714 organisation code with its check character.
    pub fn organisation_code(&self) -> &str {
        self.as_str().get(8..17).unwrap_or("")
    }
}

impl core::fmt::Display for CreditCode {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

crate::serde_names::serde_text! {
    CreditCode, "an 18-character unified social credit code", CreditCode::parse;
    schema {
        "type": "string",
        "pattern": "^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$",
        "description": "统一社会信用代码 (GB 32100-2015), check characters verified"
    }
}

#[cfg(all(test, feature = "alloc"))]
#[allow(
    clippy::indexing_slicing,
    clippy::expect_used,
    reason = "unit test: a panic is a failing test"
)]
mod tests {
    use super::*;

    /// An independent computation of the check character, written from the standard's formula.
    fn with_check(first17: &str) -> alloc::string::String {
        let sum: u32 = first17
            .bytes()
            .zip(WEIGHTS)
            .map(|(c, w)| ALPHABET.iter().position(|&a| a == c).unwrap_or(99) as u32 * w)
            .sum();
        let c = ALPHABET
            .get(((31 - sum % 31) % 31) as usize)
            .copied()
            .unwrap_or(b'?');
        alloc::format!("{first17}{}", char::from(c))
    }

    #[test]
    fn accepts_codes_with_both_check_characters_right() {
        // Organisation code 70846113-6 (GB 11714 check: 3·7+0+9·8+10·4+5·6+8·1+4·1+2·3 = 181,
        // 181 mod 11 = 5, 11 − 5 = 6).
        let code = with_check("91440300708461136");
        let c = CreditCode::parse(&code).expect("valid");
        assert_eq!(c.region(), "440300");
        assert_eq!(c.organisation_code(), "708461136");
        assert_eq!((c.authority(), c.category()), ('9', '1'));
    }

    #[test]
    fn rejects_with_the_offset_of_the_bad_character() {
        let good = with_check("91440300708461136");
        let at = |s: &str| CreditCode::parse(s).map_err(|e| (e.problem, e.offset));
        assert_eq!(at(""), Err((CreditCodeProblem::Length, 0)));
        assert_eq!(at(&good[..17]), Err((CreditCodeProblem::Length, 17)));
        assert_eq!(
            at(&alloc::format!("{good}0")),
            Err((CreditCodeProblem::Length, 18))
        );
        for bad in ['I', 'O', 'S', 'V', 'Z', 'a', '-', ' '] {
            let mut s = alloc::string::String::from(&good[..5]);
            s.push(bad);
            s.push_str(&good[6..]);
            assert_eq!(at(&s), Err((CreditCodeProblem::Character, 5)), "{bad}");
        }
        assert_eq!(
            at("9144030０708461136"),
            Err((CreditCodeProblem::Character, 7))
        );
        assert_eq!(
            at(&with_check("914403A0708461136")),
            Err((CreditCodeProblem::Region, 6))
        );
        assert_eq!(
            at(&with_check("91440300708461137")),
            Err((CreditCodeProblem::OrganisationCheck, 16))
        );
        let mut wrong = alloc::string::String::from(&good[..17]);
        wrong.push(if good.ends_with('0') { '1' } else { '0' });
        assert_eq!(at(&wrong), Err((CreditCodeProblem::Check, 17)));
    }

    #[test]
    fn organisation_check_x_and_0() {
        // Find bodies whose GB 11714 check is 10 (X) and 11 (0) and accept them.
        let mut seen = [false; 2];
        for n in 0u32..2000 {
            let body = alloc::format!("{n:08}");
            let sum: u32 = body
                .bytes()
                .zip(ORG_WEIGHTS)
                .map(|(c, w)| u32::from(c - b'0') * w)
                .sum();
            let (slot, ch) = match 11 - sum % 11 {
                10 => (0, 'X'),
                11 => (1, '0'),
                _ => continue,
            };
            seen[slot] = true;
            let code = with_check(&alloc::format!("91500119{body}{ch}"));
            assert!(CreditCode::parse(&code).is_ok(), "{code}");
        }
        assert_eq!(seen, [true, true]);
    }
}
