! start.S - start-up, trap table, window trap handlers and console for the
! benchmark ROMs (conventions in bench.inc).
!
! Machine: SPARCstation-5 (sun4m, MB86904).  After reset PC = 0, S = 1,
! ET = 0 and the MMU control register has E = 0, BM = 1: instruction
! fetches come from the PROM (PA 0x70000000 + (VA & 0x7ffff)) while data
! accesses with E = 0 go to PA = VA, i.e. to RAM.  The start-up
!  1. clears every register window, WIM = 0,
!  2. copies the image from the PROM to RAM at 0 with bypass loads,
!  3. writes MMU control = 0 (BM = 0), so fetches come from RAM at the same
!     addresses, and clears .bss,
!  4. TBR = 0, CWP = 0, WIM = 2, %sp = STACK_TOP - 96, then ET = 1, EF = 1,
!     PIL = 15, FSR = 0,
!  5. initialises ttya, calls bench_main, prints "NAME result 0xXXXXXXXX"
!     and resets the machine through the system control register (with
!     -no-reboot this ends both simulators).
!
! Trap table: window_overflow (5) and window_underflow (6) go straight to
! the usual V8 spill / fill handlers; any other trap prints
! "TRAP tt 0xNN pc 0xXXXXXXXX" and resets, so a broken run cannot print a
! result line.

        .include "bench.inc"

        TT_WOVF         = 0x05
        TT_WUNF         = 0x06

! ================================================================ trap table
! Every slot is 16 bytes.  The non-window slots record PSR and TBR in %l0
! and %l3 (the trap hardware already put PC / nPC in %l1 / %l2).
        .macro  BAD_SLOT
        rd      %psr, %l0
        ba      trap_bad
         rd     %tbr, %l3
        nop
        .endm

        .section .text.traptable, "ax"
        .align  4096
        .global trap_table
trap_table:
        ba      _start                  ! tt 0: reset
         nop
        nop
        nop
        .rept   TT_WOVF - 1             ! tt 1 .. 4
        BAD_SLOT
        .endr
        ba      trap_wovf               ! tt 5: window_overflow
         rd     %wim, %l3
        nop
        nop
        ba      trap_wunf               ! tt 6: window_underflow
         rd     %wim, %l3
        nop
        nop
        .rept   256 - TT_WUNF - 1       ! tt 7 .. 255
        BAD_SLOT
        .endr

! ================================================================ start-up
        .text
        .align  4
        .global _start
_start:
        set     PSR_S | PSR_PS | PSR_PIL, %g1   ! ET = 0, CWP = 0
        wr      %g1, %psr
        wr      %g0, %wim                       ! every window valid
        nop
        nop
        nop

        ! Zero the locals and outs of every window (the ins are the outs
        ! of the neighbour) so that nothing depends on reset contents.
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
        subcc   %g1, 1, %g1
        bne     1b
         save                                   ! ends back at CWP 0

        ! Copy the image to RAM at its link address.
        set     PROM_BASE, %g2
        set     _image_end, %g3
        clr     %g4
2:      lda     [%g2 + %g4] ASI_BYPASS, %g5
        st      %g5, [%g4]
        add     %g4, 4, %g4
        cmp     %g4, %g3
        blu     2b
         nop

        ! MMU control = 0: E = 0, NF = 0, BM = 0; fetches now come from RAM.
        sta     %g0, [%g0] ASI_MMUREGS
        nop
        nop
        nop

        set     _bss_start, %g2
        set     _bss_end, %g3
3:      cmp     %g2, %g3
        bgeu    4f
         nop
        st      %g0, [%g2]
        ba      3b
         add    %g2, 4, %g2
4:
        wr      %g0, %tbr                       ! TBA = 0: trap_table
        wr      %g0, 2, %wim                    ! window 1 invalid
        nop
        nop
        nop
        set     STACK_TOP - 96, %sp
        clr     %fp
        set     PSR_S | PSR_PS | PSR_PIL | PSR_EF, %g1
        wr      %g1, PSR_ET, %psr               ! wr xors: ET = 1
        nop
        nop
        nop
        set     fsr_init, %g1
        ld      [%g1], %fsr                     ! RN, no traps enabled
        clr     %g1
        clr     %g2
        clr     %g3
        clr     %g4
        clr     %g5
        clr     %g6
        clr     %g7

        call    con_init
         nop

        call    bench_main
         nop
        mov     %o0, %l0                        ! the result

        set     bench_name, %o0
        call    puts
         nop
        set     str_result, %o0
        call    puts
         nop
        call    puthex
         mov    %l0, %o0
        set     str_crlf, %o0
        call    puts
         nop
        ba      reset
         nop

