#!/usr/bin/env python3
"""Generate spec/vectors/declarations.json.

The expected statuses are derived here from the clause table and each case's stated effect, not from the
Rust implementation, so the vectors test the implementation rather than copy it. Run from the repository
root: `python3 spec/tools/gen_declaration_vectors.py`.
"""
import copy, json, pathlib

import vectorfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
REQS = json.loads((ROOT / "spec/requirements.json").read_text())["requirements"]
TIERS = ["low", "mid", "high"]
AS_OF = "2026-06-01"

def reqs_for(kind):
    return [r for r in REQS if r["scope"] in (kind, "any_product")]

CERTS = [
    {"kind": "pattern_approval", "number": "CPA 2024C101-50", "issuer": "示例市场监督管理局", "valid_from": "2024-03-01", "valid_until": "2029-02-28"},
    {"kind": "explosion_proof", "number": "CNEx 24.1201X", "issuer": "示例防爆检验中心", "valid_from": "2024-05-10", "valid_until": "2029-05-09"},
    {"kind": "fire_product", "number": "CCCF-2024-7001", "issuer": "示例消防产品合格评定中心", "valid_from": "2024-06-01", "valid_until": "2029-05-31"},
]

ALARM_HIGH = {
    "vendor": "示例安防科技有限公司（虚构）", "model": "JTM-DEMO-H", "kind": "leak_alarm", "claimed_tier": "high",
    "use_case": "household", "price": "698.00", "service": "上门安装，质保3年",
    "certificates": CERTS, "standards": ["GB 15322.2-2019", "GB 50058-2014", "GB 23757-2009"],
    "identifiers": [{"carrier": "qr_code", "value": "88.118.9/JTM-DEMO-H-0001"},
                    {"carrier": "module", "value": "88.118.9/JTM-DEMO-H-0001"}],
    "capabilities": {"detects": ["methane", "carbon_monoxide"], "interlock": ["wired"],
                     "collects": ["running_status", "valve_state", "concentration"],
                     "transmits": ["nb_iot"], "platform": "示例燃气报警监测管理平台",
                     "notifies": ["app", "phone_call"]},
}
ALARM_LOW = copy.deepcopy(ALARM_HIGH)
ALARM_LOW.update({"model": "JT-DEMO-L", "claimed_tier": "low", "price": "168.00",
                  "identifiers": [{"carrier": "qr_code", "value": "88.118.9/JT-DEMO-L-0001"}]})
ALARM_LOW["capabilities"] = {"detects": ["methane"], "collects": ["running_status", "valve_state", "concentration"],
                             "transmits": ["nb_iot"], "platform": "示例燃气报警监测管理平台"}
VALVE_HIGH = {
    "vendor": "示例安防科技有限公司（虚构）", "model": "ZBF-DEMO-H", "kind": "self_closing_valve", "claimed_tier": "high",
    "price": "498.00", "service": "上门安装，质保5年", "standards": ["CJ/T 447-2014"],
    "identifiers": [{"carrier": "nfc", "value": "88.118.9/ZBF-DEMO-H-0001"},
                    {"carrier": "sim", "value": "88.118.9/ZBF-DEMO-H-0001"}],
    "capabilities": {"auto_close_on": ["over_pressure", "under_pressure", "over_flow"],
                     "closes_without_power": True, "manual_reset": True, "remote_open": False,
                     "collects": ["valve_state"], "transmits": ["lte"], "platform": "示例燃气报警监测管理平台",
                     "notifies": ["wechat"]},
}
VALVE_LOW = copy.deepcopy(VALVE_HIGH)
VALVE_LOW.update({"model": "ZBF-DEMO-L", "claimed_tier": "low", "price": "128.00",
                  "identifiers": [{"carrier": "qr_code", "value": "88.118.9/ZBF-DEMO-L-0001"}]})
VALVE_LOW["capabilities"] = {"auto_close_on": ["over_pressure", "under_pressure", "over_flow"],
                             "closes_without_power": True, "manual_reset": True}

# Raw (tier-independent) statuses of each base document.
def raw_base(doc):
    kind = doc["kind"]
    raw = {r["id"]: "pass" for r in reqs_for(kind)}
    if kind == "self_closing_valve":
        raw.update({"CERT-1": "not_applicable", "CERT-2": "not_applicable", "CERT-3": "not_applicable"})
    if doc is ALARM_LOW:
        raw.update({"ALM-3b": "fail", "ALM-4": "fail", "ALM-5b": "fail", "ALM-7b": "fail"})
    if doc is VALVE_LOW:
        raw.update({"VLV-2b": "fail", "VLV-3": "fail", "VLV-4a": "fail", "VLV-4b": "fail"})
    return raw

