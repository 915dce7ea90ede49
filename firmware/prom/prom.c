/*
 * prom.c - the C half of our own sun4m boot PROM (entry.S is the other):
 * after entry.S has copied the image to the top of RAM and turned the
 * MMU on, prom_main loads the device tree the simulator publishes in
 * fw_cfg (dtblob.h), maps the device pages it lists, programs the
 * console, fills the romvec (OpenBoot v3, the layout of Linux's
 * arch/sparc/include/asm/openprom.h) and enters a kernel preloaded with
 * -kernel at 0x4000.
 *
 * Facts: /work/shared/reference/own-firmware.md (what Linux 6.1 needs),
 * hw/README.md (the SS-5's registers).  Romvec calls come through the
 * proxies in entry.S, on the caller's stack, trap table and MMU context:
 * nothing here may touch TBR, PSR.PIL, WIM or the context register, and
 * everything used after boot lies in the PROM window 0xffd00000+.
 *
 * Freestanding: no libc, no floating point, built -mno-app-regs.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "firmware/boot/romvec.h"
#include "firmware/prom/dtblob.h"
#include "firmware/prom/prom.h"

/* ---------------------------------------------------------------- machine */

#define ASI_BYPASS 0x20             /* MMU bypass, PA[35:32] = 0 */
#define ESCC2_BASE 0x71100000u      /* ttyb: control +0, data +2;
                                     * ttya: control +4, data +6 */
#define ESCC_PCLK 4915200u          /* Z85C30 PCLK on the SS-5 */
#define ESCC_RR0_RX_AVAIL 0x01      /* RR0: a received byte waits */
#define ESCC_RR0_TX_EMPTY 0x04      /* RR0: transmit buffer empty */
#define ESCC_RR1_ALL_SENT 0x01      /* RR1: the last bit has left */

/* fw_cfg keys (hw/chips/fw_cfg.h; the ports are in prom.h) */
#define FW_CFG_KERNEL_ADDR 0x07
#define FW_CFG_KERNEL_SIZE 0x08
#define FW_CFG_KERNEL_CMDLINE 0x09
#define FW_CFG_INITRD_ADDR 0x0a
#define FW_CFG_INITRD_SIZE 0x0b
#define FW_CFG_FILE_DIR 0x19
#define FWCFG_NAME_LEN 56

/* The kernel (own-firmware.md §1; L arch/sparc/kernel/head_32.S) */
#define KERNEL_ENTRY 0x4000u        /* _start at PA = VA 0x4000 */
#define KERNBASE 0xf0000000u        /* vmlinux's link base */
#define KERNEL_MAP_END 0x1000000u   /* L1[0]: what head_32.S remaps */
#define HDRS_MAGIC 0x48647253u      /* "HdrS" at a page start */
#define HDRS_SCAN_PAGES 64
#define HDRS_RAMDISK_IMAGE 16       /* sparc_ramdisk_image */
#define HDRS_RAMDISK_SIZE 20        /* sparc_ramdisk_size */
#define HDRS_END 40                 /* .word _end (head_32.S) */

/* The PROM's tick (prom.h; hw/README.md §Counter-timers): per-CPU timer
 * 0, level 14, 2 MHz; a limit of (n + 1) << 9 interrupts every n counts */
#define TICK_LIMIT ((TICK_MS * 2000u + 1) << 9)

/* Page tables (entry.S builds the rest; V8 Appendix H) */
#define PTE_DEV 0x1e                /* ACC 7 (supervisor RWX), ET 2 = PTE,
                                     * C = 0: uncached device page */
#define ET_MASK 3
#define ET_PTD 1

/* What this PROM is: shown by Linux in /proc/cpuinfo ("prom": major.minor) */
#define PROM_REV ((1u << 16) | 0u)
#define PROM_PLUGIN_REV 2

/* The device-tree copy plus the setprop heap after it (.noinit) */
#define DT_ARENA 0x30000u
#define CMDLINE_MAX 4096            /* SUN4M_CMDLINE_MAX: fw_cfg's limit */

/* ---------------------------------------------------------------- asm side */

extern uint32_t mmu_l2_ff[64], mmu_l3_pool[MMU_L3_TABLES * 64];
extern char prom_stack_top[];
extern void prom_fatal_halt(void) __attribute__((noreturn));
extern void prom_sys_reset(void) __attribute__((noreturn));
extern void enter_kernel(void *romvec, uint32_t entry, void *sp)
    __attribute__((noreturn));
/* the romvec proxies of entry.S, each calling c_<name> below; declared
 * with the types of the romvec slots they fill (romvec.h) */
extern int rv_nextnode(int), rv_child(int), rv_proplen(int, const char *),
    rv_getprop(int, const char *, void *),
    rv_setprop(int, const char *, const void *, int);
extern const char *rv_nextprop(int, const char *);
extern int rv_getchar(void), rv_nbgetchar(void), rv_nbputchar(int),
    rv_enaddr(int, char *), rv_inst2pkg(int), rv_open(const char *),
    rv_read(int, void *, int), rv_write(int, const void *, int),
    rv_seek(int, int, int);
extern void rv_putchar(int), rv_putstr(const char *, int),
    rv_reboot(const char *), rv_printf(const char *, ...), rv_abort(void),
    rv_halt(void), rv_fortheval(const char *), rv_close(int);
extern char rv_cpu_none[];

