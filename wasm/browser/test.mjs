// Browser test of the web tool (out/wasm/site, built by wasm/build.sh) in Debian's headless
// Chromium, driven by playwright-core (which never downloads a browser). A tiny static server on
// 127.0.0.1 serves the page; each tool runs on the bundled examples and on bad input, the
// verdicts in the DOM are compared with the package's own results in Node, and screenshots go to
// out/wasm/screenshots/. Run: node --test wasm/browser/  (CHROMIUM=/path overrides the browser;
// GASDEV_CLI=target/debug/gasdev also compares the exported JSON with `gasdev check`).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { basename, extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import * as gasdev from "../pkg/node.mjs";
import { checkWorkbook, initSync as initSheets, InspectSession as SheetsSession } from "../pkg/gasdev_sheets.js";
import { withCell } from "../support/xlsx-cell.mjs";

initSheets({ module: readFileSync(new URL("../pkg/gasdev_sheets_bg.wasm", import.meta.url)) });

const root = fileURLToPath(new URL("../../", import.meta.url));
const site = join(root, "out/wasm/site");
const shots = join(root, "out/wasm/screenshots");
const examples = join(root, "spec/examples");
const today = new Date().toISOString().slice(0, 10);

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".jsonl": "application/jsonl",
  ".wasm": "application/wasm",
  ".csv": "text/csv; charset=utf-8",
};

let server;
let base;
let context;
let page;
let userDataDir;
const consoleErrors = [];

