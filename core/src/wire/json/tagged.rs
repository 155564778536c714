//! The internally tagged objects of a frame's JSON form — the message (tag `"type"`), its event
//! and its command (tag `"kind"`) — read in one pass.
//!
//! serde's derive for an internally tagged enum buffers the whole object in its private
//! `Content` type before it knows the variant, and instantiates every field's deserializer a
//! second time for that buffer (in the WebAssembly module, most of the JSON reader's size).
//! Here every key is read once into a slot of the union of all variants' fields. When the tag
//! has been read, a key of another variant is an unknown field at once; the keys before the tag
//! are checked when it is read. The errors are the derive's: `unknown variant`, `unknown
//! field` (with the variant's fields), `missing field`, `duplicate field`, so the shared error
//! names do not change (`INPUT_UNKNOWN_VALUE`, `INPUT_UNKNOWN_FIELD`, `INPUT_MISSING_FIELD`).

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use serde::de::{self, Deserialize, Deserializer, Error as _, IgnoredAny, MapAccess, Visitor};

use super::super::repr::{
    Capability, Command, CommandCode, Event, FaultKind, NakReason, RaisedLevel,
};
use super::{HexBytes, IdentifierDoc, MessageDoc, TlvDoc};
use crate::model::{AlarmStatus, DeviceKind, Gas, Reading, Tier, TripReason, ValveStatus};

/// A tagged object's variants: each name with the fields it allows (the tag aside).
type Variants = &'static [(&'static str, &'static [&'static str])];

/// Read `key`'s value into `slot`, which must still be empty.
fn fill<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
    slot: &mut Option<T>,
    key: &'static str,
    map: &mut A,
) -> Result<(), A::Error> {
    if slot.is_some() {
        return Err(A::Error::duplicate_field(key));
    }
    *slot = Some(map.next_value()?);
    Ok(())
}

/// A required field.
fn req<T, E: de::Error>(slot: Option<T>, name: &'static str) -> Result<T, E> {
    slot.ok_or_else(|| E::missing_field(name))
}

/// The fields variant `tag` allows, or the `unknown variant` error.
fn allowed<E: de::Error>(
    tag: &str,
    variants: Variants,
    names: &'static [&'static str],
) -> Result<&'static [&'static str], E> {
    variants
        .iter()
        .find(|(n, _)| *n == tag)
        .map(|(_, f)| *f)
        .ok_or_else(|| E::unknown_variant(tag, names))
}

/// Declares the slots of a tagged object and its one-pass reader.
macro_rules! slots {
    ($name:ident, $tag:literal { $($field:ident : $ty:ty),* $(,)? }) => {
        #[derive(Default)]
        struct $name {
            tag: Option<String>,
            /// The first key that no variant has.
            other: Option<String>,
            $($field: Option<$ty>,)*
        }

        impl $name {
            fn read<'de, A: MapAccess<'de>>(
                map: &mut A,
                variants: Variants,
                names: &'static [&'static str],
            ) -> Result<Self, A::Error> {
                let mut s = Self::default();
                let mut fields: Option<&'static [&'static str]> = None;
                while let Some(key) = map.next_key::<String>()? {
                    if key == $tag {
                        fill(&mut s.tag, $tag, map)?;
                        let f = allowed(s.tag.as_deref().unwrap_or_default(), variants, names)?;
                        // The keys read before the tag can be checked now; later ones on arrival.
                        let early = s.present().find(|k| !f.contains(k));
                        if let Some(k) = s.other.as_deref().or(early) {
                            return Err(A::Error::unknown_field(k, f));
                        }
                        fields = Some(f);
                        continue;
                    }
                    if let Some(f) = fields.filter(|f| !f.contains(&key.as_str())) {
                        return Err(A::Error::unknown_field(&key, f));
                    }
                    match key.as_str() {
                        $(stringify!($field) => fill(&mut s.$field, stringify!($field), map)?,)*
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                            s.other.get_or_insert(key);
                        }
                    }
                }
                // Every key has been checked against the tag's variant once the tag was read.
                req::<_, A::Error>(fields, $tag)?;
                Ok(s)
            }

            /// The keys read, in declaration order.
            fn present(&self) -> impl Iterator<Item = &'static str> + '_ {
                [$((stringify!($field), self.$field.is_some()),)*]
                    .into_iter()
                    .filter_map(|(n, p)| p.then_some(n))
            }
        }
    };
}

