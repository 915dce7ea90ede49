/*
 * The test rig of the device tests in tests/unit/: a real Bus with guest
 * RAM, an EventQueue on a local clock, a Log, and a recorder of interrupt
 * lines, in one struct the test owns.  Chips are created on it with
 * rig_ctx() and driven through the bus as the CPU would; time advances by
 * firing the event queue (rig_run_until and friends), so every event lands
 * on the exact cycle its chip scheduled.
 *
 * CUnit tests take no arguments, so a test program usually keeps one rig
 * at file scope next to its chips:
 *
 *     static UnitRig rig;
 *     static Fdc fdc;
 *
 *     static void teardown(void)
 *     {
 *         rig_down(&rig);
 *     }
 *
 *     static void setup(void)
 *     {
 *         DevCtx c;
 *
 *         teardown();
 *         rig_up(&rig, 0x100000, HZ);
 *         c = rig_ctx(&rig, "fdc", LOG_FDC, FDC_PA, FDC_REG_SIZE);
 *         fdc_init(&fdc, &c, rig_irq_line(&rig, SRC_FLOPPY));
 *     }
 *
 * A test that wants more of an interrupt than the recorder keeps can
 * hand the chip its own IrqSetFn and call rig_irq_set() from it (as
 * test_fdc.c does to check the line number).  rig_iommu() and rig_dma2()
 * wire the SS-5's SBus DMA side for the tests that need it.
 *
 * The EventQueue and the Log point at rig->now: a rig must not be moved
 * or copied while it is up.  Everything here is static inline, and there
 * is no state outside the UnitRig.
 */
#ifndef RIG_H
#define RIG_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "hw/chips/dma2.h"
#include "hw/chips/iommu.h"
#include "hw/core/bus.h"
#include "hw/core/devctx.h"
#include "hw/core/event.h"
#include "hw/core/irq.h"
#include "hw/core/log.h"
#include "unit.h"

/* The boot PROM's block, as on the board (empty here) */
#define RIG_ROM_BASE 0x70000000ull
#define RIG_ROM_SIZE 0x1000u

/* Interrupt lines a RigIrq records: 0..31, the system interrupt source
 * bits (or any numbering the test picks) */
#define RIG_IRQ_LINES 32

/* What each interrupt line did since rig_up */
typedef struct RigIrq {
    const Cycles *now;                  /* for rose_at */
    bool level[RIG_IRQ_LINES];          /* where it is now */
    unsigned edges[RIG_IRQ_LINES];      /* changes of level */
    unsigned rises[RIG_IRQ_LINES];      /* of which low to high */
    unsigned falls[RIG_IRQ_LINES];      /* and high to low */
    Cycles rose_at[RIG_IRQ_LINES];      /* the clock at the last rise */
} RigIrq;

typedef struct UnitRig {
    Cycles now;                 /* the clock, in CPU cycles */
    EventQueue q;
    Bus bus;
    Log log;                    /* counts guest errors; also the Bus's */
    uint64_t hz;                /* cycles per virtual second */
    unsigned wait;              /* wait states of the last rig access */
    RigIrq irq;
    bool up;                    /* between rig_up and rig_down */
} UnitRig;

/* An IrqSetFn for a RigIrq (the opaque pointer) */
static inline void rig_irq_set(void *opaque, int n, bool level)
{
    RigIrq *ir = opaque;

    if (n < 0 || n >= RIG_IRQ_LINES) {
        CU_FAIL("interrupt line out of the recorder's range");
        return;
    }
    if (level != ir->level[n]) {
        ir->edges[n]++;
        if (level) {
            ir->rises[n]++;
            ir->rose_at[n] = ir->now ? *ir->now : 0;
        } else {
            ir->falls[n]++;
        }
    }
    ir->level[n] = level;
}

/* Line n of the rig's recorder, to hand to a chip */
static inline IrqLine rig_irq_line(UnitRig *r, int n)
{
    return irq_line(rig_irq_set, &r->irq, n);
}

/*
 * Bring the rig up with ram_size bytes of RAM at 0 (and the PROM block),
 * the clock at 0, an empty queue, a Log of hz cycles a second that the Bus
 * uses too, and every line low.  *r is overwritten: rig_down a rig that is
 * up first.  Fatal (for the test) if the Bus cannot be made.
 */
static inline void rig_up(UnitRig *r, uint64_t ram_size, uint64_t hz)
{
    memset(r, 0, sizeof(*r));
    r->hz = hz;
    r->irq.now = &r->now;
    ev_queue_init(&r->q, &r->now);
    CU_ASSERT_FATAL(bus_init(&r->bus, ram_size, RIG_ROM_BASE,
                             RIG_ROM_SIZE) == 0);
    r->up = true;
    log_init(&r->log, &r->now, hz);
    r->bus.log = &r->log;
}

/* Free the queue and the Bus (the chips on them are the test's); does
 * nothing if the rig is not up. */
static inline void rig_down(UnitRig *r)
{
    if (!r->up) {
        return;
    }
    ev_queue_free(&r->q);
    bus_free(&r->bus);
    r->up = false;
}

