! common.S - trap table, trap handlers, console and check routines shared
! by every SPARC V8 ROM test (see README.md).  Linked with the shared
! PROM code of firmware/lib: start.S (start-up), wintrap.S (window
! spill / fill) and console.S (ttya output, machine reset).
!
! firmware/lib/start.S clears the register windows, copies the image to
! RAM, leaves boot mode, clears .bss, sets TBR = 0, WIM = 2 and the stack,
! and jumps to rom_start (here, ET = 0) which
!  1. fills the trap vector table, sets ET = 1 with PIL = 15,
!  2. initialises ttya (9600 8N1), prints "START name", calls rom_main,
!     prints "DONE name: P passed, F failed" and resets the machine
!     through the system control register (-no-reboot ends QEMU).
!
! Trap table: slot 0 branches to the start-up; every other slot jumps to
! trap_dispatch, which indexes trap_vec[tt] (RAM, so tests can replace
! handlers with SET_TRAP_HANDLER).  Defaults:
!   0x05 trap_wovf      counts, then the standard V8 window-overflow spill
!   0x06 trap_wunf      counts, then the standard V8 window-underflow fill
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
! rom_start: entered from _start (firmware/lib/start.S) with ET = 0,
! CWP = 0, WIM = 2, TBR = 0, a valid stack and %g1-%g7 = 0.
        .text
        .align  4
        .global rom_start
rom_start:
        ! Trap vectors: all trap_generic, then the special ones.
        set     trap_vec, %o0
        set     trap_generic, %o1
        mov     256, %o2
5:      st      %o1, [%o0]
        subcc   %o2, 1, %o2
        bne     5b
         add    %o0, 4, %o0
        set     trap_vec, %o0
        set     trap_wovf, %o1
        st      %o1, [%o0 + 4 * TT_WOVF]
        set     trap_wunf, %o1
        st      %o1, [%o0 + 4 * TT_WUNF]
        set     trap_irq, %o1
        mov     1, %o2
6:      sll     %o2, 2, %o3
        add     %o3, 4 * TT_IRQ, %o3
        st      %o1, [%o0 + %o3]
        add     %o2, 1, %o2
        cmp     %o2, 16
        bne     6b
         nop
        set     trap_super, %o1
        st      %o1, [%o0 + 4 * (TT_TICC + SWTRAP_SUPER)]

        set     PSR_S | PSR_PS | PSR_PIL, %o0
        wr      %o0, PSR_ET, %psr               ! wr xors: ET = 1
        nop
        nop
        nop

        set     escc_init_tab, %o0
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
        call    machine_reset                   ! drains ttya first
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

! trap_wovf: window_overflow.  Count it, then spill the oldest valid
! window (firmware/lib/wintrap.S, which wants %l3 = WIM).
        .global trap_wovf
trap_wovf:
        sethi   %hi(trap_rec + TR_WOVF), %l4
        ld      [%l4 + %lo(trap_rec + TR_WOVF)], %l5
        inc     %l5                             ! inc = add, no cc
        st      %l5, [%l4 + %lo(trap_rec + TR_WOVF)]
        ba      win_overflow
         rd     %wim, %l3

! trap_wunf: window_underflow.  Count it, then fill the window the restore
! goes to (firmware/lib/wintrap.S, %l3 = WIM).
        .global trap_wunf
trap_wunf:
        sethi   %hi(trap_rec + TR_WUNF), %l4
        ld      [%l4 + %lo(trap_rec + TR_WUNF)], %l5
        inc     %l5
        st      %l5, [%l4 + %lo(trap_rec + TR_WUNF)]
        ba      win_underflow
         rd     %wim, %l3

! ================================================================ helpers
! flush_windows: spill every window but the caller's to the stack, so that
! afterwards WIM = 1 << (CWP + 1) and the next restore underflows.
        .global flush_windows
flush_windows:
        .rept   7
        save    %sp, -96, %sp
        .endr
        .rept   6
        restore
        .endr
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
! con_init, putc, puts, putcrlf, puthex, puthex2 and con_drain are in
! firmware/lib/console.S (leaf routines, clobber %o0-%o5).  ttya runs at
! 9600 8N1 with DTR and RTS set.
        ESCC_INIT_TABLE escc_init_tab, 0x0e, 0xea

! puts_crlf(%o0 = string): the string, then CR LF.
        .global puts_crlf
puts_crlf:
        save    %sp, -96, %sp
        call    puts
         mov    %i0, %o0
        call    putcrlf
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
