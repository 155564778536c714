// The offline web tool: conformance checker, frame decoder, identifier checker.
// All computation happens in worker.js (WebAssembly in a Web Worker); this file only renders.
// Chinese is the default language; every result carries both languages, so switching re-renders.
import { isFailure, MARK } from "./report.js";
import { frameTable, label, setLabels } from "./labels.js";
import { initInspect, renderInspect, TEXT as INSPECT_TEXT } from "./inspect.js";
import { initRequirements, renderRequirements, TEXT as REQUIREMENTS_TEXT } from "./requirements.js";

// ---- text ------------------------------------------------------------------------------------
/** Every text of the page as [zh, en]. */
const WORDS = {
  title: ["燃气安全装置核查工具", "Gas safety device checker"],
  tabCheck: ["符合性核查", "Conformance"],
  tabFrame: ["报文解码", "Frame decoder"],
  tabIdent: ["标识核验", "Identifiers"],
  offline: ["全部在本机浏览器中计算，文件不会上传。", "Everything is computed in this browser; no file leaves the machine."],
  dropHint: ["把产品声明或目录 JSON 文件、目录 Excel 工作簿（.xlsx）拖到这里，或", "Drop declaration or catalogue JSON files, or catalogue workbooks (.xlsx), here, or"],
  pick: ["选择文件", "Choose files"],
  examples: ["示例：", "Examples:"],
  exCatalogue: ["目录", "Catalogue"],
  exCatalogueXlsx: ["目录（Excel）", "Catalogue (Excel)"],
  exAlarm: ["报警装置声明", "Alarm declaration"],
  exValve: ["自闭阀声明", "Valve declaration"],
  asOf: ["核查日期", "As of"],
  failuresOnly: ["只看不符合项", "Failures only"],
  print: ["打印报告", "Print report"],
  exportJson: ["导出 JSON", "Export JSON"],
  exportMd: ["导出 Markdown", "Export Markdown"],
  clear: ["清空", "Clear"],
  frameHint: ["粘贴报文的十六进制文本（libgasdev 帧或 GB/T 26875.3 报文，可含空格换行）", "Paste the hex of a frame (libgasdev frame or GB/T 26875.3 packet; spaces and line breaks allowed)"],
  decode: ["解码", "Decode"],
  pickCapture: ["读取抓包文件", "Load capture file"],
  stream: ["按字节流查找多帧", "Find frames in a byte stream"],
  strict: ["GB/T 严格模式", "GB/T strict mode"],
  exStatus: ["状态报文", "Status frame"],
  exBadCrc: ["校验错误", "Bad CRC"],
  exGbt: ["GB/T 26875.3", "GB/T 26875.3"],
  key: ["密钥", "Key"],
  keyId: ["密钥编号", "key id"],
  pickKey: ["读取密钥文件", "Load key file"],
  forgetKey: ["清除密钥", "Forget key"],
  counter: ["计数器", "counter"],
  keyNote: ["给出密钥后，每帧显示认证结果（已认证 / 认证码错误 / 未认证 / 重放）。密钥只保存在本页内存中，不会上传，也不会存储；重放检查的计数窗口在本页关闭或更换密钥时清空。", "With a key, every frame shows its authentication (authenticated / bad tag / not authenticated / replay). The key stays in this page's memory: it is never uploaded or stored; the replay window is cleared when the page closes or the key changes."],
  badKey: ["密钥须为 32 位十六进制数字（16 字节），密钥编号为 1–255。", "The key must be 32 hex digits (16 bytes) and the key id 1–255."],
  authOk: ["已认证", "authenticated"],
  authBadTag: ["认证码错误", "bad tag"],
  authNone: ["未认证", "not authenticated"],
  authReplay: ["重放", "replay"],
  authFailed: ["认证失败", "verification failed"],
  identHint: ["输入或粘贴标识（工业互联网标识 88.…、Handle、OID、GS1 …）", "Type or paste an identifier (industrial internet 88.…, Handle, OID, GS1 …)"],
  scheme: ["方案", "Scheme"],
  auto: ["自动识别", "detect"],
  requireItem: ["须为产品标识（含后缀）", "Must be an item identifier (with suffix)"],
  footer: ["libgasdev · 规则与数据格式的同一实现", "libgasdev · one implementation of the rules and data formats"],
  working: ["正在计算…", "Working…"],
  loading: ["正在加载 WebAssembly…", "Loading WebAssembly…"],
  failed: ["出错了：", "Failed: "],
  declaration: ["产品声明", "declaration"],
  catalogue: ["目录", "catalogue"],
  inputError: ["输入错误", "input error"],
  conformant: ["符合", "conformant"],
  nonconformant: ["不符合", "non-conformant"],
  claimed: ["声明档次", "claimed tier"],
  achieved: ["实际达到", "achieved tier"],
  none: ["未达低档", "none"],
  verdict: ["结论", "verdict"],
  clause: ["条款", "clause"],
  field: ["字段", "field"],
  reason: ["说明", "reason"],
  vendor: ["单位", "vendor"],
  model: ["型号", "model"],
  kind: ["类别", "kind"],
  failedCol: ["不符合项", "failed"],
  status: ["状态", "status"],
  listed: ["在册", "listed"],
  removed: ["已移出（不计入）", "removed (excluded)"],
  products: ["产品数", "products"],
  alarmTiers: ["报警装置达标档次", "alarm tiers filled"],
  valveTiers: ["自闭阀达标档次", "valve tiers filled"],
  catClauses: ["目录条款", "Catalogue clauses"],
  vendors: ["销售安装单位", "Vendors"],
  productList: ["产品一览", "Products"],
  noFailures: ["（无不符合项）", "(no failing findings)"],
  summary: ["汇总", "Summary"],
  files: ["文件", "files"],
  inputErrors: ["输入错误", "input errors"],
  conformantProducts: ["符合要求的产品", "conformant products"],
  failedFindings: ["不符合项", "failed findings"],
  overall: ["总体结论", "overall"],
  tooLarge: [(size, max) => `文件过大（${mb(size)}），超过上限 ${mb(max)}，未读取。`, (size, max) => `File too large (${mb(size)}; limit ${mb(max)}): not read.`],
  line: ["行", "line"],
  column: ["列", "column"],
  at: ["位置", "at"],
  byte: ["字节", "byte"],
  counts: [(c) => `${c.pass} 项符合，${c.fail} 项不符合，${c.needs_evidence} 项需补充证明`, (c) => `${c.pass} pass, ${c.fail} fail, ${c.needs_evidence} need evidence`],
  nothing: ["没有结果。", "No result."],
  empty: ["输入为空。", "The input is empty."],
  protocol: ["协议", "protocol"],
  length: ["长度", "length"],
  bytes: ["字节", "bytes"],
  source: ["来源", "source"],
  hexText: ["十六进制文本", "hex text"],
  rawBytes: ["原始字节", "raw bytes"],
  frameOk: ["解码成功", "Decoded"],
  frameBad: ["报文无效", "Invalid frame"],
  fields: ["字段", "field"],
  value: ["值", "value"],
  frames: ["帧", "frames"],
  skipped: ["跳过字节", "bytes skipped"],
  rejected: ["拒绝", "rejected"],
  captureTooLarge: [(size, max, c) => `文件过大（${mb(size)}），超过逐帧显示上限 ${mb(max)}：只统计——${c.frames} 帧，跳过 ${c.skipped} 字节，拒绝 ${c.rejected} 处。`, (size, max, c) => `File too large (${mb(size)}) to show frame by frame (limit ${mb(max)}): counted only — ${c.frames} frames, ${c.skipped} bytes skipped, ${c.rejected} rejected.`],
  deviations: ["偏差（宽容模式接受）", "deviations (accepted by the tolerant decoder)"],
  objects: ["信息对象", "information objects"],
  findings: ["与声明的比对", "checked against the declaration"],
  identValid: ["有效", "valid"],
  identInvalid: ["无效", "invalid"],
  canonical: ["规范形式", "canonical form"],
  form: ["写法", "written as"],
  item: ["产品标识", "item identifier"],
  parts: ["组成部分", "parts"],
  flags: ["提示", "notes"],
  yes: ["是", "yes"],
  no: ["否", "no"],
  errorAt: ["错误位置", "error at"],
  creditCode: ["统一社会信用代码", "credit code"],
  company: ["企业序号", "company"],
  removalReason: ["移出原因", "removal reason"],
  removalPending: [(d) => `在册（将于 ${d} 移出）`, (d) => `listed (removal takes effect ${d})`],
  kindGrid: ["各类装置可供选择的企业（CAT-6）", "Companies per device kind and tier (CAT-6)"],
  companies: ["企业数", "companies"],
  low: ["低档", "low"],
  mid: ["中档", "mid"],
  high: ["高档", "high"],
  prices: ["价格一览（PRICE-1，仅供参考）", "Prices (PRICE-1, information only)"],
  tier: ["档次", "tier"],
  count: ["产品数", "count"],
  median: ["中位数（元）", "median (yuan)"],
  min: ["最低（元）", "min (yuan)"],
  max: ["最高（元）", "max (yuan)"],
  noted: ["提示", "noted"],
};
const T = { zh: {}, en: {} };
for (const [k, [zh, en]] of Object.entries(WORDS)) {
  T.zh[k] = zh;
  T.en[k] = en;
}
Object.assign(T.zh, INSPECT_TEXT.zh);
Object.assign(T.en, INSPECT_TEXT.en);
Object.assign(T.zh, REQUIREMENTS_TEXT.zh);
Object.assign(T.en, REQUIREMENTS_TEXT.en);
const mb = (n) => (n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : `${(n / 1024).toFixed(1)} KB`);

