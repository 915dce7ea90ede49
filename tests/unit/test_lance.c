/*
 * Unit tests of the Am7990 Lance (hw/chips/lance.c): the RAP/RDP
 * ports, CSR0's STOP/INIT/STRT/IDON/INTR/INEA behaviour and its
 * write-1-to-clear bits, CSR1-CSR3 writable only while stopped, access
 * widths, guest errors, the initialisation event, and the wiring to the
 * ledma channel of DMA2 (interrupt in, reset pulse out); then the data
 * path through ledma, the IOMMU and guest RAM: the initialisation block,
 * transmit (single and chained, wire time, the ring poll), the receive
 * filter, chaining, ring wrap, MISS, internal loopback, BSWP, MERR on
 * DMA faults, and 10000 frames of descriptor garbage.
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

#include "dma/chain.h"
#include "hw/chips/dma2.h"
#include "hw/chips/iommu.h"
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
static Iommu iommu;
static DmaEngine eng;
static bool have_eng;

static void teardown(void)
{
    lance_free(&le);
    if (have_eng) {
        dma_engine_free(&eng);
        have_eng = false;
    }
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

/* ---- the data path: Lance -> ledma -> IOMMU -> RAM ---- */

#define IOMMU_PA 0x10000000ull
#define LINE_IOMMU 30
#define TABLE_PA 0x100000u          /* IOPTEs of the 32 MB window */
#define DATA_PA 0x200000u           /* the pages the IOMMU maps */
#define NPAGES 64                   /* Lance 0x000000-0x03ffff mapped */
#define DVMA_BASE 0xfe000000u       /* ledma TEST top byte */
#define IB_ADDR 0x000ff0u           /* init block, across a page edge */
#define RX_RING 0x002000u
#define TX_RING 0x002100u
#define WIRE(len) ((Cycles)((len) + 4 + 8 + 12) * 88)   /* 110 MHz */

static const uint8_t MAC[6] = { 0x08, 0x00, 0x20, 0x12, 0x34, 0x56 };
static const uint8_t BCAST[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

/* what the tx hook saw */
static struct {
    unsigned n;
    size_t len[8];
    uint8_t data[8][LANCE_FRAME_MAX];
    Cycles at[8];
    int niov[8];              /* pieces: 1 where one run of RAM */
} sent;

static void tx_hook(void *opaque, const struct iovec *iov, int niov,
                    size_t len)
{
    unsigned i = sent.n % 8;
    size_t off = 0;
    int k;
    (void)opaque;
    sent.len[i] = len;
    sent.niov[i] = niov;
    for (k = 0; k < niov; k++) {
        size_t n = iov[k].iov_len;
        if (off + n > LANCE_FRAME_MAX) {
            n = LANCE_FRAME_MAX - off;
        }
        memcpy(sent.data[i] + off, iov[k].iov_base, n);
        off += n;
    }
    CU_ASSERT_EQUAL(off, len);
    sent.at[i] = rig.now;
    sent.n++;
}

/* A frame from the wire, and time until its wire time is over (its
 * descriptors handed back): what the tests below look at */
static bool rx(const uint8_t *f, size_t len)
{
    bool ok = lance_receive(&le, f, len);
    Cycles limit = rig.now + 20000000u;

    while (le.rxp_n && rig_step(&rig, limit)) {
    }
    CU_ASSERT_EQUAL(le.rxp_n, 0);
    return ok;
}

/* Lance page p lives at physical page NPAGES-1-p: neighbours are not */
static uint8_t *lp(uint32_t a)
{
    return rig_ram(&rig, DATA_PA + (uint64_t)(NPAGES - 1 - (a >> 12)) *
                             4096u + (a & 0xfffu));
}

static void put8(uint32_t a, uint8_t v) { *lp(a) = v; }
static uint8_t get8(uint32_t a) { return *lp(a); }

static void put16(uint32_t a, uint16_t v)
{
    put8(a, (uint8_t)(v >> 8));
    put8(a + 1, (uint8_t)v);
}

static uint16_t get16(uint32_t a)
{
    return (uint16_t)(get8(a) << 8 | get8(a + 1));
}

static void put_bytes(uint32_t a, const uint8_t *p, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        put8(a + (uint32_t)i, p[i]);
    }
}

static void set_iopte(unsigned page, uint64_t pa, bool valid)
{
    uint32_t pte = (uint32_t)(pa >> 4) & IOMMU_IOPTE_PAGE;
    uint8_t *p = rig_ram(&rig, TABLE_PA + 4u * page);
    pte |= valid ? IOMMU_IOPTE_VALID | IOMMU_IOPTE_WRITE : 0;
    p[0] = (uint8_t)(pte >> 24);
    p[1] = (uint8_t)(pte >> 16);
    p[2] = (uint8_t)(pte >> 8);
    p[3] = (uint8_t)pte;
}

/* The SS-5 SBus DMA side: IOMMU, DMA2, the engine; the Lance behind
 * ledma with the chain attached and our tx hook */
