/*
 * sun4m SLAVIO counter-timers.
 *
 * Per-CPU timer (0x71d00000 + cpu * 0x1000 on the SS-5, 0x10 bytes) and
 * system timer (0x71d10000, 0x14 bytes), 32-bit registers:
 *   +0x0 limit: W sets the limit and restarts the count at 0, R returns it
 *        and clears bit 31 of the counter and the interrupt
 *   +0x4 counter (R): bit 31 limit reached, bits 30:9 count, 8:0 zero
 *   +0x8 limit without counter reset (W)
 *   +0xc per-CPU: user timer run (bit 0); system: reserved
 *   +0x10 system only, config: bit n = CPU n's timer is a user timer
 * The count advances by 0x200 every 500 ns.  When it reaches the limit,
 * bit 31 is set, the interrupt is raised and the count restarts at 1
 * (0x200), so a limit of (n + 1) << 9 interrupts every n ticks (Linux
 * timer_32.h timer_value(), sun4m manual as quoted there).  A limit of 0
 * counts freely through all 22 bits with no interrupt.  A user timer is a
 * free-running 54-bit count read as limit = bits 53:23 (MSW) and
 * counter = bits 22:0 << 9 (LSW), with no interrupt.
 * (QEMU slavio_timer.c; Linux sun4m_irq.c, time_32.c.)
 *
 * SIMPLIFY: QEMU's count runs 0 .. limit-2 and restarts at 0; we follow
 * the manual's 1 .. limit-1 (same period).  Writing the limit restarts the
 * count at 0, so the first period after a write is one tick longer; the
 * real chip's behaviour there is not documented in our sources.
 *
 * All counters tick in phase with one 2 MHz clock that started with the
 * machine clock (cycle 0): tick T is the first cycle c with
 * floor(c * 2 MHz / cpu_hz) >= T.
 */
#include "hw/chips/slavio_timer.h"

#include <assert.h>
#include <string.h>

#define TIMER_LIMIT 0x0
#define TIMER_COUNTER 0x4
#define TIMER_LIMIT_NORST 0x8
#define TIMER_RUN 0xc                   /* per-CPU; reserved on the system */
#define TIMER_CONFIG 0x10               /* system only */

#define TIMER_REACHED 0x80000000u       /* counter bit 31 */
#define TIMER_VALUE_SHIFT 9
#define TIMER_VALUE_MASK 0x7ffffe00u    /* bits 30:9 */
#define TIMER_VALUE_MASK_LSW 0xfffffe00u    /* user timer LSW: bits 31:9 */
#define TIMER_COUNT_MOD (1ull << 22)    /* counter-mode count: 22 bits */
#define TIMER_USER_MASK ((1ull << 54) - 1)  /* user-mode count: 54 bits */
#define TIMER_RUN_BIT 0x1
#define TIMER_NEVER UINT64_MAX

/* ticks of the 2 MHz clock at cycle c: floor(c * num / den), exact */
static uint64_t tm_tick(const SlavioTimer *s, Cycles c)
{
    uint64_t q = c / s->tick_den, r = c % s->tick_den;
    return q * s->tick_num + r * s->tick_num / s->tick_den;
}

/* first cycle at which tick t has happened: ceil(t * den / num) */
static Cycles tm_cycle_of_tick(const SlavioTimer *s, uint64_t t)
{
    uint64_t q = t / s->tick_num, r = t % s->tick_num;
    if (q > (CYCLES_NEVER - s->tick_den) / s->tick_den) {
        return CYCLES_NEVER;
    }
    return q * s->tick_den +
           (r * s->tick_den + s->tick_num - 1) / s->tick_num;
}

static uint64_t tm_now(const SlavioTimer *s)
{
    return tm_tick(s, *s->ctx.events->now);
}

static bool ctr_user(const SlavioCounter *c)
{
    return c->index < SLAVIO_TIMER_SYS && ((c->s->config >> c->index) & 1);
}

/* ticks from t0 until the count reaches the limit (counter mode) */
static uint64_t ctr_to_match(const SlavioCounter *c)
{
    uint64_t lim = c->limit >> TIMER_VALUE_SHIFT;
    if (lim == 0) {
        return TIMER_NEVER;
    }
    /* a count at or past the limit wraps through 0 first */
    return c->c0 < lim ? lim - c->c0 : TIMER_COUNT_MOD - c->c0 + lim;
}

/* the count at tick `now`; matches up to `now` already accounted for */
static uint64_t ctr_count(const SlavioCounter *c, uint64_t now)
{
    uint64_t elapsed = now > c->t0 ? now - c->t0 : 0;
    if (ctr_user(c)) {
        return c->run ? (c->c0 + elapsed) & TIMER_USER_MASK : c->c0;
    }
    return (c->c0 + elapsed) & (TIMER_COUNT_MOD - 1);
}

static void ctr_set_irq(SlavioCounter *c)
{
    bool out = c->reached && !ctr_user(c);
    if (out != c->irq_out) {
        c->irq_out = out;
        irq_set(&c->irq, out);
    }
}

