//! The binding's functions run natively (the same code the `.wasm` runs): every shared vector
//! case gives a result whose tag matches its `result`, and exact values for the binding's own
//! logic (input detection, hex text, options, error objects, dates).
#![expect(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "integration test: a panic is a failing test"
)]

use gasdev::model::Date;
use gasdev_wasm::api::{
    self, CheckOptions, DecodeOptions, DocArg, Expect, IdentOptions, Input, Protocol,
};
use serde_json::{Value, json};

fn parse(s: &str) -> Value {
    serde_json::from_str(s).unwrap()
}

fn vectors(name: &str) -> Vec<Value> {
    let path = format!("{}/../spec/vectors/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    v["tests"].as_array().unwrap().clone()
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

fn today() -> Date {
    Date::parse("2026-06-01").unwrap()
}

fn tag(r: &Value) -> &str {
    r["type"].as_str().unwrap()
}

fn check_tag(ctx: &str, result: &str, got: &[Value]) {
    let tags: Vec<&str> = got.iter().map(tag).collect();
    match result {
        "valid" => assert!(tags.iter().all(|t| *t == "ok"), "{ctx}: {got:?}"),
        "invalid" => assert!(tags.iter().all(|t| *t == "error"), "{ctx}: {got:?}"),
        "acceptable" => assert_eq!(tags, ["ok", "error"], "{ctx}"),
        other => panic!("{ctx}: result {other}"),
    }
}

#[test]
fn every_vector_case_has_the_expected_tag() {
    let mut n = 0;
    for c in vectors("identifiers") {
        let i = &c["input"];
        let input = if let Some(t) = i.get("text") {
            Input::Text(t.as_str().unwrap().to_owned())
        } else if let Some(h) = i.get("hex") {
            Input::Bytes(unhex(h.as_str().unwrap()))
        } else if let Some(h) = i.get("hex_repeat") {
            Input::Bytes(unhex(h.as_str().unwrap()).repeat(i["count"].as_u64().unwrap() as usize))
        } else {
            let mut s = String::new();
            for p in i["concat"].as_array().unwrap() {
                match p {
                    Value::String(t) => s.push_str(t),
                    o => s.push_str(
                        &o["repeat"]
                            .as_str()
                            .unwrap()
                            .repeat(o["count"].as_u64().unwrap() as usize),
                    ),
                }
            }
            Input::Text(s)
        };
        let opts = IdentOptions {
            scheme: i.get("scheme").map(|s| s.as_str().unwrap().to_owned()),
            require_item: i.get("require_item").is_some_and(|v| v.as_bool().unwrap()),
        };
        let r = parse(&api::parse_ident(input, opts).unwrap());
        let ctx = format!("identifiers#{}", c["tcId"]);
        check_tag(
            &ctx,
            c["result"].as_str().unwrap(),
            std::slice::from_ref(&r),
        );
        if let Some(e) = c["expected"].get("error") {
            assert_eq!(&r["error"]["name"], e, "{ctx}");
            assert_eq!(r["error"]["offset"], c["expected"]["offset"], "{ctx}");
        } else {
            assert_eq!(r["value"]["canonical"], c["expected"]["canonical"], "{ctx}");
        }
        n += 1;
    }
    for c in vectors("frames") {
        let i = &c["input"];
        let ctx = format!("frames#{}", c["tcId"]);
        let r = if let Some(s) = i.get("stream") {
            parse(&api::decode_stream(Input::Text(
                s.as_str().unwrap().to_owned(),
            )))
        } else {
            let opts = DecodeOptions {
                protocol: Protocol::Libgasdev,
                declaration: i.get("declaration").map(|d| d.to_string()),
                ..DecodeOptions::default()
            };
            let bytes = unhex(i["frame"].as_str().unwrap());
            let r = parse(&api::decode_frame(Input::Bytes(bytes), opts));
            if let Some(e) = c["expected"].get("error") {
                assert_eq!(&r["error"]["name"], e, "{ctx}");
                assert_eq!(r["error"]["offset"], c["expected"]["offset"], "{ctx}");
            } else if i.get("declaration").is_none() {
                assert_eq!(r["value"]["frame"], c["expected"], "{ctx}: frame JSON");
            }
            r
        };
        check_tag(&ctx, c["result"].as_str().unwrap(), &[r]);
        n += 1;
    }
    for c in vectors("gbt26875") {
        let i = &c["input"];
        let ctx = format!("gbt26875#{}", c["tcId"]);
        let got = if let Some(a) = i.get("answer") {
            vec![parse(
                &api::gbt_answer(
                    Input::Text(i["packet"].as_str().unwrap().to_owned()),
                    a.as_str().unwrap(),
                    i["time"].as_str().unwrap(),
                )
                .unwrap(),
            )]
        } else if let Some((what, req)) = ["alarm", "valve", "frame"]
            .iter()
            .find_map(|w| i.get(format!("map_{w}")).map(|r| (*w, r)))
        {
            vec![parse(&api::map_to_gbt(what, &req.to_string()).unwrap())]
        } else {
            let input = match i.get("hex_text") {
                Some(t) => Input::Text(t.as_str().unwrap().to_owned()),
                None => Input::Bytes(unhex(i["packet"].as_str().unwrap())),
            };
            let verify = i.get("verify_checksum").map(|v| v.as_bool().unwrap());
            [false, true]
                .iter()
                .map(|&strict| {
                    parse(&api::decode_frame(
                        input.clone(),
                        DecodeOptions {
                            protocol: Protocol::Gbt26875,
                            strict,
                            verify_checksum: verify,
                            declaration: None,
                        },
                    ))
                })
                .collect()
        };
        check_tag(&ctx, c["result"].as_str().unwrap(), &got);
        n += 1;
    }
    for (file, run) in [("declarations", true), ("installation", false)] {
        for c in vectors(file) {
            let i = &c["input"];
            let ctx = format!("{file}#{}", c["tcId"]);
            let doc = match (i.get("json"), i.get("document"), i.get("record")) {
                (Some(Value::String(t)), _, _) => DocArg(t.clone()),
                (_, Some(d), _) | (_, _, Some(d)) => DocArg(d.to_string()),
                _ => panic!("{ctx}: input"),
            };
            let opts = CheckOptions {
                as_of: Some(i["as_of"].as_str().unwrap().to_owned()),
                catalogue: i.get("catalogue").map(|c| DocArg(c.to_string())),
                declarations: i.get("declarations").map(|d| DocArg(d.to_string())),
            };
            let r = parse(&if run {
                api::check(doc, &opts, today(), Expect::Any)
            } else {
                api::inspect(doc, &opts, today())
            });
            if let Some(e) = c["expected"].get("error") {
                assert_eq!(&r["error"]["name"], e, "{ctx}");
                assert_eq!(r["error"]["field"], c["expected"]["field"], "{ctx}");
            } else if run {
                assert_eq!(
                    r["value"]["report"]["conformant"], c["expected"]["conformant"],
                    "{ctx}"
                );
            } else {
                assert_eq!(r["value"]["compliant"], c["expected"]["compliant"], "{ctx}");
            }
            check_tag(&ctx, c["result"].as_str().unwrap(), &[r]);
            n += 1;
        }
    }
    assert!(n >= 575, "{n} cases");
}

const FRAME: &str =
    "4744012001000162be390001010205000202010003070101f40000015e040502000004b0ed856dc8";

#[test]
fn decode_detects_the_protocol_and_reads_hex_with_spaces() {
    let spaced: String = FRAME
        .as_bytes()
        .chunks(4)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect::<Vec<_>>()
        .join(" \n");
    let r = parse(&api::decode_frame(
        Input::Text(spaced),
        DecodeOptions::default(),
    ));
    assert_eq!(r["value"]["protocol"], "libgasdev");
    assert_eq!(r["value"]["source"], "hex");
    assert_eq!(r["value"]["length"], 40);
    assert_eq!(r["value"]["hex"], FRAME);
    assert_eq!(r["value"]["frame"]["seq"], 1);
    assert_eq!(
        r["value"]["layout"][7],
        json!({"field": "crc", "offset": 36, "length": 4})
    );
    // The same bytes given raw, and as a capture file holding hex text.
    let r = parse(&api::decode_frame(
        Input::Bytes(unhex(FRAME)),
        DecodeOptions::default(),
    ));
    assert_eq!(r["value"]["source"], "bytes");
    let r = parse(&api::decode_frame(
        Input::Bytes(format!("{FRAME}\n").into_bytes()),
        DecodeOptions::default(),
    ));
    assert_eq!(r["value"]["source"], "hex");
    // GB/T 26875.3 by its start marker, in hex and raw.
    let gbt =
        "40 40 01 00 01 00 00 1E 0C 01 05 18 00 00 00 00 00 00 01 00 00 00 00 00 00 00 03 4E 23 23";
    let r = parse(&api::decode_frame(
        Input::Text(gbt.to_owned()),
        DecodeOptions::default(),
    ));
    assert_eq!(r["value"]["protocol"], "gbt26875");
    assert_eq!(r["value"]["packet"]["command_name"], "confirm");
}

#[test]
fn decode_errors_carry_name_offset_both_languages_and_bytes() {
    let r = parse(&api::decode_frame(
        Input::Text("4744 0G".into()),
        DecodeOptions::default(),
    ));
    assert_eq!(r["type"], "error");
    assert_eq!(r["error"]["name"], "FRAME_BAD_HEX");
    assert_eq!(r["error"]["code"], 217);
    assert_eq!(r["error"]["offset"], 6);
    assert!(
        r["error"]["message"]["zh"]
            .as_str()
            .unwrap()
            .contains("十六进制")
    );
    let mut bad = unhex(FRAME);
    bad[20] ^= 1;
    let r = parse(&api::decode_frame(
        Input::Bytes(bad.clone()),
        DecodeOptions::default(),
    ));
    assert_eq!(r["error"]["name"], "FRAME_BAD_CRC");
    assert_eq!(r["error"]["offset"], 36);
    assert_eq!(r["error"]["bytes"], api::hex(&bad));
    for empty in ["", "  \n"] {
        let r = parse(&api::decode_frame(
            Input::Text(empty.into()),
            DecodeOptions::default(),
        ));
        assert_eq!(r["error"]["name"], "INPUT_EMPTY");
    }
    // Garbage: never a panic, always an error, bytes echoed only for short inputs.
    let big = vec![0xa5u8; api::MAX_ECHO_BYTES + 1];
    let r = parse(&api::decode_frame(
        Input::Bytes(big),
        DecodeOptions::default(),
    ));
    assert_eq!(r["error"]["name"], "FRAME_BAD_MAGIC");
    assert!(r["error"].get("bytes").is_none());
}

#[test]
fn declaration_option_checks_the_frame_and_reports_bad_declarations() {
    let bad = DecodeOptions {
        declaration: Some("{\"model\": 1}".into()),
        ..DecodeOptions::default()
    };
    let r = parse(&api::decode_frame(Input::Text(FRAME.into()), bad));
    assert_eq!(r["error"]["name"], "INPUT_JSON_TYPE");
    assert_eq!(r["error"]["field"], "declaration.model");
}

#[test]
fn stream_merges_skips_and_counts_every_byte() {
    let data = format!("00ff{FRAME}{FRAME}1234");
    let r = parse(&api::decode_stream(Input::Text(data)));
    let v = &r["value"];
    assert_eq!(
        (v["frames"].as_u64(), v["skipped"].as_u64()),
        (Some(2), Some(4))
    );
    let items = v["items"].as_array().unwrap();
    assert_eq!(items[0], json!({"offset": 0, "length": 2, "skipped": 2}));
    assert_eq!(items[1]["offset"], 2);
    assert_eq!(items[2]["offset"], 42);
    let total: u64 = items.iter().map(|i| i["length"].as_u64().unwrap()).sum();
    assert_eq!(total, 84);
    assert_eq!(
        api::count_frames(&unhex(&format!("00ff{FRAME}{FRAME}1234"))),
        [2, 4, 0]
    );
}

#[test]
fn encode_round_trips_and_refuses_remote_opening() {
    let r = parse(&api::decode_frame(
        Input::Text(FRAME.into()),
        DecodeOptions::default(),
    ));
    let doc = DocArg(r["value"]["frame"].to_string());
    let e = parse(&api::encode_frame(doc));
    assert_eq!(e["value"], json!({"hex": FRAME, "length": 40}));
    let open = json!({"seq": 1, "timestamp": "unknown",
        "message": {"type": "command", "command": {"kind": "open_valve"}}});
    let e = parse(&api::encode_frame(DocArg(open.to_string())));
    assert_eq!(e["error"]["name"], "FRAME_FORBIDDEN_COMMAND");
    let e = parse(&api::encode_frame(DocArg("{\"seq\": 1,".into())));
    assert_eq!(e["error"]["name"], "INPUT_JSON_SYNTAX");
    assert_eq!(e["error"]["line"], 1);
}

#[test]
fn ident_options_and_misuse() {
    let r = parse(
        &api::parse_ident(
            Input::Text("88.111.1".into()),
            IdentOptions {
                scheme: None,
                require_item: true,
            },
        )
        .unwrap(),
    );
    assert_eq!(r["error"]["name"], "IDENT_PREFIX_ONLY");
    assert_eq!(r["error"]["offset"], 8);
    let r = parse(
        &api::parse_ident(
            Input::Bytes(vec![0x38, 0x38, 0xff]),
            IdentOptions::default(),
        )
        .unwrap(),
    );
    assert_eq!(r["type"], "error");
    let m = api::parse_ident(
        Input::Text("x".into()),
        IdentOptions {
            scheme: Some("isbn".into()),
            require_item: false,
        },
    );
    assert!(m.unwrap_err().0.contains("isbn"));
    assert!(api::gbt_answer(Input::Text(String::new()), "maybe", "2024-05-01T12:30:00").is_err());
    assert!(api::map_to_gbt("boiler", "{}").is_err());
    assert!(api::map_to_gbt("valve", r#"{"nonsense": 1}"#).is_err());
}

#[test]
fn checks_expect_their_document_kind_and_dates() {
    let cat = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../spec/examples/catalogue.json"
    ))
    .unwrap();
    let none = CheckOptions::default();
    let r = parse(&api::check(
        DocArg(cat.clone()),
        &none,
        today(),
        Expect::Declaration,
    ));
    assert_eq!(r["error"]["name"], "INPUT_UNKNOWN_DOCUMENT");
    let r = parse(&api::check(
        DocArg(cat.clone()),
        &none,
        today(),
        Expect::Catalogue,
    ));
    assert!(r["value"]["products"].is_array());
    let r = parse(&api::check(DocArg(cat), &none, today(), Expect::Any));
    assert_eq!(r["value"]["document"], "catalogue");
    assert_eq!(r["value"]["as_of"], "2026-06-01");
    let bad = CheckOptions {
        as_of: Some("2026-02-30".into()),
        catalogue: None,
        declarations: None,
    };
    let r = parse(&api::check(DocArg("{}".into()), &bad, today(), Expect::Any));
    assert_eq!(r["error"]["name"], "INPUT_BAD_DATE");
    assert_eq!(r["error"]["field"], "asOf");
    for garbage in ["", "\u{0}\u{1}binary", "[1,2]", "{\"model\": "] {
        let r = parse(&api::check(
            DocArg(garbage.into()),
            &none,
            today(),
            Expect::Any,
        ));
        assert_eq!(r["type"], "error", "{garbage:?}");
    }
}

#[test]
fn requirements_filter_like_the_cli() {
    let all = parse(&api::requirements(None, None));
    let low = parse(&api::requirements(Some("leak_alarm"), Some("low")));
    let n_all = all["value"]["requirements"].as_array().unwrap().len();
    let n_low = low["value"]["requirements"].as_array().unwrap().len();
    assert_eq!(n_all, gasdev::requirements::ALL.len());
    assert!(0 < n_low && n_low < n_all);
    assert_eq!(low["value"]["tier"], "low");
    let r = parse(&api::requirements(Some("boiler"), None));
    assert_eq!(
        (r["error"]["name"].as_str(), r["error"]["field"].as_str()),
        (Some("INPUT_UNKNOWN_VALUE"), Some("kind"))
    );
    let r = parse(&api::requirements(None, Some("low")));
    assert_eq!(r["error"]["name"], "INVALID_PARAMETER");
}

#[test]
fn dates_from_the_clock() {
    assert_eq!(api::date_from_unix_ms(0.0).to_string(), "1970-01-01");
    assert_eq!(
        api::date_from_unix_ms(1_656_633_600_000.0).to_string(),
        "2022-07-01"
    );
    assert_eq!(
        api::date_from_unix_ms(1_656_633_599_999.0).to_string(),
        "2022-06-30"
    );
    assert_eq!(api::date_from_unix_ms(f64::NAN), Date::MIN);
}

#[test]
fn generated_error_name_union_lists_every_error() {
    let ts = include_str!(concat!(env!("OUT_DIR"), "/error_names.d.ts"));
    for code in gasdev::ErrorCode::ALL {
        assert!(
            ts.contains(&format!("| \"{}\"", code.name())),
            "{} missing from ErrorName",
            code.name()
        );
    }
    assert_eq!(ts.matches("\n  | \"").count(), gasdev::ErrorCode::ALL.len());
}
