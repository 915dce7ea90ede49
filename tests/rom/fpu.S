! fpu.S - SPARC V8 floating-point unit: enable and fp_disabled, FP loads
! and stores with their alignment traps, LDFSR/STFSR and the FSR fields,
! FMOVs/FNEGs/FABSs, FCMP(E)s/d, every FBfcc condition, cexc/aexc,
! IEEE_754_exception traps (TEM), unimplemented quad FPops, STDFQ, NaNs.
! The result vectors of the arithmetic and conversion FPops in all four
! rounding directions are in fpu2.S (same FOP macro, fpmmu.inc).
!
! References: SPARC V8 manual 4.4 (FSR), 7 (traps), B.1-B.2 (LDF/LDDF/
! LDFSR, STF/STDF/STFSR), B.21 (FBfcc), B.22-B.25 (FPops), Appendix N
! (IEEE recommendations: default NaN).
!
! Known differences from QEMU (qemu-system-sparc 7.2 -M SS-5), left out:
!  - FSR.ver: QEMU reads 0 (its CPU reset clears the fpu_version set at
!    realize time); the MB86904 has ver = 4 (Linux on a real SS-5 reports
!    "Lsi Logic/Meiko L64804 or compatible", its name for PSR impl 0 with
!    FPU version 4).  The checks below only ask for ver to be read-only and
!    to be 4 or 0; every other FSR comparison masks ver out.
!  - LDDF/STDF at an address that is 4 mod 8: QEMU only checks 4-byte
!    alignment (MO_ALIGN_4, the V9 rule) and performs the access; V8
!    requires mem_address_not_aligned.  Only 1- and 2-mod-4 addresses are
!    tested.
!  - FPops with an undefined opf (e.g. FPop1 opf 0x000, 0x002, 0x0ff):
!    QEMU raises illegal_instruction (tt 2); V8 wants fp_exception with
!    ftt = unimplemented_FPop.  Only the defined quad FPops are tested.
!  - unimplemented_FPop: QEMU clears cexc before it traps; V8 leaves cexc
!    unchanged.  The quad tests start with cexc = 0, so both agree.
!  - FSTOD of a signalling NaN: QEMU raises no nv (and reports it with a
!    later FPop); V8 wants nv.  Not tested (fpu2.S gives fstod quiet NaNs).
!  - Overflow/underflow traps: QEMU puts of|nx (uf|nx) in cexc; the tests
!    only require the of (uf) bit there.
!  - QEMU's fp_exception is precise: it is taken at the FPop itself (PC =
!    the FPop, destination and aexc unchanged) and there is no FP queue
!    (qne = 0).  V8 lets an FPU defer the trap to a later FP instruction
!    and queue the FPop (qne = 1, emptied with STDFQ); the checks assume
!    the precise model (trap PC = FPop) but mask qne.
!  - A trapping FPop with a double destination (fdivd, faddd, ...): QEMU
!    has already written the result register when it traps (its double
!    registers are the TCG globals the helper writes); V8 leaves the
!    destination unchanged.  Only single destinations are checked.
!  - After an fp_exception QEMU keeps ftt across any number of STFSRs.
!    Whether STFSR may clear it is left open: ftt is read once after each
!    trap, then an FPop that completes clears it.
!  - FSR.NS: QEMU lets LDFSR set it; an FPU without a nonstandard mode may
!    keep it 0.  Never written here.

        .include "rom.inc"
        .include "fpmmu.inc"

        .section .bss
        .align  8
fd_buf: .skip   256                     ! fd_buf+0..127 source, +128.. copy
        .text

! CHECK_FSR want, "name": FSR (ver and qne masked) == want.
        .macro  CHECK_FSR want, name
        GET_FSR %l0
        set     FSR_VER_MASK | FSR_QNE, %o0
        andn    %l0, %o0, %l0
        CHECK_EQ %l0, \want, "\name"
        .endm

! QTRAP "insn", "name": a quad FPop must trap with fp_exception, ftt =
! unimplemented_FPop; the FSR is otherwise unchanged (RD_Z, aexc = nx|dz,
! cexc = 0, TEM = 0, fcc = 2).
        .macro  QTRAP insn, name
        .set    .Lqf\@, FSR_RZ | FSR_FCC_G | AEXC_NX | AEXC_DZ
        SET_FSR .Lqf\@
        TRAP_CLEAR
.Lq\@:  \insn
        CHECK_TRAP_AT TT_FP_EXC, .Lq\@, "\name traps"
        CHECK_FSR .Lqf\@ | FSR_FTT3, "\name fsr ftt 3"
        fmovs   %f0, %f0                        ! clears ftt
        .endm

        ROM_BEGIN fpu

        set     fd_buf, %l1

! ================================================================ EF = 0
        ! common.S leaves PSR.EF = 0: every FP instruction traps with
        ! fp_disabled (tt 4) before doing anything.
        rd      %psr, %l0
        set     PSR_EF, %o0
        and     %l0, %o0, %l0
        CHECK_EQ %l0, 0, "psr.ef 0 at start"

        TRAP_CLEAR
