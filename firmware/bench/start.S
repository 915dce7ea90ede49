! start.S - trap table, trap policy and result line of the benchmark ROMs
! (conventions in bench.inc).  Linked with the shared PROM code of
! firmware/lib: start.S (start-up), wintrap.S (window spill / fill) and
! console.S (ttya output, machine reset).
!
! firmware/lib/start.S clears the register windows, copies the image to
! RAM, leaves boot mode, clears .bss, sets TBR = 0, WIM = 2 and the stack,
! and jumps to rom_start (here, ET = 0), which
!  1. sets ET = 1, EF = 1, PIL = 15, FSR = 0,
!  2. initialises ttya (76800 8N1), calls bench_main, prints
!     "NAME result 0xXXXXXXXX" and resets the machine through the system
!     control register (with -no-reboot this ends both simulators).
!
! Trap table: window_overflow (5) and window_underflow (6) go straight to
! the usual V8 spill / fill handlers; any other trap prints
! "TRAP tt 0xNN pc 0xXXXXXXXX" and resets, so a broken run cannot print a
! result line.

        .include "bench.inc"

! ================================================================ trap table
! Every slot is 16 bytes.  The non-window slots record PSR and TBR in %l0
! and %l3 (the trap hardware already put PC / nPC in %l1 / %l2); the
! window slots put WIM in %l3 for firmware/lib/wintrap.S.
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
        ba      win_overflow            ! tt 5: window_overflow
         rd     %wim, %l3
        nop
        nop
        ba      win_underflow           ! tt 6: window_underflow
         rd     %wim, %l3
        nop
        nop
        .rept   256 - TT_WUNF - 1       ! tt 7 .. 255
        BAD_SLOT
        .endr

! ================================================================ start-up
! rom_start: entered from _start (firmware/lib/start.S) with ET = 0,
! CWP = 0, WIM = 2, TBR = 0, a valid stack and %g1-%g7 = 0.
        .text
        .align  4
        .global rom_start
rom_start:
        set     PSR_S | PSR_PS | PSR_PIL | PSR_EF, %o0
        wr      %o0, PSR_ET, %psr               ! wr xors: ET = 1
        nop
        nop
        nop
        set     fsr_init, %o0
        ld      [%o0], %fsr                     ! RN, no traps enabled

        set     escc_init_tab, %o0
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
        call    putcrlf
         nop
        call    machine_reset
         nop

! ================================================================ traps
! trap_bad: any other trap.  ET = 0 here, so only the leaf console
! routines (no save) are called.  %l0 = PSR, %l1 = PC, %l3 = TBR.
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
        call    putcrlf
         nop
        call    machine_reset
         nop

! ================================================================ data
! ttya at 76800 8N1 (time constant 0), Tx enabled, DTR and RTS off.  The
! fast rate keeps the polling for the result line short on a simulator
! that models the line speed (about 250 thousand instructions, 2 million
! at 9600 baud); QEMU sends at once.
        ESCC_INIT_TABLE escc_init_tab, 0x00, 0x68

        .section .rodata
        .align  4
fsr_init:
        .word   0
str_result:
        .asciz  " result 0x"
str_trap:
        .asciz  "TRAP tt 0x"
str_pc:
        .asciz  " pc 0x"
