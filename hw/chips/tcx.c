/*
 * Sun TCX framebuffer in SBus slot 3 (hw/README.md §TCX).
 *
 * Sources: Q = QEMU 7.2 hw/display/tcx.c and hw/sparc/sun4m.c (the
 * reference machine: the layout, the engines, the palette); L = Linux 6.1
 * drivers/video/fbdev/tcx.c (the DAC and THC registers and bits it uses);
 * OB = OpenBIOS drivers/tcx.fs, the source of QEMU,tcx.bin (the reg and
 * timing properties, what the PROM touches); OpenBSD/NetBSD
 * sys/dev/sbus/tcxreg.h and tcx.c (THC misc bits, the interrupt
 * acknowledge, how the stipple and blit spaces are driven); the Bt458 as
 * the 1991 Brooktree databook describes it (through MAME's bt45x.cpp).
 *
 * Spaces, all big-endian words:
 *  - ROM: 64 KB, read-only, any width; the FCode from QEMU,tcx.bin, zero
 *    beyond it (Q: a ROM region the file is loaded into).
 *  - DAC (Bt458-like, 16 bytes, 32-bit accesses, data in bits 31:24):
 *    +0 address register; +4 colour palette, three accesses R, G, B at
 *    the address, which then increments (wrapping at 256); +8 the
 *    control register the address names (4 read mask, 5 blink mask,
 *    6 command, 7 test); +0xc overlay palette entry (address & 3), R, G,
 *    B, then the address increments.  Writing the address restarts the
 *    R, G, B sequence.  Reads: the address register reads back (Bt458;
 *    Q answers palette data at every offset), the palettes read in the
 *    same R, G, B sequence, the control registers read back.
 *  - THC (4 KB, 32-bit): misc at 0x818 (bits in tcx.h), cursor position
 *    0x8fc, cursor planes A (mask) 0x900 and B (colour) 0x980, 32 words
 *    each, bit 31 = the leftmost pixel.
 *  - TEC, DHC, ALT, and the 8-bit variant's second THC at 0x301000 (which
 *    NetBSD writes): read 0, writes ignored, 32-bit (Q).  The TEC answers
 *    at 0x700000 (Q) and at 0x701000, where the FCode's reg property puts
 *    it and Linux maps it (Q has nothing there).
 *  - DFB8, DFB24, control plane: VRAM, bus RAM blocks (tcx_init).
 *  - STIP/BLIT/RSTIP/RBLIT: write-only engines (tcx_engine_write), reads
 *    give 0 (Q).
 * Linux 6.1 touches only the DAC, THC misc, the 8-bit plane and (24-bit
 * variant) the control plane; the engines are for X servers and NetBSD.
 */
#include "hw/chips/tcx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- helpers ---- */

static void tcx_update_irq(Tcx *s)
{
    bool level = (s->misc & TCX_MISC_INT) && (s->misc & TCX_MISC_INT_ENAB);
    if (level != s->irq_level) {
        s->irq_level = level;
        dev_trace(&s->ctx, "vertical-blank interrupt %s",
                  level ? "raised" : "dropped");
        irq_set(&s->irq, level);
    }
}

static uint32_t tcx_xrgb(const uint8_t c[3])
{
    return (uint32_t)c[0] << 16 | (uint32_t)c[1] << 8 | c[2];
}

/* Bands holding lines [y, y + n) of the screen need converting */
static void tcx_touch_lines(Tcx *s, int y, int n)
{
    int b, last;
    if (y >= TCX_HEIGHT || n <= 0) {
        return;
    }
    if (y < 0) {
        n += y;
        y = 0;
    }
    last = y + n > TCX_HEIGHT ? TCX_HEIGHT - 1 : y + n - 1;
    for (b = y / TCX_BAND_LINES; b <= last / TCX_BAND_LINES; b++) {
        s->band[b] = 1;
    }
}

static void tcx_touch_cursor(Tcx *s)
{
    if (s->curs_x < TCX_WIDTH) {
        tcx_touch_lines(s, s->curs_y, 32);
    }
}

/* The chip's own writes to VRAM [first, first + n) pixels of a plane of
 * bpp bytes a pixel: mark the pages (stores through the bus do this in
 * bus_ram_written) */
static void tcx_mark(uint8_t *dirty, uint32_t first, uint32_t n,
                     unsigned bpp)
{
    uint64_t p, lo, hi;
    if (!dirty || n == 0) {
        return;
    }
    lo = ((uint64_t)first * bpp) >> BUS_PAGE_SHIFT;
    hi = ((uint64_t)(first + n) * bpp - 1) >> BUS_PAGE_SHIFT;
    for (p = lo; p <= hi; p++) {
        dirty[p] = 1;
    }
}

