//! Identity announcement (type `0x03`) [FRAME-060]: kind, tier and capabilities, then the
//! identifiers with their carriers, the product model and the firmware version.

use super::super::codes;
use super::super::error::{EmitError, Error, ErrorKind};
use super::super::frame::HEADER_LEN;
use super::super::tlv::{TlvIter, Tlvs};
use super::{Field, Invalid, Reader, Writer, bad, check_ext, check_text, walk_tlvs};
use crate::model::{DeviceKind, Tier};

/// TLV types of an identity announcement [FRAME-061].
pub mod identity_tlv {
    /// Identifier: carrier byte then UTF-8 text. Repeatable.
    pub const IDENTIFIER: u8 = 1;
    /// Product model (产品型号), UTF-8.
    pub const MODEL: u8 = 2;
    /// Firmware version, UTF-8.
    pub const FIRMWARE: u8 = 3;
    /// The highest known type; extensions start above it.
    pub const LAST: u8 = FIRMWARE;
}

/// Carrier kinds of an identifier [FRAME-062]: the declaration's [`Carrier`], under the name the
/// frame API has always used.
pub use crate::model::Carrier as CarrierKind;

/// An industrial-internet identifier as carried: the carrier and the identifier text. The text
/// is not parsed here (see `crate::ident`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Identifier<'a> {
    /// Where the identifier is carried.
    pub carrier: CarrierKind,
    /// The identifier text, e.g. `88.111.1/GT-A100-000001` (1..=254 bytes of UTF-8).
    pub value: &'a str,
}

#[derive(Clone, Copy)]
enum IdentSource<'a> {
    /// Consecutive identifier TLVs, validated.
    Wire(&'a [u8]),
    /// Caller-supplied items (for emitting).
    Items(&'a [Identifier<'a>]),
}

/// The identifiers of an identity announcement, without allocation: either borrowed from a
/// decoded frame or from the caller's slice.
#[derive(Clone, Copy)]
pub struct Identifiers<'a>(IdentSource<'a>);

impl<'a> Identifiers<'a> {
    /// The identifiers in `items`, in order.
    pub const fn new(items: &'a [Identifier<'a>]) -> Identifiers<'a> {
        Identifiers(IdentSource::Items(items))
    }

    /// The identifiers, in order.
    pub fn iter(&self) -> impl Iterator<Item = Identifier<'a>> + 'a {
        let (wire, items): (&'a [u8], &'a [Identifier<'a>]) = match self.0 {
            IdentSource::Wire(w) => (w, &[]),
            IdentSource::Items(i) => (&[], i),
        };
        TlvIter::new(wire)
            .map_while(Result::ok)
            .filter_map(|t| decode_identifier(t.value).ok())
            .chain(items.iter().copied())
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.iter().count()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.iter().next().is_none()
    }
}

impl PartialEq for Identifiers<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl Eq for Identifiers<'_> {}

impl core::fmt::Debug for Identifiers<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

crate::coded::coded_enum! {
    /// Capabilities a device announces (one bit each, `spec/frame.md` §4.6) [FRAME-063]. There is no
    /// "remote open" capability: it cannot be announced (VLV-0e).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum Capability => serde {
        /// Bit 0: detects methane (ALM-3a).
        DetectsMethane = "detects_methane";
        /// Bit 1: detects carbon monoxide (ALM-3b).
        DetectsCarbonMonoxide = "detects_carbon_monoxide";
        /// Bit 2: detects propane / LPG.
        DetectsPropane = "detects_propane";
        /// Bit 3: wired interlock of a cut-off device (ALM-4).
        InterlockWired = "interlock_wired";
        /// Bit 4: wireless interlock of a cut-off device (ALM-4).
        InterlockWireless = "interlock_wireless";
        /// Bit 5: reports its own running status (ALM-6a).
        ReportsRunningStatus = "reports_running_status";
        /// Bit 6: reports a valve's open/closed state (ALM-6b, VLV-3).
        ReportsValveState = "reports_valve_state";
        /// Bit 7: reports the gas concentration (ALM-6c).
        ReportsConcentration = "reports_concentration";
        /// Bit 8: closes by itself on over-pressure (VLV-0a).
        AutoCloseOverPressure = "auto_close_over_pressure";
        /// Bit 9: closes by itself on under-pressure (VLV-0b).
        AutoCloseUnderPressure = "auto_close_under_pressure";
        /// Bit 10: closes by itself on over-flow (VLV-0c).
        AutoCloseOverFlow = "auto_close_over_flow";
        /// Bit 11: closes without external power (VLV-0d).
        ClosesWithoutPower = "closes_without_power";
        /// Bit 12: once closed, opens only by hand (VLV-0e).
        ManualReset = "manual_reset";
        /// Bit 13: accepts the remote close command.
        RemoteClose = "remote_close";
    }
}

