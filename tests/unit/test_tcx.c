/*
 * Unit tests of the TCX framebuffer (hw/chips/tcx.c): configuration
 * errors, the FCode ROM, the DAC's palette and control registers, the
 * rendering of the 8-bit and 24-bit variants, dirty tracking through the
 * bus's device blocks, video disable, the THC cursor, the vertical-blank
 * interrupt in virtual cycles, the stipple and blit engines, and guest
 * errors for bad accesses.
 *
 * The TCX is mapped on a real Bus at the SS-5's slot 3 and driven with
 * bus_read/bus_write as the CPU would; VRAM stores go through the bus's
 * device block, which marks the dirty map as it does for every store that
 * does not use the CPU's direct mapping.
 *
 * Built and run by `make check-unit`.
 */
#include <stdint.h>
#include <string.h>

#include "hw/chips/tcx.h"
#include "hw/core/bus.h"
#include "hw/core/event.h"
#include "hw/core/log.h"
#include "rig.h"

#define CPU_HZ 110000000ull
#define SLOT_PA 0x50000000ull
#define LINE_TCX 11                 /* SLAVIO source bit 11 */
#define FRAME_CYCLES 1833216ull     /* 1344 x 806 / 65 MHz at 110 MHz */

#define DAC_PA (SLOT_PA + TCX_DAC_OFF)
#define THC8_PA (SLOT_PA + TCX_THC8_OFF)
#define THC24_PA (SLOT_PA + TCX_THC24_OFF)
#define DFB8_PA (SLOT_PA + TCX_DFB8_OFF)
#define DFB24_PA (SLOT_PA + TCX_DFB24_OFF)
#define CPLANE_PA (SLOT_PA + TCX_CPLANE_OFF)

static UnitRig rig;
static Tcx tcx;
static bool tcx_up;
static uint32_t surf[TCX_WIDTH * TCX_HEIGHT];
static GPAddr thc_pa;

static void teardown(void)
{
    if (tcx_up) {
        tcx_free(&tcx);
        tcx_up = false;
    }
    rig_down(&rig);
}

static void setup_rom(unsigned depth, const uint8_t *rom, size_t len)
{
    DevCtx c;
    TcxConfig cfg = { depth, TCX_WIDTH, TCX_HEIGHT, rom, len };
    char err[128];

    teardown();
    rig_up(&rig, 0x100000, CPU_HZ);
    c = rig_ctx(&rig, "tcx", LOG_TCX, SLOT_PA, TCX_SLOT_SIZE);
    CU_ASSERT_FATAL(tcx_init(&tcx, &c, rig_irq_line(&rig, LINE_TCX),
                             &cfg, err, sizeof(err)) == 0);
    tcx_up = true;
    thc_pa = depth == 8 ? THC8_PA : THC24_PA;
    memset(surf, 0x55, sizeof(surf));
}

static void setup(unsigned depth)
{
    setup_rom(depth, NULL, 0);
}

static uint64_t errors(void)
{
    return rig.log.guest_errors[LOG_TCX];
}

static uint32_t rd32(GPAddr pa)
{
    return rig_rd(&rig, pa, 4);
}

static void wr32(GPAddr pa, uint32_t v)
{
    rig_wr(&rig, pa, 4, v);
}

/* Linux tcx_setcolreg: address, then R, G, B in bits 31:24 */
static void set_color(unsigned i, uint8_t r, uint8_t g, uint8_t b)
{
    wr32(DAC_PA + TCX_DAC_ADDR, i << 24);
    wr32(DAC_PA + TCX_DAC_CMAP, (uint32_t)r << 24);
    wr32(DAC_PA + TCX_DAC_CMAP, (uint32_t)g << 24);
    wr32(DAC_PA + TCX_DAC_CMAP, (uint32_t)b << 24);
}

static void set_overlay(unsigned i, uint8_t r, uint8_t g, uint8_t b)
{
    wr32(DAC_PA + TCX_DAC_ADDR, i << 24);
    wr32(DAC_PA + TCX_DAC_OMAP, (uint32_t)r << 24);
    wr32(DAC_PA + TCX_DAC_OMAP, (uint32_t)g << 24);
    wr32(DAC_PA + TCX_DAC_OMAP, (uint32_t)b << 24);
}

static uint32_t px(int x, int y)
{
    return surf[y * TCX_WIDTH + x];
}

/* Render and return the pages converted by this call */
static uint64_t render(bool *changed, TcxRect *r)
{
    uint64_t before = tcx.pages_converted;
    TcxRect dummy;
    *changed = tcx_render(&tcx, surf, r ? r : &dummy);
    return tcx.pages_converted - before;
}

static void flush(void)
{
    bool ch;
    render(&ch, NULL);
}

/* The CPU's side of bus_block_rearm: which blocks lost their direct
 * write mappings */
typedef struct Rearms {
    unsigned n;
    const RamBlock *last;
} Rearms;

static void count_rearm(void *opaque, const RamBlock *rb)
{
    Rearms *ra = opaque;
    ra->n++;
    ra->last = rb;
}

/* A doubleword store, as std does (high word first on MMIO) */
static BusStatus wr64(GPAddr pa, uint64_t v)
{
    return rig_try_wr(&rig, pa, 8, v);
}

/* ---- configuration ---- */