uint32_t prom_ram_size, prom_ram_pa;       /* set by entry.S at reset */
volatile uint32_t prom_ticks;               /* level-14 ticks (entry.S) */
uint32_t con_ctl = ESCC2_BASE + 4;          /* console control register
                                             * (entry.S prints traps) */

/* ---------------------------------------------------------------- romvec */

static struct romvec romvec;
static struct rv_nodeops nodeops;
static struct rv_mlist_v0 ml_totphys, ml_prommap, ml_available;
static struct rv_mlist_v0 *ml_totphys_p, *ml_prommap_p, *ml_available_p;
static struct rv_args_v0 v0args;
static const struct rv_args_v0 *v0args_p;
static char cmdline[CMDLINE_MAX];
static char bootpath[] = "";
static const char *cmdline_p, *bootpath_p;
static char dev_stdin, dev_stdout;
static int con_ihandle_word;        /* its address is the console ihandle */
static int fd_stdin, fd_stdout;
static void (*synchook)(void);

/* ---------------------------------------------------------------- helpers */

static uint8_t phys_ld8(uint32_t pa)
{
    uint32_t v;
    __asm__ volatile("lduba [%1] 0x20, %0" : "=r"(v) : "r"(pa) : "memory");
    return v;
}

static void phys_st8(uint32_t pa, uint8_t v)
{
    __asm__ volatile("stba %0, [%1] 0x20" : : "r"(v), "r"(pa) : "memory");
}

static uint32_t phys_ld32(uint32_t pa)
{
    uint32_t v;
    __asm__ volatile("lda [%1] 0x20, %0" : "=r"(v) : "r"(pa) : "memory");
    return v;
}

static void phys_st32(uint32_t pa, uint32_t v)
{
    __asm__ volatile("sta %0, [%1] 0x20" : : "r"(v), "r"(pa) : "memory");
}

static size_t str_len(const char *s)
{
    size_t n = 0;

    while (s[n]) {
        n++;
    }
    return n;
}

static int str_eq(const char *a, const char *b)
{
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return *a == *b;
}

static void mem_copy(void *d, const void *s, size_t n)
{
    uint8_t *dp = d;
    const uint8_t *sp = s;

    while (n--) {
        *dp++ = *sp++;
    }
}

/* ---------------------------------------------------------------- console */

/* Z85C30 access: a control write with the pointer at 0 is WR0, whose low
 * bits (plus "point high" for 8-15) select the next register (Zilog SCC
 * manual §5; hw/README.md §ESCC). */
static void escc_wr(unsigned reg, unsigned val)
{
    phys_st8(con_ctl, reg);
    phys_st8(con_ctl, val);
}

static unsigned escc_rr(unsigned reg)
{
    if (reg) {
        phys_st8(con_ctl, reg);
    }
    return phys_ld8(con_ctl);
}

/* Program the console channel (0 = A, ttya; 1 = B, ttyb) for baud,8,n,1,
 * polled, no interrupts. */
static void con_init(unsigned channel, uint32_t baud)
{
    uint32_t tc;

    con_ctl = ESCC2_BASE + (channel ? 0 : 4);
    /* BRG rate = PCLK / (2 * clock mode * (TC + 2)), x16 clock mode */
    tc = ESCC_PCLK / (2 * 16 * baud);
    tc = tc > 2 ? tc - 2 : 0;
    escc_wr(9, channel ? 0x40 : 0x80);  /* WR9: reset this channel */
    escc_wr(4, 0x44);                   /* WR4: x16 clock, 1 stop bit */
    escc_wr(3, 0xc0);                   /* WR3: Rx 8 bits, disabled */
    escc_wr(5, 0x60);                   /* WR5: Tx 8 bits, disabled */
    escc_wr(9, 0x00);                   /* WR9: MIE off: no interrupts */
    escc_wr(10, 0x00);                  /* WR10: NRZ */
    escc_wr(11, 0x50);                  /* WR11: Rx and Tx clock = BRG */
    escc_wr(12, tc & 0xff);             /* WR12/13: time constant */
    escc_wr(13, tc >> 8);
    escc_wr(14, 0x03);                  /* WR14: BRG from PCLK, enabled */
    escc_wr(3, 0xc1);                   /* WR3: Rx enable */
    escc_wr(5, 0xea);                   /* WR5: DTR, Tx 8 bits, Tx on, RTS */
    escc_wr(1, 0x00);                   /* WR1: no interrupts */
}

static int con_tx_ready(void)
{
    return escc_rr(0) & ESCC_RR0_TX_EMPTY;
}

static void con_putc(int c)
{
    while (!con_tx_ready()) {
    }
    phys_st8(con_ctl + 2, c);
}

static int con_getc_nb(void)
{
    if (!(escc_rr(0) & ESCC_RR0_RX_AVAIL)) {
        return -1;
    }
    return phys_ld8(con_ctl + 2);
}

static void con_drain(void)
{
    while (!con_tx_ready() || !(escc_rr(1) & ESCC_RR1_ALL_SENT)) {
    }
}

/* Text output: LF becomes CR LF. */
static void out_c(int c)
{
    if (c == '\n') {
        con_putc('\r');
    }
    con_putc(c);
}

static void out_s(const char *s)
{
    while (*s) {
        out_c(*s++);
    }
}

