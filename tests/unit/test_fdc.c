/*
 * Unit tests of the 82077AA floppy disk controller (hw/chips/fdc.c).
 *
 * The chip is mapped on a real Bus at its SS-5 address and driven through
 * bus_read/bus_write as the CPU would, on the rig of tests/unit/rig.h.
 * Time is a plain variable (`rig.now`, in CPU cycles at 110 MHz) behind an
 * EventQueue; rig_run_until() plays the machine loop, firing each event at
 * its deadline, so step pulses, seek ends and the post-reset polling
 * interrupt land on the exact cycle the chip scheduled.  The INT output
 * goes to the rig's recorder.  Guest errors are counted in the rig's Log
 * (nothing is printed).
 *
 * Most tests run with nothing on the drive cable (what fdc_init gives);
 * those that say so attach an empty 3.5" drive to select line 0.
 *
 * Built and run by `make check-unit`.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hw/core/bus.h"
#include "hw/core/event.h"
#include "hw/core/log.h"
#include "hw/chips/fdc.h"
#include "rig.h"

#define HZ 110000000ull
#define FDC_PA 0x71400000ull
#define SRC_FLOPPY 22

/* cycles in ns nanoseconds, rounded down as dev_ns does */
#define NS(ns) ((Cycles)(HZ * (uint64_t)(ns) / 1000000000ull))
#define US(us) NS((uint64_t)(us) * 1000u)
#define MS(ms) NS((uint64_t)(ms) * 1000000u)

/* MSR shorthands */
#define IDLE FDC_MSR_RQM                                    /* 0x80 */
#define PARAM (FDC_MSR_RQM | FDC_MSR_CB)                    /* 0x90 */
#define RESULT (FDC_MSR_RQM | FDC_MSR_DIO | FDC_MSR_CB)     /* 0xd0 */

/* ---- fixture (CUnit tests take no arguments: file scope) ---- */

static UnitRig rig;
static Fdc fdc;

/* the INT output, on the rig's recorder */
#define INT_LEVEL (rig.irq.level[SRC_FLOPPY])
#define INT_RISES (rig.irq.rises[SRC_FLOPPY])
#define INT_FALLS (rig.irq.falls[SRC_FLOPPY])
#define INT_ROSE_AT (rig.irq.rose_at[SRC_FLOPPY])

static void rec_irq(void *opaque, int n, bool level)
{
    CU_ASSERT_EQUAL(n, SRC_FLOPPY);
    rig_irq_set(opaque, n, level);
}

static void teardown(void)
{
    rig_down(&rig);
}

static void setup(void)
{
    DevCtx c;

    teardown();
    rig_up(&rig, 0x100000, HZ);
    c = rig_ctx(&rig, "fdc", LOG_FDC, FDC_PA, FDC_REG_SIZE);
    fdc_init(&fdc, &c, irq_line(rec_irq, &rig.irq, SRC_FLOPPY));
}

static void run_for(Cycles d)
{
    rig_run_for(&rig, d);
}

static uint8_t rd(unsigned off)
{
    uint8_t v = (uint8_t)rig_rd(&rig, FDC_PA + off, 1);
    CU_ASSERT_EQUAL(rig.wait, 2);
    return v;
}

static void wr(unsigned off, uint8_t v)
{
    rig_wr(&rig, FDC_PA + off, 1, v);
}

static uint8_t msr(void)
{
    return rd(FDC_MSR);
}

static uint64_t errors(void)
{
    return rig.log.guest_errors[LOG_FDC];
}

static bool is_stable(unsigned off)
{
    return rig_stable(&rig, FDC_PA + off, 1);
}

/* One command byte, the way a driver sends it: RQM set, DIO clear. */
static void out(uint8_t b)
{
    CU_ASSERT_EQUAL(msr() & (FDC_MSR_RQM | FDC_MSR_DIO), FDC_MSR_RQM);
    wr(FDC_FIFO, b);
}

/* One result byte: RQM, DIO and CB set. */
static uint8_t in(void)
{
    CU_ASSERT_EQUAL(msr() & 0xf0, RESULT);
    return rd(FDC_FIFO);
}

/* Send a whole command, checking MSR after every byte: PARAM while more
 * bytes are due (drive-busy bits aside), then exactly `after` once the
 * last byte is in. */
static void cmd(const uint8_t *b, unsigned n, uint8_t after)
{
    unsigned i;
    for (i = 0; i < n; i++) {
        out(b[i]);
        if (i + 1 < n) {
            CU_ASSERT_EQUAL(msr() & 0xf0, PARAM);
        } else {
            CU_ASSERT_EQUAL(msr(), after);
        }
    }
}

static void cmd1(uint8_t op, uint8_t after)
{
    cmd(&op, 1, after);
}

/* SENSE INTERRUPT STATUS with a two-byte answer st0, pcn */
static void sensei_expect(uint8_t st0, uint8_t pcn)
{
    out(FDC_CMD_SENSEI);
    CU_ASSERT_EQUAL(msr() & 0xf0, RESULT);
    CU_ASSERT_EQUAL(rd(FDC_FIFO), st0);
    CU_ASSERT_EQUAL(msr() & 0xf0, RESULT);
    CU_ASSERT_EQUAL(rd(FDC_FIFO), pcn);
    CU_ASSERT_EQUAL(msr() & 0xf0, IDLE);
}

/* SENSE INTERRUPT STATUS with nothing pending: one byte, 80h */
static void sensei_none(void)
{
    out(FDC_CMD_SENSEI);
    CU_ASSERT_EQUAL(msr() & 0xf0, RESULT);
    CU_ASSERT_EQUAL(rd(FDC_FIFO), FDC_ST0_IC_INVALID);
    CU_ASSERT_EQUAL(msr() & 0xf0, IDLE);
}

static void dumpreg(uint8_t r[10])
{
    unsigned i;
    out(FDC_CMD_DUMPREG);
    CU_ASSERT_EQUAL(msr() & 0xf0, RESULT);
    for (i = 0; i < 10; i++) {
        r[i] = in();
    }
    CU_ASSERT_EQUAL(msr() & 0xf0, IDLE);
}

/* OpenBIOS reset_fdc for an unknown chip: DOR bit 2 low, then high */
static void dor_reset(uint8_t dor)
{
    wr(FDC_DOR, (uint8_t)(dor & ~FDC_DOR_NRESET));
    CU_ASSERT_EQUAL(msr(), 0);
    wr(FDC_DOR, (uint8_t)(dor | FDC_DOR_NRESET));
}

/* A reset, the polling interrupt, and its four statuses collected */
static void reset_and_collect(void)
{
    unsigned i;
    dor_reset(0x0c);
    CU_ASSERT_EQUAL(msr(), IDLE);
    run_for(MS(1));                 /* a pass at 250 kbit/s */
    CU_ASSERT_TRUE(INT_LEVEL);
    for (i = 0; i < 4; i++) {
        sensei_expect((uint8_t)(0xc0 + i), 0);
    }
    CU_ASSERT_FALSE(INT_LEVEL);
    wr(FDC_CCR, FDC_RATE_500K);
}

