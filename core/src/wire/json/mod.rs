//! The JSON form read back into a frame: [`FrameDoc`] (needs `alloc` and `serde`).
//!
//! The shape is the one [`super::FrameRepr`] serialises to (`spec/frame.md` §8); unknown keys
//! are rejected. A `FrameDoc` owns its strings and bytes; [`FrameDoc::with_repr`] lends a
//! [`super::FrameRepr`] built from them, and [`FrameDoc::encode`] emits the frame.

use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use serde::Deserialize;
use serde::de::{Deserializer, Error as _};

mod tagged;

use super::error::EmitError;
use super::repr::{
    Ack, Capability, CapabilitySet, CarrierKind, Command, CommandCode, CommandRequest, Event,
    EventReport, FrameRepr, Identifier, Identifiers, Identity, Message, Nak, NakReason, Snapshot,
    StatusReport, Timestamp, UnknownMessage,
};
use super::tlv::Tlvs;
use crate::model::{AlarmStatus, DeviceKind, Reading, Tier, ValveStatus};

/// Bytes given as a hex string (upper or lower case, no separators).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HexBytes(pub Vec<u8>);

/// Decode hex text (`"0a1B"`); `None` if the length is odd or a character is not a hex digit.
pub fn hex_decode(s: &str) -> Option<Vec<u8>> {
    let b = s.as_bytes();
    if b.len() % 2 != 0 {
        return None;
    }
    let nib = |c: u8| {
        char::from(c)
            .to_digit(16)
            .and_then(|d| u8::try_from(d).ok())
    };
    b.chunks_exact(2)
        .map(|p| match p {
            &[h, l] => Some((nib(h)? << 4) | nib(l)?),
            _ => None,
        })
        .collect()
}

impl<'de> Deserialize<'de> for HexBytes {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        hex_decode(&s)
            .map(HexBytes)
            .ok_or_else(|| D::Error::custom("expected an even number of hex digits"))
    }
}

/// The timestamp: Unix seconds (1 or more) or `"unknown"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimestampDoc(pub Timestamp);

impl<'de> Deserialize<'de> for TimestampDoc {
    /// Read in one pass (`deserialize_any`), not as an untagged enum, which would buffer it.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct TimestampVisitor;
        impl serde::de::Visitor<'_> for TimestampVisitor {
            type Value = TimestampDoc;
            fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str("Unix seconds (1 to 4294967295) or \"unknown\"")
            }
            fn visit_u64<E: serde::de::Error>(self, t: u64) -> Result<TimestampDoc, E> {
                match u32::try_from(t) {
                    Ok(0) => Err(E::custom("timestamp 0 is written \"unknown\"")),
                    Ok(t) => Ok(TimestampDoc(Timestamp::from_unix(t))),
                    Err(_) => Err(E::invalid_value(serde::de::Unexpected::Unsigned(t), &self)),
                }
            }
            fn visit_i64<E: serde::de::Error>(self, t: i64) -> Result<TimestampDoc, E> {
                match u64::try_from(t) {
                    Ok(t) => self.visit_u64(t),
                    Err(_) => Err(E::invalid_value(serde::de::Unexpected::Signed(t), &self)),
                }
            }
            fn visit_str<E: serde::de::Error>(self, w: &str) -> Result<TimestampDoc, E> {
                if w == "unknown" {
                    Ok(TimestampDoc(Timestamp::UNKNOWN))
                } else {
                    Err(E::custom(alloc::format!(
                        "expected Unix seconds or \"unknown\", found \"{w}\""
                    )))
                }
            }
        }
        d.deserialize_any(TimestampVisitor)
    }
}

/// One extension TLV: `{"type": 9, "value": "hex"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TlvDoc {
    /// The type byte.
    #[serde(rename = "type")]
    pub ty: u8,
    /// The value.
    pub value: HexBytes,
}

/// An identifier: `{"carrier": "module", "value": "88.111.1/…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdentifierDoc {
    /// The carrier.
    pub carrier: CarrierKind,
    /// The identifier text.
    pub value: String,
}

/// The message, tagged by `"type"` (read by the one-pass reader of `tagged.rs`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[expect(
    missing_docs,
    reason = "fields mirror the documented FrameRepr types one to one"
)]
pub enum MessageDoc {
    /// A status report.
    Status {
        kind: DeviceKind,
        alarm: Option<AlarmStatus>,
        valve: Option<ValveStatus>,
        methane: Option<Reading>,
        carbon_monoxide: Option<Reading>,
        propane: Option<Reading>,
        extensions: Vec<TlvDoc>,
    },
    /// An event.
    Event {
        event: Event,
        alarm: Option<AlarmStatus>,
        valve: Option<ValveStatus>,
        methane: Option<Reading>,
        carbon_monoxide: Option<Reading>,
        propane: Option<Reading>,
        extensions: Vec<TlvDoc>,
    },
    /// An identity announcement.
    Identity {
        kind: DeviceKind,
        tier: Tier,
        capabilities: Vec<Capability>,
        identifiers: Vec<IdentifierDoc>,
        model: String,
        firmware: String,
        extensions: Vec<TlvDoc>,
    },
    /// A command.
    Command {
        command: Command,
        extensions: Vec<TlvDoc>,
    },
    /// An acknowledgement.
    Ack {
        ack_seq: u16,
        command: CommandCode,
        extensions: Vec<TlvDoc>,
    },
    /// A negative acknowledgement.
    Nak {
        ack_seq: u16,
        command_code: u8,
        reason: NakReason,
        extensions: Vec<TlvDoc>,
    },
    /// A message of a type this version does not define.
    Unknown { msg_type: u8, body: HexBytes },
}

