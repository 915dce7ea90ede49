! branch.S - Bicc: all 16 conditions with and without annul, delay-slot
! and annul semantics, PC / nPC of traps in delay slots, displacements.
!
! For every condition the test loops over the 16 icc values and builds two
! 16-bit masks (bit n = icc value n): "taken" and "delay slot executed".
! Expected (V8 manual B.21): a non-annulled branch always executes its
! delay slot; an annulled conditional branch executes it only if taken;
! ba,a and bn,a never execute it.
!
! Known differences from QEMU: none.
! Not tested: DCTI couples (a CTI in the delay slot of a CTI), whose
! behaviour V8 defines only for some combinations.

        .include "rom.inc"

! BR_MASK "br", taken-mask, slot-mask, "name"
        .macro  BR_MASK br, taken, slot, name
        clr     %l6                     ! icc values with the branch taken
        clr     %l7                     ! icc values with the slot executed
        clr     %l4                     ! icc under test
.Lloop\@:
        mov     1, %l3
        sll     %l3, %l4, %l3
        clr     %l5
        SET_ICC_REG %l4
        \br     .Ltaken\@
         or     %l5, 1, %l5             ! delay slot
        ba      .Lnext\@
         nop
.Ltaken\@:
        or      %l6, %l3, %l6
.Lnext\@:
        tst     %l5
        be      .Lnoslot\@
         nop
        or      %l7, %l3, %l7
.Lnoslot\@:
        inc     %l4
        cmp     %l4, 16
        bne     .Lloop\@
         nop
        CHECK_EQ %l6, \taken, "\name taken mask"
        CHECK_EQ %l7, \slot, "\name delay slot mask"
        .endm

        ROM_BEGIN branch

        ! ---- all conditions, delay slot not annulled
        BR_MASK "bn",     0x0000, 0xffff, "bn"
        BR_MASK "be",     0xf0f0, 0xffff, "be"
        BR_MASK "ble",    0xf3fc, 0xffff, "ble"
        BR_MASK "bl",     0x33cc, 0xffff, "bl"
        BR_MASK "bleu",   0xfafa, 0xffff, "bleu"
        BR_MASK "bcs",    0xaaaa, 0xffff, "bcs"
        BR_MASK "bneg",   0xff00, 0xffff, "bneg"
        BR_MASK "bvs",    0xcccc, 0xffff, "bvs"
        BR_MASK "ba",     0xffff, 0xffff, "ba"
        BR_MASK "bne",    0x0f0f, 0xffff, "bne"
        BR_MASK "bg",     0x0c03, 0xffff, "bg"
        BR_MASK "bge",    0xcc33, 0xffff, "bge"
        BR_MASK "bgu",    0x0505, 0xffff, "bgu"
        BR_MASK "bcc",    0x5555, 0xffff, "bcc"
        BR_MASK "bpos",   0x00ff, 0xffff, "bpos"
        BR_MASK "bvc",    0x3333, 0xffff, "bvc"

        ! ---- all conditions, annulled
        BR_MASK "bn,a",   0x0000, 0x0000, "bn,a"
        BR_MASK "be,a",   0xf0f0, 0xf0f0, "be,a"
        BR_MASK "ble,a",  0xf3fc, 0xf3fc, "ble,a"
        BR_MASK "bl,a",   0x33cc, 0x33cc, "bl,a"
        BR_MASK "bleu,a", 0xfafa, 0xfafa, "bleu,a"
        BR_MASK "bcs,a",  0xaaaa, 0xaaaa, "bcs,a"
        BR_MASK "bneg,a", 0xff00, 0xff00, "bneg,a"
        BR_MASK "bvs,a",  0xcccc, 0xcccc, "bvs,a"
        BR_MASK "ba,a",   0xffff, 0x0000, "ba,a"
        BR_MASK "bne,a",  0x0f0f, 0x0f0f, "bne,a"
        BR_MASK "bg,a",   0x0c03, 0x0c03, "bg,a"
        BR_MASK "bge,a",  0xcc33, 0xcc33, "bge,a"
        BR_MASK "bgu,a",  0x0505, 0x0505, "bgu,a"
        BR_MASK "bcc,a",  0x5555, 0x5555, "bcc,a"
        BR_MASK "bpos,a", 0x00ff, 0x00ff, "bpos,a"
        BR_MASK "bvc,a",  0x3333, 0x3333, "bvc,a"

        ! ---- order of execution: slot before target
        clr     %l0
        ba      1f
         mov    1, %l0                  ! slot runs first ...
        mov     5, %l0                  ! ... this is skipped
