/* Small helpers shared by the C tests (C99): a growable string, hex, whole-file reading. */
#ifndef GASDEV_TEST_COMMON_H
#define GASDEV_TEST_COMMON_H

#include <stddef.h>

/* Stop the test with a message: a failing test, never undefined behaviour. */
void die(const char *what);
void *xmalloc(size_t n);

/* A growable NUL-terminated string. */
typedef struct {
    char *s;
    size_t len, cap;
} sbuf;

void sb_init(sbuf *b);
void sb_free(sbuf *b);
void sb_reserve(sbuf *b, size_t more);
void sb_mem(sbuf *b, const char *p, size_t n);
void sb_str(sbuf *b, const char *p);
void sb_printf(sbuf *b, const char *fmt, ...);
/* Append bytes as lowercase hex. */
void sb_hex(sbuf *b, const unsigned char *p, size_t n);

int hexval(char c);
/* Decode hex into a new buffer (one spare NUL byte); *len receives the byte count. */
unsigned char *unhex(const char *hex, size_t *len);
/* Read a whole file into a new NUL-terminated buffer. */
char *read_file(const char *path);

#endif
