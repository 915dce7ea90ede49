/*
 * The machine's network: backends, the NIC's queue, host polling and the
 * idle rule (net.h).
 */
#include "net/net.h"

#include <errno.h>
#include <arpa/inet.h>
#include <netdb.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "net/dump.h"

int net_poll_add(NetPollSet *ps, int fd, short events)
{
    if (fd < 0 || ps->n >= ps->max) {
        return -1;
    }
    ps->fds[ps->n].fd = fd;
    ps->fds[ps->n].events = events;
    ps->fds[ps->n].revents = 0;
    return ps->n++;
}

short net_poll_revents(const NetPollSet *ps, int i)
{
    return (i >= 0 && i < ps->n) ? ps->fds[i].revents : 0;
}

void net_init(Net *n, EventQueue *events, uint64_t hz, Log *log)
{
    memset(n, 0, sizeof(*n));
    n->events = events;
    n->hz = hz;
    n->log = log;
}

void net_free(Net *n)
{
    unsigned i;

    for (i = 0; i < n->n_be; i++) {
        NetBackend *b = n->be[i];
        if (b->dump) {
            char err[200];
            if (net_dump_close(b->dump, err, sizeof(err)) < 0) {
                log_host_error(n->log, LOG_NET, b->id, "%s", err);
            }
            b->dump = NULL;
        }
        b->ops->free(b);
    }
    n->n_be = 0;
    n->peer = NULL;
    while (n->q_n) {
        free(n->q[n->q_head].data);
        n->q_head = (n->q_head + 1) % NET_QUEUE_MAX;
        n->q_n--;
    }
}

int64_t net_now_ns(const Net *n)
{
    Cycles c = *n->events->now;
    return (int64_t)(c / n->hz * 1000000000u +
                     (c % n->hz) * 1000000000u / n->hz);
}

Cycles net_ns_to_cycles(const Net *n, int64_t ns)
{
    if (ns <= 0) {
        return 0;
    }
    return (Cycles)ns / 1000000000u * n->hz +
           (Cycles)ns % 1000000000u * n->hz / 1000000000u;
}

/* ---- backends ---- */

int net_backend_add(Net *n, NetBackend *b, const char *id, char *err,
                    size_t errlen)
{
    if (n->n_be >= NET_MAX_BACKENDS) {
        snprintf(err, errlen, "too many network backends (at most %d)",
                 NET_MAX_BACKENDS);
        return -1;
    }
    if (id && id[0] && net_backend_find(n, id)) {
        snprintf(err, errlen, "duplicate netdev id '%s'", id);
        return -1;
    }
    b->net = n;
    snprintf(b->id, sizeof(b->id), "%s",
             id && id[0] ? id : b->ops->type);
    n->be[n->n_be++] = b;
    return 0;
}

NetBackend *net_backend_find(Net *n, const char *id)
{
    unsigned i;

    for (i = 0; i < n->n_be; i++) {
        if (strcmp(n->be[i]->id, id) == 0) {
            return n->be[i];
        }
    }
    return NULL;
}

