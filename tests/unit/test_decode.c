/*
 * Unit tests of the SPARC V8 predecoder (cpu/decode.c): field extraction
 * and normalisation into DecodedInsn, opcode maps, reserved opcodes, costs.
 *
 * The instruction words of the main table were produced by
 *     sparc64-linux-gnu-as -32 -Av8  +  sparc64-linux-gnu-objdump -d
 * and are pasted with the assembler source as a comment; the extreme
 * displacements and immediates are assembled by hand from the V8 formats
 * (V8 §5.2, Appendix F).
 *
 * Build: see the Makefile (tests/unit/%.c against libsun4m.a, -lcunit).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cpu/cpu.h"
#include "cpu/decode.h"
#include "unit.h"

#define ANY 0xff                    /* field not checked (e.g. rd of Bicc) */
#define SINK 32                     /* rd %g0 of an instruction writing rd */

typedef struct DecodeCase {
    uint32_t word;
    unsigned op;
    unsigned rd, rs1, rs2;          /* ANY = not checked */
    int32_t imm;
    const char *src;
} DecodeCase;

static const DecodeCase cases[] = {
    /* arithmetic / logic, format 3 (V8 §5.2.3) */
    { 0x86004002, OP_ADD, 3, 1, 2, 0, "add %g1, %g2, %g3" },
    { 0x94827fff, OP_ADDCC, 10, 9, 0, -1, "addcc %o1, -1, %o2" },
    { 0x80006fff, OP_ADD, SINK, 1, 0, 4095, "add %g1, 4095, %g0" },
    { 0xa4247000, OP_SUB, 18, 17, 0, -4096, "sub %l1, -4096, %l2" },
    { 0xbe460019, OP_ADDX, 31, 24, 25, 0, "addx %i0, %i1, %i7" },
    { 0x80e02001, OP_SUBXCC, SINK, 0, 0, 1, "subxcc %g0, 1, %g0" },
    { 0x84086123, OP_AND, 2, 1, 0, 0x123, "and %g1, 0x123, %g2" },
    { 0x86284002, OP_ANDN, 3, 1, 2, 0, "andn %g1, %g2, %g3" },
    { 0x80904002, OP_ORCC, SINK, 1, 2, 0, "orcc %g1, %g2, %g0" },
    { 0x86384002, OP_XNOR, 3, 1, 2, 0, "xnor %g1, %g2, %g3" },
    { 0x8528601f, OP_SLL, 2, 1, 0, 31, "sll %g1, 31, %g2" },
    { 0x87384002, OP_SRA, 3, 1, 2, 0, "sra %g1, %g2, %g3" },
    { 0x87104002, OP_TADDCCTV, 3, 1, 2, 0, "taddcctv %g1, %g2, %g3" },
    { 0x87204002, OP_MULSCC, 3, 1, 2, 0, "mulscc %g1, %g2, %g3" },
    { 0x86504002, OP_UMUL, 3, 1, 2, 0, "umul %g1, %g2, %g3" },
    { 0x86d87ffe, OP_SMULCC, 3, 1, 0, -2, "smulcc %g1, -2, %g3" },
    { 0x86704002, OP_UDIV, 3, 1, 2, 0, "udiv %g1, %g2, %g3" },
    { 0x80f86007, OP_SDIVCC, SINK, 1, 0, 7, "sdivcc %g1, 7, %g0" },
    { 0x9de3bfa0, OP_SAVE, 14, 14, 0, -96, "save %sp, -96, %sp" },
    { 0x81e80000, OP_RESTORE, SINK, 0, 0, 0, "restore" },
    /* control transfer (V8 §B.24-B.27) */
    { 0x81c3e008, OP_JMPL, SINK, 15, 0, 8, "retl (jmpl %o7+8, %g0)" },
    { 0x9fc04002, OP_JMPL, 15, 1, 2, 0, "jmpl %g1+%g2, %o7" },
    { 0x81cfe008, OP_RETT, 0, 31, 0, 8, "rett %i7+8" },
    { 0x91d02010, OP_TICC, 8, 0, 0, 0x10, "ta 0x10 (cond in rd)" },
    { 0x93d04002, OP_TICC, 9, 1, 2, 0, "tne %g1+%g2" },
    { 0x81d86004, OP_FLUSH, 0, 1, 0, 4, "flush %g1+4" },
    /* state registers (V8 §B.28-B.29) */
    { 0x83400000, OP_RDY, 1, 0, 0, 0, "rd %y, %g1" },
    { 0x81400000, OP_RDY, SINK, 0, 0, 0, "rd %y, %g0" },
    { 0xa1480000, OP_RDPSR, 16, 0, 0, 0, "rd %psr, %l0" },
    { 0xa7500000, OP_RDWIM, 19, 0, 0, 0, "rd %wim, %l3" },
    { 0xa9580000, OP_RDTBR, 20, 0, 0, 0, "rd %tbr, %l4" },
    { 0x81806005, OP_WRY, 0, 1, 0, 5, "wr %g1, 5, %y" },
    { 0x81880001, OP_WRPSR, 0, 0, 1, 0, "wr %g0, %g1, %psr" },
    { 0x81902002, OP_WRWIM, 0, 0, 0, 2, "wr %g0, 2, %wim" },
    { 0x81980001, OP_WRTBR, 0, 0, 1, 0, "wr %g0, %g1, %tbr" },
    { 0x8b806001, OP_WRASR, 5, 1, 0, 1, "wr %g1, 1, %asr5" },
    /* format 2 (V8 §5.2.2) */
    { 0x03048d15, OP_SETHI, 1, 0, 0, 0x12345400, "sethi %hi(0x12345400), %g1" },
    { 0x033fffff, OP_SETHI, 1, 0, 0, (int32_t)0xfffffc00,
      "sethi 0x3fffff, %g1" },
    { 0x01000000, OP_NOP, ANY, 0, 0, 0, "nop (sethi 0, %g0)" },
    { 0x013fffff, OP_NOP, ANY, 0, 0, (int32_t)0xfffffc00,
      "sethi 0x3fffff, %g0" },
    { 0x00001234, OP_UNIMP, ANY, ANY, ANY, ANY, "unimp 0x1234" },
    { 0x00000000, OP_UNIMP, ANY, ANY, ANY, ANY, "unimp 0" },
    /* loads and stores (V8 §B.1-B.6) */
    { 0xc4006008, OP_LD, 2, 1, 0, 8, "ld [%g1+8], %g2" },
    { 0xc0004002, OP_LD, SINK, 1, 2, 0, "ld [%g1+%g2], %g0" },
    { 0xc6087fff, OP_LDUB, 3, 1, 0, -1, "ldub [%g1-1], %g3" },
    { 0xc8504000, OP_LDSH, 4, 1, 0, 0, "ldsh [%g1], %g4" },
    { 0xc818a008, OP_LDD, 4, 2, 0, 8, "ldd [%g2+8], %g4" },
    /* ldd into %g0 must keep rd 0: the executor writes rd|1 = %g1 */
    { 0xc0188000, OP_LDD, 0, 2, 0, 0, "ldd [%g2], %g0" },
    /* stores read rd: %g0 is the source, never the sink */
    { 0xc0206004, OP_ST, 0, 1, 0, 4, "st %g0, [%g1+4]" },
    { 0xc2288000, OP_STB, 1, 2, 0, 0, "stb %g1, [%g2]" },
    { 0xc230a002, OP_STH, 1, 2, 0, 2, "sth %g1, [%g2+2]" },
    { 0xc43ba008, OP_STD, 2, 14, 0, 8, "std %g2, [%sp+8]" },
    { 0xc0684000, OP_LDSTUB, SINK, 1, 0, 0, "ldstub [%g1], %g0" },
    /* swap reads rd (the value stored): %g0 must stay register 0 */
    { 0xc0786004, OP_SWAP, 0, 1, 0, 4, "swap [%g1+4], %g0" },
    { 0xc6784000, OP_SWAP, 3, 1, 0, 0, "swap [%g1], %g3" },
    { 0xc6804402, OP_LDA, 3, 1, 2, 0, "lda [%g1+%g2] 0x20, %g3" },
    { 0xc0a04080, OP_STA, 0, 1, 0, 0, "sta %g0, [%g1] 4" },
    { 0xc1184000, OP_LDDF, 0, 1, 0, 0, "ldd [%g1], %f0" },
    { 0xc7004000, OP_LDF, 3, 1, 0, 0, "ld [%g1], %f3" },
    { 0xc1084000, OP_LDFSR, 0, 1, 0, 0, "ld [%g1], %fsr" },
    { 0xc1284000, OP_STFSR, 0, 1, 0, 0, "st %fsr, [%g1]" },
    { 0xc5384000, OP_STDF, 2, 1, 0, 0, "std %f2, [%g1]" },
    /* branches: cond in rs1, annul in rs2, byte displacement in imm
     * (assembled at the addresses given) */
    { 0x10800000, OP_BICC, ANY, 8, 0, 0, "0x00: ba 0x00" },
    { 0x3280004c, OP_BICC, ANY, 9, 1, 0x130, "0x04: bne,a 0x134" },
    { 0x0680000a, OP_BICC, ANY, 3, 0, 0x28, "0x08: bl 0x30" },
    { 0x22bffffd, OP_BICC, ANY, 1, 1, -12, "0x0c: be,a 0x00" },
    { 0x00bffffc, OP_BICC, ANY, 0, 0, -16, "0x10: bn 0x00" },
    { 0x2e800048, OP_BICC, ANY, 7, 1, 0x120, "0x14: bvs,a 0x134" },
    { 0x03bffffa, OP_FBFCC, ANY, 1, 0, -24, "0x18: fbne 0x00" },
    { 0x2f800046, OP_FBFCC, ANY, 7, 1, 0x118, "0x1c: fbu,a 0x134" },
    { 0x0ffffff8, OP_CBCCC, ANY, 7, 0, -32, "0x20: cb3 0x00" },
    /* hand-assembled: disp22 extremes */
    { 0x10a00000, OP_BICC, ANY, 8, 0, -0x800000, "ba disp22 = -2^21" },
    { 0x109fffff, OP_BICC, ANY, 8, 0, 0x7ffffc, "ba disp22 = 2^21-1" },
    { 0x3ebfffff, OP_BICC, ANY, 15, 1, -4, "bvc,a disp22 = -1" },
    /* call: disp30 * 4, wrapping in 32 bits (V8 §B.24) */
    { 0x40000044, OP_CALL, ANY, ANY, ANY, 0x110, "0x24: call 0x134" },
    { 0x7ffffff6, OP_CALL, ANY, ANY, ANY, -40, "0x28: call 0x00" },
    { 0x7fffffff, OP_CALL, ANY, ANY, ANY, -4, "call disp30 = -1" },
    { 0x60000000, OP_CALL, ANY, ANY, ANY, INT32_MIN, "call disp30 = 2^29" },
    { 0x5fffffff, OP_CALL, ANY, ANY, ANY, 0x7ffffffc,
      "call disp30 = 2^29-1" },
    /* hand-assembled: simm13 extremes */
    { 0x82007000, OP_ADD, 1, 1, 0, -4096, "add %g1, -4096, %g1" },
    { 0x82006fff, OP_ADD, 1, 1, 0, 4095, "add %g1, 4095, %g1" },
    { 0x82007fff, OP_ADD, 1, 1, 0, -1, "add %g1, -1, %g1" },
    /* i=0 with non-zero "asi" bits 12:5 on a non-ASI op: rs2 only */
    { 0x86005fe2, OP_ADD, 3, 1, 2, 0, "add %g1, %g2, %g3 (bits 12:5 set)" },
};

