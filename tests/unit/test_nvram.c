/*
 * Unit tests of the M48T08 NVRAM/clock (hw/chips/m48t08.c) and of the fw_cfg
 * device (hw/chips/fw_cfg.c), both reached through a real Bus as the CPU would.
 *
 * Expected bytes marked "QEMU 7.2" were read from qemu-system-sparc 7.2.22
 * -M SS-5 (monitor xp of the NVRAM, qtest reads of fw_cfg).
 *
 * Built and run by `make check-unit`.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "hw/core/bus.h"
#include "hw/chips/fw_cfg.h"
#include "hw/chips/m48t08.h"
#include "unit.h"

#define NVRAM_BASE 0x71200000ull
#define HZ 110000000ull
#define FW_CFG_SS5_BASE 0xd00000510ull
#define Y2000 946684800ll           /* 2000-01-01 00:00:00 UTC, a Saturday */

/* CUnit test functions take no arguments: the fixture is file-scope. */
static Bus bus;
static M48t08 nv;
static FwCfg fc;
static Cycles now;
static EventQueue nv_q;             /* the clock the NVRAM reads */
/* a device built off the bus: its clock is the start time */
static const DevCtx no_bus = { .name = "m48t08", .cat = LOG_NVRAM };
static char err[256];
static char tmpdir[64];

/* QEMU 7.2 default NVRAM: system partition (32 bytes), free header */
static const uint8_t qemu_nvram_head[48] = {
    0x70, 0x1a, 0x00, 0x02, 's', 'y', 's', 't', 'e', 'm', 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0x7f, 0x20, 0x01, 0xfb, 'f', 'r', 'e', 'e', 0, 0, 0, 0, 0, 0, 0, 0,
};
/* QEMU 7.2 IDPROM with the default MAC (hw/README.md §NVRAM layout, measured) */
static const uint8_t qemu_idprom[16] = {
    0x01, 0x80, 0x52, 0x54, 0x00, 0x12, 0x34, 0x56,
    0x00, 0x00, 0x00, 0x00, 0x12, 0x34, 0x56, 0x87,
};

/* ---- helpers ---- */

static uint64_t rd(GPAddr pa, unsigned size, BusStatus *st)
{
    uint64_t v = 0;
    unsigned wait = 0;
    BusStatus r = bus_read(&bus, pa, size, &v, &wait);
    if (st) {
        *st = r;
    }
    return v;
}

static BusStatus wr(GPAddr pa, unsigned size, uint64_t v)
{
    unsigned wait = 0;
    return bus_write(&bus, pa, size, v, &wait);
}

static uint8_t nvb(uint32_t off)
{
    return (uint8_t)rd(NVRAM_BASE + off, 1, NULL);
}

static void nvw(uint32_t off, uint8_t v)
{
    CU_ASSERT_EQUAL(wr(NVRAM_BASE + off, 1, v), BUS_OK);
}

static void secs(double s)
{
    now += (Cycles)(s * (double)HZ);
}

/* Fresh bus with the NVRAM mapped; fixed time start, no file */
static void nv_setup(const M48t08Config *extra)
{
    M48t08Config cfg = { 0 };
    DevCtx ctx;

    if (extra) {
        cfg = *extra;
    }
    cfg.fixed_time = true;
    if (!cfg.start_time) {
        cfg.start_time = Y2000;
    }
    now = 0;
    bus_free(&bus);
    CU_ASSERT_EQUAL_FATAL(bus_init(&bus, 0x10000, 0x70000000ull, 0x1000), 0);
    ev_queue_free(&nv_q);
    ev_queue_init(&nv_q, &now);
    ctx = unit_ctx(&bus, &nv_q, HZ, NULL, "m48t08", LOG_NVRAM, NVRAM_BASE,
                   M48T08_SIZE);
    CU_ASSERT_EQUAL_FATAL(m48t08_init(&nv, &ctx, &cfg, err, sizeof(err)), 0);
}

static void fc_setup(void)
{
    DevCtx ctx;
    FwCfgSun4m c = {
        .ram_size = 128ull << 20, .nb_cpus = 1, .max_cpus = 1,
        .machine_id = 32, .nographic = false, .boot_device = 'c',
        .depth = 8, .width = 1024, .height = 768,
    };

    fw_cfg_free(&fc);
    CU_ASSERT_EQUAL_FATAL(fw_cfg_init(&fc), 0);
    CU_ASSERT_EQUAL_FATAL(fw_cfg_add_sun4m(&fc, &c), 0);
    bus_free(&bus);
    CU_ASSERT_EQUAL_FATAL(bus_init(&bus, 0x10000, 0x70000000ull, 0x1000), 0);
    ctx = unit_ctx(&bus, NULL, HZ, NULL, "fw_cfg", LOG_FW_CFG,
                   FW_CFG_SS5_BASE, FW_CFG_REG_SIZE);
    fw_cfg_map(&fc, &ctx);
}

