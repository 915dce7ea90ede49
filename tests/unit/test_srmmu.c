/*
 * Unit tests of the SPARC Reference MMU model (cpu/srmmu.c).
 *
 * Physical memory is a 4 MB byte array; any access beyond it is a bus
 * error.  Page tables are built by hand at fixed places:
 *   context table 0x10000, level 1 0x20000, level 2 0x21000, level 3 0x22000
 * and every other entry of the level 1..3 tables holds a "decoy" PTE to a
 * far-away address, so that a wrong table index shows up as a wrong PA.
 *
 * Built and run by `make check-unit`.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cpu/srmmu.h"
#include "unit.h"

#define MEM_SIZE 0x400000u
#define PROM_BASE 0x70000000ull
#define CTX_TABLE 0x10000u
#define L1_TABLE 0x20000u
#define L2_TABLE 0x21000u
#define L3_TABLE 0x22000u
#define L1_TABLE_B 0x30000u         /* second level-1 table, context 5 */
#define FAR_AWAY 0x08000000u        /* beyond MEM_SIZE: bus error */

/* Test VA: L1 index 0x12, L2 index 0x0d, L3 index 0x05, offset 0x678 */
#define VA_T 0x12345678u
#define VA_T_PAGE 0x12345000u
#define IDX1 0x12u
#define IDX2 0x0du
#define IDX3 0x05u

typedef struct FakeBus {
    uint8_t mem[MEM_SIZE];
    unsigned loads;
    unsigned stores;
} FakeBus;

/* CUnit test functions take no arguments: the fixture is file-scope. */
static FakeBus fb;
static Srmmu mmu;

static int fake_ld32(void *bus, uint64_t pa, uint32_t *val)
{
    FakeBus *b = bus;

    b->loads++;
    if (pa > MEM_SIZE - 4 || (pa & 3) != 0) {
        return -1;
    }
    *val = ((uint32_t)b->mem[pa] << 24) | ((uint32_t)b->mem[pa + 1] << 16) |
           ((uint32_t)b->mem[pa + 2] << 8) | b->mem[pa + 3];
    return 0;
}

static int fake_st32(void *bus, uint64_t pa, uint32_t val)
{
    FakeBus *b = bus;

    b->stores++;
    if (pa > MEM_SIZE - 4 || (pa & 3) != 0) {
        return -1;
    }
    b->mem[pa] = val >> 24;
    b->mem[pa + 1] = val >> 16;
    b->mem[pa + 2] = val >> 8;
    b->mem[pa + 3] = val;
    return 0;
}

static void wr32(uint32_t pa, uint32_t v)
{
    fb.mem[pa] = v >> 24;
    fb.mem[pa + 1] = v >> 16;
    fb.mem[pa + 2] = v >> 8;
    fb.mem[pa + 3] = v;
}

static uint32_t rd32(uint32_t pa)
{
    return ((uint32_t)fb.mem[pa] << 24) | ((uint32_t)fb.mem[pa + 1] << 16) |
           ((uint32_t)fb.mem[pa + 2] << 8) | fb.mem[pa + 3];
}

static uint32_t mk_ptd(uint64_t table_pa)
{
    return (uint32_t)(table_pa >> 4) | SRMMU_ET_PTD;
}

static uint32_t mk_pte(uint64_t pa, unsigned acc, uint32_t flags)
{
    return (uint32_t)((pa >> 12) << 8) | (acc << SRMMU_PTE_ACC_SHIFT) |
           flags | SRMMU_ET_PTE;
}

static uint32_t sfsr_of(unsigned level, unsigned at, unsigned ft)
{
    return (level << 8) | (at << 5) | (ft << 2) | SRMMU_SFSR_FAV;
}

/* Addresses of the table entries the walk of VA_T uses */
#define CTX0_ENT (CTX_TABLE + 0u)
#define L1_ENT (L1_TABLE + IDX1 * 4u)
#define L2_ENT (L2_TABLE + IDX2 * 4u)
#define L3_ENT (L3_TABLE + IDX3 * 4u)

/* Fresh memory with decoys, fresh MMU: enabled, context 0, NF=0, BM=1. */
static void fx_setup(void)
{
    unsigned i;

    memset(&fb, 0, sizeof(fb));
    for (i = 0; i < 256; i++) {
        wr32(L1_TABLE + i * 4, mk_pte((uint64_t)(0x100 + i) << 24, 3, 0));
    }
    for (i = 0; i < 64; i++) {
        wr32(L2_TABLE + i * 4,
             mk_pte(0x200000000ull + i * SRMMU_L2_SIZE, 3, 0));
        wr32(L3_TABLE + i * 4,
             mk_pte(0x300000000ull + i * SRMMU_PAGE_SIZE, 3, 0));
    }
    srmmu_init(&mmu, &fb, fake_ld32, fake_st32, PROM_BASE);
    srmmu_reg_write(&mmu, 0x100, CTX_TABLE >> 4);
    srmmu_reg_write(&mmu, 0x000, mmu.ctrl | SRMMU_CTRL_E);
    fb.loads = 0;
    fb.stores = 0;
}

/* VA_T through a level-3 PTE; returns the PTE's PA. */
static uint32_t map_4k(uint64_t pa, unsigned acc, uint32_t flags)
{
    wr32(CTX0_ENT, mk_ptd(L1_TABLE));
    wr32(L1_ENT, mk_ptd(L2_TABLE));
    wr32(L2_ENT, mk_ptd(L3_TABLE));
    wr32(L3_ENT, mk_pte(pa, acc, flags));
    return L3_ENT;
}

static uint32_t map_256k(uint64_t pa, unsigned acc, uint32_t flags)
{
    wr32(CTX0_ENT, mk_ptd(L1_TABLE));
    wr32(L1_ENT, mk_ptd(L2_TABLE));
    wr32(L2_ENT, mk_pte(pa, acc, flags));
    return L2_ENT;
}

static uint32_t map_16m(uint64_t pa, unsigned acc, uint32_t flags)
{
    wr32(CTX0_ENT, mk_ptd(L1_TABLE));
    wr32(L1_ENT, mk_pte(pa, acc, flags));
    return L1_ENT;
}

/* ------------------------------------------------------------------ */
/* Registers (ASI 4) and reset                                         */

