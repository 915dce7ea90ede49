/*
 * SPARC V8 integer unit of the Fujitsu MB86904 (microSPARC-II), the CPU of
 * the SPARCstation 5, with its FPU (fpu.h) and SPARC Reference MMU
 * (srmmu.h).
 *
 * Execution is by a predecoding interpreter: each physical page of code is
 * decoded once into DecodedInsn records (lazily, instruction by instruction)
 * and run from there; a store into such a page invalidates its records.
 * Data accesses go through a software TLB that maps a virtual page straight
 * to a host pointer when it is RAM.
 *
 * Reference: The SPARC Architecture Manual, Version 8 (SPARC International,
 * 1992), cited as "V8 §n".
 */
#ifndef CPU_CPU_H
#define CPU_CPU_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hw/core/bus.h"
#include "hw/core/event.h"
#include "hw/core/log.h"
#include "cpu/fpu.h"
#include "cpu/srmmu.h"

#define SPARC_NWINDOWS 8

/* PSR fields (V8 §4.2) */
#define PSR_IMPL_SHIFT 28
#define PSR_VER_SHIFT 24
#define PSR_ICC_N (1u << 23)
#define PSR_ICC_Z (1u << 22)
#define PSR_ICC_V (1u << 21)
#define PSR_ICC_C (1u << 20)
#define PSR_ICC 0x00f00000u
#define PSR_EC (1u << 13)           /* coprocessor enable: no CP on sun4m */
#define PSR_EF (1u << 12)           /* FPU enable */
#define PSR_PIL_SHIFT 8
#define PSR_PIL 0x00000f00u
#define PSR_S (1u << 7)             /* supervisor */
#define PSR_PS (1u << 6)            /* previous supervisor */
#define PSR_ET (1u << 5)            /* traps enabled */
#define PSR_CWP 0x0000001fu
/* MB86904: PSR impl 0, ver 4 (QEMU target/sparc/cpu.c iu_version 0x04000000) */
#define MB86904_PSR_IMPL_VER 0x04000000u

/* Trap types (V8 §7.4, table 7-1) */
enum {
    TT_RESET = 0x00,
    TT_IACC_EXC = 0x01,             /* instruction_access_exception */
    TT_ILLEGAL = 0x02,
    TT_PRIV = 0x03,
    TT_FP_DISABLED = 0x04,
    TT_WIN_OVF = 0x05,
    TT_WIN_UNF = 0x06,
    TT_UNALIGNED = 0x07,
    TT_FP_EXC = 0x08,
    TT_DACC_EXC = 0x09,             /* data_access_exception */
    TT_TAG_OVF = 0x0a,
    TT_WATCHPOINT = 0x0b,
    TT_IRQ_BASE = 0x10,             /* interrupt_level_n = 0x10 + n */
    TT_R_REG_ERR = 0x20,
    TT_IACC_ERR = 0x21,             /* instruction_access_error */
    TT_CP_DISABLED = 0x24,
    TT_UNIMP_FLUSH = 0x25,
    TT_CP_EXC = 0x28,
    TT_DACC_ERR = 0x29,             /* data_access_error */
    TT_DIV_ZERO = 0x2a,
    TT_DSTORE_ERR = 0x2b,
    TT_IACC_MMU_MISS = 0x3c,
    TT_DACC_MMU_MISS = 0x2c,
    TT_TRAP_INSN = 0x80,            /* Ticc: 0x80 + software trap number */
};

/* One predecoded instruction. */
typedef struct DecodedInsn {
    uint16_t op;                    /* handler, see sparc.c; 0 = not decoded */
    uint8_t rd, rs1, rs2;           /* register numbers, rd of 0 -> sink */
    uint8_t cost;                   /* base cycles (cpu/timing.c) */
    uint8_t jit;                    /* a translated block here? (jit.h) */
    uint8_t heat;                   /* taken branches to here, until hot */
    int32_t imm;                    /* simm13, branch displacement, sethi value */
    uint32_t raw;
} DecodedInsn;