static void test_init_errors(void)
{
    DevCtx c;
    Tcx t;
    char err[128];
    uint8_t big = 0;
    TcxConfig bad_depth = { 16, TCX_WIDTH, TCX_HEIGHT, NULL, 0 };
    TcxConfig bad_res = { 8, 1152, 900, NULL, 0 };
    TcxConfig bad_rom = { 8, TCX_WIDTH, TCX_HEIGHT, &big,
                          TCX_ROM_SIZE + 1 };

    teardown();
    rig_up(&rig, 0x100000, CPU_HZ);
    c = rig_ctx(&rig, "tcx", LOG_TCX, SLOT_PA, TCX_SLOT_SIZE);
    CU_ASSERT_EQUAL(tcx_init(&t, &c, rig_irq_line(&rig, LINE_TCX),
                             &bad_depth, err, sizeof(err)), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "depth"));
    tcx_free(&t);
    CU_ASSERT_EQUAL(tcx_init(&t, &c, rig_irq_line(&rig, LINE_TCX),
                             &bad_res, err, sizeof(err)), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "1152x900"));
    tcx_free(&t);
    CU_ASSERT_EQUAL(tcx_init(&t, &c, rig_irq_line(&rig, LINE_TCX),
                             &bad_rom, err, sizeof(err)), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "ROM"));
    tcx_free(&t);
    /* nothing was mapped: the slot still gives bus errors */
    CU_ASSERT_EQUAL(rig_try_rd(&rig, SLOT_PA, 1, NULL), BUS_ERR_UNMAPPED);
    rig_down(&rig);
}

static void test_layout_8bit(void)
{
    setup(8);
    CU_ASSERT_EQUAL(tcx_width(&tcx), 1024);
    CU_ASSERT_EQUAL(tcx_height(&tcx), 768);
    /* the 8-bit variant: THC at 0x300000, a dummy at 0x301000, no 24-bit
     * planes */
    CU_ASSERT_EQUAL(rd32(THC8_PA + TCX_THC_MISC), TCX_MISC_VIDEO);
    CU_ASSERT_EQUAL(rd32(THC24_PA + TCX_THC_MISC), 0);
    CU_ASSERT_EQUAL(rig_try_rd(&rig, DFB24_PA, 4, NULL), BUS_ERR_UNMAPPED);
    CU_ASSERT_EQUAL(rig_try_rd(&rig, CPLANE_PA, 4, NULL), BUS_ERR_UNMAPPED);
    /* every other space answers */
    CU_ASSERT_EQUAL(rd32(SLOT_PA + TCX_TEC_OFF), 0);
    CU_ASSERT_EQUAL(rd32(SLOT_PA + 0x701000), 0);   /* the FCode's TEC */
    CU_ASSERT_EQUAL(rd32(SLOT_PA + TCX_DHC_OFF), 0);
    CU_ASSERT_EQUAL(rd32(SLOT_PA + TCX_ALT_OFF + 0x7ffc), 0);
    CU_ASSERT_EQUAL(rd32(SLOT_PA + TCX_STIP_OFF), 0);
    CU_ASSERT_EQUAL(rd32(SLOT_PA + TCX_RBLIT_OFF + 0x7ffffc), 0);
    CU_ASSERT_EQUAL(rd32(DFB8_PA + TCX_DFB8_SIZE - 4), 0);
    CU_ASSERT_EQUAL(rig_try_rd(&rig, DFB8_PA + TCX_DFB8_SIZE, 4, NULL),
                    BUS_ERR_UNMAPPED);
    CU_ASSERT_EQUAL(errors(), 0);
    teardown();
}

static void test_layout_24bit(void)
{
    setup(24);
    CU_ASSERT_EQUAL(rd32(THC24_PA + TCX_THC_MISC), TCX_MISC_VIDEO);
    /* Q maps nothing at 0x300000 in the 24-bit variant */
    CU_ASSERT_EQUAL(rig_try_rd(&rig, THC8_PA, 4, NULL), BUS_ERR_UNMAPPED);
    CU_ASSERT_EQUAL(rd32(DFB24_PA + TCX_DFB24_SIZE - 4), 0);
    CU_ASSERT_EQUAL(rd32(CPLANE_PA + TCX_CPLANE_SIZE - 4), 0);
    teardown();
}

/* ---- ROM ---- */

static void test_rom(void)
{
    static const uint8_t fcode[] = { 0xf1, 0x08, 0x1c, 0x02, 0x00, 0x00 };
    uint64_t e;

    setup_rom(8, fcode, sizeof(fcode));
    CU_ASSERT_EQUAL(rig_rd(&rig, SLOT_PA, 1), 0xf1);
    CU_ASSERT_EQUAL(rig_rd(&rig, SLOT_PA + 1, 1), 0x08);
    CU_ASSERT_EQUAL(rig_rd(&rig, SLOT_PA, 4), 0xf1081c02u);
    CU_ASSERT_EQUAL(rig_rd(&rig, SLOT_PA + 2, 2), 0x1c02);
    /* past the file, up to 64 KB: 0 (Q) */
    CU_ASSERT_EQUAL(rig_rd(&rig, SLOT_PA + 0x100, 4), 0);
    CU_ASSERT_EQUAL(rig_rd(&rig, SLOT_PA + TCX_ROM_SIZE - 1, 1), 0);
    /* read-only: a write is a guest error and changes nothing */
    e = errors();
    rig_wr(&rig, SLOT_PA, 1, 0x00);
    CU_ASSERT_EQUAL(errors(), e + 1);
    CU_ASSERT_EQUAL(rig_rd(&rig, SLOT_PA, 1), 0xf1);
    /* without a ROM image the slot reads 0 (OpenBIOS then says "Invalid
     * FCode start byte", as with QEMU without the file) */
    setup(8);
    CU_ASSERT_EQUAL(rig_rd(&rig, SLOT_PA, 1), 0x00);
    teardown();
}

/* ---- DAC ---- */

