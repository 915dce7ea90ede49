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
 * when the buffer empties.  Receive on a serial channel: bytes from the
 * host enter the 3-byte FIFO one character time apart and are never
 * dropped: while the FIFO is full they wait on the host side.
 *
 * Keyboard and mouse: devices at the far end of a 1200-baud 8N1 line that
 * send when they have something to say, receiver or not.  A byte arriving
 * while the receiver is disabled (WR3 D0) is lost; one arriving with the
 * FIFO full overwrites the newest FIFO byte and sets Rx Overrun (SCC UM,
 * RR1 D5; cleared by the Error Reset command, WR0 0x30).
 *
 * SIMPLIFY: no external/status interrupts (the modem lines never change),
 * no break detection, no vectored interrupts (RR2 returns WR2 on both
 * channels), no synchronous modes.  The keyboard and mouse lines run at
 * 1200 baud whatever rate the guest programs (Linux's sunzilog starts the
 * mouse at 4800 and would hunt for the rate on breaks, suncore.c).
 */
#include "hw/chips/escc.h"

#include <string.h>

#define ESCC_PCLK 4915200u          /* sun4m ESCC clock (QEMU escc.c) */

/* WR0 commands, bits 5:3 (SCC UM §5.1.1) */
#define WR0_CMD_MASK 0x38
#define WR0_POINT_HIGH 0x08
#define WR0_RESET_EXT 0x10
#define WR0_RESET_TXINT 0x28
#define WR0_ERROR_RESET 0x30
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
/* RR1 bit 0: all sent; bit 5: receive overrun */
#define RR1_ALL_SENT 0x01
#define RR1_RX_OVERRUN 0x20
/* RR3 pending bits, read on channel A */
#define RR3_A_RX 0x20
#define RR3_A_TX 0x10
#define RR3_A_EXT 0x08
#define RR3_B_RX 0x04
#define RR3_B_TX 0x02
#define RR3_B_EXT 0x01

/*
 * The keyboard/mouse line: 1200 baud, 8 data bits, no parity, 1 stop bit
 * (Linux sunzilog_init_kbdms: B1200 | CS8 for the keyboard; the Sun mouse
 * is a 1200-baud Mouse Systems mouse, first in suncore.c's
 * mouse_baud_table).
 */
#define ESCC_LINE_BAUD 1200
#define ESCC_LINE_BITS 10

/*
 * Sun keyboard protocol (Linux drivers/input/keyboard/sunkbd.c; 4.4BSD
 * sys/sparc/dev/kbd.h).  Host to keyboard: one-byte commands; SETLED takes
 * one data byte after it.  Keyboard to host: a key's number when it goes
 * down, number | 0x80 when it goes up, IDLE after the up code of the last
 * key held ("KBD_IDLE does not take the place of any up transitions, it
 * merely occurs after them", kbd.h).  RESET answers RET_RESET, the type
 * (4: "the serial versions of the type 5 and 6 keyboards both return ID
 * 4", NetBSD's kbd.h; sunkbd.c then asks for the layout), then the codes
 * of the keys still held, or IDLE if none (as the notes of USB adapters
 * for the type 5, e.g. suniversal, describe it).  LAYOUT answers
 * RET_LAYOUT and the
 * layout byte; bit 5 set means a type 5 (sunkbd.c SUNKBD_LAYOUT_5_MASK),
 * 0x21 is the US type 5 (QEMU escc.c; TME kb-sun.c: 0x21 US, 0x22 US UNIX).
 */
#define SUNKBD_CMD_RESET 0x01
#define SUNKBD_CMD_BELL_ON 0x02
#define SUNKBD_CMD_BELL_OFF 0x03
#define SUNKBD_CMD_CLICK_ON 0x0a
#define SUNKBD_CMD_CLICK_OFF 0x0b
#define SUNKBD_CMD_SETLED 0x0e
#define SUNKBD_CMD_LAYOUT 0x0f
#define SUNKBD_RET_RESET 0xff
#define SUNKBD_RET_LAYOUT 0xfe
#define SUNKBD_RET_IDLE 0x7f
#define SUNKBD_TYPE4 0x04
#define SUNKBD_LAYOUT_US5 0x21
#define SUNKBD_UP 0x80
#define SUNKBD_MAX_KEY 0x7d         /* 0x7e is ERROR, 0x7f IDLE */
#define SUNKBD_LEDS 0x0f

