//! The home inspection (入户安检) and gas-connection acceptance (通气验收) check, INS-7.
//!
//! Over 800 lines on purpose: INS-7 is one check whose finding families (household, catalogue, gas,
//! device, identifier, missing devices) read the same record, obligations and catalogue listing, and
//! stay beside the one [`inspect`] that runs them in order.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::hazard::Hazard;
use super::kind::InstalledKind;
use super::lookup::{CatalogueIndex, Listing, Lookup};
use super::profile::{UserClass, UserProfile};
use super::rules::{Deadline, Level, Obligation, RuleSet, required_devices};
use crate::check::Message;
use crate::check::identifier::{self, IdentProblem};
use crate::model::{Date, Gas, RemovalReason};

/// A device found at the household.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct FoundDevice {
    /// Device kind.
    pub kind: InstalledKind,
    /// The identifier scanned from its label or read from its chip.
    #[cfg_attr(feature = "serde", serde(default))]
    pub identifier: Option<String>,
    /// Model as printed.
    #[cfg_attr(feature = "serde", serde(default))]
    pub model: Option<String>,
    /// The vendor (company name or 统一社会信用代码), when known: resolves a model listed by several
    /// companies.
    #[cfg_attr(feature = "serde", serde(default))]
    pub vendor: Option<String>,
    /// Date of installation, when known.
    #[cfg_attr(feature = "serde", serde(default))]
    pub installed_on: Option<Date>,
    /// Gases the alarm detects, as read on its label (alarms only). Absent: taken from the
    /// catalogue entry or the declaration.
    #[cfg_attr(feature = "serde", serde(default))]
    pub detects: Option<Vec<Gas>>,
    /// Powered (alarms); `None` if not observed or not applicable.
    #[cfg_attr(feature = "serde", serde(default))]
    pub powered: Option<bool>,
    /// The sensor's end-of-life indicator is on (GB 15322.2-2019 §3.3.1.3; alarms only).
    #[cfg_attr(feature = "serde", serde(default))]
    pub sensor_end_of_life: bool,
    /// The device is past its service life or no longer works (深化方案 三（三）2 「功能过期失效」).
    #[cfg_attr(feature = "serde", serde(default))]
    pub end_of_life: bool,
    /// The valve is latched closed and must be opened by hand (VLV-0e; valves only).
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
    /// Hazards observed (深化方案 三（三）2 and 3), by code.
    #[cfg_attr(feature = "serde", serde(default))]
    pub hazards: Vec<Hazard>,
    /// Which signals reach the fire control centre (unit users, PLT-4); absent: not recorded.
    #[cfg_attr(feature = "serde", serde(default))]
    pub fire_centre: Option<FireCentre>,
}

/// The signals a unit user sends to the 消防控制中心 (职责, 区消防救援支队: 「督促单位用户将燃气泄漏报警器、
/// 自动切断、在线监测系统信号接入消防控制中心」). `None`: not recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct FireCentre {
    /// Leak alarm signals.
    #[cfg_attr(feature = "serde", serde(default))]
    pub alarm: Option<bool>,
    /// Automatic cut-off signals.
    #[cfg_attr(feature = "serde", serde(default))]
    pub cutoff: Option<bool>,
    /// Online monitoring signals.
    #[cfg_attr(feature = "serde", serde(default))]
    pub monitoring: Option<bool>,
}

/// A device field recorded on a kind it does not describe.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceFieldError {
    /// JSON path of the field (`devices[0].valve_latched_closed`).
    pub field: String,
    /// The device's kind.
    pub kind: InstalledKind,
}

impl core::fmt::Display for DeviceFieldError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(
            f,
            "{} does not apply to a {} (a field of another device kind)",
            self.field,
            self.kind.as_str()
        )
    }
}

