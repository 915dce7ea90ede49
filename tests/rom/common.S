! common.S - start-up, trap table, trap handlers, console and check
! routines shared by every SPARC V8 ROM test (see README.md).
!
! Machine: SPARCstation-5 (sun4m, MB86904).  At reset PC = 0, PSR.S = 1,
! ET = 0 and the MMU control register has E = 0, BM = 1: instruction
! fetches come from the PROM (PA 0x70000000 | (VA & 0x7ffff)) while data
! accesses go to PA = VA, i.e. to RAM.  The start-up below
!  1. clears every register window and sets WIM = 0,
!  2. copies the image (linked at 0) from the PROM into RAM at 0 with
!     bypass loads (ASI 0x20),
!  3. clears BM (MMU control = 0) so fetches come from RAM at the same
!     addresses, clears .bss and fills the trap vector table,
!  4. sets TBR = 0 (the trap table is the first 4 KB of the image), CWP = 0,
!     WIM = 2, %sp = STACK_TOP - 96, then ET = 1 with PIL = 15,
!  5. initialises ESCC channel A (ttya), prints "START name", calls
!     rom_main, prints "DONE name: P passed, F failed" and resets the
!     machine through the system control register (-no-reboot ends QEMU).
!
! Trap table: slot 0 branches to the start-up; every other slot jumps to
! trap_dispatch, which indexes trap_vec[tt] (RAM, so tests can replace
! handlers with SET_TRAP_HANDLER).  Defaults:
!   0x05 trap_wovf      standard V8 window-overflow spill to %sp
!   0x06 trap_wunf      standard V8 window-underflow fill from %sp
!   0x11-0x1f trap_irq  records, clears the soft interrupt of that level,
!                       returns to the interrupted instruction
!   0xff trap_super     "ta 0x7f": return in supervisor mode
!   others trap_generic records tt / PC / nPC / PSR / TBR in trap_rec and
!                       skips the trapped instruction (jmp nPC; rett nPC+4)

        .include "rom.inc"

! ================================================================ trap table
        .section .text.traptable, "ax"
        .align  4096
        .global trap_table
trap_table:
        b       _start                  ! tt 0: reset
         nop
        nop
        nop
        .rept   255
        TRAP_ENTRY
        .endr

! ================================================================ start-up
        .text
        .align  4
        .global _start
_start:
        set     PSR_S | PSR_PS | PSR_PIL, %g1   ! ET = 0, CWP = 0
        wr      %g1, %psr
        nop
        nop
        nop
        wr      %g0, %wim                       ! no invalid window yet
        nop
        nop
        nop

        ! Clear the locals and outs of all NWINDOWS windows (the ins are
        ! the outs of the neighbour), so no state leaks from reset.
        mov     NWINDOWS, %g1
1:      clr     %l0
        clr     %l1
        clr     %l2
        clr     %l3
        clr     %l4
        clr     %l5
        clr     %l6
        clr     %l7
        clr     %o0
        clr     %o1
        clr     %o2
        clr     %o3
        clr     %o4
        clr     %o5
        clr     %o6
        clr     %o7
        save
        subcc   %g1, 1, %g1
        bne     1b
         nop                            ! back at CWP 0

        ! Copy the image from the PROM into RAM at its link address (0).
        set     PROM_BASE, %g2
        set     _image_end, %g3
        clr     %g4
2:      lda     [%g2 + %g4] ASI_BYPASS, %g5
        st      %g5, [%g4]
        add     %g4, 4, %g4
        cmp     %g4, %g3
        blu     2b
         nop

        ! MMU control = 0: E = 0, NF = 0, BM = 0.  Fetches now come from
        ! RAM, which holds the same code at the same addresses.
        sta     %g0, [%g0] ASI_MMUREGS
        nop
        nop
        nop

        ! Clear .bss.
        set     _bss_start, %g2
        set     _bss_end, %g3
3:      cmp     %g2, %g3
        bgeu    4f
         nop
        st      %g0, [%g2]
        ba      3b
         add    %g2, 4, %g2
4:
        ! Trap vectors: all trap_generic, then the special ones.
        set     trap_vec, %g2
        set     trap_generic, %g3
        mov     256, %g4
