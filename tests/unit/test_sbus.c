/*
 * Unit tests of the SBus-side chips: sun4m IOMMU (hw/chips/iommu.c) and
 * DMA2 channels (hw/chips/dma2.c).  The ESP has tests/unit/test_esp.c,
 * the DMA chain through them tests/unit/test_chain.c.
 *
 * The chips are mapped on a real Bus at their SS-5 addresses and driven
 * with bus_read/bus_write as the CPU would; time advances by firing the
 * event queue.  Interrupt outputs go to a recorder indexed by the system
 * interrupt source bit (IOMMU 30, espdma 18, ledma 16).  The IOMMU walks
 * a fake 1 MB physical memory; anything beyond it is a bus error.
 *
 * Built and run by `make check-unit`.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "hw/core/bus.h"
#include "hw/chips/dma2.h"
#include "hw/chips/esp.h"
#include "hw/core/event.h"
#include "hw/chips/iommu.h"
#include "rig.h"

#define CPU_HZ 110000000ull
#define IOMMU_PA 0x10000000ull
#define DMA_PA 0x78400000ull
#define LEDMA_PA 0x78400010ull
#define LEDMA_ALIAS_PA 0x78400020ull
#define ESP_PA 0x78800000ull

#define SRC_IOMMU 30
#define SRC_SCSI 18
#define SRC_ETHER 16

#define PMEM_SIZE 0x100000u

/* ---- Fixture (CUnit tests take no arguments: file scope) ---- */

static UnitRig rig;
static Iommu iommu;
static Dma2 dma;
static Esp esp;

static uint8_t pmem[PMEM_SIZE];

/* fake device on ledma */
static unsigned dev_resets, dev_enable_calls;
static bool dev_enabled;

static int fake_ld32(void *opaque, uint64_t pa, uint32_t *val)
{
    (void)opaque;
    if (pa > PMEM_SIZE - 4 || (pa & 3) != 0) {
        return -1;
    }
    *val = (uint32_t)pmem[pa] << 24 | (uint32_t)pmem[pa + 1] << 16 |
           (uint32_t)pmem[pa + 2] << 8 | pmem[pa + 3];
    return 0;
}

static void pmem_st32(uint64_t pa, uint32_t v)
{
    pmem[pa] = (uint8_t)(v >> 24);
    pmem[pa + 1] = (uint8_t)(v >> 16);
    pmem[pa + 2] = (uint8_t)(v >> 8);
    pmem[pa + 3] = (uint8_t)v;
}

static void fake_dev_reset(void *dev)
{
    (void)dev;
    dev_resets++;
}

static void fake_dev_enable(void *dev, bool enabled)
{
    (void)dev;
    dev_enable_calls++;
    dev_enabled = enabled;
}

static void teardown(void)
{
    rig_down(&rig);
}

static void setup(void)
{
    DevCtx c;

    teardown();
    memset(pmem, 0, sizeof(pmem));
    dev_resets = dev_enable_calls = 0;
    dev_enabled = false;
    rig_up(&rig, 0x100000, CPU_HZ);

    rig_iommu(&rig, &iommu, IOMMU_PA, SRC_IOMMU);
    iommu.phys_ld32 = fake_ld32;    /* the table lives in pmem */
    iommu.phys_opaque = NULL;
    rig_dma2(&rig, &dma, DMA_PA, SRC_SCSI, SRC_ETHER);
    c = rig_ctx(&rig, "esp", LOG_ESP, ESP_PA, ESP_REG_SIZE);
    esp_init(&esp, &c, ESP_CLOCK_SS5, dma2_device_line(&dma.esp));
    dma2_connect(&dma.esp, &esp, esp_dma_reset, esp_dma_enable);
    dma2_connect(&dma.le, NULL, fake_dev_reset, fake_dev_enable);
}

static uint32_t rd32(GPAddr pa)
{
    return rig_rd(&rig, pa, 4);
}

