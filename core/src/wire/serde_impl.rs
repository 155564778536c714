//! The JSON form of a decoded frame (`spec/frame.md` §8), serialised without allocation.
//!
//! `{"seq": 7, "timestamp": 1700000000 | "unknown", "message": {"type": "status", …}}`. Absent
//! snapshot parts are omitted; a reported but unknown reading is `"unknown"`; bytes are lowercase
//! hex. The same shape is read back by [`super::json::FrameDoc`].

use serde::ser::{Serialize, SerializeMap, SerializeStruct, Serializer};

use super::repr::{FrameRepr, Identifiers, Message, Snapshot, Timestamp};
use super::tlv::{Tlv, Tlvs};

/// Bytes as lowercase hex, written without allocating.
pub(crate) struct Hex<'a>(pub &'a [u8]);

impl core::fmt::Display for Hex<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        self.0.iter().try_for_each(|b| write!(f, "{b:02x}"))
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.unix() {
            Some(t) => s.serialize_u32(t),
            None => s.serialize_str("unknown"),
        }
    }
}

impl Serialize for Tlv<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Tlv", 2)?;
        st.serialize_field("type", &self.ty)?;
        st.serialize_field("value", &HexStr(self.value))?;
        st.end()
    }
}

struct HexStr<'a>(&'a [u8]);

impl Serialize for HexStr<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&Hex(self.0))
    }
}

impl Serialize for Tlvs<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

impl Serialize for Identifiers<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

impl Serialize for super::repr::Identifier<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Identifier", 2)?;
        st.serialize_field("carrier", &self.carrier)?;
        st.serialize_field("value", self.value)?;
        st.end()
    }
}

impl Serialize for super::repr::CapabilitySet {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

fn snapshot<M: SerializeMap>(m: &mut M, s: &Snapshot) -> Result<(), M::Error> {
    if let Some(a) = &s.alarm {
        m.serialize_entry("alarm", a)?;
    }
    if let Some(v) = &s.valve {
        m.serialize_entry("valve", v)?;
    }
    if let Some(r) = &s.methane {
        m.serialize_entry("methane", r)?;
    }
    if let Some(r) = &s.carbon_monoxide {
        m.serialize_entry("carbon_monoxide", r)?;
    }
    if let Some(r) = &s.propane {
        m.serialize_entry("propane", r)?;
    }
    Ok(())
}

impl Serialize for Message<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        match self {
            Message::Status(st) => {
                m.serialize_entry("type", "status")?;
                m.serialize_entry("kind", &st.kind)?;
                snapshot(&mut m, &st.snapshot)?;
                m.serialize_entry("extensions", &st.extensions)?;
            }
            Message::Event(e) => {
                m.serialize_entry("type", "event")?;
                m.serialize_entry("event", &e.event)?;
                snapshot(&mut m, &e.snapshot)?;
                m.serialize_entry("extensions", &e.extensions)?;
            }
            Message::Identity(i) => {
                m.serialize_entry("type", "identity")?;
                m.serialize_entry("kind", &i.kind)?;
                m.serialize_entry("tier", &i.tier)?;
                m.serialize_entry("capabilities", &i.capabilities)?;
                m.serialize_entry("identifiers", &i.identifiers)?;
                m.serialize_entry("model", i.model)?;
                m.serialize_entry("firmware", i.firmware)?;
                m.serialize_entry("extensions", &i.extensions)?;
            }
            Message::Command(c) => {
                m.serialize_entry("type", "command")?;
                m.serialize_entry("command", &c.command)?;
                m.serialize_entry("extensions", &c.extensions)?;
            }
            Message::Ack(a) => {
                m.serialize_entry("type", "ack")?;
                m.serialize_entry("ack_seq", &a.ack_seq)?;
                m.serialize_entry("command", &a.command)?;
                m.serialize_entry("extensions", &a.extensions)?;
            }
            Message::Nak(n) => {
                m.serialize_entry("type", "nak")?;
                m.serialize_entry("ack_seq", &n.ack_seq)?;
                m.serialize_entry("command_code", &n.command_code)?;
                m.serialize_entry("reason", &n.reason)?;
                m.serialize_entry("extensions", &n.extensions)?;
            }
            Message::Unknown(u) => {
                m.serialize_entry("type", "unknown")?;
                m.serialize_entry("msg_type", &u.msg_type)?;
                m.serialize_entry("body", &HexStr(u.body))?;
            }
        }
        m.end()
    }
}

impl Serialize for FrameRepr<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Frame", 3)?;
        st.serialize_field("seq", &self.seq)?;
        st.serialize_field("timestamp", &self.timestamp)?;
        st.serialize_field("message", &self.message)?;
        st.end()
    }
}
