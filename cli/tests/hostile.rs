//! The hostile-input suite: attacks on every input path (closed pipes, a full disk, symlink loops
//! and FIFOs, endless inputs, broken and split CSV rows, formulas, terminal controls, inexact
//! numbers, empty inputs, a million identifiers…) against the built `gasdev`, each asserting the
//! exit status and error name, the absence of a panic (exit 101, "panicked"), a time bound and a
//! memory bound (`ulimit -v`, so an allocation beyond it aborts the process and fails the test).
//! The C API's overlap rows are `ffi/tests/c/api_test.c` (`test_overlaps`).

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

/// Virtual memory of every run (MiB): far below what the unbounded reads took (GBs).
const MEM_MIB: u64 = 400;
/// Wall time of every run.
const TIMEOUT: Duration = Duration::from_secs(60);

struct Run {
    code: i32,
    out: Vec<u8>,
    err: String,
}

impl Run {
    fn out(&self) -> String {
        String::from_utf8_lossy(&self.out).into_owned()
    }
    fn json(&self) -> Value {
        serde_json::from_slice(&self.out)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.out()))
    }
}

enum Out {
    Pipe,
    /// Standard output is this file (`/dev/full`).
    File(&'static str),
    /// Standard output is a pipe whose reader is gone before the program writes.
    Closed,
}

fn gasdev_with(args: &[&str], stdin: Option<&[u8]>, out: Out) -> Run {
    let bin = env!("CARGO_BIN_EXE_gasdev");
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(format!("ulimit -v {}; exec \"$0\" \"$@\"", MEM_MIB * 1024))
        .arg(bin)
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stderr(Stdio::piped());
    match out {
        Out::Pipe => {
            cmd.stdout(Stdio::piped());
        }
        Out::File(p) => {
            cmd.stdout(std::fs::OpenOptions::new().write(true).open(p).unwrap());
        }
        Out::Closed => {
            // A pipe whose read end is closed before the child starts: every write is EPIPE.
            // (The read end belongs to `true` alone, which has exited.)
            let mut reader = Command::new("true").stdin(Stdio::piped()).spawn().unwrap();
            let writer = reader.stdin.take().unwrap();
            reader.wait().unwrap();
            cmd.stdout(Stdio::from(writer));
        }
    }
    let start = Instant::now();
    let mut child = cmd.spawn().unwrap();
    let input = stdin.map(<[u8]>::to_vec);
    let mut pipe_in = child.stdin.take();
    let writer = std::thread::spawn(move || {
        if let (Some(p), Some(data)) = (pipe_in.as_mut(), input) {
            let _ = p.write_all(&data);
        }
        drop(pipe_in);
    });
    let mut so = child.stdout.take();
    let mut se = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        if let Some(s) = so.as_mut() {
            let _ = s.read_to_end(&mut v);
        }
        v
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = se.read_to_string(&mut s);
        s
    });
    let status = loop {
        if let Some(st) = child.try_wait().unwrap() {
            break st;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            panic!("gasdev {args:?}: still running after {TIMEOUT:?} (hang)");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    writer.join().unwrap();
    let out = reader.join().unwrap();
    let err = err_reader.join().unwrap();
    let code = status.code().unwrap_or_else(|| {
        panic!("gasdev {args:?}: killed by a signal ({status:?}; over {MEM_MIB} MiB aborts): {err}")
    });
    assert_ne!(code, 101, "gasdev {args:?} panicked: {err}");
    assert!(!err.contains("panicked"), "gasdev {args:?}: {err}");
    Run { code, out, err }
}

fn gasdev(args: &[&str], stdin: Option<&[u8]>) -> Run {
    gasdev_with(args, stdin, Out::Pipe)
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn example(name: &str) -> String {
    root()
        .join("spec/examples")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn tmpdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("gasdev-hostile-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn s(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

const FRAME: &str = "4744013503000662be39f0010200eb01180638382e3131312e312f47542d413130302d303030303031020747542d413130300305312e322e304e44593e";
const PACKET: &str = "404000000101180d11160a140000000000000605040302013000020201010300d90006000200a3c1c7f8a3b1b2e3dfc8b2b8d7dfc0c8000000000000000000000000000000301213010814682323";
const CSV_HEADER: &str = "household,community,user_class,connection,unit_category,building_height_m,old_compound,hardship,gas_supply,connection_date,device_kind,identifier,model,powered,sensor_end_of_life,valve_latched_closed,last_report";

fn unhex(h: &str) -> Vec<u8> {
    (0..h.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&h[i..i + 2], 16).unwrap())
        .collect()
}

fn csv_row(household: &str, community: &str) -> String {
    format!(
        "{household},{community},residential,existing,,18,,,piped_natural_gas,2008-05-01,,,,,,,"
    )
}

/// A CSV document: the header and one row per (household, community), each line ending in `\n`.
fn csv_of(rows: &[(&str, &str)]) -> String {
    let mut csv = format!("{CSV_HEADER}\n");
    for (household, community) in rows {
        csv.push_str(&csv_row(household, community));
        csv.push('\n');
    }
    csv
}

/// `gasdev inspect - --input-format csv --format <format>` on `csv`.
fn inspect_csv(csv: &str, format: &str) -> Run {
    gasdev(
        &["inspect", "-", "--input-format", "csv", "--format", format],
        Some(csv.as_bytes()),
    )
}

/// Bytes a terminal acts on: C0 controls other than line feed, DEL, and C1 controls.
fn terminal_controls(text: &str) -> Vec<char> {
    text.chars()
        .filter(|c| c.is_control() && *c != '\n')
        .collect()
}

#[test]
fn closed_pipe_ends_quietly_with_success() {
    let d = tmpdir("pipe");
    let mut paths = Vec::new();
    for i in 0..40 {
        let p = d.join(format!("c{i:02}.json"));
        std::fs::copy(example("catalogue.json"), &p).unwrap();
        paths.push(s(&p));
    }
    let mut args = vec!["check"];
    args.extend(paths.iter().map(String::as_str));
    let r = gasdev_with(&args, None, Out::Closed);
    assert_eq!((r.code, r.err.as_str()), (0, ""), "check | head -1");
    for args in [
        vec!["requirements"],
        vec!["ident", "88.111.1/x", "bad"],
        vec!["decode", FRAME],
        vec!["encode", "-"],
        vec!["inspect", "--quiet", &example("inspections.jsonl")],
    ] {
        let stdin = (args[0] == "encode").then(|| {
            br#"{"seq":1,"timestamp":1656633600,"message":{"type":"command","command":{"kind":"self_test"}}}"#
                .as_slice()
        });
        let r = gasdev_with(&args, stdin, Out::Closed);
        assert_eq!((r.code, r.err.as_str()), (0, ""), "{args:?}");
    }
}

#[test]
fn full_disk_is_exit_2_with_a_message() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    for args in [
        vec!["requirements"],
        vec!["check", &example("catalogue.json")],
        vec!["ident", "88.111.1/x"],
        vec!["decode", FRAME],
        vec!["decode", PACKET],
        vec!["inspect", "--quiet", &example("inspections.jsonl")],
    ] {
        let r = gasdev_with(&args, None, Out::File("/dev/full"));
        assert_eq!(r.code, 2, "{args:?}: {}", r.err);
        assert!(
            r.err.contains("cannot write the output"),
            "{args:?}: {}",
            r.err
        );
    }
}

#[cfg(unix)]
#[test]
fn symlink_loops_and_fifos_in_a_directory() {
    let d = tmpdir("walk");
    std::fs::create_dir_all(d.join("sub")).unwrap();
    std::fs::copy(example("declaration-alarm-mid.json"), d.join("a.json")).unwrap();
    std::os::unix::fs::symlink("..", d.join("sub/u1")).unwrap();
    std::os::unix::fs::symlink("..", d.join("sub/u2")).unwrap();
    std::os::unix::fs::symlink("../a.json", d.join("sub/same.json")).unwrap();
    let fifo = d.join("b.json");
    let ok = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(ok.success());
    let r = gasdev(&["check", "--format", "json", &s(&d)], None);
    assert_eq!(r.code, 2, "the FIFO is an input error: {}", r.err);
    let v = r.json();
    let files: Vec<(String, Option<String>)> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["path"]
                    .as_str()
                    .unwrap()
                    .rsplit('/')
                    .next()
                    .unwrap()
                    .to_string(),
                f["error"]["name"].as_str().map(str::to_string),
            )
        })
        .collect();
    assert_eq!(
        files,
        [
            ("a.json".to_string(), None),
            (
                "b.json".to_string(),
                Some("INPUT_NOT_REGULAR_FILE".to_string())
            )
        ],
        "each file once (a link to a.json is the same file), the FIFO never opened"
    );
    assert_eq!(v["summary"]["products"], 1);
    assert_eq!(r.err.matches("already visited").count(), 2, "{}", r.err);
}