MEETS = {"pass", "needs_evidence", "not_applicable", "info"}

def expected_product(doc, raw):
    kind, claimed = doc["kind"], doc["claimed_tier"]
    findings = {}
    for r in reqs_for(kind):
        findings[r["id"]] = raw[r["id"]] if claimed in r["tiers"] else "not_applicable"
    achieved = None
    for t in TIERS:
        # INT-4 (rule set version 2): libgasdev's own CERT-* checks never decide the tier.
        if all(raw[r["id"]] in MEETS for r in reqs_for(kind) if t in r["tiers"] and r["scope"] != "any_product"):
            achieved = t
        else:
            break
    fails = sum(1 for s in findings.values() if s == "fail")
    conformant = fails == 0 and achieved is not None and TIERS.index(achieved) >= TIERS.index(claimed)
    return {"document": "declaration", "conformant": conformant, "achieved_tier": achieved, "findings": findings}

tests = []
def case(desc, spec, base, mutate=None, effect=None, flags=(), as_of=AS_OF):
    doc = copy.deepcopy(base)
    if mutate:
        mutate(doc)
    raw = raw_base(base)
    raw.update(effect or {})
    tests.append({"tcId": len(tests) + 1, "description": desc, "spec": list(spec), "flags": list(flags),
                  "input": {"as_of": as_of, "document": doc}, "result": "valid",
                  "expected": expected_product(doc, raw)})

def caps(**kv):
    def m(d):
        for k, v in kv.items():
            if v is None:
                d["capabilities"].pop(k, None)
            else:
                d["capabilities"][k] = v
    return m

def set_(**kv):
    def m(d):
        for k, v in kv.items():
            if v is None:
                d.pop(k, None)
            else:
                d[k] = v
    return m

def cert(i, **kv):
    def m(d):
        for k, v in kv.items():
            if v is None:
                d["certificates"][i].pop(k, None)
            else:
                d["certificates"][i][k] = v
    return m

def drop_cert(kind):
    def m(d):
        d["certificates"] = [c for c in d["certificates"] if c["kind"] != kind]
    return m

# --- alarms -------------------------------------------------------------------------------------
case("high-tier alarm meeting every clause", ["ALM-1a", "ALM-3b", "ALM-4", "ALM-5b", "ALM-7b"], ALARM_HIGH)
case("low-tier alarm meeting the low clauses", ["ALM-3a", "ALM-5a", "ALM-6b"], ALARM_LOW)
case("alarm without pattern-approval certificate", ["ALM-1a"], ALARM_HIGH, drop_cert("pattern_approval"), {"ALM-1a": "fail"})
case("pattern-approval certificate expired", ["ALM-1a", "CERT-3"], ALARM_HIGH,
     cert(0, valid_from="2019-01-01", valid_until="2024-12-31"), {"ALM-1a": "fail", "CERT-3": "fail"})
case("explosion-proof certificate without a number", ["ALM-1b", "CERT-1"], ALARM_HIGH,
     cert(1, number=None), {"ALM-1b": "fail", "CERT-1": "fail"})
case("alarm without explosion-proof certificate", ["ALM-1b"], ALARM_HIGH, drop_cert("explosion_proof"), {"ALM-1b": "fail"})
case("alarm without fire-product certificate", ["ALM-1c"], ALARM_HIGH, drop_cert("fire_product"), {"ALM-1c": "fail"})
case("fire-product certificate without dates needs evidence", ["ALM-1c", "CERT-3", "INT-2"], ALARM_HIGH,
     cert(2, valid_from=None, valid_until=None), {"ALM-1c": "needs_evidence", "CERT-3": "needs_evidence"})
case("certificate validity starts after it ends", ["CERT-2", "ALM-1a"], ALARM_HIGH,
     cert(0, valid_from="2030-01-01", valid_until="2029-01-01"), {"ALM-1a": "fail", "CERT-2": "fail", "CERT-3": "fail"})
case("certificate not yet valid on the as-of date", ["CERT-3", "ALM-1a"], ALARM_HIGH,
     cert(0, valid_from="2026-07-01"), {"ALM-1a": "fail", "CERT-3": "fail"})
case("an extra expired certificate of a kind no clause needs is info", ["CERT-3", "INT-4"], ALARM_HIGH,
     lambda d: d["certificates"].append({"kind": "other", "number": "ISO9001-2019-001", "valid_until": "2020-01-01"}),
     {"CERT-3": "info"})
case("certificate valid on its last day", ["CERT-3", "ALM-1a"], ALARM_HIGH, cert(0, valid_until=AS_OF), {})
case("alarm listing no GB 15322 part", ["ALM-2a"], ALARM_HIGH,
     set_(standards=["GB 50058-2014", "GB 23757-2009"]), {"ALM-2a": "fail"})
