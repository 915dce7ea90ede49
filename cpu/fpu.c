/*
 * SPARC V8 floating-point unit of the Fujitsu MB86904 (microSPARC-II).
 *
 * References: The SPARC Architecture Manual Version 8 (V8), chapter 4.4
 * (FSR) and appendix B ("Load/Store Floating-point Instructions" for
 * LDFSR/STFSR, the "Floating-point Operate (FPop)" sections for the rest;
 * cited below by their titles);
 * QEMU 7.2 target/sparc/fop_helper.c, translate.c, fpu/softfloat*.
 *
 * Finite arithmetic runs on the host's IEEE-754 unit with the guest rounding
 * direction loaded into it; everything the host would do differently from
 * QEMU's softfloat (NaN results, integer conversions, comparisons) is done in
 * software. Facts checked against qemu-system-sparc 7.2 -M SS-5:
 *  - default NaN is 0x7fffffff / 0x7fffffffffffffff;
 *  - with two NaN operands the x87 rule picks one (f32_pick_nan below);
 *    a signalling NaN result is quieted by setting the fraction MSB;
 *  - tininess is detected after rounding, and uf is raised only together
 *    with nx, even when UFM is set (softfloat's rule; IEEE 754-1985 7.4
 *    signals any tiny result when the underflow trap is enabled);
 *  - fstoi/fdtoi of NaN give 0x7fffffff, out of range give 0x7fffffff or
 *    0x80000000 by sign; only nv is raised then;
 *  - every FPop first clears ftt and cexc, including FMOVs/FNEGs/FABSs and
 *    the quad FPops that then trap as unimplemented.
 * x86-64 SSE also detects tininess after rounding and raises UE (masked) only
 * with PE, so host flags map 1:1 onto softfloat's for these operations.
 */
#include "cpu/fpu.h"

#include <float.h>
#include <stdbool.h>
#include <string.h>

#if FLT_EVAL_METHOD != 0
#error "fpu.c needs float/double arithmetic evaluated in its own format"
#endif

#define FPU_F32_SIGN    0x80000000u
#define FPU_F32_QUIET   0x00400000u                 /* fraction MSB */
#define FPU_F32_FRAC    0x007fffffu
#define FPU_F32_INF     0x7f800000u
#define FPU_F32_DNAN    0x7fffffffu                 /* SPARC default NaN */
#define FPU_F64_SIGN    0x8000000000000000ull
#define FPU_F64_QUIET   0x0008000000000000ull
#define FPU_F64_FRAC    0x000fffffffffffffull
#define FPU_F64_INF     0x7ff0000000000000ull
#define FPU_F64_DNAN    0x7fffffffffffffffull

/* Cycle costs: FPU_CYC_* in fpu.h (the translator uses them too) */

/* Decode key: opf, plus 0x200 for FPop2 (op3 0x35) */
#define FPOP1(opf)      (opf)
#define FPOP2(opf)      (0x200 | (opf))

/* ---- host floating-point environment ---- */

#if defined(__x86_64__) && !defined(FPU_HOST_FENV)
/*
 * x86-64: SSE arithmetic, MXCSR loaded directly. MXCSR: flags [5:0] IE DE ZE
 * OE UE PE, DAZ [6], masks [12:7], RC [14:13] (0 nearest, 1 down, 2 up,
 * 3 toward zero), FZ [15]. All exceptions masked, DAZ/FZ off.
 */
typedef uint32_t FpuHostEnv;

static const uint32_t fpu_mxcsr_rc[4] = {
    0x0000, /* RD 0 nearest */
    0x6000, /* RD 1 toward zero */
    0x4000, /* RD 2 toward +inf */
    0x2000, /* RD 3 toward -inf */
};

/* Keep the compiler from moving an operation across the MXCSR accesses */
#define FPU_HOST_PIN(v) __asm__ volatile("" : "+x"(v) : : "memory")
#define FPU_HOST_PIN_INT(v) __asm__ volatile("" : "+r"(v) : : "memory")

/*
 * ldmxcsr is slow (it serialises), stmxcsr is not: load MXCSR only when it
 * must change.  On entry it must hold the guest's rounding mode with no
 * flag set; on exit the host's control bits come back with the flags
 * cleared, so an op in the usual round-to-nearest mode that raised nothing
 * costs no ldmxcsr at all, and one that raised flags costs one.
 */
static inline FpuHostEnv fpu_host_enter(unsigned rd)
{
    uint32_t old;
    uint32_t csr = 0x1f80u | fpu_mxcsr_rc[rd];

    __asm__ volatile("stmxcsr %0" : "=m"(old) : : "memory");
    if (old != csr) {
        __asm__ volatile("ldmxcsr %0" : : "m"(csr) : "memory");
    }
    return old;
}

