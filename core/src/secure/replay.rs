//! The receiver's replay window [SEC-040]..[SEC-043]: a sans-IO state object the caller owns and
//! persists, one per sender and key.

/// The size of the window and the largest plausible jump of a counter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct WindowConfig {
    size: u8,
    max_jump: u32,
}

impl WindowConfig {
    /// The largest window: the bitmap is one `u64`.
    pub const MAX_SIZE: u8 = 64;

    /// Window 32 (as OSCORE and Matter), maximum jump 2²⁰ [SEC-040], [SEC-041] (a deployment
    /// choice, not a standard figure).
    pub const DEFAULT: WindowConfig = WindowConfig {
        size: 32,
        max_jump: 1 << 20,
    };

    /// A window of `size` counters (1..=64) that accepts counters at most `max_jump` (≥ 1) above
    /// the highest accepted one; `None` otherwise.
    pub const fn new(size: u8, max_jump: u32) -> Option<WindowConfig> {
        if size == 0 || size > Self::MAX_SIZE || max_jump == 0 {
            None
        } else {
            Some(WindowConfig { size, max_jump })
        }
    }

    /// The number of counters the window remembers.
    pub const fn size(self) -> u8 {
        self.size
    }

    /// The largest accepted distance above the highest accepted counter.
    pub const fn max_jump(self) -> u32 {
        self.max_jump
    }

    const fn mask(self) -> u64 {
        if self.size >= 64 {
            u64::MAX
        } else {
            (1u64 << self.size) - 1
        }
    }
}

impl Default for WindowConfig {
    fn default() -> WindowConfig {
        WindowConfig::DEFAULT
    }
}

/// Why a counter is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CounterError {
    /// Already accepted, or older than the window (`FRAME_REPLAY`) [SEC-040].
    Replay,
    /// Too far above the highest accepted counter (`FRAME_COUNTER_JUMP`) [SEC-041].
    Jump,
    /// The never-used last value `FFFFFFFF` (`FRAME_COUNTER_EXHAUSTED`) [SEC-042].
    Exhausted,
}

/// The last counter value, never used [SEC-042].
pub const COUNTER_EXHAUSTED: u32 = u32::MAX;

/// Highest accepted counter and a bitmap of the counters just below it: bit `d` set means counter
/// `highest − d` was accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ReplayWindow {
    config: WindowConfig,
    highest: Option<u32>,
    bitmap: u64,
}

impl ReplayWindow {
    /// A fresh window: nothing accepted yet.
    pub const fn new(config: WindowConfig) -> ReplayWindow {
        ReplayWindow {
            config,
            highest: None,
            bitmap: 0,
        }
    }

    /// A window restored from persisted state ([`ReplayWindow::highest`], [`ReplayWindow::bitmap`])
    /// [SEC-043]. Bits beyond the window are dropped, and bit 0 (the highest) is always set.
    pub const fn restore(config: WindowConfig, highest: Option<u32>, bitmap: u64) -> ReplayWindow {
        let bitmap = match highest {
            Some(_) => (bitmap | 1) & config.mask(),
            None => 0,
        };
        ReplayWindow {
            config,
            highest,
            bitmap,
        }
    }

    /// The configuration.
    pub const fn config(&self) -> WindowConfig {
        self.config
    }

    /// The highest accepted counter, `None` in a fresh window.
    pub const fn highest(&self) -> Option<u32> {
        self.highest
    }

    /// The bitmap of accepted counters below and at the highest (bit 0 = the highest).
    pub const fn bitmap(&self) -> u64 {
        self.bitmap
    }

