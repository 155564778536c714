// Display labels of the conformance checker's values, shared by the page (app.js). The export
// (JSON and Markdown), the summary and every verdict come from the core through WebAssembly
// (`exportCheck`), so the page's downloads are byte for byte what `gasdev check` prints.
// No DOM here.

export const STATUS = {
  pass: { mark: "✔", zh: "符合", en: "pass" },
  fail: { mark: "✘", zh: "不符合", en: "fail" },
  needs_evidence: { mark: "?", zh: "需补充证明", en: "needs evidence" },
  not_applicable: { mark: "-", zh: "不适用", en: "not applicable" },
  info: { mark: "i", zh: "信息", en: "info" },
};

export const TIER = { low: { zh: "低档", en: "low" }, mid: { zh: "中档", en: "mid" }, high: { zh: "高档", en: "high" } };
export const KIND = {
  leak_alarm: { zh: "燃气泄漏报警装置", en: "gas leak alarm" },
  self_closing_valve: { zh: "安全自闭阀", en: "self-closing valve" },
};

/** Whether a finding is shown with "failures only". */
export const isFailure = (f) => f.status === "fail" || f.status === "needs_evidence";
