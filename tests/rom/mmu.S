! mmu.S - SPARC Reference MMU of the MB86904: control/CTP/context
! registers, three-level table walks (16 MB, 256 KB and 4 KB PTEs), R and M
! write-back, data_access_exception (tt 9) and instruction_access_exception
! (tt 1) with SFSR/SFAR, probe and flush (ASI 3), MMU bypass (ASI 0x20),
! two contexts, and turning the MMU off again.
!
! References: SPARC V8 manual Appendix H (H.2 tables and PTE/PTD formats,
! ACC table; H.3 registers, SFSR fields; H.4 flush and probe; H.5 walk),
! QEMU 7.2 target/sparc for the MB86904 register values.
!
! Tables and pages live in the scratch area (rom.inc SCRATCH_BASE, PA =
! VA while the MMU is off) and are written with bypass stores:
!
!   context table  ctx 0 -> L1_C0, ctx 1 -> L1_C1, ctx 2..255 invalid
!   L1_C0[0x00]    16 MB PTE, VA 0-16 MB -> PA 0-16 MB, ACC 3 (code,
!                  trap table, stack, .bss, scratch stay reachable)
!   L1_C1[0x00]    PTD -> L2_LO: 64 level-2 PTEs (256 KB each) mapping
!                  VA 0-16 MB 1:1, except L2_LO[0x20] (VA 0x00800000) ->
!                  L3_LO: VA 0x00800000 -> PG_C1 (ctx 1 only)
!   L1_Cx[0xf0]    PTD -> L2_HI, L2_HI[0] -> L3_HI, L2_HI[1..] invalid;
!                  L3_HI maps VA 0xf000n000 (n = slot below); other L1
!                  entries invalid
!
!   slot  VA          PA       ACC (user / supervisor)
!    0    0xf0000000  PG_RW    3 (RWX / RWX)
!    1    0xf0001000  -        invalid PTE
!    2    0xf0002000  PG_RO    0 (R / R)
!    3    0xf0003000  PG_SUP   7 (- / RWX)
!    4    0xf0004000  PG_XO    4 (X / X)
!    5    0xf0005000  PG_CODE  2 (RX / RX)
!    6    0xf0006000  PG_UR    5 (R / RW)
!    7    0xf0007000  PG_A/B   3 (remapped by the flush tests)
!    8    0xf0008000  PG_CODE  6 (- / RX)
!
! Known differences from QEMU (qemu-system-sparc 7.2 -M SS-5), left out:
!  - SFSR.L for protection and privilege faults: QEMU reports 0, V8 H.3.4
!    the level of the PTE (3 here).  L is only checked for invalid-entry
!    faults (levels 1, 2, 3).
!  - SFAR: QEMU stores the page address (VA[11:0] = 0), V8 the faulting
!    address.  Every SFAR check uses a page-aligned faulting address.
!  - SFAR after a bus error: QEMU stores the physical address, and nothing
!    for a fetch; V8 (and the simulator) the virtual address, fetches
!    included.  VA_EMPTY is mapped 1:1, so VA = PA where SFAR is checked,
!    and SFAR is not checked after the fetch.
!  - Probe: QEMU never sets R and never records probe errors in SFSR; V8 is
!    not explicit.  Probes here only look at PTEs whose R is already set,
!    and SFSR is cleared (read) after them without checking it.
!  - SFSR overwrite (OW) and fault priorities: QEMU replaces any unread
!    fault with OW alone; V8 ranks them.  Every fault here is followed by
!    an SFSR read.
!  - NF (no-fault) bit: QEMU suppresses every fault, V8 keeps faults on
!    ASI 9 (supervisor instruction).  Not tested.
!  - Stale TLB entries: after a PTE change without a flush QEMU may still
!    use the old translation; V8 leaves this undefined.  PTEs are only
!    changed before the MMU is on or followed by a flush (ASI 3).

        .include "rom.inc"
        .include "fpmmu.inc"

