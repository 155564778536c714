//! Property tests of the 统一社会信用代码 check (GB 32100-2015): any bytes never panic and name an
//! offset inside the input; every code built with both check characters is accepted and shows its
//! parts; changing any one character to another of the set is always caught (31 is prime and every
//! weight is non-zero modulo 31, so one substitution always changes the check sum).

use gasdev::model::CreditCode;
use proptest::prelude::*;

const ALPHABET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS: [usize; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// A valid code from a category pair, a six-digit region and an eight-character organisation body,
/// with both check characters computed here from the standards' formulas.
fn build(head: [usize; 2], region: u32, body: [usize; 8]) -> String {
    let mut s: Vec<u8> = head.iter().map(|&i| ALPHABET[i]).collect();
    s.extend(format!("{region:06}").bytes());
    s.extend(body.iter().map(|&i| ALPHABET[i]));
    let org: usize = s[8..16]
        .iter()
        .zip([3usize, 7, 9, 10, 5, 8, 4, 2])
        .map(|(&c, w)| {
            w * if c.is_ascii_digit() {
                usize::from(c - b'0')
            } else {
                usize::from(c - b'A') + 10
            }
        })
        .sum();
    s.push(match 11 - org % 11 {
        10 => b'X',
        11 => b'0',
        n => b'0' + u8::try_from(n).unwrap(),
    });
    let sum: usize = s
        .iter()
        .zip(WEIGHTS)
        .map(|(c, w)| ALPHABET.iter().position(|a| a == c).unwrap() * w)
        .sum();
    s.push(ALPHABET[(31 - sum % 31) % 31]);
    String::from_utf8(s).unwrap()
}

fn code() -> impl Strategy<Value = String> {
    (
        [0usize..31, 0usize..31],
        0u32..1_000_000,
        [
            0usize..31,
            0usize..31,
            0usize..31,
            0usize..31,
            0usize..31,
            0usize..31,
            0usize..31,
            0usize..31,
        ],
    )
        .prop_map(|(h, r, b)| build(h, r, b))
}

proptest! {
    #[test]
    fn never_panics_and_the_offset_is_inside(bytes in proptest::collection::vec(any::<u8>(), 0..40)) {
        match CreditCode::parse_bytes(&bytes) {
            Ok(c) => prop_assert_eq!(c.as_str().as_bytes(), bytes.as_slice()),
            Err(e) => prop_assert!(e.offset <= bytes.len()),
        }
    }

    #[test]
    fn built_codes_are_accepted(s in code()) {
        let c = CreditCode::parse(&s).unwrap();
        prop_assert_eq!(c.as_str(), s.as_str());
        prop_assert_eq!(c.region(), &s[2..8]);
        prop_assert_eq!(c.organisation_code(), &s[8..17]);
    }

    #[test]
    fn any_single_substitution_is_caught(s in code(), pos in 0usize..18, by in 1usize..31) {
        let mut b = s.into_bytes();
        let old = ALPHABET.iter().position(|&a| a == b[pos]).unwrap();
        b[pos] = ALPHABET[(old + by) % 31];
        prop_assert!(CreditCode::parse_bytes(&b).is_err());
    }
}
