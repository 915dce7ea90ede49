/*
 * sun4m SLAVIO interrupt controller.
 *
 * Per-CPU page (0x71e00000 + cpu * 0x1000 on the SS-5), 32-bit only:
 *   +0x0 pending (R): bits 15:1 hardware levels pending at this CPU,
 *        bits 31:17 soft interrupts at level (bit - 16)
 *   +0x4 clear (W): 1 bits clear soft interrupts and the level-15 latch
 *   +0x8 set (W): 1 bits raise soft interrupts
 * System page (0x71e10000):
 *   +0x00 pending (R): asserted sources, one bit per source
 *   +0x04 mask (R): 1 = source disabled; bit 31 disables everything
 *   +0x08 clear-mask (W): 1 bits enable sources
 *   +0x0c set-mask (W): 1 bits disable sources
 *   +0x10 target (R/W): the CPU that takes the system sources
 * (QEMU slavio_intctl.c; Linux sun4m_irq.c; OpenBIOS drivers/obio.h.)
 *
 * Delivery (level per CPU) = the highest of: the PILs of the enabled
 * pending system sources (target CPU only), the CPU's counter-timer (14)
 * and level-15 latch, both unless master-disabled, and its soft interrupts,
 * which no mask blocks.
 */
#include "hw/chips/slavio_intctl.h"

#include <assert.h>
#include <string.h>

/* System mask bits the chip implements (QEMU MASTER_IRQ_MASK); the
 * others (VME 0..6, audio 17, module 21, 23..27) stay set: masked */
#define INTCTL_SYS_IMPL 0xf05dff80u
#define INTCTL_MASTER_DISABLE 0x80000000u
/* Per-CPU register bits */
#define INTCTL_CPU_SOFT 0xfffe0000u     /* soft interrupts, levels 1..15 */
#define INTCTL_CPU_L15 0x00008000u      /* level-15 broadcast latch */
#define INTCTL_CPU_L14 0x00004000u      /* counter-timer input */
#define INTCTL_CPU_CLEARABLE (INTCTL_CPU_SOFT | INTCTL_CPU_L15)
/* System sources at PIL 15, broadcast to every CPU's bit 15 */
#define INTCTL_SYS_L15 0x78000000u

/* Register offsets */
#define INTCTL_CPU_PENDING 0x0
#define INTCTL_CPU_CLEAR 0x4
#define INTCTL_CPU_SET 0x8
#define INTCTL_SYS_PENDING 0x00
#define INTCTL_SYS_MASK 0x04
#define INTCTL_SYS_CLEARMASK 0x08
#define INTCTL_SYS_SETMASK 0x0c
#define INTCTL_SYS_TARGET 0x10

/* PIL of each system source bit; 0 = the bit raises no level.
 * Bits 0-6 VME levels 1-7, 7-13 SBus levels 1-7, then the onboard devices
 * (Linux sun4m_irq.c level table; QEMU intbit_to_level). */
static const uint8_t intctl_bit_pil[32] = {
    2, 3, 5, 7, 9, 11, 13,              /* 0-6 VME */
    2, 3, 5, 7, 9, 11, 13,              /* 7-13 SBus */
    12, 12, 6, 13, 4, 10, 8, 9, 11,     /* 14-22 kbd..floppy */
    0, 0, 0, 0,                         /* 23-26 */
    15, 15, 15, 15,                     /* 27-30 VME err, ECC, M2S, module */
    0,                                  /* 31 */
};

/* One bit per level (bit L for PIL L) for a set of system sources */
static uint32_t intctl_levels(uint32_t sources)
{
    uint32_t lv = 0;
    while (sources) {
        int bit = __builtin_ctz(sources);
        lv |= 1u << intctl_bit_pil[bit];
        sources &= sources - 1;
    }
    return lv & 0xfffeu;                /* "level 0" is no interrupt */
}

