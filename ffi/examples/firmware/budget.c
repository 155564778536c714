/*
 * The budget probe: a firmware that uses only what the flash budget covers (frame codec +
 * 88-profile identifier validation <= 16 KiB), so that the linker
 * keeps exactly the library code that needs. Built four times: -DPROBE_IDENT (identifier
 * validation of the device's own 88-identifier: gasdev_ident_parse_idis), -DPROBE_FRAME (frame
 * codec: gasdev_frame_encode and gasdev_frame_decode), both, and -DPROBE_IDENT -DPROBE_IDENT_ANY
 * (the general gasdev_ident_parse, every scheme: reported, not in the budget). size_report.py sums
 * the libgasdev sections of each link.
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
    board_puts(bad ? "budget probe: FAILED\n" : "budget probe: ok\n");
    return bad;
}