#define N_CASES (sizeof(cases) / sizeof(cases[0]))

/* The handler word w decodes to. */
static unsigned decode_op(uint32_t w)
{
    DecodedInsn d;

    sparc_decode(w, &d);
    return d.op;
}

static void test_table(void)
{
    unsigned i;

    for (i = 0; i < N_CASES; i++) {
        const DecodeCase *c = &cases[i];
        DecodedInsn d;
        int bad = 0;

        memset(&d, 0xa5, sizeof(d));
        sparc_decode(c->word, &d);
        bad |= d.op != c->op;
        bad |= d.raw != c->word;
        bad |= c->rd != ANY && d.rd != c->rd;
        bad |= c->rs1 != ANY && d.rs1 != c->rs1;
        bad |= c->rs2 != ANY && d.rs2 != c->rs2;
        bad |= c->imm != ANY && d.imm != c->imm;
        bad |= d.op < OP_COUNT && d.cost != sparc_op_cost[d.op];
        if (bad) {
            printf("\n  %08x %-32s got op %s rd %u rs1 %u rs2 %u imm %d "
                   "cost %u", c->word, c->src, sparc_op_name(d.op), d.rd,
                   d.rs1, d.rs2, d.imm, d.cost);
        }
        CU_ASSERT_FALSE(bad);
    }
}