/* Only 32-bit accesses reach the register spaces (Q .valid 4..4) */
static bool tcx_word_ok(Tcx *s, const char *space, uint32_t off,
                        unsigned size, bool write)
{
    if (size != 4 || (off & 3)) {
        guest_error(&s->ctx, "%u-byte %s at %s+0x%x refused: 32-bit "
                    "registers", size, write ? "write" : "read", space, off);
        return false;
    }
    return true;
}

/* ---- vertical blank ---- */

/*
 * The raster runs from cycle 0 whether anyone looks or not; a vertical
 * blank starts every s->frame cycles.  Only an enabled, unacknowledged
 * interrupt needs an event: arm it for the next frame boundary.
 */
static void tcx_arm_vblank(Tcx *s)
{
    Cycles now = dev_now(&s->ctx);
    bool want = (s->misc & TCX_MISC_INT_ENAB) && !(s->misc & TCX_MISC_INT);
    if (!want) {
        ev_cancel(s->ctx.events, &s->vblank);
    } else if (!ev_pending(&s->vblank)) {
        ev_at(s->ctx.events, &s->vblank, (now / s->frame + 1) * s->frame);
    }
}

static void tcx_vblank_event(void *opaque)
{
    Tcx *s = opaque;
    if ((s->misc & TCX_MISC_INT_ENAB) && !(s->misc & TCX_MISC_INT)) {
        s->misc |= TCX_MISC_INT;
        s->vblanks++;
        tcx_update_irq(s);
    }
}

/* ---- ROM ---- */

static BusStatus tcx_rom_read(void *opaque, uint32_t off, unsigned size,
                              uint32_t *val)
{
    Tcx *s = opaque;
    uint32_t v = 0;
    unsigned i;
    for (i = 0; i < size && off + i < TCX_ROM_SIZE; i++) {
        v = v << 8 | s->rom[off + i];
    }
    *val = v;
    return BUS_OK;
}

static BusStatus tcx_rom_write(void *opaque, uint32_t off, unsigned size,
                               uint32_t val)
{
    Tcx *s = opaque;
    guest_error(&s->ctx, "%u-byte write 0x%x to the FCode ROM at +0x%x "
                "ignored", size, val, off);
    return BUS_OK;
}

static bool tcx_always_stable(void *opaque, uint32_t off)
{
    (void)opaque;
    (void)off;
    return true;
}

const MmioOps tcx_rom_ops = {
    .read = tcx_rom_read,
    .write = tcx_rom_write,
    .min_size = 1,
    .max_size = 4,
    .is_stable = tcx_always_stable,
};

/* ---- DAC ---- */

/* The next step of an R, G, B sequence: after blue the address moves on */
static void tcx_dac_next(Tcx *s)
{
    if (++s->dac_step == 3) {
        s->dac_step = 0;
        s->dac_addr++;
    }
}

static BusStatus tcx_dac_read(void *opaque, uint32_t off, unsigned size,
                              uint32_t *val)
{
    Tcx *s = opaque;
    uint8_t v = 0;
    if (!tcx_word_ok(s, "DAC", off, size, false)) {
        return BUS_ERR_SIZE;
    }
    switch (off) {
    case TCX_DAC_ADDR:
        v = s->dac_addr;
        s->dac_step = 0;
        break;
    case TCX_DAC_CMAP:
        v = s->cmap[s->dac_addr][s->dac_step];
        tcx_dac_next(s);
        break;
    case TCX_DAC_CTRL:
        if (s->dac_addr >= TCX_BT_READ_MASK && s->dac_addr <= TCX_BT_TEST) {
            v = s->bt_ctrl[s->dac_addr - TCX_BT_READ_MASK];
        } else {
            guest_error(&s->ctx, "DAC control read with address 0x%02x "
                        "(registers are 4-7)", s->dac_addr);
        }
        break;
    default:
        v = s->omap[s->dac_addr & 3][s->dac_step];
        tcx_dac_next(s);
        break;
    }
    *val = (uint32_t)v << 24;
    return BUS_OK;
}

