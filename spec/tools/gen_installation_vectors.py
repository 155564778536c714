#!/usr/bin/env python3
"""Generate spec/vectors/installation.json.

Every expectation below is written by hand from the clauses (requirements.md §4, installation.md), not
computed by the implementation. Run from the repository root: `python3 spec/tools/gen_installation_vectors.py`.
"""
import json, pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
AS_OF = "2026-06-01"
tests = []

CATALOGUE = {
    "name": "示例目录（虚构）",
    "vendors": [
        {"name": "在册单位（虚构）", "qualification_grade": "二级", "contact": "023-0000-0001", "products": [
            {"model": "JT-OK-100", "kind": "leak_alarm", "claimed_tier": "low"},
            {"model": "ZBF-OK-200", "kind": "self_closing_valve", "claimed_tier": "low"}]},
        {"name": "移出单位（虚构）", "status": "removed",
         "removal": {"date": "2025-01-01", "reason": "fake_products", "announcement": "示例公告"},
         "products": [{"model": "JT-GONE-1", "kind": "leak_alarm", "claimed_tier": "low"}]},
    ],
}

def ob(device, level, deadline, overdue, clauses):
    if deadline is None:
        d = {"type": "none"}
    elif deadline == "on_connection":
        d = {"type": "on_connection"}
    else:
        d = {"type": "by", "date": deadline}
    return {"device": device, "level": level, "deadline": d, "overdue": overdue, "clauses": clauses}

def fd(code, severity, clauses, kind, device=None, overdue=False):
    return {"code": code, "severity": severity, "clauses": clauses, "device": device, "kind": kind, "overdue": overdue}

VALVE = {"kind": "self_closing_valve", "identifier": "88.118.1/ZBF-OK-200-01", "model": "ZBF-OK-200"}
ALARM = {"kind": "leak_alarm", "identifier": "88.118.1/JT-OK-100-01", "model": "JT-OK-100", "powered": True}

def case(desc, spec, profile, devices, obligations, findings, catalogue=False, as_of=AS_OF):
    rec = {"household": f"H-{len(tests) + 1:03d}", "community": "示例小区", "profile": profile, "devices": devices}
    inp = {"as_of": as_of, "record": rec}
    if catalogue:
        inp["catalogue"] = CATALOGUE
    compliant = all(f["severity"] != "fail" for f in findings)
    tests.append({"tcId": len(tests) + 1, "description": desc, "spec": spec, "flags": [], "input": inp, "result": "valid",
                  "expected": {"compliant": compliant, "obligations": obligations, "findings": findings}})

def P(**kw):
    base = {"gas_supply": "piped_natural_gas", "building_height_m": 30}
    base.update(kw)
    return {k: v for k, v in base.items() if v is not None}

A, V = "leak_alarm", "self_closing_valve"

# INS-1: new unit users: leak alarm on connection.
case("new unit user with an alarm", ["INS-1"], P(user_class="unit", connection="new", unit_category="restaurant", connection_date="2026-05-01"),
     [ALARM], [ob(A, "required", "2026-05-01", True, ["INS-1"])], [])
case("new unit user without an alarm, connected", ["INS-1"], P(user_class="unit", connection="new", connection_date="2026-05-01"),
     [], [ob(A, "required", "2026-05-01", True, ["INS-1"])], [fd("missing_required_device", "fail", ["INS-1"], A, overdue=True)])
case("new unit user not yet connected", ["INS-1"], P(user_class="unit", connection="new"),
     [], [ob(A, "required", "on_connection", False, ["INS-1"])], [fd("missing_required_device", "fail", ["INS-1"], A)])
case("connection date in the future is not overdue", ["INS-1"], P(user_class="unit", connection="new", connection_date="2026-07-01"),
     [], [ob(A, "required", "2026-07-01", False, ["INS-1"])], [fd("missing_required_device", "fail", ["INS-1"], A)])
case("connected today is not yet overdue", ["INS-1"], P(user_class="unit", connection="new", connection_date=AS_OF),
     [], [ob(A, "required", AS_OF, False, ["INS-1"])], [fd("missing_required_device", "fail", ["INS-1"], A)])
# INS-2: new residential users: valve on connection.
case("new residential user with a valve", ["INS-2"], P(user_class="residential", connection="new", connection_date="2026-04-01"),
     [VALVE], [ob(V, "required", "2026-04-01", True, ["INS-2"])], [])
