/*
 * Unit tests of the SPARC V8 integer unit (cpu/sparc.c) on a real SparcCpu
 * and Bus: short instruction sequences are written into RAM as big-endian
 * words and run with cpu_run, then registers, icc, Y, memory and cycles are
 * checked.
 *
 * Machine: 1 MB RAM, 1 MB PROM at 0x70000000, MMU off with the boot-mode
 * bit cleared, so instruction fetches and data accesses are physical RAM.
 *   CODE      0x4000   the program
 *   TBR_BASE  0x10000  trap table, left zero: every vector is "unimp 0"
 *   DATA      0x20000  data
 *
 * How a run ends:
 *   - traps disabled (PSR.ET=0): the program ends with "unimp"; the
 *     illegal_instruction trap with ET=0 puts the CPU in error mode (V8
 *     §7.3) and cpu_run returns CPU_STOP_ERROR_MODE with pc at the unimp.
 *   - traps enabled: the first trap (of type tt) enters the trap table at
 *     TBR_BASE + tt*16, where "unimp" with ET=0 (set by trap entry) stops in
 *     error mode.  TBR.tt then holds the first trap type and %l1/%l2 of the
 *     new window the trapping pc/npc (V8 §7.5).
 *
 * Instruction words are assembled by the helpers below from the V8 formats
 * (V8 §5.2); test_encoder checks them against words produced by
 * sparc64-linux-gnu-as -32 -Av8.
 *
 * Build: see the Makefile (tests/unit/%.c against libsun4m.a, -lcunit).
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "hw/core/bus.h"
#include "cpu/cpu.h"
#include "cpu/decode.h"
#include "sparc_asm.h"
#include "unit.h"

#define RAM_SIZE (1u << 20)
#define ROM_BASE 0x70000000ull
#define ROM_SIZE (1u << 20)
#define CODE 0x4000u
#define TBR_BASE 0x10000u
#define DATA 0x20000u
#define PAGE_B 0x6000u

/* Trap entry and annulled delay slot costs, cpu/timing.c and cpu/sparc.c */
#define TRAP_COST 4
#define ANNUL_COST 1
#define INTERLOCK_COST 1

/* PSR for the runs: supervisor, FPU on, CWP 0; ET added where wanted */
#define PSR_RUN (MB86904_PSR_IMPL_VER | PSR_S | PSR_EF)
#define PSR_TRAPS (PSR_RUN | PSR_ET)

/* icc nibble in SparcCpu.icc */
#define N 8u
#define Z 4u
#define V 2u
#define C 1u

/* op=2 op3 (V8 Table F-5) */
enum {
    X_ADD = 0x00, X_AND = 0x01, X_OR = 0x02, X_XOR = 0x03, X_SUB = 0x04,
    X_ANDN = 0x05, X_ORN = 0x06, X_XNOR = 0x07, X_ADDX = 0x08,
    X_UMUL = 0x0a, X_SMUL = 0x0b, X_SUBX = 0x0c, X_UDIV = 0x0e,
    X_SDIV = 0x0f, X_ADDCC = 0x10, X_ANDCC = 0x11, X_ORCC = 0x12,
    X_XORCC = 0x13, X_SUBCC = 0x14, X_ANDNCC = 0x15, X_ORNCC = 0x16,
    X_XNORCC = 0x17, X_ADDXCC = 0x18, X_UMULCC = 0x1a, X_SMULCC = 0x1b,
    X_SUBXCC = 0x1c, X_UDIVCC = 0x1e, X_SDIVCC = 0x1f,
    X_TADDCC = 0x20, X_TSUBCC = 0x21, X_TADDCCTV = 0x22, X_TSUBCCTV = 0x23,
    X_MULSCC = 0x24, X_SLL = 0x25, X_SRL = 0x26, X_SRA = 0x27,
    X_RDY = 0x28, X_RDPSR = 0x29, X_RDWIM = 0x2a, X_RDTBR = 0x2b,
    X_WRY = 0x30, X_WRPSR = 0x31, X_WRWIM = 0x32, X_WRTBR = 0x33,
    X_JMPL = 0x38, X_RETT = 0x39, X_TICC = 0x3a, X_FLUSH = 0x3b,
    X_SAVE = 0x3c, X_RESTORE = 0x3d,
};

/* op=3 op3 (V8 Table F-6) */
enum {
    M_LD = 0x00, M_LDUB = 0x01, M_LDUH = 0x02, M_LDD = 0x03, M_ST = 0x04,
    M_STB = 0x05, M_STH = 0x06, M_STD = 0x07, M_LDSB = 0x09, M_LDSH = 0x0a,
    M_LDSTUB = 0x0d, M_SWAP = 0x0f,
};


/* or %g0, imm, rd */
#define SET13(rd, imm) ALUI(X_OR, (rd), G0, (imm))

/* Ticc cond, rs1 + simm13 */
#define TICC(cond, rs1, imm) F3I(2, X_TICC, (cond), (rs1), (imm))

/* ------------------------------------------------------------------ */
/* Fixture                                                              */

/* CUnit test functions take no arguments: the fixture is file-scope. */
static Bus bus;
static SparcCpu cpu;

static void machine_init(Bus *b, SparcCpu *c, uint32_t psr)
{
    if (bus_init(b, RAM_SIZE, ROM_BASE, ROM_SIZE) != 0 ||
        cpu_init(c, b) != 0) {
        fprintf(stderr, "test_cpu: out of memory\n");
        exit(2);
    }
    c->mmu.ctrl &= ~SRMMU_CTRL_BM;  /* fetch from RAM, not the PROM */
    c->psr = psr;                   /* CWP 0, as after reset */
    c->wim = 0;
    c->tbr = TBR_BASE;
    c->icc = 0;
    c->y = 0;
}

static void machine_free(Bus *b, SparcCpu *c)
{
    cpu_free(c);
    bus_free(b);
}

static void fx_setup(uint32_t psr)
{
    machine_init(&bus, &cpu, psr);
}

static void fx_teardown(void)
{
    machine_free(&bus, &cpu);
}

/* Test set-up writes RAM behind the CPU's back, as a loader does: the
 * tests that need the CPU to notice call bus_ram_written themselves. */
static void put32_on(Bus *b, uint32_t pa, uint32_t v)
{
    uint64_t n;
    uint8_t *p = bus_ram_map(b, pa, 4, BUS_MAP_LOAD, &n);
    CU_ASSERT_FATAL(p != NULL && n == 4);
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

static uint32_t get32_on(const Bus *b, uint32_t pa)
{
    uint64_t n;
    const uint8_t *p = bus_ram_map(b, pa, 4, BUS_MAP_READ, &n);
    CU_ASSERT_FATAL(p != NULL && n == 4);
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) |
           ((uint32_t)p[2] << 8) | p[3];
}

static void put32(uint32_t pa, uint32_t v)
{
    put32_on(&bus, pa, v);
}

static uint32_t get32(uint32_t pa)
{
    return get32_on(&bus, pa);
}

static void load_on(Bus *b, uint32_t pa, const uint32_t *w, unsigned n)
{
    unsigned i;
    for (i = 0; i < n; i++) {
        put32_on(b, pa + 4 * i, w[i]);
    }
}

#define REG(r) (*cpu.rp[(r)])
#define LOAD_PROG(w) load_on(&bus, CODE, (w), sizeof(w) / sizeof((w)[0]))

static CpuStop run_from(uint32_t pc)
{
    cpu.pc = pc;
    cpu.npc = pc + 4;
    return cpu_run(&cpu, cpu.cycles + 100000);
}

static CpuStop run(void)
{
    return run_from(CODE);
}

/* The run (ET=0) stopped at the unimp at CODE + end_off. */
static void check_end(CpuStop st, uint32_t end_off)
{
    CU_ASSERT_EQUAL(st, CPU_STOP_ERROR_MODE);
    CU_ASSERT_EQUAL(cpu.error_tt, TT_ILLEGAL);
    CU_ASSERT_EQUAL(cpu.pc, CODE + end_off);
}

/*
 * The run (ET=1) took trap tt at pc, npc and stopped on the unimp of the
 * trap table vector.
 */
static void check_trap(CpuStop st, unsigned tt, uint32_t pc, uint32_t npc)
{
    CU_ASSERT_EQUAL(st, CPU_STOP_ERROR_MODE);
    CU_ASSERT_EQUAL(cpu.error_tt, TT_ILLEGAL);
    CU_ASSERT_EQUAL(cpu.tbr, TBR_BASE | (tt << 4));
    CU_ASSERT_EQUAL(cpu.pc, TBR_BASE | (tt << 4));
    CU_ASSERT_EQUAL(REG(L1), pc);
    CU_ASSERT_EQUAL(REG(L2), npc);
    CU_ASSERT_EQUAL(cpu.psr & PSR_ET, 0);
    CU_ASSERT_NOT_EQUAL(cpu.psr & PSR_S, 0);
}

static unsigned cwp(void)
{
    return cpu.psr & PSR_CWP;
}

/*
 * A fresh machine (PSR psr) runs "op3 %g1, %g2, %g3; unimp" with %g1 = a,
 * %g2 = b, Y = y and the given icc; %g3 starts as 0xdeadbeef.  The caller
 * checks how the run stopped and the results, then calls fx_teardown.
 */
static CpuStop run_alu_rr(uint32_t psr, unsigned op3, uint32_t a, uint32_t b,
                          uint32_t y, unsigned icc)
{
    uint32_t prog[] = {
        ALU(op3, G3, G1, G2),
        UNIMP,
    };

    fx_setup(psr);
    LOAD_PROG(prog);
    REG(G1) = a;
    REG(G2) = b;
    REG(G3) = 0xdeadbeef;
    cpu.y = y;
    cpu.icc = icc;
    return run();
}

/* ------------------------------------------------------------------ */
/* Encoder                                                              */

static void test_encoder(void)
{
    /* words from sparc64-linux-gnu-as -32 -Av8 / objdump -d */
    CU_ASSERT_EQUAL(ALU(X_ADD, G3, G1, G2), 0x86004002u);
    CU_ASSERT_EQUAL(ALUI(X_ADDCC, O2, O1, -1), 0x94827fffu);
    CU_ASSERT_EQUAL(ALUI(X_SUB, L2, L1, -4096), 0xa4247000u);
    CU_ASSERT_EQUAL(ALUI(X_SAVE, SP, SP, -96), 0x9de3bfa0u);
    CU_ASSERT_EQUAL(ALU(X_RESTORE, G0, G0, G0), 0x81e80000u);
    CU_ASSERT_EQUAL(ALUI(X_JMPL, G0, O7, 8), 0x81c3e008u);
    CU_ASSERT_EQUAL(ALUI(X_RETT, G0, I7, 8), 0x81cfe008u);
    CU_ASSERT_EQUAL(ALU(X_RDY, G1, G0, G0), 0x83400000u);
    CU_ASSERT_EQUAL(ALUI(X_WRY, G0, G1, 5), 0x81806005u);
    CU_ASSERT_EQUAL(TICC(CA, G0, 0x10), 0x91d02010u);
    CU_ASSERT_EQUAL(ALU(X_TICC, CNE, G1, G2), 0x93d04002u);
    CU_ASSERT_EQUAL(bicc(1, CNE, 0x4c), 0x3280004cu);
    CU_ASSERT_EQUAL(bicc(1, CE, -3), 0x22bffffdu);
    CU_ASSERT_EQUAL(bicc(0, CL, 10), 0x0680000au);
    CU_ASSERT_EQUAL(call(0x44), 0x40000044u);
    CU_ASSERT_EQUAL(call(-10), 0x7ffffff6u);
    CU_ASSERT_EQUAL(sethi(G1, 0x12345400), 0x03048d15u);
    CU_ASSERT_EQUAL(sethi(G0, 0), NOP);
    CU_ASSERT_EQUAL(MEMI(M_LD, G2, G1, 8), 0xc4006008u);
    CU_ASSERT_EQUAL(MEMI(M_LDUB, G3, G1, -1), 0xc6087fffu);
    CU_ASSERT_EQUAL(MEMI(M_STD, G2, SP, 8), 0xc43ba008u);
    CU_ASSERT_EQUAL(MEM(M_SWAP, G3, G1, G0), 0xc6784000u);
}

/* ------------------------------------------------------------------ */
/* Integer condition codes (V8 §B.11-B.13)                              */

typedef struct AluCase {
    unsigned op3;
    uint32_t a, b;
    unsigned icc_in;                /* C is the carry-in of addx/subx */
    uint32_t r;
    unsigned icc_out;
} AluCase;

