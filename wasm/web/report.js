// Pure functions of the conformance checker, shared by the page (app.js) and the node tests:
// the export in the shape of `gasdev check --format json` and a Markdown report.
// No DOM here.

/** One checked file: {path, result} where result is what checkDocument returned. */

/** The summary `gasdev check` prints (cli/src/cmd/check.rs, summarize). */
export function summarize(files) {
  const s = { files: files.length, input_errors: 0, products: 0, conformant_products: 0, failed_findings: 0, conformant: true };
  for (const f of files) {
    if (f.result.type === "error") {
      s.input_errors += 1;
      s.conformant = false;
      continue;
    }
    const { document, report } = f.result.value;
    let products = [report];
    if (document === "catalogue") {
      s.failed_findings += report.counts.fail;
      if (!report.conformant) s.conformant = false;
      products = report.products;
    }
    for (const p of products) {
      s.products += 1;
      s.failed_findings += p.counts.fail;
      if (p.conformant) s.conformant_products += 1;
      else s.conformant = false;
    }
  }
  return s;
}

/** The JSON `gasdev check --format json` prints for the same files, as an object. */
export function exportJson(files, { version, asOf }) {
  const first = files.find((f) => f.result.type === "ok");
  const ruleset = first ? first.result.value.ruleset : "nanchuan-2022";
  const rulesetVersion = first ? first.result.value.ruleset_version : 1;
  return {
    tool: "gasdev",
    version,
    ruleset,
    ruleset_version: rulesetVersion,
    as_of: asOf,
    files: files.map((f) => {
      if (f.result.type === "ok") {
        return { path: f.path, document: f.result.value.document, report: f.result.value.report };
      }
      const e = f.result.error;
      return {
        path: f.path,
        error: { name: e.name, code: e.code, line: e.line ?? 0, column: e.column ?? 0, field: e.field ?? "", message: e.message },
      };
    }),
    summary: summarize(files),
  };
}

const L = {
  zh: {
    title: "燃气安全装置符合性核查报告",
    ruleset: "规则集",
    asOf: "核查日期",
    catalogue: "目录",
    overall: "总体结论",
    clauses: "目录条款",
    products: "产品一览",
    claimed: "声明档次",
    achieved: "实际达到",
    verdict: "结论",
    clause: "条款",
    field: "字段",
    reason: "说明",
    inputError: "输入错误",
    summary: "汇总",
    yes: "符合",
    no: "不符合",
    none: "未达低档",
    noFailures: "（无不符合项）",
    files: "文件",
    conformantProducts: "符合要求的产品",
    failedFindings: "不符合项",
  },
  en: {
    title: "Gas safety device conformance report",
    ruleset: "rule set",
    asOf: "as of",
    catalogue: "Catalogue",
    overall: "overall verdict",
    clauses: "Catalogue clauses",
    products: "Products",
    claimed: "claimed tier",
    achieved: "achieved tier",
    verdict: "verdict",
    clause: "clause",
    field: "field",
    reason: "reason",
    inputError: "input error",
    summary: "Summary",
    yes: "conformant",
    no: "non-conformant",
    none: "none",
    noFailures: "(no failing findings)",
    files: "files",
    conformantProducts: "conformant products",
    failedFindings: "failed findings",
  },
};

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

const cell = (s) => String(s ?? "").replaceAll("|", "\\|").replaceAll("\n", " ");

function findingsTable(findings, lang, failuresOnly) {
  const t = L[lang];
  const rows = findings.filter((f) => !failuresOnly || isFailure(f));
  if (!rows.length) return `${t.noFailures}\n`;
  let s = `| ${t.clause} | ${t.verdict} | ${t.field} | ${t.reason} |\n|---|---|---|---|\n`;
  for (const f of rows) s += `| ${f.id} | ${STATUS[f.status].mark} ${STATUS[f.status][lang]} | ${cell(f.field)} | ${cell(f.reason[lang])} |\n`;
  return s;
}

function productMd(p, lang, failuresOnly) {
  const t = L[lang];
  const title = [p.vendor, p.model, KIND[p.kind][lang]].filter(Boolean).join(" · ");
  const achieved = p.achieved_tier ? TIER[p.achieved_tier][lang] : t.none;
  let s = `\n### ${cell(title)}\n\n`;
  s += `${t.claimed}: ${TIER[p.claimed_tier][lang]} · ${t.achieved}: ${achieved} · ${t.verdict}: ${p.conformant ? t.yes : t.no}\n\n`;
  return s + findingsTable(p.findings, lang, failuresOnly);
}

/** A Markdown report of the checked files in `lang`. */
export function exportMarkdown(files, { lang, asOf, version, failuresOnly }) {
  const t = L[lang];
  const ex = exportJson(files, { version, asOf });
  let s = `# ${t.title}\n\n${t.ruleset}: ${ex.ruleset} v${ex.ruleset_version} · ${t.asOf}: ${asOf} · gasdev ${version}\n`;
  for (const f of files) {
    s += `\n## ${cell(f.path)}\n\n`;
    if (f.result.type === "error") {
      const e = f.result.error;
      const where = e.line ? `${e.line}:${e.column}` : "";
      s += `${t.inputError}: ${e.name} ${where} ${e.field ? `[${e.field}] ` : ""}${cell(e.message[lang])}\n`;
      continue;
    }
    const { document, report } = f.result.value;
    if (document === "catalogue") {
      s += `${t.catalogue}: ${cell(report.name)} · ${t.overall}: ${report.conformant ? t.yes : t.no}\n\n### ${t.clauses}\n\n`;
      s += findingsTable(report.findings, lang, false);
      for (const p of report.products) {
        if (failuresOnly && p.conformant && p.counts.needs_evidence === 0) continue;
        s += productMd(p, lang, failuresOnly);
      }
    } else {
      s += productMd(report, lang, failuresOnly);
    }
  }
  const sm = ex.summary;
  s += `\n## ${t.summary}\n\n${t.files}: ${sm.files} · ${t.inputError}: ${sm.input_errors} · ${t.conformantProducts}: ${sm.conformant_products}/${sm.products} · ${t.failedFindings}: ${sm.failed_findings} · ${t.overall}: ${sm.conformant ? t.yes : t.no}\n`;
  return s;
}
