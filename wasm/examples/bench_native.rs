//! The native half of `wasm/bench/bench.mjs`: the same two loops the bench runs in Node, on the
//! same functions compiled natively. Prints one JSON object.
//!
//! 1. `api_per_sec`: `decodeFrame` of one 40-byte status frame given as bytes, result as JSON
//!    text (in Node the same call also builds the JavaScript object).
//! 2. `stream_frames_per_sec`: `countFrames` over a 4 MB stream of frames (the decoding loop
//!    alone: find, CRC-check and parse every frame).
//!
//! Run: `cargo run --release -p gasdev-wasm --example bench_native [seconds]`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use gasdev_wasm::api::{self, DecodeOptions, Input};

const FRAME: &str =
    "4744012001000162be390001010205000202010003070101f40000015e040502000004b0ed856dc8";

fn unhex(s: &str) -> Vec<u8> {
    s.as_bytes()
        .chunks(2)
        .filter_map(|p| std::str::from_utf8(p).ok())
        .filter_map(|p| u8::from_str_radix(p, 16).ok())
        .collect()
}

/// Calls per second of `f`, measured over about `secs` seconds after a short warm-up.
fn rate(secs: f64, mut f: impl FnMut() -> usize) -> f64 {
    let warm = Instant::now();
    while warm.elapsed() < Duration::from_millis(200) {
        black_box(f());
    }
    let start = Instant::now();
    let mut units = 0usize;
    while start.elapsed().as_secs_f64() < secs {
        units = units.saturating_add(black_box(f()));
    }
    units as f64 / start.elapsed().as_secs_f64()
}

fn main() {
    let secs: f64 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(2.0);
    let frame = unhex(FRAME);
    let api_rate = rate(secs, || {
        let out = api::decode_frame(Input::Bytes(frame.clone()), DecodeOptions::default());
        usize::from(out.starts_with("{\"type\":\"ok\""))
    });
    let stream = frame.repeat(100_000);
    let stream_rate = rate(secs, || api::count_frames(&stream)[0]);
    println!(
        "{{\"api_per_sec\":{api_rate:.0},\"stream_frames_per_sec\":{stream_rate:.0},\"stream_bytes\":{}}}",
        stream.len()
    );
}