static BusStatus tcx_dac_write(void *opaque, uint32_t off, unsigned size,
                               uint32_t val)
{
    Tcx *s = opaque;
    uint8_t v = (uint8_t)(val >> 24);
    unsigned i;
    if (!tcx_word_ok(s, "DAC", off, size, true)) {
        return BUS_ERR_SIZE;
    }
    switch (off) {
    case TCX_DAC_ADDR:
        s->dac_addr = v;
        s->dac_step = 0;
        break;
    case TCX_DAC_CMAP:
        /* each component takes effect at once, as in Q; any palette
         * change shows on the whole screen */
        i = s->dac_addr;
        s->cmap[i][s->dac_step] = v;
        s->pal[i] = tcx_xrgb(s->cmap[i]);
        s->full = true;
        tcx_dac_next(s);
        break;
    case TCX_DAC_CTRL:
        /* SIMPLIFY: stored and read back only; the Bt458 would AND
         * pixels with the read mask, blink the planes in the blink mask
         * and take its multiplexing and overlay enables from the command
         * register.  Q ignores them too; Linux writes read mask 0xff,
         * blink mask 0, command 0x73, test 0. */
        if (s->dac_addr >= TCX_BT_READ_MASK && s->dac_addr <= TCX_BT_TEST) {
            s->bt_ctrl[s->dac_addr - TCX_BT_READ_MASK] = v;
        } else {
            guest_error(&s->ctx, "DAC control write 0x%02x with address "
                        "0x%02x (registers are 4-7): ignored", v,
                        s->dac_addr);
        }
        break;
    default:
        /* overlay entries: only the cursor shows them */
        i = s->dac_addr & 3;
        s->omap[i][s->dac_step] = v;
        s->opal[i] = tcx_xrgb(s->omap[i]);
        tcx_touch_cursor(s);
        tcx_dac_next(s);
        break;
    }
    return BUS_OK;
}

static bool tcx_dac_is_stable(void *opaque, uint32_t off)
{
    (void)opaque;
    /* palette reads step through R, G, B */
    return off == TCX_DAC_ADDR || off == TCX_DAC_CTRL;
}

const MmioOps tcx_dac_ops = {
    .read = tcx_dac_read,
    .write = tcx_dac_write,
    .min_size = 1,
    .max_size = 4,
    .is_stable = tcx_dac_is_stable,
};

/* ---- THC ---- */

static BusStatus tcx_thc_read(void *opaque, uint32_t off, unsigned size,
                              uint32_t *val)
{
    Tcx *s = opaque;
    if (!tcx_word_ok(s, "THC", off, size, false)) {
        return BUS_ERR_SIZE;
    }
    /* Q: every other THC register reads 0 (the revision included; the
     * cursor registers are write-only there) */
    *val = off == TCX_THC_MISC ? s->misc : 0;
    return BUS_OK;
}

static void tcx_write_misc(Tcx *s, uint32_t val)
{
    uint32_t old = s->misc;
    /* INT: writing 1 acknowledges (OpenBSD tcx_intr), 0 leaves it;
     * the revision field is read-only (reads 0) */
    s->misc = (val & ~(TCX_MISC_INT | TCX_MISC_REV_MASK)) |
              (old & TCX_MISC_INT & ~val);
    if ((old ^ s->misc) & TCX_MISC_VIDEO) {
        dev_trace(&s->ctx, "video %s",
                  (s->misc & TCX_MISC_VIDEO) ? "on" : "off");
        s->full = true;
    }
    tcx_update_irq(s);
    tcx_arm_vblank(s);
}

static BusStatus tcx_thc_write(void *opaque, uint32_t off, unsigned size,
                               uint32_t val)
{
    Tcx *s = opaque;
    if (!tcx_word_ok(s, "THC", off, size, true)) {
        return BUS_ERR_SIZE;
    }
    if (off == TCX_THC_MISC) {
        tcx_write_misc(s, val);
    } else if (off == TCX_THC_CURSXY) {
        tcx_touch_cursor(s);
        s->curs_x = (uint16_t)(val >> 16);
        s->curs_y = (uint16_t)val;
        tcx_touch_cursor(s);
    } else if (off >= TCX_THC_CURSMASK && off < TCX_THC_CURSMASK + 128) {
        s->curs_mask[(off - TCX_THC_CURSMASK) / 4] = val;
        tcx_touch_cursor(s);
    } else if (off >= TCX_THC_CURSBITS && off < TCX_THC_CURSBITS + 128) {
        s->curs_bits[(off - TCX_THC_CURSBITS) / 4] = val;
        tcx_touch_cursor(s);
    } else {
        /* SIMPLIFY: the video timing registers (0x800-0x814) and the
         * rest are ignored, as in Q: the frame rate stays the FCode's
         * mode's (tcx.h TCX_PIXCLK_HZ) */
        dev_trace(&s->ctx, "THC +0x%03x <- 0x%08x ignored", off, val);
    }
    return BUS_OK;
}

