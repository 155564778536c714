/*
 * The C runner of the cross-runner diff (spec/vectors/normalized.md): runs every case of every vector
 * file through the C API and prints one normalized line per case.
 *
 *   vector_runner target/ffi/vectors.tsv [target/ffi/c-full.txt] > target/ffi/c-lines.txt
 *
 * With a second argument it also writes the full result of every case (normalized.md, "Full results"):
 * `<area>#<tcId> <canonical JSON>`, built from the C API's structs and JSON functions
 * (gasdev_report_json, gasdev_frame_decode_json, gasdev_gbt_decode_json, gasdev_ident_report_json,
 * gasdev_gbt_objects_json), which scripts/diff-vector-lines compares byte for byte with the Rust
 * reference runner's. Every decoded frame's struct is also encoded again and must give the same bytes,
 * and every packet's objects read through gasdev_gbt_object_at must print as the packet's JSON objects
 * (the structs a C caller reads hold every field).
 *
 * The input is the flattened rendition of spec/vectors written by ffi/tests/flatten_vectors.py (one case
 * per line: area, tcId, mode, key=value fields). Every summary is built from what the API returned; the
 * result word is what the API did. scripts/diff-vector-lines compares the output with the expected
 * lines. An unknown mode or a missing key stops the run (exit 2).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "canon.h"
#include "common.h"
#include "gasdev.h"

/* The full result of the case being run (JSON text, canonicalized by main). */
static sbuf full;

#define MAX_FIELDS 48

typedef struct {
    const char *area, *id, *mode;
    const char *key[MAX_FIELDS];
    const char *value[MAX_FIELDS];
    int n;
} test_case;

static const char *opt(const test_case *c, const char *key) {
    int i;
    for (i = 0; i < c->n; i++)
        if (strcmp(c->key[i], key) == 0) return c->value[i];
    return NULL;
}

static const char *need(const test_case *c, const char *key) {
    const char *v = opt(c, key);
    if (!v) {
        fprintf(stderr, "%s#%s: missing field %s\n", c->area, c->id, key);
        exit(2);
    }
    return v;
}

static const char *tf(bool b) { return b ? "true" : "false"; }

static const char *name_of(gasdev_result rc) {
    const char *n = gasdev_result_name(rc);
    return n ? n : "?";
}

/* "error=NAME offset=N" */
static const char *error_offset(sbuf *s, gasdev_result rc, size_t offset) {
    sb_printf(s, "error=%s offset=%lu", name_of(rc), (unsigned long)offset);
    sb_printf(&full, "{\"result\":\"invalid\",\"error\":{\"name\":\"%s\",\"offset\":%lu}}", name_of(rc),
              (unsigned long)offset);
    return "invalid";
}

/* The full result {"result":"valid","value":<member `report` of the report's JSON>}; frees the report. */
static void full_report(gasdev_report *r, const char *member) {
    const char *json;
    size_t len;
    if (gasdev_report_json(r, &json, &len) != GASDEV_RESULT_OK) die("report json");
    sb_str(&full, "{\"result\":\"valid\",\"value\":");
    if (member) canon_member(&full, json, len, member);
    else canon_append(&full, json, len);
    sb_str(&full, "}");
    gasdev_report_free(r);
}

/* --- identifiers ------------------------------------------------------------------------------ */

static uint32_t scheme_of(const char *name) {
    uint32_t s;
    for (s = 1; gasdev_scheme_name(s) != NULL; s++)
        if (strcmp(gasdev_scheme_name(s), name) == 0) return s;
    die("unknown scheme name");
    return 0;
}

static const char *run_ident(const test_case *c, sbuf *out) {
    size_t len, off = 0, n = 0;
    unsigned char *input = unhex(need(c, "input"), &len);
    const char *sname = opt(c, "scheme");
    uint32_t scheme = sname ? scheme_of(sname) : GASDEV_SCHEME_DETECT;
    uint32_t flags = opt(c, "require_item") ? GASDEV_IDENT_REQUIRE_ITEM : 0;
    gasdev_ident id;
    gasdev_result rc = gasdev_ident_parse(input, len, scheme, flags, &id, &off);
    const char *result;
    if (rc == GASDEV_RESULT_OK) {
        /* Ask for the size first (a zero-length buffer), then write the canonical form. */
        size_t need = 0;
        char *canon;
        char probe[1];
        if (gasdev_ident_canonical(input, len, scheme, flags, probe, 0, &need, NULL) != GASDEV_RESULT_BUFFER_TOO_SMALL)
            die("canonical size");
        canon = (char *)xmalloc(need);
        rc = gasdev_ident_canonical(input, len, scheme, flags, canon, need, &n, NULL);
        if (rc != GASDEV_RESULT_OK || n + 1 != need) die("canonical form");
        sb_printf(out, "scheme=%s item=%s canonical=", gasdev_scheme_name(id.scheme), tf(id.item));
        sb_mem(out, canon, n);
        free(canon);
        {
            gasdev_report *r = NULL;
            if (gasdev_ident_report_json(input, len, scheme, flags, &r, NULL) != GASDEV_RESULT_OK) die("ident json");
            full_report(r, "report");
        }
        result = "valid";
    } else {
        result = error_offset(out, rc, off);
    }
    free(input);
    return result;
}

/* --- credit codes ----------------------------------------------------------------------------- */

