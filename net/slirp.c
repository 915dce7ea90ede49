/*
 * -nic user / -netdev user: the guest's network is libslirp, a TCP/IP
 * stack in user space that answers DHCP, DNS and ARP for a private
 * network (10.0.2.0/24 by default: gateway and host 10.0.2.2, DNS
 * 10.0.2.3, the guest 10.0.2.15 onwards) and turns the guest's TCP and UDP
 * connections into host sockets.  No root, no host configuration.
 *
 * Options as qemu-system-sparc's: net=ADDR[/MASK], host=ADDR,
 * dhcpstart=ADDR, dns=ADDR, hostname=NAME, domainname=NAME,
 * restrict=on|off, hostfwd=[tcp|udp]:[HOSTADDR]:HOSTPORT-[GUESTADDR]:PORT
 * (repeatable), guestfwd=[tcp]:ADDR:PORT-cmd:COMMAND (repeatable).
 * Unlike QEMU, a hostfwd with no host address listens on 127.0.0.1 only:
 * a simulated machine is not put on the host's network by accident.
 *
 * Slirp's clock is the machine's virtual clock, its timers are events on
 * the machine's queue, its sockets are polled by net_poll.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <slirp/libslirp.h>

#include "net/net.h"

typedef struct SlirpTimer {
    Event ev;
    SlirpTimerCb cb;
    void *cb_opaque;
    struct UserNet *u;
} SlirpTimer;

typedef struct UserNet {
    NetBackend b;                   /* first: ops->free casts back */
    Slirp *slirp;
    Event poll_ev;                  /* slirp's own timeout (TCP timers) */
    const NetPollSet *ps;           /* during dispatch */
    int nfds;                       /* fds slirp waited on last time */
    int n_listen;                   /* of which: hostfwd listeners */
    uint8_t gather[NET_FRAME_MAX + 64];
} UserNet;

/* ---- slirp's callbacks ---- */

static ssize_t user_send_packet(const void *buf, size_t len, void *opaque)
{
    UserNet *u = opaque;
    net_deliver(&u->b, buf, len);
    return (ssize_t)len;
}

static void user_guest_error(const char *msg, void *opaque)
{
    UserNet *u = opaque;
    log_guest_error(u->b.net->log, LOG_NET, u->b.id, "%s", msg);
}

static int64_t user_clock_ns(void *opaque)
{
    UserNet *u = opaque;
    return net_now_ns(u->b.net);
}

static void user_timer_fire(void *opaque)
{
    SlirpTimer *t = opaque;
    t->cb(t->cb_opaque);
}

static void *user_timer_new(SlirpTimerCb cb, void *cb_opaque, void *opaque)
{
    SlirpTimer *t = calloc(1, sizeof(*t));

    if (t) {
        ev_init(&t->ev, "slirp-timer", user_timer_fire, t);
        t->cb = cb;
        t->cb_opaque = cb_opaque;
        t->u = opaque;
    }
    return t;
}

static void user_timer_free(void *timer, void *opaque)
{
    SlirpTimer *t = timer;
    UserNet *u = opaque;

    if (t) {
        ev_cancel(u->b.net->events, &t->ev);
        free(t);
    }
}

/* expire: in ms of the virtual clock */
static void user_timer_mod(void *timer, int64_t expire_ms, void *opaque)
{
    SlirpTimer *t = timer;
    Net *n = ((UserNet *)opaque)->b.net;
    int64_t now = net_now_ns(n), at = expire_ms * 1000000;

    if (!t) {
        return;
    }
    ev_after(n->events, &t->ev,
             at > now ? net_ns_to_cycles(n, at - now) : 0);
}

static void user_poll_fd(int fd, void *opaque)
{
    (void)fd;
    (void)opaque;                   /* fds are collected at every poll */
}

static void user_notify(void *opaque)
{
    (void)opaque;                   /* polled at every host slice anyway */
}

static const SlirpCb user_cb = {
    .send_packet = user_send_packet,
    .guest_error = user_guest_error,
    .clock_get_ns = user_clock_ns,
    .timer_new = user_timer_new,
    .timer_free = user_timer_free,
    .timer_mod = user_timer_mod,
    .register_poll_fd = user_poll_fd,
    .unregister_poll_fd = user_poll_fd,
    .notify = user_notify,
};

/* ---- the backend ---- */

/*
 * A frame from the guest.  slirp_input takes one buffer: a frame in one
 * run of guest RAM (one descriptor, not crossing a page that the IOMMU
 * maps elsewhere) goes in without a copy; a chained one is gathered first
 * (counted).
 */
