//! The JSON form of decoded packets (`spec/gbt26875.md` §JSON form) \[GBT-50\]: a stable contract
//! that `gasdev decode --format json`, the bindings and other programs share.
//!
//! Serialisation allocates nothing: times, hex and decoded GB 18030 text are formatted into stack
//! buffers and passed to the serializer as `&str`.

use super::adu::{Adu, Item, Object};
use super::codes::{
    self, COMPONENT_STATUS_BITS, OPERATION_BITS, SYSTEM_STATUS_BITS, UITD_OPERATION_BITS,
    UITD_STATUS_BITS,
};
use super::packet::Decoded;
use super::text::{Description, decode_text};
use super::time::TimeLabel;
use super::{Deviations, Error};
use crate::fmt_buf::Buf;
use serde::ser::{Error as _, Serialize, SerializeMap, SerializeSeq, Serializer};

/// A time label as `YYYY-MM-DDTHH:MM:SS`.
struct Iso(TimeLabel);

impl Serialize for Iso {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut b = Buf::<32>::new();
        core::fmt::write(&mut b, format_args!("{}", self.0)).map_err(S::Error::custom)?;
        s.serialize_str(b.as_str())
    }
}

/// Bytes as lowercase hex (at most one ADU: 1024 bytes).
struct Hex<'a>(&'a [u8]);

impl Serialize for Hex<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        let mut b = Buf::<{ 2 * super::MAX_ADU_LEN }>::new();
        for &byte in self.0 {
            let pair = [
                DIGITS.get(usize::from(byte >> 4)).copied().unwrap_or(b'0'),
                DIGITS.get(usize::from(byte & 0xF)).copied().unwrap_or(b'0'),
            ];
            let pair = core::str::from_utf8(&pair).unwrap_or("00");
            core::fmt::Write::write_str(&mut b, pair)
                .map_err(|_| S::Error::custom("hex too long"))?;
        }
        s.serialize_str(b.as_str())
    }
}

/// GB 18030 bytes as trimmed Unicode text (lossy).
struct Gb<'a>(&'a [u8]);

impl Serialize for Gb<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let span = super::text::span(self.0);
        let mut buf = [0u8; 3 * 255 + 3];
        let text = self.0.get(span.start..span.end).unwrap_or_default();
        let (t, _) = decode_text(text, &mut buf).map_err(S::Error::custom)?;
        s.serialize_str(t)
    }
}

/// The names of the set bits of a word.
struct Bits(&'static codes::BitSet, u16);

impl Serialize for Bits {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(codes::status_bits(self.0, self.1))
    }
}

impl Serialize for Deviations {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter().map(super::Deviation::name))
    }
}

impl Serialize for Error {
    /// `{"error": NAME, "offset": n}`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("error", self.code().name())?;
        m.serialize_entry("offset", &self.offset())?;
        m.end()
    }
}

fn time_entry<M: SerializeMap>(
    m: &mut M,
    key: &'static str,
    valid_key: &'static str,
    t: TimeLabel,
) -> Result<(), M::Error> {
    m.serialize_entry(key, &Iso(t))?;
    if !t.is_valid() {
        m.serialize_entry(valid_key, &false)?;
    }
    Ok(())
}

fn description<M: SerializeMap>(m: &mut M, d: &Description) -> Result<(), M::Error> {
    m.serialize_entry("description", d.text().as_str())?;
    m.serialize_entry("description_raw", &Hex(&d.raw))
}

