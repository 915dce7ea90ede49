/*
 * Sun TCX framebuffer (OBP "SUNW,tcx"), as QEMU builds it in SBus slot 3
 * of the SS-5: the FCode ROM, the Brooktree DAC, the THC (video timing,
 * hardware cursor, vertical-blank interrupt), the TEC and the other
 * placeholder spaces, the 8-bit frame buffer and, in the 24-bit variant,
 * the 24-bit frame buffer and the control plane; the stipple and blit
 * engines in their plain and raw spaces.  Facts and sources:
 * hw/README.md §TCX, hw/chips/tcx.c.
 *
 * The chip owns its VRAM (host memory) and registers each VRAM buffer with
 * the bus as a device RAM block (bus_add_block): the CPU reads and writes
 * it through its TLB, and every store that does not go through the CPU's
 * direct mapping marks the page's byte in the chip's dirty map.
 * tcx_render() converts what changed into a host XRGB8888 surface.
 */
#ifndef HW_TCX_H
#define HW_TCX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hw/core/devctx.h"
#include "hw/core/event.h"
#include "hw/core/irq.h"

/* The slot (the board's DevCtx: base 0x50000000, size 0x10000000) */
#define TCX_SLOT_SIZE 0x10000000u

/* Offsets in the slot (Q hw/sparc/sun4m.c tcx_init; OB drivers/tcx.fs) */
#define TCX_ROM_OFF 0x00000000u     /* FCode ROM */
#define TCX_DAC_OFF 0x00200000u     /* Brooktree DAC (OBP reg 8, CMAP) */
#define TCX_DHC_OFF 0x00240000u     /* DHC (reg 11): no known use */
#define TCX_ALT_OFF 0x00280000u     /* ALT (reg 12): no known use */
#define TCX_THC8_OFF 0x00300000u    /* THC of the 8-bit variant (reg 9) */
#define TCX_THC24_OFF 0x00301000u   /* THC of the 24-bit variant (reg 9) */
#define TCX_TEC_OFF 0x00700000u     /* TEC: Q 0x700000, OB reg 7 0x701000 */
#define TCX_DFB8_OFF 0x00800000u    /* 8-bit frame buffer (reg 0) */
#define TCX_DFB24_OFF 0x02000000u   /* 24-bit frame buffer (reg 1) */
#define TCX_STIP_OFF 0x04000000u    /* stipple (reg 2) */
#define TCX_BLIT_OFF 0x06000000u    /* blit (reg 3) */
#define TCX_CPLANE_OFF 0x0a000000u  /* RDFB32, the control plane (reg 4) */
#define TCX_RSTIP_OFF 0x0c000000u   /* raw stipple (reg 5) */
#define TCX_RBLIT_OFF 0x0e000000u   /* raw blit (reg 6) */

/* Sizes of the spaces (Q hw/display/tcx.c) */
#define TCX_ROM_SIZE 0x10000u
#define TCX_DAC_SIZE 0x10u
#define TCX_DHC_SIZE 0x4000u
#define TCX_ALT_SIZE 0x8000u
#define TCX_THC_SIZE 0x1000u
#define TCX_TEC_SIZE 0x2000u        /* Q's page and the FCode's */
#define TCX_ENGINE_SIZE 0x800000u   /* each of STIP, BLIT, RSTIP, RBLIT */
#define TCX_VRAM_PIXELS 0x100000u   /* 1 MB of 8-bit plane (Q vram_size) */
#define TCX_DFB8_SIZE TCX_VRAM_PIXELS
#define TCX_DFB24_SIZE (4u * TCX_VRAM_PIXELS)
#define TCX_CPLANE_SIZE (4u * TCX_VRAM_PIXELS)

/* The one mode QEMU's TCX has (Q sun4m.c refuses others) */
#define TCX_WIDTH 1024
#define TCX_HEIGHT 768

/* DAC ports, data in bits 31:24 (L tcx.c struct bt_regs) */
#define TCX_DAC_ADDR 0x0u           /* address register */
#define TCX_DAC_CMAP 0x4u           /* colour palette, R, G, B in turn */
#define TCX_DAC_CTRL 0x8u           /* control register named by ADDR 4-7 */
#define TCX_DAC_OMAP 0xcu           /* overlay palette (ADDR 0-3), R, G, B */
/* control registers, by address (Bt458) */
#define TCX_BT_READ_MASK 4
#define TCX_BT_BLINK_MASK 5
#define TCX_BT_COMMAND 6
#define TCX_BT_TEST 7

/* THC registers (L tcx.c struct tcx_thc; OpenBSD tcxreg.h) */
#define TCX_THC_REV 0x000u          /* revision (reads 0 here) */
#define TCX_THC_HS 0x800u           /* video timing: hs, hsdvs, hd, vs, */
#define TCX_THC_REFRESH 0x814u      /* vd, refresh (0x800-0x814) */
#define TCX_THC_MISC 0x818u
#define TCX_THC_CURSXY 0x8fcu       /* cursor x (31:16), y (15:0) */
#define TCX_THC_CURSMASK 0x900u     /* 32 words: plane A, the mask */
#define TCX_THC_CURSBITS 0x980u     /* 32 words: plane B, the colour */

