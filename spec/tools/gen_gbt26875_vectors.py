#!/usr/bin/env python3
"""Generate spec/vectors/gbt26875.json with an encoder independent of the Rust code:
`python3 spec/tools/gen_gbt26875_vectors.py > spec/vectors/gbt26875.json`."""
import json, pathlib, struct, sys

BITS_SYS = ["normal","fire_alarm","fault","disabled","supervisory","started","feedback","delay",
            "main_power_fault","backup_power_fault","bus_fault","manual","config_changed","reset","bit14","bit15"]
BITS_COMP = ["normal","fire_alarm","fault","disabled","supervisory","started","feedback","delay",
             "power_fault"] + [f"bit{i}" for i in range(9,16)]
BITS_UITD = ["normal","fire_alarm","fault","main_power_fault","backup_power_fault","channel_fault","line_fault"] + [f"bit{i}" for i in range(7,16)]
BITS_OP = ["reset","silence","manual_alarm","alarm_cleared","self_test","acknowledge","test"] + [f"bit{i}" for i in range(7,16)]
BITS_UOP = ["reset","silence","manual_alarm","alarm_cleared","self_test","attendance_answer","test"] + [f"bit{i}" for i in range(7,16)]
CMD = {1:"control",2:"send_data",3:"confirm",4:"request",5:"response",6:"deny"}
TYPES = {1:"system_status",2:"component_status",3:"analog_value",4:"operation",5:"software_version",6:"system_config",
         7:"component_config",8:"system_time",21:"uitd_status",24:"uitd_operation",25:"uitd_software_version",
         26:"uitd_config",28:"uitd_time",61:"read_system_status",62:"read_component_status",63:"read_analog_value",
         64:"read_operations",65:"read_software_version",66:"read_system_config",67:"read_component_config",
         68:"read_system_time",81:"read_uitd_status",84:"read_uitd_operations",85:"read_uitd_software_version",
         86:"read_uitd_config",88:"read_uitd_time",89:"init_uitd",90:"sync_uitd_clock",91:"attendance_check"}
ANALOG = {1:("件",1),2:("m",100),3:("℃",10),4:("MPa",10),5:("kPa",10),6:("%LEL",10),7:("s",1),8:("V",10),9:("A",10),
          10:("L/s",10),11:("m³/min",10),12:("m/s",1)}

def bits(names, w): return [n for i,n in enumerate(names) if w >> i & 1]
def h(b): return b.hex()

def tl(y,mo,d,hh,mi,s): return bytes([s,mi,hh,d,mo,y-2000])
def iso(t):
    s,mi,hh,d,mo,y = t
    return f"{2000+y:04}-{mo:02}-{d:02}T{hh:02}:{mi:02}:{s:02}"
def valid_time(t):
    import calendar
    s,mi,hh,d,mo,y = t
    if y>99 or hh>23 or mi>59 or s>59 or not 1<=mo<=12: return False
    return 1 <= d <= calendar.monthrange(2000+y, mo)[1]
def tjson(key, t):
    out = {key: iso(t)}
    if not valid_time(t): out[key+"_valid"] = False
    return out

T0 = tl(2024,5,1,12,30,0)

def desc_bytes(text="", raw=None):
    b = raw if raw is not None else text.encode("gb18030")
    assert len(b) <= 31
    return b + b"\0"*(31-len(b))

def desc_json(raw, text):
    return {"description": text, "description_raw": h(raw)}

# ---- object builders: (body bytes, json) ----
def sysid(st, sa): return bytes([st,sa]), {"system_type":st,"system_address":sa}
def comp(st, sa, ct, ca):
    return bytes([st,sa,ct]) + struct.pack("<I",ca), {"system_type":st,"system_address":sa,"component_type":ct,"component_address":ca}

def o_sys_status(st,sa,status):
    b,j = sysid(st,sa); return b+struct.pack("<H",status), {**j,"status":status,"status_bits":bits(BITS_SYS,status)}
def o_comp_status(st,sa,ct,ca,status,raw,text):
    b,j = comp(st,sa,ct,ca); return b+struct.pack("<H",status)+raw, {**j,"status":status,"status_bits":bits(BITS_COMP,status),**desc_json(raw,text)}
def o_analog(st,sa,ct,ca,at,v):
    b,j = comp(st,sa,ct,ca)
    unit, div = ANALOG.get(at,(None,None))
    return b+bytes([at])+struct.pack("<h",v), {**j,"analog_type":at,"value":(v/div if div else None),"unit":unit,"raw_value":v}
def o_op(st,sa,op,operator):
    b,j = sysid(st,sa); return b+bytes([op,operator]), {**j,"operation":op,"operation_bits":bits(BITS_OP,op),"operator":operator}
def o_ver(st,sa,ma,mi):
    b,j = sysid(st,sa); return b+bytes([ma,mi]), {**j,"major":ma,"minor":mi}
def o_sys_cfg(st,sa,text):
    b,j = sysid(st,sa); t = text.encode("gb18030"); return b+bytes([len(t)])+t, {**j,"description":text,"description_raw":h(t)}
def o_comp_cfg(st,sa,ct,ca,raw,text):
    b,j = comp(st,sa,ct,ca); return b+raw, {**j,**desc_json(raw,text)}
def o_sys_time(st,sa,t):
    b,j = sysid(st,sa); return b+t, {**j,**tjson("time",t)}
def o_uitd_status(s): return bytes([s]), {"status":s,"status_bits":bits(BITS_UITD,s)}
def o_uitd_op(op,operator): return bytes([op,operator]), {"operation":op,"operation_bits":bits(BITS_UOP,op),"operator":operator}
def o_uitd_ver(ma,mi): return bytes([ma,mi]), {"major":ma,"minor":mi}
def o_uitd_cfg(text):
    t = text.encode("gb18030"); return bytes([len(t)])+t, {"description":text,"description_raw":h(t)}
