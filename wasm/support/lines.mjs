// The normalized result line of every case of every shared vector file (spec/vectors/normalized.md),
// computed by calling the built package, plus the raw result of each call as [function name, result] (for the type check).
// Used by test/vectors.test.mjs; `node test/lines.mjs` prints the lines.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as gasdev from "../pkg/node.mjs";

export const root = fileURLToPath(new URL("../../", import.meta.url));
export const FILES = ["declarations", "identifiers", "frames", "gbt26875", "installation", "credit_codes"];

export function loadVectors(name) {
  return JSON.parse(readFileSync(`${root}spec/vectors/${name}.json`, "utf8"));
}

const b = (x) => (x ? "true" : "false");
const bytes = (hex) => Uint8Array.from(Buffer.from(hex, "hex"));
const list = (xs) => (xs.length ? xs.join(",") : "-");
const err = (e) => `error=${e.name} offset=${e.offset}`;
const errField = (e) => `error=${e.name} field=${e.field || "-"}`;

/** Run one identifiers case; returns [result, summary, raw results]. */
function ident(input) {
  let arg;
  const opts = {};
  if ("scheme" in input) opts.scheme = input.scheme;
  if (input.require_item) opts.requireItem = true;
  if ("text" in input) arg = input.text;
  else if ("hex" in input) arg = bytes(input.hex);
  else if ("hex_repeat" in input) arg = bytes(input.hex_repeat.repeat(input.count));
  else if ("concat" in input)
    arg = input.concat.map((p) => (typeof p === "string" ? p : p.repeat.repeat(p.count))).join("");
  const r = gasdev.parseIdent(arg, opts);
  const raw = [["parseIdent", r]];
  if (r.type === "error") return ["invalid", err(r.error), raw];
  const v = r.value;
  return ["valid", `scheme=${v.scheme} item=${b(v.item)} canonical=${v.canonical}`, raw];
}

function frame(input) {
  if ("stream" in input) {
    const r = gasdev.decodeStream(input.stream);
    const raw = [["decodeStream", r]];
    if (r.type === "error") return ["invalid", err(r.error), raw];
    const ev = r.value.items.map((it) =>
      "frame" in it || "error" in it
        ? `frame:${it.length}`
        : "skipped" in it
          ? `skipped:${it.skipped}`
          : `rejected:${it.rejected.error}@${it.rejected.offset}`,
    );
    return ["valid", `events=${ev.join(";")}`, raw];
  }
  const opts = { protocol: "libgasdev" };
  if ("declaration" in input) opts.declaration = input.declaration;
  const r = gasdev.decodeFrame(input.frame, opts);
  const raw = [["decodeFrame", r]];
  if (r.type === "error") return ["invalid", err(r.error), raw];
  const v = r.value;
  if ("declaration" in input)
    return ["valid", `findings=${list(v.findings.map((f) => `${f.clause}/${f.rule}`))}`, raw];
  return ["valid", `type=${v.frame.message.type} seq=${v.frame.seq} ts=${v.frame.timestamp}`, raw];
}

function packetSummary(p) {
  const adu = p.adu;
  const t = adu ? adu.type : "-";
  const n = adu ? (adu.objects ?? []).length : 0;
  return `command=${p.command} type=${t} objects=${n} checksum_ok=${b(p.checksum_ok)}`;
}

function gbt(input) {
  if ("answer" in input) {
    const r = gasdev.gbtAnswer(bytes(input.packet), input.answer, input.time);
    const raw = [["gbtAnswer", r]];
    if (r.type === "error") return ["invalid", err(r.error), raw];
    return ["valid", `packet=${r.value.hex}`, raw];
  }
  for (const what of ["alarm", "valve", "frame"]) {
    const req = input[`map_${what}`];
    if (req === undefined) continue;
    const r = gasdev.mapToGbt(what, req);
    const raw = [["mapToGbt", r]];
    if (r.type === "error") return ["invalid", err(r.error), raw];
    const v = r.value;
    const status = v.objects.map((o) => ("status" in o ? String(o.status) : `analog${o.analog_type}`));
    const pk = v.packets ? v.packets.length : "-";
    return ["valid", `objects=${v.objects.length} status=${list(status)} packets=${pk}`, raw];
  }
  const arg = "hex_text" in input ? input.hex_text : bytes(input.packet);
  const base = { protocol: "gbt26875" };
  if ("verify_checksum" in input) base.verifyChecksum = input.verify_checksum;
  const tolerant = gasdev.decodeFrame(arg, base);
  const strict = gasdev.decodeFrame(arg, { ...base, strict: true });
  const raw = [["decodeFrame", tolerant], ["decodeFrame", strict]];
  if (tolerant.type === "error") return ["invalid", err(tolerant.error), raw];
  if (strict.type === "error") {
    const s = strict.error;
    return ["acceptable", `strict=${s.name}@${s.offset} ${packetSummary(tolerant.value.packet)}`, raw];
  }
  return ["valid", packetSummary(tolerant.value.packet), raw];
}

function failing(findings) {
  return list(findings.filter((f) => f.status === "fail").map((f) => f.id).sort());
}

function decl(input) {
  const text = "json" in input ? input.json : JSON.stringify(input.document);
  const r = gasdev.checkDocument(text, { asOf: input.as_of });
  const raw = [["checkDocument", r]];
  if (r.type === "error") return ["invalid", errField(r.error), raw];
  const { document, report } = r.value;
  if (document === "catalogue") {
    const bad = report.products.filter((p) => !p.conformant).length;
    return ["valid", `document=catalogue conformant=${b(report.conformant)} fail=${failing(report.findings)} nonconformant_products=${bad}`, raw];
  }
  return ["valid", `document=declaration conformant=${b(report.conformant)} achieved=${report.achieved_tier ?? "none"} fail=${failing(report.findings)}`, raw];
}

function install(input) {
  const text = "json" in input ? input.json : JSON.stringify(input.record);
  const opts = { asOf: input.as_of };
  if ("catalogue" in input) opts.catalogue = input.catalogue;
  if ("declarations" in input) opts.declarations = input.declarations;
  const r = gasdev.inspect(text, opts);
  const raw = [["inspect", r]];
  if (r.type === "error") return ["invalid", errField(r.error), raw];
  const v = r.value;
  return ["valid", `compliant=${b(v.compliant)} findings=${list(v.findings.map((f) => f.code))}`, raw];
}

function credit(input) {
  const r = gasdev.checkCreditCode("text" in input ? input.text : bytes(input.hex));
  const raw = [["checkCreditCode", r]];
  if (r.type === "error") return ["invalid", err(r.error), raw];
  return ["valid", `region=${r.value.region} organisation_code=${r.value.organisation_code}`, raw];
}

const RUN = { credit_codes: credit, identifiers: ident, frames: frame, gbt26875: gbt, declarations: decl, installation: install };

/** Every case in file order: {area, tcId, line, results}. */
export function runAll() {
  const out = [];
  for (const area of FILES) {
    for (const c of loadVectors(area).tests) {
      const [result, summary, results] = RUN[area](c.input);
      out.push({ area, tcId: c.tcId, expected: c.result, line: `${area}#${c.tcId} ${result} ${summary}`, results });
    }
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const c of runAll()) console.log(c.line);
}