static void user_send(NetBackend *b, const struct iovec *iov, int niov,
                      size_t len)
{
    UserNet *u = (UserNet *)b;
    size_t off = 0;
    int i;

    if (niov == 1) {
        slirp_input(u->slirp, iov[0].iov_base, (int)len);
        return;
    }
    if (len > sizeof(u->gather)) {
        b->dropped++;
        return;
    }
    for (i = 0; i < niov; i++) {
        memcpy(u->gather + off, iov[i].iov_base, iov[i].iov_len);
        off += iov[i].iov_len;
    }
    b->copied_bytes += len;
    slirp_input(u->slirp, u->gather, (int)len);
}

static int user_add_poll(int fd, int events, void *opaque)
{
    NetPollSet *ps = opaque;
    short ev = 0;

    if (events & SLIRP_POLL_IN) {
        ev |= POLLIN;
    }
    if (events & SLIRP_POLL_OUT) {
        ev |= POLLOUT;
    }
    if (events & SLIRP_POLL_PRI) {
        ev |= POLLPRI;
    }
    return net_poll_add(ps, fd, ev);
}

static int user_get_revents(int idx, void *opaque)
{
    const NetPollSet *ps = opaque;
    short r = net_poll_revents(ps, idx);
    int ev = 0;

    if (r & POLLIN) {
        ev |= SLIRP_POLL_IN;
    }
    if (r & POLLOUT) {
        ev |= SLIRP_POLL_OUT;
    }
    if (r & POLLPRI) {
        ev |= SLIRP_POLL_PRI;
    }
    if (r & (POLLERR | POLLNVAL)) {
        ev |= SLIRP_POLL_ERR;
    }
    if (r & POLLHUP) {
        ev |= SLIRP_POLL_HUP;
    }
    return ev;
}

static void user_poll_event(void *opaque)
{
    (void)opaque;                   /* the machine loop polls after it */
}

/* slirp's TCP timers want attention within timeout ms (2 while a delayed
 * ACK is due, 499 while connections live, 1000 otherwise): an event
 * then, so that an idle machine does not jump past them */
static void user_fill(NetBackend *b, NetPollSet *ps)
{
    UserNet *u = (UserNet *)b;
    uint32_t timeout = UINT32_MAX;
    int before = ps->n;
    Net *n = b->net;

    slirp_pollfds_fill(u->slirp, &timeout, user_add_poll, ps);
    u->nfds = ps->n - before;
    if (timeout < 1000) {
        Cycles at = *n->events->now +
                    net_ns_to_cycles(n, (int64_t)timeout * 1000000);
        if (!ev_pending(&u->poll_ev) || u->poll_ev.when > at) {
            ev_at(n->events, &u->poll_ev, at);
        }
    }
}

static void user_dispatch(NetBackend *b, const NetPollSet *ps)
{
    UserNet *u = (UserNet *)b;
    slirp_pollfds_poll(u->slirp, 0, user_get_revents, (void *)ps);
}

/* Host sockets other than the hostfwd listeners: a connection or a
 * datagram exchange with the host is open */
static bool user_in_flight(NetBackend *b)
{
    UserNet *u = (UserNet *)b;
    return u->nfds > u->n_listen;
}

static void user_free(NetBackend *b)
{
    UserNet *u = (UserNet *)b;

    if (u->slirp) {
        slirp_cleanup(u->slirp);
    }
    ev_cancel(b->net->events, &u->poll_ev);
    free(u);
}

static const NetBackendOps user_ops = {
    .type = "user",
    .send = user_send,
    .fill = user_fill,
    .dispatch = user_dispatch,
    .in_flight = user_in_flight,
    .free = user_free,
};

/* ---- options ---- */

static int parse_addr(const char *key, const char *v, struct in_addr *a,
                      char *err, size_t errlen)
{
    if (inet_pton(AF_INET, v, a) != 1) {
        snprintf(err, errlen, "user,%s=%s: not an IPv4 address", key, v);
        return -1;
    }
    return 0;
}

/* ADDR[/BITS] or ADDR/MASK */
static int parse_net(const char *v, struct in_addr *net, struct in_addr *mask,
                     char *err, size_t errlen)
{
    char a[256], *slash;

    snprintf(a, sizeof(a), "%s", v);
    slash = strchr(a, '/');
    mask->s_addr = htonl(0xffffff00u);
    if (slash) {
        char *end;
        long bits;
        *slash++ = '\0';
        bits = strtol(slash, &end, 10);
        if (!*end && end != slash) {
            if (bits < 1 || bits > 30) {
                snprintf(err, errlen, "user,net=%s: bad prefix length", v);
                return -1;
            }
            mask->s_addr = htonl(0xffffffffu << (32 - bits));
        } else if (parse_addr("net", slash, mask, err, errlen) < 0) {
            return -1;
        }
    }
    if (parse_addr("net", a, net, err, errlen) < 0) {
        return -1;
    }
    net->s_addr &= mask->s_addr;
    return 0;
}

