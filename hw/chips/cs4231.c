/*
 * SS-5 audio: CS4231A codec and APC DMA controller, idle (cs4231.h has
 * the sources and the register map).
 *
 * Codec.  R0 selects one of the indexed registers I0..I31 and R1 reads
 * or writes it.  Until I12.MODE2 is set the codec is in MODE 1 and only
 * I0..I15 exist (IA4 is ignored).  Some format bits only change while
 * R0.MCE is set: all of I8 and I28 and bits 7:2 of I9 (data sheet; the
 * register list in Linux sound/sparc/cs4231.c marks the same bits); in
 * MODE 2, I16.PMCE / CMCE let the playback / capture format bits 7:4
 * change without it.  I11, I25, bit 7 and the id of I12 are read-only;
 * I22, I27 and I29 are reserved.  Linux's probe writes every index from
 * its image, read-only ones included, so writes there are dropped without
 * complaint, as the chip drops them.  R2 is read-only but any write to it
 * clears the interrupt; R3 carries PIO samples.
 *
 * APC.  The CSR holds the enables, GO and PAUSE of each direction, a
 * reset for the APC and one for the codec, write-1-to-acknowledge
 * interrupt causes and four pipe status bits.  A driver hands the engine
 * a buffer by writing the next address and then the next count (Linux
 * sbus_dma_request, NetBSD and OpenBSD trigger_output: count last); it
 * may do so while the "next pair free" bit (PD / CD) reads 1.
 *
 * SIMPLIFY: no sample is ever played or captured and the APC fetches
 * nothing (DMA through the chain comes later).  So:
 *   - a nonzero next count marks the pair loaded (PD/CD read 0) and it
 *     stays loaded: the real APC moves it into the current pair when the
 *     engine runs, frees the slot again and interrupts.  Drivers that
 *     load until PD reads 0 (Linux) stop after one buffer, and no
 *     playback interrupt ever comes;
 *   - pausing, or stopping GO, ends the (empty) transfer at once: the
 *     pair is dropped, so PM ("pipe empty") and CM ("capture data
 *     dropped", with GO set) read 1 as soon as a driver waits for them
 *     (NetBSD halt_output / halt_input poll without a limit);
 *   - calibration takes no time: the real codec raises I11.ACI for a
 *     while after MCE is cleared with I9 calibration selected; here ACI
 *     never reads 1 (as in QEMU's dummy).  INIT likewise never reads 1
 *     after a reset: only while the codec is held in reset does every
 *     codec register read 0x80, the answer of a busy codec (data sheet,
 *     R0.INIT; Linux mce_up takes 0x80 for "codec still busy");
 *   - the codec timer (I16.TE) does not count, so I24.TI never sets;
 *     the real one counts I21:I20 down every ~10 us and interrupts
 *     through the APC's general interrupt (data sheet "Timer Registers";
 *     OpenBSD cs4231_intr).
 * Nothing can therefore raise an interrupt cause, and the interrupt line
 * stays low.  On the SS-5 it is never unmasked anyway (QEMU wires it to a
 * SLAVIO source its interrupt controller keeps masked).
 *
 * Access sizes (model, no source for the real slave's answer): the codec
 * is a byte device and every driver uses byte accesses at the word
 * address (Linux sbus_readb/writeb, OpenBSD/NetBSD bus_space_*_1 at
 * reg << 2); any byte of the word reaches the register, and a halfword
 * or word access carries it in its low byte, as in QEMU.  The APC
 * registers are 32-bit (sbus_readl/writel, bus_space_*_4); narrower
 * accesses reach their big-endian byte lanes.  SBus transfers are
 * naturally aligned, so a misaligned access is a bus error.
 */
#include "hw/chips/cs4231.h"

#include <string.h>

#define APC_DMA_INDEX(off) (((off) - CS4231_APC_CVA) >> 2)
#define APC_PAD_INDEX(off) (((off) - (CS4231_APC_CSR + 4)) >> 2)

/* Reset values of I0..I31 (data sheet, as QEMU hw/audio/cs4231a.c lists
 * them); I12 and I25 identify a CS4231A (QEMU's SS-5 dummy: 0x8a, 0xa0) */