static const char *run_credit_code(const test_case *c, sbuf *out) {
    size_t len, off = 0;
    unsigned char *input = unhex(need(c, "input"), &len);
    gasdev_credit_code cc;
    gasdev_result rc = gasdev_credit_code_check(input, len, &cc, &off);
    const char *result;
    if (rc == GASDEV_RESULT_OK) {
        sb_printf(out, "region=%s organisation_code=%s", cc.region, cc.organisation_code);
        if (strlen(cc.code) != 18 || memcmp(cc.code, input, 18) != 0) die("credit code echo");
        sb_str(&full, "{\"result\":\"valid\",\"value\":{\"code\":");
        json_string(&full, cc.code, strlen(cc.code));
        sb_str(&full, ",\"region\":");
        json_string(&full, cc.region, strlen(cc.region));
        sb_str(&full, ",\"organisation_code\":");
        json_string(&full, cc.organisation_code, strlen(cc.organisation_code));
        sb_str(&full, "}}");
        result = "valid";
    } else {
        result = error_offset(out, rc, off);
    }
    free(input);
    return result;
}

/* --- frames ----------------------------------------------------------------------------------- */

static const char *message_type_name(uint8_t t) {
    switch (t) {
    case GASDEV_MESSAGE_TYPE_STATUS: return "status";
    case GASDEV_MESSAGE_TYPE_EVENT: return "event";
    case GASDEV_MESSAGE_TYPE_IDENTITY: return "identity";
    case GASDEV_MESSAGE_TYPE_COMMAND: return "command";
    case GASDEV_MESSAGE_TYPE_ACK: return "ack";
    case GASDEV_MESSAGE_TYPE_NAK: return "nak";
    default: return "unknown";
    }
}

static const char *run_frame(const test_case *c, sbuf *out) {
    size_t len, off = 0;
    unsigned char *bytes = unhex(need(c, "bytes"), &len);
    gasdev_frame f;
    gasdev_result rc = gasdev_frame_decode(bytes, len, &f, &off);
    const char *result = "valid";
    if (rc != GASDEV_RESULT_OK) {
        result = error_offset(out, rc, off);
    } else if (f.timestamp == 0) {
        sb_printf(out, "type=%s seq=%u ts=unknown", message_type_name(f.message_type), (unsigned)f.seq);
    } else {
        sb_printf(out, "type=%s seq=%u ts=%" PRIu32, message_type_name(f.message_type),
                  (unsigned)f.seq, f.timestamp);
    }
    if (rc == GASDEV_RESULT_OK) {
        gasdev_report *r = NULL;
        unsigned char again[512];
        size_t n = 0;
        /* The struct a C caller reads holds the whole frame: encoding it gives the same bytes. */
        if (gasdev_frame_encode(&f, again, sizeof again, &n) != GASDEV_RESULT_OK || n != len ||
            memcmp(again, bytes, len) != 0) {
            fprintf(stderr, "%s#%s: the decoded struct does not encode to the same frame\n", c->area, c->id);
            exit(2);
        }
        if (gasdev_frame_decode_json(bytes, len, &r, NULL) != GASDEV_RESULT_OK) die("frame json");
        full_report(r, "report");
    }
    free(bytes);
    return result;
}

/* Events with consecutive skips merged, as the vectors list them. */
typedef struct {
    sbuf *out;
    size_t skipped;
    int first;
    size_t pos; /* stream offset of the next event (full results) */
} events;

static void flush_skips(events *e) {
    if (e->skipped) {
        sb_printf(e->out, "%sskipped:%lu", e->first ? "" : ";", (unsigned long)e->skipped);
        sb_printf(&full, "%s{\"offset\":%lu,\"length\":%lu,\"skipped\":%lu}", e->first ? "" : ",",
                  (unsigned long)e->pos, (unsigned long)e->skipped, (unsigned long)e->skipped);
        e->pos += e->skipped;
        e->skipped = 0;
        e->first = 0;
    }
}

static void event(events *e, const gasdev_stream_event *ev) {
    if (ev->kind == GASDEV_STREAM_EVENT_KIND_SKIPPED) {
        e->skipped += ev->skipped;
        return;
    }
    flush_skips(e);
    if (ev->kind == GASDEV_STREAM_EVENT_KIND_FRAME) {
        /* The frame decoded to its JSON, or the error of decoding it. */
        gasdev_report *r = NULL;
        size_t off = 0;
        gasdev_result rc = gasdev_frame_decode_json(ev->frame, ev->frame_len, &r, &off);
        sb_printf(e->out, "%sframe:%lu", e->first ? "" : ";", (unsigned long)ev->frame_len);
        sb_printf(&full, "%s{\"offset\":%lu,\"length\":%lu,", e->first ? "" : ",", (unsigned long)e->pos,
                  (unsigned long)ev->frame_len);
        if (rc == GASDEV_RESULT_OK) {
            const char *json;
            size_t len;
            if (gasdev_report_json(r, &json, &len) != GASDEV_RESULT_OK) die("report json");
            sb_str(&full, "\"frame\":");
            canon_member(&full, json, len, "report");
            gasdev_report_free(r);
        } else {
            sb_printf(&full, "\"error\":{\"error\":\"%s\",\"offset\":%lu}", name_of(rc), (unsigned long)off);
        }
        sb_str(&full, "}");
        e->pos += ev->frame_len;
    } else {
        sb_printf(e->out, "%srejected:%s@%lu", e->first ? "" : ";", name_of(ev->error),
                  (unsigned long)ev->error_offset);
        sb_printf(&full, "%s{\"offset\":%lu,\"length\":1,\"rejected\":{\"error\":\"%s\",\"offset\":%lu}}",
                  e->first ? "" : ",", (unsigned long)e->pos, name_of(ev->error), (unsigned long)ev->error_offset);
        e->pos += 1;
    }
    e->first = 0;
}

static gasdev_stream_decoder decoder; /* static storage, as firmware would have it */

