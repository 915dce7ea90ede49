/*
 * Differential tests of block translation (cpu/jit.c) against the
 * interpreter alone (cpu/sparc.c): the same program runs on two machines,
 * one with cpu_set_jit(false) and one with translation on, in slices of
 * cpu_run of various lengths; after every slice the whole architectural
 * state (registers, %psr/%icc, %y, %wim, %tbr, pc/npc, cycles,
 * instructions, traps, stores, MMU fault registers, %f0..%f31, FSR, the
 * fcmp interlock mark) and the RAM that the program touches must be
 * equal; at the end the whole RAM.
 *
 * Programs (generated from a seeded PRNG, so a failure names its seed):
 *   alu      random ALU ops (all forms), sethi, mul, rd/wr %y and forward
 *            Bicc (every cond, with and without annul) in a hot loop
 *   mem      the same with loads and stores of every size, load-use pairs,
 *            loads in delay slots
 *   trap     the same with unaligned accesses, loads from the PROM (a
 *            device to the TLB) and from an address where nothing is
 *            (data_access_error); the trap table skips the faulting
 *            instruction
 *   fp       FPops (single, double, conversions, fcmp), ldf/lddf/stf/stdf
 *            and forward FBfcc (often right after an fcmp) mixed with ALU
 *            ops and Bicc, from %f registers with NaNs, infinities,
 *            subnormals and huge values; random rounding mode, sometimes
 *            TEM bits (fp_exception traps, skipped like the others) and
 *            quad FPops (unimplemented_FPop)
 *   window   recursion deeper than the 8 windows through call, save,
 *            ret/restore, with the window overflow/underflow handlers of
 *            firmware/lib/wintrap.S
 *   smc      a hot loop that stores a new instruction into its own body
 *
 * Machine: 1 MB RAM, 1 MB PROM, MMU off (boot mode cleared), ET=1.
 *   CODE      0x4000   the program
 *   TBR_BASE  0x10000  trap table: tt 2 (illegal, the program's end) is
 *                      unimp (error mode ends the run), tt 5/6 the window
 *                      handlers, every other "jmpl %l2; rett %l2 + 4"
 *   HANDLERS  0x11000  window handlers
 *   DATA      0x20000  data (%i6 points here)
 *   STACK     0x80000  stack for the window test
 *
 * By hand: TEST_JIT_SCALE=n runs n times as many random programs,
 * TEST_JIT_STATS=1 prints the translated share and trap counts.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hw/core/bus.h"
#include "cpu/cpu.h"
#include "sparc_asm.h"
#include "unit.h"

#define RAM_SIZE (1u << 20)
#define ROM_BASE 0x70000000ull
#define ROM_SIZE (1u << 20)
#define CODE 0x4000u
#define TBR_BASE 0x10000u
#define HANDLERS 0x11000u
#define DATA 0x20000u
#define DATA_SIZE 0x2000u
#define STACK 0x80000u
#define NOWHERE 0x20000000u         /* nothing on the bus there */

#define PSR_TRAPS (MB86904_PSR_IMPL_VER | PSR_S | PSR_EF | PSR_ET)

enum {
    X_ADD = 0x00, X_AND = 0x01, X_OR = 0x02, X_XOR = 0x03, X_SUB = 0x04,
    X_ANDN = 0x05, X_ORN = 0x06, X_XNOR = 0x07, X_ADDX = 0x08,
    X_UMUL = 0x0a, X_SMUL = 0x0b, X_SUBX = 0x0c,
    X_ADDCC = 0x10, X_ANDCC = 0x11, X_ORCC = 0x12,
    X_XORCC = 0x13, X_SUBCC = 0x14, X_ANDNCC = 0x15, X_ORNCC = 0x16,
    X_XNORCC = 0x17, X_ADDXCC = 0x18, X_UMULCC = 0x1a, X_SMULCC = 0x1b,
    X_SUBXCC = 0x1c,
    X_SLL = 0x25, X_SRL = 0x26, X_SRA = 0x27,
    X_RDY = 0x28, X_RDWIM = 0x2a,
    X_WRY = 0x30, X_WRWIM = 0x32,
    X_JMPL = 0x38, X_RETT = 0x39,
    X_SAVE = 0x3c, X_RESTORE = 0x3d,
};

enum {
    M_LD = 0x00, M_LDUB = 0x01, M_LDUH = 0x02, M_LDD = 0x03, M_ST = 0x04,
    M_STB = 0x05, M_STH = 0x06, M_STD = 0x07, M_LDSB = 0x09, M_LDSH = 0x0a,
};


#define SET13(rd, imm) ALUI(X_OR, (rd), G0, (imm))

/* ------------------------------------------------------------------ */
/* PRNG (xorshift64*)                                                   */

static uint64_t rng;

static void rng_seed(uint64_t s)
{
    rng = s * 0x9e3779b97f4a7c15ull + 0x1234567ull;
    if (rng == 0) {
        rng = 1;
    }
}

static uint32_t rnd(void)
{
    rng ^= rng >> 12;
    rng ^= rng << 25;
    rng ^= rng >> 27;
    return (uint32_t)((rng * 0x2545f4914f6cdd1dull) >> 32);
}

static unsigned rn(unsigned n)
{
    return rnd() % n;
}

/* ------------------------------------------------------------------ */
/* Machines                                                             */

/* A device that notes the clock at each write (test_device) */
#define CLOCKDEV 0x30000000u
#define CLOCKDEV_MAX 4096
typedef struct ClockDev {
    const Cycles *now;
    unsigned n;
    uint64_t at[CLOCKDEV_MAX];      /* cycle << 32 | value */
} ClockDev;

typedef struct Machine {
    Bus bus;
    SparcCpu cpu;
    ClockDev dev;
} Machine;

static Machine ma, mb;              /* ma: interpreter, mb: translation */
static bool have_jit;
static size_t jit_buffer;           /* bytes of host code; 0: the default */
static uint64_t all_flushes;        /* times mb's buffer filled */
static unsigned long long compares;

static uint8_t *ram(Machine *m, uint32_t pa, uint32_t len)
{
    uint64_t n;
    uint8_t *p = bus_ram_map(&m->bus, pa, len, BUS_MAP_LOAD, &n);
    if (p == NULL || n < len) {
        fprintf(stderr, "test_jit: cannot map RAM %08x+%x\n", pa, len);
        exit(2);
    }
    return p;
}

static void put32(Machine *m, uint32_t pa, uint32_t v)
{
    uint8_t *p = ram(m, pa, 4);
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

static uint32_t get32(Machine *m, uint32_t pa)
{
    const uint8_t *p = ram(m, pa, 4);
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) |
           ((uint32_t)p[2] << 8) | p[3];
}

