//! The requirement table (`spec/requirements.json`): look a clause up by id, or iterate the
//! requirements that apply to a device kind and tier. Static data: available in firmware builds.

use core::ffi::c_char;

use gasdev::model::Tier;
use gasdev::requirements::{self, CheckKind, Requirement, Scope};

use crate::boundary::{Res, Span, check_out, disjoint, guard, guard_value, text, write};
use crate::frame::{kind_in, tier_in};
use crate::result::gasdev_result;

/// A static UTF-8 string owned by the library: `len` bytes at `data`, **not** NUL-terminated
/// (print it with `printf("%.*s", (int)s.len, s.data)`). Empty strings have `len` 0.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct gasdev_str {
    /// The bytes.
    pub data: *const c_char,
    /// How many.
    pub len: usize,
}

impl gasdev_str {
    pub(crate) const fn of(s: &str) -> gasdev_str {
        gasdev_str {
            data: s.as_ptr().cast::<c_char>(),
            len: s.len(),
        }
    }
}

/// What a requirement applies to.
#[repr(u8)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum gasdev_scope {
    /// A leak alarm declaration.
    LeakAlarm = 1,
    /// A self-closing valve declaration.
    SelfClosingValve = 2,
    /// Every product declaration.
    AnyProduct = 3,
    /// A whole catalogue.
    Catalogue = 4,
    /// A user profile or inspection record.
    Installation = 5,
    /// Platforms and signals.
    Platform = 6,
}

/// How a requirement is evaluated.
#[repr(u8)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum gasdev_check_kind {
    /// Against a product declaration.
    Declaration = 1,
    /// Against a whole catalogue.
    Catalogue = 2,
    /// Against a user profile or inspection record.
    Installation = 3,
    /// Reported, never failed.
    Informational = 4,
}

/// Tier bit of `gasdev_requirement.tiers`: low.
pub const GASDEV_TIER_BIT_LOW: u8 = 1;
/// Tier bit of `gasdev_requirement.tiers`: mid.
pub const GASDEV_TIER_BIT_MID: u8 = 2;
/// Tier bit of `gasdev_requirement.tiers`: high.
pub const GASDEV_TIER_BIT_HIGH: u8 = 4;
/// The `tier` argument of `gasdev_requirement_count` / `_get` that selects every tier.
pub const GASDEV_REQUIREMENT_ANY_TIER: u32 = 0;

/// One checkable clause. Every string is static.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct gasdev_requirement {
    /// Stable id, e.g. `ALM-3b`.
    pub id: gasdev_str,
    /// Where it comes from (`附件3 一.3`).
    pub clause: gasdev_str,
    /// The clause text in Chinese.
    pub text_zh: gasdev_str,
    /// Its English rendering.
    pub text_en: gasdev_str,
    /// The interpretation (`INT-n`, `spec/interpretations.md`) that applies; empty if none.
    pub interpretation: gasdev_str,
    /// The plan's own sentence(s) the requirement derives from (verbatim, parts joined by `……`);
    /// empty for libgasdev's own checks (CERT-*, INTEG-*, PRICE-*).
    pub source_text: gasdev_str,
    /// A `GASDEV_SCOPE_…` constant.
    pub scope: u8,
    /// A `GASDEV_CHECK_KIND_…` constant.
    pub check: u8,
    /// `GASDEV_TIER_BIT_…` bits of the tiers it applies to (0: untiered).
    pub tiers: u8,
}

fn describe(r: &Requirement) -> gasdev_requirement {
    let tiers = Tier::ALL
        .iter()
        .filter(|t| r.tiers.contains(**t))
        .fold(0u8, |acc, t| {
            acc | match t {
                Tier::Low => GASDEV_TIER_BIT_LOW,
                Tier::Mid => GASDEV_TIER_BIT_MID,
                Tier::High => GASDEV_TIER_BIT_HIGH,
            }
        });
    gasdev_requirement {
        id: gasdev_str::of(r.id),
        clause: gasdev_str::of(r.clause),
        text_zh: gasdev_str::of(r.text.zh),
        text_en: gasdev_str::of(r.text.en),
        interpretation: gasdev_str::of(r.interpretation.unwrap_or("")),
        source_text: gasdev_str::of(r.source_text.unwrap_or("")),
        scope: (match r.scope {
            Scope::LeakAlarm => gasdev_scope::LeakAlarm,
            Scope::SelfClosingValve => gasdev_scope::SelfClosingValve,
            Scope::AnyProduct => gasdev_scope::AnyProduct,
            Scope::Catalogue => gasdev_scope::Catalogue,
            Scope::Installation => gasdev_scope::Installation,
            Scope::Platform => gasdev_scope::Platform,
        }) as u8,
        check: (match r.check {
            CheckKind::Declaration => gasdev_check_kind::Declaration,
            CheckKind::Catalogue => gasdev_check_kind::Catalogue,
            CheckKind::Installation => gasdev_check_kind::Installation,
            CheckKind::Informational => gasdev_check_kind::Informational,
        }) as u8,
        tiers,
    }
}

