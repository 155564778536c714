//! Fuzz the stream decoder (`spec/frame.md` §9): any bytes, fed in chunks whose sizes
//! come from the input.
//!
//! Asserts: no panic; every reported frame passes `check_len` (and, outside fuzzing builds, its
//! CRC); every input byte is accounted for exactly once (frames + skipped + one per rejection);
//! the decoder is empty after `finish`; and chunking does not change the events (compared with
//! feeding the whole input at once, consecutive skips summed).
#![no_main]

use gasdev::wire::{FrameRepr, StreamDecoder, StreamEvent};
use libfuzzer_sys::fuzz_target;

#[derive(Debug, PartialEq, Eq)]
enum Ev {
    Frame(Vec<u8>),
    Skipped(usize),
    Rejected(u16, usize),
}

fn record(ev: StreamEvent<'_>, out: &mut Vec<Ev>) -> usize {
    match ev {
        StreamEvent::Frame(f) => {
            assert!(f.check_len().is_ok());
            assert!(f.verify_crc());
            let _ = FrameRepr::parse(&f);
            out.push(Ev::Frame(f.bytes().to_vec()));
            f.bytes().len()
        }
        StreamEvent::Skipped(n) => {
            assert!(n > 0);
            if let Some(Ev::Skipped(prev)) = out.last_mut() {
                *prev += n;
            } else {
                out.push(Ev::Skipped(n));
            }
            n
        }
        StreamEvent::Rejected(e) => {
            out.push(Ev::Rejected(e.code().code(), e.offset()));
            1
        }
    }
}

fn run(data: &[u8], chunks: &mut dyn FnMut() -> usize) -> Vec<Ev> {
    let mut d = StreamDecoder::new();
    let mut out = Vec::new();
    let mut accounted = 0usize;
    let mut rest = data;
    while !rest.is_empty() {
        let take = chunks().clamp(1, rest.len());
        let (mut piece, tail) = rest.split_at(take);
        rest = tail;
        loop {
            let (n, ev) = d.feed(piece);
            piece = &piece[n..];
            match ev {
                Some(ev) => accounted += record(ev, &mut out),
                None => break,
            }
        }
        assert!(piece.is_empty());
    }
    while let Some(ev) = d.finish() {
        accounted += record(ev, &mut out);
    }
    assert_eq!(accounted, data.len(), "every byte accounted for once");
    assert_eq!(d.pending(), 0);
    out
}

fuzz_target!(|data: &[u8]| {
    let Some((&seed, data)) = data.split_first() else {
        return;
    };
    let whole = run(data, &mut || usize::MAX);
    let mut state = u32::from(seed) | 1;
    let chunked = run(data, &mut || {
        // xorshift: chunk sizes 1..=64 derived from the first byte.
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        (state % 64 + 1) as usize
    });
    assert_eq!(whole, chunked, "chunking changes the events");
});