static void test_dac_palette(void)
{
    setup(8);
    /* Linux's sequence, then one more entry by auto-increment */
    set_color(5, 0x11, 0x22, 0x33);
    wr32(DAC_PA + TCX_DAC_CMAP, 0x44000000);
    wr32(DAC_PA + TCX_DAC_CMAP, 0x55000000);
    wr32(DAC_PA + TCX_DAC_CMAP, 0x66000000);
    CU_ASSERT_EQUAL(tcx.pal[5], 0x112233u);
    CU_ASSERT_EQUAL(tcx.pal[6], 0x445566u);
    /* the address register reads back, moved on past both entries */
    CU_ASSERT_EQUAL(rd32(DAC_PA + TCX_DAC_ADDR) >> 24, 7);
    /* read back in the same R, G, B sequence */
    wr32(DAC_PA + TCX_DAC_ADDR, 5u << 24);
    CU_ASSERT_EQUAL(rd32(DAC_PA + TCX_DAC_CMAP), 0x11000000u);
    CU_ASSERT_EQUAL(rd32(DAC_PA + TCX_DAC_CMAP), 0x22000000u);
    CU_ASSERT_EQUAL(rd32(DAC_PA + TCX_DAC_CMAP), 0x33000000u);
    CU_ASSERT_EQUAL(rd32(DAC_PA + TCX_DAC_CMAP), 0x44000000u);
    /* writing the address restarts the sequence at red */
    wr32(DAC_PA + TCX_DAC_ADDR, 6u << 24);
    wr32(DAC_PA + TCX_DAC_CMAP, 0x77000000);
    CU_ASSERT_EQUAL(tcx.pal[6], 0x775566u);
    /* OpenBIOS's color! puts the value in every byte */
    wr32(DAC_PA + TCX_DAC_ADDR, 0x09090909);
    wr32(DAC_PA + TCX_DAC_CMAP, 0xabababab);
    wr32(DAC_PA + TCX_DAC_CMAP, 0xcdcdcdcd);
    wr32(DAC_PA + TCX_DAC_CMAP, 0xefefefef);
    CU_ASSERT_EQUAL(tcx.pal[9], 0xabcdefu);
    /* the address wraps from 255 to 0 */
    set_color(255, 1, 2, 3);
    wr32(DAC_PA + TCX_DAC_CMAP, 0x0a000000);
    CU_ASSERT_EQUAL(rd32(DAC_PA + TCX_DAC_ADDR) >> 24, 0);
    CU_ASSERT_EQUAL(tcx.cmap[0][0], 0x0a);
    CU_ASSERT_EQUAL(errors(), 0);
    teardown();
}

static void test_dac_control_and_overlay(void)
{
    uint64_t e;

    setup(8);
    /* Linux's DAC initialisation (tcx_probe) */
    wr32(DAC_PA + TCX_DAC_ADDR, 0x04u << 24);
    wr32(DAC_PA + TCX_DAC_CTRL, 0xffu << 24);
    wr32(DAC_PA + TCX_DAC_ADDR, 0x05u << 24);
    wr32(DAC_PA + TCX_DAC_CTRL, 0x00u << 24);
    wr32(DAC_PA + TCX_DAC_ADDR, 0x06u << 24);
    wr32(DAC_PA + TCX_DAC_CTRL, 0x73u << 24);
    wr32(DAC_PA + TCX_DAC_ADDR, 0x07u << 24);
    wr32(DAC_PA + TCX_DAC_CTRL, 0x00u << 24);
    wr32(DAC_PA + TCX_DAC_ADDR, 0x06u << 24);
    CU_ASSERT_EQUAL(rd32(DAC_PA + TCX_DAC_CTRL), 0x73000000u);
    wr32(DAC_PA + TCX_DAC_ADDR, 0x04u << 24);
    CU_ASSERT_EQUAL(rd32(DAC_PA + TCX_DAC_CTRL), 0xff000000u);
    CU_ASSERT_EQUAL(errors(), 0);
    /* a control access with another address: guest error, no effect */
    e = errors();
    wr32(DAC_PA + TCX_DAC_ADDR, 0x02u << 24);
    wr32(DAC_PA + TCX_DAC_CTRL, 0x12u << 24);
    CU_ASSERT_EQUAL(rd32(DAC_PA + TCX_DAC_CTRL), 0);
    CU_ASSERT_EQUAL(errors(), e + 2);
    /* overlay entries 0-3 by the low address bits, with auto-increment */
    set_overlay(1, 0x10, 0x20, 0x30);
    wr32(DAC_PA + TCX_DAC_OMAP, 0x40000000);
    wr32(DAC_PA + TCX_DAC_OMAP, 0x50000000);
    wr32(DAC_PA + TCX_DAC_OMAP, 0x60000000);
    CU_ASSERT_EQUAL(tcx.opal[1], 0x102030u);
    CU_ASSERT_EQUAL(tcx.opal[2], 0x405060u);
    set_overlay(7, 1, 2, 3);            /* address 7: entry 3 */
    CU_ASSERT_EQUAL(tcx.opal[3], 0x010203u);
    wr32(DAC_PA + TCX_DAC_ADDR, 0x01u << 24);
    CU_ASSERT_EQUAL(rd32(DAC_PA + TCX_DAC_OMAP), 0x10000000u);
    teardown();
}

/* ---- rendering ---- */

static void test_render_8bit(void)
{
    bool ch;
    TcxRect r;

    setup(8);
    set_color(1, 0xff, 0x00, 0x00);
    set_color(2, 0x00, 0x80, 0x00);
    rig_wr(&rig, DFB8_PA + 0, 1, 1);
    rig_wr(&rig, DFB8_PA + 1, 1, 2);
    rig_wr(&rig, DFB8_PA + 767 * 1024 + 1023, 1, 255);
    /* the first render converts everything */
    CU_ASSERT_EQUAL(render(&ch, &r), TCX_BANDS);
    CU_ASSERT_TRUE(ch);
    CU_ASSERT_EQUAL(r.x, 0);
    CU_ASSERT_EQUAL(r.y, 0);
    CU_ASSERT_EQUAL(r.w, 1024);
    CU_ASSERT_EQUAL(r.h, 768);
    CU_ASSERT_EQUAL(px(0, 0), 0xff0000u);
    CU_ASSERT_EQUAL(px(1, 0), 0x008000u);
    CU_ASSERT_EQUAL(px(2, 0), 0x000000u);
    CU_ASSERT_EQUAL(px(1023, 767), 0xffffffu);    /* Q: 255 is white */
    CU_ASSERT_EQUAL(tcx.frames_rendered, 1);
    teardown();
}

