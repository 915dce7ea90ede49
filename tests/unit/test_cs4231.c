/*
 * Unit tests of the SS-5 audio (hw/chips/cs4231.c): the CS4231A codec and
 * the APC DMA controller, idle.
 *
 * The chip is mapped on a real Bus at its SS-5 address and driven with
 * bus_read/bus_write as the CPU would, with the access sizes the Linux,
 * NetBSD and OpenBSD drivers use (bytes for the codec, words for the
 * APC).  Its interrupt goes to a recorder.  Guest errors are counted in a
 * Log that prints nothing.
 *
 * Built and run by `make check-unit`.
 */
#include <stdint.h>
#include <string.h>

#include "hw/chips/cs4231.h"
#include "hw/core/bus.h"
#include "hw/core/event.h"
#include "hw/core/log.h"
#include "rig.h"

#define CPU_HZ 110000000ull
#define CS_PA 0x6c000000ull
#define SRC_AUDIO 17        /* the interrupt recorder's line */

/* ---- Fixture (CUnit tests take no arguments: file scope) ---- */

static UnitRig rig;
static Cs4231 cs;

static void teardown(void)
{
    rig_down(&rig);
}

static void setup(void)
{
    DevCtx c;

    teardown();
    rig_up(&rig, 0x100000, CPU_HZ);
    c = rig_ctx(&rig, "cs4231", LOG_MISC, CS_PA, CS4231_REG_SIZE);
    cs4231_init(&cs, &c, rig_irq_line(&rig, SRC_AUDIO));
}

static int suite_clean(void)
{
    teardown();
    return 0;
}

static uint32_t rd(uint32_t off, unsigned size)
{
    return rig_rd(&rig, CS_PA + off, size);
}

static void wr(uint32_t off, unsigned size, uint32_t v)
{
    rig_wr(&rig, CS_PA + off, size, v);
}

static BusStatus try_read(uint32_t off, unsigned size)
{
    return rig_try_rd(&rig, CS_PA + off, size, NULL);
}

static BusStatus try_write(uint32_t off, unsigned size, uint32_t v)
{
    return rig_try_wr(&rig, CS_PA + off, size, v);
}

/* Direct codec registers, by byte at the word address (Linux
 * __cs4231_readb / __cs4231_writeb) */
static uint8_t cr(unsigned reg)
{
    return (uint8_t)rd(reg * 4, 1);
}

static void cw(unsigned reg, uint8_t v)
{
    wr(reg * 4, 1, v);
}

/* Indexed registers, keeping R0's MCE and TRD bits (Linux snd_cs4231_in /
 * snd_cs4231_out with chip->mce_bit) */
static uint8_t ir(unsigned i)
{
    cw(0, (uint8_t)((cr(0) & 0x60) | i));
    return cr(1);
}

static void iw(unsigned i, uint8_t v)
{
    cw(0, (uint8_t)((cr(0) & 0x60) | i));
    cw(1, v);
}

static uint32_t apc(uint32_t off)
{
    return rd(off, 4);
}

static void apc_w(uint32_t off, uint32_t v)
{
    wr(off, 4, v);
}

static uint64_t guest_errors(void)
{
    return rig.log.guest_errors[LOG_MISC];
}

static const uint8_t ireg_reset[32] = {
    0x00, 0x00, 0x88, 0x88, 0x88, 0x88, 0x80, 0x80,
    0x00, 0x08, 0x00, 0x00, 0x8a, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x88, 0x88, 0x00, 0x00, 0x00, 0x00,
    0x00, 0xa0, 0xa0, 0x00, 0x00, 0x00, 0x00, 0x00,
};

/* ---- Reset ---- */