static void out_num(uint32_t v, unsigned base, int neg, int width, int zero)
{
    char buf[12];
    int n = 0;

    do {
        buf[n++] = "0123456789abcdef"[v % base];
        v /= base;
    } while (v);
    if (neg) {
        buf[n++] = '-';
    }
    while (width-- > n) {
        out_c(zero ? '0' : ' ');
    }
    while (n) {
        out_c(buf[--n]);
    }
}

/* printf subset: %s %c %d %i %u %x %X %p %%, with a width, '0' and 'l'. */
static void out_fmt(const char *fmt, va_list ap)
{
    for (; *fmt; fmt++) {
        int width = 0, zero = 0;

        if (*fmt != '%') {
            out_c(*fmt);
            continue;
        }
        fmt++;
        if (*fmt == '0') {
            zero = 1;
        }
        while (*fmt >= '0' && *fmt <= '9') {
            width = width * 10 + *fmt++ - '0';
        }
        while (*fmt == 'l') {
            fmt++;
        }
        switch (*fmt) {
        case 's': {
            const char *s = va_arg(ap, const char *);
            out_s(s ? s : "(null)");
            break;
        }
        case 'c':
            out_c(va_arg(ap, int));
            break;
        case 'd':
        case 'i': {
            int v = va_arg(ap, int);
            out_num(v < 0 ? -(uint32_t)v : (uint32_t)v, 10, v < 0, width,
                    zero);
            break;
        }
        case 'u':
            out_num(va_arg(ap, uint32_t), 10, 0, width, zero);
            break;
        case 'x':
        case 'X':
        case 'p':
            out_num(va_arg(ap, uint32_t), 16, 0, width, zero);
            break;
        case '\0':
            return;
        default:
            out_c(*fmt);
            break;
        }
    }
}

/* pv_printf, and the PROM's own messages */
void c_printf(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    out_fmt(fmt, ap);
    va_end(ap);
}
#define pr c_printf

/* Fatal errors and pv_halt: a last line, then traps off and the CPU idle
 * for good (entry.S). */
static void __attribute__((noreturn)) halt_with(const char *last)
{
    out_s(last);
    con_drain();
    prom_fatal_halt();
}

#define FATAL(...) \
    do { \
        pr(__VA_ARGS__); \
        halt_with("prom: halted\n"); \
    } while (0)

/* ---------------------------------------------------------------- fw_cfg */

static void fwcfg_select(uint32_t key)
{
    __asm__ volatile("stha %0, [%1] 0x2d" : : "r"(key), "r"(FWCFG_SEL)
                     : "memory");
}

static uint8_t fwcfg_byte(void)
{
    uint32_t v;
    __asm__ volatile("lduba [%1] 0x2d, %0" : "=r"(v) : "r"(FWCFG_DATA)
                     : "memory");
    return v;
}

/* Integer items are little-endian (QEMU's order); 32 bits are enough. */
static uint32_t fwcfg_u32(uint32_t key)
{
    uint32_t v = 0;
    unsigned i;

    fwcfg_select(key);
    for (i = 0; i < 4; i++) {
        v |= (uint32_t)fwcfg_byte() << (8 * i);
    }
    return v;
}

static uint32_t fwcfg_be(unsigned n)
{
    uint32_t v = 0;

    while (n--) {
        v = v << 8 | fwcfg_byte();
    }
    return v;
}

/* Find a named item in the file directory (key 0x19: BE u32 count, then
 * {BE u32 size, BE u16 select, u16 reserved, char name[56]}).  Returns
 * its size and selector, or -1. */
static int fwcfg_find(const char *name, uint32_t *size, uint32_t *sel)
{
    uint32_t n, i, j;

    fwcfg_select(FW_CFG_FILE_DIR);
    n = fwcfg_be(4);
    for (i = 0; i < n && i < 256; i++) {
        int match = 1;

        *size = fwcfg_be(4);
        *sel = fwcfg_be(2);
        fwcfg_be(2);
        for (j = 0; j < FWCFG_NAME_LEN; j++) {
            char c = fwcfg_byte();

            if (j <= str_len(name) && c != name[j]) {
                match = 0;
            }
        }
        if (match) {
            return 0;
        }
    }
    return -1;
}

/* ---------------------------------------------------------------- tree */

static uint8_t dt[DT_ARENA] __attribute__((section(".noinit"), aligned(8)));
static struct dtb_header *dth;
static struct dtb_node *dt_nodes;
static struct dtb_prop *dt_props;
static struct dtb_map *dt_maps;
static uint32_t heap_next;          /* offset in dt[] of free heap */
static const char empty[] = "";

/* Properties created by setprop: a list in the heap, in creation order. */
struct xprop {
    struct xprop *next;
    uint32_t node;
    uint32_t len;
    uint32_t cap;                   /* room at val */
    char *name;
    uint8_t *val;
};
/* Room at each blob property's value: its first length, then whatever a
 * setprop that grew it got; a value shrunk and grown again reuses it */
static uint32_t *dt_cap;
static struct xprop *xprops, **xprops_tail;

static void *heap_alloc(uint32_t n)
{
    uint32_t at = (heap_next + 7) & ~7u;

    if (n > DT_ARENA || at + n > DT_ARENA) {
        return NULL;
    }
    heap_next = at + n;
    return dt + at;
}

static int dt_str_ok(uint32_t off)
{
    while (off < dth->size) {
        if (dt[off++] == 0) {
            return 1;
        }
    }
    return 0;
}