static void sel(uint16_t key)
{
    CU_ASSERT_EQUAL(wr(FW_CFG_SS5_BASE, 2, key), BUS_OK);
}

static uint8_t data(void)
{
    BusStatus st;
    uint8_t v = (uint8_t)rd(FW_CFG_SS5_BASE + 2, 1, &st);
    CU_ASSERT_EQUAL(st, BUS_OK);
    return v;
}

static void path_in_tmp(char *buf, size_t len, const char *name)
{
    snprintf(buf, len, "%s/%s", tmpdir, name);
}

static void write_file(const char *path, const void *buf, size_t len)
{
    FILE *f = fopen(path, "wb");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_EQUAL(fwrite(buf, 1, len, f), len);
    fclose(f);
}

/* ---- M48T08: default image ---- */

static void test_idprom_default(void)
{
    unsigned i;

    nv_setup(NULL);
    for (i = 0; i < 16; i++) {
        CU_ASSERT_EQUAL(nvb(M48T08_IDPROM + i), qemu_idprom[i]);
    }
    CU_ASSERT_EQUAL(sun_idprom_checksum(qemu_idprom), 0x87);
    /* 0x1fe8..0x1ff7: the rest of the 32 bytes OpenBIOS reads, zero */
    for (i = 0x1fe8; i < 0x1ff8; i++) {
        CU_ASSERT_EQUAL(nvb(i), 0);
    }
}

static void test_partitions_default(void)
{
    unsigned i, nonzero = 0;

    nv_setup(NULL);
    for (i = 0; i < sizeof(qemu_nvram_head); i++) {
        CU_ASSERT_EQUAL(nvb(i), qemu_nvram_head[i]);
    }
    for (i = sizeof(qemu_nvram_head); i < M48T08_IDPROM; i++) {
        nonzero += nv.mem[i] != 0;
    }
    CU_ASSERT_EQUAL(nonzero, 0);
}

static void test_prom_env(void)
{
    /* QEMU 7.2 with -prom-env 'auto-boot?=false' -prom-env
     * 'boot-device=net': system length 4 units, free header at 0x40 */
    static const char *const env[] = { "auto-boot?=false",
                                       "boot-device=net" };
    static const uint8_t sys_hdr[4] = { 0x70, 0x1c, 0x00, 0x04 };
    static const uint8_t free_hdr[8] = { 0x7f, 0x1e, 0x01, 0xf9,
                                         'f', 'r', 'e', 'e' };
    M48t08Config cfg = { .prom_env = env, .n_prom_env = 2 };
    static char big[9000];
    const char *huge[1] = { big };
    uint8_t img[M48T08_SIZE];

    nv_setup(&cfg);
    CU_ASSERT_EQUAL(memcmp(nv.mem, sys_hdr, 4), 0);
    CU_ASSERT_EQUAL(memcmp(nv.mem + 16, "auto-boot?=false\0boot-device=net\0",
                           34), 0);
    CU_ASSERT_EQUAL(nv.mem[50], 0);
    CU_ASSERT_EQUAL(memcmp(nv.mem + 0x40, free_hdr, 8), 0);
    /* too big for the 0x1fd0-byte area: refused, not overflowed */
    memset(big, 'x', sizeof(big) - 1);
    CU_ASSERT_EQUAL(m48t08_build_image(img, nv.mem + M48T08_IDPROM + 2,
                                       0x80, huge, 1), -1);
    cfg.prom_env = huge;
    cfg.n_prom_env = 1;
    CU_ASSERT_EQUAL(m48t08_init(&nv, &no_bus, &cfg, err, sizeof(err)), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "do not fit"));
}

