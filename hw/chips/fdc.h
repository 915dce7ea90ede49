/*
 * The SS-5's floppy disk controller: an Intel 82077AA-compatible core in
 * the SLAVIO (OBP node "SUNW,fdtwo"), with whatever the board hangs on its
 * drive cable.
 *
 * Eight byte registers at 0x71400000 on the SS-5 (hw/README.md §FDC),
 * byte accesses only; its INT output is system interrupt source bit 22
 * (PIL 11).  The chip is described in hw/chips/fdc.c; the sources are the
 * Intel 82077AA data sheet (290166), the 8272A data sheet it extends,
 * Linux arch/sparc/include/asm/floppy_32.h, OpenBIOS drivers/floppy.c and
 * QEMU 7.2 hw/block/fdc.c (sun4m variant in fdc-sysbus.c).
 */
#ifndef HW_FDC_H
#define HW_FDC_H

#include <stdbool.h>
#include <stdint.h>

#include "hw/core/bus.h"
#include "hw/core/devctx.h"
#include "hw/core/event.h"
#include "hw/core/irq.h"

#define FDC_REG_SIZE 8u

/* Register offsets (82077AA, PS/2 mode) */
#define FDC_SRA 0                   /* status A (read) */
#define FDC_SRB 1                   /* status B (read) */
#define FDC_DOR 2                   /* digital output */
#define FDC_TDR 3                   /* tape drive */
#define FDC_MSR 4                   /* main status (read) */
#define FDC_DSR 4                   /* data rate select (write) */
#define FDC_FIFO 5                  /* command, result and data bytes */
#define FDC_DIR 7                   /* digital input (read) */
#define FDC_CCR 7                   /* configuration control (write) */

/* MSR */
#define FDC_MSR_RQM 0x80            /* the FIFO wants a byte moved */
#define FDC_MSR_DIO 0x40            /* ... from the chip to the host */
#define FDC_MSR_NDMA 0x20           /* execution phase in non-DMA mode */
#define FDC_MSR_CB 0x10             /* a command is in progress */
#define FDC_MSR_DRVBUSY 0x0f        /* bit n: drive n is seeking */

/* SRA (PS/2 mode) */
#define FDC_SRA_INT 0x80            /* INT output */
#define FDC_SRA_NDRV2 0x40          /* DRV2# input: 0 = second drive */
#define FDC_SRA_STEP 0x20
#define FDC_SRA_NTRK0 0x10          /* TRK0# input: 0 = head on track 0 */
#define FDC_SRA_HDSEL 0x08
#define FDC_SRA_NINDX 0x04          /* INDX# input */
#define FDC_SRA_NWP 0x02            /* WP# input: 0 = write protected */
#define FDC_SRA_DIR 0x01            /* step direction: 1 = inward */

/* SRB (PS/2 mode): bits 7:6 read 1 */
#define FDC_SRB_ONES 0xc0
#define FDC_SRB_DRVSEL0 0x20
#define FDC_SRB_MOT1 0x02
#define FDC_SRB_MOT0 0x01

/* DOR */
#define FDC_DOR_SEL 0x03            /* drive select lines */
#define FDC_DOR_NRESET 0x04         /* 0 holds the chip in reset */
#define FDC_DOR_DMAGATE 0x08
#define FDC_DOR_MOTOR0 0x10         /* motor enable n = 0x10 << n */

/* DSR / CCR */
#define FDC_DSR_SWRESET 0x80        /* self-clearing software reset */
#define FDC_DSR_PWRDOWN 0x40
#define FDC_DSR_PRECOMP 0x1c
#define FDC_DSR_DRATE 0x03
#define FDC_RATE_500K 0
#define FDC_RATE_300K 1
#define FDC_RATE_250K 2
#define FDC_RATE_1M 3

/* DIR (PS/2 mode) */
#define FDC_DIR_DSKCHG 0x80
#define FDC_DIR_ONES 0x78           /* bits 6:3 read 1 */
#define FDC_DIR_NHIDENS 0x01        /* 250/300 kbit/s selected */

/* Command opcodes (first byte, flag bits MT/MFM/SK clear) */
#define FDC_CMD_READ_TRACK 0x02
#define FDC_CMD_SPECIFY 0x03
#define FDC_CMD_SENSE_DRIVE 0x04
#define FDC_CMD_WRITE 0x05
#define FDC_CMD_READ 0x06
#define FDC_CMD_RECALIBRATE 0x07
#define FDC_CMD_SENSEI 0x08
#define FDC_CMD_WRITE_DELETED 0x09
#define FDC_CMD_READ_ID 0x0a
#define FDC_CMD_READ_DELETED 0x0c
#define FDC_CMD_FORMAT 0x0d
#define FDC_CMD_DUMPREG 0x0e
#define FDC_CMD_SEEK 0x0f
#define FDC_CMD_VERSION 0x10
#define FDC_CMD_SCAN_EQUAL 0x11
#define FDC_CMD_PERPENDICULAR 0x12
#define FDC_CMD_CONFIGURE 0x13
#define FDC_CMD_UNLOCK 0x14         /* LOCK with bit 7 clear */
#define FDC_CMD_LOCK 0x94
#define FDC_CMD_VERIFY 0x16
#define FDC_CMD_SCAN_LOW 0x19
#define FDC_CMD_SCAN_HIGH 0x1d
#define FDC_CMD_RELSEEK 0x8f        /* | 0x40: step inward */

