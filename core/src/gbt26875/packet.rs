//! The packet envelope (表1, §6.6): markers, control unit, ADU length, checksum.
//!
//! > 启动符 `@@` | 控制单元 (业务流水号 2, 协议版本号 2, 时间标签 6, 源地址 6, 目的地址 6, 应用数据单元长度 2,
//! > 命令字节 1) | 应用数据单元 | 校验和 1 | 结束符 `##`
//! >
//! > 校验和：控制单元中各字节及应用数据单元的算术校验和，舍去8位以上的进位位后所形成的1字节二进制数。
//!
//! Verification errors (§6.5.3) are rejected in both modes \[GBT-3\]: checksum, ADU length over 1024,
//! wrong start or end characters. Unknown commands are a verification error only in strict mode;
//! the tolerant decoder surfaces them (checklist row 10).

use super::adu::{Adu, AduRepr, Writer};
use super::codes;
use super::time::TimeLabel;
use super::{
    Checker, Deviation, Deviations, END, Error, HEADER_LEN, MAX_ADU_LEN, MIN_LEN, Options, START,
};
use crate::ErrorCode;

/// Byte offsets of the fixed fields (表1; the standard counts from 1, these from 0).
mod field {
    use core::ops::Range;
    pub const START: Range<usize> = 0..2;
    pub const SERIAL: Range<usize> = 2..4;
    pub const VERSION: Range<usize> = 4..6;
    pub const TIME: Range<usize> = 6..12;
    pub const SOURCE: Range<usize> = 12..18;
    pub const DESTINATION: Range<usize> = 18..24;
    pub const LENGTH: Range<usize> = 24..26;
    pub const COMMAND: usize = 26;
    pub const ADU: usize = 27;
}

/// 协议版本号: main and user version bytes (表1: main "固定值1", user defined by the user).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Version {
    /// 主版本号 (1 in conformant packets).
    pub main: u8,
    /// 用户版本号.
    pub user: u8,
}

impl Version {
    /// Main version 1, user version 0.
    pub const STANDARD: Version = Version { main: 1, user: 0 };
}

impl Default for Version {
    fn default() -> Self {
        Version::STANDARD
    }
}

/// A 6-byte source or destination address, low byte first, read as an unsigned 48-bit integer
/// (the standard defines no inner structure) \[GBT-2\].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Address(u64);

impl Address {
    /// The largest address, 2⁴⁸ − 1.
    pub const MAX: u64 = 0xFFFF_FFFF_FFFF;

    /// An address; `None` above [`Self::MAX`].
    pub const fn new(value: u64) -> Option<Address> {
        if value > Self::MAX {
            None
        } else {
            Some(Address(value))
        }
    }

    /// The address from its six wire bytes.
    pub const fn from_bytes(b: [u8; 6]) -> Address {
        Address(u64::from_le_bytes([
            b[0], b[1], b[2], b[3], b[4], b[5], 0, 0,
        ]))
    }

    /// The six wire bytes, low byte first.
    pub const fn to_bytes(self) -> [u8; 6] {
        let b = self.0.to_le_bytes();
        [b[0], b[1], b[2], b[3], b[4], b[5]]
    }

    /// The address as an integer.
    pub const fn value(self) -> u64 {
        self.0
    }
}

impl From<u32> for Address {
    fn from(v: u32) -> Address {
        Address(u64::from(v))
    }
}

/// The control unit (控制单元) of a packet, without the ADU length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Header {
    /// 业务流水号: set by the initiator, echoed by the responder (u16, low byte first).
    pub serial: u16,
    /// 协议版本号.
    pub version: Version,
    /// 时间标签: when the packet was sent.
    pub time: TimeLabel,
    /// 源地址.
    pub source: Address,
    /// 目的地址.
    pub destination: Address,
    /// 命令字节 (表2; see [`command_name`](super::command_name)).
    pub command: u8,
}

impl Header {
    /// Read the fixed fields of the first 27 bytes (no checks).
    fn read(b: &[u8; HEADER_LEN]) -> Header {
        let arr6 = |r: core::ops::Range<usize>| -> [u8; 6] {
            b.get(r).and_then(|s| s.try_into().ok()).unwrap_or_default()
        };
        let pair = |r: core::ops::Range<usize>| -> [u8; 2] {
            b.get(r).and_then(|s| s.try_into().ok()).unwrap_or_default()
        };
        let [main, user] = pair(field::VERSION);
        Header {
            serial: u16::from_le_bytes(pair(field::SERIAL)),
            version: Version { main, user },
            time: TimeLabel::from_bytes(arr6(field::TIME)),
            source: Address::from_bytes(arr6(field::SOURCE)),
            destination: Address::from_bytes(arr6(field::DESTINATION)),
            command: b.get(field::COMMAND).copied().unwrap_or_default(),
        }
    }

