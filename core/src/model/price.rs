//! Prices in yuan, exact to the fen (收费价格, CAT-3).

/// A non-negative price in fen (1/100 yuan). JSON form: a string `"399.00"` (yuan, at most two
/// decimals), so that no floating-point rounding touches money.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Price {
    fen: u64,
}

/// Why a price string is not valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("expected a yuan amount like \"399\" or \"399.50\" (at byte {offset})")]
pub struct PriceError {
    /// Byte offset of the first bad character.
    pub offset: usize,
}

impl PriceError {
    /// The shared error code.
    pub const fn code(self) -> crate::ErrorCode {
        crate::ErrorCode::InputBadPrice
    }
}

impl Price {
    /// A price of `fen` fen.
    pub const fn from_fen(fen: u64) -> Price {
        Price { fen }
    }

    /// The price in fen.
    pub const fn fen(self) -> u64 {
        self.fen
    }

    /// Parse `"399"`, `"399.5"` or `"399.50"`: digits, optionally `.` and one or two digits.
    ///
    /// # Errors
    /// [`PriceError`] with the offset of the first bad byte (also for amounts over 10^12 yuan).
    pub fn parse(s: &str) -> Result<Price, PriceError> {
        let mut yuan: u64 = 0;
        let mut fen: u64 = 0;
        let mut decimals: Option<u32> = None;
        let bytes = s.as_bytes();
        if bytes.is_empty() {
            return Err(PriceError { offset: 0 });
        }
        for (i, &c) in bytes.iter().enumerate() {
            match (c, decimals) {
                (b'0'..=b'9', None) if i < 13 => yuan = yuan * 10 + u64::from(c - b'0'),
                (b'.', None) if i > 0 => decimals = Some(0),
                (b'0'..=b'9', Some(d)) if d < 2 => {
                    fen = fen * 10 + u64::from(c - b'0');
                    decimals = Some(d + 1);
                }
                _ => return Err(PriceError { offset: i }),
            }
        }
        match decimals {
            Some(0) => Err(PriceError {
                offset: bytes.len(),
            }),
            Some(1) => Ok(Price {
                fen: yuan * 100 + fen * 10,
            }),
            _ => Ok(Price {
                fen: yuan * 100 + fen,
            }),
        }
    }
}

impl core::fmt::Display for Price {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{}.{:02}", self.fen / 100, self.fen % 100)
    }
}

crate::serde_names::serde_text! {
    Price, "a yuan amount as a string, e.g. \"399.00\"", Price::parse, "price";
    schema {
        "type": "string",
        "pattern": "^[0-9]{1,13}(\\.[0-9]{1,2})?$",
        "description": "A price in yuan as a string with at most two decimals, e.g. \"399.00\"."
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_exactly() {
        assert_eq!(Price::parse("399").map(Price::fen), Ok(39900));
        assert_eq!(Price::parse("399.5").map(Price::fen), Ok(39950));
        assert_eq!(Price::parse("0.05").map(Price::fen), Ok(5));
        assert_eq!(Price::parse("399."), Err(PriceError { offset: 4 }));
        assert_eq!(Price::parse(".5"), Err(PriceError { offset: 0 }));
        assert_eq!(Price::parse("1.234"), Err(PriceError { offset: 4 }));
        assert_eq!(Price::parse("-1"), Err(PriceError { offset: 0 }));
        assert_eq!(Price::parse("1e3"), Err(PriceError { offset: 1 }));
        assert_eq!(
            Price::parse("99999999999999"),
            Err(PriceError { offset: 13 })
        );
        assert_eq!(Price::parse(""), Err(PriceError { offset: 0 }));
    }
}