static void test_reset_state(void)
{
    Srmmu m;
    unsigned i, nonzero = 0;

    memset(&m, 0xa5, sizeof(m));
    srmmu_init(&m, &fb, fake_ld32, fake_st32, PROM_BASE);
    CU_ASSERT_EQUAL(m.ctrl, 0x04004000u);
    CU_ASSERT_EQUAL(srmmu_reg_read(&m, 0x000), 0x04004000u);
    CU_ASSERT_EQUAL(m.ctp, 0);
    CU_ASSERT_EQUAL(m.ctx, 0);
    CU_ASSERT_EQUAL(m.sfsr, 0);
    CU_ASSERT_EQUAL(m.sfar, 0);
    for (i = 0; i < SRMMU_NREGS; i++) {
        nonzero += m.aux[i] != 0;
    }
    CU_ASSERT_EQUAL(nonzero, 0);
    CU_ASSERT_EQUAL(m.prom_base, PROM_BASE);
    CU_ASSERT_PTR_EQUAL(m.bus, &fb);
    CU_ASSERT_FALSE(srmmu_enabled(&m));

    /* QEMU's CPU reset: E, NF cleared, BM set, the rest kept */
    srmmu_reg_write(&m, 0x000, 0x00000103u);    /* E, NF, bit 8, BM off */
    srmmu_reg_write(&m, 0x100, 0x1000);
    srmmu_reg_write(&m, 0x200, 7);
    srmmu_reg_write(&m, 0x1300, 0x24);
    CU_ASSERT_TRUE(srmmu_enabled(&m));
    srmmu_soft_reset(&m);
    CU_ASSERT_EQUAL(m.ctrl, 0x04004100u);
    CU_ASSERT_EQUAL(m.ctp, 0x1000u);
    CU_ASSERT_EQUAL(m.ctx, 7u);
    CU_ASSERT_EQUAL(m.sfsr, 0x24u);

    /* Power-on reset clears everything but the identity and BM */
    srmmu_reg_write(&m, 0x0500, 0x1234);
    srmmu_reset(&m);
    CU_ASSERT_EQUAL(srmmu_reg_read(&m, 0x0500), 0);
    CU_ASSERT_EQUAL(m.ctrl, 0x04004000u);
    CU_ASSERT_EQUAL(m.ctp, 0);
    CU_ASSERT_EQUAL(m.ctx, 0);
    CU_ASSERT_EQUAL(m.sfsr, 0);
}

static void test_reg_ctrl(void)
{
    fx_setup();
    /* IMPL/VER are read-only, bits 23..0 writable */
    /* (fx_setup has E on: of E and NF only NF changes here) */
    CU_ASSERT_EQUAL(srmmu_reg_write(&mmu, 0x000, 0xffffffffu), SRMMU_REG_NF);
    CU_ASSERT_EQUAL(srmmu_reg_read(&mmu, 0x000), 0x04ffffffu);
    /* Same value again: no flush */
    CU_ASSERT_EQUAL(srmmu_reg_write(&mmu, 0x000, 0x04ffffffu), 0);
    /* A cache-enable style bit alone: no flush, but stored */
    CU_ASSERT_EQUAL(srmmu_reg_write(&mmu, 0x000, 0x04fffeffu), 0);
    CU_ASSERT_EQUAL(srmmu_reg_read(&mmu, 0x000), 0x04fffeffu);
    /* NF alone is reported as such (the CPU flushes only the mappings
     * that NF silenced faults for); BM and E changes each flush */
    CU_ASSERT_EQUAL(srmmu_reg_write(&mmu, 0x000, 0x04fffefdu), SRMMU_REG_NF);
    CU_ASSERT_EQUAL(srmmu_reg_write(&mmu, 0x000, 0x04ffbefdu),
                    SRMMU_REG_FLUSH);
    CU_ASSERT_EQUAL(srmmu_reg_write(&mmu, 0x000, 0x04ffbefcu),
                    SRMMU_REG_FLUSH);
    CU_ASSERT_EQUAL(mmu.ctrl, 0x04ffbefcu);
    /* Only VA[12:8] selects the register */
    CU_ASSERT_EQUAL(srmmu_reg_read(&mmu, 0x2004), 0x04ffbefcu);
}

static void test_reg_ctp_ctx(void)
{
    fx_setup();
    CU_ASSERT_EQUAL(srmmu_reg_write(&mmu, 0x100, 0xffffffffu), 0);
    CU_ASSERT_EQUAL(srmmu_reg_read(&mmu, 0x100), 0x00ffffc0u);
    CU_ASSERT_EQUAL(srmmu_reg_write(&mmu, 0x200, 0x1ffu), 1);
    CU_ASSERT_EQUAL(srmmu_reg_read(&mmu, 0x200), 0xffu);
    CU_ASSERT_EQUAL(srmmu_reg_write(&mmu, 0x200, 0x0ffu), 0);
    CU_ASSERT_EQUAL(srmmu_reg_write(&mmu, 0x200, 5), 1);
    CU_ASSERT_EQUAL(srmmu_reg_read(&mmu, 0x0204), 5u);
    CU_ASSERT_EQUAL(srmmu_reg_read(&mmu, 0x2200), 5u);
}

static void test_reg_sfsr_sfar(void)
{
    fx_setup();
    /* 0x1300 writes the SFSR through the MB86904 mask */
    CU_ASSERT_EQUAL(srmmu_reg_write(&mmu, 0x1300, 0xffffffffu), 0);
    CU_ASSERT_EQUAL(srmmu_reg_read(&mmu, 0x1300), 0x00016fffu);
    CU_ASSERT_EQUAL(srmmu_reg_read(&mmu, 0x1300), 0x00016fffu);
    /* 0x300 reads and clears */
    CU_ASSERT_EQUAL(srmmu_reg_read(&mmu, 0x300), 0x00016fffu);
    CU_ASSERT_EQUAL(srmmu_reg_read(&mmu, 0x300), 0);
    CU_ASSERT_EQUAL(srmmu_reg_read(&mmu, 0x1300), 0);
    /* Stores to 0x300 and 0x400 are ignored */
    srmmu_reg_write(&mmu, 0x300, 0x1234);
    CU_ASSERT_EQUAL(mmu.sfsr, 0);
    srmmu_reg_write(&mmu, 0x400, 0x5678);
    CU_ASSERT_EQUAL(mmu.sfar, 0);
    /* 0x1400 writes the SFAR; neither SFAR address clears it */
    srmmu_reg_write(&mmu, 0x1400, 0xdeadbeefu);
    CU_ASSERT_EQUAL(srmmu_reg_read(&mmu, 0x400), 0xdeadbeefu);
    CU_ASSERT_EQUAL(srmmu_reg_read(&mmu, 0x1400), 0xdeadbeefu);
    CU_ASSERT_EQUAL(srmmu_reg_read(&mmu, 0x400), 0xdeadbeefu);
}

