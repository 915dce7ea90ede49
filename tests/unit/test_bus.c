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

static const UnitTest tests[] = {
    { "ram blocks: host address and exact extent", test_map_extent },
    { "ram blocks: a written range drops decoded code",
      test_written_invalidates_code },
};

int main(void)
{
    return UNIT_RUN("bus", NULL, NULL, tests);
}
