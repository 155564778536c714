//! `gasdev ident` (placeholder until its issue lands).

use std::process::ExitCode;

/// Arguments of `gasdev ident`.
#[derive(clap::Args)]
pub struct Args {}

/// Run the subcommand.
pub fn run(_args: Args) -> ExitCode {
    eprintln!("gasdev ident: not available yet");
    crate::exit::input_error()
}
