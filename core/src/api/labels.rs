//! The words for enumerated values (`labels()` in JavaScript): for each enumeration a page shows,
//! every machine name with its Chinese and English text, so that a page renders `none` as 无报警
//! and `leak_alarm` as 燃气泄漏报警装置 from the core's tables, never from a copy of them. JSON
//! stays machine names; only what people read is translated.
//!
//! Tables come from the code tables themselves (`coded_enum!` with texts, the GB/T 26875.3 code
//! tables, the severities of the reports) and, for enumerations whose tables carry no text yet,
//! from `labels.json` beside this file, whose names the tests below hold to each enum's `ALL`.

use alloc::collections::BTreeMap;

use crate::Text;
use crate::gbt26875 as gbt;
use crate::install::{GasSupply, InstalledKind, Severity};
use crate::model::RemovalReason;
use crate::model::{CertKind, DeviceKind, ExpressedState, Gas, Tier, TripReason, ValveState};
use crate::serde_names::ByName as _;

/// One enumeration: machine name → text.
pub type Labels = BTreeMap<&'static str, Text>;

/// Texts of the enumerations whose tables have none yet: `{table: {name: [zh, en]}}`. When an
/// enum's table gains zh/en columns, its entry there goes.
const EXTRA: &str = include_str!("labels.json");

/// The tables of enums with texts (`ALL`, `as_str`, `text`).
macro_rules! coded {
    ($out:ident; $($name:literal: $T:ty),* $(,)?) => {
        $( $out.insert($name, <$T>::ALL.iter().map(|v| (v.as_str(), v.text())).collect::<Labels>()); )*
    };
}

/// Every table, by name (`tier`, `device_kind`, `alarm_level`, `message_type`, `gbt_command`, …).
pub fn labels() -> BTreeMap<&'static str, Labels> {
    let mut out: BTreeMap<&'static str, Labels> = BTreeMap::new();
    coded!(out;
        "check_status": crate::check::Status, "tier": Tier, "device_kind": DeviceKind, "gas": Gas,
        "valve_state": ValveState, "trip_reason": TripReason, "expressed_state": ExpressedState,
        "cert_kind": CertKind, "message_type": crate::wire::MessageType,
        "installed_kind": InstalledKind, "gas_supply": GasSupply,
        "alarm_level": crate::model::AlarmLevel, "raised_level": crate::wire::RaisedLevel,
        "fault_kind": crate::wire::FaultKind, "command_code": crate::wire::CommandCode,
        "nak_reason": crate::wire::NakReason, "capability": crate::wire::Capability,
        "carrier": crate::model::Carrier, "use_case": crate::model::UseCase,
        "vendor_status": crate::model::VendorStatus, "hazard": crate::install::Hazard,
        "user_class": crate::install::UserClass, "connection": crate::install::Connection,
        "unit_category": crate::install::UnitCategory, "severity": Severity,
    );
    out.insert(
        "finding_code",
        crate::install::FindingCode::ALL
            .iter()
            .map(|c| (c.name(), c.text()))
            .collect(),
    );
    out.insert(
        "gbt_command",
        (0..=255u8)
            .map(|c| (gbt::command_name(c), gbt::command_text(c)))
            .collect(),
    );
    out.insert(
        "gbt_type",
        gbt::TYPES.iter().map(|t| (t.name, t.text)).collect(),
    );
    out.insert(
        "gbt_deviation",
        gbt::Deviation::ALL
            .iter()
            .map(|d| (d.name(), d.text()))
            .collect(),
    );
    out.insert(
        "removal_reason",
        RemovalReason::ALL
            .iter()
            .zip(RemovalReason::NAMES)
            .map(|(r, n)| (*n, r.text()))
            .collect(),
    );
    // The words of the bits the reports print (en: the name as words).
    #[cfg(feature = "render")]
    out.insert(
        "gbt_bit",
        super::render::gbt_bits()
            .iter()
            .map(|(name, zh)| (*name, Text::new(zh, name)))
            .collect(),
    );
    for (table, values) in extra() {
        out.entry(table).or_default().extend(values);
    }
    out
}

/// The tables of `labels.json` (its strings have no escapes, so they are borrowed from it).
fn extra() -> BTreeMap<&'static str, Labels> {
    let parsed: BTreeMap<&'static str, BTreeMap<&'static str, [&'static str; 2]>> =
        serde_json::from_str(EXTRA).unwrap_or_default();
    parsed
        .into_iter()
        .map(|(table, values)| {
            let texts = values
                .into_iter()
                .map(|(n, [zh, en])| (n, Text::new(zh, en)));
            (table, texts.collect())
        })
        .collect()
}

/// The JSON of [`labels`] (`{"tier": {"low": {"zh": "低档", "en": "low"}, …}, …}`).
pub fn labels_json() -> alloc::string::String {
    serde_json::to_string(&labels()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::collections::BTreeSet;

    #[test]
    fn extra_tables_name_every_variant_and_nothing_else() {
        let extra = extra();
        let scopes: BTreeSet<&str> = crate::requirements::ALL
            .iter()
            .map(|r| r.scope.as_str())
            .collect();
        let checks: BTreeSet<&str> = crate::requirements::ALL
            .iter()
            .map(|r| r.check.as_str())
            .collect();
        let schemes = crate::ident::Scheme::ALL.iter().map(|s| s.name()).collect();
        assert_eq!(
            extra["ident_scheme"]
                .keys()
                .copied()
                .collect::<BTreeSet<_>>(),
            schemes
        );
        for (table, used) in [("scope", scopes), ("check_kind", checks)] {
            let have: BTreeSet<&str> = extra[table].keys().copied().collect();
            assert!(used.is_subset(&have), "{table}: {used:?} not in {have:?}");
        }
    }

    #[test]
    fn every_table_is_complete_and_chinese() {
        let all = labels();
        assert_eq!(all["alarm_level"]["none"].zh, "无报警");
        assert_eq!(all["device_kind"]["leak_alarm"].zh, "燃气泄漏报警装置");
        assert_eq!(all["valve_state"]["open"].zh, "开启");
        assert_eq!(all["gbt_command"]["confirm"].zh, "确认");
        assert_eq!(all["gbt_type"]["reserved"].en, "reserved");
        for (table, values) in &all {
            assert!(!values.is_empty(), "{table}");
            for (name, t) in values {
                assert!(!t.zh.is_empty() && !t.en.is_empty(), "{table}.{name}");
            }
        }
        assert!(labels_json().starts_with("{\"alarm_level\":{"));
    }
}