impl InspectionRecord {
    /// Check that every device records only fields of its kind: `powered`, `sensor_end_of_life` and
    /// `detects` describe alarms, `valve_latched_closed` valves.
    ///
    /// # Errors
    /// The first such field.
    pub fn validate_devices(&self) -> Result<(), DeviceFieldError> {
        for (i, d) in self.devices.iter().enumerate() {
            let alarm = d.kind == InstalledKind::LeakAlarm;
            let wrong = if !alarm && d.powered.is_some() {
                Some("powered")
            } else if !alarm && d.sensor_end_of_life {
                Some("sensor_end_of_life")
            } else if !alarm && d.detects.is_some() {
                Some("detects")
            } else if alarm && d.valve_latched_closed {
                Some("valve_latched_closed")
            } else {
                None
            };
            if let Some(w) = wrong {
                return Err(DeviceFieldError {
                    field: format!("devices[{i}].{w}"),
                    kind: d.kind,
                });
            }
        }
        Ok(())
    }
}

// `Severity`: generated by core/build.rs from their table in spec/enums.json.
include!(concat!(env!("OUT_DIR"), "/enums/install/inspect.rs"));

macro_rules! finding_codes {
    ($( $(#[$doc:meta])* $v:ident = $name:literal, $sev:ident, $zh:literal, $en:literal; )*) => {
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
            /// The code of a stable name.
            pub fn from_name(name: &str) -> Option<FindingCode> {
                FindingCode::ALL.iter().copied().find(|c| c.name() == name)
            }
            /// What the code means, in Chinese and English (reports for people; JSON keeps the name).
            pub const fn text(self) -> crate::Text {
                match self { $( FindingCode::$v => crate::Text::new($zh, $en), )* }
            }
        }
    };
}

finding_codes! {
    /// A required device is missing.
    MissingRequiredDevice = "missing_required_device", Fail, "缺少应装装置", "required device missing";
    /// A recommended device is missing.
    MissingRecommendedDevice = "missing_recommended_device", Info, "缺少建议安装的装置", "recommended device missing";
    /// The building height is unknown, so the >100 m rules could not be applied.
    HeightUnknown = "height_unknown", Warn, "建筑高度未知", "building height unknown";
    /// The device's model is not in the catalogue: lawful (安装方案 四（三）), ask for its papers.
    NotInCatalogue = "not_in_catalogue", Info, "型号不在目录中", "model not in the catalogue";
    /// An unlisted model whose declaration meets 附件3 (`--declarations`).
    OffCatalogueConformant = "off_catalogue_conformant", Info, "目录外型号（声明符合）", "unlisted model, declaration conforms";
    /// An unlisted model whose declaration fails 附件3 clauses.
    OffCatalogueNonconformant = "off_catalogue_nonconformant", Fail, "目录外型号（声明不符合）", "unlisted model, declaration fails";
    /// An unlisted model with no declaration among those given.
    OffCatalogueUndeclared = "off_catalogue_undeclared", Warn, "目录外型号（无声明）", "unlisted model, no declaration";
    /// A model listed by several companies, and the record does not say which.
    AmbiguousModel = "ambiguous_model", Warn, "型号对应多家企业", "model listed by several companies";
    /// The device's model comes from a vendor removed from the catalogue (CAT-4).
    RemovedVendor = "removed_vendor", Warn, "企业已移出目录", "vendor removed from the catalogue";
    /// The catalogue lists the model as another kind of device.
    KindMismatch = "kind_mismatch", Fail, "装置类别不符", "device kind mismatch";
    /// The alarm does not detect the household's gas (「适用气种不符」).
    GasMismatch = "gas_mismatch", Fail, "适用气种不符", "gas mismatch";
    /// Which gases the alarm detects is not known.
    GasUnknown = "gas_unknown", Warn, "适用气种未知", "detected gases unknown";
    /// No identifier could be read.
    NoIdentifier = "no_identifier", Fail, "无标识", "no identifier";
    /// The identifier is malformed.
    MalformedIdentifier = "malformed_identifier", Fail, "标识格式错误", "malformed identifier";
    /// The identifier is only a prefix, not an item identifier.
    PrefixOnlyIdentifier = "prefix_only_identifier", Fail, "标识只是前缀", "identifier is only a prefix";
    /// An alarm is not powered (not in use).
    NotPowered = "not_powered", Fail, "未通电", "not powered";
    /// The sensor is at the end of its service life.
    SensorEndOfLife = "sensor_end_of_life", Fail, "传感器寿命到期", "sensor end of life";
    /// The device is past its service life or no longer works (「功能过期失效」).
    DeviceEndOfLife = "device_end_of_life", Fail, "装置超过使用年限", "device end of life";
    /// A valve is latched closed and needs a manual reset.
    ValveNeedsManualReset = "valve_needs_manual_reset", Warn, "自闭阀须手动复位", "valve needs manual reset";
    /// The device's last report is older than the rule set's threshold.
    StaleReport = "stale_report", Warn, "长时间未上报", "stale report";
    /// An observed hazard of the checklist.
    Hazard = "hazard", Fail, "风险隐患", "hazard";
    /// A unit user with an alarm: whether its signals reach the fire control centre is not recorded.
    FireCentreUnknown = "fire_centre_unknown", Warn, "消防联网情况未知", "fire control centre link unknown";
    /// A unit user's alarm, cut-off or monitoring signals do not reach the fire control centre.
    FireCentreNotLinked = "fire_centre_not_linked", Warn, "未接入消防监控", "not linked to the fire control centre";
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
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct InspectionFinding {
    /// What it is about.
    pub code: FindingCode,
    /// How serious.
    pub severity: Severity,
    /// The clause ids behind it.
    pub clauses: Vec<String>,
    /// Index into the record's `devices`, for device findings.
    pub device: Option<usize>,
    /// The device kind concerned: the missing kind, or the found device's kind (`null` for a
    /// finding about the household: hazards, the fire control centre).
    pub kind: Option<InstalledKind>,
    /// The hazard, for `hazard` findings.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub hazard: Option<Hazard>,
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
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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

fn finding(
    code: FindingCode,
    clauses: &[&str],
    (device, kind): (Option<usize>, Option<InstalledKind>),
    message: Message,
    action: Message,
) -> InspectionFinding {
    InspectionFinding {
        code,
        severity: code.severity(),
        clauses: clauses.iter().map(|c| String::from(*c)).collect(),
        device,
        kind,
        hazard: None,
        overdue: false,
        message,
        action,
    }
}

/// The clause requiring a readable identifier; cut-off valves have no 附件3 clause.
fn ident_clause(kind: InstalledKind) -> Option<&'static str> {
    match kind {
        InstalledKind::LeakAlarm => Some("ALM-5a"),
        InstalledKind::SelfClosingValve => Some("VLV-2a"),
        InstalledKind::CutoffValve => None,
    }
}

/// Inspect one household on `as_of`, against `rules` and, if given, the catalogue (and the
/// declarations added to its index).
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
        findings.push(missing(o));
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
                (None, Some(InstalledKind::LeakAlarm)),
                Message::new(
                    "建筑高度未知，无法判断是否适用100米以上的要求",
                    "building height unknown: the over-100 m rules could not be applied",
                ),
                Message::new("核实建筑高度并补录", "record the building height"),
            ));
        }
    }
    for (i, d) in record.devices.iter().enumerate() {
        device_findings(
            i,
            d,
            &record.profile,
            catalogue,
            as_of,
            rules,
            &mut findings,
        );
    }
    household_findings(record, rules, &mut findings);
    InspectionReport {
        household: record.household.clone(),
        community: record.community.clone(),
        compliant: findings.iter().all(|f| f.severity != Severity::Fail),
        obligations,
        findings,
    }
}

