// The inspection tab (入户安检 / 通气验收): a household ledger — JSON lines, CSV or an .xlsx workbook —
// dropped, picked or pasted, optionally with a catalogue and vendors' declarations, inspected in the
// worker in steps (InspectSession: progress shown, the page stays responsive for 10^5 rows). The
// summary, the community ranking, the charts (the core's SVG), the filtered findings and the
// exports (CSV, Markdown and XLSX, the CLI's) all come from the core; this file only renders.
import { label, word } from "./labels.js";

export const TEXT = {
  zh: {
    tabInspect: "入户安检", inspectHint: "把安检台账（JSON 行、CSV 或 Excel .xlsx）拖到这里，或", inspectPaste: "或粘贴记录（每行一个 JSON 对象，或 CSV 文本）：",
    pickRecords: "选择台账文件", pickCatalogue: "目录（可选）", pickDeclarations: "产品声明（可选，可多选）",
    runInspect: "核查粘贴的记录", exDistrict: "示例片区", exCsv: "示例台账 CSV", exXlsx: "示例台账 Excel", households: "户数", compliantH: "合格", nonCompliantH: "不合格",
    rejectedRows: "拒收行", household: "户号", community: "小区", severity: "级别", finding: "问题", action: "处理", what: "说明", kindCol: "装置",
    lineNo: "行", error: "错误", fieldName: "字段", noFindings: "没有符合条件的问题。", overdue: "逾期义务",
    catalogueLoaded: "已载入目录", declarationsLoaded: (n) => `已载入 ${n} 份声明`, asOfNote: "（核查日期取“符合性核查”页的日期）",
    progress: (p) => `已读 ${pct(p)}，已核查 ${p.households} 户，拒收 ${p.rejected_rows} 行…`,
    finished: (p, ms) => `完成：${p.households} 户，拒收 ${p.rejected_rows} 行，用时 ${(ms / 1000).toFixed(1)} 秒。`,
    loadingSheets: "正在加载 Excel 模块…", ranking: "各小区排名", rank: "名次", rate: "合格率", failsPer100: "每百户不合格项",
    charts: "图表", findingsTitle: "问题明细", filterAll: "全部", shown: (n, total) => `显示 ${n} / ${total} 条`, more: "显示更多",
    exportCsv: "导出 CSV", exportXlsx: "导出 Excel", exportInspectMd: "导出 Markdown", rejectsMore: (n) => `另有 ${n} 行未列出`,
  },
  en: {
    tabInspect: "Inspection", inspectHint: "Drop a household ledger (JSON lines, CSV or an Excel .xlsx) here, or", inspectPaste: "or paste records (one JSON object per line, or CSV text):",
    pickRecords: "Choose a ledger", pickCatalogue: "Catalogue (optional)", pickDeclarations: "Declarations (optional, several)",
    runInspect: "Inspect pasted records", exDistrict: "Example district", exCsv: "Example ledger CSV", exXlsx: "Example ledger Excel", households: "households", compliantH: "compliant",
    nonCompliantH: "non-compliant", rejectedRows: "rejected rows", household: "household", community: "community", severity: "severity",
    finding: "finding", action: "action", what: "what", kindCol: "device", lineNo: "line", error: "error", fieldName: "field",
    noFindings: "No finding matches.", overdue: "overdue obligations", catalogueLoaded: "catalogue loaded",
    declarationsLoaded: (n) => `${n} declaration(s) loaded`, asOfNote: "(as of: the date set on the Conformance tab)",
    progress: (p) => `read ${pct(p)}, ${p.households} households inspected, ${p.rejected_rows} rows rejected…`,
    finished: (p, ms) => `Done: ${p.households} households, ${p.rejected_rows} rows rejected, in ${(ms / 1000).toFixed(1)} s.`,
    loadingSheets: "Loading the Excel module…", ranking: "Community ranking", rank: "rank", rate: "compliance rate", failsPer100: "fails per 100 households",
    charts: "Charts", findingsTitle: "Findings", filterAll: "all", shown: (n, total) => `${n} of ${total} shown`, more: "Show more",
    exportCsv: "Export CSV", exportXlsx: "Export Excel", exportInspectMd: "Export Markdown", rejectsMore: (n) => `${n} more not listed`,
  },
};

