//! The zero-copy frame view [`Frame`] and the frame integrity check (CRC-32C).
//!
//! Layout (`spec/frame.md` §2, all integers big-endian):
//!
//! | offset | size | field |
//! |---|---|---|
//! | 0 | 2 | magic `47 44` ("GD") [FRAME-001] |
//! | 2 | 1 | version, `01` [FRAME-002] |
//! | 3 | 1 | length `L`: bytes from offset 4 up to the CRC, `7..=248` [FRAME-003] |
//! | 4 | 1 | message type [FRAME-010] |
//! | 5 | 2 | sequence number [FRAME-004] |
//! | 7 | 4 | timestamp, Unix seconds, `0` = unknown [FRAME-005] |
//! | 11 | `L - 7` | body: the message's fixed part, then TLVs [FRAME-020] |
//! | `4 + L` | 4 | CRC-32C of bytes `0 .. 4 + L` [FRAME-006] |

use super::error::{Error, ErrorKind};

/// The two bytes every frame starts with: `47 44`, ASCII "GD" [FRAME-001].
pub const MAGIC: [u8; 2] = [0x47, 0x44];
/// The frame version this library emits and decodes [FRAME-002].
pub const VERSION: u8 = 0x01;
/// Bytes before the body: magic, version, length, type, sequence number, timestamp.
pub const HEADER_LEN: usize = field::TIMESTAMP.end;
/// Bytes of the CRC trailer.
pub const CRC_LEN: usize = 4;
/// The largest frame, trailer included [FRAME-003].
pub const MAX_FRAME_LEN: usize = 256;
/// The smallest frame: a header and a trailer around an empty body.
pub const MIN_FRAME_LEN: usize = HEADER_LEN + CRC_LEN;
/// The largest body (message fixed part and TLVs).
pub const MAX_BODY_LEN: usize = MAX_FRAME_LEN - HEADER_LEN - CRC_LEN;

/// The frame check: CRC-32C (Castagnoli, `CRC_32_ISCSI` in the `crc` catalogue: poly `0x1EDC6F41`,
/// reflected, init and xorout `0xFFFFFFFF`, check value `0xE3069283`). Why this polynomial:
/// `spec/frame.md` §2.1 [FRAME-006].
pub const CRC_ALGORITHM: &crc::Algorithm<u32> = &crc::CRC_32_ISCSI;

/// The table the CRC uses: on 64-bit hosts (platforms, servers, phones) the `crc` crate's
/// 16-lane table (16 KiB, about 5 times faster); on WebAssembly (with `std`) the same 16-lane
/// table, computed on first use rather than shipped in the module (where every KiB is
/// downloaded); on other 32-bit hosts its one 1 KiB table; on bare-metal microcontrollers
/// (`target_os = "none"`), where flash counts (the firmware budget: codec and identifier
/// validation in 16 KiB), no table: bit by bit, a frame of at most 256 bytes in about ten
/// thousand cycles. All compute the same CRC (`spec/frame.md` §2.1).
#[cfg(target_pointer_width = "64")]
type CrcTable = crc::Table<16>;
#[cfg(all(
    not(target_pointer_width = "64"),
    not(target_os = "none"),
    not(all(feature = "std", target_family = "wasm"))
))]
type CrcTable = crc::Table<1>;
#[cfg(all(not(target_pointer_width = "64"), target_os = "none"))]
type CrcTable = crc::NoTable;

#[cfg(not(all(
    feature = "std",
    target_family = "wasm",
    not(target_pointer_width = "64")
)))]
const CRC: crc::Crc<u32, CrcTable> = crc::Crc::<u32, CrcTable>::new(CRC_ALGORITHM);

/// The CRC-32C of `bytes` [FRAME-006].
#[cfg(not(all(
    feature = "std",
    target_family = "wasm",
    not(target_pointer_width = "64")
)))]
pub fn crc32c(bytes: &[u8]) -> u32 {
    CRC.checksum(bytes)
}

/// The CRC-32C of `bytes` [FRAME-006] (WebAssembly: the 16-lane table is built on first use).
#[cfg(all(
    feature = "std",
    target_family = "wasm",
    not(target_pointer_width = "64")
))]
pub fn crc32c(bytes: &[u8]) -> u32 {
    static CRC: std::sync::OnceLock<crc::Crc<u32, crc::Table<16>>> = std::sync::OnceLock::new();
    CRC.get_or_init(|| crc::Crc::<u32, crc::Table<16>>::new(CRC_ALGORITHM))
        .checksum(bytes)
}

