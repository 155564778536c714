//! `inspect` over 1 000 000 generated household records, against the baseline of merely
//! computing the obligations (`required_devices`) for the same records in the same run.
#![expect(missing_docs, reason = "criterion macros generate undocumented items")]

use criterion::{Criterion, Throughput, black_box, criterion_group, criterion_main};
use gasdev::api::parse_record;
use gasdev::install::{InspectionRecord, RuleSet, inspect, required_devices};
use gasdev::model::Date;

const RECORDS: u64 = 1_000_000;

/// 1000 distinct records cycled: every user class, new/existing, heights, groups and device states.
fn templates() -> Vec<InspectionRecord> {
    let classes = ["unit", "residential"];
    let conns = ["new", "existing"];
    let mut out = Vec::new();
    for i in 0..1000u32 {
        let class = classes[(i % 2) as usize];
        let conn = conns[((i / 2) % 2) as usize];
        let height = if i % 7 == 0 { 120 } else { 30 + i % 50 };
        let flags = if class == "residential" {
            format!(
                ",\"old_compound\":{},\"hardship\":{}",
                i % 3 == 0,
                i % 5 == 0
            )
        } else {
            String::from(",\"unit_category\":\"restaurant\"")
        };
        let kind = if i % 2 == 0 {
            "leak_alarm"
        } else {
            "self_closing_valve"
        };
        let devices = if i % 4 == 0 {
            String::new()
        } else {
            format!(
                "{{\"kind\":\"{kind}\",\"identifier\":\"88.118.{}/DEV-{i:06}\",\"model\":\"M-{}\",\"powered\":true,\"last_report\":\"2026-05-{:02}\"}}",
                i % 9 + 1,
                i % 17,
                i % 28 + 1
            )
        };
        let line = format!(
            "{{\"household\":\"H{i:07}\",\"community\":\"C{}\",\"profile\":{{\"user_class\":\"{class}\",\"connection\":\"{conn}\",\"gas_supply\":\"piped_natural_gas\",\"building_height_m\":{height},\"connection_date\":\"2025-0{}-1{}\"{flags}}},\"devices\":[{devices}]}}",
            i % 40,
            i % 9 + 1,
            i % 9
        );
        match parse_record(&line) {
            Ok(r) => out.push(r),
            Err(e) => eprintln!("template {i} rejected: {} {}", e.name, e.field),
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let records = templates();
    let rules = RuleSet::nanchuan_2022();
    let as_of = Date::new(2026, 6, 1).unwrap_or(Date::MIN);
    let n = records.len().max(1);
    let mut g = c.benchmark_group("inspect");
    g.sample_size(10);
    g.throughput(Throughput::Elements(RECORDS));
    g.bench_function("inspect_1m_records", |b| {
        b.iter(|| {
            let mut compliant = 0u64;
            for i in 0..RECORDS as usize {
                if let Some(r) = records.get(i % n) {
                    compliant += u64::from(inspect(black_box(r), None, as_of, &rules).compliant);
                }
            }
            compliant
        })
    });
    g.bench_function("baseline_required_devices_1m_records", |b| {
        b.iter(|| {
            let mut total = 0usize;
            for i in 0..RECORDS as usize {
                if let Some(r) = records.get(i % n) {
                    total += required_devices(black_box(&r.profile), as_of, &rules).len();
                }
            }
            total
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