/* Trap table and window handlers (firmware/lib/wintrap.S) */
static const uint32_t win_overflow[] = {
    ALU(X_OR, L7, G0, G1),                  /* mov %g1, %l7 */
    ALUI(X_SRL, G1, L3, 1),
    ALUI(X_SLL, L4, L3, SPARC_NWINDOWS - 1),
    ALU(X_OR, G1, L4, G1),
    ALU(X_SAVE, G0, G0, G0),
    ALU(X_WRWIM, G0, G1, G0),
    NOP, NOP, NOP,
    MEMI(M_STD, L0, SP, 0), MEMI(M_STD, L2, SP, 8),
    MEMI(M_STD, L4, SP, 16), MEMI(M_STD, L6, SP, 24),
    MEMI(M_STD, I0, SP, 32), MEMI(M_STD, I2, SP, 40),
    MEMI(M_STD, I4, SP, 48), MEMI(M_STD, FP, SP, 56),
    ALU(X_RESTORE, G0, G0, G0),
    ALU(X_OR, G1, G0, L7),
    ALUI(X_JMPL, G0, L1, 0),
    ALUI(X_RETT, G0, L2, 0),
};

static const uint32_t win_underflow[] = {
    ALUI(X_SLL, L4, L3, 1),
    ALUI(X_SRL, L5, L3, SPARC_NWINDOWS - 1),
    ALU(X_OR, L5, L5, L4),
    ALU(X_WRWIM, G0, L5, G0),
    NOP, NOP, NOP,
    ALU(X_RESTORE, G0, G0, G0),
    ALU(X_RESTORE, G0, G0, G0),
    MEMI(M_LDD, L0, SP, 0), MEMI(M_LDD, L2, SP, 8),
    MEMI(M_LDD, L4, SP, 16), MEMI(M_LDD, L6, SP, 24),
    MEMI(M_LDD, I0, SP, 32), MEMI(M_LDD, I2, SP, 40),
    MEMI(M_LDD, I4, SP, 48), MEMI(M_LDD, FP, SP, 56),
    ALU(X_SAVE, G0, G0, G0),
    ALU(X_SAVE, G0, G0, G0),
    ALUI(X_JMPL, G0, L1, 0),
    ALUI(X_RETT, G0, L2, 0),
};

#define UNF_AT (HANDLERS + 0x100)

static BusStatus clockdev_write(void *s, uint32_t off, unsigned size,
                                uint32_t val)
{
    ClockDev *d = s;
    (void)off;
    (void)size;
    if (d->n < CLOCKDEV_MAX) {
        d->at[d->n++] = (*d->now << 32) | val;
    }
    return BUS_OK;
}

static BusStatus clockdev_read(void *s, uint32_t off, unsigned size,
                               uint32_t *val)
{
    (void)s;
    (void)off;
    (void)size;
    *val = 0;
    return BUS_OK;
}

static const MmioOps clockdev_ops = {
    .read = clockdev_read, .write = clockdev_write,
    .min_size = 1, .max_size = 8,
};

static void machine_setup(Machine *m, bool jit)
{
    unsigned tt, i;

    if (bus_init(&m->bus, RAM_SIZE, ROM_BASE, ROM_SIZE) != 0 ||
        cpu_init(&m->cpu, &m->bus) != 0) {
        fprintf(stderr, "test_jit: out of memory\n");
        exit(2);
    }
    if (!jit) {
        CU_ASSERT_FATAL(!cpu_set_jit(&m->cpu, false));
    } else if (jit_buffer) {
        have_jit = cpu_set_jit_buffer(&m->cpu, jit_buffer);
    } else {
        have_jit = cpu_set_jit(&m->cpu, true);
    }
    m->dev.now = &m->cpu.cycles;
    m->dev.n = 0;
    bus_map_mmio(&m->bus, CLOCKDEV, 0x1000, &clockdev_ops, &m->dev,
                 "clock", 2);
    m->cpu.mmu.ctrl &= ~SRMMU_CTRL_BM;
    m->cpu.psr = PSR_TRAPS;
    m->cpu.wim = 1u << 1;
    m->cpu.tbr = TBR_BASE;
    m->cpu.icc = 0;
    m->cpu.y = 0;
    for (tt = 0; tt < 256; tt++) {
        uint32_t at = TBR_BASE + 16 * tt;
        if (tt == TT_ILLEGAL) {
            put32(m, at, UNIMP);
        } else if (tt == TT_WIN_OVF || tt == TT_WIN_UNF) {
            uint32_t to = tt == TT_WIN_OVF ? HANDLERS : UNF_AT;
            put32(m, at, ALU(X_RDWIM, L3, G0, G0));
            put32(m, at + 4, bicc(0, CA, (int32_t)(to - at - 4) / 4));
            put32(m, at + 8, NOP);
        } else {
            put32(m, at, ALUI(X_JMPL, G0, L2, 0));
            put32(m, at + 4, ALUI(X_RETT, G0, L2, 4));
        }
    }
    for (i = 0; i < sizeof(win_overflow) / 4; i++) {
        put32(m, HANDLERS + 4 * i, win_overflow[i]);
    }
    for (i = 0; i < sizeof(win_underflow) / 4; i++) {
        put32(m, UNF_AT + 4 * i, win_underflow[i]);
    }
}

static void machines_init(void)
{
    machine_setup(&ma, false);
    machine_setup(&mb, true);
#if defined(__x86_64__) && !defined(SPARC_NO_JIT)
    if (!have_jit) {
        CU_FAIL("x86-64 host, but cpu_set_jit(true) is false");
    }
#endif
}

static void machines_free(void)
{
    cpu_free(&ma.cpu);
    bus_free(&ma.bus);
    cpu_free(&mb.cpu);
    bus_free(&mb.bus);
}

/* Both machines: a program, a register, a word of RAM */
static void load_both(uint32_t pa, const uint32_t *w, unsigned n)
{
    unsigned i;
    for (i = 0; i < n; i++) {
        put32(&ma, pa + 4 * i, w[i]);
        put32(&mb, pa + 4 * i, w[i]);
    }
}

static void set_reg(unsigned r, uint32_t v)
{
    *ma.cpu.rp[r] = v;
    *mb.cpu.rp[r] = v;
}

/* ------------------------------------------------------------------ */
/* Comparison                                                           */

static const char *what;            /* the test */
static unsigned cur_seed;
static bool failed;

static bool same(const char *field, uint64_t a, uint64_t b)
{
    if (a == b) {
        return true;
    }
    if (!failed) {
        fprintf(stderr,
                "\n  test_jit %s seed %u: %s differs: interpreter %#llx, "
                "jit %#llx (pc %08x/%08x, insns %llu/%llu, cycles %llu)\n",
                what, cur_seed, field, (unsigned long long)a,
                (unsigned long long)b, ma.cpu.pc, mb.cpu.pc,
                (unsigned long long)ma.cpu.insns,
                (unsigned long long)mb.cpu.insns,
                (unsigned long long)ma.cpu.cycles);
    }
    failed = true;
    return false;
}

