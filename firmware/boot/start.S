! start.S - the a.out header and the entry of the boot program
! (firmware/boot/boot.c).
!
! How OpenBIOS runs a boot block (libopenbios/aout_load.c, initprogram.c,
! arch/sparc32/context.c):
!  - `boot disk:a' opens the partition and its `load' tries the ELF, then
!    the a.out loader; the a.out loader looks for an a.out header at
!    partition offsets 0, 512, ... 7680 (the first that has a magic
!    number: OMAGIC 0407, NMAGIC 0410, ZMAGIC 0413 or QMAGIC 0314 in the
!    low half of its first word), so a boot block in blocks 1-15 (offset
!    512), where SunOS boot blocks are, is found.  An ELF file there is
!    not: Debian's build (QEMU 7.2) says "Not a bootable ELF image" for
!    one at offset 512 or 1024 (elf_load.c's find_elf reads only the size
!    of a pointer of the header and takes offset 0 for "none"), so the
!    boot block is an a.out;
!  - it copies the 32-byte header to load-base (0x4000 on sparc32) and the
!    file's bytes after it to load-base + 32, reading a_text + a_data
!    bytes but at least 7680 (15 blocks); then it moves the whole down by
!    32 bytes (so text starts exactly at load-base, as Sun's PROMs have it)
!    - that move covers 7680 bytes from the header on, so text + data must
!    stay within 7680 - 32 bytes, which boot.ld asserts;
!  - the entry point is load-base whatever a_entry says, and `go' starts
!    the program (a context switch) with %o0 = the romvec and %sp on an
!    8 KB stack of the PROM's, in supervisor mode, MMU on, on the PROM's
!    trap table: window overflow and underflow are the PROM's to handle
!    (its romvec stubs, call-romvec.S, begin with seven saves, so every
!    romvec call spills).  Nothing clears .bss; the PROM's mappings cover
!    the RAM after load-base.
!
! The header is a SunOS struct exec (OpenBIOS include/arch/sparc32/a.out.h):
! one byte of flags and tool version, one of machine type (3, M_SPARC), the
! 16-bit magic, then a_text, a_data, a_bss, a_syms, a_entry, a_trsize,
! a_drsize.  GNU binutils for Linux cannot write a.out any more, so the
! header is assembled here from linker symbols and objcopy -O binary
! writes header and text together (boot.ld puts the header 32 bytes
! before load-base).

        .section .aout, "a"
        .byte   0                       ! not dynamic, tool version 0
        .byte   3                       ! M_SPARC
        .half   0407                    ! OMAGIC: text and data in one piece
        .word   _aout_text              ! a_text: every byte we load
        .word   0                       ! a_data (in a_text)
        .word   _aout_bss               ! a_bss (we clear it ourselves)
        .word   0                       ! a_syms
        .word   _start                  ! a_entry (OpenBIOS uses load-base)
        .word   0                       ! a_trsize
        .word   0                       ! a_drsize

        .text
        .align  4
        .global _start
_start:
        save    %sp, -96, %sp           ! %i0 = the romvec
        set     _bss_start, %o1
        set     _bss_end, %o2
1:      cmp     %o1, %o2
        bgeu    2f
         nop
        st      %g0, [%o1]
        ba      1b
         add    %o1, 4, %o1
2:      call    boot_main               ! ends with pv_halt
         mov    %i0, %o0
3:      ba      3b                      ! pv_halt came back: stay here
         nop

        .section .note.GNU-stack, "", @progbits ! no executable stack wanted
