/*
 * Unit tests of the SLAVIO interrupt controller (hw/chips/slavio_intctl.c) and
 * counter-timers (hw/chips/slavio_timer.c).
 *
 * Both chips are mapped on a real Bus at their SS-5 addresses and driven
 * through bus_read/bus_write.  Time is a plain variable (`now`, in CPU
 * cycles) behind an EventQueue; run_until() plays the machine loop: it
 * moves the clock to each event's deadline and fires it there, so an
 * interrupt is seen at exactly the cycle the chip scheduled it.
 *
 * Built and run by `make check-unit`.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "hw/core/bus.h"
#include "hw/core/event.h"
#include "hw/chips/slavio_intctl.h"
#include "hw/chips/slavio_timer.h"
#include "unit.h"

#define IC_CPU0 0x71e00000ull
#define IC_CPU1 0x71e01000ull
#define IC_SYS 0x71e10000ull
#define TM_CPU0 0x71d00000ull
#define TM_CPU1 0x71d01000ull
#define TM_SYS 0x71d10000ull

/* register offsets */
#define IC_PENDING 0x0
#define IC_CLEAR 0x4                /* per-CPU */
#define IC_SET 0x8                  /* per-CPU */
#define IC_MASK 0x4                 /* system */
#define IC_CLEARMASK 0x8
#define IC_SETMASK 0xc
#define IC_TARGET 0x10
#define TM_LIMIT 0x0
#define TM_COUNT 0x4
#define TM_NORST 0x8
#define TM_RUN 0xc
#define TM_CONFIG 0x10

#define MHZ110 110000000ull
#define TICK 55ull                  /* cycles per 500 ns at 110 MHz */
#define COUNT_MOD (1ull << 22)

typedef struct IrqRec {
    bool level;
    unsigned rises, falls;
    Cycles last_rise;
} IrqRec;

/* CUnit test functions take no arguments: the fixture is file-scope. */
static Cycles now;
static EventQueue q;
static Bus bus;
static Log glog;
static bool have_fixture;
static SlavioIntctl ic;
static SlavioTimer tm;
static unsigned cpu_lv[SLAVIO_INTCTL_MAX_CPUS];
static unsigned lv_calls;
static IrqRec rec[SLAVIO_TIMER_MAX_CPUS + 1];
static uint64_t hz;

static void cpu_level_cb(void *opaque, int cpu, unsigned level)
{
    (void)opaque;
    cpu_lv[cpu] = level;
    lv_calls++;
}

static void rec_set(void *opaque, int n, bool level)
{
    IrqRec *r = &rec[n];
    (void)opaque;
    if (level && !r->level) {
        r->rises++;
        r->last_rise = now;
    } else if (!level && r->level) {
        r->falls++;
    }
    r->level = level;
}

static void teardown(void)
{
    if (have_fixture) {
        ev_queue_free(&q);
        bus_free(&bus);
        have_fixture = false;
    }
}

/* wired: timers drive the intctl as on the board; else the recorders */
static void fixture(unsigned ncpus, uint64_t cpu_hz, bool wired)
{
    unsigned i;
    DevCtx c;

    teardown();
    now = 0;
    hz = cpu_hz;
    memset(cpu_lv, 0, sizeof(cpu_lv));
    memset(rec, 0, sizeof(rec));
    lv_calls = 0;
    ev_queue_init(&q, &now);
    if (bus_init(&bus, 0x10000, 0x70000000ull, 0x1000)) {
        CU_FAIL_FATAL("bus_init");
    }
    have_fixture = true;
    log_init(&glog, &now, cpu_hz);
    c = unit_ctx(&bus, &q, cpu_hz, &glog, "intctl", LOG_INTCTL, IC_CPU0,
                 SLAVIO_INTCTL_WINDOW);
    slavio_intctl_init(&ic, &c, ncpus, cpu_level_cb, NULL);
    c = unit_ctx(&bus, &q, cpu_hz, &glog, "counter", LOG_TIMER, TM_CPU0,
                 SLAVIO_TIMER_WINDOW);
    slavio_timer_init(&tm, &c, ncpus);
    for (i = 0; i < SLAVIO_TIMER_MAX_CPUS; i++) {
        slavio_timer_connect(&tm, i, wired ? slavio_intctl_timer_line(&ic,
                                                 (int)i)
                                           : irq_line(rec_set, NULL,
                                                      (int)i));
    }
    slavio_timer_connect(&tm, SLAVIO_TIMER_SYS,
                         wired ? slavio_intctl_source(&ic, SLAVIO_INT_TIMER)
                               : irq_line(rec_set, NULL, SLAVIO_TIMER_SYS));
}

static uint32_t rd(GPAddr a)
{
    uint64_t v = 0;
    unsigned w = 0;
    CU_ASSERT_EQUAL(bus_read(&bus, a, 4, &v, &w), BUS_OK);
    return (uint32_t)v;
}

static void wr(GPAddr a, uint32_t v)
{
    unsigned w = 0;
    CU_ASSERT_EQUAL(bus_write(&bus, a, 4, v, &w), BUS_OK);
}

/* The machine loop: fire every event due up to t at its own cycle. */
static void run_until(Cycles t)
{
    Cycles d;
    while ((d = ev_next_deadline(&q)) <= t) {
        if (d > now) {
            now = d;
        }
        ev_run_due(&q);
    }
    now = t;
}

/* Run to the next event and fire it; returns its cycle. */
static Cycles next_event(void)
{
    Cycles d = ev_next_deadline(&q);
    CU_ASSERT_NOT_EQUAL_FATAL(d, CYCLES_NEVER);
    now = d;
    ev_run_due(&q);
    return d;
}

/* Reference arithmetic, done differently from the chip (128-bit). */
static uint64_t ref_tick(Cycles c)
{
    return (uint64_t)((unsigned __int128)c * 2000000u / hz);
}

static Cycles ref_cycle_of_tick(uint64_t t)
{
    unsigned __int128 x = (unsigned __int128)t * hz;
    return (Cycles)((x + 1999999u) / 2000000u);
}

/* ---- interrupt controller ---- */

