/*
 * Floppy controller slot of the sun4m SLAVIO (an Intel 82077AA-compatible
 * core, OBP node "SUNW,fdtwo"), modelled as a controller with no drive
 * that never becomes ready.  Sources: OpenBIOS drivers/floppy.c, QEMU
 * hw/block/fdc-sysbus.c (sun4m variant: 8 byte registers, byte accesses
 * only); hw/README.md §FDC.
 *
 * 8 byte registers at 0x71400000 on the SS-5; its interrupt (system source
 * bit 22, PIL 11) is never asserted, so it has no IrqLine.
 */
#ifndef HW_FDC_H
#define HW_FDC_H

#include <stdint.h>

#include "hw/core/bus.h"
#include "hw/core/devctx.h"
#include "hw/core/irq.h"

#define FDC_REG_SIZE 8u

/* Register offsets (82077AA PS/2 mode) */
#define FDC_SRA 0                   /* status A (read) */
#define FDC_SRB 1                   /* status B (read) */
#define FDC_DOR 2                   /* digital output */
#define FDC_TDR 3                   /* tape drive */
#define FDC_MSR 4                   /* main status (read) */
#define FDC_DSR 4                   /* data rate select (write) */
#define FDC_FIFO 5                  /* command/data FIFO */
#define FDC_DIR 7                   /* digital input (read) */
#define FDC_CCR 7                   /* configuration control (write) */

/* MSR bit 7: the FIFO is ready for a transfer (RQM) */
#define FDC_MSR_RQM 0x80

typedef struct Fdc {
    uint64_t reads, writes;         /* statistics */
} Fdc;

extern const MmioOps fdc_ops;

/* Maps the registers (FDC_REG_SIZE bytes) at ctx->base, 0x71400000 on
 * the SS-5. */
void fdc_init(Fdc *s, const DevCtx *ctx, IrqLine irq);
void fdc_reset(Fdc *s);

#endif
