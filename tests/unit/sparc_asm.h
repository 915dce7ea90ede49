/*
 * SPARC V8 instruction words for unit tests that write programs in C
 * (test_cpu, test_cpu_nf, test_jit): the formats of V8 §5.2, the Bicc
 * conditions, the register numbers, nop and unimp.  op3 values stay
 * with each test, which names the ones it uses.
 */
#ifndef TESTS_UNIT_SPARC_ASM_H
#define TESTS_UNIT_SPARC_ASM_H

#include <stdint.h>

/* Register numbers in the current window */
enum {
    G0, G1, G2, G3, G4, G5, G6, G7,
    O0, O1, O2, O3, O4, O5, SP, O7,
    L0, L1, L2, L3, L4, L5, L6, L7,
    I0, I1, I2, I3, I4, I5, FP, I7,
};

/* Bicc / Ticc conditions (V8 Table F-7) */
enum {
    CN, CE, CLE, CL, CLEU, CCS, CNEG, CVS,
    CA, CNE, CG, CGE, CGU, CCC, CPOS, CVC,
};

#define NOP 0x01000000u
#define UNIMP 0x00000000u

/* Format 3 (V8 §5.2.3), register and immediate second operand.  Macros,
 * so that they can initialise static tables. */
#define F3R(op, op3, rd, rs1, rs2)                                         \
    (((uint32_t)(op) << 30) | ((uint32_t)(rd) << 25) |                   \
     ((uint32_t)(op3) << 19) | ((uint32_t)(rs1) << 14) | (uint32_t)(rs2))
#define F3I(op, op3, rd, rs1, simm13)                                      \
    (((uint32_t)(op) << 30) | ((uint32_t)(rd) << 25) |                   \
     ((uint32_t)(op3) << 19) | ((uint32_t)(rs1) << 14) | (1u << 13) |    \
     ((uint32_t)(simm13) & 0x1fff))

#define ALU(op3, rd, rs1, rs2) F3R(2, (op3), (rd), (rs1), (rs2))
#define ALUI(op3, rd, rs1, imm) F3I(2, (op3), (rd), (rs1), (imm))
#define MEM(op3, rd, rs1, rs2) F3R(3, (op3), (rd), (rs1), (rs2))
#define MEMI(op3, rd, rs1, imm) F3I(3, (op3), (rd), (rs1), (imm))

/* Format 2 (V8 §5.2.2): Bicc with a displacement in instructions; sethi */
static inline uint32_t bicc(unsigned annul, unsigned cond, int32_t disp)
{
    return (annul << 29) | (cond << 25) | (2u << 22) |
           ((uint32_t)disp & 0x3fffff);
}

static inline uint32_t sethi(unsigned rd, uint32_t value)
{
    return (rd << 25) | (4u << 22) | (value >> 10);
}

/* Format 1 (V8 §5.2.1), displacement in instructions */
static inline uint32_t call(int32_t disp)
{
    return (1u << 30) | ((uint32_t)disp & 0x3fffffff);
}

#endif