/// A tagged object's variant names (for `unknown variant` errors) and the fields each allows
/// ([`Variants`]), from one listing: `variants!(NAMES, FIELDS { "mute": ["seconds"], … });`.
macro_rules! variants {
    ($names:ident, $fields:ident { $($v:literal: [$($f:literal),*]),* $(,)? }) => {
        const $names: &[&str] = &[$($v),*];
        const $fields: Variants = &[$(($v, &[$($f),*])),*];
    };
}

/// Implements `Deserialize` for `$ty` by a visitor of one map that calls `$read`.
macro_rules! from_map {
    ($ty:ty, $expecting:literal, $read:expr) => {
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct MapVisitor;
                impl<'de> Visitor<'de> for MapVisitor {
                    type Value = $ty;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str($expecting)
                    }
                    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<$ty, A::Error> {
                        $read(&mut map)
                    }
                }
                d.deserialize_map(MapVisitor)
            }
        }
    };
}

// ---------------------------------------------------------------------------------------------
// The message, tagged by "type" (spec/frame.md §8)
// ---------------------------------------------------------------------------------------------

variants!(MESSAGE_TYPES, MESSAGE_FIELDS {
    "status": ["kind", "alarm", "valve", "methane", "carbon_monoxide", "propane", "extensions"],
    "event": ["event", "alarm", "valve", "methane", "carbon_monoxide", "propane", "extensions"],
    "identity": ["kind", "tier", "capabilities", "identifiers", "model", "firmware", "extensions"],
    "command": ["command", "extensions"],
    "ack": ["ack_seq", "command", "extensions"],
    "nak": ["ack_seq", "command_code", "reason", "extensions"],
    "unknown": ["msg_type", "body"],
});

/// `"command"`: a command object in a command message, a command code in an acknowledgement.
enum CommandField {
    Code(CommandCode),
    Command(Command),
}

impl<'de> Deserialize<'de> for CommandField {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct CommandVisitor;
        impl<'de> Visitor<'de> for CommandVisitor {
            type Value = CommandField;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a command object or a command code")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<CommandField, E> {
                CommandCode::deserialize(de::value::StrDeserializer::<E>::new(s))
                    .map(CommandField::Code)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<CommandField, A::Error> {
                Command::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(CommandField::Command)
            }
        }
        d.deserialize_any(CommandVisitor)
    }
}

slots!(MessageSlots, "type" {
    kind: DeviceKind,
    alarm: Option<AlarmStatus>,
    valve: Option<ValveStatus>,
    methane: Option<Reading>,
    carbon_monoxide: Option<Reading>,
    propane: Option<Reading>,
    extensions: Vec<TlvDoc>,
    event: Event,
    tier: Tier,
    capabilities: Vec<Capability>,
    identifiers: Vec<IdentifierDoc>,
    model: String,
    firmware: String,
    command: CommandField,
    ack_seq: u16,
    command_code: u8,
    reason: NakReason,
    msg_type: u8,
    body: HexBytes,
});

/// `"command"` of a command message: an object.
fn command_object<E: de::Error>(field: Option<CommandField>) -> Result<Command, E> {
    match field {
        Some(CommandField::Command(c)) => Ok(c),
        Some(CommandField::Code(_)) => Err(E::invalid_type(
            de::Unexpected::Other("a command code"),
            &"a command object",
        )),
        None => Err(E::missing_field("command")),
    }
}

/// `"command"` of an acknowledgement: a command code.
fn command_code<E: de::Error>(field: Option<CommandField>) -> Result<CommandCode, E> {
    match field {
        Some(CommandField::Code(c)) => Ok(c),
        Some(CommandField::Command(_)) => Err(E::invalid_type(
            de::Unexpected::Map,
            &"a command code (string)",
        )),
        None => Err(E::missing_field("command")),
    }
}