5:      st      %g3, [%g2]
        subcc   %g4, 1, %g4
        bne     5b
         add    %g2, 4, %g2
        set     trap_vec, %g2
        set     trap_wovf, %g3
        st      %g3, [%g2 + 4 * TT_WOVF]
        set     trap_wunf, %g3
        st      %g3, [%g2 + 4 * TT_WUNF]
        set     trap_irq, %g3
        mov     1, %g4
6:      sll     %g4, 2, %g5
        add     %g5, 4 * TT_IRQ, %g5
        st      %g3, [%g2 + %g5]
        add     %g4, 1, %g4
        cmp     %g4, 16
        bne     6b
         nop
        set     trap_super, %g3
        st      %g3, [%g2 + 4 * (TT_TICC + SWTRAP_SUPER)]

        wr      %g0, %tbr                       ! TBA = 0: trap_table
        wr      %g0, 2, %wim                    ! window 1 invalid
        nop
        nop
        nop
        set     STACK_TOP - 96, %sp
        clr     %fp
        clr     %g1
        clr     %g2
        clr     %g3
        clr     %g4
        clr     %g5
        clr     %g6
        clr     %g7
        set     PSR_S | PSR_PS | PSR_PIL, %o0
        wr      %o0, PSR_ET, %psr               ! wr xors: ET = 1
        nop
        nop
        nop

        call    con_init
         nop
        set     str_start, %o0
        call    puts
         nop
        set     rom_name, %o0
        call    puts_crlf
         nop

        call    rom_main
         nop

        .global rom_finish
rom_finish:
        ! Report traps nobody asked for.
        set     trap_rec, %l0
        ld      [%l0 + TR_UNEXP], %l1
        tst     %l1
        be      7f
         nop
        set     str_unexp, %o0
        call    puts
         nop
        mov     %l1, %o0
        call    putdec
         nop
        set     str_first_tt, %o0
        call    puts
         nop
        ld      [%l0 + TR_UNEXP_TT], %o0
        call    puthex2
         nop
        set     str_pc, %o0
        call    puts
         nop
        ld      [%l0 + TR_UNEXP_PC], %o0
        call    puthex
         nop
        call    putcrlf
         nop
        set     fail_count, %o0
        ld      [%o0], %o1
        inc     %o1
        st      %o1, [%o0]
7:
        set     str_done, %o0
        call    puts
         nop
        set     rom_name, %o0
        call    puts
         nop
        set     str_colon, %o0
        call    puts
         nop
        set     pass_count, %o0
        ld      [%o0], %o0
        call    putdec
         nop
        set     str_passed, %o0
        call    puts
         nop
        set     fail_count, %o0
        ld      [%o0], %o0
        call    putdec
         nop
        set     str_failed, %o0
        call    puts_crlf
         nop
        call    con_drain
         nop

        .global rom_reset
rom_reset:
        set     SYS_CONTROL, %g1
        mov     1, %g2
        sta     %g2, [%g1] ASI_BYPASS           ! system reset
8:      ba      8b
         nop

! ================================================================ traps
! trap_dispatch: %l0 = PSR, %l3 = TBR from the table slot.  Converts %l3
! to tt and jumps through trap_vec[tt].  No cc-setting instruction is used
! anywhere on the trap paths unless the handler restores the PSR.
        .align  4
        .global trap_dispatch
trap_dispatch:
        srl     %l3, 4, %l3
        and     %l3, 0xff, %l3
        sll     %l3, 2, %l4
        sethi   %hi(trap_vec), %l5
        or      %l5, %lo(trap_vec), %l5
        ld      [%l5 + %l4], %l4
        jmp     %l4
         nop

! TRAP_RECORD: fill trap_rec from a trap window.  Uses only %l4-%l6 (the
! outs of a trap window may be the ins of the oldest valid window, so no
! call and no %o register here).  Changes icc: the handler restores the
! PSR from %l0 before returning.
        .macro  TRAP_RECORD
        sethi   %hi(trap_rec), %l4
        or      %l4, %lo(trap_rec), %l4
        ld      [%l4 + TR_COUNT], %l5
        inc     %l5
        st      %l5, [%l4 + TR_COUNT]
        st      %l3, [%l4 + TR_TT]
        st      %l1, [%l4 + TR_PC]
        st      %l2, [%l4 + TR_NPC]
        st      %l0, [%l4 + TR_PSR]
        rd      %tbr, %l5
        st      %l5, [%l4 + TR_TBR]
        ld      [%l4 + TR_ARMED], %l5
        tst     %l5
        bne     .Lrec_done\@
         nop
        ld      [%l4 + TR_UNEXP], %l5
        tst     %l5
        bne     .Lrec_more\@
         inc    %l5
        st      %l3, [%l4 + TR_UNEXP_TT]
        st      %l1, [%l4 + TR_UNEXP_PC]
