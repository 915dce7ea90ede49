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
 * The data path goes through the DMA chain from the ledma stage
 * (lance_attach_dma): INIT reads the initialisation block, the chip sends
 * the frames of its transmit ring to a backend's hook (lance_set_tx) and
 * a backend hands it received frames (lance_receive).  Without a chain
 * attached the chip stays idle as before (registers only).
 */
#ifndef HW_LANCE_H
#define HW_LANCE_H

#include <stdbool.h>
#include <stdint.h>

#include <stddef.h>
#include <sys/uio.h>

#include "dma/chain.h"
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

/* Initialisation block MODE (word 0) */
#define LANCE_MODE_PROM 0x8000u     /* promiscuous: every frame */
#define LANCE_MODE_INTL 0x0040u     /* internal loopback (with LOOP) */
#define LANCE_MODE_DRTY 0x0020u     /* disable retry */
#define LANCE_MODE_COLL 0x0010u     /* force collision */
#define LANCE_MODE_DTCR 0x0008u     /* disable transmit CRC (FCS) */
#define LANCE_MODE_LOOP 0x0004u     /* loopback */
#define LANCE_MODE_DTX 0x0002u      /* disable the transmitter */
#define LANCE_MODE_DRX 0x0001u      /* disable the receiver */

/* Descriptor word 1 high byte (RMD1/TMD1 bits 15:8; sunlance LE_R1_ /
 * LE_T1_) */
#define LANCE_D1_OWN 0x80u          /* the chip owns it */
#define LANCE_D1_ERR 0x40u
#define LANCE_R1_FRAM 0x20u
#define LANCE_R1_OFLO 0x10u
#define LANCE_R1_CRC 0x08u
#define LANCE_R1_BUFF 0x04u
#define LANCE_D1_STP 0x02u          /* start of packet */
#define LANCE_D1_ENP 0x01u          /* end of packet */
/* TMD3 */
#define LANCE_T3_BUFF 0x8000u
#define LANCE_T3_UFLO 0x4000u

#define LANCE_FRAME_MAX 1536u       /* our frame buffer (1518 + slack) */
#define LANCE_TX_IOV 64             /* host pieces of one sent frame */
#define LANCE_TX_SEGS 128           /* descriptors of one frame (ring max) */

/* A frame leaves the chip (without FCS), as host iovecs that point into
 * guest RAM (or into the chip's buffer where it had to gather); valid only
 * during the call.  opaque from lance_set_tx. */
typedef void LanceTxFn(void *opaque, const struct iovec *iov, int niov,
                       size_t len);

#define LANCE_RX_PIPE 16            /* received frames still on the wire */
#define LANCE_RX_IOV 64             /* host pieces of its buffers */

/* A received frame whose data is stored, waiting for the end of its wire
 * time to hand its descriptors back */
typedef struct LanceRxFrame {
    unsigned first, ndesc;          /* its descriptors, from first */
    bool buff;                      /* buffers ran out: ERR BUFF, no ENP */
    uint16_t mcnt;                  /* bytes with the FCS */
    Cycles end;
} LanceRxFrame;

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
    /* the data path */
    DmaEngine *eng;                 /* NULL: idle chip */
    DmaStage *first;                /* the ledma stage */
    LanceTxFn *tx_fn;
    void *tx_opaque;
    /* from the initialisation block */
    uint16_t mode;
    uint8_t padr[6];                /* station address, wire order */
    uint16_t ladrf[4];              /* logical address filter */
    uint32_t rdra, tdra;            /* ring bases, 24 bits */
    unsigned rlen, tlen;            /* ring entries (2^n) */
    bool inited;                    /* the block was read since STOP */
    unsigned rx_idx, tx_idx;        /* next descriptor the chip looks at */
    /* the frame on the wire */
    Event tx_event;                 /* its end: TINT */
    Event poll_event;               /* the 1.6 ms transmit ring poll */
    unsigned tx_first, tx_ndesc;    /* its descriptors */
    struct { uint32_t addr; uint32_t len; } tx_seg[LANCE_TX_SEGS];
    unsigned tx_nseg;               /* its buffers (Lance addresses) */
    size_t tx_len;
    bool tx_err;                    /* a buffer error cut it short */
    uint8_t tx_buf[LANCE_FRAME_MAX];
    uint8_t rx_buf[LANCE_FRAME_MAX + 4];
    Cycles rx_wire_free;            /* the last received frame's end */
    LanceRxFrame rxp[LANCE_RX_PIPE];
    unsigned rxp_head, rxp_n;
    unsigned rx_reserved;           /* their descriptors, all told */
    Event rx_event;                 /* the first of them ends */
    void (*rx_ready_fn)(void *opaque);
    void *rx_ready_opaque;
    uint64_t rx_copied;             /* bytes swapped in a copy (no BSWP) */
    /* zero-copy receive (lance_rx_map .. lance_rx_commit) */
    bool rx_mapped;
    SgList rx_gp;                   /* the mapped buffers, guest physical */
    struct iovec rx_iov[LANCE_RX_IOV];
    int rx_niov;
    uint64_t tx_frames, rx_frames, rx_missed, merrs;
    uint64_t tx_copied;             /* bytes gathered into tx_buf */
} Lance;