! ---------------------------------------------------------------- layout
        MM_CTXTBL       = SCRATCH_BASE + 0x0000 ! 256 contexts x 4 (1 KB)
        MM_L1_C0        = SCRATCH_BASE + 0x0400 ! level 1, context 0
        MM_L1_C1        = SCRATCH_BASE + 0x0800 ! level 1, context 1
        MM_L2_HI        = SCRATCH_BASE + 0x0c00 ! level 2 for 0xf0000000
        MM_L3_HI        = SCRATCH_BASE + 0x0d00 ! level 3 for 0xf0000000
        MM_L2_LO        = SCRATCH_BASE + 0x0e00 ! level 2 for 0 (ctx 1)
        MM_L3_LO        = SCRATCH_BASE + 0x0f00 ! level 3 for 0x00800000
        MM_TBL_END      = SCRATCH_BASE + 0x1000

        PG_RW           = SCRATCH_BASE + 0x10000
        PG_RO           = SCRATCH_BASE + 0x11000
        PG_SUP          = SCRATCH_BASE + 0x12000
        PG_XO           = SCRATCH_BASE + 0x13000
        PG_C1           = SCRATCH_BASE + 0x14000
        PG_CODE         = SCRATCH_BASE + 0x15000
        PG_UR           = SCRATCH_BASE + 0x16000
        PG_A            = SCRATCH_BASE + 0x17000
        PG_B            = SCRATCH_BASE + 0x18000
        PA_8M           = 0x00800000            ! RAM seen 1:1 in ctx 0

        VA_HI           = 0xf0000000            ! L3_HI slot n at + n*4K
        VA_RW           = VA_HI + 0x0000
        VA_INV          = VA_HI + 0x1000
        VA_RO           = VA_HI + 0x2000
        VA_SUP          = VA_HI + 0x3000
        VA_XO           = VA_HI + 0x4000
        VA_CODE         = VA_HI + 0x5000
        VA_UR           = VA_HI + 0x6000
        VA_FL           = VA_HI + 0x7000
        VA_SCODE        = VA_HI + 0x8000
        VA_INV_L2       = VA_HI + 0x40000       ! L2_HI[1] invalid
        VA_INV_L1       = 0x20000000            ! L1[0x20] invalid
        VA_8M           = 0x00800000

! SRMMU registers (ASI 4) and entry formats (V8 H.2, H.3)
        MMU_CTRL        = 0x000
        MMU_CTP         = 0x100
        MMU_CTX         = 0x200
        MMU_SFSR        = 0x300
        MMU_SFAR        = 0x400
        MMU_E           = 0x00000001
        MMU_NF          = 0x00000002
        MMU_BM          = 0x00004000            ! MB86904 boot mode
        MMU_ID          = 0x04000000            ! impl 0, ver 4

        ET_PTD          = 1
        ET_PTE          = 2
        PTE_R           = 0x20
        PTE_M           = 0x40
        ACC_SHIFT       = 2

        FT_INVALID      = 1
        FT_PROT         = 2
        FT_PRIV         = 3
        FT_BUS          = 5             ! access bus error
        TT_DACC_ERR     = 0x29          ! data_access_error
        TT_IACC_ERR     = 0x21          ! instruction_access_error
        VA_EMPTY        = 0x30000000    ! 16 MB PTE onto empty SBus slot 1
        AT_LD_UDATA     = 0
        AT_LD_SDATA     = 1
        AT_LD_UINSN     = 2
        AT_LD_SINSN     = 3
        AT_ST_UDATA     = 4
        AT_ST_SDATA     = 5
        SFSR_FAV        = 2
        SFSR_L_MASK     = 0x300

        PF_PAGE         = 0x000                 ! probe/flush type << 8
        PF_SEGMENT      = 0x100
        PF_REGION       = 0x200
        PF_CONTEXT      = 0x300
        PF_ENTIRE       = 0x400

! PTD / PTE words (PTP, PPN = PA >> 4 in place) the checks expect
        PTE_PA0_RM      = (3 << ACC_SHIFT) | ET_PTE | PTE_R | PTE_M  ! PA 0
        PTE_RW_R        = (PG_RW >> 4) | (3 << ACC_SHIFT) | ET_PTE | PTE_R
        PTE_RW_RM       = PTE_RW_R | PTE_M
        PTE_RO_R        = (PG_RO >> 4) | ET_PTE | PTE_R
        PTD_L1_C0       = (MM_L1_C0 >> 4) | ET_PTD
        PTD_L1_C1       = (MM_L1_C1 >> 4) | ET_PTD
        PTD_L2_HI       = (MM_L2_HI >> 4) | ET_PTD
        PTD_L3_HI       = (MM_L3_HI >> 4) | ET_PTD
        PTD_L2_LO       = (MM_L2_LO >> 4) | ET_PTD

! PUT_PTD entry, table / PUT_PTE entry, page, acc: write a table entry
! (physical addresses, bypass store).
        .macro  PUT_PTD pa_entry, pa_table
        PHYS_ST ((\pa_table) >> 4) | ET_PTD, \pa_entry
        .endm
        .macro  PUT_PTE pa_entry, pa_page, acc
        PHYS_ST ((\pa_page) >> 4) | ((\acc) << ACC_SHIFT) | ET_PTE, \pa_entry
        .endm

! SFSR value for a fault: level, access type, fault type, FAV
        .macro  SFSR_SET sym, l, at, ft
        .set    \sym, ((\l) << 8) | ((\at) << 5) | ((\ft) << 2) | SFSR_FAV
        .endm