static void t_ic_reset(void)
{
    fixture(1, MHZ110, false);
    CU_ASSERT_EQUAL(rd(IC_SYS + IC_PENDING), 0);
    CU_ASSERT_EQUAL(rd(IC_SYS + IC_MASK), 0);      /* all enabled */
    CU_ASSERT_EQUAL(rd(IC_SYS + IC_TARGET), 0);
    CU_ASSERT_EQUAL(rd(IC_CPU0 + IC_PENDING), 0);
    CU_ASSERT_EQUAL(cpu_lv[0], 0);
    CU_ASSERT(lv_calls >= 1);                       /* reset reports */

    wr(IC_SYS + IC_SETMASK, 0x12345678);
    wr(IC_SYS + IC_TARGET, 2);
    wr(IC_CPU0 + IC_SET, 0xffff0000);
    CU_ASSERT_EQUAL(cpu_lv[0], 15);
    slavio_intctl_reset(&ic);
    CU_ASSERT_EQUAL(rd(IC_SYS + IC_MASK), 0);
    CU_ASSERT_EQUAL(rd(IC_SYS + IC_TARGET), 0);
    CU_ASSERT_EQUAL(rd(IC_CPU0 + IC_PENDING), 0);
    CU_ASSERT_EQUAL(cpu_lv[0], 0);
}

static void t_ic_mask(void)
{
    fixture(1, MHZ110, false);
    slavio_intctl_irq_in(&ic, SLAVIO_INT_SCSI, true);
    CU_ASSERT_EQUAL(cpu_lv[0], 4);
    CU_ASSERT_EQUAL(rd(IC_SYS + IC_PENDING), 1u << 18);
    CU_ASSERT_EQUAL(rd(IC_CPU0 + IC_PENDING), 1u << 4);

    wr(IC_SYS + IC_SETMASK, 1u << 18);              /* disable */
    CU_ASSERT_EQUAL(cpu_lv[0], 0);
    CU_ASSERT_EQUAL(rd(IC_SYS + IC_MASK), 1u << 18);
    /* masking does not forget the source */
    CU_ASSERT_EQUAL(rd(IC_SYS + IC_PENDING), 1u << 18);
    CU_ASSERT_EQUAL(rd(IC_CPU0 + IC_PENDING), 1u << 4);

    wr(IC_SYS + IC_CLEARMASK, 1u << 18);            /* enable */
    CU_ASSERT_EQUAL(cpu_lv[0], 4);
    CU_ASSERT_EQUAL(rd(IC_SYS + IC_MASK), 0);

    slavio_intctl_irq_in(&ic, SLAVIO_INT_SCSI, false);
    CU_ASSERT_EQUAL(cpu_lv[0], 0);
    CU_ASSERT_EQUAL(rd(IC_SYS + IC_PENDING), 0);
    CU_ASSERT_EQUAL(rd(IC_CPU0 + IC_PENDING), 0);
}

static void t_ic_levels(void)
{
    static const struct {
        int bit;
        unsigned pil;
    } tab[] = {
        { 7, 2 }, { 8, 3 }, { 9, 5 }, { 10, 7 }, { 11, 9 }, { 12, 11 },
        { 13, 13 }, { 14, 12 }, { 15, 12 }, { 16, 6 }, { 18, 4 },
        { 19, 10 }, { 20, 8 }, { 22, 11 }, { 28, 15 }, { 29, 15 },
        { 30, 15 },
    };
    unsigned i;

    fixture(1, MHZ110, false);
    for (i = 0; i < sizeof(tab) / sizeof(tab[0]); i++) {
        slavio_intctl_irq_in(&ic, tab[i].bit, true);
        CU_ASSERT_EQUAL(cpu_lv[0], tab[i].pil);
        slavio_intctl_irq_in(&ic, tab[i].bit, false);
        CU_ASSERT_EQUAL(cpu_lv[0], 0);
    }

    /* the highest level wins; levels stay until their source drops */
    slavio_intctl_irq_in(&ic, SLAVIO_INT_SCSI, true);
    slavio_intctl_irq_in(&ic, SLAVIO_INT_ETHERNET, true);
    slavio_intctl_irq_in(&ic, SLAVIO_INT_SERIAL, true);
    slavio_intctl_irq_in(&ic, SLAVIO_INT_KBDMS, true);
    slavio_intctl_irq_in(&ic, SLAVIO_INT_FLOPPY, true);
    CU_ASSERT_EQUAL(cpu_lv[0], 12);
    CU_ASSERT_EQUAL(rd(IC_CPU0 + IC_PENDING),
                    (1u << 4) | (1u << 6) | (1u << 11) | (1u << 12));
    slavio_intctl_irq_in(&ic, SLAVIO_INT_SERIAL, false);
    CU_ASSERT_EQUAL(cpu_lv[0], 12);                 /* kbd still there */
    slavio_intctl_irq_in(&ic, SLAVIO_INT_KBDMS, false);
    CU_ASSERT_EQUAL(cpu_lv[0], 11);
    slavio_intctl_irq_in(&ic, SLAVIO_INT_FLOPPY, false);
    CU_ASSERT_EQUAL(cpu_lv[0], 6);
    wr(IC_SYS + IC_SETMASK, 1u << SLAVIO_INT_ETHERNET);
    CU_ASSERT_EQUAL(cpu_lv[0], 4);
    slavio_intctl_irq_in(&ic, SLAVIO_INT_SCSI, false);
    CU_ASSERT_EQUAL(cpu_lv[0], 0);
}

static void t_ic_master_disable(void)
{
    fixture(1, MHZ110, false);
    slavio_intctl_irq_in(&ic, SLAVIO_INT_TIMER, true);
    slavio_intctl_timer_in(&ic, 0, true);
    wr(IC_CPU0 + IC_SET, 1u << (16 + 3));           /* soft level 3 */
    CU_ASSERT_EQUAL(cpu_lv[0], 14);

    wr(IC_SYS + IC_SETMASK, 0x80000000u);
    CU_ASSERT_EQUAL(rd(IC_SYS + IC_MASK), 0x80000000u);
    CU_ASSERT_EQUAL(cpu_lv[0], 3);                  /* soft ints pass */
    slavio_intctl_irq_in(&ic, SLAVIO_INT_MODULE_ERR, true);
    CU_ASSERT_EQUAL(cpu_lv[0], 3);                  /* even level 15 */
    wr(IC_CPU0 + IC_CLEAR, 1u << (16 + 3));
    CU_ASSERT_EQUAL(cpu_lv[0], 0);
    /* pending registers still show everything */
    CU_ASSERT_EQUAL(rd(IC_SYS + IC_PENDING), (1u << 19) | (1u << 30));

    slavio_intctl_irq_in(&ic, SLAVIO_INT_MODULE_ERR, false);
    wr(IC_SYS + IC_CLEARMASK, 0x80000000u);
    CU_ASSERT_EQUAL(rd(IC_SYS + IC_MASK), 0);
    CU_ASSERT_EQUAL(cpu_lv[0], 14);
    slavio_intctl_timer_in(&ic, 0, false);
    CU_ASSERT_EQUAL(cpu_lv[0], 10);
}

