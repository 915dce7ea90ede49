/*
 * The network core (net/net.c) between a FAKE backend and a FAKE NIC, both
 * defined here: frames the NIC sends reach the peer backend byte-exact and
 * counted; frames a backend delivers reach a NIC that takes them at once,
 * wait in order in the queue while it is busy (net_nic_ready and net_poll
 * offer them first), are lost with a MISS when the queue is full, and are
 * dropped when the backend is not the NIC's peer; the idle rule
 * (net_idle_wait, README §Network and time) jumps at once with nothing
 * outstanding or frames pending, waits about the gap in wall time when
 * the host is quiet, returns early when a frame arrives, and carries a
 * wait's overshoot so that virtual time tracks wall time; the option
 * helpers and net_backend_new's errors.
 *
 * The fake backend's host side is a pipe(2): fill waits on its read end,
 * dispatch turns whatever bytes are in it into one frame.  A test that
 * wants a frame "from the host" writes it to the pipe before polling (no
 * threads).  Every wait is bounded and the fake NIC breaks a runaway
 * offer loop: a broken net.c fails a test, it does not hang the run.
 */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include "hw/core/event.h"
#include "hw/core/log.h"
#include "net/net.h"
#include "unit.h"

#define HZ 110000000u
#define SENT_MAX 8                  /* frames a fake backend records */
#define CAP_MAX 8                   /* frames the fake NIC records whole */
#define SEQ_MAX 1024                /* frames it records by number */
#define MS 1000000                  /* ns */
#define CALLS_MAX 100000            /* a NIC offered more is in a loop */

/* ---- the fake backend ---- */

typedef struct Fake {
    NetBackend b;                   /* first: net.c sees only this */
    int rfd, wfd;                   /* the "host": a pipe */
    bool in_flight;                 /* what in_flight answers */
    int idx;                        /* rfd's index in the poll set */
    unsigned fills, dispatches, freed;
    unsigned sends;                 /* send calls */
    uint8_t sent[SENT_MAX][NET_FRAME_MAX];  /* their gathered bytes */
    size_t sent_len[SENT_MAX];      /* the len argument */
    size_t sent_sum[SENT_MAX];      /* the iovecs' sum */
    int sent_niov[SENT_MAX];
} Fake;

static void fake_send(NetBackend *b, const struct iovec *iov, int niov,
                      size_t len)
{
    Fake *f = (Fake *)b;
    size_t off = 0;
    int i;

    if (f->sends < SENT_MAX) {
        for (i = 0; i < niov; i++) {
            if (off + iov[i].iov_len <= NET_FRAME_MAX) {
                memcpy(f->sent[f->sends] + off, iov[i].iov_base,
                       iov[i].iov_len);
            }
            off += iov[i].iov_len;
        }
        f->sent_len[f->sends] = len;
        f->sent_sum[f->sends] = off;
        f->sent_niov[f->sends] = niov;
    }
    f->sends++;
}

static void fake_fill(NetBackend *b, NetPollSet *ps)
{
    Fake *f = (Fake *)b;
    f->fills++;
    f->idx = net_poll_add(ps, f->rfd, POLLIN);
}

/* Whatever bytes are in the pipe make one frame */
static void fake_dispatch(NetBackend *b, const NetPollSet *ps)
{
    Fake *f = (Fake *)b;
    uint8_t buf[NET_FRAME_MAX];
    ssize_t r;

    f->dispatches++;
    if (!(net_poll_revents(ps, f->idx) & POLLIN)) {
        return;
    }
    r = read(f->rfd, buf, sizeof(buf));
    if (r > 0) {
        net_deliver(b, buf, (size_t)r);
    }
}

static bool fake_in_flight(NetBackend *b)
{
    return ((Fake *)b)->in_flight;
}

/* The Fakes live at file scope: free only closes the host side */
static void fake_free(NetBackend *b)
{
    Fake *f = (Fake *)b;
    f->freed++;
    if (f->rfd >= 0) {
        close(f->rfd);
        close(f->wfd);
    }
    f->rfd = f->wfd = -1;
}

static const NetBackendOps fake_ops = {
    .type = "fake",
    .send = fake_send,
    .fill = fake_fill,
    .dispatch = fake_dispatch,
    .in_flight = fake_in_flight,
    .free = fake_free,
};

/* ---- the fake NIC ---- */

typedef struct FakeNic {
    NetRx answer;                   /* to every frame, unless... */
    int take_left;                  /* >= 0: take this many, then BUSY */
    unsigned calls;                 /* receive calls */
    unsigned taken;
    uint8_t frame[CAP_MAX][NET_FRAME_MAX];
    size_t len[CAP_MAX];
    unsigned seq[SEQ_MAX];          /* frame[0..1] of each taken frame */
    unsigned missed;
} FakeNic;