#[test]
fn endless_inputs_are_refused_fast_within_bounded_memory() {
    if !Path::new("/dev/zero").exists() {
        return;
    }
    let r = gasdev(&["check", "--format", "json", "/dev/zero"], None);
    assert_eq!(r.code, 2);
    assert_eq!(r.json()["files"][0]["error"]["name"], "INPUT_TOO_LARGE");
    let r = gasdev(
        &[
            "check",
            "--max-input-bytes",
            "1000",
            &example("catalogue.json"),
        ],
        None,
    );
    assert_eq!(r.code, 2);
    assert!(r.out().contains("INPUT_TOO_LARGE"), "{}", r.out());
    let r = gasdev(&["inspect", "--format", "json", "/dev/zero"], None);
    assert_eq!(r.code, 2);
    assert_eq!(r.json()["rejects"][0]["name"], "INPUT_LINE_TOO_LONG");
    let r = gasdev(&["decode", "/dev/zero"], None);
    assert_eq!(r.code, 2);
    assert!(r.err.contains("INPUT_TOO_LARGE"), "{}", r.err);
    // A line longer than the limit is rejected alone; the next line is still read.
    let mut long = vec![b'x'; 2 * 1024 * 1024];
    long.extend(b"\n88.111.1/x\n");
    let r = gasdev(&["ident", "-", "--format", "json"], Some(&long));
    assert_eq!(r.code, 2);
    assert!(r.err.contains("-:1: INPUT_LINE_TOO_LONG"), "{}", r.err);
    assert_eq!(r.json().as_array().unwrap().len(), 1);
}