const MmioOps tcx_thc_ops = {
    .read = tcx_thc_read,
    .write = tcx_thc_write,
    .min_size = 1,
    .max_size = 4,
    .is_stable = tcx_always_stable,
};

/* ---- TEC, DHC, ALT, the 8-bit variant's THC24 ---- */

static BusStatus tcx_dummy_read(void *opaque, uint32_t off, unsigned size,
                                uint32_t *val)
{
    Tcx *s = opaque;
    *val = 0;
    return tcx_word_ok(s, "TEC/DHC/ALT", off, size, false) ? BUS_OK
                                                           : BUS_ERR_SIZE;
}

static BusStatus tcx_dummy_write(void *opaque, uint32_t off, unsigned size,
                                 uint32_t val)
{
    Tcx *s = opaque;
    if (!tcx_word_ok(s, "TEC/DHC/ALT", off, size, true)) {
        return BUS_ERR_SIZE;
    }
    /* SIMPLIFY: the transform engine's registers (matrix, clip, ...) and
     * the DHC/ALT spaces do nothing, as in Q; Linux maps the TEC and
     * never touches it. */
    dev_trace(&s->ctx, "+0x%x <- 0x%08x ignored", off, val);
    return BUS_OK;
}

const MmioOps tcx_dummy_ops = {
    .read = tcx_dummy_read,
    .write = tcx_dummy_write,
    .min_size = 1,
    .max_size = 4,
    .is_stable = tcx_always_stable,
};

/* ---- stipple and blit engines ---- */

/*
 * Each operation is a doubleword store (std; the bus hands it over as
 * the high word then the low word): the high word, latched, holds the
 * colour (bits 7:0 for the 8-bit plane, 23:0 for the 24-bit one, 25:24
 * the control-plane mode in the raw spaces) and a raster op in bits
 * 31:28; the low word starts the operation at pixel (offset / 8) & 0xfffff
 * (NetBSD tcx.c; Q).
 *  - STIP: each 1 bit of the low word, bit 31 first, writes the colour to
 *    one of 32 pixels from there: its 8-bit byte and, 24-bit variant, its
 *    24-bit word (the whole latch, as Q stores it).  RSTIP also writes
 *    the latch to the pixel's control-plane word.
 *  - BLIT: low word bits 23:0 a source pixel, 28:24 the length - 1
 *    (1-32 pixels); source 0xffffff fills with the colour (24-bit words
 *    get its bits 23:0), else the pixels are copied from the source, in
 *    the 8-bit plane and (24-bit variant) the 24-bit plane.  RBLIT also
 *    fills or copies the control plane.
 * SIMPLIFY: the raster op is not applied (every op is the copy NetBSD
 * asks for with ROP 3, as in Q); the operation completes inside the
 * store, with no engine busy time.  Pixels past the 1 MB of VRAM are
 * dropped with a guest error (Q would write past the plane).
 */
static uint32_t tcx_clip(Tcx *s, const char *what, uint32_t first,
                         uint32_t n)
{
    if (first >= TCX_VRAM_PIXELS) {
        guest_error(&s->ctx, "%s at pixel 0x%x beyond VRAM: dropped", what,
                    first);
        return 0;
    }
    if (first + n > TCX_VRAM_PIXELS) {
        guest_error(&s->ctx, "%s at pixel 0x%x runs past VRAM: cut", what,
                    first);
        return TCX_VRAM_PIXELS - first;
    }
    return n;
}

static void tcx_stipple(Tcx *s, uint32_t pix, uint32_t mask, bool raw)
{
    uint32_t n = tcx_clip(s, raw ? "RSTIP" : "STIP", pix, 32), i;
    s->stipples++;
    for (i = 0; i < n; i++) {
        if (!(mask & (0x80000000u >> i))) {
            continue;
        }
        s->vram8[pix + i] = (uint8_t)s->latch;
        if (s->depth == 24) {
            bus_st_be32(s->vram24 + 4 * (pix + i), s->latch);
            if (raw) {
                bus_st_be32(s->cplane + 4 * (pix + i), s->latch);
            }
        }
    }
    tcx_mark(s->dirty8, pix, n, 1);
    if (s->depth == 24) {
        tcx_mark(s->dirty24, pix, n, 4);
        if (raw) {
            tcx_mark(s->dirtycp, pix, n, 4);
        }
    }
}

