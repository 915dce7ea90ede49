/*
 * Host AIO for the DMA chain (dma/aio.h): Linux native AIO through libaio.
 *
 * Host facts this file relies on (Linux; measured on 6.18, ext4 on a
 * virtio disk with 512-byte logical blocks):
 *
 * - Native AIO is only asynchronous with O_DIRECT.  On a buffered fd,
 *   io_submit does the read or write itself (a page-cache miss blocks the
 *   caller inside io_submit) and the completion is ready when it returns.
 *   That still works here, it is just not overlapped.
 * - A misaligned O_DIRECT request is accepted by io_submit (it returns 1)
 *   and completes with res = -EINVAL: a file offset or an iovec length
 *   that is not a multiple of the logical block size always, a buffer
 *   address only sometimes (one iovec 4 bytes off a 512-byte boundary went
 *   through; two iovecs 8 bytes off did not), although statx says
 *   dio_mem_align = 512.  So we honour what statx says, and a request the
 *   kernel still refuses with -EINVAL is redone once through a bounce
 *   buffer aligned to AIO_RETRY_ALIGN.
 * - An O_DIRECT read that crosses the end of the file completes with res
 *   = the bytes up to the end, but the kernel has written the whole
 *   buffer (zeros past the end).
 * - The kernel copies the iovec array during io_submit; the buffers
 *   themselves (guest RAM, or a bounce buffer) must stay until completion.
 * - The eventfd of an iocb (IOCB_FLAG_RESFD) is signalled after the event
 *   is in the completion ring, so after an eventfd read that finds nothing,
 *   nothing new can be waiting in the ring either.
 * - io_getevents with a zero timeout checks the ring in user space
 *   (libaio) and costs no system call when it is empty.
 * - io_setup fails with ENOSYS (no CONFIG_AIO, or a seccomp filter in a
 *   container), EPERM, or EAGAIN when /proc/sys/fs/aio-max-nr is reached;
 *   io_submit fails with EAGAIN when the context is full.
 * - io_destroy waits for every request in flight before it returns.
 */
#include "dma/aio.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/fs.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

/* The alignment of the second try after a kernel -EINVAL: the largest
 * logical block size disks have (4Kn). */
#define AIO_RETRY_ALIGN 4096u
/* A bounce buffer is page-aligned at least (no cost, and it satisfies any
 * DMA engine). */
#define AIO_BOUNCE_ALIGN 4096u

/* ---- alignment ---- */

static bool pow2(unsigned x)
{
    return x != 0 && (x & (x - 1)) == 0;
}

/*
 * The O_DIRECT alignment of fd, and its size if it is a regular file
 * (else UINT64_MAX).  One statx per request: far cheaper than the I/O.
 */
static void direct_info(int fd, unsigned *mem, unsigned *blk, uint64_t *size)
{
    struct stat st;
    int lbs;

    *mem = *blk = AIO_DIRECT_ALIGN;
    *size = UINT64_MAX;
#ifdef STATX_DIOALIGN
    {
        struct statx sx;
        if (statx(fd, "", AT_EMPTY_PATH,
                  STATX_DIOALIGN | STATX_SIZE | STATX_TYPE, &sx) == 0 &&
            (sx.stx_mask & STATX_DIOALIGN) && pow2(sx.stx_dio_mem_align) &&
            pow2(sx.stx_dio_offset_align)) {
            *mem = sx.stx_dio_mem_align;
            *blk = sx.stx_dio_offset_align;
            if ((sx.stx_mask & STATX_TYPE) && (sx.stx_mask & STATX_SIZE) &&
                S_ISREG(sx.stx_mode)) {
                *size = sx.stx_size;
            }
            return;
        }
    }
#endif
    /* An older kernel: a block device knows its logical block size; a
     * file's would be its device's (sysfs), more than we want per
     * request.  A wrong guess costs one -EINVAL and a bounced retry. */
    if (fstat(fd, &st) != 0) {
        return;
    }
    if (S_ISREG(st.st_mode)) {
        *size = (uint64_t)st.st_size;
    } else if (S_ISBLK(st.st_mode) && ioctl(fd, BLKSSZGET, &lbs) == 0 &&
               lbs > 0 && pow2((unsigned)lbs)) {
        *mem = *blk = (unsigned)lbs;
    }
}

