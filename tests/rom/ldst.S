! ldst.S - integer loads and stores: LDSB LDSH LDUB LDUH LD LDD STB STH ST
! STD, big-endian byte order, sign/zero extension, addressing modes,
! rd = %g0 cases, and mem_address_not_aligned (tt 0x07) for every size.
!
! V8 B.1/B.4: halfword accesses need 2-byte, word 4-byte, doubleword
! 8-byte alignment; a misaligned access traps before any register or
! memory changes.  LDD with rd = 0 writes only r[1]; STD with rd = 0 stores
! r[0] (zero) and r[1].
!
! Known differences from QEMU:
!  - LDD/STD with an odd rd: QEMU 7.2 raises illegal_instruction; V8 says
!    the low bit of rd is unused.  Not tested.

        .include "rom.inc"

! LDTEST op, offset, expected, "name": load from ldbuf + offset
        .macro  LDTEST op, off, val, name
        set     ldbuf, %l0
        set     0x5a5a5a5a, %l1
        \op     [%l0 + \off], %l1
        CHECK_EQ %l1, \val, "\name"
        .endm

! ALIGNTEST "insn", "name": insn uses %l0 (address), %l2/%l3 (data); it
! must trap with tt 0x07 and leave %l2, %l3 and memory unchanged.
        .macro  ALIGNTEST insn, name
        set     0x5a5a5a5a, %l2
        set     0x6b6b6b6b, %l3
        TRAP_CLEAR
