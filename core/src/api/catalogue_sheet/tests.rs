//! Catalogue workbooks: round trips, cell errors, headers, and a property over any sheet.

use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use super::*;
use crate::Lang;
use crate::model::{Catalogue, Tier};

fn sheet<'a>(name: &str, rows: &[&[&'a str]]) -> Sheet<'a> {
    Sheet {
        name: name.into(),
        rows: rows
            .iter()
            .zip(1u64..)
            .map(|(r, n)| (n, r.iter().map(|t| Cell::Text(t)).collect()))
            .collect(),
    }
}

fn example() -> Catalogue {
    match parse_document(include_str!("../../../../spec/examples/catalogue.json")).unwrap() {
        Document::Catalogue(c) => *c,
        Document::Declaration(_) => panic!("a declaration"),
    }
}

/// The example catalogue as rows and back, in both languages: the same catalogue.
#[test]
fn rows_round_trip() {
    let c = example();
    for lang in [Lang::Zh, Lang::En] {
        let (header, rows) = catalogue_rows(&c, lang);
        let info = catalogue_info_rows(&c, lang);
        let mut data: Vec<Vec<&str>> = vec![header.iter().map(String::as_str).collect()];
        data.extend(
            rows.iter()
                .map(|r| r.iter().map(String::as_str).collect::<Vec<_>>()),
        );
        let data: Vec<&[&str]> = data.iter().map(Vec::as_slice).collect();
        let info: Vec<Vec<&str>> = info
            .iter()
            .map(|r| vec![r[0].as_str(), r[1].as_str()])
            .collect();
        let info: Vec<&[&str]> = info.iter().map(Vec::as_slice).collect();
        let read = catalogue_from_sheets(&[sheet("目录", &info), sheet("产品", &data)], "x");
        assert_eq!(read.rejects, []);
        let Some(Document::Catalogue(back)) = read.document else {
            panic!("no catalogue")
        };
        assert_eq!(*back, c, "{lang:?}");
    }
}

