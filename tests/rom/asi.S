! asi.S - alternate-space loads and stores: LDSBA LDSHA LDUBA LDUHA LDA LDDA
! STBA STHA STA STDA (LDSTUBA and SWAPA are in atomic.S).
!
! With the MMU off (MMU control E = 0, BM = 0 after start-up) the user and
! supervisor data ASIs 0x0a / 0x0b and the bypass ASI 0x20 all reach RAM
! at PA = VA; ASI 0x20 also reaches the boot PROM at PA 0x70000000, which
! holds this very image; ASI 0x09 (supervisor instruction) reads code.
! V8 B.1/B.4: alternate-space instructions are privileged
! (privileged_instruction, tt 0x03, in user mode) and exist only with
! i = 0 (i = 1 is illegal_instruction, tt 0x02).
!
! Known differences from QEMU:
!  - An alternate-space instruction with i = 1 executed in user mode:
!    QEMU 7.2 raises illegal_instruction, while V8 gives
!    privileged_instruction the higher priority.  Only the supervisor case
!    (illegal_instruction either way) is tested.

        .include "rom.inc"

! ASI_LOADS asi: every alternate load size from ldbuf through ASI asi
        .macro  ASI_LOADS asi, tag
        set     ldbuf, %l0
        mov     1, %l6
        lduba   [%l0] \asi, %l1
        CHECK_EQ %l1, 0x80, "lduba asi \tag"
        lduba   [%l0 + %l6] \asi, %l1
        CHECK_EQ %l1, 0xff, "lduba [rs1+rs2] asi \tag"
        ldsba   [%l0] \asi, %l1
        CHECK_EQ %l1, 0xffffff80, "ldsba asi \tag"
        lduha   [%l0] \asi, %l1
        CHECK_EQ %l1, 0x80ff, "lduha asi \tag"
        ldsha   [%l0] \asi, %l1
        CHECK_EQ %l1, 0xffff80ff, "ldsha asi \tag"
        mov     2, %l6
        ldsha   [%l0 + %l6] \asi, %l1
        CHECK_EQ %l1, 0x7f01, "ldsha +2 asi \tag"
        lda     [%l0] \asi, %l1
        CHECK_EQ %l1, 0x80ff7f01, "lda asi \tag"
        mov     8, %l6
        ldda    [%l0 + %l6] \asi, %l2
        CHECK_EQ %l2, 0x9abcdef0, "ldda even asi \tag"
        CHECK_EQ %l3, 0x00008000, "ldda odd asi \tag"
        .endm

! ASI_STORES asi: every alternate store size into stbuf through ASI asi
        .macro  ASI_STORES asi, tag
        call    reset_stbuf
         nop
        set     stbuf, %l0
        set     0xa5, %l1
        stba    %l1, [%l0] \asi
        mov     6, %l6
        set     0xbeef, %l1
        stha    %l1, [%l0 + %l6] \asi
        ld      [%l0], %l2
        ld      [%l0 + 4], %l3
        CHECK_EQ %l2, 0xa5234567, "stba asi \tag"
        CHECK_EQ %l3, 0x89abbeef, "stha asi \tag"
        set     0x0badcafe, %l1
        mov     8, %l6
        sta     %l1, [%l0 + %l6] \asi
        ld      [%l0 + 8], %l2
        CHECK_EQ %l2, 0x0badcafe, "sta asi \tag"
        set     0x11111111, %l2
        set     0x22222222, %l3
        stda    %l2, [%l0] \asi
        ldd     [%l0], %l4
        CHECK_EQ %l4, 0x11111111, "stda even asi \tag"
        CHECK_EQ %l5, 0x22222222, "stda odd asi \tag"
        .endm

! PRIVTEST "insn", "name": insn must trap with tt 0x03 in user mode and
! leave %l2 / %l3 and stbuf unchanged.
        .macro  PRIVTEST insn, name
        call    reset_stbuf
         nop
        set     stbuf, %l0
        set     0x5a5a5a5a, %l2
        set     0x6b6b6b6b, %l3
        TRAP_CLEAR
        ENTER_USER