static void t_ic_soft(void)
{
    fixture(1, MHZ110, false);
    wr(IC_CPU0 + IC_SET, 1u << 17);                 /* soft level 1 */
    CU_ASSERT_EQUAL(cpu_lv[0], 1);
    CU_ASSERT_EQUAL(rd(IC_CPU0 + IC_PENDING), 1u << 17);
    wr(IC_CPU0 + IC_SET, 0x80000000u);              /* soft level 15 */
    CU_ASSERT_EQUAL(cpu_lv[0], 15);
    CU_ASSERT_EQUAL(rd(IC_CPU0 + IC_PENDING), 0x80020000u);
    wr(IC_CPU0 + IC_CLEAR, 0x80000000u);
    CU_ASSERT_EQUAL(cpu_lv[0], 1);
    /* bit 16 (no level 0) and the hardware bits cannot be set */
    wr(IC_CPU0 + IC_SET, 0x0001ffffu);
    CU_ASSERT_EQUAL(rd(IC_CPU0 + IC_PENDING), 1u << 17);
    CU_ASSERT_EQUAL(cpu_lv[0], 1);
    /* a soft interrupt and a device: the higher wins */
    wr(IC_CPU0 + IC_SET, 1u << (16 + 5));
    slavio_intctl_irq_in(&ic, SLAVIO_INT_SCSI, true);
    CU_ASSERT_EQUAL(cpu_lv[0], 5);
    /* soft ints are never masked by the system mask */
    wr(IC_SYS + IC_SETMASK, 0x7fffffffu);
    CU_ASSERT_EQUAL(cpu_lv[0], 5);
    /* the Linux/OpenBIOS clear value clears all soft ints */
    wr(IC_CPU0 + IC_CLEAR, 0xfffe8000u);
    CU_ASSERT_EQUAL(rd(IC_CPU0 + IC_PENDING), 1u << 4);
    CU_ASSERT_EQUAL(cpu_lv[0], 0);
    /* clearing does not touch system sources */
    CU_ASSERT_EQUAL(rd(IC_SYS + IC_PENDING), 1u << 18);
}

static void t_ic_impl_bits(void)
{
    fixture(1, MHZ110, false);
    wr(IC_SYS + IC_SETMASK, 0xffffffffu);
    CU_ASSERT_EQUAL(rd(IC_SYS + IC_MASK), 0xf05dff80u);
    wr(IC_SYS + IC_CLEARMASK, 0xffffffffu);
    CU_ASSERT_EQUAL(rd(IC_SYS + IC_MASK), 0);

    /* unimplemented sources stay masked: pending, never delivered */
    slavio_intctl_irq_in(&ic, SLAVIO_INT_AUDIO, true);
    slavio_intctl_irq_in(&ic, SLAVIO_INT_MODULE, true);
    slavio_intctl_irq_in(&ic, 3, true);             /* VME */
    slavio_intctl_irq_in(&ic, 27, true);            /* VME async error */
    CU_ASSERT_EQUAL(rd(IC_SYS + IC_PENDING),
                    (1u << 17) | (1u << 21) | (1u << 3) | (1u << 27));
    CU_ASSERT_EQUAL(cpu_lv[0], 15);     /* 27 sets the level-15 latch */
    wr(IC_CPU0 + IC_CLEAR, 0x8000);
    CU_ASSERT_EQUAL(cpu_lv[0], 0);

    /* bits with no level, and bit 31, deliver nothing */
    slavio_intctl_irq_in(&ic, 24, true);
    slavio_intctl_irq_in(&ic, 31, true);
    CU_ASSERT_EQUAL(cpu_lv[0], 0);
    CU_ASSERT_EQUAL(rd(IC_SYS + IC_PENDING) & 0x80000000u, 0);
    CU_ASSERT_NOT_EQUAL(rd(IC_SYS + IC_PENDING) & (1u << 24), 0);
}

static void t_ic_target(void)
{
    fixture(2, MHZ110, false);
    slavio_intctl_irq_in(&ic, SLAVIO_INT_SCSI, true);
    CU_ASSERT_EQUAL(cpu_lv[0], 4);
    CU_ASSERT_EQUAL(cpu_lv[1], 0);
    CU_ASSERT_EQUAL(rd(IC_CPU0 + IC_PENDING), 1u << 4);
    CU_ASSERT_EQUAL(rd(IC_CPU1 + IC_PENDING), 0);

    wr(IC_SYS + IC_TARGET, 1);
    CU_ASSERT_EQUAL(rd(IC_SYS + IC_TARGET), 1);
    CU_ASSERT_EQUAL(cpu_lv[0], 0);
    CU_ASSERT_EQUAL(cpu_lv[1], 4);
    CU_ASSERT_EQUAL(rd(IC_CPU0 + IC_PENDING), 0);
    CU_ASSERT_EQUAL(rd(IC_CPU1 + IC_PENDING), 1u << 4);

    wr(IC_SYS + IC_TARGET, 0x23);                   /* 4 bits kept */
    CU_ASSERT_EQUAL(rd(IC_SYS + IC_TARGET), 3);
    CU_ASSERT_EQUAL(cpu_lv[0], 0);                  /* CPU 3 absent */
    CU_ASSERT_EQUAL(cpu_lv[1], 0);

    wr(IC_SYS + IC_TARGET, 0);
    CU_ASSERT_EQUAL(cpu_lv[0], 4);
    /* per-CPU inputs and soft ints stay with their CPU */
    slavio_intctl_timer_in(&ic, 1, true);
    CU_ASSERT_EQUAL(cpu_lv[0], 4);
    CU_ASSERT_EQUAL(cpu_lv[1], 14);
    wr(IC_CPU1 + IC_SET, 0x80000000u);
    CU_ASSERT_EQUAL(cpu_lv[1], 15);
    CU_ASSERT_EQUAL(cpu_lv[0], 4);
    CU_ASSERT_EQUAL(rd(IC_CPU1 + IC_PENDING), 0x80004000u);

    /* with one CPU fitted, target 1 sends system sources nowhere */
    fixture(1, MHZ110, false);
    slavio_intctl_irq_in(&ic, SLAVIO_INT_SCSI, true);
    wr(IC_SYS + IC_TARGET, 1);
    CU_ASSERT_EQUAL(cpu_lv[0], 0);
    slavio_intctl_timer_in(&ic, 0, true);
    CU_ASSERT_EQUAL(cpu_lv[0], 14);
}