static void test_reg_other(void)
{
    fx_setup();
    srmmu_reg_write(&mmu, 0x1000, 0xffffffffu);         /* TRCR */
    CU_ASSERT_EQUAL(srmmu_reg_read(&mmu, 0x1000), 0x00ffffffu);
    srmmu_reg_write(&mmu, 0x0500, 0xdeadbeefu);
    CU_ASSERT_EQUAL(srmmu_reg_read(&mmu, 0x0500), 0xdeadbeefu);
    srmmu_reg_write(&mmu, 0x1f00, 0x12345678u);
    CU_ASSERT_EQUAL(srmmu_reg_read(&mmu, 0x1f00), 0x12345678u);
    /* None of that reached the real registers */
    CU_ASSERT_EQUAL(mmu.ctrl, 0x04004001u);
    CU_ASSERT_EQUAL(mmu.ctp, CTX_TABLE >> 4);
    CU_ASSERT_EQUAL(mmu.ctx, 0);
    CU_ASSERT_EQUAL(mmu.sfsr, 0);
    CU_ASSERT_EQUAL(mmu.sfar, 0);
}

/* ------------------------------------------------------------------ */
/* MMU off and boot mode                                               */

static void test_mmu_off(void)
{
    MmuResult r;
    int acc;

    fx_setup();
    srmmu_reg_write(&mmu, 0x000, 0x04000000u);          /* E=0, BM=0 */
    srmmu_reg_write(&mmu, 0x100, 0x00ffffc0u);          /* garbage CTP */
    for (acc = MMU_ACC_FETCH; acc <= MMU_ACC_WRITE; acc++) {
        memset(&r, 0, sizeof(r));
        CU_ASSERT_EQUAL(srmmu_translate(&mmu, 0xf0001234u, acc, 0, &r),
                        SRMMU_OK);
        CU_ASSERT_EQUAL(r.pa, 0xf0001234u);
        CU_ASSERT_EQUAL(r.prot, MMU_PROT_RWX);
        CU_ASSERT_EQUAL(r.page_size, SRMMU_PAGE_SIZE);
    }
    CU_ASSERT_EQUAL(fb.loads, 0);
    CU_ASSERT_EQUAL(fb.stores, 0);
    CU_ASSERT_EQUAL(mmu.sfsr, 0);
}

static void test_boot_mode(void)
{
    MmuResult r;

    fx_setup();
    srmmu_reg_write(&mmu, 0x000, 0x04004000u);          /* E=0, BM=1 */
    CU_ASSERT_EQUAL(srmmu_translate(&mmu, 0x10, MMU_ACC_FETCH, 1, &r),
                    SRMMU_OK);
    CU_ASSERT_EQUAL(r.pa, 0x70000010u);
    CU_ASSERT_EQUAL(r.prot, MMU_PROT_READ | MMU_PROT_EXEC);
    srmmu_translate(&mmu, 0xffd12345u, MMU_ACC_FETCH, 1, &r);
    CU_ASSERT_EQUAL(r.pa, 0x70012345u);
    /* Only 512 KB of PROM: VA bit 19 and up are dropped */
    srmmu_translate(&mmu, 0x00080004u, MMU_ACC_FETCH, 1, &r);
    CU_ASSERT_EQUAL(r.pa, 0x70000004u);
    /* Data accesses are PA = VA */
    CU_ASSERT_EQUAL(srmmu_translate(&mmu, 0x10, MMU_ACC_READ, 1, &r),
                    SRMMU_OK);
    CU_ASSERT_EQUAL(r.pa, 0x10u);
    CU_ASSERT_EQUAL(r.prot, MMU_PROT_RWX);
    srmmu_translate(&mmu, 0x2000, MMU_ACC_WRITE, 1, &r);
    CU_ASSERT_EQUAL(r.pa, 0x2000u);
    /* BM off: fetches are PA = VA too */
    srmmu_reg_write(&mmu, 0x000, 0x04000000u);
    srmmu_translate(&mmu, 0x10, MMU_ACC_FETCH, 1, &r);
    CU_ASSERT_EQUAL(r.pa, 0x10u);
    /* E=1 wins over BM: the fetch goes through the tables */
    map_4k(0x333000, 3, 0);
    srmmu_reg_write(&mmu, 0x000, 0x04004001u);
    CU_ASSERT_EQUAL(srmmu_translate(&mmu, VA_T, MMU_ACC_FETCH, 1, &r),
                    SRMMU_OK);
    CU_ASSERT_EQUAL(r.pa, 0x333678u);
}

/* ------------------------------------------------------------------ */
/* Table walk                                                          */

static void test_walk_4k(void)
{
    MmuResult r;
    uint32_t ent;

    fx_setup();
    ent = map_4k(0x333000, 3, 0);
    CU_ASSERT_EQUAL(srmmu_translate(&mmu, VA_T, MMU_ACC_READ, 1, &r),
                    SRMMU_OK);
    CU_ASSERT_EQUAL(r.pa, 0x333678u);
    CU_ASSERT_EQUAL(r.page_size, SRMMU_PAGE_SIZE);
    CU_ASSERT_EQUAL(rd32(ent), mk_pte(0x333000, 3, SRMMU_PTE_R));
    CU_ASSERT_EQUAL(fb.loads, 4);
    /* The neighbouring page takes the neighbouring level-3 decoy */
    srmmu_translate(&mmu, VA_T + 0x1000, MMU_ACC_READ, 1, &r);
    CU_ASSERT_EQUAL(r.pa, 0x300000000ull + (IDX3 + 1) * 0x1000 + 0x678);
}

static void test_walk_256k(void)
{
    MmuResult r;
    uint32_t ent;

    fx_setup();
    ent = map_256k(0x240000, 3, 0);
    CU_ASSERT_EQUAL(srmmu_translate(&mmu, VA_T, MMU_ACC_READ, 1, &r),
                    SRMMU_OK);
    CU_ASSERT_EQUAL(r.pa, 0x245678u);
    CU_ASSERT_EQUAL(r.page_size, SRMMU_L2_SIZE);
    CU_ASSERT_EQUAL(rd32(ent), mk_pte(0x240000, 3, SRMMU_PTE_R));
    CU_ASSERT_EQUAL(fb.loads, 3);
    srmmu_translate(&mmu, VA_T - 0x40000, MMU_ACC_READ, 1, &r);
    CU_ASSERT_EQUAL(r.pa, 0x200000000ull + (IDX2 - 1) * 0x40000 + 0x5678);
}

