/*
 * Block translator, SPARC V8 -> x86-64 (see jit.h for what a block is and
 * why it stays exact).
 *
 * Host registers inside a block:
 *   rdi  the SparcCpu (every field at a fixed displacement)
 *   rsi  the current window's register view (cpu->rp: r0..r31 pointers)
 *   rax, rcx, rdx, r11  scratch (rdx also for reaching a guest register),
 *        xmm0-xmm6 for the inline FPops
 *   rbx, rbp, r8-r10, r12-r15  a cache of guest registers, %icc, %y and
 *        the FSR, loaded at first use and written back at every exit
 *        (least recently used first when full)
 * A block is one host function int f(SparcCpu *, uint32_t **rp): it saves
 * the callee-saved registers, runs, and at its exit writes back what it
 * changed, adds its cycles and instructions and sets pc and npc; then it
 * either goes on into the next block (a link patched into a same-page
 * exit, or the shared lookup: emit_lookup) or returns JIT_EXIT_NEXT,
 * JIT_EXIT_STEP or JIT_EXIT_TRAP to cpu_run.  The few C functions it calls
 * (fpu_exec, the interpreter's division, ASI store and load-use rule)
 * run with the cache's caller-saved registers kept (call_begin/call_end).
 *
 * Condition codes are computed from the host's flags (x86 CF after SUB/SBB
 * is the SPARC borrow, OF the signed overflow; AND/OR/XOR clear both, as
 * the logical SPARC ops do), kept as the same N Z V C nibble the
 * interpreter keeps, and tested with one BT against the interpreter's
 * Bicc masks.
 */
#include "cpu/jit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void jit_page_drop(DecodedPage *dp)
{
    free(dp->jit);
    dp->jit = NULL;
}

#ifdef SPARC_HAVE_JIT

#include <unistd.h>

#include <stddef.h>
#include <sys/mman.h>

#include "cpu/decode.h"

#define JIT_BUF_MIN (JIT_LOOKUP_ROOM + JIT_BLOCK_ROOM)
#define JIT_BLOCK_MAX 64            /* guest instructions in a block */
#define JIT_BLOCK_ROOM (16u << 10)  /* host bytes a block may take */
#define JIT_EXIT_ROOM 256           /* host bytes of one exit, at most */
#define ANNUL_CYCLES 1              /* as sparc.c */

typedef struct Asm {
    uint8_t *p, *end;
    bool full;
} Asm;

struct Jit {
    uint8_t *buf;
    size_t size, used;
    uint64_t flushes;
    const uint8_t *lookup;          /* the shared block lookup (below) */
    FILE *perf_map;                 /* /tmp/perf-PID.map, or NULL */
};

#define JIT_LOOKUP_ROOM 512         /* bytes at the buffer's start */
static void emit_lookup(Asm *a);