impl MessageDoc {
    /// The extension TLVs (none for a message of an unknown type).
    fn extensions(&self) -> &[TlvDoc] {
        match self {
            MessageDoc::Status { extensions, .. }
            | MessageDoc::Event { extensions, .. }
            | MessageDoc::Identity { extensions, .. }
            | MessageDoc::Command { extensions, .. }
            | MessageDoc::Ack { extensions, .. }
            | MessageDoc::Nak { extensions, .. } => extensions,
            MessageDoc::Unknown { .. } => &[],
        }
    }

    /// The snapshot of a status report or an event (empty for the others).
    fn snapshot(&self) -> Snapshot {
        match self {
            MessageDoc::Status {
                alarm,
                valve,
                methane,
                carbon_monoxide,
                propane,
                ..
            }
            | MessageDoc::Event {
                alarm,
                valve,
                methane,
                carbon_monoxide,
                propane,
                ..
            } => Snapshot {
                alarm: *alarm,
                valve: *valve,
                methane: *methane,
                carbon_monoxide: *carbon_monoxide,
                propane: *propane,
            },
            _ => Snapshot::default(),
        }
    }
}

/// A frame in its JSON form, owned.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrameDoc {
    /// Sequence number.
    pub seq: u16,
    /// Timestamp.
    pub timestamp: TimestampDoc,
    /// The message.
    pub message: MessageDoc,
}

fn ext_bytes(ext: &[TlvDoc]) -> Result<Vec<u8>, EmitError> {
    let mut out = Vec::new();
    for t in ext {
        let len = u8::try_from(t.value.0.len()).map_err(|_| EmitError::Oversize)?;
        out.push(t.ty);
        out.push(len);
        out.extend_from_slice(&t.value.0);
    }
    Ok(out)
}

fn tlvs(bytes: &[u8]) -> Result<Tlvs<'_>, EmitError> {
    Tlvs::parse(bytes).map_err(|_| EmitError::BadField)
}

impl FrameDoc {
    /// Build the [`FrameRepr`] this document describes and pass it to `f`.
    ///
    /// # Errors
    /// [`EmitError::BadField`] for extensions that are not in ascending type order (or of type
    /// 0), [`EmitError::Oversize`] for an extension value over 255 bytes.
    pub fn with_repr<R>(&self, f: impl FnOnce(&FrameRepr<'_>) -> R) -> Result<R, EmitError> {
        let doc = &self.message;
        let ext = ext_bytes(doc.extensions())?;
        let extensions = tlvs(&ext)?;
        let ids: Vec<Identifier<'_>> = match doc {
            MessageDoc::Identity { identifiers, .. } => identifiers
                .iter()
                .map(|i| Identifier {
                    carrier: i.carrier,
                    value: &i.value,
                })
                .collect(),
            _ => Vec::new(),
        };
        let snapshot = doc.snapshot();
        let message = match doc {
            MessageDoc::Status { kind, .. } => Message::Status(StatusReport {
                kind: *kind,
                snapshot,
                extensions,
            }),
            MessageDoc::Event { event, .. } => Message::Event(EventReport {
                event: *event,
                snapshot,
                extensions,
            }),
            MessageDoc::Identity {
                kind,
                tier,
                capabilities,
                model,
                firmware,
                ..
            } => Message::Identity(Identity {
                kind: *kind,
                tier: *tier,
                capabilities: capabilities.iter().copied().collect::<CapabilitySet>(),
                identifiers: Identifiers::new(&ids),
                model,
                firmware,
                extensions,
            }),
            MessageDoc::Command { command, .. } => Message::Command(CommandRequest {
                command: *command,
                extensions,
            }),
            MessageDoc::Ack {
                ack_seq, command, ..
            } => Message::Ack(Ack {
                ack_seq: *ack_seq,
                command: *command,
                extensions,
            }),
            MessageDoc::Nak {
                ack_seq,
                command_code,
                reason,
                ..
            } => Message::Nak(Nak {
                ack_seq: *ack_seq,
                command_code: *command_code,
                reason: *reason,
                extensions,
            }),
            MessageDoc::Unknown { msg_type, body } => Message::Unknown(UnknownMessage {
                msg_type: *msg_type,
                body: &body.0,
            }),
        };
        Ok(f(&FrameRepr {
            seq: self.seq,
            timestamp: self.timestamp.0,
            message,
        }))
    }

    /// The JSON path of the field that makes [`FrameDoc::encode`] fail (`message.model`,
    /// `message.extensions`, …), for error messages; `None` when no single field is to blame (the
    /// whole frame is too large) or the document encodes.
    pub fn encode_error_field(&self) -> Option<&'static str> {
        self.with_repr(|r| super::repr::invalid_field(&r.message))
            .unwrap_or(Some("message.extensions"))
    }

    /// Emit the frame this document describes.
    ///
    /// # Errors
    /// As [`with_repr`](Self::with_repr) and [`FrameRepr::emit`].
    pub fn encode(&self) -> Result<Vec<u8>, EmitError> {
        self.with_repr(|r| {
            let mut buf = vec![0u8; r.buffer_len()];
            r.emit(&mut buf).map(|n| {
                buf.truncate(n);
                buf
            })
        })?
    }
}