.Lpt\@:
        \insn
        ENTER_SUPER
        CHECK_TRAP_AT TT_PRIV, .Lpt\@, "user \name traps"
        CHECK_EQ %l2, 0x5a5a5a5a, "user \name rd kept"
        CHECK_EQ %l3, 0x6b6b6b6b, "user \name rd+1 kept"
        ld      [%l0], %l4
        CHECK_EQ %l4, 0x01234567, "user \name memory kept"
        .endm

        ROM_BEGIN asi

        ! ---- loads and stores through the data and bypass ASIs
        ASI_LOADS ASI_UDATA, 0x0a
        ASI_LOADS ASI_SDATA, 0x0b
        ASI_LOADS ASI_BYPASS, 0x20
        ASI_STORES ASI_UDATA, 0x0a
        ASI_STORES ASI_SDATA, 0x0b
        ASI_STORES ASI_BYPASS, 0x20

        ! a store through one ASI is seen through another
        set     stbuf, %l0
        set     0x12345678, %l1
        sta     %l1, [%l0] ASI_BYPASS
        lda     [%l0] ASI_SDATA, %l2
        CHECK_EQ %l2, 0x12345678, "sta 0x20, lda 0x0b"

        ! ---- ASI 0x20 reaches the boot PROM (this image) at 0x70000000
        set     PROM_BASE, %l0
        lda     [%l0] ASI_BYPASS, %l1
        ld      [%g0], %l2
        CHECK_REG %l1, %l2, "PROM word 0 = RAM copy word 0"
        set     PROM_BASE + ldbuf, %l0
        lda     [%l0] ASI_BYPASS, %l1
        CHECK_EQ %l1, 0x80ff7f01, "PROM copy of ldbuf (lda)"
        lduba   [%l0] ASI_BYPASS, %l1
        CHECK_EQ %l1, 0x80, "PROM copy of ldbuf (lduba)"
        ldsha   [%l0] ASI_BYPASS, %l1
        CHECK_EQ %l1, 0xffff80ff, "PROM copy of ldbuf (ldsha)"
        set     PROM_BASE + ldbuf + 8, %l0
        ldda    [%l0] ASI_BYPASS, %l2
        CHECK_EQ %l2, 0x9abcdef0, "PROM copy of ldbuf (ldda even)"
        CHECK_EQ %l3, 0x00008000, "PROM copy of ldbuf (ldda odd)"

        ! ---- ASI 0x09 reads instructions
        set     code_word, %l0
        lda     [%l0] ASI_STEXT, %l1
        CHECK_EQ %l1, 0x9a10200c, "lda asi 0x09 reads code"

        ! ---- misaligned alternate accesses trap like the plain ones
        set     stbuf + 2, %l0
        TRAP_CLEAR
1:      lda     [%l0] ASI_BYPASS, %l2
        CHECK_TRAP_AT TT_ALIGN, 1b, "lda +2 misaligned"
        set     stbuf + 1, %l0
        TRAP_CLEAR
1:      stha    %l2, [%l0] ASI_SDATA
        CHECK_TRAP_AT TT_ALIGN, 1b, "stha +1 misaligned"
        set     stbuf + 4, %l0
        TRAP_CLEAR
1:      ldda    [%l0] ASI_BYPASS, %l2
        CHECK_TRAP_AT TT_ALIGN, 1b, "ldda +4 misaligned"

        ! ---- i = 1 forms do not exist (supervisor: illegal_instruction)
        set     stbuf, %l0
        set     0x5a5a5a5a, %l2
        TRAP_CLEAR
1:      .word   0xe4842000              ! lda [%l0 + 0] (i = 1), %l2
        CHECK_TRAP_AT TT_ILLEGAL, 1b, "lda with i=1 illegal"
        CHECK_EQ %l2, 0x5a5a5a5a, "lda with i=1 rd kept"
        TRAP_CLEAR
1:      .word   0xe4a42000              ! sta %l2, [%l0 + 0] (i = 1)
        CHECK_TRAP_AT TT_ILLEGAL, 1b, "sta with i=1 illegal"
        TRAP_CLEAR
1:      .word   0xe4882000              ! lduba [%l0 + 0] (i = 1), %l2
        CHECK_TRAP_AT TT_ILLEGAL, 1b, "lduba with i=1 illegal"

        ! ---- privileged in user mode
        PRIVTEST "lda [%l0] ASI_BYPASS, %l2", "lda"
        PRIVTEST "lda [%l0] ASI_UDATA, %l2", "lda asi 0x0a"
        PRIVTEST "lduba [%l0] ASI_BYPASS, %l2", "lduba"
        PRIVTEST "ldsba [%l0] ASI_BYPASS, %l2", "ldsba"
        PRIVTEST "lduha [%l0] ASI_BYPASS, %l2", "lduha"
        PRIVTEST "ldsha [%l0] ASI_BYPASS, %l2", "ldsha"
        PRIVTEST "ldda [%l0] ASI_BYPASS, %l2", "ldda"
        PRIVTEST "sta %g1, [%l0] ASI_BYPASS", "sta"
        PRIVTEST "stba %g1, [%l0] ASI_BYPASS", "stba"
        PRIVTEST "stha %g1, [%l0] ASI_BYPASS", "stha"
        PRIVTEST "stda %l2, [%l0] ASI_BYPASS", "stda"
        PRIVTEST "sta %g1, [%l0] ASI_UDATA", "sta asi 0x0a"
        ! misaligned and privileged: privileged_instruction wins (V8
        ! priority 6 before mem_address_not_aligned 10)
        set     stbuf + 1, %l0
        TRAP_CLEAR
        ENTER_USER
1:      lda     [%l0] ASI_BYPASS, %l2
        ENTER_SUPER
        CHECK_TRAP_AT TT_PRIV, 1b, "user misaligned lda: privileged"

        ROM_END

code_word:
        mov     12, %o5                 ! 0x9a10200c

! reset_stbuf: stbuf = 01234567 89abcdef 01234567 89abcdef
reset_stbuf:
        set     stbuf, %o0
        set     0x01234567, %o2
        set     0x89abcdef, %o3
        std     %o2, [%o0]
        retl
         std    %o2, [%o0 + 8]

        .data
        .align  8
ldbuf:  .byte   0x80, 0xff, 0x7f, 0x01, 0x12, 0x34, 0x56, 0x78
        .byte   0x9a, 0xbc, 0xde, 0xf0, 0x00, 0x00, 0x80, 0x00
        .align  8
stbuf:  .skip   16
