/*
 * The DMA chain and the memory stage (chain.h).
 */
#include "dma/chain.h"

#include <errno.h>
#include <string.h>

/* Report f to every stage from first down to (not including) upto. */
static void dma_report_fault(DmaStage *first, DmaStage *upto,
                             const DmaFault *f)
{
    DmaStage *s;
    for (s = first; s && s != upto; s = s->next) {
        if (s->on_fault) {
            s->on_fault(s, f);
        }
    }
}

uint64_t dma_map(DmaStage *first, const SgList *in, DmaDir dir, SgList *gp,
                 DmaFault *f)
{
    SgList a, b;
    const SgList *cur = in;
    SgList *out;
    DmaStage *s;

    f->kind = DMA_FAULT_NONE;
    f->stage = NULL;
    f->addr = 0;
    if (!first) {
        sg_take(gp, in, sg_total(in));
        return sg_total(gp);
    }
    sg_init(&a);
    sg_init(&b);
    for (s = first; s; s = s->next) {
        uint64_t n;
        out = s->next ? (cur == &a ? &b : &a) : gp;
        sg_clear(out);
        n = s->map(s, cur, dir, out, f);
        if (n < sg_total(cur)) {
            /* cut here: out holds just the mapped prefix, which is all
             * the stages below see */
            dma_report_fault(first, s, f);
        }
        cur = out;
    }
    sg_free(&a);
    sg_free(&b);
    return sg_total(gp);
}

/* ---- the memory stage ---- */

int dma_engine_init(DmaEngine *e, Bus *bus, EventQueue *events, uint64_t hz,
                    Log *log)
{
    memset(e, 0, sizeof(*e));
    e->bus = bus;
    e->events = events;
    e->hz = hz;
    e->log = log;
    /* without kernel AIO (a container without io_setup, aio-max-nr
     * reached) the context does the same I/O synchronously */
    if (aio_ctx_init(&e->aio) < 0) {
        log_trace(log, LOG_DMA, "chain", "no kernel AIO (%s): host I/O is "
                  "synchronous", strerror(-e->aio.setup_err));
    }
    return 0;
}

void dma_engine_free(DmaEngine *e)
{
    if (e->bus) {
        aio_ctx_free(&e->aio);      /* waits for what is in flight */
        e->bus = NULL;
    }
}

/*
 * The memory stage's one walk over guest physical runs: visit(opaque,
 * host, pa, n) for each piece that is host memory in one block, up to
 * len bytes.  Stops at the first byte that is not RAM (a bus error: *f,
 * "memory") or when visit returns false.  Returns the bytes visited.
 */
typedef bool MemVisitFn(void *opaque, uint8_t *host, uint64_t pa,
                        uint64_t n);

static uint64_t mem_walk(DmaEngine *e, const SgList *gp, DmaDir dir,
                         uint64_t len, MemVisitFn *visit, void *opaque,
                         DmaFault *f)
{
    BusMapAccess acc = dir == DMA_TO_MEM ? BUS_MAP_WRITE : BUS_MAP_READ;
    uint64_t done = 0;
    unsigned i;

    for (i = 0; i < gp->n && done < len; i++) {
        uint64_t pa = gp->e[i].addr, left = gp->e[i].len;
        if (left > len - done) {
            left = len - done;
        }
        while (left) {
            uint64_t ext;
            uint8_t *p = bus_ram_map(e->bus, pa, left, acc, &ext);
            if (!p) {
                if (f->kind == DMA_FAULT_NONE) {
                    f->kind = DMA_FAULT_BUS;
                    f->stage = "memory";
                    f->addr = pa;
                }
                return done;
            }
            if (visit && !visit(opaque, p, pa, ext)) {
                return done;
            }
            done += ext;
            pa += ext;
            left -= ext;
        }
    }
    return done;
}

typedef struct IovFill {
    struct iovec *iov;
    int n, max;
} IovFill;

static bool iov_visit(void *opaque, uint8_t *host, uint64_t pa, uint64_t n)
{
    IovFill *v = opaque;
    (void)pa;
    if (v->n == v->max) {
        /* SIMPLIFY: a transfer of more runs than a request takes is cut;
         * devices move at most a few pages at a time */
        return false;
    }
    v->iov[v->n].iov_base = host;
    v->iov[v->n].iov_len = n;
    v->n++;
    return true;
}

uint64_t dma_mem_iov(DmaEngine *e, const SgList *gp, DmaDir dir,
                     struct iovec *iov, int max, int *niov, DmaFault *f)
{
    IovFill v = { iov, 0, max };
    uint64_t total = mem_walk(e, gp, dir, UINT64_MAX, iov_visit, &v, f);
    *niov = v.n;
    return total;
}

typedef struct CopyState {
    DmaEngine *e;
    DmaDir dir;
    uint8_t *dev;                   /* the device's side, advancing */
} CopyState;

static bool copy_visit(void *opaque, uint8_t *host, uint64_t pa, uint64_t n)
{
    CopyState *c = opaque;
    if (c->dir == DMA_TO_MEM) {
        memcpy(host, c->dev, n);
        bus_ram_written(c->e->bus, pa, n);
    } else {
        memcpy(c->dev, host, n);
    }
    c->dev += n;
    return true;
}

static uint64_t mem_copy(DmaEngine *e, const SgList *gp, uint8_t *dev,
                         uint64_t len, DmaDir dir, DmaFault *f)
{
    CopyState c = { e, dir, dev };
    uint64_t n = mem_walk(e, gp, dir, len, copy_visit, &c, f);
    e->bytes_moved += n;
    return n;
}