static void compare_ram(uint32_t pa, uint32_t len)
{
    const uint8_t *a = ram(&ma, pa, len), *b = ram(&mb, pa, len);
    uint32_t i;
    char name[40];

    compares++;
    if (memcmp(a, b, len) == 0) {
        return;
    }
    for (i = 0; i < len && a[i] == b[i]; i++) {
    }
    snprintf(name, sizeof(name), "RAM byte %08x", pa + i);
    same(name, a[i], b[i]);
}

static uint64_t last_stores;
static unsigned slice_no;

static void compare_state(CpuStop sa, CpuStop sb, bool all_ram)
{
    const SparcCpu *a = &ma.cpu, *b = &mb.cpu;
    char name[24];
    unsigned i;

    compares++;
    same("stop", sa, sb);
    same("pc", a->pc, b->pc);
    same("npc", a->npc, b->npc);
    same("cycles", a->cycles, b->cycles);
    same("insns", a->insns, b->insns);
    same("psr", a->psr, b->psr);
    same("icc", a->icc, b->icc);
    same("y", a->y, b->y);
    same("wim", a->wim, b->wim);
    same("tbr", a->tbr, b->tbr);
    same("traps", a->traps, b->traps);
    same("stores", a->stores, b->stores);
    same("halted", a->halted, b->halted);
    same("error_tt", a->error_tt, b->error_tt);
    same("sfsr", a->mmu.sfsr, b->mmu.sfsr);
    same("sfar", a->mmu.sfar, b->mmu.sfar);
    same("fsr", a->fpu.fsr, b->fpu.fsr);
    same("fcmp_next", a->fcmp_next, b->fcmp_next);
    for (i = 0; i < 32; i++) {
        if (a->fpu.f[i] != b->fpu.f[i]) {
            snprintf(name, sizeof(name), "%%f%u", i);
            same(name, a->fpu.f[i], b->fpu.f[i]);
        }
    }
    for (i = 0; i < 8; i++) {
        if (a->g[i] != b->g[i]) {
            snprintf(name, sizeof(name), "%%g%u", i);
            same(name, a->g[i], b->g[i]);
        }
    }
    for (i = 0; i < SPARC_NWINDOWS * 16; i++) {
        if (a->wf[i] != b->wf[i]) {
            snprintf(name, sizeof(name), "window %u %s%u", i / 16,
                     i % 16 < 8 ? "%l" : "%i", i % 8);
            same(name, a->wf[i], b->wf[i]);
        }
    }
    if (all_ram) {
        /* the whole RAM now and then: its untouched pages cost page
         * faults */
        if (cur_seed % 16 == 0) {
            compare_ram(0, RAM_SIZE);
        } else {
            compare_ram(0, DATA + DATA_SIZE);
            compare_ram(STACK - 0x4000, 0x4000);
        }
    } else if (a->stores != last_stores || ++slice_no % 64 == 0) {
        last_stores = a->stores;
        compare_ram(DATA, DATA_SIZE);
        compare_ram(CODE, 0x2000);
        compare_ram(STACK - 0x1000, 0x1000);
    }
}

/* cpu_run slices; 0 = one big run */
static const Cycles slice_sets[][4] = {
    { 1, 0, 0, 0 }, { 7, 0, 0, 0 }, { 100, 0, 0, 0 }, { 1000, 0, 0, 0 },
    { 10007, 0, 0, 0 }, { 0, 0, 0, 0 }, { 3, 1000, 13, 333 },
};
#define NSETS (sizeof(slice_sets) / sizeof(slice_sets[0]))

/* Totals of runs with slices of 1000 or more: the share of translated
 * instructions */
static uint64_t long_insns, long_jit;
static uint64_t all_jit;

/*
 * Run both machines from CODE in the slices of set s until the program
 * ends (error mode at its unimp), comparing after each slice.
 */
static void run_both(unsigned s)
{
    const Cycles *sl = slice_sets[s];
    unsigned k = 0, n = 0;
    CpuStop sa, sb;

    ma.cpu.pc = mb.cpu.pc = CODE;
    ma.cpu.npc = mb.cpu.npc = CODE + 4;
    failed = false;
    for (;;) {
        Cycles step = sl[k];
        Cycles limit = step ? ma.cpu.cycles + step : ma.cpu.cycles + 50000000;

        if (k < 3 && sl[k + 1]) {
            k++;
        } else {
            k = 0;
        }
        sa = cpu_run(&ma.cpu, limit);
        sb = cpu_run(&mb.cpu, limit);
        compare_state(sa, sb, false);
        if (failed || sa == CPU_STOP_ERROR_MODE ||
            sb == CPU_STOP_ERROR_MODE || ++n > 10000000) {
            break;
        }
    }
    if (!failed) {
        compare_state(sa, sb, true);
    }
    CU_ASSERT_EQUAL(sa, CPU_STOP_ERROR_MODE);
    if (sa == CPU_STOP_ERROR_MODE && ma.cpu.error_tt != TT_ILLEGAL) {
        fprintf(stderr, "\n  test_jit %s seed %u: ended by trap %#x\n", what,
                cur_seed, ma.cpu.error_tt);
        CU_FAIL("run did not end at its unimp");
    }
    if (failed) {
        CU_FAIL("translated run differs from the interpreter (see stderr)");
    }
    CU_ASSERT_EQUAL(ma.cpu.jit_insns, 0);
    all_jit += mb.cpu.jit_insns;
    all_flushes += mb.cpu.jit_flushes;
    if (sl[0] == 0 || sl[0] >= 1000) {
        long_insns += mb.cpu.insns;
        long_jit += mb.cpu.jit_insns;
    }
}

/*
 * Each test's run of one program: program_start gives both machines the
 * program at CODE; the test sets registers and data, calls run_both and
 * adds its own checks; program_end frees the machines and, if the run
 * failed, prints the program and says so (the caller stops its loop).
 */
static void program_start(const uint32_t *prog, unsigned n)
{
    machines_init();
    load_both(CODE, prog, n);
}

static bool program_end(const uint32_t *prog, unsigned n)
{
    unsigned i;

    machines_free();
    if (!failed) {
        return false;
    }
    fprintf(stderr, "  program (%u words at %#x):", n, CODE);
    for (i = 0; i < n; i++) {
        fprintf(stderr, "%s%08x", i % 8 ? " " : "\n    ", prog[i]);
    }
    fprintf(stderr, "\n");
    return true;
}

/* The share check at the end of a test */
static void check_share(unsigned min_percent)
{
    if (!have_jit) {
        return;
    }
    if (all_jit == 0 || long_insns == 0 ||
        long_jit * 100 < long_insns * min_percent) {
        fprintf(stderr,
                "\n  test_jit %s: only %llu of %llu instructions translated "
                "(all slices: %llu)\n",
                what, (unsigned long long)long_jit,
                (unsigned long long)long_insns, (unsigned long long)all_jit);
        CU_FAIL("too little translated code ran");
    }
    if (getenv("TEST_JIT_STATS")) {
        fprintf(stderr, "\n  %s: %llu/%llu translated, all %llu\n", what,
                (unsigned long long)long_jit, (unsigned long long)long_insns,
                (unsigned long long)all_jit);
    }
    long_insns = long_jit = all_jit = 0;
}

