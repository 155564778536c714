//! Catalogue workbooks (`gasdev check catalogue.xlsx`, spec/workbooks.md) and the generated example
//! workbooks: `spec/examples/catalogue.xlsx` (from `catalogue.json`) and
//! `spec/examples/catalogue-template.xlsx` are written by the core (`GASDEV_BLESS=1` rewrites
//! them) and must equal what the core writes now, so they never drift; a workbook read back gives
//! the same catalogue and the same report as the JSON; malformed workbooks and cells get their
//! error by sheet, row, column and header, and the other rows go on. Ledger workbooks: merged
//! header cells, formula cells, and 10⁶ rows streamed (ignored in the quick suite, run by
//! scripts/test-all). A module of `tests/xlsx.rs`, whose helpers it shares.

use std::io::Read;
use std::path::Path;

use gasdev::Lang;
use gasdev::api::render::{catalogue_template, catalogue_workbook, ledger_template};
use gasdev::api::{Document, parse_document};
use gasdev::model::Catalogue;
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};
use serde_json::Value;

use super::{AS_OF, protected_workbook, root, run, tmp};

/// Text cells from (`row`, `col`) on, one slice per row; an empty text leaves its cell empty.
fn texts(sheet: &mut rust_xlsxwriter::Worksheet, row: u32, col: u16, rows: &[&[&str]]) {
    for (r, cells) in (row..).zip(rows) {
        for (c, t) in (col..).zip(*cells) {
            if !t.is_empty() {
                sheet.write_string(r, c, *t).unwrap();
            }
        }
    }
}

/// `gasdev check FILE`: its exit status and its report with standard error (the table report
/// shows input errors in place).
fn check(file: &Path) -> (i32, String) {
    let (code, out, err) = run(&["check", file.to_str().unwrap(), "--as-of", AS_OF]);
    (code, out + &err)
}

fn example() -> Catalogue {
    let text = std::fs::read_to_string(root().join("spec/examples/catalogue.json")).unwrap();
    match parse_document(&text).unwrap() {
        Document::Catalogue(c) => *c,
        Document::Declaration(_) => panic!("a declaration"),
    }
}

/// `bytes` equal the committed file at `path` (rewritten first under `GASDEV_BLESS=1`).
fn blessed(path: &str, bytes: &[u8]) {
    let path = root().join(path);
    if std::env::var_os("GASDEV_BLESS").is_some() {
        std::fs::write(&path, bytes).unwrap();
    }
    let committed = std::fs::read(&path).unwrap_or_default();
    assert!(
        committed == bytes,
        "{} is stale: regenerate with GASDEV_BLESS=1 cargo test -p gasdev-cli --test xlsx",
        path.display()
    );
}

#[test]
fn example_workbooks_are_current() {
    blessed(
        "spec/examples/catalogue.xlsx",
        &catalogue_workbook(&example(), Lang::Zh).unwrap(),
    );
    blessed(
        "spec/examples/catalogue-template.xlsx",
        &catalogue_template(Lang::Zh).unwrap(),
    );
    blessed(
        "spec/examples/inspections-template.xlsx",
        &ledger_template(Lang::Zh).unwrap(),
    );
}

/// The XML of a workbook's sheet part.
fn sheet_xml(f: &Path, sheet: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(f).unwrap()).unwrap();
    let mut xml = String::new();
    zip.by_name(sheet)
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

