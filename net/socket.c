/*
 * The socket backend: frames to and from another simulator (or a
 * qemu-system-sparc) over a host socket, with QEMU's -net socket syntax:
 *
 *     socket,listen=[host]:port       TCP, wait for one peer
 *     socket,connect=host:port        TCP, to a listening peer
 *     socket,mcast=maddr:port[,localaddr=addr]
 *                                     UDP multicast group: a shared wire
 *     socket,udp=host:port,localaddr=host:port
 *                                     UDP unicast between two ends
 *
 * The wire formats (QEMU's, so either end may be a QEMU):
 *
 * - TCP carries a byte stream, so each frame is preceded by its length,
 *   4 bytes big-endian, then the frame (Ethernet header on, no FCS, no
 *   padding added).  QEMU treats a length of 0 or above its buffer as a
 *   broken stream; we refuse 0 and anything above 65536 and drop the
 *   connection, since there is no way to find the next frame boundary.
 *   A frame may arrive in pieces across reads, and one read may hold
 *   many frames.
 * - UDP (unicast and multicast) carries one frame per datagram, no
 *   length prefix.
 * - Multicast: every end binds the group address and port with
 *   SO_REUSEADDR (so several simulators on one host can share the group)
 *   and keeps IP_MULTICAST_LOOP on (so they hear each other).  The
 *   consequence, as in QEMU, is that an end also hears its own frames;
 *   the NIC's address filter throws most of them away (broadcasts come
 *   back, as on a real hub with a reflecting bridge).
 *
 * Our differences from QEMU:
 *
 * - listen=:port (host empty) binds 127.0.0.1, not 0.0.0.0: a simulator
 *   should not open a port to the whole network unless asked to.
 *   listen=0.0.0.0:port does what QEMU does.
 * - While a peer is connected the listening socket is not watched, so a
 *   second peer stays pending in the backlog (QEMU does the same); when
 *   the first one goes away, the next one is accepted.
 * - TCP_NODELAY is set on the stream: a frame is a whole message, and
 *   Nagle's algorithm would hold back small frames (ARP, TCP ACKs of the
 *   guest) behind unacknowledged ones.
 * - When the host cannot take a frame at once (socket buffer full), the
 *   frame is lost and counted in `dropped`, as on a congested wire.  On
 *   TCP a frame the kernel took only in part is finished from a copy of
 *   its tail (counted in `copied_bytes`) before anything else is sent,
 *   so the stream never loses its framing.
 * - Frames longer than NET_FRAME_MAX from the peer are consumed and
 *   dropped (counted), never handed to the NIC.
 *
 * In connect= mode a connection that ends stays ended (QEMU's -net socket
 * does not reconnect either); listen= goes back to listening.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "net/net.h"

/* The largest frame length the stream format allows (QEMU's limit) */
#define SOCK_LEN_MAX 65536u
/* Bytes read from the stream at once, and reads per dispatch */
#define SOCK_READ_CHUNK 16384u
#define SOCK_READS_MAX 4
/* Datagrams read per dispatch */
#define SOCK_DGRAMS_MAX 64
/* Frames gathered without copying: the 4-byte header plus this many */
#define SOCK_IOV_MAX 64

typedef enum SockMode {
    SOCK_LISTEN,
    SOCK_CONNECT,
    SOCK_MCAST,
    SOCK_UDP,
} SockMode;

typedef struct SockBackend {
    NetBackend b;                   /* first: the generic part */
    SockMode mode;
    char desc[96];                  /* "listen=:1234", for messages */
    int lfd;                        /* listening socket, or -1 */
    int fd;                         /* the stream or datagram socket */
    struct sockaddr_in dst;         /* datagram destination */
    /* the poll set indices handed out by the last fill */
    int lfd_idx, fd_idx;
    /* receiving a stream: the length prefix, then the frame */
    uint8_t hdr[4];
    unsigned hdr_got;
    uint32_t frame_len;             /* 0: reading the prefix */
    uint32_t frame_got;             /* bytes of the frame held in rx */
    uint8_t *rx;                    /* SOCK_LEN_MAX: frame or datagram */
    uint8_t *chunk;                 /* SOCK_READ_CHUNK: one stream read */
    /* sending a stream: the tail of a frame the kernel took in part */
    uint8_t *tx;
    size_t tx_len, tx_off, tx_cap;
} SockBackend;

