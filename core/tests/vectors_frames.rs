//! Runs `spec/vectors/frames.json`: every case, every field (an unread key fails the run).
//!
//! - `input.frame`, `valid`: `wire::decode` gives exactly `expected` (the JSON form), and the
//!   JSON form encodes back to exactly the input bytes (both directions, byte for byte);
//! - `input.frame`, `invalid`: `wire::decode` fails with `expected.error` at `expected.offset`;
//! - `input.stream`: `wire::StreamDecoder` reports `expected.events`, fed whole, byte by byte and
//!   in 7-byte chunks;
//! - `input.frame` + `input.declaration`: `wire::validate` gives `expected.findings`.
//!
//! It also checks that every hex example in `spec/frame.md` is byte for byte the vector it cites,
//! and that every message type has such an example.
#![cfg(all(feature = "std", feature = "serde"))]

mod common;

use common::{cases, done, hex, take, take_description, take_flags};
use std::collections::{BTreeMap, BTreeSet};

use gasdev::model::Declaration;
use gasdev::wire::{self, MessageType, StreamDecoder, StreamEvent, json::FrameDoc};
use serde_json::{Value, json};

const VECTORS: &str = include_str!("../../spec/vectors/frames.json");
const SPEC: &str = include_str!("../../spec/frame.md");

fn unhex(s: &str, ctx: &str) -> Vec<u8> {
    wire::json::hex_decode(s).unwrap_or_else(|| panic!("{ctx}: bad hex"))
}

/// Feed `data` in chunks of `chunk` bytes; return the events as JSON, consecutive skips summed.
fn stream_events(data: &[u8], chunk: usize) -> Vec<Value> {
    let mut out: Vec<Value> = Vec::new();
    let push = |ev: StreamEvent<'_>, out: &mut Vec<Value>| {
        let v = match ev {
            StreamEvent::Frame(f) => json!({"frame": hex(f.bytes())}),
            StreamEvent::Rejected(e) => {
                json!({"rejected": {"error": e.code().name(), "offset": e.offset()}})
            }
            StreamEvent::Skipped(n) => {
                if let Some(prev) = out.last_mut().and_then(|p| p.get_mut("skipped")) {
                    *prev = json!(prev.as_u64().unwrap() + n as u64);
                    return;
                }
                json!({"skipped": n})
            }
        };
        out.push(v);
    };
    let mut d = StreamDecoder::new();
    let mut fed = 0usize;
    let (mut frames, mut skipped, mut rejected) = (0usize, 0usize, 0usize);
    for piece in data.chunks(chunk.max(1)) {
        let mut input = piece;
        loop {
            let (n, ev) = d.feed(input);
            fed += n;
            input = &input[n..];
            match ev {
                Some(ev) => {
                    match ev {
                        StreamEvent::Frame(f) => frames += f.bytes().len(),
                        StreamEvent::Skipped(n) => skipped += n,
                        StreamEvent::Rejected(_) => rejected += 1,
                    }
                    push(ev, &mut out);
                }
                None => break,
            }
        }
        assert!(input.is_empty());
    }
    while let Some(ev) = d.finish() {
        match ev {
            StreamEvent::Frame(f) => frames += f.bytes().len(),
            StreamEvent::Skipped(n) => skipped += n,
            StreamEvent::Rejected(_) => rejected += 1,
        }
        push(ev, &mut out);
    }
    assert_eq!(fed, data.len());
    assert_eq!(
        frames + skipped + rejected,
        data.len(),
        "every byte is accounted for once"
    );
    assert_eq!(d.pending(), 0);
    out
}