static void tcx_blit(Tcx *s, uint32_t dst, uint32_t cmd, bool raw)
{
    const char *what = raw ? "RBLIT" : "BLIT";
    uint32_t src = cmd & 0xffffffu, len = ((cmd >> 24) & 0x1f) + 1, i;
    uint32_t n = tcx_clip(s, what, dst, len);
    bool fill = src == 0xffffffu;

    s->blits++;
    if (!fill) {
        n = tcx_clip(s, what, src, n);
    }
    if (n == 0) {
        return;
    }
    if (fill) {
        memset(s->vram8 + dst, (uint8_t)s->latch, n);
        if (s->depth == 24) {
            uint32_t px = s->latch & 0xffffffu;
            for (i = 0; i < n; i++) {
                bus_st_be32(s->vram24 + 4 * (dst + i), px);
                if (raw) {
                    bus_st_be32(s->cplane + 4 * (dst + i), px);
                }
            }
        }
    } else {
        memmove(s->vram8 + dst, s->vram8 + src, n);
        if (s->depth == 24) {
            memmove(s->vram24 + 4 * dst, s->vram24 + 4 * src, 4 * n);
            if (raw) {
                memmove(s->cplane + 4 * dst, s->cplane + 4 * src, 4 * n);
            }
        }
    }
    tcx_mark(s->dirty8, dst, n, 1);
    if (s->depth == 24) {
        tcx_mark(s->dirty24, dst, n, 4);
        if (raw) {
            tcx_mark(s->dirtycp, dst, n, 4);
        }
    }
}

static BusStatus tcx_engine_read(void *opaque, uint32_t off, unsigned size,
                                 uint32_t *val)
{
    Tcx *s = opaque;
    *val = 0;
    return tcx_word_ok(s, "STIP/BLIT", off, size, false) ? BUS_OK
                                                         : BUS_ERR_SIZE;
}

static BusStatus tcx_engine_write(Tcx *s, uint32_t off, unsigned size,
                                  uint32_t val, bool blit, bool raw)
{
    if (!tcx_word_ok(s, "STIP/BLIT", off, size, true)) {
        return BUS_ERR_SIZE;
    }
    if (!(off & 4)) {
        s->latch = val;
    } else if (blit) {
        tcx_blit(s, (off >> 3) & 0xfffffu, val, raw);
    } else {
        tcx_stipple(s, (off >> 3) & 0xfffffu, val, raw);
    }
    return BUS_OK;
}

static BusStatus tcx_stip_write(void *opaque, uint32_t off, unsigned size,
                                uint32_t val)
{
    return tcx_engine_write(opaque, off, size, val, false, false);
}

static BusStatus tcx_rstip_write(void *opaque, uint32_t off, unsigned size,
                                 uint32_t val)
{
    return tcx_engine_write(opaque, off, size, val, false, true);
}

static BusStatus tcx_blit_write(void *opaque, uint32_t off, unsigned size,
                                uint32_t val)
{
    return tcx_engine_write(opaque, off, size, val, true, false);
}

static BusStatus tcx_rblit_write(void *opaque, uint32_t off, unsigned size,
                                 uint32_t val)
{
    return tcx_engine_write(opaque, off, size, val, true, true);
}

#define TCX_ENGINE_OPS(wr)                                               \
    {                                                                    \
        .read = tcx_engine_read, .write = (wr), .min_size = 1,           \
        .max_size = 4, .is_stable = tcx_always_stable,                   \
    }

const MmioOps tcx_stip_ops = TCX_ENGINE_OPS(tcx_stip_write);
const MmioOps tcx_rstip_ops = TCX_ENGINE_OPS(tcx_rstip_write);
const MmioOps tcx_blit_ops = TCX_ENGINE_OPS(tcx_blit_write);
const MmioOps tcx_rblit_ops = TCX_ENGINE_OPS(tcx_rblit_write);

/* ---- rendering ---- */

/*
 * One line.  8-bit variant: every pixel through the palette.  24-bit
 * variant (Q tcx24_draw_line32): a pixel whose control-plane word has
 * bit 24 or 25 set shows its 24-bit word directly, bytes 1, 2, 3 being
 * blue, green, red; otherwise its 8-bit byte through the palette.
 * SIMPLIFY: the control plane's other mode bits are not interpreted.
 */
