/*
 * The cost of the secure path on the Cortex-M4: instructions per call of seal and open,
 * beside the frame codec calls a device makes anyway, on the device profile of libgasdev.a.
 *
 * QEMU models no cycle timing and no DWT cycle counter (DWT_CTRL and DWT_CYCCNT read 0 on
 * mps2-an386, QEMU 7.2). Run with `-icount shift=0` (`make bench`), its virtual clock advances one
 * nanosecond per instruction executed, and the SysTick timer on the 25 MHz processor clock ticks
 * once per 40 instructions: SysTick ticks x 40 / REPS is the number of instructions per call,
 * deterministic from run to run. On a real Cortex-M4 the cycles are about that many or somewhat
 * more (flash wait states, taken branches, loads); nothing here is a cycle measurement.
 *
 * The frames are those of the host benchmark (benches/benches/secure.rs): the status report of
 * frames.json#1 (40 bytes, 56 sealed) and the close-valve command of frames.json#25 (16 bytes, 32
 * sealed); the key is that of spec/vectors/secure.json.
 */
#include <stdint.h>
#include <string.h>

#include "board.h"
#include "gasdev.h"

#define REPS 100u
#define INSNS_PER_TICK 40u /* 25 MHz SysTick under -icount shift=0 (1 ns per instruction) */

#define SYST_CSR (*(volatile uint32_t *)0xE000E010u)
#define SYST_RVR (*(volatile uint32_t *)0xE000E014u)
#define SYST_CVR (*(volatile uint32_t *)0xE000E018u)

static const uint8_t KEY[GASDEV_KEY_LEN] = {0x9e, 0xc5, 0xe4, 0xbe, 0x4c, 0x3b, 0xbe, 0xe0,
                                            0x04, 0x3c, 0x99, 0xc6, 0xfe, 0x27, 0xc0, 0xd9};
static const uint8_t STATUS[] = {0x47, 0x44, 0x01, 0x20, 0x01, 0x00, 0x01, 0x62, 0xbe, 0x39, 0x00, 0x01, 0x01, 0x02,
                                 0x05, 0x00, 0x02, 0x02, 0x01, 0x00, 0x03, 0x07, 0x01, 0x01, 0xf4, 0x00, 0x00, 0x01,
                                 0x5e, 0x04, 0x05, 0x02, 0x00, 0x00, 0x04, 0xb0, 0xed, 0x85, 0x6d, 0xc8};
static const uint8_t CLOSE[] = {0x47, 0x44, 0x01, 0x08, 0x10, 0x00, 0x28, 0x62,
                                0xbe, 0x40, 0xd0, 0x01, 0xe2, 0xa6, 0x15, 0x3c};

static uint8_t out[GASDEV_FRAME_MAX_LEN], sealed[GASDEV_FRAME_MAX_LEN];
static gasdev_frame frame;
static gasdev_replay_state fresh, state;
static int bad = 0;

static uint32_t now(void) { return SYST_CVR; }

/* `var` = instructions of REPS runs of `body`, as SysTick ticks x 40 (SysTick counts down). */
#define TIMED(var, body)                                   \
    do {                                                   \
        uint32_t t0_ = now();                              \
        unsigned r_;                                       \
        for (r_ = 0; r_ < REPS; r_++) {                    \
            body;                                          \
        }                                                  \
        (var) = ((t0_ - now()) & 0xFFFFFFu) * INSNS_PER_TICK; \
    } while (0)

static void report(const char *what, uint32_t insns, uint32_t loop) {
    board_puts("  ");
    board_puts(what);
    board_puts(": ");
    board_put_u32((insns - loop) / REPS);
    board_puts(" instructions per call\n");
}

/* Seal, open + verify, and (the baseline) decode of the sealed frame, each REPS times. */
static void measure(const char *what, const uint8_t *plain, size_t len, uint32_t loop) {
    size_t n = 0, m = 0, off = 0;
    uint32_t t;
    board_puts(what);
    board_puts("\n");
    bad |= gasdev_frame_seal(plain, len, KEY, 1, 7, sealed, sizeof sealed, &n, &off) != GASDEV_RESULT_OK;
    TIMED(t, (state = fresh, bad |= gasdev_frame_seal(plain, len, KEY, 1, 7, out, sizeof out, &m, &off) !=
                                    GASDEV_RESULT_OK));
    report("seal", t, loop);
    TIMED(t, (state = fresh, bad |= gasdev_frame_open(sealed, n, KEY, 1, &state, GASDEV_POLICY_REQUIRED, NULL, &off) !=
                                    GASDEV_RESULT_OK));
    report("open + verify", t, loop);
    TIMED(t, (state = fresh, bad |= gasdev_frame_decode(sealed, n, &frame, &off) != GASDEV_RESULT_OK));
    report("baseline: decode of the sealed frame (CRC, no tag)", t, loop);
}

int main(void) {
    uint32_t loop;
    SYST_RVR = 0xFFFFFFu;
    SYST_CVR = 0;
    SYST_CSR = 5; /* enable, processor clock, no interrupt */
    bad |= gasdev_replay_state_init(&fresh, 32, 1048576u) != GASDEV_RESULT_OK;
    board_puts("firmware cost (device profile, Cortex-M4 in QEMU -icount shift=0, ");
    board_put_u32(REPS);
    board_puts(" calls each)\n");
    /* The loop and the copy of a fresh replay window, subtracted from every figure. */
    TIMED(loop, state = fresh);
    measure("status report (40 bytes, 56 sealed)", STATUS, sizeof STATUS, loop);
    measure("close-valve command (16 bytes, 32 sealed)", CLOSE, sizeof CLOSE, loop);
    board_puts(bad ? "bench: FAILED\n" : "bench: ok\n");
    return bad;
}