void aio_direct_align(int fd, unsigned *mem, unsigned *blk)
{
    uint64_t size;

    direct_info(fd, mem, blk, &size);
}

static bool req_aligned(const AioReq *r, unsigned mem, unsigned blk)
{
    int i;

    if (r->offset % blk != 0) {
        return false;
    }
    for (i = 0; i < r->niov; i++) {
        if ((uintptr_t)r->iov[i].iov_base % mem != 0 ||
            r->iov[i].iov_len % blk != 0) {
            return false;
        }
    }
    return true;
}

/* ---- synchronous transfers ---- */

/*
 * The whole of iov at off, or up to end of file or an error (then what
 * was done before it, if anything).  EINTR is retried.
 */
static long xfer_sync(int fd, bool write, const struct iovec *iov, int niov,
                      uint64_t off)
{
    struct iovec v[AIO_MAX_IOV];
    long done = 0;
    int i = 0;

    memcpy(v, iov, (size_t)niov * sizeof(v[0]));
    while (i < niov) {
        ssize_t n;
        if (v[i].iov_len == 0) {
            i++;
            continue;
        }
        n = write ? pwritev(fd, v + i, niov - i, (off_t)(off + done))
                  : preadv(fd, v + i, niov - i, (off_t)(off + done));
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return done > 0 ? done : -errno;
        }
        if (n == 0) {
            break;                  /* end of file (or a write of nothing) */
        }
        done += n;
        while (n > 0) {
            size_t k = (size_t)n < v[i].iov_len ? (size_t)n : v[i].iov_len;
            v[i].iov_base = (uint8_t *)v[i].iov_base + k;
            v[i].iov_len -= k;
            n -= (ssize_t)k;
            if (v[i].iov_len == 0) {
                i++;
            }
        }
    }
    return done;
}

/* What the host is asked to move for r: the bounce buffer or the iovecs. */
static long run_sync(const AioReq *r)
{
    if (r->bounce != NULL) {
        return xfer_sync(r->fd, r->write, &r->biov, 1, r->offset - r->head);
    }
    return xfer_sync(r->fd, r->write, r->iov, r->niov, r->offset);
}

/* ---- bounce buffers ---- */

static void bounce_free(AioReq *r)
{
    free(r->bounce);
    r->bounce = NULL;
}

/* One whole block of the file at off into dst (zeros past end of file). */
static int read_block(int fd, uint8_t *dst, unsigned blk, uint64_t off)
{
    struct iovec v = { dst, blk };
    long n = xfer_sync(fd, false, &v, 1, off);

    if (n < 0) {
        return (int)n;
    }
    memset(dst + n, 0, blk - (size_t)n);
    return 0;
}

/*
 * Give r an aligned bounce buffer covering the whole blocks around its
 * bytes.  A write copies its iovecs in, after reading the partial blocks
 * at either end (read-modify-write).
 *
 * SIMPLIFY: those edge reads are synchronous, and a bounced write races
 * with another write in flight to the same block.  Only a guest whose
 * sector is smaller than the host's block meets them (a 512-byte-sector
 * disk image on a 4Kn disk), and a target has one command at a time.
 *
 * 0, or -errno (nothing is written then).
 */