static void wr32(GPAddr pa, uint32_t v)
{
    rig_wr(&rig, pa, 4, v);
}

/* ---- IOMMU ---- */

static void test_iommu_reset_values(void)
{
    setup();
    CU_ASSERT_EQUAL(rd32(IOMMU_PA + IOMMU_CTRL), 0x05000000u);
    CU_ASSERT_EQUAL(rd32(IOMMU_PA + IOMMU_BASE), 0);
    CU_ASSERT_EQUAL(rd32(IOMMU_PA + IOMMU_AFSR), 0x00800000u);
    CU_ASSERT_EQUAL(rd32(IOMMU_PA + IOMMU_AFAR), 0);
    CU_ASSERT_EQUAL(rd32(IOMMU_PA + IOMMU_AER), 0x3u);
    CU_ASSERT_EQUAL(rd32(IOMMU_PA + IOMMU_ARBEN), 0x8u);
    /* Linux reads 0x10003018 while booting */
    CU_ASSERT_EQUAL(rd32(IOMMU_PA + IOMMU_MASK_ID), 0x23000000u);
    CU_ASSERT_FALSE(rig.irq.level[SRC_IOMMU]);
}

static void test_iommu_register_masks(void)
{
    unsigned i;
    setup();
    /* OpenBIOS: enable with a 32 MB window; impl/version read-only */
    wr32(IOMMU_PA + IOMMU_CTRL, 0x05000005u);
    CU_ASSERT_EQUAL(rd32(IOMMU_PA + IOMMU_CTRL), 0x05000005u);
    wr32(IOMMU_PA + IOMMU_CTRL, 0xffffffffu);
    CU_ASSERT_EQUAL(rd32(IOMMU_PA + IOMMU_CTRL), 0x0500001du);
    wr32(IOMMU_PA + IOMMU_CTRL, 0);
    CU_ASSERT_EQUAL(rd32(IOMMU_PA + IOMMU_CTRL), 0x05000000u);

    wr32(IOMMU_PA + IOMMU_BASE, 0xffffffffu);
    CU_ASSERT_EQUAL(rd32(IOMMU_PA + IOMMU_BASE), 0x07fffc00u);
    wr32(IOMMU_PA + IOMMU_BASE, 0x7fa800u);
    CU_ASSERT_EQUAL(rd32(IOMMU_PA + IOMMU_BASE), 0x7fa800u);

    wr32(IOMMU_PA + IOMMU_AER, 0);
    CU_ASSERT_EQUAL(rd32(IOMMU_PA + IOMMU_AER), 0x1u);
    wr32(IOMMU_PA + IOMMU_AER, 0xffffffffu);
    CU_ASSERT_EQUAL(rd32(IOMMU_PA + IOMMU_AER), 0x801f000fu);

    for (i = 0; i < 4; i++) {
        wr32(IOMMU_PA + IOMMU_SBCFG0 + 4 * i, 0xffffffffu);
        CU_ASSERT_EQUAL(rd32(IOMMU_PA + IOMMU_SBCFG0 + 4 * i), 0x10003u);
    }
    wr32(IOMMU_PA + IOMMU_ARBEN, 0);
    CU_ASSERT_EQUAL(rd32(IOMMU_PA + IOMMU_ARBEN), 0x8u);
    wr32(IOMMU_PA + IOMMU_ARBEN, 0xffffffffu);
    CU_ASSERT_EQUAL(rd32(IOMMU_PA + IOMMU_ARBEN), 0x001f0008u);

    /* the mask number is fixed, low bits can only be set */
    wr32(IOMMU_PA + IOMMU_MASK_ID, 0xff0000ffu);
    CU_ASSERT_EQUAL(rd32(IOMMU_PA + IOMMU_MASK_ID), 0x230000ffu);
    wr32(IOMMU_PA + IOMMU_MASK_ID, 0);
    CU_ASSERT_EQUAL(rd32(IOMMU_PA + IOMMU_MASK_ID), 0x230000ffu);

    /* AFSR: reserved bit 23 reads 1, bits 22:20 are not writable */
    wr32(IOMMU_PA + IOMMU_AFSR, 0);
    CU_ASSERT_EQUAL(rd32(IOMMU_PA + IOMMU_AFSR), 0x00800000u);
    wr32(IOMMU_PA + IOMMU_AFSR, 0xffffffffu);
    CU_ASSERT_EQUAL(rd32(IOMMU_PA + IOMMU_AFSR), 0xff8fffffu);

    /* flushes and undocumented offsets are storage */
    wr32(IOMMU_PA + IOMMU_TLBFLUSH, 0x12345678u);
    CU_ASSERT_EQUAL(rd32(IOMMU_PA + IOMMU_TLBFLUSH), 0x12345678u);
    wr32(IOMMU_PA + IOMMU_PGFLUSH, 0xfe001000u);
    CU_ASSERT_EQUAL(rd32(IOMMU_PA + IOMMU_PGFLUSH), 0xfe001000u);
    wr32(IOMMU_PA + 0x3ffc, 0xdeadbeefu);
    CU_ASSERT_EQUAL(rd32(IOMMU_PA + 0x3ffc), 0xdeadbeefu);

    /* 32-bit accesses only */
    CU_ASSERT_EQUAL(rig_try_rd(&rig, IOMMU_PA, 1, NULL), BUS_ERR_SIZE);
    CU_ASSERT_EQUAL(rig_try_wr(&rig, IOMMU_PA + 4, 2, 0), BUS_ERR_SIZE);
    /* nothing maps right after the registers */
    CU_ASSERT_EQUAL(rig_try_rd(&rig, IOMMU_PA + IOMMU_REG_SIZE, 4, NULL),
                    BUS_ERR_UNMAPPED);

    CU_ASSERT_TRUE(rig_stable(&rig, IOMMU_PA + IOMMU_CTRL, 4));
    CU_ASSERT_FALSE(rig_stable(&rig, IOMMU_PA + IOMMU_AFSR, 4));
    CU_ASSERT_FALSE(rig_stable(&rig, IOMMU_PA + IOMMU_AFAR, 4));
}

