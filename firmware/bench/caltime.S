! caltime.S - kernel-style 64-bit calendar arithmetic benchmark.
!
! Why: Linux's KUnit case time64_to_tm_test_date_range (kernel/time/
! time_test.c) runs in 590 s on sun4m but 75 s on QEMU.  That test does
! no I/O and takes no interrupts worth counting; it is a tight kernel loop
! converting seconds to a broken-down date, i.e. 64-bit division and
! multiplication by constants plus the usual call / return traffic.  This
! ROM measures that kind of code in isolation, so a change to the
! simulator's multiply, divide, Y register, call or save / restore paths
! shows up here without booting a guest.
!
! What: for a sequence of signed 64-bit second counts t (from -2^35,
! stepping by the odd 0x9e3779b97f and wrapping into [-2^40, 2^40), i.e.
! dates from about 33000 BC to 36800 AD) each iteration calls
! time64_to_tm (own code after the algorithm of Linux 6.1
! kernel/time/timeconv.c, offset 0):
!  - days = floor(t / 86400) through div_s64_rem -> div_u64_rem, a 64 by
!    32-bit unsigned division done as two V8 udiv (Y:rs1 / rs2) steps with
!    umul for the remainders, then the floor fix-up for negative t;
!  - hour, minute, second from the seconds of the day (udiv / umul);
!  - weekday from the 32-bit day number (sdiv / smul, Y = sign);
!  - year, month, day and day of year with Neri and Schneider's method on
!    a March-based computational calendar: a 64-bit division of
!    4 (days + 2305843009213814918) + 3 by 146097 (again through
!    div_u64_rem: the quotient has more than 32 bits), a 32 x 32 -> 64-bit
!    umul by 2939745 whose upper half is the year of the century, and a
!    64-bit 100 * century + year;
! and stores the fields into a struct tm in RAM.  The loop then loads
! every field (the year as two words) and folds it into the result with
! rotate-left-by-5 and xor.  Every function uses save / restore like
! compiled kernel code.  The chain bench_main -> time64_to_tm ->
! div_s64_rem -> div_u64_rem needs five of the seven usable windows
! (rom_start included), so, like the kernel's test loop, whose callees
! are as shallow, it pays for call / save / restore / ret but takes no
! window_overflow / window_underflow traps.
! Each Y write is followed by three instructions before a udiv / sdiv
! reads it (the V8 delayed-write rule).  About 210 instructions per
! iteration.

        .include "bench.inc"

        BENCH_COUNT 4000000, 20000      ! conversions

        SECS_PER_DAY    = 86400
        T_START_HI      = 0xfffffff8    ! -2^35
        T_START_LO      = 0
        T_INC_HI        = 0x9e          ! 0x9e3779b97f (odd, < 2^40)
        T_INC_LO        = 0x3779b97f
        T_LIMIT_HI      = 0x100         ! t >= 2^40 ...
        T_WRAP_HI       = 0x200         ! ... -> t - 2^41
        UDAYS_OFF_HI    = 0x20000000    ! 2305843009213814918
        UDAYS_OFF_LO    = 0x0001d886
        YEAR_OFF_HI     = 0x00166dce    ! 6313183731940000
        YEAR_OFF_LO     = 0xa1be7aa0

        ! struct tm in RAM (data away from the code pages)
        TM_SEC          = 0
        TM_MIN          = 4
        TM_HOUR         = 8
        TM_MDAY         = 12
        TM_MON          = 16
        TM_YEAR         = 20            ! low word of year - 1900
        TM_WDAY         = 24
        TM_YDAY         = 28
        TM_YEAR_HI      = 32            ! high word of year - 1900
        tm_buf          = BUF_BASE

! FOLD reg: %l4 = rotl(%l4, 5) ^ reg
        .macro  FOLD reg
        sll     %l4, 5, %o5
        srl     %l4, 27, %l4
        or      %l4, %o5, %l4
        xor     %l4, \reg, %l4
        .endm

        BENCH_BEGIN caltime
        set     T_START_HI, %l0         ! t (hi, lo)
        set     T_START_LO, %l1
        set     T_INC_HI, %l2           ! step (hi, lo)
        set     T_INC_LO, %l3
        set     0x2545f491, %l4         ! checksum
        set     tm_buf, %l5
        set     BENCH_REPS, %l7
