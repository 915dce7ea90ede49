/*
 * The console runner: expectations matched in order as substrings of the
 * output stream (including overlapping prefixes), sends queued when the
 * preceding expectation matched, escapes, and the finish callback.
 */
#include <string.h>

#include "hw/host/runner.h"
#include "unit.h"

typedef struct Rig {
    CharDev con;
    Runner r;
    int finished;
} Rig;

static void on_finish(void *opaque)
{
    ((Rig *)opaque)->finished++;
}

static void rig_init(Rig *g)
{
    memset(g, 0, sizeof(*g));
    g->con.in_fd = g->con.out_fd = g->con.log_fd = -1;
    runner_init(&g->r);
    g->r.on_finish = on_finish;
    g->r.on_finish_opaque = g;
}

static void out(Rig *g, const char *s)
{
    while (*s) {
        chardev_write(&g->con, (uint8_t)*s++);
    }
}

static size_t typed(Rig *g, char *buf, size_t n)
{
    size_t i = 0;
    while (i + 1 < n && chardev_can_read(&g->con)) {
        buf[i++] = (char)chardev_read(&g->con);
    }
    buf[i] = '\0';
    return i;
}

static void test_order_and_sends(void)
{
    Rig g;
    char buf[64];

    rig_init(&g);
    CU_ASSERT_EQUAL(runner_add(&g.r, true, "early\\n"), 0);
    CU_ASSERT_EQUAL(runner_add(&g.r, false, "login:"), 0);
    CU_ASSERT_EQUAL(runner_add(&g.r, true, "root\\r"), 0);
    CU_ASSERT_EQUAL(runner_add(&g.r, false, "# "), 0);
    runner_attach(&g.r, &g.con);
    /* a send before any expectation goes out at once */
    typed(&g, buf, sizeof(buf));
    CU_ASSERT_STRING_EQUAL(buf, "early\n");
    CU_ASSERT_STRING_EQUAL(runner_pending(&g.r), "login:");
    /* "# " before "login:" does not count: order matters */
    out(&g, "boot # log");
    CU_ASSERT_EQUAL(typed(&g, buf, sizeof(buf)), 0);
    out(&g, "in:");
    typed(&g, buf, sizeof(buf));
    CU_ASSERT_STRING_EQUAL(buf, "root\r");
    CU_ASSERT_STRING_EQUAL(runner_pending(&g.r), "# ");
    CU_ASSERT_EQUAL(g.finished, 0);
    out(&g, "#");
    CU_ASSERT_EQUAL(g.finished, 0);
    out(&g, " ");
    CU_ASSERT_EQUAL(g.finished, 1);
    CU_ASSERT_TRUE(g.r.finished);
    CU_ASSERT_PTR_NULL(runner_pending(&g.r));
    runner_free(&g.r);
}

/* a partial match that fails must not hide a match starting inside it */
static void test_overlap(void)
{
    Rig g;
    rig_init(&g);
    CU_ASSERT_EQUAL(runner_add(&g.r, false, "aab"), 0);
    CU_ASSERT_EQUAL(runner_add(&g.r, false, "abab"), 0);
    runner_attach(&g.r, &g.con);
    out(&g, "aaab");
    CU_ASSERT_STRING_EQUAL(runner_pending(&g.r), "abab");
    out(&g, "ababab");
    CU_ASSERT_EQUAL(g.finished, 1);
    runner_free(&g.r);
}

static void test_escapes(void)
{
    Rig g;
    char buf[16];
    rig_init(&g);
    CU_ASSERT_EQUAL(runner_add(&g.r, true, "a\\tb\\x41\\\\\\e"), 0);
    CU_ASSERT_EQUAL(runner_add(&g.r, false, ""), -1);      /* empty */
    CU_ASSERT_EQUAL(runner_add(&g.r, false, "bad\\q"), -1);  /* unknown */
    CU_ASSERT_EQUAL(runner_add(&g.r, false, "x\\x4"), -1);   /* short hex */
    runner_attach(&g.r, &g.con);
    typed(&g, buf, sizeof(buf));
    CU_ASSERT_STRING_EQUAL(buf, "a\tbA\\\x1b");
    /* a run ending with a send finishes without the callback */
    CU_ASSERT_TRUE(g.r.finished);
    CU_ASSERT_EQUAL(g.finished, 0);
    runner_free(&g.r);
}

static const UnitTest tests[] = {
    { "expectations in order, sends after them", test_order_and_sends },
    { "overlapping partial matches", test_overlap },
    { "escapes and bad texts", test_escapes },
};

int main(void)
{
    return UNIT_RUN("runner", NULL, NULL, tests);
}
