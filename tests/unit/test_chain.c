/*
 * Unit tests of the DMA chain (dma/chain.h) as the SS-5 wires it:
 * espdma -> IOMMU -> memory, on a real Bus with guest RAM, with no CPU.
 *
 * - Properties: random transfers through a randomly scattered IOMMU
 *   mapping move exactly the bytes they should, both ways, whatever the
 *   offsets and lengths; runs are split at page edges and merged where
 *   the physical pages touch.
 * - Faults: an invalid IOPTE or a read-only page stops the transfer at the
 *   exact byte, latches AFSR/AFAR, raises the IOMMU interrupt, sets the
 *   espdma error bit; a page mapped to something that is not RAM stops it
 *   in the memory stage.
 * - Time: a transfer completes at exactly now + its cost, never inside
 *   the call that started it.
 * - Host files: a read goes from the file straight into guest RAM and a
 *   write straight out of it, with no byte bounced when aligned; a host
 *   error reaches the device.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dma/chain.h"
#include "hw/chips/dma2.h"
#include "hw/chips/iommu.h"
#include "rig.h"

#define HZ 110000000ull
#define RAM_SIZE 0x400000u          /* 4 MB */
#define TABLE_PA 0x100000u          /* IOPTEs for the 32 MB window */
#define DATA_PA 0x200000u           /* where the pages the IOMMU maps are */
#define NPAGES 256                  /* 1 MB of DVMA from 0xfe000000 */
#define DVMA_BASE 0xfe000000u
#define IOMMU_PA 0x10000000ull
#define DMA_PA 0x78400000ull

#define SRC_IOMMU 30
#define SRC_SCSI 18
#define SRC_ETHER 16

/* The rig of tests/unit/rig.h and the chain on it */
typedef struct Rig {
    UnitRig u;
    DmaEngine eng;
    Iommu iommu;
    Dma2 dma;
    unsigned perm[NPAGES];          /* DVMA page -> physical page index */
    /* the last completion */
    unsigned dones;
    uint64_t done;
    DmaFault fault;
    int host_err;
    Cycles done_at;
} Rig;

