//! Exit statuses shared by every subcommand.

use std::process::ExitCode;

/// Everything conformant / valid.
pub const OK: ExitCode = ExitCode::SUCCESS;
/// Some finding failed, or some input is invalid as a value.
pub const FINDINGS: ExitCode = ExitCode::from_u8(1);
/// Input error: unreadable file, malformed document, bad arguments.
pub const INPUT_ERROR: ExitCode = ExitCode::from_u8(2);