const pct = (p) => `${p.total ? Math.floor((100 * p.read) / p.total) : 100}%`;
/** Findings rows fetched per page. */
const PAGE = 200;
/** Rejected rows listed. */
const MAX_REJECTS = 100;

const state = { source: null, catalogue: null, declarations: [], progress: null, error: null, view: null, rows: [], total: 0, charts: null, chartsLang: null };

const esc = (s) =>
  String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

/** Wire the tab. `ctx`: {$, call, callProgress, status, t, lang: () => lang, asOf: () => date, download,
 *  dropZone}. */
export function initInspect(ctx) {
  const { $ } = ctx;
  ctx.dropZone($("inspect-drop"), (files) => files[0] && run(ctx, { file: files[0] }));
  $("inspect-file").addEventListener("change", (e) => {
    const f = e.target.files[0];
    e.target.value = "";
    if (f) run(ctx, { file: f });
  });
  $("inspect-run").addEventListener("click", () => run(ctx, { text: $("inspect-records").value }));
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
  const example = async (name, withPapers) => {
    delete $("inspect-status").dataset.done; // a run starts (its files are fetched first)
    const get = async (p) => (await fetch(`examples/${p}`)).text();
    if (withPapers) {
      state.catalogue = await get("catalogue.json");
      state.declarations = [
        await get("declarations/off-catalogue-alarm-conformant.json"),
        await get("declarations/off-catalogue-alarm-no-fire-certificate.json"),
      ];
    } else {
      state.catalogue = null;
      state.declarations = [];
    }
    const blob = await (await fetch(`examples/${name}`)).blob();
    run(ctx, { file: new File([blob], name) });
  };
  $("inspect-example").addEventListener("click", () => example("inspections.jsonl", true));
  $("inspect-example-csv").addEventListener("click", () => example("inspections.csv", false));
  $("inspect-example-xlsx").addEventListener("click", () => example("inspections.xlsx", false));
  for (const id of ["inspect-f-community", "inspect-f-severity", "inspect-f-code"]) $(id).addEventListener("change", () => findings(ctx, false));
  $("inspect-more").addEventListener("click", () => findings(ctx, true));
  const exportAs = async (format, type) => {
    const lang = ctx.lang();
    try {
      if (format === "xlsx") ctx.status($("inspect-status"), TEXT[lang].loadingSheets, "busy");
      const r = await ctx.call("inspectExport", format, lang);
      ctx.status($("inspect-status"), "");
      if (r.type === "ok") ctx.download(`gasdev-inspect.${format}`, r.value, type);
      else ctx.status($("inspect-status"), `${r.error.name} ${r.error.message[lang]}`, "error");
    } catch (e) {
      ctx.status($("inspect-status"), ctx.t("failed") + e.message, "error");
    }
  };
  $("inspect-print").addEventListener("click", () => window.print());
  $("inspect-export-csv").addEventListener("click", () => exportAs("csv", "text/csv"));
  $("inspect-export-md").addEventListener("click", () => exportAs("md", "text/markdown"));
  $("inspect-export-xlsx").addEventListener("click", () =>
    exportAs("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
  );
}

/** Inspect a ledger (`{file}` or `{text}`) in the worker, showing its progress. */
async function run(ctx, source) {
  const st = ctx.$("inspect-status");
  const x = () => TEXT[ctx.lang()];
  const started = performance.now();
  state.source = source;
  delete st.dataset.done;
  state.view = null;
  state.error = null;
  ctx.$("inspect-results").hidden = true;
  const bar = ctx.$("inspect-progress");
  bar.hidden = false;
  bar.value = 0;
  if (source.file?.name.toLowerCase().endsWith(".xlsx")) ctx.status(st, x().loadingSheets, "busy");
  else ctx.status(st, ctx.t("working"), "busy");
  try {
    const r = await ctx.callProgress("inspectStart", (p) => {
      state.progress = p;
      bar.value = p.total ? p.read / p.total : 0;
      ctx.status(st, x().progress(p), "busy");
    }, source, state.catalogue, state.declarations, ctx.asOf());
    if (r.type === "error" && r.error.name === "CANCELLED") return; // a newer run took over
    if (r.type === "error") {
      state.error = r.error;
      ctx.status(st, "");
      st.dataset.done = "true";
    } else {
      state.progress = r.value;
      bar.value = 1;
      ctx.status(st, x().finished(r.value, performance.now() - started));
      await refresh(ctx);
      st.dataset.done = "true";
    }
  } catch (e) {
    ctx.status(st, ctx.t("failed") + e.message, "error");
  }
  renderInspect(ctx);
}

/** Fetch the summary, ranking and charts of the finished session, and the first findings. */
async function refresh(ctx) {
  state.view = await ctx.call("inspectSummary");
  state.charts = null;
  fillFilters(ctx);
  await findings(ctx, false);
}

/** The findings table's rows under the current filters (`more`: the next page). */
async function findings(ctx, more) {
  const $ = ctx.$;
  const q = { limit: PAGE, offset: more ? state.rows.length : 0 };
  for (const [k, id] of [["community", "inspect-f-community"], ["severity", "inspect-f-severity"], ["code", "inspect-f-code"]])
    if ($(id).value) q[k] = $(id).value;
  const page = await ctx.call("inspectFindings", q);
  state.rows = more ? state.rows.concat(page.rows) : page.rows;
  state.total = page.total;
  renderInspect(ctx);
}

function fillFilters(ctx) {
  const s = state.view.summary;
  const opts = (id, values) => {
    const el = ctx.$(id);
    el.innerHTML = `<option value=""></option>` + values.map((v) => `<option value="${esc(v)}">${esc(v)}</option>`).join("");
  };
  opts("inspect-f-community", Object.keys(s.communities));
  opts("inspect-f-severity", ["fail", "warn", "info"]);
  opts("inspect-f-code", Object.keys(s.findings));
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
  const $ = ctx.$;
  const out = $("inspect-results");
  if (!out) return;
  loaded(ctx);
  const lang = ctx.lang();
  const x = TEXT[lang];
  for (const id of ["inspect-f-community", "inspect-f-severity", "inspect-f-code"]) {
    const el = $(id);
    for (const o of el.options)
      o.textContent = !o.value ? x.filterAll : id.endsWith("severity") ? word("severity", o.value, lang) : id.endsWith("code") ? word("finding_code", o.value, lang) : o.value;
  }
  if (state.error) {
    out.hidden = false;
    $("inspect-summary").innerHTML = `<p class="error" data-error="${esc(state.error.name)}"><code>${esc(state.error.name)}</code> <code>${esc(state.error.field ?? "")}</code> ${esc(state.error.message[lang])}</p>`;
    for (const id of ["inspect-ranking", "inspect-charts", "inspect-findings", "inspect-rejects"]) $(id).innerHTML = "";
    $("inspect-more").hidden = true;
    return;
  }
  if (!state.view) {
    out.hidden = true;
    return;
  }
  out.hidden = false;
  const { summary: sum, ranking } = state.view;
  $("inspect-summary").innerHTML = `<b>${x.households}</b> <span id="inspect-households">${sum.households}</span> · <b>${x.compliantH}</b> ${sum.compliant} · <b>${x.nonCompliantH}</b> ${sum.non_compliant} · <b>${x.overdue}</b> ${sum.overdue_obligations} · <b>${x.rejectedRows}</b> ${sum.rejected_rows}`;
  let r = `<h3>${x.ranking}</h3><div class="table-wrap"><table class="inspect-ranking"><thead><tr><th>${x.rank}</th><th>${x.community}</th><th>${x.households}</th><th>${x.compliantH}</th><th>${x.rate}</th><th>${x.overdue}</th><th>${x.failsPer100}</th></tr></thead><tbody>`;
  ranking.forEach((c, i) => {
    r += `<tr data-community="${esc(c.community)}"><td>${i + 1}</td><td>${esc(c.community)}</td><td>${c.households}</td><td>${c.compliant}</td><td>${(100 * c.compliance_rate).toFixed(1)}%</td><td>${c.overdue_obligations}</td><td>${c.fails_per_100.toFixed(1)}</td></tr>`;
  });
  $("inspect-ranking").innerHTML = r + `</tbody></table></div>`;
  renderCharts(ctx);
  const rows = state.rows.map(
    (f) =>
      `<tr class="sev-${esc(f.severity)}" data-code="${esc(f.code)}"><td>${esc(f.household)}</td><td>${esc(f.community ?? "")}</td><td>${label("severity", f.severity, lang)}</td>` +
        `<td>${label("finding_code", f.code, lang)}${f.hazard ? ` · ${label("hazard", f.hazard, lang)}` : ""}</td><td>${f.kind ? label("installed_kind", f.kind, lang) : ""}</td><td>${esc(f.clauses.join(", "))}</td>` +
        `<td>${esc(f.message[lang])}</td><td>${esc(f.action[lang])}</td></tr>`,
  );
  $("inspect-findings").innerHTML =
    `<h3>${x.findingsTitle} <span class="meta" id="inspect-shown">${x.shown(state.rows.length, state.total)}</span></h3>` +
    (rows.length
      ? `<div class="table-wrap"><table class="inspect-findings"><thead><tr><th>${x.household}</th><th>${x.community}</th><th>${x.severity}</th><th>${x.finding}</th><th>${x.kindCol}</th><th>${ctx.t("clause")}</th><th>${x.what}</th><th>${x.action}</th></tr></thead><tbody>${rows.join("")}</tbody></table></div>`
      : `<p>${x.noFindings}</p>`);
  $("inspect-more").hidden = state.rows.length >= state.total;
  $("inspect-more").textContent = x.more;
  renderRejects(ctx);
}

/** The core's three charts in the page's language (fetched again when the language changes). */
async function renderCharts(ctx) {
  const lang = ctx.lang();
  const el = ctx.$("inspect-charts");
  if (state.charts && state.chartsLang === lang) {
    el.innerHTML = `<h3>${TEXT[lang].charts}</h3><div class="charts">${state.charts.map((c) => `<figure data-chart="${esc(c.name)}">${c.svg}</figure>`).join("")}</div>`;
    return;
  }
  state.chartsLang = lang;
  state.charts = await ctx.call("inspectCharts", lang);
  renderCharts(ctx);
}

async function renderRejects(ctx) {
  const lang = ctx.lang();
  const x = TEXT[lang];
  const el = ctx.$("inspect-rejects");
  if (!state.view.summary.rejected_rows) {
    el.innerHTML = "";
    return;
  }
  const r = await ctx.call("inspectRejects", 0, MAX_REJECTS);
  let s = `<h3>${x.rejectedRows}</h3><div class="table-wrap"><table class="inspect-rejects"><thead><tr><th>${x.lineNo}</th><th>${x.error}</th><th>${x.fieldName}</th><th>${x.what}</th></tr></thead><tbody>`;
  for (const e of r.rows)
    s += `<tr><td>${e.line}</td><td><code>${esc(e.name)}</code></td><td>${esc(e.field)}</td><td>${esc(e.message?.[lang] ?? "")}</td></tr>`;
  s += `</tbody></table></div>`;
  if (r.total > r.rows.length) s += `<p class="meta">${x.rejectsMore(r.total - r.rows.length)}</p>`;
  el.innerHTML = s;
}
