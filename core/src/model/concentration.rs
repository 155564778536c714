//! Concentrations that always carry their unit, and readings that tell "unknown" from 0.
//!
//! Pain point 1 of `devices.md` §13: the same field reported as %LEL, ppm, or a unitless
//! threshold-relative number. Here a value cannot exist without its unit, and a %LEL value cannot
//! exist without the LEL basis (methane: 5.0 %vol per ISO 10156 and Chinese practice, 4.4 %vol per
//! IEC 60079-20-1). Values are fixed-point hundredths, so firmware needs no floating point.

/// The lower explosive limit a %LEL value refers to, in hundredths of a percent by volume.
///
/// `LelBasis::METHANE_ISO_10156` (5.00 %vol) is the basis used in Chinese practice [V];
/// `LelBasis::METHANE_IEC_60079` (4.40 %vol) is the IEC 60079-20-1 basis [V2].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LelBasis(u16);

impl LelBasis {
    /// Methane, 5.00 %vol (ISO 10156; Chinese practice).
    pub const METHANE_ISO_10156: LelBasis = LelBasis(500);
    /// Methane, 4.40 %vol (IEC 60079-20-1).
    pub const METHANE_IEC_60079: LelBasis = LelBasis(440);

    /// A basis of `centi_pct_vol` hundredths of a percent by volume; `None` unless 1..=10000.
    pub const fn new(centi_pct_vol: u16) -> Option<LelBasis> {
        if centi_pct_vol == 0 || centi_pct_vol > 10_000 {
            None
        } else {
            Some(LelBasis(centi_pct_vol))
        }
    }

    /// Hundredths of a percent by volume (`500` = 5.00 %vol).
    pub const fn centi_pct_vol(self) -> u16 {
        self.0
    }
}

/// The unit of a concentration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ConcentrationUnit {
    /// Percent of the lower explosive limit, with the LEL basis it refers to.
    PctLel(LelBasis),
    /// Parts per million by volume.
    Ppm,
    /// Percent by volume.
    PctVol,
}

impl ConcentrationUnit {
    /// The largest value allowed in this unit, in hundredths (100 %LEL, 1 000 000 ppm, 100 %vol).
    pub const fn max_centi(self) -> u32 {
        match self {
            ConcentrationUnit::PctLel(_) => 10_000,
            ConcentrationUnit::Ppm => 100_000_000,
            ConcentrationUnit::PctVol => 10_000,
        }
    }

    /// The JSON name of the unit.
    pub const fn as_str(self) -> &'static str {
        match self {
            ConcentrationUnit::PctLel(_) => "pct_lel",
            ConcentrationUnit::Ppm => "ppm",
            ConcentrationUnit::PctVol => "pct_vol",
        }
    }

    /// The unit symbol for display (`%LEL`, `ppm`, `%vol`).
    pub const fn symbol(self) -> &'static str {
        match self {
            ConcentrationUnit::PctLel(_) => "%LEL",
            ConcentrationUnit::Ppm => "ppm",
            ConcentrationUnit::PctVol => "%vol",
        }
    }
}

/// Why a concentration is not valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ConcentrationError {
    /// Above the unit's maximum (see [`ConcentrationUnit::max_centi`]).
    #[error("concentration {centi} hundredths exceeds the maximum {max} for the unit")]
    OutOfRange {
        /// The value given, in hundredths.
        centi: u32,
        /// The maximum for the unit, in hundredths.
        max: u32,
    },
    /// A %LEL value without an LEL basis, or a basis on a non-%LEL unit.
    #[error("concentration: a %LEL value needs its LEL basis, and only a %LEL value has one")]
    Basis,
    /// Not a finite, non-negative number with at most two decimals.
    #[error("concentration is not a non-negative number with at most two decimals")]
    NotFixedPoint,
}

impl ConcentrationError {
    /// The shared error code.
    pub const fn code(self) -> crate::ErrorCode {
        crate::ErrorCode::InputBadConcentration
    }
}

/// A measured concentration: a value in hundredths of its unit, never without the unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Concentration {
    centi: u32,
    unit: ConcentrationUnit,
}

impl Concentration {
    /// A concentration of `centi` hundredths of `unit` (`1250` with %LEL = 12.50 %LEL).
    ///
    /// # Errors
    /// [`ConcentrationError::OutOfRange`] above the unit's maximum.
    pub const fn new(
        centi: u32,
        unit: ConcentrationUnit,
    ) -> Result<Concentration, ConcentrationError> {
        let max = unit.max_centi();
        if centi > max {
            Err(ConcentrationError::OutOfRange { centi, max })
        } else {
            Ok(Concentration { centi, unit })
        }
    }