def o_time(t): return t, tjson("time",t)
def o_read_sys(st,sa): return sysid(st,sa)
def o_read_comp(st,sa,ca):
    b,j = sysid(st,sa); return b+struct.pack("<I",ca), {**j,"component_address":ca}
def o_read_ops(st,sa,n,t):
    b,j = sysid(st,sa); return b+bytes([n])+t, {**j,"record_count":n,**tjson("start_time",t)}
def o_read_uops(n,t): return bytes([n])+t, {"record_count":n,**tjson("start_time",t)}
def o_reserved(r=0): return bytes([r]), {"reserved":r}
def o_attend(m): return bytes([m]), {"timeout_minutes":m}

TIMED = {1,2,3,4,21,24}

def adu(type_flag, objs, labels=True, count=None):
    """objs: list of (body, json, time-or-None)."""
    n = len(objs) if count is None else count
    b = bytes([type_flag, n]); js = []
    for body, j, t in objs:
        b += body
        j = dict(j)
        if type_flag in TIMED and labels:
            b += t; j.update(tjson("time", t))
        js.append(j)
    return b, {"type":type_flag,"type_name":TYPES[type_flag],"count":n,"time_labels":bool(type_flag in TIMED and labels),"objects":js}

def raw_adu(type_flag, count, body, name):
    return bytes([type_flag,count])+body, {"type":type_flag,"type_name":name,"count":count,"time_labels":False,"objects":[{"raw":h(body)}]}

def packet(serial=1, ver=(1,0), t=T0, src=1, dst=0, cmd=2, adu_b=b"", length=None, csum=None, start=b"@@", end=b"##"):
    L = len(adu_b) if length is None else length
    cu = struct.pack("<H",serial)+bytes(ver)+t+src.to_bytes(6,"little")+dst.to_bytes(6,"little")+struct.pack("<H",L)+bytes([cmd])+adu_b
    s = sum(cu) % 256 if csum is None else csum
    return start + cu + bytes([s]) + end

def pjson(serial=1, ver=(1,0), t=T0, src=1, dst=0, cmd=2, adu_j=None, L=0, dev=(), csum_ok=True):
    j = {"serial":serial,"version":list(ver),**tjson("time",t),"source":src,"destination":dst,"command":cmd,
         "command_name":CMD.get(cmd, "user_defined" if cmd>=128 else "reserved"),"checksum_ok":csum_ok,
         "adu_length":L,"heartbeat":adu_j is None and cmd==2,"deviations":list(dev),"adu":adu_j}
    return j

tests = []
def case(desc, spec, flags, inp, result, expected):
    assert len(desc) < 70, desc
    if "TYPE" in flags and "GBT-14" not in spec: spec = spec + ["GBT-14"]
    if "MAPPING" in flags and isinstance(expected, dict) and "packets" in expected: spec = spec + ["GBT-14"]
    tests.append({"tcId":len(tests)+1,"description":desc,"spec":spec,"flags":flags,"input":inp,"result":result,"expected":expected})

def dec(desc, spec, flags, hdr, objs_adu=None, result="valid", strict=None, dev=(), raw_packet=None, **pk):
    """hdr: dict for packet()/pjson(); objs_adu: (bytes,json) or None."""
    ab, aj = objs_adu if objs_adu else (b"", None)
    p = raw_packet if raw_packet is not None else packet(adu_b=ab, **hdr, **pk)
    j = pjson(adu_j=aj, L=len(ab), dev=dev, **hdr)
    if result == "valid":
        case(desc, spec, flags, {"packet":h(p)}, "valid", j)
    else:
        case(desc, spec, flags, {"packet":h(p)}, "acceptable", {"tolerant":j,"strict":strict})
    return p

def err(desc, spec, flags, p, name, off, **extra):
    case(desc, spec, flags, {"packet":h(p), **extra}, "invalid", {"error":name,"offset":off})

UP = dict(src=1, dst=0, cmd=2)
DOWN = dict(src=0, dst=1, cmd=4)
CTRL = dict(src=0, dst=1, cmd=1)

# ---------------- reference vectors ----------------
V1_HEX = "40 40 00 00 01 01 18 0D 11 16 0A 14 00 00 00 00 00 00 06 05 04 03 02 01 30 00 02 02 01 01 03 00 D9 00 06 00 02 00 A3 C1 C7 F8 A3 B1 B2 E3 DF C8 B2 B8 D7 DF C0 C8 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 30 12 13 01 08 14 68 23 23"
V1 = bytes.fromhex(V1_HEX.replace(" ",""))
v1_raw = desc_bytes("Ａ区１层呷哺走廊")
v1_hdr = dict(serial=0, ver=(1,1), t=tl(2020,10,22,17,13,24), src=0, dst=0x010203040506, cmd=2)
p = dec("V1 real frame: component status, fire alarm, GB 18030 text", ["GBT-1","GBT-2","GBT-5","GBT-6","GBT-7","GBT-50"], ["REAL_FRAME"],
        v1_hdr, adu(2, [(*o_comp_status(1,3,0,0x000600D9,0x0002,v1_raw,"Ａ区１层呷哺走廊"), tl(2020,8,1,19,18,48))]))
assert p == V1, (h(p), h(V1))

