//! Household ledgers (feature `ledger`): the rows of a CSV file or of a workbook's sheet as
//! inspection records, one row per device found (or one row with an empty `device_kind` for a
//! household with none); consecutive rows with the same `household` form one record. Columns are
//! documented in `spec/installation.md` and README "Ledger columns"; Chinese headers are accepted
//! ([`ALIASES`]).
//!
//! Each row is turned into a one-device JSON record and parsed by [`parse_record`], so a ledger
//! row is accepted or rejected exactly like the same data in JSON lines; a rejected row is
//! skipped with its line number and the column name as the header wrote it as the field. The CLI
//! (`gasdev inspect ledger.csv`, `ledger.xlsx`) and the web page call this module; a workbook's
//! cells become text by [`super::cells`].

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec;
use alloc::vec::Vec;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use serde_json::{Map, Value};

use super::document::{InputError, parse_record};
use crate::ErrorCode;
use crate::install::InspectionRecord;
use crate::text::escape_text;

/// A record read, or why its row was rejected, with the line (CSV) or row number (sheet) it
/// started on.
pub type Item = (u64, Result<InspectionRecord, InputError>);

/// One row of a ledger: its line (CSV) or row number (sheet), and its cells as text or why the
/// row could not be read.
pub type Row = (u64, Result<Vec<String>, InputError>);

/// Columns of the profile (the first row of a household sets them; later rows must repeat them).
const PROFILE: [&str; 9] = [
    "user_class",
    "connection",
    "unit_category",
    "building_height_m",
    "old_compound",
    "hardship",
    "crowded_place",
    "gas_supply",
    "connection_date",
];
/// Household columns outside the profile (repeated like the profile): `hazards` (codes separated
/// by `;`) and the fire-centre signals (`fire_centre.alarm` …).
const HOUSEHOLD: [(&str, &str); 4] = [
    ("hazards", "hazards"),
    ("fire_centre_alarm", "alarm"),
    ("fire_centre_cutoff", "cutoff"),
    ("fire_centre_monitoring", "monitoring"),
];
/// Columns of a device (prefixed `device_` where the JSON name is generic).
const DEVICE: [(&str, &str); 11] = [
    ("device_kind", "kind"),
    ("identifier", "identifier"),
    ("model", "model"),
    ("vendor", "vendor"),
    ("installed_on", "installed_on"),
    ("detects", "detects"),
    ("powered", "powered"),
    ("sensor_end_of_life", "sensor_end_of_life"),
    ("end_of_life", "end_of_life"),
    ("valve_latched_closed", "valve_latched_closed"),
    ("last_report", "last_report"),
];
const BOOLEAN: [&str; 10] = [
    "old_compound",
    "hardship",
    "crowded_place",
    "powered",
    "sensor_end_of_life",
    "end_of_life",
    "valve_latched_closed",
    "fire_centre_alarm",
    "fire_centre_cutoff",
    "fire_centre_monitoring",
];
/// Columns holding a list, items separated by `;`.
const LIST: [&str; 2] = ["hazards", "detects"];
/// Columns every ledger has.
const REQUIRED: [&str; 4] = ["household", "user_class", "connection", "gas_supply"];

/// Chinese column names accepted for the ledger's columns (README "Ledger columns"), in CSV and
/// XLSX alike. A header may use either name; errors name the column as the header wrote it.
pub const ALIASES: [(&str, &str); 26] = [
    ("户号", "household"),
    ("小区", "community"),
    ("用户类别", "user_class"),
    ("新老用户", "connection"),
    ("单位类别", "unit_category"),
    ("建筑高度", "building_height_m"),
    ("老旧小区", "old_compound"),
    ("生活困难", "hardship"),
    ("人员密集场所", "crowded_place"),
    ("气源", "gas_supply"),
    ("通气日期", "connection_date"),
    ("隐患", "hazards"),
    ("消防报警", "fire_centre_alarm"),
    ("消防切断", "fire_centre_cutoff"),
    ("消防监测", "fire_centre_monitoring"),
    ("装置类别", "device_kind"),
    ("标识", "identifier"),
    ("型号", "model"),
    ("厂家", "vendor"),
    ("安装日期", "installed_on"),
    ("检测气体", "detects"),
    ("通电", "powered"),
    ("传感器寿命到期", "sensor_end_of_life"),
    ("寿命到期", "end_of_life"),
    ("阀门锁闭", "valve_latched_closed"),
    ("最后上报", "last_report"),
];

