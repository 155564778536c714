//! The tables `core/build.rs` generates from `spec/errors.json` and `spec/requirements.json`,
//! compared field by field with the files as an independent reader (serde_json's `Value`) sees
//! them: a generator that drops, reorders or misspells a field fails here. Also: every plan clause
//! quotes the plan verbatim, every clause id of the reference is present, every interpretation
//! cited is written down.

use gasdev::ErrorCode;
use gasdev::requirements::{self, ALL};
use serde_json::Value;

fn spec(path: &str) -> Value {
    let full = format!("{}/../spec/{path}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{full}: {e}"))
}

#[test]
fn error_table_matches_spec() {
    let doc = spec("errors.json");
    let rows = doc["errors"].as_array().unwrap();
    let live: Vec<&Value> = rows.iter().filter(|r| r.get("retired").is_none()).collect();
    assert_eq!(live.len(), ErrorCode::ALL.len(), "number of live errors");
    for (row, code) in live.iter().zip(ErrorCode::ALL) {
        assert_eq!(row["name"], code.name(), "name of {code:?}");
        assert_eq!(
            row["code"],
            u64::from(code.code()),
            "number of {}",
            code.name()
        );
        assert_eq!(row["zh"], code.text().zh, "zh of {}", code.name());
        assert_eq!(row["en"], code.text().en, "en of {}", code.name());
        assert_eq!(ErrorCode::from_code(code.code()), Some(*code));
        assert_eq!(ErrorCode::from_name(code.name()), Some(*code));
    }
    // Numbers and names are unique, retired ones included.
    let mut names: Vec<&str> = rows.iter().map(|r| r["name"].as_str().unwrap()).collect();
    let mut codes: Vec<u64> = rows.iter().map(|r| r["code"].as_u64().unwrap()).collect();
    names.sort_unstable();
    codes.sort_unstable();
    let n = names.len();
    names.dedup();
    codes.dedup();
    assert_eq!(names.len(), n, "duplicate error name");
    assert_eq!(codes.len(), n, "duplicate error number");
}

#[test]
fn requirement_table_matches_spec() {
    let doc = spec("requirements.json");
    assert_eq!(doc["ruleset"], requirements::RULESET);
    assert_eq!(doc["version"], u64::from(requirements::RULESET_VERSION));
    let rows = doc["requirements"].as_array().unwrap();
    assert_eq!(rows.len(), ALL.len());
    for (row, req) in rows.iter().zip(ALL) {
        let obj = row.as_object().unwrap();
        let known = "id scope clause tiers check zh en source_text standards interpretation";
        for key in obj.keys() {
            assert!(
                known.split(' ').any(|k| k == key),
                "{}: unknown key {key}",
                req.id
            );
        }
        assert_eq!(row["id"], req.id);
        assert_eq!(row["scope"], req.scope.as_str(), "{}", req.id);
        assert_eq!(row["clause"], req.clause, "{}", req.id);
        assert_eq!(row["check"], req.check.as_str(), "{}", req.id);
        assert_eq!(row["zh"], req.text.zh, "{}", req.id);
        assert_eq!(row["en"], req.text.en, "{}", req.id);
        assert_eq!(
            row.get("source_text").and_then(Value::as_str),
            req.source_text,
            "{}",
            req.id
        );
        let tiers: Vec<&str> = req.tiers.iter().map(|t| t.as_str()).collect();
        assert_eq!(row["tiers"], serde_json::json!(tiers), "{}", req.id);
        let standards = row
            .get("standards")
            .cloned()
            .unwrap_or(serde_json::json!([]));
        assert_eq!(standards, serde_json::json!(req.standards), "{}", req.id);
        assert_eq!(
            row.get("interpretation").and_then(Value::as_str),
            req.interpretation,
            "{}",
            req.id
        );
    }
}

/// The text without white space.
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn every_plan_clause_quotes_its_source_verbatim() {
    let path = format!(
        "{}/../spec/sources/nanchuan-2022.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let source = squeeze(&std::fs::read_to_string(&path).unwrap());
    let mut quoted = 0;
    for req in ALL {
        let plan = ["ALM", "VLV", "CAT", "INS", "PLT"]
            .iter()
            .any(|a| req.id.starts_with(&format!("{a}-")));
        let Some(text) = req.source_text else {
            assert!(
                !plan,
                "{} derives from the plan but has no source_text",
                req.id
            );
            continue;
        };
        assert!(plan, "{}: only plan clauses quote the plan", req.id);
        for part in text.split("……") {
            assert!(
                source.contains(&squeeze(part)),
                "{}: source_text is not verbatim in spec/sources/nanchuan-2022.txt: {part}",
                req.id
            );
        }
        quoted += 1;
    }
    assert_eq!(quoted, 51, "plan clauses with a source_text");
}

#[test]
fn a_broken_quote_is_caught() {
    // The check above can fail: one changed character is not verbatim.
    let source = squeeze(
        "到2022年底，既有管道天然气居民用户中，老旧小区居民用户和生活困难用户全部安装使用安全自闭阀",
    );
    assert!(source.contains(&squeeze("老旧小区居民用户和生活困难用户")));
    assert!(!source.contains(&squeeze("老旧小区居民用户和生活困难群众用户")));
}

#[test]
fn every_clause_id_of_the_reference_is_present() {
    // requirements.md sections 1-3 (ALM, VLV, CAT) and 4-5 (INS, PLT).
    let expected = [
        "ALM-1a", "ALM-1b", "ALM-1c", "ALM-2a", "ALM-2b", "ALM-2c", "ALM-3a", "ALM-3b", "ALM-4",
        "ALM-5a", "ALM-5b", "ALM-6a", "ALM-6b", "ALM-6c", "ALM-7a", "ALM-7b", "VLV-0a", "VLV-0b",
        "VLV-0c", "VLV-0d", "VLV-0e", "VLV-1", "VLV-2a", "VLV-2b", "VLV-3", "VLV-4a", "VLV-4b",
        "CAT-1", "CAT-2", "CAT-3", "CAT-4", "CAT-5", "INS-1", "INS-2", "INS-3", "INS-4", "INS-5",
        "INS-6", "INS-7", "PLT-1", "PLT-2", "PLT-3", "PLT-4", "PLT-5",
    ];
    for id in expected {
        assert!(requirements::by_id(id).is_some(), "{id} missing");
    }
    let mut ids: Vec<&str> = ALL.iter().map(|r| r.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), ALL.len(), "duplicate requirement id");
}

#[test]
fn interpretations_are_written_down() {
    let path = format!("{}/../spec/interpretations.md", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).unwrap();
    for req in ALL {
        if let Some(int) = req.interpretation {
            assert!(
                text.contains(&format!("## {int}")),
                "{} cites {int}, not in interpretations.md",
                req.id
            );
        }
    }
}
