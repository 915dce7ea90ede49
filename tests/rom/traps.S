! traps.S - Ticc, UNIMP, illegal and privileged instructions, disabled
! FPU / coprocessor, RETT, the state a trap saves and how handlers return.
!
! V8 chapter 7 and B.27/B.31: a trap sets S = 1, PS = old S, ET = 0,
! CWP = CWP - 1, writes PC / nPC to the new window's %l1 / %l2 and tt to
! TBR[11:4].  Ticc traps with tt = 0x80 + ((rs1 + operand2) & 0x7f) when
! its condition holds.  Reserved opcodes and UNIMP give illegal_instruction
! (0x02); privileged instructions in user mode privileged_instruction
! (0x03); FPU instructions with PSR.EF = 0 fp_disabled (0x04);
! coprocessor instructions with PSR.EC = 0 (the MB86904 has none)
! cp_disabled (0x24).  RETT with ET = 1 is illegal_instruction in
! supervisor mode and privileged_instruction in user mode.
!
! Known differences from QEMU (cases left out):
!  - op = 3, op3 = 0x22 (reserved in V8, LDQF in V9): QEMU 7.2 raises
!    fp_disabled when EF = 0 instead of illegal_instruction.
!  - STDFQ / STDCQ in user mode: QEMU 7.2 raises fp_disabled /
!    cp_disabled; V8 gives privileged_instruction (priority 6) precedence
!    over fp_disabled / cp_disabled (priority 8).  Only the supervisor
!    forms are tested.
!  - RETT with ET = 1 and a misaligned target: QEMU checks the alignment
!    first (mem_address_not_aligned); V8 gives illegal_instruction
!    priority.  The test uses an aligned target.
!  - RDASR / WRASR with rs1 / rd in 1..31 other than STBAR are
!    implementation dependent (QEMU reads %y for some); not tested.
!  - Traps with ET = 0 put the processor in error mode, which makes QEMU
!    abort instead of resetting; not tested (nor is RETT with ET = 0
!    causing a trap).

        .include "rom.inc"

! TICC_MASK "tcc", mask: trap for exactly the icc values in mask
        .macro  TICC_MASK tcc, mask
        clr     %l6
        clr     %l4
.Lloop\@:
        TRAP_CLEAR
        SET_ICC_REG %l4
        \tcc    5
        TRAP_COUNT %l5
        tst     %l5
        be      .Lno\@
         mov    1, %l3
        sll     %l3, %l4, %l3
        or      %l6, %l3, %l6
.Lno\@:
        inc     %l4
        cmp     %l4, 16
        bne     .Lloop\@
         nop
        TRAP_DISARM
        CHECK_EQ %l6, \mask, "\tcc trap mask"
        .endm

! ILLEGAL word, tt, "name": the instruction word must trap with tt
        .macro  TRAPWORD word, tt, name
        set     0x400000, %l0           ! a harmless address for rs1
        clr     %l1
        set     0x5a5a5a5a, %l2
        TRAP_CLEAR
.Ltw\@:
        .word   \word
        CHECK_TRAP_AT \tt, .Ltw\@, "\name"
        CHECK_EQ %l2, 0x5a5a5a5a, "\name: rd kept"
        .endm

! USERPRIV "insn", "name": insn traps with tt 0x03 in user mode
        .macro  USERPRIV insn, name
        TRAP_CLEAR
        ENTER_USER
.Lup\@:
        \insn
        ENTER_SUPER
        CHECK_TRAP_AT TT_PRIV, .Lup\@, "user \name privileged"
        .endm

        ROM_BEGIN traps

        ! ---- Ticc conditions (same table as Bicc)
        TICC_MASK "tn",   0x0000
        TICC_MASK "te",   0xf0f0
        TICC_MASK "tle",  0xf3fc
        TICC_MASK "tl",   0x33cc
        TICC_MASK "tleu", 0xfafa
        TICC_MASK "tcs",  0xaaaa
        TICC_MASK "tneg", 0xff00
        TICC_MASK "tvs",  0xcccc
        TICC_MASK "ta",   0xffff
        TICC_MASK "tne",  0x0f0f
        TICC_MASK "tg",   0x0c03
        TICC_MASK "tge",  0xcc33
        TICC_MASK "tgu",  0x0505
        TICC_MASK "tcc",  0x5555
        TICC_MASK "tpos", 0x00ff
        TICC_MASK "tvc",  0x3333

        ! ---- trap number = (rs1 + operand2) & 0x7f
        TRAP_CLEAR
