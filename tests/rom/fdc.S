! fdc.S - the 82077AA floppy disk controller at PA 0x71400000, driven
! the way PROM code drives it: reset, the post-reset polling interrupt
! and its four SENSE INTERRUPT STATUS answers, SPECIFY, DUMPREG, VERSION,
! CONFIGURE, LOCK, PERPENDICULAR MODE, SEEK and RELATIVE SEEK on drive 0,
! invalid opcodes, the interrupt through the SLAVIO (source 22, level 11),
! and bad accesses the chip ignores.  MSR is checked after every byte:
! 80h waiting for a command, 90h for parameters, D0h with result bytes.
!
! Every answer here is the same with or without a drive on the cable
! (hw/chips/fdc.c): a seek only counts pulses against the chip's PCN.
!
! Known differences from QEMU (left out; tests/rom/README.md): QEMU has
! always an empty drive 0 and no absent drive (RECALIBRATE, SENSE DRIVE
! STATUS, the SRA drive inputs and DIR answer for that drive); it answers
! PART ID (18h), which the 82077AA does not have; it raises the reset
! interrupt at once, whatever CONFIGURE says about polling, and lowers it
! when any result is read (here it stays up until the fourth SENSEI, and a
! SENSEI sent before the polling pass finds nothing); READ ID succeeds
! and READ DATA fails at once (the chip waits forever for index pulses);
! MSR never shows drive-busy bits (the tests mask them); DUMPREG shows
! SRT without HUT, SC/EOT from its disk geometry and CONFIGURE 60h after
! power-on; without LOCK a reset keeps CONFIGURE; the DOR reads back the
! drive of the last command; SRA shows only INT and DRV2#, DIR only bit
! 7; TDR keeps bit 2 only; reading MSR during a DOR reset cancels the
! reset.

        .include "rom.inc"

        FDC             = 0x71400000
        FDC_SRA         = 0
        FDC_SRB         = 1
        FDC_DOR         = 2
        FDC_TDR         = 3
        FDC_MSR         = 4             ! read
        FDC_DSR         = 4             ! write
        FDC_FIFO        = 5
        FDC_CCR         = 7             ! write
        SYS_SETMASK     = 0x0c          ! INTC_SYS registers
        SYS_CLEARMASK   = 0x08
        FLOPPY_BIT      = 1 << 22

! FDC_RD off, reg: reg = register byte
        .macro  FDC_RD off, reg
        call    fdc_rd
         mov    \off, %o0
        mov     %o0, \reg
        .endm

! FDC_WR off, value
        .macro  FDC_WR off, val
        mov     \val, %o1
        call    fdc_wr
         mov    \off, %o0
        .endm

! FDC_OUT byte: one command byte, once MSR says RQM and not DIO
        .macro  FDC_OUT b
        call    fdc_out
         mov    \b, %o0
        .endm

! FDC_IN reg: one result byte, once MSR says RQM, DIO and CB (-1 if never)
        .macro  FDC_IN reg
        call    fdc_in
         nop
        mov     %o0, \reg
        .endm

! CHECK_MSR value, mask, "name"
        .macro  CHECK_MSR val, mask, name
        FDC_RD  FDC_MSR, %l7
        and     %l7, \mask, %l7
        CHECK_EQ %l7, \val, "\name"
        .endm

! CHECK_INT value (0 or 1), "name": SRA bit 7, the INT output
        .macro  CHECK_INT val, name
        FDC_RD  FDC_SRA, %l7
        srl     %l7, 7, %l7
        CHECK_EQ %l7, \val, "\name"
        .endm

! WAIT_INT "name": poll SRA until INT (bounded); PASS if it came
        .macro  WAIT_INT name
        call    fdc_wait_int
         nop
        mov     %o0, %l7
        CHECK_EQ %l7, 1, "\name"
        .endm