/*
 * Account for every limit match up to tick `now`: the count restarts at 1
 * at each, and bit 31 is set.  Several periods at once only if events ran
 * late; the anchor stays on exact match ticks, so nothing drifts.
 */
static bool ctr_catch_up(SlavioCounter *c, uint64_t now)
{
    uint64_t d, n, p;

    if (ctr_user(c)) {
        return false;
    }
    d = ctr_to_match(c);
    if (d == TIMER_NEVER || now < c->t0 || now - c->t0 < d) {
        return false;
    }
    n = now - c->t0 - d;
    c->t0 += d;
    c->c0 = 1;
    p = ctr_to_match(c);
    c->t0 += n / p * p;
    c->reached = true;
    ctr_set_irq(c);
    return true;
}

/* Arm the event for the next match, or cancel it if there is none. */
static void ctr_arm(SlavioCounter *c)
{
    EventQueue *q = c->s->ctx.events;
    uint64_t d = ctr_user(c) ? TIMER_NEVER : ctr_to_match(c);
    Cycles when;

    if (d == TIMER_NEVER) {
        ev_cancel(q, &c->ev);
        return;
    }
    when = tm_cycle_of_tick(c->s, c->t0 + d);
    if (when == CYCLES_NEVER) {
        ev_cancel(q, &c->ev);
    } else {
        ev_at(q, &c->ev, when);
    }
}

/* Bring the counter up to the present; returns the current tick. */
static uint64_t ctr_sync(SlavioCounter *c)
{
    uint64_t now = tm_now(c->s);
    if (ctr_catch_up(c, now)) {
        ctr_arm(c);
    }
    return now;
}

static void ctr_restart(SlavioCounter *c, uint64_t now, uint64_t count)
{
    c->t0 = now;
    c->c0 = count;
}

static void tm_guest_error(SlavioCounter *c, const char *what, uint32_t off,
                           uint32_t val)
{
    guest_error(&c->s->ctx, "counter %u: %s +0x%x (0x%08x)", c->index, what,
                off, val);
}

/* User mode: the 54-bit count as the 64-bit MSW:LSW pair (count << 9) */
static uint64_t user_reg64(const SlavioCounter *c, uint64_t now)
{
    return ctr_count(c, now) << TIMER_VALUE_SHIFT;
}

static void user_set_reg64(SlavioCounter *c, uint64_t now, uint64_t v)
{
    ctr_restart(c, now, (v >> TIMER_VALUE_SHIFT) & TIMER_USER_MASK);
}

static BusStatus timer_read(void *opaque, uint32_t off, unsigned size,
                            uint32_t *val)
{
    SlavioCounter *c = opaque;
    uint64_t now = ctr_sync(c);
    (void)size;

    switch (off) {
    case TIMER_LIMIT:
        if (ctr_user(c)) {
            *val = (uint32_t)(user_reg64(c, now) >> 32) & ~TIMER_REACHED;
            break;
        }
        /* the acknowledge of OpenBIOS and Linux tick handlers */
        *val = c->limit;
        c->reached = false;
        ctr_set_irq(c);
        break;
    case TIMER_COUNTER:
        if (ctr_user(c)) {
            *val = (uint32_t)user_reg64(c, now) & TIMER_VALUE_MASK_LSW;
            break;
        }
        *val = (uint32_t)(ctr_count(c, now) << TIMER_VALUE_SHIFT) |
               (c->reached ? TIMER_REACHED : 0);
        break;
    case TIMER_RUN:
        *val = c->index < SLAVIO_TIMER_SYS && c->run ? TIMER_RUN_BIT : 0;
        break;
    case TIMER_CONFIG:
        *val = c->index == SLAVIO_TIMER_SYS ? c->s->config : 0;
        break;
    default:
        *val = 0;                       /* limit-no-reset is write-only */
        break;
    }
    return BUS_OK;
}

static void timer_write_config(SlavioTimer *s, uint32_t val)
{
    /* only the bits of fitted CPUs exist (QEMU; OpenBIOS writes
     * 0xfffffffe to leave CPU 0 a counter and expects nothing else) */
    uint32_t cfg = val & ((1u << s->ncpus) - 1);
    uint32_t changed = cfg ^ s->config;
    unsigned i;

    s->config = cfg;
    for (i = 0; i < s->ncpus; i++) {
        SlavioCounter *c = &s->c[i];
        if (!(changed & (1u << i))) {
            continue;
        }
        /* SIMPLIFY: the user timer starts from 0, and a counter leaving
         * user mode restarts free-running with limit 0; how the real chip
         * shares the limit register with the user MSW is not modelled */
        if (!(cfg & (1u << i))) {
            c->limit = 0;
        }
        ctr_restart(c, tm_now(s), 0);
        c->reached = false;
        ctr_set_irq(c);
        ctr_arm(c);
    }
}

