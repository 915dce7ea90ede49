/*
 * The event queue: events fire in (time, arming order) order, cancel and
 * re-arm move them, the earliest deadline is reported, and a newly earliest
 * event is announced (the CPU shortens its slice on it).
 */
#include <stdlib.h>

#include "hw/core/event.h"
#include "unit.h"

typedef struct FireLog {
    int order[64];
    unsigned n;
    Cycles at[64];
} FireLog;

typedef struct Tag {
    FireLog *log;
    int id;
    Cycles *now;
} Tag;

static void fire(void *opaque)
{
    Tag *t = opaque;
    t->log->at[t->log->n] = *t->now;
    t->log->order[t->log->n++] = t->id;
}

static void run_to(EventQueue *q, Cycles *now, Cycles until)
{
    while (ev_next_deadline(q) <= until) {
        *now = ev_next_deadline(q);
        ev_run_due(q);
    }
    *now = until;
}

static void test_order(void)
{
    Cycles now = 0;
    EventQueue q;
    FireLog log = { { 0 }, 0, { 0 } };
    Event e[6];
    Tag t[6];
    static const Cycles when[6] = { 50, 10, 50, 30, 10, 40 };
    /* by time, ties in arming order: 1, 4, 3, 5, 0, 2 */
    static const int want[6] = { 1, 4, 3, 5, 0, 2 };
    unsigned i;

    ev_queue_init(&q, &now);
    for (i = 0; i < 6; i++) {
        t[i] = (Tag){ &log, (int)i, &now };
        ev_init(&e[i], "t", fire, &t[i]);
        ev_at(&q, &e[i], when[i]);
        CU_ASSERT_TRUE(ev_pending(&e[i]));
    }
    CU_ASSERT_EQUAL(ev_next_deadline(&q), 10);
    run_to(&q, &now, 100);
    CU_ASSERT_EQUAL(log.n, 6);
    for (i = 0; i < 6; i++) {
        CU_ASSERT_EQUAL(log.order[i], want[i]);
        CU_ASSERT_EQUAL(log.at[i], when[want[i]]);
        CU_ASSERT_FALSE(ev_pending(&e[i]));
    }
    CU_ASSERT_EQUAL(ev_next_deadline(&q), CYCLES_NEVER);
    ev_queue_free(&q);
}

static void test_cancel_rearm(void)
{
    Cycles now = 0;
    EventQueue q;
    FireLog log = { { 0 }, 0, { 0 } };
    Event e[3];
    Tag t[3];
    unsigned i;

    ev_queue_init(&q, &now);
    for (i = 0; i < 3; i++) {
        t[i] = (Tag){ &log, (int)i, &now };
        ev_init(&e[i], "t", fire, &t[i]);
        ev_at(&q, &e[i], 100 + i);
    }
    ev_cancel(&q, &e[1]);
    CU_ASSERT_FALSE(ev_pending(&e[1]));
    ev_cancel(&q, &e[1]);                   /* twice is harmless */
    ev_at(&q, &e[2], 5);                    /* re-arm moves it */
    now = 3;
    ev_after(&q, &e[1], 4);                 /* relative: at 7 */
    CU_ASSERT_EQUAL(e[1].when, 7);
    run_to(&q, &now, 200);
    CU_ASSERT_EQUAL(log.n, 3);
    CU_ASSERT_EQUAL(log.order[0], 2);
    CU_ASSERT_EQUAL(log.order[1], 1);
    CU_ASSERT_EQUAL(log.order[2], 0);
    CU_ASSERT_EQUAL(log.at[1], 7);
    ev_queue_free(&q);
}

/* many events armed and cancelled at random keep the heap in order */
static void test_random(void)
{
    Cycles now = 0, last = 0;
    EventQueue q;
    FireLog log = { { 0 }, 0, { 0 } };
    Event e[40];
    Tag t[40];
    unsigned i, k, fired = 0;
    uint64_t s = 12345;

    ev_queue_init(&q, &now);
    for (i = 0; i < 40; i++) {
        t[i] = (Tag){ &log, (int)i, &now };
        ev_init(&e[i], "r", fire, &t[i]);
    }
    for (k = 0; k < 20000; k++) {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        i = (unsigned)(s >> 33) % 40;
        if ((s >> 20) & 1) {
            ev_at(&q, &e[i], now + ((s >> 40) % 1000));
        } else {
            ev_cancel(&q, &e[i]);
        }
        if (k % 7 == 0 && ev_next_deadline(&q) != CYCLES_NEVER) {
            now = ev_next_deadline(&q);
            CU_ASSERT_TRUE(now >= last);    /* time never goes back */
            last = now;
            log.n = 0;
            fired += ev_run_due(&q);
            CU_ASSERT_TRUE(ev_next_deadline(&q) > now);
        }
    }
    CU_ASSERT_TRUE(fired > 1000);
    ev_queue_free(&q);
}

static void earliest(void *opaque, Cycles when)
{
    *(Cycles *)opaque = when;
}

static void test_earliest_hook(void)
{
    Cycles now = 0;
    EventQueue q;
    FireLog log = { { 0 }, 0, { 0 } };
    Event a, b;
    Tag ta = { &log, 0, &now }, tb = { &log, 1, &now };
    Cycles announced = 0;

    ev_queue_init(&q, &now);
    q.on_earliest = earliest;
    q.on_earliest_opaque = &announced;
    ev_init(&a, "a", fire, &ta);
    ev_init(&b, "b", fire, &tb);
    ev_at(&q, &a, 500);
    CU_ASSERT_EQUAL(announced, 500);
    ev_at(&q, &b, 900);                     /* not the earliest: silent */
    CU_ASSERT_EQUAL(announced, 500);
    ev_at(&q, &b, 100);
    CU_ASSERT_EQUAL(announced, 100);
    ev_queue_free(&q);
}

static const UnitTest tests[] = {
    { "time order, ties in arming order", test_order },
    { "cancel and re-arm", test_cancel_rearm },
    { "random arming and cancelling", test_random },
    { "earliest-event hook", test_earliest_hook },
};

int main(void)
{
    return UNIT_RUN("event", NULL, NULL, tests);
}
