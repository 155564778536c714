// InspectSession (platform module; workbooks in the sheets module): a ledger inspected in steps gives
// the batch of one call, and its exports are the CLI's output byte for byte (GASDEV_CLI set, as
// scripts/test-all does: `gasdev inspect … --format csv`).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import * as g from "../pkg/node.mjs";
import { initSync, InspectSession as SheetsSession } from "../pkg/gasdev_sheets.js";

initSync({ module: readFileSync(new URL("../pkg/gasdev_sheets_bg.wasm", import.meta.url)) });
const path = (f) => new URL(`../../spec/examples/${f}`, import.meta.url).pathname;
const asOf = "2026-06-01";

function run(session, step) {
  let p;
  let steps = 0;
  do {
    p = session.step(step);
    steps++;
  } while (p.type === "ok" && !p.value.done);
  return { p, steps };
}

test("InspectSession: steps, progress, summary, ranking, filters; the same for JSON lines, CSV and XLSX", () => {
  const results = [];
  for (const [format, file, Session] of [["jsonl", "inspections.jsonl", g.InspectSession], ["csv", "inspections.csv", g.InspectSession], ["xlsx", "inspections.xlsx", SheetsSession]]) {
    const s = new Session(format, readFileSync(path(file)), { asOf });
    const { p, steps } = run(s, 4);
    assert.equal(p.type, "ok", file);
    assert.ok(steps > 2, file);
    assert.equal(p.value.read, p.value.total);
    const { summary, ranking } = s.summary();
    assert.equal(summary.households, p.value.households);
    assert.equal(ranking.length, Object.keys(summary.communities).length);
    const all = s.findings({ limit: 100000 });
    assert.equal(all.total, Object.values(summary.findings).reduce((a, b) => a + b, 0));
    const fails = s.findings({ severity: "fail" });
    assert.ok(fails.rows.every((r) => r.severity === "fail") && fails.total < all.total);
    const c = ranking[0].community;
    assert.ok(s.findings({ community: c, limit: 100000 }).rows.every((r) => (r.community ?? "-") === c));
    assert.equal(s.findings({ offset: 2, limit: 3 }).rows[0].household, all.rows[2].household);
    assert.equal(s.rejects(0, 100).total, summary.rejected_rows);
    const charts = s.charts("zh");
    assert.deepEqual(charts.map((x) => x.name), ["compliance-by-community", "findings-by-code", "overdue-by-deadline"]);
    assert.ok(charts.every((x) => x.svg.startsWith("<svg")));
    results.push([summary, s.exportCsv("zh"), s.exportCsv("en")]);
  }
  // The three forms of the example ledger are the same households.
  assert.deepEqual(results[1], results[2]);
  assert.equal(results[0][0].households, results[1][0].households);
});

test("InspectSession: misuse throws, input and option errors are results", () => {
  assert.throws(() => new g.InspectSession("ods", ""), /unknown format/);
  assert.throws(() => new g.InspectSession("csv", 7), /Uint8Array or a string/);
  assert.throws(() => new g.InspectSession("csv", "", { asof: asOf }), /unknown field/);
  assert.throws(() => new g.InspectSession("csv", "").charts("fr"), /unknown variant/);
  assert.equal(new g.InspectSession("csv", "a,b", { catalogue: "{" }).step(10).error.name, "INPUT_JSON_SYNTAX");
  assert.equal(new g.InspectSession("xlsx", readFileSync(path("inspections.xlsx"))).step(10).error.name, "INPUT_NOT_WORKBOOK");
  assert.equal(new SheetsSession("xlsx", "not a zip").step(10).error.name, "INPUT_NOT_WORKBOOK");
  const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
  assert.match(new SheetsSession("xlsx", ole).step(10).error.message.en, /password-protected/);
  // A bad row is rejected with its line; the rest go on.
  const csv = readFileSync(path("inspections.csv"), "utf8").split("\n");
  const bad = [csv[0], "H-X,,,,,,,,", ...csv.slice(1)].join("\n");
  const s = new g.InspectSession("csv", bad, { asOf });
  run(s, 1000);
  assert.ok(s.rejects(0, 1).rows[0].line >= 2);
});

test("InspectSession: the workbook export (sheets module) is an .xlsx; the platform module writes none", () => {
  const s = new SheetsSession("csv", readFileSync(path("inspections.csv")), { asOf });
  run(s, 1000);
  const x = s.exportXlsx("zh");
  assert.equal(x.type, "ok");
  assert.deepEqual([...x.value.subarray(0, 2)], [0x50, 0x4b]); // a zip
  assert.equal(new g.InspectSession("csv", "x").exportXlsx, undefined); // platform module: no workbooks
});

test("InspectSession: the CSV and Markdown exports are `gasdev inspect --format csv|markdown` byte for byte", { skip: !process.env.GASDEV_CLI }, () => {
  const cli = (file, format, lang) => {
    try {
      return execFileSync(process.env.GASDEV_CLI, ["inspect", path(file), "--format", format, "--as-of", asOf, "--lang", lang], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    } catch (e) {
      return e.stdout; // exit 1 or 2: findings and rejected rows, as expected
    }
  };
  for (const file of ["inspections.csv", "inspections.jsonl", "inspections.xlsx"]) {
    for (const lang of ["zh", "en"]) {
      const S = file.endsWith("xlsx") ? SheetsSession : g.InspectSession;
      const s = new S(file.split(".").pop(), readFileSync(path(file)), { asOf });
      run(s, 7);
      assert.equal(s.exportCsv(lang), cli(file, "csv", lang), `${file} ${lang}`);
      const md = s.exportMarkdown(lang);
      assert.equal(md.type, "ok");
      assert.equal(md.value, cli(file, "markdown", lang), `${file} ${lang} markdown`);
    }
  }
});
