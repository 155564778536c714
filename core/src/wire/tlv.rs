//! Type-length-value fields: the extensible part of every message body [FRAME-020..023].
//!
//! A TLV is one type byte (1..=255), one length byte (0..=255) and that many value bytes. In a
//! body, TLV types are in ascending order; only types a message declares repeatable may repeat
//! (then consecutively). Every message defines its known types as `1..=K`; the TLVs after them
//! are *extensions*: a decoder skips them and keeps them, and an encoder writes them back
//! unchanged ([`Tlvs`]), so a frame survives a decode/encode round trip through an older
//! implementation byte for byte [FRAME-022].

use super::error::{Error, ErrorKind};

/// One TLV, borrowed from a buffer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Tlv<'a> {
    /// The type byte (never 0).
    pub ty: u8,
    /// The value bytes (at most 255).
    pub value: &'a [u8],
}

impl Tlv<'_> {
    /// The bytes this TLV takes on the wire: 2 + value length.
    pub const fn wire_len(&self) -> usize {
        2 + self.value.len()
    }
}

/// An iterator over the TLVs of a byte slice, checking each header.
///
/// Yields `Err` once (then stops) for a TLV that runs past the end or has type 0. It does not
/// check order: [`Tlvs::parse`] does. Offsets in errors are relative to the slice start plus the
/// `base` given to [`TlvIter::with_base`].
#[derive(Debug, Clone)]
pub struct TlvIter<'a> {
    rest: &'a [u8],
    pos: usize,
    base: usize,
    failed: bool,
}

impl<'a> TlvIter<'a> {
    /// Iterate over the TLVs in `bytes`; error offsets are relative to `bytes`.
    pub const fn new(bytes: &'a [u8]) -> TlvIter<'a> {
        TlvIter::with_base(bytes, 0)
    }

    /// Iterate over the TLVs in `bytes`; error offsets are `base` + the offset in `bytes`.
    pub const fn with_base(bytes: &'a [u8], base: usize) -> TlvIter<'a> {
        TlvIter {
            rest: bytes,
            pos: 0,
            base,
            failed: false,
        }
    }

    /// The offset (with base) of the next TLV.
    pub const fn offset(&self) -> usize {
        self.base.saturating_add(self.pos)
    }

    fn fail(&mut self, kind: ErrorKind, at: usize) -> Option<Result<(usize, Tlv<'a>), Error>> {
        self.failed = true;
        self.rest = &[];
        Some(Err(Error::new(kind, at)))
    }

    /// The next TLV with its offset (with base), or an error.
    pub fn next_with_offset(&mut self) -> Option<Result<(usize, Tlv<'a>), Error>> {
        if self.failed {
            return None;
        }
        let at = self.offset();
        let (&ty, rest) = self.rest.split_first()?;
        if ty == 0 {
            // [FRAME-021] type 0 is never valid (a zero-filled buffer is not a TLV).
            return self.fail(ErrorKind::TlvOrder, at);
        }
        let Some((&len, rest)) = rest.split_first() else {
            return self.fail(ErrorKind::TlvTruncated, at);
        };
        let Some((value, rest)) = rest.split_at_checked(usize::from(len)) else {
            return self.fail(ErrorKind::TlvTruncated, at);
        };
        self.rest = rest;
        self.pos = self.pos.saturating_add(2 + usize::from(len));
        Some(Ok((at, Tlv { ty, value })))
    }
}

impl<'a> Iterator for TlvIter<'a> {
    type Item = Result<Tlv<'a>, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_with_offset().map(|r| r.map(|(_, t)| t))
    }
}

/// A validated run of TLVs (well-formed, types ascending, no type 0), borrowed from a buffer:
/// the extensions of a message.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Tlvs<'a> {
    bytes: &'a [u8],
}

impl<'a> Tlvs<'a> {
    /// No TLVs.
    pub const EMPTY: Tlvs<'static> = Tlvs { bytes: &[] };

    /// Validate `bytes` as a run of TLVs in ascending type order, each type at most once.
    ///
    /// # Errors
    /// `FRAME_TLV_TRUNCATED`, or `FRAME_TLV_ORDER` for type 0, a repeat or a descent; offsets
    /// are relative to `bytes`.
    pub fn parse(bytes: &'a [u8]) -> Result<Tlvs<'a>, Error> {
        Tlvs::parse_at(bytes, 0)
    }

    /// As [`Tlvs::parse`], with error offsets moved by `base`.
    pub(crate) fn parse_at(bytes: &'a [u8], base: usize) -> Result<Tlvs<'a>, Error> {
        let mut it = TlvIter::with_base(bytes, base);
        let mut last = 0u8;
        while let Some(item) = it.next_with_offset() {
            let (at, tlv) = item?;
            if tlv.ty <= last {
                return Err(Error::new(ErrorKind::TlvOrder, at));
            }
            last = tlv.ty;
        }
        Ok(Tlvs { bytes })
    }

    /// The raw bytes.
    pub const fn as_bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// Whether there are none.
    pub const fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// The type of the first TLV, if any.
    pub fn first_type(&self) -> Option<u8> {
        self.bytes.first().copied()
    }

    /// The TLVs, in order.
    pub fn iter(&self) -> impl Iterator<Item = Tlv<'a>> + 'a {
        // Validated at construction: no item is an error.
        TlvIter::new(self.bytes).map_while(Result::ok)
    }
}

impl core::fmt::Debug for Tlvs<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iterates_and_checks() {
        let b = [0x06, 0x02, 0xaa, 0xbb, 0x09, 0x00];
        let t = Tlvs::parse(&b).unwrap();
        let mut it = t.iter();
        assert_eq!(
            it.next(),
            Some(Tlv {
                ty: 6,
                value: &[0xaa, 0xbb]
            })
        );
        assert_eq!(it.next(), Some(Tlv { ty: 9, value: &[] }));
        assert_eq!(it.next(), None);
        assert_eq!(
            Tlvs::parse(&[0x06, 0x03, 0xaa]),
            Err(Error::new(ErrorKind::TlvTruncated, 0))
        );
        assert_eq!(
            Tlvs::parse(&[0x06, 0x00, 0x06]),
            Err(Error::new(ErrorKind::TlvTruncated, 2))
        );
        assert_eq!(
            Tlvs::parse(&[0x06, 0x00, 0x06, 0x00]),
            Err(Error::new(ErrorKind::TlvOrder, 2))
        );
        assert_eq!(
            Tlvs::parse(&[0x06, 0x00, 0x05, 0x00]),
            Err(Error::new(ErrorKind::TlvOrder, 2))
        );
        assert_eq!(
            Tlvs::parse(&[0x00, 0x00]),
            Err(Error::new(ErrorKind::TlvOrder, 0))
        );
        assert_eq!(
            Tlvs::parse_at(&[0x06], 20),
            Err(Error::new(ErrorKind::TlvTruncated, 20))
        );
    }
}
