! irq.S - interrupt_level_n traps (tt 0x11-0x1f) raised with the soft
! interrupt bits of the per-CPU interrupt controller (PA 0x71e00000: +0
! pending, +4 clear, +8 set; level n is bit 16 + n).
!
! V8 7.3/7.4: interrupt level n is taken when ET = 1 and (n > PSR.PIL or
! n = 15); the highest pending level goes first; the trap does not skip
! any instruction (the handler trap_irq returns with jmp %l1; rett %l2
! after clearing the soft interrupt).  The exact instruction at which an
! interrupt arrives is implementation timing, so the tests only look at
! counts, tt values and order, after a few nops.
!
! Known differences from QEMU: none.

        .include "rom.inc"

! SOFTINT_SET reg / SOFTINT_CLEAR reg: reg = bit mask (16 + level)
        .macro  SOFTINT_SET reg
        set     INTC_CPU0 + INTC_CPU_SET, %o0
        sta     \reg, [%o0] ASI_BYPASS
        .endm

        .macro  SOFTINT_CLEAR reg
        set     INTC_CPU0 + INTC_CPU_CLEAR, %o0
        sta     \reg, [%o0] ASI_BYPASS
        .endm

! SET_PIL n (register or small constant): PSR.PIL = n, rest unchanged
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

        .macro  NOPS
        .rept   8
        nop
        .endr
        .endm

        ROM_BEGIN irq

        ! ---- masked by PIL, taken when PIL drops below the level
        mov     1, %l0
        sll     %l0, 16 + 5, %l0        ! level 5
        TRAP_CLEAR
        SOFTINT_SET %l0
        NOPS
        set     INTC_CPU0 + INTC_CPU_PEND, %o0
        lda     [%o0] ASI_BYPASS, %l1
        SET_PIL 5
        NOPS
        TRAP_COUNT %l2
        SET_PIL 4
        NOPS
        SET_PIL 15
        set     INTC_CPU0 + INTC_CPU_PEND, %o0
        lda     [%o0] ASI_BYPASS, %l3
        CHECK_EQ %l1, 1 << 21, "soft int 5 pending"
        CHECK_EQ %l2, 0, "level 5 not taken at PIL 15 / 5"
        CHECK_TRAP_TT TT_IRQ + 5, "level 5 taken at PIL 4"
        CHECK_EQ %l3, 0, "handler cleared soft int 5"

        ! ---- every level 1..14: not taken at PIL = n, taken at n - 1
        clr     %l6                     ! levels that behaved
        mov     1, %l4
1:      mov     1, %l0
        add     %l4, 16, %l1
        sll     %l0, %l1, %l0
        TRAP_CLEAR
        SOFTINT_SET %l0
        SET_PIL %l4
        NOPS
        TRAP_COUNT %l2                  ! must be 0
        sub     %l4, 1, %l5
        SET_PIL %l5
        NOPS
        SET_PIL 15
        TRAP_COUNT %l3                  ! must be 1
        set     trap_rec, %o0
        ld      [%o0 + TR_TT], %l5      ! must be 0x10 + level
        TRAP_DISARM
        tst     %l2
        bne     2f
         cmp    %l3, 1
        bne     2f
         sub    %l5, TT_IRQ, %l5
        cmp     %l5, %l4
        bne     2f
         mov    1, %l5
        sll     %l5, %l4, %l5
        or      %l6, %l5, %l6