before(async () => {
  statSync(join(site, "index.html")); // built by wasm/build.sh
  mkdirSync(shots, { recursive: true });
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    const file = join(site, path.endsWith("/") ? `${path}index.html` : path);
    try {
      const body = readFileSync(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end("not found");
    }
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${server.address().port}/`;
  userDataDir = mkdtempSync(join(tmpdir(), "gasdev-chromium-"));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1200, height: 900 },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
  page.on("pageerror", (e) => consoleErrors.push(String(e)));
  await page.goto(base);
  await page.waitForSelector("body[data-ready=true]", { timeout: 30000 });
});

after(async () => {
  await context?.close();
  await new Promise((r) => server?.close(r));
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

/** Every product and finding row the page shows for one file: [model, conformant, [clause, status]…]. */
async function shownVerdicts(file) {
  return page.$$eval(`article[data-file="${file}"] .product`, (ps) =>
    ps.map((p) => [
      p.dataset.model,
      p.dataset.conformant,
      p.dataset.achieved,
      [...p.querySelectorAll("tr[data-clause]")].map((r) => `${r.dataset.clause}:${r.dataset.status}`),
    ]),
  );
}

function expectedVerdicts(file, failuresOnly = false) {
  return verdictsOf(gasdev.checkDocument(readFileSync(join(examples, file), "utf8"), { asOf: today }), failuresOnly);
}

/** The rows shownVerdicts gives for a checked document (the result of checkDocument). */
function verdictsOf(r, failuresOnly = false) {
  assert.equal(r.type, "ok");
  const { document, report } = r.value;
  const products = document === "catalogue" ? report.products : [report];
  return products
    .filter((p) => !failuresOnly || document !== "catalogue" || !p.conformant || p.counts.needs_evidence > 0)
    .map((p) => [
      p.model,
      String(p.conformant),
      p.achieved_tier ?? "none",
      p.findings.filter((f) => !failuresOnly || f.status === "fail" || f.status === "needs_evidence").map((f) => `${f.id}:${f.status}`),
    ]);
}

test("page loads in Chinese by default, offline, with the library version", async () => {
  assert.equal(await page.getAttribute("html", "lang"), "zh-CN");
  assert.equal(await page.textContent("[data-tab=check]"), "符合性核查");
  assert.match(await page.textContent("#version"), /^v\d+\.\d+\.\d+$/);
});

test("conformance checker: bundled examples, verdicts per product and clause", async () => {
  for (const f of ["catalogue.json", "declaration-alarm-mid.json", "declaration-valve-mid.json"]) {
    await page.click(`button[data-example="${f}"]`);
    await page.waitForSelector(`article[data-file="${f}"]`);
    assert.deepEqual(await shownVerdicts(f), expectedVerdicts(f), f);
  }
  // The example catalogue has failures on purpose (README: exit 1), the declarations conform.
  assert.equal(await page.getAttribute("#overall", "data-conformant"), "false");
  const catalogue = gasdev.checkDocument(readFileSync(join(examples, "catalogue.json"), "utf8"), { asOf: today });
  const catRows = await page.$$eval('article[data-file="catalogue.json"] > .table-wrap tr[data-clause]', (rs) =>
    rs.map((r) => `${r.dataset.clause}:${r.dataset.status}`),
  );
  assert.deepEqual(catRows, catalogue.value.report.findings.map((f) => `${f.id}:${f.status}`));
  // CAT-6 grid: one row per device kind with the company count the core computed.
  const kindRows = await page.$$eval('article[data-file="catalogue.json"] table.kind-grid tr[data-kind]', (rs) =>
    rs.map((r) => `${r.dataset.kind}:${r.cells[1].textContent}`),
  );
  assert.deepEqual(kindRows, catalogue.value.report.kinds.map((k) => `${k.kind}:${k.companies}`));
  // PRICE-1 table: one row per kind × tier, the example's noted high-tier valve shown.
  const priceRows = await page.$$eval('article[data-file="catalogue.json"] table.price-table tbody tr', (rs) => rs.length);
  assert.equal(priceRows, catalogue.value.report.prices.length);
  assert.ok((await page.textContent('article[data-file="catalogue.json"] table.price-table')).includes("ZBF-NPRH200 1080.00"));
  await page.screenshot({ path: join(shots, "checker-zh.png"), fullPage: false });
});

test("conformance checker: failures filter, English, print stylesheet", async () => {
  await page.check("#failures-only");
  assert.deepEqual(await shownVerdicts("catalogue.json"), expectedVerdicts("catalogue.json", true));
  assert.equal(await page.$$eval(".product tr[data-status=pass]", (r) => r.length), 0);
  await page.click("#lang-en");
  assert.equal(await page.textContent("[data-tab=check]"), "Conformance");
  assert.ok((await page.textContent('article[data-file="catalogue.json"]')).includes("Catalogue clauses"));
  await page.screenshot({ path: join(shots, "checker-en-failures.png") });
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.$eval(".controls", (e) => getComputedStyle(e).display), "none");
  await page.screenshot({ path: join(shots, "checker-print.png"), fullPage: true });
  await page.emulateMedia({ media: "screen" });
  await page.click("#lang-zh");
  await page.uncheck("#failures-only");
});

test("conformance checker: export JSON equals `gasdev check --format json`, Markdown export", async () => {
  const [dl] = await Promise.all([page.waitForEvent("download"), page.click("#export-json")]);
  const exported = JSON.parse(readFileSync(await dl.path(), "utf8"));
  assert.equal(exported.files.length, 3);
  assert.equal(exported.summary.conformant, false);
  if (process.env.GASDEV_CLI) {
    const paths = ["catalogue.json", "declaration-alarm-mid.json", "declaration-valve-mid.json"].map((f) => join(examples, f));
    let out;
    try {
      out = execFileSync(process.env.GASDEV_CLI, ["check", "--format", "json", "--as-of", today, ...paths], { encoding: "utf8" });
    } catch (e) {
      out = e.stdout; // exit 1: findings failed, as expected
    }
    const cli = JSON.parse(out);
    for (const f of cli.files) f.path = basename(f.path);
    assert.deepEqual(exported, cli);
  }
  const [md] = await Promise.all([page.waitForEvent("download"), page.click("#export-md")]);
  const text = readFileSync(await md.path(), "utf8");
  assert.match(text, /^# 燃气安全装置符合性核查报告/);
  assert.match(text, /\| 条款 \| 结论 \| 字段 \| 说明 \|/);
  if (process.env.GASDEV_CLI) {
    // The Markdown export is the core's renderer: byte for byte what the CLI prints for the same
    // files (run beside them, so that the paths are the same names).
    const names = ["catalogue.json", "declaration-alarm-mid.json", "declaration-valve-mid.json"];
    let cli;
    try {
      cli = execFileSync(process.env.GASDEV_CLI, ["check", "--format", "markdown", "--as-of", today, ...names], { encoding: "utf8", cwd: examples });
    } catch (e) {
      cli = e.stdout; // exit 1: findings failed, as expected
    }
    assert.equal(text, cli);
  }
});

test("conformance checker: non-JSON, binary, empty and 100 MB files give a message; nothing else is lost", async () => {
  const before = await page.$$eval("article.card", (a) => a.length);
  await page.setInputFiles("#files", [
    { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("this is not JSON") },
    { name: "garbage.bin", mimeType: "application/octet-stream", buffer: Buffer.from([0, 255, 1, 254, 0x7b, 0]) },
    { name: "empty.json", mimeType: "application/json", buffer: Buffer.alloc(0) },
  ]);
  await page.waitForSelector('article[data-file="empty.json"]');
  assert.match(await page.textContent('article[data-file="notes.txt"]'), /INPUT_JSON_SYNTAX/);
  assert.match(await page.textContent('article[data-file="garbage.bin"]'), /INPUT_JSON_SYNTAX/);
  assert.match(await page.textContent('article[data-file="empty.json"]'), /INPUT_EMPTY/);
  // 100 MB, made inside the page and dropped on the drop zone.
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(100 * 1024 * 1024).fill(0x20)], "huge.json"));
    document.getElementById("drop").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await page.waitForSelector('article[data-file="huge.json"] .too-large');
  assert.match(await page.textContent('article[data-file="huge.json"]'), /100\.0 MB/);
  assert.equal(await page.$$eval("article.card", (a) => a.length), before + 4);
  assert.deepEqual(await shownVerdicts("catalogue.json"), expectedVerdicts("catalogue.json"));
});

test("frame decoder: every field with units, errors at their byte offset", async () => {
  await page.click("[data-tab=frame]");
  await page.click('.frame-example[data-i18n="exStatus"]');
  await page.waitForSelector("#frame-results article[data-result=ok][data-protocol=libgasdev]");
  const field = (f) => page.textContent(`#frame-results tr[data-field="${f}"] td:last-child`);
  assert.equal(await field("seq"), "1");
  assert.equal(await field("message.methane"), "3.50 %LEL (LEL = 5.00 %vol)");
  assert.equal(await field("message.carbon_monoxide"), "12.00 ppm");
  assert.equal(await field("timestamp"), "2022-07-01 00:00:00 UTC (1656633600)");
  await page.screenshot({ path: join(shots, "decoder-frame.png"), fullPage: true });

  await page.click('.frame-example[data-i18n="exBadCrc"]');
  await page.waitForSelector("#frame-results article[data-error=FRAME_BAD_CRC]");
  assert.equal(await page.getAttribute("#frame-results article", "data-offset"), "36");
  assert.equal(await page.getAttribute("#frame-results .hex .err", "title"), "36");
  await page.screenshot({ path: join(shots, "decoder-bad-crc.png") });

  await page.click('.frame-example[data-i18n="exGbt"]');
  await page.waitForSelector("#frame-results article[data-protocol=gbt26875]");
  assert.equal(await field("command_name"), "确认 confirm");

  // Binary garbage pasted as hex, and empty input.
  await page.fill("#frame-hex", "47 44 zz \u0000\u00ff");
  await page.click("#frame-decode");
  await page.waitForSelector("#frame-results article[data-error=FRAME_BAD_HEX]");
  assert.equal(await page.getAttribute("#frame-results article", "data-offset"), "6");
  assert.equal(await page.textContent("#frame-results .input-echo .err"), "z");
  await page.fill("#frame-hex", "   ");
  await page.click("#frame-decode");
  await page.waitForSelector("#frame-results article[data-error=INPUT_EMPTY]");
});

test("Chinese values: enumerated values in the page's language from the core's tables, machine names beside", async () => {
  await page.click("[data-tab=frame]");
  await page.uncheck("#frame-stream");
  await page.click('.frame-example[data-i18n="exStatus"]');
  await page.waitForSelector("#frame-results article[data-result=ok][data-protocol=libgasdev]");
  const value = (f) => page.$eval(`#frame-results tr[data-field="${f}"] td:last-child .val`, (e) => [e.textContent, e.dataset.value]);
  const labels = gasdev.labels();
  assert.deepEqual(await value("message.type"), [labels.message_type.status.zh, "status"]);
  assert.deepEqual(await value("message.kind"), ["燃气泄漏报警装置", "leak_alarm"]);
  assert.deepEqual(await value("message.alarm.gas"), ["无报警", "none"]);
  assert.deepEqual(await value("message.valve.state"), ["开启", "open"]);
  await page.screenshot({ path: join(shots, "decoder-zh-values.png"), fullPage: true });
  await page.click("#lang-en");
  assert.deepEqual(await value("message.alarm.gas"), ["no alarm", "none"]);
  await page.click("#lang-zh");
  // A GB/T 26875.3 packet (spec/vectors/gbt26875.json #1): command and status bits in Chinese.
  const gbt = JSON.parse(readFileSync(join(root, "spec/vectors/gbt26875.json"), "utf8")).tests.find((c) => c.tcId === 1);
  await page.fill("#frame-hex", gbt.input.packet);
  await page.click("#frame-decode");
  await page.waitForSelector("#frame-results article[data-protocol=gbt26875]");
  assert.equal(await page.textContent('#frame-results .val[data-value="fire_alarm"]'), "火警");
  assert.equal(await page.textContent('#frame-results tr[data-field="command_name"] .val'), labels.gbt_command.send_data.zh);
  await page.screenshot({ path: join(shots, "decoder-gbt-zh-values.png"), fullPage: true });
  // The checker: statuses, kinds and tiers in Chinese.
  await page.click("[data-tab=check]");
  const words = await page.$$eval('article[data-file="declaration-alarm-mid.json"] .val', (v) => v.map((e) => `${e.dataset.value}=${e.textContent}`));
  for (const w of ["leak_alarm=燃气泄漏报警装置", "mid=中档", "pass=符合"]) assert.ok(words.includes(w), w);
  // The identifier checker: the scheme's word.
  await page.click("[data-tab=ident]");
  await page.fill("#ident-input", "88.111.1/JTM-JFSM100-2024-000123");
  await page.waitForSelector("#ident-results article[data-result=ok][data-scheme=idis] h2 .val");
  assert.equal(await page.textContent("#ident-results h2 .val"), labels.ident_scheme.idis.zh);
  await page.click("[data-tab=frame]");
});

test("frame decoder: capture files, and a 100 MB capture keeps the page responsive", async () => {
  const hex = "4744012001000162be390001010205000202010003070101f40000015e040502000004b0ed856dc8";
  await page.check("#frame-stream");
  await page.setInputFiles("#frame-file", {
    name: "capture.bin",
    mimeType: "application/octet-stream",
    buffer: Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(hex, "hex"), Buffer.from(hex, "hex")]),
  });
  await page.waitForSelector("#frame-results article[data-result=stream]");
  assert.match(await page.textContent("#frame-results h2"), /^2 帧 · 3 跳过字节 · 0 拒绝/);
  // 100 MB of repeated frames: counted in the worker while the main thread keeps running.
  const gap = await page.evaluate(async (h) => {
    const one = Uint8Array.from(h.match(/../g).map((b) => parseInt(b, 16)));
    const big = new Uint8Array(100 * 1024 * 1024);
    for (let i = 0; i + one.length <= big.length; i += one.length) big.set(one, i);
    const dt = new DataTransfer();
    dt.items.add(new File([big], "huge.cap"));
    const input = document.getElementById("frame-file");
    input.files = dt.files;
    input.dispatchEvent(new Event("change"));
    let worst = 0;
    let last = performance.now();
    while (!document.querySelector("#frame-results article[data-result=count]")) {
      await new Promise((r) => setTimeout(r, 10));
      const now = performance.now();
      worst = Math.max(worst, now - last);
      last = now;
      if (now > 120000) break;
    }
    return worst;
  }, hex);
  const text = await page.textContent("#frame-results article[data-result=count]");
  assert.match(text, /2621440 帧/);
  assert.ok(gap < 1000, `main thread blocked for ${gap} ms`);
  await page.uncheck("#frame-stream");
});