fn missing(o: &Obligation) -> InspectionFinding {
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
    let mut note = Message::new("", "");
    for n in &o.notes {
        note.zh.push_str(&format!("；{}", n.zh));
        note.en.push_str(&format!("; {}", n.en));
    }
    let (code, zh, en) = match o.level {
        Level::Required => (FindingCode::MissingRequiredDevice, "应安装", "required"),
        Level::Recommended => (
            FindingCode::MissingRecommendedDevice,
            "建议安装",
            "recommended",
        ),
    };
    let action = if o.device.catalogue_kind().is_some() {
        Message::new(
            format!(
                "选择符合要求的{}并安装（可从目录清单中选择），安装后复查",
                k.zh
            ),
            format!(
                "install a conforming {} (the catalogue lists some) and re-inspect",
                k.en
            ),
        )
    } else {
        Message::new(
            format!("按规定安装{}并与报警装置联动，安装后复查", k.zh),
            format!(
                "install an {} interlocked with the alarm as the codes require, and re-inspect",
                k.en
            ),
        )
    };
    let mut f = finding(
        code,
        &clauses,
        (None, Some(o.device)),
        Message::new(
            format!("未发现{}（{zh}{}{}）", k.zh, due.zh, note.zh),
            format!("no {} found ({en}{}{})", k.en, due.en, note.en),
        ),
        action,
    );
    f.overdue = o.overdue;
    f
}

