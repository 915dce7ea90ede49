/*
 * One way to observe the machine: guest errors and traces.
 *
 * A guest error is something the guest did that a correct driver would not
 * (a write to a read-only register, a command the chip does not have, a
 * FIFO overrun).  It never stops the simulator (hw/README.md, "Errors"):
 * the device does what the chip would do and logs one line, if asked to
 * (--guest-errors).  Lines are rate-limited per category in virtual time,
 * so a guest stuck in a loop of bad accesses cannot flood the terminal,
 * and every error is counted whether printed or not.
 *
 * A trace is the story of one module (--trace esp,dma,iommu): each line
 * carries the cycle count, so traces of the stages of a DMA chain
 * interleave in the order things happened.
 *
 * The Log hangs off the machine; nothing here is global.
 */
#ifndef HW_CORE_LOG_H
#define HW_CORE_LOG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "hw/core/event.h"

/* Trace categories, one per module; a device names its own in its DevCtx. */
typedef enum LogCat {
    LOG_TRAPS,          /* every trap and interrupt the CPU takes */
    LOG_MMIO,           /* every device register access by the CPU */
    LOG_BUS,            /* RAM blocks, the PROM, empty slots */
    LOG_BOARD,          /* resets, power, the machine loop */
    LOG_INTCTL,         /* SLAVIO interrupt controller */
    LOG_TIMER,          /* SLAVIO counter-timers */
    LOG_ESCC,           /* Z8530 serial, keyboard and mouse */
    LOG_NVRAM,          /* M48T08 */
    LOG_FW_CFG,
    LOG_MISC,           /* AUX1/AUX2, system control, APC, ID, AFX */
    LOG_IOMMU,
    LOG_DMA,            /* DMA2 channels (espdma, ledma) */
    LOG_ESP,            /* the 53C9x itself */
    LOG_SCSI,           /* the SCSI bus: selections, phases, commands */
    LOG_LE,             /* the Am7990 Lance */
    LOG_FDC,            /* the 82077 floppy controller */
    LOG_NET,            /* host network backends (slirp, tap, socket) */
    LOG_TCX,            /* the TCX framebuffer: DAC, THC, blits */
    LOG_DISPLAY,        /* the host window, keyboard and mouse input */
    LOG_NCAT
} LogCat;

/* How many guest-error lines a category may print per virtual second. */
#define LOG_BURST 10

typedef struct LogLimit {
    Cycles window;              /* start of the current one-second window */
    unsigned printed;           /* lines printed in it */
    uint64_t suppressed;        /* not printed since the last printed line */
} LogLimit;

typedef struct Log {
    FILE *out;                  /* stderr unless a test redirects it */
    uint32_t trace;             /* bit (1 << LogCat) per traced category */
    bool print_guest_errors;    /* --guest-errors */
    const Cycles *now;          /* the machine's clock (may be NULL) */
    uint64_t hz;                /* cycles per virtual second */
    LogLimit limit[LOG_NCAT];
    uint64_t guest_errors[LOG_NCAT];    /* counted, printed or not */
    LogLimit host_limit[LOG_NCAT];
    uint64_t host_errors[LOG_NCAT];
} Log;

void log_init(Log *log, const Cycles *now, uint64_t hz);

/* The lower-case name of a category ("esp"), and back (-1 if unknown). */
const char *log_cat_name(LogCat cat);
int log_cat_parse(const char *name);
/*
 * Parse a --trace list ("esp,dma,iommu", "all") into a mask.  0 on
 * success; -1 with the offending item copied into bad (size badlen).
 */
int log_trace_parse(const char *list, uint32_t *mask, char *bad,
                    size_t badlen);

static inline bool log_tracing(const Log *log, LogCat cat)
{
    return log && (log->trace >> cat) & 1;
}

/* One trace line: "trace <cycle> <who>: <text>" (who is the instance). */
void log_trace(Log *log, LogCat cat, const char *who, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* One guest error of category cat from instance who; rate-limited. */
void log_guest_error(Log *log, LogCat cat, const char *who,
                     const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void log_guest_errorv(Log *log, LogCat cat, const char *who,
                      const char *fmt, va_list ap);
/*
 * A host error the guest sees as a device error (EIO or a short read on
 * an image): always printed, with the same rate limit per category, and
 * counted.
 */
void log_host_error(Log *log, LogCat cat, const char *who, const char *fmt,
                    ...) __attribute__((format(printf, 4, 5)));

/* Guest errors counted over all categories. */
uint64_t log_guest_error_count(const Log *log);
/* At the end of a run: say how many lines each category held back. */
void log_flush(Log *log);

#endif
