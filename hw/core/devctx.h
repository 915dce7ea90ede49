/*
 * The one context every chip is created with: where it sits on the bus,
 * the machine's clock, and where it reports.
 *
 * The board fills one DevCtx per device from its board table
 * (hw/board/board.c) and passes it to the chip's init function, which
 * keeps a copy and maps its registers at ctx->base.  A chip therefore never
 * needs a pointer to the machine, and a test can build a chip on a bare
 * Bus and EventQueue (tests/unit/).
 */
#ifndef HW_CORE_DEVCTX_H
#define HW_CORE_DEVCTX_H

#include <stdint.h>

#include "hw/core/bus.h"
#include "hw/core/event.h"
#include "hw/core/log.h"

typedef struct DevCtx {
    Bus *bus;
    EventQueue *events;         /* *events->now is the clock, in cycles */
    uint64_t hz;                /* cycles per virtual second */
    Log *log;                   /* may be NULL (unit tests) */
    const char *name;           /* instance, for logs: "esp", "escc-serial" */
    LogCat cat;                 /* its trace and guest-error category */
    GPAddr base;                /* where its registers start */
    uint64_t size;              /* the window they occupy */
    unsigned wait;              /* extra CPU cycles per register access */
} DevCtx;

static inline Cycles dev_now(const DevCtx *c)
{
    return *c->events->now;
}

/* Cycles in `ns` nanoseconds of virtual time, rounded down (at least 1). */
static inline Cycles dev_ns(const DevCtx *c, uint64_t ns)
{
    Cycles n = (Cycles)((unsigned __int128)c->hz * ns / 1000000000u);
    return n ? n : 1;
}

/* Map one register window of the device at ctx->base + off.  A chip
 * created without a bus (a unit test driving its MmioOps directly) is not
 * mapped. */
static inline void dev_map(const DevCtx *c, uint64_t off, uint64_t len,
                           const MmioOps *ops, void *opaque,
                           const char *name)
{
    if (!c->bus) {
        return;
    }
    bus_map_mmio(c->bus, c->base + off, len, ops, opaque,
                 name ? name : c->name, c->wait);
}

#define guest_error(ctx, ...) \
    log_guest_error((ctx)->log, (ctx)->cat, (ctx)->name, __VA_ARGS__)

#define dev_trace(ctx, ...)                                              \
    do {                                                                 \
        if (log_tracing((ctx)->log, (ctx)->cat)) {                       \
            log_trace((ctx)->log, (ctx)->cat, (ctx)->name, __VA_ARGS__); \
        }                                                                \
    } while (0)

#endif
