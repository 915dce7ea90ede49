/*
 * Zilog Z8530 ESCC (Serial Communications Controller), two channels.
 * Reference: Zilog SCC/ESCC User Manual (UM010903), cited "SCC UM §n".
 */
#ifndef HW_ESCC_H
#define HW_ESCC_H

#include <stdbool.h>
#include <stdint.h>

#include "bus.h"
#include "chardev.h"

typedef struct EsccChannel {
    uint8_t wr[16];                 /* write registers WR0..WR15 */
    uint8_t ptr;                    /* register pointer (WR0 bits 2:0 + point high) */
    uint8_t rx_data;
    bool rx_avail;
    bool tx_ip, rx_ip;              /* interrupt pending (RR3) */
    CharDev *dev;                   /* host side, NULL: not connected */
} EsccChannel;

typedef struct Escc {
    EsccChannel ch[2];              /* [0] = channel B (+0), [1] = A (+4) */
    uint64_t tx_bytes;
} Escc;

extern const MmioOps escc_ops;
void escc_init(Escc *s, CharDev *a, CharDev *b);
void escc_reset(Escc *s);

#endif