! SENSEI st0, pcn, "tag": SENSE INTERRUPT STATUS, two answers
        .macro  SENSEI st0, pcn, tag
        FDC_OUT 0x08
        CHECK_MSR 0xd0, 0xf0, "\tag: MSR d0 after SENSEI"
        FDC_IN  %l0
        FDC_IN  %l1
        CHECK_EQ %l0, \st0, "\tag: ST0"
        CHECK_EQ %l1, \pcn, "\tag: PCN"
        CHECK_MSR 0x80, 0xff, "\tag: MSR 80 after the result"
        .endm

! ONE_BYTE op, want, "tag": a command answered by one result byte
        .macro  ONE_BYTE op, want, tag
        FDC_OUT \op
        CHECK_MSR 0xd0, 0xff, "\tag: MSR d0"
        FDC_IN  %l0
        CHECK_EQ %l0, \want, "\tag: answer"
        CHECK_MSR 0x80, 0xff, "\tag: MSR 80 after"
        .endm

! DUMPREG into dump[0..9]; %l0 = how many bytes came before MSR said 80h
        .macro  DUMPREG
        call    fdc_dumpreg
         nop
        mov     %o0, %l0
        .endm

! DUMP reg, index: reg = dump[index]
        .macro  DUMP reg, i
        set     dump, %o0
        ldub    [%o0 + \i], \reg
        .endm

        .macro  SET_PIL n
        rd      %psr, %o5
        andn    %o5, PSR_PIL, %o5
        mov     \n, %o4
        sll     %o4, 8, %o4
        or      %o5, %o4, %o5
        wr      %o5, %psr
        nop
        nop
        nop
        .endm

        ROM_BEGIN fdc

        ! ---- reset through the DOR, then the polling interrupt
        FDC_WR  FDC_DOR, 0x00
        FDC_WR  FDC_DOR, 0x0c           ! out of reset, drive 0, DMA gate
        call    fdc_wait_rqm
         nop
        CHECK_MSR 0x80, 0xff, "DOR reset: MSR 80"
        FDC_RD  FDC_DOR, %l0
        CHECK_EQ %l0, 0x0c, "DOR reads back 0c"
        FDC_RD  FDC_SRB, %l0
        CHECK_EQ %l0, 0xc0, "SRB c0: motors off, drive 0"
        FDC_RD  FDC_TDR, %l0
        CHECK_EQ %l0, 0, "TDR 00"
        WAIT_INT "DOR reset: polling interrupt"
        FDC_RD  FDC_SRA, %l0
        and     %l0, 0xc0, %l0
        CHECK_EQ %l0, 0xc0, "SRA: INT, no second drive"
        call    intctl_floppy
         nop
        mov     %o0, %l0
        CHECK_EQ %l0, 1, "intctl source 22 pending"
        SENSEI  0xc0, 0, "reset SENSEI 1"
        SENSEI  0xc1, 0, "reset SENSEI 2"
        SENSEI  0xc2, 0, "reset SENSEI 3"
        SENSEI  0xc3, 0, "reset SENSEI 4"
        FDC_RD  FDC_SRA, %l0
        and     %l0, 0xc0, %l0
        CHECK_EQ %l0, 0x40, "SRA: INT gone after four"
        call    intctl_floppy
         nop
        mov     %o0, %l0
        CHECK_EQ %l0, 0, "intctl source 22 clear"
        ONE_BYTE 0x08, 0x80, "SENSEI with nothing pending"

        ! ---- commands without a drive
        FDC_WR  FDC_CCR, 0x00           ! 500 kbit/s
        ONE_BYTE 0x10, 0x90, "VERSION"
        ONE_BYTE 0x00, 0x80, "invalid 00"
        ONE_BYTE 0x01, 0x80, "invalid 01"
        ONE_BYTE 0x1f, 0x80, "invalid 1f"
        ONE_BYTE 0xff, 0x80, "invalid ff"
        CHECK_INT 0, "invalid commands: no interrupt"

        FDC_OUT 0x03                    ! SPECIFY: 3 ms steps, non-DMA
        CHECK_MSR 0x90, 0xff, "SPECIFY: MSR 90 after opcode"
        FDC_OUT 0xdf
        CHECK_MSR 0x90, 0xff, "SPECIFY: MSR 90 after SRT/HUT"
        FDC_OUT 0x03
        CHECK_MSR 0x80, 0xff, "SPECIFY: MSR 80, no result"
        CHECK_INT 0, "SPECIFY: no interrupt"

        DUMPREG
        CHECK_EQ %l0, 10, "DUMPREG: ten bytes"
        DUMP    %l0, 0
        DUMP    %l1, 1
        DUMP    %l2, 2
        DUMP    %l3, 3
        CHECK_EQ %l0, 0, "DUMPREG: PCN 0"
        CHECK_EQ %l1, 0, "DUMPREG: PCN 1"
        CHECK_EQ %l2, 0, "DUMPREG: PCN 2"
        CHECK_EQ %l3, 0, "DUMPREG: PCN 3"
        DUMP    %l0, 7
        DUMP    %l1, 9
        CHECK_EQ %l0, 0, "DUMPREG: not locked"
        CHECK_EQ %l1, 0, "DUMPREG: PRETRK 0"

        FDC_OUT 0x13                    ! CONFIGURE: FIFO on, no polling
        CHECK_MSR 0x90, 0xff, "CONFIGURE: MSR 90 (1)"
        FDC_OUT 0x00
        CHECK_MSR 0x90, 0xff, "CONFIGURE: MSR 90 (2)"
        FDC_OUT 0x1a
        CHECK_MSR 0x90, 0xff, "CONFIGURE: MSR 90 (3)"
        FDC_OUT 0x00
        CHECK_MSR 0x80, 0xff, "CONFIGURE: MSR 80, no result"
        DUMPREG
        DUMP    %l0, 8
        DUMP    %l1, 9
        CHECK_EQ %l0, 0x1a, "DUMPREG: CONFIGURE 1a"
        CHECK_EQ %l1, 0, "DUMPREG: PRETRK still 0"

        ! ---- LOCK keeps the FIFO settings and PRETRK across a DSR reset
        ONE_BYTE 0x94, 0x10, "LOCK"
        DUMPREG
        DUMP    %l0, 7
        CHECK_EQ %l0, 0x80, "DUMPREG: locked"
        FDC_OUT 0x13
        FDC_OUT 0x00
        FDC_OUT 0x0a                    ! polling on, FIFO on, threshold 10
        FDC_OUT 0x05                    ! PRETRK 5
        FDC_WR  FDC_DSR, 0x80           ! software reset, 500 kbit/s
        call    fdc_wait_rqm
         nop
        CHECK_MSR 0x80, 0xff, "DSR reset: MSR 80"
        WAIT_INT "DSR reset: polling interrupt"
        SENSEI  0xc0, 0, "DSR SENSEI 1"
        SENSEI  0xc1, 0, "DSR SENSEI 2"
        SENSEI  0xc2, 0, "DSR SENSEI 3"
        SENSEI  0xc3, 0, "DSR SENSEI 4"
        CHECK_INT 0, "DSR reset: INT gone after four"
        DUMPREG
        DUMP    %l0, 7
        DUMP    %l1, 8
        DUMP    %l2, 9
        CHECK_EQ %l0, 0x80, "DSR reset: still locked"
        CHECK_EQ %l1, 0x0a, "DSR reset: CONFIGURE kept"
        CHECK_EQ %l2, 0x05, "DSR reset: PRETRK kept"
        ONE_BYTE 0x14, 0x00, "UNLOCK"
        DUMPREG
        DUMP    %l0, 7
        CHECK_EQ %l0, 0, "DUMPREG: unlocked"

        FDC_OUT 0x12                    ! PERPENDICULAR MODE
        CHECK_MSR 0x90, 0xff, "PERPENDICULAR: MSR 90"
        FDC_OUT 0x00
        CHECK_MSR 0x80, 0xff, "PERPENDICULAR: MSR 80, no result"

        ! ---- SEEK drive 0 to cylinder 5 (drive-busy bits masked)
        FDC_OUT 0x0f
        CHECK_MSR 0x90, 0xf0, "SEEK: MSR 90 (1)"
        FDC_OUT 0x00
        CHECK_MSR 0x90, 0xf0, "SEEK: MSR 90 (2)"
        FDC_OUT 0x05
        CHECK_MSR 0x80, 0xf0, "SEEK: MSR 80, no result"
        WAIT_INT "SEEK: interrupt at seek end"
        call    intctl_floppy
         nop
        mov     %o0, %l0
        CHECK_EQ %l0, 1, "SEEK: intctl source 22 pending"

        ! the interrupt reaches the CPU at level 11
        SET_TRAP_HANDLER TT_IRQ + 11, fdc_irq_handler
        TRAP_CLEAR
        SET_PIL 10
        .rept   8
        nop
        .endr
        SET_PIL 15
        CHECK_TRAP_TT TT_IRQ + 11, "SEEK: level 11 interrupt taken"

        SENSEI  0x20, 5, "SEEK 5"
        CHECK_INT 0, "SEEK: INT gone after SENSEI"
        set     INTC_SYS + SYS_CLEARMASK, %o0
        set     FLOPPY_BIT, %o1
        sta     %o1, [%o0] ASI_BYPASS   ! unmask source 22 again
        SET_TRAP_HANDLER TT_IRQ + 11, trap_irq
        DUMPREG
        DUMP    %l0, 0
        CHECK_EQ %l0, 5, "DUMPREG: PCN 0 is 5"

        FDC_OUT 0xcf                    ! RELATIVE SEEK inward by 3
        FDC_OUT 0x00
        FDC_OUT 0x03
        WAIT_INT "RELATIVE SEEK in: interrupt"
        SENSEI  0x20, 8, "RELATIVE SEEK in 3"
        FDC_OUT 0x8f                    ! RELATIVE SEEK outward by 8
        FDC_OUT 0x00
        FDC_OUT 0x08
        WAIT_INT "RELATIVE SEEK out: interrupt"
        SENSEI  0x20, 0, "RELATIVE SEEK out 8"
        FDC_OUT 0x0f                    ! SEEK where it already is
        FDC_OUT 0x00
        FDC_OUT 0x00
        WAIT_INT "SEEK 0 from 0: interrupt"
        SENSEI  0x20, 0, "SEEK 0 from 0"

        ! ---- what the chip ignores
        FDC_RD  FDC_FIFO, %l0
        CHECK_EQ %l0, 0, "FIFO read with no result: 0"
        CHECK_MSR 0x80, 0xff, "FIFO read with no result: MSR 80"
        FDC_OUT 0x10                    ! VERSION, then a stray write
        FDC_WR  FDC_FIFO, 0x55
        CHECK_MSR 0xd0, 0xff, "write in result phase: MSR d0"
        FDC_IN  %l0
        CHECK_EQ %l0, 0x90, "write in result phase: ignored"
        CHECK_MSR 0x80, 0xff, "write in result phase: MSR 80 after"
        FDC_WR  FDC_SRB, 0xff
        FDC_RD  FDC_SRB, %l0
        CHECK_EQ %l0, 0xc0, "SRB write ignored"

        ! ---- the DOR: motors and drive select show in SRB
        FDC_WR  FDC_DOR, 0x1c
        FDC_RD  FDC_DOR, %l0
        FDC_RD  FDC_SRB, %l1
        CHECK_EQ %l0, 0x1c, "DOR 1c"
        CHECK_EQ %l1, 0xc1, "SRB c1: motor 0"
        FDC_WR  FDC_DOR, 0x2d
        FDC_RD  FDC_DOR, %l0
        FDC_RD  FDC_SRB, %l1
        CHECK_EQ %l0, 0x2d, "DOR 2d"
        CHECK_EQ %l1, 0xe2, "SRB e2: motor 1, drive 1"
        FDC_WR  FDC_DOR, 0x0c
        CHECK_MSR 0x80, 0xff, "DOR without reset edge: MSR 80"
        CHECK_INT 0, "DOR without reset edge: no interrupt"

        ROM_END

