//! Frame codec benchmarks (`spec/frame.md`): decode + verify and encode of a typical
//! status report (40 bytes) and an alarm event (30 bytes), with the baselines of the same run:
//! CRC-32C alone over the same covered bytes, `memcpy` of the frame, and `serde_json` parsing the
//! frame's JSON form into the typed document. Numbers and ratios: `BENCHMARKS.md`.
#![expect(missing_docs, reason = "criterion macros generate undocumented items")]

use std::time::Duration;

use criterion::{Criterion, Throughput, black_box, criterion_group, criterion_main};
use gasdev::wire::{self, json::FrameDoc};

/// frames.json#1: a mid-tier alarm's status report (alarm, valve, %LEL methane, ppm CO).
const STATUS: &str =
    "4744012001000162be390001010205000202010003070101f40000015e040502000004b0ed856dc8";
/// frames.json#7: a high methane alarm event with the alarm status and the reading.
const EVENT: &str = "4744011602000462be397801310102070003070101f4000009c41fe3cecf";

fn unhex(s: &str) -> Vec<u8> {
    wire::json::hex_decode(s).unwrap_or_default()
}

fn bench_frame(c: &mut Criterion, name: &str, hex: &str) {
    let bytes = unhex(hex);
    let Ok(repr) = wire::decode(&bytes) else {
        eprintln!("{name}: the benchmark frame does not decode");
        return;
    };
    let json = serde_json::to_string(&repr).unwrap_or_default();
    let covered = bytes.get(..bytes.len() - wire::CRC_LEN).unwrap_or_default();

    let mut g = c.benchmark_group(format!("frame_{name}"));
    g.warm_up_time(Duration::from_secs(1));
    g.measurement_time(Duration::from_secs(3));
    g.throughput(Throughput::Bytes(bytes.len() as u64));

    g.bench_function("decode_verify", |b| {
        b.iter(|| wire::decode(black_box(&bytes)).is_ok())
    });
    // The zero-copy path of a platform that only routes frames: the checked view, the CRC
    // verified, the header fields read; no `FrameRepr` is built.
    g.bench_function("checked_view", |b| {
        b.iter(|| {
            let f = wire::Frame::new_checked(black_box(&bytes[..])).ok()?;
            // One scalar out (a tuple would be stored in parts and read back whole: a store-
            // forwarding stall that is the benchmark's, not the view's).
            f.verify_crc().then(|| {
                u64::from(f.msg_type())
                    ^ (u64::from(f.seq()) << 8)
                    ^ (u64::from(f.timestamp()) << 24)
                    ^ f.body().len() as u64
            })
        })
    });
    let mut out = [0u8; wire::MAX_FRAME_LEN];
    g.bench_function("encode", |b| {
        b.iter(|| black_box(&repr).emit(black_box(&mut out)).ok())
    });
    g.bench_function("baseline_crc_only", |b| {
        b.iter(|| wire::crc32c(black_box(covered)))
    });
    // The same work with the 1 KiB table that microcontroller and WebAssembly builds use.
    let small = crc::Crc::<u32, crc::Table<1>>::new(wire::CRC_ALGORITHM);
    g.bench_function("decode_verify_1k_table", |b| {
        b.iter(|| {
            let f = wire::Frame::new_checked(black_box(&bytes[..])).ok()?;
            let end = f.total_len() - wire::CRC_LEN;
            (small.checksum(bytes.get(..end)?) == f.crc()).then_some(())?;
            wire::FrameRepr::parse_unverified(&f).ok()
        })
    });
    g.bench_function("baseline_crc_only_1k_table", |b| {
        b.iter(|| small.checksum(black_box(covered)))
    });
    let mut copy = [0u8; wire::MAX_FRAME_LEN];
    g.bench_function("baseline_memcpy", |b| {
        b.iter(|| {
            if let Some(dst) = copy.get_mut(..bytes.len()) {
                dst.copy_from_slice(black_box(&bytes));
            }
            black_box(&copy);
        })
    });
    g.bench_function("baseline_serde_json_parse", |b| {
        b.iter(|| serde_json::from_str::<FrameDoc>(black_box(&json)).is_ok())
    });
    g.bench_function("baseline_serde_json_parse_value", |b| {
        b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(&json)).is_ok())
    });
    g.finish();
}

fn bench_stream(c: &mut Criterion) {
    // 100 status reports separated by 2 bytes of line noise, found by the stream decoder.
    let frame = unhex(STATUS);
    let mut stream = Vec::new();
    for _ in 0..100 {
        stream.extend_from_slice(&frame);
        stream.extend_from_slice(b"\r\n");
    }
    let mut g = c.benchmark_group("frame_stream");
    g.warm_up_time(Duration::from_secs(1));
    g.measurement_time(Duration::from_secs(3));
    g.throughput(Throughput::Bytes(stream.len() as u64));
    g.bench_function("stream_decode_100_status_reports", |b| {
        b.iter(|| {
            let mut d = wire::StreamDecoder::new();
            let mut input = black_box(&stream[..]);
            let mut frames = 0usize;
            loop {
                let (n, ev) = d.feed(input);
                input = input.get(n..).unwrap_or_default();
                match ev {
                    Some(wire::StreamEvent::Frame(_)) => frames += 1,
                    Some(_) => {}
                    None => break,
                }
            }
            frames
        })
    });
    g.finish();
}

fn bench(c: &mut Criterion) {
    bench_frame(c, "status", STATUS);
    bench_frame(c, "event", EVENT);
    bench_stream(c);
}

criterion_group!(benches, bench);
criterion_main!(benches);
