/*
 * Z8530 ESCC: register pointer, transmit timing and interrupts, receive
 * FIFO fed from the host without loss; the Sun keyboard and mouse on their
 * 1200-baud lines, byte by byte at the data register in virtual time.
 */
#include <string.h>

#include "hw/chips/escc.h"
#include "unit.h"

#define HZ 110000000ull
/* ESCC offsets on sun4m: B control 0, B data 2, A control 4, A data 6 */
#define A_CTL 4
#define A_DATA 6
#define B_CTL 0
#define B_DATA 2
/* one 8N1 character at 1200 baud on the keyboard/mouse lines */
#define LINE_CH (HZ * 10 / 1200)

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

static void rig_init2(Rig *r, EsccKind a_kind, EsccKind b_kind)
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
              a_kind == ESCC_SERIAL ? &r->a : NULL, b_kind,
              b_kind == ESCC_SERIAL ? &r->b : NULL);
}

static void rig_init(Rig *r, EsccKind a_kind)
{
    rig_init2(r, a_kind, ESCC_SERIAL);
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
    rig_free(&r);
}

/* The keyboard/mouse chip as Linux's sunzilog leaves it: both receivers
 * and the keyboard's transmitter on, receive interrupts, MIE. */
static void rig_kbdms(Rig *r)
{
    rig_init2(r, ESCC_KEYBOARD, ESCC_MOUSE);
    wreg(r, A_CTL, 3, 0xc1);
    wreg(r, A_CTL, 5, 0x68);
    wreg(r, A_CTL, 1, 0x10);
    wreg(r, B_CTL, 3, 0xc1);
    wreg(r, B_CTL, 1, 0x10);
    wreg(r, A_CTL, 9, 0x08);
}

/* Read what arrives on one channel, a character time at a time, until the
 * line has been quiet for 4 characters; returns the count. */
static unsigned drain(Rig *r, uint32_t ctl, uint8_t *buf, unsigned max)
{
    unsigned n = 0, quiet = 0;
    while (quiet < 4) {
        run_to(r, r->now + LINE_CH);
        if (!(rd(r, ctl) & 0x01)) {
            quiet++;
            continue;
        }
        quiet = 0;
        while (rd(r, ctl) & 0x01) {
            uint8_t b = rd(r, ctl + 2);
            if (n < max) {
                buf[n] = b;
            }
            n++;
        }
    }
    return n;
}

#define CHECK_BYTES(buf, n, ...)                                          \
    do {                                                                  \
        static const uint8_t want_[] = { __VA_ARGS__ };                   \
        CU_ASSERT_EQUAL_FATAL((n), sizeof(want_));                        \
        CU_ASSERT_EQUAL(memcmp((buf), want_, sizeof(want_)), 0);          \
    } while (0)