/* SPECIFY srt (step units), hut, hlt, nd */
static void specify(uint8_t p1, uint8_t p2)
{
    uint8_t b[3] = { FDC_CMD_SPECIFY, p1, p2 };
    cmd(b, 3, IDLE);
}

/* ---- tests ---- */

static void test_power_on(void)
{
    setup();
    /* the RESET pin clears the DOR: held in reset, MSR all clear */
    CU_ASSERT_EQUAL(rd(FDC_DOR), 0x00);
    CU_ASSERT_EQUAL(msr(), 0x00);
    /* nothing on the cable: every drive input inactive (pulled high) */
    CU_ASSERT_EQUAL(rd(FDC_SRA), FDC_SRA_NDRV2 | FDC_SRA_NTRK0 |
                                 FDC_SRA_NINDX | FDC_SRA_NWP);
    CU_ASSERT_EQUAL(rd(FDC_SRB), 0xc0);
    CU_ASSERT_EQUAL(rd(FDC_TDR), 0x00);
    /* DIR: bits 6:3 one, 250 kbit/s, HIGH DENS# high, no disk change */
    CU_ASSERT_EQUAL(rd(FDC_DIR), 0x78 | FDC_RATE_250K << 1 | 1);
    CU_ASSERT_FALSE(INT_LEVEL);
    CU_ASSERT_EQUAL(ev_next_deadline(&rig.q), CYCLES_NEVER);
    /* no interrupt, ever, while held in reset */
    run_for(MS(100));
    CU_ASSERT_EQUAL(INT_RISES, 0);
    CU_ASSERT_EQUAL(errors(), 0);
    teardown();
}

static void test_held_in_reset(void)
{
    setup();
    /* only the DOR listens while reset is held */
    wr(FDC_FIFO, FDC_CMD_VERSION);
    wr(FDC_DSR, 0x80);
    wr(FDC_CCR, 0x00);
    wr(FDC_TDR, 0x03);
    CU_ASSERT_EQUAL(errors(), 4);
    CU_ASSERT_EQUAL(rd(FDC_FIFO), 0);
    CU_ASSERT_EQUAL(errors(), 5);
    CU_ASSERT_EQUAL(rd(FDC_TDR), 0);
    CU_ASSERT_EQUAL(rd(FDC_DIR) & 0x06, FDC_RATE_250K << 1);
    CU_ASSERT_EQUAL(msr(), 0);
    /* DOR writes are taken, bits and all */
    wr(FDC_DOR, 0x30);
    CU_ASSERT_EQUAL(rd(FDC_DOR), 0x30);
    CU_ASSERT_EQUAL(rd(FDC_SRB), 0xc3);
    CU_ASSERT_EQUAL(msr(), 0);
    wr(FDC_DOR, 0x34);
    CU_ASSERT_EQUAL(msr(), IDLE);
    teardown();
}

/* OpenBIOS reset_fdc + result(): DOR 0 then 4, poll MSR for RQM */
static void test_prom_reset_and_poll(void)
{
    Cycles t0;
    unsigned i, polls;

    setup();
    wr(FDC_DOR, 0x00);
    wr(FDC_DOR, 0x04);
    t0 = rig.now;
    for (polls = 0; polls < 10000 && !(msr() & FDC_MSR_RQM); polls++) {
        run_for(10);
    }
    CU_ASSERT_EQUAL(polls, 0);      /* ready at once */
    CU_ASSERT_EQUAL(msr(), IDLE);
    CU_ASSERT_TRUE(is_stable(FDC_MSR));
    /* the first polling pass: 1 ms at 250 kbit/s */
    CU_ASSERT_EQUAL(ev_next_deadline(&rig.q), t0 + MS(1));
    rig_run_until(&rig, t0 + MS(1) - 1);
    CU_ASSERT_FALSE(INT_LEVEL);
    CU_ASSERT_EQUAL(rd(FDC_SRA) & FDC_SRA_INT, 0);
    run_for(1);
    CU_ASSERT_TRUE(INT_LEVEL);
    CU_ASSERT_EQUAL(INT_ROSE_AT, t0 + MS(1));
    CU_ASSERT_EQUAL(rd(FDC_SRA) & FDC_SRA_INT, FDC_SRA_INT);
    CU_ASSERT_EQUAL(msr(), IDLE);   /* INT does not show in MSR */
    /* four SENSE INTERRUPT STATUS answers, one per drive; INT stays up
     * until the last */
    for (i = 0; i < 4; i++) {
        CU_ASSERT_TRUE(INT_LEVEL);
        sensei_expect((uint8_t)(FDC_ST0_IC_POLL | i), 0);
        CU_ASSERT_EQUAL(msr(), IDLE);
    }
    CU_ASSERT_FALSE(INT_LEVEL);
    CU_ASSERT_EQUAL(INT_RISES, 1);
    CU_ASSERT_EQUAL(INT_FALLS, 1);
    CU_ASSERT_EQUAL(rd(FDC_SRA) & FDC_SRA_INT, 0);
    /* a fifth: nothing pending */
    sensei_none();
    /* no second polling interrupt */
    run_for(MS(100));
    CU_ASSERT_EQUAL(INT_RISES, 1);
    CU_ASSERT_EQUAL(errors(), 0);
    teardown();
}

/* The pass scales with the data rate; DSR bit 7 resets too. */
static void test_dsr_reset_poll_time(void)
{
    static const uint8_t rate[4] = {
        FDC_RATE_1M, FDC_RATE_500K, FDC_RATE_300K, FDC_RATE_250K,
    };
    static const uint64_t ns[4] = { 250000, 500000, 833333, 1000000 };
    unsigned i, j;

    setup();
    wr(FDC_DOR, 0x04);
    for (i = 0; i < 4; i++) {
        Cycles t0;
        wr(FDC_DSR, (uint8_t)(FDC_DSR_SWRESET | rate[i]));
        t0 = rig.now;
        CU_ASSERT_EQUAL(msr(), IDLE);   /* self-clearing: ready at once */
        CU_ASSERT_EQUAL(rd(FDC_DIR) & 0x07,
                        rate[i] << 1 | (rate[i] == FDC_RATE_250K ||
                                        rate[i] == FDC_RATE_300K));
        rig_run_until(&rig, t0 + NS(ns[i]) - 1);
        CU_ASSERT_FALSE(INT_LEVEL);
        run_for(1);
        CU_ASSERT_TRUE(INT_LEVEL);
        for (j = 0; j < 4; j++) {
            sensei_expect((uint8_t)(0xc0 + j), 0);
        }
    }
    /* a reset while the interrupt is up clears it */
    wr(FDC_DSR, FDC_DSR_SWRESET | FDC_RATE_1M);
    run_for(US(250));
    CU_ASSERT_TRUE(INT_LEVEL);
    wr(FDC_DSR, FDC_DSR_SWRESET | FDC_RATE_1M);
    CU_ASSERT_FALSE(INT_LEVEL);
    run_for(US(250));
    CU_ASSERT_TRUE(INT_LEVEL);
    CU_ASSERT_EQUAL(errors(), 0);
    teardown();
}