! ================================================================ traps
! trap_wovf: a save found the next window invalid.  The trap window T
! (where we are) is the invalid one; T - 1 is the oldest window still in
! use.  Make T - 1 invalid (rotate WIM right by one), move there, write
! its locals and ins to the 64-byte save area at its %sp, come back and
! re-execute the save.  %l3 = WIM (read in the table slot).
trap_wovf:
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

! trap_wunf: a restore in window W found W + 1 invalid; the trap window is
! W - 1.  Make W + 2 invalid (rotate WIM left by one), go to W + 1, read
! its locals and ins back from its %sp, return to W - 1 and re-execute
! the restore.  %l3 = WIM.
trap_wunf:
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

! trap_bad: any other trap.  ET = 0 here, so only leaf routines (no save)
! are called.  %l0 = PSR, %l1 = PC, %l3 = TBR.
trap_bad:
        set     str_trap, %o0
        call    puts
         nop
        srl     %l3, 4, %o0
        call    puthex2
         and    %o0, 0xff, %o0
        set     str_pc, %o0
        call    puts
         nop
        call    puthex
         mov    %l1, %o0
        set     str_crlf, %o0
        call    puts
         nop
        ! fall through

! reset: wait until ttya has sent everything, then system reset.
reset:
        set     ESCC2_A_CTL, %o1
1:      lduba   [%o1] ASI_BYPASS, %o2           ! RR0
        btst    4, %o2                          ! Tx buffer empty
        be      1b
         mov    1, %o3
        stba    %o3, [%o1] ASI_BYPASS           ! next read: RR1
        lduba   [%o1] ASI_BYPASS, %o2
        btst    1, %o2                          ! all sent
        be      1b
         nop
        set     SYS_CONTROL, %g1
        mov     1, %g2
        sta     %g2, [%g1] ASI_BYPASS
2:      ba      2b
         nop

! ================================================================ console
! All console routines are leaves (no save) so that trap_bad can use them
! with ET = 0.  They clobber %o0-%o5.

! con_init: ESCC #2 channel A (ttya), 76800 8N1, polled.  The fast rate
! keeps the polling for the result line short on a simulator that models
! the line speed (about 250 thousand instructions, 2 million at 9600
! baud); QEMU sends at once.
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

! putc_o2: send %o2 on ttya; %o1 = control register, %o4 = data register.
! Polls RR0 bit 2 (Tx buffer empty).  Local to puts / puthex.
        .macro  PUTC_O2
.Lpoll\@:
        lduba   [%o1] ASI_BYPASS, %o3
        btst    4, %o3
        be      .Lpoll\@
         nop
        stba    %o2, [%o4] ASI_BYPASS
        .endm

! puts(%o0 = NUL-terminated string)
puts:
        set     ESCC2_A_CTL, %o1
        add     %o1, 2, %o4                     ! data register
1:      ldub    [%o0], %o2
        tst     %o2
        be      2f
         inc    %o0
        PUTC_O2
        ba      1b
         nop
2:      retl
         nop

! puthex(%o0): eight lower-case hex digits; puthex2(%o0): two.
puthex:
        ba      1f
         mov    28, %o5
puthex2:
        mov     4, %o5
1:      set     ESCC2_A_CTL, %o1
        add     %o1, 2, %o4
3:      srl     %o0, %o5, %o2
        and     %o2, 15, %o2
        cmp     %o2, 10
        bl      2f
         add    %o2, '0', %o2
        add     %o2, 'a' - '0' - 10, %o2
2:      PUTC_O2
        subcc   %o5, 4, %o5
        bge     3b
         nop
        retl
         nop

! ================================================================ data
        .section .rodata
        .align  4
fsr_init:
        .word   0
escc_init_tab:                          ! WR number, value pairs; 0xff ends
        .byte   9, 0x80                 ! WR9: channel A reset
        .byte   4, 0x44                 ! WR4: x16 clock, 1 stop bit
        .byte   3, 0xc0                 ! WR3: Rx 8 bits, disabled
        .byte   5, 0x60                 ! WR5: Tx 8 bits, disabled
        .byte   9, 0x00                 ! WR9: no interrupts
        .byte   10, 0x00                ! WR10: NRZ
        .byte   11, 0x50                ! WR11: Rx and Tx clock = BRG
        .byte   12, 0x00                ! WR12: time constant low: PCLK
                                        ! 4.9152 MHz / (2 * 16 * (0 + 2))
        .byte   13, 0x00                ! WR13: time constant high
        .byte   14, 0x03                ! WR14: BRG from PCLK, enabled
        .byte   3, 0xc1                 ! WR3: Rx enable
        .byte   5, 0x68                 ! WR5: Tx 8 bits, Tx enable
        .byte   1, 0x00                 ! WR1: no interrupts
        .byte   0xff
str_result:
        .asciz  " result 0x"
str_trap:
        .asciz  "TRAP tt 0x"
str_pc:
        .asciz  " pc 0x"
str_crlf:
        .asciz  "\r\n"