static void test_reset_values(void)
{
    unsigned i;

    setup();
    CU_ASSERT_EQUAL(cr(0), 0x40);           /* MCE set, INIT clear */
    CU_ASSERT_EQUAL(cr(2), 0x00);
    CU_ASSERT_EQUAL(cr(3), 0x00);
    for (i = 0; i < 16; i++) {
        CU_ASSERT_EQUAL(ir(i), ireg_reset[i]);
    }
    iw(12, 0x40);                           /* MODE 2 */
    CU_ASSERT_EQUAL(ir(12), 0xca);
    for (i = 16; i < 32; i++) {
        CU_ASSERT_EQUAL(ir(i), ireg_reset[i]);
    }
    /* APC: nothing loaded, so both next pairs free and the play pipe
     * empty; nothing running */
    CU_ASSERT_EQUAL(apc(CS4231_APC_CSR),
                    CS4231_CSR_PD | CS4231_CSR_PM | CS4231_CSR_CD);
    for (i = CS4231_APC_CVA; i <= CS4231_APC_PNC; i += 4) {
        CU_ASSERT_EQUAL(apc(i), 0);
    }
    CU_ASSERT_FALSE(rig.irq.level[SRC_AUDIO]);
    CU_ASSERT_EQUAL(guest_errors(), 0);
}

static void test_reset_restores(void)
{
    setup();
    iw(12, 0x40);
    iw(0, 0x5a);
    apc_w(CS4231_APC_CSR, CS4231_CSR_IE | CS4231_CSR_PDMA_GO);
    apc_w(CS4231_APC_PNVA, 0xff001000u);
    apc_w(CS4231_APC_PNC, 0x1000);
    cs4231_reset(&cs);
    CU_ASSERT_EQUAL(cr(0), 0x40);
    CU_ASSERT_EQUAL(ir(12), 0x8a);
    CU_ASSERT_EQUAL(ir(0), 0x00);
    CU_ASSERT_EQUAL(apc(CS4231_APC_CSR),
                    CS4231_CSR_PD | CS4231_CSR_PM | CS4231_CSR_CD);
    CU_ASSERT_EQUAL(apc(CS4231_APC_PNVA), 0);
    CU_ASSERT_EQUAL(apc(CS4231_APC_PNC), 0);
}

/* Linux snd_cs4231_probe: wait for INIT clear, MODE 2, id, version */
static void test_linux_probe_ids(void)
{
    uint8_t id, vers;

    setup();
    CU_ASSERT_EQUAL(cr(0) & CS4231_IAR_INIT, 0);
    iw(12, 0x40);
    id = ir(12) & 0x0f;
    vers = ir(25);
    CU_ASSERT_EQUAL(id, 0x0a);
    CU_ASSERT_EQUAL(vers, 0xa0);            /* CS4231A: vers & 0x20 */
    CU_ASSERT_EQUAL(guest_errors(), 0);
}

/* ---- Index address register ---- */

static void test_index_init_mce(void)
{
    setup();
    /* INIT is read-only; MCE, TRD and the index read back */
    cw(0, 0xe9);
    CU_ASSERT_EQUAL(cr(0), 0x69);
    cw(0, 0x0d);
    CU_ASSERT_EQUAL(cr(0), 0x0d);
    cw(1, 0x55);
    CU_ASSERT_EQUAL(cr(1), 0x55);           /* I13 loopback */
    /* mce_down: clear MCE; ACI never shows (calibration in no time) */
    cw(0, 0x40 | 11);
    cw(0, 11);
    CU_ASSERT_EQUAL(cr(1) & CS4231_ESI_ACI, 0);
    CU_ASSERT_EQUAL(guest_errors(), 0);
}