1:      add     %l0, %l0, %l0           ! ... then the target
        CHECK_EQ %l0, 2, "ba: slot then target"

        clr     %l0
        SET_ICC ICC_Z
        bne     1f
         mov    3, %l0
        add     %l0, 1, %l0             ! fall-through after the slot
1:      CHECK_EQ %l0, 4, "bne untaken: slot then next"

        ! ---- annulled slots are not executed, so they cannot trap
        TRAP_CLEAR
        ba,a    1f
         unimp  0x1
1:      bn,a    1f
         unimp  0x2
1:      SET_ICC 0
        be,a    1f
         unimp  0x3
1:      CHECK_NOTRAP "annulled unimp does not trap"

        ! bn (not annulled) executes its slot
        TRAP_CLEAR
2:      bn      1f
3:       unimp  0x4
1:      CHECK_TRAP_AT TT_ILLEGAL, 3b, "bn executes slot"

        ! ---- a trap in a delay slot: PC = slot, nPC = target (taken) or
        ! slot + 4 (untaken); the handler resumes at nPC
        TRAP_CLEAR
        clr     %l0
        ba      4f
5:       ta     1
        mov     1, %l0                  ! skipped: branch was taken
4:      CHECK_TRAP TT_TICC + 1, 5b, 4b, "trap in taken slot pc/npc"
        CHECK_EQ %l0, 0, "trap in taken slot resumes at target"

        TRAP_CLEAR
        clr     %l0
        SET_ICC 0
        be      4f
5:       ta     2
6:      mov     1, %l0                  ! fall-through
4:      CHECK_TRAP TT_TICC + 2, 5b, 6b, "trap in untaken slot pc/npc"
        CHECK_EQ %l0, 1, "trap in untaken slot resumes after it"

        TRAP_CLEAR
        clr     %l0
        SET_ICC 0
        bne,a   4f
5:       ta     3
        mov     1, %l0
4:      CHECK_TRAP TT_TICC + 3, 5b, 4b, "trap in taken annul slot"
        CHECK_EQ %l0, 0, "trap in taken annul slot: target next"

        ! ---- backward branch loop
        clr     %l0
        mov     10, %l1
1:      inc     %l0
        subcc   %l1, 1, %l1
        bne     1b
         nop
        CHECK_EQ %l0, 10, "backward loop count"

        ! Loop with the increment in the slot of an annulled branch: the
        ! last (untaken) iteration annuls it.
        clr     %l0
        mov     10, %l1
1:      subcc   %l1, 1, %l1
        bne,a   1b
         inc    %l0
        CHECK_EQ %l0, 9, "annulled loop slot"

        ! ---- long displacements (sign extension of disp22)
        clr     %l0
        ba      far_fwd
         nop
far_back:
        ba      far_done
         or     %l0, 2, %l0
        .skip   0x24000                 ! 147 KB: |disp| > 2^15 words
far_fwd:
        ba      far_back
         or     %l0, 1, %l0
        mov     5, %l0                  ! skipped
far_done:
        CHECK_EQ %l0, 3, "branch displacement beyond 2^15 words"

        ! ---- branches do not change icc
        SET_ICC ICC_N|ICC_V
        bvs     1f
         nop
1:      CHECK_ICC ICC_N|ICC_V, "branch keeps icc"

        ROM_END
