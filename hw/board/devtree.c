/*
 * The device tree our own PROM hands to the operating system, generated
 * from the board table and the machine's configuration (devtree.h; the
 * blob format: firmware/prom/dtblob.h).
 *
 * The model is the tree OpenBIOS builds on this machine (OB
 * arch/sparc32/openbios.c, drivers/obio.c, iommu.c, sbus.c, esp.c and
 * QEMU's TCX FCode), compared property by property with Linux 6.1's
 * /proc/device-tree under OpenBIOS.  Each property says which Linux file
 * reads it ("L:"); "–" means no Linux reader, kept for other guests and
 * to stay with OpenBIOS.
 *
 * Deliberate differences from OpenBIOS:
 *  - phandles: the PROM numbers the nodes itself (dtblob.h);
 *  - no /packages, /builtin, /openprom/client-services (OpenBIOS's Forth
 *    packages), no /chosen memory/mmu (ihandles of those packages) and
 *    no /openprom supports-bootinfo (we pass no bootinfo);
 *  - /chosen stdin and stdout are 4-byte placeholders the PROM fills in
 *    with its console ihandles at boot;
 *  - /virtual-memory available and translations, /memory available
 *    describe our PROM's layout: it keeps DTB_PROM_RAM_SIZE at the top of
 *    RAM, mapped at DTB_PROM_VA, and the device pages of maps[];
 *  - /openprom model names our PROM ("sun4m-prom 1");
 *  - /memory reg: with RAM not a multiple of 32 MB, the last, partial
 *    bank is listed too (OpenBIOS drops it, and Linux then uses less
 *    RAM than there is);
 *  - /options input-device and output-device: OpenBIOS overwrites them
 *    at every boot (ttya without a screen, else keyboard/screen); here an
 *    NVRAM value of ttya or ttyb is kept, as Sun's OBP does;
 *  - with a screen (no -nographic), the root stdin-path/stdout-path name
 *    the serial port our PROM actually drives, not the keyboard and TCX
 *    (see dt_console).
 */
#include "hw/board/devtree.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "firmware/prom/dtblob.h"
#include "hw/chips/esp.h"
#include "hw/chips/m48t08.h"
#include "hw/chips/tcx.h"

#define DT_PAGE 0x1000u

/* SLAVIO's on-board I/O space: 16 MB from 0x71000000, 16 MB into SBus
 * slot 5 after the boot PROM (OB drivers/obio.h SLAVIO_SIZE; hw/README.md
 * §SBus slots).  /obio's children are the board rows in this range. */
#define DT_OBIO_OFF 0x01000000u
#define DT_OBIO_SIZE 0x01000000u

/* The SBus controller's registers: the page after the IOMMU's (OB
 * drivers/sbus.c, ob_sbus_init(iommu_base + 0x1000), SBUS_REGS 0x28) */
#define DT_SBUS_REGS_OFF 0x1000u
#define DT_SBUS_REGS_SIZE 0x28u

/* ---- building: nodes and properties in growable arrays ---- */

typedef struct DtBNode {
    uint32_t parent, child, last_child, sibling;
    int first_prop, last_prop;      /* a list through DtBProp.next */
    uint32_t n_props;
} DtBNode;

typedef struct DtBProp {
    uint32_t name_off, value_off, len;  /* in the byte pool */
    int next;
} DtBProp;

typedef struct DtBMap {
    uint32_t va, size;
    uint64_t pa;
} DtBMap;

#define DT_MAX_MAPS 64

typedef struct Dt {
    const Machine *m;
    DtBNode *node;
    unsigned n_node, cap_node;
    DtBProp *prop;
    unsigned n_prop, cap_prop;
    uint8_t *pool;                  /* names and values, 4-byte aligned */
    size_t pool_len, pool_cap;
    DtBMap map[DT_MAX_MAPS];
    unsigned n_map;
    uint32_t next_va;               /* the device window's allocator */
    bool failed;
    char err[160];
    /* nodes the later steps refer to */
    uint32_t root, aliases, options, chosen, vmem, obio, iommu, sbus;
    uint32_t serial, kbd, fdc, tcx;
    int row_node[BD_COUNT];         /* each board row's node, or -1 */
} Dt;

static void dt_fail(Dt *dt, const char *msg)
{
    if (!dt->failed) {
        snprintf(dt->err, sizeof(dt->err), "%s", msg);
        dt->failed = true;
    }
}

static bool dt_grow(Dt *dt, void **p, unsigned *cap, unsigned need,
                    size_t elem)
{
    unsigned ncap;
    void *np;

    if (need <= *cap) {
        return true;
    }
    ncap = *cap ? *cap * 2 : 64;
    while (ncap < need) {
        ncap *= 2;
    }
    np = realloc(*p, (size_t)ncap * elem);
    if (!np) {
        dt_fail(dt, "out of memory");
        return false;
    }
    *p = np;
    *cap = ncap;
    return true;
}

/* Append len bytes (aligned to 4) to the pool; its offset, or -1 */
static long dt_pool(Dt *dt, const void *data, size_t len)
{
    size_t need = dt->pool_len + ((len + 3) & ~(size_t)3);
    long off = (long)dt->pool_len;

    if (dt->failed) {
        return -1;
    }
    if (need > 0x1000000) {
        dt_fail(dt, "device tree larger than 16 MB");
        return -1;
    }
    if (need > dt->pool_cap) {
        size_t ncap = dt->pool_cap ? dt->pool_cap * 2 : 4096;
        uint8_t *np;
        while (ncap < need) {
            ncap *= 2;
        }
        np = realloc(dt->pool, ncap);
        if (!np) {
            dt_fail(dt, "out of memory");
            return -1;
        }
        dt->pool = np;
        dt->pool_cap = ncap;
    }
    if (len) {
        memcpy(dt->pool + dt->pool_len, data, len);
    }
    memset(dt->pool + dt->pool_len + len, 0, need - dt->pool_len - len);
    dt->pool_len = need;
    return off;
}

static void dt_prop(Dt *dt, uint32_t node, const char *name,
                    const void *val, size_t len)
{
    long noff, voff;
    DtBProp *p;
    DtBNode *n;

    if (dt->failed || !dt_grow(dt, (void **)&dt->prop, &dt->cap_prop,
                               dt->n_prop + 1, sizeof(DtBProp))) {
        return;
    }
    noff = dt_pool(dt, name, strlen(name) + 1);
    voff = dt_pool(dt, val, len);
    if (noff < 0 || voff < 0) {
        return;
    }
    p = &dt->prop[dt->n_prop];
    p->name_off = (uint32_t)noff;
    p->value_off = (uint32_t)voff;
    p->len = (uint32_t)len;
    p->next = -1;
    n = &dt->node[node];
    if (n->last_prop < 0) {
        n->first_prop = (int)dt->n_prop;
    } else {
        dt->prop[n->last_prop].next = (int)dt->n_prop;
    }
    n->last_prop = (int)dt->n_prop;
    n->n_props++;
    dt->n_prop++;
}

static void dt_str(Dt *dt, uint32_t node, const char *name, const char *s)
{
    dt_prop(dt, node, name, s, strlen(s) + 1);
}

static void dt_empty(Dt *dt, uint32_t node, const char *name)
{
    dt_prop(dt, node, name, "", 0);
}

/* n big-endian 32-bit cells */
#define DT_MAX_CELLS 256

static void dt_cells(Dt *dt, uint32_t node, const char *name,
                     const uint32_t *v, unsigned n)
{
    uint8_t buf[DT_MAX_CELLS * 4];
    unsigned i;

    if (n > DT_MAX_CELLS) {
        dt_fail(dt, "property with too many cells");
        return;
    }
    for (i = 0; i < n; i++) {
        bus_st_be32(buf + 4 * i, v[i]);
    }
    dt_prop(dt, node, name, buf, 4 * (size_t)n);
}

static void dt_int(Dt *dt, uint32_t node, const char *name, uint32_t v)
{
    dt_cells(dt, node, name, &v, 1);
}

/* A new last child of parent (DTB_NONE: the root) with its "name" */
static uint32_t dt_node(Dt *dt, uint32_t parent, const char *name)
{
    uint32_t i = dt->n_node;
    DtBNode *n;

    if (dt->failed || !dt_grow(dt, (void **)&dt->node, &dt->cap_node,
                               dt->n_node + 1, sizeof(DtBNode))) {
        return 0;
    }
    n = &dt->node[i];
    n->parent = parent;
    n->child = n->last_child = n->sibling = DTB_NONE;
    n->first_prop = n->last_prop = -1;
    n->n_props = 0;
    if (parent != DTB_NONE) {
        DtBNode *p = &dt->node[parent];
        if (p->last_child == DTB_NONE) {
            p->child = i;
        } else {
            dt->node[p->last_child].sibling = i;
        }
        p->last_child = i;
    }
    dt->n_node++;
    dt_str(dt, i, "name", name);
    return i;
}