/* OpenBIOS: 32 MB window at 0xfe000000, table at PA 0x40000. */
static void test_iommu_translate_32mb(void)
{
    uint64_t pa = 0;
    setup();
    wr32(IOMMU_PA + IOMMU_CTRL, 0x05000005u);
    wr32(IOMMU_PA + IOMMU_BASE, 0x40000u >> 4);
    pmem_st32(0x40000 + 4 * 1, (0x123000u >> 4) | IOMMU_IOPTE_VALID |
                                   IOMMU_IOPTE_WRITE);
    pmem_st32(0x40000 + 4 * 0x1fff, (0x0ff000u >> 4) | IOMMU_IOPTE_VALID);

    CU_ASSERT_EQUAL(iommu_translate(&iommu, 0xfe001234u, false, &pa), 0);
    CU_ASSERT_EQUAL(pa, 0x123234u);
    CU_ASSERT_EQUAL(iommu_translate(&iommu, 0xfe001ffcu, true, &pa), 0);
    CU_ASSERT_EQUAL(pa, 0x123ffcu);
    /* last page of the window */
    CU_ASSERT_EQUAL(iommu_translate(&iommu, 0xffffff00u, false, &pa), 0);
    CU_ASSERT_EQUAL(pa, 0x0fff00u);
    CU_ASSERT_FALSE(rig.irq.level[SRC_IOMMU]);
    CU_ASSERT_EQUAL(rd32(IOMMU_PA + IOMMU_AFSR), 0x00800000u);
}

