//! The 6-byte time label (图17, §8.2.2).
//!
//! > 时间标签 … 秒 分 时 日 月 年 (second 0–59, minute 0–59, hour 0–23, day 1–31, month 1–12, year 0–99)
//!
//! The standard gives the order and ranges but not the encoding; real frames use plain binary (the
//! reference's V1 header `18 0D 11 16 0A 14` holds `0D` and `0A`, which are not BCD) and every
//! implementation reads the year as 2000 + YY, local time \[GBT-5\]. A label that is not a valid
//! date is kept as raw fields and flagged, never rejected by the tolerant decoder (checklist row 9).

use crate::model::Date;

/// A time label: six raw bytes, second first. Not validated on construction: see [`Self::is_valid`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct TimeLabel {
    /// The six bytes as sent: second, minute, hour, day, month, year (0–99 = 2000–2099).
    pub raw: [u8; 6],
}

impl TimeLabel {
    /// The encoded size.
    pub const LEN: usize = 6;

    /// A label from calendar fields (`year` is the full year, 2000–2099 when valid).
    ///
    /// Years outside 2000..=2254 are not representable: the year byte is then 255, which
    /// [`Self::is_valid`] rejects (as it does every year after 2099).
    pub const fn new(year: u16, month: u8, day: u8, hour: u8, minute: u8, second: u8) -> TimeLabel {
        let yy = if year < 2000 || year - 2000 > 254 {
            255
        } else {
            (year - 2000) as u8
        };
        TimeLabel {
            raw: [second, minute, hour, day, month, yy],
        }
    }

    /// The label from its six wire bytes.
    pub const fn from_bytes(raw: [u8; 6]) -> TimeLabel {
        TimeLabel { raw }
    }

    /// Second (0–59 when valid).
    pub const fn second(self) -> u8 {
        self.raw[0]
    }

    /// Minute (0–59 when valid).
    pub const fn minute(self) -> u8 {
        self.raw[1]
    }

    /// Hour (0–23 when valid).
    pub const fn hour(self) -> u8 {
        self.raw[2]
    }

    /// Day of the month (1–31 when valid).
    pub const fn day(self) -> u8 {
        self.raw[3]
    }

    /// Month (1–12 when valid).
    pub const fn month(self) -> u8 {
        self.raw[4]
    }

    /// The full year: 2000 + the year byte.
    pub const fn year(self) -> u16 {
        2000 + self.raw[5] as u16
    }

    /// Whether the label is a real date and time: year byte 0–99, an existing calendar date,
    /// hour 0–23, minute and second 0–59.
    pub fn is_valid(self) -> bool {
        self.raw[5] <= 99
            && self.hour() <= 23
            && self.minute() <= 59
            && self.second() <= 59
            && Date::new(self.year(), self.month(), self.day()).is_ok()
    }

    /// Parse `YYYY-MM-DDTHH:MM:SS` (the JSON form); `None` unless it is a valid label (2000–2099).
    pub fn parse(s: &str) -> Option<TimeLabel> {
        let b = s.as_bytes();
        if b.len() != 19 {
            return None;
        }
        let num = |r: core::ops::Range<usize>| -> Option<u16> {
            b.get(r)?.iter().try_fold(0u16, |acc, &c| {
                c.is_ascii_digit()
                    .then(|| acc.wrapping_mul(10).wrapping_add(u16::from(c - b'0')))
            })
        };
        let seps = [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':'), (16, b':')];
        if seps.iter().any(|&(i, c)| b.get(i) != Some(&c)) {
            return None;
        }
        let small = |r| num(r).and_then(|v| u8::try_from(v).ok());
        let year = num(0..4)?;
        if !(2000..=2099).contains(&year) {
            return None;
        }
        let t = TimeLabel::new(
            year,
            small(5..7)?,
            small(8..10)?,
            small(11..13)?,
            small(14..16)?,
            small(17..19)?,
        );
        t.is_valid().then_some(t)
    }

    /// The local time label of a Unix time (UTC seconds) at `utc_offset_minutes` east of UTC
    /// (China Standard Time: +480). Years after 2099 give an invalid label (year byte ≥ 100).
    pub fn from_unix(unix_seconds: u32, utc_offset_minutes: i16) -> TimeLabel {
        let local = i64::from(unix_seconds)
            .saturating_add(i64::from(utc_offset_minutes).saturating_mul(60));
        let days = local.div_euclid(86_400);
        let secs = local.rem_euclid(86_400);
        let date = Date::from_days_since_epoch(days).unwrap_or(Date::MIN);
        let narrow = |v: i64| u8::try_from(v).unwrap_or(u8::MAX);
        TimeLabel::new(
            date.year(),
            date.month(),
            date.day(),
            narrow(secs / 3600),
            narrow(secs / 60 % 60),
            narrow(secs % 60),
        )
    }

    /// The date part, if valid.
    pub fn date(self) -> Option<Date> {
        if self.is_valid() {
            Date::new(self.year(), self.month(), self.day()).ok()
        } else {
            None
        }
    }
}