/* Read the blob from fw_cfg into dt[] and check every offset in it. */
static const char *dt_load(void)
{
    uint32_t size, sel, i;

    if (fwcfg_find(DTB_FWCFG_NAME, &size, &sel) < 0) {
        return "fw_cfg has no file " DTB_FWCFG_NAME;
    }
    if (size < sizeof(*dth) || size > DTB_MAX_SIZE) {
        return "bad size";
    }
    fwcfg_select(sel);
    for (i = 0; i < size; i++) {
        dt[i] = fwcfg_byte();
    }
    dth = (struct dtb_header *)dt;
    if (dth->magic != DTB_MAGIC || dth->version != DTB_VERSION) {
        return "bad magic or version";
    }
    /* each table within the blob (n * its size is at most size once n
     * is checked, so nothing wraps) */
    if (dth->size != size || dth->n_nodes == 0 ||
        dth->n_nodes > size / sizeof(struct dtb_node) ||
        dth->n_props > size / sizeof(struct dtb_prop) ||
        dth->n_maps > size / sizeof(struct dtb_map) ||
        dth->nodes_off > size || dth->props_off > size ||
        dth->maps_off > size ||
        dth->n_nodes * sizeof(struct dtb_node) > size - dth->nodes_off ||
        dth->n_props * sizeof(struct dtb_prop) > size - dth->props_off ||
        dth->n_maps * sizeof(struct dtb_map) > size - dth->maps_off ||
        ((dth->nodes_off | dth->props_off | dth->maps_off) & 3) ||
        dth->console >= dth->n_nodes || dth->console_channel > 1 ||
        dth->console_baud < DTB_MIN_BAUD ||
        dth->console_baud > DTB_MAX_BAUD) {
        return "bad header";
    }
    dt_nodes = (struct dtb_node *)(dt + dth->nodes_off);
    dt_props = (struct dtb_prop *)(dt + dth->props_off);
    dt_maps = (struct dtb_map *)(dt + dth->maps_off);
    for (i = 0; i < dth->n_nodes; i++) {
        const struct dtb_node *n = &dt_nodes[i];

        if ((n->parent >= dth->n_nodes && n->parent != DTB_NONE) ||
            (n->child >= dth->n_nodes && n->child != DTB_NONE) ||
            (n->sibling >= dth->n_nodes && n->sibling != DTB_NONE) ||
            (i == 0) != (n->parent == DTB_NONE) ||
            n->first_prop > dth->n_props ||
            n->n_props > dth->n_props - n->first_prop) {
            return "bad node";
        }
    }
    /* a tree: every child list ends within n_nodes steps and holds only
     * nodes whose parent is its owner, and every parent chain reaches
     * the root, so no walk of child and sibling links can loop */
    for (i = 0; i < dth->n_nodes; i++) {
        uint32_t c, k = 0;

        for (c = dt_nodes[i].child; c != DTB_NONE; c = dt_nodes[c].sibling) {
            if (++k > dth->n_nodes || dt_nodes[c].parent != i) {
                return "not a tree";
            }
        }
        for (c = i, k = 0; c != 0; c = dt_nodes[c].parent) {
            if (++k > dth->n_nodes) {
                return "not a tree";
            }
        }
    }
    for (i = 0; i < dth->n_props; i++) {
        const struct dtb_prop *p = &dt_props[i];

        if (!dt_str_ok(p->name_off) ||
            str_len((const char *)dt + p->name_off) > DTB_MAX_NAME ||
            p->value_off > size || p->len > size - p->value_off) {
            return "bad property";
        }
    }
    heap_next = size;
    dt_cap = heap_alloc(dth->n_props * sizeof(*dt_cap) + 4);
    if (!dt_cap) {
        return "no room";
    }
    for (i = 0; i < dth->n_props; i++) {
        dt_cap[i] = dt_props[i].len;
    }
    xprops = NULL;
    xprops_tail = &xprops;
    return NULL;
}

static uint32_t ph_of(uint32_t idx)
{
    return idx == DTB_NONE ? 0 : (uint32_t)&dt_nodes[idx];
}

/* Node index of a phandle, or DTB_NONE. */
static uint32_t idx_of(uint32_t ph)
{
    uint32_t off = ph - (uint32_t)dt_nodes;

    if (ph < (uint32_t)dt_nodes || off % sizeof(struct dtb_node) ||
        off / sizeof(struct dtb_node) >= dth->n_nodes) {
        return DTB_NONE;
    }
    return off / sizeof(struct dtb_node);
}

static struct dtb_prop *bprop_find(uint32_t idx, const char *name)
{
    const struct dtb_node *n = &dt_nodes[idx];
    uint32_t i;

    for (i = 0; i < n->n_props; i++) {
        struct dtb_prop *p = &dt_props[n->first_prop + i];

        if (str_eq((const char *)dt + p->name_off, name)) {
            return p;
        }
    }
    return NULL;
}

static struct xprop *xprop_find(uint32_t idx, const char *name)
{
    struct xprop *x;

    for (x = xprops; x; x = x->next) {
        if (x->node == idx && str_eq(x->name, name)) {
            return x;
        }
    }
    return NULL;
}

static struct xprop *xprop_next(struct xprop *x, uint32_t idx)
{
    for (; x; x = x->next) {
        if (x->node == idx) {
            return x;
        }
    }
    return NULL;
}