! CHECK_SFSR want, "name": read (and so clear) the SFSR, compare all of it.
! CHECK_SFSR_NOL: the same without the L field (see the top).
        .macro  CHECK_SFSR want, name
        MMU_RD  %l6, MMU_SFSR
        CHECK_EQ %l6, \want, "\name"
        .endm
        .macro  CHECK_SFSR_NOL want, name
        MMU_RD  %l6, MMU_SFSR
        set     SFSR_L_MASK, %o0
        andn    %l6, %o0, %l6
        CHECK_EQ %l6, \want, "\name"
        .endm
        .macro  CHECK_SFAR want, name
        MMU_RD  %l6, MMU_SFAR
        CHECK_EQ %l6, \want, "\name"
        .endm

! PROBE reg, va, type: reg = lda [va | type] ASI 3.
        .macro  PROBE reg, va, type
        set     (\va) | (\type), %o0
        lda     [%o0] 3, \reg
        .endm
! FLUSH_MMU va, type: sta [va | type] ASI 3.
        .macro  FLUSH_MMU va, type
        set     (\va) | (\type), %o0
        sta     %g0, [%o0] 3
        .endm

! IFETCH va: jmpl to va, whose fetch must fault; mm_iacc comes back to
! the end of the macro.  Works in user mode; check the trap afterwards.
        .macro  IFETCH va
        set     .Lif\@, %o0
        set     mm_resume, %o1
        st      %o0, [%o1]
        set     \va, %l4
        jmpl    %l4, %o7
         nop
.Lif\@:
        .endm

        .section .bss
        .align  4
mm_resume:      .skip   4               ! where mm_iacc returns to
        .text

        ROM_BEGIN mmu

        SET_TRAP_HANDLER TT_IACC, mm_iacc

! ================================================================ registers
        ! common.S cleared BM (control = 0): id 0x04000000 (impl 0, ver 4),
        ! E = NF = BM = 0.
        MMU_RD  %l0, MMU_CTRL
        CHECK_EQ %l0, MMU_ID, "ctrl 0x04000000 after start-up"
        MMU_WRI 0xff000000, MMU_CTRL
        MMU_RD  %l0, MMU_CTRL
        CHECK_EQ %l0, MMU_ID, "ctrl impl/ver read-only"
        MMU_WRI MM_CTXTBL >> 4, MMU_CTP
        MMU_RD  %l0, MMU_CTP
        CHECK_EQ %l0, MM_CTXTBL >> 4, "ctp write/read"
        MMU_WRI 0x5a, MMU_CTX
        MMU_RD  %l0, MMU_CTX
        CHECK_EQ %l0, 0x5a, "context write/read"
        MMU_WRI 0, MMU_CTX
        MMU_RD  %l0, MMU_SFSR                   ! clear whatever is there
        MMU_RD  %l0, MMU_SFSR
        CHECK_EQ %l0, 0, "sfsr 0 once read"

! ================================================================ tables
        ! zero the table area
        set     MM_CTXTBL, %l0
        set     MM_TBL_END, %l1
1:      sta     %g0, [%l0] ASI_BYPASS
        add     %l0, 4, %l0
        cmp     %l0, %l1
        bne     1b
         nop
        PUT_PTD MM_CTXTBL + 0, MM_L1_C0
        PUT_PTD MM_CTXTBL + 4, MM_L1_C1
        PUT_PTE MM_L1_C0 + 4 * 0x00, 0, 3
        PUT_PTE MM_L1_C0 + 4 * (VA_EMPTY >> 24), VA_EMPTY, 3
        PUT_PTD MM_L1_C0 + 4 * 0xf0, MM_L2_HI
        PUT_PTD MM_L1_C1 + 4 * 0x00, MM_L2_LO
        PUT_PTD MM_L1_C1 + 4 * 0xf0, MM_L2_HI
        PUT_PTD MM_L2_HI + 0, MM_L3_HI
        PUT_PTE MM_L3_HI + 4 * 0, PG_RW, 3
        PUT_PTE MM_L3_HI + 4 * 2, PG_RO, 0
        PUT_PTE MM_L3_HI + 4 * 3, PG_SUP, 7
        PUT_PTE MM_L3_HI + 4 * 4, PG_XO, 4
        PUT_PTE MM_L3_HI + 4 * 5, PG_CODE, 2
        PUT_PTE MM_L3_HI + 4 * 6, PG_UR, 5
        PUT_PTE MM_L3_HI + 4 * 7, PG_A, 3
        PUT_PTE MM_L3_HI + 4 * 8, PG_CODE, 6
        ! L2_LO: 64 x 256 KB 1:1 (ACC 3), slot 0x20 -> L3_LO
        set     MM_L2_LO, %l0
        set     (0 >> 4) | (3 << ACC_SHIFT) | ET_PTE, %l1
        set     0x40000 >> 4, %l2
        mov     64, %l3
