//! One module per message type, each with its parse, length, validation and emit side by side
//! (smoltcp's shape): `status`, `event`, `identity`, `command`, `ack`, `nak` and `unknown`;
//! `snapshot` is the state TLVs that status reports and events share.
//! `super::repr` dispatches on the type byte and calls them.
//!
//! Every message type `M` has the same four items:
//!
//! - `M::parse(r: Reader) -> Result<M, Error>`: the body after the header, first problem with its
//!   byte offset;
//! - `M::body_len(&self) -> usize`: the bytes `emit` writes;
//! - `M::check(&self) -> Result<(), Invalid>`: every rule `parse` checks, with the field it breaks;
//! - `M::emit(&self, w: &mut Writer)`: the body, canonical, for a value `check` accepted.

pub(super) mod ack;
pub(super) mod command;
pub(super) mod event;
pub(super) mod identity;
pub(super) mod nak;
pub(super) mod snapshot;
pub(super) mod status;
pub(super) mod unknown;

use super::error::{EmitError, Error, ErrorKind};
use super::frame::field;
use super::tlv::{Tlv, Tlvs};

/// A cursor over the body that reports absolute offsets.
pub(super) struct Reader<'a> {
    /// The bytes not read yet.
    pub rest: &'a [u8],
    /// The frame offset of `rest`.
    pub at: usize,
}

impl<'a> Reader<'a> {
    pub fn u8(&mut self) -> Result<(usize, u8), Error> {
        let at = self.at;
        let (&b, rest) = self
            .rest
            .split_first()
            .ok_or(Error::new(ErrorKind::BadLength, field::LENGTH))?;
        self.rest = rest;
        self.at = at.saturating_add(1);
        Ok((at, b))
    }

    pub fn array<const N: usize>(&mut self) -> Result<(usize, [u8; N]), Error> {
        let at = self.at;
        let (head, rest) = self
            .rest
            .split_first_chunk::<N>()
            .ok_or(Error::new(ErrorKind::BadLength, field::LENGTH))?;
        self.rest = rest;
        self.at = at.saturating_add(N);
        Ok((at, *head))
    }

    /// The rest of the body as extension TLVs (for messages without known TLVs).
    pub fn extensions(self) -> Result<Tlvs<'a>, Error> {
        Tlvs::parse_at(self.rest, self.at)
    }
}

pub(super) const fn bad(kind: ErrorKind, at: usize) -> Error {
    Error::new(kind, at)
}

/// Walk the TLV area: call `known` for each TLV of type `1..=last` (in ascending order; only
/// `repeatable` may repeat), and return the rest as extensions.
pub(super) fn walk_tlvs<'a>(
    area: &'a [u8],
    base: usize,
    last: u8,
    repeatable: Option<u8>,
    mut known: impl FnMut(usize, Tlv<'a>) -> Result<(), Error>,
) -> Result<Tlvs<'a>, Error> {
    // A direct walk over the slice (the hot path of every status report and event).
    let mut rest = area;
    let mut at = base;
    let mut prev = 0u8;
    while let Some((&ty, tail)) = rest.split_first() {
        if ty > last {
            // [FRAME-022] the first extension: the rest are extensions, validated as such.
            return Tlvs::parse_at(rest, at);
        }
        if ty == 0 {
            return Err(bad(ErrorKind::TlvOrder, at));
        }
        let Some((&len, tail)) = tail.split_first() else {
            return Err(bad(ErrorKind::TlvTruncated, at));
        };
        let Some((value, next)) = tail.split_at_checked(usize::from(len)) else {
            return Err(bad(ErrorKind::TlvTruncated, at));
        };
        // [FRAME-021] ascending; only the repeatable type may repeat.
        if ty < prev || (ty == prev && repeatable != Some(ty)) {
            return Err(bad(ErrorKind::TlvOrder, at));
        }
        prev = ty;
        known(at, Tlv { ty, value })?;
        rest = next;
        at = at.saturating_add(2 + usize::from(len));
    }
    Ok(Tlvs::EMPTY)
}

/// Declares [`Field`] from one list of variants and JSON paths: with the JSON encoder (`serde`
/// and `alloc`) an enum with [`Field::path`]; without it nothing asks which field is wrong, so a
/// zero-sized stand-in with the same names, and on a device a check's result is one
/// [`EmitError`], as small as before.
macro_rules! fields {
    ($($v:ident = $path:literal,)+) => {
        /// The field of a message that a value breaks, named by its JSON path (`spec/frame.md`
        /// §8) so that an encoder error names it (`gasdev encode`).
        #[cfg(all(feature = "serde", feature = "alloc"))]
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(super) enum Field {
            $($v,)+
        }

        #[cfg(all(feature = "serde", feature = "alloc"))]
        impl Field {
            /// The JSON path.
            pub const fn path(self) -> &'static str {
                match self {
                    $(Field::$v => $path,)+
                }
            }
        }

        /// Without the JSON encoder: a zero-sized stand-in with the names of the enum.
        #[cfg(not(all(feature = "serde", feature = "alloc")))]
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(super) struct Field;

        #[cfg(not(all(feature = "serde", feature = "alloc")))]
        #[allow(
            non_upper_case_globals,
            reason = "the names of the enum this stands in for"
        )]
        impl Field {
            $(pub const $v: Field = Field;)+
        }
    };
}

fields! {
    Type = "message.type", Alarm = "message.alarm", Valve = "message.valve",
    Methane = "message.methane", CarbonMonoxide = "message.carbon_monoxide",
    Propane = "message.propane", Event = "message.event",
    Identifiers = "message.identifiers", Model = "message.model", Firmware = "message.firmware",
    Command = "message.command", CommandCode = "message.command_code",
    Extensions = "message.extensions",
}

/// A rule a message value breaks: the error `emit` returns and the field.
pub(super) type Invalid = (EmitError, Field);

/// Extensions must lie above the message's known TLV types.
pub(super) fn check_ext(t: &Tlvs<'_>, last: u8) -> Result<(), Invalid> {
    match t.first_type() {
        Some(ty) if ty <= last => Err((EmitError::BadField, Field::Extensions)),
        _ => Ok(()),
    }
}

/// A text TLV value: 1..=`max` bytes.
pub(super) fn check_text(s: &str, max: usize, f: Field) -> Result<(), Invalid> {
    if s.is_empty() {
        Err((EmitError::BadField, f))
    } else if s.len() > max {
        Err((EmitError::Oversize, f))
    } else {
        Ok(())
    }
}

/// The body being written.
pub(super) struct Writer<'b> {
    pub buf: &'b mut [u8],
    pub pos: usize,
}

impl Writer<'_> {
    /// Copy `bytes` at the cursor. The caller sized the buffer with `buffer_len`, so the copy
    /// always fits; a short buffer would only leave bytes unwritten, never panic.
    pub fn put(&mut self, bytes: &[u8]) {
        let end = self.pos.saturating_add(bytes.len());
        if let Some(dst) = self.buf.get_mut(self.pos..end) {
            dst.copy_from_slice(bytes);
        }
        self.pos = end;
    }

    pub fn tlv(&mut self, ty: u8, value: &[&[u8]]) {
        let len: usize = value.iter().map(|v| v.len()).sum();
        self.put(&[ty, u8::try_from(len).unwrap_or(u8::MAX)]);
        for v in value {
            self.put(v);
        }
    }
}
