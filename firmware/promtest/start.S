! start.S - the entry of the romvec test client (firmware/promtest/client.c),
! booted with -kernel as a Linux kernel is.
!
! How the PROM enters a -kernel image (own-firmware.md §1; Linux 6.1
! arch/sparc/kernel/head_32.S): the image is an ELF32 whose one PT_LOAD
! says VA 0xf0004000, placed at PA 0x4000; the PROM jumps to VA 0x4000
! through its identity map of low RAM, in supervisor mode with the MMU
! on, with %o0 = the romvec, %o1 = a debug vector (junk on OpenBIOS), and
! %sp on a stack of its own.  Linux runs its first instructions there too,
! and makes its first two PROM calls (nodeops nextnode and getprop) on the
! PROM's trap table before it installs its own.
!
! This client never leaves that state: it stays at VA 0x4000 (client.ld
! links it there; the Makefile then renames its addresses to 0xf0004000
! in the ELF headers only, as a vmlinux has them), never writes TBR, PSR,
! WIM or the MMU, and leaves window overflow and underflow traps to the
! PROM's handlers, which spill our windows onto our stack.  That stack is
! ours (client.ld: _stack_top, inside .bss but outside the part we clear),
! because a PROM may run its own C code on the caller's stack (OpenBIOS's
! call-romvec.S does) and the PROM's boot stack is not promised to us.

        .text
        .align  4
        .global _start
_start:
        ! clear .bss (the loader clears it too, but a PROM need not) using
        ! only %o1-%o3 of the PROM's window; %o0 stays the romvec
        set     _bss_start, %o1
        set     _bss_end, %o2
1:      cmp     %o1, %o2
        bgeu    2f
         nop
        st      %g0, [%o1]
        ba      1b
         add    %o1, 4, %o1
        ! a new window on our own stack: %i0 = the romvec, %i6 = the PROM's
        ! stack pointer (left alone), %sp = our stack with a 96-byte frame
2:      set     _stack_top - 96, %o1
        save    %o1, 0, %sp
        call    promtest_main           ! ends with pv_halt or pv_reboot
         mov    %i0, %o0
3:      ba      3b                      ! the PROM came back: stay here
         nop

! int globals_kept(void (*fn)(void), ...): %g2-%g7 hold known patterns
! across fn(), a C function making PROM calls; returns 1 if every one is
! still there afterwards.  Linux keeps its current thread in %g6 and is
! built to let only %g1, %g5 and %g7 change across a call it makes
! (arch/sparc/Makefile -fcall-used-g5 -fcall-used-g7); a PROM keeps them
! all (own-firmware.md §4).  The PROM's own values of them are put back.
        .global globals_kept
globals_kept:
        save    %sp, -96, %sp
        .irp    r, 2, 3, 4, 5, 6, 7     ! the PROM's globals
        mov     %g\r, %l\r
        .endr
        ! %gN = 0xNNNNNNNN, all before the call (a set of such a value is
        ! two instructions, so none of them can go in the delay slot)
        .irp    r, 2, 3, 4, 5, 6, 7
        set     0x\r\r\r\r\r\r\r\r, %g\r
        .endr
        call    %i0
         nop
        clr     %l1                     ! or of each %gN ^ 0xNNNNNNNN
        .irp    r, 2, 3, 4, 5, 6, 7
        set     0x\r\r\r\r\r\r\r\r, %l0
        xor     %g\r, %l0, %l0
        or      %l1, %l0, %l1
        .endr
        .irp    r, 2, 3, 4, 5, 6, 7
        mov     %l\r, %g\r
        .endr
        subcc   %g0, %l1, %g0           ! carry set iff %l1 != 0
        addx    %g0, 0, %i0
        xor     %i0, 1, %i0
        ret
         restore

! void set_pil(unsigned pil): the processor interrupt level, with traps on
! (the client runs on the PROM's trap table, as Linux's first calls do)
        .global set_pil
set_pil:
        rd      %psr, %o1
        andn    %o1, 0xf00, %o1
        sll     %o0, 8, %o0
        or      %o1, %o0, %o1
        wr      %o1, %psr
        nop
        nop
        retl
         nop

        .section .note.GNU-stack, "", @progbits ! no executable stack wanted