static void test_dirty_tracking(void)
{
    bool ch;
    TcxRect r;
    Rearms ra = { 0, NULL };
    int i;

    setup(8);
    flush();
    rig.bus.write_protect = count_rearm;
    rig.bus.code_opaque = &ra;
    /* nothing written: nothing converted, nothing rearmed */
    CU_ASSERT_EQUAL(render(&ch, &r), 0);
    CU_ASSERT_FALSE(ch);
    CU_ASSERT_EQUAL(tcx.frames_rendered, 1);
    CU_ASSERT_EQUAL(ra.n, 0);
    /* a store through the bus marks its page */
    set_color(7, 0x12, 0x34, 0x56);
    flush();
    rig_wr(&rig, DFB8_PA + 100 * 1024 + 10, 1, 7);
    CU_ASSERT_EQUAL(tcx.dirty8[(100 * 1024) >> 12], 1);
    CU_ASSERT_EQUAL(tcx.dirty8[0], 0);
    /* only that page (lines 100-103) is converted */
    CU_ASSERT_EQUAL(render(&ch, &r), 1);
    CU_ASSERT_TRUE(ch);
    CU_ASSERT_EQUAL(r.x, 0);
    CU_ASSERT_EQUAL(r.y, 100);
    CU_ASSERT_EQUAL(r.w, 1024);
    CU_ASSERT_EQUAL(r.h, 4);
    CU_ASSERT_EQUAL(px(10, 100), 0x123456u);
    CU_ASSERT_EQUAL(tcx.dirty8[25], 0);
    /* the consumed page must be marked again by the next store: the
     * 8-bit plane's block is rearmed, once */
    CU_ASSERT_EQUAL(ra.n, 1);
    CU_ASSERT_PTR_EQUAL(ra.last, bus_ram_block(&rig.bus, DFB8_PA));
    /* a page elsewhere is not redrawn: the surface keeps what we put */
    surf[0] = 0xdeadbeef;
    rig_wr(&rig, DFB8_PA + 200 * 1024, 4, 0x07070707);
    CU_ASSERT_EQUAL(render(&ch, &r), 1);
    CU_ASSERT_EQUAL(r.y, 200);
    CU_ASSERT_EQUAL(surf[0], 0xdeadbeef);
    CU_ASSERT_EQUAL(px(3, 200), 0x123456u);
    /* two pages: the rectangle spans both */
    rig_wr(&rig, DFB8_PA + 8 * 1024, 1, 7);
    rig_wr(&rig, DFB8_PA + 20 * 1024, 1, 7);
    CU_ASSERT_EQUAL(render(&ch, &r), 2);
    CU_ASSERT_EQUAL(r.y, 8);
    CU_ASSERT_EQUAL(r.h, 16);
    /* VRAM past the visible 768 lines is never shown */
    rig_wr(&rig, DFB8_PA + 800 * 1024, 1, 7);
    CU_ASSERT_EQUAL(render(&ch, &r), 0);
    CU_ASSERT_FALSE(ch);
    /* a cursor move converts its bands but consumes no dirty byte */
    ra.n = 0;
    wr32(thc_pa + TCX_THC_CURSXY, (10u << 16) | 300);
    CU_ASSERT_EQUAL(render(&ch, &r), 8);
    CU_ASSERT_EQUAL(ra.n, 0);
    /* a palette change redraws everything */
    set_color(3, 1, 1, 1);
    CU_ASSERT_EQUAL(render(&ch, &r), TCX_BANDS);
    CU_ASSERT_EQUAL(r.h, 768);
    CU_ASSERT_EQUAL(surf[0], 0);
    /* and then nothing again; every visible dirty byte was consumed */
    CU_ASSERT_EQUAL(render(&ch, &r), 0);
    for (i = 0; i < TCX_BANDS; i++) {
        CU_ASSERT_EQUAL(tcx.dirty8[i], 0);
    }
    teardown();
}

static void test_bus_marks_dirty(void)
{
    uint64_t ext;
    const RamBlock *rb;

    setup(24);
    rb = bus_ram_block(&rig.bus, DFB8_PA);
    CU_ASSERT_PTR_NOT_NULL_FATAL(rb);
    CU_ASSERT_PTR_EQUAL(rb->host, tcx.vram8);
    CU_ASSERT_PTR_EQUAL(rb->dirty, tcx.dirty8);
    CU_ASSERT_FALSE(rb->readonly);
    CU_ASSERT_PTR_EQUAL(bus_ram_map(&rig.bus, DFB24_PA + 8, 4, BUS_MAP_WRITE,
                                    &ext), tcx.vram24 + 8);
    flush();
    /* a store anywhere in each plane marks that plane's page */
    rig_wr(&rig, DFB24_PA + 5 * 4096 + 12, 4, 0x00ffffff);
    CU_ASSERT_EQUAL(tcx.dirty24[5], 1);
    rig_wr(&rig, CPLANE_PA + 9 * 4096, 2, 0x0300);
    CU_ASSERT_EQUAL(tcx.dirtycp[9], 1);
    /* a doubleword store to VRAM goes straight in, big-endian */
    CU_ASSERT_EQUAL(rig_try_wr(&rig, DFB8_PA + 4096 * 3, 8,
                               0x0102030405060708ull), BUS_OK);
    CU_ASSERT_EQUAL(tcx.vram8[4096 * 3], 0x01);
    CU_ASSERT_EQUAL(tcx.vram8[4096 * 3 + 7], 0x08);
    CU_ASSERT_EQUAL(tcx.dirty8[3], 1);
    teardown();
}

