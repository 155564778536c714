/* What the example needs from its board: text output, exit, and the stack high-water mark. */
#ifndef BOARD_H
#define BOARD_H

#include <stdint.h>

/* Print a NUL-terminated string (semihosting SYS_WRITE0). */
void board_puts(const char *s);
/* Print `v` in decimal. */
void board_put_u32(uint32_t v);
/* Stop the program; QEMU exits with 0 for status 0, 1 otherwise (semihosting SYS_EXIT). */
void board_exit(int status);
/* Bytes of stack used so far (the painted stack's high-water mark). */
uint32_t board_stack_peak(void);
/* Repaint the stack below the caller, so that board_stack_since_mark() measures the next call. */
void board_stack_mark(void);
/* Bytes of stack the calls since board_stack_mark() used below the caller's frame (a slight
 * over-estimate: it includes the call's own overhead of a few words). */
uint32_t board_stack_since_mark(void);

#endif
