/*
 * NCR 53C9x SCSI controller as found in the sun4m MACIO: the ESP core of
 * the STP2000 / NCR89C100, which identifies itself as an Emulex FAS100A.
 * Sources: NCR53C9X, NCR89C100 and AMD Am53CF94 data sheet facts as QEMU
 * hw/scsi/esp.c and Linux drivers/scsi/esp_scsi.[ch], sun_esp.c rely on
 * them; OpenBIOS drivers/esp.c; hw/README.md §ESP.
 *
 * Sixteen byte registers, one every 4 bytes (0x40 bytes at 0x78800000 on
 * the SS-5).  Its interrupt line goes to the espdma channel (dma2.h), which
 * also resets it (esp_dma_reset) and reports its enable bit
 * (esp_dma_enable).
 *
 * The ESP is the initiator on a SCSI bus of up to seven targets
 * (hw/scsi/scsi.h, esp_attach_target).  It plays the bus for them: it
 * selects a target, carries the message and command bytes, and runs the
 * data, status and message phases the target asks for.  Bytes move
 * through the FIFO, or with the DMA bit through the DMA chain whose first
 * stage is the espdma channel (esp_attach_dma): command bytes and small
 * data phases to or from the ESP's and the target's buffers, image data
 * by host AIO straight between the image and guest RAM.  The ESP never
 * touches guest memory itself, and it knows the channel only through the
 * callbacks the board gives it (a chip includes no other chip).
 *
 * Everything the chip finishes, it finishes in an event at a modelled
 * time (selection, bytes on the bus, the target's service time), never
 * inside the register write that started it.
 */
#ifndef HW_ESP_H
#define HW_ESP_H

#include <stdbool.h>
#include <stdint.h>

#include "dma/chain.h"
#include "hw/core/bus.h"
#include "hw/core/devctx.h"
#include "hw/core/event.h"
#include "hw/core/irq.h"
#include "hw/scsi/scsi.h"

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

/*
 * Bus timing, in nanoseconds of virtual time.
 *
 * ESP_SELECT_NS     model: SCSI-2 bus timing (bus free delay 800 ns,
 *                   arbitration delay 2.4 us, bus clear and settle
 *                   1.2 us) plus a period target's selection response
 *                   of about half a microsecond.
 * ESP_BYTE_NS       model: one asynchronous REQ/ACK handshake of a period
 *                   target for a message, command, status or FIFO data
 *                   byte (about 2 MB/s; DMA data phases take the
 *                   target's own data time instead).
 * ESP_DMA_START_NS  model: the espdma FIFO filling and the IOMMU walk
 *                   before the first byte of a DMA transfer moves.
 * ESP_DISCONNECT_NS SCSI-2 bus free delay (800 ns): the target releasing
 *                   the bus after its last message.
 * ESP_BUS_RESET_NS  SCSI-2 reset hold time (25 us): RST asserted.
 * ESP_CMD_NS        model: a few chip clocks to decode a command that
 *                   moves nothing (illegal command, disable selection).
 */
#define ESP_SELECT_NS 5000u
#define ESP_BYTE_NS 500u
#define ESP_DMA_START_NS 1000u
#define ESP_DISCONNECT_NS 800u
#define ESP_BUS_RESET_NS 25000u
#define ESP_CMD_NS 200u

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
/* group 1: any time */
#define ESP_CMD_NOP 0x00
#define ESP_CMD_FLUSH 0x01          /* flush the FIFO */
#define ESP_CMD_RESET 0x02          /* reset the chip */
#define ESP_CMD_BUSRESET 0x03       /* reset the SCSI bus */
/* group 2: initiator, connected to a target */
#define ESP_CMD_TI 0x10             /* transfer information */
#define ESP_CMD_ICCS 0x11           /* initiator command complete seq. */
#define ESP_CMD_MSGACC 0x12         /* message accepted */
#define ESP_CMD_PAD 0x18            /* transfer pad */
#define ESP_CMD_SATN 0x1a           /* set ATN */
#define ESP_CMD_RSTATN 0x1b         /* reset ATN */
/* group 4: disconnected */
#define ESP_CMD_SEL 0x41            /* select without ATN */
#define ESP_CMD_SELATN 0x42         /* select with ATN */
#define ESP_CMD_SELATNS 0x43        /* select with ATN and stop */
#define ESP_CMD_ENSEL 0x44          /* enable selection/reselection */
#define ESP_CMD_DISSEL 0x45         /* disable selection/reselection */
#define ESP_CMD_SELATN3 0x46        /* select with ATN, 3 message bytes */

