//! Who must install what, and the inspection check (INS-1..INS-7, GB 55009-2021 §6.1.5). Needs `alloc`.
//!
//! [`required_devices`] turns a [`UserProfile`] into [`Obligation`]s by a versioned [`RuleSet`]
//! (`spec/installation-rules.json`; districts may supply their own). [`inspect`] compares what an
//! inspector found at a household with those obligations and, optionally, the catalogue, and
//! returns findings with a clause id, zh/en text and what to do (INS-7: installation and use of
//! the safety devices is a mandatory item of gas-connection acceptance and home inspection).

mod hazard;
mod inspect;
mod kind;
mod lookup;
mod profile;
mod rules;

pub use hazard::{Hazard, HazardRule};
pub use inspect::{
    DeviceFieldError, FindingCode, FireCentre, FoundDevice, InspectionFinding, InspectionRecord,
    InspectionReport, Severity, inspect,
};
pub use kind::InstalledKind;
pub use lookup::{CatalogueIndex, Declared, Listing, Lookup};
pub use profile::{
    Connection, GasSupply, Height, LPG_V1_REJECTED, ProfileError, UnitCategory, UserClass,
    UserProfile,
};
pub use rules::{
    Deadline, DeadlineRule, GasFit, Group, Level, Note, Obligation, Rule, RuleSet, required_devices,
};
