/*
 * Unit tests of the RAM-block interface (hw/core/bus.h): the one way
 * anything but the CPU's own TLB reaches guest memory.
 *
 * - bus_ram_map gives the host address and the exact extent that lies in
 *   one block; a range running into a device or a hole is cut at the edge;
 *   writes to the PROM are refused, loads into it are not.
 * - bus_ram_written makes the CPU drop instructions it decoded from the
 *   bytes written; mapping alone does not (a DMA engine marks the range
 *   when its bytes land).
 */
#include <stdint.h>
#include <string.h>

#include "cpu/cpu.h"
#include "hw/core/bus.h"
#include "unit.h"

#define RAM_SIZE 0x100000u          /* 1 MB */
#define ROM_BASE 0x70000000ull
#define ROM_SIZE 0x10000u
#define CODE 0x1000u

/* or %g0, imm, %g1 (V8 format 3, op3 0x02, i = 1) */
#define OR_G1(imm) (0x82102000u | (imm))
#define UNIMP 0x00000000u           /* illegal_instruction: error mode */

static const MmioOps dummy_ops = { .min_size = 1, .max_size = 4 };

static void st_be32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

static void test_map_extent(void)
{
    Bus b;
    uint64_t n = 99;
    uint8_t *p, *ram;

    CU_ASSERT_EQUAL_FATAL(bus_init(&b, RAM_SIZE, ROM_BASE, ROM_SIZE), 0);
    bus_map_mmio(&b, RAM_SIZE, 0x1000, &dummy_ops, NULL, "dev", 0);
    ram = bus_ram_map(&b, 0, RAM_SIZE, BUS_MAP_READ, &n);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ram);
    CU_ASSERT_EQUAL(n, RAM_SIZE);
    /* inside RAM: the whole length */
    p = bus_ram_map(&b, 0x2000, 0x800, BUS_MAP_WRITE, &n);
    CU_ASSERT_PTR_EQUAL(p, ram + 0x2000);
    CU_ASSERT_EQUAL(n, 0x800);
    /* across the end of RAM into a device: up to the edge exactly */
    p = bus_ram_map(&b, RAM_SIZE - 0x123, 0x1000, BUS_MAP_WRITE, &n);
    CU_ASSERT_PTR_EQUAL(p, ram + RAM_SIZE - 0x123);
    CU_ASSERT_EQUAL(n, 0x123);
    /* the device and a hole: not RAM at all */
    CU_ASSERT_PTR_NULL(bus_ram_map(&b, RAM_SIZE, 4, BUS_MAP_READ, &n));
    CU_ASSERT_EQUAL(n, 0);
    n = 7;
    CU_ASSERT_PTR_NULL(bus_ram_map(&b, 0x40000000ull, 4, BUS_MAP_READ, &n));
    CU_ASSERT_EQUAL(n, 0);
    /* the PROM: read and load yes, guest writes no */
    p = bus_ram_map(&b, ROM_BASE + ROM_SIZE - 8, 64, BUS_MAP_READ, &n);
    CU_ASSERT_PTR_NOT_NULL(p);
    CU_ASSERT_EQUAL(n, 8);
    CU_ASSERT_PTR_NULL(bus_ram_map(&b, ROM_BASE, 4, BUS_MAP_WRITE, &n));
    CU_ASSERT_EQUAL(n, 0);
    p = bus_ram_map(&b, ROM_BASE, ROM_SIZE + 1, BUS_MAP_LOAD, &n);
    CU_ASSERT_PTR_NOT_NULL(p);
    CU_ASSERT_EQUAL(n, ROM_SIZE);
    CU_ASSERT_PTR_EQUAL(bus_ram_block(&b, ROM_BASE + 5),
                        &b.block[BUS_BLOCK_PROM]);
    CU_ASSERT_PTR_EQUAL(bus_ram_block(&b, 5), &b.block[BUS_BLOCK_RAM]);
    CU_ASSERT_PTR_NULL(bus_ram_block(&b, ROM_BASE + ROM_SIZE));
    /* what the map gives is what the bus reads */
    {
        uint64_t v = 0;
        unsigned wait = 0;
        p = bus_ram_map(&b, 0x3000, 4, BUS_MAP_WRITE, &n);
        st_be32(p, 0xcafef00d);
        CU_ASSERT_EQUAL(bus_read(&b, 0x3000, 4, &v, &wait), BUS_OK);
        CU_ASSERT_EQUAL(v, 0xcafef00d);
    }
    /* marking bytes past RAM written is harmless */
    bus_ram_written(&b, RAM_SIZE - 2, 0x10000);
    bus_ram_written(&b, ROM_BASE, 16);
    bus_free(&b);
}

static CpuStop run_code(SparcCpu *cpu)
{
    cpu->pc = CODE;
    cpu->npc = CODE + 4;
    cpu->stop = CPU_RUNNING;
    return cpu_run(cpu, cpu->cycles + 1000);
}