/* STAT bits */
#define ESP_STAT_PHASE 0x07         /* SCSI bus phase (MSG, C/D, I/O): */
#define ESP_PHASE_DO 0x0            /*   data out (also: bus free) */
#define ESP_PHASE_DI 0x1            /*   data in */
#define ESP_PHASE_CD 0x2            /*   command */
#define ESP_PHASE_ST 0x3            /*   status */
#define ESP_PHASE_MO 0x6            /*   message out */
#define ESP_PHASE_MI 0x7            /*   message in */
#define ESP_STAT_TC 0x10            /* transfer count zero */
#define ESP_STAT_PE 0x20            /* parity error */
#define ESP_STAT_GE 0x40            /* gross error */
#define ESP_STAT_INT 0x80           /* interrupt pending */

/* INTR bits (Linux esp_scsi.h names in comments) */
#define ESP_INTR_SEL 0x01           /* ESP_INTR_S: selected (target) */
#define ESP_INTR_SELATN 0x02        /* ESP_INTR_SATN: selected with ATN */
#define ESP_INTR_RESEL 0x04         /* ESP_INTR_RSEL: reselected */
#define ESP_INTR_FC 0x08            /* ESP_INTR_FDONE: function complete */
#define ESP_INTR_BS 0x10            /* ESP_INTR_BSERV: bus service */
#define ESP_INTR_DC 0x20            /* ESP_INTR_DC: disconnect */
#define ESP_INTR_ILL 0x40           /* ESP_INTR_IC: illegal command */
#define ESP_INTR_RST 0x80           /* ESP_INTR_SR: SCSI bus reset */

/* Sequence steps of a selection (Linux ESP_STEP_*) */
#define ESP_SEQ_0 0x0               /* arbitration and selection only */
#define ESP_SEQ_MO 0x1              /* one message byte sent (stop) */
#define ESP_SEQ_NCMD 0x2            /* target did not go to command */
#define ESP_SEQ_PPC 0x3             /* command phase cut short */
#define ESP_SEQ_CD 0x4              /* command bytes all sent */

/* FIFO flags: bits 4:0 the byte count, 7:5 the sequence step */
#define ESP_FLAGS_COUNT 0x1f
#define ESP_FLAGS_SEQ_SHIFT 5

/* CFG1 bits */
#define ESP_CFG1_ID 0x07            /* own bus id */
#define ESP_CFG1_PARITY 0x10
#define ESP_CFG1_SRRDISAB 0x40      /* no interrupt on SCSI bus reset */
#define ESP_CFG1_SLOW 0x80

/* CFG2 bits */
#define ESP_CFG2_FENAB 0x40         /* features: 24-bit transfer count */

/* SCSI messages the bus protocol handles (SCSI-2 §6.5) */
#define ESP_MSG_COMMAND_COMPLETE 0x00
#define ESP_MSG_EXTENDED 0x01
#define ESP_MSG_ABORT 0x06
#define ESP_MSG_REJECT 0x07
#define ESP_MSG_NOP 0x08
#define ESP_MSG_BUS_DEVICE_RESET 0x0c
#define ESP_MSG_ABORT_TAG 0x0d
#define ESP_MSG_CLEAR_QUEUE 0x0e
#define ESP_MSG_IDENTIFY 0x80      /* bit 7; bits 2:0 the LUN */
#define ESP_EXT_SDTR 0x01           /* extended: synchronous transfer */
#define ESP_EXT_WDTR 0x03           /* extended: wide transfer */
/* What a target agrees to in SDTR (model: a fast SCSI-2 drive, whose
 * INQUIRY sets Sync: transfer period factor 25 = 100 ns, 10 MB/s, and a
 * REQ/ACK offset of 15, the most the FAS100A takes: Linux
 * esp_msgin_sdtr).  The agreement only changes what the guest programs
 * in the sync registers; transfers take the target's data time. */