NetBackend *net_backend_new(Net *n, const char *opts, char *err,
                            size_t errlen)
{
    char type[16], id[32], rest[1024];
    const char *comma = strchr(opts, ',');
    size_t tl = comma ? (size_t)(comma - opts) : strlen(opts);
    const char *p;
    size_t rl = 0;

    if (tl == 0) {
        snprintf(err, errlen, "'%s': a network backend type is required "
                 "(user, tap, socket)", opts);
        return NULL;
    }
    if (tl >= sizeof(type)) {
        snprintf(err, errlen, "'%.*s': unknown network backend (user, tap, "
                 "socket)", (int)tl, opts);
        return NULL;
    }
    memcpy(type, opts, tl);
    type[tl] = '\0';
    /* id= is ours; the rest goes to the kind's constructor */
    id[0] = '\0';
    p = comma ? comma + 1 : "";
    while (*p) {
        const char *e = strchr(p, ',');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        if (l >= 3 && strncmp(p, "id=", 3) == 0) {
            if (l - 3 >= sizeof(id)) {
                snprintf(err, errlen, "%s: id '%.*s' is longer than %zu "
                         "characters", type, (int)(l - 3), p + 3,
                         sizeof(id) - 1);
                return NULL;
            }
            snprintf(id, sizeof(id), "%.*s", (int)(l - 3), p + 3);
        } else if (l) {
            if (rl + l + 2 > sizeof(rest)) {
                snprintf(err, errlen, "%s: options too long", type);
                return NULL;
            }
            if (rl) {
                rest[rl++] = ',';
            }
            memcpy(rest + rl, p, l);
            rl += l;
        }
        p += l;
        if (*p == ',') {
            p++;
        }
    }
    rest[rl] = '\0';
    if (strcmp(type, "user") == 0) {
        return net_user_new(n, id, rest, err, errlen);
    }
    if (strcmp(type, "tap") == 0) {
        return net_tap_new(n, id, rest, err, errlen);
    }
    if (strcmp(type, "socket") == 0) {
        return net_socket_new(n, id, rest, err, errlen);
    }
    snprintf(err, errlen, "'%s': unknown network backend (user, tap, "
             "socket)", type);
    return NULL;
}

void net_attach_nic(Net *n, NetBackend *b, const NetNic *nic)
{
    if (n->peer) {
        n->peer->nic = false;
    }
    n->peer = b;
    if (b) {
        b->nic = true;
    }
    n->nic = *nic;
}

/* ---- frames ---- */

void net_send(Net *n, const struct iovec *iov, int niov, size_t len)
{
    NetBackend *b = n->peer;

    if (!b) {
        return;                     /* -nic none: the wire ends here */
    }
    b->tx_frames++;
    b->tx_bytes += len;
    b->last_active = *n->events->now + 1;
    if (b->dump) {
        net_dump_frame(b->dump, net_now_ns(n), iov, niov, len);
    }
    b->ops->send(b, iov, niov, len);
}

static void net_missed(Net *n)
{
    if (n->nic.missed) {
        n->nic.missed(n->nic.opaque);
    }
}

void net_deliver(NetBackend *b, const uint8_t *frame, size_t len)
{
    Net *n = b->net;
    struct NetQueued *q;
    uint8_t *copy;

    if (len == 0) {
        return;
    }
    n->delivered++;
    b->last_active = *n->events->now + 1;
    if (b->dump) {
        struct iovec v = { (void *)frame, len };
        net_dump_frame(b->dump, net_now_ns(n), &v, 1, len);
    }
    if (!b->nic || !n->nic.receive) {
        b->dropped++;               /* a netdev without a NIC */
        return;
    }
    b->rx_frames++;
    b->rx_bytes += len;
    if (!n->q_n && n->nic.receive(n->nic.opaque, frame, len) ==
        NET_RX_TAKEN) {
        return;
    }
    /* The NIC is busy (its wire, or no free receive buffer): the frame
     * waits here, as in a switch's port buffer.  SIMPLIFY: a real wire
     * would lose it (MISS); the queue only loses when full. */
    if (n->q_n == NET_QUEUE_MAX || !(copy = malloc(len))) {
        b->dropped++;
        net_missed(n);
        return;
    }
    memcpy(copy, frame, len);
    b->copied_bytes += len;
    q = &n->q[(n->q_head + n->q_n) % NET_QUEUE_MAX];
    q->data = copy;
    q->len = len;
    n->q_n++;
}

int net_rx_map(NetBackend *b, struct iovec *iov, int max)
{
    Net *n = b->net;
    int r;

    if (!b->nic || !n->nic.rx_map) {
        return 0;
    }
    if (n->q_n) {
        n->nic_busy = true;         /* frames before it go first */
        return -1;
    }
    r = n->nic.rx_map(n->nic.opaque, iov, max);
    n->nic_busy = r < 0;
    return r;
}