/* A property's value and length; -1 if the node has none by that name. */
static int prop_get(uint32_t idx, const char *name, const uint8_t **val)
{
    struct dtb_prop *p;
    struct xprop *x;

    if (idx == DTB_NONE || !name) {
        return -1;
    }
    if ((p = bprop_find(idx, name))) {
        *val = dt + p->value_off;
        return p->len;
    }
    if ((x = xprop_find(idx, name))) {
        *val = x->val;
        return x->len;
    }
    return -1;
}

/* Set or create a property: the value is copied into the heap unless it
 * fits where the old one was.  Returns len, or -1 when the heap is full. */
static int prop_set(uint32_t idx, const char *name, const void *val,
                    uint32_t len)
{
    struct dtb_prop *p;
    struct xprop *x;
    uint8_t *dst;

    if (idx == DTB_NONE || !name || (len && !val) || len > DT_ARENA) {
        return -1;
    }
    if ((p = bprop_find(idx, name))) {
        uint32_t k = p - dt_props;
        if (len > dt_cap[k]) {
            if (!(dst = heap_alloc(len))) {
                return -1;
            }
            p->value_off = dst - dt;
            dt_cap[k] = len;
        }
        mem_copy(dt + p->value_off, val, len);
        p->len = len;
        return len;
    }
    if ((x = xprop_find(idx, name))) {
        if (len > x->cap) {
            /* the old value stays whole if there is no room */
            if (!(dst = heap_alloc(len))) {
                return -1;
            }
            x->val = dst;
            x->cap = len;
        }
    } else {
        size_t nl = str_len(name) + 1;

        x = heap_alloc(sizeof(*x));
        if (!x || !(x->name = heap_alloc(nl)) ||
            !(x->val = heap_alloc(len ? len : 1))) {
            return -1;
        }
        mem_copy(x->name, name, nl);
        x->cap = len ? len : 1;
        x->node = idx;
        x->next = NULL;
        *xprops_tail = x;
        xprops_tail = &x->next;
    }
    mem_copy(x->val, val, len);
    x->len = len;
    return len;
}

/* The child of node idx named name (before any '@'), or DTB_NONE. */
static uint32_t child_named(uint32_t idx, const char *name)
{
    uint32_t c;

    for (c = dt_nodes[idx].child; c != DTB_NONE; c = dt_nodes[c].sibling) {
        const uint8_t *v;

        if (prop_get(c, "name", &v) > 0 && str_eq((const char *)v, name)) {
            return c;
        }
    }
    return DTB_NONE;
}

/* ---------------------------------------------------------------- nodeops */

uint32_t c_nextnode(uint32_t ph)
{
    uint32_t idx;

    if (ph == 0) {
        return ph_of(0);            /* nextnode(0) is the root */
    }
    idx = idx_of(ph);
    return idx == DTB_NONE ? 0 : ph_of(dt_nodes[idx].sibling);
}

uint32_t c_child(uint32_t ph)
{
    uint32_t idx = idx_of(ph);

    return idx == DTB_NONE ? 0 : ph_of(dt_nodes[idx].child);
}

int c_proplen(uint32_t ph, const char *name)
{
    const uint8_t *v;

    return prop_get(idx_of(ph), name, &v);
}

int c_getprop(uint32_t ph, const char *name, void *buf)
{
    const uint8_t *v;
    int len = prop_get(idx_of(ph), name, &v);

    if (len > 0 && buf) {
        mem_copy(buf, v, len);
    }
    return len;
}

int c_setprop(uint32_t ph, const char *name, const void *val, int len)
{
    return len < 0 ? -1 : prop_set(idx_of(ph), name, val, len);
}

/* The name after `name' ("" or NULL: the first); "" after the last. */
const char *c_nextprop(uint32_t ph, const char *name)
{
    uint32_t idx = idx_of(ph);
    const struct dtb_node *n;
    struct xprop *x;
    uint32_t i;

    if (idx == DTB_NONE) {
        return empty;
    }
    n = &dt_nodes[idx];
    if (!name || !*name) {
        i = 0;
    } else {
        struct dtb_prop *p = bprop_find(idx, name);

        if (p) {
            i = p - &dt_props[n->first_prop] + 1;
        } else if ((x = xprop_find(idx, name))) {
            x = xprop_next(x->next, idx);
            return x ? x->name : empty;
        } else {
            return empty;
        }
    }
    if (i < n->n_props) {
        return (const char *)dt + dt_props[n->first_prop + i].name_off;
    }
    x = xprop_next(xprops, idx);
    return x ? x->name : empty;
}

/* ---------------------------------------------------------------- services */

int c_getchar(void)
{
    int c;

    while ((c = con_getc_nb()) < 0) {
    }
    return c;
}

void c_putchar(int c)
{
    con_putc(c);
}

int c_nbgetchar(void)
{
    return con_getc_nb();
}

/* 0 when sent, -1 when the transmitter is busy (BSD bsd_openprom.h) */
int c_nbputchar(int c)
{
    if (!con_tx_ready()) {
        return -1;
    }
    phys_st8(con_ctl + 2, c);
    return 0;
}

void c_putstr(const char *s, int len)
{
    while (len-- > 0) {
        con_putc(*s++);
    }
}

/* pv_reboot(bootstr): a system reset; the PROM then boots the same
 * -kernel again.  SIMPLIFY: Sun's PROM keeps bootstr for the next boot
 * command; the -kernel boot has no use for it. */
void c_reboot(const char *bootstr)
{
    (void)bootstr;
    con_drain();
    prom_sys_reset();
}