1:      mov     %l0, %o0
        mov     %l1, %o1
        call    time64_to_tm
         mov    %l5, %o2

        ld      [%l5 + TM_SEC], %o0
        FOLD    %o0
        ld      [%l5 + TM_MIN], %o0
        FOLD    %o0
        ld      [%l5 + TM_HOUR], %o0
        FOLD    %o0
        ld      [%l5 + TM_MDAY], %o0
        FOLD    %o0
        ld      [%l5 + TM_MON], %o0
        FOLD    %o0
        ld      [%l5 + TM_YEAR], %o0
        FOLD    %o0
        ld      [%l5 + TM_WDAY], %o0
        FOLD    %o0
        ld      [%l5 + TM_YDAY], %o0
        FOLD    %o0
        ld      [%l5 + TM_YEAR_HI], %o0
        FOLD    %o0

        addcc   %l1, %l3, %l1           ! t += step
        addx    %l0, %l2, %l0
        cmp     %l0, T_LIMIT_HI
        bl      2f
         nop
        sub     %l0, T_WRAP_HI, %l0     ! wrap into [-2^40, 2^40)
2:      subcc   %l7, 1, %l7
        bne     1b
         nop
        mov     %l4, %i0
        BENCH_END

! ================================================================ helpers

! div_u64_rem(%o0:%o1 = dividend hi:lo, %o2 = divisor, not 0)
!   -> %o0:%o1 = quotient hi:lo, %o2 = remainder
! Long division in two 64 / 32 steps; the second cannot overflow because
! its upper half (the first remainder) is below the divisor.
div_u64_rem:
        save    %sp, -96, %sp
        wr      %g0, %y                 ! Y:hi = 0:hi
        nop
        nop
        nop
        udiv    %i0, %i2, %l0           ! qhi
        umul    %l0, %i2, %l1
        sub     %i0, %l1, %l1           ! rhi = hi - qhi * d < d
        wr      %l1, %y                 ! Y:lo = rhi:lo
        nop
        nop
        nop
        udiv    %i1, %i2, %l2           ! qlo
        umul    %l2, %i2, %l3
        sub     %i1, %l3, %i2           ! remainder
        mov     %l0, %i0
        ret
         restore %l2, %g0, %o1

! div_s64_rem(%o0:%o1 = signed dividend, %o2 = divisor > 0)
!   -> %o0:%o1 = quotient rounded toward zero, %o2 = remainder with the
!      sign of the dividend
div_s64_rem:
        save    %sp, -96, %sp
        mov     %i0, %o0
        mov     %i1, %o1
        tst     %i0
        bge     1f
         mov    %i2, %o2
        subcc   %g0, %o1, %o1           ! |dividend|
        subx    %g0, %o0, %o0
1:      call    div_u64_rem
         nop
        tst     %i0
        bge     2f
         nop
        subcc   %g0, %o1, %o1           ! negate quotient and remainder
        subx    %g0, %o0, %o0
        sub     %g0, %o2, %o2
2:      mov     %o0, %i0
        mov     %o1, %i1
        ret
         restore %o2, %g0, %o2

! time64_to_tm(%o0:%o1 = seconds since 1970-01-01 00:00:00 UTC,
!              %o2 = struct tm)
time64_to_tm:
        save    %sp, -96, %sp
        sethi   %hi(SECS_PER_DAY), %l7
        or      %l7, %lo(SECS_PER_DAY), %l7
        mov     %i0, %o0
        mov     %i1, %o1
        call    div_s64_rem
         mov    %l7, %o2
        mov     %o0, %l0                ! days (hi, lo)
        mov     %o1, %l1
        tst     %o2                     ! rem < 0: rem += 86400, --days
        bge     1f
         wr     %g0, %y
        add     %o2, %l7, %o2
        subcc   %l1, 1, %l1
        subx    %l0, 0, %l0