static void test_video_disable(void)
{
    bool ch;
    TcxRect r;
    int y;

    setup(8);
    set_color(4, 0x20, 0x40, 0x60);
    memset(tcx.vram8, 4, TCX_WIDTH * TCX_HEIGHT);
    flush();
    CU_ASSERT_EQUAL(px(500, 500), 0x204060u);
    /* Linux tcx_blank(FB_BLANK_NORMAL): clear VIDEO */
    wr32(thc_pa + TCX_THC_MISC, rd32(thc_pa + TCX_THC_MISC) &
         ~TCX_MISC_VIDEO);
    CU_ASSERT_EQUAL(render(&ch, &r), 0);
    CU_ASSERT_TRUE(ch);
    CU_ASSERT_EQUAL(r.h, 768);
    for (y = 0; y < TCX_HEIGHT; y += 97) {
        CU_ASSERT_EQUAL(px(y, y), 0);
    }
    /* still off: nothing to do, and writes wait */
    CU_ASSERT_FALSE(tcx_render(&tcx, surf, &r));
    rig_wr(&rig, DFB8_PA + 4096 * 10, 1, 0);
    CU_ASSERT_FALSE(tcx_render(&tcx, surf, &r));
    CU_ASSERT_EQUAL(px(0, 40), 0);
    /* unblank (Linux: clear the sync disables, set VIDEO): all back */
    wr32(thc_pa + TCX_THC_MISC, (rd32(thc_pa + TCX_THC_MISC) &
         ~(TCX_MISC_VSYNC_DIS | TCX_MISC_HSYNC_DIS)) | TCX_MISC_VIDEO);
    CU_ASSERT_EQUAL(render(&ch, &r), TCX_BANDS);
    CU_ASSERT_EQUAL(px(500, 500), 0x204060u);
    CU_ASSERT_EQUAL(px(0, 40), 0);      /* the byte written while off */
    CU_ASSERT_EQUAL(px(1, 40), 0x204060u);
    teardown();
}

static void test_cursor(void)
{
    bool ch;
    TcxRect r;
    int i;

    setup(8);
    set_color(0, 0x00, 0x00, 0x80);
    set_overlay(1, 0xaa, 0xaa, 0xaa);   /* background */
    set_overlay(3, 0x11, 0x22, 0x33);   /* foreground */
    flush();
    for (i = 0; i < 32; i++) {
        /* the left 16 pixels in the mask; bits on its left 8 */
        wr32(thc_pa + TCX_THC_CURSMASK + 4 * i, 0xffff0000u);
        wr32(thc_pa + TCX_THC_CURSBITS + 4 * i, 0xff000000u);
    }
    /* the cursor is off screen since reset: nothing to redraw yet */
    CU_ASSERT_EQUAL(render(&ch, &r), 0);
    wr32(thc_pa + TCX_THC_CURSXY, (100u << 16) | 50);
    CU_ASSERT_EQUAL(render(&ch, &r), 9);   /* lines 48..83 */
    CU_ASSERT_EQUAL(r.y, 48);
    CU_ASSERT_EQUAL(r.h, 36);
    CU_ASSERT_EQUAL(px(99, 50), 0x000080u);
    CU_ASSERT_EQUAL(px(100, 50), 0x112233u);
    CU_ASSERT_EQUAL(px(107, 81), 0x112233u);
    CU_ASSERT_EQUAL(px(108, 50), 0xaaaaaau);
    CU_ASSERT_EQUAL(px(115, 50), 0xaaaaaau);
    CU_ASSERT_EQUAL(px(116, 50), 0x000080u);
    CU_ASSERT_EQUAL(px(100, 49), 0x000080u);
    CU_ASSERT_EQUAL(px(100, 82), 0x000080u);
    /* move: the old place shows the frame buffer again */
    wr32(thc_pa + TCX_THC_CURSXY, (600u << 16) | 400);
    CU_ASSERT_EQUAL(render(&ch, &r), 9 + 8);    /* 48..83, 400..431 */
    CU_ASSERT_EQUAL(px(100, 50), 0x000080u);
    CU_ASSERT_EQUAL(px(600, 400), 0x112233u);
    /* cut at the right edge */
    wr32(thc_pa + TCX_THC_CURSXY, (1020u << 16) | 0);
    flush();
    CU_ASSERT_EQUAL(px(1023, 0), 0x112233u);
    CU_ASSERT_EQUAL(px(1019, 0), 0x000080u);
    /* hidden as X servers do (0xffe0) */
    wr32(thc_pa + TCX_THC_CURSXY, 0xffe0ffe0u);
    flush();
    CU_ASSERT_EQUAL(px(1023, 0), 0x000080u);
    /* a VRAM write under the cursor keeps the cursor on top */
    wr32(thc_pa + TCX_THC_CURSXY, (0u << 16) | 0);
    flush();
    rig_wr(&rig, DFB8_PA + 1, 1, 255);
    rig_wr(&rig, DFB8_PA + 20, 1, 255);
    flush();
    CU_ASSERT_EQUAL(px(1, 0), 0x112233u);
    CU_ASSERT_EQUAL(px(20, 0), 0xffffffu);
    /* changing an overlay colour redraws the cursor */
    set_overlay(3, 0x44, 0x44, 0x44);
    CU_ASSERT_EQUAL(render(&ch, &r), 8);
    CU_ASSERT_EQUAL(px(1, 0), 0x444444u);
    teardown();
}