static void t_ic_timer_l14(void)
{
    fixture(1, MHZ110, false);
    slavio_intctl_timer_in(&ic, 0, true);
    CU_ASSERT_EQUAL(cpu_lv[0], 14);
    CU_ASSERT_EQUAL(rd(IC_CPU0 + IC_PENDING), 1u << 14);
    /* bit 14 follows the timer, the clear register cannot drop it */
    wr(IC_CPU0 + IC_CLEAR, 0xffffffffu);
    CU_ASSERT_EQUAL(rd(IC_CPU0 + IC_PENDING), 1u << 14);
    CU_ASSERT_EQUAL(cpu_lv[0], 14);
    /* not gated by system mask bits, only by the master disable */
    wr(IC_SYS + IC_SETMASK, 0x7fffffffu);
    CU_ASSERT_EQUAL(cpu_lv[0], 14);
    slavio_intctl_timer_in(&ic, 0, false);
    CU_ASSERT_EQUAL(cpu_lv[0], 0);
    CU_ASSERT_EQUAL(rd(IC_CPU0 + IC_PENDING), 0);
}

static void t_ic_l15_broadcast(void)
{
    fixture(2, MHZ110, false);
    slavio_intctl_irq_in(&ic, SLAVIO_INT_MODULE_ERR, true);
    CU_ASSERT_EQUAL(cpu_lv[0], 15);
    CU_ASSERT_EQUAL(cpu_lv[1], 15);                 /* via bit 15 */
    CU_ASSERT_EQUAL(rd(IC_CPU0 + IC_PENDING), 1u << 15);
    CU_ASSERT_EQUAL(rd(IC_CPU1 + IC_PENDING), 1u << 15);

    wr(IC_CPU1 + IC_CLEAR, 1u << 15);
    CU_ASSERT_EQUAL(cpu_lv[1], 0);
    CU_ASSERT_EQUAL(cpu_lv[0], 15);                 /* target: source */
    wr(IC_CPU0 + IC_CLEAR, 1u << 15);
    CU_ASSERT_EQUAL(cpu_lv[0], 15);

    slavio_intctl_irq_in(&ic, SLAVIO_INT_MODULE_ERR, false);
    CU_ASSERT_EQUAL(cpu_lv[0], 0);
    slavio_intctl_irq_in(&ic, SLAVIO_INT_ECC, true);
    CU_ASSERT_EQUAL(cpu_lv[1], 15);
    slavio_intctl_irq_in(&ic, SLAVIO_INT_ECC, false);
    CU_ASSERT_EQUAL(cpu_lv[0], 0);
    CU_ASSERT_EQUAL(cpu_lv[1], 0);

    /* a CPU's own broadcast line */
    slavio_intctl_l15_in(&ic, 1, true);
    CU_ASSERT_EQUAL(cpu_lv[1], 15);
    CU_ASSERT_EQUAL(cpu_lv[0], 0);
    wr(IC_SYS + IC_SETMASK, 0x80000000u);
    CU_ASSERT_EQUAL(cpu_lv[1], 0);
    wr(IC_SYS + IC_CLEARMASK, 0x80000000u);
    CU_ASSERT_EQUAL(cpu_lv[1], 15);
    slavio_intctl_l15_in(&ic, 1, false);
    CU_ASSERT_EQUAL(cpu_lv[1], 0);
}

static void t_ic_guest_errors(void)
{
    uint64_t v;
    unsigned w = 0, errs;

    fixture(1, MHZ110, false);
    slavio_intctl_irq_in(&ic, SLAVIO_INT_SCSI, true);
    errs = log_guest_error_count(&glog);
    wr(IC_SYS + IC_PENDING, 0);
    wr(IC_SYS + IC_MASK, 0xffffffffu);
    wr(IC_CPU0 + IC_PENDING, 0xffffffffu);
    wr(IC_CPU0 + 0xc, 0xffffffffu);
    CU_ASSERT_EQUAL(log_guest_error_count(&glog), errs + 4);
    CU_ASSERT_EQUAL(rd(IC_SYS + IC_PENDING), 1u << 18);
    CU_ASSERT_EQUAL(rd(IC_SYS + IC_MASK), 0);
    CU_ASSERT_EQUAL(rd(IC_CPU0 + IC_PENDING), 1u << 4);
    CU_ASSERT_EQUAL(cpu_lv[0], 4);
    /* write-only registers read 0 */
    CU_ASSERT_EQUAL(rd(IC_SYS + IC_CLEARMASK), 0);
    CU_ASSERT_EQUAL(rd(IC_SYS + IC_SETMASK), 0);
    CU_ASSERT_EQUAL(rd(IC_CPU0 + IC_CLEAR), 0);
    CU_ASSERT_EQUAL(rd(IC_CPU0 + IC_SET), 0);
    /* 32-bit registers only */
    CU_ASSERT_EQUAL(bus_read(&bus, IC_SYS + 3, 1, &v, &w), BUS_ERR_SIZE);
    CU_ASSERT_EQUAL(bus_write(&bus, IC_CPU0 + 8, 2, 0xffff, &w),
                    BUS_ERR_SIZE);
    CU_ASSERT_EQUAL(rd(IC_CPU0 + IC_PENDING), 1u << 4);
    /* four per-CPU pages, then nothing */
    CU_ASSERT_EQUAL(bus_read(&bus, IC_CPU0 + 0x3000, 4, &v, &w), BUS_OK);
    CU_ASSERT_EQUAL(bus_read(&bus, IC_CPU0 + 0x4000, 4, &v, &w),
                    BUS_ERR_UNMAPPED);
    CU_ASSERT_EQUAL(bus_read(&bus, IC_CPU0 + 0x10, 4, &v, &w),
                    BUS_ERR_UNMAPPED);
    CU_ASSERT_EQUAL(bus_read(&bus, IC_SYS + 0x14, 4, &v, &w),
                    BUS_ERR_UNMAPPED);
}

static void t_ic_callback_on_change(void)
{
    unsigned calls;

    fixture(1, MHZ110, false);
    calls = lv_calls;
    slavio_intctl_irq_in(&ic, SLAVIO_INT_SCSI, true);
    CU_ASSERT_EQUAL(lv_calls, calls + 1);
    slavio_intctl_irq_in(&ic, SLAVIO_INT_SCSI, true);   /* no change */
    slavio_intctl_irq_in(&ic, SLAVIO_INT_ETHERNET, true);
    CU_ASSERT_EQUAL(lv_calls, calls + 2);
    CU_ASSERT_EQUAL(cpu_lv[0], 6);
    slavio_intctl_irq_in(&ic, SLAVIO_INT_TIMER, true);
    CU_ASSERT_EQUAL(lv_calls, calls + 3);
    wr(IC_SYS + IC_SETMASK, 1u << SLAVIO_INT_ETHERNET);  /* still 10 */
    wr(IC_SYS + IC_CLEARMASK, 0x7fffffffu);
    wr(IC_CPU0 + IC_CLEAR, 0xfffe8000u);
    CU_ASSERT_EQUAL(lv_calls, calls + 3);
    CU_ASSERT_EQUAL(cpu_lv[0], 10);
}