/* ------------------------------------------------------------------ */
/* Random programs                                                      */

/* registers a random instruction may write */
static const uint8_t dst_pool[] = {
    G0, G1, G2, G3, G4, G5, G6, G7, O0, O1, O2, O3, O4, O5,
    L0, L1, L2, L3, L4, L5, L6, L7, I0, I1, I2, I3, I4, I5,
};
/* even ones for ldd/std (the pair stays in dst_pool) */
static const uint8_t even_pool[] = {
    G0, G2, G4, G6, O0, O2, O4, L0, L2, L4, L6, I0, I2, I4,
};
/* reserved: %i6 = DATA, %i7 = loop counter, %o6 = ROM_BASE,
 * %o7 = NOWHERE (sources only) */

static unsigned rdst(void)
{
    return dst_pool[rn(sizeof(dst_pool))];
}

static unsigned rsrc(void)
{
    return rn(32);
}

static uint32_t rimm13(void)
{
    switch (rn(4)) {
    case 0: return rn(16);
    case 1: return 0x1fff - rn(16);                 /* small negative */
    case 2: return 0xfff - rn(4);
    default: return rnd() & 0x1fff;
    }
}

static const uint8_t alu_ops[] = {
    X_ADD, X_ADDCC, X_ADDX, X_ADDXCC, X_SUB, X_SUBCC, X_SUBX, X_SUBXCC,
    X_AND, X_ANDCC, X_ANDN, X_ANDNCC, X_OR, X_ORCC, X_ORN, X_ORNCC,
    X_XOR, X_XORCC, X_XNOR, X_XNORCC, X_SLL, X_SRL, X_SRA,
    X_UMUL, X_SMUL, X_UMULCC, X_SMULCC, X_RDY, X_WRY,
};

static uint32_t rand_alu(void)
{
    unsigned k = rn(sizeof(alu_ops) + 2);
    unsigned op3;

    if (k >= sizeof(alu_ops)) {
        return sethi(rdst(), rnd());
    }
    op3 = alu_ops[k];
    if (op3 == X_RDY) {
        return ALU(X_RDY, rdst(), 0, 0);
    }
    if (op3 == X_WRY) {
        return rn(2) ? ALU(X_WRY, 0, rsrc(), rsrc())
                     : ALUI(X_WRY, 0, rsrc(), rimm13());
    }
    if (rn(2)) {
        return ALU(op3, rdst(), rsrc(), rsrc());
    }
    if (op3 == X_SLL || op3 == X_SRL || op3 == X_SRA) {
        return ALUI(op3, rdst(), rsrc(), rn(32));
    }
    return ALUI(op3, rdst(), rsrc(), rimm13());
}

/* Load/store with [%i6 + aligned offset]; traps adds faulting forms.
 * *ldreg gets the register a load writes (or -1). */
static uint32_t rand_mem(bool traps, int *ldreg)
{
    static const struct { uint8_t op3, size; bool load; } ops[] = {
        { M_LDUB, 1, true }, { M_LDSB, 1, true }, { M_LDUH, 2, true },
        { M_LDSH, 2, true }, { M_LD, 4, true }, { M_LDD, 8, true },
        { M_STB, 1, false }, { M_STH, 2, false }, { M_ST, 4, false },
        { M_STD, 8, false },
    };
    unsigned k = rn(sizeof(ops) / sizeof(ops[0]));
    unsigned size = ops[k].size;
    bool pair = size == 8;
    unsigned rd = pair ? even_pool[rn(sizeof(even_pool))]
                : ops[k].load ? rdst() : rsrc();
    unsigned base = FP;
    uint32_t off = rn(DATA_SIZE / 2 / size) * size;

    if (!ops[k].load && pair && rd == G0) {
        rd = rsrc() & ~1u;                  /* std may store any pair */
    }
    *ldreg = ops[k].load ? (int)(pair ? rd | 1 : rd) : -1;
    if (traps) {
        switch (rn(10)) {
        case 0:
            off += 1 + rn(size > 1 ? size - 1 : 1);   /* unaligned if > 1 */
            break;
        case 1:
            base = O7;                      /* nothing there */
            off = rn(64) * size;
            break;
        case 2:
            if (ops[k].load) {
                base = SP;                  /* the PROM */
                off = rn(64) * size;
            }
            break;
        default:
            break;
        }
    }
    if (rn(4) == 0 && base == FP) {         /* register form, offset 0 */
        return MEM(ops[k].op3, rd, base, G0);
    }
    return MEMI(ops[k].op3, rd, base, off);
}

static uint32_t use_of(int reg)
{
    return ALU(alu_ops[rn(20)], rdst(), (unsigned)reg, rsrc());
}

/*
 * A loop of about len random instructions run `turns` times:
 *   L: body; subcc %i7, 1, %i7; bne L; <random>; unimp
 */
static unsigned gen_loop(uint32_t *p, unsigned len, bool mem, bool traps)
{
    unsigned n = 0;

    while (n < len) {
        unsigned kind = rn(10);
        int ld = -1;
        uint32_t w;

        if (kind < 2 && n + 4 < len) {
            /* forward Bicc, target within the body (at most len) */
            unsigned cond = rn(16), annul = rn(2);
            unsigned room = len - n - 2;
            unsigned disp = 2 + rn(room < 6 ? room : 6);
            p[n++] = bicc(annul, cond, (int32_t)disp);
            if (mem && rn(2)) {
                do {
                    w = rand_mem(traps, &ld);
                } while (w == 0);
            } else {
                w = rand_alu();
            }
            p[n++] = w;
            if (ld >= 0 && rn(2)) {
                p[n++] = use_of(ld);
            }
            continue;
        }
        if (mem && kind < 6) {
            do {
                w = rand_mem(traps, &ld);
            } while (w == 0);
            p[n++] = w;
            if (ld >= 0 && rn(2)) {
                p[n++] = use_of(ld);
            }
            continue;
        }
        p[n++] = rand_alu();
    }
    /* branch targets past the end land on the subcc */
    p[n++] = ALUI(X_SUBCC, I7, I7, 1);
    p[n] = bicc(0, CNE, -(int32_t)n);
    n++;
    p[n++] = mem && rn(2) ? MEMI(M_LD, G1 + rn(5), FP, 4 * rn(64))
                          : rand_alu();
    p[n++] = UNIMP;
    return n;
}

static void init_regs(unsigned turns)
{
    unsigned r;
    uint32_t y = rnd();
    unsigned icc = rn(16);

    for (r = 1; r < 32; r++) {
        uint32_t v = rn(4) == 0 ? rn(64) : rnd();
        set_reg(r, v);
    }
    set_reg(FP, DATA);
    set_reg(I7, turns);
    set_reg(SP, (uint32_t)ROM_BASE);
    set_reg(O7, NOWHERE);
    ma.cpu.y = mb.cpu.y = y;
    ma.cpu.icc = mb.cpu.icc = icc;
}

