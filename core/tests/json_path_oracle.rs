//! The JSON path of a document error (`InputError::field`), found from serde_json's position by
//! `api::json_path`, against `serde_path_to_error`, which tracks it while deserializing: the
//! same path for every one-edit breakage of every document of the shared vectors and examples
//! (an unknown key in each object, each member removed, each value replaced by one of the wrong
//! type and by an invalid string), compact and pretty-printed (a tenth of them for the large
//! example catalogue).
#![cfg(feature = "json")]

use gasdev::api::{parse_document, parse_record};
use gasdev::install::InspectionRecord;
use gasdev::model::{Catalogue, Declaration};
use serde_json::{Value, json};

/// Every document of the vectors and examples, with whether it is an inspection record.
fn documents() -> Vec<(Value, bool)> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../spec");
    let read = |p: &str| -> Value {
        serde_json::from_str(&std::fs::read_to_string(format!("{root}/{p}")).unwrap()).unwrap()
    };
    let mut out = Vec::new();
    for t in read("vectors/declarations.json")["tests"]
        .as_array()
        .unwrap()
    {
        if let Some(d) = t["input"].get("document").filter(|d| d.is_object()) {
            out.push((d.clone(), false));
        }
    }
    for t in read("vectors/installation.json")["tests"]
        .as_array()
        .unwrap()
    {
        if let Some(r) = t["input"].get("record").filter(|r| r.is_object()) {
            out.push((r.clone(), true));
        }
    }
    for p in [
        "examples/catalogue.json",
        "examples/declaration-alarm-mid.json",
        "examples/declaration-valve-mid.json",
    ] {
        out.push((read(p), false));
    }
    out
}

/// Every one-edit breakage of `v`.
fn breakages(v: &Value, out: &mut Vec<Value>) {
    fn walk(root: &Value, path: &mut Vec<Step>, node: &Value, out: &mut Vec<Value>) {
        let mut edit = |f: &dyn Fn(&mut Value)| {
            let mut copy = root.clone();
            f(at(&mut copy, path));
            out.push(copy);
        };
        match node {
            Value::Object(m) => {
                edit(&|n| {
                    n.as_object_mut()
                        .unwrap()
                        .insert("zz_unknown".into(), json!(1));
                });
                for k in m.keys() {
                    edit(&|n| {
                        n.as_object_mut().unwrap().remove(k);
                    });
                }
                edit(&|n| *n = json!([]));
                for (k, child) in m {
                    path.push(Step::Key(k.clone()));
                    walk(root, path, child, out);
                    path.pop();
                }
            }
            Value::Array(a) => {
                edit(&|n| *n = json!({}));
                edit(&|n| n.as_array_mut().unwrap().push(json!("zz")));
                for (i, child) in a.iter().enumerate() {
                    path.push(Step::Index(i));
                    walk(root, path, child, out);
                    path.pop();
                }
            }
            Value::String(_) => {
                edit(&|n| *n = json!(12345));
                edit(&|n| *n = json!("%%not valid%%"));
                edit(&|n| *n = json!({"k": 1}));
            }
            _ => {
                edit(&|n| *n = json!("x"));
                edit(&|n| *n = json!(-1.5));
                edit(&|n| *n = json!(0.001));
                edit(&|n| *n = json!(1e300));
            }
        }
    }
    walk(v, &mut Vec::new(), v, out);
}

enum Step {
    Key(String),
    Index(usize),
}

fn at<'a>(v: &'a mut Value, path: &[Step]) -> &'a mut Value {
    path.iter().fold(v, |v, s| match s {
        Step::Key(k) => &mut v[k.as_str()],
        Step::Index(i) => &mut v[*i],
    })
}

/// serde_path_to_error's path and message of `text`'s first error, if any.
fn oracle<T: serde::de::DeserializeOwned>(text: &str) -> Option<(String, String)> {
    let mut de = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize::<_, T>(&mut de)
        .err()
        .map(|e| {
            // An empty path displays as "." (as would a key named ".").
            let path = if e.path().iter().next().is_none() {
                String::new()
            } else {
                e.path().to_string()
            };
            (path, e.inner().to_string())
        })
}

#[test]
fn paths_found_after_the_fact_equal_the_tracked_ones() {
    let (mut compared, mut differ) = (0usize, Vec::new());
    for (doc, is_record) in documents() {
        let mut broken = Vec::new();
        breakages(&doc, &mut broken);
        // The large catalogue: every 10th breakage (the test runs unoptimised).
        let step = if serde_json::to_string(&doc).unwrap().len() > 4096 {
            10
        } else {
            1
        };
        for b in broken.into_iter().step_by(step) {
            let compact = serde_json::to_string(&b).unwrap();
            // Pretty-printed too: positions on many lines.
            let pretty = (compact.len() < 4096).then(|| serde_json::to_string_pretty(&b).unwrap());
            for text in std::iter::once(compact).chain(pretty) {
                let (expected, got) = if is_record {
                    (oracle::<InspectionRecord>(&text), parse_record(&text).err())
                } else if b.get("vendors").is_some() {
                    (oracle::<Catalogue>(&text), parse_document(&text).err())
                } else {
                    (oracle::<Declaration>(&text), parse_document(&text).err())
                };
                let (Some((path, message)), Some(got)) = (expected, got) else {
                    continue;
                };
                if got.name == "INPUT_UNKNOWN_DOCUMENT" {
                    continue;
                }
                compared += 1;
                if got.field != path {
                    differ.push(format!(
                        "{message}: expected {path:?}, got {:?}\n  {text}",
                        got.field
                    ));
                }
            }
        }
    }
    eprintln!("json_path oracle: {compared} broken documents compared");
    assert!(compared > 10_000, "only {compared} breakages compared");
    let mut kinds: Vec<String> = differ
        .iter()
        .map(|d| d.split(['`', ':']).next().unwrap_or_default().to_owned())
        .collect();
    kinds.dedup();
    assert!(
        differ.is_empty(),
        "{} of {compared} paths differ ({kinds:?}):\n{}",
        differ.len(),
        differ
            .iter()
            .filter(|d| !d.starts_with("invalid type"))
            .take(10)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
