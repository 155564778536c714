//! Finding frames in a byte stream (UART, RS-485, a TCP byte stream, a capture file) [FRAME-090].
//!
//! [`StreamDecoder`] holds at most one frame (256 bytes) and never allocates. Feed it bytes in
//! chunks of any size; it reports, in stream order:
//!
//! - [`StreamEvent::Skipped`]: bytes that cannot start a frame (garbage, line noise);
//! - [`StreamEvent::Frame`]: a whole frame whose header is valid and whose CRC verifies;
//! - [`StreamEvent::Rejected`]: a candidate that starts with the magic bytes but fails a check
//!   (version, length, CRC; at the end of the stream: truncation). Only its first byte is
//!   discarded, and the search resumes from the next byte, so a real frame that starts inside a
//!   rejected candidate is still found (resynchronisation, [FRAME-091]).
//!
//! Every input byte is accounted for exactly once: frames + skipped + one byte per rejection +
//! [`StreamDecoder::pending`] = bytes fed.

use super::error::{Error, ErrorKind};
use super::frame::{CRC_LEN, Frame, MAGIC, MAX_FRAME_LEN, check_header_prefix};

/// What the decoder found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StreamEvent<'a> {
    /// This many bytes could not start a frame and were discarded.
    Skipped(usize),
    /// A complete frame with a valid CRC, borrowed from the decoder until the next call.
    Frame(Frame<&'a [u8]>),
    /// A candidate frame failed a check; its first byte was discarded. The error's offset is
    /// relative to the candidate's first byte (`FRAME_TRUNCATED` at the end of the stream).
    Rejected(Error),
}

enum Examined {
    NeedMore(usize),
    Garbage(usize),
    Reject(Error),
    Complete(usize),
}

/// An incremental frame finder with a 256-byte buffer. See the module documentation.
#[derive(Debug, Clone)]
pub struct StreamDecoder {
    buf: [u8; MAX_FRAME_LEN],
    len: usize,
    skipped: usize,
    drop_next: usize,
}

impl Default for StreamDecoder {
    fn default() -> Self {
        StreamDecoder::new()
    }
}

impl StreamDecoder {
    /// An empty decoder.
    pub const fn new() -> StreamDecoder {
        StreamDecoder {
            buf: [0; MAX_FRAME_LEN],
            len: 0,
            skipped: 0,
            drop_next: 0,
        }
    }

    /// Bytes held for a frame that is not complete yet (plus a frame just returned).
    pub const fn pending(&self) -> usize {
        self.len.saturating_sub(self.drop_next)
    }

    /// Forget everything held (bytes are not reported).
    pub fn reset(&mut self) {
        *self = StreamDecoder::new();
    }

