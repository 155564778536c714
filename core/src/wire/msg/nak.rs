//! Negative acknowledgement (type `0x12`) [FRAME-081]: the command refused and why.

use super::super::error::{EmitError, Error, ErrorKind};
use super::super::tlv::Tlvs;
use super::{Field, Invalid, Reader, Writer, bad, check_ext};

crate::coded::coded_enum! {
    /// Why a device refused a command.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum NakReason: u8 => serde {
        /// `1` the device does not support this command (or does not know the code).
        Unsupported = 1, "unsupported";
        /// `2` the command is forbidden (VLV-0e: a self-closing valve is not opened remotely).
        Forbidden = 2, "forbidden";
        /// `3` an argument is out of range.
        InvalidArgument = 3, "invalid_argument";
        /// `4` the device is busy; retry later.
        Busy = 4, "busy";
        /// `5` the device tried and failed (e.g. the valve did not close).
        Failed = 5, "failed";
    }
}

/// A negative acknowledgement: the device did not carry out the command [FRAME-081].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Nak<'a> {
    /// The sequence number of the command frame.
    pub ack_seq: u16,
    /// The command code as received (may be unknown or forbidden: that is why it is refused).
    pub command_code: u8,
    /// Why.
    pub reason: NakReason,
    /// TLVs this version does not define, kept.
    pub extensions: Tlvs<'a>,
}

impl<'a> Nak<'a> {
    /// Parse the body: sequence number (u16), command code (any but 0), reason, extensions.
    #[cfg_attr(target_pointer_width = "64", inline(always))]
    pub(in crate::wire) fn parse(mut r: Reader<'a>) -> Result<Nak<'a>, Error> {
        let (at, [s0, s1, command_code, reason]) = r.array::<4>()?;
        if command_code == 0 {
            return Err(bad(ErrorKind::BadField, at.saturating_add(2)));
        }
        let reason =
            NakReason::from_code(reason).ok_or(bad(ErrorKind::BadField, at.saturating_add(3)))?;
        let extensions = r.extensions()?;
        Ok(Nak {
            ack_seq: u16::from_be_bytes([s0, s1]),
            command_code,
            reason,
            extensions,
        })
    }

    /// The body length.
    pub(in crate::wire) fn body_len(&self) -> usize {
        4 + self.extensions.as_bytes().len()
    }

    /// Every rule `parse` checks.
    pub(in crate::wire) fn check(&self) -> Result<(), Invalid> {
        if self.command_code == 0 {
            return Err((EmitError::BadField, Field::CommandCode));
        }
        check_ext(&self.extensions, 0)
    }

    /// Write the body.
    pub(in crate::wire) fn emit(&self, w: &mut Writer<'_>) {
        w.put(&self.ack_seq.to_be_bytes());
        w.put(&[self.command_code, self.reason.code()]);
        w.put(self.extensions.as_bytes());
    }
}