static void tcx_draw_line(const Tcx *s, int y, uint32_t *d)
{
    const uint8_t *p8 = s->vram8 + (size_t)y * TCX_WIDTH;
    int x;
    if (s->depth == 8) {
        for (x = 0; x < TCX_WIDTH; x++) {
            d[x] = s->pal[p8[x]];
        }
        return;
    }
    for (x = 0; x < TCX_WIDTH; x++) {
        size_t w = 4 * ((size_t)y * TCX_WIDTH + x);
        if (s->cplane[w] & 0x03) {
            const uint8_t *q = s->vram24 + w;
            d[x] = (uint32_t)q[3] << 16 | (uint32_t)q[2] << 8 | q[1];
        } else {
            d[x] = s->pal[p8[x]];
        }
    }
}

/*
 * The THC's cursor on line y: where plane A (mask) has a 1 the pixel shows
 * overlay colour 1, or 3 where plane B has a 1 as well; elsewhere the
 * frame buffer shows through.  The overlay index is A + 2B, as Sun's cg6
 * X server (same THC and DAC family) loads its background colour into
 * overlay 1 and its foreground into overlay 3, with bits = mask & image.
 * (Q shows overlay 2 and 3 instead.)  Positions are unsigned 16 bits;
 * X servers hide the cursor at 0xffe0 (X.Org suntcx driver, tcx_cursor.c).
 */
static void tcx_draw_cursor(const Tcx *s, int y, uint32_t *d)
{
    int cy = y - s->curs_y, i;
    uint32_t mask, bits;
    if (cy < 0 || cy >= 32 || s->curs_x >= TCX_WIDTH) {
        return;
    }
    mask = s->curs_mask[cy];
    bits = s->curs_bits[cy];
    for (i = 0; i < 32 && s->curs_x + i < TCX_WIDTH; i++) {
        uint32_t bit = 0x80000000u >> i;
        if (mask & bit) {
            d[s->curs_x + i] = s->opal[(bits & bit) ? 3 : 1];
        }
    }
}

/* Is band b (lines 4b..4b+3) dirty in any plane? */
static bool tcx_band_dirty(const Tcx *s, int b)
{
    int j;
    if (s->band[b] || s->dirty8[b]) {
        return true;
    }
    if (s->depth == 24) {
        for (j = 0; j < TCX_BAND_LINES; j++) {
            if (s->dirty24[TCX_BAND_LINES * b + j] ||
                s->dirtycp[TCX_BAND_LINES * b + j]) {
                return true;
            }
        }
    }
    return false;
}

/* Consume band b's dirty bytes; bits 0, 1, 2 of the result: the 8-bit
 * plane's, the 24-bit plane's, the control plane's were set */
static unsigned tcx_band_clean(Tcx *s, int b)
{
    unsigned was = 0, j;
    uint8_t *d24, *dcp;

    s->band[b] = 0;
    if (s->dirty8[b]) {
        s->dirty8[b] = 0;
        was |= 1;
    }
    if (s->depth == 24) {
        d24 = s->dirty24 + TCX_BAND_LINES * b;
        dcp = s->dirtycp + TCX_BAND_LINES * b;
        for (j = 0; j < TCX_BAND_LINES; j++) {
            was |= (d24[j] ? 2u : 0) | (dcp[j] ? 4u : 0);
            d24[j] = dcp[j] = 0;
        }
    }
    return was;
}

/* Stores must mark the pages we cleared again: the CPU drops its direct
 * write mappings into the blocks whose bytes were consumed */
static void tcx_rearm(Tcx *s, unsigned was)
{
    if (!s->ctx.bus) {
        return;
    }
    if ((was & 1) && s->blk8 >= 0) {
        bus_block_rearm(s->ctx.bus, s->blk8);
    }
    if ((was & 2) && s->blk24 >= 0) {
        bus_block_rearm(s->ctx.bus, s->blk24);
    }
    if ((was & 4) && s->blkcp >= 0) {
        bus_block_rearm(s->ctx.bus, s->blkcp);
    }
}

