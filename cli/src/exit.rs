//! Exit statuses shared by every subcommand: 0 = all conformant / valid, 1 = some finding failed
//! or some input is invalid as a value, 2 = input error (unreadable, malformed, bad arguments).

use std::process::ExitCode;

/// Exit 0: everything conformant / valid.
pub fn ok() -> ExitCode {
    ExitCode::SUCCESS
}

/// Exit 1: some finding failed, or some input is invalid as a value.
pub fn findings() -> ExitCode {
    ExitCode::from(1)
}

/// Exit 2: unreadable file, malformed document, bad arguments.
pub fn input_error() -> ExitCode {
    ExitCode::from(2)
}
