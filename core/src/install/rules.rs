//! The installation rule set and [`required_devices`].
//!
//! A rule names the users it covers (class, new/existing, gas supply, unit categories, building
//! height, the INS-5 priority group) and what they must install by when. Rules that cover the same
//! user and device merge: the strongest level, the earliest deadline, every clause id.

use alloc::string::String;
use alloc::vec::Vec;

use super::profile::{Connection, GasSupply, Height, UnitCategory, UserClass, UserProfile};
use crate::model::{Date, DeviceKind};

/// Required, or only recommended (INS-6: 全力推进).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Level {
    /// Recommended; no deadline, never overdue.
    Recommended,
    /// Required.
    Required,
}

crate::serde_names::deserialize_by_name!(Level {
    Recommended = "recommended",
    Required = "required",
});

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

/// Which side of the INS-5 priority group (old compound or hardship) a rule covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Group {
    /// Old compound or hardship household.
    Priority,
    /// Neither.
    Other,
}

crate::serde_names::deserialize_by_name!(Group {
    Priority = "priority",
    Other = "other",
});

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
    /// The device to install.
    pub device: DeviceKind,
    /// Required or recommended.
    pub level: Level,
    /// When it falls due.
    pub deadline: DeadlineRule,
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
        class && conn && gas && cat && tall && group
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
}

fn date(y: u16, m: u8, d: u8) -> Date {
    Date::new(y, m, d).unwrap_or(Date::MIN)
}

impl RuleSet {
    /// The built-in rule set: 南川区推进管道天然气用户安装使用燃气安全装置实施方案 (2022) 二 and
    /// GB 55009-2021 §6.1.5(2). `core/tests/spec_sync.rs` checks it equals the spec file.
    pub fn nanchuan_2022() -> RuleSet {
        use DeviceKind::{LeakAlarm, SelfClosingValve};
        let rule = |id: &str, class, conn, device, level, deadline| Rule {
            id: String::from(id),
            user_class: class,
            connection: conn,
            gas_supply: Vec::new(),
            unit_categories: Vec::new(),
            taller_than_m: None,
            group: None,
            device,
            level,
            deadline,
        };
        let tall = Height::from_cm(10_000);
        let (unit, res) = (Some(UserClass::Unit), Some(UserClass::Residential));
        let (new, existing) = (Some(Connection::New), Some(Connection::Existing));
        let piped = alloc::vec![GasSupply::PipedNaturalGas];
        RuleSet {
            ruleset: String::from("nanchuan-2022"),
            version: 1,
            stale_after_days: 7,
            rules: alloc::vec![
                // INS-1: 新增的单位用户全部安装使用燃气类可燃气体泄漏报警装置.
                rule(
                    "INS-1",
                    unit,
                    new,
                    LeakAlarm,
                    Level::Required,
                    DeadlineRule::OnConnection
                ),
                // INS-2: 新增居民用户全部安装使用安全自闭阀.
                rule(
                    "INS-2",
                    res,
                    new,
                    SelfClosingValve,
                    Level::Required,
                    DeadlineRule::OnConnection
                ),
                // INS-3: 建筑高度大于100米的，该建筑内所有居民用户还应安装使用泄漏报警装置 (new users).
                Rule {
                    taller_than_m: tall,
                    ..rule(
                        "INS-3",
                        res,
                        new,
                        LeakAlarm,
                        Level::Required,
                        DeadlineRule::OnConnection
                    )
                },
                // INS-3 for existing users of the INS-5 groups: as for the group.
                Rule {
                    taller_than_m: tall,
                    gas_supply: piped.clone(),
                    group: Some(Group::Priority),
                    ..rule(
                        "INS-3",
                        res,
                        existing,
                        LeakAlarm,
                        Level::Required,
                        DeadlineRule::By(date(2022, 12, 31))
                    )
                },
                // INS-4: 到2022年2月底，餐饮、酒店、商场、学校、医院等既有管道天然气单位用户.
                Rule {
                    gas_supply: piped.clone(),
                    ..rule(
                        "INS-4",
                        unit,
                        existing,
                        LeakAlarm,
                        Level::Required,
                        DeadlineRule::By(date(2022, 2, 28))
                    )
                },
                // INS-5: 到2022年底，既有管道天然气居民用户中，老旧小区居民用户和生活困难群众用户.
                Rule {
                    gas_supply: piped.clone(),
                    group: Some(Group::Priority),
                    ..rule(
                        "INS-5",
                        res,
                        existing,
                        SelfClosingValve,
                        Level::Required,
                        DeadlineRule::By(date(2022, 12, 31))
                    )
                },
                // INS-6: 全力推进其他既有居民用户安装使用 (recommended, no deadline).
                Rule {
                    gas_supply: piped,
                    group: Some(Group::Other),
                    ..rule(
                        "INS-6",
                        res,
                        existing,
                        SelfClosingValve,
                        Level::Recommended,
                        DeadlineRule::None
                    )
                },
                // GB 55009-2021 §6.1.5(2): buildings over 100 m: leak alarm where gas is used. New users.
                Rule {
                    taller_than_m: tall,
                    ..rule(
                        "GB55009-6.1.5",
                        None,
                        new,
                        LeakAlarm,
                        Level::Required,
                        DeadlineRule::OnConnection
                    )
                },
                // ...and for existing users not covered above, recommended (the code governs new construction).
                Rule {
                    taller_than_m: tall,
                    ..rule(
                        "GB55009-6.1.5",
                        None,
                        existing,
                        LeakAlarm,
                        Level::Recommended,
                        DeadlineRule::None
                    )
                },
            ],
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
pub struct Obligation {
    /// Device kind.
    pub device: DeviceKind,
    /// Required or recommended.
    pub level: Level,
    /// When it falls due.
    pub deadline: Deadline,
    /// Required and the deadline has passed (`as_of` after it).
    pub overdue: bool,
    /// Clause ids of every rule behind it, in rule order.
    pub clauses: Vec<String>,
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
            }
            None => out.push(Obligation {
                device: rule.device,
                level: rule.level,
                deadline,
                overdue: false,
                clauses: alloc::vec![rule.id.clone()],
            }),
        }
    }
    for o in &mut out {
        o.overdue = o.level == Level::Required && o.deadline.date().is_some_and(|d| as_of > d);
    }
    // Alarms first, then valves, each in rule order (a stable partition by device kind).
    let (mut alarms, valves): (Vec<Obligation>, Vec<Obligation>) = out
        .into_iter()
        .partition(|o| o.device == DeviceKind::LeakAlarm);
    alarms.extend(valves);
    alarms
}

fn earliest(a: Deadline, b: Deadline) -> Deadline {
    match (a, b) {
        (Deadline::By(x), Deadline::By(y)) => Deadline::By(x.min(y)),
        (Deadline::By(x), _) | (_, Deadline::By(x)) => Deadline::By(x),
        (Deadline::OnConnection, _) | (_, Deadline::OnConnection) => Deadline::OnConnection,
        (Deadline::None, Deadline::None) => Deadline::None,
    }
}