static const char *run_stream(const test_case *c, sbuf *out) {
    size_t len, pos = 0, used = 0;
    unsigned char *bytes = unhex(need(c, "bytes"), &len);
    gasdev_stream_event ev;
    events e;
    e.out = out;
    e.skipped = 0;
    e.first = 1;
    e.pos = 0;
    if (gasdev_stream_init(&decoder) != GASDEV_RESULT_OK) die("stream init");
    sb_str(out, "events=");
    sb_str(&full, "{\"result\":\"valid\",\"value\":{\"items\":[");
    for (;;) {
        if (gasdev_stream_feed(&decoder, bytes + pos, len - pos, &used, &ev) != GASDEV_RESULT_OK)
            die("stream feed");
        pos += used;
        if (ev.kind == GASDEV_STREAM_EVENT_KIND_NONE) break;
        event(&e, &ev);
    }
    for (;;) {
        if (gasdev_stream_finish(&decoder, &ev) != GASDEV_RESULT_OK) die("stream finish");
        if (ev.kind == GASDEV_STREAM_EVENT_KIND_NONE) break;
        event(&e, &ev);
    }
    flush_skips(&e);
    sb_str(&full, "]}}");
    if (pos != len) die("stream: input not consumed");
    gasdev_stream_release(&decoder);
    free(bytes);
    return "valid";
}

/* Items of a report joined by commas ("-" when none). */
static void items(sbuf *out, const gasdev_report *r, size_t n) {
    size_t i;
    gasdev_str s;
    if (n == 0) sb_str(out, "-");
    for (i = 0; i < n; i++) {
        if (gasdev_report_item(r, i, &s) != GASDEV_RESULT_OK) die("report item");
        if (i) sb_str(out, ",");
        sb_mem(out, s.data, s.len);
    }
}

static const char *input_error(sbuf *out, gasdev_result rc, const gasdev_input_error *e) {
    if (e->code != rc) die("input error code");
    sb_printf(out, "error=%s field=%s", name_of(rc), e->field[0] ? e->field : "-");
    sb_printf(&full, "{\"result\":\"invalid\",\"error\":{\"name\":\"%s\",\"field\":", name_of(rc));
    json_string(&full, e->field, strlen(e->field));
    sb_printf(&full, ",\"line\":%lu,\"column\":%lu}}", (unsigned long)e->line, (unsigned long)e->column);
    return "invalid";
}

static const char *run_frame_decl(const test_case *c, sbuf *out) {
    size_t len, dlen;
    unsigned char *bytes = unhex(need(c, "bytes"), &len);
    unsigned char *decl = unhex(need(c, "decl"), &dlen);
    gasdev_report *r = NULL;
    gasdev_report_summary sum;
    gasdev_input_error err;
    gasdev_result rc = gasdev_frame_check_declaration(bytes, len, (const char *)decl, dlen, &r, &err);
    const char *result = "valid";
    if (rc == GASDEV_RESULT_OK) {
        if (gasdev_report_get_summary(r, &sum) != GASDEV_RESULT_OK) die("summary");
        sb_str(out, "findings=");
        items(out, r, sum.items);
        full_report(r, "report");
        r = NULL;
    } else if (rc >= 400 && rc < 500) {
        result = input_error(out, rc, &err);
    } else {
        sb_printf(out, "error=%s", name_of(rc));
        sb_printf(&full, "{\"result\":\"invalid\",\"error\":{\"name\":\"%s\"}}", name_of(rc));
        result = "invalid";
    }
    gasdev_report_free(r);
    free(bytes);
    free(decl);
    return result;
}

/* --- GB/T 26875.3 ----------------------------------------------------------------------------- */

static void parse_time(const char *s, gasdev_gbt_time *t) {
    unsigned y, mo, d, h, mi, se;
    if (sscanf(s, "%u-%u-%uT%u:%u:%u", &y, &mo, &d, &h, &mi, &se) != 6) die("time");
    t->year = (uint16_t)y;
    t->month = (uint8_t)mo;
    t->day = (uint8_t)d;
    t->hour = (uint8_t)h;
    t->minute = (uint8_t)mi;
    t->second = (uint8_t)se;
}

static void packet_summary(sbuf *out, const gasdev_gbt_packet *p) {
    char type[8] = "-";
    size_t objects = 0;
    if (p->has_adu) {
        sprintf(type, "%u", (unsigned)p->adu_type);
        /* The JSON form lists a raw body as one object. */
        objects = p->adu_raw ? 1 : p->object_count;
    }
    sb_printf(out, "command=%u type=%s objects=%lu checksum_ok=%s", (unsigned)p->header.command,
              type, (unsigned long)objects, tf(p->checksum_ok));
}

/* The objects of a decoded packet read through the structs (gasdev_gbt_object_at) and printed by
 * gasdev_gbt_objects_json are the packet JSON's `adu.objects`: the struct holds every field. */
static void objects_through_structs(const unsigned char *bytes, size_t len, uint32_t flags,
                                    const gasdev_gbt_packet *p, const char *json, size_t jlen) {
    static gasdev_gbt_object objs[GASDEV_GBT_MAX_OBJECTS];
    sbuf a, b, c, d;
    size_t i;
    gasdev_report *r = NULL;
    const char *oj;
    size_t ol;
    if (!p->has_adu || p->adu_raw) return;
    if (p->object_count > GASDEV_GBT_MAX_OBJECTS) die("object count");
    for (i = 0; i < p->object_count; i++)
        if (gasdev_gbt_object_at(bytes, len, flags, i, &objs[i]) != GASDEV_RESULT_OK) die("object_at");
    if (gasdev_gbt_objects_json(objs, p->object_count, &r) != GASDEV_RESULT_OK) die("objects json");
    if (gasdev_report_json(r, &oj, &ol) != GASDEV_RESULT_OK) die("report json");
    sb_init(&a);
    sb_init(&b);
    sb_init(&c);
    sb_init(&d);
    canon_member(&a, json, jlen, "report");
    canon_member(&b, a.s, a.len, "adu");
    canon_member(&c, b.s, b.len, "objects");
    canon_member(&d, oj, ol, "report");
    if (c.len != d.len || memcmp(c.s, d.s, c.len) != 0) {
        fprintf(stderr, "the objects read through gasdev_gbt_object_at differ from the packet's JSON:\n%s\n%s\n", c.s, d.s);
        exit(2);
    }
    gasdev_report_free(r);
    sb_free(&a);
    sb_free(&b);
    sb_free(&c);
    sb_free(&d);
}