2:      sta     %l1, [%l0] ASI_BYPASS
        add     %l1, %l2, %l1
        subcc   %l3, 1, %l3
        bne     2b
         add    %l0, 4, %l0
        PUT_PTD MM_L2_LO + 4 * 0x20, MM_L3_LO
        PUT_PTE MM_L3_LO + 0, PG_C1, 3

        ! page contents
        PHYS_ST 0x11110000, PG_RW
        PHYS_ST 0x11110004, PG_RW + 4
        PHYS_ST 0, PG_RW + 16
        PHYS_ST 0x22220000, PG_RO
        PHYS_ST 0x33330000, PG_SUP
        PHYS_ST 0x44440000, PG_XO
        PHYS_ST 0x66660000, PG_UR
        PHYS_ST 0xaaaa0000, PG_A
        PHYS_ST 0xbbbb0000, PG_B
        PHYS_ST 0xc1c10000, PG_C1
        PHYS_ST 0xc0c00000, PA_8M
        ! PG_CODE: "retl; mov 42, %o0"
        PHYS_LD %l1, mm_stub
        set     PG_CODE, %o0
        sta     %l1, [%o0] ASI_BYPASS
        PHYS_LD %l1, mm_stub + 4
        set     PG_CODE + 4, %o0
        sta     %l1, [%o0] ASI_BYPASS

! ================================================================ enable
        MMU_WRI MM_CTXTBL >> 4, MMU_CTP
        MMU_WRI 0, MMU_CTX
        MMU_WRI MMU_E, MMU_CTRL
        nop
        nop
        nop
        MMU_RD  %l0, MMU_CTRL
        CHECK_EQ %l0, MMU_ID | MMU_E, "ctrl E set, running mapped"
        ! the 16 MB PTE has been used for fetches (R) and stores (M)
        set     trap_rec + TR_SIZE, %l0         ! a store through it
        st      %g0, [%l0 - 4]
        PHYS_LD %l0, MM_L1_C0
        CHECK_EQ %l0, PTE_PA0_RM, "16 MB pte R and M set"
        ! bypass still reaches RAM at its PA (console too, or no output)
        PHYS_LD %l0, MM_CTXTBL
        CHECK_EQ %l0, PTD_L1_C0, "bypass load of context table"

! ================================================================ mapped page
        ! first a load: R is set, M is not
        set     VA_RW, %l1
        ld      [%l1], %l0
        CHECK_EQ %l0, 0x11110000, "load via 0xf0000000 -> PG_RW"
        PHYS_LD %l0, MM_L3_HI + 0
        CHECK_EQ %l0, PTE_RW_R, "pte R set by load, M clear"
        ! then a store: M is set
        set     0x12345678, %l2
        st      %l2, [%l1 + 8]
        PHYS_LD %l0, MM_L3_HI + 0
        CHECK_EQ %l0, PTE_RW_RM, "pte M set by store"
        PHYS_LD %l0, PG_RW + 8
        CHECK_EQ %l0, 0x12345678, "store reached PG_RW (bypass load)"
        PHYS_ST 0x9abcdef0, PG_RW + 12
        ld      [%l1 + 12], %l0
        CHECK_EQ %l0, 0x9abcdef0, "bypass store seen via mapping"
        ldd     [%l1], %l2
        CHECK_EQ %l3, 0x11110004, "ldd via mapping"
        mov     0xa5, %l2
        stb     %l2, [%l1 + 17]
        sth     %l2, [%l1 + 18]
        PHYS_LD %l0, PG_RW + 16
        CHECK_EQ %l0, 0x00a500a5, "stb/sth via mapping"
        set     PG_RW + 17, %o0
        lduba   [%o0] ASI_BYPASS, %l0
        CHECK_EQ %l0, 0xa5, "bypass byte load"
        ! supervisor load through user-readable ACC 5 page, and store
        set     VA_UR, %l1
        ld      [%l1], %l0
        CHECK_EQ %l0, 0x66660000, "load acc 5 page"
        st      %l0, [%l1 + 4]
        PHYS_LD %l0, PG_UR + 4
        CHECK_EQ %l0, 0x66660000, "supervisor store to acc 5 page"
        set     VA_SUP, %l1
        ld      [%l1], %l0
        CHECK_EQ %l0, 0x33330000, "supervisor load acc 7 page"
        set     VA_RO, %l1
        ld      [%l1], %l0
        CHECK_EQ %l0, 0x22220000, "load acc 0 page"
        ! ASI 0x0b (supervisor data) behaves as a plain supervisor load
        set     VA_SUP, %o0
        lda     [%o0] ASI_SDATA, %l0
        CHECK_EQ %l0, 0x33330000, "lda asi 0x0b acc 7 page"

