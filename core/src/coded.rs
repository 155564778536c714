//! [`coded_enum!`]: a unit-only enum defined once as a table — variant, wire code, machine name,
//! Chinese and English text — from which its methods are generated, so that a name or a code is
//! written in exactly one place.
//!
//! The tables themselves are data: `spec/enums.json` holds every coded enum (its doc, derives,
//! serde flag, and per variant the identifier, code, machine name, texts and doc with its clause
//! ids), and `core/build.rs` writes the invocations below from it into `$OUT_DIR/enums/`, one file
//! per module, which that module `include!`s. The public paths are those of the modules (e.g.
//! `gasdev::model::Tier`); to find an enum, a variant, a name or a clause id, grep
//! `spec/enums.json`. An invocation looks like this:
//!
//! ```text
//! coded_enum! {
//!     /// Why a device refused a command.
//!     #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
//!     pub enum NakReason: u8 => serde {
//!         /// The device does not support this command.
//!         Unsupported = 1, "unsupported", "不支持该命令", "unsupported";
//!         …
//!     }
//! }
//! ```
//!
//! Every enum gets `ALL` (every variant, in declaration order), `as_str` (the machine name) and
//! `parse` (the variant of a machine name). The columns present add the rest:
//!
//! - `: u8` and a code per row: `code()` and `from_code()`;
//! - two texts per row (zh, en): `text()` returning [`crate::Text`];
//! - `=> serde`: `Serialize` by machine name and `Deserialize` by machine name (through
//!   [`crate::serde_names::deserialize_by_name!`]); `=> serialize`: `Serialize` only (the enum
//!   reads itself in its own way, or not at all); nothing: no serde.
//!
//! The generated `match`es are the ones that were hand-written before, so the code size does not
//! change; methods a program does not call are not linked.

/// See the module documentation.
macro_rules! coded_enum {
    // code, name, zh, en
    (
        $(#[$m:meta])* $vis:vis enum $T:ident : $ct:ty $(=> $flag:ident)? {
            $( $(#[$d:meta])* $v:ident = $code:literal, $name:literal, $zh:literal, $en:literal; )+
        }
    ) => {
        $crate::coded::coded_enum!(@base [$(#[$m])*] $vis $T [$($flag)?] { $( [$(#[$d])*] $v = $name; )+ });
        $crate::coded::coded_enum!(@code $T $ct { $( $v = $code; )+ });
        $crate::coded::coded_enum!(@text $T { $( $v = $zh, $en; )+ });
    };
    // code, name
    (
        $(#[$m:meta])* $vis:vis enum $T:ident : $ct:ty $(=> $flag:ident)? {
            $( $(#[$d:meta])* $v:ident = $code:literal, $name:literal; )+
        }
    ) => {
        $crate::coded::coded_enum!(@base [$(#[$m])*] $vis $T [$($flag)?] { $( [$(#[$d])*] $v = $name; )+ });
        $crate::coded::coded_enum!(@code $T $ct { $( $v = $code; )+ });
    };
    // name, zh, en
    (
        $(#[$m:meta])* $vis:vis enum $T:ident $(=> $flag:ident)? {
            $( $(#[$d:meta])* $v:ident = $name:literal, $zh:literal, $en:literal; )+
        }
    ) => {
        $crate::coded::coded_enum!(@base [$(#[$m])*] $vis $T [$($flag)?] { $( [$(#[$d])*] $v = $name; )+ });
        $crate::coded::coded_enum!(@text $T { $( $v = $zh, $en; )+ });
    };
    // name
    (
        $(#[$m:meta])* $vis:vis enum $T:ident $(=> $flag:ident)? {
            $( $(#[$d:meta])* $v:ident = $name:literal; )+
        }
    ) => {
        $crate::coded::coded_enum!(@base [$(#[$m])*] $vis $T [$($flag)?] { $( [$(#[$d])*] $v = $name; )+ });
    };

    (@base [$($m:tt)*] $vis:vis $T:ident [$($flag:ident)?] { $( [$($d:tt)*] $v:ident = $name:literal; )+ }) => {
        $crate::coded::coded_enum!(@serde_attrs $($flag)? ;
            $($m)*
            $vis enum $T {
                $( $($d)* $v, )+
            }
            ; $( $v = $name; )+
        );

        impl $T {
            /// Every variant, in table order.
            pub const ALL: [$T; [$(stringify!($v)),+].len()] = [$($T::$v),+];

            /// The machine name (JSON, CLI, CSV).
            pub const fn as_str(self) -> &'static str {
                match self {
                    $( $T::$v => $name, )+
                }
            }

            /// The variant of a machine name.
            pub fn parse(s: &str) -> Option<$T> {
                $T::ALL.into_iter().find(|v| v.as_str() == s)
            }
        }

        $crate::coded::coded_enum!(@deserialize $($flag)? $T { $( $v = $name; )+ });
    };

    // The enum definition, with the serde attributes the flag asks for.
    (@serde_attrs ; $(#[$m:meta])* $vis:vis enum $T:ident { $( $(#[$d:meta])* $v:ident, )+ } ; $( $v2:ident = $name:literal; )+) => {
        $(#[$m])*
        $vis enum $T {
            $( $(#[$d])* $v, )+
        }
    };
    (@serde_attrs $flag:ident ; $(#[$m:meta])* $vis:vis enum $T:ident { $( $(#[$d:meta])* $v:ident, )+ } ; $( $v2:ident = $name:literal; )+) => {
        $(#[$m])*
        #[cfg_attr(feature = "serde", derive(serde::Serialize))]
        // Its TypeScript type: the union of its machine names (`ts` feature, tests/ts_bindings.rs).
        #[cfg_attr(feature = "ts", derive(ts_rs::TS))]
        $vis enum $T {
            $( $(#[$d])* #[cfg_attr(feature = "serde", serde(rename = $name))] $v, )+
        }
    };

    (@deserialize serde $T:ident { $( $v:ident = $name:literal; )+ }) => {
        $crate::serde_names::deserialize_by_name!($T { $( $v = $name, )+ });
    };
    (@deserialize serialize $T:ident { $( $v:ident = $name:literal; )+ }) => {};
    (@deserialize $T:ident { $( $v:ident = $name:literal; )+ }) => {};

    (@code $T:ident $ct:ty { $( $v:ident = $code:literal; )+ }) => {
        impl $T {
            /// The numeric code (for an enumeration a frame carries, its wire code,
            /// `spec/frame.md` §4).
            pub const fn code(self) -> $ct {
                match self {
                    $( $T::$v => $code, )+
                }
            }

            /// The variant of a code, if the code is defined.
            pub const fn from_code(code: $ct) -> Option<$T> {
                match code {
                    $( $code => Some($T::$v), )+
                    _ => None,
                }
            }
        }
    };

    (@text $T:ident { $( $v:ident = $zh:literal, $en:literal; )+ }) => {
        impl $T {
            /// Name in both languages.
            pub const fn text(self) -> $crate::Text {
                match self {
                    $( $T::$v => $crate::Text::new($zh, $en), )+
                }
            }
        }
    };
}

pub(crate) use coded_enum;
