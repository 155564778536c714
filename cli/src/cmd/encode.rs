//! `gasdev encode` (placeholder until its issue lands).

use std::process::ExitCode;

/// Arguments of `gasdev encode`.
#[derive(clap::Args)]
pub struct Args {}

/// Run the subcommand.
pub fn run(_args: Args) -> ExitCode {
    eprintln!("gasdev encode: not available yet");
    crate::exit::input_error()
}
