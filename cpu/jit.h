/*
 * Block translation of SPARC code to host code (x86-64 hosts).
 *
 * The interpreter (sparc.c) stays the reference and runs everything; a
 * straight run of instructions that it has entered often (a "hot" branch
 * target) is translated once into host code that does exactly what the
 * interpreter would do for those instructions, with the guest registers
 * it uses held in host registers from one instruction to the next.
 *
 * A block lies within one 4 KB page and ends at its first control
 * transfer with its delay slot (Bicc, call, jmpl), at an instruction it
 * does not translate, at the page's end or after JIT_BLOCK_MAX
 * instructions.  What it does not translate, or cannot finish at host
 * speed, it leaves to the interpreter by a side exit before that
 * instruction, with every register, pc, npc, cycle and instruction count
 * exactly as the interpreter would have them there: a TLB miss (so every
 * device access, every fault and every fill), an unaligned address, a
 * window overflow or underflow, a misaligned jmpl target.  Nothing in a
 * block can reach the bus, the devices or the event queue, so none of
 * them can move the deadline while it runs: the interpreter enters a block
 * only when the block's largest possible cost ends before the deadline,
 * which makes every event and interrupt fall at the same cycle as without
 * translation (--no-jit runs the interpreter alone; the tests compare).
 */
#ifndef CPU_JIT_H
#define CPU_JIT_H

#include <stddef.h>
#include <stdint.h>

#include "cpu/cpu.h"

#if defined(__x86_64__) && !defined(SPARC_NO_JIT)
#define SPARC_HAVE_JIT 1
#endif

/* A block returns how to go on: */
enum {
    JIT_EXIT_NEXT = 0,              /* at pc, possibly with another block */
    JIT_EXIT_STEP = 1,              /* interpret the instruction at pc first */
    JIT_EXIT_TRAP = 2,              /* take trap cpu->jit_tt at pc */
};

/* DecodedInsn.jit: the state of a block starting at that instruction */
enum {
    JIT_COLD = 0,                   /* counting entries (DecodedInsn.heat) */
    JIT_HOT = 1,                    /* translated, or to translate */
    JIT_NEVER = 2,                  /* its first instruction is not
                                     * translated */
};
/* Entries by a taken branch before a target is translated */
#define JIT_HEAT 16

typedef int (*JitCode)(SparcCpu *cpu, uint32_t **rp);

/* An exit of a block to a fixed pc in its own page, which the
 * interpreter links to the block there once it exists (jit_link): the
 * exit then checks the deadline against that block's cost and jumps
 * into it without leaving host code. */
typedef struct JitLink {
    uint8_t *jump;                  /* rel32: to chain, or to the return */
    uint8_t *chain;                 /* the linked way */
    uint8_t *max;                   /* imm32: the target's max_cycles */
    uint8_t *target;                /* rel32: the target's body */
} JitLink;

typedef struct JitEntry {
    JitCode code;
    const uint8_t *body;            /* past the prologue: where links go */
    JitLink link[2];
    uint32_t max_cycles;            /* the most cycles a run can take */
    uint8_t super;                  /* translated for PSR.S = super */
} JitEntry;

/* The translator of one CPU: NULL where there is none (not an x86-64
 * host, or no executable memory). */
Jit *jit_new(size_t bytes);
void jit_delete(Jit *j);
/* The block starting at instruction idx of dp, fetched at virtual pc (the
 * page the CPU fetches from: cpu->fetch_dp), translated if needed; NULL
 * when its first instruction is not translated. */
const JitEntry *jit_block(SparcCpu *cpu, DecodedPage *dp, unsigned idx,
                          uint32_t pc);
/* The block that just ran left by link l (cpu->jit_link) to the start
 * of block to, in the same page: go there directly from now on. */
void jit_link(JitLink *l, const JitEntry *to);
/* Name blocks for perf(1) in /tmp/perf-PID.map from now on (false: the
 * file cannot be written) */
bool jit_perf_map(Jit *j);
/* The code of dp changed: forget its blocks. */
void jit_page_drop(DecodedPage *dp);

/* From sparc.c, for the translator */
extern const uint16_t sparc_bicc_mask[16];
extern const uint8_t sparc_fbfcc_mask[16];
/* An ASI store of size bytes of val at va: the interpreter's; returns
 * its trap or 0 (it may flush TLBs, reach devices, move the deadline or
 * change code: a block ends after it) */
unsigned sparc_asi_store(SparcCpu *cpu, unsigned asi, uint32_t va,
                         unsigned size, uint64_t val);
/* udiv/sdiv of y:a by b (not 0): the quotient, bit 32 = overflow */
uint64_t sparc_div(uint32_t a, uint32_t b, uint32_t y, bool sgn);
/* Decode the instruction at byte offset off of page dp into d */
void sparc_decode_in(SparcCpu *cpu, DecodedPage *dp, DecodedInsn *d,
                     uint32_t off);
/* Drop every page's blocks */
void sparc_drop_blocks(SparcCpu *cpu);
/* An ASI whose accesses do nothing on this model (reads give 0) */
bool sparc_asi_nop(unsigned asi);
/* The load-use bubble (0 or 1) of a load writing reg when the next
 * instruction is insn idx of dp (sparc.c load_use). */
unsigned sparc_load_use(SparcCpu *cpu, DecodedPage *dp, unsigned idx,
                        unsigned reg);

#endif
