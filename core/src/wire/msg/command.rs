//! Command (type `0x10`) [FRAME-070]: the command code and its argument. A command that would
//! open a self-closing valve or clear its latch has no value here (VLV-0e).

use super::super::error::{EmitError, Error, ErrorKind};
use super::super::tlv::Tlvs;
use super::{Field, Invalid, Reader, Writer, bad, check_ext};

/// Command codes [FRAME-071]. `0x02` and `0x03` are forbidden forever (VLV-0e).
pub mod command_code {
    /// Close the valve (or, for an alarm, trigger its interlock).
    pub const CLOSE_VALVE: u8 = 0x01;
    /// Forbidden: open a valve (VLV-0e). Decoding it fails with `FRAME_FORBIDDEN_COMMAND`.
    pub const FORBIDDEN_OPEN_VALVE: u8 = 0x02;
    /// Forbidden: clear the manual-reset latch (VLV-0e). Decoding it fails with
    /// `FRAME_FORBIDDEN_COMMAND`.
    pub const FORBIDDEN_CLEAR_LATCH: u8 = 0x03;
    /// Run a self-test.
    pub const SELF_TEST: u8 = 0x04;
    /// Mute the sounder for a number of seconds (u16, 1..=65535).
    pub const MUTE: u8 = 0x05;
    /// Set the status report interval in seconds (u32, 60..=604800).
    pub const SET_REPORT_INTERVAL: u8 = 0x06;
    /// Send a status report now.
    pub const REQUEST_STATUS: u8 = 0x07;
}

/// The shortest and longest report interval a command may set, in seconds (1 min, 7 days).
pub const REPORT_INTERVAL_RANGE: core::ops::RangeInclusive<u32> = 60..=604_800;

/// A command to a device. There is no variant that opens a valve or clears its latch: such a
/// command cannot be expressed, and decoding one fails with `FRAME_FORBIDDEN_COMMAND` (VLV-0e).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)
)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "FrameCommand"))]
pub enum Command {
    /// Close the valve (closing remotely is allowed; opening is not).
    CloseValve,
    /// Run a self-test.
    SelfTest,
    /// Mute the sounder for `seconds` (1..=65535); muting never changes the expressed state.
    Mute {
        /// How long, in seconds.
        seconds: u16,
    },
    /// Set the status report interval.
    SetReportInterval {
        /// Seconds, within [`REPORT_INTERVAL_RANGE`].
        seconds: u32,
    },
    /// Send a status report now.
    RequestStatus,
}

crate::coded::coded_enum! {
    /// The command an acknowledgement refers to (the permitted commands only).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum CommandCode => serde {
        /// [`Command::CloseValve`].
        CloseValve = "close_valve";
        /// [`Command::SelfTest`].
        SelfTest = "self_test";
        /// [`Command::Mute`].
        Mute = "mute";
        /// [`Command::SetReportInterval`].
        SetReportInterval = "set_report_interval";
        /// [`Command::RequestStatus`].
        RequestStatus = "request_status";
    }
}

impl CommandCode {
    /// The wire code.
    pub const fn code(self) -> u8 {
        match self {
            CommandCode::CloseValve => command_code::CLOSE_VALVE,
            CommandCode::SelfTest => command_code::SELF_TEST,
            CommandCode::Mute => command_code::MUTE,
            CommandCode::SetReportInterval => command_code::SET_REPORT_INTERVAL,
            CommandCode::RequestStatus => command_code::REQUEST_STATUS,
        }
    }

    /// The command code of a wire code, or the error for a forbidden or unknown one.
    ///
    /// # Errors
    /// [`ErrorKind::ForbiddenCommand`] for `0x02`/`0x03`, [`ErrorKind::UnknownCommand`] else.
    pub const fn from_code(code: u8) -> Result<CommandCode, ErrorKind> {
        match code {
            command_code::CLOSE_VALVE => Ok(CommandCode::CloseValve),
            command_code::SELF_TEST => Ok(CommandCode::SelfTest),
            command_code::MUTE => Ok(CommandCode::Mute),
            command_code::SET_REPORT_INTERVAL => Ok(CommandCode::SetReportInterval),
            command_code::REQUEST_STATUS => Ok(CommandCode::RequestStatus),
            command_code::FORBIDDEN_OPEN_VALVE | command_code::FORBIDDEN_CLEAR_LATCH => {
                Err(ErrorKind::ForbiddenCommand)
            }
            _ => Err(ErrorKind::UnknownCommand),
        }
    }

    /// The number of argument bytes after the code.
    const fn arg_len(self) -> usize {
        match self {
            CommandCode::Mute => 2,
            CommandCode::SetReportInterval => 4,
            _ => 0,
        }
    }
}

impl Command {
    /// The command's code.
    pub const fn code(self) -> CommandCode {
        match self {
            Command::CloseValve => CommandCode::CloseValve,
            Command::SelfTest => CommandCode::SelfTest,
            Command::Mute { .. } => CommandCode::Mute,
            Command::SetReportInterval { .. } => CommandCode::SetReportInterval,
            Command::RequestStatus => CommandCode::RequestStatus,
        }
    }

    const fn is_valid(self) -> bool {
        match self {
            Command::Mute { seconds } => seconds != 0,
            Command::SetReportInterval { seconds } => {
                seconds >= *REPORT_INTERVAL_RANGE.start() && seconds <= *REPORT_INTERVAL_RANGE.end()
            }
            _ => true,
        }
    }
}

/// A command message [FRAME-070].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommandRequest<'a> {
    /// The command.
    pub command: Command,
    /// TLVs this version does not define, kept.
    pub extensions: Tlvs<'a>,
}

impl<'a> CommandRequest<'a> {
    /// Parse the body: code, argument, extensions.
    #[cfg_attr(target_pointer_width = "64", inline(always))]
    pub(in crate::wire) fn parse(mut r: Reader<'a>) -> Result<CommandRequest<'a>, Error> {
        let (at, c) = r.u8()?;
        let code = CommandCode::from_code(c).map_err(|k| bad(k, at))?;
        let command = match code {
            CommandCode::CloseValve => Command::CloseValve,
            CommandCode::SelfTest => Command::SelfTest,
            CommandCode::RequestStatus => Command::RequestStatus,
            CommandCode::Mute => Command::Mute {
                seconds: u16::from_be_bytes(r.array::<2>()?.1),
            },
            CommandCode::SetReportInterval => Command::SetReportInterval {
                seconds: u32::from_be_bytes(r.array::<4>()?.1),
            },
        };
        if !command.is_valid() {
            return Err(bad(ErrorKind::BadField, at.saturating_add(1)));
        }
        Ok(CommandRequest {
            command,
            extensions: r.extensions()?,
        })
    }

    /// The body length.
    pub(in crate::wire) fn body_len(&self) -> usize {
        1 + self.command.code().arg_len() + self.extensions.as_bytes().len()
    }

    /// Every rule `parse` checks.
    pub(in crate::wire) fn check(&self) -> Result<(), Invalid> {
        if !self.command.is_valid() {
            return Err((EmitError::BadField, Field::Command));
        }
        check_ext(&self.extensions, 0)
    }

    /// Write the body.
    pub(in crate::wire) fn emit(&self, w: &mut Writer<'_>) {
        w.put(&[self.command.code().code()]);
        match self.command {
            Command::Mute { seconds } => w.put(&seconds.to_be_bytes()),
            Command::SetReportInterval { seconds } => w.put(&seconds.to_be_bytes()),
            _ => {}
        }
        w.put(self.extensions.as_bytes());
    }
}