static const char *gbt_decode(sbuf *out, const unsigned char *bytes, size_t len, bool verify) {
    uint32_t base = verify ? 0 : GASDEV_GBT_NO_CHECKSUM;
    gasdev_gbt_packet p;
    size_t soff = 0, toff = 0;
    gasdev_result s = gasdev_gbt_decode(bytes, len, base | GASDEV_GBT_STRICT, &p, &soff);
    gasdev_result t;
    gasdev_report *r = NULL;
    if (s == GASDEV_RESULT_OK) {
        packet_summary(out, &p);
        if (gasdev_gbt_decode_json(bytes, len, base | GASDEV_GBT_STRICT, &r, NULL) != GASDEV_RESULT_OK)
            die("packet json");
        {
            const char *j;
            size_t jl;
            if (gasdev_report_json(r, &j, &jl) != GASDEV_RESULT_OK) die("report json");
            objects_through_structs(bytes, len, base | GASDEV_GBT_STRICT, &p, j, jl);
        }
        full_report(r, "report");
        return "valid";
    }
    t = gasdev_gbt_decode(bytes, len, base, &p, &toff);
    if (t == GASDEV_RESULT_OK) {
        const char *json;
        size_t jlen;
        sb_printf(out, "strict=%s@%lu ", name_of(s), (unsigned long)soff);
        packet_summary(out, &p);
        if (gasdev_gbt_decode_json(bytes, len, base, &r, NULL) != GASDEV_RESULT_OK) die("packet json");
        if (gasdev_report_json(r, &json, &jlen) != GASDEV_RESULT_OK) die("report json");
        objects_through_structs(bytes, len, base, &p, json, jlen);
        sb_printf(&full, "{\"result\":\"acceptable\",\"strict\":{\"name\":\"%s\",\"offset\":%lu},\"value\":",
                  name_of(s), (unsigned long)soff);
        canon_member(&full, json, jlen, "report");
        sb_str(&full, "}");
        gasdev_report_free(r);
        return "acceptable";
    }
    return error_offset(out, t, toff);
}

static const char *run_gbt_packet(const test_case *c, sbuf *out) {
    size_t len;
    unsigned char *bytes = unhex(need(c, "bytes"), &len);
    const char *r = gbt_decode(out, bytes, len, strcmp(need(c, "verify"), "1") == 0);
    free(bytes);
    return r;
}

static const char *run_gbt_hex(const test_case *c, sbuf *out) {
    size_t len, n = 0, off = 0;
    unsigned char *text = unhex(need(c, "text"), &len);
    unsigned char *buf = (unsigned char *)xmalloc(len / 2 + 1);
    gasdev_result rc = gasdev_gbt_decode_hex_text((const char *)text, len, buf, len / 2 + 1, &n, &off);
    const char *r = rc == GASDEV_RESULT_OK ? gbt_decode(out, buf, n, true) : error_offset(out, rc, off);
    free(buf);
    free(text);
    return r;
}

static const char *run_gbt_answer(const test_case *c, sbuf *out) {
    size_t len, n = 0;
    unsigned char *bytes = unhex(need(c, "bytes"), &len);
    unsigned char buf[64];
    gasdev_gbt_time t;
    const char *kind = need(c, "answer");
    uint32_t a = strcmp(kind, "confirm") == 0 ? GASDEV_GBT_ANSWER_KIND_CONFIRM : GASDEV_GBT_ANSWER_KIND_DENY;
    gasdev_result rc;
    parse_time(need(c, "time"), &t);
    rc = gasdev_gbt_answer(bytes, len, a, &t, buf, sizeof buf, &n);
    free(bytes);
    if (rc != GASDEV_RESULT_OK) return error_offset(out, rc, 0);
    sb_str(out, "packet=");
    sb_hex(out, buf, n);
    sb_str(&full, "{\"result\":\"valid\",\"value\":{\"hex\":\"");
    sb_hex(&full, buf, n);
    sb_printf(&full, "\",\"length\":%lu}}", (unsigned long)n);
    return "valid";
}

static uint8_t level_of(const char *s) {
    if (strcmp(s, "none") == 0) return GASDEV_ALARM_LEVEL_NONE;
    if (strcmp(s, "low") == 0) return GASDEV_ALARM_LEVEL_LOW;
    if (strcmp(s, "high") == 0) return GASDEV_ALARM_LEVEL_HIGH;
    die("alarm level");
    return 0;
}

static uint8_t raise_of(const char *s) {
    if (strcmp(s, "nothing") == 0) return GASDEV_GBT_RAISE_NOTHING;
    if (strcmp(s, "fire") == 0) return GASDEV_GBT_RAISE_FIRE;
    if (strcmp(s, "fault") == 0) return GASDEV_GBT_RAISE_FAULT;
    if (strcmp(s, "disabled") == 0) return GASDEV_GBT_RAISE_DISABLED;
    if (strcmp(s, "supervisory") == 0) return GASDEV_GBT_RAISE_SUPERVISORY;
    die("raise");
    return 0;
}

