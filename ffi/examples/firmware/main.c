/*
 * libgasdev firmware example: a gas leak alarm with an interlocked valve, on a Cortex-M4 without a
 * heap. It validates its own identifier, encodes a status report and an alarm event, and decodes a
 * close-valve command from the platform, printing each result over semihosting. Then the secure
 * path (spec/security.md): it seals a status report, opens a sealed close-valve command, and
 * rejects a replay, a bad tag and an unauthenticated command. Every buffer is on the stack or
 * static; the library never allocates. It links the device profile of libgasdev.a (feature
 * `device`: commands decoded, reports encoded, seal/open).
 *
 * ffi/examples/firmware/Makefile builds it against the firmware build of libgasdev.a and runs it in
 * qemu-system-arm (mps2-an386); the run must print exactly expected-output.txt (the `measure:` lines
 * excepted) and exit with status 0.
 */
#include <stdint.h>
#include <string.h>

#include "board.h"
#include "gasdev.h"

/* The identifier the device reports (an 88-identifier of the national node, 工业互联网标识). */
static const char IDENTIFIER[] = "88.111.1/GT-A100-000001";
/* A close-valve command from the platform, seq 40 (spec/vectors/frames.json#25). */
static const uint8_t CLOSE_VALVE[] = {0x47, 0x44, 0x01, 0x08, 0x10, 0x00, 0x28, 0x62,
                                      0xbe, 0x40, 0xd0, 0x01, 0xe2, 0xa6, 0x15, 0x3c};

/* The secure path uses the cases of spec/vectors/secure.json (an independent generator's tags).
 * The device's frame key, key id 1 (in a real device: provisioned at the factory, [SEC-060]). */
static const uint8_t FRAME_KEY[GASDEV_KEY_LEN] = {
    0x9e, 0xc5, 0xe4, 0xbe, 0x4c, 0x3b, 0xbe, 0xe0, 0x04, 0x3c, 0x99, 0xc6,
    0xfe, 0x27, 0xc0, 0xd9,
};
/* secure.json#1: a status report to seal with key id 1, counter 0, and the sealed frame expected. */
static const uint8_t STATUS_PLAIN[] = {
    0x47, 0x44, 0x01, 0x20, 0x01, 0x00, 0x01, 0x62, 0xbe, 0x39, 0x00, 0x01,
    0x01, 0x02, 0x05, 0x00, 0x02, 0x02, 0x01, 0x00, 0x03, 0x07, 0x01, 0x01,
    0xf4, 0x00, 0x00, 0x01, 0x5e, 0x04, 0x05, 0x02, 0x00, 0x00, 0x04, 0xb0,
    0xed, 0x85, 0x6d, 0xc8,
};
static const uint8_t STATUS_SEALED[] = {
    0x47, 0x44, 0x01, 0x30, 0x01, 0x00, 0x01, 0x62, 0xbe, 0x39, 0x00, 0x01,
    0x01, 0x02, 0x05, 0x00, 0x02, 0x02, 0x01, 0x00, 0x03, 0x07, 0x01, 0x01,
    0xf4, 0x00, 0x00, 0x01, 0x5e, 0x04, 0x05, 0x02, 0x00, 0x00, 0x04, 0xb0,
    0xff, 0x0e, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x99, 0xe7, 0xa1, 0x7c,
    0x5e, 0xcc, 0x12, 0xf1, 0xe1, 0x0e, 0xb1, 0xa9,
};
/* secure.json#13: the close-valve command of seq 40, sealed by the platform (key id 1, counter 0). */
static const uint8_t SEALED_CLOSE[] = {
    0x47, 0x44, 0x01, 0x18, 0x10, 0x00, 0x28, 0x62, 0xbe, 0x40, 0xd0, 0x01,
    0xff, 0x0e, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x55, 0x69, 0x5d, 0x15,
    0xf7, 0x03, 0xd0, 0x9d, 0x6b, 0xb9, 0xfe, 0x6b,
};
/* secure.json#31: the same with bit 0 of the tag's first byte flipped (CRC recomputed). */
static const uint8_t BAD_TAG_CLOSE[] = {
    0x47, 0x44, 0x01, 0x18, 0x10, 0x00, 0x28, 0x62, 0xbe, 0x40, 0xd0, 0x01,
    0xff, 0x0e, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x54, 0x69, 0x5d, 0x15,
    0xf7, 0x03, 0xd0, 0x9d, 0x22, 0x85, 0x83, 0x4c,
};

