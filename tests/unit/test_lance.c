/*
 * Unit tests of the idle Am7990 Lance (hw/chips/lance.c): the RAP/RDP
 * ports, CSR0's STOP/INIT/STRT/IDON/INTR/INEA behaviour and its
 * write-1-to-clear bits, CSR1-CSR3 writable only while stopped, access
 * widths, guest errors, the initialisation event, and the wiring to the
 * ledma channel of DMA2 (interrupt in, reset pulse out).
 *
 * The Lance and DMA2 are mapped on a real Bus at their SS-5 addresses and
 * driven with bus_read/bus_write as the CPU would; time advances by moving
 * the local clock and firing the event queue.  Interrupt outputs go to a
 * recorder: the Lance's own pin (when not behind ledma) and the ledma
 * line to the interrupt controller (system source bit 16).
 *
 * Built and run by `make check-unit`.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "hw/chips/dma2.h"
#include "hw/chips/lance.h"
#include "hw/core/bus.h"
#include "hw/core/event.h"
#include "hw/core/log.h"
#include "rig.h"

#define CPU_HZ 110000000ull
#define LE_PA 0x78c00000ull
#define RDP_PA (LE_PA + LANCE_RDP)
#define RAP_PA (LE_PA + LANCE_RAP)
#define DMA_PA 0x78400000ull
#define LEDMA_CSR_PA (DMA_PA + DMA2_LEDMA_OFF + DMA2_CSR)

#define LINE_PIN 0          /* the Lance's INTR pin, wired straight */
#define LINE_ETHER 16       /* ledma to the interrupt controller */
#define LINE_SCSI 18

/* Linux sunlance.c: busmaster-regval on the SS-5 (BSWP | ACON | BCON) */
#define LINUX_CSR3 0x0007u

/* ---- Fixture (CUnit tests take no arguments: file scope) ---- */

static UnitRig rig;
static Lance le;
static Dma2 dma;

static void teardown(void)
{
    rig_down(&rig);
}

/* The Lance alone, its pin on LINE_PIN; or behind ledma (behind_dma) */
static void setup_with(bool behind_dma)
{
    DevCtx c;

    teardown();
    rig_up(&rig, 0x100000, CPU_HZ);
    rig_dma2(&rig, &dma, DMA_PA, LINE_SCSI, LINE_ETHER);
    c = rig_ctx(&rig, "le", LOG_LE, LE_PA, LANCE_REG_SIZE);
    if (behind_dma) {
        lance_init(&le, &c, dma2_device_line(&dma.le));
        dma2_connect(&dma.le, &le, lance_dma_reset, NULL);
    } else {
        lance_init(&le, &c, rig_irq_line(&rig, LINE_PIN));
    }
}

static void setup(void)
{
    setup_with(false);
}

static uint16_t rd16(GPAddr pa)
{
    return (uint16_t)rig_rd(&rig, pa, 2);
}

static void wr16(GPAddr pa, uint16_t v)
{
    rig_wr(&rig, pa, 2, v);
}

/* CSR n through the ports, as a driver does */
static uint16_t csr_rd(unsigned n)
{
    wr16(RAP_PA, (uint16_t)n);
    return rd16(RDP_PA);
}

static void csr_wr(unsigned n, uint16_t v)
{
    wr16(RAP_PA, (uint16_t)n);
    wr16(RDP_PA, v);
}

static uint64_t errors(void)
{
    return rig.log.guest_errors[LOG_LE];
}

/* Linux lance_open up to init_restart_lance's IDON poll (sunlance.c):
 * STOP, load_csrs (CSR1, CSR2, CSR3, back to CSR0), INIT. */
static void linux_load_and_init(uint32_t iadr)
{
    csr_wr(0, LANCE_CSR0_STOP);
    csr_wr(1, (uint16_t)iadr);
    csr_wr(2, (uint16_t)(iadr >> 16));
    csr_wr(3, LINUX_CSR3);
    wr16(RAP_PA, 0);
    wr16(RDP_PA, LANCE_CSR0_INIT);
}

/* ---- Tests ---- */

