#!/usr/bin/env python3
"""Write the `ALL` table of core/src/requirements.rs from spec/requirements.json.

spec/requirements.json is the single source of truth; the Rust table is generated from it by this script (run
from the repository root: `python3 spec/tools/gen_requirements_rs.py`, then `cargo fmt`), and
core/tests/spec_sync.rs fails if the two differ in any field.
"""
import json, pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
SRC = ROOT / "core/src/requirements.rs"
doc = json.loads((ROOT / "spec/requirements.json").read_text(encoding="utf-8"))

def camel(s):
    return "".join(p.capitalize() for p in s.split("_"))

def lit(s):
    return json.dumps(s, ensure_ascii=False)

out = ["pub static ALL: &[Requirement] = &["]
for r in doc["requirements"]:
    tiers = "TierSet::EMPTY" + "".join(f".with(Tier::{camel(t)})" for t in r["tiers"])
    std = ", ".join(lit(s) for s in r.get("standards", []))
    interp = f"Some({lit(r['interpretation'])})" if "interpretation" in r else "None"
    src = f"Some({lit(r['source_text'])})" if r.get("source_text") is not None else "None"
    out.append(f"""    Requirement {{
        id: {lit(r['id'])},
        scope: Scope::{camel(r['scope'])},
        clause: {lit(r['clause'])},
        tiers: {tiers},
        check: CheckKind::{camel(r['check'])},
        text: Text::new({lit(r['zh'])}, {lit(r['en'])}),
        source_text: {src},
        standards: &[{std}],
        interpretation: {interp},
    }},""")
out.append("];\n")
text = SRC.read_text(encoding="utf-8")
head = text[: text.index("pub static ALL: &[Requirement] = &[")]
SRC.write_text(head + "\n".join(out), encoding="utf-8")
print(f"{len(doc['requirements'])} requirements written to {SRC.relative_to(ROOT)}")