static void test_render_24bit(void)
{
    bool ch;
    TcxRect r;
    uint32_t i;

    setup(24);
    set_color(9, 0x09, 0x09, 0x09);
    rig_wr(&rig, DFB8_PA + 0, 1, 9);
    rig_wr(&rig, DFB8_PA + 1, 1, 9);
    /* pixel 1: 24-bit direct, word 0x00BBGGRR */
    rig_wr(&rig, DFB24_PA + 4, 4, 0x00332211);
    rig_wr(&rig, CPLANE_PA + 4, 4, 0x03000000);
    flush();
    CU_ASSERT_EQUAL(px(0, 0), 0x090909u);
    CU_ASSERT_EQUAL(px(1, 0), 0x112233u);
    /* either mode bit selects the 24-bit word */
    rig_wr(&rig, CPLANE_PA + 4, 4, 0x01000000);
    CU_ASSERT_EQUAL(render(&ch, &r), 1);
    CU_ASSERT_EQUAL(px(1, 0), 0x112233u);
    /* a store to the 24-bit plane of line 700 redraws its band only */
    rig_wr(&rig, DFB24_PA + 4 * (700 * 1024 + 5), 4, 0x00ffffff);
    rig_wr(&rig, CPLANE_PA + 4 * (700 * 1024 + 5), 4, 0x03000000);
    CU_ASSERT_EQUAL(render(&ch, &r), 1);
    CU_ASSERT_EQUAL(r.y, 700);
    CU_ASSERT_EQUAL(r.h, 4);
    CU_ASSERT_EQUAL(px(5, 700), 0xffffffu);
    /* Linux __tcx_set_control_plane: clear the top byte of every word:
     * every pixel back to 8-bit */
    for (i = 0; i < TCX_WIDTH * TCX_HEIGHT; i++) {
        uint32_t v = rig_rd(&rig, CPLANE_PA + 4 * i, 4);
        rig_wr(&rig, CPLANE_PA + 4 * i, 4, v & 0xffffff);
    }
    CU_ASSERT_EQUAL(render(&ch, &r), TCX_BANDS);
    CU_ASSERT_EQUAL(px(1, 0), 0x090909u);
    CU_ASSERT_EQUAL(px(5, 700), 0u);
    teardown();
}

/* ---- vertical blank ---- */

static void test_vblank(void)
{
    Cycles t;

    setup(8);
    /* never enabled: no event at all */
    CU_ASSERT_EQUAL(ev_next_deadline(&rig.q), CYCLES_NEVER);
    CU_ASSERT_EQUAL(tcx.frame, FRAME_CYCLES);
    rig_run_for(&rig, 10 * FRAME_CYCLES);
    CU_ASSERT_EQUAL(rig.irq.rises[LINE_TCX], 0);
    CU_ASSERT_EQUAL(rd32(thc_pa + TCX_THC_MISC) & TCX_MISC_INT, 0);
    /* enable at a frame boundary: pending one frame later */
    wr32(thc_pa + TCX_THC_MISC, TCX_MISC_VIDEO | TCX_MISC_INT_ENAB);
    t = rig.now;
    rig_run_until(&rig, t + FRAME_CYCLES - 1);
    CU_ASSERT_FALSE(rig.irq.level[LINE_TCX]);
    rig_run_until(&rig, t + FRAME_CYCLES);
    CU_ASSERT_TRUE(rig.irq.level[LINE_TCX]);
    CU_ASSERT_EQUAL(rig.irq.rose_at[LINE_TCX], t + FRAME_CYCLES);
    CU_ASSERT_NOT_EQUAL(rd32(thc_pa + TCX_THC_MISC) & TCX_MISC_INT, 0);
    /* pending: no further events until acknowledged */
    CU_ASSERT_EQUAL(ev_next_deadline(&rig.q), CYCLES_NEVER);
    /* writing 0 to INT leaves it */
    rig_run_for(&rig, 1000);
    wr32(thc_pa + TCX_THC_MISC, TCX_MISC_VIDEO | TCX_MISC_INT_ENAB);
    CU_ASSERT_TRUE(rig.irq.level[LINE_TCX]);
    /* acknowledge (OpenBSD tcx_intr writes INT back): line drops, the
     * next one comes at the next frame boundary */
    wr32(thc_pa + TCX_THC_MISC, TCX_MISC_VIDEO | TCX_MISC_INT_ENAB |
         TCX_MISC_INT);
    CU_ASSERT_FALSE(rig.irq.level[LINE_TCX]);
    CU_ASSERT_EQUAL(rd32(thc_pa + TCX_THC_MISC) & TCX_MISC_INT, 0);
    CU_ASSERT_EQUAL(ev_next_deadline(&rig.q), t + 2 * FRAME_CYCLES);
    rig_run_until(&rig, t + 2 * FRAME_CYCLES);
    CU_ASSERT_TRUE(rig.irq.level[LINE_TCX]);
    CU_ASSERT_EQUAL(tcx.vblanks, 2);
    /* disabling drops the line; acknowledging with it off arms nothing */
    wr32(thc_pa + TCX_THC_MISC, TCX_MISC_VIDEO);
    CU_ASSERT_FALSE(rig.irq.level[LINE_TCX]);
    wr32(thc_pa + TCX_THC_MISC, TCX_MISC_VIDEO | TCX_MISC_INT);
    CU_ASSERT_EQUAL(ev_next_deadline(&rig.q), CYCLES_NEVER);
    /* enabled mid-frame: at the next boundary, not a frame later */
    rig_run_for(&rig, FRAME_CYCLES / 3);
    t = rig.now;
    wr32(thc_pa + TCX_THC_MISC, TCX_MISC_VIDEO | TCX_MISC_INT_ENAB);
    CU_ASSERT_EQUAL(ev_next_deadline(&rig.q),
                    (t / FRAME_CYCLES + 1) * FRAME_CYCLES);
    /* reset: interrupt off, nothing armed */
    tcx_reset(&tcx);
    CU_ASSERT_FALSE(rig.irq.level[LINE_TCX]);
    CU_ASSERT_EQUAL(ev_next_deadline(&rig.q), CYCLES_NEVER);
    teardown();
}

/* ---- stipple and blit ---- */

