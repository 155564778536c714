/*
 * API and misuse tests of libgasdev (C99): version macros against the library, result names and
 * messages, and every function with NULL pointers, zero-length and one-byte-short buffers, overlapping
 * buffers, undefined enumerated values, and calls after release/free. Outputs must be untouched on
 * every failure (checked with sentinel bytes).
 *
 *   api_test [REPO_ROOT]     (REPO_ROOT, default "..", locates spec/examples for the JSON checks)
 *
 * Runs under ASan+UBSan and valgrind too (make -C ffi sanitize / valgrind).
 */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "common.h"
#include "gasdev.h"

static int failures = 0, checks = 0;

#define CHECK(cond)                                                                  \
    do {                                                                             \
        checks++;                                                                    \
        if (!(cond)) {                                                               \
            failures++;                                                              \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                            \
    } while (0)

#define RC(expr, want)                                                                         \
    do {                                                                                       \
        gasdev_result rc_ = (expr);                                                            \
        checks++;                                                                              \
        if (rc_ != (gasdev_result)(want)) {                                                    \
            failures++;                                                                        \
            fprintf(stderr, "%s:%d: %s returned %s, expected %s\n", __FILE__, __LINE__, #expr, \
                    gasdev_result_name(rc_) ? gasdev_result_name(rc_) : "?",                   \
                    gasdev_result_name(want) ? gasdev_result_name(want) : "?");                \
        }                                                                                      \
    } while (0)

/* True when every byte of p[0..n] is `b`: an output left untouched. */
static int all(const void *p, unsigned char b, size_t n) {
    const unsigned char *q = (const unsigned char *)p;
    size_t i;
    for (i = 0; i < n; i++)
        if (q[i] != b) return 0;
    return 1;
}

#define SENTINEL 0xA5

static const char *root = "..";

/* ---------------------------------------------------------------------------------------------- */

static void test_version(void) {
    char s[32];
    CHECK(GASDEV_VERSION_NUMBER ==
          (((unsigned long)GASDEV_VERSION_MAJOR << 24) | ((unsigned long)GASDEV_VERSION_MINOR << 16) |
           ((unsigned long)GASDEV_VERSION_PATCH << 8)));
    sprintf(s, "%d.%d.%d", GASDEV_VERSION_MAJOR, GASDEV_VERSION_MINOR, GASDEV_VERSION_PATCH);
    CHECK(strcmp(s, GASDEV_VERSION_STRING) == 0);
    CHECK(gasdev_version() != NULL && strcmp(gasdev_version(), GASDEV_VERSION_STRING) == 0);
}

static void test_results(void) {
    char buf[64];
    size_t n = 12345;
    CHECK(strcmp(gasdev_result_name(GASDEV_RESULT_OK), "OK") == 0);
    CHECK(strcmp(gasdev_result_name(GASDEV_RESULT_FRAME_BAD_CRC), "FRAME_BAD_CRC") == 0);
    CHECK(strcmp(gasdev_result_name(GASDEV_RESULT_BUFFER_TOO_SMALL), "BUFFER_TOO_SMALL") == 0);
    CHECK(strcmp(gasdev_result_name(GASDEV_RESULT_PANIC), "PANIC") == 0);
    CHECK(gasdev_result_name(1) == NULL);
    CHECK(gasdev_result_name(0xFFFFFFFFu) == NULL);

    /* "CRC check failed": 16 bytes, 17 with the NUL. */
    memset(buf, SENTINEL, sizeof buf);
    RC(gasdev_result_message(GASDEV_RESULT_FRAME_BAD_CRC, GASDEV_LANG_EN, buf, 0, &n),
       GASDEV_RESULT_BUFFER_TOO_SMALL);
    CHECK(n == 17);
    RC(gasdev_result_message(GASDEV_RESULT_FRAME_BAD_CRC, GASDEV_LANG_EN, buf, 16, &n),
       GASDEV_RESULT_BUFFER_TOO_SMALL);
    CHECK(n == 17 && all(buf, SENTINEL, sizeof buf));
    RC(gasdev_result_message(GASDEV_RESULT_FRAME_BAD_CRC, GASDEV_LANG_EN, buf, 17, &n), GASDEV_RESULT_OK);
    CHECK(n == 16 && strcmp(buf, "CRC check failed") == 0);
    RC(gasdev_result_message(GASDEV_RESULT_FRAME_BAD_CRC, GASDEV_LANG_ZH, buf, sizeof buf, &n),
       GASDEV_RESULT_OK);
    CHECK(strcmp(buf, "CRC \xe6\xa0\xa1\xe9\xaa\x8c\xe5\xa4\xb1\xe8\xb4\xa5") == 0 && n == strlen(buf));
    RC(gasdev_result_message(GASDEV_RESULT_OK, 0, buf, sizeof buf, &n), GASDEV_RESULT_INVALID_PARAMETER);
    RC(gasdev_result_message(7, GASDEV_LANG_EN, buf, sizeof buf, &n), GASDEV_RESULT_INVALID_PARAMETER);
    RC(gasdev_result_message(GASDEV_RESULT_OK, GASDEV_LANG_EN, NULL, 0, &n), GASDEV_RESULT_NULL_PARAMETER);
    RC(gasdev_result_message(GASDEV_RESULT_OK, GASDEV_LANG_EN, buf, sizeof buf, NULL),
       GASDEV_RESULT_NULL_PARAMETER);
}

/* ---------------------------------------------------------------------------------------------- */

static void test_ident(void) {
    static const char id[] = "88.111.1/GT-A100-000001";
    gasdev_ident out, sentinel;
    size_t off = 999, n = 0;
    char canon[64];
    char shared[64];

    RC(gasdev_ident_parse((const uint8_t *)id, strlen(id), GASDEV_SCHEME_DETECT, GASDEV_IDENT_REQUIRE_ITEM,
                          &out, &off),
       GASDEV_RESULT_OK);
    CHECK(out.scheme == GASDEV_SCHEME_IDIS && out.form == GASDEV_IDENT_FORM_BARE && out.item && out.verified);
    CHECK(out.prefix.offset == 0 && out.prefix.len == 8);
    CHECK(out.suffix.offset == 9 && out.suffix.len == strlen(id) - 9);
    CHECK(out.key.len == 0 && out.check_digit == 255);
    CHECK(off == 999); /* the error offset is written only on an identifier error */
    CHECK(strcmp(gasdev_scheme_name(out.scheme), "idis") == 0);

    /* A GS1 key with a wrong check digit: the error and its offset, *out untouched. */
    memset(&out, SENTINEL, sizeof out);
    sentinel = out;
    RC(gasdev_ident_parse((const uint8_t *)"6291041500214", 13, GASDEV_SCHEME_DETECT, 0, &out, &off),
       GASDEV_RESULT_IDENT_BAD_CHECK_DIGIT);
    CHECK(off == 12 && memcmp(&out, &sentinel, sizeof out) == 0);
    RC(gasdev_ident_parse((const uint8_t *)"6291041500213", 13, GASDEV_SCHEME_DETECT, 0, &out, NULL),
       GASDEV_RESULT_OK);
    CHECK(out.scheme == GASDEV_SCHEME_GS1 && out.check_digit == 3 && out.key.offset == 0 && out.key.len == 13);

    /* A prefix where an item is required is reported at the end of the input. */
    RC(gasdev_ident_parse((const uint8_t *)"88.101.1304", 11, GASDEV_SCHEME_DETECT, GASDEV_IDENT_REQUIRE_ITEM,
                          &out, &off),
       GASDEV_RESULT_IDENT_PREFIX_ONLY);
    CHECK(off == 11);
    /* Bytes that are not UTF-8; an empty (non-NULL) input; NULL input even with length 0. */
    RC(gasdev_ident_parse((const uint8_t *)"88.111.1/\xff", 10, GASDEV_SCHEME_DETECT, 0, &out, &off),
       GASDEV_RESULT_IDENT_NOT_UTF8);
    CHECK(off == 9);
    RC(gasdev_ident_parse((const uint8_t *)id, 0, GASDEV_SCHEME_DETECT, 0, &out, &off), GASDEV_RESULT_IDENT_EMPTY);
    RC(gasdev_ident_parse(NULL, 0, GASDEV_SCHEME_DETECT, 0, &out, &off), GASDEV_RESULT_NULL_PARAMETER);
    RC(gasdev_ident_parse((const uint8_t *)id, strlen(id), GASDEV_SCHEME_DETECT, 0, NULL, &off),
       GASDEV_RESULT_NULL_PARAMETER);
    RC(gasdev_ident_parse((const uint8_t *)id, strlen(id), 99, 0, &out, &off), GASDEV_RESULT_INVALID_PARAMETER);
    RC(gasdev_ident_parse((const uint8_t *)id, strlen(id), GASDEV_SCHEME_DETECT, 0x80, &out, &off),
       GASDEV_RESULT_INVALID_PARAMETER);
    /* Forced scheme: an Ecode is never detected, only asked for. */
    RC(gasdev_ident_parse((const uint8_t *)"88.111.1/x", 10, GASDEV_SCHEME_HANDLE, 0, &out, &off), GASDEV_RESULT_OK);
    CHECK(out.scheme == GASDEV_SCHEME_HANDLE);
    CHECK(gasdev_scheme_name(GASDEV_SCHEME_DETECT) == NULL && gasdev_scheme_name(8) == NULL);

    /* Canonical form: exact, one byte short, zero length, overlapping, NULL. */
    RC(gasdev_ident_canonical((const uint8_t *)"hdl:88.111.1/x", 14, GASDEV_SCHEME_DETECT, 0, canon, sizeof canon,
                              &n, NULL),
       GASDEV_RESULT_OK);
    CHECK(strcmp(canon, "88.111.1/x") == 0 && n == 10);
    memset(canon, SENTINEL, sizeof canon);
    RC(gasdev_ident_canonical((const uint8_t *)id, strlen(id), 0, 0, canon, strlen(id), &n, NULL),
       GASDEV_RESULT_BUFFER_TOO_SMALL);
    CHECK(n == strlen(id) + 1 && all(canon, SENTINEL, sizeof canon));
    RC(gasdev_ident_canonical((const uint8_t *)id, strlen(id), 0, 0, canon, 0, &n, NULL),
       GASDEV_RESULT_BUFFER_TOO_SMALL);
    RC(gasdev_ident_canonical((const uint8_t *)id, strlen(id), 0, 0, canon, strlen(id) + 1, &n, NULL),
       GASDEV_RESULT_OK);
    strcpy(shared, id);
    RC(gasdev_ident_canonical((const uint8_t *)shared, strlen(id), 0, 0, shared + 4, 40, &n, NULL),
       GASDEV_RESULT_INVALID_PARAMETER);
    CHECK(strcmp(shared, id) == 0);
    RC(gasdev_ident_canonical((const uint8_t *)id, strlen(id), 0, 0, NULL, 0, &n, NULL),
       GASDEV_RESULT_NULL_PARAMETER);
    RC(gasdev_ident_canonical((const uint8_t *)id, strlen(id), 0, 0, canon, sizeof canon, NULL, NULL),
       GASDEV_RESULT_NULL_PARAMETER);
}

/* ---------------------------------------------------------------------------------------------- */

static gasdev_frame status_report(void) {
    gasdev_frame f;
    memset(&f, 0, sizeof f);
    f.message_type = GASDEV_MESSAGE_TYPE_STATUS;
    f.seq = 7;
    f.timestamp = 1700000000u;
    f.kind = GASDEV_DEVICE_KIND_LEAK_ALARM;
    f.snapshot.has_alarm = true;
    f.snapshot.alarm.gas = GASDEV_ALARM_LEVEL_NONE;
    f.snapshot.alarm.co = GASDEV_ALARM_LEVEL_NONE;
    f.snapshot.has_valve = true;
    f.snapshot.valve.state = GASDEV_VALVE_STATE_OPEN;
    f.snapshot.has_methane = true;
    f.snapshot.methane.known = true;
    f.snapshot.methane.unit = GASDEV_UNIT_PCT_LEL;
    f.snapshot.methane.lel_basis_centi_pct_vol = 500;
    f.snapshot.methane.centi = 350;
    f.snapshot.has_carbon_monoxide = true; /* reported, but unknown (never a silent 0) */
    return f;
}

static void test_frame(void) {
    uint8_t buf[GASDEV_FRAME_MAX_LEN], copy[GASDEV_FRAME_MAX_LEN];
    size_t n = 0, len = 0, off = 999;
    gasdev_frame f = status_report(), d, sentinel;
    static const char model[] = "GT-A100", fw[] = "1.2.0", ident[] = "88.111.1/GT-A100-000001";

    RC(gasdev_frame_encode(&f, buf, sizeof buf, &len), GASDEV_RESULT_OK);
    CHECK(len > 16 && buf[0] == 0x47 && buf[1] == 0x44);
    RC(gasdev_frame_decode(buf, len, &d, &off), GASDEV_RESULT_OK);
    CHECK(d.message_type == GASDEV_MESSAGE_TYPE_STATUS && d.seq == 7 && d.timestamp == 1700000000u);
    CHECK(d.kind == GASDEV_DEVICE_KIND_LEAK_ALARM && d.snapshot.has_alarm && d.snapshot.has_valve);
    CHECK(d.snapshot.methane.known && d.snapshot.methane.centi == 350 && d.snapshot.methane.lel_basis_centi_pct_vol == 500);
    CHECK(d.snapshot.has_carbon_monoxide && !d.snapshot.carbon_monoxide.known && !d.snapshot.has_propane);
    CHECK(d.extensions == NULL && d.extensions_len == 0);
    RC(gasdev_frame_encode(&d, copy, sizeof copy, &n), GASDEV_RESULT_OK);
    CHECK(n == len && memcmp(buf, copy, len) == 0);

    /* One byte short and zero length: the size needed, and the buffer untouched. */
    memset(copy, SENTINEL, sizeof copy);
    RC(gasdev_frame_encode(&f, copy, len - 1, &n), GASDEV_RESULT_BUFFER_TOO_SMALL);
    CHECK(n == len && all(copy, SENTINEL, sizeof copy));
    RC(gasdev_frame_encode(&f, copy, 0, &n), GASDEV_RESULT_BUFFER_TOO_SMALL);
    CHECK(n == len);

    /* Decoding errors carry the offset; *out stays untouched. */
    memset(&d, SENTINEL, sizeof d);
    sentinel = d;
    RC(gasdev_frame_decode(buf, len - 1, &d, &off), GASDEV_RESULT_FRAME_TRUNCATED);
    CHECK(memcmp(&d, &sentinel, sizeof d) == 0);
    buf[len - 1] ^= 1;
    RC(gasdev_frame_decode(buf, len, &d, &off), GASDEV_RESULT_FRAME_BAD_CRC);
    CHECK(off == len - 4 && memcmp(&d, &sentinel, sizeof d) == 0);
    buf[len - 1] ^= 1;
    RC(gasdev_frame_decode(buf, 0, &d, &off), GASDEV_RESULT_FRAME_TRUNCATED);
    RC(gasdev_frame_decode(NULL, len, &d, &off), GASDEV_RESULT_NULL_PARAMETER);
    RC(gasdev_frame_decode(buf, len, NULL, &off), GASDEV_RESULT_NULL_PARAMETER);
    RC(gasdev_frame_decode(buf, len, &d, NULL), GASDEV_RESULT_OK);
    RC(gasdev_frame_encode(NULL, buf, sizeof buf, &n), GASDEV_RESULT_NULL_PARAMETER);
    RC(gasdev_frame_encode(&f, NULL, sizeof buf, &n), GASDEV_RESULT_NULL_PARAMETER);
    RC(gasdev_frame_encode(&f, buf, sizeof buf, NULL), GASDEV_RESULT_NULL_PARAMETER);

    /* Rules of the codec, as the Rust API reports them. */
    f = status_report();
    f.snapshot.has_alarm = false;
    RC(gasdev_frame_encode(&f, buf, sizeof buf, &n), GASDEV_RESULT_FRAME_MISSING_FIELD);
    f = status_report();
    f.snapshot.valve.trip = GASDEV_TRIP_REASON_OVER_PRESSURE; /* an open valve has no trip reason */
    RC(gasdev_frame_encode(&f, buf, sizeof buf, &n), GASDEV_RESULT_FRAME_INCONSISTENT_VALVE);
    f = status_report();
    f.snapshot.methane.centi = 10001; /* above 100 %LEL */
    RC(gasdev_frame_encode(&f, buf, sizeof buf, &n), GASDEV_RESULT_FRAME_BAD_CONCENTRATION);
    f = status_report();
    f.kind = 9;
    RC(gasdev_frame_encode(&f, buf, sizeof buf, &n), GASDEV_RESULT_INVALID_PARAMETER);
    f = status_report();
    f.snapshot.alarm.gas = 0; /* zero is never a value */
    RC(gasdev_frame_encode(&f, buf, sizeof buf, &n), GASDEV_RESULT_INVALID_PARAMETER);
    memset(&f, 0, sizeof f); /* a zeroed frame is not silently valid */
    RC(gasdev_frame_encode(&f, buf, sizeof buf, &n), GASDEV_RESULT_FRAME_BAD_FIELD);

    /* Commands: close is allowed; opening a valve or clearing its latch cannot be expressed. */
    memset(&f, 0, sizeof f);
    f.message_type = GASDEV_MESSAGE_TYPE_COMMAND;
    f.seq = 40;
    f.command.code = GASDEV_COMMAND_CODE_CLOSE_VALVE;
    RC(gasdev_frame_encode(&f, buf, sizeof buf, &len), GASDEV_RESULT_OK);
    RC(gasdev_frame_decode(buf, len, &d, &off), GASDEV_RESULT_OK);
    CHECK(d.message_type == GASDEV_MESSAGE_TYPE_COMMAND && d.command.code == GASDEV_COMMAND_CODE_CLOSE_VALVE);
    CHECK(d.timestamp == 0);
    f.command.code = 2;
    RC(gasdev_frame_encode(&f, buf, sizeof buf, &n), GASDEV_RESULT_FRAME_FORBIDDEN_COMMAND);
    f.command.code = 3;
    RC(gasdev_frame_encode(&f, buf, sizeof buf, &n), GASDEV_RESULT_FRAME_FORBIDDEN_COMMAND);
    f.command.code = 9;
    RC(gasdev_frame_encode(&f, buf, sizeof buf, &n), GASDEV_RESULT_FRAME_UNKNOWN_COMMAND);
    f.command.code = GASDEV_COMMAND_CODE_MUTE;
    f.command.seconds = 0;
    RC(gasdev_frame_encode(&f, buf, sizeof buf, &n), GASDEV_RESULT_FRAME_BAD_FIELD);
    f.command.seconds = 70000; /* above 65535 */
    RC(gasdev_frame_encode(&f, buf, sizeof buf, &n), GASDEV_RESULT_FRAME_BAD_FIELD);

    /* Identity: text must be UTF-8; at most GASDEV_FRAME_MAX_IDENTIFIERS; no overlap with out. */
    memset(&f, 0, sizeof f);
    f.message_type = GASDEV_MESSAGE_TYPE_IDENTITY;
    f.kind = GASDEV_DEVICE_KIND_LEAK_ALARM;
    f.identity.tier = GASDEV_TIER_MID;
    f.identity.capabilities = GASDEV_CAPABILITY_DETECTS_METHANE | GASDEV_CAPABILITY_REMOTE_CLOSE;
    f.identity.identifier_count = 1;
    f.identity.identifiers[0].carrier = GASDEV_CARRIER_MODULE;
    f.identity.identifiers[0].value = ident;
    f.identity.identifiers[0].value_len = strlen(ident);
    f.identity.model = model;
    f.identity.model_len = strlen(model);
    f.identity.firmware = fw;
    f.identity.firmware_len = strlen(fw);
    RC(gasdev_frame_encode(&f, buf, sizeof buf, &len), GASDEV_RESULT_OK);
    RC(gasdev_frame_decode(buf, len, &d, &off), GASDEV_RESULT_OK);
    CHECK(d.identity.identifier_count == 1 && d.identity.identifiers[0].value_len == strlen(ident));
    CHECK(memcmp(d.identity.identifiers[0].value, ident, strlen(ident)) == 0);
    CHECK((const uint8_t *)d.identity.model >= buf && (const uint8_t *)d.identity.model < buf + len);
    f.identity.capabilities = 0x8000; /* a reserved bit */
    RC(gasdev_frame_encode(&f, buf, sizeof buf, &n), GASDEV_RESULT_INVALID_PARAMETER);
    f.identity.capabilities = GASDEV_CAPABILITY_DETECTS_METHANE;
    f.identity.identifier_count = GASDEV_FRAME_MAX_IDENTIFIERS + 1;
    RC(gasdev_frame_encode(&f, buf, sizeof buf, &n), GASDEV_RESULT_INVALID_PARAMETER);
    f.identity.identifier_count = 0;
    RC(gasdev_frame_encode(&f, buf, sizeof buf, &n), GASDEV_RESULT_FRAME_MISSING_FIELD);
    f.identity.identifier_count = 1;
    f.identity.model = "\xff\xfe";
    f.identity.model_len = 2;
    RC(gasdev_frame_encode(&f, buf, sizeof buf, &n), GASDEV_RESULT_NOT_UTF8);
    f.identity.model = NULL; /* NULL with a length */
    RC(gasdev_frame_encode(&f, buf, sizeof buf, &n), GASDEV_RESULT_NULL_PARAMETER);
    memcpy(copy + 200, model, strlen(model));
    f.identity.model = (const char *)copy + 200; /* the model lives inside the output buffer */
    f.identity.model_len = strlen(model);
    RC(gasdev_frame_encode(&f, copy, sizeof copy, &n), GASDEV_RESULT_INVALID_PARAMETER);
    RC(gasdev_frame_encode(&f, copy, 200, &n), GASDEV_RESULT_OK); /* adjacent is fine */
    RC(gasdev_frame_encode(&f, (uint8_t *)&f, sizeof f, &n), GASDEV_RESULT_INVALID_PARAMETER); /* onto itself */
}

/* ---------------------------------------------------------------------------------------------- */

static gasdev_stream_decoder never_initialised; /* zeroed static storage */

static void test_stream(void) {
    static gasdev_stream_decoder dec;
    gasdev_stream_event ev;
    gasdev_frame f = status_report();
    uint8_t frame[GASDEV_FRAME_MAX_LEN], stream[2 * GASDEV_FRAME_MAX_LEN + 8];
    size_t len = 0, used = 0, pos, total, frames = 0, skipped = 0, pending = 99;

    RC(gasdev_frame_encode(&f, frame, sizeof frame, &len), GASDEV_RESULT_OK);
    /* garbage, a frame, garbage, the same frame */
    memcpy(stream, "xyz", 3);
    memcpy(stream + 3, frame, len);
    memcpy(stream + 3 + len, "\x47\x00", 2);
    memcpy(stream + 5 + len, frame, len);
    total = 5 + 2 * len;

    RC(gasdev_stream_feed(&never_initialised, stream, total, &used, &ev), GASDEV_RESULT_INVALID_PARAMETER);
    RC(gasdev_stream_init(&dec), GASDEV_RESULT_OK);
    /* one byte at a time */
    for (pos = 0; pos < total; pos++) {
        size_t k = pos;
        for (;;) {
            RC(gasdev_stream_feed(&dec, stream + k, pos + 1 - k, &used, &ev), GASDEV_RESULT_OK);
            k += used;
            if (ev.kind == GASDEV_STREAM_EVENT_KIND_NONE) break;
            if (ev.kind == GASDEV_STREAM_EVENT_KIND_FRAME) {
                frames++;
                CHECK(ev.frame_len == len && memcmp(ev.frame, frame, len) == 0);
            } else if (ev.kind == GASDEV_STREAM_EVENT_KIND_SKIPPED) {
                skipped += ev.skipped;
            }
        }
        CHECK(k == pos + 1);
    }
    RC(gasdev_stream_pending(&dec, &pending), GASDEV_RESULT_OK);
    CHECK(pending == 0);
    RC(gasdev_stream_finish(&dec, &ev), GASDEV_RESULT_OK);
    CHECK(ev.kind == GASDEV_STREAM_EVENT_KIND_NONE);
    CHECK(frames == 2 && skipped == 5);

    /* A truncated frame at the end of the stream is rejected when the stream ends. */
    RC(gasdev_stream_feed(&dec, frame, len - 1, &used, &ev), GASDEV_RESULT_OK);
    CHECK(used == len - 1 && ev.kind == GASDEV_STREAM_EVENT_KIND_NONE);
    RC(gasdev_stream_finish(&dec, &ev), GASDEV_RESULT_OK);
    CHECK(ev.kind == GASDEV_STREAM_EVENT_KIND_REJECTED && ev.error == GASDEV_RESULT_FRAME_TRUNCATED);
    do {
        RC(gasdev_stream_finish(&dec, &ev), GASDEV_RESULT_OK);
    } while (ev.kind != GASDEV_STREAM_EVENT_KIND_NONE);

    /* Misuse: NULLs, input inside the decoder, calls after release. */
    RC(gasdev_stream_feed(NULL, stream, total, &used, &ev), GASDEV_RESULT_NULL_PARAMETER);
    RC(gasdev_stream_feed(&dec, NULL, 0, &used, &ev), GASDEV_RESULT_NULL_PARAMETER);
    RC(gasdev_stream_feed(&dec, stream, total, NULL, &ev), GASDEV_RESULT_NULL_PARAMETER);
    RC(gasdev_stream_feed(&dec, stream, total, &used, NULL), GASDEV_RESULT_NULL_PARAMETER);
    RC(gasdev_stream_feed(&dec, (const uint8_t *)&dec + 8, 8, &used, &ev), GASDEV_RESULT_INVALID_PARAMETER);
    RC(gasdev_stream_feed(&dec, stream, total, (size_t *)(void *)&dec, &ev), GASDEV_RESULT_INVALID_PARAMETER);
    RC(gasdev_stream_finish(&dec, (gasdev_stream_event *)(void *)&dec), GASDEV_RESULT_INVALID_PARAMETER);
    RC(gasdev_stream_feed(&dec, stream, 0, &used, &ev), GASDEV_RESULT_OK);
    CHECK(used == 0 && ev.kind == GASDEV_STREAM_EVENT_KIND_NONE);
    RC(gasdev_stream_init(NULL), GASDEV_RESULT_NULL_PARAMETER);
    RC(gasdev_stream_finish(&dec, NULL), GASDEV_RESULT_NULL_PARAMETER);
    gasdev_stream_release(&dec);
    gasdev_stream_release(NULL); /* ignored */
    RC(gasdev_stream_feed(&dec, stream, total, &used, &ev), GASDEV_RESULT_INVALID_PARAMETER);
    RC(gasdev_stream_finish(&dec, &ev), GASDEV_RESULT_INVALID_PARAMETER);
    RC(gasdev_stream_pending(&dec, &pending), GASDEV_RESULT_INVALID_PARAMETER);
    RC(gasdev_stream_init(&dec), GASDEV_RESULT_OK); /* re-initialised: usable again */
    RC(gasdev_stream_feed(&dec, stream, total, &used, &ev), GASDEV_RESULT_OK);
}

/* ---------------------------------------------------------------------------------------------- */

static void test_gbt(void) {
    static const char kitchen[] = "\xe5\x8e\xa8\xe6\x88\xbf\xe7\x87\x83\xe6\xb0\x94"; /* 厨房燃气 */
    gasdev_alarm_status s;
    gasdev_reading comb, co;
    gasdev_gbt_point p;
    gasdev_gbt_time t = {2024, 5, 1, 12, 30, 0};
    gasdev_gbt_policy pol;
    gasdev_gbt_mapped m;
    gasdev_gbt_header h;
    gasdev_gbt_packet pk;
    gasdev_gbt_object o;
    uint8_t buf[GASDEV_GBT_MAX_LEN], small[64];
    size_t n = 0, len = 0, off = 0;
    char hex[] = "40 40 0";

    memset(&s, 0, sizeof s);
    s.gas = GASDEV_ALARM_LEVEL_HIGH;
    s.co = GASDEV_ALARM_LEVEL_NONE;
    memset(&comb, 0, sizeof comb);
    comb.known = true;
    comb.unit = GASDEV_UNIT_PCT_LEL;
    comb.lel_basis_centi_pct_vol = 500;
    comb.centi = 2500;
    memset(&co, 0, sizeof co); /* unknown: no analog object */
    p.system_type = 1;
    p.system_address = 1;
    p.component_address = 65541;
    p.description = kitchen;
    p.description_len = strlen(kitchen);
    RC(gasdev_gbt_policy_default(&pol), GASDEV_RESULT_OK);
    CHECK(pol.gas_high == GASDEV_GBT_RAISE_FIRE && pol.valve_closed == GASDEV_GBT_RAISE_SUPERVISORY);
    RC(gasdev_gbt_map_alarm(&s, &comb, &co, &p, &t, &pol, &m), GASDEV_RESULT_OK);
    CHECK(m.status.layout == GASDEV_GBT_LAYOUT_COMPONENT_STATUS && m.status.status == 3);
    CHECK(m.analog_count == 1 && m.analog[0].analog_type == 6 && m.analog[0].value == 250);
    CHECK(m.status.component_type == 11 && m.status.has_time && m.status.time.hour == 12);

    /* Encode the status object, decode it strictly, read it back. */
    memset(&h, 0, sizeof h);
    h.serial = 1;
    h.version_main = 1;
    h.time = t;
    h.source = 1;
    h.command = 2;
    RC(gasdev_gbt_encode(&h, 2, &m.status, 1, buf, sizeof buf, &len), GASDEV_RESULT_OK);
    CHECK(len == 30 + 2 + 40 + 6);
    RC(gasdev_gbt_decode(buf, len, GASDEV_GBT_STRICT, &pk, &off), GASDEV_RESULT_OK);
    CHECK(pk.has_adu && pk.adu_type == 2 && pk.object_count == 1 && pk.checksum_ok && pk.deviations == 0);
    RC(gasdev_gbt_object_at(buf, len, GASDEV_GBT_STRICT, 0, &o), GASDEV_RESULT_OK);
    CHECK(o.status == 3 && o.component_address == 65541 && memcmp(o.description, m.status.description, 31) == 0);
    RC(gasdev_gbt_object_at(buf, len, GASDEV_GBT_STRICT, 1, &o), GASDEV_RESULT_INVALID_PARAMETER);
    RC(gasdev_gbt_encode(&h, 2, &m.status, 1, buf, len - 1, &n), GASDEV_RESULT_BUFFER_TOO_SMALL);
    CHECK(n == len);
    RC(gasdev_gbt_encode(&h, 2, m.analog, 1, buf, sizeof buf, &n), GASDEV_RESULT_GBT_TYPE_MISMATCH);
    RC(gasdev_gbt_encode(&h, 2, &m.status, 1, (uint8_t *)&m, sizeof m, &n), GASDEV_RESULT_INVALID_PARAMETER);
    RC(gasdev_gbt_encode(&h, 2, &m.status, 1, (uint8_t *)&h, sizeof h, &n), GASDEV_RESULT_INVALID_PARAMETER);
    RC(gasdev_gbt_encode(&h, 2, &m.status, GASDEV_GBT_MAX_OBJECTS + 1, buf, sizeof buf, &n),
       GASDEV_RESULT_INVALID_PARAMETER);
    RC(gasdev_gbt_encode(&h, 0, NULL, 0, buf, sizeof buf, &n), GASDEV_RESULT_OK); /* no ADU */
    CHECK(n == 30);
    RC(gasdev_gbt_encode(&h, 2, NULL, 1, buf, sizeof buf, &n), GASDEV_RESULT_NULL_PARAMETER);
    h.source = 1ull << 48; /* above 48 bits */
    RC(gasdev_gbt_encode(&h, 0, NULL, 0, buf, sizeof buf, &n), GASDEV_RESULT_INVALID_PARAMETER);
    h.source = 1;

    /* Strict vs tolerant, and errors with offsets. */
    RC(gasdev_gbt_encode(&h, 2, &m.status, 1, buf, sizeof buf, &len), GASDEV_RESULT_OK);
    buf[len - 3] ^= 0xFF; /* checksum */
    RC(gasdev_gbt_decode(buf, len, 0, &pk, &off), GASDEV_RESULT_GBT_BAD_CHECKSUM);
    RC(gasdev_gbt_decode(buf, len, GASDEV_GBT_NO_CHECKSUM, &pk, &off), GASDEV_RESULT_OK);
    CHECK(!pk.checksum_ok);
    RC(gasdev_gbt_decode(buf, len, 0x40, &pk, &off), GASDEV_RESULT_INVALID_PARAMETER);
    RC(gasdev_gbt_decode(buf, 10, 0, &pk, &off), GASDEV_RESULT_GBT_TRUNCATED);
    RC(gasdev_gbt_decode(NULL, 10, 0, &pk, &off), GASDEV_RESULT_NULL_PARAMETER);

    /* Answers: one byte short, overlapping, too short to have a header. */
    RC(gasdev_gbt_answer(buf, len, GASDEV_GBT_ANSWER_KIND_CONFIRM, &t, small, 29, &n),
       GASDEV_RESULT_BUFFER_TOO_SMALL);
    CHECK(n == 30);
    RC(gasdev_gbt_answer(buf, len, GASDEV_GBT_ANSWER_KIND_DENY, &t, small, sizeof small, &n), GASDEV_RESULT_OK);
    CHECK(n == 30 && small[26] == 6);
    RC(gasdev_gbt_answer(buf, len, GASDEV_GBT_ANSWER_KIND_DENY, &t, buf + 10, 40, &n),
       GASDEV_RESULT_INVALID_PARAMETER);
    RC(gasdev_gbt_answer(buf, 26, GASDEV_GBT_ANSWER_KIND_DENY, &t, small, sizeof small, &n),
       GASDEV_RESULT_GBT_TRUNCATED);
    RC(gasdev_gbt_answer(buf, len, 0, &t, small, sizeof small, &n), GASDEV_RESULT_INVALID_PARAMETER);

    /* Hex text: an odd number of digits, a short buffer, NULL. */
    RC(gasdev_gbt_decode_hex_text(hex, strlen(hex), small, sizeof small, &n, &off), GASDEV_RESULT_GBT_BAD_HEX);
    CHECK(off == strlen(hex));
    RC(gasdev_gbt_decode_hex_text(hex, 5, small, 1, &n, &off), GASDEV_RESULT_BUFFER_TOO_SMALL);
    CHECK(n == 2);
    RC(gasdev_gbt_decode_hex_text(hex, 5, small, 2, &n, NULL), GASDEV_RESULT_OK);
    CHECK(n == 2 && small[0] == 0x40 && small[1] == 0x40);
    RC(gasdev_gbt_decode_hex_text(NULL, 0, small, 2, &n, NULL), GASDEV_RESULT_NULL_PARAMETER);

    /* Mapping errors. */
    pol.gas_high = 0;
    RC(gasdev_gbt_map_alarm(&s, &comb, &co, &p, &t, &pol, &m), GASDEV_RESULT_INVALID_PARAMETER);
    RC(gasdev_gbt_policy_default(&pol), GASDEV_RESULT_OK);
    comb.unit = GASDEV_UNIT_PPM;
    RC(gasdev_gbt_map_alarm(&s, &comb, &co, &p, &t, &pol, &m), GASDEV_RESULT_GBT_NOT_REPRESENTABLE);
    comb.unit = GASDEV_UNIT_PCT_LEL;
    p.description = "0123456789012345678901234567890123"; /* over 31 bytes */
    p.description_len = strlen(p.description);
    RC(gasdev_gbt_map_alarm(&s, &comb, &co, &p, &t, &pol, &m), GASDEV_RESULT_GBT_TEXT_TOO_LONG);
    RC(gasdev_gbt_map_alarm(NULL, &comb, &co, &p, &t, &pol, &m), GASDEV_RESULT_NULL_PARAMETER);
    RC(gasdev_gbt_map_alarm(&s, &comb, &co, &p, &t, &pol, NULL), GASDEV_RESULT_NULL_PARAMETER);
    {
        gasdev_valve_status v;
        p.description = kitchen;
        p.description_len = strlen(kitchen);
        v.state = GASDEV_VALVE_STATE_CLOSED;
        v.trip = GASDEV_TRIP_REASON_OVER_PRESSURE;
        v.manual_reset_required = true;
        RC(gasdev_gbt_map_valve(&v, &p, &t, &pol, &m), GASDEV_RESULT_OK);
        CHECK(m.analog_count == 0 && m.status.status == (1 | 16 | 64));
        v.state = GASDEV_VALVE_STATE_OPEN; /* open, with a trip reason and a latch */
        RC(gasdev_gbt_map_valve(&v, &p, &t, &pol, &m), GASDEV_RESULT_INPUT_INVALID_VALUE);
        v.state = GASDEV_VALVE_STATE_UNKNOWN;
        v.trip = GASDEV_TRIP_REASON_NONE;
        v.manual_reset_required = false;
        RC(gasdev_gbt_map_valve(&v, &p, &t, &pol, &m), GASDEV_RESULT_GBT_NOT_REPRESENTABLE);
    }
    {
        gasdev_frame f = status_report();
        RC(gasdev_frame_encode(&f, buf, sizeof buf, &len), GASDEV_RESULT_OK);
        RC(gasdev_gbt_map_frame(buf, len, &p, &t, &pol, &m), GASDEV_RESULT_OK);
        CHECK(m.status.status == 1 && m.analog_count == 1 && m.status.time.year == 2023);
        RC(gasdev_gbt_map_frame(buf, len - 1, &p, &t, &pol, &m), GASDEV_RESULT_FRAME_TRUNCATED);
    }
}

/* ---------------------------------------------------------------------------------------------- */

static void test_requirements(void) {
    size_t n = gasdev_requirement_count(GASDEV_DEVICE_KIND_LEAK_ALARM, GASDEV_TIER_HIGH), i;
    size_t any = gasdev_requirement_count(GASDEV_DEVICE_KIND_LEAK_ALARM, GASDEV_REQUIREMENT_ANY_TIER);
    gasdev_requirement r;
    CHECK(n > 5 && any >= n);
    for (i = 0; i < n; i++) {
        RC(gasdev_requirement_get(GASDEV_DEVICE_KIND_LEAK_ALARM, GASDEV_TIER_HIGH, i, &r), GASDEV_RESULT_OK);
        CHECK(r.id.len > 3 && (memcmp(r.id.data, "ALM-", 4) == 0 || memcmp(r.id.data, "CERT-", 5) == 0));
        CHECK((r.tiers & GASDEV_TIER_BIT_HIGH) != 0 && r.text_zh.len > 0 && r.text_en.len > 0);
    }
    RC(gasdev_requirement_get(GASDEV_DEVICE_KIND_LEAK_ALARM, GASDEV_TIER_HIGH, n, &r),
       GASDEV_RESULT_INVALID_PARAMETER);
    RC(gasdev_requirement_get(GASDEV_DEVICE_KIND_LEAK_ALARM, GASDEV_TIER_HIGH, 0, NULL), GASDEV_RESULT_NULL_PARAMETER);
    RC(gasdev_requirement_find("ALM-3b", 6, &r), GASDEV_RESULT_OK);
    CHECK(r.id.len == 6 && memcmp(r.id.data, "ALM-3b", 6) == 0 && r.scope == GASDEV_SCOPE_LEAK_ALARM);
    RC(gasdev_requirement_find("ALM-99", 6, &r), GASDEV_RESULT_INVALID_PARAMETER);
    RC(gasdev_requirement_find(NULL, 0, &r), GASDEV_RESULT_NULL_PARAMETER);
    CHECK(gasdev_requirement_count(0, GASDEV_TIER_LOW) == 0);
    CHECK(gasdev_requirement_count(GASDEV_DEVICE_KIND_SELF_CLOSING_VALVE, 7) == 0);

    /* The C runner maps names to these constants by position. */
    CHECK(GASDEV_VALVE_STATE_UNKNOWN == GASDEV_VALVE_STATE_OPEN + 6);
    CHECK(GASDEV_TRIP_REASON_POWER_LOSS == GASDEV_TRIP_REASON_OVER_PRESSURE + 6);
}

/* ---------------------------------------------------------------------------------------------- */

static char *example(const char *name) {
    char path[512];
    sprintf(path, "%.400s/spec/examples/%.80s", root, name);
    return read_file(path);
}

/* `r` is a report of an inspection that is not compliant, with the single finding `code`; freed. */
static void check_single_finding(gasdev_report *r, const char *code) {
    gasdev_report_summary s;
    gasdev_str item;
    RC(gasdev_report_get_summary(r, &s), GASDEV_RESULT_OK);
    CHECK(s.document == GASDEV_DOCUMENT_INSPECTION && !s.conformant && s.items == 1);
    RC(gasdev_report_item(r, 0, &item), GASDEV_RESULT_OK);
    CHECK(item.len == strlen(code) && memcmp(item.data, code, item.len) == 0);
    gasdev_report_free(r);
}

static void test_json(void) {
    char *decl = example("declaration-alarm-mid.json");
    char *cat = example("catalogue.json");
    gasdev_report *r = NULL;
    gasdev_report_summary s;
    gasdev_input_error e;
    gasdev_str item;
    const char *json = NULL;
    size_t len = 0;
    static const char as_of[] = "2026-06-01";
    static const char bad_tier[] = "{\n  \"model\": \"X\",\n  \"kind\": \"leak_alarm\",\n  \"claimed_tier\": \"top\"\n}";

    RC(gasdev_check_document(decl, strlen(decl), as_of, 10, &r, &e), GASDEV_RESULT_OK);
    RC(gasdev_report_get_summary(r, &s), GASDEV_RESULT_OK);
    CHECK(s.document == GASDEV_DOCUMENT_DECLARATION && s.products == 1);
    CHECK(s.conformant == (s.nonconformant_products == 0));
    RC(gasdev_report_json(r, &json, &len), GASDEV_RESULT_OK);
    CHECK(len == strlen(json) && strncmp(json, "{\"document\":\"declaration\",\"as_of\":\"2026-06-01\",", strlen("{\"document\":\"declaration\",\"as_of\":\"2026-06-01\",")) == 0 && strstr(json, "\"ruleset\":\"nanchuan-2022\"") != NULL);
    RC(gasdev_report_item(r, s.items, &item), GASDEV_RESULT_INVALID_PARAMETER);
    RC(gasdev_report_item(r, 0, NULL), GASDEV_RESULT_NULL_PARAMETER);
    RC(gasdev_report_json(r, NULL, &len), GASDEV_RESULT_NULL_PARAMETER);
    gasdev_report_free(r);
    r = NULL; /* the documented pattern: a freed report is never used again */
    RC(gasdev_report_get_summary(r, &s), GASDEV_RESULT_NULL_PARAMETER);
    gasdev_report_free(NULL);

    RC(gasdev_check_document(cat, strlen(cat), as_of, 10, &r, NULL), GASDEV_RESULT_OK);
    RC(gasdev_report_get_summary(r, &s), GASDEV_RESULT_OK);
    CHECK(s.document == GASDEV_DOCUMENT_CATALOGUE && s.products > 1 && !s.conformant && s.items > 0);
    RC(gasdev_report_item(r, 0, &item), GASDEV_RESULT_OK);
    CHECK(item.len > 4 && memcmp(item.data, "CAT-", 4) == 0);
    gasdev_report_free(r);
    r = NULL;

    /* Rejected documents: the shared error name, the position and the field; *out untouched. */
    memset(&e, 0, sizeof e);
    RC(gasdev_check_document(bad_tier, strlen(bad_tier), as_of, 10, &r, &e), GASDEV_RESULT_INPUT_UNKNOWN_VALUE);
    CHECK(r == NULL && e.code == GASDEV_RESULT_INPUT_UNKNOWN_VALUE && e.line == 4);
    CHECK(strcmp(e.field, "claimed_tier") == 0 && e.field_len == 12);
    RC(gasdev_check_document("{", 1, as_of, 10, &r, &e), GASDEV_RESULT_INPUT_JSON_SYNTAX);
    CHECK(e.field[0] == '\0');
    RC(gasdev_check_document(decl, 0, as_of, 10, &r, &e), GASDEV_RESULT_INPUT_EMPTY);
    RC(gasdev_check_document("\xff", 1, as_of, 10, &r, &e), GASDEV_RESULT_NOT_UTF8);
    RC(gasdev_check_document(decl, strlen(decl), "2026-02-30", 10, &r, &e), GASDEV_RESULT_INVALID_PARAMETER);
    RC(gasdev_check_document(decl, strlen(decl), as_of, 10, NULL, &e), GASDEV_RESULT_NULL_PARAMETER);
    RC(gasdev_check_document(NULL, 0, as_of, 10, &r, &e), GASDEV_RESULT_NULL_PARAMETER);
    CHECK(r == NULL);

    /* A frame against a declaration; a catalogue is not a declaration. */
    {
        uint8_t buf[GASDEV_FRAME_MAX_LEN];
        size_t n = 0;
        gasdev_frame f = status_report();
        RC(gasdev_frame_encode(&f, buf, sizeof buf, &n), GASDEV_RESULT_OK);
        RC(gasdev_frame_check_declaration(buf, n, decl, strlen(decl), &r, &e), GASDEV_RESULT_OK);
        RC(gasdev_report_get_summary(r, &s), GASDEV_RESULT_OK);
        CHECK(s.document == GASDEV_DOCUMENT_FRAME_CHECK && s.conformant == (s.items == 0));
        gasdev_report_free(r);
        r = NULL;
        RC(gasdev_frame_check_declaration(buf, n, cat, strlen(cat), &r, &e), GASDEV_RESULT_INPUT_UNKNOWN_DOCUMENT);
        RC(gasdev_frame_check_declaration(buf, n - 1, decl, strlen(decl), &r, &e), GASDEV_RESULT_FRAME_TRUNCATED);
    }

    /* Inspection: with and without a catalogue; a declaration is not a catalogue. */
    {
        static const char record[] =
            "{\"household\":\"H-002\",\"profile\":{\"gas_supply\":\"piped_natural_gas\",\"building_height_m\":30,"
            "\"user_class\":\"unit\",\"connection\":\"new\",\"connection_date\":\"2026-05-01\"},\"devices\":[]}";
        RC(gasdev_inspect_record(record, strlen(record), NULL, 0, as_of, 10, &r, &e), GASDEV_RESULT_OK);
        check_single_finding(r, "missing_required_device");
        r = NULL;
        RC(gasdev_inspect_record(record, strlen(record), cat, strlen(cat), as_of, 10, &r, &e), GASDEV_RESULT_OK);
        gasdev_report_free(r);
        r = NULL;
        RC(gasdev_inspect_record(record, strlen(record), decl, strlen(decl), as_of, 10, &r, &e),
           GASDEV_RESULT_INPUT_UNKNOWN_DOCUMENT);
        CHECK(strcmp(e.field, "catalogue") == 0);
        /* An error inside the catalogue names its field under `catalogue`, as in every binding. */
        {
            static const char bad_cat[] = "{\"name\":\"c\",\"vendors\":[{\"name\":5}]}";
            RC(gasdev_inspect_record(record, strlen(record), bad_cat, strlen(bad_cat), as_of, 10, &r, &e),
               GASDEV_RESULT_INPUT_JSON_TYPE);
            CHECK(strcmp(e.field, "catalogue.vendors[0].name") == 0 && e.line == 1 && r == NULL);
        }
        RC(gasdev_inspect_record(record, strlen(record), NULL, 3, as_of, 10, &r, &e), GASDEV_RESULT_NULL_PARAMETER);
        CHECK(r == NULL);
    }
    /* Inspection with declarations (a JSON array): the alarm's gases come from its declaration. */
    {
        static const char record[] =
            "{\"household\":\"H-003\",\"profile\":{\"gas_supply\":\"piped_lpg\",\"building_height_m\":30,"
            "\"user_class\":\"unit\",\"connection\":\"existing\"},\"devices\":[{\"kind\":\"leak_alarm\","
            "\"identifier\":\"88.118.1/JTM-JFSM100-1\",\"model\":\"JTM-JFSM100\",\"powered\":true}],"
            "\"fire_centre\":{\"alarm\":true}}";
        size_t dlen = strlen(decl);
        char *decls = malloc(dlen + 3);
        CHECK(decls != NULL);
        decls[0] = '[';
        memcpy(decls + 1, decl, dlen);
        decls[dlen + 1] = ']';
        decls[dlen + 2] = '\0';
        RC(gasdev_inspect_with_declarations(record, strlen(record), NULL, 0, decls, dlen + 2, as_of, 10, &r, &e),
           GASDEV_RESULT_OK);
        check_single_finding(r, "gas_mismatch");
        r = NULL;
        static const char bad[] = "[{\"model\":\"X\",\"kind\":\"smoke_alarm\",\"claimed_tier\":\"low\"}]";
        RC(gasdev_inspect_with_declarations(record, strlen(record), NULL, 0, bad, strlen(bad), as_of, 10, &r, &e),
           GASDEV_RESULT_INPUT_UNKNOWN_VALUE);
        CHECK(strcmp(e.field, "declarations[0].kind") == 0 && r == NULL);
        RC(gasdev_inspect_with_declarations(record, strlen(record), NULL, 0, NULL, 3, as_of, 10, &r, &e),
           GASDEV_RESULT_NULL_PARAMETER);
        /* An output that overlaps the declarations is refused before either is used. */
        RC(gasdev_inspect_with_declarations(record, strlen(record), NULL, 0, (const char *)(const void *)&e, sizeof e,
                                            as_of, 10, &r, &e),
           GASDEV_RESULT_INVALID_PARAMETER);
        free(decls);
    }
    free(decl);
    free(cat);
}

/* Authenticated frames (spec/security.md): the values of spec/vectors/secure.json (#4, #13, #69). */
static void test_secure(void) {
    size_t flen = 0, slen = 0, klen = 0, mlen = 0;
    unsigned char *frame = unhex("4744010810002862be40d001e2a6153c", &flen);
    unsigned char *sealed = unhex("4744011810002862be40d001ff0e01010000000055695d15f703d09d6bb9fe6b", &slen);
    unsigned char *key = unhex("9ec5e4be4c3bbee0043c99c6fe27c0d9", &klen);
    unsigned char *master = unhex("0123456789abcdeffedcba9876543210", &mlen);
    const char *ident = "88.111.1/GT-A100-000001";
    unsigned char out[GASDEV_FRAME_MAX_LEN];
    unsigned char derived[GASDEV_KEY_LEN];
    size_t n = 0, off = 0;
    gasdev_replay_state st, saved;
    gasdev_frame_auth auth;

    /* Key derivation [SEC-052]. */
    CHECK(gasdev_frame_derive_key(master, 1, (const uint8_t *)ident, strlen(ident), derived) == GASDEV_RESULT_OK);
    CHECK(memcmp(derived, key, GASDEV_KEY_LEN) == 0);
    CHECK(gasdev_frame_derive_key(master, 0, (const uint8_t *)ident, strlen(ident), derived) == GASDEV_RESULT_FRAME_UNKNOWN_KEY_ID);
    CHECK(gasdev_frame_derive_key(master, 1, (const uint8_t *)ident, 0, derived) == GASDEV_RESULT_IDENT_EMPTY);
    CHECK(gasdev_frame_derive_key(master, 1, (const uint8_t *)ident, strlen(ident), master) == GASDEV_RESULT_INVALID_PARAMETER);

    /* Seal: byte for byte the vector; short buffers and overlaps refused without writing. */
    CHECK(gasdev_frame_seal(frame, flen, key, 1, 0, out, sizeof out, &n, &off) == GASDEV_RESULT_OK);
    CHECK(n == slen && memcmp(out, sealed, slen) == 0);
    memset(out, 0xA5, sizeof out);
    CHECK(gasdev_frame_seal(frame, flen, key, 1, 0, out, slen - 1, &n, &off) == GASDEV_RESULT_BUFFER_TOO_SMALL);
    CHECK(n == slen && all(out, 0xA5, sizeof out));
    CHECK(gasdev_frame_seal(frame, flen, key, 1, 0, frame, flen, &n, &off) == GASDEV_RESULT_INVALID_PARAMETER);
    CHECK(gasdev_frame_seal(frame, flen, key, 0, 0, out, sizeof out, &n, &off) == GASDEV_RESULT_FRAME_UNKNOWN_KEY_ID && off == 15);
    CHECK(gasdev_frame_seal(frame, flen, key, 1, 0xFFFFFFFFu, out, sizeof out, &n, &off) == GASDEV_RESULT_FRAME_COUNTER_EXHAUSTED && off == 16);
    CHECK(gasdev_frame_seal(sealed, slen, key, 1, 1, out, sizeof out, &n, &off) == GASDEV_RESULT_FRAME_BAD_SECURITY && off == 12);
    CHECK(gasdev_frame_seal(NULL, flen, key, 1, 0, out, sizeof out, &n, &off) == GASDEV_RESULT_NULL_PARAMETER);
    CHECK(gasdev_frame_seal(frame, flen, NULL, 1, 0, out, sizeof out, &n, &off) == GASDEV_RESULT_NULL_PARAMETER);

    /* Replay state: caller-allocated, validated. */
    CHECK(gasdev_replay_state_init(&st, 0, 1) == GASDEV_RESULT_INVALID_PARAMETER);
    CHECK(gasdev_replay_state_init(&st, 65, 1) == GASDEV_RESULT_INVALID_PARAMETER);
    CHECK(gasdev_replay_state_init(&st, 32, 0) == GASDEV_RESULT_INVALID_PARAMETER);
    CHECK(gasdev_replay_state_init(&st, 32, 1048576) == GASDEV_RESULT_OK && !st.any_accepted);

    /* Open: authenticated once, then a replay; the state moves only on success. */
    CHECK(gasdev_frame_open(sealed, slen, key, 1, &st, GASDEV_POLICY_REQUIRED, &auth, &off) == GASDEV_RESULT_OK);
    CHECK(auth.authenticated && auth.key_id == 1 && auth.counter == 0);
    CHECK(st.any_accepted && st.highest == 0 && st.bitmap == 1);
    saved = st;
    CHECK(gasdev_frame_open(sealed, slen, key, 1, &st, GASDEV_POLICY_REQUIRED, &auth, &off) == GASDEV_RESULT_FRAME_REPLAY && off == 16);
    /* Field by field: the struct has padding bytes, which are never compared. */
    CHECK(saved.bitmap == st.bitmap && saved.highest == st.highest && saved.max_jump == st.max_jump &&
          saved.window_size == st.window_size && saved.any_accepted == st.any_accepted);
    CHECK(gasdev_frame_open(frame, flen, key, 1, &st, GASDEV_POLICY_REQUIRED, &auth, &off) == GASDEV_RESULT_FRAME_UNAUTHENTICATED && off == 12);
    CHECK(gasdev_frame_open(frame, flen, key, 1, &st, GASDEV_POLICY_LEGACY_ACCEPT_UNAUTHENTICATED, &auth, &off) == GASDEV_RESULT_OK && !auth.authenticated);
    CHECK(gasdev_frame_open(sealed, slen, key, 2, &st, GASDEV_POLICY_REQUIRED, &auth, &off) == GASDEV_RESULT_FRAME_UNKNOWN_KEY_ID && off == 15);
    CHECK(gasdev_frame_open(sealed, slen, key, 1, &st, 0, &auth, &off) == GASDEV_RESULT_INVALID_PARAMETER);
    CHECK(gasdev_frame_open(sealed, slen, key, 1, &st, GASDEV_POLICY_REQUIRED, (gasdev_frame_auth *)(void *)&st, &off) == GASDEV_RESULT_INVALID_PARAMETER);
    CHECK(gasdev_frame_open(sealed, slen, key, 1, NULL, GASDEV_POLICY_REQUIRED, &auth, &off) == GASDEV_RESULT_NULL_PARAMETER);
    saved = st;
    st.any_accepted = 2; /* a corrupted state restored from storage */
    CHECK(gasdev_frame_open(sealed, slen, key, 1, &st, GASDEV_POLICY_REQUIRED, &auth, &off) == GASDEV_RESULT_INVALID_PARAMETER);
    st = saved;
    /* One flipped bit in the tag (CRC not recomputed): refused, and the state does not move. */
    CHECK(gasdev_replay_state_init(&st, 32, 1048576) == GASDEV_RESULT_OK);
    sealed[20] ^= 1;
    CHECK(gasdev_frame_open(sealed, slen, key, 1, &st, GASDEV_POLICY_REQUIRED, &auth, &off) == GASDEV_RESULT_FRAME_BAD_CRC && off == 28);
    CHECK(!st.any_accepted);
    free(frame);
    free(sealed);
    free(key);
    free(master);
}

/* Overlapping buffers: every output is checked against every input and every other output, before any use;
 * lengths above PTRDIFF_MAX or ranges that wrap around the address space are refused. Each call
 * below would be undefined behaviour (or a corrupted result) without the check. */
/* The whole result of a decoder as JSON (result_json.rs): the document names, an error's offset with
 * *out untouched, NULL outputs, and objects round-tripped through gasdev_gbt_objects_json. */
static void test_result_json(void) {
    /* A status frame of spec/vectors/frames.json (#1) and a packet of spec/vectors/gbt26875.json. */
    static const char frame_hex[] = "4744012001000162be390001010205000202010003070101f40000015e040502000004b0ed856dc8";
    unsigned char frame[64], bad[64];
    size_t flen, off = 999;
    const char *json = NULL;
    size_t len = 0;
    gasdev_report *r = NULL;
    gasdev_report_summary s;
    gasdev_gbt_object obj;
    unsigned char *f = unhex(frame_hex, &flen);
    memcpy(frame, f, flen);
    free(f);

    RC(gasdev_frame_decode_json(frame, flen, &r, &off), GASDEV_RESULT_OK);
    CHECK(off == 999);
    RC(gasdev_report_get_summary(r, &s), GASDEV_RESULT_OK);
    CHECK(s.document == GASDEV_DOCUMENT_FRAME && s.items == 0);
    RC(gasdev_report_json(r, &json, &len), GASDEV_RESULT_OK);
    CHECK(len == strlen(json) && strncmp(json, "{\"document\":\"frame\",\"report\":{\"seq\":1,", 38) == 0);
    CHECK(strstr(json, "\"methane\":{\"value\":3.5,\"unit\":\"pct_lel\"") != NULL);
    gasdev_report_free(r);
    r = NULL;

    memcpy(bad, frame, flen);
    bad[flen - 1] ^= 1; /* the CRC */
    RC(gasdev_frame_decode_json(bad, flen, &r, &off), GASDEV_RESULT_FRAME_BAD_CRC);
    CHECK(r == NULL && off == flen - 4);
    RC(gasdev_frame_decode_json(frame, flen, NULL, NULL), GASDEV_RESULT_NULL_PARAMETER);

    RC(gasdev_gbt_decode_json(frame, flen, 0, &r, &off), GASDEV_RESULT_GBT_BAD_START);
    CHECK(r == NULL);
    RC(gasdev_gbt_decode_json(frame, flen, 0x80, &r, NULL), GASDEV_RESULT_INVALID_PARAMETER);

    RC(gasdev_ident_report_json((const uint8_t *)"88.111.1/x", 10, GASDEV_SCHEME_DETECT, 0, &r, NULL),
       GASDEV_RESULT_OK);
    RC(gasdev_report_get_summary(r, &s), GASDEV_RESULT_OK);
    CHECK(s.document == GASDEV_DOCUMENT_IDENTIFIER);
    RC(gasdev_report_json(r, &json, &len), GASDEV_RESULT_OK);
    CHECK(strstr(json, "\"canonical\":\"88.111.1/x\"") != NULL && strstr(json, "\"scheme\":\"idis\"") != NULL);
    gasdev_report_free(r);
    r = NULL;
    RC(gasdev_ident_report_json((const uint8_t *)"88.111.1", 8, GASDEV_SCHEME_DETECT, GASDEV_IDENT_REQUIRE_ITEM, &r, &off),
       GASDEV_RESULT_IDENT_PREFIX_ONLY);
    CHECK(r == NULL && off == 8);

    memset(&obj, 0, sizeof obj);
    obj.layout = GASDEV_GBT_LAYOUT_COMPONENT_STATUS;
    obj.system_type = 1;
    obj.system_address = 1;
    obj.component_type = 11;
    obj.component_address = 65541;
    obj.status = 5;
    RC(gasdev_gbt_objects_json(&obj, 1, &r), GASDEV_RESULT_OK);
    RC(gasdev_report_get_summary(r, &s), GASDEV_RESULT_OK);
    CHECK(s.document == GASDEV_DOCUMENT_GBT_OBJECTS);
    RC(gasdev_report_json(r, &json, &len), GASDEV_RESULT_OK);
    CHECK(strncmp(json, "{\"document\":\"gbt_objects\",\"report\":[{", 37) == 0);
    CHECK(strstr(json, "\"status\":5") != NULL && strstr(json, "\"component_address\":65541") != NULL);
    gasdev_report_free(r);
    r = NULL;
    RC(gasdev_gbt_objects_json(NULL, 0, &r), GASDEV_RESULT_OK);
    RC(gasdev_report_json(r, &json, &len), GASDEV_RESULT_OK);
    CHECK(strcmp(json, "{\"document\":\"gbt_objects\",\"report\":[]}") == 0);
    gasdev_report_free(r);
    r = NULL;
    obj.layout = 200;
    RC(gasdev_gbt_objects_json(&obj, 1, &r), GASDEV_RESULT_INVALID_PARAMETER);
    CHECK(r == NULL);
    RC(gasdev_gbt_objects_json(&obj, 256, &r), GASDEV_RESULT_INVALID_PARAMETER);
}

static void test_overlaps(void) {
    static const char frame_hex[] = "4744013503000662be39f0010200eb01180638382e3131312e312f47542d413130302d3030"
                                    "30303031020747542d413130300305312e322e304e44593e";
    static const char id[] = "88.111.1/GT-A100-000001";
    static const char decl_text[] = "{\"model\":\"X\",\"kind\":\"leak_alarm\",\"claimed_tier\":\"low\"}";
    size_t flen = 0, off = 0, n = 0;
    unsigned char *frame = unhex(frame_hex, &flen);
    const uint8_t *wrap = (const uint8_t *)(uintptr_t)(UINTPTR_MAX - 3); /* never dereferenced */
    gasdev_frame f;
    gasdev_ident ident;
    gasdev_gbt_packet pk;
    gasdev_stream_decoder dec;
    gasdev_stream_event ev;
    gasdev_requirement req;
    gasdev_report *r = NULL;
    gasdev_input_error e;
    union {
        gasdev_frame f;
        gasdev_ident i;
        gasdev_gbt_packet p;
        gasdev_requirement q;
        gasdev_input_error e;
        gasdev_credit_code c;
        size_t z;
        unsigned char b[4096];
    } u;

    /* gasdev_frame_decode: `out` over the input bytes; `error_offset` inside `out`. */
    memcpy(u.b, frame, flen);
    RC(gasdev_frame_decode(u.b, flen, &u.f, &off), GASDEV_RESULT_INVALID_PARAMETER);
    RC(gasdev_frame_decode(frame, flen, &f, (size_t *)(void *)&f), GASDEV_RESULT_INVALID_PARAMETER);
    RC(gasdev_frame_decode(frame, flen, &f, &off), GASDEV_RESULT_OK); /* the same call, disjoint */
    /* Lengths: SIZE_MAX, PTRDIFF_MAX + 1, and a range that wraps around the address space. */
    RC(gasdev_frame_decode(frame, SIZE_MAX, &f, &off), GASDEV_RESULT_INVALID_PARAMETER);
    RC(gasdev_frame_decode(frame, (size_t)PTRDIFF_MAX + 1, &f, &off), GASDEV_RESULT_INVALID_PARAMETER);
    RC(gasdev_frame_decode(wrap, 8, &f, &off), GASDEV_RESULT_INVALID_PARAMETER);

    /* gasdev_frame_encode: `*out_len` inside `out`; a capacity near SIZE_MAX. */
    RC(gasdev_frame_encode(&f, u.b, sizeof u.b, &u.z), GASDEV_RESULT_INVALID_PARAMETER);
    RC(gasdev_frame_encode(&f, u.b, SIZE_MAX, &n), GASDEV_RESULT_INVALID_PARAMETER);
    RC(gasdev_frame_encode(&f, u.b + 8, sizeof u.b - 8, (size_t *)(void *)&f), GASDEV_RESULT_INVALID_PARAMETER);

    /* gasdev_ident_parse / _idis / _canonical. */
    memcpy(u.b, id, sizeof id);
    RC(gasdev_ident_parse(u.b, strlen(id), GASDEV_SCHEME_DETECT, 0, &u.i, &off), GASDEV_RESULT_INVALID_PARAMETER);
    RC(gasdev_ident_parse_idis(u.b, strlen(id), 0, &u.i, &off), GASDEV_RESULT_INVALID_PARAMETER);
    RC(gasdev_ident_parse((const uint8_t *)id, strlen(id), GASDEV_SCHEME_DETECT, 0, &ident,
                          (size_t *)(void *)&ident),
       GASDEV_RESULT_INVALID_PARAMETER);
    RC(gasdev_ident_parse((const uint8_t *)id, strlen(id), GASDEV_SCHEME_DETECT, 0, &ident, &off), GASDEV_RESULT_OK);
    RC(gasdev_ident_parse((const uint8_t *)id, SIZE_MAX, GASDEV_SCHEME_DETECT, 0, &ident, &off),
       GASDEV_RESULT_INVALID_PARAMETER);
    RC(gasdev_ident_parse(wrap, 8, GASDEV_SCHEME_DETECT, 0, &ident, &off), GASDEV_RESULT_INVALID_PARAMETER);
    RC(gasdev_ident_canonical((const uint8_t *)id, strlen(id), GASDEV_SCHEME_DETECT, 0, (char *)u.b, sizeof u.b,
                              &u.z, &off),
       GASDEV_RESULT_INVALID_PARAMETER);
    RC(gasdev_ident_canonical((const uint8_t *)id, strlen(id), GASDEV_SCHEME_DETECT, 0, (char *)u.b + 8,
                              sizeof u.b - 8, &n, &n),
       GASDEV_RESULT_INVALID_PARAMETER);

    /* gasdev_gbt_decode: `out` over the packet; hex text: `*out_len` inside `out`. */
    memset(u.b, '@', 64);
    RC(gasdev_gbt_decode(u.b, 64, 0, &u.p, &off), GASDEV_RESULT_INVALID_PARAMETER);
    RC(gasdev_gbt_decode(u.b, 64, 0, &pk, (size_t *)(void *)&pk), GASDEV_RESULT_INVALID_PARAMETER);
    RC(gasdev_gbt_decode(u.b, SIZE_MAX, 0, &pk, &off), GASDEV_RESULT_INVALID_PARAMETER);
    RC(gasdev_gbt_decode_hex_text("4040", 4, u.b, sizeof u.b, &u.z, &off), GASDEV_RESULT_INVALID_PARAMETER);
    RC(gasdev_gbt_decode_hex_text("4040", 4, u.b + 8, sizeof u.b - 8, &n, &n), GASDEV_RESULT_INVALID_PARAMETER);
    RC(gasdev_gbt_decode_hex_text("4040", 4, u.b, SIZE_MAX, &n, &off), GASDEV_RESULT_INVALID_PARAMETER);
    RC(gasdev_gbt_decode_hex_text("4040", 4, u.b, sizeof u.b, &n, &off), GASDEV_RESULT_OK);

    /* gasdev_stream_feed / _pending: outputs inside the decoder. */
    RC(gasdev_stream_init(&dec), GASDEV_RESULT_OK);
    RC(gasdev_stream_pending(&dec, (size_t *)(void *)&dec), GASDEV_RESULT_INVALID_PARAMETER);
    RC(gasdev_stream_feed(&dec, frame, SIZE_MAX, &n, &ev), GASDEV_RESULT_INVALID_PARAMETER);
    RC(gasdev_stream_feed(&dec, frame, flen, &n, (gasdev_stream_event *)(void *)&n), GASDEV_RESULT_INVALID_PARAMETER);

    /* gasdev_requirement_find: `out` over the id text. */
    memcpy(u.b, "ALM-3b", 6);
    RC(gasdev_requirement_find((const char *)u.b, 6, &u.q), GASDEV_RESULT_INVALID_PARAMETER);
    RC(gasdev_requirement_find("ALM-3b", 6, &req), GASDEV_RESULT_OK);

    /* gasdev_credit_code_check: `out` over the input; `error_offset` inside `out`. */
    memcpy(u.b, "91350100M000100Y43", 18);
    RC(gasdev_credit_code_check(u.b, 18, &u.c, &off), GASDEV_RESULT_INVALID_PARAMETER);
    {
        gasdev_credit_code cc;
        RC(gasdev_credit_code_check((const uint8_t *)"91350100M000100Y43", 18, &cc, (size_t *)(void *)&cc),
           GASDEV_RESULT_INVALID_PARAMETER);
        RC(gasdev_credit_code_check((const uint8_t *)"91350100M000100Y43", SIZE_MAX, &cc, &off),
           GASDEV_RESULT_INVALID_PARAMETER);
    }

    /* gasdev_result_message: `*out_n` inside the buffer. */
    RC(gasdev_result_message(GASDEV_RESULT_OK, GASDEV_LANG_EN, (char *)u.b, sizeof u.b, &u.z),
       GASDEV_RESULT_INVALID_PARAMETER);

    /* gasdev_check_document: `error` over the JSON text; `out` inside `error`. */
    memcpy(u.b, decl_text, sizeof decl_text);
    RC(gasdev_check_document((const char *)u.b, strlen(decl_text), "2026-06-01", 10, &r, &u.e),
       GASDEV_RESULT_INVALID_PARAMETER);
    RC(gasdev_check_document(decl_text, strlen(decl_text), "2026-06-01", 10, (gasdev_report **)(void *)&e, &e),
       GASDEV_RESULT_INVALID_PARAMETER);
    RC(gasdev_check_document(decl_text, SIZE_MAX, "2026-06-01", 10, &r, &e), GASDEV_RESULT_INVALID_PARAMETER);
    RC(gasdev_check_document(decl_text, strlen(decl_text), "2026-06-01", 10, &r, &e), GASDEV_RESULT_OK);
    {
        /* gasdev_report_json: both outputs at one address. */
        union {
            const char *p;
            size_t z;
        } both;
        RC(gasdev_report_json(r, &both.p, &both.z), GASDEV_RESULT_INVALID_PARAMETER);
    }
    gasdev_report_free(r);
    free(frame);
}

int main(int argc, char **argv) {
    if (argc > 1) root = argv[1];
    test_version();
    test_results();
    test_ident();
    test_frame();
    test_stream();
    test_gbt();
    test_requirements();
    test_json();
    test_secure();
    test_result_json();
    test_overlaps();
    if (failures) {
        fprintf(stderr, "api_test: %d of %d checks failed\n", failures, checks);
        return 1;
    }
    printf("api_test: %d checks passed\n", checks);
    return 0;
}
