/*
 * DMA2 channel registers (QEMU hw/dma/sparc32_dma.c for the behaviour the
 * guests rely on, Linux asm/dma.h for the bit names).
 *
 * CSR write, in this order:
 *  - bit 7 (reset) set: the device gets a reset pulse; the bit is stored;
 *  - else bit 6 (drain) set: the drain completes at once, the bit is not
 *    stored; else a write of 0 stores bit 6 (QEMU quirk, kept because QEMU
 *    guests may read it back);
 *  - the read-only bits 31:25 and 2:0 keep their values;
 *  - a change of bit 9 (DMA enable) is reported to the device.
 * Bit 0 is the level of the device's interrupt line, whatever INT_EN says;
 * the channel's output line is bit 0 AND bit 4 (INT_EN).
 *
 * SIMPLIFY: the FIFO is not modelled (drain and invalidate complete at
 * once, bits 3:2 read 0), the error bit (1) never sets, COUNT does not
 * count and TEST is plain storage; the reset bit resets the device but not
 * the channel itself.
 */
#include "hw/chips/dma2.h"

#include <string.h>

static void dma2_update_irq(Dma2Channel *ch)
{
    /* a device interrupt or a DMA error, gated by INT_EN */
    bool level = (ch->dev_irq || (ch->csr & DMA2_CSR_ERR_PEND)) &&
                 (ch->csr & DMA2_CSR_INT_EN);
    if (level != ch->irq_level) {
        ch->irq_level = level;
        irq_set(&ch->irq, level);
    }
}

void dma2_device_irq(void *opaque, int n, bool level)
{
    Dma2Channel *ch = opaque;
    (void)n;
    ch->dev_irq = level;
    if (level) {
        ch->csr |= DMA2_CSR_INT_PEND;
    } else {
        ch->csr &= ~DMA2_CSR_INT_PEND;
    }
    dma2_update_irq(ch);
}

void dma2_channel_reset(Dma2Channel *ch)
{
    bool was_enabled = (ch->csr & DMA2_CSR_EN) != 0;
    ch->csr = DMA2_CSR_VERSION | (ch->dev_irq ? DMA2_CSR_INT_PEND : 0);
    ch->addr = ch->count = ch->test = 0;
    if (was_enabled && ch->dev_enable) {
        ch->dev_enable(ch->dev, false);
    }
    dma2_update_irq(ch);
}

void dma2_channel_init(Dma2Channel *ch, const char *name, IrqLine irq)
{
    memset(ch, 0, sizeof(*ch));
    ch->name = name;
    ch->irq = irq;
    dma2_channel_reset(ch);
}

void dma2_connect(Dma2Channel *ch, void *dev, Dma2ResetFn *reset,
                  Dma2EnableFn *enable)
{
    ch->dev = dev;
    ch->dev_reset = reset;
    ch->dev_enable = enable;
}

void dma2_init(Dma2 *s, const DevCtx *esp_ctx, const DevCtx *le_ctx,
               IrqLine esp_irq, IrqLine le_irq)
{
    dma2_channel_init(&s->esp, "espdma", esp_irq);
    dma2_channel_init(&s->le, "ledma", le_irq);
    s->esp.ctx = *esp_ctx;
    s->le.ctx = *le_ctx;
    s->le.lance_mode = true;
    dev_map(esp_ctx, 0, DMA2_CHANNEL_SIZE, &dma2_ops, &s->esp, NULL);
    dev_map(le_ctx, 0, DMA2_CHANNEL_SIZE, &dma2_ops, &s->le, NULL);
    dev_map(le_ctx, DMA2_LEDMA_ALIAS_OFF - DMA2_LEDMA_OFF, 4,
            &dma2_alias_ops, &s->le, "ledma-alias");
}

void dma2_reset(Dma2 *s)
{
    dma2_channel_reset(&s->esp);
    dma2_channel_reset(&s->le);
}

static void dma2_write_csr(Dma2Channel *ch, uint32_t val)
{
    uint32_t old = ch->csr;
    bool reset = (val & DMA2_CSR_RESET) != 0;

    dev_trace(&ch->ctx, "CSR <- 0x%08x (was 0x%08x)", val, old);

    if (!reset) {
        if (val & DMA2_CSR_DRAIN) {
            val &= ~DMA2_CSR_DRAIN;
        } else if (val == 0) {
            val = DMA2_CSR_DRAIN;
        }
    }
    ch->csr = (old & DMA2_CSR_RO_MASK) | (val & ~DMA2_CSR_RO_MASK);
    if (reset || (val & DMA2_CSR_FIFO_INV)) {
        /* the reset pulse and a FIFO invalidate clear the error state
         * (Linux's sun_esp resets the channel after a DMA error; NetBSD's
         * lsi64854 writes FIFO_INV) */
        ch->csr &= ~DMA2_CSR_ERR_PEND;
    }
    /* the device may call back into dma2_device_irq from here on */
    if (reset && ch->dev_reset) {
        ch->dev_reset(ch->dev);
    }
    if (((old ^ ch->csr) & DMA2_CSR_EN) && ch->dev_enable) {
        ch->dev_enable(ch->dev, (ch->csr & DMA2_CSR_EN) != 0);
    }
    dma2_update_irq(ch);
}

