/*
 * The host end of the DMA chain: Linux native asynchronous I/O (libaio).
 *
 * One io_context and one eventfd per machine.  A request is a preadv or
 * pwritev whose iovecs point straight into guest RAM (zero copy).  With
 * O_DIRECT the kernel needs the buffers, lengths and file offset aligned
 * to the device's logical block size; a request that is not gets a
 * bounce buffer, and every bounced byte is counted.
 *
 * Completions are only collected here: when the guest sees one is the
 * DMA engine's business (dma/chain.h), at the transfer's modelled virtual
 * time, waiting for the host if it is late.  Host timing never changes
 * what the guest sees.
 */
#ifndef DMA_AIO_H
#define DMA_AIO_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/uio.h>

#include <libaio.h>

#define AIO_MAX_IOV 64              /* iovecs per request (pages of a run) */
#define AIO_DEPTH 64                /* requests in flight per machine */
#define AIO_DIRECT_ALIGN 512u       /* O_DIRECT alignment we ask for */

typedef struct AioCtx AioCtx;

typedef struct AioReq {
    struct iocb cb;                 /* first: the kernel hands it back */
    AioCtx *ctx;
    bool write;
    bool done;                      /* the host has finished */
    long res;                       /* bytes, or -errno */
    struct iovec iov[AIO_MAX_IOV];  /* where the bytes go or come from */
    int niov;
    uint64_t len;
    /* O_DIRECT with a misaligned buffer: an aligned copy (counted) */
    uint8_t *bounce;
    /* aio.c's own (set by aio_submit) */
    int fd;
    uint64_t offset;
    bool direct;
    bool retried;                   /* once, after a kernel -EINVAL */
    uint64_t xlen;                  /* bytes asked of the host: len, less
                                     * inject_short */
    struct iovec biov;              /* the bounce buffer: whole blocks ... */
    uint64_t head;                  /* ... from offset - head */
    uint64_t eof_fix;               /* a bounced write past EOF: the size
                                     * the file must end at (0: none) */
    struct AioReq *next, *prev;     /* in flight in the kernel */
} AioReq;

struct AioCtx {
    io_context_t io;
    int efd;                        /* readable when completions wait */
    unsigned inflight;
    /* statistics (--stats) */
    uint64_t requests, bytes, bytes_bounced, errors;
    /* Tests: make the next request with this file fail with -inject_errno
     * (0: off), or come back short by inject_short bytes. */
    int inject_errno;
    uint64_t inject_short;
    /* No kernel AIO (io_setup or eventfd failed, or aio_ctx_init_sync):
     * every request is a synchronous preadv/pwritev inside aio_submit,
     * done when it returns.  efd is then -1. */
    bool sync_fallback;
    int setup_err;                  /* why: -errno from io_setup/eventfd */
    AioReq *queue;                  /* requests in flight in the kernel */
    /* more statistics */
    uint64_t sync_requests;         /* done synchronously (fallback, or
                                     * the kernel had no room at all) */
    uint64_t full_waits;            /* io_submit -EAGAIN: waited for one */
    uint64_t retries;               /* O_DIRECT -EINVAL redone bounced */
    uint64_t shorts;                /* completed with 0 <= res < len */
    /* Tests: the O_DIRECT alignment to assume instead of asking the
     * kernel (0: ask).  1: nothing is bounced for its alignment. */
    unsigned test_align;
};

/*
 * 0, or -errno (no AIO on this host: the caller says so in one line).
 * Even then c is usable: it is in sync_fallback mode, and must be freed.
 */
int aio_ctx_init(AioCtx *c);
/* c in sync_fallback mode from the start (tests, a host without AIO). */
void aio_ctx_init_sync(AioCtx *c);
/* Waits for every request in flight, then frees. */
void aio_ctx_free(AioCtx *c);

/*
 * Start a read (into iov) or a write (from iov) of the file at offset.
 * direct: fd was opened with O_DIRECT, so a misaligned request is bounced.
 * 0 if submitted, -errno if not (the request is then done with res set).
 * A request may be done when this returns 0 (an injected error, the
 * synchronous fallback, an empty request); aio_wait then returns at once.
 * -EBUSY, with r untouched, if r is still in flight.
 */
int aio_submit(AioCtx *c, AioReq *r, int fd, bool write, uint64_t offset,
               const struct iovec *iov, int niov, bool direct);
/* Collect whatever has completed, without blocking. */
void aio_poll(AioCtx *c);
/* Block until r is done (the guest's modelled time for it has come).
 * Returns at once if r is done, or was never submitted to c. */
void aio_wait(AioCtx *c, AioReq *r);

/*
 * The O_DIRECT alignment of fd: memory (buffer addresses) and block
 * (file offsets and each iovec's length).  From statx STATX_DIOALIGN
 * (Linux 6.1+), else BLKSSZGET for a block device, else AIO_DIRECT_ALIGN.
 */
void aio_direct_align(int fd, unsigned *mem, unsigned *blk);

#endif