#[test]
fn an_unterminated_quote_rejects_its_row_only() {
    let mut csv = vec![CSV_HEADER.to_string()];
    for i in 0..10_000 {
        let row = csv_row(&format!("H{i}"), "C");
        csv.push(if i == 20 { format!("\"{row}") } else { row });
    }
    let r = inspect_csv(&csv.join("\n"), "json");
    assert_eq!(r.code, 2);
    let v = r.json();
    assert_eq!(v["summary"]["households"], 9_999);
    assert_eq!(v["summary"]["rejected_rows"], 1);
    assert_eq!(v["rejects"][0]["name"], "CSV_UNTERMINATED_QUOTE");
    assert_eq!(v["rejects"][0]["line"], 22);
    // A row with too many fields: CSV_FIELD_COUNT, that row only.
    let csv = format!(
        "{CSV_HEADER}\n{},extra\n{}\n",
        csv_row("A", "C"),
        csv_row("B", "C")
    );
    let r = inspect_csv(&csv, "json");
    let v = r.json();
    assert_eq!((r.code, v["summary"]["households"].as_u64()), (2, Some(1)));
    assert_eq!(v["rejects"][0]["name"], "CSV_FIELD_COUNT");
}

#[test]
fn split_households_name_both_lines() {
    let csv = csv_of(&[("A", "C"), ("B", "C"), ("A", "C")]);
    let r = inspect_csv(&csv, "json");
    assert_eq!(r.code, 2);
    let v = r.json();
    let reject = &v["rejects"][0];
    assert_eq!(reject["name"], "CSV_HOUSEHOLD_SPLIT");
    assert_eq!(reject["line"], 4);
    assert!(
        reject["message"]["en"].as_str().unwrap().contains("line 2"),
        "{reject}"
    );
}