static void reading_of(const char *s, gasdev_reading *r) {
    unsigned long value = 0, basis = 0;
    memset(r, 0, sizeof *r);
    if (strcmp(s, "unknown") == 0) return;
    r->known = true;
    if (sscanf(s, "pct_lel:%lu:%lu", &value, &basis) == 2) {
        r->unit = GASDEV_UNIT_PCT_LEL;
        r->lel_basis_centi_pct_vol = (uint16_t)basis;
    } else if (sscanf(s, "ppm:%lu", &value) == 1) {
        r->unit = GASDEV_UNIT_PPM;
    } else if (sscanf(s, "pct_vol:%lu", &value) == 1) {
        r->unit = GASDEV_UNIT_PCT_VOL;
    } else {
        die("reading");
    }
    r->centi = (uint32_t)value;
}

/* The point, time and policy of a mapping case; the description's bytes are returned to free. */
static unsigned char *map_common(const test_case *c, gasdev_gbt_point *p, gasdev_gbt_time *t,
                                 gasdev_gbt_policy *pol) {
    size_t len;
    unsigned char *desc = unhex(need(c, "desc"), &len);
    int i;
    p->system_type = (uint8_t)atoi(need(c, "sys_type"));
    p->system_address = (uint8_t)atoi(need(c, "sys_addr"));
    p->component_address = (uint32_t)strtoul(need(c, "comp_addr"), NULL, 10);
    p->description = (const char *)desc;
    p->description_len = len;
    parse_time(need(c, "time"), t);
    if (gasdev_gbt_policy_default(pol) != GASDEV_RESULT_OK) die("policy");
    for (i = 0; i < c->n; i++) {
        const char *k = c->key[i], *v = c->value[i];
        if (strncmp(k, "policy.", 7) != 0) continue;
        k += 7;
        if (strcmp(k, "gas_low") == 0) pol->gas_low = raise_of(v);
        else if (strcmp(k, "gas_high") == 0) pol->gas_high = raise_of(v);
        else if (strcmp(k, "co_low") == 0) pol->co_low = raise_of(v);
        else if (strcmp(k, "co_high") == 0) pol->co_high = raise_of(v);
        else if (strcmp(k, "end_of_life") == 0) pol->end_of_life = raise_of(v);
        else if (strcmp(k, "preheat") == 0) pol->preheat = raise_of(v);
        else if (strcmp(k, "valve_closed") == 0) pol->valve_closed = raise_of(v);
        else if (strcmp(k, "normal_bit") == 0) pol->normal_bit = strcmp(v, "1") == 0;
        else if (strcmp(k, "valve_feedback") == 0) pol->valve_feedback = strcmp(v, "1") == 0;
        else if (strcmp(k, "alarm_component_type") == 0) pol->alarm_component_type = (uint8_t)atoi(v);
        else if (strcmp(k, "valve_component_type") == 0) pol->valve_component_type = (uint8_t)atoi(v);
        else if (strcmp(k, "co_analog_type") == 0) pol->co_analog_type = (uint8_t)atoi(v);
        else if (strcmp(k, "utc_offset_minutes") == 0) pol->utc_offset_minutes = (int16_t)atoi(v);
        else die("unknown policy field");
    }
    return desc;
}

/* "objects=N status=S,... packets=N|-": the packets are encoded (type 2, then type 3) when the case
 * gives a header. */
static const char *mapped(const test_case *c, sbuf *out, gasdev_result rc, const gasdev_gbt_mapped *m) {
    const char *h = opt(c, "header");
    size_t i;
    gasdev_gbt_object objects[1 + sizeof m->analog / sizeof m->analog[0]];
    gasdev_report *r = NULL;
    const char *json;
    size_t jlen;
    if (rc != GASDEV_RESULT_OK) return error_offset(out, rc, 0);
    sb_printf(out, "objects=%lu status=%u", (unsigned long)(1 + m->analog_count), (unsigned)m->status.status);
    for (i = 0; i < m->analog_count; i++) sb_printf(out, ",analog%u", (unsigned)m->analog[i].analog_type);
    /* The full result: the objects as JSON (status first, then the analog values), then the packets. */
    objects[0] = m->status;
    for (i = 0; i < m->analog_count; i++) objects[1 + i] = m->analog[i];
    if (gasdev_gbt_objects_json(objects, 1 + m->analog_count, &r) != GASDEV_RESULT_OK) die("objects json");
    if (gasdev_report_json(r, &json, &jlen) != GASDEV_RESULT_OK) die("report json");
    sb_str(&full, "{\"result\":\"valid\",\"value\":{\"objects\":");
    canon_member(&full, json, jlen, "report");
    gasdev_report_free(r);
    if (!h) {
        sb_str(out, " packets=-");
    } else {
        gasdev_gbt_header hd;
        unsigned serial, main_v, user_v, command;
        unsigned long long src, dst;
        char when[32];
        unsigned char buf[GASDEV_GBT_MAX_LEN];
        size_t n = 0, packets = 0;
        if (sscanf(h, "%u,%u,%u,%31[^,],%llu,%llu,%u", &serial, &main_v, &user_v, when, &src, &dst,
                   &command) != 7)
            die("header");
        hd.serial = (uint16_t)serial;
        hd.version_main = (uint8_t)main_v;
        hd.version_user = (uint8_t)user_v;
        parse_time(when, &hd.time);
        hd.source = src;
        hd.destination = dst;
        hd.command = (uint8_t)command;
        if (gasdev_gbt_encode(&hd, 2, &m->status, 1, buf, sizeof buf, &n) != GASDEV_RESULT_OK) die("encode 2");
        packets++;
        sb_str(&full, ",\"packets\":[\"");
        sb_hex(&full, buf, n);
        sb_str(&full, "\"");
        hd.serial = (uint16_t)(hd.serial + 1);
        if (m->analog_count) {
            if (gasdev_gbt_encode(&hd, 3, m->analog, m->analog_count, buf, sizeof buf, &n) != GASDEV_RESULT_OK)
                die("encode 3");
            packets++;
            sb_str(&full, ",\"");
            sb_hex(&full, buf, n);
            sb_str(&full, "\"");
        }
        sb_str(&full, "]");
        sb_printf(out, " packets=%lu", (unsigned long)packets);
    }
    sb_str(&full, "}}");
    return "valid";
}