/** Labels of JSON keys shown by the decoder, [zh, en]. Keys not listed are shown as written. */
const KEY = {
  seq: ["序号", "sequence number"], timestamp: ["时间", "time"], message: ["报文", "message"],
  type: ["类型", "type"], kind: ["设备类型", "device kind"], alarm: ["报警状态", "alarm state"],
  gas: ["可燃气体报警", "gas alarm"], co: ["一氧化碳报警", "CO alarm"], preheat: ["预热", "preheat"],
  fault: ["故障", "fault"], end_of_life: ["寿命到期", "end of life"], self_test: ["自检中", "self-test"],
  muted: ["消音", "muted"], valve: ["阀门", "valve"], state: ["阀门状态", "valve state"],
  trip: ["关闭原因", "trip reason"], manual_reset_required: ["须手动开启", "manual reset required"],
  methane: ["甲烷", "methane"], carbon_monoxide: ["一氧化碳", "carbon monoxide"], propane: ["丙烷/液化石油气", "propane/LPG"],
  extensions: ["扩展 TLV", "extension TLVs"], event: ["事件", "event"], level: ["级别", "level"],
  tier: ["档次", "tier"], capabilities: ["能力", "capabilities"], identifiers: ["标识", "identifiers"],
  carrier: ["载体", "carrier"], model: ["型号", "model"], firmware: ["固件", "firmware"],
  command: ["命令", "command"], seconds: ["秒", "seconds"], ack_seq: ["确认的序号", "acknowledged sequence"],
  command_code: ["命令码", "command code"], reason: ["原因", "reason"], msg_type: ["报文类型码", "message type code"],
  body: ["报文体", "body"], serial: ["业务流水号", "serial"], version: ["协议版本", "version"], time: ["时间标签", "time label"],
  source: ["源地址", "source"], destination: ["目的地址", "destination"], command_name: ["命令名", "command name"],
  checksum_ok: ["校验和正确", "checksum ok"], adu_length: ["应用数据单元长度", "ADU length"], heartbeat: ["心跳", "heartbeat"],
  system_type: ["系统类型", "system type"], system_address: ["系统地址", "system address"],
  component_type: ["部件类型", "component type"], component_address: ["部件地址", "component address"],
  status: ["状态", "status"], status_bits: ["状态位", "status bits"], description: ["部件说明", "description"],
  description_raw: ["说明原始字节", "description bytes"], analog_type: ["模拟量类型", "analog type"],
  unit: ["单位", "unit"], raw_value: ["原始值", "raw value"], operation: ["操作", "operation"], operator: ["操作员", "operator"],
  active: ["发生", "active"], passed: ["通过", "passed"], code: ["代码", "code"], arg: ["参数", "argument"],
};