static const char *sock_who(const SockBackend *s)
{
    return s->b.id[0] ? s->b.id : "socket";
}

static bool sock_stream(const SockBackend *s)
{
    return s->mode == SOCK_LISTEN || s->mode == SOCK_CONNECT;
}

static void sock_trace(SockBackend *s, const char *what)
{
    Log *log = s->b.net ? s->b.net->log : NULL;
    if (log_tracing(log, LOG_NET)) {
        log_trace(log, LOG_NET, sock_who(s), "socket,%s: %s", s->desc, what);
    }
}

static void sock_reset_stream(SockBackend *s)
{
    s->hdr_got = 0;
    s->frame_len = 0;
    s->frame_got = 0;
    s->tx_len = s->tx_off = 0;
}

/* The stream ended (peer closed, host error, broken framing) */
static void sock_disconnect(SockBackend *s, const char *why)
{
    if (s->fd >= 0) {
        close(s->fd);
        s->fd = -1;
    }
    sock_reset_stream(s);
    sock_trace(s, why);
}

/* ---- sending ---- */

/* Write what is left of a partly sent frame; true when nothing is left.
 * A host error ends the connection. */
static bool sock_flush(SockBackend *s)
{
    while (s->tx_off < s->tx_len) {
        ssize_t r = send(s->fd, s->tx + s->tx_off, s->tx_len - s->tx_off,
                         MSG_DONTWAIT | MSG_NOSIGNAL);
        if (r < 0) {
            if (errno == EINTR) {
                continue;
            }
            if (errno == EAGAIN || errno == EWOULDBLOCK) {
                return false;
            }
            log_host_error(s->b.net->log, LOG_NET, sock_who(s),
                           "socket,%s: send: %s", s->desc, strerror(errno));
            sock_disconnect(s, "send failed");
            return false;
        }
        s->tx_off += (size_t)r;
    }
    s->tx_len = s->tx_off = 0;
    return true;
}

/* Keep the bytes of iov past `done` to be sent before anything else */
static bool sock_keep_tail(SockBackend *s, const struct iovec *iov, int niov,
                           size_t total, size_t done)
{
    size_t need = total - done, at = 0;
    int i;

    if (need > s->tx_cap) {
        uint8_t *p = realloc(s->tx, need);
        if (!p) {
            return false;
        }
        s->tx = p;
        s->tx_cap = need;
    }
    for (i = 0; i < niov; i++) {
        size_t l = iov[i].iov_len;
        const uint8_t *base = iov[i].iov_base;
        if (done >= l) {
            done -= l;
            continue;
        }
        memcpy(s->tx + at, base + done, l - done);
        at += l - done;
        done = 0;
    }
    s->tx_len = at;
    s->tx_off = 0;
    s->b.copied_bytes += at;
    return true;
}

static void sock_send_stream(SockBackend *s, const struct iovec *iov,
                             int niov, size_t len)
{
    struct iovec v[SOCK_IOV_MAX + 1];
    struct msghdr m;
    uint8_t hdr[4];
    uint8_t *flat = NULL;
    size_t total = len + 4;
    ssize_t r;
    int n, i;

    if (s->fd < 0 || (s->tx_len && !sock_flush(s)) || s->fd < 0) {
        s->b.dropped++;             /* no peer, or still busy: lost */
        return;
    }
    if (len == 0 || len > SOCK_LEN_MAX) {
        s->b.dropped++;             /* the peer would take it as garbage */
        return;
    }
    hdr[0] = (uint8_t)(len >> 24);
    hdr[1] = (uint8_t)(len >> 16);
    hdr[2] = (uint8_t)(len >> 8);
    hdr[3] = (uint8_t)len;
    v[0].iov_base = hdr;
    v[0].iov_len = 4;
    if (niov <= SOCK_IOV_MAX) {
        for (i = 0; i < niov; i++) {
            v[i + 1] = iov[i];
        }
        n = niov + 1;
    } else {
        /* more pieces than we gather at once: one copy */
        size_t at = 0;
        flat = malloc(len ? len : 1);
        if (!flat) {
            s->b.dropped++;
            return;
        }
        for (i = 0; i < niov; i++) {
            memcpy(flat + at, iov[i].iov_base, iov[i].iov_len);
            at += iov[i].iov_len;
        }
        s->b.copied_bytes += len;
        v[1].iov_base = flat;
        v[1].iov_len = len;
        n = 2;
    }
    memset(&m, 0, sizeof(m));
    m.msg_iov = v;
    m.msg_iovlen = (size_t)n;
    do {
        r = sendmsg(s->fd, &m, MSG_DONTWAIT | MSG_NOSIGNAL);
    } while (r < 0 && errno == EINTR);
    if (r < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK) {
            s->b.dropped++;
        } else {
            log_host_error(s->b.net->log, LOG_NET, sock_who(s),
                           "socket,%s: send: %s", s->desc, strerror(errno));
            s->b.dropped++;
            sock_disconnect(s, "send failed");
        }
    } else {
        if ((size_t)r < total && !sock_keep_tail(s, v, n, total, (size_t)r)) {
            /* no memory for the tail: the stream cannot be kept whole */
            log_host_error(s->b.net->log, LOG_NET, sock_who(s),
                           "socket,%s: out of memory", s->desc);
            sock_disconnect(s, "out of memory");
        }
    }
    free(flat);
}

