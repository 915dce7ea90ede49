/*
 * SPARC V8 floating-point unit of the Fujitsu MB86904 (microSPARC-II).
 *
 * Register file and FSR as in The SPARC Architecture Manual Version 8,
 * chapter 4.4 (FSR) and appendix B (FPop instruction definitions).
 * Results, NaN payloads and FSR updates follow QEMU 7.2's
 * qemu-system-sparc bit for bit, because the project diff-tests against it.
 */
#ifndef CPU_FPU_H
#define CPU_FPU_H

#include <stdbool.h>
#include <stdint.h>

/* FSR fields (V8 manual 4.4, figure 4-5) */
#define FPU_FSR_RD_SHIFT    30          /* [31:30] rounding direction */
#define FPU_FSR_TEM_SHIFT   23          /* [27:23] trap enable mask */
#define FPU_FSR_NS          (1u << 22)  /* nonstandard fp (ignored) */
#define FPU_FSR_VER_SHIFT   17          /* [19:17] FPU version, read-only */
#define FPU_FSR_FTT_SHIFT   14          /* [16:14] fp trap type, read-only */
#define FPU_FSR_FTT_MASK    (7u << 14)
#define FPU_FSR_QNE         (1u << 13)  /* FQ not empty, read-only */
#define FPU_FSR_QEMU_NV     (1u << 12)  /* unused in V8; private, see fpu.c */
#define FPU_FSR_FCC_SHIFT   10          /* [11:10] fp condition codes */
#define FPU_FSR_FCC_MASK    (3u << 10)
#define FPU_FSR_AEXC_SHIFT  5           /* [9:5] accrued exceptions */
#define FPU_FSR_CEXC_MASK   0x1fu       /* [4:0] current exceptions */

/* Bits an LDFSR can change: RD, TEM, NS, fcc, aexc, cexc (V8 4.4) */
#define FPU_FSR_LDFSR_MASK  0xcfc00fffu

/* Exception bits, in cexc/aexc/TEM order (V8 4.4 table 4-5) */
#define FPU_EXC_NV          0x10u       /* invalid */
#define FPU_EXC_OF          0x08u       /* overflow */
#define FPU_EXC_UF          0x04u       /* underflow */
#define FPU_EXC_DZ          0x02u       /* division by zero */
#define FPU_EXC_NX          0x01u       /* inexact */

/* FSR.ftt values (V8 4.4 table 4-4) */
#define FPU_FTT_NONE        0u
#define FPU_FTT_IEEE_754    1u
#define FPU_FTT_UNFINISHED  2u
#define FPU_FTT_UNIMP       3u
#define FPU_FTT_SEQUENCE    4u
#define FPU_FTT_HW_ERROR    5u
#define FPU_FTT_INVALID_REG 6u

/* FSR.ver of the MB86904 FPU */
#define FPU_VER_MB86904     4u

/* fcc values written by FCMP (V8 4.4 table 4-3) */
#define FPU_FCC_EQ          0u
#define FPU_FCC_LT          1u
#define FPU_FCC_GT          2u
#define FPU_FCC_UN          3u

typedef struct FpuState {
    /* %f0..%f31; a double in %fN (N even) is f[N] (MSW) : f[N+1] */
    uint32_t f[32];
    uint32_t fsr;     /* V8 FSR; read it with fpu_stfsr() (bit 12 is private) */
} FpuState;

/* Clear %f0..%f31; FSR.ver = 4 (MB86904), every other FSR field 0. */
void fpu_reset(FpuState *fp);

/*
 * Execute one FPop1 (op=2, op3=0x34) or FPop2 (op3=0x35) instruction word
 * `insn`; the caller has already checked op/op3 and PSR.EF.
 * Returns 0 if it completed, or 1 if it raises an fp_exception trap (the CPU
 * then takes trap type 0x08): FSR.ftt is then 1 (IEEE_754_exception, cexc
 * holds the cause) or 3 (unimplemented_FPop: every quad FPop and every
 * undefined opf), aexc is not updated and the destination is unchanged.
 * *cycles is set to the operation's cost in CPU cycles (table in fpu.c).
 */
