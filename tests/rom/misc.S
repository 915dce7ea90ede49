! misc.S - FLUSH (with self-modifying code), NOP, STBAR, and %g0 as a
! destination.
!
! V8 B.32: FLUSH makes stores to the flushed doubleword visible to
! instruction fetches; it is not privileged and does not trap for any
! address here.  The test writes code into RAM, flushes it, runs it,
! patches it and runs it again.
!
! Known differences from QEMU: none.  (QEMU also notices code changes
! without FLUSH; V8 leaves that case undefined, so it is not tested.)

        .include "rom.inc"

        ROM_BEGIN misc

        ! ---- write a routine into RAM, flush, call it
        set     codebuf, %l0
        set     0x90102001, %l1         ! mov 1, %o0
        set     0x81c3e008, %l2         ! retl
        set     0x01000000, %l3         ! nop
        st      %l1, [%l0]
        st      %l2, [%l0 + 4]
        st      %l3, [%l0 + 8]
        flush   %l0
        flush   %l0 + 4
        flush   %l0 + 8
        clr     %o0
        call    %l0
         nop
        mov     %o0, %l4
        CHECK_EQ %l4, 1, "generated code runs after flush"

        ! patch it: mov 2, %o0 (flush [rs1 + rs2] form)
        set     0x90102002, %l1
        st      %l1, [%l0]
        clr     %l5
        flush   %l0 + %l5
        clr     %o0
        call    %l0
         nop
        mov     %o0, %l4
        CHECK_EQ %l4, 2, "patched code runs after flush"

        ! patch it again from user mode (flush is not privileged)
        set     0x90102003, %l1
        TRAP_CLEAR
        ENTER_USER
        st      %l1, [%l0]
        flush   %l0
        clr     %o0
        call    %l0
         nop
        mov     %o0, %l4
        ENTER_SUPER
        CHECK_NOTRAP "flush in user mode"
        CHECK_EQ %l4, 3, "code patched in user mode"

        ! patch the delay slot of the retl
        set     0x90022010, %l3         ! add %o0, 16, %o0
        st      %l3, [%l0 + 8]
        flush   %l0 + 8
        clr     %o0
        call    %l0
         nop
        mov     %o0, %l4
        CHECK_EQ %l4, 19, "patched delay slot runs"

        ! ---- NOP (sethi 0, %g0) and other g0 writes change nothing
        SET_ICC ICC_N|ICC_Z|ICC_V|ICC_C
        set     0x12345678, %l0
        nop
        .word   0x01000000              ! nop
        .word   0x01012345              ! sethi 0x12345, %g0
        add     %l0, 1, %g0
        or      %g0, -1, %g0
        CHECK_ICC ICC_N|ICC_Z|ICC_V|ICC_C, "nops keep icc"
        CHECK_EQ %g0, 0, "g0 still 0"
        CHECK_EQ %l0, 0x12345678, "nops keep registers"

        ! ---- STBAR between stores: both land, in order
        set     codebuf + 32, %l0
        mov     1, %l1
        mov     2, %l2
        st      %l1, [%l0]
        stbar
        st      %l2, [%l0 + 4]
        stbar
        ldd     [%l0], %l4
        CHECK_EQ %l4, 1, "stbar: first store"
        CHECK_EQ %l5, 2, "stbar: second store"

        ROM_END

        .section .bss
        .align  8
codebuf: .skip  64
