//! End-to-end tests of the `gasdev` binary on the bundled examples.

use std::process::Command;

use serde_json::Value;

fn gasdev(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_gasdev"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn json(args: &[&str]) -> (i32, Value) {
    let (code, out, _) = gasdev(args);
    (code, serde_json::from_str(&out).unwrap())
}

/// The text under `key` of every object of the array `v`.
fn strings<'a>(v: &'a Value, key: &str) -> Vec<&'a str> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|r| r[key].as_str().unwrap())
        .collect()
}

/// `gasdev check spec/examples/<file> --as-of 2026-06-01 <more>`.
fn check_example(file: &str, more: &[&str]) -> (i32, String, String) {
    let path = format!("spec/examples/{file}");
    gasdev(&[&["check", &path, "--as-of", "2026-06-01"][..], more].concat())
}

/// As [`check_example`], with its standard output read as JSON.
fn check_example_json(file: &str, more: &[&str]) -> (i32, Value) {
    let (code, out, _) = check_example(file, more);
    (code, serde_json::from_str(&out).unwrap())
}

#[test]
fn main_job_reports_per_clause_findings_in_both_languages() {
    let (code, zh, _) = check_example("catalogue.json", &[]);
    assert_eq!(
        code, 1,
        "the example catalogue has one non-conformant product on purpose"
    );
    assert!(
        zh.contains("ALM-3b") && zh.contains("未声明一氧化碳浓度检测功能"),
        "{zh}"
    );
    assert!(zh.contains("已移出（不计入）"));
    let (_, en, _) = check_example("catalogue.json", &["--lang", "en"]);
    assert!(en.contains("does not declare carbon monoxide detection"));
    assert!(en.contains("removed (excluded)"));
    let (_, md, _) = check_example("catalogue.json", &["--format", "markdown"]);
    assert!(md.starts_with("# 燃气安全装置符合性核查报告"));
    assert!(md.contains("| CAT-2 | ✘ 不符合 |"), "{md}");
}

#[test]
fn json_report_has_the_documented_keys() {
    let (code, v) = check_example_json("catalogue.json", &["--format", "json"]);
    assert_eq!(code, 1);
    assert_eq!(v["ruleset"], "nanchuan-2022");
    assert_eq!(v["as_of"], "2026-06-01");
    let file = &v["files"][0];
    assert_eq!(file["document"], "catalogue");
    let report = &file["report"];
    // The two removed vendors are excluded: their products are not checked.
    let vendors = report["vendors"].as_array().unwrap();
    assert_eq!(vendors.iter().filter(|v| v["excluded"] == true).count(), 2);
    let products = report["products"].as_array().unwrap();
    assert_eq!(products.len(), 18);
    for p in products {
        for key in [
            "model",
            "kind",
            "claimed_tier",
            "achieved_tier",
            "conformant",
            "findings",
        ] {
            assert!(p.get(key).is_some(), "product report lacks {key}");
        }
        for f in p["findings"].as_array().unwrap() {
            assert!(f["id"].is_string() && f["status"].is_string());
            assert!(f["reason"]["zh"].is_string() && f["reason"]["en"].is_string());
        }
    }
    let bad: Vec<&str> = products
        .iter()
        .filter(|p| p["conformant"] == false)
        .map(|p| p["model"].as_str().unwrap())
        .collect();
    assert_eq!(bad, ["JTM-NPRM100"]);
    let cat2 = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "CAT-2")
        .unwrap();
    assert_eq!(cat2["status"], "fail");
    assert_eq!(v["summary"]["products"], 18);
    assert_eq!(v["summary"]["conformant_products"], 17);
}

