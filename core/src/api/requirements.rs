//! The requirement table as the bindings return it, filtered by kind and tier with the core's one
//! filter ([`crate::requirements::select`]).

use alloc::format;
use alloc::vec::Vec;

use serde::Serialize;

use super::error::ApiError;
use crate::ErrorCode;
use crate::model::{DeviceKind, Tier};
use crate::requirements::{RULESET, RULESET_VERSION, Requirement, select};

/// The selected requirements (`gasdev requirements --format json`, `requirements()` in
/// JavaScript).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Requirements {
    /// The rule set.
    pub ruleset: &'static str,
    /// Its version.
    pub ruleset_version: u32,
    /// The kind asked for.
    pub kind: Option<DeviceKind>,
    /// The tier asked for.
    pub tier: Option<Tier>,
    /// The requirements, in table order.
    pub requirements: Vec<&'static Requirement>,
}

/// The requirements of `kind` (at `tier`).
///
/// # Errors
/// `INVALID_PARAMETER` (field `tier`) for a tier without a kind.
pub fn requirements(
    kind: Option<DeviceKind>,
    tier: Option<Tier>,
) -> Result<Requirements, ApiError> {
    if tier.is_some() && kind.is_none() {
        return Err(ApiError::new(ErrorCode::InvalidParameter)
            .field("tier")
            .detail("a tier needs a kind"));
    }
    Ok(Requirements {
        ruleset: RULESET,
        ruleset_version: RULESET_VERSION,
        kind,
        tier,
        requirements: select(kind, tier).collect(),
    })
}

/// A device kind by its machine name.
///
/// # Errors
/// `INPUT_UNKNOWN_VALUE` at `field`, listing the names.
pub fn parse_kind(s: &str, field: &str) -> Result<DeviceKind, ApiError> {
    DeviceKind::parse(s).ok_or_else(|| {
        ApiError::new(ErrorCode::InputUnknownValue)
            .field(field)
            .detail(&format!(
                "\"{s}\" (expected leak_alarm or self_closing_valve)"
            ))
    })
}

/// A tier by its machine name.
///
/// # Errors
/// `INPUT_UNKNOWN_VALUE` at `field`, listing the names.
pub fn parse_tier(s: &str, field: &str) -> Result<Tier, ApiError> {
    Tier::parse(s).ok_or_else(|| {
        ApiError::new(ErrorCode::InputUnknownValue)
            .field(field)
            .detail(&format!("\"{s}\" (expected low, mid or high)"))
    })
}