static void test_reset_values(void)
{
    setup();
    CU_ASSERT_EQUAL(rd16(RAP_PA), 0);
    CU_ASSERT_EQUAL(rd16(RDP_PA), LANCE_CSR0_STOP);
    CU_ASSERT_EQUAL(csr_rd(1), 0);
    CU_ASSERT_EQUAL(csr_rd(2), 0);
    CU_ASSERT_EQUAL(csr_rd(3), 0);
    CU_ASSERT_FALSE(rig.irq.level[LINE_PIN]);
    CU_ASSERT_EQUAL(errors(), 0);
    teardown();
}

/* RAP bits 1:0 pick the CSR behind RDP; RAP reads back; reserved bits */
static void test_rap_rdp(void)
{
    setup();
    csr_wr(1, 0x1234);
    csr_wr(2, 0x00ab);
    csr_wr(3, LINUX_CSR3);
    CU_ASSERT_EQUAL(rd16(RAP_PA), 3);
    CU_ASSERT_EQUAL(rd16(RDP_PA), LINUX_CSR3);
    wr16(RAP_PA, 1);
    CU_ASSERT_EQUAL(rd16(RAP_PA), 1);
    CU_ASSERT_EQUAL(rd16(RDP_PA), 0x1234);
    CU_ASSERT_EQUAL(csr_rd(2), 0x00ab);
    CU_ASSERT_EQUAL(csr_rd(0), LANCE_CSR0_STOP);
    CU_ASSERT_EQUAL(errors(), 0);

    /* reserved RAP bits: only bits 1:0 are kept, and it is logged */
    wr16(RAP_PA, 0xfff6);
    CU_ASSERT_EQUAL(rd16(RAP_PA), 2);
    CU_ASSERT_EQUAL(rd16(RDP_PA), 0x00ab);
    CU_ASSERT_EQUAL(errors(), 1);
    teardown();
}

/* What Linux's lance_open does, step by step */
static void test_linux_open(void)
{
    uint16_t v = 0;
    int i;

    setup();
    linux_load_and_init(0x00fe1234u);
    CU_ASSERT_EQUAL(le.csr1, 0x1234);
    CU_ASSERT_EQUAL(le.csr2, 0x00fe);
    CU_ASSERT_EQUAL(le.csr3, LINUX_CSR3);
    /* the IDON poll: 100 reads at most, no delay */
    for (i = 0; i < 100; i++) {
        v = rd16(RDP_PA);
        if (v & (LANCE_CSR0_ERR | LANCE_CSR0_IDON)) {
            break;
        }
    }
    CU_ASSERT(i < 100);
    CU_ASSERT_EQUAL(v, LANCE_CSR0_INIT | LANCE_CSR0_IDON | LANCE_CSR0_INTR);
    CU_ASSERT_FALSE(rig.irq.level[LINE_PIN]);   /* INEA clear */
    /* clear IDON by writing 1, then enable interrupts and start */
    wr16(RDP_PA, LANCE_CSR0_IDON);
    CU_ASSERT_EQUAL(rd16(RDP_PA), LANCE_CSR0_INIT);
    wr16(RDP_PA, LANCE_CSR0_INEA | LANCE_CSR0_STRT);
    CU_ASSERT_EQUAL(rd16(RDP_PA),
                    LANCE_CSR0_INIT | LANCE_CSR0_STRT | LANCE_CSR0_RXON |
                    LANCE_CSR0_TXON | LANCE_CSR0_INEA);
    CU_ASSERT_FALSE(rig.irq.level[LINE_PIN]);
    CU_ASSERT_EQUAL(rig.irq.edges[LINE_PIN], 0);
    /* lance_start_xmit's kick: taken, nothing happens, TDMD reads 0 */
    wr16(RDP_PA, LANCE_CSR0_INEA | LANCE_CSR0_TDMD);
    CU_ASSERT_EQUAL(rd16(RDP_PA),
                    LANCE_CSR0_INIT | LANCE_CSR0_STRT | LANCE_CSR0_RXON |
                    LANCE_CSR0_TXON | LANCE_CSR0_INEA);
    CU_ASSERT_FALSE(rig.irq.level[LINE_PIN]);
    /* lance_close: STOP */
    wr16(RDP_PA, LANCE_CSR0_STOP);
    CU_ASSERT_EQUAL(rd16(RDP_PA), LANCE_CSR0_STOP);
    CU_ASSERT_EQUAL(le.inits, 1);
    CU_ASSERT_EQUAL(le.starts, 1);
    CU_ASSERT_EQUAL(errors(), 0);
    teardown();
}

