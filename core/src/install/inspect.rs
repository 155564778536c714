//! The home inspection (入户安检) and gas-connection acceptance (通气验收) check, INS-7.

use alloc::collections::BTreeMap;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::profile::UserProfile;
use super::rules::{Deadline, Level, Obligation, RuleSet, required_devices};
use crate::check::Message;
use crate::check::identifier::{self, IdentProblem};
use crate::model::{Catalogue, Date, DeviceKind, VendorStatus};

/// A device found at the household.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct FoundDevice {
    /// Device kind.
    pub kind: DeviceKind,
    /// The identifier scanned from its label or read from its chip.
    #[cfg_attr(feature = "serde", serde(default))]
    pub identifier: Option<String>,
    /// Model as printed.
    #[cfg_attr(feature = "serde", serde(default))]
    pub model: Option<String>,
    /// Powered (alarms); `None` if not observed or not applicable.
    #[cfg_attr(feature = "serde", serde(default))]
    pub powered: Option<bool>,
    /// The sensor's end-of-life indicator is on (GB 15322.2-2019 §3.3.1.3).
    #[cfg_attr(feature = "serde", serde(default))]
    pub sensor_end_of_life: bool,
    /// The valve is latched closed and must be opened by hand (VLV-0e).
    #[cfg_attr(feature = "serde", serde(default))]
    pub valve_latched_closed: bool,
    /// Date of the device's last report to the platform, if it reports.
    #[cfg_attr(feature = "serde", serde(default))]
    pub last_report: Option<Date>,
}

/// One household's inspection record.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct InspectionRecord {
    /// Household or account id.
    pub household: String,
    /// Community (小区) or area, for the summary.
    #[cfg_attr(feature = "serde", serde(default))]
    pub community: Option<String>,
    /// The user's profile.
    pub profile: UserProfile,
    /// Devices found.
    #[cfg_attr(feature = "serde", serde(default))]
    pub devices: Vec<FoundDevice>,
}

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Severity {
    /// For information.
    Info,
    /// Needs attention, not a failure.
    Warn,
    /// The household fails the inspection item.
    Fail,
}

impl Severity {
    /// The stable name (`info`, `warn`, `fail`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warn => "warn",
            Severity::Fail => "fail",
        }
    }
}

macro_rules! finding_codes {
    ($( $(#[$doc:meta])* $v:ident = $name:literal, $sev:ident; )*) => {
        /// What an inspection finding is about. Names are stable (vectors and summaries use them).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum FindingCode { $( $(#[$doc])* $v, )* }

        impl FindingCode {
            /// Every code.
            pub const ALL: &'static [FindingCode] = &[ $( FindingCode::$v, )* ];
            /// The stable name.
            pub const fn name(self) -> &'static str {
                match self { $( FindingCode::$v => $name, )* }
            }
            /// Its severity.
            pub const fn severity(self) -> Severity {
                match self { $( FindingCode::$v => Severity::$sev, )* }
            }
        }
    };
}

finding_codes! {
    /// A required device is missing.
    MissingRequiredDevice = "missing_required_device", Fail;
    /// A recommended device is missing.
    MissingRecommendedDevice = "missing_recommended_device", Info;
    /// The building height is unknown, so the >100 m rules could not be applied.
    HeightUnknown = "height_unknown", Warn;
    /// The device's model is not in the catalogue.
    NotInCatalogue = "not_in_catalogue", Fail;
    /// The device's model comes from a vendor removed from the catalogue (CAT-4).
    RemovedVendor = "removed_vendor", Fail;
    /// The catalogue lists the model as another kind of device.
    KindMismatch = "kind_mismatch", Fail;
    /// No identifier could be read.
    NoIdentifier = "no_identifier", Fail;
    /// The identifier is malformed.
    MalformedIdentifier = "malformed_identifier", Fail;
    /// The identifier is only a prefix, not an item identifier.
    PrefixOnlyIdentifier = "prefix_only_identifier", Fail;
    /// An alarm is not powered (not in use).
    NotPowered = "not_powered", Fail;
    /// The sensor is at the end of its service life.
    SensorEndOfLife = "sensor_end_of_life", Fail;
    /// A valve is latched closed and needs a manual reset.
    ValveNeedsManualReset = "valve_needs_manual_reset", Warn;
    /// The device's last report is older than the rule set's threshold.
    StaleReport = "stale_report", Warn;
}

#[cfg(feature = "serde")]
impl serde::Serialize for FindingCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

/// One finding of an inspection.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct InspectionFinding {
    /// What it is about.
    pub code: FindingCode,
    /// How serious.
    pub severity: Severity,
    /// The clause ids behind it.
    pub clauses: Vec<String>,
    /// Index into the record's `devices`, for device findings.
    pub device: Option<usize>,
    /// The device kind concerned: the missing kind, or the found device's kind.
    pub kind: DeviceKind,
    /// A required device missing after its deadline.
    pub overdue: bool,
    /// What was found.
    pub message: Message,
    /// What to do.
    pub action: Message,
}

