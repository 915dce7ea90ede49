/*
 * AMD Am7990 LANCE Ethernet controller as found in the sun4m MACIO
 * (STP2000 / NCR89C100), behind the ledma channel of DMA2.  Sources: the
 * Am7990 data sheet's CSR0-CSR3 descriptions; Linux
 * drivers/net/ethernet/amd/sunlance.c (what the driver relies on); QEMU
 * hw/net/lance.c and hw/net/pcnet.c (the reference machine);
 * hw/README.md §Lance.
 *
 * Two 16-bit registers, 4 bytes at 0x78c00000 on the SS-5: RDP (register
 * data port) at +0 and RAP (register address port) at +2.  RAP bits 1:0
 * pick which of CSR0-CSR3 RDP reads and writes.  The chip's INTR output
 * goes to the ledma channel (dma2_device_line(&dma->le)), which also
 * pulses its RESET input (lance_dma_reset).
 *
 * For now the chip is idle: it answers its registers as the real one does
 * (stop, initialise, start, acknowledge, interrupt) but moves no data.
 * Places marked "DMA PATH" in lance.c are where a later issue reads the
 * initialisation block and the descriptor rings through ledma and sends
 * and receives frames.
 */
#ifndef HW_LANCE_H
#define HW_LANCE_H

#include <stdbool.h>
#include <stdint.h>

#include "hw/core/devctx.h"
#include "hw/core/event.h"
#include "hw/core/irq.h"

#define LANCE_REG_SIZE 4u
#define LANCE_RDP 0x0u              /* register data port */
#define LANCE_RAP 0x2u              /* register address port */
#define LANCE_RAP_MASK 0x0003u      /* CSR number; bits 15:2 reserved */

/* CSR0, control and status (Linux sunlance.c names: LE_C0_*) */
#define LANCE_CSR0_ERR 0x8000u      /* RO: BABL | CERR | MISS | MERR */
#define LANCE_CSR0_BABL 0x4000u     /* w1c: transmitter on the wire too long */
#define LANCE_CSR0_CERR 0x2000u     /* w1c: no heartbeat (SQE) after a send */
#define LANCE_CSR0_MISS 0x1000u     /* w1c: frame lost, no receive buffer */
#define LANCE_CSR0_MERR 0x0800u     /* w1c: memory (DMA) error */
#define LANCE_CSR0_RINT 0x0400u     /* w1c: a frame was received */
#define LANCE_CSR0_TINT 0x0200u     /* w1c: a frame was sent */
#define LANCE_CSR0_IDON 0x0100u     /* w1c: initialisation done */
#define LANCE_CSR0_INTR 0x0080u     /* RO: an interrupt cause is pending */
#define LANCE_CSR0_INEA 0x0040u     /* R/W: INTR drives the interrupt pin */
#define LANCE_CSR0_RXON 0x0020u     /* RO: receiver on */
#define LANCE_CSR0_TXON 0x0010u     /* RO: transmitter on */
#define LANCE_CSR0_TDMD 0x0008u     /* W1: poll the transmit ring now */
#define LANCE_CSR0_STOP 0x0004u     /* W1: stop and reset; set at reset */
#define LANCE_CSR0_STRT 0x0002u     /* W1: start sending and receiving */
#define LANCE_CSR0_INIT 0x0001u     /* W1: read the initialisation block */

/* Causes that write-1-to-clear; those that raise INTR (CERR does not);
 * those that make ERR */
#define LANCE_CSR0_W1C 0x7f00u
#define LANCE_CSR0_INTR_SRC 0x5f00u
#define LANCE_CSR0_ERR_SRC 0x7800u

/* CSR1/CSR2: initialisation block address bits 15:0 / 23:16 */
#define LANCE_CSR2_MASK 0x00ffu

/* CSR3, bus master interface (Linux busmaster-regval 7 sets all three) */
#define LANCE_CSR3_BSWP 0x0004u     /* byte swap on DMA */
#define LANCE_CSR3_ACON 0x0002u     /* ALE active low */
#define LANCE_CSR3_BCON 0x0001u     /* byte control pin mode */
#define LANCE_CSR3_MASK 0x0007u

typedef struct Lance {
    DevCtx ctx;
    uint16_t csr0;                  /* latched bits; ERR, INTR computed */
    uint16_t csr1, csr2, csr3;
    uint16_t rap;                   /* CSR number, 0..3 */
    bool start_pending;             /* STRT came with INIT, still running */
    IrqLine irq;                    /* to ledma */
    bool irq_level;                 /* as last driven */
    Event init_event;               /* initialisation completes */
    /* Named latency (tunable): cycles from INIT to IDON, 0 = at once.
     * See lance.c for why the default is 0. */
    Cycles init_latency;
    uint64_t inits, starts, stops;  /* statistics */
} Lance;

/* The two ports; opaque = the Lance (lance_init maps them) */
extern const MmioOps lance_ops;

/* irq: the chip's interrupt output, normally dma2_device_line(&dma->le).
 * Maps the registers (LANCE_REG_SIZE bytes at ctx->base) and resets. */
void lance_init(Lance *s, const DevCtx *ctx, IrqLine irq);
/* Power-on / system reset: stopped, every register 0 but STOP. */
void lance_reset(Lance *s);
/* The ledma CSR reset pulse on the chip's RESET pin (Dma2ResetFn). */
void lance_dma_reset(void *opaque);

#endif