    /// The value in hundredths of the unit.
    pub const fn centi(self) -> u32 {
        self.centi
    }

    /// The unit.
    pub const fn unit(self) -> ConcentrationUnit {
        self.unit
    }

    /// The value as a floating-point number of units (for display and JSON).
    pub fn value(self) -> f64 {
        f64::from(self.centi) / 100.0
    }
}

impl core::fmt::Display for Concentration {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(
            f,
            "{}.{:02} {}",
            self.centi / 100,
            self.centi % 100,
            self.unit.symbol()
        )?;
        if let ConcentrationUnit::PctLel(b) = self.unit {
            let b = b.centi_pct_vol();
            write!(f, " (LEL {}.{:02} %vol)", b / 100, b % 100)?;
        }
        Ok(())
    }
}

/// A reading: either a concentration or explicitly unknown (never a silent 0).
///
/// Pain point 4 of `devices.md` §13: a sensor that has not reported yet, is in preheat, or is
/// faulty has no value, and a platform must show "unknown", not 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Reading {
    /// No valid value is available.
    #[default]
    Unknown,
    /// A measured value.
    Value(Concentration),
}

#[cfg(any(test, feature = "serde"))]
/// Convert a JSON number to hundredths, exactly: at most two decimals, non-negative, finite.
///
/// Without a relative tolerance: `x` is accepted only if it is the `f64` nearest to `n / 100` for
/// an integer `n`, or its neighbour (serde_json's default float reader may be one unit in the
/// last place off; its `float_roundtrip` feature would add 8.7 KiB gzipped to the WebAssembly
/// module). One unit in the last place is below 10⁻⁸ here, so `12345.678`, `999999.999` and
/// `1000000.0049` are refused whatever their size. serde hands over the number, not its text: a
/// literal whose extra digits are below that (`12.5000000000000001`) reads as the same number and
/// cannot be told apart (`spec/interpretations.md` INT-26).
pub(crate) fn f64_to_centi(x: f64) -> Option<u32> {
    if !x.is_finite() || !(0.0..=4.0e7).contains(&x) {
        return None;
    }
    // `as` saturates and never panics; +0.5 rounds the non-negative value to nearest.
    let rounded = (x * 100.0 + 0.5) as u32;
    // Division by 100 is correctly rounded: the f64 nearest to rounded/100. Both are
    // non-negative, so their bit patterns are ordered like the numbers.
    let nearest = f64::from(rounded) / 100.0;
    if nearest.to_bits().abs_diff(x.to_bits()) <= 1 {
        Some(rounded)
    } else {
        None
    }
}

#[cfg(feature = "serde")]
mod serde_impl {
    use super::*;
    use serde::ser::SerializeStruct as _;

    /// The JSON form: `{"value": 12.5, "unit": "pct_lel", "lel_basis_pct_vol": 5.0}`.
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Raw {
        value: f64,
        unit: RawUnit,
        #[serde(default)]
        lel_basis_pct_vol: Option<f64>,
    }

    #[derive(serde::Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum RawUnit {
        PctLel,
        Ppm,
        PctVol,
    }

    impl serde::Serialize for Concentration {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let basis = match self.unit {
                ConcentrationUnit::PctLel(b) => Some(f64::from(b.centi_pct_vol()) / 100.0),
                _ => None,
            };
            let mut st =
                s.serialize_struct("Concentration", if basis.is_some() { 3 } else { 2 })?;
            st.serialize_field("value", &self.value())?;
            st.serialize_field("unit", self.unit.as_str())?;
            if let Some(b) = basis {
                st.serialize_field("lel_basis_pct_vol", &b)?;
            }
            st.end()
        }
    }

    impl<'de> serde::Deserialize<'de> for Concentration {
        /// Checked inside the visitor of the object, so that serde_json positions an error at
        /// the object (and `api::json_path` names the field holding it).
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct ConcentrationVisitor;
            impl<'de> serde::de::Visitor<'de> for ConcentrationVisitor {
                type Value = Concentration;
                fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                    f.write_str("a concentration object")
                }
                fn visit_map<A: serde::de::MapAccess<'de>>(
                    self,
                    map: A,
                ) -> Result<Concentration, A::Error> {
                    use serde::Deserialize as _;
                    let raw = Raw::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                    checked(raw)
                }
            }
            d.deserialize_map(ConcentrationVisitor)
        }
    }

    fn checked<E: serde::de::Error>(raw: Raw) -> Result<Concentration, E> {
        let centi =
            f64_to_centi(raw.value).ok_or_else(|| E::custom(ConcentrationError::NotFixedPoint))?;
        let unit = match (raw.unit, raw.lel_basis_pct_vol) {
            (RawUnit::PctLel, Some(b)) => {
                let basis = f64_to_centi(b)
                    .and_then(|c| u16::try_from(c).ok())
                    .and_then(LelBasis::new)
                    .ok_or_else(|| E::custom(ConcentrationError::Basis))?;
                ConcentrationUnit::PctLel(basis)
            }
            (RawUnit::Ppm, None) => ConcentrationUnit::Ppm,
            (RawUnit::PctVol, None) => ConcentrationUnit::PctVol,
            _ => return Err(E::custom(ConcentrationError::Basis)),
        };
        Concentration::new(centi, unit).map_err(E::custom)
    }

    impl serde::Serialize for Reading {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            match self {
                Reading::Unknown => s.serialize_str("unknown"),
                Reading::Value(c) => c.serialize(s),
            }
        }
    }
}