! fdc_irq_handler: level 11.  Mask source 22 in the system interrupt
! controller (the FDC's INT is a level; the test clears it later with
! SENSE INTERRUPT STATUS), record, return to the interrupted instruction.
fdc_irq_handler:
        TRAP_RECORD
        sethi   %hi(INTC_SYS + SYS_SETMASK), %l6
        or      %l6, %lo(INTC_SYS + SYS_SETMASK), %l6
        sethi   %hi(FLOPPY_BIT), %l5
        sta     %l5, [%l6] ASI_BYPASS
        wr      %l0, %psr
        nop
        nop
        nop
        jmp     %l1
         rett   %l2

! ---- leaf helpers: %o registers only

! fdc_rd(%o0 = offset) -> %o0 = byte
fdc_rd:
        set     FDC, %o1
        retl
         lduba  [%o1 + %o0] ASI_BYPASS, %o0

! fdc_wr(%o0 = offset, %o1 = byte)
fdc_wr:
        set     FDC, %o2
        retl
         stba   %o1, [%o2 + %o0] ASI_BYPASS

! fdc_wait_rqm: poll MSR until RQM (bounded)
fdc_wait_rqm:
        set     FDC + FDC_MSR, %o1
        set     0x100000, %o2
1:      lduba   [%o1] ASI_BYPASS, %o3
        andcc   %o3, 0x80, %g0
        bne     2f
         subcc  %o2, 1, %o2
        bne     1b
         nop
