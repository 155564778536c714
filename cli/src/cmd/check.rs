//! `gasdev check` (being written).

use std::process::ExitCode;

/// Arguments of `gasdev check`.
#[derive(clap::Args)]
pub struct Args {}

/// Run the subcommand.
pub fn run(_args: Args) -> ExitCode {
    crate::exit::input_error()
}