/* INTR summarises the causes; the pin is INTR AND INEA */
static void test_intr_inea(void)
{
    setup();
    /* INIT with INEA: IDON, INTR, the pin rises */
    wr16(RDP_PA, LANCE_CSR0_INEA | LANCE_CSR0_INIT);
    CU_ASSERT_EQUAL(rd16(RDP_PA), LANCE_CSR0_INIT | LANCE_CSR0_IDON |
                                  LANCE_CSR0_INTR | LANCE_CSR0_INEA);
    CU_ASSERT_TRUE(rig.irq.level[LINE_PIN]);
    CU_ASSERT_EQUAL(rig.irq.edges[LINE_PIN], 1);
    /* INEA off (a write of 0 clears it): the pin drops, IDON stays */
    wr16(RDP_PA, 0);
    CU_ASSERT_EQUAL(rd16(RDP_PA), LANCE_CSR0_INIT | LANCE_CSR0_IDON |
                                  LANCE_CSR0_INTR);
    CU_ASSERT_FALSE(rig.irq.level[LINE_PIN]);
    /* INEA on again with the cause still there: the pin rises */
    wr16(RDP_PA, LANCE_CSR0_INEA);
    CU_ASSERT_TRUE(rig.irq.level[LINE_PIN]);
    /* writing INTR does nothing; acknowledging IDON drops INTR and pin */
    wr16(RDP_PA, LANCE_CSR0_INEA | LANCE_CSR0_INTR);
    CU_ASSERT_TRUE(rig.irq.level[LINE_PIN]);
    wr16(RDP_PA, LANCE_CSR0_INEA | LANCE_CSR0_IDON);
    CU_ASSERT_EQUAL(rd16(RDP_PA), LANCE_CSR0_INIT | LANCE_CSR0_INEA);
    CU_ASSERT_FALSE(rig.irq.level[LINE_PIN]);
    CU_ASSERT_EQUAL(rig.irq.edges[LINE_PIN], 4);
    CU_ASSERT_EQUAL(errors(), 0);
    teardown();
}

/*
 * The causes the idle chip never raises itself are put in its state
 * directly, as the data path will: each clears only by writing 1; ERR and
 * INTR follow them (CERR makes ERR but no interrupt); STOP clears all.
 */