static void setup_dma(void)
{
    DevCtx c;
    unsigned i;

    teardown();
    memset(&sent, 0, sizeof(sent));
    rig_up(&rig, 0x400000, CPU_HZ);
    CU_ASSERT_FATAL(dma_engine_init(&eng, &rig.bus, &rig.q, CPU_HZ,
                                    &rig.log) == 0);
    have_eng = true;
    rig_iommu(&rig, &iommu, IOMMU_PA, LINE_IOMMU);
    rig_dma2(&rig, &dma, DMA_PA, LINE_SCSI, LINE_ETHER);
    dma2_stage(&dma.le, iommu_stage(&iommu));
    c = rig_ctx(&rig, "le", LOG_LE, LE_PA, LANCE_REG_SIZE);
    lance_init(&le, &c, dma2_device_line(&dma.le));
    dma2_connect(&dma.le, &le, lance_dma_reset, NULL);
    lance_attach_dma(&le, &eng, &dma.le.stage);
    lance_set_tx(&le, tx_hook, NULL);
    for (i = 0; i < NPAGES; i++) {
        set_iopte(i, DATA_PA + (uint64_t)(NPAGES - 1 - i) * 4096u, true);
    }
    rig_wr(&rig, IOMMU_PA + IOMMU_CTRL, 4, 0x05000005u);  /* 32 MB, on */
    rig_wr(&rig, IOMMU_PA + IOMMU_BASE, 4, TABLE_PA >> 4);
    rig_wr(&rig, DMA_PA + DMA2_LEDMA_OFF + DMA2_TEST, 4, DVMA_BASE);
    rig_wr(&rig, LEDMA_CSR_PA, 4, DMA2_CSR_INT_EN);
}

/* The init block as sunlance builds it (big-endian words; the station
 * address bytes swapped in pairs), rings of 2^rlog / 2^tlog */
static void write_init_block(uint16_t mode, const uint16_t ladrf[4],
                             unsigned rlog, unsigned tlog)
{
    unsigned i;

    put16(IB_ADDR, mode);
    for (i = 0; i < 3; i++) {
        put8(IB_ADDR + 2 + 2 * i, MAC[2 * i + 1]);
        put8(IB_ADDR + 3 + 2 * i, MAC[2 * i]);
    }
    for (i = 0; i < 4; i++) {
        put16(IB_ADDR + 8 + 2 * i, ladrf ? ladrf[i] : 0);
    }
    put16(IB_ADDR + 16, (uint16_t)RX_RING);
    put16(IB_ADDR + 18, (uint16_t)(rlog << 13 | (RX_RING >> 16)));
    put16(IB_ADDR + 20, (uint16_t)TX_RING);
    put16(IB_ADDR + 22, (uint16_t)(tlog << 13 | (TX_RING >> 16)));
}

/* lance_open: init, ack IDON, INEA | STRT */
static void lance_up(uint16_t mode, const uint16_t ladrf[4], unsigned rlog,
                     unsigned tlog)
{
    write_init_block(mode, ladrf, rlog, tlog);
    linux_load_and_init(IB_ADDR);
    CU_ASSERT_EQUAL(rd16(RDP_PA) & (LANCE_CSR0_IDON | LANCE_CSR0_ERR),
                    LANCE_CSR0_IDON);
    wr16(RDP_PA, LANCE_CSR0_IDON);
    wr16(RDP_PA, LANCE_CSR0_INEA | LANCE_CSR0_STRT);
}

static void rx_desc(unsigned i, uint32_t buf, unsigned size, bool own)
{
    uint32_t d = RX_RING + 8 * i;
    put16(d, (uint16_t)buf);
    put16(d + 2, (uint16_t)((own ? 0x8000 : 0) | ((buf >> 16) & 0xff)));
    put16(d + 4, (uint16_t)(0xf000 | (-(int)size & 0xfff)));
    put16(d + 6, 0);
}

static void tx_desc(unsigned i, uint32_t buf, unsigned len, uint8_t bits)
{
    uint32_t d = TX_RING + 8 * i;
    put16(d, (uint16_t)buf);
    put16(d + 2, (uint16_t)(bits << 8 | ((buf >> 16) & 0xff)));
    put16(d + 4, (uint16_t)(0xf000 | (-(int)len & 0xfff)));
    put16(d + 6, 0);
}

static uint8_t rx_bits(unsigned i) { return get8(RX_RING + 8 * i + 2); }
static uint8_t tx_bits(unsigned i) { return get8(TX_RING + 8 * i + 2); }
static uint16_t rx_mcnt(unsigned i) { return get16(RX_RING + 8 * i + 6); }

/* A frame: dst, our source, then a counting pattern from seed */
static size_t make_frame(uint8_t *f, const uint8_t *dst, size_t len,
                         uint8_t seed)
{
    size_t i;
    memcpy(f, dst, 6);
    memcpy(f + 6, MAC, 6);
    for (i = 12; i < len; i++) {
        f[i] = (uint8_t)(seed + i * 7);
    }
    return len;
}

static bool buf_is(uint32_t a, const uint8_t *p, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        if (get8(a + (uint32_t)i) != p[i]) {
            return false;
        }
    }
    return true;
}

/* Known values, computed offline with Python's zlib.crc32 (independent of
 * lance.c, so a wrong CRC there fails here):
 *   zlib.crc32(01:00:5e:00:00:01) = 0x264b3a01, ~ >> 26 = 54 (LADRF bit)
 *   zlib.crc32(01:00:5e:00:00:02) = 0xbf426bbb, ~ >> 26 = 16
 *   zlib.crc32(make_frame(f, MAC, 60, 3)) = 0xd941ad81 (the FCS) */
#define HASH_MC_IN  54u
#define HASH_MC_OUT 16u
#define FCS_MAC_60_3 0xd941ad81u

/* INIT reads the block through the IOMMU (across two pages that are not
 * neighbours in RAM): MAC, filter, rings */
