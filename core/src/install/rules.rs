//! The installation rule set and [`required_devices`].
//!
//! A rule names the users it covers (class, new/existing, gas supply, unit categories, building
//! height, the INS-5 priority group) and what they must install by when. Rules that cover the same
//! user and device merge: the strongest level, the earliest deadline, every clause id.

use alloc::string::String;
use alloc::vec::Vec;

use super::hazard::HazardRule;
use super::kind::InstalledKind;
use super::profile::{Connection, GasSupply, Height, UnitCategory, UserClass, UserProfile};
use crate::model::{Date, Gas};

crate::coded::coded_enum! {
    /// Required, or only recommended (INS-6: 全力推进).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum Level => serde {
        /// Recommended; no deadline, never overdue.
        Recommended = "recommended";
        /// Required.
        Required = "required";
    }
}

/// When a rule's device falls due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum DeadlineRule {
    /// On gas connection (the profile's `connection_date`).
    OnConnection,
    /// By a fixed date.
    By(Date),
    /// No deadline.
    None,
}

crate::coded::coded_enum! {
    /// Which side of the INS-5 priority group (old compound or hardship) a rule covers.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum Group => serde {
        /// Old compound or hardship household.
        Priority = "priority";
        /// Neither.
        Other = "other";
    }
}

/// One rule of a rule set. Absent conditions match every user.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Rule {
    /// Clause id (`INS-4`, `GB55009-6.1.5`).
    pub id: String,
    /// User class covered.
    #[cfg_attr(feature = "serde", serde(default))]
    pub user_class: Option<UserClass>,
    /// New or existing users.
    #[cfg_attr(feature = "serde", serde(default))]
    pub connection: Option<Connection>,
    /// Gas supplies covered (empty: any).
    #[cfg_attr(feature = "serde", serde(default))]
    pub gas_supply: Vec<GasSupply>,
    /// Unit categories covered (empty: any).
    #[cfg_attr(feature = "serde", serde(default))]
    pub unit_categories: Vec<UnitCategory>,
    /// Only buildings taller than this (建筑高度大于).
    #[cfg_attr(feature = "serde", serde(default))]
    pub taller_than_m: Option<Height>,
    /// INS-5 priority group side.
    #[cfg_attr(feature = "serde", serde(default))]
    pub group: Option<Group>,
    /// Only unit users with this crowded-place flag (人员密集场所).
    #[cfg_attr(feature = "serde", serde(default))]
    pub crowded_place: Option<bool>,
    /// The device to install.
    pub device: InstalledKind,
    /// Required or recommended.
    pub level: Level,
    /// When it falls due.
    pub deadline: DeadlineRule,
    /// A note on the deadline shown with a missing device (INS-4: the two dates of the plan).
    #[cfg_attr(feature = "serde", serde(default))]
    pub deadline_note: Option<Note>,
}

/// A text in both languages, owned (rule sets are data).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Note {
    /// Chinese.
    pub zh: String,
    /// English.
    pub en: String,
}

/// Which gases an alarm must detect to fit a gas supply (深化方案 三（三）2 「适用气种不符」).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct GasFit {
    /// The supply.
    pub gas_supply: GasSupply,
    /// The alarm fits when it detects at least one of these.
    pub detects_any_of: Vec<Gas>,
    /// Where the pairing comes from.
    pub source: String,
    /// The pairing is inferred, not taken from a verified text.
    pub inferred: bool,
}

impl Rule {
    /// Whether the rule covers `p`.
    pub fn covers(&self, p: &UserProfile) -> bool {
        let class = self.user_class.is_none_or(|c| c == p.user_class);
        let conn = self.connection.is_none_or(|c| c == p.connection);
        let gas = self.gas_supply.is_empty() || self.gas_supply.contains(&p.gas_supply);
        let cat = self.unit_categories.is_empty()
            || self
                .unit_categories
                .contains(&p.unit_category.unwrap_or(UnitCategory::Other));
        // An unknown height never satisfies "taller than": conservative for the user, and the
        // inspection report says the height is missing when a height rule could apply.
        let tall = self
            .taller_than_m
            .is_none_or(|h| p.building_height_m.is_some_and(|b| b > h));
        let group = match self.group {
            None => true,
            Some(Group::Priority) => p.in_priority_group(),
            Some(Group::Other) => !p.in_priority_group(),
        };
        let crowded = self.crowded_place.is_none_or(|c| c == p.crowded_place);
        class && conn && gas && cat && tall && group && crowded
    }
}

