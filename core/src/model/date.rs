//! Calendar dates (`YYYY-MM-DD`, proleptic Gregorian), without `std` or a time zone.

/// A calendar date. Ordered chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// Why a date string is not a valid date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Not of the form `YYYY-MM-DD` (byte offset of the first bad character).
    #[error("expected YYYY-MM-DD (at byte {offset})")]
    Format {
        /// Byte offset of the first character that does not fit.
        offset: usize,
    },
    /// The year, month or day does not exist (e.g. 2023-02-29, month 13, year 0).
    #[error("no such calendar date")]
    NoSuchDate,
}

impl DateError {
    /// The shared error code.
    pub const fn code(self) -> crate::ErrorCode {
        crate::ErrorCode::InputBadDate
    }
}

const fn is_leap(year: u16) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

const fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// The earliest representable date, 0001-01-01.
    pub const MIN: Date = Date {
        year: 1,
        month: 1,
        day: 1,
    };

    /// A date, if it exists (years 1..=9999).
    ///
    /// # Errors
    /// [`DateError::NoSuchDate`].
    pub const fn new(year: u16, month: u8, day: u8) -> Result<Date, DateError> {
        if year == 0 || year > 9999 || day == 0 || day > days_in_month(year, month) {
            Err(DateError::NoSuchDate)
        } else {
            Ok(Date { year, month, day })
        }
    }

    /// Parse exactly `YYYY-MM-DD`.
    ///
    /// # Errors
    /// [`DateError::Format`] with the offset of the first bad byte, or [`DateError::NoSuchDate`].
    pub fn parse(s: &str) -> Result<Date, DateError> {
        let b = s.as_bytes();
        let mut digits = [0u16; 8];
        let mut n = 0;
        for (i, &c) in b.iter().enumerate() {
            let want_dash = i == 4 || i == 7;
            if i >= 10 || want_dash != (c == b'-') || (!want_dash && !c.is_ascii_digit()) {
                return Err(DateError::Format { offset: i });
            }
            if !want_dash {
                if let Some(slot) = digits.get_mut(n) {
                    *slot = u16::from(c - b'0');
                }
                n += 1;
            }
        }
        if b.len() != 10 {
            return Err(DateError::Format { offset: b.len() });
        }
        let [y0, y1, y2, y3, m0, m1, d0, d1] = digits;
        let year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
        // Each of these is at most 99, so the narrowing cannot lose information.
        let month = u8::try_from(m0 * 10 + m1).map_err(|_| DateError::NoSuchDate)?;
        let day = u8::try_from(d0 * 10 + d1).map_err(|_| DateError::NoSuchDate)?;
        Date::new(year, month, day)
    }

    /// The date `days` days after 1970-01-01 (negative: before), if it is in years 1..=9999.
    /// Civil-from-days, Howard Hinnant's algorithm (proleptic Gregorian).
    pub fn from_days_since_epoch(days: i64) -> Option<Date> {
        let z = days.checked_add(719_468)?;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe
            .checked_add(era.checked_mul(400)?)?
            .checked_add(i64::from(month <= 2))?;
        Date::new(
            u16::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
        .ok()
    }

    /// Days from 1970-01-01 to this date (negative before it). Days-from-civil, the inverse of
    /// [`Self::from_days_since_epoch`].
    pub fn days_since_epoch(self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The year.
    pub const fn year(self) -> u16 {
        self.year
    }
    /// The month, 1..=12.
    pub const fn month(self) -> u8 {
        self.month
    }
    /// The day of the month.
    pub const fn day(self) -> u8 {
        self.day
    }
}

impl core::fmt::Display for Date {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

crate::serde_names::serde_text! {
    Date, "a date string YYYY-MM-DD", Date::parse, "date";
    schema {
        "type": "string",
        "format": "date",
        "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
        "description": "A calendar date YYYY-MM-DD (proleptic Gregorian, no time zone)."
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_real_dates_only() {
        assert_eq!(Date::parse("2022-02-28"), Date::new(2022, 2, 28));
        assert_eq!(Date::parse("2024-02-29").map(|d| d.day()), Ok(29));
        assert_eq!(Date::parse("2023-02-29"), Err(DateError::NoSuchDate));
        assert_eq!(Date::parse("2022-13-01"), Err(DateError::NoSuchDate));
        assert_eq!(Date::parse("0000-01-01"), Err(DateError::NoSuchDate));
        assert_eq!(
            Date::parse("2022/02/28"),
            Err(DateError::Format { offset: 4 })
        );
        assert_eq!(
            Date::parse("2022-2-28"),
            Err(DateError::Format { offset: 6 })
        );
        assert_eq!(
            Date::parse("2022-02-281"),
            Err(DateError::Format { offset: 10 })
        );
        assert_eq!(Date::parse(""), Err(DateError::Format { offset: 0 }));
        assert_eq!(
            Date::parse("２０２２-02-28"),
            Err(DateError::Format { offset: 0 })
        );
    }

    #[test]
    fn epoch_days_round_trip() {
        let d = |s| Date::parse(s).unwrap();
        assert_eq!(d("1970-01-01").days_since_epoch(), 0);
        assert_eq!(d("2000-03-01").days_since_epoch(), 11_017);
        assert_eq!(d("0001-01-01").days_since_epoch(), -719_162);
        assert_eq!(
            Date::from_days_since_epoch(20_605),
            Date::new(2026, 6, 1).ok()
        );
        assert_eq!(Date::from_days_since_epoch(-719_163), None);
        assert_eq!(Date::from_days_since_epoch(i64::MAX), None);
        for days in (-719_162..2_932_896).step_by(997) {
            let date = Date::from_days_since_epoch(days).unwrap();
            assert_eq!(date.days_since_epoch(), days);
        }
        assert_eq!(Date::from_days_since_epoch(2_932_897), None, "year 10000");
    }

    #[test]
    fn orders_and_displays() {
        let a = Date::parse("2021-12-31").unwrap();
        let b = Date::parse("2022-01-01").unwrap();
        assert!(a < b);
        let mut s = crate::fmt_buf::Buf::<32>::new();
        core::fmt::write(&mut s, format_args!("{a}")).unwrap();
        assert_eq!(s.as_str(), "2021-12-31");
    }
}
