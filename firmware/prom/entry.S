! entry.S - the machine-level half of our own sun4m boot PROM: the trap
! table (its first slot is the reset vector), the reset code that leaves
! boot mode, the level-14 tick, the fatal-trap report, the romvec proxies
! and the jump into the kernel.  The C half is prom.c; the window trap
! handlers come from firmware/lib/wintrap.S.
!
! Machine: SPARCstation-5 (sun4m, Fujitsu MB86904).  hw/README.md §Boot:
! after reset PC = 0, PSR.S = PS = 1, ET = 0, CWP 0, and the MMU control
! register has E = 0, BM = 1 (bit 14): instruction fetches go to the PROM
! at PA 0x70000000 | (VA & 0x7ffff), data accesses go to PA = VA.  The
! image is linked at 0xffd00000 (prom.ld) and sits at PROM offset 0, so
! both PC 0 and the link addresses fetch the right words in boot mode.
!
! Memory plan (own-firmware.md §4): the PROM copies itself to the top
! DTB_PROM_RAM_SIZE (512 KB) of RAM, maps that at 0xffd00000 with two
! 256 KB level-2 PTEs, maps all RAM at VA 0 = PA 0 with 16 MB level-1
! PTEs (Linux's head_32.S copies L1[0] to KERNBASE's entry 0xf0), and
! runs in context 0.  Everything it uses after the kernel starts lies in
! 0xffd00000-0xffefffff, which Linux (srmmu_inherit_prom_mappings) keeps.

#include "firmware/prom/dtblob.h"
#include "firmware/prom/prom.h"
        .include "sun4m.inc"

        PROM_VA         = DTB_PROM_VA   ! link address (prom.ld)
        PROM_RAM_SIZE   = DTB_PROM_RAM_SIZE

        ASI_FWCFG       = 0x2d          ! bypass, PA[35:32] = 0xd: fw_cfg
        FWCFG_RAM_SIZE  = 0x03          ! u64, little-endian
        ASI_FLUSH       = 0x03          ! SRMMU flush/probe (V8 H.4)
        MMU_CTRL        = 0x000         ! ASI 4 register addresses (V8 H.3)
        MMU_CTP         = 0x100         !  context table pointer: PA >> 4
        MMU_CTX         = 0x200         !  context number
        MMU_CTRL_E      = 0x0001        !  control: MMU enable
        MMU_CTRL_BM     = 0x4000        !  control: MB86904 boot mode
        PTE_RAM         = 0x9e          ! PTE: C (0x80), ACC 7 = supervisor
                                        ! RWX (7 << 2), ET 2 = PTE
        ET_PTD          = 1             ! PTD: PA >> 4 | 1
        L2_PROM         = (PROM_VA >> 18) & 0x3f  ! level-2 index: 52
        APC_IDLE        = 0x6a000000    ! APC: a byte store halts the CPU
                                        ! until an interrupt (L apc.c)

! ================================================================ traps
! 256 slots of 4 instructions (V8 §7.5: TBR = TBA | tt << 4).  Slot 0 is
! also the reset vector (PC 0 in boot mode).  Window traps go to the
! shared handlers with %l3 = WIM as wintrap.S wants; level 14 uses
! absolute sethi/jmp addressing because Linux copies this slot (16 bytes
! at TBA + 0x1e0) into its own table (L head_32.S, sun4m_irq.c); every
! other trap reports itself and halts.

        .section .text.trap, "ax"
        .global trap_table, _start
trap_table:
_start:
        .set    tt, 0
        .rept   256
        .if     tt == 0
        b       reset
         nop
        nop
        nop
        .elseif tt == TT_WOVF
        rd      %wim, %l3
        sethi   %hi(win_overflow), %l4
        jmp     %l4 + %lo(win_overflow)
         nop
        .elseif tt == TT_WUNF
        rd      %wim, %l3
        sethi   %hi(win_underflow), %l4
        jmp     %l4 + %lo(win_underflow)
         nop
        .elseif tt == TT_IRQ + 14
        rd      %psr, %l0
        sethi   %hi(lvl14_tick), %l4
        jmp     %l4 + %lo(lvl14_tick)
         nop
        .else
        sethi   %hi(bad_trap), %l4
        jmp     %l4 + %lo(bad_trap)
         mov    tt, %l3
        nop
        .endif
        .set    tt, tt + 1
        .endr