#[cfg(all(feature = "serde", feature = "alloc"))]
impl<'de> serde::Deserialize<'de> for Reading {
    /// Accepts `"unknown"` or a concentration object. Read in one pass (`deserialize_any`), not
    /// as an untagged enum, which would buffer the value and try each form in turn.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct ReadingVisitor;
        impl<'de> serde::de::Visitor<'de> for ReadingVisitor {
            type Value = Reading;
            fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str("\"unknown\" or a concentration object")
            }
            fn visit_str<E: serde::de::Error>(self, w: &str) -> Result<Reading, E> {
                if w == "unknown" {
                    Ok(Reading::Unknown)
                } else {
                    Err(E::custom(alloc::format!(
                        "expected \"unknown\" or a concentration object, found \"{w}\""
                    )))
                }
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Reading, A::Error> {
                use serde::Deserialize as _;
                Concentration::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(Reading::Value)
            }
        }
        d.deserialize_any(ReadingVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn centi_conversion_is_exact() {
        assert_eq!(f64_to_centi(12.5), Some(1250));
        assert_eq!(f64_to_centi(0.0), Some(0));
        assert_eq!(f64_to_centi(0.07), Some(7));
        assert_eq!(f64_to_centi(0.001), None);
        // More than two decimals is refused at any size (no relative tolerance).
        assert_eq!(f64_to_centi(12345.678), None);
        assert_eq!(f64_to_centi(999_999.999), None);
        assert_eq!(f64_to_centi(1_000_000.004_9), None);
        assert_eq!(f64_to_centi(12.345), None);
        assert_eq!(f64_to_centi(12345.67), Some(1_234_567));
        assert_eq!(f64_to_centi(999_999.99), Some(99_999_999));
        assert_eq!(f64_to_centi(1_000_000.0), Some(100_000_000));
        assert_eq!(f64_to_centi(0.29), Some(29));
        assert_eq!(f64_to_centi(4.0e7), Some(4_000_000_000));
        assert_eq!(f64_to_centi(-1.0), None);
        assert_eq!(f64_to_centi(f64::NAN), None);
        assert_eq!(f64_to_centi(f64::INFINITY), None);
    }

    /// Every two-decimal text read by serde_json is accepted as exactly its hundredths, and one
    /// more decimal is refused.
    #[cfg(feature = "json")]
    #[test]
    fn every_two_decimal_text_is_exact() {
        let mut n: u32 = 0;
        while n <= 4_000_000_000 {
            let text = alloc::format!("{}.{:02}", n / 100, n % 100);
            let x: f64 = serde_json::from_str(&text).unwrap_or(f64::NAN);
            assert_eq!(f64_to_centi(x), Some(n), "{text}");
            let three = alloc::format!("{text}1");
            let y: f64 = serde_json::from_str(&three).unwrap_or(f64::NAN);
            assert_eq!(f64_to_centi(y), None, "{three}");
            n = if n < 200_000 {
                n + 1
            } else {
                n.saturating_add(7_919_993)
            };
        }
    }

    #[test]
    fn range_is_enforced_per_unit() {
        let lel = ConcentrationUnit::PctLel(LelBasis::METHANE_ISO_10156);
        assert!(Concentration::new(10_000, lel).is_ok());
        assert_eq!(
            Concentration::new(10_001, lel),
            Err(ConcentrationError::OutOfRange {
                centi: 10_001,
                max: 10_000
            })
        );
        assert!(Concentration::new(1_280_000, ConcentrationUnit::Ppm).is_ok());
    }
}