case("household alarm citing only the industrial part", ["ALM-2a"], ALARM_HIGH,
     set_(standards=["GB 15322.1-2019", "GB 50058-2014", "GB 23757-2009"]), {"ALM-2a": "fail"})
case("GB 15322 without the use needs evidence", ["ALM-2a", "INT-2"], ALARM_HIGH, set_(use_case=None),
     {"ALM-2a": "needs_evidence"})
case("industrial alarm citing GB 15322.1", ["ALM-2a"], ALARM_HIGH,
     set_(use_case="industrial_commercial", standards=["GB 15322.1-2019", "GB 50058-2014", "GB 23757-2009"]), {})
case("GB 15322.21 is not GB 15322.2", ["ALM-2a"], ALARM_HIGH,
     set_(standards=["GB 15322.21", "GB 50058-2014", "GB 23757-2009"]), {"ALM-2a": "fail"})
case("alarm without GB 50058", ["ALM-2b"], ALARM_HIGH, set_(standards=["GB 15322.2-2019", "GB 23757-2009"]), {"ALM-2b": "fail"})
case("alarm without the fire electronics standard", ["ALM-2c"], ALARM_HIGH,
     set_(standards=["GB 15322.2-2019", "GB 50058-2014"]), {"ALM-2c": "fail"})
case("fire electronics standard cited by its title", ["ALM-2c", "INT-3"], ALARM_HIGH,
     set_(standards=["GB 15322.2-2019", "GB 50058-2014", "《消防电子产品防护要求》"]), {})
case("alarm detecting CO but not methane", ["ALM-3a"], ALARM_HIGH, caps(detects=["carbon_monoxide"]), {"ALM-3a": "fail"})
case("mid-tier alarm without CO detection", ["ALM-3b"], ALARM_HIGH,
     lambda d: (set_(claimed_tier="mid")(d), caps(detects=["methane"])(d)), {"ALM-3b": "fail"})
case("high-tier alarm without interlock", ["ALM-4"], ALARM_HIGH, caps(interlock=None), {"ALM-4": "fail"})
case("alarm with wireless interlock", ["ALM-4"], ALARM_HIGH, caps(interlock=["wireless"]), {})
case("alarm without a passive identifier", ["ALM-5a"], ALARM_HIGH,
     set_(identifiers=[{"carrier": "module", "value": "88.118.9/JTM-DEMO-H-0001"}]), {"ALM-5a": "fail"})
case("passive identifier that is only a prefix", ["ALM-5a", "INT-9"], ALARM_HIGH,
     set_(identifiers=[{"carrier": "qr_code", "value": "88.118.9"}, {"carrier": "module", "value": "88.118.9/JTM-DEMO-H-0001"}]),
     {"ALM-5a": "fail"})
case("passive identifier that is empty", ["ALM-5a", "INT-9"], ALARM_HIGH,
     set_(identifiers=[{"carrier": "rfid", "value": ""}, {"carrier": "qr_code", "value": "88.118.9/JTM-DEMO-H-0001"},
                       {"carrier": "module", "value": "88.118.9/JTM-DEMO-H-0001"}]),
     {"ALM-5a": "fail"})
case("mid-tier alarm without an active identifier", ["ALM-5b"], ALARM_HIGH,
     lambda d: (set_(claimed_tier="mid")(d), set_(identifiers=[{"carrier": "nfc", "value": "88.118.9/JTM-DEMO-H-0001"}])(d)),
     {"ALM-5b": "fail"})
case("active identifier that is only a prefix", ["ALM-5b"], ALARM_HIGH,
     set_(identifiers=[{"carrier": "qr_code", "value": "88.118.9/JTM-DEMO-H-0001"}, {"carrier": "sim", "value": "88.118.9"}]),
     {"ALM-5b": "fail"})
case("alarm not collecting its running status", ["ALM-6a"], ALARM_HIGH, caps(collects=["valve_state", "concentration"]), {"ALM-6a": "fail"})
case("alarm not collecting the valve state", ["ALM-6b", "INT-1"], ALARM_HIGH, caps(collects=["running_status", "concentration"]), {"ALM-6b": "fail"})
case("low-tier alarm not collecting the valve state", ["ALM-6b", "INT-1"], ALARM_LOW,
     caps(collects=["running_status", "concentration"]), {"ALM-6b": "fail"})
case("alarm not collecting the concentration", ["ALM-6c"], ALARM_HIGH, caps(collects=["running_status", "valve_state"]), {"ALM-6c": "fail"})
case("alarm without any transmission link", ["ALM-7a"], ALARM_HIGH, caps(transmits=None, platform=None), {"ALM-7a": "fail"})
case("links without the platform need evidence", ["ALM-7a", "INT-2"], ALARM_HIGH, caps(platform=None), {"ALM-7a": "needs_evidence"})
case("mid-tier alarm notifying nobody", ["ALM-7b"], ALARM_HIGH,
     lambda d: (set_(claimed_tier="mid")(d), caps(notifies=None)(d)), {"ALM-7b": "fail"})