    /// Whether `counter` would be accepted now; the window does not change.
    ///
    /// # Errors
    /// [`CounterError`]: exhausted, replayed or too old, or an implausible jump.
    pub const fn check(&self, counter: u32) -> Result<(), CounterError> {
        if counter == COUNTER_EXHAUSTED {
            return Err(CounterError::Exhausted);
        }
        match self.highest {
            // [SEC-041] a fresh window: counters start at 0 when a key is installed.
            None => {
                if counter >= self.config.max_jump {
                    Err(CounterError::Jump)
                } else {
                    Ok(())
                }
            }
            Some(h) if counter > h => {
                if counter - h > self.config.max_jump {
                    Err(CounterError::Jump)
                } else {
                    Ok(())
                }
            }
            Some(h) => {
                // [SEC-040] reordered within the window, not yet seen; never a wrap [SEC-042].
                let d = h - counter;
                if d >= self.config.size as u32 || (self.bitmap >> d) & 1 == 1 {
                    Err(CounterError::Replay)
                } else {
                    Ok(())
                }
            }
        }
    }

    /// Check `counter` and, if it is acceptable, record it.
    ///
    /// # Errors
    /// As [`ReplayWindow::check`]; the window is unchanged on error.
    pub fn accept(&mut self, counter: u32) -> Result<(), CounterError> {
        self.check(counter)?;
        match self.highest {
            None => {
                self.highest = Some(counter);
                self.bitmap = 1;
            }
            Some(h) if counter > h => {
                let shift = counter - h;
                self.bitmap = if shift >= 64 { 0 } else { self.bitmap << shift };
                self.bitmap = (self.bitmap | 1) & self.config.mask();
                self.highest = Some(counter);
            }
            Some(h) => {
                let d = h - counter;
                self.bitmap |= 1u64.checked_shl(d).unwrap_or(0);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(size: u8, jump: u32) -> ReplayWindow {
        ReplayWindow::new(WindowConfig::new(size, jump).unwrap_or(WindowConfig::DEFAULT))
    }

    #[test]
    fn config_bounds() {
        assert!(WindowConfig::new(0, 1).is_none());
        assert!(WindowConfig::new(65, 1).is_none());
        assert!(WindowConfig::new(1, 0).is_none());
        assert!(WindowConfig::new(64, 1).is_some());
    }

    #[test]
    fn in_order_reordered_replayed_old() {
        let mut r = w(4, 100);
        assert_eq!(r.accept(0), Ok(()));
        assert_eq!(r.accept(0), Err(CounterError::Replay));
        assert_eq!(r.accept(5), Ok(()));
        assert_eq!(r.accept(3), Ok(()));
        assert_eq!(r.accept(3), Err(CounterError::Replay));
        assert_eq!(r.accept(2), Ok(()));
        assert_eq!(r.accept(1), Err(CounterError::Replay)); // 5 − 1 = 4 ≥ window 4
        assert_eq!(r.accept(4), Ok(()));
        assert_eq!(r.highest(), Some(5));
        assert_eq!(r.bitmap(), 0b1111);
    }

    #[test]
    fn jumps_and_exhaustion() {
        let mut r = w(64, 10);
        assert_eq!(r.accept(10), Err(CounterError::Jump));
        assert_eq!(r.accept(9), Ok(()));
        assert_eq!(r.accept(20), Err(CounterError::Jump));
        assert_eq!(r.accept(19), Ok(()));
        assert_eq!(r.accept(u32::MAX), Err(CounterError::Exhausted));
        let mut r = ReplayWindow::restore(WindowConfig::DEFAULT, Some(u32::MAX - 1), 1);
        assert_eq!(r.accept(u32::MAX), Err(CounterError::Exhausted));
        assert_eq!(r.accept(0), Err(CounterError::Replay));
        assert_eq!(r.accept(u32::MAX - 2), Ok(()));
    }

    #[test]
    fn big_shift_clears_the_bitmap() {
        let mut r = w(64, 1000);
        assert_eq!(r.accept(1), Ok(()));
        assert_eq!(r.accept(2), Ok(()));
        assert_eq!(r.accept(200), Ok(()));
        assert_eq!(r.bitmap(), 1);
        assert_eq!(r.accept(137), Ok(())); // 200 − 137 = 63 < 64
        assert_eq!(r.accept(136), Err(CounterError::Replay));
    }
}