bool tcx_render(Tcx *s, uint32_t *surface, TcxRect *changed)
{
    int b, first = -1, last = -1, y;
    unsigned was = 0;

    if (!(s->misc & TCX_MISC_VIDEO)) {
        /* video off: black, once; VRAM writes wait for video on */
        if (s->black) {
            return false;
        }
        memset(surface, 0, sizeof(uint32_t) * TCX_WIDTH * TCX_HEIGHT);
        s->black = true;
        s->full = true;
        s->frames_rendered++;
        *changed = (TcxRect){ 0, 0, TCX_WIDTH, TCX_HEIGHT };
        return true;
    }
    s->black = false;
    for (b = 0; b < TCX_BANDS; b++) {
        if (!s->full && !tcx_band_dirty(s, b)) {
            continue;
        }
        was |= tcx_band_clean(s, b);
        for (y = b * TCX_BAND_LINES; y < (b + 1) * TCX_BAND_LINES; y++) {
            uint32_t *d = surface + (size_t)y * TCX_WIDTH;
            tcx_draw_line(s, y, d);
            tcx_draw_cursor(s, y, d);
        }
        s->pages_converted++;
        if (first < 0) {
            first = b;
        }
        last = b;
    }
    s->full = false;
    if (first < 0) {
        return false;
    }
    tcx_rearm(s, was);
    s->frames_rendered++;
    *changed = (TcxRect){ 0, first * TCX_BAND_LINES, TCX_WIDTH,
                          (last - first + 1) * TCX_BAND_LINES };
    return true;
}

/* ---- reset, init ---- */

void tcx_reset(Tcx *s)
{
    unsigned i;

    /* Q tcx_reset: palette black but entry 255, overlay entries 0 and 2
     * white; the Bt458's own power-on contents are undefined */
    memset(s->cmap, 0, sizeof(s->cmap));
    memset(s->omap, 0, sizeof(s->omap));
    memset(s->cmap[255], 0xff, 3);
    memset(s->omap[0], 0xff, 3);
    memset(s->omap[2], 0xff, 3);
    for (i = 0; i < 256; i++) {
        s->pal[i] = tcx_xrgb(s->cmap[i]);
    }
    for (i = 0; i < 4; i++) {
        s->opal[i] = tcx_xrgb(s->omap[i]);
    }
    s->dac_addr = 0;
    s->dac_step = 0;
    /* model: read mask all planes (what Linux sets), the rest 0 */
    s->bt_ctrl[0] = 0xff;
    s->bt_ctrl[1] = s->bt_ctrl[2] = s->bt_ctrl[3] = 0;
    /* Q: the visible part of the 8-bit plane is cleared */
    memset(s->vram8, 0, (size_t)TCX_WIDTH * TCX_HEIGHT);
    /* cursor off screen (Q) */
    s->curs_x = s->curs_y = 0xf000;
    memset(s->curs_mask, 0, sizeof(s->curs_mask));
    memset(s->curs_bits, 0, sizeof(s->curs_bits));
    /* model: video on, interrupt off.  QEMU's FCode (OB tcx.fs) never
     * writes the THC, and QEMU shows the picture whatever the bit says;
     * Sun's own FCode would turn video on before the banner. */
    s->misc = TCX_MISC_VIDEO;
    ev_cancel(s->ctx.events, &s->vblank);
    s->latch = 0;
    s->full = true;
    s->black = false;
    memset(s->band, 0, sizeof(s->band));
    tcx_update_irq(s);
}

/* A VRAM buffer of size bytes with its dirty map, as bus block *blk */
static int tcx_vram(Tcx *s, const char *name, uint32_t off, size_t size,
                    uint8_t **host, uint8_t **dirty, int *blk, char *err,
                    size_t errlen)
{
    *host = calloc(1, size);
    *dirty = calloc(1, size >> BUS_PAGE_SHIFT);
    if (!*host || !*dirty) {
        snprintf(err, errlen, "tcx: out of memory for %s", name);
        return -1;
    }
    if (s->ctx.bus) {
        *blk = bus_add_block(s->ctx.bus, name, s->ctx.base + off, size,
                             *host, *dirty, false);
        if (*blk < 0) {
            snprintf(err, errlen, "tcx: no free bus block for %s", name);
            return -1;
        }
    }
    return 0;
}