/* The context of a chip at base (size bytes of registers) on the rig */
static inline DevCtx rig_ctx(UnitRig *r, const char *name, LogCat cat,
                             GPAddr base, uint64_t size)
{
    return unit_ctx(&r->bus, &r->q, r->hz, &r->log, name, cat, base, size);
}

/* ---- the SS-5's SBus DMA side, as the board wires it ---- */

/* The IOMMU (SS-5 version) with its registers at pa, its interrupt on
 * line `line` of the recorder */
static inline void rig_iommu(UnitRig *r, Iommu *mmu, GPAddr pa, int line)
{
    DevCtx c = rig_ctx(r, "iommu", LOG_IOMMU, pa, IOMMU_REG_SIZE);

    iommu_init(mmu, &c, IOMMU_VERSION_SS5, rig_irq_line(r, line));
}

/* DMA2 with espdma's registers at pa and ledma's after them; their
 * interrupts on lines esp_line and le_line of the recorder */
static inline void rig_dma2(UnitRig *r, Dma2 *dma, GPAddr pa, int esp_line,
                            int le_line)
{
    DevCtx c = rig_ctx(r, "espdma", LOG_DMA, pa, DMA2_CHANNEL_SIZE);
    DevCtx c2 = rig_ctx(r, "ledma", LOG_DMA, pa + DMA2_LEDMA_OFF,
                        DMA2_LEDMA_WINDOW);

    dma2_init(dma, &c, &c2, rig_irq_line(r, esp_line),
              rig_irq_line(r, le_line));
}

/* A byte of RAM at pa, through the Bus's map; fatal if pa is not RAM */
static inline uint8_t *rig_ram(UnitRig *r, GPAddr pa)
{
    uint64_t n;
    uint8_t *p = bus_ram_map(&r->bus, pa, 1, BUS_MAP_LOAD, &n);
    CU_ASSERT_PTR_NOT_NULL_FATAL(p);
    return p;
}

/* ---- accesses as the CPU makes them; r->wait gets their wait states ---- */

/* A read of size bytes, whatever it answers; v (may be NULL) gets the
 * value. */
static inline BusStatus rig_try_rd(UnitRig *r, GPAddr pa, unsigned size,
                                   uint64_t *v)
{
    uint64_t tmp;

    r->wait = 0;
    return bus_read(&r->bus, pa, size, v ? v : &tmp, &r->wait);
}

static inline BusStatus rig_try_wr(UnitRig *r, GPAddr pa, unsigned size,
                                   uint64_t v)
{
    r->wait = 0;
    return bus_write(&r->bus, pa, size, v, &r->wait);
}

/* A read of 1, 2 or 4 bytes that must succeed (asserted) */
static inline uint32_t rig_rd(UnitRig *r, GPAddr pa, unsigned size)
{
    uint64_t v = 0;

    CU_ASSERT_EQUAL(rig_try_rd(r, pa, size, &v), BUS_OK);
    return (uint32_t)v;
}

/* A write of 1, 2 or 4 bytes that must succeed (asserted) */
static inline void rig_wr(UnitRig *r, GPAddr pa, unsigned size, uint32_t v)
{
    CU_ASSERT_EQUAL(rig_try_wr(r, pa, size, v), BUS_OK);
}

/* A read that also says whether it is stable (bus_read_poll: a polling
 * loop on it may be skipped) */
static inline BusStatus rig_poll(UnitRig *r, GPAddr pa, unsigned size,
                                 uint64_t *v, bool *stable)
{
    r->wait = 0;
    return bus_read_poll(&r->bus, pa, size, v, &r->wait, stable);
}

/* Whether a read of pa is stable (false if it fails) */
static inline bool rig_stable(UnitRig *r, GPAddr pa, unsigned size)
{
    uint64_t v;
    bool st = false;

    rig_poll(r, pa, size, &v, &st);
    return st;
}

/* ---- time ---- */

/*
 * Fire the earliest event, and whatever else is due then, if its deadline
 * is at most limit: the clock moves to that deadline.  false, the clock
 * unmoved, if nothing is due by limit (CYCLES_NEVER: nothing is armed).
 */
static inline bool rig_step(UnitRig *r, Cycles limit)
{
    Cycles t = ev_next_deadline(&r->q);

    if (t == CYCLES_NEVER || t > limit) {
        return false;
    }
    r->now = t;
    ev_run_due(&r->q);
    return true;
}

/* Advance the clock to until, firing the events due on the way, each at
 * its own deadline. */
static inline void rig_run_until(UnitRig *r, Cycles until)
{
    while (rig_step(r, until)) {
    }
    r->now = until;
}

static inline void rig_run_for(UnitRig *r, Cycles d)
{
    rig_run_until(r, r->now + d);
}

/* Fire events until the queue is empty; the clock stays at the last. */
static inline void rig_run_all(UnitRig *r)
{
    while (rig_step(r, CYCLES_NEVER)) {
    }
}

#endif /* RIG_H */
