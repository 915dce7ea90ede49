/*
 * AMD Am7990 LANCE, idle: the register interface of lance.h, without the
 * data path.
 *
 * Ports.  RAP holds a CSR number (bits 1:0; bits 15:2 are reserved, read 0
 * here); RDP reads and writes the CSR it names.  Only 16-bit accesses are
 * taken.  The Am7990 has a 16-bit bus and ignores byte selection as a
 * slave; what the MACIO does with a byte or word access from SBus is not
 * documented where we can read it (SBus dynamic bus sizing could split a
 * word into RDP then RAP).  Model: QEMU's choice (hw/net/lance.c, valid
 * sizes 2..2), so any other width is refused with a bus error, which the
 * CPU turns into data_access_error, and is logged.
 *
 * CSR0, from the Am7990 data sheet's bit descriptions (QEMU pcnet.c and
 * Linux sunlance.c agree where they use them):
 *  - reading has no side effect;
 *  - BABL, CERR, MISS, MERR, RINT, TINT and IDON are cleared by writing 1,
 *    left alone by writing 0, and cleared by STOP;
 *  - ERR reads 1 while BABL, CERR, MISS or MERR is set; INTR reads 1 while
 *    BABL, MISS, MERR, RINT, TINT or IDON is set (a missing heartbeat, CERR,
 *    is reported but does not interrupt); writes to either are ignored;
 *  - INEA is plain read/write; the interrupt pin is asserted while INTR and
 *    INEA are both set;
 *  - STOP (write 1) halts the chip and clears every other CSR0 bit, as at
 *    reset; in a write that also holds INIT or STRT, STOP wins;
 *  - INIT (write 1) makes the chip fetch the initialisation block at
 *    CSR2:CSR1 and then set IDON; INIT reads 1 until the next STOP, and a
 *    second INIT before that is not acted on (as in QEMU);
 *  - STRT (write 1) turns on the receiver and transmitter (RXON, TXON) and
 *    clears STOP; written together with INIT the chip starts once the
 *    initialisation is done;
 *  - TDMD (write 1) asks for a transmit descriptor poll now; the chip
 *    clears it once it has polled.
 * CSR1, CSR2 and CSR3 may be written only while STOP is set (data sheet);
 * a write at another time is ignored and logged.  They read back at any
 * time, as in QEMU.  The RESET pin (ledma CSR bit 7) stops the chip and
 * clears CSR3 and RAP; CSR1 and CSR2 keep their value (the data sheet does
 * not define them after reset; QEMU's pcnet_s_reset keeps them).
 *
 * When IDON comes.  The chip reads the 12-word initialisation block as a
 * bus master, a few of its 100 ns clocks per word plus bus arbitration:
 * some microseconds.  Linux's init_restart_lance (sunlance.c) writes INIT,
 * then reads CSR0 at most 100 times with no delay between reads and fails
 * the open ("LANCE unopened") if neither IDON nor ERR has appeared.  On the
 * SS-5 each of those reads is an SBus slave cycle through the MACIO to the
 * chip, long enough that 100 of them outlast the initialisation.  Here a
 * register read costs the board's wait states (2 cycles, hw/README.md), so
 * the 100 reads take about 1000 cycles, 9 us at 110 MHz: a modelled
 * initialisation time would be a race the driver could lose.  So by default
 * IDON is set in the write that sets INIT, as QEMU does (pcnet_init runs
 * inside the register write); init_latency > 0 arms an event instead.
 *
 * SIMPLIFY: the chip is idle.  INIT does not fetch the initialisation block
 * (mode, station address, multicast filter, ring pointers) through ledma;
 * STRT turns RXON and TXON on whatever the mode's DTX/DRX bits would say;
 * no descriptor is ever polled, so TDMD is taken and dropped at once and no
 * frame is sent or received: TINT, RINT, MISS, BABL, CERR and MERR are
 * never set by the chip.  "DMA PATH" marks where that comes in.
 */
#include "hw/chips/lance.h"

#include <string.h>

/* CSR0 as read: the latched bits plus the two summaries */
static uint16_t lance_csr0(const Lance *s)
{
    uint16_t v = s->csr0;
    if (v & LANCE_CSR0_ERR_SRC) {
        v |= LANCE_CSR0_ERR;
    }
    if (v & LANCE_CSR0_INTR_SRC) {
        v |= LANCE_CSR0_INTR;
    }
    return v;
}