static const AluCase alu_cases[] = {
    /* addcc */
    { X_ADDCC, 0x7fffffff, 1, 0, 0x80000000, N | V },
    { X_ADDCC, 0xffffffff, 1, 0, 0, Z | C },
    { X_ADDCC, 0x80000000, 0x80000000, 0, 0, Z | V | C },
    { X_ADDCC, 0xffffffff, 0xffffffff, 0, 0xfffffffe, N | C },
    { X_ADDCC, 1, 2, N | Z | V | C, 3, 0 },
    { X_ADDCC, 0x80000000, 0xffffffff, 0, 0x7fffffff, V | C },
    { X_ADDCC, 0, 0, N, 0, Z },
    /* subcc: C is the borrow */
    { X_SUBCC, 0, 1, 0, 0xffffffff, N | C },
    { X_SUBCC, 0x80000000, 1, 0, 0x7fffffff, V },
    { X_SUBCC, 5, 5, N | V | C, 0, Z },
    { X_SUBCC, 0x7fffffff, 0xffffffff, 0, 0x80000000, N | V | C },
    { X_SUBCC, 1, 0x80000000, 0, 0x80000001, N | V | C },
    { X_SUBCC, 0xffffffff, 1, 0, 0xfffffffe, N },
    { X_SUBCC, 3, 5, 0, 0xfffffffe, N | C },
    { X_SUBCC, 0x80000000, 0x80000001, 0, 0xffffffff, N | C },
    /* addxcc: carry in */
    { X_ADDXCC, 0xffffffff, 0, C, 0, Z | C },
    { X_ADDXCC, 0x7fffffff, 0, C, 0x80000000, N | V },
    { X_ADDXCC, 0xffffffff, 0xffffffff, C, 0xffffffff, N | C },
    { X_ADDXCC, 1, 1, 0, 2, 0 },
    { X_ADDXCC, 1, 1, N | Z | V | C, 3, 0 },
    { X_ADDXCC, 0x7fffffff, 0x7fffffff, C, 0xffffffff, N | V },
    /* subxcc: borrow in */
    { X_SUBXCC, 0, 0, C, 0xffffffff, N | C },
    { X_SUBXCC, 0x80000000, 0, C, 0x7fffffff, V },
    { X_SUBXCC, 5, 4, C, 0, Z },
    { X_SUBXCC, 0, 0xffffffff, C, 0, Z | C },
    { X_SUBXCC, 5, 4, 0, 1, 0 },
    { X_SUBXCC, 0x80000000, 0x7fffffff, C, 0, Z | V },
    { X_SUBXCC, 0xffffffff, 0xffffffff, C, 0xffffffff, N | C },
    /* without cc: icc unchanged, carry still used by addx/subx */
    { X_ADD, 0x7fffffff, 1, Z, 0x80000000, Z },
    { X_SUB, 0, 1, V, 0xffffffff, V },
    { X_ADDX, 1, 2, N | Z | V | C, 4, N | Z | V | C },
    { X_ADDX, 1, 2, N | Z | V, 3, N | Z | V },
    { X_SUBX, 10, 3, C, 6, C },
    { X_SUBX, 10, 3, Z, 7, Z },
    /* logic: N, Z from the result, V = C = 0 (V8 §B.11) */
    { X_ANDCC, 0xf0f0f0f0, 0x0f0f0f0f, V | C, 0, Z },
    { X_ANDCC, 0xf0f0f0f0, 0xff000000, V | C, 0xf0000000, N },
    { X_ANDNCC, 0xff, 0x0f, N | Z | V | C, 0xf0, 0 },
    { X_ORCC, 0x80000000, 1, V | C, 0x80000001, N },
    { X_ORCC, 0, 0, V | C, 0, Z },
    { X_ORNCC, 0, 0xffffffff, N | V | C, 0, Z },
    { X_ORNCC, 0x10, 0x7fffffff, V | C, 0x80000010, N },
    { X_XORCC, 0x12345678, 0x12345678, N | V | C, 0, Z },
    { X_XORCC, 0x0000ffff, 0xffff0000, V | C, 0xffffffff, N },
    { X_XNORCC, 0, 0, V | C, 0xffffffff, N },
    { X_XNORCC, 0xaaaaaaaa, 0x55555555, N | V | C, 0, Z },
    /* logic without cc */
    { X_AND, 0xff00ff00, 0x0ff00ff0, C, 0x0f000f00, C },
    { X_ANDN, 0xff00ff00, 0x0ff00ff0, C, 0xf000f000, C },
    { X_OR, 0xff00ff00, 0x0ff00ff0, Z, 0xfff0fff0, Z },
    { X_ORN, 0xff00ff00, 0x0ff00ff0, Z, 0xff0fff0f, Z },
    { X_XOR, 0xff00ff00, 0x0ff00ff0, N, 0xf0f0f0f0, N },
    { X_XNOR, 0xff00ff00, 0x0ff00ff0, N, 0x0f0f0f0f, N },
    /* shifts: count is the low 5 bits (V8 §B.12) */
    { X_SLL, 0x80000001, 1, 0, 2, 0 },
    { X_SLL, 3, 33, 0, 6, 0 },
    { X_SLL, 3, 20, 0, 0x300000, 0 },
    { X_SRL, 0xc0000000, 17, 0, 0x6000, 0 },
    { X_SRL, 0x80000000, 31, 0, 1, 0 },
    { X_SRL, 0x80000000, 32, 0, 0x80000000, 0 },
    { X_SRA, 0x80000000, 31, 0, 0xffffffff, 0 },
    { X_SRA, 0x40000000, 30, 0, 1, 0 },
    { X_SRA, 0xfffffff0, 0x44, 0, 0xffffffff, 0 },
};

static void test_alu_cc(void)
{
    unsigned i;

    for (i = 0; i < sizeof(alu_cases) / sizeof(alu_cases[0]); i++) {
        const AluCase *t = &alu_cases[i];

        check_end(run_alu_rr(PSR_RUN, t->op3, t->a, t->b, 0, t->icc_in), 4);
        if (REG(G3) != t->r || cpu.icc != t->icc_out) {
            printf("\n  case %u op3 0x%02x %08x, %08x icc %x: got %08x icc "
                   "%x, want %08x icc %x", i, t->op3, t->a, t->b, t->icc_in,
                   REG(G3), cpu.icc, t->r, t->icc_out);
        }
        CU_ASSERT_EQUAL(REG(G3), t->r);
        CU_ASSERT_EQUAL(cpu.icc, t->icc_out);
        fx_teardown();
    }
}

/* The same operations with an immediate second operand (simm13). */
static void test_alu_imm(void)
{
    uint32_t prog[] = {
        ALUI(X_ADDCC, G2, G1, -1),          /* 0 + -1 */
        ALUI(X_SUB, G3, G1, -4096),         /* 0 - -4096 */
        ALUI(X_AND, G4, G7, 0xfff),         /* imm 0x0fff: not negative */
        ALUI(X_OR, G5, G0, -2),
        ALUI(X_SLL, G6, G7, 4),
        ALU(X_ADD, G0, G7, G7),             /* write to %g0 is lost */
        ALU(X_ADD, O0, G0, G0),             /* %g0 still reads 0 */
        UNIMP,
    };
    CpuStop st;

    fx_setup(PSR_RUN);
    LOAD_PROG(prog);
    REG(G7) = 0x12345678;
    REG(O0) = 0x5555;
    st = run();
    check_end(st, 28);
    CU_ASSERT_EQUAL(REG(G2), 0xffffffffu);
    CU_ASSERT_EQUAL(REG(G3), 4096u);
    CU_ASSERT_EQUAL(REG(G4), 0x678u);
    CU_ASSERT_EQUAL(REG(G5), 0xfffffffeu);
    CU_ASSERT_EQUAL(REG(G6), 0x23456780u);
    CU_ASSERT_EQUAL(REG(G0), 0);
    CU_ASSERT_EQUAL(REG(O0), 0);
    CU_ASSERT_EQUAL(cpu.icc, N);            /* from the addcc */
    fx_teardown();
}

/*
 * A fresh machine computes the 64-bit sum %g5:%g6 = %g1:%g2 + %g3:%g4 with
 * addcc/addxcc and the difference %o0:%o1 = %g1:%g2 - %g3:%g4 with
 * subcc/subxcc; icc is left by the subxcc.  The caller checks the results
 * and calls fx_teardown.
 */
static void run_carry_chain(uint32_t a_hi, uint32_t a_lo, uint32_t b_hi,
                            uint32_t b_lo)
{
    uint32_t prog[] = {
        ALU(X_ADDCC, G6, G2, G4),           /* lo */
        ALU(X_ADDXCC, G5, G1, G3),          /* hi */
        ALU(X_SUBCC, O1, G2, G4),
        ALU(X_SUBXCC, O0, G1, G3),
        UNIMP,
    };

    fx_setup(PSR_RUN);
    LOAD_PROG(prog);
    REG(G1) = a_hi;
    REG(G2) = a_lo;
    REG(G3) = b_hi;
    REG(G4) = b_lo;
    check_end(run(), 16);
}

static void test_carry_chain(void)
{
    /* 0x00000001_ffffffff and 0x00000002_00000001 */
    run_carry_chain(0x00000001, 0xffffffff, 0x00000002, 0x00000001);
    /* sum 0x00000004_00000000 */
    CU_ASSERT_EQUAL(REG(G5), 4);
    CU_ASSERT_EQUAL(REG(G6), 0);
    /* difference 0x00000001_ffffffff - 0x00000002_00000001
     * = 0xffffffff_fffffffe, with a borrow out */
    CU_ASSERT_EQUAL(REG(O0), 0xffffffffu);
    CU_ASSERT_EQUAL(REG(O1), 0xfffffffeu);
    CU_ASSERT_EQUAL(cpu.icc, N | C);
    fx_teardown();

    /* 0x00000001_00000000 - 1 = 0x00000000_ffffffff: borrow propagates */
    run_carry_chain(0x00000001, 0x00000000, 0x00000000, 0x00000001);
    CU_ASSERT_EQUAL(REG(O0), 0);
    CU_ASSERT_EQUAL(REG(O1), 0xffffffffu);
    CU_ASSERT_EQUAL(cpu.icc, Z);            /* hi 0, no borrow out */
    fx_teardown();
}

/* ------------------------------------------------------------------ */
/* Multiply and divide (V8 §B.17-B.19)                                  */

typedef struct MulDivCase {
    unsigned op3;
    uint32_t y_in, a, b;
    uint32_t r, y_out;
    unsigned icc_out;               /* icc_in is N|Z|V|C */
} MulDivCase;

#define ALL (N | Z | V | C)

static const MulDivCase muldiv_cases[] = {
    /* umul/smul: Y = high word; icc unchanged */
    { X_UMUL, 0, 0xffffffff, 0xffffffff, 0x00000001, 0xfffffffe, ALL },
    { X_SMUL, 0, 0xffffffff, 0xffffffff, 0x00000001, 0x00000000, ALL },
    { X_SMUL, 0, 0x80000000, 2, 0x00000000, 0xffffffff, ALL },
    { X_SMUL, 0, 0xfffffffd, 5, 0xfffffff1, 0xffffffff, ALL },
    { X_UMUL, 0, 0xfffffffd, 5, 0xfffffff1, 0x00000004, ALL },
    { X_SMUL, 0, 0x7fffffff, 0x7fffffff, 0x00000001, 0x3fffffff, ALL },
    /* umulcc/smulcc: N, Z of the low word, V = C = 0 (V8 §B.17) */
    { X_UMULCC, 0, 0x10000, 0x10000, 0, 1, Z },
    { X_UMULCC, 0, 0x80000000, 1, 0x80000000, 0, N },
    { X_SMULCC, 0, 0xfffffffd, 5, 0xfffffff1, 0xffffffff, N },
    { X_SMULCC, 0, 0x10000, 0xffff0000, 0, 0xffffffff, Z },
    { X_UMULCC, 0, 3, 7, 21, 0, 0 },
    /* udiv/sdiv: dividend Y:rs1, Y unchanged */
    { X_UDIV, 0, 100, 7, 14, 0, ALL },
    { X_UDIV, 1, 0, 2, 0x80000000, 1, ALL },
    { X_UDIV, 0, 0xffffffff, 0xffffffff, 1, 0, ALL },
    { X_UDIV, 1, 0, 1, 0xffffffff, 1, ALL },            /* overflow */
    { X_SDIV, 0xffffffff, 0xfffffff1, 4, 0xfffffffd, 0xffffffff, ALL },
    { X_SDIV, 0, 15, 0xfffffffc, 0xfffffffd, 0, ALL },
    { X_SDIV, 0xffffffff, 0xfffffff1, 0xfffffffc, 3, 0xffffffff, ALL },
    /* Y is the high word even when rs1 looks negative */
    { X_SDIV, 0, 0x80000000, 0xffffffff, 0x80000000, 0, ALL },
    /* udivcc: V on overflow (result 2^32-1), C = 0 */
    { X_UDIVCC, 1, 0, 1, 0xffffffff, 1, N | V },
    { X_UDIVCC, 0, 0x80000000, 1, 0x80000000, 0, N },
    { X_UDIVCC, 0, 5, 6, 0, 0, Z },
    { X_UDIVCC, 0, 6, 5, 1, 0, 0 },
    /* sdivcc: overflow saturates to 2^31-1 or -2^31 (V8 §B.19) */
    { X_SDIVCC, 0, 0x80000000, 1, 0x7fffffff, 0, V },
    { X_SDIVCC, 0xfffffffe, 0, 1, 0x80000000, 0xfffffffe, N | V },
    { X_SDIVCC, 0x80000000, 0, 0xffffffff, 0x7fffffff, 0x80000000, V },
    { X_SDIVCC, 0xffffffff, 0x80000000, 1, 0x80000000, 0xffffffff, N },
    { X_SDIVCC, 0, 0x7fffffff, 1, 0x7fffffff, 0, 0 },
    { X_SDIVCC, 0xffffffff, 0x80000000, 0xffffffff, 0x7fffffff,
      0xffffffff, V },
    { X_SDIVCC, 0, 3, 4, 0, 0, Z },
};