! ================================================================ data faults
        ! invalid entries at levels 3, 2, 1: FT 1, L = level, AT 1
        SFSR_SET .Lsf_l3, 3, AT_LD_SDATA, FT_INVALID
        SFSR_SET .Lsf_l2, 2, AT_LD_SDATA, FT_INVALID
        SFSR_SET .Lsf_l1, 1, AT_LD_SDATA, FT_INVALID
        set     VA_INV, %l1
        mov     0x77, %l0
        TRAP_CLEAR
.Ld1:   ld      [%l1], %l0
        CHECK_TRAP_AT TT_DACC, .Ld1, "load invalid pte: data_access_exception"
        CHECK_EQ %l0, 0x77, "load invalid pte: rd unchanged"
        CHECK_SFSR .Lsf_l3, "load invalid pte: sfsr L3 AT1 FT1 FAV"
        CHECK_SFAR VA_INV, "load invalid pte: sfar"
        MMU_RD  %l6, MMU_SFSR
        CHECK_EQ %l6, 0, "sfsr cleared by the read"
        CHECK_SFAR VA_INV, "sfar kept after sfsr read"
        set     VA_INV_L2, %l1
        TRAP_CLEAR
.Ld2:   ld      [%l1], %l0
        CHECK_TRAP_AT TT_DACC, .Ld2, "load invalid l2 entry traps"
        CHECK_SFSR .Lsf_l2, "load invalid l2 entry: sfsr L2"
        CHECK_SFAR VA_INV_L2, "load invalid l2 entry: sfar"
        set     VA_INV_L1, %l1
        TRAP_CLEAR
.Ld3:   ldub    [%l1], %l0
        CHECK_TRAP_AT TT_DACC, .Ld3, "ldub invalid l1 entry traps"
        CHECK_SFSR .Lsf_l1, "ldub invalid l1 entry: sfsr L1"
        CHECK_SFAR VA_INV_L1, "ldub invalid l1 entry: sfar"
        ! a store to an invalid page: AT 5
        SFSR_SET .Lsf_sti, 3, AT_ST_SDATA, FT_INVALID
        set     VA_INV, %l1
        TRAP_CLEAR
.Ld4:   st      %g0, [%l1]
        CHECK_TRAP_AT TT_DACC, .Ld4, "store invalid pte traps"
        CHECK_SFSR .Lsf_sti, "store invalid pte: sfsr L3 AT5 FT1"

        ! protection: store to ACC 0, load from ACC 4 (execute-only)
        SFSR_SET .Lsf_pst, 0, AT_ST_SDATA, FT_PROT
        SFSR_SET .Lsf_pld, 0, AT_LD_SDATA, FT_PROT
        set     VA_RO, %l1
        set     0xdead, %l2
        TRAP_CLEAR
.Ld5:   st      %l2, [%l1]
        CHECK_TRAP_AT TT_DACC, .Ld5, "store acc 0 page: data_access_exception"
        CHECK_SFSR_NOL .Lsf_pst, "store acc 0 page: sfsr AT5 FT2 FAV"
        CHECK_SFAR VA_RO, "store acc 0 page: sfar"
        PHYS_LD %l0, PG_RO
        CHECK_EQ %l0, 0x22220000, "store acc 0 page: memory unchanged"
        PHYS_LD %l0, MM_L3_HI + 4 * 2
        CHECK_EQ %l0, PTE_RO_R, "store acc 0 page: pte M not set"
        TRAP_CLEAR
.Ld6:   stb     %l2, [%l1 + 3]
        CHECK_TRAP_AT TT_DACC, .Ld6, "stb acc 0 page traps"
        MMU_RD  %l6, MMU_SFSR
        set     VA_XO, %l1
        mov     0x77, %l0
        TRAP_CLEAR
.Ld7:   ld      [%l1], %l0
        CHECK_TRAP_AT TT_DACC, .Ld7, "load acc 4 (x only) page traps"
        CHECK_EQ %l0, 0x77, "load acc 4 page: rd unchanged"
        CHECK_SFSR_NOL .Lsf_pld, "load acc 4 page: sfsr AT1 FT2"
        CHECK_SFAR VA_XO, "load acc 4 page: sfar"
        ! swap needs write permission
        set     VA_RO, %l1
        mov     5, %l0
        TRAP_CLEAR
