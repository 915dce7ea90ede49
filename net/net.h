/*
 * The machine's network: host backends on one side, the NIC (the Lance)
 * on the other, frames in between.  This is the last part of the DMA
 * chain for Ethernet:
 *
 *     Lance -> ledma -> IOMMU -> memory -> backend -> host network
 *
 * The Lance maps a frame's buffers through the chain into host iovecs that
 * point into guest RAM and hands them to net_send; the backend writes them
 * to the host (libslirp, a TAP device, a socket to another simulator).
 * The other way, a backend hands net_deliver a frame it read from the
 * host; the NIC stores it through the chain into its receive ring, or
 * says it cannot yet (no free receive buffer, the wire is busy), and the
 * frame waits in this layer's queue (a counted copy) until the NIC asks
 * for more (net_nic_ready).
 *
 * Time.  Backends read the virtual clock (net_now_ns) for their own
 * timers (slirp's TCP timers are events on the machine's queue) and for
 * pcap time stamps.  The idle rule is net_idle_wait's.
 */
#ifndef NET_NET_H
#define NET_NET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/uio.h>

#include "hw/core/event.h"
#include "hw/core/log.h"

#define NET_FRAME_MAX 1518u         /* Ethernet, FCS included */
#define NET_MAX_BACKENDS 8
#define NET_MAX_FDS 256             /* host fds waited on at once */
#define NET_QUEUE_MAX 512           /* frames held for a busy NIC */

typedef struct Net Net;
typedef struct NetBackend NetBackend;
typedef struct NetDump NetDump;

/* What the NIC answers to a frame offered to it */
typedef enum NetRx {
    NET_RX_TAKEN,                   /* stored (or dropped by its filter) */
    NET_RX_BUSY,                    /* not now: keep it, offer it again */
} NetRx;

/* The NIC side (one per machine: the SS-5 has one Lance).  receive: a
 * frame without FCS, valid only during the call. */
typedef struct NetNic {
    NetRx (*receive)(void *opaque, const uint8_t *frame, size_t len);
    /* a frame for the NIC was lost (the queue was full): MISS */
    void (*missed)(void *opaque);
    /* Zero-copy receive (may be NULL): host iovecs of the NIC's next
     * receive buffers (>0: their count), 0 if only the copying receive
     * applies now, -1 if the NIC cannot take a frame now; then the frame
     * of len bytes (no FCS) read into them. */
    int (*rx_map)(void *opaque, struct iovec *iov, int max);
    void (*rx_commit)(void *opaque, size_t len);
    void *opaque;
} NetNic;

/* The host fds a backend waits on, between two polls */
typedef struct NetPollSet {
    struct pollfd *fds;
    int n, max;
} NetPollSet;

/* Add fd with POLLIN/POLLOUT... events; returns its index, -1 if full. */
int net_poll_add(NetPollSet *ps, int fd, short events);
/* revents of the fd at index i (0 for a bad index) */
short net_poll_revents(const NetPollSet *ps, int i);

typedef struct NetBackendOps {
    const char *type;               /* "user", "tap", "socket" */
    /* A frame from the guest, without FCS, in host iovecs that point into
     * guest RAM; they are valid only during the call.  len = their sum. */
    void (*send)(NetBackend *b, const struct iovec *iov, int niov,
                 size_t len);
    /* Add the fds to wait on (may be NULL). */
    void (*fill)(NetBackend *b, NetPollSet *ps);
    /* After the wait: handle what is ready, net_deliver what arrived. */
    void (*dispatch)(NetBackend *b, const NetPollSet *ps);
    /* The guest has traffic outstanding with the host (a connection
     * open, a peer connected): an idle machine waits for the host rather
     * than jumping ahead in virtual time.  NULL: never. */
    bool (*in_flight)(NetBackend *b);
    void (*free)(NetBackend *b);
    /* The host side may speak at any time (a TAP, another simulator):
     * in_flight counts only within NET_ACTIVE_MS of a frame either way,
     * else an idle guest would run at wall-clock pace for nothing. */
    bool talks_any_time;
} NetBackendOps;

/* Each backend embeds this first and is freed by ops->free */
struct NetBackend {
    const NetBackendOps *ops;
    Net *net;
    char id[32];
    NetDump *dump;                  /* -object filter-dump, or NULL */
    bool nic;                       /* the NIC's peer */
    Cycles last_active;             /* a frame went either way (+1; 0:
                                     * never) */
    /* statistics (--stats) */
    uint64_t tx_frames, tx_bytes;   /* guest -> host */
    uint64_t rx_frames, rx_bytes;   /* host -> guest */
    uint64_t copied_bytes;          /* gathered or queued copies */
    uint64_t dropped;               /* lost: queue full, host error */
};