static int failures = 0;
/* The deepest stack use of each library function (measured around each call). */
enum { IDENT_PARSE_IDIS, IDENT_PARSE, FRAME_ENCODE, FRAME_DECODE, FRAME_SEAL, FRAME_OPEN, MEASURED_FUNCTIONS };
static const char *const measured_name[MEASURED_FUNCTIONS] = {"gasdev_ident_parse_idis", "gasdev_ident_parse",
                                                              "gasdev_frame_encode",     "gasdev_frame_decode",
                                                              "gasdev_frame_seal",       "gasdev_frame_open"};
static uint32_t measured_stack[MEASURED_FUNCTIONS];
static gasdev_result measured_rc;

static void note_stack(int which, uint32_t used) {
    if (used > measured_stack[which]) measured_stack[which] = used;
}

/* Call a library function and keep the stack it used. */
#define MEASURED(which, call) \
    (board_stack_mark(), measured_rc = (call), note_stack(which, board_stack_since_mark()), measured_rc)

static void put(const char *s) { board_puts(s); }

static void put_hex(const uint8_t *p, size_t n) {
    static const char digits[] = "0123456789abcdef";
    char b[2 * 32 + 1];
    size_t i, k = 0;
    for (i = 0; i < n; i++) {
        b[k++] = digits[p[i] >> 4];
        b[k++] = digits[p[i] & 15];
        if (k == sizeof b - 1 || i + 1 == n) {
            b[k] = '\0';
            put(b);
            k = 0;
        }
    }
}

/* "  N bytes: <hex>" and a line break. */
static void put_bytes(const uint8_t *p, size_t n) {
    put("  ");
    board_put_u32((uint32_t)n);
    put(" bytes: ");
    put_hex(p, n);
    put("\n");
}

static void put_span(const char *base, gasdev_span s) {
    char b[64];
    size_t n = s.len < sizeof b - 1 ? s.len : sizeof b - 1;
    memcpy(b, base + s.offset, n);
    b[n] = '\0';
    put(b);
}

/* Print "<what>: <RESULT_NAME>" and count a failure unless it is the expected result. */
static void expect(const char *what, gasdev_result got, gasdev_result want) {
    put(what);
    put(": ");
    put(gasdev_result_name(got));
    put("\n");
    if (got != want) failures++;
}

static void validate_identifier(void) {
    gasdev_ident id;
    size_t off = 0;
    /* The device's own identifier is always an 88-identifier: the strict 88-profile only. */
    gasdev_result rc = MEASURED(IDENT_PARSE_IDIS, gasdev_ident_parse_idis((const uint8_t *)IDENTIFIER,
                                                                         strlen(IDENTIFIER),
                                                                         GASDEV_IDENT_REQUIRE_ITEM, &id, &off));
    expect("identifier", rc, GASDEV_RESULT_OK);
    if (rc == GASDEV_RESULT_OK) {
        put("  scheme=");
        put(gasdev_scheme_name(id.scheme));
        put(" prefix=");
        put_span(IDENTIFIER, id.prefix);
        put(" suffix=");
        put_span(IDENTIFIER, id.suffix);
        put("\n");
    }
    /* Only a prefix is not an identifier a device may report (ALM-5a). */
    rc = MEASURED(IDENT_PARSE, gasdev_ident_parse((const uint8_t *)IDENTIFIER, 8, GASDEV_SCHEME_DETECT,
                                                  GASDEV_IDENT_REQUIRE_ITEM, &id, &off));
    expect("identifier prefix only", rc, GASDEV_RESULT_IDENT_PREFIX_ONLY);
    put("  offset=");
    board_put_u32((uint32_t)off);
    put("\n");
}