static void t_ic_firmware_sequences(void)
{
    fixture(1, MHZ110, false);
    /* OpenBIOS ob_interrupt_init */
    wr(IC_SYS + IC_CLEARMASK, 0x7fffffffu);
    wr(IC_CPU0 + IC_CLEAR, 0xfffe8000u);
    CU_ASSERT_EQUAL(rd(IC_SYS + IC_MASK), 0);
    /* Linux sun4m_init_IRQ, then the timer IRQ unmasked */
    wr(IC_SYS + IC_SETMASK, 0x7fffffffu);
    CU_ASSERT_EQUAL(rd(IC_SYS + IC_MASK), 0x705dff80u);
    wr(IC_SYS + IC_CLEARMASK, 0x00080000u);
    CU_ASSERT_EQUAL(rd(IC_SYS + IC_MASK), 0x7055ff80u);
    slavio_intctl_irq_in(&ic, SLAVIO_INT_SCSI, true);
    CU_ASSERT_EQUAL(cpu_lv[0], 0);
    slavio_intctl_irq_in(&ic, SLAVIO_INT_TIMER, true);
    CU_ASSERT_EQUAL(cpu_lv[0], 10);
}

/* ---- counter-timers ---- */

static void t_tm_reset_freerun(void)
{
    fixture(1, MHZ110, false);
    CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_COUNT), 0);
    CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_LIMIT), 0);
    CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_RUN), 1);       /* running */
    CU_ASSERT_EQUAL(rd(TM_SYS + TM_CONFIG), 0);
    CU_ASSERT_EQUAL(rd(TM_SYS + TM_RUN), 0);        /* reserved */
    run_until(1000 * TICK - 1);
    CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_COUNT), 999u << 9);
    CU_ASSERT_EQUAL(rd(TM_SYS + TM_COUNT), 999u << 9);
    run_until(1000 * TICK);
    CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_COUNT), 1000u << 9);
    CU_ASSERT_EQUAL(rd(TM_SYS + TM_COUNT), 1000u << 9);
    /* no limit: no event, no interrupt */
    CU_ASSERT_EQUAL(ev_next_deadline(&q), CYCLES_NEVER);
    CU_ASSERT_EQUAL(rec[0].rises + rec[SLAVIO_TIMER_SYS].rises, 0);

    /* reset restarts every count */
    wr(TM_CPU0 + TM_LIMIT, 0x9c4000);
    slavio_timer_reset(&tm);
    CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_LIMIT), 0);
    CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_COUNT), 0);
    CU_ASSERT_EQUAL(ev_next_deadline(&q), CYCLES_NEVER);
}

static void t_tm_count_after_cycles(void)
{
    Cycles c;

    fixture(1, MHZ110, false);
    run_until(1000);                            /* mid-tick 18 */
    wr(TM_CPU0 + TM_LIMIT, 0x9c4000);
    CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_LIMIT), 0x9c4000);
    CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_COUNT), 0);
    /* the count follows the common 2 MHz clock: +1 at every tick edge */
    for (c = 1000; c < 1000 + 300 * TICK; c += 7) {
        run_until(c);
        CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_COUNT),
                        (uint32_t)(c / TICK - 18) << 9);
    }
    run_until(6544);
    CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_COUNT), 100u << 9);
    run_until(6545);
    CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_COUNT), 101u << 9);
}

static void t_tm_irq_exact_cycle(void)
{
    fixture(1, MHZ110, false);
    wr(TM_CPU0 + TM_LIMIT, 0x9c4000);           /* 20000 ticks, OpenBIOS */
    CU_ASSERT_EQUAL(ev_next_deadline(&q), 20000 * TICK);
    run_until(20000 * TICK - 1);
    CU_ASSERT_EQUAL(rec[0].rises, 0);
    CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_COUNT), 19999u << 9);
    run_until(20000 * TICK);
    CU_ASSERT_EQUAL(rec[0].rises, 1);
    CU_ASSERT_EQUAL(rec[0].last_rise, 20000 * TICK);
    CU_ASSERT(rec[0].level);
    /* limit reached: bit 31, and the count restarted at 1 */
    CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_COUNT), 0x80000200u);
    CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_COUNT), 0x80000200u);  /* sticky */
    CU_ASSERT(rec[0].level);
    /* reading the limit acknowledges */
    CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_LIMIT), 0x9c4000);
    CU_ASSERT(!rec[0].level);
    CU_ASSERT_EQUAL(rec[0].falls, 1);
    CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_COUNT), 0x200u);
    /* then every limit - 1 ticks */
    CU_ASSERT_EQUAL(ev_next_deadline(&q), (20000 + 19999) * TICK);
    run_until((20000 + 19999) * TICK);
    CU_ASSERT_EQUAL(rec[0].rises, 2);
    CU_ASSERT_EQUAL(rec[0].last_rise, (20000 + 19999) * TICK);
    /* other timers did nothing */
    CU_ASSERT_EQUAL(rec[1].rises + rec[SLAVIO_TIMER_SYS].rises, 0);
}

/* 1000 periods: each interrupt at the exact cycle of its tick. */
static void check_periodic(uint64_t cpu_hz, unsigned index, uint32_t lim)
{
    GPAddr base = index == SLAVIO_TIMER_SYS ? TM_SYS
                                            : TM_CPU0 + index * 0x1000ull;
    uint64_t t0, last, l = lim >> 9;
    unsigned k;
    bool ok = true;

    fixture(1, cpu_hz, false);
    run_until(12345);
    t0 = ref_tick(12345);
    wr(base + TM_LIMIT, lim);
    for (k = 0; k < 1000 && ok; k++) {
        uint64_t tick = t0 + l + (uint64_t)k * (l - 1);
        Cycles c = next_event();
        ok = c == ref_cycle_of_tick(tick) && rec[index].rises == k + 1 &&
             rec[index].last_rise == c &&
             rd(base + TM_COUNT) == 0x80000200u &&
             rd(base + TM_LIMIT) == lim && !rec[index].level;
        if (!ok) {
            fprintf(stderr, "\n  %llu Hz period %u: at %llu, want %llu\n",
                    (unsigned long long)cpu_hz, k, (unsigned long long)c,
                    (unsigned long long)ref_cycle_of_tick(tick));
        }
    }
    CU_ASSERT(ok);
    /* the last tick before the next match: count limit - 1, no bit 31 */
    last = t0 + l + 999 * (l - 1);
    run_until(ref_cycle_of_tick(last + l - 2));
    CU_ASSERT_EQUAL(rd(base + TM_COUNT), (uint32_t)(l - 1) << 9);
    CU_ASSERT_EQUAL(ev_next_deadline(&q), ref_cycle_of_tick(last + l - 1));
}

