// The conformance checker's status marks, shared by the page (app.js). The words for statuses,
// tiers and kinds are the core's (labels.js); the export (JSON and Markdown), the summary and every
// verdict come from the core through WebAssembly (`exportCheck`), so the page's downloads are byte
// for byte what `gasdev check` prints. No DOM here.

/** The mark beside each finding status. */
export const MARK = { pass: "✔", fail: "✘", needs_evidence: "?", not_applicable: "-", info: "i" };

/** Whether a finding is shown with "failures only". */
export const isFailure = (f) => f.status === "fail" || f.status === "needs_evidence";