test("frame decoder: with a key, each frame is authenticated / bad tag / not authenticated / replay (zh, en)", async () => {
  // Frames and key of spec/vectors/secure.json: the key is a test vector's, sealed frames from the
  // independent generator. The page keeps one replay window per page session and key.
  const secure = JSON.parse(readFileSync(join(root, "spec/vectors/secure.json"), "utf8")).tests;
  const sealed = (id) => secure.find((c) => c.tcId === id).expected.frame;
  const key = secure.find((c) => c.tcId === 1).input.key;
  const wrongKey = secure.find((c) => c.tcId === 19).input.frame; // sealed with another device's key
  const plain = secure.find((c) => c.tcId === 1).input.frame; // the same status frame, unsealed
  const requests = [];
  const onRequest = (r) => requests.push(r.url() + (r.postData() ?? ""));
  page.on("request", onRequest);
  await page.click("[data-tab=frame]");
  await page.uncheck("#frame-stream");
  await page.fill("#frame-key", key);
  await page.fill("#frame-key-id", "1");
  const decode = async (hex) => {
    await page.fill("#frame-hex", hex);
    await page.evaluate(() => (document.getElementById("frame-results").innerHTML = ""));
    await page.click("#frame-decode");
    await page.waitForSelector("#frame-results [data-auth]");
    return page.getAttribute("#frame-results [data-auth]", "data-auth");
  };
  // The page's own statuses agree with openFrame in Node on the same frames and window.
  let state = gasdev.newReplayState(32, 1048576);
  const node = (hex) => {
    const r = gasdev.openFrame(hex, key, 1, state, "required");
    if (r.type === "ok") state = r.value.state;
    return r.type === "ok" ? "authenticated" : r.error.name;
  };
  assert.equal(await decode(sealed(1)), "authenticated");
  assert.equal(node(sealed(1)), "authenticated");
  assert.match(await page.textContent("#frame-results .auth"), /^已认证 密钥编号 1 · 计数器 0$/);
  assert.equal(await page.getAttribute("#frame-results article", "data-result"), "ok");
  await page.screenshot({ path: join(shots, "decoder-authenticated.png") });
  assert.equal(await decode(sealed(1)), "replay");
  assert.equal(node(sealed(1)), "FRAME_REPLAY");
  assert.match(await page.textContent("#frame-results .auth"), /^重放 FRAME_REPLAY @\d+$/);
  assert.equal(await decode(wrongKey), "bad_tag");
  assert.equal(node(wrongKey), "FRAME_BAD_TAG");
  assert.match(await page.textContent("#frame-results .auth"), /^认证码错误 FRAME_BAD_TAG @20$/);
  assert.equal(await decode(plain), "unauthenticated");
  assert.equal(node(plain), "FRAME_UNAUTHENTICATED");
  assert.match(await page.textContent("#frame-results .auth"), /^未认证 FRAME_UNAUTHENTICATED/);
  // The next counter of the same session is fresh; English labels.
  await page.click("#lang-en");
  assert.equal(await decode(sealed(2)), "authenticated");
  assert.match(await page.textContent("#frame-results .auth"), /^authenticated key id 1 · counter 1$/);
  assert.equal(await decode(sealed(2)), "replay");
  assert.match(await page.textContent("#frame-results .auth .badge"), /^replay$/);
  assert.equal(await decode(wrongKey), "bad_tag");
  assert.equal(await page.textContent("#frame-results .auth .badge"), "bad tag");
  assert.equal(await decode(plain), "unauthenticated");
  assert.equal(await page.textContent("#frame-results .auth .badge"), "not authenticated");
  await page.screenshot({ path: join(shots, "decoder-unauthenticated.png") });
  // A byte stream: each frame its own status, in order (the window carries on).
  await page.check("#frame-stream");
  await page.fill("#frame-hex", [sealed(3), plain, sealed(3), wrongKey].join("\n"));
  await page.evaluate(() => (document.getElementById("frame-results").innerHTML = ""));
  await page.click("#frame-decode");
  await page.waitForSelector("#frame-results article[data-result=stream] [data-auth]");
  assert.deepEqual(
    await page.$$eval("#frame-results li [data-auth]", (xs) => xs.map((x) => x.dataset.auth)),
    ["authenticated", "unauthenticated", "replay", "bad_tag"],
  );
  // A key file (16 raw bytes) gives the same key; a malformed key is refused with a message.
  await page.fill("#frame-key", "");
  await page.setInputFiles("#frame-key-file", { name: "device.key", mimeType: "application/octet-stream", buffer: Buffer.from(key, "hex") });
  await page.waitForFunction(() => document.getElementById("frame-key").value.length === 32);
  assert.equal(await page.inputValue("#frame-key"), key);
  await page.fill("#frame-key", "abc");
  await page.click("#frame-decode");
  await page.waitForSelector("#frame-status.error");
  assert.match(await page.textContent("#frame-status"), /32 hex digits/);
  // Forget the key: no status any more. The key never left the page (no request carried it) and
  // was not stored.
  await page.click("#frame-key-forget");
  await page.uncheck("#frame-stream");
  await page.fill("#frame-hex", sealed(1));
  await page.evaluate(() => (document.getElementById("frame-results").innerHTML = ""));
  await page.click("#frame-decode");
  await page.waitForSelector("#frame-results article[data-result=ok]");
  assert.equal(await page.$("#frame-results [data-auth]"), null);
  page.off("request", onRequest);
  assert.ok(requests.every((r) => !r.toLowerCase().includes(key)), "a request carried the key");
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  assert.ok(!stored.includes(key), "the key was stored");
  await page.click("#lang-zh");
});