static void test_kbd_reset(void)
{
    Rig r;
    uint8_t b[16];
    unsigned n;
    Cycles t0;
    rig_kbdms(&r);
    t0 = r.now;
    wr(&r, A_DATA, 0x01);
    /* the command takes one character time to the keyboard, each answer
     * byte one more back */
    run_to(&r, t0 + 2 * LINE_CH - 1);
    CU_ASSERT_EQUAL(rd(&r, A_CTL) & 0x01, 0);
    CU_ASSERT_EQUAL(r.irq, 0);
    run_to(&r, t0 + 2 * LINE_CH);
    CU_ASSERT_EQUAL(rd(&r, A_CTL) & 0x01, 0x01);
    CU_ASSERT_EQUAL(r.irq, 1);
    CU_ASSERT_EQUAL(rd(&r, A_DATA), 0xff);
    CU_ASSERT_EQUAL(r.irq, 0);
    run_to(&r, t0 + 3 * LINE_CH);
    CU_ASSERT_EQUAL(rd(&r, A_DATA), 0x04);      /* serial type 5: "4" */
    run_to(&r, t0 + 4 * LINE_CH);
    CU_ASSERT_EQUAL(rd(&r, A_DATA), 0x7f);      /* no key held */
    n = drain(&r, A_CTL, b, sizeof(b));
    CU_ASSERT_EQUAL(n, 0);

    /* with keys held, the reset answer lists them instead of IDLE */
    escc_kbd_key(&r.s, 0x4d, true);
    escc_kbd_key(&r.s, 0x01, true);
    n = drain(&r, A_CTL, b, sizeof(b));
    CHECK_BYTES(b, n, 0x4d, 0x01);
    wr(&r, A_DATA, 0x0a);                       /* click on */
    wr(&r, A_DATA, 0x01);
    n = drain(&r, A_CTL, b, sizeof(b));
    CHECK_BYTES(b, n, 0xff, 0x04, 0x01, 0x4d);
    CU_ASSERT_FALSE(escc_kbd_click(&r.s));      /* reset turns it off */
    escc_kbd_key(&r.s, 0x4d, false);
    escc_kbd_key(&r.s, 0x01, false);
    n = drain(&r, A_CTL, b, sizeof(b));
    CHECK_BYTES(b, n, 0xcd, 0x81, 0x7f);

    /* a reset while up codes are still queued: the ones still queued
     * follow the answer, so no key stays down in the guest.  Q's make and
     * break go out while the command travels (a character time); A's
     * make is dropped with the queue, its break follows the answer and
     * the held Shift (a release of a key the guest never saw go down is
     * ignored by it) */
    escc_kbd_key(&r.s, 0x36, true);
    escc_kbd_key(&r.s, 0x36, false);
    escc_kbd_key(&r.s, 0x4d, true);
    escc_kbd_key(&r.s, 0x4d, false);
    escc_kbd_key(&r.s, 0x63, true);             /* shift stays held */
    wr(&r, A_DATA, 0x01);
    n = drain(&r, A_CTL, b, sizeof(b));
    CHECK_BYTES(b, n, 0x36, 0xb6, 0xff, 0x04, 0x63, 0xcd);
    escc_kbd_key(&r.s, 0x63, false);
    n = drain(&r, A_CTL, b, sizeof(b));
    CHECK_BYTES(b, n, 0xe3, 0x7f);
    rig_free(&r);
}

static void test_kbd_layout(void)
{
    Rig r;
    uint8_t b[16];
    unsigned n;
    rig_kbdms(&r);
    wr(&r, A_DATA, 0x0f);
    n = drain(&r, A_CTL, b, sizeof(b));
    /* US type 5: bit 5 makes Linux's sunkbd call it a type 5 */
    CHECK_BYTES(b, n, 0xfe, 0x21);
    /* commands the keyboard does not have get no answer */
    wr(&r, A_DATA, 0x07);
    wr(&r, A_DATA, 0x55);
    n = drain(&r, A_CTL, b, sizeof(b));
    CU_ASSERT_EQUAL(n, 0);
    rig_free(&r);
}

static void test_kbd_leds(void)
{
    Rig r;
    uint8_t b[16];
    unsigned n;
    rig_kbdms(&r);
    CU_ASSERT_EQUAL(escc_kbd_leds(&r.s), 0);
    /* the byte after SETLED is data, even when it looks like RESET */
    wr(&r, A_DATA, 0x0e);
    wr(&r, A_DATA, 0x01);
    n = drain(&r, A_CTL, b, sizeof(b));
    CU_ASSERT_EQUAL(n, 0);
    CU_ASSERT_EQUAL(escc_kbd_leds(&r.s), ESCC_KBD_LED_NUM_LOCK);
    /* ... or LAYOUT; Linux's bits: caps 8, scroll 4, compose 2, num 1 */
    wr(&r, A_DATA, 0x0e);
    wr(&r, A_DATA, 0x0f);
    n = drain(&r, A_CTL, b, sizeof(b));
    CU_ASSERT_EQUAL(n, 0);
    CU_ASSERT_EQUAL(escc_kbd_leds(&r.s), 0x0f);
    /* and the byte after the data is a command again */
    wr(&r, A_DATA, 0x0e);
    wr(&r, A_DATA, 0x08);
    run_to(&r, r.now + LINE_CH);                /* room in the buffer */
    wr(&r, A_DATA, 0x0f);
    n = drain(&r, A_CTL, b, sizeof(b));
    CHECK_BYTES(b, n, 0xfe, 0x21);
    CU_ASSERT_EQUAL(escc_kbd_leds(&r.s), ESCC_KBD_LED_CAPS_LOCK);
    rig_free(&r);
}

