//! Workbooks in and out: `gasdev inspect ledger.xlsx` gives what the same ledger gives as CSV,
//! malformed workbooks get their error and exit status, and `--format xlsx --output` writes the
//! sheets, headers and rows expected, with text never stored as a formula.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "integration test: a panic is a failing test"
)]

mod common;
mod workbooks;

use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx, open_workbook};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};
use serde_json::Value;

const AS_OF: &str = "2026-12-07";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gasdev-xlsx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// `gasdev --max-input-bytes SIZE+1 inspect FILE --as-of AS_OF`: FILE just within the limit.
fn inspect_within_size(f: &Path) -> Vec<String> {
    let size = std::fs::metadata(f).unwrap().len();
    [
        "--max-input-bytes",
        &(size + 1).to_string(),
        "inspect",
        f.to_str().unwrap(),
        "--as-of",
        AS_OF,
    ]
    .map(str::to_string)
    .to_vec()
}

/// A password-protected workbook: an OLE compound file, not a zip.
fn protected_workbook() -> PathBuf {
    let f = tmp("protected.xlsx");
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(4096, 0);
    std::fs::write(&f, ole).unwrap();
    f
}

fn run(args: &[&str]) -> (i32, String, String) {
    common::gasdev(args, None)
}

/// The example ledger's rows (header first), as the CSV holds them.
fn example_rows() -> Vec<Vec<String>> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_path(root().join("spec/examples/inspections.csv"))
        .unwrap();
    r.records()
        .map(|x| x.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// A one-sheet workbook of text cells (an empty cell is left out), dated 2025-01-01 so that
/// writing the same rows again gives the same bytes.
fn write_ledger(path: &Path, rows: &[Vec<String>]) {
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_ymd(2025, 1, 1).unwrap();
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let sheet = book.add_worksheet();
    sheet.set_name("台账").unwrap();
    for (r, row) in (0u32..).zip(rows) {
        for (c, cell) in (0u16..).zip(row) {
            if !cell.is_empty() {
                sheet.write_string(r, c, cell).unwrap();
            }
        }
    }
    book.save(path).unwrap();
}

fn inspect_json(file: &Path) -> (i32, Value, String) {
    let (code, out, err) = run(&[
        "inspect",
        file.to_str().unwrap(),
        "--as-of",
        AS_OF,
        "--format",
        "json",
    ]);
    let v = serde_json::from_str(&out).unwrap_or(Value::Null);
    (code, v, err)
}

#[test]
fn a_ledger_workbook_gives_the_csv_paths_json() {
    let xlsx = tmp("ledger.xlsx");
    write_ledger(&xlsx, &example_rows());
    let (csv_code, from_csv, _) = inspect_json(&root().join("spec/examples/inspections.csv"));
    let (code, from_xlsx, err) = inspect_json(&xlsx);
    assert_eq!(code, csv_code);
    assert_eq!(code, 2, "the example holds rejected rows");
    assert_eq!(from_xlsx["households"], from_csv["households"]);
    assert_eq!(from_xlsx["summary"], from_csv["summary"]);
    // Same rejects: sheet rows are the CSV's lines (the example has no blank line).
    assert_eq!(from_xlsx["rejects"], from_csv["rejects"]);
    assert_eq!(from_xlsx["summary"]["households"], 26);
    assert_eq!(from_xlsx["summary"]["rejected_rows"], 6);
    // Messages name the file, the sheet, the row, the error and the column.
    assert!(
        err.contains("ledger.xlsx[台账]:31: INPUT_UNKNOWN_VALUE [user_class]"),
        "{err}"
    );
}

#[test]
fn chinese_headers_are_aliases_and_errors_name_them() {
    let mut rows = example_rows();
    let zh = [
        ("household", "户号"),
        ("community", "小区"),
        ("user_class", "用户类别"),
        ("gas_supply", "气源"),
        ("device_kind", "装置类别"),
    ];
    for h in rows[0].iter_mut() {
        if let Some((_, z)) = zh.iter().find(|(e, _)| e == h) {
            *h = (*z).to_string();
        }
    }
    let xlsx = tmp("ledger-zh.xlsx");
    write_ledger(&xlsx, &rows);
    let (_, from_csv, _) = inspect_json(&root().join("spec/examples/inspections.csv"));
    let (code, v, err) = inspect_json(&xlsx);
    assert_eq!(code, 2);
    assert_eq!(v["households"], from_csv["households"]);
    assert_eq!(v["summary"], from_csv["summary"]);
    let reject = &v["rejects"][0];
    assert_eq!(reject["line"], 31);
    assert_eq!(reject["name"], "INPUT_UNKNOWN_VALUE");
    assert_eq!(reject["field"], "用户类别");
    assert!(err.contains("[用户类别]"), "{err}");
}

/// `spec/examples/inspections.xlsx` is the example ledger as a workbook, written from
/// `inspections.csv` by this test (`GASDEV_BLESS=1 cargo test -p gasdev-cli --test xlsx`), so it
/// cannot drift: its cells are the CSV's and it inspects to the CSV's JSON.
#[test]
fn the_example_workbook_is_the_example_csv() {
    let path = root().join("spec/examples/inspections.xlsx");
    if std::env::var_os("GASDEV_BLESS").is_some() {
        write_ledger(&path, &example_rows());
    }
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    assert_eq!(book.sheet_names(), ["台账"]);
    let cells: Vec<Vec<String>> = sheet_rows(&mut book, "台账")
        .iter()
        .map(|r| strings(r))
        .collect();
    assert_eq!(
        cells,
        example_rows(),
        "GASDEV_BLESS=1 rewrites the workbook"
    );
    let (_, from_csv, _) = inspect_json(&root().join("spec/examples/inspections.csv"));
    let (_, from_xlsx, _) = inspect_json(&path);
    assert_eq!(from_xlsx["households"], from_csv["households"]);
    assert_eq!(from_xlsx["rejects"], from_csv["rejects"]);
}

/// The aliases are the ledger's, not the workbook's: a CSV with Chinese headers reads the same.
#[test]
fn chinese_headers_in_csv_too() {
    let text = std::fs::read_to_string(root().join("spec/examples/inspections.csv")).unwrap();
    let (header, body) = text.split_once('\n').unwrap();
    let header = header
        .replacen("household", "户号", 1)
        .replacen("community", "小区", 1)
        .replacen("gas_supply", "气源", 1);
    let csv = tmp("ledger-zh.csv");
    std::fs::write(&csv, format!("{header}\n{body}")).unwrap();
    let (_, from_csv, _) = inspect_json(&root().join("spec/examples/inspections.csv"));
    let (code, v, _) = inspect_json(&csv);
    assert_eq!(code, 2);
    assert_eq!(v["households"], from_csv["households"]);
    assert_eq!(v["summary"], from_csv["summary"]);
    let gas = v["rejects"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["line"] == 34)
        .unwrap();
    assert_eq!(gas["field"], "气源");
}

#[test]
fn a_file_that_is_not_a_workbook_is_refused() {
    let f = tmp("not-a-zip.xlsx");
    std::fs::write(&f, "household,community\n").unwrap();
    let (code, out, err) = run(&["inspect", f.to_str().unwrap(), "--as-of", AS_OF]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("INPUT_NOT_WORKBOOK"), "{err}");
    // A zip that is not a workbook.
    let f = tmp("zip-not-workbook.xlsx");
    std::fs::write(&f, b"PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0").unwrap();
    let (code, _, err) = run(&["inspect", f.to_str().unwrap(), "--as-of", AS_OF]);
    assert_eq!(code, 2);
    assert!(err.contains("INPUT_NOT_WORKBOOK"), "{err}");
    let f = protected_workbook();
    let (code, _, err) = run(&["inspect", f.to_str().unwrap(), "--as-of", AS_OF]);
    assert_eq!(code, 2);
    assert!(err.contains("INPUT_NOT_WORKBOOK"), "{err}");
    assert!(err.contains("password-protected"), "{err}");
}

/// A zip whose parts unpack to more than 32 times the input limit is refused before it is
/// unpacked (4 MB of blanks deflate to a few KB).
#[test]
fn a_workbook_that_unpacks_too_far_is_too_large() {
    use std::io::Write;
    let f = tmp("bomb.xlsx");
    let mut z = zip::ZipWriter::new(std::fs::File::create(&f).unwrap());
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    z.start_file("xl/worksheets/sheet1.xml", opts).unwrap();
    z.write_all(&vec![b' '; 4 << 20]).unwrap();
    z.finish().unwrap();
    let args = inspect_within_size(&f);
    let (code, _, err) = run(&args.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(code, 2);
    assert!(err.contains("INPUT_TOO_LARGE"), "{err}");
    assert!(err.contains("unpacks to"), "{err}");
    // A catalogue workbook goes through the same checks.
    let mut args = inspect_within_size(&f);
    args[2] = "check".into();
    let (code, out, _) = run(&args.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(code, 2);
    assert!(out.contains("INPUT_TOO_LARGE"), "{out}");
}

#[test]
fn empty_and_header_only_workbooks_are_empty_input() {
    let f = tmp("empty.xlsx");
    let mut book = Workbook::new();
    book.add_worksheet();
    book.save(&f).unwrap();
    let (code, _, err) = run(&["inspect", f.to_str().unwrap(), "--as-of", AS_OF]);
    assert_eq!(code, 2);
    assert!(err.contains("INPUT_EMPTY"), "{err}");
    assert!(err.contains("has no header row"), "{err}");

    let f = tmp("header-only.xlsx");
    write_ledger(&f, &example_rows()[..1]);
    let (code, _, err) = run(&["inspect", f.to_str().unwrap(), "--as-of", AS_OF]);
    assert_eq!(code, 2);
    assert!(err.contains("INPUT_EMPTY"), "{err}");
    assert!(err.contains("no ledger rows"), "{err}");
}

/// A ledger of typed cells: numbers, a date cell, a date as a bare serial number.
#[test]
fn numbers_and_dates_in_cells() {
    let f = tmp("typed.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let header = [
        "household",
        "community",
        "user_class",
        "connection",
        "building_height_m",
        "gas_supply",
        "connection_date",
        "device_kind",
        "installed_on",
    ];
    for (c, h) in (0u16..).zip(header) {
        sheet.write_string(0, c, h).unwrap();
    }
    let date = Format::new().set_num_format("yyyy-mm-dd");
    // Row 2: a numeric household id and height, a real date cell: accepted.
    sheet.write_number(1, 0, 1001).unwrap();
    sheet.write_string(1, 1, "西城小区").unwrap();
    sheet.write_string(1, 2, "residential").unwrap();
    sheet.write_string(1, 3, "existing").unwrap();
    sheet.write_number(1, 4, 18).unwrap();
    sheet.write_string(1, 5, "piped_natural_gas").unwrap();
    let d = ExcelDateTime::parse_from_str("2020-05-01").unwrap();
    sheet.write_datetime_with_format(1, 6, &d, &date).unwrap();
    // Row 3: a number where an enumerated text is expected.
    sheet.write_number(2, 0, 1002).unwrap();
    sheet.write_number(2, 2, 3).unwrap();
    sheet.write_string(2, 3, "existing").unwrap();
    sheet.write_string(2, 5, "piped_natural_gas").unwrap();
    // Row 4: a date as a bare serial number (no date format).
    sheet.write_number(3, 0, 1003).unwrap();
    sheet.write_string(3, 2, "residential").unwrap();
    sheet.write_string(3, 3, "existing").unwrap();
    sheet.write_string(3, 5, "piped_natural_gas").unwrap();
    sheet.write_string(3, 7, "leak_alarm").unwrap();
    sheet.write_number(3, 8, 45_000).unwrap();
    book.save(&f).unwrap();

    let (code, v, _) = inspect_json(&f);
    assert_eq!(code, 2);
    assert_eq!(v["summary"]["households"], 1);
    assert_eq!(v["households"][0]["household"], "1001");
    assert_eq!(v["households"][0]["community"], "西城小区");
    let rejects = v["rejects"].as_array().unwrap();
    assert_eq!(rejects.len(), 2);
    assert_eq!(rejects[0]["line"], 3);
    assert_eq!(rejects[0]["name"], "INPUT_UNKNOWN_VALUE");
    assert_eq!(rejects[0]["field"], "user_class");
    assert_eq!(rejects[1]["line"], 4);
    assert_eq!(rejects[1]["name"], "INPUT_BAD_DATE");
    assert_eq!(rejects[1]["field"], "installed_on");

    // The date cell reached the core as a date: the same household in CSV gives the same report.
    let csv = tmp("typed.csv");
    std::fs::write(
        &csv,
        "household,community,user_class,connection,building_height_m,gas_supply,connection_date\n\
         1001,西城小区,residential,existing,18,piped_natural_gas,2020-05-01\n",
    )
    .unwrap();
    let (_, from_csv, _) = inspect_json(&csv);
    assert_eq!(v["households"][0], from_csv["households"][0]);
}

fn sheet_rows(book: &mut Xlsx<std::io::BufReader<std::fs::File>>, name: &str) -> Vec<Vec<Data>> {
    let range = book.worksheet_range(name).unwrap();
    range.rows().map(<[Data]>::to_vec).collect()
}

fn strings(row: &[Data]) -> Vec<String> {
    row.iter().map(ToString::to_string).collect()
}

#[test]
fn inspect_xlsx_output_has_its_sheets_and_formula_text_stays_text() {
    let mut rows = example_rows();
    // A hostile household id in the first row of a household with findings.
    let hostile = "=HYPERLINK(\"http://x.invalid\",\"点我\")";
    let (_, from_csv, _) = inspect_json(&root().join("spec/examples/inspections.csv"));
    let first = from_csv["households"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| !h["findings"].as_array().unwrap().is_empty())
        .unwrap()["household"]
        .as_str()
        .unwrap()
        .to_string();
    for r in rows.iter_mut().skip(1) {
        if r[0] == first {
            r[0] = hostile.to_string();
        }
    }
    let ledger = tmp("hostile.xlsx");
    write_ledger(&ledger, &rows);
    let out = tmp("report.xlsx");
    let (code, stdout, _) = run(&[
        "inspect",
        ledger.to_str().unwrap(),
        "--as-of",
        AS_OF,
        "--format",
        "xlsx",
        "--output",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "rows are rejected");
    assert!(stdout.is_empty());
    let (_, json, _) = inspect_json(&ledger);
    let findings: usize = json["households"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["findings"].as_array().unwrap().len())
        .sum();

    let mut book: Xlsx<_> = open_workbook(&out).unwrap();
    assert_eq!(
        book.sheet_names(),
        ["汇总", "问题", "小区排名", "拒收行", "图表"]
    );
    // The charts sheet: the three charts' tables (compliance by community in ranking order,
    // findings by code, overdue obligations by deadline) and three native bar charts.
    let charts = sheet_rows(&mut book, "图表");
    assert_eq!(strings(&charts[0])[..2], ["各小区合格率", "合格率"]);
    assert_eq!(strings(&charts[0])[6..8], ["逾期未装（按期限）", "数量"]);
    assert_eq!(strings(&charts[1])[6..8], ["2022-10-31", "4"]);
    let rejected = sheet_rows(&mut book, "拒收行");
    assert_eq!(strings(&rejected[0]), ["行", "错误", "字段", "说明"]);
    assert_eq!(rejected.len(), 1 + 6);
    assert_eq!(
        strings(&rejected[1])[..3],
        ["31", "INPUT_UNKNOWN_VALUE", "user_class"]
    );
    let summary = sheet_rows(&mut book, "汇总");
    assert_eq!(strings(&summary[0]), ["项目", "值"]);
    assert_eq!(strings(&summary[4]), ["户数", "26"]);
    let f = sheet_rows(&mut book, "问题");
    assert_eq!(
        strings(&f[0]),
        [
            "户号", "小区", "级别", "问题", "条款", "装置", "类别", "隐患", "说明", "处理"
        ]
    );
    assert_eq!(f.len(), findings + 1);
    let cell = f
        .iter()
        .find(|r| r[0].to_string().contains("HYPERLINK"))
        .map(|r| r[0].clone())
        .expect("the hostile household has findings");
    assert_eq!(cell, Data::String(format!("'{hostile}")));
    // No cell of any sheet is a formula.
    for name in ["汇总", "问题", "小区排名", "拒收行", "图表"] {
        let formulas = book.worksheet_formula(name).unwrap();
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "{name}"
        );
    }
    // The findings sheet's XML: frozen header row, filter over every row, widths, the fills.
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet2.xml").unwrap(),
        &mut xml,
    )
    .unwrap();
    assert!(
        xml.contains(r#"ySplit="1""#) && xml.contains(r#"state="frozen""#),
        "{xml}"
    );
    assert!(xml.contains(&format!(r#"<autoFilter ref="A1:J{}"/>"#, findings + 1)));
    assert!(xml.contains("customWidth=\"1\""));
    for n in 1..=3 {
        let chart = zip.by_name(&format!("xl/charts/chart{n}.xml")).unwrap();
        assert!(chart.size() > 0);
    }
    assert!(xml.contains("<conditionalFormatting"));
    assert!(
        xml.contains(r#"<formula>$C2="不合格"</formula>"#)
            && xml.contains(r#"<formula>$C2="注意"</formula>"#)
    );
    let ranking = sheet_rows(&mut book, "小区排名");
    assert_eq!(ranking.len(), 1 + 5, "five communities");
    assert_eq!(
        strings(&ranking[0]),
        [
            "名次",
            "小区",
            "户数",
            "合格",
            "不合格",
            "合格率",
            "逾期未装",
            "每百户不合格项"
        ]
    );
    // Ranked by compliance rate: the two communities without a failure come first.
    assert_eq!(ranking[1][5], Data::Float(1.0));
    assert_eq!(ranking[2][5], Data::Float(1.0));
}

#[test]
fn check_xlsx_output_and_usage_errors() {
    let out = tmp("check.xlsx");
    let cat = root().join("spec/examples/catalogue.json");
    let (code, stdout, _) = run(&[
        "check",
        cat.to_str().unwrap(),
        "--as-of",
        AS_OF,
        "--lang",
        "en",
        "--format",
        "xlsx",
        "--output",
        out.to_str().unwrap(),
    ]);
    let (json_code, json, _) = run(&[
        "check",
        cat.to_str().unwrap(),
        "--as-of",
        AS_OF,
        "--format",
        "json",
    ]);
    assert_eq!(code, json_code);
    assert!(stdout.is_empty());
    let json: Value = serde_json::from_str(&json).unwrap();
    let report = &json["files"][0]["report"];
    let findings = report["findings"].as_array().unwrap().len()
        + report["products"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["findings"].as_array().unwrap().len())
            .sum::<usize>();
    let mut book: Xlsx<_> = open_workbook(&out).unwrap();
    assert_eq!(book.sheet_names(), ["Summary", "Findings"]);
    let f = sheet_rows(&mut book, "Findings");
    assert_eq!(
        strings(&f[0]),
        [
            "file",
            "product/catalogue",
            "clause",
            "status",
            "field",
            "reason"
        ]
    );
    assert_eq!(f.len(), findings + 1);
    let s = sheet_rows(&mut book, "Summary");
    assert_eq!(
        strings(&s[1]),
        ["rule set", json["ruleset"].as_str().unwrap()]
    );

    // A workbook needs a file, never standard output; --output is for xlsx only.
    for args in [
        &["check", cat.to_str().unwrap(), "--format", "xlsx"][..],
        &[
            "check",
            cat.to_str().unwrap(),
            "--format",
            "xlsx",
            "--output",
            "-",
        ],
        &["check", cat.to_str().unwrap(), "--output", "x.xlsx"],
        &[
            "inspect",
            "spec/examples/inspections.csv",
            "--format",
            "xlsx",
        ],
    ] {
        let (code, stdout, err) = run(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(stdout.is_empty());
        assert!(err.contains("usage error"), "{err}");
    }
}