static void test_init_block(void)
{
    const uint16_t ladrf[4] = { 0x1111, 0x2222, 0x3333, 0x8004 };

    setup_dma();
    write_init_block(LANCE_MODE_PROM | LANCE_MODE_DTCR, ladrf, 3, 4);
    linux_load_and_init(IB_ADDR);
    CU_ASSERT_EQUAL(rd16(RDP_PA), LANCE_CSR0_INIT | LANCE_CSR0_IDON |
                                  LANCE_CSR0_INTR);
    CU_ASSERT_EQUAL(memcmp(le.padr, MAC, 6), 0);
    CU_ASSERT_EQUAL(le.mode, LANCE_MODE_PROM | LANCE_MODE_DTCR);
    CU_ASSERT_EQUAL(le.ladrf[3], 0x8004);
    CU_ASSERT_EQUAL(le.rdra, RX_RING);
    CU_ASSERT_EQUAL(le.tdra, TX_RING);
    CU_ASSERT_EQUAL(le.rlen, 8);
    CU_ASSERT_EQUAL(le.tlen, 16);
    CU_ASSERT_EQUAL(errors(), 0);
    teardown();
}

/* One single-buffer frame and one of three descriptors: the hook gets
 * both, OWN clears and TINT comes at the end of each on the wire */
static void test_tx(void)
{
    uint8_t f1[60], f2[120];
    Cycles t0;

    setup_dma();
    lance_up(0, NULL, 3, 3);
    make_frame(f1, BCAST, sizeof(f1), 1);
    make_frame(f2, MAC, sizeof(f2), 2);
    put_bytes(0x3000, f1, 60);
    put_bytes(0x3ff0, f2, 40);             /* across a page edge */
    put_bytes(0x5000, f2 + 40, 50);
    put_bytes(0x6002, f2 + 90, 30);
    tx_desc(0, 0x3000, 60, LANCE_D1_OWN | LANCE_D1_STP | LANCE_D1_ENP);
    tx_desc(1, 0x3ff0, 40, LANCE_D1_OWN | LANCE_D1_STP);
    tx_desc(2, 0x5000, 50, LANCE_D1_OWN);
    tx_desc(3, 0x6002, 30, LANCE_D1_OWN | LANCE_D1_ENP);
    t0 = rig.now;
    wr16(RDP_PA, LANCE_CSR0_INEA | LANCE_CSR0_TDMD);
    CU_ASSERT_EQUAL(rd16(RDP_PA) & (LANCE_CSR0_TDMD | LANCE_CSR0_TINT), 0);
    rig_run_until(&rig, t0 + WIRE(60) - 1);
    CU_ASSERT_EQUAL(sent.n, 0);
    CU_ASSERT(tx_bits(0) & LANCE_D1_OWN);
    rig_run_until(&rig, t0 + WIRE(60));
    CU_ASSERT_EQUAL(sent.n, 1);
    CU_ASSERT_EQUAL(sent.len[0], 60);
    CU_ASSERT_EQUAL(memcmp(sent.data[0], f1, 60), 0);
    CU_ASSERT_EQUAL(sent.at[0], t0 + WIRE(60));
    CU_ASSERT_EQUAL(sent.niov[0], 1);       /* straight from guest RAM */
    CU_ASSERT_EQUAL(tx_bits(0), LANCE_D1_STP | LANCE_D1_ENP);
    CU_ASSERT(rd16(RDP_PA) & LANCE_CSR0_TINT);
    CU_ASSERT_TRUE(rig.irq.level[LINE_ETHER]);
    wr16(RDP_PA, LANCE_CSR0_INEA | LANCE_CSR0_TINT);
    CU_ASSERT_FALSE(rig.irq.level[LINE_ETHER]);
    rig_run_until(&rig, t0 + WIRE(60) + WIRE(120));
    CU_ASSERT_EQUAL(sent.n, 2);
    CU_ASSERT_EQUAL(sent.len[1], 120);
    CU_ASSERT_EQUAL(memcmp(sent.data[1], f2, 120), 0);
    /* three buffers, the first across two pages that are not neighbours
     * in RAM: four pieces of guest RAM, nothing gathered by the chip */
    CU_ASSERT_EQUAL(sent.niov[1], 4);
    CU_ASSERT_EQUAL(le.tx_copied, 0);
    CU_ASSERT_EQUAL(tx_bits(1), LANCE_D1_STP);
    CU_ASSERT_EQUAL(tx_bits(2), 0);
    CU_ASSERT_EQUAL(tx_bits(3), LANCE_D1_ENP);
    CU_ASSERT(rd16(RDP_PA) & LANCE_CSR0_TINT);
    CU_ASSERT_EQUAL(le.tx_idx, 4);

    /* no TDMD: the 1.6 ms poll finds the next one */
    wr16(RDP_PA, LANCE_CSR0_INEA | LANCE_CSR0_TINT);
    tx_desc(4, 0x3000, 60, LANCE_D1_OWN | LANCE_D1_STP | LANCE_D1_ENP);
    rig_run_for(&rig, 176000 + WIRE(60));
    CU_ASSERT_EQUAL(sent.n, 3);
    CU_ASSERT_EQUAL(tx_bits(4), LANCE_D1_STP | LANCE_D1_ENP);
    CU_ASSERT_EQUAL(errors(), 0);
    teardown();
}

