#!/usr/bin/env python3
"""Flatten spec/vectors/*.json into a C-friendly file for the C runner (ffi/tests/c/vector_runner.c).

Usage: python3 ffi/tests/flatten_vectors.py OUT.tsv [spec/vectors]

One case per line, tab-separated: `area`, `tcId`, `mode`, then `key=value` fields. Text and bytes are
lowercase hex (so no value contains a tab, a newline or a non-ASCII byte); numbers, names and booleans
(`0`/`1`) are plain. The file is generated at test time into target/ (never edited, never committed).
Nothing here interprets a case beyond changing its notation: the C runner calls the API and prints what
it returns. A key this script does not know fails, as in the strict Rust runners.

Modes: ident, frame, stream, frame_decl, gbt_packet, gbt_hex, gbt_answer, map_alarm, map_valve,
map_frame, document, record, seal, open, derive_key.

A JSON document given as an object in a vector is passed as its canonical text (keys sorted, no
whitespace), as the Rust and JavaScript runners pass it, so that the line and column of an error are
the same in every runner's full result (spec/vectors/normalized.md).
"""
import json
import pathlib
import sys

FILES = ["declarations", "identifiers", "frames", "gbt26875", "installation", "credit_codes", "secure"]


class Obj:
    """Takes keys out of a JSON object; `done` fails on leftovers."""

    def __init__(self, d, ctx):
        if not isinstance(d, dict):
            raise SystemExit(f"{ctx}: not an object: {d!r}")
        self.d, self.ctx = dict(d), ctx

    def take(self, k, default=KeyError):
        if k in self.d:
            return self.d.pop(k)
        if default is KeyError:
            raise SystemExit(f"{self.ctx}: missing key {k}")
        return default

    def done(self):
        if self.d:
            raise SystemExit(f"{self.ctx}: unknown keys {sorted(self.d)}")


def hexs(b):
    return b.hex()


def text_hex(s):
    return s.encode("utf-8").hex()


