/*
 * Headless console runner for CI boot tests: --expect TEXT (in order),
 * --send TEXT (typed once the preceding expectation matched), wall and
 * virtual time limits.  Matching happens on the bytes the guest sends, at
 * the virtual moment it sends them, so a scripted run is deterministic.
 */
#ifndef RUNNER_H
#define RUNNER_H

#include <stdbool.h>
#include <stddef.h>

#include "hw/host/chardev.h"

typedef struct RunnerStep {
    bool is_send;
    char *text;                     /* escapes already decoded */
    size_t len;
} RunnerStep;

typedef struct Runner {
    RunnerStep *steps;
    unsigned n_steps;
    unsigned next;                  /* first step not yet done */
    size_t matched;                 /* bytes of the current expect matched */
    CharDev *con;
    bool finished;                  /* every expectation matched */
    bool ends_with_expect;
    /* called when any expectation matched, before the next step (may be
     * NULL): --screenshot keeps a picture of that moment */
    void (*on_match)(void *opaque);
    void *on_match_opaque;
    /* called when the last expectation matched (the run may end) */
    void (*on_finish)(void *opaque);
    void *on_finish_opaque;
} Runner;

void runner_init(Runner *r);
void runner_free(Runner *r);
/* Add a step; text uses C escapes (\n \r \t \\ \xHH).  -1 on bad escape. */
int runner_add(Runner *r, bool is_send, const char *text);
/* Attach to the console: sends the leading --send steps. */
void runner_attach(Runner *r, CharDev *con);
/* The expectation still waited for, or NULL. */
const char *runner_pending(const Runner *r);

#endif
