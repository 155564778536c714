//! TypeScript types of the values whose JSON form is written by hand (`Serialize` impls), for the
//! declarations that `tests/ts_bindings.rs` generates (feature `ts`; never in a firmware or
//! WebAssembly build). Types with derived `Serialize` derive `ts_rs::TS` beside it, and the enums
//! of `coded_enum!` derive it from their machine names.

use alloc::string::String;
use alloc::vec::Vec;

use ts_rs::{Config, TS};

/// `impl TS` for a type whose JSON form is an inline TypeScript type (no declaration of its own).
macro_rules! inline_ts {
    ($($T:ty => $ts:expr;)+) => {$(
        impl TS for $T {
            type WithoutGenerics = Self;
            type OptionInnerType = Self;
            fn name(_: &Config) -> String {
                String::from($ts)
            }
            fn inline(cfg: &Config) -> String {
                Self::name(cfg)
            }
        }
    )+};
}

inline_ts! {
    // "YYYY-MM-DD" (model/date.rs).
    crate::model::Date => "string";
    // Yuan with at most two decimals, as a string ("1280.00"; model/price.rs).
    crate::model::Price => "string";
    // The 18 characters of a 统一社会信用代码 (model/credit_code.rs).
    crate::model::CreditCode => "string";
    // The tiers in the set, in order (requirements.rs).
    crate::requirements::TierSet => "Array<Tier>";
}

/// An inspection finding's code: the union of the stable names.
impl TS for crate::install::FindingCode {
    type WithoutGenerics = Self;
    type OptionInnerType = Self;
    fn name(_: &Config) -> String {
        String::from("FindingCode")
    }
    fn inline(_: &Config) -> String {
        let names: Vec<String> = Self::ALL
            .iter()
            .map(|c| alloc::format!("\"{}\"", c.name()))
            .collect();
        names.join(" | ")
    }
    fn decl(cfg: &Config) -> String {
        alloc::format!("type FindingCode = {};", Self::inline(cfg))
    }
    fn decl_concrete(cfg: &Config) -> String {
        Self::decl(cfg)
    }
}

/// `impl TS` for a type whose JSON form is written by hand: its declaration states that form.
macro_rules! declared_ts {
    ($($(#[doc = $doc:literal])* $T:ty => $name:literal = $ts:literal;)+) => {$(
        $(#[doc = $doc])*
        impl TS for $T {
            type WithoutGenerics = Self;
            type OptionInnerType = Self;
            fn docs() -> Option<String> {
                let lines: Vec<String> = [$($doc),*].iter().map(|l| alloc::format!(" *{l}\n")).collect();
                Some(alloc::format!("/**\n{} */", lines.concat()))
            }
            fn name(_: &Config) -> String {
                String::from($name)
            }
            fn inline(_: &Config) -> String {
                String::from($ts)
            }
            fn decl(_: &Config) -> String {
                alloc::format!("type {} = {};", $name, $ts)
            }
            fn decl_concrete(cfg: &Config) -> String {
                Self::decl(cfg)
            }
        }
    )+};
}

declared_ts! {
    /// model/concentration.rs: a %LEL value carries its LEL basis.
    crate::model::Concentration => "Concentration" =
        "{ value: number; unit: \"pct_lel\"; lel_basis_pct_vol: number } | { value: number; unit: \"ppm\" | \"pct_vol\" }";
    /// A reading: a concentration, or "unknown" (never 0).
    crate::model::Reading => "Reading" = "Concentration | \"unknown\"";
    /// wire/serde_impl.rs: a TLV extension, its value in lowercase hex.
    crate::wire::Tlv<'_> => "Tlv" = "{ type: number; value: string }";
    /// wire/serde_impl.rs: the snapshot parts of a status or event; absent parts are omitted.
    crate::wire::Snapshot => "Snapshot" =
        "{ alarm?: AlarmStatus; valve?: ValveStatus; methane?: Reading; carbon_monoxide?: Reading; propane?: Reading }";
    /// wire/serde_impl.rs: a message by its `type`.
    crate::wire::Message<'_> => "FrameMessage" = "\
        | ({ type: \"status\"; kind: DeviceKind; extensions: Array<Tlv> } & Snapshot)\n  \
        | ({ type: \"event\"; event: FrameEvent; extensions: Array<Tlv> } & Snapshot)\n  \
        | { type: \"identity\"; kind: DeviceKind; tier: Tier; capabilities: Array<Capability>; \
identifiers: Array<{ carrier: Carrier; value: string }>; model: string; firmware: string; extensions: Array<Tlv> }\n  \
        | { type: \"command\"; command: FrameCommand; extensions: Array<Tlv> }\n  \
        | { type: \"ack\"; ack_seq: number; command: CommandCode; extensions: Array<Tlv> }\n  \
        | { type: \"nak\"; ack_seq: number; command_code: number; reason: NakReason; extensions: Array<Tlv> }\n  \
        | { type: \"unknown\"; msg_type: number; body: string }";
    /// wire/serde_impl.rs: a frame (`gasdev decode --format json`, what encodeFrame reads); the
    /// timestamp is Unix seconds or "unknown" (never 0).
    crate::wire::FrameRepr<'_> => "FrameJson" =
        "{ seq: number; timestamp: number | \"unknown\"; message: FrameMessage }";
    /// gbt26875/json.rs: one information object; the keys present depend on the type flag.
    crate::gbt26875::Item<'_> => "GbtObject" = "{ \
system_type?: number; system_address?: number; component_type?: number; component_address?: number; \
status?: number; status_bits?: Array<string>; description?: string; description_raw?: string; \
analog_type?: number; value?: number | null; unit?: string | null; raw_value?: number; \
operation?: number; operation_bits?: Array<string>; operator?: number; major?: number; minor?: number; \
record_count?: number; start_time?: string; start_time_valid?: boolean; reserved?: number; \
timeout_minutes?: number; raw?: string; time?: string; time_valid?: boolean }";
    /// gbt26875/json.rs: a decoded GB/T 26875.3 packet (`time_valid` present, false, only when the
    /// time label is not a valid date and time).
    crate::gbt26875::Decoded<'_> => "GbtPacket" = "{ \
serial: number; version: Array<number>; time: string; time_valid?: boolean; source: number; \
destination: number; command: number; \
command_name: \"reserved\" | \"control\" | \"send_data\" | \"confirm\" | \"request\" | \"response\" | \"deny\" | \"user_defined\"; \
checksum_ok: boolean; adu_length: number; heartbeat: boolean; deviations: Array<string>; \
adu: { type: number; type_name: string; count: number; time_labels: boolean; objects: Array<GbtObject> } | null }";
}