def doc_text(v):
    """The canonical text of a JSON value given as an object in a vector."""
    return json.dumps(v, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def flag(b):
    if not isinstance(b, bool):
        raise SystemExit(f"not a boolean: {b!r}")
    return "1" if b else "0"


def centi(x, ctx):
    c = round(x * 100)
    if abs(x * 100 - c) > 1e-6 or c < 0:
        raise SystemExit(f"{ctx}: {x} is not a non-negative number with two decimals")
    return c


def reading(v, ctx):
    if v == "unknown":
        return "unknown"
    o = Obj(v, ctx)
    value = centi(o.take("value"), ctx)
    unit = o.take("unit")
    basis = o.take("lel_basis_pct_vol", None)
    o.done()
    if unit == "pct_lel":
        return f"pct_lel:{value}:{centi(basis, ctx) if basis is not None else 0}"
    if basis is not None:
        return f"{unit}:{value}:{centi(basis, ctx)}"
    return f"{unit}:{value}"


def point(v, ctx, out):
    o = Obj(v, ctx)
    out.append(f"sys_type={o.take('system_type')}")
    out.append(f"sys_addr={o.take('system_address')}")
    out.append(f"comp_addr={o.take('component_address')}")
    out.append(f"desc={text_hex(o.take('description'))}")
    o.done()


def point_time_policy(m, time_key, ctx, out):
    """The point, time and policy every mapping takes (the time under `time_key`)."""
    point(m.take("point"), ctx, out)
    out.append(f"time={m.take(time_key)}")
    policy(m.take("policy"), ctx, out)

def policy(v, ctx, out):
    o = Obj(v, ctx)
    for k in list(o.d):
        val = o.take(k)
        out.append(f"policy.{k}={flag(val) if isinstance(val, bool) else val}")
    o.done()


def identifier(i, out):
    scheme = i.take("scheme", None)
    require = i.take("require_item", False)
    if "text" in i.d:
        data = i.take("text").encode("utf-8")
    elif "hex" in i.d:
        data = bytes.fromhex(i.take("hex"))
    elif "hex_repeat" in i.d:
        data = bytes.fromhex(i.take("hex_repeat")) * i.take("count")
    else:
        s = ""
        for part in i.take("concat"):
            if isinstance(part, str):
                s += part
            else:
                run = Obj(part, i.ctx)
                s += run.take("repeat") * run.take("count")
                run.done()
        data = s.encode("utf-8")
    out.append(f"input={hexs(data)}")
    if scheme is not None:
        out.append(f"scheme={scheme}")
    if require:
        out.append("require_item=1")
    return "ident"


def frame(i, out):
    if "stream" in i.d:
        out.append(f"bytes={i.take('stream')}")
        return "stream"
    out.append(f"bytes={i.take('frame')}")
    decl = i.take("declaration", None)
    if decl is not None:
        out.append(f"decl={text_hex(doc_text(decl))}")
        return "frame_decl"
    return "frame"


def gbt(i, out):
    if "answer" in i.d:
        out.append(f"answer={i.take('answer')}")
        out.append(f"bytes={i.take('packet')}")
        out.append(f"time={i.take('time')}")
        return "gbt_answer"
    if "hex_text" in i.d:
        out.append(f"text={text_hex(i.take('hex_text'))}")
        return "gbt_hex"
    if "map_alarm" in i.d:
        m = Obj(i.take("map_alarm"), i.ctx)
        s = Obj(m.take("status"), i.ctx)
        out.append(f"gas={s.take('gas')}")
        out.append(f"co={s.take('co')}")
        for k in ["preheat", "fault", "end_of_life", "self_test", "muted"]:
            out.append(f"{k}={flag(s.take(k))}")
        s.done()
        r = Obj(m.take("readings"), i.ctx)
        out.append(f"combustible={reading(r.take('combustible'), i.ctx)}")
        out.append(f"co_reading={reading(r.take('co'), i.ctx)}")
        r.done()
        point_time_policy(m, "time", i.ctx, out)
        h = m.take("header", None)
        if h is not None:
            h = Obj(h, i.ctx)
            main, user = h.take("version")
            fields = [h.take("serial"), main, user, h.take("time"), h.take("source"),
                      h.take("destination"), h.take("command")]
            h.done()
            out.append("header=" + ",".join(str(x) for x in fields))
        m.done()
        return "map_alarm"
    if "map_valve" in i.d:
        m = Obj(i.take("map_valve"), i.ctx)
        s = Obj(m.take("status"), i.ctx)
        out.append(f"state={s.take('state')}")
        trip = s.take("trip", None)
        out.append(f"trip={trip if trip is not None else '-'}")
        out.append(f"latch={flag(s.take('manual_reset_required', False))}")
        s.done()
        point_time_policy(m, "time", i.ctx, out)
        m.done()
        return "map_valve"
    if "map_frame" in i.d:
        m = Obj(i.take("map_frame"), i.ctx)
        out.append(f"bytes={m.take('frame')}")
        point_time_policy(m, "fallback_time", i.ctx, out)
        m.done()
        return "map_frame"
    out.append(f"bytes={i.take('packet')}")
    out.append(f"verify={flag(i.take('verify_checksum', True))}")
    return "gbt_packet"


def document_text(i, key):
    doc = i.take(key, None)
    raw = i.take("json", None)
    if (doc is None) == (raw is None):
        raise SystemExit(f"{i.ctx}: needs exactly one of {key} / json")
    return raw if raw is not None else doc_text(doc)


def declaration(i, out):
    out.append(f"as_of={i.take('as_of')}")
    out.append(f"json={text_hex(document_text(i, 'document'))}")
    return "document"


def installation(i, out):
    out.append(f"as_of={i.take('as_of')}")
    cat = i.take("catalogue", None)
    if cat is not None:
        out.append(f"catalogue={text_hex(doc_text(cat))}")
    decls = i.take("declarations", None)
    if decls is not None:
        out.append(f"declarations={text_hex(doc_text(decls))}")
    out.append(f"json={text_hex(document_text(i, 'record'))}")
    return "record"


def credit_code(i, out):
    data = i.take("text").encode("utf-8") if "text" in i.d else bytes.fromhex(i.take("hex"))
    out.append(f"input={hexs(data)}")
    return "credit_code"


def secure(i, out):
    op = i.take("op")
    if op == "seal":
        out.append(f"frame={i.take('frame')}")
        out.append(f"key={i.take('key')}")
        out.append(f"key_id={i.take('key_id')}")
        out.append(f"counter={i.take('counter')}")
        return "seal"
    if op == "derive_key":
        out.append(f"master={i.take('master')}")
        out.append(f"key_id={i.take('key_id')}")
        out.append(f"identifier={text_hex(i.take('identifier'))}")
        return "derive_key"
    if op != "open":
        raise SystemExit(f"{i.ctx}: unknown op {op}")
    out.append(f"policy={i.take('policy')}")
    w = Obj(i.take("window"), i.ctx)
    out.append(f"window_size={w.take('size')}")
    out.append(f"max_jump={w.take('max_jump')}")
    w.done()
    # Each key as key_id:key:accepted counters (comma-separated, `-` for none), keys joined by `|`.
    keys = []
    for k in i.take("keys"):
        k = Obj(k, i.ctx)
        accepted = ",".join(str(c) for c in k.take("accepted")) or "-"
        keys.append(f"{k.take('key_id')}:{k.take('key')}:{accepted}")
        k.done()
    out.append("keys=" + "|".join(keys))
    out.append(f"frame={i.take('frame')}")
    return "open"


MODES = {"credit_codes": credit_code, "identifiers": identifier, "frames": frame, "gbt26875": gbt,
         "declarations": declaration, "installation": installation, "secure": secure}


def main():
    out_path = pathlib.Path(sys.argv[1])
    vectors = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else \
        pathlib.Path(__file__).resolve().parents[2] / "spec" / "vectors"
    lines = []
    for area in FILES:
        doc = json.loads((vectors / f"{area}.json").read_text(encoding="utf-8"))
        for case in doc["tests"]:
            ctx = f"{area}#{case['tcId']}"
            i = Obj(case["input"], ctx)
            fields = []
            mode = MODES[area](i, fields)
            i.done()
            for f in fields:
                if any(c in f for c in "\t\n\r") or not f.isascii():
                    raise SystemExit(f"{ctx}: field is not plain ASCII: {f!r}")
            lines.append("\t".join([area, str(case["tcId"]), mode] + fields))
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text("\n".join(lines) + "\n", encoding="ascii")


if __name__ == "__main__":
    main()
