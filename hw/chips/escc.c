/*
 * Z8530 ESCC as wired on sun4m: one byte register every 2 bytes, channel B
 * control at +0, B data +2, channel A control +4, A data +6 (QEMU
 * hw/sparc/sun4m.c escc_init with it_shift 1; Linux sunzilog.h).
 *
 * Register access (SCC UM §2.1.1): a control write with the pointer at 0 is
 * WR0, whose bits 2:0 select the register for the next control access (the
 * "point high" command adds 8); after that access the pointer returns to 0.
 *
 * Timing: characters take their real time on the line, from the baud rate
 * generator (WR12/WR13 time constant, WR4 clock mode, 4.9152 MHz PCLK) and
 * the character format, so a guest sees a real 9600-baud console.
 * Transmit: a one-byte buffer in front of the shift register; TX IP is set
 * when the buffer empties.  Receive: bytes from the host enter the 3-byte
 * FIFO one character time apart and are never dropped: while the FIFO is
 * full they wait on the host side.
 *
 * SIMPLIFY: no external/status interrupts (the modem lines never change),
 * no break detection, no vectored interrupts (RR2 returns WR2 on both
 * channels), no synchronous modes.
 */
#include "hw/chips/escc.h"

#include <string.h>

#define ESCC_PCLK 4915200u          /* sun4m ESCC clock (QEMU escc.c) */

/* WR0 commands, bits 5:3 (SCC UM §5.1.1) */
#define WR0_CMD_MASK 0x38
#define WR0_POINT_HIGH 0x08
#define WR0_RESET_EXT 0x10
#define WR0_RESET_TXINT 0x28
/* WR1 (SCC UM §5.1.2) */
#define WR1_TXINT 0x02
#define WR1_RXINT_MASK 0x18         /* 00 off, 01 first char, 10 all, 11 special */
/* WR3 bit 0: receiver enable; bits 7:6 bits/char */
#define WR3_RXEN 0x01
/* WR4: bits 7:6 clock mode x1/x16/x32/x64, bits 3:2 stop bits, bit 0 parity */
/* WR5 bit 3: transmitter enable; bits 6:5 bits/char */
#define WR5_TXEN 0x08
/* WR9 (shared): bits 7:6 resets, bit 3 master interrupt enable */
#define WR9_RESET_MASK 0xc0
#define WR9_MIE 0x08
/* WR14 bit 0: baud rate generator enable */
#define WR14_BRG 0x01
/* RR0 bits (SCC UM §5.2.1) */
#define RR0_RX_AVAIL 0x01
#define RR0_TX_EMPTY 0x04
#define RR0_DCD 0x08
#define RR0_SYNC 0x10
#define RR0_CTS 0x20
#define RR0_TX_UNDERRUN 0x40
/* RR1 bit 0: all sent */
#define RR1_ALL_SENT 0x01
/* RR3 pending bits, read on channel A */
#define RR3_A_RX 0x20
#define RR3_A_TX 0x10
#define RR3_A_EXT 0x08
#define RR3_B_RX 0x04
#define RR3_B_TX 0x02
#define RR3_B_EXT 0x01

/* Sun keyboard protocol (Linux drivers/input/keyboard/sunkbd.c) */
#define SUNKBD_CMD_RESET 0x01
#define SUNKBD_CMD_LAYOUT 0x0f
#define SUNKBD_RET_RESET 0xff
#define SUNKBD_RET_LAYOUT 0xfe
#define SUNKBD_RET_ALLUP 0x7f
#define SUNKBD_TYPE4 0x04
#define SUNKBD_LAYOUT_US 0x21       /* QEMU's default layout */

static void escc_update_irq(Escc *s)
{
    bool level = false;
    unsigned i;
    if (s->ch[0].wr[9] & WR9_MIE) {
        for (i = 0; i < 2; i++) {
            const EsccChannel *c = &s->ch[i];
            if (c->tx_ip || c->rx_ip || c->ext_ip) {
                level = true;
            }
        }
    }
    if (level != s->irq_level) {
        s->irq_level = level;
        irq_set(&s->irq, level);
    }
}