/// A versioned set of rules (`spec/installation-rules.json`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct RuleSet {
    /// Rule-set id (`nanchuan-2022`).
    pub ruleset: String,
    /// Version.
    pub version: u32,
    /// A device report older than this many days is stale (inferred threshold: see the spec).
    pub stale_after_days: u32,
    /// The rules, in order.
    pub rules: Vec<Rule>,
    /// Which gases an alarm must detect, per gas supply (a supply not listed is not checked).
    #[cfg_attr(feature = "serde", serde(default))]
    pub gas_fit: Vec<GasFit>,
    /// The hazard checklist (every [`super::Hazard`] should have an entry; one without is
    /// reported with the built-in text).
    #[cfg_attr(feature = "serde", serde(default))]
    pub hazards: Vec<HazardRule>,
}

fn date(y: u16, m: u8, d: u8) -> Date {
    Date::new(y, m, d).unwrap_or(Date::MIN)
}

/// Which gas supplies a built-in rule covers.
#[derive(Clone, Copy)]
enum Gases {
    Any,
    /// 安装方案 一: 「有序推进管道天然气用户安装使用…」; 附件3 二: the valve is 「安装在户内燃气管道上」.
    Piped,
    NaturalGas,
}

/// Which unit categories a built-in rule covers.
#[derive(Clone, Copy)]
enum Categories {
    Any,
    Public,
    Education,
}

/// When a built-in rule falls due.
#[derive(Clone, Copy)]
enum Due {
    OnConnection,
    By(u16, u8, u8),
    Never,
}

/// A built-in rule: id, class, connection, gases, categories, taller than 100 m, group, crowded
/// flag, device, level, deadline, with the INS-4 note. A table, not code: the rule set is built
/// in every binding (WebAssembly size).
type Row = (
    &'static str,
    Option<UserClass>,
    Option<Connection>,
    Gases,
    Categories,
    bool,
    Option<Group>,
    Option<bool>,
    InstalledKind,
    Level,
    Due,
);

const UNIT: Option<UserClass> = Some(UserClass::Unit);
const RES: Option<UserClass> = Some(UserClass::Residential);
const NEW: Option<Connection> = Some(Connection::New);
const OLD: Option<Connection> = Some(Connection::Existing);
const ALARM: InstalledKind = InstalledKind::LeakAlarm;
const VALVE: InstalledKind = InstalledKind::SelfClosingValve;
const CUTOFF: InstalledKind = InstalledKind::CutoffValve;
const REQ: Level = Level::Required;
/// 深化方案 四（三）「整治攻坚（2022年4月至10月底）」: the date by which found hazards are rectified (INT-16).
const RECTIFIED: Due = Due::By(2022, 10, 31);

