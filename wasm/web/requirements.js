// The requirements tab (要求条款): the core's requirement table (`requirements(kind, tier)` in the
// worker) by device kind and tier, searchable, each clause with the plan's sentence it follows and
// the shared test vectors that test it (clause-vectors.json, derived from spec/vectors/*.json by
// wasm/build.sh). Rendering only.
import { label, word } from "./labels.js";

export const TEXT = {
  zh: {
    tabRequirements: "要求条款", reqKind: "装置类别", reqTier: "档次", reqAll: "全部", reqSearch: "搜索条款、原文或测试向量…",
    reqId: "编号", reqScope: "适用", reqClause: "方案条款", reqTiers: "档次", reqText: "要求", reqSource: "方案原文",
    reqVectors: "测试向量", reqCount: (n, all) => `${n} / ${all} 条`, reqNone: "没有符合的条款。", reqInterp: "解释",
    reqStandards: "标准",
  },
  en: {
    tabRequirements: "Requirements", reqKind: "device kind", reqTier: "tier", reqAll: "all", reqSearch: "Search clauses, source text or vectors…",
    reqId: "id", reqScope: "scope", reqClause: "plan clause", reqTiers: "tiers", reqText: "requirement", reqSource: "source sentence",
    reqVectors: "test vectors", reqCount: (n, all) => `${n} of ${all} clauses`, reqNone: "No clause matches.", reqInterp: "interpretation",
    reqStandards: "standards",
  },
};

const state = { table: null, vectors: null, error: null };

const esc = (s) =>
  String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

/** Wire the tab. `ctx`: {$, call, lang: () => lang}. */
export function initRequirements(ctx) {
  const { $ } = ctx;
  const load = async () => {
    const kind = $("req-kind").value || undefined;
    $("req-tier").disabled = !kind;
    if (!kind) $("req-tier").value = "";
    const tier = (kind && $("req-tier").value) || undefined;
    try {
      state.vectors ??= await (await fetch("clause-vectors.json")).json();
      const r = await ctx.call("requirements", kind, tier);
      state.table = r.type === "ok" ? r.value : null;
      state.error = r.type === "ok" ? null : r.error;
    } catch (e) {
      state.error = { name: "", message: { zh: e.message, en: e.message } };
    }
    renderRequirements(ctx);
  };
  $("req-kind").addEventListener("change", load);
  $("req-tier").addEventListener("change", load);
  $("req-search").addEventListener("input", () => renderRequirements(ctx));
  ctx.onShow("requirements", () => state.table ?? load());
}

/** The words a search matches in one requirement. */
function haystack(r, vectors) {
  return [r.id, r.clause, r.text.zh, r.text.en, r.source_text, r.interpretation, ...r.standards, ...vectors.map(([f, n]) => `${f}#${n}`)]
    .join("\n")
    .toLowerCase();
}

/** Render the table in the current language, filtered by the search box. */
export function renderRequirements(ctx) {
  const out = ctx.$("req-results");
  if (!out) return;
  const lang = ctx.lang();
  const x = TEXT[lang];
  ctx.$("req-search").placeholder = x.reqSearch;
  for (const o of ctx.$("req-kind").options) o.textContent = o.value ? word("device_kind", o.value, lang) : x.reqAll;
  for (const o of ctx.$("req-tier").options) o.textContent = o.value ? word("tier", o.value, lang) : x.reqAll;
  if (state.error) {
    out.innerHTML = `<p class="error"><code>${esc(state.error.name)}</code> ${esc(state.error.message[lang])}</p>`;
    return;
  }
  if (!state.table) {
    out.innerHTML = "";
    return;
  }
  const terms = ctx.$("req-search").value.toLowerCase().split(/\s+/).filter(Boolean);
  const all = state.table.requirements;
  const shown = all.filter((r) => {
    const h = haystack(r, state.vectors?.[r.id] ?? []);
    return terms.every((t) => h.includes(t));
  });
  let s = `<p class="meta" id="req-count" data-shown="${shown.length}">${x.reqCount(shown.length, all.length)} · ${esc(state.table.ruleset)} v${state.table.ruleset_version}</p>`;
  if (!shown.length) {
    out.innerHTML = s + `<p>${x.reqNone}</p>`;
    return;
  }
  s += `<div class="table-wrap"><table class="requirements"><thead><tr><th>${x.reqId}</th><th>${x.reqScope}</th><th>${x.reqClause}</th><th>${x.reqTiers}</th><th>${x.reqText}</th><th>${x.reqVectors}</th></tr></thead><tbody>`;
  for (const r of shown) {
    const vectors = state.vectors?.[r.id] ?? [];
    const notes = [
      r.interpretation ? `${x.reqInterp} <code>${esc(r.interpretation)}</code>` : "",
      r.standards.length ? `${x.reqStandards}: ${r.standards.map(esc).join("、")}` : "",
    ].filter(Boolean);
    const list = vectors.map(([f, n, d]) => `<li><code title="${esc(d)}">${esc(f)}#${n}</code> <span class="meta">${esc(d)}</span></li>`).join("");
    s += `<tr data-req="${esc(r.id)}" data-vectors="${vectors.length}"><td><code>${esc(r.id)}</code></td><td>${label("scope", r.scope, lang)}</td><td>${esc(r.clause)}</td>`;
    s += `<td>${r.tiers.map((t) => label("tier", t, lang)).join("/") || "-"}</td>`;
    s += `<td>${esc(r.text[lang])}<blockquote class="source" title="${x.reqSource}">${esc(r.source_text)}</blockquote>${notes.length ? `<p class="meta">${notes.join(" · ")}</p>` : ""}</td>`;
    s += `<td>${vectors.length ? `<details><summary>${vectors.length}</summary><ul class="vectors">${list}</ul></details>` : "0"}</td></tr>`;
  }
  out.innerHTML = s + `</tbody></table></div>`;
}
