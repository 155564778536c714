//! End-to-end tests of `gasdev decode` and `gasdev encode` on libgasdev frames (`spec/frame.md`):
//! exit statuses, the JSON form, error names with offsets, files, streams, declarations, and the
//! round trip encode → decode.

mod common;

use common::gasdev;
use serde_json::{Value, json};

/// frames.json#1: the status of a mid-tier alarm.
const STATUS: &str =
    "4744012001000162be390001010205000202010003070101f40000015e040502000004b0ed856dc8";
/// frames.json#103: the forbidden open-valve command.
const OPEN_VALVE: &str = "4744010810002962be390002ee44ea51";

/// A temporary file holding `bytes`: its path.
fn tmp(name: &str, bytes: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("gasdev-frame-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.to_str().unwrap().to_owned()
}

/// `gasdev decode --format json <args>`: the exit status and the JSON printed.
fn decode_json(args: &[&str]) -> (i32, Value) {
    let (code, out, _) = gasdev(&[&["decode", "--format", "json"][..], args].concat(), None);
    (code, serde_json::from_str(&out).unwrap())
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

#[test]
fn decodes_hex_with_spaces_to_the_json_form() {
    let spaced: String = STATUS
        .as_bytes()
        .chunks(2)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect::<Vec<_>>()
        .join(" ");
    let (code, v) = decode_json(&[&spaced]);
    assert_eq!(code, 0);
    assert_eq!(v["seq"], 1);
    assert_eq!(v["timestamp"], 1_656_633_600);
    assert_eq!(v["message"]["type"], "status");
    assert_eq!(
        v["message"]["methane"],
        json!({"value": 3.5, "unit": "pct_lel", "lel_basis_pct_vol": 5.0})
    );
    assert_eq!(
        v["message"]["carbon_monoxide"],
        json!({"value": 12.0, "unit": "ppm"})
    );
    assert!(v.get("findings").is_none());
}

#[test]
fn table_output_in_both_languages() {
    let (code, out, _) = gasdev(&["decode", STATUS], None);
    assert_eq!(code, 0);
    assert!(out.contains("燃气泄漏报警装置"), "{out}");
    assert!(out.contains("3.50 %LEL (LEL = 5.00 %vol)"), "{out}");
    let (code, out, _) = gasdev(
        &["decode", "--lang", "en", "--format", "markdown", STATUS],
        None,
    );
    assert_eq!(code, 0);
    assert!(
        out.contains("| message type | status report (heartbeat) (0x01) |"),
        "{out}"
    );
    assert!(out.contains("2022-07-01 00:00:00 UTC"), "{out}");
}

#[test]
fn invalid_frames_exit_1_with_name_and_offset() {
    let (code, out, err) = gasdev(&["decode", "--format", "json", OPEN_VALVE], None);
    assert_eq!(code, 1);
    assert_eq!(
        serde_json::from_str::<Value>(&out).unwrap(),
        json!({"error": "FRAME_FORBIDDEN_COMMAND", "offset": 11})
    );
    assert!(err.contains("FRAME_FORBIDDEN_COMMAND"));
    let mut bad = STATUS.to_owned();
    bad.replace_range(bad.len() - 2.., "c9");
    let (code, out, _) = gasdev(&["decode", "--format", "json", &bad], None);
    assert_eq!(code, 1);
    assert_eq!(
        serde_json::from_str::<Value>(&out).unwrap(),
        json!({"error": "FRAME_BAD_CRC", "offset": 36})
    );
    let (code, out, _) = gasdev(&["decode", "--lang", "en", &STATUS[..60]], None);
    assert_eq!(code, 1);
    assert!(out.starts_with("FRAME_TRUNCATED"), "{out}");
}

#[test]
fn unusable_input_exits_2() {
    let (code, out, err) = gasdev(&["decode", "--format", "json", "47 44 0x"], None);
    assert_eq!(code, 2);
    assert_eq!(
        serde_json::from_str::<Value>(&out).unwrap(),
        json!({"error": "FRAME_BAD_HEX", "offset": 7})
    );
    assert!(err.contains("FRAME_BAD_HEX"));
    let (code, _, _) = gasdev(&["decode", "474"], None);
    assert_eq!(code, 2);
    let (code, _, err) = gasdev(&["decode", "no/such/frame.bin"], None);
    assert_eq!(code, 2);
    assert!(
        err.contains("INPUT_IO") && err.contains("no such file"),
        "{err}"
    );
    let (code, _, err) = gasdev(&["decode", "-"], Some(b"  \n"));
    assert_eq!(code, 2);
    assert!(err.contains("INPUT_EMPTY"));
}

#[test]
fn reads_binary_files_hex_files_and_stdin() {
    let bin = tmp("status.bin", &unhex(STATUS));
    let (code, out, _) = gasdev(&["decode", "--format", "json", &bin], None);
    assert_eq!(code, 0, "{out}");
    let txt = tmp("status.hex", format!("{STATUS}\n").as_bytes());
    let (code2, out2, _) = gasdev(&["decode", "--format", "json", &txt], None);
    assert_eq!(code2, 0);
    assert_eq!(out, out2);
    let (code3, out3, _) = gasdev(&["decode", "--format", "json", "-"], Some(&unhex(STATUS)));
    assert_eq!(code3, 0);
    assert_eq!(out, out3);
}

#[test]
fn gbt_packets_go_to_the_gbt_decoder() {
    // `@@` (or its hex 4040) is never decoded as a libgasdev frame.
    let (_, out, err) = gasdev(&["decode", "--format", "json", "4040 0100"], None);
    assert!(
        !out.contains("FRAME_BAD_MAGIC") && !err.contains("FRAME_BAD_MAGIC"),
        "{out} {err}"
    );
}

#[test]
fn stream_mode_resynchronises() {
    let mut s = b"\x00AT\r\n".to_vec();
    s.extend(unhex(STATUS));
    s.extend(b"GD\x01");
    s.extend(unhex(STATUS));
    let f = tmp("stream.bin", &s);
    let (code, out, _) = gasdev(&["decode", "--stream", "--format", "json", &f], None);
    assert_eq!(code, 1, "garbage in the stream is reported");
    let v: Value = serde_json::from_str(&out).unwrap();
    let kinds: Vec<String> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            i.as_object()
                .unwrap()
                .keys()
                .find(|k| *k != "offset")
                .unwrap()
                .clone()
        })
        .collect();
    assert!(
        kinds.starts_with(&["skipped".to_owned(), "frame".to_owned()]),
        "{kinds:?}"
    );
    assert_eq!(
        kinds.iter().filter(|k| *k == "frame").count(),
        2,
        "{kinds:?}"
    );
    let (code, _, _) = gasdev(&["decode", "--stream", STATUS], None);
    assert_eq!(code, 0);
}