static inline unsigned fpu_host_leave(FpuHostEnv old)
{
    uint32_t csr, host = old & ~0x3fu;
    unsigned exc = 0;

    __asm__ volatile("stmxcsr %0" : "=m"(csr) : : "memory");
    if (csr != host) {
        __asm__ volatile("ldmxcsr %0" : : "m"(host) : "memory");
    }
    if (csr & 0x01) {
        exc |= FPU_EXC_NV;
    }
    if (csr & 0x04) {
        exc |= FPU_EXC_DZ;
    }
    if (csr & 0x08) {
        exc |= FPU_EXC_OF;
    }
    if (csr & 0x10) {
        exc |= FPU_EXC_UF;
    }
    if (csr & 0x20) {
        exc |= FPU_EXC_NX;
    }
    return exc;
}
#else
/*
 * Portable <fenv.h> version. Only the x86-64 path above has been compared
 * with QEMU; a host that detects tininess before rounding (or flushes
 * denormals) would need a software correction here.
 */
#include <fenv.h>

typedef int FpuHostEnv;

static const int fpu_fenv_rc[4] = {
    FE_TONEAREST, FE_TOWARDZERO, FE_UPWARD, FE_DOWNWARD
};

#define FPU_HOST_PIN(v) __asm__ volatile("" : "+m"(v) : : "memory")
#define FPU_HOST_PIN_INT(v) FPU_HOST_PIN(v)

static inline FpuHostEnv fpu_host_enter(unsigned rd)
{
    int old = fegetround();

    fesetround(fpu_fenv_rc[rd]);
    feclearexcept(FE_ALL_EXCEPT);
    return old;
}

static inline unsigned fpu_host_leave(FpuHostEnv old)
{
    int f = fetestexcept(FE_ALL_EXCEPT);
    unsigned exc = 0;

    fesetround(old);
    if (f & FE_INVALID) {
        exc |= FPU_EXC_NV;
    }
    if (f & FE_DIVBYZERO) {
        exc |= FPU_EXC_DZ;
    }
    if (f & FE_OVERFLOW) {
        exc |= FPU_EXC_OF;
    }
    if (f & FE_UNDERFLOW) {
        exc |= FPU_EXC_UF;
    }
    if (f & FE_INEXACT) {
        exc |= FPU_EXC_NX;
    }
    return exc;
}
#endif

/* ---- bit helpers ---- */

static inline float fpu_f32(uint32_t x)
{
    float f;

    memcpy(&f, &x, sizeof(f));
    return f;
}

static inline uint32_t fpu_b32(float f)
{
    uint32_t x;

    memcpy(&x, &f, sizeof(x));
    return x;
}

static inline double fpu_f64(uint64_t x)
{
    double d;

    memcpy(&d, &x, sizeof(d));
    return d;
}

static inline uint64_t fpu_b64(double d)
{
    uint64_t x;

    memcpy(&x, &d, sizeof(x));
    return x;
}

static inline bool fpu_nan32(uint32_t x)
{
    return (x & ~FPU_F32_SIGN) > FPU_F32_INF;
}

static inline bool fpu_snan32(uint32_t x)
{
    return fpu_nan32(x) && !(x & FPU_F32_QUIET);
}

static inline bool fpu_nan64(uint64_t x)
{
    return (x & ~FPU_F64_SIGN) > FPU_F64_INF;
}

static inline bool fpu_snan64(uint64_t x)
{
    return fpu_nan64(x) && !(x & FPU_F64_QUIET);
}

/*
 * Double registers: QEMU 7.2 (DFPREG) ignores bit 0 of a double register
 * number, so %f1 as a double is %f0:%f1. V8 4.4 would allow ftt=6
 * (invalid_fp_register) here instead.
 */
static inline uint64_t fpu_get_d(const FpuState *fp, unsigned r)
{
    r &= 0x1e;
    return ((uint64_t)fp->f[r] << 32) | fp->f[r + 1];
}

static inline void fpu_set_d(FpuState *fp, unsigned r, uint64_t v)
{
    r &= 0x1e;
    fp->f[r] = (uint32_t)(v >> 32);
    fp->f[r + 1] = (uint32_t)v;
}

/* ---- NaN rules (QEMU 7.2 fpu/softfloat-specialize.c.inc, SPARC) ---- */

/*
 * Which of two operands, at least one a NaN, becomes the result. SPARC takes
 * softfloat's default ("x87") rule: a signalling NaN loses to a quiet NaN in
 * the other operand; two NaNs of the same kind give the one with the larger
 * fraction, then the positive one; a lone NaN wins over a number. Returns
 * true for b. an/as/bn/bs: operand is a NaN / a signalling NaN.
 */
static inline bool fpu_pick_b(bool an, bool as, bool bn, bool bs,
                              bool a_larger)
{
    if (as) {
        return bs ? !a_larger : bn;
    }
    if (an) {
        return (bs || !bn) ? false : !a_larger;
    }
    return true;
}

static uint32_t f32_pick_nan(uint32_t a, uint32_t b, unsigned *exc)
{
    bool an = fpu_nan32(a), bn = fpu_nan32(b);
    bool as = fpu_snan32(a), bs = fpu_snan32(b);
    uint32_t fa = a & FPU_F32_FRAC, fb = b & FPU_F32_FRAC;
    bool a_larger = fa > fb || (fa == fb && (a >> 31) < (b >> 31));

    if (as || bs) {
        *exc |= FPU_EXC_NV;
    }
    /* the chosen NaN is quieted: fraction MSB set, payload kept */
    return (fpu_pick_b(an, as, bn, bs, a_larger) ? b : a) | FPU_F32_QUIET;
}

