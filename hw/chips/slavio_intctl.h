/*
 * sun4m interrupt controller, the interrupt part of the SLAVIO (STP2001,
 * also sold as NCR89C105): one register page per CPU and one system page.
 * Sources: QEMU hw/intc/slavio_intctl.c, Linux arch/sparc/kernel/
 * sun4m_irq.c; hw/README.md §Interrupts.
 *
 * Inputs are levels (IrqSetFn): system source bit n (0..31, the bit in the
 * system pending/mask registers), and per CPU its level-14 counter-timer
 * line and its level-15 broadcast line.  The output is one interrupt level
 * (0..15) per CPU, handed to a callback each time it changes.
 */
#ifndef HW_SLAVIO_INTCTL_H
#define HW_SLAVIO_INTCTL_H

#include <stdbool.h>
#include <stdint.h>

#include "hw/core/bus.h"
#include "hw/core/devctx.h"
#include "hw/core/irq.h"

#define SLAVIO_INTCTL_MAX_CPUS 4
#define SLAVIO_INTCTL_CPU_STRIDE 0x1000     /* per-CPU pages, one per CPU */
#define SLAVIO_INTCTL_CPU_SIZE 0x10
#define SLAVIO_INTCTL_SYS_SIZE 0x14
#define SLAVIO_INTCTL_SYS_OFF 0x10000      /* system page, from the base */
#define SLAVIO_INTCTL_WINDOW (SLAVIO_INTCTL_SYS_OFF + SLAVIO_INTCTL_SYS_SIZE)

/* System source bits (Linux sun4m_irq.c SUN4M_INT_*), PIL in brackets */
enum {
    SLAVIO_INT_SBUS0 = 7,           /* SBus level 1..7 = bits 7..13 */
    SLAVIO_INT_KBDMS = 14,          /* [12] keyboard/mouse ESCC */
    SLAVIO_INT_SERIAL = 15,         /* [12] serial ESCC */
    SLAVIO_INT_ETHERNET = 16,       /* [6] ledma */
    SLAVIO_INT_AUDIO = 17,          /* [13] not on SS-5: always masked */
    SLAVIO_INT_SCSI = 18,           /* [4] espdma */
    SLAVIO_INT_TIMER = 19,          /* [10] system counter-timer */
    SLAVIO_INT_VIDEO = 20,          /* [8] */
    SLAVIO_INT_MODULE = 21,         /* [9] always masked */
    SLAVIO_INT_FLOPPY = 22,         /* [11] */
    SLAVIO_INT_ECC = 28,            /* [15] */
    SLAVIO_INT_M2S = 29,            /* [15] MBus-to-SBus write error */
    SLAVIO_INT_MODULE_ERR = 30,     /* [15] also IOMMU errors, power fail */
};

/* The per-CPU interrupt level output; the board connects it to
 * cpu_set_irq_level.  Called only when a CPU's level changes. */
typedef void SlavioCpuLevelFn(void *opaque, int cpu, unsigned level);

typedef struct SlavioIntctl SlavioIntctl;

typedef struct SlavioIntctlCpu {
    SlavioIntctl *s;
    int cpu;
    /* per-CPU pending bits held here: soft interrupts 31:17, the level 15
     * broadcast latch (bit 15) and the counter-timer input (bit 14) */
    uint32_t pending;
    bool l15_in;                    /* level-15 broadcast input line */
    bool l15_line;                  /* l15_in or a PIL-15 system source */
    unsigned level;                 /* output level last reported */
} SlavioIntctlCpu;

struct SlavioIntctl {
    SlavioIntctlCpu cpu[SLAVIO_INTCTL_MAX_CPUS];
    uint32_t sys_pending;           /* asserted system sources */
    uint32_t sys_mask;              /* 1 = disabled; bit 31 master disable */
    uint32_t target;                /* CPU taking system sources, 0..15 */
    unsigned ncpus;                 /* CPUs present (outputs driven) */
    SlavioCpuLevelFn *cpu_level;
    void *cpu_level_opaque;
    DevCtx ctx;
};

/* ncpus: CPUs present (1..SLAVIO_INTCTL_MAX_CPUS); registers of all
 * SLAVIO_INTCTL_MAX_CPUS pages exist either way.  Calls reset. */
void slavio_intctl_init(SlavioIntctl *s, const DevCtx *ctx, unsigned ncpus,
                        SlavioCpuLevelFn *cpu_level, void *opaque);
/* Registers to their power-on state; every CPU's level is reported. */
void slavio_intctl_reset(SlavioIntctl *s);

/* IrqSetFn inputs.  slavio_intctl_irq_in: n = system source bit 0..31;
 * slavio_intctl_timer_in: n = CPU, its level-14 counter-timer;
 * slavio_intctl_l15_in: n = CPU, its level-15 broadcast line. */
void slavio_intctl_irq_in(void *s, int n, bool level);
void slavio_intctl_timer_in(void *s, int n, bool level);
void slavio_intctl_l15_in(void *s, int n, bool level);

static inline IrqLine slavio_intctl_source(SlavioIntctl *s, int bit)
{
    return irq_line(slavio_intctl_irq_in, s, bit);
}

static inline IrqLine slavio_intctl_timer_line(SlavioIntctl *s, int cpu)
{
    return irq_line(slavio_intctl_timer_in, s, cpu);
}

/* The level currently presented to a CPU (0 = none). */
static inline unsigned slavio_intctl_level(const SlavioIntctl *s, int cpu)
{
    return s->cpu[cpu].level;
}

#endif