S1 = bytes.fromhex("40 40 01 00 01 00 00 1E 0C 01 05 18 01 00 00 00 00 00 00 00 00 00 00 00 30 00 02 02 01 01 01 0B 05 00 01 00 03 00 B3 F8 B7 BF C8 BC C6 F8 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 1E 0C 01 05 18 41 23 23".replace(" ",""))
s1_raw = desc_bytes("厨房燃气")
s1_obj = o_comp_status(1,1,11,0x00010005,0x0003,s1_raw,"厨房燃气")
p = dec("S1 synthetic: point gas detector, gas alarm", ["GBT-1","GBT-7","GBT-9","GBT-10"], ["SYNTHETIC"],
        dict(serial=1, **UP), adu(2, [(*s1_obj, T0)]))
assert p == S1 and p[-3] == 0x41
S2 = bytes.fromhex("40 40 02 00 01 00 00 1E 0C 01 05 18 01 00 00 00 00 00 00 00 00 00 00 00 12 00 02 03 01 01 01 0B 05 00 01 00 06 FA 00 00 1E 0C 01 05 18 BF 23 23".replace(" ",""))
p = dec("S2 synthetic: analog value 25.0 %LEL", ["GBT-8","GBT-9","GBT-10"], ["SYNTHETIC"],
        dict(serial=2, **UP), adu(3, [(*o_analog(1,1,11,0x00010005,6,250), T0)]))
assert p == S2 and p[-3] == 0xBF, h(p)
S3 = bytes.fromhex("40 40 01 00 01 00 00 1E 0C 01 05 18 00 00 00 00 00 00 01 00 00 00 00 00 00 00 03 4E 23 23".replace(" ",""))
p = dec("S3 synthetic: confirm with empty ADU", ["GBT-4","GBT-12"], ["SYNTHETIC"], dict(serial=1, src=0, dst=1, cmd=3))
assert p == S3
S4 = bytes.fromhex("40 40 03 00 01 00 00 1E 0C 01 05 18 01 00 00 00 00 00 00 00 00 00 00 00 09 00 02 15 01 01 00 1E 0C 01 05 18 B7 23 23".replace(" ",""))
p = dec("S4 synthetic: UITD status normal", ["GBT-9","GBT-10"], ["SYNTHETIC"], dict(serial=3, **UP), adu(21, [(*o_uitd_status(1), T0)]))
assert p == S4, h(p)

# ---------------- every type flag ----------------
t1 = tl(2024,5,1,12,29,58)
dec("type 1: two system status objects", ["GBT-7","GBT-9","GBT-10"], ["TYPE"], dict(serial=4, **UP),
    adu(1, [(*o_sys_status(1,1,0x0001), T0), (*o_sys_status(10,2,0x0102), t1)]))
dec("type 2: valve actuator closed, supervisory, feedback", ["GBT-7","GBT-9"], ["TYPE"], dict(serial=5, **UP),
    adu(2, [(*o_comp_status(1,1,101,0x00020001,0x0051,desc_bytes("总阀"),"总阀"), T0)]))
dec("type 2: description padded with spaces", ["GBT-6","GBT-29"], ["TYPE"], dict(serial=6, **UP),
    adu(2, [(*o_comp_status(0,0,10,7,0x0001,b"Kitchen"+b" "*24,"Kitchen"), T0)]))
dec("type 3: temperature, user-defined CO and negative values", ["GBT-8","GBT-44"], ["TYPE"], dict(serial=7, **UP),
    adu(3, [(*o_analog(1,1,11,5,3,-15), T0), (*o_analog(1,1,11,5,128,150), T0), (*o_analog(1,1,25,6,2,-32768), t1)]))
dec("type 4: facility operation, silence", ["GBT-7","GBT-9"], ["TYPE"], dict(serial=8, **UP),
    adu(4, [(*o_op(1,1,0x02,7), T0)]))
dec("type 5: facility software version", ["GBT-9"], ["TYPE"], dict(serial=9, **UP), adu(5, [(*o_ver(1,1,2,13), None)]))
dec("type 6: two system configuration texts, one empty", ["GBT-6","GBT-9"], ["TYPE"], dict(serial=10, **UP),
    adu(6, [(*o_sys_cfg(1,1,"燃气报警系统 v2"), None), (*o_sys_cfg(1,2,""), None)]))
dec("type 7: component configuration", ["GBT-6","GBT-9"], ["TYPE"], dict(serial=11, **UP),
    adu(7, [(*o_comp_cfg(1,1,11,0x00010005,s1_raw,"厨房燃气"), None), (*o_comp_cfg(1,1,101,0x00020001,desc_bytes("总阀"),"总阀"), None)]))
dec("type 8: facility system time", ["GBT-5","GBT-9"], ["TYPE"], dict(serial=12, **UP), adu(8, [(*o_sys_time(1,1,t1), None)]))
dec("type 21: UITD status with main power fault", ["GBT-7","GBT-9"], ["TYPE"], dict(serial=13, **UP),
    adu(21, [(*o_uitd_status(0x09), T0)]))
dec("type 24: UITD operation, attendance-check answer", ["GBT-7","GBT-9"], ["TYPE"], dict(serial=14, **UP),
    adu(24, [(*o_uitd_op(0x20,0), T0), (*o_uitd_op(0x11,3), t1)]))