/* [tcp|udp]:[HOSTADDR]:HOSTPORT-[GUESTADDR]:GUESTPORT */
static int add_hostfwd(UserNet *u, const char *spec, struct in_addr dhcp,
                       char *err, size_t errlen)
{
    char s[600], *dash, *guest, *host = s;
    struct sockaddr_in ha, ga;
    int udp = 0;

    snprintf(s, sizeof(s), "%s", spec);
    if (strncmp(s, "tcp:", 4) == 0) {
        host = s + 4;
    } else if (strncmp(s, "udp:", 4) == 0) {
        host = s + 4;
        udp = 1;
    } else if (s[0] != ':') {
        /* only the protocol may be left out, with its colon kept */
        snprintf(err, errlen, "user,hostfwd=%s: expected "
                 "[tcp|udp]:[hostaddr]:hostport-[guestaddr]:guestport", spec);
        return -1;
    } else {
        host = s + 1;
    }
    dash = strchr(host, '-');
    if (!dash) {
        snprintf(err, errlen, "user,hostfwd=%s: no '-' before the guest "
                 "side", spec);
        return -1;
    }
    *dash = '\0';
    guest = dash + 1;
    if (!strchr(host, ':') || !strchr(guest, ':')) {
        snprintf(err, errlen, "user,hostfwd=%s: expected "
                 "[tcp|udp]:[hostaddr]:hostport-[guestaddr]:guestport", spec);
        return -1;
    }
    if (net_parse_hostport(host, "127.0.0.1", &ha, err, errlen) < 0 ||
        net_parse_hostport(guest, "0.0.0.0", &ga, err, errlen) < 0) {
        char inner[200];
        snprintf(inner, sizeof(inner), "%s", err);
        snprintf(err, errlen, "user,hostfwd=%s: %s", spec, inner);
        return -1;
    }
    if (ga.sin_addr.s_addr == 0) {
        ga.sin_addr = dhcp;         /* the guest's first DHCP address */
    }
    if (slirp_add_hostfwd(u->slirp, udp, ha.sin_addr, ntohs(ha.sin_port),
                          ga.sin_addr, ntohs(ga.sin_port)) < 0) {
        snprintf(err, errlen, "user,hostfwd=%s: cannot listen on %s:%u: %s",
                 spec, inet_ntoa(ha.sin_addr), ntohs(ha.sin_port),
                 strerror(errno ? errno : EADDRINUSE));
        return -1;
    }
    u->n_listen++;
    return 0;
}

/* [tcp]:ADDR:PORT-cmd:COMMAND: a guest connection to ADDR:PORT runs
 * COMMAND with the connection on its stdin and stdout */
static int add_guestfwd(UserNet *u, const char *spec, char *err,
                        size_t errlen)
{
    char s[600], *dash, *at = s;
    struct sockaddr_in ga;

    snprintf(s, sizeof(s), "%s", spec);
    if (strncmp(at, "tcp:", 4) == 0) {
        at += 4;
    } else if (at[0] == ':') {
        at++;
    }
    dash = strchr(at, '-');
    if (!dash) {
        snprintf(err, errlen, "user,guestfwd=%s: expected "
                 "[tcp]:addr:port-cmd:command", spec);
        return -1;
    }
    *dash = '\0';
    if (strncmp(dash + 1, "cmd:", 4) != 0) {
        snprintf(err, errlen, "user,guestfwd=%s: only the cmd: form is "
                 "supported (there is no -chardev)", spec);
        return -1;
    }
    if (net_parse_hostport(at, NULL, &ga, err, errlen) < 0 ||
        !ga.sin_addr.s_addr) {
        snprintf(err, errlen, "user,guestfwd=%s: a guest address and port "
                 "are required", spec);
        return -1;
    }
    if (slirp_add_exec(u->slirp, dash + 5, &ga.sin_addr,
                       ntohs(ga.sin_port)) < 0) {
        snprintf(err, errlen, "user,guestfwd=%s: refused by slirp (the "
                 "address must be in the guest network)", spec);
        return -1;
    }
    return 0;
}

/* Each value of a repeatable key, in order */
static int for_each(const char *opts, const char *key, UserNet *u,
                    struct in_addr dhcp, char *err, size_t errlen)
{
    size_t kl = strlen(key);
    const char *p = opts;

    while (p && *p) {
        const char *e = strchr(p, ',');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        if (l > kl && strncmp(p, key, kl) == 0 && p[kl] == '=') {
            char v[512];
            int r;
            snprintf(v, sizeof(v), "%.*s", (int)(l - kl - 1), p + kl + 1);
            r = key[0] == 'h' ? add_hostfwd(u, v, dhcp, err, errlen)
                              : add_guestfwd(u, v, err, errlen);
            if (r < 0) {
                return -1;
            }
        }
        p = e ? e + 1 : NULL;
    }
    return 0;
}