/// The report on one household.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct InspectionReport {
    /// Household id.
    pub household: String,
    /// Community.
    pub community: Option<String>,
    /// No finding of severity `fail`.
    pub compliant: bool,
    /// What the household must or should install.
    pub obligations: Vec<Obligation>,
    /// Findings, obligations first, then per device in order.
    pub findings: Vec<InspectionFinding>,
}

/// Model lookup built once from a catalogue: model → (kind, vendor removed?).
#[derive(Debug, Clone, Default)]
pub struct CatalogueIndex {
    models: BTreeMap<String, (DeviceKind, bool, String)>,
}

impl CatalogueIndex {
    /// Index every product of every vendor (removed vendors included, flagged).
    pub fn new(cat: &Catalogue) -> CatalogueIndex {
        let mut models = BTreeMap::new();
        for v in &cat.vendors {
            let removed = v.status == VendorStatus::Removed;
            for p in &v.products {
                models.insert(p.model.clone(), (p.kind, removed, v.name.clone()));
            }
        }
        CatalogueIndex { models }
    }
}

fn finding(
    code: FindingCode,
    clauses: &[&str],
    (device, kind): (Option<usize>, DeviceKind),
    message: Message,
    action: Message,
) -> InspectionFinding {
    InspectionFinding {
        code,
        severity: code.severity(),
        clauses: clauses.iter().map(|c| String::from(*c)).collect(),
        device,
        kind,
        overdue: false,
        message,
        action,
    }
}

fn ident_clause(kind: DeviceKind) -> &'static str {
    match kind {
        DeviceKind::LeakAlarm => "ALM-5a",
        DeviceKind::SelfClosingValve => "VLV-2a",
    }
}