static void test_mac_option(void)
{
    M48t08Config cfg = { .mac = { 0x08, 0x00, 0x20, 0xaa, 0xbb, 0xcc },
                         .machine_type = 0x72 };
    uint8_t id[16], x = 0;
    unsigned i;

    nv_setup(&cfg);
    for (i = 0; i < 16; i++) {
        id[i] = nvb(M48T08_IDPROM + i);
    }
    CU_ASSERT_EQUAL(id[0], 0x01);
    CU_ASSERT_EQUAL(id[1], 0x72);
    CU_ASSERT_EQUAL(memcmp(id + 2, cfg.mac, 6), 0);
    CU_ASSERT_EQUAL(id[8] | id[9] | id[10] | id[11], 0);
    CU_ASSERT_EQUAL(memcmp(id + 12, cfg.mac + 3, 3), 0);
    for (i = 0; i < 15; i++) {
        x ^= id[i];
    }
    CU_ASSERT_EQUAL(id[15], x);
    CU_ASSERT_EQUAL(sun_idprom_checksum(id), id[15]);
}

static void test_wide_access(void)
{
    BusStatus st;

    nv_setup(NULL);
    /* QEMU accepts 1..4 bytes and splits them, MSB at the lowest address */
    CU_ASSERT_EQUAL(rd(NVRAM_BASE + M48T08_IDPROM, 4, &st), 0x01805254u);
    CU_ASSERT_EQUAL(st, BUS_OK);
    CU_ASSERT_EQUAL(rd(NVRAM_BASE + M48T08_IDPROM + 4, 2, &st), 0x0012u);
    CU_ASSERT_EQUAL(wr(NVRAM_BASE + 0x100, 4, 0xdeadbeef), BUS_OK);
    CU_ASSERT_EQUAL(nvb(0x100), 0xde);
    CU_ASSERT_EQUAL(nvb(0x103), 0xef);
    CU_ASSERT_EQUAL(wr(NVRAM_BASE + 0x200, 2, 0x1234), BUS_OK);
    CU_ASSERT_EQUAL(nvb(0x200), 0x12);
    CU_ASSERT_EQUAL(nvb(0x201), 0x34);
    /* a doubleword is two words */
    CU_ASSERT_EQUAL(rd(NVRAM_BASE + 0x100, 8, &st), 0xdeadbeef00000000ull);
    CU_ASSERT_EQUAL(st, BUS_OK);
}

/* ---- M48T08: clock ---- */

static void test_clock_bcd(void)
{
    nv_setup(NULL);
    secs(61.5);
    CU_ASSERT_EQUAL(nvb(M48T08_SEC), 0x01);
    CU_ASSERT_EQUAL(nvb(M48T08_MIN), 0x01);
    CU_ASSERT_EQUAL(nvb(M48T08_HOUR), 0x00);
    CU_ASSERT_EQUAL(nvb(M48T08_WDAY), 6);           /* Saturday */
    CU_ASSERT_EQUAL(nvb(M48T08_MDAY), 0x01);
    CU_ASSERT_EQUAL(nvb(M48T08_MONTH), 0x01);
    CU_ASSERT_EQUAL(nvb(M48T08_YEAR), 0x32);        /* 2000 - 1968 */
    CU_ASSERT_EQUAL(nvb(M48T08_CTRL), 0x00);
    /* 23:59:59 later the hour and the date roll over */
    secs(86399 - 61);
    CU_ASSERT_EQUAL(nvb(M48T08_HOUR), 0x23);
    CU_ASSERT_EQUAL(nvb(M48T08_MIN), 0x59);
    CU_ASSERT_EQUAL(nvb(M48T08_SEC), 0x59);
    secs(1);
    CU_ASSERT_EQUAL(nvb(M48T08_MDAY), 0x02);
    CU_ASSERT_EQUAL(nvb(M48T08_WDAY), 0);           /* Sunday */
    CU_ASSERT_EQUAL(nvb(M48T08_HOUR), 0x00);
}

static void test_clock_latch(void)
{
    nv_setup(NULL);
    secs(10.2);
    nvw(M48T08_CTRL, M48T08_CTRL_READ);
    CU_ASSERT_EQUAL(nvb(M48T08_CTRL), M48T08_CTRL_READ);
    secs(5);
    CU_ASSERT_EQUAL(nvb(M48T08_SEC), 0x10);         /* frozen at 10 s */
    secs(60);
    CU_ASSERT_EQUAL(nvb(M48T08_SEC), 0x10);
    CU_ASSERT_EQUAL(nvb(M48T08_MIN), 0x00);
    /* the clock itself kept running */
    CU_ASSERT_EQUAL(m48t08_time(&nv), Y2000 + 75);
    nvw(M48T08_CTRL, 0);
    CU_ASSERT_EQUAL(nvb(M48T08_SEC), 0x15);
    CU_ASSERT_EQUAL(nvb(M48T08_MIN), 0x01);
}