impl Serialize for Item<'_> {
    /// One object: the standard's field names in snake_case (`spec/gbt26875.md`).
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        match &self.object {
            Object::SystemStatus { system, status } => {
                m.serialize_entry("system_type", &system.system_type)?;
                m.serialize_entry("system_address", &system.system_address)?;
                m.serialize_entry("status", status)?;
                m.serialize_entry("status_bits", &Bits(&SYSTEM_STATUS_BITS, *status))?;
            }
            Object::ComponentStatus {
                component: c,
                status,
                description: d,
            } => {
                component(&mut m, c)?;
                m.serialize_entry("status", status)?;
                m.serialize_entry("status_bits", &Bits(&COMPONENT_STATUS_BITS, *status))?;
                description(&mut m, d)?;
            }
            Object::AnalogValue {
                component: c,
                analog_type,
                value,
            } => {
                component(&mut m, c)?;
                m.serialize_entry("analog_type", analog_type)?;
                let scale = codes::analog_type(*analog_type);
                m.serialize_entry("value", &scale.map(|a| a.scale(*value)))?;
                m.serialize_entry("unit", &scale.map(|a| a.unit))?;
                m.serialize_entry("raw_value", value)?;
            }
            Object::Operation {
                system,
                operation,
                operator,
            } => {
                m.serialize_entry("system_type", &system.system_type)?;
                m.serialize_entry("system_address", &system.system_address)?;
                m.serialize_entry("operation", operation)?;
                m.serialize_entry(
                    "operation_bits",
                    &Bits(&OPERATION_BITS, u16::from(*operation)),
                )?;
                m.serialize_entry("operator", operator)?;
            }
            Object::SoftwareVersion {
                system,
                major,
                minor,
            } => {
                m.serialize_entry("system_type", &system.system_type)?;
                m.serialize_entry("system_address", &system.system_address)?;
                m.serialize_entry("major", major)?;
                m.serialize_entry("minor", minor)?;
            }
            Object::SystemConfig { system, text } => {
                m.serialize_entry("system_type", &system.system_type)?;
                m.serialize_entry("system_address", &system.system_address)?;
                m.serialize_entry("description", &Gb(text))?;
                m.serialize_entry("description_raw", &Hex(text))?;
            }
            Object::ComponentConfig {
                component: c,
                description: d,
            } => {
                component(&mut m, c)?;
                description(&mut m, d)?;
            }
            Object::SystemTime { system, time } => {
                m.serialize_entry("system_type", &system.system_type)?;
                m.serialize_entry("system_address", &system.system_address)?;
                time_entry(&mut m, "time", "time_valid", *time)?;
            }
            Object::UitdStatus { status } => {
                m.serialize_entry("status", status)?;
                m.serialize_entry("status_bits", &Bits(&UITD_STATUS_BITS, u16::from(*status)))?;
            }
            Object::UitdOperation {
                operation,
                operator,
            } => {
                m.serialize_entry("operation", operation)?;
                m.serialize_entry(
                    "operation_bits",
                    &Bits(&UITD_OPERATION_BITS, u16::from(*operation)),
                )?;
                m.serialize_entry("operator", operator)?;
            }
            Object::UitdVersion { major, minor } => {
                m.serialize_entry("major", major)?;
                m.serialize_entry("minor", minor)?;
            }
            Object::UitdConfig { text } => {
                m.serialize_entry("description", &Gb(text))?;
                m.serialize_entry("description_raw", &Hex(text))?;
            }
            Object::UitdTime { time } | Object::ClockSync { time } => {
                time_entry(&mut m, "time", "time_valid", *time)?;
            }
            Object::ReadSystem { system } => {
                m.serialize_entry("system_type", &system.system_type)?;
                m.serialize_entry("system_address", &system.system_address)?;
            }
            Object::ReadComponent {
                system,
                component_address,
            } => {
                m.serialize_entry("system_type", &system.system_type)?;
                m.serialize_entry("system_address", &system.system_address)?;
                m.serialize_entry("component_address", component_address)?;
            }
            Object::ReadOperations {
                system,
                record_count,
                start_time,
            } => {
                m.serialize_entry("system_type", &system.system_type)?;
                m.serialize_entry("system_address", &system.system_address)?;
                m.serialize_entry("record_count", record_count)?;
                time_entry(&mut m, "start_time", "start_time_valid", *start_time)?;
            }
            Object::ReadUitdOperations {
                record_count,
                start_time,
            } => {
                m.serialize_entry("record_count", record_count)?;
                time_entry(&mut m, "start_time", "start_time_valid", *start_time)?;
            }
            Object::Reserved { reserved } => m.serialize_entry("reserved", reserved)?,
            Object::AttendanceCheck { timeout_minutes } => {
                m.serialize_entry("timeout_minutes", timeout_minutes)?
            }
        }
        if let Some(t) = self.time {
            time_entry(&mut m, "time", "time_valid", t)?;
        }
        m.end()
    }
}

fn component<M: SerializeMap>(m: &mut M, c: &super::ComponentId) -> Result<(), M::Error> {
    m.serialize_entry("system_type", &c.system_type)?;
    m.serialize_entry("system_address", &c.system_address)?;
    m.serialize_entry("component_type", &c.component_type)?;
    m.serialize_entry("component_address", &c.component_address)
}

/// A raw pass-through body as the one object `{"raw": hex}`.
struct RawObject<'a>(&'a [u8]);

impl Serialize for RawObject<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(1))?;
        m.serialize_entry("raw", &Hex(self.0))?;
        m.end()
    }
}

struct Objects<'a, 'b>(&'b Adu<'a>);

impl Serialize for Objects<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0.is_raw() {
            let mut seq = s.serialize_seq(Some(1))?;
            seq.serialize_element(&RawObject(self.0.body()))?;
            seq.end()
        } else {
            s.collect_seq(self.0.items())
        }
    }
}

impl Serialize for Adu<'_> {
    /// `{"type", "type_name", "count", "time_labels", "objects": [...]}`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(5))?;
        m.serialize_entry("type", &self.type_flag())?;
        m.serialize_entry("type_name", self.type_name())?;
        m.serialize_entry("count", &self.count())?;
        m.serialize_entry("time_labels", &self.time_labels())?;
        m.serialize_entry("objects", &Objects(self))?;
        m.end()
    }
}

impl Serialize for Decoded<'_> {
    /// The packet's JSON form (`spec/gbt26875.md` §JSON form).
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let h = self.header();
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("serial", &h.serial)?;
        m.serialize_entry("version", &[h.version.main, h.version.user])?;
        time_entry(&mut m, "time", "time_valid", h.time)?;
        m.serialize_entry("source", &h.source.value())?;
        m.serialize_entry("destination", &h.destination.value())?;
        m.serialize_entry("command", &h.command)?;
        m.serialize_entry("command_name", codes::command_name(h.command))?;
        m.serialize_entry("checksum_ok", &self.checksum_ok())?;
        m.serialize_entry("adu_length", &self.adu_bytes().len())?;
        m.serialize_entry("heartbeat", &self.is_heartbeat())?;
        m.serialize_entry("deviations", &self.deviations())?;
        m.serialize_entry("adu", &self.adu())?;
        m.end()
    }
}