static void init_data(void)
{
    uint32_t a;
    for (a = 0; a < DATA_SIZE; a += 4) {
        uint32_t v = rnd();
        put32(&ma, DATA + a, v);
        put32(&mb, DATA + a, v);
    }
}

static void random_programs(const char *name, unsigned count, bool mem,
                            bool traps)
{
    static uint32_t prog[1024];
    unsigned seed;
    uint64_t ntraps = 0;

    what = name;
    if (getenv("TEST_JIT_SCALE")) {         /* more seeds, by hand */
        count *= (unsigned)atoi(getenv("TEST_JIT_SCALE"));
    }
    for (seed = 1; seed <= count; seed++) {
        unsigned len, n, turns;

        cur_seed = seed;
        rng_seed(seed + (mem ? 100000 : 0) + (traps ? 200000 : 0));
        len = 8 + rn(56);
        turns = 150 + rn(100);
        n = gen_loop(prog, len, mem, traps);
        program_start(prog, n);
        init_regs(turns);
        if (mem) {
            init_data();
        }
        run_both(seed % NSETS);
        ntraps += ma.cpu.traps;
        if (program_end(prog, n)) {
            break;
        }
    }
    /* every program ends by a trap (its unimp); the trap test takes more */
    if (traps && !failed && ntraps < 4 * count) {
        fprintf(stderr, "\n  test_jit %s: only %llu traps\n", name,
                (unsigned long long)ntraps);
        CU_FAIL("the trap test took too few traps");
    }
    if (getenv("TEST_JIT_STATS")) {
        fprintf(stderr, "\n  %s: %llu traps\n", name,
                (unsigned long long)ntraps);
    }
    check_share(50);
}

static void test_alu(void)
{
    random_programs("alu", 300, false, false);
}

static void test_mem(void)
{
    random_programs("mem", 300, true, false);
}

static void test_trap(void)
{
    random_programs("trap", 200, true, true);
}

/* ------------------------------------------------------------------ */
/* Floating point                                                       */

enum { FPOP1 = 0x34, FPOP2 = 0x35 };
enum { M_LDF = 0x20, M_LDDF = 0x23, M_STF = 0x24, M_STDF = 0x27 };

#define FPOP(op3, opf, rd, rs1, rs2)                                       \
    F3R(2, (op3), (rd), (rs1), ((uint32_t)(opf) << 5) | (uint32_t)(rs2))

static uint32_t fbfcc(unsigned annul, unsigned cond, int32_t disp)
{
    return (annul << 29) | (cond << 25) | (6u << 22) |
           ((uint32_t)disp & 0x3fffff);
}

/* Operand shapes: D double (even register), S single (any), - unused */
enum {
    F_DDD,          /* rd, rs1, rs2 double */
    F_SSS,          /* single */
    F_D_D,          /* rd, rs2 double (fsqrtd) */
    F_S_S,          /* fmovs, fnegs, fabss, fsqrts, fitos, fstoi */
    F_D_S,          /* fitod, fstod */
    F_S_D,          /* fdtoi, fdtos */
    F_DSS,          /* fsmuld */
    F_CMPD,         /* fcc from rs1, rs2 double */
    F_CMPS,
};

static const struct { uint8_t op3; uint16_t opf; uint8_t shape, weight; }
fp_ops[] = {
    { FPOP1, 0x42, F_DDD, 4 },      /* faddd */
    { FPOP1, 0x46, F_DDD, 4 },      /* fsubd */
    { FPOP1, 0x4a, F_DDD, 4 },      /* fmuld */
    { FPOP1, 0x4e, F_DDD, 2 },      /* fdivd */
    { FPOP1, 0x2a, F_D_D, 1 },      /* fsqrtd */
    { FPOP1, 0x41, F_SSS, 2 },      /* fadds */
    { FPOP1, 0x45, F_SSS, 2 },      /* fsubs */
    { FPOP1, 0x49, F_SSS, 2 },      /* fmuls */
    { FPOP1, 0x4d, F_SSS, 1 },      /* fdivs */
    { FPOP1, 0x01, F_S_S, 3 },      /* fmovs */
    { FPOP1, 0x05, F_S_S, 3 },      /* fnegs */
    { FPOP1, 0x09, F_S_S, 3 },      /* fabss */
    { FPOP1, 0xc8, F_D_S, 2 },      /* fitod */
    { FPOP1, 0xd2, F_S_D, 2 },      /* fdtoi */
    { FPOP1, 0xc9, F_D_S, 2 },      /* fstod */
    { FPOP1, 0xc6, F_S_D, 2 },      /* fdtos */
    { FPOP2, 0x52, F_CMPD, 4 },     /* fcmpd */
    { FPOP2, 0x56, F_CMPD, 2 },     /* fcmped */
    { FPOP2, 0x51, F_CMPS, 2 },     /* fcmps */
    { FPOP2, 0x55, F_CMPS, 1 },     /* fcmpes */
    { FPOP1, 0x29, F_S_S, 1 },      /* fsqrts */
    { FPOP1, 0xc4, F_S_S, 1 },      /* fitos */
    { FPOP1, 0xd1, F_S_S, 1 },      /* fstoi */
    { FPOP1, 0x69, F_DSS, 1 },      /* fsmuld */
};
#define N_FP_OPS (sizeof(fp_ops) / sizeof(fp_ops[0]))

static unsigned fd(void)
{
    return rn(16) * 2;
}

static unsigned fs(void)
{
    return rn(32);
}

/* A random FPop; cmp: an fcmp of some kind */
static uint32_t rand_fpop_k(int want_cmp)
{
    unsigned total = 0, k, pick;

    if (want_cmp) {
        static const uint8_t cmps[] = { 16, 16, 16, 17, 18, 19 };
        k = cmps[rn(sizeof(cmps))];
    } else {
        if (rn(64) == 0) {                  /* quad: unimplemented_FPop */
            static const uint16_t quad[] = { 0x43, 0x4b, 0xcb, 0x2b };
            return FPOP(FPOP1, quad[rn(4)], rn(8) * 4, rn(8) * 4,
                        rn(8) * 4);
        }
        for (k = 0; k < N_FP_OPS; k++) {
            total += fp_ops[k].weight;
        }
        pick = rn(total);
        for (k = 0; pick >= fp_ops[k].weight; k++) {
            pick -= fp_ops[k].weight;
        }
    }
    switch (fp_ops[k].shape) {
    case F_DDD:
        return FPOP(fp_ops[k].op3, fp_ops[k].opf, fd(), fd(), fd());
    case F_SSS:
        return FPOP(fp_ops[k].op3, fp_ops[k].opf, fs(), fs(), fs());
    case F_D_D:
        return FPOP(fp_ops[k].op3, fp_ops[k].opf, fd(), 0, fd());
    case F_S_S:
        return FPOP(fp_ops[k].op3, fp_ops[k].opf, fs(), 0, fs());
    case F_D_S:
        return FPOP(fp_ops[k].op3, fp_ops[k].opf, fd(), 0, fs());
    case F_S_D:
        return FPOP(fp_ops[k].op3, fp_ops[k].opf, fs(), 0, fd());
    case F_DSS:
        return FPOP(fp_ops[k].op3, fp_ops[k].opf, fd(), fs(), fs());
    case F_CMPD:
        return FPOP(fp_ops[k].op3, fp_ops[k].opf, 0, fd(), fd());
    default:
        return FPOP(fp_ops[k].op3, fp_ops[k].opf, 0, fs(), fs());
    }
}