.Ldis1: fadds   %f0, %f1, %f2
        CHECK_TRAP_AT TT_FP_DIS, .Ldis1, "ef=0 fadds (FPop1) fp_disabled"
        TRAP_CLEAR
.Ldis2: fsqrtd  %f0, %f2
        CHECK_TRAP_AT TT_FP_DIS, .Ldis2, "ef=0 fsqrtd fp_disabled"
        TRAP_CLEAR
.Ldis3: fcmps   %f0, %f1
        CHECK_TRAP_AT TT_FP_DIS, .Ldis3, "ef=0 fcmps (FPop2) fp_disabled"
        TRAP_CLEAR
.Ldis4: faddq   %f0, %f4, %f8
        CHECK_TRAP_AT TT_FP_DIS, .Ldis4, "ef=0 faddq fp_disabled"
        ! FBfcc: the handler resumes at nPC, the delay slot.
        clr     %l2
        TRAP_CLEAR
.Ldis5: fba     .Ldis5t
         nop
        ba      .Ldis5d
         nop
.Ldis5t:
        mov     1, %l2                          ! taken although disabled
.Ldis5d:
        CHECK_TRAP_AT TT_FP_DIS, .Ldis5, "ef=0 fba fp_disabled"
        CHECK_EQ %l2, 0, "ef=0 fba not taken"
        TRAP_CLEAR
.Ldis6: fbe,a   .Ldis6t
         nop
.Ldis6t:
        CHECK_TRAP_AT TT_FP_DIS, .Ldis6, "ef=0 fbe,a fp_disabled"

        set     0x11111111, %l2
        st      %l2, [%l1]
        st      %l2, [%l1 + 4]
        TRAP_CLEAR
.Ldis7: ld      [%l1], %f0
        CHECK_TRAP_AT TT_FP_DIS, .Ldis7, "ef=0 ldf fp_disabled"
        TRAP_CLEAR
.Ldis8: ldd     [%l1], %f0
        CHECK_TRAP_AT TT_FP_DIS, .Ldis8, "ef=0 lddf fp_disabled"
        TRAP_CLEAR
.Ldis9: st      %f0, [%l1]
        CHECK_TRAP_AT TT_FP_DIS, .Ldis9, "ef=0 stf fp_disabled"
        TRAP_CLEAR
.Ldis10:
        std     %f0, [%l1]
        CHECK_TRAP_AT TT_FP_DIS, .Ldis10, "ef=0 stdf fp_disabled"
        ld      [%l1], %l3
        ld      [%l1 + 4], %l4
        xor     %l3, %l2, %l3
        xor     %l4, %l2, %l4
        or      %l3, %l4, %l3
        CHECK_ZERO %l3, "ef=0 stf/stdf leave memory alone"
        TRAP_CLEAR
.Ldis11:
        ld      [%l1], %fsr
        CHECK_TRAP_AT TT_FP_DIS, .Ldis11, "ef=0 ldfsr fp_disabled"
        TRAP_CLEAR
.Ldis12:
        st      %fsr, [%l1]
        CHECK_TRAP_AT TT_FP_DIS, .Ldis12, "ef=0 stfsr fp_disabled"
        ld      [%l1], %l3
        CHECK_REG %l3, %l2, "ef=0 stfsr leaves memory alone"
        ! fp_disabled (priority 8) beats mem_address_not_aligned (10).
        TRAP_CLEAR
.Ldis13:
        ldd     [%l1 + 2], %f0
        CHECK_TRAP_AT TT_FP_DIS, .Ldis13, "ef=0 misaligned lddf fp_disabled"
        TRAP_CLEAR
.Ldis14:
        st      %f0, [%l1 + 1]
        CHECK_TRAP_AT TT_FP_DIS, .Ldis14, "ef=0 misaligned stf fp_disabled"

        ! User mode too.
        ENTER_USER
        TRAP_CLEAR
.Ldis15:
        fmuls   %f0, %f1, %f2
        ENTER_SUPER
        CHECK_TRAP_AT TT_FP_DIS, .Ldis15, "ef=0 user fmuls fp_disabled"

! ================================================================ EF = 1
        FPU_ON
        rd      %psr, %l0
        set     PSR_EF, %o0
        and     %l0, %o0, %l0
        CHECK_EQ %l0, PSR_EF, "psr.ef sticks (FPU present)"
        TRAP_CLEAR
        fmovs   %f0, %f1
        ld      [%l1], %f2
        st      %f2, [%l1 + 8]
        CHECK_NOTRAP "ef=1 fmovs/ldf/stf no trap"

! ---------------------------------------------------------------- ldf/stf
        ! Fill fd_buf[0..31] with distinct words, load %f0..%f31 one by
        ! one, store them to fd_buf[32..63], count mismatches.  Covers all
        ! 32 register numbers in both rd encodings of LDF and STF.
        set     0x3c5a9601, %l2
        set     0x01020305, %l3
        clr     %l4