static void test_stipple(void)
{
    int i;

    setup(8);
    flush();
    /* STIP at pixel 64: colour 0x2a, pixels 0, 1 and 31 of 32 */
    CU_ASSERT_EQUAL(wr64(SLOT_PA + TCX_STIP_OFF + 8 * 64,
                         0x3000002a00000000ull | 0xc0000001u), BUS_OK);
    CU_ASSERT_EQUAL(tcx.vram8[64], 0x2a);
    CU_ASSERT_EQUAL(tcx.vram8[65], 0x2a);
    CU_ASSERT_EQUAL(tcx.vram8[66], 0);
    CU_ASSERT_EQUAL(tcx.vram8[95], 0x2a);
    CU_ASSERT_EQUAL(tcx.vram8[96], 0);
    CU_ASSERT_EQUAL(tcx.dirty8[0], 1);
    /* the latch stays: a second low word reuses the colour */
    wr32(SLOT_PA + TCX_STIP_OFF + 8 * 4096 + 4, 0x80000000u);
    CU_ASSERT_EQUAL(tcx.vram8[4096], 0x2a);
    CU_ASSERT_EQUAL(tcx.dirty8[1], 1);
    /* RSTIP on the 8-bit variant writes the 8-bit plane too */
    wr64(SLOT_PA + TCX_RSTIP_OFF + 8 * 128, 0x3000001100000000ull |
         0xffffffffu);
    for (i = 128; i < 160; i++) {
        CU_ASSERT_EQUAL(tcx.vram8[i], 0x11);
    }
    CU_ASSERT_EQUAL(tcx.stipples, 3);
    CU_ASSERT_EQUAL(errors(), 0);

    setup(24);
    /* 24-bit variant: STIP writes the latch into the 24-bit words too;
     * RSTIP into the control plane as well (NetBSD's clear screen) */
    wr64(SLOT_PA + TCX_STIP_OFF + 8 * 32, 0x3000007f00000000ull |
         0x80000000u);
    CU_ASSERT_EQUAL(tcx.vram8[32], 0x7f);
    CU_ASSERT_EQUAL(rd32(DFB24_PA + 4 * 32), 0x3000007fu);
    CU_ASSERT_EQUAL(rd32(CPLANE_PA + 4 * 32), 0);
    wr64(SLOT_PA + TCX_RSTIP_OFF + 8 * 1024, 0x33aabbccffffffffull);
    CU_ASSERT_EQUAL(rd32(DFB24_PA + 4 * 1024), 0x33aabbccu);
    CU_ASSERT_EQUAL(rd32(CPLANE_PA + 4 * 1055), 0x33aabbccu);
    CU_ASSERT_EQUAL(tcx.vram8[1055], 0xcc);
    CU_ASSERT_EQUAL(tcx.dirtycp[1], 1);
    CU_ASSERT_EQUAL(tcx.dirty24[1], 1);
    /* and it shows: cplane mode 3, word 0x..aabbcc = B aa G bb R cc */
    flush();
    CU_ASSERT_EQUAL(px(0, 1), 0xccbbaau);
    teardown();
}

static void test_blit(void)
{
    int i;

    setup(8);
    for (i = 0; i < 32; i++) {
        tcx.vram8[1000 + i] = (uint8_t)i;
    }
    flush();
    /* copy 20 pixels from 1000 to 5000 */
    wr64(SLOT_PA + TCX_BLIT_OFF + 8 * 5000, (uint64_t)(19u << 24 | 1000));
    CU_ASSERT_EQUAL(tcx.vram8[5000], 0);
    CU_ASSERT_EQUAL(tcx.vram8[5019], 19);
    CU_ASSERT_EQUAL(tcx.vram8[5020], 0);
    CU_ASSERT_EQUAL(tcx.dirty8[1], 1);
    CU_ASSERT_EQUAL(tcx.dirty8[0], 0);
    /* fill 32 pixels (NetBSD eraserows: 0x30..ffffffff) */
    wr64(SLOT_PA + TCX_BLIT_OFF + 8 * 8192, 0x30000055ffffffffull);
    for (i = 8192; i < 8224; i++) {
        CU_ASSERT_EQUAL(tcx.vram8[i], 0x55);
    }
    CU_ASSERT_EQUAL(tcx.vram8[8224], 0);
    /* overlapping copy behaves as a move */
    wr64(SLOT_PA + TCX_BLIT_OFF + 8 * 1001, (uint64_t)(30u << 24 | 1000));
    CU_ASSERT_EQUAL(tcx.vram8[1001], 0);
    CU_ASSERT_EQUAL(tcx.vram8[1031], 30);
    CU_ASSERT_EQUAL(tcx.blits, 3);
    CU_ASSERT_EQUAL(errors(), 0);

    setup(24);
    rig_wr(&rig, DFB24_PA + 4 * 10, 4, 0x00445566);
    rig_wr(&rig, CPLANE_PA + 4 * 10, 4, 0x03000000);
    tcx.vram8[10] = 0x99;
    /* BLIT copies 8-bit and 24-bit planes, not the control plane */
    wr64(SLOT_PA + TCX_BLIT_OFF + 8 * 2048, (uint64_t)(0u << 24 | 10));
    CU_ASSERT_EQUAL(tcx.vram8[2048], 0x99);
    CU_ASSERT_EQUAL(rd32(DFB24_PA + 4 * 2048), 0x00445566u);
    CU_ASSERT_EQUAL(rd32(CPLANE_PA + 4 * 2048), 0);
    /* RBLIT copies all three */
    wr64(SLOT_PA + TCX_RBLIT_OFF + 8 * 3072, (uint64_t)(0u << 24 | 10));
    CU_ASSERT_EQUAL(rd32(CPLANE_PA + 4 * 3072), 0x03000000u);
    CU_ASSERT_EQUAL(tcx.dirtycp[3], 1);
    /* RBLIT fill: colour bits 23:0 into both 32-bit planes */
    wr64(SLOT_PA + TCX_RBLIT_OFF + 8 * 4096, 0x31abcdefffffffffull);
    CU_ASSERT_EQUAL(tcx.vram8[4096 + 31], 0xef);
    CU_ASSERT_EQUAL(rd32(DFB24_PA + 4 * (4096 + 31)), 0x00abcdefu);
    CU_ASSERT_EQUAL(rd32(CPLANE_PA + 4 * (4096 + 31)), 0x00abcdefu);
    flush();
    CU_ASSERT_EQUAL(px(0, 3), 0x665544u);
    teardown();
}

