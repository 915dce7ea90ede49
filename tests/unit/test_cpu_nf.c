/*
 * Unit tests of the host TLB of cpu/sparc.c against the SRMMU
 * (cpu/srmmu.c) with the MMU enabled and real page tables in RAM: which MMU
 * register writes and ASI 3 flushes drop which host TLB slots, and that
 * mappings installed for faults the NF bit silenced do not outlive NF.
 *
 * Machine: 1 MB RAM, 1 MB PROM at 0x70000000 (unused), boot mode off.
 * Physical layout (VA = PA unless a test says otherwise):
 *   CODE      0x04000  supervisor program
 *   TBR_BASE  0x10000  trap table: every vector is "unimp 0" (zero), except
 *                      the software trap 0x10 (tt 0x90), which clears NF
 *                      and returns (see nf_clear_handler)
 *   0x20000.. data pages, one per purpose (PG_* below)
 *   0x30000.. page tables (MMU_* below)
 *   0x80000 and 0xc0000: two 256 KB blocks for a level-2 PTE
 *
 * Page tables (V8 H.2): context table MMU_CTXTBL, entry 0 -> level-1 table
 * MMU_L1_0, entry 1 -> MMU_L1_1.  In both, level-1 entry 0 (VA 0-16 MB) is
 * a PTD to a level-2 table whose entry 0 (VA 0-256 KB) is a PTD to a
 * level-3 table that maps VA 0-256 KB 1:1 with ACC 3 (RWX for user and
 * supervisor), R and M already set (so the walk writes nothing back).
 * Exceptions are made per page below.  Level-2 entry 1 of context 0 (VA
 * 0x40000-0x7ffff) is a 256 KB PTE.
 *
 * How a run ends (as in test_cpu.c): with PSR.ET=0 the program ends with
 * "unimp", which enters error mode (V8 §7.3) and cpu_run returns
 * CPU_STOP_ERROR_MODE at the unimp.  With ET=1 the first unhandled trap
 * enters its trap table vector, an "unimp" run with ET=0: error mode, with
 * TBR.tt the trap type and %l1/%l2 of the new window the trapping pc/npc.
 *
 * Build: see the Makefile (tests/unit/%.c against libsun4m.a, -lcunit).
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "hw/core/bus.h"
#include "cpu/cpu.h"
#include "cpu/srmmu.h"
#include "sparc_asm.h"
#include "unit.h"

#define RAM_SIZE (1u << 20)
#define ROM_BASE 0x70000000ull
#define ROM_SIZE (1u << 20)
#define CODE 0x4000u
#define TBR_BASE 0x10000u

/* Data pages (VA; PA the same unless noted) */
#define PG_A 0x20000u           /* page flush test: remapped to PG_A_NEW */
#define PG_B 0x21000u           /* page flush test: the bystander */
#define PG_A_NEW 0x22000u       /* PA only */
#define PG_UNMAPPED 0x23000u    /* level-3 entry invalid */
#define PG_SUPER 0x24000u       /* ACC 7: supervisor RWX, user nothing */
#define PG_CTX 0x25000u         /* context 0 -> PA 0x25000, 1 -> 0x26000 */
#define PG_CTX1_PA 0x26000u
#define PG_SCODE 0x27000u       /* ACC 6: supervisor RX, user nothing */
#define PG_B_NEW 0x28000u       /* PA only */

/* Page tables (V8 H.2.1: a level-1 table is 1 KB, level-2/3 256 bytes,
 * each aligned to its size; the context table here holds 256 entries) */
#define MMU_CTXTBL 0x30000u
#define MMU_L1_0 0x30400u
#define MMU_L1_1 0x30800u
#define MMU_L2_0 0x30c00u
#define MMU_L2_1 0x30d00u
#define MMU_L3_0 0x30e00u
#define MMU_L3_1 0x30f00u

