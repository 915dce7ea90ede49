/*
 * The socket backend (net/socket.c) on the loopback interface: a listen=
 * and a connect= end in one process, each on its own Net with a recording
 * NIC; frames cross byte-exact both ways, one after another; a raw peer
 * speaking the stream format (4-byte big-endian length, then the frame)
 * split across writes is reassembled; a bad length drops the connection
 * and the backend listens again; a frame the kernel takes in part never
 * breaks the framing; udp= pairs; option errors are one line.
 *
 * Every wait is bounded (POLL_ROUNDS rounds of POLL_NS): a broken backend
 * fails a test, it never hangs the run.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "hw/core/event.h"
#include "hw/core/log.h"
#include "net/net.h"
#include "unit.h"

#define HZ 110000000u
#define POLL_NS 2000000             /* 2 ms of wall time per round */
#define POLL_ROUNDS 250             /* at most 0.5 s per wait */
#define CAP_MAX 16

/* The recording NIC: takes every frame */
typedef struct Cap {
    uint8_t frame[CAP_MAX][NET_FRAME_MAX];
    size_t len[CAP_MAX];
    unsigned n;
} Cap;

/* One side: a clock, a log, a Net and its NIC */
typedef struct Side {
    Cycles now;
    EventQueue q;
    Log log;
    char *logbuf;
    size_t loglen;
    Net net;
    Cap cap;
} Side;

static Side sa, sb;

static NetRx cap_receive(void *opaque, const uint8_t *frame, size_t len)
{
    Cap *c = opaque;
    if (c->n < CAP_MAX && len <= NET_FRAME_MAX) {
        memcpy(c->frame[c->n], frame, len);
        c->len[c->n] = len;
    }
    c->n++;
    return NET_RX_TAKEN;
}

static void side_up(Side *s)
{
    memset(s, 0, sizeof(*s));
    ev_queue_init(&s->q, &s->now);
    log_init(&s->log, &s->now, HZ);
    s->log.out = open_memstream(&s->logbuf, &s->loglen);
    net_init(&s->net, &s->q, HZ, &s->log);
}

static void side_down(Side *s)
{
    net_free(&s->net);
    fclose(s->log.out);
    free(s->logbuf);
    ev_queue_free(&s->q);
}

static int setup(void)
{
    side_up(&sa);
    side_up(&sb);
    return 0;
}

static int teardown(void)
{
    side_down(&sa);
    side_down(&sb);
    return 0;
}

/* Each test starts from two fresh sides */
static void fresh(void)
{
    teardown();
    setup();
}

static void attach(Side *s, NetBackend *b)
{
    NetNic nic = { .receive = cap_receive, .opaque = &s->cap };
    net_attach_nic(&s->net, b, &nic);
}

/* A TCP or UDP port on 127.0.0.1 that was free a moment ago */
static int free_port(int type)
{
    struct sockaddr_in a;
    socklen_t al = sizeof(a);
    int fd = socket(AF_INET, type, 0), port = -1;

    memset(&a, 0, sizeof(a));
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd >= 0 && bind(fd, (struct sockaddr *)&a, sizeof(a)) == 0 &&
        getsockname(fd, (struct sockaddr *)&a, &al) == 0) {
        port = ntohs(a.sin_port);
    }
    if (fd >= 0) {
        close(fd);
    }
    return port;
}

static NetBackend *make(Side *s, const char *opts)
{
    char err[160] = "";
    NetBackend *b = net_socket_new(&s->net, "s0", opts, err, sizeof(err));
    if (!b) {
        fprintf(stderr, "\n  net_socket_new(%s): %s\n", opts, err);
    }
    return b;
}

/* Poll both sides until side t's NIC has n frames */
static bool wait_frames(Side *t, unsigned n)
{
    int i;
    for (i = 0; i < POLL_ROUNDS && t->cap.n < n; i++) {
        net_poll(&sa.net, POLL_NS / 2);
        net_poll(&sb.net, POLL_NS / 2);
    }
    return t->cap.n >= n;
}

/* Poll both sides until b's in_flight is want */
static bool wait_up(NetBackend *b, bool want)
{
    int i;
    for (i = 0; i < POLL_ROUNDS; i++) {
        if (b->ops->in_flight(b) == want) {
            return true;
        }
        net_poll(&sa.net, POLL_NS / 2);
        net_poll(&sb.net, POLL_NS / 2);
    }
    return b->ops->in_flight(b) == want;
}

/* A few rounds for bytes that should give no frame yet */
static void settle(void)
{
    int i;
    for (i = 0; i < 10; i++) {
        net_poll(&sa.net, POLL_NS / 2);
    }
}