/* V8 Table F-5 (op=2) and F-6 (op=3): op3 values with no instruction. */
static int reserved_op2(unsigned op3)
{
    switch (op3) {
    case 0x09: case 0x0d: case 0x19: case 0x1d:
    case 0x2c: case 0x2d: case 0x2e: case 0x2f:
    case 0x3e: case 0x3f:
        return 1;
    default:
        return 0;
    }
}

static int reserved_op3(unsigned op3)
{
    switch (op3) {
    case 0x08: case 0x0b: case 0x0c: case 0x0e:
    case 0x18: case 0x1b: case 0x1c: case 0x1e:
    case 0x22: case 0x32:
        return 1;
    default:
        return (op3 >= 0x28 && op3 <= 0x2f) || op3 >= 0x38;
    }
}

/*
 * Word w (op=2 or 3) must decode to illegal exactly when its op3 is
 * reserved; 1 (after saying what it became) if it does not.
 */
static unsigned check_reserved(uint32_t w, int reserved)
{
    unsigned op = decode_op(w);

    if ((op == OP_ILLEGAL) != reserved) {
        printf("\n  op=%u op3=0x%02x decoded as %s", w >> 30,
               (w >> 19) & 0x3f, sparc_op_name(op));
        return 1;
    }
    return 0;
}