/// The values an enumerated ledger column takes, as the template offers them: in Chinese the
/// values' Chinese names (which the ledger reads too) and `是`/`否`, in English
/// the machine names and `true`/`false`; and whether the column holds a list of them
/// (`;`-separated). `None` for a free-text, number or date column.
pub fn column_choices(column: &str, lang: crate::Lang) -> Option<(Vec<&'static str>, bool)> {
    if BOOLEAN.contains(&column) {
        let yes_no = crate::Text::new("是|否", "true|false").get(lang);
        return Some((yes_no.split('|').collect(), false));
    }
    column_values(column).map(|(values, list)| {
        let name = |(n, t): &(&'static str, crate::Text)| match lang {
            crate::Lang::Zh => t.zh,
            crate::Lang::En => *n,
        };
        (values.iter().map(name).collect(), list)
    })
}

/// The values of an enumerated column with their Chinese and English names (a ledger may write
/// either the machine name or the Chinese name: `居民用户` is `residential`), and whether the column
/// is a list.
fn column_values(column: &str) -> Option<(Vec<(&'static str, crate::Text)>, bool)> {
    use crate::install::{Connection, GasSupply, Hazard, InstalledKind, UnitCategory, UserClass};
    macro_rules! values {
        ($T:ty, $list:expr) => {
            Some((
                <$T>::ALL.iter().map(|v| (v.as_str(), v.text())).collect(),
                $list,
            ))
        };
    }
    match column {
        "user_class" => values!(UserClass, false),
        "connection" => values!(Connection, false),
        "unit_category" => values!(UnitCategory, false),
        "gas_supply" => values!(GasSupply, false),
        "device_kind" => values!(InstalledKind, false),
        "hazards" => values!(Hazard, true),
        "detects" => values!(crate::model::Gas, true),
        _ => None,
    }
}

/// An enumerated cell's machine name: the text itself, or the value whose Chinese name it is.
/// Every Chinese name has a non-ASCII character (tested), so an ASCII cell — every machine name —
/// is taken as it is without looking through the column's values.
fn machine_name(column: &str, text: &str) -> String {
    if text.is_ascii() {
        return text.to_string();
    }
    column_values(column)
        .and_then(|(values, _)| values.into_iter().find(|(_, t)| t.zh == text))
        .map_or_else(|| text.to_string(), |(name, _)| name.to_string())
}

fn reject(code: ErrorCode, field: &str, detail: &str) -> InputError {
    InputError::new(code, 0, 0, field.to_string(), detail)
}

/// A ledger cell as a JSON value: booleans and numbers where the column wants them, else a string.
fn cell(column: &str, text: &str) -> Value {
    if BOOLEAN.contains(&column) {
        if let Some(b) = super::cells::bool_value(text) {
            return Value::Bool(b);
        }
    }
    if LIST.contains(&column) {
        return Value::Array(
            text.split(';')
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(|t| Value::String(machine_name(column, t)))
                .collect(),
        );
    }
    if column == "building_height_m" {
        if let Ok(x) = text.parse::<f64>() {
            if let Some(n) = serde_json::Number::from_f64(x) {
                return Value::Number(n);
            }
        }
    }
    Value::String(machine_name(column, text))
}

/// Map a JSON path of the one-row record back to the ledger column.
fn column_of(path: &str) -> String {
    if let Some(signal) = path.strip_prefix("fire_centre.") {
        return HOUSEHOLD
            .iter()
            .find(|(_, j)| *j == signal)
            .map_or(path, |(c, _)| c)
            .to_string();
    }
    let last = path.rsplit('.').next().unwrap_or(path);
    // A list item (`hazards[1]`, `detects[0]`) is its column.
    let last = last.split('[').next().unwrap_or(last);
    DEVICE
        .iter()
        .find(|(_, j)| *j == last)
        .map_or(last, |(c, _)| c)
        .to_string()
}

struct Grouper {
    household: Option<String>,
    line: u64,
    profile: Value,
    record: Option<InspectionRecord>,
    /// Households already closed: a 64-bit hash of the id → the line of its first row (16 bytes
    /// per household; a hash collision between two ids, chance ~n²/2⁶⁵, would reject a row).
    closed: HashMap<u64, u64>,
}

fn id_hash(id: &str) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    id.hash(&mut h);
    h.finish()
}