static void test_mce_protected_formats(void)
{
    setup();
    cw(0, 0x00);                            /* MCE off */
    iw(8, 0x5b);                            /* ignored without MCE */
    CU_ASSERT_EQUAL(ir(8), 0x00);
    iw(9, 0xdb);                            /* only PEN/CEN change */
    CU_ASSERT_EQUAL(ir(9), 0x0b);
    iw(9, 0x08);
    cw(0, 0x40);                            /* mce_up */
    iw(8, 0x5b);
    CU_ASSERT_EQUAL(ir(8), 0x5b);
    iw(9, 0xff);                            /* D5 reserved */
    CU_ASSERT_EQUAL(ir(9), 0xdf);
    iw(9, 0x08);
    cw(0, 0x00);
    /* MODE 2: PMCE opens I8's format bits 7:4, not the rate bits */
    iw(12, 0x40);
    iw(16, CS4231_AFE1_PMCE);
    iw(8, 0xc0);
    CU_ASSERT_EQUAL(ir(8), 0xcb);
    /* I28: format bits need MCE or CMCE; bits 3:0 reserved */
    iw(28, 0x5f);
    CU_ASSERT_EQUAL(ir(28), 0x00);
    iw(16, CS4231_AFE1_CMCE);
    iw(28, 0x5f);
    CU_ASSERT_EQUAL(ir(28), 0x50);
    CU_ASSERT_EQUAL(guest_errors(), 0);
}

/* ---- Read-only and reserved bits ---- */

static void test_read_only_bits(void)
{
    unsigned i;

    setup();
    iw(12, 0xff);                           /* only MODE2 is writable */
    CU_ASSERT_EQUAL(ir(12), 0xca);
    iw(12, 0x00);
    CU_ASSERT_EQUAL(ir(12), 0x8a);
    iw(12, 0x40);
    iw(11, 0xff);
    CU_ASSERT_EQUAL(ir(11), 0x00);
    iw(25, 0x00);
    CU_ASSERT_EQUAL(ir(25), 0xa0);
    iw(24, 0xff);                           /* causes only clear */
    CU_ASSERT_EQUAL(ir(24), 0x00);
    iw(22, 0xff);
    iw(27, 0xff);
    iw(29, 0xff);
    CU_ASSERT_EQUAL(ir(22), 0x00);
    CU_ASSERT_EQUAL(ir(27), 0x00);
    CU_ASSERT_EQUAL(ir(29), 0x00);
    iw(23, 0xff);                           /* ACF only */
    CU_ASSERT_EQUAL(ir(23), 0x01);
    /* plain registers keep what is written */
    for (i = 0; i < 8; i++) {
        iw(i, (uint8_t)(0x11 * i));
        CU_ASSERT_EQUAL(ir(i), (uint8_t)(0x11 * i));
    }
    /* R2 is read-only; writing it only acknowledges */
    cw(2, 0xff);
    CU_ASSERT_EQUAL(cr(2), 0x00);
    /* Linux's probe fills all 32 registers from its image, read-only
     * ones included: that is not an error */
    CU_ASSERT_EQUAL(guest_errors(), 0);
}

static void test_mode1_index(void)
{
    setup();
    iw(2, 0x12);
    /* MODE 1: IA4 is ignored, I18 is I2 */
    cw(0, 18);
    CU_ASSERT_EQUAL(cr(0), 18);
    CU_ASSERT_EQUAL(cr(1), 0x12);
    CU_ASSERT_EQUAL(guest_errors(), 1);
    cw(1, 0x34);
    CU_ASSERT_EQUAL(guest_errors(), 2);
    CU_ASSERT_EQUAL(ir(2), 0x34);
    /* MODE 2: I18 is itself */
    iw(12, 0x40);
    CU_ASSERT_EQUAL(ir(18), 0x88);
    CU_ASSERT_EQUAL(guest_errors(), 2);
}

static void test_pio_write(void)
{
    setup();
    cw(3, 0x80);                            /* PIO disabled: nonsense */
    CU_ASSERT_EQUAL(guest_errors(), 1);
    cw(0, 0x40);
    iw(9, CS4231_IC_PPIO | 0x08);
    cw(3, 0x80);
    CU_ASSERT_EQUAL(guest_errors(), 1);
    CU_ASSERT_EQUAL(cr(3), 0x00);           /* nothing captured */
}

/* ---- APC ---- */