.Ld8:   swap    [%l1], %l0
        CHECK_TRAP_AT TT_DACC, .Ld8, "swap acc 0 page traps"
        CHECK_EQ %l0, 5, "swap acc 0 page: rd unchanged"
        MMU_RD  %l6, MMU_SFSR
        PHYS_LD %l0, PG_RO
        CHECK_EQ %l0, 0x22220000, "swap acc 0 page: memory unchanged"

        ! user mode: privilege (ACC 7 page), protection (store to ACC 5)
        SFSR_SET .Lsf_upriv, 0, AT_LD_UDATA, FT_PRIV
        SFSR_SET .Lsf_uprot, 0, AT_ST_UDATA, FT_PROT
        set     VA_SUP, %l1
        mov     0x77, %l0
        TRAP_CLEAR
        ENTER_USER
.Lu1:   ld      [%l1], %l0
        ENTER_SUPER
        CHECK_TRAP_AT TT_DACC, .Lu1, "user load acc 7 page traps"
        CHECK_EQ %l0, 0x77, "user load acc 7 page: rd unchanged"
        CHECK_SFSR_NOL .Lsf_upriv, "user load acc 7 page: sfsr AT0 FT3"
        CHECK_SFAR VA_SUP, "user load acc 7 page: sfar"
        set     VA_UR, %l1
        clr     %l0
        TRAP_CLEAR
        ENTER_USER
        ld      [%l1], %l0
        ENTER_SUPER
        CHECK_NOTRAP "user load acc 5 page: no trap"
        CHECK_EQ %l0, 0x66660000, "user load acc 5 page"
        TRAP_CLEAR
        ENTER_USER
.Lu2:   st      %g0, [%l1]
        ENTER_SUPER
        CHECK_TRAP_AT TT_DACC, .Lu2, "user store acc 5 page traps"
        CHECK_SFSR_NOL .Lsf_uprot, "user store acc 5 page: sfsr AT4 FT2"
        CHECK_SFAR VA_UR, "user store acc 5 page: sfar"
        PHYS_LD %l0, PG_UR
        CHECK_EQ %l0, 0x66660000, "user store acc 5 page: memory unchanged"
        set     VA_RW, %l1
        TRAP_CLEAR
        ENTER_USER
        ld      [%l1], %l0
        st      %l0, [%l1 + 20]
        ENTER_SUPER
        CHECK_NOTRAP "user load/store acc 3 page: no trap"
        ! ASI 0x0a (user data) from supervisor mode is checked as user
        set     VA_SUP, %l1
        TRAP_CLEAR
.Lu3:   lda     [%l1] ASI_UDATA, %l0
        CHECK_TRAP_AT TT_DACC, .Lu3, "lda asi 0x0a acc 7 page traps"
        CHECK_SFSR_NOL .Lsf_upriv, "lda asi 0x0a acc 7 page: sfsr AT0 FT3"

! ================================================================ fetches
        ! code on a mapped page (ACC 2), supervisor and user
        set     VA_CODE, %l4
        jmpl    %l4, %o7
         clr    %o0
        mov     %o0, %l0
        CHECK_EQ %l0, 42, "execute on acc 2 page"
        ENTER_USER
        jmpl    %l4, %o7
         clr    %o0
        ENTER_SUPER
        mov     %o0, %l0
        CHECK_EQ %l0, 42, "user execute on acc 2 page"
        set     VA_SCODE, %l4
        jmpl    %l4, %o7
         clr    %o0
        mov     %o0, %l0
        CHECK_EQ %l0, 42, "execute on acc 6 page"

        ! instruction_access_exception: invalid PTE, no X (ACC 0),
        ! user fetch from ACC 6
        SFSR_SET .Lsf_iinv, 3, AT_LD_SINSN, FT_INVALID
        SFSR_SET .Lsf_iprot, 0, AT_LD_SINSN, FT_PROT
        SFSR_SET .Lsf_ipriv, 0, AT_LD_UINSN, FT_PRIV
        TRAP_CLEAR
        IFETCH  VA_INV
        CHECK_TRAP TT_IACC, VA_INV, VA_INV + 4, "fetch invalid pte traps"
        CHECK_SFSR .Lsf_iinv, "fetch invalid pte: sfsr L3 AT3 FT1"
        CHECK_SFAR VA_INV, "fetch invalid pte: sfar"
        TRAP_CLEAR
        IFETCH  VA_RO
        CHECK_TRAP TT_IACC, VA_RO, VA_RO + 4, "fetch acc 0 page traps"
        CHECK_SFSR_NOL .Lsf_iprot, "fetch acc 0 page: sfsr AT3 FT2"
        TRAP_CLEAR
        ENTER_USER
        IFETCH  VA_SCODE
        ENTER_SUPER
        CHECK_TRAP TT_IACC, VA_SCODE, VA_SCODE + 4, "user fetch acc 6 traps"
        CHECK_SFSR_NOL .Lsf_ipriv, "user fetch acc 6 page: sfsr AT2 FT3"