case("SMS alone counts as notification", ["ALM-7b", "INT-8"], ALARM_HIGH, caps(notifies=["sms"]), {})
case("low-tier alarm claiming high tier", ["ALM-3b", "ALM-4", "ALM-5b", "ALM-7b"], ALARM_LOW, set_(claimed_tier="high"))

# --- valves -------------------------------------------------------------------------------------
case("high-tier valve meeting every clause", ["VLV-0a", "VLV-2b", "VLV-3", "VLV-4a", "VLV-4b"], VALVE_HIGH)
case("low-tier valve meeting the low clauses", ["VLV-0e", "VLV-1", "VLV-2a"], VALVE_LOW)
case("valve not closing on over-pressure", ["VLV-0a"], VALVE_HIGH, caps(auto_close_on=["under_pressure", "over_flow"]), {"VLV-0a": "fail"})
case("valve not closing on under-pressure", ["VLV-0b"], VALVE_HIGH, caps(auto_close_on=["over_pressure", "over_flow"]), {"VLV-0b": "fail"})
case("valve not closing on over-flow", ["VLV-0c"], VALVE_HIGH, caps(auto_close_on=["over_pressure", "under_pressure"]), {"VLV-0c": "fail"})
case("valve needing power to close", ["VLV-0d"], VALVE_HIGH, caps(closes_without_power=False), {"VLV-0d": "fail"})
case("valve not declaring how it closes", ["VLV-0d", "INT-7"], VALVE_HIGH, caps(closes_without_power=None), {"VLV-0d": "fail"})
case("valve that can be reopened remotely", ["VLV-0e"], VALVE_HIGH, caps(remote_open=True), {"VLV-0e": "fail"})
case("valve not declaring manual reopening", ["VLV-0e", "INT-7"], VALVE_HIGH, caps(manual_reset=None), {"VLV-0e": "fail"})
case("valve reopening without a person", ["VLV-0e"], VALVE_HIGH, caps(manual_reset=False), {"VLV-0e": "fail"})
case("manual reset with remote_open absent passes", ["VLV-0e", "INT-7"], VALVE_HIGH, caps(remote_open=None), {})
case("valve without CJ/T 447", ["VLV-1"], VALVE_HIGH, set_(standards=["GB/T 26002"]), {"VLV-1": "fail"})
case("valve without a passive identifier", ["VLV-2a"], VALVE_HIGH,
     set_(identifiers=[{"carrier": "sim", "value": "88.118.9/ZBF-DEMO-H-0001"}]), {"VLV-2a": "fail"})
case("mid-tier valve without an active identifier", ["VLV-2b"], VALVE_HIGH,
     lambda d: (set_(claimed_tier="mid")(d), set_(identifiers=[{"carrier": "barcode", "value": "88.118.9/ZBF-DEMO-H-0001"}])(d)),
     {"VLV-2b": "fail"})
case("mid-tier valve not collecting its state", ["VLV-3"], VALVE_HIGH,
     lambda d: (set_(claimed_tier="mid")(d), caps(collects=None)(d)), {"VLV-3": "fail"})
case("mid-tier valve without transmission", ["VLV-4a"], VALVE_HIGH,
     lambda d: (set_(claimed_tier="mid")(d), caps(transmits=None, platform=None)(d)), {"VLV-4a": "fail"})
case("mid-tier valve notifying nobody", ["VLV-4b"], VALVE_HIGH,
     lambda d: (set_(claimed_tier="mid")(d), caps(notifies=None)(d)), {"VLV-4b": "fail"})
case("low-tier valve claiming mid tier", ["VLV-2b", "VLV-3", "VLV-4a", "VLV-4b"], VALVE_LOW, set_(claimed_tier="mid"))

# --- catalogues ---------------------------------------------------------------------------------
def product(base, vendor, n):
    d = copy.deepcopy(base)
    d.pop("vendor", None)
    d["model"] = f"{d['model']}-{vendor}"
    for i in d["identifiers"]:
        i["value"] = f"88.118.{n}/{d['model']}-0001"
    return d

def tiered(base_high, base_low, vendor, n):
    mid = copy.deepcopy(base_high)
    mid["claimed_tier"] = "mid"
    mid["model"] = base_high["model"].replace("-H", "-M")
    return [product(base_low, vendor, n), product(mid, vendor, n), product(base_high, vendor, n)]