int tcx_init(Tcx *s, const DevCtx *ctx, IrqLine irq, const TcxConfig *cfg,
             char *err, size_t errlen)
{
    memset(s, 0, sizeof(*s));
    s->ctx = *ctx;
    s->irq = irq;
    s->blk8 = s->blk24 = s->blkcp = -1;
    ev_init(&s->vblank, "tcx-vblank", tcx_vblank_event, s);

    if (cfg->depth != 8 && cfg->depth != 24) {
        snprintf(err, errlen,
                 "tcx: depth %u (8 or 24)", cfg->depth);
        return -1;
    }
    if (cfg->width != TCX_WIDTH || cfg->height != TCX_HEIGHT) {
        snprintf(err, errlen,
                 "tcx: resolution %ux%u (only 1024x768)", cfg->width,
                 cfg->height);
        return -1;
    }
    if (cfg->rom_len > TCX_ROM_SIZE || (cfg->rom_len && !cfg->rom)) {
        snprintf(err, errlen,
                 "tcx: FCode ROM of %zu bytes (at most %u)", cfg->rom_len,
                 TCX_ROM_SIZE);
        return -1;
    }
    if (ctx->size && ctx->size < TCX_SLOT_SIZE) {
        snprintf(err, errlen, "tcx: slot window smaller than 256 MB");
        return -1;
    }
    s->depth = cfg->depth;
    s->width = cfg->width;
    s->height = cfg->height;
    if (cfg->rom_len) {
        memcpy(s->rom, cfg->rom, cfg->rom_len);
    }
    /* cycles a frame: 1344 x 806 pixel clocks at 65 MHz (60.004 Hz);
     * 1,833,216 at 110 MHz */
    s->frame = (Cycles)((unsigned __int128)ctx->hz * TCX_HTOTAL *
                        TCX_VTOTAL / TCX_PIXCLK_HZ);
    if (s->frame == 0) {
        s->frame = 1;
    }

    if (tcx_vram(s, "tcx-dfb8", TCX_DFB8_OFF, TCX_DFB8_SIZE, &s->vram8,
                 &s->dirty8, &s->blk8, err, errlen) < 0) {
        return -1;
    }
    if (s->depth == 24 &&
        (tcx_vram(s, "tcx-dfb24", TCX_DFB24_OFF, TCX_DFB24_SIZE,
                  &s->vram24, &s->dirty24, &s->blk24, err, errlen) < 0 ||
         tcx_vram(s, "tcx-cplane", TCX_CPLANE_OFF, TCX_CPLANE_SIZE,
                  &s->cplane, &s->dirtycp, &s->blkcp, err, errlen) < 0)) {
        return -1;
    }

    dev_map(ctx, TCX_ROM_OFF, TCX_ROM_SIZE, &tcx_rom_ops, s, "tcx-rom");
    dev_map(ctx, TCX_DAC_OFF, TCX_DAC_SIZE, &tcx_dac_ops, s, "tcx-dac");
    dev_map(ctx, TCX_DHC_OFF, TCX_DHC_SIZE, &tcx_dummy_ops, s, "tcx-dhc");
    dev_map(ctx, TCX_ALT_OFF, TCX_ALT_SIZE, &tcx_dummy_ops, s, "tcx-alt");
    if (s->depth == 8) {
        dev_map(ctx, TCX_THC8_OFF, TCX_THC_SIZE, &tcx_thc_ops, s,
                "tcx-thc");
        /* Q: NetBSD writes the 24-bit THC address on an 8-bit card */
        dev_map(ctx, TCX_THC24_OFF, TCX_THC_SIZE, &tcx_dummy_ops, s,
                "tcx-thc24");
    } else {
        dev_map(ctx, TCX_THC24_OFF, TCX_THC_SIZE, &tcx_thc_ops, s,
                "tcx-thc");
    }
    dev_map(ctx, TCX_TEC_OFF, TCX_TEC_SIZE, &tcx_dummy_ops, s, "tcx-tec");
    dev_map(ctx, TCX_STIP_OFF, TCX_ENGINE_SIZE, &tcx_stip_ops, s,
            "tcx-stip");
    dev_map(ctx, TCX_BLIT_OFF, TCX_ENGINE_SIZE, &tcx_blit_ops, s,
            "tcx-blit");
    dev_map(ctx, TCX_RSTIP_OFF, TCX_ENGINE_SIZE, &tcx_rstip_ops, s,
            "tcx-rstip");
    dev_map(ctx, TCX_RBLIT_OFF, TCX_ENGINE_SIZE, &tcx_rblit_ops, s,
            "tcx-rblit");
    tcx_reset(s);
    return 0;
}

void tcx_free(Tcx *s)
{
    if (s->ctx.events) {
        ev_cancel(s->ctx.events, &s->vblank);
    }
    free(s->vram8);
    free(s->vram24);
    free(s->cplane);
    free(s->dirty8);
    free(s->dirty24);
    free(s->dirtycp);
    s->vram8 = s->vram24 = s->cplane = NULL;
    s->dirty8 = s->dirty24 = s->dirtycp = NULL;
}