static void sock_send_dgram(SockBackend *s, const struct iovec *iov,
                            int niov)
{
    struct msghdr m;
    ssize_t r;

    memset(&m, 0, sizeof(m));
    m.msg_name = &s->dst;
    m.msg_namelen = sizeof(s->dst);
    m.msg_iov = (struct iovec *)iov;
    m.msg_iovlen = (size_t)niov;
    do {
        r = sendmsg(s->fd, &m, MSG_DONTWAIT | MSG_NOSIGNAL);
    } while (r < 0 && errno == EINTR);
    if (r < 0) {
        /* EAGAIN, ENOBUFS, a refused port: the frame is lost */
        s->b.dropped++;
    }
}

/* net_send has counted the frame in tx_frames/tx_bytes; what the host
 * does not take is counted here in dropped */
static void sock_send(NetBackend *b, const struct iovec *iov, int niov,
                      size_t len)
{
    SockBackend *s = (SockBackend *)b;
    if (sock_stream(s)) {
        sock_send_stream(s, iov, niov, len);
    } else {
        sock_send_dgram(s, iov, niov);
    }
}

/* ---- receiving ---- */

static void sock_deliver(SockBackend *s, const uint8_t *frame, size_t len)
{
    if (len > NET_FRAME_MAX) {
        s->b.dropped++;
        return;
    }
    net_deliver(&s->b, frame, len);
}

/* Take n stream bytes; false if the framing broke (connection dropped) */
static bool sock_parse(SockBackend *s, const uint8_t *p, size_t n)
{
    while (n) {
        if (s->frame_len == 0) {
            /* the 4-byte big-endian length prefix */
            while (n && s->hdr_got < 4) {
                s->hdr[s->hdr_got++] = *p++;
                n--;
            }
            if (s->hdr_got < 4) {
                break;
            }
            s->hdr_got = 0;
            s->frame_len = (uint32_t)s->hdr[0] << 24 |
                           (uint32_t)s->hdr[1] << 16 |
                           (uint32_t)s->hdr[2] << 8 | s->hdr[3];
            s->frame_got = 0;
            if (s->frame_len == 0 || s->frame_len > SOCK_LEN_MAX) {
                log_host_error(s->b.net->log, LOG_NET, sock_who(s),
                               "socket,%s: frame length %u from the peer; "
                               "connection dropped", s->desc,
                               (unsigned)s->frame_len);
                sock_disconnect(s, "bad frame length");
                return false;
            }
            continue;
        }
        if (s->frame_got == 0 && n >= s->frame_len) {
            /* the whole frame is in this read: no copy */
            size_t l = s->frame_len;
            s->frame_len = 0;
            sock_deliver(s, p, l);
            p += l;
            n -= l;
            continue;
        }
        {
            size_t want = s->frame_len - s->frame_got;
            size_t take = n < want ? n : want;
            memcpy(s->rx + s->frame_got, p, take);
            s->frame_got += (uint32_t)take;
            p += take;
            n -= take;
            if (s->frame_got == s->frame_len) {
                size_t l = s->frame_len;
                s->frame_len = 0;
                s->frame_got = 0;
                sock_deliver(s, s->rx, l);
            }
        }
    }
    return true;
}