# 统一社会信用代码 (GB 32100-2015), computed here from the standard's formulas, independently of the
# Rust implementation: the organisation code's GB 11714 check character, then the GB 32100 one.
CC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

def org_check(body8):
    val = lambda c: int(c) if c.isdigit() else ord(c) - ord("A") + 10
    r = 11 - sum(val(c) * w for c, w in zip(body8, [3, 7, 9, 10, 5, 8, 4, 2])) % 11
    return {10: "X", 11: "0"}.get(r, str(r))

def credit_code(region, body8, authority="91"):
    first17 = authority + region + body8 + org_check(body8)
    c = (31 - sum(CC_ALPHABET.index(ch) * w for ch, w in zip(first17, CC_WEIGHTS)) % 31) % 31
    return first17 + CC_ALPHABET[c]

def vendor(name, n, status="listed", kinds=("alarm", "valve"), code=True):
    prods = []
    if "alarm" in kinds:
        prods += tiered(ALARM_HIGH, ALARM_LOW, name, n)
    if "valve" in kinds:
        prods += tiered(VALVE_HIGH, VALVE_LOW, name, n)
    v = {"name": f"示例单位{name}（虚构）"}
    if code:
        v["credit_code"] = credit_code("500119", f"{n:08d}")
    v.update({"qualification_grade": "二级（示例）", "contact": f"023-0000-000{n}（虚构）",
              "status": status, "products": prods})
    if status == "removed":
        v["removal"] = {"date": "2025-05-20", "reason": "price_manipulation", "announcement": "示例公告 2025 第1号"}
    return v

CAT = {"name": "示例目录（虚构）", "issuer": "示例专班", "published": "2025-03-15",
       "vendors": [vendor("A", 1), vendor("B", 2), vendor("C", 3)]}

def expected_catalogue(cat, statuses):
    prods = []
    for v in cat["vendors"]:
        removal = v.get("removal")
        if v.get("status", "listed") == "removed" and (removal is None or removal["date"] <= AS_OF):
            continue
        for p in v["products"]:
            prods.append({"model": p["model"], "conformant": True, "achieved_tier": "high" if p["claimed_tier"] != "low" else "low"})
    return prods

CAT_IDS = ["CAT-1", "CAT-2", "CAT-3", "CAT-4", "CAT-5", "CAT-6", "INTEG-1", "INTEG-2", "INTEG-3", "INTEG-4", "PRICE-1"]

def cat_case(desc, spec, mutate, findings, products_fix=None, flags=()):
    cat = copy.deepcopy(CAT)
    if mutate:
        mutate(cat)
    f = {i: "pass" for i in CAT_IDS}
    f["CAT-5"] = "info"
    f.update(findings)
    prods = expected_catalogue(cat, f)
    for model, fix in (products_fix or {}).items():
        for p in prods:
            if p["model"] == model:
                p.update(fix)
    conformant = all(s != "fail" for s in f.values()) and all(p["conformant"] for p in prods)
    tests.append({"tcId": len(tests) + 1, "description": desc, "spec": list(spec), "flags": list(flags),
                  "input": {"as_of": AS_OF, "document": cat}, "result": "valid",
                  "expected": {"document": "catalogue", "conformant": conformant, "findings": f, "products": prods}})

cat_case("catalogue meeting every catalogue clause and check", CAT_IDS, None, {})
cat_case("two listed vendors are too few", ["CAT-1", "CAT-6", "INT-5", "INT-11"], lambda c: c["vendors"].pop(),
         {"CAT-1": "fail", "CAT-6": "fail"})
cat_case("a removed vendor does not count for CAT-1", ["CAT-1", "CAT-4", "CAT-6"],
         lambda c: c["vendors"].__setitem__(2, vendor("C", 3, status="removed")), {"CAT-1": "fail", "CAT-6": "fail"})
cat_case("vendor without a high-tier valve", ["CAT-2", "INT-6"], lambda c: c["vendors"][1]["products"].pop(), {"CAT-2": "fail"})
cat_case("vendor with no products", ["CAT-2", "CAT-6"], lambda c: c["vendors"][2].__setitem__("products", []),
         {"CAT-2": "fail", "CAT-6": "fail"})

def break_mid_alarm(c):
    c["vendors"][0]["products"][1]["capabilities"]["detects"] = ["methane"]
cat_case("non-conformant mid product does not fill its tier", ["CAT-2", "INT-6", "ALM-3b"], break_mid_alarm, {"CAT-2": "fail"},
         {"JTM-DEMO-M-A": {"conformant": False, "achieved_tier": "low"}})
