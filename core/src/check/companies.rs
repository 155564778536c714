//! Which catalogue entries are one company (CAT-1 counts distinct companies; INTEG-1 flags a
//! company listed twice).
//!
//! Two entries are one company when both carry a 统一社会信用代码 and the codes are equal, or when
//! at least one of them has none and their names are equal after folding (`model::fold`). Two
//! entries with different credit codes are different companies even under one name: the code is
//! the legal identity. Only entries on the list on the as-of date take part (a removed entry is the
//! history of the list, not a second listing).

use alloc::collections::BTreeMap;
use alloc::string::String;
use alloc::vec::Vec;

use crate::model::fold::fold_key;
use crate::model::{Catalogue, CreditCode, Date};

/// One distinct company among the entries on the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Company {
    /// The name of its first entry.
    pub name: String,
    /// Its credit code, if any entry gives one.
    pub code: Option<CreditCode>,
    /// Indices of its entries in `Catalogue::vendors`, in catalogue order.
    pub entries: Vec<usize>,
}

/// The distinct companies of a catalogue on a date.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Companies {
    /// Companies in order of their first entry.
    pub list: Vec<Company>,
    /// For each entry of `Catalogue::vendors`, its company (`None`: not on the list on the date).
    pub of_entry: Vec<Option<usize>>,
}

impl Companies {
    /// Group the entries on the list on `as_of` into companies.
    pub(crate) fn of(cat: &Catalogue, as_of: Date) -> Companies {
        let mut out = Companies::default();
        // One map type for both keys (and for `integrity`'s models): one instantiation of the
        // B-tree code in the WebAssembly module. Values are company numbers.
        let mut by_code: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        let mut by_name: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        let first =
            |m: &BTreeMap<String, Vec<usize>>, k: &str| m.get(k).and_then(|v| v.first().copied());
        for (i, v) in cat.vendors.iter().enumerate() {
            if v.is_removed_on(as_of) {
                out.of_entry.push(None);
                continue;
            }
            let name = fold_key(&v.name);
            let found = match v.credit_code {
                Some(code) => first(&by_code, code.as_str()).or_else(|| {
                    // A same-named company without a code (or with this one) is this company.
                    first(&by_name, &name).filter(|&c| {
                        out.list
                            .get(c)
                            .is_some_and(|c| c.code.is_none_or(|k| k == code))
                    })
                }),
                None => first(&by_name, &name),
            };
            let id = match found {
                Some(id) => id,
                None => {
                    out.list.push(Company {
                        name: v.name.clone(),
                        code: None,
                        entries: Vec::new(),
                    });
                    out.list.len().saturating_sub(1)
                }
            };
            if let Some(c) = out.list.get_mut(id) {
                c.entries.push(i);
                if c.code.is_none() {
                    c.code = v.credit_code;
                }
            }
            if let Some(code) = v.credit_code {
                by_code.entry(code.as_str().into()).or_default().push(id);
            }
            by_name.entry(name).or_default().push(id);
            out.of_entry.push(Some(id));
        }
        out
    }

    /// The company of entry `i`, if it is on the list.
    pub(crate) fn company_of(&self, i: usize) -> Option<usize> {
        self.of_entry.get(i).copied().flatten()
    }
}