static uint64_t f64_pick_nan(uint64_t a, uint64_t b, unsigned *exc)
{
    bool an = fpu_nan64(a), bn = fpu_nan64(b);
    bool as = fpu_snan64(a), bs = fpu_snan64(b);
    uint64_t fa = a & FPU_F64_FRAC, fb = b & FPU_F64_FRAC;
    bool a_larger = fa > fb || (fa == fb && (a >> 63) < (b >> 63));

    if (as || bs) {
        *exc |= FPU_EXC_NV;
    }
    return (fpu_pick_b(an, as, bn, bs, a_larger) ? b : a) | FPU_F64_QUIET;
}

/* ---- operations; *exc collects cexc bits ---- */

enum { FPU_ADD, FPU_SUB, FPU_MUL, FPU_DIV, FPU_SQRT };

/* Neither infinite, NaN nor subnormal */
static inline bool f32_normal_or_zero(uint32_t v)
{
    uint32_t e = (v >> 23) & 0xff;
    return e != 0xff && (e != 0 || (v & 0x7fffffu) == 0);
}

/*
 * The fast paths compute with the host's rounding, so they are used only
 * while the host rounds to nearest.  Found without reading MXCSR: 1 plus
 * 3/4 of an ulp rounds away from 1, and so does its negation, only when
 * rounding to nearest.
 */
static inline bool fpu_host_nearest(void)
{
    double one = 1.0, d = 0x3p-54, up, down;
    FPU_HOST_PIN(one);
    FPU_HOST_PIN(d);
    up = one + d;
    down = -one - d;
    FPU_HOST_PIN(up);
    FPU_HOST_PIN(down);
    return up != 1.0 && down != -1.0;
}

/*
 * A zero result of the fast paths is exact only as x + -x, with a zero
 * factor or dividend, or as sqrt(0); any other zero is an underflow, which
 * the MXCSR path must see.
 */
static inline bool fpu_fast_zero_exact(unsigned op, bool x_zero,
                                       bool y_zero)
{
    return op <= FPU_SUB || op == FPU_SQRT ||
           (op == FPU_MUL && (x_zero || y_zero)) ||
           (op == FPU_DIV && x_zero);
}

/* Below this magnitude the error terms of f32_fast could underflow */
#define FPU_FAST_MIN32 0x1p-100f

/* f64_fast's counterpart for single precision (see there). */
static bool f32_fast(unsigned op, uint32_t a, uint32_t b, uint32_t *res,
                     unsigned *exc)
{
    float x = fpu_f32(a), y = fpu_f32(b), r;
    bool inexact;

    switch (op) {
    case FPU_ADD:
    case FPU_SUB: {
        float bv;
        if (op == FPU_SUB) {
            y = -y;
        }
        r = x + y;
        bv = r - x;
        inexact = (x - (r - bv)) + (y - bv) != 0;
        break;
    }
    case FPU_MUL: {
        /* the product of two singles is exact in double */
        double p = (double)x * (double)y;
        r = (float)p;
        inexact = (double)r != p;
        break;
    }
    case FPU_DIV:
        if (y == 0 || (x != 0 && __builtin_fabsf(x) < FPU_FAST_MIN32)) {
            return false;
        }
        r = x / y;
        inexact = __builtin_fmaf(r, y, -x) != 0;
        break;
    default:
        if (y != 0 && y < FPU_FAST_MIN32) {
            return false;
        }
        r = __builtin_sqrtf(y);
        inexact = __builtin_fmaf(r, r, -y) != 0;
        break;
    }
    if (r == 0) {
        if (!fpu_fast_zero_exact(op, x == 0, y == 0)) {
            return false;
        }
        inexact = false;
    } else if (!(__builtin_fabsf(r) >= FPU_FAST_MIN32 &&
                 __builtin_fabsf(r) <= 0x1.fffffep127f)) {
        return false;
    }
    if (inexact) {
        *exc |= FPU_EXC_NX;
    }
    *res = fpu_b32(r);
    return true;
}