test("identifier checker: scheme, parts, canonical form, error position", async () => {
  await page.click("[data-tab=ident]");
  await page.fill("#ident-input", "88.111.1/JTM-JFSM100-2024-000123");
  await page.waitForSelector("#ident-results article[data-result=ok][data-scheme=idis]");
  assert.equal(await page.textContent("#ident-canonical"), "88.111.1/JTM-JFSM100-2024-000123");
  assert.equal(await page.textContent('#ident-results tr[data-field="prefix"] td:last-child'), "88.111.1");
  await page.screenshot({ path: join(shots, "ident-valid.png") });
  await page.fill("#ident-input", "88.111:1/x");
  await page.waitForSelector("#ident-results article[data-error=IDENT_BAD_CHAR]");
  assert.equal(await page.getAttribute("#ident-results article", "data-offset"), "6");
  assert.equal(await page.textContent("#ident-results .input-echo .err"), ":");
  await page.fill("#ident-input", "09521234543213");
  await page.waitForSelector("#ident-results article[data-scheme=gs1]");
  await page.fill("#ident-input", "88.111:1/x");
  await page.waitForSelector("#ident-results article[data-error=IDENT_BAD_CHAR]");
  await page.screenshot({ path: join(shots, "ident-error.png") });
});

/** Wait for the inspection tab's run to finish (its status marked done). */
async function inspected() {
  await page.waitForSelector("#inspect-status[data-done=true]", { timeout: 120000 });
}