.Lat\@:
        \insn
        CHECK_TRAP_AT TT_ALIGN, .Lat\@, "\name traps"
        CHECK_EQ %l2, 0x5a5a5a5a, "\name rd kept"
        CHECK_EQ %l3, 0x6b6b6b6b, "\name rd+1 kept"
        set     stbuf, %l4
        ldd     [%l4], %l4
        CHECK_EQ %l4, 0x01234567, "\name memory kept (word 0)"
        CHECK_EQ %l5, 0x89abcdef, "\name memory kept (word 1)"
        .endm

        ROM_BEGIN ldst

        ! ---- loads of every size and offset from
        ! ldbuf: 80 ff 7f 01 | 12 34 56 78 | 9a bc de f0 | 00 00 80 00
        LDTEST  ldub, 0, 0x80, "ldub +0 (0x80)"
        LDTEST  ldub, 1, 0xff, "ldub +1 (0xff)"
        LDTEST  ldub, 2, 0x7f, "ldub +2"
        LDTEST  ldub, 3, 0x01, "ldub +3"
        LDTEST  ldsb, 0, 0xffffff80, "ldsb +0 (0x80)"
        LDTEST  ldsb, 1, 0xffffffff, "ldsb +1 (0xff)"
        LDTEST  ldsb, 2, 0x0000007f, "ldsb +2 (0x7f)"
        LDTEST  ldsb, 3, 0x00000001, "ldsb +3"
        LDTEST  lduh, 0, 0x80ff, "lduh +0"
        LDTEST  lduh, 2, 0x7f01, "lduh +2"
        LDTEST  lduh, 14, 0x8000, "lduh +14 (0x8000)"
        LDTEST  ldsh, 0, 0xffff80ff, "ldsh +0"
        LDTEST  ldsh, 2, 0x00007f01, "ldsh +2"
        LDTEST  ldsh, 14, 0xffff8000, "ldsh +14 (0x8000)"
        LDTEST  ldsh, 12, 0x00000000, "ldsh +12 (0)"
        LDTEST  ld, 0, 0x80ff7f01, "ld +0"
        LDTEST  ld, 4, 0x12345678, "ld +4"
        LDTEST  ld, 8, 0x9abcdef0, "ld +8"

        ! ldd: even register gets the word at the address, odd the next
        set     ldbuf, %l0
        ldd     [%l0 + 8], %l2
        CHECK_EQ %l2, 0x9abcdef0, "ldd even reg"
        CHECK_EQ %l3, 0x00008000, "ldd odd reg"
        ldd     [%l0], %i4
        CHECK_EQ %i4, 0x80ff7f01, "ldd into i4"
        CHECK_EQ %i5, 0x12345678, "ldd into i5"
        ! ldd into %g0/%g1: only %g1 is written
        set     0x5a5a5a5a, %g1
        ldd     [%l0], %g0
        CHECK_EQ %g0, 0, "ldd g0: g0 stays 0"
        CHECK_EQ %g1, 0x12345678, "ldd g0: g1 = second word"

        ! ---- addressing modes
        set     ldbuf + 16, %l0
        ld      [%l0 - 12], %l1
        CHECK_EQ %l1, 0x12345678, "ld [rs1 - imm]"
        set     ldbuf, %l0
        mov     8, %l2
        ld      [%l0 + %l2], %l1
        CHECK_EQ %l1, 0x9abcdef0, "ld [rs1 + rs2]"
        set     ldbuf + 4096, %l0
        ld      [%l0 + -4096], %l1
        CHECK_EQ %l1, 0x80ff7f01, "ld [rs1 - 4096]"
        set     ldbuf - 4095 + 3, %l0
        ldub    [%l0 + 4095], %l1
        CHECK_EQ %l1, 0x01, "ldub [rs1 + 4095]"
        ! absolute (rs1 = %g0): trap table slot 1 = "rd %psr, %l0"
        ld      [%g0 + 16], %l1
        CHECK_EQ %l1, 0xa1480000, "ld [g0 + 16] absolute"
        set     0x5a5a5a5a, %l1
        ld      [%l0 + 4092], %g0
        CHECK_EQ %g0, 0, "load into g0 is discarded"

        ! ---- stores, read back, neighbours untouched
        set     stbuf, %l0
        call    reset_stbuf
         nop
        set     0xa5, %l1
        stb     %l1, [%l0 + 0]
        ld      [%l0], %l2
        CHECK_EQ %l2, 0xa5234567, "stb +0"
        set     0x1ff, %l1                      ! only the low byte counts
        stb     %l1, [%l0 + 3]
        ld      [%l0], %l2
        CHECK_EQ %l2, 0xa52345ff, "stb +3 (low byte of 0x1ff)"
        stb     %g0, [%l0 + 1]
        stb     %g0, [%l0 + 2]
        ld      [%l0], %l2
        CHECK_EQ %l2, 0xa50000ff, "stb g0 +1 +2"
        ld      [%l0 + 4], %l2
        CHECK_EQ %l2, 0x89abcdef, "stb leaves next word"

        call    reset_stbuf
         nop
        set     0xdeadbeef, %l1
        sth     %l1, [%l0 + 2]
        ld      [%l0], %l2
        CHECK_EQ %l2, 0x0123beef, "sth +2 (low half)"
        sth     %l1, [%l0 + 4]
        ld      [%l0 + 4], %l2
        CHECK_EQ %l2, 0xbeefcdef, "sth +4"
        lduh    [%l0 + 2], %l2
        CHECK_EQ %l2, 0xbeef, "sth/lduh round trip"

        call    reset_stbuf
         nop
        set     0xcafef00d, %l1
        st      %l1, [%l0 + 4]
        ld      [%l0], %l2
        ld      [%l0 + 4], %l3
        CHECK_EQ %l2, 0x01234567, "st +4 leaves +0"
        CHECK_EQ %l3, 0xcafef00d, "st +4"
        st      %g0, [%l0]
        ld      [%l0], %l2
        CHECK_EQ %l2, 0, "st g0"

        ! big-endian: a word store is seen MSB first by byte loads
        set     0x11223344, %l1
        st      %l1, [%l0]
        ldub    [%l0 + 0], %l2
        CHECK_EQ %l2, 0x11, "big-endian byte 0"
        ldub    [%l0 + 3], %l2
        CHECK_EQ %l2, 0x44, "big-endian byte 3"
        lduh    [%l0 + 2], %l2
        CHECK_EQ %l2, 0x3344, "big-endian half 1"

        ! std: even register to the address, odd to address + 4
        call    reset_stbuf
         nop
        set     0x11111111, %l2
        set     0x22222222, %l3
        std     %l2, [%l0 + 8]
        ld      [%l0 + 8], %l4
        ld      [%l0 + 12], %l5
        CHECK_EQ %l4, 0x11111111, "std even word"
        CHECK_EQ %l5, 0x22222222, "std odd word"
        ld      [%l0 + 4], %l4
        CHECK_EQ %l4, 0x89abcdef, "std leaves previous word"
        ! std %g0: stores 0 and %g1
        set     0x33333333, %g1
        std     %g0, [%l0 + 8]
        ldd     [%l0 + 8], %l4
        CHECK_EQ %l4, 0, "std g0: first word 0"
        CHECK_EQ %l5, 0x33333333, "std g0: second word g1"

        ! load right after a store to the same address; use right after load
        set     0x0badf00d, %l1
        st      %l1, [%l0]
        ld      [%l0], %l2
        add     %l2, 1, %l3
        CHECK_EQ %l3, 0x0badf00e, "store, load, use"

        ! ---- mem_address_not_aligned for every size
        call    reset_stbuf
         nop
        set     stbuf + 1, %l0
        ALIGNTEST "ld [%l0], %l2", "ld +1"
        set     stbuf + 2, %l0
        ALIGNTEST "ld [%l0], %l2", "ld +2"
        set     stbuf + 3, %l0
        ALIGNTEST "ld [%l0], %l2", "ld +3"
        set     stbuf + 1, %l0
        ALIGNTEST "lduh [%l0], %l2", "lduh +1"
        set     stbuf + 3, %l0
        ALIGNTEST "ldsh [%l0], %l2", "ldsh +3"
        set     stbuf + 4, %l0
        ALIGNTEST "ldd [%l0], %l2", "ldd +4"
        set     stbuf + 2, %l0
        ALIGNTEST "ldd [%l0], %l2", "ldd +2"
        set     stbuf + 1, %l0
        ALIGNTEST "st %l2, [%l0]", "st +1"
        set     stbuf + 2, %l0
        ALIGNTEST "st %l2, [%l0]", "st +2"
        set     stbuf + 1, %l0
        ALIGNTEST "sth %l2, [%l0]", "sth +1"
        set     stbuf + 4, %l0
        ALIGNTEST "std %l2, [%l0]", "std +4"
        set     stbuf + 6, %l0
        ALIGNTEST "std %l2, [%l0]", "std +6"
        ! reg + reg effective address misaligned
        set     stbuf, %l0
        mov     2, %l6
        ALIGNTEST "ld [%l0 + %l6], %l2", "ld [rs1 + rs2] misaligned"

        ! byte accesses never trap
        set     stbuf + 3, %l0
        TRAP_CLEAR
        ldub    [%l0], %l2
        ldsb    [%l0], %l2
        stb     %l2, [%l0]
        CHECK_NOTRAP "byte accesses at +3 do not trap"

        ROM_END

! reset_stbuf: stbuf = 01234567 89abcdef 01234567 89abcdef (uses %o regs)
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
