#!/usr/bin/env python3
"""Check the generated header against the normative tables and the naming rules.

Usage: python3 ffi/tests/check_header.py ffi/include/gasdev.h spec/errors.json [libgasdev.so]

- every `GASDEV_RESULT_<NAME> = <n>` of the header is the error `<NAME>` with number `<n>` of
  spec/errors.json, in the same order, and every non-retired error is there;
- every macro starts with `GASDEV_` (after the include guard), every function, type and enum constant
  with `gasdev_` / `GASDEV_`;
- with a shared library: every exported function symbol starts with `gasdev_`, and every function the
  header declares is exported.
"""
import json
import re
import subprocess
import sys


def fail(msg):
    print(f"check_header: {msg}")
    sys.exit(1)


def main():
    header_path, errors_path = sys.argv[1], sys.argv[2]
    lib = sys.argv[3] if len(sys.argv) > 3 else None
    header = open(header_path, encoding="utf-8").read()
    # Comments hold prose; strip them before looking at declarations.
    code = re.sub(r"//[^\n]*", "", re.sub(r"/\*.*?\*/", "", header, flags=re.S))

    enum = re.search(r"enum gasdev_result\b.*?\{(.*?)\};", code, re.S)
    if not enum:
        fail("no enum gasdev_result")
    got = [(m.group(1), int(m.group(2))) for m in re.finditer(r"GASDEV_RESULT_(\w+) = (\d+)", enum.group(1))]
    table = json.load(open(errors_path, encoding="utf-8"))["errors"]
    want = [(e["name"], e["code"]) for e in table if not e.get("retired")]
    if got != want:
        missing = sorted(set(want) - set(got))
        extra = sorted(set(got) - set(want))
        fail(f"gasdev_result differs from spec/errors.json: missing {missing}, extra {extra}"
             + ("" if missing or extra else " (order)"))

    macros = re.findall(r"#\s*define\s+(\w+)", code)
    bad = [m for m in macros if not m.startswith("GASDEV_")]
    if bad:
        fail(f"macros without the GASDEV_ prefix: {bad}")
    constants = re.findall(r"^\s+([A-Z][A-Z0-9_]*)\s*=", code, re.M)
    bad = [c for c in constants if not c.startswith("GASDEV_")]
    if bad:
        fail(f"enum constants without the GASDEV_ prefix: {bad}")
    types = re.findall(r"\b(?:struct|enum|union)\s+(\w+)", code)
    types += re.findall(r"typedef\s+[\w\s\*]+?\b(\w+)\s*;", code)
    bad = sorted({t for t in types if not t.startswith("gasdev_")})
    if bad:
        fail(f"types without the gasdev_ prefix: {bad}")
    decls = "\n".join(l for l in code.splitlines() if not l.lstrip().startswith("#"))
    functions = set(re.findall(r"\b(\w+)\s*\([^;{]*\)\s*;", decls))
    bad = sorted(f for f in functions if not f.startswith("gasdev_"))
    if bad:
        fail(f"functions without the gasdev_ prefix: {bad}")

    if lib:
        nm = subprocess.run(["nm", "-D", "--defined-only", lib], check=True, capture_output=True, text=True).stdout
        exported = {l.split()[-1] for l in nm.splitlines() if l.split()[1:2] == ["T"]}
        bad = sorted(s for s in exported if not s.startswith("gasdev_"))
        if bad:
            fail(f"exported symbols without the gasdev_ prefix: {bad}")
        missing = sorted(functions - exported)
        if missing:
            fail(f"declared but not exported by {lib}: {missing}")
        print(f"check_header: {len(exported)} exported functions, all prefixed and declared")
    print(f"check_header: {len(got)} result codes match spec/errors.json; "
          f"{len(macros)} macros, {len(set(types))} types, {len(functions)} functions prefixed")


if __name__ == "__main__":
    main()
