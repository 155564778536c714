//! Matching declared standards against the numbers a clause names (ALM-2*, VLV-1).
//!
//! A declared standard matches a number if, ignoring spaces and case, it starts with the number and
//! the next character does not continue it (`GB 15322.2-2019` matches `GB 15322.2`, `GB 15322.21`
//! does not), or if it contains the standard's Chinese title (INT-3: ALM-2c is known by its title).

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::{Message, Outcome};
use crate::model::Declaration;

/// Chinese titles by standard number, for declarations that cite the title only.
const TITLES: &[(&str, &str)] = &[
    ("GB 15322.1", "工业及商业用途点型可燃气体探测器"),
    ("GB 15322.2", "家用可燃气体探测器"),
    ("GB 50058", "爆炸危险环境电力装置设计规范"),
    ("GB 23757", "消防电子产品防护要求"),
    ("CJ/T 447", "管道燃气自闭阀"),
];

fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}

/// Whether the declaration lists standard `number` (by number or title).
pub(crate) fn lists(decl: &Declaration, number: &str) -> bool {
    let want = squash(number);
    let title = TITLES
        .iter()
        .find(|(n, _)| *n == number)
        .map(|(_, t)| squash(t));
    decl.standards.iter().any(|s| {
        let have = squash(s);
        let by_number = have
            .strip_prefix(want.as_str())
            .is_some_and(|rest| !rest.starts_with(|c: char| c.is_ascii_digit() || c == '.'));
        by_number || title.as_deref().is_some_and(|t| have.contains(t))
    })
}

/// A clause satisfied by listing any of the standards named in its requirement-table entry.
pub(crate) fn claimed(decl: &Declaration, id: &'static str) -> Outcome {
    let wanted: &[&str] = crate::requirements::by_id(id).map_or(&[], |r| r.standards);
    let found: Vec<&str> = wanted.iter().copied().filter(|n| lists(decl, n)).collect();
    if let Some(first) = found.first() {
        Outcome::pass(
            "standards",
            Message::new(format!("声明符合 {first}"), format!("conforms to {first}")),
        )
    } else {
        let names = wanted.join(" / ");
        Outcome::fail(
            "standards",
            Message::new(
                format!("未声明符合 {names}"),
                format!("does not list {names}"),
            ),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decl(stds: &[&str]) -> Declaration {
        Declaration {
            vendor: None,
            model: String::from("M"),
            kind: crate::model::DeviceKind::LeakAlarm,
            claimed_tier: crate::model::Tier::Low,
            use_case: None,
            price: None,
            installation_price: None,
            service: None,
            certificates: Vec::new(),
            standards: stds.iter().map(|s| String::from(*s)).collect(),
            identifiers: Vec::new(),
            capabilities: Default::default(),
        }
    }

    #[test]
    fn number_matching_respects_boundaries() {
        assert!(lists(&decl(&["GB 15322.2-2019"]), "GB 15322.2"));
        assert!(lists(&decl(&["gb15322.2"]), "GB 15322.2"));
        assert!(!lists(&decl(&["GB 15322.21-2019"]), "GB 15322.2"));
        assert!(!lists(&decl(&["GB 15322-2003"]), "GB 15322.2"));
        assert!(lists(&decl(&["CJ/T 447-2014"]), "CJ/T 447"));
        assert!(!lists(&decl(&["CJ/T 4470"]), "CJ/T 447"));
        assert!(lists(&decl(&["《消防电子产品防护要求》"]), "GB 23757"));
    }
}
