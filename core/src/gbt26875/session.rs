//! Session helpers: serial numbers and the 确认 / 否认 answers (§6.2, §6.3, 表1).
//!
//! > 业务流水号 … 由发起方（业务发起方指发送/确认模式中的发送方或者请求/应答模式中的请求方）按需独立管理。
//! > 发起方应保证在业务流水号在当次业务中唯一。… 响应方（…）对业务流水号不做任何处理，直接返回。
//!
//! The responder echoes the initiator's serial number and swaps the addresses \[GBT-12\]. The
//! standard does not say what follows 65535; [`SerialCounter`] wraps to 0.

use super::Error;
use super::packet::{Header, encode};
use super::time::TimeLabel;

/// Which answer to build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Answer {
    /// 确认 (command 3): the packet was good and is accepted.
    Confirm,
    /// 否认 (command 6): the packet failed verification (§6.5.3) or was refused.
    Deny,
}

impl Answer {
    /// The command byte.
    pub const fn command(self) -> u8 {
        match self {
            Answer::Confirm => 3,
            Answer::Deny => 6,
        }
    }
}

/// Build the answer to a received packet into `out`; returns its length (30 bytes).
///
/// The answer echoes the serial number and the version bytes, swaps source and destination, carries
/// `time` as its send time and has an empty ADU. For a packet that failed to decode, get its header
/// with [`peek_header`](super::peek_header).
///
/// # Errors
/// `BUFFER_TOO_SMALL` when `out` is shorter than 30 bytes.
pub fn answer(
    received: &Header,
    kind: Answer,
    time: TimeLabel,
    out: &mut [u8],
) -> Result<usize, Error> {
    let header = Header {
        serial: received.serial,
        version: received.version,
        time,
        source: received.destination,
        destination: received.source,
        command: kind.command(),
    };
    encode(&header, None, out)
}

/// The initiator's serial numbers: 0, 1, 2, … 65535, 0, …
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct SerialCounter {
    next: u16,
}

impl SerialCounter {
    /// A counter starting at 0 (表1: "初始值为0").
    pub const fn new() -> SerialCounter {
        SerialCounter { next: 0 }
    }

    /// A counter whose next number is `next` (to resume a connection).
    pub const fn starting_at(next: u16) -> SerialCounter {
        SerialCounter { next }
    }

    /// The serial number for a new packet; wraps from 65535 to 0.
    pub fn next_serial(&mut self) -> u16 {
        let s = self.next;
        self.next = s.wrapping_add(1);
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counter_wraps() {
        let mut c = SerialCounter::starting_at(65535);
        assert_eq!(c.next_serial(), 65535);
        assert_eq!(c.next_serial(), 0);
        let mut c = SerialCounter::new();
        assert_eq!(c.next_serial(), 0);
        assert_eq!(c.next_serial(), 1);
    }

    #[test]
    fn answer_needs_30_bytes() {
        let mut out = [0u8; 29];
        let e = answer(
            &Header::default(),
            Answer::Confirm,
            TimeLabel::default(),
            &mut out,
        )
        .unwrap_err();
        assert_eq!(e.code(), crate::ErrorCode::BufferTooSmall);
    }
}
