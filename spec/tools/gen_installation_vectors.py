#!/usr/bin/env python3
"""Generate spec/vectors/installation.json.

Every expectation below is written by hand from the clauses (requirements.md §4, installation.md), not
computed by the implementation. Run from the repository root: `python3 spec/tools/gen_installation_vectors.py`.
"""
import json, pathlib

import vectorfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
AS_OF = "2026-06-01"
tests = []

def product(model, kind, detects=None):
    p = {"model": model, "kind": kind, "claimed_tier": "low"}
    if detects:
        p["capabilities"] = {"detects": detects}
    return p

CATALOGUE = {
    "name": "示例目录（虚构）",
    "vendors": [
        {"name": "在册单位（虚构）", "qualification_grade": "二级", "contact": "023-0000-0001", "products": [
            product("JT-OK-100", "leak_alarm", ["methane"]),
            product("ZBF-OK-200", "self_closing_valve"),
            product("JT-TWO-1", "leak_alarm", ["methane"]),
            product("ZBF-SHARED", "self_closing_valve")]},
        {"name": "另一在册单位（虚构）", "credit_code": "91500119000000027K", "products": [product("JT-TWO-1", "leak_alarm", ["methane"])]},
        {"name": "移出单位（虚构）", "status": "removed",
         "removal": {"date": "2025-01-01", "reason": "counterfeit", "announcement": "示例公告"},
         "products": [product("JT-GONE-1", "leak_alarm", ["methane"]), product("ZBF-SHARED", "self_closing_valve")]},
        {"name": "借用资质单位（虚构）", "status": "removed",
         "removal": {"date": "2025-06-01", "reason": "borrowed_qualification"},
         "products": [product("ZBF-BORROW-1", "self_closing_valve")]},
        {"name": "将移出单位（虚构）", "status": "removed",
         "removal": {"date": "2030-01-01", "reason": "price_manipulation"},
         "products": [product("ZBF-LATER-1", "self_closing_valve")]},
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

def fd(code, severity, clauses, kind, device=None, overdue=False, hazard=None):
    return {"code": code, "severity": severity, "clauses": clauses, "device": device, "kind": kind, "overdue": overdue,
            "hazard": hazard}

VALVE = {"kind": "self_closing_valve", "identifier": "88.118.1/ZBF-OK-200-01", "model": "ZBF-OK-200"}
ALARM = {"kind": "leak_alarm", "identifier": "88.118.1/JT-OK-100-01", "model": "JT-OK-100", "powered": True,
         "detects": ["methane"]}
CUTOFF = {"kind": "cutoff_valve", "model": "QDF-1"}
LINKED = {"alarm": True, "cutoff": True, "monitoring": True}

def case(desc, spec, profile, devices, obligations, findings, catalogue=False, as_of=AS_OF, hazards=None, fire_centre=None,
         declarations=None):
    rec = {"household": f"H-{len(tests) + 1:03d}", "community": "示例小区", "profile": profile, "devices": devices}
    if hazards:
        rec["hazards"] = hazards
    # Unit users with an alarm state their fire-centre link (PLT-4) unless a case is about it.
    if fire_centre is None and profile["user_class"] == "unit" and any(d["kind"] == "leak_alarm" for d in devices):
        fire_centre = LINKED
    if fire_centre != "absent" and fire_centre is not None:
        rec["fire_centre"] = fire_centre
    inp = {"as_of": as_of, "record": rec}
    if catalogue:
        inp["catalogue"] = CATALOGUE
    if declarations is not None:
        inp["declarations"] = declarations
    compliant = all(f["severity"] != "fail" for f in findings)
    tests.append({"tcId": len(tests) + 1, "description": desc, "spec": spec, "flags": [], "input": inp, "result": "valid",
                  "expected": {"compliant": compliant, "obligations": obligations, "findings": findings}})

def P(**kw):
    base = {"gas_supply": "piped_natural_gas", "building_height_m": 30}
    base.update(kw)
    return {k: v for k, v in base.items() if v is not None}

A, V, C = "leak_alarm", "self_closing_valve", "cutoff_valve"
RECT = "2022-10-31"  # 深化方案 四（三）整治攻坚（2022年4月至10月底）: existing public places (interpretation)

# INS-1: new unit users on piped gas: leak alarm on connection.
case("new unit user with an alarm", ["INS-1", "INS-8"], P(user_class="unit", connection="new", unit_category="restaurant", connection_date="2026-05-01"),
     [ALARM], [ob(A, "required", "2026-05-01", True, ["INS-1", "INS-8"])], [])
case("new unit user without an alarm, connected", ["INS-1"], P(user_class="unit", connection="new", connection_date="2026-05-01"),
     [], [ob(A, "required", "2026-05-01", True, ["INS-1"])], [fd("missing_required_device", "fail", ["INS-1"], A, overdue=True)])
case("new unit user not yet connected", ["INS-1"], P(user_class="unit", connection="new"),
     [], [ob(A, "required", "on_connection", False, ["INS-1"])], [fd("missing_required_device", "fail", ["INS-1"], A)])
case("connection date in the future is not overdue", ["INS-1"], P(user_class="unit", connection="new", connection_date="2026-07-01"),
     [], [ob(A, "required", "2026-07-01", False, ["INS-1"])], [fd("missing_required_device", "fail", ["INS-1"], A)])
case("connected today is not yet overdue", ["INS-1"], P(user_class="unit", connection="new", connection_date=AS_OF),
     [], [ob(A, "required", AS_OF, False, ["INS-1"])], [fd("missing_required_device", "fail", ["INS-1"], A)])
case("new other unit on bottled LPG: no INS-1 duty", ["INS-1"], P(user_class="unit", connection="new", gas_supply="bottled_lpg"),
     [], [], [])
# INS-2: new residential users on piped gas: valve on connection.
case("new residential user with a valve", ["INS-2"], P(user_class="residential", connection="new", connection_date="2026-04-01"),
     [VALVE], [ob(V, "required", "2026-04-01", True, ["INS-2"])], [])
case("new residential user without a valve", ["INS-2"], P(user_class="residential", connection="new", connection_date="2026-04-01"),
     [], [ob(V, "required", "2026-04-01", True, ["INS-2"])], [fd("missing_required_device", "fail", ["INS-2"], V, overdue=True)])
case("new residential piped-LPG user needs a valve too", ["INS-2"], P(user_class="residential", connection="new", gas_supply="piped_lpg"),
     [VALVE], [ob(V, "required", "on_connection", False, ["INS-2"])], [])
case("new residential bottled-LPG user: no valve duty", ["INS-2"], P(user_class="residential", connection="new", gas_supply="bottled_lpg"),
     [], [], [])
case("new residential coal-gas user needs a valve", ["INS-2"], P(user_class="residential", connection="new", gas_supply="piped_coal_gas"),
     [], [ob(V, "required", "on_connection", False, ["INS-2"])], [fd("missing_required_device", "fail", ["INS-2"], V)])
# INS-3 and GB 55009 §6.1.5: over 100 m.
case("new residential user over 100 m has alarm and valve", ["INS-3", "INS-2", "GB55009-6.1.5"],
     P(user_class="residential", connection="new", building_height_m=100.5, connection_date="2026-01-10"), [ALARM, VALVE],
     [ob(A, "required", "2026-01-10", True, ["INS-3", "GB55009-6.1.5"]), ob(V, "required", "2026-01-10", True, ["INS-2"])], [])
case("new residential user over 100 m without alarm", ["INS-3", "GB55009-6.1.5"],
     P(user_class="residential", connection="new", building_height_m=150, connection_date="2026-01-10"), [VALVE],
     [ob(A, "required", "2026-01-10", True, ["INS-3", "GB55009-6.1.5"]), ob(V, "required", "2026-01-10", True, ["INS-2"])],
     [fd("missing_required_device", "fail", ["INS-3", "GB55009-6.1.5"], A, overdue=True)])
case("new bottled-LPG resident over 100 m: alarm only", ["INS-3", "GB55009-6.1.5"],
     P(user_class="residential", connection="new", building_height_m=150, gas_supply="bottled_lpg"), [],
     [ob(A, "required", "on_connection", False, ["INS-3", "GB55009-6.1.5"])],
     [fd("missing_required_device", "fail", ["INS-3", "GB55009-6.1.5"], A)])
case("exactly 100 m is not taller than 100 m", ["INS-3"], P(user_class="residential", connection="new", building_height_m=100, connection_date="2026-01-10"),
     [VALVE], [ob(V, "required", "2026-01-10", True, ["INS-2"])], [])
case("existing old-compound user over 100 m", ["INS-3", "INS-5", "GB55009-6.1.5"],
     P(user_class="residential", connection="existing", old_compound=True, building_height_m=120), [VALVE],
     [ob(A, "required", "2022-12-31", True, ["INS-3", "GB55009-6.1.5"]), ob(V, "required", "2022-12-31", True, ["INS-5"])],
     [fd("missing_required_device", "fail", ["INS-3", "GB55009-6.1.5"], A, overdue=True)])
case("any existing resident over 100 m needs an alarm", ["INS-3", "GB55009-6.1.5", "INS-6"],
     P(user_class="residential", connection="existing", building_height_m=150), [VALVE],
     [ob(A, "required", "2022-12-31", True, ["INS-3", "GB55009-6.1.5"]), ob(V, "recommended", None, False, ["INS-6"])],
     [fd("missing_required_device", "fail", ["INS-3", "GB55009-6.1.5"], A, overdue=True)])
case("existing resident over 100 m with an alarm", ["INS-3", "GB55009-6.1.5", "INS-6"],
     P(user_class="residential", connection="existing", building_height_m=150), [ALARM, VALVE],
     [ob(A, "required", "2022-12-31", True, ["INS-3", "GB55009-6.1.5"]), ob(V, "recommended", None, False, ["INS-6"])], [])
case("existing bottled-LPG resident over 100 m", ["GB55009-6.1.5"],
     P(user_class="residential", connection="existing", building_height_m=150, gas_supply="bottled_lpg"), [],
     [ob(A, "recommended", None, False, ["GB55009-6.1.5"])], [fd("missing_recommended_device", "info", ["GB55009-6.1.5"], A)])
case("new unit user over 100 m", ["INS-1", "GB55009-6.1.5"], P(user_class="unit", connection="new", building_height_m=200, connection_date="2026-02-01"),
     [ALARM], [ob(A, "required", "2026-02-01", True, ["INS-1", "GB55009-6.1.5"])], [])
case("unknown height flags the over-100 m rules", ["INS-3", "GB55009-6.1.5"],
     P(user_class="residential", connection="new", building_height_m=None, connection_date="2026-02-01"), [VALVE],
     [ob(V, "required", "2026-02-01", True, ["INS-2"])], [fd("height_unknown", "warn", ["INS-3", "GB55009-6.1.5"], A)])
case("unknown height of an existing unit", ["GB55009-6.1.5", "INS-4"],
     P(user_class="unit", connection="existing", unit_category="mall", building_height_m=None), [ALARM],
     [ob(A, "required", "2022-02-28", True, ["INS-4", "INS-8"])], [fd("height_unknown", "warn", ["GB55009-6.1.5"], A)])
# INS-4: existing unit users on piped natural gas by 2022-02-28; INS-8 public places; INS-9 cut-off valves.
for cat in ["restaurant", "hotel", "mall", "school", "hospital", "other"]:
    clauses = ["INS-4"] if cat == "other" else ["INS-4", "INS-8"]
    obs = [ob(A, "required", "2022-02-28", True, clauses)]
    fs = [fd("missing_required_device", "fail", clauses, A, overdue=True)]
    if cat == "school":
        obs.append(ob(C, "required", RECT, True, ["INS-9"]))
        fs.append(fd("missing_required_device", "fail", ["INS-9"], C, overdue=True))
    case(f"existing {cat} on piped gas without an alarm", ["INS-4"], P(user_class="unit", connection="existing", unit_category=cat), [],
         obs, fs)
case("existing unit before the INS-4 deadline", ["INS-4"], P(user_class="unit", connection="existing", unit_category="hotel"), [],
     [ob(A, "required", "2022-02-28", False, ["INS-4", "INS-8"])], [fd("missing_required_device", "fail", ["INS-4", "INS-8"], A)],
     as_of="2022-02-28")
case("bottled-LPG restaurant without an alarm fails", ["INS-8"],
     P(user_class="unit", connection="existing", unit_category="restaurant", gas_supply="bottled_lpg"), [],
     [ob(A, "required", RECT, True, ["INS-8"])], [fd("missing_required_device", "fail", ["INS-8"], A, overdue=True)])
case("existing other unit on bottled LPG: no duty", ["INS-4", "INS-8"],
     P(user_class="unit", connection="existing", unit_category="other", gas_supply="bottled_lpg"), [], [], [])
for cat in ["small_hotel", "farmers_market", "mixed_use", "group_rental", "homestay", "training_institution", "elderly_care"]:
    obs = [ob(A, "required", RECT, True, ["INS-8"])]
    fs = [fd("missing_required_device", "fail", ["INS-8"], A, overdue=True)]
    if cat == "training_institution":
        obs.append(ob(C, "required", RECT, True, ["INS-9"]))
        fs.append(fd("missing_required_device", "fail", ["INS-9"], C, overdue=True))
    case(f"{cat} on bottled LPG without an alarm", ["INS-8"],
         P(user_class="unit", connection="existing", unit_category=cat, gas_supply="bottled_lpg"), [], obs, fs)
case("new public place on bottled LPG, due on connection", ["INS-8"],
     P(user_class="unit", connection="new", unit_category="homestay", gas_supply="bottled_lpg"), [],
     [ob(A, "required", "on_connection", False, ["INS-8"])], [fd("missing_required_device", "fail", ["INS-8"], A)])
case("crowded place: alarm and cut-off valve", ["INS-8", "INS-9"],
     P(user_class="unit", connection="existing", unit_category="other", crowded_place=True, gas_supply="bottled_lpg"),
     [dict(ALARM, detects=["propane"])],
     [ob(A, "required", RECT, True, ["INS-8"]), ob(C, "required", RECT, True, ["INS-9"])],
     [fd("missing_required_device", "fail", ["INS-9"], C, overdue=True)])
case("school with an alarm and no cut-off valve", ["INS-9"], P(user_class="unit", connection="existing", unit_category="school"),
     [ALARM], [ob(A, "required", "2022-02-28", True, ["INS-4", "INS-8"]), ob(C, "required", RECT, True, ["INS-9"])],
     [fd("missing_required_device", "fail", ["INS-9"], C, overdue=True)])
case("school with an alarm and a cut-off valve", ["INS-9"], P(user_class="unit", connection="existing", unit_category="school"),
     [ALARM, CUTOFF], [ob(A, "required", "2022-02-28", True, ["INS-4", "INS-8"]), ob(C, "required", RECT, True, ["INS-9"])], [])
case("cut-off valve latched closed", ["INS-9"], P(user_class="unit", connection="new", unit_category="training_institution"),
     [ALARM, dict(CUTOFF, valve_latched_closed=True)],
     [ob(A, "required", "on_connection", False, ["INS-1", "INS-8"]), ob(C, "required", "on_connection", False, ["INS-9"])],
     [fd("valve_needs_manual_reset", "warn", ["INS-9"], C, device=1)])
# INS-10: the alarm fits the gas.
case("LPG restaurant whose alarm detects methane only", ["INS-10", "INS-8"],
     P(user_class="unit", connection="new", unit_category="restaurant", gas_supply="bottled_lpg"), [ALARM],
     [ob(A, "required", "on_connection", False, ["INS-8"])], [fd("gas_mismatch", "fail", ["INS-10"], A, device=0)])
case("LPG restaurant with a propane alarm", ["INS-10", "INS-8"],
     P(user_class="unit", connection="new", unit_category="restaurant", gas_supply="bottled_lpg"), [dict(ALARM, detects=["propane", "carbon_monoxide"])],
     [ob(A, "required", "on_connection", False, ["INS-8"])], [])
case("coal-gas unit with a CO alarm", ["INS-10"],
     P(user_class="unit", connection="new", gas_supply="piped_coal_gas"), [dict(ALARM, detects=["carbon_monoxide"])],
     [ob(A, "required", "on_connection", False, ["INS-1"])], [])
case("alarm whose gases are not known", ["INS-10"], P(user_class="unit", connection="existing"),
     [{k: v for k, v in ALARM.items() if k != "detects"}], [ob(A, "required", "2022-02-28", True, ["INS-4"])],
     [fd("gas_unknown", "warn", ["INS-10"], A, device=0)])
case("gases taken from the catalogue entry", ["INS-10"], P(user_class="unit", connection="existing", gas_supply="piped_lpg"),
     [{k: v for k, v in ALARM.items() if k != "detects"}], [],
     [fd("gas_mismatch", "fail", ["INS-10"], A, device=0)], catalogue=True)
case("catalogue entry fits piped natural gas", ["INS-10"], P(user_class="unit", connection="existing"),
     [{k: v for k, v in ALARM.items() if k != "detects"}], [ob(A, "required", "2022-02-28", True, ["INS-4"])], [], catalogue=True)
case("other gas supply: gas fit not checked", ["INS-10"], P(user_class="residential", connection="existing", gas_supply="other"),
     [{k: v for k, v in ALARM.items() if k != "detects"}], [], [])
# INS-5 / INS-6.
case("old-compound household with a valve", ["INS-5"], P(user_class="residential", connection="existing", old_compound=True), [VALVE],
     [ob(V, "required", "2022-12-31", True, ["INS-5"])], [])
case("hardship household without a valve", ["INS-5"], P(user_class="residential", connection="existing", hardship=True), [],
     [ob(V, "required", "2022-12-31", True, ["INS-5"])], [fd("missing_required_device", "fail", ["INS-5"], V, overdue=True)])
case("INS-5 household before the deadline", ["INS-5"], P(user_class="residential", connection="existing", old_compound=True), [],
     [ob(V, "required", "2022-12-31", False, ["INS-5"])], [fd("missing_required_device", "fail", ["INS-5"], V)], as_of="2022-12-31")
case("INS-5 covers piped natural gas only", ["INS-5"], P(user_class="residential", connection="existing", old_compound=True, gas_supply="bottled_lpg"),
     [], [], [])
case("other existing household: valve recommended", ["INS-6"], P(user_class="residential", connection="existing"), [],
     [ob(V, "recommended", None, False, ["INS-6"])], [fd("missing_recommended_device", "info", ["INS-6"], V)])
# INS-7 / INS-13: the catalogue is a choice; lookup without guessing; removals.
RES = P(user_class="residential", connection="existing")
OB6 = [ob(V, "recommended", None, False, ["INS-6"])]
case("off-catalogue valve is lawful (information)", ["INS-13", "CAT-3"], RES,
     [dict(VALVE, model="ZBF-NOPE")], OB6, [fd("not_in_catalogue", "info", ["INS-13", "CAT-3"], V, device=0)], catalogue=True)
# --declarations: unlisted models checked against 附件3 on their declarations. The two declarations are those of
# spec/vectors/declarations.json #1 (conformant, high) and #7 (no fire-product certificate: fails ALM-1c only).
DECL = {t["tcId"]: t for t in json.loads((ROOT / "spec/vectors/declarations.json").read_text())["tests"]}
assert DECL[1]["expected"]["conformant"] and DECL[1]["expected"]["achieved_tier"] == "high"
assert sorted(k for k, v in DECL[7]["expected"]["findings"].items() if v == "fail") == ["ALM-1c"]
GOOD = dict(DECL[1]["input"]["document"], model="JTM-OFF-GOOD")
BAD = dict(DECL[7]["input"]["document"], model="JTM-OFF-BAD")
UNIT = P(user_class="unit", connection="existing")
OB4 = [ob(A, "required", "2022-02-28", True, ["INS-4"])]
case("unlisted alarm whose declaration meets 附件3", ["INS-13"], UNIT, [dict(ALARM, model="jtm-off-good")], OB4,
     [fd("off_catalogue_conformant", "info", ["INS-13"], A, device=0)], catalogue=True, declarations=[GOOD, BAD])
case("unlisted alarm whose declaration fails 附件3", ["INS-13", "ALM-1c"], UNIT, [dict(ALARM, model="JTM-OFF-BAD")], OB4,
     [fd("off_catalogue_nonconformant", "fail", ["INS-13", "ALM-1c"], A, device=0)], catalogue=True, declarations=[GOOD, BAD])
case("unlisted alarm without a declaration", ["INS-13", "CAT-3"], UNIT, [dict(ALARM, model="JTM-NOBODY")], OB4,
     [fd("off_catalogue_undeclared", "warn", ["INS-13", "CAT-3"], A, device=0)], catalogue=True, declarations=[GOOD])
case("detected gases read from the declaration", ["INS-10"], P(user_class="unit", connection="existing", gas_supply="piped_lpg"),
     [{k: v for k, v in ALARM.items() if k != "detects"} | {"model": "JTM-OFF-GOOD"}], [],
     [fd("gas_mismatch", "fail", ["INS-10"], A, device=0)], declarations=[GOOD])
case("model written in another case and width", ["INS-7"], RES,
     [dict(VALVE, model=" ｚｂｆ-ok-200 ")], OB6, [], catalogue=True)
case("model under two companies, no vendor recorded", ["INS-7"], P(user_class="unit", connection="existing"),
     [dict(ALARM, model="JT-TWO-1")], [ob(A, "required", "2022-02-28", True, ["INS-4"])],
     [fd("ambiguous_model", "warn", ["INS-7"], A, device=0)], catalogue=True)
case("model under two companies, vendor recorded", ["INS-7"], P(user_class="unit", connection="existing"),
     [dict(ALARM, model="JT-TWO-1", vendor="另一在册单位（虚构）")], [ob(A, "required", "2022-02-28", True, ["INS-4"])], [], catalogue=True)
case("model under two companies, credit code recorded", ["INS-7"], P(user_class="unit", connection="existing"),
     [dict(ALARM, model="JT-TWO-1", vendor="91500119000000027k")], [ob(A, "required", "2022-02-28", True, ["INS-4"])], [], catalogue=True)
case("listed and removed company, no vendor recorded", ["INS-7", "CAT-4"], RES,
     [dict(VALVE, model="ZBF-SHARED")], OB6, [fd("ambiguous_model", "warn", ["INS-7"], V, device=0)], catalogue=True)
case("listed and removed company, listed one recorded", ["INS-7"], RES,
     [dict(VALVE, model="ZBF-SHARED", vendor=" 在册单位（虚构）")], OB6, [], catalogue=True)
case("listed and removed company, removed one recorded", ["CAT-4"], RES,
     [dict(VALVE, model="ZBF-SHARED", vendor="移出单位（虚构）", installed_on="2024-05-01")], OB6,
     [fd("removed_vendor", "warn", ["CAT-4"], V, device=0)], catalogue=True)
case("vendor recorded that does not list the model", ["INS-13", "CAT-3"], RES,
     [dict(VALVE, vendor="另一在册单位（虚构）")], OB6, [fd("not_in_catalogue", "info", ["INS-13", "CAT-3"], V, device=0)], catalogue=True)
case("device from a vendor removed for counterfeiting", ["CAT-4", "INS-4"], P(user_class="unit", connection="existing"),
     [dict(ALARM, model="JT-GONE-1")], [ob(A, "required", "2022-02-28", True, ["INS-4"])],
     [fd("removed_vendor", "warn", ["CAT-4"], A, device=0)], catalogue=True)
case("vendor removed for borrowed qualification", ["CAT-4"], RES,
     [dict(VALVE, model="ZBF-BORROW-1")], OB6, [fd("removed_vendor", "warn", ["CAT-4"], V, device=0)], catalogue=True)
case("removal dated in the future still counts as listed", ["CAT-4"], RES,
     [dict(VALVE, model="ZBF-LATER-1")], OB6, [], catalogue=True)
case("catalogue lists the model as another kind", ["INS-7"], RES,
     [dict(VALVE, model="JT-OK-100")], OB6, [fd("kind_mismatch", "fail", ["INS-7"], V, device=0)], catalogue=True)
case("listed model passes the catalogue check", ["INS-7"], RES, [VALVE], OB6, [], catalogue=True)
case("cut-off valves are not looked up in the catalogue", ["INS-9"], RES, [dict(CUTOFF, model="NOT-LISTED")], OB6,
     [fd("missing_recommended_device", "info", ["INS-6"], V)], catalogue=True)
case("valve without a readable identifier", ["VLV-2a", "INS-7"], RES,
     [{"kind": V, "model": "ZBF-OK-200"}], OB6, [fd("no_identifier", "fail", ["VLV-2a"], V, device=0)])
case("alarm with an empty identifier", ["ALM-5a", "INS-7"], P(user_class="unit", connection="existing"),
     [dict(ALARM, identifier="")], [ob(A, "required", "2022-02-28", True, ["INS-4"])],
     [fd("no_identifier", "fail", ["ALM-5a"], A, device=0)])
case("identifier that is only a prefix", ["VLV-2a"], RES,
     [dict(VALVE, identifier="88.118.1")], OB6, [fd("prefix_only_identifier", "fail", ["VLV-2a"], V, device=0)])
case("malformed identifier", ["ALM-5a"], P(user_class="unit", connection="existing"),
     [dict(ALARM, identifier="88..1/x")], [ob(A, "required", "2022-02-28", True, ["INS-4"])],
     [fd("malformed_identifier", "fail", ["ALM-5a"], A, device=0)])
case("alarm not powered", ["INS-7"], P(user_class="unit", connection="existing"),
     [dict(ALARM, powered=False)], [ob(A, "required", "2022-02-28", True, ["INS-4"])],
     [fd("not_powered", "fail", ["INS-7"], A, device=0)])
case("sensor at end of life", ["INS-7"], P(user_class="unit", connection="existing"),
     [dict(ALARM, sensor_end_of_life=True)], [ob(A, "required", "2022-02-28", True, ["INS-4"])],
     [fd("sensor_end_of_life", "fail", ["INS-7"], A, device=0)])
case("valve at end of life cites the plan, not GB 15322", ["INS-7", "INS-11"], P(user_class="residential", connection="existing", old_compound=True),
     [dict(VALVE, end_of_life=True)], [ob(V, "required", "2022-12-31", True, ["INS-5"])],
     [fd("device_end_of_life", "fail", ["INS-7", "INS-11"], V, device=0)])
case("valve latched closed needs a manual reset", ["VLV-0e"], P(user_class="residential", connection="existing", old_compound=True),
     [dict(VALVE, valve_latched_closed=True)], [ob(V, "required", "2022-12-31", True, ["INS-5"])],
     [fd("valve_needs_manual_reset", "warn", ["VLV-0e"], V, device=0)])
case("report older than seven days is stale", ["PLT-1"], RES,
     [dict(VALVE, last_report="2026-05-24")], OB6, [fd("stale_report", "warn", ["PLT-1"], V, device=0)])
case("report seven days old is not stale", ["PLT-1"], RES, [dict(VALVE, last_report="2026-05-25")], OB6, [])
case("several findings on one household", ["INS-7", "INS-5", "ALM-5a"], P(user_class="residential", connection="existing", hardship=True),
     [dict(ALARM, identifier=None, powered=False, sensor_end_of_life=True)], [ob(V, "required", "2022-12-31", True, ["INS-5"])],
     [fd("missing_required_device", "fail", ["INS-5"], V, overdue=True), fd("no_identifier", "fail", ["ALM-5a"], A, device=0),
      fd("not_powered", "fail", ["INS-7"], A, device=0), fd("sensor_end_of_life", "fail", ["INS-7"], A, device=0)])
# INS-11 / INS-12: the hazard checklist.
HAZ_PUBLIC = ["pipe_occupied", "pipe_through_enclosed_space", "cylinder_room_underground", "cylinder_in_dining_area",
              "substandard_cylinder", "substandard_cooker", "substandard_hose", "substandard_regulator", "illegal_tee",
              "alarm_installed_improperly"]
HAZ_OLD = ["illegal_filling_point", "unauthorised_alteration", "indoor_pipe_corroded"]
case("every public-place hazard", ["INS-11"], P(user_class="unit", connection="existing", unit_category="restaurant", gas_supply="bottled_lpg"),
     [dict(ALARM, detects=["propane"])], [ob(A, "required", RECT, True, ["INS-8"])],
     [fd("hazard", "fail", ["INS-11"], None, hazard=h) for h in HAZ_PUBLIC], hazards=HAZ_PUBLIC)
case("every old-compound hazard", ["INS-12"], P(user_class="residential", connection="existing", old_compound=True),
     [VALVE], [ob(V, "required", "2022-12-31", True, ["INS-5"])],
     [fd("hazard", "fail", ["INS-12"], None, hazard=h) for h in HAZ_OLD], hazards=HAZ_OLD)
# PLT-4: signals to the fire control centre.
case("unit alarm, fire-centre link not recorded", ["PLT-4"], P(user_class="unit", connection="existing"),
     [ALARM], [ob(A, "required", "2022-02-28", True, ["INS-4"])], [fd("fire_centre_unknown", "warn", ["PLT-4"], None)],
     fire_centre="absent")
case("unit alarm, cut-off signal not linked", ["PLT-4"], P(user_class="unit", connection="existing"),
     [ALARM], [ob(A, "required", "2022-02-28", True, ["INS-4"])], [fd("fire_centre_not_linked", "warn", ["PLT-4"], None)],
     fire_centre={"alarm": True, "cutoff": False})
case("residential alarm: no fire-centre question", ["PLT-4"], P(user_class="residential", connection="new", building_height_m=120),
     [ALARM, VALVE], [ob(A, "required", "on_connection", False, ["INS-3", "GB55009-6.1.5"]),
                      ob(V, "required", "on_connection", False, ["INS-2"])], [])

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
bad("version 1 'lpg' is ambiguous: rejected", '{"household": "x", "profile": {"user_class": "unit", "connection": "new", "gas_supply": "lpg"}}',
    "INPUT_UNKNOWN_VALUE", "profile.gas_supply")
bad("unknown gas supply", '{"household": "x", "profile": {"user_class": "unit", "connection": "new", "gas_supply": "hydrogen"}}',
    "INPUT_UNKNOWN_VALUE", "profile.gas_supply")
bad("unknown unit category", '{"household": "x", "profile": {"user_class": "unit", ' + PROF + ', "unit_category": "casino"}}',
    "INPUT_UNKNOWN_VALUE", "profile.unit_category")
bad("crowded-place flag on a residential user", '{"household": "x", "profile": {"user_class": "residential", ' + PROF + ', "crowded_place": true}}',
    "INPUT_INVALID_VALUE", "profile.crowded_place")
bad("unknown hazard code", '{"household": "x", "profile": {"user_class": "unit", ' + PROF + '}, "hazards": ["illegal_tee", "gas_smell"]}',
    "INPUT_UNKNOWN_VALUE", "hazards[1]")
bad("unknown detected gas", '{"household": "x", "profile": {"user_class": "unit", ' + PROF + '}, "devices": [{"kind": "leak_alarm", "detects": ["radon"]}]}',
    "INPUT_UNKNOWN_VALUE", "devices[0].detects[0]")
bad("valve field on an alarm", '{"household": "x", "profile": {"user_class": "unit", ' + PROF + '}, "devices": [{"kind": "leak_alarm", "valve_latched_closed": true}]}',
    "INPUT_INVALID_VALUE", "devices[0].valve_latched_closed")
bad("sensor field on a valve", '{"household": "x", "profile": {"user_class": "unit", ' + PROF + '}, "devices": [{"kind": "self_closing_valve", "sensor_end_of_life": true}]}',
    "INPUT_INVALID_VALUE", "devices[0].sensor_end_of_life")
bad("gases on a cut-off valve", '{"household": "x", "profile": {"user_class": "unit", ' + PROF + '}, "devices": [{"kind": "ffi", "detects": []}]}'.replace('"ffi"', '"cutoff_valve"'),
    "INPUT_INVALID_VALUE", "devices[0].detects")
bad("unknown fire-centre signal", '{"household": "x", "profile": {"user_class": "unit", ' + PROF + '}, "fire_centre": {"smoke": true}}',
    "INPUT_UNKNOWN_FIELD", "fire_centre.smoke")
tests.append({"tcId": len(tests) + 1, "description": "a declarations entry that is not a declaration", "spec": ["INS-13"],
              "flags": [], "input": {"as_of": AS_OF, "declarations": [{"model": "X", "kind": "smoke_alarm", "claimed_tier": "low"}],
                                     "record": {"household": "x", "profile": {"user_class": "unit", "connection": "existing",
                                                                              "gas_supply": "piped_natural_gas"}}},
              "result": "invalid", "expected": {"error": "INPUT_UNKNOWN_VALUE", "field": "declarations[0].kind"}})
bad("not JSON", "household=x", "INPUT_JSON_SYNTAX", "")
bad("empty line", "   ", "INPUT_EMPTY", "")

# Case ids are stable: the 55 cases of version 1 keep their tcIds (in version 1's order, with version 2's expectations;
# five were renamed where the reading changed), new cases follow. The descriptions of version 1, in order:
V1 = [l.split(" ", 1)[1] for l in (ROOT / "spec/tools/installation_v1_cases.txt").read_text(encoding="utf-8").splitlines()]
RENAMED = {
    "new residential LPG user needs a valve too": "new residential piped-LPG user needs a valve too",
    "other existing user over 100 m: alarm recommended": "any existing resident over 100 m needs an alarm",
    "existing unit on LPG has no INS-4 obligation": "bottled-LPG restaurant without an alarm fails",
    "device model not in the catalogue": "off-catalogue valve is lawful (information)",
    "device from a removed vendor": "device from a vendor removed for counterfeiting",
}
by_desc = {t["description"]: t for t in tests}
assert len(by_desc) == len(tests), "descriptions are unique"
ordered = [by_desc.pop(RENAMED.get(d, d)) for d in V1]
ordered += [t for t in tests if t["description"] in by_desc]
for n, t in enumerate(ordered, 1):
    t["tcId"] = n
    rec = t["input"].get("record")
    if rec is not None:
        rec["household"] = f"H-{n:03d}"
tests = ordered

vectorfile.write("installation", 2,
                 "Obligations (INS-1..INS-6, INS-8, INS-9, GB 55009-2021 §6.1.5) and inspection findings (INS-7, INS-10..INS-13, "
                 "PLT-4) for one household record; rejected records. Rule set nanchuan-2022 v2 (spec/installation-rules.json). Generated by spec/tools/gen_installation_vectors.py.",
                 tests)