dec("type 25: UITD software version", ["GBT-9"], ["TYPE"], dict(serial=15, **UP), adu(25, [(*o_uitd_ver(1,2), None)]))
dec("type 26: UITD configuration text", ["GBT-6","GBT-9"], ["TYPE"], dict(serial=16, **UP), adu(26, [(*o_uitd_cfg("UITD-01 南川"), None)]))
dec("type 28: UITD system time", ["GBT-5","GBT-9"], ["TYPE"], dict(serial=17, **UP), adu(28, [(*o_time(t1), None)]))
dec("type 61: read two system statuses", ["GBT-9"], ["TYPE"], dict(serial=18, **DOWN), adu(61, [(*o_read_sys(1,1), None), (*o_read_sys(10,2), None)]))
dec("type 62: read component status by address", ["GBT-9"], ["TYPE"], dict(serial=19, **DOWN), adu(62, [(*o_read_comp(1,1,0x00010005), None)]))
dec("type 63: read component analog value", ["GBT-9"], ["TYPE"], dict(serial=20, **DOWN), adu(63, [(*o_read_comp(1,1,0x00010005), None)]))
dec("type 64: read facility operation records", ["GBT-5","GBT-9"], ["TYPE"], dict(serial=21, **DOWN), adu(64, [(*o_read_ops(1,1,10,tl(2024,4,30,0,0,0)), None)]))
dec("type 65: read facility software version", ["GBT-9"], ["TYPE"], dict(serial=22, **DOWN), adu(65, [(*o_read_sys(1,1), None)]))
dec("type 66: read system configuration", ["GBT-9"], ["TYPE"], dict(serial=23, **DOWN), adu(66, [(*o_read_sys(1,1), None), (*o_read_sys(1,2), None), (*o_read_sys(1,3), None)]))
dec("type 67: read component configuration", ["GBT-9"], ["TYPE"], dict(serial=24, **DOWN), adu(67, [(*o_read_comp(1,1,0x00010005), None)]))
dec("type 68: read facility system time", ["GBT-9"], ["TYPE"], dict(serial=25, **DOWN), adu(68, [(*o_read_sys(1,1), None)]))
for i,(tf,name) in enumerate([(81,"read UITD status"),(85,"read UITD software version"),(86,"read UITD configuration"),(88,"read UITD system time")]):
    dec(f"type {tf}: {name}", ["GBT-9"], ["TYPE"], dict(serial=26+i, **DOWN), adu(tf, [(*o_reserved(0), None)]))
dec("type 84: read UITD operation records", ["GBT-5","GBT-9"], ["TYPE"], dict(serial=30, **DOWN), adu(84, [(*o_read_uops(102,tl(2024,4,30,0,0,0)), None)]))
dec("type 89: initialise UITD (control command)", ["GBT-9"], ["TYPE"], dict(serial=31, **CTRL), adu(89, [(*o_reserved(0), None)]))
dec("type 90: synchronise UITD clock", ["GBT-5","GBT-9"], ["TYPE"], dict(serial=32, **CTRL), adu(90, [(*o_time(t1), None)]))
dec("type 91: attendance check, 10 minutes", ["GBT-9"], ["TYPE"], dict(serial=33, **CTRL), adu(91, [(*o_attend(10), None)]))
dec("type 2 under response command 5", ["GBT-4","GBT-9"], ["TYPE"], dict(serial=34, src=1, dst=0, cmd=5), adu(2, [(*s1_obj, T0)]))
dec("user-defined type 200 passed through raw", ["GBT-26"], ["RAW_TYPE"], dict(serial=35, **UP), raw_adu(200, 3, bytes.fromhex("0102030405"), "user_defined"))
dec("user-defined command 130 with empty ADU", ["GBT-4"], [], dict(serial=36, src=1, dst=0, cmd=130))
dec("deny with empty ADU", ["GBT-4","GBT-12"], [], dict(serial=1, src=0, dst=1, cmd=6))
dec("largest ADU: 1024 bytes of a user-defined type", ["GBT-3","GBT-26"], ["RAW_TYPE"], dict(serial=37, **UP), raw_adu(254, 1, bytes(range(256))*3 + bytes(254), "user_defined"))
dec("largest address and serial", ["GBT-2"], [], dict(serial=65535, ver=(1,255), src=0xFFFFFFFFFFFF, dst=0x800000000001, cmd=3))

# ---------------- tolerant: acceptable ----------------
def acc(desc, spec, hdr, adu_pair, dev, err_name, off, flags=("TOLERANT",), packet_bytes=None):
    dec(desc, spec, list(flags), hdr, adu_pair, result="acceptable", strict={"error":err_name,"offset":off}, dev=dev, raw_packet=packet_bytes)

acc("version bytes swapped (big-endian u16 writer)", ["GBT-20"], dict(serial=40, ver=(0,1), **UP), adu(21, [(*o_uitd_status(1), T0)]),
    ["version"], "GBT_BAD_VERSION", 4)
acc("main version 2", ["GBT-20"], dict(serial=41, ver=(2,0), src=0, dst=1, cmd=3), None, ["version"], "GBT_BAD_VERSION", 4)
acc("heartbeat: send data with empty ADU", ["GBT-21"], dict(serial=42, **UP), None, ["empty_adu"], "GBT_BAD_ADU_LENGTH", 24)
acc("component status without its time label", ["GBT-22"], dict(serial=43, **UP), adu(2, [(*s1_obj, None)], labels=False),
    ["missing_time_labels"], "GBT_BAD_ADU_LENGTH", 28)
acc("two analog values without time labels", ["GBT-22"], dict(serial=44, **UP),
    adu(3, [(*o_analog(1,1,11,5,6,250), None), (*o_analog(1,1,11,6,6,0), None)], labels=False), ["missing_time_labels"], "GBT_BAD_ADU_LENGTH", 28)
lead = b"\0\0" + "厨房燃气".encode("gb18030") + b"\0"*21
acc("description after leading NULs", ["GBT-29"], dict(serial=45, **UP), adu(2, [(*o_comp_status(1,1,11,5,3,lead,"厨房燃气"), T0)]),
    ["description_padding"], "GBT_BAD_TEXT", 38)