/// The requirements of `kind` at `tier` (any tier for `GASDEV_REQUIREMENT_ANY_TIER`), in table
/// order.
fn applicable(kind: u32, tier: u32) -> Res<impl Iterator<Item = &'static Requirement>> {
    let kind = kind_in(u8::try_from(kind).map_err(|_| gasdev_result::InvalidParameter)?)?;
    let tier = if tier == GASDEV_REQUIREMENT_ANY_TIER {
        None
    } else {
        Some(tier_in(
            u8::try_from(tier).map_err(|_| gasdev_result::InvalidParameter)?,
        )?)
    };
    Ok(requirements::select(Some(kind), tier))
}

/// How many requirements apply to a product of `kind` (`GASDEV_DEVICE_KIND_…`) claimed at `tier`
/// (`GASDEV_TIER_…`, or `GASDEV_REQUIREMENT_ANY_TIER` for those of any tier). 0 for undefined
/// values.
#[unsafe(no_mangle)]
pub extern "C" fn gasdev_requirement_count(kind: u32, tier: u32) -> usize {
    guard_value(0, || applicable(kind, tier).map_or(0, Iterator::count))
}

/// The requirement number `index` (from 0, table order) of those `gasdev_requirement_count(kind,
/// tier)` counts, into `*out`. `GASDEV_RESULT_INVALID_PARAMETER` past the end or for undefined
/// values.
///
/// # Safety
/// `out` is valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gasdev_requirement_get(
    kind: u32,
    tier: u32,
    index: usize,
    out: *mut gasdev_requirement,
) -> gasdev_result {
    guard(|| {
        check_out(out)?;
        let r = applicable(kind, tier)?
            .nth(index)
            .ok_or(gasdev_result::InvalidParameter)?;
        // SAFETY: checked by check_out above.
        unsafe { write(out, describe(r)) };
        Ok(())
    })
}

/// The requirement with the id `id[0..len]` (e.g. `"ALM-3b"`, not NUL-terminated) into `*out`;
/// `GASDEV_RESULT_INVALID_PARAMETER` when the table has no such id.
///
/// # Safety
/// `id` is valid for reads of `len` bytes; `out` is valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gasdev_requirement_find(
    id: *const c_char,
    len: usize,
    out: *mut gasdev_requirement,
) -> gasdev_result {
    guard(|| {
        // Every output apart from every input and every other output (before any use).
        disjoint(&[Span::raw(id, len)], &[Span::ptr(out)])?;
        check_out(out)?;
        // SAFETY: valid for `len` bytes (caller contract).
        let id = unsafe { text(id, len) }?;
        let r = requirements::by_id(id).ok_or(gasdev_result::InvalidParameter)?;
        // SAFETY: checked by check_out above.
        unsafe { write(out, describe(r)) };
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use gasdev::model::DeviceKind;

    #[test]
    fn counts_match_the_core_table() {
        use crate::frame::{gasdev_device_kind as K, gasdev_tier as T};
        for (k, kind) in [
            (K::LeakAlarm, DeviceKind::LeakAlarm),
            (K::SelfClosingValve, DeviceKind::SelfClosingValve),
        ] {
            for (t, tier) in [
                (T::Low, Tier::Low),
                (T::Mid, Tier::Mid),
                (T::High, Tier::High),
            ] {
                let want = requirements::for_kind(kind)
                    .filter(|r| r.tiers.contains(tier))
                    .count();
                assert_eq!(gasdev_requirement_count(k as u32, t as u32), want);
                assert!(want > 0);
            }
        }
        assert_eq!(gasdev_requirement_count(9, 1), 0);
    }
}