static void test_reserved_op3(void)
{
    unsigned op3, bad = 0;

    for (op3 = 0; op3 < 64; op3++) {
        /* with assorted rd/rs1/rs2 bits so no field hides the opcode */
        uint32_t w2 = (2u << 30) | (5u << 25) | (op3 << 19) | (3u << 14) | 4;
        uint32_t w3 = (3u << 30) | (6u << 25) | (op3 << 19) | (3u << 14) |
                      (1u << 13) | 8;
        bad += check_reserved(w2, reserved_op2(op3));
        bad += check_reserved(w3, reserved_op3(op3));
    }
    CU_ASSERT_EQUAL(bad, 0);

    /* spot checks of the maps' less common corners */
    CU_ASSERT_EQUAL(decode_op(0x81a00020), OP_FPOP);    /* op3 0x34: FPop1 */
    CU_ASSERT_EQUAL(decode_op(0x81a80a20), OP_FPOP);    /* op3 0x35: FPop2 */
    CU_ASSERT_EQUAL(decode_op(0x81b00000), OP_CPOP);    /* op3 0x36: CPop1 */
    CU_ASSERT_EQUAL(decode_op(0x81b80000), OP_CPOP);    /* op3 0x37: CPop2 */
    CU_ASSERT_EQUAL(decode_op(0xc1804000), OP_CPMEM);   /* op=3 0x30: LDC */
    CU_ASSERT_EQUAL(decode_op(0xc1b84000), OP_CPMEM);   /* op=3 0x37: STDC */
    CU_ASSERT_EQUAL(decode_op(0xc1304000), OP_STDFQ);   /* op=3 0x26: STDFQ */
}

