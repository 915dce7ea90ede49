/*
 * NCR 53C9x SCSI controller as found in the sun4m MACIO: the ESP core of
 * the STP2000 / NCR89C100, which identifies itself as an Emulex FAS100A.
 * Sources: NCR53C9X and NCR89C100 notes cited by QEMU hw/scsi/esp.c (the
 * behaviour OpenBIOS and Linux rely on); Linux drivers/scsi/esp_scsi.[ch],
 * sun_esp.c; hw/README.md §ESP.
 *
 * Sixteen byte registers, one every 4 bytes (0x40 bytes at 0x78800000 on
 * the SS-5).  Its interrupt line goes to the espdma channel (dma2.h), which
 * also resets it (esp_dma_reset) and reports its enable bit
 * (esp_dma_enable).
 *
 * The SCSI bus is empty for now: every selection ends in a selection
 * timeout.  Places marked "DMA PATH" and "TARGET PATH" in esp.c are where a
 * later issue connects the DMA data path and SCSI devices.
 */
#ifndef HW_ESP_H
#define HW_ESP_H

#include <stdbool.h>
#include <stdint.h>

#include "hw/core/bus.h"
#include "hw/core/devctx.h"
#include "hw/core/event.h"
#include "hw/core/irq.h"

#define ESP_NREGS 16
#define ESP_REG_SIZE (ESP_NREGS * 4)    /* one register every 4 bytes */
#define ESP_FIFO_SIZE 16
#define ESP_MAX_TARGETS 8
#define ESP_CLOCK_SS5 40000000u         /* OBP clock-frequency 40 MHz */
/* Unique id read from TCHI until it is written: FAS100A family (0),
 * version 4 (QEMU TCHI_FAS100A; Linux esp_scsi.h ESP_UID_F100A). */
#define ESP_CHIP_ID_FAS100A 0x04
/* Selection timeout used while the timeout register holds 0 (never
 * programmed, as after OpenBIOS's chip reset): the SCSI-recommended
 * 250 ms that Linux and NetBSD program. */
#define ESP_SEL_TIMEOUT_DEFAULT_US 250000u

/* Register numbers (byte offset = number * 4).  Where read and write
 * differ, R and W name the two sides. */
#define ESP_TCLO 0x0                /* transfer count bits 7:0 */
#define ESP_TCMID 0x1               /* transfer count bits 15:8 */
#define ESP_FIFO 0x2
#define ESP_CMD 0x3
#define ESP_RSTAT 0x4               /* R status */
#define ESP_WBUSID 0x4              /* W destination bus id */
#define ESP_RINTR 0x5               /* R interrupt (read clears) */
#define ESP_WSTO 0x5                /* W select/reselect timeout */
#define ESP_RSEQ 0x6                /* R sequence step */
#define ESP_WSYNCPER 0x6            /* W synchronous period */
#define ESP_RFLAGS 0x7              /* R FIFO flags */
#define ESP_WSYNCOFF 0x7            /* W synchronous offset */
#define ESP_CFG1 0x8
#define ESP_WCCF 0x9                /* W clock conversion factor */
#define ESP_WTEST 0xa               /* W test */
#define ESP_CFG2 0xb
#define ESP_CFG3 0xc
#define ESP_CFG4 0xd                /* storage (CFG4 on later parts) */
#define ESP_TCHI 0xe                /* transfer count bits 23:16 / id */
#define ESP_RES4 0xf

/* Commands (CMD register bits 6:0; bit 7 = use DMA) */
#define ESP_CMD_DMA 0x80
#define ESP_CMD_MASK 0x7f
#define ESP_CMD_NOP 0x00
#define ESP_CMD_FLUSH 0x01          /* flush the FIFO */
#define ESP_CMD_RESET 0x02          /* reset the chip */
#define ESP_CMD_BUSRESET 0x03       /* reset the SCSI bus */
#define ESP_CMD_TI 0x10             /* transfer information */
#define ESP_CMD_ICCS 0x11           /* initiator command complete seq. */
#define ESP_CMD_MSGACC 0x12         /* message accepted */
#define ESP_CMD_PAD 0x18            /* transfer pad */
#define ESP_CMD_SATN 0x1a           /* set ATN */
#define ESP_CMD_RSTATN 0x1b         /* reset ATN */
#define ESP_CMD_SEL 0x41            /* select without ATN */
#define ESP_CMD_SELATN 0x42         /* select with ATN */
#define ESP_CMD_SELATNS 0x43        /* select with ATN and stop */
#define ESP_CMD_ENSEL 0x44          /* enable selection/reselection */
#define ESP_CMD_DISSEL 0x45         /* disable selection/reselection */
#define ESP_CMD_SELATN3 0x46        /* select with ATN, 3 message bytes */