NetBackend *net_user_new(Net *n, const char *id, const char *opts,
                         char *err, size_t errlen)
{
    static const char *const keys[] = {
        "net", "host", "dhcpstart", "dns", "hostname", "domainname",
        "restrict", "hostfwd", "guestfwd", "ipv4", "ipv6", NULL,
    };
    SlirpConfig cfg;
    UserNet *u;
    char v[256], bad[64], hostname[64] = "", domain[64] = "";
    uint32_t base;

    if (!net_opt_check(opts, keys, bad, sizeof(bad))) {
        snprintf(err, errlen, "user: unknown option '%s'", bad);
        return NULL;
    }
    memset(&cfg, 0, sizeof(cfg));
    cfg.version = 1;
    cfg.in_enabled = true;
    cfg.vnetwork.s_addr = htonl(0x0a000200u);      /* 10.0.2.0/24 */
    cfg.vnetmask.s_addr = htonl(0xffffff00u);
    if (net_opt_get(opts, "net", v, sizeof(v)) &&
        parse_net(v, &cfg.vnetwork, &cfg.vnetmask, err, errlen) < 0) {
        return NULL;
    }
    base = ntohl(cfg.vnetwork.s_addr);
    cfg.vhost.s_addr = htonl(base | 2);
    cfg.vnameserver.s_addr = htonl(base | 3);
    cfg.vdhcp_start.s_addr = htonl(base | 15);
    if ((net_opt_get(opts, "host", v, sizeof(v)) &&
         parse_addr("host", v, &cfg.vhost, err, errlen) < 0) ||
        (net_opt_get(opts, "dns", v, sizeof(v)) &&
         parse_addr("dns", v, &cfg.vnameserver, err, errlen) < 0) ||
        (net_opt_get(opts, "dhcpstart", v, sizeof(v)) &&
         parse_addr("dhcpstart", v, &cfg.vdhcp_start, err, errlen) < 0)) {
        return NULL;
    }
    {
        const struct in_addr *a[3] = { &cfg.vhost, &cfg.vnameserver,
                                       &cfg.vdhcp_start };
        static const char *const what[3] = { "host", "dns", "dhcpstart" };
        int i;
        for (i = 0; i < 3; i++) {
            if ((a[i]->s_addr & cfg.vnetmask.s_addr) != cfg.vnetwork.s_addr) {
                snprintf(err, errlen, "user,%s=%s: not in the guest network",
                         what[i], inet_ntoa(*a[i]));
                return NULL;
            }
        }
    }
    if (net_opt_get(opts, "restrict", v, sizeof(v))) {
        if (!strcmp(v, "on") || !strcmp(v, "yes") || !strcmp(v, "y") ||
            !v[0]) {
            cfg.restricted = 1;
        } else if (strcmp(v, "off") && strcmp(v, "no") && strcmp(v, "n")) {
            snprintf(err, errlen, "user,restrict=%s: on or off", v);
            return NULL;
        }
    }
    if (net_opt_get(opts, "ipv6", v, sizeof(v)) && strcmp(v, "off")) {
        snprintf(err, errlen, "user,ipv6=%s: the guest kernel has no IPv6; "
                 "only ipv6=off", v);
        return NULL;
    }
    if (net_opt_get(opts, "ipv4", v, sizeof(v)) && strcmp(v, "on")) {
        snprintf(err, errlen, "user,ipv4=%s: only ipv4=on", v);
        return NULL;
    }
    if (net_opt_get(opts, "hostname", hostname, sizeof(hostname))) {
        cfg.vhostname = hostname;
    }
    if (net_opt_get(opts, "domainname", domain, sizeof(domain))) {
        cfg.vdomainname = domain;
    }
    /* SIMPLIFY: no IPv6 (QEMU enables it; Linux here is built without) */
    cfg.in6_enabled = false;
    u = calloc(1, sizeof(*u));
    if (!u) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    u->b.ops = &user_ops;
    u->b.net = n;
    ev_init(&u->poll_ev, "slirp-poll", user_poll_event, u);
    u->slirp = slirp_new(&cfg, &user_cb, u);
    if (!u->slirp) {
        free(u);
        snprintf(err, errlen, "user: slirp refused the configuration");
        return NULL;
    }
    if (for_each(opts, "hostfwd", u, cfg.vdhcp_start, err, errlen) < 0 ||
        for_each(opts, "guestfwd", u, cfg.vdhcp_start, err, errlen) < 0 ||
        net_backend_add(n, &u->b, id, err, errlen) < 0) {
        user_free(&u->b);
        return NULL;
    }
    return &u->b;
}
