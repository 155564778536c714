//! `gasdev requirements [--kind K] [--tier T]`: list the requirement table.

use std::process::ExitCode;

use gasdev::Lang;
use gasdev::api::render::{Style, requirements_report};
use gasdev::api::requirements;
use gasdev::model::{DeviceKind, Tier};

use crate::output::{Format, LangArg};

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
    gasdev::api::parse_kind(s, "kind").map_err(|e| e.to_string())
}

fn parse_tier(s: &str) -> Result<Tier, String> {
    gasdev::api::parse_tier(s, "tier").map_err(|e| e.to_string())
}

/// Run the subcommand.
pub fn run(args: Args) -> ExitCode {
    // clap requires `--kind` with `--tier`, so the core's one refusal cannot happen here.
    let selected = match requirements(args.kind, args.tier) {
        Ok(r) => r,
        Err(e) => {
            errln!("gasdev requirements: {e}");
            return crate::exit::input_error();
        }
    };
    let lang = Lang::from(args.lang);
    let text = match args.format {
        Format::Json => match serde_json::to_string_pretty(&selected) {
            Ok(s) => s + "\n",
            Err(e) => {
                errln!("gasdev requirements: {e}");
                return crate::exit::input_error();
            }
        },
        Format::Table => requirements_report(&selected, lang, Style::Table),
        Format::Markdown => requirements_report(&selected, lang, Style::Markdown),
    };
    out!("{text}");
    crate::exit::ok()
}
