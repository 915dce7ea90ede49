/*
 * -netdev tap,id=ID,ifname=NAME[,script=no,downscript=no]: the guest's
 * frames go to a Linux TAP device (/dev/net/tun with IFF_TAP|IFF_NO_PI:
 * one Ethernet frame per read or write, no header), so the host sees the
 * SPARCstation as a machine on a bridge or a routed link.  Creating or
 * attaching a TAP needs CAP_NET_ADMIN (or a device made for this user
 * with `ip tuntap add ... user U`).
 *
 * Transmit is a vectored write gathered straight from guest RAM through
 * the machine's AIO context (IOCB_CMD_PWRITEV on the tap fd): no copy.
 * The tun driver completes such a write inside io_submit, so the request
 * is collected at once and the guest's buffers are never read after
 * net_send returns.  Receive: on readiness (net_poll), one frame per read.
 *
 * QEMU runs /etc/qemu-ifup unless script=no; this simulator runs no
 * scripts: script= and downscript= must be "no" (or absent), and the
 * interface is configured by the user.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/if.h>
#include <linux/if_tun.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "dma/aio.h"
#include "net/net.h"

typedef struct TapNet {
    NetBackend b;                   /* first: ops->free casts back */
    int fd;
    int idx;                        /* in the poll set */
    char ifname[IFNAMSIZ];
    AioCtx aio;                     /* the transmit path's own context */
    AioReq req;
    uint8_t buf[65536];             /* one received frame */
} TapNet;

static void tap_send(NetBackend *b, const struct iovec *iov, int niov,
                     size_t len)
{
    TapNet *t = (TapNet *)b;
    AioReq *r = &t->req;
    long res;

    if (niov > AIO_MAX_IOV) {
        b->dropped++;
        return;
    }
    aio_submit(&t->aio, r, t->fd, true, 0, iov, niov, false);
    aio_wait(&t->aio, r);
    res = r->res;
    if (res == -ESPIPE || res == -EINVAL) {
        /* no kernel AIO for this device (the synchronous fallback's
         * pwritev needs a seekable file): a plain gathering write */
        ssize_t w = writev(t->fd, iov, niov);
        res = w < 0 ? -errno : w;
    }
    if (res != (long)len) {
        /* the host dropped it (interface down: EIO); a wire loses
         * frames too */
        b->dropped++;
    }
}

static void tap_fill(NetBackend *b, NetPollSet *ps)
{
    TapNet *t = (TapNet *)b;
    t->idx = net_poll_add(ps, t->fd, POLLIN);
}

static void tap_dispatch(NetBackend *b, const NetPollSet *ps)
{
    TapNet *t = (TapNet *)b;
    int i;

    if (!(net_poll_revents(ps, t->idx) & POLLIN)) {
        return;
    }
    /* a bounded number per poll, so that a flood cannot starve the CPU */
    for (i = 0; i < 64; i++) {
        struct iovec iov[16];
        int niov = net_rx_map(b, iov, 16);
        ssize_t n;

        if (niov < 0) {
            return;     /* the NIC is busy: the frame waits in the host */
        }
        if (niov > 0) {
            /* straight into the guest's receive buffers; a frame longer
             * than them is cut (the NIC's limit, LANCE_FRAME_MAX) */
            n = readv(t->fd, iov, niov);
            net_rx_commit(b, iov, niov, n > 0 ? (size_t)n : 0);
            if (n <= 0) {
                if (n < 0 && errno != EAGAIN && errno != EINTR) {
                    log_host_error(b->net->log, LOG_NET, b->id,
                                   "read %s: %s", t->ifname,
                                   strerror(errno));
                }
                return;
            }
            continue;
        }
        n = read(t->fd, t->buf, sizeof(t->buf));
        if (n <= 0) {
            if (n < 0 && errno != EAGAIN && errno != EINTR) {
                log_host_error(b->net->log, LOG_NET, b->id, "read %s: %s",
                               t->ifname, strerror(errno));
            }
            return;
        }
        net_deliver(b, t->buf, (size_t)n);
    }
}

/* The host may send at any time (talks_any_time: counted only in a
 * conversation) */
static bool tap_in_flight(NetBackend *b)
{
    (void)b;
    return true;
}

static void tap_free(NetBackend *b)
{
    TapNet *t = (TapNet *)b;

    aio_ctx_free(&t->aio);
    if (t->fd >= 0) {
        close(t->fd);
    }
    free(t);
}

static const NetBackendOps tap_ops = {
    .type = "tap",
    .send = tap_send,
    .fill = tap_fill,
    .dispatch = tap_dispatch,
    .in_flight = tap_in_flight,
    .talks_any_time = true,
    .free = tap_free,
};

NetBackend *net_tap_new(Net *n, const char *id, const char *opts,
                        char *err, size_t errlen)
{
    static const char *const keys[] = {
        "ifname", "script", "downscript", "vhost", NULL,
    };
    char v[64], bad[64];
    struct ifreq ifr;
    TapNet *t;

    if (!net_opt_check(opts, keys, bad, sizeof(bad))) {
        snprintf(err, errlen, "tap: unknown option '%s'", bad);
        return NULL;
    }
    if ((net_opt_get(opts, "script", v, sizeof(v)) && strcmp(v, "no")) ||
        (net_opt_get(opts, "downscript", v, sizeof(v)) && strcmp(v, "no"))) {
        snprintf(err, errlen, "tap: scripts are not run; give script=no,"
                 "downscript=no and configure the interface yourself");
        return NULL;
    }
    if (net_opt_get(opts, "vhost", v, sizeof(v)) && strcmp(v, "off")) {
        snprintf(err, errlen, "tap: vhost=%s: there is no vhost-net here",
                 v);
        return NULL;
    }
    t = calloc(1, sizeof(*t));
    if (!t) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    t->b.ops = &tap_ops;
    t->idx = -1;
    aio_ctx_init_sync(&t->aio);     /* (so that tap_free closes no fd 0) */
    t->fd = open("/dev/net/tun", O_RDWR | O_NONBLOCK | O_CLOEXEC);
    if (t->fd < 0) {
        snprintf(err, errlen, "tap: cannot open /dev/net/tun: %s",
                 strerror(errno));
        free(t);
        return NULL;
    }
    memset(&ifr, 0, sizeof(ifr));
    ifr.ifr_flags = IFF_TAP | IFF_NO_PI;
    if (net_opt_get(opts, "ifname", v, sizeof(v))) {
        if (strlen(v) >= IFNAMSIZ) {
            snprintf(err, errlen, "tap,ifname=%s: at most %d characters", v,
                     IFNAMSIZ - 1);
            tap_free(&t->b);
            return NULL;
        }
        snprintf(ifr.ifr_name, IFNAMSIZ, "%s", v);
    }
    if (ioctl(t->fd, TUNSETIFF, &ifr) < 0) {
        snprintf(err, errlen, "tap: cannot attach to %s: %s%s",
                 ifr.ifr_name[0] ? ifr.ifr_name : "a new TAP device",
                 strerror(errno), errno == EPERM ?
                 " (needs CAP_NET_ADMIN or `ip tuntap add ... user $USER`)" :
                 "");
        tap_free(&t->b);
        return NULL;
    }
    snprintf(t->ifname, sizeof(t->ifname), "%s", ifr.ifr_name);
    aio_ctx_free(&t->aio);
    if (aio_ctx_init(&t->aio) < 0) {
        aio_ctx_init_sync(&t->aio);
    }
    if (net_backend_add(n, &t->b, id, err, errlen) < 0) {
        tap_free(&t->b);
        return NULL;
    }
    return &t->b;
}