.Lrec_more\@:
        st      %l5, [%l4 + TR_UNEXP]
.Lrec_done\@:
        .endm

! trap_generic: record the trap and skip the trapped instruction.
        .global trap_generic
trap_generic:
        TRAP_RECORD
        wr      %l0, %psr                       ! restore icc
        nop
        nop
        nop
        jmp     %l2
         rett   %l2 + 4

! trap_retry: record the trap and re-execute the trapped instruction
! (for handlers that fix the cause first; tests install it explicitly).
        .global trap_retry
trap_retry:
        TRAP_RECORD
        wr      %l0, %psr
        nop
        nop
        nop
        jmp     %l1
         rett   %l2

! trap_irq: interrupt level tt - 0x10.  Record, clear that level's soft
! interrupt in the per-CPU interrupt controller, return to the
! interrupted instruction.
        .global trap_irq
trap_irq:
        TRAP_RECORD
        sub     %l3, TT_IRQ, %l4
        mov     1, %l5
        sll     %l5, %l4, %l5
        sll     %l5, 16, %l5
        sethi   %hi(INTC_CPU0 + INTC_CPU_CLEAR), %l6
        or      %l6, %lo(INTC_CPU0 + INTC_CPU_CLEAR), %l6
        sta     %l5, [%l6] ASI_BYPASS
        wr      %l0, %psr
        nop
        nop
        nop
        jmp     %l1
         rett   %l2

! trap_super: "ta 0x7f" - set PS so that rett returns in supervisor mode.
        .global trap_super
trap_super:
        or      %l0, PSR_PS, %l0
        wr      %l0, %psr
        nop
        nop
        nop
        jmp     %l2
         rett   %l2 + 4

! trap_wovf: window_overflow.  The trap window T is the invalid one; the
! oldest valid window is T - 1.  Spill its locals and ins to its %sp, make
! T - 1 the invalid window, and re-execute the save.
        .global trap_wovf
trap_wovf:
        sethi   %hi(trap_rec + TR_WOVF), %l4
        ld      [%l4 + %lo(trap_rec + TR_WOVF)], %l5
        inc     %l5                             ! inc = add, no cc
        st      %l5, [%l4 + %lo(trap_rec + TR_WOVF)]
        mov     %g1, %l7
        rd      %wim, %l3
        srl     %l3, 1, %g1                     ! rotate WIM right by 1
        sll     %l3, NWINDOWS - 1, %l4
        or      %l4, %g1, %g1
        save                                    ! into window T - 1
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

! trap_wunf: window_underflow.  A restore from window W wanted W + 1,
! which is invalid.  Rotate WIM left by 1 (W + 2 becomes invalid), move to
! W + 1 (two restores from the trap window W - 1), fill it from its %sp,
! and come back to re-execute the restore.
        .global trap_wunf
trap_wunf:
        sethi   %hi(trap_rec + TR_WUNF), %l4
        ld      [%l4 + %lo(trap_rec + TR_WUNF)], %l5
        inc     %l5
        st      %l5, [%l4 + %lo(trap_rec + TR_WUNF)]
        rd      %wim, %l3
        sll     %l3, 1, %l4
        srl     %l3, NWINDOWS - 1, %l5
        or      %l5, %l4, %l5
        wr      %l5, %wim
        nop
        nop
        nop
        restore                                 ! to W
        restore                                 ! to W + 1
        ldd     [%sp + 0], %l0
        ldd     [%sp + 8], %l2
        ldd     [%sp + 16], %l4
        ldd     [%sp + 24], %l6
        ldd     [%sp + 32], %i0
        ldd     [%sp + 40], %i2
        ldd     [%sp + 48], %i4
        ldd     [%sp + 56], %i6
        save
        save                                    ! back to W - 1
        jmp     %l1
         rett   %l2

! ================================================================ helpers
! flush_windows: spill every window but the caller's to the stack, so that
! afterwards WIM = 1 << (CWP + 1) and the next restore underflows.
        .global flush_windows