static void fill_frame(uint8_t *f, size_t len, unsigned seed)
{
    size_t i;
    for (i = 0; i < len; i++) {
        f[i] = (uint8_t)(seed * 31 + i * 7);
    }
}

/* The NIC of side s sends a frame (net_send counts it in tx_*) */
static void send1(Side *s, const uint8_t *f, size_t len)
{
    struct iovec v = { .iov_base = (void *)f, .iov_len = len };
    net_send(&s->net, &v, 1, len);
}

/* A plain TCP client of 127.0.0.1:port (rcvbuf: its receive buffer, or
 * 0 for the default) */
static int raw_connect_buf(int port, int rcvbuf)
{
    struct sockaddr_in a;
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    if (fd >= 0 && rcvbuf) {
        setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof(rcvbuf));
    }
    memset(&a, 0, sizeof(a));
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons((uint16_t)port);
    if (fd >= 0 && connect(fd, (struct sockaddr *)&a, sizeof(a)) != 0) {
        close(fd);
        fd = -1;
    }
    return fd;
}

static int raw_connect(int port)
{
    return raw_connect_buf(port, 0);
}

static void put_be32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

/* A listen= backend on a free port of side s; its port in *port */
static NetBackend *make_listen(Side *s, int *port)
{
    char opts[64];
    NetBackend *b;
    int tries;

    for (tries = 0; tries < 5; tries++) {
        *port = free_port(SOCK_STREAM);
        snprintf(opts, sizeof(opts), "listen=:%d", *port);
        b = make(s, opts);
        if (b) {
            return b;
        }
    }
    return NULL;
}

static void test_stream_pair(void)
{
    NetBackend *l, *c;
    char opts[64];
    uint8_t f[3][NET_FRAME_MAX];
    static const size_t lens[3] = { 60, 1514, 42 };
    struct iovec v[3];
    int port, i;

    fresh();
    l = make_listen(&sa, &port);
    CU_ASSERT_PTR_NOT_NULL_FATAL(l);
    CU_ASSERT_FALSE(l->ops->in_flight(l));      /* nobody there yet */
    attach(&sa, l);
    snprintf(opts, sizeof(opts), "connect=127.0.0.1:%d", port);
    c = make(&sb, opts);
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    attach(&sb, c);
    CU_ASSERT_TRUE(c->ops->in_flight(c));
    CU_ASSERT_TRUE(wait_up(l, true));

    /* three frames back to back, connect -> listen */
    for (i = 0; i < 3; i++) {
        fill_frame(f[i], lens[i], (unsigned)i);
        send1(&sb, f[i], lens[i]);
    }
    CU_ASSERT_TRUE_FATAL(wait_frames(&sa, 3));
    CU_ASSERT_EQUAL(sa.cap.n, 3);
    for (i = 0; i < 3; i++) {
        CU_ASSERT_EQUAL(sa.cap.len[i], lens[i]);
        CU_ASSERT_EQUAL(memcmp(sa.cap.frame[i], f[i], lens[i]), 0);
    }
    CU_ASSERT_EQUAL(c->tx_frames, 3);
    CU_ASSERT_EQUAL(c->tx_bytes, 60 + 1514 + 42);
    CU_ASSERT_EQUAL(c->dropped, 0);
    CU_ASSERT_EQUAL(l->rx_frames, 3);           /* net_deliver counts */
    CU_ASSERT_EQUAL(l->rx_bytes, 60 + 1514 + 42);

    /* one frame in three pieces, listen -> connect */
    fill_frame(f[0], 100, 9);
    v[0].iov_base = f[0];
    v[0].iov_len = 14;
    v[1].iov_base = f[0] + 14;
    v[1].iov_len = 1;
    v[2].iov_base = f[0] + 15;
    v[2].iov_len = 85;
    net_send(&sa.net, v, 3, 100);
    CU_ASSERT_TRUE_FATAL(wait_frames(&sb, 1));
    CU_ASSERT_EQUAL(sb.cap.len[0], 100);
    CU_ASSERT_EQUAL(memcmp(sb.cap.frame[0], f[0], 100), 0);
    CU_ASSERT_EQUAL(l->tx_frames, 1);
    CU_ASSERT_EQUAL(l->copied_bytes, 0);

    /* the connect end goes away: the listener is idle again and a frame
     * sent to nobody is lost and counted */
    net_free(&sb.net);
    net_init(&sb.net, &sb.q, HZ, &sb.log);
    CU_ASSERT_TRUE(wait_up(l, false));
    send1(&sa, f[0], 60);
    CU_ASSERT_EQUAL(l->dropped, 1);
    CU_ASSERT_EQUAL(sa.log.host_errors[LOG_NET], 0);
}