static void test_written_invalidates_code(void)
{
    Bus b;
    SparcCpu cpu;
    uint64_t n;
    uint8_t *p;

    CU_ASSERT_EQUAL_FATAL(bus_init(&b, RAM_SIZE, ROM_BASE, ROM_SIZE), 0);
    CU_ASSERT_EQUAL_FATAL(cpu_init(&cpu, &b), 0);
    cpu.mmu.ctrl &= ~SRMMU_CTRL_BM;     /* fetch from RAM, MMU off */
    cpu.psr = PSR_S;                    /* traps off: unimp ends the run */
    cpu.wim = 0;

    p = bus_ram_map(&b, CODE, 8, BUS_MAP_LOAD, &n);
    CU_ASSERT_EQUAL_FATAL(n, 8);
    st_be32(p, OR_G1(1));
    st_be32(p + 4, UNIMP);
    CU_ASSERT_EQUAL(run_code(&cpu), CPU_STOP_ERROR_MODE);
    CU_ASSERT_EQUAL(*cpu.rp[1], 1u);
    CU_ASSERT_TRUE(bus_code_watched(&b, CODE));

    /* a writer that maps and writes but has not yet said so: the CPU
     * still runs what it decoded (the bytes have not "landed") */
    p = bus_ram_map(&b, CODE, 4, BUS_MAP_WRITE, &n);
    st_be32(p, OR_G1(2));
    CU_ASSERT_EQUAL(run_code(&cpu), CPU_STOP_ERROR_MODE);
    CU_ASSERT_EQUAL(*cpu.rp[1], 1u);

    /* ... and once it has, the new instruction runs */
    bus_ram_written(&b, CODE, 4);
    CU_ASSERT_EQUAL(run_code(&cpu), CPU_STOP_ERROR_MODE);
    CU_ASSERT_EQUAL(*cpu.rp[1], 2u);
    CU_ASSERT(cpu.code_invalidations >= 1);

    /* a write that touches only the next instruction leaves this one */
    p = bus_ram_map(&b, CODE, 8, BUS_MAP_WRITE, &n);
    st_be32(p, OR_G1(3));
    bus_ram_written(&b, CODE + 4, 4);
    CU_ASSERT_EQUAL(run_code(&cpu), CPU_STOP_ERROR_MODE);
    CU_ASSERT_EQUAL(*cpu.rp[1], 2u);
    bus_ram_written(&b, CODE, 1);
    CU_ASSERT_EQUAL(run_code(&cpu), CPU_STOP_ERROR_MODE);
    CU_ASSERT_EQUAL(*cpu.rp[1], 3u);

    /* a guest write through the bus (any non-TLB path) marks by itself */
    {
        unsigned wait = 0;
        CU_ASSERT_EQUAL(bus_write(&b, CODE, 4, OR_G1(4), &wait), BUS_OK);
    }
    CU_ASSERT_EQUAL(run_code(&cpu), CPU_STOP_ERROR_MODE);
    CU_ASSERT_EQUAL(*cpu.rp[1], 4u);
    cpu_free(&cpu);
    bus_free(&b);
}

#define VRAM_BASE 0x50800000u
#define VRAM_PAGES 4

/* sethi %hi(a), %g2 / %g3; st %g1, [%g2 + off]; st %g1, [%g3] */
#define SETHI_G2(a) (0x05000000u | ((a) >> 10))
#define SETHI_G3(a) (0x07000000u | ((a) >> 10))
#define ST_G1_G2(off) (0xc220a000u | (off))
#define ST_G1_G3 0xc220e000u

static unsigned dirty_count(const uint8_t *d)
{
    unsigned i, n = 0;
    for (i = 0; i < VRAM_PAGES; i++) {
        n += d[i];
    }
    return n;
}

/* A framebuffer's VRAM as a device block: the CPU stores into it through
 * its TLB, and every page's first store after the owner cleared its dirty
 * byte still passes through the bus and marks it. */