/* STAT bits */
#define ESP_STAT_PHASE 0x07         /* SCSI bus phase: */
#define ESP_PHASE_DO 0x0            /*   data out */
#define ESP_PHASE_DI 0x1            /*   data in */
#define ESP_PHASE_CD 0x2            /*   command */
#define ESP_PHASE_ST 0x3            /*   status */
#define ESP_PHASE_MO 0x6            /*   message out */
#define ESP_PHASE_MI 0x7            /*   message in */
#define ESP_STAT_TC 0x10            /* transfer count zero */
#define ESP_STAT_PE 0x20            /* parity error */
#define ESP_STAT_GE 0x40            /* gross error */
#define ESP_STAT_INT 0x80           /* interrupt pending */

/* INTR bits */
#define ESP_INTR_SEL 0x01           /* selected (target mode) */
#define ESP_INTR_SELATN 0x02        /* selected with ATN */
#define ESP_INTR_RESEL 0x04         /* reselected */
#define ESP_INTR_FC 0x08            /* function complete */
#define ESP_INTR_BS 0x10            /* bus service */
#define ESP_INTR_DC 0x20            /* disconnect */
#define ESP_INTR_ILL 0x40           /* illegal command */
#define ESP_INTR_RST 0x80           /* SCSI bus reset detected */

/* Sequence steps */
#define ESP_SEQ_0 0x0
#define ESP_SEQ_MO 0x1
#define ESP_SEQ_CD 0x4

/* CFG1 bits */
#define ESP_CFG1_ID 0x07            /* own bus id */
#define ESP_CFG1_PARITY 0x10
#define ESP_CFG1_SRRDISAB 0x40      /* no interrupt on SCSI bus reset */
#define ESP_CFG1_SLOW 0x80

/* A SCSI target on the bus.  Defined by a later issue; none exist yet. */
typedef struct ScsiDevice ScsiDevice;

typedef struct Esp {
    uint8_t rregs[ESP_NREGS];       /* what the guest reads */
    uint8_t wregs[ESP_NREGS];       /* what the guest last wrote */
    uint8_t fifo[ESP_FIFO_SIZE];
    unsigned fifo_len;
    bool tchi_written;              /* TCHI reads the chip id until then */
    bool dma;                       /* the last command had the DMA bit */
    bool dma_enabled;               /* espdma CSR enable bit, as reported */
    bool deferred;                  /* deferred_cmd waits for DMA enable */
    uint8_t deferred_cmd;
    uint8_t sel_target;             /* target of the running selection */
    uint8_t status;                 /* SCSI status byte of the last command */
    ScsiDevice *target[ESP_MAX_TARGETS];    /* all NULL for now */
    Event sel_event;                /* the selection timeout */
    DevCtx ctx;
    uint32_t clock_hz;              /* the chip's input clock */
    /* Named latencies (tunable): the default selection timeout while the
     * timeout register is 0, and a fixed timeout that, if nonzero,
     * replaces the one computed from the registers. */
    uint32_t sel_timeout_default_us;
    Cycles sel_timeout_fixed;
    IrqLine irq;                    /* to espdma */
    bool irq_level;
    uint64_t selections, sel_timeouts;  /* statistics */
} Esp;

extern const MmioOps esp_ops;

/* clock_hz: the chip's input clock (ESP_CLOCK_SS5; 0 means that).  irq:
 * its interrupt line, normally dma2_device_line(&dma->esp).  Calls reset.
 * DMA starts disabled: the channel reports its enable bit through
 * esp_dma_enable. */
void esp_init(Esp *s, const DevCtx *ctx, uint32_t clock_hz, IrqLine irq);
/* Power-on / system reset: as a chip reset. */
void esp_reset(Esp *s);

/* From the espdma channel (signatures of Dma2ResetFn / Dma2EnableFn):
 * the CSR reset pulse, and the level of the CSR DMA enable bit; a rising
 * level starts a command that waited for DMA. */
void esp_dma_reset(void *s);
void esp_dma_enable(void *s, bool enabled);

/* The selection timeout for the current registers, in CPU cycles. */
Cycles esp_select_timeout(const Esp *s);

#endif