#[rustfmt::skip]
const NANCHUAN_2022: [Row; 17] = [
    // INS-1: 「新增的单位用户全部安装使用燃气类可燃气体泄漏报警装置」 (piped gas: the plan's scope, INT-20).
    ("INS-1", UNIT, NEW, Gases::Piped, Categories::Any, false, None, None, ALARM, REQ, Due::OnConnection),
    // INS-2: 「新增居民用户全部安装使用安全自闭阀」 (the valve sits on an indoor pipe: piped gas).
    ("INS-2", RES, NEW, Gases::Piped, Categories::Any, false, None, None, VALVE, REQ, Due::OnConnection),
    // INS-3: 「（建筑高度大于100米的，该建筑内所有居民用户还应安装使用燃气类可燃气体泄漏报警装置）」 in the sentence on new
    // users: every new resident, any gas.
    ("INS-3", RES, NEW, Gases::Any, Categories::Any, true, None, None, ALARM, REQ, Due::OnConnection),
    // INS-3 in 「到2022年底，既有管道天然气居民用户中，…（建筑高度大于100米的，该建筑内所有居民用户还应安装使用燃气类可燃气体
    // 泄漏报警装置）」: every existing resident on piped natural gas, by 2022-12-31 (INT-21).
    ("INS-3", RES, OLD, Gases::NaturalGas, Categories::Any, true, None, None, ALARM, REQ, Due::By(2022, 12, 31)),
    // INS-4: 「到2022年2月底，餐饮、酒店、商场、学校、医院等既有管道天然气单位用户全部安装使用燃气类可燃气体泄漏报警装置。」
    // 五（二）「单位用户集中安装阶段（2022年3月底前）」 gives a later date; the earlier one is kept (INT-22).
    ("INS-4", UNIT, OLD, Gases::NaturalGas, Categories::Any, false, None, None, ALARM, REQ, Due::By(2022, 2, 28)),
    // INS-5: 「到2022年底，既有管道天然气居民用户中，老旧小区居民用户和生活困难用户全部安装使用安全自闭阀」.
    ("INS-5", RES, OLD, Gases::NaturalGas, Categories::Any, false, Some(Group::Priority), None, VALVE, REQ, Due::By(2022, 12, 31)),
    // INS-6: 「全力推进其他居民用户安装使用工作」 (recommended, no deadline).
    ("INS-6", RES, OLD, Gases::NaturalGas, Categories::Any, false, Some(Group::Other), None, VALVE, Level::Recommended, Due::Never),
    // INS-8: public places on any gas. 深化方案 三（三）2: 「建立餐饮经营场所、学校、医院、酒店、小旅馆、农贸市场、商住混合体、群租房、
    // 民宿等场所及用户清单。」 and the hazard 「不安装燃气泄漏报警装置」, for bottled gas as much as piped; 商务委 「各类餐饮企业、
    // 商场…」, 区教委 「学校、教育培训机构」, 区民政局 「组织养老、康养等单位安装使用燃气类可燃气体泄漏报警装置」; 其他区级各部门
    // 「督促公共场所、人员密集场所等重点用气场所安装燃气泄漏报警器、切断阀等安全装置」 (INT-16).
    ("INS-8", UNIT, NEW, Gases::Any, Categories::Public, false, None, None, ALARM, REQ, Due::OnConnection),
    ("INS-8", UNIT, NEW, Gases::Any, Categories::Any, false, None, Some(true), ALARM, REQ, Due::OnConnection),
    ("INS-8", UNIT, OLD, Gases::Any, Categories::Public, false, None, None, ALARM, REQ, RECTIFIED),
    ("INS-8", UNIT, OLD, Gases::Any, Categories::Any, false, None, Some(true), ALARM, REQ, RECTIFIED),
    // INS-9: cut-off valves. 区教委: 「负责指导和督促学校、教育培训机构等所属行业用气单位按规定安装使用燃气类可燃气体泄漏报警装置、
    // 切断阀等安全装置。」; 其他区级各部门: 「督促公共场所、人员密集场所等重点用气场所安装燃气泄漏报警器、切断阀等安全装置」 (INT-17).
    ("INS-9", UNIT, NEW, Gases::Any, Categories::Education, false, None, None, CUTOFF, REQ, Due::OnConnection),
    ("INS-9", UNIT, NEW, Gases::Any, Categories::Any, false, None, Some(true), CUTOFF, REQ, Due::OnConnection),
    ("INS-9", UNIT, OLD, Gases::Any, Categories::Education, false, None, None, CUTOFF, REQ, RECTIFIED),
    ("INS-9", UNIT, OLD, Gases::Any, Categories::Any, false, None, Some(true), CUTOFF, REQ, RECTIFIED),
    // GB 55009-2021 §6.1.5(2): buildings over 100 m: leak alarm where gas is used. New users.
    ("GB55009-6.1.5", None, NEW, Gases::Any, Categories::Any, true, None, None, ALARM, REQ, Due::OnConnection),
    // ...and for existing users not covered above, recommended (the code governs new construction).
    ("GB55009-6.1.5", None, OLD, Gases::Any, Categories::Any, true, None, None, ALARM, Level::Recommended, Due::Never),
];