/* Linux: 256 MB window at 0xf0000000 (CTRL 0x05000011). */
static void test_iommu_translate_256mb(void)
{
    uint64_t pa = 0;
    setup();
    wr32(IOMMU_PA + IOMMU_CTRL, 0x05000011u);
    wr32(IOMMU_PA + IOMMU_BASE, 0x80000u >> 4);
    pmem_st32(0x80000 + 4 * 5, (0x00abc000u >> 4) | IOMMU_IOPTE_VALID |
                                   IOMMU_IOPTE_WRITE | IOMMU_IOPTE_CACHE);
    CU_ASSERT_EQUAL(iommu_translate(&iommu, 0xf0005678u, true, &pa), 0);
    CU_ASSERT_EQUAL(pa, 0xabc678u);
    /* IOPTE bits 31:8 are PA[35:12] */
    pmem_st32(0x80000 + 4 * 6, 0xfffff000u | IOMMU_IOPTE_VALID);
    CU_ASSERT_EQUAL(iommu_translate(&iommu, 0xf0006010u, false, &pa), 0);
    CU_ASSERT_EQUAL(pa, 0xfffff0010ull);
}

/* QEMU walks the table even while CTRL.ENAB is 0. */
static void test_iommu_translate_disabled(void)
{
    uint64_t pa = 0;
    setup();
    wr32(IOMMU_PA + IOMMU_CTRL, 0x05000004u);     /* 32 MB, not enabled */
    wr32(IOMMU_PA + IOMMU_BASE, 0x40000u >> 4);
    pmem_st32(0x40000 + 4 * 2, (0x55000u >> 4) | IOMMU_IOPTE_VALID);
    CU_ASSERT_EQUAL(iommu_translate(&iommu, 0xfe002008u, false, &pa), 0);
    CU_ASSERT_EQUAL(pa, 0x55008u);
}

static void test_iommu_fault_invalid(void)
{
    uint64_t pa = 0x777;
    setup();
    wr32(IOMMU_PA + IOMMU_CTRL, 0x05000005u);
    wr32(IOMMU_PA + IOMMU_BASE, 0x40000u >> 4);
    CU_ASSERT_EQUAL(iommu_translate(&iommu, 0xfe003456u, false, &pa), -1);
    CU_ASSERT_EQUAL(pa, 0x777u);
    CU_ASSERT_TRUE(rig.irq.level[SRC_IOMMU]);
    CU_ASSERT_EQUAL(iommu.faults, 1);
    /* ERR | LE | reserved | RD | FAV; AFAR holds the page */
    CU_ASSERT_EQUAL(rd32(IOMMU_PA + IOMMU_AFSR), 0xc0860000u);
    CU_ASSERT_FALSE(rig.irq.level[SRC_IOMMU]);  /* the read acknowledged it */
    CU_ASSERT_EQUAL(rd32(IOMMU_PA + IOMMU_AFAR), 0xfe003000u);

    /* a walk that hits a bus error is a fault too */
    wr32(IOMMU_PA + IOMMU_BASE, 0x07fffc00u);
    CU_ASSERT_EQUAL(iommu_translate(&iommu, 0xfe000000u, true, &pa), -1);
    CU_ASSERT_TRUE(rig.irq.level[SRC_IOMMU]);
    CU_ASSERT_EQUAL(rd32(IOMMU_PA + IOMMU_AFAR), 0xfe000000u);
    CU_ASSERT_FALSE(rig.irq.level[SRC_IOMMU]);
    CU_ASSERT_EQUAL(rd32(IOMMU_PA + IOMMU_AFSR), 0xc0820000u);
}