static void intctl_update(SlavioIntctl *s, bool force)
{
    uint32_t sys = s->sys_pending & ~s->sys_mask;
    bool master_off = (s->sys_mask & INTCTL_MASTER_DISABLE) != 0;
    unsigned i;

    for (i = 0; i < s->ncpus; i++) {
        SlavioIntctlCpu *c = &s->cpu[i];
        uint32_t lv = (c->pending & INTCTL_CPU_SOFT) >> 16;
        unsigned level;

        if (!master_off) {
            if (i == s->target) {
                lv |= intctl_levels(sys);
            }
            lv |= c->pending & (INTCTL_CPU_L15 | INTCTL_CPU_L14);
        }
        lv &= 0xfffeu;
        level = lv ? 31u - (unsigned)__builtin_clz(lv) : 0;
        if (level != c->level || force) {
            c->level = level;
            if (s->cpu_level) {
                s->cpu_level(s->cpu_level_opaque, (int)i, level);
            }
        }
    }
}

/*
 * The level-15 latch of each CPU (pending bit 15) is set when its
 * broadcast line or any PIL-15 system source rises, and cleared when they
 * are all low again or by the guest through the clear register (QEMU).
 */
static void intctl_update_l15(SlavioIntctl *s)
{
    bool sys15 = (s->sys_pending & INTCTL_SYS_L15) != 0;
    unsigned i;

    for (i = 0; i < SLAVIO_INTCTL_MAX_CPUS; i++) {
        SlavioIntctlCpu *c = &s->cpu[i];
        bool want = sys15 || c->l15_in;
        if (want && !c->l15_line) {
            c->pending |= INTCTL_CPU_L15;
        } else if (!want) {
            c->pending &= ~INTCTL_CPU_L15;
        }
        c->l15_line = want;
    }
}

void slavio_intctl_irq_in(void *opaque, int n, bool level)
{
    SlavioIntctl *s = opaque;
    uint32_t bit;

    assert(n >= 0 && n < 32);
    bit = 1u << n;
    if (level == ((s->sys_pending & bit) != 0)) {
        return;
    }
    if (level) {
        s->sys_pending |= bit;
    } else {
        s->sys_pending &= ~bit;
    }
    if (bit & INTCTL_SYS_L15) {
        intctl_update_l15(s);
    }
    intctl_update(s, false);
}

void slavio_intctl_timer_in(void *opaque, int n, bool level)
{
    SlavioIntctl *s = opaque;

    assert(n >= 0 && n < SLAVIO_INTCTL_MAX_CPUS);
    if (level) {
        s->cpu[n].pending |= INTCTL_CPU_L14;
    } else {
        s->cpu[n].pending &= ~INTCTL_CPU_L14;
    }
    intctl_update(s, false);
}

void slavio_intctl_l15_in(void *opaque, int n, bool level)
{
    SlavioIntctl *s = opaque;

    assert(n >= 0 && n < SLAVIO_INTCTL_MAX_CPUS);
    s->cpu[n].l15_in = level;
    intctl_update_l15(s);
    intctl_update(s, false);
}

static void intctl_guest_error(SlavioIntctl *s, const char *what,
                               uint32_t off, uint32_t val)
{
    guest_error(&s->ctx, "%s +0x%x (0x%08x)", what, off, val);
}

static BusStatus intctl_cpu_read(void *opaque, uint32_t off, unsigned size,
                                 uint32_t *val)
{
    SlavioIntctlCpu *c = opaque;
    SlavioIntctl *s = c->s;
    (void)size;

    if (off == INTCTL_CPU_PENDING) {
        /* the target CPU also sees the levels of all asserted system
         * sources, masked or not (QEMU) */
        *val = c->pending & (INTCTL_CPU_SOFT | INTCTL_CPU_L15 |
                             INTCTL_CPU_L14);
        if ((uint32_t)c->cpu == s->target) {
            *val |= intctl_levels(s->sys_pending);
        }
    } else {
        *val = 0;                       /* clear/set are write-only */
    }
    return BUS_OK;
}

static BusStatus intctl_cpu_write(void *opaque, uint32_t off, unsigned size,
                                  uint32_t val)
{
    SlavioIntctlCpu *c = opaque;
    SlavioIntctl *s = c->s;
    (void)size;

    dev_trace(&s->ctx, "cpu%d +0x%x <- 0x%08x", c->cpu, off, val);
    switch (off) {
    case INTCTL_CPU_CLEAR:
        c->pending &= ~(val & INTCTL_CPU_CLEARABLE);
        break;
    case INTCTL_CPU_SET:
        c->pending |= val & INTCTL_CPU_SOFT;
        break;
    default:
        intctl_guest_error(s, "write to read-only per-CPU register", off,
                           val);
        return BUS_OK;
    }
    intctl_update(s, false);
    return BUS_OK;
}