#[test]
fn csv_output_neutralises_formulas() {
    let csv = csv_of(&[
        ("=cmd|' /C calc'!A0", "+HYPERLINK(\"http://x\")"),
        ("@SUM(A1)", "-1+2"),
        ("N1", "-3"),
    ]);
    let r = inspect_csv(&csv, "csv");
    assert_eq!(r.code, 0, "{}", r.err);
    let out = r.out();
    let lines: Vec<&str> = out.lines().skip(1).collect();
    assert!(
        lines[0].starts_with("'=cmd|' /C calc'!A0,\"'+HYPERLINK(\"\"http://x\"\")\","),
        "{}",
        lines[0]
    );
    assert!(lines[1].starts_with("'@SUM(A1),'-1+2,"), "{}", lines[1]);
    // A plain number is left alone (a tab or CR first: `csv_field`'s unit test; input cells are trimmed).
    assert!(lines[2].starts_with("N1,-3,"), "{}", lines[2]);
}

#[test]
fn control_characters_never_reach_the_terminal() {
    let d = tmpdir("controls");
    let evil = "V\r\nFAKE: conformant\u{1b}]0;title\u{7}\u{0}|x";
    let mut decl: Value = serde_json::from_str(
        &std::fs::read_to_string(example("declaration-alarm-mid.json")).unwrap(),
    )
    .unwrap();
    decl["model"] = Value::String(evil.into());
    let p = d.join("evil.json");
    std::fs::write(&p, decl.to_string()).unwrap();
    for format in ["table", "markdown"] {
        let r = gasdev(&["check", "--format", format, &s(&p)], None);
        let out = r.out();
        assert_eq!(terminal_controls(&out), [] as [char; 0], "{format}: {out}");
        assert!(!out.lines().any(|l| l.starts_with("FAKE")), "{out}");
        assert!(out.contains("\\u{1b}"), "{out}");
    }
    // An identity frame whose model and firmware carry the same bytes.
    let frame = serde_json::json!({"seq": 6, "timestamp": 1656633840, "message": {
        "type": "identity", "kind": "leak_alarm", "tier": "mid", "capabilities": ["detects_methane"],
        "identifiers": [{"carrier": "module", "value": "88.111.1/GT-A100-000001"}],
        "model": evil, "firmware": "1.2\u{0}\u{9b}", "extensions": []}});
    let r = gasdev(&["encode", "-"], Some(frame.to_string().as_bytes()));
    assert_eq!(r.code, 0, "{}", r.err);
    let hex = r.out().trim().to_string();
    for format in ["table", "markdown"] {
        let r = gasdev(&["decode", "--format", format, &hex], None);
        assert_eq!(r.code, 0, "{}", r.err);
        assert_eq!(terminal_controls(&r.out()), [] as [char; 0], "{}", r.out());
        let r = gasdev(&["decode", "--stream", "--format", format, &hex], None);
        assert_eq!(terminal_controls(&r.out()), [] as [char; 0], "{}", r.out());
    }
    // Inspection households and communities in the table.
    let csv = format!("{CSV_HEADER}\n{}\n", csv_row("H\u{1b}[2J", "C\rFAKE"));
    let r = gasdev(
        &["inspect", "-", "--input-format", "csv", "--quiet"],
        Some(csv.as_bytes()),
    );
    assert_eq!(terminal_controls(&r.out()), [] as [char; 0], "{}", r.out());
    // Markdown table syntax from input is neutralised: every row keeps its column count.
    let r = gasdev(&["check", "--format", "markdown", &s(&p)], None);
    for line in r.out().lines().filter(|l| l.starts_with('|')) {
        let cells = line.replace("\\|", "").matches('|').count();
        assert!(
            cells == 5 || cells == 3 || cells == 6 || cells == 8,
            "{line}"
        );
    }
}

