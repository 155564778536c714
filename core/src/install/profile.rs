//! The user profile an obligation depends on.

use alloc::string::String;

use crate::model::Date;

crate::coded::coded_enum! {
    /// Unit (non-residential, 单位用户) or residential (居民用户).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum UserClass => serde {
        /// 单位用户.
        Unit = "unit";
        /// 居民用户.
        Residential = "residential";
    }
}

crate::coded::coded_enum! {
    /// New (新增, connecting now) or existing (既有) user.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum Connection => serde {
        /// 新增用户: obligations fall due on connection.
        New = "new";
        /// 既有用户.
        Existing = "existing";
    }
}

crate::coded::coded_enum! {
    /// Category of a unit user: 安装方案 二 「餐饮、酒店、商场、学校、医院等」, the public places of
    /// 深化方案 三（三）2 「建立餐饮经营场所、学校、医院、酒店、小旅馆、农贸市场、商住混合体、群租房、民宿等场所及用户清单。」
    /// and the units named in 职责 (区教委 「学校、教育培训机构」, 区民政局 「养老、康养等单位」).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum UnitCategory => serde {
        /// 餐饮 / 餐饮经营场所.
        Restaurant = "restaurant";
        /// 酒店.
        Hotel = "hotel";
        /// 商场.
        Mall = "mall";
        /// 学校.
        School = "school";
        /// 医院.
        Hospital = "hospital";
        /// 小旅馆.
        SmallHotel = "small_hotel";
        /// 农贸市场.
        FarmersMarket = "farmers_market";
        /// 商住混合体.
        MixedUse = "mixed_use";
        /// 群租房.
        GroupRental = "group_rental";
        /// 民宿.
        Homestay = "homestay";
        /// 教育培训机构.
        TrainingInstitution = "training_institution";
        /// 养老、康养.
        ElderlyCare = "elderly_care";
        /// Any other unit (the list ends in 等).
        Other = "other";
    }
}

crate::coded::coded_enum! {
    /// Gas supplied to the user.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum GasSupply => serialize {
        /// 管道天然气.
        PipedNaturalGas = "piped_natural_gas", "管道天然气", "piped natural gas";
        /// 管道液化石油气.
        PipedLpg = "piped_lpg", "管道液化石油气", "piped LPG";
        /// 瓶装液化石油气 (cylinders: no indoor gas pipe).
        BottledLpg = "bottled_lpg", "瓶装液化石油气", "bottled LPG";
        /// 管道人工煤气.
        PipedCoalGas = "piped_coal_gas", "管道人工煤气", "piped coal gas";
        /// Anything else (biogas…).
        Other = "other", "其他燃气", "other gas";
    }
}

#[cfg(feature = "serde")]
impl crate::serde_names::ByName for GasSupply {
    const ALL: &'static [Self] = &[
        GasSupply::PipedNaturalGas,
        GasSupply::PipedLpg,
        GasSupply::BottledLpg,
        GasSupply::PipedCoalGas,
        GasSupply::Other,
    ];
    const NAMES: &'static [&'static str] = &[
        "piped_natural_gas",
        "piped_lpg",
        "bottled_lpg",
        "piped_coal_gas",
        "other",
    ];
}

/// Version 1's `lpg` did not say whether the gas is piped, and the valve obligation depends on it
/// (附件3 二: the valve is 「安装在户内燃气管道上」), so version 2 rejects it with this message
/// (error name `INPUT_UNKNOWN_VALUE`) rather than guess.
pub const LPG_V1_REJECTED: &str = "unknown variant `lpg`: since rule set version 2 write `piped_lpg` or `bottled_lpg` (the self-closing valve obligation depends on it)";

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for GasSupply {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use crate::serde_names::ByName as _;
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = GasSupply;
            fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str("a gas supply name (string)")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<GasSupply, E> {
                if s == "lpg" {
                    return Err(E::custom(LPG_V1_REJECTED));
                }
                GasSupply::NAMES
                    .iter()
                    .position(|n| *n == s)
                    .and_then(|i| GasSupply::ALL.get(i).copied())
                    .ok_or_else(|| E::unknown_variant(s, GasSupply::NAMES))
            }
        }
        d.deserialize_str(V)
    }
}

impl GasSupply {
    /// Gas arrives through an indoor pipe (not cylinders, not unknown).
    pub const fn is_piped(self) -> bool {
        matches!(
            self,
            GasSupply::PipedNaturalGas | GasSupply::PipedLpg | GasSupply::PipedCoalGas
        )
    }
}

/// A building height in centimetres. JSON: a number of metres, at most two decimals, 0 < h ≤ 1000.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Height(u32);

impl Height {
    /// The tallest height accepted, 1000 m (the tallest buildings are about 830 m).
    pub const MAX_CM: u32 = 100_000;