static void test_muldiv(void)
{
    unsigned i;

    for (i = 0; i < sizeof(muldiv_cases) / sizeof(muldiv_cases[0]); i++) {
        const MulDivCase *t = &muldiv_cases[i];

        check_end(run_alu_rr(PSR_RUN, t->op3, t->a, t->b, t->y_in, ALL), 4);
        if (REG(G3) != t->r || cpu.y != t->y_out || cpu.icc != t->icc_out) {
            printf("\n  case %u op3 0x%02x y %08x %08x, %08x: got %08x y "
                   "%08x icc %x, want %08x y %08x icc %x", i, t->op3,
                   t->y_in, t->a, t->b, REG(G3), cpu.y, cpu.icc, t->r,
                   t->y_out, t->icc_out);
        }
        CU_ASSERT_EQUAL(REG(G3), t->r);
        CU_ASSERT_EQUAL(cpu.y, t->y_out);
        CU_ASSERT_EQUAL(cpu.icc, t->icc_out);
        fx_teardown();
    }
}

/* smul with a negative simm13, and umul's product in Y read by rd %y. */
static void test_mul_imm_rdy(void)
{
    uint32_t prog[] = {
        ALUI(X_SMUL, G2, G1, -2),
        ALU(X_RDY, G3, G0, G0),
        ALUI(X_UMUL, G4, G1, -2),           /* 0xfffffffe unsigned */
        ALU(X_RDY, G5, G0, G0),
        UNIMP,
    };
    CpuStop st;

    fx_setup(PSR_RUN);
    LOAD_PROG(prog);
    REG(G1) = 3;
    st = run();
    check_end(st, 16);
    CU_ASSERT_EQUAL(REG(G2), 0xfffffffau);
    CU_ASSERT_EQUAL(REG(G3), 0xffffffffu);
    CU_ASSERT_EQUAL(REG(G4), 0xfffffffau);
    CU_ASSERT_EQUAL(REG(G5), 2u);           /* 3 * 0xfffffffe = 2_fffffffa */
    fx_teardown();
}

/* Division by zero: division_by_zero trap, tt 0x2a (V8 §B.19, §7.5). */
static void test_div_zero_trap(void)
{
    uint32_t prog[] = {
        NOP,
        ALU(X_UDIV, G3, G1, G0),
        UNIMP,
    };
    uint32_t prog_imm[] = {
        ALUI(X_SDIVCC, G3, G1, 0),
        UNIMP,
    };
    CpuStop st;

    /* supervisor */
    fx_setup(PSR_TRAPS);
    LOAD_PROG(prog);
    REG(G1) = 100;
    REG(G3) = 0x5555;
    REG(O0) = 0xabc;
    REG(L1) = 0x1111;
    cpu.icc = Z;
    st = run();
    check_trap(st, TT_DIV_ZERO, CODE + 4, CODE + 8);
    CU_ASSERT_EQUAL(REG(G3), 0x5555u);      /* rd unchanged */
    CU_ASSERT_EQUAL(cpu.icc, Z);
    CU_ASSERT_EQUAL(cwp(), 7);              /* CWP - 1 mod 8 */
    CU_ASSERT_NOT_EQUAL(cpu.psr & PSR_PS, 0);   /* S was 1 */
    /* the old window's outs are the new window's ins */
    CU_ASSERT_EQUAL(REG(I0), 0xabcu);
    CU_ASSERT_EQUAL(cpu.traps, 2);          /* division + the vector's unimp */
    CU_ASSERT_EQUAL(cpu.cycles, sparc_op_cost[OP_NOP] + TRAP_COST);
    fx_teardown();

    /* user mode, immediate zero, sdivcc */
    fx_setup((PSR_TRAPS & ~PSR_S) | PSR_PS);
    LOAD_PROG(prog_imm);
    REG(G1) = 100;
    REG(G3) = 0x6666;
    cpu.icc = N | C;
    st = run();
    check_trap(st, TT_DIV_ZERO, CODE, CODE + 4);
    CU_ASSERT_EQUAL(REG(G3), 0x6666u);
    CU_ASSERT_EQUAL(cpu.icc, N | C);
    CU_ASSERT_EQUAL(cpu.psr & PSR_PS, 0);   /* S was 0 */
    CU_ASSERT_EQUAL(cwp(), 7);
    fx_teardown();
}

/* mulscc: one step, then the V8 Appendix E 32-step multiply. */
static void test_mulscc(void)
{
    static const struct {
        uint32_t mcand, mplier;     /* multiplicand signed, multiplier >= 0 */
    } prods[] = {
        { 0x12345678, 0x9abc },
        { (uint32_t)-7, 100 },
        { 0x7fffffff, 0x7fffffff },
        { 0x80000000, 0x7fffffff },
        { 12345, 0 },
        { 0, 0x7fffffff },
    };
    uint32_t prog[48];
    unsigned i, n = 0;
    CpuStop st;

    /* N xor V = 1 shifts in a one; Y[0] = 1 adds rs2 (V8 §B.17) */
    check_end(run_alu_rr(PSR_RUN, X_MULSCC, 3, 0x10, 1, N), 4);
    CU_ASSERT_EQUAL(REG(G3), 0x80000011u);
    CU_ASSERT_EQUAL(cpu.y, 0x80000000u);    /* rs1[0] into Y[31] */
    CU_ASSERT_EQUAL(cpu.icc, N);
    fx_teardown();

    /* Y[0] = 0 adds 0; N = V = 1 shifts in a zero; add overflow sets V */
    check_end(run_alu_rr(PSR_RUN, X_MULSCC, 0xfffffffe, 0x10, 2, N | V), 4);
    CU_ASSERT_EQUAL(REG(G3), 0x7fffffffu);
    CU_ASSERT_EQUAL(cpu.y, 1u);
    CU_ASSERT_EQUAL(cpu.icc, 0);
    fx_teardown();

    /* N xor V = 0 shifts in a zero: 0x7fffffff + 1 overflows */
    check_end(run_alu_rr(PSR_RUN, X_MULSCC, 0xfffffffe, 1, 1, 0), 4);
    CU_ASSERT_EQUAL(REG(G3), 0x80000000u);
    CU_ASSERT_EQUAL(cpu.icc, N | V);
    fx_teardown();

    prog[n++] = ALU(X_WRY, G0, G1, G0);     /* Y = multiplier */
    prog[n++] = NOP;                        /* wr %y delay (V8 §B.29) */
    prog[n++] = NOP;
    prog[n++] = NOP;
    prog[n++] = ALU(X_ANDCC, G4, G0, G0);   /* partial product 0, N = V = 0 */
    for (i = 0; i < 32; i++) {
        prog[n++] = ALU(X_MULSCC, G4, G4, G2);
    }
    prog[n++] = ALU(X_MULSCC, G4, G4, G0);  /* final shift */
    prog[n++] = ALU(X_RDY, G5, G0, G0);
    prog[n++] = UNIMP;
    for (i = 0; i < sizeof(prods) / sizeof(prods[0]); i++) {
        int64_t p = (int64_t)(int32_t)prods[i].mcand * prods[i].mplier;

        fx_setup(PSR_RUN);
        load_on(&bus, CODE, prog, n);
        REG(G1) = prods[i].mplier;
        REG(G2) = prods[i].mcand;
        st = run();
        check_end(st, 4 * (n - 1));
        CU_ASSERT_EQUAL(REG(G4), (uint32_t)((uint64_t)p >> 32));
        CU_ASSERT_EQUAL(REG(G5), (uint32_t)p);
        fx_teardown();
    }
}

/* ------------------------------------------------------------------ */
/* Tagged arithmetic (V8 §B.14)                                         */

static void test_tagged(void)
{
    static const AluCase tcases[] = {
        { X_TADDCC, 4, 8, 0, 12, 0 },
        { X_TADDCC, 5, 8, 0, 13, V },               /* tag in rs1 */
        { X_TADDCC, 4, 0xa, 0, 14, V },             /* tag in rs2 */
        { X_TADDCC, 0x7ffffffc, 4, 0, 0x80000000, N | V },
        { X_TADDCC, 0xfffffffc, 4, 0, 0, Z | C },
        { X_TADDCC, 0xfffffffd, 4, 0, 1, V | C },
        { X_TSUBCC, 8, 4, 0, 4, 0 },
        { X_TSUBCC, 9, 4, 0, 5, V },
        { X_TSUBCC, 4, 8, 0, 0xfffffffc, N | C },
        { X_TSUBCC, 0x80000000, 4, 0, 0x7ffffffc, V },
        { X_TADDCCTV, 0x100, 0x200, N | Z | V | C, 0x300, 0 },
        { X_TSUBCCTV, 0x200, 0x200, 0, 0, Z },
    };
    static const struct {
        unsigned op3;
        uint32_t a, b;
    } traps[] = {
        { X_TADDCCTV, 1, 4 },                       /* tag */
        { X_TADDCCTV, 4, 2 },
        { X_TADDCCTV, 0x7ffffffc, 4 },              /* overflow */
        { X_TSUBCCTV, 8, 3 },
        { X_TSUBCCTV, 0x80000000, 4 },
    };
    unsigned i;
    CpuStop st;

    for (i = 0; i < sizeof(tcases) / sizeof(tcases[0]); i++) {
        st = run_alu_rr(PSR_TRAPS, tcases[i].op3, tcases[i].a, tcases[i].b,
                        0, tcases[i].icc_in);
        /* no tag_overflow: the run ends on the unimp (trap 2) */
        check_trap(st, TT_ILLEGAL, CODE + 4, CODE + 8);
        CU_ASSERT_EQUAL(REG(G3), tcases[i].r);
        CU_ASSERT_EQUAL(cpu.icc, tcases[i].icc_out);
        fx_teardown();
    }
    /* taddcctv/tsubcctv: tag_overflow, rd and icc unchanged */
    for (i = 0; i < sizeof(traps) / sizeof(traps[0]); i++) {
        uint32_t prog[] = { NOP, ALU(traps[i].op3, G3, G1, G2), UNIMP };

        fx_setup(PSR_TRAPS);
        LOAD_PROG(prog);
        REG(G1) = traps[i].a;
        REG(G2) = traps[i].b;
        REG(G3) = 0x77;
        cpu.icc = Z | C;
        st = run();
        check_trap(st, TT_TAG_OVF, CODE + 4, CODE + 8);
        CU_ASSERT_EQUAL(REG(G3), 0x77u);
        CU_ASSERT_EQUAL(cpu.icc, Z | C);
        fx_teardown();
    }
}

/* ------------------------------------------------------------------ */
/* Branches (V8 §B.21)                                                  */

/* Bicc condition from the V8 table, written out field by field. */
static bool cond_taken(unsigned cond, unsigned icc)
{
    bool n = icc & N, z = icc & Z, v = icc & V, c = icc & C;
    bool t;

    switch (cond & 7) {
    case 0:
        t = false;                              /* bn */
        break;
    case 1:
        t = z;                                  /* be */
        break;
    case 2:
        t = z || (n != v);                      /* ble */
        break;
    case 3:
        t = n != v;                             /* bl */
        break;
    case 4:
        t = c || z;                             /* bleu */
        break;
    case 5:
        t = c;                                  /* bcs */
        break;
    case 6:
        t = n;                                  /* bneg */
        break;
    default:
        t = v;                                  /* bvs */
        break;
    }
    return (cond & 8) ? !t : t;                 /* ba, bne, bg, ... */
}