static void test_walk_16m(void)
{
    MmuResult r;
    uint32_t ent;

    fx_setup();
    ent = map_16m(0x01000000, 3, 0);
    CU_ASSERT_EQUAL(srmmu_translate(&mmu, VA_T, MMU_ACC_READ, 1, &r),
                    SRMMU_OK);
    CU_ASSERT_EQUAL(r.pa, 0x01345678u);
    CU_ASSERT_EQUAL(r.page_size, SRMMU_L1_SIZE);
    CU_ASSERT_EQUAL(rd32(ent), mk_pte(0x01000000, 3, SRMMU_PTE_R));
    CU_ASSERT_EQUAL(fb.loads, 2);
    srmmu_translate(&mmu, 0xff000010u, MMU_ACC_READ, 1, &r);
    CU_ASSERT_EQUAL(r.pa, (0x1ffull << 24) + 0x10);
}

static void test_walk_36bit_pa(void)
{
    MmuResult r;

    fx_setup();
    map_4k(0xf12345000ull, 3, 0);
    srmmu_translate(&mmu, VA_T, MMU_ACC_READ, 1, &r);
    CU_ASSERT_EQUAL(r.pa, 0xf12345678ull);
}

static void test_walk_misaligned_large(void)
{
    MmuResult r;

    /* QEMU adds the offset to a 16 MB PTE whose low PPN bits are set */
    fx_setup();
    map_16m(0x00101000, 3, 0);
    srmmu_translate(&mmu, VA_T, MMU_ACC_READ, 1, &r);
    CU_ASSERT_EQUAL(r.pa, 0x00101000u + 0x00345678u);
}

static void test_context_select(void)
{
    MmuResult r;

    fx_setup();
    map_16m(0x01000000, 3, 0);
    wr32(CTX_TABLE + 5 * 4, mk_ptd(L1_TABLE_B));
    wr32(L1_TABLE_B + IDX1 * 4, mk_pte(0x05000000, 3, 0));
    srmmu_translate(&mmu, VA_T, MMU_ACC_READ, 1, &r);
    CU_ASSERT_EQUAL(r.pa, 0x01345678u);
    srmmu_reg_write(&mmu, 0x200, 5);
    CU_ASSERT_EQUAL(srmmu_translate(&mmu, VA_T, MMU_ACC_READ, 1, &r),
                    SRMMU_OK);
    CU_ASSERT_EQUAL(r.pa, 0x05345678u);
    /* Context 6 has no table: invalid at level 0 */
    srmmu_reg_write(&mmu, 0x200, 6);
    CU_ASSERT_EQUAL(srmmu_translate(&mmu, VA_T, MMU_ACC_READ, 1, &r),
                    SRMMU_FAULT);
    CU_ASSERT_EQUAL(mmu.sfsr, sfsr_of(0, SRMMU_AT_LD_SUPER_DATA, 1));
}

/* ------------------------------------------------------------------ */
/* ACC x mode x access                                                 */

/* Expected FT, [acc][super][read, write, fetch] (V8 H.2.3) */
static const unsigned acc_ft[8][2][3] = {
    { { 0, 2, 2 }, { 0, 2, 2 } },
    { { 0, 0, 2 }, { 0, 0, 2 } },
    { { 0, 2, 0 }, { 0, 2, 0 } },
    { { 0, 0, 0 }, { 0, 0, 0 } },
    { { 2, 2, 0 }, { 2, 2, 0 } },
    { { 0, 2, 2 }, { 0, 0, 2 } },
    { { 3, 3, 3 }, { 0, 2, 0 } },
    { { 3, 3, 3 }, { 0, 0, 0 } },
};

/* Permissions, [acc][super]: R=1 W=2 X=4 */
static const unsigned acc_perm[8][2] = {
    { 1, 1 }, { 3, 3 }, { 5, 5 }, { 7, 7 },
    { 4, 4 }, { 1, 3 }, { 0, 5 }, { 0, 7 },
};

static void test_acc_table(void)
{
    static const int accs[3] = { MMU_ACC_READ, MMU_ACC_WRITE, MMU_ACC_FETCH };
    static const unsigned at_base[3] = { 0, 4, 2 };
    unsigned acc, super, k, rows = 0;

    for (acc = 0; acc < 8; acc++) {
        for (super = 0; super < 2; super++) {
            for (k = 0; k < 3; k++) {
                unsigned before = CU_get_number_of_failures();
                unsigned ft = acc_ft[acc][super][k];
                int write = accs[k] == MMU_ACC_WRITE;
                uint32_t pte = mk_pte(0x333000, acc, 0);
                MmuResult r;
                int rc;

                fx_setup();
                map_4k(0x333000, acc, 0);
                rc = srmmu_translate(&mmu, VA_T, accs[k], super, &r);
                if (ft == 0) {
                    unsigned prot = acc_perm[acc][super];

                    CU_ASSERT_EQUAL(rc, SRMMU_OK);
                    CU_ASSERT_EQUAL(r.pa, 0x333678u);
                    CU_ASSERT_EQUAL(r.prot, write ? prot : (prot & ~2u));
                    CU_ASSERT_EQUAL(rd32(L3_ENT), pte | SRMMU_PTE_R |
                                    (write ? SRMMU_PTE_M : 0));
                    CU_ASSERT_EQUAL(mmu.sfsr, 0);
                } else {
                    CU_ASSERT_EQUAL(rc, SRMMU_FAULT);
                    CU_ASSERT_EQUAL(mmu.sfsr,
                                    sfsr_of(0, at_base[k] | super, ft));
                    CU_ASSERT_EQUAL(mmu.sfar, VA_T_PAGE);
                    CU_ASSERT_EQUAL(rd32(L3_ENT), pte);
                    CU_ASSERT_EQUAL(r.pa, SRMMU_PA_NOWHERE + 0x678);
                    CU_ASSERT_EQUAL(r.prot, MMU_PROT_RWX);
                }
                if (CU_get_number_of_failures() != before) {
                    printf("\n  acc_table row: ACC %u %s access %d\n", acc,
                           super ? "super" : "user", accs[k]);
                }
                rows++;
            }
        }
    }
    CU_ASSERT_EQUAL(rows, 48);
}

static void test_protection_fault(void)
{
    MmuResult r;

    fx_setup();
    map_4k(0x333000, 5, 0);                 /* user R, super RW */
    CU_ASSERT_EQUAL(srmmu_translate(&mmu, VA_T, MMU_ACC_WRITE, 0, &r),
                    SRMMU_FAULT);
    CU_ASSERT_EQUAL(mmu.sfsr, sfsr_of(0, SRMMU_AT_ST_USER_DATA, 2));
    CU_ASSERT_EQUAL(mmu.sfar, VA_T_PAGE);
    CU_ASSERT_EQUAL(fb.stores, 0);
    /* The same store from supervisor mode is fine */
    srmmu_reg_read(&mmu, 0x300);
    CU_ASSERT_EQUAL(srmmu_translate(&mmu, VA_T, MMU_ACC_WRITE, 1, &r),
                    SRMMU_OK);
    CU_ASSERT_EQUAL(mmu.sfsr, 0);
}

