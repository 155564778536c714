//! Every enum read by name (`serde_names::deserialize_by_name!`): each listed name is what the
//! derived `Serialize` writes for its variant, and reads back to it; other strings and other
//! types are refused with the derive's errors.
#![cfg(feature = "json")]

use core::fmt::Debug;

use gasdev::serde_names::ByName;
use serde::{Serialize, de::DeserializeOwned};

fn check<T: ByName + Serialize + DeserializeOwned + PartialEq + Debug>() -> usize {
    assert_eq!(T::ALL.len(), T::NAMES.len());
    for (v, name) in T::ALL.iter().zip(T::NAMES) {
        let json = serde_json::to_string(v).unwrap();
        assert_eq!(json, format!("\"{name}\""), "{v:?}");
        assert_eq!(&serde_json::from_str::<T>(&json).unwrap(), v);
    }
    let e = serde_json::from_str::<T>("\"no_such_name\"")
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("unknown variant `no_such_name`, expected"),
        "{e}"
    );
    let e = serde_json::from_str::<T>("5").unwrap_err().to_string();
    assert!(e.starts_with("invalid type: integer `5`"), "{e}");
    T::ALL.len()
}

#[test]
fn names_are_the_serialized_forms() {
    use gasdev::gbt26875::{Mode, Raise};
    use gasdev::install::{
        Connection, GasSupply, Hazard, InstalledKind, Level, UnitCategory, UserClass,
    };
    use gasdev::model::*;
    use gasdev::wire::{Capability, CarrierKind, CommandCode, FaultKind, NakReason, RaisedLevel};
    let n = check::<AlarmLevel>()
        + check::<ExpressedState>()
        + check::<CertKind>()
        + check::<Carrier>()
        + check::<InterlockLink>()
        + check::<DataItem>()
        + check::<Link>()
        + check::<PipeTrigger>()
        + check::<NotifyChannel>()
        + check::<VendorStatus>()
        + check::<RemovalReason>()
        + check::<DeviceKind>()
        + check::<Tier>()
        + check::<Gas>()
        + check::<UseCase>()
        + check::<ValveState>()
        + check::<TripReason>()
        + check::<gasdev::text::Lang>()
        + check::<Mode>()
        + check::<Raise>()
        + check::<UserClass>()
        + check::<Connection>()
        + check::<UnitCategory>()
        + check::<GasSupply>()
        + check::<InstalledKind>()
        + check::<Hazard>()
        + check::<Level>()
        + check::<gasdev::install::Group>()
        + check::<RaisedLevel>()
        + check::<FaultKind>()
        + check::<CarrierKind>()
        + check::<Capability>()
        + check::<CommandCode>()
        + check::<NakReason>();
    assert_eq!(n, 161, "variants checked");
}