static const char *run_map_alarm(const test_case *c, sbuf *out) {
    gasdev_alarm_status s;
    gasdev_reading comb, co;
    gasdev_gbt_point p;
    gasdev_gbt_time t;
    gasdev_gbt_policy pol;
    gasdev_gbt_mapped m;
    unsigned char *desc = map_common(c, &p, &t, &pol);
    const char *r;
    s.gas = level_of(need(c, "gas"));
    s.co = level_of(need(c, "co"));
    s.preheat = strcmp(need(c, "preheat"), "1") == 0;
    s.fault = strcmp(need(c, "fault"), "1") == 0;
    s.end_of_life = strcmp(need(c, "end_of_life"), "1") == 0;
    s.self_test = strcmp(need(c, "self_test"), "1") == 0;
    s.muted = strcmp(need(c, "muted"), "1") == 0;
    reading_of(need(c, "combustible"), &comb);
    reading_of(need(c, "co_reading"), &co);
    r = mapped(c, out, gasdev_gbt_map_alarm(&s, &comb, &co, &p, &t, &pol, &m), &m);
    free(desc);
    return r;
}

static uint8_t named(const char *s, const char *const *names, uint8_t first) {
    uint8_t i;
    for (i = 0; names[i]; i++)
        if (strcmp(s, names[i]) == 0) return (uint8_t)(first + i);
    die(s);
    return 0;
}

static const char *run_map_valve(const test_case *c, sbuf *out) {
    /* In the order of gasdev_valve_state and gasdev_trip_reason (checked by api_test.c). */
    static const char *const states[] = {"open", "closed", "opening", "closing", "fault", "not_connected",
                                         "unknown", NULL};
    static const char *const trips[] = {"over_pressure", "under_pressure", "over_flow", "alarm_interlock",
                                        "manual", "remote_close", "power_loss", NULL};
    gasdev_valve_status v;
    gasdev_gbt_point p;
    gasdev_gbt_time t;
    gasdev_gbt_policy pol;
    gasdev_gbt_mapped m;
    unsigned char *desc = map_common(c, &p, &t, &pol);
    const char *trip = need(c, "trip"), *r;
    v.state = named(need(c, "state"), states, GASDEV_VALVE_STATE_OPEN);
    v.trip = strcmp(trip, "-") == 0 ? GASDEV_TRIP_REASON_NONE : named(trip, trips, GASDEV_TRIP_REASON_OVER_PRESSURE);
    v.manual_reset_required = strcmp(need(c, "latch"), "1") == 0;
    r = mapped(c, out, gasdev_gbt_map_valve(&v, &p, &t, &pol, &m), &m);
    free(desc);
    return r;
}

static const char *run_map_frame(const test_case *c, sbuf *out) {
    size_t len;
    unsigned char *bytes = unhex(need(c, "bytes"), &len);
    gasdev_gbt_point p;
    gasdev_gbt_time t;
    gasdev_gbt_policy pol;
    gasdev_gbt_mapped m;
    unsigned char *desc = map_common(c, &p, &t, &pol);
    const char *r = mapped(c, out, gasdev_gbt_map_frame(bytes, len, &p, &t, &pol, &m), &m);
    free(desc);
    free(bytes);
    return r;
}

/* --- declarations and installation ------------------------------------------------------------ */

static const char *tier_name(uint8_t t) {
    switch (t) {
    case GASDEV_TIER_LOW: return "low";
    case GASDEV_TIER_MID: return "mid";
    case GASDEV_TIER_HIGH: return "high";
    default: return "none";
    }
}

static const char *run_document(const test_case *c, sbuf *out) {
    size_t len;
    unsigned char *json = unhex(need(c, "json"), &len);
    const char *as_of = need(c, "as_of");
    gasdev_report *r = NULL;
    gasdev_report_summary s;
    gasdev_input_error err;
    gasdev_result rc = gasdev_check_document((const char *)json, len, as_of, strlen(as_of), &r, &err);
    const char *result = "valid";
    if (rc != GASDEV_RESULT_OK) {
        result = input_error(out, rc, &err);
    } else {
        if (gasdev_report_get_summary(r, &s) != GASDEV_RESULT_OK) die("summary");
        if (s.document == GASDEV_DOCUMENT_DECLARATION) {
            sb_printf(out, "document=declaration conformant=%s achieved=%s fail=", tf(s.conformant),
                      tier_name(s.achieved_tier));
            items(out, r, s.items);
        } else {
            sb_printf(out, "document=catalogue conformant=%s fail=", tf(s.conformant));
            items(out, r, s.items);
            sb_printf(out, " nonconformant_products=%lu", (unsigned long)s.nonconformant_products);
        }
        full_report(r, NULL);
        r = NULL;
    }
    gasdev_report_free(r);
    free(json);
    return result;
}