/* Polling stops when a command starts (DS §8.2). */
static void test_command_stops_polling(void)
{
    uint8_t cfg[4] = { FDC_CMD_CONFIGURE, 0x00, 0x10, 0x00 };
    Cycles t;

    setup();
    /* CONFIGURE with POLL set right after reset: no interrupt at all */
    dor_reset(0x0c);
    run_for(US(100));
    cmd(cfg, 4, IDLE);
    run_for(MS(100));
    CU_ASSERT_EQUAL(INT_RISES, 0);
    sensei_none();                  /* (SENSEI is a command too) */

    /* any other command only postpones the pass until it is over */
    dor_reset(0x0c);
    run_for(US(500));
    cmd1(FDC_CMD_VERSION, RESULT);
    run_for(MS(10));
    CU_ASSERT_EQUAL(INT_RISES, 0);  /* in the result phase: no polling */
    CU_ASSERT_EQUAL(in(), FDC_VERSION_82077AA);
    t = rig.now;
    rig_run_until(&rig, t + MS(1) - 1);
    CU_ASSERT_EQUAL(INT_RISES, 0);
    run_for(1);
    CU_ASSERT_EQUAL(INT_RISES, 1);

    /* SENSEI before the pass: nothing pending yet, and then no pass
     * interrupt at all once polling is switched off */
    dor_reset(0x0c);
    CU_ASSERT_FALSE(INT_LEVEL);
    sensei_none();
    cmd(cfg, 4, IDLE);
    run_for(MS(100));
    CU_ASSERT_EQUAL(INT_RISES, 1);
    CU_ASSERT_EQUAL(errors(), 0);
    teardown();
}

/*
 * OpenBIOS floppy_init on the SS-5, byte for byte as QEMU's trace shows
 * it, with an empty drive on select line 0: it must reach the end of
 * floppy_recalibrate in one pass and leave INT low.
 */
static void openbios_floppy_init(bool drive)
{
    uint8_t r[10];
    unsigned i;

    setup();
    if (drive) {
        fdc_attach_drive(&fdc, 0, FDC_DRIVE_EMPTY);
    }
    /* reset_fdc (version unknown: DOR) and result() */
    wr(FDC_DOR, 0x00);
    wr(FDC_DOR, 0x04);
    CU_ASSERT_EQUAL(msr(), IDLE);
    /* get_fdc_version: DUMPREG gives 10 bytes */
    dumpreg(r);
    CU_ASSERT_EQUAL(r[0], 0);
    CU_ASSERT_EQUAL(r[8], 0x20);    /* EIS 0, FIFO off, polling on */
    /* CONFIGURE: accepted byte by byte, no result */
    out(FDC_CMD_CONFIGURE);
    CU_ASSERT_EQUAL(msr(), PARAM);  /* need_more_output: MORE_OUTPUT */
    out(0x00);
    out(0x1a);
    out(0x00);
    CU_ASSERT_EQUAL(msr(), IDLE);
    /* PERPENDICULAR takes a byte: an 82077 */
    out(FDC_CMD_PERPENDICULAR);
    CU_ASSERT_EQUAL(msr(), PARAM);
    out(0x00);
    CU_ASSERT_EQUAL(msr(), IDLE);
    /* UNLOCK answers 00: a post-1991 82077 */
    cmd1(FDC_CMD_UNLOCK, RESULT);
    CU_ASSERT_EQUAL(in(), 0x00);
    /* PART ID is not an 82077AA command: "FDC is a post-1991 82077" */
    cmd1(0x18, RESULT);
    CU_ASSERT_EQUAL(in(), 0x80);
    CU_ASSERT_EQUAL(msr(), IDLE);
    CU_ASSERT_EQUAL(errors(), 1);
    /* floppy_reset: reset_fdc by DSR (82072A and later), data rate */
    wr(FDC_DSR, 0x83);
    CU_ASSERT_EQUAL(msr(), IDLE);
    wr(FDC_CCR, 0x00);
    /* collect_interrupt: result() is empty, SENSEI finds nothing yet */
    CU_ASSERT_EQUAL(msr(), IDLE);
    sensei_none();
    (void)msr();
    /* fdc_configure, fdc_specify(16 ms, 16 ms, 4000 us) */
    out(FDC_CMD_CONFIGURE);
    CU_ASSERT_EQUAL(msr(), PARAM);
    out(0x00);
    out(0x1a);
    out(0x00);
    specify(0xc1, 0x11);
    /* set_drive(0): motor on; "set_drive bad status" unless MSR = 80h */
    wr(FDC_DOR, 0x14);
    CU_ASSERT_EQUAL(msr(), IDLE);
    /* floppy_recalibrate, without waiting (OpenBIOS's mdelay is empty) */
    out(FDC_CMD_RECALIBRATE);
    out(0x00);
    if (drive) {
        /* head on track 0: over at once, SE, cylinder 0 */
        CU_ASSERT_TRUE(INT_LEVEL);
        CU_ASSERT_EQUAL(msr(), IDLE | 0x01);
        sensei_expect(FDC_ST0_SE, 0);
        CU_ASSERT_EQUAL(msr(), IDLE);
        CU_ASSERT_FALSE(INT_LEVEL);
        CU_ASSERT_EQUAL(errors(), 1);
        /* nothing more comes: the polling pass was stopped in time */
        run_for(MS(500));
        CU_ASSERT_FALSE(INT_LEVEL);
        CU_ASSERT_EQUAL(INT_RISES, 1);
    } else {
        /* nothing on the cable: still stepping, SENSEI finds nothing and
         * OpenBIOS would issue RECALIBRATE again, forever */
        CU_ASSERT_FALSE(INT_LEVEL);
        CU_ASSERT_EQUAL(msr(), IDLE | 0x01);
        sensei_none();
        out(FDC_CMD_RECALIBRATE);
        out(0x00);
        CU_ASSERT_EQUAL(errors(), 2);   /* recalibrate while seeking */
        /* left alone: 79 pulses at 4 ms, then SE + EC, abnormal */
        run_for(MS(4) * FDC_RECAL_PULSES - 1);
        CU_ASSERT_FALSE(INT_LEVEL);
        run_for(1);
        CU_ASSERT_TRUE(INT_LEVEL);
        sensei_expect(0x70, 0);
        CU_ASSERT_FALSE(INT_LEVEL);
        CU_ASSERT_EQUAL(msr(), IDLE);
        for (i = 0; i < 3; i++) {
            /* it never gets better */
            out(FDC_CMD_RECALIBRATE);
            out(0x00);
            run_for(MS(4) * FDC_RECAL_PULSES);
            sensei_expect(0x70, 0);
        }
    }
    teardown();
}