static void test_apc_csr_bits(void)
{
    uint32_t base = CS4231_CSR_PD | CS4231_CSR_PM | CS4231_CSR_CD;

    setup();
    /* enables and pauses are plain bits */
    apc_w(CS4231_APC_CSR, CS4231_CSR_IE | CS4231_CSR_PIE | CS4231_CSR_CIE |
          CS4231_CSR_EIE | CS4231_CSR_PMIE | CS4231_CSR_CMIE);
    CU_ASSERT_EQUAL(apc(CS4231_APC_CSR), base | CS4231_CSR_IE |
                    CS4231_CSR_PIE | CS4231_CSR_CIE | CS4231_CSR_EIE |
                    CS4231_CSR_PMIE | CS4231_CSR_CMIE);
    /* interrupt causes cannot be set, pipe status cannot be written */
    apc_w(CS4231_APC_CSR, CS4231_CSR_W1C);
    CU_ASSERT_EQUAL(apc(CS4231_APC_CSR), base);
    apc_w(CS4231_APC_CSR, 0);
    CU_ASSERT_EQUAL(apc(CS4231_APC_CSR), base);
    CU_ASSERT_EQUAL(guest_errors(), 0);
    /* undocumented bits: an error, not stored */
    apc_w(CS4231_APC_CSR, 0x01000010u);
    CU_ASSERT_EQUAL(apc(CS4231_APC_CSR), base);
    CU_ASSERT_EQUAL(guest_errors(), 1);
    CU_ASSERT_FALSE(rig.irq.level[SRC_AUDIO]);
    CU_ASSERT_EQUAL(rig.irq.edges[SRC_AUDIO], 0);
}

/* Linux sbus_dma_reset, then the codec probe */
static void test_apc_reset(void)
{
    uint32_t csr;

    setup();
    cw(0, 0x40);
    iw(0, 0x33);
    apc_w(CS4231_APC_CSR, CS4231_CSR_IE | CS4231_CSR_PDMA_GO);
    apc_w(CS4231_APC_PVA, 0x1234);
    apc_w(CS4231_APC_PNVA, 0xff002000u);
    apc_w(CS4231_APC_PNC, 0x800);
    /* the reset bit holds the APC in reset and reads back */
    apc_w(CS4231_APC_CSR, CS4231_CSR_RESET);
    CU_ASSERT_EQUAL(apc(CS4231_APC_CSR), CS4231_CSR_RESET | CS4231_CSR_PD |
                    CS4231_CSR_PM | CS4231_CSR_CD);
    CU_ASSERT_EQUAL(apc(CS4231_APC_PVA), 0);
    CU_ASSERT_EQUAL(apc(CS4231_APC_PNVA), 0);
    CU_ASSERT_EQUAL(apc(CS4231_APC_PNC), 0);
    apc_w(CS4231_APC_CSR, 0x00);
    /* the codec is not part of the APC reset */
    CU_ASSERT_EQUAL(ir(0), 0x33);
    /* codec reset pulse: held, every codec register reads 0x80 */
    csr = apc(CS4231_APC_CSR);
    apc_w(CS4231_APC_CSR, csr | CS4231_CSR_CODEC_RESET);
    CU_ASSERT_EQUAL(cr(0), 0x80);
    CU_ASSERT_EQUAL(cr(1), 0x80);
    CU_ASSERT_EQUAL(cr(2), 0x80);
    CU_ASSERT_EQUAL(cr(3), 0x80);
    CU_ASSERT_EQUAL(guest_errors(), 0);
    cw(0, 0x0c);                            /* ignored while held */
    CU_ASSERT_EQUAL(guest_errors(), 1);
    apc_w(CS4231_APC_CSR, apc(CS4231_APC_CSR) & ~CS4231_CSR_CODEC_RESET);
    apc_w(CS4231_APC_CSR, apc(CS4231_APC_CSR) | CS4231_CSR_IE |
          CS4231_CSR_PMIE | CS4231_CSR_CMIE);
    /* released: the codec is at its reset values and answers */
    CU_ASSERT_EQUAL(cr(0), 0x40);
    CU_ASSERT_EQUAL(ir(0), 0x00);
    CU_ASSERT_EQUAL(apc(CS4231_APC_CSR) & CS4231_CSR_RW,
                    CS4231_CSR_IE | CS4231_CSR_PMIE | CS4231_CSR_CMIE);
    CU_ASSERT_FALSE(rig.irq.level[SRC_AUDIO]);
}