/** A download's bytes after clicking `selector`. */
async function downloaded(selector) {
  const [dl] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  return readFileSync(await dl.path());
}

/** `gasdev inspect FILE --format csv …` (exit 1 or 2 expected: findings, rejected rows). */
function cliInspect(args) {
  try {
    return execFileSync(process.env.GASDEV_CLI, ["inspect", ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  } catch (e) {
    return e.stdout;
  }
}

test("inspection: the example district, every finding and reject as the package computes them", async () => {
  await page.click("[data-tab=inspect]");
  await page.click("#inspect-example");
  await inspected();
  await page.waitForSelector("#inspect-results table.inspect-rejects");
  const ex = (p) => readFileSync(join(examples, p), "utf8");
  const options = {
    asOf: await page.inputValue("#as-of"),
    catalogue: ex("catalogue.json"),
    declarations: `[${ex("declarations/off-catalogue-alarm-conformant.json")},${ex("declarations/off-catalogue-alarm-no-fire-certificate.json")}]`,
  };
  const results = ex("inspections.jsonl").split("\n").filter((l) => l.trim()).map((l) => gasdev.inspect(l, options));
  const findings = results.filter((r) => r.type === "ok").flatMap((r) => r.value.findings.map((f) => f.code));
  const shown = await page.$$eval("#inspect-findings tr[data-code]", (rs) => rs.map((r) => r.dataset.code));
  assert.deepEqual(shown, findings);
  for (const code of ["gas_mismatch", "hazard", "off_catalogue_conformant", "off_catalogue_nonconformant", "fire_centre_not_linked"])
    assert.ok(shown.includes(code), code);
  const rejects = await page.$$eval("#inspect-results table.inspect-rejects tbody tr td:nth-child(2)", (c) => c.map((x) => x.textContent));
  assert.deepEqual(rejects, results.filter((r) => r.type === "error").map((r) => r.error.name));
  // Values in Chinese: severities and device kinds from the core's tables.
  const words = await page.$$eval("#inspect-findings .val", (v) => v.map((e) => `${e.dataset.value}=${e.textContent}`));
  for (const w of ["fail=不合格", "leak_alarm=燃气泄漏报警装置", "gas_mismatch=适用气种不符", "hazard=风险隐患"]) assert.ok(words.includes(w), w);
  await page.screenshot({ path: join(shots, "inspect-district.png") });
});

test("inspection: CSV and XLSX ledgers, filters, ranking, charts; exports are the CLI's", async () => {
  const asOf = await page.inputValue("#as-of");
  for (const [button, file] of [["#inspect-example-csv", "inspections.csv"], ["#inspect-example-xlsx", "inspections.xlsx"]]) {
    await page.click(button);
    await inspected();
    await page.waitForSelector("#inspect-charts figure svg");
    // The package's session on the same file gives the summary, ranking and charts shown.
    const Session = file.endsWith("xlsx") ? SheetsSession : gasdev.InspectSession;
    const s = new Session(file.split(".").pop(), readFileSync(join(examples, file)), { asOf });
    while (s.step(1000).value?.done === false);
    const { summary, ranking } = s.summary();
    assert.equal(await page.textContent("#inspect-households"), String(summary.households));
    assert.deepEqual(await page.$$eval("table.inspect-ranking tr[data-community]", (rs) => rs.map((r) => r.dataset.community)), ranking.map((r) => r.community));
    const charts = s.charts("zh");
    assert.deepEqual(await page.$$eval("#inspect-charts figure", (f) => f.map((x) => x.dataset.chart)), charts.map((c) => c.name));
    assert.deepEqual(await page.$$eval("#inspect-charts figure svg", (f) => f.map((x) => x.textContent)), charts.map((c) => c.svg.trim().replace(/<[^>]*>/g, "").replace(/&amp;/g, "&")));
    // Filters: severity, community, code; each the package's selection.
    await page.selectOption("#inspect-f-severity", "fail");
    await page.waitForFunction((n) => document.querySelectorAll("#inspect-findings tr[data-code]").length === n, s.findings({ severity: "fail" }).total);
    assert.ok(await page.$$eval("#inspect-findings tbody tr", (rs) => rs.every((r) => r.classList.contains("sev-fail"))));
    await page.selectOption("#inspect-f-community", ranking[0].community);
    const both = s.findings({ severity: "fail", community: ranking[0].community }).total;
    await page.waitForFunction((n) => document.querySelectorAll("#inspect-findings tr[data-code]").length === n, both);
    await page.selectOption("#inspect-f-severity", "");
    await page.selectOption("#inspect-f-community", "");
    await page.selectOption("#inspect-f-code", "missing_required_device");
    await page.waitForFunction((n) => document.querySelectorAll("#inspect-findings tr[data-code]").length === n, summary.findings.missing_required_device);
    await page.selectOption("#inspect-f-code", "");
    await page.screenshot({ path: join(shots, `inspect-${file.replace(".", "-")}.png`), fullPage: true });
    await page.$eval("#inspect-summary", (e) => e.scrollIntoView());
    await page.screenshot({ path: join(shots, `inspect-${file.replace(".", "-")}-top.png`) });
    // CSV: byte for byte `gasdev inspect FILE --format csv` (zh, then en).
    const csv = (await downloaded("#inspect-export-csv")).toString("utf8");
    assert.equal(csv, s.exportCsv("zh"));
    if (process.env.GASDEV_CLI) assert.equal(csv, cliInspect([join(examples, file), "--format", "csv", "--as-of", asOf, "--lang", "zh"]));
    await page.click("#lang-en");
    const csvEn = (await downloaded("#inspect-export-csv")).toString("utf8");
    if (process.env.GASDEV_CLI) assert.equal(csvEn, cliInspect([join(examples, file), "--format", "csv", "--as-of", asOf, "--lang", "en"]));
    await page.click("#lang-zh");
    // Markdown: byte for byte `gasdev inspect FILE --format markdown` (to standard output).
    const md = (await downloaded("#inspect-export-md")).toString("utf8");
    assert.match(md, /^\n# 入户安全检查报告\n/);
    if (process.env.GASDEV_CLI) assert.equal(md, cliInspect([join(examples, file), "--format", "markdown", "--as-of", asOf, "--lang", "zh"]));
    // XLSX: written by the core in the sheets module (a zip with the CLI's sheets).
    const xlsx = await downloaded("#inspect-export-xlsx");
    assert.deepEqual([...xlsx.subarray(0, 2)], [0x50, 0x4b]);
    // The same parts as the CLI's workbook of the same file (the bytes differ by the time written).
    const parts = (b) => ["sheet1", "sheet2", "sheet3", "sheet4", "sheet5"].map((n) => b.includes(Buffer.from(`xl/worksheets/${n}.xml`))).concat([b.includes(Buffer.from("xl/charts/chart1.xml"))]);
    assert.deepEqual(parts(xlsx).slice(0, 3), [true, true, true]);
    if (process.env.GASDEV_CLI) {
      const out = join(tmpdir(), `gasdev-web-${process.pid}.xlsx`);
      cliInspect([join(examples, file), "--format", "xlsx", "--output", out, "--as-of", asOf]);
      assert.deepEqual(parts(xlsx), parts(readFileSync(out)));
      rmSync(out, { force: true });
    }
  }
});

test("inspection: 10^5 generated CSV rows finish with progress shown, the page responsive", async () => {
  const rows = readFileSync(join(examples, "inspections.csv"), "utf8").trimEnd().split("\n");
  const [header, ...body] = rows;
  const copies = Math.ceil(100000 / body.length);
  const result = await page.evaluate(
    async ({ header, body, copies }) => {
      const lines = [header];
      for (let i = 0; i < copies; i++) for (const l of body) lines.push(l.replace(/^([^,]*)/, `$1-${i}`));
      const dt = new DataTransfer();
      dt.items.add(new File([lines.join("\n") + "\n"], "big.csv", { type: "text/csv" }));
      const started = performance.now();
      document.getElementById("inspect-drop").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
      let worst = 0;
      let last = performance.now();
      const seen = new Set();
      const status = document.getElementById("inspect-status");
      while (status.dataset.done !== "true") {
        await new Promise((r) => setTimeout(r, 10));
        const now = performance.now();
        worst = Math.max(worst, now - last);
        last = now;
        const v = document.getElementById("inspect-progress").value;
        if (v > 0 && v < 1) seen.add(status.textContent);
        if (now - started > 300000) break;
      }
      return { rows: lines.length - 1, worst, seconds: (performance.now() - started) / 1000, progress: [...seen], status: status.textContent };
    },
    { header, body, copies },
  );
  console.log(`inspection of ${result.rows} CSV rows: ${result.seconds.toFixed(1)} s, ${result.progress.length} progress updates, longest main-thread gap ${result.worst.toFixed(0)} ms`);
  assert.ok(result.rows >= 100000);
  assert.ok(result.progress.length >= 3, `progress shown ${result.progress.length} times`);
  assert.match(result.progress[0], /已读 \d+%，已核查 \d+ 户/);
  assert.ok(result.worst < 1000, `main thread blocked for ${result.worst} ms`);
  // Each copy of the example ledger gives its households and rejects.
  const one = new gasdev.InspectSession("csv", readFileSync(join(examples, "inspections.csv")), { asOf: await page.inputValue("#as-of") });
  const p = one.step(1000).value;
  assert.equal(await page.textContent("#inspect-households"), String(p.households * copies));
  assert.match(result.status, new RegExp(`完成：${p.households * copies} 户，拒收 ${p.rejected_rows * copies} 行`));
  await page.screenshot({ path: join(shots, "inspect-100k.png") });
  // The print stylesheet prints the inspection report: no controls, the charts and findings kept.
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.$eval("#inspect-export-csv", (e) => getComputedStyle(e.parentElement).display), "none");
  assert.notEqual(await page.$eval("#inspect-charts", (e) => getComputedStyle(e).display), "none");
  await page.emulateMedia({ media: "screen" });
});

test("inspection: a ledger dropped while another is inspected takes over", async () => {
  const rows = readFileSync(join(examples, "inspections.csv"), "utf8").trimEnd().split("\n");
  await page.evaluate(({ rows }) => {
    const lines = [rows[0]];
    for (let i = 0; i < 1500; i++) for (const l of rows.slice(1)) lines.push(l.replace(/^([^,]*)/, `$1-${i}`));
    const dt = new DataTransfer();
    dt.items.add(new File([lines.join("\n")], "big.csv"));
    document.getElementById("inspect-drop").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, { rows });
  await page.waitForFunction(() => document.getElementById("inspect-progress").value > 0);
  await page.click("#inspect-example-csv");
  const one = new gasdev.InspectSession("csv", readFileSync(join(examples, "inspections.csv")), { asOf: await page.inputValue("#as-of") });
  const n = String(one.step(1000).value.households);
  await page.waitForFunction((n) => document.getElementById("inspect-households")?.textContent === n && document.getElementById("inspect-status").dataset.done === "true", n);
  assert.match(await page.textContent("#inspect-status"), new RegExp(`完成：${n} 户`));
  assert.equal(await page.$eval("#inspect-status", (e) => e.classList.contains("error")), false);
});

test("inspection at phone width (360 px): no horizontal scrolling of the page", async () => {
  await page.setViewportSize({ width: 360, height: 780 });
  await page.click("#inspect-example-csv");
  await inspected();
  await page.waitForSelector("#inspect-charts figure svg");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `page wider than the screen by ${overflow} px`);
  assert.ok(await page.$eval("#inspect-charts svg", (e) => e.getBoundingClientRect().width <= window.innerWidth));
  await page.screenshot({ path: join(shots, "inspect-phone.png"), fullPage: true });
  await page.$eval("#inspect-summary", (e) => e.scrollIntoView());
  await page.screenshot({ path: join(shots, "inspect-phone-summary.png") });
  await page.$eval("#inspect-charts", (e) => e.scrollIntoView());
  await page.screenshot({ path: join(shots, "inspect-phone-charts.png") });
  await page.setViewportSize({ width: 1200, height: 900 });
});

test("requirements: the clause table by kind and tier, zh/en, searchable, source sentences and vectors", async () => {
  await page.click("[data-tab=requirements]");
  await page.waitForSelector("#req-results table.requirements");
  const all = gasdev.requirements();
  const ids = () => page.$$eval("#req-results tr[data-req]", (rs) => rs.map((r) => r.dataset.req));
  assert.deepEqual(await ids(), all.value.requirements.map((r) => r.id));
  // By kind and tier: the core's selection.
  await page.selectOption("#req-kind", "self_closing_valve");
  await page.waitForFunction(() => !document.getElementById("req-tier").disabled);
  await page.selectOption("#req-tier", "high");
  const valveHigh = gasdev.requirements("self_closing_valve", "high").value.requirements.map((r) => r.id);
  await page.waitForFunction((n) => document.querySelectorAll("#req-results tr[data-req]").length === n, valveHigh.length);
  assert.deepEqual(await ids(), valveHigh);
  await page.selectOption("#req-kind", "");
  await page.waitForFunction((n) => document.querySelectorAll("#req-results tr[data-req]").length === n, all.value.requirements.length);
  // Each clause with its source sentence and the vectors whose cases list it (spec/vectors/*.json).
  const vectorsOf = (id) => {
    const out = [];
    for (const f of ["credit_codes", "declarations", "frames", "gbt26875", "identifiers", "installation", "secure"])
      for (const c of JSON.parse(readFileSync(join(root, `spec/vectors/${f}.json`), "utf8")).tests) if ((c.spec ?? []).includes(id)) out.push(`${f}#${c.tcId}`);
    return out;
  };
  const row = '#req-results tr[data-req="ALM-1a"]';
  assert.equal(await page.getAttribute(row, "data-vectors"), String(vectorsOf("ALM-1a").length));
  assert.deepEqual(await page.$$eval(`${row} ul.vectors code`, (c) => c.map((x) => x.textContent)), vectorsOf("ALM-1a"));
  assert.equal(await page.textContent(`${row} blockquote.source`), all.value.requirements[0].source_text);
  // Search: Chinese words of the source sentence, a vector id, English in English mode.
  await page.fill("#req-search", "防爆合格证");
  await page.waitForFunction(() => document.getElementById("req-count").dataset.shown !== undefined);
  const hits = all.value.requirements.filter((r) => [r.text.zh, r.text.en, r.source_text].join("\n").includes("防爆合格证")).map((r) => r.id);
  assert.deepEqual(await ids(), hits);
  await page.fill("#req-search", "installation#1 ");
  assert.ok((await ids()).includes("INS-1"));
  await page.click("#lang-en");
  await page.fill("#req-search", "self-closing");
  assert.ok((await ids()).length > 0);
  assert.ok((await page.textContent("#req-results thead")).includes("source") || (await page.textContent("#req-results thead")).includes("requirement"));
  await page.screenshot({ path: join(shots, "requirements-en.png") });
  await page.click("#lang-zh");
  await page.fill("#req-search", "");
  await page.screenshot({ path: join(shots, "requirements-zh.png") });
});

/** `gasdev check NAMES --format markdown` run in `dir` (exit 1 or 2 expected: findings, rejected rows). */
function cliCheckMarkdown(dir, names) {
  try {
    return execFileSync(process.env.GASDEV_CLI, ["check", "--format", "markdown", "--as-of", today, ...names], { encoding: "utf8", cwd: dir, stdio: ["ignore", "pipe", "ignore"] });
  } catch (e) {
    return e.stdout;
  }
}

test("conformance checker: a catalogue workbook (.xlsx), its Chinese report, filter, print, and a bad cell's row", async () => {
  await page.click("[data-tab=check]");
  await page.click("#clear");
  assert.match(await page.getAttribute("#files", "accept"), /\.xlsx/);
  assert.match(await page.textContent("#drop p"), /Excel 工作簿（\.xlsx）/);
  // Picked: the sheets module reads it in the worker; the report is the JSON catalogue's.
  const book = readFileSync(join(examples, "catalogue.xlsx"));
  await page.setInputFiles("#files", { name: "catalogue.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: book });
  await page.waitForSelector('article[data-file="catalogue.xlsx"][data-kind=catalogue]');
  const fromBook = checkWorkbook(book, "catalogue.xlsx", { asOf: today }).value;
  assert.equal(fromBook.length, 1);
  assert.deepEqual(await shownVerdicts("catalogue.xlsx"), verdictsOf(fromBook[0].result));
  assert.deepEqual(await shownVerdicts("catalogue.xlsx"), expectedVerdicts("catalogue.json"));
  const card = await page.textContent('article[data-file="catalogue.xlsx"]');
  for (const w of ["目录条款", "产品一览", "不符合"]) assert.ok(card.includes(w), w);
  assert.match(await page.textContent("#check-summary"), /汇总 · 文件: 1 · 输入错误: 0/);
  await page.screenshot({ path: join(shots, "checker-xlsx-zh.png") });
  await page.check("#failures-only");
  assert.deepEqual(await shownVerdicts("catalogue.xlsx"), verdictsOf(fromBook[0].result, true));
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.$eval(".controls", (e) => getComputedStyle(e).display), "none");
  await page.screenshot({ path: join(shots, "checker-xlsx-print.png"), fullPage: true });
  await page.emulateMedia({ media: "screen" });
  await page.uncheck("#failures-only");
  // The exports are the core's: Markdown byte for byte `gasdev check catalogue.xlsx --format markdown`.
  const md = (await downloaded("#export-md")).toString("utf8");
  assert.match(md, /^# 燃气安全装置符合性核查报告/);
  if (process.env.GASDEV_CLI) assert.equal(md, cliCheckMarkdown(examples, ["catalogue.xlsx"]));
  const json = JSON.parse((await downloaded("#export-json")).toString("utf8"));
  assert.deepEqual(json.files.map((f) => [f.path, f.document]), [["catalogue.xlsx", "catalogue"]]);

  // A workbook with a bad cell, dropped: its row is an input error entry (sheet, row, column,
  // header, shared name) like an unreadable file's, and the other rows' catalogue is reported.
  await page.click("#clear");
  const bad = withCell(book, "xl/worksheets/sheet2.xml", "产品价格", 3, "12元8角");
  await page.evaluate((bytes) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(bytes)], "catalogue-bad.xlsx"));
    document.getElementById("drop").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [...bad]);
  const row = 'article[data-file="catalogue-bad.xlsx[目录清单]"]';
  await page.waitForSelector(`${row}[data-kind=error]`);
  await page.waitForSelector('article[data-file="catalogue-bad.xlsx"][data-kind=catalogue]');
  assert.equal(await page.textContent(`${row} .error-line`), "INPUT_BAD_PRICE 行 3, 列 13 [产品价格]");
  assert.match(await page.textContent(`${row} h2`), /输入错误/);
  const entries = checkWorkbook(bad, "catalogue-bad.xlsx", { asOf: today }).value;
  assert.deepEqual(await shownVerdicts("catalogue-bad.xlsx"), verdictsOf(entries[1].result));
  assert.equal((await shownVerdicts("catalogue-bad.xlsx")).length, fromBook[0].result.value.report.products.length - 1);
  assert.match(await page.textContent("#check-summary"), /文件: 2 · 输入错误: 1/);
  await page.screenshot({ path: join(shots, "checker-xlsx-bad-cell.png") });
  const badMd = (await downloaded("#export-md")).toString("utf8");
  assert.match(badMd, /INPUT\\_BAD\\_PRICE/);
  if (process.env.GASDEV_CLI) {
    const dir = mkdtempSync(join(tmpdir(), "gasdev-xlsx-"));
    writeFileSync(join(dir, "catalogue-bad.xlsx"), bad);
    assert.equal(badMd, cliCheckMarkdown(dir, ["catalogue-bad.xlsx"]));
    rmSync(dir, { recursive: true, force: true });
  }
  // The example button loads the same workbook.
  await page.click("#clear");
  await page.click('button[data-example="catalogue.xlsx"]');
  await page.waitForSelector('article[data-file="catalogue.xlsx"][data-kind=catalogue]');
  assert.deepEqual(await shownVerdicts("catalogue.xlsx"), verdictsOf(fromBook[0].result));
});

test("phone width: the checker is usable at 390 px", async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.click("[data-tab=check]");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `page wider than the screen by ${overflow} px`);
  await page.screenshot({ path: join(shots, "checker-phone.png") });
  await page.setViewportSize({ width: 1200, height: 900 });
});

test("no console errors", () => {
  assert.deepEqual(consoleErrors, []);
});