/* The receive filter, with the FCS stored and counted in MCNT */
static void test_rx_filter(void)
{
    uint8_t f[64], other[6] = { 0x08, 0x00, 0x20, 0x99, 0x99, 0x99 };
    uint8_t mc_in[6] = { 0x01, 0x00, 0x5e, 0x00, 0x00, 0x01 };
    uint8_t mc_out[6] = { 0x01, 0x00, 0x5e, 0x00, 0x00, 0x02 };
    uint16_t ladrf[4] = { 0, 0, 0, 0 };
    uint32_t fcs;
    unsigned h, i;

    setup_dma();
    h = HASH_MC_IN;
    ladrf[h >> 4] = (uint16_t)(1u << (h & 15));
    CU_ASSERT_NOT_EQUAL(HASH_MC_OUT, h);
    lance_up(0, ladrf, 3, 3);
    for (i = 0; i < 8; i++) {
        rx_desc(i, 0x8000 + 0x100 * i, 256, true);
    }
    /* ours */
    make_frame(f, MAC, 60, 3);
    CU_ASSERT_TRUE(rx(f, 60));
    CU_ASSERT_EQUAL(rx_bits(0), LANCE_D1_STP | LANCE_D1_ENP);
    CU_ASSERT_EQUAL(rx_mcnt(0), 64);
    CU_ASSERT_TRUE(buf_is(0x8000, f, 60));
    fcs = FCS_MAC_60_3;
    CU_ASSERT_EQUAL(get8(0x8000 + 60), (uint8_t)fcs);
    CU_ASSERT_EQUAL(get8(0x8000 + 61), (uint8_t)(fcs >> 8));
    CU_ASSERT_EQUAL(get8(0x8000 + 62), (uint8_t)(fcs >> 16));
    CU_ASSERT_EQUAL(get8(0x8000 + 63), (uint8_t)(fcs >> 24));
    CU_ASSERT(rd16(RDP_PA) & LANCE_CSR0_RINT);
    CU_ASSERT_TRUE(rig.irq.level[LINE_ETHER]);
    /* broadcast */
    make_frame(f, BCAST, 60, 4);
    CU_ASSERT_TRUE(rx(f, 60));
    CU_ASSERT_EQUAL(rx_bits(1), LANCE_D1_STP | LANCE_D1_ENP);
    CU_ASSERT_TRUE(buf_is(0x8100, f, 60));
    /* someone else's: nothing changes */
    make_frame(f, other, 60, 5);
    CU_ASSERT_FALSE(rx(f, 60));
    CU_ASSERT(rx_bits(2) & LANCE_D1_OWN);
    /* multicast in / out of LADRF */
    make_frame(f, mc_in, 60, 6);
    CU_ASSERT_TRUE(rx(f, 60));
    CU_ASSERT_EQUAL(rx_bits(2), LANCE_D1_STP | LANCE_D1_ENP);
    make_frame(f, mc_out, 60, 7);
    CU_ASSERT_FALSE(rx(f, 60));
    CU_ASSERT(rx_bits(3) & LANCE_D1_OWN);
    CU_ASSERT_EQUAL(le.rx_frames, 3);
    /* promiscuous: everything */
    wr16(RDP_PA, LANCE_CSR0_STOP);
    lance_up(LANCE_MODE_PROM, NULL, 3, 3);
    for (i = 0; i < 8; i++) {
        rx_desc(i, 0x8000 + 0x100 * i, 256, true);
    }
    make_frame(f, other, 60, 8);
    CU_ASSERT_TRUE(rx(f, 60));
    CU_ASSERT_TRUE(buf_is(0x8000, f, 60));
    make_frame(f, mc_out, 60, 9);
    CU_ASSERT_TRUE(rx(f, 60));
    CU_ASSERT_EQUAL(errors(), 0);
    teardown();
}

/* A frame longer than a buffer: STP..ENP over three, MCNT in the last;
 * the ring wraps; no descriptor: MISS */
static void test_rx_chain_wrap_miss(void)
{
    uint8_t f[150];
    unsigned i;

    setup_dma();
    lance_up(0, NULL, 2, 3);               /* 4 receive descriptors */
    for (i = 0; i < 4; i++) {
        rx_desc(i, 0x9000 + 0x40 * i, 64, true);
    }
    make_frame(f, MAC, 150, 10);
    CU_ASSERT_TRUE(rx(f, 150));
    CU_ASSERT_EQUAL(rx_bits(0), LANCE_D1_STP);
    CU_ASSERT_EQUAL(rx_bits(1), 0);
    CU_ASSERT_EQUAL(rx_bits(2), LANCE_D1_ENP);
    CU_ASSERT_EQUAL(rx_mcnt(2), 154);
    CU_ASSERT_TRUE(buf_is(0x9000, f, 150));   /* buffers are adjacent */
    CU_ASSERT(rx_bits(3) & LANCE_D1_OWN);
    CU_ASSERT_EQUAL(le.rx_idx, 3);
    /* wrap: 3, then 0 again once the driver gives it back */
    rx_desc(0, 0x9000, 64, true);
    make_frame(f, MAC, 60, 11);
    CU_ASSERT_TRUE(rx(f, 60));
    CU_ASSERT_EQUAL(rx_bits(3), LANCE_D1_STP | LANCE_D1_ENP);
    make_frame(f, MAC, 60, 12);
    CU_ASSERT_TRUE(rx(f, 60));
    CU_ASSERT_EQUAL(rx_bits(0), LANCE_D1_STP | LANCE_D1_ENP);
    CU_ASSERT_TRUE(buf_is(0x9000, f, 60));
    CU_ASSERT_EQUAL(le.rx_idx, 1);
    /* descriptor 1 is the host's: MISS (ERR, INTR) */
    wr16(RDP_PA, LANCE_CSR0_INEA | LANCE_CSR0_RINT);
    CU_ASSERT_FALSE(rig.irq.level[LINE_ETHER]);
    CU_ASSERT_FALSE(rx(f, 60));
    CU_ASSERT_EQUAL(rd16(RDP_PA) & (LANCE_CSR0_ERR | LANCE_CSR0_MISS |
                                    LANCE_CSR0_RINT),
                    LANCE_CSR0_ERR | LANCE_CSR0_MISS);
    CU_ASSERT_TRUE(rig.irq.level[LINE_ETHER]);
    CU_ASSERT_EQUAL(le.rx_missed, 1);
    CU_ASSERT_EQUAL(errors(), 0);
    teardown();
}

