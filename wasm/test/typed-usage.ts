// A small typed use of the package, checked by `tsc -p wasm/tsconfig.json` (never run): the
// declarations must let a TypeScript user narrow results without casts.
import {
  InspectSession,
  labels,
  checkDocument,
  decodeFrame,
  encodeFrame,
  parseIdent,
  requirements,
  version,
  type GasdevError,
  type Result,
} from "../pkg/node.mjs";

function describe<T>(r: Result<T>, ok: (v: T) => string): string {
  if (r.type === "ok") return ok(r.value);
  const e: GasdevError = r.error;
  return `${e.name} (${e.code}) at ${e.offset ?? e.field ?? "-"}: ${e.message.zh} / ${e.message.en}`;
}

const d = decodeFrame("4744 0120 0100 0162 be39", { protocol: "auto" });
describe(d, (v) => (v.protocol === "libgasdev" ? `${v.frame.seq} ${v.frame.message.type}` : v.packet.command_name));

const id = parseIdent("88.111.1/abc", { requireItem: true });
describe(id, (v) => `${v.scheme} ${v.canonical} ${v.item}`);

const c = checkDocument("{}", { asOf: "2026-06-01" });
describe(c, (v) =>
  v.document === "catalogue"
    ? `${v.report.name}: ${v.report.products.length} products`
    : `${v.report.model}: ${v.report.achieved_tier ?? "none"}`,
);

const t = requirements("leak_alarm", "low");
describe(t, (v) => v.requirements.map((r) => r.id).join(","));

const e = encodeFrame({ seq: 1, timestamp: "unknown", message: { type: "command", command: { kind: "close_valve" }, extensions: [] } });
describe(e, (v) => v.hex);

// A ledger in steps: progress, filtered findings, the CLI's exports, the words of values.
const session = new InspectSession("csv", "household,community\nH-1,A\n", { asOf: "2026-06-01" });
const p = session.step(1000);
describe(p, (x) => `${x.households} of ${x.total} ${x.done}`);
const page = session.findings({ severity: "fail", limit: 10 });
const first: string | undefined = page.rows[0]?.code;
const md = session.exportMarkdown("zh");
describe(md, (text) => text.slice(0, 10));
const csvText: string = session.exportCsv("en");
const word: string | undefined = labels()["alarm_level"]?.["none"]?.zh;
export { first, csvText, word };

const v: string = version();
export { v };