static void test_openbios_empty_drive(void)
{
    openbios_floppy_init(true);
}

static void test_openbios_no_drive(void)
{
    openbios_floppy_init(false);
}

static void test_specify_dumpreg(void)
{
    uint8_t r[10];

    setup();
    reset_and_collect();
    /* power-on SPECIFY values are 0 */
    dumpreg(r);
    CU_ASSERT_EQUAL(r[4], 0);
    CU_ASSERT_EQUAL(r[5], 0);
    /* SPECIFY: no result, no interrupt, MSR 90h 90h 80h */
    specify(0xdf, 0x03);
    CU_ASSERT_FALSE(INT_LEVEL);
    CU_ASSERT_EQUAL(INT_RISES, 1);
    dumpreg(r);
    CU_ASSERT_EQUAL(r[0], 0);
    CU_ASSERT_EQUAL(r[1], 0);
    CU_ASSERT_EQUAL(r[2], 0);
    CU_ASSERT_EQUAL(r[3], 0);
    CU_ASSERT_EQUAL(r[4], 0xdf);    /* SRT << 4 | HUT */
    CU_ASSERT_EQUAL(r[5], 0x03);    /* HLT << 1 | ND */
    CU_ASSERT_EQUAL(r[6], 0);
    CU_ASSERT_EQUAL(r[7], 0);
    CU_ASSERT_EQUAL(r[8], 0x20);
    CU_ASSERT_EQUAL(r[9], 0);
    /* SPECIFY survives a software reset (8272A) */
    reset_and_collect();
    dumpreg(r);
    CU_ASSERT_EQUAL(r[4], 0xdf);
    CU_ASSERT_EQUAL(r[5], 0x03);
    /* ... but not the RESET pin */
    fdc_reset(&fdc);
    reset_and_collect();
    dumpreg(r);
    CU_ASSERT_EQUAL(r[4], 0);
    CU_ASSERT_EQUAL(r[5], 0);
    CU_ASSERT_EQUAL(errors(), 0);
    teardown();
}

static void test_version_lock_configure(void)
{
    uint8_t cfg[4] = { FDC_CMD_CONFIGURE, 0x00, 0x4a, 0x05 };
    uint8_t r[10];

    setup();
    reset_and_collect();
    cmd1(FDC_CMD_VERSION, RESULT);
    CU_ASSERT_EQUAL(in(), 0x90);
    CU_ASSERT_EQUAL(msr(), IDLE);
    /* CONFIGURE: no result; DUMPREG shows it */
    cmd(cfg, 4, IDLE);
    dumpreg(r);
    CU_ASSERT_EQUAL(r[8], 0x4a);
    CU_ASSERT_EQUAL(r[9], 0x05);
    /* without LOCK a software reset restores the defaults */
    reset_and_collect();
    dumpreg(r);
    CU_ASSERT_EQUAL(r[7], 0x00);
    CU_ASSERT_EQUAL(r[8], 0x20);
    CU_ASSERT_EQUAL(r[9], 0x00);
    /* LOCK: answers 10h; FIFO bits and PRETRK then survive software
     * resets, EIS and POLL do not */
    cmd(cfg, 4, IDLE);
    cmd1(FDC_CMD_LOCK, RESULT);
    CU_ASSERT_EQUAL(in(), 0x10);
    dumpreg(r);
    CU_ASSERT_EQUAL(r[7], 0x80);
    reset_and_collect();            /* polling on again: interrupts */
    dumpreg(r);
    CU_ASSERT_EQUAL(r[7], 0x80);
    CU_ASSERT_EQUAL(r[8], 0x0a);
    CU_ASSERT_EQUAL(r[9], 0x05);
    wr(FDC_DSR, FDC_DSR_SWRESET);
    run_for(MS(1));
    dumpreg(r);
    CU_ASSERT_EQUAL(r[8], 0x0a);
    /* UNLOCK answers 00h */
    cmd1(FDC_CMD_UNLOCK, RESULT);
    CU_ASSERT_EQUAL(in(), 0x00);
    dumpreg(r);
    CU_ASSERT_EQUAL(r[7], 0x00);
    /* the RESET pin clears LOCK */
    cmd1(FDC_CMD_LOCK, RESULT);
    CU_ASSERT_EQUAL(in(), 0x10);
    fdc_reset(&fdc);
    reset_and_collect();
    dumpreg(r);
    CU_ASSERT_EQUAL(r[7], 0x00);
    CU_ASSERT_EQUAL(r[8], 0x20);
    CU_ASSERT_EQUAL(r[9], 0x00);
    /* reserved CONFIGURE bits are a guest error, the rest is taken */
    cfg[1] = 0x01;
    cmd(cfg, 4, IDLE);
    CU_ASSERT_EQUAL(errors(), 1);
    teardown();
}

static void test_perpendicular(void)
{
    uint8_t p[2] = { FDC_CMD_PERPENDICULAR, 0x00 };
    uint8_t r[10];

    setup();
    reset_and_collect();
    /* OW set: drive bits D3..D0 written, with GAP and WGATE */
    p[1] = 0x80 | 0x05 << 2 | 0x03;
    cmd(p, 2, IDLE);
    dumpreg(r);
    CU_ASSERT_EQUAL(r[7], 0x05 << 2 | 0x03);
    /* OW clear: drive bits kept, GAP and WGATE written */
    p[1] = 0x3c | 0x02;
    cmd(p, 2, IDLE);
    dumpreg(r);
    CU_ASSERT_EQUAL(r[7], 0x05 << 2 | 0x02);
    /* a software reset clears GAP and WGATE only */
    reset_and_collect();
    dumpreg(r);
    CU_ASSERT_EQUAL(r[7], 0x05 << 2);
    CU_ASSERT_FALSE(INT_LEVEL);
    CU_ASSERT_EQUAL(errors(), 0);
    teardown();
}

static void test_invalid_commands(void)
{
    static const uint8_t bad[] = {
        0x00, 0x01, 0x0b, 0x17, 0x18, 0x1f, 0x25, 0x29, 0x2e, 0x33, 0x4e,
        0x8e, 0xef, 0xff, 0x23, 0x50,
    };
    unsigned i;

    setup();
    reset_and_collect();
    for (i = 0; i < sizeof(bad); i++) {
        cmd1(bad[i], RESULT);
        CU_ASSERT_EQUAL(rd(FDC_FIFO), FDC_ST0_IC_INVALID);
        CU_ASSERT_EQUAL(msr(), IDLE);
        CU_ASSERT_FALSE(INT_LEVEL);
    }
    CU_ASSERT_EQUAL(errors(), sizeof(bad));
    CU_ASSERT_EQUAL(INT_RISES, 1);
    teardown();
}

