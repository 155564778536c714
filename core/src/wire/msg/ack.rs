//! Acknowledgement (type `0x11`) [FRAME-080]: the command's sequence number and code.

use super::super::error::Error;
use super::super::tlv::Tlvs;
use super::command::CommandCode;
use super::{Invalid, Reader, Writer, bad, check_ext};

/// A positive acknowledgement: the device carried out the command [FRAME-080].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ack<'a> {
    /// The sequence number of the command frame.
    pub ack_seq: u16,
    /// The command carried out (never a forbidden one).
    pub command: CommandCode,
    /// TLVs this version does not define, kept.
    pub extensions: Tlvs<'a>,
}

impl<'a> Ack<'a> {
    /// Parse the body: sequence number (u16), command code, extensions.
    #[cfg_attr(target_pointer_width = "64", inline(always))]
    pub(in crate::wire) fn parse(mut r: Reader<'a>) -> Result<Ack<'a>, Error> {
        let (_, [s0, s1, c]) = r.array::<3>()?;
        let command = CommandCode::from_code(c).map_err(|k| bad(k, r.at.saturating_sub(1)))?;
        let extensions = r.extensions()?;
        Ok(Ack {
            ack_seq: u16::from_be_bytes([s0, s1]),
            command,
            extensions,
        })
    }

    /// The body length.
    pub(in crate::wire) fn body_len(&self) -> usize {
        3 + self.extensions.as_bytes().len()
    }

    /// Every rule `parse` checks.
    pub(in crate::wire) fn check(&self) -> Result<(), Invalid> {
        check_ext(&self.extensions, 0)
    }

    /// Write the body.
    pub(in crate::wire) fn emit(&self, w: &mut Writer<'_>) {
        w.put(&self.ack_seq.to_be_bytes());
        w.put(&[self.command.code()]);
        w.put(self.extensions.as_bytes());
    }
}
