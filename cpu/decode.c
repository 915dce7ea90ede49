/*
 * SPARC V8 decoder (V8 Appendix F, opcode maps).
 */
#include "cpu/decode.h"

#include <string.h>

static const uint16_t op2_table[64] = {
    /* op=2, indexed by op3 (V8 Table F-5) */
    [0x00] = OP_ADD, [0x01] = OP_AND, [0x02] = OP_OR, [0x03] = OP_XOR,
    [0x04] = OP_SUB, [0x05] = OP_ANDN, [0x06] = OP_ORN, [0x07] = OP_XNOR,
    [0x08] = OP_ADDX, [0x0a] = OP_UMUL, [0x0b] = OP_SMUL, [0x0c] = OP_SUBX,
    [0x0e] = OP_UDIV, [0x0f] = OP_SDIV,
    [0x10] = OP_ADDCC, [0x11] = OP_ANDCC, [0x12] = OP_ORCC,
    [0x13] = OP_XORCC, [0x14] = OP_SUBCC, [0x15] = OP_ANDNCC,
    [0x16] = OP_ORNCC, [0x17] = OP_XNORCC, [0x18] = OP_ADDXCC,
    [0x1a] = OP_UMULCC, [0x1b] = OP_SMULCC, [0x1c] = OP_SUBXCC,
    [0x1e] = OP_UDIVCC, [0x1f] = OP_SDIVCC,
    [0x20] = OP_TADDCC, [0x21] = OP_TSUBCC, [0x22] = OP_TADDCCTV,
    [0x23] = OP_TSUBCCTV, [0x24] = OP_MULSCC, [0x25] = OP_SLL,
    [0x26] = OP_SRL, [0x27] = OP_SRA, [0x28] = OP_RDY, [0x29] = OP_RDPSR,
    [0x2a] = OP_RDWIM, [0x2b] = OP_RDTBR,
    [0x30] = OP_WRY, [0x31] = OP_WRPSR, [0x32] = OP_WRWIM, [0x33] = OP_WRTBR,
    [0x34] = OP_FPOP, [0x35] = OP_FPOP, [0x36] = OP_CPOP, [0x37] = OP_CPOP,
    [0x38] = OP_JMPL, [0x39] = OP_RETT, [0x3a] = OP_TICC, [0x3b] = OP_FLUSH,
    [0x3c] = OP_SAVE, [0x3d] = OP_RESTORE,
};

static const uint16_t op3_table[64] = {
    /* op=3, indexed by op3 (V8 Table F-6) */
    [0x00] = OP_LD, [0x01] = OP_LDUB, [0x02] = OP_LDUH, [0x03] = OP_LDD,
    [0x04] = OP_ST, [0x05] = OP_STB, [0x06] = OP_STH, [0x07] = OP_STD,
    [0x09] = OP_LDSB, [0x0a] = OP_LDSH, [0x0d] = OP_LDSTUB, [0x0f] = OP_SWAP,
    [0x10] = OP_LDA, [0x11] = OP_LDUBA, [0x12] = OP_LDUHA, [0x13] = OP_LDDA,
    [0x14] = OP_STA, [0x15] = OP_STBA, [0x16] = OP_STHA, [0x17] = OP_STDA,
    [0x19] = OP_LDSBA, [0x1a] = OP_LDSHA, [0x1d] = OP_LDSTUBA,
    [0x1f] = OP_SWAPA,
    [0x20] = OP_LDF, [0x21] = OP_LDFSR, [0x23] = OP_LDDF, [0x24] = OP_STF,
    [0x25] = OP_STFSR, [0x26] = OP_STDFQ, [0x27] = OP_STDF,
    [0x30] = OP_CPMEM, [0x31] = OP_CPMEM, [0x33] = OP_CPMEM,
    [0x34] = OP_CPMEM, [0x35] = OP_CPMEM, [0x36] = OP_CPMEM,
    [0x37] = OP_CPMEM,
};