static const uint8_t cs4231_ireg_reset[CS4231_NIREGS] = {
    0x00, 0x00,                     /* I0, I1 ADC input: line, 0 dB */
    0x88, 0x88, 0x88, 0x88,         /* I2..I5 AUX1/AUX2: muted */
    0x80, 0x80,                     /* I6, I7 DAC output: muted */
    0x00,                           /* I8 playback: 8 kHz 8-bit mono */
    0x08,                           /* I9 interface: auto-calibrate */
    0x00,                           /* I10 pin control */
    0x00,                           /* I11 error status */
    CS4231_MODEID_FIXED,            /* I12 MODE 1, id 1010 */
    0x00, 0x00, 0x00,               /* I13 loopback, I14/I15 count */
    0x00, 0x00,                     /* I16, I17 alternate features */
    0x88, 0x88,                     /* I18, I19 line input: muted */
    0x00, 0x00,                     /* I20, I21 timer */
    0x00, 0x00,                     /* I22 reserved, I23 */
    0x00,                           /* I24 alternate status */
    CS4231_VID_CS4231A,             /* I25 version */
    0xa0,                           /* I26 mono: input muted, bypass */
    0x00, 0x00, 0x00,               /* I27 reserved, I28, I29 reserved */
    0x00, 0x00,                     /* I30, I31 capture count */
};

static void cs4231_set_irq(Cs4231 *s, bool level)
{
    if (level != s->irq_level) {
        s->irq_level = level;
        irq_set(&s->irq, level);
    }
}

/* The codec's own reset (its power-down/reset input, driven by the APC):
 * every register to its reset value; R0 comes up with MCE set (data
 * sheet; QEMU cs4231a.c resets R0 to 0x40), R2 with nothing pending. */
static void cs4231_codec_reset(Cs4231 *s)
{
    memcpy(s->ireg, cs4231_ireg_reset, sizeof(s->ireg));
    s->iar = CS4231_IAR_MCE;
    s->status = 0;
}

/* The APC's reset: no enables, nothing running, no buffers. */
static void cs4231_apc_reset(Cs4231 *s)
{
    s->csr = 0;
    memset(s->dma, 0, sizeof(s->dma));
    s->play_loaded = false;
    s->cap_loaded = false;
}

void cs4231_reset(Cs4231 *s)
{
    cs4231_codec_reset(s);
    cs4231_apc_reset(s);
    memset(s->pad, 0, sizeof(s->pad));
    cs4231_set_irq(s, false);
}

void cs4231_init(Cs4231 *s, const DevCtx *ctx, IrqLine irq)
{
    memset(s, 0, sizeof(*s));
    s->ctx = *ctx;
    s->irq = irq;
    cs4231_reset(s);
    dev_map(ctx, 0, CS4231_REG_SIZE, &cs4231_ops, s, NULL);
}

/* ---- codec ---- */

static bool codec_held(const Cs4231 *s)
{
    return (s->csr & CS4231_CSR_CODEC_RESET) != 0;
}

/* The indexed register R0 selects; MODE 1 has only I0..I15. */
static unsigned codec_index(Cs4231 *s, bool write)
{
    unsigned i = s->iar & CS4231_IAR_INDEX;
    if (!(s->ireg[CS4231_I_MODEID] & CS4231_MODEID_MODE2) && i >= 16) {
        guest_error(&s->ctx, "%s I%u in MODE 1 reaches I%u",
                    write ? "write to" : "read of", i, i & 15);
        i &= 15;
    }
    return i;
}

/* A format register's bits that a write may change now: all of them
 * with MCE; with PMCE / CMCE (MODE 2) the format bits 7:4; else none. */
static uint8_t codec_format_mask(const Cs4231 *s, uint8_t mce_enable)
{
    if (s->iar & CS4231_IAR_MCE) {
        return 0xff;
    }
    if ((s->ireg[CS4231_I_MODEID] & CS4231_MODEID_MODE2) &&
        (s->ireg[CS4231_I_AFE1] & mce_enable)) {
        return 0xf0;
    }
    return 0x00;
}

