! callret.S - CALL, JMPL (incl. ret / retl), SAVE and RESTORE without
! window traps (window.S has the trapping cases).
!
! V8 B.23/B.24/B.20: CALL writes its own address to %o7 and jumps PC +
! 4*disp30 after the delay slot; JMPL writes its address to rd and jumps to
! rs1 + operand2 after the delay slot, trapping (mem_address_not_aligned,
! tt 0x07) if that target is not word aligned.  SAVE/RESTORE add their
! operands in the old window and write rd in the new one; CWP decrements
! on SAVE, increments on RESTORE; icc is not changed.
!
! Known differences from QEMU:
!  - JMPL to a misaligned target: QEMU 7.2 writes rd (the JMPL address)
!    before taking the trap, although V8 traps are precise (rd unchanged).
!    The test uses rd = %g0, so only tt / PC / nPC are checked.

        .include "rom.inc"

        ROM_BEGIN callret

        ! ---- CALL: %o7 = address of the call, delay slot first
        clr     %l0
1:      call    leaf_ret_o7
         mov    7, %l0                  ! slot executes before the callee
        set     1b, %l1
        CHECK_REG %o0, %l1, "call: o7 = address of call"
        CHECK_EQ %l0, 7, "call: delay slot executed"
        CHECK_EQ %o1, 7, "call: slot ran before callee"

        ! ---- CALL through a register (jmpl reg, %o7)
        set     leaf_ret_o7, %l2
        clr     %l0
2:      call    %l2
         mov    7, %l0
        set     2b, %l1
        CHECK_REG %o0, %l1, "call reg: o7 = address of jmpl"

        ! ---- JMPL rs1 + simm13, rd: link = own address
        set     jt_base, %l2
3:      jmpl    %l2 + (jt_target - jt_base), %l3
         mov    9, %l4
        ba      4f                      ! not reached
         clr    %l4
jt_base:
        ba      4f
         clr    %l4
jt_target:
        set     3b, %l5
        CHECK_REG %l3, %l5, "jmpl rs1+imm: rd = jmpl address"
        CHECK_EQ %l4, 9, "jmpl rs1+imm: slot executed"
4:
        ! ---- JMPL rs1 + rs2, negative immediate, rd = %g0
        set     jt2_target + 100, %l2
        mov     -100, %l3
        clr     %l4
        jmpl    %l2 + %l3, %g0
         inc    %l4
        ba      5f
         clr    %l4
jt2_target:
        inc     %l4
5:      CHECK_EQ %l4, 2, "jmpl rs1+rs2 to g0"
        CHECK_EQ %g0, 0, "jmpl rd g0 stays 0"

        ! ---- ret / retl with a different return offset (+12: skip a word)
        call    leaf_skip
         clr    %l0
        mov     1, %l0                  ! skipped by leaf_skip
        CHECK_EQ %l0, 0, "retl to o7+12"

        ! ---- JMPL to a misaligned target: tt 0x07, PC = jmpl
        set     1f, %l2
        add     %l2, 2, %l2
        TRAP_CLEAR
6:      jmpl    %l2, %g0
         nop
1:      CHECK_TRAP_AT TT_ALIGN, 6b, "jmpl target+2 traps"
        set     1f, %l2
        add     %l2, 1, %l2
        TRAP_CLEAR
6:      jmpl    %l2, %g0
         nop
1:      CHECK_TRAP_AT TT_ALIGN, 6b, "jmpl target+1 traps"
        set     1f + 3, %l2
        TRAP_CLEAR
6:      jmpl    %l2, %g0
         nop
1:      CHECK_TRAP_AT TT_ALIGN, 6b, "jmpl target+3 traps"

        ! ---- SAVE: operands from the old window, rd in the new one
        rd      %psr, %l0
        and     %l0, PSR_CWP, %l0       ! CWP before
        mov     %sp, %l1
        set     0x11111111, %o0
        set     0x22222222, %o1
        set     0x5a5a5a5a, %l2
        save    %sp, -200, %sp
        ! now in the new window: its ins are the caller's outs
        mov     %sp, %l6
        set     0x33333333, %i0         ! writes the caller's %o0
        restore %l6, 0, %o4             ! caller's o4 = callee's sp
        mov     %o0, %l3
        mov     %o4, %l4
        add     %l1, -200, %l5
        CHECK_REG %l4, %l5, "save: new sp = old sp - 200"
        CHECK_EQ %l3, 0x33333333, "save: callee %i0 is caller %o0"
        CHECK_EQ %l2, 0x5a5a5a5a, "restore: caller locals intact"

        ! CWP after save = CWP - 1 (mod NWINDOWS), icc untouched
        SET_ICC ICC_Z|ICC_C
        save    %sp, -96, %sp
        rd      %psr, %l0
        restore %l0, 0, %l3             ! l3 = PSR seen after save
        rd      %psr, %l6
        srl     %l6, 20, %l5
        and     %l5, 15, %l5
        CHECK_EQ %l5, ICC_Z|ICC_C, "save/restore keep icc"
        and     %l6, PSR_CWP, %l6
        and     %l3, PSR_CWP, %l3
        sub     %l6, 1, %l7
        and     %l7, NWINDOWS - 1, %l7
        CHECK_REG %l3, %l7, "save: CWP - 1 mod NWINDOWS"

        ! ---- RESTORE computes in the old window, writes the new one
        set     1000, %o0
        call    leaf_save_restore_add   ! returns o0 + 5 via restore
         nop
        CHECK_EQ %o0, 1005, "restore i0+5 -> caller o0"

        ! restore with rd = a global: visible in both windows
        save    %g0, 0x123, %g1          ! g1 = 0 + 0x123 (old window)
        restore %g1, 1, %g1              ! g1 = 0x123 + 1
        CHECK_EQ %g1, 0x124, "save/restore with global rd"

        ! save rd = %g0 leaves g0 at 0
        save    %sp, -96, %g0
        restore
        CHECK_EQ %g0, 0, "save rd g0"

        ! ---- nested calls pass values through in/out
        set     3, %o0
        call    fact
         nop
        CHECK_EQ %o0, 6, "recursive factorial 3"
        set     10, %o0
        call    fact
         nop
        CHECK_EQ %o0, 3628800, "recursive factorial 10 (window traps)"

        ROM_END

! leaf_ret_o7: %o0 = %o7 (return address), %o1 = %l0 seen at entry
leaf_ret_o7:
        mov     %o7, %o0
        retl
         mov    %l0, %o1

! leaf_skip: return 12 bytes after the call (skips one instruction)
leaf_skip:
        jmpl    %o7 + 12, %g0
         nop

! leaf_save_restore_add: returns its argument + 5 using restore's add
leaf_save_restore_add:
        save    %sp, -96, %sp
        ret
         restore %i0, 5, %o0

! fact(n): recursive n!, umul-free (repeated add) so it only tests calls
fact:
        save    %sp, -96, %sp
        cmp     %i0, 1
        ble     1f
         nop
        call    fact
         sub    %i0, 1, %o0
        ! i0 * o0 by repeated addition
        clr     %l0
        mov     %i0, %l1
2:      add     %l0, %o0, %l0
        subcc   %l1, 1, %l1
        bne     2b
         nop
        ret
         restore %l0, 0, %o0
1:      ret
         restore %g0, 1, %o0