/* SIMPLIFY: Sun's PROM enters its ok monitor (Stop-A, BREAK), from which
 * "go" resumes; this PROM has no monitor and returns at once. */
void c_abort(void)
{
    out_s("\nprom: abort: this PROM has no monitor; continuing\n");
}

void c_halt(void)
{
    halt_with("Program terminated\n");
}

/* SIMPLIFY: no Forth.  Sun's PROM interprets any Forth text; the words
 * clients use to restart ("reset", "reset-all") are understood, anything
 * else is reported and ignored. */
void c_fortheval(const char *s)
{
    while (s && (*s == ' ' || *s == '\t')) {
        s++;
    }
    if (s && (str_eq(s, "reset") || str_eq(s, "reset-all"))) {
        c_reboot(NULL);
    }
    pr("prom: no Forth in this PROM: '%s' ignored\n", s ? s : "");
}

/* pv_enaddr(d, buf): the Ethernet address from the root's idprom
 * (bytes 2-7, hw/README.md §NVRAM layout). */
int c_enaddr(int d, char *buf)
{
    const uint8_t *v;

    (void)d;
    if (prop_get(0, "idprom", &v) < 8 || !buf) {
        return -1;
    }
    mem_copy(buf, v + 2, 6);
    return 0;
}

/* v2 devops.  SIMPLIFY: the console is the only device; Sun's PROM opens
 * any device path (disks, network) through its drivers. */
uint32_t c_inst2pkg(int ih)
{
    return ih == fd_stdout ? ph_of(dth->console) : 0;
}

int c_open(const char *path)
{
    const uint8_t *sp;
    int n = prop_get(0, "stdout-path", &sp);
    int i;

    if (!path) {
        return 0;
    }
    if (str_eq(path, "ttya") || str_eq(path, "ttyb")) {
        return fd_stdout;
    }
    /* the console's path, with or without its ":a" / ":b" option */
    for (i = 0; n > 0 && i < n; i++) {
        if (sp[i] == 0 || sp[i] == ':') {
            if (path[i] == 0 || path[i] == ':') {
                return fd_stdout;
            }
            break;
        }
        if (path[i] != sp[i]) {
            break;
        }
    }
    return 0;
}

int c_close(int ih)
{
    (void)ih;
    return 0;
}

/* Non-blocking: the bytes waiting now, 0 if none (NetBSD's getchar spins
 * on read(fd, &c, 1) == 1). */
int c_read(int ih, char *buf, int n)
{
    int got = 0, c;

    if (ih != fd_stdout || n < 0) {
        return -1;
    }
    while (got < n && (c = con_getc_nb()) >= 0) {
        buf[got++] = c;
    }
    return got;
}

/* Raw bytes (Linux adds the CRs); returns the count, which Linux's
 * early console requires (own-firmware.md §2). */
int c_write(int ih, const char *buf, int n)
{
    int i;

    if (ih != fd_stdout || n < 0) {
        return -1;
    }
    for (i = 0; i < n; i++) {
        con_putc(buf[i]);
    }
    return n;
}

int c_seek(int ih, int hi, int lo)
{
    (void)hi;
    (void)lo;
    return ih == fd_stdout ? 0 : -1;
}

/* v3 cpustart/stop/idle/resume: one CPU only. */
int c_cpu_none(void)
{
    return -1;
}

/* ---------------------------------------------------------------- MMU */

static uint32_t virt_to_phys(const void *va)
{
    return (uint32_t)va - DTB_PROM_VA + prom_ram_pa;
}

/* Map the 4 KB page at va (in 0xff000000+, outside the PROM's own 256 KB
 * PTEs) uncached to the 36-bit pa_hi:pa_lo; level-3 tables come from
 * entry.S's pool.  PTE: PPN = PA[35:12] in bits 31:8 (V8 H.2.3). */
static int map_page(uint32_t va, uint32_t pa_hi, uint32_t pa_lo)
{
    static unsigned l3_used;
    uint32_t i2 = (va >> 18) & 0x3f;
    uint32_t *l3;

    if ((va >> 24) != 0xff) {
        return -1;
    }
    if ((mmu_l2_ff[i2] & ET_MASK) == 0) {
        if (l3_used == MMU_L3_TABLES) {
            return -1;
        }
        l3 = &mmu_l3_pool[64 * l3_used++];
        mmu_l2_ff[i2] = virt_to_phys(l3) >> 4 | ET_PTD;
    } else if ((mmu_l2_ff[i2] & ET_MASK) == ET_PTD) {
        l3 = (uint32_t *)(((mmu_l2_ff[i2] & ~ET_MASK) << 4) - prom_ram_pa +
                          DTB_PROM_VA);
    } else {
        return -1;
    }
    l3[(va >> 12) & 0x3f] =
        ((pa_hi << 28 | pa_lo >> 4) & 0xffffff00u) | PTE_DEV;
    return 0;
}

static void map_devices(void)
{
    uint32_t i, off;

    for (i = 0; i < dth->n_maps; i++) {
        const struct dtb_map *m = &dt_maps[i];

        if (m->va < DTB_DEV_VA_BASE || m->va >= DTB_DEV_VA_END ||
            m->size > DTB_DEV_VA_END - m->va ||
            ((m->va | m->size | m->pa_lo) & 0xfff)) {
            FATAL("prom: device map %u (va 0x%x size 0x%x) is outside "
                  "0x%x-0x%x or not page-aligned\n", i, m->va, m->size,
                  DTB_DEV_VA_BASE, DTB_DEV_VA_END);
        }
        for (off = 0; off < m->size; off += 0x1000) {
            if (map_page(m->va + off, m->pa_hi, m->pa_lo + off) < 0) {
                FATAL("prom: no page table room for va 0x%x\n",
                      m->va + off);
            }
        }
    }
    /* flush the whole TLB (ASI 3, type 4 "entire", V8 H.4.1) */
    __asm__ volatile("sta %%g0, [%0] 0x03" : : "r"(0x400) : "memory");
}