static void sock_read_stream(SockBackend *s)
{
    int i;
    for (i = 0; i < SOCK_READS_MAX && s->fd >= 0; i++) {
        ssize_t r = recv(s->fd, s->chunk, SOCK_READ_CHUNK, MSG_DONTWAIT);
        if (r < 0) {
            if (errno == EINTR) {
                continue;
            }
            if (errno != EAGAIN && errno != EWOULDBLOCK) {
                log_host_error(s->b.net->log, LOG_NET, sock_who(s),
                               "socket,%s: recv: %s", s->desc,
                               strerror(errno));
                sock_disconnect(s, "recv failed");
            }
            return;
        }
        if (r == 0) {
            sock_disconnect(s, "peer closed the connection");
            return;
        }
        if (!sock_parse(s, s->chunk, (size_t)r) ||
            (size_t)r < SOCK_READ_CHUNK) {
            return;
        }
    }
}

static void sock_read_dgrams(SockBackend *s)
{
    int i;
    for (i = 0; i < SOCK_DGRAMS_MAX; i++) {
        ssize_t r = recv(s->fd, s->rx, SOCK_LEN_MAX, MSG_DONTWAIT);
        if (r < 0) {
            if (errno == EINTR) {
                continue;
            }
            /* EAGAIN: done; an ICMP error reported late: nothing to read */
            return;
        }
        if (r > 0) {
            sock_deliver(s, s->rx, (size_t)r);
        }
    }
}

static void sock_accept(SockBackend *s)
{
    int fd, one = 1;

    fd = accept4(s->lfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) {
        return;                     /* gone again, or EAGAIN */
    }
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    s->fd = fd;
    sock_reset_stream(s);
    sock_trace(s, "peer connected");
}

/* The revents of fd at index i, if the poll set still has fd there */
static short sock_revents(const NetPollSet *ps, int i, int fd)
{
    if (i < 0 || fd < 0 || i >= ps->n || ps->fds[i].fd != fd) {
        return 0;
    }
    return net_poll_revents(ps, i);
}

static void sock_fill(NetBackend *b, NetPollSet *ps)
{
    SockBackend *s = (SockBackend *)b;
    short ev;

    s->lfd_idx = s->fd_idx = -1;
    if (s->fd >= 0) {
        ev = POLLIN;
        if (s->tx_len) {
            ev |= POLLOUT;
        }
        s->fd_idx = net_poll_add(ps, s->fd, ev);
    } else if (s->lfd >= 0) {
        s->lfd_idx = net_poll_add(ps, s->lfd, POLLIN);
    }
}

static void sock_dispatch(NetBackend *b, const NetPollSet *ps)
{
    SockBackend *s = (SockBackend *)b;
    short re;

    re = sock_revents(ps, s->fd_idx, s->fd);
    if (re) {
        if (!sock_stream(s)) {
            sock_read_dgrams(s);
        } else {
            if ((re & POLLOUT) && s->tx_len) {
                sock_flush(s);
            }
            if (s->fd >= 0 && (re & (POLLIN | POLLHUP | POLLERR))) {
                sock_read_stream(s);
            }
        }
    }
    if (s->lfd >= 0 && s->fd < 0 && (sock_revents(ps, s->lfd_idx, s->lfd) &
                                     (POLLIN | POLLERR | POLLHUP))) {
        sock_accept(s);
    }
    s->lfd_idx = s->fd_idx = -1;
}

static bool sock_in_flight(NetBackend *b)
{
    SockBackend *s = (SockBackend *)b;
    /* a datagram peer may speak at any time; a stream only when up.
     * While there is a peer the machine waits for it 1:1 when idle: two
     * simulators on a LAN then keep to one time base (and an idle one
     * does not spin through virtual time at full CPU, starving the
     * other). */
    return s->fd >= 0;
}

static void sock_free(NetBackend *b)
{
    SockBackend *s = (SockBackend *)b;
    if (!s) {
        return;
    }
    if (s->fd >= 0) {
        close(s->fd);
    }
    if (s->lfd >= 0) {
        close(s->lfd);
    }
    free(s->rx);
    free(s->chunk);
    free(s->tx);
    free(s);
}

