//! GB/T 26875.3 codec benchmarks: packets decoded per second for a component-status packet (the
//! reference's S1, 78 bytes) against the baseline of merely summing its bytes (the additive
//! checksum, which is all a packet has: there is no CRC). Also: strict mode, the description's
//! GB 18030 text, a full 22-object packet, encoding, the confirm answer and the JSON form.
//!
//! The `peer` group: the packets of `benches/data/gbt26875_packets.txt`, side by side with the Go
//! codec (`scripts/bench-go-peer`).
//!
//! Run: `cargo bench -p gasdev-benches --bench gbt26875`.
#![expect(missing_docs, reason = "criterion macros generate undocumented items")]

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gasdev::gbt26875::{self as gbt, AduRepr, Answer, Item, Object, Options};

/// The reference's S1: type 2 component status, point-type gas detector, gas alarm, "厨房燃气".
const S1: &str = "404001000100001e0c010518010000000000000000000000300002020101010b050001000300\
                  b3f8b7bfc8bcc6f80000000000000000000000000000000000000000000000001e0c010518412323";

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .filter_map(|i| s.get(i..i + 2).and_then(|p| u8::from_str_radix(p, 16).ok()))
        .collect()
}

/// The bytes the checksum covers: the control unit and the ADU.
fn summed(p: &[u8]) -> &[u8] {
    p.get(2..p.len().saturating_sub(3)).unwrap_or_default()
}

fn packet() -> Vec<u8> {
    unhex(S1)
}

/// The status words of every object, so the decoder's work cannot be optimised away.
fn statuses(d: &gbt::Decoded<'_>) -> u32 {
    d.adu().map_or(0, |a| {
        a.items()
            .map(|i| match i.object {
                Object::ComponentStatus { status, .. } => u32::from(status),
                _ => 0,
            })
            .sum()
    })
}