fn read_message<'de, A: MapAccess<'de>>(map: &mut A) -> Result<MessageDoc, A::Error> {
    let s = MessageSlots::read(map, MESSAGE_FIELDS, MESSAGE_TYPES)?;
    let extensions = s.extensions.unwrap_or_default();
    let (alarm, valve) = (s.alarm.flatten(), s.valve.flatten());
    let (methane, carbon_monoxide, propane) = (
        s.methane.flatten(),
        s.carbon_monoxide.flatten(),
        s.propane.flatten(),
    );
    Ok(match s.tag.as_deref().unwrap_or_default() {
        "status" => MessageDoc::Status {
            kind: req(s.kind, "kind")?,
            alarm,
            valve,
            methane,
            carbon_monoxide,
            propane,
            extensions,
        },
        "event" => MessageDoc::Event {
            event: req(s.event, "event")?,
            alarm,
            valve,
            methane,
            carbon_monoxide,
            propane,
            extensions,
        },
        "identity" => MessageDoc::Identity {
            kind: req(s.kind, "kind")?,
            tier: req(s.tier, "tier")?,
            capabilities: req(s.capabilities, "capabilities")?,
            identifiers: req(s.identifiers, "identifiers")?,
            model: req(s.model, "model")?,
            firmware: req(s.firmware, "firmware")?,
            extensions,
        },
        "command" => MessageDoc::Command {
            command: command_object(s.command)?,
            extensions,
        },
        "ack" => MessageDoc::Ack {
            ack_seq: req(s.ack_seq, "ack_seq")?,
            command: command_code(s.command)?,
            extensions,
        },
        "nak" => MessageDoc::Nak {
            ack_seq: req(s.ack_seq, "ack_seq")?,
            command_code: req(s.command_code, "command_code")?,
            reason: req(s.reason, "reason")?,
            extensions,
        },
        _ => MessageDoc::Unknown {
            msg_type: req(s.msg_type, "msg_type")?,
            body: req(s.body, "body")?,
        },
    })
}

from_map!(MessageDoc, "a message object with \"type\"", read_message);

// ---------------------------------------------------------------------------------------------
// The event, tagged by "kind" ([FRAME-051])
// ---------------------------------------------------------------------------------------------

variants!(EVENT_KINDS, EVENT_FIELDS {
    "alarm_raised": ["gas", "level"],
    "alarm_cleared": ["gas"],
    "valve_closed": ["trip", "manual_reset_required"],
    "fault": ["fault", "active"],
    "end_of_life": [],
    "tamper": [],
    "power_lost": [],
    "power_restored": [],
    "self_test_result": ["passed"],
    "mute": ["muted"],
    "unknown": ["code", "arg"],
});

slots!(EventSlots, "kind" {
    gas: Gas,
    level: RaisedLevel,
    trip: Option<TripReason>,
    manual_reset_required: bool,
    fault: FaultKind,
    active: bool,
    passed: bool,
    muted: bool,
    code: u8,
    arg: u8,
});

fn read_event<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Event, A::Error> {
    let s = EventSlots::read(map, EVENT_FIELDS, EVENT_KINDS)?;
    Ok(match s.tag.as_deref().unwrap_or_default() {
        "alarm_raised" => Event::AlarmRaised {
            gas: req(s.gas, "gas")?,
            level: req(s.level, "level")?,
        },
        "alarm_cleared" => Event::AlarmCleared {
            gas: req(s.gas, "gas")?,
        },
        "valve_closed" => Event::ValveClosed {
            trip: s.trip.flatten(),
            manual_reset_required: req(s.manual_reset_required, "manual_reset_required")?,
        },
        "fault" => Event::Fault {
            fault: req(s.fault, "fault")?,
            active: req(s.active, "active")?,
        },
        "end_of_life" => Event::EndOfLife,
        "tamper" => Event::Tamper,
        "power_lost" => Event::PowerLost,
        "power_restored" => Event::PowerRestored,
        "self_test_result" => Event::SelfTestResult {
            passed: req(s.passed, "passed")?,
        },
        "mute" => Event::Mute {
            muted: req(s.muted, "muted")?,
        },
        _ => Event::Unknown {
            code: req(s.code, "code")?,
            arg: req(s.arg, "arg")?,
        },
    })
}

from_map!(Event, "an event object with \"kind\"", read_event);

// ---------------------------------------------------------------------------------------------
// The command, tagged by "kind" (no variant opens a valve: VLV-0e)
// ---------------------------------------------------------------------------------------------

variants!(COMMAND_KINDS, COMMAND_FIELDS {
    "close_valve": [],
    "self_test": [],
    "mute": ["seconds"],
    "set_report_interval": ["seconds"],
    "request_status": [],
});

slots!(CommandSlots, "kind" {
    seconds: u32,
});

fn read_command<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Command, A::Error> {
    let s = CommandSlots::read(map, COMMAND_FIELDS, COMMAND_KINDS)?;
    Ok(match s.tag.as_deref().unwrap_or_default() {
        "close_valve" => Command::CloseValve,
        "self_test" => Command::SelfTest,
        "mute" => {
            let seconds = req(s.seconds, "seconds")?;
            Command::Mute {
                seconds: u16::try_from(seconds).map_err(|_| {
                    A::Error::invalid_value(de::Unexpected::Unsigned(seconds.into()), &"u16")
                })?,
            }
        }
        "set_report_interval" => Command::SetReportInterval {
            seconds: req(s.seconds, "seconds")?,
        },
        _ => Command::RequestStatus,
    })
}