/*
 * Mouse Systems 5-byte packet (Linux drivers/input/mouse/sermouse.c,
 * sermouse_process_msc; QEMU escc.c sunmouse_event): a sync byte
 * 1000 0LMR with a button's bit 0 while it is pressed, then X1, Y1, X2, Y2:
 * two's-complement motion over the two halves of the packet time, X
 * positive to the right, Y positive upwards (sermouse reports REL_Y as
 * minus the byte).
 */
#define SUNMOUSE_SYNC 0x80
#define SUNMOUSE_NONE 0x07          /* no button pressed */
#define SUNMOUSE_L 0x04
#define SUNMOUSE_M 0x02
#define SUNMOUSE_R 0x01
#define SUNMOUSE_MAX_DELTA 127
/* SIMPLIFY: motion the host reports faster than the line carries it is
 * held back up to 8 packets' worth (1/3 s); more is dropped, so that a
 * fast host mouse cannot build a growing lag.  A real mouse only ever
 * counts motion at the pace of its own line. */
#define SUNMOUSE_BACKLOG (8 * 2 * SUNMOUSE_MAX_DELTA)

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

/* Cycles one character takes on the keyboard/mouse line. */
static Cycles escc_line_cycles(const Escc *s)
{
    return s->ctx.hz * ESCC_LINE_BITS / ESCC_LINE_BAUD;
}

/* Cycles one character takes on the line. */
static Cycles escc_char_cycles(const EsccChannel *c)
{
    static const unsigned mode_div[4] = { 1, 16, 32, 64 };
    static const unsigned data_bits[4] = { 5, 7, 6, 8 };
    uint64_t baud, bits, tc;

    if (c->kind == ESCC_KEYBOARD || c->kind == ESCC_MOUSE) {
        return escc_line_cycles(c->chip);
    }
    if (c->wr[14] & WR14_BRG) {
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
    return c->kind == ESCC_SERIAL && c->dev && chardev_can_read(c->dev);
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
        c->rx_fifo[c->rx_count++] = chardev_read(c->dev);
        if (c->wr[1] & WR1_RXINT_MASK) {
            c->rx_ip = true;
        }
        escc_update_irq(c->chip);
    }
    escc_schedule_rx(c);
}

/* ---- the keyboard ---- */

static bool kbd_is_down(const SunKbd *k, unsigned code)
{
    return (k->down[code >> 3] >> (code & 7)) & 1;
}

static void kbd_set_down(SunKbd *k, unsigned code, bool down)
{
    uint8_t bit = (uint8_t)(1u << (code & 7));
    if (down) {
        k->down[code >> 3] |= bit;
        k->ndown++;
    } else {
        k->down[code >> 3] &= (uint8_t)~bit;
        k->ndown--;
    }
}

/* Bytes the keyboard owes for the keys held: an up code each, then IDLE.
 * Room for them is always kept, so no key sticks down in the guest. */
static unsigned kbd_owed(const SunKbd *k)
{
    return k->ndown ? k->ndown + 1 : 0;
}

static unsigned kbd_free(const SunKbd *k)
{
    return ESCC_KBD_QUEUE - k->len;
}

static void kbd_put(SunKbd *k, uint8_t b)
{
    k->queue[(k->head + k->len) % ESCC_KBD_QUEUE] = b;
    k->len++;
}

static bool kbd_take(SunKbd *k, uint8_t *b)
{
    if (k->len == 0) {
        return false;
    }
    *b = k->queue[k->head];
    k->head = (k->head + 1) % ESCC_KBD_QUEUE;
    k->len--;
    return true;
}

/* ---- the mouse ---- */

