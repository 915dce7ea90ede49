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
    uint64_t want = sg_total(in), got = want;
    DmaStage *s;

    f->kind = DMA_FAULT_NONE;
    f->stage = NULL;
    f->addr = 0;
    if (!first) {
        sg_take(gp, in, want);
        return want;
    }
    sg_init(&a);
    sg_init(&b);
    for (s = first; s; s = s->next) {
        uint64_t n;
        out = s->next ? (cur == &a ? &b : &a) : gp;
        sg_clear(out);
        n = s->map(s, cur, dir, out, f);
        if (n < sg_total(cur)) {
            /* cut here: what this stage mapped is all that goes on */
            got = n;
            dma_report_fault(first, s, f);
            /* out holds just the mapped prefix: the stages below map that */
        }
        cur = out;
    }
    sg_free(&a);
    sg_free(&b);
    return got < sg_total(gp) ? got : sg_total(gp);
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
    e->have_aio = aio_ctx_init(&e->aio) == 0;
    if (!e->have_aio) {
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
        e->have_aio = false;
    }
}

static void mem_fault(DmaFault *f, uint64_t pa)
{
    if (f->kind == DMA_FAULT_NONE) {
        f->kind = DMA_FAULT_BUS;
        f->stage = "memory";
        f->addr = pa;
    }
}

uint64_t dma_mem_iov(DmaEngine *e, const SgList *gp, DmaDir dir,
                     struct iovec *iov, int max, int *niov, DmaFault *f)
{
    uint64_t total = 0;
    unsigned i;
    int n = 0;
    BusMapAccess acc = dir == DMA_TO_MEM ? BUS_MAP_WRITE : BUS_MAP_READ;

    for (i = 0; i < gp->n; i++) {
        uint64_t pa = gp->e[i].addr, left = gp->e[i].len;
        while (left) {
            uint64_t ext;
            uint8_t *p = bus_ram_map(e->bus, pa, left, acc, &ext);
            if (!p) {
                mem_fault(f, pa);
                *niov = n;
                return total;
            }
            if (n == max) {
                /* SIMPLIFY: a transfer of more runs than a request takes
                 * is cut; devices move at most a few pages at a time */
                *niov = n;
                return total;
            }
            iov[n].iov_base = p;
            iov[n].iov_len = ext;
            n++;
            total += ext;
            pa += ext;
            left -= ext;
        }
    }
    *niov = n;
    return total;
}

static uint64_t mem_copy(DmaEngine *e, const SgList *gp, uint8_t *dev,
                         uint64_t len, DmaDir dir, DmaFault *f)
{
    uint64_t done = 0;
    unsigned i;
    BusMapAccess acc = dir == DMA_TO_MEM ? BUS_MAP_WRITE : BUS_MAP_READ;

    for (i = 0; i < gp->n && done < len; i++) {
        uint64_t pa = gp->e[i].addr, left = gp->e[i].len;
        if (left > len - done) {
            left = len - done;
        }
        while (left) {
            uint64_t ext;
            uint8_t *p = bus_ram_map(e->bus, pa, left, acc, &ext);
            if (!p) {
                mem_fault(f, pa);
                return done;
            }
            if (dir == DMA_TO_MEM) {
                memcpy(p, dev + done, ext);
                bus_ram_written(e->bus, pa, ext);
            } else {
                memcpy(dev + done, p, ext);
            }
            done += ext;
            pa += ext;
            left -= ext;
        }
    }
    return done;
}

uint64_t dma_mem_read(DmaEngine *e, const SgList *gp, uint8_t *dst,
                      uint64_t len, DmaFault *f)
{
    uint64_t n = mem_copy(e, gp, dst, len, DMA_FROM_MEM, f);
    e->bytes_moved += n;
    return n;
}

uint64_t dma_mem_write(DmaEngine *e, const SgList *gp, const uint8_t *src,
                       uint64_t len, DmaFault *f)
{
    uint64_t n = mem_copy(e, gp, (uint8_t *)src, len, DMA_TO_MEM, f);
    e->bytes_moved += n;
    return n;
}

/* ---- transfers ---- */

static void xfer_mark_written(DmaXfer *x, uint64_t done)
{
    unsigned i;
    for (i = 0; i < x->gp.n && done; i++) {
        uint64_t n = x->gp.e[i].len < done ? x->gp.e[i].len : done;
        bus_ram_written(x->eng->bus, x->gp.e[i].addr, n);
        done -= n;
    }
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
    x->busy = false;
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

    if (x->busy) {
        return -1;
    }
    x->eng = e;
    x->busy = true;
    e->transfers++;
    sg_clear(&x->gp);
    x->mapped = dma_map(first, &x->list, x->dir, &x->gp, &x->fault);
    if (x->end == DMA_END_FILE && x->mapped) {
        struct iovec iov[AIO_MAX_IOV];
        int niov = 0;
        DmaFault mf = { NULL, 0, DMA_FAULT_NONE };
        uint64_t covered = dma_mem_iov(e, &x->gp, x->dir, iov, AIO_MAX_IOV,
                                       &niov, &mf);
        if (mf.kind != DMA_FAULT_NONE) {
            x->fault = mf;
            dma_report_fault(first, NULL, &mf);
        }
        x->mapped = covered;
        if (covered) {
            memset(&x->aio, 0, sizeof(x->aio));
            if (++e->file_requests == e->fail_request) {
                e->aio.inject_errno = EIO;
                log_trace(e->log, LOG_DMA, "chain", "%s: host request %llu "
                          "fails with EIO (--fail-io)", x->ev.name,
                          (unsigned long long)e->file_requests);
            }
            aio_submit(&e->aio, &x->aio, x->fd, x->dir == DMA_FROM_MEM,
                       x->offset, iov, niov, x->direct);
        }
    } else if (x->end == DMA_END_BUF && x->mapped) {
        /* the memory stage's own faults are known only when it copies;
         * find them now so the stages above hear of them at once */
        uint64_t i, n = 0;
        for (i = 0; i < x->gp.n; i++) {
            uint64_t ext;
            if (!bus_ram_map(e->bus, x->gp.e[i].addr, x->gp.e[i].len,
                             x->dir == DMA_TO_MEM ? BUS_MAP_WRITE
                                                  : BUS_MAP_READ, &ext) ||
                ext < x->gp.e[i].len) {
                DmaFault mf = { "memory", x->gp.e[i].addr + ext,
                                DMA_FAULT_BUS };
                x->fault = mf;
                dma_report_fault(first, NULL, &mf);
                x->mapped = n + ext;
                break;
            }
            n += ext;
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
    if (!x->busy) {
        return;
    }
    ev_cancel(x->eng->events, &x->ev);
    if (x->end == DMA_END_FILE && x->mapped && !x->aio.done) {
        aio_wait(&x->eng->aio, &x->aio);
        if (x->dir == DMA_TO_MEM && x->aio.res > 0) {
            xfer_mark_written(x, (uint64_t)x->aio.res);
        }
    }
    x->busy = false;
}
