! console.S - polled output on ttya (ESCC #2 channel A, Z85C30 SCC) shared
! by every PROM image.  All routines are leaves (no save) so that trap
! handlers can call them with ET = 0; they clobber %o0-%o5 as noted and
! nothing else.  Register access goes through the MMU bypass ASI 0x20:
! the control register (WR0 / RR0, and through the WR0 pointer the other
! registers) at ESCC2_A_CTL, the data register 2 bytes above it.

        .include "sun4m.inc"

        .text
        .align  4

! ESCC_PUTC reg: wait for RR0 bit 2 (Tx buffer empty), then send the low
! byte of reg.  Needs %o1 = control register, %o4 = data register; uses
! %o3.
        .macro  ESCC_PUTC reg
.Lpoll\@:
        lduba   [%o1] ASI_BYPASS, %o3           ! RR0
        btst    4, %o3
        be      .Lpoll\@
         nop
        stba    \reg, [%o4] ASI_BYPASS
        .endm

! con_init(%o0 = table): program ttya from a table of (register, value)
! byte pairs ended by 0xff (see ESCC_INIT_TABLE in sun4m.inc); each byte
! is written to the control register in turn.  Clobbers %o0-%o2.
        .global con_init
con_init:
        set     ESCC2_A_CTL, %o1
1:      ldub    [%o0], %o2
        cmp     %o2, 0xff
        be      2f
         nop
        stba    %o2, [%o1] ASI_BYPASS
        ba      1b
         inc    %o0
2:      retl
         nop

! putc(%o0 = character).  Clobbers %o1, %o3, %o4.
        .global putc
putc:
        set     ESCC2_A_CTL, %o1
        add     %o1, 2, %o4                     ! data register
        ESCC_PUTC %o0
        retl
         nop

! puts(%o0 = NUL-terminated string).  Clobbers %o0-%o4.
! puts_on: the same on the channel whose control register is in %o1
! (our PROM's console may be ttyb); %o1 is kept.
        .global puts, puts_on
puts:
        set     ESCC2_A_CTL, %o1
puts_on:
        add     %o1, 2, %o4
1:      ldub    [%o0], %o2
        tst     %o2
        be      2f
         inc    %o0
        ESCC_PUTC %o2
        ba      1b
         nop
2:      retl
         nop

! putcrlf: CR LF.  Clobbers %o1-%o4.
        .global putcrlf
putcrlf:
        set     ESCC2_A_CTL, %o1
        add     %o1, 2, %o4
        mov     13, %o2
        ESCC_PUTC %o2
        mov     10, %o2
        ESCC_PUTC %o2
        retl
         nop

! puthex(%o0): eight lower-case hex digits; puthex2(%o0): the low two.
! Clobbers %o1-%o5.  puthex_on, puthex2_on: on the channel whose control
! register is in %o1 (kept).
        .global puthex, puthex2, puthex_on, puthex2_on
puthex:
        set     ESCC2_A_CTL, %o1
puthex_on:
        ba      1f
         mov    28, %o5                         ! shift of the first digit
puthex2:
        set     ESCC2_A_CTL, %o1
puthex2_on:
        mov     4, %o5
1:      add     %o1, 2, %o4
3:      srl     %o0, %o5, %o2
        and     %o2, 15, %o2
        cmp     %o2, 10
        bl      2f
         add    %o2, '0', %o2
        add     %o2, 'a' - '0' - 10, %o2
2:      ESCC_PUTC %o2
        subcc   %o5, 4, %o5
        bge     3b
         nop
        retl
         nop

! con_drain: wait until the last character has left the line: RR0 bit 2
! (Tx buffer empty), then RR1 bit 0 (all sent).  Clobbers %o1-%o3.
! con_drain_on: the channel whose control register is in %o1.
        .global con_drain, con_drain_on
con_drain:
        set     ESCC2_A_CTL, %o1
con_drain_on:
1:      lduba   [%o1] ASI_BYPASS, %o2           ! RR0
        btst    4, %o2
        be      1b
         mov    1, %o3
        stba    %o3, [%o1] ASI_BYPASS           ! next read: RR1
        lduba   [%o1] ASI_BYPASS, %o2
        btst    1, %o2
        be      1b
         nop
        retl
         nop

! machine_reset: drain ttya, then reset the machine by writing bit 0 of
! the system control register (with -no-reboot the simulator exits).
! Never returns; usable with ET = 0.
        .global machine_reset
machine_reset:
        call    con_drain
         nop
        set     SYS_CONTROL, %g1
        mov     1, %g2
        sta     %g2, [%g1] ASI_BYPASS
1:      ba      1b
         nop