static void test_privilege_fault(void)
{
    MmuResult r;

    fx_setup();
    map_16m(0x01000000, 7, 0);              /* supervisor RWX only */
    CU_ASSERT_EQUAL(srmmu_translate(&mmu, VA_T, MMU_ACC_FETCH, 0, &r),
                    SRMMU_FAULT);
    CU_ASSERT_EQUAL(mmu.sfsr, sfsr_of(0, SRMMU_AT_LD_USER_INSN, 3));
    CU_ASSERT_EQUAL(mmu.sfar, VA_T_PAGE);
    CU_ASSERT_EQUAL(rd32(L1_ENT), mk_pte(0x01000000, 7, 0));
}

/* ------------------------------------------------------------------ */
/* Referenced / modified                                               */

static void test_rm_updates(void)
{
    MmuResult r;
    uint32_t ent;

    fx_setup();
    ent = map_4k(0x333000, 3, 0);
    /* A load sets R only; WRITE is held back until M is set */
    srmmu_translate(&mmu, VA_T, MMU_ACC_READ, 1, &r);
    CU_ASSERT_EQUAL(rd32(ent), mk_pte(0x333000, 3, SRMMU_PTE_R));
    CU_ASSERT_EQUAL(r.prot, MMU_PROT_READ | MMU_PROT_EXEC);
    CU_ASSERT_EQUAL(fb.stores, 1);
    /* Nothing left to set: no write-back */
    srmmu_translate(&mmu, VA_T, MMU_ACC_READ, 1, &r);
    CU_ASSERT_EQUAL(fb.stores, 1);
    /* A store sets M */
    srmmu_translate(&mmu, VA_T, MMU_ACC_WRITE, 1, &r);
    CU_ASSERT_EQUAL(rd32(ent),
                    mk_pte(0x333000, 3, SRMMU_PTE_R | SRMMU_PTE_M));
    CU_ASSERT_EQUAL(r.prot, MMU_PROT_RWX);
    CU_ASSERT_EQUAL(fb.stores, 2);
    /* Now a load also grants WRITE, without a write-back */
    srmmu_translate(&mmu, VA_T, MMU_ACC_READ, 1, &r);
    CU_ASSERT_EQUAL(r.prot, MMU_PROT_RWX);
    srmmu_translate(&mmu, VA_T, MMU_ACC_WRITE, 1, &r);
    CU_ASSERT_EQUAL(fb.stores, 2);

    /* A fetch sets R; a first store on a clean page sets R and M at once */
    fx_setup();
    ent = map_256k(0x240000, 2, 0);
    srmmu_translate(&mmu, VA_T, MMU_ACC_FETCH, 0, &r);
    CU_ASSERT_EQUAL(rd32(ent), mk_pte(0x240000, 2, SRMMU_PTE_R));
    fx_setup();
    ent = map_16m(0x01000000, 1, 0);
    srmmu_translate(&mmu, VA_T, MMU_ACC_WRITE, 0, &r);
    CU_ASSERT_EQUAL(rd32(ent),
                    mk_pte(0x01000000, 1, SRMMU_PTE_R | SRMMU_PTE_M));
    CU_ASSERT_EQUAL(fb.stores, 1);
    /* M already set but R clear: a load sets R and keeps M and C */
    fx_setup();
    ent = map_4k(0x333000, 1, SRMMU_PTE_M | SRMMU_PTE_C);
    srmmu_translate(&mmu, VA_T, MMU_ACC_READ, 0, &r);
    CU_ASSERT_EQUAL(rd32(ent), mk_pte(0x333000, 1, SRMMU_PTE_M |
                                      SRMMU_PTE_C | SRMMU_PTE_R));
    CU_ASSERT_EQUAL(r.prot, MMU_PROT_READ | MMU_PROT_WRITE);
}

/* ------------------------------------------------------------------ */
/* Invalid, reserved and unreadable entries                            */

static const uint32_t level_ent[4] = { CTX0_ENT, L1_ENT, L2_ENT, L3_ENT };

static void test_invalid_each_level(void)
{
    static const int accs[4] = {
        MMU_ACC_FETCH, MMU_ACC_WRITE, MMU_ACC_WRITE, MMU_ACC_FETCH
    };
    static const int supers[4] = { 1, 0, 1, 0 };
    static const unsigned ats[4] = {
        SRMMU_AT_LD_SUPER_INSN, SRMMU_AT_ST_USER_DATA,
        SRMMU_AT_ST_SUPER_DATA, SRMMU_AT_LD_USER_INSN
    };
    unsigned level;

    for (level = 0; level < 4; level++) {
        MmuResult r;

        fx_setup();
        map_4k(0x333000, 3, 0);
        wr32(level_ent[level], 0);
        CU_ASSERT_EQUAL(srmmu_translate(&mmu, VA_T, accs[level],
                                        supers[level], &r), SRMMU_FAULT);
        CU_ASSERT_EQUAL(mmu.sfsr, sfsr_of(level, ats[level], 1));
        CU_ASSERT_EQUAL(mmu.sfar, VA_T_PAGE);
        CU_ASSERT_EQUAL(fb.loads, level + 1);
        CU_ASSERT_EQUAL(fb.stores, 0);
    }
}

static void test_reserved_each_level(void)
{
    unsigned level;

    for (level = 0; level < 4; level++) {
        MmuResult r;

        fx_setup();
        map_4k(0x333000, 3, 0);
        wr32(level_ent[level], 0x00001233u);        /* ET = 3 */
        CU_ASSERT_EQUAL(srmmu_translate(&mmu, VA_T, MMU_ACC_READ, 0, &r),
                        SRMMU_FAULT);
        CU_ASSERT_EQUAL(mmu.sfsr,
                        sfsr_of(level, SRMMU_AT_LD_USER_DATA, 4));
    }
}

static void test_wrong_type_entries(void)
{
    MmuResult r;

    /* A PTE in the context table: translation error at level 0 (QEMU) */
    fx_setup();
    wr32(CTX0_ENT, mk_pte(0, 3, 0));
    CU_ASSERT_EQUAL(srmmu_translate(&mmu, VA_T, MMU_ACC_READ, 1, &r),
                    SRMMU_FAULT);
    CU_ASSERT_EQUAL(mmu.sfsr, sfsr_of(0, SRMMU_AT_LD_SUPER_DATA, 4));
    /* A PTD at level 3: translation error at level 3 */
    fx_setup();
    map_4k(0x333000, 3, 0);
    wr32(L3_ENT, mk_ptd(L3_TABLE));
    CU_ASSERT_EQUAL(srmmu_translate(&mmu, VA_T, MMU_ACC_READ, 1, &r),
                    SRMMU_FAULT);
    CU_ASSERT_EQUAL(mmu.sfsr, sfsr_of(3, SRMMU_AT_LD_SUPER_DATA, 4));
}

