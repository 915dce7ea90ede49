! fpkernel.S - double-precision floating-point benchmark.
!
! Each repetition
!  1. draws an 80 x 80 Mandelbrot set over [-2, 0.5] x [-1.25, 1.25]
!     (steps of 1/32, exact in binary) with at most 256 iterations per
!     point: fmuld / faddd / fsubd / fcmpd / fbfcc, 12 instructions per
!     iteration, about 5 million instructions;
!  2. runs DAXPY_PASSES passes of y = a * x + y followed by d = x . y over
!     N_VEC doubles (lddf / stdf), about 1 million instructions.
! The result hashes every point's iteration count and the bits of the
! last dot product, so it depends on exact IEEE double rounding.

        .include "bench.inc"

        GRID            = 80            ! points per row and per column
        MAXITER         = 256
        N_VEC           = 1024          ! doubles per vector
        DAXPY_PASSES    = 10

        BENCH_COUNT 90, 1               ! repetitions of 1 + 2

        .section .rodata
        .align  8
c_four:         .double 4.0
c_step:         .double 0.03125         ! 1/32
c_xmin:         .double -2.0
c_ymin:         .double -1.25
c_scale:        .double 0.0078125       ! 1/128
c_a:            .double 0.5

        ! Data in RAM well away from the code, so that no store lands in
        ! a page that holds instructions (both simulators would then
        ! check for self-modifying code).
        vec_x           = BUF_BASE
        vec_y           = BUF_BASE + N_VEC * 8
        tmp             = BUF_BASE + 2 * N_VEC * 8

        BENCH_BEGIN fpkernel
        ! x[i] = (i - N_VEC / 2) / 128, y[i] = x[i].
        set     tmp, %l6
        set     c_scale, %o0
        ldd     [%o0], %f30
        set     vec_x, %l0
        set     vec_y, %l1
        clr     %l2
1:      sub     %l2, N_VEC / 2, %o0
        st      %o0, [%l6]
        ld      [%l6], %f0
        fitod   %f0, %f2
        fmuld   %f2, %f30, %f2
        sll     %l2, 3, %o1
        std     %f2, [%l0 + %o1]
        std     %f2, [%l1 + %o1]
        inc     %l2
        cmp     %l2, N_VEC
        bl      1b
         nop

        set     c_four, %o0
        ldd     [%o0], %f16             ! escape radius squared
        set     c_step, %o0
        ldd     [%o0], %f18
        set     c_xmin, %o0
        ldd     [%o0], %f22
        set     c_ymin, %o0
        ldd     [%o0], %f24
        set     c_a, %o0
        ldd     [%o0], %f26

        clr     %l4                     ! hash
        set     BENCH_REPS, %l7
.Lrep:
        ! ---- 1. Mandelbrot: z = c, then z = z * z + c until |z|^2 > 4.
        fmovs   %f24, %f6               ! ci = ymin
        fmovs   %f25, %f7
        mov     GRID, %l0               ! rows left
2:      fmovs   %f22, %f4               ! cr = xmin
        fmovs   %f23, %f5
        mov     GRID, %l1               ! points left in the row
3:      fmovs   %f4, %f0                ! zr
        fmovs   %f5, %f1
        fmovs   %f6, %f2                ! zi
        fmovs   %f7, %f3
        mov     MAXITER, %l5
4:      fmuld   %f0, %f0, %f8           ! zr^2
        fmuld   %f2, %f2, %f10          ! zi^2
        faddd   %f8, %f10, %f12
        fcmpd   %f12, %f16
        subcc   %l5, 1, %l5             ! (an integer op between fcmp
        fbg     5f                      !  and fbfcc, as V8 requires)
         fmuld  %f0, %f2, %f14          ! zr * zi
        fsubd   %f8, %f10, %f0          ! zr = zr^2 - zi^2 + cr
        faddd   %f0, %f4, %f0
        faddd   %f14, %f14, %f14        ! zi = 2 zr zi + ci
        bne     4b
         faddd  %f14, %f6, %f2
5:      sll     %l4, 3, %o0             ! hash = rotl(hash, 3) + left
        srl     %l4, 29, %l4
        or      %l4, %o0, %l4
        add     %l4, %l5, %l4
        faddd   %f4, %f18, %f4          ! next point
        subcc   %l1, 1, %l1
        bne     3b
         nop
        faddd   %f6, %f18, %f6          ! next row
        subcc   %l0, 1, %l0
        bne     2b
         nop

        ! ---- 2. y = a x + y; d = x . y
        mov     DAXPY_PASSES, %l3
6:      set     vec_x, %l0
        set     vec_y, %l1
        set     vec_x + N_VEC * 8, %l2
        fsubd   %f26, %f26, %f20        ! d = 0
7:      ldd     [%l0], %f0
        ldd     [%l1], %f2
        fmuld   %f0, %f26, %f8
        faddd   %f8, %f2, %f2
        std     %f2, [%l1]
        fmuld   %f0, %f2, %f10
        faddd   %f20, %f10, %f20
        add     %l0, 8, %l0
        cmp     %l0, %l2
        blu     7b
         add    %l1, 8, %l1
        subcc   %l3, 1, %l3
        bne     6b
         nop

        subcc   %l7, 1, %l7
        bne     .Lrep
         nop

        std     %f20, [%l6]             ! hash ^ bits of the last d
        ld      [%l6], %o0
        ld      [%l6 + 4], %o1
        xor     %l4, %o0, %i0
        add     %i0, %o1, %i0
        BENCH_END