/* The property's bytes, or NULL (during the build) */
static const uint8_t *dt_get(const Dt *dt, uint32_t node, const char *name,
                             uint32_t *len)
{
    int i;

    if (dt->failed) {
        return NULL;
    }
    for (i = dt->node[node].first_prop; i >= 0; i = dt->prop[i].next) {
        const DtBProp *p = &dt->prop[i];
        if (strcmp((const char *)dt->pool + p->name_off, name) == 0) {
            *len = p->len;
            return dt->pool + p->value_off;
        }
    }
    return NULL;
}

/*
 * One component of a node's path: name@space,offset from the first reg
 * entry as Linux names nodes, or the bare name when reg is NULL or short.
 * Shared by dt_path (during the build) and devtree_print (on a blob).
 */
static void dt_unit(char *buf, size_t size, const char *name,
                    const uint8_t *reg, uint32_t rlen)
{
    if (reg && rlen >= 8) {
        snprintf(buf, size, "%s@%x,%x", name, bus_ld_be32(reg),
                 bus_ld_be32(reg + 4));
    } else {
        snprintf(buf, size, "%s", name);
    }
}

/*
 * The node's path into buf: with units, as Linux names nodes (of_pdt via
 * arch/sparc/kernel/prom_32.c: name@space,offset from the first reg
 * entry); without, by bare names as OpenBIOS writes its aliases.
 */
static void dt_path(const Dt *dt, uint32_t node, bool units, char *buf,
                    size_t size)
{
    char part[8][80];
    unsigned depth = 0;
    size_t used = 0;

    buf[0] = '\0';
    while (node != DTB_NONE && dt->node[node].parent != DTB_NONE &&
           depth < 8) {
        uint32_t len, rlen = 0;
        const uint8_t *name = dt_get(dt, node, "name", &len);
        const uint8_t *reg = dt_get(dt, node, "reg", &rlen);
        if (!name) {
            return;
        }
        dt_unit(part[depth], sizeof(part[depth]), (const char *)name,
                units ? reg : NULL, rlen);
        depth++;
        node = dt->node[node].parent;
    }
    while (depth-- > 0 && used + 1 < size) {
        int w = snprintf(buf + used, size - used, "/%s", part[depth]);
        used += w > 0 ? (size_t)w : 0;
    }
}

/*
 * A virtual address in the PROM's device window for [pa, pa + size):
 * whole pages, handed out upwards from DTB_DEV_VA_BASE in the order
 * OpenBIOS's ofmem_map_io() calls come, so that every "address" value
 * equals OpenBIOS's.  The range goes into maps[] for the PROM to map.
 */
static uint32_t dt_map(Dt *dt, uint64_t pa, uint32_t size)
{
    uint32_t in_page = (uint32_t)(pa & (DT_PAGE - 1));
    uint32_t bytes = (in_page + size + DT_PAGE - 1) & ~(DT_PAGE - 1);
    uint32_t va = dt->next_va;
    DtBMap *mp;

    if (dt->failed) {
        return 0;
    }
    if (dt->n_map == DT_MAX_MAPS ||
        (uint64_t)va + bytes > DTB_DEV_VA_END) {
        dt_fail(dt, "device mappings overflow the PROM's window");
        return 0;
    }
    mp = &dt->map[dt->n_map++];
    mp->va = va;
    mp->size = bytes;
    mp->pa = pa - in_page;
    dt->next_va = va + bytes;
    return va + in_page;
}

/* Pages OpenBIOS maps for itself, outside the tree: left unused here so
 * that the addresses after them stay OpenBIOS's */
static void dt_skip(Dt *dt, unsigned pages)
{
    dt->next_va += pages * DT_PAGE;
}

/* ---- interrupts ---- */

/* The PIL of each SLAVIO system source bit (hw/README.md §Interrupts);
 * 0: no level. */
static const uint8_t dt_bit_pil[32] = {
    2, 3, 5, 7, 9, 11, 13,          /* 0-6: VME levels 1-7 */
    2, 3, 5, 7, 9, 11, 13,          /* 7-13: SBus levels 1-7 */
    12, 12, 6, 13, 4, 10, 8, 9, 11, /* 14-22: on-board sources */
    0, 0, 0, 0, 15, 15, 15, 15, 0,  /* 27-30: errors */
};

/* OBP "intr" level for a source bit: 0x4n VME, 0x3n SBus, 0x2n on-board,
 * n the PIL (hw/README.md §Interrupts).  L: arch/sparc/kernel/
 * of_device_32.c turns it into the device's irq (sun4m_irq.c). */
static uint32_t dt_intr_level(int bit)
{
    uint32_t pil = dt_bit_pil[bit & 31];
    if (bit < 7) {
        return 0x40 | pil;
    }
    if (bit < 14) {
        return 0x30 | pil;
    }
    return 0x20 | pil;
}

static void dt_intr(Dt *dt, uint32_t node, uint32_t level)
{
    uint32_t v[2] = { level, 0 };       /* level, vector (unused) */
    dt_cells(dt, node, "intr", v, 2);
}

/* ---- the nodes of board rows ---- */

/* How OpenBIOS publishes each kind of board device */
enum {
    DK_ADDRESS = 1,     /* mapped; its VA in "address" */
    DK_INTR = 2,        /* "intr" from the row's source bit */
};

typedef struct DtKind DtKind;
typedef void DtExtraFn(Dt *dt, uint32_t node, int row);

struct DtKind {
    const char *node;           /* the board row's node name */
    const char *type;           /* device_type, or NULL */
    const char *parent;         /* a DMA channel it hangs below, or NULL */
    uint32_t reg_size;          /* size in "reg", 0: the row's size */
    unsigned flags;
    int order;                  /* creation order among siblings */
    unsigned skip_after;        /* VA pages OpenBIOS maps next, unseen */
    DtExtraFn *extra;
};

static void extra_iommu(Dt *dt, uint32_t node, int row)
{
    /* L: arch/sparc/mm/iommu.c maps the registers from "reg"; the cells
     * describe sbus's reg; page-size and cache-coherence? are – */
    dt_int(dt, node, "#address-cells", 2);
    dt_int(dt, node, "#size-cells", 1);
    dt_int(dt, node, "page-size", DT_PAGE);
    dt_int(dt, node, "cache-coherence?", 0);        /* – */
}

static void extra_zs(Dt *dt, uint32_t node, int row)
{
    /* L: drivers/tty/serial/sunzilog.c: "keyboard" makes channel A the
     * keyboard and B the mouse; without it both are UARTs.  "slave" is
     * the chip number OBP gives; the ignore-cd flags are – */
    if (row == BD_ESCC_KBD) {
        dt_int(dt, node, "slave", 1);
        dt_empty(dt, node, "keyboard");
        dt_empty(dt, node, "mouse");
        dt->kbd = node;
    } else {
        dt_int(dt, node, "slave", 0);
        if (row == BD_ESCC_SERIAL) {
            dt->serial = node;
        }
    }
    dt_empty(dt, node, "port-a-ignore-cd");
    dt_empty(dt, node, "port-b-ignore-cd");
}

static void extra_eeprom(Dt *dt, uint32_t node, int row)
{
    /* L: arch/sparc/kernel/time_32.c clock_probe: the model picks the
     * m48t08 RTC driver; only the presence of "address" is checked */
    dt_str(dt, node, "model", "mk48t08");
}

static void extra_fdc(Dt *dt, uint32_t node, int row)
{
    /* OpenBIOS's floppy package below the controller (–; L: with the
     * floppy driver, asm/floppy_32.h finds the controller by name) */
    uint32_t c = dt_node(dt, node, "SUNW,fdtwo");
    dt_str(dt, c, "device_type", "block");
    dt->fdc = node;
}

static void extra_ledma(Dt *dt, uint32_t node, int row)
{
    /* L: drivers/net/ethernet/sun/sunlance.c: DMA bursts it may use */
    dt_int(dt, node, "burst-sizes", 0x3f);
}