static int clamp_int(long long v, int lim)
{
    return v > lim ? lim : v < -lim ? -lim : (int)v;
}

static void mouse_pop(SunMouse *m)
{
    m->npending--;
    memmove(m->pending, m->pending + 1, m->npending * sizeof(m->pending[0]));
}

/* Build the next packet from the oldest pending state; false if there is
 * nothing to report. */
static bool mouse_build(SunMouse *m)
{
    while (m->npending) {
        SunMouseMotion *e = &m->pending[0];
        int tx, ty, x1, y1;
        uint8_t sync = SUNMOUSE_SYNC | SUNMOUSE_NONE;
        if (e->dx == 0 && e->dy == 0 && e->buttons == m->buttons) {
            mouse_pop(m);           /* motion that added up to nothing */
            continue;
        }
        /* at most a full byte in each half of the packet */
        tx = clamp_int(e->dx, 2 * SUNMOUSE_MAX_DELTA);
        ty = clamp_int(e->dy, 2 * SUNMOUSE_MAX_DELTA);
        e->dx -= tx;
        e->dy -= ty;
        x1 = tx / 2;
        y1 = ty / 2;
        if (e->buttons & ESCC_MOUSE_LEFT) {
            sync &= ~SUNMOUSE_L;
        }
        if (e->buttons & ESCC_MOUSE_MIDDLE) {
            sync &= ~SUNMOUSE_M;
        }
        if (e->buttons & ESCC_MOUSE_RIGHT) {
            sync &= ~SUNMOUSE_R;
        }
        m->packet[0] = sync;
        m->packet[1] = (uint8_t)x1;
        m->packet[2] = (uint8_t)-y1;            /* up is positive */
        m->packet[3] = (uint8_t)(tx - x1);
        m->packet[4] = (uint8_t)-(ty - y1);
        m->packet_pos = 0;
        m->packet_len = 5;
        m->buttons = e->buttons;
        if (e->dx == 0 && e->dy == 0) {
            mouse_pop(m);
        }
        return true;
    }
    return false;
}

/* ---- the line from the keyboard or the mouse ---- */

/* The device's next byte, if it has one to send. */
static bool escc_line_take(EsccChannel *c, uint8_t *b)
{
    Escc *s = c->chip;
    if (c->kind == ESCC_KEYBOARD) {
        return kbd_take(&s->kbd, b);
    }
    if (c->kind == ESCC_MOUSE) {
        SunMouse *m = &s->mouse;
        if (m->packet_pos == m->packet_len && !mouse_build(m)) {
            return false;
        }
        *b = m->packet[m->packet_pos++];
        return true;
    }
    return false;
}

/* Start the next byte on the line unless one is on it already. */
static void escc_line_kick(EsccChannel *c)
{
    if (c->kind == ESCC_SERIAL || ev_pending(&c->line_tick) ||
        !escc_line_take(c, &c->line_byte)) {
        return;
    }
    ev_after(c->chip->ctx.events, &c->line_tick, escc_line_cycles(c->chip));
}

/*
 * Is the keyboard's or mouse's receiver listening?  When WR3 enables it.
 * SIMPLIFY: also while WR3 has not been written since the last reset.
 * The real receiver is off after a reset (SCC UM table 5-8) and Sun's OBP
 * programs it, but OpenBIOS never does: it maps the keyboard channel and
 * polls RR0, because QEMU's ESCC delivers keys to a receiver in any
 * state.  Without this its screen console would hear no keys.  Linux
 * writes WR3 (sunzilog) and from then on the real rule applies.
 */
static bool escc_kbdms_listening(const EsccChannel *c)
{
    return (c->wr[3] & WR3_RXEN) || !c->wr3_written;
}