#[test]
fn declaration_findings() {
    let decl = tmp(
        "low.json",
        serde_json::to_string(&json!({
            "model": "GT-A100", "kind": "leak_alarm", "claimed_tier": "low",
            "capabilities": {"detects": ["methane"], "collects": ["running_status", "valve_state", "concentration"]}
        }))
        .unwrap()
        .as_bytes(),
    );
    let (code, v) = decode_json(&["--declaration", &decl, STATUS]);
    assert_eq!(code, 1);
    assert_eq!(v["findings"][0]["clause"], "ALM-3b");
    assert_eq!(v["findings"][0]["rule"], "FRAME-102");
    let (code, out, _) = gasdev(
        &["decode", "--lang", "en", "--declaration", &decl, STATUS],
        None,
    );
    assert_eq!(code, 1);
    assert!(out.contains("ALM-3b"), "{out}");
}

#[test]
fn encode_round_trips_through_decode() {
    let (_, json_form, _) = gasdev(&["decode", "--format", "json", STATUS], None);
    let (code, out, _) = gasdev(&["encode", &json_form], None);
    assert_eq!(code, 0);
    assert_eq!(out.trim(), STATUS);
    let f = tmp("status.json", json_form.as_bytes());
    let (code, out, _) = gasdev(&["encode", "--format", "json", &f], None);
    assert_eq!(code, 0);
    assert_eq!(
        serde_json::from_str::<Value>(&out).unwrap(),
        json!({"hex": STATUS, "length": 40})
    );
}

#[test]
fn encode_refuses_a_remote_open_and_bad_values() {
    let open = r#"{"seq":1,"timestamp":"unknown","message":{"type":"command","command":{"kind":"open_valve"}}}"#;
    let (code, out, err) = gasdev(&["encode", open], None);
    assert_eq!((code, out.as_str()), (1, ""));
    assert!(
        err.contains("FRAME_FORBIDDEN_COMMAND") && err.contains("VLV-0e"),
        "{err}"
    );
    let mute0 = r#"{"seq":1,"timestamp":"unknown","message":{"type":"command","command":{"kind":"mute","seconds":0}}}"#;
    let (code, _, err) = gasdev(&["encode", mute0], None);
    assert_eq!(code, 1);
    assert!(err.contains("FRAME_BAD_FIELD"), "{err}");
    let unknown_key = r#"{"seq":1,"timestamp":"unknown","message":{"type":"ack","ack_seq":1,"command":"self_test","x":1}}"#;
    let (code, out, _) = gasdev(&["encode", "--format", "json", unknown_key], None);
    assert_eq!(code, 2);
    assert_eq!(
        serde_json::from_str::<Value>(&out).unwrap()["error"],
        "INPUT_UNKNOWN_FIELD"
    );
    let (code, _, err) = gasdev(&["encode", "{\"seq\": 1,"], None);
    assert_eq!(code, 2);
    assert!(err.contains("INPUT_JSON_SYNTAX"));
    let (code, _, err) = gasdev(&["encode", "/no/such/file.json"], None);
    assert_eq!(code, 2);
    assert!(err.contains("INPUT_IO"));
}

// ---- authenticated frames (spec/security.md) ---------------------------------------------------