#[test]
fn a_batch_with_bad_files_reports_each_and_checks_the_rest() {
    let (code, v) = check_example_json("batch", &["--format", "json"]);
    assert_eq!(code, 2, "input errors win over failed findings");
    let files = v["files"].as_array().unwrap();
    assert_eq!(files.len(), 7);
    let names: Vec<&str> = files
        .iter()
        .map(|f| f["error"]["name"].as_str().unwrap_or("-"))
        .collect();
    assert_eq!(
        names,
        [
            "-",
            "INPUT_UNKNOWN_FIELD",
            "INPUT_UNKNOWN_VALUE",
            "INPUT_JSON_SYNTAX",
            "INPUT_EMPTY",
            "-",
            "INPUT_BAD_DATE"
        ]
    );
    assert_eq!(files[1]["error"]["field"], "capabilities.colects");
    assert_eq!(
        (
            files[1]["error"]["line"].as_u64(),
            files[1]["error"]["column"].as_u64()
        ),
        (Some(7), Some(13))
    );
    assert_eq!(files[0]["report"]["conformant"], true);
    assert_eq!(files[5]["report"]["conformant"], false);
    assert_eq!(v["summary"]["input_errors"], 5);
}

#[test]
fn missing_file_and_bad_arguments_are_input_errors() {
    let (code, _, _) = gasdev(&["check", "no/such/file.json", "--format", "json"]);
    assert_eq!(code, 2);
    let (code, _, err) = gasdev(&[
        "check",
        "spec/examples/catalogue.json",
        "--as-of",
        "2023-02-29",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("as-of"), "{err}");
    let (code, _, _) = gasdev(&["check"]);
    assert_eq!(code, 2);
    let (code, _, _) = gasdev(&["requirements", "--tier", "mid"]);
    assert_eq!(code, 2, "--tier needs --kind");
}

#[test]
fn conformant_declaration_exits_zero() {
    let (code, _, _) = check_example("declaration-alarm-mid.json", &[]);
    assert_eq!(code, 0);
}

#[test]
fn requirements_listing_filters_by_kind_and_tier() {
    let (code, v) = json(&[
        "requirements",
        "--kind",
        "self_closing_valve",
        "--tier",
        "low",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let ids = strings(&v["requirements"], "id");
    assert_eq!(
        ids,
        [
            "VLV-0a", "VLV-0b", "VLV-0c", "VLV-0d", "VLV-0e", "VLV-1", "VLV-2a", "CERT-1",
            "CERT-2", "CERT-3"
        ]
    );
    let (_, all) = json(&["requirements", "--format", "json"]);
    assert_eq!(
        all["requirements"].as_array().unwrap().len(),
        gasdev::requirements::ALL.len()
    );
    let (_, table, _) = gasdev(&["requirements", "--kind", "leak_alarm", "--lang", "en"]);
    assert!(
        table.contains("ALM-3b")
            && table.contains("Mid and high tiers also detect carbon monoxide")
    );
}

#[test]
fn inspect_reports_households_rejects_and_summary_identically_for_jsonl_and_csv() {
    let base = [
        "--catalogue",
        "spec/examples/catalogue.json",
        "--as-of",
        "2026-06-01",
        "--format",
        "json",
    ];
    let (code, jl) = json(&[&["inspect", "spec/examples/inspections.jsonl"][..], &base].concat());
    assert_eq!(code, 2, "six bad rows make it an input error");
    let (code, csv) = json(&[&["inspect", "spec/examples/inspections.csv"][..], &base].concat());
    assert_eq!(code, 2);
    assert_eq!(
        jl["households"], csv["households"],
        "CSV and JSON lines give the same reports"
    );
    assert_eq!(jl["summary"], csv["summary"]);
    let s = &jl["summary"];
    assert_eq!(
        (
            s["households"].as_u64(),
            s["compliant"].as_u64(),
            s["rejected_rows"].as_u64()
        ),
        (Some(26), Some(16), Some(6))
    );
    assert_eq!(s["overdue_obligations"], 7);
    assert_eq!(s["findings"]["removed_vendor"], 3);
    assert_eq!(s["findings"]["ambiguous_model"], 1);
    assert_eq!(s["findings"]["not_in_catalogue"], 3);
    assert_eq!(s["findings"]["gas_mismatch"], 1);
    assert_eq!(s["findings"]["hazard"], 4);
    assert_eq!(s["missing_required"]["cutoff_valve"], 2);
    assert_eq!(s["communities"]["商业街"]["non_compliant"], 5);
    let rejects: Vec<(u64, &str, &str)> = jl["rejects"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["line"].as_u64().unwrap(),
                r["name"].as_str().unwrap(),
                r["field"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rejects,
        [
            (27, "INPUT_UNKNOWN_VALUE", "profile.user_class"),
            (28, "INPUT_INVALID_VALUE", "profile.building_height_m"),
            (29, "INPUT_BAD_DATE", "profile.connection_date"),
            (30, "INPUT_UNKNOWN_VALUE", "profile.gas_supply"),
            (31, "INPUT_UNKNOWN_VALUE", "hazards[0]"),
            (32, "INPUT_INVALID_VALUE", "devices[0].sensor_end_of_life"),
        ]
    );
    let csv_lines: Vec<u64> = csv["rejects"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["line"].as_u64().unwrap())
        .collect();
    assert_eq!(
        csv_lines,
        [31, 32, 33, 34, 35, 36],
        "CSV line numbers count the header and the rows of several devices"
    );
    let csv_fields = strings(&csv["rejects"], "field");
    assert_eq!(
        csv_fields,
        [
            "user_class",
            "building_height_m",
            "connection_date",
            "gas_supply",
            "hazards",
            "sensor_end_of_life"
        ],
        "a CSV reject names the column"
    );
}

#[test]
fn inspect_with_declarations_checks_unlisted_models() {
    let (code, r) = json(&[
        "inspect",
        "spec/examples/inspections.jsonl",
        "--catalogue",
        "spec/examples/catalogue.json",
        "--declarations",
        "spec/examples/declarations",
        "--as-of",
        "2026-06-01",
        "--format",
        "json",
    ]);
    assert_eq!(code, 2);
    let f = &r["summary"]["findings"];
    assert_eq!(
        (
            f["off_catalogue_conformant"].as_u64(),
            f["off_catalogue_nonconformant"].as_u64(),
            f["off_catalogue_undeclared"].as_u64(),
            f["not_in_catalogue"].as_u64()
        ),
        (Some(1), Some(1), Some(1), None)
    );
    let (code, _, err) = gasdev(&[
        "inspect",
        "spec/examples/inspections.jsonl",
        "--declarations",
        "spec/examples",
    ]);
    assert_eq!(
        code, 2,
        "a catalogue among the declarations is an input error"
    );
    assert!(err.contains("INPUT_UNKNOWN_DOCUMENT"), "{err}");
}

#[test]
fn inspect_table_and_csv_outputs() {
    let (code, table, _) = gasdev(&[
        "inspect",
        "spec/examples/inspections.jsonl",
        "--as-of",
        "2026-06-01",
        "--lang",
        "en",
    ]);
    assert_eq!(code, 2);
    assert!(
        table.contains("NC-DC-0102")
            && table.contains("missing_required_device")
            && table.contains("overdue since 2022-12-31")
    );
    assert!(table.contains("Rejected rows (skipped)"));
    let (_, csv, summary) = gasdev(&[
        "inspect",
        "spec/examples/inspections.jsonl",
        "--as-of",
        "2026-06-01",
        "--format",
        "csv",
    ]);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some(
            "household,community,compliant,severity,code,clauses,device,kind,hazard,message,action"
        )
    );
    assert!(lines.any(|l| {
        l.starts_with("NC-SY-0003,商业街,false,fail,not_powered,INS-7,0,leak_alarm,,")
    }));
    assert!(summary.contains("户数: 26"), "{summary}");
}

#[test]
fn inspect_good_households_only_exits_zero() {
    let dir = std::env::temp_dir().join(format!("gasdev-inspect-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("ok.jsonl");
    std::fs::write(
        &path,
        "{\"household\":\"A\",\"profile\":{\"user_class\":\"residential\",\"connection\":\"new\",\"gas_supply\":\"piped_lpg\",\"building_height_m\":20},\"devices\":[{\"kind\":\"self_closing_valve\",\"identifier\":\"88.118.1/V-1\"}]}\n\n",
    )
    .unwrap();
    let (code, out, _) = gasdev(&[
        "inspect",
        path.to_str().unwrap(),
        "--as-of",
        "2026-06-01",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{out}");
    let (code, _, err) = gasdev(&["inspect", "no/such.jsonl"]);
    assert_eq!(code, 2);
    assert!(err.contains("no/such.jsonl"));
    std::fs::remove_dir_all(&dir).unwrap();
}