/* ---------------------------------------------------------------- boot */

/* The first bytes of the formats Linux 6.1 can unpack or mount as an
 * initrd (init/initramfs.c, lib/decompress.c, init/do_mounts_rd.c). */
static int initrd_known(uint32_t pa, uint32_t size)
{
    static const struct {
        uint8_t len, b[6];
    } magic[] = {
        { 4, { '0', '7', '0', '7' } },                  /* cpio newc/crc/odc */
        { 2, { 0x1f, 0x8b } },                          /* gzip */
        { 3, { 'B', 'Z', 'h' } },                       /* bzip2 */
        { 3, { 0x5d, 0x00, 0x00 } },                    /* lzma */
        { 6, { 0xfd, '7', 'z', 'X', 'Z', 0x00 } },      /* xz */
        { 4, { 0x89, 'L', 'Z', 'O' } },                 /* lzop */
        { 4, { 0x02, 0x21, 0x4c, 0x18 } },              /* lz4 legacy */
        { 4, { 0x28, 0xb5, 0x2f, 0xfd } },              /* zstd */
    };
    unsigned i, j;

    for (i = 0; i < sizeof(magic) / sizeof(magic[0]); i++) {
        for (j = 0; j < magic[i].len && j < size; j++) {
            if (phys_ld8(pa + j) != magic[i].b[j]) {
                break;
            }
        }
        if (j == magic[i].len) {
            return 1;
        }
    }
    /* ext2: s_magic 0xef53 (LE) at byte 1024 + 56 */
    return size > 1081 && phys_ld8(pa + 1080) == 0x53 &&
           phys_ld8(pa + 1081) == 0xef;
}

/* The kernel's "HdrS" header: at a page start within 64 pages of its
 * start (where QEMU looks too); 0 if none. */
static uint32_t find_hdrs(uint32_t kstart)
{
    uint32_t i;

    for (i = 0; i < HDRS_SCAN_PAGES; i++) {
        if (phys_ld32(kstart + i * 0x1000) == HDRS_MAGIC) {
            return kstart + i * 0x1000;
        }
    }
    return 0;
}

static void fill_romvec(void)
{
    struct romvec *r = &romvec;
    char *a;
    int n;

    nodeops.nextnode = rv_nextnode;
    nodeops.child = rv_child;
    nodeops.proplen = rv_proplen;
    nodeops.getprop = rv_getprop;
    nodeops.setprop = rv_setprop;
    nodeops.nextprop = rv_nextprop;

    /* v0 memory lists: all RAM, the PROM's RAM, and what is free */
    ml_totphys = (struct rv_mlist_v0){ NULL, 0, prom_ram_size };
    ml_prommap = (struct rv_mlist_v0){ NULL, prom_ram_pa, DTB_PROM_RAM_SIZE };
    ml_available = (struct rv_mlist_v0){ NULL, 0, prom_ram_pa };
    ml_totphys_p = &ml_totphys;
    ml_prommap_p = &ml_prommap;
    ml_available_p = &ml_available;

    /* v0 boot arguments: argv[0] the boot device, then the words of the
     * command line (SIMPLIFY: Sun's v0 PROM parses "dev(c,u,p)file") */
    v0args.argv[0] = bootpath;
    mem_copy(v0args.args, cmdline, sizeof(v0args.args) - 1);
    for (a = v0args.args, n = 1; *a && n < 8; n++) {
        while (*a == ' ') {
            *a++ = 0;
        }
        if (!*a) {
            break;
        }
        v0args.argv[n] = a;
        while (*a && *a != ' ') {
            a++;
        }
    }
    v0args_p = &v0args;

    cmdline_p = cmdline;
    bootpath_p = bootpath;
    dev_stdin = dev_stdout = dth->console_channel ? PROMDEV_TTYB
                                                  : PROMDEV_TTYA;
    fd_stdin = fd_stdout = (int)&con_ihandle_word;

    r->magic = ROMVEC_MAGIC;
    r->romvers = 3;
    r->plugin_revision = PROM_PLUGIN_REV;
    r->printrev = PROM_REV;
    r->v0_totphys = &ml_totphys_p;
    r->v0_prommap = &ml_prommap_p;
    r->v0_available = &ml_available_p;
    r->nodeops = &nodeops;
    r->bootstr = &cmdline_p;
    r->stdin_v0 = &dev_stdin;
    r->stdout_v0 = &dev_stdout;
    r->getchar = rv_getchar;
    r->putchar = rv_putchar;
    r->nbgetchar = rv_nbgetchar;
    r->nbputchar = rv_nbputchar;
    r->putstr = rv_putstr;
    r->reboot = rv_reboot;
    r->printf = rv_printf;
    r->abort = rv_abort;
    r->ticks = &prom_ticks;
    r->halt = rv_halt;
    r->synchook = &synchook;
    r->fortheval = rv_fortheval;
    r->v0bootargs = &v0args_p;
    r->enaddr = rv_enaddr;
    r->v2bootargs.bootpath = &bootpath_p;
    r->v2bootargs.bootargs = &cmdline_p;
    r->v2bootargs.fd_stdin = &fd_stdin;
    r->v2bootargs.fd_stdout = &fd_stdout;
    r->v2devops.inst2pkg = rv_inst2pkg;
    r->v2devops.open = rv_open;
    r->v2devops.close = rv_close;
    r->v2devops.read = rv_read;
    r->v2devops.write = rv_write;
    r->v2devops.seek = rv_seek;
    r->cpustart = rv_cpu_none;
    r->cpustop = rv_cpu_none;
    r->cpuidle = rv_cpu_none;
    r->cpuresume = rv_cpu_none;
}