/* Set 2024-02-29 23:59:58 the way Linux does (rtc-m48t59.c set_time) */
static void set_leap_day(uint8_t wday)
{
    nvw(M48T08_CTRL, nvb(M48T08_CTRL) | M48T08_CTRL_WRITE);
    nvw(M48T08_SEC, 0x58);
    nvw(M48T08_MIN, 0x59);
    nvw(M48T08_HOUR, 0x23);
    nvw(M48T08_MDAY, 0x29);
    nvw(M48T08_MONTH, 0x02);
    nvw(M48T08_YEAR, 0x56);                         /* 2024 - 1968 */
    nvw(M48T08_WDAY, wday);
    nvw(M48T08_CTRL, nvb(M48T08_CTRL) & ~M48T08_CTRL_WRITE);
}

static void test_clock_set(void)
{
    nv_setup(NULL);
    secs(100.25);
    set_leap_day(4);                                /* a Thursday */
    CU_ASSERT_EQUAL(m48t08_time(&nv), 1709251198ll);
    CU_ASSERT_EQUAL(nvb(M48T08_SEC), 0x58);
    CU_ASSERT_EQUAL(nvb(M48T08_MDAY), 0x29);
    CU_ASSERT_EQUAL(nvb(M48T08_YEAR), 0x56);
    CU_ASSERT_EQUAL(nvb(M48T08_WDAY), 4);
    /* the clock runs on from the new time, through the leap day */
    secs(3);
    CU_ASSERT_EQUAL(nvb(M48T08_SEC), 0x01);
    CU_ASSERT_EQUAL(nvb(M48T08_MIN), 0x00);
    CU_ASSERT_EQUAL(nvb(M48T08_HOUR), 0x00);
    CU_ASSERT_EQUAL(nvb(M48T08_MDAY), 0x01);
    CU_ASSERT_EQUAL(nvb(M48T08_MONTH), 0x03);
    CU_ASSERT_EQUAL(nvb(M48T08_WDAY), 5);
}

static void test_clock_write_freeze(void)
{
    nv_setup(NULL);
    nvw(M48T08_CTRL, M48T08_CTRL_WRITE);
    nvw(M48T08_MIN, 0x42);
    secs(30);
    /* nothing reaches the clock before WRITE is cleared */
    CU_ASSERT_EQUAL(nvb(M48T08_MIN), 0x42);
    CU_ASSERT_EQUAL(nvb(M48T08_SEC), 0x00);
    CU_ASSERT_EQUAL(m48t08_time(&nv), Y2000 + 30);
    /* out-of-range fields are ignored: hour 0x25 keeps the hour */
    nvw(M48T08_HOUR, 0x25);
    nvw(M48T08_CTRL, 0);
    CU_ASSERT_EQUAL(m48t08_time(&nv), Y2000 + 42 * 60);
    CU_ASSERT_EQUAL(nvb(M48T08_HOUR), 0x00);
    /* Linux's day-of-week is kept modulo 7 */
    set_leap_day(6);
    secs(2);
    CU_ASSERT_EQUAL(nvb(M48T08_WDAY), 0);
}

static void test_clock_direct_write(void)
{
    /* without the WRITE bit a field is set at once (QEMU behaviour) */
    nv_setup(NULL);
    secs(5);
    nvw(M48T08_MIN, 0x30);
    CU_ASSERT_EQUAL(nvb(M48T08_MIN), 0x30);
    CU_ASSERT_EQUAL(nvb(M48T08_SEC), 0x05);
    nvw(M48T08_MONTH, 0x13);                        /* invalid: ignored */
    CU_ASSERT_EQUAL(nvb(M48T08_MONTH), 0x01);
    CU_ASSERT_EQUAL(m48t08_time(&nv), Y2000 + 30 * 60 + 5);
}

static void test_clock_stop(void)
{
    nv_setup(NULL);
    secs(7.5);
    nvw(M48T08_SEC, M48T08_SEC_STOP | 0x07);
    CU_ASSERT_EQUAL(nvb(M48T08_SEC), M48T08_SEC_STOP | 0x07);
    secs(100);
    CU_ASSERT_EQUAL(nvb(M48T08_SEC), M48T08_SEC_STOP | 0x07);
    CU_ASSERT_EQUAL(nvb(M48T08_MIN), 0x00);
    CU_ASSERT_EQUAL(m48t08_time(&nv), Y2000 + 7);
    /* restart: the clock goes on from where it stopped */
    nvw(M48T08_SEC, 0x07);
    CU_ASSERT_EQUAL(nvb(M48T08_SEC), 0x07);
    secs(2);
    CU_ASSERT_EQUAL(nvb(M48T08_SEC), 0x09);
    /* setting the time while stopped */
    nvw(M48T08_SEC, M48T08_SEC_STOP);
    nvw(M48T08_CTRL, M48T08_CTRL_WRITE);
    nvw(M48T08_HOUR, 0x12);
    nvw(M48T08_CTRL, 0);
    secs(50);
    CU_ASSERT_EQUAL(nvb(M48T08_HOUR), 0x12);
    CU_ASSERT_EQUAL(nvb(M48T08_SEC), M48T08_SEC_STOP | 0x00);
}