#define RS SRC_RS
#define RSD (SRC_RS | SRC_RD)
const uint8_t sparc_op_int_sources[OP_COUNT] = {
    /* arithmetic, logic, shifts, control, writes of state registers:
     * rs1 and rs2.  Reads of state registers (rs1 is an ASR number),
     * FPops, branches, call and sethi read no integer register (SIS
     * sim/erc32/exec.c interlocks the same way). */
    [OP_ADD ... OP_FLUSH] = RS,
    [OP_WRY ... OP_WRASR] = RS,
    /* memory: the address; stores and swaps also read rd */
    [OP_LD] = RS, [OP_LDUB] = RS, [OP_LDUH] = RS, [OP_LDD] = RS,
    [OP_ST] = RSD, [OP_STB] = RSD, [OP_STH] = RSD, [OP_STD] = RSD,
    [OP_LDSB] = RS, [OP_LDSH] = RS, [OP_LDSTUB] = RS, [OP_SWAP] = RSD,
    [OP_LDA] = RS, [OP_LDUBA] = RS, [OP_LDUHA] = RS, [OP_LDDA] = RS,
    [OP_STA] = RSD, [OP_STBA] = RSD, [OP_STHA] = RSD, [OP_STDA] = RSD,
    [OP_LDSBA] = RS, [OP_LDSHA] = RS, [OP_LDSTUBA] = RS, [OP_SWAPA] = RSD,
    [OP_LDF] = RS, [OP_LDDF] = RS, [OP_LDFSR] = RS, [OP_STF] = RS,
    [OP_STDF] = RS, [OP_STFSR] = RS, [OP_STDFQ] = RS, [OP_CPMEM] = RS,
};
#undef RS
#undef RSD

/* Handlers whose rd is a destination: rd 0 is redirected to the sink. */
static int writes_rd(unsigned op)
{
    switch (op) {
    case OP_ST: case OP_STB: case OP_STH: case OP_STD:
    case OP_STA: case OP_STBA: case OP_STHA: case OP_STDA:
    case OP_LDD: case OP_LDDA:      /* pair handled by the executor */
    case OP_LDF: case OP_LDDF: case OP_LDFSR: case OP_STF: case OP_STDF:
    case OP_STFSR: case OP_STDFQ: case OP_CPMEM:
    case OP_SWAP: case OP_SWAPA:    /* reads rd too: executor handles */
    case OP_WRY: case OP_WRPSR: case OP_WRWIM: case OP_WRTBR: case OP_WRASR:
    case OP_FPOP: case OP_CPOP: case OP_TICC: case OP_FLUSH: case OP_RETT:
    case OP_ILLEGAL:
        return 0;
    default:
        return 1;
    }
}

static int32_t sext(uint32_t v, unsigned bits)
{
    return (int32_t)(v << (32 - bits)) >> (32 - bits);
}

void sparc_decode(uint32_t insn, DecodedInsn *d)
{
    unsigned op = insn >> 30;
    unsigned rd = (insn >> 25) & 31;
    unsigned op3 = (insn >> 19) & 63;
    unsigned rs1 = (insn >> 14) & 31;
    unsigned i = (insn >> 13) & 1;
    unsigned h;

    memset(d, 0, sizeof(*d));
    d->raw = insn;
    switch (op) {
    case 0: {
        unsigned op2 = (insn >> 22) & 7;
        d->rs1 = (uint8_t)((insn >> 25) & 15);          /* cond */
        d->rs2 = (uint8_t)((insn >> 29) & 1);           /* annul */
        d->imm = sext(insn & 0x3fffff, 22) * 4;
        switch (op2) {
        case 0:
            h = OP_UNIMP;
            break;
        case 2:
            h = OP_BICC;
            break;
        case 4:
            h = OP_SETHI;
            d->imm = (int32_t)(insn << 10);
            d->rs1 = d->rs2 = 0;
            if (rd == 0) {
                h = OP_NOP;
            }
            break;
        case 6:
            h = OP_FBFCC;
            break;
        case 7:
            h = OP_CBCCC;
            break;
        default:
            h = OP_ILLEGAL;
            break;
        }
        break;
    }
    case 1:
        h = OP_CALL;
        d->imm = (int32_t)(insn << 2);
        break;
    default:
        h = (op == 2 ? op2_table : op3_table)[op3];
        if (h == 0) {
            h = OP_ILLEGAL;
        }
        if (op == 2 && op3 == 0x30 && rd != 0) {
            h = OP_WRASR;
        }
        d->rs1 = (uint8_t)rs1;
        if (i) {
            d->imm = sext(insn & 0x1fff, 13);
            d->rs2 = 0;
        } else {
            d->rs2 = (uint8_t)(insn & 31);
        }
        break;
    }
    d->rd = (uint8_t)rd;
    if (rd == 0 && writes_rd(h)) {
        d->rd = 32;
    }
    d->op = (uint16_t)h;
    d->cost = sparc_op_cost[h];
}