/* The two ports; opaque = the Lance (lance_init maps them) */
extern const MmioOps lance_ops;

/* irq: the chip's interrupt output, normally dma2_device_line(&dma->le).
 * Maps the registers (LANCE_REG_SIZE bytes at ctx->base) and resets. */
void lance_init(Lance *s, const DevCtx *ctx, IrqLine irq);
/* What lance_init allocated (the zero-copy receive map) */
void lance_free(Lance *s);
/* Power-on / system reset: stopped, every register 0 but STOP. */
void lance_reset(Lance *s);
/* The data path: first = the ledma channel's stage (its output goes on
 * to the IOMMU).  Until this is called the chip moves no data. */
void lance_attach_dma(Lance *s, DmaEngine *eng, DmaStage *first);
/* Where transmitted frames go (NULL: dropped on the wire, still sent). */
void lance_set_tx(Lance *s, LanceTxFn *fn, void *opaque);
/* A frame from the wire (without FCS).  true if the chip took it into its
 * receive ring; false if filtered out, missed (MISS) or the receiver is
 * off. */
bool lance_receive(Lance *s, const uint8_t *frame, size_t len);
/*
 * For a sender that can hold frames back (the network layer's queue):
 * 0 if the chip would take a frame now; else the cycle at which to offer
 * again (the end of the first frame still on the wire), or CYCLES_NEVER
 * if the next receive descriptor is the host's and nothing is on the wire
 * (offer again later: the driver hands buffers back without telling the
 * chip).  A receiver that is off takes (and drops) frames: 0.
 */
Cycles lance_rx_wait(Lance *s);
/*
 * Zero-copy receive, for a backend that reads frames itself (a TAP):
 * lance_rx_map gives host iovecs (at most max, LANCE_FRAME_MAX bytes in
 * all) of the guest buffers the next frame goes into; the backend reads a
 * frame (no FCS) straight into them and calls lance_rx_commit with its
 * length, which filters it, appends the FCS and puts it on the wire like
 * lance_receive.  lance_rx_map returns -1 when the chip cannot take a
 * frame now (lance_rx_wait), 0 when this path does not apply (no BSWP, a
 * short ring, the receiver off: use lance_receive).
 */
int lance_rx_map(Lance *s, struct iovec *iov, int max);
bool lance_rx_commit(Lance *s, size_t len);
/* Called when a received frame's wire time ends (the chip may take more) */
void lance_set_rx_ready(Lance *s, void (*fn)(void *opaque), void *opaque);
/* A frame was lost before reaching the chip (no room to hold it): the
 * chip counts it as missed (MISS, as with no receive buffer). */
void lance_rx_missed(Lance *s);
/* The ledma CSR reset pulse on the chip's RESET pin (Dma2ResetFn). */
void lance_dma_reset(void *opaque);

#endif