/// Byte ranges of the header fields (smoltcp style: named once, never as magic numbers).
pub(crate) mod field {
    /// A byte range of the frame.
    pub type Field = core::ops::Range<usize>;
    /// Magic bytes.
    pub const MAGIC: Field = 0..2;
    /// Version byte.
    pub const VERSION: usize = 2;
    /// Length byte: bytes from [`TYPE`] up to the CRC.
    pub const LENGTH: usize = 3;
    /// Message type.
    pub const TYPE: usize = 4;
    /// Sequence number.
    pub const SEQ: Field = 5..7;
    /// Timestamp.
    pub const TIMESTAMP: Field = 7..11;
    /// The part of the frame the length byte counts.
    pub const COUNTED_FROM: usize = TYPE;
}

/// The length byte's smallest valid value: type, sequence number and timestamp.
pub const MIN_LENGTH_FIELD: u8 = (HEADER_LEN - field::COUNTED_FROM) as u8;
/// The length byte's largest valid value, so that the frame fits in [`MAX_FRAME_LEN`].
pub const MAX_LENGTH_FIELD: u8 = (MAX_FRAME_LEN - field::COUNTED_FROM - CRC_LEN) as u8;

/// Check the header bytes that exist in `buf` (a prefix of a frame is allowed) and return the
/// total frame length once the length byte is known.
///
/// Order of checks (each error names the offset of the offending byte): magic, version, length
/// range; a buffer that ends first returns `Ok(None)`.
pub(crate) fn check_header_prefix(buf: &[u8]) -> Result<Option<usize>, Error> {
    for (i, want) in MAGIC.iter().enumerate() {
        match buf.get(i) {
            Some(b) if b == want => {}
            Some(_) => return Err(Error::new(ErrorKind::BadMagic, i)),
            None => return Ok(None),
        }
    }
    match buf.get(field::VERSION) {
        Some(&VERSION) => {}
        Some(_) => return Err(Error::new(ErrorKind::BadVersion, field::VERSION)),
        None => return Ok(None),
    }
    match buf.get(field::LENGTH) {
        // [FRAME-003] 7 <= L <= 248.
        Some(&l) if l < MIN_LENGTH_FIELD => Err(Error::new(ErrorKind::BadLength, field::LENGTH)),
        Some(&l) if l > MAX_LENGTH_FIELD => Err(Error::new(ErrorKind::Oversize, field::LENGTH)),
        Some(&l) => Ok(Some(usize::from(l) + field::COUNTED_FROM + CRC_LEN)),
        None => Ok(None),
    }
}

/// A read/write view of a frame in a buffer (`&[u8]`, `&mut [u8]`, `Vec<u8>`, `[u8; N]`).
///
/// After [`Frame::check_len`] (or [`Frame::new_checked`]) succeeds, every accessor returns the
/// frame's real field. Accessors never panic on any buffer: on a buffer too short for a field
/// they return 0 (or an empty slice), and setters do nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Frame<T: AsRef<[u8]>> {
    buffer: T,
}

fn be_u16(b: Option<&[u8]>) -> u16 {
    match b {
        Some(&[a, b]) => u16::from_be_bytes([a, b]),
        _ => 0,
    }
}

fn be_u32(b: Option<&[u8]>) -> u32 {
    match b {
        Some(&[a, b, c, d]) => u32::from_be_bytes([a, b, c, d]),
        _ => 0,
    }
}

impl<T: AsRef<[u8]>> Frame<T> {
    /// Wrap a buffer without checking it.
    pub const fn new_unchecked(buffer: T) -> Frame<T> {
        Frame { buffer }
    }

    /// Wrap a buffer and [`check_len`](Self::check_len) it. Do not use it to emit (an empty
    /// buffer fails the check): use [`Frame::new_unchecked`] there.
    ///
    /// # Errors
    /// As [`check_len`](Self::check_len).
    pub fn new_checked(buffer: T) -> Result<Frame<T>, Error> {
        let frame = Frame::new_unchecked(buffer);
        frame.check_len()?;
        Ok(frame)
    }