    /// Feed bytes. Returns how many bytes of `input` were consumed and the next event, if any.
    /// Call again with the unconsumed rest (and then with new input) until it returns
    /// `(n, None)`, which means all of `input` was consumed (`n == input.len()`).
    pub fn feed<'s>(&'s mut self, input: &[u8]) -> (usize, Option<StreamEvent<'s>>) {
        self.step(input, false)
    }

    /// Feed all of `input`, passing each event to `on` (the loop around [`feed`](Self::feed)).
    pub fn feed_all(&mut self, input: &[u8], mut on: impl FnMut(StreamEvent<'_>)) {
        let mut rest = input;
        loop {
            let (n, ev) = self.feed(rest);
            rest = rest.get(n..).unwrap_or_default();
            match ev {
                Some(ev) => on(ev),
                None => break,
            }
        }
    }

    /// End the stream, passing each remaining event to `on` (the loop around
    /// [`finish`](Self::finish)).
    pub fn finish_all(&mut self, mut on: impl FnMut(StreamEvent<'_>)) {
        while let Some(ev) = self.finish() {
            on(ev);
        }
    }

    /// Signal the end of the stream. Call until it returns `None`: it reports the bytes still
    /// held (a truncated frame is rejected with `FRAME_TRUNCATED`, and the bytes after its first
    /// are searched again). The decoder is then empty and can be reused.
    pub fn finish(&mut self) -> Option<StreamEvent<'_>> {
        self.step(&[], true).1
    }

    fn shift(&mut self, n: usize) {
        let n = n.min(self.len);
        self.buf.copy_within(n..self.len, 0);
        self.len -= n;
    }

    fn held(&self) -> &[u8] {
        self.buf.get(..self.len).unwrap_or_default()
    }

    fn examine(&self) -> Examined {
        let held = self.held();
        let Some((&first, rest)) = held.split_first() else {
            return Examined::NeedMore(1);
        };
        if first != MAGIC[0] {
            let next = rest
                .iter()
                .position(|&b| b == MAGIC[0])
                .map_or(held.len(), |p| p + 1);
            return Examined::Garbage(next);
        }
        match check_header_prefix(held) {
            // A lone first magic byte is noise, not a rejected frame.
            Err(e) if e.kind() == ErrorKind::BadMagic => Examined::Garbage(1),
            Err(e) => Examined::Reject(e),
            Ok(None) => Examined::NeedMore(4 - held.len().min(3)),
            Ok(Some(total)) if held.len() < total => Examined::NeedMore(total - held.len()),
            Ok(Some(total)) => {
                let frame = Frame::new_unchecked(held.get(..total).unwrap_or_default());
                if frame.verify_crc() {
                    Examined::Complete(total)
                } else {
                    Examined::Reject(Error::new(ErrorKind::BadCrc, total - CRC_LEN))
                }
            }
        }
    }

    fn take_skipped(&mut self) -> Option<StreamEvent<'static>> {
        let n = core::mem::take(&mut self.skipped);
        (n > 0).then_some(StreamEvent::Skipped(n))
    }

    fn step<'s>(&'s mut self, input: &[u8], eof: bool) -> (usize, Option<StreamEvent<'s>>) {
        if self.drop_next > 0 {
            let n = core::mem::take(&mut self.drop_next);
            self.shift(n);
        }
        let mut consumed = 0usize;
        loop {
            let need = match self.examine() {
                Examined::Garbage(n) => {
                    self.skipped = self.skipped.saturating_add(n);
                    self.shift(n);
                    continue;
                }
                Examined::Reject(e) => {
                    if let Some(ev) = self.take_skipped() {
                        return (consumed, Some(ev));
                    }
                    self.shift(1);
                    return (consumed, Some(StreamEvent::Rejected(e)));
                }
                Examined::Complete(total) => {
                    if let Some(ev) = self.take_skipped() {
                        return (consumed, Some(ev));
                    }
                    self.drop_next = total;
                    let frame = Frame::new_unchecked(self.buf.get(..total).unwrap_or_default());
                    return (consumed, Some(StreamEvent::Frame(frame)));
                }
                Examined::NeedMore(need) => need,
            };
            let rest = input.get(consumed..).unwrap_or_default();
            if rest.is_empty() {
                if let Some(ev) = self.take_skipped() {
                    return (consumed, Some(ev));
                }
                if eof && self.len > 0 {
                    // [FRAME-091] the stream ended inside a candidate frame.
                    let e = Error::new(ErrorKind::Truncated, self.len);
                    self.shift(1);
                    return (consumed, Some(StreamEvent::Rejected(e)));
                }
                return (consumed, None);
            }
            if self.len == 0 {
                // Hunt for the first magic byte without copying garbage.
                match rest.iter().position(|&b| b == MAGIC[0]) {
                    Some(p) => {
                        self.skipped = self.skipped.saturating_add(p);
                        consumed = consumed.saturating_add(p);
                    }
                    None => {
                        self.skipped = self.skipped.saturating_add(rest.len());
                        consumed = input.len();
                        continue;
                    }
                }
            }
            let rest = input.get(consumed..).unwrap_or_default();
            let take = need.min(rest.len()).min(MAX_FRAME_LEN - self.len);
            if let (Some(dst), Some(src)) = (
                self.buf.get_mut(self.len..self.len + take),
                rest.get(..take),
            ) {
                dst.copy_from_slice(src);
                self.len += take;
                consumed = consumed.saturating_add(take);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A valid empty-bodied unknown-type frame built by hand (type 0x20).
    fn frame() -> [u8; 15] {
        let mut f = [
            0x47, 0x44, 0x01, 0x07, 0x20, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 0,
        ];
        let mut v = Frame::new_unchecked(&mut f[..]);
        v.fill_crc();
        f
    }

    fn run(chunks: &[&[u8]]) -> ([usize; 3], usize) {
        // counts: frames, skipped bytes, rejections
        let mut d = StreamDecoder::new();
        let mut counts = [0usize; 3];
        let mut trunc = 0;
        let tally = |ev: StreamEvent<'_>, counts: &mut [usize; 3], trunc: &mut usize| match ev {
            StreamEvent::Frame(f) => {
                assert!(f.verify_crc());
                counts[0] += 1;
            }
            StreamEvent::Skipped(n) => counts[1] += n,
            StreamEvent::Rejected(e) => {
                if e.kind() == ErrorKind::Truncated {
                    *trunc += 1;
                }
                counts[2] += 1;
            }
        };
        for chunk in chunks {
            d.feed_all(chunk, |ev| tally(ev, &mut counts, &mut trunc));
        }
        d.finish_all(|ev| tally(ev, &mut counts, &mut trunc));
        (counts, trunc)
    }

    #[test]
    fn finds_frames_between_garbage() {
        let f = frame();
        let mut s = [0u8; 64];
        s[..3].copy_from_slice(b"xyG");
        s[3..18].copy_from_slice(&f);
        s[18..20].copy_from_slice(b"GD");
        s[20..35].copy_from_slice(&f);
        let s = &s[..35];
        assert_eq!(run(&[s]), ([2, 4, 1], 0));
        // Byte by byte gives the same accounting.
        let bytes: [&[u8]; 35] = core::array::from_fn(|i| &s[i..i + 1]);
        assert_eq!(run(&bytes), ([2, 4, 1], 0));
    }

    #[test]
    fn reports_truncation_at_the_end() {
        let f = frame();
        assert_eq!(run(&[&f[..10]]), ([0, 9, 1], 1));
    }

    #[test]
    fn resynchronises_inside_a_bad_candidate() {
        // A header claiming a long body, then a real frame inside that range, then the end.
        let f = frame();
        let mut s = [0u8; 19];
        s[..4].copy_from_slice(&[0x47, 0x44, 0x01, 0xf0]);
        s[4..].copy_from_slice(&f);
        let (counts, trunc) = run(&[&s]);
        assert_eq!(counts[0], 1);
        assert_eq!(trunc, 1);
        assert_eq!(counts[0] * 15 + counts[1] + counts[2], 19);
    }
}