static void test_clock_host(void)
{
    M48t08Config cfg = { 0 };
    time_t t0 = time(NULL);
    int64_t t;

    CU_ASSERT_EQUAL(m48t08_init(&nv, &no_bus, &cfg, err, sizeof(err)), 0);
    t = m48t08_time(&nv);
    CU_ASSERT(t >= (int64_t)t0 && t <= (int64_t)t0 + 2);
    CU_ASSERT(m48t08_read(&nv, M48T08_YEAR) >= 0x55);  /* >= 2023 */
}

/* ---- M48T08: backing file ---- */

static void test_file_roundtrip(void)
{
    M48t08Config cfg = { 0 };
    char path[128];
    struct stat st;
    uint8_t buf[M48T08_SIZE];
    FILE *f;

    path_in_tmp(path, sizeof(path), "rt.nvram");
    unlink(path);
    cfg.file = path;
    nv_setup(&cfg);                                 /* missing: default */
    CU_ASSERT_EQUAL(nvb(M48T08_IDPROM + 15), 0x87);
    nvw(0x20, 0xa5);
    nvw(0x1fcf, 0x5a);
    CU_ASSERT_EQUAL(m48t08_save(&nv, err, sizeof(err)), 0);
    CU_ASSERT_EQUAL(stat(path, &st), 0);
    CU_ASSERT_EQUAL(st.st_size, M48T08_SIZE);
    f = fopen(path, "rb");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_EQUAL(fread(buf, 1, sizeof(buf), f), sizeof(buf));
    fclose(f);
    CU_ASSERT_EQUAL(buf[0x20], 0xa5);
    CU_ASSERT_EQUAL(buf[M48T08_YEAR], 0x32);        /* clock as it read */
    /* a new machine starts with the saved contents, not the default */
    cfg.mac[0] = 0x08;
    nv_setup(&cfg);
    CU_ASSERT_EQUAL(nvb(0x20), 0xa5);
    CU_ASSERT_EQUAL(nvb(0x1fcf), 0x5a);
    CU_ASSERT_EQUAL(nvb(M48T08_IDPROM + 2), 0x52);
    CU_ASSERT_EQUAL(nvb(M48T08_CTRL), 0);
    /* no temporary left behind */
    path_in_tmp(path, sizeof(path), "rt.nvram.tmp");
    CU_ASSERT_NOT_EQUAL(access(path, F_OK), 0);
}

static void test_file_errors(void)
{
    M48t08Config cfg = { 0 };
    char path[128];
    uint8_t junk[M48T08_SIZE + 1];

    memset(junk, 0x11, sizeof(junk));
    cfg.file = path;
    /* short */
    path_in_tmp(path, sizeof(path), "short.nvram");
    write_file(path, junk, 100);
    err[0] = 0;
    CU_ASSERT_EQUAL(m48t08_init(&nv, &no_bus, &cfg, err, sizeof(err)), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "shorter"));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "short.nvram"));
    /* empty */
    write_file(path, junk, 0);
    CU_ASSERT_EQUAL(m48t08_init(&nv, &no_bus, &cfg, err, sizeof(err)), -1);
    /* long */
    path_in_tmp(path, sizeof(path), "long.nvram");
    write_file(path, junk, sizeof(junk));
    CU_ASSERT_EQUAL(m48t08_init(&nv, &no_bus, &cfg, err, sizeof(err)), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "longer"));
    /* unreadable: a directory */
    snprintf(path, sizeof(path), "%s", tmpdir);
    err[0] = 0;
    CU_ASSERT_EQUAL(m48t08_init(&nv, &no_bus, &cfg, err, sizeof(err)), -1);
    CU_ASSERT_NOT_EQUAL(err[0], 0);
    /* saving where nothing can be created fails cleanly */
    path_in_tmp(path, sizeof(path), "no/such/dir.nvram");
    CU_ASSERT_EQUAL(m48t08_init(&nv, &no_bus, &cfg, err, sizeof(err)), 0);
    CU_ASSERT_EQUAL(m48t08_save(&nv, err, sizeof(err)), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "no/such/dir.nvram"));
    /* no file configured: save does nothing */
    cfg.file = NULL;
    CU_ASSERT_EQUAL(m48t08_init(&nv, &no_bus, &cfg, err, sizeof(err)), 0);
    CU_ASSERT_EQUAL(m48t08_save(&nv, err, sizeof(err)), 0);
}