/* SEEK with nothing attached: pulses are counted, the seek ends with SE */
static void test_seek_no_drive(void)
{
    uint8_t s0[3] = { FDC_CMD_SEEK, 0x00, 10 };
    uint8_t s2[3] = { FDC_CMD_SEEK, 0x06, 3 };  /* head 1, drive 2 */
    uint8_t r[10];
    Cycles t0, step = MS(3);        /* SRT 13 at 500 kbit/s */

    setup();
    reset_and_collect();
    specify(0xdf, 0x03);
    cmd(s0, 3, IDLE | 0x01);        /* CB off, drive 0 busy */
    t0 = rig.now;
    CU_ASSERT_EQUAL(rd(FDC_SRA) & FDC_SRA_DIR, FDC_SRA_DIR);   /* inward */
    rig_run_until(&rig, t0 + 10 * step - 1);
    CU_ASSERT_FALSE(INT_LEVEL);
    CU_ASSERT_EQUAL(msr(), IDLE | 0x01);
    dumpreg(r);                     /* mid-seek: PCN follows the pulses */
    CU_ASSERT_EQUAL(r[0], 10);
    run_for(1);
    CU_ASSERT_TRUE(INT_LEVEL);
    CU_ASSERT_EQUAL(INT_ROSE_AT, t0 + 10 * step);
    CU_ASSERT_EQUAL(msr(), IDLE | 0x01);    /* busy until SENSEI */
    sensei_expect(FDC_ST0_SE, 10);
    CU_ASSERT_EQUAL(msr(), IDLE);
    CU_ASSERT_FALSE(INT_LEVEL);
    /* back out, with a different step rate: SRT 15 = 1 ms */
    specify(0xff, 0x03);
    s0[2] = 4;
    cmd(s0, 3, IDLE | 0x01);
    CU_ASSERT_EQUAL(rd(FDC_SRA) & FDC_SRA_DIR, 0);
    run_for(MS(6) - 1);
    CU_ASSERT_FALSE(INT_LEVEL);
    run_for(1);
    sensei_expect(FDC_ST0_SE, 4);
    /* to where it already is: at once */
    cmd(s0, 3, IDLE | 0x01);
    CU_ASSERT_TRUE(INT_LEVEL);
    sensei_expect(FDC_ST0_SE, 4);
    /* drive 2, head 1: ST0 names the drive, never the head */
    cmd(s2, 3, IDLE | 0x04);
    run_for(MS(3));
    sensei_expect(FDC_ST0_SE | 2, 3);
    dumpreg(r);
    CU_ASSERT_EQUAL(r[0], 4);
    CU_ASSERT_EQUAL(r[2], 3);
    CU_ASSERT_EQUAL(rd(FDC_SRA) & FDC_SRA_HDSEL, FDC_SRA_HDSEL);
    CU_ASSERT_EQUAL(errors(), 0);
    teardown();
}

/* Seeks on different drives overlap; SENSEI reports drive 0 first. */
static void test_overlapped_seeks(void)
{
    uint8_t a[3] = { FDC_CMD_SEEK, 0x00, 5 };
    uint8_t b[3] = { FDC_CMD_SEEK, 0x01, 2 };

    setup();
    reset_and_collect();
    specify(0xff, 0x03);            /* 1 ms steps */
    cmd(a, 3, IDLE | 0x01);
    cmd(b, 3, IDLE | 0x03);
    run_for(MS(2));
    CU_ASSERT_TRUE(INT_LEVEL);      /* drive 1 done */
    CU_ASSERT_EQUAL(msr(), IDLE | 0x03);
    sensei_expect(FDC_ST0_SE | 1, 2);
    CU_ASSERT_EQUAL(msr(), IDLE | 0x01);
    CU_ASSERT_FALSE(INT_LEVEL);
    /* SENSEI while drive 0 still steps: nothing pending */
    sensei_none();
    run_for(MS(3));
    sensei_expect(FDC_ST0_SE, 5);
    /* both finished before any SENSEI: lowest drive first */
    a[2] = 0;
    b[2] = 0;
    cmd(a, 3, IDLE | 0x01);
    cmd(b, 3, IDLE | 0x03);
    run_for(MS(10));
    sensei_expect(FDC_ST0_SE, 0);
    CU_ASSERT_TRUE(INT_LEVEL);
    sensei_expect(FDC_ST0_SE | 1, 0);
    CU_ASSERT_FALSE(INT_LEVEL);
    CU_ASSERT_EQUAL(msr(), IDLE);
    CU_ASSERT_EQUAL(errors(), 0);
    teardown();
}

static void test_recalibrate(void)
{
    uint8_t rc[2] = { FDC_CMD_RECALIBRATE, 0x00 };
    uint8_t sk[3] = { FDC_CMD_SEEK, 0x00, 5 };
    Cycles t0, step = MS(4);        /* SRT 12 at 500 kbit/s */

    setup();
    reset_and_collect();
    specify(0xc1, 0x11);
    wr(FDC_DOR, 0x1c);              /* drive 0 selected, motor on */
    /* nothing attached: 79 pulses, then SE + EC, abnormal; PCN 0 */
    cmd(sk, 3, IDLE | 0x01);
    run_for(5 * step);
    sensei_expect(FDC_ST0_SE, 5);
    cmd(rc, 2, IDLE | 0x01);
    t0 = rig.now;
    rig_run_until(&rig, t0 + FDC_RECAL_PULSES * step - 1);
    CU_ASSERT_FALSE(INT_LEVEL);
    CU_ASSERT_EQUAL(rd(FDC_SRA) & FDC_SRA_NTRK0, FDC_SRA_NTRK0);
    run_for(1);
    CU_ASSERT_TRUE(INT_LEVEL);
    sensei_expect(FDC_ST0_IC_ABNORMAL | FDC_ST0_SE | FDC_ST0_EC, 0);

    /* an empty drive on line 0: seek moves its head, recalibrate brings
     * it back to track 0 in as many pulses */
    fdc_attach_drive(&fdc, 0, FDC_DRIVE_EMPTY);
    CU_ASSERT_EQUAL(rd(FDC_SRA) & (FDC_SRA_NTRK0 | FDC_SRA_NWP), 0);
    cmd(sk, 3, IDLE | 0x01);        /* PCN 0 -> 5, head 0 -> 5 */
    run_for(5 * step);
    sensei_expect(FDC_ST0_SE, 5);
    CU_ASSERT_EQUAL(rd(FDC_SRA) & FDC_SRA_NTRK0, FDC_SRA_NTRK0);
    cmd(rc, 2, IDLE | 0x01);
    t0 = rig.now;
    rig_run_until(&rig, t0 + 5 * step - 1);
    CU_ASSERT_FALSE(INT_LEVEL);
    run_for(1);
    CU_ASSERT_TRUE(INT_LEVEL);
    sensei_expect(FDC_ST0_SE, 0);
    CU_ASSERT_EQUAL(rd(FDC_SRA) & FDC_SRA_NTRK0, 0);
    /* on track 0 already: no pulse at all */
    cmd(rc, 2, IDLE | 0x01);
    CU_ASSERT_TRUE(INT_LEVEL);
    sensei_expect(FDC_ST0_SE, 0);

    /* a head beyond cylinder 79 needs two (Linux's NEED_2_RECAL) */
    sk[2] = 200;                    /* the mechanism stops at 83 */
    cmd(sk, 3, IDLE | 0x01);
    run_for(200 * step);
    sensei_expect(FDC_ST0_SE, 200);
    CU_ASSERT_EQUAL(fdc.drive_cyl[0], FDC_DRIVE_LAST_CYL);
    cmd(rc, 2, IDLE | 0x01);
    run_for(FDC_RECAL_PULSES * step);
    sensei_expect(FDC_ST0_IC_ABNORMAL | FDC_ST0_SE | FDC_ST0_EC, 0);
    CU_ASSERT_EQUAL(fdc.drive_cyl[0], FDC_DRIVE_LAST_CYL - 79);
    cmd(rc, 2, IDLE | 0x01);
    run_for((FDC_DRIVE_LAST_CYL - 79) * step);
    sensei_expect(FDC_ST0_SE, 0);

    /* the cable answers for the drive the DOR selects, whatever the
     * command says: unit 0 while DOR selects line 1 (nothing there) */
    wr(FDC_DOR, 0x2d);
    cmd(rc, 2, IDLE | 0x01);
    run_for(FDC_RECAL_PULSES * step);
    sensei_expect(FDC_ST0_IC_ABNORMAL | FDC_ST0_SE | FDC_ST0_EC, 0);
    CU_ASSERT_EQUAL(fdc.drive_cyl[0], 0);   /* never stepped */
    CU_ASSERT_EQUAL(errors(), 0);
    teardown();
}