flush_windows:
        save    %sp, -96, %sp
        save    %sp, -96, %sp
        save    %sp, -96, %sp
        save    %sp, -96, %sp
        save    %sp, -96, %sp
        save    %sp, -96, %sp
        save    %sp, -96, %sp
        restore
        restore
        restore
        restore
        restore
        restore
        ret
         restore

! trap_clear: zero the trap record count and arm it.
        .global trap_clear
trap_clear:
        set     trap_rec, %o0
        st      %g0, [%o0 + TR_COUNT]
        st      %g0, [%o0 + TR_TT]
        st      %g0, [%o0 + TR_PC]
        st      %g0, [%o0 + TR_NPC]
        mov     1, %o1
        retl
         st     %o1, [%o0 + TR_ARMED]

! ================================================================ console
! con_init: ESCC #2 channel A, 9600 8N1, polled.
        .global con_init
con_init:
        set     ESCC2_A_CTL, %o0
        set     escc_init_tab, %o1
1:      ldub    [%o1], %o2
        cmp     %o2, 0xff
        be      2f
         nop
        stba    %o2, [%o0] ASI_BYPASS
        ba      1b
         inc    %o1
2:      retl
         nop

        .section .rodata
escc_init_tab:                          ! WR number, value pairs; 0xff ends
        .byte   9, 0x80                 ! WR9: channel A reset
        .byte   4, 0x44                 ! WR4: x16 clock, 1 stop bit
        .byte   3, 0xc0                 ! WR3: Rx 8 bits (disabled)
        .byte   5, 0x60                 ! WR5: Tx 8 bits (disabled)
        .byte   9, 0x00                 ! WR9: no interrupts
        .byte   10, 0x00                ! WR10: NRZ
        .byte   11, 0x50                ! WR11: Rx/Tx clock = BRG
        .byte   12, 0x0e                ! WR12: time constant low (9600)
        .byte   13, 0x00                ! WR13: time constant high
        .byte   14, 0x03                ! WR14: BRG from PCLK, enabled
        .byte   3, 0xc1                 ! WR3: Rx enable
        .byte   5, 0xea                 ! WR5: DTR, Tx 8 bits, Tx enable, RTS
        .byte   1, 0x00                 ! WR1: no interrupts
        .byte   0xff
        .text

! putc(%o0 = char): wait for RR0 bit 2 (Tx buffer empty), write data.
        .global putc
putc:
        set     ESCC2_A_CTL, %o1
1:      lduba   [%o1] ASI_BYPASS, %o2           ! RR0
        btst    4, %o2
        be      1b
         nop
        add     %o1, 2, %o1                     ! data register
        retl
         stba   %o0, [%o1] ASI_BYPASS

! con_drain: wait until the last character has left (RR0 Tx empty and
! RR1 bit 0 all sent).
        .global con_drain
con_drain:
        set     ESCC2_A_CTL, %o1
1:      lduba   [%o1] ASI_BYPASS, %o2
        btst    4, %o2
        be      1b
         mov    1, %o3
        stba    %o3, [%o1] ASI_BYPASS           ! point at RR1
        lduba   [%o1] ASI_BYPASS, %o2
        btst    1, %o2
        be      1b
         nop
        retl
         nop

! puts(%o0 = string)
        .global puts
puts:
        save    %sp, -96, %sp
1:      ldub    [%i0], %o0
        tst     %o0
        be      2f
         nop
        call    putc
         inc    %i0
        ba      1b
         nop
2:      ret
         restore

        .global putcrlf
putcrlf:
        save    %sp, -96, %sp
        call    putc
         mov    13, %o0
        call    putc
         mov    10, %o0
        ret
         restore

        .global puts_crlf
puts_crlf:
        save    %sp, -96, %sp
        call    puts
         mov    %i0, %o0
        call    putcrlf
         nop
        ret
         restore

! puthex(%o0): 8 hex digits.  puthex2(%o0): 2 hex digits.
        .global puthex
puthex:
        save    %sp, -96, %sp
        mov     28, %l0
        ba      1f
         nop
        .global puthex2
puthex2:
        save    %sp, -96, %sp
        mov     4, %l0
1:      srl     %i0, %l0, %o0
        and     %o0, 15, %o0
        set     hexdigits, %o1
        ldub    [%o1 + %o0], %o0
        call    putc
         nop
        subcc   %l0, 4, %l0
        bge     1b
         nop
        ret
         restore