case("new residential user without a valve", ["INS-2"], P(user_class="residential", connection="new", connection_date="2026-04-01"),
     [], [ob(V, "required", "2026-04-01", True, ["INS-2"])], [fd("missing_required_device", "fail", ["INS-2"], V, overdue=True)])
case("new residential LPG user needs a valve too", ["INS-2"], P(user_class="residential", connection="new", gas_supply="lpg"),
     [VALVE], [ob(V, "required", "on_connection", False, ["INS-2"])], [])
# INS-3 and GB 55009 §6.1.5: over 100 m.
case("new residential user over 100 m has alarm and valve", ["INS-3", "INS-2", "GB55009-6.1.5"],
     P(user_class="residential", connection="new", building_height_m=100.5, connection_date="2026-01-10"), [ALARM, VALVE],
     [ob(A, "required", "2026-01-10", True, ["INS-3", "GB55009-6.1.5"]), ob(V, "required", "2026-01-10", True, ["INS-2"])], [])
case("new residential user over 100 m without alarm", ["INS-3", "GB55009-6.1.5"],
     P(user_class="residential", connection="new", building_height_m=150, connection_date="2026-01-10"), [VALVE],
     [ob(A, "required", "2026-01-10", True, ["INS-3", "GB55009-6.1.5"]), ob(V, "required", "2026-01-10", True, ["INS-2"])],
     [fd("missing_required_device", "fail", ["INS-3", "GB55009-6.1.5"], A, overdue=True)])
case("exactly 100 m is not taller than 100 m", ["INS-3"], P(user_class="residential", connection="new", building_height_m=100, connection_date="2026-01-10"),
     [VALVE], [ob(V, "required", "2026-01-10", True, ["INS-2"])], [])
case("existing old-compound user over 100 m", ["INS-3", "INS-5", "GB55009-6.1.5"],
     P(user_class="residential", connection="existing", old_compound=True, building_height_m=120), [VALVE],
     [ob(A, "required", "2022-12-31", True, ["INS-3", "GB55009-6.1.5"]), ob(V, "required", "2022-12-31", True, ["INS-5"])],
     [fd("missing_required_device", "fail", ["INS-3", "GB55009-6.1.5"], A, overdue=True)])
case("other existing user over 100 m: alarm recommended", ["GB55009-6.1.5", "INS-6"],
     P(user_class="residential", connection="existing", building_height_m=120), [VALVE],
     [ob(A, "recommended", None, False, ["GB55009-6.1.5"]), ob(V, "recommended", None, False, ["INS-6"])],
     [fd("missing_recommended_device", "info", ["GB55009-6.1.5"], A)])
case("new unit user over 100 m", ["INS-1", "GB55009-6.1.5"], P(user_class="unit", connection="new", building_height_m=200, connection_date="2026-02-01"),
     [ALARM], [ob(A, "required", "2026-02-01", True, ["INS-1", "GB55009-6.1.5"])], [])
case("unknown height flags the over-100 m rules", ["INS-3", "GB55009-6.1.5"],
     P(user_class="residential", connection="new", building_height_m=None, connection_date="2026-02-01"), [VALVE],
     [ob(V, "required", "2026-02-01", True, ["INS-2"])], [fd("height_unknown", "warn", ["INS-3", "GB55009-6.1.5"], A)])
case("unknown height of an existing unit", ["GB55009-6.1.5", "INS-4"],
     P(user_class="unit", connection="existing", unit_category="mall", building_height_m=None), [ALARM],
     [ob(A, "required", "2022-02-28", True, ["INS-4"])], [fd("height_unknown", "warn", ["GB55009-6.1.5"], A)])
# INS-4: existing unit users on piped natural gas by 2022-02-28.
for cat in ["restaurant", "hotel", "mall", "school", "hospital", "other"]:
    case(f"existing {cat} on piped gas without an alarm", ["INS-4"], P(user_class="unit", connection="existing", unit_category=cat), [],
         [ob(A, "required", "2022-02-28", True, ["INS-4"])], [fd("missing_required_device", "fail", ["INS-4"], A, overdue=True)])
case("existing unit before the INS-4 deadline", ["INS-4"], P(user_class="unit", connection="existing", unit_category="hotel"), [],
     [ob(A, "required", "2022-02-28", False, ["INS-4"])], [fd("missing_required_device", "fail", ["INS-4"], A)], as_of="2022-02-28")
case("existing unit on LPG has no INS-4 obligation", ["INS-4"], P(user_class="unit", connection="existing", unit_category="hotel", gas_supply="lpg"),
     [], [], [])