static BusStatus timer_write(void *opaque, uint32_t off, unsigned size,
                             uint32_t val)
{
    SlavioCounter *c = opaque;
    uint64_t now = ctr_sync(c);
    bool is_cpu = c->index < SLAVIO_TIMER_SYS;
    (void)size;

    dev_trace(&c->s->ctx, "counter %u +0x%x <- 0x%08x", c->index, off, val);
    switch (off) {
    case TIMER_LIMIT:
        if (ctr_user(c)) {
            uint64_t v = user_reg64(c, now) & 0xffffffffu;
            user_set_reg64(c, now, ((uint64_t)(val & ~TIMER_REACHED) << 32) |
                                   v);
            break;
        }
        c->limit = val & TIMER_VALUE_MASK;
        ctr_restart(c, now, 0);
        c->reached = false;
        ctr_set_irq(c);
        ctr_arm(c);
        break;
    case TIMER_COUNTER:
        if (ctr_user(c)) {
            uint64_t v = user_reg64(c, now) & ~0xffffffffull;
            user_set_reg64(c, now, v | (val & TIMER_VALUE_MASK_LSW));
            break;
        }
        tm_guest_error(c, "write to read-only counter", off, val);
        break;
    case TIMER_LIMIT_NORST:
        if (ctr_user(c)) {
            tm_guest_error(c, "limit write to a user timer", off, val);
            break;
        }
        ctr_restart(c, now, ctr_count(c, now));
        c->limit = val & TIMER_VALUE_MASK;
        ctr_arm(c);
        break;
    case TIMER_RUN:
        if (!is_cpu) {
            tm_guest_error(c, "write to reserved register", off, val);
            break;
        }
        /* start/stop matters to a user timer only; counters always run */
        if (ctr_user(c) && c->run != ((val & TIMER_RUN_BIT) != 0)) {
            ctr_restart(c, now, ctr_count(c, now));
        }
        c->run = (val & TIMER_RUN_BIT) != 0;
        break;
    case TIMER_CONFIG:
        if (is_cpu) {
            tm_guest_error(c, "write to unknown register", off, val);
            break;
        }
        timer_write_config(c->s, val);
        break;
    default:
        tm_guest_error(c, "write to unknown register", off, val);
        break;
    }
    return BUS_OK;
}

/* 32-bit registers; a doubleword access (the user timer's MSW:LSW) is
 * split into two by the bus, as QEMU's impl.max_access_size 4 does. */
static const MmioOps timer_ops = {
    .read = timer_read,
    .write = timer_write,
    .min_size = 4,
    .max_size = 4,
};

/* A counter reached its limit. */
static void ctr_event(void *opaque)
{
    SlavioCounter *c = opaque;
    ctr_catch_up(c, tm_now(c->s));
    ctr_arm(c);
}

void slavio_timer_reset(SlavioTimer *s)
{
    uint64_t now = tm_now(s);
    unsigned i;

    s->config = 0;
    for (i = 0; i <= SLAVIO_TIMER_SYS; i++) {
        SlavioCounter *c = &s->c[i];
        c->limit = 0;
        ctr_restart(c, now, 0);
        c->reached = false;
        c->run = true;
        ctr_set_irq(c);
        ctr_arm(c);
    }
}

static uint64_t tm_gcd(uint64_t a, uint64_t b)
{
    while (b) {
        uint64_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

void slavio_timer_init(SlavioTimer *s, const DevCtx *ctx, unsigned ncpus)
{
    static const char *const names[SLAVIO_TIMER_MAX_CPUS + 1] = {
        "timer-cpu0", "timer-cpu1", "timer-cpu2", "timer-cpu3",
        "timer-system",
    };
    uint64_t g;
    unsigned i;

    assert(ctx->hz > 0);
    assert(ncpus >= 1 && ncpus <= SLAVIO_TIMER_MAX_CPUS);
    memset(s, 0, sizeof(*s));
    s->ctx = *ctx;
    s->ncpus = ncpus;
    g = tm_gcd(ctx->hz, SLAVIO_TIMER_HZ);
    s->tick_num = SLAVIO_TIMER_HZ / g;
    s->tick_den = ctx->hz / g;
    for (i = 0; i <= SLAVIO_TIMER_SYS; i++) {
        s->c[i].s = s;
        s->c[i].index = i;
        ev_init(&s->c[i].ev, names[i], ctr_event, &s->c[i]);
    }
    slavio_timer_reset(s);
    /* every per-CPU page answers, fitted CPU or not (QEMU) */
    for (i = 0; i < SLAVIO_TIMER_MAX_CPUS; i++) {
        dev_map(ctx, (uint64_t)i * SLAVIO_TIMER_CPU_STRIDE,
                SLAVIO_TIMER_CPU_SIZE, &timer_ops, &s->c[i], names[i]);
    }
    dev_map(ctx, SLAVIO_TIMER_SYS_OFF, SLAVIO_TIMER_SYS_SIZE, &timer_ops,
            &s->c[SLAVIO_TIMER_SYS], names[SLAVIO_TIMER_SYS]);
}

void slavio_timer_connect(SlavioTimer *s, unsigned index, IrqLine line)
{
    SlavioCounter *c;

    assert(index <= SLAVIO_TIMER_SYS);
    c = &s->c[index];
    c->irq = line;
    irq_set(&c->irq, c->irq_out);
}