static uint32_t f32_arith(unsigned op, uint32_t a, uint32_t b, unsigned rd,
                          unsigned *exc)
{
    float x = fpu_f32(a), y = fpu_f32(b), r;
    FpuHostEnv env;
    uint32_t res;

    if (op == FPU_SQRT) {
        if (fpu_nan32(b)) {
            if (fpu_snan32(b)) {
                *exc |= FPU_EXC_NV;
            }
            return b | FPU_F32_QUIET;
        }
        if ((b & FPU_F32_SIGN) && (b & ~FPU_F32_SIGN)) {
            /* sqrt of a negative non-zero number (V8 B, FSQRT) */
            *exc |= FPU_EXC_NV;
            return FPU_F32_DNAN;
        }
    } else if (fpu_nan32(a) || fpu_nan32(b)) {
        return f32_pick_nan(a, b, exc);
    }
    if (rd == 0 && f32_normal_or_zero(b) &&
        (op == FPU_SQRT || f32_normal_or_zero(a)) && fpu_host_nearest() &&
        f32_fast(op, a, b, &res, exc)) {
        return res;
    }
    env = fpu_host_enter(rd);
    FPU_HOST_PIN(x);
    FPU_HOST_PIN(y);
    switch (op) {
    case FPU_ADD:
        r = x + y;
        break;
    case FPU_SUB:
        r = x - y;
        break;
    case FPU_MUL:
        r = x * y;
        break;
    case FPU_DIV:
        r = x / y;
        break;
    default:
        r = __builtin_sqrtf(y);
        break;
    }
    FPU_HOST_PIN(r);
    *exc |= fpu_host_leave(env);
    res = fpu_b32(r);
    /* inf-inf, 0*inf, 0/0, inf/inf give the default NaN */
    return fpu_nan32(res) ? FPU_F32_DNAN : res;
}

/* Neither infinite, NaN nor subnormal */
static inline bool f64_normal_or_zero(uint64_t v)
{
    uint64_t e = (v >> 52) & 0x7ff;
    return e != 0x7ff && (e != 0 || (v & FPU_F64_FRAC) == 0);
}

/* Below this magnitude the error terms of f64_fast could underflow */
#define FPU_FAST_MIN 0x1p-960

/*
 * The common case without touching MXCSR, whose accesses cost more than
 * the arithmetic: round to nearest, normal (or zero) operands and a normal
 * result.  The only flag such an operation can raise is inexact, and it is
 * found exactly from the rounding error: TwoSum for add and subtract
 * (Knuth, TAOCP vol. 2, 4.2.2), a fused multiply-add giving the exact
 * remainder for multiply, divide and square root.  Anything else (zero
 * divisors, overflow, underflow, tiny operands) returns false and takes
 * the MXCSR path.
 */
static bool f64_fast(unsigned op, uint64_t a, uint64_t b, uint64_t *res,
                     unsigned *exc)
{
    double x = fpu_f64(a), y = fpu_f64(b), r, e;

    switch (op) {
    case FPU_ADD:
    case FPU_SUB: {
        double bv;
        if (op == FPU_SUB) {
            y = -y;
        }
        r = x + y;
        bv = r - x;
        e = (x - (r - bv)) + (y - bv);
        break;
    }
    case FPU_MUL:
        r = x * y;
        e = __builtin_fma(x, y, -r);
        break;
    case FPU_DIV:
        if (y == 0 || (x != 0 && __builtin_fabs(x) < FPU_FAST_MIN)) {
            return false;
        }
        r = x / y;
        e = __builtin_fma(r, y, -x);
        break;
    default:
        if (y != 0 && y < FPU_FAST_MIN) {
            return false;           /* negatives were handled before */
        }
        r = __builtin_sqrt(y);
        e = __builtin_fma(r, r, -y);
        break;
    }
    if (r == 0) {
        if (!fpu_fast_zero_exact(op, x == 0, y == 0)) {
            return false;
        }
        e = 0;
    } else if (!(__builtin_fabs(r) >= FPU_FAST_MIN &&
                 __builtin_fabs(r) <= 0x1.fffffffffffffp1023)) {
        return false;
    }
    if (e != 0) {
        *exc |= FPU_EXC_NX;
    }
    *res = fpu_b64(r);
    return true;
}

/*
 * Test hook: with fpu_soft_only set, fpu_exec takes neither f64_quick nor
 * its FCMPd shortcut, so a unit test can compare them with the full paths.
 */
static bool fpu_soft_only;

void fpu_test_force_soft(bool on)
{
    fpu_soft_only = on;
}

/*
 * Operands of f64_quick: zero, or normal with an unbiased exponent in
 * [-480, 480]. Then a sum or difference is 0 or at least 2^-532 (a multiple
 * of the smaller ulp) and below 2^482, a product 0 or in [2^-960, 2^962):
 * never subnormal, never overflowing, and TwoSum is exact.
 */
/* FPU_QUICK_ELO, FPU_QUICK_ESPAN: fpu.h */

static inline bool f64_quick_operand(uint64_t v)
{
    unsigned e = (unsigned)(v >> 52) & 0x7ffu;

    return e - FPU_QUICK_ELO <= FPU_QUICK_ESPAN || (v << 1) == 0;
}

/*
 * FADDd/FSUBd/FMULd in the common case, decided before anything else:
 * round to nearest (guest and host), operands as above. The only flag is
 * then inexact: for add and subtract TwoSum's error term (Knuth, TAOCP
 * vol. 2, 4.2.2); for multiply the product of the significands' odd parts,
 * which is exact in 53 bits exactly when the (normal) product is.
 * Returns false, having done nothing, for every other case.
 */