/* ---- fw_cfg ---- */

static void test_fw_signature(void)
{
    fc_setup();
    /* reset selects key 0: data reads work before any selection */
    CU_ASSERT_EQUAL(data(), 'Q');
    CU_ASSERT_EQUAL(data(), 'E');
    sel(FW_CFG_SIGNATURE);
    CU_ASSERT_EQUAL(data(), 'Q');
    CU_ASSERT_EQUAL(data(), 'E');
    CU_ASSERT_EQUAL(data(), 'M');
    CU_ASSERT_EQUAL(data(), 'U');
    CU_ASSERT_EQUAL(data(), 0);
    sel(FW_CFG_ID);
    CU_ASSERT_EQUAL(data(), 1);
    CU_ASSERT_EQUAL(data(), 0);
    fw_cfg_reset(&fc);
    CU_ASSERT_EQUAL(data(), 'Q');
}

static void test_fw_reselect(void)
{
    fc_setup();
    sel(FW_CFG_SIGNATURE);
    data();
    data();
    sel(FW_CFG_SIGNATURE);
    CU_ASSERT_EQUAL(data(), 'Q');
    sel(FW_CFG_MACHINE_ID);
    sel(FW_CFG_MACHINE_ID);
    CU_ASSERT_EQUAL(data(), 32);
}

static void test_fw_le_ints(void)
{
    static const uint8_t ram[8] = { 0, 0, 0, 0x08, 0, 0, 0, 0 };
    unsigned i;

    fc_setup();
    sel(FW_CFG_RAM_SIZE);
    for (i = 0; i < 8; i++) {
        CU_ASSERT_EQUAL(data(), ram[i]);
    }
    sel(FW_CFG_SUN4M_WIDTH);
    CU_ASSERT_EQUAL(data(), 0x00);
    CU_ASSERT_EQUAL(data(), 0x04);
    sel(FW_CFG_KERNEL_CMDLINE);
    CU_ASSERT_EQUAL(data(), 0x00);
    CU_ASSERT_EQUAL(data(), 0xf0);
    CU_ASSERT_EQUAL(data(), 0x7f);
    CU_ASSERT_EQUAL(data(), 0x00);
    CU_ASSERT_EQUAL(fw_cfg_add_i64(&fc, 0x8010, 0x0102030405060708ull), 0);
    sel(0x8010);
    for (i = 8; i > 0; i--) {
        CU_ASSERT_EQUAL(data(), i);
    }
    CU_ASSERT_EQUAL(fw_cfg_add_i32(&fc, 0x8011, 0xa1b2c3d4u), 0);
    sel(0x8011);
    CU_ASSERT_EQUAL(data(), 0xd4);
    CU_ASSERT_EQUAL(data(), 0xc3);
    CU_ASSERT_EQUAL(data(), 0xb2);
    CU_ASSERT_EQUAL(data(), 0xa1);
    CU_ASSERT_EQUAL(data(), 0);
}

static void test_fw_past_end_unknown(void)
{
    static const uint16_t unknown[] = { FW_CFG_NUMA, 0x10, 0x23, 0x3f, 0x40,
                                        0x1234, 0x8003, 0xbfff, 0xffff };
    unsigned i, j;

    fc_setup();
    sel(FW_CFG_NB_CPUS);                            /* u16, read as u32 */
    CU_ASSERT_EQUAL(data(), 1);
    for (i = 0; i < 100; i++) {
        CU_ASSERT_EQUAL(data(), 0);
    }
    for (i = 0; i < sizeof(unknown) / sizeof(unknown[0]); i++) {
        sel(unknown[i]);
        for (j = 0; j < 4; j++) {
            CU_ASSERT_EQUAL(data(), 0);
        }
    }
    /* the WRITE_CHANNEL bit is ignored: 0x4000 is the signature, 0xc000
     * the depth */
    sel(0x4000);
    CU_ASSERT_EQUAL(data(), 'Q');
    sel(0xc000);
    CU_ASSERT_EQUAL(data(), 8);
    CU_ASSERT_EQUAL(fw_cfg_add_i16(&fc, 0x40, 1), -EINVAL);
}

