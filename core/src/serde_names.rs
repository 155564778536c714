//! Reading unit-only enums from their names (feature `serde`), and [`serde_text!`] for the types
//! whose JSON form is their text.
//!
//! serde's derive gives every enum its own enum visitor, variant reader and field visitor, for
//! every deserializer it is used with; for the thirty-odd enums of the data model that was a
//! tenth of the JSON code in the WebAssembly module. [`deserialize_by_name!`] implements
//! `Deserialize` with one shared string reader instead: the enum's names are listed next to its
//! variants (the listing must be exhaustive, or it does not compile), and
//! `core/tests/serde_names.rs` checks every name against the enum's derived `Serialize`. The
//! errors are the derive's (`unknown variant `x`, expected one of …`, error name
//! `INPUT_UNKNOWN_VALUE`); a value that is not a string is `invalid type` (`INPUT_JSON_TYPE`).

#[cfg(feature = "serde")]
use serde::de::{Deserializer, Error, Visitor};

/// An enum read by [`deserialize_by_name!`]: its variants and their names, in the same order.
pub trait ByName: Sized + 'static {
    /// Every variant.
    const ALL: &'static [Self];
    /// The name of each variant of [`Self::ALL`].
    const NAMES: &'static [&'static str];
}

#[cfg(feature = "serde")]
/// The position in `names` of the string `d` holds.
///
/// # Errors
/// `invalid type` for a value that is not a string, `unknown variant` for another string.
pub fn variant_index<'de, D: Deserializer<'de>>(
    d: D,
    names: &'static [&'static str],
) -> Result<usize, D::Error> {
    variant_index_or_retired(d, names, "a variant name (string)", &[])
}

#[cfg(feature = "serde")]
/// As [`variant_index`], with `expecting` (what serde says of a value that is not a string) and
/// the `retired` names a rule-set version withdrew, each refused with its own message.
///
/// # Errors
/// `invalid type` for a value that is not a string, the message of a retired name, `unknown
/// variant` for another string.
pub fn variant_index_or_retired<'de, D: Deserializer<'de>>(
    d: D,
    names: &'static [&'static str],
    expecting: &'static str,
    retired: &'static [(&'static str, &'static str)],
) -> Result<usize, D::Error> {
    struct NameVisitor {
        names: &'static [&'static str],
        expecting: &'static str,
        retired: &'static [(&'static str, &'static str)],
    }
    impl Visitor<'_> for NameVisitor {
        type Value = usize;
        fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
            f.write_str(self.expecting)
        }
        fn visit_str<E: Error>(self, s: &str) -> Result<usize, E> {
            if let Some((_, message)) = self.retired.iter().find(|(n, _)| *n == s) {
                return Err(E::custom(message));
            }
            self.names
                .iter()
                .position(|n| *n == s)
                .ok_or_else(|| E::unknown_variant(s, self.names))
        }
    }
    d.deserialize_str(NameVisitor {
        names,
        expecting,
        retired,
    })
}

/// `Deserialize` (and [`ByName`]) for a unit-only enum from its variants' names:
/// `deserialize_by_name!(Tier { Low = "low", Mid = "mid", High = "high" });`.
macro_rules! deserialize_by_name {
    ($ty:ident { $($variant:ident = $name:literal),+ $(,)? }) => {
        #[cfg(feature = "serde")]
        impl $crate::serde_names::ByName for $ty {
            const ALL: &'static [Self] = &[$($ty::$variant),+];
            const NAMES: &'static [&'static str] = &[$($name),+];
        }

        // Every variant is listed (a missing one fails to compile here).
        #[cfg(feature = "serde")]
        const _: fn($ty) = |v| match v {
            $($ty::$variant => {})+
        };

        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                use $crate::serde_names::ByName as _;
                let i = $crate::serde_names::variant_index(d, Self::NAMES)?;
                Self::ALL
                    .get(i)
                    .cloned()
                    .ok_or_else(|| <D::Error as serde::de::Error>::custom("no such variant"))
            }
        }
    };
}

pub(crate) use deserialize_by_name;

/// `Serialize` as the type's `Display` text and `Deserialize` from a string through its parser,
/// for the types whose JSON form is their text (dates, prices, credit codes, identifiers):
/// `serde_text!(Date, "a date string YYYY-MM-DD", Date::parse, "date");`. `expecting` is what
/// serde says of a value that is not a string; the parser's error is the message, after
/// `invalid <what> "<text>": ` when `what` is given. With `schema { … }` after it (the
/// `schemars::json_schema!` body), also `JsonSchema` under the type's name.
macro_rules! serde_text {
    ($ty:ident, $expecting:literal, $parse:expr $(, $what:literal)? $(; schema $schema:tt)?) => {
        #[cfg(feature = "serde")]
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl serde::de::Visitor<'_> for V {
                    type Value = $ty;
                    fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                        f.write_str($expecting)
                    }
                    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<$ty, E> {
                        $crate::serde_names::serde_text!(@err ($parse)(v), v $(, $what)?)
                    }
                }
                d.deserialize_str(V)
            }
        }

        $(
            #[cfg(feature = "schema")]
            impl schemars::JsonSchema for $ty {
                fn schema_name() -> alloc::borrow::Cow<'static, str> {
                    stringify!($ty).into()
                }
                fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                    schemars::json_schema!($schema)
                }
            }
        )?
    };
    (@err $r:expr, $v:ident) => {
        $r.map_err(E::custom)
    };
    (@err $r:expr, $v:ident, $what:literal) => {
        $r.map_err(|e| E::custom(format_args!(concat!("invalid ", $what, " \"{}\": {}"), $v, e)))
    };
}

pub(crate) use serde_text;