cat_case("vendor without qualification grade", ["CAT-3"], lambda c: c["vendors"][0].pop("qualification_grade"), {"CAT-3": "fail"})
cat_case("vendor without contact details", ["CAT-3"], lambda c: c["vendors"][1].__setitem__("contact", " "), {"CAT-3": "fail"})
cat_case("product without a price", ["CAT-3"], lambda c: c["vendors"][0]["products"][0].pop("price"), {"CAT-3": "fail"})
cat_case("product without service content", ["CAT-3"], lambda c: c["vendors"][2]["products"][2].pop("service"), {"CAT-3": "fail"})
cat_case("product naming another vendor", ["CAT-3"],
         lambda c: c["vendors"][0]["products"][0].__setitem__("vendor", "别家公司（虚构）"), {"CAT-3": "fail"})

def removed_unannounced(c):
    v = vendor("D", 4, status="removed")
    v["removal"].pop("announcement")
    c["vendors"].append(v)
cat_case("removal without announcement", ["CAT-4"], removed_unannounced, {"CAT-4": "fail"})

def removed_no_record(c):
    v = vendor("D", 4, status="removed")
    v.pop("removal")
    c["vendors"].append(v)
cat_case("removed vendor without a removal record", ["CAT-4"], removed_no_record, {"CAT-4": "fail"})
cat_case("listed vendor with a removal record", ["CAT-4"],
         lambda c: c["vendors"][0].__setitem__("removal", {"date": "2025-01-01", "reason": "counterfeit", "announcement": "x"}),
         {"CAT-4": "fail"})

def removed_broken(c):
    v = vendor("D", 4, status="removed")
    v["products"][0]["capabilities"]["detects"] = []
    v["products"][0].pop("price")
    c["vendors"].append(v)
cat_case("removed vendor's broken products are excluded", ["CAT-4", "CAT-3"], removed_broken, {})

# --- input errors -------------------------------------------------------------------------------
def bad(desc, text, error, field, spec=("INPUT",)):
    tests.append({"tcId": len(tests) + 1, "description": desc, "spec": list(spec), "flags": [],
                  "input": {"as_of": AS_OF, "json": text}, "result": "invalid",
                  "expected": {"error": error, "field": field}})

MIN = '"model": "X", "kind": "leak_alarm", "claimed_tier": "low"'
bad("empty file", "", "INPUT_EMPTY", "")
bad("whitespace only", " \n\t ", "INPUT_EMPTY", "")
bad("truncated JSON", "{" + MIN + ",", "INPUT_JSON_SYNTAX", "")
bad("trailing garbage after the object", "{" + MIN + "} x", "INPUT_JSON_SYNTAX", "")
bad("top level is an array", "[]", "INPUT_UNKNOWN_DOCUMENT", "")
bad("object that is neither document", '{"hello": 1}', "INPUT_UNKNOWN_DOCUMENT", "")
bad("unknown top-level field", "{" + MIN + ', "colour": "red"}', "INPUT_UNKNOWN_FIELD", "colour")
bad("unknown capability field", "{" + MIN + ', "capabilities": {"detect": []}}', "INPUT_UNKNOWN_FIELD", "capabilities.detect")
bad("unknown tier", '{"model": "X", "kind": "leak_alarm", "claimed_tier": "premium"}', "INPUT_UNKNOWN_VALUE", "claimed_tier")
bad("unknown kind", '{"model": "X", "kind": "smoke_alarm", "claimed_tier": "low"}', "INPUT_UNKNOWN_VALUE", "kind")
bad("unknown gas", "{" + MIN + ', "capabilities": {"detects": ["radon"]}}', "INPUT_UNKNOWN_VALUE", "capabilities.detects[0]")
bad("missing claimed tier", '{"model": "X", "kind": "leak_alarm"}', "INPUT_MISSING_FIELD", "")
bad("model is a number", '{"model": 7, "kind": "leak_alarm", "claimed_tier": "low"}', "INPUT_JSON_TYPE", "model")
bad("detects is a string", "{" + MIN + ', "capabilities": {"detects": "methane"}}', "INPUT_JSON_TYPE", "capabilities.detects")
bad("impossible certificate date", "{" + MIN + ', "certificates": [{"kind": "ccc", "valid_until": "2023-02-29"}]}',
    "INPUT_BAD_DATE", "certificates[0].valid_until")
bad("price with three decimals", "{" + MIN + ', "price": "99.999"}', "INPUT_BAD_PRICE", "price")
bad("price as a number", "{" + MIN + ', "price": 99}', "INPUT_JSON_TYPE", "price")
bad("catalogue vendor with unknown status", '{"name": "c", "vendors": [{"name": "v", "status": "suspended"}]}',
    "INPUT_UNKNOWN_VALUE", "vendors[0].status")
bad("catalogue product with unknown carrier", '{"name": "c", "vendors": [{"name": "v", "products": [{' + MIN +
    ', "identifiers": [{"carrier": "tattoo", "value": "x"}]}]}]}', "INPUT_UNKNOWN_VALUE", "vendors[0].products[0].identifiers[0].carrier")