static void test_bicc_all(void)
{
    unsigned cond, icc, a, bad = 0;

    for (cond = 0; cond < 16; cond++) {
        for (icc = 0; icc < 16; icc++) {
            for (a = 0; a < 2; a++) {
                uint32_t prog[] = {
                    bicc(a, cond, 4),               /* -> +16 */
                    SET13(G1, 1),                   /* delay slot */
                    SET13(G2, 2),                   /* fall through */
                    UNIMP,
                    SET13(G3, 3),                   /* target */
                    UNIMP,
                };
                bool taken = cond_taken(cond, icc);
                /* annul: untaken with a=1, or ba,a (V8 §B.21 table) */
                bool slot = !(a && (!taken || cond == CA));
                Cycles want = sparc_op_cost[OP_BICC] + sparc_op_cost[OP_OR] +
                              (slot ? sparc_op_cost[OP_OR] : ANNUL_COST);
                CpuStop st;

                fx_setup(PSR_RUN);
                LOAD_PROG(prog);
                cpu.icc = icc;
                st = run();
                if (st != CPU_STOP_ERROR_MODE ||
                    cpu.pc != CODE + (taken ? 20 : 12) ||
                    REG(G1) != (slot ? 1u : 0u) ||
                    REG(G2) != (taken ? 0u : 2u) ||
                    REG(G3) != (taken ? 3u : 0u) || cpu.icc != icc ||
                    cpu.cycles != want) {
                    printf("\n  cond %u icc %x a %u: pc +%u g1 %u g2 %u g3 %u "
                           "cycles %llu (want taken %d slot %d cycles %llu)",
                           cond, icc, a, cpu.pc - CODE, REG(G1), REG(G2),
                           REG(G3), (unsigned long long)cpu.cycles, taken,
                           slot, (unsigned long long)want);
                    bad++;
                }
                fx_teardown();
            }
        }
    }
    CU_ASSERT_EQUAL(bad, 0);
}

/* A backward loop: bne with a negative displacement. */
static void test_branch_loop(void)
{
    uint32_t prog[] = {
        bicc(0, CA, 3),                     /* 0: -> 12 */
        NOP,
        UNIMP,                              /* 8 */
        ALUI(X_ADD, G2, G2, 2),             /* 12 */
        ALUI(X_SUBCC, G1, G1, 1),           /* 16 */
        bicc(0, CNE, -2),                   /* 20: -> 12 */
        NOP,                                /* 24 */
        UNIMP,                              /* 28 */
    };
    CpuStop st;

    fx_setup(PSR_RUN);
    LOAD_PROG(prog);
    REG(G1) = 5;
    st = run();
    check_end(st, 28);
    CU_ASSERT_EQUAL(REG(G2), 10u);
    CU_ASSERT_EQUAL(REG(G1), 0u);
    CU_ASSERT_EQUAL(cpu.insns, 2 + 5 * 4);
    fx_teardown();
}

/* ------------------------------------------------------------------ */
/* call and jmpl (V8 §B.24, §B.25)                                      */

static void test_call_jmpl(void)
{
    uint32_t prog[] = {
        call(4),                            /* 0: -> 16, %o7 = 0 */
        SET13(G1, 1),                       /* 4: delay */
        UNIMP,                              /* 8 */
        UNIMP,                              /* 12 */
        ALUI(X_JMPL, G2, O7, 28),           /* 16: -> 28, %g2 = 16 */
        SET13(G3, 2),                       /* 20: delay */
        UNIMP,                              /* 24 */
        SET13(G4, 3),                       /* 28 */
        ALU(X_JMPL, G0, G5, G6),            /* 32: -> %g5 + %g6 = 48 */
        NOP,                                /* 36 */
        UNIMP,                              /* 40 */
        UNIMP,                              /* 44 */
        call(-11),                          /* 48: -> 4 */
        NOP,                                /* 52 */
    };
    uint32_t misaligned[] = {
        ALUI(X_JMPL, G2, G1, 2),
        UNIMP,
    };
    CpuStop st;

    fx_setup(PSR_RUN);
    LOAD_PROG(prog);
    REG(G5) = CODE;
    REG(G6) = 48;
    st = run();
    /* ... 48: call 4 (%o7 = 48), 52: nop, 4: or, 8: unimp */
    check_end(st, 8);
    CU_ASSERT_EQUAL(REG(O7), CODE + 48);
    CU_ASSERT_EQUAL(REG(G1), 1u);
    CU_ASSERT_EQUAL(REG(G2), CODE + 16);
    CU_ASSERT_EQUAL(REG(G3), 2u);
    CU_ASSERT_EQUAL(REG(G4), 3u);
    CU_ASSERT_EQUAL(REG(G0), 0u);
    CU_ASSERT_EQUAL(cpu.insns, 10u);
    fx_teardown();

    /* the first call's link: stop at its target */
    fx_setup(PSR_RUN);
    prog[4] = UNIMP;
    LOAD_PROG(prog);
    st = run();
    check_end(st, 16);
    CU_ASSERT_EQUAL(REG(O7), CODE);
    CU_ASSERT_EQUAL(REG(G1), 1u);
    fx_teardown();

    /* jmpl to a misaligned address: mem_address_not_aligned, no link */
    fx_setup(PSR_TRAPS);
    LOAD_PROG(misaligned);
    REG(G1) = CODE + 0x100;
    REG(G2) = 0x99;
    st = run();
    check_trap(st, TT_UNALIGNED, CODE, CODE + 4);
    CU_ASSERT_EQUAL(REG(G2), 0x99u);
    fx_teardown();
}

/* ------------------------------------------------------------------ */
/* Register windows (V8 §4.1, §B.20)                                    */

static void test_save_restore(void)
{
    uint32_t prog[] = {
        SET13(O0, 5),
        ALUI(X_SAVE, L0, O0, 10),           /* new %l0 = old %o0 + 10 */
        ALU(X_OR, G1, I0, G0),              /* %i0 is the old %o0 */
        SET13(O0, 9),                       /* the callee's %o0 */
        ALUI(X_RESTORE, O1, L0, 1),         /* old %o1 = new %l0 + 1 */
        UNIMP,
    };
    CpuStop st;

    fx_setup(PSR_RUN);
    LOAD_PROG(prog);
    cpu.wim = 1u << 3;
    st = run();
    check_end(st, 20);
    CU_ASSERT_EQUAL(cwp(), 0);
    CU_ASSERT_EQUAL(REG(G1), 5u);
    CU_ASSERT_EQUAL(REG(O0), 5u);
    CU_ASSERT_EQUAL(REG(O1), 16u);
    fx_teardown();
}

static void test_window_overflow(void)
{
    uint32_t prog[10];
    unsigned i;
    CpuStop st;

    for (i = 0; i < 8; i++) {
        prog[i] = ALUI(X_SAVE, SP, SP, -96);
    }
    prog[8] = UNIMP;
    fx_setup(PSR_TRAPS);
    load_on(&bus, CODE, prog, 9);
    cpu.wim = 1u << 0;
    REG(SP) = 0x8000;
    st = run();
    /* saves 0 -> 7 -> ... -> 1 succeed, the 8th (-> 0) traps */
    check_trap(st, TT_WIN_OVF, CODE + 28, CODE + 32);
    /* trap entry ignores WIM: the handler runs in window 0 */
    CU_ASSERT_EQUAL(cwp(), 0);
    /* window 0's ins are window 1's outs: %sp after 7 saves */
    CU_ASSERT_EQUAL(REG(FP), 0x8000u - 7 * 96);
    CU_ASSERT_EQUAL(cpu.insns, 7);
    fx_teardown();
}

static void test_window_underflow(void)
{
    uint32_t prog[] = {
        ALUI(X_RESTORE, G1, G0, 5),
        ALUI(X_RESTORE, G2, G0, 6),
        UNIMP,
    };
    CpuStop st;

    fx_setup(PSR_TRAPS);
    LOAD_PROG(prog);
    cpu.wim = 1u << 2;                      /* 0 -> 1 ok, 1 -> 2 traps */
    st = run();
    check_trap(st, TT_WIN_UNF, CODE + 4, CODE + 8);
    CU_ASSERT_EQUAL(REG(G1), 5u);
    CU_ASSERT_EQUAL(REG(G2), 0u);           /* rd not written */
    CU_ASSERT_EQUAL(cwp(), 0);              /* trap from window 1 */
    fx_teardown();
}

/* wr %psr: CWP >= NWINDOWS is illegal_instruction (V8 §B.29) */
static void test_wrpsr(void)
{
    uint32_t prog[] = {
        ALU(X_WRPSR, G0, G1, G0),           /* icc, CWP 2 */
        ALU(X_RDPSR, G2, G0, G0),
        ALU(X_WRPSR, G0, G3, G0),           /* CWP 8 */
        UNIMP,
    };
    CpuStop st;

    fx_setup(PSR_TRAPS);
    LOAD_PROG(prog);
    REG(G1) = PSR_TRAPS | PSR_ICC_N | PSR_ICC_C | 2;
    REG(G3) = PSR_TRAPS | 8;
    st = run();
    check_trap(st, TT_ILLEGAL, CODE + 8, CODE + 12);
    CU_ASSERT_EQUAL(REG(G2), PSR_TRAPS | PSR_ICC_N | PSR_ICC_C | 2);
    CU_ASSERT_EQUAL(cwp(), 1);              /* trap from window 2 */
    CU_ASSERT_EQUAL(cpu.icc, N | C);
    fx_teardown();
}

/* ------------------------------------------------------------------ */
/* rett and Ticc (V8 §B.25, §B.27)                                      */

static void test_ticc(void)
{
    uint32_t prog[] = {
        ALU(X_TICC, CNE, G1, G2),           /* Z=1: not taken */
        SET13(G3, 1),
        TICC(CE, G1, 5),                    /* taken: tt 0x80 + 0x05 */
        SET13(G4, 1),
        UNIMP,
    };
    uint32_t prog_wrap[] = {
        TICC(CA, G1, 0x7f),                 /* (rs1 + imm) & 0x7f */
        UNIMP,
    };
    CpuStop st;

    fx_setup(PSR_TRAPS);
    LOAD_PROG(prog);
    REG(G1) = 0x100;
    REG(G2) = 3;
    cpu.icc = Z;
    st = run();
    check_trap(st, 0x85, CODE + 8, CODE + 12);
    CU_ASSERT_EQUAL(REG(G3), 1u);
    CU_ASSERT_EQUAL(REG(G4), 0u);
    CU_ASSERT_EQUAL(cpu.cycles, sparc_op_cost[OP_TICC] +
                                sparc_op_cost[OP_OR] + TRAP_COST);
    fx_teardown();

    fx_setup(PSR_TRAPS);
    LOAD_PROG(prog_wrap);
    REG(G1) = 0x181;                        /* 0x181 + 0x7f = 0x200 -> 0 */
    st = run();
    check_trap(st, 0x80, CODE, CODE + 4);
    fx_teardown();

    fx_setup(PSR_TRAPS);
    LOAD_PROG(prog_wrap);
    REG(G1) = 0x80;                         /* 0xff -> 0x7f */
    st = run();
    check_trap(st, 0xff, CODE, CODE + 4);
    fx_teardown();
}

static void test_rett(void)
{
    uint32_t prog[] = {
        TICC(CA, G0, 0x10),                 /* 0: tt 0x90 */
        ALU(X_RDPSR, G2, G0, G0),           /* 4: back here */
        SET13(G1, 7),                       /* 8 */
        UNIMP,                              /* 12 */
    };
    uint32_t user_prog[] = {
        TICC(CA, G0, 0x10),                 /* 0 */
        SET13(G1, 7),                       /* 4 */
        UNIMP,                              /* 8 */
    };
    uint32_t handler[] = {
        ALU(X_JMPL, G0, L2, G0),            /* to the trapped npc */
        ALUI(X_RETT, G0, L2, 4),
    };
    CpuStop st;

    /* supervisor: back with ET=1, S=1, CWP 0 */
    fx_setup(PSR_TRAPS);
    LOAD_PROG(prog);
    load_on(&bus, TBR_BASE + 0x900, handler, 2);
    st = run();
    check_trap(st, TT_ILLEGAL, CODE + 12, CODE + 16);
    CU_ASSERT_EQUAL(REG(G1), 7u);
    CU_ASSERT_EQUAL(REG(G2) & (PSR_ET | PSR_S | PSR_CWP), PSR_ET | PSR_S);
    fx_teardown();

    /* user: rett restores S from PS = 0 */
    fx_setup(PSR_TRAPS & ~PSR_S);
    load_on(&bus, CODE, user_prog, 3);
    load_on(&bus, TBR_BASE + 0x900, handler, 2);
    st = run();
    check_trap(st, TT_ILLEGAL, CODE + 8, CODE + 12);
    CU_ASSERT_EQUAL(REG(G1), 7u);
    CU_ASSERT_EQUAL(cpu.psr & PSR_PS, 0);   /* was user at the unimp */
    CU_ASSERT_EQUAL(cwp(), 7);
    CU_ASSERT_EQUAL(cpu.traps, 3);
    fx_teardown();
}

/*
 * A fresh machine (PSR psr, WIM wim) runs "rett %g1; unimp" with %g1 =
 * target.  The caller checks the stop, then calls fx_teardown.
 */
