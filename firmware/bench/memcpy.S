! memcpy.S - memory copy benchmark.
!
! Two 256 KB buffers in RAM (BUF_BASE).  Each repetition
!  A. copies src to dst with doubleword loads and stores (ldd / std,
!     32 bytes per loop iteration), then
!  B. copies dst back to src with word loads and stores (16 bytes per
!     iteration), shifted down by four words; the four words that wrap
!     around get +1, so the contents change from one repetition to the
!     next and the final checksum depends on every pass.
! About 12 instructions per 32 bytes in A and per 16 bytes in B, i.e.
! 295 thousand instructions and 1 MB of traffic per repetition.  Both
! buffers are much larger than the MB86904 caches (16 KB I, 8 KB D).

        .include "bench.inc"

        BUF_SIZE        = 0x40000       ! bytes per buffer
        SRC             = BUF_BASE
        DST             = BUF_BASE + BUF_SIZE

        BENCH_COUNT 1700, 4             ! repetitions of A + B

        BENCH_BEGIN memcpy
        ! Fill src from a xorshift32 generator.
        set     SRC, %l0
        set     SRC + BUF_SIZE, %l1
        set     0x6b8b4567, %l2
1:      sll     %l2, 13, %l3
        xor     %l2, %l3, %l2
        srl     %l2, 17, %l3
        xor     %l2, %l3, %l2
        sll     %l2, 5, %l3
        xor     %l2, %l3, %l2
        st      %l2, [%l0]
        add     %l0, 4, %l0
        cmp     %l0, %l1
        blu     1b
         nop

        set     BENCH_REPS, %l7
.Lrep:
        ! A: dst = src, 32 bytes per iteration.
        set     SRC, %l0
        set     DST, %l1
        set     SRC + BUF_SIZE, %l2
2:      ldd     [%l0 + 0], %o0
        ldd     [%l0 + 8], %o2
        ldd     [%l0 + 16], %o4
        ldd     [%l0 + 24], %g2
        std     %o0, [%l1 + 0]
        std     %o2, [%l1 + 8]
        std     %o4, [%l1 + 16]
        std     %g2, [%l1 + 24]
        add     %l0, 32, %l0
        cmp     %l0, %l2
        blu     2b
         add    %l1, 32, %l1

        ! B: src[i] = dst[i + 4] for the first BUF_SIZE - 16 bytes.
        set     DST + 16, %l0
        set     SRC, %l1
        set     DST + BUF_SIZE, %l2
3:      ld      [%l0 + 0], %o0
        ld      [%l0 + 4], %o1
        ld      [%l0 + 8], %o2
        ld      [%l0 + 12], %o3
        st      %o0, [%l1 + 0]
        st      %o1, [%l1 + 4]
        st      %o2, [%l1 + 8]
        st      %o3, [%l1 + 12]
        add     %l0, 16, %l0
        cmp     %l0, %l2
        blu     3b
         add    %l1, 16, %l1
        ! The last four words of src are dst[0..3] + 1.
        set     DST, %l0
        ld      [%l0 + 0], %o0
        ld      [%l0 + 4], %o1
        ld      [%l0 + 8], %o2
        ld      [%l0 + 12], %o3
        inc     %o0
        inc     %o1
        inc     %o2
        inc     %o3
        st      %o0, [%l1 + 0]
        st      %o1, [%l1 + 4]
        st      %o2, [%l1 + 8]
        st      %o3, [%l1 + 12]

        subcc   %l7, 1, %l7
        bne     .Lrep
         nop

        ! Checksum of src: h = rotl(h, 5) ^ word.
        set     SRC, %l0
        set     SRC + BUF_SIZE, %l1
        clr     %i0
4:      ld      [%l0], %o0
        sll     %i0, 5, %o1
        srl     %i0, 27, %i0
        or      %i0, %o1, %i0
        xor     %i0, %o0, %i0
        add     %l0, 4, %l0
        cmp     %l0, %l1
        blu     4b
         nop
        BENCH_END