/* Linux playback: prepare, enable, then load while PD reads 1 */
static void test_apc_playback_pipe(void)
{
    uint32_t csr;
    unsigned loads = 0;

    setup();
    csr = apc(CS4231_APC_CSR);
    apc_w(CS4231_APC_CSR, csr | CS4231_CSR_EI | CS4231_CSR_PI |
          CS4231_CSR_IE | CS4231_CSR_PIE | CS4231_CSR_PM | CS4231_CSR_EIE |
          CS4231_CSR_PMIE);
    csr = apc(CS4231_APC_CSR) & ~CS4231_CSR_PPAUSE;
    apc_w(CS4231_APC_CSR, csr);
    apc_w(CS4231_APC_CSR, csr | CS4231_CSR_PDMA_GO);
    /* sbus_dma_request loops while it may load: it must stop */
    while (loads < 4 && (apc(CS4231_APC_CSR) & CS4231_CSR_PDMA_GO) &&
           (apc(CS4231_APC_CSR) & CS4231_CSR_PD)) {
        apc_w(CS4231_APC_PNVA, 0xff000000u + loads * 0x1000);
        apc_w(CS4231_APC_PNC, 0x1000);
        loads++;
    }
    CU_ASSERT_EQUAL(loads, 1);
    csr = apc(CS4231_APC_CSR);
    CU_ASSERT_EQUAL(csr & (CS4231_CSR_PD | CS4231_CSR_PM), 0);
    CU_ASSERT_EQUAL(csr & CS4231_CSR_W1C, 0);
    CU_ASSERT_EQUAL(apc(CS4231_APC_PNVA), 0xff000000u);
    CU_ASSERT_EQUAL(apc(CS4231_APC_PNC), 0x1000);
    CU_ASSERT_FALSE(rig.irq.level[SRC_AUDIO]);
    /* NetBSD halt_output: pause, then wait for the pipe to empty */
    apc_w(CS4231_APC_CSR, (csr & ~CS4231_CSR_W1C) | CS4231_CSR_PPAUSE);
    csr = apc(CS4231_APC_CSR);
    CU_ASSERT_NOT_EQUAL(csr & CS4231_CSR_PM, 0);
    CU_ASSERT_NOT_EQUAL(csr & CS4231_CSR_PD, 0);
    /* OpenBSD trigger_output: load before GO, then start */
    apc_w(CS4231_APC_PNVA, 0xff004000u);
    apc_w(CS4231_APC_PNC, 0x800);
    csr = apc(CS4231_APC_CSR) & ~(CS4231_CSR_PIE | CS4231_CSR_PPAUSE |
                                 CS4231_CSR_PDMA_GO);
    apc_w(CS4231_APC_CSR, csr);             /* GO falls: dropped */
    CU_ASSERT_NOT_EQUAL(apc(CS4231_APC_CSR) & CS4231_CSR_PD, 0);
    apc_w(CS4231_APC_PNVA, 0xff004000u);
    apc_w(CS4231_APC_PNC, 0x800);
    apc_w(CS4231_APC_CSR, apc(CS4231_APC_CSR) | CS4231_CSR_PDMA_GO);
    CU_ASSERT_EQUAL(apc(CS4231_APC_CSR) & CS4231_CSR_PD, 0);
    /* Linux stop: zero the next address, count 1, pause, stop */
    apc_w(CS4231_APC_PNVA, 0);
    apc_w(CS4231_APC_PC, 1);
    apc_w(CS4231_APC_CSR, apc(CS4231_APC_CSR) | CS4231_CSR_PPAUSE);
    apc_w(CS4231_APC_CSR, apc(CS4231_APC_CSR) & ~CS4231_CSR_PDMA_GO);
    csr = apc(CS4231_APC_CSR);
    CU_ASSERT_NOT_EQUAL(csr & CS4231_CSR_PM, 0);
    CU_ASSERT_EQUAL(apc(CS4231_APC_PC), 1);
    CU_ASSERT_FALSE(rig.irq.level[SRC_AUDIO]);
    CU_ASSERT_EQUAL(rig.irq.edges[SRC_AUDIO], 0);
    CU_ASSERT_EQUAL(guest_errors(), 0);
}

