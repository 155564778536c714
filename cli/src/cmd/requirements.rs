//! `gasdev requirements [--kind K] [--tier T]`: list the requirement table.

use std::process::ExitCode;

use gasdev::Lang;
use gasdev::model::{DeviceKind, Tier};
use gasdev::requirements::{ALL, Requirement};

use crate::output::{Format, LangArg, md_cell, table};

/// Arguments of `gasdev requirements`.
#[derive(clap::Args)]
pub struct Args {
    /// Only requirements for this device kind (`leak_alarm`, `self_closing_valve`).
    #[arg(long, value_parser = parse_kind)]
    kind: Option<DeviceKind>,
    /// Only requirements that apply at this tier (`low`, `mid`, `high`); needs `--kind`.
    #[arg(long, value_parser = parse_tier, requires = "kind")]
    tier: Option<Tier>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: Format,
    /// Language of the clause text in table and Markdown output.
    #[arg(long, value_enum, default_value_t)]
    lang: LangArg,
}

fn parse_kind(s: &str) -> Result<DeviceKind, String> {
    DeviceKind::parse(s)
        .ok_or_else(|| format!("unknown kind \"{s}\" (expected leak_alarm or self_closing_valve)"))
}

fn parse_tier(s: &str) -> Result<Tier, String> {
    Tier::parse(s).ok_or_else(|| format!("unknown tier \"{s}\" (expected low, mid or high)"))
}

#[derive(serde::Serialize)]
struct Output {
    ruleset: &'static str,
    ruleset_version: u32,
    kind: Option<DeviceKind>,
    tier: Option<Tier>,
    requirements: Vec<&'static Requirement>,
}

/// Run the subcommand.
pub fn run(args: Args) -> ExitCode {
    let selected: Vec<&'static Requirement> = ALL
        .iter()
        .filter(|r| match (args.kind, args.tier) {
            (Some(k), Some(t)) => r.applies_to(k, t),
            (Some(k), None) => r.scope.covers(k),
            _ => true,
        })
        .collect();
    let lang = Lang::from(args.lang);
    match args.format {
        Format::Json => {
            let out = Output {
                ruleset: gasdev::requirements::RULESET,
                ruleset_version: gasdev::requirements::RULESET_VERSION,
                kind: args.kind,
                tier: args.tier,
                requirements: selected,
            };
            match serde_json::to_string_pretty(&out) {
                Ok(s) => outln!("{s}"),
                Err(e) => {
                    errln!("gasdev requirements: {e}");
                    return crate::exit::input_error();
                }
            }
        }
        Format::Table | Format::Markdown => {
            let rows: Vec<Vec<String>> = selected
                .iter()
                .map(|r| {
                    let tiers: Vec<&str> = r.tiers.iter().map(|t| t.text().get(lang)).collect();
                    vec![
                        r.id.to_string(),
                        r.clause.to_string(),
                        if tiers.is_empty() {
                            "-".into()
                        } else {
                            tiers.join("/")
                        },
                        r.text.get(lang).to_string(),
                    ]
                })
                .collect();
            let header = match lang {
                Lang::Zh => ["编号", "出处", "适用档次", "要求"],
                Lang::En => ["id", "clause", "tiers", "requirement"],
            };
            if args.format == Format::Table {
                out!("{}", table(&header, &rows));
            } else {
                outln!("| {} |\n|---|---|---|---|", header.join(" | "));
                for r in rows {
                    let cells: Vec<String> = r.iter().map(|c| md_cell(c)).collect();
                    outln!("| {} |", cells.join(" | "));
                }
            }
        }
    }
    crate::exit::ok()
}
