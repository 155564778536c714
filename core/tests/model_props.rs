//! Property tests of the model's text forms: dates and prices never panic on any input, and every
//! valid value round-trips through its text form.

use gasdev::model::{AlarmLevel, AlarmStatus, Date, ExpressedState};
use proptest::prelude::*;

proptest! {
    #[test]
    fn date_parse_never_panics(s in "\\PC{0,16}") {
        let _ = Date::parse(&s);
    }

    #[test]
    fn date_round_trips(y in 1u16..=9999, m in 1u8..=12, d in 1u8..=31) {
        if let Ok(date) = Date::new(y, m, d) {
            let text = date.to_string();
            prop_assert_eq!(Date::parse(&text), Ok(date));
            prop_assert_eq!(text.len(), 10);
        }
    }

    #[test]
    fn dates_order_like_their_text(a in (1u16..=9999, 1u8..=12, 1u8..=28), b in (1u16..=9999, 1u8..=12, 1u8..=28)) {
        let (da, db) = (Date::new(a.0, a.1, a.2).unwrap(), Date::new(b.0, b.1, b.2).unwrap());
        prop_assert_eq!(da.cmp(&db), da.to_string().cmp(&db.to_string()));
    }

    #[test]
    fn expressed_state_is_the_maximum_condition(
        gas in 0u8..3, co in 0u8..3, preheat: bool, fault: bool, eol: bool, test: bool, muted: bool
    ) {
        let level = |n| match n { 0 => AlarmLevel::None, 1 => AlarmLevel::Low, _ => AlarmLevel::High };
        let s = AlarmStatus { gas: level(gas), co: level(co), preheat, fault, end_of_life: eol, self_test: test, muted };
        let mut candidates = vec![ExpressedState::Normal];
        if preheat { candidates.push(ExpressedState::Preheat); }
        if test { candidates.push(ExpressedState::SelfTest); }
        if eol { candidates.push(ExpressedState::EndOfLife); }
        if fault { candidates.push(ExpressedState::Fault); }
        match gas.max(co) { 1 => candidates.push(ExpressedState::LowAlarm), 2 => candidates.push(ExpressedState::HighAlarm), _ => {} }
        prop_assert_eq!(s.expressed(), candidates.into_iter().max().unwrap());
    }
}

#[cfg(feature = "alloc")]
mod alloc_props {
    use gasdev::model::Price;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn price_parse_never_panics(s in "\\PC{0,24}") {
            let _ = Price::parse(&s);
        }

        #[test]
        fn price_round_trips(fen in 0u64..1_000_000_000_000) {
            let p = Price::from_fen(fen);
            prop_assert_eq!(Price::parse(&p.to_string()), Ok(p));
        }
    }
}