static void lance_update_irq(Lance *s)
{
    bool level = (lance_csr0(s) & LANCE_CSR0_INTR) &&
                 (s->csr0 & LANCE_CSR0_INEA);
    if (level != s->irq_level) {
        s->irq_level = level;
        dev_trace(&s->ctx, "INTR pin %s", level ? "asserted" : "released");
        irq_set(&s->irq, level);
    }
}

/* STOP, by the register or the RESET pin: every other CSR0 bit clears */
static void lance_stop(Lance *s)
{
    ev_cancel(s->ctx.events, &s->init_event);
    s->start_pending = false;
    s->csr0 = LANCE_CSR0_STOP;
    s->stops++;
}

static void lance_start(Lance *s)
{
    /* DMA PATH: from here the chip polls the receive and transmit rings
     * (ring pointers from the initialisation block). */
    s->csr0 = (uint16_t)((s->csr0 & ~LANCE_CSR0_STOP) | LANCE_CSR0_STRT |
                         LANCE_CSR0_RXON | LANCE_CSR0_TXON);
    s->starts++;
    dev_trace(&s->ctx, "started");
}

static void lance_init_done(Lance *s)
{
    /* DMA PATH: the chip has now read the initialisation block at
     * CSR2:CSR1 (12 words: mode, station address, logical address
     * filter, receive and transmit ring pointers and lengths); a DMA
     * error there would set MERR instead of IDON. */
    s->csr0 |= LANCE_CSR0_IDON;
    dev_trace(&s->ctx, "initialised (block at 0x%06x not read)",
              (unsigned)s->csr2 << 16 | s->csr1);
    if (s->start_pending) {
        s->start_pending = false;
        lance_start(s);
    }
}

static void lance_init_event(void *opaque)
{
    Lance *s = opaque;
    lance_init_done(s);
    lance_update_irq(s);
}

static void lance_write_csr0(Lance *s, uint16_t v)
{
    /* acknowledgements, and the interrupt enable, come first: Linux's
     * handler writes the causes it saw and INEA in separate writes */
    s->csr0 &= (uint16_t)~(v & LANCE_CSR0_W1C);
    s->csr0 = (uint16_t)((s->csr0 & ~LANCE_CSR0_INEA) |
                         (v & LANCE_CSR0_INEA));

    if (v & LANCE_CSR0_STOP) {
        if (v & (LANCE_CSR0_INIT | LANCE_CSR0_STRT)) {
            guest_error(&s->ctx, "CSR0 0x%04x: STOP with INIT/STRT, "
                        "STOP wins", v);
        }
        lance_stop(s);
        dev_trace(&s->ctx, "stopped");
        return;
    }
    if (v & LANCE_CSR0_INIT) {
        if (s->csr0 & LANCE_CSR0_INIT) {
            guest_error(&s->ctx, "INIT again without STOP: ignored");
        } else {
            s->csr0 = (uint16_t)((s->csr0 & ~LANCE_CSR0_STOP) |
                                 LANCE_CSR0_INIT);
            s->inits++;
            if (s->init_latency) {
                ev_after(s->ctx.events, &s->init_event, s->init_latency);
            } else {
                lance_init_done(s);
            }
        }
    }
    if ((v & LANCE_CSR0_STRT) && !(s->csr0 & LANCE_CSR0_STRT)) {
        if (ev_pending(&s->init_event)) {
            s->start_pending = true;    /* once initialised */
        } else {
            if (!(s->csr0 & LANCE_CSR0_INIT)) {
                /* the chip would run with whatever its ring registers
                 * held since power-on */
                guest_error(&s->ctx, "STRT without INIT");
            }
            lance_start(s);
        }
    }
    if (v & LANCE_CSR0_TDMD) {
        /* DMA PATH: with TXON the chip reads the next transmit descriptor
         * now and sends its frame if it owns it; TDMD clears once it has
         * looked.  Idle: taken and dropped. */
        dev_trace(&s->ctx, "transmit demand (%s): nothing sent",
                  (s->csr0 & LANCE_CSR0_TXON) ? "TXON" : "transmitter off");
    }
}