    /// Check that the buffer holds a whole frame: magic, version, a length byte in `7..=248`, and
    /// at least `length + 8` bytes. The buffer may be longer (see [`super::decode`] for the
    /// strict form). The CRC is not checked here: see [`verify_crc`](Self::verify_crc).
    ///
    /// # Errors
    /// `FRAME_BAD_MAGIC` (offset 0 or 1), `FRAME_BAD_VERSION` (2), `FRAME_BAD_LENGTH` or
    /// `FRAME_OVERSIZE` (3), `FRAME_TRUNCATED` (offset = buffer length).
    pub fn check_len(&self) -> Result<(), Error> {
        let buf = self.buffer.as_ref();
        // The common case in one look at the first four bytes; any failure takes the path that
        // names the offending byte.
        if let Some(&[m0, m1, version, length]) = buf.first_chunk::<4>() {
            if [m0, m1] == MAGIC
                && version == VERSION
                && (MIN_LENGTH_FIELD..=MAX_LENGTH_FIELD).contains(&length)
                && buf.len() >= usize::from(length) + field::COUNTED_FROM + CRC_LEN
            {
                return Ok(());
            }
        }
        match check_header_prefix(buf)? {
            Some(total) if buf.len() >= total => Ok(()),
            _ => Err(Error::new(ErrorKind::Truncated, buf.len())),
        }
    }

    /// Unwrap the buffer.
    pub fn into_inner(self) -> T {
        self.buffer
    }

    /// The magic bytes.
    pub fn magic(&self) -> [u8; 2] {
        match self.buffer.as_ref().get(field::MAGIC) {
            Some(&[a, b]) => [a, b],
            _ => [0, 0],
        }
    }

    /// The version byte.
    pub fn version(&self) -> u8 {
        self.buffer
            .as_ref()
            .get(field::VERSION)
            .copied()
            .unwrap_or(0)
    }

    /// The length byte: bytes from the message type up to the CRC.
    pub fn length(&self) -> u8 {
        self.buffer
            .as_ref()
            .get(field::LENGTH)
            .copied()
            .unwrap_or(0)
    }

    /// The whole frame's length, CRC included: `length + 8`.
    pub fn total_len(&self) -> usize {
        usize::from(self.length()) + field::COUNTED_FROM + CRC_LEN
    }

    /// The message type byte (see [`super::MessageType`]).
    pub fn msg_type(&self) -> u8 {
        self.buffer.as_ref().get(field::TYPE).copied().unwrap_or(0)
    }

    /// The sequence number.
    pub fn seq(&self) -> u16 {
        be_u16(self.buffer.as_ref().get(field::SEQ))
    }

    /// The timestamp field: Unix seconds (UTC), 0 when the device's clock is not set.
    pub fn timestamp(&self) -> u32 {
        be_u32(self.buffer.as_ref().get(field::TIMESTAMP))
    }

    /// The range of the CRC trailer.
    fn crc_field(&self) -> field::Field {
        let end = self.total_len();
        end.saturating_sub(CRC_LEN)..end
    }

    /// The CRC trailer as stored.
    pub fn crc(&self) -> u32 {
        be_u32(self.buffer.as_ref().get(self.crc_field()))
    }

    /// The CRC-32C of the bytes the trailer covers (`0 .. total_len - 4`), computed now.
    pub fn compute_crc(&self) -> u32 {
        let end = self.total_len().saturating_sub(CRC_LEN);
        crc32c(self.buffer.as_ref().get(..end).unwrap_or_default())
    }

    /// Whether the stored CRC matches the frame's bytes [FRAME-006].
    ///
    /// # Fuzzing
    /// Under `cfg(fuzzing)` this always returns `true`, so that fuzzers reach the message
    /// parsers behind the check (smoltcp does the same for its checksums).
    pub fn verify_crc(&self) -> bool {
        if cfg!(fuzzing) {
            return true;
        }
        let buf = self.buffer.as_ref();
        let end = self.total_len().saturating_sub(CRC_LEN);
        match (
            buf.get(..end),
            buf.get(end..).and_then(|t| t.first_chunk::<4>()),
        ) {
            (Some(covered), Some(&stored)) => crc32c(covered) == u32::from_be_bytes(stored),
            _ => false,
        }
    }

    /// The frame's bytes, trailer included (a prefix of the buffer; shorter if the buffer is).
    pub fn as_bytes(&self) -> &[u8] {
        let buf = self.buffer.as_ref();
        buf.get(..self.total_len()).unwrap_or(buf)
    }
}

impl<'a, T: AsRef<[u8]> + ?Sized> Frame<&'a T> {
    /// The body: the message's fixed part and TLVs, tied to the buffer's lifetime.
    pub fn body(&self) -> &'a [u8] {
        let end = self.total_len().saturating_sub(CRC_LEN);
        self.buffer
            .as_ref()
            .get(HEADER_LEN..end)
            .unwrap_or_default()
    }

    /// The whole frame's bytes, tied to the buffer's lifetime.
    pub fn bytes(&self) -> &'a [u8] {
        let buf = self.buffer.as_ref();
        buf.get(..self.total_len()).unwrap_or(buf)
    }
}