! putdec(%o0): unsigned decimal, no leading zeros (repeated subtraction,
! so it does not depend on the divide instructions under test).
        .global putdec
putdec:
        save    %sp, -96, %sp
        set     pow10, %l0                      ! 10^9 ... 10^0
        clr     %l2                             ! printed a digit yet?
1:      ld      [%l0], %l1
        tst     %l1
        be      4f
         clr    %l3
2:      cmp     %i0, %l1
        blu     3f
         nop
        sub     %i0, %l1, %i0
        ba      2b
         inc    %l3
3:      orcc    %l2, %l3, %g0
        bne     5f
         nop
        cmp     %l1, 1                          ! always print the last
        bne     6f
         nop
5:      mov     1, %l2
        call    putc
         add    %l3, '0', %o0
6:      ba      1b
         add    %l0, 4, %l0
4:      ret
         restore

! puticc(%o0 = 4-bit NZVC): "N-V-" style.
        .global puticc
puticc:
        save    %sp, -96, %sp
        mov     3, %l0
        set     iccnames, %l1
1:      srl     %i0, %l0, %o0
        btst    1, %o0
        be      2f
         mov    '-', %o0
        ldub    [%l1], %o0
2:      call    putc
         inc    %l1
        subcc   %l0, 1, %l0
        bge     1b
         nop
        ret
         restore

! ================================================================ checks
! report_pass(%o0 = name): "PASS name"
        .global report_pass
report_pass:
        save    %sp, -96, %sp
        set     pass_count, %o0
        ld      [%o0], %o1
        inc     %o1
        st      %o1, [%o0]
        set     str_pass, %o0
        call    puts
         nop
        call    puts_crlf
         mov    %i0, %o0
        ret
         restore

! report_fail(%o0 = name): "FAIL name: " (caller finishes the line).
        .global report_fail
report_fail:
        save    %sp, -96, %sp
        set     fail_count, %o0
        ld      [%o0], %o1
        inc     %o1
        st      %o1, [%o0]
        set     str_fail, %o0
        call    puts
         nop
        call    puts
         mov    %i0, %o0
        set     str_colon, %o0
        call    puts
         nop
        ret
         restore

! put_got_want(%o0 = got, %o1 = want): "got 0x... want 0x..."
put_got_want:
        save    %sp, -96, %sp
        set     str_got, %o0
        call    puts
         nop
        call    puthex
         mov    %i0, %o0
        set     str_want, %o0
        call    puts
         nop
        call    puthex
         mov    %i1, %o0
        ret
         restore

! check_eq(%o0 = actual, %o1 = expected, %o2 = name)
        .global check_eq
check_eq:
        save    %sp, -96, %sp
        cmp     %i0, %i1
        bne     1f
         nop
        call    report_pass
         mov    %i2, %o0
        ret
         restore
1:      call    report_fail
         mov    %i2, %o0
        mov     %i0, %o0
        call    put_got_want
         mov    %i1, %o1
        call    putcrlf
         nop
        ret
         restore

! check_icc(%o0 = raw PSR, %o1 = expected icc, %o2 = name)
        .global check_icc
check_icc:
        save    %sp, -96, %sp
        srl     %i0, 20, %l0
        and     %l0, 15, %l0
        cmp     %l0, %i1
        bne     1f
         nop
        call    report_pass
         mov    %i2, %o0
        ret
         restore
1:      call    report_fail
         mov    %i2, %o0
        set     str_icc_got, %o0
        call    puts
         nop
        call    puticc
         mov    %l0, %o0
        set     str_want_icc, %o0
        call    puts
         nop
        call    puticc
         mov    %i1, %o0
        call    putcrlf
         nop
        ret
         restore

! check_rcc(%o0 = actual, %o1 = expected, %o2 = name, %o3 = raw PSR,
!           %o4 = expected icc)
        .global check_rcc
check_rcc:
        save    %sp, -96, %sp
        srl     %i3, 20, %l0
        and     %l0, 15, %l0
        cmp     %i0, %i1
        bne     1f
         cmp    %l0, %i4
        bne     1f
         nop
        call    report_pass
         mov    %i2, %o0
        ret
         restore
1:      call    report_fail
         mov    %i2, %o0
        set     str_got, %o0
        call    puts
         nop
        call    puthex
         mov    %i0, %o0
        set     str_icc, %o0
        call    puts
         nop
        call    puticc
         mov    %l0, %o0
        set     str_want, %o0
        call    puts
         nop
        call    puthex
         mov    %i1, %o0
        set     str_icc, %o0
        call    puts
         nop
        call    puticc
         mov    %i4, %o0
        call    putcrlf
         nop
        ret
         restore