static CpuStop run_rett(uint32_t psr, uint32_t wim, uint32_t target)
{
    uint32_t prog[] = {
        ALUI(X_RETT, G0, G1, 0),
        UNIMP,
    };

    fx_setup(psr);
    LOAD_PROG(prog);
    REG(G1) = target;
    cpu.wim = wim;
    return run();
}

static void test_rett_traps(void)
{
    CpuStop st;

    /* ET=1, S=1: illegal_instruction */
    st = run_rett(PSR_TRAPS, 0, CODE + 0x100);
    check_trap(st, TT_ILLEGAL, CODE, CODE + 4);
    fx_teardown();

    /* ET=1, S=0: privileged_instruction */
    st = run_rett(PSR_TRAPS & ~PSR_S, 0, CODE + 0x100);
    check_trap(st, TT_PRIV, CODE, CODE + 4);
    fx_teardown();

    /* ET=0: window_underflow and misalignment enter error mode */
    st = run_rett(PSR_RUN, 1u << 1, CODE + 0x100);
    CU_ASSERT_EQUAL(st, CPU_STOP_ERROR_MODE);
    CU_ASSERT_EQUAL(cpu.error_tt, TT_WIN_UNF);
    CU_ASSERT_EQUAL(cpu.pc, CODE);
    fx_teardown();

    st = run_rett(PSR_RUN, 0, CODE + 0x102);
    CU_ASSERT_EQUAL(st, CPU_STOP_ERROR_MODE);
    CU_ASSERT_EQUAL(cpu.error_tt, TT_UNALIGNED);
    fx_teardown();

    /* ET=0, S=0: privileged_instruction in error mode */
    st = run_rett(PSR_RUN & ~PSR_S, 0, CODE + 0x100);
    CU_ASSERT_EQUAL(st, CPU_STOP_ERROR_MODE);
    CU_ASSERT_EQUAL(cpu.error_tt, TT_PRIV);
    fx_teardown();
}

/* A trap with ET=0 stops the CPU in error mode (V8 §7.3). */
static void test_error_mode(void)
{
    uint32_t prog[] = {
        SET13(G1, 1),
        TICC(CA, G0, 3),
        SET13(G2, 2),
        UNIMP,
    };
    CpuStop st;

    fx_setup(PSR_RUN);
    LOAD_PROG(prog);
    REG(L1) = 0x4321;
    st = run();
    CU_ASSERT_EQUAL(st, CPU_STOP_ERROR_MODE);
    CU_ASSERT_EQUAL(cpu.stop, CPU_STOP_ERROR_MODE);
    CU_ASSERT_EQUAL(cpu.error_tt, 0x83u);
    CU_ASSERT_EQUAL(cpu.pc, CODE + 4);
    CU_ASSERT_EQUAL(cpu.tbr, TBR_BASE);     /* no trap entry */
    CU_ASSERT_EQUAL(cwp(), 0);
    CU_ASSERT_EQUAL(REG(L1), 0x4321u);
    CU_ASSERT_EQUAL(REG(G1), 1u);
    CU_ASSERT_EQUAL(REG(G2), 0u);
    CU_ASSERT_EQUAL(cpu.traps, 1u);
    fx_teardown();
}

/* ------------------------------------------------------------------ */
/* Loads and stores (V8 §B.1-B.4)                                       */

static void test_load_store(void)
{
    uint32_t prog[] = {
        MEM(M_LDD, G4, G1, G0),             /* %g4:%g5 = [DATA] */
        MEMI(M_STD, G4, G1, 8),             /* [DATA+8] = %g4:%g5 */
        MEMI(M_LDUB, O0, G1, 4),
        MEMI(M_LDSB, O1, G1, 4),
        MEMI(M_LDUH, O2, G1, 4),
        MEMI(M_LDSH, O3, G1, 4),
        MEMI(M_LDSB, O4, G1, 1),            /* 0x22: positive */
        MEMI(M_LD, O5, G1, 4),
        MEMI(M_STB, O5, G1, 17),            /* low byte 0xbb */
        MEMI(M_STH, O5, G1, 18),            /* low half 0xaabb */
        SET13(G0, 0x77),                    /* a write to %g0 is lost */
        MEMI(M_ST, G0, G1, 20),             /* st %g0: zero */
        MEM(M_LDD, G0, G3, G0),             /* ldd into %g0: only %g1 */
        ALU(X_OR, G6, G0, G0),
        UNIMP,
    };
    CpuStop st;

    fx_setup(PSR_RUN);
    LOAD_PROG(prog);
    put32(DATA, 0x11223344);
    put32(DATA + 4, 0x8899aabb);
    put32(DATA + 16, 0xcccccccc);
    put32(DATA + 20, 0xdddddddd);
    REG(G1) = DATA;
    REG(G3) = DATA;
    REG(G6) = 0x66;
    st = run();
    check_end(st, 56);
    CU_ASSERT_EQUAL(REG(G4), 0x11223344u);
    CU_ASSERT_EQUAL(REG(G5), 0x8899aabbu);
    CU_ASSERT_EQUAL(get32(DATA + 8), 0x11223344u);
    CU_ASSERT_EQUAL(get32(DATA + 12), 0x8899aabbu);
    CU_ASSERT_EQUAL(REG(O0), 0x88u);
    CU_ASSERT_EQUAL(REG(O1), 0xffffff88u);
    CU_ASSERT_EQUAL(REG(O2), 0x8899u);
    CU_ASSERT_EQUAL(REG(O3), 0xffff8899u);
    CU_ASSERT_EQUAL(REG(O4), 0x22u);
    CU_ASSERT_EQUAL(REG(O5), 0x8899aabbu);
    CU_ASSERT_EQUAL(get32(DATA + 16), 0xccbbaabbu);
    CU_ASSERT_EQUAL(get32(DATA + 20), 0);
    CU_ASSERT_EQUAL(REG(G1), 0x8899aabbu);
    CU_ASSERT_EQUAL(REG(G0), 0u);
    CU_ASSERT_EQUAL(REG(G6), 0u);
    fx_teardown();
}

/* ldd/std with an odd rd: illegal_instruction (V8 §B.1, §B.4) */
static void test_ldd_std_odd(void)
{
    static const uint32_t insns[] = {
        0xc6006000u | (M_LDD << 19),        /* ldd [%g1], %g3 */
        0xc6006000u | (M_STD << 19),        /* std %g3, [%g1] */
    };
    unsigned i;
    CpuStop st;

    for (i = 0; i < 2; i++) {
        uint32_t prog[] = { insns[i], UNIMP };

        fx_setup(PSR_TRAPS);
        LOAD_PROG(prog);
        put32(DATA, 0x01020304);
        REG(G1) = DATA;
        REG(G3) = 0x33;
        st = run();
        check_trap(st, TT_ILLEGAL, CODE, CODE + 4);
        CU_ASSERT_EQUAL(REG(G3), 0x33u);
        CU_ASSERT_EQUAL(get32(DATA), 0x01020304u);
        fx_teardown();
    }
}

/*
 * An alternate-space load with i = 1 is illegal (V8 §B.2), and in user
 * mode privileged: privileged_instruction (priority 6) wins over
 * illegal_instruction (7) (V8 §7.4; QEMU reports illegal_instruction).
 */
static void test_asi_priority(void)
{
    /* lda [%g1 + 0], %g3 with i = 1 (an encoding V8 does not allow) */
    const uint32_t lda_imm = MEMI(0x10, G3, G1, 0);
    uint32_t prog[] = { lda_imm, UNIMP };
    CpuStop st;

    fx_setup(PSR_TRAPS);
    LOAD_PROG(prog);
    REG(G1) = DATA;
    st = run();
    check_trap(st, TT_ILLEGAL, CODE, CODE + 4);
    fx_teardown();

    fx_setup((PSR_TRAPS & ~PSR_S) | PSR_PS);
    LOAD_PROG(prog);
    REG(G1) = DATA;
    st = run();
    check_trap(st, TT_PRIV, CODE, CODE + 4);
    CU_ASSERT_EQUAL(cpu.psr & PSR_PS, 0);       /* came from user mode */
    fx_teardown();
}

/* ldstub and swap (V8 §B.6, §B.7) */
static void test_atomic(void)
{
    uint32_t prog[] = {
        MEMI(M_LDSTUB, G2, G1, 1),
        MEMI(M_LDSTUB, G3, G1, 1),
        MEMI(M_SWAP, G4, G1, 4),
        SET13(G0, 0x123),                   /* a write to %g0 is lost */
        MEMI(M_SWAP, G0, G1, 8),            /* stores 0, %g0 stays 0 */
        MEMI(M_LDSTUB, G0, G1, 12),
        ALU(X_OR, G5, G0, G0),
        UNIMP,
    };
    CpuStop st;

    fx_setup(PSR_RUN);
    LOAD_PROG(prog);
    put32(DATA, 0x12345678);
    put32(DATA + 4, 0xdeadbeef);
    put32(DATA + 8, 0x55555555);
    put32(DATA + 12, 0x00000000);
    REG(G1) = DATA;
    REG(G4) = 0xcafef00d;
    REG(G5) = 0x55;
    st = run();
    check_end(st, 28);
    CU_ASSERT_EQUAL(REG(G2), 0x34u);
    CU_ASSERT_EQUAL(REG(G3), 0xffu);
    CU_ASSERT_EQUAL(get32(DATA), 0x12ff5678u);
    CU_ASSERT_EQUAL(REG(G4), 0xdeadbeefu);
    CU_ASSERT_EQUAL(get32(DATA + 4), 0xcafef00du);
    CU_ASSERT_EQUAL(get32(DATA + 8), 0u);
    CU_ASSERT_EQUAL(get32(DATA + 12), 0xff000000u);
    CU_ASSERT_EQUAL(REG(G0), 0u);
    CU_ASSERT_EQUAL(REG(G5), 0u);
    fx_teardown();
}

/* mem_address_not_aligned (V8 §B.1-B.7): no register or memory change. */
static void test_misaligned(void)
{
    static const struct {
        uint32_t insn;
        const char *what;
    } cases[] = {
        { MEMI(M_LD, G3, G1, 2), "ld +2" },
        { MEMI(M_LD, G3, G1, 1), "ld +1" },
        { MEMI(M_LDUH, G3, G1, 1), "lduh +1" },
        { MEMI(M_LDSH, G3, G1, 3), "ldsh +3" },
        { MEMI(M_LDD, G2, G1, 4), "ldd +4" },
        { MEMI(M_ST, G3, G1, 1), "st +1" },
        { MEMI(M_STH, G3, G1, 1), "sth +1" },
        { MEMI(M_STD, G2, G1, 4), "std +4" },
        { MEMI(M_SWAP, G3, G1, 2), "swap +2" },
    };
    unsigned i;
    CpuStop st;

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        uint32_t prog[] = { cases[i].insn, UNIMP };
        unsigned j;

        fx_setup(PSR_TRAPS);
        LOAD_PROG(prog);
        for (j = 0; j < 16; j += 4) {
            put32(DATA + j, 0xa0a0a0a0u + j);
        }
        REG(G1) = DATA;
        REG(G2) = 0x22;
        REG(G3) = 0x33;
        st = run();
        if (cpu.tbr != (TBR_BASE | (TT_UNALIGNED << 4))) {
            printf("\n  %s: tbr %08x", cases[i].what, cpu.tbr);
        }
        check_trap(st, TT_UNALIGNED, CODE, CODE + 4);
        CU_ASSERT_EQUAL(REG(G2), 0x22u);
        CU_ASSERT_EQUAL(REG(G3), 0x33u);
        for (j = 0; j < 16; j += 4) {
            CU_ASSERT_EQUAL(get32(DATA + j), 0xa0a0a0a0u + j);
        }
        fx_teardown();
    }
}

/*
 * Regression (found by this test, fixed in 6886f0d): the software TLB
 * marked an empty entry with tag 1 and the fast path compares the tag with
 * va & (0xfffff000 | (size - 1)), so a misaligned access in virtual page 0
 * whose low bits equal 1 (ld [1], lduh [3], ldd [9], st [0x101]) matched an
 * empty slot 0 and went through its stale or zero host addend instead of
 * trapping: the simulator crashed.  V8 §B.1 requires
 * mem_address_not_aligned.  Run in a child process so that a crash shows
 * up as a failure.
 */
