/*
 * Minimal Cortex-M4 start-up for the firmware example: vector table, reset handler (copy .data,
 * zero .bss, enable the FPU, paint the stack), and ARM semihosting output (`bkpt 0xAB`: SYS_WRITE0,
 * SYS_EXIT), which QEMU prints with `-semihosting-config enable=on,target=native`.
 */
#include <stdint.h>

#include "board.h"

extern uint32_t _data_start, _data_end, _data_load, _bss_start, _bss_end, _stack_bottom, _stack_top;
int main(void);
void reset_handler(void);

#define STACK_PAINT 0xC0FFEE55u
#define SYS_WRITE0 0x04
#define SYS_EXIT 0x18
#define ADP_STOPPED_APPLICATION_EXIT 0x20026
#define ADP_STOPPED_RUN_TIME_ERROR 0x20023

static int semihost(int op, const void *arg) {
    register int r0 __asm__("r0") = op;
    register const void *r1 __asm__("r1") = arg;
    __asm__ volatile("bkpt 0xAB" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

void board_puts(const char *s) { (void)semihost(SYS_WRITE0, s); }

void board_put_u32(uint32_t v) {
    char b[11];
    int i = 10;
    b[i] = '\0';
    do {
        b[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v && i > 0);
    board_puts(b + i);
}

void board_exit(int status) {
    (void)semihost(SYS_EXIT, (const void *)(uintptr_t)(status == 0 ? ADP_STOPPED_APPLICATION_EXIT
                                                                   : ADP_STOPPED_RUN_TIME_ERROR));
    for (;;) {
    }
}

/* The lowest stack word written since the stack was painted. */
static uintptr_t lowest_used(void) {
    const uint32_t *p = &_stack_bottom;
    while (p < &_stack_top && *p == STACK_PAINT) p++;
    return (uintptr_t)p;
}

/* The lowest stack word any part of the program wrote (kept across repaints). */
static uintptr_t deepest = UINTPTR_MAX;

static void note_deepest(void) {
    uintptr_t p = lowest_used();
    if (p < deepest) deepest = p;
}

uint32_t board_stack_peak(void) {
    note_deepest();
    return (uint32_t)((uintptr_t)&_stack_top - deepest);
}

static uintptr_t mark;

__attribute__((noinline)) void board_stack_mark(void) {
    uint32_t *p;
    note_deepest();
    /* This frame's address is (about) where the measured call's frame will start. */
    mark = (uintptr_t)__builtin_frame_address(0);
    for (p = &_stack_bottom; p < (uint32_t *)mark - 8; p++) *p = STACK_PAINT;
}

uint32_t board_stack_since_mark(void) { return (uint32_t)(mark - lowest_used()); }

static void fault_handler(void) {
    board_puts("FAULT\n");
    board_exit(1);
}

void reset_handler(void) {
    uint32_t *src = &_data_load, *dst = &_data_start;
    volatile uint32_t *cpacr = (volatile uint32_t *)0xE000ED88u;
    uint32_t *p;
    while (dst < &_data_end) *dst++ = *src++;
    for (dst = &_bss_start; dst < &_bss_end; dst++) *dst = 0;
    *cpacr |= 0xFu << 20; /* CP10, CP11: full access to the FPU (hard-float ABI) */
    __asm__ volatile("dsb\n isb" ::: "memory");
    /* Paint the stack below this frame, to measure the peak use afterwards. */
    for (p = &_stack_bottom; p < (uint32_t *)__builtin_frame_address(0) - 16; p++) *p = STACK_PAINT;
    board_exit(main());
}

typedef void (*vector)(void);

__attribute__((section(".vectors"), used)) static const vector vectors[16] = {
    (vector)(uintptr_t)&_stack_top, reset_handler, fault_handler, fault_handler, fault_handler,
    fault_handler, fault_handler, 0, 0, 0, 0, fault_handler, fault_handler, 0, fault_handler, fault_handler,
};