/* A byte from the keyboard or mouse has arrived at the receiver. */
static void escc_line_tick(void *opaque)
{
    EsccChannel *c = opaque;
    uint8_t b = c->line_byte;
    if (!escc_kbdms_listening(c)) {
        c->rx_lost++;               /* nobody listening */
        dev_trace(&c->chip->ctx, "channel %c: 0x%02x lost, receiver off",
                  c == &c->chip->ch[1] ? 'A' : 'B', b);
    } else if (c->rx_count == ESCC_RX_FIFO) {
        dev_trace(&c->chip->ctx, "channel %c: 0x%02x overruns the FIFO",
                  c == &c->chip->ch[1] ? 'A' : 'B', b);
        /* overrun: the new character overwrites the newest in the FIFO */
        c->rx_fifo[ESCC_RX_FIFO - 1] = b;
        c->rx_overrun = true;
        c->rx_lost++;
    } else {
        c->rx_fifo[c->rx_count++] = b;
        if (c->wr[1] & WR1_RXINT_MASK) {
            c->rx_ip = true;
        }
        escc_update_irq(c->chip);
    }
    escc_line_kick(c);
}

/* The keyboard has received byte cmd from the host. */
static void escc_kbd_command(EsccChannel *c, uint8_t cmd)
{
    SunKbd *k = &c->chip->kbd;
    unsigned i;

    if (k->led_data_next) {
        k->led_data_next = false;
        k->leds = cmd & SUNKBD_LEDS;
        return;
    }
    switch (cmd) {
    case SUNKBD_CMD_RESET: {
        /* the keyboard restarts: what it had not sent is gone, bell and
         * click are off, the LEDs dark (Linux's sunkbd_reinit sets them
         * again after a reset).  SIMPLIFY: the up codes of keys released
         * while their bytes were still queued are sent after the answer:
         * the real keyboard drops them and the guest would keep such a
         * key down until it is pressed again. */
        uint8_t up[SUNKBD_MAX_KEY + 1] = { 0 };
        unsigned j;
        for (j = 0; j < k->len; j++) {
            uint8_t b = k->queue[(k->head + j) % ESCC_KBD_QUEUE];
            if (b > 0x80 && b <= (0x80 | SUNKBD_MAX_KEY)) {
                up[b & 0x7f] = 1;
            }
        }
        k->head = k->len = 0;
        k->bell = k->click = false;
        k->leds = 0;
        kbd_put(k, SUNKBD_RET_RESET);
        kbd_put(k, SUNKBD_TYPE4);
        for (i = 1; i <= SUNKBD_MAX_KEY; i++) {
            if (kbd_is_down(k, i)) {
                kbd_put(k, (uint8_t)i);     /* the keys still held */
            }
        }
        for (i = 1; i <= SUNKBD_MAX_KEY; i++) {
            if (up[i] && !kbd_is_down(k, i)) {
                kbd_put(k, (uint8_t)(0x80 | i));
            }
        }
        if (k->ndown == 0) {
            kbd_put(k, SUNKBD_RET_IDLE);
        }
        break;
    }
    case SUNKBD_CMD_BELL_ON:
        k->bell = true;
        break;
    case SUNKBD_CMD_BELL_OFF:
        k->bell = false;
        break;
    case SUNKBD_CMD_CLICK_ON:
        k->click = true;
        break;
    case SUNKBD_CMD_CLICK_OFF:
        k->click = false;
        break;
    case SUNKBD_CMD_SETLED:
        k->led_data_next = true;
        break;
    case SUNKBD_CMD_LAYOUT:
        if (kbd_free(k) < 2 + kbd_owed(k)) {
            k->dropped++;
            break;
        }
        kbd_put(k, SUNKBD_RET_LAYOUT);
        kbd_put(k, SUNKBD_LAYOUT_US5);
        break;
    default:
        dev_trace(&c->chip->ctx, "keyboard ignores command 0x%02x", cmd);
        break;
    }
    escc_line_kick(c);
}

