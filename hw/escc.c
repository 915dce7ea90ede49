/*
 * Z8530 ESCC as wired on sun4m: one byte register every 2 bytes, channel B
 * control at +0, B data +2, channel A control +4, A data +6 (QEMU
 * hw/sparc/sun4m.c escc_init with it_shift 1; Linux sunzilog.h).
 *
 * Register access (SCC UM §2.1.1): a control write with the pointer at 0 is
 * WR0, whose bits 2:0 select the register for the next control access (the
 * "point high" command 0x08 adds 8); after that access the pointer returns
 * to 0.
 *
 * SIMPLIFY: transmission is instantaneous and polled; the baud rate, the
 * transmitter interrupt and receive interrupts come with the interrupt
 * controller (issue 3).
 */
#include "escc.h"

#include <string.h>

/* WR0 commands, bits 5:3 (SCC UM §5.1.1) */
#define WR0_CMD_MASK 0x38
#define WR0_POINT_HIGH 0x08
#define WR0_RESET_TXINT 0x28
/* WR5 bit 3: transmitter enable (SCC UM §5.1.6) */
#define WR5_TXEN 0x08
/* WR9 bits 7:6: 01 reset channel B, 10 reset channel A, 11 hardware reset */
#define WR9_RESET_MASK 0xc0
/* RR0 bits (SCC UM §5.2.1) */
#define RR0_RX_AVAIL 0x01
#define RR0_TX_EMPTY 0x04
#define RR0_DCD 0x08
#define RR0_SYNC 0x10
#define RR0_CTS 0x20
#define RR0_TX_UNDERRUN 0x40
/* RR1 bit 0: all sent */
#define RR1_ALL_SENT 0x01

static void escc_channel_reset(EsccChannel *c)
{
    CharDev *dev = c->dev;
    memset(c, 0, sizeof(*c));
    c->dev = dev;
}

void escc_reset(Escc *s)
{
    escc_channel_reset(&s->ch[0]);
    escc_channel_reset(&s->ch[1]);
}

void escc_init(Escc *s, CharDev *a, CharDev *b)
{
    memset(s, 0, sizeof(*s));
    s->ch[1].dev = a;
    s->ch[0].dev = b;
}

static void escc_fill_rx(EsccChannel *c)
{
    if (!c->rx_avail && c->dev && chardev_can_read(c->dev)) {
        c->rx_data = chardev_read(c->dev);
        c->rx_avail = true;
    }
}

static uint8_t escc_read_rr(Escc *s, EsccChannel *c, unsigned reg)
{
    switch (reg) {
    case 0:
        escc_fill_rx(c);
        /* transmitter always empty (instant transmission); with no host
         * line the modem inputs read as asserted, as for QEMU's chips */
        return (c->rx_avail ? RR0_RX_AVAIL : 0) | RR0_TX_EMPTY |
               RR0_TX_UNDERRUN | (c->dev ? 0 : RR0_DCD | RR0_SYNC | RR0_CTS);
    case 1:
        return RR1_ALL_SENT;
    case 2:
        return c->wr[2];            /* interrupt vector (unmodified) */
    case 3:
        /* interrupt pending bits, channel A only */
        if (c != &s->ch[1]) {
            return 0;
        }
        return (uint8_t)((s->ch[1].rx_ip ? 0x20 : 0) |
                         (s->ch[1].tx_ip ? 0x10 : 0) |
                         (s->ch[0].rx_ip ? 0x04 : 0) |
                         (s->ch[0].tx_ip ? 0x02 : 0));
    case 10:
        return 0;
    case 12:
        return c->wr[12];
    case 13:
        return c->wr[13];
    case 15:
        return c->wr[15];
    default:
        return 0;
    }
}

static void escc_write_wr(Escc *s, EsccChannel *c, unsigned reg, uint8_t v)
{
    if (reg == 9) {
        /* WR9 is one register shared by both channels (SCC UM §5.1.10) */
        s->ch[0].wr[9] = s->ch[1].wr[9] = v;
        switch (v & WR9_RESET_MASK) {
        case 0x40:
            escc_channel_reset(&s->ch[0]);
            break;
        case 0x80:
            escc_channel_reset(&s->ch[1]);
            break;
        case 0xc0:
            escc_reset(s);
            break;
        }
        s->ch[0].wr[9] = s->ch[1].wr[9] = v & ~WR9_RESET_MASK;
        return;
    }
    c->wr[reg] = v;
}

static BusStatus escc_read(void *opaque, uint32_t off, unsigned size,
                           uint32_t *val)
{
    Escc *s = opaque;
    EsccChannel *c = &s->ch[(off >> 2) & 1];
    (void)size;
    if (off & 2) {
        escc_fill_rx(c);
        *val = c->rx_data;
        c->rx_avail = false;
        c->rx_ip = false;
    } else {
        unsigned reg = c->ptr;
        c->ptr = 0;
        *val = escc_read_rr(s, c, reg);
    }
    return BUS_OK;
}

static BusStatus escc_write(void *opaque, uint32_t off, unsigned size,
                            uint32_t val)
{
    Escc *s = opaque;
    EsccChannel *c = &s->ch[(off >> 2) & 1];
    uint8_t v = (uint8_t)val;
    (void)size;
    if (off & 2) {
        /* data: sent only with the transmitter enabled (as QEMU does) */
        if ((c->wr[5] & WR5_TXEN) && c->dev) {
            chardev_write(c->dev, v);
            s->tx_bytes++;
        }
        return BUS_OK;
    }
    if (c->ptr == 0) {
        c->ptr = v & 7;
        if ((v & WR0_CMD_MASK) == WR0_POINT_HIGH) {
            c->ptr |= 8;
        } else if ((v & WR0_CMD_MASK) == WR0_RESET_TXINT) {
            c->tx_ip = false;
        }
        c->wr[0] = v;
        return BUS_OK;
    }
    escc_write_wr(s, c, c->ptr, v);
    c->ptr = 0;
    return BUS_OK;
}

const MmioOps escc_ops = {
    .read = escc_read,
    .write = escc_write,
    .min_size = 1,
    .max_size = 1,
};