static int bounce_setup(AioCtx *c, AioReq *r, unsigned mem, unsigned blk)
{
    uint64_t start = r->offset - r->offset % blk;
    uint64_t end = r->offset + r->xlen;
    uint64_t size;
    unsigned align = mem > blk ? mem : blk;
    void *p;
    int err, i;

    end += (blk - end % blk) % blk;
    size = end - start;
    if (align < AIO_BOUNCE_ALIGN) {
        align = AIO_BOUNCE_ALIGN;
    }
    if (size > (uint64_t)SIZE_MAX / 2 || posix_memalign(&p, align, size)) {
        return -ENOMEM;
    }
    r->bounce = p;
    r->head = r->offset - start;
    r->biov.iov_base = p;
    r->biov.iov_len = size;
    r->eof_fix = 0;
    c->bytes_bounced += r->xlen;
    if (r->write) {
        uint8_t *dst = r->bounce + r->head;
        uint64_t tail_blk = end - blk;
        struct stat st;

        if (r->head != 0) {
            err = read_block(r->fd, r->bounce, blk, start);
            if (err) {
                return err;
            }
        }
        if ((r->offset + r->xlen) % blk != 0 &&
            (tail_blk != start || r->head == 0)) {
            err = read_block(r->fd, r->bounce + (tail_blk - start), blk,
                             tail_blk);
            if (err) {
                return err;
            }
        }
        for (i = 0; i < r->niov; i++) {
            memcpy(dst, r->iov[i].iov_base, r->iov[i].iov_len);
            dst += r->iov[i].iov_len;
        }
        /* Whole blocks would grow the file past the guest's last byte:
         * cut it back at completion. */
        if (fstat(r->fd, &st) == 0 && S_ISREG(st.st_mode) &&
            (uint64_t)st.st_size < end) {
            uint64_t want = r->offset + r->xlen;
            r->eof_fix = want > (uint64_t)st.st_size ? want
                                                     : (uint64_t)st.st_size;
        }
    }
    return 0;
}

/* The host moved res bytes of the bounce buffer (or failed): r's share. */
static long bounce_finish(AioReq *r, long res)
{
    if (res >= 0) {
        uint64_t got = (uint64_t)res > r->head ? (uint64_t)res - r->head : 0;
        if (got > r->xlen) {
            got = r->xlen;
        }
        if (!r->write) {
            const uint8_t *src = r->bounce + r->head;
            uint64_t left = got;
            int i;
            for (i = 0; i < r->niov && left > 0; i++) {
                size_t k = r->iov[i].iov_len < left ? r->iov[i].iov_len
                                                    : (size_t)left;
                memcpy(r->iov[i].iov_base, src, k);
                src += k;
                left -= k;
            }
        } else if (r->eof_fix != 0 && (uint64_t)res == r->biov.iov_len) {
            struct stat st;
            /* SIMPLIFY: only if nothing has grown the file further since;
             * a failed ftruncate leaves the file a block longer, which
             * loses nothing. */
            if (fstat(r->fd, &st) == 0 &&
                (uint64_t)st.st_size == r->offset - r->head + r->biov.iov_len) {
                while (ftruncate(r->fd, (off_t)r->eof_fix) < 0 &&
                       errno == EINTR) {
                }
            }
        }
        res = (long)got;
    }
    bounce_free(r);
    return res;
}

/* ---- completion ---- */

static void finalize(AioCtx *c, AioReq *r, long res)
{
    if (res < 0) {
        c->errors++;
    } else {
        c->bytes += (uint64_t)res;
        if ((uint64_t)res < r->len) {
            c->shorts++;
        }
    }
    r->res = res;
    r->done = true;
}

/* The host has finished with r (not in the queue any more). */
static void complete(AioCtx *c, AioReq *r, long res)
{
    if (res == -EINVAL && r->direct && !r->retried) {
        /* The kernel wants a stricter alignment than it told us (or than
         * we guessed); it refused before moving a byte.  Once more, with
         * whole 4K blocks or what statx says if more.  SIMPLIFY: the
         * second try is synchronous. */
        unsigned mem, blk;
        uint64_t size;
        int err;
        direct_info(r->fd, &mem, &blk, &size);
        mem = mem > AIO_RETRY_ALIGN ? mem : AIO_RETRY_ALIGN;
        blk = blk > AIO_RETRY_ALIGN ? blk : AIO_RETRY_ALIGN;
        r->retried = true;
        c->retries++;
        bounce_free(r);
        r->head = 0;
        err = bounce_setup(c, r, mem, blk);
        res = err ? err : run_sync(r);
    }
    if (r->bounce != NULL) {
        res = bounce_finish(r, res);
    }
    finalize(c, r, res);
}

static bool queued(const AioCtx *c, const AioReq *r)
{
    const AioReq *q;

    for (q = c->queue; q != NULL; q = q->next) {
        if (q == r) {
            return true;
        }
    }
    return false;
}

static void enqueue(AioCtx *c, AioReq *r)
{
    r->prev = NULL;
    r->next = c->queue;
    if (c->queue != NULL) {
        c->queue->prev = r;
    }
    c->queue = r;
    c->inflight++;
}

