//! The enums defined by `coded_enum!`: `ALL` lists every variant once, the machine names are
//! unique and `parse` reads each back, and for the enums with codes, `from_code` is the exact
//! inverse of `code` over every byte and no code is 0 (a zero-filled buffer never decodes as a
//! state, [FRAME-007]). Runs without any feature (the device build).

use core::fmt::Debug;

/// Names unique, `parse` the inverse of `as_str`, unknown names refused.
fn names<T: Copy + PartialEq + Debug>(
    all: &[T],
    as_str: fn(T) -> &'static str,
    parse: fn(&str) -> Option<T>,
) -> usize {
    for (i, v) in all.iter().enumerate() {
        assert!(!all[..i].contains(v), "{v:?} listed twice");
        let name = as_str(*v);
        assert!(
            !name.is_empty()
                && name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
            "{v:?}: {name:?} is not snake_case"
        );
        assert_eq!(parse(name), Some(*v), "{name}");
        assert!(
            all[..i].iter().all(|w| as_str(*w) != name),
            "{name} used twice"
        );
    }
    assert_eq!(parse("no_such_name"), None);
    assert_eq!(parse(""), None);
    all.len()
}

/// `from_code` is the inverse of `code` on every byte; no code is 0.
fn codes<T: Copy + PartialEq + Debug>(
    all: &[T],
    code: fn(T) -> u8,
    from_code: fn(u8) -> Option<T>,
) {
    for v in all {
        assert_ne!(code(*v), 0, "{v:?}");
    }
    for c in 0..=u8::MAX {
        let want = all.iter().copied().find(|v| code(*v) == c);
        assert_eq!(from_code(c), want, "code {c}");
    }
}

macro_rules! named {
    ($($t:ty),+ $(,)?) => {
        0 $( + names::<$t>(&<$t>::ALL, <$t>::as_str, <$t>::parse) )+
    };
}

macro_rules! coded {
    ($($t:ty),+ $(,)?) => {
        $( codes::<$t>(&<$t>::ALL, <$t>::code, <$t>::from_code); )+
    };
}

#[test]
fn names_round_trip() {
    use gasdev::gbt26875::{Mode, Raise};
    use gasdev::model::*;
    use gasdev::wire::{Capability, CommandCode, FaultKind, MessageType, NakReason, RaisedLevel};
    let n = named!(
        AlarmLevel,
        ExpressedState,
        Carrier,
        DeviceKind,
        Tier,
        Gas,
        UseCase,
        ValveState,
        TripReason,
        Mode,
        Raise,
        MessageType,
        RaisedLevel,
        FaultKind,
        Capability,
        CommandCode,
        NakReason,
    );
    assert_eq!(n, 85, "variants checked");
}

#[cfg(feature = "alloc")]
#[test]
fn names_round_trip_alloc() {
    use gasdev::check::Status;
    use gasdev::install::{
        Connection, GasSupply, Group, Hazard, InstalledKind, Level, Severity, UnitCategory,
        UserClass,
    };
    use gasdev::model::*;
    let n = named!(
        CertKind,
        InterlockLink,
        DataItem,
        Link,
        PipeTrigger,
        NotifyChannel,
        VendorStatus,
        Status,
        Connection,
        GasSupply,
        Group,
        Hazard,
        InstalledKind,
        Level,
        Severity,
        UnitCategory,
        UserClass,
    );
    assert!(n > 0);
}

#[test]
fn codes_are_inverse_and_never_zero() {
    use gasdev::model::*;
    use gasdev::wire::{CarrierKind, FaultKind, MessageType, NakReason, RaisedLevel};
    coded!(
        AlarmLevel,
        Carrier,
        DeviceKind,
        Tier,
        Gas,
        ValveState,
        TripReason,
        MessageType,
        RaisedLevel,
        FaultKind,
        NakReason,
    );
    // The frame's carrier kind is the declaration's carrier: one type.
    let k: CarrierKind = Carrier::SecureChip;
    assert_eq!(k.code(), 7);
    // Spot values of `spec/frame.md` §4.
    assert_eq!(MessageType::Command.code(), 0x10);
    assert_eq!(MessageType::Nak.code(), 0x12);
    assert_eq!(RaisedLevel::High.code(), AlarmLevel::High.code());
    assert_eq!(TripReason::PowerLoss.code(), 7);
    assert_eq!(gasdev::wire::trip_code(Some(TripReason::PowerLoss)), 7);
}

#[test]
fn texts_are_bilingual() {
    use gasdev::model::*;
    use gasdev::wire::MessageType;
    for t in DeviceKind::ALL
        .iter()
        .map(|v| v.text())
        .chain(Tier::ALL.iter().map(|v| v.text()))
        .chain(Gas::ALL.iter().map(|v| v.text()))
        .chain(ValveState::ALL.iter().map(|v| v.text()))
        .chain(TripReason::ALL.iter().map(|v| v.text()))
        .chain(ExpressedState::ALL.iter().map(|v| v.text()))
        .chain(MessageType::ALL.iter().map(|v| v.text()))
    {
        assert!(!t.zh.is_empty() && !t.en.is_empty(), "{t:?}");
        assert!(!t.zh.is_ascii(), "{t:?}: zh is not Chinese");
    }
    assert_eq!(DeviceKind::LeakAlarm.text().zh, "燃气泄漏报警装置");
    assert_eq!(TripReason::OverFlow.text().en, "over-flow");
}
