! atomic.S - LDSTUB, LDSTUBA, SWAP, SWAPA.
!
! V8 B.7/B.8: LDSTUB loads a byte (zero-extended) and writes 0xff to it;
! SWAP exchanges a register with a word in memory (word alignment
! required, tt 0x07 otherwise); the A forms take an ASI, are privileged and
! need i = 0.
!
! Known differences from QEMU: none.

        .include "rom.inc"

        ROM_BEGIN atomic

        ! ---- ldstub at each byte offset
        call    reset_buf
         nop
        set     buf, %l0
        ldstub  [%l0 + 0], %l1
        CHECK_EQ %l1, 0x12, "ldstub +0 returns old byte"
        ld      [%l0], %l2
        CHECK_EQ %l2, 0xff3456f8, "ldstub +0 sets 0xff"
        ldstub  [%l0 + 3], %l1
        CHECK_EQ %l1, 0xf8, "ldstub +3 zero-extends"
        ld      [%l0], %l2
        CHECK_EQ %l2, 0xff3456ff, "ldstub +3 sets 0xff"
        ldstub  [%l0 + 0], %l1
        CHECK_EQ %l1, 0xff, "ldstub of a held lock returns 0xff"
        mov     5, %l3
        ldstub  [%l0 + %l3], %l1        ! reg + reg
        CHECK_EQ %l1, 0x9a, "ldstub [rs1 + rs2]"
        ld      [%l0 + 4], %l2
        CHECK_EQ %l2, 0x00ffbcde, "ldstub +5 leaves neighbours"
        ldstub  [%l0 + 6], %g0          ! rd = g0: memory still updated
        ld      [%l0 + 4], %l2
        CHECK_EQ %l2, 0x00ffffde, "ldstub rd g0 still stores"
        CHECK_EQ %g0, 0, "ldstub rd g0 stays 0"

        ! ---- simple spin lock protocol
        set     lock, %l0
        stb     %g0, [%l0]
        ldstub  [%l0], %l1              ! acquire
        ldstub  [%l0], %l2              ! second attempt fails
        stb     %g0, [%l0]              ! release
        ldstub  [%l0], %l3              ! acquire again
        CHECK_EQ %l1, 0, "lock: first acquire"
        CHECK_EQ %l2, 0xff, "lock: second attempt sees held"
        CHECK_EQ %l3, 0, "lock: acquire after release"

        ! ---- ldstuba through ASIs 0x0b and 0x20
        call    reset_buf
         nop
        set     buf, %l0
        ldstuba [%l0] ASI_SDATA, %l1
        CHECK_EQ %l1, 0x12, "ldstuba asi 0x0b old byte"
        mov     1, %l3
        ldstuba [%l0 + %l3] ASI_BYPASS, %l1
        CHECK_EQ %l1, 0x34, "ldstuba asi 0x20 old byte"
        ld      [%l0], %l2
        CHECK_EQ %l2, 0xffff56f8, "ldstuba set both bytes"

        ! ---- swap
        call    reset_buf
         nop
        set     buf, %l0
        set     0xcafebabe, %l1
        swap    [%l0], %l1
        CHECK_EQ %l1, 0x123456f8, "swap returns old word"
        ld      [%l0], %l2
        CHECK_EQ %l2, 0xcafebabe, "swap stores register"
        mov     4, %l3
        set     0x00000001, %l1
        swap    [%l0 + %l3], %l1
        CHECK_EQ %l1, 0x009abcde, "swap [rs1 + rs2]"
        ld      [%l0 + 4], %l2
        CHECK_EQ %l2, 1, "swap [rs1 + rs2] stored"
        set     0x77777777, %l1
        swap    [%l0 + 4], %l1          ! immediate offset
        swap    [%l0 + 4], %l1          ! and back
        CHECK_EQ %l1, 0x77777777, "swap twice restores register"
        ld      [%l0 + 4], %l2
        CHECK_EQ %l2, 1, "swap twice restores memory"
        swap    [%l0], %g0              ! stores 0, result discarded
        ld      [%l0], %l2
        CHECK_EQ %l2, 0, "swap g0 stores zero"
        CHECK_EQ %g0, 0, "swap g0 stays 0"

        ! ---- swapa through ASIs 0x0a and 0x20
        call    reset_buf
         nop
        set     buf, %l0
        set     0x13579bdf, %l1
        swapa   [%l0] ASI_UDATA, %l1
        CHECK_EQ %l1, 0x123456f8, "swapa asi 0x0a old word"
        ld      [%l0], %l2
        CHECK_EQ %l2, 0x13579bdf, "swapa asi 0x0a stored"
        mov     4, %l3
        set     0x2468ace0, %l1
        swapa   [%l0 + %l3] ASI_BYPASS, %l1
        CHECK_EQ %l1, 0x009abcde, "swapa asi 0x20 old word"
        ld      [%l0 + 4], %l2
        CHECK_EQ %l2, 0x2468ace0, "swapa asi 0x20 stored"

        ! ---- swap alignment: tt 0x07, register and memory kept
        call    reset_buf
         nop
        set     0x5a5a5a5a, %l1
        set     buf + 2, %l0
        TRAP_CLEAR