bad("removal reason outside the list", '{"name": "c", "vendors": [{"name": "v", "status": "removed", "removal": {"date": "2025-01-01", "reason": "rude"}}]}',
    "INPUT_UNKNOWN_VALUE", "vendors[0].removal.reason")
bad("kind is a number", '{"model": "X", "kind": 1, "claimed_tier": "low"}', "INPUT_JSON_TYPE", "kind")
bad("tier written as an object", '{"model": "X", "kind": "leak_alarm", "claimed_tier": {"low": null}}',
    "INPUT_JSON_TYPE", "claimed_tier")
bad("removal without its date", '{"name": "c", "vendors": [{"name": "v", "status": "removed", "removal": {"reason": "other"}}]}',
    "INPUT_MISSING_FIELD", "vendors[0].removal")

# --- rule set version 2 (appended: tcIds are never renumbered) -----------------------------------
case("an expired CPA next to its valid renewal is info", ["CERT-3", "ALM-1a", "INT-4"], ALARM_HIGH,
     lambda d: d["certificates"].insert(0, {"kind": "pattern_approval", "number": "CPA 2019C101-50",
                                            "valid_from": "2019-03-01", "valid_until": "2024-02-29"}),
     {"CERT-3": "info"})
case("an expired CPA listed after its valid renewal is info", ["CERT-3", "ALM-1a", "INT-4"], ALARM_HIGH,
     lambda d: d["certificates"].append({"kind": "pattern_approval", "number": "CPA 2019C101-50",
                                         "valid_from": "2019-03-01", "valid_until": "2024-02-29"}),
     {"CERT-3": "info"})
case("a certificate without a number fails CERT-1, not the tier", ["CERT-1", "INT-4"], ALARM_HIGH,
     lambda d: d["certificates"].append({"kind": "other", "valid_until": "2030-01-01"}),
     {"CERT-1": "fail"})
case("a valve's expired certificate is info: no clause asks a valve for one", ["CERT-3", "INT-4"], VALVE_HIGH,
     lambda d: d.__setitem__("certificates", [{"kind": "ccc", "number": "CCC-2018-1", "valid_until": "2023-01-01"}]),
     {"CERT-1": "pass", "CERT-2": "pass", "CERT-3": "info"})
def one_kind_vendor(c):
    c["vendors"][2] = vendor("C", 3, kinds=("alarm",))
    c["vendors"].append(vendor("D", 4, kinds=("valve",)))
cat_case("vendors selling one kind need its three tiers only", ["CAT-2", "CAT-6", "INT-6"], one_kind_vendor, {})

# Version 2 of the rule set: companies, kinds, integrity, removal dates, prices.
def future_removal(c):
    c["vendors"][2]["status"] = "removed"
    c["vendors"][2]["removal"] = {"date": "2030-01-01", "reason": "borrowed_qualification", "announcement": "示例公告 2029 第9号"}
cat_case("a removal dated in the future does not yet exclude the vendor", ["CAT-1", "CAT-4"], future_removal, {})

def removal_today(c):
    c["vendors"][2]["status"] = "removed"
    c["vendors"][2]["removal"] = {"date": AS_OF, "reason": "counterfeit", "announcement": "示例公告"}
cat_case("a removal takes effect on its date", ["CAT-1", "CAT-4", "CAT-6"], removal_today, {"CAT-1": "fail", "CAT-6": "fail"})

def version1_reason(c):
    v = vendor("D", 4, status="removed")
    v["removal"]["reason"] = "fake_products"
    c["vendors"].append(v)
cat_case("the version-1 removal reason fake_products is still read", ["CAT-4"], version1_reason, {})

def same_company_thrice(c):
    c["vendors"] = [vendor("A", 1), vendor("A", 1), vendor("A", 1)]
cat_case("one company listed three times counts once", ["CAT-1", "CAT-6", "INTEG-1", "INTEG-2", "INT-5"], same_company_thrice,
         {"CAT-1": "fail", "CAT-6": "fail", "INTEG-1": "fail", "INTEG-2": "fail"})

def same_code_other_name(c):
    c["vendors"][1]["credit_code"] = c["vendors"][0]["credit_code"]
cat_case("two names with one credit code are one company", ["CAT-1", "CAT-6", "INTEG-1"], same_code_other_name,
         {"CAT-1": "fail", "CAT-6": "fail", "INTEG-1": "fail"})

def folded_name(c):
    for v in c["vendors"]:
        v.pop("credit_code")
    c["vendors"][1]["name"] = " 示例单位Ａ(虚构) "