static void t_tm_periodic_no_drift(void)
{
    check_periodic(MHZ110, 0, 0x9c4000);            /* OpenBIOS tick */
    check_periodic(MHZ110, SLAVIO_TIMER_SYS, 0x9c4200); /* Linux HZ=100 */
    check_periodic(85000000, 0, 0x9c4000);          /* 42.5 cycles/tick */
    check_periodic(123456789, SLAVIO_TIMER_SYS, 0x9c4200);
    check_periodic(123456789, 0, 3u << 9);          /* 2-tick period */
}

static void t_tm_linux_system_timer(void)
{
    uint32_t before, after;
    unsigned offs_before, offs_after;

    fixture(1, MHZ110, false);
    wr(TM_CPU0 + TM_LIMIT, 0);                  /* OBP tick off */
    wr(TM_SYS + TM_LIMIT, (20000 + 1) << 9);    /* timer_value(20000) */
    run_until(20001 * TICK - 1);
    before = rd(TM_SYS + TM_COUNT);
    CU_ASSERT_EQUAL(before, 20000u << 9);
    run_until(20001 * TICK);
    CU_ASSERT_EQUAL(rec[SLAVIO_TIMER_SYS].rises, 1);
    after = rd(TM_SYS + TM_COUNT);
    CU_ASSERT_EQUAL(after, 0x80000200u);
    /* time_32.c sbus_cycles_offset: count + period if bit 31 */
    offs_before = ((before >> 9) & 0x3fffff) +
                  ((before & 0x80000000u) ? 20000 : 0);
    offs_after = ((after >> 9) & 0x3fffff) +
                 ((after & 0x80000000u) ? 20000 : 0);
    CU_ASSERT_EQUAL(offs_after, offs_before + 1);
    rd(TM_SYS + TM_LIMIT);                      /* clear_clock_irq */
    CU_ASSERT(!rec[SLAVIO_TIMER_SYS].level);
    /* exactly 10 ms = 1.1 M cycles per period afterwards */
    CU_ASSERT_EQUAL(next_event(), (20001 + 20000) * TICK);
    CU_ASSERT_EQUAL(rec[SLAVIO_TIMER_SYS].rises, 2);
    CU_ASSERT_EQUAL(rec[0].rises, 0);
}

static void t_tm_limit_noreset(void)
{
    fixture(1, MHZ110, false);
    run_until(1000 * TICK + 20);
    wr(TM_CPU0 + TM_NORST, 1500u << 9);
    CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_COUNT), 1000u << 9);   /* kept */
    CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_LIMIT), 1500u << 9);
    CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_NORST), 0);            /* write-only */
    CU_ASSERT_EQUAL(next_event(), 1500 * TICK);
    CU_ASSERT_EQUAL(rec[0].rises, 1);
    CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_COUNT), 0x80000200u);
    /* limit-no-reset does not acknowledge */
    wr(TM_CPU0 + TM_NORST, 1500u << 9);
    CU_ASSERT(rec[0].level);
    CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_COUNT), 0x80000200u);
    rd(TM_CPU0 + TM_LIMIT);
    CU_ASSERT_EQUAL(next_event(), (1500 + 1499) * TICK);

    /* a new limit below the count: it wraps through 0 first */
    fixture(1, MHZ110, false);
    run_until(1000 * TICK);
    wr(TM_CPU0 + TM_NORST, 500u << 9);
    CU_ASSERT_EQUAL(ev_next_deadline(&q), (COUNT_MOD + 500) * TICK);
    run_until((COUNT_MOD + 10) * TICK);
    CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_COUNT), 10u << 9);
    CU_ASSERT_EQUAL(rec[0].rises, 0);
    CU_ASSERT_EQUAL(next_event(), (COUNT_MOD + 500) * TICK);
    CU_ASSERT_EQUAL(rec[0].rises, 1);

    /* a free-running counter given limit 0 without reset: no event */
    wr(TM_CPU0 + TM_NORST, 0);
    CU_ASSERT_EQUAL(ev_next_deadline(&q), CYCLES_NEVER);
}

static void t_tm_limit0_freerun(void)
{
    fixture(1, MHZ110, false);
    wr(TM_SYS + TM_LIMIT, 0);                   /* OpenBIOS: system off */
    CU_ASSERT_EQUAL(ev_next_deadline(&q), CYCLES_NEVER);
    run_until((COUNT_MOD - 1) * TICK);
    CU_ASSERT_EQUAL(rd(TM_SYS + TM_COUNT), 0x7ffffe00u);
    run_until(COUNT_MOD * TICK);
    CU_ASSERT_EQUAL(rd(TM_SYS + TM_COUNT), 0);  /* 22 bits wrap */
    run_until((3 * COUNT_MOD + 77) * TICK);
    CU_ASSERT_EQUAL(rd(TM_SYS + TM_COUNT), 77u << 9);
    CU_ASSERT_EQUAL(rec[SLAVIO_TIMER_SYS].rises, 0);
    CU_ASSERT_EQUAL(ev_next_deadline(&q), CYCLES_NEVER);
}

static void t_tm_limit_write_restarts(void)
{
    fixture(1, MHZ110, false);
    wr(TM_CPU0 + TM_LIMIT, 100u << 9);
    CU_ASSERT_EQUAL(next_event(), 100 * TICK);
    CU_ASSERT(rec[0].level);
    run_until(100 * TICK + 10);
    /* a new limit restarts the count and drops the interrupt */
    wr(TM_CPU0 + TM_LIMIT, 200u << 9);
    CU_ASSERT(!rec[0].level);
    CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_COUNT), 0);
    CU_ASSERT_EQUAL(ev_next_deadline(&q), 300 * TICK);
    /* limit 0 (Linux turning the PROM tick off): no more events */
    run_until(300 * TICK);
    CU_ASSERT(rec[0].level);
    wr(TM_CPU0 + TM_LIMIT, 0);
    CU_ASSERT(!rec[0].level);
    CU_ASSERT_EQUAL(ev_next_deadline(&q), CYCLES_NEVER);
    CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_COUNT), 0);
    /* limit of 1 tick: a match every 2^22 ticks, not a storm */
    wr(TM_CPU0 + TM_LIMIT, 1u << 9);
    CU_ASSERT_EQUAL(next_event(), 301 * TICK);
    rd(TM_CPU0 + TM_LIMIT);
    CU_ASSERT_EQUAL(next_event(), (301 + COUNT_MOD) * TICK);
}