/// 深化方案 三（三）2 and the 职责 (INT-16): the public-place categories.
const PUBLIC: [UnitCategory; 12] = [
    UnitCategory::Restaurant,
    UnitCategory::Hotel,
    UnitCategory::Mall,
    UnitCategory::School,
    UnitCategory::Hospital,
    UnitCategory::SmallHotel,
    UnitCategory::FarmersMarket,
    UnitCategory::MixedUse,
    UnitCategory::GroupRental,
    UnitCategory::Homestay,
    UnitCategory::TrainingInstitution,
    UnitCategory::ElderlyCare,
];

/// The gas fit table (INS-10, INT-18): supply, gases, source, inferred.
#[rustfmt::skip]
const GAS_FIT: [(GasSupply, Gas, &str, bool); 4] = [
    (GasSupply::PipedNaturalGas, Gas::Methane, "GB 15322.2-2019: 天然气 (methane) detectors; ALM-3a", false),
    (GasSupply::PipedLpg, Gas::Propane, "GB 15322.2-2019: 液化石油气 (propane) detectors", false),
    (GasSupply::BottledLpg, Gas::Propane, "GB 15322.2-2019: 液化石油气 (propane) detectors", false),
    (GasSupply::PipedCoalGas, Gas::CarbonMonoxide, "GB 15322 人工煤气 detectors (CO or hydrogen; libgasdev models CO only): inferred", true),
];

impl RuleSet {
    /// The built-in rule set (version 2): 南川区推进管道天然气用户安装使用燃气安全装置实施方案 (2022) 二,
    /// the 深化方案 三（三）2, the 职责 of the departments and GB 55009-2021 §6.1.5(2).
    /// `core/tests/install_rules_sync.rs` checks it equals the spec file.
    pub fn nanchuan_2022() -> RuleSet {
        let rules = NANCHUAN_2022
            .iter()
            .map(
                |&(id, user_class, connection, gases, cats, tall, group, crowded, device, level, due)| {
                    Rule {
                        id: String::from(id),
                        user_class,
                        connection,
                        gas_supply: match gases {
                            Gases::Any => Vec::new(),
                            Gases::Piped => alloc::vec![
                                GasSupply::PipedNaturalGas,
                                GasSupply::PipedLpg,
                                GasSupply::PipedCoalGas
                            ],
                            Gases::NaturalGas => alloc::vec![GasSupply::PipedNaturalGas],
                        },
                        unit_categories: match cats {
                            Categories::Any => Vec::new(),
                            Categories::Public => PUBLIC.to_vec(),
                            Categories::Education => {
                                alloc::vec![UnitCategory::School, UnitCategory::TrainingInstitution]
                            }
                        },
                        taller_than_m: if tall { Height::from_cm(10_000) } else { None },
                        group,
                        crowded_place: crowded,
                        device,
                        level,
                        deadline: match due {
                            Due::OnConnection => DeadlineRule::OnConnection,
                            Due::By(y, m, d) => DeadlineRule::By(date(y, m, d)),
                            Due::Never => DeadlineRule::None,
                        },
                        deadline_note: (id == "INS-4").then(|| Note {
                            zh: String::from("安装方案二为“到2022年2月底”，五（二）单位用户集中安装阶段为“2022年3月底前”，按较早日期"),
                            en: String::from("安装方案 二 says by the end of February 2022, 五（二） (unit users' installation phase) by the end of March 2022; the earlier date applies"),
                        }),
                    }
                },
            )
            .collect();
        RuleSet {
            ruleset: String::from("nanchuan-2022"),
            version: 2,
            stale_after_days: 7,
            rules,
            gas_fit: GAS_FIT
                .iter()
                .map(|&(gas_supply, gas, source, inferred)| GasFit {
                    gas_supply,
                    detects_any_of: alloc::vec![gas],
                    source: String::from(source),
                    inferred,
                })
                .collect(),
            hazards: super::hazard::builtin(),
        }
    }
}