    /// Write the fixed fields with ADU length `len`.
    fn write(&self, w: &mut Writer<'_>, len: u16) -> Result<(), Error> {
        w.put(&START)?;
        w.put(&self.serial.to_le_bytes())?;
        w.put(&[self.version.main, self.version.user])?;
        w.put(&self.time.raw)?;
        w.put(&self.source.to_bytes())?;
        w.put(&self.destination.to_bytes())?;
        w.put(&len.to_le_bytes())?;
        w.put(&[self.command])
    }
}

/// The checksum of the control unit and ADU bytes (`bytes[2 .. 27+L]`): their sum, carries above
/// 8 bits dropped \[GBT-1\].
pub fn checksum(control_unit_and_adu: &[u8]) -> u8 {
    control_unit_and_adu
        .iter()
        .fold(0u8, |s, &b| s.wrapping_add(b))
}

/// A decoded packet: the header, a view of the ADU, and what the tolerant decoder let through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decoded<'a> {
    header: Header,
    adu_bytes: &'a [u8],
    adu: Option<Adu<'a>>,
    checksum: u8,
    checksum_ok: bool,
    deviations: Deviations,
    len: usize,
}

impl<'a> Decoded<'a> {
    /// The control unit.
    pub const fn header(&self) -> &Header {
        &self.header
    }

    /// The ADU; `None` when the ADU length is 0 (confirm, deny, heartbeat).
    pub const fn adu(&self) -> Option<&Adu<'a>> {
        self.adu.as_ref()
    }

    /// The raw ADU bytes (`L` bytes).
    pub const fn adu_bytes(&self) -> &'a [u8] {
        self.adu_bytes
    }

    /// The checksum byte as sent.
    pub const fn checksum(&self) -> u8 {
        self.checksum
    }

    /// Whether the checksum matches (always true unless [`Options::verify_checksum`] is off).
    pub const fn checksum_ok(&self) -> bool {
        self.checksum_ok
    }

    /// The departures from the standard the tolerant decoder accepted (empty in strict mode).
    pub const fn deviations(&self) -> Deviations {
        self.deviations
    }

    /// The packet length, `30 + L` (trailing bytes excluded).
    pub const fn packet_len(&self) -> usize {
        self.len
    }

    /// Whether this is a 发送数据 packet with an empty ADU: a keep-alive (checklist row 2).
    pub const fn is_heartbeat(&self) -> bool {
        self.adu.is_none() && self.header.command == 2
    }
}