static void extra_esp(Dt *dt, uint32_t node, int row)
{
    const MachineConfig *cfg = &dt->m->cfg;
    unsigned disks = 0, cds = 0;
    int id;

    /* L: drivers/scsi/sun_esp.c: the chip's input clock sets its
     * timings; scsi-options (–) are OBP's sync/disconnect flags */
    dt_int(dt, node, "clock-frequency", ESP_CLOCK_SS5);
    dt_int(dt, node, "scsi-options", 0x58);
    /* A node per drive, as OpenBIOS's probe makes them (OB drivers/
     * esp.c): sd@target,0, with aliases in its order.  – for Linux,
     * boot devices for the PROM */
    for (id = 0; id < SUN4M_SCSI_IDS; id++) {
        const DriveConfig *d = NULL;
        unsigned i, *count;
        uint32_t c, reg[2] = { (uint32_t)id, 0 };
        char path[160], alias[32];
        const char *kind, *kind2;

        for (i = 0; i < cfg->n_drives; i++) {
            if (cfg->drives[i].id == id) {
                d = &cfg->drives[i];
            }
        }
        if (!d) {
            continue;
        }
        c = dt_node(dt, node, "sd");
        dt_str(dt, c, "device_type", "block");
        dt_cells(dt, c, "reg", reg, 2);
        dt_path(dt, node, false, path, sizeof(path));
        snprintf(path + strlen(path), sizeof(path) - strlen(path),
                 "/sd@%x,0", id);
        kind = d->cdrom ? "cdrom" : "disk";
        kind2 = d->cdrom ? "cd" : "hd";
        count = d->cdrom ? &cds : &disks;
        if (*count == 0) {
            dt_str(dt, dt->aliases, kind, path);
            dt_str(dt, dt->aliases, kind2, path);
        }
        snprintf(alias, sizeof(alias), "%s%u", kind, *count);
        dt_str(dt, dt->aliases, alias, path);
        snprintf(alias, sizeof(alias), "%s%u", kind2, *count);
        dt_str(dt, dt->aliases, alias, path);
        snprintf(alias, sizeof(alias), "sd(0,%d,0)", id);
        dt_str(dt, dt->aliases, alias, path);
        snprintf(alias, sizeof(alias), "sd(0,%d,0)@0,0", id);
        dt_str(dt, dt->aliases, alias, path);
        (*count)++;
    }
}

static void extra_le(Dt *dt, uint32_t node, int row)
{
    /* L: sunlance.c: the value for the Lance's CSR3 (BSWP, ACON, BCON);
     * the MAC comes from the root idprom */
    dt_int(dt, node, "busmaster-regval", 7);
}

/*
 * The TCX as QEMU's FCode (QEMU,tcx.bin) describes itself: its register
 * spaces (hw/chips/tcx.h), the 1024x768 timing, and tcx-8-bit on the
 * 8-bit variant.  The FCode gives the 8-bit board tiny sizes for the
 * 24-bit planes and a shorter THC.  L: drivers/video/fbdev/tcx.c (reg
 * indexes, tcx-8-bit, width/height/linebytes via sbusfb_fill_var).
 */
static void extra_tcx(Dt *dt, uint32_t node, int row)
{
    const MachineConfig *cfg = &dt->m->cfg;
    bool depth24 = cfg->fb_depth == 24;
    uint32_t width = cfg->fb_width ? cfg->fb_width : TCX_WIDTH;
    uint32_t height = cfg->fb_height ? cfg->fb_height : TCX_HEIGHT;
    static const uint32_t off[13] = {
        TCX_DFB8_OFF, TCX_DFB24_OFF, TCX_STIP_OFF, TCX_BLIT_OFF,
        TCX_CPLANE_OFF, TCX_RSTIP_OFF, TCX_RBLIT_OFF,
        TCX_TEC_OFF + 0x1000, TCX_DAC_OFF, 0 /* THC */, TCX_ROM_OFF,
        TCX_DHC_OFF, TCX_ALT_OFF,
    };
    static const uint32_t size8[13] = {
        TCX_DFB8_SIZE, 1, TCX_ENGINE_SIZE, TCX_ENGINE_SIZE, 1, 1, 1,
        0x1000, 4, 0x81c, TCX_ROM_SIZE, 4, 1,
    };
    static const uint32_t size24[13] = {
        TCX_DFB8_SIZE, TCX_DFB24_SIZE, TCX_ENGINE_SIZE, TCX_ENGINE_SIZE,
        TCX_CPLANE_SIZE, TCX_ENGINE_SIZE, TCX_ENGINE_SIZE,
        0x1000, 0x4000, TCX_THC_SIZE, TCX_ROM_SIZE, TCX_DHC_SIZE,
        TCX_ALT_SIZE,
    };
    uint32_t reg[13 * 3];
    const BoardDevice *d = &dt->m->model->dev[row];
    unsigned i;

    for (i = 0; i < 13; i++) {
        reg[3 * i] = (uint32_t)d->slot;
        reg[3 * i + 1] = i == 9 ? (depth24 ? TCX_THC24_OFF : TCX_THC8_OFF)
                                : off[i];
        reg[3 * i + 2] = depth24 ? size24[i] : size8[i];
    }
    dt_cells(dt, node, "reg", reg, 13 * 3);
    /* SBus level of the row's source bit (7 + level - 1) */
    dt_int(dt, node, "interrupts", (uint32_t)(d->irq_bit - 6));
    dt_int(dt, node, "width", width);
    dt_int(dt, node, "height", height);
    dt_int(dt, node, "linebytes", width);
    /* the 1024x768 60 Hz mode (–; the FCode's numbers) */
    dt_int(dt, node, "hbporch", 0xa0);
    dt_int(dt, node, "hfporch", 0x18);
    dt_int(dt, node, "hsync", 0x88);
    dt_int(dt, node, "vbporch", 0x1d);
    dt_int(dt, node, "vfporch", 3);
    dt_int(dt, node, "vsync", 6);
    dt_int(dt, node, "vfreq", 60);
    dt_int(dt, node, "pixfreq", 65000000);
    if (!depth24) {
        dt_str(dt, node, "tcx-8-bit", "true");
    }
    dt->tcx = node;
}

static void extra_cs4231(Dt *dt, uint32_t node, int row)
{
    /* – (L: sound/sparc/cs4231.c, not in this kernel).  OpenBIOS
     * publishes SBus level 5 whatever the wiring; its device_type
     * "serial" is OpenBIOS's too */
    dt_intr(dt, node, 5);
    dt_int(dt, node, "interrupts", 5);
    dt_str(dt, node, "alias", "audio");
}

/* Per kind, in the order OpenBIOS creates them (order); rows whose node
 * has no entry get a generic node: reg, and intr if wired. */
static const DtKind dt_kinds[] = {
    /* root level */
    { "iommu", NULL, NULL, 0x300, DK_ADDRESS, 0, 0, extra_iommu },
    /* /obio (OB drivers/obio.c ob_obio_init order; slavioconfig comes
     * last, from the machine's init function).  The serial zs must come
     * first: sunzilog numbers its lines in probe order, and ttya must be
     * ttyS0 */
    { "zs", "serial", NULL, 0, DK_ADDRESS | DK_INTR, 0, 0, extra_zs },
    { "eeprom", NULL, NULL, 0, DK_ADDRESS, 2, 0, extra_eeprom },
    { "SUNW,fdtwo", "block", NULL, 0xf, DK_ADDRESS | DK_INTR, 3, 0,
      extra_fdc },
    { "auxio", NULL, NULL, 0, DK_ADDRESS, 4, 0, NULL },
    /* then OpenBIOS maps the system reset register for reset-all */
    { "power", NULL, NULL, 0, DK_ADDRESS | DK_INTR, 5, 1, NULL },
    { "counter", NULL, NULL, 0x10, DK_ADDRESS, 6, 0, NULL },
    /* then OpenBIOS maps its SMP mailbox (a RAM page) */
    { "interrupt", NULL, NULL, 0x10, DK_ADDRESS, 7, 1, NULL },
    { "slavioconfig", NULL, NULL, 0, 0, 8, 0, NULL },
    /* /iommu/sbus: the DMA2 channels exist before the slots are probed;
     * then slots 3 (FCode), 4 and 5 (OB drivers/sbus.c) */
    { "espdma", NULL, NULL, 0, 0, 0, 0, NULL },
    { "ledma", NULL, NULL, 0x20, 0, 1, 0, extra_ledma },
    { "SUNW,tcx", "display", NULL, 0, DK_INTR, 2, 0, extra_tcx },
    { "SUNW,CS4231", "serial", NULL, 0, 0, 3, 0, extra_cs4231 },
    { "power-management", NULL, NULL, 0x10, 0, 4, 0, NULL },
    { "esp", "scsi", "espdma", 0x10, DK_INTR, 5, 0, extra_esp },
    { "le", "network", "ledma", 0, DK_INTR, 6, 0, extra_le },
};

