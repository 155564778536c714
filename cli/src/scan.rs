//! Finding libgasdev frames and GB/T 26875.3 packets in a capture (`gasdev decode --stream`), in any
//! order, with garbage between them: the protocol is detected per frame, not per file.
//!
//! At each position the core decides: bytes `GD` start a libgasdev candidate, decoded by
//! `wire::decode` on the length its header gives (a candidate that fails is rejected with its own
//! error and only its first byte is dropped, as `wire::StreamDecoder` does [FRAME-091]); bytes `@@`
//! start a GB/T 26875.3 candidate, framed by `gbt26875::find_packet` within `MAX_LEN` bytes (both
//! markers and the length agree) and decoded by `gbt26875::decode`: a framed packet that fails (a
//! bad checksum) is reported with its own error and skipped whole; `@@` that frames nothing is
//! rejected (first byte dropped). Every other byte is garbage, reported in runs. Every input byte is
//! accounted for exactly once, in order (the fuzz target `capture_scan` checks it).

use gasdev::gbt26875 as gbt;
use gasdev::wire::{self, FrameRepr};

/// What [`scan`] found at an offset; `len` bytes of the input are accounted for by it.
pub enum Found<'a> {
    /// Bytes that start nothing.
    Skipped,
    /// A libgasdev frame.
    Frame(FrameRepr<'a>),
    /// A GB/T 26875.3 packet.
    Packet(gbt::Decoded<'a>),
    /// A libgasdev candidate that fails: its error (offset within the candidate); one byte.
    FrameRejected(wire::Error),
    /// A framed GB/T 26875.3 packet that fails (a bad checksum): its error; the whole packet.
    PacketError(gbt::Error),
    /// `@@` that frames no packet: why (offset within the candidate); one byte.
    PacketRejected(gbt::Error),
}

/// Call `on(offset, len, found)` for every item of `bytes`, in order.
pub fn scan<'a>(bytes: &'a [u8], mut on: impl FnMut(usize, usize, Found<'a>)) {
    let mut pos = 0usize;
    let mut garbage: Option<usize> = None;
    let flush =
        |garbage: &mut Option<usize>, pos: usize, on: &mut dyn FnMut(usize, usize, Found<'a>)| {
            if let Some(start) = garbage.take() {
                on(start, pos.saturating_sub(start), Found::Skipped);
            }
        };
    while let Some(rest) = bytes.get(pos..).filter(|r| !r.is_empty()) {
        if rest.starts_with(&wire::MAGIC) {
            flush(&mut garbage, pos, &mut on);
            // The length byte follows the magic and the version (`spec/frame.md`).
            let len = if rest.len() > 3 {
                wire::Frame::new_unchecked(rest)
                    .total_len()
                    .clamp(1, rest.len())
            } else {
                rest.len()
            };
            let candidate = rest.get(..len).unwrap_or(rest);
            match wire::decode(candidate) {
                Ok(repr) => {
                    on(pos, len, Found::Frame(repr));
                    pos = pos.saturating_add(len);
                }
                Err(e) => {
                    on(pos, 1, Found::FrameRejected(e));
                    pos = pos.saturating_add(1);
                }
            }
            continue;
        }
        if rest.starts_with(&gbt::START) {
            flush(&mut garbage, pos, &mut on);
            // A packet is at most `MAX_LEN` bytes: looking further would cost O(n) per `@@`.
            let window = rest.get(..gbt::MAX_LEN).unwrap_or(rest);
            match gbt::find_packet(window) {
                gbt::Found::Packet { start: 0, len } if len > 0 => {
                    let packet = rest.get(..len).unwrap_or(rest);
                    match gbt::decode(packet, gbt::Options::TOLERANT) {
                        Ok(d) => on(pos, len, Found::Packet(d)),
                        Err(e) => on(pos, len, Found::PacketError(e)),
                    }
                    pos = pos.saturating_add(len);
                }
                _ => {
                    let e = match gbt::decode(window, gbt::Options::TOLERANT) {
                        Err(e) => e,
                        Ok(_) => gbt::Error::new(gasdev::ErrorCode::GbtBadEnd, 0),
                    };
                    on(pos, 1, Found::PacketRejected(e));
                    pos = pos.saturating_add(1);
                }
            }
            continue;
        }
        if garbage.is_none() {
            garbage = Some(pos);
        }
        pos = pos.saturating_add(1);
    }
    flush(&mut garbage, pos, &mut on);
}
