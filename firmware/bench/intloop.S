! intloop.S - integer ALU and branch benchmark.
!
! A xorshift32 generator drives a loop of shifts, logic, add/sub with
! carry, compares and data-dependent branches (taken about half of the
! time, so a host branch predictor cannot learn them).  No loads, stores,
! multiplies or traps.  One iteration is 23 to 27 instructions, 25 on
! average; the result mixes every value the loop produced.

        .include "bench.inc"

        BENCH_COUNT 40000000, 40000     ! iterations (1.0e9 insns)

        BENCH_BEGIN intloop
        set     0x2545f491, %l0         ! x: xorshift state (never 0)
        set     0x9e3779b9, %l1         ! a: accumulator
        clr     %l2                     ! b: carry accumulator
        clr     %l3                     ! c: taken-branch counter
        set     BENCH_REPS, %l7
1:
        sll     %l0, 13, %l4            ! x ^= x << 13
        xor     %l0, %l4, %l0
        srl     %l0, 17, %l4            ! x ^= x >> 17
        xor     %l0, %l4, %l0
        sll     %l0, 5, %l4             ! x ^= x << 5
        xor     %l0, %l4, %l0

        addcc   %l1, %l0, %l1           ! a += x, carry into b
        addx    %l2, 0, %l2
        andcc   %l0, 0x100, %g0         ! random bit decides the path
        bne     2f
         srl    %l1, 3, %l5
        sub     %l1, %l5, %l1           ! a -= a >> 3
        ba      3f
         or     %l2, 1, %l2
2:      xor     %l1, %l5, %l1           ! a ^= a >> 3
        add     %l3, 1, %l3
3:
        cmp     %l0, %l1                ! unsigned compare of two randoms
        bgu     4f
         and    %l0, 0xff, %l6
        sll     %l1, 1, %l5             ! a = rotl(a, 1) + (x & 0xff)
        srl     %l1, 31, %l1
        or      %l1, %l5, %l1
4:      add     %l1, %l6, %l1
        andn    %l2, %l6, %l5           ! b = b + (b & ~(x & 0xff)) ^ c
        add     %l2, %l5, %l2
        xor     %l2, %l3, %l2

        subcc   %l7, 1, %l7
        bne     1b
         nop

        xor     %l1, %l2, %i0
        xor     %i0, %l3, %i0
        BENCH_END