// ---- state -----------------------------------------------------------------------------------
let lang = "zh";
let version = "";
const checked = []; // {path, source, size, result, file} | {path, source, size, tooLarge}: source the file's name
let lastFrame = null; // {kind: "frame"|"stream"|"count", ...}
// The receiver's key and replay window for this page session (spec/security.md): in memory only, never
// sent anywhere or stored; a new key or key id starts a new window. {key, keyId, state} or null.
let keySession = null;
let lastIdent = null; // {text, result}

const $ = (id) => document.getElementById(id);
const t = (k) => T[lang][k];
const esc = (s) =>
  String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

// ---- worker ----------------------------------------------------------------------------------
const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
let nextId = 1;
const pending = new Map();
worker.onmessage = ({ data }) => {
  const p = pending.get(data.id);
  if (!p) return;
  if ("progress" in data) {
    p.onProgress?.(data.progress);
    return;
  }
  pending.delete(data.id);
  if ("thrown" in data) p.reject(new Error(data.thrown));
  else p.resolve(data.result);
};
worker.onerror = (e) => {
  for (const p of pending.values()) p.reject(new Error(e.message || "worker error"));
  pending.clear();
};
function call(op, ...args) {
  return callProgress(op, null, ...args);
}
/** A call whose worker posts `{id, progress}` messages before its result: each goes to `onProgress`. */
function callProgress(op, onProgress, ...args) {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject, onProgress });
    worker.postMessage({ id, op, args });
  });
}

function status(el, text, kind = "") {
  el.className = `status ${kind}`;
  el.textContent = text;
}

// ---- language and tabs -------------------------------------------------------------------------
function applyLang() {
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  for (const el of document.querySelectorAll("[data-i18n]")) {
    const v = T[lang][el.dataset.i18n];
    if (typeof v === "string") el.textContent = v;
  }
  for (const b of document.querySelectorAll(".lang button")) b.setAttribute("aria-pressed", String(b.dataset.lang === lang));
  document.title = `libgasdev ${t("title")}`;
  renderChecked();
  renderFrame();
  renderIdent();
  renderInspect(tabCtx);
  renderRequirements(tabCtx);
}

function showTab(name) {
  for (const b of document.querySelectorAll("[data-tab]")) b.setAttribute("aria-selected", String(b.dataset.tab === name));
  for (const s of document.querySelectorAll(".tool")) s.hidden = s.dataset.tool !== name;
  shown.get(name)?.();
}

/** What a tab does when first shown (tab name -> function). */
const shown = new Map();

// ---- (1) conformance checker -------------------------------------------------------------------
const verdictBadge = (ok) => `<span class="badge ${ok ? "ok" : "bad"}">${ok ? "✔ " + t("conformant") : "✘ " + t("nonconformant")}</span>`;
/** An enumerated value in the page's language, its machine name as the title (labels.js). */
const L = (table, name) => label(table, name, lang);
const tierText = (x) => (x ? L("tier", x) : t("none"));

function findingsTable(findings, failuresOnly) {
  const rows = findings.filter((f) => !failuresOnly || isFailure(f));
  if (!rows.length) return `<p class="meta">${t("noFailures")}</p>`;
  return `<div class="table-wrap"><table class="findings"><thead><tr><th>${t("clause")}</th><th>${t("verdict")}</th><th>${t("field")}</th><th>${t("reason")}</th></tr></thead><tbody>${rows
    .map(
      (f) =>
        `<tr data-clause="${esc(f.id)}" data-status="${f.status}"><td><code>${esc(f.id)}</code></td><td class="status-${f.status}">${MARK[f.status]} ${L("check_status", f.status)}</td><td><code>${esc(f.field)}</code></td><td>${esc(f.reason[lang])}</td></tr>`,
    )
    .join("")}</tbody></table></div>`;
}

