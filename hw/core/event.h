/*
 * The machine's clock and its one event queue.
 *
 * Time is virtual and counted in CPU cycles (Cycles).  Every device that
 * needs to act later (a timer reaching its limit, a byte leaving a serial
 * shift register, a DMA transfer completing) owns an Event and arms it for a
 * cycle count; the machine loop runs the CPU up to the earliest deadline and
 * then fires every event that is due, in (time, arming order) order, so two
 * runs with the same inputs fire the same events at the same cycles.
 */
#ifndef HW_EVENT_H
#define HW_EVENT_H

#include <stdbool.h>
#include <stdint.h>

typedef uint64_t Cycles;
#define CYCLES_NEVER UINT64_MAX

typedef void EventFn(void *opaque);

typedef struct Event {
    const char *name;
    EventFn *fn;
    void *opaque;
    Cycles when;
    uint64_t seq;       /* arming order: ties fire first-armed first */
    int heap_index;     /* -1 when not queued */
} Event;

typedef struct EventQueue {
    Event **heap;
    unsigned n, cap;
    uint64_t seq;
    Cycles *now;        /* the clock: the CPU's cycle counter */
    /* told when an event is armed earlier than every other one, so that a
     * CPU running towards a later deadline stops in time */
    void (*on_earliest)(void *opaque, Cycles when);
    void *on_earliest_opaque;
} EventQueue;

void ev_queue_init(EventQueue *q, Cycles *now);
void ev_queue_free(EventQueue *q);
void ev_init(Event *e, const char *name, EventFn *fn, void *opaque);
/* Arm (or re-arm) e to fire at absolute cycle `when`. */
void ev_at(EventQueue *q, Event *e, Cycles when);
void ev_after(EventQueue *q, Event *e, Cycles delta);
void ev_cancel(EventQueue *q, Event *e);
static inline bool ev_pending(const Event *e)
{
    return e->heap_index >= 0;
}
/* Deadline of the earliest armed event, CYCLES_NEVER if none. */
static inline Cycles ev_next_deadline(const EventQueue *q)
{
    return q->n ? q->heap[0]->when : CYCLES_NEVER;
}
/* Fire every event whose time is <= *now; returns how many fired. */
unsigned ev_run_due(EventQueue *q);

#endif