! ================================================================ reset
! Boot mode, MMU off, ET = 0.  Uses only globals; no stack yet.
!   %g7 = RAM size, %g6 = PA of the PROM's RAM copy (RAM size - 512 KB),
!   %g5 = %g6 - PROM_VA, added to a link address to get its PA.

        .text
        .align  4
reset:
        set     PSR_S | PSR_PS | PSR_PIL, %g1   ! ET = 0, CWP = 0
        wr      %g1, %psr
        wr      %g0, %wim
        nop
        nop
        nop

        ! RAM size: fw_cfg key 0x03, a little-endian u64; the low word is
        ! enough (the SS-5 takes at most 256 MB).  Selector: a 16-bit
        ! store; each data read returns the next byte (hw/README.md
        ! §fw_cfg ports).
        mov     FWCFG_RAM_SIZE, %g1
        mov     FWCFG_SEL, %g2
        stha    %g1, [%g2] ASI_FWCFG
        mov     FWCFG_DATA, %g2
        clr     %g7
        clr     %g3                             ! shift
1:      lduba   [%g2] ASI_FWCFG, %g1
        sll     %g1, %g3, %g1
        or      %g7, %g1, %g7
        add     %g3, 8, %g3
        cmp     %g3, 32
        bl      1b
         nop

        set     PROM_RAM_SIZE, %g1
        sub     %g7, %g1, %g6                   ! PROM RAM PA
        set     PROM_VA, %g1
        sub     %g6, %g1, %g5                   ! link address -> PA

        ! Copy the image (text, rodata, data) from the PROM to its RAM.
        set     PROM_BASE, %g1                  ! source PA
        mov     %g6, %g2                        ! destination PA
        set     _image_end - PROM_VA, %g3
2:      subcc   %g3, 8, %g3
        ldda    [%g1] ASI_BYPASS, %o0
        stda    %o0, [%g2] ASI_BYPASS
        add     %g1, 8, %g1
        bg      2b
         add    %g2, 8, %g2

        ! Clear .bss (page tables and small variables; the large buffers
        ! live in .noinit and need no clearing).
        set     _bss_start, %g1
        add     %g1, %g5, %g1
        set     _bss_end, %g2
        add     %g2, %g5, %g2
