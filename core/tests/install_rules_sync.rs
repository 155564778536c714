//! `spec/installation-rules.json` and the built-in rule set are the same data.
//! Regenerate the file with `GASDEV_BLESS=1 cargo test -p gasdev --features json --test install_rules_sync`.
#![cfg(feature = "json")]

use gasdev::install::RuleSet;

#[test]
fn spec_rule_set_equals_the_built_in_one() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../spec/installation-rules.json"
    );
    let builtin = RuleSet::nanchuan_2022();
    if std::env::var_os("GASDEV_BLESS").is_some() {
        std::fs::write(path, serde_json::to_string_pretty(&builtin).unwrap() + "\n").unwrap();
    }
    let spec: RuleSet = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(spec, builtin);
}