static void test_kbd_bell_click(void)
{
    Rig r;
    Cycles t0;
    rig_kbdms(&r);
    CU_ASSERT_FALSE(escc_kbd_bell(&r.s));
    CU_ASSERT_FALSE(escc_kbd_click(&r.s));
    t0 = r.now;
    wr(&r, A_DATA, 0x02);
    /* the keyboard acts once the whole character has reached it */
    run_to(&r, t0 + LINE_CH - 1);
    CU_ASSERT_FALSE(escc_kbd_bell(&r.s));
    run_to(&r, t0 + LINE_CH);
    CU_ASSERT_TRUE(escc_kbd_bell(&r.s));
    wr(&r, A_DATA, 0x0a);
    run_to(&r, r.now + LINE_CH);
    CU_ASSERT_TRUE(escc_kbd_click(&r.s));
    CU_ASSERT_TRUE(escc_kbd_bell(&r.s));
    wr(&r, A_DATA, 0x03);
    wr(&r, A_DATA, 0x0b);
    run_to(&r, r.now + 2 * LINE_CH);
    CU_ASSERT_FALSE(escc_kbd_bell(&r.s));
    CU_ASSERT_FALSE(escc_kbd_click(&r.s));
    rig_free(&r);
}

static void test_kbd_make_break(void)
{
    Rig r;
    uint8_t b[16];
    unsigned n;
    Cycles t0;
    rig_kbdms(&r);
    t0 = r.now;
    escc_kbd_key(&r.s, 0x4d, true);             /* A */
    run_to(&r, t0 + LINE_CH - 1);
    CU_ASSERT_EQUAL(rd(&r, A_CTL) & 0x01, 0);
    run_to(&r, t0 + LINE_CH);
    CU_ASSERT_EQUAL(r.irq, 1);
    CU_ASSERT_EQUAL(rd(&r, A_DATA), 0x4d);
    /* a second press without a release (host autorepeat) sends nothing */
    escc_kbd_key(&r.s, 0x4d, true);
    n = drain(&r, A_CTL, b, sizeof(b));
    CU_ASSERT_EQUAL(n, 0);
    t0 = r.now;
    escc_kbd_key(&r.s, 0x4d, false);
    run_to(&r, t0 + LINE_CH);
    CU_ASSERT_EQUAL(rd(&r, A_DATA), 0xcd);
    run_to(&r, t0 + 2 * LINE_CH - 1);
    CU_ASSERT_EQUAL(rd(&r, A_CTL) & 0x01, 0);
    run_to(&r, t0 + 2 * LINE_CH);
    CU_ASSERT_EQUAL(rd(&r, A_DATA), 0x7f);      /* all keys up */
    /* IDLE only after the last key */
    escc_kbd_key(&r.s, 0x63, true);             /* left shift */
    escc_kbd_key(&r.s, 0x4d, true);
    escc_kbd_key(&r.s, 0x4d, false);
    escc_kbd_key(&r.s, 0x63, false);
    /* a release of a key not held, and codes that are no key */
    escc_kbd_key(&r.s, 0x10, false);
    escc_kbd_key(&r.s, 0x00, true);
    escc_kbd_key(&r.s, 0x7e, true);
    escc_kbd_key(&r.s, 0x7f, true);
    escc_kbd_key(&r.s, 0xff, true);
    n = drain(&r, A_CTL, b, sizeof(b));
    CHECK_BYTES(b, n, 0x63, 0x4d, 0xcd, 0xe3, 0x7f);
    CU_ASSERT_EQUAL(escc_kbd_dropped(&r.s), 0);
    rig_free(&r);
}