/* Cycles one character takes on the line. */
static Cycles escc_char_cycles(const EsccChannel *c)
{
    static const unsigned mode_div[4] = { 1, 16, 32, 64 };
    static const unsigned data_bits[4] = { 5, 7, 6, 8 };
    uint64_t baud, bits, tc;

    if (c->kind == ESCC_KEYBOARD || c->kind == ESCC_MOUSE) {
        baud = 1200;                /* Sun keyboard and mouse line rate */
    } else if (c->wr[14] & WR14_BRG) {
        tc = c->wr[12] | (unsigned)c->wr[13] << 8;
        baud = ESCC_PCLK / (2 * (tc + 2) * mode_div[c->wr[4] >> 6]);
    } else {
        baud = 9600;                /* generator off: the PROM's default */
    }
    if (baud == 0) {
        baud = 1;
    }
    bits = 1 + data_bits[(c->wr[5] >> 5) & 3] + (c->wr[4] & 1) +
           (((c->wr[4] >> 2) & 3) == 3 ? 2 : 1);
    return c->chip->ctx.hz * bits / baud;
}

static bool escc_has_input(const EsccChannel *c)
{
    if (c->kind == ESCC_KEYBOARD) {
        return c->kbd_len > 0;
    }
    return c->kind == ESCC_SERIAL && c->dev && chardev_can_read(c->dev);
}

static uint8_t escc_take_input(EsccChannel *c)
{
    uint8_t b;
    if (c->kind == ESCC_KEYBOARD) {
        b = c->kbd_queue[0];
        memmove(c->kbd_queue, c->kbd_queue + 1, --c->kbd_len);
        return b;
    }
    return chardev_read(c->dev);
}

static void escc_schedule_rx(EsccChannel *c)
{
    if (!ev_pending(&c->rx_tick) && (c->wr[3] & WR3_RXEN) &&
        c->rx_count < ESCC_RX_FIFO && escc_has_input(c)) {
        ev_after(c->chip->ctx.events, &c->rx_tick, escc_char_cycles(c));
    }
}

static void escc_rx_tick(void *opaque)
{
    EsccChannel *c = opaque;
    if ((c->wr[3] & WR3_RXEN) && c->rx_count < ESCC_RX_FIFO &&
        escc_has_input(c)) {
        c->rx_fifo[c->rx_count++] = escc_take_input(c);
        if (c->wr[1] & WR1_RXINT_MASK) {
            c->rx_ip = true;
        }
        escc_update_irq(c->chip);
    }
    escc_schedule_rx(c);
}

static void escc_kbd_command(EsccChannel *c, uint8_t cmd)
{
    static const uint8_t reset_reply[] = { SUNKBD_RET_RESET, SUNKBD_TYPE4,
                                           SUNKBD_RET_ALLUP };
    static const uint8_t layout_reply[] = { SUNKBD_RET_LAYOUT,
                                            SUNKBD_LAYOUT_US };
    const uint8_t *r = NULL;
    unsigned n = 0, i;
    if (cmd == SUNKBD_CMD_RESET) {
        r = reset_reply;
        n = sizeof(reset_reply);
    } else if (cmd == SUNKBD_CMD_LAYOUT) {
        r = layout_reply;
        n = sizeof(layout_reply);
    }
    for (i = 0; i < n && c->kbd_len < ESCC_KBD_QUEUE; i++) {
        c->kbd_queue[c->kbd_len++] = r[i];
    }
    escc_schedule_rx(c);
}

static void escc_start_tx(EsccChannel *c, uint8_t byte)
{
    c->tx_busy = true;
    if (c->kind == ESCC_SERIAL && c->dev) {
        chardev_write(c->dev, byte);
    } else if (c->kind == ESCC_KEYBOARD) {
        escc_kbd_command(c, byte);
    }
    ev_after(c->chip->ctx.events, &c->tx_done, escc_char_cycles(c));
    /* the buffer moved into the shift register: it is empty again */
    if (c->wr[1] & WR1_TXINT) {
        c->tx_ip = true;
    }
}

static void escc_tx_done(void *opaque)
{
    EsccChannel *c = opaque;
    c->tx_busy = false;
    if (c->tx_buf_full) {
        c->tx_buf_full = false;
        escc_start_tx(c, c->tx_buf);
    }
    escc_update_irq(c->chip);
}