const char *sparc_op_name(unsigned op)
{
    static const char *const names[OP_COUNT] = {
        [OP_DECODE] = "(undecoded)",
        [OP_ADD] = "add", [OP_ADDCC] = "addcc", [OP_ADDX] = "addx",
        [OP_ADDXCC] = "addxcc", [OP_SUB] = "sub", [OP_SUBCC] = "subcc",
        [OP_SUBX] = "subx", [OP_SUBXCC] = "subxcc", [OP_AND] = "and",
        [OP_ANDCC] = "andcc", [OP_ANDN] = "andn", [OP_ANDNCC] = "andncc",
        [OP_OR] = "or", [OP_ORCC] = "orcc", [OP_ORN] = "orn",
        [OP_ORNCC] = "orncc", [OP_XOR] = "xor", [OP_XORCC] = "xorcc",
        [OP_XNOR] = "xnor", [OP_XNORCC] = "xnorcc", [OP_SLL] = "sll",
        [OP_SRL] = "srl", [OP_SRA] = "sra", [OP_TADDCC] = "taddcc",
        [OP_TSUBCC] = "tsubcc", [OP_TADDCCTV] = "taddcctv",
        [OP_TSUBCCTV] = "tsubcctv", [OP_MULSCC] = "mulscc",
        [OP_UMUL] = "umul", [OP_SMUL] = "smul", [OP_UMULCC] = "umulcc",
        [OP_SMULCC] = "smulcc", [OP_UDIV] = "udiv", [OP_SDIV] = "sdiv",
        [OP_UDIVCC] = "udivcc", [OP_SDIVCC] = "sdivcc", [OP_SAVE] = "save",
        [OP_RESTORE] = "restore", [OP_JMPL] = "jmpl", [OP_RETT] = "rett",
        [OP_TICC] = "ticc", [OP_FLUSH] = "flush", [OP_RDY] = "rdy",
        [OP_RDPSR] = "rdpsr", [OP_RDWIM] = "rdwim", [OP_RDTBR] = "rdtbr",
        [OP_WRY] = "wry", [OP_WRPSR] = "wrpsr", [OP_WRWIM] = "wrwim",
        [OP_WRTBR] = "wrtbr", [OP_WRASR] = "wrasr", [OP_FPOP] = "fpop",
        [OP_CPOP] = "cpop", [OP_SETHI] = "sethi", [OP_NOP] = "nop",
        [OP_BICC] = "bicc", [OP_FBFCC] = "fbfcc", [OP_CBCCC] = "cbccc",
        [OP_UNIMP] = "unimp", [OP_CALL] = "call", [OP_LD] = "ld",
        [OP_LDUB] = "ldub", [OP_LDUH] = "lduh", [OP_LDD] = "ldd",
        [OP_ST] = "st", [OP_STB] = "stb", [OP_STH] = "sth", [OP_STD] = "std",
        [OP_LDSB] = "ldsb", [OP_LDSH] = "ldsh", [OP_LDSTUB] = "ldstub",
        [OP_SWAP] = "swap", [OP_LDA] = "lda", [OP_LDUBA] = "lduba",
        [OP_LDUHA] = "lduha", [OP_LDDA] = "ldda", [OP_STA] = "sta",
        [OP_STBA] = "stba", [OP_STHA] = "stha", [OP_STDA] = "stda",
        [OP_LDSBA] = "ldsba", [OP_LDSHA] = "ldsha", [OP_LDSTUBA] = "ldstuba",
        [OP_SWAPA] = "swapa", [OP_LDF] = "ldf", [OP_LDDF] = "lddf",
        [OP_LDFSR] = "ldfsr", [OP_STF] = "stf", [OP_STDF] = "stdf",
        [OP_STFSR] = "stfsr", [OP_STDFQ] = "stdfq", [OP_CPMEM] = "cpmem",
        [OP_ILLEGAL] = "illegal",
    };
    return op < OP_COUNT && names[op] ? names[op] : "?";
}