static void test_kbd_queue_full(void)
{
    Rig r;
    static uint8_t b[4 * ESCC_KBD_QUEUE];
    unsigned n, i, presses = 0;
    rig_kbdms(&r);
    escc_kbd_key(&r.s, 0x63, true);             /* shift held throughout */
    /* a host typing far faster than 1200 baud: 1000 keystrokes at once */
    for (i = 0; i < 1000; i++) {
        uint8_t k = (uint8_t)(0x36 + i % 10);   /* q..p */
        uint64_t d = escc_kbd_dropped(&r.s);
        escc_kbd_key(&r.s, k, true);
        escc_kbd_key(&r.s, k, false);
        if (escc_kbd_dropped(&r.s) == d) {
            presses++;
        }
    }
    CU_ASSERT_EQUAL(presses + escc_kbd_dropped(&r.s), 1000);
    CU_ASSERT(escc_kbd_dropped(&r.s) > 0);
    CU_ASSERT(presses >= (ESCC_KBD_QUEUE - 4) / 2);
    /* the releases of held keys always fit */
    escc_kbd_key(&r.s, 0x63, false);
    n = drain(&r, A_CTL, b, sizeof(b));
    CU_ASSERT_EQUAL_FATAL(n, 1 + 2 * presses + 2);
    CU_ASSERT_EQUAL(b[0], 0x63);
    for (i = 0; i < presses; i++) {
        CU_ASSERT_EQUAL(b[1 + 2 * i] | 0x80, b[2 + 2 * i]);
    }
    CU_ASSERT_EQUAL(b[n - 2], 0xe3);
    CU_ASSERT_EQUAL(b[n - 1], 0x7f);
    /* the queue works again once drained */
    escc_kbd_key(&r.s, 0x4d, true);
    n = drain(&r, A_CTL, b, sizeof(b));
    CHECK_BYTES(b, n, 0x4d);
    rig_free(&r);
}

static void test_kbd_l1_a(void)
{
    Rig r;
    uint8_t b[16];
    unsigned n;
    rig_kbdms(&r);
    /* Stop (L1) held, then A: the down codes in that order, which is
     * what Linux's keyboard.c needs to call sun_do_break */
    escc_kbd_key(&r.s, 0x01, true);
    escc_kbd_key(&r.s, 0x4d, true);
    run_to(&r, r.now + LINE_CH);
    CU_ASSERT_EQUAL(rd(&r, A_DATA), 0x01);
    run_to(&r, r.now + LINE_CH);
    CU_ASSERT_EQUAL(rd(&r, A_DATA), 0x4d);
    escc_kbd_key(&r.s, 0x4d, false);
    escc_kbd_key(&r.s, 0x01, false);
    n = drain(&r, A_CTL, b, sizeof(b));
    CHECK_BYTES(b, n, 0xcd, 0x81, 0x7f);
    rig_free(&r);
}