from_map!(Command, "a command object with \"kind\"", read_command);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::json::FrameDoc;
    use alloc::string::ToString;

    fn frame(message: &str) -> Result<FrameDoc, String> {
        serde_json::from_str(&alloc::format!(
            r#"{{"seq": 1, "timestamp": 1700000000, "message": {message}}}"#
        ))
        .map_err(|e| e.to_string())
    }

    fn err(message: &str) -> String {
        let e = frame(message).unwrap_err();
        e.split(" at line ").next().unwrap_or_default().into()
    }

    #[test]
    fn every_variant_reads_with_the_tag_anywhere() {
        let ack = frame(r#"{"ack_seq": 7, "command": "close_valve", "type": "ack"}"#).unwrap();
        assert_eq!(
            ack.message,
            MessageDoc::Ack {
                ack_seq: 7,
                command: CommandCode::CloseValve,
                extensions: Vec::new()
            }
        );
        let cmd =
            frame(r#"{"type": "command", "command": {"seconds": 90, "kind": "mute"}}"#).unwrap();
        assert_eq!(
            cmd.message,
            MessageDoc::Command {
                command: Command::Mute { seconds: 90 },
                extensions: Vec::new()
            }
        );
        let ev = frame(
            r#"{"type": "event", "event": {"kind": "valve_closed", "manual_reset_required": true}, "alarm": null}"#,
        )
        .unwrap();
        assert_eq!(
            ev.message,
            MessageDoc::Event {
                event: Event::ValveClosed {
                    trip: None,
                    manual_reset_required: true
                },
                alarm: None,
                valve: None,
                methane: None,
                carbon_monoxide: None,
                propane: None,
                extensions: Vec::new()
            }
        );
    }

    #[test]
    fn errors_are_the_derives() {
        // A key of another variant, after the tag and before it.
        assert_eq!(
            err(r#"{"type": "ack", "valve": 5}"#),
            "unknown field `valve`, expected one of `ack_seq`, `command`, `extensions`"
        );
        assert_eq!(
            err(r#"{"ack_seq": 1, "kind": "leak_alarm", "command": "mute", "type": "ack"}"#),
            "unknown field `kind`, expected one of `ack_seq`, `command`, `extensions`"
        );
        assert_eq!(
            err(r#"{"bogus": 1, "type": "command", "command": {"kind": "self_test"}}"#),
            "unknown field `bogus`, expected `command` or `extensions`"
        );
        assert_eq!(
            err(r#"{"type": "nak", "ack_seq": 1}"#),
            "missing field `command_code`"
        );
        assert_eq!(err(r#"{"kind": "leak_alarm"}"#), "missing field `type`");
        assert_eq!(
            err(r#"{"type": "status", "type": "status", "kind": "leak_alarm"}"#),
            "duplicate field `type`"
        );
        assert!(err(r#"{"type": "reboot"}"#).starts_with("unknown variant `reboot`"));
        assert!(
            err(r#"{"type": "command", "command": {"kind": "open_valve"}}"#)
                .starts_with("unknown variant `open_valve`")
        );
        assert!(
            err(r#"{"type": "ack", "ack_seq": 1, "command": {"kind": "self_test"}}"#)
                .starts_with("invalid type: map")
        );
        assert!(err(r#"{"type": "command", "command": "self_test"}"#).starts_with("invalid type"));
        assert_eq!(
            err(r#"{"type": "command", "command": {"kind": "mute", "seconds": 70000}}"#),
            "invalid value: integer `70000`, expected u16"
        );
        assert_eq!(
            err(r#"{"type": "command", "command": {"kind": "self_test", "seconds": 5}}"#),
            "unknown field `seconds`, there are no fields"
        );
        assert!(
            err(r#"{"type": "event", "event": {"kind": "fault", "active": true}}"#)
                .starts_with("missing field `fault`")
        );
        assert!(
            err(r#"{"type": "status", "kind": "leak_alarm", "methane": 5}"#)
                .starts_with("invalid type: integer `5`, expected \"unknown\" or a concentration")
        );
        assert!(err(r#"[1]"#).starts_with("invalid type: sequence, expected a message object"));
    }
}