function productBlock(p, failuresOnly, heading = "h3") {
  const title = [esc(p.vendor), esc(p.model), L("device_kind", p.kind)].filter(Boolean).join(" · ");
  return `<div class="product" data-model="${esc(p.model)}" data-conformant="${p.conformant}" data-achieved="${p.achieved_tier ?? "none"}">
<${heading}>${title} ${verdictBadge(p.conformant)}</${heading}>
<p class="meta">${t("claimed")}: <b>${L("tier", p.claimed_tier)}</b> · ${t("achieved")}: <b>${tierText(p.achieved_tier)}</b> · ${t("counts")(p.counts)}</p>
${findingsTable(p.findings, failuresOnly)}</div>`;
}

function catalogueBlock(c, failuresOnly) {
  const tiers = (ts) => (ts.length ? ts.map((x) => L("tier", x)).join("/") : "-");
  let s = `<p>${esc(c.name)} ${verdictBadge(c.conformant)}</p><h3>${t("catClauses")}</h3>${findingsTable(c.findings, false)}`;
  s += `<h3>${t("vendors")}</h3><div class="table-wrap"><table><thead><tr><th>${t("vendor")}</th><th>${t("creditCode")}</th><th>${t("company")}</th><th>${t("status")}</th><th>${t("removalReason")}</th><th>${t("products")}</th><th>${t("alarmTiers")}</th><th>${t("valveTiers")}</th></tr></thead><tbody>`;
  for (const v of c.vendors) {
    const status = v.excluded ? t("removed") : v.removed_on ? t("removalPending")(v.removed_on) : t("listed");
    const reason = v.removal_reason ? L("removal_reason", v.removal_reason) : "-";
    s += `<tr><td>${esc(v.name)}</td><td>${esc(v.credit_code ?? "-")}</td><td>${v.company ?? "-"}</td><td>${status}</td><td>${reason}</td><td>${v.products}</td><td>${tiers(v.alarm_tiers)}</td><td>${tiers(v.valve_tiers)}</td></tr>`;
  }
  s += `</tbody></table></div><h3>${t("kindGrid")}</h3><div class="table-wrap"><table class="kind-grid"><thead><tr><th>${t("kind")}</th><th>${t("companies")}</th><th>${t("low")}</th><th>${t("mid")}</th><th>${t("high")}</th></tr></thead><tbody>`;
  for (const k of c.kinds)
    s += `<tr data-kind="${k.kind}"><td>${L("device_kind", k.kind)}</td><td>${k.companies}</td>${k.tiers.map((x) => `<td>${x.companies.length ? x.companies.map(esc).join(lang === "zh" ? "、" : ", ") : "-"}</td>`).join("")}</tr>`;
  s += `</tbody></table></div><h3>${t("prices")}</h3><div class="table-wrap"><table class="price-table"><thead><tr><th>${t("kind")}</th><th>${t("tier")}</th><th>${t("count")}</th><th>${t("median")}</th><th>${t("min")}</th><th>${t("max")}</th><th>${t("noted")}</th></tr></thead><tbody>`;
  for (const g of c.prices) {
    const noted = g.products.filter((p) => p.noted).map((p) => `${esc(p.model)} ${p.price}`).join(", ");
    s += `<tr><td>${L("device_kind", g.kind)}</td><td>${L("tier", g.tier)}</td><td>${g.count}</td><td>${g.median}</td><td>${g.min}</td><td>${g.max}</td><td>${noted}</td></tr>`;
  }
  s += `</tbody></table></div><h3>${t("productList")}</h3><div class="table-wrap"><table><thead><tr><th>${t("vendor")}</th><th>${t("model")}</th><th>${t("kind")}</th><th>${t("claimed")}</th><th>${t("achieved")}</th><th>${t("verdict")}</th><th>${t("failedCol")}</th></tr></thead><tbody>`;
  for (const p of c.products)
    s += `<tr data-product="${esc(p.model)}"><td>${esc(p.vendor)}</td><td>${esc(p.model)}</td><td>${L("device_kind", p.kind)}</td><td>${L("tier", p.claimed_tier)}</td><td>${tierText(p.achieved_tier)}</td><td class="status-${p.conformant ? "pass" : "fail"}">${p.conformant ? "✔ " + t("conformant") : "✘ " + t("nonconformant")}</td><td>${p.counts.fail}</td></tr>`;
  s += `</tbody></table></div>`;
  for (const p of c.products) {
    if (failuresOnly && p.conformant && p.counts.needs_evidence === 0) continue;
    s += productBlock(p, failuresOnly, "h4");
  }
  return s;
}

function errorText(e) {
  const where = [e.line ? `${t("line")} ${e.line}, ${t("column")} ${e.column}` : "", e.field ? `[${e.field}]` : ""].filter(Boolean).join(" ");
  return `<p class="error-line"><span class="badge bad">${esc(e.name)}</span> ${esc(where)}</p><p>${esc(e.message[lang])}</p>`;
}

