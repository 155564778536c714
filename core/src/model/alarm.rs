//! Alarm status and its precedence order.
//!
//! Pain point 7 of `devices.md` §13: without a defined order, a platform cannot say what an alarm
//! "is" when several conditions hold at once. [`AlarmStatus`] keeps every condition (nothing is
//! lost), and [`AlarmStatus::expressed`] picks the one to show by a total order:
//!
//! `HighAlarm > LowAlarm > Fault > EndOfLife > SelfTest > Preheat > Normal`
//!
//! A gas alarm outranks everything: a real leak is never masked by a fault, an expired sensor, a
//! self-test or preheat (GB 15322.2-2019 §3.3.7 tests alarming during preheat). `muted` is not a
//! state: it silences the sounder but never changes what is expressed.

crate::coded::coded_enum! {
    /// The level of a gas alarm.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
    pub enum AlarmLevel: u8 => serde {
        /// No alarm.
        #[default]
        None = 1, "none";
        /// Low (first-level) alarm.
        Low = 2, "low";
        /// High (second-level) alarm.
        High = 3, "high";
    }
}

crate::coded::coded_enum! {
    /// The one state an alarm expresses, ordered by precedence (`Normal` lowest).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum ExpressedState => serde {
        /// Nothing to report.
        Normal = "normal", "正常", "normal";
        /// Sensor warming up after power-on (预热).
        Preheat = "preheat", "预热", "preheat";
        /// Self-test in progress (自检).
        SelfTest = "self_test", "自检", "self-test";
        /// Sensor at the end of its service life (传感器寿命到期).
        EndOfLife = "end_of_life", "传感器寿命到期", "sensor end of life";
        /// Device or sensor fault (故障).
        Fault = "fault", "故障", "fault";
        /// Low (first-level) gas alarm (低限报警).
        LowAlarm = "low_alarm", "低限报警", "low alarm";
        /// High (second-level) gas alarm (高限报警).
        HighAlarm = "high_alarm", "高限报警", "high alarm";
    }
}

/// Every condition of a leak alarm at one moment. Nothing is collapsed: see [`Self::expressed`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AlarmStatus {
    /// Combustible-gas (methane) alarm level.
    pub gas: AlarmLevel,
    /// Carbon-monoxide alarm level.
    pub co: AlarmLevel,
    /// Sensor warming up.
    pub preheat: bool,
    /// Device or sensor fault.
    pub fault: bool,
    /// Sensor at end of life.
    pub end_of_life: bool,
    /// Self-test in progress.
    pub self_test: bool,
    /// Sounder muted by the user.
    pub muted: bool,
}

impl AlarmStatus {
    /// The state to show, by the precedence order of this module.
    pub fn expressed(&self) -> ExpressedState {
        let level = if self.gas > self.co {
            self.gas
        } else {
            self.co
        };
        match level {
            AlarmLevel::High => ExpressedState::HighAlarm,
            AlarmLevel::Low => ExpressedState::LowAlarm,
            AlarmLevel::None if self.fault => ExpressedState::Fault,
            AlarmLevel::None if self.end_of_life => ExpressedState::EndOfLife,
            AlarmLevel::None if self.self_test => ExpressedState::SelfTest,
            AlarmLevel::None if self.preheat => ExpressedState::Preheat,
            AlarmLevel::None => ExpressedState::Normal,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alarm_outranks_every_other_condition() {
        let s = AlarmStatus {
            gas: AlarmLevel::Low,
            preheat: true,
            fault: true,
            end_of_life: true,
            self_test: true,
            muted: true,
            ..AlarmStatus::default()
        };
        assert_eq!(s.expressed(), ExpressedState::LowAlarm);
        let s = AlarmStatus {
            co: AlarmLevel::High,
            ..s
        };
        assert_eq!(s.expressed(), ExpressedState::HighAlarm);
    }

    #[test]
    fn order_without_alarm() {
        let mut s = AlarmStatus {
            preheat: true,
            ..AlarmStatus::default()
        };
        assert_eq!(s.expressed(), ExpressedState::Preheat);
        s.self_test = true;
        assert_eq!(s.expressed(), ExpressedState::SelfTest);
        s.end_of_life = true;
        assert_eq!(s.expressed(), ExpressedState::EndOfLife);
        s.fault = true;
        assert_eq!(s.expressed(), ExpressedState::Fault);
        assert_eq!(AlarmStatus::default().expressed(), ExpressedState::Normal);
        let muted = AlarmStatus {
            muted: true,
            ..AlarmStatus::default()
        };
        assert_eq!(muted.expressed(), ExpressedState::Normal);
    }
}