/// Two sheets (vendors, products); a bad cell rejects its row only, named by sheet, row,
/// column and header.
#[test]
fn two_sheets_and_cell_errors() {
    let vendors = sheet(
        "企业",
        &[
            &["企业名称", "统一社会信用代码", "状态"],
            &["甲公司", "91500119MA5UJF016Y", "listed"],
            &["乙公司", "not-a-code", "listed"],
        ],
    );
    let products = sheet(
        "产品",
        &[
            &[
                "企业名称",
                "产品型号",
                "类别",
                "声明档次",
                "产品价格",
                "检测气体",
            ],
            &[
                "甲公司",
                "A-1",
                "燃气泄漏报警装置",
                "中档",
                "168.00",
                "甲烷；一氧化碳",
            ],
            &["甲公司", "A-2", "leak_alarm", "mid", "12.345", "methane"],
            &["甲公司", "A-3", "leak_alarm", "middle", "1", "methane"],
            &["甲公司", "A-4", "self_closing_valve", "low", "", ""],
        ],
    );
    let read = catalogue_from_sheets(&[vendors, products], "目录清单.xlsx");
    let got: Vec<(&str, usize, usize, &str, &str)> = read
        .rejects
        .iter()
        .map(|r| {
            (
                r.sheet.as_str(),
                r.error.line,
                r.error.column,
                r.error.field.as_str(),
                r.error.name,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("企业", 3, 2, "统一社会信用代码", "INPUT_BAD_CREDIT_CODE"),
            ("产品", 3, 5, "产品价格", "INPUT_BAD_PRICE"),
            ("产品", 4, 4, "声明档次", "INPUT_UNKNOWN_VALUE"),
        ]
    );
    let Some(Document::Catalogue(c)) = read.document else {
        panic!("no catalogue")
    };
    assert_eq!(c.name, "目录清单.xlsx");
    let models: Vec<&str> = c.vendors[0]
        .products
        .iter()
        .map(|p| p.model.as_str())
        .collect();
    assert_eq!(models, ["A-1", "A-4"]);
    assert_eq!(c.vendors[0].products[0].capabilities.detects.len(), 2);
    assert_eq!(c.vendors[0].products[0].claimed_tier, Tier::Mid);
}

#[test]
fn header_errors() {
    let merged = sheet("S", &[&["企业名称", "", "类别"], &["x", "", "leak_alarm"]]);
    let r = catalogue_from_sheets(&[merged], "x");
    assert_eq!(r.rejects[0].error.name, "INPUT_UNKNOWN_FIELD");
    assert_eq!(r.rejects[0].error.column, 2);
    let unknown = sheet("S", &[&["企业名称", "颜色"]]);
    let r = catalogue_from_sheets(&[unknown], "x");
    assert_eq!(
        (r.rejects[0].error.name, r.rejects[0].error.field.as_str()),
        ("INPUT_UNKNOWN_FIELD", "颜色")
    );
    let no_vendor = sheet("S", &[&["产品型号"], &["A"]]);
    let r = catalogue_from_sheets(&[no_vendor], "x");
    assert_eq!(r.rejects[0].error.name, "INPUT_MISSING_FIELD");
    assert!(r.document.is_none());
    assert_eq!(r.rejects.last().unwrap().error.name, "INPUT_EMPTY");
}

/// Found by the property below: a row rejected for a product column without a model kept
/// nothing of its vendor (the vendor used to be created empty, and the catalogue failed).
#[test]
fn a_rejected_row_keeps_nothing() {
    let s = sheet(
        "S",
        &[
            &["model", "kind", "vendor", "claimed_tier"],
            &["", "leak_alarm", "甲公司"],
            &["A-1", "leak_alarm", "乙公司", "mid"],
        ],
    );
    let r = catalogue_from_sheets(&[s], "x");
    let got: Vec<(usize, usize, &str, &str)> = r
        .rejects
        .iter()
        .map(|e| {
            (
                e.error.line,
                e.error.column,
                e.error.field.as_str(),
                e.error.name,
            )
        })
        .collect();
    assert_eq!(got, [(2, 2, "kind", "INPUT_MISSING_FIELD")]);
    let Some(Document::Catalogue(c)) = r.document else {
        panic!("no catalogue")
    };
    let names: Vec<&str> = c.vendors.iter().map(|v| v.name.as_str()).collect();
    assert_eq!(names, ["乙公司"]);
}

#[test]
fn every_enumerated_column_has_its_choices() {
    for c in columns() {
        let enumerated = matches!(
            (c.part, c.key),
            (Part::Vendor, "status")
                | (Part::Removal, "reason")
                | (
                    Part::Product,
                    "kind" | "claimed_tier" | "use_case" | "identifiers"
                )
                | (
                    Part::Capabilities,
                    "detects"
                        | "collects"
                        | "transmits"
                        | "interlock"
                        | "notifies"
                        | "auto_close_on"
                )
        ) || c.shape == Shape::Bool;
        assert_eq!(!c.choices().is_empty(), enumerated, "{}", c.en);
    }
    // Headers are unique in both languages.
    let cs = columns();
    for (i, a) in cs.iter().enumerate() {
        for b in cs.iter().skip(i + 1) {
            assert!(a.en != b.en && a.zh != b.zh, "{} {}", a.en, b.en);
        }
    }
}

mod props {
    use super::*;
    use proptest::prelude::*;

    /// Header texts drawn from the real columns (both languages) and a few unknown ones.
    fn header_text() -> impl Strategy<Value = String> {
        let names: Vec<String> = columns()
            .into_iter()
            .flat_map(|c| [c.en, c.zh])
            .chain(["".into(), "颜色".into()])
            .collect();
        proptest::sample::select(names)
    }

    fn cell_text() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(String::new()),
            Just("甲公司".to_string()),
            Just("燃气泄漏报警装置".to_string()),
            Just("中档".to_string()),
            Just("2029-02-28".to_string()),
            Just("qr_code:88.118.1/x".to_string()),
            Just("91500119MA5UJF016Y".to_string()),
            "[\\PC;：:|]{0,12}",
        ]
    }

    proptest! {
        /// Any sheet of texts: no panic; every reject names a sheet given and, for a row, a
        /// row of that sheet and a column within the header; a catalogue comes with every
        /// vendor named.
        #[test]
        fn any_sheet_is_read_or_rejected_by_cell(
            header in proptest::collection::vec(header_text(), 1..8),
            rows in proptest::collection::vec(proptest::collection::vec(cell_text(), 0..9), 0..12),
        ) {
            let mut data: Vec<Vec<String>> = vec![header.clone()];
            data.extend(rows);
            let cells: Vec<(u64, Vec<Cell<'_>>)> = data
                .iter()
                .zip(1u64..)
                .map(|(r, n)| (n, r.iter().map(|t| Cell::Text(t)).collect()))
                .collect();
            let sheet = Sheet { name: "S".into(), rows: cells };
            let read = catalogue_from_sheets(&[sheet], "x");
            for r in &read.rejects {
                prop_assert!(r.sheet == "S" || r.sheet.is_empty());
                prop_assert!(r.error.line <= data.len());
                prop_assert!(r.error.column <= header.len().max(data.iter().map(Vec::len).max().unwrap_or(0)));
                prop_assert!(crate::ErrorCode::ALL.iter().any(|c| c.name() == r.error.name));
            }
            if let Some(Document::Catalogue(c)) = &read.document {
                prop_assert!(c.vendors.iter().all(|v| !v.name.is_empty()));
            }
        }
    }
}