static void escc_start_tx(EsccChannel *c, uint8_t byte)
{
    c->tx_busy = true;
    c->tx_shift = byte;
    if (c->kind == ESCC_SERIAL && c->dev) {
        chardev_write(c->dev, byte);
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
    if (c->kind == ESCC_KEYBOARD) {
        /* the keyboard has the whole character now (the mouse has no
         * receive line: what is sent to it goes nowhere) */
        escc_kbd_command(c, c->tx_shift);
    }
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
    c->rx_overrun = false;
    c->wr3_written = false;
    c->tx_busy = c->tx_buf_full = false;
    c->tx_ip = c->rx_ip = c->ext_ip = false;
    /* the keyboard and mouse are not reset with the chip: their line
     * (line_tick) goes on */
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
        ev_init(&c->line_tick, "escc-line", escc_line_tick, c);
    }
    escc_reset(s);
    dev_map(ctx, 0, ESCC_REG_SIZE, &escc_ops, s, NULL);
}

void escc_input_ready(Escc *s)
{
    escc_schedule_rx(&s->ch[0]);
    escc_schedule_rx(&s->ch[1]);
}

static EsccChannel *escc_find(Escc *s, EsccKind kind)
{
    unsigned i;
    for (i = 0; i < 2; i++) {
        if (s->ch[i].kind == kind) {
            return &s->ch[i];
        }
    }
    return NULL;
}

void escc_kbd_key(Escc *s, uint8_t sun_code, bool down)
{
    EsccChannel *c = escc_find(s, ESCC_KEYBOARD);
    SunKbd *k = &s->kbd;

    if (!c || sun_code == 0 || sun_code > SUNKBD_MAX_KEY ||
        kbd_is_down(k, sun_code) == down) {
        return;                     /* no such key, or no change */
    }
    if (down) {
        /* the down code, and room kept for its up code (and IDLE) */
        if (kbd_free(k) < 1 + kbd_owed(k) + (k->ndown ? 1 : 2)) {
            k->dropped++;           /* the key stays up for the guest */
            return;
        }
        kbd_put(k, sun_code);
        kbd_set_down(k, sun_code, true);
    } else {
        kbd_put(k, sun_code | SUNKBD_UP);     /* room was kept */
        kbd_set_down(k, sun_code, false);
        if (k->ndown == 0) {
            kbd_put(k, SUNKBD_RET_IDLE);
        }
    }
    escc_line_kick(c);
}

uint8_t escc_kbd_leds(const Escc *s)
{
    return s->kbd.leds;
}

bool escc_kbd_bell(const Escc *s)
{
    return s->kbd.bell;
}

bool escc_kbd_click(const Escc *s)
{
    return s->kbd.click;
}

uint64_t escc_kbd_dropped(const Escc *s)
{
    return s->kbd.dropped;
}

void escc_mouse_event(Escc *s, int dx, int dy, unsigned buttons)
{
    EsccChannel *c = escc_find(s, ESCC_MOUSE);
    SunMouse *m = &s->mouse;
    SunMouseMotion *e;

    if (!c) {
        return;
    }
    buttons &= ESCC_MOUSE_LEFT | ESCC_MOUSE_MIDDLE | ESCC_MOUSE_RIGHT;
    if (m->npending && m->pending[m->npending - 1].buttons == buttons) {
        e = &m->pending[m->npending - 1];       /* add to its motion */
    } else if (m->npending == 0 && buttons == m->buttons &&
               dx == 0 && dy == 0) {
        return;                                 /* nothing happened */
    } else if (m->npending == ESCC_MOUSE_PENDING) {
        e = &m->pending[m->npending - 1];       /* a change is lost */
        e->buttons = buttons;
        m->merged++;
    } else {
        e = &m->pending[m->npending++];         /* a button change */
        e->dx = e->dy = 0;
        e->buttons = buttons;
    }
    e->dx = clamp_int((long long)e->dx + dx, SUNMOUSE_BACKLOG);
    e->dy = clamp_int((long long)e->dy + dy, SUNMOUSE_BACKLOG);
    escc_line_kick(c);
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
        return (uint8_t)(((!c->tx_busy && !c->tx_buf_full) ? RR1_ALL_SENT
                                                           : 0) |
                         (c->rx_overrun ? RR1_RX_OVERRUN : 0));
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
        case WR0_ERROR_RESET:
            c->rx_overrun = false;
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
        if (reg == 3) {
            c->wr3_written = true;
        }
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