! ================================================================ bus errors
        ! VA_EMPTY maps to SBus slot 1, where nothing answers: an access
        ! error (FT 5) with the faulting address in SFAR (VA = PA here, see
        ! the header), data_access_error for data and
        ! instruction_access_error for fetches (V8 H.5; QEMU
        ! sparc_raise_mmu_fault)
        SFSR_SET .Lsf_bld, 0, AT_LD_SDATA, FT_BUS
        SFSR_SET .Lsf_bst, 0, AT_ST_SDATA, FT_BUS
        SFSR_SET .Lsf_bif, 0, AT_LD_SINSN, FT_BUS
        MMU_RD  %l6, MMU_SFSR                   ! start clean
        set     VA_EMPTY, %l1
        mov     0x77, %l0
        TRAP_CLEAR
.Lbe1:  ld      [%l1], %l0
        CHECK_TRAP_AT TT_DACC_ERR, .Lbe1, "load from an empty slot: data_access_error"
        CHECK_SFSR .Lsf_bld, "load from an empty slot: sfsr AT1 FT5 FAV"
        CHECK_SFAR VA_EMPTY, "load from an empty slot: sfar"
        TRAP_CLEAR
.Lbe2:  st      %g0, [%l1 + 8]
        CHECK_TRAP_AT TT_DACC_ERR, .Lbe2, "store to an empty slot: data_access_error"
        CHECK_SFSR .Lsf_bst, "store to an empty slot: sfsr AT5 FT5 FAV"
        CHECK_SFAR VA_EMPTY + 8, "store to an empty slot: sfar"
        TRAP_CLEAR
.Lbe3:  lda     [%l1] ASI_BYPASS, %l0
        CHECK_TRAP_AT TT_DACC_ERR, .Lbe3, "bypass load from an empty slot traps"
        CHECK_SFSR .Lsf_bld, "bypass load from an empty slot: sfsr AT1 FT5 FAV"
        SET_TRAP_HANDLER TT_IACC_ERR, mm_iacc
        TRAP_CLEAR
        IFETCH  VA_EMPTY
        CHECK_TRAP TT_IACC_ERR, VA_EMPTY, VA_EMPTY + 4, "fetch from an empty slot: instruction_access_error"
        CHECK_SFSR .Lsf_bif, "fetch from an empty slot: sfsr AT3 FT5 FAV"
        DEFAULT_TRAP_HANDLER TT_IACC_ERR

! ================================================================ probe
        ! every PTE probed below has R set already
        PROBE   %l0, VA_RW, PF_PAGE
        CHECK_EQ %l0, PTE_RW_RM, "probe page 0xf0000000: level-3 pte"
        PROBE   %l0, VA_RW, PF_SEGMENT
        CHECK_EQ %l0, PTD_L3_HI, "probe segment 0xf0000000: l2 ptd"
        PROBE   %l0, VA_RW, PF_REGION
        CHECK_EQ %l0, PTD_L2_HI, "probe region 0xf0000000: l1 ptd"
        PROBE   %l0, VA_RW, PF_CONTEXT
        CHECK_EQ %l0, PTD_L1_C0, "probe context: context table ptd"
        PROBE   %l0, VA_RW, PF_ENTIRE
        CHECK_EQ %l0, PTE_RW_RM, "probe entire 0xf0000000: pte"
        PROBE   %l0, VA_INV, PF_ENTIRE
        CHECK_EQ %l0, 0, "probe entire invalid pte: 0"
        PROBE   %l0, VA_INV, PF_PAGE
        CHECK_EQ %l0, 0, "probe page invalid pte: 0"
        PROBE   %l0, VA_INV, PF_SEGMENT
        CHECK_EQ %l0, PTD_L3_HI, "probe segment above invalid pte"
        PROBE   %l0, VA_INV_L1, PF_ENTIRE
        CHECK_EQ %l0, 0, "probe entire invalid l1: 0"
        PROBE   %l0, VA_INV_L1, PF_REGION
        CHECK_EQ %l0, 0, "probe region invalid l1: 0"
        PROBE   %l0, VA_INV_L1, PF_CONTEXT
        CHECK_EQ %l0, PTD_L1_C0, "probe context for invalid l1"
        PROBE   %l0, 0x00001000, PF_ENTIRE
        CHECK_EQ %l0, PTE_PA0_RM, "probe entire in 16 MB pte"
        PROBE   %l0, 0x00001000, PF_PAGE
        CHECK_EQ %l0, PTE_PA0_RM, "probe page stops at the 16 MB pte"
        PROBE   %l0, 0x00001000, PF_REGION
        CHECK_EQ %l0, PTE_PA0_RM, "probe region: the 16 MB pte"
        MMU_RD  %l6, MMU_SFSR                   ! not checked (see top)

