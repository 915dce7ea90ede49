! window.S - register windows: window_overflow (tt 0x05) and
! window_underflow (tt 0x06) traps with real spills to and fills from the
! stack (handlers trap_wovf / trap_wunf in common.S), CWP arithmetic, WIM.
!
! NWINDOWS = 8.  flush_windows (common.S) leaves only the caller's window
! valid, with WIM = 1 << (CWP + 1): then 6 more saves fit, the 7th traps
! and spills the caller's window, and the 7th restore back traps and
! fills it again.
!
! Known differences from QEMU: none.

        .include "rom.inc"

        DEPTH = 20                      ! recursion depth: 21 frames

        ROM_BEGIN window

        ! ---- WIM after a flush
        call    flush_windows
         nop
        rd      %psr, %l0
        and     %l0, PSR_CWP, %l0
        inc     %l0
        and     %l0, NWINDOWS - 1, %l0
        mov     1, %l1
        sll     %l1, %l0, %l1
        rd      %wim, %l2
        CHECK_REG %l2, %l1, "flush: WIM = 1 << (CWP + 1)"

        ! ---- exact trap points, spill contents and fill source
        SET_TRAP_HANDLER TT_WOVF, wovf_probe
        SET_TRAP_HANDLER TT_WUNF, wunf_probe
        set     0x10000000, %l0         ! our locals: values to find on
        set     0x10000001, %l1         ! the stack after the spill
        set     0x10000002, %l2
        set     0x10000003, %l3
        set     0x10000004, %l4
        set     0x10000005, %l5
        set     0x10000006, %l6
        set     0x10000007, %l7
        call    flush_windows
         nop
        set     probe, %g2
        st      %g0, [%g2 + 0]          ! overflow count
        st      %g0, [%g2 + 12]         ! underflow count
        mov     %sp, %g3                ! where our window will be spilled
        mov     %fp, %g4                ! our %i6, to find at [sp + 56]
        save    %sp, -96, %sp
        save    %sp, -96, %sp
        save    %sp, -96, %sp
        save    %sp, -96, %sp
        save    %sp, -96, %sp
        save    %sp, -96, %sp
wo_save7:
        save    %sp, -96, %sp           ! traps: spills our window
        ! compare the spill area with the values set above
        clr     %g5
        set     0x10000000, %g6
        clr     %g7
1:      ld      [%g3 + %g7], %g1
        cmp     %g1, %g6
        bne,a   2f
         inc    %g5
2:      inc     %g6
        inc     4, %g7
        cmp     %g7, 32
        bne     1b
         nop
        ld      [%g3 + 56], %g1         ! spilled %i6
        cmp     %g1, %g4
        bne,a   3f
         inc    %g5
3:      set     0xfeedface, %g1         ! change our saved %l7: the fill
        st      %g1, [%g3 + 28]         ! must bring this value back
        restore
        restore
        restore
        restore
        restore
        restore