static const NetBackendOps sock_ops = {
    .type = "socket",
    .send = sock_send,
    .fill = sock_fill,
    .dispatch = sock_dispatch,
    .in_flight = sock_in_flight,
    .free = sock_free,
};

/* ---- construction ---- */

/* net_parse_hostport's reason without its "'value': " (we name it) */
static const char *sock_reason(const char *why)
{
    const char *p = why[0] == '\'' ? strstr(why, "': ") : NULL;
    return p ? p + 3 : why;
}

static int sock_fail(SockBackend *s, char *err, size_t errlen,
                     const char *what)
{
    snprintf(err, errlen, "socket,%s: %s", s->desc, what);
    return -1;
}

static int sock_open_listen(SockBackend *s, const struct sockaddr_in *sa,
                            char *err, size_t errlen)
{
    int one = 1;

    s->lfd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (s->lfd < 0) {
        return sock_fail(s, err, errlen, strerror(errno));
    }
    setsockopt(s->lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    if (bind(s->lfd, (const struct sockaddr *)sa, sizeof(*sa)) < 0 ||
        listen(s->lfd, 1) < 0) {
        return sock_fail(s, err, errlen, strerror(errno));
    }
    return 0;
}

static int sock_open_connect(SockBackend *s, const struct sockaddr_in *sa,
                             char *err, size_t errlen)
{
    int one = 1, r;

    s->fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (s->fd < 0) {
        return sock_fail(s, err, errlen, strerror(errno));
    }
    do {
        r = connect(s->fd, (const struct sockaddr *)sa, sizeof(*sa));
    } while (r < 0 && errno == EINTR);
    if (r < 0) {
        return sock_fail(s, err, errlen, strerror(errno));
    }
    setsockopt(s->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    if (fcntl(s->fd, F_SETFL, fcntl(s->fd, F_GETFL) | O_NONBLOCK) < 0) {
        return sock_fail(s, err, errlen, strerror(errno));
    }
    return 0;
}

static int sock_open_mcast(SockBackend *s, const struct sockaddr_in *group,
                           const char *local, char *err, size_t errlen)
{
    struct ip_mreq mr;
    struct in_addr ifaddr = { .s_addr = htonl(INADDR_ANY) };
    int one = 1;
    unsigned char loop = 1;

    if (!IN_MULTICAST(ntohl(group->sin_addr.s_addr))) {
        return sock_fail(s, err, errlen, "not a multicast address");
    }
    if (local && inet_pton(AF_INET, local, &ifaddr) != 1) {
        snprintf(err, errlen, "socket,localaddr=%s: bad address", local);
        return -1;
    }
    s->fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (s->fd < 0) {
        return sock_fail(s, err, errlen, strerror(errno));
    }
    setsockopt(s->fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    /* bound to the group itself: only the group's datagrams come in */
    if (bind(s->fd, (const struct sockaddr *)group, sizeof(*group)) < 0) {
        return sock_fail(s, err, errlen, strerror(errno));
    }
    memset(&mr, 0, sizeof(mr));
    mr.imr_multiaddr = group->sin_addr;
    mr.imr_interface = ifaddr;
    if (setsockopt(s->fd, IPPROTO_IP, IP_ADD_MEMBERSHIP, &mr,
                   sizeof(mr)) < 0) {
        return sock_fail(s, err, errlen, strerror(errno));
    }
    if (setsockopt(s->fd, IPPROTO_IP, IP_MULTICAST_LOOP, &loop,
                   sizeof(loop)) < 0) {
        return sock_fail(s, err, errlen, strerror(errno));
    }
    if (local && setsockopt(s->fd, IPPROTO_IP, IP_MULTICAST_IF, &ifaddr,
                            sizeof(ifaddr)) < 0) {
        return sock_fail(s, err, errlen, strerror(errno));
    }
    s->dst = *group;
    return 0;
}

static int sock_open_udp(SockBackend *s, const struct sockaddr_in *local,
                         const char *local_s, char *err, size_t errlen)
{
    int one = 1;

    s->fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (s->fd < 0) {
        return sock_fail(s, err, errlen, strerror(errno));
    }
    setsockopt(s->fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    if (bind(s->fd, (const struct sockaddr *)local, sizeof(*local)) < 0) {
        snprintf(err, errlen, "socket,localaddr=%s: %s", local_s,
                 strerror(errno));
        return -1;
    }
    return 0;
}

static const char *const sock_keys[] = {
    "id", "listen", "connect", "mcast", "udp", "localaddr", NULL,
};

static const char *const sock_mode_keys[] = {
    [SOCK_LISTEN] = "listen", [SOCK_CONNECT] = "connect",
    [SOCK_MCAST] = "mcast", [SOCK_UDP] = "udp",
};

NetBackend *net_socket_new(Net *n, const char *id, const char *opts,
                           char *err, size_t errlen)
{
    SockBackend *s;
    struct sockaddr_in sa, la;
    char val[80], local[80], bad[32], why[128];
    bool has_local;
    int mode = -1, i, r;

    if (!opts) {
        opts = "";
    }
    if (!net_opt_check(opts, sock_keys, bad, sizeof(bad))) {
        snprintf(err, errlen, "socket: unknown option '%s'", bad);
        return NULL;
    }
    for (i = 0; i <= SOCK_UDP; i++) {
        char tmp[80];
        if (net_opt_get(opts, sock_mode_keys[i], tmp, sizeof(tmp))) {
            if (mode >= 0) {
                snprintf(err, errlen, "socket: only one of listen=, "
                         "connect=, mcast=, udp= may be given");
                return NULL;
            }
            mode = i;
            snprintf(val, sizeof(val), "%s", tmp);
        }
    }
    if (mode < 0) {
        snprintf(err, errlen,
                 "socket: one of listen=, connect=, mcast=, udp= is required");
        return NULL;
    }
    has_local = net_opt_get(opts, "localaddr", local, sizeof(local));
    if (has_local && (mode == SOCK_LISTEN || mode == SOCK_CONNECT)) {
        snprintf(err, errlen,
                 "socket: localaddr= goes only with mcast= or udp=");
        return NULL;
    }
    if (!has_local && mode == SOCK_UDP) {
        snprintf(err, errlen, "socket,udp=%s: localaddr= is required", val);
        return NULL;
    }

    s = calloc(1, sizeof(*s));
    if (!s) {
        snprintf(err, errlen, "socket: out of memory");
        return NULL;
    }
    s->b.ops = &sock_ops;
    s->b.net = n;
    s->mode = (SockMode)mode;
    s->lfd = s->fd = -1;
    s->lfd_idx = s->fd_idx = -1;
    snprintf(s->desc, sizeof(s->desc), "%s=%s", sock_mode_keys[mode], val);

    /* an empty host: ours only, 127.0.0.1 (QEMU's listen= binds 0.0.0.0);
     * mcast= needs a group, and 0.0.0.0 is refused as not one */
    if (net_parse_hostport(val, mode == SOCK_MCAST ? "0.0.0.0" : "127.0.0.1",
                           &sa, why, sizeof(why)) != 0) {
        sock_fail(s, err, errlen, sock_reason(why));
        sock_free(&s->b);
        return NULL;
    }
    s->rx = malloc(SOCK_LEN_MAX);
    if (sock_stream(s)) {
        s->chunk = malloc(SOCK_READ_CHUNK);
    }
    if (!s->rx || (sock_stream(s) && !s->chunk)) {
        snprintf(err, errlen, "socket: out of memory");
        sock_free(&s->b);
        return NULL;
    }
    switch (s->mode) {
    case SOCK_LISTEN:
        r = sock_open_listen(s, &sa, err, errlen);
        break;
    case SOCK_CONNECT:
        r = sock_open_connect(s, &sa, err, errlen);
        break;
    case SOCK_MCAST:
        r = sock_open_mcast(s, &sa, has_local ? local : NULL, err, errlen);
        break;
    default:
        if (net_parse_hostport(local, "127.0.0.1", &la, why,
                               sizeof(why)) != 0) {
            snprintf(err, errlen, "socket,localaddr=%s: %s", local,
                     sock_reason(why));
            r = -1;
            break;
        }
        s->dst = sa;
        r = sock_open_udp(s, &la, local, err, errlen);
        break;
    }
    if (r != 0) {
        sock_free(&s->b);
        return NULL;
    }
    if (net_backend_add(n, &s->b, id, err, errlen) != 0) {
        sock_free(&s->b);
        return NULL;
    }
    return &s->b;
}
