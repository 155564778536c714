//! End-to-end tests of `gasdev ident`: exit statuses, the JSON contract of `spec/identifiers.md`
//! §9, standard input, forced schemes and both languages.

mod common;

use common::gasdev;
use serde_json::Value;

fn json(args: &[&str], stdin: Option<&[u8]>) -> (i32, Vec<Value>) {
    let (code, out, err) = gasdev(args, stdin);
    let v: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out} {err}"));
    (code, v.as_array().unwrap().clone())
}

#[test]
fn all_valid_exits_0_with_the_json_contract() {
    let (code, v) = json(
        &[
            "ident",
            "--format",
            "json",
            "88.111.1/teleinfo.cn",
            "https://id.gs1.org/01/09521234543213/10/ABC123/21/12345",
        ],
        None,
    );
    assert_eq!(code, 0);
    assert_eq!(v.len(), 2);
    let a = &v[0];
    assert_eq!(a["input"], "88.111.1/teleinfo.cn");
    assert_eq!(a["valid"], true);
    assert_eq!(a["scheme"], "idis");
    assert_eq!(a["item"], true);
    assert_eq!(a["canonical"], "88.111.1/teleinfo.cn");
    assert_eq!(a["parts"]["prefix"], "88.111.1");
    assert_eq!(
        a["parts"]["prefix_segments"],
        serde_json::json!(["88", "111", "1"])
    );
    assert_eq!(a["parts"]["suffix"], "teleinfo.cn");
    assert_eq!(a["error"], Value::Null);
    let b = &v[1];
    assert_eq!(b["scheme"], "gs1_digital_link");
    assert_eq!(b["parts"]["key_type"], "gtin14");
    assert_eq!(b["parts"]["check_digit"], 3);
    assert_eq!(b["canonical"], "(01)09521234543213(10)ABC123(21)12345");
}

#[test]
fn some_invalid_exits_1_with_error_name_and_offset() {
    let (code, v) = json(
        &[
            "ident",
            "--format",
            "json",
            "6291041500214",
            "88..1/x",
            "foobar",
        ],
        None,
    );
    assert_eq!(code, 1);
    assert_eq!(v[0]["valid"], false);
    assert_eq!(v[0]["scheme"], "gs1");
    assert_eq!(v[0]["error"]["name"], "IDENT_BAD_CHECK_DIGIT");
    assert_eq!(v[0]["error"]["offset"], 12);
    assert_eq!(v[0]["error"]["expected_check_digit"], 3);
    assert_eq!(v[1]["error"]["name"], "IDENT_EMPTY_SEGMENT");
    assert_eq!(v[1]["error"]["offset"], 3);
    assert_eq!(v[2]["scheme"], Value::Null);
    assert_eq!(v[2]["error"]["name"], "IDENT_UNKNOWN_SCHEME");
    // Messages follow --lang (default Chinese).
    assert_eq!(v[0]["error"]["message"], "校验位错误");
}

#[test]
fn stdin_lines_with_crlf_blank_lines_and_bad_bytes() {
    let (code, v) = json(
        &["ident", "--format", "json", "-"],
        Some(b"88.111.1/x\r\n\n20.1000/112\n88.111.1/\xff\n"),
    );
    assert_eq!(code, 1);
    assert_eq!(v.len(), 3, "blank lines are skipped");
    assert_eq!(v[0]["valid"], true);
    assert_eq!(v[1]["scheme"], "handle");
    assert_eq!(v[2]["error"]["name"], "IDENT_NOT_UTF8");
    assert_eq!(v[2]["error"]["offset"], 9);
    assert_eq!(v[2]["input_hex"], "38382e3131312e312fff");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(gasdev(&["ident"], None).0, 2, "no identifiers");
    assert_eq!(gasdev(&["ident", "-"], Some(b"\n\n")).0, 2, "empty stdin");
    assert_eq!(gasdev(&["ident", "--scheme", "vaa", "x"], None).0, 2);
}

#[test]
fn forced_scheme_and_require_item() {
    let (code, v) = json(
        &[
            "ident",
            "--format",
            "json",
            "--scheme",
            "ecode",
            "10012345678",
        ],
        None,
    );
    assert_eq!(code, 0);
    assert_eq!(v[0]["scheme"], "ecode");
    assert_eq!(v[0]["flags"], serde_json::json!(["unverified"]));
    let (code, v) = json(
        &["ident", "--format", "json", "--require-item", "88.101.1304"],
        None,
    );
    assert_eq!(code, 1);
    assert_eq!(v[0]["error"]["name"], "IDENT_PREFIX_ONLY");
    let (code, v) = json(&["ident", "--format", "json", "88.101.1304"], None);
    assert_eq!(code, 0, "a prefix is valid without --require-item");
    assert_eq!(v[0]["item"], false);
}

#[test]
fn table_points_at_the_error_in_both_languages() {
    let (code, zh, _) = gasdev(&["ident", "88.1a1.1/x", "MA.156.1003.16291"], None);
    assert_eq!(code, 1);
    assert!(zh.contains("此处不允许该字符"), "{zh}");
    assert!(zh.contains("      ^ IDENT_BAD_CHAR"), "{zh}");
    assert!(zh.contains("仅检查结构"), "MA is flagged unverified: {zh}");
    let (_, en, _) = gasdev(&["ident", "--lang", "en", "88.1a1.1/x"], None);
    assert!(
        en.contains("character not allowed here (IDENT_BAD_CHAR at byte 4)"),
        "{en}"
    );
    let (_, md, _) = gasdev(&["ident", "--format", "markdown", "a|b/c"], None);
    assert!(md.contains("a\\|b/c"), "{md}");
}