static void test_bus_error_walk(void)
{
    unsigned level;

    for (level = 0; level < 4; level++) {
        MmuResult r;

        fx_setup();
        map_4k(0x333000, 3, 0);
        if (level == 0) {
            srmmu_reg_write(&mmu, 0x100, FAR_AWAY >> 4);
        } else {
            /* The PTD one level up points outside memory */
            wr32(level_ent[level - 1], mk_ptd(FAR_AWAY));
        }
        CU_ASSERT_EQUAL(srmmu_translate(&mmu, VA_T, MMU_ACC_WRITE, 1, &r),
                        SRMMU_FAULT);
        CU_ASSERT_EQUAL(mmu.sfsr,
                        sfsr_of(level, SRMMU_AT_ST_SUPER_DATA, 4));
        CU_ASSERT_EQUAL(fb.stores, 0);
    }
}

/* ------------------------------------------------------------------ */
/* SFSR clearing and overwrite                                         */

static void test_sfsr_read_clear_and_ow(void)
{
    MmuResult r;
    uint32_t first, second;

    fx_setup();
    map_4k(0x333000, 6, 0);                 /* supervisor RX */
    wr32(L1_TABLE + 0x40 * 4, 0);           /* VA 0x40000000: invalid */

    srmmu_translate(&mmu, 0x40000abcu, MMU_ACC_READ, 0, &r);
    first = sfsr_of(1, SRMMU_AT_LD_USER_DATA, 1);
    CU_ASSERT_EQUAL(mmu.sfsr, first);
    CU_ASSERT_EQUAL(mmu.sfar, 0x40000000u);
    /* 0x1300 does not clear, so the next fault overwrites */
    CU_ASSERT_EQUAL(srmmu_reg_read(&mmu, 0x1300), first);

    /* Second fault before the SFSR was read: old fields lost, OW set */
    srmmu_translate(&mmu, VA_T, MMU_ACC_WRITE, 1, &r);
    second = sfsr_of(0, SRMMU_AT_ST_SUPER_DATA, 2);
    CU_ASSERT_EQUAL(mmu.sfsr, second | SRMMU_SFSR_OW);
    CU_ASSERT_EQUAL(mmu.sfar, VA_T_PAGE);

    /* Reading 0x300 returns it and clears it */
    CU_ASSERT_EQUAL(srmmu_reg_read(&mmu, 0x300), second | SRMMU_SFSR_OW);
    CU_ASSERT_EQUAL(srmmu_reg_read(&mmu, 0x300), 0);
    /* SFAR survives the read */
    CU_ASSERT_EQUAL(srmmu_reg_read(&mmu, 0x400), VA_T_PAGE);

    /* After the read, a new fault has no OW */
    srmmu_translate(&mmu, VA_T, MMU_ACC_READ, 0, &r);
    CU_ASSERT_EQUAL(mmu.sfsr, sfsr_of(0, SRMMU_AT_LD_USER_DATA, 3));
}

/* ------------------------------------------------------------------ */
/* No-fault mode                                                       */

static void test_nf_mode(void)
{
    MmuResult r;

    /* Invalid entry: recorded, no trap, nowhere mapping */
    fx_setup();
    srmmu_reg_write(&mmu, 0x000, mmu.ctrl | SRMMU_CTRL_NF);
    map_4k(0x333000, 3, 0);
    wr32(L2_ENT, 0);
    CU_ASSERT_EQUAL(srmmu_translate(&mmu, VA_T, MMU_ACC_READ, 1, &r),
                    SRMMU_FAULT_NF);
    CU_ASSERT_EQUAL(mmu.sfsr, sfsr_of(2, SRMMU_AT_LD_SUPER_DATA, 1));
    CU_ASSERT_EQUAL(mmu.sfar, VA_T_PAGE);
    CU_ASSERT_EQUAL(r.pa, SRMMU_PA_NOWHERE + 0x678);
    CU_ASSERT(r.pa >= SRMMU_PA_LIMIT);
    CU_ASSERT_EQUAL(r.prot, MMU_PROT_RWX);
    CU_ASSERT_EQUAL(r.page_size, SRMMU_PAGE_SIZE);

    /* QEMU: user protection fault under NF still maps the real page */
    fx_setup();
    srmmu_reg_write(&mmu, 0x000, mmu.ctrl | SRMMU_CTRL_NF);
    map_256k(0x240000, 5, 0);               /* user R only */
    CU_ASSERT_EQUAL(srmmu_translate(&mmu, VA_T, MMU_ACC_WRITE, 0, &r),
                    SRMMU_FAULT_NF);
    CU_ASSERT_EQUAL(mmu.sfsr, sfsr_of(0, SRMMU_AT_ST_USER_DATA, 2));
    CU_ASSERT_EQUAL(r.pa, 0x245678u);
    CU_ASSERT_EQUAL(r.prot, MMU_PROT_RWX);
    CU_ASSERT_EQUAL(r.page_size, SRMMU_PAGE_SIZE);
    CU_ASSERT_EQUAL(rd32(L2_ENT),
                    mk_pte(0x240000, 5, SRMMU_PTE_R | SRMMU_PTE_M));

    /* Supervisor protection fault under NF: nowhere, PTE untouched */
    fx_setup();
    srmmu_reg_write(&mmu, 0x000, mmu.ctrl | SRMMU_CTRL_NF);
    map_4k(0x333000, 0, 0);                 /* read only */
    CU_ASSERT_EQUAL(srmmu_translate(&mmu, VA_T, MMU_ACC_WRITE, 1, &r),
                    SRMMU_FAULT_NF);
    CU_ASSERT_EQUAL(mmu.sfsr, sfsr_of(0, SRMMU_AT_ST_SUPER_DATA, 2));
    CU_ASSERT_EQUAL(r.pa, SRMMU_PA_NOWHERE + 0x678);
    CU_ASSERT_EQUAL(rd32(L3_ENT), mk_pte(0x333000, 0, 0));

    /* The same user fault without NF traps and leaves the PTE alone */
    fx_setup();
    map_256k(0x240000, 5, 0);
    CU_ASSERT_EQUAL(srmmu_translate(&mmu, VA_T, MMU_ACC_WRITE, 0, &r),
                    SRMMU_FAULT);
    CU_ASSERT_EQUAL(r.pa, SRMMU_PA_NOWHERE + 0x678);
    CU_ASSERT_EQUAL(rd32(L2_ENT), mk_pte(0x240000, 5, 0));

    /* A good access under NF is a normal translation */
    fx_setup();
    srmmu_reg_write(&mmu, 0x000, mmu.ctrl | SRMMU_CTRL_NF);
    map_4k(0x333000, 3, 0);
    CU_ASSERT_EQUAL(srmmu_translate(&mmu, VA_T, MMU_ACC_READ, 0, &r),
                    SRMMU_OK);
    CU_ASSERT_EQUAL(r.prot, MMU_PROT_READ | MMU_PROT_EXEC);
    CU_ASSERT_EQUAL(mmu.sfsr, 0);
}