static void test_misaligned_page0(void)
{
    static const uint32_t insns[] = {
        MEMI(M_LD, G3, G0, 1),              /* ld [1] */
        MEMI(M_LDUH, G3, G0, 3),            /* lduh [3] */
        MEMI(M_ST, G3, G0, 0x101),          /* st [0x101] */
        MEMI(M_LDD, G2, G0, 9),             /* ldd [9] */
    };
    unsigned i;

    for (i = 0; i < sizeof(insns) / sizeof(insns[0]); i++) {
        pid_t pid;
        int status = -1;

        fflush(stdout);
        pid = fork();
        CU_ASSERT_FATAL(pid >= 0);
        if (pid == 0) {
            uint32_t prog[] = { insns[i], UNIMP };
            CpuStop st;

            fx_setup(PSR_TRAPS);
            LOAD_PROG(prog);
            REG(G3) = 0x33;
            st = run();
            _exit(st == CPU_STOP_ERROR_MODE &&
                  cpu.tbr == (TBR_BASE | (TT_UNALIGNED << 4)) &&
                  REG(G3) == 0x33 && get32(0x100) == 0 ? 0 : 1);
        }
        waitpid(pid, &status, 0);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            printf("\n  insn %08x: %s", insns[i],
                   WIFSIGNALED(status) ? "simulator crashed"
                                       : "no mem_address_not_aligned trap");
        }
        CU_ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
}

/* ------------------------------------------------------------------ */
/* State registers                                                      */

static void test_state_regs(void)
{
    uint32_t prog[] = {
        ALUI(X_WRY, G0, G1, 0xff),          /* Y = %g1 xor 0xff */
        ALU(X_RDY, G2, G0, G0),
        ALUI(X_WRWIM, G0, G0, 0x1ff),       /* only NWINDOWS bits kept */
        ALU(X_RDWIM, G3, G0, G0),
        ALU(X_WRTBR, G0, G4, G0),           /* TBA only, tt kept */
        ALU(X_RDTBR, G5, G0, G0),
        ALU(X_RDPSR, G6, G0, G0),
        UNIMP,
    };
    CpuStop st;

    fx_setup(PSR_RUN);
    LOAD_PROG(prog);
    REG(G1) = 0x12345678;
    REG(G4) = 0x00fff123;
    cpu.tbr = TBR_BASE | 0x530;
    cpu.icc = Z | V;
    st = run();
    check_end(st, 28);
    CU_ASSERT_EQUAL(REG(G2), 0x12345687u);
    CU_ASSERT_EQUAL(cpu.y, 0x12345687u);
    CU_ASSERT_EQUAL(REG(G3), 0xffu);
    CU_ASSERT_EQUAL(REG(G5), 0x00fff530u);
    CU_ASSERT_EQUAL(REG(G6), PSR_RUN | PSR_ICC_Z | PSR_ICC_V);
    fx_teardown();

    /* privileged in user mode */
    {
        uint32_t priv[] = { ALU(X_RDPSR, G1, G0, G0), UNIMP };

        fx_setup(PSR_TRAPS & ~PSR_S);
        LOAD_PROG(priv);
        REG(G1) = 0x11;
        st = run();
        check_trap(st, TT_PRIV, CODE, CODE + 4);
        CU_ASSERT_EQUAL(REG(G1), 0x11u);
        fx_teardown();
    }
}

/* ------------------------------------------------------------------ */
/* Timing (cpu/timing.c)                                                */

static void test_cycles(void)
{
    uint32_t prog[] = {
        sethi(G7, 0x12345400),              /* 0 */
        MEM(M_LD, G2, G1, G0),              /* 4 */
        ALUI(X_ADD, G3, G2, 1),             /* 8: uses %g2: interlock */
        MEMI(M_LD, G4, G1, 4),              /* 12 */
        ALU(X_ADD, G5, G1, G1),             /* 16: independent */
        MEMI(M_ST, G3, G1, 8),              /* 20 */
        ALU(X_UMUL, G6, G3, G3),            /* 24 */
        ALUI(X_UDIV, G6, G6, 3),            /* 28 */
        MEM(M_LDD, G4, G1, G0),             /* 32 */
        ALU(X_ADD, G2, G0, G5),             /* 36: uses %g5 (rs2) */
        bicc(0, CA, 2),                     /* 40: -> 48 */
        NOP,                                /* 44 */
        bicc(1, CA, 2),                     /* 48: -> 56, slot annulled */
        NOP,                                /* 52 */
        UNIMP,                              /* 56 */
    };
    Cycles want = sparc_op_cost[OP_SETHI] + sparc_op_cost[OP_LD] +
                  sparc_op_cost[OP_ADD] + INTERLOCK_COST +
                  sparc_op_cost[OP_LD] + sparc_op_cost[OP_ADD] +
                  sparc_op_cost[OP_ST] + sparc_op_cost[OP_UMUL] +
                  sparc_op_cost[OP_UDIV] + sparc_op_cost[OP_LDD] +
                  sparc_op_cost[OP_ADD] + INTERLOCK_COST +
                  sparc_op_cost[OP_BICC] + sparc_op_cost[OP_NOP] +
                  sparc_op_cost[OP_BICC] + ANNUL_COST;
    CpuStop st;

    fx_setup(PSR_RUN);
    LOAD_PROG(prog);
    put32(DATA, 41);
    REG(G1) = DATA;
    st = run();
    check_end(st, 56);
    CU_ASSERT_EQUAL(REG(G3), 42u);
    CU_ASSERT_EQUAL(REG(G7), 0x12345400u);
    CU_ASSERT_EQUAL(cpu.cycles, want);
    CU_ASSERT_EQUAL(want, 41u);             /* with the timing.c figures */
    CU_ASSERT_EQUAL(cpu.insns, 13u);
    fx_teardown();

    /* trap entry: nop, then ta -> 1 + 4 */
    {
        uint32_t trap_prog[] = { NOP, TICC(CA, G0, 1), UNIMP };

        fx_setup(PSR_TRAPS);
        LOAD_PROG(trap_prog);
        st = run();
        check_trap(st, 0x81, CODE + 4, CODE + 8);
        CU_ASSERT_EQUAL(cpu.cycles, sparc_op_cost[OP_NOP] + TRAP_COST);
        fx_teardown();
    }
}

/*
 * Regression (found by this test, fixed in 6886f0d): the interlock compared
 * the loaded register with d->rs1 and d->rs2 of the next instruction
 * whatever its format.  For Bicc/FBfcc the decoder keeps cond in rs1 and
 * the annul bit in rs2 (decode.h), and an FPop's rs1/rs2 are FP registers,
 * so "ld [..], %o1; bne" (cond 9 = %o1), "ld [..], %g1; be,a" (annul 1 =
 * %g1) and "ld [..], %g1; fadds %f1, %f2, %f3" were charged the extra
 * cycle though none reads the loaded integer register (V8 §B.21, §B.29).
 * SIS, the model timing.c cites, checks the dependency only for op=2/3 and
 * not for FPops (sim/erc32/exec.c, "if (op & 2)", op3 & 0x3e != 0x34).
 * The second half checks the sources that do interlock: a store's data
 * register (rd) and swap's, but not sethi's or call's fields.
 */
static void test_cycles_no_false_interlock(void)
{
    static const struct {
        unsigned rd, annul, cond;
    } cases[] = {
        { O1, 0, CNE },                     /* cond 9 == %o1 */
        { G1, 1, CE },                      /* annul 1 == %g1 */
        { G2, 0, CNE },                     /* no clash: control case */
    };
    static const unsigned fp_rd[] = { G4, G1, G2 };   /* control first */
    Cycles fp_cycles[3];
    unsigned i;
    CpuStop st;

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        uint32_t prog[] = {
            MEM(M_LD, cases[i].rd, G7, G0),
            bicc(cases[i].annul, cases[i].cond, 2),     /* taken -> +8 */
            NOP,
            UNIMP,
        };
        Cycles want = sparc_op_cost[OP_LD] + sparc_op_cost[OP_BICC] +
                      sparc_op_cost[OP_NOP];

        fx_setup(PSR_RUN);
        LOAD_PROG(prog);
        REG(G7) = DATA;
        cpu.icc = cases[i].cond == CE ? Z : 0;
        st = run();
        check_end(st, 12);
        if (cpu.cycles != want) {
            printf("\n  ld into r%u then branch cond %u a %u: "
                   "%llu cycles, want %llu", cases[i].rd, cases[i].cond,
                   cases[i].annul, (unsigned long long)cpu.cycles,
                   (unsigned long long)want);
        }
        CU_ASSERT_EQUAL(cpu.cycles, want);
        fx_teardown();
    }

    /* fadds %f1, %f2, %f3 (0x87a04822) after a load into %g4, %g1, %g2 */
    for (i = 0; i < 3; i++) {
        uint32_t prog[] = {
            MEM(M_LD, fp_rd[i], G7, G0),
            0x87a04822u,
            UNIMP,
        };

        fx_setup(PSR_RUN);
        LOAD_PROG(prog);
        REG(G7) = DATA;
        st = run();
        check_end(st, 8);
        fp_cycles[i] = cpu.cycles;
        if (i > 0 && fp_cycles[i] != fp_cycles[0]) {
            printf("\n  ld into %%g%u then fadds %%f1, %%f2: "
                   "%llu cycles, %llu after ld into %%g4", fp_rd[i],
                   (unsigned long long)fp_cycles[i],
                   (unsigned long long)fp_cycles[0]);
        }
        fx_teardown();
    }
    CU_ASSERT_EQUAL(fp_cycles[1], fp_cycles[0]);
    CU_ASSERT_EQUAL(fp_cycles[2], fp_cycles[0]);

    /* ld into %g2, then an instruction using or not using %g2 */
    {
        static const struct {
            uint32_t insn;
            unsigned cost_op;
            bool interlock;
        } uses[] = {
            { MEMI(M_ST, G2, G1, 8), OP_ST, true },      /* data */
            { MEMI(M_ST, G3, G2, 8), OP_ST, true },      /* address */
            { MEMI(M_ST, G3, G1, 8), OP_ST, false },
            { MEMI(M_STB, G2, G1, 8), OP_STB, true },
            { MEMI(M_STD, G2, G1, 8), OP_STD, true },
            { MEMI(M_SWAP, G2, G1, 8), OP_SWAP, true },
            { MEMI(M_LDSTUB, G2, G1, 8), OP_LDSTUB, false },
            { ALU(X_ADD, G3, G1, G2), OP_ADD, true },    /* rs2 */
            { ALUI(X_ADD, G2, G1, 2), OP_ADD, false },   /* rd only */
            { 0x05000001u, OP_SETHI, false },            /* sethi .., %g2 */
        };

        for (i = 0; i < sizeof(uses) / sizeof(uses[0]); i++) {
            uint32_t prog[] = {
                MEM(M_LD, G2, G1, G0),
                uses[i].insn,
                UNIMP,
            };
            Cycles want = sparc_op_cost[OP_LD] +
                          sparc_op_cost[uses[i].cost_op] +
                          (uses[i].interlock ? INTERLOCK_COST : 0);

            fx_setup(PSR_RUN);
            LOAD_PROG(prog);
            put32(DATA, DATA);
            REG(G1) = DATA;
            st = run();
            check_end(st, 8);
            if (cpu.cycles != want) {
                printf("\n  ld %%g2; %08x: %llu cycles, want %llu",
                       uses[i].insn, (unsigned long long)cpu.cycles,
                       (unsigned long long)want);
            }
            CU_ASSERT_EQUAL(cpu.cycles, want);
            fx_teardown();
        }
    }
}

/* cpu_run stops at the first instruction boundary at or past the limit. */
static void test_budget(void)
{
    uint32_t prog[] = {
        bicc(0, CA, 0),                     /* ba . */
        ALUI(X_ADD, G1, G1, 1),
    };
    CpuStop st;

    fx_setup(PSR_RUN);
    LOAD_PROG(prog);
    cpu.pc = CODE;
    cpu.npc = CODE + 4;
    st = cpu_run(&cpu, 100);
    CU_ASSERT_EQUAL(st, CPU_STOP_BUDGET);
    CU_ASSERT_EQUAL(cpu.cycles, 100u);
    CU_ASSERT_EQUAL(REG(G1), 50u);
    CU_ASSERT_EQUAL(cpu.pc, CODE);
    st = cpu_run(&cpu, 201);
    CU_ASSERT_EQUAL(st, CPU_STOP_BUDGET);
    CU_ASSERT_EQUAL(cpu.cycles, 201u);
    CU_ASSERT_EQUAL(cpu.pc, CODE + 4);      /* resumes mid-pair */
    st = cpu_run(&cpu, 202);
    CU_ASSERT_EQUAL(REG(G1), 101u);
    CU_ASSERT_EQUAL(cpu.cycles, 202u);
    /* a limit already reached runs nothing */
    st = cpu_run(&cpu, 10);
    CU_ASSERT_EQUAL(st, CPU_STOP_BUDGET);
    CU_ASSERT_EQUAL(cpu.cycles, 202u);
    fx_teardown();
}

/*
 * Delay loops ("1: bne 1b; subcc %o0, 1, %o0", Linux's __delay) are done
 * many turns at a time (sparc.c delay_loop_skip).  The same loop with the
 * decrement in a register (subcc %o0, %g1, %o0: not recognised, so run
 * turn by turn) must give exactly the same machine at every cycle limit:
 * stop reason, cycles, instructions, pc, npc, %o0 and the condition
 * codes, and the same end once the loop is left.
 */