2:      retl
         nop

! fdc_out(%o0 = byte): wait for RQM with DIO clear, then write the FIFO
fdc_out:
        set     FDC + FDC_MSR, %o1
        set     FDC + FDC_FIFO, %o4
        set     0x100000, %o2
1:      lduba   [%o1] ASI_BYPASS, %o3
        and     %o3, 0xc0, %o3
        cmp     %o3, 0x80
        be      2f
         subcc  %o2, 1, %o2
        bne     1b
         nop
        retl                            ! timed out: the byte is dropped
         nop
2:      retl
         stba   %o0, [%o4] ASI_BYPASS

! fdc_in -> %o0 = the next result byte, or -1 if MSR never says RQM, DIO
! and CB
fdc_in:
        set     FDC + FDC_MSR, %o1
        set     FDC + FDC_FIFO, %o4
        set     0x100000, %o2
1:      lduba   [%o1] ASI_BYPASS, %o3
        and     %o3, 0xd0, %o3
        cmp     %o3, 0xd0
        be      2f
         subcc  %o2, 1, %o2
        bne     1b
         nop
        retl
         mov    -1, %o0
2:      retl
         lduba  [%o4] ASI_BYPASS, %o0

! fdc_wait_int -> %o0 = 1 once SRA shows INT, 0 if it never does (the
! longest wait here is a 24 ms seek)
fdc_wait_int:
        set     FDC + FDC_SRA, %o1
        set     0x4000000, %o2