static void test_w1c(void)
{
    const uint16_t all = LANCE_CSR0_BABL | LANCE_CSR0_CERR |
                         LANCE_CSR0_MISS | LANCE_CSR0_MERR |
                         LANCE_CSR0_RINT | LANCE_CSR0_TINT;

    setup();
    wr16(RDP_PA, LANCE_CSR0_INIT);
    wr16(RDP_PA, LANCE_CSR0_IDON | LANCE_CSR0_STRT);
    le.csr0 |= all;
    CU_ASSERT_EQUAL(rd16(RDP_PA) & 0xff80,
                    LANCE_CSR0_ERR | all | LANCE_CSR0_INTR);
    /* zeros (and the read-only ERR/INTR) change nothing */
    wr16(RDP_PA, LANCE_CSR0_ERR | LANCE_CSR0_INTR);
    CU_ASSERT_EQUAL(rd16(RDP_PA) & 0xff80,
                    LANCE_CSR0_ERR | all | LANCE_CSR0_INTR);
    /* one at a time */
    wr16(RDP_PA, LANCE_CSR0_RINT | LANCE_CSR0_TINT);
    CU_ASSERT_EQUAL(rd16(RDP_PA) & 0xff80,
                    LANCE_CSR0_ERR | LANCE_CSR0_BABL | LANCE_CSR0_CERR |
                    LANCE_CSR0_MISS | LANCE_CSR0_MERR | LANCE_CSR0_INTR);
    wr16(RDP_PA, LANCE_CSR0_BABL | LANCE_CSR0_MISS | LANCE_CSR0_MERR);
    /* CERR alone: ERR, but no INTR */
    CU_ASSERT_EQUAL(rd16(RDP_PA) & 0xff80,
                    LANCE_CSR0_ERR | LANCE_CSR0_CERR);
    wr16(RDP_PA, LANCE_CSR0_INEA);
    CU_ASSERT_FALSE(rig.irq.level[LINE_PIN]);
    wr16(RDP_PA, LANCE_CSR0_INEA | LANCE_CSR0_CERR);
    CU_ASSERT_EQUAL(rd16(RDP_PA),
                    LANCE_CSR0_INIT | LANCE_CSR0_STRT | LANCE_CSR0_RXON |
                    LANCE_CSR0_TXON | LANCE_CSR0_INEA);
    /* an interrupting cause with INEA: pin up; STOP clears everything */
    le.csr0 |= LANCE_CSR0_MISS;
    wr16(RDP_PA, LANCE_CSR0_INEA);
    CU_ASSERT_TRUE(rig.irq.level[LINE_PIN]);
    le.csr0 |= all | LANCE_CSR0_IDON;
    wr16(RDP_PA, LANCE_CSR0_STOP);
    CU_ASSERT_EQUAL(rd16(RDP_PA), LANCE_CSR0_STOP);
    CU_ASSERT_FALSE(rig.irq.level[LINE_PIN]);
    CU_ASSERT_EQUAL(errors(), 0);
    teardown();
}

/* STOP resets and sets only STOP; it wins over INIT/STRT; 0 is a no-op */
static void test_stop(void)
{
    setup();
    wr16(RDP_PA, LANCE_CSR0_INEA | LANCE_CSR0_INIT | LANCE_CSR0_STRT);
    CU_ASSERT_EQUAL(rd16(RDP_PA),
                    LANCE_CSR0_INIT | LANCE_CSR0_STRT | LANCE_CSR0_RXON |
                    LANCE_CSR0_TXON | LANCE_CSR0_INEA | LANCE_CSR0_IDON |
                    LANCE_CSR0_INTR);
    CU_ASSERT_TRUE(rig.irq.level[LINE_PIN]);
    wr16(RDP_PA, LANCE_CSR0_STOP | LANCE_CSR0_INEA);
    CU_ASSERT_EQUAL(rd16(RDP_PA), LANCE_CSR0_STOP);
    CU_ASSERT_FALSE(rig.irq.level[LINE_PIN]);
    wr16(RDP_PA, 0);
    CU_ASSERT_EQUAL(rd16(RDP_PA), LANCE_CSR0_STOP);
    CU_ASSERT_EQUAL(errors(), 0);

    /* STOP with INIT and STRT: STOP wins, and it is logged */
    wr16(RDP_PA, LANCE_CSR0_STOP | LANCE_CSR0_INIT | LANCE_CSR0_STRT);
    CU_ASSERT_EQUAL(rd16(RDP_PA), LANCE_CSR0_STOP);
    CU_ASSERT_EQUAL(le.inits, 1);
    CU_ASSERT_EQUAL(errors(), 1);
    teardown();
}

