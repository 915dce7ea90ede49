/*
 * Z8530 ESCC: register pointer, transmit timing and interrupts, receive
 * FIFO fed from the host without loss, the keyboard's replies.
 */
#include <string.h>

#include "hw/chips/escc.h"
#include "unit.h"

#define HZ 110000000ull
/* ESCC offsets on sun4m: B control 0, B data 2, A control 4, A data 6 */
#define A_CTL 4
#define A_DATA 6
#define B_CTL 0

typedef struct Rig {
    Cycles now;
    EventQueue q;
    Escc s;
    CharDev a, b;
    int irq;
    uint8_t out[256];
    unsigned nout;
} Rig;

static void rig_irq(void *opaque, int n, bool level)
{
    Rig *r = opaque;
    (void)n;
    r->irq = level;
}

static void rig_out(void *opaque, uint8_t byte)
{
    Rig *r = opaque;
    if (r->nout < sizeof(r->out)) {
        r->out[r->nout++] = byte;
    }
}

static void rig_init(Rig *r, EsccKind a_kind)
{
    memset(r, 0, sizeof(*r));
    ev_queue_init(&r->q, &r->now);
    r->a.in_fd = r->a.out_fd = r->a.log_fd = -1;
    r->b.in_fd = r->b.out_fd = r->b.log_fd = -1;
    r->a.on_output = rig_out;
    r->a.on_output_opaque = r;
    DevCtx c = unit_ctx(NULL, &r->q, HZ, NULL, "escc", LOG_ESCC, 0,
                        ESCC_REG_SIZE);
    escc_init(&r->s, &c, irq_line(rig_irq, r, 0), a_kind,
              a_kind == ESCC_SERIAL ? &r->a : NULL, ESCC_SERIAL, &r->b);
}

static uint8_t rd(Rig *r, uint32_t off)
{
    uint32_t v = 0;
    CU_ASSERT_EQUAL(escc_ops.read(&r->s, off, 1, &v), BUS_OK);
    return (uint8_t)v;
}

static void wr(Rig *r, uint32_t off, uint8_t v)
{
    CU_ASSERT_EQUAL(escc_ops.write(&r->s, off, 1, v), BUS_OK);
}

static void wreg(Rig *r, uint32_t ctl, unsigned reg, uint8_t v)
{
    wr(r, ctl, (uint8_t)(reg & 7) | (reg >= 8 ? 0x08 : 0));
    wr(r, ctl, v);
}

static uint8_t rreg(Rig *r, uint32_t ctl, unsigned reg)
{
    if (reg) {
        wr(r, ctl, (uint8_t)(reg & 7) | (reg >= 8 ? 0x08 : 0));
    }
    return rd(r, ctl);
}

static void rig_free(Rig *r)
{
    ev_queue_free(&r->q);
}

/* advance virtual time to t, firing events */
static void run_to(Rig *r, Cycles t)
{
    while (ev_next_deadline(&r->q) <= t) {
        r->now = ev_next_deadline(&r->q);
        ev_run_due(&r->q);
    }
    r->now = t;
}

/* OpenBIOS's ttya set-up: 9600 8N1 with the baud rate generator */
static void setup_9600(Rig *r)
{
    wreg(r, A_CTL, 9, 0x80);
    wreg(r, A_CTL, 4, 0x44);        /* x16 clock, 1 stop bit */
    wreg(r, A_CTL, 12, 0x0e);
    wreg(r, A_CTL, 13, 0x00);
    wreg(r, A_CTL, 14, 0x03);
    wreg(r, A_CTL, 3, 0xc1);        /* 8 bits, RX enable */
    wreg(r, A_CTL, 5, 0xea);        /* 8 bits, TX enable, DTR, RTS */
}