fn household_findings(
    record: &InspectionRecord,
    rules: &RuleSet,
    out: &mut Vec<InspectionFinding>,
) {
    for h in &record.hazards {
        let builtin;
        let entry = match rules.hazards.iter().find(|e| e.code == *h) {
            Some(e) => e,
            None => {
                builtin = super::hazard::builtin();
                match builtin.iter().find(|e| e.code == *h) {
                    Some(e) => e,
                    None => continue,
                }
            }
        };
        let mut f = finding(
            FindingCode::Hazard,
            &[entry.clause.as_str()],
            (None, None),
            Message::new(
                format!("发现隐患：{}", entry.zh),
                format!("hazard: {}", entry.en),
            ),
            Message::new(entry.action_zh.clone(), entry.action_en.clone()),
        );
        f.hazard = Some(*h);
        out.push(f);
    }
    let has_alarm = record
        .devices
        .iter()
        .any(|d| d.kind == InstalledKind::LeakAlarm);
    if record.profile.user_class != UserClass::Unit || !has_alarm {
        return;
    }
    let fc = record.fire_centre.unwrap_or_default();
    let not: Vec<(&str, &str)> = [
        (fc.alarm, ("报警", "alarm")),
        (fc.cutoff, ("自动切断", "automatic cut-off")),
        (fc.monitoring, ("在线监测", "online monitoring")),
    ]
    .into_iter()
    .filter(|(v, _)| *v == Some(false))
    .map(|(_, t)| t)
    .collect();
    let action = Message::new(
        "将燃气泄漏报警器、自动切断、在线监测系统信号接入消防控制中心",
        "connect the leak alarm, automatic cut-off and online monitoring signals to the fire control centre",
    );
    if !not.is_empty() {
        let zh: Vec<&str> = not.iter().map(|t| t.0).collect();
        let en: Vec<&str> = not.iter().map(|t| t.1).collect();
        out.push(finding(
            FindingCode::FireCentreNotLinked,
            &["PLT-4"],
            (None, None),
            Message::new(
                format!("{}信号未接入消防控制中心", zh.join("、")),
                format!(
                    "{} signals do not reach the fire control centre",
                    en.join(", ")
                ),
            ),
            action,
        ));
    } else if fc.alarm.is_none() {
        out.push(finding(
            FindingCode::FireCentreUnknown,
            &["PLT-4"],
            (None, None),
            Message::new(
                "未记录报警信号是否接入消防控制中心",
                "not recorded whether the alarm signals reach the fire control centre",
            ),
            action,
        ));
    }
}