static void test_split_reads(void)
{
    NetBackend *l;
    uint8_t f1[200], f2[64], buf[600];
    size_t at = 0;
    int port, fd;

    fresh();
    l = make_listen(&sa, &port);
    CU_ASSERT_PTR_NOT_NULL_FATAL(l);
    attach(&sa, l);
    fd = raw_connect(port);
    CU_ASSERT_TRUE_FATAL(fd >= 0);
    CU_ASSERT_TRUE(wait_up(l, true));

    fill_frame(f1, sizeof(f1), 1);
    fill_frame(f2, sizeof(f2), 2);
    put_be32(buf + at, sizeof(f1));
    at += 4;
    memcpy(buf + at, f1, sizeof(f1));
    at += sizeof(f1);
    put_be32(buf + at, sizeof(f2));
    at += 4;
    memcpy(buf + at, f2, sizeof(f2));
    at += sizeof(f2);
    put_be32(buf + at, sizeof(f1));
    at += 4;
    memcpy(buf + at, f1, sizeof(f1));
    at += sizeof(f1);

    /* half a length prefix */
    CU_ASSERT_EQUAL(write(fd, buf, 2), 2);
    settle();
    CU_ASSERT_EQUAL(sa.cap.n, 0);
    /* the rest of the prefix and part of the frame */
    CU_ASSERT_EQUAL(write(fd, buf + 2, 50), 50);
    settle();
    CU_ASSERT_EQUAL(sa.cap.n, 0);
    /* the end of frame 1, all of frame 2, 3 bytes of the third prefix */
    CU_ASSERT_EQUAL(write(fd, buf + 52, 4 + 200 + 4 + 64 + 3 - 52),
                    4 + 200 + 4 + 64 + 3 - 52);
    CU_ASSERT_TRUE(wait_frames(&sa, 2));
    CU_ASSERT_EQUAL(sa.cap.n, 2);
    /* the rest */
    CU_ASSERT_EQUAL(write(fd, buf + 275, at - 275), (ssize_t)(at - 275));
    CU_ASSERT_TRUE_FATAL(wait_frames(&sa, 3));
    CU_ASSERT_EQUAL(sa.cap.n, 3);
    CU_ASSERT_EQUAL(sa.cap.len[0], sizeof(f1));
    CU_ASSERT_EQUAL(memcmp(sa.cap.frame[0], f1, sizeof(f1)), 0);
    CU_ASSERT_EQUAL(sa.cap.len[1], sizeof(f2));
    CU_ASSERT_EQUAL(memcmp(sa.cap.frame[1], f2, sizeof(f2)), 0);
    CU_ASSERT_EQUAL(sa.cap.len[2], sizeof(f1));
    CU_ASSERT_EQUAL(memcmp(sa.cap.frame[2], f1, sizeof(f1)), 0);
    close(fd);
}

/* Poll side a until the raw peer fd sees the end of the stream */
static bool wait_eof(int fd)
{
    uint8_t junk[64];
    int i;
    for (i = 0; i < POLL_ROUNDS; i++) {
        struct pollfd p = { .fd = fd, .events = POLLIN };
        net_poll(&sa.net, POLL_NS / 2);
        if (poll(&p, 1, 1) == 1) {
            ssize_t r = recv(fd, junk, sizeof(junk), MSG_DONTWAIT);
            if (r == 0 || (r < 0 && errno == ECONNRESET)) {
                return true;
            }
        }
    }
    return false;
}

static void test_bad_length(void)
{
    static const uint32_t bad[2] = { 0x00100000u, 0 };
    NetBackend *l;
    uint8_t buf[4 + 60];
    int port, fd, k;

    fresh();
    l = make_listen(&sa, &port);
    CU_ASSERT_PTR_NOT_NULL_FATAL(l);
    attach(&sa, l);
    for (k = 0; k < 2; k++) {
        fd = raw_connect(port);
        CU_ASSERT_TRUE_FATAL(fd >= 0);
        CU_ASSERT_TRUE(wait_up(l, true));
        put_be32(buf, bad[k]);
        memset(buf + 4, 0xee, 60);
        CU_ASSERT_EQUAL(write(fd, buf, sizeof(buf)), (ssize_t)sizeof(buf));
        /* the backend drops the connection and says why */
        CU_ASSERT_TRUE(wait_eof(fd));
        CU_ASSERT_FALSE(l->ops->in_flight(l));
        CU_ASSERT_EQUAL(sa.log.host_errors[LOG_NET], (uint64_t)k + 1);
        CU_ASSERT_EQUAL(sa.cap.n, 0);
        close(fd);
    }
    fflush(sa.log.out);
    CU_ASSERT_PTR_NOT_NULL(strstr(sa.logbuf, "frame length 1048576"));
    CU_ASSERT_PTR_NOT_NULL(strstr(sa.logbuf, "frame length 0"));

    /* and listens again: the next peer is heard */
    fd = raw_connect(port);
    CU_ASSERT_TRUE_FATAL(fd >= 0);
    put_be32(buf, 60);
    fill_frame(buf + 4, 60, 5);
    CU_ASSERT_EQUAL(write(fd, buf, sizeof(buf)), (ssize_t)sizeof(buf));
    CU_ASSERT_TRUE(wait_frames(&sa, 1));
    CU_ASSERT_EQUAL(sa.cap.len[0], 60);
    CU_ASSERT_EQUAL(memcmp(sa.cap.frame[0], buf + 4, 60), 0);
    close(fd);
}