1:      st      %l2, [%l1 + %l4]
        add     %l2, %l3, %l2
        add     %l4, 4, %l4
        cmp     %l4, 128
        bne     1b
         nop
        .irp    n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
        ld      [%l1 + 4 * \n], %f\n
        .endr
        .irp    n, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30
        ld      [%l1 + 4 * \n], %f\n
        .endr
        ld      [%l1 + 4 * 31], %f31
        .irp    n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
        st      %f\n, [%l1 + 128 + 4 * \n]
        .endr
        .irp    n, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30
        st      %f\n, [%l1 + 128 + 4 * \n]
        .endr
        st      %f31, [%l1 + 128 + 4 * 31]
        clr     %l4
        clr     %l5
2:      ld      [%l1 + %l4], %l2
        add     %l4, 128, %l6
        ld      [%l1 + %l6], %l3
        cmp     %l2, %l3
        be      3f
         nop
        inc     %l5
3:      add     %l4, 4, %l4
        cmp     %l4, 128
        bne     2b
         nop
        CHECK_ZERO %l5, "ldf/stf %f0-%f31 mismatches"

        ! LDF/STF move bits: a signalling NaN and a denormal stay as they are.
        set     0x7f800001, %l2
        st      %l2, [%l1]
        ld      [%l1], %f7
        st      %f7, [%l1 + 4]
        ld      [%l1 + 4], %l3
        CHECK_EQ %l3, 0x7f800001, "ldf/stf snan bits unchanged"
        set     0x80000001, %l2
        st      %l2, [%l1]
        ld      [%l1], %f31
        st      %f31, [%l1 + 4]
        ld      [%l1 + 4], %l3
        CHECK_EQ %l3, 0x80000001, "ldf/stf denormal bits unchanged"

        ! LDDF: even register = word at addr, odd = addr + 4.
        set     0x01234567, %l2
        set     0x89abcdef, %l3
        std     %l2, [%l1]
        ldd     [%l1], %f10
        GETS    %l4, %f10
        CHECK_EQ %l4, 0x01234567, "lddf even reg = word 0"
        GETS    %l4, %f11
        CHECK_EQ %l4, 0x89abcdef, "lddf odd reg = word 1"
        ldd     [%l1], %f30
        GETS    %l4, %f31
        CHECK_EQ %l4, 0x89abcdef, "lddf %f30 odd half"
        ! STDF
        LDFS    %f12, 0xfedcba98
        LDFS    %f13, 0x76543210
        std     %f12, [%l1 + 16]
        ld      [%l1 + 16], %l4
        CHECK_EQ %l4, 0xfedcba98, "stdf word 0 = even reg"
        ld      [%l1 + 20], %l4
        CHECK_EQ %l4, 0x76543210, "stdf word 1 = odd reg"
        ! reg + imm and reg + reg addressing
        mov     16, %l5
        ld      [%l1 + %l5], %f14
        GETS    %l4, %f14
        CHECK_EQ %l4, 0xfedcba98, "ldf [reg + reg]"
        sub     %l1, 8, %l5
        ldd     [%l5 + 24], %f16
        GETD    %l4, %l6, %f16
        CHECK_EQ %l6, 0x76543210, "lddf [reg - 8 + 24]"

! ---------------------------------------------------------------- alignment
        ! mem_address_not_aligned (tt 7); the register / memory is left
        ! alone.
        LDFS    %f0, 0x5a5a5a5a
        TRAP_CLEAR
.Lal1:  ld      [%l1 + 2], %f0
        CHECK_TRAP_AT TT_ALIGN, .Lal1, "ldf addr+2 not aligned"
        GETS    %l4, %f0
        CHECK_EQ %l4, 0x5a5a5a5a, "ldf addr+2 register unchanged"
        TRAP_CLEAR
.Lal2:  ld      [%l1 + 1], %f0
        CHECK_TRAP_AT TT_ALIGN, .Lal2, "ldf addr+1 not aligned"
        TRAP_CLEAR
.Lal3:  ldd     [%l1 + 2], %f0
        CHECK_TRAP_AT TT_ALIGN, .Lal3, "lddf addr+2 not aligned"
        TRAP_CLEAR
.Lal4:  ldd     [%l1 + 3], %f0
        CHECK_TRAP_AT TT_ALIGN, .Lal4, "lddf addr+3 not aligned"
        set     0x22222222, %l2
        st      %l2, [%l1]
        st      %l2, [%l1 + 4]
        st      %l2, [%l1 + 8]
        TRAP_CLEAR
.Lal5:  st      %f0, [%l1 + 1]
        CHECK_TRAP_AT TT_ALIGN, .Lal5, "stf addr+1 not aligned"
        TRAP_CLEAR
.Lal6:  std     %f0, [%l1 + 2]
        CHECK_TRAP_AT TT_ALIGN, .Lal6, "stdf addr+2 not aligned"
        TRAP_CLEAR