static uint32_t rand_fpop(void)
{
    return rand_fpop_k(rn(8) == 0);
}

/* ldf/lddf/stf/stdf at [%i6 + aligned offset] (or [%i6 + %g0]) */
static uint32_t rand_fmem(void)
{
    static const uint8_t ops[] = { M_LDF, M_LDDF, M_STF, M_STDF };
    unsigned op3 = ops[rn(4)];
    bool wide = op3 == M_LDDF || op3 == M_STDF;
    unsigned size = wide ? 8 : 4;
    unsigned rd = wide ? fd() : fs();

    if (rn(4) == 0) {
        return MEM(op3, rd, FP, G0);
    }
    return MEMI(op3, rd, FP, rn(DATA_SIZE / 2 / size) * size);
}

/* Anything but a branch: an FPop, an FP load or store, an ALU op or
 * (rarely) an integer load or store */
static uint32_t rand_fp_insn(void)
{
    unsigned k = rn(20);
    int ld;

    if (k < 9) {
        return rand_fpop();
    }
    if (k < 13) {
        return rand_fmem();
    }
    if (k < 14) {
        return rand_mem(false, &ld);
    }
    return rand_alu();
}

/* The delay slot of a branch: an FPop, an ALU op, FP memory */
static uint32_t rand_delay(void)
{
    switch (rn(6)) {
    case 0: case 1: return rand_fpop();
    case 2: return rand_fpop_k(1);
    case 3: return rand_fmem();
    default: return rand_alu();
    }
}

/*
 * A loop of about len instructions run `turns` times (gen_loop's shape):
 * FPops, FP loads and stores, ALU ops and forward FBfcc/Bicc, often an
 * FBfcc right after an fcmp
 */
static unsigned gen_fp_loop(uint32_t *p, unsigned len)
{
    unsigned n = 0;

    while (n < len) {
        unsigned kind = rn(10);

        if (kind < 3 && n + 5 < len) {
            bool fb = kind < 2 || rn(2);
            unsigned cond = rn(16), annul = rn(2);
            unsigned room, disp;
            if (fb && rn(2)) {
                p[n++] = rand_fpop_k(1);    /* the interlock */
            }
            room = len - n - 2;
            disp = 2 + rn(room < 6 ? room : 6);
            p[n] = fb ? fbfcc(annul, cond, (int32_t)disp)
                      : bicc(annul, cond, (int32_t)disp);
            n++;
            p[n++] = rand_delay();
            continue;
        }
        p[n++] = rand_fp_insn();
    }
    p[n++] = ALUI(X_SUBCC, I7, I7, 1);
    p[n] = bicc(0, CNE, -(int32_t)n);
    n++;
    p[n++] = rand_delay();
    p[n++] = UNIMP;
    return n;
}

/* A double's two words, MSW in the even register */
static void set_fd(unsigned r, uint64_t v)
{
    ma.cpu.fpu.f[r] = mb.cpu.fpu.f[r] = (uint32_t)(v >> 32);
    ma.cpu.fpu.f[r + 1] = mb.cpu.fpu.f[r + 1] = (uint32_t)v;
}

static uint64_t dbits(double d)
{
    uint64_t v;
    memcpy(&v, &d, 8);
    return v;
}

static uint32_t sbits(float f)
{
    uint32_t v;
    memcpy(&v, &f, 4);
    return v;
}

static uint64_t rnd64(void)
{
    uint64_t hi = rnd();
    return hi << 32 | rnd();
}

/* Random %f0..%f31 and FSR on both machines; returns FSR.TEM */
static unsigned init_fpu(void)
{
    static const uint64_t special[] = {
        0x7ff8000000000000ull,  /* qNaN */
        0xfff8000000001234ull,  /* -qNaN with payload */
        0x7ff0000000000001ull,  /* sNaN */
        0x7ff4000000000000ull,  /* sNaN */
        0x7ff0000000000000ull,  /* +Inf */
        0xfff0000000000000ull,  /* -Inf */
        0x0000000000000001ull,  /* smallest subnormal */
        0x000fffffffffffffull,  /* largest subnormal */
        0x8008000000000000ull,  /* -subnormal */
        0x0010000000000000ull,  /* smallest normal */
        0x7fefffffffffffffull,  /* DBL_MAX */
        0xffe0000000000000ull,  /* huge negative */
        0x41dfffffffc00000ull,  /* 2^31 - 1 */
        0xc1e0000000000000ull,  /* -2^31 */
        0x41e0000000000000ull,  /* 2^31: fdtoi overflows */
        0x7fc000007f800001ull,  /* single qNaN : single sNaN */
        0x7f80000000400000ull,  /* single +Inf : single subnormal */
        0x8000000000000000ull,  /* -0 */
    };
    unsigned r, rd, tem, fcc, aexc;
    uint32_t fsr;

    for (r = 0; r < 32; r += 2) {
        switch (rn(16)) {
        case 0: case 1: case 2:
            set_fd(r, rnd64());
            break;
        case 3: case 4: case 5: case 6: case 7:
            set_fd(r, dbits((double)(int32_t)rnd() / 65536.0));
            break;
        case 8:
            set_fd(r, dbits(1.0 + (double)rnd() / 4294967296.0));
            break;
        case 9: case 10:
            set_fd(r, dbits((double)((int)rn(200) - 100)));
            break;
        case 11:                    /* integers for fitod, fitos */
            set_fd(r, (uint64_t)rn(100) << 32 | (uint32_t)-(int32_t)rn(100));
            break;
        case 12:                    /* singles */
            set_fd(r, (uint64_t)sbits((float)(int32_t)rnd() / 4096.0f) << 32 |
                          sbits((float)rn(1000) / 8.0f));
            break;
        case 13:
            set_fd(r, 0);
            break;
        default:
            set_fd(r, rn(3) ? special[rn(sizeof(special) / 8)]
                            : dbits((double)(int32_t)rnd() * 1e300));
            break;
        }
    }
    rd = rn(8) < 5 ? 0 : rn(4);
    tem = rn(5) == 0 ? rnd() & 0x1f : 0;
    fcc = rn(4);
    aexc = rn(2) ? rnd() & 0x1f : 0;
    fsr = rd << FPU_FSR_RD_SHIFT | tem << FPU_FSR_TEM_SHIFT |
          fcc << FPU_FSR_FCC_SHIFT | aexc << FPU_FSR_AEXC_SHIFT;
    fpu_ldfsr(&ma.cpu.fpu, fsr);
    fpu_ldfsr(&mb.cpu.fpu, fsr);
    return tem;
}