2:      inc     %l4
        cmp     %l4, 15
        bne     1b
         nop
        CHECK_EQ %l6, 0x7ffe, "levels 1-14 respect PIL"

        ! ---- level 15 is taken even at PIL 15
        set     1 << (16 + 15), %l0
        TRAP_CLEAR
        SOFTINT_SET %l0
        NOPS
        CHECK_TRAP_TT TT_IRQ + 15, "level 15 taken at PIL 15"

        ! ---- ET = 0 blocks every level; ET = 1 lets it in
        rd      %psr, %l7
        andn    %l7, PSR_ET | PSR_PIL, %l6      ! ET = 0, PIL = 0
        TRAP_CLEAR
        wr      %l6, %psr
        nop
        nop
        nop
        set     1 << (16 + 7), %l0
        SOFTINT_SET %l0
        NOPS
        set     trap_rec, %o0
        ld      [%o0 + TR_COUNT], %l2
        wr      %l6, PSR_ET, %psr       ! ET = 1, PIL = 0
        NOPS
        wr      %l7, %psr               ! back to PIL 15
        nop
        nop
        nop
        CHECK_EQ %l2, 0, "no interrupt while ET = 0"
        CHECK_TRAP_TT TT_IRQ + 7, "level 7 taken when ET = 1"

        ! ---- highest level first
        SET_TRAP_HANDLER TT_IRQ + 3, irq_log_handler
        SET_TRAP_HANDLER TT_IRQ + 9, irq_log_handler
        SET_TRAP_HANDLER TT_IRQ + 12, irq_log_handler
        set     irq_log, %l0
        st      %g0, [%l0]              ! log length
        set     (1 << (16 + 3)) | (1 << (16 + 9)) | (1 << (16 + 12)), %l1
        TRAP_CLEAR
        SOFTINT_SET %l1
        SET_PIL 0
        NOPS
        SET_PIL 15
        TRAP_DISARM
        set     irq_log, %l0
        ld      [%l0], %l1
        ld      [%l0 + 4], %l2
        ld      [%l0 + 8], %l3
        ld      [%l0 + 12], %l4
        CHECK_EQ %l1, 3, "three interrupts taken"
        CHECK_EQ %l2, TT_IRQ + 12, "first level 12"
        CHECK_EQ %l3, TT_IRQ + 9, "then level 9"
        CHECK_EQ %l4, TT_IRQ + 3, "then level 3"
        SET_TRAP_HANDLER TT_IRQ + 3, trap_irq
        SET_TRAP_HANDLER TT_IRQ + 9, trap_irq
        SET_TRAP_HANDLER TT_IRQ + 12, trap_irq

        ! ---- the interrupted instruction stream loses nothing
        set     1 << (16 + 6), %l0
        TRAP_CLEAR
        SOFTINT_SET %l0
        clr     %l1
        rd      %psr, %l7
        andn    %l7, PSR_PIL, %l6
        wr      %l6, %psr               ! PIL 0: interrupt arrives below
        inc     %l1
        inc     %l1
        inc     %l1
        inc     %l1
        inc     %l1
        inc     %l1
        inc     %l1
        inc     %l1
        wr      %l7, %psr
        nop
        nop
        nop
        CHECK_TRAP_TT TT_IRQ + 6, "level 6 taken"
        CHECK_EQ %l1, 8, "no instruction lost or repeated"

        ! ---- interrupt taken in user mode: PS = 0, back to user mode
        SET_TRAP_HANDLER TT_IRQ + 8, irq_psr_handler
        set     1 << (16 + 8), %l0
        SOFTINT_SET %l0                 ! pending, masked by PIL 15
        rd      %psr, %l7
        set     PSR_PIL | PSR_S, %l6
        andn    %l7, %l6, %l6
        or      %l6, 7 << 8, %l6        ! user mode, PIL 7 < 8
        TRAP_CLEAR
        wr      %l6, %psr               ! the interrupt arrives in user mode
        NOPS
        rd      %psr, %l5               ! privileged: traps if still user
        ENTER_SUPER
        wr      %l7, %psr
        nop
        nop
        nop
        set     trap_rec, %l0
        ld      [%l0 + TR_COUNT], %l1
        ld      [%l0 + TR_TT], %l2
        TRAP_DISARM
        CHECK_EQ %l1, 2, "user: interrupt, then rd psr trap"
        CHECK_EQ %l2, TT_PRIV, "user mode after the interrupt"
        set     irq_psr, %l0
        ld      [%l0], %l1
        and     %l1, PSR_S | PSR_PS, %l1
        CHECK_EQ %l1, PSR_S, "interrupt from user: S=1 PS=0"
        ld      [%l0 + 4], %l1
        CHECK_EQ %l1, TT_IRQ + 8, "interrupt from user: level 8"
        SET_TRAP_HANDLER TT_IRQ + 8, trap_irq

        ROM_END

! irq_log_handler: append tt to irq_log, then the normal soft-int handler
irq_log_handler:
        sethi   %hi(irq_log), %l4
        or      %l4, %lo(irq_log), %l4
        ld      [%l4], %l5
        inc     %l5
        st      %l5, [%l4]
        sll     %l5, 2, %l5
        st      %l3, [%l4 + %l5]
        sethi   %hi(trap_irq), %l4
        jmp     %l4 + %lo(trap_irq)
         nop

! irq_psr_handler: keep the handler's PSR and tt, then trap_irq
irq_psr_handler:
        sethi   %hi(irq_psr), %l4
        st      %l0, [%l4 + %lo(irq_psr)]
        or      %l4, %lo(irq_psr), %l4
        st      %l3, [%l4 + 4]
        sethi   %hi(trap_irq), %l4
        jmp     %l4 + %lo(trap_irq)
         nop

        .section .bss
        .align  4
irq_log: .skip  64
irq_psr: .skip  8
