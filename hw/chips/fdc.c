/*
 * An absent floppy controller.
 *
 * Every register reads 0 and writes are ignored, so the main status
 * register never shows RQM (bit 7).  OpenBIOS (drivers/floppy.c) then gives
 * up without hanging: reset_fdc's result() and get_fdc_version's
 * output_byte(DUMPREGS) each poll MSR a bounded 10000 times
 * (wait_til_ready), the version comes out FDC_NONE and floppy_init fails,
 * so the dangerous floppy_recalibrate loop (which retries until a SENSEI
 * reply reports cylinder 0) is never reached.  Linux 6.1 sparc32 does not
 * touch it: sparc32_defconfig leaves CONFIG_BLK_DEV_FD unset, and only
 * that driver (asm/floppy_32.h) looks for the "SUNW,fdtwo"/"fd" node.
 *
 * SIMPLIFY: the real 82077 has a drive interface, a FIFO and an interrupt;
 * none of it exists here.
 */
#include "hw/chips/fdc.h"

#include <string.h>

void fdc_reset(Fdc *s)
{
    (void)s;                        /* nothing holds state */
}

void fdc_init(Fdc *s, const DevCtx *ctx, IrqLine irq)
{
    (void)irq;                      /* never asserted */
    memset(s, 0, sizeof(*s));
    fdc_reset(s);
    dev_map(ctx, 0, FDC_REG_SIZE, &fdc_ops, s, NULL);
}

static BusStatus fdc_read(void *opaque, uint32_t off, unsigned size,
                          uint32_t *val)
{
    Fdc *s = opaque;
    (void)off;
    (void)size;
    s->reads++;
    *val = 0;                       /* MSR: never RQM, never busy */
    return BUS_OK;
}

static BusStatus fdc_write(void *opaque, uint32_t off, unsigned size,
                           uint32_t val)
{
    Fdc *s = opaque;
    (void)off;
    (void)size;
    (void)val;
    s->writes++;
    return BUS_OK;
}

/* Reads have no side effect and the values never change. */
static bool fdc_is_stable(void *opaque, uint32_t off)
{
    (void)opaque;
    (void)off;
    return true;
}

const MmioOps fdc_ops = {
    .read = fdc_read,
    .write = fdc_write,
    .min_size = 1,
    .max_size = 1,
    .is_stable = fdc_is_stable,
};
