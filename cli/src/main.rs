//! `gasdev`: check product declarations and catalogues against the clauses, list the requirements,
//! check identifiers, decode and encode device frames.
//!
//! Exit status: 0 = everything conformant / valid, 1 = some finding failed or some input is
//! invalid as a value, 2 = input error (unreadable file, malformed document, bad arguments).

#![deny(clippy::print_stdout, clippy::print_stderr)]

#[macro_use]
mod out;
mod cmd;
mod exit;
mod input;
mod keyfile;
mod lines;
mod output;
mod scan;
mod workbook;

use clap::{Parser, Subcommand};

/// libgasdev command-line tool (燃气安全装置核查工具).
#[derive(Parser)]
#[command(name = "gasdev", version, about, long_about = None)]
struct Cli {
    /// Size limit of one input file or document, in bytes (README "Input bounds").
    #[arg(long, global = true, value_name = "BYTES", default_value_t = input::DEFAULT_MAX_INPUT_BYTES)]
    max_input_bytes: u64,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check product declarations and catalogues (files or directories of .json files).
    Check(cmd::check::Args),
    /// List the requirements, optionally for one device kind and tier.
    Requirements(cmd::requirements::Args),
    /// Parse and validate industrial-internet identifiers.
    Ident(cmd::ident::Args),
    /// Decode a libgasdev frame or a GB/T 26875.3 packet (hex text or a binary file).
    Decode(cmd::decode::Args),
    /// Encode a libgasdev frame from its JSON form, printed as hex.
    Encode(cmd::encode::Args),
    /// Inspect households in bulk (JSON lines, CSV or XLSX): obligations, findings, summary.
    Inspect(cmd::inspect::Args),
}

fn main() -> std::process::ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help/version to stdout (exit 0) and usage errors to stderr.
            if let Err(err) = e.print() {
                if !e.use_stderr() {
                    out::fail(&err);
                }
            }
            return if e.use_stderr() {
                exit::input_error()
            } else {
                exit::ok()
            };
        }
    };
    input::set_max_input_bytes(cli.max_input_bytes);
    match cli.command {
        Command::Check(a) => cmd::check::run(a),
        Command::Requirements(a) => cmd::requirements::run(a),
        Command::Ident(a) => cmd::ident::run(a),
        Command::Decode(a) => cmd::decode::run(a),
        Command::Encode(a) => cmd::encode::run(a),
        Command::Inspect(a) => cmd::inspect::run(a),
    }
}