/// Whether a CSV line ends inside a quoted field (RFC 4180: a field that starts with `"` runs to
/// the next `"` not doubled). A quoted field may not span lines: the format is one row per device.
fn unterminated_quote(line: &str) -> bool {
    let mut at_field_start = true;
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                } else {
                    quoted = false;
                }
            }
            continue;
        }
        match c {
            ',' => at_field_start = true,
            '"' if at_field_start => {
                quoted = true;
                at_field_start = false;
            }
            ' ' | '\t' if at_field_start => {}
            _ => at_field_start = false,
        }
    }
    quoted
}

/// The CSV parser of one input, built once: `csv`'s reader over the current line, reset for each
/// line (building a reader per line cost three quarters of the time of a small ledger, in its
/// state-machine construction).
struct Splitter {
    reader: csv::Reader<std::io::Cursor<Vec<u8>>>,
    record: csv::StringRecord,
}

impl Splitter {
    fn new() -> Splitter {
        Splitter {
            reader: csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .trim(csv::Trim::All)
                .from_reader(std::io::Cursor::new(Vec::new())),
            record: csv::StringRecord::new(),
        }
    }

    /// The fields of one CSV line (the `csv` crate parses it; trimmed like the header).
    fn split(&mut self, line: &str) -> Result<Vec<String>, InputError> {
        if unterminated_quote(line) {
            return Err(reject(
                ErrorCode::CsvUnterminatedQuote,
                "",
                "a quoted field is not closed on its line (one row per device; quoted fields may not span lines)",
            ));
        }
        let cursor = self.reader.get_mut();
        cursor.get_mut().clear();
        cursor.get_mut().extend_from_slice(line.as_bytes());
        // Back to the start of the new line, with the parser's state reset.
        if let Err(e) = self.reader.seek(csv::Position::new()) {
            return Err(reject(ErrorCode::InputIo, "", &e.to_string()));
        }
        match self.reader.read_record(&mut self.record) {
            Ok(true) => Ok(self.record.iter().map(str::to_string).collect()),
            Ok(false) => Ok(Vec::new()),
            Err(e) => Err(reject(ErrorCode::CsvFieldCount, "", &e.to_string())),
        }
    }
}

/// Records from the lines of a CSV ledger, each line with its 1-based number (or why it could not
/// be read: too long, not UTF-8). The header is the first line that is not blank (a leading BOM
/// dropped); blank lines are skipped.
pub fn csv_records(
    mut lines: impl Iterator<Item = (u64, Result<String, InputError>)>,
) -> impl Iterator<Item = Item> {
    let mut splitter = Splitter::new();
    let headers: Result<Vec<String>, (u64, InputError)> = loop {
        match lines.next() {
            None => break Err((1, reject(ErrorCode::InputEmpty, "", "no header row"))),
            Some((n, Err(e))) => break Err((n, e)),
            Some((_, Ok(l))) if l.trim().is_empty() => continue,
            Some((n, Ok(l))) => {
                let l = l.strip_prefix('\u{feff}').unwrap_or(&l).to_string();
                break splitter.split(&l).map_err(|e| (n, e));
            }
        }
    };
    let rows = lines.filter_map(move |(line, text)| match text {
        Ok(t) if t.trim().is_empty() => None,
        Ok(t) => Some((line, splitter.split(&t))),
        Err(e) => Some((line, Err(e))),
    });
    ledger(headers, rows)
}

/// The lines of a whole text, numbered from 1, without their `\n` / `\r\n` (what the CLI's line
/// reader gives, without its length limits: the web page's dropped CSV file).
pub fn text_lines(text: &str) -> impl Iterator<Item = (u64, Result<String, InputError>)> + '_ {
    let body = text.strip_suffix('\n').unwrap_or(text);
    let empty = text.is_empty();
    body.split('\n')
        .filter(move |_| !empty)
        .zip(1u64..)
        .map(|(l, n)| (n, Ok(l.strip_suffix('\r').unwrap_or(l).to_string())))
}