.Lal7:  st      %fsr, [%l1 + 2]
        CHECK_TRAP_AT TT_ALIGN, .Lal7, "stfsr addr+2 not aligned"
        ld      [%l1], %l3
        ld      [%l1 + 4], %l4
        ld      [%l1 + 8], %l5
        xor     %l3, %l2, %l3
        xor     %l4, %l2, %l4
        xor     %l5, %l2, %l5
        or      %l3, %l4, %l3
        or      %l3, %l5, %l3
        CHECK_ZERO %l3, "misaligned stores leave memory alone"
        SET_FSR 0x40000000                      ! RD = toward zero
        st      %g0, [%l1]
        TRAP_CLEAR
.Lal8:  ld      [%l1 + 2], %fsr
        CHECK_TRAP_AT TT_ALIGN, .Lal8, "ldfsr addr+2 not aligned"
        CHECK_FSR 0x40000000, "misaligned ldfsr leaves fsr alone"

! ---------------------------------------------------------------- FSR
        ! ver: read-only, and 4 on the MB86904 (QEMU 7.2: 0, see top).
        SET_FSR 0
        GET_FSR %l2
        set     FSR_VER_MASK, %o0
        and     %l2, %o0, %l2                   ! ver as read
        xor     %l2, %o0, %l3                   ! every ver bit inverted
        SET_FSR_REG %l3
        GET_FSR %l4
        set     FSR_VER_MASK, %o0
        and     %l4, %o0, %l4
        CHECK_REG %l4, %l2, "fsr ver read-only"
        tst     %l2
        bne     1f
         nop
        set     FSR_VER4, %l2                   ! QEMU 7.2 reads 0
1:      CHECK_EQ %l2, FSR_VER4, "fsr ver 4 (MB86904; QEMU 7.2 reads 0)"

        ! Writable fields: RD, TEM, fcc, aexc, cexc.  ver, ftt and qne
        ! written as ones must not change.
        SET_FSR 0xcf800fff | FSR_VER_MASK | FSR_FTT_MASK | FSR_QNE
        CHECK_FSR 0xcf800fff, "ldfsr all writable fields ones"
        GET_FSR %l2
        set     FSR_FTT_MASK | FSR_QNE, %o0
        and     %l2, %o0, %l2
        CHECK_ZERO %l2, "ldfsr cannot set ftt or qne"
        SET_FSR 0
        CHECK_FSR 0, "ldfsr zero"
        .set    .Lmix, 0x80000000 | TEM_NV | TEM_UF | TEM_NX | FSR_FCC_L | 0x2a5
        SET_FSR .Lmix
        CHECK_FSR .Lmix, "ldfsr mixed pattern"
        .irp    r, 0, 1, 2, 3
        SET_FSR \r << 30
        CHECK_FSR \r << 30, "ldfsr rd \r"
        .endr
        .irp    f, 1, 2, 3
        SET_FSR \f << 10
        CHECK_FSR \f << 10, "ldfsr fcc \f"
        .endr

! ---------------------------------------------------------------- fmovs & co
        ! Bit operations: no rounding, no exception (not even for a
        ! signalling NaN, which is not quieted); cexc is still cleared.
        .macro  FMOV3 v
        FOP     FSS, fmovs, 0, \v, \v, 0, "fmovs \v"
        FOP     FSS, fnegs, 0, \v, \v ^ 0x80000000, 0, "fnegs \v"
        FOP     FSS, fabss, 0, \v, \v & 0x7fffffff, 0, "fabss \v"
        .endm
        .irp    v, 0x3f800000, 0xbf800000, 0x00000000, 0x80000000, 0x7f800000
        FMOV3   \v
        .endr
        .irp    v, 0xff800000, 0x00000001, 0x7fc12345, 0x7f812345, 0xffc00000
        FMOV3   \v
        .endr
        FP_RD   RD_M
        FOP     FSS, fnegs, 0, 0x00000000, 0x80000000, 0, "fnegs +0"
        FP_RD   RD_N
        ! A double moves as two fmovs (V8 has no fmovd).
        LDFD    %f4, 0x0123456789abcdef
        fmovs   %f4, %f10
        fmovs   %f5, %f11
        GETD    %l2, %l3, %f10
        CHECK_EQ %l2, 0x01234567, "fmovs pair hi"
        CHECK_EQ %l3, 0x89abcdef, "fmovs pair lo"
        ! odd source, even destination and back
        LDFS    %f3, 0xc0490fdb
        fnegs   %f3, %f20
        fabss   %f20, %f21
        GETD    %l2, %l3, %f20
        CHECK_EQ %l2, 0x40490fdb, "fnegs odd to even"
        CHECK_EQ %l3, 0x40490fdb, "fabss even to odd"