static const DtKind *dt_kind(const char *node)
{
    static const DtKind generic = { NULL, NULL, NULL, 0, DK_INTR, 50, 0,
                                    NULL };
    unsigned i;

    for (i = 0; i < sizeof(dt_kinds) / sizeof(dt_kinds[0]); i++) {
        if (strcmp(dt_kinds[i].node, node) == 0) {
            return &dt_kinds[i];
        }
    }
    return &generic;
}

/* Power-fail ("power") keeps OpenBIOS's level 2 (AUXIO2_INTR 0x22;
 * – in Linux, arch/sparc/kernel/auxio_32.c only maps the register) */
static uint32_t dt_row_intr(const BoardDevice *d)
{
    if (strcmp(d->node, "power") == 0) {
        return 0x22;
    }
    return dt_intr_level(d->irq_bit);
}

/*
 * The node of board row `row` below parent, with reg {space, offset,
 * size} relative to the bus at bus_base.  The SLAVIO counter and
 * interrupt blocks publish one 16-byte entry per CPU page and one for
 * the system page, and an address per entry: L: arch/sparc/kernel/
 * sun4m_irq.c counts the CPUs as (address words - 1), and writes the
 * timer limits and interrupt masks through these virtual addresses.
 */
static void dt_row(Dt *dt, uint32_t parent, int row, uint32_t space,
                   uint64_t bus_base)
{
    const BoardDevice *d = &dt->m->model->dev[row];
    const DtKind *k = dt_kind(d->node);
    uint32_t off = (uint32_t)(d->base - bus_base);
    uint32_t size = k->reg_size ? k->reg_size : (uint32_t)d->size;
    uint32_t node = dt_node(dt, parent, d->node);

    dt->row_node[row] = (int)node;
    if (k->type) {
        dt_str(dt, node, "device_type", k->type);
    }
    if (d->cpu_pages) {
        unsigned ncpu = dt->m->model->max_cpus, i;
        uint32_t reg[3 * 5], addr[5], va = 0;
        if (ncpu > 4) {
            ncpu = 4;
        }
        for (i = 0; i <= ncpu; i++) {
            reg[3 * i] = space;
            reg[3 * i + 1] = off + (i < ncpu ? i * BOARD_CPU_PAGE
                                             : BOARD_SYS_PAGE);
            reg[3 * i + 2] = size;
        }
        dt_cells(dt, node, "reg", reg, 3 * (ncpu + 1));
        if (k->flags & DK_ADDRESS) {
            va = dt_map(dt, d->base, (uint32_t)d->size);
            for (i = 0; i <= ncpu; i++) {
                addr[i] = va + (i < ncpu ? i * BOARD_CPU_PAGE
                                         : BOARD_SYS_PAGE);
            }
            dt_cells(dt, node, "address", addr, ncpu + 1);
        }
    } else if (strcmp(d->node, "SUNW,tcx") != 0) {
        uint32_t reg[3] = { space, off, size };
        dt_cells(dt, node, "reg", reg, 3);
        /* L: of these VAs only the eeprom's presence matters
         * (time_32.c); Linux maps zs, auxio and power from reg */
        if (k->flags & DK_ADDRESS) {
            dt_int(dt, node, "address", dt_map(dt, d->base, size));
        }
    }
    if ((k->flags & DK_INTR) && d->irq_bit != BOARD_NO_IRQ) {
        dt_intr(dt, node, dt_row_intr(d));
    }
    if (k->extra) {
        k->extra(dt, node, row);
    }
    dt_skip(dt, k->skip_after);
}

/* Board rows with a node, in the order their kind says, stable */
static unsigned dt_rows_sorted(const BoardModel *bm, int *rows,
                               bool (*want)(const BoardModel *, int))
{
    unsigned n = 0, i, j;

    for (i = 0; i < BD_COUNT; i++) {
        if (bm->dev[i].node && want(bm, (int)i)) {
            rows[n++] = (int)i;
        }
    }
    for (i = 1; i < n; i++) {
        int r = rows[i];
        int o = dt_kind(bm->dev[r].node)->order;
        /* the console ESCC before the keyboard's */
        if (r == BD_ESCC_SERIAL) {
            o = -1;
        }
        for (j = i; j > 0; j--) {
            int p = rows[j - 1];
            int po = p == BD_ESCC_SERIAL ? -1
                                         : dt_kind(bm->dev[p].node)->order;
            if (po <= o) {
                break;
            }
            rows[j] = p;
        }
        rows[j] = r;
    }
    return n;
}

static bool want_obio(const BoardModel *bm, int i)
{
    uint64_t base = bm->prom_base + DT_OBIO_OFF;
    return bm->dev[i].slot == BOARD_OBIO && bm->dev[i].base >= base &&
           bm->dev[i].base < base + DT_OBIO_SIZE;
}

static bool want_sbus(const BoardModel *bm, int i)
{
    return bm->dev[i].slot >= 0;
}

/* Other on-board rows with a node hang off the root; the IOMMU and the
 * RAM sockets (/memory) have their own steps */
static bool want_root(const BoardModel *bm, int i)
{
    return bm->dev[i].slot == BOARD_OBIO && !want_obio(bm, i) &&
           i != BD_IOMMU && i != BD_RAM_SOCKETS;
}

/* ---- the fixed nodes ---- */

/* OBP names of a board model (OB arch/sparc32/openbios.c sun4m_defs),
 * by its fw_cfg machine id */
static const struct {
    uint16_t machine_id;
    const char *name, *model;
} dt_machines[] = {
    { 32, "SUNW,SPARCstation-5", "SUNW,501-3059" },
};

static void dt_root(Dt *dt)
{
    const BoardModel *bm = dt->m->model;
    const char *name = NULL, *model = NULL;
    uint8_t uuid[16] = { 0 };
    unsigned i;

    for (i = 0; i < sizeof(dt_machines) / sizeof(dt_machines[0]); i++) {
        if (dt_machines[i].machine_id == bm->machine_id) {
            name = dt_machines[i].name;
            model = dt_machines[i].model;
        }
    }
    if (!name) {
        dt_fail(dt, "no OBP name for this board model");
        return;
    }
    dt->root = dt_node(dt, DTB_NONE, name);
    /* L: arch/sparc/kernel/head_32.S tells sun4m from sun4d by it */
    dt_str(dt, dt->root, "compatible", "sun4m");
    /* L: arch/sparc/kernel/idprom.c: the machine type (the TYPE line)
     * and the Ethernet address sunlance uses; 32 bytes from the NVRAM's
     * IDPROM, as it is now */
    dt_prop(dt, dt->root, "idprom", dt->m->nvram.mem + M48T08_IDPROM, 32);
    /* – in Linux; BSD loaders read name and banner-name */
    dt_str(dt, dt->root, "banner-name", bm->banner);
    dt_str(dt, dt->root, "model", model);
    /* – (OpenBIOS's value; the CPU node has none, so Linux's
     * clock_tick stays 0 as under OpenBIOS) */
    dt_int(dt, dt->root, "clock-frequency", 170000000);
    /* L: drivers/of: cells of the root's children's reg */
    dt_int(dt, dt->root, "#address-cells", 2);
    dt_int(dt, dt->root, "#size-cells", 1);
    /* QEMU's fw_cfg UUID, all zero (–) */
    dt_prop(dt, dt->root, "uuid", uuid, sizeof(uuid));
}

/* /options: OpenBIOS's defaults (its forth/admin/nvram.fs and sparc32
 * additions), the NVRAM's system partition over them, then what OpenBIOS
 * sets from fw_cfg at every boot.  L: drivers/tty/serial/suncore.c reads
 * ttyX-mode for the console's speed, sunlance.c tpe-link-test?. */
typedef struct DtOpt {
    char name[32];
    char value[256];
} DtOpt;

#define DT_MAX_OPTS 96