garb = "厨房".encode("gb18030") + b"  \0AB" + b"\0"*22
acc("description with garbage after its NUL", ["GBT-29"], dict(serial=46, **UP), adu(2, [(*o_comp_status(1,1,11,5,3,garb,"厨房"), T0)]),
    ["description_padding"], "GBT_BAD_TEXT", 38)
bad = bytes.fromhex("b3f8ff41") + b"\0"*27
acc("malformed GB 18030 decoded with replacement", ["GBT-30"], dict(serial=47, **UP), adu(2, [(*o_comp_status(1,1,11,5,1,bad,"厨\ufffdA"), T0)]),
    ["text_malformed"], "GBT_BAD_TEXT", 38)
acc("reserved type flag 45 passed through raw", ["GBT-26"], dict(serial=48, **UP), raw_adu(45, 1, bytes.fromhex("aabb"), "reserved"),
    ["reserved_type"], "GBT_RESERVED_TYPE", 27, flags=("TOLERANT","RAW_TYPE"))
acc("type flag 255 is not assigned", ["GBT-26"], dict(serial=49, **UP), raw_adu(255, 0, b"", "reserved"),
    ["reserved_type"], "GBT_RESERVED_TYPE", 27, flags=("TOLERANT","RAW_TYPE"))
# count does not fit the length: type 1, n=2, one object + label only
ab = bytes([1,2]) + o_sys_status(1,1,1)[0] + T0
acc("count does not fit the length: kept raw", ["GBT-23"], dict(serial=50, **UP),
    (ab, {"type":1,"type_name":"system_status","count":2,"time_labels":False,"objects":[{"raw":h(ab[2:])}]}),
    ["objects_unparsed"], "GBT_BAD_ADU_LENGTH", 28)
acc("object count 0", ["GBT-24"], dict(serial=51, **UP), adu(1, []), ["count_out_of_range"], "GBT_BAD_COUNT", 28)
acc("two software versions where the figure fixes n = 1", ["GBT-24"], dict(serial=52, **UP),
    adu(5, [(*o_ver(1,1,1,0), None), (*o_ver(1,2,1,1), None)]), ["count_out_of_range"], "GBT_BAD_COUNT", 28)
acc("header time month 13", ["GBT-28"], dict(serial=53, t=bytes([0,0,0,1,13,24]), src=0, dst=1, cmd=3), None, ["bad_time"], "GBT_BAD_TIME", 6)
acc("object time 2023-02-29", ["GBT-28"], dict(serial=54, **UP), adu(21, [(*o_uitd_status(1), bytes([0,0,0,29,2,23]))]), ["bad_time"], "GBT_BAD_TIME", 30)
acc("reserved component status bit 9 set", ["GBT-27"], dict(serial=55, **UP), adu(2, [(*o_comp_status(1,1,11,5,0x0201,s1_raw,"厨房燃气"), T0)]),
    ["reserved_field"], "GBT_BAD_FIELD", 36)
acc("reserved byte of type 81 not zero", ["GBT-27"], dict(serial=56, **DOWN), adu(81, [(*o_reserved(1), None)]), ["reserved_field"], "GBT_BAD_FIELD", 29)
acc("record count 103 over the limit of 102", ["GBT-27"], dict(serial=57, **DOWN), adu(84, [(*o_read_uops(103,T0), None)]),
    ["reserved_field"], "GBT_BAD_FIELD", 29)
acc("reserved command byte 7", ["GBT-25"], dict(serial=58, src=1, dst=0, cmd=7), None, ["reserved_command"], "GBT_RESERVED_COMMAND", 26)
acc("start time of a read is not a date", ["GBT-28"], dict(serial=59, **DOWN), adu(64, [(*o_read_ops(1,1,5,bytes([0,0,25,1,1,24])), None)]),
    ["bad_time"], "GBT_BAD_TIME", 32)
acc("swapped version and missing labels: strict names the first", ["GBT-20","GBT-22"], dict(serial=60, ver=(0,1), **UP),
    adu(21, [(*o_uitd_status(1), None)], labels=False), ["version","missing_time_labels"], "GBT_BAD_VERSION", 4)
tb_hdr = dict(serial=61, src=0, dst=1, cmd=3)
acc("CR LF after the end marker", ["GBT-31"], tb_hdr, None, ["trailing_bytes"], "GBT_TRAILING_BYTES", 30, packet_bytes=packet(**tb_hdr)+b"\r\n")

# checksum verification off
pk = bytearray(S3); pk[27] ^= 0xFF
j = pjson(serial=1, src=0, dst=1, cmd=3, L=0, csum_ok=False)
case("checksum verification off: wrong sum reported", ["GBT-1"], [], {"packet":h(bytes(pk)),"verify_checksum":False}, "valid", j)