static void escc_channel_reset(EsccChannel *c)
{
    EventQueue *eq = c->chip->ctx.events;
    ev_cancel(eq, &c->tx_done);
    ev_cancel(eq, &c->rx_tick);
    memset(c->wr, 0, sizeof(c->wr));
    c->ptr = 0;
    c->rx_count = 0;
    c->tx_busy = c->tx_buf_full = false;
    c->tx_ip = c->rx_ip = c->ext_ip = false;
    c->kbd_len = 0;
    /* SCC UM table 5-8 hardware reset values that matter here */
    c->wr[4] = 0x04;                /* async, 1 stop bit */
    c->wr[11] = 0x08;               /* receive clock from the TRxC pin */
}

void escc_reset(Escc *s)
{
    escc_channel_reset(&s->ch[0]);
    escc_channel_reset(&s->ch[1]);
    escc_update_irq(s);
}

void escc_init(Escc *s, const DevCtx *ctx, IrqLine irq,
               EsccKind a_kind, CharDev *a, EsccKind b_kind, CharDev *b)
{
    unsigned i;
    memset(s, 0, sizeof(*s));
    s->ctx = *ctx;
    s->irq = irq;
    s->ch[1].kind = a_kind;
    s->ch[1].dev = a;
    s->ch[0].kind = b_kind;
    s->ch[0].dev = b;
    for (i = 0; i < 2; i++) {
        EsccChannel *c = &s->ch[i];
        c->chip = s;
        ev_init(&c->tx_done, "escc-tx", escc_tx_done, c);
        ev_init(&c->rx_tick, "escc-rx", escc_rx_tick, c);
    }
    escc_reset(s);
    dev_map(ctx, 0, ESCC_REG_SIZE, &escc_ops, s, NULL);
}

void escc_input_ready(Escc *s)
{
    escc_schedule_rx(&s->ch[0]);
    escc_schedule_rx(&s->ch[1]);
}

static uint8_t escc_rr0(const EsccChannel *c)
{
    uint8_t v = 0;
    if (c->rx_count) {
        v |= RR0_RX_AVAIL;
    }
    if (!c->tx_buf_full) {
        v |= RR0_TX_EMPTY;
    }
    if (!c->tx_busy && !c->tx_buf_full) {
        v |= RR0_TX_UNDERRUN;
    }
    /* modem inputs: carrier and clear-to-send asserted; an unconnected
     * line reads as QEMU's disabled chips do (also SYNC/hunt) */
    v |= RR0_DCD | RR0_CTS;
    if (c->kind == ESCC_SERIAL && !c->dev) {
        v |= RR0_SYNC;
    }
    return v;
}

static uint8_t escc_read_rr(Escc *s, EsccChannel *c, unsigned reg)
{
    switch (reg) {
    case 0:
    case 4:                         /* RR4, RR5: images of RR0, RR1 on */
        return escc_rr0(c);         /* the NMOS part (SCC UM §5.2) */
    case 1:
    case 5:
        return (!c->tx_busy && !c->tx_buf_full) ? RR1_ALL_SENT : 0;
    case 2:
    case 6:
        return c->wr[2];
    case 3:
    case 7:
        if (c != &s->ch[1]) {
            return 0;               /* RR3 exists on channel A only */
        }
        return (uint8_t)((s->ch[1].rx_ip ? RR3_A_RX : 0) |
                         (s->ch[1].tx_ip ? RR3_A_TX : 0) |
                         (s->ch[1].ext_ip ? RR3_A_EXT : 0) |
                         (s->ch[0].rx_ip ? RR3_B_RX : 0) |
                         (s->ch[0].tx_ip ? RR3_B_TX : 0) |
                         (s->ch[0].ext_ip ? RR3_B_EXT : 0));
    case 12:
        return c->wr[12];
    case 13:
        return c->wr[13];
    case 15:
        /* WR15 read back with D0 and D2 zero (SCC UM §5.2.12): the part
         * on the SS-5 and in QEMU is an SCC, not an ESCC with WR7', so
         * Linux's sunzilog reports a plain "zs" */
        return c->wr[15] & ~0x05;
    default:
        return 0;                   /* RR8 handled by the caller; RR10 */
    }
}

static uint8_t escc_read_data(EsccChannel *c)
{
    uint8_t b = 0;
    if (c->rx_count) {
        b = c->rx_fifo[0];
        memmove(c->rx_fifo, c->rx_fifo + 1, --c->rx_count);
    }
    c->rx_ip = c->rx_count > 0 && (c->wr[1] & WR1_RXINT_MASK);
    escc_schedule_rx(c);
    return b;
}