function renderChecked() {
  const failuresOnly = $("failures-only").checked;
  const out = [];
  for (const f of checked) {
    let body;
    let kind;
    if (f.tooLarge) {
      kind = "error";
      body = `<p class="too-large"><span class="badge bad">${t("inputError")}</span> ${esc(t("tooLarge")(f.size, f.tooLarge))}</p>`;
    } else if (f.result.type === "error") {
      kind = "error";
      body = errorText(f.result.error);
    } else {
      kind = f.result.value.document;
      body = kind === "catalogue" ? catalogueBlock(f.result.value.report, failuresOnly) : productBlock(f.result.value.report, failuresOnly);
    }
    const label = kind === "error" ? t("inputError") : t(kind);
    out.push(`<article class="card" data-file="${esc(f.path)}" data-kind="${kind}"><h2>${esc(f.path)} <span class="meta">· ${label}</span></h2>${body}</article>`);
  }
  $("check-results").innerHTML = out.join("");
  const usable = checked.filter((f) => !f.tooLarge);
  if (!checked.length) {
    $("check-summary").innerHTML = "";
    return;
  }
  // The core's summary of the batch (exportCheck); files too large to read are input errors.
  const sm = { ...(batchSummary ?? { files: 0, input_errors: 0, products: 0, conformant_products: 0, failed_findings: 0, conformant: true }) };
  sm.files = checked.length;
  sm.input_errors += checked.length - usable.length;
  const ok = sm.conformant && sm.input_errors === 0;
  $("check-summary").innerHTML = `<b>${t("summary")}</b> · ${t("files")}: ${sm.files} · ${t("inputErrors")}: ${sm.input_errors} · ${t("conformantProducts")}: ${sm.conformant_products}/${sm.products} · ${t("failedFindings")}: ${sm.failed_findings} · ${t("overall")}: <span id="overall" data-conformant="${ok}">${verdictBadge(ok)}</span>`;
}

async function checkFiles(list) {
  if (!list.length) return;
  const st = $("check-status");
  status(st, t("working"), "busy");
  try {
    const files = [...list].map((file) => ({ name: file.name, file }));
    const res = await call("checkFiles", files, $("as-of").value || undefined);
    // A file checked again replaces its entries (a workbook gives several) where they were.
    for (const { name, file } of files) {
      const entries = res.filter((r) => r.source === name).map((r) => ({ ...r, file }));
      const at = checked.findIndex((c) => c.source === name);
      const rest = checked.filter((c) => c.source !== name);
      rest.splice(at < 0 ? rest.length : at, 0, ...entries);
      checked.splice(0, checked.length, ...rest);
    }
    await summarizeChecked();
    status(st, "");
  } catch (e) {
    status(st, t("failed") + e.message, "error");
  }
  renderChecked();
}

/** The summary of the files checked so far, computed by the core. */
let batchSummary = null;
async function summarizeChecked() {
  const r = await exportChecked({ format: "json" });
  batchSummary = r.type === "ok" ? JSON.parse(r.value).summary : null;
}

/** The readable checked files (each once: a workbook gives several entries), in order. */
function checkedFiles() {
  const files = new Map();
  for (const c of checked) if (!c.tooLarge && c.file && !files.has(c.source)) files.set(c.source, c.file);
  return [...files].map(([name, file]) => ({ name, file }));
}

/** The readable checked files exported by the core in `options.format`. */
function exportChecked(options) {
  return call("exportCheck", checkedFiles(), { asOf: $("as-of").value || todayUtc(), ...options });
}

async function recheckAll() {
  // A new date re-checks every file already loaded.
  const files = checkedFiles().map((f) => f.file);
  if (files.length) await checkFiles(files);
}

async function loadExample(name) {
  const st = $("check-status");
  try {
    const resp = await fetch(`examples/${name}`);
    const blob = await resp.blob();
    await checkFiles([new File([blob], name, { type: blob.type })]);
  } catch (e) {
    status(st, t("failed") + e.message, "error");
  }
}

function download(name, text, type) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  document.body.append(a);
  a.click();
  setTimeout(() => {
    URL.revokeObjectURL(a.href);
    a.remove();
  }, 0);
}


// ---- (2) frame decoder ---------------------------------------------------------------------------
function labelOf(k) {
  const l = KEY[k];
  return l ? `${lang === "zh" ? l[0] : l[1]} <code class="meta">${esc(k)}</code>` : `<code>${esc(k)}</code>`;
}

function utc(secs) {
  return new Date(secs * 1000).toISOString().replace("T", " ").replace(".000Z", " UTC");
}

/** A value with its unit: concentrations, timestamps, status words, booleans. */
function valueText(k, v) {
  if (v === null) return "—";
  if (typeof v === "boolean") return v ? t("yes") : t("no");
  if (v === "unknown" && ["methane", "carbon_monoxide", "propane", "timestamp"].includes(k))
    return lang === "zh" ? "未知（无有效值）" : "unknown (no valid value)";
  if (k === "timestamp" && typeof v === "number") return `${utc(v)} (${v})`;
  if (typeof v === "object" && !Array.isArray(v) && "unit" in v && "value" in v && !("analog_type" in v)) {
    const unit = { pct_lel: "%LEL", ppm: "ppm", pct_vol: "%vol" }[v.unit] ?? v.unit;
    const basis = "lel_basis_pct_vol" in v ? ` (LEL = ${v.lel_basis_pct_vol.toFixed(2)} %vol)` : "";
    return `${Number(v.value).toFixed(2)} ${unit}${basis}`;
  }
  if (k === "status" && typeof v === "number") return `${v} (0x${v.toString(16).padStart(4, "0")})`;
  return null;
}

/** The fields of `obj` as a table; string values of fields `tableOf(key, path)` names are shown in
 *  the page's language with their machine names beside them. */