fn decode(c: &mut Criterion) {
    let p = packet();
    let mut g = c.benchmark_group("gbt26875");
    g.throughput(Throughput::Elements(1));

    g.bench_function("baseline_sum_bytes", |b| {
        b.iter(|| gbt::checksum(black_box(summed(&p))));
    });
    g.bench_function("decode_component_status", |b| {
        b.iter(|| gbt::decode(black_box(&p), Options::TOLERANT).map(|d| statuses(&d)));
    });
    g.bench_function("decode_component_status_strict", |b| {
        b.iter(|| gbt::decode(black_box(&p), Options::STRICT).map(|d| statuses(&d)));
    });
    g.bench_function("decode_component_status_with_text", |b| {
        b.iter(|| {
            gbt::decode(black_box(&p), Options::TOLERANT).map(|d| {
                d.adu()
                    .and_then(|a| a.items().next())
                    .map_or(0, |i| match i.object {
                        Object::ComponentStatus { description, .. } => {
                            description.text().as_str().len()
                        }
                        _ => 0,
                    })
            })
        });
    });

    // The largest component-status packet: 22 objects, 1014-byte ADU.
    let d = gbt::decode(&p, Options::TOLERANT).ok();
    let item = d
        .as_ref()
        .and_then(|d| d.adu())
        .and_then(|a| a.items().next());
    let header = d.as_ref().map(|d| *d.header()).unwrap_or_default();
    if let Some(item) = item {
        let items = vec![item; 22];
        let mut buf = vec![0u8; gbt::MAX_LEN];
        let n = gbt::encode(
            &header,
            Some(&AduRepr::Objects {
                type_flag: 2,
                items: &items,
            }),
            &mut buf,
        )
        .unwrap_or(0);
        let big = buf.get(..n).unwrap_or_default();
        g.bench_function("decode_22_component_statuses", |b| {
            b.iter(|| gbt::decode(black_box(big), Options::TOLERANT).map(|d| statuses(&d)));
        });
        g.bench_function("baseline_sum_bytes_22", |b| {
            b.iter(|| gbt::checksum(black_box(summed(big))));
        });

        let one: [Item<'_>; 1] = [item];
        let mut out = [0u8; 128];
        g.bench_function("encode_component_status", |b| {
            b.iter(|| {
                gbt::encode(
                    black_box(&header),
                    Some(&AduRepr::Objects {
                        type_flag: 2,
                        items: &one,
                    }),
                    &mut out,
                )
            });
        });
    }
    let mut out = [0u8; 30];
    g.bench_function("answer_confirm", |b| {
        b.iter(|| gbt::answer(black_box(&header), Answer::Confirm, header.time, &mut out));
    });
    g.bench_function("decode_and_json", |b| {
        b.iter(|| {
            gbt::decode(black_box(&p), Options::TOLERANT)
                .map(|d| serde_json::to_string(&d).map(|s| s.len()))
        });
    });
    g.finish();
}

/// The packets of the side-by-side benchmark with the Go codec (`scripts/bench-go-peer` reads the
/// same file): name and bytes.
fn peer_packets() -> Vec<(&'static str, Vec<u8>)> {
    include_str!("../data/gbt26875_packets.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once(' '))
        .map(|(name, hex)| (name, unhex(hex.trim())))
        .collect()
}

fn time_sum(t: gbt::TimeLabel) -> u64 {
    t.raw.iter().map(|&b| u64::from(b)).sum()
}

fn component_sum(c: gbt::ComponentId) -> u64 {
    u64::from(c.system_type)
        + u64::from(c.system_address)
        + u64::from(c.component_type)
        + u64::from(c.component_address)
}

/// Read every field of a decoded packet (what the Go codec fills in its structs); with `text`,
/// also convert every description to UTF-8 (which the Go codec always does).
fn visit(d: &gbt::Decoded<'_>, text: bool) -> u64 {
    let h = d.header();
    let mut sum = u64::from(h.serial)
        + u64::from(h.version.main)
        + time_sum(h.time)
        + h.source.value()
        + h.destination.value()
        + u64::from(h.command);
    let desc = |dsc: &gbt::Description| {
        if text {
            dsc.text().as_str().len() as u64
        } else {
            u64::from(dsc.raw[0])
        }
    };
    if let Some(adu) = d.adu() {
        for item in adu.items() {
            sum += item.time.map_or(0, time_sum);
            sum += match item.object {
                Object::SystemStatus { system, status } => {
                    u64::from(system.system_type)
                        + u64::from(system.system_address)
                        + u64::from(status)
                }
                Object::ComponentStatus {
                    component,
                    status,
                    description,
                } => component_sum(component) + u64::from(status) + desc(&description),
                Object::AnalogValue {
                    component,
                    analog_type,
                    value,
                } => component_sum(component) + u64::from(analog_type) + value as u64,
                Object::UitdStatus { status } => u64::from(status),
                _ => 1,
            };
        }
    }
    sum
}

/// Side by side with the Go codec (BENCHMARKS.md): `peer/<packet>/lib` decodes (tolerant,
/// checksum verified) and reads every field, `peer/<packet>/lib_text` also converts every
/// description to UTF-8. Baselines: the byte sum of the packet (`peer/<packet>/sum`), and the
/// description decoded by `encoding_rs` (`peer/<packet>/text_encoding_rs`) against the core's
/// (`peer/<packet>/text_core`).
fn peer(c: &mut Criterion) {
    let mut g = c.benchmark_group("peer");
    g.throughput(Throughput::Elements(1));
    for (name, p) in peer_packets() {
        let d = gbt::decode(&p, Options::TOLERANT);
        assert!(
            d.as_ref().is_ok_and(|d| d.deviations().is_empty()),
            "{name}: {d:?}"
        );
        g.bench_function(format!("{name}/sum"), |b| {
            b.iter(|| gbt::checksum(black_box(summed(&p))));
        });
        g.bench_function(format!("{name}/lib"), |b| {
            b.iter(|| gbt::decode(black_box(&p), Options::TOLERANT).map(|d| visit(&d, false)));
        });
        g.bench_function(format!("{name}/lib_text"), |b| {
            b.iter(|| gbt::decode(black_box(&p), Options::TOLERANT).map(|d| visit(&d, true)));
        });
        let first = d.ok().and_then(|d| {
            d.adu()
                .and_then(|a| a.items().next())
                .and_then(|i| match i.object {
                    Object::ComponentStatus { description, .. } => Some(description),
                    _ => None,
                })
        });
        if let Some(dsc) = first {
            let bytes = dsc.text_bytes();
            g.bench_function(format!("{name}/text_core"), |b| {
                b.iter(|| black_box(&dsc).text().as_str().len());
            });
            let mut out = [0u8; gbt::DescriptionText::CAPACITY];
            g.bench_function(format!("{name}/text_encoding_rs"), |b| {
                b.iter(|| {
                    let mut dec = encoding_rs::GB18030.new_decoder_without_bom_handling();
                    let (_, _, n, _) = dec.decode_to_utf8(black_box(bytes), &mut out, true);
                    out.get(..n)
                        .and_then(|o| std::str::from_utf8(o).ok())
                        .map_or(0, str::len)
                });
            });
        }
    }
    g.finish();
}

criterion_group!(benches, decode, peer);
criterion_main!(benches);