static void escc_write_data(EsccChannel *c, uint8_t v)
{
    c->tx_ip = false;
    if (!(c->wr[5] & WR5_TXEN)) {
        /* QEMU sends nothing while the transmitter is disabled */
        return;
    }
    if (!c->tx_busy) {
        escc_start_tx(c, v);
    } else {
        if (c->tx_buf_full) {
            guest_error(&c->chip->ctx, "channel %c: byte 0x%02x written "
                        "over unsent 0x%02x (transmit buffer full)",
                        c == &c->chip->ch[1] ? 'A' : 'B', v, c->tx_buf);
        }
        c->tx_buf = v;
        c->tx_buf_full = true;
    }
}

static void escc_write_wr(Escc *s, EsccChannel *c, unsigned reg, uint8_t v)
{
    switch (reg) {
    case 0:
        switch (v & WR0_CMD_MASK) {
        case WR0_RESET_EXT:
            c->ext_ip = false;
            break;
        case WR0_RESET_TXINT:
            c->tx_ip = false;
            break;
        default:
            break;
        }
        break;
    case 1:
        c->wr[1] = v;
        if (!(v & WR1_TXINT)) {
            c->tx_ip = false;
        }
        c->rx_ip = c->rx_count > 0 && (v & WR1_RXINT_MASK);
        break;
    case 8:
        escc_write_data(c, v);      /* WR8 is the transmit buffer */
        break;
    case 9:
        /* WR9 is one register shared by both channels (SCC UM §5.1.10) */
        switch (v & WR9_RESET_MASK) {
        case 0x40:
            escc_channel_reset(&s->ch[0]);
            break;
        case 0x80:
            escc_channel_reset(&s->ch[1]);
            break;
        case 0xc0:
            escc_channel_reset(&s->ch[0]);
            escc_channel_reset(&s->ch[1]);
            break;
        }
        s->ch[0].wr[9] = s->ch[1].wr[9] = v & ~WR9_RESET_MASK;
        break;
    default:
        c->wr[reg] = v;
        break;
    }
    escc_schedule_rx(c);
    escc_update_irq(s);
}

static BusStatus escc_read(void *opaque, uint32_t off, unsigned size,
                           uint32_t *val)
{
    Escc *s = opaque;
    EsccChannel *c = &s->ch[(off >> 2) & 1];
    (void)size;
    if (off & 2) {
        *val = escc_read_data(c);
    } else {
        unsigned reg = c->ptr;
        c->ptr = 0;
        *val = reg == 8 ? escc_read_data(c) : escc_read_rr(s, c, reg);
    }
    escc_update_irq(s);
    return BUS_OK;
}

static BusStatus escc_write(void *opaque, uint32_t off, unsigned size,
                            uint32_t val)
{
    Escc *s = opaque;
    EsccChannel *c = &s->ch[(off >> 2) & 1];
    uint8_t v = (uint8_t)val;
    (void)size;
    dev_trace(&s->ctx, "channel %c %s <- 0x%02x", (off & 4) ? 'A' : 'B',
              (off & 2) ? "data" : "control", v);
    if (off & 2) {
        escc_write_data(c, v);
        escc_update_irq(s);
        return BUS_OK;
    }
    if (c->ptr == 0) {
        c->ptr = v & 7;
        if ((v & WR0_CMD_MASK) == WR0_POINT_HIGH) {
            c->ptr |= 8;
        }
        escc_write_wr(s, c, 0, v);
        return BUS_OK;
    }
    {
        unsigned reg = c->ptr;
        c->ptr = 0;
        escc_write_wr(s, c, reg, v);
    }
    return BUS_OK;
}

/* Control reads are stable (RR0 changes only when a character event
 * fires); data reads pop the receive FIFO. */
static bool escc_is_stable(void *opaque, uint32_t off)
{
    const Escc *s = opaque;
    /* a control read with the pointer set would reset the pointer */
    return !(off & 2) && s->ch[(off >> 2) & 1].ptr == 0;
}

const MmioOps escc_ops = {
    .read = escc_read,
    .write = escc_write,
    .min_size = 1,
    .max_size = 1,
    .is_stable = escc_is_stable,
};
