/*
 * Zilog Z8530 ESCC (Serial Communications Controller), two channels.
 * Reference: Zilog SCC/ESCC User Manual (UM010903), cited "SCC UM §n".
 *
 * The sun4m has two: one for ttya/ttyb, one for the keyboard (channel A)
 * and the mouse (channel B).  Both channels of a chip share one interrupt
 * line into the SLAVIO interrupt controller.
 */
#ifndef HW_ESCC_H
#define HW_ESCC_H

#include <stdbool.h>
#include <stdint.h>

#include "hw/core/bus.h"
#include "hw/core/devctx.h"
#include "hw/host/chardev.h"
#include "hw/core/event.h"
#include "hw/core/irq.h"

typedef enum EsccKind {
    ESCC_SERIAL,                    /* a host CharDev (or nothing) */
    ESCC_KEYBOARD,                  /* Sun type 5 keyboard (escc_kbd_key) */
    ESCC_MOUSE,                     /* Sun mouse (escc_mouse_event) */
} EsccKind;

#define ESCC_RX_FIFO 3              /* the receiver's 3-byte FIFO */

/*
 * The keyboard and the mouse are devices at the other end of a 1200-baud
 * line: they send whenever they have something to say, one byte every
 * character time, whether or not the ESCC's receiver listens.
 */
#define ESCC_KBD_QUEUE 1024         /* keyboard bytes waiting for the line */
#define ESCC_MOUSE_PENDING 16       /* button states waiting for a packet */

/* LED bits of the keyboard's SETLED data byte (4.4BSD sparc kbd.h) */
#define ESCC_KBD_LED_NUM_LOCK 0x01
#define ESCC_KBD_LED_COMPOSE 0x02
#define ESCC_KBD_LED_SCROLL_LOCK 0x04
#define ESCC_KBD_LED_CAPS_LOCK 0x08

/* escc_mouse_event button bits */
#define ESCC_MOUSE_LEFT 0x01
#define ESCC_MOUSE_MIDDLE 0x02
#define ESCC_MOUSE_RIGHT 0x04

typedef struct Escc Escc;

/* The Sun type 5 keyboard (serial version: it reports type 4). */
typedef struct SunKbd {
    uint8_t queue[ESCC_KBD_QUEUE];  /* bytes still to send, a ring */
    unsigned head, len;
    uint8_t down[16];               /* bitmap of the keys held, by code */
    unsigned ndown;
    bool led_data_next;             /* the byte after SETLED is data */
    uint8_t leds;                   /* ESCC_KBD_LED_* */
    bool bell, click;
    uint64_t dropped;               /* presses, answers lost: queue full */
} SunKbd;

/* A Mouse Systems mouse as Sun shipped it: 5-byte packets. */
typedef struct SunMouseMotion {
    int dx, dy;                     /* counts still to report */
    unsigned buttons;               /* ESCC_MOUSE_* */
} SunMouseMotion;

typedef struct SunMouse {
    SunMouseMotion pending[ESCC_MOUSE_PENDING];
    unsigned npending;
    uint8_t packet[5];              /* the packet on the line */
    unsigned packet_pos, packet_len;
    unsigned buttons;               /* state of the last packet built */
    uint64_t merged;                /* button changes lost to a full list */
} SunMouse;

typedef struct EsccChannel {
    Escc *chip;
    EsccKind kind;
    CharDev *dev;                   /* ESCC_SERIAL: host side, may be NULL */
    uint8_t wr[16];                 /* write registers WR0..WR15 */
    uint8_t ptr;                    /* register pointer for the next access */
    uint8_t rx_fifo[ESCC_RX_FIFO];
    unsigned rx_count;
    bool rx_overrun;                /* RR1 D5, until Error Reset */
    bool wr3_written;               /* WR3 written since the last reset */
    uint64_t rx_lost;               /* line bytes lost: receiver off, overrun */
    bool tx_busy;                   /* a character is being shifted out */
    uint8_t tx_shift;               /* the character being shifted out */
    uint8_t tx_buf;                 /* transmit buffer (WR8) */
    bool tx_buf_full;
    bool tx_ip, rx_ip, ext_ip;      /* interrupt pending bits (RR3) */
    Event tx_done, rx_tick;
    uint8_t line_byte;              /* keyboard/mouse: the byte on the line */
    Event line_tick;                /* ... arrives at the receiver */
} EsccChannel;

struct Escc {
    EsccChannel ch[2];              /* [0] = channel B (+0), [1] = A (+4) */
    SunKbd kbd;                     /* on the ESCC_KEYBOARD channel, if any */
    SunMouse mouse;                 /* on the ESCC_MOUSE channel, if any */
    DevCtx ctx;
    IrqLine irq;
    bool irq_level;
};

#define ESCC_REG_SIZE 8              /* B ctl, B data, A ctl, A data */

extern const MmioOps escc_ops;
/* a_kind/b_kind and the host devices of each channel (NULL: unconnected).
 * Maps the 8 bytes of registers at ctx->base. */
void escc_init(Escc *s, const DevCtx *ctx, IrqLine irq,
               EsccKind a_kind, CharDev *a, EsccKind b_kind, CharDev *b);
void escc_reset(Escc *s);
/* The host has input for a channel: start receiving it. */
void escc_input_ready(Escc *s);

/*
 * Keyboard (the ESCC_KEYBOARD channel; nothing happens without one).
 * sun_code is the Sun key number 1..0x7d (hw/host/keymap.h); the keyboard
 * sends it on a press and code | 0x80 on a release, then 0x7f once no key
 * is held.  A press of a key already down is ignored: the keyboard does
 * not repeat, the guest does.
 */
void escc_kbd_key(Escc *s, uint8_t sun_code, bool down);
/* How many keys are held down now. */
static inline unsigned escc_kbd_keys_down(const Escc *s)
{
    return s->kbd.ndown;
}
uint8_t escc_kbd_leds(const Escc *s);       /* ESCC_KBD_LED_* */
bool escc_kbd_bell(const Escc *s);          /* the bell is sounding */
bool escc_kbd_click(const Escc *s);         /* key click enabled */
/* Key presses (each with its release) and command answers the keyboard
 * could not queue. */
uint64_t escc_kbd_dropped(const Escc *s);

/*
 * Mouse (the ESCC_MOUSE channel): motion since the last call, in counts,
 * dx positive right, dy positive down (as SDL reports it), and the buttons
 * now held (ESCC_MOUSE_*).  Motion is added up while a packet is on the
 * line; button changes are kept in order.
 */
void escc_mouse_event(Escc *s, int dx, int dy, unsigned buttons);

#endif
