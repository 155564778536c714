//! `gasdev decode` (placeholder until its issue lands).

use std::process::ExitCode;

/// Arguments of `gasdev decode`.
#[derive(clap::Args)]
pub struct Args {}

/// Run the subcommand.
pub fn run(_args: Args) -> ExitCode {
    eprintln!("gasdev decode: not available yet");
    crate::exit::input_error()
}