fn run_frame(tc: u64, bytes: &[u8], result: &str, mut expected: Value) {
    let ctx = format!("frames#{tc}");
    match result {
        "valid" => {
            let repr = wire::decode(bytes).unwrap_or_else(|e| panic!("{ctx}: {e}"));
            assert_eq!(
                serde_json::to_value(repr).unwrap(),
                expected,
                "{ctx}: decoded JSON"
            );
            // The Repr re-emits the same bytes (canonical encoding, FRAME-008).
            assert_eq!(repr.buffer_len(), bytes.len(), "{ctx}: buffer_len");
            let mut buf = vec![0u8; repr.buffer_len()];
            assert_eq!(repr.emit(&mut buf), Ok(bytes.len()), "{ctx}: emit");
            assert_eq!(hex(&buf), hex(bytes), "{ctx}: re-emitted bytes");
            // The JSON form encodes to the same bytes.
            let doc: FrameDoc = serde_json::from_value(expected)
                .unwrap_or_else(|e| panic!("{ctx}: JSON form: {e}"));
            assert_eq!(
                hex(&doc.encode().unwrap_or_else(|e| panic!("{ctx}: {e}"))),
                hex(bytes),
                "{ctx}: encoded"
            );
        }
        "invalid" => {
            let obj = expected.as_object_mut().unwrap();
            let name = take(obj, "error", &ctx);
            let offset = take(obj, "offset", &ctx);
            done(obj, &ctx);
            let err = match wire::decode(bytes) {
                Ok(r) => panic!("{ctx}: decoded, expected {name}: {r:?}"),
                Err(e) => e,
            };
            assert_eq!(json!(err.code().name()), name, "{ctx}: error ({err})");
            assert_eq!(json!(err.offset()), offset, "{ctx}: offset ({err})");
            assert!(gasdev::ErrorCode::from_name(err.code().name()).is_some());
        }
        other => panic!("{ctx}: unexpected result {other}"),
    }
}

#[test]
fn frame_vectors() {
    let mut root: Value = serde_json::from_str(VECTORS).unwrap();
    let root = root.as_object_mut().unwrap();
    assert_eq!(take(root, "area", "root"), json!("frames"));
    assert_eq!(take(root, "version", "root"), json!(1));
    assert!(take(root, "description", "root").is_string());
    let notes = take(root, "notes", "root");
    let notes = notes.as_object().unwrap();
    let tests = take(root, "tests", "root");
    done(root, "root");

    let mut used_flags = BTreeSet::new();
    let mut by_id = BTreeMap::new();
    let mut kinds = BTreeMap::<&str, usize>::new();
    for (tc, mut case, ctx) in cases(tests.clone(), "frames") {
        take_description(&mut case, &ctx);
        for s in take(&mut case, "spec", &ctx).as_array().unwrap() {
            let s = s.as_str().unwrap();
            if s.starts_with("FRAME-") {
                assert!(
                    SPEC.contains(&format!("[{s}]")),
                    "{ctx}: {s} is not defined in spec/frame.md"
                );
            } else {
                assert!(
                    gasdev::requirements::by_id(s).is_some(),
                    "{ctx}: unknown clause {s}"
                );
            }
        }
        used_flags.extend(take_flags(&mut case, notes, &ctx));
        let mut input = take(&mut case, "input", &ctx);
        let result = take(&mut case, "result", &ctx);
        let result = result.as_str().unwrap().to_owned();
        let mut expected = take(&mut case, "expected", &ctx);
        done(&case, &ctx);

        let input = input.as_object_mut().unwrap();
        if let Some(stream) = input.remove("stream") {
            done(input, &ctx);
            assert_eq!(result, "valid", "{ctx}");
            let data = unhex(stream.as_str().unwrap(), &ctx);
            let obj = expected.as_object_mut().unwrap();
            let events = take(obj, "events", &ctx);
            done(obj, &ctx);
            for chunk in [data.len(), 1, 7] {
                assert_eq!(
                    json!(stream_events(&data, chunk)),
                    events,
                    "{ctx}: events in chunks of {chunk}"
                );
            }
            *kinds.entry("stream").or_default() += 1;
            continue;
        }
        let frame = take(input, "frame", &ctx);
        let bytes = unhex(frame.as_str().unwrap(), &ctx);
        by_id.insert(tc, bytes.clone());
        if let Some(decl) = input.remove("declaration") {
            done(input, &ctx);
            assert_eq!(result, "valid", "{ctx}");
            let decl: Declaration =
                serde_json::from_value(decl).unwrap_or_else(|e| panic!("{ctx}: declaration: {e}"));
            let repr = wire::decode(&bytes).unwrap_or_else(|e| panic!("{ctx}: {e}"));
            let obj = expected.as_object_mut().unwrap();
            let findings = take(obj, "findings", &ctx);
            done(obj, &ctx);
            let got: Vec<Value> = wire::validate(&repr, &decl)
                .iter()
                .map(|f| {
                    assert!(!f.text.zh.is_empty() && !f.text.en.is_empty());
                    json!({"clause": f.clause, "rule": f.rule})
                })
                .collect();
            assert_eq!(json!(got), findings, "{ctx}: findings");
            *kinds.entry("declaration").or_default() += 1;
            continue;
        }
        done(input, &ctx);
        if result == "valid" {
            let t = expected["message"]["type"].as_str().unwrap().to_owned();
            *kinds
                .entry(if t == "unknown" {
                    "unknown"
                } else {
                    MessageType::ALL
                        .iter()
                        .find(|m| m.as_str() == t)
                        .unwrap()
                        .as_str()
                })
                .or_default() += 1;
        } else {
            *kinds.entry("invalid").or_default() += 1;
        }
        run_frame(tc, &bytes, &result, expected);
    }
    for note in notes.keys() {
        assert!(
            used_flags.contains(note),
            "note {note} is not used by any case"
        );
    }
    // Every message type has valid cases; the file has invalid, stream and declaration cases.
    for k in [
        "status",
        "event",
        "identity",
        "command",
        "ack",
        "nak",
        "unknown",
        "invalid",
        "stream",
        "declaration",
    ] {
        assert!(kinds.get(k).copied().unwrap_or(0) > 0, "no {k} case");
    }
    check_spec_examples(tests.as_array().unwrap(), &by_id);
}