static void test_iommu_fault_readonly(void)
{
    uint64_t pa = 0;
    setup();
    wr32(IOMMU_PA + IOMMU_CTRL, 0x05000005u);
    wr32(IOMMU_PA + IOMMU_BASE, 0x40000u >> 4);
    pmem_st32(0x40000 + 4 * 7, (0x9000u >> 4) | IOMMU_IOPTE_VALID);
    CU_ASSERT_EQUAL(iommu_translate(&iommu, 0xfe007010u, false, &pa), 0);
    CU_ASSERT_EQUAL(pa, 0x9010u);
    CU_ASSERT_FALSE(rig.irq.level[SRC_IOMMU]);
    CU_ASSERT_EQUAL(iommu_translate(&iommu, 0xfe007010u, true, &pa), -2);
    CU_ASSERT_TRUE(rig.irq.level[SRC_IOMMU]);
    /* writing AFSR also acknowledges; the write fault has no RD bit */
    CU_ASSERT_EQUAL(iommu.regs[IOMMU_AFSR >> 2], 0xc0820000u);
    CU_ASSERT_EQUAL(iommu.regs[IOMMU_AFAR >> 2], 0xfe007000u);
    wr32(IOMMU_PA + IOMMU_AFSR, 0);
    CU_ASSERT_FALSE(rig.irq.level[SRC_IOMMU]);
    CU_ASSERT_EQUAL(rd32(IOMMU_PA + IOMMU_AFSR), 0x00800000u);
    CU_ASSERT_EQUAL(rig.irq.edges[SRC_IOMMU], 2);
}

/* ---- DMA2 ---- */

static void test_dma2_reset_values(void)
{
    setup();
    CU_ASSERT_EQUAL(rd32(DMA_PA + DMA2_CSR), 0xa0000000u);
    CU_ASSERT_EQUAL(rd32(DMA_PA + DMA2_ADDR), 0);
    CU_ASSERT_EQUAL(rd32(DMA_PA + DMA2_COUNT), 0);
    CU_ASSERT_EQUAL(rd32(DMA_PA + DMA2_TEST), 0);
    CU_ASSERT_EQUAL(rd32(LEDMA_PA + DMA2_CSR), 0xa0000000u);
    CU_ASSERT_EQUAL(rig_try_rd(&rig, DMA_PA, 1, NULL), BUS_ERR_SIZE);
    CU_ASSERT_EQUAL(rig_try_wr(&rig, DMA_PA + 2, 2, 0), BUS_ERR_SIZE);
    CU_ASSERT_EQUAL(rig_try_rd(&rig, LEDMA_ALIAS_PA + 4, 4, NULL),
                    BUS_ERR_UNMAPPED);
    /* OpenBIOS polls CSR bit 0: the read must be side-effect free */
    CU_ASSERT_TRUE(rig_stable(&rig, DMA_PA + DMA2_CSR, 4));
    CU_ASSERT_TRUE(rig_stable(&rig, LEDMA_PA + DMA2_CSR, 4));
}

static void test_dma2_csr_bits(void)
{
    setup();
    /* all writable bits; reset (bit 7) keeps drain (bit 6) as written */
    wr32(LEDMA_PA + DMA2_CSR, 0xffffffffu);
    CU_ASSERT_EQUAL(rd32(LEDMA_PA + DMA2_CSR), 0xa1fffff8u);
    CU_ASSERT_EQUAL(dev_resets, 1);
    CU_ASSERT_EQUAL(dev_enable_calls, 1);
    CU_ASSERT_TRUE(dev_enabled);
    /* drain completes at once and is not stored */
    wr32(LEDMA_PA + DMA2_CSR, DMA2_CSR_DRAIN | DMA2_CSR_EN);
    CU_ASSERT_EQUAL(rd32(LEDMA_PA + DMA2_CSR), 0xa0000200u);
    /* QEMU quirk: writing 0 stores the drain bit */
    wr32(LEDMA_PA + DMA2_CSR, 0);
    CU_ASSERT_EQUAL(rd32(LEDMA_PA + DMA2_CSR), 0xa0000040u);
    CU_ASSERT_FALSE(dev_enabled);
    CU_ASSERT_EQUAL(dev_enable_calls, 2);
    /* the version bits cannot be written */
    wr32(LEDMA_PA + DMA2_CSR, 0x50000000u | DMA2_CSR_FIFO_INV);
    CU_ASSERT_EQUAL(rd32(LEDMA_PA + DMA2_CSR), 0xa0000020u);
    /* Linux's DMA_3CLKS and write direction */
    wr32(LEDMA_PA + DMA2_CSR, DMA2_CSR_3CLKS | DMA2_CSR_WRITE);
    CU_ASSERT_EQUAL(rd32(LEDMA_PA + DMA2_CSR), 0xa0400100u);
    CU_ASSERT_TRUE(dma2_to_memory(&dma.le));
    CU_ASSERT_EQUAL(dev_resets, 1);
    /* espdma untouched */
    CU_ASSERT_EQUAL(rd32(DMA_PA + DMA2_CSR), 0xa0000000u);
}