function kvTable(obj, tableOf = frameTable) {
  const val = (k, p, x) => {
    const table = typeof x === "string" && tableOf(k, p);
    return table ? label(table, x, lang, true) : esc(x);
  };
  const rows = [];
  const walk = (o, prefix) => {
    for (const [k, v] of Object.entries(o)) {
      const special = valueText(k, v);
      if (special !== null) rows.push([k, prefix, esc(special)]);
      else if (Array.isArray(v)) {
        if (!v.length) rows.push([k, prefix, "—"]);
        else if (v.every((x) => typeof x !== "object")) rows.push([k, prefix, v.map((x) => val(k, prefix, x)).join(", ")]);
        else v.forEach((x, i) => (typeof x === "object" ? walk(x, `${prefix}${k}[${i}].`) : rows.push([k, prefix, val(k, prefix, x)])));
      } else if (typeof v === "object") walk(v, `${prefix}${k}.`);
      else rows.push([k, prefix, val(k, prefix, v)]);
    }
  };
  walk(obj, "");
  return `<div class="table-wrap"><table class="fields"><thead><tr><th>${t("fields")}</th><th>${t("value")}</th></tr></thead><tbody>${rows
    .map(([k, p, v]) => `<tr data-field="${esc(p + k)}"><td>${p ? `<span class="meta">${esc(p)}</span>` : ""}${labelOf(k)}</td><td>${v}</td></tr>`)
    .join("")}</tbody></table></div>`;
}

/** Hex bytes, coloured by field, with the byte at `errAt` highlighted. */
function hexDump(hex, layout, errAt) {
  const bytes = hex.match(/../g) ?? [];
  const fieldAt = new Array(bytes.length).fill("");
  for (const s of layout ?? []) for (let i = s.offset; i < s.offset + s.length && i < bytes.length; i++) fieldAt[i] = s.field;
  let html = bytes
    .map((b, i) => `<span class="${fieldAt[i] ? "f-" + fieldAt[i] : ""}${i === errAt ? " err" : ""}" title="${i}${fieldAt[i] ? " " + fieldAt[i] : ""}">${b}</span>`)
    .join("");
  if (errAt !== undefined && errAt >= bytes.length) html += `<span class="err" title="${errAt}">▯</span>`;
  const legend = layout
    ? `<div class="legend">${layout.map((s) => `<span class="f-${s.field}">${s.field} @${s.offset}+${s.length}</span>`).join("")}</div>`
    : "";
  return `<div class="hex" data-bytes="${bytes.length}">${html}</div>${legend}`;
}

/** The input text with the character at UTF-8 byte `offset` highlighted. */
function inputEcho(text, offset) {
  const enc = new TextEncoder();
  let bytes = 0;
  let out = "";
  let marked = false;
  for (const ch of text) {
    if (!marked && bytes >= offset) {
      out += `<span class="err">${esc(ch)}</span>`;
      marked = true;
    } else out += esc(ch);
    bytes += enc.encode(ch).length;
  }
  if (!marked) out += `<span class="err caret">▯</span>`;
  return `<div class="input-echo">${out}</div>`;
}

function frameError(e, text) {
  const where = e.offset !== undefined ? ` · ${t("at")} ${t("byte")} ${e.offset}` : "";
  let s = `<article class="card" data-result="error" data-error="${esc(e.name)}" data-offset="${e.offset ?? ""}"><h2><span class="badge bad">${t("frameBad")}</span> <code>${esc(e.name)}</code>${where}</h2><p>${esc(e.message[lang])}</p>`;
  if (e.bytes !== undefined) s += hexDump(e.bytes, null, e.offset);
  else if (text !== undefined && e.offset !== undefined && text.length < 100000) s += inputEcho(text, e.offset);
  return s + `</article>`;
}

/** Authentication of one frame: [badge class, label]. */
const AUTH = {
  authenticated: ["ok", "authOk"],
  bad_tag: ["bad", "authBadTag"],
  unauthenticated: ["warn", "authNone"],
  replay: ["bad", "authReplay"],
  failed: ["bad", "authFailed"],
};

function authBadge(a) {
  if (!a) return "";
  const [cls, label] = AUTH[a.status];
  const detail =
    a.status === "authenticated"
      ? ` ${t("keyId")} ${a.key_id} · ${t("counter")} ${a.counter}`
      : a.error
        ? ` <code>${esc(a.error)}</code> @${a.offset}`
        : "";
  return `<span class="auth" data-auth="${a.status}"><span class="badge ${cls}">${t(label)}</span>${detail}</span>`;
}

/** The page's key session for a decode: null without a key; throws on a malformed key or key id. */
function authArg() {
  const key = $("frame-key").value.replace(/\s+/g, "").toLowerCase();
  if (!key) {
    keySession = null;
    return null;
  }
  const keyId = Number($("frame-key-id").value);
  if (!/^[0-9a-f]{32}$/.test(key) || !Number.isInteger(keyId) || keyId < 1 || keyId > 255) throw new Error(t("badKey"));
  if (!keySession || keySession.key !== key || keySession.keyId !== keyId) keySession = { key, keyId, state: null };
  return keySession;
}

/** Keep the replay window the worker returned for the next frame of this session. */
function keepState(result, auth) {
  if (auth && result && result.auth) auth.state = result.auth.state;
}