static inline __attribute__((always_inline)) bool
f64_quick(uint32_t fsr, unsigned op, uint64_t a, uint64_t b, uint64_t *res,
          unsigned *exc)
{
    double x, y, r;
    bool inexact;

    if ((fsr >> FPU_FSR_RD_SHIFT) != 0 || !f64_quick_operand(a) ||
        !f64_quick_operand(b) || fpu_soft_only || !fpu_host_nearest()) {
        return false;
    }
    x = fpu_f64(a);
    y = fpu_f64(b);
    if (op == FPU_MUL) {
        r = x * y;
        if ((a << 1) == 0 || (b << 1) == 0) {
            inexact = false;
        } else {
            uint64_t ma = (a & FPU_F64_FRAC) | (FPU_F64_FRAC + 1);
            uint64_t mb = (b & FPU_F64_FRAC) | (FPU_F64_FRAC + 1);
            uint64_t p;

            ma >>= __builtin_ctzll(ma);
            mb >>= __builtin_ctzll(mb);
            inexact = __builtin_mul_overflow(ma, mb, &p) | ((p >> 53) != 0);
        }
    } else {
        double bv;

        if (op == FPU_SUB) {
            y = -y;
        }
        r = x + y;
        bv = r - x;
        /* tested as bits: a data-dependent branch here mispredicts */
        inexact = (fpu_b64((x - (r - bv)) + (y - bv)) << 1) != 0;
    }
    /* no branch: inexact is as good as random in real code */
    *exc |= (unsigned)inexact * FPU_EXC_NX;
    *res = fpu_b64(r);
    return true;
}

/*
 * A whole FADDd/FSUBd/FMULd through f64_quick, with fpu_finish's work done
 * here for the only flag f64_quick can raise (nx, not trap-enabled) and
 * the FSR kept in a register: fsr is the FSR with ftt and cexc cleared.
 * Returns false, having changed nothing, when fpu_exec must do it all.
 */
static inline __attribute__((always_inline)) bool
fpu_quick_d(FpuState *fp, uint32_t fsr, unsigned op, unsigned rd,
            unsigned rs1, unsigned rs2)
{
    uint64_t d;
    unsigned exc = 0;

    if ((fsr & (FPU_FSR_QEMU_NV | (FPU_EXC_NX << FPU_FSR_TEM_SHIFT))) ||
        !f64_quick(fsr, op, fpu_get_d(fp, rs1), fpu_get_d(fp, rs2), &d,
                   &exc)) {
        return false;
    }
    fp->fsr = fsr | exc | (exc << FPU_FSR_AEXC_SHIFT);
    fpu_set_d(fp, rd, d);
    return true;
}

static uint64_t f64_arith(unsigned op, uint64_t a, uint64_t b, unsigned rd,
                          unsigned *exc)
{
    double x = fpu_f64(a), y = fpu_f64(b), r;
    FpuHostEnv env;
    uint64_t res;

    if (op == FPU_SQRT) {
        if (fpu_nan64(b)) {
            if (fpu_snan64(b)) {
                *exc |= FPU_EXC_NV;
            }
            return b | FPU_F64_QUIET;
        }
        if ((b & FPU_F64_SIGN) && (b & ~FPU_F64_SIGN)) {
            *exc |= FPU_EXC_NV;
            return FPU_F64_DNAN;
        }
    } else if (fpu_nan64(a) || fpu_nan64(b)) {
        return f64_pick_nan(a, b, exc);
    }
    if (rd == 0 && f64_normal_or_zero(b) &&
        (op == FPU_SQRT || f64_normal_or_zero(a)) && fpu_host_nearest() &&
        f64_fast(op, a, b, &res, exc)) {
        return res;
    }
    env = fpu_host_enter(rd);
    FPU_HOST_PIN(x);
    FPU_HOST_PIN(y);
    switch (op) {
    case FPU_ADD:
        r = x + y;
        break;
    case FPU_SUB:
        r = x - y;
        break;
    case FPU_MUL:
        r = x * y;
        break;
    case FPU_DIV:
        r = x / y;
        break;
    default:
        r = __builtin_sqrt(y);
        break;
    }
    FPU_HOST_PIN(r);
    *exc |= fpu_host_leave(env);
    res = fpu_b64(r);
    return fpu_nan64(res) ? FPU_F64_DNAN : res;
}

/*
 * FsTOd (V8 B, "Convert Between Fp Formats"): exact; a NaN keeps its sign
 * and payload, and is quieted
 */
static uint64_t f32_to_f64(uint32_t a, unsigned *exc)
{
    if (fpu_nan32(a)) {
        if (fpu_snan32(a)) {
            *exc |= FPU_EXC_NV;
        }
        return ((uint64_t)(a & FPU_F32_SIGN) << 32) | FPU_F64_INF |
               FPU_F64_QUIET | ((uint64_t)(a & FPU_F32_FRAC) << 29);
    }
    return fpu_b64((double)fpu_f32(a));
}

/* FdTOs (same section): rounds by FSR.RD; a NaN keeps its payload's top */
static uint32_t f64_to_f32(uint64_t a, unsigned rd, unsigned *exc)
{
    double x = fpu_f64(a);
    float r;
    FpuHostEnv env;

    if (fpu_nan64(a)) {
        if (fpu_snan64(a)) {
            *exc |= FPU_EXC_NV;
        }
        return (uint32_t)((a & FPU_F64_SIGN) >> 32) | FPU_F32_INF |
               FPU_F32_QUIET | (uint32_t)((a & FPU_F64_FRAC) >> 29);
    }
    env = fpu_host_enter(rd);
    FPU_HOST_PIN(x);
    r = (float)x;
    FPU_HOST_PIN(r);
    *exc |= fpu_host_leave(env);
    return fpu_b32(r);
}