static void test_pointer(void)
{
    Rig r;
    rig_init(&r, ESCC_SERIAL);
    /* a write selects a register; the next access hits it, then 0 again */
    wreg(&r, A_CTL, 12, 0x5a);
    wreg(&r, A_CTL, 13, 0xa5);
    CU_ASSERT_EQUAL(rreg(&r, A_CTL, 12), 0x5a);
    CU_ASSERT_EQUAL(rreg(&r, A_CTL, 13), 0xa5);
    /* pointer back at 0 after one access: two plain reads are RR0 */
    CU_ASSERT_EQUAL(rd(&r, A_CTL) & 0x04, 0x04);
    CU_ASSERT_EQUAL(rd(&r, A_CTL) & 0x04, 0x04);
    /* point high: WR0 0x08 | 7 selects register 15 */
    wreg(&r, A_CTL, 15, 0x3d);
    /* RR15: WR15 with D0 (WR7' enable, ESCC only) and D2 reading 0 */
    CU_ASSERT_EQUAL(rreg(&r, A_CTL, 15), 0x38);
    /* channels have their own registers and pointers */
    wreg(&r, B_CTL, 12, 0x11);
    CU_ASSERT_EQUAL(rreg(&r, A_CTL, 12), 0x5a);
    CU_ASSERT_EQUAL(rreg(&r, B_CTL, 12), 0x11);
    /* a pending pointer makes a control read unstable for polling */
    wr(&r, A_CTL, 2);
    CU_ASSERT_FALSE(escc_ops.is_stable(&r.s, A_CTL));
    rd(&r, A_CTL);
    CU_ASSERT_TRUE(escc_ops.is_stable(&r.s, A_CTL));
    CU_ASSERT_FALSE(escc_ops.is_stable(&r.s, A_DATA));
    rig_free(&r);
}

static void test_tx_timing(void)
{
    Rig r;
    /* 9600 baud, 10 bits: 1/960 s = 114583 cycles per character */
    const Cycles ch = HZ * 10 / 9600;
    rig_init(&r, ESCC_SERIAL);
    setup_9600(&r);
    wr(&r, A_DATA, 'a');
    CU_ASSERT_EQUAL(r.nout, 1);
    /* first byte went to the shifter: the buffer is empty again */
    CU_ASSERT_EQUAL(rd(&r, A_CTL) & 0x04, 0x04);
    CU_ASSERT_EQUAL(rreg(&r, A_CTL, 1) & 0x01, 0);     /* not all sent */
    wr(&r, A_DATA, 'b');
    CU_ASSERT_EQUAL(rd(&r, A_CTL) & 0x04, 0);          /* buffer full */
    CU_ASSERT_EQUAL(r.nout, 1);
    run_to(&r, ch - 1);
    CU_ASSERT_EQUAL(r.nout, 1);
    run_to(&r, ch);
    CU_ASSERT_EQUAL(r.nout, 2);
    CU_ASSERT_EQUAL(r.out[1], 'b');
    CU_ASSERT_EQUAL(rd(&r, A_CTL) & 0x04, 0x04);
    run_to(&r, 2 * ch);
    CU_ASSERT_EQUAL(rreg(&r, A_CTL, 1) & 0x01, 0x01);  /* all sent */
    /* with the transmitter disabled nothing is sent (as QEMU) */
    wreg(&r, A_CTL, 5, 0x62);
    wr(&r, A_DATA, 'c');
    CU_ASSERT_EQUAL(r.nout, 2);
    rig_free(&r);
}

static void test_tx_interrupt(void)
{
    Rig r;
    rig_init(&r, ESCC_SERIAL);
    setup_9600(&r);
    wreg(&r, A_CTL, 1, 0x02);       /* TX interrupt enable */
    wr(&r, A_DATA, 'x');
    /* pending but MIE off: no line */
    CU_ASSERT_EQUAL(rreg(&r, A_CTL, 3) & 0x10, 0x10);
    CU_ASSERT_EQUAL(r.irq, 0);
    wreg(&r, A_CTL, 9, 0x08);       /* MIE */
    CU_ASSERT_EQUAL(r.irq, 1);
    /* RR3 is read on channel A only */
    CU_ASSERT_EQUAL(rreg(&r, B_CTL, 3), 0);
    wr(&r, A_CTL, 0x28);            /* reset TX interrupt pending */
    CU_ASSERT_EQUAL(r.irq, 0);
    CU_ASSERT_EQUAL(rreg(&r, A_CTL, 3), 0);
    rig_free(&r);
}