static const char *const dt_opt_defaults[][2] = {
    { "auto-boot?", "true" },
    { "boot-args", "" },
    { "boot-command", "boot" },
    { "boot-device", "disk:a disk" },
    { "boot-file", "" },
    { "boot-from", "disk" },
    { "boot-screen", "" },
    { "boot-script", "" },
    { "default-mac-address", "false" },
    { "diag-switch?", "false" },
    { "fcode-debug?", "false" },
    { "input-device", "ttya" },
    { "load-base", "4000" },
    { "nvramrc", "" },
    { "oem-banner", "" },
    { "oem-banner?", "false" },
    { "oem-logo?", "false" },
    { "output-device", "ttya" },
    { "pci-probe-mask", "-1" },
    { "screen-#columns", "128" },
    { "screen-#rows", "96" },
    { "scroll-lock", "true" },
    { "selftest-#megs", "0" },
    { "skip-netboot?", "false" },
    { "tpe-link-test?", "true" },
    { "ttya-ignore-cd", "true" },
    { "ttya-mode", "9600,8,n,1,-" },
    { "ttya-rts-dtr-off", "false" },
    { "ttyb-ignore-cd", "true" },
    { "ttyb-mode", "9600,8,n,1,-" },
    { "ttyb-rts-dtr-off", "false" },
    { "use-generic?", "false" },
    { "use-nvramrc?", "false" },
};

typedef struct DtOpts {
    DtOpt opt[DT_MAX_OPTS];
    unsigned n;
    bool nv_input, nv_output;   /* the NVRAM chose a serial console */
} DtOpts;

static DtOpt *opt_find(DtOpts *o, const char *name)
{
    unsigned i;
    for (i = 0; i < o->n; i++) {
        if (strcmp(o->opt[i].name, name) == 0) {
            return &o->opt[i];
        }
    }
    return NULL;
}

static void opt_set(DtOpts *o, const char *name, size_t name_len,
                    const char *value, size_t value_len)
{
    char nm[32];
    DtOpt *p;

    if (name_len == 0 || name_len >= sizeof(nm)) {
        return;                 /* not a variable OpenBIOS could hold */
    }
    memcpy(nm, name, name_len);
    nm[name_len] = '\0';
    p = opt_find(o, nm);
    if (!p) {
        if (o->n == DT_MAX_OPTS) {
            return;
        }
        p = &o->opt[o->n++];
        memcpy(p->name, nm, name_len + 1);
    }
    if (value_len >= sizeof(p->value)) {
        value_len = sizeof(p->value) - 1;
    }
    memcpy(p->value, value, value_len);
    p->value[value_len] = '\0';
}

/* m48t08_env_each's callback: an NVRAM variable over the defaults */
static void opt_nvram(void *opaque, const char *name, size_t name_len,
                      const char *value, size_t value_len)
{
    opt_set(opaque, name, name_len, value, value_len);
}

static bool is_tty(const char *v)
{
    return strcmp(v, "ttya") == 0 || strcmp(v, "ttyb") == 0;
}

static void dt_options(Dt *dt, DtOpts *o)
{
    const MachineConfig *cfg = &dt->m->cfg;
    const char *boot;
    const char *in, *out;
    DtOpt *p;
    unsigned i;

    o->n = 0;
    for (i = 0; i < sizeof(dt_opt_defaults) / sizeof(dt_opt_defaults[0]);
         i++) {
        opt_set(o, dt_opt_defaults[i][0], strlen(dt_opt_defaults[i][0]),
                dt_opt_defaults[i][1], strlen(dt_opt_defaults[i][1]));
    }
    m48t08_env_each(dt->m->nvram.mem, opt_nvram, o);
    p = opt_find(o, "input-device");
    o->nv_input = p && is_tty(p->value) &&
                  strcmp(p->value, "ttya") != 0;
    p = opt_find(o, "output-device");
    o->nv_output = p && is_tty(p->value) &&
                   strcmp(p->value, "ttya") != 0;

    /* OpenBIOS at every boot: boot-file is the -append line, boot-device
     * follows -boot (OB arch/sparc32/openbios.c arch_init) */
    opt_set(o, "boot-file", 9, cfg->append ? cfg->append : "",
            cfg->append ? strlen(cfg->append) : 0);
    switch (cfg->boot_device ? cfg->boot_device : 'c') {
    case 'a':
        boot = "floppy";
        break;
    case 'c':
        boot = "disk:a disk";
        break;
    case 'n':
        boot = "net";
        break;
    default:
        boot = "cdrom:d cdrom";
        break;
    }
    opt_set(o, "boot-device", 11, boot, strlen(boot));
    /* and the console: ttya with -nographic or without a screen, else
     * the keyboard and the screen (setup_stdio); an NVRAM choice of ttyb
     * stands (a deliberate difference, see the top) */
    if (cfg->nographic || !dt->m->has_tcx) {
        in = out = "ttya";
    } else {
        in = "keyboard";
        out = "screen";
    }
    if (!o->nv_input) {
        opt_set(o, "input-device", 12, in, strlen(in));
    }
    if (!o->nv_output) {
        opt_set(o, "output-device", 13, out, strlen(out));
    }

    for (i = 0; i < o->n; i++) {
        dt_str(dt, dt->options, o->opt[i].name, o->opt[i].value);
    }
}

/* The serial line's speed from "9600,8,n,1,-"; 9600 if unreadable */
static uint32_t dt_baud(const char *mode)
{
    unsigned long v = strtoul(mode, NULL, 10);
    return v >= DTB_MIN_BAUD && v <= DTB_MAX_BAUD ? (uint32_t)v : 9600;
}

/*
 * The console.  Our PROM drives only the serial ports: with a graphical
 * console requested (output-device screen) it falls back to ttya.
 * SIMPLIFY: OpenBIOS and OBP draw on the TCX and read the Sun keyboard.
 * stdin-path/stdout-path name the port the PROM uses, since Linux takes
 * its console from stdout-path and checks it against the PROM's stdout
 * (L: arch/sparc/kernel/prom_32.c of_console_init, V3 PROMs).
 */
static void dt_console(Dt *dt, DtOpts *o, struct dtb_header *h)
{
    const DtOpt *out = opt_find(o, "output-device");
    const DtOpt *in = opt_find(o, "input-device");
    unsigned ch = out && strcmp(out->value, "ttyb") == 0 ? 1 : 0;
    unsigned ich = in && strcmp(in->value, "ttyb") == 0 ? 1 : 0;
    const DtOpt *mode = opt_find(o, ch ? "ttyb-mode" : "ttya-mode");
    char path[160], buf[168];

    if (in && !is_tty(in->value)) {
        ich = ch;
    }
    h->console = dt->serial;
    h->console_channel = ch;
    h->console_baud = dt_baud(mode ? mode->value : "");
    dt_path(dt, dt->serial, true, path, sizeof(path));
    snprintf(buf, sizeof(buf), "%s:%c", path, 'a' + ich);
    dt_str(dt, dt->root, "stdin-path", buf);
    snprintf(buf, sizeof(buf), "%s:%c", path, 'a' + ch);
    dt_str(dt, dt->root, "stdout-path", buf);
}

/* /memory: one reg entry per 32 MB bank as OpenBIOS lists the SIMMs;
 * available: all but the PROM's own RAM at the top.  L: arch/sparc/prom/
 * memory.c (available builds sp_banks; the lowest base is phys_base) */
static void dt_memory(Dt *dt)
{
    uint64_t ram = dt->m->cfg.ram_size, pos;
    uint32_t reg[3 * 64], avail[3];
    unsigned n = 0;
    uint32_t node;

    if (ram <= DTB_PROM_RAM_SIZE || ram > 0x100000000ull) {
        dt_fail(dt, "RAM size out of range for the PROM");
        return;
    }
    node = dt_node(dt, dt->root, "memory");
    for (pos = 0; pos < ram && n < 64; pos += 0x2000000, n++) {
        uint64_t left = ram - pos;
        reg[3 * n] = 0;
        reg[3 * n + 1] = (uint32_t)pos;
        reg[3 * n + 2] = left < 0x2000000 ? (uint32_t)left : 0x2000000;
    }
    dt_cells(dt, node, "reg", reg, 3 * n);
    avail[0] = 0;
    avail[1] = 0;
    avail[2] = (uint32_t)(ram - DTB_PROM_RAM_SIZE);
    dt_cells(dt, node, "available", avail, 3);
}

/* /virtual-memory (– in Linux; BSD loaders read it): reg is the 4 GB
 * space in two halves; available leaves out page 0 and the PROM's
 * window; translations {va, size, mode} list the PROM's mappings
 * (cached RAM 0xbc, uncached devices 0x3c: SRMMU PTE bits C, R, ACC 7) */
static void dt_vmem_node(Dt *dt)
{
    static const uint32_t reg[6] = { 0, 0, 0x80000000u,
                                     0, 0x80000000u, 0x80000000u };
    dt->vmem = dt_node(dt, dt->root, "virtual-memory");
    dt_cells(dt, dt->vmem, "reg", reg, 6);
}