static void test_relative_seek(void)
{
    uint8_t in3[3] = { FDC_CMD_RELSEEK | 0x40, 0x00, 3 };
    uint8_t out5[3] = { FDC_CMD_RELSEEK, 0x00, 5 };

    setup();
    reset_and_collect();
    specify(0xff, 0x03);
    cmd(in3, 3, IDLE | 0x01);
    run_for(MS(3));
    sensei_expect(FDC_ST0_SE, 3);
    /* stepping out past track 0 is an equipment check (DS ST0 table) */
    cmd(out5, 3, IDLE | 0x01);
    run_for(MS(5));
    sensei_expect(FDC_ST0_IC_ABNORMAL | FDC_ST0_SE | FDC_ST0_EC, 254);
    CU_ASSERT_EQUAL(errors(), 0);
    teardown();
}

static void test_sense_drive_status(void)
{
    uint8_t sd[2] = { FDC_CMD_SENSE_DRIVE, 0x05 };
    uint8_t sk[3] = { FDC_CMD_SEEK, 0x00, 2 };

    setup();
    reset_and_collect();
    specify(0xff, 0x03);
    /* nothing attached: bits 5 and 3, head and drive */
    cmd(sd, 2, RESULT);
    CU_ASSERT_EQUAL(in(), 0x28 | 0x04 | 0x01);
    CU_ASSERT_EQUAL(msr(), IDLE);
    CU_ASSERT_FALSE(INT_LEVEL);
    /* an empty drive on track 0, selected: WP and T0 too */
    fdc_attach_drive(&fdc, 0, FDC_DRIVE_EMPTY);
    sd[1] = 0x00;
    cmd(sd, 2, RESULT);
    CU_ASSERT_EQUAL(in(), 0x78);
    CU_ASSERT_EQUAL(rd(FDC_DIR) & FDC_DIR_DSKCHG, FDC_DIR_DSKCHG);
    cmd(sk, 3, IDLE | 0x01);
    run_for(MS(2));
    sensei_expect(FDC_ST0_SE, 2);
    cmd(sd, 2, RESULT);
    CU_ASSERT_EQUAL(in(), 0x68);
    /* the DOR selects line 1: nothing answers */
    wr(FDC_DOR, 0x0d);
    cmd(sd, 2, RESULT);
    CU_ASSERT_EQUAL(in(), 0x28);
    CU_ASSERT_EQUAL(rd(FDC_DIR) & FDC_DIR_DSKCHG, 0);
    CU_ASSERT_EQUAL(errors(), 0);
    teardown();
}

/* READ DATA, READ ID etc. wait for index pulses that never come. */
static void test_data_commands_hang(void)
{
    static const uint8_t ops[] = {
        0xe6, 0x06, 0x4c, 0x42, 0x56, 0x51, 0x59, 0x5d, 0xc5, 0x49,
    };
    uint8_t rw[9] = { 0, 0x00, 0, 0, 1, 2, 18, 0x1b, 0xff };
    uint8_t rid[2] = { 0x4a, 0x04 };
    uint8_t fmt[6] = { 0x4d, 0x00, 2, 18, 0x54, 0xf6 };
    uint8_t r[10];
    unsigned i;
    uint64_t e;

    setup();
    reset_and_collect();
    specify(0xc1, 0x11);            /* non-DMA */
    for (i = 0; i < sizeof(ops); i++) {
        rw[0] = ops[i];
        cmd(rw, 9, FDC_MSR_CB | FDC_MSR_NDMA);
        run_for(MS(2000));
        CU_ASSERT_EQUAL(msr(), FDC_MSR_CB | FDC_MSR_NDMA);
        CU_ASSERT_FALSE(INT_LEVEL);
        CU_ASSERT_TRUE(is_stable(FDC_MSR));
        CU_ASSERT_EQUAL(ev_next_deadline(&rig.q), CYCLES_NEVER);
        /* the host cannot get at the FIFO */
        e = errors();
        CU_ASSERT_EQUAL(rd(FDC_FIFO), 0);
        wr(FDC_FIFO, FDC_CMD_VERSION);
        CU_ASSERT_EQUAL(errors(), e + 2);
        CU_ASSERT_EQUAL(msr(), FDC_MSR_CB | FDC_MSR_NDMA);
        /* only a reset ends it */
        if (i & 1) {
            dor_reset(0x0c);
        } else {
            wr(FDC_DSR, FDC_DSR_SWRESET | FDC_RATE_500K);
        }
        CU_ASSERT_EQUAL(msr(), IDLE);
        run_for(MS(1));
        sensei_expect(0xc0, 0);
        sensei_expect(0xc1, 0);
        sensei_expect(0xc2, 0);
        sensei_expect(0xc3, 0);
        wr(FDC_CCR, FDC_RATE_500K);
    }
    dumpreg(r);
    CU_ASSERT_EQUAL(r[6], 18);      /* EOT of the last READ/WRITE */
    /* READ ID, in DMA mode: CB only */
    specify(0xc1, 0x10);
    cmd(rid, 2, FDC_MSR_CB);
    run_for(MS(1000));
    CU_ASSERT_EQUAL(msr(), FDC_MSR_CB);
    CU_ASSERT_EQUAL(rd(FDC_SRA) & FDC_SRA_HDSEL, FDC_SRA_HDSEL);
    wr(FDC_DSR, FDC_DSR_SWRESET);
    run_for(MS(1));
    CU_ASSERT_TRUE(INT_LEVEL);
    /* FORMAT: SC shows in DUMPREG */
    reset_and_collect();
    cmd(fmt, 6, FDC_MSR_CB);
    run_for(MS(1000));
    CU_ASSERT_EQUAL(msr(), FDC_MSR_CB);
    dor_reset(0x0c);
    run_for(MS(1));
    dumpreg(r);
    CU_ASSERT_EQUAL(r[6], 18);
    teardown();
}

