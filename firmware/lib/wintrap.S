! wintrap.S - the standard SPARC V8 window_overflow (tt 0x05) and
! window_underflow (tt 0x06) handlers, shared by every PROM image.  The
! ROM's trap table (or its own handler) reaches them in the trap window
! with %l1 = PC, %l2 = nPC (from the trap) and %l3 = WIM, ET = 0.  Each
! 64-byte save area holds %l0-%l7 then %i0-%i7 at the window's %sp.

        .include "sun4m.inc"

        .text
        .align  4

! win_overflow: a save found the next window invalid.  The trap window T
! (where we are) is the invalid one; T - 1 is the oldest window still in
! use.  Make T - 1 invalid (rotate WIM right by one), move there, write
! its locals and ins to its %sp, come back and re-execute the save.
! Uses %l4 and %l7; %g1 is preserved.
        .global win_overflow
win_overflow:
        mov     %g1, %l7
        srl     %l3, 1, %g1
        sll     %l3, NWINDOWS - 1, %l4
        or      %l4, %g1, %g1
        save                                    ! T - 1 (still valid)
        wr      %g1, %wim
        nop
        nop
        nop
        std     %l0, [%sp + 0]
        std     %l2, [%sp + 8]
        std     %l4, [%sp + 16]
        std     %l6, [%sp + 24]
        std     %i0, [%sp + 32]
        std     %i2, [%sp + 40]
        std     %i4, [%sp + 48]
        std     %i6, [%sp + 56]
        restore                                 ! back to T
        mov     %l7, %g1
        jmp     %l1
         rett   %l2

! win_underflow: a restore in window W found W + 1 invalid; the trap
! window is W - 1.  Make W + 2 invalid (rotate WIM left by one), go to
! W + 1 (two restores), read its locals and ins back from its %sp, return
! to W - 1 and re-execute the restore.  Uses %l4 and %l5.
        .global win_underflow
win_underflow:
        sll     %l3, 1, %l4
        srl     %l3, NWINDOWS - 1, %l5
        or      %l5, %l4, %l5
        wr      %l5, %wim
        nop
        nop
        nop
        restore                                 ! W
        restore                                 ! W + 1
        ldd     [%sp + 0], %l0
        ldd     [%sp + 8], %l2
        ldd     [%sp + 16], %l4
        ldd     [%sp + 24], %l6
        ldd     [%sp + 32], %i0
        ldd     [%sp + 40], %i2
        ldd     [%sp + 48], %i4
        ldd     [%sp + 56], %i6
        save                                    ! W
        save                                    ! W - 1
        jmp     %l1
         rett   %l2