function frameValue(v, auth) {
  const src = v.source === "hex" ? t("hexText") : t("rawBytes");
  let s = `<article class="card" data-result="ok" data-protocol="${v.protocol}"><h2><span class="badge ok">${t("frameOk")}</span> ${v.protocol === "libgasdev" ? "libgasdev" : "GB/T 26875.3"} · ${v.length} ${t("bytes")} · ${src}</h2>`;
  if (auth && auth.frames[0]) s += `<p class="auth-line">${authBadge(auth.frames[0])}</p>`;
  s += hexDump(v.hex, v.layout);
  if (v.protocol === "libgasdev") {
    s += kvTable(v.frame);
    if (v.findings) {
      s += `<h3>${t("findings")}</h3>`;
      s += v.findings.length
        ? `<ul>${v.findings.map((f) => `<li><code>${esc(f.clause)}</code> ${esc(f.rule)}: ${esc(f.text[lang])}</li>`).join("")}</ul>`
        : `<p class="meta">${t("noFailures")}</p>`;
    }
  } else {
    const { adu, deviations, ...header } = v.packet;
    s += kvTable(header);
    if (deviations.length) s += `<p><span class="badge warn">${t("deviations")}</span> ${deviations.map(esc).join(", ")}</p>`;
    if (adu) {
      s += `<h3>${t("objects")} · ${esc(adu.type_name)} (${adu.type}) × ${adu.count}</h3>`;
      adu.objects.forEach((o) => (s += kvTable(o)));
    }
  }
  return s + `</article>`;
}

function renderFrame() {
  const el = $("frame-results");
  if (!lastFrame) {
    el.innerHTML = "";
    return;
  }
  const { kind, result, text, count, size, tooLarge } = lastFrame;
  if (kind === "count") {
    el.innerHTML = `<article class="card" data-result="count"><p class="too-large">${esc(t("captureTooLarge")(size, tooLarge, count))}</p></article>`;
    return;
  }
  if (result.type === "error") {
    el.innerHTML = frameError(result.error, text);
    return;
  }
  if (kind === "stream") {
    const v = result.value;
    let s = `<article class="card" data-result="stream"><h2>${v.frames} ${t("frames")} · ${v.skipped} ${t("skipped")} · ${v.rejected} ${t("rejected")}</h2><ol>`;
    let nth = 0;
    for (const it of v.items.slice(0, 500)) {
      if ("frame" in it) {
        // The n-th decoded frame's authentication (the worker opened the decoded frames in order).
        const a = result.auth ? authBadge(result.auth.frames[nth++]) : "";
        s += `<li>@${it.offset}: ${L("message_type", it.frame.message.type)} seq ${it.frame.seq} (${it.length} ${t("bytes")}) ${a}</li>`;
      } else if ("skipped" in it) s += `<li>@${it.offset}: ${t("skipped")} ${it.skipped}</li>`;
      else {
        const e = it.rejected ?? it.error;
        s += `<li class="status-fail">@${it.offset}: ${t("rejected")} <code>${esc(e.error)}</code> @${e.offset}</li>`;
      }
    }
    el.innerHTML = s + `</ol></article>`;
    return;
  }
  el.innerHTML = frameValue(result.value, result.auth);
}

function frameOptions() {
  return { strict: $("frame-strict").checked };
}

async function decodeText() {
  const text = $("frame-hex").value;
  const st = $("frame-status");
  status(st, t("working"), "busy");
  try {
    const stream = $("frame-stream").checked;
    const auth = authArg();
    const result = await call(stream ? "decodeStream" : "decode", ...(stream ? [text, auth] : [text, frameOptions(), auth]));
    keepState(result, auth);
    lastFrame = { kind: stream ? "stream" : "frame", result, text };
    status(st, "");
  } catch (e) {
    status(st, t("failed") + e.message, "error");
  }
  renderFrame();
}

async function decodeFile(file) {
  const st = $("frame-status");
  status(st, t("working"), "busy");
  try {
    const stream = $("frame-stream").checked;
    const auth = authArg();
    const r = await call("decodeFile", file, frameOptions(), stream, auth);
    keepState(r.result, auth);
    lastFrame = r.tooLarge
      ? { kind: "count", count: r.count, size: r.size, tooLarge: r.tooLarge }
      : { kind: stream ? "stream" : "frame", result: r.result };
    status(st, "");
  } catch (e) {
    status(st, t("failed") + e.message, "error");
  }
  renderFrame();
}

// ---- (3) identifier checker ----------------------------------------------------------------------
function renderIdent() {
  const el = $("ident-results");
  if (!lastIdent) {
    el.innerHTML = "";
    return;
  }
  const { text, result } = lastIdent;
  if (result.type === "error") {
    const e = result.error;
    el.innerHTML = `<article class="card" data-result="error" data-error="${esc(e.name)}" data-offset="${e.offset}"><h2><span class="badge bad">✘ ${t("identInvalid")}</span> <code>${esc(e.name)}</code> · ${t("errorAt")} ${t("byte")} ${e.offset}${e.scheme ? ` · ${esc(e.scheme)}` : ""}</h2><p>${esc(e.message[lang])}${e.expectedCheckDigit !== undefined ? ` (${e.expectedCheckDigit})` : ""}${e.limit !== undefined ? ` (≤ ${e.limit})` : ""}</p>${text.length < 100000 ? inputEcho(text, e.offset) : ""}</article>`;
    return;
  }
  const v = result.value;
  el.innerHTML = `<article class="card" data-result="ok" data-scheme="${esc(v.scheme)}"><h2><span class="badge ok">✔ ${t("identValid")}</span> ${label("ident_scheme", v.scheme, lang, true)}</h2>
<dl class="kv"><dt>${t("canonical")}</dt><dd><code id="ident-canonical">${esc(v.canonical)}</code></dd>
<dt>${t("form")}</dt><dd>${label("ident_form", v.form, lang, true)}</dd><dt>${t("item")}</dt><dd>${v.item ? t("yes") : t("no")}</dd>
<dt>${t("flags")}</dt><dd>${v.flags.length ? v.flags.map((f) => label("ident_flag", f, lang, true)).join(", ") : "—"}</dd></dl><h3>${t("parts")}</h3>${kvTable(v.parts, () => undefined)}</article>`;
}

