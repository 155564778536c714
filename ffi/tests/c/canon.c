/* Canonical JSON (see canon.h): a small recursive-descent parser into a tree, then a printer. */
#include "canon.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct node {
    char kind; /* 'l' literal (null, true, false, number, string: text copied), 'a' array, 'o' object */
    const char *text;
    size_t len;              /* literal text; for an object member, `key`/`key_len` is the raw key */
    const char *key;
    size_t key_len;
    struct node **items;
    size_t n, cap;
} node;

typedef struct {
    const char *p, *end;
} reader;

static void ws(reader *r) {
    while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r')) r->p++;
}

static node *new_node(char kind) {
    node *n = (node *)xmalloc(sizeof *n);
    memset(n, 0, sizeof *n);
    n->kind = kind;
    return n;
}

static void push(node *parent, node *child) {
    if (parent->n == parent->cap) {
        size_t cap = parent->cap ? parent->cap * 2 : 8;
        node **items = (node **)xmalloc(cap * sizeof *items);
        if (parent->n) memcpy(items, parent->items, parent->n * sizeof *items);
        free(parent->items);
        parent->items = items;
        parent->cap = cap;
    }
    parent->items[parent->n++] = child;
}

/* The raw text of a string token, quotes included. */
static void string_token(reader *r, const char **text, size_t *len) {
    const char *start = r->p;
    if (r->p >= r->end || *r->p != '"') die("canon: expected a string");
    r->p++;
    while (r->p < r->end && *r->p != '"') r->p += (*r->p == '\\') ? 2 : 1;
    if (r->p >= r->end) die("canon: unterminated string");
    r->p++;
    *text = start;
    *len = (size_t)(r->p - start);
}

static node *value(reader *r) {
    node *n;
    ws(r);
    if (r->p >= r->end) die("canon: unexpected end");
    if (*r->p == '{' || *r->p == '[') {
        char close = *r->p == '{' ? '}' : ']';
        n = new_node(*r->p == '{' ? 'o' : 'a');
        r->p++;
        ws(r);
        if (r->p < r->end && *r->p == close) {
            r->p++;
            return n;
        }
        for (;;) {
            node *child;
            if (n->kind == 'o') {
                const char *k;
                size_t kl;
                ws(r);
                string_token(r, &k, &kl);
                ws(r);
                if (r->p >= r->end || *r->p != ':') die("canon: expected ':'");
                r->p++;
                child = value(r);
                child->key = k;
                child->key_len = kl;
            } else {
                child = value(r);
            }
            push(n, child);
            ws(r);
            if (r->p < r->end && *r->p == ',') {
                r->p++;
                continue;
            }
            if (r->p < r->end && *r->p == close) {
                r->p++;
                return n;
            }
            die("canon: expected ',' or a closing bracket");
        }
    }
    n = new_node('l');
    if (*r->p == '"') {
        string_token(r, &n->text, &n->len);
        return n;
    }
    n->text = r->p;
    while (r->p < r->end && strchr("{}[],: \t\r\n", *r->p) == NULL) r->p++;
    n->len = (size_t)(r->p - n->text);
    if (n->len == 0) die("canon: empty token");
    return n;
}

static int by_key(const void *a, const void *b) {
    const node *x = *(const node *const *)a, *y = *(const node *const *)b;
    size_t m = x->key_len < y->key_len ? x->key_len : y->key_len;
    int c = memcmp(x->key, y->key, m);
    /* A key that is a prefix of the other sorts first: compare the raw tokens up to the shorter
     * closing quote, which is the same as comparing the unescaped bytes for plain keys. */
    if (c) return c;
    return x->key_len < y->key_len ? -1 : x->key_len > y->key_len;
}

static void number(sbuf *out, const char *t, size_t len) {
    char buf[64];
    double x;
    if (memchr(t, '.', len) == NULL && memchr(t, 'e', len) == NULL && memchr(t, 'E', len) == NULL) {
        sb_mem(out, t, len);
        return;
    }
    if (len >= sizeof buf) die("canon: long number");
    memcpy(buf, t, len);
    buf[len] = '\0';
    x = strtod(buf, NULL);
    if (x == floor(x) && fabs(x) < 9007199254740992.0) {
        if (x == 0) x = 0; /* no "-0" */
        sb_printf(out, "%.0f", x);
    } else {
        sb_mem(out, t, len); /* serde_json's shortest round-trip form, as the Rust runner prints it */
    }
}

static void print(sbuf *out, node *n) {
    size_t i;
    if (n->kind == 'l') {
        if (n->text[0] == '"' || n->text[0] == 'n' || n->text[0] == 't' || n->text[0] == 'f')
            sb_mem(out, n->text, n->len);
        else
            number(out, n->text, n->len);
        return;
    }
    if (n->kind == 'o') {
        /* Compare keys without their closing quote, so that "ab" sorts after "a". */
        for (i = 0; i < n->n; i++) n->items[i]->key_len--;
        qsort(n->items, n->n, sizeof *n->items, by_key);
        for (i = 0; i < n->n; i++) n->items[i]->key_len++;
    }
    sb_str(out, n->kind == 'o' ? "{" : "[");
    for (i = 0; i < n->n; i++) {
        if (i) sb_str(out, ",");
        if (n->kind == 'o') {
            sb_mem(out, n->items[i]->key, n->items[i]->key_len);
            sb_str(out, ":");
        }
        print(out, n->items[i]);
    }
    sb_str(out, n->kind == 'o' ? "}" : "]");
}

static void release(node *n) {
    size_t i;
    for (i = 0; i < n->n; i++) release(n->items[i]);
    free(n->items);
    free(n);
}

static node *parse(const char *json, size_t len) {
    reader r;
    node *n;
    r.p = json;
    r.end = json + len;
    n = value(&r);
    ws(&r);
    if (r.p != r.end) die("canon: trailing text");
    return n;
}

void canon_append(sbuf *out, const char *json, size_t len) {
    node *n = parse(json, len);
    print(out, n);
    release(n);
}

void canon_member(sbuf *out, const char *json, size_t len, const char *key) {
    node *n = parse(json, len);
    size_t i, kl = strlen(key);
    if (n->kind != 'o') die("canon: not an object");
    for (i = 0; i < n->n; i++) {
        node *m = n->items[i];
        if (m->key_len == kl + 2 && memcmp(m->key + 1, key, kl) == 0) {
            print(out, m);
            release(n);
            return;
        }
    }
    die("canon: no such member");
}

void json_string(sbuf *out, const char *s, size_t len) {
    size_t i;
    sb_str(out, "\"");
    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"') sb_str(out, "\\\"");
        else if (c == '\\') sb_str(out, "\\\\");
        else if (c == '\n') sb_str(out, "\\n");
        else if (c == '\r') sb_str(out, "\\r");
        else if (c == '\t') sb_str(out, "\\t");
        else if (c == '\b') sb_str(out, "\\b");
        else if (c == '\f') sb_str(out, "\\f");
        else if (c < 0x20) sb_printf(out, "\\u%04x", c);
        else sb_mem(out, s + i, 1);
    }
    sb_str(out, "\"");
}