! ---------------------------------------------------------------- compares
        ! fcc: 0 =, 1 <, 2 >, 3 unordered.  FCMP raises nv only for a
        ! signalling NaN, FCMPE for any NaN.  Each starts with another fcc.
        .macro  FCMPS_ALL a, b, fcc, qexc, eexc
        FOP     FCMPS, fcmps, \a, \b, \fcc, \qexc, "fcmps \a \b"
        FOP     FCMPS, fcmpes, \a, \b, \fcc, \eexc, "fcmpes \a \b"
        .endm
        .macro  FCMPD_ALL a, b, fcc, qexc, eexc
        FOP     FCMPD, fcmpd, \a, \b, \fcc, \qexc, "fcmpd \a \b"
        FOP     FCMPD, fcmped, \a, \b, \fcc, \eexc, "fcmped \a \b"
        .endm
        FCMPS_ALL 0x3f800000, 0x40000000, FCC_L, 0, 0
        FCMPS_ALL 0x40000000, 0x3f800000, FCC_G, 0, 0
        FCMPS_ALL 0x3f800000, 0x3f800000, FCC_E, 0, 0
        FCMPS_ALL 0x00000000, 0x80000000, FCC_E, 0, 0
        FCMPS_ALL 0xbf800000, 0xc0000000, FCC_G, 0, 0
        FCMPS_ALL 0x7f800000, 0x7f800000, FCC_E, 0, 0
        FCMPS_ALL 0xff800000, 0xff7fffff, FCC_L, 0, 0
        FCMPS_ALL 0x00000001, 0x00000000, FCC_G, 0, 0
        FCMPS_ALL 0x80000001, 0x00000001, FCC_L, 0, 0
        FCMPS_ALL 0x7fc00000, 0x3f800000, FCC_U, 0, EXC_NV
        FCMPS_ALL 0x3f800000, 0xffc00000, FCC_U, 0, EXC_NV
        FCMPS_ALL 0x7fc00000, 0x7fc00000, FCC_U, 0, EXC_NV
        FCMPS_ALL 0x7f800001, 0x3f800000, FCC_U, EXC_NV, EXC_NV
        FCMPS_ALL 0x7fc00000, 0x7fa00000, FCC_U, EXC_NV, EXC_NV
        FCMPD_ALL 0x3ff0000000000000, 0x4000000000000000, FCC_L, 0, 0
        FCMPD_ALL 0x4000000000000000, 0x3ff0000000000000, FCC_G, 0, 0
        FCMPD_ALL 0x3ff0000000000001, 0x3ff0000000000001, FCC_E, 0, 0
        FCMPD_ALL 0x3ff0000000000000, 0x3ff0000000000001, FCC_L, 0, 0
        FCMPD_ALL 0x8000000000000000, 0x0000000000000000, FCC_E, 0, 0
        FCMPD_ALL 0xfff0000000000000, 0x7ff0000000000000, FCC_L, 0, 0
        FCMPD_ALL 0x0000000000000001, 0x8000000000000001, FCC_G, 0, 0
        FCMPD_ALL 0x7ff8000000000000, 0x3ff0000000000000, FCC_U, 0, EXC_NV
        FCMPD_ALL 0x3ff0000000000000, 0x7ff8000000000001, FCC_U, 0, EXC_NV
        FCMPD_ALL 0x7ff0000000000001, 0x3ff0000000000000, FCC_U, EXC_NV, EXC_NV
        FCMPD_ALL 0xfff4000000000000, 0xfff8000000000000, FCC_U, EXC_NV, EXC_NV

! ---------------------------------------------------------------- FBfcc
        ! taken sets: bit n = fcc n (0 =, 1 <, 2 >, 3 u)
        FBCC    a, 0xf, "fba"
        FBCC    n, 0x0, "fbn"
        FBCC    u, 0x8, "fbu"
        FBCC    g, 0x4, "fbg"
        FBCC    ug, 0xc, "fbug"
        FBCC    l, 0x2, "fbl"
        FBCC    ul, 0xa, "fbul"
        FBCC    lg, 0x6, "fblg"
        FBCC    ne, 0xe, "fbne"
        FBCC    e, 0x1, "fbe"
        FBCC    ue, 0x9, "fbue"
        FBCC    ge, 0x5, "fbge"
        FBCC    uge, 0xd, "fbuge"
        FBCC    le, 0x3, "fble"
        FBCC    ule, 0xb, "fbule"
        FBCC    o, 0x7, "fbo"

        ! fcc from a compare: one integer instruction between the FCMP and
        ! the FBfcc (V8 B.21 asks for at least one).
        LDFS    %f2, 0x3f800000
        LDFS    %f3, 0x40000000
        clr     %l2
        fcmps   %f2, %f3
        nop
        fbl     1f
         nop
        ba      2f
         nop
1:      mov     1, %l2
2:      CHECK_EQ %l2, 1, "fcmps 1 2 then fbl taken"
        clr     %l2
        fcmps   %f3, %f2
        nop
        fble,a  1f
         mov    1, %l2                          ! annulled