impl<T: AsRef<[u8]> + AsMut<[u8]>> Frame<T> {
    fn put(&mut self, range: field::Field, bytes: &[u8]) {
        if let Some(dst) = self.buffer.as_mut().get_mut(range) {
            if dst.len() == bytes.len() {
                dst.copy_from_slice(bytes);
            }
        }
    }

    /// Write the magic bytes.
    pub fn set_magic(&mut self) {
        self.put(field::MAGIC, &MAGIC);
    }

    /// Write the version byte.
    pub fn set_version(&mut self, version: u8) {
        self.put(field::VERSION..field::VERSION + 1, &[version]);
    }

    /// Write the length byte (bytes from the message type up to the CRC).
    pub fn set_length(&mut self, length: u8) {
        self.put(field::LENGTH..field::LENGTH + 1, &[length]);
    }

    /// Write the message type byte.
    pub fn set_msg_type(&mut self, msg_type: u8) {
        self.put(field::TYPE..field::TYPE + 1, &[msg_type]);
    }

    /// Write the sequence number.
    pub fn set_seq(&mut self, seq: u16) {
        self.put(field::SEQ, &seq.to_be_bytes());
    }

    /// Write the timestamp field (Unix seconds, 0 = unknown).
    pub fn set_timestamp(&mut self, timestamp: u32) {
        self.put(field::TIMESTAMP, &timestamp.to_be_bytes());
    }

    /// The body, writable (empty if the buffer is shorter than the length byte says).
    pub fn body_mut(&mut self) -> &mut [u8] {
        let end = self.total_len().saturating_sub(CRC_LEN);
        self.buffer
            .as_mut()
            .get_mut(HEADER_LEN..end)
            .unwrap_or_default()
    }

    /// Compute the CRC over the frame and write it into the trailer [FRAME-006].
    pub fn fill_crc(&mut self) {
        let crc = self.compute_crc();
        let range = self.crc_field();
        self.put(range, &crc.to_be_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_is_crc32c() {
        // The catalogue check value of CRC-32/ISCSI.
        assert_eq!(crc32c(b"123456789"), 0xE306_9283);
        let small = crc::Crc::<u32, crc::Table<1>>::new(CRC_ALGORITHM);
        let bytes = [0x5au8; 300];
        for n in 0..bytes.len() {
            assert_eq!(crc32c(&bytes[..n]), small.checksum(&bytes[..n]));
        }
    }

    #[test]
    fn constants_agree() {
        assert_eq!(HEADER_LEN, 11);
        assert_eq!(MIN_LENGTH_FIELD, 7);
        assert_eq!(MAX_LENGTH_FIELD, 248);
        assert_eq!(MAX_BODY_LEN, 241);
        assert_eq!(usize::from(MAX_LENGTH_FIELD) + 8, MAX_FRAME_LEN);
    }

    #[test]
    fn accessors_do_not_panic_on_short_buffers() {
        for n in 0..MIN_FRAME_LEN {
            let mut buf = [0x47u8; MIN_FRAME_LEN];
            let mut f = Frame::new_unchecked(&mut buf[..n]);
            let _ = (
                f.magic(),
                f.version(),
                f.length(),
                f.seq(),
                f.timestamp(),
                f.crc(),
                f.verify_crc(),
            );
            f.set_seq(7);
            f.fill_crc();
            assert!(f.check_len().is_err());
        }
    }

    #[test]
    fn header_errors_name_their_byte() {
        let e = |b: &[u8]| Frame::new_checked(b).unwrap_err();
        assert_eq!(e(b""), Error::new(ErrorKind::Truncated, 0));
        assert_eq!(e(b"X"), Error::new(ErrorKind::BadMagic, 0));
        assert_eq!(e(b"GX"), Error::new(ErrorKind::BadMagic, 1));
        assert_eq!(e(b"GD\x02\x07"), Error::new(ErrorKind::BadVersion, 2));
        assert_eq!(e(b"GD\x01\x06"), Error::new(ErrorKind::BadLength, 3));
        assert_eq!(e(b"GD\x01\xf9"), Error::new(ErrorKind::Oversize, 3));
        assert_eq!(e(b"GD\x01\x07"), Error::new(ErrorKind::Truncated, 4));
    }
}
