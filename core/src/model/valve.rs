//! Valve state, trip reason and the manual-reset latch.
//!
//! 附件3 二 (VLV-0a..0e): a self-closing valve closes by itself on over-pressure, under-pressure and
//! over-flow, needs no external power to close, and once closed **must be opened by hand**. No
//! surveyed ecosystem models the trip reason or the latch (`devices.md` §12); here both are explicit.

/// The position or condition of a valve.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ValveState {
    /// Open (开).
    Open,
    /// Closed (关).
    Closed,
    /// Moving towards open.
    Opening,
    /// Moving towards closed.
    Closing,
    /// Valve fault (故障).
    Fault,
    /// No valve connected (for an alarm: interlock output unconnected; see ALM-6b).
    NotConnected,
    /// State not known (never reported, or sensor unreadable).
    Unknown,
}

crate::serde_names::deserialize_by_name!(ValveState {
    Open = "open",
    Closed = "closed",
    Opening = "opening",
    Closing = "closing",
    Fault = "fault",
    NotConnected = "not_connected",
    Unknown = "unknown",
});

impl ValveState {
    /// Name in both languages.
    pub const fn text(self) -> crate::Text {
        use crate::Text;
        match self {
            ValveState::Open => Text::new("开启", "open"),
            ValveState::Closed => Text::new("关闭", "closed"),
            ValveState::Opening => Text::new("正在开启", "opening"),
            ValveState::Closing => Text::new("正在关闭", "closing"),
            ValveState::Fault => Text::new("故障", "fault"),
            ValveState::NotConnected => Text::new("未连接阀门", "not connected"),
            ValveState::Unknown => Text::new("未知", "unknown"),
        }
    }
}

/// Why a valve closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum TripReason {
    /// Pipe pressure above the limit (超压, VLV-0a).
    OverPressure,
    /// Pipe pressure below the limit (欠压, VLV-0b).
    UnderPressure,
    /// Flow above the limit (过流, VLV-0c).
    OverFlow,
    /// Closed by a gas alarm through the interlock (报警联动, ALM-4).
    AlarmInterlock,
    /// Closed by hand.
    Manual,
    /// Closed by a remote command (closing remotely is allowed; opening is not, VLV-0e).
    RemoteClose,
    /// Closed because power was lost (fail-closed).
    PowerLoss,
}

crate::serde_names::deserialize_by_name!(TripReason {
    OverPressure = "over_pressure",
    UnderPressure = "under_pressure",
    OverFlow = "over_flow",
    AlarmInterlock = "alarm_interlock",
    Manual = "manual",
    RemoteClose = "remote_close",
    PowerLoss = "power_loss",
});

impl TripReason {
    /// Name in both languages.
    pub const fn text(self) -> crate::Text {
        use crate::Text;
        match self {
            TripReason::OverPressure => Text::new("超压关闭", "over-pressure"),
            TripReason::UnderPressure => Text::new("欠压关闭", "under-pressure"),
            TripReason::OverFlow => Text::new("过流关闭", "over-flow"),
            TripReason::AlarmInterlock => Text::new("报警联动关闭", "alarm interlock"),
            TripReason::Manual => Text::new("手动关闭", "manual"),
            TripReason::RemoteClose => Text::new("远程关闭", "remote close"),
            TripReason::PowerLoss => Text::new("断电关闭", "power loss"),
        }
    }
}

/// Why a [`ValveStatus`] is inconsistent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ValveStatusError {
    /// A trip reason on a valve that is neither closed nor closing.
    #[error("a trip reason is only meaningful for a closed or closing valve")]
    TripWhileNotClosed,
    /// The manual-reset latch on a valve that is not closed.
    #[error("the manual-reset latch can only be set on a closed valve")]
    LatchWhileNotClosed,
}

impl ValveStatusError {
    /// The shared error code.
    pub const fn code(self) -> crate::ErrorCode {
        crate::ErrorCode::InputInvalidValue
    }
}

/// A valve's state with its trip reason and latch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ValveStatus {
    /// Position or condition.
    pub state: ValveState,
    /// Why it closed, when closed or closing and known.
    #[cfg_attr(feature = "serde", serde(default))]
    pub trip: Option<TripReason>,
    /// Latched closed: it stays closed until a person opens it by hand (VLV-0e).
    #[cfg_attr(feature = "serde", serde(default))]
    pub manual_reset_required: bool,
}

impl ValveStatus {
    /// Check the invariants: a trip reason only when closed or closing, the latch only when closed.
    ///
    /// # Errors
    /// The first violated invariant.
    pub const fn validate(&self) -> Result<(), ValveStatusError> {
        let closed = matches!(self.state, ValveState::Closed);
        let closing = matches!(self.state, ValveState::Closing);
        if self.trip.is_some() && !(closed || closing) {
            return Err(ValveStatusError::TripWhileNotClosed);
        }
        if self.manual_reset_required && !closed {
            return Err(ValveStatusError::LatchWhileNotClosed);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invariants() {
        let latched = ValveStatus {
            state: ValveState::Closed,
            trip: Some(TripReason::UnderPressure),
            manual_reset_required: true,
        };
        assert_eq!(latched.validate(), Ok(()));
        let open_with_trip = ValveStatus {
            state: ValveState::Open,
            ..latched
        };
        assert_eq!(
            open_with_trip.validate(),
            Err(ValveStatusError::TripWhileNotClosed)
        );
        let closing_latched = ValveStatus {
            state: ValveState::Closing,
            ..latched
        };
        assert_eq!(
            closing_latched.validate(),
            Err(ValveStatusError::LatchWhileNotClosed)
        );
    }
}