#[test]
fn streams_find_every_frame_and_packet() {
    let d = tmpdir("stream");
    let packet = unhex(PACKET);
    let mut bad = packet.clone();
    let n = bad.len();
    bad[n - 3] ^= 0xff;
    let three = [packet.clone(), bad.clone(), packet.clone()].concat();
    let p = d.join("three.bin");
    std::fs::write(&p, &three).unwrap();
    let r = gasdev(&["decode", "--stream", "--format", "json", &s(&p)], None);
    assert_eq!(r.code, 1);
    let v = r.json();
    let items = v.as_array().unwrap();
    assert_eq!(items.len(), 3);
    assert!(items[0]["packet"].is_object() && items[2]["packet"].is_object());
    assert_eq!(items[1]["error"]["error"], "GBT_BAD_CHECKSUM");
    assert_eq!(
        (items[1]["offset"].as_u64(), items[2]["offset"].as_u64()),
        (Some(78), Some(156))
    );

    let frame = unhex(FRAME);
    let mut at = b"@@".to_vec();
    for _ in 0..10 {
        at.extend(&frame);
    }
    let p = d.join("at.bin");
    std::fs::write(&p, &at).unwrap();
    let v = gasdev(&["decode", "--stream", "--format", "json", &s(&p)], None).json();
    let frames = v
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["frame"].is_object())
        .count();
    assert_eq!(frames, 10);

    // Mixed, in any order, with garbage between: each found with its protocol.
    let mixed = [
        b"xx".to_vec(),
        frame.clone(),
        b"junk".to_vec(),
        packet.clone(),
        frame.clone(),
        bad,
        b"@@zz".to_vec(),
        frame.clone(),
    ]
    .concat();
    let p = d.join("mixed.bin");
    std::fs::write(&p, &mixed).unwrap();
    let v = gasdev(&["decode", "--stream", "--format", "json", &s(&p)], None).json();
    let kinds: Vec<String> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            let k = ["frame", "packet", "error", "rejected", "skipped"]
                .into_iter()
                .find(|k| i.get(*k).is_some())
                .unwrap();
            format!("{}:{k}", i["offset"])
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "0:skipped",
            "2:frame",
            "63:skipped",
            "67:packet",
            "145:frame",
            "206:error",
            "284:rejected",
            "285:skipped",
            "288:frame"
        ]
    );

    // A 4 MB capture streams within the memory bound.
    let mut big = Vec::new();
    while big.len() < 4 << 20 {
        big.extend(&frame);
        big.extend(&packet);
        big.extend(b"noise");
    }
    let p = d.join("big.bin");
    std::fs::write(&p, &big).unwrap();
    let r = gasdev(&["decode", "--stream", "--format", "json", &s(&p)], None);
    assert_eq!(r.code, 1);
}

#[test]
fn declaration_with_a_gbt_packet_is_refused() {
    let r = gasdev(
        &[
            "decode",
            "--declaration",
            &example("declaration-alarm-mid.json"),
            PACKET,
        ],
        None,
    );
    assert_eq!(r.code, 2);
    assert!(
        r.err
            .contains("--declaration applies to libgasdev frames only"),
        "{}",
        r.err
    );
}

#[test]
fn ascii_hex_gbt_given_as_hex_is_decoded_like_the_file() {
    let text_hex: String = PACKET.bytes().map(|b| format!("{b:02x}")).collect();
    let r = gasdev(&["decode", "--lang", "en", &text_hex], None);
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(r.out().contains("input was ASCII-hex text"), "{}", r.out());
    let d = tmpdir("asciihex");
    let p = d.join("p.txt");
    std::fs::write(&p, PACKET).unwrap();
    let f = gasdev(&["decode", "--lang", "en", &s(&p)], None);
    assert_eq!((f.code, f.out()), (0, r.out()));
}

