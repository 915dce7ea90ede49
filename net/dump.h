/*
 * A pcap file of a netdev's frames: the writer behind
 *
 *     -object filter-dump,id=f0,netdev=n0,file=F[,maxlen=N]
 *
 * Every frame of that netdev, both directions, goes to F in the classic
 * libpcap format that tcpdump, tshark and tools/pcap-frames read:
 *
 *   global header, 24 bytes: magic 0xa1b2c3d4 (microsecond time stamps;
 *       the classic magic every reader knows, not the nanosecond 0xa1b23c4d
 *       that older readers refuse), version 2.4, thiszone 0, sigfigs 0,
 *       snaplen = maxlen (65536 by default, as QEMU), linktype 1 (Ethernet);
 *   per frame, 16 bytes: ts_sec, ts_usec, incl_len (bytes that follow,
 *       at most maxlen), orig_len (the frame's length), then the bytes.
 *
 * Byte order: always little-endian, whatever the host.  Readers detect the
 * order from the magic, and the same run gives the same file bytes on any
 * host.
 *
 * Time stamps are the simulator's virtual time (nanoseconds since the
 * machine started, from the caller), truncated to microseconds: a run
 * without outside traffic (no host network input) writes the same pcap
 * bytes every time.  Frames are stored without FCS, as QEMU's dumps.
 *
 * A NetDump holds all its state; there is no global state.  Host write
 * errors never stop the simulator: the first errno is kept, nothing more
 * is written, and net_dump_close reports it.
 */
#ifndef NET_DUMP_H
#define NET_DUMP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/uio.h>

#define NET_DUMP_MAXLEN_DEFAULT 65536u  /* snaplen when maxlen is 0 (QEMU) */
#define NET_DUMP_MAGIC 0xa1b2c3d4u      /* classic, microsecond stamps */
#define NET_DUMP_LINKTYPE_ETHERNET 1u
#define NET_DUMP_GLOBAL_HDR 24u         /* bytes of the file header */
#define NET_DUMP_RECORD_HDR 16u         /* bytes before each frame */

typedef struct NetDump NetDump;

/*
 * Create or truncate path and write the global header (buffered).  maxlen
 * is the snaplen, 0 for 65536.  On failure returns NULL with a one-line
 * reason in err (if err is not NULL), e.g.
 * "filter-dump: cannot create 'F': Permission denied".
 */
NetDump *net_dump_open(const char *path, uint32_t maxlen, char *err,
                       size_t errlen);

/*
 * Write one frame of len bytes gathered from iov[0..niov-1], stamped
 * now_ns (virtual ns; a negative value is stamped 0).  The first
 * min(len, maxlen) bytes are stored, orig_len is len.  Returns 0, or -1
 * if the dump has failed (a host write error, kept for net_dump_close;
 * nothing is written after it) or if the iovecs hold fewer than len bytes
 * (errno EINVAL; nothing written, the dump carries on).
 */
int net_dump_frame(NetDump *d, int64_t now_ns, const struct iovec *iov,
                   int niov, size_t len);

/*
 * Flush, close and free d (NULL is a no-op returning 0).  Returns 0, or -1
 * with the first write error in err, e.g.
 * "filter-dump: writing 'F': No space left on device".
 */
int net_dump_close(NetDump *d, char *err, size_t errlen);

/* Frames written so far (those net_dump_frame returned 0 for) */
uint64_t net_dump_frames(const NetDump *d);

/* The first host write error (an errno), 0 while there is none */
int net_dump_error(const NetDump *d);

#endif /* NET_DUMP_H */