1:      CHECK_EQ %l2, 0, "fcmps 2 1 then fble,a not taken, annulled"
        LDFD    %f4, 0x7ff8000000000000
        clr     %l2
        fcmpd   %f2, %f4                        ! %f4:%f5 is a NaN
        nop
        fbu,a   1f
         mov    1, %l2
        mov     2, %l2
1:      CHECK_EQ %l2, 1, "fcmpd nan then fbu,a taken"

! ---------------------------------------------------------------- cexc/aexc
        ! cexc shows the last FPop only; aexc ors every cexc in.
        SET_FSR 0
        LDFS    %f2, 0x3f800000                 ! 1
        LDFS    %f3, 0x40400000                 ! 3
        LDFS    %f4, 0x00000000                 ! 0
        fdivs   %f2, %f3, %f6                   ! nx
        CHECK_FSR (EXC_NX << 5) | EXC_NX, "aexc: 1/3 nx"
        fdivs   %f2, %f4, %f6                   ! dz
        CHECK_FSR ((EXC_NX | EXC_DZ) << 5) | EXC_DZ, "aexc: then 1/0 dz"
        fadds   %f2, %f2, %f6                   ! exact
        CHECK_FSR (EXC_NX | EXC_DZ) << 5, "aexc: then exact add"
        fsubs   %f4, %f4, %f6                   ! exact
        fsqrts  %f4, %f6                        ! sqrt(+0) exact
        fsqrts  %f2, %f6
        CHECK_FSR (EXC_NX | EXC_DZ) << 5, "aexc: kept over exact ops"
        fmuls   %f4, %f4, %f6
        fstoi   %f3, %f6                        ! exact
        fsqrts  %f3, %f6                        ! sqrt(3) nx
        CHECK_FSR ((EXC_NX | EXC_DZ) << 5) | EXC_NX, "aexc: then sqrt(3) nx"
        ! TEM bits alone do nothing while the exceptions are masked
        SET_FSR (EXC_DZ | EXC_OF) << FSR_TEM_SHIFT
        TRAP_CLEAR
        fdivs   %f2, %f3, %f6
        CHECK_NOTRAP "tem dz|of, nx only: no trap"
        CHECK_FSR TEM_DZ | TEM_OF | AEXC_NX | EXC_NX, "tem dz|of, nx only: fsr"

        ! FPops work in user mode once EF = 1.
        SET_FSR 0
        LDFS    %f6, 0
        ENTER_USER
        fadds   %f2, %f3, %f6                   ! 1 + 3
        ENTER_SUPER
        GETS    %l2, %f6
        CHECK_EQ %l2, 0x40800000, "user mode fadds 1 3"

! ---------------------------------------------------------------- traps
        ! IEEE_754_exception: an exception whose TEM bit is set traps with
        ! fp_exception (tt 8), FSR.ftt = 1, cexc = the exception, aexc and
        ! the destination unchanged.
        SET_FSR FSR_RZ | TEM_NV | AEXC_NX | EXC_DZ
        LDFS    %f2, 0xbf800000                 ! -1
        LDFS    %f6, 0x12345678
        TRAP_CLEAR
.Ltr1:  fsqrts  %f2, %f6
        CHECK_TRAP_AT TT_FP_EXC, .Ltr1, "tem nv: fsqrts -1 traps"
        .set    .Lf1, FSR_RZ | TEM_NV | FSR_FTT1 | AEXC_NX | EXC_NV
        CHECK_FSR .Lf1, "tem nv: fsr ftt 1 cexc nv aexc kept"
        GETS    %l2, %f6
        CHECK_EQ %l2, 0x12345678, "tem nv: destination unchanged"
        ! LDFSR does not touch ftt
        SET_FSR (RD_Z << 30) | (EXC_NX << 5)
        GET_FSR %l2
        set     FSR_FTT_MASK, %o0
        and     %l2, %o0, %l2
        CHECK_EQ %l2, FTT_IEEE << FSR_FTT_SHIFT, "ldfsr keeps ftt 1"
        ! the next FPop that completes clears ftt (and cexc)
        fmovs   %f2, %f7
        CHECK_FSR (RD_Z << 30) | (EXC_NX << 5), "fmovs after trap: ftt 0"

        SET_FSR EXC_DZ << FSR_TEM_SHIFT
        LDFD    %f2, 0x3ff0000000000000
        LDFD    %f4, 0x8000000000000000         ! -0
        LDFD    %f8, 0x0123456789abcdef
        TRAP_CLEAR
.Ltr2:  fdivd   %f2, %f4, %f8
        CHECK_TRAP_AT TT_FP_EXC, .Ltr2, "tem dz: fdivd 1/-0 traps"
        CHECK_FSR TEM_DZ | FSR_FTT1 | EXC_DZ, "tem dz: fsr ftt 1 cexc dz"
        fmovs   %f0, %f0                        ! (%f8 not checked, see top)

        SET_FSR EXC_NX << FSR_TEM_SHIFT
        LDFS    %f2, 0x3f800000
        LDFS    %f3, 0x40400000
        LDFS    %f6, 0x12345678
        TRAP_CLEAR