1:      swap    [%l0], %l1
        CHECK_TRAP_AT TT_ALIGN, 1b, "swap +2 misaligned"
        CHECK_EQ %l1, 0x5a5a5a5a, "swap misaligned rd kept"
        set     buf, %l0
        ld      [%l0], %l2
        CHECK_EQ %l2, 0x123456f8, "swap misaligned memory kept"
        set     buf + 1, %l0
        TRAP_CLEAR
1:      swapa   [%l0] ASI_BYPASS, %l1
        CHECK_TRAP_AT TT_ALIGN, 1b, "swapa +1 misaligned"
        ! ldstub has no alignment restriction
        set     buf + 3, %l0
        TRAP_CLEAR
        ldstub  [%l0], %l1
        CHECK_NOTRAP "ldstub at +3 does not trap"

        ! ---- A forms are privileged
        call    reset_buf
         nop
        set     buf, %l0
        set     0x5a5a5a5a, %l1
        TRAP_CLEAR
        ENTER_USER
1:      ldstuba [%l0] ASI_BYPASS, %l1
        ENTER_SUPER
        CHECK_TRAP_AT TT_PRIV, 1b, "user ldstuba traps"
        CHECK_EQ %l1, 0x5a5a5a5a, "user ldstuba rd kept"
        TRAP_CLEAR
        ENTER_USER
1:      swapa   [%l0] ASI_UDATA, %l1
        ENTER_SUPER
        CHECK_TRAP_AT TT_PRIV, 1b, "user swapa traps"
        CHECK_EQ %l1, 0x5a5a5a5a, "user swapa rd kept"
        ld      [%l0], %l2
        CHECK_EQ %l2, 0x123456f8, "user ldstuba/swapa memory kept"
        ! plain ldstub / swap work in user mode
        TRAP_CLEAR
        ENTER_USER
        ldstub  [%l0 + 3], %l3
        swap    [%l0 + 4], %l1
        ENTER_SUPER
        CHECK_NOTRAP "user ldstub / swap do not trap"
        CHECK_EQ %l3, 0xf8, "user ldstub result"
        CHECK_EQ %l1, 0x009abcde, "user swap result"

        ! ---- i = 1 forms of the A instructions are illegal
        set     buf, %l0
        TRAP_CLEAR
1:      .word   0xe2ec2000              ! ldstuba [%l0 + 0] (i = 1), %l1
        CHECK_TRAP_AT TT_ILLEGAL, 1b, "ldstuba with i=1 illegal"
        TRAP_CLEAR
1:      .word   0xe2fc2000              ! swapa [%l0 + 0] (i = 1), %l1
        CHECK_TRAP_AT TT_ILLEGAL, 1b, "swapa with i=1 illegal"

        ROM_END

! reset_buf: buf = 123456f8 009abcde
reset_buf:
        set     buf, %o0
        set     0x123456f8, %o2
        set     0x009abcde, %o3
        retl
         std    %o2, [%o0]

        .data
        .align  8
buf:    .skip   8
lock:   .skip   4