static void test_apc_capture_pipe(void)
{
    uint32_t csr;

    setup();
    csr = apc(CS4231_APC_CSR);
    CU_ASSERT_EQUAL(csr & CS4231_CSR_CM, 0);    /* not running */
    apc_w(CS4231_APC_CSR, csr | CS4231_CSR_IE | CS4231_CSR_CIE |
          CS4231_CSR_CDMA_GO);
    csr = apc(CS4231_APC_CSR);
    CU_ASSERT_NOT_EQUAL(csr & CS4231_CSR_CD, 0);
    CU_ASSERT_NOT_EQUAL(csr & CS4231_CSR_CM, 0); /* running, no buffer */
    apc_w(CS4231_APC_CNVA, 0xff010000u);
    apc_w(CS4231_APC_CNC, 0x1000);
    csr = apc(CS4231_APC_CSR);
    CU_ASSERT_EQUAL(csr & (CS4231_CSR_CD | CS4231_CSR_CM), 0);
    /* a zero count is no buffer (Linux stop writes CNC 0, CVA 0) */
    apc_w(CS4231_APC_CNC, 0);
    CU_ASSERT_NOT_EQUAL(apc(CS4231_APC_CSR) & CS4231_CSR_CD, 0);
    apc_w(CS4231_APC_CNC, 0x1000);
    /* NetBSD halt_input: pause, wait for CM */
    apc_w(CS4231_APC_CSR, apc(CS4231_APC_CSR) | CS4231_CSR_CPAUSE);
    csr = apc(CS4231_APC_CSR);
    CU_ASSERT_NOT_EQUAL(csr & CS4231_CSR_CM, 0);
    CU_ASSERT_NOT_EQUAL(csr & CS4231_CSR_CD, 0);
    CU_ASSERT_FALSE(rig.irq.level[SRC_AUDIO]);
    CU_ASSERT_EQUAL(guest_errors(), 0);
}

static void test_apc_pad_words(void)
{
    setup();
    CU_ASSERT_EQUAL(apc(0x14), 0);
    apc_w(0x18, 0xdeadbeefu);
    CU_ASSERT_EQUAL(guest_errors(), 1);
    CU_ASSERT_EQUAL(apc(0x18), 0xdeadbeefu);    /* kept, as QEMU */
    CU_ASSERT_EQUAL(apc(0x14), 0);
    CU_ASSERT_EQUAL(apc(0x1c), 0);
}

/* ---- Access sizes ---- */