#[test]
fn concentrations_are_exact() {
    for (value, code) in [
        ("12345.678", 2),
        ("999999.999", 2),
        ("1000000.0049", 2),
        ("12.345", 2),
        ("1000000.01", 2),
        ("12345.67", 0),
        ("1000000", 0),
    ] {
        let doc = format!(
            r#"{{"seq":1,"timestamp":1656633600,"message":{{"type":"status","kind":"leak_alarm","alarm":{{"gas":"none","co":"none","preheat":false,"fault":false,"end_of_life":false,"self_test":false,"muted":false}},"valve":{{"state":"open","trip":null,"manual_reset_required":false}},"methane":{{"value":3.5,"unit":"pct_lel","lel_basis_pct_vol":5.0}},"carbon_monoxide":{{"value":{value},"unit":"ppm"}},"extensions":[]}}}}"#
        );
        let r = gasdev(&["encode", "--format", "json", "-"], Some(doc.as_bytes()));
        assert_eq!(r.code, code, "{value}: {}", r.err);
        if code == 2 {
            assert_eq!(r.json()["error"], "INPUT_BAD_CONCENTRATION", "{value}");
            assert!(
                r.err.contains("[message.carbon_monoxide]"),
                "{value}: {}",
                r.err
            );
        }
    }
}

#[test]
fn empty_inputs_are_input_empty() {
    let d = tmpdir("empty");
    let p = d.join("empty.jsonl");
    std::fs::write(&p, "").unwrap();
    for args in [
        vec!["inspect".to_string(), s(&p)],
        vec!["inspect".to_string(), "-".to_string()],
        vec![
            "inspect".to_string(),
            "-".to_string(),
            "--input-format".to_string(),
            "csv".to_string(),
        ],
        vec!["ident".to_string(), "-".to_string()],
        vec!["decode".to_string(), "-".to_string()],
        vec!["encode".to_string(), "-".to_string()],
    ] {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let r = gasdev(&args, Some(b""));
        assert_eq!(r.code, 2, "{args:?}");
        assert!(r.err.contains("INPUT_EMPTY"), "{args:?}: {}", r.err);
    }
    let q = d.join("empty.json");
    std::fs::write(&q, "").unwrap();
    let r = gasdev(&["check", "--format", "json", &s(&q)], None);
    assert_eq!(
        (r.code, r.json()["files"][0]["error"]["name"].as_str()),
        (2, Some("INPUT_EMPTY"))
    );
}

#[test]
fn errors_have_their_name_and_position() {
    let d = tmpdir("errors");
    let p = d.join("bad.json");
    std::fs::write(&p, b"{\n  \"model\": \"\xc3\xa9\xff\"}").unwrap();
    let r = gasdev(&["check", "--format", "json", &s(&p)], None);
    let e = &r.json()["files"][0]["error"];
    assert_eq!(
        (e["name"].as_str(), e["line"].as_u64(), e["column"].as_u64()),
        (Some("NOT_UTF8"), Some(2), Some(14))
    );

    let h = d.join("frame.hex");
    std::fs::write(&h, format!("# a status frame\n{FRAME}\n")).unwrap();
    let r = gasdev(&["decode", "--format", "json", &s(&h)], None);
    assert_eq!(r.code, 2);
    assert_eq!(r.json()["error"], "FRAME_BAD_HEX");

    let decl = d.join("decl.json");
    std::fs::write(
        &decl,
        "{\n  \"model\": \"X\",\n  \"kind\": \"leak_alarm\",\n  \"claimed_tier\": \"top\"\n}",
    )
    .unwrap();
    let r = gasdev(&["decode", "--declaration", &s(&decl), FRAME], None);
    assert_eq!(r.code, 2);
    assert!(r.err.contains("INPUT_UNKNOWN_VALUE"), "{}", r.err);
    assert!(
        r.err.contains("decl.json:4:") && r.err.contains("[claimed_tier]"),
        "{}",
        r.err
    );

    // An encoder range error names its field.
    let doc = r#"{"seq":1,"timestamp":1656633600,"message":{"type":"command","command":{"kind":"set_report_interval","seconds":0}}}"#;
    let r = gasdev(&["encode", "--format", "json", "-"], Some(doc.as_bytes()));
    assert_eq!(
        (r.code, r.json()["error"].as_str()),
        (1, Some("FRAME_BAD_FIELD"))
    );
    assert!(r.err.contains("[message.command]"), "{}", r.err);
}

