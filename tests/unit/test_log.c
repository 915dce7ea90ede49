/*
 * Unit tests of the log (hw/core/log.h): guest errors are counted always,
 * printed only when asked, at most LOG_BURST lines per category per
 * virtual second, with an account of what was held back; traces carry
 * the cycle; --trace lists parse or name the bad item.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hw/core/devctx.h"
#include "hw/core/log.h"
#include "unit.h"

#define HZ 1000u                    /* a slow clock: 1000 cycles a second */

typedef struct Capture {
    char *buf;
    size_t len;
} Capture;

static void cap_open(Log *log, Capture *c)
{
    c->buf = NULL;
    c->len = 0;
    log->out = open_memstream(&c->buf, &c->len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(log->out);
}

static unsigned count_lines(const char *s, const char *needle)
{
    unsigned n = 0;
    const char *p = s;
    while ((p = strstr(p, needle)) != NULL) {
        n++;
        p += strlen(needle);
    }
    return n;
}

static void test_rate_limit(void)
{
    Log log;
    Capture c;
    Cycles now = 0;
    unsigned i;

    log_init(&log, &now, HZ);
    cap_open(&log, &c);
    log.print_guest_errors = true;
    /* 25 errors in the first virtual second: 10 printed */
    for (i = 0; i < 25; i++) {
        log_guest_error(&log, LOG_ESP, "esp", "bad command %u", i);
        now += 10;
    }
    /* another category has its own budget */
    log_guest_error(&log, LOG_FDC, "fdc", "odd");
    fflush(log.out);
    CU_ASSERT_EQUAL(count_lines(c.buf, "guest error: esp: bad command"),
                    LOG_BURST);
    CU_ASSERT_PTR_NOT_NULL(strstr(c.buf, "esp: bad command 9\n"));
    CU_ASSERT_PTR_NULL(strstr(c.buf, "esp: bad command 10\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(c.buf, "guest error: fdc: odd\n"));
    CU_ASSERT_EQUAL(log.guest_errors[LOG_ESP], 25);
    CU_ASSERT_EQUAL(log_guest_error_count(&log), 26);
    /* the next second: the 15 held back are owned up to, then more */
    now = HZ + 5;
    log_guest_error(&log, LOG_ESP, "esp", "bad command again");
    fflush(log.out);
    CU_ASSERT_PTR_NOT_NULL(strstr(c.buf, "esp: 15 more not shown\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(c.buf, "esp: bad command again\n"));
    CU_ASSERT(strstr(c.buf, "15 more") < strstr(c.buf, "again"));
    /* held back at the end of the run: said by log_flush */
    for (i = 0; i < 12; i++) {
        log_guest_error(&log, LOG_ESP, "esp", "late %u", i);
    }
    log_flush(&log);
    CU_ASSERT_PTR_NOT_NULL(strstr(c.buf, "esp: 3 more not shown\n"));
    fclose(log.out);
    free(c.buf);
}

static void test_quiet_but_counted(void)
{
    Log log;
    Capture c;
    Cycles now = 0;
    DevCtx ctx = { .log = &log, .name = "escc-serial", .cat = LOG_ESCC };

    log_init(&log, &now, HZ);
    cap_open(&log, &c);
    guest_error(&ctx, "overrun");
    guest_error(&ctx, "overrun");
    log_flush(&log);
    CU_ASSERT_EQUAL(c.len, 0);
    CU_ASSERT_EQUAL(log.guest_errors[LOG_ESCC], 2);
    /* a chip without a log (a unit test) neither prints nor crashes */
    ctx.log = NULL;
    guest_error(&ctx, "nobody listens");
    dev_trace(&ctx, "nobody listens");
    fclose(log.out);
    free(c.buf);
}

/* Host errors (an image's EIO): printed without --guest-errors, limited
 * and counted apart from guest errors */
static void test_host_errors(void)
{
    Log log;
    Capture c;
    Cycles now = 0;
    unsigned i;

    log_init(&log, &now, HZ);
    cap_open(&log, &c);
    for (i = 0; i < 12; i++) {
        log_host_error(&log, LOG_SCSI, "sd0", "read error at block %u", i);
    }
    log_guest_error(&log, LOG_SCSI, "sd0", "not printed");
    log_flush(&log);
    CU_ASSERT_EQUAL(count_lines(c.buf, "host error: sd0: read error"),
                    LOG_BURST);
    CU_ASSERT_PTR_NOT_NULL(strstr(c.buf, "host error: scsi: 2 more not "
                                         "shown\n"));
    CU_ASSERT_PTR_NULL(strstr(c.buf, "not printed"));
    CU_ASSERT_EQUAL(log.host_errors[LOG_SCSI], 12);
    CU_ASSERT_EQUAL(log.guest_errors[LOG_SCSI], 1);
    fclose(log.out);
    free(c.buf);
}

static void test_trace(void)
{
    Log log;
    Capture c;
    Cycles now = 1234;
    DevCtx esp = { .log = &log, .name = "esp", .cat = LOG_ESP };
    DevCtx dma = { .log = &log, .name = "dma2", .cat = LOG_DMA };
    char bad[16];

    log_init(&log, &now, HZ);
    cap_open(&log, &c);
    CU_ASSERT_EQUAL(log_trace_parse("esp,iommu", &log.trace, bad,
                                    sizeof(bad)), 0);
    dev_trace(&esp, "select target %d", 3);
    dev_trace(&dma, "not traced");
    fflush(log.out);
    CU_ASSERT_STRING_EQUAL(c.buf, "trace 1234 esp: select target 3\n");
    CU_ASSERT_TRUE(log_tracing(&log, LOG_IOMMU));
    CU_ASSERT_FALSE(log_tracing(&log, LOG_DMA));
    fclose(log.out);
    free(c.buf);
}

static void test_trace_parse(void)
{
    uint32_t m = 0;
    char bad[16];
    unsigned i;

    CU_ASSERT_EQUAL(log_trace_parse("all", &m, bad, sizeof(bad)), 0);
    CU_ASSERT_EQUAL(m, (1u << LOG_NCAT) - 1);
    CU_ASSERT_EQUAL(log_trace_parse("traps,mmio", &m, bad, sizeof(bad)), 0);
    CU_ASSERT_EQUAL(m, (1u << LOG_TRAPS) | (1u << LOG_MMIO));
    CU_ASSERT_EQUAL(log_trace_parse("esp,bogus,dma", &m, bad, sizeof(bad)),
                    -1);
    CU_ASSERT_STRING_EQUAL(bad, "bogus");
    CU_ASSERT_EQUAL(log_trace_parse("esp,", &m, bad, sizeof(bad)), -1);
    CU_ASSERT_EQUAL(log_trace_parse(",esp", &m, bad, sizeof(bad)), -1);
    CU_ASSERT_EQUAL(log_trace_parse("averyveryveryverylongcategoryname",
                                    &m, bad, sizeof(bad)), -1);
    /* every category's name parses back to it */
    for (i = 0; i < LOG_NCAT; i++) {
        CU_ASSERT_EQUAL(log_cat_parse(log_cat_name((LogCat)i)), (int)i);
    }
    CU_ASSERT_EQUAL(log_cat_parse("le"), LOG_LE);
    CU_ASSERT_EQUAL(log_cat_parse("scsi"), LOG_SCSI);
}

static const UnitTest tests[] = {
    { "guest errors: rate limit per category", test_rate_limit },
    { "guest errors: counted when quiet", test_quiet_but_counted },
    { "host errors: always printed, limited, counted", test_host_errors },
    { "trace lines carry the cycle", test_trace },
    { "--trace lists", test_trace_parse },
};

int main(void)
{
    return UNIT_RUN("log", NULL, NULL, tests);
}