/* Nonsense sequences: logged, and the chip stays sane */
static void test_start_and_init_errors(void)
{
    setup();
    /* STRT without INIT: the chip runs anyway (logged) */
    wr16(RDP_PA, LANCE_CSR0_STRT);
    CU_ASSERT_EQUAL(rd16(RDP_PA), LANCE_CSR0_STRT | LANCE_CSR0_RXON |
                                  LANCE_CSR0_TXON);
    CU_ASSERT_EQUAL(errors(), 1);
    /* INIT while running: taken once ... */
    wr16(RDP_PA, LANCE_CSR0_INIT);
    CU_ASSERT_EQUAL(rd16(RDP_PA) & (LANCE_CSR0_INIT | LANCE_CSR0_IDON),
                    LANCE_CSR0_INIT | LANCE_CSR0_IDON);
    CU_ASSERT_EQUAL(le.inits, 1);
    wr16(RDP_PA, LANCE_CSR0_IDON);
    /* ... but not again before a STOP */
    wr16(RDP_PA, LANCE_CSR0_INIT);
    CU_ASSERT_EQUAL(rd16(RDP_PA) & LANCE_CSR0_IDON, 0);
    CU_ASSERT_EQUAL(le.inits, 1);
    CU_ASSERT_EQUAL(errors(), 2);
    /* STRT again while started: nothing new */
    wr16(RDP_PA, LANCE_CSR0_STRT);
    CU_ASSERT_EQUAL(le.starts, 1);
    CU_ASSERT_EQUAL(errors(), 2);
    teardown();
}

/* CSR1-CSR3 change only while STOP is set; reserved bits are dropped */
static void test_csr123_only_when_stopped(void)
{
    setup();
    csr_wr(1, 0x5678);
    csr_wr(2, 0x0012);
    csr_wr(3, LANCE_CSR3_BSWP);
    csr_wr(0, LANCE_CSR0_INIT);             /* STOP clears */
    CU_ASSERT_EQUAL(errors(), 0);
    csr_wr(1, 0x1111);
    csr_wr(2, 0x0022);
    csr_wr(3, LINUX_CSR3);
    CU_ASSERT_EQUAL(errors(), 3);
    CU_ASSERT_EQUAL(csr_rd(1), 0x5678);     /* readable while running */
    CU_ASSERT_EQUAL(csr_rd(2), 0x0012);
    CU_ASSERT_EQUAL(csr_rd(3), LANCE_CSR3_BSWP);
    csr_wr(0, LANCE_CSR0_STRT);
    csr_wr(3, 0);
    CU_ASSERT_EQUAL(csr_rd(3), LANCE_CSR3_BSWP);
    CU_ASSERT_EQUAL(errors(), 4);

    /* stopped again: writable; reserved bits dropped and logged */
    csr_wr(0, LANCE_CSR0_STOP);
    csr_wr(1, 0x1111);
    CU_ASSERT_EQUAL(csr_rd(1), 0x1111);     /* odd: kept, logged */
    csr_wr(2, 0xff34);
    CU_ASSERT_EQUAL(csr_rd(2), 0x0034);
    csr_wr(3, 0xfffb);
    CU_ASSERT_EQUAL(csr_rd(3), LANCE_CSR3_ACON | LANCE_CSR3_BCON);
    CU_ASSERT_EQUAL(errors(), 7);
    csr_wr(1, 0x2000);
    csr_wr(2, 0x00ff);
    csr_wr(3, LINUX_CSR3);
    CU_ASSERT_EQUAL(csr_rd(1), 0x2000);
    CU_ASSERT_EQUAL(csr_rd(2), 0x00ff);
    CU_ASSERT_EQUAL(csr_rd(3), LINUX_CSR3);
    CU_ASSERT_EQUAL(errors(), 7);
    teardown();
}

/* 16-bit accesses only: anything else is a bus error, logged, harmless */
static void test_access_sizes(void)
{
    uint64_t v = 0;
    GPAddr pa;

    setup();
    csr_wr(3, LINUX_CSR3);
    wr16(RAP_PA, 0);
    for (pa = LE_PA; pa < LE_PA + LANCE_REG_SIZE; pa++) {
        CU_ASSERT_EQUAL(rig_try_rd(&rig, pa, 1, &v), BUS_ERR_SIZE);
        CU_ASSERT_EQUAL(rig_try_wr(&rig, pa, 1, LANCE_CSR0_INIT),
                        BUS_ERR_SIZE);
    }
    CU_ASSERT_EQUAL(errors(), 8);
    CU_ASSERT_EQUAL(rig_try_rd(&rig, LE_PA, 4, &v), BUS_ERR_SIZE);
    CU_ASSERT_EQUAL(rig_try_wr(&rig, LE_PA, 4, 0x00030000u), BUS_ERR_SIZE);
    CU_ASSERT_EQUAL(rig_try_rd(&rig, LE_PA, 8, &v), BUS_ERR_SIZE);
    CU_ASSERT_EQUAL(errors(), 11);
    /* past the 4-byte window nothing answers */
    CU_ASSERT_EQUAL(rig_try_rd(&rig, LE_PA + 4, 2, &v), BUS_ERR_UNMAPPED);
    /* nothing reached the registers */
    CU_ASSERT_EQUAL(rd16(RAP_PA), 0);
    CU_ASSERT_EQUAL(rd16(RDP_PA), LANCE_CSR0_STOP);
    CU_ASSERT_EQUAL(csr_rd(3), LINUX_CSR3);
    CU_ASSERT_EQUAL(le.inits, 0);
    teardown();
}