static uint64_t rnd(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

static uint8_t *ram(Rig *r, uint64_t pa)
{
    return rig_ram(&r->u, pa);
}

static void put_be32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

static void set_iopte(Rig *r, unsigned page, uint64_t pa, bool valid,
                      bool writable)
{
    uint32_t pte = (uint32_t)(pa >> 4) & IOMMU_IOPTE_PAGE;
    pte |= valid ? IOMMU_IOPTE_VALID : 0;
    pte |= writable ? IOMMU_IOPTE_WRITE : 0;
    put_be32(ram(r, TABLE_PA + 4 * page), pte);
}

static void wr32(Rig *r, uint64_t pa, uint32_t v)
{
    rig_wr(&r->u, pa, 4, v);
}

static uint32_t rd32(Rig *r, uint64_t pa)
{
    return rig_rd(&r->u, pa, 4);
}

/* DVMA pages 0..NPAGES-1 map a shuffled set of physical pages */
static void chain_up(Rig *r, uint64_t seed)
{
    UnitRig *u = &r->u;
    unsigned i;

    memset(r, 0, sizeof(*r));
    rig_up(u, RAM_SIZE, HZ);
    dma_engine_init(&r->eng, &u->bus, &u->q, HZ, &u->log);
    rig_iommu(u, &r->iommu, IOMMU_PA, SRC_IOMMU);
    rig_dma2(u, &r->dma, DMA_PA, SRC_SCSI, SRC_ETHER);
    dma2_stage(&r->dma.esp, iommu_stage(&r->iommu));
    dma2_stage(&r->dma.le, &r->iommu.stage);

    for (i = 0; i < NPAGES; i++) {
        r->perm[i] = i;
    }
    for (i = NPAGES - 1; i > 0; i--) {
        unsigned j = (unsigned)(rnd(&seed) % (i + 1)), t = r->perm[i];
        r->perm[i] = r->perm[j];
        r->perm[j] = t;
    }
    /* a few neighbours stay neighbours, so runs can merge */
    r->perm[10] = 40;
    r->perm[11] = 41;
    r->perm[40] = 10;
    r->perm[41] = 11;
    for (i = 0; i < NPAGES; i++) {
        set_iopte(r, i, DATA_PA + (uint64_t)r->perm[i] * 4096, true, true);
    }
    wr32(r, IOMMU_PA + IOMMU_CTRL, 0x05000005u);     /* on, 32 MB window */
    wr32(r, IOMMU_PA + IOMMU_BASE, TABLE_PA >> 4);
    wr32(r, DMA_PA + DMA2_CSR, DMA2_CSR_INT_EN);
}

static void chain_down(Rig *r)
{
    dma_engine_free(&r->eng);
    rig_down(&r->u);
}

static uint64_t phys_of(const Rig *r, uint32_t dvma)
{
    unsigned page = (dvma - DVMA_BASE) >> 12;
    return DATA_PA + (uint64_t)r->perm[page] * 4096 + (dvma & 0xfff);
}

static void on_done(void *opaque, DmaXfer *x, uint64_t done,
                    const DmaFault *f, int host_err)
{
    Rig *r = opaque;
    (void)x;
    r->dones++;
    r->done = done;
    r->fault = *f;
    r->host_err = host_err;
    r->done_at = r->u.now;
}

/* One espdma transfer of len bytes at ADDR = dvma, with buf. */
static void xfer(Rig *r, DmaXfer *x, uint32_t dvma, uint64_t len,
                 DmaDir dir, uint8_t *buf, Cycles cost)
{
    wr32(r, DMA_PA + DMA2_ADDR, dvma);
    sg_clear(&x->list);
    sg_add(&x->list, 0, len);
    x->dir = dir;
    x->end = DMA_END_BUF;
    x->buf = buf;
    x->cost = cost;
    x->done_fn = on_done;
    x->opaque = r;
    CU_ASSERT_EQUAL(dma_xfer_start(&r->eng, &r->dma.esp.stage, x), 0);
}

static void test_random_transfers(void)
{
    Rig r;
    DmaXfer x;
    uint64_t seed = 0x1234567887654321ull;
    static uint8_t out[65536], back[65536];
    unsigned t, i;

    chain_up(&r, seed);
    dma_xfer_init(&x, "espdma-test");
    for (t = 0; t < 300; t++) {
        uint64_t len = 1 + rnd(&seed) % sizeof(out);
        uint32_t dvma = DVMA_BASE +
                        (uint32_t)(rnd(&seed) % (NPAGES * 4096 - len));
        bool ok = true;
        for (i = 0; i < len; i++) {
            out[i] = (uint8_t)rnd(&seed);
        }
        xfer(&r, &x, dvma, len, DMA_TO_MEM, out, 100);
        rig_run_all(&r.u);
        CU_ASSERT_EQUAL(r.done, len);
        CU_ASSERT_EQUAL(r.fault.kind, DMA_FAULT_NONE);
        for (i = 0; i < len && ok; i++) {
            ok = *ram(&r, phys_of(&r, dvma + i)) == out[i];
        }
        CU_ASSERT_TRUE(ok);
        /* every run of the physical list stays inside a page, or spans
         * pages that touch physically */
        for (i = 0; i < x.gp.n; i++) {
            CU_ASSERT(x.gp.e[i].len <= 4096 ||
                      x.gp.e[i].addr == phys_of(&r, dvma) ||
                      (x.gp.e[i].addr & 0xfff) == 0);
        }
        memset(back, 0, len);
        xfer(&r, &x, dvma, len, DMA_FROM_MEM, back, 100);
        rig_run_all(&r.u);
        CU_ASSERT_EQUAL(r.done, len);
        CU_ASSERT_EQUAL(memcmp(out, back, len), 0);
    }
    CU_ASSERT_EQUAL(r.eng.faults, 0);
    CU_ASSERT_FALSE(r.u.irq.level[SRC_IOMMU]);
    dma_xfer_free(&x);
    chain_down(&r);
}

static void test_page_edges(void)
{
    Rig r;
    SgList in, gp;
    DmaFault f;
    uint64_t n;

    chain_up(&r, 7);
    sg_init(&in);
    sg_init(&gp);
    /* 3 pages from the middle of page 9: 10 and 11 are physically
     * consecutive, so page 9's tail, then 10+11 as one run, then 12 */
    wr32(&r, DMA_PA + DMA2_ADDR, DVMA_BASE + 9 * 4096 + 0x800);
    sg_add(&in, 0, 3 * 4096);
    n = dma_map(&r.dma.esp.stage, &in, DMA_TO_MEM, &gp, &f);
    CU_ASSERT_EQUAL(n, 3 * 4096);
    CU_ASSERT_EQUAL(f.kind, DMA_FAULT_NONE);
    CU_ASSERT_EQUAL_FATAL(gp.n, 3);
    CU_ASSERT_EQUAL(gp.e[0].addr, phys_of(&r, DVMA_BASE + 9 * 4096 + 0x800));
    CU_ASSERT_EQUAL(gp.e[0].len, 0x800);
    CU_ASSERT_EQUAL(gp.e[1].addr, DATA_PA + 40 * 4096);
    CU_ASSERT_EQUAL(gp.e[1].len, 2 * 4096);
    CU_ASSERT_EQUAL(gp.e[2].len, 0x800);
    /* sg helpers */
    CU_ASSERT_EQUAL(sg_total(&gp), 3 * 4096);
    sg_clear(&in);
    CU_ASSERT_EQUAL(sg_take(&in, &gp, 0x900), 0);
    CU_ASSERT_EQUAL(in.n, 2);
    CU_ASSERT_EQUAL(sg_total(&in), 0x900);
    sg_free(&in);
    sg_free(&gp);
    chain_down(&r);
}

static void test_iommu_fault_residual(void)
{
    Rig r;
    DmaXfer x;
    static uint8_t buf[8 * 4096];
    uint32_t dvma = DVMA_BASE + 20 * 4096 + 0x123;

    chain_up(&r, 99);
    dma_xfer_init(&x, "espdma-test");
    set_iopte(&r, 23, 0, false, false);         /* page 23: invalid */
    memset(buf, 0xa5, sizeof(buf));
    xfer(&r, &x, dvma, sizeof(buf), DMA_TO_MEM, buf, 50);
    /* the fault is latched when the chain maps the list, at the start */
    CU_ASSERT_TRUE(r.u.irq.level[SRC_IOMMU]);
    CU_ASSERT_TRUE(rd32(&r, DMA_PA + DMA2_CSR) & DMA2_CSR_ERR_PEND);
    CU_ASSERT_TRUE(r.u.irq.level[SRC_SCSI]);    /* error, INT_EN set */
    CU_ASSERT_EQUAL(r.dones, 0);
    rig_run_all(&r.u);
    CU_ASSERT_EQUAL(r.dones, 1);
    CU_ASSERT_EQUAL(r.done, 3 * 4096 - 0x123);  /* up to page 23 exactly */
    CU_ASSERT_EQUAL(r.fault.kind, DMA_FAULT_INVALID);
    CU_ASSERT_STRING_EQUAL(r.fault.stage, "iommu");
    CU_ASSERT_EQUAL(r.fault.addr, DVMA_BASE + 23 * 4096);
    CU_ASSERT_EQUAL(rd32(&r, IOMMU_PA + IOMMU_AFAR), DVMA_BASE + 23 * 4096);
    CU_ASSERT_EQUAL(rd32(&r, IOMMU_PA + IOMMU_AFSR) &
                    (IOMMU_AFSR_ERR | IOMMU_AFSR_LE | IOMMU_AFSR_FAV |
                     IOMMU_AFSR_RD),
                    IOMMU_AFSR_ERR | IOMMU_AFSR_LE | IOMMU_AFSR_FAV);
    CU_ASSERT_FALSE(r.u.irq.level[SRC_IOMMU]);  /* reading acknowledged */
    CU_ASSERT_EQUAL(*ram(&r, phys_of(&r, DVMA_BASE + 22 * 4096 + 4095)),
                    0xa5);
    /* a channel reset clears the error */
    wr32(&r, DMA_PA + DMA2_CSR, DMA2_CSR_RESET);
    CU_ASSERT_FALSE(rd32(&r, DMA_PA + DMA2_CSR) & DMA2_CSR_ERR_PEND);

    /* a read-only page stops a device write, not a device read */
    chain_down(&r);
    chain_up(&r, 99);
    set_iopte(&r, 30, DATA_PA, true, false);
    xfer(&r, &x, DVMA_BASE + 29 * 4096, 3 * 4096, DMA_TO_MEM, buf, 50);
    rig_run_all(&r.u);
    CU_ASSERT_EQUAL(r.done, 4096);
    CU_ASSERT_EQUAL(r.fault.kind, DMA_FAULT_PROT);
    xfer(&r, &x, DVMA_BASE + 29 * 4096, 3 * 4096, DMA_FROM_MEM, buf, 50);
    rig_run_all(&r.u);
    CU_ASSERT_EQUAL(r.done, 3 * 4096);
    CU_ASSERT_EQUAL(r.fault.kind, DMA_FAULT_NONE);

    /* a page that is not RAM: the memory stage stops it */
    set_iopte(&r, 40, 0x70000000ull - 4096, true, true);
    xfer(&r, &x, DVMA_BASE + 39 * 4096 + 0x10, 2 * 4096, DMA_TO_MEM, buf,
         50);
    rig_run_all(&r.u);
    CU_ASSERT_EQUAL(r.done, 4096 - 0x10);
    CU_ASSERT_EQUAL(r.fault.kind, DMA_FAULT_BUS);
    CU_ASSERT_STRING_EQUAL(r.fault.stage, "memory");
    CU_ASSERT_TRUE(rd32(&r, DMA_PA + DMA2_CSR) & DMA2_CSR_ERR_PEND);
    dma_xfer_free(&x);
    chain_down(&r);
}

static void test_completion_time(void)
{
    Rig r;
    DmaXfer x;
    uint8_t buf[64] = { 1, 2, 3 };

    chain_up(&r, 5);
    dma_xfer_init(&x, "espdma-test");
    r.u.now = 1000;
    xfer(&r, &x, DVMA_BASE, sizeof(buf), DMA_TO_MEM, buf, 777);
    /* nothing lands inside the call that started it */
    CU_ASSERT_EQUAL(r.dones, 0);
    CU_ASSERT_EQUAL(*ram(&r, phys_of(&r, DVMA_BASE)), 0);
    /* a second start while busy is refused */
    CU_ASSERT_EQUAL(dma_xfer_start(&r.eng, &r.dma.esp.stage, &x), -1);
    rig_run_all(&r.u);
    CU_ASSERT_EQUAL(r.dones, 1);
    CU_ASSERT_EQUAL(r.done_at, 1777);
    CU_ASSERT_EQUAL(*ram(&r, phys_of(&r, DVMA_BASE) + 2), 3);
    /* cancelled: never completes */
    xfer(&r, &x, DVMA_BASE, sizeof(buf), DMA_TO_MEM, buf, 10);
    dma_xfer_cancel(&x);
    rig_run_all(&r.u);
    CU_ASSERT_EQUAL(r.dones, 1);
    CU_ASSERT_EQUAL(r.eng.bytes_moved, sizeof(buf));
    dma_xfer_free(&x);
    chain_down(&r);
}

/* ledma: the Lance's 24-bit addresses under TEST's top byte */
static void test_ledma_addresses(void)
{
    Rig r;
    SgList in, gp;
    DmaFault f;

    chain_up(&r, 11);
    sg_init(&in);
    sg_init(&gp);
    /* (OpenBIOS and Linux write 0xff000000; our window starts lower) */
    wr32(&r, DMA_PA + DMA2_LEDMA_OFF + DMA2_TEST, 0xfe000000u);
    sg_add(&in, 0x003010, 16);
    CU_ASSERT_EQUAL(dma_map(&r.dma.le.stage, &in, DMA_FROM_MEM, &gp, &f),
                    16);
    CU_ASSERT_EQUAL(gp.e[0].addr, phys_of(&r, 0xfe003010u));
    /* bits above 23 of the Lance address are not the Lance's */
    sg_clear(&in);
    sg_clear(&gp);
    sg_add(&in, 0x7f003010ull, 16);
    CU_ASSERT_EQUAL(dma_map(&r.dma.le.stage, &in, DMA_FROM_MEM, &gp, &f),
                    16);
    CU_ASSERT_EQUAL(gp.e[0].addr, phys_of(&r, 0xfe003010u));
    sg_free(&in);
    sg_free(&gp);
    chain_down(&r);
}

/* A host file through the chain: straight into guest RAM and back. */
static void test_file_transfers(void)
{
    Rig r;
    DmaXfer x;
    char path[] = "/tmp/sun4m-chain-XXXXXX";
    int fd = mkstemp(path);
    static uint8_t data[32768];
    unsigned i;
    bool ok = true;

    CU_ASSERT_FATAL(fd >= 0);
    for (i = 0; i < sizeof(data); i++) {
        data[i] = (uint8_t)(i * 7 + 3);
    }
    CU_ASSERT_FATAL(write(fd, data, sizeof(data)) == (ssize_t)sizeof(data));
    chain_up(&r, 3);
    dma_xfer_init(&x, "espdma-file");
    wr32(&r, DMA_PA + DMA2_ADDR, DVMA_BASE + 5 * 4096);
    sg_add(&x.list, 0, 16384);
    x.dir = DMA_TO_MEM;
    x.end = DMA_END_FILE;
    x.fd = fd;
    x.offset = 8192;
    x.cost = 5000;
    x.done_fn = on_done;
    x.opaque = &r;
    CU_ASSERT_EQUAL(dma_xfer_start(&r.eng, &r.dma.esp.stage, &x), 0);
    rig_run_all(&r.u);
    CU_ASSERT_EQUAL(r.done, 16384);
    CU_ASSERT_EQUAL(r.host_err, 0);
    CU_ASSERT_EQUAL(r.done_at, 5000);
    for (i = 0; i < 16384 && ok; i++) {
        ok = *ram(&r, phys_of(&r, DVMA_BASE + 5 * 4096 + i)) ==
             data[8192 + i];
    }
    CU_ASSERT_TRUE(ok);
    CU_ASSERT_EQUAL(r.eng.aio.bytes_bounced, 0);
    /* and out again, to another place in the file */
    x.dir = DMA_FROM_MEM;
    x.offset = 0;
    CU_ASSERT_EQUAL(dma_xfer_start(&r.eng, &r.dma.esp.stage, &x), 0);
    rig_run_all(&r.u);
    CU_ASSERT_EQUAL(r.done, 16384);
    {
        uint8_t back[16384];
        CU_ASSERT_EQUAL(pread(fd, back, sizeof(back), 0),
                        (ssize_t)sizeof(back));
        CU_ASSERT_EQUAL(memcmp(back, data + 8192, sizeof(back)), 0);
    }
    /* a host error reaches the device */
    r.eng.aio.inject_errno = EIO;
    x.dir = DMA_TO_MEM;
    CU_ASSERT_EQUAL(dma_xfer_start(&r.eng, &r.dma.esp.stage, &x), 0);
    rig_run_all(&r.u);
    CU_ASSERT_EQUAL(r.host_err, -EIO);
    CU_ASSERT_EQUAL(r.done, 0);
    dma_xfer_free(&x);
    chain_down(&r);
    close(fd);
    unlink(path);
}

static const UnitTest tests[] = {
    { "random transfers move exactly their bytes", test_random_transfers },
    { "runs split at page edges, merge where pages touch", test_page_edges },
    { "faults: exact residual, AFSR/AFAR, DMA2 error bit",
      test_iommu_fault_residual },
    { "completion at now + cost, never inside the start",
      test_completion_time },
    { "ledma: 24-bit addresses under TEST", test_ledma_addresses },
    { "a host file straight to and from guest RAM", test_file_transfers },
};

int main(void)
{
    return UNIT_RUN("chain", NULL, NULL, tests);
}