wu_restore7:
        restore                         ! traps: fills our window
        mov     %g5, %l0                ! (l0 is free now)
        CHECK_EQ %l0, 0, "spill area holds locals and ins"
        CHECK_EQ %l7, 0xfeedface, "fill reloads from the stack"
        CHECK_EQ %l6, 0x10000006, "fill restores l6"
        CHECK_REG %fp, %g4, "fill restores fp"
        set     probe, %l0
        ld      [%l0 + 0], %l1
        CHECK_EQ %l1, 1, "one overflow trap"
        ld      [%l0 + 4], %l1
        CHECK_EQ %l1, TT_WOVF, "overflow tt 0x05"
        ld      [%l0 + 8], %l1
        CHECK_EQ %l1, wo_save7, "overflow PC = 7th save"
        ld      [%l0 + 12], %l1
        CHECK_EQ %l1, 1, "one underflow trap"
        ld      [%l0 + 16], %l1
        CHECK_EQ %l1, TT_WUNF, "underflow tt 0x06"
        ld      [%l0 + 20], %l1
        CHECK_EQ %l1, wu_restore7, "underflow PC = 7th restore"
        SET_TRAP_HANDLER TT_WOVF, trap_wovf
        SET_TRAP_HANDLER TT_WUNF, trap_wunf

        ! ---- deep recursion, supervisor mode
        call    flush_windows
         nop
        set     trap_rec, %l0
        ld      [%l0 + TR_WOVF], %l1
        ld      [%l0 + TR_WUNF], %l2
        set     top_l7, %l3
        st      %g0, [%l3]
        set     spill_ok, %l3
        st      %g0, [%l3]
        set     DEPTH, %o0
        call    rec
         clr    %o1                     ! log CWPs
        mov     %o0, %l3                ! mismatching registers
        set     trap_rec, %l0
        ld      [%l0 + TR_WOVF], %l4
        ld      [%l0 + TR_WUNF], %l5
        sub     %l4, %l1, %l4
        sub     %l5, %l2, %l5
        CHECK_EQ %l3, 0, "recursion 21 frames: registers intact"
        CHECK_EQ %l4, DEPTH + 1 - 6, "recursion: 15 overflow traps"
        CHECK_EQ %l5, DEPTH + 1 - 6, "recursion: 15 underflow traps"
        set     top_l7, %l0
        ld      [%l0], %l0
        CHECK_EQ %l0, 0xfeedface, "recursion: patched spill is filled"
        set     spill_ok, %l0
        ld      [%l0], %l0
        CHECK_EQ %l0, 9, "recursion: top frame found on its stack"

        ! CWP decreases by one per save, modulo NWINDOWS
        set     cwp_log, %l0
        clr     %l1                     ! mismatches
        mov     DEPTH, %l2              ! index n: log[n - 1] vs log[n]
1:      sll     %l2, 2, %l3
        ld      [%l0 + %l3], %l4        ! log[n]
        sub     %l3, 4, %l3
        ld      [%l0 + %l3], %l5        ! log[n - 1]
        sub     %l4, 1, %l4
        and     %l4, NWINDOWS - 1, %l4
        cmp     %l4, %l5
        bne,a   2f
         inc    %l1
2:      subcc   %l2, 1, %l2
        bne     1b
         nop
        CHECK_EQ %l1, 0, "CWP sequence over 21 saves"

        ! ---- deep recursion in user mode (traps from S = 0)
        call    flush_windows
         nop
        set     trap_rec, %l0
        ld      [%l0 + TR_WOVF], %l1
        ld      [%l0 + TR_WUNF], %l2
        set     top_l7, %l3
        st      %g0, [%l3]
        set     spill_ok, %l3
        st      %g0, [%l3]
        ENTER_USER
        set     DEPTH, %o0
        call    rec
         mov    1, %o1                  ! user mode: no rd %psr
        mov     %o0, %l3
        ENTER_SUPER
        set     trap_rec, %l0
        ld      [%l0 + TR_WOVF], %l4
        ld      [%l0 + TR_WUNF], %l5
        sub     %l4, %l1, %l4
        sub     %l5, %l2, %l5
        CHECK_EQ %l3, 0, "user recursion: registers intact"
        CHECK_EQ %l4, DEPTH + 1 - 6, "user recursion: 15 overflows"
        CHECK_EQ %l5, DEPTH + 1 - 6, "user recursion: 15 underflows"
        set     top_l7, %l0
        ld      [%l0], %l0
        CHECK_EQ %l0, 0xfeedface, "user recursion: patched spill"
        set     spill_ok, %l0
        ld      [%l0], %l0
        CHECK_EQ %l0, 9, "user recursion: top frame on its stack"

        ! ---- no trap while windows are free
        call    flush_windows
         nop
        set     trap_rec, %l0
        ld      [%l0 + TR_WOVF], %l1
        .rept   6
        save    %sp, -96, %sp
        .endr
        .rept   6
        restore
        .endr
        ld      [%l0 + TR_WOVF], %l2
        sub     %l2, %l1, %l2
        CHECK_EQ %l2, 0, "6 saves after flush: no overflow"

        ROM_END

