/*
 * Guest errors and traces (log.h).
 */
#include "hw/core/log.h"

#include <string.h>

static const char *const cat_names[LOG_NCAT] = {
    [LOG_TRAPS] = "traps",   [LOG_MMIO] = "mmio",     [LOG_BUS] = "bus",
    [LOG_BOARD] = "board",   [LOG_INTCTL] = "intctl", [LOG_TIMER] = "timer",
    [LOG_ESCC] = "escc",     [LOG_NVRAM] = "nvram",   [LOG_FW_CFG] = "fw_cfg",
    [LOG_MISC] = "misc",     [LOG_IOMMU] = "iommu",   [LOG_DMA] = "dma",
    [LOG_ESP] = "esp",       [LOG_SCSI] = "scsi",     [LOG_LE] = "le",
    [LOG_FDC] = "fdc",       [LOG_NET] = "net",
    [LOG_TCX] = "tcx",       [LOG_DISPLAY] = "display",
};

void log_init(Log *log, const Cycles *now, uint64_t hz)
{
    memset(log, 0, sizeof(*log));
    log->out = stderr;
    log->now = now;
    log->hz = hz ? hz : 1;
}

const char *log_cat_name(LogCat cat)
{
    return (unsigned)cat < LOG_NCAT ? cat_names[cat] : "?";
}

int log_cat_parse(const char *name)
{
    int i;
    for (i = 0; i < LOG_NCAT; i++) {
        if (strcmp(name, cat_names[i]) == 0) {
            return i;
        }
    }
    return -1;
}

int log_trace_parse(const char *list, uint32_t *mask, char *bad,
                    size_t badlen)
{
    const char *p = list;
    uint32_t m = 0;
    while (*p) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        char item[32];
        int c;
        if (len == 0 || len >= sizeof(item)) {
            snprintf(bad, badlen, "%.*s", (int)len, p);
            return -1;
        }
        memcpy(item, p, len);
        item[len] = '\0';
        if (strcmp(item, "all") == 0) {
            m |= (1u << LOG_NCAT) - 1;
        } else if ((c = log_cat_parse(item)) >= 0) {
            m |= 1u << c;
        } else {
            snprintf(bad, badlen, "%s", item);
            return -1;
        }
        p += len + (end != NULL);
        if (end && !*p) {
            snprintf(bad, badlen, "(empty)");
            return -1;
        }
    }
    *mask = m;
    return 0;
}

static Cycles log_now(const Log *log)
{
    return log->now ? *log->now : 0;
}

void log_trace(Log *log, LogCat cat, const char *who, const char *fmt, ...)
{
    va_list ap;
    if (!log_tracing(log, cat)) {
        return;
    }
    fprintf(log->out, "trace %llu %s: ", (unsigned long long)log_now(log),
            who);
    va_start(ap, fmt);
    vfprintf(log->out, fmt, ap);
    va_end(ap);
    fputc('\n', log->out);
}

static void log_say_suppressed(Log *log, LogLimit *l, LogCat cat,
                               const char *kind)
{
    if (l->suppressed) {
        fprintf(log->out, "sun4m: %s: %s: %llu more not shown\n", kind,
                cat_names[cat], (unsigned long long)l->suppressed);
        l->suppressed = 0;
    }
}

/* Print one line of kind ("guest error", "host error") unless this
 * category has had its LOG_BURST lines in the current virtual second. */
static void log_limited(Log *log, LogLimit *l, LogCat cat, const char *kind,
                        const char *who, const char *fmt, va_list ap)
{
    Cycles now = log_now(log);
    if (now - l->window >= log->hz || now < l->window) {
        /* a new window: first own up to what the last one held back */
        log_say_suppressed(log, l, cat, kind);
        l->window = now - now % log->hz;
        l->printed = 0;
    }
    if (l->printed >= LOG_BURST) {
        l->suppressed++;
        return;
    }
    l->printed++;
    fprintf(log->out, "sun4m: %s: %s: ", kind, who);
    vfprintf(log->out, fmt, ap);
    fputc('\n', log->out);
}

void log_guest_errorv(Log *log, LogCat cat, const char *who,
                      const char *fmt, va_list ap)
{
    if (!log || (unsigned)cat >= LOG_NCAT) {
        return;
    }
    log->guest_errors[cat]++;
    if (log->print_guest_errors) {
        log_limited(log, &log->limit[cat], cat, "guest error", who, fmt, ap);
    }
}

void log_guest_error(Log *log, LogCat cat, const char *who,
                     const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    log_guest_errorv(log, cat, who, fmt, ap);
    va_end(ap);
}

void log_host_error(Log *log, LogCat cat, const char *who, const char *fmt,
                    ...)
{
    va_list ap;
    if (!log || (unsigned)cat >= LOG_NCAT) {
        return;
    }
    log->host_errors[cat]++;
    va_start(ap, fmt);
    log_limited(log, &log->host_limit[cat], cat, "host error", who, fmt, ap);
    va_end(ap);
}

uint64_t log_guest_error_count(const Log *log)
{
    uint64_t n = 0;
    unsigned i;
    for (i = 0; i < LOG_NCAT; i++) {
        n += log->guest_errors[i];
    }
    return n;
}

void log_flush(Log *log)
{
    unsigned i;
    for (i = 0; i < LOG_NCAT; i++) {
        log_say_suppressed(log, &log->limit[i], (LogCat)i, "guest error");
        log_say_suppressed(log, &log->host_limit[i], (LogCat)i,
                           "host error");
    }
    fflush(log->out);
}