enum { DELAY_PLAIN, DELAY_FROM_SLOT };

/*
 * Run the loop at CODE + 4 over the cycle limits, the machine after each
 * run into out[] (error_tt = the stop reason, y = %o0).  DELAY_FROM_SLOT:
 * a first plain run decodes the loop; then it is entered again with its
 * bne in another branch's delay slot (npc = CODE + 16), so the bne's own
 * delay instruction is that branch's target, sll %o0, 1, %o0, not the
 * subcc, and nothing may be skipped until the loop runs the plain way.
 */
static void run_delay(bool skippable, int entry, uint32_t count,
                      const Cycles *limits, unsigned n, SparcCpu *out,
                      uint64_t *skipped)
{
    uint32_t prog[] = {
        ALUI(X_SUBCC, G0, O0, 0),           /* 0: cmp %o0, 0 */
        bicc(0, CNE, 0),                    /* 4: bne . */
        skippable ? ALUI(X_SUBCC, O0, O0, 1) : ALU(X_SUBCC, O0, O0, G1),
        UNIMP,                              /* 12 */
        ALUI(X_SLL, O0, O0, 1),             /* 16: the other target */
        UNIMP,
    };
    unsigned i;

    fx_setup(PSR_RUN);
    LOAD_PROG(prog);
    REG(G1) = 1;
    if (entry == DELAY_FROM_SLOT) {
        REG(O0) = 3;
        CU_ASSERT_EQUAL(run(), CPU_STOP_ERROR_MODE);  /* decodes the loop */
        cpu.icc = 0;
        cpu.pc = CODE + 4;                  /* bne, in a delay slot */
        cpu.npc = CODE + 16;
    } else {
        cpu.pc = CODE;
        cpu.npc = CODE + 4;
    }
    REG(O0) = count;
    for (i = 0; i < n; i++) {
        CpuStop st = cpu_run(&cpu, limits[i]);
        out[i] = cpu;
        out[i].error_tt = st;
        out[i].y = REG(O0);
    }
    *skipped = cpu.delay_skipped;
    fx_teardown();
}

/* The loop with the decrement in a register (subcc %o0, %g1, %o0: not
 * recognised, so run turn by turn) must leave exactly the same machine
 * at every limit: stop reason, cycles, instructions, pc, npc, %o0 and
 * the condition codes.  Returns the skipped cycles of the fast run; the
 * last machine of the fast run is left in *last. */
static uint64_t delay_same_as_slow(int entry, uint32_t count,
                                   const Cycles *limits, unsigned n,
                                   SparcCpu *last)
{
    static SparcCpu fast[16], slow[16];
    uint64_t fast_skipped, slow_skipped;
    unsigned i;

    CU_ASSERT_FATAL(n <= 16);
    run_delay(true, entry, count, limits, n, fast, &fast_skipped);
    run_delay(false, entry, count, limits, n, slow, &slow_skipped);
    for (i = 0; i < n; i++) {
        CU_ASSERT_EQUAL(fast[i].error_tt, slow[i].error_tt);
        CU_ASSERT_EQUAL(fast[i].cycles, slow[i].cycles);
        CU_ASSERT_EQUAL(fast[i].insns, slow[i].insns);
        CU_ASSERT_EQUAL(fast[i].pc, slow[i].pc);
        CU_ASSERT_EQUAL(fast[i].npc, slow[i].npc);
        CU_ASSERT_EQUAL(fast[i].icc, slow[i].icc);
        CU_ASSERT_EQUAL(fast[i].y, slow[i].y);      /* %o0 */
    }
    CU_ASSERT_EQUAL(slow_skipped, 0);
    *last = fast[n - 1];
    return fast_skipped;
}

static void test_delay_loop(void)
{
    static const Cycles limits[] = {
        1, 2, 3, 10, 11, 1000, 1001, 54321, 99999, 100000, 100001,
        150000, 4000000,
    };
    static SparcCpu last;
    uint64_t skipped = delay_same_as_slow(DELAY_PLAIN, 60000, limits,
                                          sizeof(limits) / sizeof(limits[0]),
                                          &last);

    /* the loop ran out: 60,000 turns, then the untaken bne and its
     * subcc leave %o0 = -1 (N and C set) and stop on the unimp */
    CU_ASSERT_EQUAL(last.error_tt, CPU_STOP_ERROR_MODE);
    CU_ASSERT_EQUAL(last.pc, CODE + 12);
    CU_ASSERT_EQUAL(last.y, 0xffffffffu);
    CU_ASSERT_EQUAL(last.icc, N | C);
    CU_ASSERT_EQUAL(last.insns, 1 + 2 * 60001);
    /* and it was skipped, not run turn by turn */
    CU_ASSERT(skipped > 100000);
}

static void test_delay_loop_in_delay_slot(void)
{
    static const Cycles limits[] = {
        103, 40103, 80103, 120103, 10000000,
    };
    static SparcCpu last;

    delay_same_as_slow(DELAY_FROM_SLOT, 30000, limits,
                       sizeof(limits) / sizeof(limits[0]), &last);
    /* sll doubled 30000 before the plain loop counted it down */
    CU_ASSERT_EQUAL(last.pc, CODE + 12);
    CU_ASSERT_EQUAL(last.y, 0xffffffffu);
}

/* A CPU halted (APC idle) with traps disabled stays halted whatever is
 * requested: nothing could ever be taken (the machine loop then ends the
 * run); with traps enabled the request wakes it. */
static void test_halt_traps_disabled(void)
{
    uint32_t prog[] = { ALUI(X_ADD, G1, G1, 1), UNIMP };

    fx_setup(PSR_RUN);                      /* ET = 0 */
    LOAD_PROG(prog);
    cpu.pc = CODE;
    cpu.npc = CODE + 4;
    cpu_halt(&cpu);
    cpu_set_irq_level(&cpu, 15);
    CU_ASSERT_EQUAL(cpu_run(&cpu, 1000), CPU_STOP_HALT);
    CU_ASSERT_EQUAL(cpu.cycles, 0u);
    CU_ASSERT_EQUAL(REG(G1), 0u);
    cpu.psr |= PSR_ET | (15u << 8);         /* ET, PIL 15: not taken */
    cpu_set_irq_level(&cpu, 5);
    CU_ASSERT_EQUAL(cpu_run(&cpu, 1000), CPU_STOP_ERROR_MODE);
    CU_ASSERT_EQUAL(REG(G1), 1u);           /* woke and ran on */
    fx_teardown();
}

/* ------------------------------------------------------------------ */
/* Self-modifying code                                                  */

/*
 * A fresh machine runs a two-pass loop whose second instruction (writer: a
 * store or swap of %g2 to [%g3]) overwrites the first, add %g1, 1, %g1,
 * with add %g1, 0x100, %g1: the second pass must run the new instruction.
 * The caller calls fx_teardown.
 */
static void run_patch_loop(uint32_t writer)
{
    uint32_t prog[] = {
        ALUI(X_ADD, G1, G1, 1),             /* 0: overwritten below */
        writer,                             /* 4: [0] = %g2 */
        ALUI(X_SUBCC, G4, G4, 1),           /* 8 */
        bicc(0, CNE, -3),                   /* 12: -> 0 */
        NOP,                                /* 16 */
        UNIMP,                              /* 20 */
    };

    fx_setup(PSR_RUN);
    LOAD_PROG(prog);
    REG(G2) = ALUI(X_ADD, G1, G1, 0x100);
    REG(G3) = CODE;
    REG(G4) = 2;
    check_end(run(), 20);
    CU_ASSERT_EQUAL(REG(G1), 0x101u);
}

static void test_self_modifying(void)
{
    uint32_t via_page_b[] = {
        MEMI(M_ST, G2, G3, 4),              /* 0: data store, page B */
        call((PAGE_B - CODE - 4) / 4),      /* 4: -> B */
        NOP,
        MEMI(M_ST, G6, G3, 4),              /* 12: patch B+4 */
        call((PAGE_B - CODE - 16) / 4),     /* 16: -> B */
        NOP,
        UNIMP,                              /* 24 */
    };
    uint32_t page_b[] = {
        ALUI(X_JMPL, G0, O7, 8),            /* retl */
        SET13(G5, 0),                       /* patched */
    };
    CpuStop st;

    /* a store over an instruction that has already run */
    run_patch_loop(MEM(M_ST, G2, G3, G0));
    CU_ASSERT_EQUAL(get32(CODE), ALUI(X_ADD, G1, G1, 0x100));
    fx_teardown();

    /* a page written as data first (writable TLB entry), then run, then
     * written again: the second write must reach the decoded code */
    fx_setup(PSR_RUN);
    LOAD_PROG(via_page_b);
    load_on(&bus, PAGE_B, page_b, 2);
    REG(G2) = SET13(G5, 1);
    REG(G6) = SET13(G5, 2);
    REG(G3) = PAGE_B;
    st = run();
    check_end(st, 24);
    CU_ASSERT_EQUAL(REG(G5), 2u);
    fx_teardown();

    /* swap writes code too */
    run_patch_loop(MEM(M_SWAP, G2, G3, G0));
    fx_teardown();

    /* a store over the very next instruction, a byte store into an
     * immediate, and only the written instruction is decoded again */
    fx_setup(PSR_RUN);
    {
        uint32_t p3[] = {
            MEMI(M_ST, G2, G3, 4),          /* 0: patch 4 */
            SET13(G1, 1),                   /* 4: becomes or %g0, 2, %g1 */
            MEMI(M_STB, G4, G3, 15),        /* 8: imm byte of 12 */
            SET13(G5, 0x100),               /* 12: becomes 0x1ab */
            UNIMP,                          /* 16 */
        };
        uint64_t decoded;

        LOAD_PROG(p3);
        REG(G2) = SET13(G1, 2);
        REG(G3) = CODE;
        REG(G4) = 0xab;
        st = run();
        check_end(st, 16);
        CU_ASSERT_EQUAL(REG(G1), 2u);
        CU_ASSERT_EQUAL(REG(G5), 0x1abu);
        /* the first run patched 4 and 12 before they were decoded: 5
         * decodes.  Run again: the stores rewrite the same words, and only
         * 4 and 12 are decoded again */
        decoded = cpu.decoded_insns;
        CU_ASSERT_EQUAL(decoded, 5u);
        REG(G1) = REG(G5) = 0;
        st = run();
        check_end(st, 16);
        CU_ASSERT_EQUAL(REG(G1), 2u);
        CU_ASSERT_EQUAL(REG(G5), 0x1abu);
        CU_ASSERT_EQUAL(cpu.decoded_insns, decoded + 2);
    }
    fx_teardown();

    /* std over two instructions */
    fx_setup(PSR_RUN);
    {
        uint32_t p4[] = {
            SET13(G1, 1),                   /* 0 */
            SET13(G2, 1),                   /* 4 */
            MEMI(M_STD, G4, G3, 0),         /* 8: patch 0 and 4 */
            ALUI(X_SUBCC, G6, G6, 1),       /* 12 */
            bicc(0, CNE, -4),               /* 16: -> 0 */
            NOP,
            UNIMP,                          /* 24 */
        };

        LOAD_PROG(p4);
        REG(G3) = CODE;
        REG(G4) = SET13(G1, 3);
        REG(G5) = SET13(G2, 4);
        REG(G6) = 2;
        st = run();
        check_end(st, 24);
        CU_ASSERT_EQUAL(REG(G1), 3u);
        CU_ASSERT_EQUAL(REG(G2), 4u);
    }
    fx_teardown();

    /* a write by someone else (DMA) through bus_ram_written, crossing
     * from one code page into the next */
    fx_setup(PSR_RUN);
    {
        uint32_t tail[] = {
            SET13(G1, 1),                   /* PAGE_B - 4 */
            SET13(G2, 1),                   /* PAGE_B */
            UNIMP,
        };

        load_on(&bus, PAGE_B - 4, tail, 3);
        st = run_from(PAGE_B - 4);
        CU_ASSERT_EQUAL(st, CPU_STOP_ERROR_MODE);
        CU_ASSERT_EQUAL(cpu.pc, PAGE_B + 4);
        CU_ASSERT_EQUAL(REG(G2), 1u);
        put32(PAGE_B - 4, SET13(G1, 5));
        put32(PAGE_B, SET13(G2, 6));
        bus_ram_written(&bus, PAGE_B - 2, 4);
        st = run_from(PAGE_B - 4);
        CU_ASSERT_EQUAL(cpu.pc, PAGE_B + 4);
        CU_ASSERT_EQUAL(REG(G1), 5u);
        CU_ASSERT_EQUAL(REG(G2), 6u);
    }
    fx_teardown();

    /* a write by someone else (DMA) through bus_ram_written */
    fx_setup(PSR_RUN);
    {
        uint32_t p2[] = { SET13(G1, 1), UNIMP };

        LOAD_PROG(p2);
        st = run();
        check_end(st, 4);
        CU_ASSERT_EQUAL(REG(G1), 1u);
        put32(CODE, SET13(G1, 2));
        bus_ram_written(&bus, CODE, 4);
        st = run();
        check_end(st, 4);
        CU_ASSERT_EQUAL(REG(G1), 2u);
    }
    fx_teardown();
}

