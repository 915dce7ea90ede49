/*
 * The vectored DMA chain (after the 2007 proposal in which each stage
 * translates a list of addresses and passes it on, and only the last one
 * moves bytes).
 *
 * A bus master (the ESP, the Lance) describes a transfer as a
 * scatter-gather list in its own address space and hands it to the first
 * stage of its chain:
 *
 *     device -> DMA2 channel -> IOMMU -> memory -> host
 *
 * Each stage maps the list into the next space (DMA2: from its address
 * register; IOMMU: DVMA to physical, page by page; memory: physical to
 * host pointers into guest RAM).  A stage that cannot map a byte stops
 * there: the transfer is cut to what could be mapped and the fault (which
 * stage, which address, what kind) goes back to the device, after the
 * stage has done what its hardware does on such a fault (the IOMMU latches
 * AFSR/AFAR and interrupts).  Only the memory stage touches bytes: a copy
 * between guest RAM and the device's own buffer, or a host AIO straight
 * into or out of guest RAM (dma/aio.h).
 *
 * A transfer completes as an event at now + its modelled cost, never
 * inside the register write that started it, and a device-to-memory
 * transfer marks what it wrote with bus_ram_written when it lands, so the
 * CPU drops code it had decoded there.
 *
 * This is the "north" direction of the proposal (a device reaching
 * memory).  The "south" direction (the CPU reaching a device) is the bus:
 * bus_read/bus_write and the MmioOps of each chip.
 */
#ifndef DMA_CHAIN_H
#define DMA_CHAIN_H

#include <stdbool.h>
#include <stdint.h>

#include "dma/aio.h"
#include "dma/sg.h"
#include "hw/core/bus.h"
#include "hw/core/event.h"
#include "hw/core/log.h"

typedef enum DmaDir {
    DMA_FROM_MEM,                   /* the device reads memory */
    DMA_TO_MEM,                     /* the device writes memory */
} DmaDir;

typedef enum DmaFaultKind {
    DMA_FAULT_NONE,
    DMA_FAULT_INVALID,              /* no translation (invalid IOPTE) */
    DMA_FAULT_PROT,                 /* a write to a read-only page */
    DMA_FAULT_BUS,                  /* not memory: nothing answers */
} DmaFaultKind;

typedef struct DmaFault {
    const char *stage;              /* "iommu", "memory", ... */
    uint64_t addr;                  /* in that stage's input space */
    DmaFaultKind kind;
} DmaFault;

typedef struct DmaStage DmaStage;

/*
 * Map `in` (this stage's input space) into `out` (the next stage's),
 * splitting runs at this stage's page edges.  Returns the bytes mapped
 * from the start of in: all of them, or up to the first that could not be,
 * with *f describing it.
 */
typedef uint64_t DmaMapFn(DmaStage *st, const SgList *in, DmaDir dir,
                          SgList *out, DmaFault *f);

/* Told that a stage further down stopped a transfer this stage passed
 * on (the DMA2 channel sets its error bit).  May be NULL. */
typedef void DmaFaultFn(DmaStage *st, const DmaFault *f);

struct DmaStage {
    const char *name;
    DmaMapFn *map;
    DmaFaultFn *on_fault;
    void *opaque;
    DmaStage *next;                 /* NULL: out is guest physical */
};

/* Through every stage from first down to guest physical addresses; a
 * fault is reported back up to every stage above the one that raised it
 * (the memory stage's own faults included, see dma_xfer_start). */
uint64_t dma_map(DmaStage *first, const SgList *in, DmaDir dir, SgList *gp,
                 DmaFault *f);

/* ---- the memory stage and the transfers of a machine ---- */