/* ---- bad accesses ---- */

static void test_bad_accesses(void)
{
    uint64_t e;
    uint8_t before[8];

    setup(8);
    e = errors();
    /* byte and halfword accesses to the register spaces */
    CU_ASSERT_EQUAL(rig_try_rd(&rig, DAC_PA, 1, NULL), BUS_ERR_SIZE);
    CU_ASSERT_EQUAL(rig_try_wr(&rig, DAC_PA + 4, 2, 0), BUS_ERR_SIZE);
    CU_ASSERT_EQUAL(rig_try_rd(&rig, thc_pa + TCX_THC_MISC, 2, NULL),
                    BUS_ERR_SIZE);
    CU_ASSERT_EQUAL(rig_try_wr(&rig, SLOT_PA + TCX_TEC_OFF, 1, 0),
                    BUS_ERR_SIZE);
    CU_ASSERT_EQUAL(rig_try_wr(&rig, SLOT_PA + TCX_STIP_OFF + 4, 1, 0xff),
                    BUS_ERR_SIZE);
    CU_ASSERT_EQUAL(errors(), e + 5);
    /* past the DAC's 16 bytes: nothing there */
    CU_ASSERT_EQUAL(rig_try_rd(&rig, DAC_PA + 0x10, 4, NULL),
                    BUS_ERR_UNMAPPED);
    /* engines pointed past VRAM: cut or dropped, never beyond */
    memcpy(before, tcx.vram8 + TCX_VRAM_PIXELS - 8, 8);
    e = errors();
    wr64(SLOT_PA + TCX_STIP_OFF + 8 * (TCX_VRAM_PIXELS - 4),
         0x30000001ffffffffull);
    CU_ASSERT_EQUAL(tcx.vram8[TCX_VRAM_PIXELS - 1], 1);
    CU_ASSERT_EQUAL(errors(), e + 1);
    wr64(SLOT_PA + TCX_BLIT_OFF + 8 * 0, (uint64_t)(31u << 24 | 0xfffff0));
    wr64(SLOT_PA + TCX_BLIT_OFF + 8 * (TCX_VRAM_PIXELS - 2),
         0x3000000fffffffffull);
    CU_ASSERT_EQUAL(tcx.vram8[TCX_VRAM_PIXELS - 1], 0x0f);
    CU_ASSERT_EQUAL(errors(), e + 3);
    /* unknown THC registers and the timing registers are ignored */
    wr32(thc_pa + TCX_THC_HS, 0x12345678);
    wr32(thc_pa + 0x40, 0xffffffff);
    CU_ASSERT_EQUAL(rd32(thc_pa + TCX_THC_HS), 0);
    CU_ASSERT_EQUAL(rd32(thc_pa + TCX_THC_MISC), TCX_MISC_VIDEO);
    CU_ASSERT_EQUAL(errors(), e + 3);
    /* the revision bits of misc cannot be written */
    wr32(thc_pa + TCX_THC_MISC, 0xffffffffu);
    CU_ASSERT_EQUAL(rd32(thc_pa + TCX_THC_MISC) & TCX_MISC_REV_MASK, 0);
    teardown();
}

static void test_reset(void)
{
    bool ch;

    setup(8);
    set_color(255, 1, 2, 3);
    tcx.vram8[0] = 9;
    wr32(thc_pa + TCX_THC_CURSXY, 0);
    wr32(thc_pa + TCX_THC_MISC, 0);
    flush();
    tcx_reset(&tcx);
    CU_ASSERT_EQUAL(tcx.pal[255], 0xffffffu);
    CU_ASSERT_EQUAL(tcx.pal[0], 0);
    CU_ASSERT_EQUAL(tcx.opal[0], 0xffffffu);
    CU_ASSERT_EQUAL(tcx.opal[2], 0xffffffu);
    CU_ASSERT_EQUAL(tcx.vram8[0], 0);
    CU_ASSERT_EQUAL(rd32(thc_pa + TCX_THC_MISC), TCX_MISC_VIDEO);
    CU_ASSERT_EQUAL(tcx.curs_x, 0xf000);
    CU_ASSERT_EQUAL(rd32(DAC_PA + TCX_DAC_ADDR), 0);
    CU_ASSERT_EQUAL(render(&ch, NULL), TCX_BANDS);
    teardown();
}

static const UnitTest tests[] = {
    { "configuration errors", test_init_errors },
    { "8-bit layout", test_layout_8bit },
    { "24-bit layout", test_layout_24bit },
    { "FCode ROM", test_rom },
    { "DAC palette", test_dac_palette },
    { "DAC control and overlay", test_dac_control_and_overlay },
    { "8-bit rendering", test_render_8bit },
    { "dirty tracking", test_dirty_tracking },
    { "bus stores mark dirty pages", test_bus_marks_dirty },
    { "video disable", test_video_disable },
    { "cursor", test_cursor },
    { "24-bit rendering", test_render_24bit },
    { "vertical blank", test_vblank },
    { "stipple", test_stipple },
    { "blit", test_blit },
    { "bad accesses", test_bad_accesses },
    { "reset", test_reset },
};

int main(void)
{
    int rc = UNIT_RUN("tcx", NULL, NULL, tests);
    teardown();
    return rc;
}