1:      lduba   [%o1] ASI_BYPASS, %o3
        andcc   %o3, 0x80, %g0
        bne     2f
         subcc  %o2, 1, %o2
        bne     1b
         nop
        retl
         clr    %o0
2:      retl
         mov    1, %o0

! intctl_floppy -> %o0 = system interrupt source 22 pending (0 or 1)
intctl_floppy:
        set     INTC_SYS, %o1
        lda     [%o1] ASI_BYPASS, %o0
        srl     %o0, 22, %o0
        retl
         and    %o0, 1, %o0

! fdc_dumpreg: DUMPREG into dump[0..9] -> %o0 = bytes read until MSR
! showed 80h (at most 16)
fdc_dumpreg:
        save    %sp, -96, %sp
        call    fdc_out
         mov    0x0e, %o0
        set     dump, %l0
        clr     %l1
1:      call    fdc_rd
         mov    FDC_MSR, %o0
        and     %o0, 0xd0, %o0
        cmp     %o0, 0xd0
        bne     2f
         cmp    %l1, 16
        be      2f
         nop
        call    fdc_in
         nop
        stb     %o0, [%l0 + %l1]
        ba      1b
         inc    %l1
2:      ret
         restore %l1, 0, %o0

        .section .bss
        .align  4
dump:   .skip   16