1:      ta      0
        CHECK_TRAP_AT TT_TICC + 0, 1b, "ta 0: tt 0x80, pc, npc"
        TRAP_CLEAR
1:      ta      0x7e
        CHECK_TRAP_AT TT_TICC + 0x7e, 1b, "ta 0x7e: tt 0xfe"
        mov     0x7e, %l0
        TRAP_CLEAR
1:      ta      %l0 + 3
        CHECK_TRAP_AT TT_TICC + 1, 1b, "ta 0x7e+3 wraps to 1"
        set     0xffffff80, %l0
        mov     5, %l1
        TRAP_CLEAR
1:      ta      %l0 + %l1
        CHECK_TRAP_AT TT_TICC + 5, 1b, "ta rs1+rs2 masked to 7 bits"
        set     0x133, %l0
        TRAP_CLEAR
1:      ta      %l0
        CHECK_TRAP_AT TT_TICC + 0x33, 1b, "ta rs1 only"
        DEFAULT_TRAP_HANDLER TT_TICC + 0x7f
        TRAP_CLEAR
1:      ta      0x7f
        CHECK_TRAP_AT TT_TICC + 0x7f, 1b, "ta 0x7f: tt 0xff"
        SET_TRAP_HANDLER TT_TICC + 0x7f, trap_super

        ! the handler returns to nPC: the instruction after the trap runs
        clr     %l0
        TRAP_CLEAR
        ta      9
        mov     1, %l0
        CHECK_EQ %l0, 1, "execution resumes after ta"
        CHECK_TRAP_TT TT_TICC + 9, "ta 9 recorded"

        ! an untaken Ticc is a nop
        SET_ICC 0
        TRAP_CLEAR
        te      10
        CHECK_NOTRAP "te with Z=0 does not trap"

        ! ---- what the trap saved
        rd      %psr, %l6               ! psr before (S = PS = 1, ET = 1)
        TRAP_CLEAR
        ta      11
        rd      %tbr, %l7               ! TBR right after the trap
        set     trap_rec, %l0
        ld      [%l0 + TR_PSR], %l1     ! psr seen by the handler
        ld      [%l0 + TR_TBR], %l2
        CHECK_TRAP_TT TT_TICC + 11, "ta 11 for the saved state"
        and     %l6, PSR_CWP, %l3
        sub     %l3, 1, %l3
        and     %l3, NWINDOWS - 1, %l3  ! expected CWP
        andn    %l6, PSR_ET | PSR_CWP, %l4
        or      %l4, %l3, %l4           ! expected handler psr
        CHECK_REG %l1, %l4, "trap psr: ET=0, CWP-1, S=PS=1"
        CHECK_EQ %l2, (TT_TICC + 11) << 4, "trap tbr: tt field"
        CHECK_EQ %l7, (TT_TICC + 11) << 4, "rd tbr after the trap"

        ! from user mode: PS = 0 in the handler, back in user mode after
        rd      %psr, %l6
        TRAP_CLEAR
        ENTER_USER
        ta      12
        rd      %psr, %l7               ! still user mode: this traps
        ENTER_SUPER
        set     trap_rec, %l0
        ld      [%l0 + TR_PSR], %l1
        ld      [%l0 + TR_TT], %l2
        ld      [%l0 + TR_COUNT], %l5
        CHECK_EQ %l5, 2, "user ta then rd psr: two traps"
        CHECK_EQ %l2, TT_PRIV, "user mode kept after rett"
        TRAP_DISARM
        and     %l6, PSR_CWP, %l3
        sub     %l3, 1, %l3
        and     %l3, NWINDOWS - 1, %l3
        andn    %l6, PSR_ET | PSR_CWP | PSR_PS, %l4
        or      %l4, %l3, %l4
        CHECK_REG %l1, %l4, "trap from user: PS=0 S=1"

        ! ---- UNIMP
        TRAPWORD 0x00000000, TT_ILLEGAL, "unimp 0"
        TRAPWORD 0x003fffff, TT_ILLEGAL, "unimp 0x3fffff"
        TRAPWORD 0x3e012345, TT_ILLEGAL, "unimp with rd=31"

        ! ---- reserved opcodes: illegal_instruction
        ! op = 0 (branches / sethi): op2 = 1, 3, 5
        TRAPWORD 0x00400004, TT_ILLEGAL, "op=0 op2=1"
        TRAPWORD 0x00c00004, TT_ILLEGAL, "op=0 op2=3"
        TRAPWORD 0x01400004, TT_ILLEGAL, "op=0 op2=5"
        ! op = 2: op3 = 09 0d 19 1d 2c 2d 2e 2f 3e 3f  (rd l2, rs1 l0, rs2 l1)
        TRAPWORD 0xa44c0011, TT_ILLEGAL, "op=2 op3=0x09"
        TRAPWORD 0xa46c0011, TT_ILLEGAL, "op=2 op3=0x0d"
        TRAPWORD 0xa4cc0011, TT_ILLEGAL, "op=2 op3=0x19"
        TRAPWORD 0xa4ec0011, TT_ILLEGAL, "op=2 op3=0x1d"
        TRAPWORD 0xa5640011, TT_ILLEGAL, "op=2 op3=0x2c"
        TRAPWORD 0xa56c0011, TT_ILLEGAL, "op=2 op3=0x2d"
        TRAPWORD 0xa5740011, TT_ILLEGAL, "op=2 op3=0x2e"
        TRAPWORD 0xa57c0011, TT_ILLEGAL, "op=2 op3=0x2f"
        TRAPWORD 0xa5f40011, TT_ILLEGAL, "op=2 op3=0x3e"
        TRAPWORD 0xa5fc0011, TT_ILLEGAL, "op=2 op3=0x3f"
        ! op = 3: op3 = 08 0b 0c 0e 18 1b 1c 1e 28-2f 38 3c 3e 3f
        TRAPWORD 0xe4440011, TT_ILLEGAL, "op=3 op3=0x08"
        TRAPWORD 0xe45c0011, TT_ILLEGAL, "op=3 op3=0x0b"
        TRAPWORD 0xe4640011, TT_ILLEGAL, "op=3 op3=0x0c"
        TRAPWORD 0xe4740011, TT_ILLEGAL, "op=3 op3=0x0e"
        TRAPWORD 0xe4c40011, TT_ILLEGAL, "op=3 op3=0x18"
        TRAPWORD 0xe4dc0011, TT_ILLEGAL, "op=3 op3=0x1b"
        TRAPWORD 0xe4e40011, TT_ILLEGAL, "op=3 op3=0x1c"
        TRAPWORD 0xe4f40011, TT_ILLEGAL, "op=3 op3=0x1e"
        TRAPWORD 0xe5440011, TT_ILLEGAL, "op=3 op3=0x28"
        TRAPWORD 0xe54c0011, TT_ILLEGAL, "op=3 op3=0x29"
        TRAPWORD 0xe5540011, TT_ILLEGAL, "op=3 op3=0x2a"
        TRAPWORD 0xe55c0011, TT_ILLEGAL, "op=3 op3=0x2b"
        TRAPWORD 0xe5640011, TT_ILLEGAL, "op=3 op3=0x2c"
        TRAPWORD 0xe56c0011, TT_ILLEGAL, "op=3 op3=0x2d"
        TRAPWORD 0xe5740011, TT_ILLEGAL, "op=3 op3=0x2e"
        TRAPWORD 0xe57c0011, TT_ILLEGAL, "op=3 op3=0x2f"
        TRAPWORD 0xe5c40011, TT_ILLEGAL, "op=3 op3=0x38"
        TRAPWORD 0xe5e40011, TT_ILLEGAL, "op=3 op3=0x3c"
        TRAPWORD 0xe5f40011, TT_ILLEGAL, "op=3 op3=0x3e"
        TRAPWORD 0xe5fc0011, TT_ILLEGAL, "op=3 op3=0x3f"

        ! ---- coprocessor instructions: cp_disabled (no coprocessor)
        TRAPWORD 0x01c00004, TT_CP_DIS, "cb (op2=7)"
        TRAPWORD 0xa5b40011, TT_CP_DIS, "cpop1"
        TRAPWORD 0xa5bc0011, TT_CP_DIS, "cpop2"
        TRAPWORD 0xe5840011, TT_CP_DIS, "ldc"
        TRAPWORD 0xe58c0011, TT_CP_DIS, "ldcsr"
        TRAPWORD 0xe59c0011, TT_CP_DIS, "lddc"
        TRAPWORD 0xe5a40011, TT_CP_DIS, "stc"
        TRAPWORD 0xe5ac0011, TT_CP_DIS, "stcsr"
        TRAPWORD 0xe5b40011, TT_CP_DIS, "stdcq (supervisor)"
        TRAPWORD 0xe5bc0011, TT_CP_DIS, "stdc"

        ! ---- FPU instructions with PSR.EF = 0: fp_disabled
        TRAPWORD 0x01800004, TT_FP_DIS, "fbfcc (op2=6)"
        TRAPWORD 0x81a00021, TT_FP_DIS, "fpop1"
        TRAPWORD 0x81a80a21, TT_FP_DIS, "fpop2"
        TRAPWORD 0xc1040011, TT_FP_DIS, "ldf"
        TRAPWORD 0xc10c0011, TT_FP_DIS, "ldfsr"
        TRAPWORD 0xc11c0011, TT_FP_DIS, "lddf"
        TRAPWORD 0xc1240011, TT_FP_DIS, "stf"
        TRAPWORD 0xc12c0011, TT_FP_DIS, "stfsr"
        TRAPWORD 0xc1340011, TT_FP_DIS, "stdfq (supervisor)"
        TRAPWORD 0xc13c0011, TT_FP_DIS, "stdf"

        ! ---- privileged instructions in user mode
        USERPRIV "rd %psr, %l2", "rd psr"
        USERPRIV "rd %wim, %l2", "rd wim"
        USERPRIV "rd %tbr, %l2", "rd tbr"
        USERPRIV "wr %g0, %psr", "wr psr"
        USERPRIV "wr %g0, %wim", "wr wim"
        USERPRIV "wr %g0, %tbr", "wr tbr"
        USERPRIV "rett %l0", "rett"
        ! the non-privileged ones do not trap
        TRAP_CLEAR
        ENTER_USER
        wr      %g0, 0x123, %y
        nop
        nop
        nop
        rd      %y, %l3
        stbar
        set     1f, %l4
        flush   %l4