Jit *jit_new(size_t bytes)
{
    Jit *j;
    if (bytes < JIT_BUF_MIN) {
        bytes = JIT_BUF_MIN;
    }
    j = calloc(1, sizeof(*j));
    if (!j) {
        return NULL;
    }
    j->size = bytes;
    j->buf = mmap(NULL, bytes, PROT_READ | PROT_WRITE | PROT_EXEC,
                  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (j->buf == MAP_FAILED) {
        free(j);
        return NULL;
    }
    {
        Asm a = { j->buf, j->buf + JIT_LOOKUP_ROOM, false };
        emit_lookup(&a);
        if (a.full) {
            jit_delete(j);
            return NULL;
        }
    }
    j->lookup = j->buf;
    j->used = JIT_LOOKUP_ROOM;
    return j;
}

void jit_delete(Jit *j)
{
    if (j) {
        if (j->perf_map) {
            fclose(j->perf_map);
        }
        munmap(j->buf, j->size);
        free(j);
    }
}

/*
 * perf(1) names code it finds no symbol for from /tmp/perf-PID.map, one
 * "START SIZE NAME" line per piece (hex): a block is named by its first
 * guest pc, its mode and its guest instructions, so that a host profile
 * shows which guest code the translated time went to.  Later lines win
 * where the buffer is reused after a flush.
 */
bool jit_perf_map(Jit *j)
{
    char path[64];
    if (j->perf_map) {
        return true;
    }
    snprintf(path, sizeof(path), "/tmp/perf-%ld.map", (long)getpid());
    j->perf_map = fopen(path, "w");
    if (!j->perf_map) {
        return false;
    }
    fprintf(j->perf_map, "%lx %x jit_lookup\n",
            (unsigned long)(uintptr_t)j->lookup, JIT_LOOKUP_ROOM);
    fflush(j->perf_map);
    return true;
}

/* The buffer is full: forget every block (their pages keep their HOT
 * marks and translate again at their next entry). */
static void jit_flush(SparcCpu *cpu)
{
    sparc_drop_blocks(cpu);
    cpu->jit->used = JIT_LOOKUP_ROOM;  /* the lookup stays */
    cpu->jit->flushes++;
    cpu->jit_flushes++;
}

/* ---- x86-64 encoding ---- */

enum { RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI,
       R8, R9, R10, R11, R12, R13, R14, R15 };
/* condition codes of Jcc/SETcc/CMOVcc */
enum { CC_O = 0, CC_C = 2, CC_NC = 3, CC_Z = 4, CC_NZ = 5 };
/* group-1 ALU: the /digit of 81/83 and (digit << 3) | 1 is the r/m, r form */
enum { A_ADD = 0, A_OR = 1, A_ADC = 2, A_SBB = 3, A_AND = 4, A_SUB = 5,
       A_XOR = 6, A_CMP = 7 };
/* shifts: the /digit of C1/D3 */
enum { S_ROL = 0, S_SHL = 4, S_SHR = 5, S_SAR = 7 };

static void b1(Asm *a, unsigned v)
{
    if (a->p < a->end) {
        *a->p++ = (uint8_t)v;
    } else {
        a->full = true;
    }
}

static void b4(Asm *a, uint32_t v)
{
    b1(a, v);
    b1(a, v >> 8);
    b1(a, v >> 16);
    b1(a, v >> 24);
}

/* REX for operand width w, modrm.reg r, SIB index x, modrm.rm/base b;
 * force: a byte register spl..dil (without REX those are ah..bh) */
static void rex(Asm *a, int w, int r, int x, int b, bool force)
{
    unsigned v = 0x40u | (unsigned)(w << 3) | (unsigned)((r >> 3) << 2) |
                 (unsigned)((x >> 3) << 1) | (unsigned)(b >> 3);
    if (v != 0x40u || force) {
        b1(a, v);
    }
}

static void modrm_rr(Asm *a, int r, int rm)
{
    b1(a, 0xc0u | (unsigned)((r & 7) << 3) | (unsigned)(rm & 7));
}

/* [base + disp] */
static void modrm_m(Asm *a, int r, int base, int32_t disp)
{
    unsigned mod = (disp == 0 && (base & 7) != RBP) ? 0
                 : (disp >= -128 && disp < 128) ? 1 : 2;
    b1(a, (mod << 6) | (unsigned)((r & 7) << 3) | (unsigned)(base & 7));
    if ((base & 7) == RSP) {
        b1(a, 0x24);
    }
    if (mod == 1) {
        b1(a, (uint32_t)disp & 0xff);
    } else if (mod == 2) {
        b4(a, (uint32_t)disp);
    }
}

/* [base + index*scale + disp32] */
static void modrm_sib(Asm *a, int r, int base, int index, unsigned scale,
                      int32_t disp)
{
    b1(a, 0x80u | (unsigned)((r & 7) << 3) | 4u);
    b1(a, (scale << 6) | (unsigned)((index & 7) << 3) | (unsigned)(base & 7));
    b4(a, (uint32_t)disp);
}

static bool byte_reg_needs_rex(int r)
{
    return r >= RSP && r <= RDI;
}

/* op r, [base + disp] (op: one or two opcode bytes, op2 = -1 for one) */
static void op_rm(Asm *a, int w, int op1, int op2, int r, int base,
                  int32_t disp)
{
    rex(a, w, r, 0, base, false);
    b1(a, (unsigned)op1);
    if (op2 >= 0) {
        b1(a, (unsigned)op2);
    }
    modrm_m(a, r, base, disp);
}

static void op_rr(Asm *a, int w, int op1, int op2, int r, int rm)
{
    rex(a, w, r, 0, rm, false);
    b1(a, (unsigned)op1);
    if (op2 >= 0) {
        b1(a, (unsigned)op2);
    }
    modrm_rr(a, r, rm);
}

static void mov_r_m32(Asm *a, int r, int base, int32_t disp)
{
    op_rm(a, 0, 0x8b, -1, r, base, disp);
}

static void mov_m_r32(Asm *a, int base, int32_t disp, int r)
{
    op_rm(a, 0, 0x89, -1, r, base, disp);
}

static void mov_r_m64(Asm *a, int r, int base, int32_t disp)
{
    op_rm(a, 1, 0x8b, -1, r, base, disp);
}

static void mov_m_r64(Asm *a, int base, int32_t disp, int r)
{
    op_rm(a, 1, 0x89, -1, r, base, disp);
}

static void mov_rr32(Asm *a, int dst, int src)
{
    if (dst != src) {
        op_rr(a, 0, 0x89, -1, src, dst);
    }
}

static void mov_rr64(Asm *a, int dst, int src)
{
    op_rr(a, 1, 0x89, -1, src, dst);
}

/* mov r32, imm32 (leaves the flags alone, unlike xor r, r) */
static void mov_ri32(Asm *a, int r, uint32_t imm)
{
    rex(a, 0, 0, 0, r, false);
    b1(a, 0xb8u + (unsigned)(r & 7));
    b4(a, imm);
}

static void alu_rr32(Asm *a, int alu, int dst, int src)
{
    op_rr(a, 0, (alu << 3) | 1, -1, src, dst);
}

static void alu_rr64(Asm *a, int alu, int dst, int src)
{
    op_rr(a, 1, (alu << 3) | 1, -1, src, dst);
}

static void alu_ri(Asm *a, int w, int alu, int dst, int32_t imm)
{
    rex(a, w, 0, 0, dst, false);
    if (imm >= -128 && imm < 128) {
        b1(a, 0x83);
        modrm_rr(a, alu, dst);
        b1(a, (uint32_t)imm & 0xff);
    } else {
        b1(a, 0x81);
        modrm_rr(a, alu, dst);
        b4(a, (uint32_t)imm);
    }
}

static void alu_ri32(Asm *a, int alu, int dst, int32_t imm)
{
    alu_ri(a, 0, alu, dst, imm);
}

/* add qword [base + disp], imm32 */
static void add_m64_i(Asm *a, int base, int32_t disp, int32_t imm)
{
    rex(a, 1, 0, 0, base, false);
    b1(a, (imm >= -128 && imm < 128) ? 0x83 : 0x81);
    modrm_m(a, A_ADD, base, disp);
    if (imm >= -128 && imm < 128) {
        b1(a, (uint32_t)imm & 0xff);
    } else {
        b4(a, (uint32_t)imm);
    }
}

/* cmp r32, [base + disp] */
static void cmp_r_m32(Asm *a, int r, int base, int32_t disp)
{
    op_rm(a, 0, 0x3b, -1, r, base, disp);
}

static void shift_ri(Asm *a, int w, int sh, int r, unsigned n)
{
    rex(a, w, 0, 0, r, false);
    b1(a, 0xc1);
    modrm_rr(a, sh, r);
    b1(a, n);
}

static void shift_cl32(Asm *a, int sh, int r)
{
    rex(a, 0, 0, 0, r, false);
    b1(a, 0xd3);
    modrm_rr(a, sh, r);
}

static void not32(Asm *a, int r)
{
    rex(a, 0, 0, 0, r, false);
    b1(a, 0xf7);
    modrm_rr(a, 2, r);
}

static void test_rr32(Asm *a, int r1, int r2)
{
    op_rr(a, 0, 0x85, -1, r2, r1);
}

static void test_rr64(Asm *a, int r1, int r2)
{
    op_rr(a, 1, 0x85, -1, r2, r1);
}

static void bswap(Asm *a, int w, int r)
{
    rex(a, w, 0, 0, r, false);
    b1(a, 0x0f);
    b1(a, 0xc8u + (unsigned)(r & 7));
}

/* rol r16, 8: swap the bytes of a halfword */
static void swap16(Asm *a, int r)
{
    b1(a, 0x66);
    shift_ri(a, 0, S_ROL, r, 8);
}

/* bt rm32, r32: CF = bit r of rm */
static void bt_rr32(Asm *a, int rm, int r)
{
    op_rr(a, 0, 0x0f, 0xa3, r, rm);
}

/* bt rm32, imm8 */
static void bt_ri32(Asm *a, int rm, unsigned bit)
{
    rex(a, 0, 0, 0, rm, false);
    b1(a, 0x0f);
    b1(a, 0xba);
    modrm_rr(a, 4, rm);
    b1(a, bit);
}

static void setcc_r8(Asm *a, int cc, int r)
{
    rex(a, 0, 0, 0, r, byte_reg_needs_rex(r));
    b1(a, 0x0f);
    b1(a, 0x90u + (unsigned)cc);
    modrm_rr(a, 0, r);
}

static void setcc_m8(Asm *a, int cc, int base, int32_t disp)
{
    rex(a, 0, 0, 0, base, false);
    b1(a, 0x0f);
    b1(a, 0x90u + (unsigned)cc);
    modrm_m(a, 0, base, disp);
}

static void cmovcc32(Asm *a, int cc, int dst, int src)
{
    op_rr(a, 0, 0x0f, 0x40 + cc, dst, src);
}

/* movzx r32, r8 (src a low byte register) */
static void movzx_r8(Asm *a, int dst, int src)
{
    rex(a, 0, dst, 0, src, byte_reg_needs_rex(src));
    b1(a, 0x0f);
    b1(a, 0xb6);
    modrm_rr(a, dst, src);
}

/* lea r32, [base + disp] */
static void lea32(Asm *a, int dst, int base, int32_t disp)
{
    op_rm(a, 0, 0x8d, -1, dst, base, disp);
}

/* jcc rel32: returns where the displacement goes */
static uint8_t *jcc(Asm *a, int cc)
{
    b1(a, 0x0f);
    b1(a, 0x80u + (unsigned)cc);
    b4(a, 0);
    return a->p - 4;
}

static void patch_here(Asm *a, uint8_t *rel)
{
    if (!a->full && rel) {
        int32_t d = (int32_t)(a->p - (rel + 4));
        memcpy(rel, &d, 4);
    }
}

static const uint8_t saved_regs[] = { RBX, RBP, R12, R13, R14, R15 };

static void push_pop(Asm *a, bool push)
{
    unsigned i, n = sizeof(saved_regs);
    for (i = 0; i < n; i++) {
        int r = push ? saved_regs[i] : saved_regs[n - 1 - i];
        rex(a, 0, 0, 0, r, false);
        b1(a, (push ? 0x50u : 0x58u) + (unsigned)(r & 7));
    }
}

/* ---- The guest register cache ---- */

#define SLOT_ICC 32
#define SLOT_Y 33
#define SLOT_FSR 34                 /* the FPU's FSR */
#define NSLOTS 35

static const uint8_t cache_regs[] = {
    RBX, RBP, R8, R9, R10, R12, R13, R14, R15
};
#define NCACHE ((int)sizeof(cache_regs))

typedef struct Cache {
    int8_t host[NSLOTS];            /* host register of a slot, -1 none */
    int8_t slot[16];                /* slot in a host register, -1 none */
    uint32_t used[16];              /* last use, for eviction */
    uint64_t dirty;                 /* slots newer in the host */
} Cache;

/* Where an exit goes */
enum { PC_DELTA, PC_TARGET };       /* pc0 + delta, or cpu->jit_target */
enum { NPC_SEQ, NPC_DELTA, NPC_TARGET };        /* pc + 4, ... */

typedef struct Exit {
    uint8_t *rel;                   /* the jump to patch to it */
    Cache c;
    uint32_t cycles, insns;
    int pc_mode, npc_mode;
    int32_t pc_delta, npc_delta;
    int kind;
    unsigned tt;                    /* JIT_EXIT_TRAP: the trap (0: already
                                     * in cpu->jit_tt) */
    bool nolink;                    /* code may have changed under it */
} Exit;

typedef struct Tr {
    SparcCpu *cpu;
    DecodedPage *dp;
    JitEntry *entry;
    unsigned idx0;                  /* first instruction in the page */
    bool super;                     /* translated for PSR.S = 1 */
    unsigned nlinks;
    Asm a;
    Cache c;
    uint32_t clock;
    uint32_t cycles, insns;         /* done before the current instruction */
    uint32_t max;                   /* upper bound of the block's cycles */
    unsigned nexits;
    bool overflow;
    Exit exits[JIT_BLOCK_MAX * 2 + 4];      /* last: not cleared */
} Tr;

#define CPU_OFF(field) ((int32_t)offsetof(SparcCpu, field))

/* The guest register in slot s to or from host register h (rdx free) */
static void slot_move(Tr *t, int s, int h, bool store)
{
    Asm *a = &t->a;
    int base = RDI;
    int32_t disp;
    if (s < 8) {
        disp = CPU_OFF(g) + 4 * s;
    } else if (s < 32) {
        mov_r_m64(a, RDX, RSI, 8 * s);
        base = RDX;
        disp = 0;
    } else {
        disp = s == SLOT_ICC ? CPU_OFF(icc) : s == SLOT_Y ? CPU_OFF(y)
             : CPU_OFF(fpu) + (int32_t)offsetof(FpuState, fsr);
    }
    if (store) {
        mov_m_r32(a, base, disp, h);
    } else {
        mov_r_m32(a, h, base, disp);
    }
}

static void cache_init(Cache *c)
{
    memset(c->host, -1, sizeof(c->host));
    memset(c->slot, -1, sizeof(c->slot));
    memset(c->used, 0, sizeof(c->used));
    c->dirty = 0;
}

static void cache_forget(Tr *t, int s, bool write_back)
{
    int h = t->c.host[s];
    if (h < 0) {
        return;
    }
    if (write_back && (t->c.dirty >> s & 1)) {
        slot_move(t, s, h, true);
    }
    t->c.dirty &= ~(1ull << s);
    t->c.host[s] = -1;
    t->c.slot[h] = -1;
}

/* A free cache register (the least recently used one written back) */
static int cache_take(Tr *t)
{
    int i, best = -1;
    for (i = 0; i < NCACHE; i++) {
        int h = cache_regs[i];
        if (t->c.slot[h] < 0) {
            return h;
        }
        if (best < 0 || t->c.used[h] < t->c.used[best]) {
            best = h;
        }
    }
    cache_forget(t, t->c.slot[best], true);
    return best;
}

static void cache_map(Tr *t, int s, int h)
{
    t->c.host[s] = (int8_t)h;
    t->c.slot[h] = (int8_t)s;
}

/* The host register holding slot s (1..NSLOTS-1), loaded if needed */
static int reg_get(Tr *t, int s)
{
    int h = t->c.host[s];
    if (h < 0) {
        h = cache_take(t);
        slot_move(t, s, h, false);
        cache_map(t, s, h);
    }
    t->c.used[h] = ++t->clock;
    return h;
}

/* The host register to write slot s into (marked newer) */
static int reg_set(Tr *t, int s)
{
    int h = t->c.host[s];
    if (h < 0) {
        h = cache_take(t);
        cache_map(t, s, h);
    }
    t->c.used[h] = ++t->clock;
    t->c.dirty |= 1ull << s;
    return h;
}

/* Guest register rd = host register src (rd 0 or the sink: nothing) */
static void wr_rd(Tr *t, unsigned rd, int src)
{
    if (rd != 0 && rd < 32) {
        int h = reg_set(t, (int)rd);
        mov_rr32(&t->a, h, src);
    }
}

/* host register dst = guest register rs */
static void rd_reg(Tr *t, unsigned rs, int dst)
{
    if (rs == 0) {
        mov_ri32(&t->a, dst, 0);
    } else {
        mov_rr32(&t->a, dst, reg_get(t, (int)rs));
    }
}

/* dst = dst ALU second operand (rs2, or the immediate) */
static void alu_op2(Tr *t, const DecodedInsn *d, int alu, int dst)
{
    if (d->rs2 == 0) {
        alu_ri32(&t->a, alu, dst, d->imm);
    } else {
        alu_rr32(&t->a, alu, dst, reg_get(t, d->rs2));
    }
}

/* %icc from the host flags of the last operation: lahf gives
 * SF ZF - AF - PF - CF in ah, seto the overflow. */
static void icc_from_flags(Tr *t)
{
    Asm *a = &t->a;
    int h;
    b1(a, 0x9f);                    /* lahf */
    setcc_r8(a, CC_O, RCX);
    b1(a, 0x0f);                    /* movzx edx, ah */
    b1(a, 0xb6);
    b1(a, 0xd4);
    movzx_r8(a, RCX, RCX);
    mov_rr32(a, RAX, RDX);
    shift_ri(a, 0, S_SHR, RAX, 4);  /* SF -> N (bit 3), ZF -> Z (bit 2) */
    alu_ri32(a, A_AND, RAX, 12);
    alu_ri32(a, A_AND, RDX, 1);     /* CF -> C */
    alu_rr32(a, A_OR, RAX, RDX);
    b1(a, 0x8d);                    /* lea eax, [rax + rcx*2]: V */
    b1(a, 0x04);
    b1(a, 0x48);
    h = reg_set(t, SLOT_ICC);
    mov_rr32(a, h, RAX);
}

/* CF = the Bicc condition cond holds */
static void bicc_test(Tr *t, unsigned cond)
{
    int h = reg_get(t, SLOT_ICC);
    mov_ri32(&t->a, RCX, sparc_bicc_mask[cond]);
    bt_rr32(&t->a, RCX, h);
}

/* CF = the FBfcc condition cond holds for the fsr's fcc */
static void fbfcc_test(Tr *t, unsigned cond)
{
    Asm *a = &t->a;
    mov_rr32(a, RAX, reg_get(t, SLOT_FSR));
    shift_ri(a, 0, S_SHR, RAX, FPU_FSR_FCC_SHIFT);
    alu_ri32(a, A_AND, RAX, 3);
    mov_ri32(a, RCX, sparc_fbfcc_mask[cond]);
    bt_rr32(a, RCX, RAX);
}

/* ---- Exits ---- */

static void emit_exit_code(Tr *t, const Exit *e)
{
    Asm *a = &t->a;
    int s;
    for (s = 1; s < NSLOTS; s++) {
        if (e->c.dirty >> s & 1) {
            slot_move(t, s, e->c.host[s], true);
        }
    }
    if (e->cycles) {
        add_m64_i(a, RDI, CPU_OFF(cycles), (int32_t)e->cycles);
    }
    if (e->insns) {
        add_m64_i(a, RDI, CPU_OFF(insns), (int32_t)e->insns);
    }
    if (e->kind == JIT_EXIT_NEXT && e->pc_mode == PC_DELTA && !e->nolink &&
        t->nlinks < 2 && 4 * (int64_t)t->idx0 + e->pc_delta >= 0 &&
        4 * (int64_t)t->idx0 + e->pc_delta < BUS_PAGE_SIZE) {
        /* to a fixed pc in this page: linkable.  Unlinked, the first
         * jump goes straight to the return below. */
        JitLink *l = &t->entry->link[t->nlinks++];
        uint8_t *back;
        b1(a, 0xe9);
        b4(a, 0);
        l->jump = a->p - 4;
        l->chain = a->p;
        mov_r_m64(a, RAX, RDI, CPU_OFF(cycles));
        rex(a, 1, 0, 0, RAX, false);        /* add rax, imm32 */
        b1(a, 0x81);
        modrm_rr(a, A_ADD, RAX);
        b4(a, 0);
        l->max = a->p - 4;
        op_rm(a, 1, 0x3b, -1, RAX, RDI, CPU_OFF(deadline));
        back = jcc(a, CC_NC);               /* no room: return */
        rex(a, 0, 0, 0, RDI, false);        /* add dword [rdi+pc0], d */
        b1(a, 0x81);
        modrm_m(a, A_ADD, RDI, CPU_OFF(jit_pc0));
        b4(a, (uint32_t)e->pc_delta);
        b1(a, 0xe9);
        b4(a, 0);
        l->target = a->p - 4;
        patch_here(a, back);
        patch_here(a, l->jump);
        rex(a, 1, 0, 0, RAX, false);        /* mov rax, imm64 */
        b1(a, 0xb8);
        {
            uint64_t v = (uint64_t)(uintptr_t)l;
            b4(a, (uint32_t)v);
            b4(a, (uint32_t)(v >> 32));
        }
        mov_m_r64(a, RDI, CPU_OFF(jit_link), RAX);
    }
    if (e->pc_mode == PC_TARGET) {
        mov_r_m32(a, RCX, RDI, CPU_OFF(jit_target));
    } else {
        mov_r_m32(a, RAX, RDI, CPU_OFF(jit_pc0));
        lea32(a, RCX, RAX, e->pc_delta);
    }
    if (e->kind == JIT_EXIT_NEXT) {
        /* npc = pc + 4: on to the block at pc, if there is one */
        b1(a, 0xe9);
        b4(a, (uint32_t)(t->cpu->jit->lookup - (a->p + 4)));
        return;
    }
    if (e->kind == JIT_EXIT_TRAP && e->tt) {
        rex(a, 0, 0, 0, RDI, false);        /* mov dword [jit_tt], tt */
        b1(a, 0xc7);
        modrm_m(a, 0, RDI, CPU_OFF(jit_tt));
        b4(a, e->tt);
    }
    mov_m_r32(a, RDI, CPU_OFF(pc), RCX);
    switch (e->npc_mode) {
    case NPC_SEQ:
        alu_ri32(a, A_ADD, RCX, 4);
        mov_m_r32(a, RDI, CPU_OFF(npc), RCX);
        break;
    case NPC_DELTA:
        mov_r_m32(a, RAX, RDI, CPU_OFF(jit_pc0));
        lea32(a, RDX, RAX, e->npc_delta);
        mov_m_r32(a, RDI, CPU_OFF(npc), RDX);
        break;
    default:
        mov_r_m32(a, RDX, RDI, CPU_OFF(jit_target));
        mov_m_r32(a, RDI, CPU_OFF(npc), RDX);
        break;
    }
    mov_ri32(a, RAX, (uint32_t)e->kind);
    push_pop(a, false);
    b1(a, 0xc3);                    /* ret */
}

/* The exit state where the code stands now */
static Exit *exit_here(Tr *t, int pc_mode, int32_t pc_delta, int npc_mode,
                       int32_t npc_delta, int kind)
{
    Exit *e;
    if (t->nexits >= sizeof(t->exits) / sizeof(t->exits[0])) {
        t->overflow = true;
        e = &t->exits[0];
    } else {
        e = &t->exits[t->nexits++];
    }
    e->rel = NULL;
    e->c = t->c;
    e->cycles = t->cycles;
    e->insns = t->insns;
    e->pc_mode = pc_mode;
    e->npc_mode = npc_mode;
    e->pc_delta = pc_delta;
    e->npc_delta = npc_delta;
    e->kind = kind;
    e->tt = 0;
    e->nolink = false;
    return e;
}

/* Where the current instruction goes after itself: pc + 4, or a branch
 * target when it is a delay slot */
typedef struct Next {
    int mode;                       /* NPC_SEQ, NPC_DELTA, NPC_TARGET */
    int32_t delta;
} Next;

/* A conditional side exit before the instruction at delta: the
 * interpreter runs it */
static void side_exit(Tr *t, int cc, int32_t delta, Next nx)
{
    Exit *e = exit_here(t, PC_DELTA, delta, nx.mode, nx.delta,
                        JIT_EXIT_STEP);
    e->rel = jcc(&t->a, cc);
}

/*
 * The shared lookup, jumped to by every exit that goes on at ecx with
 * npc = pc + 4 (its cycles and instructions already added): the block
 * at ecx, found as the interpreter's fetch would find its page (the
 * instruction TLB of the current mode, then the decoded page's blocks),
 * when it was translated for this mode and its largest cost ends before
 * the deadline; else back to the interpreter with pc and npc set.
 */
static void emit_lookup(Asm *a)
{
    uint8_t *miss[6];
    int n = 0, i;

    _Static_assert(sizeof(ITlbEntry) == 16, "ITLB entry size");
    _Static_assert(sizeof(((SparcCpu *)0)->itlb[0]) == (PSR_S << 5),
                   "ITLB half per mode");
    mov_rr32(a, RAX, RCX);                  /* the slot */
    shift_ri(a, 0, S_SHR, RAX, 12);
    alu_ri32(a, A_AND, RAX, CPU_TLB_SIZE - 1);
    shift_ri(a, 0, S_SHL, RAX, 4);
    mov_r_m32(a, RDX, RDI, CPU_OFF(psr));   /* + the mode's half */
    alu_ri32(a, A_AND, RDX, PSR_S);
    shift_ri(a, 0, S_SHL, RDX, 5);
    alu_rr64(a, A_ADD, RAX, RDX);
    alu_rr64(a, A_ADD, RAX, RDI);
    mov_rr32(a, RDX, RCX);
    alu_ri32(a, A_AND, RDX, (int32_t)0xfffff000u);
    cmp_r_m32(a, RDX, RAX, CPU_OFF(itlb) + (int32_t)offsetof(ITlbEntry, tag));
    miss[n++] = jcc(a, CC_NZ);
    mov_r_m64(a, RAX, RAX, CPU_OFF(itlb) + (int32_t)offsetof(ITlbEntry, dp));
    mov_r_m64(a, RAX, RAX, (int32_t)offsetof(DecodedPage, jit));
    test_rr64(a, RAX, RAX);
    miss[n++] = jcc(a, CC_Z);
    mov_rr32(a, RDX, RCX);                  /* jit[idx]: 8 * (pc & ffc) / 4 */
    alu_ri32(a, A_AND, RDX, 0xffc);
    rex(a, 1, RAX, RDX, RAX, false);        /* mov rax, [rax + rdx*2] */
    b1(a, 0x8b);
    modrm_sib(a, RAX, RAX, RDX, 1, 0);
    test_rr64(a, RAX, RAX);
    miss[n++] = jcc(a, CC_Z);
    mov_r_m32(a, RDX, RDI, CPU_OFF(psr));   /* translated for this mode? */
    shift_ri(a, 0, S_SHR, RDX, 7);
    alu_ri32(a, A_AND, RDX, 1);
    op_rm(a, 0, 0x0f, 0xb6, R11, RAX, (int32_t)offsetof(JitEntry, super));
    alu_rr32(a, A_CMP, RDX, R11);
    miss[n++] = jcc(a, CC_NZ);
    mov_r_m32(a, RDX, RAX, (int32_t)offsetof(JitEntry, max_cycles));
    op_rm(a, 1, 0x03, -1, RDX, RDI, CPU_OFF(cycles));   /* add rdx, [] */
    op_rm(a, 1, 0x3b, -1, RDX, RDI, CPU_OFF(deadline)); /* cmp rdx, [] */
    miss[n++] = jcc(a, CC_NC);
    rex(a, 1, 0, 0, RDI, false);            /* mov qword [jit_link], 0 */
    b1(a, 0xc7);
    modrm_m(a, 0, RDI, CPU_OFF(jit_link));
    b4(a, 0);
    mov_m_r32(a, RDI, CPU_OFF(jit_pc0), RCX);
    rex(a, 0, 0, 0, RAX, false);            /* jmp [rax + body] */
    b1(a, 0xff);
    modrm_m(a, 4, RAX, (int32_t)offsetof(JitEntry, body));
    for (i = 0; i < n; i++) {
        patch_here(a, miss[i]);
    }
    mov_m_r32(a, RDI, CPU_OFF(pc), RCX);
    alu_ri32(a, A_ADD, RCX, 4);
    mov_m_r32(a, RDI, CPU_OFF(npc), RCX);
    mov_ri32(a, RAX, JIT_EXIT_NEXT);
    push_pop(a, false);
    b1(a, 0xc3);
}

/* A call of a C function from a block: the cache's caller-saved
 * registers (r8-r10) and rdi/rsi kept, the stack 16-byte aligned (a
 * body runs with rsp = 8 mod 16: called, then six pushes).  Arguments go
 * in esi, edx, ecx, r8d between call_begin and call_end (rdi is the
 * CPU); the result is in rax. */
static const uint8_t call_saved[] = { RDI, RSI, R8, R9, R10 };

static void call_begin(Tr *t)
{
    unsigned i;
    for (i = 0; i < sizeof(call_saved); i++) {
        rex(&t->a, 0, 0, 0, call_saved[i], false);
        b1(&t->a, 0x50u + (unsigned)(call_saved[i] & 7));
    }
}

static void call_end(Tr *t, const void *fn)
{
    Asm *a = &t->a;
    uint64_t v = (uint64_t)(uintptr_t)fn;
    int i;
    rex(a, 1, 0, 0, RAX, false);            /* mov rax, fn; call rax */
    b1(a, 0xb8);
    b4(a, (uint32_t)v);
    b4(a, (uint32_t)(v >> 32));
    b1(a, 0xff);
    modrm_rr(a, 2, RAX);
    for (i = (int)sizeof(call_saved) - 1; i >= 0; i--) {
        rex(a, 0, 0, 0, call_saved[i], false);
        b1(a, 0x58u + (unsigned)(call_saved[i] & 7));
    }
}

/* An FPop for a block: its cycles (fpu_exec's) added here; 1 when it
 * raised an fp_exception */
static int jit_fpop(SparcCpu *cpu, uint32_t raw, int counted)
{
    unsigned c = 0;
    int r = fpu_exec(&cpu->fpu, raw, &c);
    if (!counted) {             /* else the block counts them itself */
        cpu->cycles += c;
    }
    return r != 0;
}

/* ---- FPops inline ----
 *
 * The commonest FPops without a call: fmovs/fnegs/fabss always, and
 * faddd/fsubd/fmuld/fcmpd/fcmped when fpu_exec would take its quick path
 * (fpu.c f64_quick, fpu_quick_d, the FCMPd shortcut): the same tests on
 * the same values, the same host SSE arithmetic and exactness tests, the
 * same FSR and the same cycles; any other case jumps to the call of
 * fpu_exec.  A double is f[n] (most significant word) : f[n+1], so one
 * 64-bit load gives it with its halves swapped (rol 32).
 */
enum { FPI_NONE, FPI_MOV, FPI_NEG, FPI_ABS, FPI_ADD, FPI_SUB, FPI_MUL,
       FPI_CMP };

static int fp_inline_kind(uint32_t raw)
{
    unsigned opf = (raw >> 5) & 0x1ff, op3 = (raw >> 19) & 63;
    unsigned rd = (raw >> 25) & 31, rs1 = (raw >> 14) & 31, rs2 = raw & 31;
    if (op3 == 0x34) {
        switch (opf) {
        case 0x01: return FPI_MOV;
        case 0x05: return FPI_NEG;
        case 0x09: return FPI_ABS;
        default: break;
        }
        if ((opf == 0x42 || opf == 0x46 || opf == 0x4a) &&
            !((rd | rs1 | rs2) & 1)) {
            return opf == 0x42 ? FPI_ADD : opf == 0x46 ? FPI_SUB : FPI_MUL;
        }
    } else if (op3 == 0x35 && (opf == 0x52 || opf == 0x56) &&
               !((rs1 | rs2) & 1)) {
        return FPI_CMP;
    }
    return FPI_NONE;
}

/* SSE2 scalar double op xmm dst, xmm src (prefix, opcode) */
static void sse_rr(Asm *a, unsigned prefix, unsigned op, int dst, int src)
{
    b1(a, prefix);
    b1(a, 0x0f);
    b1(a, op);
    modrm_rr(a, dst, src);
}

/* movq xmm, r64 (to) / movq r64, xmm */
static void movq_xr(Asm *a, int xmm, int r, bool to_xmm)
{
    b1(a, 0x66);
    rex(a, 1, xmm, 0, r, false);
    b1(a, 0x0f);
    b1(a, to_xmm ? 0x6e : 0x7e);
    modrm_rr(a, xmm, r);
}

#define FREG(n) (CPU_OFF(fpu) + (int32_t)offsetof(FpuState, f) + 4 * (n))

/* Side exit to the call when the double in r is not a quick operand
 * (fpu.c f64_quick_operand: zero, or a biased exponent in range) */
static void fp_quick_operand(Asm *a, int r, uint8_t **slow, int *nslow)
{
    uint8_t *ok;
    mov_rr64(a, R11, r);
    shift_ri(a, 1, S_SHR, R11, 52);
    alu_ri32(a, A_AND, R11, 0x7ff);
    alu_ri32(a, A_SUB, R11, (int32_t)FPU_QUICK_ELO);
    alu_ri32(a, A_CMP, R11, (int32_t)FPU_QUICK_ESPAN);
    ok = jcc(a, 6);                         /* jbe: in range */
    mov_rr64(a, R11, r);
    alu_rr64(a, A_ADD, R11, R11);           /* zero of either sign? */
    slow[(*nslow)++] = jcc(a, CC_NZ);
    patch_here(a, ok);
}

static void emit_fp_inline(Tr *t, uint32_t raw, int k, uint8_t **slow,
                           int *nslow)
{
    Asm *a = &t->a;
    unsigned rd = (raw >> 25) & 31, rs1 = (raw >> 14) & 31, rs2 = raw & 31;
    uint32_t clear = FPU_FSR_FTT_MASK | FPU_FSR_CEXC_MASK;
    uint8_t *skip;

    int f = reg_get(t, SLOT_FSR);       /* the FSR, cached */

    reg_set(t, SLOT_FSR);               /* written on every way */
    if (k == FPI_MOV || k == FPI_NEG || k == FPI_ABS) {
        /* every FPop clears ftt and cexc; these raise nothing */
        alu_ri32(a, A_AND, f, (int32_t)~clear);
        mov_r_m32(a, RAX, RDI, FREG(rs2));
        if (k == FPI_NEG) {
            alu_ri32(a, A_XOR, RAX, (int32_t)0x80000000u);
        } else if (k == FPI_ABS) {
            alu_ri32(a, A_AND, RAX, 0x7fffffff);
        }
        mov_m_r32(a, RDI, FREG(rd), RAX);
        return;
    }
    /* the FSR allows the quick path: round to nearest, no pending nv, and
     * (arithmetic) the inexact trap disabled */
    mov_rr32(a, RAX, f);
    rex(a, 0, 0, 0, RAX, false);            /* test eax, imm32 */
    b1(a, 0xa9);
    b4(a, k == FPI_CMP ? FPU_FSR_QEMU_NV
                       : (3u << FPU_FSR_RD_SHIFT) | FPU_FSR_QEMU_NV |
                         (FPU_EXC_NX << FPU_FSR_TEM_SHIFT));
    slow[(*nslow)++] = jcc(a, CC_NZ);
    mov_r_m64(a, RCX, RDI, FREG(rs1));
    shift_ri(a, 1, S_ROL, RCX, 32);
    mov_r_m64(a, RDX, RDI, FREG(rs2));
    shift_ri(a, 1, S_ROL, RDX, 32);
    if (k == FPI_CMP) {
        /* no NaN: |v| << 1 above the infinity's */
        rex(a, 1, 0, 0, RAX, false);        /* mov rax, 0xffe0...0 */
        b1(a, 0xb8);
        b4(a, 0);
        b4(a, 0xffe00000u);
        mov_rr64(a, R11, RCX);
        alu_rr64(a, A_ADD, R11, R11);
        alu_rr64(a, A_CMP, R11, RAX);
        slow[(*nslow)++] = jcc(a, 7);       /* ja */
        mov_rr64(a, R11, RDX);
        alu_rr64(a, A_ADD, R11, R11);
        alu_rr64(a, A_CMP, R11, RAX);
        slow[(*nslow)++] = jcc(a, 7);
        movq_xr(a, 0, RCX, true);
        movq_xr(a, 1, RDX, true);
        b1(a, 0x66);                        /* ucomisd xmm0, xmm1 */
        b1(a, 0x0f);
        b1(a, 0x2e);
        modrm_rr(a, 0, 1);
        setcc_r8(a, CC_C, RAX);             /* <: fcc 1 */
        setcc_r8(a, 7, RCX);                /* >: fcc 2 (seta) */
        movzx_r8(a, RAX, RAX);
        movzx_r8(a, RCX, RCX);
        b1(a, 0x8d);                        /* lea eax, [rax + rcx*2] */
        b1(a, 0x04);
        b1(a, 0x48);
        shift_ri(a, 0, S_SHL, RAX, FPU_FSR_FCC_SHIFT);
        alu_ri32(a, A_AND, f, (int32_t)~(clear | FPU_FSR_FCC_MASK));
        alu_rr32(a, A_OR, f, RAX);
        return;
    }
    fp_quick_operand(a, RCX, slow, nslow);
    fp_quick_operand(a, RDX, slow, nslow);
    /* fpu.c's quick path also asks the host whether it rounds to
     * nearest (fpu_host_nearest); here that is known: fpu.c sets another
     * MXCSR mode only between fpu_host_enter and fpu_host_leave inside
     * fpu_exec, which restores it, and nothing else in the simulator
     * changes it */
    if (k == FPI_MUL) {
        uint8_t *exact1, *exact2, *out;
        movq_xr(a, 0, RCX, true);
        movq_xr(a, 1, RDX, true);
        sse_rr(a, 0x66, 0x28, 2, 0);        /* movapd xmm2, xmm0 */
        sse_rr(a, 0xf2, 0x59, 2, 1);        /* mulsd xmm2, xmm1 */
        /* inexact unless a factor is zero or the product of the
         * significands' odd parts fits in 53 bits */
        mov_ri32(a, RAX, 0);
        mov_rr64(a, R11, RCX);
        alu_rr64(a, A_ADD, R11, R11);
        exact1 = jcc(a, CC_Z);
        mov_rr64(a, R11, RDX);
        alu_rr64(a, A_ADD, R11, R11);
        exact2 = jcc(a, CC_Z);
        rex(a, 1, 0, 0, RAX, false);        /* mov rax, FRAC */
        b1(a, 0xb8);
        b4(a, 0xffffffffu);
        b4(a, 0x000fffffu);
        alu_rr64(a, A_AND, RCX, RAX);
        alu_rr64(a, A_AND, RDX, RAX);
        alu_ri(a, 1, A_ADD, RAX, 1);        /* the hidden bit */
        alu_rr64(a, A_OR, RCX, RAX);
        alu_rr64(a, A_OR, RDX, RAX);
        mov_rr64(a, R11, RCX);
        op_rr(a, 1, 0x0f, 0xbc, RCX, R11);  /* bsf rcx, r11 */
        rex(a, 1, 0, 0, R11, false);        /* shr r11, cl */
        b1(a, 0xd3);
        modrm_rr(a, S_SHR, R11);
        op_rr(a, 1, 0x0f, 0xbc, RCX, RDX);  /* bsf rcx, rdx */
        rex(a, 1, 0, 0, RDX, false);        /* shr rdx, cl */
        b1(a, 0xd3);
        modrm_rr(a, S_SHR, RDX);
        mov_rr64(a, RAX, R11);
        rex(a, 1, 0, 0, RDX, false);        /* mul rdx: rdx:rax */
        b1(a, 0xf7);
        modrm_rr(a, 4, RDX);
        shift_ri(a, 1, S_SHR, RAX, 53);
        alu_rr64(a, A_OR, RAX, RDX);        /* nonzero: inexact */
        b1(a, 0xe9);
        b4(a, 0);
        out = a->p - 4;
        patch_here(a, exact1);
        patch_here(a, exact2);
        mov_ri32(a, RAX, 0);
        patch_here(a, out);
    } else {
        if (k == FPI_SUB) {
            rex(a, 1, 0, 0, RDX, false);    /* btc rdx, 63: x + -y */
            b1(a, 0x0f);
            b1(a, 0xba);
            modrm_rr(a, 7, RDX);
            b1(a, 63);
        }
        movq_xr(a, 0, RCX, true);           /* x */
        movq_xr(a, 1, RDX, true);           /* y */
        sse_rr(a, 0x66, 0x28, 2, 0);        /* r = x + y */
        sse_rr(a, 0xf2, 0x58, 2, 1);
        sse_rr(a, 0x66, 0x28, 3, 2);        /* bv = r - x */
        sse_rr(a, 0xf2, 0x5c, 3, 0);
        sse_rr(a, 0x66, 0x28, 4, 2);        /* r - bv */
        sse_rr(a, 0xf2, 0x5c, 4, 3);
        sse_rr(a, 0x66, 0x28, 5, 0);        /* x - (r - bv) */
        sse_rr(a, 0xf2, 0x5c, 5, 4);
        sse_rr(a, 0x66, 0x28, 6, 1);        /* y - bv */
        sse_rr(a, 0xf2, 0x5c, 6, 3);
        sse_rr(a, 0xf2, 0x58, 5, 6);        /* TwoSum's error */
        movq_xr(a, 5, RAX, false);
        alu_rr64(a, A_ADD, RAX, RAX);       /* nonzero (either sign): NX */
    }
    movq_xr(a, 2, RCX, false);              /* the result */
    shift_ri(a, 1, S_ROL, RCX, 32);
    mov_m_r64(a, RDI, FREG(rd), RCX);
    alu_ri32(a, A_AND, f, (int32_t)~clear);
    test_rr64(a, RAX, RAX);
    skip = jcc(a, CC_Z);
    alu_ri32(a, A_OR, f, FPU_EXC_NX | (FPU_EXC_NX << FPU_FSR_AEXC_SHIFT));
    patch_here(a, skip);
}

/* The cycles fpu_exec gives an FPop of this kind, whatever its path */
static unsigned fp_inline_cycles(int k)
{
    switch (k) {
    case FPI_MOV: return FPU_CYC_FMOVS;
    case FPI_NEG: return FPU_CYC_FNEGS;
    case FPI_ABS: return FPU_CYC_FABSS;
    case FPI_ADD: case FPI_SUB: return FPU_CYC_FADDD;
    case FPI_MUL: return FPU_CYC_FMULD;
    default: return FPU_CYC_FCMPD;
    }
}

/* Side exit unless PSR.EF (bit 12: bit 4 of the psr's second byte); the
 * interpreter then takes fp_disabled */
static void need_ef(Tr *t, int32_t delta, Next nx)
{
    b1(&t->a, 0xf6);                        /* test byte [psr+1], 0x10 */
    modrm_m(&t->a, 0, RDI, CPU_OFF(psr) + 1);
    b1(&t->a, PSR_EF >> 8);
    side_exit(t, CC_Z, delta, nx);
}


/* ---- Instructions ---- */

/* What the translator makes of an instruction */
enum { K_NO, K_PLAIN, K_BICC, K_FBFCC, K_CALL, K_JMPL, K_ASI_STORE };

static int classify(const DecodedInsn *d, bool super)
{
    switch (d->op) {
    case OP_ADD: case OP_ADDCC: case OP_ADDX: case OP_ADDXCC:
    case OP_SUB: case OP_SUBCC: case OP_SUBX: case OP_SUBXCC:
    case OP_AND: case OP_ANDCC: case OP_ANDN: case OP_ANDNCC:
    case OP_OR: case OP_ORCC: case OP_ORN: case OP_ORNCC:
    case OP_XOR: case OP_XORCC: case OP_XNOR: case OP_XNORCC:
    case OP_SLL: case OP_SRL: case OP_SRA:
    case OP_UMUL: case OP_SMUL: case OP_UMULCC: case OP_SMULCC:
    case OP_SAVE: case OP_RESTORE:
    case OP_RDY: case OP_WRY: case OP_WRASR: case OP_FLUSH:
    case OP_SETHI: case OP_NOP:
    case OP_LD: case OP_LDUB: case OP_LDUH: case OP_LDSB: case OP_LDSH:
    case OP_ST: case OP_STB: case OP_STH:
        return K_PLAIN;
    case OP_RDPSR: case OP_RDWIM: case OP_RDTBR: case OP_WRWIM:
        return super ? K_PLAIN : K_NO;  /* else privileged_instruction */
    case OP_LDD: case OP_STD:
        return (d->rd & 1) ? K_NO : K_PLAIN;    /* odd: illegal */
    case OP_UDIV: case OP_SDIV: case OP_UDIVCC: case OP_SDIVCC:
    case OP_FPOP: case OP_LDF: case OP_LDDF: case OP_STF: case OP_STDF:
        return K_PLAIN;
    case OP_FBFCC:
        return K_FBFCC;
    case OP_STA: case OP_STBA: case OP_STHA: case OP_STDA:
        /* privileged, i = 0 only, stda with an even rd: else a trap the
         * interpreter takes */
        if (!super || (d->raw & (1u << 13)) ||
            (d->op == OP_STDA && (d->rd & 1))) {
            return K_NO;
        }
        /* cache flushes and the like: only the alignment trap */
        return sparc_asi_nop((d->raw >> 5) & 0xff) ? K_PLAIN : K_ASI_STORE;
    case OP_BICC:
        if (d->rs1 == 0 && !d->rs2) {
            return K_PLAIN;                     /* bn: a nop */
        }
        if (d->imm == 0 && d->rs1 == 9 && !d->rs2) {
            return K_NO;    /* bne .: the interpreter's delay-loop skip */
        }
        return K_BICC;
    case OP_CALL:
        return K_CALL;
    case OP_JMPL:
        return K_JMPL;
    default:
        return K_NO;
    }
}

static bool is_load(unsigned op)
{
    return op == OP_LD || op == OP_LDUB || op == OP_LDUH || op == OP_LDSB ||
           op == OP_LDSH || op == OP_LDD;
}

/* The register a load writes, for the load-use bubble */
static unsigned load_reg(const DecodedInsn *d)
{
    return d->op == OP_LDD ? (d->rd | 1u) : (d->rd & 31u);
}

/* The bubble after the load d when the next instruction is at byte
 * offset off of the page (the interpreter's rule: none off the page) */
static unsigned bubble_at(Tr *t, const DecodedInsn *d, int64_t off)
{
    if (!is_load(d->op) || off < 0 || off >= BUS_PAGE_SIZE) {
        return 0;
    }
    return sparc_load_use(t->cpu, t->dp, (unsigned)(off >> 2), load_reg(d));
}

/* eax = the effective address rs1 + op2 */
static void ea_to_rax(Tr *t, const DecodedInsn *d)
{
    rd_reg(t, d->rs1, RAX);
    if (d->rs2 != 0 || d->imm != 0) {
        alu_op2(t, d, A_ADD, RAX);
    }
}

/* The TLB fast path for an access of size bytes at eax: rdx = host
 * address, or a side exit (miss, fault, device, unaligned: the tag
 * keeps the low address bits) */
static void tlb_lookup(Tr *t, unsigned size, bool write, int32_t delta,
                       Next nx)
{
    Asm *a = &t->a;
    int32_t base = CPU_OFF(tlb) +
                   (int32_t)(t->super * sizeof(t->cpu->tlb[0]));
    mov_rr32(a, RCX, RAX);
    shift_ri(a, 0, S_SHR, RCX, 12);
    alu_ri32(a, A_AND, RCX, CPU_TLB_SIZE - 1);
    shift_ri(a, 0, S_SHL, RCX, 4);
    alu_rr64(a, A_ADD, RCX, RDI);
    mov_rr32(a, RDX, RAX);
    alu_ri32(a, A_AND, RDX, (int32_t)(0xfffff000u | (size - 1)));
    cmp_r_m32(a, RDX, RCX,
              base + (int32_t)(write ? offsetof(TlbEntry, tag_write)
                                     : offsetof(TlbEntry, tag_read)));
    side_exit(t, CC_NZ, delta, nx);
    mov_r_m64(a, RDX, RCX, base + (int32_t)offsetof(TlbEntry, addend));
    alu_rr64(a, A_ADD, RDX, RAX);
}

/* One instruction that runs on to pc + 4 (or to the branch target when
 * it is a delay slot: nx).  Adds its cycles, bubble included (bubble:
 * of a load, already decided by the caller). */
static void emit_plain(Tr *t, const DecodedInsn *d, int32_t delta, Next nx,
                       unsigned bubble)
{
    Asm *a = &t->a;
    int h, alu = -1;
    bool cc = false, inv = false;

    switch (d->op) {
    case OP_ADD: alu = A_ADD; break;
    case OP_ADDCC: alu = A_ADD; cc = true; break;
    case OP_SUB: alu = A_SUB; break;
    case OP_SUBCC: alu = A_SUB; cc = true; break;
    case OP_AND: alu = A_AND; break;
    case OP_ANDCC: alu = A_AND; cc = true; break;
    case OP_ANDN: alu = A_AND; inv = true; break;
    case OP_ANDNCC: alu = A_AND; inv = true; cc = true; break;
    case OP_OR: alu = A_OR; break;
    case OP_ORCC: alu = A_OR; cc = true; break;
    case OP_ORN: alu = A_OR; inv = true; break;
    case OP_ORNCC: alu = A_OR; inv = true; cc = true; break;
    case OP_XOR: alu = A_XOR; break;
    case OP_XORCC: alu = A_XOR; cc = true; break;
    case OP_XNOR: alu = A_XOR; inv = true; break;
    case OP_XNORCC: alu = A_XOR; inv = true; cc = true; break;
    default: break;
    }

    if (alu >= 0) {
        rd_reg(t, d->rs1, RAX);
        if (inv) {
            /* andn/orn/xnor: the second operand complemented (for xnor
             * ~(a ^ b) = a ^ ~b, and the flags come from the xor) */
            if (d->rs2 == 0) {
                alu_ri32(a, alu, RAX, ~d->imm);
            } else {
                mov_rr32(a, RCX, reg_get(t, d->rs2));
                not32(a, RCX);
                alu_rr32(a, alu, RAX, RCX);
            }
        } else {
            alu_op2(t, d, alu, RAX);
        }
        wr_rd(t, d->rd, RAX);
        if (cc) {
            icc_from_flags(t);
        }
    } else {
        switch (d->op) {
        case OP_ADDX: case OP_ADDXCC: case OP_SUBX: case OP_SUBXCC: {
            int h2 = d->rs2 ? reg_get(t, d->rs2) : -1;
            int carry = d->op == OP_ADDX || d->op == OP_ADDXCC ? A_ADC
                                                               : A_SBB;
            rd_reg(t, d->rs1, RAX);
            if (h2 >= 0) {
                h2 = reg_get(t, d->rs2);    /* still there: just used */
            }
            h = reg_get(t, SLOT_ICC);
            bt_ri32(a, h, 0);               /* CF = icc.C */
            if (h2 >= 0) {
                alu_rr32(a, carry, RAX, h2);
            } else {
                alu_ri32(a, carry, RAX, d->imm);
            }
            wr_rd(t, d->rd, RAX);
            if (d->op == OP_ADDXCC || d->op == OP_SUBXCC) {
                icc_from_flags(t);
            }
            break;
        }
        case OP_SLL: case OP_SRL: case OP_SRA: {
            int sh = d->op == OP_SLL ? S_SHL : d->op == OP_SRL ? S_SHR
                                                              : S_SAR;
            rd_reg(t, d->rs1, RAX);
            if (d->rs2 == 0) {
                shift_ri(a, 0, sh, RAX, (unsigned)d->imm & 31);
            } else {
                mov_rr32(a, RCX, reg_get(t, d->rs2));
                shift_cl32(a, sh, RAX);     /* the host masks to 5 bits */
            }
            wr_rd(t, d->rd, RAX);
            break;
        }
        case OP_UMUL: case OP_SMUL: case OP_UMULCC: case OP_SMULCC: {
            bool sgn = d->op == OP_SMUL || d->op == OP_SMULCC;
            rd_reg(t, d->rs1, RAX);
            if (d->rs2 == 0) {
                mov_ri32(a, RCX, (uint32_t)d->imm);
            } else {
                mov_rr32(a, RCX, reg_get(t, d->rs2));
            }
            if (sgn) {
                op_rr(a, 1, 0x63, -1, RAX, RAX);    /* movsxd */
                op_rr(a, 1, 0x63, -1, RCX, RCX);
            }
            op_rr(a, 1, 0x0f, 0xaf, RAX, RCX);      /* imul rax, rcx */
            mov_rr64(a, R11, RAX);
            wr_rd(t, d->rd, R11);
            if (d->op == OP_UMULCC || d->op == OP_SMULCC) {
                test_rr32(a, R11, R11);
                icc_from_flags(t);
            }
            shift_ri(a, 1, S_SHR, R11, 32);
            h = reg_set(t, SLOT_Y);
            mov_rr32(a, h, R11);
            break;
        }
        case OP_SAVE: case OP_RESTORE: {
            int s;
            ea_to_rax(t, d);                /* rs1 + op2, old window */
            mov_rr32(a, R11, RAX);
            mov_r_m32(a, RAX, RDI, CPU_OFF(psr));
            alu_ri32(a, A_AND, RAX, PSR_CWP);
            alu_ri32(a, A_ADD, RAX, d->op == OP_SAVE ? SPARC_NWINDOWS - 1
                                                     : 1);
            alu_ri32(a, A_AND, RAX, SPARC_NWINDOWS - 1);
            mov_r_m32(a, RCX, RDI, CPU_OFF(wim));
            bt_rr32(a, RCX, RAX);
            side_exit(t, CC_C, delta, nx);  /* window over/underflow */
            for (s = 8; s < 32; s++) {
                cache_forget(t, s, true);
            }
            mov_r_m32(a, RCX, RDI, CPU_OFF(psr));
            alu_ri32(a, A_AND, RCX, (int32_t)~PSR_CWP);
            alu_rr32(a, A_OR, RCX, RAX);
            mov_m_r32(a, RDI, CPU_OFF(psr), RCX);
            /* rsi = cpu->rp = cpu->rp_table[ncwp] */
            op_rr(a, 0, 0x69, -1, RAX, RAX);        /* imul eax, eax, n */
            b4(a, (uint32_t)sizeof(t->cpu->rp_table[0]));
            rex(a, 1, RSI, RAX, RDI, false);        /* lea rsi, [...] */
            b1(a, 0x8d);
            modrm_sib(a, RSI, RDI, RAX, 0, CPU_OFF(rp_table));
            mov_m_r64(a, RDI, CPU_OFF(rp), RSI);
            wr_rd(t, d->rd, R11);
            break;
        }
        case OP_UDIV: case OP_SDIV: case OP_UDIVCC: case OP_SDIVCC: {
            bool sgn = d->op == OP_SDIV || d->op == OP_SDIVCC;
            if (d->rs2 == 0) {
                mov_ri32(a, RCX, (uint32_t)d->imm);
            } else {
                mov_rr32(a, RCX, reg_get(t, d->rs2));
            }
            test_rr32(a, RCX, RCX);
            side_exit(t, CC_Z, delta, nx);  /* division_by_zero */
            rd_reg(t, d->rs1, RAX);
            mov_rr32(a, R11, reg_get(t, SLOT_Y));
            call_begin(t);                  /* sparc_div(a, b, y, sgn) */
            mov_rr32(a, RDI, RAX);
            mov_rr32(a, RSI, RCX);
            mov_rr32(a, RDX, R11);
            mov_ri32(a, RCX, sgn);
            call_end(t, (const void *)sparc_div);
            mov_rr64(a, R11, RAX);
            shift_ri(a, 1, S_SHR, R11, 32);         /* overflow */
            wr_rd(t, d->rd, RAX);
            if (d->op == OP_UDIVCC || d->op == OP_SDIVCC) {
                test_rr32(a, RAX, RAX);
                icc_from_flags(t);          /* N Z, V C clear */
                shift_ri(a, 0, S_SHL, R11, 1);
                alu_rr32(a, A_OR, reg_get(t, SLOT_ICC), R11);
            }
            break;
        }
        case OP_FPOP: {
            Exit *e;
            uint8_t *slow[8], *done = NULL;
            int nslow = 0, i, k = fp_inline_kind(d->raw);
            need_ef(t, delta, nx);
            if (k != FPI_NONE) {
                /* cycles fixed by the kind: counted here, so the trap
                 * exit below includes them as the interpreter does */
                t->cycles += fp_inline_cycles(k);
                t->max += fp_inline_cycles(k);
                emit_fp_inline(t, d->raw, k, slow, &nslow);
                if (nslow) {
                    b1(a, 0xe9);                    /* jmp done */
                    b4(a, 0);
                    done = a->p - 4;
                }
            }
            if (k == FPI_NONE || nslow) {
                /* fpu_exec itself, which adds its cycles, with the FSR
                 * in memory; inline, the fast way left it cached (dirty)
                 * in a host register: the same again after the call */
                int f = t->c.host[SLOT_FSR];
                for (i = 0; i < nslow; i++) {
                    patch_here(a, slow[i]);
                }
                if (k == FPI_NONE) {
                    cache_forget(t, SLOT_FSR, true);
                } else {
                    slot_move(t, SLOT_FSR, f, true);
                }
                call_begin(t);
                mov_ri32(a, RSI, d->raw);
                mov_ri32(a, RDX, k != FPI_NONE);
                call_end(t, (const void *)jit_fpop);
                if (k != FPI_NONE) {
                    slot_move(t, SLOT_FSR, f, false);
                }
                test_rr32(a, RAX, RAX);
                e = exit_here(t, PC_DELTA, delta, nx.mode, nx.delta,
                              JIT_EXIT_TRAP);
                e->tt = TT_FP_EXC;
                e->rel = jcc(a, CC_NZ);
            }
            patch_here(a, done);
            if (((d->raw >> 19) & 63) == 0x35 &&
                ((d->raw >> 5) & 0x1f8) == 0x50) {
                /* fcmp: an FBfcc right after it waits a cycle */
                mov_r_m64(a, RAX, RDI, CPU_OFF(insns));
                alu_ri(a, 1, A_ADD, RAX, (int32_t)t->insns + 1);
                mov_m_r64(a, RDI, CPU_OFF(fcmp_next), RAX);
            }
            if (k == FPI_NONE) {
                t->max += FPU_CYC_MAX;
            }
            break;
        }
        case OP_LDF: case OP_LDDF: case OP_STF: case OP_STDF: {
            unsigned fr = d->rd & 31;
            bool wide = d->op == OP_LDDF || d->op == OP_STDF;
            bool st = d->op == OP_STF || d->op == OP_STDF;
            need_ef(t, delta, nx);
            ea_to_rax(t, d);
            if (st) {
                mov_r_m32(a, R11, RDI, FREG(wide ? (fr & 30) : fr));
                if (wide) {
                    shift_ri(a, 1, S_SHL, R11, 32);
                    mov_r_m32(a, RCX, RDI, FREG(fr | 1));
                    alu_rr64(a, A_OR, R11, RCX);
                }
            }
            tlb_lookup(t, wide ? 8 : 4, st, delta, nx);
            if (st) {
                bswap(a, wide, R11);
                op_rm(a, wide, 0x89, -1, R11, RDX, 0);
                add_m64_i(a, RDI, CPU_OFF(stores), 1);
            } else if (wide) {
                mov_r_m64(a, RAX, RDX, 0);
                bswap(a, 1, RAX);
                mov_m_r32(a, RDI, FREG(fr | 1), RAX);
                shift_ri(a, 1, S_SHR, RAX, 32);
                mov_m_r32(a, RDI, FREG(fr & 30), RAX);
            } else {
                mov_r_m32(a, RAX, RDX, 0);
                bswap(a, 0, RAX);
                mov_m_r32(a, RDI, FREG(fr), RAX);
            }
            break;
        }
        case OP_STA: case OP_STBA: case OP_STHA: case OP_STDA: {
            /* an ASI that ignores stores (classify): aligned, nothing */
            unsigned size = d->op == OP_STA ? 4 : d->op == OP_STDA ? 8
                          : d->op == OP_STHA ? 2 : 1;
            if (size > 1) {
                ea_to_rax(t, d);
                b1(a, 0xa8);                /* test al, size - 1 */
                b1(a, size - 1);
                side_exit(t, CC_NZ, delta, nx);
            }
            break;
        }
        case OP_RDPSR:                      /* psr with icc in 23:20 */
            h = reg_get(t, SLOT_ICC);
            mov_rr32(a, RAX, h);
            shift_ri(a, 0, S_SHL, RAX, 20);
            op_rm(a, 0, 0x0b, -1, RAX, RDI, CPU_OFF(psr));  /* or */
            wr_rd(t, d->rd, RAX);
            break;
        case OP_RDWIM: case OP_RDTBR:
            mov_r_m32(a, RAX, RDI, d->op == OP_RDWIM ? CPU_OFF(wim)
                                                      : CPU_OFF(tbr));
            wr_rd(t, d->rd, RAX);
            break;
        case OP_WRWIM:
            rd_reg(t, d->rs1, RAX);
            alu_op2(t, d, A_XOR, RAX);
            alu_ri32(a, A_AND, RAX, (1 << SPARC_NWINDOWS) - 1);
            mov_m_r32(a, RDI, CPU_OFF(wim), RAX);
            break;
        case OP_RDY:
            h = reg_get(t, SLOT_Y);
            mov_rr32(a, RAX, h);
            wr_rd(t, d->rd, RAX);
            break;
        case OP_WRY:
            rd_reg(t, d->rs1, RAX);
            alu_op2(t, d, A_XOR, RAX);
            h = reg_set(t, SLOT_Y);
            mov_rr32(a, h, RAX);
            break;
        case OP_SETHI:
            if (d->rd < 32) {
                h = reg_set(t, d->rd);
                mov_ri32(a, h, (uint32_t)d->imm);
            }
            break;
        case OP_NOP: case OP_WRASR: case OP_FLUSH: case OP_BICC:
            break;                          /* bicc here: bn */
        case OP_LD: case OP_LDUB: case OP_LDUH: case OP_LDSB:
        case OP_LDSH: case OP_LDD: {
            unsigned size = d->op == OP_LD ? 4 : d->op == OP_LDD ? 8
                          : (d->op == OP_LDUH || d->op == OP_LDSH) ? 2 : 1;
            ea_to_rax(t, d);
            tlb_lookup(t, size, false, delta, nx);
            switch (d->op) {
            case OP_LD:
                mov_r_m32(a, RAX, RDX, 0);
                bswap(a, 0, RAX);
                break;
            case OP_LDUB: case OP_LDSB:
                op_rm(a, 0, 0x0f, d->op == OP_LDUB ? 0xb6 : 0xbe, RAX,
                      RDX, 0);
                break;
            case OP_LDUH: case OP_LDSH:
                op_rm(a, 0, 0x0f, 0xb7, RAX, RDX, 0);
                swap16(a, RAX);
                if (d->op == OP_LDSH) {
                    op_rr(a, 0, 0x0f, 0xbf, RAX, RAX);
                }
                break;
            default:
                mov_r_m64(a, RAX, RDX, 0);
                bswap(a, 1, RAX);
                break;
            }
            if (d->op == OP_LDD) {
                mov_rr64(a, R11, RAX);
                shift_ri(a, 1, S_SHR, R11, 32);
                wr_rd(t, d->rd, R11);
                wr_rd(t, d->rd | 1u, RAX);
            } else {
                wr_rd(t, d->rd, RAX);
            }
            break;
        }
        case OP_ST: case OP_STB: case OP_STH: case OP_STD: {
            unsigned size = d->op == OP_ST ? 4 : d->op == OP_STD ? 8
                          : d->op == OP_STH ? 2 : 1;
            ea_to_rax(t, d);
            rd_reg(t, d->rd, R11);
            if (size == 8) {
                shift_ri(a, 1, S_SHL, R11, 32);
                rd_reg(t, d->rd | 1u, RCX);
                alu_rr64(a, A_OR, R11, RCX);
            }
            tlb_lookup(t, size, true, delta, nx);
            switch (size) {
            case 4:
                bswap(a, 0, R11);
                mov_m_r32(a, RDX, 0, R11);
                break;
            case 8:
                bswap(a, 1, R11);
                mov_m_r64(a, RDX, 0, R11);
                break;
            case 2:
                swap16(a, R11);
                b1(a, 0x66);
                op_rm(a, 0, 0x89, -1, R11, RDX, 0);
                break;
            default:
                op_rm(a, 0, 0x88, -1, R11, RDX, 0);
                break;
            }
            add_m64_i(a, RDI, CPU_OFF(stores), 1);
            break;
        }
        default:
            t->overflow = true;             /* classify() let it through */
            break;
        }
    }
    t->cycles += d->cost + bubble;
    t->max += d->cost + bubble;
    t->insns++;
}

/* ---- Blocks ---- */

static DecodedInsn *insn_at(Tr *t, unsigned idx)
{
    DecodedInsn *d = &t->dp->insn[idx];
    if (d->op == OP_DECODE) {
        sparc_decode_in(t->cpu, t->dp, d, idx << 2);
    }
    return d;
}

/* Translate; false when not even the first instruction is translated */
static bool translate(Tr *t)
{
    Asm *a = &t->a;
    unsigned idx0 = t->idx0;
    unsigned k;
    Exit *e;

    push_pop(a, true);
    t->entry->body = a->p;
    for (k = 0;; k++) {
        unsigned idx = idx0 + k;
        int32_t delta = (int32_t)(4 * k);
        const DecodedInsn *d, *ds;
        int kind;
        Next seq = { NPC_SEQ, 0 };

        if (idx >= CPU_PAGE_INSNS || k >= JIT_BLOCK_MAX ||
            a->p + 1024 + (t->nexits + 8) * JIT_EXIT_ROOM > a->end) {
            /* the page's end (the next instruction goes by fetch_page) */
            exit_here(t, PC_DELTA, delta, NPC_SEQ, 0, JIT_EXIT_NEXT);
            break;
        }
        d = insn_at(t, idx);
        kind = classify(d, t->super);
        if (kind == K_PLAIN) {
            emit_plain(t, d, delta, seq, bubble_at(t, d, 4 * (int64_t)idx + 4));
            continue;
        }
        if (kind == K_ASI_STORE) {
            /* the store through the interpreter's ASI code, then out:
             * it may have changed the MMU, the deadline or this code */
            ea_to_rax(t, d);
            rd_reg(t, d->rd, R11);
            if (d->op == OP_STDA) {
                shift_ri(a, 1, S_SHL, R11, 32);
                rd_reg(t, d->rd | 1u, RCX);
                alu_rr64(a, A_OR, R11, RCX);
            } else if (d->op != OP_STA) {
                alu_ri32(a, A_AND, R11, d->op == OP_STHA ? 0xffff : 0xff);
            }
            /* the bus and the devices read the clock: the cycles and
             * instructions so far go to the CPU first, exits from here
             * on add only what follows */
            if (t->cycles) {
                add_m64_i(a, RDI, CPU_OFF(cycles), (int32_t)t->cycles);
            }
            if (t->insns) {
                add_m64_i(a, RDI, CPU_OFF(insns), (int32_t)t->insns);
            }
            t->cycles = t->insns = 0;
            call_begin(t);          /* sparc_asi_store(cpu, asi, va,
                                     * size, val) */
            mov_ri32(a, RSI, (d->raw >> 5) & 0xff);
            mov_rr32(a, RDX, RAX);
            mov_ri32(a, RCX, d->op == OP_STA ? 4 : d->op == OP_STDA ? 8
                           : d->op == OP_STHA ? 2 : 1);
            mov_rr64(a, R8, R11);
            call_end(t, (const void *)sparc_asi_store);
            mov_m_r32(a, RDI, CPU_OFF(jit_tt), RAX);
            test_rr32(a, RAX, RAX);
            e = exit_here(t, PC_DELTA, delta, NPC_SEQ, 0, JIT_EXIT_TRAP);
            e->rel = jcc(a, CC_NZ);
            t->cycles += d->cost;
            t->max += d->cost;
            t->insns++;
            e = exit_here(t, PC_DELTA, delta + 4, NPC_SEQ, 0, JIT_EXIT_NEXT);
            e->nolink = true;
            break;
        }
        /* a control transfer: its delay slot must be translatable too */
        ds = NULL;
        if (kind != K_NO && idx + 1 < CPU_PAGE_INSNS) {
            ds = insn_at(t, idx + 1);
            if (classify(ds, t->super) != K_PLAIN) {
                ds = NULL;
            }
        }
        bool fb = kind == K_FBFCC;
        bool annul_only = (kind == K_BICC || fb) && d->rs2 &&
                          (d->rs1 == 8 || d->rs1 == 0);
        if (kind == K_NO || (!ds && !annul_only)) {
            if (k == 0) {
                return false;
            }
            exit_here(t, PC_DELTA, delta, NPC_SEQ, 0, JIT_EXIT_STEP);
            break;
        }
        if (fb) {
            /* FBfcc: fp_disabled without EF, then one cycle more right
             * after an fcmp (sparc.c's fcmp_next) */
            uint8_t *skip;
            need_ef(t, delta, seq);
            mov_r_m64(a, RAX, RDI, CPU_OFF(insns));
            alu_ri(a, 1, A_ADD, RAX, (int32_t)t->insns);
            op_rm(a, 1, 0x3b, -1, RAX, RDI, CPU_OFF(fcmp_next));
            skip = jcc(a, CC_NZ);
            add_m64_i(a, RDI, CPU_OFF(cycles), 1);
            patch_here(a, skip);
            t->max += 1;
        }
        if (annul_only) {
            /* ba,a / bn,a: the delay instruction is annulled */
            int32_t to = d->rs1 == 8 ? delta + d->imm : delta + 8;
            t->cycles += d->cost + ANNUL_CYCLES;
            t->max += d->cost + ANNUL_CYCLES;
            t->insns++;
            exit_here(t, PC_DELTA, to, NPC_SEQ, 0, JIT_EXIT_NEXT);
            break;
        }
        if (kind == K_CALL || ((kind == K_BICC || fb) && d->rs1 == 8)) {
            /* call, ba: the delay instruction, then the target */
            int32_t to = delta + d->imm;
            Next nx = { NPC_DELTA, to };
            if (kind == K_CALL) {
                int h = reg_set(t, 15);
                mov_r_m32(a, h, RDI, CPU_OFF(jit_pc0));
                alu_ri32(a, A_ADD, h, delta);
            }
            t->cycles += d->cost;
            t->max += d->cost;
            t->insns++;
            emit_plain(t, ds, delta + 4, nx,
                       bubble_at(t, ds, 4 * (int64_t)idx + d->imm));
            exit_here(t, PC_DELTA, to, NPC_SEQ, 0, JIT_EXIT_NEXT);
            break;
        }
        if (kind == K_JMPL) {
            Next nx = { NPC_TARGET, 0 };
            ea_to_rax(t, d);
            b1(a, 0xa8);                    /* test al, 3 */
            b1(a, 3);
            side_exit(t, CC_NZ, delta, seq);        /* unaligned: trap */
            mov_m_r32(a, RDI, CPU_OFF(jit_target), RAX);
            if (d->rd != 0 && d->rd < 32) {
                int h = reg_set(t, d->rd);
                mov_r_m32(a, h, RDI, CPU_OFF(jit_pc0));
                alu_ri32(a, A_ADD, h, delta);
            }
            t->cycles += d->cost;
            t->max += d->cost;
            t->insns++;
            emit_plain(t, ds, delta + 4, nx, 0);
            if (is_load(ds->op) && load_reg(ds) != 0) {
                /* the load's bubble depends on where jmpl went: the
                 * interpreter's rule, at run time, when it is this page */
                uint8_t *skip;
                uint64_t v = (uint64_t)(uintptr_t)t->dp;
                mov_r_m32(a, RCX, RDI, CPU_OFF(jit_target));
                mov_r_m32(a, RAX, RDI, CPU_OFF(jit_pc0));
                alu_rr32(a, A_XOR, RAX, RCX);
                alu_ri32(a, A_AND, RAX, (int32_t)0xfffff000u);
                skip = jcc(a, CC_NZ);
                call_begin(t);
                rex(a, 1, 0, 0, RSI, false);        /* mov rsi, dp */
                b1(a, 0xb8u + (RSI & 7));
                b4(a, (uint32_t)v);
                b4(a, (uint32_t)(v >> 32));
                mov_rr32(a, RDX, RCX);
                shift_ri(a, 0, S_SHR, RDX, 2);
                alu_ri32(a, A_AND, RDX, CPU_PAGE_INSNS - 1);
                mov_ri32(a, RCX, load_reg(ds));
                call_end(t, (const void *)sparc_load_use);
                op_rr(a, 0, 0x89, -1, RAX, RAX);    /* mov eax, eax: an
                                                     * unsigned's upper half */
                op_rm(a, 1, 0x01, -1, RAX, RDI, CPU_OFF(cycles)); /* add */
                patch_here(a, skip);
                t->max += 1;
            }
            exit_here(t, PC_TARGET, 0, NPC_SEQ, 0, JIT_EXIT_NEXT);
            break;
        }
        /* a conditional Bicc */
        {
            int32_t to = delta + d->imm, fall = delta + 8;
            unsigned bt = bubble_at(t, ds, 4 * (int64_t)idx + d->imm);
            unsigned bf = bubble_at(t, ds, 4 * (int64_t)idx + 8);
            if (fb) {
                fbfcc_test(t, d->rs1);
            } else {
                bicc_test(t, d->rs1);
            }
            t->cycles += d->cost;
            t->max += d->cost;
            t->insns++;
            if (d->rs2) {
                /* not taken: the branch and its annulled delay slot */
                Next nx = { NPC_DELTA, to };
                t->cycles += ANNUL_CYCLES;
                e = exit_here(t, PC_DELTA, fall, NPC_SEQ, 0, JIT_EXIT_NEXT);
                e->rel = jcc(a, CC_NC);
                t->cycles -= ANNUL_CYCLES;
                t->max += ANNUL_CYCLES;
                emit_plain(t, ds, delta + 4, nx, bt);
                exit_here(t, PC_DELTA, to, NPC_SEQ, 0, JIT_EXIT_NEXT);
            } else {
                /* the delay slot runs either way; its side exits need
                 * npc, so the destination is kept in jit_target and the
                 * condition in jit_cond (the slot may change %icc) */
                Next nx = { NPC_TARGET, 0 };
                mov_r_m32(a, RAX, RDI, CPU_OFF(jit_pc0));
                lea32(a, RCX, RAX, to);
                lea32(a, RAX, RAX, fall);
                setcc_m8(a, CC_C, RDI, CPU_OFF(jit_cond));
                cmovcc32(a, CC_C, RAX, RCX);
                mov_m_r32(a, RDI, CPU_OFF(jit_target), RAX);
                emit_plain(t, ds, delta + 4, nx, 0);
                b1(a, 0x80);                /* cmp byte [rdi + cond], 0 */
                modrm_m(a, 7, RDI, CPU_OFF(jit_cond));
                b1(a, 0);
                /* each way with the bubble of a load in the slot */
                t->cycles += bt;
                e = exit_here(t, PC_DELTA, to, NPC_SEQ, 0, JIT_EXIT_NEXT);
                e->rel = jcc(a, CC_NZ);
                t->cycles += bf - bt;
                t->max += bt > bf ? bt : bf;
                exit_here(t, PC_DELTA, fall, NPC_SEQ, 0, JIT_EXIT_NEXT);
            }
            break;
        }
    }
    /* the final exit falls through into its code; the others are
     * reached by their jumps */
    {
        unsigned i, last = t->nexits - 1;
        emit_exit_code(t, &t->exits[last]);
        for (i = 0; i < last; i++) {
            patch_here(a, t->exits[i].rel);
            emit_exit_code(t, &t->exits[i]);
        }
    }
    return true;
}

const JitEntry *jit_block(SparcCpu *cpu, DecodedPage *dp, unsigned idx,
                          uint32_t pc)
{
    Jit *j = cpu->jit;
    JitEntry *e;
    Tr *t;
    uint8_t *start;

    if (dp->jit && dp->jit[idx]) {
        return dp->jit[idx];
    }
    if (j->size - j->used < JIT_BLOCK_ROOM) {
        jit_flush(cpu);
    }
    if (!dp->jit) {
        dp->jit = calloc(CPU_PAGE_INSNS, sizeof(*dp->jit));
        if (!dp->jit) {
            return NULL;
        }
    }
    t = malloc(sizeof(*t));
    if (!t) {
        return NULL;
    }
    memset(t, 0, offsetof(Tr, exits));
    t->cpu = cpu;
    t->dp = dp;
    t->idx0 = idx;
    t->super = (cpu->psr & PSR_S) != 0;
    cache_init(&t->c);
    /* the entry, then its code, 16-byte aligned */
    start = j->buf + ((j->used + 15) & ~(size_t)15);
    e = (JitEntry *)start;
    t->a.p = start + ((sizeof(*e) + 15) & ~(size_t)15);
    t->a.end = start + JIT_BLOCK_ROOM < j->buf + j->size
             ? start + JIT_BLOCK_ROOM : j->buf + j->size;
    memset(e, 0, sizeof(*e));
    t->entry = e;
    e->code = (JitCode)(void *)t->a.p;
    if (!translate(t) || t->a.full || t->overflow) {
        free(t);
        return NULL;
    }
    e->max_cycles = t->max;
    e->super = t->super;
    j->used = (size_t)(t->a.p - j->buf);
    dp->jit[idx] = e;
    cpu->jit_blocks++;
    if (j->perf_map) {
        fprintf(j->perf_map, "%lx %lx sparc_%08x_%s_%u\n",
                (unsigned long)(uintptr_t)e->code,
                (unsigned long)(t->a.p - (const uint8_t *)(void *)e->code),
                pc, t->super ? "s" : "u", t->insns);
        fflush(j->perf_map);
    }
    free(t);
    return e;
}

static void put32(uint8_t *at, uint32_t v)
{
    memcpy(at, &v, 4);
}

void jit_link(JitLink *l, const JitEntry *to)
{
    put32(l->max, to->max_cycles);
    put32(l->target, (uint32_t)(to->body - (l->target + 4)));
    put32(l->jump, (uint32_t)(l->chain - (l->jump + 4)));
}

#else /* no translator on this host */

Jit *jit_new(size_t bytes)
{
    (void)bytes;
    return NULL;
}

void jit_delete(Jit *j)
{
    (void)j;
}

const JitEntry *jit_block(SparcCpu *cpu, DecodedPage *dp, unsigned idx,
                          uint32_t pc)
{
    (void)cpu;
    (void)dp;
    (void)idx;
    (void)pc;
    return NULL;
}

void jit_link(JitLink *l, const JitEntry *to)
{
    (void)l;
    (void)to;
}

bool jit_perf_map(Jit *j)
{
    (void)j;
    return false;
}


#endif