/* /chosen: the console ihandles and the command line, which only the
 * PROM knows (Open Firmware's /chosen; OpenBIOS sets the same). */
static void fill_chosen(void)
{
    uint32_t chosen = child_named(0, "chosen");

    if (chosen == DTB_NONE) {
        pr("prom: the device tree has no /chosen\n");
        return;
    }
    if (prop_set(chosen, "bootargs", cmdline, str_len(cmdline) + 1) < 0 ||
        prop_set(chosen, "stdin", &fd_stdin, 4) < 0 ||
        prop_set(chosen, "stdout", &fd_stdout, 4) < 0) {
        FATAL("prom: no heap left for /chosen\n");
    }
}

/* Called by entry.S with the MMU on, traps on at PIL 15, on the PROM's
 * stack.  Does not return: enters the kernel or halts. */
void prom_main(void)
{
    uint32_t ksize, kstart, hdrs, kend, rd_pa, rd_size, pa, i;
    const char *err;

    con_init(0, 9600);              /* ttya until the tree says more */
    err = dt_load();
    if (err) {
        FATAL("prom: no usable device tree (fw_cfg %s): %s\n",
              DTB_FWCFG_NAME, err);
    }
    /* other settings than the first con_init's: programming the channel
     * again resets it, which would cut a character still being sent */
    if (dth->console_channel != 0 || dth->console_baud != 9600) {
        con_init(dth->console_channel, dth->console_baud);
    }
    map_devices();

    ksize = fwcfg_u32(FW_CFG_KERNEL_SIZE);
    if (ksize == 0) {
        FATAL("prom: nothing to boot: this PROM boots only -kernel images "
              "(use the default -bios, OpenBIOS, for disks, CDs and the "
              "network)\n");
    }
    kstart = fwcfg_u32(FW_CFG_KERNEL_ADDR);
    if (kstart == 0) {
        kstart = KERNEL_ENTRY;
    }

    /* the command line: a NUL-terminated string at a guest PA */
    pa = fwcfg_u32(FW_CFG_KERNEL_CMDLINE);
    for (i = 0; pa && i < CMDLINE_MAX - 1; i++) {
        if ((cmdline[i] = phys_ld8(pa + i)) == 0) {
            break;
        }
    }
    cmdline[i] = 0;

    rd_pa = fwcfg_u32(FW_CFG_INITRD_ADDR);
    rd_size = fwcfg_u32(FW_CFG_INITRD_SIZE);
    if (rd_size && !initrd_known(rd_pa, rd_size)) {
        pr("prom: the initrd (%u bytes) is not an archive or image Linux "
           "knows: booting without it\n", rd_size);
        rd_size = 0;
    }
    if (rd_size && (rd_pa > prom_ram_pa || rd_size > prom_ram_pa - rd_pa)) {
        pr("prom: the initrd (%u bytes at 0x%x) overlaps the PROM's RAM at "
           "0x%x: booting without it\n", rd_size, rd_pa, prom_ram_pa);
        rd_size = 0;
    }

    /* HdrS (L head_32.S): _end to check the fit, +16/+20 for the initrd
     * (L mm/init_32.c find_ramdisk reads them as a physical offset) */
    hdrs = find_hdrs(kstart);
    if (hdrs) {
        kend = phys_ld32(hdrs + HDRS_END);
        if (kend >= KERNBASE) {
            kend -= KERNBASE;
        }
        if (kend > KERNEL_MAP_END) {
            FATAL("prom: the kernel ends at 0x%x, beyond the first 16 MB "
                  "that Linux's head_32.S maps\n", kend);
        }
        if (kend > prom_ram_pa) {
            FATAL("prom: the kernel (to 0x%x) overlaps the PROM's RAM at "
                  "0x%x\n", kend, prom_ram_pa);
        }
        if (rd_size && kend > rd_pa) {
            FATAL("prom: the kernel (to 0x%x) overlaps the initrd at "
                  "0x%x\n", kend, rd_pa);
        }
        phys_st32(hdrs + HDRS_RAMDISK_IMAGE, rd_size ? rd_pa : 0);
        phys_st32(hdrs + HDRS_RAMDISK_SIZE, rd_size);
    } else {
        pr("prom: no HdrS header in the kernel: size unchecked, no "
           "initrd passed\n");
    }

    fill_romvec();
    fill_chosen();
    phys_st32(TIMER_CPU0_LIMIT, TICK_LIMIT);
    pr("sun4m PROM: booting Linux %u bytes, initrd %u bytes, args '%s'\n",
       ksize, rd_size, cmdline);
    enter_kernel(&romvec, kstart, prom_stack_top);
}