/// The ledger template: the ledger's Chinese header, no row yet (INPUT_EMPTY), drop-down lists on
/// the enumerated columns, input messages on the list columns.
#[test]
fn the_ledger_template_is_empty_with_validation_lists() {
    let f = root().join("spec/examples/inspections-template.xlsx");
    let (code, out, err) = run(&["inspect", f.to_str().unwrap(), "--as-of", AS_OF]);
    assert_eq!(code, 2);
    assert!(
        err.contains("INPUT_EMPTY") && err.contains("no ledger rows"),
        "{out}{err}"
    );
    let xml = sheet_xml(&f, "xl/worksheets/sheet1.xml");
    // user_class, connection, unit_category, gas_supply, device_kind and the 10 yes/no columns.
    assert_eq!(xml.matches("type=\"list\"").count(), 15, "{xml}");
    // The lists offer the values' Chinese names, which the ledger reads as the machine names.
    assert!(xml.contains("管道天然气,管道液化石油气,瓶装液化石油气"));
    assert!(xml.contains("单位用户,居民用户"));
    assert!(xml.contains("是,否"));
    assert!(xml.contains("甲烷; 一氧化碳; 丙烷/液化石油气"));
}

fn check_json(file: &Path) -> (i32, Value, String) {
    let (code, out, err) = run(&[
        "check",
        file.to_str().unwrap(),
        "--as-of",
        AS_OF,
        "--format",
        "json",
    ]);
    (code, serde_json::from_str(&out).unwrap_or(Value::Null), err)
}

/// The example workbook (Chinese) and an English one give the JSON catalogue's report.
#[test]
fn a_catalogue_workbook_gives_the_json_report() {
    let (json_code, from_json, _) = check_json(&root().join("spec/examples/catalogue.json"));
    let en = tmp("catalogue-en.xlsx");
    std::fs::write(&en, catalogue_workbook(&example(), Lang::En).unwrap()).unwrap();
    for book in [root().join("spec/examples/catalogue.xlsx"), en] {
        let (code, v, err) = check_json(&book);
        assert_eq!(code, json_code, "{err}");
        assert_eq!(v["files"].as_array().unwrap().len(), 1, "{err}");
        assert_eq!(v["files"][0]["report"], from_json["files"][0]["report"]);
        assert_eq!(v["summary"], from_json["summary"]);
    }
    // The table report too, but for the file's name.
    let table = |f: &str| {
        let (_, out, _) = run(&["check", f, "--as-of", AS_OF, "--lang", "en"]);
        out.replace(f, "FILE")
    };
    let json = root().join("spec/examples/catalogue.json");
    let xlsx = root().join("spec/examples/catalogue.xlsx");
    assert_eq!(table(json.to_str().unwrap()), table(xlsx.to_str().unwrap()));
}

/// The template has no vendor row yet (INPUT_EMPTY) and validation lists on its enumerated
/// columns.
#[test]
fn the_template_is_empty_with_validation_lists() {
    let f = root().join("spec/examples/catalogue-template.xlsx");
    let (code, err) = check(&f);
    assert_eq!(code, 2);
    assert!(err.contains("INPUT_EMPTY"), "{err}");
    let xml = sheet_xml(&f, "xl/worksheets/sheet2.xml");
    // 类别, 声明档次, 状态, 移出原因, 使用场所 and the three yes/no columns: lists; the list
    // columns: input messages.
    assert_eq!(xml.matches("type=\"list\"").count(), 8, "{xml}");
    assert!(xml.contains("燃气泄漏报警装置,安全自闭阀"));
    assert!(xml.contains("低档,中档,高档"));
    assert!(xml.contains("是,否"));
    assert!(xml.contains("甲烷; 一氧化碳; 丙烷/液化石油气"));
}