/* FP data: random bits, with some ordinary doubles */
static void init_fp_data(void)
{
    uint32_t a;

    init_data();
    for (a = 0; a < DATA_SIZE / 2; a += 8) {
        if (rn(2)) {
            uint64_t v = dbits((double)(int32_t)rnd() / 256.0);
            put32(&ma, DATA + a, (uint32_t)(v >> 32));
            put32(&mb, DATA + a, (uint32_t)(v >> 32));
            put32(&ma, DATA + a + 4, (uint32_t)v);
            put32(&mb, DATA + a + 4, (uint32_t)v);
        }
    }
}

static void test_fp(void)
{
    static uint32_t prog[1024];
    unsigned seed, count = 200;
    uint64_t ntraps = 0, tem_traps = 0;
    unsigned tem_runs = 0;

    what = "fp";
    if (getenv("TEST_JIT_SCALE")) {
        count *= (unsigned)atoi(getenv("TEST_JIT_SCALE"));
    }
    for (seed = 1; seed <= count; seed++) {
        unsigned len, n, turns;
        bool tem;

        cur_seed = seed;
        rng_seed(seed + 600000);
        len = 8 + rn(41);
        turns = 150 + rn(101);
        n = gen_fp_loop(prog, len);
        program_start(prog, n);
        init_regs(turns);
        init_fp_data();
        tem = init_fpu() != 0;
        run_both(seed % NSETS);
        ntraps += ma.cpu.traps;
        if (tem) {
            tem_runs++;
            tem_traps += ma.cpu.traps;
        }
        if (program_end(prog, n)) {
            break;
        }
    }
    /* every run ends by its unimp; the rest are fp_exceptions: quad
     * FPops (unimplemented_FPop) anywhere, IEEE exceptions where TEM
     * has bits */
    if (getenv("TEST_JIT_STATS")) {
        fprintf(stderr, "\n  fp: %llu traps, %llu in %u runs with TEM\n",
                (unsigned long long)ntraps, (unsigned long long)tem_traps,
                tem_runs);
    }
    if (!failed && (ntraps < 4 * count || tem_traps < 8 * tem_runs)) {
        fprintf(stderr, "\n  test_jit fp: only %llu traps, %llu in %u runs "
                "with TEM\n", (unsigned long long)ntraps,
                (unsigned long long)tem_traps, tem_runs);
        CU_FAIL("the FP test took too few fp_exception traps");
    }
    check_share(30);
}

/* The smallest code buffer: it fills again and again, every block is
 * dropped and translated anew (links and lookups included), and nothing
 * may change */
static void test_flush(void)
{
    all_flushes = 0;
    jit_buffer = 1;
    random_programs("flush", 60, true, false);
    jit_buffer = 0;
    if (getenv("TEST_JIT_STATS")) {
        fprintf(stderr, "\n  flush: %llu flushes\n",
                (unsigned long long)all_flushes);
    }
#if defined(__x86_64__) && !defined(SPARC_NO_JIT)
    CU_ASSERT(all_flushes >= 60);
#endif
}

/*
 * Device writes through ASI 0x20 (MMU bypass) from the middle of hot
 * blocks, after a random run of ALU ops and loads and stores: the
 * device must see the same clock at every write on both machines (the
 * translator leaves the call with its cycles so far in the CPU's clock).
 */
static void test_device(void)
{
    static uint32_t prog[1024];
    unsigned seed;

    what = "device";
    for (seed = 1; seed <= 100; seed++) {
        unsigned n, i, k, len, turns;
        int32_t back;
        cur_seed = seed;
        rng_seed(seed + 500000);
        len = 1 + rn(20);
        n = 0;
        for (i = 0; i < len; i++) {
            int ldreg;
            prog[n++] = rn(3) ? rand_alu() : rand_mem(false, &ldreg);
        }
        /* stba/stha/sta %g1 at CLOCKDEV + 8 * turn, [%sp + %o7]: %sp,
         * %o7 and the counter %i7 are outside the random ops' reach */
        k = rn(3);
        prog[n++] = ALUI(X_SLL, O7, I7, 3);
        prog[n++] = MEM(k == 0 ? 0x15 : k == 1 ? 0x16 : 0x14, G1, SP, O7) |
                    (0x20u << 5);
        for (i = 0; i < 1 + rn(4); i++) {
            prog[n++] = rand_alu();
        }
        prog[n++] = ALUI(X_SUBCC, I7, I7, 1);
        back = -(int32_t)n;                 /* to the first word */
        prog[n++] = bicc(0, CNE, back);
        prog[n++] = NOP;
        prog[n++] = UNIMP;
        program_start(prog, n);
        init_regs(0);
        init_data();
        set_reg(SP, CLOCKDEV);
        turns = 100 + rn(100);
        set_reg(I7, turns);
        run_both(seed % NSETS);
        if (!failed && ma.dev.n != mb.dev.n) {
            fprintf(stderr, "\n  test_jit device seed %u: %u writes, "
                    "%u translated\n", seed, ma.dev.n, mb.dev.n);
            CU_FAIL("device writes differ in number");
            failed = true;
        }
        for (i = 0; !failed && i < ma.dev.n; i++) {
            if (ma.dev.at[i] != mb.dev.at[i]) {
                fprintf(stderr, "\n  test_jit device seed %u: write %u at "
                        "cycle %llu value %#x, translated at %llu value "
                        "%#x\n", seed, i,
                        (unsigned long long)(ma.dev.at[i] >> 32),
                        (unsigned)ma.dev.at[i],
                        (unsigned long long)(mb.dev.at[i] >> 32),
                        (unsigned)mb.dev.at[i]);
                CU_FAIL("a device saw another clock");
                failed = true;
            }
        }
        /* one write a turn */
        if (!failed && ma.dev.n != turns) {
            fprintf(stderr, "\n  test_jit device seed %u: %u writes in %u "
                    "turns\n", seed, ma.dev.n, turns);
            CU_FAIL("not one device write a turn");
            failed = true;
        }
        if (program_end(prog, n)) {
            break;
        }
    }
    check_share(30);
}

/* ------------------------------------------------------------------ */
/* Windows                                                              */

/*
 * main: %g7 turns of: %o0 = depth (1..15 from the turn number), call f,
 *       sum in %g6
 * f:    save; if (--%i0 > 0) %o0 = f(%i0); a few random ops on locals;
 *       ret; restore %o0 + %i0 -> caller's %o0
 */
