/*
 * SPARC V8 instruction decoding into DecodedInsn records (cpu.h).
 *
 * Formats (V8 §5.2): op=1 CALL; op=0 SETHI/branches; op=2 arithmetic,
 * logical, control and FPops; op=3 loads and stores.  The decoder resolves
 * the opcode into one handler number and normalises the operands so the
 * interpreter needs no further field extraction:
 *   - the second operand is always rs2 + imm: with i=1, rs2 is 0 (reads 0)
 *     and imm is simm13; with i=0, imm is 0;
 *   - rd is 32 (the sink) when the instruction writes rd and rd is %g0;
 *   - branches keep the condition in rs1 and the annul bit in rs2, and the
 *     byte displacement in imm.
 */
#ifndef CPU_DECODE_H
#define CPU_DECODE_H

#include <stdint.h>

#include "cpu/cpu.h"

enum {
    OP_DECODE = 0,                  /* not yet decoded */
    /* op=2 arithmetic/logical (V8 §B.11-B.19) */
    OP_ADD, OP_ADDCC, OP_ADDX, OP_ADDXCC,
    OP_SUB, OP_SUBCC, OP_SUBX, OP_SUBXCC,
    OP_AND, OP_ANDCC, OP_ANDN, OP_ANDNCC,
    OP_OR, OP_ORCC, OP_ORN, OP_ORNCC,
    OP_XOR, OP_XORCC, OP_XNOR, OP_XNORCC,
    OP_SLL, OP_SRL, OP_SRA,
    OP_TADDCC, OP_TSUBCC, OP_TADDCCTV, OP_TSUBCCTV,
    OP_MULSCC, OP_UMUL, OP_SMUL, OP_UMULCC, OP_SMULCC,
    OP_UDIV, OP_SDIV, OP_UDIVCC, OP_SDIVCC,
    OP_SAVE, OP_RESTORE, OP_JMPL, OP_RETT, OP_TICC, OP_FLUSH,
    OP_RDY, OP_RDPSR, OP_RDWIM, OP_RDTBR,
    OP_WRY, OP_WRPSR, OP_WRWIM, OP_WRTBR, OP_WRASR,
    OP_FPOP, OP_CPOP,
    /* op=0 */
    OP_SETHI, OP_NOP, OP_BICC, OP_FBFCC, OP_CBCCC, OP_UNIMP,
    /* op=1 */
    OP_CALL,
    /* op=3 loads and stores (V8 §B.1-B.6); the A forms are alternate space */
    OP_LD, OP_LDUB, OP_LDUH, OP_LDD, OP_ST, OP_STB, OP_STH, OP_STD,
    OP_LDSB, OP_LDSH, OP_LDSTUB, OP_SWAP,
    OP_LDA, OP_LDUBA, OP_LDUHA, OP_LDDA, OP_STA, OP_STBA, OP_STHA, OP_STDA,
    OP_LDSBA, OP_LDSHA, OP_LDSTUBA, OP_SWAPA,
    OP_LDF, OP_LDDF, OP_LDFSR, OP_STF, OP_STDF, OP_STFSR, OP_STDFQ,
    OP_CPMEM,                       /* LDC/STC and friends: cp_disabled */
    OP_ILLEGAL,                     /* reserved opcode: illegal_instruction */
    OP_COUNT
};

/* Decode one instruction word; never fails (unknown -> OP_ILLEGAL). */
void sparc_decode(uint32_t insn, DecodedInsn *d);
/* Human-readable handler name, for traces and tests. */
const char *sparc_op_name(unsigned op);

/* Which fields of a handler are integer source registers (for the
 * load-use interlock): SRC_RS = rs1 and rs2, SRC_RD = rd (stores, swap). */
#define SRC_RS 1u
#define SRC_RD 2u
extern const uint8_t sparc_op_int_sources[OP_COUNT];

/* Base cycle costs per handler for the MB86904 (timing.c). */
extern const uint8_t sparc_op_cost[OP_COUNT];

#endif