static void test_dma2_addr_count_test(void)
{
    setup();
    wr32(DMA_PA + DMA2_ADDR, 0xfe000000u);
    CU_ASSERT_EQUAL(rd32(DMA_PA + DMA2_ADDR), 0xfe000000u);
    CU_ASSERT_EQUAL(rd32(DMA_PA + DMA2_CSR), 0xa4000000u);  /* loaded */
    CU_ASSERT_EQUAL(dma2_addr(&dma.esp), 0xfe000000u);
    dma2_advance(&dma.esp, 0x24);
    CU_ASSERT_EQUAL(rd32(DMA_PA + DMA2_ADDR), 0xfe000024u);
    /* loaded survives CSR writes (read-only) */
    wr32(DMA_PA + DMA2_CSR, DMA2_CSR_INT_EN);
    CU_ASSERT_EQUAL(rd32(DMA_PA + DMA2_CSR), 0xa4000010u);
    wr32(DMA_PA + DMA2_COUNT, 0x1234u);
    CU_ASSERT_EQUAL(rd32(DMA_PA + DMA2_COUNT), 0x1234u);
    /* OpenBIOS and Linux: Lance DVMA high byte in ledma TEST */
    wr32(LEDMA_PA + DMA2_TEST, 0xff000000u);
    CU_ASSERT_EQUAL(rd32(LEDMA_PA + DMA2_TEST), 0xff000000u);
    CU_ASSERT_EQUAL(rd32(DMA_PA + DMA2_TEST), 0);
    /* 0x78400020 is ledma's ADDR */
    wr32(LEDMA_ALIAS_PA, 0x00c0ffeeu);
    CU_ASSERT_EQUAL(rd32(LEDMA_PA + DMA2_ADDR), 0x00c0ffeeu);
    CU_ASSERT_EQUAL(rd32(LEDMA_PA + DMA2_CSR), 0xa4000000u);
    wr32(LEDMA_PA + DMA2_ADDR, 0x1000u);
    CU_ASSERT_EQUAL(rd32(LEDMA_ALIAS_PA), 0x1000u);
    CU_ASSERT_EQUAL(rd32(DMA_PA + DMA2_ADDR), 0xfe000024u);
}

static void test_dma2_int_gating(void)
{
    setup();
    /* device interrupts: pending shows, output stays low without INT_EN */
    dma2_device_irq(&dma.le, 0, true);
    CU_ASSERT_EQUAL(rd32(LEDMA_PA + DMA2_CSR), 0xa0000001u);
    CU_ASSERT_FALSE(rig.irq.level[SRC_ETHER]);
    wr32(LEDMA_PA + DMA2_CSR, DMA2_CSR_INT_EN);
    CU_ASSERT_TRUE(rig.irq.level[SRC_ETHER]);
    CU_ASSERT_EQUAL(rd32(LEDMA_PA + DMA2_CSR), 0xa0000011u);
    /* bit 0 is read-only: writing 0 there does not clear it */
    wr32(LEDMA_PA + DMA2_CSR, DMA2_CSR_INT_EN);
    CU_ASSERT_TRUE(rig.irq.level[SRC_ETHER]);
    dma2_device_irq(&dma.le, 0, false);
    CU_ASSERT_FALSE(rig.irq.level[SRC_ETHER]);
    CU_ASSERT_EQUAL(rd32(LEDMA_PA + DMA2_CSR), 0xa0000010u);
    dma2_device_irq(&dma.le, 0, true);
    CU_ASSERT_TRUE(rig.irq.level[SRC_ETHER]);
    /* INT_EN off masks the output but not the pending bit */
    wr32(LEDMA_PA + DMA2_CSR, DMA2_CSR_WRITE);
    CU_ASSERT_FALSE(rig.irq.level[SRC_ETHER]);
    CU_ASSERT_EQUAL(rd32(LEDMA_PA + DMA2_CSR), 0xa0000101u);
    CU_ASSERT_EQUAL(rig.irq.edges[SRC_ETHER], 4);
    CU_ASSERT_FALSE(rig.irq.level[SRC_SCSI]);
}