/* THC misc bits (L tcx.c TCX_THC_MISC_*; OpenBSD tcxreg.h THC_MISC_*) */
#define TCX_MISC_VSYNC_DIS 0x02000000u  /* vertical sync off */
#define TCX_MISC_HSYNC_DIS 0x01000000u  /* horizontal sync off */
#define TCX_MISC_REV_MASK 0x000f0000u   /* revision (reads 0) */
#define TCX_MISC_RESET 0x00001000u
#define TCX_MISC_VIDEO 0x00000400u      /* video enable */
#define TCX_MISC_SYNC 0x00000200u
#define TCX_MISC_VSYNC 0x00000100u
#define TCX_MISC_SYNC_ENAB 0x00000080u
#define TCX_MISC_CURS_RES 0x00000040u   /* cursor resolution */
#define TCX_MISC_INT_ENAB 0x00000020u   /* vertical-retrace interrupt on */
#define TCX_MISC_INT 0x00000010u        /* ... pending; write 1 to ack */
#define TCX_MISC_DACWAIT 0x0000000fu

/* Video timing of the mode the FCode declares (OB drivers/tcx.fs
 * properties): 65 MHz pixel clock, 1344 x 806 clocks a frame. */
#define TCX_PIXCLK_HZ 65000000u
#define TCX_HTOTAL (1024 + 0x18 + 0x88 + 0xa0)
#define TCX_VTOTAL (768 + 0x03 + 0x06 + 0x1d)

/* Display bands: one 4 KB page of the 8-bit plane, 4 lines */
#define TCX_BAND_LINES 4
#define TCX_BANDS (TCX_HEIGHT / TCX_BAND_LINES)

typedef struct TcxConfig {
    unsigned depth;                 /* 8 or 24 */
    unsigned width, height;         /* 1024 x 768 */
    const uint8_t *rom;             /* QEMU,tcx.bin, or NULL: reads 0 */
    size_t rom_len;                 /* at most TCX_ROM_SIZE */
} TcxConfig;

typedef struct TcxRect {
    int x, y, w, h;
} TcxRect;

typedef struct Tcx {
    DevCtx ctx;
    IrqLine irq;                    /* SLAVIO source bit 11 (SBus level 5) */
    unsigned depth, width, height;
    uint8_t rom[TCX_ROM_SIZE];
    /* VRAM (host memory, big-endian like the guest) and its dirty maps:
     * one byte per 4 KB page, 1 = written since the last render */
    uint8_t *vram8, *vram24, *cplane;       /* 24-bit planes: NULL if 8 */
    uint8_t *dirty8, *dirty24, *dirtycp;
    int blk8, blk24, blkcp;         /* bus block indexes, -1 if none */
    /* DAC */
    uint8_t dac_addr;               /* address register */
    uint8_t dac_step;               /* 0 R, 1 G, 2 B */
    uint8_t cmap[256][3];           /* colour palette */
    uint8_t omap[4][3];             /* overlay palette */
    uint8_t bt_ctrl[4];             /* read mask, blink mask, command, test */
    uint32_t pal[256], opal[4];     /* the palettes as XRGB */
    /* THC */
    uint32_t misc;
    uint16_t curs_x, curs_y;
    uint32_t curs_mask[32], curs_bits[32];
    bool irq_level;
    Event vblank;                   /* the next vertical blank, when armed */
    Cycles frame;                   /* cycles a frame */
    /* stipple / blit: the first word of a doubleword (colour, ROP) */
    uint32_t latch;
    /* display */
    bool full;                      /* convert everything next time */
    bool black;                     /* the surface shows video off */
    uint8_t band[TCX_BANDS];        /* bands the cursor changed */
    /* statistics */
    uint64_t pages_converted;       /* bands (8-bit pages) converted */
    uint64_t frames_rendered;       /* tcx_render calls that changed it */
    uint64_t vblanks;               /* interrupts raised */
    uint64_t blits, stipples;
} Tcx;

/*
 * Allocate the VRAM, map every space at ctx->base + offset (QEMU's
 * layout for cfg->depth) and register the VRAM buffers as bus blocks
 * (skipped when ctx->bus is NULL), then reset.  0, or -1 with the reason
 * in err (errlen bytes): a bad configuration, no memory, no free bus
 * block.  tcx_free is safe after a failure too.
 */
int tcx_init(Tcx *s, const DevCtx *ctx, IrqLine irq, const TcxConfig *cfg,
             char *err, size_t errlen);
void tcx_free(Tcx *s);
/* Power-on / system reset: QEMU's palette, cursor off, video on, the
 * visible part of the 8-bit plane cleared, no interrupt. */
void tcx_reset(Tcx *s);

/*
 * Bring surface (width*height uint32_t 0x00RRGGBB, pitch = width) up to
 * date: only the bands whose VRAM pages are dirty, or everything after a
 * palette change, a video enable change or a reset; the cursor on top.
 * Returns true with the bounding rectangle of what changed in *changed,
 * false if nothing did.  Clears the dirty bytes it consumed and rearms
 * the bus blocks.  Video off: the surface turns black once and nothing
 * is consumed while it stays off.
 */
bool tcx_render(Tcx *s, uint32_t *surface, TcxRect *changed);

static inline unsigned tcx_width(const Tcx *s)
{
    return s->width;
}

static inline unsigned tcx_height(const Tcx *s)
{
    return s->height;
}

/* The register spaces' operations (tcx_init maps them; opaque = Tcx) */
extern const MmioOps tcx_rom_ops, tcx_dac_ops, tcx_thc_ops, tcx_dummy_ops;
extern const MmioOps tcx_stip_ops, tcx_rstip_ops, tcx_blit_ops,
    tcx_rblit_ops;

#endif