static void dt_vmem_fill(Dt *dt)
{
    uint32_t avail[6] = { 0, DT_PAGE, DTB_PROM_VA - DT_PAGE,
                          0, DTB_DEV_VA_END, 0 - DTB_DEV_VA_END };
    uint32_t tr[3 * (DT_MAX_MAPS + 1)];
    unsigned i, n = 0;

    dt_cells(dt, dt->vmem, "available", avail, 6);
    tr[n++] = DTB_PROM_VA;
    tr[n++] = DTB_PROM_RAM_SIZE;
    tr[n++] = 0xbc;
    for (i = 0; i < dt->n_map; i++) {
        tr[n++] = dt->map[i].va;
        tr[n++] = dt->map[i].size;
        tr[n++] = 0x3c;
    }
    dt_cells(dt, dt->vmem, "translations", tr, n);
}

/* The CPU, as OpenBIOS describes the MB86904 (microSPARC-II).  L:
 * arch/sparc/mm/srmmu.c (mmu-nctx; the Swift/TurboSPARC probe by name),
 * arch/sparc/kernel/devices.c (device_type cpu, mid: which interrupt
 * and timer registers are this CPU's); the cache figures are – */
static void dt_cpu(Dt *dt)
{
    static const struct {
        const char *name;
        uint32_t v;
    } props[] = {
        { "psr-implementation", (MB86904_PSR_IMPL_VER >> 28) & 0xf },
        { "psr-version", (MB86904_PSR_IMPL_VER >> 24) & 0xf },
        { "implementation", 0 },
        { "version", 4 },
        { "page-size", DT_PAGE },
        { "dcache-line-size", 16 },
        { "dcache-nlines", 512 },
        { "dcache-associativity", 1 },
        { "icache-line-size", 32 },
        { "icache-nlines", 512 },
        { "icache-associativity", 1 },
        { "ecache-line-size", 32 },
        { "ecache-nlines", 0x4000 },
        { "ecache-associativity", 1 },
        { "ncaches", 2 },
        { "mmu-nctx", 256 },
        { "sparc-version", 8 },
        { "cache-line-size", 32 },
        { "cache-nlines", 512 },
        { "mask_rev", 0x23 },
    };
    uint32_t node = dt_node(dt, dt->root, "FMI,MB86904");
    unsigned i;

    dt_str(dt, node, "device_type", "cpu");
    for (i = 0; i < sizeof(props) / sizeof(props[0]); i++) {
        dt_int(dt, node, props[i].name, props[i].v);
    }
    dt_str(dt, node, "cache-coherence?", "");
    dt_int(dt, node, "mid", 0);
}

/* /iommu/sbus: L: arch/sparc/kernel/of_device_32.c translates the
 * children's {slot, offset} through ranges; sun_esp.c and sunlance.c
 * take burst-sizes from here when their DMA node has none;
 * clock-frequency and slot-address-bits are – */
static void dt_sbus_fill(Dt *dt)
{
    const BoardModel *bm = dt->m->model;
    uint64_t regs = bm->dev[BD_IOMMU].base + DT_SBUS_REGS_OFF;
    uint32_t reg[3] = { (uint32_t)(regs >> 32), (uint32_t)regs,
                        DT_SBUS_REGS_SIZE };
    uint32_t ranges[5 * 16];
    unsigned s, n = 0;

    dt_int(dt, dt->sbus, "#address-cells", 2);
    dt_int(dt, dt->sbus, "#size-cells", 1);
    dt_str(dt, dt->sbus, "device_type", "hierarchical");
    dt_cells(dt, dt->sbus, "reg", reg, 3);
    dt_int(dt, dt->sbus, "address", dt_map(dt, regs, DT_SBUS_REGS_SIZE));
    for (s = 0; s < bm->sbus_slots && s < 16; s++) {
        uint64_t base = bm->sbus_base + s * bm->sbus_slot_size;
        ranges[n++] = s;
        ranges[n++] = 0;
        ranges[n++] = (uint32_t)(base >> 32);
        ranges[n++] = (uint32_t)base;
        ranges[n++] = (uint32_t)bm->sbus_slot_size;
    }
    dt_cells(dt, dt->sbus, "ranges", ranges, n);
    dt_int(dt, dt->sbus, "clock-frequency", 21250000);
    dt_int(dt, dt->sbus, "burst-sizes", 0x3f);
    dt_int(dt, dt->sbus, "slot-address-bits", 28);
}

static void dt_aliases(Dt *dt)
{
    char path[160], buf[168];

    /* L: – (OpenBIOS's and OBP's boot and console names) */
    if (dt->fdc != DTB_NONE) {
        dt_path(dt, dt->fdc, false, path, sizeof(path));
        dt_str(dt, dt->aliases, "floppy", path);
    }
    if (dt->kbd != DTB_NONE) {
        dt_path(dt, dt->kbd, true, path, sizeof(path));
        dt_str(dt, dt->aliases, "keyboard", path);
    }
    if (dt->tcx != DTB_NONE) {
        dt_path(dt, dt->tcx, true, path, sizeof(path));
        dt_str(dt, dt->aliases, "screen", path);
    }
    dt_path(dt, dt->serial, true, path, sizeof(path));
    snprintf(buf, sizeof(buf), "%s:a", path);
    dt_str(dt, dt->aliases, "ttya", buf);
    snprintf(buf, sizeof(buf), "%s:b", path);
    dt_str(dt, dt->aliases, "ttyb", buf);
}

/* ---- the blob ---- */

static uint8_t *dt_serialize(Dt *dt, const struct dtb_header *h,
                             size_t *len)
{
    uint32_t nodes_off = 12 * 4;
    uint32_t props_off = nodes_off + dt->n_node * 20;
    uint32_t maps_off = props_off + dt->n_prop * 12;
    uint32_t pool_off = maps_off + dt->n_map * 16;
    size_t size = pool_off + dt->pool_len;
    uint8_t *b = calloc(1, size);
    uint32_t i, pi = 0;

    if (!b) {
        dt_fail(dt, "out of memory");
        return NULL;
    }
    bus_st_be32(b, DTB_MAGIC);
    bus_st_be32(b + 4, DTB_VERSION);
    bus_st_be32(b + 8, (uint32_t)size);
    bus_st_be32(b + 12, dt->n_node);
    bus_st_be32(b + 16, nodes_off);
    bus_st_be32(b + 20, dt->n_prop);
    bus_st_be32(b + 24, props_off);
    bus_st_be32(b + 28, dt->n_map);
    bus_st_be32(b + 32, maps_off);
    bus_st_be32(b + 36, h->console);
    bus_st_be32(b + 40, h->console_channel);
    bus_st_be32(b + 44, h->console_baud);
    for (i = 0; i < dt->n_node; i++) {
        const DtBNode *n = &dt->node[i];
        uint8_t *p = b + nodes_off + 20 * i;
        int q;
        bus_st_be32(p, n->parent);
        bus_st_be32(p + 4, n->child);
        bus_st_be32(p + 8, n->sibling);
        bus_st_be32(p + 12, pi);
        bus_st_be32(p + 16, n->n_props);
        /* each node's properties together, in the order they came */
        for (q = n->first_prop; q >= 0; q = dt->prop[q].next, pi++) {
            uint8_t *r = b + props_off + 12 * pi;
            bus_st_be32(r, pool_off + dt->prop[q].name_off);
            bus_st_be32(r + 4, pool_off + dt->prop[q].value_off);
            bus_st_be32(r + 8, dt->prop[q].len);
        }
    }
    for (i = 0; i < dt->n_map; i++) {
        uint8_t *p = b + maps_off + 16 * i;
        bus_st_be32(p, dt->map[i].va);
        bus_st_be32(p + 4, (uint32_t)(dt->map[i].pa >> 32));
        bus_st_be32(p + 8, (uint32_t)dt->map[i].pa);
        bus_st_be32(p + 12, dt->map[i].size);
    }
    if (dt->pool_len) {
        memcpy(b + pool_off, dt->pool, dt->pool_len);
    }
    *len = size;
    return b;
}