/* An empty drive reads write-protected: writes end at once with NW. */
static void test_write_protected(void)
{
    uint8_t w[9] = { 0xc5, 0x04, 7, 1, 3, 2, 18, 0x1b, 0xff };
    uint8_t f[6] = { 0x4d, 0x00, 2, 18, 0x54, 0xf6 };
    uint8_t rd1[9] = { 0xe6, 0x00, 0, 0, 1, 2, 18, 0x1b, 0xff };
    static const uint8_t want[7] = { 0x44, 0x02, 0x00, 7, 1, 3, 2 };
    unsigned i;

    setup();
    fdc_attach_drive(&fdc, 0, FDC_DRIVE_EMPTY);
    reset_and_collect();
    wr(FDC_DOR, 0x1c);
    specify(0xc1, 0x11);
    cmd(w, 9, RESULT);
    CU_ASSERT_TRUE(INT_LEVEL);      /* the result phase interrupts */
    for (i = 0; i < 7; i++) {
        CU_ASSERT_TRUE(INT_LEVEL);
        CU_ASSERT_EQUAL(in(), want[i]);
    }
    CU_ASSERT_FALSE(INT_LEVEL);
    CU_ASSERT_EQUAL(msr(), IDLE);
    sensei_none();                  /* not a SENSEI condition */
    cmd(f, 6, RESULT);
    CU_ASSERT_EQUAL(in(), 0x40);
    CU_ASSERT_EQUAL(in(), FDC_ST1_NW);
    for (i = 0; i < 5; i++) {
        (void)in();
    }
    CU_ASSERT_FALSE(INT_LEVEL);
    /* reads still wait for the index */
    cmd(rd1, 9, FDC_MSR_CB | FDC_MSR_NDMA);
    run_for(MS(1000));
    CU_ASSERT_EQUAL(msr(), FDC_MSR_CB | FDC_MSR_NDMA);
    CU_ASSERT_EQUAL(errors(), 0);
    teardown();
}

/* CONFIGURE EIS: a read seeks to its cylinder first, without interrupt */
static void test_implied_seek(void)
{
    uint8_t cfg[4] = { FDC_CMD_CONFIGURE, 0x00, 0x5a, 0x00 };
    uint8_t rd1[9] = { 0xe6, 0x00, 6, 0, 1, 2, 18, 0x1b, 0xff };
    uint8_t r[10];

    setup();
    reset_and_collect();
    specify(0xff, 0x11);            /* 1 ms steps, non-DMA */
    cmd(cfg, 4, IDLE);
    cmd(rd1, 9, FDC_MSR_CB | FDC_MSR_NDMA | 0x01);
    run_for(MS(6) - 1);
    CU_ASSERT_EQUAL(msr(), FDC_MSR_CB | FDC_MSR_NDMA | 0x01);
    run_for(1);
    CU_ASSERT_EQUAL(msr(), FDC_MSR_CB | FDC_MSR_NDMA);
    CU_ASSERT_FALSE(INT_LEVEL);
    dor_reset(0x0c);                /* PCNs clear */
    run_for(MS(1));
    dumpreg(r);
    CU_ASSERT_EQUAL(r[0], 0);
    CU_ASSERT_EQUAL(errors(), 0);
    teardown();
}

static void test_bad_input(void)
{
    setup();
    reset_and_collect();
    /* a FIFO read in the command phase: 0, nothing changes */
    CU_ASSERT_EQUAL(rd(FDC_FIFO), 0);
    CU_ASSERT_EQUAL(errors(), 1);
    CU_ASSERT_EQUAL(msr(), IDLE);
    /* a write during the result phase is ignored */
    cmd1(FDC_CMD_VERSION, RESULT);
    wr(FDC_FIFO, 0x55);
    CU_ASSERT_EQUAL(errors(), 2);
    CU_ASSERT_EQUAL(msr(), RESULT);
    CU_ASSERT_EQUAL(in(), 0x90);
    CU_ASSERT_EQUAL(msr(), IDLE);
    /* reading past the result */
    CU_ASSERT_EQUAL(rd(FDC_FIFO), 0);
    CU_ASSERT_EQUAL(errors(), 3);
    /* read-only registers and offset 6 */
    wr(FDC_SRA, 0xff);
    wr(FDC_SRB, 0xff);
    wr(6, 0xff);
    CU_ASSERT_EQUAL(errors(), 6);
    CU_ASSERT_EQUAL(rd(FDC_SRB), 0xc0);
    CU_ASSERT_EQUAL(rd(6), 0xff);
    CU_ASSERT_EQUAL(errors(), 7);
    /* a half-sent command stays half-sent */
    out(FDC_CMD_SEEK);
    CU_ASSERT_EQUAL(msr(), PARAM);
    CU_ASSERT_EQUAL(rd(FDC_FIFO), 0);
    CU_ASSERT_EQUAL(msr(), PARAM);
    out(0);
    out(0);
    CU_ASSERT_TRUE(INT_LEVEL);
    sensei_expect(FDC_ST0_SE, 0);
    /* a seek to a drive whose last seek was not collected */
    {
        uint8_t sk[3] = { FDC_CMD_SEEK, 0x00, 1 };
        uint64_t e = errors();
        specify(0xff, 0x03);
        cmd(sk, 3, IDLE | 0x01);
        cmd(sk, 3, IDLE | 0x01);
        CU_ASSERT_EQUAL(errors(), e + 1);
        run_for(MS(2));
        sensei_expect(FDC_ST0_SE, 1);
    }
    /* only byte accesses, only eight bytes */
    CU_ASSERT_EQUAL(rig_try_rd(&rig, FDC_PA + FDC_MSR, 2, NULL),
                    BUS_ERR_SIZE);
    CU_ASSERT_EQUAL(rig_try_wr(&rig, FDC_PA, 4, 0), BUS_ERR_SIZE);
    CU_ASSERT_EQUAL(rig_try_rd(&rig, FDC_PA + FDC_REG_SIZE, 1, NULL),
                    BUS_ERR_UNMAPPED);
    teardown();
}

