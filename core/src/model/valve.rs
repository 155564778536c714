//! Valve state, trip reason and the manual-reset latch.
//!
//! 附件3 二 (VLV-0a..0e): a self-closing valve closes by itself on over-pressure, under-pressure and
//! over-flow, needs no external power to close, and once closed **must be opened by hand**. No
//! surveyed ecosystem models the trip reason or the latch (`devices.md` §12); here both are explicit.

crate::coded::coded_enum! {
    /// The position or condition of a valve.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub enum ValveState: u8 => serde {
        /// Open (开).
        Open = 1, "open", "开启", "open";
        /// Closed (关).
        Closed = 2, "closed", "关闭", "closed";
        /// Moving towards open.
        Opening = 3, "opening", "正在开启", "opening";
        /// Moving towards closed.
        Closing = 4, "closing", "正在关闭", "closing";
        /// Valve fault (故障).
        Fault = 5, "fault", "故障", "fault";
        /// No valve connected (for an alarm: interlock output unconnected; see ALM-6b).
        NotConnected = 6, "not_connected", "未连接阀门", "not connected";
        /// State not known (never reported, or sensor unreadable).
        Unknown = 7, "unknown", "未知", "unknown";
    }
}

crate::coded::coded_enum! {
    /// Why a valve closed.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub enum TripReason: u8 => serde {
        /// Pipe pressure above the limit (超压, VLV-0a).
        OverPressure = 1, "over_pressure", "超压关闭", "over-pressure";
        /// Pipe pressure below the limit (欠压, VLV-0b).
        UnderPressure = 2, "under_pressure", "欠压关闭", "under-pressure";
        /// Flow above the limit (过流, VLV-0c).
        OverFlow = 3, "over_flow", "过流关闭", "over-flow";
        /// Closed by a gas alarm through the interlock (报警联动, ALM-4).
        AlarmInterlock = 4, "alarm_interlock", "报警联动关闭", "alarm interlock";
        /// Closed by hand.
        Manual = 5, "manual", "手动关闭", "manual";
        /// Closed by a remote command (closing remotely is allowed; opening is not, VLV-0e).
        RemoteClose = 6, "remote_close", "远程关闭", "remote close";
        /// Closed because power was lost (fail-closed).
        PowerLoss = 7, "power_loss", "断电关闭", "power loss";
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
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