/* FiTOs (V8 B, "Convert Integer to Fp"): rounds by FSR.RD */
static uint32_t i32_to_f32(uint32_t a, unsigned rd, unsigned *exc)
{
    int32_t i = (int32_t)a;
    float r;
    FpuHostEnv env;

    env = fpu_host_enter(rd);
    FPU_HOST_PIN_INT(i);
    r = (float)i;
    FPU_HOST_PIN(r);
    *exc |= fpu_host_leave(env);
    return fpu_b32(r);
}

/*
 * FsTOi/FdTOi (V8 B, "Convert Fp to Integer"): round toward zero. NaN and
 * out-of-range operands raise nv alone and give QEMU's results: 0x7fffffff
 * for NaN and positive overflow, 0x80000000 for negative overflow.
 */
static uint32_t f64_to_i32(double x, bool nan, unsigned *exc)
{
    int32_t i;

    if (nan) {
        *exc |= FPU_EXC_NV;
        return 0x7fffffffu;
    }
    if (!(x > -2147483649.0 && x < 2147483648.0)) {
        *exc |= FPU_EXC_NV;
        return x < 0 ? 0x80000000u : 0x7fffffffu;
    }
    i = (int32_t)x;
    if ((double)i != x) {
        *exc |= FPU_EXC_NX;
    }
    return (uint32_t)i;
}

/*
 * FCMP/FCMPE (V8 B, "Fp Compare"): fcc for rs1 against rs2. FCMPE raises
 * nv for any NaN operand, FCMP only for a signalling one.
 */
static unsigned f32_cmp(uint32_t a, uint32_t b, bool sig, unsigned *exc)
{
    float x, y;

    if (fpu_nan32(a) || fpu_nan32(b)) {
        if (sig || fpu_snan32(a) || fpu_snan32(b)) {
            *exc |= FPU_EXC_NV;
        }
        return FPU_FCC_UN;
    }
    x = fpu_f32(a);
    y = fpu_f32(b);
    return x == y ? FPU_FCC_EQ : x < y ? FPU_FCC_LT : FPU_FCC_GT;
}

static unsigned f64_cmp(uint64_t a, uint64_t b, bool sig, unsigned *exc)
{
    double x, y;

    if (fpu_nan64(a) || fpu_nan64(b)) {
        if (sig || fpu_snan64(a) || fpu_snan64(b)) {
            *exc |= FPU_EXC_NV;
        }
        return FPU_FCC_UN;
    }
    x = fpu_f64(a);
    y = fpu_f64(b);
    return x == y ? FPU_FCC_EQ : x < y ? FPU_FCC_LT : FPU_FCC_GT;
}

/*
 * End of an arithmetic FPop (V8 4.4 "cexc", "aexc", "TEM"): if an exception
 * in cexc is enabled in TEM, take an IEEE_754_exception trap with aexc and
 * the destination left alone; else accrue cexc into aexc. Returns 1 to trap.
 */
static inline int fpu_finish(FpuState *fp, unsigned exc)
{
    if (fp->fsr & FPU_FSR_QEMU_NV) {
        /* nv left behind by an earlier FsTOd (see there) shows up now */
        exc |= FPU_EXC_NV;
        fp->fsr &= ~FPU_FSR_QEMU_NV;
    }
    if (exc & (fp->fsr >> FPU_FSR_TEM_SHIFT)) {
        fp->fsr |= exc | (FPU_FTT_IEEE_754 << FPU_FSR_FTT_SHIFT);
        return 1;
    }
    fp->fsr |= exc | (exc << FPU_FSR_AEXC_SHIFT);
    return 0;
}

void fpu_reset(FpuState *fp)
{
    memset(fp->f, 0, sizeof(fp->f));
    /* QEMU 7.2 -M SS-5 reads FSR.ver as 0; the project specifies 4 */
    fp->fsr = FPU_VER_MB86904 << FPU_FSR_VER_SHIFT;
}

void fpu_ldfsr(FpuState *fp, uint32_t val)
{
    /* V8 4.4 and B (LDFSR): ver, ftt, qne and the reserved bits (so also
     * the pending nv in bit 12, which QEMU keeps across LDFSR) stay */
    fp->fsr = (val & FPU_FSR_LDFSR_MASK) | (fp->fsr & ~FPU_FSR_LDFSR_MASK);
}

uint32_t fpu_stfsr(FpuState *fp)
{
    /*
     * V8 B (STFSR) stores the whole FSR. QEMU 7.2 leaves ftt as it is after
     * the store (checked: two STFSRs after a trap both read ftt=1); so do we.
     * Bit 12 is our private pending-nv flag and reads as 0, as in QEMU.
     */
    return fp->fsr & ~FPU_FSR_QEMU_NV;
}

