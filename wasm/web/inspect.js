// The inspection tab (入户安检 / 通气验收): household records as JSON lines, optionally a catalogue and vendors'
// declarations; one gasdev.inspect call per line, in the worker. Rendering only: every verdict comes from the core.

/** Most records inspected in the page (the CLI streams any number). */
export const MAX_RECORDS = 5000;

export const TEXT = {
  zh: {
    tabInspect: "入户安检", inspectHint: "粘贴入户安检记录（每行一个 JSON 对象，spec/installation.md），或",
    pickRecords: "读取记录文件", pickCatalogue: "目录（可选）", pickDeclarations: "产品声明（可选，可多选）",
    runInspect: "核查", exDistrict: "示例片区", households: "户数", compliantH: "合格", nonCompliantH: "不合格",
    rejectedRows: "拒收行", household: "户号", severity: "级别", finding: "问题", action: "处理", what: "说明",
    lineNo: "行", error: "错误", fieldName: "字段", noFindings: "所有记录均无问题。", tooMany: (n) => `记录过多：只核查前 ${n} 行。`,
    fail: "不合格", warn: "注意", info: "提示", catalogueLoaded: "已载入目录", declarationsLoaded: (n) => `已载入 ${n} 份声明`,
    ruleset: "规则集", asOfNote: "（核查日期取“符合性核查”页的日期）",
  },
  en: {
    tabInspect: "Inspection", inspectHint: "Paste inspection records (one JSON object per line, spec/installation.md), or",
    pickRecords: "Load records", pickCatalogue: "Catalogue (optional)", pickDeclarations: "Declarations (optional, several)",
    runInspect: "Inspect", exDistrict: "Example district", households: "households", compliantH: "compliant",
    nonCompliantH: "non-compliant", rejectedRows: "rejected rows", household: "household", severity: "severity",
    finding: "finding", action: "action", what: "what", lineNo: "line", error: "error", fieldName: "field",
    noFindings: "No finding in any record.", tooMany: (n) => `Too many records: only the first ${n} lines inspected.`,
    fail: "fail", warn: "warn", info: "info", catalogueLoaded: "catalogue loaded",
    declarationsLoaded: (n) => `${n} declaration(s) loaded`, ruleset: "rule set",
    asOfNote: "(as of: the date set on the Conformance tab)",
  },
};

const state = { results: null, truncated: false, catalogue: null, declarations: [] };

const esc = (s) =>
  String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

/** Wire the tab. `ctx`: {$, call, status, t, lang: () => lang, asOf: () => date}. */
export function initInspect(ctx) {
  const { $ } = ctx;
  const run = async () => {
    const st = $("inspect-status");
    ctx.status(st, ctx.t("working"), "busy");
    try {
      const lines = $("inspect-records").value.split(/\r?\n/);
      state.truncated = lines.filter((l) => l.trim()).length > MAX_RECORDS;
      state.results = await ctx.call("inspectLines", lines, state.catalogue, state.declarations, ctx.asOf(), MAX_RECORDS);
      ctx.status(st, state.truncated ? TEXT[ctx.lang()].tooMany(MAX_RECORDS) : "");
    } catch (e) {
      ctx.status(st, ctx.t("failed") + e.message, "error");
    }
    renderInspect(ctx);
  };
  $("inspect-run").addEventListener("click", run);
  $("inspect-file").addEventListener("change", async (e) => {
    if (e.target.files[0]) $("inspect-records").value = await e.target.files[0].text();
    e.target.value = "";
    run();
  });
  $("inspect-catalogue").addEventListener("change", async (e) => {
    state.catalogue = e.target.files[0] ? await e.target.files[0].text() : null;
    e.target.value = "";
    loaded(ctx);
  });
  $("inspect-declarations").addEventListener("change", async (e) => {
    state.declarations = [];
    for (const f of e.target.files) state.declarations.push(await f.text());
    e.target.value = "";
    loaded(ctx);
  });
  $("inspect-example").addEventListener("click", async () => {
    const get = async (p) => (await fetch(`examples/${p}`)).text();
    $("inspect-records").value = await get("inspections.jsonl");
    state.catalogue = await get("catalogue.json");
    state.declarations = [
      await get("declarations/off-catalogue-alarm-conformant.json"),
      await get("declarations/off-catalogue-alarm-no-fire-certificate.json"),
    ];
    loaded(ctx);
    run();
  });
}

function loaded(ctx) {
  const x = TEXT[ctx.lang()];
  const parts = [];
  if (state.catalogue) parts.push(x.catalogueLoaded);
  if (state.declarations.length) parts.push(x.declarationsLoaded(state.declarations.length));
  ctx.$("inspect-loaded").textContent = parts.join(" · ");
}

/** Render the last results in the current language. */
export function renderInspect(ctx) {
  const out = ctx.$("inspect-results");
  if (!out) return;
  loaded(ctx);
  const r = state.results;
  if (!r) {
    out.innerHTML = "";
    return;
  }
  const lang = ctx.lang();
  const x = TEXT[lang];
  if (r.type === "error") {
    out.innerHTML = `<p class="error"><code>${esc(r.error.name)}</code> <code>${esc(r.error.field ?? "")}</code> ${esc(r.error.message[lang])}</p>`;
    return;
  }
  // Reports, rejects and the summary are the core's (inspectAll).
  const { households: ok, rejects: bad, summary: sum } = r.value;
  let s = `<div class="summary"><b>${x.households}</b> ${sum.households} · <b>${x.compliantH}</b> ${sum.compliant} · `;
  s += `<b>${x.nonCompliantH}</b> ${sum.non_compliant} · <b>${x.rejectedRows}</b> ${sum.rejected_rows}</div>`;
  const rows = [];
  for (const v of ok)
    for (const f of v.findings)
      rows.push(
        `<tr class="sev-${esc(f.severity)}"><td>${esc(v.household)}</td><td>${esc(x[f.severity] ?? f.severity)}</td>` +
          `<td><code>${esc(f.code)}</code>${f.hazard ? ` <code>${esc(f.hazard)}</code>` : ""}</td><td>${esc(f.clauses.join(", "))}</td>` +
          `<td>${esc(f.message[lang])}</td><td>${esc(f.action[lang])}</td></tr>`,
      );
  s += rows.length
    ? `<div class="table-wrap"><table class="inspect-findings"><thead><tr><th>${x.household}</th><th>${x.severity}</th><th>${x.finding}</th><th>${ctx.t("clause")}</th><th>${x.what}</th><th>${x.action}</th></tr></thead><tbody>${rows.join("")}</tbody></table></div>`
    : `<p>${x.noFindings}</p>`;
  if (bad.length) {
    s += `<h3>${x.rejectedRows}</h3><div class="table-wrap"><table class="inspect-rejects"><thead><tr><th>${x.lineNo}</th><th>${x.error}</th><th>${x.fieldName}</th><th>${x.what}</th></tr></thead><tbody>`;
    for (const e of bad)
      s += `<tr><td>${e.line}</td><td><code>${esc(e.name)}</code></td><td>${esc(e.field)}</td><td>${esc(e.message?.[lang] ?? "")}</td></tr>`;
    s += `</tbody></table></div>`;
  }
  out.innerHTML = s;
}
