#!/usr/bin/env python3
"""Write spec/examples/inspections.csv from spec/examples/inspections.jsonl (the same district as CSV, one row per device,
columns of spec/installation.md). Rows that are bad on purpose are converted like the others, so that both files are
rejected at the same records. Run from the repository root: `python3 spec/tools/inspections_csv.py`."""
import csv, io, json, pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
PROFILE = ["user_class", "connection", "unit_category", "building_height_m", "old_compound", "hardship", "crowded_place",
           "gas_supply", "connection_date"]
HOUSEHOLD = ["hazards", "fire_centre_alarm", "fire_centre_cutoff", "fire_centre_monitoring"]
DEVICE = [("device_kind", "kind"), ("identifier", "identifier"), ("model", "model"), ("vendor", "vendor"),
          ("installed_on", "installed_on"), ("detects", "detects"), ("powered", "powered"),
          ("sensor_end_of_life", "sensor_end_of_life"), ("end_of_life", "end_of_life"),
          ("valve_latched_closed", "valve_latched_closed"), ("last_report", "last_report")]
COLUMNS = ["household", "community"] + PROFILE + HOUSEHOLD + [c for c, _ in DEVICE]


def cell(v):
    if isinstance(v, bool):
        return "是" if v else "否"
    if isinstance(v, list):
        return ";".join(v)
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def rows(rec):
    base = {"household": rec["household"], "community": rec.get("community", "")}
    for k in PROFILE:
        if k in rec["profile"]:
            base[k] = cell(rec["profile"][k])
    if "hazards" in rec:
        base["hazards"] = cell(rec["hazards"])
    for k in ["alarm", "cutoff", "monitoring"]:
        if k in rec.get("fire_centre", {}):
            base[f"fire_centre_{k}"] = cell(rec["fire_centre"][k])
    devices = rec.get("devices", [])
    if not devices:
        yield base
    for d in devices:
        row = dict(base)
        for c, j in DEVICE:
            if j in d:
                row[c] = cell(d[j])
        yield row


out = io.StringIO()
w = csv.DictWriter(out, COLUMNS, lineterminator="\n")
w.writeheader()
for line in (ROOT / "spec/examples/inspections.jsonl").read_text(encoding="utf-8").splitlines():
    if line.strip():
        for r in rows(json.loads(line)):
            w.writerow(r)
(ROOT / "spec/examples/inspections.csv").write_text(out.getvalue(), encoding="utf-8")
