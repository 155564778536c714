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