#define ESP_TARGET_MIN_PERIOD 25
#define ESP_TARGET_MAX_OFFSET 15

/*
 * The espdma channel as the board wires it: advance tells the channel
 * that bytes moved (its ADDR register moves past them: dma2_advance);
 * to_memory (may be NULL) gives its direction bit, only to report a guest
 * that programs the wrong one.  opaque: the channel.
 */
typedef void EspDmaAdvanceFn(void *opaque, uint32_t bytes);
typedef bool EspDmaToMemoryFn(void *opaque);

/* What the pending event finishes (Esp.op). */
typedef enum EspOp {
    ESP_OP_NONE,
    ESP_OP_SELECT,                  /* a selection from the FIFO */
    ESP_OP_REPORT,                  /* a target's service time is over */
    ESP_OP_TI,                      /* a transfer through the FIFO */
    ESP_OP_ICCS,                    /* status and message into the FIFO */
    ESP_OP_MSGACC,                  /* ACK released */
    ESP_OP_PAD,
    ESP_OP_BUSRESET,                /* RST released */
    ESP_OP_ILLEGAL,
    ESP_OP_DISSEL,
    ESP_OP_NODMA,                   /* a DMA command without a channel */
} EspOp;

/* What the DMA transfer in flight carries (Esp.xk). */
typedef enum EspXferKind {
    ESP_XF_NONE,
    ESP_XF_SELECT,                  /* message and command bytes */
    ESP_XF_COMMAND,                 /* command bytes (TI) */
    ESP_XF_MSGOUT,                  /* message out bytes (TI) */
    ESP_XF_DATA,                    /* the data phase (TI) */
    ESP_XF_STATUS,                  /* the status byte (TI) */
    ESP_XF_MSGIN,                   /* message in bytes (TI) */
    ESP_XF_ICCS,                    /* status and message (ICCS) */
} EspXferKind;

/* After the message-in bytes: free the bus, or go back to a phase. */
typedef enum EspAfterMsgIn {
    ESP_MI_DISCONNECT,
    ESP_MI_RESUME,
} EspAfterMsgIn;

#define ESP_XBUF_SIZE 32            /* command and message bytes by DMA */

