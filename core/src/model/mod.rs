//! The device data model.
//!
//! Designed from the pain points in `devices.md` §13: every concentration carries its unit and,
//! for %LEL, its LEL basis; "unknown" is never confused with 0; preheat is visible; alarm states
//! have a total precedence order; a valve's trip reason and manual-reset latch are explicit.
//!
//! The plain value types here need no allocator and are what the frame codec carries. Product
//! declarations and catalogues (strings and lists) need the `alloc` feature.

mod alarm;
mod carrier;
mod concentration;
mod date;
mod kind;
mod valve;

mod credit_code;
#[cfg(feature = "alloc")]
mod declaration;
#[cfg(feature = "alloc")]
pub mod fold;
#[cfg(feature = "alloc")]
mod price;

pub use alarm::{AlarmLevel, AlarmStatus, ExpressedState};
pub use carrier::Carrier;
#[cfg(all(feature = "serde", feature = "alloc"))]
pub(crate) use concentration::f64_to_centi;
pub use concentration::{Concentration, ConcentrationError, ConcentrationUnit, LelBasis, Reading};
pub use credit_code::{CreditCode, CreditCodeError, CreditCodeProblem};
pub use date::{Date, DateError};
pub use kind::{DeviceKind, Gas, Tier, UseCase};
pub use valve::{TripReason, ValveState, ValveStatus, ValveStatusError};

#[cfg(feature = "alloc")]
pub use declaration::{
    Capabilities, Catalogue, CertKind, Certificate, DataItem, Declaration, DeclaredIdentifier,
    InterlockLink, Link, NotifyChannel, PipeTrigger, Removal, RemovalReason, Vendor, VendorStatus,
};
#[cfg(feature = "alloc")]
pub use price::{Price, PriceError};