/* Reads have no side effect: a polling loop on CSR0 may be skipped */
static void test_reads_stable(void)
{
    uint64_t v = 0;
    bool stable = false;

    setup();
    wr16(RDP_PA, LANCE_CSR0_INEA | LANCE_CSR0_INIT);
    CU_ASSERT_EQUAL(rig_poll(&rig, RDP_PA, 2, &v, &stable), BUS_OK);
    CU_ASSERT_TRUE(stable);
    CU_ASSERT_EQUAL(rig.wait, 2);
    CU_ASSERT_EQUAL(rd16(RDP_PA), (uint16_t)v);
    CU_ASSERT_TRUE(rig.irq.level[LINE_PIN]);    /* reading did not ack */
    CU_ASSERT_EQUAL(rig_poll(&rig, RAP_PA, 2, &v, &stable), BUS_OK);
    CU_ASSERT_TRUE(stable);
    teardown();
}

/* With a modelled initialisation time IDON comes from an event; STRT
 * written with INIT waits for it; STOP cancels it */
static void test_init_latency(void)
{
    setup();
    le.init_latency = 1000;
    wr16(RDP_PA, LANCE_CSR0_INEA | LANCE_CSR0_INIT | LANCE_CSR0_STRT);
    CU_ASSERT_EQUAL(rd16(RDP_PA), LANCE_CSR0_INIT | LANCE_CSR0_INEA);
    CU_ASSERT_FALSE(rig.irq.level[LINE_PIN]);
    rig_run_until(&rig, 999);
    CU_ASSERT_EQUAL(rd16(RDP_PA) & LANCE_CSR0_IDON, 0);
    rig_run_until(&rig, 1000);
    CU_ASSERT_EQUAL(rd16(RDP_PA),
                    LANCE_CSR0_INIT | LANCE_CSR0_IDON | LANCE_CSR0_INTR |
                    LANCE_CSR0_INEA | LANCE_CSR0_STRT | LANCE_CSR0_RXON |
                    LANCE_CSR0_TXON);
    CU_ASSERT_TRUE(rig.irq.level[LINE_PIN]);

    /* STRT alone while the init runs also waits for it */
    wr16(RDP_PA, LANCE_CSR0_STOP);
    wr16(RDP_PA, LANCE_CSR0_INIT);
    wr16(RDP_PA, LANCE_CSR0_STRT);
    CU_ASSERT_EQUAL(rd16(RDP_PA), LANCE_CSR0_INIT);
    rig_run_until(&rig, 2000);
    CU_ASSERT_EQUAL(rd16(RDP_PA) & (LANCE_CSR0_IDON | LANCE_CSR0_TXON),
                    LANCE_CSR0_IDON | LANCE_CSR0_TXON);

    /* STOP while initialising: it never completes */
    wr16(RDP_PA, LANCE_CSR0_STOP);
    wr16(RDP_PA, LANCE_CSR0_INEA | LANCE_CSR0_INIT);
    wr16(RDP_PA, LANCE_CSR0_STOP);
    CU_ASSERT_FALSE(ev_pending(&le.init_event));
    rig_run_until(&rig, 10000);
    CU_ASSERT_EQUAL(rd16(RDP_PA), LANCE_CSR0_STOP);
    CU_ASSERT_FALSE(rig.irq.level[LINE_PIN]);
    CU_ASSERT_EQUAL(errors(), 0);
    teardown();
}