/// A resolved deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(
    feature = "serde",
    serde(rename_all = "snake_case", tag = "type", content = "date")
)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Deadline {
    /// Due by this date (a fixed date, or the connection date).
    By(Date),
    /// Due on connection, which has not happened or whose date is unknown.
    OnConnection,
    /// No deadline.
    None,
}

impl Deadline {
    const fn date(self) -> Option<Date> {
        match self {
            Deadline::By(d) => Some(d),
            _ => None,
        }
    }
}

/// What a user must (or should) install.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Obligation {
    /// Device kind.
    pub device: InstalledKind,
    /// Required or recommended.
    pub level: Level,
    /// When it falls due.
    pub deadline: Deadline,
    /// Required and the deadline has passed (`as_of` after it).
    pub overdue: bool,
    /// Clause ids of every rule behind it, in rule order.
    pub clauses: Vec<String>,
    /// Deadline notes of the rules behind it, shown in the missing-device message (not repeated
    /// in the serialized obligation: a batch would carry the same text on every record).
    #[cfg_attr(feature = "serde", serde(skip))]
    pub notes: Vec<Note>,
}

/// The obligations of `profile` on `as_of`, one per device kind, in device-kind order.
pub fn required_devices(profile: &UserProfile, as_of: Date, rules: &RuleSet) -> Vec<Obligation> {
    let mut out: Vec<Obligation> = Vec::new();
    for rule in rules.rules.iter().filter(|r| r.covers(profile)) {
        let deadline = match rule.deadline {
            DeadlineRule::By(d) => Deadline::By(d),
            DeadlineRule::OnConnection => profile
                .connection_date
                .map_or(Deadline::OnConnection, Deadline::By),
            DeadlineRule::None => Deadline::None,
        };
        match out.iter_mut().find(|o| o.device == rule.device) {
            Some(o) => {
                o.level = o.level.max(rule.level);
                o.deadline = earliest(o.deadline, deadline);
                if !o.clauses.contains(&rule.id) {
                    o.clauses.push(rule.id.clone());
                }
                if let Some(n) = &rule.deadline_note {
                    if !o.notes.contains(n) {
                        o.notes.push(n.clone());
                    }
                }
            }
            None => out.push(Obligation {
                device: rule.device,
                level: rule.level,
                deadline,
                overdue: false,
                clauses: alloc::vec![rule.id.clone()],
                notes: rule.deadline_note.iter().cloned().collect(),
            }),
        }
    }
    for o in &mut out {
        o.overdue = o.level == Level::Required && o.deadline.date().is_some_and(|d| as_of > d);
    }
    // Alarms, then self-closing valves, then cut-off valves (one obligation per kind). Not a
    // sort: a monomorphised sort costs kilobytes of WebAssembly.
    let mut ordered = Vec::with_capacity(out.len());
    for kind in InstalledKind::ALL {
        if let Some(i) = out.iter().position(|o| o.device == kind) {
            ordered.push(out.swap_remove(i));
        }
    }
    ordered
}

fn earliest(a: Deadline, b: Deadline) -> Deadline {
    match (a, b) {
        (Deadline::By(x), Deadline::By(y)) => Deadline::By(x.min(y)),
        (Deadline::By(x), _) | (_, Deadline::By(x)) => Deadline::By(x),
        (Deadline::OnConnection, _) | (_, Deadline::OnConnection) => Deadline::OnConnection,
        (Deadline::None, Deadline::None) => Deadline::None,
    }
}