void net_rx_commit(NetBackend *b, const struct iovec *iov, int niov,
                   size_t len)
{
    Net *n = b->net;

    if (len == 0) {
        n->nic.rx_commit(n->nic.opaque, 0);     /* nothing came */
        return;
    }
    n->delivered++;
    b->last_active = *n->events->now + 1;
    if (b->dump) {
        net_dump_frame(b->dump, net_now_ns(n), iov, niov, len);
    }
    b->rx_frames++;
    b->rx_bytes += len;
    n->nic.rx_commit(n->nic.opaque, len);
}

void net_nic_ready(Net *n)
{
    n->nic_busy = false;            /* backends holding frames: try again */
    while (n->q_n && n->nic.receive) {
        struct NetQueued *q = &n->q[n->q_head];
        if (n->nic.receive(n->nic.opaque, q->data, q->len) != NET_RX_TAKEN) {
            break;
        }
        free(q->data);
        q->data = NULL;
        n->q_head = (n->q_head + 1) % NET_QUEUE_MAX;
        n->q_n--;
    }
}

/* ---- the host ---- */

static int64_t wall_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

int64_t net_poll(Net *n, int64_t wait_ns)
{
    NetPollSet ps = { n->fds, 0, NET_MAX_FDS };
    unsigned i;
    int64_t t0 = 0, waited = 0;

    if (!n->n_be) {
        return 0;
    }
    net_nic_ready(n);
    for (i = 0; i < n->n_be; i++) {
        if (n->be[i]->ops->fill) {
            n->be[i]->ops->fill(n->be[i], &ps);
        }
    }
    /* with no fd at all this still sleeps wait_ns: an idle wait always
     * lets wall time pass (net_idle_wait counts on it) */
    if (ps.n || wait_ns > 0) {
        struct timespec ts = { wait_ns / 1000000000, wait_ns % 1000000000 };
        if (wait_ns > 0) {
            t0 = wall_ns();
        }
        if (ppoll(ps.fds, (nfds_t)ps.n, &ts, NULL) < 0 && errno != EINTR) {
            log_host_error(n->log, LOG_NET, "net", "poll: %s",
                           strerror(errno));
        }
        if (wait_ns > 0) {
            waited = wall_ns() - t0;
        }
    }
    for (i = 0; i < n->n_be; i++) {
        if (n->be[i]->ops->dispatch) {
            n->be[i]->ops->dispatch(n->be[i], &ps);
        }
    }
    return waited;
}

bool net_in_flight(Net *n)
{
    unsigned i;

    for (i = 0; i < n->n_be; i++) {
        NetBackend *b = n->be[i];
        if (b->ops->in_flight && b->ops->in_flight(b) &&
            (!b->ops->talks_any_time || net_backend_active(b))) {
            return true;
        }
    }
    return false;
}

bool net_backend_active(const NetBackend *b)
{
    const Net *n = b->net;
    Cycles now = *n->events->now;

    return b->last_active &&
           now + 1 - b->last_active < n->hz / 1000 * NET_ACTIVE_MS;
}

/* At most this much wall time in one wait, so that the front end's wall
 * clock checks (--timeout, the console) still run often */
#define NET_WAIT_MAX_NS 50000000

