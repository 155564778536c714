// The JavaScript contract of the package (wasm/pkg): tagged results, misuse throws, inputs as
// strings or Uint8Array (a Node Buffer is one), options objects with unknown keys refused.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as g from "../pkg/node.mjs";

const FRAME = "4744012001000162be390001010205000202010003070101f40000015e040502000004b0ed856dc8";
const example = (f) => readFileSync(new URL(`../../spec/examples/${f}`, import.meta.url), "utf8");

test("version is the crate's", () => {
  const cargo = readFileSync(new URL("../../Cargo.toml", import.meta.url), "utf8");
  assert.equal(g.version(), cargo.match(/^version = "(.*)"/m)[1]);
});

test("decodeFrame: hex, Buffer, Uint8Array and a capture saved as text give the same frame", () => {
  const inputs = [FRAME, FRAME.toUpperCase().match(/..../g).join(" \n"), Buffer.from(FRAME, "hex"), new TextEncoder().encode(FRAME + "\n")];
  const frames = inputs.map((i) => g.decodeFrame(i));
  for (const r of frames) {
    assert.equal(r.type, "ok");
    assert.deepEqual(r.value.frame, frames[0].value.frame);
  }
  assert.deepEqual(frames.map((r) => r.value.source), ["hex", "hex", "bytes", "hex"]);
  assert.equal(g.decodeFrame(FRAME, undefined).type, "ok");
  assert.equal(g.decodeFrame(FRAME, null).type, "ok");
});

test("decodeFrame: GB/T 26875.3 detected by @@ and 4040; explicit protocols", () => {
  const gbt = "404001000100001e0c0105180000000000000100000000000000034e2323";
  assert.equal(g.decodeFrame(gbt).value.protocol, "gbt26875");
  assert.equal(g.decodeFrame(Buffer.from(gbt, "hex")).value.protocol, "gbt26875");
  const forced = g.decodeFrame(gbt, { protocol: "libgasdev" });
  assert.equal(forced.error.name, "FRAME_BAD_MAGIC");
  assert.equal(g.decodeFrame(FRAME, { protocol: "gbt26875" }).error.name, "GBT_BAD_START");
});

test("domain failures are results, with both languages and the byte offset", () => {
  const r = g.decodeFrame("47 44 zz");
  assert.deepEqual(Object.keys(r), ["type", "error"]);
  assert.equal(r.error.name, "FRAME_BAD_HEX");
  assert.equal(r.error.offset, 6);
  assert.ok(r.error.message.zh && r.error.message.en);
  assert.equal(g.decodeFrame("").error.name, "INPUT_EMPTY");
  assert.equal(g.decodeFrame(new Uint8Array([0xff, 0x00, 0x12])).error.name, "FRAME_BAD_MAGIC");
  assert.equal(g.checkDocument("not json").error.name, "INPUT_JSON_SYNTAX");
  assert.equal(g.checkDeclaration(example("catalogue.json")).error.name, "INPUT_UNKNOWN_DOCUMENT");
  assert.equal(g.requirements("boiler").error.field, "kind");
  const id = g.parseIdent("88.111:1/x");
  assert.deepEqual([id.error.name, id.error.offset, id.error.scheme], ["IDENT_BAD_CHAR", 6, "idis"]);
});

test("misuse throws: wrong argument types, unknown options and option values", () => {
  assert.throws(() => g.decodeFrame(42), /Uint8Array or a string/);
  assert.throws(() => g.decodeFrame({}), /Uint8Array or a string/);
  assert.throws(() => g.decodeFrame(FRAME, { stirct: true }), /unknown field/);
  assert.throws(() => g.decodeFrame(FRAME, { protocol: "modbus" }), /unknown variant/);
  assert.throws(() => g.decodeFrame(FRAME, "strict"), /options must be an object/);
  assert.throws(() => g.parseIdent("x", { scheme: "isbn" }), /unknown scheme/);
  assert.throws(() => g.checkDocument(7), /JSON text or an object/);
  assert.throws(() => g.requirements(1), /must be a string/);
  assert.throws(() => g.gbtAnswer(FRAME, "maybe", "2024-05-01T12:30:00"), /confirm or deny/);
  assert.throws(() => g.mapToGbt("boiler", {}), /alarm, valve or frame/);
});

test("documents as text or objects give the same report; asOf is honoured", () => {
  const text = example("declaration-alarm-mid.json");
  const a = g.checkDeclaration(text, { asOf: "2026-06-01" });
  const b = g.checkDeclaration(JSON.parse(text), { asOf: "2026-06-01" });
  assert.equal(a.type, "ok");
  assert.deepEqual(a, b);
  const later = g.checkDocument(text, { asOf: "2099-01-01" });
  assert.equal(later.value.as_of, "2099-01-01");
  assert.equal(later.value.report.conformant, false, "certificates expire");
  assert.equal(g.checkDocument(text, { asOf: "2026-02-30" }).error.name, "INPUT_BAD_DATE");
});

test("encodeFrame round-trips decodeFrame, and refuses a remote valve opening", () => {
  const frame = g.decodeFrame(FRAME).value.frame;
  assert.deepEqual(g.encodeFrame(frame), { type: "ok", value: { hex: FRAME, length: 40 } });
  assert.deepEqual(g.encodeFrame(JSON.stringify(frame)), g.encodeFrame(frame));
  const open = { seq: 1, timestamp: "unknown", message: { type: "command", command: { kind: "open_valve" } } };
  assert.equal(g.encodeFrame(open).error.name, "FRAME_FORBIDDEN_COMMAND");
});