/*
 * A peer that does not read: the backend fills the host's buffers, frames
 * are then dropped, and a frame the kernel took in part is finished later
 * from the backend's copy.  Whatever happened, the peer must read whole
 * frames only, as many as the backend counted sent.
 */
static void test_full_socket(void)
{
    enum { LEN = 1514, TRIES = 20000 };
    static uint8_t f[LEN], in[65536];
    NetBackend *l;
    uint32_t want = 0, got = 0, seq = 0;
    size_t have = 0;
    int port, fd, i, idle = 0, rcv = 4096;

    fresh();
    l = make_listen(&sa, &port);
    CU_ASSERT_PTR_NOT_NULL_FATAL(l);
    attach(&sa, l);
    fd = raw_connect_buf(port, rcv);
    CU_ASSERT_TRUE_FATAL(fd >= 0);
    CU_ASSERT_TRUE(wait_up(l, true));

    for (i = 0; i < TRIES && l->dropped < 8; i++) {
        /* the frame number in its first bytes, the rest from it */
        fill_frame(f, LEN, (unsigned)i);
        put_be32(f, (uint32_t)i);
        send1(&sa, f, LEN);
    }
    CU_ASSERT_TRUE(l->dropped >= 8);        /* the buffers did fill */
    CU_ASSERT_EQUAL(l->tx_frames, (uint64_t)i);
    CU_ASSERT_TRUE(l->ops->in_flight(l));

    /* drain the peer while the backend flushes its tail */
    while (idle < 50) {
        ssize_t r;
        net_poll(&sa.net, 0);
        r = recv(fd, in + have, sizeof(in) - have, MSG_DONTWAIT);
        if (r <= 0) {
            struct pollfd p = { .fd = fd, .events = POLLIN };
            idle++;
            poll(&p, 1, 2);
            continue;
        }
        idle = 0;
        have += (size_t)r;
        /* whole frames out of what arrived */
        while (have >= 4) {
            uint32_t len = (uint32_t)in[0] << 24 | (uint32_t)in[1] << 16 |
                           (uint32_t)in[2] << 8 | in[3];
            uint8_t ref[LEN];
            CU_ASSERT_EQUAL_FATAL(len, LEN);
            if (have < 4 + len) {
                break;
            }
            seq = (uint32_t)in[4] << 24 | (uint32_t)in[5] << 16 |
                  (uint32_t)in[6] << 8 | in[7];
            fill_frame(ref, LEN, seq);
            put_be32(ref, seq);
            CU_ASSERT_EQUAL_FATAL(memcmp(in + 4, ref, LEN), 0);
            got++;
            memmove(in, in + 4 + len, have - 4 - len);
            have -= 4 + len;
        }
    }
    want = (uint32_t)(l->tx_frames - l->dropped);
    if (getenv("NETSOCKET_VERBOSE")) {
        fprintf(stderr, " [sent %u dropped %u copied %u] ", want,
                (unsigned)l->dropped, (unsigned)l->copied_bytes);
    }
    CU_ASSERT_EQUAL(have, 0);
    CU_ASSERT_EQUAL(got, want);
    close(fd);
}