static void test_line_overrun(void)
{
    Rig r;
    uint8_t b[16];
    unsigned n;
    rig_kbdms(&r);
    /* five bytes and nobody reading: the fourth and fifth each overwrite
     * the newest byte of the 3-byte FIFO */
    escc_kbd_key(&r.s, 0x10, true);
    escc_kbd_key(&r.s, 0x11, true);
    escc_kbd_key(&r.s, 0x10, false);
    escc_kbd_key(&r.s, 0x11, false);
    run_to(&r, r.now + 6 * LINE_CH);
    CU_ASSERT_EQUAL(r.s.ch[1].rx_count, 3);
    CU_ASSERT_EQUAL(rreg(&r, A_CTL, 1) & 0x20, 0x20);
    CU_ASSERT_EQUAL(rd(&r, A_DATA), 0x10);
    CU_ASSERT_EQUAL(rd(&r, A_DATA), 0x11);
    CU_ASSERT_EQUAL(rd(&r, A_DATA), 0x7f);
    CU_ASSERT_EQUAL(r.s.ch[1].rx_lost, 2);
    CU_ASSERT_EQUAL(rreg(&r, A_CTL, 1) & 0x20, 0x20);
    wr(&r, A_CTL, 0x30);                        /* error reset */
    CU_ASSERT_EQUAL(rreg(&r, A_CTL, 1) & 0x20, 0);
    /* a channel reset does not stop the keyboard's line */
    escc_kbd_key(&r.s, 0x12, true);
    wreg(&r, A_CTL, 9, 0x88);                   /* reset A, keep MIE */
    wreg(&r, A_CTL, 3, 0xc1);
    n = drain(&r, A_CTL, b, sizeof(b));
    CHECK_BYTES(b, n, 0x12);
    rig_free(&r);
}

static void test_mouse_motion(void)
{
    Rig r;
    uint8_t b[32];
    unsigned n;
    Cycles t0;
    rig_kbdms(&r);
    t0 = r.now;
    /* 5 right, 3 down: split over the two halves, Y up positive */
    escc_mouse_event(&r.s, 5, 3, 0);
    run_to(&r, t0 + LINE_CH - 1);
    CU_ASSERT_EQUAL(rd(&r, B_CTL) & 0x01, 0);
    run_to(&r, t0 + LINE_CH);
    CU_ASSERT_EQUAL(r.irq, 1);
    CU_ASSERT_EQUAL(rd(&r, B_DATA), 0x87);      /* no button */
    n = drain(&r, B_CTL, b, sizeof(b));
    CHECK_BYTES(b, n, 0x02, 0xff, 0x03, 0xfe);
    /* the keyboard's channel heard nothing */
    CU_ASSERT_EQUAL(rd(&r, A_CTL) & 0x01, 0);
    /* no motion, no change: no packet */
    escc_mouse_event(&r.s, 0, 0, 0);
    n = drain(&r, B_CTL, b, sizeof(b));
    CU_ASSERT_EQUAL(n, 0);
    /* left and right, up: negative X, positive Y bytes */
    escc_mouse_event(&r.s, -4, -2, 0);
    n = drain(&r, B_CTL, b, sizeof(b));
    CHECK_BYTES(b, n, 0x87, 0xfe, 0x01, 0xfe, 0x01);
    rig_free(&r);
}

static void test_mouse_buttons(void)
{
    Rig r;
    uint8_t b[64];
    unsigned n;
    rig_kbdms(&r);
    /* each button clears its bit: left 4, middle 2, right 1 */
    escc_mouse_event(&r.s, 0, 0, ESCC_MOUSE_LEFT);
    n = drain(&r, B_CTL, b, sizeof(b));
    CHECK_BYTES(b, n, 0x83, 0, 0, 0, 0);
    escc_mouse_event(&r.s, 0, 0, ESCC_MOUSE_LEFT | ESCC_MOUSE_MIDDLE);
    n = drain(&r, B_CTL, b, sizeof(b));
    CHECK_BYTES(b, n, 0x81, 0, 0, 0, 0);
    escc_mouse_event(&r.s, 0, 0, ESCC_MOUSE_RIGHT);
    n = drain(&r, B_CTL, b, sizeof(b));
    CHECK_BYTES(b, n, 0x86, 0, 0, 0, 0);
    /* a click shorter than a packet: both changes, in order */
    escc_mouse_event(&r.s, 0, 0, 0);
    escc_mouse_event(&r.s, 1, 0, ESCC_MOUSE_LEFT);
    escc_mouse_event(&r.s, 0, 0, 0);
    n = drain(&r, B_CTL, b, sizeof(b));
    CHECK_BYTES(b, n, 0x87, 0, 0, 0, 0,
                0x83, 0, 0, 1, 0,
                0x87, 0, 0, 0, 0);
    rig_free(&r);
}