static void codec_ireg_write(Cs4231 *s, unsigned i, uint8_t v)
{
    uint8_t old = s->ireg[i], m;

    switch (i) {
    case CS4231_I_FSPB:
        m = codec_format_mask(s, CS4231_AFE1_PMCE);
        v = (uint8_t)((v & m) | (old & ~m));
        break;
    case CS4231_I_CDF:
        /* bits 3:0 reserved: the rate is I8's (OpenBSD CS_CDF_reserved) */
        m = codec_format_mask(s, CS4231_AFE1_CMCE) & 0xf0;
        v = (uint8_t)((v & m) | (old & ~m));
        break;
    case CS4231_I_IC:
        /* PEN and CEN always; the rest only with MCE; D5 reserved */
        m = (s->iar & CS4231_IAR_MCE) ? 0xff : 0x03;
        v = (uint8_t)(((v & m) | (old & ~m)) & ~CS4231_IC_RES);
        if ((v & ~old) & (CS4231_IC_PEN | CS4231_IC_CEN)) {
            dev_trace(&s->ctx, "I9 0x%02x: %s enabled, no samples move",
                      v, (v & CS4231_IC_PEN) ? "playback" : "capture");
        }
        break;
    case CS4231_I_MODEID:
        v = (uint8_t)(CS4231_MODEID_FIXED | (v & CS4231_MODEID_MODE2));
        break;
    case CS4231_I_AFE1:
        if ((v & ~old) & CS4231_AFE1_TE) {
            dev_trace(&s->ctx, "timer enabled: it does not count here");
        }
        break;
    case CS4231_I_AFE3:
        v &= 0x01;                  /* ACF; the rest reserved */
        break;
    case CS4231_I_AFS:
        /* TI, CI, PI clear when written 0; the rest is status */
        v = (uint8_t)(old & (v | ~CS4231_AFS_IRQS));
        break;
    case CS4231_I_ESI:
    case CS4231_I_VID:
    case CS4231_I_RES22:
    case CS4231_I_RES27:
    case CS4231_I_RES29:
        dev_trace(&s->ctx, "I%u <- 0x%02x ignored (read-only/reserved)",
                  i, v);
        return;
    default:
        break;
    }
    dev_trace(&s->ctx, "I%u = 0x%02x", i, v);
    s->ireg[i] = v;
    if (i == CS4231_I_AFS && !(v & CS4231_AFS_IRQS)) {
        s->status &= (uint8_t)~CS4231_STATUS_INT;
    }
}

static uint8_t codec_read(Cs4231 *s, unsigned reg)
{
    if (codec_held(s)) {
        return CS4231_IAR_INIT;     /* the busy codec answers 0x80 */
    }
    switch (reg) {
    case 0:
        /* INIT: never busy once out of reset (SIMPLIFY, see the top) */
        return s->iar;
    case 1:
        return s->ireg[codec_index(s, false)];
    case 2:
        return s->status;
    default:
        return 0;                   /* R3: no captured sample */
    }
}

static void codec_write(Cs4231 *s, unsigned reg, uint8_t v)
{
    if (codec_held(s)) {
        guest_error(&s->ctx, "codec R%u <- 0x%02x while held in reset",
                    reg, v);
        return;
    }
    switch (reg) {
    case 0:
        if ((s->iar & CS4231_IAR_MCE) && !(v & CS4231_IAR_MCE) &&
            (s->ireg[CS4231_I_IC] & CS4231_IC_CAL)) {
            dev_trace(&s->ctx, "MCE cleared: calibration done at once");
        }
        s->iar = v & (uint8_t)~CS4231_IAR_INIT;
        break;
    case 1:
        codec_ireg_write(s, codec_index(s, true), v);
        break;
    case 2:
        /* any write acknowledges the interrupt and its causes */
        s->status &= (uint8_t)~CS4231_STATUS_INT;
        s->ireg[CS4231_I_AFS] &= (uint8_t)~CS4231_AFS_IRQS;
        break;
    default:
        if (!(s->ireg[CS4231_I_IC] & CS4231_IC_PPIO)) {
            guest_error(&s->ctx, "PIO sample 0x%02x with I9.PPIO clear",
                        v);
        }
        break;                      /* the sample is not played */
    }
}

/* ---- APC ---- */

static uint32_t apc_csr_read(const Cs4231 *s)
{
    uint32_t v = s->csr;
    if (!s->play_loaded) {
        v |= CS4231_CSR_PD | CS4231_CSR_PM;
    }
    if (!s->cap_loaded) {
        v |= CS4231_CSR_CD;
        if (s->csr & CS4231_CSR_CDMA_GO) {
            v |= CS4231_CSR_CM;
        }
    }
    return v;
}

/* A write of the bits in lanes.  Interrupt causes are never set here, so
 * acknowledging them does nothing; the pipe status bits are computed. */