impl Capability {
    /// The bit mask.
    pub const fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

/// A set of [`Capability`]s: the 16-bit capability bitmap (bits 14 and 15 reserved, zero).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct CapabilitySet(u16);

impl CapabilitySet {
    /// No capability.
    pub const EMPTY: CapabilitySet = CapabilitySet(0);
    /// The bits that carry a capability.
    pub const DEFINED: u16 = (1 << Capability::ALL.len()) - 1;

    /// The set of the given bitmap, if no reserved bit is set.
    pub const fn from_bits(bits: u16) -> Option<CapabilitySet> {
        if bits & !CapabilitySet::DEFINED == 0 {
            Some(CapabilitySet(bits))
        } else {
            None
        }
    }

    /// The bitmap.
    pub const fn bits(self) -> u16 {
        self.0
    }

    /// The set with `c` added.
    #[must_use]
    pub const fn with(self, c: Capability) -> CapabilitySet {
        CapabilitySet(self.0 | c.bit())
    }

    /// Whether `c` is in the set.
    pub const fn contains(self, c: Capability) -> bool {
        self.0 & c.bit() != 0
    }

    /// The capabilities in the set, in bit order.
    pub fn iter(self) -> impl Iterator<Item = Capability> {
        Capability::ALL
            .into_iter()
            .filter(move |c| self.contains(*c))
    }
}

impl FromIterator<Capability> for CapabilitySet {
    fn from_iter<I: IntoIterator<Item = Capability>>(iter: I) -> Self {
        iter.into_iter()
            .fold(CapabilitySet::EMPTY, CapabilitySet::with)
    }
}

/// An identity announcement: what the device is and how to identify it [FRAME-060].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Identity<'a> {
    /// Device kind.
    pub kind: DeviceKind,
    /// The tier the product is sold as.
    pub tier: Tier,
    /// Capability bitmap.
    pub capabilities: CapabilitySet,
    /// Identifiers and their carriers (at least one).
    pub identifiers: Identifiers<'a>,
    /// Product model (产品型号), 1..=255 bytes.
    pub model: &'a str,
    /// Firmware version, 1..=255 bytes.
    pub firmware: &'a str,
    /// TLVs this version does not define, kept.
    pub extensions: Tlvs<'a>,
}

fn decode_text(at: usize, v: &[u8]) -> Result<&str, Error> {
    if v.is_empty() {
        return Err(bad(ErrorKind::TlvLength, at));
    }
    core::str::from_utf8(v).map_err(|e| {
        bad(
            ErrorKind::BadUtf8,
            at.saturating_add(2).saturating_add(e.valid_up_to()),
        )
    })
}

/// Decode an identifier TLV value (carrier, text); errors are relative to the TLV start.
fn decode_identifier(v: &[u8]) -> Result<Identifier<'_>, Error> {
    let (&c, text) = v.split_first().ok_or(bad(ErrorKind::TlvLength, 0))?;
    let carrier = CarrierKind::from_code(c).ok_or(bad(ErrorKind::BadField, 2))?;
    if text.is_empty() {
        return Err(bad(ErrorKind::TlvLength, 0));
    }
    let value = core::str::from_utf8(text)
        .map_err(|e| bad(ErrorKind::BadUtf8, 3usize.saturating_add(e.valid_up_to())))?;
    Ok(Identifier { carrier, value })
}