static void dequeue(AioCtx *c, AioReq *r)
{
    if (r->prev != NULL) {
        r->prev->next = r->next;
    } else {
        c->queue = r->next;
    }
    if (r->next != NULL) {
        r->next->prev = r->prev;
    }
    r->next = r->prev = NULL;
    c->inflight--;
}

/*
 * io_getevents failed with something other than EINTR: the context is
 * unusable (never seen; a kernel or memory bug).  io_destroy waits for
 * what is in flight, so nothing writes guest RAM afterwards; those
 * requests' outcomes are lost and reported as -EIO, and the machine goes
 * on synchronously.
 */
static void broken(AioCtx *c, int err)
{
    io_destroy(c->io);
    c->io = NULL;
    if (c->efd >= 0) {
        close(c->efd);
        c->efd = -1;
    }
    c->sync_fallback = true;
    c->setup_err = err;
    while (c->queue != NULL) {
        AioReq *r = c->queue;
        dequeue(c, r);
        bounce_free(r);
        finalize(c, r, -EIO);
    }
}

/*
 * Collect completions: at least min (0 or 1; 1 blocks), at most a ring's
 * worth.  The number collected, or -errno if the context broke.
 */
static int collect(AioCtx *c, long min)
{
    struct io_event ev[AIO_DEPTH];
    struct timespec zero = { 0, 0 };
    int n, i;

    if (c->queue == NULL) {
        return 0;
    }
    do {
        n = io_getevents(c->io, min, AIO_DEPTH, ev, min > 0 ? NULL : &zero);
    } while (n == -EINTR);
    if (n < 0) {
        broken(c, n);
        return n;
    }
    for (i = 0; i < n; i++) {
        AioReq *r = ev[i].data;
        dequeue(c, r);
        /* res is the kernel's long in an unsigned field: bytes or -errno */
        complete(c, r, (long)ev[i].res);
    }
    return n;
}

/* ---- the interface ---- */

void aio_ctx_init_sync(AioCtx *c)
{
    memset(c, 0, sizeof(*c));
    c->io = NULL;
    c->efd = -1;
    c->sync_fallback = true;
}

int aio_ctx_init(AioCtx *c)
{
    int err;

    aio_ctx_init_sync(c);
    err = io_setup(AIO_DEPTH, &c->io);    /* libaio returns -errno */
    if (err < 0) {
        c->io = NULL;
        c->setup_err = err;
        return err;
    }
    c->efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (c->efd < 0) {
        err = -errno;
        io_destroy(c->io);
        c->io = NULL;
        c->setup_err = err;
        return err;
    }
    c->sync_fallback = false;
    return 0;
}

void aio_ctx_free(AioCtx *c)
{
    while (c->queue != NULL) {
        if (collect(c, 1) < 0) {
            break;                  /* broken(): the queue is empty */
        }
    }
    if (c->io != NULL) {
        io_destroy(c->io);
        c->io = NULL;
    }
    if (c->efd >= 0) {
        close(c->efd);
        c->efd = -1;
    }
}

/* Hand r (ready, with or without a bounce buffer) to the kernel. */
static int kernel_submit(AioCtx *c, AioReq *r)
{
    struct iocb *p = &r->cb;
    const struct iovec *iov = r->bounce ? &r->biov : r->iov;
    int niov = r->bounce ? 1 : r->niov;
    long long off = (long long)(r->offset - r->head);

    if (r->write) {
        io_prep_pwritev(&r->cb, r->fd, iov, niov, off);
    } else {
        io_prep_preadv(&r->cb, r->fd, iov, niov, off);
    }
    io_set_eventfd(&r->cb, c->efd);
    r->cb.data = r;
    for (;;) {
        int n = io_submit(c->io, 1, &p);
        if (n == 1) {
            enqueue(c, r);
            return 0;
        }
        if (n == -EINTR) {
            continue;
        }
        if (n == -EAGAIN || n == 0) {
            if (c->queue != NULL) {
                /* the queue is full: make room */
                c->full_waits++;
                if (collect(c, 1) >= 0) {
                    continue;
                }
                /* broken(): c is synchronous now */
            }
            /* Nothing of ours in flight and still no room: the kernel is
             * short of something.  The guest's I/O must not fail for
             * that: do it here. */
            c->sync_requests++;
            complete(c, r, run_sync(r));
            return 0;
        }
        /* Refused (EBADF, EINVAL, ...): done now, with that error, unless
         * complete() could redo it (an O_DIRECT -EINVAL). */
        complete(c, r, n);
        return r->res < 0 ? (int)r->res : 0;
    }
}