static void test_udp_pair(void)
{
    NetBackend *a = NULL, *b = NULL;
    char opts[96];
    uint8_t f[300];
    int pa = 0, pb = 0, tries;

    fresh();
    for (tries = 0; tries < 5 && !(a && b); tries++) {
        fresh();
        pa = free_port(SOCK_DGRAM);
        pb = free_port(SOCK_DGRAM);
        snprintf(opts, sizeof(opts),
                 "udp=127.0.0.1:%d,localaddr=127.0.0.1:%d", pb, pa);
        a = make(&sa, opts);
        snprintf(opts, sizeof(opts), "udp=127.0.0.1:%d,localaddr=:%d", pa,
                 pb);
        b = make(&sb, opts);
    }
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    CU_ASSERT_PTR_NOT_NULL_FATAL(b);
    attach(&sa, a);
    attach(&sb, b);
    CU_ASSERT_TRUE(a->ops->in_flight(a));       /* a datagram may come */

    fill_frame(f, sizeof(f), 3);
    send1(&sa, f, sizeof(f));
    send1(&sa, f, 60);
    CU_ASSERT_TRUE_FATAL(wait_frames(&sb, 2));
    CU_ASSERT_EQUAL(sb.cap.len[0], sizeof(f));
    CU_ASSERT_EQUAL(memcmp(sb.cap.frame[0], f, sizeof(f)), 0);
    CU_ASSERT_EQUAL(sb.cap.len[1], 60);
    send1(&sb, f + 1, 99);
    CU_ASSERT_TRUE_FATAL(wait_frames(&sa, 1));
    CU_ASSERT_EQUAL(sa.cap.len[0], 99);
    CU_ASSERT_EQUAL(memcmp(sa.cap.frame[0], f + 1, 99), 0);
    CU_ASSERT_EQUAL(a->tx_frames, 2);
    CU_ASSERT_EQUAL(a->tx_bytes, sizeof(f) + 60);
}

/* Multicast needs a route for the group; a host without one (some
 * containers) refuses to join, and then there is nothing to test. */
static void test_mcast_loop(void)
{
    NetBackend *m;
    char opts[64];
    uint8_t f[80];

    fresh();
    snprintf(opts, sizeof(opts), "mcast=239.255.42.99:%d",
             free_port(SOCK_DGRAM));
    m = make(&sa, opts);
    if (!m) {
        fprintf(stderr, "  (no multicast on this host: skipped) ");
        return;
    }
    attach(&sa, m);
    fill_frame(f, sizeof(f), 4);
    send1(&sa, f, sizeof(f));
    if (m->dropped) {
        fprintf(stderr, "  (multicast send refused: skipped) ");
        return;
    }
    /* IP_MULTICAST_LOOP: an end hears its own frames */
    CU_ASSERT_TRUE_FATAL(wait_frames(&sa, 1));
    CU_ASSERT_EQUAL(sa.cap.len[0], sizeof(f));
    CU_ASSERT_EQUAL(memcmp(sa.cap.frame[0], f, sizeof(f)), 0);
}

static void check_err(const char *opts, const char *want)
{
    char err[160] = "";
    NetBackend *b = net_socket_new(&sa.net, NULL, opts, err, sizeof(err));
    CU_ASSERT_PTR_NULL(b);
    if (strstr(err, want) == NULL) {
        fprintf(stderr, "\n  %s: got \"%s\", want \"%s\"\n", opts, err,
                want);
    }
    CU_ASSERT_PTR_NOT_NULL(strstr(err, want));
    CU_ASSERT_PTR_NULL(strchr(err, '\n'));
}

static void test_option_errors(void)
{
    char opts[64];

    fresh();
    check_err("foo=1", "socket: unknown option 'foo'");
    check_err("listen=:1234,bar", "socket: unknown option 'bar'");
    check_err("", "socket: one of listen=, connect=, mcast=, udp= is "
                  "required");
    check_err("localaddr=127.0.0.1:5", "is required");
    check_err("listen=:99999", "socket,listen=:99999: bad port");
    check_err("listen=:1,connect=127.0.0.1:2", "only one of");
    check_err("udp=127.0.0.1:5000", "localaddr= is required");
    check_err("connect=127.0.0.1:5,localaddr=127.0.0.1",
              "localaddr= goes only with");
    check_err("mcast=10.0.0.1:5000", "not a multicast address");
    snprintf(opts, sizeof(opts), "connect=127.0.0.1:%d",
             free_port(SOCK_STREAM));
    check_err(opts, ": Connection refused");
    CU_ASSERT_EQUAL(sa.net.n_be, 0);
}

int main(void)
{
    static const UnitTest tests[] = {
        { "listen and connect: frames both ways", test_stream_pair },
        { "stream frames split across reads", test_split_reads },
        { "bad length drops the peer, listen again", test_bad_length },
        { "full socket: drops, never a broken stream", test_full_socket },
        { "udp pair", test_udp_pair },
        { "mcast hears itself", test_mcast_loop },
        { "option errors", test_option_errors },
    };
    return UNIT_RUN("netsocket", setup, teardown, tests);
}