/// Inspect one household on `as_of`, against `rules` and, if given, the catalogue.
pub fn inspect(
    record: &InspectionRecord,
    catalogue: Option<&CatalogueIndex>,
    as_of: Date,
    rules: &RuleSet,
) -> InspectionReport {
    let obligations = required_devices(&record.profile, as_of, rules);
    let mut findings = Vec::new();
    for o in &obligations {
        if record.devices.iter().any(|d| d.kind == o.device) {
            continue;
        }
        let clauses: Vec<&str> = o.clauses.iter().map(String::as_str).collect();
        let k = o.device.text();
        let due = match o.deadline {
            Deadline::By(d) if o.overdue => {
                Message::new(format!("，已超过期限 {d}"), format!(", overdue since {d}"))
            }
            Deadline::By(d) => Message::new(format!("，期限 {d}"), format!(", due by {d}")),
            Deadline::OnConnection => Message::new("，通气时须安装", ", due on connection"),
            Deadline::None => Message::new("", ""),
        };
        let (code, zh, en) = match o.level {
            Level::Required => (FindingCode::MissingRequiredDevice, "应安装", "required"),
            Level::Recommended => (
                FindingCode::MissingRecommendedDevice,
                "建议安装",
                "recommended",
            ),
        };
        let mut f = finding(
            code,
            &clauses,
            (None, o.device),
            Message::new(
                format!("未发现{}（{zh}{}）", k.zh, due.zh),
                format!("no {} found ({en}{})", k.en, due.en),
            ),
            Message::new(
                format!("从目录清单中选择{}并安装，安装后复查", k.zh),
                format!("install a {} from the catalogue and re-inspect", k.en),
            ),
        );
        f.overdue = o.overdue;
        findings.push(f);
    }
    if record.profile.building_height_m.is_none() {
        // The rules that would apply if the building were taller than their threshold.
        let mut could_apply: Vec<&str> = Vec::new();
        for r in rules.rules.iter() {
            let Some(h) = r.taller_than_m else { continue };
            let mut tall = record.profile.clone();
            tall.building_height_m = super::Height::from_cm(h.cm().saturating_add(1));
            if r.covers(&tall) && !could_apply.contains(&r.id.as_str()) {
                could_apply.push(&r.id);
            }
        }
        if !could_apply.is_empty() {
            findings.push(finding(
                FindingCode::HeightUnknown,
                &could_apply,
                (None, DeviceKind::LeakAlarm),
                Message::new(
                    "建筑高度未知，无法判断是否适用100米以上的要求",
                    "building height unknown: the over-100 m rules could not be applied",
                ),
                Message::new("核实建筑高度并补录", "record the building height"),
            ));
        }
    }
    for (i, d) in record.devices.iter().enumerate() {
        device_findings(i, d, catalogue, as_of, rules, &mut findings);
    }
    InspectionReport {
        household: record.household.clone(),
        community: record.community.clone(),
        compliant: findings.iter().all(|f| f.severity != Severity::Fail),
        obligations,
        findings,
    }
}