#[test]
fn million_identifiers_stream() {
    // 200 000 lines: the old reader held every line and report (1.2 GB for 10^6); the memory
    // bound of every run (400 MiB of address space) fails the test if that comes back.
    let mut text = String::new();
    for i in 0..200_000 {
        text.push_str(&format!("88.111.1/GT-A100-{i:06}\n"));
    }
    let r = gasdev(&["ident", "-", "--format", "json"], Some(text.as_bytes()));
    assert_eq!(r.code, 0, "{}", r.err);
    assert_eq!(r.out().matches("\"valid\": true").count(), 200_000);
}

#[cfg(unix)]
#[test]
fn more_hostile_inputs() {
    // A file name with ESC and CR in a directory: the name is escaped in the report.
    let d = tmpdir("names");
    std::fs::copy(
        example("declaration-alarm-mid.json"),
        d.join("a\u{1b}[2J\rFAKE.json"),
    )
    .unwrap();
    let r = gasdev(&["check", &s(&d)], None);
    assert_eq!(terminal_controls(&r.out()), [] as [char; 0], "{}", r.out());
    assert!(
        r.out().contains("a\\u{1b}[2J\\u{d}FAKE.json"),
        "{}",
        r.out()
    );

    // 300 nested directories: the walk has no recursion to overflow.
    let deep = tmpdir("deep");
    let mut p = deep.clone();
    for _ in 0..300 {
        p = p.join("d");
    }
    std::fs::create_dir_all(&p).unwrap();
    std::fs::copy(example("declaration-alarm-mid.json"), p.join("x.json")).unwrap();
    let r = gasdev(&["check", "--format", "json", &s(&deep)], None);
    assert_eq!(r.json()["summary"]["files"], 1);

    // JSON lines: a 2 MiB line among good ones is rejected alone; NUL bytes and a bad UTF-8 line
    // are rejected with their line; the other records are inspected.
    let good = std::fs::read_to_string(example("inspections.jsonl")).unwrap();
    let first = good.lines().next().unwrap();
    let mut text = format!("{first}\n");
    text.push_str(&"x".repeat(2 << 20));
    text.push('\n');
    text.push_str("{\"household\":\"\u{0}\"}\n");
    let mut bytes = text.into_bytes();
    bytes.extend(b"\xff\xfe\n");
    bytes.extend(format!("{first}\r\n").as_bytes());
    let r = gasdev(&["inspect", "-", "--format", "json"], Some(&bytes));
    assert_eq!(r.code, 2);
    let v = r.json();
    assert_eq!(v["summary"]["households"], 2);
    let rejects: Vec<(u64, &str)> = v["rejects"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["line"].as_u64().unwrap(), r["name"].as_str().unwrap()))
        .collect();
    assert_eq!(rejects[0], (2, "INPUT_LINE_TOO_LONG"));
    assert_eq!(rejects[1].0, 3);
    assert_eq!(rejects[2], (4, "NOT_UTF8"));

    // CSV with a BOM and CRLF line ends reads like plain CSV.
    let csv = format!("\u{feff}{CSV_HEADER}\r\n{}\r\n", csv_row("A", "C"));
    let r = inspect_csv(&csv, "json");
    assert_eq!(
        (r.code, r.json()["summary"]["households"].as_u64()),
        (0, Some(1)),
        "{}",
        r.err
    );

    // Truncated and degenerate captures.
    for input in ["4744", "4040", "47440135", "404040404040"] {
        let r = gasdev(&["decode", "--stream", "--format", "json", input], None);
        assert_eq!(r.code, 1, "{input}");
        let r = gasdev(&["decode", "--format", "json", input], None);
        assert!(r.code == 1 || r.code == 2, "{input}: {}", r.code);
    }
}
