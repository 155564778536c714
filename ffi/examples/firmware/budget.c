/*
 * The budget probe: a firmware that uses only what the flash budget covers (frame codec +
 * 88-profile identifier validation <= 16 KiB), so that the linker
 * keeps exactly the library code that needs. Built four times: -DPROBE_IDENT (identifier
 * validation of the device's own 88-identifier: gasdev_ident_parse_idis), -DPROBE_FRAME (frame
 * codec: gasdev_frame_encode and gasdev_frame_decode), both, and -DPROBE_IDENT -DPROBE_IDENT_ANY
 * (the general gasdev_ident_parse, every scheme: reported, not in the budget). size_report.py sums
 * the libgasdev sections of each link.
 *
 * -DPROBE_IDENT -DPROBE_FRAME -DPROBE_SECURE is what a device links (spec/security.md
 * [SEC-070]): its identifier, the frame codec, and sealing its reports and opening the platform's
 * commands (gasdev_replay_state_init, gasdev_frame_seal, gasdev_frame_open). Linked with the
 * device profile of libgasdev.a (feature `device`) it is the budget; linked with the full codec it
 * is reported beside it.
 */
#include <stdint.h>
#include <string.h>

#include "board.h"
#include "gasdev.h"

int main(void) {
    int bad = 0;
#ifdef PROBE_IDENT
    {
        static const char id[] = "88.111.1/GT-A100-000001";
        gasdev_ident ident;
        size_t off = 0;
#ifdef PROBE_IDENT_ANY
        bad |= gasdev_ident_parse((const uint8_t *)id, strlen(id), GASDEV_SCHEME_DETECT, GASDEV_IDENT_REQUIRE_ITEM,
                                  &ident, &off) != GASDEV_RESULT_OK;
#else
        bad |= gasdev_ident_parse_idis((const uint8_t *)id, strlen(id), GASDEV_IDENT_REQUIRE_ITEM, &ident, &off) !=
               GASDEV_RESULT_OK;
#endif
    }
#endif
#ifdef PROBE_FRAME
    {
        static gasdev_frame f;
        static uint8_t buf[GASDEV_FRAME_MAX_LEN];
        size_t len = 0, off = 0;
        f.message_type = GASDEV_MESSAGE_TYPE_COMMAND;
        f.command.code = GASDEV_COMMAND_CODE_CLOSE_VALVE;
        bad |= gasdev_frame_encode(&f, buf, sizeof buf, &len) != GASDEV_RESULT_OK;
        bad |= gasdev_frame_decode(buf, len, &f, &off) != GASDEV_RESULT_OK;
    }
#endif
#ifdef PROBE_SECURE
    {
        /* A key, a counter and a replay window: what a device holds for its platform. */
        static const uint8_t key[GASDEV_KEY_LEN] = {0x9e, 0xc5, 0xe4, 0xbe, 0x4c, 0x3b, 0xbe, 0xe0,
                                                    0x04, 0x3c, 0x99, 0xc6, 0xfe, 0x27, 0xc0, 0xd9};
        static gasdev_frame f;
        static uint8_t plain[GASDEV_FRAME_MAX_LEN], sealed[GASDEV_FRAME_MAX_LEN];
        static gasdev_replay_state state;
        size_t len = 0, n = 0, off = 0;
        bad |= gasdev_replay_state_init(&state, 32, 1048576u) != GASDEV_RESULT_OK;
        f.message_type = GASDEV_MESSAGE_TYPE_COMMAND;
        f.command.code = GASDEV_COMMAND_CODE_CLOSE_VALVE;
        bad |= gasdev_frame_encode(&f, plain, sizeof plain, &len) != GASDEV_RESULT_OK;
        bad |= gasdev_frame_seal(plain, len, key, 1, 7, sealed, sizeof sealed, &n, &off) != GASDEV_RESULT_OK;
        bad |= gasdev_frame_open(sealed, n, key, 1, &state, GASDEV_POLICY_REQUIRED, NULL, &off) != GASDEV_RESULT_OK;
        bad |= gasdev_frame_decode(sealed, n, &f, &off) != GASDEV_RESULT_OK;
        bad |= f.command.code != GASDEV_COMMAND_CODE_CLOSE_VALVE;
    }
#endif
    board_puts(bad ? "budget probe: FAILED\n" : "budget probe: ok\n");
    return bad;
}
