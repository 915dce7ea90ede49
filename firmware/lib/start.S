! start.S - machine start-up shared by every PROM image (test ROMs and
! benchmark ROMs): runs from the boot PROM, copies the image to RAM,
! leaves boot mode and jumps to rom_start, which each ROM family provides.
!
! Machine: SPARCstation-5 (sun4m, MB86904).  After reset PC = 0, PSR.S = 1,
! ET = 0 and the MMU control register has E = 0, BM = 1: instruction
! fetches come from the PROM (PA 0x70000000 | (VA & 0x7ffff)) while data
! accesses with E = 0 go to PA = VA, i.e. to RAM.  _start
!  1. sets PSR = S, PS, PIL 15, ET = 0, CWP = 0 and WIM = 0, and clears
!     the locals and outs of every register window,
!  2. copies the image (linked at 0, up to _image_end) from the PROM into
!     RAM at 0 with bypass loads (ASI 0x20),
!  3. writes MMU control = 0 (E = 0, NF = 0, BM = 0), so fetches come from
!     RAM, which holds the same code at the same addresses, and clears
!     .bss (_bss_start to _bss_end, from the linker script),
!  4. sets TBR = 0 (the ROM's trap table is the first 4 KB of the image),
!     WIM = 2 (window 1 invalid), %sp = STACK_TOP - 96, %fp = 0 and clears
!     %g1-%g7,
!  5. jumps to rom_start with traps still disabled (ET = 0); rom_start
!     finishes the set-up (PSR.ET, FPU, console) and runs the ROM.

        .include "sun4m.inc"

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
        subcc   %g1, 1, %g1
        bne     1b
         save                                   ! ends back at CWP 0

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
        ! RAM.
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
        ba      rom_start
         clr    %g7
