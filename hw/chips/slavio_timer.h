/*
 * sun4m counter-timers, the timer part of the SLAVIO (STP2001 /
 * NCR89C105): one counter-timer per CPU (level 14 at that CPU) and one
 * system timer (system interrupt source 19, PIL 10), counting at 2 MHz.
 * Sources: QEMU hw/timer/slavio_timer.c, Linux arch/sparc/kernel/
 * sun4m_irq.c, time_32.c, include/asm/timer_32.h; OpenBIOS drivers/obio.h;
 * hw/README.md §Counter-timers.
 *
 * Counters are not ticked: a read computes the count from the machine
 * clock.  Only the moment a counter reaches its limit is an Event.
 */
#ifndef HW_SLAVIO_TIMER_H
#define HW_SLAVIO_TIMER_H

#include <stdbool.h>
#include <stdint.h>

#include "hw/core/bus.h"
#include "hw/core/devctx.h"
#include "hw/core/event.h"
#include "hw/core/irq.h"

#define SLAVIO_TIMER_MAX_CPUS 4
#define SLAVIO_TIMER_SYS SLAVIO_TIMER_MAX_CPUS   /* index of the system timer */
#define SLAVIO_TIMER_HZ 2000000u                 /* 500 ns per tick */
#define SLAVIO_TIMER_CPU_STRIDE 0x1000
#define SLAVIO_TIMER_CPU_SIZE 0x10
#define SLAVIO_TIMER_SYS_SIZE 0x14
#define SLAVIO_TIMER_SYS_OFF 0x10000      /* system page, from the base */
#define SLAVIO_TIMER_WINDOW (SLAVIO_TIMER_SYS_OFF + SLAVIO_TIMER_SYS_SIZE)

typedef struct SlavioTimer SlavioTimer;

/*
 * One counter.  Its count at tick T of the 2 MHz clock is derived from
 * (t0, c0): the count was c0 at tick t0 and has counted since (in counter
 * mode until the next limit match, where t0/c0 move to the match).
 */
typedef struct SlavioCounter {
    SlavioTimer *s;
    unsigned index;                 /* CPU 0..3, or SLAVIO_TIMER_SYS */
    uint32_t limit;                 /* limit register, value in bits 30:9 */
    uint64_t t0;                    /* a tick of the 2 MHz clock */
    uint64_t c0;                    /* count (in ticks) at t0 */
    bool reached;                   /* bit 31: limit reached, not yet read */
    bool run;                       /* user timer runs (per-CPU +0xc bit 0) */
    bool irq_out;                   /* level driven on irq */
    IrqLine irq;
    Event ev;                       /* armed for the next limit match */
} SlavioCounter;

struct SlavioTimer {
    SlavioCounter c[SLAVIO_TIMER_MAX_CPUS + 1];
    uint32_t config;                /* bit n: CPU n's counter is a user timer */
    unsigned ncpus;
    DevCtx ctx;                     /* its clock is the time base */
    uint64_t tick_num, tick_den;    /* ticks = cycles * num / den, reduced */
};

/*
 * ctx->hz: the rate of the clock; the 2 MHz tick is derived from it
 * exactly (hz / 2 MHz cycles per tick, any ratio).  Maps CPU n's counter
 * at ctx->base + n*0x1000 and the system counter at +0x10000.  ncpus: CPUs present
 * (1..SLAVIO_TIMER_MAX_CPUS); only they can enter user-timer mode.
 * Calls reset; all outputs are low until connected (slavio_timer_connect).
 */
void slavio_timer_init(SlavioTimer *s, const DevCtx *ctx, unsigned ncpus);
void slavio_timer_reset(SlavioTimer *s);
/* Output of counter index (CPU n, or SLAVIO_TIMER_SYS): CPU timers go to
 * slavio_intctl_timer_line(cpu), the system timer to source bit 19. */
void slavio_timer_connect(SlavioTimer *s, unsigned index, IrqLine line);

#endif