/* Internal loopback: the frame comes back, with the FCS the transmitter
 * appends when DTCR is clear; with DTCR set as it was sent */
static void test_loopback(void)
{
    uint8_t f[60];
    int dtcr;

    for (dtcr = 0; dtcr < 2; dtcr++) {
        setup_dma();
        lance_up((uint16_t)(LANCE_MODE_LOOP | LANCE_MODE_INTL |
                            (dtcr ? LANCE_MODE_DTCR : 0)), NULL, 3, 3);
        rx_desc(0, 0x8000, 256, true);
        make_frame(f, MAC, 60, 13);
        put_bytes(0x3000, f, 60);
        tx_desc(0, 0x3000, 60, LANCE_D1_OWN | LANCE_D1_STP | LANCE_D1_ENP);
        wr16(RDP_PA, LANCE_CSR0_INEA | LANCE_CSR0_TDMD);
        rig_run_for(&rig, WIRE(60));
        CU_ASSERT_EQUAL(sent.n, 0);         /* not on the wire */
        CU_ASSERT_EQUAL(rx_bits(0), LANCE_D1_STP | LANCE_D1_ENP);
        CU_ASSERT_EQUAL(rx_mcnt(0), dtcr ? 60 : 64);
        CU_ASSERT_TRUE(buf_is(0x8000, f, 60));
        CU_ASSERT_EQUAL(rd16(RDP_PA) & (LANCE_CSR0_TINT | LANCE_CSR0_RINT),
                        LANCE_CSR0_TINT | LANCE_CSR0_RINT);
        /* and the wire's frames do not reach it */
        CU_ASSERT_FALSE(rx(f, 60));
        CU_ASSERT_EQUAL(errors(), 0);
        teardown();
    }
    /* external loopback (LOOP without INTL): the frame goes out on the
     * wire and comes back through the transceiver */
    setup_dma();
    lance_up(LANCE_MODE_LOOP, NULL, 3, 3);
    rx_desc(0, 0x8000, 256, true);
    make_frame(f, MAC, 60, 15);
    put_bytes(0x3000, f, 60);
    tx_desc(0, 0x3000, 60, LANCE_D1_OWN | LANCE_D1_STP | LANCE_D1_ENP);
    wr16(RDP_PA, LANCE_CSR0_INEA | LANCE_CSR0_TDMD);
    rig_run_for(&rig, WIRE(60));
    CU_ASSERT_EQUAL(sent.n, 1);
    CU_ASSERT_EQUAL(memcmp(sent.data[0], f, 60), 0);
    CU_ASSERT_EQUAL(rx_bits(0), LANCE_D1_STP | LANCE_D1_ENP);
    CU_ASSERT_EQUAL(rx_mcnt(0), 64);
    CU_ASSERT_TRUE(buf_is(0x8000, f, 60));
    CU_ASSERT_FALSE(rx(f, 60));             /* other stations: not heard */
    CU_ASSERT_EQUAL(errors(), 0);
    teardown();
}

/* BSWP clear: each 16-bit word of a buffer holds its two bytes the other
 * way round (descriptors and the init block are words either way) */
static void test_no_bswp(void)
{
    uint8_t f[60];
    unsigned i;

    setup_dma();
    write_init_block(0, NULL, 3, 3);
    csr_wr(0, LANCE_CSR0_STOP);
    csr_wr(1, (uint16_t)IB_ADDR);
    csr_wr(2, 0);
    csr_wr(3, LANCE_CSR3_ACON | LANCE_CSR3_BCON);
    csr_wr(0, LANCE_CSR0_INIT);
    CU_ASSERT_EQUAL(memcmp(le.padr, MAC, 6), 0);
    wr16(RDP_PA, LANCE_CSR0_IDON | LANCE_CSR0_STRT);
    rx_desc(0, 0x8000, 256, true);
    make_frame(f, MAC, 60, 14);
    CU_ASSERT_TRUE(rx(f, 60));
    for (i = 0; i < 60; i++) {
        CU_ASSERT_EQUAL(get8(0x8000 + (i ^ 1)), f[i]);
    }
    /* and back out the same way */
    put_bytes(0x3000, lp(0x8000), 60);      /* (one page) */
    tx_desc(0, 0x3000, 60, LANCE_D1_OWN | LANCE_D1_STP | LANCE_D1_ENP);
    wr16(RDP_PA, LANCE_CSR0_TDMD);
    rig_run_for(&rig, WIRE(60));
    CU_ASSERT_EQUAL(sent.n, 1);
    CU_ASSERT_EQUAL(memcmp(sent.data[0], f, 60), 0);
    /* swapped bytes cannot leave guest RAM as they are: one gathered
     * copy, counted, each way */
    CU_ASSERT_EQUAL(sent.niov[0], 1);
    CU_ASSERT_EQUAL(le.tx_copied, 60);
    CU_ASSERT_EQUAL(le.rx_copied, 64);
    CU_ASSERT_EQUAL(errors(), 0);
    teardown();
}

static unsigned ready_calls;
static void count_ready(void *opaque)
{
    (void)opaque;
    ready_calls++;
}

/* A received frame's data is in its buffer at once, but its descriptor
 * stays the chip's until its wire time (10 Mb/s) is over; the next frame
 * follows it on the wire; the ring cannot wrap onto descriptors of frames
 * still on the wire; lance_rx_wait tells a sender when to offer again */