/// The catalogue and declaration findings of a device with a model; returns the listing found (for
/// the gases it detects).
fn catalogue_findings<'a>(
    at: (Option<usize>, Option<InstalledKind>),
    d: &FoundDevice,
    model: &str,
    index: &'a CatalogueIndex,
    as_of: Date,
    out: &mut Vec<InspectionFinding>,
) -> Option<&'a Listing> {
    let k = d.kind.text();
    let kind = d.kind.catalogue_kind()?;
    let unlisted = |out: &mut Vec<InspectionFinding>, why: Message| {
        if !index.has_declarations() {
            out.push(finding(
                FindingCode::NotInCatalogue,
                &["INS-13", "CAT-3"],
                at,
                why,
                Message::new(
                    "目录清单外的产品可以合法销售安装：请用户出示其法定认证证书和产品声明，核对是否符合附件3",
                    "off-catalogue products are lawful: ask for its certificates and declaration and check them against 附件3",
                ),
            ));
            return;
        }
        match index.declaration(model) {
            None => out.push(finding(
                FindingCode::OffCatalogueUndeclared,
                &["INS-13", "CAT-3"],
                at,
                Message::new(
                    format!("{}；未提供该型号的产品声明", why.zh),
                    format!("{}; no declaration of this model was given", why.en),
                ),
                Message::new(
                    "请销售安装单位提供法定认证证书和产品声明，核对是否符合附件3",
                    "ask the vendor for its certificates and declaration and check them against 附件3",
                ),
            )),
            Some(decl) if decl.conformant && decl.kind == kind => out.push(finding(
                FindingCode::OffCatalogueConformant,
                &["INS-13"],
                at,
                Message::new(
                    format!(
                        "{}；其产品声明符合附件3（达到{}）",
                        why.zh,
                        decl.achieved.map_or("—", |t| t.text().zh)
                    ),
                    format!(
                        "{}; its declaration meets 附件3 (achieved tier: {})",
                        why.en,
                        decl.achieved.map_or("none", |t| t.as_str())
                    ),
                ),
                Message::new("无需处理", "nothing to do"),
            )),
            Some(decl) => {
                let mut clauses: Vec<&str> = alloc::vec!["INS-13"];
                clauses.extend(decl.failing.iter().copied());
                let failing = if decl.kind == kind {
                    decl.failing.join(", ")
                } else {
                    format!("declared as a {}", decl.kind.as_str())
                };
                out.push(finding(
                    FindingCode::OffCatalogueNonconformant,
                    &clauses,
                    at,
                    Message::new(
                        format!("{}；其产品声明不符合附件3：{failing}", why.zh),
                        format!("{}; its declaration fails 附件3: {failing}", why.en),
                    ),
                    Message::new(
                        "更换为符合附件3的产品（可从目录清单中选择）",
                        "replace it with a product that meets 附件3 (the catalogue lists some)",
                    ),
                ));
            }
        }
    };
    if !index.has_catalogue() {
        // Declarations without a catalogue only tell which gases a model detects.
        return None;
    }
    match index.lookup(model, d.vendor.as_deref()) {
        Lookup::Unlisted => {
            unlisted(
                out,
                Message::new(
                    format!("{}型号“{model}”不在目录清单内", k.zh),
                    format!("{} model \"{model}\" is not in the catalogue", k.en),
                ),
            );
            None
        }
        Lookup::OtherVendor(names) => {
            let vendor = d.vendor.as_deref().unwrap_or_default();
            let (zh, en) = (names.join("、"), names.join(", "));
            unlisted(
                out,
                Message::new(
                    format!("目录清单中“{vendor}”名下没有型号“{model}”（列于：{zh}）"),
                    format!("the catalogue lists \"{model}\" under {en}, not under \"{vendor}\""),
                ),
            );
            None
        }
        Lookup::Ambiguous(names) => {
            let (zh, en) = (names.join("、"), names.join(", "));
            out.push(finding(
                FindingCode::AmbiguousModel,
                &["INS-7"],
                at,
                Message::new(
                    format!("型号“{model}”在目录清单中列于多家单位：{zh}"),
                    format!("model \"{model}\" is listed under several companies: {en}"),
                ),
                Message::new(
                    "记录设备的销售安装单位（名称或统一社会信用代码）后复核",
                    "record the device's vendor (name or credit code) and check again",
                ),
            ));
            None
        }
        Lookup::Listed(l) => {
            if l.kind != kind {
                out.push(finding(
                    FindingCode::KindMismatch,
                    &["INS-7"],
                    at,
                    Message::new(
                        format!(
                            "目录中型号“{model}”为{}，现场记录为{}",
                            l.kind.text().zh,
                            k.zh
                        ),
                        format!(
                            "the catalogue lists \"{model}\" as a {}, recorded as a {}",
                            l.kind.text().en,
                            k.en
                        ),
                    ),
                    Message::new("核对设备类别与型号", "check the device kind and model"),
                ));
            }
            if l.removed_on(as_of) {
                out.push(removed(at, model, l, d.installed_on));
            }
            Some(l)
        }
    }
}