#define CPU_PAGE_INSNS (BUS_PAGE_SIZE / 4)

typedef struct Jit Jit;
struct JitEntry;

typedef struct DecodedPage {
    uint64_t ppn;                   /* page number within RAM or ROM */
    const uint8_t *host;            /* the page's bytes */
    bool is_ram;
    unsigned write_hits;            /* stores into it since last protected */
    struct JitEntry **jit;          /* translated blocks by first insn, or
                                     * NULL (cpu/jit.h) */
    DecodedInsn insn[CPU_PAGE_INSNS];
} DecodedPage;

#define CPU_TLB_SIZE 256
#define CPU_TLB_WORDS (2 * CPU_TLB_SIZE / 64)

/* Data TLB: virtual page -> host pointer (RAM only). */
typedef struct TlbEntry {
    uint32_t tag_read;              /* page VA when reads may use host; 1 = none */
    uint32_t tag_write;             /* page VA when writes may use host */
    uintptr_t addend;               /* host address = addend + VA */
} TlbEntry;

/* Instruction TLB: virtual page -> decoded page. */
typedef struct ITlbEntry {
    uint32_t tag;
    DecodedPage *dp;
} ITlbEntry;

typedef enum CpuStop {
    CPU_RUNNING = 0,
    CPU_STOP_BUDGET,                /* reached the cycle limit */
    CPU_STOP_HALT,                  /* waiting for an interrupt */
    CPU_STOP_ERROR_MODE,            /* trap with ET=0 (V8 §7.3) */
    CPU_STOP_REQUEST,               /* the board asked to stop (reset, power) */
} CpuStop;

/* Architectural state compared by poll skipping (see sparc.c). */
typedef struct CpuArchState {
    uint32_t g[8];
    uint32_t wf[SPARC_NWINDOWS * 16];
    uint32_t f[32];
    uint32_t psr, icc, wim, tbr, y, fsr, npc;
} CpuArchState;

/* The last MMIO read that looked like a polling loop. */
typedef struct PollTrack {
    uint32_t pc;
    uint64_t pa, val;
    Cycles cycles;
    uint64_t insns, stores, traps;
    bool have_snap;
    CpuArchState snap;
} PollTrack;

