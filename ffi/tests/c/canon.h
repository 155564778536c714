/* Canonical JSON for the full results of the cross-runner comparison (spec/vectors/normalized.md,
 * "Full results"): keys sorted by their bytes, no whitespace, a number with an integral value printed
 * as an integer. The input is JSON text as the library prints it (serde_json: strings are already
 * escaped as the canonical form escapes them, so they are copied as they are). C99. */
#ifndef GASDEV_TEST_CANON_H
#define GASDEV_TEST_CANON_H

#include <stddef.h>

#include "common.h"

/* Append the canonical form of the JSON text `json[0..len]` to `out`; stops the test (die) on text that
 * is not JSON. */
void canon_append(sbuf *out, const char *json, size_t len);

/* Append the canonical form of the member `key` of the JSON object `json[0..len]`; dies when absent. */
void canon_member(sbuf *out, const char *json, size_t len, const char *key);

/* Append `s` as a JSON string (quotes, escapes for `"`, `\` and control characters). */
void json_string(sbuf *out, const char *s, size_t len);

#endif