/// `removed_vendor`: a warning whose action depends on the reason and on when it was installed.
fn removed(
    at: (Option<usize>, Option<InstalledKind>),
    model: &str,
    l: &Listing,
    installed_on: Option<Date>,
) -> InspectionFinding {
    let (date, reason) = l.removal.unwrap_or((None, None));
    let vendor = &l.vendor;
    let when = match (date, installed_on) {
        (Some(r), Some(i)) if i < r => Message::new(
            format!("，安装于 {i}，早于移出日期 {r}"),
            format!(", installed on {i}, before the removal on {r}"),
        ),
        (Some(r), Some(i)) => Message::new(
            format!("，安装于 {i}，在移出日期 {r} 之后"),
            format!(", installed on {i}, on or after the removal on {r}"),
        ),
        (Some(r), None) => Message::new(
            format!("（移出日期 {r}，安装日期未记录）"),
            format!(" (removed on {r}; installation date not recorded)"),
        ),
        (None, _) => Message::new("", ""),
    };
    let action = match reason {
        Some(RemovalReason::Counterfeit) => Message::new(
            "该单位因制假售假被移出：核验设备是否为正品（标识解析、法定认证证书），假冒产品须更换",
            "removed for counterfeiting: verify the device is genuine (identifier resolution, certificates); replace a counterfeit",
        ),
        Some(RemovalReason::BorrowedQualification) => Message::new(
            "该单位因挂靠借用资质被移出：请有资质的单位检查安装质量",
            "removed for borrowing qualifications: have a qualified installer check the installation",
        ),
        _ => Message::new(
            "移出清单不影响已安装设备本身：保持正常使用和维护，售后服务另行落实",
            "the removal concerns the list, not the device: keep it in use and arrange after-sales service",
        ),
    };
    finding(
        FindingCode::RemovedVendor,
        &["CAT-4"],
        at,
        Message::new(
            format!("型号“{model}”来自已移出清单的单位“{vendor}”{}", when.zh),
            format!(
                "model \"{model}\" is from \"{vendor}\", removed from the catalogue{}",
                when.en
            ),
        ),
        action,
    )
}

fn gas_findings(
    at: (Option<usize>, Option<InstalledKind>),
    d: &FoundDevice,
    listing: Option<&Listing>,
    declared: Option<&[Gas]>,
    profile: &UserProfile,
    rules: &RuleSet,
    out: &mut Vec<InspectionFinding>,
) {
    let Some(fit) = rules
        .gas_fit
        .iter()
        .find(|f| f.gas_supply == profile.gas_supply)
    else {
        return;
    };
    let detects: Option<&[Gas]> = d
        .detects
        .as_deref()
        .or(listing
            .map(|l| l.detects.as_slice())
            .filter(|g| !g.is_empty()))
        .or(declared.filter(|g| !g.is_empty()));
    let supply = profile.gas_supply.text();
    let needs_zh: Vec<&str> = fit.detects_any_of.iter().map(|g| g.text().zh).collect();
    let needs_en: Vec<&str> = fit.detects_any_of.iter().map(|g| g.text().en).collect();
    match detects {
        None => out.push(finding(
            FindingCode::GasUnknown,
            &["INS-10"],
            at,
            Message::new(
                format!("未知该报警装置适用的气种（用户使用{}）", supply.zh),
                format!(
                    "which gases the alarm detects is not known (the user has {})",
                    supply.en
                ),
            ),
            Message::new(
                format!("核对标签或产品声明，确认能检测{}", needs_zh.join("或")),
                format!(
                    "check its label or declaration: it must detect {}",
                    needs_en.join(" or ")
                ),
            ),
        )),
        Some(g) if !g.iter().any(|x| fit.detects_any_of.contains(x)) => {
            let has_zh: Vec<&str> = g.iter().map(|x| x.text().zh).collect();
            let has_en: Vec<&str> = g.iter().map(|x| x.text().en).collect();
            out.push(finding(
                FindingCode::GasMismatch,
                &["INS-10"],
                at,
                Message::new(
                    format!(
                        "适用气种不符：用户使用{}，报警装置检测{}",
                        supply.zh,
                        if has_zh.is_empty() {
                            String::from("—")
                        } else {
                            has_zh.join("、")
                        }
                    ),
                    format!(
                        "wrong gas: the user has {}, the alarm detects {}",
                        supply.en,
                        if has_en.is_empty() {
                            String::from("nothing")
                        } else {
                            has_en.join(", ")
                        }
                    ),
                ),
                Message::new(
                    format!("更换为能检测{}的报警装置", needs_zh.join("或")),
                    format!(
                        "replace it with an alarm that detects {}",
                        needs_en.join(" or ")
                    ),
                ),
            ));
        }
        Some(_) => {}
    }
}