test("inspect with a catalogue, requirements filters", () => {
  const rec = example("inspections.jsonl").split("\n").filter(Boolean);
  const cat = example("catalogue.json");
  const reports = rec.map((l) => g.inspect(l, { catalogue: cat, asOf: "2026-06-01" }));
  // The example has bad rows on purpose: each is an INPUT_* error, the others are reports.
  assert.ok(reports.every((r) => r.type === "ok" || r.error.name.startsWith("INPUT_")));
  assert.ok(reports.filter((r) => r.type === "ok").length >= rec.length / 2);
  assert.ok(reports.some((r) => r.type === "ok" && !r.value.compliant));
  const all = g.requirements().value.requirements.length;
  const low = g.requirements("leak_alarm", "low").value.requirements.length;
  assert.ok(0 < low && low < all);
});

test("countFrames counts without decoding to JSON", () => {
  const one = Buffer.from(FRAME, "hex");
  assert.deepEqual(g.countFrames(Buffer.concat([Buffer.from([1, 2, 3]), one, one])), { frames: 2, skipped: 3, rejected: 0 });
});

test("exportCheck: the batch checked, summarised and rendered by the core, as `gasdev check` prints it", () => {
  const files = ["catalogue.json", "declaration-alarm-mid.json"].map((path) => ({ path, text: example(path) }));
  files.push({ path: "broken.json", text: "{\"model\": " });
  const json = g.exportCheck(files, { format: "json", asOf: "2026-12-01" });
  assert.equal(json.type, "ok");
  const batch = JSON.parse(json.value);
  assert.equal(batch.files.length, 3);
  assert.equal(batch.files[2].error.name, "INPUT_JSON_SYNTAX");
  assert.equal(batch.summary.files, 3);
  assert.equal(batch.summary.input_errors, 1);
  assert.equal(batch.summary.conformant, false);
  assert.equal(batch.as_of, "2026-12-01");
  const md = g.exportCheck(files, { format: "markdown", lang: "en", asOf: "2026-12-01", failuresOnly: true });
  assert.match(md.value, /^# Gas safety device conformance report\n/);
  // Markdown: text from input escaped by the core (`_` would start emphasis).
  assert.match(md.value, /input error broken\.json:1:10: INPUT\\_JSON\\_SYNTAX /);
  assert.equal(g.exportCheck(files, { asOf: "2026-02-30" }).error.name, "INPUT_BAD_DATE");
  assert.throws(() => g.exportCheck(files, { format: "pdf" }), /unknown variant `pdf`/);
  assert.throws(() => g.exportCheck(files, { colour: true }), /unknown field `colour`/);
  assert.throws(() => g.exportCheck("nope", {}), /array of \{path, text\}/);
});

test("inspectAll: every record, the rejects with their number, and the core's summary", () => {
  const lines = example("inspections.jsonl").split("\n").filter((l) => l.trim());
  const records = [...lines, "{\"household\": 5}"];
  const r = g.inspectAll(records, { asOf: "2026-12-01", catalogue: example("catalogue.json") });
  assert.equal(r.type, "ok");
  // The example district: 26 households and 6 records rejected on purpose (lines 27-32).
  assert.equal(r.value.households.length, 26);
  assert.deepEqual(r.value.rejects.map((e) => e.line), [27, 28, 29, 30, 31, 32, 33]);
  assert.equal(r.value.rejects[6].name, "INPUT_JSON_TYPE");
  const s = r.value.summary;
  assert.equal(s.households, 26);
  assert.equal(s.rejected_rows, 7);
  assert.equal(s.compliant + s.non_compliant, s.households);
  assert.equal(
    Object.values(s.communities).reduce((n, c) => n + c.households, 0),
    s.households,
  );
  assert.equal(g.inspectAll(records, { catalogue: "{" }).error.field, "catalogue");
});

test("labels: the core's words for enumerated values, both languages, machine names as keys", () => {
  const l = g.labels();
  assert.deepEqual(l.alarm_level.none, { zh: "无报警", en: "no alarm" });
  assert.equal(l.device_kind.leak_alarm.zh, "燃气泄漏报警装置");
  assert.equal(l.valve_state.open.zh, "开启");
  assert.equal(l.message_type.status.zh, "状态上报（心跳）");
  assert.equal(l.check_status.needs_evidence.zh, "需补充证明");
  assert.equal(l.gbt_command.confirm.zh, "确认");
  assert.equal(l.severity.fail.zh, "不合格");
  assert.equal(l.gbt_bit.fire_alarm.zh, "火警");
  assert.equal(l.finding_code.gas_mismatch.zh, "适用气种不符");
  // Every value a decoded frame carries for these fields has a word.
  const f = g.decodeFrame(FRAME).value.frame;
  for (const [table, v] of [["message_type", f.message.type], ["device_kind", f.message.kind], ["alarm_level", f.message.alarm.gas], ["valve_state", f.message.valve.state]])
    assert.ok(l[table][v]?.zh, `${table}.${v}`);
  for (const t of Object.values(l)) for (const w of Object.values(t)) assert.ok(w.zh && w.en);
});