# ---------------- invalid ----------------
bad_v1 = bytearray(V1); bad_v1[75] = 0x69
err("V1 with a wrong checksum", ["GBT-1","GBT-3"], ["REAL_FRAME"], bytes(bad_v1), "GBT_BAD_CHECKSUM", 75)
pk = bytearray(S1); pk[40] ^= 0x01
err("S1 with one description bit flipped", ["GBT-1","GBT-3"], [], bytes(pk), "GBT_BAD_CHECKSUM", 75)
err("first start byte wrong", ["GBT-3"], [], b"A" + S3[1:], "GBT_BAD_START", 0)
err("second start byte wrong", ["GBT-3"], [], b"@#" + S3[2:], "GBT_BAD_START", 1)
err("end marker wrong", ["GBT-3"], [], S3[:-1] + b"$", "GBT_BAD_END", 29)
err("ADU length 1025", ["GBT-3"], [], packet(serial=1, **UP, adu_b=b"", length=1025)[:27], "GBT_LENGTH_TOO_LARGE", 24)
err("ADU length 65535", ["GBT-3"], [], packet(serial=1, **UP, adu_b=bytes(100), length=0xFFFF), "GBT_LENGTH_TOO_LARGE", 24)
err("23 component statuses exceed 1024 bytes", ["GBT-3","GBT-24"], [], packet(serial=1, **UP, adu_b=adu(2, [(*s1_obj, T0)]*23)[0]), "GBT_LENGTH_TOO_LARGE", 24)
err("ADU length one beyond the buffer", ["GBT-13"], [], packet(serial=2, **UP, adu_b=S2[27:45], length=19), "GBT_TRUNCATED", 48)
err("ADU length one short of the objects", ["GBT-3","GBT-13"], [], S2[:24] + bytes([17,0]) + S2[26:], "GBT_BAD_END", 45)
err("truncated inside the control unit", ["GBT-13"], [], S1[:20], "GBT_TRUNCATED", 20)
err("truncated before the end marker", ["GBT-13"], [], S1[:-1], "GBT_TRUNCATED", 77)
err("empty input", ["GBT-13"], [], b"", "GBT_TRUNCATED", 0)
err("a lone start byte", ["GBT-13"], [], b"@", "GBT_TRUNCATED", 1)
err("ASCII-hex text given as packet bytes", ["GBT-11"], ["ASCII_HEX"], h(S3).encode(), "GBT_ASCII_HEX", 0)
err("an ADU of one byte has no count", ["GBT-10"], [], packet(serial=1, **UP, adu_b=bytes([2])), "GBT_BAD_ADU_LENGTH", 27)

# ---------------- ASCII-hex mode ----------------
txt = " ".join(h(S3)[i:i+2].upper() for i in range(0, len(h(S3)), 2))
case("ASCII-hex mode: upper case with spaces", ["GBT-11"], ["ASCII_HEX"], {"hex_text": txt}, "valid", pjson(serial=1, src=0, dst=1, cmd=3))
case("ASCII-hex mode: a character that is not hex", ["GBT-11"], ["ASCII_HEX"], {"hex_text": "4040zz"}, "invalid", {"error":"GBT_BAD_HEX","offset":4})
case("ASCII-hex mode: odd number of digits", ["GBT-11"], ["ASCII_HEX"], {"hex_text": "40404"}, "invalid", {"error":"GBT_BAD_HEX","offset":5})

# ---------------- session answers ----------------
def ans(desc, kind, p, t, out):
    case(desc, ["GBT-12"], ["SESSION"], {"answer":kind,"packet":h(p),"time":iso(t)}, "valid", {"packet":h(out)})
ans("confirm for S1 is S3", "confirm", S1, T0, S3)
ans("deny for S1 echoes the serial", "deny", S1, T0, packet(serial=1, src=0, dst=1, cmd=6))
ans("confirm for V1 echoes version and swaps addresses", "confirm", V1, t1, packet(serial=0, ver=(1,1), t=t1, src=0x010203040506, dst=0, cmd=3))
ans("deny for a packet with a wrong checksum", "deny", bytes(bad_v1), t1, packet(serial=0, ver=(1,1), t=t1, src=0x010203040506, dst=0, cmd=6))

# ---------------- mapping ----------------
QUIET = {"gas":"none","co":"none","preheat":False,"fault":False,"end_of_life":False,"self_test":False,"muted":False}
POINT = {"system_type":1,"system_address":1,"component_address":0x00010005,"description":"厨房燃气"}
def lel(v): return {"value":v,"unit":"pct_lel","lel_basis_pct_vol":5.0}
def ppm(v): return {"value":v,"unit":"ppm"}
def status_obj(ct, w, text="厨房燃气", t=T0, point=POINT):
    raw = desc_bytes(text)
    j = o_comp_status(point["system_type"],point["system_address"],ct,point["component_address"],w,raw,text)[1]
    return {**j, **tjson("time", t)}
def analog_obj(ct, at, v, t=T0, point=POINT):
    return {**o_analog(point["system_type"],point["system_address"],ct,point["component_address"],at,v)[1], **tjson("time",t)}

def m_alarm(desc, spec, status, policy, objects=None, error=None, readings=None, header=None, packets=None):
    inp = {"status":{**QUIET,**status},"readings":readings or {"combustible":"unknown","co":"unknown"},"point":POINT,"time":iso(T0),"policy":policy}
    if header: inp["header"] = header
    if error:
        case(desc, ["GBT-40"]+spec, ["MAPPING"], {"map_alarm":inp}, "invalid", {"error":error,"offset":0})
    else:
        exp = {"objects":objects}
        if packets: exp["packets"] = [h(x) for x in packets]
        case(desc, ["GBT-40"]+spec, ["MAPPING"], {"map_alarm":inp}, "valid", exp)

HDR = {"serial":1,"version":[1,0],"time":iso(T0),"source":1,"destination":0,"command":2}
m_alarm("gas high alarm, default policy, reproduces S1", ["GBT-41"], {"gas":"high"}, {}, [status_obj(11,0x0003)], header=HDR, packets=[S1])
m_alarm("gas high alarm and 25.00 %LEL reproduce S1 and S2", ["GBT-41","GBT-43"], {"gas":"high"}, {}, [status_obj(11,0x0003), analog_obj(11,6,250)],
        readings={"combustible":lel(25.0),"co":"unknown"}, header=HDR, packets=[S1,S2])