cat_case("names equal after trimming, width and case folding are one company", ["CAT-1", "INTEG-1"], folded_name,
         {"CAT-1": "fail", "CAT-6": "fail", "INTEG-1": "fail"})

def no_codes(c):
    for v in c["vendors"]:
        v.pop("credit_code")
cat_case("a catalogue without any credit code is valid", ["CAT-1"], no_codes, {})

def same_name_two_codes(c):
    c["vendors"][1]["name"] = c["vendors"][0]["name"]
cat_case("one name with two different credit codes is two companies", ["CAT-1", "INTEG-1"], same_name_two_codes, {})

def valves_only(c):
    c["vendors"] = [vendor(n, i + 1, kinds=("valve",)) for i, n in enumerate("ABC")]
cat_case("three vendors selling only valves leave users no alarm to choose", ["CAT-6", "INT-11"], valves_only, {"CAT-6": "fail"})

def model_two_vendors(c):
    c["vendors"][1]["products"][0]["model"] = c["vendors"][0]["products"][0]["model"]
cat_case("one model under two vendors", ["INTEG-3"], model_two_vendors, {"INTEG-3": "fail"})

def model_twice(c):
    c["vendors"][0]["products"].append(copy.deepcopy(c["vendors"][0]["products"][0]))
cat_case("one model listed twice by one vendor", ["INTEG-2"], model_twice, {"INTEG-2": "fail"})

def model_folded_twice(c):
    p = copy.deepcopy(c["vendors"][0]["products"][0])
    p["model"] = " " + p["model"].lower() + " "
    c["vendors"][0]["products"].append(p)
cat_case("a model repeated in other case and with spaces is the same model", ["INTEG-2"], model_folded_twice, {"INTEG-2": "fail"})

def model_two_tiers(c):
    c["vendors"][0]["products"][1]["model"] = c["vendors"][0]["products"][2]["model"]
cat_case("one model claimed for two tiers", ["INTEG-4"], model_two_tiers, {"INTEG-4": "fail"})

def absurd_price(c):
    c["vendors"][0]["products"][0]["price"] = "99999999999.00"
cat_case("an absurd price is noted for the committee, never failed", ["PRICE-1", "INT-13"], absurd_price, {"PRICE-1": "info"})

def high_price(c):
    c["vendors"][1]["products"][2]["price"] = "1500.00"
cat_case("a price above twice its kind-and-tier median is noted", ["PRICE-1", "INT-13"], high_price, {"PRICE-1": "info"})

def twice_median(c):
    c["vendors"][1]["products"][2]["price"] = "1396.00"
cat_case("a price of exactly twice the median is not noted", ["PRICE-1", "INT-13"], twice_median, {})

def absurd_installation(c):
    c["vendors"][0]["products"][0]["installation_price"] = "100000.01"
cat_case("an absurd installation price is noted", ["PRICE-1", "INT-13"], absurd_installation, {"PRICE-1": "info"})

def installation_prices(c):
    for v in c["vendors"]:
        for p in v["products"]:
            p["installation_price"] = "80.00"
cat_case("installation prices apart from product prices", ["PRICE-1", "CAT-3"], installation_prices, {})

bad("malformed credit code (letter O)", '{"name": "c", "vendors": [{"name": "v", "credit_code": "91500119O0000001X8"}]}',
    "INPUT_BAD_CREDIT_CODE", "vendors[0].credit_code", ("INPUT", "CAT-1"))
bad("credit code with a wrong check character", '{"name": "c", "vendors": [{"name": "v", "credit_code": "%s"}]}'
    % (credit_code("500119", "00000001")[:17] + ("0" if credit_code("500119", "00000001")[17] != "0" else "1")),
    "INPUT_BAD_CREDIT_CODE", "vendors[0].credit_code", ("INPUT", "CAT-1"))
bad("credit code of 17 characters", '{"name": "c", "vendors": [{"name": "v", "credit_code": "%s"}]}' % credit_code("500119", "00000001")[:17],
    "INPUT_BAD_CREDIT_CODE", "vendors[0].credit_code", ("INPUT", "CAT-1"))
bad("negative installation price", '{"name": "c", "vendors": [{"name": "v", "products": [{' + MIN + ', "installation_price": "-80.00"}]}]}',
    "INPUT_BAD_PRICE", "vendors[0].products[0].installation_price", ("INPUT", "PRICE-1"))

vectorfile.write("declarations", 2,
                 "Product declarations and catalogues checked against the clauses (ALM, VLV, CAT) and libgasdev's own checks (CERT, INTEG, PRICE), rule set nanchuan-2022 version 2, and malformed documents. "
                 "expected.findings maps every requirement id of the document's kind to its status. Generated by spec/tools/gen_declaration_vectors.py.",
                 tests)