impl<'a> Identity<'a> {
    /// Parse the body: kind, tier, capability bitmap, then the TLVs.
    #[cfg_attr(target_pointer_width = "64", inline(always))]
    pub(in crate::wire) fn parse(mut r: Reader<'a>) -> Result<Identity<'a>, Error> {
        let (at, [k, t, c0, c1]) = r.array::<4>()?;
        let kind = codes::kind_from(k).ok_or(bad(ErrorKind::BadField, at))?;
        let tier = codes::tier_from(t).ok_or(bad(ErrorKind::BadField, at.saturating_add(1)))?;
        let capabilities = CapabilitySet::from_bits(u16::from_be_bytes([c0, c1]))
            .ok_or(bad(ErrorKind::BadField, at.saturating_add(2)))?;
        let area = r.rest;
        let base = r.at;
        let (mut first, mut end) = (None, 0usize);
        let (mut model, mut firmware) = (None, None);
        let extensions = walk_tlvs(
            area,
            base,
            identity_tlv::LAST,
            Some(identity_tlv::IDENTIFIER),
            |at, t| {
                match t.ty {
                    identity_tlv::IDENTIFIER => {
                        decode_identifier(t.value).map_err(|e| e.shifted(at))?;
                        let rel = at.saturating_sub(base);
                        first.get_or_insert(rel);
                        end = rel.saturating_add(t.wire_len());
                    }
                    identity_tlv::MODEL => model = Some(decode_text(at, t.value)?),
                    _ => firmware = Some(decode_text(at, t.value)?),
                }
                Ok(())
            },
        )?;
        // [FRAME-061] at least one identifier, a model and a firmware version.
        let missing = bad(ErrorKind::MissingField, HEADER_LEN);
        let wire = first.and_then(|f| area.get(f..end)).ok_or(missing)?;
        Ok(Identity {
            kind,
            tier,
            capabilities,
            identifiers: Identifiers(IdentSource::Wire(wire)),
            model: model.ok_or(missing)?,
            firmware: firmware.ok_or(missing)?,
            extensions,
        })
    }

    /// The body length.
    pub(in crate::wire) fn body_len(&self) -> usize {
        let ids = self
            .identifiers
            .iter()
            .map(|i| i.value.len().saturating_add(3))
            .fold(0, usize::saturating_add);
        4usize
            .saturating_add(ids)
            .saturating_add(self.model.len().saturating_add(2))
            .saturating_add(self.firmware.len().saturating_add(2))
            .saturating_add(self.extensions.as_bytes().len())
    }

    /// Every rule `parse` checks: at least one identifier of 1..=254 bytes, a model and a
    /// firmware version of 1..=255 bytes.
    pub(in crate::wire) fn check(&self) -> Result<(), Invalid> {
        if self.identifiers.is_empty() {
            return Err((EmitError::MissingField, Field::Identifiers));
        }
        for id in self.identifiers.iter() {
            check_text(id.value, 254, Field::Identifiers)?;
        }
        check_text(self.model, 255, Field::Model)?;
        check_text(self.firmware, 255, Field::Firmware)?;
        check_ext(&self.extensions, identity_tlv::LAST)
    }

    /// Write the body.
    pub(in crate::wire) fn emit(&self, w: &mut Writer<'_>) {
        w.put(&[codes::kind_code(self.kind), codes::tier_code(self.tier)]);
        w.put(&self.capabilities.bits().to_be_bytes());
        for id in self.identifiers.iter() {
            w.tlv(
                identity_tlv::IDENTIFIER,
                &[&[id.carrier.code()], id.value.as_bytes()],
            );
        }
        w.tlv(identity_tlv::MODEL, &[self.model.as_bytes()]);
        w.tlv(identity_tlv::FIRMWARE, &[self.firmware.as_bytes()]);
        w.put(self.extensions.as_bytes());
    }
}
