/* The header compiles as C99 and C11 (host and firmware views) with every warning an error. */
#include "gasdev.h"

/* Enumerated values are integer constants usable at compile time. */
typedef char check_ok_is_zero[GASDEV_RESULT_OK == 0 ? 1 : -1];
typedef char check_frame_fits[GASDEV_FRAME_MAX_LEN == 256 ? 1 : -1];

/* A decoder in static storage, as firmware declares it. */
static gasdev_stream_decoder decoder;

int gasdev_header_c_probe(void);
int gasdev_header_c_probe(void) {
    gasdev_frame f = {0};
    f.message_type = GASDEV_MESSAGE_TYPE_COMMAND;
    f.command.code = GASDEV_COMMAND_CODE_CLOSE_VALVE;
    return (int)sizeof decoder + f.message_type;
}