/* ------------------------------------------------------------------ */
/* Bus errors through the MMU                                           */

/*
 * SRMMU tables in RAM (V8 H.2): a context table at MMU_CTXTBL whose entry
 * 0 points to the level-1 table MMU_L1, which maps VA 0-16 MB 1:1 (code,
 * trap table, data) and VA_NOWHERE's 16 MB to PA_NOWHERE, where nothing
 * answers on this machine's bus.  ACC 3 (read/write/execute), R and M set.
 */
#define MMU_CTXTBL 0x30000u
#define MMU_L1 0x30400u
#define VA_NOWHERE 0x50000000u
#define PA_NOWHERE 0x20000000u
#define PTE16M(pa) ((((pa) >> 4) & 0xffffff00u) | 0x60u | (3u << 2) | 2u)

static void mmu_on_nowhere(void)
{
    put32(MMU_CTXTBL, (MMU_L1 >> 4) | 1u);          /* PTD */
    put32(MMU_L1, PTE16M(0u));
    put32(MMU_L1 + 4 * (VA_NOWHERE >> 24), PTE16M(PA_NOWHERE));
    cpu.mmu.ctp = MMU_CTXTBL >> 4;
    cpu.mmu.ctx = 0;
    cpu.mmu.ctrl |= SRMMU_CTRL_E;
    cpu_tlb_flush(&cpu);
}

static uint32_t sfsr_bus(unsigned at)
{
    return (at << SRMMU_SFSR_AT_SHIFT) |
           (SRMMU_FT_BUS << SRMMU_SFSR_FT_SHIFT) | SRMMU_SFSR_FAV;
}

/*
 * A virtual address mapped to a physical address where nothing answers:
 * the access ends in a bus error, and SFAR holds the virtual address of the
 * access (V8 H.3.5), not the physical one QEMU 7.2 stores.
 */
static void test_bus_error_sfar_is_va(void)
{
    const uint32_t va = VA_NOWHERE + 0x124;
    /* ld [%g1], %g2 / st %g0, [%g1 + 8] / jmpl %g1, %g0 /
     * lda [%g3] 0x20, %g2 (MMU bypass: the address is the PA) */
    uint32_t ld_prog[] = { MEM(M_LD, G2, G1, G0), UNIMP };
    uint32_t st_prog[] = { MEMI(M_ST, G0, G1, 8), UNIMP };
    uint32_t jmp_prog[] = { ALU(X_JMPL, G0, G1, G0), NOP, UNIMP };
    uint32_t lda_prog[] = { MEM(0x10, G2, G3, G0) | (0x20u << 5), UNIMP };
    CpuStop st;

    fx_setup(PSR_TRAPS);
    mmu_on_nowhere();
    LOAD_PROG(ld_prog);
    REG(G1) = va;
    REG(G2) = 0x77;
    st = run();
    check_trap(st, TT_DACC_ERR, CODE, CODE + 4);
    CU_ASSERT_EQUAL(cpu.mmu.sfsr, sfsr_bus(SRMMU_AT_LD_SUPER_DATA));
    CU_ASSERT_EQUAL(cpu.mmu.sfar, va);
    CU_ASSERT_NOT_EQUAL(cpu.mmu.sfar, (uint32_t)(PA_NOWHERE + 0x124));
    fx_teardown();

    fx_setup(PSR_TRAPS);
    mmu_on_nowhere();
    LOAD_PROG(st_prog);
    REG(G1) = va;
    st = run();
    check_trap(st, TT_DACC_ERR, CODE, CODE + 4);
    CU_ASSERT_EQUAL(cpu.mmu.sfsr, sfsr_bus(SRMMU_AT_ST_SUPER_DATA));
    CU_ASSERT_EQUAL(cpu.mmu.sfar, va + 8);
    fx_teardown();

    /* a fetch: instruction_access_error, SFAR = the instruction's VA
     * (QEMU leaves SFAR unchanged here) */
    fx_setup(PSR_TRAPS);
    mmu_on_nowhere();
    LOAD_PROG(jmp_prog);
    REG(G1) = va;
    st = run();
    check_trap(st, TT_IACC_ERR, va, va + 4);
    CU_ASSERT_EQUAL(cpu.mmu.sfsr, sfsr_bus(SRMMU_AT_LD_SUPER_INSN));
    CU_ASSERT_EQUAL(cpu.mmu.sfar, va);
    fx_teardown();

    /* MMU bypass: the address in the instruction is the one recorded */
    fx_setup(PSR_TRAPS);
    mmu_on_nowhere();
    LOAD_PROG(lda_prog);
    REG(G3) = PA_NOWHERE + 0x124;
    st = run();
    check_trap(st, TT_DACC_ERR, CODE, CODE + 4);
    CU_ASSERT_EQUAL(cpu.mmu.sfsr, sfsr_bus(SRMMU_AT_LD_SUPER_DATA));
    CU_ASSERT_EQUAL(cpu.mmu.sfar, PA_NOWHERE + 0x124);
    fx_teardown();
}

/* ------------------------------------------------------------------ */
/* Two machines                                                         */

/*
 * Two machines run interleaved must behave as each run alone: A and B run
 * by turns, C and D run A's and B's programs in one go.  The loop has a
 * load-use pair and the budgets stop the runs next to the loads, so any
 * per-CPU pipeline state is carried across the switch.
 */
static void test_two_instances(void)
{
    /* 7 cycles a turn: ld 1, add 1 + interlock 1, st 2, ba 1, nop 1 */
    uint32_t prog_a[] = {
        MEMI(M_LD, G3, G2, 4),
        ALU(X_ADD, G1, G1, G3),
        MEM(M_ST, G1, G2, G0),
        bicc(0, CA, -3),
        NOP,
    };
    uint32_t prog_b[] = {
        MEMI(M_LD, G4, G2, 4),
        ALU(X_ADD, G1, G1, G4),
        MEM(M_ST, G1, G2, G0),
        bicc(0, CA, -3),
        NOP,
    };
    Bus *b[4];
    SparcCpu *c[4];
    SparcCpu *ca, *cb, *cc, *cd;
    unsigned i;

    for (i = 0; i < 4; i++) {
        b[i] = calloc(1, sizeof(Bus));
        c[i] = calloc(1, sizeof(SparcCpu));
        CU_ASSERT_FATAL(b[i] != NULL && c[i] != NULL);
        machine_init(b[i], c[i], PSR_RUN);
        load_on(b[i], CODE, (i & 1) ? prog_b : prog_a, 5);
        put32_on(b[i], DATA + 4, (i & 1) ? (uint32_t)-3 : 1);
        c[i]->pc = CODE;
        c[i]->npc = CODE + 4;
        *c[i]->rp[G2] = DATA;
    }
    ca = c[0];
    cb = c[1];
    cc = c[2];
    cd = c[3];

    /* A and B by turns; the limits fall one cycle past a turn's end */
    CU_ASSERT_EQUAL(cpu_run(ca, 71), CPU_STOP_BUDGET);
    CU_ASSERT_EQUAL(cpu_run(cb, 50), CPU_STOP_BUDGET);
    CU_ASSERT_EQUAL(cpu_run(ca, 141), CPU_STOP_BUDGET);
    CU_ASSERT_EQUAL(cpu_run(cb, 100), CPU_STOP_BUDGET);
    CU_ASSERT_EQUAL(cpu_run(cc, 141), CPU_STOP_BUDGET);
    CU_ASSERT_EQUAL(cpu_run(cd, 100), CPU_STOP_BUDGET);

    /* 20 turns of A: the run stops after the ld of turn 21 */
    CU_ASSERT_EQUAL(*ca->rp[G1], 20u);
    CU_ASSERT_EQUAL(ca->pc, CODE + 4);
    CU_ASSERT_EQUAL(get32_on(b[0], DATA), 20u);
    CU_ASSERT_EQUAL(ca->cycles, cc->cycles);
    CU_ASSERT_EQUAL(ca->insns, cc->insns);
    CU_ASSERT_EQUAL(ca->pc, cc->pc);
    CU_ASSERT_EQUAL(*ca->rp[G1], *cc->rp[G1]);
    /* B: 14 whole turns at least, each adding -3 */
    CU_ASSERT_TRUE((int32_t)*cb->rp[G1] <= -42);
    CU_ASSERT_EQUAL((int32_t)*cb->rp[G1] % 3, 0);
    CU_ASSERT_EQUAL(cb->cycles, cd->cycles);
    CU_ASSERT_EQUAL(cb->insns, cd->insns);
    CU_ASSERT_EQUAL(cb->pc, cd->pc);
    CU_ASSERT_EQUAL(*cb->rp[G1], *cd->rp[G1]);
    CU_ASSERT_EQUAL(get32_on(b[1], DATA), get32_on(b[3], DATA));

    /* new code in A and C (as DMA would write it) does not reach B's
     * decode: the add becomes add %g1, 0x10, %g1 */
    for (i = 0; i < 4; i += 2) {
        put32_on(b[i], CODE + 4, ALUI(X_ADD, G1, G1, 0x10));
        bus_ram_written(b[i], CODE + 4, 4);
    }
    CU_ASSERT_EQUAL(cpu_run(ca, 150), CPU_STOP_BUDGET);
    CU_ASSERT_EQUAL(cpu_run(cb, 150), CPU_STOP_BUDGET);
    CU_ASSERT_EQUAL(cpu_run(cc, 150), CPU_STOP_BUDGET);
    CU_ASSERT_EQUAL(cpu_run(cd, 150), CPU_STOP_BUDGET);
    CU_ASSERT_EQUAL(*ca->rp[G1], 20u + 2 * 0x10);
    CU_ASSERT_EQUAL(*ca->rp[G1], *cc->rp[G1]);
    CU_ASSERT_EQUAL(ca->cycles, cc->cycles);
    CU_ASSERT_TRUE((int32_t)*cb->rp[G1] <= -63);
    CU_ASSERT_EQUAL((int32_t)*cb->rp[G1] % 3, 0);
    CU_ASSERT_EQUAL(*cb->rp[G1], *cd->rp[G1]);
    CU_ASSERT_EQUAL(cb->cycles, cd->cycles);
    CU_ASSERT_EQUAL(get32_on(b[1], CODE + 4), prog_b[1]);

    for (i = 0; i < 4; i++) {
        machine_free(b[i], c[i]);
        free(b[i]);
        free(c[i]);
    }
}

/* ------------------------------------------------------------------ */

static const UnitTest tests[] = {
    { "instruction encoder", test_encoder },
    { "add/sub/addx/subx/logic/shift cc", test_alu_cc },
    { "immediate operands and %g0", test_alu_imm },
    { "64-bit carry chains", test_carry_chain },
    { "umul/smul/udiv/sdiv and cc", test_muldiv },
    { "smul/umul simm13, rd %y", test_mul_imm_rdy },
    { "division by zero trap", test_div_zero_trap },
    { "mulscc", test_mulscc },
    { "tagged add/sub and tag_overflow", test_tagged },
    { "Bicc: 16 conditions x 16 icc x annul", test_bicc_all },
    { "backward branch loop", test_branch_loop },
    { "call and jmpl", test_call_jmpl },
    { "save/restore", test_save_restore },
    { "window overflow", test_window_overflow },
    { "window underflow", test_window_underflow },
    { "wr/rd %psr", test_wrpsr },
    { "Ticc", test_ticc },
    { "rett", test_rett },
    { "rett traps", test_rett_traps },
    { "trap with ET=0: error mode", test_error_mode },
    { "loads and stores", test_load_store },
    { "ldd/std odd rd", test_ldd_std_odd },
    { "alternate space: privilege before illegal", test_asi_priority },
    { "ldstub and swap", test_atomic },
    { "misaligned accesses", test_misaligned },
    { "misaligned access in page 0", test_misaligned_page0 },
    { "state registers", test_state_regs },
    { "cycle count", test_cycles },
    { "load-use interlock sources", test_cycles_no_false_interlock },
    { "cycle budget", test_budget },
    { "delay loops skipped exactly", test_delay_loop },
    { "delay loop entered from a delay slot", test_delay_loop_in_delay_slot },
    { "halted with traps disabled stays halted", test_halt_traps_disabled },
    { "self-modifying code", test_self_modifying },
    { "bus error: SFAR holds the virtual address", test_bus_error_sfar_is_va },
    { "two independent machines", test_two_instances },
};

int main(void)
{
    return UNIT_RUN("cpu", NULL, NULL, tests);
}