static void test_rx(void)
{
    Rig r;
    const Cycles ch = HZ * 10 / 9600;
    unsigned i;
    rig_init(&r, ESCC_SERIAL);
    setup_9600(&r);
    wreg(&r, A_CTL, 1, 0x10);       /* RX interrupt on all characters */
    wreg(&r, A_CTL, 9, 0x08);
    chardev_push_input(&r.a, (const uint8_t *)"hello", 5);
    escc_input_ready(&r.s);
    CU_ASSERT_EQUAL(rd(&r, A_CTL) & 0x01, 0);
    run_to(&r, ch);
    CU_ASSERT_EQUAL(rd(&r, A_CTL) & 0x01, 0x01);
    CU_ASSERT_EQUAL(r.irq, 1);
    CU_ASSERT_EQUAL(rreg(&r, A_CTL, 3) & 0x20, 0x20);
    /* nobody reads: the FIFO fills to 3 and the rest waits on the host */
    run_to(&r, 10 * ch);
    CU_ASSERT_EQUAL(r.s.ch[1].rx_count, 3);
    CU_ASSERT_EQUAL(r.a.rx_len, 2);
    for (i = 0; i < 5; i++) {
        run_to(&r, r.now + ch);
        CU_ASSERT_EQUAL(rd(&r, A_CTL) & 0x01, 0x01);
        CU_ASSERT_EQUAL(rd(&r, A_DATA), (uint8_t)"hello"[i]);
    }
    CU_ASSERT_EQUAL(rd(&r, A_CTL) & 0x01, 0);
    CU_ASSERT_EQUAL(r.irq, 0);
    /* receiver disabled: bytes stay on the host side */
    wreg(&r, A_CTL, 3, 0xc0);
    chardev_push_input(&r.a, (const uint8_t *)"z", 1);
    escc_input_ready(&r.s);
    run_to(&r, r.now + 5 * ch);
    CU_ASSERT_EQUAL(rd(&r, A_CTL) & 0x01, 0);
    CU_ASSERT_EQUAL(r.a.rx_len, 1);
    rig_free(&r);
}

static void test_keyboard(void)
{
    Rig r;
    rig_init(&r, ESCC_KEYBOARD);
    wreg(&r, A_CTL, 3, 0xc1);
    wreg(&r, A_CTL, 5, 0x68);
    wr(&r, A_DATA, 0x01);           /* reset */
    run_to(&r, HZ);                 /* 1200 baud: plenty */
    CU_ASSERT_EQUAL(rd(&r, A_DATA), 0xff);
    run_to(&r, 2 * HZ);
    CU_ASSERT_EQUAL(rd(&r, A_DATA), 0x04);     /* type 4 */
    run_to(&r, 3 * HZ);
    CU_ASSERT_EQUAL(rd(&r, A_DATA), 0x7f);
    wr(&r, A_DATA, 0x0f);           /* layout */
    run_to(&r, 4 * HZ);
    CU_ASSERT_EQUAL(rd(&r, A_DATA), 0xfe);
    run_to(&r, 5 * HZ);
    CU_ASSERT_EQUAL(rd(&r, A_DATA), 0x21);
    rig_free(&r);
}

static void test_reset(void)
{
    Rig r;
    rig_init(&r, ESCC_SERIAL);
    setup_9600(&r);
    wreg(&r, A_CTL, 12, 0x33);
    wreg(&r, B_CTL, 12, 0x44);
    wreg(&r, A_CTL, 9, 0x80);       /* reset channel A only */
    CU_ASSERT_EQUAL(rreg(&r, A_CTL, 12), 0);
    CU_ASSERT_EQUAL(rreg(&r, B_CTL, 12), 0x44);
    wreg(&r, A_CTL, 9, 0xc0);       /* hardware reset */
    CU_ASSERT_EQUAL(rreg(&r, B_CTL, 12), 0);
}

static const UnitTest tests[] = {
    { "register pointer", test_pointer },
    { "transmit timing", test_tx_timing },
    { "transmit interrupt", test_tx_interrupt },
    { "receive FIFO", test_rx },
    { "keyboard replies", test_keyboard },
    { "channel resets", test_reset },
};

int main(void)
{
    return UNIT_RUN("escc", NULL, NULL, tests);
}