typedef struct SparcCpu {
    /* Registers (V8 §4.1): globals, a window file of 16 per window */
    uint32_t **rp;                  /* current view: r0..r31, [32] = sink */
    uint32_t *rp_table[SPARC_NWINDOWS][33];  /* the view for each CWP */
    uint32_t g[8];
    uint32_t wf[SPARC_NWINDOWS * 16];
    uint32_t zero;                  /* what r0 reads */
    uint32_t sink;                  /* where writes to r0 go */
    uint32_t pc, npc;
    uint32_t psr;                   /* without icc (bits 23:20 read 0 here) */
    uint32_t icc;                   /* N Z V C as bits 3..0 */
    uint32_t wim, tbr, y;
    FpuState fpu;
    Srmmu mmu;

    /* Time */
    Cycles cycles;
    Cycles deadline;                /* cpu_run leaves the fast loop here */
    Cycles run_limit;               /* the limit of the current cpu_run */
    uint64_t insns;                 /* instructions retired */
    unsigned irq_level;             /* highest pending interrupt level 0..15 */
    bool halted;
    CpuStop stop;
    uint32_t error_tt;              /* trap that entered error mode */

    /* Memory */
    Bus *bus;
    TlbEntry tlb[2][CPU_TLB_SIZE];  /* [supervisor] */
    ITlbEntry itlb[2][CPU_TLB_SIZE];
    uint64_t tlb_filled[CPU_TLB_WORDS];     /* slots in use (sparc.c) */
    bool tlb_nf;                    /* holds a mapping installed for a
                                     * fault that NF silenced */
    uint32_t tlb_large_lo, tlb_large_hi;    /* VAs filled from large PTEs
                                             * (inclusive; lo > hi: none) */
    uint32_t fetch_tag;             /* VA page of fetch_dp, 1 = none */
    DecodedPage *fetch_dp;
    DecodedPage **ram_code;         /* per RAM page, decoded instructions */
    DecodedPage **rom_code;         /* per ROM page */
    uint64_t fcmp_next;             /* insns count right after the last FCMP */

    /* Poll skipping */
    uint64_t stores;                /* stores executed (any space) */
    bool poll_read;                 /* last MMIO read was a stable one */
    uint64_t poll_pa, poll_val;
    PollTrack poll;
    uint64_t poll_skipped;          /* cycles fast-forwarded */
    uint64_t delay_skipped;         /* cycles of delay loops done at once
                                     * (sparc.c delay_loop_skip) */

    /* Block translation (cpu/jit.h); jit NULL: the interpreter alone */
    Jit *jit;
    uint32_t jit_pc0;               /* pc where the running block began */
    uint32_t jit_target;            /* its jmpl or Bicc destination */
    uint8_t jit_cond;               /* its Bicc condition held */
    uint32_t jit_tt;                /* the trap it stopped at */
    struct JitLink *jit_link;       /* the linkable exit it left by */

    /* Tracing (--trace traps,mmio); may be NULL */
    Log *log;

    /* Statistics */
    uint64_t decoded_insns;
    uint64_t code_invalidations;
    uint64_t tlb_flushes;           /* whole host TLB dropped (MMU flush,
                                     * context switch) */
    uint64_t tlb_page_flushes;      /* one page dropped (ASI 3 page flush) */
    uint64_t traps;
    uint64_t jit_insns;             /* instructions run translated (what
                                     * insns gained inside host code) */
    uint64_t jit_blocks;            /* blocks translated */
    uint64_t jit_flushes;           /* times the code buffer filled */
} SparcCpu;

int cpu_init(SparcCpu *cpu, Bus *bus);
void cpu_free(SparcCpu *cpu);
void cpu_reset(SparcCpu *cpu);
/* Run until cpu->cycles >= limit, or a stop.  Returns the stop reason. */
CpuStop cpu_run(SparcCpu *cpu, Cycles limit);
/* The interrupt controller sets the pending level (0 = none). */
void cpu_set_irq_level(SparcCpu *cpu, unsigned level);
/* Bring the end of the current cpu_run forward to `when` (an event was
 * armed earlier than the limit it was given). */
static inline void cpu_limit_to(SparcCpu *cpu, Cycles when)
{
    if (when < cpu->run_limit) {
        cpu->run_limit = when;
        if (cpu->deadline > when) {
            cpu->deadline = when;
        }
    }
}
/* Stop executing until an interrupt is requested (APC idle). */
void cpu_halt(SparcCpu *cpu);
/* Make cpu_run return at the next instruction boundary (for devices). */
static inline void cpu_kick(SparcCpu *cpu)
{
    cpu->deadline = 0;
}
void cpu_tlb_flush(SparcCpu *cpu);
/* Block translation on (the default where the host has it) or off
 * (--no-jit); returns whether it is on. */
bool cpu_set_jit(SparcCpu *cpu, bool on);
/* The same with a host code buffer of that many bytes (0: off); when it
 * fills, every block is dropped and translated again as it is entered
 * (CPU_JIT_BUFFER by default; tests make it small) */
#define CPU_JIT_BUFFER ((size_t)64 << 20)
bool cpu_set_jit_buffer(SparcCpu *cpu, size_t bytes);
/* Invalidate decoded code of a RAM page (bus code-write hook). */
void cpu_code_page_written(void *cpu, uint64_t ram_page, unsigned off,
                           unsigned len);
const char *cpu_trap_name(unsigned tt);

#endif
