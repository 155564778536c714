/* A deliberate leak (reports never freed) and a read past a buffer's end, each behind a switch: the
 * sanitizer and valgrind steps run it and require a failure, so that they are known to be able to fail. */
#include <stdlib.h>
#include <string.h>

#include "gasdev.h"

/* Check a document and drop the report without freeing it. */
static int leak(void) {
    static const char doc[] = "{\"model\":\"X\",\"kind\":\"leak_alarm\",\"claimed_tier\":\"low\"}";
    gasdev_report *r = NULL;
    return gasdev_check_document(doc, strlen(doc), "2026-06-01", 10, &r, NULL) == GASDEV_RESULT_OK;
}

/* Overwrite the stack, so that no stale copy of a leaked pointer keeps it reachable. */
static int scrub(void) {
    volatile char junk[4096];
    size_t i;
    for (i = 0; i < sizeof junk; i++) junk[i] = (char)i;
    return junk[7];
}

int main(int argc, char **argv) {
    int i, ok = 1;
    if (argc > 1 && strcmp(argv[1], "overread") == 0) {
        char *p = (char *)malloc(4);
        volatile char c;
        if (!p) return 3;
        memset(p, 0, 4);
        c = p[2 + argc]; /* argc is 2: one past the end */
        (void)c;
        free(p);
        return 0;
    }
    for (i = 0; i < 8; i++) ok &= leak();
    return ok && scrub() == 7 ? 0 : 3;
}