1:      nop
        nop
        nop
        ! hour, minute, second (Y = 0; the umul products fit 32 bits,
        ! so Y stays 0)
        udiv    %o2, 3600, %l2          ! hour
        umul    %l2, 3600, %l3
        sub     %o2, %l3, %l3           ! rem % 3600
        udiv    %l3, 60, %l4            ! minute
        umul    %l4, 60, %l5
        sub     %l3, %l5, %l5           ! second
        st      %l5, [%i2 + TM_SEC]
        st      %l4, [%i2 + TM_MIN]
        st      %l2, [%i2 + TM_HOUR]

        ! weekday = (4 + days) % 7 on the 32-bit day number (long on
        ! sparc32), made non-negative; January 1, 1970 was a Thursday
        add     %l1, 4, %o3
        sra     %o3, 31, %o4
        wr      %o4, %y                 ! Y:o3 = sign-extended 4 + days
        nop
        nop
        nop
        sdiv    %o3, 7, %o4
        smul    %o4, 7, %o4
        subcc   %o3, %o4, %o3
        bge     2f
         nop
        add     %o3, 7, %o3
2:      st      %o3, [%i2 + TM_WDAY]

        ! udays = days + 2305843009213814918; 4 * udays + 3
        set     UDAYS_OFF_LO, %o4
        addcc   %l1, %o4, %o1
        sethi   %hi(UDAYS_OFF_HI), %o4
        addx    %l0, %o4, %o0
        srl     %o1, 30, %o3
        sll     %o0, 2, %o0
        or      %o0, %o3, %o0
        sll     %o1, 2, %o1
        or      %o1, 3, %o1
        set     146097, %o2
        call    div_u64_rem             ! century, 4 * day_of_century + r
         nop
        mov     %o0, %l2                ! century (hi, lo)
        mov     %o1, %l3

        ! (4 * day_of_century + 3) * 2939745 = year_of_century : rest
        or      %o2, 3, %o2             ! 4 * (r / 4) + 3
        set     2939745, %o4
        umul    %o2, %o4, %o3
        rd      %y, %l4                 ! year_of_century
        ! year = 100 * century + year_of_century
        umul    %l3, 100, %l6
        rd      %y, %l5
        smul    %l2, 100, %o5           ! low word of century hi * 100
        wr      %g0, %y                 ! (Y delay: the next three)
        add     %l5, %o5, %l5
        addcc   %l6, %l4, %l6
        addx    %l5, 0, %l5             ! year (hi %l5, lo %l6)
        udiv    %o3, %o4, %o3
        srl     %o3, 2, %o3             ! day_of_year

        ! leap year: year_of_century ? !(yoc % 4) : !(century % 4)
        tst     %l4
        bne,a   3f
         and    %l4, 3, %o5
        and     %l3, 3, %o5
3:      cmp     %g0, %o5                ! carry = (low bits != 0)
        subx    %g0, -1, %l0            ! %l0 = is_leap_year

        ! month, day: 2141 * day_of_year + 132377 (fits 32 bits: Y = 0)
        umul    %o3, 2141, %o4
        set     132377, %o5
        add     %o4, %o5, %o4
        srl     %o4, 16, %o0            ! month
        sll     %o4, 16, %o4
        srl     %o4, 16, %o4
        udiv    %o4, 2141, %o1          ! day - 1

        ! Gregorian: January and February (day_of_year >= 306) belong to
        ! the next year
        cmp     %o3, 306
        bgeu    4f
         add    %o1, 1, %o1             ! day
        add     %o3, 31 + 28, %o3
        ba      5f
         add    %o3, %l0, %o3           ! day_of_year, March based
4:      sub     %o0, 12, %o0
        sub     %o3, 306, %o3
        addcc   %l6, 1, %l6
        addx    %l5, 0, %l5
5:      set     YEAR_OFF_LO + 1900, %o4 ! year - 6313183731940000 - 1900
        subcc   %l6, %o4, %l6
        set     YEAR_OFF_HI, %o4
        subx    %l5, %o4, %l5
        st      %o1, [%i2 + TM_MDAY]
        st      %o0, [%i2 + TM_MON]
        st      %l6, [%i2 + TM_YEAR]
        st      %o3, [%i2 + TM_YDAY]
        st      %l5, [%i2 + TM_YEAR_HI]
        ret
         restore