static void test_op0_op2(void)
{
    DecodedInsn d;
    unsigned op2, rd, bad = 0;

    /* op=0: op2 0 unimp, 1/3/5 unused (V8: 1, 3 are V9 BPcc/BPr; 5 FBPfcc),
     * 2 Bicc, 4 sethi, 6 FBfcc, 7 CBccc (V8 Table F-3) */
    static const unsigned expect[8] = {
        OP_UNIMP, OP_ILLEGAL, OP_BICC, OP_ILLEGAL,
        OP_SETHI, OP_ILLEGAL, OP_FBFCC, OP_CBCCC,
    };
    for (op2 = 0; op2 < 8; op2++) {
        for (rd = 1; rd < 32; rd += 5) {
            uint32_t w = (rd << 25) | (op2 << 22) | 0x2aaaaa;
            sparc_decode(w, &d);
            if (d.op != expect[op2]) {
                printf("\n  op=0 op2=%u rd=%u decoded as %s", op2, rd,
                       sparc_op_name(d.op));
                bad++;
            }
        }
    }
    CU_ASSERT_EQUAL(bad, 0);
    /* sethi with rd=0 is the canonical nop; any imm22 */
    CU_ASSERT_EQUAL(decode_op(0x01000000 | 0x155555), OP_NOP);
    sparc_decode(0x09155555, &d);               /* sethi 0x155555, %g4 */
    CU_ASSERT_EQUAL(d.op, OP_SETHI);
    CU_ASSERT_EQUAL(d.rd, 4);
    CU_ASSERT_EQUAL((uint32_t)d.imm, 0x155555u << 10);
    /* unimp with an imm22 whose top bit is set is still unimp */
    CU_ASSERT_EQUAL(decode_op(0x003fffff), OP_UNIMP);
}

/* i=1 gives rs2=0 and the sign-extended simm13; i=0 gives imm 0. */
static void test_operand_forms(void)
{
    unsigned op, op3, rs2, bad = 0;
    int32_t s;
    DecodedInsn d;

    for (op = 2; op <= 3; op++) {
        for (op3 = 0; op3 < 64; op3++) {
            for (s = -4096; s < 4096; s += 257) {
                uint32_t w = (op << 30) | (7u << 25) | (op3 << 19) |
                             (21u << 14) | (1u << 13) | ((uint32_t)s & 0x1fff);
                sparc_decode(w, &d);
                bad += d.rs1 != 21 || d.rs2 != 0 || d.imm != s;
            }
            for (rs2 = 0; rs2 < 32; rs2++) {
                uint32_t w = (op << 30) | (7u << 25) | (op3 << 19) |
                             (21u << 14) | rs2;
                sparc_decode(w, &d);
                bad += d.rs1 != 21 || d.rs2 != rs2 || d.imm != 0;
            }
        }
    }
    CU_ASSERT_EQUAL(bad, 0);
}

/*
 * rd = %g0 goes to the sink exactly for the handlers that write an integer
 * rd; stores, wr, Ticc, FP/CP and the executor-handled pairs (ldd, swap)
 * keep register 0.
 */
static int writes_int_rd(unsigned op)
{
    switch (op) {
    case OP_ADD: case OP_ADDCC: case OP_ADDX: case OP_ADDXCC:
    case OP_SUB: case OP_SUBCC: case OP_SUBX: case OP_SUBXCC:
    case OP_AND: case OP_ANDCC: case OP_ANDN: case OP_ANDNCC:
    case OP_OR: case OP_ORCC: case OP_ORN: case OP_ORNCC:
    case OP_XOR: case OP_XORCC: case OP_XNOR: case OP_XNORCC:
    case OP_SLL: case OP_SRL: case OP_SRA:
    case OP_TADDCC: case OP_TSUBCC: case OP_TADDCCTV: case OP_TSUBCCTV:
    case OP_MULSCC: case OP_UMUL: case OP_SMUL: case OP_UMULCC:
    case OP_SMULCC: case OP_UDIV: case OP_SDIV: case OP_UDIVCC:
    case OP_SDIVCC: case OP_SAVE: case OP_RESTORE: case OP_JMPL:
    case OP_RDY: case OP_RDPSR: case OP_RDWIM: case OP_RDTBR:
    case OP_LD: case OP_LDUB: case OP_LDUH: case OP_LDSB: case OP_LDSH:
    case OP_LDSTUB: case OP_LDA: case OP_LDUBA: case OP_LDUHA:
    case OP_LDSBA: case OP_LDSHA: case OP_LDSTUBA:
        return 1;
    default:
        return 0;
    }
}

/*
 * Word w (op=2 or 3) must decode to its rd field, or to the sink if that
 * is %g0 and the handler writes an integer rd; 1 (after saying what it
 * became) if it does not.
 */