# INS-5 / INS-6.
case("old-compound household with a valve", ["INS-5"], P(user_class="residential", connection="existing", old_compound=True), [VALVE],
     [ob(V, "required", "2022-12-31", True, ["INS-5"])], [])
case("hardship household without a valve", ["INS-5"], P(user_class="residential", connection="existing", hardship=True), [],
     [ob(V, "required", "2022-12-31", True, ["INS-5"])], [fd("missing_required_device", "fail", ["INS-5"], V, overdue=True)])
case("INS-5 household before the deadline", ["INS-5"], P(user_class="residential", connection="existing", old_compound=True), [],
     [ob(V, "required", "2022-12-31", False, ["INS-5"])], [fd("missing_required_device", "fail", ["INS-5"], V)], as_of="2022-12-31")
case("INS-5 covers piped natural gas only", ["INS-5"], P(user_class="residential", connection="existing", old_compound=True, gas_supply="lpg"),
     [], [], [])
case("other existing household: valve recommended", ["INS-6"], P(user_class="residential", connection="existing"), [],
     [ob(V, "recommended", None, False, ["INS-6"])], [fd("missing_recommended_device", "info", ["INS-6"], V)])
# INS-7: device findings.
case("device model not in the catalogue", ["INS-7", "CAT-3"], P(user_class="residential", connection="existing"),
     [dict(VALVE, model="ZBF-NOPE")], [ob(V, "recommended", None, False, ["INS-6"])],
     [fd("not_in_catalogue", "fail", ["INS-7", "CAT-3"], V, device=0)], catalogue=True)
case("device from a removed vendor", ["CAT-4", "INS-4"], P(user_class="unit", connection="existing", unit_category="school"),
     [dict(ALARM, model="JT-GONE-1")], [ob(A, "required", "2022-02-28", True, ["INS-4"])],
     [fd("removed_vendor", "fail", ["CAT-4"], A, device=0)], catalogue=True)
case("catalogue lists the model as another kind", ["INS-7"], P(user_class="residential", connection="existing"),
     [dict(VALVE, model="JT-OK-100")], [ob(V, "recommended", None, False, ["INS-6"])],
     [fd("kind_mismatch", "fail", ["INS-7"], V, device=0)], catalogue=True)
case("listed model passes the catalogue check", ["INS-7"], P(user_class="residential", connection="existing"),
     [VALVE], [ob(V, "recommended", None, False, ["INS-6"])], [], catalogue=True)
case("valve without a readable identifier", ["VLV-2a", "INS-7"], P(user_class="residential", connection="existing"),
     [{"kind": V, "model": "ZBF-OK-200"}], [ob(V, "recommended", None, False, ["INS-6"])],
     [fd("no_identifier", "fail", ["VLV-2a"], V, device=0)])
case("alarm with an empty identifier", ["ALM-5a", "INS-7"], P(user_class="unit", connection="existing"),
     [dict(ALARM, identifier="")], [ob(A, "required", "2022-02-28", True, ["INS-4"])],
     [fd("no_identifier", "fail", ["ALM-5a"], A, device=0)])
case("identifier that is only a prefix", ["VLV-2a"], P(user_class="residential", connection="existing"),
     [dict(VALVE, identifier="88.118.1")], [ob(V, "recommended", None, False, ["INS-6"])],
     [fd("prefix_only_identifier", "fail", ["VLV-2a"], V, device=0)])
case("malformed identifier", ["ALM-5a"], P(user_class="unit", connection="existing"),
     [dict(ALARM, identifier="88..1/x")], [ob(A, "required", "2022-02-28", True, ["INS-4"])],
     [fd("malformed_identifier", "fail", ["ALM-5a"], A, device=0)])
case("alarm not powered", ["INS-7"], P(user_class="unit", connection="existing"),
     [dict(ALARM, powered=False)], [ob(A, "required", "2022-02-28", True, ["INS-4"])],
     [fd("not_powered", "fail", ["INS-7"], A, device=0)])
case("sensor at end of life", ["INS-7"], P(user_class="unit", connection="existing"),
     [dict(ALARM, sensor_end_of_life=True)], [ob(A, "required", "2022-02-28", True, ["INS-4"])],
     [fd("sensor_end_of_life", "fail", ["INS-7"], A, device=0)])