3:      std     %g0, [%g1]                      ! MMU off: PA = VA
        add     %g1, 8, %g1
        cmp     %g1, %g2
        blu     3b
         nop

        ! Context table: entry 0 -> L1 table; the other 255 stay invalid.
        set     mmu_l1, %g1
        add     %g1, %g5, %g1                   ! L1 PA
        srl     %g1, 4, %g2
        or      %g2, ET_PTD, %g2
        set     mmu_ctx_table, %g3
        add     %g3, %g5, %g3                   ! context table PA
        st      %g2, [%g3]

        ! L1[i] = 16 MB PTE at PA i * 16 MB for every started 16 MB of RAM
        ! (VA = PA, the window Linux's head_32.S copies to KERNBASE).
        mov     %g1, %g2                        ! &L1[0]
        set     PTE_RAM, %g4                    ! PTE for PA 0
        clr     %o2                             ! PA of this entry's end
        set     0x1000000, %o3                  ! 16 MB
        srl     %o3, 4, %o4                     ! its step in the PTE
4:      st      %g4, [%g2]
        add     %g2, 4, %g2
        add     %o2, %o3, %o2
        cmp     %o2, %g7
        blu     4b
         add    %g4, %o4, %g4

        ! L1[0xff] -> L2 table for 0xff000000-0xffffffff.
        set     mmu_l2_ff, %o0
        add     %o0, %g5, %o0                   ! L2 PA
        srl     %o0, 4, %o1
        or      %o1, ET_PTD, %o1
        st      %o1, [%g1 + 0xff * 4]
        ! L2[52], L2[53]: 256 KB PTEs for the PROM's 512 KB of RAM.
        srl     %g6, 4, %o1
        or      %o1, PTE_RAM, %o1
        st      %o1, [%o0 + L2_PROM * 4]
        set     0x40000 >> 4, %o2
        add     %o1, %o2, %o1
        st      %o1, [%o0 + (L2_PROM + 1) * 4]

        ! Tell the C code where it lives.
        set     prom_ram_size, %o0
        st      %g7, [%o0 + %g5]
        set     prom_ram_pa, %o0
        st      %g6, [%o0 + %g5]

        ! CTP = context table PA >> 4, context 0, then MMU on (E = 1,
        ! BM = 0) in the delay slot of the jump to the linked address, as
        ! the RAM copy is only reachable through the new mappings.
        srl     %g3, 4, %g3
        set     MMU_CTP, %g1
        sta     %g3, [%g1] ASI_MMUREGS
        set     MMU_CTX, %g1
        sta     %g0, [%g1] ASI_MMUREGS
        set     0x400, %g1                      ! flush type 4: entire TLB
        sta     %g0, [%g1] ASI_FLUSH
        lda     [%g0] ASI_MMUREGS, %g2          ! control (MMU_CTRL = 0)
        set     MMU_CTRL_BM, %g1
        andn    %g2, %g1, %g2
        or      %g2, MMU_CTRL_E, %g2
        set     high, %g1
        jmp     %g1
         sta    %g2, [%g0] ASI_MMUREGS

        ! Running from RAM at 0xffd0xxxx.  TBR, WIM = window 1 invalid, a
        ! stack, then traps on with PIL 15, and C.
high:   set     trap_table, %g1
        wr      %g1, %tbr
        wr      %g0, 2, %wim
        nop
        nop
        nop
        set     prom_stack_top - 96, %sp
        clr     %fp
        set     PSR_S | PSR_PS | PSR_PIL | PSR_ET, %g1
        wr      %g1, %psr
        nop
        nop
        nop
        call    prom_main
         nop
        call    prom_fatal_halt
         nop

! ================================================================ traps
! lvl14_tick: per-CPU counter-timer 0 reached its limit (level 14).  Reading
! the limit register clears the interrupt (hw/README.md §Counter-timers,
! L timer_32.h); prom_ticks (pv_ticks) counts milliseconds, as BSD loaders
! expect.  Only clients that lower PIL below 14 ever get here (the PROM
! itself runs at PIL 15); Linux stops the timer in sun4m_init_timers but
! keeps this handler (copied slot) for a tick already pending.  Runs in
! the trap window with %l0 = PSR (from the slot), %l1 = PC, %l2 = nPC.
        .global lvl14_tick
lvl14_tick:
        set     TIMER_CPU0_LIMIT, %l3
        lda     [%l3] ASI_BYPASS, %l4
        sethi   %hi(prom_ticks), %l5
        ld      [%l5 + %lo(prom_ticks)], %l6
        add     %l6, TICK_MS, %l6
        st      %l6, [%l5 + %lo(prom_ticks)]
        wr      %l0, %psr                       ! condition codes back
        nop
        nop
        nop
        jmp     %l1
         rett   %l2

! bad_trap: any trap the PROM does not expect (%l3 = tt from the slot,
! %l1 = PC): "prom: unexpected trap 0xTT at pc 0xPPPPPPPP", then halt.  A
! leaf in the trap window, ET = 0: it uses only the trap window's locals
! and outs.
bad_trap:
        sethi   %hi(con_ctl), %l4               ! the console's channel
        ld      [%l4 + %lo(con_ctl)], %l4
        set     msg_trap, %o0
        call    puts_on                         ! firmware/lib/console.S
         mov    %l4, %o1
        mov     %l3, %o0
        call    puthex2_on
         mov    %l4, %o1
        set     msg_atpc, %o0
        call    puts_on
         mov    %l4, %o1
        mov     %l1, %o0
        call    puthex_on
         mov    %l4, %o1
        set     msg_crlf, %o0
        call    puts_on
         mov    %l4, %o1
        call    con_drain_on                    ! the line has left
         mov    %l4, %o1
        ba      prom_fatal_halt
         nop

! prom_fatal_halt: traps off, then idle the CPU through the APC for ever
! (a halted CPU with ET = 0 ends the simulator's run).  Never returns.
        .global prom_fatal_halt
prom_fatal_halt:
        rd      %psr, %g1
        andn    %g1, PSR_ET, %g1
        wr      %g1, %psr
        nop
        nop
        nop
        set     TIMER_CPU0_LIMIT, %g2           ! the tick off: limit 0
        sta     %g0, [%g2] ASI_BYPASS
        set     APC_IDLE, %g2
1:      stba    %g0, [%g2] ASI_BYPASS
        ba      1b
         nop

! prom_sys_reset: write bit 0 of the system control register (PA
! 0x71f00000, 32-bit): the whole machine resets and the CPU restarts here
! in boot mode (hw/README.md §System registers).  Never returns.
        .global prom_sys_reset
prom_sys_reset:
        set     SYS_CONTROL, %o1
        mov     1, %o2
        sta     %o2, [%o1] ASI_BYPASS
1:      ba      1b
         nop

! ================================================================ kernel
! enter_kernel(%o0 = romvec, %o1 = entry PA, %o2 = stack top): the state
! own-firmware.md §1 records for OpenBIOS: PSR = S, PS, ET, EF, PIL 15,
! CWP 0; WIM = 2; TBR = our table; context 0; %o0 = romvec, %o1 = 0
! (debug vector), %sp = a 96-byte frame below the stack top.
        .global enter_kernel
enter_kernel:
        mov     %o0, %g1
        mov     %o1, %g2
        mov     %o2, %g3
        set     PSR_S | PSR_PS | PSR_PIL, %g4   ! ET = 0 while CWP moves
        wr      %g4, %psr
        wr      %g0, 2, %wim
        nop
        nop
        nop
        set     trap_table, %g4
        wr      %g4, %tbr
        mov     %g1, %o0
        clr     %o1
        sub     %g3, 96, %sp
        clr     %fp
        set     PSR_S | PSR_PS | PSR_PIL | PSR_ET | PSR_EF, %g4
        wr      %g4, %psr
        nop
        nop
        nop
        clr     %g1
        clr     %g3
        jmp     %g2
         clr    %g4

! ================================================================ romvec
! Every romvec function is one of these proxies: a 96-byte frame on the
! caller's stack (window traps, if any, go to the caller's trap table),
! %g1-%g7 kept in locals around the C call (Linux is built with
! -fcall-used-g5 -fcall-used-g7 and reloads %g6; BSD loaders expect them
! kept), arguments %i0-%i5 passed on.  Nothing here touches TBR, PSR,
! WIM or the MMU context (own-firmware.md §4).
! SIMPLIFY: only 6 argument words reach C, so pv_printf takes a format
! and at most 5 values; Sun's PROM takes more.
        .macro  PROXY name
        .global rv_\name
rv_\name:
        save    %sp, -96, %sp
        mov     %g1, %l1
        mov     %g2, %l2
        mov     %g3, %l3
        mov     %g4, %l4
        mov     %g5, %l5
        mov     %g6, %l6
        mov     %g7, %l7
        mov     %i0, %o0
        mov     %i1, %o1
        mov     %i2, %o2
        mov     %i3, %o3
        mov     %i4, %o4
        call    c_\name
         mov    %i5, %o5
        mov     %o0, %i0
        mov     %l1, %g1
        mov     %l2, %g2
        mov     %l3, %g3
        mov     %l4, %g4
        mov     %l5, %g5
        mov     %l6, %g6
        mov     %l7, %g7
        ret
         restore
        .endm

        PROXY   nextnode
        PROXY   child
        PROXY   proplen
        PROXY   getprop
        PROXY   setprop
        PROXY   nextprop
        PROXY   getchar
        PROXY   putchar
        PROXY   nbgetchar
        PROXY   nbputchar
        PROXY   putstr
        PROXY   reboot
        PROXY   printf
        PROXY   abort
        PROXY   halt
        PROXY   fortheval
        PROXY   enaddr
        PROXY   inst2pkg
        PROXY   open
        PROXY   close
        PROXY   read
        PROXY   write
        PROXY   seek
        PROXY   cpu_none

! ================================================================ memory
! Page tables (cleared at reset) and the stack (not cleared).  Table
! alignment: a context table on 1 KB (CTP holds PA[35:10] in the MB86904,
! cpu/srmmu.h SRMMU_CTP_MASK), level-1 tables on their 1 KB size, level-2
! and level-3 tables on their 256 bytes (V8 H.2).
        PROM_STACK_SIZE = 0x4000

        .section .bss
        .align  1024
        .global mmu_ctx_table, mmu_l1, mmu_l2_ff, mmu_l3_pool
mmu_ctx_table:
        .skip   1024
mmu_l1:
        .skip   1024
mmu_l2_ff:
        .skip   256
mmu_l3_pool:
        .skip   256 * MMU_L3_TABLES

        .section .noinit, "aw", @nobits
        .align  8
        .global prom_stack, prom_stack_top
prom_stack:
        .skip   PROM_STACK_SIZE
prom_stack_top:

        .section .rodata
msg_trap:
        .asciz  "\r\nprom: unexpected trap 0x"
msg_atpc:
        .asciz  " at pc 0x"
msg_crlf:
        .asciz  "\r\nprom: halted\r\n"