/// The test key of spec/vectors/secure.json (key id 1): never provisioned on a device.
const TEST_KEY: &str = "9ec5e4be4c3bbee0043c99c6fe27c0d9";
/// frames.json#25 (close valve) and secure.json#4: the same frame sealed with key id 1, counter 0.
const CLOSE: &str = "4744010810002862be40d001e2a6153c";
const CLOSE_SEALED: &str = "4744011810002862be40d001ff0e01010000000055695d15f703d09d6bb9fe6b";

/// A key file (mode 0600) holding `text`: its path.
fn key_file(name: &str, text: &str) -> String {
    let p = tmp(name, text.as_bytes());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    p
}

/// A key file of the test key under `key_id`.
fn test_key_file(name: &str, key_id: u8) -> String {
    key_file(
        name,
        &format!(r#"{{"key_id": {key_id}, "key": "{TEST_KEY}"}}"#),
    )
}

#[test]
fn encode_seals_with_a_key_file_as_the_vectors_say() {
    let k = test_key_file("k1.json", 1);
    let (code, json, _) = gasdev(&["decode", "--format", "json", CLOSE], None);
    assert_eq!(code, 0);
    let (code, out, err) = gasdev(&["encode", "--key-file", &k, "--counter", "0", &json], None);
    assert_eq!((code, out.trim()), (0, CLOSE_SEALED), "{err}");
    assert!(!err.contains("warning"), "a 0600 key file: {err}");
    let (code, v) = decode_json(&["--key-file", &k, CLOSE_SEALED]);
    assert_eq!(code, 0);
    assert_eq!(
        v["authentication"],
        json!({"status": "authenticated", "key_id": 1, "counter": 0})
    );
    assert_eq!(v["message"]["command"]["kind"], "close_valve");
    // Without a key the frame still decodes (the security TLV is an extension, FRAME-022).
    let (code, v) = decode_json(&[CLOSE_SEALED]);
    assert_eq!(code, 0);
    assert!(v.get("authentication").is_none());
    assert_eq!(v["message"]["extensions"][0]["type"], 255);
}

#[test]
fn decode_with_a_key_refuses_unauthenticated_and_altered_frames() {
    let k = test_key_file("k2.json", 1);
    let (code, v) = decode_json(&["--key-file", &k, CLOSE]);
    assert_eq!(code, 1);
    assert_eq!(v, json!({"error": "FRAME_UNAUTHENTICATED", "offset": 12}));
    // Tag byte changed, CRC recomputed: only the tag catches it.
    let mut bytes = unhex(CLOSE_SEALED);
    bytes[20] ^= 1;
    let n = bytes.len() - 4;
    let crc = gasdev::wire::crc32c(&bytes[..n]).to_be_bytes();
    bytes[n..].copy_from_slice(&crc);
    let altered: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let (code, v) = decode_json(&["--key-file", &k, &altered]);
    assert_eq!(code, 1);
    assert_eq!(v, json!({"error": "FRAME_BAD_TAG", "offset": 20}));
    let other = test_key_file("k3.json", 2);
    let (code, v) = decode_json(&["--key-file", &other, CLOSE_SEALED]);
    assert_eq!(code, 1);
    assert_eq!(v, json!({"error": "FRAME_UNKNOWN_KEY_ID", "offset": 15}));
}

#[test]
fn keys_come_from_files_only_and_are_never_printed() {
    // No option takes a key on the command line.
    let (code, _, _) = gasdev(&["decode", "--key", TEST_KEY, CLOSE_SEALED], None);
    assert_eq!(code, 2);
    // A malformed key is reported by its field, never echoed.
    let secret = "00112233445566778899aabbccddeeff00";
    let k = key_file(
        "bad.json",
        &format!(r#"{{"key_id": 1, "key": "{secret}"}}"#),
    );
    let (code, out, err) = gasdev(
        &["decode", "--format", "json", "--key-file", &k, CLOSE_SEALED],
        None,
    );
    assert_eq!(code, 2);
    assert!(!out.contains(secret) && !err.contains(secret), "{out}{err}");
    assert!(out.contains("INPUT_INVALID_VALUE"), "{out}");
    let k = key_file(
        "syntax.json",
        &format!(r#"{{"key_id": 1, "key": "{TEST_KEY}""#),
    );
    let (code, out, err) = gasdev(&["encode", "--key-file", &k, "--counter", "1", "{}"], None);
    assert_eq!(code, 2);
    assert!(
        !out.contains(TEST_KEY) && !err.contains(TEST_KEY),
        "{out}{err}"
    );
    // The never-used counter is refused when sealing.
    let k = test_key_file("k4.json", 1);
    let (_, json, _) = gasdev(&["decode", "--format", "json", CLOSE], None);
    let (code, out, _) = gasdev(
        &[
            "encode",
            "--format",
            "json",
            "--key-file",
            &k,
            "--counter",
            "4294967295",
            &json,
        ],
        None,
    );
    assert_eq!(code, 1);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["error"], "FRAME_COUNTER_EXHAUSTED");
    assert_eq!(v["offset"], 16);
}