fn device_findings(
    i: usize,
    d: &FoundDevice,
    catalogue: Option<&CatalogueIndex>,
    as_of: Date,
    rules: &RuleSet,
    out: &mut Vec<InspectionFinding>,
) {
    let k = d.kind.text();
    let at = (Some(i), d.kind);
    if let (Some(index), Some(model)) = (catalogue, d.model.as_deref()) {
        match index.models.get(model) {
            None => out.push(finding(
                FindingCode::NotInCatalogue,
                &["INS-7", "CAT-3"],
                at,
                Message::new(
                    format!("{}型号“{model}”不在目录清单内", k.zh),
                    format!("{} model \"{model}\" is not in the catalogue", k.en),
                ),
                Message::new("更换为目录清单内的产品", "replace it with a listed product"),
            )),
            Some((_, true, vendor)) => out.push(finding(
                FindingCode::RemovedVendor,
                &["CAT-4"],
                at,
                Message::new(
                    format!("型号“{model}”来自已移出清单的单位“{vendor}”"),
                    format!("model \"{model}\" is from \"{vendor}\", removed from the catalogue"),
                ),
                Message::new(
                    "核查产品来源，必要时更换",
                    "check where it came from and replace it if needed",
                ),
            )),
            Some((kind, false, _)) if *kind != d.kind => out.push(finding(
                FindingCode::KindMismatch,
                &["INS-7"],
                at,
                Message::new(
                    format!(
                        "目录中型号“{model}”为{}，现场记录为{}",
                        kind.text().zh,
                        k.zh
                    ),
                    format!(
                        "the catalogue lists \"{model}\" as a {}, recorded as a {}",
                        kind.text().en,
                        k.en
                    ),
                ),
                Message::new("核对设备类别与型号", "check the device kind and model"),
            )),
            Some(_) => {}
        }
    }
    let clause = ident_clause(d.kind);
    match d.identifier.as_deref() {
        None | Some("") => out.push(finding(
            FindingCode::NoIdentifier,
            &[clause],
            at,
            Message::new(
                format!("{}无可读的工业互联网标识", k.zh),
                format!("no readable identifier on the {}", k.en),
            ),
            Message::new(
                "重新扫码；标签缺失或损坏时请厂家补发",
                "scan again; ask the vendor to replace a missing or damaged label",
            ),
        )),
        Some(value) => match identifier::validate(value) {
            Err(IdentProblem { code, offset }) => out.push(finding(
                FindingCode::MalformedIdentifier,
                &[clause],
                at,
                Message::new(
                    format!(
                        "标识“{value}”格式错误：{}（{}，第 {offset} 字节）",
                        code.text().zh,
                        code.name()
                    ),
                    format!(
                        "identifier \"{value}\" is malformed: {} ({} at byte {offset})",
                        code.text().en,
                        code.name()
                    ),
                ),
                Message::new(
                    "核对标签；格式错误的标签请厂家更换",
                    "check the label; ask the vendor to replace a malformed one",
                ),
            )),
            Ok(v) if !v.item => out.push(finding(
                FindingCode::PrefixOnlyIdentifier,
                &[clause],
                at,
                Message::new(
                    format!("标识“{value}”只是前缀，不能识别具体设备"),
                    format!("identifier \"{value}\" is only a prefix, not a device"),
                ),
                Message::new(
                    "请厂家提供设备级标识",
                    "ask the vendor for a per-device identifier",
                ),
            )),
            Ok(_) => {}
        },
    }
    if d.kind == DeviceKind::LeakAlarm && d.powered == Some(false) {
        out.push(finding(
            FindingCode::NotPowered,
            &["INS-7"],
            at,
            Message::new(
                "报警装置未通电，未处于使用状态",
                "the alarm is not powered, so not in use",
            ),
            Message::new("恢复供电并测试报警", "restore power and test the alarm"),
        ));
    }
    if d.sensor_end_of_life {
        out.push(finding(
            FindingCode::SensorEndOfLife,
            &["INS-7"],
            at,
            Message::new(
                "传感器已到使用寿命（GB 15322.2-2019 3.3.1.3）",
                "the sensor has reached its service life (GB 15322.2-2019 §3.3.1.3)",
            ),
            Message::new("更换传感器或整机", "replace the sensor or the device"),
        ));
    }
    if d.valve_latched_closed {
        out.push(finding(
            FindingCode::ValveNeedsManualReset,
            &["VLV-0e"],
            at,
            Message::new(
                "自闭阀已关闭并锁定，须人工复位",
                "the valve is latched closed and needs a manual reset",
            ),
            Message::new(
                "查明关闭原因（超压、欠压、过流），排除隐患后手动开启",
                "find why it closed (pressure, flow), make safe, then open it by hand",
            ),
        ));
    }
    if let Some(last) = d.last_report {
        let stale =
            days_between(last, as_of).is_some_and(|n| n > i64::from(rules.stale_after_days));
        if stale {
            out.push(finding(
                FindingCode::StaleReport,
                &["PLT-1"],
                at,
                Message::new(
                    format!(
                        "设备最后一次上报为 {last}，超过 {} 天",
                        rules.stale_after_days
                    ),
                    format!(
                        "last report {last}, more than {} days ago",
                        rules.stale_after_days
                    ),
                ),
                Message::new("检查设备联网与电源", "check the device's network and power"),
            ));
        }
    }
}

/// Days from `a` to `b` (negative if `b` is earlier).
fn days_between(a: Date, b: Date) -> Option<i64> {
    b.days_since_epoch().checked_sub(a.days_since_epoch())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_arithmetic() {
        let d = |s| Date::parse(s).unwrap();
        assert_eq!(days_between(d("2024-02-28"), d("2024-03-01")), Some(2));
        assert_eq!(days_between(d("2023-02-28"), d("2023-03-01")), Some(1));
        assert_eq!(days_between(d("2022-12-31"), d("2023-01-01")), Some(1));
        assert_eq!(days_between(d("2026-06-01"), d("2026-05-25")), Some(-7));
        assert_eq!(days_between(d("2000-01-01"), d("2026-01-01")), Some(9497));
    }
}
