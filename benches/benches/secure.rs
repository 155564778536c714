//! Authenticated frames (`spec/security.md`): seal and open (verify) of the status report
//! of frames.json#1 (40 bytes, 56 sealed) and the close-valve command of frames.json#25 (16 bytes,
//! 32 sealed), with the baseline of the same run: `wire::decode` of the same sealed frame (CRC and
//! body, no tag). Numbers and ratios: `BENCHMARKS.md`.
//!
//! Group `secure_cmac_*`: the CMAC-SM4 of the bytes a tag covers, with the CMAC mode written in
//! core (`FrameKey::cmac`, for the device's flash budget) against its oracle, RustCrypto's `cmac`
//! over the same `sm4`, in the same run.
#![expect(missing_docs, reason = "criterion macros generate undocumented items")]

use std::time::Duration;

use cmac::{Cmac, KeyInit, Mac};
use criterion::{Criterion, Throughput, black_box, criterion_group, criterion_main};
use gasdev::secure::{self, FrameKey, KeyStore, Policy, ReplayWindow, WindowConfig};
use gasdev::wire;
use sm4::Sm4;

const STATUS: &str =
    "4744012001000162be390001010205000202010003070101f40000015e040502000004b0ed856dc8";
const CLOSE: &str = "4744010810002862be40d001e2a6153c";

/// One key whose window is fresh again for every iteration, so every open does the full work.
struct Fresh {
    key: FrameKey,
    window: ReplayWindow,
}

impl KeyStore for Fresh {
    fn lookup(&mut self, key_id: u8) -> Option<(&FrameKey, &mut ReplayWindow)> {
        (key_id == 1).then_some((&self.key, &mut self.window))
    }
}

fn bench(c: &mut Criterion, name: &str, hex: &str) {
    let frame = wire::json::hex_decode(hex).unwrap_or_default();
    let key = FrameKey::new([0x5a; 16]);
    let mut sealed = [0u8; wire::MAX_FRAME_LEN];
    let Ok(n) = secure::seal(&frame, &key, 1, 7, &mut sealed) else {
        eprintln!("{name}: the benchmark frame does not seal");
        return;
    };
    let sealed = sealed.get(..n).unwrap_or_default().to_vec();
    let mut store = Fresh {
        key,
        window: ReplayWindow::new(WindowConfig::DEFAULT),
    };

    let mut g = c.benchmark_group(format!("secure_{name}"));
    g.warm_up_time(Duration::from_secs(1));
    g.measurement_time(Duration::from_secs(3));
    g.throughput(Throughput::Bytes(n as u64));
    let mut out = [0u8; wire::MAX_FRAME_LEN];
    g.bench_function("seal", |b| {
        b.iter(|| secure::seal(black_box(&frame), &store.key, 1, 7, black_box(&mut out)).ok())
    });
    g.bench_function("open_verify", |b| {
        b.iter(|| {
            store.window = ReplayWindow::new(WindowConfig::DEFAULT);
            secure::open(black_box(&sealed), &mut store, Policy::Required).is_ok()
        })
    });
    g.bench_function("baseline_decode_sealed_no_tag", |b| {
        b.iter(|| wire::decode(black_box(&sealed)).is_ok())
    });
    g.finish();

    // The bytes the tag covers: the sealed frame up to the tag [SEC-024].
    let covered = sealed
        .get(..n.saturating_sub(12))
        .unwrap_or_default()
        .to_vec();
    let raw = *store.key.expose_bytes();
    let mut g = c.benchmark_group(format!("secure_cmac_{name}"));
    g.warm_up_time(Duration::from_secs(1));
    g.measurement_time(Duration::from_secs(3));
    g.throughput(Throughput::Bytes(covered.len() as u64));
    g.bench_function("core_cmac", |b| {
        b.iter(|| store.key.cmac(black_box(&covered)))
    });
    g.bench_function("baseline_cmac_crate", |b| {
        b.iter(|| {
            let mut mac = <Cmac<Sm4> as KeyInit>::new(&raw.into());
            mac.update(black_box(&covered));
            mac.finalize().into_bytes()
        })
    });
    g.finish();
}

fn secure_frames(c: &mut Criterion) {
    bench(c, "status", STATUS);
    bench(c, "command", CLOSE);
}

criterion_group!(benches, secure_frames);
criterion_main!(benches);