Cycles net_idle_wait(Net *n, Cycles gap)
{
    int64_t gap_ns, want, waited, total, adv_ns;
    uint64_t before;
    Cycles c;

    if (!n->n_be || net_rx_pending(n) || !net_in_flight(n)) {
        n->wait_lag = 0;
        return gap;
    }
    gap_ns = (int64_t)(gap / n->hz * 1000000000u +
                       gap % n->hz * 1000000000u / n->hz);
    /* wall time already spent beyond what virtual time was given (a
     * wait overshoots by the host's timer slack) comes off this wait */
    want = gap_ns - n->wait_lag;
    if (want > NET_WAIT_MAX_NS) {
        want = NET_WAIT_MAX_NS;
    }
    before = n->delivered;
    waited = net_poll(n, want > 0 ? want : 0);
    n->host_waits++;
    n->host_wait_ns += (uint64_t)waited;
    total = n->wait_lag + waited;
    if (n->delivered == before && total >= gap_ns) {
        c = gap;                    /* nothing came: on to the event */
        adv_ns = gap_ns;
    } else {
        adv_ns = total < gap_ns ? total : gap_ns;
        c = net_ns_to_cycles(n, adv_ns);
    }
    n->wait_lag = total - adv_ns;
    if (n->wait_lag > NET_WAIT_MAX_NS) {
        n->wait_lag = NET_WAIT_MAX_NS;  /* the host stalled: let it go */
    }
    n->host_wait_cycles += c;
    return c;
}

/* ---- option strings ---- */

bool net_opt_get(const char *opts, const char *key, char *buf, size_t len)
{
    size_t kl = strlen(key);
    const char *p = opts;

    while (p && *p) {
        const char *e = strchr(p, ',');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        if (l >= kl && strncmp(p, key, kl) == 0 &&
            (l == kl || p[kl] == '=')) {
            size_t vl = l > kl ? l - kl - 1 : 0;
            if (len) {
                if (vl >= len) {
                    vl = len - 1;
                }
                memcpy(buf, p + kl + (l > kl), vl);
                buf[vl] = '\0';
            }
            return true;
        }
        p = e ? e + 1 : NULL;
    }
    return false;
}

bool net_opt_check(const char *opts, const char *const *keys, char *bad,
                   size_t badlen)
{
    const char *p = opts;

    while (p && *p) {
        const char *e = strchr(p, ',');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        const char *eq = memchr(p, '=', l);
        size_t kl = eq ? (size_t)(eq - p) : l;
        const char *const *k;
        bool ok = false;

        for (k = keys; *k; k++) {
            if (strlen(*k) == kl && strncmp(*k, p, kl) == 0) {
                ok = true;
                break;
            }
        }
        if (!ok && l) {
            /* (an item with no key at all, "=x", is refused too) */
            snprintf(bad, badlen, "%.*s", (int)(kl ? kl : l), p);
            return false;
        }
        p = e ? e + 1 : NULL;
    }
    return true;
}

int net_parse_hostport(const char *s, const char *def_host,
                       struct sockaddr_in *sa, char *err, size_t errlen)
{
    const char *colon = strrchr(s, ':');
    char host[256], *end;
    long port;

    memset(sa, 0, sizeof(*sa));
    sa->sin_family = AF_INET;
    if (!colon) {
        snprintf(err, errlen, "'%s': expected host:port", s);
        return -1;
    }
    snprintf(host, sizeof(host), "%.*s", (int)(colon - s), s);
    errno = 0;
    port = strtol(colon + 1, &end, 10);
    if (!colon[1] || *end || errno || port < 0 || port > 65535) {
        snprintf(err, errlen, "'%s': bad port", s);
        return -1;
    }
    sa->sin_port = htons((uint16_t)port);
    if (!host[0]) {
        snprintf(host, sizeof(host), "%s", def_host ? def_host : "0.0.0.0");
    }
    if (inet_pton(AF_INET, host, &sa->sin_addr) != 1) {
        struct addrinfo hints = { 0 }, *res = NULL;
        hints.ai_family = AF_INET;
        if (getaddrinfo(host, NULL, &hints, &res) != 0 || !res) {
            snprintf(err, errlen, "'%s': unknown host '%s'", s, host);
            return -1;
        }
        sa->sin_addr = ((struct sockaddr_in *)res->ai_addr)->sin_addr;
        freeaddrinfo(res);
    }
    return 0;
}