static const char *run_record(const test_case *c, sbuf *out) {
    size_t len, clen = 0, dlen = 0;
    unsigned char *json = unhex(need(c, "json"), &len);
    const char *cat_hex = opt(c, "catalogue");
    unsigned char *cat = cat_hex ? unhex(cat_hex, &clen) : NULL;
    const char *decl_hex = opt(c, "declarations");
    unsigned char *decls = decl_hex ? unhex(decl_hex, &dlen) : NULL;
    const char *as_of = need(c, "as_of");
    gasdev_report *r = NULL;
    gasdev_report_summary s;
    gasdev_input_error err;
    gasdev_result rc = decls ? gasdev_inspect_with_declarations((const char *)json, len, (const char *)cat, clen,
                                                                (const char *)decls, dlen, as_of, strlen(as_of),
                                                                &r, &err)
                             : gasdev_inspect_record((const char *)json, len, (const char *)cat, clen, as_of,
                                                     strlen(as_of), &r, &err);
    const char *result = "valid";
    if (rc != GASDEV_RESULT_OK) {
        result = input_error(out, rc, &err);
    } else {
        if (gasdev_report_get_summary(r, &s) != GASDEV_RESULT_OK) die("summary");
        sb_printf(out, "compliant=%s findings=", tf(s.conformant));
        items(out, r, s.items);
        full_report(r, NULL);
        r = NULL;
    }
    gasdev_report_free(r);
    free(json);
    free(cat);
    free(decls);
    return result;
}

/* --- authenticated frames (spec/security.md) -------------------------------------------------- */

static void key_of(const char *hex, unsigned char key[GASDEV_KEY_LEN]) {
    size_t n;
    unsigned char *k = unhex(hex, &n);
    if (n != GASDEV_KEY_LEN) die("key length");
    memcpy(key, k, GASDEV_KEY_LEN);
    free(k);
}

static const char *run_seal(const test_case *c, sbuf *out) {
    size_t len, n = 0, off = 0;
    unsigned char *frame = unhex(need(c, "frame"), &len);
    unsigned char key[GASDEV_KEY_LEN], buf[512];
    gasdev_result rc;
    key_of(need(c, "key"), key);
    rc = gasdev_frame_seal(frame, len, key, (uint8_t)atoi(need(c, "key_id")),
                           (uint32_t)strtoul(need(c, "counter"), NULL, 10), buf, sizeof buf, &n, &off);
    free(frame);
    if (rc != GASDEV_RESULT_OK) return error_offset(out, rc, off);
    sb_str(out, "frame=");
    sb_hex(out, buf, n);
    sb_str(&full, "{\"result\":\"valid\",\"value\":{\"hex\":\"");
    sb_hex(&full, buf, n);
    sb_printf(&full, "\",\"length\":%lu}}", (unsigned long)n);
    return "valid";
}

/* The receiver holds one key per entry of `keys` (key_id:key:accepted|...) and opens with the key whose
 * id the frame's security TLV names (type 255, ending 4 bytes before the end), or with its first key;
 * the key's window is restored from the accepted counters as a receiver restores a saved state. */
static const char *run_open(const test_case *c, sbuf *out) {
    size_t len, off = 0;
    unsigned char *frame = unhex(need(c, "frame"), &len);
    char *keys = (char *)xmalloc(strlen(need(c, "keys")) + 1), *entry, *next;
    unsigned char key[GASDEV_KEY_LEN];
    int named = (len >= 20 && frame[len - 20] == 0xff) ? frame[len - 17] : -1, found = 0;
    uint8_t key_id = 0;
    gasdev_replay_state st;
    gasdev_frame_auth auth;
    gasdev_frame f;
    gasdev_result rc;
    uint32_t policy = strcmp(need(c, "policy"), "legacy") == 0 ? GASDEV_POLICY_LEGACY_ACCEPT_UNAUTHENTICATED
                                                                 : GASDEV_POLICY_REQUIRED;
    strcpy(keys, need(c, "keys"));
    for (entry = keys; entry && !found; entry = next) {
        char *hex, *acc, *a;
        unsigned id;
        next = strchr(entry, '|');
        if (next) *next++ = '\0';
        hex = strchr(entry, ':');
        if (!hex) die("keys");
        *hex++ = '\0';
        acc = strchr(hex, ':');
        if (!acc) die("keys");
        *acc++ = '\0';
        id = (unsigned)atoi(entry);
        if (entry != keys && (int)id != named) continue;
        found = ((int)id == named);
        key_id = (uint8_t)id;
        key_of(hex, key);
        if (gasdev_replay_state_init(&st, (uint8_t)atoi(need(c, "window_size")),
                                     (uint32_t)strtoul(need(c, "max_jump"), NULL, 10)) != GASDEV_RESULT_OK)
            die("replay state");
        if (strcmp(acc, "-") != 0) {
            uint32_t h = 0;
            for (a = acc; a; a = strchr(a, ',') ? strchr(a, ',') + 1 : NULL) {
                uint32_t v = (uint32_t)strtoul(a, NULL, 10);
                if (v > h) h = v;
            }
            st.highest = h;
            st.any_accepted = 1;
            st.bitmap = 0;
            for (a = acc; a; a = strchr(a, ',') ? strchr(a, ',') + 1 : NULL) {
                uint32_t d = h - (uint32_t)strtoul(a, NULL, 10);
                if (d < 64) st.bitmap |= (uint64_t)1 << d;
            }
        }
    }
    free(keys);
    rc = gasdev_frame_open(frame, len, key, key_id, &st, policy, &auth, &off);
    if (rc != GASDEV_RESULT_OK) {
        free(frame);
        return error_offset(out, rc, off);
    }
    /* The message type: the opened frame decoded (its security TLV is an extension). */
    if (gasdev_frame_decode(frame, len, &f, NULL) != GASDEV_RESULT_OK) die("decode opened frame");
    free(frame);
    sb_str(&full, "{\"result\":\"valid\",\"value\":{");
    if (auth.authenticated) {
        sb_printf(out, "authenticated=true key_id=%u counter=%" PRIu32 " msg_type=%u", (unsigned)auth.key_id,
                  auth.counter, (unsigned)f.message_type);
        sb_printf(&full, "\"authenticated\":true,\"key_id\":%u,\"counter\":%" PRIu32 ",", (unsigned)auth.key_id,
                  auth.counter);
    } else {
        sb_printf(out, "authenticated=false key_id=- counter=- msg_type=%u", (unsigned)f.message_type);
        sb_str(&full, "\"authenticated\":false,");
    }
    sb_printf(&full, "\"msg_type\":%u,\"state\":{\"window_size\":%u,\"max_jump\":%" PRIu32 ",\"highest\":",
              (unsigned)f.message_type, (unsigned)st.window_size, st.max_jump);
    if (st.any_accepted) sb_printf(&full, "%" PRIu32, st.highest);
    else sb_str(&full, "null");
    sb_printf(&full, ",\"bitmap\":\"%016" PRIx64 "\"}}}", st.bitmap);
    return "valid";
}

