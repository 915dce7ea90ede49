/*
 * Console runner.  Expectations are matched as plain substrings of the
 * console output stream, one after the other; the search for one starts
 * after the end of the previous match.
 */
#include "hw/host/runner.h"

#include <stdlib.h>
#include <string.h>

void runner_init(Runner *r)
{
    memset(r, 0, sizeof(*r));
}

void runner_free(Runner *r)
{
    unsigned i;
    for (i = 0; i < r->n_steps; i++) {
        free(r->steps[i].text);
    }
    free(r->steps);
    memset(r, 0, sizeof(*r));
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

int runner_add(Runner *r, bool is_send, const char *text)
{
    size_t n = strlen(text), o = 0, i;
    char *buf = malloc(n + 1);
    RunnerStep *steps;

    if (!buf) {
        return -1;
    }
    for (i = 0; i < n; i++) {
        char c = text[i];
        if (c == '\\' && i + 1 < n) {
            char e = text[++i];
            switch (e) {
            case 'n': c = '\n'; break;
            case 'r': c = '\r'; break;
            case 't': c = '\t'; break;
            case 'e': c = 0x1b; break;
            case '\\': c = '\\'; break;
            case 'x':
                if (i + 2 < n && hexval(text[i + 1]) >= 0 &&
                    hexval(text[i + 2]) >= 0) {
                    c = (char)(hexval(text[i + 1]) * 16 + hexval(text[i + 2]));
                    i += 2;
                    break;
                }
                free(buf);
                return -1;
            default:
                free(buf);
                return -1;
            }
        }
        buf[o++] = c;
    }
    buf[o] = '\0';
    if (o == 0 && !is_send) {
        free(buf);
        return -1;                  /* an empty expectation matches nothing */
    }
    steps = realloc(r->steps, (r->n_steps + 1) * sizeof(*steps));
    if (!steps) {
        free(buf);
        return -1;
    }
    r->steps = steps;
    r->steps[r->n_steps++] = (RunnerStep){ is_send, buf, o };
    r->ends_with_expect = !is_send;
    return 0;
}

/* Perform sends until the next expectation (or the end). */
static void runner_advance(Runner *r)
{
    while (r->next < r->n_steps && r->steps[r->next].is_send) {
        const RunnerStep *s = &r->steps[r->next++];
        chardev_push_input(r->con, (const uint8_t *)s->text, s->len);
    }
    r->matched = 0;
    if (r->next >= r->n_steps && !r->finished) {
        r->finished = true;
        if (r->ends_with_expect && r->on_finish) {
            r->on_finish(r->on_finish_opaque);
        }
    }
}

static void runner_on_output(void *opaque, uint8_t byte)
{
    Runner *r = opaque;
    const RunnerStep *s;

    if (r->next >= r->n_steps) {
        return;
    }
    s = &r->steps[r->next];
    /* Substring search with restart: on a mismatch fall back to the
     * longest prefix of the pattern that is a suffix of what matched. */
    while (r->matched > 0 && (uint8_t)s->text[r->matched] != byte) {
        size_t k;
        for (k = r->matched - 1; k > 0; k--) {
            if (memcmp(s->text, s->text + r->matched - k, k) == 0) {
                break;
            }
        }
        r->matched = k;
    }
    if ((uint8_t)s->text[r->matched] == byte) {
        r->matched++;
    }
    if (r->matched == s->len) {
        if (r->on_match) {
            r->on_match(r->on_match_opaque);
        }
        r->next++;
        runner_advance(r);
    }
}

void runner_attach(Runner *r, CharDev *con)
{
    r->con = con;
    con->on_output = runner_on_output;
    con->on_output_opaque = r;
    if (r->n_steps) {
        runner_advance(r);
    }
}

const char *runner_pending(const Runner *r)
{
    unsigned i;
    for (i = r->next; i < r->n_steps; i++) {
        if (!r->steps[i].is_send) {
            return r->steps[i].text;
        }
    }
    return NULL;
}