static void test_rx_wire(void)
{
    uint8_t f1[60], f2[100];
    Cycles t0, e1, e2;
    unsigned i;

    setup_dma();
    ready_calls = 0;
    lance_set_rx_ready(&le, count_ready, NULL);
    lance_up(0, NULL, 2, 3);                /* 4 receive descriptors */
    for (i = 0; i < 4; i++) {
        rx_desc(i, 0x8000 + 0x100 * i, 256, true);
    }
    make_frame(f1, MAC, 60, 21);
    make_frame(f2, MAC, 100, 22);
    t0 = rig.now;
    CU_ASSERT_EQUAL(lance_rx_wait(&le), 0);
    CU_ASSERT_TRUE(lance_receive(&le, f1, 60));
    CU_ASSERT_TRUE(lance_receive(&le, f2, 100));
    e1 = t0 + WIRE(60);
    e2 = e1 + WIRE(100);
    /* data in place, descriptors still owned, no RINT yet */
    CU_ASSERT_TRUE(buf_is(0x8000, f1, 60));
    CU_ASSERT_TRUE(buf_is(0x8100, f2, 100));
    CU_ASSERT(rx_bits(0) & LANCE_D1_OWN);
    CU_ASSERT(rx_bits(1) & LANCE_D1_OWN);
    CU_ASSERT_EQUAL(rd16(RDP_PA) & LANCE_CSR0_RINT, 0);
    rig_run_until(&rig, e1 - 1);
    CU_ASSERT(rx_bits(0) & LANCE_D1_OWN);
    rig_run_until(&rig, e1);
    CU_ASSERT_EQUAL(rx_bits(0), LANCE_D1_STP | LANCE_D1_ENP);
    CU_ASSERT_EQUAL(rx_mcnt(0), 64);
    CU_ASSERT(rx_bits(1) & LANCE_D1_OWN);
    CU_ASSERT(rd16(RDP_PA) & LANCE_CSR0_RINT);
    CU_ASSERT_EQUAL(ready_calls, 1);
    CU_ASSERT_EQUAL(le.rx_frames, 1);
    rig_run_until(&rig, e2);
    CU_ASSERT_EQUAL(rx_bits(1), LANCE_D1_STP | LANCE_D1_ENP);
    CU_ASSERT_EQUAL(rx_mcnt(1), 104);
    CU_ASSERT_EQUAL(ready_calls, 2);

    /* four frames at once (into descriptors 2, 3, 0, 1): the ring is full
     * of frames on the wire, the fifth waits for the first of them (not
     * MISS through rx_wait) */
    rx_desc(0, 0x8000, 256, true);
    rx_desc(1, 0x8100, 256, true);
    t0 = rig.now;
    for (i = 0; i < 4; i++) {
        CU_ASSERT_EQUAL(lance_rx_wait(&le), 0);
        CU_ASSERT_TRUE(lance_receive(&le, f1, 60));
    }
    CU_ASSERT_EQUAL(lance_rx_wait(&le), t0 + WIRE(60));
    /* a frame forced in anyway is missed, and overwrites nothing */
    CU_ASSERT_FALSE(lance_receive(&le, f2, 100));
    CU_ASSERT(rd16(RDP_PA) & LANCE_CSR0_MISS);
    CU_ASSERT_TRUE(buf_is(0x8200, f1, 60));  /* frame 1 of the four */
    rig_run_until(&rig, t0 + 4 * WIRE(60));
    for (i = 0; i < 4; i++) {
        CU_ASSERT_EQUAL(rx_bits(i), LANCE_D1_STP | LANCE_D1_ENP);
    }
    /* every buffer the host's: nothing on the wire, offer when polled */
    CU_ASSERT_EQUAL(lance_rx_wait(&le), CYCLES_NEVER);
    CU_ASSERT_EQUAL(ready_calls, 6);

    /* STOP drops frames still on the wire: no descriptor comes back */
    wr16(RDP_PA, LANCE_CSR0_MISS | LANCE_CSR0_RINT);
    CU_ASSERT_EQUAL(le.rx_idx, 2);          /* 2, 3, 0, 1 were used */
    rx_desc(2, 0x8200, 256, true);
    CU_ASSERT_TRUE(lance_receive(&le, f1, 60));
    wr16(RDP_PA, LANCE_CSR0_STOP);
    rig_run_for(&rig, 2 * WIRE(60));
    CU_ASSERT(rx_bits(2) & LANCE_D1_OWN);
    CU_ASSERT_EQUAL(le.rxp_n, 0);
    /* the receiver off: frames are taken and dropped */
    CU_ASSERT_EQUAL(lance_rx_wait(&le), 0);
    CU_ASSERT_FALSE(lance_receive(&le, f1, 60));
    teardown();
}

/* Buffers that point at the boot PROM (an IOMMU page mapped onto it): a
 * received frame cannot be written there (MERR, the receiver stops, the
 * PROM is unchanged); a frame sent from there is only read */
static void test_buffers_in_rom(void)
{
    uint8_t f[60], before[64], *rom;
    uint64_t extent;
    unsigned i;

    setup_dma();
    rom = bus_ram_map(&rig.bus, RIG_ROM_BASE, RIG_ROM_SIZE, BUS_MAP_LOAD,
                      &extent);
    CU_ASSERT_FATAL(rom != NULL && extent >= sizeof(before));
    for (i = 0; i < sizeof(before); i++) {
        before[i] = (uint8_t)(0xa5 ^ i);
    }
    memcpy(rom, before, sizeof(before));
    set_iopte(41, RIG_ROM_BASE, true);      /* Lance 0x29000 -> PROM */
    lance_up(0, NULL, 3, 3);
    rx_desc(0, 0x29000, 256, true);
    make_frame(f, MAC, 60, 31);
    CU_ASSERT_FALSE(rx(f, 60));
    CU_ASSERT(rd16(RDP_PA) & LANCE_CSR0_MERR);
    CU_ASSERT_EQUAL(rd16(RDP_PA) & LANCE_CSR0_RXON, 0);
    CU_ASSERT_EQUAL(memcmp(rom, before, sizeof(before)), 0);
    CU_ASSERT_EQUAL(le.rx_frames, 0);
    /* transmit from it: reading is harmless, the PROM's bytes go out (as
     * on QEMU, whose IOMMU reaches every physical address) */
    wr16(RDP_PA, LANCE_CSR0_STOP);
    lance_up(0, NULL, 3, 3);
    tx_desc(0, 0x29000, 60, LANCE_D1_OWN | LANCE_D1_STP | LANCE_D1_ENP);
    wr16(RDP_PA, LANCE_CSR0_INEA | LANCE_CSR0_TDMD);
    rig_run_for(&rig, WIRE(60) + 10);
    CU_ASSERT_EQUAL(rd16(RDP_PA) & LANCE_CSR0_MERR, 0);
    CU_ASSERT_EQUAL(sent.n, 1);
    CU_ASSERT_EQUAL(memcmp(sent.data[0], before, 60), 0);
    CU_ASSERT_EQUAL(le.merrs, 1);
    teardown();
}