static void t_tm_late_catch_up(void)
{
    fixture(1, MHZ110, false);
    wr(TM_CPU0 + TM_LIMIT, 100u << 9);
    /* the clock runs past five matches without the events firing */
    now = (100 + 99 * 5 + 10) * TICK;
    CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_COUNT), 0x80000000u | (11u << 9));
    CU_ASSERT_EQUAL(rec[0].rises, 1);
    CU_ASSERT_EQUAL(ev_next_deadline(&q), (100 + 99 * 6) * TICK);
    CU_ASSERT_EQUAL(ev_run_due(&q), 0);
    rd(TM_CPU0 + TM_LIMIT);
    CU_ASSERT_EQUAL(next_event(), (100 + 99 * 6) * TICK);
    CU_ASSERT_EQUAL(rec[0].rises, 2);
}

static void t_tm_user_mode(void)
{
    uint64_t v;
    unsigned w = 0;

    fixture(1, MHZ110, false);
    wr(TM_CPU0 + TM_LIMIT, 2u << 9);            /* about to fire */
    wr(TM_SYS + TM_CONFIG, 1);                  /* CPU 0: user timer */
    CU_ASSERT_EQUAL(rd(TM_SYS + TM_CONFIG), 1);
    CU_ASSERT_EQUAL(ev_next_deadline(&q), CYCLES_NEVER);
    run_until(10 * TICK);
    CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_LIMIT), 0);         /* MSW */
    CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_COUNT), 10u << 9);  /* LSW */

    /* LSW holds count bits 22:0; the carry goes to the MSW */
    wr(TM_CPU0 + TM_COUNT, 0xfffffe00u);
    CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_COUNT), 0xfffffe00u);
    CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_LIMIT), 0);
    run_until(11 * TICK);
    CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_COUNT), 0);
    CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_LIMIT), 1);

    /* MSW holds count bits 53:23 */
    wr(TM_CPU0 + TM_LIMIT, 0xfedcba98u);        /* bit 31 dropped */
    CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_LIMIT), 0x7edcba98u);
    CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_COUNT), 0);
    run_until(11 * TICK + 5 * TICK);
    CU_ASSERT_EQUAL(bus_read(&bus, TM_CPU0, 8, &v, &w), BUS_OK);
    CU_ASSERT_EQUAL(v, 0x7edcba9800000a00ull);
    /* the 54-bit count wraps to 0, silently */
    wr(TM_CPU0 + TM_LIMIT, 0x7fffffffu);
    wr(TM_CPU0 + TM_COUNT, 0xfffffe00u);
    run_until(now + TICK);
    CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_LIMIT), 0);
    CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_COUNT), 0);
    run_until(now + 100000 * TICK);
    CU_ASSERT_EQUAL(rec[0].rises, 0);
    CU_ASSERT_EQUAL(ev_next_deadline(&q), CYCLES_NEVER);

    /* back to a counter: free-running from 0 */
    wr(TM_SYS + TM_CONFIG, 0);
    CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_LIMIT), 0);
    CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_COUNT), 0);
    run_until(now + 3 * TICK);
    CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_COUNT), 3u << 9);
}

static void t_tm_user_run_stop(void)
{
    fixture(1, MHZ110, false);
    wr(TM_SYS + TM_CONFIG, 1);
    run_until(100 * TICK);
    wr(TM_CPU0 + TM_RUN, 0);                    /* stop */
    CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_RUN), 0);
    run_until(500 * TICK);
    CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_COUNT), 100u << 9);
    wr(TM_CPU0 + TM_COUNT, 40u << 9);           /* set while stopped */
    run_until(520 * TICK);
    CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_COUNT), 40u << 9);
    wr(TM_CPU0 + TM_RUN, 1);                    /* start */
    CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_RUN), 1);
    run_until(620 * TICK);
    CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_COUNT), 140u << 9);
    wr(TM_CPU0 + TM_RUN, 1);                    /* already running */
    run_until(621 * TICK);
    CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_COUNT), 141u << 9);

    /* entering user mode while stopped: the count stays at 0 */
    fixture(1, MHZ110, false);
    wr(TM_CPU0 + TM_RUN, 0);
    run_until(50 * TICK);
    CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_COUNT), 50u << 9);  /* counters run */
    wr(TM_SYS + TM_CONFIG, 1);
    run_until(80 * TICK);
    CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_COUNT), 0);
    wr(TM_CPU0 + TM_RUN, 1);
    run_until(90 * TICK);
    CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_COUNT), 10u << 9);
}

static void t_tm_config_bits(void)
{
    fixture(1, MHZ110, false);
    wr(TM_SYS + TM_CONFIG, 0xfffffffeu);        /* OpenBIOS */
    CU_ASSERT_EQUAL(rd(TM_SYS + TM_CONFIG), 0);
    wr(TM_CPU0 + TM_LIMIT, 0x9c4000);
    CU_ASSERT_EQUAL(next_event(), 20000 * TICK);    /* CPU 0 counts */
    /* an absent CPU's timer is a plain counter */
    wr(TM_CPU1 + TM_LIMIT, 10u << 9);
    CU_ASSERT_EQUAL(rd(TM_CPU1 + TM_LIMIT), 10u << 9);

    fixture(2, MHZ110, false);
    wr(TM_SYS + TM_CONFIG, 0xfffffffeu);
    CU_ASSERT_EQUAL(rd(TM_SYS + TM_CONFIG), 2);
    wr(TM_CPU1 + TM_LIMIT, 0x1234);             /* user MSW now */
    CU_ASSERT_EQUAL(rd(TM_CPU1 + TM_LIMIT), 0x1234);
    CU_ASSERT_EQUAL(ev_next_deadline(&q), CYCLES_NEVER);
}

static void t_tm_exact_big_clock(void)
{
    static const Cycles when[] = {
        1, 54, 55, 999999, 123456789ull * 3 + 7, 1000000000000000ull,
        500000000000000000ull, 18000000000000000000ull,
    };
    unsigned i;

    fixture(1, 123456789, false);
    wr(TM_SYS + TM_CONFIG, 1);                  /* CPU 0 54-bit at tick 0 */
    for (i = 0; i < sizeof(when) / sizeof(when[0]); i++) {
        uint64_t t = ref_tick(when[i]);
        now = when[i];
        CU_ASSERT_EQUAL(rd(TM_SYS + TM_COUNT),
                        (uint32_t)((t % COUNT_MOD) << 9));
        CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_COUNT),
                        (uint32_t)(t << 9) & 0xfffffe00u);
        CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_LIMIT),
                        (uint32_t)(((t & ((1ull << 54) - 1)) << 9) >> 32));
    }
}