static void test_device_block_dirty(void)
{
    static uint8_t vram[VRAM_PAGES * BUS_PAGE_SIZE];
    uint8_t dirty[VRAM_PAGES] = { 0 };
    Bus b;
    SparcCpu cpu;
    uint64_t n;
    uint8_t *p;
    int idx;

    memset(vram, 0, sizeof(vram));
    CU_ASSERT_EQUAL_FATAL(bus_init(&b, RAM_SIZE, ROM_BASE, ROM_SIZE), 0);
    CU_ASSERT_EQUAL_FATAL(cpu_init(&cpu, &b), 0);
    idx = bus_add_block(&b, "vram", VRAM_BASE, sizeof(vram), vram, dirty,
                        false);
    CU_ASSERT_EQUAL_FATAL(idx, BUS_BLOCK_DEV);
    /* overlapping another block, or a zero-sized one: refused */
    CU_ASSERT_EQUAL(bus_add_block(&b, "x", VRAM_BASE + 0x1000, 0x1000,
                                  vram, NULL, false), -1);
    CU_ASSERT_EQUAL(bus_add_block(&b, "x", 0x1000, 0x1000, vram, NULL,
                                  false), -1);
    CU_ASSERT_EQUAL(bus_add_block(&b, "x", 0x60000000, 0, vram, NULL,
                                  false), -1);

    cpu.mmu.ctrl &= ~SRMMU_CTRL_BM;
    cpu.psr = PSR_S;
    cpu.wim = 0;
    *cpu.rp[1] = 0x11223344;
    p = bus_ram_map(&b, CODE, 24, BUS_MAP_LOAD, &n);
    CU_ASSERT_EQUAL_FATAL(n, 24);
    st_be32(p, SETHI_G2(VRAM_BASE));
    st_be32(p + 4, SETHI_G3(VRAM_BASE + 2 * BUS_PAGE_SIZE));
    st_be32(p + 8, ST_G1_G2(0));
    st_be32(p + 12, ST_G1_G2(8));
    st_be32(p + 16, ST_G1_G3);
    st_be32(p + 20, UNIMP);

    CU_ASSERT_EQUAL(run_code(&cpu), CPU_STOP_ERROR_MODE);
    CU_ASSERT_EQUAL(vram[0], 0x11);
    CU_ASSERT_EQUAL(vram[11], 0x44);
    CU_ASSERT_EQUAL(vram[2 * BUS_PAGE_SIZE + 3], 0x44);
    CU_ASSERT(dirty[0] == 1 && dirty[1] == 0 && dirty[2] == 1 &&
              dirty[3] == 0);

    /* cleared without rearming, page 0 (mapped for direct writes by its
     * second store) takes stores that mark nothing, which is why rearm
     * exists; page 2 saw one store, through the bus, and is not mapped */
    memset(dirty, 0, sizeof(dirty));
    *cpu.rp[1] = 0x55667788;
    CU_ASSERT_EQUAL(run_code(&cpu), CPU_STOP_ERROR_MODE);
    CU_ASSERT_EQUAL(vram[3], 0x88);
    CU_ASSERT_EQUAL(dirty[0], 0);
    CU_ASSERT_EQUAL(dirty[2], 1);

    /* rearmed: the same stores mark their pages again */
    bus_block_rearm(&b, idx);
    CU_ASSERT_EQUAL(run_code(&cpu), CPU_STOP_ERROR_MODE);
    CU_ASSERT(dirty[0] == 1 && dirty[2] == 1);
    CU_ASSERT_EQUAL(dirty_count(dirty), 2);

    /* a bus write (bypass ASI, DMA) and a ranged bus_ram_written mark */
    memset(dirty, 0, sizeof(dirty));
    {
        unsigned wait = 0;
        uint64_t v;
        CU_ASSERT_EQUAL(bus_write(&b, VRAM_BASE + 3 * BUS_PAGE_SIZE, 2,
                                  0xabcd, &wait), BUS_OK);
        CU_ASSERT_EQUAL(bus_read(&b, VRAM_BASE + 3 * BUS_PAGE_SIZE, 2, &v,
                                 &wait), BUS_OK);
        CU_ASSERT_EQUAL(v, 0xabcd);
    }
    CU_ASSERT_EQUAL(dirty[3], 1);
    CU_ASSERT_EQUAL(dirty_count(dirty), 1);
    bus_ram_written(&b, VRAM_BASE + BUS_PAGE_SIZE - 1, 2);
    CU_ASSERT(dirty[0] == 1 && dirty[1] == 1);
    /* past the block's end: clipped, never out of the map */
    bus_ram_written(&b, VRAM_BASE + 3 * BUS_PAGE_SIZE, 1u << 20);
    CU_ASSERT_EQUAL(dirty_count(dirty), 3);

    /* VRAM is not code: a jump there is a fetch from a device */
    p = bus_ram_map(&b, CODE, 8, BUS_MAP_LOAD, &n);
    st_be32(p, SETHI_G2(VRAM_BASE));
    st_be32(p + 4, 0x81c08000u);            /* jmp %g2 */
    st_be32(p + 8, 0x01000000u);            /* nop */
    bus_ram_written(&b, CODE, 12);
    st_be32(vram, OR_G1(7));
    *cpu.rp[1] = 0;
    CU_ASSERT_EQUAL(run_code(&cpu), CPU_STOP_ERROR_MODE);
    CU_ASSERT_NOT_EQUAL(*cpu.rp[1], 7u);
    CU_ASSERT_EQUAL(cpu.pc, VRAM_BASE);
    cpu_free(&cpu);
    bus_free(&b);
}

static const UnitTest tests[] = {
    { "device blocks: VRAM stores mark their pages, rearm, no code",
      test_device_block_dirty },
    { "ram blocks: host address and exact extent", test_map_extent },
    { "ram blocks: a written range drops decoded code",
      test_written_invalidates_code },
};

int main(void)
{
    return UNIT_RUN("bus", NULL, NULL, tests);
}