static uint16_t lance_csr_read(const Lance *s, unsigned n)
{
    switch (n) {
    case 0:
        return lance_csr0(s);
    case 1:
        return s->csr1;
    case 2:
        return s->csr2;
    default:
        return s->csr3;
    }
}

static void lance_csr_write(Lance *s, unsigned n, uint16_t v)
{
    dev_trace(&s->ctx, "CSR%u <- 0x%04x", n, v);
    if (n == 0) {
        lance_write_csr0(s, v);
        lance_update_irq(s);
        return;
    }
    if (!(s->csr0 & LANCE_CSR0_STOP)) {
        guest_error(&s->ctx, "CSR%u <- 0x%04x while not stopped: ignored",
                    n, v);
        return;
    }
    switch (n) {
    case 1:
        if (v & 1) {
            guest_error(&s->ctx, "initialisation block at an odd address");
        }
        s->csr1 = v;
        break;
    case 2:
        if (v & ~LANCE_CSR2_MASK) {
            guest_error(&s->ctx, "CSR2 <- 0x%04x: bits 15:8 reserved", v);
        }
        s->csr2 = v & LANCE_CSR2_MASK;
        break;
    default:
        if (v & ~LANCE_CSR3_MASK) {
            guest_error(&s->ctx, "CSR3 <- 0x%04x: bits 15:3 reserved", v);
        }
        s->csr3 = v & LANCE_CSR3_MASK;
        break;
    }
}

/* Only aligned 16-bit accesses reach the ports (see the top) */
static bool lance_access_ok(Lance *s, uint32_t off, unsigned size,
                            bool write)
{
    if (size != 2 || (off & 1)) {
        guest_error(&s->ctx, "%u-byte %s at +%u refused: 16-bit ports",
                    size, write ? "write" : "read", off);
        return false;
    }
    return true;
}

static BusStatus lance_read(void *opaque, uint32_t off, unsigned size,
                            uint32_t *val)
{
    Lance *s = opaque;
    if (!lance_access_ok(s, off, size, false)) {
        return BUS_ERR_SIZE;
    }
    *val = off == LANCE_RAP ? s->rap : lance_csr_read(s, s->rap);
    return BUS_OK;
}

static BusStatus lance_write(void *opaque, uint32_t off, unsigned size,
                             uint32_t val)
{
    Lance *s = opaque;
    uint16_t v = (uint16_t)val;
    if (!lance_access_ok(s, off, size, true)) {
        return BUS_ERR_SIZE;
    }
    if (off == LANCE_RAP) {
        if (v & ~LANCE_RAP_MASK) {
            guest_error(&s->ctx, "RAP <- 0x%04x: bits 15:2 reserved", v);
        }
        s->rap = v & LANCE_RAP_MASK;
    } else {
        lance_csr_write(s, s->rap, v);
    }
    return BUS_OK;
}

/* Reads have no side effect; CSR0 changes only by a write or the end of
 * an initialisation (an event). */
static bool lance_is_stable(void *opaque, uint32_t off)
{
    (void)opaque;
    (void)off;
    return true;
}

/* 1..4 so that a wrong width reaches lance_access_ok and is logged */
const MmioOps lance_ops = {
    .read = lance_read,
    .write = lance_write,
    .min_size = 1,
    .max_size = 4,
    .is_stable = lance_is_stable,
};

void lance_dma_reset(void *opaque)
{
    Lance *s = opaque;
    lance_stop(s);
    s->csr3 = 0;
    s->rap = 0;
    dev_trace(&s->ctx, "reset by ledma");
    lance_update_irq(s);
}

void lance_reset(Lance *s)
{
    lance_stop(s);
    s->csr1 = s->csr2 = s->csr3 = 0;
    s->rap = 0;
    lance_update_irq(s);
}

void lance_init(Lance *s, const DevCtx *ctx, IrqLine irq)
{
    memset(s, 0, sizeof(*s));
    s->ctx = *ctx;
    s->irq = irq;
    ev_init(&s->init_event, "le-init", lance_init_event, s);
    lance_reset(s);
    if (ctx->bus) {
        dev_map(ctx, 0, LANCE_REG_SIZE, &lance_ops, s, NULL);
    }
}