/// Records from a CSV ledger's whole text ([`csv_records`] over [`text_lines`]).
pub fn csv_text_records(text: &str) -> impl Iterator<Item = Item> + '_ {
    csv_records(text_lines(text))
}

/// The column a header cell names (an alias to its English name).
fn canonical(header: &str) -> &str {
    ALIASES
        .iter()
        .find(|(zh, _)| *zh == header)
        .map_or(header, |(_, en)| en)
}

fn known(c: &str) -> bool {
    c == "household"
        || c == "community"
        || PROFILE.contains(&c)
        || HOUSEHOLD.iter().any(|(h, _)| *h == c)
        || DEVICE.iter().any(|(d, _)| *d == c)
}

/// The header checked: every column known, the required ones present.
fn check_header(h: Vec<String>) -> Result<Vec<String>, (u64, InputError)> {
    if let Some((i, c)) = h.iter().enumerate().find(|(_, c)| !known(canonical(c))) {
        let detail = if c.is_empty() {
            format!(
                "column {} has no header (a blank or merged header cell)",
                i.saturating_add(1)
            )
        } else {
            format!("unknown column `{c}`")
        };
        return Err((1, reject(ErrorCode::InputUnknownField, c, &detail)));
    }
    match REQUIRED
        .iter()
        .find(|r| !h.iter().any(|c| canonical(c) == **r))
    {
        Some(r) => Err((
            1,
            reject(
                ErrorCode::InputMissingField,
                r,
                &format!("missing column `{r}`"),
            ),
        )),
        None => Ok(h),
    }
}

/// One row's cells sorted into the parts of a one-device record.
#[derive(Default)]
struct Parts {
    household: String,
    community: Option<String>,
    profile: Map<String, Value>,
    household_cols: Map<String, Value>,
    fire_centre: Map<String, Value>,
    device: Map<String, Value>,
}

impl Parts {
    fn of(headers: &[&str], row: &[String]) -> Parts {
        let mut p = Parts::default();
        for (column, text) in headers.iter().zip(row.iter()) {
            if text.is_empty() {
                continue;
            }
            match *column {
                "household" => p.household = text.to_string(),
                "community" => p.community = Some(text.to_string()),
                c if PROFILE.contains(&c) => {
                    p.profile.insert(c.to_string(), cell(c, text));
                }
                "hazards" => {
                    p.household_cols
                        .insert("hazards".into(), cell("hazards", text));
                }
                c if c.starts_with("fire_centre_") => {
                    if let Some((_, json)) = HOUSEHOLD.iter().find(|(h, _)| *h == c) {
                        p.fire_centre.insert((*json).to_string(), cell(c, text));
                    }
                }
                c => {
                    if let Some((_, json)) = DEVICE.iter().find(|(d, _)| *d == c) {
                        p.device.insert((*json).to_string(), cell(c, text));
                    }
                }
            }
        }
        p
    }

    /// The one-device record's JSON and what later rows of the household must repeat (the
    /// profile and the household columns).
    fn into_record(self) -> (Value, Value) {
        let Parts {
            household,
            community,
            profile,
            mut household_cols,
            fire_centre,
            device,
        } = self;
        let profile = Value::Object(profile);
        let mut one = Map::new();
        one.insert("household".into(), Value::String(household));
        if let Some(c) = community {
            one.insert("community".into(), Value::String(c));
        }
        one.insert("profile".into(), profile.clone());
        if !fire_centre.is_empty() {
            household_cols.insert("fire_centre".into(), Value::Object(fire_centre));
        }
        for (k, v) in &household_cols {
            one.insert(k.clone(), v.clone());
        }
        let repeated = serde_json::json!([profile, household_cols]);
        let devices = if device.is_empty() {
            Vec::new()
        } else {
            vec![Value::Object(device)]
        };
        one.insert("devices".into(), Value::Array(devices));
        (Value::Object(one), repeated)
    }
}

