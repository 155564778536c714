/* Small helpers shared by the C tests (C99): a growable string, hex, whole-file reading. */
#include "common.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Stop the test with a message: a failing test, never undefined behaviour. */
void die(const char *what) {
    fprintf(stderr, "fatal: %s\n", what);
    exit(2);
}

void *xmalloc(size_t n) {
    void *p = malloc(n ? n : 1);
    if (!p) die("out of memory");
    return p;
}


void sb_init(sbuf *b) {
    b->cap = 256;
    b->len = 0;
    b->s = (char *)xmalloc(b->cap);
    b->s[0] = '\0';
}

void sb_free(sbuf *b) {
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
}

void sb_reserve(sbuf *b, size_t more) {
    if (b->len + more + 1 <= b->cap) return;
    while (b->len + more + 1 > b->cap) b->cap *= 2;
    b->s = (char *)realloc(b->s, b->cap);
    if (!b->s) die("out of memory");
}

void sb_mem(sbuf *b, const char *p, size_t n) {
    sb_reserve(b, n);
    memcpy(b->s + b->len, p, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void sb_str(sbuf *b, const char *p) { sb_mem(b, p, strlen(p)); }

void sb_printf(sbuf *b, const char *fmt, ...) {
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) die("vsnprintf");
    sb_reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Decode lowercase hex into a new buffer (one spare byte, so text can be NUL-terminated). */
unsigned char *unhex(const char *hex, size_t *len) {
    size_t n = strlen(hex), i;
    unsigned char *out;
    if (n % 2) die("odd hex");
    out = (unsigned char *)xmalloc(n / 2 + 1);
    for (i = 0; i < n / 2; i++) {
        int hi = hexval(hex[2 * i]), lo = hexval(hex[2 * i + 1]);
        if (hi < 0 || lo < 0) die("bad hex");
        out[i] = (unsigned char)(hi * 16 + lo);
    }
    out[n / 2] = 0;
    *len = n / 2;
    return out;
}

void sb_hex(sbuf *b, const unsigned char *p, size_t n) {
    static const char digits[] = "0123456789abcdef";
    size_t i;
    sb_reserve(b, 2 * n);
    for (i = 0; i < n; i++) {
        b->s[b->len++] = digits[p[i] >> 4];
        b->s[b->len++] = digits[p[i] & 15];
    }
    b->s[b->len] = '\0';
}

/* Read a whole file into a new NUL-terminated buffer. */
char *read_file(const char *path) {
    FILE *f = fopen(path, "rb");
    sbuf b;
    char chunk[65536];
    size_t n;
    if (!f) die(path);
    sb_init(&b);
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) sb_mem(&b, chunk, n);
    fclose(f);
    return b.s;
}

