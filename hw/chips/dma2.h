/*
 * DMA2, the SBus DMA engine of the sun4m MACIO (STP2000, also NCR89C100):
 * one channel for the ESP SCSI controller (espdma) and one for the Lance
 * Ethernet (ledma).  Sources: NCR89C100 and DMA2 notes cited by QEMU
 * hw/dma/sparc32_dma.c; Linux arch/sparc/include/asm/dma.h,
 * drivers/scsi/sun_esp.c; hw/README.md §DMA2.
 *
 * Each channel has four 32-bit registers: CSR, ADDR (DVMA address), COUNT
 * and TEST.  Wiring of a channel:
 *  - input: its device's interrupt line (dma2_device_irq / dma2_device_line),
 *    seen in CSR bit 0;
 *  - output: an IrqLine to the interrupt controller, asserted while the
 *    device interrupts and CSR.INT_EN is set (SS-5: espdma = system source
 *    bit 18 / PIL 4, ledma = bit 16 / PIL 6);
 *  - to the device: a reset pulse (CSR bit 7) and the level of the DMA
 *    enable bit (CSR bit 9), whose rising edge lets a device start a
 *    command that waited for DMA.
 * SS-5 map: espdma at 0x78400000, ledma at 0x78400010, and at 0x78400020 an
 * alias of ledma's ADDR register (QEMU, for a SunOS 5.7 - Solaris 9 bug).
 */
#ifndef HW_DMA2_H
#define HW_DMA2_H

#include <stdbool.h>
#include <stdint.h>

#include "dma/chain.h"
#include "hw/core/bus.h"
#include "hw/core/devctx.h"
#include "hw/core/irq.h"

#define DMA2_CHANNEL_SIZE 0x10u
#define DMA2_LEDMA_OFF 0x10u        /* ledma, from the espdma base */
#define DMA2_LEDMA_ALIAS_OFF 0x20u  /* alias of ledma ADDR, 4 bytes */
#define DMA2_LEDMA_WINDOW 0x14u     /* ledma and its alias, from ledma */

/* Register byte offsets within a channel */
#define DMA2_CSR 0x0u
#define DMA2_ADDR 0x4u
#define DMA2_COUNT 0x8u
#define DMA2_TEST 0xcu

/* CSR bits (Linux asm/dma.h names in comments) */
#define DMA2_CSR_INT_PEND 0x00000001u   /* DMA_HNDL_INTR: device interrupts */
#define DMA2_CSR_ERR_PEND 0x00000002u   /* DMA_HNDL_ERROR */
#define DMA2_CSR_DRAINING 0x0000000cu   /* DMA_FIFO_ISDRAIN (bit 2 + 3) */
#define DMA2_CSR_INT_EN 0x00000010u     /* DMA_INT_ENAB */
#define DMA2_CSR_FIFO_INV 0x00000020u   /* DMA_FIFO_INV */
#define DMA2_CSR_DRAIN 0x00000040u      /* DMA_FIFO_STDRAIN */
#define DMA2_CSR_RESET 0x00000080u      /* DMA_RST_SCSI / DMA_RST_ENET */
#define DMA2_CSR_WRITE 0x00000100u      /* DMA_ST_WRITE: device -> memory */
#define DMA2_CSR_EN 0x00000200u         /* DMA_ENABLE */
#define DMA2_CSR_3CLKS 0x00400000u      /* DMA_3CLKS; ledma: AUI select */
#define DMA2_CSR_LOADED 0x04000000u     /* DMA_LOADED_ADDR: ADDR written */
#define DMA2_CSR_DEV_ID 0xf0000000u     /* DMA_DEVICE_ID */
#define DMA2_CSR_VERSION 0xa0000000u    /* DMA_VERS2: DMA rev 2 */
#define DMA2_CSR_RO_MASK 0xfe000007u    /* read-only bits (QEMU) */

/* Device hooks: the CSR reset pulse, and the DMA enable level. */
typedef void Dma2ResetFn(void *dev);
typedef void Dma2EnableFn(void *dev, bool enabled);

typedef struct Dma2Channel {
    const char *name;
    DevCtx ctx;                     /* each channel is its own window */
    uint32_t csr, addr, count, test;
    bool dev_irq;                   /* the device's interrupt input */
    bool irq_level;                 /* output level, as last driven */
    IrqLine irq;                    /* to the interrupt controller */
    void *dev;
    Dma2ResetFn *dev_reset;
    Dma2EnableFn *dev_enable;
    DmaStage stage;                 /* as a stage of the DMA chain */
    bool lance_mode;                /* ledma: 24-bit addresses + TEST */
} Dma2Channel;

typedef struct Dma2 {
    Dma2Channel esp;                /* espdma */
    Dma2Channel le;                 /* ledma */
} Dma2;

extern const MmioOps dma2_ops;          /* one channel, opaque = channel */
extern const MmioOps dma2_alias_ops;    /* ADDR only, opaque = channel */

/* irq: the channel's line to the interrupt controller.  Calls reset. */
void dma2_channel_init(Dma2Channel *ch, const char *name, IrqLine irq);
/* CSR back to 0xa0000000; a set enable bit is reported to the device as
 * dropping.  The device's interrupt input is a wire and is kept. */
void dma2_channel_reset(Dma2Channel *ch);
/* Attach a device: reset and enable may be NULL. */
void dma2_connect(Dma2Channel *ch, void *dev, Dma2ResetFn *reset,
                  Dma2EnableFn *enable);
/* IrqSetFn input for the attached device's interrupt line (opaque = the
 * channel, n unused). */
void dma2_device_irq(void *ch, int n, bool level);

static inline IrqLine dma2_device_line(Dma2Channel *ch)
{
    return irq_line(dma2_device_irq, ch, 0);
}

/* Both channels: esp_irq / le_irq go to the interrupt controller.  Maps
 * espdma at esp_ctx->base (SS-5: 0x78400000), ledma at le_ctx->base
 * (0x78400010) and its ADDR alias 0x10 above (0x78400020).  Calls reset. */
void dma2_init(Dma2 *s, const DevCtx *esp_ctx, const DevCtx *le_ctx,
               IrqLine esp_irq, IrqLine le_irq);
void dma2_reset(Dma2 *s);

/* The channel as the first stage of its device's DMA chain, passing on
 * to next (the IOMMU).  espdma's input is byte offsets from the start of
 * a transfer, ledma's the Lance's 24-bit addresses. */
DmaStage *dma2_stage(Dma2Channel *ch, DmaStage *next);

/* For the DMA data path of the attached device. */
static inline bool dma2_enabled(const Dma2Channel *ch)
{
    return (ch->csr & DMA2_CSR_EN) != 0;
}

static inline bool dma2_to_memory(const Dma2Channel *ch)
{
    return (ch->csr & DMA2_CSR_WRITE) != 0;
}

static inline uint32_t dma2_addr(const Dma2Channel *ch)
{
    return ch->addr;
}

/* ADDR advances past the bytes moved (QEMU espdma_memory_read/write). */
static inline void dma2_advance(Dma2Channel *ch, uint32_t len)
{
    ch->addr += len;
}

#endif
