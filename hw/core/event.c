/*
 * Event queue: a binary min-heap ordered by (when, seq).  Insert, cancel and
 * pop are O(log n); the earliest deadline is read in O(1) by the machine loop.
 */
#include "hw/core/event.h"

#include <stdlib.h>
#include <string.h>

void ev_queue_init(EventQueue *q, Cycles *now)
{
    memset(q, 0, sizeof(*q));
    q->now = now;
}

void ev_queue_free(EventQueue *q)
{
    free(q->heap);
    q->heap = NULL;
    q->n = q->cap = 0;
}

void ev_init(Event *e, const char *name, EventFn *fn, void *opaque)
{
    e->name = name;
    e->fn = fn;
    e->opaque = opaque;
    e->when = 0;
    e->seq = 0;
    e->heap_index = -1;
}

static bool ev_before(const Event *a, const Event *b)
{
    return a->when < b->when || (a->when == b->when && a->seq < b->seq);
}

static void ev_place(EventQueue *q, unsigned i, Event *e)
{
    q->heap[i] = e;
    e->heap_index = (int)i;
}

static void ev_sift_up(EventQueue *q, unsigned i)
{
    Event *e = q->heap[i];
    while (i > 0) {
        unsigned p = (i - 1) / 2;
        if (!ev_before(e, q->heap[p])) {
            break;
        }
        ev_place(q, i, q->heap[p]);
        i = p;
    }
    ev_place(q, i, e);
}

static void ev_sift_down(EventQueue *q, unsigned i)
{
    Event *e = q->heap[i];
    for (;;) {
        unsigned c = 2 * i + 1;
        if (c >= q->n) {
            break;
        }
        if (c + 1 < q->n && ev_before(q->heap[c + 1], q->heap[c])) {
            c++;
        }
        if (!ev_before(q->heap[c], e)) {
            break;
        }
        ev_place(q, i, q->heap[c]);
        i = c;
    }
    ev_place(q, i, e);
}

static void ev_remove_at(EventQueue *q, unsigned i)
{
    Event *e = q->heap[i];
    q->n--;
    if (i != q->n) {
        Event *last = q->heap[q->n];
        ev_place(q, i, last);
        ev_sift_down(q, i);
        ev_sift_up(q, (unsigned)last->heap_index);
    }
    e->heap_index = -1;
}

void ev_cancel(EventQueue *q, Event *e)
{
    if (e->heap_index >= 0) {
        ev_remove_at(q, (unsigned)e->heap_index);
    }
}

void ev_at(EventQueue *q, Event *e, Cycles when)
{
    ev_cancel(q, e);
    if (q->n == q->cap) {
        unsigned cap = q->cap ? q->cap * 2 : 16;
        Event **h = realloc(q->heap, cap * sizeof(*h));
        if (!h) {
            abort();    /* out of host memory: not a guest-triggerable state */
        }
        q->heap = h;
        q->cap = cap;
    }
    e->when = when;
    e->seq = q->seq++;
    ev_place(q, q->n++, e);
    ev_sift_up(q, q->n - 1);
    if (q->heap[0] == e && q->on_earliest) {
        q->on_earliest(q->on_earliest_opaque, when);
    }
}

void ev_after(EventQueue *q, Event *e, Cycles delta)
{
    ev_at(q, e, *q->now + delta);
}

unsigned ev_run_due(EventQueue *q)
{
    unsigned fired = 0;
    while (q->n && q->heap[0]->when <= *q->now) {
        Event *e = q->heap[0];
        ev_remove_at(q, 0);
        e->fn(e->opaque);
        fired++;
    }
    return fired;
}
