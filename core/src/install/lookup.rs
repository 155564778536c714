//! Finding a recorded device in the catalogue and in the vendors' declarations, without guessing.
//!
//! Models and company names are compared by [`fold_key`] (trimmed, full-width folded to
//! half-width, case folded: `zbf-jfsl200 ` and `ＺＢＦ-ＪＦＳＬ200` are `ZBF-JFSL200`), as the
//! catalogue check compares them. A model listed under several companies is resolved by the
//! record's `vendor` (a name, or the company's 统一社会信用代码); without it the lookup is
//! [`Lookup::Ambiguous`], never a silent pick.

use alloc::collections::BTreeMap;
use alloc::string::String;
use alloc::vec::Vec;

use crate::check::check_declaration;
use crate::model::fold::fold_key;
use crate::model::{
    Catalogue, Date, Declaration, DeviceKind, Gas, RemovalReason, Tier, VendorStatus,
};

/// One listing of a model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing {
    /// Kind the catalogue lists it as.
    pub kind: DeviceKind,
    /// Vendor name as listed.
    pub vendor: String,
    /// The vendor's 统一社会信用代码, if listed.
    pub credit_code: Option<String>,
    /// The removal, if the vendor was removed (status `removed`).
    pub removal: Option<(Option<Date>, Option<RemovalReason>)>,
    /// Gases the listed product detects.
    pub detects: Vec<Gas>,
}

impl Listing {
    /// Removed on `as_of`: a removal takes effect on its date (as `Vendor::is_removed_on`).
    pub fn removed_on(&self, as_of: Date) -> bool {
        self.removal
            .as_ref()
            .is_some_and(|(d, _)| d.is_none_or(|d| as_of >= d))
    }
}

/// A vendor's declaration of an unlisted model, checked against 附件3 on the inspection date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Declared {
    /// Model as declared.
    pub model: String,
    /// Kind declared.
    pub kind: DeviceKind,
    /// Conformant to the tier it claims.
    pub conformant: bool,
    /// The highest tier achieved.
    pub achieved: Option<Tier>,
    /// The failing requirement ids.
    pub failing: Vec<&'static str>,
    /// Gases it detects.
    pub detects: Vec<Gas>,
}

/// Model lookup built once from a catalogue and, optionally, declarations.
#[derive(Debug, Clone, Default)]
pub struct CatalogueIndex {
    catalogue: bool,
    models: BTreeMap<String, Vec<Listing>>,
    /// By folded model; few, so a list (one B-tree instantiation less in WebAssembly).
    declarations: Vec<(String, Declared)>,
}

/// What a lookup found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup<'a> {
    /// One company lists it (several entries of one company are one listing).
    Listed(&'a Listing),
    /// Listed under several companies and the record does not say which.
    Ambiguous(Vec<&'a str>),
    /// Listed, but not under the record's vendor (the companies that list it).
    OtherVendor(Vec<&'a str>),
    /// Not listed.
    Unlisted,
}

impl CatalogueIndex {
    /// Index every product of every vendor (removed vendors included, with their removal).
    pub fn new(cat: &Catalogue) -> CatalogueIndex {
        let mut models: BTreeMap<String, Vec<Listing>> = BTreeMap::new();
        for v in &cat.vendors {
            let removal = (v.status == VendorStatus::Removed).then(|| {
                (
                    v.removal.as_ref().map(|r| r.date),
                    v.removal.as_ref().map(|r| r.reason),
                )
            });
            for p in &v.products {
                models.entry(fold_key(&p.model)).or_default().push(Listing {
                    kind: p.kind,
                    vendor: v.name.clone(),
                    credit_code: v.credit_code.as_ref().map(|c| String::from(c.as_str())),
                    removal,
                    detects: p.capabilities.detects.clone(),
                });
            }
        }
        CatalogueIndex {
            catalogue: true,
            models,
            declarations: Vec::new(),
        }
    }

    /// An index without a catalogue (declarations only).
    pub fn without_catalogue() -> CatalogueIndex {
        CatalogueIndex::default()
    }

    /// Whether a catalogue was given (else no catalogue finding is made).
    pub const fn has_catalogue(&self) -> bool {
        self.catalogue
    }

    /// Whether any declaration was added (`--declarations`).
    pub fn has_declarations(&self) -> bool {
        !self.declarations.is_empty()
    }

    /// Add a vendor's declaration, checked against 附件3 on `as_of` (the inspection date). A later
    /// declaration of the same model replaces an earlier one.
    pub fn add_declaration(&mut self, d: &Declaration, as_of: Date) {
        let r = check_declaration(d, as_of);
        // In requirement-table order, each id once.
        let mut failing: Vec<&'static str> = Vec::new();
        for f in &r.findings {
            if f.status == crate::check::Status::Fail && !failing.contains(&f.id) {
                failing.push(f.id);
            }
        }
        let key = fold_key(&d.model);
        let declared = Declared {
            model: d.model.clone(),
            kind: d.kind,
            conformant: r.conformant,
            achieved: r.achieved_tier,
            failing,
            detects: d.capabilities.detects.clone(),
        };
        match self.declarations.iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => slot.1 = declared,
            None => self.declarations.push((key, declared)),
        }
    }

    /// Add every declaration of `ds` (see [`Self::add_declaration`]).
    pub fn add_declarations(&mut self, ds: &[Declaration], as_of: Date) {
        for d in ds {
            self.add_declaration(d, as_of);
        }
    }

    /// The declaration of `model`, if one was added.
    pub fn declaration(&self, model: &str) -> Option<&Declared> {
        let key = fold_key(model);
        self.declarations
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, d)| d)
    }

    /// Look `model` up, resolving several companies by `vendor` (name or credit code).
    pub fn lookup(&self, model: &str, vendor: Option<&str>) -> Lookup<'_> {
        let Some(all) = self.models.get(&fold_key(model)) else {
            return Lookup::Unlisted;
        };
        let companies = |ls: &[&'_ Listing]| -> usize {
            let mut names: Vec<String> = Vec::new();
            for l in ls {
                let k = fold_key(&l.vendor);
                if !names.contains(&k) {
                    names.push(k);
                }
            }
            names.len()
        };
        let candidates: Vec<&Listing> = match vendor {
            Some(v) => {
                let key = fold_key(v);
                let code = v.trim().to_ascii_uppercase();
                all.iter()
                    .filter(|l| {
                        fold_key(&l.vendor) == key || l.credit_code.as_deref() == Some(&code)
                    })
                    .collect()
            }
            None => all.iter().collect(),
        };
        match candidates.as_slice() {
            [] => Lookup::OtherVendor(vendor_names(all.iter())),
            [one, ..] if companies(&candidates) == 1 => Lookup::Listed(one),
            _ => Lookup::Ambiguous(vendor_names(candidates.iter().copied())),
        }
    }
}

/// The vendors' names, each once, in catalogue order.
fn vendor_names<'a>(ls: impl Iterator<Item = &'a Listing>) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for l in ls {
        if !out.contains(&l.vendor.as_str()) {
            out.push(&l.vendor);
        }
    }
    out
}