int aio_submit(AioCtx *c, AioReq *r, int fd, bool write, uint64_t offset,
               const struct iovec *iov, int niov, bool direct)
{
    int i, err;

    if (queued(c, r)) {
        return -EBUSY;
    }
    r->ctx = c;
    r->write = write;
    r->done = false;
    r->res = 0;
    r->fd = fd;
    r->offset = offset;
    r->direct = direct;
    r->retried = false;
    r->bounce = NULL;
    r->head = 0;
    r->eof_fix = 0;
    r->next = r->prev = NULL;
    r->len = 0;
    r->niov = 0;
    c->requests++;
    if (niov < 0 || niov > AIO_MAX_IOV || (niov > 0 && iov == NULL)) {
        r->xlen = 0;
        finalize(c, r, -EINVAL);
        return -EINVAL;
    }
    r->niov = niov;
    for (i = 0; i < niov; i++) {
        r->iov[i] = iov[i];
        r->len += iov[i].iov_len;
    }
    r->xlen = r->len;
    if (offset > (uint64_t)INT64_MAX || r->len > (uint64_t)INT64_MAX - offset) {
        finalize(c, r, -EINVAL);    /* past any file (off_t) */
        return -EINVAL;
    }

    if (c->inject_errno != 0) {
        int e = c->inject_errno;
        c->inject_errno = 0;
        finalize(c, r, e > 0 ? -e : e);
        return 0;
    }
    if (c->inject_short != 0) {
        /* really move len - inject_short bytes: cut the iovecs there */
        uint64_t keep = c->inject_short < r->len ? r->len - c->inject_short
                                                 : 0;
        uint64_t at = 0;
        c->inject_short = 0;
        for (i = 0; i < r->niov; i++) {
            if (at + r->iov[i].iov_len > keep) {
                r->iov[i].iov_len = keep - at;
            }
            at += r->iov[i].iov_len;
        }
        r->xlen = keep;
    }
    if (r->xlen == 0) {
        finalize(c, r, 0);
        return 0;
    }
    if (direct) {
        unsigned mem, blk;
        uint64_t size;
        direct_info(fd, &mem, &blk, &size);
        if (c->test_align != 0) {
            mem = blk = c->test_align;
        }
        /* A direct read that crosses the end of the file is bounced too:
         * the kernel fills the whole buffer, zeros past the end, while
         * res counts only the file's bytes (measured), and guest RAM past
         * what a transfer moved must stay as it was. */
        if (!req_aligned(r, mem, blk) ||
            (!write && r->offset + r->xlen > size)) {
            err = bounce_setup(c, r, mem, blk);
            if (err) {
                /* ENOMEM, or the read of a write's edge blocks failed
                 * (complete() redoes an -EINVAL with 4K blocks) */
                complete(c, r, err);
                return r->res < 0 ? (int)r->res : 0;
            }
        }
    }
    if (c->sync_fallback) {
        c->sync_requests++;
        complete(c, r, run_sync(r));
        return 0;
    }
    return kernel_submit(c, r);
}

void aio_poll(AioCtx *c)
{
    uint64_t n;

    if (c->efd < 0) {
        return;                     /* synchronous fallback: nothing waits */
    }
    /* Empty eventfd: nothing has completed since the last drain.  It is
     * read even with nothing queued: a completion collected by the last
     * io_getevents may have bumped it after the last read, and a loop
     * sleeping on it must not wake for that. */
    if (read(c->efd, &n, sizeof(n)) != (ssize_t)sizeof(n)) {
        return;                     /* EAGAIN (EINTR: next poll) */
    }
    if (c->queue == NULL) {
        return;
    }
    while (collect(c, 0) == AIO_DEPTH) {
    }
}

void aio_wait(AioCtx *c, AioReq *r)
{
    while (!r->done && queued(c, r)) {
        collect(c, 1);              /* broken(): r is done after it */
    }
}