.Ltr3:  fdivs   %f2, %f3, %f6
        CHECK_TRAP_AT TT_FP_EXC, .Ltr3, "tem nx: fdivs 1/3 traps"
        CHECK_FSR TEM_NX | FSR_FTT1 | EXC_NX, "tem nx: fsr ftt 1 cexc nx"
        GETS    %l2, %f6
        CHECK_EQ %l2, 0x12345678, "tem nx: destination unchanged"
        fmovs   %f0, %f0

        ! integer conversions trap before writing too
        SET_FSR EXC_NX << FSR_TEM_SHIFT
        LDFS    %f4, 0x3fc00000                 ! 1.5
        LDFS    %f6, 0x12345678
        TRAP_CLEAR
.Ltr4:  fstoi   %f4, %f6
        CHECK_TRAP_AT TT_FP_EXC, .Ltr4, "tem nx: fstoi 1.5 traps"
        GETS    %l2, %f6
        CHECK_EQ %l2, 0x12345678, "tem nx: fstoi destination unchanged"
        SET_FSR EXC_NV << FSR_TEM_SHIFT
        LDFD    %f4, 0x7ff8000000000000
        TRAP_CLEAR
.Ltr5:  fdtoi   %f4, %f6
        CHECK_TRAP_AT TT_FP_EXC, .Ltr5, "tem nv: fdtoi nan traps"
        CHECK_FSR TEM_NV | FSR_FTT1 | EXC_NV, "tem nv: fdtoi fsr"
        GETS    %l2, %f6
        CHECK_EQ %l2, 0x12345678, "tem nv: fdtoi destination unchanged"
        fmovs   %f0, %f0

        ! overflow / underflow traps: the of (uf) bit is in cexc
        SET_FSR EXC_OF << FSR_TEM_SHIFT
        LDFS    %f2, 0x7f7fffff
        TRAP_CLEAR
.Ltr6:  fmuls   %f2, %f2, %f6
        CHECK_TRAP_AT TT_FP_EXC, .Ltr6, "tem of: fmuls max max traps"
        GET_FSR %l2
        set     FSR_FTT_MASK | EXC_OF, %o0
        and     %l2, %o0, %l2
        CHECK_EQ %l2, FSR_FTT1 | EXC_OF, "tem of: ftt 1, cexc has of"
        GETS    %l2, %f6
        CHECK_EQ %l2, 0x12345678, "tem of: destination unchanged"
        fmovs   %f0, %f0
        SET_FSR EXC_UF << FSR_TEM_SHIFT
        LDFS    %f2, 0x00800001
        LDFS    %f3, 0x3f000000
        TRAP_CLEAR
.Ltr7:  fmuls   %f2, %f3, %f6
        CHECK_TRAP_AT TT_FP_EXC, .Ltr7, "tem uf: fmuls tiny inexact traps"
        GET_FSR %l2
        set     FSR_FTT_MASK | EXC_UF | (EXC_UF << 5), %o0
        and     %l2, %o0, %l2
        CHECK_EQ %l2, FSR_FTT1 | EXC_UF, "tem uf: ftt 1, uf in cexc only"
        fmovs   %f0, %f0

        ! FCMPE with a quiet NaN and TEM.nv: trap, fcc unchanged
        SET_FSR (EXC_NV << FSR_TEM_SHIFT) | (FCC_G << 10)
        LDFS    %f2, 0x7fc00000
        LDFS    %f3, 0x3f800000
        TRAP_CLEAR
.Ltr8:  fcmpes  %f2, %f3
        CHECK_TRAP_AT TT_FP_EXC, .Ltr8, "tem nv: fcmpes nan traps"
        .set    .Lf2, TEM_NV | FSR_FCC_G | FSR_FTT1 | EXC_NV
        CHECK_FSR .Lf2, "tem nv: fcmpes fcc unchanged"
        TRAP_CLEAR
        fcmps   %f2, %f3                        ! quiet compare: no nv
        CHECK_NOTRAP "tem nv: fcmps qnan no trap"
        CHECK_FSR TEM_NV | FSR_FCC_U, "tem nv: fcmps qnan fcc u, ftt 0"

        ! unimplemented_FPop: the V8 quad FPops (MB86904 has none)
        LDFD    %f8, 0x0123456789abcdef
        QTRAP   "faddq %f0, %f4, %f8", "faddq"
        GETD    %l2, %l3, %f8
        xor     %l2, %l3, %l2
        CHECK_EQ %l2, 0x01234567 ^ 0x89abcdef, "faddq destination unchanged"
        QTRAP   "fsubq %f0, %f4, %f8", "fsubq"
        QTRAP   "fmulq %f0, %f4, %f8", "fmulq"
        QTRAP   "fdivq %f0, %f4, %f8", "fdivq"
        QTRAP   "fsqrtq %f4, %f8", "fsqrtq"
        QTRAP   "fdmulq %f0, %f2, %f4", "fdmulq"
        QTRAP   "fitoq %f1, %f4", "fitoq"
        QTRAP   "fstoq %f1, %f4", "fstoq"
        QTRAP   "fdtoq %f2, %f4", "fdtoq"
        QTRAP   "fqtoi %f4, %f1", "fqtoi"
        QTRAP   "fqtos %f4, %f1", "fqtos"
        QTRAP   "fqtod %f4, %f2", "fqtod"
        QTRAP   "fcmpq %f0, %f4", "fcmpq"
        QTRAP   "fcmpeq %f0, %f4", "fcmpeq"

        ! STDFQ with an empty queue: sequence_error (V8 recommends it);
        ! privileged in user mode.
        SET_FSR 0
        TRAP_CLEAR