static void t_tm_guest_errors(void)
{
    uint64_t v;
    unsigned w = 0, errs;

    fixture(1, MHZ110, false);
    run_until(10 * TICK);
    errs = log_guest_error_count(&glog);
    wr(TM_CPU0 + TM_COUNT, 0x12345600);         /* counter: read-only */
    wr(TM_SYS + TM_COUNT, 0x12345600);
    wr(TM_SYS + TM_RUN, 1);                     /* reserved */
    CU_ASSERT_EQUAL(log_guest_error_count(&glog), errs + 3);
    CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_COUNT), 10u << 9);
    CU_ASSERT_EQUAL(rd(TM_SYS + TM_COUNT), 10u << 9);
    /* the limit keeps bits 30:9 only */
    wr(TM_CPU0 + TM_LIMIT, 0xffffffffu);
    CU_ASSERT_EQUAL(rd(TM_CPU0 + TM_LIMIT), 0x7ffffe00u);
    /* 32-bit registers; a doubleword is two words */
    CU_ASSERT_EQUAL(bus_read(&bus, TM_CPU0 + 4, 1, &v, &w), BUS_ERR_SIZE);
    CU_ASSERT_EQUAL(bus_write(&bus, TM_SYS, 2, 0, &w), BUS_ERR_SIZE);
    CU_ASSERT_EQUAL(bus_read(&bus, TM_CPU0, 8, &v, &w), BUS_OK);
    CU_ASSERT_EQUAL(v >> 32, 0x7ffffe00u);
    CU_ASSERT_EQUAL(bus_read(&bus, TM_CPU0 + 0x3000, 4, &v, &w), BUS_OK);
    CU_ASSERT_EQUAL(bus_read(&bus, TM_CPU0 + 0x4000, 4, &v, &w),
                    BUS_ERR_UNMAPPED);
    CU_ASSERT_EQUAL(bus_read(&bus, TM_CPU0 + 0x10, 4, &v, &w),
                    BUS_ERR_UNMAPPED);
    CU_ASSERT_EQUAL(bus_read(&bus, TM_SYS + 0x14, 4, &v, &w),
                    BUS_ERR_UNMAPPED);
}

/* ---- both, wired as on the board ---- */

static void t_board_openbios_tick(void)
{
    fixture(1, MHZ110, true);
    wr(IC_SYS + IC_CLEARMASK, 0x7fffffffu);
    wr(IC_CPU0 + IC_CLEAR, 0xfffe8000u);
    wr(TM_SYS + TM_CONFIG, 0xfffffffeu);
    wr(TM_SYS + TM_LIMIT, 0);
    wr(TM_CPU0 + TM_LIMIT, 0x9c4000);
    wr(TM_CPU0 + TM_RUN, 1);
    run_until(20000 * TICK - 1);
    CU_ASSERT_EQUAL(cpu_lv[0], 0);
    run_until(20000 * TICK);
    CU_ASSERT_EQUAL(cpu_lv[0], 14);
    CU_ASSERT_EQUAL(rd(IC_CPU0 + IC_PENDING), 1u << 14);
    rd(TM_CPU0 + TM_LIMIT);                     /* irq_entry14 ack */
    CU_ASSERT_EQUAL(cpu_lv[0], 0);
    run_until((20000 + 19999) * TICK);
    CU_ASSERT_EQUAL(cpu_lv[0], 14);
    /* only the master disable holds the CPU tick back */
    wr(IC_SYS + IC_SETMASK, 0x80000000u);
    CU_ASSERT_EQUAL(cpu_lv[0], 0);
    wr(IC_SYS + IC_CLEARMASK, 0x80000000u);
    CU_ASSERT_EQUAL(cpu_lv[0], 14);
}

static void t_board_linux_clock(void)
{
    fixture(1, MHZ110, true);
    wr(IC_SYS + IC_SETMASK, 0x7fffffffu);
    wr(IC_CPU0 + IC_CLEAR, 0xfffe8000u);
    wr(TM_SYS + TM_CONFIG, 0);
    wr(TM_SYS + TM_LIMIT, (20000 + 1) << 9);
    wr(TM_CPU0 + TM_LIMIT, 0);
    run_until(20001 * TICK);
    CU_ASSERT_EQUAL(cpu_lv[0], 0);              /* still masked */
    CU_ASSERT_EQUAL(rd(IC_SYS + IC_PENDING), 1u << 19);
    wr(IC_SYS + IC_CLEARMASK, 1u << 19);
    CU_ASSERT_EQUAL(cpu_lv[0], 10);
    CU_ASSERT_EQUAL(rd(IC_CPU0 + IC_PENDING), 1u << 10);
    rd(TM_SYS + TM_LIMIT);
    CU_ASSERT_EQUAL(cpu_lv[0], 0);
    CU_ASSERT_EQUAL(rd(IC_SYS + IC_PENDING), 0);
    run_until((20001 + 20000) * TICK);
    CU_ASSERT_EQUAL(cpu_lv[0], 10);
    wr(IC_SYS + IC_SETMASK, 1u << 19);
    CU_ASSERT_EQUAL(cpu_lv[0], 0);
}

/* frees the fixture the last test left behind */
static int suite_clean(void)
{
    teardown();
    return 0;
}

static const UnitTest tests[] = {
    { "intctl reset state", t_ic_reset },
    { "intctl source mask", t_ic_mask },
    { "intctl levels and priority", t_ic_levels },
    { "intctl master disable", t_ic_master_disable },
    { "intctl soft interrupts", t_ic_soft },
    { "intctl implemented bits", t_ic_impl_bits },
    { "intctl target CPU", t_ic_target },
    { "intctl counter level 14", t_ic_timer_l14 },
    { "intctl level 15 broadcast", t_ic_l15_broadcast },
    { "intctl guest errors and sizes", t_ic_guest_errors },
    { "intctl reports changes only", t_ic_callback_on_change },
    { "intctl OpenBIOS/Linux init", t_ic_firmware_sequences },
    { "timer reset, free run", t_tm_reset_freerun },
    { "timer count after N cycles", t_tm_count_after_cycles },
    { "timer IRQ at the exact cycle", t_tm_irq_exact_cycle },
    { "timer 1000 periods no drift", t_tm_periodic_no_drift },
    { "timer Linux system clock", t_tm_linux_system_timer },
    { "timer limit without reset", t_tm_limit_noreset },
    { "timer limit 0 free run", t_tm_limit0_freerun },
    { "timer limit write restarts", t_tm_limit_write_restarts },
    { "timer late event catch-up", t_tm_late_catch_up },
    { "timer user mode 54-bit", t_tm_user_mode },
    { "timer user run/stop", t_tm_user_run_stop },
    { "timer config bits", t_tm_config_bits },
    { "timer exact clock ratio", t_tm_exact_big_clock },
    { "timer guest errors and sizes", t_tm_guest_errors },
    { "board OpenBIOS level-14 tick", t_board_openbios_tick },
    { "board Linux level-10 clock", t_board_linux_clock },
};

int main(void)
{
    return UNIT_RUN("slavio", NULL, suite_clean, tests);
}
