//! Status report (heartbeat, type `0x01`) [FRAME-040]: the device kind, then its state.

use super::super::codes;
use super::super::error::{EmitError, Error, ErrorKind};
use super::super::frame::HEADER_LEN;
use super::super::tlv::Tlvs;
use super::snapshot::{Snapshot, snapshot_tlv};
use super::{Field, Invalid, Reader, Writer, bad, check_ext};
use crate::model::DeviceKind;

/// A status report (heartbeat): the device kind and its current state [FRAME-040].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusReport<'a> {
    /// What the device is; selects the required TLVs [FRAME-041].
    pub kind: DeviceKind,
    /// The state.
    pub snapshot: Snapshot,
    /// TLVs this version does not define, kept [FRAME-022].
    pub extensions: Tlvs<'a>,
}

/// [FRAME-041] the TLVs a status report must carry: an alarm status from a leak alarm (ALM-6a),
/// and a valve status from every device (ALM-6b, VLV-3). The field first missing, if any.
const fn missing(kind: DeviceKind, s: &Snapshot) -> Option<Field> {
    if matches!(kind, DeviceKind::LeakAlarm) && s.alarm.is_none() {
        Some(Field::Alarm)
    } else if s.valve.is_none() {
        Some(Field::Valve)
    } else {
        None
    }
}

impl<'a> StatusReport<'a> {
    /// Parse the body: kind byte, then the snapshot TLVs.
    #[cfg_attr(target_pointer_width = "64", inline(always))]
    pub(in crate::wire) fn parse(mut r: Reader<'a>) -> Result<StatusReport<'a>, Error> {
        let (at, k) = r.u8()?;
        let kind = codes::kind_from(k).ok_or(bad(ErrorKind::BadField, at))?;
        let (snapshot, extensions) = Snapshot::parse(r.rest, r.at)?;
        if missing(kind, &snapshot).is_some() {
            return Err(bad(ErrorKind::MissingField, HEADER_LEN));
        }
        Ok(StatusReport {
            kind,
            snapshot,
            extensions,
        })
    }

    /// The body length.
    pub(in crate::wire) fn body_len(&self) -> usize {
        1 + self.snapshot.wire_len() + self.extensions.as_bytes().len()
    }

    /// Every rule `parse` checks.
    pub(in crate::wire) fn check(&self) -> Result<(), Invalid> {
        if let Some(f) = missing(self.kind, &self.snapshot) {
            return Err((EmitError::MissingField, f));
        }
        self.snapshot.check()?;
        check_ext(&self.extensions, snapshot_tlv::LAST)
    }

    /// Write the body.
    pub(in crate::wire) fn emit(&self, w: &mut Writer<'_>) {
        w.put(&[codes::kind_code(self.kind)]);
        self.snapshot.emit(w);
        w.put(self.extensions.as_bytes());
    }
}