.Ltr9:  std     %fq, [%l1]
        CHECK_TRAP_AT TT_FP_EXC, .Ltr9, "stdfq empty queue traps"
        CHECK_FSR FTT_SEQ << FSR_FTT_SHIFT, "stdfq empty queue ftt 4"
        fmovs   %f0, %f0
        ENTER_USER
        TRAP_CLEAR
.Ltr10: std     %fq, [%l1]
        ENTER_SUPER
        CHECK_TRAP_AT TT_PRIV, .Ltr10, "stdfq user privileged"

! ---------------------------------------------------------------- NaNs
        ! Default NaN (no NaN operand): 0x7fffffff / 0x7fffffffffffffff.
        S_ONE   = 0x3f800000
        S_INF   = 0x7f800000
        S_NINF  = 0xff800000
        S_DNAN  = 0x7fffffff
        S_NZERO = 0x80000000
        D_ONE   = 0x3ff0000000000000
        D_INF   = 0x7ff0000000000000
        D_NINF  = 0xfff0000000000000
        D_DNAN  = 0x7fffffffffffffff
        FOP     FSSS, fsubs, S_INF, S_INF, S_DNAN, EXC_NV, "nan: inf-inf"
        FOP     FSSS, fmuls, 0, S_NINF, S_DNAN, EXC_NV, "nan: 0*-inf"
        FOP     FSSS, fdivs, S_NZERO, 0, S_DNAN, EXC_NV, "nan: -0/0"
        FOP     FSS, fsqrts, 0, S_NINF, S_DNAN, EXC_NV, "nan: sqrt -inf"
        FOP     FDDD, fdivd, D_INF, D_NINF, D_DNAN, EXC_NV, "nan: inf/-inf d"
        FOP     FDD, fsqrtd, 0, D_NINF, D_DNAN, EXC_NV, "nan: sqrt -inf d"
        FOP     FSSD, fsmuld, S_INF, S_NZERO, D_DNAN, EXC_NV, "nan: inf*-0 sd"
        ! Propagation: the operand NaN, quieted; signalling raises nv.
        S_Q1    = 0x7fc00001                    ! quiet NaNs
        S_Q2    = 0x7fc00002
        S_S2    = 0x7f800002                    ! signalling NaN
        D_Q3    = 0x7ff8000000000003
        D_NQ3   = 0xfff8000000000003
        D_Q20   = 0x7ff8000020000000
        S_NQ    = 0xffc0dead                    ! negative, with payload
        FOP     FSSS, fadds, S_NQ, S_ONE, S_NQ, 0, "nan: -qnan+1"
        FOP     FSSS, fmuls, S_ONE, 0xff80dead, S_NQ, EXC_NV, "nan: 1*-snan"
        FOP     FSSS, fadds, S_Q1, S_S2, S_Q1, EXC_NV, "nan: qnan+snan"
        FOP     FSSS, fadds, S_S2, S_Q1, S_Q1, EXC_NV, "nan: snan+qnan"
        FOP     FSSS, fsubs, S_Q1, S_Q2, S_Q2, 0, "nan: q1-q2 larger fraction"
        FOP     FSSS, fsubs, S_Q2, S_Q1, S_Q2, 0, "nan: q2-q1 larger fraction"
        FOP     FSS, fsqrts, 0, 0x7f800003, 0x7fc00003, EXC_NV, "nan: sqrt snan"
        FOP     FDDD, faddd, D_INF | 3, D_ONE, D_Q3, EXC_NV, "nan: snan+1 d"
        FOP     FDDD, fmuld, D_ONE, D_NQ3, D_NQ3, 0, "nan: 1*-qnan d"
        FOP     FDS, fdtos, 0, D_Q20, S_Q1, 0, "nan: fdtos keeps top payload"
        FOP     FSD, fstod, 0, S_Q1, D_Q20, 0, "nan: fstod keeps payload"
        FOP     FSS, fstoi, 0, S_NQ, 0x7fffffff, EXC_NV, "nan: fstoi -qnan"

        SET_FSR 0
        FPU_OFF
        TRAP_CLEAR
.Lend1: fmovs   %f0, %f1
        CHECK_TRAP_AT TT_FP_DIS, .Lend1, "ef cleared again: fp_disabled"

        ROM_END