static void test_mouse_large(void)
{
    Rig r;
    uint8_t b[64];
    unsigned n;
    rig_kbdms(&r);
    /* 600 right, 300 up: three packets of at most 127 a half */
    escc_mouse_event(&r.s, 600, -300, 0);
    n = drain(&r, B_CTL, b, sizeof(b));
    CHECK_BYTES(b, n, 0x87, 127, 127, 127, 127,
                0x87, 127, 23, 127, 23,
                0x87, 46, 0, 46, 0);
    /* far more than the line can carry soon is clipped to 8 packets */
    escc_mouse_event(&r.s, -100000, 0, 0);
    n = drain(&r, B_CTL, b, sizeof(b));
    CU_ASSERT_EQUAL(n, 8 * 5);
    CU_ASSERT_EQUAL(b[36], 0x81);               /* -127 */
    rig_free(&r);
}

static void test_mouse_coalesce(void)
{
    Rig r;
    uint8_t b[128];
    unsigned n, i;
    rig_kbdms(&r);
    /* while the first packet is on the line, 100 more events add up */
    escc_mouse_event(&r.s, 1, 0, 0);
    for (i = 0; i < 100; i++) {
        escc_mouse_event(&r.s, 1, 1, 0);
    }
    n = drain(&r, B_CTL, b, sizeof(b));
    CHECK_BYTES(b, n, 0x87, 0, 0, 1, 0,
                0x87, 50, (uint8_t)-50, 50, (uint8_t)-50);
    /* button changes faster than packets: 16 kept, the rest merged into
     * the newest, which ends in the final state */
    for (i = 0; i < 40; i++) {
        escc_mouse_event(&r.s, 0, 0, (i & 1) ? 0 : ESCC_MOUSE_LEFT);
    }
    escc_mouse_event(&r.s, 0, 0, ESCC_MOUSE_RIGHT);
    CU_ASSERT(r.s.mouse.merged > 0);
    n = drain(&r, B_CTL, b, sizeof(b));
    CU_ASSERT_EQUAL_FATAL(n % 5, 0);
    CU_ASSERT_FATAL(n <= 5 * (ESCC_MOUSE_PENDING + 1));
    CU_ASSERT_EQUAL(b[n - 5], 0x86);
    rig_free(&r);
}

static void test_mouse_rx_disabled(void)
{
    Rig r;
    uint8_t b[16];
    unsigned n;
    rig_kbdms(&r);
    /* the mouse talks whether or not the receiver listens: with it off
     * the bytes are lost, not held back */
    wreg(&r, B_CTL, 3, 0xc0);
    escc_mouse_event(&r.s, 3, 0, 0);
    run_to(&r, r.now + 10 * LINE_CH);
    CU_ASSERT_EQUAL(r.s.ch[0].rx_lost, 5);
    wreg(&r, B_CTL, 3, 0xc1);
    n = drain(&r, B_CTL, b, sizeof(b));
    CU_ASSERT_EQUAL(n, 0);
    escc_mouse_event(&r.s, 0, 0, ESCC_MOUSE_MIDDLE);
    n = drain(&r, B_CTL, b, sizeof(b));
    CHECK_BYTES(b, n, 0x85, 0, 0, 0, 0);
    /* the keyboard likewise */
    wreg(&r, A_CTL, 3, 0xc0);
    escc_kbd_key(&r.s, 0x4d, true);
    run_to(&r, r.now + 2 * LINE_CH);
    wreg(&r, A_CTL, 3, 0xc1);
    n = drain(&r, A_CTL, b, sizeof(b));
    CU_ASSERT_EQUAL(n, 0);
    CU_ASSERT_EQUAL(r.s.ch[1].rx_lost, 1);
    rig_free(&r);
}