static void test_fw_strings(void)
{
    static const char cmd[] = "console=ttyS0 root=/dev/sda1";
    FwCfgSun4m c = { .ram_size = 64ull << 20, .nb_cpus = 1, .max_cpus = 1,
                     .machine_id = 32, .nographic = true,
                     .kernel_size = 2, .cmdline = cmd, .boot_device = 'd',
                     .depth = 24, .width = 1024, .height = 768 };
    unsigned i;

    fc_setup();
    /* no -append: QEMU 7.2 publishes "" (size 1) */
    sel(FW_CFG_CMDLINE_SIZE);
    CU_ASSERT_EQUAL(data(), 1);
    sel(FW_CFG_CMDLINE_DATA);
    CU_ASSERT_EQUAL(data(), 0);
    CU_ASSERT_EQUAL(fw_cfg_add_sun4m(&fc, &c), 0);
    sel(FW_CFG_CMDLINE_DATA);
    for (i = 0; i < sizeof(cmd); i++) {
        CU_ASSERT_EQUAL(data(), (uint8_t)cmd[i]);
    }
    CU_ASSERT_EQUAL(data(), 0);
    sel(FW_CFG_CMDLINE_SIZE);
    CU_ASSERT_EQUAL(data(), 29);                    /* QEMU 7.2: 0x1d */
    sel(FW_CFG_NOGRAPHIC);
    CU_ASSERT_EQUAL(data(), 1);
    sel(FW_CFG_BOOT_DEVICE);
    CU_ASSERT_EQUAL(data(), 'd');
    sel(FW_CFG_KERNEL_SIZE);
    CU_ASSERT_EQUAL(data(), 2);
    CU_ASSERT_EQUAL(fw_cfg_add_string(&fc, 0x8020, "x"), 0);
    sel(0x8020);
    CU_ASSERT_EQUAL(data(), 'x');
    CU_ASSERT_EQUAL(data(), 0);
}

static void test_fw_access_rules(void)
{
    BusStatus st;

    fc_setup();
    sel(FW_CFG_SIGNATURE);
    CU_ASSERT_EQUAL(data(), 'Q');
    /* selector: 16-bit writes only; reads are rejected */
    rd(FW_CFG_SS5_BASE, 2, &st);
    CU_ASSERT_NOT_EQUAL(st, BUS_OK);
    rd(FW_CFG_SS5_BASE, 1, &st);
    CU_ASSERT_NOT_EQUAL(st, BUS_OK);
    CU_ASSERT_NOT_EQUAL(wr(FW_CFG_SS5_BASE, 1, 0), BUS_OK);
    CU_ASSERT_NOT_EQUAL(wr(FW_CFG_SS5_BASE, 4, 0), BUS_OK);
    /* none of these changed the selection or the offset */
    CU_ASSERT_EQUAL(data(), 'E');
    /* data: byte reads only; byte writes are accepted and ignored */
    rd(FW_CFG_SS5_BASE + 2, 2, &st);
    CU_ASSERT_NOT_EQUAL(st, BUS_OK);
    CU_ASSERT_EQUAL(wr(FW_CFG_SS5_BASE + 2, 1, 0x55), BUS_OK);
    CU_ASSERT_EQUAL(data(), 'M');
    /* the byte after the data register is not decoded */
    rd(FW_CFG_SS5_BASE + 3, 1, &st);
    CU_ASSERT_EQUAL(st, BUS_ERR_UNMAPPED);
}

/* First 24 bytes of every key on QEMU 7.2 -M SS-5 (defaults, 128 MB) */
static void test_fw_qemu_defaults(void)
{
    static const struct {
        uint16_t key;
        uint8_t b[8];
    } exp[] = {
        { 0x00, { 'Q', 'E', 'M', 'U' } },
        { 0x01, { 1 } },
        { 0x02, { 0 } },
        { 0x03, { 0, 0, 0, 8 } },
        { 0x04, { 0 } },
        { 0x05, { 1 } },
        { 0x06, { 0x20 } },
        { 0x07, { 0x00, 0x40 } },
        { 0x08, { 0 } },
        { 0x09, { 0x00, 0xf0, 0x7f } },
        { 0x0a, { 0x00, 0x00, 0x80 } },
        { 0x0b, { 0 } },
        { 0x0c, { 'c' } },
        { 0x0e, { 0 } },
        { 0x0f, { 1 } },
        { 0x14, { 1 } },
        { 0x15, { 0 } },
        { 0x20, { 0 } },
        { 0x21, { 0 } },
        { 0x22, { 0xff, 0xff, 0xff, 0xff } },
        { 0x8000, { 8 } },
        { 0x8001, { 0x00, 0x04 } },
        { 0x8002, { 0x00, 0x03 } },
    };
    unsigned i, j;

    fc_setup();
    for (i = 0; i < sizeof(exp) / sizeof(exp[0]); i++) {
        sel(exp[i].key);
        for (j = 0; j < 24; j++) {
            uint8_t want = j < 8 ? exp[i].b[j] : 0;
            uint8_t got = data();
            if (got != want) {
                printf("\nkey 0x%04x byte %u: 0x%02x, want 0x%02x", exp[i].key,
                       j, got, want);
            }
            CU_ASSERT_EQUAL(got, want);
        }
    }
}