let identTimer = 0;
let identSeq = 0;
function identChanged() {
  clearTimeout(identTimer);
  identTimer = setTimeout(async () => {
    const text = $("ident-input").value;
    const seq = ++identSeq;
    if (!text) {
      lastIdent = null;
      renderIdent();
      return;
    }
    const options = { requireItem: $("ident-item").checked };
    if ($("ident-scheme").value) options.scheme = $("ident-scheme").value;
    try {
      const result = await call("ident", text, options);
      if (seq !== identSeq) return;
      lastIdent = { text, result };
    } catch (e) {
      lastIdent = null;
      $("ident-results").textContent = t("failed") + e.message;
      return;
    }
    renderIdent();
  }, 120);
}

// ---- (4) inspection and (5) requirements: rendering and wiring in inspect.js, requirements.js ----
const tabCtx = {
  $: (id) => $(id),
  call: (...a) => call(...a),
  callProgress: (...a) => callProgress(...a),
  download: (name, data, type) => download(name, data, type),
  dropZone: (el, onFiles) => dropZone(el, onFiles),
  status: (el, text, kind) => status(el, text, kind),
  t: (k) => t(k),
  lang: () => lang,
  asOf: () => $("as-of").value || todayUtc(),
  onShow: (tab, f) => shown.set(tab, f),
};

// ---- wiring --------------------------------------------------------------------------------------
/** Files dropped on `el` go to `onFiles` (a FileList); the zone is highlighted while dragging over. */
function dropZone(el, onFiles) {
  el.addEventListener("dragover", (e) => {
    e.preventDefault();
    el.classList.add("over");
  });
  el.addEventListener("dragleave", () => el.classList.remove("over"));
  el.addEventListener("drop", (e) => {
    e.preventDefault();
    el.classList.remove("over");
    onFiles(e.dataTransfer.files);
  });
}

function todayUtc() {
  return new Date().toISOString().slice(0, 10);
}

function init() {
  $("as-of").value = todayUtc();
  for (const b of document.querySelectorAll("[data-tab]")) b.addEventListener("click", () => showTab(b.dataset.tab));
  for (const b of document.querySelectorAll(".lang button"))
    b.addEventListener("click", () => {
      lang = b.dataset.lang;
      applyLang();
    });
  // Checker
  dropZone($("drop"), checkFiles);
  $("files").addEventListener("change", (e) => {
    checkFiles(e.target.files);
    e.target.value = "";
  });
  for (const b of document.querySelectorAll(".example")) b.addEventListener("click", () => loadExample(b.dataset.example));
  $("failures-only").addEventListener("change", renderChecked);
  $("as-of").addEventListener("change", recheckAll);
  $("print").addEventListener("click", () => window.print());
  $("clear").addEventListener("click", () => {
    checked.length = 0;
    batchSummary = null;
    renderChecked();
  });
  const exportAs = async (format, name, type) => {
    const r = await exportChecked({ format, lang, failuresOnly: $("failures-only").checked });
    if (r.type === "ok") download(name, r.value, type);
    else status($("check-status"), t("failed") + r.error.message[lang], "error");
  };
  $("export-json").addEventListener("click", () => exportAs("json", "gasdev-report.json", "application/json"));
  $("export-md").addEventListener("click", () => exportAs("markdown", "gasdev-report.md", "text/markdown"));
  // Decoder
  $("frame-decode").addEventListener("click", decodeText);
  $("frame-file").addEventListener("change", (e) => {
    if (e.target.files[0]) decodeFile(e.target.files[0]);
    e.target.value = "";
  });
  // The key: typed, or read from a key file (16 raw bytes, or 32 hex digits as text); never stored.
  $("frame-key-file").addEventListener("change", async (e) => {
    const f = e.target.files[0];
    e.target.value = "";
    if (!f || f.size > 4096) return;
    const bytes = new Uint8Array(await f.arrayBuffer());
    const text = new TextDecoder().decode(bytes).replace(/\s+/g, "");
    $("frame-key").value =
      bytes.length === 16 ? [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("") : /^[0-9a-fA-F]{32}$/.test(text) ? text : "";
    if (!$("frame-key").value) status($("frame-status"), t("badKey"), "error");
  });
  $("frame-key-forget").addEventListener("click", () => {
    $("frame-key").value = "";
    keySession = null;
  });
  for (const b of document.querySelectorAll(".frame-example"))
    b.addEventListener("click", () => {
      $("frame-hex").value = b.dataset.hex;
      decodeText();
    });
  // Identifiers
  $("ident-input").addEventListener("input", identChanged);
  $("ident-scheme").addEventListener("change", identChanged);
  $("ident-item").addEventListener("change", identChanged);
  for (const b of document.querySelectorAll(".ident-example"))
    b.addEventListener("click", () => {
      $("ident-input").value = b.dataset.text;
      identChanged();
    });
  // Inspection (dates as the checker's "as of")
  initInspect(tabCtx);
  initRequirements(tabCtx);
  applyLang();
  status($("check-status"), t("loading"), "busy");
  Promise.all([call("version"), fetch("gasdev/labels.json").then((r) => r.json())])
    .then(([v, words]) => {
      setLabels(words);
      applyLang();
      version = v;
      $("version").textContent = `v${v}`;
      $("footer-version").textContent = `gasdev ${v}`;
      document.body.dataset.ready = "true";
      status($("check-status"), "");
    })
    .catch((e) => status($("check-status"), t("failed") + e.message, "error"));
}

init();