fn device_findings(
    i: usize,
    d: &FoundDevice,
    profile: &UserProfile,
    catalogue: Option<&CatalogueIndex>,
    as_of: Date,
    rules: &RuleSet,
    out: &mut Vec<InspectionFinding>,
) {
    let k = d.kind.text();
    let at = (Some(i), Some(d.kind));
    let model = d.model.as_deref().filter(|m| !m.trim().is_empty());
    let listing = match (catalogue, model) {
        (Some(index), Some(model)) => catalogue_findings(at, d, model, index, as_of, out),
        _ => None,
    };
    if d.kind == InstalledKind::LeakAlarm {
        let declared = match (catalogue, model) {
            (Some(index), Some(model)) => index.declaration(model).map(|x| x.detects.as_slice()),
            _ => None,
        };
        gas_findings(at, d, listing, declared, profile, rules, out);
    }
    if let Some(clause) = ident_clause(d.kind) {
        identifier_findings(at, d, clause, out);
    }
    if d.kind == InstalledKind::LeakAlarm && d.powered == Some(false) {
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
                "报警装置传感器已到使用寿命（寿命终止指示，GB 15322.2-2019 3.3.1.3）",
                "the alarm's sensor has reached its service life (end-of-life indication, GB 15322.2-2019 §3.3.1.3)",
            ),
            Message::new("更换传感器或整机", "replace the sensor or the device"),
        ));
    }
    if d.end_of_life {
        out.push(finding(
            FindingCode::DeviceEndOfLife,
            &["INS-7", "INS-11"],
            at,
            Message::new(
                format!("{}功能过期失效", k.zh),
                format!("the {} is past its service life or no longer works", k.en),
            ),
            Message::new(format!("更换{}", k.zh), format!("replace the {}", k.en)),
        ));
    }
    if d.valve_latched_closed {
        let clause = if d.kind == InstalledKind::SelfClosingValve {
            "VLV-0e"
        } else {
            "INS-9"
        };
        out.push(finding(
            FindingCode::ValveNeedsManualReset,
            &[clause],
            at,
            Message::new(
                format!("{}已关闭并锁定，须人工复位", k.zh),
                format!("the {} is latched closed and needs a manual reset", k.en),
            ),
            Message::new(
                "查明关闭原因（超压、欠压、过流、泄漏报警），排除隐患后手动开启",
                "find why it closed (pressure, flow, a leak alarm), make safe, then open it by hand",
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

fn identifier_findings(
    at: (Option<usize>, Option<InstalledKind>),
    d: &FoundDevice,
    clause: &str,
    out: &mut Vec<InspectionFinding>,
) {
    let k = d.kind.text();
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
}

/// Days from `a` to `b` (negative if `b` is earlier).
fn days_between(a: Date, b: Date) -> Option<i64> {
    b.days_since_epoch().checked_sub(a.days_since_epoch())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ins4_message_names_both_dates() {
        use crate::install::{Connection, GasSupply, UserClass};
        let record = InspectionRecord {
            household: String::from("H"),
            community: None,
            profile: UserProfile {
                user_class: UserClass::Unit,
                connection: Connection::Existing,
                unit_category: None,
                building_height_m: super::super::Height::from_cm(3000),
                old_compound: false,
                hardship: false,
                crowded_place: false,
                gas_supply: GasSupply::PipedNaturalGas,
                connection_date: None,
                note: None,
            },
            devices: Vec::new(),
            hazards: Vec::new(),
            fire_centre: None,
        };
        let r = inspect(
            &record,
            None,
            Date::parse("2026-06-01").unwrap(),
            &RuleSet::nanchuan_2022(),
        );
        let m = &r.findings[0].message;
        assert_eq!(r.findings[0].code, FindingCode::MissingRequiredDevice);
        assert!(
            m.zh.contains("2022-02-28") && m.zh.contains("2022年3月底前"),
            "{}",
            m.zh
        );
        assert!(
            m.en.contains("2022-02-28") && m.en.contains("end of March 2022"),
            "{}",
            m.en
        );
    }

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
