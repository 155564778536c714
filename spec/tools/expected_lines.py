#!/usr/bin/env python3
"""Print the normalized line of every case of every vector file, derived from the vectors' expected values.

Every runner (Rust `cargo run -p gasdev --example vector_lines --features json,secure`, the C runner, the JS runner) prints the same
lines from its own results; CI diffs each against this output. Format: spec/vectors/normalized.md.
Usage: python3 spec/tools/expected_lines.py [spec/vectors]
"""
import json, pathlib, sys

VECTORS = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parents[1] / "vectors")
FILES = ["declarations", "identifiers", "frames", "gbt26875", "installation", "credit_codes", "secure"]

def b(x):
    return "true" if x else "false"

def err(e):
    return f"error={e['error']} offset={e['offset']}"

def offset_errors(summary):
    """A case's line: `error=NAME offset=N` when it expects an error, else `summary(expected, input)`."""
    def line(case):
        e = case["expected"]
        return err(e) if "error" in e else summary(e, case["input"])
    return line

def field_errors(summary):
    """A case's line: `error=NAME field=PATH` (`-` at the top) when it expects an error, else
    `summary(expected, input)`."""
    def line(case):
        e = case["expected"]
        return f"error={e['error']} field={e['field'] or '-'}" if "error" in e else summary(e, case["input"])
    return line

@offset_errors
def ident(e, _):
    return f"scheme={e['scheme']} item={b(e['item'])} canonical={e['canonical']}"

@offset_errors
def credit(e, _):
    return f"region={e['region']} organisation_code={e['organisation_code']}"

@offset_errors
def frame(e, i):
    if "stream" in i:
        parts = []
        for ev in e["events"]:
            if "frame" in ev:
                parts.append(f"frame:{len(ev['frame']) // 2}")
            elif "skipped" in ev:
                parts.append(f"skipped:{ev['skipped']}")
            else:
                parts.append(f"rejected:{ev['rejected']['error']}@{ev['rejected']['offset']}")
        return "events=" + ";".join(parts)
    if "declaration" in i:
        f = [f"{x['clause']}/{x['rule']}" for x in e["findings"]]
        return "findings=" + (",".join(f) or "-")
    return f"type={e['message']['type']} seq={e['seq']} ts={e['timestamp']}"

def packet(p):
    adu = p.get("adu")
    t = adu["type"] if adu else "-"
    n = len(adu.get("objects", [])) if adu else 0
    return f"command={p['command']} type={t} objects={n} checksum_ok={b(p['checksum_ok'])}"

def gbt(case):
    e, i = case["expected"], case["input"]
    if case["result"] == "acceptable":
        s = e["strict"]
        return f"strict={s['error']}@{s['offset']} " + packet(e["tolerant"])
    if "error" in e:
        return err(e)
    if "answer" in i:
        return f"packet={e['packet']}"
    if any(k.startswith("map_") for k in i):
        status = ",".join(str(o["status"]) if "status" in o else f"analog{o['analog_type']}" for o in e["objects"])
        pk = len(e["packets"]) if "packets" in e else "-"
        return f"objects={len(e['objects'])} status={status or '-'} packets={pk}"
    return packet(e)

@field_errors
def decl(e, _):
    fails = sorted(k for k, v in e["findings"].items() if v == "fail")
    if e["document"] == "catalogue":
        bad = sum(1 for p in e["products"] if not p["conformant"])
        return f"document=catalogue conformant={b(e['conformant'])} fail={','.join(fails) or '-'} nonconformant_products={bad}"
    return f"document=declaration conformant={b(e['conformant'])} achieved={e['achieved_tier'] or 'none'} fail={','.join(fails) or '-'}"

@field_errors
def install(e, _):
    codes = [f["code"] for f in e["findings"]]
    return f"compliant={b(e['compliant'])} findings={','.join(codes) or '-'}"

@offset_errors
def secure(e, i):
    if i["op"] == "seal":
        return f"frame={e['frame']}"
    if i["op"] == "derive_key":
        return f"key={e['key']}"
    if e["authenticated"]:
        return f"authenticated=true key_id={e['key_id']} counter={e['counter']} msg_type={e['msg_type']}"
    return f"authenticated=false key_id=- counter=- msg_type={e['msg_type']}"

SUMMARY = {"credit_codes": credit, "identifiers": ident, "frames": frame, "gbt26875": gbt, "declarations": decl, "installation": install, "secure": secure}

for name in FILES:
    doc = json.loads((VECTORS / f"{name}.json").read_text())
    for case in doc["tests"]:
        print(f"{name}#{case['tcId']} {case['result']} {SUMMARY[name](case)}")