static const char *run_derive_key(const test_case *c, sbuf *out) {
    size_t len;
    unsigned char master[GASDEV_KEY_LEN], key[GASDEV_KEY_LEN];
    unsigned char *ident = unhex(need(c, "identifier"), &len);
    gasdev_result rc;
    key_of(need(c, "master"), master);
    rc = gasdev_frame_derive_key(master, (uint8_t)atoi(need(c, "key_id")), ident, len, key);
    free(ident);
    /* Key derivation errors have no byte offset; the vectors give 0. */
    if (rc != GASDEV_RESULT_OK) return error_offset(out, rc, 0);
    /* A test key of the vectors (never a real one): printed so that runners compare it. */
    sb_str(out, "key=");
    sb_hex(out, key, sizeof key);
    sb_str(&full, "{\"result\":\"valid\",\"value\":{\"key\":\"");
    sb_hex(&full, key, sizeof key);
    sb_str(&full, "\"}}");
    return "valid";
}

/* --- main ------------------------------------------------------------------------------------- */

static const struct {
    const char *mode;
    const char *(*run)(const test_case *, sbuf *);
} MODES[] = {
    {"credit_code", run_credit_code}, {"ident", run_ident}, {"frame", run_frame},           {"stream", run_stream},
    {"frame_decl", run_frame_decl}, {"gbt_packet", run_gbt_packet}, {"gbt_hex", run_gbt_hex},
    {"gbt_answer", run_gbt_answer}, {"map_alarm", run_map_alarm},   {"map_valve", run_map_valve},
    {"map_frame", run_map_frame}, {"document", run_document},     {"record", run_record},
    {"seal", run_seal},           {"open", run_open},             {"derive_key", run_derive_key},
};

/* Split one line (modified in place) into a case. */
static void parse_line(char *line, test_case *c) {
    char *field = line, *tab;
    int col = 0;
    c->n = 0;
    for (;;) {
        tab = strchr(field, '\t');
        if (tab) *tab = '\0';
        if (col == 0) c->area = field;
        else if (col == 1) c->id = field;
        else if (col == 2) c->mode = field;
        else {
            char *eq = strchr(field, '=');
            if (!eq || c->n == MAX_FIELDS) die("bad field");
            *eq = '\0';
            c->key[c->n] = field;
            c->value[c->n] = eq + 1;
            c->n++;
        }
        col++;
        if (!tab) break;
        field = tab + 1;
    }
    if (col < 3) die("short line");
}

int main(int argc, char **argv) {
    char *text, *line, *next;
    sbuf out, summary, full_lines;
    size_t cases = 0;
    if (argc != 2 && argc != 3) {
        fprintf(stderr, "usage: %s VECTORS.tsv [FULL.txt]\n", argv[0]);
        return 2;
    }
    text = read_file(argv[1]);
    sb_init(&out);
    sb_init(&full_lines);
    for (line = text; *line; line = next) {
        test_case c;
        const char *result = NULL;
        size_t m;
        next = strchr(line, '\n');
        if (next) *next++ = '\0';
        else next = line + strlen(line);
        if (!*line) continue;
        parse_line(line, &c);
        sb_init(&summary);
        sb_init(&full);
        for (m = 0; m < sizeof MODES / sizeof MODES[0]; m++)
            if (strcmp(MODES[m].mode, c.mode) == 0) result = MODES[m].run(&c, &summary);
        if (!result) die("unknown mode");
        sb_printf(&out, "%s#%s %s ", c.area, c.id, result);
        sb_mem(&out, summary.s, summary.len);
        sb_str(&out, "\n");
        if (full.len == 0) {
            fprintf(stderr, "%s#%s: no full result\n", c.area, c.id);
            exit(2);
        }
        sb_printf(&full_lines, "%s#%s ", c.area, c.id);
        canon_append(&full_lines, full.s, full.len);
        sb_str(&full_lines, "\n");
        sb_free(&summary);
        sb_free(&full);
        cases++;
    }
    fwrite(out.s, 1, out.len, stdout);
    if (argc == 3) {
        FILE *f = fopen(argv[2], "wb");
        if (!f || fwrite(full_lines.s, 1, full_lines.len, f) != full_lines.len || fclose(f) != 0)
            die("cannot write the full results");
    }
    sb_free(&full_lines);
    fprintf(stderr, "vector_runner: %lu cases\n", (unsigned long)cases);
    sb_free(&out);
    free(text);
    return 0;
}