static void test_access_sizes(void)
{
    setup();
    cw(0, 0x4d);
    /* the codec register answers on every byte of its word, and in the
     * low byte of a halfword or word */
    CU_ASSERT_EQUAL(rd(0, 1), 0x4d);
    CU_ASSERT_EQUAL(rd(1, 1), 0x4d);
    CU_ASSERT_EQUAL(rd(3, 1), 0x4d);
    CU_ASSERT_EQUAL(rd(0, 2), 0x4d);
    CU_ASSERT_EQUAL(rd(2, 2), 0x4d);
    CU_ASSERT_EQUAL(rd(0, 4), 0x4d);
    wr(0, 4, 0xffffff4c);                   /* the low byte is written */
    CU_ASSERT_EQUAL(cr(0), 0x4c);
    wr(3, 1, 0x4b);
    CU_ASSERT_EQUAL(cr(0), 0x4b);
    /* APC: big-endian byte lanes of the 32-bit registers */
    apc_w(CS4231_APC_PNVA, 0x11223344u);
    CU_ASSERT_EQUAL(rd(CS4231_APC_PNVA, 1), 0x11);
    CU_ASSERT_EQUAL(rd(CS4231_APC_PNVA + 3, 1), 0x44);
    CU_ASSERT_EQUAL(rd(CS4231_APC_PNVA + 2, 2), 0x3344);
    wr(CS4231_APC_PNVA + 1, 1, 0xaa);
    CU_ASSERT_EQUAL(apc(CS4231_APC_PNVA), 0x11aa3344u);
    wr(CS4231_APC_PNVA, 2, 0xbbcc);
    CU_ASSERT_EQUAL(apc(CS4231_APC_PNVA), 0xbbcc3344u);
    /* a byte write to the CSR's low lane leaves the other lanes alone */
    apc_w(CS4231_APC_CSR, CS4231_CSR_IE);
    wr(CS4231_APC_CSR + 3, 1, CS4231_CSR_PDMA_GO);
    CU_ASSERT_EQUAL(apc(CS4231_APC_CSR) & CS4231_CSR_RW,
                    CS4231_CSR_IE | CS4231_CSR_PDMA_GO);
    CU_ASSERT_EQUAL(rd(CS4231_APC_CSR + 1, 1), 0x08);   /* IE, bits 23:16 */
    /* misaligned: never on the SBus */
    CU_ASSERT_EQUAL(try_read(1, 2), BUS_ERR_SIZE);
    CU_ASSERT_EQUAL(try_read(CS4231_APC_PNVA + 2, 4), BUS_ERR_SIZE);
    CU_ASSERT_EQUAL(try_write(CS4231_APC_CSR + 1, 2, 0), BUS_ERR_SIZE);
    /* the window ends at 0x40 */
    CU_ASSERT_EQUAL(try_read(CS4231_REG_SIZE, 1), BUS_ERR_UNMAPPED);
    CU_ASSERT_EQUAL(try_write(CS4231_REG_SIZE, 4, 0), BUS_ERR_UNMAPPED);
    CU_ASSERT_EQUAL(guest_errors(), 0);
}

static void test_reads_are_stable(void)
{
    uint64_t v;
    unsigned off;
    bool st;

    setup();
    for (off = 0; off < CS4231_REG_SIZE; off += 4) {
        st = false;
        CU_ASSERT_EQUAL(rig_poll(&rig, CS_PA + off, 4, &v, &st), BUS_OK);
        CU_ASSERT_TRUE(st);
    }
    /* and a register access costs the board's wait states */
    CU_ASSERT_EQUAL(try_read(0, 1), BUS_OK);
    CU_ASSERT_EQUAL(rig.wait, 2);
}

static const UnitTest tests[] = {
    { "reset values", test_reset_values },
    { "reset restores", test_reset_restores },
    { "linux probe ids", test_linux_probe_ids },
    { "index register INIT/MCE", test_index_init_mce },
    { "MCE-protected formats", test_mce_protected_formats },
    { "read-only bits", test_read_only_bits },
    { "MODE 1 index", test_mode1_index },
    { "PIO write", test_pio_write },
    { "APC CSR bits", test_apc_csr_bits },
    { "APC reset and codec reset", test_apc_reset },
    { "APC playback pipe", test_apc_playback_pipe },
    { "APC capture pipe", test_apc_capture_pipe },
    { "APC pad words", test_apc_pad_words },
    { "access sizes", test_access_sizes },
    { "reads are stable", test_reads_are_stable },
};

int main(void)
{
    return UNIT_RUN("cs4231", NULL, suite_clean, tests);
}