/* ST0 */
#define FDC_ST0_IC_ABNORMAL 0x40
#define FDC_ST0_IC_INVALID 0x80
#define FDC_ST0_IC_POLL 0xc0        /* "ready changed", seen by polling */
#define FDC_ST0_SE 0x20             /* seek end */
#define FDC_ST0_EC 0x10             /* equipment check */
#define FDC_ST0_HD 0x04
/* ST1 */
#define FDC_ST1_NW 0x02             /* not writable */
/* ST3 */
#define FDC_ST3_WP 0x40
#define FDC_ST3_ONES 0x28           /* bits 5 and 3 read 1 on the 82077AA */
#define FDC_ST3_T0 0x10

#define FDC_VERSION_82077AA 0x90
#define FDC_RECAL_PULSES 79         /* RECALIBRATE gives up after these */
#define FDC_NDRIVES 4
#define FDC_DRIVE_LAST_CYL 83       /* a 3.5" mechanism's inner stop */

/* What hangs on one drive-select line of the cable. */
typedef enum FdcDriveKind {
    FDC_DRIVE_NONE,                 /* nothing: every input stays inactive */
    FDC_DRIVE_EMPTY,                /* a 3.5" drive with no diskette */
} FdcDriveKind;

typedef enum FdcPhase {
    FDC_PH_COMMAND,                 /* taking command bytes (or idle) */
    FDC_PH_EXEC,                    /* busy: implied seek, or waiting for
                                     * index pulses that never come */
    FDC_PH_RESULT,                  /* result bytes for the host */
} FdcPhase;

struct Fdc;

/* The controller's seek engine for one logical drive (command DS bits). */
typedef struct FdcSeek {
    struct Fdc *fdc;
    unsigned unit;
    Event ev;                       /* the next step-rate tick */
    bool busy;                      /* MSR drive-busy bit */
    bool stepping;                  /* pulses still being issued */
    bool recal;
    bool implied;                   /* the seek part of a data command */
    bool inward;
    bool beyond0;                   /* relative seek stepped out past 0 */
    unsigned left;                  /* pulses still to issue */
} FdcSeek;

typedef struct Fdc {
    DevCtx ctx;
    IrqLine irq;
    bool irq_level;

    /* the cable: physical drive n answers when DOR selects n */
    FdcDriveKind drive[FDC_NDRIVES];
    uint8_t drive_cyl[FDC_NDRIVES];     /* head position of a real drive */

    /* registers */
    uint8_t dor, tdr, drate, precomp;
    bool in_reset;                  /* DOR bit 2 low */
    uint8_t srt, hut, hlt;          /* SPECIFY */
    bool nd;                        /* SPECIFY: non-DMA mode */
    bool eis, efifo, poll_off;      /* CONFIGURE */
    uint8_t fifothr, pretrk;
    bool lock;
    uint8_t perp, gap, wgate;       /* PERPENDICULAR MODE */
    uint8_t sc_eot;                 /* DUMPREG byte 7 */
    uint8_t pcn[FDC_NDRIVES];       /* present cylinder numbers */
    uint8_t hdsel;                  /* HDSEL output */
    bool dir_in;                    /* DIR output */

    /* the command in progress */
    FdcPhase phase;
    uint8_t cmd[16];
    unsigned cmd_len, cmd_need;
    int cmd_kind;                   /* an FdcCmdKind in fdc.c */
    uint8_t res[16];
    unsigned res_len, res_pos;
    bool result_int;                /* INT for a data command's result */

    /* interrupt status kept for SENSE INTERRUPT STATUS, one per drive */
    bool st_pending[FDC_NDRIVES];
    uint8_t st_st0[FDC_NDRIVES];

    /* drive polling: the first complete pass after a reset interrupts */
    Event poll_ev;
    bool poll_done;

    FdcSeek seek[FDC_NDRIVES];
} Fdc;

extern const MmioOps fdc_ops;

/*
 * Copy ctx, take the INT line (system source 22 on the SS-5), map the
 * registers (FDC_REG_SIZE bytes at ctx->base) and apply the RESET pin.
 * No drive is attached.
 */
void fdc_init(Fdc *s, const DevCtx *ctx, IrqLine irq);
/* The RESET pin (power-on, system reset): DOR = 0 holds the chip in reset
 * until software sets DOR bit 2.  Drives keep their head positions. */
void fdc_reset(Fdc *s);
/* Put a drive (or nothing) on drive-select line sel (0..3). */
void fdc_attach_drive(Fdc *s, unsigned sel, FdcDriveKind kind);

#endif