static void test_window(void)
{
    static uint32_t prog[256];
    unsigned seed;

    what = "window";
    for (seed = 1; seed <= 40; seed++) {
        unsigned n = 0, f_at, i, extra;
        unsigned loop, skip_to;

        cur_seed = seed;
        rng_seed(seed + 300000);
        extra = rn(6);
        /* main */
        loop = n;
        prog[n++] = ALUI(X_AND, O0, G7, 7 + 8 * rn(2));     /* depth */
        prog[n++] = ALUI(X_ADD, O0, O0, 1);
        f_at = 16;
        prog[n] = call((int32_t)(f_at - n));
        n++;
        prog[n++] = NOP;
        prog[n++] = ALU(X_ADD, G6, G6, O0);
        prog[n++] = ALUI(X_SUBCC, G7, G7, 1);
        prog[n] = bicc(0, CNE, -(int32_t)(n - loop));
        n++;
        prog[n++] = NOP;
        prog[n++] = UNIMP;
        while (n < f_at) {
            prog[n++] = UNIMP;
        }
        /* f */
        prog[n++] = ALUI(X_SAVE, SP, SP, -96);
        prog[n++] = ALUI(X_SUBCC, O0, I0, 1);
        skip_to = n + 4;
        prog[n] = bicc(rn(2), CLE, (int32_t)(skip_to - n));
        n++;
        prog[n++] = ALUI(X_ADD, L0, L0, 1);
        prog[n] = call((int32_t)(f_at - n));
        n++;
        prog[n++] = ALUI(X_ADD, L1, O0, 3);
        /* skip_to */
        for (i = 0; i < extra; i++) {
            unsigned op3 = alu_ops[rn(20)];
            prog[n++] = ALU(op3, L2 + rn(6), L0 + rn(8), I0 + rn(6));
        }
        if (rn(2)) {
            prog[n++] = MEMI(M_ST, L1, SP, 64);
            prog[n++] = MEMI(M_LD, L3, SP, 64);
        }
        prog[n++] = ALUI(X_JMPL, G0, I7, 8);                /* ret */
        prog[n++] = ALU(X_RESTORE, O0, O0, I0);
        program_start(prog, n);
        init_regs(0);
        set_reg(SP, STACK);
        set_reg(G7, 60 + rn(60));
        set_reg(G6, 0);
        set_reg(FP, 0);
        run_both(seed % NSETS);
        if (!failed && ma.cpu.traps < 10) {
            fprintf(stderr, "\n  test_jit window seed %u: %llu traps\n",
                    seed, (unsigned long long)ma.cpu.traps);
            CU_FAIL("the window test took too few window traps");
        }
        if (program_end(prog, n)) {
            break;
        }
    }
    check_share(25);
}

/* ------------------------------------------------------------------ */
/* Self-modifying code                                                  */

/*
 *   0  X:  add %g1, 1, %g1           (patched into add %g1, 2, %g1)
 *   4      subcc %g2, 1, %g2
 *   8      subcc %g2, %g5, %g0
 *  12      bne 5f
 *  16       nop
 *  20      st/stb/sth %g4, [%g3]      (g3 = X, or the next word)
 *  24  5:  subcc %g2, %g0, %g0
 *  28      bne X
 *  32       add %g1, %g0, %g7        (or the patched word itself)
 *  36      unimp
 */
static void test_smc(void)
{
    unsigned v;

    what = "smc";
    for (v = 0; v < 42; v++) {
        static const unsigned when[] = { 299, 290, 250, 150, 20, 1 };
        unsigned kind = v % 7;
        uint32_t target = CODE, newword = ALUI(X_ADD, G1, G1, 2);
        uint32_t store = MEM(M_ST, G4, G3, G0);
        uint32_t prog[] = {
            ALUI(X_ADD, G1, G1, 1),
            ALUI(X_SUBCC, G2, G2, 1),
            ALU(X_SUBCC, G0, G2, G5),
            bicc(0, CNE, 3),
            NOP,
            0,
            ALU(X_SUBCC, G0, G2, G0),
            bicc(0, CNE, -7),
            ALU(X_ADD, G7, G1, G0),
            UNIMP,
        };

        switch (kind) {
        case 1:                 /* patch the next instruction */
            target = CODE + 24;
            newword = ALUI(X_SUBCC, G0, G2, 0);
            break;
        case 2:                 /* byte store into the immediate */
            store = MEMI(M_STB, G4, G3, 3);
            newword = 5;
            break;
        case 3:                 /* halfword store */
            store = MEMI(M_STH, G4, G3, 2);
            newword = 0x6000 | 7;          /* rs1 %g1 low bit, i, 7 */
            break;
        case 4:                 /* patch the delay slot of the back edge */
            target = CODE + 32;
            newword = ALUI(X_ADD, G7, G7, 1);
            break;
        case 5:                 /* patch the store itself */
            target = CODE + 20;
            newword = ALUI(X_ADD, G6, G6, 1);
            break;
        default:
            break;
        }
        prog[5] = store;
        cur_seed = v;
        program_start(prog, sizeof(prog) / 4);
        rng_seed(v + 400000);
        init_regs(0);
        set_reg(G1, 0);
        set_reg(G2, 300);
        set_reg(G3, target);
        set_reg(G4, newword);
        set_reg(G5, when[(v / 7) % 6]);
        set_reg(G6, 0);
        set_reg(G7, 0);
        run_both(v % NSETS);
        if (!failed && kind == 0) {
            uint32_t w = when[(v / 7) % 6];
            uint32_t expect = (300 - w) + 2 * w;
            if (ma.cpu.g[1] != expect) {
                fprintf(stderr, "\n  test_jit smc %u: %%g1 %u, expected %u\n",
                        v, ma.cpu.g[1], expect);
                CU_FAIL("self-modifying loop: wrong %g1");
            }
            CU_ASSERT_EQUAL(get32(&ma, CODE), newword);
        }
        if (program_end(prog, sizeof(prog) / 4)) {
            break;
        }
    }
    check_share(30);
}

/* The checks can fail: a state that differs is reported */
static void test_compare_catches(void)
{
    what = "self-check";
    cur_seed = 0;
    machines_init();
    failed = false;
    mb.cpu.y ^= 1;
    fprintf(stderr, "\n  (expected report follows)");
    compare_state(CPU_RUNNING, CPU_RUNNING, false);
    CU_ASSERT_TRUE(failed);
    failed = false;
    mb.cpu.y ^= 1;
    put32(&mb, DATA + 100, 0x12345678);
    compare_state(CPU_RUNNING, CPU_RUNNING, true);
    fprintf(stderr, "  (end of expected report)\n");
    CU_ASSERT_TRUE(failed);
    failed = false;
    machines_free();
    if (!have_jit) {
        printf("\n  test_jit: no translator on this host, the interpreter "
               "is compared with itself\n");
    }
}

static const UnitTest tests[] = {
    { "comparison self-check", test_compare_catches },
    { "random ALU and Bicc loops", test_alu },
    { "random loads and stores", test_mem },
    { "traps: unaligned, device, nowhere", test_trap },
    { "random FP loops", test_fp },
    { "a code buffer that keeps filling", test_flush },
    { "device writes see the same clock", test_device },
    { "window overflow and underflow", test_window },
    { "self-modifying code", test_smc },
};

int main(void)
{
    return UNIT_RUN("jit", NULL, NULL, tests);
}