! ================================================================ flush
        ! VA_FL -> PG_A; after each remap and flush the new page shows.
        set     VA_FL, %l1
        ld      [%l1], %l0
        CHECK_EQ %l0, 0xaaaa0000, "va_fl -> PG_A"
        .irp    t, PF_PAGE, PF_SEGMENT, PF_REGION, PF_CONTEXT, PF_ENTIRE
        PUT_PTE MM_L3_HI + 4 * 7, PG_B, 3
        FLUSH_MMU VA_FL, \t
        ld      [%l1], %l0
        CHECK_EQ %l0, 0xbbbb0000, "remap to PG_B, flush \t"
        PUT_PTE MM_L3_HI + 4 * 7, PG_A, 3
        FLUSH_MMU VA_FL, \t
        ld      [%l1], %l0
        CHECK_EQ %l0, 0xaaaa0000, "remap to PG_A, flush \t"
        .endr
        ! invalidate, flush: now it faults
        PHYS_ST 0, MM_L3_HI + 4 * 7
        FLUSH_MMU VA_FL, PF_PAGE
        TRAP_CLEAR
.Lf1:   ld      [%l1], %l0
        CHECK_TRAP_AT TT_DACC, .Lf1, "pte invalidated, flushed: traps"
        MMU_RD  %l6, MMU_SFSR

! ================================================================ contexts
        TRAP_CLEAR
        set     VA_8M, %l1
        ld      [%l1], %l0
        CHECK_EQ %l0, 0xc0c00000, "ctx 0: 0x00800000 -> PA 0x00800000"
        MMU_WRI 1, MMU_CTX
        MMU_RD  %l0, MMU_CTX
        CHECK_EQ %l0, 1, "context register 1"
        ld      [%l1], %l0
        CHECK_EQ %l0, 0xc1c10000, "ctx 1: 0x00800000 -> PG_C1"
        set     0x5555aaaa, %l2
        st      %l2, [%l1 + 4]
        PHYS_LD %l0, PG_C1 + 4
        CHECK_EQ %l0, 0x5555aaaa, "ctx 1: store lands in PG_C1"
        set     VA_RW, %o0
        ld      [%o0], %l0
        CHECK_EQ %l0, 0x11110000, "ctx 1: shared 0xf0000000 mapping"
        ! code runs through the 256 KB level-2 PTE of VA 0
        PHYS_LD %l0, MM_L2_LO
        set     PTE_R, %o0
        and     %l0, %o0, %l0
        CHECK_EQ %l0, PTE_R, "ctx 1: 256 KB pte of the code has R"
        PROBE   %l0, 0x00001000, PF_ENTIRE
        CHECK_EQ %l0, PTE_PA0_RM, "ctx 1: probe entire: 256 KB pte"
        PROBE   %l0, 0x00001000, PF_REGION
        CHECK_EQ %l0, PTD_L2_LO, "ctx 1: probe region: l1 ptd"
        PROBE   %l0, 0, PF_CONTEXT
        CHECK_EQ %l0, PTD_L1_C1, "ctx 1: probe context entry"
        MMU_RD  %l6, MMU_SFSR
        MMU_WRI 0, MMU_CTX
        ld      [%l1], %l0
        CHECK_EQ %l0, 0xc0c00000, "back in ctx 0: PA 0x00800000"
        CHECK_NOTRAP "context switches: no trap"

! ================================================================ disable
        MMU_WRI 1, MMU_CTX
        ld      [%l1], %l0
        CHECK_EQ %l0, 0xc1c10000, "ctx 1 again"
        MMU_WRI 0, MMU_CTRL
        nop
        nop
        nop
        MMU_RD  %l0, MMU_CTRL
        CHECK_EQ %l0, MMU_ID, "ctrl E clear"
        ld      [%l1], %l0
        CHECK_EQ %l0, 0xc0c00000, "mmu off: 0x00800000 is PA 0x00800000"
        MMU_WRI 0, MMU_CTX

        DEFAULT_TRAP_HANDLER TT_IACC
        ROM_END

! ================================================================ helpers
! mm_stub: copied to PG_CODE and run from VA_CODE / VA_SCODE.
        .align  4
mm_stub:
        retl
         mov    42, %o0

! mm_iacc: instruction_access_exception handler.  Records the trap in
! trap_rec as trap_generic does, then returns to the address in mm_resume
! (the faulting fetch cannot be skipped: its nPC is on the same page).
        .align  4
mm_iacc:
        TRAP_RECORD
        sethi   %hi(mm_resume), %l5
        ld      [%l5 + %lo(mm_resume)], %l5
        wr      %l0, %psr                       ! restore icc
        nop
        nop
        nop
        jmp     %l5
         rett   %l5 + 4