static void test_fw_file_dir(void)
{
    static const char *const names[3] = { "bios-geometry", "bootorder",
                                          "etc/boot-fail-wait" };
    static const uint8_t sizes[3] = { 0, 0, 4 };
    uint8_t dir[4 + 64 * 4];
    unsigned i;

    fc_setup();
    sel(FW_CFG_FILE_DIR);
    for (i = 0; i < sizeof(dir); i++) {
        dir[i] = data();
    }
    CU_ASSERT_EQUAL(dir[0] | dir[1] | dir[2], 0);
    CU_ASSERT_EQUAL(dir[3], 3);
    for (i = 0; i < 3; i++) {
        const uint8_t *f = dir + 4 + 64 * i;
        CU_ASSERT_EQUAL(f[0] | f[1] | f[2], 0);
        CU_ASSERT_EQUAL(f[3], sizes[i]);
        CU_ASSERT_EQUAL(f[4], 0);
        CU_ASSERT_EQUAL(f[5], 0x20 + i);
        CU_ASSERT_EQUAL(f[6] | f[7], 0);
        CU_ASSERT_STRING_EQUAL((const char *)f + 8, names[i]);
    }
    CU_ASSERT_EQUAL(dir[4 + 64 * 3 + 8], 0);        /* no fourth file */
    /* a new file sorts in and moves the later ones up one key */
    CU_ASSERT_EQUAL(fw_cfg_add_file(&fc, "c-file", "hi", 2), 0);
    sel(FW_CFG_FILE_DIR);
    for (i = 0; i < sizeof(dir); i++) {
        dir[i] = data();
    }
    CU_ASSERT_EQUAL(dir[3], 4);
    CU_ASSERT_STRING_EQUAL((const char *)dir + 4 + 64 * 2 + 8, "c-file");
    CU_ASSERT_EQUAL(dir[4 + 64 * 2 + 5], 0x22);
    CU_ASSERT_EQUAL(dir[4 + 64 * 3 + 5], 0x23);
    sel(0x22);
    CU_ASSERT_EQUAL(data(), 'h');
    sel(0x23);
    CU_ASSERT_EQUAL(data(), 0xff);
}

static int suite_init(void)
{
    snprintf(tmpdir, sizeof(tmpdir), "/tmp/test_nvram.XXXXXX");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int suite_clean(void)
{
    char cmd[128];

    fw_cfg_free(&fc);
    bus_free(&bus);
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

static const UnitTest tests[] = {
    { "idprom default", test_idprom_default },
    { "partitions default", test_partitions_default },
    { "prom-env partition", test_prom_env },
    { "mac option", test_mac_option },
    { "wide access", test_wide_access },
    { "clock bcd", test_clock_bcd },
    { "clock read latch", test_clock_latch },
    { "clock set with write bit", test_clock_set },
    { "clock write freeze", test_clock_write_freeze },
    { "clock direct write", test_clock_direct_write },
    { "clock stop bit", test_clock_stop },
    { "clock host time", test_clock_host },
    { "file round trip", test_file_roundtrip },
    { "file errors", test_file_errors },
    { "fw_cfg signature", test_fw_signature },
    { "fw_cfg reselect", test_fw_reselect },
    { "fw_cfg little-endian", test_fw_le_ints },
    { "fw_cfg past end, unknown", test_fw_past_end_unknown },
    { "fw_cfg strings", test_fw_strings },
    { "fw_cfg access rules", test_fw_access_rules },
    { "fw_cfg qemu defaults", test_fw_qemu_defaults },
    { "fw_cfg file dir", test_fw_file_dir },
};

int main(void)
{
    return UNIT_RUN("nvram", suite_init, suite_clean, tests);
}