1:      ENTER_SUPER
        CHECK_NOTRAP "user rd/wr y, stbar, flush"
        CHECK_EQ %l3, 0x123, "user wr/rd y"

        ! ---- RETT outside a trap handler (ET = 1)
        set     1f, %l0                 ! aligned target
        TRAP_CLEAR
2:      rett    %l0
1:      CHECK_TRAP_AT TT_ILLEGAL, 2b, "rett with ET=1: illegal"

        ! ---- a handler that fixes the cause and retries (jmp %l1;
        ! rett %l2): division by zero, the handler sets the trapped
        ! window's %o3 (its own %i3) to 4
        SET_TRAP_HANDLER TT_DIV0, fix_div0
        set     fixed, %l0
        st      %g0, [%l0]
        wr      %g0, %y
        nop
        nop
        nop
        mov     100, %l1
        clr     %o3
        udiv    %l1, %o3, %l2
        mov     %o3, %l3
        DEFAULT_TRAP_HANDLER TT_DIV0
        CHECK_EQ %l2, 25, "retry after fixing divisor"
        CHECK_EQ %l3, 4, "handler wrote trapped window's o3"
        set     fixed, %l0
        ld      [%l0], %l0
        CHECK_EQ %l0, 1, "fix handler ran once"

        ! ---- trap window: handler locals do not disturb ours
        set     0x11111111, %l0
        set     0x22222222, %l1
        set     0x33333333, %l2
        set     0x44444444, %l7
        TRAP_CLEAR
        ta      13
        TRAP_DISARM
        CHECK_EQ %l0, 0x11111111, "trap keeps l0"
        CHECK_EQ %l1, 0x22222222, "trap keeps l1"
        CHECK_EQ %l2, 0x33333333, "trap keeps l2"
        CHECK_EQ %l7, 0x44444444, "trap keeps l7"

        ROM_END

fix_div0:
        sethi   %hi(fixed), %l4
        ld      [%l4 + %lo(fixed)], %l5
        inc     %l5
        st      %l5, [%l4 + %lo(fixed)]
        mov     4, %i3
        jmp     %l1
         rett   %l2

        .section .bss
        .align  4
fixed:  .skip   4