int fpu_exec(FpuState *fp, uint32_t insn, unsigned *cycles)
{
    unsigned rd = (insn >> 25) & 31;
    unsigned rs1 = (insn >> 14) & 31;
    unsigned rs2 = insn & 31;
    unsigned key = ((insn >> 5) & 0x1ff) | (((insn >> 19) & 1) << 9);
    unsigned rnd = fp->fsr >> FPU_FSR_RD_SHIFT;
    unsigned exc = 0;
    unsigned fcc;
    uint32_t s;
    uint64_t d, da, db;
    uint32_t fsr;

    /* Every FPop starts by clearing ftt and cexc (QEMU 7.2; V8 4.4) */
    fsr = fp->fsr & ~(FPU_FSR_FTT_MASK | FPU_FSR_CEXC_MASK);
    fp->fsr = fsr;

    switch (key) {
    /* FMOVs/FNEGs/FABSs (V8 B, "Fp Move"): bit operations, no exception,
     * even on a signalling NaN */
    case FPOP1(0x01):
        *cycles = FPU_CYC_FMOVS;
        fp->f[rd] = fp->f[rs2];
        return 0;
    case FPOP1(0x05):
        *cycles = FPU_CYC_FNEGS;
        fp->f[rd] = fp->f[rs2] ^ FPU_F32_SIGN;
        return 0;
    case FPOP1(0x09):
        *cycles = FPU_CYC_FABSS;
        fp->f[rd] = fp->f[rs2] & ~FPU_F32_SIGN;
        return 0;

    /* FSQRTs/d (V8 B, "Fp Square Root") */
    case FPOP1(0x29):
        *cycles = FPU_CYC_FSQRTS;
        s = f32_arith(FPU_SQRT, 0, fp->f[rs2], rnd, &exc);
        goto store_s;
    case FPOP1(0x2a):
        *cycles = FPU_CYC_FSQRTD;
        d = f64_arith(FPU_SQRT, 0, fpu_get_d(fp, rs2), rnd, &exc);
        goto store_d;

    /* FADD/FSUB/FMUL/FDIV (V8 B, "Fp Add and Subtract", "Fp Multiply
     * and Divide") */
    case FPOP1(0x41):
        *cycles = FPU_CYC_FADDS;
        s = f32_arith(FPU_ADD, fp->f[rs1], fp->f[rs2], rnd, &exc);
        goto store_s;
    case FPOP1(0x42):
        *cycles = FPU_CYC_FADDD;
        if (fpu_quick_d(fp, fsr, FPU_ADD, rd, rs1, rs2)) {
            return 0;
        }
        d = f64_arith(FPU_ADD, fpu_get_d(fp, rs1), fpu_get_d(fp, rs2), rnd,
                      &exc);
        goto store_d;
    case FPOP1(0x45):
        *cycles = FPU_CYC_FADDS;
        s = f32_arith(FPU_SUB, fp->f[rs1], fp->f[rs2], rnd, &exc);
        goto store_s;
    case FPOP1(0x46):
        *cycles = FPU_CYC_FADDD;
        if (fpu_quick_d(fp, fsr, FPU_SUB, rd, rs1, rs2)) {
            return 0;
        }
        d = f64_arith(FPU_SUB, fpu_get_d(fp, rs1), fpu_get_d(fp, rs2), rnd,
                      &exc);
        goto store_d;
    case FPOP1(0x49):
        *cycles = FPU_CYC_FMULS;
        s = f32_arith(FPU_MUL, fp->f[rs1], fp->f[rs2], rnd, &exc);
        goto store_s;
    case FPOP1(0x4a):
        *cycles = FPU_CYC_FMULD;
        if (fpu_quick_d(fp, fsr, FPU_MUL, rd, rs1, rs2)) {
            return 0;
        }
        d = f64_arith(FPU_MUL, fpu_get_d(fp, rs1), fpu_get_d(fp, rs2), rnd,
                      &exc);
        goto store_d;
    case FPOP1(0x4d):
        *cycles = FPU_CYC_FDIVS;
        s = f32_arith(FPU_DIV, fp->f[rs1], fp->f[rs2], rnd, &exc);
        goto store_s;
    case FPOP1(0x4e):
        *cycles = FPU_CYC_FDIVD;
        d = f64_arith(FPU_DIV, fpu_get_d(fp, rs1), fpu_get_d(fp, rs2), rnd,
                      &exc);
        goto store_d;

    /*
     * FsMULd (V8 B, "Fp Multiply and Divide"): QEMU widens both operands
     * first (a signalling NaN is quieted there and raises nv), then
     * multiplies two doubles, so the NaN choice sees two quiet NaNs. The
     * product itself is exact.
     */
    case FPOP1(0x69):
        *cycles = FPU_CYC_FSMULD;
        d = f32_to_f64(fp->f[rs1], &exc);
        d = f64_arith(FPU_MUL, d, f32_to_f64(fp->f[rs2], &exc), rnd, &exc);
        goto store_d;

    /* Conversions (V8 B, "Convert ..." sections); only rs2 is read */
    case FPOP1(0xc4):
        *cycles = FPU_CYC_FITOS;
        s = i32_to_f32(fp->f[rs2], rnd, &exc);
        goto store_s;
    case FPOP1(0xc8):
        *cycles = FPU_CYC_FITOD;
        /* exact: every int32 is a double; like FsTOd it does not consume a
         * pending QEMU nv */
        fpu_set_d(fp, rd, fpu_b64((double)(int32_t)fp->f[rs2]));
        return 0;
    case FPOP1(0xc6):
        *cycles = FPU_CYC_FDTOS;
        s = f64_to_f32(fpu_get_d(fp, rs2), rnd, &exc);
        goto store_s;
    case FPOP1(0xc9):
        /*
         * QEMU 7.2 runs FsTOd (and FiTOd) without its exception check, so
         * the nv of a signalling NaN operand is neither in this cexc nor a
         * trap: it stays in softfloat's flags and is reported by the next
         * FPop that checks (any but FMOVs/FNEGs/FABSs/FiTOd/FsTOd and the
         * unimplemented ones), even across LDFSR. We keep it in FSR bit 12.
         */
        *cycles = FPU_CYC_FSTOD;
        fpu_set_d(fp, rd, f32_to_f64(fp->f[rs2], &exc));
        if (exc) {
            fp->fsr |= FPU_FSR_QEMU_NV;
        }
        return 0;
    case FPOP1(0xd1):
        *cycles = FPU_CYC_FSTOI;
        s = fp->f[rs2];
        s = f64_to_i32((double)fpu_f32(s), fpu_nan32(s), &exc);
        goto store_s;
    case FPOP1(0xd2):
        *cycles = FPU_CYC_FDTOI;
        d = fpu_get_d(fp, rs2);
        s = f64_to_i32(fpu_f64(d), fpu_nan64(d), &exc);
        goto store_s;

    /* FCMP/FCMPE (V8 B, "Fp Compare"): only fcc changes; rd is ignored */
    case FPOP2(0x51):
    case FPOP2(0x55):
        *cycles = FPU_CYC_FCMPS;
        fcc = f32_cmp(fp->f[rs1], fp->f[rs2], key & 4, &exc);
        goto store_fcc;
    case FPOP2(0x52):
    case FPOP2(0x56):
        *cycles = FPU_CYC_FCMPD;
        da = fpu_get_d(fp, rs1);
        db = fpu_get_d(fp, rs2);
        fcc = f64_cmp(da, db, key & 4, &exc);
        if (!(fsr & FPU_FSR_QEMU_NV) && !fpu_nan64(da) && !fpu_nan64(db) &&
            !fpu_soft_only) {
            /* no exception possible: store_fcc without fpu_finish */
            fp->fsr = (fsr & ~FPU_FSR_FCC_MASK) | (fcc << FPU_FSR_FCC_SHIFT);
            return 0;
        }
        goto store_fcc;

    /*
     * Quad FPops: the MB86904 has no quad hardware and QEMU's MB86904
     * model lacks CPU_FEATURE_FLOAT128, so they trap as unimplemented_FPop
     * (V8 4.4 ftt=3) for system software to emulate. FSQRTq FADDq FSUBq
     * FMULq FDIVq FdMULq FqTOs FqTOd FiTOq FsTOq FdTOq FqTOi FCMPq FCMPEq.
     * QEMU clears cexc here (V8 4.4 says cexc is unchanged); we follow QEMU.
     */
    case FPOP1(0x2b):
    case FPOP1(0x43):
    case FPOP1(0x47):
    case FPOP1(0x4b):
    case FPOP1(0x4f):
    case FPOP1(0x6e):
    case FPOP1(0xc7):
    case FPOP1(0xcb):
    case FPOP1(0xcc):
    case FPOP1(0xcd):
    case FPOP1(0xce):
    case FPOP1(0xd3):
    case FPOP2(0x53):
    case FPOP2(0x57):
    /*
     * Undefined opf: unimplemented_FPop too (V8 4.4). QEMU 7.2 instead
     * raises illegal_instruction (tt 0x02) with ftt and cexc cleared.
     */
    default:
        *cycles = FPU_CYC_UNIMP;
        fp->fsr |= FPU_FTT_UNIMP << FPU_FSR_FTT_SHIFT;
        return 1;
    }

store_s:
    if (fpu_finish(fp, exc)) {
        return 1;
    }
    fp->f[rd] = s;
    return 0;
store_d:
    /*
     * V8 4.4: a trapping FPop leaves its destination alone. QEMU 7.2 differs
     * for double results (FADDd..FDIVd, FSQRTd, FsMULd): its helpers write
     * the register pair before the trap check, so there the result is
     * already in rd when the trap is taken.
     */
    if (fpu_finish(fp, exc)) {
        return 1;
    }
    fpu_set_d(fp, rd, d);
    return 0;
store_fcc:
    if (fpu_finish(fp, exc)) {
        return 1;
    }
    fp->fsr = (fp->fsr & ~FPU_FSR_FCC_MASK) | (fcc << FPU_FSR_FCC_SHIFT);
    return 0;
}