    /// A height of `cm` centimetres, if 0 < cm ≤ [`Self::MAX_CM`].
    pub const fn from_cm(cm: u32) -> Option<Height> {
        if cm == 0 || cm > Self::MAX_CM {
            None
        } else {
            Some(Height(cm))
        }
    }

    /// Centimetres.
    pub const fn cm(self) -> u32 {
        self.0
    }
}

impl core::fmt::Display for Height {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{}.{:02} m", self.0 / 100, self.0 % 100)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Height {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(f64::from(self.0) / 100.0)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Height {
    /// Checked inside the visitor, so that serde_json positions the error at the number (and
    /// `api::json_path` names this field).
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct HeightVisitor;
        impl serde::de::Visitor<'_> for HeightVisitor {
            type Value = Height;
            fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str("a building height in metres")
            }
            fn visit_f64<E: serde::de::Error>(self, m: f64) -> Result<Height, E> {
                crate::model::f64_to_centi(m).and_then(Height::from_cm).ok_or_else(|| {
                    E::custom(format_args!(
                        "impossible building height {m} m (expected 0 < h <= 1000 with at most two decimals)"
                    ))
                })
            }
            #[expect(clippy::cast_precision_loss, reason = "as serde's f64 from an integer")]
            fn visit_u64<E: serde::de::Error>(self, m: u64) -> Result<Height, E> {
                self.visit_f64(m as f64)
            }
            #[expect(clippy::cast_precision_loss, reason = "as serde's f64 from an integer")]
            fn visit_i64<E: serde::de::Error>(self, m: i64) -> Result<Height, E> {
                self.visit_f64(m as f64)
            }
        }
        d.deserialize_f64(HeightVisitor)
    }
}

/// Why a profile is self-contradictory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ProfileError {
    /// A unit category on a residential user.
    #[error("a residential user has no unit category")]
    CategoryOnResidential,
    /// Old-compound or hardship flags on a unit user (they describe households).
    #[error("old_compound and hardship describe residential users only")]
    HouseholdFlagOnUnit,
    /// The crowded-place flag on a residential user (it describes unit users).
    #[error("crowded_place describes unit users only")]
    CrowdedFlagOnResidential,
}

impl ProfileError {
    /// The shared error code.
    pub const fn code(self) -> crate::ErrorCode {
        crate::ErrorCode::InputInvalidValue
    }

    /// The JSON field the error is about.
    pub const fn field(self) -> &'static str {
        match self {
            ProfileError::CategoryOnResidential => "profile.unit_category",
            ProfileError::HouseholdFlagOnUnit => "profile.old_compound",
            ProfileError::CrowdedFlagOnResidential => "profile.crowded_place",
        }
    }
}

/// What obligations depend on.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct UserProfile {
    /// Unit or residential.
    pub user_class: UserClass,
    /// New or existing.
    pub connection: Connection,
    /// For unit users: the category.
    #[cfg_attr(feature = "serde", serde(default))]
    pub unit_category: Option<UnitCategory>,
    /// Height of the building (建筑高度), if known.
    #[cfg_attr(feature = "serde", serde(default))]
    pub building_height_m: Option<Height>,
    /// In an old residential compound (老旧小区).
    #[cfg_attr(feature = "serde", serde(default))]
    pub old_compound: bool,
    /// A household in hardship (生活困难用户: 建档贫困户, 城镇低保户).
    #[cfg_attr(feature = "serde", serde(default))]
    pub hardship: bool,
    /// A unit user that is a 人员密集场所 (crowded place): 职责 「督促公共场所、人员密集场所等重点用气场所安装燃气泄漏报警器、切断阀等安全装置」.
    #[cfg_attr(feature = "serde", serde(default))]
    pub crowded_place: bool,
    /// Gas supplied.
    pub gas_supply: GasSupply,
    /// Date of gas connection (通气), if known.
    #[cfg_attr(feature = "serde", serde(default))]
    pub connection_date: Option<Date>,
    /// Optional free-text note (not used by the rules).
    #[cfg_attr(feature = "serde", serde(default))]
    pub note: Option<String>,
}

impl UserProfile {
    /// Check that the profile does not contradict itself.
    ///
    /// # Errors
    /// The first contradiction.
    pub fn validate(&self) -> Result<(), ProfileError> {
        match self.user_class {
            UserClass::Residential if self.unit_category.is_some() => {
                Err(ProfileError::CategoryOnResidential)
            }
            UserClass::Unit if self.old_compound || self.hardship => {
                Err(ProfileError::HouseholdFlagOnUnit)
            }
            UserClass::Residential if self.crowded_place => {
                Err(ProfileError::CrowdedFlagOnResidential)
            }
            _ => Ok(()),
        }
    }

    /// In the INS-5 priority group: an old compound or a household in hardship.
    pub const fn in_priority_group(&self) -> bool {
        self.old_compound || self.hardship
    }
}