static NetRx nic_receive(void *opaque, const uint8_t *frame, size_t len)
{
    FakeNic *c = opaque;

    c->calls++;
    if (c->calls > CALLS_MAX) {
        return NET_RX_TAKEN;        /* break a runaway loop: tests fail */
    }
    if (c->answer == NET_RX_BUSY || c->take_left == 0) {
        return NET_RX_BUSY;
    }
    if (c->take_left > 0) {
        c->take_left--;
    }
    if (c->taken < CAP_MAX && len <= NET_FRAME_MAX) {
        memcpy(c->frame[c->taken], frame, len);
        c->len[c->taken] = len;
    }
    if (c->taken < SEQ_MAX) {
        c->seq[c->taken] = len >= 2 ? (unsigned)frame[0] << 8 | frame[1] : 0;
    }
    c->taken++;
    return NET_RX_TAKEN;
}

static void nic_missed(void *opaque)
{
    ((FakeNic *)opaque)->missed++;
}

/* ---- the rig: a clock, a log, a Net, two fakes, a NIC ---- */

static Cycles now;
static EventQueue q;
static Log lg;
static char *logbuf;
static size_t loglen;
static Net net;
static Fake fa, fb;
static FakeNic nic;

static int teardown(void)
{
    net_free(&net);
    if (lg.out) {
        fclose(lg.out);
        lg.out = NULL;
    }
    free(logbuf);
    logbuf = NULL;
    ev_queue_free(&q);
    return 0;
}

static int setup(void)
{
    now = 0;
    ev_queue_init(&q, &now);
    log_init(&lg, &now, HZ);
    lg.out = open_memstream(&logbuf, &loglen);
    net_init(&net, &q, HZ, &lg);
    memset(&nic, 0, sizeof(nic));
    nic.answer = NET_RX_TAKEN;
    nic.take_left = -1;
    return 0;
}

static void fake_up(Fake *f, const char *id)
{
    char err[128] = "";
    int p[2];

    memset(f, 0, sizeof(*f));
    f->rfd = f->wfd = -1;
    f->idx = -1;
    f->b.ops = &fake_ops;
    if (pipe2(p, O_NONBLOCK | O_CLOEXEC) == 0) {
        f->rfd = p[0];
        f->wfd = p[1];
    }
    CU_ASSERT_TRUE(f->rfd >= 0);
    CU_ASSERT_EQUAL(net_backend_add(&net, &f->b, id, err, sizeof(err)), 0);
}

/* Each test starts from a fresh Net with fa (id "a") as the NIC's peer
 * and fb (id "b") not connected to anything */
static void fresh(void)
{
    NetNic n = { .receive = nic_receive, .missed = nic_missed,
                 .opaque = &nic };

    teardown();
    setup();
    fake_up(&fa, "a");
    fake_up(&fb, "b");
    net_attach_nic(&net, &fa.b, &n);
}

static void fill_frame(uint8_t *f, size_t len, unsigned seq)
{
    size_t i;
    for (i = 0; i < len; i++) {
        f[i] = (uint8_t)(seq * 31 + i * 7);
    }
    if (len >= 2) {
        f[0] = (uint8_t)(seq >> 8);
        f[1] = (uint8_t)seq;
    }
}

/* A frame from the host: bytes in f's pipe, read at the next poll */
static bool host_write(Fake *f, const uint8_t *frame, size_t len)
{
    return write(f->wfd, frame, len) == (ssize_t)len;
}

