//! The hazard checklist of 深化方案 三（三）2 (public places) and 三（三）3 (old compounds): codes an
//! inspector records in `hazards`; each observed hazard is a failing finding (`hazard`) whose
//! clause, source sentence, message and action come from the rule set's `hazards` table.

use alloc::string::String;
use alloc::vec::Vec;

crate::coded::coded_enum! {
    /// An observed hazard, by stable code.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum Hazard => serde {
        /// 燃气管道被违规占压.
        PipeOccupied = "pipe_occupied";
        /// 燃气管道穿越密闭空间.
        PipeThroughEnclosedSpace = "pipe_through_enclosed_space";
        /// 气瓶间违规设置在地下室和半地下室内.
        CylinderRoomUnderground = "cylinder_room_underground";
        /// 擅自将气瓶放置于室内用餐场所.
        CylinderInDiningArea = "cylinder_in_dining_area";
        /// 使用不合格的气瓶.
        SubstandardCylinder = "substandard_cylinder";
        /// 使用不合格的灶具.
        SubstandardCooker = "substandard_cooker";
        /// 使用不合格的连接软管.
        SubstandardHose = "substandard_hose";
        /// 使用不合格的减压阀.
        SubstandardRegulator = "substandard_regulator";
        /// 私接“三通”.
        IllegalTee = "illegal_tee";
        /// 燃气泄漏报警装置安装使用不规范.
        AlarmInstalledImproperly = "alarm_installed_improperly";
        /// 小区内违规设置非法储存充装点.
        IllegalFillingPoint = "illegal_filling_point";
        /// 居民用户擅自安装、改装、拆除户内燃气设施和燃气计量装置.
        UnauthorisedAlteration = "unauthorised_alteration";
        /// 室内管道严重锈蚀.
        IndoorPipeCorroded = "indoor_pipe_corroded";
    }
}

/// One entry of a rule set's hazard table.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct HazardRule {
    /// The hazard.
    pub code: Hazard,
    /// Clause id (`INS-11`, `INS-12`).
    pub clause: String,
    /// The plan's sentence, verbatim (a substring of the source).
    pub source: String,
    /// What was found, Chinese.
    pub zh: String,
    /// What was found, English.
    pub en: String,
    /// What to do, Chinese.
    pub action_zh: String,
    /// What to do, English.
    pub action_en: String,
}

/// 深化方案 三（三）2, verbatim.
pub const PUBLIC_PLACES: &str = "重点排查整治燃气管道被违规占压、穿越密闭空间，气瓶间违规设置在地下室和半地下室内、擅自将气瓶放置于室内用餐场所，使用不合格的气瓶、灶具、连接软管和减压阀，私接“三通”，不安装燃气泄漏报警装置或安装使用不规范、适用气种不符或功能过期失效等风险隐患。";
/// 深化方案 三（三）3, verbatim.
pub const OLD_COMPOUNDS: &str = "重点排查整治小区内违规设置非法储存充装点，居民用户擅自安装、改装、拆除户内燃气设施和燃气计量装置，室内管道严重锈蚀，使用不合格气瓶、灶具、连接软管和减压阀等风险隐患。";

/// The built-in table: code, clause, source, zh, en, action zh, action en (a table, not code: it
/// is built in every binding).
#[rustfmt::skip]
const BUILTIN: [(Hazard, &str, &str, &str, &str, &str, &str); 13] = [
    (Hazard::PipeOccupied, "INS-11", PUBLIC_PLACES, "燃气管道被违规占压", "the gas pipe is built over or blocked (违规占压)", "拆除占压物，恢复管道安全间距，整改后复查", "remove what covers the pipe, restore its clearance and re-inspect"),
    (Hazard::PipeThroughEnclosedSpace, "INS-11", PUBLIC_PLACES, "燃气管道穿越密闭空间", "the gas pipe runs through an enclosed space", "改移管道或按规范整改，整改后复查", "re-route the pipe or rectify it to the code, then re-inspect"),
    (Hazard::CylinderRoomUnderground, "INS-11", PUBLIC_PLACES, "气瓶间违规设置在地下室或半地下室内", "the cylinder room is in a basement or semi-basement", "将气瓶间移出地下室、半地下室", "move the cylinder room out of the basement"),
    (Hazard::CylinderInDiningArea, "INS-11", PUBLIC_PLACES, "气瓶放置于室内用餐场所", "gas cylinders are kept in an indoor dining area", "将气瓶移出用餐场所，设置独立气瓶间", "move the cylinders out of the dining area into a separate cylinder room"),
    (Hazard::SubstandardCylinder, "INS-11", PUBLIC_PLACES, "使用不合格的气瓶", "a substandard gas cylinder is in use", "停用并更换为合格气瓶", "stop using it and replace it with a compliant cylinder"),
    (Hazard::SubstandardCooker, "INS-11", PUBLIC_PLACES, "使用不合格的灶具", "a substandard cooker is in use", "停用并更换为合格灶具", "stop using it and replace it with a compliant cooker"),
    (Hazard::SubstandardHose, "INS-11", PUBLIC_PLACES, "使用不合格的连接软管", "a substandard connecting hose is in use", "更换为合格的连接软管", "replace it with a compliant hose"),
    (Hazard::SubstandardRegulator, "INS-11", PUBLIC_PLACES, "使用不合格的减压阀", "a substandard pressure regulator is in use", "更换为合格的减压阀", "replace it with a compliant regulator"),
    (Hazard::IllegalTee, "INS-11", PUBLIC_PLACES, "私接“三通”", "an unauthorised tee (三通) is connected", "拆除私接三通，由燃气经营企业整改", "remove the tee; have the gas company rectify the installation"),
    (Hazard::AlarmInstalledImproperly, "INS-11", PUBLIC_PLACES, "燃气泄漏报警装置安装使用不规范", "the gas leak alarm is installed or used improperly", "立即整改，整改后复查", "rectify at once and re-inspect"),
    (Hazard::IllegalFillingPoint, "INS-12", OLD_COMPOUNDS, "小区内违规设置非法储存充装点", "an illegal gas storage or filling point in the compound", "报告主管部门依法取缔", "report it to the authorities to be shut down"),
    (Hazard::UnauthorisedAlteration, "INS-12", OLD_COMPOUNDS, "擅自安装、改装、拆除户内燃气设施或燃气计量装置", "indoor gas installations or meters installed, altered or removed without authorisation", "由燃气经营企业检查恢复，整改后复查", "have the gas company check and restore them, then re-inspect"),
    (Hazard::IndoorPipeCorroded, "INS-12", OLD_COMPOUNDS, "室内管道严重锈蚀", "the indoor gas pipe is badly corroded", "由燃气经营企业更换管道", "have the gas company replace the pipe"),
];

/// The built-in table (rule set `nanchuan-2022`), one entry per [`Hazard`], in code order.
pub fn builtin() -> Vec<HazardRule> {
    BUILTIN
        .iter()
        .map(|&(code, clause, source, zh, en, az, ae)| HazardRule {
            code,
            clause: String::from(clause),
            source: String::from(source),
            zh: String::from(zh),
            en: String::from(en),
            action_zh: String::from(az),
            action_en: String::from(ae),
        })
        .collect()
}