struct Net {
    EventQueue *events;             /* the machine's clock */
    uint64_t hz;
    Log *log;
    NetBackend *be[NET_MAX_BACKENDS];
    unsigned n_be;
    NetBackend *peer;               /* the NIC's backend, or NULL */
    NetNic nic;
    /* frames from the peer that the NIC could not take yet */
    struct NetQueued { uint8_t *data; size_t len; } q[NET_QUEUE_MAX];
    unsigned q_head, q_n;
    struct pollfd fds[NET_MAX_FDS];
    uint64_t delivered;             /* frames handed in by backends */
    bool nic_busy;                  /* a backend holds a frame the NIC
                                     * could not take (net_rx_map -1) */
    int64_t wait_lag;               /* wall ns waited but not yet given
                                     * to virtual time (net_idle_wait) */
    /* statistics */
    uint64_t host_waits;            /* idle skips that waited on the host */
    uint64_t host_wait_ns;          /* wall time they waited */
    uint64_t host_wait_cycles;      /* virtual time they advanced */
};

void net_init(Net *n, EventQueue *events, uint64_t hz, Log *log);
void net_free(Net *n);
/* The virtual clock in ns (what slirp and pcap see) */
int64_t net_now_ns(const Net *n);
/* Cycles to ns on this machine's clock */
Cycles net_ns_to_cycles(const Net *n, int64_t ns);

/*
 * Backends from option strings, with qemu-system-sparc's syntax:
 * "user,id=n0,hostfwd=tcp::8080-:80", "tap,ifname=tap0,script=no",
 * "socket,listen=:1234".  Returns the new backend (added to n), or NULL
 * with a one-line reason in err.
 */
NetBackend *net_backend_new(Net *n, const char *opts, char *err,
                            size_t errlen);
NetBackend *net_backend_find(Net *n, const char *id);
/* Register a constructed backend (each kind's constructor does this) */
int net_backend_add(Net *n, NetBackend *b, const char *id, char *err,
                    size_t errlen);

/* Connect the NIC to backend b (NULL: the NIC's frames go nowhere) */
void net_attach_nic(Net *n, NetBackend *b, const NetNic *nic);

/* The NIC sends a frame (from its transmit ring) to its peer */
void net_send(Net *n, const struct iovec *iov, int niov, size_t len);
/* A backend hands the guest a frame it read from the host */
void net_deliver(NetBackend *b, const uint8_t *frame, size_t len);
/*
 * For a backend that reads frames itself (a TAP): where to read the next
 * one, straight into the guest's receive buffers.  > 0: iovecs to read
 * into, then net_rx_commit; 0: read into a buffer and net_deliver; -1:
 * the NIC cannot take a frame now, leave it with the host (it is asked
 * again at the next poll).
 */
int net_rx_map(NetBackend *b, struct iovec *iov, int max);
void net_rx_commit(NetBackend *b, const struct iovec *iov, int niov,
                   size_t len);
/* The NIC may take frames again: offer what waits */
void net_nic_ready(Net *n);
/* Frames wait for the NIC (here, or with the host: nic_busy) */
static inline bool net_rx_pending(const Net *n)
{
    return n->q_n != 0 || n->nic_busy;
}

/*
 * Look at the host once: wait up to wait_ns of wall time (0: do not
 * block) on every backend's fds, then let each handle what is ready.
 * Returns the wall ns actually waited.
 */
int64_t net_poll(Net *n, int64_t wait_ns);
/* Some backend has host traffic outstanding */
bool net_in_flight(Net *n);
/* A frame went through b, either way, in the last NET_ACTIVE_MS of
 * virtual time: a conversation may be going on */
#define NET_ACTIVE_MS 1000u
bool net_backend_active(const NetBackend *b);

/*
 * The idle rule (README §Network and time).  The CPU halts and the next
 * event is `gap` cycles away.  With no host traffic outstanding (or
 * frames already waiting for the NIC) the machine jumps at once: nothing
 * outside can change what happens, the run stays deterministic.  Otherwise
 * it waits on the host's fds for up to the gap converted 1:1 to wall time;
 * returns the cycles the machine should advance before going on (gap if
 * nothing arrived, the wall time waited if a frame came earlier, which is
 * then delivered at that moment).  So while the guest waits for the host,
 * virtual time runs no faster than the host's: a healthy host connection
 * never looks slow enough to the guest's TCP to retransmit or time out.
 */
Cycles net_idle_wait(Net *n, Cycles gap);

/* The kinds of backend (net/slirp.c, net/tap.c, net/socket.c); opts is
 * what follows "type," (may be empty).  Each checks its keys, builds the
 * backend and registers it with net_backend_add.  NULL: err says why. */
NetBackend *net_user_new(Net *n, const char *id, const char *opts,
                         char *err, size_t errlen);
NetBackend *net_tap_new(Net *n, const char *id, const char *opts,
                        char *err, size_t errlen);
NetBackend *net_socket_new(Net *n, const char *id, const char *opts,
                           char *err, size_t errlen);

/* Small helpers for option strings ("key=value,key=value") */
/* The value of key (first match) into buf; false if absent. */
bool net_opt_get(const char *opts, const char *key, char *buf, size_t len);
/* Every key of opts is one of the NULL-terminated list; else false with
 * the first unknown key in bad. */
bool net_opt_check(const char *opts, const char *const *keys, char *bad,
                   size_t badlen);
/* "host:port" or ":port" (host empty: def_host) into an IPv4 address */
int net_parse_hostport(const char *s, const char *def_host,
                       struct sockaddr_in *sa, char *err, size_t errlen);

#endif