static BusStatus intctl_sys_read(void *opaque, uint32_t off, unsigned size,
                                 uint32_t *val)
{
    SlavioIntctl *s = opaque;
    (void)size;

    switch (off) {
    case INTCTL_SYS_PENDING:
        *val = s->sys_pending & ~INTCTL_MASTER_DISABLE;
        break;
    case INTCTL_SYS_MASK:
        /* unimplemented bits read 0 although they never enable (QEMU) */
        *val = s->sys_mask & INTCTL_SYS_IMPL;
        break;
    case INTCTL_SYS_TARGET:
        *val = s->target;
        break;
    default:
        *val = 0;                       /* clear-/set-mask: write-only */
        break;
    }
    return BUS_OK;
}

static BusStatus intctl_sys_write(void *opaque, uint32_t off, unsigned size,
                                  uint32_t val)
{
    SlavioIntctl *s = opaque;
    (void)size;

    dev_trace(&s->ctx, "system +0x%x <- 0x%08x", off, val);
    switch (off) {
    case INTCTL_SYS_CLEARMASK:
        s->sys_mask &= ~(val & INTCTL_SYS_IMPL);
        break;
    case INTCTL_SYS_SETMASK:
        s->sys_mask |= val & INTCTL_SYS_IMPL;
        break;
    case INTCTL_SYS_TARGET:
        /* 4 bits of MID-style CPU number; a CPU that is not there
         * simply receives nothing */
        s->target = val & 0xfu;
        break;
    default:
        intctl_guest_error(s, "write to read-only system register", off,
                           val);
        return BUS_OK;
    }
    intctl_update(s, false);
    return BUS_OK;
}

/* 32-bit accesses only, as QEMU (valid.min/max_access_size 4). */
static const MmioOps intctl_cpu_ops = {
    .read = intctl_cpu_read,
    .write = intctl_cpu_write,
    .min_size = 4,
    .max_size = 4,
};

static const MmioOps intctl_sys_ops = {
    .read = intctl_sys_read,
    .write = intctl_sys_write,
    .min_size = 4,
    .max_size = 4,
};

void slavio_intctl_reset(SlavioIntctl *s)
{
    unsigned i;

    for (i = 0; i < SLAVIO_INTCTL_MAX_CPUS; i++) {
        SlavioIntctlCpu *c = &s->cpu[i];
        /* the counter-timer and broadcast inputs are wires: their state
         * survives; soft interrupts do not */
        c->pending &= INTCTL_CPU_L14;
        c->l15_line = false;
    }
    /* QEMU: every implemented source enabled, master disable off */
    s->sys_mask = ~INTCTL_SYS_IMPL;
    s->target = 0;
    intctl_update_l15(s);
    intctl_update(s, true);
}

void slavio_intctl_init(SlavioIntctl *s, const DevCtx *ctx, unsigned ncpus,
                        SlavioCpuLevelFn *cpu_level, void *opaque)
{
    static const char *const names[SLAVIO_INTCTL_MAX_CPUS] = {
        "intctl-cpu0", "intctl-cpu1", "intctl-cpu2", "intctl-cpu3",
    };
    unsigned i;

    assert(ncpus >= 1 && ncpus <= SLAVIO_INTCTL_MAX_CPUS);
    memset(s, 0, sizeof(*s));
    s->ctx = *ctx;
    s->ncpus = ncpus;
    s->cpu_level = cpu_level;
    s->cpu_level_opaque = opaque;
    for (i = 0; i < SLAVIO_INTCTL_MAX_CPUS; i++) {
        s->cpu[i].s = s;
        s->cpu[i].cpu = (int)i;
    }
    slavio_intctl_reset(s);
    /* every per-CPU page answers, whether its CPU is fitted or not
     * (QEMU maps all of them) */
    for (i = 0; i < SLAVIO_INTCTL_MAX_CPUS; i++) {
        dev_map(ctx, (uint64_t)i * SLAVIO_INTCTL_CPU_STRIDE,
                SLAVIO_INTCTL_CPU_SIZE, &intctl_cpu_ops, &s->cpu[i],
                names[i]);
    }
    dev_map(ctx, SLAVIO_INTCTL_SYS_OFF, SLAVIO_INTCTL_SYS_SIZE,
            &intctl_sys_ops, s, "intctl-system");
}