/* One frame buffer and one frame struct, in static storage (.bss), as firmware would have them. */
static uint8_t buf[GASDEV_FRAME_MAX_LEN];
static gasdev_frame frame;

static void encode(const char *what, const gasdev_frame *f) {
    size_t len = 0;
    gasdev_result rc = MEASURED(FRAME_ENCODE, gasdev_frame_encode(f, buf, sizeof buf, &len));
    expect(what, rc, GASDEV_RESULT_OK);
    if (rc == GASDEV_RESULT_OK) {
        put_bytes(buf, len);
    }
}

static void status_report(void) {
    gasdev_frame *f = &frame;
    memset(f, 0, sizeof *f);
    f->message_type = GASDEV_MESSAGE_TYPE_STATUS;
    f->seq = 1;
    f->timestamp = 1656633600u; /* 2022-07-01 00:00:00 UTC */
    f->kind = GASDEV_DEVICE_KIND_LEAK_ALARM;
    f->snapshot.has_alarm = true;
    f->snapshot.alarm.gas = GASDEV_ALARM_LEVEL_NONE;
    f->snapshot.alarm.co = GASDEV_ALARM_LEVEL_NONE;
    f->snapshot.has_valve = true;
    f->snapshot.valve.state = GASDEV_VALVE_STATE_OPEN;
    f->snapshot.has_methane = true;
    f->snapshot.methane.known = true;
    f->snapshot.methane.unit = GASDEV_UNIT_PCT_LEL;
    f->snapshot.methane.lel_basis_centi_pct_vol = 500; /* 5.00 %vol */
    f->snapshot.methane.centi = 0;
    f->snapshot.has_carbon_monoxide = true; /* sensor warming up: unknown, never a silent 0 */
    encode("status report", f);
}

static void alarm_event(void) {
    gasdev_frame *f = &frame;
    memset(f, 0, sizeof *f);
    f->message_type = GASDEV_MESSAGE_TYPE_EVENT;
    f->seq = 2;
    f->timestamp = 1656633660u;
    f->event.code = GASDEV_EVENT_CODE_ALARM_RAISED;
    f->event.gas = GASDEV_GAS_METHANE;
    f->event.level = GASDEV_ALARM_LEVEL_HIGH;
    f->snapshot.has_alarm = true;
    f->snapshot.alarm.gas = GASDEV_ALARM_LEVEL_HIGH;
    f->snapshot.alarm.co = GASDEV_ALARM_LEVEL_NONE;
    f->snapshot.has_methane = true;
    f->snapshot.methane.known = true;
    f->snapshot.methane.unit = GASDEV_UNIT_PCT_LEL;
    f->snapshot.methane.lel_basis_centi_pct_vol = 500;
    f->snapshot.methane.centi = 2500; /* 25.00 %LEL */
    encode("alarm event", f);
}

static void close_valve_command(void) {
    gasdev_frame *f = &frame;
    size_t off = 0, len = 0;
    gasdev_result rc = MEASURED(FRAME_DECODE, gasdev_frame_decode(CLOSE_VALVE, sizeof CLOSE_VALVE, f, &off));
    expect("command", rc, GASDEV_RESULT_OK);
    if (rc != GASDEV_RESULT_OK) return;
    put("  seq=");
    board_put_u32(f->seq);
    if (f->message_type == GASDEV_MESSAGE_TYPE_COMMAND && f->command.code == GASDEV_COMMAND_CODE_CLOSE_VALVE) {
        put(" close_valve: closing the valve\n");
    } else {
        put(" not a close-valve command\n");
        failures++;
    }
    /* A command that would open a self-closing valve cannot even be built (VLV-0e). */
    f->command.code = 0x02;
    expect("open-valve command", gasdev_frame_encode(f, buf, sizeof buf, &len), GASDEV_RESULT_FRAME_FORBIDDEN_COMMAND);
}

