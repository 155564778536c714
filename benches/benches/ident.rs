//! Identifier parsing throughput: identifiers parsed and validated per second, per
//! scheme (criterion reports `elem/s`), plus worst-case long inputs (`bytes/s`).
//!
//! Run: `cargo bench -p gasdev-benches --bench ident`.
#![expect(missing_docs, reason = "criterion macros generate undocumented items")]

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gasdev::ident::{Ident, Scheme};

/// Per scheme: a name, a forced scheme (Ecode is never detected) and typical inputs.
const SETS: &[(&str, Option<Scheme>, &[&str])] = &[
    (
        "idis",
        None,
        &[
            "88.111.1/teleinfo.cn",
            "88.1000.1/ADMIN",
            "88.101.1304/GT-A100-000001",
            "88.800.123123112/SN20240101000123",
            "88.101.1304",
        ],
    ),
    (
        "handle",
        None,
        &[
            "20.1000/112",
            "0.NA/88.111.1",
            "0.DOIP/Op.Create",
            "21.T11978/abc-def",
        ],
    ),
    (
        "handle_forms",
        None,
        &[
            "hdl:88.111.1/x",
            "info:hdl/20.1000/112",
            "https://hdl.handle.net/20.1000/112",
            "https://hdl.handle.net/88.111.1/%E7%87%83%E6%B0%94",
        ],
    ),
    (
        "oid",
        None,
        &[
            "1.2.156",
            "1.2.156.10197.1.301",
            "2.25.329800735698586629295641978511506172918",
        ],
    ),
    (
        "gs1",
        None,
        &[
            "09521234543213",
            "6291041500213",
            "96385074",
            "106141411234567897",
        ],
    ),
    (
        "gs1_digital_link",
        None,
        &[
            "https://id.gs1.org/01/09521234543213/10/ABC123/21/12345",
            "https://brand.example/products/01/09521234543213/22/2A/10/ABC/21/9?17=201231",
            "https://id.gs1.org/00/106141411234567897",
        ],
    ),
    (
        "ma",
        None,
        &["MA.156.M0.100001.1234.S123", "MA.156.1003.16291"],
    ),
    (
        "ecode",
        Some(Scheme::Ecode),
        &["10012345678", "20123456789012345678"],
    ),
    (
        "invalid",
        None,
        &[
            "6291041500214",
            "88..1/x",
            "foobar",
            "1.2.0156",
            "300:88.111.1/x",
            "https://id.gs1.org/01/09521234543213/21/a/10/b",
        ],
    ),
];

fn parse(s: &str, scheme: Option<Scheme>) -> bool {
    match scheme {
        Some(sc) => Ident::parse_as(s, sc).is_ok(),
        None => Ident::parse(s).is_ok(),
    }
}

fn per_scheme(c: &mut Criterion) {
    let mut group = c.benchmark_group("ident_parse");
    for (name, scheme, inputs) in SETS {
        // Sanity: the sets hold what their names say.
        for s in *inputs {
            assert_eq!(parse(s, *scheme), *name != "invalid", "{s}");
        }
        group.throughput(Throughput::Elements(inputs.len() as u64));
        group.bench_function(*name, |b| {
            b.iter(|| {
                for s in *inputs {
                    black_box(parse(black_box(s), *scheme));
                }
            });
        });
    }
    group.finish();
}

fn long_inputs(c: &mut Criterion) {
    let idis_max = format!("88.111.1/{}", "a".repeat(246));
    let handle_max = format!("20.1000/{}", "b".repeat(2040));
    let url_escapes = format!("https://hdl.handle.net/88.111.1/{}", "%E7%87%83".repeat(28));
    let over = "c".repeat(1 << 20);
    let cases: [(&str, &str); 4] = [
        ("idis_255_chars", &idis_max),
        ("handle_2048_bytes", &handle_max),
        ("url_escaped_suffix", &url_escapes),
        ("reject_1mb", &over),
    ];
    let mut group = c.benchmark_group("ident_long");
    for (name, s) in cases {
        group.throughput(Throughput::Bytes(s.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| black_box(Ident::parse(black_box(s)).is_ok()))
        });
    }
    group.finish();
}

fn compare(c: &mut Criterion) {
    let (Ok(a), Ok(b)) = (
        Ident::parse("https://hdl.handle.net/88.111.1/%E7%87%83%E6%B0%94"),
        Ident::parse("hdl:88.111.1/燃气"),
    ) else {
        return;
    };
    assert!(a.canonical_eq(&b));
    c.bench_function("ident_canonical_eq", |bench| {
        bench.iter(|| black_box(black_box(&a).canonical_eq(black_box(&b))));
    });
}

criterion_group!(benches, per_scheme, long_inputs, compare);
criterion_main!(benches);