uint8_t *devtree_build(const Machine *m, size_t *len, char *err,
                       size_t errlen)
{
    Dt *dt = calloc(1, sizeof(*dt));
    DtOpts *opts = calloc(1, sizeof(*opts));
    struct dtb_header h = { 0 };
    const BoardModel *bm = m->model;
    uint8_t *blob = NULL;
    int rows[BD_COUNT];
    unsigned n, i;

    if (!dt || !opts) {
        snprintf(err, errlen, "out of memory");
        free(dt);
        free(opts);
        return NULL;
    }
    dt->m = m;
    dt->next_va = DTB_DEV_VA_BASE;
    dt->serial = dt->kbd = dt->fdc = dt->tcx = DTB_NONE;
    for (i = 0; i < BD_COUNT; i++) {
        dt->row_node[i] = -1;
    }
    if (!bm) {
        dt_fail(dt, "no board model");
    }

    /* The nodes in OpenBIOS's creation order (its tree.fs first) */
    if (!dt->failed) {
        dt_root(dt);
    }
    if (!dt->failed) {
        uint32_t op;
        dt->aliases = dt_node(dt, dt->root, "aliases");
        /* /openprom: L: – (arch/sparc/prom reads the romvec instead) */
        op = dt_node(dt, dt->root, "openprom");
        dt_str(dt, op, "device_type", "BootROM");
        dt_str(dt, op, "model", "sun4m-prom 1");
        dt_empty(dt, op, "aligned-allocator");
        dt_empty(dt, op, "relative-addressing");
        dt_int(dt, op, "boot-syntax", 1);
        dt->options = dt_node(dt, dt->root, "options");
        dt->chosen = dt_node(dt, dt->root, "chosen");
        dt_memory(dt);
        dt_vmem_node(dt);
    }
    if (!dt->failed) {
        /* /iommu and its SBus; the IOMMU's pages come first in the
         * device window */
        dt_row(dt, dt->root, BD_IOMMU, 0, 0);
        dt->iommu = (uint32_t)dt->row_node[BD_IOMMU];
        dt->sbus = dt_node(dt, dt->iommu, "sbus");
    }
    if (!dt->failed) {
        /* /obio (L: arch/sparc/prom/ranges.c applies its ranges) */
        uint64_t obio = bm->prom_base + DT_OBIO_OFF;
        uint32_t ranges[5] = { 0, 0, (uint32_t)(obio >> 32),
                               (uint32_t)obio, DT_OBIO_SIZE };
        dt->obio = dt_node(dt, dt->root, "obio");
        dt_int(dt, dt->obio, "#address-cells", 2);
        dt_int(dt, dt->obio, "#size-cells", 1);
        dt_str(dt, dt->obio, "device_type", "hierarchical");
        dt_cells(dt, dt->obio, "ranges", ranges, 5);
        n = dt_rows_sorted(bm, rows, want_obio);
        for (i = 0; i < n; i++) {
            dt_row(dt, dt->obio, rows[i], 0, obio);
        }
        if (dt->serial == DTB_NONE) {
            dt_fail(dt, "the board has no serial zs for the console");
        }
    }
    if (!dt->failed) {
        dt_sbus_fill(dt);
        n = dt_rows_sorted(bm, rows, want_sbus);
        for (i = 0; i < n && !dt->failed; i++) {
            const BoardDevice *d = &bm->dev[rows[i]];
            const DtKind *k = dt_kind(d->node);
            uint32_t parent = dt->sbus;
            unsigned j;
            if (rows[i] == BD_TCX && !m->has_tcx) {
                continue;       /* -vga none: slot 3 stays empty */
            }
            if (k->parent) {
                for (j = 0; j < BD_COUNT; j++) {
                    if (dt->row_node[j] >= 0 && bm->dev[j].node &&
                        strcmp(bm->dev[j].node, k->parent) == 0) {
                        parent = (uint32_t)dt->row_node[j];
                    }
                }
            }
            dt_row(dt, parent, rows[i], (uint32_t)d->slot,
                   bm->sbus_base + (uint64_t)d->slot * bm->sbus_slot_size);
        }
    }
    if (!dt->failed) {
        n = dt_rows_sorted(bm, rows, want_root);
        for (i = 0; i < n; i++) {
            GPAddr base = bm->dev[rows[i]].base;
            dt_row(dt, dt->root, rows[i], (uint32_t)(base >> 32),
                   base & ~0xffffffffull);
        }
        dt_cpu(dt);
        dt_options(dt, opts);
        dt_console(dt, opts, &h);
        /* /chosen: bootargs is – (sparc32 Linux takes its command line
         * from the romvec's v2 bootargs, arch/sparc/prom/bootstr_32.c),
         * there for OBP clients.  stdin/stdout: placeholders the PROM
         * overwrites with its console ihandles */
        {
            static const uint8_t zero[4];
            dt_str(dt, dt->chosen, "bootargs",
                   m->cfg.append ? m->cfg.append : "");
            dt_prop(dt, dt->chosen, "stdin", zero, 4);
            dt_prop(dt, dt->chosen, "stdout", zero, 4);
        }
        dt_aliases(dt);
        dt_vmem_fill(dt);
    }
    if (!dt->failed) {
        blob = dt_serialize(dt, &h, len);
    }
    if (!dt->failed && blob &&
        devtree_check(blob, *len, dt->err, sizeof(dt->err)) < 0) {
        dt->failed = true;
        free(blob);
        blob = NULL;
    }
    if (dt->failed) {
        snprintf(err, errlen, "device tree: %s", dt->err);
        free(blob);
        blob = NULL;
    }
    free(dt->node);
    free(dt->prop);
    free(dt->pool);
    free(dt);
    free(opts);
    return blob;
}

/* ---- checking and printing a blob ---- */

static int bad(char *err, size_t errlen, const char *msg, uint32_t v)
{
    snprintf(err, errlen, "%s (0x%x)", msg, v);
    return -1;
}

/* A NUL-terminated string at off inside [0, size) */
static bool str_ok(const uint8_t *b, uint32_t size, uint32_t off)
{
    return off < size && memchr(b + off, 0, size - off) != NULL;
}