/* The receiver state for the platform's key: static, as firmware keeps it (and persists it, [SEC-043]). */
static gasdev_replay_state replay;

static gasdev_result open_command(const uint8_t *bytes, size_t len, size_t *off) {
    gasdev_frame_auth auth;
    gasdev_result rc = MEASURED(FRAME_OPEN, gasdev_frame_open(bytes, len, FRAME_KEY, 1, &replay, GASDEV_POLICY_REQUIRED,
                                                              &auth, off));
    if (rc == GASDEV_RESULT_OK && (!auth.authenticated || auth.key_id != 1)) failures++;
    return rc;
}

static void secure_path(void) {
    gasdev_frame *f = &frame;
    size_t n = 0, off = 0;
    /* Seal a report: security TLV (suite 1, key id 1, counter 0), SM4-CMAC tag, CRC. */
    gasdev_result rc = MEASURED(FRAME_SEAL, gasdev_frame_seal(STATUS_PLAIN, sizeof STATUS_PLAIN, FRAME_KEY, 1, 0, buf,
                                                              sizeof buf, &n, &off));
    expect("sealed status report", rc, GASDEV_RESULT_OK);
    if (rc == GASDEV_RESULT_OK) {
        put_bytes(buf, n);
        if (n != sizeof STATUS_SEALED || memcmp(buf, STATUS_SEALED, n) != 0) {
            put("  differs from secure.json#1\n");
            failures++;
        }
    }
    /* Open a sealed command; act on it only if it opened. */
    if (gasdev_replay_state_init(&replay, 32, 1048576u) != GASDEV_RESULT_OK) failures++;
    rc = open_command(SEALED_CLOSE, sizeof SEALED_CLOSE, &off);
    expect("sealed command", rc, GASDEV_RESULT_OK);
    if (rc == GASDEV_RESULT_OK && gasdev_frame_decode(SEALED_CLOSE, sizeof SEALED_CLOSE, f, &off) == GASDEV_RESULT_OK &&
        f->message_type == GASDEV_MESSAGE_TYPE_COMMAND && f->command.code == GASDEV_COMMAND_CODE_CLOSE_VALVE) {
        put("  key_id=1 counter=0 seq=");
        board_put_u32(f->seq);
        put(" close_valve: closing the valve\n");
    } else {
        failures++;
    }
    /* The same frame again is a replay; a flipped tag bit and a command without a tag are refused. */
    rc = open_command(SEALED_CLOSE, sizeof SEALED_CLOSE, &off);
    expect("replayed command", rc, GASDEV_RESULT_FRAME_REPLAY);
    put("  offset=");
    board_put_u32((uint32_t)off);
    put("\n");
    rc = open_command(BAD_TAG_CLOSE, sizeof BAD_TAG_CLOSE, &off);
    expect("command with a bad tag", rc, GASDEV_RESULT_FRAME_BAD_TAG);
    put("  offset=");
    board_put_u32((uint32_t)off);
    put("\n");
    rc = open_command(CLOSE_VALVE, sizeof CLOSE_VALVE, &off);
    expect("unauthenticated command", rc, GASDEV_RESULT_FRAME_UNAUTHENTICATED);
    put("  offset=");
    board_put_u32((uint32_t)off);
    put("\n");
}

int main(void) {
    put("libgasdev ");
    put(gasdev_version());
    put(" firmware example (Cortex-M4, no heap)\n");
    validate_identifier();
    status_report();
    alarm_event();
    close_valve_command();
    secure_path();
    put("measure: stack_peak_bytes=");
    board_put_u32(board_stack_peak());
    put("\n");
    {
        int i;
        for (i = 0; i < MEASURED_FUNCTIONS; i++) {
            put("measure: stack_bytes ");
            put(measured_name[i]);
            put("=");
            board_put_u32(measured_stack[i]);
            put("\n");
        }
    }
    put(failures ? "FAILED\n" : "done\n");
    return failures;
}