typedef struct Esp {
    DevCtx ctx;
    uint32_t clock_hz;              /* the chip's input clock */

    /* registers */
    uint8_t rregs[ESP_NREGS];       /* CFG1-4, RES4, CMD as read back */
    uint8_t wregs[ESP_NREGS];       /* what the guest last wrote */
    uint32_t tc;                    /* the current transfer counter */
    uint8_t stat;                   /* latched STAT bits: TC, PE, GE */
    uint8_t intr;                   /* INTR */
    uint8_t seq;                    /* sequence step */
    uint8_t fifo[ESP_FIFO_SIZE];
    unsigned fifo_len;
    bool tchi_written;              /* TCHI reads the chip id until then */
    bool dma;                       /* the last command had the DMA bit */
    bool dma_enabled;               /* espdma CSR enable bit, as reported */
    bool deferred;                  /* deferred_cmd waits for DMA enable */
    uint8_t deferred_cmd;
    IrqLine irq;                    /* to espdma */
    bool irq_level;

    /* the SCSI bus as the initiator sees it */
    ScsiTarget *target[ESP_MAX_TARGETS];
    ScsiTarget *cur;                /* the target holding the bus, or NULL */
    uint8_t phase;                  /* its phase (ESP_PHASE_*) */
    bool atn;                       /* ATN asserted */
    uint8_t resume_phase;           /* after a message-out or -in detour */
    bool identified;                /* an IDENTIFY gave the LUN */
    bool issued;                    /* the target has the command */
    uint8_t sel_target;             /* target of the last selection */
    uint8_t sel_cmd;                /* the selection command running */
    uint8_t selbuf[ESP_FIFO_SIZE];  /* a selection's bytes from the FIFO */
    unsigned selbuf_len;
    /* the command on the bus */
    ScsiReq req;
    unsigned cdb_have;              /* command bytes received so far */
    unsigned cdb_want;              /* its length (0: no byte yet) */
    uint64_t data_pos;              /* data phase bytes moved */
    bool service_paid;              /* the first data TI took it */
    bool data_done;                 /* scsi_data_done was called */
    uint8_t status;                 /* SCSI status byte of the command */
    uint8_t msgin[8];               /* message bytes the target sends */
    unsigned msgin_len, msgin_pos;
    bool ack_held;                  /* a message byte awaits MSGACC */
    EspAfterMsgIn msgin_then;

    /* what completes next */
    EspOp op;
    Event ev;                       /* completes op */
    Event sel_event;                /* the selection timeout */
    uint8_t rep_intr, rep_seq, rep_phase;   /* ESP_OP_REPORT */
    unsigned op_bytes;              /* ESP_OP_TI / PAD: bytes to move */
    bool rst_report;                /* ESP_OP_BUSRESET: interrupt */

    /* the DMA chain */
    DmaEngine *eng;
    DmaStage *first;                /* the espdma channel's stage */
    EspDmaAdvanceFn *dma_advance;
    EspDmaToMemoryFn *dma_to_memory;
    void *dma_opaque;
    DmaXfer xfer;
    EspXferKind xk;
    uint32_t x_len;                 /* bytes asked of the chain */
    uint8_t xbuf[ESP_XBUF_SIZE];

    /* Named latencies (tunable): the default selection timeout while the
     * timeout register is 0, and a fixed timeout that, if nonzero,
     * replaces the one computed from the registers. */
    uint32_t sel_timeout_default_us;
    Cycles sel_timeout_fixed;

    /* statistics */
    uint64_t selections, sel_timeouts, commands, dma_bytes;
    uint64_t illegal_cmds, abandoned;
} Esp;

extern const MmioOps esp_ops;

/* clock_hz: the chip's input clock (ESP_CLOCK_SS5; 0 means that).  irq:
 * its interrupt line, normally dma2_device_line(&dma->esp).  Calls reset.
 * DMA starts disabled: the channel reports its enable bit through
 * esp_dma_enable.  No targets, no DMA chain until attached. */
void esp_init(Esp *s, const DevCtx *ctx, uint32_t clock_hz, IrqLine irq);
/* Frees what init allocated (the transfer's lists), waiting for host I/O
 * in flight: before dma_engine_free and before the targets' images
 * close.  Harmless on a zeroed Esp and when called twice. */
void esp_free(Esp *s);
/* Power-on / system reset: as a chip reset.  The targets are not the
 * chip's: the board resets them (scsi_target_reset). */
void esp_reset(Esp *s);

/* The DMA chain: eng moves the bytes, first is the espdma channel's stage
 * (dma2_stage), advance (required) and to_memory (may be NULL) reach the
 * channel with opaque.  Without it a DMA command moves nothing. */
void esp_attach_dma(Esp *s, DmaEngine *eng, DmaStage *first,
                    EspDmaAdvanceFn *advance, EspDmaToMemoryFn *to_memory,
                    void *opaque);
/* Target t answers at bus id (0-7; NULL: nobody). */
void esp_attach_target(Esp *s, unsigned id, ScsiTarget *t);

/* From the espdma channel (signatures of Dma2ResetFn / Dma2EnableFn):
 * the CSR reset pulse, and the level of the CSR DMA enable bit; a rising
 * level starts a command that waited for DMA. */
void esp_dma_reset(void *s);
void esp_dma_enable(void *s, bool enabled);

/* The selection timeout for the current registers, in CPU cycles. */
Cycles esp_select_timeout(const Esp *s);

#endif