/// Records from a ledger's header and rows (CSV or a sheet): each row becomes a one-device JSON
/// record parsed by the core, consecutive rows of one household are one record.
pub fn ledger(
    headers: Result<Vec<String>, (u64, InputError)>,
    mut rows: impl Iterator<Item = Row>,
) -> impl Iterator<Item = Item> {
    let headers = headers.and_then(check_header);
    let mut g = Grouper {
        household: None,
        line: 0,
        profile: Value::Null,
        record: None,
        closed: HashMap::new(),
    };
    let mut header_error = headers.as_ref().err().cloned();
    let mut finished = false;
    core::iter::from_fn(move || {
        if let Some((n, e)) = header_error.take() {
            finished = true;
            return Some((n, Err(e)));
        }
        let Ok(written) = &headers else { return None };
        let headers: Vec<&str> = written.iter().map(|h| canonical(h)).collect();
        // The column as the header wrote it.
        let as_written = |column: &str| -> String {
            headers
                .iter()
                .zip(written)
                .find(|(c, _)| **c == column)
                .map_or(column, |(_, w)| w.as_str())
                .to_string()
        };
        loop {
            if finished {
                return None;
            }
            let Some((line, row)) = rows.next() else {
                finished = true;
                let line = g.line;
                return g.record.take().map(|r| (line, Ok(r)));
            };
            let row = match row {
                Ok(r) => r,
                Err(e) => return Some((line, Err(e))),
            };
            if row.len() != headers.len() {
                return Some((
                    line,
                    Err(reject(
                        ErrorCode::CsvFieldCount,
                        "",
                        &format!("{} fields, the header has {}", row.len(), headers.len()),
                    )),
                ));
            }
            let parts = Parts::of(&headers, &row);
            if parts.household.is_empty() {
                return Some((
                    line,
                    Err(reject(
                        ErrorCode::InputMissingField,
                        &as_written("household"),
                        "empty household id",
                    )),
                ));
            }
            let household = parts.household.clone();
            let (one, profile) = parts.into_record();
            let parsed = parse_record(&one.to_string()).map_err(|mut e| {
                e.field = as_written(&column_of(&e.field));
                e
            });
            let parsed = match parsed {
                Ok(p) => p,
                Err(e) => return Some((line, Err(e))),
            };
            if g.household.as_deref() != Some(household.as_str()) {
                if let Some(first) = g.closed.get(&id_hash(&household)) {
                    return Some((
                        line,
                        Err(reject(
                            ErrorCode::CsvHouseholdSplit,
                            &as_written("household"),
                            &format!(
                                "household `{}` already ended (its rows began at line {first}); its rows must be consecutive",
                                escape_text(&household)
                            ),
                        )),
                    ));
                }
            }
            if g.household.as_deref() == Some(household.as_str()) {
                if profile != g.profile {
                    return Some((
                        line,
                        Err(reject(
                            ErrorCode::InputInvalidValue,
                            &as_written("household"),
                            "the profile columns differ from this household's first row",
                        )),
                    ));
                }
                if let Some(r) = g.record.as_mut() {
                    r.devices.extend(parsed.devices);
                }
                continue;
            }
            let done = g.record.replace(parsed).map(|r| (g.line, Ok(r)));
            if let Some(prev) = g.household.take() {
                g.closed.insert(id_hash(&prev), g.line);
            }
            g.household = Some(household);
            g.profile = profile;
            g.line = line;
            if done.is_some() {
                return done;
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_lines_like_the_line_reader() {
        let l: Vec<(u64, String)> = text_lines("a\r\nb\n\nc")
            .map(|(n, t)| (n, t.unwrap()))
            .collect();
        assert_eq!(
            l,
            [
                (1, "a".into()),
                (2, "b".into()),
                (3, "".into()),
                (4, "c".into())
            ]
        );
        assert_eq!(text_lines("a\n").count(), 1);
        assert_eq!(text_lines("").count(), 0);
    }

    #[test]
    fn example_ledger_reads_like_its_json_lines() {
        let csv = include_str!("../../../spec/examples/inspections.csv");
        let items: Vec<Item> = csv_text_records(csv).collect();
        let ok = items.iter().filter(|(_, r)| r.is_ok()).count();
        let rejected: Vec<(u64, &str)> = items
            .iter()
            .filter_map(|(n, r)| r.as_ref().err().map(|e| (*n, e.name)))
            .collect();
        assert!(ok > 0);
        // The same rejects the CLI reports for the example (cli/tests/cli.rs).
        assert!(!rejected.is_empty());
        assert!(rejected.iter().all(|(n, _)| *n > 1));
    }

    /// The example ledger with every enumerated value written as its Chinese name.
    fn in_chinese(csv: &str) -> String {
        let mut r = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(csv.as_bytes());
        let mut w = csv::Writer::from_writer(Vec::new());
        let mut header: Vec<String> = Vec::new();
        for (i, row) in r.records().enumerate() {
            let row = row.unwrap();
            if i == 0 {
                header = row.iter().map(str::to_string).collect();
                w.write_record(&row).unwrap();
                continue;
            }
            let cells: Vec<String> = row
                .iter()
                .zip(&header)
                .map(|(cell, column)| match column_values(column) {
                    Some((values, _)) => cell
                        .split(';')
                        .map(|item| {
                            values
                                .iter()
                                .find(|(n, _)| *n == item)
                                .map_or(item, |(_, t)| t.zh)
                        })
                        .collect::<Vec<_>>()
                        .join(";"),
                    None => cell.to_string(),
                })
                .collect();
            w.write_record(&cells).unwrap();
        }
        String::from_utf8(w.into_inner().unwrap()).unwrap()
    }

    #[test]
    fn enumerated_values_may_be_written_in_chinese() {
        let csv = include_str!("../../../spec/examples/inspections.csv");
        let zh = in_chinese(csv);
        assert!(
            zh.contains(",居民用户,既有用户,") && zh.contains("安全自闭阀"),
            "{zh}"
        );
        let show = |items: Vec<Item>| format!("{items:?}");
        assert_eq!(
            show(csv_text_records(&zh).collect()),
            show(csv_text_records(csv).collect())
        );
        // A value that is neither a machine name nor a Chinese name is still refused.
        let bad = csv.replacen(",residential,", ",居民,", 1);
        let items: Vec<Item> = csv_text_records(&bad).collect();
        assert!(items.iter().any(|(_, r)| r.is_err()));
        assert_eq!(machine_name("user_class", "单位用户"), "unit");
        assert_eq!(machine_name("unit_category", "养老、康养"), "elderly_care");
        assert_eq!(machine_name("community", "居民用户"), "居民用户");
        for (_, column) in ALIASES {
            for (name, t) in column_values(column).map(|(v, _)| v).unwrap_or_default() {
                assert!(!t.zh.is_ascii(), "{column}.{name}: {}", t.zh);
            }
        }
    }

    #[test]
    fn every_column_known_and_enumerated_ones_have_choices() {
        for (_, en) in ALIASES {
            assert!(en == "household" || en == "community" || known(en), "{en}");
        }
        let enumerated: Vec<&str> = ALIASES
            .iter()
            .map(|(_, en)| *en)
            .filter(|en| column_choices(en, crate::Lang::En).is_some())
            .collect();
        assert_eq!(enumerated.len(), 5 + 2 + BOOLEAN.len());
        assert_eq!(
            column_choices("hazards", crate::Lang::Zh).map(|(_, list)| list),
            Some(true)
        );
        assert_eq!(
            column_choices("user_class", crate::Lang::Zh).unwrap().0,
            ["单位用户", "居民用户"]
        );
        assert!(
            column_choices("gas_supply", crate::Lang::En)
                .unwrap()
                .0
                .contains(&"bottled_lpg")
        );
    }

    #[test]
    fn header_errors() {
        let e: Vec<Item> = csv_text_records("household,colour\n").collect();
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].1.as_ref().unwrap_err().name, "INPUT_UNKNOWN_FIELD");
        let e: Vec<Item> = csv_text_records("户号,用户类别,新老用户\n").collect();
        assert_eq!(e[0].1.as_ref().unwrap_err().name, "INPUT_MISSING_FIELD");
        assert_eq!(e[0].1.as_ref().unwrap_err().field, "gas_supply");
        let e: Vec<Item> = csv_text_records("\n\n").collect();
        assert_eq!(e[0].1.as_ref().unwrap_err().name, "INPUT_EMPTY");
    }
}