/* ------------------------------------------------------------------ */
/* Probe and flush (ASI 3)                                             */

static void test_probe_types(void)
{
    uint32_t pte = mk_pte(0x333000, 3, 0);

    fx_setup();
    map_4k(0x333000, 3, 0);
    CU_ASSERT_EQUAL(srmmu_probe(&mmu, VA_T_PAGE | 0x000), pte);
    CU_ASSERT_EQUAL(srmmu_probe(&mmu, VA_T_PAGE | 0x100), mk_ptd(L3_TABLE));
    CU_ASSERT_EQUAL(srmmu_probe(&mmu, VA_T_PAGE | 0x200), mk_ptd(L2_TABLE));
    CU_ASSERT_EQUAL(srmmu_probe(&mmu, VA_T_PAGE | 0x300), mk_ptd(L1_TABLE));
    CU_ASSERT_EQUAL(srmmu_probe(&mmu, VA_T_PAGE | 0x400), pte);
    CU_ASSERT_EQUAL(srmmu_probe(&mmu, VA_T_PAGE | 0x500), 0);
    CU_ASSERT_EQUAL(srmmu_probe(&mmu, VA_T_PAGE | 0xf00), 0);
    /* Low VA bits other than the type are ignored */
    CU_ASSERT_EQUAL(srmmu_probe(&mmu, VA_T_PAGE | 0x4fc), pte);
    /* The next page gets its own (decoy) entry */
    CU_ASSERT_EQUAL(srmmu_probe(&mmu, (VA_T_PAGE + 0x1000) | 0x400),
                    mk_pte(0x300000000ull + (IDX3 + 1) * 0x1000, 3, 0));
    /* No side effects: no R bit, no SFSR, works with the MMU off */
    CU_ASSERT_EQUAL(fb.stores, 0);
    CU_ASSERT_EQUAL(rd32(L3_ENT), pte);
    CU_ASSERT_EQUAL(mmu.sfsr, 0);
    srmmu_reg_write(&mmu, 0x000, 0x04004000u);
    CU_ASSERT_EQUAL(srmmu_probe(&mmu, VA_T_PAGE | 0x400), pte);
}

static void test_probe_large(void)
{
    uint32_t pte16 = mk_pte(0x01000000, 3, 0);
    uint32_t pte256 = mk_pte(0x240000, 3, 0);

    /* 16 MB PTE: every type but context returns it */
    fx_setup();
    map_16m(0x01000000, 3, 0);
    CU_ASSERT_EQUAL(srmmu_probe(&mmu, VA_T_PAGE | 0x000), pte16);
    CU_ASSERT_EQUAL(srmmu_probe(&mmu, VA_T_PAGE | 0x100), pte16);
    CU_ASSERT_EQUAL(srmmu_probe(&mmu, VA_T_PAGE | 0x200), pte16);
    CU_ASSERT_EQUAL(srmmu_probe(&mmu, VA_T_PAGE | 0x300), mk_ptd(L1_TABLE));
    CU_ASSERT_EQUAL(srmmu_probe(&mmu, VA_T_PAGE | 0x400), pte16);

    /* 256 KB PTE */
    fx_setup();
    map_256k(0x240000, 3, 0);
    CU_ASSERT_EQUAL(srmmu_probe(&mmu, VA_T_PAGE | 0x000), pte256);
    CU_ASSERT_EQUAL(srmmu_probe(&mmu, VA_T_PAGE | 0x100), pte256);
    CU_ASSERT_EQUAL(srmmu_probe(&mmu, VA_T_PAGE | 0x200), mk_ptd(L2_TABLE));
    CU_ASSERT_EQUAL(srmmu_probe(&mmu, VA_T_PAGE | 0x400), pte256);
}

static void test_probe_invalid(void)
{
    /* Invalid level-3 entry: only the types stopping above it see one */
    fx_setup();
    map_4k(0x333000, 3, 0);
    wr32(L3_ENT, 0);
    CU_ASSERT_EQUAL(srmmu_probe(&mmu, VA_T_PAGE | 0x000), 0);
    CU_ASSERT_EQUAL(srmmu_probe(&mmu, VA_T_PAGE | 0x400), 0);
    CU_ASSERT_EQUAL(srmmu_probe(&mmu, VA_T_PAGE | 0x100), mk_ptd(L3_TABLE));

    /* Reserved level-1 entry */
    wr32(L1_ENT, 0x00000003u);
    CU_ASSERT_EQUAL(srmmu_probe(&mmu, VA_T_PAGE | 0x200), 0);
    CU_ASSERT_EQUAL(srmmu_probe(&mmu, VA_T_PAGE | 0x400), 0);
    CU_ASSERT_EQUAL(srmmu_probe(&mmu, VA_T_PAGE | 0x300), mk_ptd(L1_TABLE));

    /* PTE in the context table: 0 for every type (QEMU) */
    wr32(CTX0_ENT, mk_pte(0, 3, 0));
    CU_ASSERT_EQUAL(srmmu_probe(&mmu, VA_T_PAGE | 0x300), 0);
    CU_ASSERT_EQUAL(srmmu_probe(&mmu, VA_T_PAGE | 0x400), 0);

    /* Unreadable table */
    fx_setup();
    map_4k(0x333000, 3, 0);
    wr32(L2_ENT, mk_ptd(FAR_AWAY));
    CU_ASSERT_EQUAL(srmmu_probe(&mmu, VA_T_PAGE | 0x400), 0);
    CU_ASSERT_EQUAL(srmmu_probe(&mmu, VA_T_PAGE | 0x100), mk_ptd(FAR_AWAY));
    CU_ASSERT_EQUAL(mmu.sfsr, 0);
}