int fpu_exec(FpuState *fp, uint32_t insn, unsigned *cycles);

/* LDFSR: write FSR keeping the read-only fields (ver, ftt, qne, reserved). */
void fpu_ldfsr(FpuState *fp, uint32_t val);

/* STFSR: the value to store. Like QEMU 7.2, this has no side effect:
 * ftt stays set until the next FPop clears it. */
uint32_t fpu_stfsr(FpuState *fp);

/* fcc, for FBfcc (V8 B, "Branch on Fp Condition Codes") */
static inline unsigned fpu_fcc(const FpuState *fp)
{
    return (fp->fsr >> FPU_FSR_FCC_SHIFT) & 3u;
}

/*
 * Cycle costs. The MB86904 manual is not available (timing.md 1.2 GAP), so
 * these are the 90C601E/90C602E figures of SIS, bminor/binutils-gdb
 * sim/erc32/README.sis section 7, used as the proxy (timing.md 1.2).
 */
#define FPU_CYC_FMOVS   2   /* SIS: fmovs 2 */
#define FPU_CYC_FNEGS   2   /* SIS: fnegs 2 */
#define FPU_CYC_FABSS   2   /* SIS: fabs 2 */
#define FPU_CYC_FADDS   4   /* SIS: fadds 4 (fsubs 4) */
#define FPU_CYC_FADDD   4   /* SIS: faddd 4 (fsubd 4) */
#define FPU_CYC_FMULS   5   /* SIS: fmuls 5 */
#define FPU_CYC_FMULD   9   /* SIS: fmuld 9 */
#define FPU_CYC_FSMULD  9   /* not in SIS (90C602 lacks fsmuld): fmuld's 9 */
#define FPU_CYC_FDIVS   20  /* SIS: fdivs 20 */
#define FPU_CYC_FDIVD   35  /* SIS: fdivd 35 */
#define FPU_CYC_FSQRTS  37  /* SIS: fsqrts 37 */
#define FPU_CYC_FSQRTD  65  /* SIS: fsqrtd 65 */
#define FPU_CYC_FITOS   6   /* SIS: fitos 6 */
#define FPU_CYC_FITOD   6   /* SIS: fitod 6 */
#define FPU_CYC_FSTOI   6   /* SIS: fstoi 6 */
#define FPU_CYC_FDTOI   7   /* SIS: fdtoi 7 */
#define FPU_CYC_FSTOD   2   /* SIS: fstod 2 */
#define FPU_CYC_FDTOS   3   /* SIS: "fdots" (fdtos) 3 */
#define FPU_CYC_FCMPS   4   /* SIS: fcmps 4; fcmpes assumed the same */
#define FPU_CYC_FCMPD   4   /* SIS: fcmpd 4; fcmped assumed the same */
#define FPU_CYC_UNIMP   1   /* assumed: decode only, the CPU charges the trap */
#define FPU_CYC_MAX     FPU_CYC_FSQRTD  /* the dearest FPop */

/* The quick path of FADDd/FSUBd/FMULd (fpu.c f64_quick, and the
 * translator's inline copy, cpu/jit.c): operands zero, or normal with a
 * biased exponent in [FPU_QUICK_ELO, FPU_QUICK_ELO + FPU_QUICK_ESPAN] */
#define FPU_QUICK_ELO   (0x3ffu - 480u)
#define FPU_QUICK_ESPAN 960u

/* Unit tests only: true makes fpu_exec skip its quick paths (fpu.c
 * f64_quick for FADDd/FSUBd/FMULd, the FCMPd shortcut), false (the
 * default) restores them. */
void fpu_test_force_soft(bool on);

#endif /* CPU_FPU_H */