typedef struct DmaEngine {
    Bus *bus;
    EventQueue *events;
    uint64_t hz;
    Log *log;
    AioCtx aio;                     /* aio.sync_fallback: no kernel AIO */
    /* statistics (--stats) */
    uint64_t bytes_moved;           /* by the memory stage, both ways */
    uint64_t transfers;
    uint64_t faults;                /* transfers cut short by a fault */
    uint64_t file_requests;         /* host transfers started */
    /* Tests (--fail-io N): host transfer number N fails with EIO. */
    uint64_t fail_request;
} DmaEngine;

typedef enum DmaEnd {
    DMA_END_BUF,                    /* the device's own memory */
    DMA_END_FILE,                   /* an image file (host AIO) */
} DmaEnd;

typedef struct DmaXfer DmaXfer;

/*
 * A transfer is over, at its modelled time.  done: bytes moved (all, or
 * up to a fault or a host error); f->kind != DMA_FAULT_NONE if the chain
 * stopped it; host_err: 0 or -errno from the host (EIO, a short read).
 */
typedef void DmaDoneFn(void *opaque, DmaXfer *x, uint64_t done,
                       const DmaFault *f, int host_err);

struct DmaXfer {
    /* Filled by the device */
    DmaDir dir;
    SgList list;                    /* in the first stage's space */
    DmaEnd end;
    uint8_t *buf;                   /* DMA_END_BUF: list total bytes */
    int fd;                         /* DMA_END_FILE: the image ... */
    uint64_t offset;                /* ... at this byte */
    bool direct;                    /* fd is O_DIRECT */
    Cycles cost;                    /* modelled duration */
    DmaDoneFn *done_fn;
    void *opaque;
    /* The engine's */
    DmaEngine *eng;
    Event ev;
    SgList gp;                      /* what the chain mapped */
    DmaFault fault;
    uint64_t mapped;
    AioReq aio;
};

/* In flight: started and its completion not yet delivered. */
static inline bool dma_xfer_busy(const DmaXfer *x)
{
    return ev_pending(&x->ev);
}

int dma_engine_init(DmaEngine *e, Bus *bus, EventQueue *events, uint64_t hz,
                    Log *log);
void dma_engine_free(DmaEngine *e);

void dma_xfer_init(DmaXfer *x, const char *name);
void dma_xfer_free(DmaXfer *x);
/*
 * Start x through the chain from first (NULL: the list is already guest
 * physical).  The bytes of a DMA_END_FILE transfer start moving now (host
 * AIO); those of a DMA_END_BUF one move at completion.  done_fn is called
 * at now + x->cost (later only if the host is late: the machine waits).
 * Returns 0, or -1 if x is already busy (a device bug: nothing started).
 */
int dma_xfer_start(DmaEngine *e, DmaStage *first, DmaXfer *x);
/* A chip reset: done_fn is not called.  Host I/O in flight is waited
 * for, since it writes guest RAM. */
void dma_xfer_cancel(DmaXfer *x);

/*
 * The memory stage's own byte movers, for what a device reads or writes
 * at once (no modelled time of its own): copy between guest physical
 * runs and a device buffer.  Stops at the first byte that is not RAM
 * (*f: "memory", DMA_FAULT_BUS).  Returns the bytes copied.
 */
uint64_t dma_mem_read(DmaEngine *e, const SgList *gp, uint8_t *dst,
                      uint64_t len, DmaFault *f);
uint64_t dma_mem_write(DmaEngine *e, const SgList *gp, const uint8_t *src,
                       uint64_t len, DmaFault *f);
/* The first len bytes of gp were written through host iovecs from
 * dma_mem_iov (a host read straight into guest RAM): the CPU drops code
 * it had decoded there. */
void dma_mem_written(DmaEngine *e, const SgList *gp, uint64_t len);
/* Guest physical runs to host iovecs (at most max), cut at the first byte
 * that is not RAM; returns the bytes covered. */
uint64_t dma_mem_iov(DmaEngine *e, const SgList *gp, DmaDir dir,
                     struct iovec *iov, int max, int *niov, DmaFault *f);

#endif
