//! A message type this version does not define [FRAME-011]: kept as it came.

use super::super::codes::MessageType;
use super::super::error::EmitError;
use super::{Field, Invalid, Writer};

/// A message whose type this version does not define: reported, not rejected, and kept so that
/// it can be forwarded unchanged [FRAME-011].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnknownMessage<'a> {
    /// The type byte (never 0 and never an assigned type).
    pub msg_type: u8,
    /// The body, uninterpreted.
    pub body: &'a [u8],
}

impl UnknownMessage<'_> {
    /// The body length.
    pub(in crate::wire) fn body_len(&self) -> usize {
        self.body.len()
    }

    /// The type byte must be neither 0 nor an assigned type.
    pub(in crate::wire) fn check(&self) -> Result<(), Invalid> {
        if self.msg_type == 0 || MessageType::from_code(self.msg_type).is_some() {
            return Err((EmitError::BadField, Field::Type));
        }
        Ok(())
    }

    /// Write the body.
    pub(in crate::wire) fn emit(&self, w: &mut Writer<'_>) {
        w.put(self.body);
    }
}