/// Decode one packet that fills `bytes` (trailing bytes are a deviation).
///
/// # Errors
/// `GBT_TRUNCATED`, `GBT_BAD_START`, `GBT_BAD_END`, `GBT_LENGTH_TOO_LARGE`, `GBT_BAD_CHECKSUM`,
/// `GBT_ASCII_HEX` (the input is hex text: use [`decode_hex_text`] first) and `GBT_BAD_ADU_LENGTH`
/// (an ADU of one byte) in both modes; in strict mode also the [`Deviation::code`] of the first
/// deviation. The offset is the byte the error is about.
pub fn decode(bytes: &[u8], options: Options) -> Result<Decoded<'_>, Error> {
    // [GBT-11] checklist row 6: hex text is recognised and named, never misread.
    if looks_like_hex_text(bytes) {
        return Err(Error::new(ErrorCode::GbtAsciiHex, 0));
    }
    // [GBT-3] start marker, byte by byte so the offset is exact.
    for (i, want) in field::START.zip(START.iter()) {
        match bytes.get(i) {
            None => return Err(Error::new(ErrorCode::GbtTruncated, bytes.len())),
            Some(b) if b != want => return Err(Error::new(ErrorCode::GbtBadStart, i)),
            Some(_) => {}
        }
    }
    let head: &[u8; HEADER_LEN] = bytes
        .get(..HEADER_LEN)
        .and_then(|h| h.try_into().ok())
        .ok_or(Error::new(ErrorCode::GbtTruncated, bytes.len()))?;
    let header = Header::read(head);
    let adu_len = adu_length(head);
    if adu_len > MAX_ADU_LEN {
        return Err(Error::new(
            ErrorCode::GbtLengthTooLarge,
            field::LENGTH.start,
        ));
    }
    let sum_at = field::ADU.saturating_add(adu_len);
    let total = sum_at.saturating_add(3);
    if bytes.len() < total {
        return Err(Error::new(ErrorCode::GbtTruncated, bytes.len()));
    }
    for (i, want) in END.iter().enumerate() {
        let at = sum_at.saturating_add(1).saturating_add(i);
        if bytes.get(at) != Some(want) {
            return Err(Error::new(ErrorCode::GbtBadEnd, at));
        }
    }
    let adu_bytes = bytes.get(field::ADU..sum_at).unwrap_or_default();
    let sent = bytes.get(sum_at).copied().unwrap_or_default();
    let checksum_ok = checksum(bytes.get(field::SERIAL.start..sum_at).unwrap_or_default()) == sent;
    if !checksum_ok && options.verify_checksum {
        return Err(Error::new(ErrorCode::GbtBadChecksum, sum_at));
    }
    let mut c = Checker::new(options.mode);
    if bytes.len() > total {
        c.note(Deviation::TrailingBytes, total)?;
    }
    // [GBT-20] checklist row 1: any version bytes in tolerant mode.
    if header.version.main != 1 {
        c.note(Deviation::Version, field::VERSION.start)?;
    }
    if !header.time.is_valid() {
        c.note(Deviation::BadTime, field::TIME.start)?;
    }
    if codes::command_is_reserved(header.command) {
        c.note(Deviation::ReservedCommand, field::COMMAND)?;
    }
    let adu = if adu_bytes.is_empty() {
        // [GBT-21] checklist row 2: an empty ADU under 发送数据 is a heartbeat.
        if codes::command_carries_data(header.command) {
            c.note(Deviation::EmptyAdu, field::LENGTH.start)?;
        }
        None
    } else {
        Some(Adu::parse(adu_bytes, field::ADU, &mut c)?)
    };
    Ok(Decoded {
        header,
        adu_bytes,
        adu,
        checksum: sent,
        checksum_ok,
        deviations: c.found,
        len: total,
    })
}

fn adu_length(head: &[u8; HEADER_LEN]) -> usize {
    let l = head
        .get(field::LENGTH)
        .and_then(|s| <[u8; 2]>::try_from(s).ok())
        .unwrap_or_default();
    usize::from(u16::from_le_bytes(l))
}

/// Whether the input starts (after ASCII whitespace) with the hex text `4040` (checklist row 6).
pub fn looks_like_hex_text(bytes: &[u8]) -> bool {
    let mut digits = bytes.iter().filter(|b| !b.is_ascii_whitespace()).take(4);
    digits.by_ref().eq(b"4040".iter())
}

/// Whether `input` is a GB/T 26875.3 packet (starts with `@@`) or the ASCII-hex text of one
/// (`4040…`): the one protocol detection of every front end (`gasdev decode`, `decodeFrame`).
pub fn is_packet_input(input: &[u8]) -> bool {
    input.starts_with(&START) || looks_like_hex_text(input)
}

/// Read the control unit of something that starts with `@@` and has at least 27 bytes, without any
/// other check: to answer 否认 (deny) to a packet that failed to decode.
pub fn peek_header(bytes: &[u8]) -> Option<Header> {
    let head: &[u8; HEADER_LEN] = bytes.get(..HEADER_LEN)?.try_into().ok()?;
    if head.starts_with(&START) {
        Some(Header::read(head))
    } else {
        None
    }
}