/* Zero-copy receive: a backend reads a frame straight into the guest's
 * buffers (lance_rx_map), the chip filters it, appends the FCS and hands
 * the descriptor back after the wire time (lance_rx_commit) */
static void test_rx_map(void)
{
    static const uint8_t other[6] = { 0x08, 0x00, 0x20, 0x99, 0x99, 0x99 };
    uint8_t f[60];
    struct iovec iov[16];
    Cycles t0;
    int n, k;
    size_t off, total;
    uint32_t fcs = FCS_MAC_60_3;

    setup_dma();
    lance_up(0, NULL, 1, 3);                /* 2 receive descriptors */
    /* 1600-byte buffers, the second one across a page edge */
    rx_desc(0, 0x8000, 1600, true);
    rx_desc(1, 0x9e00, 1600, true);
    make_frame(f, MAC, 60, 3);
    n = lance_rx_map(&le, iov, 16);
    CU_ASSERT_FATAL(n > 0);
    for (k = 0, total = 0; k < n; k++) {
        total += iov[k].iov_len;
    }
    CU_ASSERT_EQUAL(total, LANCE_FRAME_MAX);
    memcpy(iov[0].iov_base, f, 60);         /* as readv would */
    t0 = rig.now;
    CU_ASSERT_TRUE(lance_rx_commit(&le, 60));
    CU_ASSERT_TRUE(buf_is(0x8000, f, 60));
    CU_ASSERT_EQUAL(get8(0x8000 + 60), (uint8_t)fcs);
    CU_ASSERT_EQUAL(get8(0x8000 + 63), (uint8_t)(fcs >> 24));
    CU_ASSERT(rx_bits(0) & LANCE_D1_OWN);   /* still on the wire */
    rig_run_until(&rig, t0 + WIRE(60));
    CU_ASSERT_EQUAL(rx_bits(0), LANCE_D1_STP | LANCE_D1_ENP);
    CU_ASSERT_EQUAL(rx_mcnt(0), 64);
    CU_ASSERT(rd16(RDP_PA) & LANCE_CSR0_RINT);
    CU_ASSERT_EQUAL(le.rx_copied, 0);

    /* across the page edge: pieces in non-neighbouring RAM pages */
    n = lance_rx_map(&le, iov, 16);
    CU_ASSERT_FATAL(n >= 2);
    make_frame(f, BCAST, 60, 9);
    for (k = 0, off = 0; k < n && off < 60; k++) {
        size_t c = iov[k].iov_len < 60 - off ? iov[k].iov_len : 60 - off;
        memcpy(iov[k].iov_base, f + off, c);
        off += c;
    }
    CU_ASSERT_TRUE(lance_rx_commit(&le, 60));
    rig_run_for(&rig, WIRE(60));
    CU_ASSERT_EQUAL(rx_bits(1), LANCE_D1_STP | LANCE_D1_ENP);
    CU_ASSERT_TRUE(buf_is(0x9e00, f, 60));

    /* someone else's frame: not taken, the descriptor stays the chip's */
    rx_desc(0, 0x8000, 1600, true);
    n = lance_rx_map(&le, iov, 16);
    CU_ASSERT_FATAL(n > 0);
    make_frame(f, other, 60, 4);
    memcpy(iov[0].iov_base, f, 60);
    CU_ASSERT_FALSE(lance_rx_commit(&le, 60));
    CU_ASSERT_FALSE(lance_rx_commit(&le, 60));  /* once per map */
    rig_run_for(&rig, WIRE(60));
    CU_ASSERT(rx_bits(0) & LANCE_D1_OWN);
    CU_ASSERT_EQUAL(le.rx_idx, 0);

    /* no buffer of the chip's: busy */
    rx_desc(0, 0x8000, 1600, false);
    CU_ASSERT_EQUAL(lance_rx_map(&le, iov, 16), -1);
    /* buffers too small for the largest frame: the copying path */
    rx_desc(0, 0x8000, 256, true);
    CU_ASSERT_EQUAL(lance_rx_map(&le, iov, 16), 0);
    CU_ASSERT_EQUAL(errors(), 0);
    teardown();
}

/* lance_rx_missed: a frame lost before the chip counts as MISS while the
 * receiver is on, and does nothing while it is off */
static void test_rx_missed(void)
{
    setup_dma();
    lance_rx_missed(&le);
    CU_ASSERT_EQUAL(le.rx_missed, 0);
    lance_up(0, NULL, 2, 3);
    lance_rx_missed(&le);
    CU_ASSERT_EQUAL(le.rx_missed, 1);
    CU_ASSERT_EQUAL(rd16(RDP_PA) & (LANCE_CSR0_MISS | LANCE_CSR0_ERR |
                                    LANCE_CSR0_INTR),
                    LANCE_CSR0_MISS | LANCE_CSR0_ERR | LANCE_CSR0_INTR);
    CU_ASSERT_TRUE(rig.irq.level[LINE_ETHER]);
    teardown();
}