case("valve latched closed needs a manual reset", ["VLV-0e"], P(user_class="residential", connection="existing", old_compound=True),
     [dict(VALVE, valve_latched_closed=True)], [ob(V, "required", "2022-12-31", True, ["INS-5"])],
     [fd("valve_needs_manual_reset", "warn", ["VLV-0e"], V, device=0)])
case("report older than seven days is stale", ["PLT-1"], P(user_class="residential", connection="existing"),
     [dict(VALVE, last_report="2026-05-24")], [ob(V, "recommended", None, False, ["INS-6"])],
     [fd("stale_report", "warn", ["PLT-1"], V, device=0)])
case("report seven days old is not stale", ["PLT-1"], P(user_class="residential", connection="existing"),
     [dict(VALVE, last_report="2026-05-25")], [ob(V, "recommended", None, False, ["INS-6"])], [])
case("several findings on one household", ["INS-7", "INS-5", "ALM-5a"], P(user_class="residential", connection="existing", hardship=True),
     [dict(ALARM, identifier=None, powered=False, sensor_end_of_life=True)], [ob(V, "required", "2022-12-31", True, ["INS-5"])],
     [fd("missing_required_device", "fail", ["INS-5"], V, overdue=True), fd("no_identifier", "fail", ["ALM-5a"], A, device=0),
      fd("not_powered", "fail", ["INS-7"], A, device=0), fd("sensor_end_of_life", "fail", ["INS-7"], A, device=0)])

# Rejected records.
def bad(desc, record_text, error, field):
    tests.append({"tcId": len(tests) + 1, "description": desc, "spec": ["INS-7"], "flags": [],
                  "input": {"as_of": AS_OF, "json": record_text}, "result": "invalid",
                  "expected": {"error": error, "field": field}})

PROF = '"connection": "existing", "gas_supply": "piped_natural_gas"'
bad("unknown user class", '{"household": "x", "profile": {"user_class": "villa", ' + PROF + '}}', "INPUT_UNKNOWN_VALUE", "profile.user_class")
bad("negative building height", '{"household": "x", "profile": {"user_class": "unit", ' + PROF + ', "building_height_m": -3}}',
    "INPUT_INVALID_VALUE", "profile.building_height_m")
bad("building over 1000 m", '{"household": "x", "profile": {"user_class": "unit", ' + PROF + ', "building_height_m": 1200}}',
    "INPUT_INVALID_VALUE", "profile.building_height_m")
bad("height as text", '{"household": "x", "profile": {"user_class": "unit", ' + PROF + ', "building_height_m": "tall"}}',
    "INPUT_JSON_TYPE", "profile.building_height_m")
bad("impossible connection date", '{"household": "x", "profile": {"user_class": "unit", ' + PROF + ', "connection_date": "2026-02-30"}}',
    "INPUT_BAD_DATE", "profile.connection_date")
bad("unit category on a residential user", '{"household": "x", "profile": {"user_class": "residential", ' + PROF + ', "unit_category": "hotel"}}',
    "INPUT_INVALID_VALUE", "profile.unit_category")
bad("old-compound flag on a unit", '{"household": "x", "profile": {"user_class": "unit", ' + PROF + ', "old_compound": true}}',
    "INPUT_INVALID_VALUE", "profile.old_compound")
bad("missing gas supply", '{"household": "x", "profile": {"user_class": "unit", "connection": "new"}}', "INPUT_MISSING_FIELD", "profile")
bad("unknown device kind", '{"household": "x", "profile": {"user_class": "unit", ' + PROF + '}, "devices": [{"kind": "smoke_alarm"}]}',
    "INPUT_UNKNOWN_VALUE", "devices[0].kind")
bad("unknown field in a device", '{"household": "x", "profile": {"user_class": "unit", ' + PROF + '}, "devices": [{"kind": "leak_alarm", "colour": "red"}]}',
    "INPUT_UNKNOWN_FIELD", "devices[0].colour")
bad("not JSON", "household=x", "INPUT_JSON_SYNTAX", "")
bad("empty line", "   ", "INPUT_EMPTY", "")

doc = {"area": "installation", "version": 1,
       "description": "Obligations (INS-1..INS-6, GB 55009-2021 §6.1.5) and inspection findings (INS-7) for one household record; "
                      "rejected records. Rule set nanchuan-2022 v1 (spec/installation-rules.json). Generated by spec/tools/gen_installation_vectors.py.",
       "notes": {}, "tests": tests}
(ROOT / "spec/vectors/installation.json").write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
print(len(tests), "cases")
