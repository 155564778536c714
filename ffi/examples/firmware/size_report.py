#!/usr/bin/env python3
"""Size and stack report of the firmware example, against the firmware budgets.

Usage: size_report.py FW.elf FW.map OUTPUT.txt [NAME=PROBE.map ...]

- flash = .text + .rodata, RAM = .data + .bss (`arm-none-eabi-size -A`) of the whole example, and the
  part of each link that comes from libgasdev.a (summed over the input sections the linker kept, read
  from the map file). The probe maps (budget.c) isolate the frame codec, the identifier validation,
  and both together;
- stack: the painted stack's high-water mark of the whole example, and the deepest use of each
  library call measured around the call (`measure:` lines the firmware prints);
- heap: no malloc, sbrk or Rust allocator may be linked.

Budgets: frame codec + identifier validation <= 16 KiB of flash, no heap, <= 1 KiB of stack;
the device profile (core feature `device`: commands decoded, reports encoded, seal/open, identifier
validation) <= 16 KiB of flash, no heap, <= 1 KiB of stack (spec/security.md [SEC-070]).
A probe whose name starts with "budget:" is gated. Gates that fail the run: a heap; a library call
over 1 KiB of stack; library flash of a budget probe over 16 KiB. The library calls the C library's memcpy, memset and memcmp (and the ARM EABI wrappers around
them), linked from newlib ahead of the Rust copies (Makefile, LIBS); they are reported beside the
budget, not in it, like any C library's use of libc. The identifier validation of the budget is the device's own 88-identifier
(gasdev_ident_parse_idis); the general gasdev_ident_parse is reported beside it.
"""
import re
import subprocess
import sys

TARGET_FLASH = 16 * 1024
STACK_LIMIT = 1024
SIZE, NM = "arm-none-eabi-size", "arm-none-eabi-nm"


def sections(elf):
    out = {}
    for line in subprocess.run([SIZE, "-A", elf], check=True, capture_output=True, text=True).stdout.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0].startswith(".") and parts[1].isdigit():
            out[parts[0]] = int(parts[1])
    return out


def kind(name):
    for k in ("text", "rodata", "data", "bss"):
        if name == "." + k or name.startswith("." + k + "."):
            return k
    return None


def library_share(mapfile):
    """Bytes of .text, .rodata, .data, .bss that the linker kept from libgasdev.a (or libgasdev-device.a)."""
    share = {"text": 0, "rodata": 0, "data": 0, "bss": 0}
    in_map, pending = False, None
    for line in open(mapfile, encoding="utf-8", errors="replace"):
        if line.startswith("Linker script and memory map"):
            in_map = True
            continue
        if not in_map:
            continue
        m = re.match(r"^ (\.\S+)\s*$", line)
        if m:
            pending = m.group(1)
            continue
        m = re.match(r"^ (\.\S+)?\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+(\S+)", line)
        if m:
            name = m.group(1) or pending
            pending = None
            k = kind(name or "")
            if k and re.search(r"libgasdev(-device)?\.a\(", m.group(4)):
                share[k] += int(m.group(3), 16)
    return share


def libc_routines(elf):
    """Flash of the libc memory routines in a probe (aliases at one address counted once)."""
    seen = {}
    out = subprocess.run([NM, "-S", elf], capture_output=True, text=True).stdout
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 4 and re.fullmatch(r"mem(cpy|set|cmp|move)|__aeabi_mem\w+", parts[3]):
            seen[parts[0]] = int(parts[1], 16)
    return sum(seen.values())


def main():
    elf, mapfile, output = sys.argv[1:4]
    # NAME=PROBE.map, or NAME=OUTPUT.txt: the output of the example linked with another profile,
    # whose stack measurements are reported and gated as well.
    probes = [a.split("=", 1) for a in sys.argv[4:] if not a.endswith(".txt")]
    outputs = [("device profile", output)] + [a.split("=", 1) for a in sys.argv[4:] if a.endswith(".txt")]
    sec = sections(elf)
    lib = library_share(mapfile)
    def read_measures(path):
        found = {}
        for line in open(path, encoding="utf-8"):
            m = re.match(r"measure: (\S+?)(?: (\S+))?=(\d+)$", line.strip())
            if m:
                found[m.group(2) or m.group(1)] = int(m.group(3))
        return found

    symbols = subprocess.run([NM, elf], capture_output=True, text=True).stdout
    heap = [s for s in ("malloc", "_sbrk", "__rust_alloc", "__rust_alloc_error_handler") if re.search(rf"\b{s}\b", symbols)]
    ok = True

    print("firmware size report (thumbv7em-none-eabihf, Rust profile `firmware`: opt-level z, LTO, panic=abort)")
    print(f"  example fw.elf: flash (.text+.rodata) {sec.get('.text', 0) + sec.get('.rodata', 0)} B, "
          f"RAM (.data+.bss) {sec.get('.data', 0) + sec.get('.bss', 0)} B; "
          f"of which libgasdev: flash {lib['text'] + lib['rodata']} B, RAM {lib['data'] + lib['bss']} B")
    budgets = []
    for name, pmap in probes:
        share = library_share(pmap)
        flash = share["text"] + share["rodata"]
        print(f"  libgasdev for {name}: flash {flash} B (.text {share['text']}, .rodata {share['rodata']}), "
              f"RAM {share['data'] + share['bss']} B")
        if name.startswith("budget: "):
            budgets.append((name[len("budget: "):], flash))
    libc = libc_routines(probes[-1][1].replace(".map", ".elf")) if probes else None
    if libc is not None:
        print(f"  C library routines libgasdev calls (newlib: memcpy, memset, memcmp, __aeabi_mem*; "
              f"shared with the firmware, not in the budget): {libc} B")
    for name, flash in budgets:
        met = "met" if 0 < flash <= TARGET_FLASH else "NOT met"
        print(f"  budget flash, {name}: {flash} B vs target {TARGET_FLASH} B: {met}")
        ok &= 0 < flash <= TARGET_FLASH
    if not budgets:
        print("  FAIL: no budget probe")
        ok = False
    for label, path in outputs:
        measures = read_measures(path)
        print(f"  stack, whole example, {label} (painted): {measures.get('stack_peak_bytes')} B")
        calls = {k: v for k, v in measures.items() if k.startswith("gasdev_")}
        for name, used in sorted(calls.items()):
            verdict = "ok" if used <= STACK_LIMIT else "OVER"
            ok &= used <= STACK_LIMIT
            print(f"  stack, {label}, {name}: {used} B (limit {STACK_LIMIT}): {verdict}")
        if not calls:
            print(f"  FAIL: no per-call stack measurement in the output of the {label}")
            ok = False
    print(f"  heap: {'LINKED: ' + ', '.join(heap) if heap else 'none (no malloc, no allocator)'}")
    ok &= not heap
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