uint64_t dma_mem_read(DmaEngine *e, const SgList *gp, uint8_t *dst,
                      uint64_t len, DmaFault *f)
{
    return mem_copy(e, gp, dst, len, DMA_FROM_MEM, f);
}

uint64_t dma_mem_write(DmaEngine *e, const SgList *gp, const uint8_t *src,
                       uint64_t len, DmaFault *f)
{
    return mem_copy(e, gp, (uint8_t *)src, len, DMA_TO_MEM, f);
}

/* ---- transfers ---- */

void dma_mem_written(DmaEngine *e, const SgList *gp, uint64_t len)
{
    unsigned i;
    for (i = 0; i < gp->n && len; i++) {
        uint64_t n = gp->e[i].len < len ? gp->e[i].len : len;
        bus_ram_written(e->bus, gp->e[i].addr, n);
        len -= n;
    }
}

static void xfer_mark_written(DmaXfer *x, uint64_t done)
{
    dma_mem_written(x->eng, &x->gp, done);
}

static void xfer_complete(void *opaque)
{
    DmaXfer *x = opaque;
    DmaEngine *e = x->eng;
    uint64_t done;
    int host_err = 0;

    if (x->end == DMA_END_FILE) {
        if (x->mapped) {
            /* the guest's time for it has come: wait if the host is late */
            if (!x->aio.done) {
                aio_wait(&e->aio, &x->aio);
            }
            if (x->aio.res < 0) {
                host_err = (int)x->aio.res;
                done = 0;
            } else {
                done = (uint64_t)x->aio.res;
                if (done > x->mapped) {
                    done = x->mapped;
                }
            }
            if (x->dir == DMA_TO_MEM) {
                xfer_mark_written(x, done);
            }
            e->bytes_moved += done;
        } else {
            done = 0;
        }
    } else if (x->dir == DMA_TO_MEM) {
        done = dma_mem_write(e, &x->gp, x->buf, x->mapped, &x->fault);
    } else {
        done = dma_mem_read(e, &x->gp, x->buf, x->mapped, &x->fault);
    }
    if (x->fault.kind != DMA_FAULT_NONE) {
        e->faults++;
    }
    log_trace(e->log, LOG_DMA, "chain", "%s done: %llu of %llu bytes%s%s",
              x->ev.name, (unsigned long long)done,
              (unsigned long long)sg_total(&x->list),
              x->fault.kind != DMA_FAULT_NONE ? ", fault in " : "",
              x->fault.kind != DMA_FAULT_NONE ? x->fault.stage : "");
    x->done_fn(x->opaque, x, done, &x->fault, host_err);
}

void dma_xfer_init(DmaXfer *x, const char *name)
{
    memset(x, 0, sizeof(*x));
    sg_init(&x->list);
    sg_init(&x->gp);
    x->fd = -1;
    ev_init(&x->ev, name, xfer_complete, x);
}

void dma_xfer_free(DmaXfer *x)
{
    dma_xfer_cancel(x);
    sg_free(&x->list);
    sg_free(&x->gp);
}

int dma_xfer_start(DmaEngine *e, DmaStage *first, DmaXfer *x)
{
    uint64_t want = sg_total(&x->list);

    if (dma_xfer_busy(x)) {
        return -1;
    }
    x->eng = e;
    e->transfers++;
    sg_clear(&x->gp);
    x->mapped = dma_map(first, &x->list, x->dir, &x->gp, &x->fault);
    if (x->mapped) {
        /* The memory stage: a file transfer gets its iovecs now (its bytes
         * start moving); a buffer one only learns its extent, so the
         * stages above hear of a fault at once, not at the copy. */
        struct iovec iov[AIO_MAX_IOV];
        IovFill v = { iov, 0, AIO_MAX_IOV };
        DmaFault mf = { NULL, 0, DMA_FAULT_NONE };
        x->mapped = mem_walk(e, &x->gp, x->dir, x->mapped,
                             x->end == DMA_END_FILE ? iov_visit : NULL, &v,
                             &mf);
        if (mf.kind != DMA_FAULT_NONE) {
            x->fault = mf;
            dma_report_fault(first, NULL, &mf);
        }
        if (x->end == DMA_END_FILE && x->mapped) {
            memset(&x->aio, 0, sizeof(x->aio));
            if (++e->file_requests == e->fail_request) {
                e->aio.inject_errno = EIO;
                log_trace(e->log, LOG_DMA, "chain", "%s: host request %llu "
                          "fails with EIO (--fail-io)", x->ev.name,
                          (unsigned long long)e->file_requests);
            }
            aio_submit(&e->aio, &x->aio, x->fd, x->dir == DMA_FROM_MEM,
                       x->offset, iov, v.n, x->direct);
        }
    }
    log_trace(e->log, LOG_DMA, "chain", "%s: %s %llu bytes, %llu mapped, "
              "done in %llu cycles", x->ev.name,
              x->dir == DMA_TO_MEM ? "to memory" : "from memory",
              (unsigned long long)want, (unsigned long long)x->mapped,
              (unsigned long long)x->cost);
    ev_after(e->events, &x->ev, x->cost ? x->cost : 1);
    return 0;
}

void dma_xfer_cancel(DmaXfer *x)
{
    if (!dma_xfer_busy(x)) {
        return;
    }
    ev_cancel(x->eng->events, &x->ev);
    if (x->end == DMA_END_FILE && x->mapped && !x->aio.done) {
        aio_wait(&x->eng->aio, &x->aio);
        if (x->dir == DMA_TO_MEM && x->aio.res > 0) {
            xfer_mark_written(x, (uint64_t)x->aio.res);
        }
    }
}