static int64_t wall(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static Cycles ns_cycles(int64_t ns)
{
    return (Cycles)ns * HZ / 1000000000u;
}

static int64_t cycles_ns(Cycles c)
{
    return (int64_t)(c * 1000000000u / HZ);
}

/* ---- 1. the NIC sends ---- */

static void test_send(void)
{
    uint8_t f[NET_FRAME_MAX], g[60];
    struct iovec v[3];
    NetNic n = { .receive = nic_receive, .missed = nic_missed,
                 .opaque = &nic };

    fresh();
    fill_frame(f, 1514, 1);
    v[0].iov_base = f;
    v[0].iov_len = 14;
    v[1].iov_base = f + 14;
    v[1].iov_len = 1000;
    v[2].iov_base = f + 1014;
    v[2].iov_len = 500;
    net_send(&net, v, 3, 1514);
    fill_frame(g, sizeof(g), 2);
    v[0].iov_base = g;
    v[0].iov_len = sizeof(g);
    net_send(&net, v, 1, sizeof(g));

    CU_ASSERT_EQUAL_FATAL(fa.sends, 2);
    CU_ASSERT_EQUAL(fa.sent_niov[0], 3);
    CU_ASSERT_EQUAL(fa.sent_len[0], 1514);
    CU_ASSERT_EQUAL(fa.sent_sum[0], 1514);
    CU_ASSERT_EQUAL(memcmp(fa.sent[0], f, 1514), 0);
    CU_ASSERT_EQUAL(fa.sent_niov[1], 1);
    CU_ASSERT_EQUAL(fa.sent_len[1], 60);
    CU_ASSERT_EQUAL(memcmp(fa.sent[1], g, 60), 0);
    CU_ASSERT_EQUAL(fa.b.tx_frames, 2);
    CU_ASSERT_EQUAL(fa.b.tx_bytes, 1514 + 60);
    CU_ASSERT_EQUAL(fa.b.copied_bytes, 0);
    /* the other backend and the NIC saw nothing */
    CU_ASSERT_EQUAL(fb.sends, 0);
    CU_ASSERT_EQUAL(fb.b.tx_frames, 0);
    CU_ASSERT_EQUAL(nic.calls, 0);

    /* -nic none: the wire ends at the NIC */
    net_attach_nic(&net, NULL, &n);
    CU_ASSERT_FALSE(fa.b.nic);
    CU_ASSERT_PTR_NULL(net.peer);
    net_send(&net, v, 1, sizeof(g));
    CU_ASSERT_EQUAL(fa.sends, 2);
    CU_ASSERT_EQUAL(fb.sends, 0);
    CU_ASSERT_EQUAL(fa.b.tx_frames, 2);
    CU_ASSERT_EQUAL(fa.b.tx_bytes, 1514 + 60);

    /* and to fb once it is the peer */
    net_attach_nic(&net, &fb.b, &n);
    CU_ASSERT_TRUE(fb.b.nic);
    CU_ASSERT_FALSE(fa.b.nic);
    net_send(&net, v, 1, sizeof(g));
    CU_ASSERT_EQUAL(fb.sends, 1);
    CU_ASSERT_EQUAL(fa.sends, 2);
}

/* ---- 2. the NIC takes at once ---- */

static void test_deliver_taken(void)
{
    static const size_t lens[3] = { 60, 1514, 42 };
    uint8_t f[3][NET_FRAME_MAX];
    int i;

    fresh();
    for (i = 0; i < 3; i++) {
        fill_frame(f[i], lens[i], (unsigned)i + 10);
        net_deliver(&fa.b, f[i], lens[i]);
        CU_ASSERT_EQUAL(nic.taken, (unsigned)i + 1);
        CU_ASSERT_FALSE(net_rx_pending(&net));
    }
    CU_ASSERT_EQUAL(nic.calls, 3);
    for (i = 0; i < 3; i++) {
        CU_ASSERT_EQUAL(nic.len[i], lens[i]);
        CU_ASSERT_EQUAL(memcmp(nic.frame[i], f[i], lens[i]), 0);
    }
    CU_ASSERT_EQUAL(net.q_n, 0);
    CU_ASSERT_EQUAL(fa.b.copied_bytes, 0);
    CU_ASSERT_EQUAL(fa.b.rx_frames, 3);
    CU_ASSERT_EQUAL(fa.b.rx_bytes, 60 + 1514 + 42);
    CU_ASSERT_EQUAL(fa.b.dropped, 0);
    CU_ASSERT_EQUAL(nic.missed, 0);
    CU_ASSERT_EQUAL(net.delivered, 3);

    /* an empty frame is nothing */
    net_deliver(&fa.b, f[0], 0);
    CU_ASSERT_EQUAL(nic.calls, 3);
    CU_ASSERT_EQUAL(fa.b.rx_frames, 3);
}

/* ---- 3. the NIC is busy: the queue ---- */

static void test_busy_queue(void)
{
    static const size_t lens[5] = { 60, 1514, 100, 42, 77 };
    uint8_t f[5][NET_FRAME_MAX];
    int i;

    fresh();
    for (i = 0; i < 5; i++) {
        fill_frame(f[i], lens[i], (unsigned)i + 20);
    }
    nic.answer = NET_RX_BUSY;
    for (i = 0; i < 3; i++) {
        net_deliver(&fa.b, f[i], lens[i]);
    }
    CU_ASSERT_EQUAL(nic.taken, 0);
    CU_ASSERT_TRUE(nic.calls >= 1);
    CU_ASSERT_TRUE(net_rx_pending(&net));
    CU_ASSERT_EQUAL(net.q_n, 3);
    CU_ASSERT_EQUAL(fa.b.copied_bytes, 60 + 1514 + 100);
    CU_ASSERT_EQUAL(fa.b.rx_frames, 3);
    CU_ASSERT_EQUAL(fa.b.dropped, 0);
    CU_ASSERT_EQUAL(nic.missed, 0);

    /* still busy: nothing moves */
    net_nic_ready(&net);
    CU_ASSERT_EQUAL(nic.taken, 0);
    CU_ASSERT_EQUAL(net.q_n, 3);

    /* room for two: the first two, in order, then BUSY stops it */
    nic.answer = NET_RX_TAKEN;
    nic.take_left = 2;
    nic.calls = 0;
    net_nic_ready(&net);
    CU_ASSERT_EQUAL_FATAL(nic.taken, 2);
    CU_ASSERT_EQUAL(nic.calls, 3);          /* two taken, one refused */
    CU_ASSERT_EQUAL(nic.len[0], 60);
    CU_ASSERT_EQUAL(memcmp(nic.frame[0], f[0], 60), 0);
    CU_ASSERT_EQUAL(nic.len[1], 1514);
    CU_ASSERT_EQUAL(memcmp(nic.frame[1], f[1], 1514), 0);
    CU_ASSERT_EQUAL(net.q_n, 1);
    CU_ASSERT_TRUE(net_rx_pending(&net));

    /* a new frame while one waits goes behind it, even to a ready NIC */
    nic.take_left = -1;
    net_deliver(&fa.b, f[3], lens[3]);
    CU_ASSERT_EQUAL(nic.taken, 2);
    CU_ASSERT_EQUAL(net.q_n, 2);
    CU_ASSERT_EQUAL(fa.b.copied_bytes, 60 + 1514 + 100 + 42);

    /* net_poll offers the queue first, then what the host sends */
    CU_ASSERT_TRUE_FATAL(host_write(&fa, f[4], lens[4]));
    net_poll(&net, 0);
    CU_ASSERT_EQUAL_FATAL(nic.taken, 5);
    CU_ASSERT_EQUAL(nic.len[2], 100);
    CU_ASSERT_EQUAL(memcmp(nic.frame[2], f[2], 100), 0);
    CU_ASSERT_EQUAL(nic.len[3], 42);
    CU_ASSERT_EQUAL(memcmp(nic.frame[3], f[3], 42), 0);
    CU_ASSERT_EQUAL(nic.len[4], 77);
    CU_ASSERT_EQUAL(memcmp(nic.frame[4], f[4], 77), 0);
    CU_ASSERT_FALSE(net_rx_pending(&net));
    CU_ASSERT_EQUAL(net.q_n, 0);
    /* the host's frame went straight in: no copy */
    CU_ASSERT_EQUAL(fa.b.copied_bytes, 60 + 1514 + 100 + 42);
    CU_ASSERT_EQUAL(fa.b.rx_frames, 5);
    CU_ASSERT_EQUAL(fa.b.rx_bytes, 60 + 1514 + 100 + 42 + 77);
    CU_ASSERT_EQUAL(fa.b.dropped, 0);
}

/* ---- 4. the queue is full ---- */

static void test_queue_full(void)
{
    uint8_t f[60];
    unsigned i;
    bool order = true;

    fresh();
    nic.answer = NET_RX_BUSY;
    for (i = 0; i < NET_QUEUE_MAX; i++) {
        fill_frame(f, sizeof(f), i);
        net_deliver(&fa.b, f, sizeof(f));
    }
    CU_ASSERT_EQUAL(net.q_n, NET_QUEUE_MAX);
    CU_ASSERT_EQUAL(fa.b.dropped, 0);
    CU_ASSERT_EQUAL(nic.missed, 0);
    CU_ASSERT_EQUAL(fa.b.copied_bytes, (uint64_t)NET_QUEUE_MAX * 60);

    fill_frame(f, sizeof(f), 9999);
    net_deliver(&fa.b, f, sizeof(f));
    CU_ASSERT_EQUAL_FATAL(net.q_n, NET_QUEUE_MAX);
    CU_ASSERT_EQUAL(fa.b.dropped, 1);
    CU_ASSERT_EQUAL(nic.missed, 1);
    CU_ASSERT_EQUAL(fa.b.copied_bytes, (uint64_t)NET_QUEUE_MAX * 60);

    /* the held frames come out whole and in order; the lost one never */
    nic.answer = NET_RX_TAKEN;
    net_nic_ready(&net);
    CU_ASSERT_EQUAL_FATAL(nic.taken, NET_QUEUE_MAX);
    for (i = 0; i < NET_QUEUE_MAX; i++) {
        order = order && nic.seq[i] == i;
    }
    CU_ASSERT_TRUE(order);
    CU_ASSERT_EQUAL(net.q_n, 0);
    CU_ASSERT_EQUAL(nic.missed, 1);

    /* the queue wraps: hold and release again past its end */
    nic.answer = NET_RX_BUSY;
    for (i = 0; i < 3; i++) {
        fill_frame(f, sizeof(f), 600 + i);
        net_deliver(&fa.b, f, sizeof(f));
    }
    nic.answer = NET_RX_TAKEN;
    net_nic_ready(&net);
    CU_ASSERT_EQUAL_FATAL(nic.taken, NET_QUEUE_MAX + 3);
    CU_ASSERT_EQUAL(nic.seq[NET_QUEUE_MAX], 600);
    CU_ASSERT_EQUAL(nic.seq[NET_QUEUE_MAX + 2], 602);
}

/* ---- 5. a backend that is not the NIC's peer ---- */

static void test_not_peer(void)
{
    uint8_t f[60];

    fresh();
    fill_frame(f, sizeof(f), 5);
    net_deliver(&fb.b, f, sizeof(f));
    CU_ASSERT_EQUAL(fb.b.dropped, 1);
    CU_ASSERT_EQUAL(nic.calls, 0);
    CU_ASSERT_EQUAL(nic.missed, 0);
    CU_ASSERT_FALSE(net_rx_pending(&net));

    /* from the host through net_poll too; the peer's frame goes in */
    CU_ASSERT_TRUE_FATAL(host_write(&fb, f, sizeof(f)));
    net_poll(&net, 0);
    CU_ASSERT_EQUAL(fb.dispatches, 1);
    CU_ASSERT_EQUAL(fb.b.dropped, 2);
    CU_ASSERT_EQUAL(fb.b.rx_frames, 0);
    CU_ASSERT_EQUAL(fb.b.copied_bytes, 0);
    CU_ASSERT_EQUAL(nic.calls, 0);
    CU_ASSERT_TRUE_FATAL(host_write(&fa, f, sizeof(f)));
    net_poll(&net, 0);
    CU_ASSERT_EQUAL(nic.taken, 1);
    CU_ASSERT_EQUAL(fa.b.rx_frames, 1);
    CU_ASSERT_EQUAL(fb.b.dropped, 2);
}

/* ---- 6. the idle rule ---- */

/* (a) nothing outstanding: the jump is immediate */
static void test_idle_nothing_out(void)
{
    Cycles gap = ns_cycles(20 * MS);
    int64_t t0, dt;

    fresh();
    t0 = wall();
    CU_ASSERT_EQUAL(net_idle_wait(&net, gap), gap);
    dt = wall() - t0;
    CU_ASSERT_TRUE(dt < 5 * MS);
    CU_ASSERT_EQUAL(net.host_waits, 0);
    CU_ASSERT_EQUAL(net.host_wait_cycles, 0);
    CU_ASSERT_EQUAL(fa.fills, 0);           /* the host was not asked */
}

/* (b) outstanding, the host quiet: about the gap in wall time */
static void test_idle_quiet_host(void)
{
    Cycles gap = ns_cycles(20 * MS), left = gap, c1;
    int64_t t0, dt;
    int i;

    fresh();
    fa.in_flight = true;
    t0 = wall();
    for (i = 0; i < 20 && left; i++) {
        Cycles c = net_idle_wait(&net, left);
        CU_ASSERT_TRUE_FATAL(c <= left);
        left -= c;
        now += c;
    }
    dt = wall() - t0;
    CU_ASSERT_EQUAL(left, 0);
    CU_ASSERT_TRUE(dt >= 15 * MS);
    CU_ASSERT_TRUE(dt < 200 * MS);
    CU_ASSERT_TRUE(net.host_waits >= 1);
    CU_ASSERT_TRUE(net.host_wait_ns >= 15 * MS);
    CU_ASSERT_EQUAL(net.host_wait_cycles, gap);
    CU_ASSERT_EQUAL(nic.calls, 0);
    if (dt < 15 * MS || dt >= 200 * MS) {
        fprintf(stderr, "\n  waited %lld ns for a 20 ms gap\n",
                (long long)dt);
    }

    /* a gap longer than one wait (50 ms at most): the first call gives
     * what it waited, the next ones the rest */
    gap = ns_cycles(120 * MS);
    left = gap;
    t0 = wall();
    c1 = net_idle_wait(&net, left);
    CU_ASSERT_TRUE(c1 >= ns_cycles(45 * MS));
    CU_ASSERT_TRUE(c1 < gap / 2);
    left -= c1 <= left ? c1 : left;
    for (i = 0; i < 20 && left; i++) {
        Cycles c = net_idle_wait(&net, left);
        CU_ASSERT_TRUE_FATAL(c <= left);
        left -= c;
    }
    dt = wall() - t0;
    CU_ASSERT_EQUAL(left, 0);
    CU_ASSERT_TRUE(i >= 2);                 /* three waits at least */
    CU_ASSERT_TRUE(dt >= 115 * MS);
    CU_ASSERT_TRUE(dt < 400 * MS);
}

/* (c) outstanding, a frame already there: delivered now, little time */
static void test_idle_frame_arrives(void)
{
    Cycles gap = ns_cycles(20 * MS), c;
    uint8_t f[60];
    int64_t t0, dt;

    fresh();
    fa.in_flight = true;
    fill_frame(f, sizeof(f), 7);
    CU_ASSERT_TRUE_FATAL(host_write(&fa, f, sizeof(f)));
    t0 = wall();
    c = net_idle_wait(&net, gap);
    dt = wall() - t0;
    CU_ASSERT_TRUE(c < gap / 10);
    CU_ASSERT_TRUE(dt < 5 * MS);
    CU_ASSERT_EQUAL_FATAL(nic.taken, 1);
    CU_ASSERT_EQUAL(nic.len[0], sizeof(f));
    CU_ASSERT_EQUAL(memcmp(nic.frame[0], f, sizeof(f)), 0);
    CU_ASSERT_EQUAL(net.host_waits, 1);
    CU_ASSERT_EQUAL(net.host_wait_cycles, c);
}

/* (d) frames already waiting for the NIC: the jump is immediate */
static void test_idle_rx_pending(void)
{
    Cycles gap = ns_cycles(20 * MS);
    uint8_t f[60];
    int64_t t0, dt;

    fresh();
    fa.in_flight = true;
    nic.answer = NET_RX_BUSY;
    fill_frame(f, sizeof(f), 8);
    net_deliver(&fa.b, f, sizeof(f));
    CU_ASSERT_TRUE_FATAL(net_rx_pending(&net));
    t0 = wall();
    CU_ASSERT_EQUAL(net_idle_wait(&net, gap), gap);
    dt = wall() - t0;
    CU_ASSERT_TRUE(dt < 5 * MS);
    CU_ASSERT_EQUAL(net.host_waits, 0);
    CU_ASSERT_EQUAL(fa.fills, 0);
    CU_ASSERT_TRUE(net_rx_pending(&net));
}

/* (e) the overshoot is carried: 200 gaps of 100 us with the host quiet
 * advance virtual time as much as wall time passed (within 10 %) */
static void test_idle_overshoot_carried(void)
{
    Cycles gap = ns_cycles(100000), sum = 0;
    int64_t t0, dt, virt;
    int slack = prctl(PR_GET_TIMERSLACK, 0, 0, 0, 0);
    int i, j;

    fresh();
    fa.in_flight = true;
    /* every 100 us wait overshoots: the kernel may wake us up to 300 us
     * late (without the carry, wall time would run ~2-4x virtual) */
    prctl(PR_SET_TIMERSLACK, 300000ul, 0, 0, 0);
    t0 = wall();
    for (i = 0; i < 200; i++) {
        Cycles left = gap;
        /* as the machine loop does: wait again for what is left */
        for (j = 0; j < 50 && left; j++) {
            Cycles c = net_idle_wait(&net, left);
            CU_ASSERT_TRUE_FATAL(c <= left);
            left -= c;
            sum += c;
            now += c;
        }
        CU_ASSERT_EQUAL_FATAL(left, 0);
    }
    dt = wall() - t0;
    if (slack > 0) {
        prctl(PR_SET_TIMERSLACK, (unsigned long)slack, 0, 0, 0);
    }
    virt = cycles_ns(sum);
    CU_ASSERT_EQUAL(sum, 200 * gap);
    CU_ASSERT_TRUE(virt >= dt - dt / 10 && virt <= dt + dt / 10);
    if (virt < dt - dt / 10 || virt > dt + dt / 10) {
        fprintf(stderr, "\n  virtual %lld ns, wall %lld ns\n",
                (long long)virt, (long long)dt);
    }
    /* a wait that overshoots by more than the next gap gives the next
     * gap without waiting */
    CU_ASSERT_TRUE(net.wait_lag >= 0);
    CU_ASSERT_TRUE(net.wait_lag < 50 * MS);
}

/* ---- 7. option helpers ---- */

static void test_opt_get(void)
{
    char v[32];

    strcpy(v, "x");
    CU_ASSERT_TRUE(net_opt_get("id=n0,hostfwd=tcp::80-:80,host=10.0.2.9",
                               "host", v, sizeof(v)));
    CU_ASSERT_STRING_EQUAL(v, "10.0.2.9");
    CU_ASSERT_TRUE(net_opt_get("id=n0,hostfwd=tcp::80-:80,host=10.0.2.9",
                               "hostfwd", v, sizeof(v)));
    CU_ASSERT_STRING_EQUAL(v, "tcp::80-:80");
    CU_ASSERT_TRUE(net_opt_get("a=1,b=2", "a", v, sizeof(v)));
    CU_ASSERT_STRING_EQUAL(v, "1");
    CU_ASSERT_TRUE(net_opt_get("a=1,b=2", "b", v, sizeof(v)));
    CU_ASSERT_STRING_EQUAL(v, "2");
    /* the first of two */
    CU_ASSERT_TRUE(net_opt_get("a=1,a=2", "a", v, sizeof(v)));
    CU_ASSERT_STRING_EQUAL(v, "1");
    /* absent, or only a longer key that starts with it */
    strcpy(v, "keep");
    CU_ASSERT_FALSE(net_opt_get("hostfwd=tcp::80-:80", "host", v,
                                sizeof(v)));
    CU_ASSERT_FALSE(net_opt_get("a=1,b=2", "c", v, sizeof(v)));
    CU_ASSERT_FALSE(net_opt_get("", "a", v, sizeof(v)));
    CU_ASSERT_FALSE(net_opt_get("ab=1", "a", v, sizeof(v)));
    CU_ASSERT_FALSE(net_opt_get("a", "ab", v, sizeof(v)));
    CU_ASSERT_STRING_EQUAL(v, "keep");
    /* empty values: "key=" and a bare "key" */
    CU_ASSERT_TRUE(net_opt_get("a=1,restrict=,b=2", "restrict", v,
                               sizeof(v)));
    CU_ASSERT_STRING_EQUAL(v, "");
    strcpy(v, "x");
    CU_ASSERT_TRUE(net_opt_get("a=1,restrict", "restrict", v, sizeof(v)));
    CU_ASSERT_STRING_EQUAL(v, "");
    /* a value longer than the buffer is cut, still terminated */
    CU_ASSERT_TRUE(net_opt_get("k=123456789", "k", v, 5));
    CU_ASSERT_STRING_EQUAL(v, "1234");
    /* presence only */
    CU_ASSERT_TRUE(net_opt_get("k=1", "k", NULL, 0));
}

static void test_opt_check(void)
{
    static const char *const keys[] = { "host", "hostfwd", "net", NULL };
    char bad[16];

    strcpy(bad, "");
    CU_ASSERT_TRUE(net_opt_check("host=1,hostfwd=x,net=10.0.0.0/8", keys,
                                 bad, sizeof(bad)));
    CU_ASSERT_TRUE(net_opt_check("", keys, bad, sizeof(bad)));
    CU_ASSERT_TRUE(net_opt_check("net", keys, bad, sizeof(bad)));
    CU_ASSERT_FALSE(net_opt_check("host=1,foo=2,bar=3", keys, bad,
                                  sizeof(bad)));
    CU_ASSERT_STRING_EQUAL(bad, "foo");
    CU_ASSERT_FALSE(net_opt_check("hostf=1", keys, bad, sizeof(bad)));
    CU_ASSERT_STRING_EQUAL(bad, "hostf");
    CU_ASSERT_FALSE(net_opt_check("hostfwdx", keys, bad, sizeof(bad)));
    CU_ASSERT_STRING_EQUAL(bad, "hostfwdx");
    CU_ASSERT_FALSE(net_opt_check("ho", keys, bad, sizeof(bad)));
    CU_ASSERT_STRING_EQUAL(bad, "ho");
}

static void test_parse_hostport(void)
{
    struct sockaddr_in sa;
    char err[128];

    strcpy(err, "");
    CU_ASSERT_EQUAL(net_parse_hostport(":8080", "127.0.0.1", &sa, err,
                                       sizeof(err)), 0);
    CU_ASSERT_EQUAL(sa.sin_family, AF_INET);
    CU_ASSERT_EQUAL(ntohs(sa.sin_port), 8080);
    CU_ASSERT_EQUAL(ntohl(sa.sin_addr.s_addr), 0x7f000001u);
    CU_ASSERT_EQUAL(net_parse_hostport(":1", NULL, &sa, err,
                                       sizeof(err)), 0);
    CU_ASSERT_EQUAL(sa.sin_addr.s_addr, htonl(INADDR_ANY));
    CU_ASSERT_EQUAL(net_parse_hostport("127.0.0.1:0", NULL, &sa, err,
                                       sizeof(err)), 0);
    CU_ASSERT_EQUAL(ntohs(sa.sin_port), 0);
    CU_ASSERT_EQUAL(ntohl(sa.sin_addr.s_addr), 0x7f000001u);
    CU_ASSERT_EQUAL(net_parse_hostport("10.1.2.3:65535", NULL, &sa, err,
                                       sizeof(err)), 0);
    CU_ASSERT_EQUAL(ntohs(sa.sin_port), 65535);
    CU_ASSERT_EQUAL(ntohl(sa.sin_addr.s_addr), 0x0a010203u);
    CU_ASSERT_EQUAL(net_parse_hostport("localhost:80", NULL, &sa, err,
                                       sizeof(err)), 0);
    CU_ASSERT_EQUAL(ntohs(sa.sin_port), 80);
    CU_ASSERT_EQUAL(ntohl(sa.sin_addr.s_addr) >> 24, 127);
    CU_ASSERT_STRING_EQUAL(err, "");

    CU_ASSERT_EQUAL(net_parse_hostport(":70000", NULL, &sa, err,
                                       sizeof(err)), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "':70000': bad port"));
    CU_ASSERT_EQUAL(net_parse_hostport("1.2.3.4:", NULL, &sa, err,
                                       sizeof(err)), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "bad port"));
    CU_ASSERT_EQUAL(net_parse_hostport("1.2.3.4:80x", NULL, &sa, err,
                                       sizeof(err)), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "bad port"));
    CU_ASSERT_EQUAL(net_parse_hostport("1.2.3.4:-1", NULL, &sa, err,
                                       sizeof(err)), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "bad port"));
    CU_ASSERT_EQUAL(net_parse_hostport("8080", NULL, &sa, err,
                                       sizeof(err)), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "'8080': expected host:port"));
    CU_ASSERT_EQUAL(net_parse_hostport("nosuchhost.invalid:80", NULL, &sa,
                                       err, sizeof(err)), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "unknown host 'nosuchhost.invalid'"));
    CU_ASSERT_PTR_NULL(strchr(err, '\n'));
}