/* The 256 KB mapping: VA_BIG through level-2 entry 1 of context 0 */
#define VA_BIG 0x40000u
#define PA_BIG 0x80000u
#define PA_BIG_NEW 0xc0000u

/* Values planted in the pages */
#define VAL_A 0xa0a0a0a0u
#define VAL_A_NEW 0xa1a1a1a1u
#define VAL_B 0xb0b0b0b0u
#define VAL_B_NEW 0xb1b1b1b1u
#define VAL_SUPER 0x5eed5eedu
#define VAL_CTX0 0xc0c0c0c0u
#define VAL_CTX1 0xc1c1c1c1u
#define VAL_BIG 0xb16b16b1u
#define VAL_BIG_NEW 0xb16b16b2u

/* PSR for the runs: supervisor, FPU on, CWP 0; ET added where wanted */
#define PSR_RUN (MB86904_PSR_IMPL_VER | PSR_S | PSR_EF)
#define PSR_TRAPS (PSR_RUN | PSR_ET)
/* User mode with traps on (written by wr %psr in the programs) */
#define PSR_USER (MB86904_PSR_IMPL_VER | PSR_EF | PSR_ET)

/* ASIs (V8 §6.3.1.3, sun4m assignments) */
#define ASI_FLUSH 0x03          /* MMU probe (load) / flush (store) */
#define ASI_MMUREG 0x04         /* MMU registers */
#define ASI_BYPASS 0x20         /* MMU bypass, PA[35:32] = 0 */

/* ASI 4 register addresses: register number in VA[12:8] (V8 H.3) */
#define MMUREG_CTRL 0x000u
#define MMUREG_CTX 0x200u

/* op=2 / op=3 op3 (V8 Tables F-5, F-6) */
enum {
    X_OR = 0x02, X_SUBCC = 0x14, X_WRPSR = 0x31, X_JMPL = 0x38,
    X_RETT = 0x39, X_TICC = 0x3a,
};
enum { M_LD = 0x00, M_LDA = 0x10, M_STA = 0x14 };

/* ld [rs1], rd */
#define LD(rd, rs1) MEM(M_LD, (rd), (rs1), G0)
/* sta rd, [rs1 + rs2] asi / lda [rs1 + rs2] asi, rd (i = 0, asi in 12:5) */
#define STA(rd, rs1, rs2, asi)                                             \
    (MEM(M_STA, (rd), (rs1), (rs2)) | ((uint32_t)(asi) << 5))
#define LDA(rd, rs1, rs2, asi)                                             \
    (MEM(M_LDA, (rd), (rs1), (rs2)) | ((uint32_t)(asi) << 5))
/* or %g0, imm, rd */
#define SET13(rd, imm) ALUI(X_OR, (rd), G0, (imm))
/* ta imm (Ticc always, rs1 = %g0) */
#define TA(imm) F3I(2, X_TICC, CA, G0, (imm))

/* Bicc (V8 §5.2.2), displacement in instructions */
/* Page table entries (V8 H.2.2/H.2.3).  A PTD holds PA[35:6] of the next
 * table in bits 31:2; a PTE holds PA[35:12] in bits 31:8, then C, M, R,
 * ACC in bits 4:2 and ET = 2.  R and M are preset. */
static uint32_t mk_ptd(uint32_t table_pa)
{
    return (table_pa >> 4) | SRMMU_ET_PTD;
}

static uint32_t mk_pte(uint32_t pa, unsigned acc)
{
    return ((pa >> 4) & SRMMU_PTE_PPN_MASK) | SRMMU_PTE_M | SRMMU_PTE_R |
           (acc << SRMMU_PTE_ACC_SHIFT) | SRMMU_ET_PTE;
}

/* The PA of the level-3 entry of va in a level-3 table (VA[17:12]) */
static uint32_t l3_entry(uint32_t l3, uint32_t va)
{
    return l3 + 4 * ((va >> 12) & 0x3f);
}

/* ------------------------------------------------------------------ */
/* Fixture                                                              */

