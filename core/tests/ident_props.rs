//! Property tests of the identifier parser: it never panics on any text or bytes, errors point
//! inside the input, `to_string(parse(s)) == s` for generated valid identifiers of every scheme,
//! the GS1 check digit matches an independent implementation and catches every single-digit
//! error, and canonical comparison follows the case rules (F7).

use gasdev::ident::{Ident, IdentErrorKind, Parts, Scheme, gs1_check_digit};
use proptest::prelude::*;

/// GS1 check digit, written independently of the library: weights 1, 3 from the left of the
/// full key (equivalent to 3, 1 from the right of the data digits).
fn reference_check_digit(data: &[u8]) -> u8 {
    let n = data.len() + 1; // length with the check digit
    let sum: u32 = data
        .iter()
        .enumerate()
        .map(|(i, d)| {
            // Position from the right in the full key: the check digit is position 1.
            let pos_from_right = n - i;
            u32::from(*d) * if pos_from_right % 2 == 0 { 3 } else { 1 }
        })
        .sum();
    u8::try_from((10 - sum % 10) % 10).unwrap()
}

fn digits_to_string(d: &[u8]) -> String {
    d.iter().map(|x| char::from(b'0' + x)).collect()
}

/// Text that looks like identifiers: markers, separators, escapes, digits and some non-ASCII.
fn near_identifier() -> impl Strategy<Value = String> {
    let head = prop_oneof![
        Just(""),
        Just("88."),
        Just("hdl:"),
        Just("info:hdl/"),
        Just("https://id.gs1.org/"),
        Just("http://h/"),
        Just("MA."),
        Just("0."),
        Just("1.2."),
        Just("300:"),
    ];
    let body = proptest::collection::vec(
        prop_oneof![
            Just(".".to_owned()),
            Just("/".to_owned()),
            Just("%".to_owned()),
            Just("%2F".to_owned()),
            Just("%E7%87%83".to_owned()),
            Just("%FF".to_owned()),
            Just(":".to_owned()),
            Just(" ".to_owned()),
            Just("01".to_owned()),
            Just("10".to_owned()),
            Just("21".to_owned()),
            Just("0".to_owned()),
            Just("88".to_owned()),
            Just("燃".to_owned()),
            Just("\u{202e}".to_owned()),
            Just("?".to_owned()),
            Just("#".to_owned()),
            "[0-9]{1,6}".prop_map(|s| s),
            "[A-Za-z]{1,4}".prop_map(|s| s),
        ],
        0..24,
    );
    (head, body).prop_map(|(h, b)| format!("{h}{}", b.concat()))
}

/// `first` followed by each of `rest`, joined by dots (a handle prefix).
fn dotted(first: String, rest: &[String]) -> String {
    rest.iter()
        .fold(first, |prefix, part| format!("{prefix}.{part}"))
}