/* ---- 8. net_backend_new ---- */

static void test_backend_new(void)
{
    NetBackend *b, *c;
    char err[160];

    fresh();
    CU_ASSERT_EQUAL(net.n_be, 2);
    strcpy(err, "");
    CU_ASSERT_PTR_NULL(net_backend_new(&net, "bogus,id=x", err,
                                       sizeof(err)));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "'bogus': unknown network backend"));
    CU_ASSERT_PTR_NULL(net_backend_new(&net, "", err, sizeof(err)));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "a network backend type is "
                                       "required"));
    CU_ASSERT_PTR_NULL(net_backend_new(&net, ",id=x", err, sizeof(err)));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "type is required"));
    CU_ASSERT_PTR_NULL(net_backend_new(&net, "averyveryverylongtype,id=x",
                                       err, sizeof(err)));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "averyveryverylongtype"));
    CU_ASSERT_PTR_NULL(strchr(err, '\n'));
    CU_ASSERT_EQUAL(net.n_be, 2);

    /* id= is taken out; the rest goes to the kind */
    b = net_backend_new(&net, "user,id=n0,restrict=off", err, sizeof(err));
    CU_ASSERT_PTR_NOT_NULL_FATAL(b);
    CU_ASSERT_STRING_EQUAL(b->id, "n0");
    CU_ASSERT_STRING_EQUAL(b->ops->type, "user");
    CU_ASSERT_PTR_EQUAL(b->net, &net);
    CU_ASSERT_PTR_EQUAL(net_backend_find(&net, "n0"), b);
    CU_ASSERT_EQUAL(net.n_be, 3);
    c = net_backend_new(&net, "user,restrict=off,id=n1", err, sizeof(err));
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    CU_ASSERT_STRING_EQUAL(c->id, "n1");
    /* no id: the type */
    c = net_backend_new(&net, "user", err, sizeof(err));
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    CU_ASSERT_STRING_EQUAL(c->id, "user");
    CU_ASSERT_EQUAL(net.n_be, 5);

    /* the same id twice; an id taken by a backend that is not "user" */
    strcpy(err, "");
    CU_ASSERT_PTR_NULL(net_backend_new(&net, "user,id=n0", err,
                                       sizeof(err)));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "duplicate netdev id 'n0'"));
    CU_ASSERT_PTR_NULL(net_backend_new(&net, "user,id=a", err,
                                       sizeof(err)));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "duplicate netdev id 'a'"));
    CU_ASSERT_PTR_NULL(strchr(err, '\n'));
    CU_ASSERT_EQUAL(net.n_be, 5);
    CU_ASSERT_PTR_EQUAL(net_backend_find(&net, "n0"), b);
    CU_ASSERT_PTR_EQUAL(net_backend_find(&net, "a"), &fa.b);

    /* the kind's own errors come through */
    CU_ASSERT_PTR_NULL(net_backend_new(&net, "user,id=n9,bogus=1", err,
                                       sizeof(err)));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "unknown option 'bogus'"));
    CU_ASSERT_EQUAL(net.n_be, 5);
    CU_ASSERT_PTR_NULL(net_backend_find(&net, "n9"));

    /* net_free frees every backend once */
    teardown();
    CU_ASSERT_EQUAL(fa.freed, 1);
    CU_ASSERT_EQUAL(fb.freed, 1);
    CU_ASSERT_EQUAL(net.n_be, 0);
    setup();
}

int main(void)
{
    static const UnitTest tests[] = {
        { "send: iovecs reach the peer, counted", test_send },
        { "deliver: a ready NIC takes at once", test_deliver_taken },
        { "busy NIC: queued in order, offered again", test_busy_queue },
        { "full queue: dropped, MISS", test_queue_full },
        { "not the NIC's peer: dropped", test_not_peer },
        { "idle: nothing outstanding jumps", test_idle_nothing_out },
        { "idle: a quiet host waits the gap", test_idle_quiet_host },
        { "idle: a frame ends the wait", test_idle_frame_arrives },
        { "idle: frames pending jump", test_idle_rx_pending },
        { "idle: overshoot carried", test_idle_overshoot_carried },
        { "net_opt_get", test_opt_get },
        { "net_opt_check", test_opt_check },
        { "net_parse_hostport", test_parse_hostport },
        { "net_backend_new errors and ids", test_backend_new },
    };
    return UNIT_RUN("net", setup, teardown, tests);
}