m_alarm("no condition: normal bit only", ["GBT-41"], {}, {}, [status_obj(11,0x0001)])
m_alarm("gas low alarm raises fire by default", ["GBT-41"], {"gas":"low"}, {}, [status_obj(11,0x0003)])
m_alarm("gas high alarm as supervisory", ["GBT-41"], {"gas":"high"}, {"gas_high":"supervisory"}, [status_obj(11,0x0011)])
m_alarm("gas low supervisory while high stays fire", ["GBT-41"], {"gas":"low"}, {"gas_low":"supervisory"}, [status_obj(11,0x0011)])
m_alarm("gas low alarm raising nothing", ["GBT-41"], {"gas":"low"}, {"gas_low":"nothing"}, [status_obj(11,0x0001)])
m_alarm("CO high alarm with 150 ppm to user type 128", ["GBT-41","GBT-44"], {"co":"high"}, {}, [status_obj(11,0x0003), analog_obj(11,128,150)],
        readings={"combustible":"unknown","co":ppm(150.0)})
m_alarm("CO low alarm as supervisory, CO type 200", ["GBT-41","GBT-44"], {"co":"low"}, {"co_low":"supervisory","co_analog_type":200},
        [status_obj(11,0x0011), analog_obj(11,200,35)], readings={"combustible":"unknown","co":ppm(35.0)})
m_alarm("both readings: combustible first, then CO", ["GBT-43","GBT-44"], {}, {}, [status_obj(11,0x0001), analog_obj(11,6,0), analog_obj(11,128,0)],
        readings={"combustible":lel(0.0),"co":ppm(0.0)})
m_alarm("fault sets bit 2", ["GBT-41"], {"fault":True}, {}, [status_obj(11,0x0005)])
m_alarm("gas alarm and fault together", ["GBT-41"], {"gas":"high","fault":True}, {}, [status_obj(11,0x0007)])
m_alarm("end of life raises fault by default", ["GBT-41"], {"end_of_life":True}, {}, [status_obj(11,0x0005)])
m_alarm("end of life as supervisory", ["GBT-41"], {"end_of_life":True}, {"end_of_life":"supervisory"}, [status_obj(11,0x0011)])
m_alarm("self-test clears bit 0", ["GBT-41"], {"self_test":True}, {}, [status_obj(11,0x0000)])
m_alarm("preheat raises nothing by default", ["GBT-41"], {"preheat":True}, {}, [status_obj(11,0x0001)])
m_alarm("preheat as disabled", ["GBT-41"], {"preheat":True}, {"preheat":"disabled"}, [status_obj(11,0x0009)])
m_alarm("muted is not a state", ["GBT-41"], {"muted":True}, {}, [status_obj(11,0x0001)])
m_alarm("normal bit off", ["GBT-41"], {}, {"normal_bit":False}, [status_obj(11,0x0000)])
m_alarm("stand-alone detector type 12", ["GBT-41"], {"gas":"high"}, {"alarm_component_type":12}, [status_obj(12,0x0003)])
m_alarm("12.55 %LEL rounds half up to 126 counts", ["GBT-43"], {}, {}, [status_obj(11,0x0001), analog_obj(11,6,126)],
        readings={"combustible":lel(12.55),"co":"unknown"})
m_alarm("100 %LEL is 1000 counts", ["GBT-43"], {"gas":"high"}, {}, [status_obj(11,0x0003), analog_obj(11,6,1000)],
        readings={"combustible":lel(100.0),"co":"unknown"})
m_alarm("combustible gas in %vol has no analog type", ["GBT-43","GBT-45"], {}, {}, error="GBT_NOT_REPRESENTABLE",
        readings={"combustible":{"value":1.0,"unit":"pct_vol"},"co":"unknown"})
m_alarm("CO in %LEL has no analog type", ["GBT-44","GBT-45"], {}, {}, error="GBT_NOT_REPRESENTABLE",
        readings={"combustible":"unknown","co":lel(3.0)})
m_alarm("CO 40000 ppm exceeds the 16-bit count", ["GBT-44"], {"co":"high"}, {}, error="GBT_VALUE_OUT_OF_RANGE",
        readings={"combustible":"unknown","co":ppm(40000.0)})

VPOINT = {"system_type":1,"system_address":1,"component_address":0x00020001,"description":"总阀"}
def m_valve(desc, spec, status, policy, word=None, error=None, ct=101):
    inp = {"status":status,"point":VPOINT,"time":iso(T0),"policy":policy}
    if error:
        case(desc, ["GBT-40","GBT-42"]+spec, ["MAPPING"], {"map_valve":inp}, "invalid", {"error":error,"offset":0})
    else:
        case(desc, ["GBT-40","GBT-42"]+spec, ["MAPPING"], {"map_valve":inp}, "valid", {"objects":[status_obj(ct,word,"总阀",point=VPOINT)]})
m_valve("valve open: started and feedback", [], {"state":"open"}, {}, 0x0061)
m_valve("valve opening: started, no feedback", [], {"state":"opening"}, {}, 0x0021)
m_valve("valve closed by over-pressure, latched: supervisory", [], {"state":"closed","trip":"over_pressure","manual_reset_required":True}, {}, 0x0051)
m_valve("valve closed raising fire", [], {"state":"closed","trip":"alarm_interlock"}, {"valve_closed":"fire"}, 0x0043)
m_valve("valve closed raising nothing", [], {"state":"closed"}, {"valve_closed":"nothing"}, 0x0041)
m_valve("valve closed without feedback bit", [], {"state":"closed"}, {"valve_feedback":False}, 0x0011)
m_valve("valve closing: stopped, no feedback", [], {"state":"closing"}, {}, 0x0001)
m_valve("valve fault", [], {"state":"fault"}, {}, 0x0005)
m_valve("no valve connected: disabled", [], {"state":"not_connected"}, {}, 0x0009)
m_valve("valve as pipe-network solenoid valve 106", [], {"state":"open"}, {"valve_component_type":106}, 0x0061, ct=106)
m_valve("unknown valve state is not sent", ["GBT-45"], {"state":"unknown"}, {}, error="GBT_NOT_REPRESENTABLE")
m_valve("trip reason on an open valve is invalid", [], {"state":"open","trip":"manual"}, {}, error="INPUT_INVALID_VALUE")