/// Two sheets (vendors, products) with bad cells: each rejected row is named by file, sheet, row,
/// column and header; the other rows are checked.
#[test]
fn two_sheets_and_bad_cells() {
    let f = tmp("two-sheets.xlsx");
    let mut book = Workbook::new();
    let v = book.add_worksheet();
    v.set_name("企业").unwrap();
    texts(
        v,
        0,
        0,
        &[
            &["企业名称", "统一社会信用代码", "联系方式"],
            &["甲公司（虚构）", "91500119MA5UJF016Y", "023-0000"],
            &["乙公司（虚构）", "not-a-code", "023-0001"],
        ],
    );
    let p = book.add_worksheet();
    p.set_name("产品").unwrap();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let a = "甲公司（虚构）";
    let alarm = "燃气泄漏报警装置";
    texts(
        p,
        0,
        0,
        &[
            &[
                "企业名称",
                "产品型号",
                "类别",
                "声明档次",
                "产品价格",
                "计量器具型式批准证书有效期至",
            ],
            &[a, "A-1", alarm, "中档", "168.00"],
            &[a, "A-2", alarm, "中档", "一百元"],
            &[a, "A-3", alarm, "中等", "168"],
            &[a, "A-4", "安全自闭阀", "low", "99"],
        ],
    );
    // A date cell is a date; a bare serial number in a date column is INPUT_BAD_DATE.
    let d = ExcelDateTime::parse_from_str("2029-02-28").unwrap();
    p.write_datetime_with_format(1, 5, &d, &date).unwrap();
    p.write_number(4, 5, 47_177).unwrap();
    // A formula cell is read as its value.
    p.write_formula(1, 4, Formula::new("=100+68").set_result("168"))
        .unwrap();
    book.save(&f).unwrap();

    let (code, v, err) = check_json(&f);
    assert_eq!(code, 2, "{err}");
    let name = f.display().to_string();
    let errors: Vec<(String, u64, u64, String, String)> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| !x["error"].is_null())
        .map(|x| {
            let e = &x["error"];
            (
                x["path"].as_str().unwrap().replace(&name, "F"),
                e["line"].as_u64().unwrap(),
                e["column"].as_u64().unwrap(),
                e["field"].as_str().unwrap().to_string(),
                e["name"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let e = |s: &str, r, c, f: &str, n: &str| (s.to_string(), r, c, f.to_string(), n.to_string());
    assert_eq!(
        errors,
        [
            e("F[企业]", 3, 2, "统一社会信用代码", "INPUT_BAD_CREDIT_CODE"),
            e("F[产品]", 3, 5, "产品价格", "INPUT_BAD_PRICE"),
            e("F[产品]", 4, 4, "声明档次", "INPUT_UNKNOWN_VALUE"),
            e(
                "F[产品]",
                5,
                6,
                "计量器具型式批准证书有效期至",
                "INPUT_BAD_DATE"
            ),
        ]
    );
    let files = v["files"].as_array().unwrap();
    let report = &files.last().unwrap()["report"];
    let products = report["products"].as_array().unwrap();
    let models: Vec<&str> = products
        .iter()
        .map(|p| p["model"].as_str().unwrap())
        .collect();
    assert_eq!(models, ["A-1"]);
    assert!(
        err.contains("[产品]:3:5: INPUT_BAD_PRICE [产品价格]"),
        "{err}"
    );
}

/// A merged header cell leaves a column without a header: refused by its column, in a catalogue
/// and in a ledger. A formula cell in a ledger is read as its value.
#[test]
fn merged_headers_and_formulas() {
    let f = tmp("merged.xlsx");
    let mut book = Workbook::new();
    let s = book.add_worksheet();
    s.merge_range(0, 0, 0, 1, "企业名称", &Format::new())
        .unwrap();
    texts(s, 0, 2, &[&["产品型号"], &["A-1"]]);
    texts(s, 1, 0, &[&["甲公司"]]);
    book.save(&f).unwrap();
    let (code, err) = check(&f);
    assert_eq!(code, 2);
    assert!(err.contains(":1:2: INPUT_UNKNOWN_FIELD"), "{err}");
    assert!(err.contains("merged header cell"), "{err}");

    let f = tmp("ledger-merged.xlsx");
    let mut book = Workbook::new();
    let s = book.add_worksheet();
    s.merge_range(0, 0, 0, 1, "household", &Format::new())
        .unwrap();
    texts(s, 0, 2, &[&["user_class", "connection", "gas_supply"]]);
    texts(s, 1, 0, &[&["H1"]]);
    book.save(&f).unwrap();
    let (code, out, _) = run(&["inspect", f.to_str().unwrap(), "--as-of", AS_OF]);
    assert_eq!(code, 2);
    assert!(out.contains("INPUT_UNKNOWN_FIELD"), "{out}");
    assert!(out.contains("column 2 has no header"), "{out}");

    let f = tmp("ledger-formula.xlsx");
    let mut book = Workbook::new();
    let s = book.add_worksheet();
    texts(
        s,
        0,
        0,
        &[
            &["household", "user_class", "connection", "gas_supply"],
            &["", "residential", "existing", "piped_natural_gas"],
        ],
    );
    s.write_formula(1, 0, Formula::new("=\"H\"&1").set_result("H1"))
        .unwrap();
    book.save(&f).unwrap();
    let (code, v, err) = super::inspect_json(&f);
    assert!(code < 2, "{err}");
    assert_eq!(v["households"][0]["household"], "H1");
}

/// Not a zip, an OLE (password-protected) file: INPUT_NOT_WORKBOOK for `check` as for `inspect`.
#[test]
fn a_file_that_is_not_a_workbook_is_refused_by_check() {
    let f = tmp("not-a-zip.xlsx");
    std::fs::write(&f, "{}").unwrap();
    let (code, err) = check(&f);
    assert_eq!(code, 2);
    assert!(err.contains("INPUT_NOT_WORKBOOK"), "{err}");
    let (code, err) = check(&protected_workbook());
    assert_eq!(code, 2);
    assert!(err.contains("password-protected"), "{err}");
}

/// A minimal workbook of `rows` rows of inline-string cells, its sheet XML written row by row
/// into the zip (a writer holding 6·10⁶ cells would need far more memory than the reader tested).
fn write_streamed_sheet(path: &Path, rows: u32, row: impl Fn(u32) -> Vec<String>) {
    use std::io::Write;
    let mut z = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let parts = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ),
    ];
    for (name, text) in parts {
        z.start_file(name, opts).unwrap();
        z.write_all(text.as_bytes()).unwrap();
    }
    z.start_file("xl/worksheets/sheet1.xml", opts).unwrap();
    let mut w = std::io::BufWriter::new(&mut z);
    w.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#).unwrap();
    for r in 0..rows {
        write!(w, "<row r=\"{}\">", r + 1).unwrap();
        for (c, text) in (b'A'..).zip(row(r)) {
            write!(
                w,
                "<c r=\"{}{}\" t=\"inlineStr\"><is><t>{text}</t></is></c>",
                char::from(c),
                r + 1
            )
            .unwrap();
        }
        w.write_all(b"</row>").unwrap();
    }
    w.write_all(b"</sheetData></worksheet>").unwrap();
    drop(w);
    z.finish().unwrap();
}

/// Run the CLI with standard output discarded: its exit status, its standard error and, when
/// `/usr/bin/time -v` is there, its peak resident set size in KiB.
fn run_measured(args: &[&str]) -> (i32, String, Option<u64>) {
    let time = Path::new("/usr/bin/time");
    let mut cmd = if time.exists() {
        let mut c = std::process::Command::new(time);
        c.arg("-v").arg(env!("CARGO_BIN_EXE_gasdev"));
        c
    } else {
        std::process::Command::new(env!("CARGO_BIN_EXE_gasdev"))
    };
    let out = cmd
        .args(args)
        .stdout(std::process::Stdio::null())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    let kib = err
        .lines()
        .find_map(|l| {
            l.trim()
                .strip_prefix("Maximum resident set size (kbytes): ")
        })
        .and_then(|k| k.trim().parse().ok());
    (out.status.code().unwrap_or(-1), err, kib)
}

/// 10⁶ ledger rows in a workbook: every row read, and the peak memory far below what the sheet's
/// cells would take in a grid (10⁶ × 6 cells × 32 bytes = 192 MB before any text) — the cells are
/// streamed. Slow: scripts/test-all runs it with `--ignored`.
#[test]
#[ignore = "10^6 rows: scripts/test-all runs it explicitly"]
fn a_million_ledger_rows_stream_in_bounded_memory() {
    const ROWS: u32 = 1_000_000;
    let f = tmp("million.xlsx");
    let communities = ["东城小区", "西城小区", "商业街", "金山湖小区"];
    let header = [
        "household",
        "community",
        "user_class",
        "connection",
        "gas_supply",
        "device_kind",
    ];
    write_streamed_sheet(&f, ROWS + 1, |r| {
        if r == 0 {
            return header.map(str::to_string).to_vec();
        }
        vec![
            format!("H{r:07}"),
            communities[(r % 4) as usize].to_string(),
            "residential".into(),
            "existing".into(),
            "piped_natural_gas".into(),
            "leak_alarm".into(),
        ]
    });
    let size = std::fs::metadata(&f).unwrap().len();
    let mut args = super::inspect_within_size(&f);
    args.extend(["--format", "csv", "--lang", "en"].map(str::to_string));
    let (code, err, kib) = run_measured(&args.iter().map(String::as_str).collect::<Vec<_>>());
    std::fs::remove_file(&f).unwrap();
    assert!(code < 2, "{err}");
    assert!(err.contains("households: 1000000"), "{err}");
    eprintln!("10^6 ledger rows: workbook {size} bytes, peak RSS {kib:?} KiB");
    if let Some(kib) = kib {
        assert!(kib < 160 * 1024, "peak RSS {kib} KiB");
    }
}

/// spec/workbooks.md names every column of the core's table in both languages, and every value
/// of every enumerated column.
#[test]
fn the_spec_lists_every_column() {
    let spec = std::fs::read_to_string(root().join("spec/workbooks.md")).unwrap();
    for c in gasdev::api::catalogue_sheet::columns() {
        assert!(spec.contains(&format!("`{}`", c.en)), "{}", c.en);
        assert!(spec.contains(&c.zh), "{}", c.zh);
        for choice in c.choices() {
            if c.shape != gasdev::api::catalogue_sheet::Shape::Bool {
                assert!(
                    spec.contains(&format!("`{}`", choice.name)),
                    "{}",
                    choice.name
                );
            }
        }
    }
}

/// `gasdev inspect --format markdown --output FILE.md`: the report, and its three SVG charts in
/// `FILE.charts/` linked from it; the same to standard output has no chart links.
#[test]
fn markdown_report_with_its_charts() {
    let dir = tmp("md");
    std::fs::create_dir_all(&dir).unwrap();
    let report = dir.join("月报.md");
    let ledger = root().join("spec/examples/inspections.csv");
    let args = [
        "inspect",
        ledger.to_str().unwrap(),
        "--as-of",
        AS_OF,
        "--format",
        "markdown",
    ];
    let (code, out, err) = run(&[&args[..], &["--output", report.to_str().unwrap()]].concat());
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty());
    assert!(err.contains("INPUT_UNKNOWN_VALUE"), "{err}");
    let md = std::fs::read_to_string(&report).unwrap();
    assert!(md.starts_with("\n# 入户安全检查报告\n"), "{md}");
    assert!(
        md.contains("| 3 | 商业街 | 13 | 8 | 5 | 61.5% | 4 | 61.5 |"),
        "{md}"
    );
    assert!(md.contains("燃气泄漏报警装置 (leak\\_alarm)"));
    for name in gasdev::api::render::CHART_NAMES {
        assert!(
            md.contains(&format!("(<月报.charts/{name}.svg>)")),
            "{name}"
        );
        let svg = std::fs::read_to_string(dir.join(format!("月报.charts/{name}.svg"))).unwrap();
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox="));
    }
    let (_, stdout, _) = run(&[&args[..], &["--lang", "en"]].concat());
    assert!(stdout.contains("## Community ranking"));
    assert!(!stdout.contains(".svg"));
}