static unsigned check_rd(uint32_t w)
{
    unsigned rd = (w >> 25) & 31;
    DecodedInsn d;

    sparc_decode(w, &d);
    if (d.rd != (rd == 0 && writes_int_rd(d.op) ? SINK : rd)) {
        printf("\n  op=%u op3=0x%02x (%s) rd=%u -> rd %u", w >> 30,
               (w >> 19) & 0x3f, sparc_op_name(d.op), rd, d.rd);
        return 1;
    }
    return 0;
}

static void test_sink_mapping(void)
{
    unsigned op, op3, bad = 0;
    DecodedInsn d;

    for (op = 2; op <= 3; op++) {
        for (op3 = 0; op3 < 64; op3++) {
            uint32_t w0 = (op << 30) | (op3 << 19) | (1u << 14) | 2;

            bad += check_rd(w0);
            bad += check_rd(w0 | (5u << 25));
        }
    }
    CU_ASSERT_EQUAL(bad, 0);
    /* sethi %hi(x), %g0 is a nop; sethi to a register keeps rd */
    sparc_decode(0x03000001, &d);
    CU_ASSERT_EQUAL(d.rd, 1);
}

/* wr with rd != 0 is wr %asrN (V8 §B.29); only op3 0x30 has that form. */
static void test_wrasr(void)
{
    unsigned rd;
    DecodedInsn d;

    for (rd = 0; rd < 32; rd++) {
        sparc_decode(0x81802000 | (rd << 25) | 3, &d);  /* wr %g0, 3, asr */
        CU_ASSERT_EQUAL(d.op, rd ? OP_WRASR : OP_WRY);
        CU_ASSERT_EQUAL(d.rd, rd);
        CU_ASSERT_EQUAL(d.imm, 3);
        sparc_decode(0x81882000 | (rd << 25), &d);      /* op3 0x31 */
        CU_ASSERT_EQUAL(d.op, OP_WRPSR);
    }
}

/* Bicc/FBfcc keep cond in rs1 and annul in rs2 for every combination. */
static void test_branch_fields(void)
{
    unsigned a, cond, bad = 0;
    DecodedInsn d;

    for (a = 0; a < 2; a++) {
        for (cond = 0; cond < 16; cond++) {
            uint32_t bi = (a << 29) | (cond << 25) | (2u << 22) | 0x3ffffe;
            uint32_t fb = (a << 29) | (cond << 25) | (6u << 22) | 0x000003;
            sparc_decode(bi, &d);
            bad += d.op != OP_BICC || d.rs1 != cond || d.rs2 != a ||
                   d.imm != -8;
            sparc_decode(fb, &d);
            bad += d.op != OP_FBFCC || d.rs1 != cond || d.rs2 != a ||
                   d.imm != 12;
        }
    }
    CU_ASSERT_EQUAL(bad, 0);
}