static void apc_csr_write(Cs4231 *s, uint32_t val, uint32_t lanes)
{
    uint32_t w = val & lanes, old = s->csr;

    if (w & CS4231_CSR_UNDOC) {
        guest_error(&s->ctx, "CSR write sets undocumented bits 0x%08x",
                    w & CS4231_CSR_UNDOC);
    }
    s->csr = (old & ~(lanes & CS4231_CSR_RW)) | (w & CS4231_CSR_RW);
    if (s->csr & CS4231_CSR_RESET) {
        /* held in reset until the bit is written 0 (Linux, NetBSD and
         * OpenBSD write it, then 0); the codec is not part of it */
        cs4231_apc_reset(s);
        s->csr = CS4231_CSR_RESET;
        dev_trace(&s->ctx, "APC reset");
        return;
    }
    if ((s->csr & CS4231_CSR_PPAUSE) ||
        ((old & CS4231_CSR_PDMA_GO) && !(s->csr & CS4231_CSR_PDMA_GO))) {
        s->play_loaded = false;
    }
    if ((s->csr & CS4231_CSR_CPAUSE) ||
        ((old & CS4231_CSR_CDMA_GO) && !(s->csr & CS4231_CSR_CDMA_GO))) {
        s->cap_loaded = false;
    }
    if (s->csr & CS4231_CSR_CODEC_RESET) {
        cs4231_codec_reset(s);
    }
    if ((s->csr & ~old) & (CS4231_CSR_PDMA_GO | CS4231_CSR_CDMA_GO)) {
        dev_trace(&s->ctx, "DMA go 0x%08x: nothing is fetched", s->csr);
    }
}

static void apc_write(Cs4231 *s, uint32_t word, uint32_t val,
                      uint32_t lanes)
{
    uint32_t *r;

    if (word == CS4231_APC_CSR) {
        apc_csr_write(s, val, lanes);
        return;
    }
    if (word < CS4231_APC_CVA) {
        /* no driver names these words; kept as written, as QEMU does */
        guest_error(&s->ctx, "write 0x%08x to undocumented +0x%02x",
                    val, word);
        r = &s->pad[APC_PAD_INDEX(word)];
        *r = (*r & ~lanes) | (val & lanes);
        return;
    }
    r = &s->dma[APC_DMA_INDEX(word)];
    *r = (*r & ~lanes) | (val & lanes);
    if (word == CS4231_APC_PNC) {
        s->play_loaded = *r != 0;
    } else if (word == CS4231_APC_CNC) {
        s->cap_loaded = *r != 0;
    }
}

static uint32_t apc_read(const Cs4231 *s, uint32_t word)
{
    if (word == CS4231_APC_CSR) {
        return apc_csr_read(s);
    }
    if (word < CS4231_APC_CVA) {
        return s->pad[APC_PAD_INDEX(word)];
    }
    return s->dma[APC_DMA_INDEX(word)];
}

/* ---- bus side ---- */

/* The bits of a 32-bit register an access of size at off covers. */
static uint32_t lane_mask(uint32_t off, unsigned size)
{
    unsigned shift = (4 - (off & 3) - size) * 8;
    return (size >= 4 ? 0xffffffffu : (1u << (size * 8)) - 1) << shift;
}

static BusStatus cs4231_read(void *opaque, uint32_t off, unsigned size,
                             uint32_t *val)
{
    Cs4231 *s = opaque;
    uint32_t word = off & ~3u, lanes;

    if (off & (size - 1)) {
        return BUS_ERR_SIZE;
    }
    if (word < CS4231_APC_CSR) {
        *val = codec_read(s, word >> 2);
        return BUS_OK;
    }
    lanes = lane_mask(off, size);
    *val = (apc_read(s, word) & lanes) >> ((4 - (off & 3) - size) * 8);
    return BUS_OK;
}

static BusStatus cs4231_write(void *opaque, uint32_t off, unsigned size,
                              uint32_t val)
{
    Cs4231 *s = opaque;
    uint32_t word = off & ~3u;
    unsigned shift;

    if (off & (size - 1)) {
        return BUS_ERR_SIZE;
    }
    dev_trace(&s->ctx, "+0x%02x <- 0x%0*x", off, (int)size * 2, val);
    if (word < CS4231_APC_CSR) {
        codec_write(s, word >> 2, (uint8_t)val);
        return BUS_OK;
    }
    shift = (4 - (off & 3) - size) * 8;
    apc_write(s, word, val << shift, lane_mask(off, size));
    return BUS_OK;
}

/* Reads have no side effect, and nothing changes without a write. */
static bool cs4231_is_stable(void *opaque, uint32_t off)
{
    (void)opaque;
    (void)off;
    return true;
}

const MmioOps cs4231_ops = {
    .read = cs4231_read,
    .write = cs4231_write,
    .min_size = 1,
    .max_size = 4,
    .is_stable = cs4231_is_stable,
};