! rec(n = %i0, user = %i1): returns in %o0 the number of registers found
! corrupted.  Locals hold (n << 8) + k.  The top frame (n = DEPTH) records
! its %sp; the bottom frame checks that the top frame was spilled there and
! patches its saved %l7.
rec:
        save    %sp, -96, %sp
        sll     %i0, 8, %l0
        add     %l0, 1, %l1
        add     %l0, 2, %l2
        add     %l0, 3, %l3
        add     %l0, 4, %l4
        add     %l0, 5, %l5
        add     %l0, 6, %l6
        add     %l0, 7, %l7
        tst     %i1
        bne     1f
         nop
        rd      %psr, %o5               ! log CWP (supervisor only)
        and     %o5, PSR_CWP, %o5
        set     cwp_log, %o4
        sll     %i0, 2, %o3
        st      %o5, [%o4 + %o3]
1:      cmp     %i0, DEPTH
        bne     2f
         nop
        set     top_sp, %o4
        st      %sp, [%o4]
2:      tst     %i0
        be      rec_bottom
         nop
        sub     %i0, 1, %o0
        call    rec
         mov    %i1, %o1
        ! %o0 = mismatches below; check our own locals
        sll     %i0, 8, %o1
        cmp     %l0, %o1
        bne,a   3f
         inc    %o0
3:      inc     %o1
        cmp     %l1, %o1
        bne,a   3f
         inc    %o0
3:      inc     %o1
        cmp     %l2, %o1
        bne,a   3f
         inc    %o0
3:      inc     %o1
        cmp     %l3, %o1
        bne,a   3f
         inc    %o0
3:      inc     %o1
        cmp     %l4, %o1
        bne,a   3f
         inc    %o0
3:      inc     %o1
        cmp     %l5, %o1
        bne,a   3f
         inc    %o0
3:      inc     %o1
        cmp     %l6, %o1
        bne,a   3f
         inc    %o0
3:      inc     %o1
        cmp     %i0, DEPTH
        bne     4f
         nop
        set     top_l7, %o2             ! top frame: its l7 was patched
        ba      5f                      ! in memory; record what came back
         st     %l7, [%o2]
4:      cmp     %l7, %o1
        bne,a   5f
         inc    %o0
5:      ret
         restore %o0, 0, %o0

rec_bottom:
        ! The top frame is long spilled: its locals and %i0 are at its %sp.
        set     top_sp, %o4
        ld      [%o4], %o4
        clr     %o0                     ! words that match
        set     DEPTH << 8, %o1
        clr     %o2
1:      ld      [%o4 + %o2], %o3
        cmp     %o3, %o1
        be,a    2f
         inc    %o0
2:      inc     %o1
        inc     4, %o2
        cmp     %o2, 32
        bne     1b
         nop
        ld      [%o4 + 32], %o3         ! its %i0 = DEPTH
        cmp     %o3, DEPTH
        be,a    3f
         inc    %o0
3:      set     spill_ok, %o2
        st      %o0, [%o2]
        set     0xfeedface, %o3
        st      %o3, [%o4 + 28]         ! patch its saved %l7
        ret
         restore %g0, 0, %o0

! Probing window trap handlers: record count, tt and PC, then run the
! normal handler.  Only locals and no cc-setting instructions.
wovf_probe:
        sethi   %hi(probe), %l4
        or      %l4, %lo(probe), %l4
        ld      [%l4 + 0], %l5
        inc     %l5
        st      %l5, [%l4 + 0]
        st      %l3, [%l4 + 4]
        st      %l1, [%l4 + 8]
        sethi   %hi(trap_wovf), %l4
        jmp     %l4 + %lo(trap_wovf)
         nop

wunf_probe:
        sethi   %hi(probe), %l4
        or      %l4, %lo(probe), %l4
        ld      [%l4 + 12], %l5
        inc     %l5
        st      %l5, [%l4 + 12]
        st      %l3, [%l4 + 16]
        st      %l1, [%l4 + 20]
        sethi   %hi(trap_wunf), %l4
        jmp     %l4 + %lo(trap_wunf)
         nop

        .section .bss
        .align  4
probe:  .skip   24
top_sp: .skip   4
top_l7: .skip   4
spill_ok: .skip 4
cwp_log: .skip  4 * (DEPTH + 1)