# ---------------- mapping libgasdev frames (wire) ----------------
FR = {t["tcId"]: t for t in json.load(open(pathlib.Path(__file__).resolve().parents[1] / "vectors/frames.json"))["tests"]}
def frame(tc, must):
    t = FR[tc]; assert must in t["description"], (tc, t["description"]); return t["input"]["frame"]
APOINT = POINT
def m_frame(desc, tc, must, policy, objects=None, error=None, fallback=T0, spec=()):
    inp = {"frame": frame(tc, must), "point": APOINT, "fallback_time": iso(fallback), "policy": policy}
    sp = ["GBT-40", "GBT-46"] + list(spec)
    if error:
        case(desc, sp, ["MAPPING", "FRAME"], {"map_frame": inp}, "invalid", {"error": error, "offset": 0})
    else:
        case(desc, sp, ["MAPPING", "FRAME"], {"map_frame": inp}, "valid", {"objects": objects})
t8 = tl(2022,7,1,8,0,0)
m_frame("frame: alarm status report with CH4 and CO readings", 1, "status of a mid-tier alarm", {},
        [status_obj(11,0x0001,t=t8), analog_obj(11,6,35,t=t8), analog_obj(11,128,12,t=t8)], spec=["GBT-41","GBT-43","GBT-44"])
m_frame("frame: UTC offset 0 keeps the frame's UTC time", 1, "status of a mid-tier alarm", {"utc_offset_minutes": 0},
        [status_obj(11,0x0001,t=tl(2022,7,1,0,0,0)), analog_obj(11,6,35,t=tl(2022,7,1,0,0,0)), analog_obj(11,128,12,t=tl(2022,7,1,0,0,0))])
m_frame("frame: clock unset takes the fallback time, unknown CH4 left out", 2, "alarm in preheat", {}, [status_obj(11,0x0001)], spec=["GBT-45"])
m_frame("frame: valve status report, closed and latched", 3, "self-closing valve closed", {}, [status_obj(101,0x0051,t=tl(2022,7,1,8,1,0))], spec=["GBT-42"])
m_frame("frame: alarm event with its snapshot", 7, "methane high alarm raised", {}, [status_obj(11,0x0003,t=tl(2022,7,1,8,2,0)), analog_obj(11,6,250,t=tl(2022,7,1,8,2,0))])
m_frame("frame: valve-closed event without a snapshot", 8, "valve closed on over-pressure", {}, [status_obj(101,0x0051,t=tl(2022,7,1,8,3,0))])
m_frame("frame: CO alarm event without a snapshot", 9, "CO low alarm raised", {"co_low":"supervisory"}, [status_obj(11,0x0011,t=tl(2022,7,1,8,16,40))])
m_frame("frame: a cleared alarm alone is not mapped", 10, "methane alarm cleared", {}, error="GBT_NOT_REPRESENTABLE")
m_frame("frame: an identity message is not mapped", 23, "identity of a mid-tier alarm", {}, error="GBT_NOT_REPRESENTABLE")
m_frame("frame: 1000000 ppm CO exceeds the 16-bit count", 4, "every flag set", {}, error="GBT_VALUE_OUT_OF_RANGE")
m_frame("frame: measured zeros are sent, valve part is not", 5, "measured zero is a value", {},
        [status_obj(11,0x0001,t=t8), analog_obj(11,6,0,t=t8), analog_obj(11,128,0,t=t8)])

doc = {
  "area": "gbt26875",
  "version": 1,
  "description": "GB/T 26875.3-2011 packets: decoding in strict and tolerant mode, every type flag, malformed packets, ASCII-hex text, confirm/deny answers, and the mapping of libgasdev alarm and valve states (spec/gbt26875.md).",
  "notes": {
    "REAL_FRAME": "Bytes captured from a real implementation's tests (the reference's V1).",
    "SYNTHETIC": "The reference's synthetic frames S1-S4, built from the layout, not captured.",
    "TYPE": "An encoding of one type flag of table 3, built by the vector generator (not by libgasdev).",
    "RAW_TYPE": "A reserved or user-defined type flag whose body passes through as raw bytes.",
    "TOLERANT": "A deviation real devices send: accepted by the tolerant decoder, rejected by the strict one.",
    "ASCII_HEX": "Packet bytes sent as ASCII-hex text.",
    "SESSION": "A confirm (3) or deny (6) answer built for a received packet.",
    "MAPPING": "A libgasdev alarm or valve state mapped to GB/T 26875.3 objects under a policy.",
    "FRAME": "The input is a libgasdev frame taken from spec/vectors/frames.json (same tcId)."
  },
  "tests": tests,
}
def fmt(v, ind=0):
    one = json.dumps(v, ensure_ascii=False)
    if len(one) + ind <= 110 or not isinstance(v, (dict, list)) or not v:
        return one
    pad = " " * (ind + 2)
    if isinstance(v, dict):
        items = [f'{pad}{json.dumps(k, ensure_ascii=False)}: {fmt(x, ind + 2)}' for k, x in v.items()]
        return "{\n" + ",\n".join(items) + "\n" + " " * ind + "}"
    items = [pad + fmt(x, ind + 2) for x in v]
    return "[\n" + ",\n".join(items) + "\n" + " " * ind + "]"
print(fmt(doc))
print(len(tests), file=sys.stderr)