/* A ring (or the init block) in an unmapped IOMMU page: MERR, receiver
 * and transmitter off, an interrupt; the simulator carries on */
static void test_merr(void)
{
    uint8_t f[60];

    setup_dma();
    set_iopte(2, 0, false);                 /* Lance 0x2000-0x2fff: rings */
    lance_up(0, NULL, 3, 3);
    wr16(RDP_PA, LANCE_CSR0_INEA | LANCE_CSR0_TDMD);
    CU_ASSERT_EQUAL(rd16(RDP_PA) & (LANCE_CSR0_ERR | LANCE_CSR0_MERR |
                                    LANCE_CSR0_TXON | LANCE_CSR0_RXON |
                                    LANCE_CSR0_INTR),
                    LANCE_CSR0_ERR | LANCE_CSR0_MERR | LANCE_CSR0_INTR);
    CU_ASSERT_TRUE(rig.irq.level[LINE_ETHER]);
    CU_ASSERT_EQUAL(errors(), 1);
    make_frame(f, MAC, 60, 1);
    CU_ASSERT_FALSE(rx(f, 60));   /* receiver off */
    rig_run_for(&rig, 1000000);
    CU_ASSERT_EQUAL(sent.n, 0);

    /* the init block itself: MERR, no IDON */
    set_iopte(0, 0, false);
    wr16(RDP_PA, LANCE_CSR0_STOP);
    write_init_block(0, NULL, 3, 3);        /* (page 0 still in RAM) */
    linux_load_and_init(IB_ADDR);
    CU_ASSERT_EQUAL(rd16(RDP_PA) & (LANCE_CSR0_IDON | LANCE_CSR0_MERR),
                    LANCE_CSR0_MERR);
    wr16(RDP_PA, LANCE_CSR0_INEA | LANCE_CSR0_STRT);
    CU_ASSERT_FALSE(rx(f, 60));
    CU_ASSERT_EQUAL(le.merrs, 2);
    teardown();
}

static uint64_t rnd(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

/* Garbage in the rings and the buffers' addresses, for 10000 frames each
 * way: whatever the guest writes, no crash and no hang */
static void test_garbage(void)
{
    uint64_t seed = 0x9e3779b97f4a7c15ull;
    uint8_t f[LANCE_FRAME_MAX + 100];
    unsigned k, i;

    setup_dma();
    set_iopte(40, 0, false);
    lance_up(0, NULL, 3, 3);
    for (k = 0; k < 10000; k++) {
        uint64_t r = rnd(&seed);
        size_t len = (size_t)(rnd(&seed) % sizeof(f));

        for (i = 0; i < 16; i++) {
            uint64_t w = rnd(&seed);
            uint32_t ring = (i & 8) ? TX_RING : RX_RING;
            uint32_t d = ring + 8 * (i & 7);
            /* buffers mostly mapped (0x00000-0x3ffff), some not */
            uint32_t buf = (uint32_t)(w % ((w & 1) ? 0x40000u : 0x1000000u));
            put16(d, (uint16_t)buf);
            put16(d + 2, (uint16_t)((w >> 32) & 0xff00) | (buf >> 16));
            put16(d + 4, (uint16_t)(w >> 40));
            put16(d + 6, (uint16_t)(w >> 48));
        }
        for (i = 0; i < len; i++) {
            f[i] = (uint8_t)rnd(&seed);
        }
        if (r & 1) {
            memcpy(f, MAC, 6);
        }
        lance_receive(&le, f, len);
        wr16(RDP_PA, (uint16_t)(LANCE_CSR0_INEA | LANCE_CSR0_TDMD |
                                (r & 0x7f00)));
        rig_run_for(&rig, (Cycles)(r >> 40) % 300000);
        if (!(rd16(RDP_PA) & LANCE_CSR0_RXON) || (r >> 20) % 97 == 0) {
            /* the driver's answer to MERR (receiver off): stop and start
             * again, with random modes */
            wr16(RDP_PA, LANCE_CSR0_STOP);
            lance_up((uint16_t)(rnd(&seed) & 0x807f & ~LANCE_MODE_DRX &
                                ~LANCE_MODE_DTX), NULL,
                     (unsigned)(r >> 8) % 8, (unsigned)(r >> 12) % 8);
        }
    }
    /* each path was taken (about 280 sent, 140 received, 570 MERR) */
    CU_ASSERT(le.tx_frames > 50);
    CU_ASSERT(le.rx_frames > 50);
    CU_ASSERT(le.rx_missed > 50);
    CU_ASSERT(le.merrs > 50);
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
    { "init block through the IOMMU", test_init_block },
    { "transmit: single and chained frames, TINT time", test_tx },
    { "receive filter", test_rx_filter },
    { "receive chaining, ring wrap, MISS", test_rx_chain_wrap_miss },
    { "internal loopback", test_loopback },
    { "BSWP clear: buffer bytes swapped", test_no_bswp },
    { "receive: wire time, frames on the wire, rx_wait", test_rx_wire },
    { "receive: frames lost before the chip (MISS)", test_rx_missed },
    { "buffers in the boot PROM: MERR", test_buffers_in_rom },
    { "zero-copy receive: map, commit, filter", test_rx_map },
    { "DMA faults: MERR", test_merr },
    { "descriptor garbage", test_garbage },
};

int main(void)
{
    int rc = UNIT_RUN("lance", NULL, NULL, tests);
    teardown();
    return rc;
}