/* CUnit test functions take no arguments: the fixture is file-scope. */
static Bus bus;
static SparcCpu cpu;

#define REG(r) (*cpu.rp[(r)])

/* Test set-up writes RAM behind the CPU's back, as a loader does. */
static void put32(uint32_t pa, uint32_t v)
{
    uint64_t n;
    uint8_t *p = bus_ram_map(&bus, pa, 4, BUS_MAP_LOAD, &n);
    CU_ASSERT_FATAL(p != NULL && n == 4);
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

static void load_words(uint32_t pa, const uint32_t *w, unsigned n)
{
    unsigned i;
    for (i = 0; i < n; i++) {
        put32(pa + 4 * i, w[i]);
    }
}

#define LOAD_AT(pa, w) load_words((pa), (w), sizeof(w) / sizeof((w)[0]))
#define LOAD_PROG(w) LOAD_AT(CODE, w)

/*
 * Software trap 0x10 (tt 0x90, vector TBR + 0x900), run in supervisor mode
 * with ET=0 in a new window: write %g5 (the control register with NF
 * clear) to the MMU control register, then return to the instruction after
 * the ta (V8 §B.25: jmpl %l2; rett %l2 + 4, PS restored into S).
 */
static const uint32_t nf_clear_handler[] = {
    STA(G5, G0, G0, ASI_MMUREG),
    ALUI(X_JMPL, G0, L2, 0),
    ALUI(X_RETT, G0, L2, 4),
};

/*
 * A fresh machine running at CODE with PSR psr, the tables above built
 * and the MMU enabled in context 0 with NF=0.  %g5 holds that control
 * register value, %g4 the same with NF set.
 */
static void fx_setup(uint32_t psr)
{
    uint32_t va;

    if (bus_init(&bus, RAM_SIZE, ROM_BASE, ROM_SIZE) != 0 ||
        cpu_init(&cpu, &bus) != 0) {
        fprintf(stderr, "test_cpu_nf: out of memory\n");
        exit(2);
    }
    cpu.psr = psr;                  /* CWP 0 */
    cpu.wim = 0;
    cpu.tbr = TBR_BASE;
    cpu.icc = 0;

    put32(MMU_CTXTBL + 0, mk_ptd(MMU_L1_0));
    put32(MMU_CTXTBL + 4, mk_ptd(MMU_L1_1));
    put32(MMU_L1_0, mk_ptd(MMU_L2_0));
    put32(MMU_L1_1, mk_ptd(MMU_L2_1));
    put32(MMU_L2_0, mk_ptd(MMU_L3_0));
    put32(MMU_L2_1, mk_ptd(MMU_L3_1));
    put32(MMU_L2_0 + 4, mk_pte(PA_BIG, 3));     /* a 256 KB PTE */
    for (va = 0; va < SRMMU_L2_SIZE; va += SRMMU_PAGE_SIZE) {
        put32(l3_entry(MMU_L3_0, va), mk_pte(va, 3));
        put32(l3_entry(MMU_L3_1, va), mk_pte(va, 3));
    }
    put32(l3_entry(MMU_L3_0, PG_UNMAPPED), 0);  /* ET 0: invalid */
    put32(l3_entry(MMU_L3_0, PG_SUPER), mk_pte(PG_SUPER, 7));
    put32(l3_entry(MMU_L3_0, PG_SCODE), mk_pte(PG_SCODE, 6));
    put32(l3_entry(MMU_L3_1, PG_CTX), mk_pte(PG_CTX1_PA, 3));

    put32(PG_A, VAL_A);
    put32(PG_A_NEW, VAL_A_NEW);
    put32(PG_B, VAL_B);
    put32(PG_B_NEW, VAL_B_NEW);
    put32(PG_SUPER, VAL_SUPER);
    put32(PG_CTX, VAL_CTX0);
    put32(PG_CTX1_PA, VAL_CTX1);
    put32(PA_BIG + 0x1000, VAL_BIG);
    put32(PA_BIG_NEW + 0x1000, VAL_BIG_NEW);
    LOAD_AT(TBR_BASE + 0x90 * 16, nf_clear_handler);

    /* MMU on: CTP holds PA[35:6] of the context table in bits 31:2, i.e.
     * PA >> 4 (V8 H.3.2); boot mode off so fetches are translated */
    cpu.mmu.ctp = MMU_CTXTBL >> 4;
    cpu.mmu.ctx = 0;
    cpu.mmu.ctrl = (cpu.mmu.ctrl & ~(SRMMU_CTRL_BM | SRMMU_CTRL_NF)) |
                   SRMMU_CTRL_E;
    cpu_tlb_flush(&cpu);
    REG(G5) = cpu.mmu.ctrl;
    REG(G4) = cpu.mmu.ctrl | SRMMU_CTRL_NF;
}

static void fx_teardown(void)
{
    cpu_free(&cpu);
    bus_free(&bus);
}

static CpuStop run(void)
{
    cpu.pc = CODE;
    cpu.npc = CODE + 4;
    return cpu_run(&cpu, cpu.cycles + 100000);
}

/* The run (ET=0) stopped at the unimp at CODE + end_off. */
static void check_end(CpuStop st, uint32_t end_off)
{
    CU_ASSERT_EQUAL(st, CPU_STOP_ERROR_MODE);
    CU_ASSERT_EQUAL(cpu.error_tt, TT_ILLEGAL);
    CU_ASSERT_EQUAL(cpu.pc, CODE + end_off);
}

/* The run (ET=1) took trap tt at pc, npc and stopped on the unimp of the
 * trap table vector. */
static void check_trap(CpuStop st, unsigned tt, uint32_t pc, uint32_t npc)
{
    CU_ASSERT_EQUAL(st, CPU_STOP_ERROR_MODE);
    CU_ASSERT_EQUAL(cpu.error_tt, TT_ILLEGAL);
    CU_ASSERT_EQUAL(cpu.tbr, TBR_BASE | (tt << 4));
    CU_ASSERT_EQUAL(cpu.pc, TBR_BASE | (tt << 4));
    CU_ASSERT_EQUAL(REG(L1), pc);
    CU_ASSERT_EQUAL(REG(L2), npc);
}

/* SFSR value (V8 H.3.4): L in 9:8, AT in 7:5, FT in 4:2, FAV */
static uint32_t sfsr_of(unsigned level, unsigned at, unsigned ft)
{
    return (level << SRMMU_SFSR_L_SHIFT) | (at << SRMMU_SFSR_AT_SHIFT) |
           (ft << SRMMU_SFSR_FT_SHIFT) | SRMMU_SFSR_FAV;
}

/* The host data TLB slot of va holds a readable translation of its page */
static bool dtlb_holds(bool super, uint32_t va)
{
    return cpu.tlb[super][(va >> 12) & (CPU_TLB_SIZE - 1)].tag_read ==
           (va & ~0xfffu);
}

/* ------------------------------------------------------------------ */
/* NF (V8 H.3.1: "no fault": faults on data accesses are not trapped)   */

/*
 * NF=1: a supervisor load from a VA whose level-3 entry is invalid does
 * not trap (the fault is only recorded in SFSR/SFAR).  Once the program
 * clears NF, the same load must raise data_access_exception (tt 0x09).
 */
static void test_nf_unmapped_then_trap(void)
{
    uint32_t prog[] = {
        STA(G4, G0, G0, ASI_MMUREG),    /* 0: NF = 1 */
        LD(G2, G1),                     /* 4: silenced */
        STA(G5, G0, G0, ASI_MMUREG),    /* 8: NF = 0 */
        LD(G3, G1),                     /* 12: data_access_exception */
        UNIMP,                          /* 16 */
    };
    CpuStop st;

    fx_setup(PSR_TRAPS);
    LOAD_PROG(prog);
    REG(G1) = PG_UNMAPPED + 0x10;
    REG(G2) = 0x77;
    REG(G3) = 0x88;
    st = run();
    check_trap(st, TT_DACC_EXC, CODE + 12, CODE + 16);
    /* QEMU: the silenced load went "nowhere" and read 0 */
    CU_ASSERT_EQUAL(REG(G2), 0);
    CU_ASSERT_EQUAL(REG(G3), 0x88);
    CU_ASSERT_EQUAL(cpu.mmu.ctrl & SRMMU_CTRL_NF, 0);
    /* the second fault found the first one's status unread: OW, then
     * invalid address error at level 3, supervisor data load; SFAR holds
     * the page (QEMU: VA[11:0] = 0) */
    CU_ASSERT_EQUAL(cpu.mmu.sfsr,
                    SRMMU_SFSR_OW | sfsr_of(3, SRMMU_AT_LD_SUPER_DATA,
                                            SRMMU_FT_INVALID));
    CU_ASSERT_EQUAL(cpu.mmu.sfar, PG_UNMAPPED);
    CU_ASSERT_FALSE(cpu.tlb_nf);
    fx_teardown();
}

/*
 * The NF path that leaves a real page in the host TLB (QEMU, see
 * srmmu_translate): with NF=1 a user load from a supervisor-only page
 * (ACC 7) is translated to the real page with full access.  Clearing NF
 * (from a trap handler, as user code cannot write ASI 4) must drop that
 * mapping: the same user load then traps with a privilege violation.
 * Exactly one whole flush: the NF change with tlb_nf set.
 */
static void test_nf_user_privilege_then_trap(void)
{
    uint32_t prog[] = {
        STA(G4, G0, G0, ASI_MMUREG),    /* 0: NF = 1 */
        ALU(X_WRPSR, G0, G6, G0),       /* 4: user mode, ET = 1 */
        NOP, NOP, NOP,                  /* 8..16: V8 wr %psr delay */
        LD(G2, G1),                     /* 20: user, silenced, real page */
        TA(0x10),                       /* 24: NF = 0 (nf_clear_handler) */
        LD(G3, G1),                     /* 28: privilege violation */
        UNIMP,                          /* 32 */
    };
    uint64_t flushes;
    CpuStop st;

    fx_setup(PSR_TRAPS);
    LOAD_PROG(prog);
    REG(G1) = PG_SUPER;
    REG(G2) = 0x77;
    REG(G3) = 0x88;
    REG(G6) = PSR_USER;
    flushes = cpu.tlb_flushes;
    st = run();
    check_trap(st, TT_DACC_EXC, CODE + 28, CODE + 32);
    CU_ASSERT_EQUAL(cpu.psr & PSR_PS, 0);       /* it came from user mode */
    CU_ASSERT_EQUAL(REG(G2), VAL_SUPER);
    CU_ASSERT_EQUAL(REG(G3), 0x88);
    CU_ASSERT_EQUAL(cpu.tlb_flushes - flushes, 1);
    CU_ASSERT_FALSE(cpu.tlb_nf);
    /* QEMU: protection and privilege faults report L = 0 */
    CU_ASSERT_EQUAL(cpu.mmu.sfsr,
                    SRMMU_SFSR_OW | sfsr_of(0, SRMMU_AT_LD_USER_DATA,
                                            SRMMU_FT_PRIVILEGE));
    CU_ASSERT_EQUAL(cpu.mmu.sfar, PG_SUPER);
    fx_teardown();
}

/*
 * The same for instruction fetches: with NF=1 user code jumps into a
 * supervisor-only code page (ACC 6) and runs there (the instruction TLB
 * gets the real page); after the trap handler clears NF, the next fetch
 * from that page in user mode must raise instruction_access_exception
 * (tt 0x01).
 */
static void test_nf_user_fetch_then_trap(void)
{
    uint32_t prog[] = {
        STA(G4, G0, G0, ASI_MMUREG),    /* 0: NF = 1 */
        ALU(X_WRPSR, G0, G6, G0),       /* 4: user mode, ET = 1 */
        NOP, NOP, NOP,                  /* 8..16 */
        ALU(X_JMPL, G0, G1, G0),        /* 20: into PG_SCODE */
        NOP,                            /* 24 */
    };
    uint32_t scode[] = {
        SET13(G2, 0x42),                /* 0: runs although user */
        TA(0x10),                       /* 4: NF = 0 */
        SET13(G3, 0x43),                /* 8: instruction_access_exception */
        UNIMP,
    };
    CpuStop st;

    fx_setup(PSR_TRAPS);
    LOAD_PROG(prog);
    LOAD_AT(PG_SCODE, scode);
    REG(G1) = PG_SCODE;
    REG(G6) = PSR_USER;
    st = run();
    check_trap(st, TT_IACC_EXC, PG_SCODE + 8, PG_SCODE + 12);
    CU_ASSERT_EQUAL(cpu.psr & PSR_PS, 0);
    CU_ASSERT_EQUAL(REG(G2), 0x42);
    CU_ASSERT_EQUAL(REG(G3), 0);
    CU_ASSERT_FALSE(cpu.tlb_nf);
    CU_ASSERT_EQUAL(cpu.mmu.sfsr & ~SRMMU_SFSR_OW,
                    sfsr_of(0, SRMMU_AT_LD_USER_INSN, SRMMU_FT_PRIVILEGE));
    CU_ASSERT_EQUAL(cpu.mmu.sfar, PG_SCODE);
    fx_teardown();
}

/*
 * NF toggled 100 times with no fault silenced in between: no mapping in
 * the TLB depends on NF, so no whole flush, and the translation of a page
 * loaded before the loop still serves the load after it.
 */
static void test_nf_toggle_no_flush(void)
{
    uint32_t prog[] = {
        LD(G2, G1),                     /* 0: fills the TLB slot */
        SET13(O0, 100),                 /* 4 */
        STA(G4, G0, G0, ASI_MMUREG),    /* 8: NF = 1 */
        STA(G5, G0, G0, ASI_MMUREG),    /* 12: NF = 0 */
        ALUI(X_SUBCC, O0, O0, 1),       /* 16 */
        bicc(0, CNE, -3),               /* 20: to 8 */
        NOP,                            /* 24 */
        LD(G3, G1),                     /* 28 */
        UNIMP,                          /* 32 */
    };
    uint64_t flushes, page_flushes;
    CpuStop st;

    fx_setup(PSR_RUN);
    LOAD_PROG(prog);
    REG(G1) = PG_A;
    flushes = cpu.tlb_flushes;
    page_flushes = cpu.tlb_page_flushes;
    st = run();
    check_end(st, 32);
    CU_ASSERT_EQUAL(REG(O0), 0);                /* the loop ran 100 times */
    CU_ASSERT_EQUAL(REG(G2), VAL_A);
    CU_ASSERT_EQUAL(REG(G3), VAL_A);
    CU_ASSERT_EQUAL(cpu.tlb_flushes, flushes);
    CU_ASSERT_EQUAL(cpu.tlb_page_flushes, page_flushes);
    CU_ASSERT_EQUAL(cpu.mmu.ctrl & SRMMU_CTRL_NF, 0);
    CU_ASSERT_FALSE(cpu.tlb_nf);
    CU_ASSERT_TRUE(dtlb_holds(true, PG_A));
    fx_teardown();
}

/*
 * Changing E still flushes (V8 H.3.1; QEMU): control register writes that
 * change only NF are the only ones spared.
 */
static void test_enable_change_flushes(void)
{
    uint32_t prog[] = {
        LD(G2, G1),                     /* 0 */
        STA(G5, G0, G0, ASI_MMUREG),    /* 4: same value: nothing */
        STA(G7, G0, G0, ASI_MMUREG),    /* 8: E = 0 (PA = VA) */
        LD(G3, G1),                     /* 12 */
        UNIMP,                          /* 16 */
    };
    uint64_t flushes;
    CpuStop st;

    fx_setup(PSR_RUN);
    LOAD_PROG(prog);
    /* the code is mapped 1:1, so fetching goes on alike with E = 0; PG_A
     * is remapped to PG_A_NEW, so the two loads tell E = 1 from E = 0 */
    put32(l3_entry(MMU_L3_0, PG_A), mk_pte(PG_A_NEW, 3));
    REG(G1) = PG_A;
    REG(G7) = cpu.mmu.ctrl & ~SRMMU_CTRL_E;
    flushes = cpu.tlb_flushes;
    st = run();
    check_end(st, 16);
    CU_ASSERT_EQUAL(REG(G2), VAL_A_NEW);        /* translated */
    CU_ASSERT_EQUAL(REG(G3), VAL_A);            /* physical */
    CU_ASSERT_EQUAL(cpu.tlb_flushes - flushes, 1);
    fx_teardown();
}

/* ------------------------------------------------------------------ */
/* ASI 3 flushes (V8 H.4.1)                                             */

/*
 * A page flush (type 0: VA[11:8] = 0) after the PTE of page A was changed
 * in memory: the next load from A walks the tables again and sees the new
 * physical page.  Page B, whose PTE was changed too but not flushed, keeps
 * its TLB slot: it still reads the old page, which shows that its slot
 * survived.  One page flush, no whole flush.
 */
static void test_page_flush(void)
{
    uint32_t prog[] = {
        LD(L0, G1),                     /* 0: A, fills its slot */
        LD(L1, G2),                     /* 4: B, fills its slot */
        STA(G4, G3, G0, ASI_BYPASS),    /* 8: new PTE of A (physical) */
        STA(G6, G7, G0, ASI_BYPASS),    /* 12: new PTE of B */
        LD(L2, G1),                     /* 16: A, TLB not told yet */
        STA(G0, G1, G0, ASI_FLUSH),     /* 20: flush page A */
        LD(L3, G1),                     /* 24: A, walks: new page */
        LD(L4, G2),                     /* 28: B, its slot */
        UNIMP,                          /* 32 */
    };
    uint64_t flushes, page_flushes;
    CpuStop st;

    fx_setup(PSR_RUN);
    LOAD_PROG(prog);
    REG(G1) = PG_A;
    REG(G2) = PG_B;
    REG(G3) = l3_entry(MMU_L3_0, PG_A);
    REG(G4) = mk_pte(PG_A_NEW, 3);
    REG(G7) = l3_entry(MMU_L3_0, PG_B);
    REG(G6) = mk_pte(PG_B_NEW, 3);
    flushes = cpu.tlb_flushes;
    page_flushes = cpu.tlb_page_flushes;
    st = run();
    check_end(st, 32);
    CU_ASSERT_EQUAL(REG(L0), VAL_A);
    CU_ASSERT_EQUAL(REG(L1), VAL_B);
    CU_ASSERT_EQUAL(REG(L2), VAL_A);            /* served by the TLB */
    CU_ASSERT_EQUAL(REG(L3), VAL_A_NEW);
    CU_ASSERT_EQUAL(REG(L4), VAL_B);            /* B's slot survived */
    CU_ASSERT_EQUAL(cpu.tlb_page_flushes - page_flushes, 1);
    CU_ASSERT_EQUAL(cpu.tlb_flushes, flushes);
    CU_ASSERT_TRUE(dtlb_holds(true, PG_B));
    fx_teardown();
}

/*
 * A page flush of a VA that a 256 KB (level-2) PTE maps: the MMU's TLB
 * holds one entry for the whole 256 KB, tagged with VA[31:18], and a page
 * flush of any page in it drops that entry (QEMU: tlb_flush_page of a
 * page inside a large page flushes the whole TLB).  The host TLB has one
 * slot per 4 KB page, so every page of the mapping must go, not only the
 * flushed one.
 */
static void test_page_flush_large_page(void)
{
    uint32_t prog[] = {
        LD(L0, G1),                     /* 0: VA_BIG + 0x1000 */
        STA(G4, G3, G0, ASI_BYPASS),    /* 4: new level-2 PTE */
        STA(G0, G2, G0, ASI_FLUSH),     /* 8: flush page VA_BIG */
        LD(L1, G1),                     /* 12: VA_BIG + 0x1000 again */
        UNIMP,                          /* 16 */
    };
    CpuStop st;

    fx_setup(PSR_RUN);
    LOAD_PROG(prog);
    REG(G1) = VA_BIG + 0x1000;
    REG(G2) = VA_BIG;
    REG(G3) = MMU_L2_0 + 4;
    REG(G4) = mk_pte(PA_BIG_NEW, 3);
    st = run();
    check_end(st, 16);
    CU_ASSERT_EQUAL(REG(L0), VAL_BIG);
    CU_ASSERT_EQUAL(REG(L1), VAL_BIG_NEW);
    fx_teardown();
}

/* ------------------------------------------------------------------ */
/* Context register (V8 H.3.3)                                          */

/*
 * The host TLB has no context tag: a write of a new context number
 * flushes it, and the next load is translated through the new context's
 * tables.  Writing the current context again changes nothing.
 */
static void test_context_switch(void)
{
    uint32_t prog[] = {
        LD(L0, G1),                     /* 0: context 0 */
        STA(G7, G3, G0, ASI_MMUREG),    /* 4: context 1: flush */
        LD(L1, G1),                     /* 8 */
        STA(G7, G3, G0, ASI_MMUREG),    /* 12: context 1 again: nothing */
        LD(L2, G1),                     /* 16 */
        LDA(L5, G3, G0, ASI_MMUREG),    /* 20: read the context register */
        STA(G0, G3, G0, ASI_MMUREG),    /* 24: context 0: flush */
        LD(L3, G1),                     /* 28 */
        UNIMP,                          /* 32 */
    };
    uint64_t flushes;
    CpuStop st;

    fx_setup(PSR_RUN);
    LOAD_PROG(prog);
    REG(G1) = PG_CTX;
    REG(G3) = MMUREG_CTX;
    REG(G7) = 1;
    flushes = cpu.tlb_flushes;
    st = run();
    check_end(st, 32);
    CU_ASSERT_EQUAL(REG(L0), VAL_CTX0);
    CU_ASSERT_EQUAL(REG(L1), VAL_CTX1);
    CU_ASSERT_EQUAL(REG(L2), VAL_CTX1);
    CU_ASSERT_EQUAL(REG(L5), 1);
    CU_ASSERT_EQUAL(REG(L3), VAL_CTX0);
    CU_ASSERT_EQUAL(cpu.tlb_flushes - flushes, 2);
    CU_ASSERT_EQUAL(cpu.mmu.ctx, 0);
    fx_teardown();
}

/* ------------------------------------------------------------------ */

static const UnitTest tests[] = {
    { "NF: unmapped load silenced, traps once NF is cleared",
      test_nf_unmapped_then_trap },
    { "NF: user load of a supervisor page, mapping dropped with NF",
      test_nf_user_privilege_then_trap },
    { "NF: user fetch from a supervisor page, mapping dropped with NF",
      test_nf_user_fetch_then_trap },
    { "NF toggles without a silenced fault do not flush",
      test_nf_toggle_no_flush },
    { "MMU enable change flushes", test_enable_change_flushes },
    { "page flush drops that page only", test_page_flush },
    { "page flush inside a 256 KB mapping", test_page_flush_large_page },
    { "context change flushes", test_context_switch },
};

int main(void)
{
    return UNIT_RUN("cpu_nf", NULL, NULL, tests);
}