/* OpenBIOS polls the keyboard channel without ever writing WR3: until
 * WR3 is written after a reset, the keyboard's and mouse's bytes are
 * received (QEMU's behaviour, which OpenBIOS relies on); a channel reset
 * brings that state back */
static void test_kbd_prom_unprogrammed(void)
{
    Rig r;
    uint8_t b[16];
    unsigned n;
    rig_init2(&r, ESCC_KEYBOARD, ESCC_MOUSE);
    escc_kbd_key(&r.s, 0x4d, true);
    escc_kbd_key(&r.s, 0x4d, false);
    n = drain(&r, A_CTL, b, sizeof(b));
    CHECK_BYTES(b, n, 0x4d, 0xcd, 0x7f);
    escc_mouse_event(&r.s, 0, 0, ESCC_MOUSE_LEFT);
    n = drain(&r, B_CTL, b, sizeof(b));
    CHECK_BYTES(b, n, 0x83, 0, 0, 0, 0);
    CU_ASSERT_EQUAL(r.s.ch[1].rx_lost, 0);
    /* once WR3 is written, its enable bit rules */
    wreg(&r, A_CTL, 3, 0xc0);
    escc_kbd_key(&r.s, 0x4d, true);
    n = drain(&r, A_CTL, b, sizeof(b));
    CU_ASSERT_EQUAL(n, 0);
    CU_ASSERT_EQUAL(r.s.ch[1].rx_lost, 1);
    /* a reset of channel A (WR9 0x80) restores the PROM's state */
    wreg(&r, A_CTL, 9, 0x80);
    escc_kbd_key(&r.s, 0x4d, false);
    n = drain(&r, A_CTL, b, sizeof(b));
    CHECK_BYTES(b, n, 0xcd, 0x7f);
    rig_free(&r);
}

static void test_no_devices(void)
{
    Rig r;
    /* a chip without keyboard or mouse ignores their events */
    rig_init(&r, ESCC_SERIAL);
    setup_9600(&r);
    escc_kbd_key(&r.s, 0x4d, true);
    escc_mouse_event(&r.s, 10, 10, 7);
    run_to(&r, HZ);
    CU_ASSERT_EQUAL(rd(&r, A_CTL) & 0x01, 0);
    CU_ASSERT_EQUAL(rd(&r, B_CTL) & 0x01, 0);
    rig_free(&r);
}

static const UnitTest tests[] = {
    { "register pointer", test_pointer },
    { "transmit timing", test_tx_timing },
    { "transmit interrupt", test_tx_interrupt },
    { "receive FIFO", test_rx },
    { "keyboard replies", test_keyboard },
    { "channel resets", test_reset },
    { "keyboard reset answer", test_kbd_reset },
    { "keyboard layout query", test_kbd_layout },
    { "keyboard LED data byte", test_kbd_leds },
    { "keyboard bell and click", test_kbd_bell_click },
    { "keyboard make, break, idle", test_kbd_make_break },
    { "keyboard queue full", test_kbd_queue_full },
    { "keyboard L1-A order", test_kbd_l1_a },
    { "line overrun and channel reset", test_line_overrun },
    { "mouse motion", test_mouse_motion },
    { "mouse buttons", test_mouse_buttons },
    { "mouse large motion", test_mouse_large },
    { "mouse coalescing", test_mouse_coalesce },
    { "mouse and keyboard with receiver off", test_mouse_rx_disabled },
    { "keyboard and mouse heard before WR3 is written (OpenBIOS)",
      test_kbd_prom_unprogrammed },
    { "no keyboard or mouse", test_no_devices },
};

int main(void)
{
    return UNIT_RUN("escc", NULL, NULL, tests);
}
