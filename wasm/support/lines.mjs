// The normalized result line of every case of every shared vector file (spec/vectors/normalized.md),
// computed by calling the built package, plus the raw result of each call as [function name, result] (for the type check),
// plus the full result of the case as canonical JSON (normalized.md, "Full results"), which must equal the Rust and C
// runners' byte for byte. Used by test/vectors.test.mjs; `node support/lines.mjs` prints the lines.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as gasdev from "../pkg/node.mjs";

export const root = fileURLToPath(new URL("../../", import.meta.url));
export const FILES = ["declarations", "identifiers", "frames", "gbt26875", "installation", "credit_codes", "secure"];

export function loadVectors(name) {
  return JSON.parse(readFileSync(`${root}spec/vectors/${name}.json`, "utf8"));
}

const b = (x) => (x ? "true" : "false");
const bytes = (hex) => Uint8Array.from(Buffer.from(hex, "hex"));
const list = (xs) => (xs.length ? xs.join(",") : "-");
const err = (e) => `error=${e.name} offset=${e.offset}`;
const errField = (e) => `error=${e.name} field=${e.field || "-"}`;

// Full results (normalized.md): {result, value} or {result, error}.
const valid = (value) => ({ result: "valid", value });
const invalid = (e) => ({ result: "invalid", error: { name: e.name, offset: e.offset } });
const invalidDoc = (e) => ({
  result: "invalid",
  error: { name: e.name, field: e.field ?? "", line: e.line ?? 0, column: e.column ?? 0 },
});

/** UTF-8 byte order of two strings (the order of the Rust and C runners). */
const byBytes = (a, b) => Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));