! check_trap(%o0 = tt, %o1 = pc, %o2 = npc, %o3 = name); pc = npc = -1
! means "do not compare PC / nPC".
        .global check_trap
check_trap:
        save    %sp, -96, %sp
        set     trap_rec, %l0
        st      %g0, [%l0 + TR_ARMED]
        ld      [%l0 + TR_COUNT], %l1
        ld      [%l0 + TR_TT], %l2
        ld      [%l0 + TR_PC], %l3
        ld      [%l0 + TR_NPC], %l4
        cmp     %i1, -1
        bne     1f
         nop
        mov     -1, %l3                         ! PC not compared
        mov     -1, %l4
1:      cmp     %l1, 1
        bne     2f
         cmp    %l2, %i0
        bne     2f
         cmp    %l3, %i1
        bne     2f
         cmp    %l4, %i2
        bne     2f
         nop
        call    report_pass
         mov    %i3, %o0
        ret
         restore
2:      call    report_fail
         mov    %i3, %o0
        set     str_count, %o0
        call    puts
         nop
        call    putdec
         mov    %l1, %o0
        set     str_tt, %o0
        call    puts
         nop
        call    puthex2
         mov    %l2, %o0
        cmp     %i1, -1
        be      3f
         nop
        set     str_pc, %o0
        call    puts
         nop
        call    puthex
         mov    %l3, %o0
        set     str_npc, %o0
        call    puts
         nop
        call    puthex
         mov    %l4, %o0
3:      set     str_want_tt, %o0
        call    puts
         nop
        call    puthex2
         mov    %i0, %o0
        cmp     %i1, -1
        be      4f
         nop
        set     str_pc, %o0
        call    puts
         nop
        call    puthex
         mov    %i1, %o0
        set     str_npc, %o0
        call    puts
         nop
        call    puthex
         mov    %i2, %o0
4:      call    putcrlf
         nop
        ret
         restore

! check_notrap(%o0 = name)
        .global check_notrap
check_notrap:
        save    %sp, -96, %sp
        set     trap_rec, %l0
        st      %g0, [%l0 + TR_ARMED]
        ld      [%l0 + TR_COUNT], %l1
        tst     %l1
        bne     1f
         nop
        call    report_pass
         mov    %i0, %o0
        ret
         restore
1:      call    report_fail
         mov    %i0, %o0
        set     str_count, %o0
        call    puts
         nop
        call    putdec
         mov    %l1, %o0
        set     str_tt, %o0
        call    puts
         nop
        call    puthex2
         ld     [%l0 + TR_TT], %o0
        set     str_pc, %o0
        call    puts
         nop
        call    puthex
         ld     [%l0 + TR_PC], %o0
        call    putcrlf
         nop
        ret
         restore

! ================================================================ data
        .section .rodata
        .align  4
pow10:  .word   1000000000, 100000000, 10000000, 1000000, 100000
        .word   10000, 1000, 100, 10, 1, 0
hexdigits:
        .ascii  "0123456789abcdef"
iccnames:
        .ascii  "NZVC"
str_start:      .asciz  "START "
str_done:       .asciz  "DONE "
str_pass:       .asciz  "PASS "
str_fail:       .asciz  "FAIL "
str_colon:      .asciz  ": "
str_passed:     .asciz  " passed, "
str_failed:     .asciz  " failed"
str_got:        .asciz  "got 0x"
str_want:       .asciz  " want 0x"
str_icc:        .asciz  " icc "
str_icc_got:    .asciz  "icc "
str_want_icc:   .asciz  " want "
str_count:      .asciz  "traps "
str_tt:         .asciz  " tt 0x"
str_pc:         .asciz  " pc 0x"
str_npc:        .asciz  " npc 0x"
str_want_tt:    .asciz  ", want tt 0x"
str_unexp:      .asciz  "FAIL unexpected traps: "
str_first_tt:   .asciz  ", first tt 0x"

        .section .bss
        .align  8
        .global trap_rec, trap_vec, pass_count, fail_count
trap_rec:       .skip   TR_SIZE
pass_count:     .skip   4
fail_count:     .skip   4
trap_vec:       .skip   256 * 4