static void test_flush_decode(void)
{
    fx_setup();
    CU_ASSERT_EQUAL(srmmu_flush(&mmu, VA_T_PAGE | 0x000), SRMMU_FLUSH_PAGE);
    CU_ASSERT_EQUAL(srmmu_flush(&mmu, VA_T_PAGE | 0x100), SRMMU_FLUSH_ALL);
    CU_ASSERT_EQUAL(srmmu_flush(&mmu, VA_T_PAGE | 0x200), SRMMU_FLUSH_ALL);
    CU_ASSERT_EQUAL(srmmu_flush(&mmu, VA_T_PAGE | 0x300), SRMMU_FLUSH_ALL);
    CU_ASSERT_EQUAL(srmmu_flush(&mmu, 0x400), SRMMU_FLUSH_ALL);
    CU_ASSERT_EQUAL(srmmu_flush(&mmu, 0x500), SRMMU_FLUSH_NONE);
    CU_ASSERT_EQUAL(srmmu_flush(&mmu, 0xf00), SRMMU_FLUSH_NONE);
}

/* ------------------------------------------------------------------ */
/* Access errors from the bus, debug translation                       */

static void test_bus_fault(void)
{
    unsigned ret;

    /* MMU on, NF=0: data load by the supervisor traps */
    fx_setup();
    ret = srmmu_bus_fault(&mmu, 0x12345678u, MMU_ACC_READ, 1, 0);
    CU_ASSERT_EQUAL(ret, SRMMU_BUSF_TRAP);
    CU_ASSERT_EQUAL(mmu.sfsr, sfsr_of(0, SRMMU_AT_LD_SUPER_DATA, 5));
    CU_ASSERT_EQUAL(mmu.sfar, 0x12345678u);
    /* Another one before the SFSR is read: replaced, OW */
    ret = srmmu_bus_fault(&mmu, 0x2000, MMU_ACC_WRITE, 0, 1);
    CU_ASSERT_EQUAL(ret, SRMMU_BUSF_TRAP);
    CU_ASSERT_EQUAL(mmu.sfsr, sfsr_of(0, SRMMU_AT_ST_USER_DATA, 5) |
                    SRMMU_SFSR_ASI | SRMMU_SFSR_OW);
    CU_ASSERT_EQUAL(mmu.sfar, 0x2000u);

    /* A pending translation fault is kept; only OW is added */
    srmmu_reg_read(&mmu, 0x300);
    srmmu_reg_write(&mmu, 0x1300, sfsr_of(2, 1, 1));
    srmmu_reg_write(&mmu, 0x1400, 0x40000000u);
    srmmu_bus_fault(&mmu, 0x3000, MMU_ACC_READ, 1, 0);
    CU_ASSERT_EQUAL(mmu.sfsr, sfsr_of(2, 1, 1) | SRMMU_SFSR_OW);
    CU_ASSERT_EQUAL(mmu.sfar, 0x40000000u);

    /* A fetch writes SFAR too, with FAV (V8 H.3.5; QEMU leaves it) */
    srmmu_reg_read(&mmu, 0x300);
    srmmu_bus_fault(&mmu, 0x4004, MMU_ACC_FETCH, 1, 0);
    CU_ASSERT_EQUAL(mmu.sfsr, sfsr_of(0, SRMMU_AT_LD_SUPER_INSN, 5));
    CU_ASSERT_EQUAL(mmu.sfar, 0x4004u);

    /* MMU off: recorded, no trap */
    fx_setup();
    srmmu_reg_write(&mmu, 0x000, 0x04004000u);
    ret = srmmu_bus_fault(&mmu, 0x5000, MMU_ACC_READ, 1, 0);
    CU_ASSERT_EQUAL(ret, 0);
    CU_ASSERT_EQUAL(mmu.sfsr, sfsr_of(0, SRMMU_AT_LD_SUPER_DATA, 5));

    /* NF: no trap, flush the no-fault mappings */
    fx_setup();
    srmmu_reg_write(&mmu, 0x000, mmu.ctrl | SRMMU_CTRL_NF);
    ret = srmmu_bus_fault(&mmu, 0x5000, MMU_ACC_READ, 1, 0);
    CU_ASSERT_EQUAL(ret, SRMMU_BUSF_FLUSH);
}

static void test_debug_translate(void)
{
    uint64_t pa = 0;

    fx_setup();
    map_4k(0x333000, 7, 0);
    CU_ASSERT_EQUAL(srmmu_debug_translate(&mmu, VA_T, &pa), 0);
    CU_ASSERT_EQUAL(pa, 0x333678u);
    CU_ASSERT_EQUAL(rd32(L3_ENT), mk_pte(0x333000, 7, 0));
    CU_ASSERT_EQUAL(fb.stores, 0);
    wr32(L2_ENT, 0);
    CU_ASSERT_EQUAL(srmmu_debug_translate(&mmu, VA_T, &pa), -1);
    CU_ASSERT_EQUAL(mmu.sfsr, 0);
    map_16m(0x01000000, 0, 0);
    CU_ASSERT_EQUAL(srmmu_debug_translate(&mmu, VA_T, &pa), 0);
    CU_ASSERT_EQUAL(pa, 0x01345678u);
    srmmu_reg_write(&mmu, 0x000, 0x04004000u);
    CU_ASSERT_EQUAL(srmmu_debug_translate(&mmu, VA_T, &pa), 0);
    CU_ASSERT_EQUAL(pa, VA_T);
}

/* ------------------------------------------------------------------ */

static const UnitTest tests[] = {
    { "reset state", test_reset_state },
    { "ASI 4 control register", test_reg_ctrl },
    { "ASI 4 CTP and context", test_reg_ctp_ctx },
    { "ASI 4 SFSR and SFAR", test_reg_sfsr_sfar },
    { "ASI 4 other registers", test_reg_other },
    { "MMU disabled", test_mmu_off },
    { "boot mode", test_boot_mode },
    { "walk to 4 KB PTE", test_walk_4k },
    { "walk to 256 KB PTE", test_walk_256k },
    { "walk to 16 MB PTE", test_walk_16m },
    { "36-bit physical address", test_walk_36bit_pa },
    { "misaligned large PTE (QEMU)", test_walk_misaligned_large },
    { "context selection", test_context_select },
    { "ACC x mode x access", test_acc_table },
    { "protection fault", test_protection_fault },
    { "privilege fault", test_privilege_fault },
    { "R and M updates", test_rm_updates },
    { "invalid entry at each level", test_invalid_each_level },
    { "reserved entry at each level", test_reserved_each_level },
    { "PTE at level 0, PTD at level 3", test_wrong_type_entries },
    { "bus error during walk", test_bus_error_walk },
    { "SFSR read clear and OW", test_sfsr_read_clear_and_ow },
    { "no-fault mode", test_nf_mode },
    { "probe types", test_probe_types },
    { "probe with large PTEs", test_probe_large },
    { "probe of invalid entries", test_probe_invalid },
    { "flush decode", test_flush_decode },
    { "bus access error", test_bus_fault },
    { "debug translate", test_debug_translate },
};

int main(void)
{
    return UNIT_RUN("srmmu", NULL, NULL, tests);
}
