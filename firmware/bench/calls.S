! calls.S - procedure call benchmark.
!
! Naive recursive Fibonacci: every call does save / restore, and because
! the recursion depth swings between 1 and N while the MB86904 has only
! eight windows, window_overflow and window_underflow traps (start.S
! spill / fill handlers) are taken all the time.  fib(n) makes
! 2 fib(n + 1) - 1 calls of 7 to 12 instructions.

        .include "bench.inc"

        FIB_N   = 27                    ! fib(27) = 196418, 635621 calls

        BENCH_COUNT 120, 1              ! fib(FIB_N) evaluations

        BENCH_BEGIN calls
        clr     %l0                     ! sum of results
        clr     %l1                     ! rep number
        set     BENCH_REPS, %l7
1:      and     %l1, 3, %o1             ! fib(FIB_N - (rep & 3)), so
        mov     FIB_N, %o0              ! the depths vary a little
        call    fib
         sub    %o0, %o1, %o0
        add     %l0, %o0, %l0
        sll     %l0, 1, %l2             ! rotate the sum left by one
        srl     %l0, 31, %l0
        or      %l0, %l2, %l0
        subcc   %l7, 1, %l7
        bne     1b
         inc    %l1
        mov     %l0, %i0
        BENCH_END

! fib(%o0 = n) -> %o0
fib:
        save    %sp, -96, %sp
        cmp     %i0, 2
        bl      9f                      ! fib(0) = 0, fib(1) = 1
         nop
        call    fib
         sub    %i0, 1, %o0
        mov     %o0, %l0
        call    fib
         sub    %i0, 2, %o0
        add     %o0, %l0, %i0
9:      ret
         restore