static void test_dma2_enable_edges_and_reset(void)
{
    setup();
    wr32(LEDMA_PA + DMA2_CSR, DMA2_CSR_EN);
    CU_ASSERT_EQUAL(dev_enable_calls, 1);
    CU_ASSERT_TRUE(dev_enabled);
    CU_ASSERT_TRUE(dma2_enabled(&dma.le));
    /* no edge, no call */
    wr32(LEDMA_PA + DMA2_CSR, DMA2_CSR_EN | DMA2_CSR_INT_EN);
    CU_ASSERT_EQUAL(dev_enable_calls, 1);
    wr32(LEDMA_PA + DMA2_CSR, DMA2_CSR_INT_EN);
    CU_ASSERT_EQUAL(dev_enable_calls, 2);
    CU_ASSERT_FALSE(dev_enabled);
    /* Linux reset_dma: CSR | RESET, then CSR & ~RESET */
    wr32(LEDMA_PA + DMA2_CSR, rd32(LEDMA_PA + DMA2_CSR) | DMA2_CSR_RESET);
    CU_ASSERT_EQUAL(dev_resets, 1);
    CU_ASSERT_EQUAL(rd32(LEDMA_PA + DMA2_CSR), 0xa0000090u);
    wr32(LEDMA_PA + DMA2_CSR, rd32(LEDMA_PA + DMA2_CSR) & ~DMA2_CSR_RESET);
    CU_ASSERT_EQUAL(dev_resets, 1);
    CU_ASSERT_EQUAL(rd32(LEDMA_PA + DMA2_CSR), 0xa0000010u);
    /* a channel reset drops a set enable bit */
    wr32(LEDMA_PA + DMA2_CSR, DMA2_CSR_EN);
    CU_ASSERT_EQUAL(dev_enable_calls, 3);
    dma2_reset(&dma);
    CU_ASSERT_EQUAL(dev_enable_calls, 4);
    CU_ASSERT_FALSE(dev_enabled);
    CU_ASSERT_EQUAL(rd32(LEDMA_PA + DMA2_CSR), 0xa0000000u);
}

/* frees the fixture the last test left behind */
static int suite_clean(void)
{
    teardown();
    return 0;
}

static const UnitTest tests[] = {
    { "iommu reset values", test_iommu_reset_values },
    { "iommu register masks", test_iommu_register_masks },
    { "iommu translate 32 MB window", test_iommu_translate_32mb },
    { "iommu translate 256 MB window", test_iommu_translate_256mb },
    { "iommu translate while disabled", test_iommu_translate_disabled },
    { "iommu fault: invalid IOPTE", test_iommu_fault_invalid },
    { "iommu fault: read-only page", test_iommu_fault_readonly },
    { "dma2 reset values", test_dma2_reset_values },
    { "dma2 CSR bits", test_dma2_csr_bits },
    { "dma2 ADDR/COUNT/TEST and alias", test_dma2_addr_count_test },
    { "dma2 INT pending / INT_EN", test_dma2_int_gating },
    { "dma2 enable edges and reset", test_dma2_enable_edges_and_reset },
};

int main(void)
{
    return UNIT_RUN("sbus", NULL, suite_clean, tests);
}