/* Behind ledma: the pin shows in ledma CSR bit 0 and, with INT_EN, on the
 * Ethernet line; the ledma reset bit resets the chip (CSR3, RAP) */
static void test_ledma_wiring(void)
{
    uint64_t v = 0;

    setup_with(true);
    linux_load_and_init(0x00fe2000u);
    wr16(RDP_PA, LANCE_CSR0_INEA);          /* IDON still set */
    CU_ASSERT_EQUAL(rig_try_rd(&rig, LEDMA_CSR_PA, 4, &v), BUS_OK);
    CU_ASSERT_EQUAL(v & DMA2_CSR_INT_PEND, DMA2_CSR_INT_PEND);
    CU_ASSERT_FALSE(rig.irq.level[LINE_ETHER]); /* ledma INT_EN clear */
    CU_ASSERT_EQUAL(rig_try_wr(&rig, LEDMA_CSR_PA, 4, DMA2_CSR_INT_EN),
                    BUS_OK);
    CU_ASSERT_TRUE(rig.irq.level[LINE_ETHER]);
    wr16(RDP_PA, LANCE_CSR0_INEA | LANCE_CSR0_IDON);
    CU_ASSERT_FALSE(rig.irq.level[LINE_ETHER]);
    CU_ASSERT_EQUAL(rig_try_rd(&rig, LEDMA_CSR_PA, 4, &v), BUS_OK);
    CU_ASSERT_EQUAL(v & DMA2_CSR_INT_PEND, 0);

    /* raise it again, then pulse reset through ledma (Linux lance_reset) */
    wr16(RDP_PA, LANCE_CSR0_STOP);
    wr16(RDP_PA, LANCE_CSR0_INEA | LANCE_CSR0_INIT);
    CU_ASSERT_TRUE(rig.irq.level[LINE_ETHER]);
    wr16(RAP_PA, 3);
    CU_ASSERT_EQUAL(rig_try_wr(&rig, LEDMA_CSR_PA, 4,
                               DMA2_CSR_INT_EN | DMA2_CSR_RESET), BUS_OK);
    CU_ASSERT_EQUAL(rig_try_wr(&rig, LEDMA_CSR_PA, 4, DMA2_CSR_INT_EN),
                    BUS_OK);
    CU_ASSERT_FALSE(rig.irq.level[LINE_ETHER]);
    CU_ASSERT_EQUAL(rd16(RAP_PA), 0);
    CU_ASSERT_EQUAL(rd16(RDP_PA), LANCE_CSR0_STOP);
    CU_ASSERT_EQUAL(csr_rd(3), 0);
    CU_ASSERT_EQUAL(csr_rd(1), 0x2000);     /* kept */
    CU_ASSERT_EQUAL(csr_rd(2), 0x00fe);
    CU_ASSERT_EQUAL(errors(), 0);

    /* a power-on reset clears them too */
    lance_reset(&le);
    CU_ASSERT_EQUAL(csr_rd(1), 0);
    CU_ASSERT_EQUAL(csr_rd(2), 0);
    teardown();
}

static const UnitTest tests[] = {
    { "reset values", test_reset_values },
    { "RAP selects the CSR behind RDP", test_rap_rdp },
    { "Linux lance_open sequence", test_linux_open },
    { "INTR and INEA drive the pin", test_intr_inea },
    { "CSR0 write-1-to-clear, ERR and INTR", test_w1c },
    { "STOP", test_stop },
    { "STRT without INIT, INIT twice", test_start_and_init_errors },
    { "CSR1-CSR3 writable only while stopped",
      test_csr123_only_when_stopped },
    { "16-bit accesses only", test_access_sizes },
    { "reads are stable", test_reads_stable },
    { "modelled initialisation time", test_init_latency },
    { "behind ledma: interrupt and reset", test_ledma_wiring },
};

int main(void)
{
    int rc = UNIT_RUN("lance", NULL, NULL, tests);
    teardown();
    return rc;
}