proptest! {
    #[test]
    fn parse_never_panics_on_any_text(s in any::<String>()) {
        check_any(&s);
    }

    #[test]
    fn parse_never_panics_near_identifiers(s in near_identifier()) {
        check_any(&s);
        for scheme in Scheme::ALL {
            if let Err(e) = Ident::parse_as(&s, *scheme) {
                prop_assert!(e.offset() <= s.len());
            }
        }
    }

    #[test]
    fn parse_bytes_never_panics(b in proptest::collection::vec(any::<u8>(), 0..300)) {
        match Ident::parse_bytes(&b) {
            Ok(id) => prop_assert_eq!(id.as_str().as_bytes(), &b[..]),
            Err(e) => {
                prop_assert!(e.offset() <= b.len());
                if e.kind() == IdentErrorKind::NotUtf8 {
                    prop_assert!(std::str::from_utf8(&b).is_err());
                }
            }
        }
    }

    #[test]
    fn idis_round_trips(
        node in "[0-9]{1,4}",
        ent in "[0-9]{1,9}",
        subs in proptest::collection::vec("[0-9]{1,5}", 0..3),
        suffix in "[A-Za-z0-9._-][A-Za-z0-9._/燃气-]{0,40}",
    ) {
        let prefix = dotted(format!("88.{node}.{ent}"), &subs);
        let s = format!("{prefix}/{suffix}");
        let id = Ident::parse(&s).unwrap();
        prop_assert_eq!(id.scheme(), Scheme::Idis);
        prop_assert!(id.is_item());
        prop_assert_eq!(id.to_string(), s.clone());
        let Parts::Handle(h) = id.parts() else { panic!("not a handle") };
        prop_assert_eq!(h.prefix, prefix.as_str());
        prop_assert_eq!(h.suffix, Some(suffix.as_str()));
        // The prefix alone is a valid prefix, not an item.
        let p = Ident::parse(&prefix).unwrap();
        prop_assert!(!p.is_item());
        // hdl: and bare forms compare equal; so does the URL form.
        let hdl = format!("hdl:{s}");
        prop_assert!(Ident::parse(&hdl).unwrap().canonical_eq(&id));
        let url = format!("https://hdl.handle.net/{s}");
        prop_assert!(Ident::parse(&url).unwrap().canonical_eq(&id));
    }

    #[test]
    fn generic_handle_round_trips_and_compares_by_case_rules(
        first in "[1-9][0-9]{0,3}",
        rest in proptest::collection::vec("[A-Za-z0-9]{1,6}", 0..3),
        suffix in "[A-Za-z][A-Za-z0-9.:/-]{0,30}",
    ) {
        prop_assume!(first != "88");
        let prefix = dotted(first.clone(), &rest);
        let s = format!("{prefix}/{suffix}");
        let id = Ident::parse(&s).unwrap();
        prop_assert_eq!(id.scheme(), Scheme::Handle);
        prop_assert_eq!(id.to_string(), s.clone());
        // Prefix case does not matter...
        let lower = format!("{}/{suffix}", prefix.to_ascii_lowercase());
        prop_assert!(Ident::parse(&lower).unwrap().canonical_eq(&id));
        // ...suffix case does (the suffix starts with a letter).
        let flipped: String = suffix.chars().map(|c| if c.is_ascii_uppercase() { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() }).collect();
        let other = format!("{prefix}/{flipped}");
        prop_assert!(!Ident::parse(&other).unwrap().canonical_eq(&id));
        // In the global 0. space the whole handle is case-insensitive.
        let g = format!("0.{prefix}/{suffix}");
        let g_flipped = format!("0.{prefix}/{flipped}");
        prop_assert!(Ident::parse(&g).unwrap().canonical_eq(&Ident::parse(&g_flipped).unwrap()));
    }

    #[test]
    fn oid_round_trips(
        first in 0u8..=2,
        second in 0u32..=39,
        more in proptest::collection::vec(0u64..1_000_000, 0..8),
    ) {
        let mut s = format!("{first}.{second}");
        for a in &more {
            s.push_str(&format!(".{a}"));
        }
        let id = Ident::parse(&s).unwrap();
        prop_assert_eq!(id.scheme(), Scheme::Oid);
        prop_assert_eq!(id.to_string(), s.clone());
        let Parts::Oid(o) = id.parts() else { panic!("not an OID") };
        prop_assert_eq!(o.arc_count, 2 + more.len());
    }

    #[test]
    fn gs1_check_digit_matches_reference(data in proptest::collection::vec(0u8..10, 1..30)) {
        let text = digits_to_string(&data);
        let expected = reference_check_digit(&data);
        prop_assert_eq!(gs1_check_digit(&text), Some(expected));
    }

    #[test]
    fn gs1_keys_round_trip_and_single_errors_are_caught(
        len in prop_oneof![Just(8usize), Just(12), Just(13), Just(14), Just(18)],
        seed in proptest::collection::vec(0u8..10, 17),
        pos in 0usize..18,
        delta in 1u8..10,
    ) {
        let data = &seed[..len - 1];
        let key = format!("{}{}", digits_to_string(data), reference_check_digit(data));
        let id = Ident::parse(&key).unwrap();
        prop_assert_eq!(id.scheme(), Scheme::Gs1);
        prop_assert_eq!(id.to_string(), key.clone());
        // Change one digit: the mod-10 rule with weights 3/1 catches every single-digit error.
        let pos = pos % len;
        let mut bytes = key.clone().into_bytes();
        bytes[pos] = b'0' + (bytes[pos] - b'0' + delta) % 10;
        let bad = String::from_utf8(bytes).unwrap();
        let e = Ident::parse(&bad).unwrap_err();
        prop_assert_eq!(e.code().name(), "IDENT_BAD_CHECK_DIGIT");
        prop_assert_eq!(e.offset(), len - 1);
        // GTINs in a Digital Link compare equal to the bare key.
        if len <= 14 {
            let dl = format!("https://id.gs1.org/01/{key}");
            prop_assert!(Ident::parse(&dl).unwrap().canonical_eq(&id));
        }
    }

    #[test]
    fn digital_link_round_trips(
        seed in proptest::collection::vec(0u8..10, 13),
        lot in proptest::option::of("[A-Za-z0-9!*+,._-]{1,20}"),
        serial in proptest::option::of("[A-Za-z0-9]{1,20}"),
    ) {
        let key = format!("{}{}", digits_to_string(&seed), reference_check_digit(&seed));
        let mut s = format!("https://id.gs1.org/01/{key}");
        if let Some(l) = &lot { s.push_str(&format!("/10/{l}")); }
        if let Some(x) = &serial { s.push_str(&format!("/21/{x}")); }
        let id = Ident::parse(&s).unwrap();
        prop_assert_eq!(id.scheme(), Scheme::Gs1DigitalLink);
        prop_assert_eq!(id.to_string(), s.clone());
    }

    #[test]
    fn ma_and_ecode_round_trip(
        fields in proptest::collection::vec("[A-Za-z0-9]{1,8}", 2..6),
        code in "[0-9][A-Za-z0-9]{1,30}",
    ) {
        let s = format!("MA.156.{}", fields.join("."));
        let id = Ident::parse(&s).unwrap();
        prop_assert_eq!(id.scheme(), Scheme::Ma);
        prop_assert!(!id.is_verified());
        prop_assert_eq!(id.to_string(), s.clone());
        let e = Ident::parse_as(&code, Scheme::Ecode).unwrap();
        prop_assert!(!e.is_verified());
        prop_assert_eq!(e.to_string(), code.clone());
    }
}

/// Any text: no panic, an error offset inside the input, and on success `Display` is the input.
fn check_any(s: &str) {
    match Ident::parse(s) {
        Ok(id) => {
            assert_eq!(id.to_string(), s);
            let _ = id.canonical().to_string();
            assert!(id.canonical_eq(&id));
        }
        Err(e) => {
            assert!(e.offset() <= s.len(), "offset {} in {s:?}", e.offset());
            assert!(s.is_char_boundary(e.offset()), "offset on a char boundary");
        }
    }
    let _ = Ident::parse_item(s);
}
