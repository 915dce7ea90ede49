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
    ESCC_KEYBOARD,                  /* Sun type-5 keyboard, no keys pressed */
    ESCC_MOUSE,                     /* Sun mouse, never moving */
} EsccKind;

#define ESCC_RX_FIFO 3              /* the receiver's 3-byte FIFO */
#define ESCC_KBD_QUEUE 8

typedef struct Escc Escc;

typedef struct EsccChannel {
    Escc *chip;
    EsccKind kind;
    CharDev *dev;                   /* ESCC_SERIAL: host side, may be NULL */
    uint8_t wr[16];                 /* write registers WR0..WR15 */
    uint8_t ptr;                    /* register pointer for the next access */
    uint8_t rx_fifo[ESCC_RX_FIFO];
    unsigned rx_count;
    bool tx_busy;                   /* a character is being shifted out */
    uint8_t tx_buf;                 /* transmit buffer (WR8) */
    bool tx_buf_full;
    bool tx_ip, rx_ip, ext_ip;      /* interrupt pending bits (RR3) */
    uint8_t kbd_queue[ESCC_KBD_QUEUE];  /* keyboard replies to send */
    unsigned kbd_len;
    Event tx_done, rx_tick;
} EsccChannel;

struct Escc {
    EsccChannel ch[2];              /* [0] = channel B (+0), [1] = A (+4) */
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

#endif
