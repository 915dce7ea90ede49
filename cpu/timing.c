/*
 * Cycle costs of the Fujitsu MB86904 (microSPARC-II) integer unit.
 *
 * The microSPARC-II user manual, which has the authoritative per-instruction
 * figures, is not available to this project (reference/timing.md §1.2, gap 1).
 * The table therefore follows the proxies named there, each figure marked:
 *   [SIS]  gdb sim/erc32 README.sis §7 (Cypress 90C601, a single-issue V7/V8
 *          integer unit of the same pipeline family): jmpl and rett 2,
 *          load 2, store 3, ldd 3, std 4, others 1, load-use interlock 1;
 *   [GMP]  GMP mpn/sparc32/README: "later SPARC implementations have single
 *          cycle ST" - the microSPARC-II has a write buffer, so stores are
 *          taken as 2 (one more than SIS's load, one less than its store);
 *   [LEON] llvm SparcSchedule.td LEON2 figures (Atmel doc4226): umul/smul 5,
 *          div 35, Ticc 4, ldstub/swap 3;
 *   [TS]   TurboSPARC (pin-compatible successor): multiply 7, divide
 *          8-33; the microSPARC-II value is taken between LEON and TS.
 * Extra costs charged by the executor: +1 load-use interlock [SIS], +1 for
 * an FBfcc right after an FCMP (V8 §B.22 requires one instruction between
 * them; the MB86904 interlocks), bus wait states from each MMIO region,
 * annulled delay slots 1, trap entry 4 [LEON Ticc].  FPop costs come from
 * fpu.c.
 *
 * SIMPLIFY: no cache model.  The MB86904 has a 16 KB I$ and 8 KB D$ whose
 * miss penalties are a documented gap; all accesses are charged as hits.
 */
#include "cpu/decode.h"

#define C_ALU 1
#define C_LOAD 1        /* MB86904 single-cycle load + interlock (see above) */
#define C_STORE 2       /* [GMP] */
#define C_LDD 2         /* [SIS] ldd = load + 1 */
#define C_STD 3         /* [SIS] std = store + 1 */
#define C_ATOMIC 3      /* [LEON] ldstub/swap */
#define C_JMPL 2        /* [SIS] */
#define C_MUL 5         /* [LEON] */
#define C_DIV 20        /* between [LEON] 35 and [TS] 8-33 */
#define C_TICC 1        /* trap entry cost charged separately */

const uint8_t sparc_op_cost[OP_COUNT] = {
    [OP_DECODE] = 0,
    [OP_ADD] = C_ALU, [OP_ADDCC] = C_ALU, [OP_ADDX] = C_ALU,
    [OP_ADDXCC] = C_ALU, [OP_SUB] = C_ALU, [OP_SUBCC] = C_ALU,
    [OP_SUBX] = C_ALU, [OP_SUBXCC] = C_ALU, [OP_AND] = C_ALU,
    [OP_ANDCC] = C_ALU, [OP_ANDN] = C_ALU, [OP_ANDNCC] = C_ALU,
    [OP_OR] = C_ALU, [OP_ORCC] = C_ALU, [OP_ORN] = C_ALU, [OP_ORNCC] = C_ALU,
    [OP_XOR] = C_ALU, [OP_XORCC] = C_ALU, [OP_XNOR] = C_ALU,
    [OP_XNORCC] = C_ALU, [OP_SLL] = C_ALU, [OP_SRL] = C_ALU,
    [OP_SRA] = C_ALU, [OP_TADDCC] = C_ALU, [OP_TSUBCC] = C_ALU,
    [OP_TADDCCTV] = C_ALU, [OP_TSUBCCTV] = C_ALU, [OP_MULSCC] = C_ALU,
    [OP_UMUL] = C_MUL, [OP_SMUL] = C_MUL, [OP_UMULCC] = C_MUL,
    [OP_SMULCC] = C_MUL, [OP_UDIV] = C_DIV, [OP_SDIV] = C_DIV,
    [OP_UDIVCC] = C_DIV, [OP_SDIVCC] = C_DIV,
    [OP_SAVE] = C_ALU, [OP_RESTORE] = C_ALU,
    [OP_JMPL] = C_JMPL, [OP_RETT] = C_JMPL, [OP_TICC] = C_TICC,
    [OP_FLUSH] = C_ALU,
    [OP_RDY] = C_ALU, [OP_RDPSR] = C_ALU, [OP_RDWIM] = C_ALU,
    [OP_RDTBR] = C_ALU, [OP_WRY] = C_ALU, [OP_WRPSR] = C_ALU,
    [OP_WRWIM] = C_ALU, [OP_WRTBR] = C_ALU, [OP_WRASR] = C_ALU,
    [OP_FPOP] = 0,      /* from fpu_exec */
    [OP_CPOP] = C_ALU,
    [OP_SETHI] = C_ALU, [OP_NOP] = C_ALU, [OP_BICC] = C_ALU,
    [OP_FBFCC] = C_ALU, [OP_CBCCC] = C_ALU, [OP_UNIMP] = C_ALU,
    [OP_CALL] = C_ALU,
    [OP_LD] = C_LOAD, [OP_LDUB] = C_LOAD, [OP_LDUH] = C_LOAD,
    [OP_LDD] = C_LDD, [OP_ST] = C_STORE, [OP_STB] = C_STORE,
    [OP_STH] = C_STORE, [OP_STD] = C_STD, [OP_LDSB] = C_LOAD,
    [OP_LDSH] = C_LOAD, [OP_LDSTUB] = C_ATOMIC, [OP_SWAP] = C_ATOMIC,
    [OP_LDA] = C_LOAD, [OP_LDUBA] = C_LOAD, [OP_LDUHA] = C_LOAD,
    [OP_LDDA] = C_LDD, [OP_STA] = C_STORE, [OP_STBA] = C_STORE,
    [OP_STHA] = C_STORE, [OP_STDA] = C_STD, [OP_LDSBA] = C_LOAD,
    [OP_LDSHA] = C_LOAD, [OP_LDSTUBA] = C_ATOMIC, [OP_SWAPA] = C_ATOMIC,
    [OP_LDF] = C_LOAD, [OP_LDDF] = C_LDD, [OP_LDFSR] = C_LOAD,
    [OP_STF] = C_STORE, [OP_STDF] = C_STD, [OP_STFSR] = C_STORE,
    [OP_STDFQ] = C_STD, [OP_CPMEM] = C_ALU, [OP_ILLEGAL] = C_ALU,
};