static void dma2_write_reg(Dma2Channel *ch, uint32_t off, uint32_t val)
{
    switch (off & 0xc) {
    case DMA2_CSR:
        dma2_write_csr(ch, val);
        break;
    case DMA2_ADDR:
        dev_trace(&ch->ctx, "ADDR <- 0x%08x", val);
        ch->addr = val;
        ch->csr |= DMA2_CSR_LOADED;
        break;
    case DMA2_COUNT:
        ch->count = val;
        break;
    default:
        ch->test = val;
        break;
    }
}

static uint32_t dma2_read_reg(const Dma2Channel *ch, uint32_t off)
{
    switch (off & 0xc) {
    case DMA2_CSR:
        return ch->csr;
    case DMA2_ADDR:
        return ch->addr;
    case DMA2_COUNT:
        return ch->count;
    default:
        return ch->test;
    }
}

static BusStatus dma2_read(void *opaque, uint32_t off, unsigned size,
                           uint32_t *val)
{
    (void)size;
    *val = dma2_read_reg(opaque, off);
    return BUS_OK;
}

static BusStatus dma2_write(void *opaque, uint32_t off, unsigned size,
                            uint32_t val)
{
    (void)size;
    dma2_write_reg(opaque, off, val);
    return BUS_OK;
}

/* No register read has a side effect: the PROM polls CSR bit 0 while the
 * ESP selects, and the CPU may skip that loop to the next event. */
static bool dma2_is_stable(void *opaque, uint32_t off)
{
    (void)opaque;
    (void)off;
    return true;
}

const MmioOps dma2_ops = {
    .read = dma2_read,
    .write = dma2_write,
    .min_size = 4,
    .max_size = 4,
    .is_stable = dma2_is_stable,
};

static BusStatus dma2_alias_read(void *opaque, uint32_t off, unsigned size,
                                 uint32_t *val)
{
    (void)off;
    return dma2_read(opaque, DMA2_ADDR, size, val);
}

static BusStatus dma2_alias_write(void *opaque, uint32_t off, unsigned size,
                                  uint32_t val)
{
    (void)off;
    return dma2_write(opaque, DMA2_ADDR, size, val);
}

const MmioOps dma2_alias_ops = {
    .read = dma2_alias_read,
    .write = dma2_alias_write,
    .min_size = 4,
    .max_size = 4,
    .is_stable = dma2_is_stable,
};

/* ---- a channel as a stage of the DMA chain ---- */

/*
 * espdma: the ESP counts bytes from the start of its transfer, the channel
 * puts them at its address register (ADDR advances as they move:
 * dma2_advance).  ledma: the Lance's 24-bit bus addresses get TEST's top
 * byte above them (OpenBIOS and Linux write 0xff000000 there).
 */
static uint64_t dma2_stage_map(DmaStage *st, const SgList *in, DmaDir dir,
                               SgList *out, DmaFault *f)
{
    Dma2Channel *ch = st->opaque;
    uint64_t done = 0;
    unsigned i;
    (void)dir;
    for (i = 0; i < in->n; i++) {
        uint64_t a = in->e[i].addr, n = in->e[i].len;
        uint32_t dvma = ch->lance_mode
                            ? (ch->test & 0xff000000u) | (uint32_t)(a & 0xffffffu)
                            : ch->addr + (uint32_t)a;
        /* SIMPLIFY: a run that wraps the 32-bit DVMA space wraps */
        if (sg_add(out, dvma, n) < 0) {
            f->stage = ch->name;
            f->addr = a;
            f->kind = DMA_FAULT_BUS;
            return done;
        }
        done += n;
    }
    return done;
}

/* A stage below stopped a transfer of this channel: the error bit, which
 * interrupts like the device when INT_EN is set (Linux sun_esp.c checks
 * DMA_HNDL_ERROR); the channel reset clears it. */
static void dma2_stage_fault(DmaStage *st, const DmaFault *f)
{
    Dma2Channel *ch = st->opaque;
    dev_trace(&ch->ctx, "error: %s fault at 0x%llx", f->stage,
              (unsigned long long)f->addr);
    ch->csr |= DMA2_CSR_ERR_PEND;
    dma2_update_irq(ch);
}

DmaStage *dma2_stage(Dma2Channel *ch, DmaStage *next)
{
    ch->stage.name = ch->name;
    ch->stage.map = dma2_stage_map;
    ch->stage.on_fault = dma2_stage_fault;
    ch->stage.opaque = ch;
    ch->stage.next = next;
    return &ch->stage;
}