/// Every ```hex block in spec/frame.md is preceded by `<!-- frames.json#N -->` and equals the
/// bytes of case N; every case flagged EXAMPLE is shown; every message type has an example.
fn check_spec_examples(tests: &[Value], by_id: &BTreeMap<u64, Vec<u8>>) {
    let mut shown = BTreeSet::new();
    let mut types = BTreeSet::new();
    let mut pending: Option<u64> = None;
    let mut in_block: Option<(u64, String)> = None;
    for line in SPEC.lines() {
        let t = line.trim();
        if let Some((id, mut acc)) = in_block.take() {
            if t == "```" {
                let want = by_id
                    .get(&id)
                    .unwrap_or_else(|| panic!("spec cites frames.json#{id}, not a frame case"));
                assert_eq!(
                    acc,
                    hex(want),
                    "spec/frame.md example frames.json#{id} differs from the vector"
                );
                if let Some(ty) = want.get(4) {
                    types.insert(*ty);
                }
                shown.insert(id);
            } else {
                // Hex pairs separated by spaces; `#` starts a comment.
                let data = t.split('#').next().unwrap_or_default();
                acc.extend(data.split_whitespace().map(|p| {
                    assert!(
                        p.len() == 2 && p.chars().all(|c| c.is_ascii_hexdigit()),
                        "bad hex {p:?} in example #{id}"
                    );
                    p.to_ascii_lowercase()
                }));
                in_block = Some((id, acc));
            }
            continue;
        }
        if let Some(rest) = t.strip_prefix("<!-- frames.json#") {
            let n = rest.trim_end_matches("-->").trim();
            pending = Some(
                n.parse()
                    .unwrap_or_else(|_| panic!("bad example marker {t}")),
            );
            continue;
        }
        if t == "```hex" {
            let id = pending
                .take()
                .expect("a ```hex block without a <!-- frames.json#N --> marker");
            in_block = Some((id, String::new()));
        }
    }
    assert!(in_block.is_none(), "unterminated hex block");
    for case in tests {
        let flagged = case["flags"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f == "EXAMPLE");
        let id = case["tcId"].as_u64().unwrap();
        assert_eq!(
            flagged,
            shown.contains(&id),
            "frames.json#{id}: EXAMPLE flag and spec example disagree"
        );
    }
    for m in MessageType::ALL {
        assert!(
            types.contains(&m.code()),
            "spec/frame.md has no worked example of {}",
            m.as_str()
        );
    }
}