/// Build a packet into `out`; returns its length (`30 + L`). The checksum is computed; the
/// header's serial, time and addresses are written as given.
///
/// # Errors
/// `BUFFER_TOO_SMALL` (offset = bytes needed so far), `GBT_LENGTH_TOO_LARGE` for an ADU over 1024
/// bytes, and from the ADU: `GBT_TYPE_MISMATCH` (an object that does not fit the type flag, or
/// objects for a type flag 表3 does not define: use [`AduRepr::Raw`]), `GBT_BAD_COUNT` (0 objects
/// or more than the type allows), `GBT_TEXT_TOO_LONG` (configuration text over 255 bytes). On error
/// the contents of `out` are unspecified.
pub fn encode(header: &Header, adu: Option<&AduRepr<'_>>, out: &mut [u8]) -> Result<usize, Error> {
    let adu_len = match adu {
        None => 0,
        Some(a) => {
            let short = Error::new(ErrorCode::BufferTooSmall, out.len());
            let region = out.get_mut(field::ADU..).ok_or(short)?;
            a.emit(region, header.time)
                .map_err(|e| Error::new(e.code(), e.offset().saturating_add(field::ADU)))?
        }
    };
    let l = u16::try_from(adu_len)
        .ok()
        .filter(|&l| usize::from(l) <= MAX_ADU_LEN)
        .ok_or(Error::new(
            ErrorCode::GbtLengthTooLarge,
            field::LENGTH.start,
        ))?;
    let mut w = Writer { buf: out, pos: 0 };
    header.write(&mut w, l)?;
    let sum_at = field::ADU.saturating_add(adu_len);
    let sum = checksum(w.buf.get(field::SERIAL.start..sum_at).unwrap_or_default());
    w.pos = sum_at;
    w.put(&[sum])?;
    w.put(&END)?;
    Ok(w.pos)
}

/// What [`find_packet`] found in a stream buffer (TCP segments split and merge packets, checklist
/// row 12).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// `buf[start .. start + len]` has both markers and a length that fits: decode it (the
    /// checksum is not checked here). Bytes before `start` are garbage.
    Packet {
        /// Where the packet starts.
        start: usize,
        /// Its length, `30 + L`.
        len: usize,
    },
    /// A packet may start at `start` but the buffer ends first: keep `buf[start..]`, read more.
    Incomplete {
        /// Where the candidate starts.
        start: usize,
    },
    /// No packet starts before `keep_from` (a final `@` is kept: it may be half a marker).
    Nothing {
        /// The first byte worth keeping.
        keep_from: usize,
    },
}

/// Find the next packet in a stream buffer, resynchronising on `@@` after garbage (checklist row 11).
pub fn find_packet(buf: &[u8]) -> Found {
    let mut i = 0usize;
    while let Some(rest) = buf.get(i..) {
        let Some(p) = rest.windows(2).position(|w| w == START) else {
            break;
        };
        let start = i.saturating_add(p);
        let cand = buf.get(start..).unwrap_or_default();
        let Some(head) = cand
            .get(..HEADER_LEN)
            .and_then(|h| <&[u8; HEADER_LEN]>::try_from(h).ok())
        else {
            return Found::Incomplete { start };
        };
        let l = adu_length(head);
        if l <= MAX_ADU_LEN {
            let len = MIN_LEN.saturating_add(l);
            match cand.get(len.saturating_sub(2)..len) {
                None => return Found::Incomplete { start },
                Some(end) if end == END => return Found::Packet { start, len },
                Some(_) => {}
            }
        }
        i = start.saturating_add(1);
    }
    let keep_from = if buf.last() == Some(&START[0]) {
        buf.len().saturating_sub(1)
    } else {
        buf.len()
    };
    Found::Nothing { keep_from }
}

/// Convert ASCII-hex text (whitespace ignored, either case) into bytes in `out`; returns how many.
/// For the optional ASCII-hex transport some servers use (checklist row 6) \[GBT-11\].
///
/// # Errors
/// `GBT_BAD_HEX` at the offending character (or at the end for an odd number of digits);
/// `BUFFER_TOO_SMALL` when `out` is full.
pub fn decode_hex_text(text: &[u8], out: &mut [u8]) -> Result<usize, Error> {
    let mut n = 0usize;
    let mut high: Option<u8> = None;
    for (i, &c) in text.iter().enumerate() {
        if c.is_ascii_whitespace() {
            continue;
        }
        let v = match c {
            b'0'..=b'9' => c.wrapping_sub(b'0'),
            b'a'..=b'f' => c.wrapping_sub(b'a').wrapping_add(10),
            b'A'..=b'F' => c.wrapping_sub(b'A').wrapping_add(10),
            _ => return Err(Error::new(ErrorCode::GbtBadHex, i)),
        };
        match high.take() {
            None => high = Some(v),
            Some(h) => {
                let slot = out
                    .get_mut(n)
                    .ok_or(Error::new(ErrorCode::BufferTooSmall, i))?;
                *slot = (h << 4) | v;
                n = n.saturating_add(1);
            }
        }
    }
    if high.is_some() {
        return Err(Error::new(ErrorCode::GbtBadHex, text.len()));
    }
    Ok(n)
}