/** Canonical JSON: keys sorted by their UTF-8 bytes, no whitespace, JSON.stringify's strings and numbers. */
export function canonical(v) {
  if (v === null || typeof v !== "object") return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  const keys = Object.keys(v).filter((k) => v[k] !== undefined).sort(byBytes);
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(",")}}`;
}

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
  if (r.type === "error") return ["invalid", err(r.error), raw, invalid(r.error)];
  const v = r.value;
  return ["valid", `scheme=${v.scheme} item=${b(v.item)} canonical=${v.canonical}`, raw, valid(v)];
}

function frame(input) {
  if ("stream" in input) {
    const r = gasdev.decodeStream(input.stream);
    const raw = [["decodeStream", r]];
    if (r.type === "error") return ["invalid", err(r.error), raw, invalid(r.error)];
    const ev = r.value.items.map((it) =>
      "frame" in it || "error" in it
        ? `frame:${it.length}`
        : "skipped" in it
          ? `skipped:${it.skipped}`
          : `rejected:${it.rejected.error}@${it.rejected.offset}`,
    );
    return ["valid", `events=${ev.join(";")}`, raw, valid({ items: r.value.items })];
  }
  const opts = { protocol: "libgasdev" };
  if ("declaration" in input) opts.declaration = input.declaration;
  const r = gasdev.decodeFrame(input.frame, opts);
  const raw = [["decodeFrame", r]];
  if (r.type === "error") return ["invalid", err(r.error), raw, invalid(r.error)];
  const v = r.value;
  if ("declaration" in input)
    return ["valid", `findings=${list(v.findings.map((f) => `${f.clause}/${f.rule}`))}`, raw, valid({ findings: v.findings })];
  return ["valid", `type=${v.frame.message.type} seq=${v.frame.seq} ts=${v.frame.timestamp}`, raw, valid(v.frame)];
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
    if (r.type === "error") return ["invalid", err(r.error), raw, invalid(r.error)];
    return ["valid", `packet=${r.value.hex}`, raw, valid(r.value)];
  }
  for (const what of ["alarm", "valve", "frame"]) {
    const req = input[`map_${what}`];
    if (req === undefined) continue;
    const r = gasdev.mapToGbt(what, req);
    const raw = [["mapToGbt", r]];
    if (r.type === "error") return ["invalid", err(r.error), raw, invalid(r.error)];
    const v = r.value;
    const status = v.objects.map((o) => ("status" in o ? String(o.status) : `analog${o.analog_type}`));
    const pk = v.packets ? v.packets.length : "-";
    return ["valid", `objects=${v.objects.length} status=${list(status)} packets=${pk}`, raw, valid(v)];
  }
  const arg = "hex_text" in input ? input.hex_text : bytes(input.packet);
  const base = { protocol: "gbt26875" };
  if ("verify_checksum" in input) base.verifyChecksum = input.verify_checksum;
  const tolerant = gasdev.decodeFrame(arg, base);
  const strict = gasdev.decodeFrame(arg, { ...base, strict: true });
  const raw = [["decodeFrame", tolerant], ["decodeFrame", strict]];
  if (tolerant.type === "error") return ["invalid", err(tolerant.error), raw, invalid(tolerant.error)];
  if (strict.type === "error") {
    const s = strict.error;
    const full = { result: "acceptable", value: tolerant.value.packet, strict: { name: s.name, offset: s.offset } };
    return ["acceptable", `strict=${s.name}@${s.offset} ${packetSummary(tolerant.value.packet)}`, raw, full];
  }
  return ["valid", packetSummary(tolerant.value.packet), raw, valid(tolerant.value.packet)];
}

function failing(findings) {
  return list(findings.filter((f) => f.status === "fail").map((f) => f.id).sort());
}

function decl(input) {
  // A document given as an object is passed as its canonical text, as the Rust and C runners pass it
  // (keys sorted, compact), so that line and column of an error are the same in every runner.
  const text = "json" in input ? input.json : canonical(input.document);
  const r = gasdev.checkDocument(text, { asOf: input.as_of });
  const raw = [["checkDocument", r]];
  if (r.type === "error") return ["invalid", errField(r.error), raw, invalidDoc(r.error)];
  const { document, report } = r.value;
  const full = valid(r.value);
  if (document === "catalogue") {
    const bad = report.products.filter((p) => !p.conformant).length;
    return ["valid", `document=catalogue conformant=${b(report.conformant)} fail=${failing(report.findings)} nonconformant_products=${bad}`, raw, full];
  }
  return ["valid", `document=declaration conformant=${b(report.conformant)} achieved=${report.achieved_tier ?? "none"} fail=${failing(report.findings)}`, raw, full];
}

function install(input) {
  const text = "json" in input ? input.json : canonical(input.record);
  const opts = { asOf: input.as_of };
  if ("catalogue" in input) opts.catalogue = canonical(input.catalogue);
  if ("declarations" in input) opts.declarations = canonical(input.declarations);
  const r = gasdev.inspect(text, opts);
  const raw = [["inspect", r]];
  if (r.type === "error") return ["invalid", errField(r.error), raw, invalidDoc(r.error)];
  const v = r.value;
  return ["valid", `compliant=${b(v.compliant)} findings=${list(v.findings.map((f) => f.code))}`, raw, valid({ document: "inspection", report: v })];
}

function credit(input) {
  const r = gasdev.checkCreditCode("text" in input ? input.text : bytes(input.hex));
  const raw = [["checkCreditCode", r]];
  if (r.type === "error") return ["invalid", err(r.error), raw, invalid(r.error)];
  return ["valid", `region=${r.value.region} organisation_code=${r.value.organisation_code}`, raw, valid(r.value)];
}

/** The restored replay window of a key (secure.json `accepted`): the largest counter is the highest, the rest bits. */
export function restoredState(window, accepted) {
  const s = gasdev.newReplayState(window.size, window.max_jump);
  if (accepted.length === 0) return s;
  const h = Math.max(...accepted);
  let bits = 0n;
  for (const c of accepted) if (h - c < 64) bits |= 1n << BigInt(h - c);
  return { ...s, highest: h, bitmap: bits.toString(16).padStart(16, "0") };
}

/** The key id a sealed frame names (its security TLV, type 255, ends 4 bytes before the end), or -1. */
function frameKeyId(hex) {
  const f = bytes(hex);
  const tlv = f.length - 20;
  return tlv >= 0 && f[tlv] === 0xff ? f[tlv + 3] : -1;
}

/** Authenticated frames (spec/security.md) through sealFrame / openFrame / newReplayState. derive_key cases
 *  are not run (no JavaScript key derivation: a web page never holds a master key; spec/exceptions/wasm.json). */
function secure(input) {
  if (input.op === "seal") {
    const r = gasdev.sealFrame(input.frame, input.key, input.key_id, input.counter);
    const raw = [["sealFrame", r]];
    if (r.type === "error") return ["invalid", err(r.error), raw, invalid(r.error)];
    return ["valid", `frame=${r.value.hex}`, raw, valid(r.value)];
  }
  if (input.op !== "open") return null;
  // The receiver opens with the key whose id the frame names, or its first key (which then reports the id).
  const kid = frameKeyId(input.frame);
  const k = input.keys.find((x) => x.key_id === kid) ?? input.keys[0];
  const state = restoredState(input.window, k.accepted);
  const r = gasdev.openFrame(input.frame, k.key, k.key_id, state, input.policy);
  const raw = [["openFrame", r]];
  if (r.type === "error") return ["invalid", err(r.error), raw, invalid(r.error)];
  const v = r.value;
  const who = v.authenticated ? `key_id=${v.key_id} counter=${v.counter}` : "key_id=- counter=-";
  return ["valid", `authenticated=${b(v.authenticated)} ${who} msg_type=${v.msg_type}`, raw, valid(v)];
}

const RUN = { credit_codes: credit, identifiers: ident, frames: frame, gbt26875: gbt, declarations: decl, installation: install, secure };

/** Every case the package runs, in file order: {area, tcId, line, full, results}. */
export function runAll() {
  const out = [];
  for (const area of FILES) {
    for (const c of loadVectors(area).tests) {
      const ran = RUN[area](c.input);
      if (ran === null) continue;
      const [result, summary, results, full] = ran;
      const id = `${area}#${c.tcId}`;
      out.push({ area, tcId: c.tcId, expected: c.result, line: `${id} ${result} ${summary}`, full: `${id} ${canonical(full)}`, results });
    }
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const full = process.argv.includes("--full");
  for (const c of runAll()) console.log(full ? c.full : c.line);
}