int devtree_check(const uint8_t *b, size_t len, char *err, size_t errlen)
{
    uint32_t size, nn, no, np, po, nm, mo, i;
    uint32_t *seen;
    uint32_t *stack;
    uint8_t *used;
    unsigned sp = 0, visited = 0;
    int rc = 0;

    if (!b || len < 48) {
        return bad(err, errlen, "blob shorter than its header",
                   (uint32_t)len);
    }
    if (bus_ld_be32(b) != DTB_MAGIC) {
        return bad(err, errlen, "bad magic", bus_ld_be32(b));
    }
    if (bus_ld_be32(b + 4) != DTB_VERSION) {
        return bad(err, errlen, "unknown version", bus_ld_be32(b + 4));
    }
    size = bus_ld_be32(b + 8);
    if (size != len) {
        return bad(err, errlen, "size differs from the blob's length", size);
    }
    if (size > DTB_MAX_SIZE) {
        return bad(err, errlen, "larger than the PROM takes", size);
    }
    nn = bus_ld_be32(b + 12);
    no = bus_ld_be32(b + 16);
    np = bus_ld_be32(b + 20);
    po = bus_ld_be32(b + 24);
    nm = bus_ld_be32(b + 28);
    mo = bus_ld_be32(b + 32);
    if (nn == 0 || (no & 3) || no < 48 ||
        (uint64_t)no + (uint64_t)nn * 20 > size) {
        return bad(err, errlen, "node table out of range", no);
    }
    if ((po & 3) || po < 48 || (uint64_t)po + (uint64_t)np * 12 > size) {
        return bad(err, errlen, "property table out of range", po);
    }
    if ((mo & 3) || mo < 48 || (uint64_t)mo + (uint64_t)nm * 16 > size) {
        return bad(err, errlen, "map table out of range", mo);
    }
    if (bus_ld_be32(b + 36) >= nn) {
        return bad(err, errlen, "console node out of range", bus_ld_be32(b + 36));
    }
    if (bus_ld_be32(b + 40) > 1) {
        return bad(err, errlen, "console channel not 0 or 1", bus_ld_be32(b + 40));
    }
    if (bus_ld_be32(b + 44) < DTB_MIN_BAUD || bus_ld_be32(b + 44) > DTB_MAX_BAUD) {
        return bad(err, errlen, "console speed out of range", bus_ld_be32(b + 44));
    }
    for (i = 0; i < np; i++) {
        const uint8_t *p = b + po + 12 * i;
        uint32_t name = bus_ld_be32(p), val = bus_ld_be32(p + 4), vlen = bus_ld_be32(p + 8);
        if (!str_ok(b, size, name) || b[name] == '\0') {
            return bad(err, errlen, "property name out of range or "
                       "unterminated", i);
        }
        if (strlen((const char *)b + name) > DTB_MAX_NAME) {
            return bad(err, errlen, "property name longer than Linux "
                       "takes", i);
        }
        if (val > size || vlen > size - val) {
            return bad(err, errlen, "property value out of range", i);
        }
    }
    for (i = 0; i < nm; i++) {
        const uint8_t *p = b + mo + 16 * i;
        uint32_t va = bus_ld_be32(p), hi = bus_ld_be32(p + 4), lo = bus_ld_be32(p + 8);
        uint32_t msize = bus_ld_be32(p + 12);
        if ((va | lo | msize) & (DT_PAGE - 1) || msize == 0 || hi > 0xf ||
            va < DTB_DEV_VA_BASE || va >= DTB_DEV_VA_END ||
            msize > DTB_DEV_VA_END - va) {
            return bad(err, errlen, "map outside the device window or "
                       "not page-aligned", i);
        }
    }
    /* each property belongs to one node's run */
    used = calloc(np ? np : 1, 1);
    if (!used) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    for (i = 0; i < nn && rc == 0; i++) {
        const uint8_t *p = b + no + 20 * i;
        uint32_t k, fp = bus_ld_be32(p + 12), cnt = bus_ld_be32(p + 16);
        bool named = false;
        if ((bus_ld_be32(p) != DTB_NONE && bus_ld_be32(p) >= nn) ||
            (bus_ld_be32(p + 4) != DTB_NONE && bus_ld_be32(p + 4) >= nn) ||
            (bus_ld_be32(p + 8) != DTB_NONE && bus_ld_be32(p + 8) >= nn)) {
            rc = bad(err, errlen, "node link out of range", i);
            break;
        }
        if ((i == 0) != (bus_ld_be32(p) == DTB_NONE)) {
            rc = bad(err, errlen, "only the root may lack a parent", i);
            break;
        }
        if (fp > np || cnt > np - fp) {
            rc = bad(err, errlen, "node properties out of range", i);
            break;
        }
        for (k = fp; k < fp + cnt; k++) {
            const uint8_t *q = b + po + 12 * k;
            if (used[k]) {
                rc = bad(err, errlen, "property shared by two nodes", k);
                break;
            }
            used[k] = 1;
            if (strcmp((const char *)b + bus_ld_be32(q), "name") == 0 &&
                bus_ld_be32(q + 8) > 0 &&
                memchr(b + bus_ld_be32(q + 4), 0, bus_ld_be32(q + 8)) != NULL &&
                b[bus_ld_be32(q + 4)] != '\0') {
                named = true;
            }
        }
        if (rc == 0 && !named) {
            rc = bad(err, errlen, "node without a name string", i);
        }
    }
    free(used);
    if (rc < 0) {
        return rc;
    }
    /* Walk the tree from the root: each node once, its parent right */
    seen = calloc(nn, sizeof(*seen));
    stack = calloc(nn, sizeof(*stack));
    if (!seen || !stack) {
        free(seen);
        free(stack);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    stack[sp++] = 0;
    seen[0] = 1;
    while (sp > 0 && rc == 0) {
        uint32_t nd = stack[--sp];
        uint32_t c = bus_ld_be32(b + no + 20 * nd + 4);
        visited++;
        while (c != DTB_NONE) {
            if (seen[c] || bus_ld_be32(b + no + 20 * c) != nd) {
                rc = bad(err, errlen, "tree has a cycle, a shared node or "
                         "a wrong parent", c);
                break;
            }
            seen[c] = 1;
            stack[sp++] = c;
            c = bus_ld_be32(b + no + 20 * c + 8);
        }
    }
    if (rc == 0 && bus_ld_be32(b + no + 8) != DTB_NONE) {
        rc = bad(err, errlen, "the root has a sibling", 0);
    }
    if (rc == 0 && visited != nn) {
        rc = bad(err, errlen, "nodes not reachable from the root",
                 nn - visited);
    }
    free(seen);
    free(stack);
    return rc;
}

typedef struct DtLine {
    char *path;
    char *text;
} DtLine;

static int line_cmp(const void *a, const void *b)
{
    const DtLine *x = a, *y = b;
    return strcmp(x->path, y->path);
}

/* The property value (name) of node i in a checked blob, or NULL */
static const uint8_t *blob_prop(const uint8_t *b, uint32_t i,
                                const char *name, uint32_t *len)
{
    uint32_t no = bus_ld_be32(b + 16), po = bus_ld_be32(b + 24);
    uint32_t fp = bus_ld_be32(b + no + 20 * i + 12);
    uint32_t cnt = bus_ld_be32(b + no + 20 * i + 16), k;

    for (k = fp; k < fp + cnt; k++) {
        const uint8_t *q = b + po + 12 * k;
        if (strcmp((const char *)b + bus_ld_be32(q), name) == 0) {
            *len = bus_ld_be32(q + 8);
            return b + bus_ld_be32(q + 4);
        }
    }
    return NULL;
}

int devtree_print(const uint8_t *b, size_t len, FILE *out)
{
    char err[160];
    uint32_t nn, np, no, po, i, k;
    char **path;
    DtLine *lines;
    size_t nl = 0;
    int rc = 0;

    if (devtree_check(b, len, err, sizeof(err)) < 0) {
        return -1;
    }
    nn = bus_ld_be32(b + 12);
    np = bus_ld_be32(b + 20);
    no = bus_ld_be32(b + 16);
    po = bus_ld_be32(b + 24);
    path = calloc(nn, sizeof(*path));
    lines = calloc((size_t)nn + np, sizeof(*lines));
    if (!path || !lines) {
        free(path);
        free(lines);
        return -1;
    }
    /* Paths in walk order: a parent's comes before its children's */
    {
        uint32_t *stack = calloc(nn, sizeof(*stack));
        unsigned sp = 0;
        if (!stack) {
            rc = -1;
        } else {
            path[0] = strdup(".");
            stack[sp++] = 0;
            while (sp > 0 && path[0]) {
                uint32_t nd = stack[--sp];
                uint32_t c = bus_ld_be32(b + no + 20 * nd + 4);
                while (c != DTB_NONE) {
                    uint32_t nlen, rlen = 0;
                    const char *name =
                        (const char *)blob_prop(b, c, "name", &nlen);
                    const uint8_t *reg = blob_prop(b, c, "reg", &rlen);
                    size_t sz = strlen(path[nd]) + strlen(name) + 24;
                    path[c] = malloc(sz);
                    if (!path[c]) {
                        rc = -1;
                        break;
                    }
                    {
                        size_t pl = (size_t)sprintf(path[c], "%s/", path[nd]);
                        dt_unit(path[c] + pl, sz - pl, name, reg, rlen);
                    }
                    stack[sp++] = c;
                    c = bus_ld_be32(b + no + 20 * c + 8);
                }
                if (rc < 0) {
                    break;
                }
            }
            if (!path[0]) {
                rc = -1;
            }
            free(stack);
        }
    }
    for (i = 0; i < nn && rc == 0; i++) {
        uint32_t fp = bus_ld_be32(b + no + 20 * i + 12);
        uint32_t cnt = bus_ld_be32(b + no + 20 * i + 16);
        size_t sz = strlen(path[i]) + 4;
        lines[nl].path = strdup(path[i]);
        lines[nl].text = malloc(sz);
        if (!lines[nl].path || !lines[nl].text) {
            rc = -1;
            nl++;
            break;
        }
        snprintf(lines[nl].text, sz, "N %s", path[i]);
        nl++;
        for (k = fp; k < fp + cnt; k++) {
            const uint8_t *q = b + po + 12 * k;
            const char *name = (const char *)b + bus_ld_be32(q);
            const uint8_t *v = b + bus_ld_be32(q + 4);
            uint32_t vlen = bus_ld_be32(q + 8), j;
            size_t psz = strlen(path[i]) + strlen(name) + 2;
            char *t;
            lines[nl].path = malloc(psz);
            lines[nl].text = t = malloc(psz + 3 + 2 * (size_t)vlen + 1);
            if (!lines[nl].path || !t) {
                rc = -1;
                nl++;
                break;
            }
            snprintf(lines[nl].path, psz, "%s/%s", path[i], name);
            t += sprintf(t, "P %s ", lines[nl].path);
            for (j = 0; j < vlen; j++) {
                t += sprintf(t, "%02x", v[j]);
            }
            nl++;
        }
    }
    if (rc == 0) {
        qsort(lines, nl, sizeof(*lines), line_cmp);
        for (i = 0; i < nl; i++) {
            fprintf(out, "%s\n", lines[i].text);
        }
    }
    for (i = 0; i < nl; i++) {
        free(lines[i].path);
        free(lines[i].text);
    }
    for (i = 0; i < nn; i++) {
        free(path[i]);
    }
    free(path);
    free(lines);
    return rc;
}
