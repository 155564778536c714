// Catalogue workbooks in the sheets module (`checkWorkbook`, `exportCheck` with `{path, bytes}`):
// the entries of `gasdev check catalogue.xlsx` from the core's reader, the same report as the JSON
// catalogue, and, with GASDEV_CLI set (as scripts/test-all does), the CLI's JSON and Markdown byte
// for byte, also for a workbook with a bad cell (one rejected row, the other rows checked).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as g from "../pkg/node.mjs";
import { checkWorkbook, exportCheck, initSync } from "../pkg/gasdev_sheets.js";
import { withCell } from "../support/xlsx-cell.mjs";

initSync({ module: readFileSync(new URL("../pkg/gasdev_sheets_bg.wasm", import.meta.url)) });
const examples = new URL("../../spec/examples/", import.meta.url).pathname;
const book = readFileSync(join(examples, "catalogue.xlsx"));
const asOf = "2026-12-01";
/** The example workbook with an invalid price in row 3 of its products sheet. */
const badBook = withCell(book, "xl/worksheets/sheet2.xml", "产品价格", 3, "12元8角");

/** `gasdev check NAME --format FORMAT` run in `dir` (exit 1 or 2 expected: findings, rejected rows). */
function cli(dir, name, format) {
  try {
    return execFileSync(process.env.GASDEV_CLI, ["check", name, "--format", format, "--as-of", asOf], { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  } catch (e) {
    return e.stdout;
  }
}

/** The CLI's output for `bytes` written as NAME into a fresh directory. */
function cliOn(bytes, name, format) {
  const dir = mkdtempSync(join(tmpdir(), "gasdev-xlsx-"));
  try {
    writeFileSync(join(dir, name), bytes);
    return cli(dir, name, format);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("checkWorkbook: the example workbook is the JSON example's catalogue, checked the same", () => {
  const r = checkWorkbook(book, "catalogue.xlsx", { asOf });
  assert.equal(r.type, "ok");
  assert.equal(r.value.length, 1);
  const [{ path, result }] = r.value;
  assert.equal(path, "catalogue.xlsx");
  const json = g.checkDocument(readFileSync(join(examples, "catalogue.json"), "utf8"), { asOf });
  assert.deepEqual(result, json);
  assert.equal(result.value.document, "catalogue");
  assert.equal(result.value.report.conformant, false);
});

test("checkWorkbook: a bad cell rejects its row (sheet, row, column, header, shared name); the other rows are checked", () => {
  const r = checkWorkbook(badBook, "bad.xlsx", { asOf });
  assert.deepEqual(
    r.value.map((e) => [e.path, e.result.type]),
    [
      ["bad.xlsx[目录清单]", "error"],
      ["bad.xlsx", "ok"],
    ],
  );
  const { name, line, column, field } = r.value[0].result.error;
  assert.deepEqual({ name, line, column, field }, { name: "INPUT_BAD_PRICE", line: 3, column: 13, field: "产品价格" });
  const good = checkWorkbook(book, "bad.xlsx", { asOf }).value[0].result.value.report;
  assert.equal(r.value[1].result.value.report.products.length, good.products.length - 1);
  // Not a workbook, an unknown option, a bad date.
  const notBook = checkWorkbook(Buffer.from("{\"vendors\": []}"), "x.xlsx", { asOf });
  assert.deepEqual(notBook.value.map((e) => [e.path, e.result.error.name]), [["x.xlsx", "INPUT_NOT_WORKBOOK"]]);
  assert.equal(checkWorkbook(book, "x.xlsx", { asOf: "2026-02-30" }).error.name, "INPUT_BAD_DATE");
  assert.throws(() => checkWorkbook(book, "x.xlsx", { colour: 1 }), /unknown field `colour`/);
});

test("exportCheck with workbooks: `gasdev check catalogue.xlsx` JSON and Markdown, byte for byte", () => {
  const batch = (files, format, lang) => exportCheck(files, { format, lang, asOf }).value;
  const files = [{ path: "catalogue.xlsx", bytes: book }];
  const json = JSON.parse(batch(files, "json"));
  assert.deepEqual(
    json.files.map((f) => f.report),
    checkWorkbook(book, "catalogue.xlsx", { asOf }).value.map((e) => e.result.value.report),
  );
  // The platform module reads no workbook: its entry says so, the rest of the batch goes on.
  const platform = JSON.parse(g.exportCheck([...files, { path: "a.json", text: "{}" }], { asOf }).value);
  assert.deepEqual(platform.files.map((f) => f.error?.name), ["INPUT_NOT_WORKBOOK", "INPUT_UNKNOWN_DOCUMENT"]);
  if (!process.env.GASDEV_CLI) return;
  assert.equal(batch(files, "json"), cli(examples, "catalogue.xlsx", "json"));
  assert.equal(batch(files, "markdown", "zh"), cli(examples, "catalogue.xlsx", "markdown"));
  const bad = [{ path: "bad.xlsx", bytes: badBook }];
  assert.equal(batch(bad, "json"), cliOn(badBook, "bad.xlsx", "json"));
  assert.equal(batch(bad, "markdown", "zh"), cliOn(badBook, "bad.xlsx", "markdown"));
  // The entries checkWorkbook gives are the CLI's batch entries.
  const fromCli = JSON.parse(cliOn(badBook, "bad.xlsx", "json")).files;
  const entries = checkWorkbook(badBook, "bad.xlsx", { asOf }).value;
  assert.deepEqual(
    entries.map((e) => [e.path, e.result.value?.report ?? e.result.error.name]),
    fromCli.map((f) => [f.path, f.report ?? f.error.name]),
  );
});