static void test_registers(void)
{
    setup();
    wr(FDC_DOR, 0x0c);
    CU_ASSERT_EQUAL(rd(FDC_DOR), 0x0c);
    CU_ASSERT_EQUAL(rd(FDC_SRB), 0xc0);
    wr(FDC_DOR, 0x1c);
    CU_ASSERT_EQUAL(rd(FDC_SRB), 0xc1);
    wr(FDC_DOR, 0x2d);
    CU_ASSERT_EQUAL(rd(FDC_DOR), 0x2d);
    CU_ASSERT_EQUAL(rd(FDC_SRB), 0xe2);
    wr(FDC_DOR, 0xfe);              /* select 2, all motors, DMA gate */
    CU_ASSERT_EQUAL(rd(FDC_DOR), 0xfe);
    CU_ASSERT_EQUAL(rd(FDC_SRB), 0xc3);
    /* TDR: two bits */
    wr(FDC_TDR, 0xff);
    CU_ASSERT_EQUAL(rd(FDC_TDR), 0x03);
    wr(FDC_TDR, 0x00);
    /* CCR and DSR set the data rate, seen in DIR */
    wr(FDC_CCR, FDC_RATE_1M);
    CU_ASSERT_EQUAL(rd(FDC_DIR), 0x78 | FDC_RATE_1M << 1);
    wr(FDC_DSR, FDC_RATE_300K | 0x0c);  /* precomp bits too */
    CU_ASSERT_EQUAL(rd(FDC_DIR), 0x78 | FDC_RATE_300K << 1 | 1);
    CU_ASSERT_EQUAL(msr(), IDLE);   /* no reset bit: nothing restarted */
    /* a second drive on line 1 shows in SRA */
    fdc_attach_drive(&fdc, 1, FDC_DRIVE_EMPTY);
    CU_ASSERT_EQUAL(rd(FDC_SRA) & FDC_SRA_NDRV2, 0);
    fdc_attach_drive(&fdc, 7, FDC_DRIVE_EMPTY);     /* no such line */
    CU_ASSERT_EQUAL(errors(), 0);
    /* every register but the FIFO can be polled (is_stable reads: the
     * FIFO read is a guest error here) */
    CU_ASSERT_TRUE(is_stable(FDC_SRA));
    CU_ASSERT_TRUE(is_stable(FDC_SRB));
    CU_ASSERT_TRUE(is_stable(FDC_DOR));
    CU_ASSERT_TRUE(is_stable(FDC_TDR));
    CU_ASSERT_TRUE(is_stable(FDC_MSR));
    CU_ASSERT_FALSE(is_stable(FDC_FIFO));
    CU_ASSERT_TRUE(is_stable(FDC_DIR));
    CU_ASSERT_EQUAL(errors(), 1);
    teardown();
}

/* Resets in the middle of things: seeks and the interrupt go away. */
static void test_resets_cancel(void)
{
    uint8_t sk[3] = { FDC_CMD_SEEK, 0x00, 50 };

    setup();
    reset_and_collect();
    specify(0x01, 0x03);            /* SRT 0: 16 ms steps */
    cmd(sk, 3, IDLE | 0x01);
    run_for(MS(100));
    wr(FDC_DOR, 0x08);              /* DOR reset mid-seek */
    CU_ASSERT_EQUAL(msr(), 0);
    CU_ASSERT_EQUAL(ev_next_deadline(&rig.q), CYCLES_NEVER);
    run_for(MS(2000));
    CU_ASSERT_FALSE(INT_LEVEL);
    wr(FDC_DOR, 0x0c);
    CU_ASSERT_EQUAL(msr(), IDLE);
    run_for(MS(1));
    CU_ASSERT_TRUE(INT_LEVEL);
    /* RESET pin with INT up and a result pending */
    cmd1(FDC_CMD_VERSION, RESULT);
    fdc_reset(&fdc);
    CU_ASSERT_FALSE(INT_LEVEL);
    CU_ASSERT_EQUAL(msr(), 0);
    CU_ASSERT_EQUAL(rd(FDC_DOR), 0);
    CU_ASSERT_EQUAL(ev_next_deadline(&rig.q), CYCLES_NEVER);
    teardown();
}

/* Random register traffic and time: no crash, INT always matches SRA. */
static void test_random(void)
{
    unsigned i;
    uint32_t x = 12345;

    setup();
    fdc_attach_drive(&fdc, 0, FDC_DRIVE_EMPTY);
    for (i = 0; i < 200000; i++) {
        unsigned off, what;
        x = x * 1103515245u + 12345u;
        off = (x >> 8) & 7;
        what = (x >> 12) & 15;
        if (what < 7) {
            uint8_t v = (uint8_t)(x >> 20);
            if (off == FDC_DOR && (v & FDC_DOR_NRESET) == 0 &&
                (x & 0x1000000)) {
                v |= FDC_DOR_NRESET;    /* spend less time in reset */
            }
            wr(off, v);
        } else if (what < 14) {
            (void)rd(off);
        } else if (what == 14) {
            run_for((x >> 16) & 0xffff);
        } else if ((x >> 16) % 97 == 0) {
            fdc_reset(&fdc);
        }
        CU_ASSERT_EQUAL((rd(FDC_SRA) & FDC_SRA_INT) != 0, INT_LEVEL);
        if (fdc.res_pos > fdc.res_len || fdc.cmd_len > 9) {
            CU_FAIL("FIFO bookkeeping out of range");
            break;
        }
    }
    teardown();
}

/* frees the fixture the last test left behind */
static int suite_clean(void)
{
    teardown();
    return 0;
}

static const UnitTest tests[] = {
    { "power-on state", test_power_on },
    { "held in reset", test_held_in_reset },
    { "PROM reset and poll, four SENSEI answers", test_prom_reset_and_poll },
    { "DSR reset and polling time", test_dsr_reset_poll_time },
    { "a command stops polling", test_command_stops_polling },
    { "OpenBIOS floppy_init, empty drive", test_openbios_empty_drive },
    { "OpenBIOS floppy_init, no drive", test_openbios_no_drive },
    { "SPECIFY and DUMPREG", test_specify_dumpreg },
    { "VERSION, LOCK, CONFIGURE", test_version_lock_configure },
    { "PERPENDICULAR MODE", test_perpendicular },
    { "invalid commands", test_invalid_commands },
    { "SEEK with no drive", test_seek_no_drive },
    { "overlapped seeks", test_overlapped_seeks },
    { "RECALIBRATE", test_recalibrate },
    { "RELATIVE SEEK", test_relative_seek },
    { "SENSE DRIVE STATUS", test_sense_drive_status },
    { "data commands wait for the index", test_data_commands_hang },
    { "write-protected empty drive", test_write_protected },
    { "implied seek", test_implied_seek },
    { "bad input", test_bad_input },
    { "registers", test_registers },
    { "resets cancel", test_resets_cancel },
    { "random traffic", test_random },
};

int main(void)
{
    return UNIT_RUN("fdc", NULL, suite_clean, tests);
}