/* Every word decodes to some handler whose cost is the table's. */
static void test_costs(void)
{
    uint32_t x = 0x12345678u;
    unsigned i, bad = 0, undecoded = 0;
    DecodedInsn d;

    for (i = 0; i < 200000; i++) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        sparc_decode(x, &d);
        if (d.op == OP_DECODE || d.op >= OP_COUNT) {
            undecoded++;
            continue;
        }
        bad += d.cost != sparc_op_cost[d.op] || d.raw != x;
        /* every handler has a name */
        bad += strcmp(sparc_op_name(d.op), "?") == 0;
        /* only the sink or a real register number */
        bad += d.rd > 32 || d.rs1 > 31 || d.rs2 > 31;
    }
    CU_ASSERT_EQUAL(undecoded, 0);
    CU_ASSERT_EQUAL(bad, 0);

    /* the costs documented in cpu/timing.c */
    CU_ASSERT_EQUAL(sparc_op_cost[OP_DECODE], 0);
    CU_ASSERT_EQUAL(sparc_op_cost[OP_ADD], 1);
    CU_ASSERT_EQUAL(sparc_op_cost[OP_LD], 1);
    CU_ASSERT_EQUAL(sparc_op_cost[OP_ST], 2);
    CU_ASSERT_EQUAL(sparc_op_cost[OP_LDD], 2);
    CU_ASSERT_EQUAL(sparc_op_cost[OP_STD], 3);
    CU_ASSERT_EQUAL(sparc_op_cost[OP_LDSTUB], 3);
    CU_ASSERT_EQUAL(sparc_op_cost[OP_SWAP], 3);
    CU_ASSERT_EQUAL(sparc_op_cost[OP_JMPL], 2);
    CU_ASSERT_EQUAL(sparc_op_cost[OP_RETT], 2);
    CU_ASSERT_EQUAL(sparc_op_cost[OP_UMUL], 5);
    CU_ASSERT_EQUAL(sparc_op_cost[OP_SMULCC], 5);
    CU_ASSERT_EQUAL(sparc_op_cost[OP_UDIV], 20);
    CU_ASSERT_EQUAL(sparc_op_cost[OP_SDIVCC], 20);
    CU_ASSERT_EQUAL(sparc_op_cost[OP_TICC], 1);
    CU_ASSERT_EQUAL(sparc_op_cost[OP_FPOP], 0);
    /* and no executable handler is free except FPop (charged by fpu.c) */
    for (i = 1; i < OP_COUNT; i++) {
        if (i != OP_FPOP && sparc_op_cost[i] == 0) {
            printf("\n  %s has cost 0", sparc_op_name(i));
            CU_FAIL("handler with cost 0");
        }
    }
    /* a decoded record carries it */
    sparc_decode(0x86704002, &d);               /* udiv */
    CU_ASSERT_EQUAL(d.cost, 20);
    sparc_decode(0xc43ba008, &d);               /* std */
    CU_ASSERT_EQUAL(d.cost, 3);
}

/* Integer source fields for the load-use interlock (decode.h) */
static void test_int_sources(void)
{
    unsigned op, bad = 0;

    for (op = 1; op < OP_COUNT; op++) {
        unsigned want;

        switch (op) {
        case OP_ST: case OP_STB: case OP_STH: case OP_STD:
        case OP_STA: case OP_STBA: case OP_STHA: case OP_STDA:
        case OP_SWAP: case OP_SWAPA:
            want = SRC_RS | SRC_RD;         /* address and data */
            break;
        case OP_SETHI: case OP_NOP: case OP_BICC: case OP_FBFCC:
        case OP_CBCCC: case OP_UNIMP: case OP_CALL: case OP_FPOP:
        case OP_CPOP: case OP_ILLEGAL:
        case OP_RDY: case OP_RDPSR: case OP_RDWIM: case OP_RDTBR:
            /* no integer source (rd %asr: rs1 is an ASR number) */
            want = 0;
            break;
        default:
            want = SRC_RS;                  /* rs1 and rs2 (or simm13) */
            break;
        }
        if (sparc_op_int_sources[op] != want) {
            printf("\n  %s: sources %u, want %u", sparc_op_name(op),
                   sparc_op_int_sources[op], want);
            bad++;
        }
    }
    CU_ASSERT_EQUAL(bad, 0);
}

static void test_names(void)
{
    CU_ASSERT_STRING_EQUAL(sparc_op_name(OP_ADDCC), "addcc");
    CU_ASSERT_STRING_EQUAL(sparc_op_name(OP_LDSTUB), "ldstub");
    CU_ASSERT_STRING_EQUAL(sparc_op_name(OP_ILLEGAL), "illegal");
    CU_ASSERT_STRING_EQUAL(sparc_op_name(OP_COUNT), "?");
    CU_ASSERT_STRING_EQUAL(sparc_op_name(12345), "?");
}

/* ------------------------------------------------------------------ */

static const UnitTest tests[] = {
    { "assembler-generated table", test_table },
    { "reserved op3 -> illegal", test_reserved_op3 },
    { "op=0 op2 map", test_op0_op2 },
    { "i=0 / i=1 operand forms", test_operand_forms },
    { "rd %g0 -> sink", test_sink_mapping },
    { "wr %asr", test_wrasr },
    { "branch cond and annul fields", test_branch_fields },
    { "costs", test_costs },
    { "integer source fields", test_int_sources },
    { "handler names", test_names },
};

int main(void)
{
    return UNIT_RUN("decode", NULL, NULL, tests);
}
