! fpu2.S - SPARC V8 FPop result vectors: every arithmetic and conversion
! FPop (fadds/d fsubs/d fmuls/d fdivs/d fsqrts/d fsmuld fitos/d fstoi
! fdtoi fstod fdtos) on ordinary, boundary, infinite, zero, denormal and
! NaN operands, in all four rounding directions (FSR.RD).
!
! One PASS/FAIL line per FPop: the result bit pattern and the whole FSR
! after it (RD, fcc, aexc, cexc, ftt = 0) are compared in one go (FOP in
! fpmmu.inc).  Before each FPop the FSR has cexc = 0x1f and aexc = 0, so
! the line also checks that cexc is rewritten (not or-ed) and that aexc
! accrues exactly cexc.  Directed rounding modes repeat only the cases whose
! result depends on the rounding direction (inexact, overflow, underflow or
! an exact zero sum).  Check names are "op operands rd" in hex.
!
! Expected values: computed once by a throw-away host program with IEEE
! 754 arithmetic (x86-64 SSE, all exceptions masked: tininess after
! rounding, underflow only when also inexact) plus the SPARC/QEMU NaN
! rules below, then checked on qemu-system-sparc 7.2:
!  - invalid operations without NaN operands give the default NaN
!    0x7fffffff / 0x7fffffffffffffff (V8 Appendix N recommendation);
!  - with NaN operands the result is one of them, quieted (fraction MSB
!    set); signalling NaN operands raise nv.  Which one: QEMU's x87-style
!    rule (a quiet NaN beats a signalling one, else the larger fraction,
!    else the positive one).  V8 only asks for one of the operand NaNs;
!  - fstoi/fdtoi round toward zero whatever RD says (V8 B.23); NaN and
!    positive overflow give 0x7fffffff, negative overflow 0x80000000, with
!    nv alone;
!  - fstod/fdtos keep the NaN payload's top fraction bits.
! Known differences from QEMU (left out here):
!  - FSR.ver: QEMU 7.2 reads 0, the MB86904 has 4; not compared (fpu.S).
!  - QEMU 7.2 runs fstod (and fitod) without its IEEE exception check: a
!    signalling NaN operand of fstod gives no nv in cexc, and the nv shows
!    up in the cexc of a later FPop instead.  V8 requires nv on the fstod
!    itself, so fstod is only given quiet NaNs.
!  - Tininess: QEMU detects it after rounding, the MB86904 may do so
!    before (IEEE 754 allows either); no vector depends on the choice (a
!    tiny result that rounds up to the smallest normal is avoided).

        .include "rom.inc"
        .include "fpmmu.inc"

        ROM_BEGIN fpu2

        FPU_ON

        ! ---- fadds

        FP_RD   RD_N
        FOP     FSSS, fadds, 0x3f800000, 0x40000000, 0x40400000, 0, "fadds 3f800000 40000000"
        FOP     FSSS, fadds, 0x3f800000, 0xbf800000, 0x00000000, 0, "fadds 3f800000 bf800000"
        FOP     FSSS, fadds, 0x3f800000, 0x3eaaaaab, 0x3faaaaab, EXC_NX, "fadds 3f800000 3eaaaaab"
        FOP     FSSS, fadds, 0x3f800000, 0x33800000, 0x3f800000, EXC_NX, "fadds 3f800000 33800000"
        FOP     FSSS, fadds, 0x3f800001, 0x33800000, 0x3f800002, EXC_NX, "fadds 3f800001 33800000"
        FOP     FSSS, fadds, 0x3f800000, 0xb3800000, 0x3f7fffff, 0, "fadds 3f800000 b3800000"
        FOP     FSSS, fadds, 0x40490fdb, 0x402df854, 0x40bb8418, EXC_NX, "fadds 40490fdb 402df854"
        FOP     FSSS, fadds, 0xc0490fdb, 0x402df854, 0xbed8bc38, 0, "fadds c0490fdb 402df854"
        FOP     FSSS, fadds, 0x7f7fffff, 0x7f7fffff, 0x7f800000, EXC_OF|EXC_NX, "fadds 7f7fffff 7f7fffff"
        FOP     FSSS, fadds, 0xff7fffff, 0x7f7fffff, 0x00000000, 0, "fadds ff7fffff 7f7fffff"
        FOP     FSSS, fadds, 0x00800000, 0x3f000000, 0x3f000000, EXC_NX, "fadds 00800000 3f000000"
        FOP     FSSS, fadds, 0x00800001, 0x3f000000, 0x3f000000, EXC_NX, "fadds 00800001 3f000000"
        FOP     FSSS, fadds, 0x00000001, 0x00000001, 0x00000002, 0, "fadds 00000001 00000001"
        FOP     FSSS, fadds, 0x007fffff, 0x00000001, 0x00800000, 0, "fadds 007fffff 00000001"
        FOP     FSSS, fadds, 0x80000000, 0x00000000, 0x00000000, 0, "fadds 80000000 00000000"
        FOP     FSSS, fadds, 0x80000000, 0x80000000, 0x80000000, 0, "fadds 80000000 80000000"
        FOP     FSSS, fadds, 0x7f800000, 0x3f800000, 0x7f800000, 0, "fadds 7f800000 3f800000"
        FOP     FSSS, fadds, 0x7f800000, 0x7f800000, 0x7f800000, 0, "fadds 7f800000 7f800000"
        FOP     FSSS, fadds, 0x7f800000, 0xff800000, 0x7fffffff, EXC_NV, "fadds 7f800000 ff800000"
        FOP     FSSS, fadds, 0x00000000, 0x7f800000, 0x7f800000, 0, "fadds 00000000 7f800000"
        FOP     FSSS, fadds, 0x3f800000, 0x00000000, 0x3f800000, 0, "fadds 3f800000 00000000"
        FOP     FSSS, fadds, 0xbf800000, 0x00000000, 0xbf800000, 0, "fadds bf800000 00000000"
        FOP     FSSS, fadds, 0x00000000, 0x00000000, 0x00000000, 0, "fadds 00000000 00000000"
        FOP     FSSS, fadds, 0x4b800001, 0x3f800000, 0x4b800002, EXC_NX, "fadds 4b800001 3f800000"
        FOP     FSSS, fadds, 0x3fc00000, 0x40400000, 0x40900000, 0, "fadds 3fc00000 40400000"
        FOP     FSSS, fadds, 0x7fc12345, 0x3f800000, 0x7fc12345, 0, "fadds 7fc12345 3f800000"
        FOP     FSSS, fadds, 0x3f800000, 0x7f812345, 0x7fc12345, EXC_NV, "fadds 3f800000 7f812345"
        FOP     FSSS, fadds, 0x7fc11111, 0x7fc22222, 0x7fc22222, 0, "fadds 7fc11111 7fc22222"
        FOP     FSSS, fadds, 0x7f822222, 0x7fc11111, 0x7fc11111, EXC_NV, "fadds 7f822222 7fc11111"

        FP_RD   RD_Z
        FOP     FSSS, fadds, 0x3f800000, 0xbf800000, 0x00000000, 0, "fadds 3f800000 bf800000"
        FOP     FSSS, fadds, 0x3f800000, 0x33800000, 0x3f800000, EXC_NX, "fadds 3f800000 33800000"
        FOP     FSSS, fadds, 0x3f800001, 0x33800000, 0x3f800001, EXC_NX, "fadds 3f800001 33800000"
        FOP     FSSS, fadds, 0x3f800000, 0xb3800000, 0x3f7fffff, 0, "fadds 3f800000 b3800000"
        FOP     FSSS, fadds, 0xc0490fdb, 0x402df854, 0xbed8bc38, 0, "fadds c0490fdb 402df854"
        FOP     FSSS, fadds, 0xff7fffff, 0x7f7fffff, 0x00000000, 0, "fadds ff7fffff 7f7fffff"
        FOP     FSSS, fadds, 0x00800001, 0x3f000000, 0x3f000000, EXC_NX, "fadds 00800001 3f000000"
        FOP     FSSS, fadds, 0x00000001, 0x00000001, 0x00000002, 0, "fadds 00000001 00000001"
        FOP     FSSS, fadds, 0x80000000, 0x00000000, 0x00000000, 0, "fadds 80000000 00000000"
        FOP     FSSS, fadds, 0x80000000, 0x80000000, 0x80000000, 0, "fadds 80000000 80000000"
        FOP     FSSS, fadds, 0x00000000, 0x00000000, 0x00000000, 0, "fadds 00000000 00000000"
        FOP     FSSS, fadds, 0x3fc00000, 0x40400000, 0x40900000, 0, "fadds 3fc00000 40400000"

        FP_RD   RD_P
        FOP     FSSS, fadds, 0x3f800000, 0xbf800000, 0x00000000, 0, "fadds 3f800000 bf800000"
        FOP     FSSS, fadds, 0x3f800000, 0x33800000, 0x3f800001, EXC_NX, "fadds 3f800000 33800000"
        FOP     FSSS, fadds, 0x3f800001, 0x33800000, 0x3f800002, EXC_NX, "fadds 3f800001 33800000"
        FOP     FSSS, fadds, 0x3f800000, 0xb3800000, 0x3f7fffff, 0, "fadds 3f800000 b3800000"
        FOP     FSSS, fadds, 0xc0490fdb, 0x402df854, 0xbed8bc38, 0, "fadds c0490fdb 402df854"
        FOP     FSSS, fadds, 0xff7fffff, 0x7f7fffff, 0x00000000, 0, "fadds ff7fffff 7f7fffff"
        FOP     FSSS, fadds, 0x00800001, 0x3f000000, 0x3f000001, EXC_NX, "fadds 00800001 3f000000"
        FOP     FSSS, fadds, 0x00000001, 0x00000001, 0x00000002, 0, "fadds 00000001 00000001"
        FOP     FSSS, fadds, 0x80000000, 0x00000000, 0x00000000, 0, "fadds 80000000 00000000"
        FOP     FSSS, fadds, 0x80000000, 0x80000000, 0x80000000, 0, "fadds 80000000 80000000"
        FOP     FSSS, fadds, 0x00000000, 0x00000000, 0x00000000, 0, "fadds 00000000 00000000"
        FOP     FSSS, fadds, 0x3fc00000, 0x40400000, 0x40900000, 0, "fadds 3fc00000 40400000"

        FP_RD   RD_M
        FOP     FSSS, fadds, 0x3f800000, 0xbf800000, 0x80000000, 0, "fadds 3f800000 bf800000"
        FOP     FSSS, fadds, 0x3f800000, 0x33800000, 0x3f800000, EXC_NX, "fadds 3f800000 33800000"
        FOP     FSSS, fadds, 0x3f800001, 0x33800000, 0x3f800001, EXC_NX, "fadds 3f800001 33800000"
        FOP     FSSS, fadds, 0x3f800000, 0xb3800000, 0x3f7fffff, 0, "fadds 3f800000 b3800000"
        FOP     FSSS, fadds, 0xc0490fdb, 0x402df854, 0xbed8bc38, 0, "fadds c0490fdb 402df854"
        FOP     FSSS, fadds, 0xff7fffff, 0x7f7fffff, 0x80000000, 0, "fadds ff7fffff 7f7fffff"
        FOP     FSSS, fadds, 0x00800001, 0x3f000000, 0x3f000000, EXC_NX, "fadds 00800001 3f000000"
        FOP     FSSS, fadds, 0x00000001, 0x00000001, 0x00000002, 0, "fadds 00000001 00000001"
        FOP     FSSS, fadds, 0x80000000, 0x00000000, 0x80000000, 0, "fadds 80000000 00000000"
        FOP     FSSS, fadds, 0x80000000, 0x80000000, 0x80000000, 0, "fadds 80000000 80000000"
        FOP     FSSS, fadds, 0x00000000, 0x00000000, 0x00000000, 0, "fadds 00000000 00000000"
        FOP     FSSS, fadds, 0x3fc00000, 0x40400000, 0x40900000, 0, "fadds 3fc00000 40400000"

        ! ---- fsubs

        FP_RD   RD_N
        FOP     FSSS, fsubs, 0x3f800000, 0x40000000, 0xbf800000, 0, "fsubs 3f800000 40000000"
        FOP     FSSS, fsubs, 0x3f800000, 0xbf800000, 0x40000000, 0, "fsubs 3f800000 bf800000"
        FOP     FSSS, fsubs, 0x3f800000, 0x3eaaaaab, 0x3f2aaaaa, EXC_NX, "fsubs 3f800000 3eaaaaab"
        FOP     FSSS, fsubs, 0x3f800000, 0x33800000, 0x3f7fffff, 0, "fsubs 3f800000 33800000"
        FOP     FSSS, fsubs, 0x3f800001, 0x33800000, 0x3f800000, EXC_NX, "fsubs 3f800001 33800000"
        FOP     FSSS, fsubs, 0x3f800000, 0xb3800000, 0x3f800000, EXC_NX, "fsubs 3f800000 b3800000"
        FOP     FSSS, fsubs, 0x40490fdb, 0x402df854, 0x3ed8bc38, 0, "fsubs 40490fdb 402df854"
        FOP     FSSS, fsubs, 0xc0490fdb, 0x402df854, 0xc0bb8418, EXC_NX, "fsubs c0490fdb 402df854"
        FOP     FSSS, fsubs, 0x7f7fffff, 0x7f7fffff, 0x00000000, 0, "fsubs 7f7fffff 7f7fffff"
        FOP     FSSS, fsubs, 0xff7fffff, 0x7f7fffff, 0xff800000, EXC_OF|EXC_NX, "fsubs ff7fffff 7f7fffff"
        FOP     FSSS, fsubs, 0x00800000, 0x3f000000, 0xbf000000, EXC_NX, "fsubs 00800000 3f000000"
        FOP     FSSS, fsubs, 0x00800001, 0x3f000000, 0xbf000000, EXC_NX, "fsubs 00800001 3f000000"
        FOP     FSSS, fsubs, 0x00000001, 0x00000001, 0x00000000, 0, "fsubs 00000001 00000001"
        FOP     FSSS, fsubs, 0x007fffff, 0x00000001, 0x007ffffe, 0, "fsubs 007fffff 00000001"
        FOP     FSSS, fsubs, 0x80000000, 0x00000000, 0x80000000, 0, "fsubs 80000000 00000000"
        FOP     FSSS, fsubs, 0x80000000, 0x80000000, 0x00000000, 0, "fsubs 80000000 80000000"
        FOP     FSSS, fsubs, 0x7f800000, 0x3f800000, 0x7f800000, 0, "fsubs 7f800000 3f800000"
        FOP     FSSS, fsubs, 0x7f800000, 0x7f800000, 0x7fffffff, EXC_NV, "fsubs 7f800000 7f800000"
        FOP     FSSS, fsubs, 0x7f800000, 0xff800000, 0x7f800000, 0, "fsubs 7f800000 ff800000"
        FOP     FSSS, fsubs, 0x00000000, 0x7f800000, 0xff800000, 0, "fsubs 00000000 7f800000"
        FOP     FSSS, fsubs, 0x3f800000, 0x00000000, 0x3f800000, 0, "fsubs 3f800000 00000000"
        FOP     FSSS, fsubs, 0xbf800000, 0x00000000, 0xbf800000, 0, "fsubs bf800000 00000000"
        FOP     FSSS, fsubs, 0x00000000, 0x00000000, 0x00000000, 0, "fsubs 00000000 00000000"
        FOP     FSSS, fsubs, 0x4b800001, 0x3f800000, 0x4b800000, EXC_NX, "fsubs 4b800001 3f800000"
        FOP     FSSS, fsubs, 0x3fc00000, 0x40400000, 0xbfc00000, 0, "fsubs 3fc00000 40400000"
        FOP     FSSS, fsubs, 0x7fc12345, 0x3f800000, 0x7fc12345, 0, "fsubs 7fc12345 3f800000"
        FOP     FSSS, fsubs, 0x3f800000, 0x7f812345, 0x7fc12345, EXC_NV, "fsubs 3f800000 7f812345"
        FOP     FSSS, fsubs, 0x7fc11111, 0x7fc22222, 0x7fc22222, 0, "fsubs 7fc11111 7fc22222"
        FOP     FSSS, fsubs, 0x7f822222, 0x7fc11111, 0x7fc11111, EXC_NV, "fsubs 7f822222 7fc11111"

        FP_RD   RD_Z
        FOP     FSSS, fsubs, 0x3f800000, 0x33800000, 0x3f7fffff, 0, "fsubs 3f800000 33800000"
        FOP     FSSS, fsubs, 0x3f800000, 0xb3800000, 0x3f800000, EXC_NX, "fsubs 3f800000 b3800000"
        FOP     FSSS, fsubs, 0x40490fdb, 0x402df854, 0x3ed8bc38, 0, "fsubs 40490fdb 402df854"
        FOP     FSSS, fsubs, 0x7f7fffff, 0x7f7fffff, 0x00000000, 0, "fsubs 7f7fffff 7f7fffff"
        FOP     FSSS, fsubs, 0x00800000, 0x3f000000, 0xbeffffff, EXC_NX, "fsubs 00800000 3f000000"
        FOP     FSSS, fsubs, 0x00800001, 0x3f000000, 0xbeffffff, EXC_NX, "fsubs 00800001 3f000000"
        FOP     FSSS, fsubs, 0x00000001, 0x00000001, 0x00000000, 0, "fsubs 00000001 00000001"
        FOP     FSSS, fsubs, 0x80000000, 0x00000000, 0x80000000, 0, "fsubs 80000000 00000000"
        FOP     FSSS, fsubs, 0x80000000, 0x80000000, 0x00000000, 0, "fsubs 80000000 80000000"
        FOP     FSSS, fsubs, 0x00000000, 0x00000000, 0x00000000, 0, "fsubs 00000000 00000000"
        FOP     FSSS, fsubs, 0x3fc00000, 0x40400000, 0xbfc00000, 0, "fsubs 3fc00000 40400000"

        FP_RD   RD_P
        FOP     FSSS, fsubs, 0x3f800000, 0x33800000, 0x3f7fffff, 0, "fsubs 3f800000 33800000"
        FOP     FSSS, fsubs, 0x3f800000, 0xb3800000, 0x3f800001, EXC_NX, "fsubs 3f800000 b3800000"
        FOP     FSSS, fsubs, 0x40490fdb, 0x402df854, 0x3ed8bc38, 0, "fsubs 40490fdb 402df854"
        FOP     FSSS, fsubs, 0x7f7fffff, 0x7f7fffff, 0x00000000, 0, "fsubs 7f7fffff 7f7fffff"
        FOP     FSSS, fsubs, 0x00800000, 0x3f000000, 0xbeffffff, EXC_NX, "fsubs 00800000 3f000000"
        FOP     FSSS, fsubs, 0x00800001, 0x3f000000, 0xbeffffff, EXC_NX, "fsubs 00800001 3f000000"
        FOP     FSSS, fsubs, 0x00000001, 0x00000001, 0x00000000, 0, "fsubs 00000001 00000001"
        FOP     FSSS, fsubs, 0x80000000, 0x00000000, 0x80000000, 0, "fsubs 80000000 00000000"
        FOP     FSSS, fsubs, 0x80000000, 0x80000000, 0x00000000, 0, "fsubs 80000000 80000000"
        FOP     FSSS, fsubs, 0x00000000, 0x00000000, 0x00000000, 0, "fsubs 00000000 00000000"
        FOP     FSSS, fsubs, 0x3fc00000, 0x40400000, 0xbfc00000, 0, "fsubs 3fc00000 40400000"

        FP_RD   RD_M
        FOP     FSSS, fsubs, 0x3f800000, 0x33800000, 0x3f7fffff, 0, "fsubs 3f800000 33800000"
        FOP     FSSS, fsubs, 0x3f800000, 0xb3800000, 0x3f800000, EXC_NX, "fsubs 3f800000 b3800000"
        FOP     FSSS, fsubs, 0x40490fdb, 0x402df854, 0x3ed8bc38, 0, "fsubs 40490fdb 402df854"
        FOP     FSSS, fsubs, 0x7f7fffff, 0x7f7fffff, 0x80000000, 0, "fsubs 7f7fffff 7f7fffff"
        FOP     FSSS, fsubs, 0x00800000, 0x3f000000, 0xbf000000, EXC_NX, "fsubs 00800000 3f000000"
        FOP     FSSS, fsubs, 0x00800001, 0x3f000000, 0xbf000000, EXC_NX, "fsubs 00800001 3f000000"
        FOP     FSSS, fsubs, 0x00000001, 0x00000001, 0x80000000, 0, "fsubs 00000001 00000001"
        FOP     FSSS, fsubs, 0x80000000, 0x00000000, 0x80000000, 0, "fsubs 80000000 00000000"
        FOP     FSSS, fsubs, 0x80000000, 0x80000000, 0x80000000, 0, "fsubs 80000000 80000000"
        FOP     FSSS, fsubs, 0x00000000, 0x00000000, 0x80000000, 0, "fsubs 00000000 00000000"
        FOP     FSSS, fsubs, 0x3fc00000, 0x40400000, 0xbfc00000, 0, "fsubs 3fc00000 40400000"

        ! ---- fmuls

        FP_RD   RD_N
        FOP     FSSS, fmuls, 0x3f800000, 0x40000000, 0x40000000, 0, "fmuls 3f800000 40000000"
        FOP     FSSS, fmuls, 0x3f800000, 0xbf800000, 0xbf800000, 0, "fmuls 3f800000 bf800000"
        FOP     FSSS, fmuls, 0x3f800000, 0x3eaaaaab, 0x3eaaaaab, 0, "fmuls 3f800000 3eaaaaab"
        FOP     FSSS, fmuls, 0x3f800000, 0x33800000, 0x33800000, 0, "fmuls 3f800000 33800000"
        FOP     FSSS, fmuls, 0x3f800001, 0x33800000, 0x33800001, 0, "fmuls 3f800001 33800000"
        FOP     FSSS, fmuls, 0x3f800000, 0xb3800000, 0xb3800000, 0, "fmuls 3f800000 b3800000"
        FOP     FSSS, fmuls, 0x40490fdb, 0x402df854, 0x4108a2c0, EXC_NX, "fmuls 40490fdb 402df854"
        FOP     FSSS, fmuls, 0xc0490fdb, 0x402df854, 0xc108a2c0, EXC_NX, "fmuls c0490fdb 402df854"
        FOP     FSSS, fmuls, 0x7f7fffff, 0x7f7fffff, 0x7f800000, EXC_OF|EXC_NX, "fmuls 7f7fffff 7f7fffff"
        FOP     FSSS, fmuls, 0xff7fffff, 0x7f7fffff, 0xff800000, EXC_OF|EXC_NX, "fmuls ff7fffff 7f7fffff"
        FOP     FSSS, fmuls, 0x00800000, 0x3f000000, 0x00400000, 0, "fmuls 00800000 3f000000"
        FOP     FSSS, fmuls, 0x00800001, 0x3f000000, 0x00400000, EXC_UF|EXC_NX, "fmuls 00800001 3f000000"
        FOP     FSSS, fmuls, 0x00000001, 0x00000001, 0x00000000, EXC_UF|EXC_NX, "fmuls 00000001 00000001"
        FOP     FSSS, fmuls, 0x007fffff, 0x00000001, 0x00000000, EXC_UF|EXC_NX, "fmuls 007fffff 00000001"
        FOP     FSSS, fmuls, 0x80000000, 0x00000000, 0x80000000, 0, "fmuls 80000000 00000000"
        FOP     FSSS, fmuls, 0x80000000, 0x80000000, 0x00000000, 0, "fmuls 80000000 80000000"
        FOP     FSSS, fmuls, 0x7f800000, 0x3f800000, 0x7f800000, 0, "fmuls 7f800000 3f800000"
        FOP     FSSS, fmuls, 0x7f800000, 0x7f800000, 0x7f800000, 0, "fmuls 7f800000 7f800000"
        FOP     FSSS, fmuls, 0x7f800000, 0xff800000, 0xff800000, 0, "fmuls 7f800000 ff800000"
        FOP     FSSS, fmuls, 0x00000000, 0x7f800000, 0x7fffffff, EXC_NV, "fmuls 00000000 7f800000"
        FOP     FSSS, fmuls, 0x3f800000, 0x00000000, 0x00000000, 0, "fmuls 3f800000 00000000"
        FOP     FSSS, fmuls, 0xbf800000, 0x00000000, 0x80000000, 0, "fmuls bf800000 00000000"
        FOP     FSSS, fmuls, 0x00000000, 0x00000000, 0x00000000, 0, "fmuls 00000000 00000000"
        FOP     FSSS, fmuls, 0x4b800001, 0x3f800000, 0x4b800001, 0, "fmuls 4b800001 3f800000"
        FOP     FSSS, fmuls, 0x3fc00000, 0x40400000, 0x40900000, 0, "fmuls 3fc00000 40400000"
        FOP     FSSS, fmuls, 0x7fc12345, 0x3f800000, 0x7fc12345, 0, "fmuls 7fc12345 3f800000"
        FOP     FSSS, fmuls, 0x3f800000, 0x7f812345, 0x7fc12345, EXC_NV, "fmuls 3f800000 7f812345"
        FOP     FSSS, fmuls, 0x7fc11111, 0x7fc22222, 0x7fc22222, 0, "fmuls 7fc11111 7fc22222"
        FOP     FSSS, fmuls, 0x7f822222, 0x7fc11111, 0x7fc11111, EXC_NV, "fmuls 7f822222 7fc11111"

        FP_RD   RD_Z
        FOP     FSSS, fmuls, 0xc0490fdb, 0x402df854, 0xc108a2c0, EXC_NX, "fmuls c0490fdb 402df854"
        FOP     FSSS, fmuls, 0x7f7fffff, 0x7f7fffff, 0x7f7fffff, EXC_OF|EXC_NX, "fmuls 7f7fffff 7f7fffff"
        FOP     FSSS, fmuls, 0xff7fffff, 0x7f7fffff, 0xff7fffff, EXC_OF|EXC_NX, "fmuls ff7fffff 7f7fffff"
        FOP     FSSS, fmuls, 0x00800000, 0x3f000000, 0x00400000, 0, "fmuls 00800000 3f000000"
        FOP     FSSS, fmuls, 0x00000001, 0x00000001, 0x00000000, EXC_UF|EXC_NX, "fmuls 00000001 00000001"
        FOP     FSSS, fmuls, 0x007fffff, 0x00000001, 0x00000000, EXC_UF|EXC_NX, "fmuls 007fffff 00000001"
        FOP     FSSS, fmuls, 0x80000000, 0x00000000, 0x80000000, 0, "fmuls 80000000 00000000"
        FOP     FSSS, fmuls, 0x80000000, 0x80000000, 0x00000000, 0, "fmuls 80000000 80000000"
        FOP     FSSS, fmuls, 0x3f800000, 0x00000000, 0x00000000, 0, "fmuls 3f800000 00000000"
        FOP     FSSS, fmuls, 0xbf800000, 0x00000000, 0x80000000, 0, "fmuls bf800000 00000000"
        FOP     FSSS, fmuls, 0x00000000, 0x00000000, 0x00000000, 0, "fmuls 00000000 00000000"

        FP_RD   RD_P
        FOP     FSSS, fmuls, 0xc0490fdb, 0x402df854, 0xc108a2c0, EXC_NX, "fmuls c0490fdb 402df854"
        FOP     FSSS, fmuls, 0x7f7fffff, 0x7f7fffff, 0x7f800000, EXC_OF|EXC_NX, "fmuls 7f7fffff 7f7fffff"
        FOP     FSSS, fmuls, 0xff7fffff, 0x7f7fffff, 0xff7fffff, EXC_OF|EXC_NX, "fmuls ff7fffff 7f7fffff"
        FOP     FSSS, fmuls, 0x00800000, 0x3f000000, 0x00400000, 0, "fmuls 00800000 3f000000"
        FOP     FSSS, fmuls, 0x00000001, 0x00000001, 0x00000001, EXC_UF|EXC_NX, "fmuls 00000001 00000001"
        FOP     FSSS, fmuls, 0x007fffff, 0x00000001, 0x00000001, EXC_UF|EXC_NX, "fmuls 007fffff 00000001"
        FOP     FSSS, fmuls, 0x80000000, 0x00000000, 0x80000000, 0, "fmuls 80000000 00000000"
        FOP     FSSS, fmuls, 0x80000000, 0x80000000, 0x00000000, 0, "fmuls 80000000 80000000"
        FOP     FSSS, fmuls, 0x3f800000, 0x00000000, 0x00000000, 0, "fmuls 3f800000 00000000"
        FOP     FSSS, fmuls, 0xbf800000, 0x00000000, 0x80000000, 0, "fmuls bf800000 00000000"
        FOP     FSSS, fmuls, 0x00000000, 0x00000000, 0x00000000, 0, "fmuls 00000000 00000000"

        FP_RD   RD_M
        FOP     FSSS, fmuls, 0xc0490fdb, 0x402df854, 0xc108a2c1, EXC_NX, "fmuls c0490fdb 402df854"
        FOP     FSSS, fmuls, 0x7f7fffff, 0x7f7fffff, 0x7f7fffff, EXC_OF|EXC_NX, "fmuls 7f7fffff 7f7fffff"
        FOP     FSSS, fmuls, 0xff7fffff, 0x7f7fffff, 0xff800000, EXC_OF|EXC_NX, "fmuls ff7fffff 7f7fffff"
        FOP     FSSS, fmuls, 0x00800000, 0x3f000000, 0x00400000, 0, "fmuls 00800000 3f000000"
        FOP     FSSS, fmuls, 0x00000001, 0x00000001, 0x00000000, EXC_UF|EXC_NX, "fmuls 00000001 00000001"
        FOP     FSSS, fmuls, 0x007fffff, 0x00000001, 0x00000000, EXC_UF|EXC_NX, "fmuls 007fffff 00000001"
        FOP     FSSS, fmuls, 0x80000000, 0x00000000, 0x80000000, 0, "fmuls 80000000 00000000"
        FOP     FSSS, fmuls, 0x80000000, 0x80000000, 0x00000000, 0, "fmuls 80000000 80000000"
        FOP     FSSS, fmuls, 0x3f800000, 0x00000000, 0x00000000, 0, "fmuls 3f800000 00000000"
        FOP     FSSS, fmuls, 0xbf800000, 0x00000000, 0x80000000, 0, "fmuls bf800000 00000000"
        FOP     FSSS, fmuls, 0x00000000, 0x00000000, 0x00000000, 0, "fmuls 00000000 00000000"

        ! ---- fdivs

        FP_RD   RD_N
        FOP     FSSS, fdivs, 0x3f800000, 0x40000000, 0x3f000000, 0, "fdivs 3f800000 40000000"
        FOP     FSSS, fdivs, 0x3f800000, 0xbf800000, 0xbf800000, 0, "fdivs 3f800000 bf800000"
        FOP     FSSS, fdivs, 0x3f800000, 0x3eaaaaab, 0x40400000, EXC_NX, "fdivs 3f800000 3eaaaaab"
        FOP     FSSS, fdivs, 0x3f800000, 0x33800000, 0x4b800000, 0, "fdivs 3f800000 33800000"
        FOP     FSSS, fdivs, 0x3f800001, 0x33800000, 0x4b800001, 0, "fdivs 3f800001 33800000"
        FOP     FSSS, fdivs, 0x3f800000, 0xb3800000, 0xcb800000, 0, "fdivs 3f800000 b3800000"
        FOP     FSSS, fdivs, 0x40490fdb, 0x402df854, 0x3f93eee0, EXC_NX, "fdivs 40490fdb 402df854"
        FOP     FSSS, fdivs, 0xc0490fdb, 0x402df854, 0xbf93eee0, EXC_NX, "fdivs c0490fdb 402df854"
        FOP     FSSS, fdivs, 0x7f7fffff, 0x7f7fffff, 0x3f800000, 0, "fdivs 7f7fffff 7f7fffff"
        FOP     FSSS, fdivs, 0xff7fffff, 0x7f7fffff, 0xbf800000, 0, "fdivs ff7fffff 7f7fffff"
        FOP     FSSS, fdivs, 0x00800000, 0x3f000000, 0x01000000, 0, "fdivs 00800000 3f000000"
        FOP     FSSS, fdivs, 0x00800001, 0x3f000000, 0x01000001, 0, "fdivs 00800001 3f000000"
        FOP     FSSS, fdivs, 0x00000001, 0x00000001, 0x3f800000, 0, "fdivs 00000001 00000001"
        FOP     FSSS, fdivs, 0x007fffff, 0x00000001, 0x4afffffe, 0, "fdivs 007fffff 00000001"
        FOP     FSSS, fdivs, 0x80000000, 0x00000000, 0x7fffffff, EXC_NV, "fdivs 80000000 00000000"
        FOP     FSSS, fdivs, 0x80000000, 0x80000000, 0x7fffffff, EXC_NV, "fdivs 80000000 80000000"
        FOP     FSSS, fdivs, 0x7f800000, 0x3f800000, 0x7f800000, 0, "fdivs 7f800000 3f800000"
        FOP     FSSS, fdivs, 0x7f800000, 0x7f800000, 0x7fffffff, EXC_NV, "fdivs 7f800000 7f800000"
        FOP     FSSS, fdivs, 0x7f800000, 0xff800000, 0x7fffffff, EXC_NV, "fdivs 7f800000 ff800000"
        FOP     FSSS, fdivs, 0x00000000, 0x7f800000, 0x00000000, 0, "fdivs 00000000 7f800000"
        FOP     FSSS, fdivs, 0x3f800000, 0x00000000, 0x7f800000, EXC_DZ, "fdivs 3f800000 00000000"
        FOP     FSSS, fdivs, 0xbf800000, 0x00000000, 0xff800000, EXC_DZ, "fdivs bf800000 00000000"
        FOP     FSSS, fdivs, 0x00000000, 0x00000000, 0x7fffffff, EXC_NV, "fdivs 00000000 00000000"
        FOP     FSSS, fdivs, 0x4b800001, 0x3f800000, 0x4b800001, 0, "fdivs 4b800001 3f800000"
        FOP     FSSS, fdivs, 0x3fc00000, 0x40400000, 0x3f000000, 0, "fdivs 3fc00000 40400000"
        FOP     FSSS, fdivs, 0x7fc12345, 0x3f800000, 0x7fc12345, 0, "fdivs 7fc12345 3f800000"
        FOP     FSSS, fdivs, 0x3f800000, 0x7f812345, 0x7fc12345, EXC_NV, "fdivs 3f800000 7f812345"
        FOP     FSSS, fdivs, 0x7fc11111, 0x7fc22222, 0x7fc22222, 0, "fdivs 7fc11111 7fc22222"
        FOP     FSSS, fdivs, 0x7f822222, 0x7fc11111, 0x7fc11111, EXC_NV, "fdivs 7f822222 7fc11111"

        FP_RD   RD_Z
        FOP     FSSS, fdivs, 0x3f800000, 0x33800000, 0x4b800000, 0, "fdivs 3f800000 33800000"
        FOP     FSSS, fdivs, 0xc0490fdb, 0x402df854, 0xbf93eee0, EXC_NX, "fdivs c0490fdb 402df854"
        FOP     FSSS, fdivs, 0x7f7fffff, 0x7f7fffff, 0x3f800000, 0, "fdivs 7f7fffff 7f7fffff"
        FOP     FSSS, fdivs, 0x00000000, 0x7f800000, 0x00000000, 0, "fdivs 00000000 7f800000"

        FP_RD   RD_P
        FOP     FSSS, fdivs, 0x3f800000, 0x33800000, 0x4b800000, 0, "fdivs 3f800000 33800000"
        FOP     FSSS, fdivs, 0xc0490fdb, 0x402df854, 0xbf93eee0, EXC_NX, "fdivs c0490fdb 402df854"
        FOP     FSSS, fdivs, 0x7f7fffff, 0x7f7fffff, 0x3f800000, 0, "fdivs 7f7fffff 7f7fffff"
        FOP     FSSS, fdivs, 0x00000000, 0x7f800000, 0x00000000, 0, "fdivs 00000000 7f800000"

        FP_RD   RD_M
        FOP     FSSS, fdivs, 0x3f800000, 0x33800000, 0x4b800000, 0, "fdivs 3f800000 33800000"
        FOP     FSSS, fdivs, 0xc0490fdb, 0x402df854, 0xbf93eee1, EXC_NX, "fdivs c0490fdb 402df854"
        FOP     FSSS, fdivs, 0x7f7fffff, 0x7f7fffff, 0x3f800000, 0, "fdivs 7f7fffff 7f7fffff"
        FOP     FSSS, fdivs, 0x00000000, 0x7f800000, 0x00000000, 0, "fdivs 00000000 7f800000"

        ! ---- fsqrts

        FP_RD   RD_N
        FOP     FSS, fsqrts, 0, 0x40800000, 0x40000000, 0, "fsqrts 40800000"
        FOP     FSS, fsqrts, 0, 0x40000000, 0x3fb504f3, EXC_NX, "fsqrts 40000000"
        FOP     FSS, fsqrts, 0, 0x40400000, 0x3fddb3d7, EXC_NX, "fsqrts 40400000"
        FOP     FSS, fsqrts, 0, 0x3f800000, 0x3f800000, 0, "fsqrts 3f800000"
        FOP     FSS, fsqrts, 0, 0x00000000, 0x00000000, 0, "fsqrts 00000000"
        FOP     FSS, fsqrts, 0, 0x80000000, 0x80000000, 0, "fsqrts 80000000"
        FOP     FSS, fsqrts, 0, 0x7f800000, 0x7f800000, 0, "fsqrts 7f800000"
        FOP     FSS, fsqrts, 0, 0xbf800000, 0x7fffffff, EXC_NV, "fsqrts bf800000"
        FOP     FSS, fsqrts, 0, 0xff800000, 0x7fffffff, EXC_NV, "fsqrts ff800000"
        FOP     FSS, fsqrts, 0, 0x00000001, 0x1a3504f3, EXC_NX, "fsqrts 00000001"
        FOP     FSS, fsqrts, 0, 0x7f7fffff, 0x5f7fffff, EXC_NX, "fsqrts 7f7fffff"
        FOP     FSS, fsqrts, 0, 0x7fc12345, 0x7fc12345, 0, "fsqrts 7fc12345"
        FOP     FSS, fsqrts, 0, 0x7f812345, 0x7fc12345, EXC_NV, "fsqrts 7f812345"
        FOP     FSS, fsqrts, 0, 0x3eaaaaab, 0x3f13cd3a, EXC_NX, "fsqrts 3eaaaaab"

        FP_RD   RD_Z
        FOP     FSS, fsqrts, 0, 0x40400000, 0x3fddb3d7, EXC_NX, "fsqrts 40400000"
        FOP     FSS, fsqrts, 0, 0x3f800000, 0x3f800000, 0, "fsqrts 3f800000"
        FOP     FSS, fsqrts, 0, 0x00000000, 0x00000000, 0, "fsqrts 00000000"
        FOP     FSS, fsqrts, 0, 0x80000000, 0x80000000, 0, "fsqrts 80000000"
        FOP     FSS, fsqrts, 0, 0x7f7fffff, 0x5f7fffff, EXC_NX, "fsqrts 7f7fffff"
        FOP     FSS, fsqrts, 0, 0x3eaaaaab, 0x3f13cd3a, EXC_NX, "fsqrts 3eaaaaab"

        FP_RD   RD_P
        FOP     FSS, fsqrts, 0, 0x40800000, 0x40000000, 0, "fsqrts 40800000"
        FOP     FSS, fsqrts, 0, 0x40400000, 0x3fddb3d8, EXC_NX, "fsqrts 40400000"
        FOP     FSS, fsqrts, 0, 0x3f800000, 0x3f800000, 0, "fsqrts 3f800000"
        FOP     FSS, fsqrts, 0, 0x00000000, 0x00000000, 0, "fsqrts 00000000"
        FOP     FSS, fsqrts, 0, 0x80000000, 0x80000000, 0, "fsqrts 80000000"
        FOP     FSS, fsqrts, 0, 0x7f7fffff, 0x5f800000, EXC_NX, "fsqrts 7f7fffff"
        FOP     FSS, fsqrts, 0, 0x3eaaaaab, 0x3f13cd3b, EXC_NX, "fsqrts 3eaaaaab"

        FP_RD   RD_M
        FOP     FSS, fsqrts, 0, 0x40800000, 0x40000000, 0, "fsqrts 40800000"
        FOP     FSS, fsqrts, 0, 0x40400000, 0x3fddb3d7, EXC_NX, "fsqrts 40400000"
        FOP     FSS, fsqrts, 0, 0x3f800000, 0x3f800000, 0, "fsqrts 3f800000"
        FOP     FSS, fsqrts, 0, 0x00000000, 0x00000000, 0, "fsqrts 00000000"
        FOP     FSS, fsqrts, 0, 0x80000000, 0x80000000, 0, "fsqrts 80000000"
        FOP     FSS, fsqrts, 0, 0x7f7fffff, 0x5f7fffff, EXC_NX, "fsqrts 7f7fffff"
        FOP     FSS, fsqrts, 0, 0x3eaaaaab, 0x3f13cd3a, EXC_NX, "fsqrts 3eaaaaab"

        ! ---- faddd

        FP_RD   RD_N
        FOP     FDDD, faddd, 0x3ff0000000000000, 0x4000000000000000, 0x4008000000000000, 0, "faddd 3ff0000000000000 4000000000000000"
        FOP     FDDD, faddd, 0x3ff0000000000000, 0xbff0000000000000, 0x0000000000000000, 0, "faddd 3ff0000000000000 bff0000000000000"
        FOP     FDDD, faddd, 0x3ff0000000000000, 0x3fd5555555555555, 0x3ff5555555555555, EXC_NX, "faddd 3ff0000000000000 3fd5555555555555"
        FOP     FDDD, faddd, 0x3ff0000000000000, 0x3ca0000000000000, 0x3ff0000000000000, EXC_NX, "faddd 3ff0000000000000 3ca0000000000000"
        FOP     FDDD, faddd, 0x3ff0000000000001, 0x3ca0000000000000, 0x3ff0000000000002, EXC_NX, "faddd 3ff0000000000001 3ca0000000000000"
        FOP     FDDD, faddd, 0x3ff0000000000000, 0xbca0000000000000, 0x3fefffffffffffff, 0, "faddd 3ff0000000000000 bca0000000000000"
        FOP     FDDD, faddd, 0x400921fb54442d18, 0x4005bf0a8b145769, 0x40177082efac4240, EXC_NX, "faddd 400921fb54442d18 4005bf0a8b145769"
        FOP     FDDD, faddd, 0xc00921fb54442d18, 0x4005bf0a8b145769, 0xbfdb1786497ead78, 0, "faddd c00921fb54442d18 4005bf0a8b145769"
        FOP     FDDD, faddd, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x7ff0000000000000, EXC_OF|EXC_NX, "faddd 7fefffffffffffff 7fefffffffffffff"
        FOP     FDDD, faddd, 0x0010000000000000, 0x3fe0000000000000, 0x3fe0000000000000, EXC_NX, "faddd 0010000000000000 3fe0000000000000"
        FOP     FDDD, faddd, 0x0010000000000001, 0x3fe0000000000000, 0x3fe0000000000000, EXC_NX, "faddd 0010000000000001 3fe0000000000000"
        FOP     FDDD, faddd, 0x0000000000000001, 0x0000000000000001, 0x0000000000000002, 0, "faddd 0000000000000001 0000000000000001"
        FOP     FDDD, faddd, 0x8000000000000000, 0x0000000000000000, 0x0000000000000000, 0, "faddd 8000000000000000 0000000000000000"
        FOP     FDDD, faddd, 0x7ff0000000000000, 0xfff0000000000000, 0x7fffffffffffffff, EXC_NV, "faddd 7ff0000000000000 fff0000000000000"
        FOP     FDDD, faddd, 0x7ff0000000000000, 0x0000000000000000, 0x7ff0000000000000, 0, "faddd 7ff0000000000000 0000000000000000"
        FOP     FDDD, faddd, 0x3ff0000000000000, 0x0000000000000000, 0x3ff0000000000000, 0, "faddd 3ff0000000000000 0000000000000000"
        FOP     FDDD, faddd, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0, "faddd 0000000000000000 0000000000000000"
        FOP     FDDD, faddd, 0x3ff8000000000000, 0x4008000000000000, 0x4012000000000000, 0, "faddd 3ff8000000000000 4008000000000000"
        FOP     FDDD, faddd, 0x7ff8000000012345, 0x3ff0000000000000, 0x7ff8000000012345, 0, "faddd 7ff8000000012345 3ff0000000000000"
        FOP     FDDD, faddd, 0x3ff0000000000000, 0x7ff0000000012345, 0x7ff8000000012345, EXC_NV, "faddd 3ff0000000000000 7ff0000000012345"
        FOP     FDDD, faddd, 0x7ff8000000011111, 0x7ff8000000022222, 0x7ff8000000022222, 0, "faddd 7ff8000000011111 7ff8000000022222"
        FOP     FDDD, faddd, 0x7ff0000000022222, 0x7ff8000000011111, 0x7ff8000000011111, EXC_NV, "faddd 7ff0000000022222 7ff8000000011111"

        FP_RD   RD_Z
        FOP     FDDD, faddd, 0x3ff0000000000000, 0xbff0000000000000, 0x0000000000000000, 0, "faddd 3ff0000000000000 bff0000000000000"
        FOP     FDDD, faddd, 0x3ff0000000000000, 0x3ca0000000000000, 0x3ff0000000000000, EXC_NX, "faddd 3ff0000000000000 3ca0000000000000"
        FOP     FDDD, faddd, 0x3ff0000000000001, 0x3ca0000000000000, 0x3ff0000000000001, EXC_NX, "faddd 3ff0000000000001 3ca0000000000000"
        FOP     FDDD, faddd, 0x3ff0000000000000, 0xbca0000000000000, 0x3fefffffffffffff, 0, "faddd 3ff0000000000000 bca0000000000000"
        FOP     FDDD, faddd, 0xc00921fb54442d18, 0x4005bf0a8b145769, 0xbfdb1786497ead78, 0, "faddd c00921fb54442d18 4005bf0a8b145769"
        FOP     FDDD, faddd, 0x0010000000000000, 0x3fe0000000000000, 0x3fe0000000000000, EXC_NX, "faddd 0010000000000000 3fe0000000000000"
        FOP     FDDD, faddd, 0x0010000000000001, 0x3fe0000000000000, 0x3fe0000000000000, EXC_NX, "faddd 0010000000000001 3fe0000000000000"
        FOP     FDDD, faddd, 0x0000000000000001, 0x0000000000000001, 0x0000000000000002, 0, "faddd 0000000000000001 0000000000000001"
        FOP     FDDD, faddd, 0x8000000000000000, 0x0000000000000000, 0x0000000000000000, 0, "faddd 8000000000000000 0000000000000000"
        FOP     FDDD, faddd, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0, "faddd 0000000000000000 0000000000000000"

        FP_RD   RD_P
        FOP     FDDD, faddd, 0x3ff0000000000000, 0xbff0000000000000, 0x0000000000000000, 0, "faddd 3ff0000000000000 bff0000000000000"
        FOP     FDDD, faddd, 0x3ff0000000000000, 0x3ca0000000000000, 0x3ff0000000000001, EXC_NX, "faddd 3ff0000000000000 3ca0000000000000"
        FOP     FDDD, faddd, 0x3ff0000000000001, 0x3ca0000000000000, 0x3ff0000000000002, EXC_NX, "faddd 3ff0000000000001 3ca0000000000000"
        FOP     FDDD, faddd, 0x3ff0000000000000, 0xbca0000000000000, 0x3fefffffffffffff, 0, "faddd 3ff0000000000000 bca0000000000000"
        FOP     FDDD, faddd, 0xc00921fb54442d18, 0x4005bf0a8b145769, 0xbfdb1786497ead78, 0, "faddd c00921fb54442d18 4005bf0a8b145769"
        FOP     FDDD, faddd, 0x0010000000000000, 0x3fe0000000000000, 0x3fe0000000000001, EXC_NX, "faddd 0010000000000000 3fe0000000000000"
        FOP     FDDD, faddd, 0x0010000000000001, 0x3fe0000000000000, 0x3fe0000000000001, EXC_NX, "faddd 0010000000000001 3fe0000000000000"
        FOP     FDDD, faddd, 0x0000000000000001, 0x0000000000000001, 0x0000000000000002, 0, "faddd 0000000000000001 0000000000000001"
        FOP     FDDD, faddd, 0x8000000000000000, 0x0000000000000000, 0x0000000000000000, 0, "faddd 8000000000000000 0000000000000000"
        FOP     FDDD, faddd, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0, "faddd 0000000000000000 0000000000000000"

        FP_RD   RD_M
        FOP     FDDD, faddd, 0x3ff0000000000000, 0xbff0000000000000, 0x8000000000000000, 0, "faddd 3ff0000000000000 bff0000000000000"
        FOP     FDDD, faddd, 0x3ff0000000000000, 0x3ca0000000000000, 0x3ff0000000000000, EXC_NX, "faddd 3ff0000000000000 3ca0000000000000"
        FOP     FDDD, faddd, 0x3ff0000000000001, 0x3ca0000000000000, 0x3ff0000000000001, EXC_NX, "faddd 3ff0000000000001 3ca0000000000000"
        FOP     FDDD, faddd, 0x3ff0000000000000, 0xbca0000000000000, 0x3fefffffffffffff, 0, "faddd 3ff0000000000000 bca0000000000000"
        FOP     FDDD, faddd, 0xc00921fb54442d18, 0x4005bf0a8b145769, 0xbfdb1786497ead78, 0, "faddd c00921fb54442d18 4005bf0a8b145769"
        FOP     FDDD, faddd, 0x0010000000000000, 0x3fe0000000000000, 0x3fe0000000000000, EXC_NX, "faddd 0010000000000000 3fe0000000000000"
        FOP     FDDD, faddd, 0x0010000000000001, 0x3fe0000000000000, 0x3fe0000000000000, EXC_NX, "faddd 0010000000000001 3fe0000000000000"
        FOP     FDDD, faddd, 0x0000000000000001, 0x0000000000000001, 0x0000000000000002, 0, "faddd 0000000000000001 0000000000000001"
        FOP     FDDD, faddd, 0x8000000000000000, 0x0000000000000000, 0x8000000000000000, 0, "faddd 8000000000000000 0000000000000000"
        FOP     FDDD, faddd, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0, "faddd 0000000000000000 0000000000000000"

        ! ---- fsubd

        FP_RD   RD_N
        FOP     FDDD, fsubd, 0x3ff0000000000000, 0x4000000000000000, 0xbff0000000000000, 0, "fsubd 3ff0000000000000 4000000000000000"
        FOP     FDDD, fsubd, 0x3ff0000000000000, 0xbff0000000000000, 0x4000000000000000, 0, "fsubd 3ff0000000000000 bff0000000000000"
        FOP     FDDD, fsubd, 0x3ff0000000000000, 0x3fd5555555555555, 0x3fe5555555555556, EXC_NX, "fsubd 3ff0000000000000 3fd5555555555555"
        FOP     FDDD, fsubd, 0x3ff0000000000000, 0x3ca0000000000000, 0x3fefffffffffffff, 0, "fsubd 3ff0000000000000 3ca0000000000000"
        FOP     FDDD, fsubd, 0x3ff0000000000001, 0x3ca0000000000000, 0x3ff0000000000000, EXC_NX, "fsubd 3ff0000000000001 3ca0000000000000"
        FOP     FDDD, fsubd, 0x3ff0000000000000, 0xbca0000000000000, 0x3ff0000000000000, EXC_NX, "fsubd 3ff0000000000000 bca0000000000000"
        FOP     FDDD, fsubd, 0x400921fb54442d18, 0x4005bf0a8b145769, 0x3fdb1786497ead78, 0, "fsubd 400921fb54442d18 4005bf0a8b145769"
        FOP     FDDD, fsubd, 0xc00921fb54442d18, 0x4005bf0a8b145769, 0xc0177082efac4240, EXC_NX, "fsubd c00921fb54442d18 4005bf0a8b145769"
        FOP     FDDD, fsubd, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x0000000000000000, 0, "fsubd 7fefffffffffffff 7fefffffffffffff"
        FOP     FDDD, fsubd, 0x0010000000000000, 0x3fe0000000000000, 0xbfe0000000000000, EXC_NX, "fsubd 0010000000000000 3fe0000000000000"
        FOP     FDDD, fsubd, 0x0010000000000001, 0x3fe0000000000000, 0xbfe0000000000000, EXC_NX, "fsubd 0010000000000001 3fe0000000000000"
        FOP     FDDD, fsubd, 0x0000000000000001, 0x0000000000000001, 0x0000000000000000, 0, "fsubd 0000000000000001 0000000000000001"
        FOP     FDDD, fsubd, 0x8000000000000000, 0x0000000000000000, 0x8000000000000000, 0, "fsubd 8000000000000000 0000000000000000"
        FOP     FDDD, fsubd, 0x7ff0000000000000, 0xfff0000000000000, 0x7ff0000000000000, 0, "fsubd 7ff0000000000000 fff0000000000000"
        FOP     FDDD, fsubd, 0x7ff0000000000000, 0x0000000000000000, 0x7ff0000000000000, 0, "fsubd 7ff0000000000000 0000000000000000"
        FOP     FDDD, fsubd, 0x3ff0000000000000, 0x0000000000000000, 0x3ff0000000000000, 0, "fsubd 3ff0000000000000 0000000000000000"
        FOP     FDDD, fsubd, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0, "fsubd 0000000000000000 0000000000000000"
        FOP     FDDD, fsubd, 0x3ff8000000000000, 0x4008000000000000, 0xbff8000000000000, 0, "fsubd 3ff8000000000000 4008000000000000"
        FOP     FDDD, fsubd, 0x7ff8000000012345, 0x3ff0000000000000, 0x7ff8000000012345, 0, "fsubd 7ff8000000012345 3ff0000000000000"
        FOP     FDDD, fsubd, 0x3ff0000000000000, 0x7ff0000000012345, 0x7ff8000000012345, EXC_NV, "fsubd 3ff0000000000000 7ff0000000012345"
        FOP     FDDD, fsubd, 0x7ff8000000011111, 0x7ff8000000022222, 0x7ff8000000022222, 0, "fsubd 7ff8000000011111 7ff8000000022222"
        FOP     FDDD, fsubd, 0x7ff0000000022222, 0x7ff8000000011111, 0x7ff8000000011111, EXC_NV, "fsubd 7ff0000000022222 7ff8000000011111"

        FP_RD   RD_Z
        FOP     FDDD, fsubd, 0x3ff0000000000000, 0x3ca0000000000000, 0x3fefffffffffffff, 0, "fsubd 3ff0000000000000 3ca0000000000000"
        FOP     FDDD, fsubd, 0x3ff0000000000000, 0xbca0000000000000, 0x3ff0000000000000, EXC_NX, "fsubd 3ff0000000000000 bca0000000000000"
        FOP     FDDD, fsubd, 0x400921fb54442d18, 0x4005bf0a8b145769, 0x3fdb1786497ead78, 0, "fsubd 400921fb54442d18 4005bf0a8b145769"
        FOP     FDDD, fsubd, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x0000000000000000, 0, "fsubd 7fefffffffffffff 7fefffffffffffff"
        FOP     FDDD, fsubd, 0x0010000000000001, 0x3fe0000000000000, 0xbfdfffffffffffff, EXC_NX, "fsubd 0010000000000001 3fe0000000000000"
        FOP     FDDD, fsubd, 0x0000000000000001, 0x0000000000000001, 0x0000000000000000, 0, "fsubd 0000000000000001 0000000000000001"
        FOP     FDDD, fsubd, 0x8000000000000000, 0x0000000000000000, 0x8000000000000000, 0, "fsubd 8000000000000000 0000000000000000"
        FOP     FDDD, fsubd, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0, "fsubd 0000000000000000 0000000000000000"

        FP_RD   RD_P
        FOP     FDDD, fsubd, 0x3ff0000000000000, 0x3ca0000000000000, 0x3fefffffffffffff, 0, "fsubd 3ff0000000000000 3ca0000000000000"
        FOP     FDDD, fsubd, 0x3ff0000000000000, 0xbca0000000000000, 0x3ff0000000000001, EXC_NX, "fsubd 3ff0000000000000 bca0000000000000"
        FOP     FDDD, fsubd, 0x400921fb54442d18, 0x4005bf0a8b145769, 0x3fdb1786497ead78, 0, "fsubd 400921fb54442d18 4005bf0a8b145769"
        FOP     FDDD, fsubd, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x0000000000000000, 0, "fsubd 7fefffffffffffff 7fefffffffffffff"
        FOP     FDDD, fsubd, 0x0010000000000001, 0x3fe0000000000000, 0xbfdfffffffffffff, EXC_NX, "fsubd 0010000000000001 3fe0000000000000"
        FOP     FDDD, fsubd, 0x0000000000000001, 0x0000000000000001, 0x0000000000000000, 0, "fsubd 0000000000000001 0000000000000001"
        FOP     FDDD, fsubd, 0x8000000000000000, 0x0000000000000000, 0x8000000000000000, 0, "fsubd 8000000000000000 0000000000000000"
        FOP     FDDD, fsubd, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0, "fsubd 0000000000000000 0000000000000000"

        FP_RD   RD_M
        FOP     FDDD, fsubd, 0x3ff0000000000000, 0x3ca0000000000000, 0x3fefffffffffffff, 0, "fsubd 3ff0000000000000 3ca0000000000000"
        FOP     FDDD, fsubd, 0x3ff0000000000000, 0xbca0000000000000, 0x3ff0000000000000, EXC_NX, "fsubd 3ff0000000000000 bca0000000000000"
        FOP     FDDD, fsubd, 0x400921fb54442d18, 0x4005bf0a8b145769, 0x3fdb1786497ead78, 0, "fsubd 400921fb54442d18 4005bf0a8b145769"
        FOP     FDDD, fsubd, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x8000000000000000, 0, "fsubd 7fefffffffffffff 7fefffffffffffff"
        FOP     FDDD, fsubd, 0x0010000000000001, 0x3fe0000000000000, 0xbfe0000000000000, EXC_NX, "fsubd 0010000000000001 3fe0000000000000"
        FOP     FDDD, fsubd, 0x0000000000000001, 0x0000000000000001, 0x8000000000000000, 0, "fsubd 0000000000000001 0000000000000001"
        FOP     FDDD, fsubd, 0x8000000000000000, 0x0000000000000000, 0x8000000000000000, 0, "fsubd 8000000000000000 0000000000000000"
        FOP     FDDD, fsubd, 0x0000000000000000, 0x0000000000000000, 0x8000000000000000, 0, "fsubd 0000000000000000 0000000000000000"

        ! ---- fmuld

        FP_RD   RD_N
        FOP     FDDD, fmuld, 0x3ff0000000000000, 0x4000000000000000, 0x4000000000000000, 0, "fmuld 3ff0000000000000 4000000000000000"
        FOP     FDDD, fmuld, 0x3ff0000000000000, 0xbff0000000000000, 0xbff0000000000000, 0, "fmuld 3ff0000000000000 bff0000000000000"
        FOP     FDDD, fmuld, 0x3ff0000000000000, 0x3fd5555555555555, 0x3fd5555555555555, 0, "fmuld 3ff0000000000000 3fd5555555555555"
        FOP     FDDD, fmuld, 0x3ff0000000000000, 0x3ca0000000000000, 0x3ca0000000000000, 0, "fmuld 3ff0000000000000 3ca0000000000000"
        FOP     FDDD, fmuld, 0x3ff0000000000001, 0x3ca0000000000000, 0x3ca0000000000001, 0, "fmuld 3ff0000000000001 3ca0000000000000"
        FOP     FDDD, fmuld, 0x3ff0000000000000, 0xbca0000000000000, 0xbca0000000000000, 0, "fmuld 3ff0000000000000 bca0000000000000"
        FOP     FDDD, fmuld, 0x400921fb54442d18, 0x4005bf0a8b145769, 0x402114580b45d474, EXC_NX, "fmuld 400921fb54442d18 4005bf0a8b145769"
        FOP     FDDD, fmuld, 0xc00921fb54442d18, 0x4005bf0a8b145769, 0xc02114580b45d474, EXC_NX, "fmuld c00921fb54442d18 4005bf0a8b145769"
        FOP     FDDD, fmuld, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x7ff0000000000000, EXC_OF|EXC_NX, "fmuld 7fefffffffffffff 7fefffffffffffff"
        FOP     FDDD, fmuld, 0x0010000000000000, 0x3fe0000000000000, 0x0008000000000000, 0, "fmuld 0010000000000000 3fe0000000000000"
        FOP     FDDD, fmuld, 0x0010000000000001, 0x3fe0000000000000, 0x0008000000000000, EXC_UF|EXC_NX, "fmuld 0010000000000001 3fe0000000000000"
        FOP     FDDD, fmuld, 0x0000000000000001, 0x0000000000000001, 0x0000000000000000, EXC_UF|EXC_NX, "fmuld 0000000000000001 0000000000000001"
        FOP     FDDD, fmuld, 0x8000000000000000, 0x0000000000000000, 0x8000000000000000, 0, "fmuld 8000000000000000 0000000000000000"
        FOP     FDDD, fmuld, 0x7ff0000000000000, 0xfff0000000000000, 0xfff0000000000000, 0, "fmuld 7ff0000000000000 fff0000000000000"
        FOP     FDDD, fmuld, 0x7ff0000000000000, 0x0000000000000000, 0x7fffffffffffffff, EXC_NV, "fmuld 7ff0000000000000 0000000000000000"
        FOP     FDDD, fmuld, 0x3ff0000000000000, 0x0000000000000000, 0x0000000000000000, 0, "fmuld 3ff0000000000000 0000000000000000"
        FOP     FDDD, fmuld, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0, "fmuld 0000000000000000 0000000000000000"
        FOP     FDDD, fmuld, 0x3ff8000000000000, 0x4008000000000000, 0x4012000000000000, 0, "fmuld 3ff8000000000000 4008000000000000"
        FOP     FDDD, fmuld, 0x7ff8000000012345, 0x3ff0000000000000, 0x7ff8000000012345, 0, "fmuld 7ff8000000012345 3ff0000000000000"
        FOP     FDDD, fmuld, 0x3ff0000000000000, 0x7ff0000000012345, 0x7ff8000000012345, EXC_NV, "fmuld 3ff0000000000000 7ff0000000012345"
        FOP     FDDD, fmuld, 0x7ff8000000011111, 0x7ff8000000022222, 0x7ff8000000022222, 0, "fmuld 7ff8000000011111 7ff8000000022222"
        FOP     FDDD, fmuld, 0x7ff0000000022222, 0x7ff8000000011111, 0x7ff8000000011111, EXC_NV, "fmuld 7ff0000000022222 7ff8000000011111"

        FP_RD   RD_Z
        FOP     FDDD, fmuld, 0xc00921fb54442d18, 0x4005bf0a8b145769, 0xc02114580b45d474, EXC_NX, "fmuld c00921fb54442d18 4005bf0a8b145769"
        FOP     FDDD, fmuld, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x7fefffffffffffff, EXC_OF|EXC_NX, "fmuld 7fefffffffffffff 7fefffffffffffff"
        FOP     FDDD, fmuld, 0x0010000000000000, 0x3fe0000000000000, 0x0008000000000000, 0, "fmuld 0010000000000000 3fe0000000000000"
        FOP     FDDD, fmuld, 0x0000000000000001, 0x0000000000000001, 0x0000000000000000, EXC_UF|EXC_NX, "fmuld 0000000000000001 0000000000000001"
        FOP     FDDD, fmuld, 0x8000000000000000, 0x0000000000000000, 0x8000000000000000, 0, "fmuld 8000000000000000 0000000000000000"
        FOP     FDDD, fmuld, 0x3ff0000000000000, 0x0000000000000000, 0x0000000000000000, 0, "fmuld 3ff0000000000000 0000000000000000"
        FOP     FDDD, fmuld, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0, "fmuld 0000000000000000 0000000000000000"

        FP_RD   RD_P
        FOP     FDDD, fmuld, 0xc00921fb54442d18, 0x4005bf0a8b145769, 0xc02114580b45d474, EXC_NX, "fmuld c00921fb54442d18 4005bf0a8b145769"
        FOP     FDDD, fmuld, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x7ff0000000000000, EXC_OF|EXC_NX, "fmuld 7fefffffffffffff 7fefffffffffffff"
        FOP     FDDD, fmuld, 0x0010000000000000, 0x3fe0000000000000, 0x0008000000000000, 0, "fmuld 0010000000000000 3fe0000000000000"
        FOP     FDDD, fmuld, 0x0000000000000001, 0x0000000000000001, 0x0000000000000001, EXC_UF|EXC_NX, "fmuld 0000000000000001 0000000000000001"
        FOP     FDDD, fmuld, 0x8000000000000000, 0x0000000000000000, 0x8000000000000000, 0, "fmuld 8000000000000000 0000000000000000"
        FOP     FDDD, fmuld, 0x3ff0000000000000, 0x0000000000000000, 0x0000000000000000, 0, "fmuld 3ff0000000000000 0000000000000000"
        FOP     FDDD, fmuld, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0, "fmuld 0000000000000000 0000000000000000"

        FP_RD   RD_M
        FOP     FDDD, fmuld, 0xc00921fb54442d18, 0x4005bf0a8b145769, 0xc02114580b45d475, EXC_NX, "fmuld c00921fb54442d18 4005bf0a8b145769"
        FOP     FDDD, fmuld, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x7fefffffffffffff, EXC_OF|EXC_NX, "fmuld 7fefffffffffffff 7fefffffffffffff"
        FOP     FDDD, fmuld, 0x0010000000000000, 0x3fe0000000000000, 0x0008000000000000, 0, "fmuld 0010000000000000 3fe0000000000000"
        FOP     FDDD, fmuld, 0x0000000000000001, 0x0000000000000001, 0x0000000000000000, EXC_UF|EXC_NX, "fmuld 0000000000000001 0000000000000001"
        FOP     FDDD, fmuld, 0x8000000000000000, 0x0000000000000000, 0x8000000000000000, 0, "fmuld 8000000000000000 0000000000000000"
        FOP     FDDD, fmuld, 0x3ff0000000000000, 0x0000000000000000, 0x0000000000000000, 0, "fmuld 3ff0000000000000 0000000000000000"
        FOP     FDDD, fmuld, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0, "fmuld 0000000000000000 0000000000000000"

        ! ---- fdivd

        FP_RD   RD_N
        FOP     FDDD, fdivd, 0x3ff0000000000000, 0x4000000000000000, 0x3fe0000000000000, 0, "fdivd 3ff0000000000000 4000000000000000"
        FOP     FDDD, fdivd, 0x3ff0000000000000, 0xbff0000000000000, 0xbff0000000000000, 0, "fdivd 3ff0000000000000 bff0000000000000"
        FOP     FDDD, fdivd, 0x3ff0000000000000, 0x3fd5555555555555, 0x4008000000000000, EXC_NX, "fdivd 3ff0000000000000 3fd5555555555555"
        FOP     FDDD, fdivd, 0x3ff0000000000000, 0x3ca0000000000000, 0x4340000000000000, 0, "fdivd 3ff0000000000000 3ca0000000000000"
        FOP     FDDD, fdivd, 0x3ff0000000000001, 0x3ca0000000000000, 0x4340000000000001, 0, "fdivd 3ff0000000000001 3ca0000000000000"
        FOP     FDDD, fdivd, 0x3ff0000000000000, 0xbca0000000000000, 0xc340000000000000, 0, "fdivd 3ff0000000000000 bca0000000000000"
        FOP     FDDD, fdivd, 0x400921fb54442d18, 0x4005bf0a8b145769, 0x3ff27ddbf6271dbe, EXC_NX, "fdivd 400921fb54442d18 4005bf0a8b145769"
        FOP     FDDD, fdivd, 0xc00921fb54442d18, 0x4005bf0a8b145769, 0xbff27ddbf6271dbe, EXC_NX, "fdivd c00921fb54442d18 4005bf0a8b145769"
        FOP     FDDD, fdivd, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x3ff0000000000000, 0, "fdivd 7fefffffffffffff 7fefffffffffffff"
        FOP     FDDD, fdivd, 0x0010000000000000, 0x3fe0000000000000, 0x0020000000000000, 0, "fdivd 0010000000000000 3fe0000000000000"
        FOP     FDDD, fdivd, 0x0010000000000001, 0x3fe0000000000000, 0x0020000000000001, 0, "fdivd 0010000000000001 3fe0000000000000"
        FOP     FDDD, fdivd, 0x0000000000000001, 0x0000000000000001, 0x3ff0000000000000, 0, "fdivd 0000000000000001 0000000000000001"
        FOP     FDDD, fdivd, 0x8000000000000000, 0x0000000000000000, 0x7fffffffffffffff, EXC_NV, "fdivd 8000000000000000 0000000000000000"
        FOP     FDDD, fdivd, 0x7ff0000000000000, 0xfff0000000000000, 0x7fffffffffffffff, EXC_NV, "fdivd 7ff0000000000000 fff0000000000000"
        FOP     FDDD, fdivd, 0x7ff0000000000000, 0x0000000000000000, 0x7ff0000000000000, 0, "fdivd 7ff0000000000000 0000000000000000"
        FOP     FDDD, fdivd, 0x3ff0000000000000, 0x0000000000000000, 0x7ff0000000000000, EXC_DZ, "fdivd 3ff0000000000000 0000000000000000"
        FOP     FDDD, fdivd, 0x0000000000000000, 0x0000000000000000, 0x7fffffffffffffff, EXC_NV, "fdivd 0000000000000000 0000000000000000"
        FOP     FDDD, fdivd, 0x3ff8000000000000, 0x4008000000000000, 0x3fe0000000000000, 0, "fdivd 3ff8000000000000 4008000000000000"
        FOP     FDDD, fdivd, 0x7ff8000000012345, 0x3ff0000000000000, 0x7ff8000000012345, 0, "fdivd 7ff8000000012345 3ff0000000000000"
        FOP     FDDD, fdivd, 0x3ff0000000000000, 0x7ff0000000012345, 0x7ff8000000012345, EXC_NV, "fdivd 3ff0000000000000 7ff0000000012345"
        FOP     FDDD, fdivd, 0x7ff8000000011111, 0x7ff8000000022222, 0x7ff8000000022222, 0, "fdivd 7ff8000000011111 7ff8000000022222"
        FOP     FDDD, fdivd, 0x7ff0000000022222, 0x7ff8000000011111, 0x7ff8000000011111, EXC_NV, "fdivd 7ff0000000022222 7ff8000000011111"

        FP_RD   RD_Z
        FOP     FDDD, fdivd, 0x3ff0000000000000, 0x3ca0000000000000, 0x4340000000000000, 0, "fdivd 3ff0000000000000 3ca0000000000000"
        FOP     FDDD, fdivd, 0xc00921fb54442d18, 0x4005bf0a8b145769, 0xbff27ddbf6271dbe, EXC_NX, "fdivd c00921fb54442d18 4005bf0a8b145769"
        FOP     FDDD, fdivd, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x3ff0000000000000, 0, "fdivd 7fefffffffffffff 7fefffffffffffff"

        FP_RD   RD_P
        FOP     FDDD, fdivd, 0x3ff0000000000000, 0x3ca0000000000000, 0x4340000000000000, 0, "fdivd 3ff0000000000000 3ca0000000000000"
        FOP     FDDD, fdivd, 0xc00921fb54442d18, 0x4005bf0a8b145769, 0xbff27ddbf6271dbe, EXC_NX, "fdivd c00921fb54442d18 4005bf0a8b145769"
        FOP     FDDD, fdivd, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x3ff0000000000000, 0, "fdivd 7fefffffffffffff 7fefffffffffffff"

        FP_RD   RD_M
        FOP     FDDD, fdivd, 0x3ff0000000000000, 0x3ca0000000000000, 0x4340000000000000, 0, "fdivd 3ff0000000000000 3ca0000000000000"
        FOP     FDDD, fdivd, 0xc00921fb54442d18, 0x4005bf0a8b145769, 0xbff27ddbf6271dbf, EXC_NX, "fdivd c00921fb54442d18 4005bf0a8b145769"
        FOP     FDDD, fdivd, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x3ff0000000000000, 0, "fdivd 7fefffffffffffff 7fefffffffffffff"

        ! ---- fsqrtd

        FP_RD   RD_N
        FOP     FDD, fsqrtd, 0, 0x4010000000000000, 0x4000000000000000, 0, "fsqrtd 4010000000000000"
        FOP     FDD, fsqrtd, 0, 0x4000000000000000, 0x3ff6a09e667f3bcd, EXC_NX, "fsqrtd 4000000000000000"
        FOP     FDD, fsqrtd, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0, "fsqrtd 3ff0000000000000"
        FOP     FDD, fsqrtd, 0, 0x0000000000000000, 0x0000000000000000, 0, "fsqrtd 0000000000000000"
        FOP     FDD, fsqrtd, 0, 0x8000000000000000, 0x8000000000000000, 0, "fsqrtd 8000000000000000"
        FOP     FDD, fsqrtd, 0, 0x7ff0000000000000, 0x7ff0000000000000, 0, "fsqrtd 7ff0000000000000"
        FOP     FDD, fsqrtd, 0, 0xbff0000000000000, 0x7fffffffffffffff, EXC_NV, "fsqrtd bff0000000000000"
        FOP     FDD, fsqrtd, 0, 0x0000000000000001, 0x1e60000000000000, 0, "fsqrtd 0000000000000001"
        FOP     FDD, fsqrtd, 0, 0x7ff8000000012345, 0x7ff8000000012345, 0, "fsqrtd 7ff8000000012345"
        FOP     FDD, fsqrtd, 0, 0x7ff0000000012345, 0x7ff8000000012345, EXC_NV, "fsqrtd 7ff0000000012345"
        FOP     FDD, fsqrtd, 0, 0x4008000000000000, 0x3ffbb67ae8584caa, EXC_NX, "fsqrtd 4008000000000000"

        FP_RD   RD_Z
        FOP     FDD, fsqrtd, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0, "fsqrtd 3ff0000000000000"
        FOP     FDD, fsqrtd, 0, 0x0000000000000000, 0x0000000000000000, 0, "fsqrtd 0000000000000000"
        FOP     FDD, fsqrtd, 0, 0x8000000000000000, 0x8000000000000000, 0, "fsqrtd 8000000000000000"

        FP_RD   RD_P
        FOP     FDD, fsqrtd, 0, 0x4010000000000000, 0x4000000000000000, 0, "fsqrtd 4010000000000000"
        FOP     FDD, fsqrtd, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0, "fsqrtd 3ff0000000000000"
        FOP     FDD, fsqrtd, 0, 0x0000000000000000, 0x0000000000000000, 0, "fsqrtd 0000000000000000"
        FOP     FDD, fsqrtd, 0, 0x8000000000000000, 0x8000000000000000, 0, "fsqrtd 8000000000000000"

        FP_RD   RD_M
        FOP     FDD, fsqrtd, 0, 0x4010000000000000, 0x4000000000000000, 0, "fsqrtd 4010000000000000"
        FOP     FDD, fsqrtd, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0, "fsqrtd 3ff0000000000000"
        FOP     FDD, fsqrtd, 0, 0x0000000000000000, 0x0000000000000000, 0, "fsqrtd 0000000000000000"
        FOP     FDD, fsqrtd, 0, 0x8000000000000000, 0x8000000000000000, 0, "fsqrtd 8000000000000000"

        ! ---- fitos, fitod

        FP_RD   RD_N
        FOP     FSS, fitos, 0, 0x00000000, 0x00000000, 0, "fitos 00000000"
        FOP     FSS, fitos, 0, 0x00000001, 0x3f800000, 0, "fitos 00000001"
        FOP     FSS, fitos, 0, 0xffffffff, 0xbf800000, 0, "fitos ffffffff"
        FOP     FSS, fitos, 0, 0x7fffffff, 0x4f000000, EXC_NX, "fitos 7fffffff"
        FOP     FSS, fitos, 0, 0x80000000, 0xcf000000, 0, "fitos 80000000"
        FOP     FSS, fitos, 0, 0x01000001, 0x4b800000, EXC_NX, "fitos 01000001"
        FOP     FSS, fitos, 0, 0x01000003, 0x4b800002, EXC_NX, "fitos 01000003"
        FOP     FSS, fitos, 0, 0x00ffffff, 0x4b7fffff, 0, "fitos 00ffffff"
        FOP     FSS, fitos, 0, 0x12345678, 0x4d91a2b4, EXC_NX, "fitos 12345678"
        FOP     FSS, fitos, 0, 0xfedcba98, 0xcb91a2b4, 0, "fitos fedcba98"

        FP_RD   RD_Z
        FOP     FSS, fitos, 0, 0x7fffffff, 0x4effffff, EXC_NX, "fitos 7fffffff"
        FOP     FSS, fitos, 0, 0x01000001, 0x4b800000, EXC_NX, "fitos 01000001"
        FOP     FSS, fitos, 0, 0x01000003, 0x4b800001, EXC_NX, "fitos 01000003"
        FOP     FSS, fitos, 0, 0x12345678, 0x4d91a2b3, EXC_NX, "fitos 12345678"

        FP_RD   RD_P
        FOP     FSS, fitos, 0, 0x7fffffff, 0x4f000000, EXC_NX, "fitos 7fffffff"
        FOP     FSS, fitos, 0, 0x01000001, 0x4b800001, EXC_NX, "fitos 01000001"
        FOP     FSS, fitos, 0, 0x01000003, 0x4b800002, EXC_NX, "fitos 01000003"
        FOP     FSS, fitos, 0, 0x12345678, 0x4d91a2b4, EXC_NX, "fitos 12345678"

        FP_RD   RD_M
        FOP     FSS, fitos, 0, 0x7fffffff, 0x4effffff, EXC_NX, "fitos 7fffffff"
        FOP     FSS, fitos, 0, 0x01000001, 0x4b800000, EXC_NX, "fitos 01000001"
        FOP     FSS, fitos, 0, 0x01000003, 0x4b800001, EXC_NX, "fitos 01000003"
        FOP     FSS, fitos, 0, 0x12345678, 0x4d91a2b3, EXC_NX, "fitos 12345678"

        FP_RD   RD_N
        FOP     FSD, fitod, 0, 0x00000000, 0x0000000000000000, 0, "fitod 00000000"
        FOP     FSD, fitod, 0, 0x00000001, 0x3ff0000000000000, 0, "fitod 00000001"
        FOP     FSD, fitod, 0, 0xffffffff, 0xbff0000000000000, 0, "fitod ffffffff"
        FOP     FSD, fitod, 0, 0x7fffffff, 0x41dfffffffc00000, 0, "fitod 7fffffff"
        FOP     FSD, fitod, 0, 0x80000000, 0xc1e0000000000000, 0, "fitod 80000000"
        FOP     FSD, fitod, 0, 0x01000001, 0x4170000010000000, 0, "fitod 01000001"
        FOP     FSD, fitod, 0, 0x01000003, 0x4170000030000000, 0, "fitod 01000003"
        FOP     FSD, fitod, 0, 0x00ffffff, 0x416fffffe0000000, 0, "fitod 00ffffff"
        FOP     FSD, fitod, 0, 0x12345678, 0x41b2345678000000, 0, "fitod 12345678"
        FOP     FSD, fitod, 0, 0xfedcba98, 0xc172345680000000, 0, "fitod fedcba98"

        ! ---- fstoi, fdtoi (always toward zero)

        FP_RD   RD_N
        FOP     FSS, fstoi, 0, 0x3fc00000, 0x00000001, EXC_NX, "fstoi 3fc00000"
        FOP     FSS, fstoi, 0, 0xbfc00000, 0xffffffff, EXC_NX, "fstoi bfc00000"
        FOP     FSS, fstoi, 0, 0x40200000, 0x00000002, EXC_NX, "fstoi 40200000"
        FOP     FSS, fstoi, 0, 0xc0200000, 0xfffffffe, EXC_NX, "fstoi c0200000"
        FOP     FSS, fstoi, 0, 0x3f000000, 0x00000000, EXC_NX, "fstoi 3f000000"
        FOP     FSS, fstoi, 0, 0xbf7fffff, 0x00000000, EXC_NX, "fstoi bf7fffff"
        FOP     FSS, fstoi, 0, 0x4effffff, 0x7fffff80, 0, "fstoi 4effffff"
        FOP     FSS, fstoi, 0, 0x4f000000, 0x7fffffff, EXC_NV, "fstoi 4f000000"
        FOP     FSS, fstoi, 0, 0xcf000000, 0x80000000, 0, "fstoi cf000000"
        FOP     FSS, fstoi, 0, 0xcf000001, 0x80000000, EXC_NV, "fstoi cf000001"
        FOP     FSS, fstoi, 0, 0x7f800000, 0x7fffffff, EXC_NV, "fstoi 7f800000"
        FOP     FSS, fstoi, 0, 0xff800000, 0x80000000, EXC_NV, "fstoi ff800000"
        FOP     FSS, fstoi, 0, 0x7fc00000, 0x7fffffff, EXC_NV, "fstoi 7fc00000"
        FOP     FSS, fstoi, 0, 0x7f800001, 0x7fffffff, EXC_NV, "fstoi 7f800001"
        FOP     FSS, fstoi, 0, 0x00000001, 0x00000000, EXC_NX, "fstoi 00000001"
        FOP     FSS, fstoi, 0, 0x80000000, 0x00000000, 0, "fstoi 80000000"

        FP_RD   RD_Z
        FOP     FSS, fstoi, 0, 0x3fc00000, 0x00000001, EXC_NX, "fstoi 3fc00000"
        FOP     FSS, fstoi, 0, 0xbfc00000, 0xffffffff, EXC_NX, "fstoi bfc00000"
        FOP     FSS, fstoi, 0, 0x40200000, 0x00000002, EXC_NX, "fstoi 40200000"
        FOP     FSS, fstoi, 0, 0xc0200000, 0xfffffffe, EXC_NX, "fstoi c0200000"
        FOP     FSS, fstoi, 0, 0x3f000000, 0x00000000, EXC_NX, "fstoi 3f000000"
        FOP     FSS, fstoi, 0, 0xbf7fffff, 0x00000000, EXC_NX, "fstoi bf7fffff"
        FOP     FSS, fstoi, 0, 0x00000001, 0x00000000, EXC_NX, "fstoi 00000001"

        FP_RD   RD_P
        FOP     FSS, fstoi, 0, 0x3fc00000, 0x00000001, EXC_NX, "fstoi 3fc00000"
        FOP     FSS, fstoi, 0, 0xbfc00000, 0xffffffff, EXC_NX, "fstoi bfc00000"
        FOP     FSS, fstoi, 0, 0x40200000, 0x00000002, EXC_NX, "fstoi 40200000"
        FOP     FSS, fstoi, 0, 0xc0200000, 0xfffffffe, EXC_NX, "fstoi c0200000"
        FOP     FSS, fstoi, 0, 0x3f000000, 0x00000000, EXC_NX, "fstoi 3f000000"
        FOP     FSS, fstoi, 0, 0xbf7fffff, 0x00000000, EXC_NX, "fstoi bf7fffff"
        FOP     FSS, fstoi, 0, 0x00000001, 0x00000000, EXC_NX, "fstoi 00000001"

        FP_RD   RD_M
        FOP     FSS, fstoi, 0, 0x3fc00000, 0x00000001, EXC_NX, "fstoi 3fc00000"
        FOP     FSS, fstoi, 0, 0xbfc00000, 0xffffffff, EXC_NX, "fstoi bfc00000"
        FOP     FSS, fstoi, 0, 0x40200000, 0x00000002, EXC_NX, "fstoi 40200000"
        FOP     FSS, fstoi, 0, 0xc0200000, 0xfffffffe, EXC_NX, "fstoi c0200000"
        FOP     FSS, fstoi, 0, 0x3f000000, 0x00000000, EXC_NX, "fstoi 3f000000"
        FOP     FSS, fstoi, 0, 0xbf7fffff, 0x00000000, EXC_NX, "fstoi bf7fffff"
        FOP     FSS, fstoi, 0, 0x00000001, 0x00000000, EXC_NX, "fstoi 00000001"

        FP_RD   RD_N
        FOP     FDS, fdtoi, 0, 0x3ff8000000000000, 0x00000001, EXC_NX, "fdtoi 3ff8000000000000"
        FOP     FDS, fdtoi, 0, 0xbff8000000000000, 0xffffffff, EXC_NX, "fdtoi bff8000000000000"
        FOP     FDS, fdtoi, 0, 0x41dfffffffc00000, 0x7fffffff, 0, "fdtoi 41dfffffffc00000"
        FOP     FDS, fdtoi, 0, 0x41dfffffffe00000, 0x7fffffff, EXC_NX, "fdtoi 41dfffffffe00000"
        FOP     FDS, fdtoi, 0, 0x41e0000000000000, 0x7fffffff, EXC_NV, "fdtoi 41e0000000000000"
        FOP     FDS, fdtoi, 0, 0xc1e0000000000000, 0x80000000, 0, "fdtoi c1e0000000000000"
        FOP     FDS, fdtoi, 0, 0xc1e0000000200000, 0x80000000, EXC_NV, "fdtoi c1e0000000200000"
        FOP     FDS, fdtoi, 0, 0xc1e0000000100000, 0x80000000, EXC_NX, "fdtoi c1e0000000100000"
        FOP     FDS, fdtoi, 0, 0x7ff0000000000000, 0x7fffffff, EXC_NV, "fdtoi 7ff0000000000000"
        FOP     FDS, fdtoi, 0, 0x7ff8000000000000, 0x7fffffff, EXC_NV, "fdtoi 7ff8000000000000"
        FOP     FDS, fdtoi, 0, 0x7ff0000000000001, 0x7fffffff, EXC_NV, "fdtoi 7ff0000000000001"
        FOP     FDS, fdtoi, 0, 0x0000000000000001, 0x00000000, EXC_NX, "fdtoi 0000000000000001"
        FOP     FDS, fdtoi, 0, 0x4004000000000000, 0x00000002, EXC_NX, "fdtoi 4004000000000000"

        FP_RD   RD_Z
        FOP     FDS, fdtoi, 0, 0x3ff8000000000000, 0x00000001, EXC_NX, "fdtoi 3ff8000000000000"
        FOP     FDS, fdtoi, 0, 0xbff8000000000000, 0xffffffff, EXC_NX, "fdtoi bff8000000000000"
        FOP     FDS, fdtoi, 0, 0x41dfffffffe00000, 0x7fffffff, EXC_NX, "fdtoi 41dfffffffe00000"
        FOP     FDS, fdtoi, 0, 0xc1e0000000100000, 0x80000000, EXC_NX, "fdtoi c1e0000000100000"
        FOP     FDS, fdtoi, 0, 0x0000000000000001, 0x00000000, EXC_NX, "fdtoi 0000000000000001"
        FOP     FDS, fdtoi, 0, 0x4004000000000000, 0x00000002, EXC_NX, "fdtoi 4004000000000000"

        FP_RD   RD_P
        FOP     FDS, fdtoi, 0, 0x3ff8000000000000, 0x00000001, EXC_NX, "fdtoi 3ff8000000000000"
        FOP     FDS, fdtoi, 0, 0xbff8000000000000, 0xffffffff, EXC_NX, "fdtoi bff8000000000000"
        FOP     FDS, fdtoi, 0, 0x41dfffffffe00000, 0x7fffffff, EXC_NX, "fdtoi 41dfffffffe00000"
        FOP     FDS, fdtoi, 0, 0xc1e0000000100000, 0x80000000, EXC_NX, "fdtoi c1e0000000100000"
        FOP     FDS, fdtoi, 0, 0x0000000000000001, 0x00000000, EXC_NX, "fdtoi 0000000000000001"
        FOP     FDS, fdtoi, 0, 0x4004000000000000, 0x00000002, EXC_NX, "fdtoi 4004000000000000"

        FP_RD   RD_M
        FOP     FDS, fdtoi, 0, 0x3ff8000000000000, 0x00000001, EXC_NX, "fdtoi 3ff8000000000000"
        FOP     FDS, fdtoi, 0, 0xbff8000000000000, 0xffffffff, EXC_NX, "fdtoi bff8000000000000"
        FOP     FDS, fdtoi, 0, 0x41dfffffffe00000, 0x7fffffff, EXC_NX, "fdtoi 41dfffffffe00000"
        FOP     FDS, fdtoi, 0, 0xc1e0000000100000, 0x80000000, EXC_NX, "fdtoi c1e0000000100000"
        FOP     FDS, fdtoi, 0, 0x0000000000000001, 0x00000000, EXC_NX, "fdtoi 0000000000000001"
        FOP     FDS, fdtoi, 0, 0x4004000000000000, 0x00000002, EXC_NX, "fdtoi 4004000000000000"

        ! ---- fstod (exact), fdtos

        FP_RD   RD_N
        FOP     FSD, fstod, 0, 0x3fc00000, 0x3ff8000000000000, 0, "fstod 3fc00000"
        FOP     FSD, fstod, 0, 0x80000000, 0x8000000000000000, 0, "fstod 80000000"
        FOP     FSD, fstod, 0, 0x00000001, 0x36a0000000000000, 0, "fstod 00000001"
        FOP     FSD, fstod, 0, 0x007fffff, 0x380fffffc0000000, 0, "fstod 007fffff"
        FOP     FSD, fstod, 0, 0x7f7fffff, 0x47efffffe0000000, 0, "fstod 7f7fffff"
        FOP     FSD, fstod, 0, 0xff800000, 0xfff0000000000000, 0, "fstod ff800000"
        FOP     FSD, fstod, 0, 0x7fc12345, 0x7ff82468a0000000, 0, "fstod 7fc12345"
        FOP     FSD, fstod, 0, 0xffc00001, 0xfff8000020000000, 0, "fstod ffc00001"
        FOP     FDS, fdtos, 0, 0x3ff8000000000000, 0x3fc00000, 0, "fdtos 3ff8000000000000"
        FOP     FDS, fdtos, 0, 0x3fd5555555555555, 0x3eaaaaab, EXC_NX, "fdtos 3fd5555555555555"
        FOP     FDS, fdtos, 0, 0xbfd5555555555555, 0xbeaaaaab, EXC_NX, "fdtos bfd5555555555555"
        FOP     FDS, fdtos, 0, 0x47efffffe0000000, 0x7f7fffff, 0, "fdtos 47efffffe0000000"
        FOP     FDS, fdtos, 0, 0x47efffffefffffff, 0x7f7fffff, EXC_NX, "fdtos 47efffffefffffff"
        FOP     FDS, fdtos, 0, 0x47effffff0000000, 0x7f800000, EXC_OF|EXC_NX, "fdtos 47effffff0000000"
        FOP     FDS, fdtos, 0, 0x7fefffffffffffff, 0x7f800000, EXC_OF|EXC_NX, "fdtos 7fefffffffffffff"
        FOP     FDS, fdtos, 0, 0xffefffffffffffff, 0xff800000, EXC_OF|EXC_NX, "fdtos ffefffffffffffff"
        FOP     FDS, fdtos, 0, 0x3810000000000000, 0x00800000, 0, "fdtos 3810000000000000"
        FOP     FDS, fdtos, 0, 0x3800000000000000, 0x00400000, 0, "fdtos 3800000000000000"
        FOP     FDS, fdtos, 0, 0x36a0000000000000, 0x00000001, 0, "fdtos 36a0000000000000"
        FOP     FDS, fdtos, 0, 0x3690000000000000, 0x00000000, EXC_UF|EXC_NX, "fdtos 3690000000000000"
        FOP     FDS, fdtos, 0, 0x0000000000000001, 0x00000000, EXC_UF|EXC_NX, "fdtos 0000000000000001"
        FOP     FDS, fdtos, 0, 0x8000000000000000, 0x80000000, 0, "fdtos 8000000000000000"
        FOP     FDS, fdtos, 0, 0x7ff0000000000000, 0x7f800000, 0, "fdtos 7ff0000000000000"
        FOP     FDS, fdtos, 0, 0x7ff8123456789abc, 0x7fc091a2, 0, "fdtos 7ff8123456789abc"
        FOP     FDS, fdtos, 0, 0x7ff0000020000000, 0x7fc00001, EXC_NV, "fdtos 7ff0000020000000"
        FOP     FDS, fdtos, 0, 0x400921fb54442d18, 0x40490fdb, EXC_NX, "fdtos 400921fb54442d18"

        FP_RD   RD_Z
        FOP     FDS, fdtos, 0, 0x3fd5555555555555, 0x3eaaaaaa, EXC_NX, "fdtos 3fd5555555555555"
        FOP     FDS, fdtos, 0, 0xbfd5555555555555, 0xbeaaaaaa, EXC_NX, "fdtos bfd5555555555555"
        FOP     FDS, fdtos, 0, 0x47efffffefffffff, 0x7f7fffff, EXC_NX, "fdtos 47efffffefffffff"
        FOP     FDS, fdtos, 0, 0x47effffff0000000, 0x7f7fffff, EXC_NX, "fdtos 47effffff0000000"
        FOP     FDS, fdtos, 0, 0x7fefffffffffffff, 0x7f7fffff, EXC_OF|EXC_NX, "fdtos 7fefffffffffffff"
        FOP     FDS, fdtos, 0, 0xffefffffffffffff, 0xff7fffff, EXC_OF|EXC_NX, "fdtos ffefffffffffffff"
        FOP     FDS, fdtos, 0, 0x3690000000000000, 0x00000000, EXC_UF|EXC_NX, "fdtos 3690000000000000"
        FOP     FDS, fdtos, 0, 0x0000000000000001, 0x00000000, EXC_UF|EXC_NX, "fdtos 0000000000000001"
        FOP     FDS, fdtos, 0, 0x400921fb54442d18, 0x40490fda, EXC_NX, "fdtos 400921fb54442d18"

        FP_RD   RD_P
        FOP     FDS, fdtos, 0, 0x3fd5555555555555, 0x3eaaaaab, EXC_NX, "fdtos 3fd5555555555555"
        FOP     FDS, fdtos, 0, 0xbfd5555555555555, 0xbeaaaaaa, EXC_NX, "fdtos bfd5555555555555"
        FOP     FDS, fdtos, 0, 0x47efffffefffffff, 0x7f800000, EXC_OF|EXC_NX, "fdtos 47efffffefffffff"
        FOP     FDS, fdtos, 0, 0x47effffff0000000, 0x7f800000, EXC_OF|EXC_NX, "fdtos 47effffff0000000"
        FOP     FDS, fdtos, 0, 0x7fefffffffffffff, 0x7f800000, EXC_OF|EXC_NX, "fdtos 7fefffffffffffff"
        FOP     FDS, fdtos, 0, 0xffefffffffffffff, 0xff7fffff, EXC_OF|EXC_NX, "fdtos ffefffffffffffff"
        FOP     FDS, fdtos, 0, 0x3690000000000000, 0x00000001, EXC_UF|EXC_NX, "fdtos 3690000000000000"
        FOP     FDS, fdtos, 0, 0x0000000000000001, 0x00000001, EXC_UF|EXC_NX, "fdtos 0000000000000001"
        FOP     FDS, fdtos, 0, 0x400921fb54442d18, 0x40490fdb, EXC_NX, "fdtos 400921fb54442d18"

        FP_RD   RD_M
        FOP     FDS, fdtos, 0, 0x3fd5555555555555, 0x3eaaaaaa, EXC_NX, "fdtos 3fd5555555555555"
        FOP     FDS, fdtos, 0, 0xbfd5555555555555, 0xbeaaaaab, EXC_NX, "fdtos bfd5555555555555"
        FOP     FDS, fdtos, 0, 0x47efffffefffffff, 0x7f7fffff, EXC_NX, "fdtos 47efffffefffffff"
        FOP     FDS, fdtos, 0, 0x47effffff0000000, 0x7f7fffff, EXC_NX, "fdtos 47effffff0000000"
        FOP     FDS, fdtos, 0, 0x7fefffffffffffff, 0x7f7fffff, EXC_OF|EXC_NX, "fdtos 7fefffffffffffff"
        FOP     FDS, fdtos, 0, 0xffefffffffffffff, 0xff800000, EXC_OF|EXC_NX, "fdtos ffefffffffffffff"
        FOP     FDS, fdtos, 0, 0x3690000000000000, 0x00000000, EXC_UF|EXC_NX, "fdtos 3690000000000000"
        FOP     FDS, fdtos, 0, 0x0000000000000001, 0x00000000, EXC_UF|EXC_NX, "fdtos 0000000000000001"
        FOP     FDS, fdtos, 0, 0x400921fb54442d18, 0x40490fda, EXC_NX, "fdtos 400921fb54442d18"

        ! ---- fsmuld (exact product)

        FP_RD   RD_N
        FOP     FSSD, fsmuld, 0x3fc00000, 0x40000000, 0x4008000000000000, 0, "fsmuld 3fc00000 40000000"
        FOP     FSSD, fsmuld, 0x7f7fffff, 0x7f7fffff, 0x4fefffffc0000020, 0, "fsmuld 7f7fffff 7f7fffff"
        FOP     FSSD, fsmuld, 0x00000001, 0x00000001, 0x2d50000000000000, 0, "fsmuld 00000001 00000001"
        FOP     FSSD, fsmuld, 0x3eaaaaab, 0xc0400000, 0xbff0000008000000, 0, "fsmuld 3eaaaaab c0400000"
        FOP     FSSD, fsmuld, 0x7f800000, 0x00000000, 0x7fffffffffffffff, EXC_NV, "fsmuld 7f800000 00000000"
        FOP     FSSD, fsmuld, 0x80000000, 0x3f800000, 0x8000000000000000, 0, "fsmuld 80000000 3f800000"
        FOP     FSSD, fsmuld, 0x7fc12345, 0x3f800000, 0x7ff82468a0000000, 0, "fsmuld 7fc12345 3f800000"
        FOP     FSSD, fsmuld, 0x3f800000, 0x7f812345, 0x7ff82468a0000000, EXC_NV, "fsmuld 3f800000 7f812345"

        FP_RD   RD_N
        SET_FSR 0
        FPU_OFF
        ROM_END