impl core::fmt::Display for TimeLabel {
    /// ISO 8601 local time without a zone, `YYYY-MM-DDTHH:MM:SS`, from the raw fields even when
    /// they are not a valid date (the JSON form then adds `"time_valid": false`).
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
            self.year(),
            self.month(),
            self.day(),
            self.hour(),
            self.minute(),
            self.second()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v1_header_time_is_binary() {
        let t = TimeLabel::from_bytes([0x18, 0x0D, 0x11, 0x16, 0x0A, 0x14]);
        assert!(t.is_valid());
        let mut s = crate::fmt_buf::Buf::<32>::new();
        core::fmt::write(&mut s, format_args!("{t}")).unwrap();
        assert_eq!(s.as_str(), "2020-10-22T17:13:24");
        assert_eq!(TimeLabel::new(2020, 10, 22, 17, 13, 24), t);
        assert_eq!(TimeLabel::parse("2020-10-22T17:13:24"), Some(t));
        assert_eq!(TimeLabel::parse("2020-10-22 17:13:24"), None);
        assert_eq!(TimeLabel::parse("2023-02-29T00:00:00"), None);
        assert_eq!(TimeLabel::parse("1999-01-01T00:00:00"), None);
        assert_eq!(TimeLabel::parse("2020-1a-22T17:13:24"), None);
    }

    #[test]
    fn from_unix_in_china_standard_time() {
        let cases = [
            // 2022-07-01T00:00:00Z is 08:00 in China Standard Time.
            (1_656_633_600, 480, (2022, 7, 1, 8, 0, 0)),
            (1_656_633_600, 0, (2022, 7, 1, 0, 0, 0)),
            // Across midnight and a leap day.
            (1_709_222_399, 480, (2024, 2, 29, 23, 59, 59)),
            (1_709_222_400, 480, (2024, 3, 1, 0, 0, 0)),
            (1_709_164_800, 0, (2024, 2, 29, 0, 0, 0)),
        ];
        for (unix, offset, (y, mo, d, h, mi, s)) in cases {
            let want = TimeLabel::new(y, mo, d, h, mi, s);
            assert_eq!(TimeLabel::from_unix(unix, offset), want, "{unix} {offset}");
        }
        // 1999-12-31T23:00 local is before 2000: not representable, so the label is invalid.
        assert!(!TimeLabel::from_unix(946_684_800, -60).is_valid());
        assert!(TimeLabel::from_unix(946_684_800, 0).is_valid());
        assert!(!TimeLabel::from_unix(u32::MAX, 480).is_valid());
        assert!(!TimeLabel::from_unix(0, 0).is_valid());
    }

    #[test]
    fn invalid_labels() {
        assert!(!TimeLabel::from_bytes([0, 0, 0, 29, 2, 23]).is_valid()); // 2023-02-29
        assert!(TimeLabel::from_bytes([0, 0, 0, 29, 2, 24]).is_valid()); // 2024-02-29
        assert!(!TimeLabel::from_bytes([60, 0, 0, 1, 1, 24]).is_valid());
        assert!(!TimeLabel::from_bytes([0, 60, 0, 1, 1, 24]).is_valid());
        assert!(!TimeLabel::from_bytes([0, 0, 24, 1, 1, 24]).is_valid());
        assert!(!TimeLabel::from_bytes([0, 0, 0, 0, 1, 24]).is_valid());
        assert!(!TimeLabel::from_bytes([0, 0, 0, 1, 13, 24]).is_valid());
        assert!(!TimeLabel::from_bytes([0, 0, 0, 1, 1, 100]).is_valid());
        assert_eq!(TimeLabel::from_bytes([0, 0, 0, 1, 1, 255]).year(), 2255);
    }
}
