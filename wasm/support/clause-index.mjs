// The clause -> vectors index of the web tool's requirements page, derived from the shared vectors
// (every case of spec/vectors/*.json lists the clause ids it tests in `spec`), so that the page never
// carries a hand-written list. Run by wasm/build.sh:
//   node wasm/support/clause-index.mjs OUT.json   ->  {"ALM-1a": [["declarations", 1, "description"], …], …}
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** {clause id: [[vector file, tcId, description], …]} over every vector file, in file and case order. */
export function clauseIndex(dir = `${root}spec/vectors`) {
  const index = {};
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    const file = f.replace(/\.json$/, "");
    for (const c of JSON.parse(readFileSync(`${dir}/${f}`, "utf8")).tests ?? [])
      for (const id of c.spec ?? []) (index[id] ??= []).push([file, c.tcId, c.description ?? ""]);
  }
  return index;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = process.argv[2];
  if (!out) throw new Error("usage: node clause-index.mjs OUT.json");
  writeFileSync(out, JSON.stringify(clauseIndex()));
}
