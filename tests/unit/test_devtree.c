/*
 * The device tree for our own PROM (hw/board/devtree.c): machines built
 * with several configurations give the tree OpenBIOS gives on them (the
 * lines below are taken from Linux's /proc/device-tree under OpenBIOS),
 * the blob's maps[] cover every "address" the tree publishes, and
 * damaged blobs are refused by devtree_check without a crash (run it
 * under SANITIZE=1 too).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "firmware/prom/dtblob.h"
#include "hw/board/devtree.h"
#include "hw/board/sun4m.h"
#include "unit.h"

typedef struct Tm {
    Machine m;
    CharDev con;
    char bios[64];
    char disk[2][64];
} Tm;

static void tm_config(MachineConfig *cfg)
{
    memset(cfg, 0, sizeof(*cfg));
    cfg->model = "SS-5";
    cfg->ram_size = 32u << 20;
    cfg->cpu_hz = SUN4M_DEFAULT_HZ;
    cfg->rtc_fixed = true;
    cfg->rtc_start = 1704164645;
    cfg->nographic = true;
}

static Tm *tm_new(MachineConfig *cfg)
{
    static const uint8_t spin[] = { 0x10, 0x80, 0x00, 0x00,   /* ba . */
                                    0x01, 0x00, 0x00, 0x00 }; /* nop */
    Tm *t = calloc(1, sizeof(*t));
    char err[256];
    int fd;

    CU_ASSERT_FATAL(t != NULL);
    snprintf(t->bios, sizeof(t->bios), "/tmp/sun4m-dt-XXXXXX");
    fd = mkstemp(t->bios);
    CU_ASSERT_FATAL(fd >= 0);
    CU_ASSERT_FATAL(write(fd, spin, sizeof(spin)) == (ssize_t)sizeof(spin));
    close(fd);
    CU_ASSERT_FATAL(chardev_open(&t->con, "null", false) == 0);
    cfg->bios = t->bios;
    cfg->serial_a = &t->con;
    if (machine_init(&t->m, cfg, err, sizeof(err)) < 0) {
        printf("\n  machine_init: %s\n", err);
        CU_FAIL_FATAL("machine_init");
    }
    return t;
}

static void tm_free(Tm *t)
{
    unsigned i;

    machine_free(&t->m);
    chardev_close(&t->con);
    unlink(t->bios);
    for (i = 0; i < 2; i++) {
        if (t->disk[i][0]) {
            unlink(t->disk[i]);
        }
    }
    free(t);
}

static uint8_t *tm_blob(Tm *t, size_t *len)
{
    char err[256] = "";
    uint8_t *b = devtree_build(&t->m, len, err, sizeof(err));

    if (!b) {
        printf("\n  devtree_build: %s\n", err);
    }
    /* (devtree_build refuses a blob devtree_check would refuse) */
    CU_ASSERT_FATAL(b != NULL);
    return b;
}

/* The printed tree, malloc'd */
static char *dump(const uint8_t *b, size_t len)
{
    char *text = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&text, &n);

    CU_ASSERT_FATAL(f != NULL);
    CU_ASSERT_EQUAL(devtree_print(b, len, f), 0);
    fclose(f);
    CU_ASSERT_FATAL(text != NULL);
    return text;
}

static char *tm_dump(Tm *t)
{
    size_t len;
    uint8_t *b = tm_blob(t, &len);
    char *text = dump(b, len);

    free(b);
    return text;
}

/* text holds exactly this line */
static int has_line(const char *text, const char *line)
{
    size_t n = strlen(line);
    const char *p = text;

    while ((p = strstr(p, line)) != NULL) {
        if ((p == text || p[-1] == '\n') && p[n] == '\n') {
            return 1;
        }
        p++;
    }
    return 0;
}

#define LINE(text, l)                                                     \
    do {                                                                  \
        if (!has_line((text), (l))) {                                     \
            printf("\n  missing: %s\n", (l));                             \
        }                                                                 \
        CU_ASSERT(has_line((text), (l)));                                 \
    } while (0)

#define NO_LINE(text, l) CU_ASSERT(!has_line((text), (l)))

static uint32_t be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
           (uint32_t)p[2] << 8 | p[3];
}

static void put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

/* header word i (struct dtb_header order) */
static uint32_t hdr(const uint8_t *b, unsigned i)
{
    return be32(b + 4 * i);
}

enum { H_SIZE = 2, H_NN, H_NO, H_NP, H_PO, H_NM, H_MO, H_CONS, H_CHAN,
       H_BAUD };

/* The value of property name of node i, or NULL */
static const uint8_t *prop_of(const uint8_t *b, uint32_t i, const char *name,
                              uint32_t *len)
{
    const uint8_t *n = b + hdr(b, H_NO) + 20 * i;
    uint32_t k;

    for (k = be32(n + 12); k < be32(n + 12) + be32(n + 16); k++) {
        const uint8_t *p = b + hdr(b, H_PO) + 12 * k;
        if (strcmp((const char *)b + be32(p), name) == 0) {
            *len = be32(p + 8);
            return b + be32(p + 4);
        }
    }
    return NULL;
}

/* ---- the tree's contents ---- */

static void test_root(void)
{
    MachineConfig cfg;
    Tm *t;
    char *d;

    tm_config(&cfg);
    t = tm_new(&cfg);
    d = tm_dump(t);
    LINE(d, "N .");
    LINE(d, "P ./compatible 73756e346d00");                       /* sun4m */
    LINE(d, "P ./name 53554e572c535041524373746174696f6e2d3500");
    LINE(d, "P ./banner-name 535041524373746174696f6e203500");
    LINE(d, "P ./model 53554e572c3530312d3330353900");
    LINE(d, "P ./clock-frequency 0a21fe80");
    LINE(d, "P ./#address-cells 00000002");
    LINE(d, "P ./#size-cells 00000001");
    /* /obio/zs@0,100000:a */
    LINE(d, "P ./stdout-path 2f6f62696f2f7a7340302c3130303030303a6100");
    LINE(d, "P ./stdin-path 2f6f62696f2f7a7340302c3130303030303a6100");
    /* QEMU's default MAC 52:54:00:12:34:56 */
    LINE(d, "P ./idprom 018052540012345600000000123456870000000000000000"
            "0000000000000000");
    LINE(d, "P ./FMI,MB86904/device_type 63707500");
    LINE(d, "P ./FMI,MB86904/mmu-nctx 00000100");
    LINE(d, "P ./FMI,MB86904/psr-version 00000004");
    LINE(d, "P ./FMI,MB86904/mid 00000000");
    LINE(d, "P ./openprom/model 73756e346d2d70726f6d203100");
    LINE(d, "P ./obio/ranges 0000000000000000000000007100000001000000");
    LINE(d, "P ./obio/zs@0,0/keyboard ");
    LINE(d, "P ./obio/zs@0,100000/slave 00000000");
    LINE(d, "P ./obio/zs@0,100000/intr 0000002c00000000");
    LINE(d, "P ./obio/SUNW,fdtwo@0,400000/intr 0000002b00000000");
    LINE(d, "P ./obio/power@0,910000/intr 0000002200000000");
    LINE(d, "P ./obio/eeprom@0,200000/model 6d6b343874303800");
    LINE(d, "P ./iommu@0,10000000/reg 000000001000000000000300");
    LINE(d, "P ./iommu@0,10000000/sbus@0,10001000/ranges "
            "0000000000000000000000002000000010000000"
            "0000000100000000000000003000000010000000"
            "0000000200000000000000004000000010000000"
            "0000000300000000000000005000000010000000"
            "0000000400000000000000006000000010000000"
            "0000000500000000000000007000000010000000");
    LINE(d, "P ./iommu@0,10000000/sbus@0,10001000/clock-frequency 01443fd0");
    LINE(d, "P ./iommu@0,10000000/sbus@0,10001000/slot-address-bits "
            "0000001c");
    LINE(d, "P ./iommu@0,10000000/sbus@0,10001000/espdma@5,8400000/"
            "esp@5,8800000/intr 0000002400000000");
    LINE(d, "P ./iommu@0,10000000/sbus@0,10001000/ledma@5,8400010/"
            "le@5,8c00000/intr 0000002600000000");
    LINE(d, "P ./iommu@0,10000000/sbus@0,10001000/ledma@5,8400010/reg "
            "000000050840001000000020");
    LINE(d, "P ./iommu@0,10000000/sbus@0,10001000/power-management@4,"
            "a000000/reg 000000040a00000000000010");
    LINE(d, "P ./iommu@0,10000000/sbus@0,10001000/SUNW,CS4231@4,c000000/"
            "intr 0000000500000000");
    LINE(d, "P ./aliases/ttya 2f6f62696f2f7a7340302c3130303030303a6100");
    LINE(d, "P ./aliases/floppy 2f6f62696f2f53554e572c666474776f00");
    /* OpenBIOS's Forth packages are left out, and so are phandles */
    CU_ASSERT(strstr(d, "/packages") == NULL);
    CU_ASSERT(strstr(d, "/.node") == NULL);
    free(d);
    tm_free(t);
}

/* The virtual addresses Linux dereferences, identical to OpenBIOS's */
static void test_addresses(void)
{
    MachineConfig cfg;
    Tm *t;
    char *d;

    tm_config(&cfg);
    t = tm_new(&cfg);
    d = tm_dump(t);
    LINE(d, "P ./obio/counter@0,d00000/address ffddb000ffdeb000");
    LINE(d, "P ./obio/counter@0,d00000/reg "
            "0000000000d00000000000100000000000d1000000000010");
    LINE(d, "P ./obio/interrupt@0,e00000/address ffdec000ffdfc000");
    LINE(d, "P ./obio/interrupt@0,e00000/reg "
            "0000000000e00000000000100000000000e1000000000010");
    LINE(d, "P ./iommu@0,10000000/address ffdd2000");
    LINE(d, "P ./obio/zs@0,100000/address ffdd3000");
    LINE(d, "P ./obio/zs@0,0/address ffdd4000");
    LINE(d, "P ./obio/eeprom@0,200000/address ffdd5000");
    LINE(d, "P ./obio/SUNW,fdtwo@0,400000/address ffdd7000");
    LINE(d, "P ./obio/auxio@0,900000/address ffdd8000");
    LINE(d, "P ./obio/power@0,910000/address ffdd9000");
    LINE(d, "P ./iommu@0,10000000/sbus@0,10001000/address ffdfe000");
    free(d);
    tm_free(t);
}

static void test_memory(void)
{
    static const struct {
        unsigned mb;
        const char *reg;
    } cases[] = {
        { 32, "000000000000000002000000" },
        { 64, "000000000000000002000000000000000200000002000000" },
        { 128, "000000000000000002000000000000000200000002000000"
               "000000000400000002000000000000000600000002000000" },
    };
    unsigned i;

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        MachineConfig cfg;
        char line[256];
        Tm *t;
        char *d;

        tm_config(&cfg);
        cfg.ram_size = (uint64_t)cases[i].mb << 20;
        t = tm_new(&cfg);
        d = tm_dump(t);
        snprintf(line, sizeof(line), "P ./memory@0,0/reg %s", cases[i].reg);
        LINE(d, line);
        /* everything but the PROM's 512 KB at the top */
        snprintf(line, sizeof(line), "P ./memory@0,0/available "
                 "0000000000000000%08x",
                 (unsigned)((cases[i].mb << 20) - DTB_PROM_RAM_SIZE));
        LINE(d, line);
        if (cases[i].mb == 64) {
            LINE(d, "P ./memory@0,0/available 000000000000000003f80000");
        }
        free(d);
        tm_free(t);
    }
}

static const char tcx_path[] = "./iommu@0,10000000/sbus@0,10001000/"
                               "SUNW,tcx@3,800000";

static void test_tcx(void)
{
    MachineConfig cfg;
    char line[512];
    Tm *t;
    char *d;

    /* 8-bit, the default */
    tm_config(&cfg);
    t = tm_new(&cfg);
    CU_ASSERT_FATAL(t->m.has_tcx);
    d = tm_dump(t);
    snprintf(line, sizeof(line), "N %s", tcx_path);
    LINE(d, line);
    snprintf(line, sizeof(line), "P %s/tcx-8-bit 7472756500", tcx_path);
    LINE(d, line);
    snprintf(line, sizeof(line), "P %s/intr 0000003900000000", tcx_path);
    LINE(d, line);
    snprintf(line, sizeof(line), "P %s/width 00000400", tcx_path);
    LINE(d, line);
    snprintf(line, sizeof(line), "P %s/height 00000300", tcx_path);
    LINE(d, line);
    snprintf(line, sizeof(line), "P %s/reg "
             "000000030080000000100000000000030200000000000001"
             "000000030400000000800000000000030600000000800000"
             "000000030a00000000000001000000030c00000000000001"
             "000000030e00000000000001000000030070100000001000"
             "00000003002000000000000400000003003000000000081c"
             "000000030000000000010000000000030024000000000004"
             "000000030028000000000001", tcx_path);
    LINE(d, line);
    LINE(d, "P ./aliases/screen 2f696f6d6d7540302c31303030303030302f73627573"
            "40302c31303030313030302f53554e572c74637840332c38303030303000");
    free(d);
    tm_free(t);

    /* 24-bit */
    tm_config(&cfg);
    cfg.fb_depth = 24;
    t = tm_new(&cfg);
    d = tm_dump(t);
    snprintf(line, sizeof(line), "P %s/reg "
             "000000030080000000100000000000030200000000400000"
             "000000030400000000800000000000030600000000800000"
             "000000030a00000000400000000000030c00000000800000"
             "000000030e00000000800000000000030070100000001000"
             "000000030020000000004000000000030030100000001000"
             "000000030000000000010000000000030024000000004000"
             "000000030028000000008000", tcx_path);
    LINE(d, line);
    CU_ASSERT(strstr(d, "tcx-8-bit") == NULL);
    snprintf(line, sizeof(line), "P %s/linebytes 00000400", tcx_path);
    LINE(d, line);
    free(d);
    tm_free(t);

    /* -vga none */
    tm_config(&cfg);
    cfg.no_tcx = true;
    t = tm_new(&cfg);
    CU_ASSERT_FATAL(!t->m.has_tcx);
    d = tm_dump(t);
    CU_ASSERT(strstr(d, "SUNW,tcx") == NULL);
    CU_ASSERT(strstr(d, "aliases/screen") == NULL);
    LINE(d, "N ./iommu@0,10000000/sbus@0,10001000/SUNW,CS4231@4,c000000");
    free(d);
    tm_free(t);
}

/* A MAC in the configuration reaches the root's idprom, checksummed */
static void test_idprom(void)
{
    static const uint8_t mac[6] = { 0x08, 0x00, 0x20, 0xaa, 0xbb, 0xcc };
    MachineConfig cfg;
    uint32_t len;
    size_t blen;
    uint8_t *b, x = 0;
    const uint8_t *v;
    Tm *t;
    char *d;
    unsigned i;

    tm_config(&cfg);
    memcpy(cfg.mac, mac, 6);
    t = tm_new(&cfg);
    b = tm_blob(t, &blen);
    v = prop_of(b, 0, "idprom", &len);
    CU_ASSERT_FATAL(v != NULL);
    CU_ASSERT_EQUAL(len, 32);
    CU_ASSERT_EQUAL(v[0], 0x01);            /* format */
    CU_ASSERT_EQUAL(v[1], 0x80);            /* sun4m SS-5 */
    CU_ASSERT_EQUAL(memcmp(v + 2, mac, 6), 0);
    for (i = 0; i < 16; i++) {
        x ^= v[i];                          /* byte 15: xor of 0..14 */
    }
    CU_ASSERT_EQUAL(x, 0);
    CU_ASSERT_NOT_EQUAL(v[15], 0);
    d = dump(b, blen);
    LINE(d, "P ./idprom 0180080020aabbcc00000000aabbcca9000000000000000000"
            "00000000000000");
    free(d);
    free(b);
    tm_free(t);
}

static void set_env(Tm *t, const char *const *env, unsigned n)
{
    CU_ASSERT_FATAL(m48t08_build_image(t->m.nvram.mem, (const uint8_t *)
                                       "\x52\x54\x00\x12\x34\x56", 0x80,
                                       env, n) == 0);
}

/* /options: OpenBIOS's defaults, the NVRAM's variables over them */
static void test_options(void)
{
    static const char *const env[] = {
        "ttya-mode=19200,8,n,1,-", "oem-banner=hello world",
        "myvar=xyz", "auto-boot?=false",
    };
    static const char *const env_b[] = {
        "output-device=ttyb", "input-device=ttyb", "ttyb-mode=4800,8,n,1,-",
    };
    MachineConfig cfg;
    size_t len;
    uint8_t *b;
    uint32_t vlen;
    const uint8_t *v;
    Tm *t;
    char *d;

    tm_config(&cfg);
    cfg.append = "console=ttyS0 quiet";
    t = tm_new(&cfg);
    d = tm_dump(t);
    /* defaults */
    LINE(d, "P ./options/ttya-mode 393630302c382c6e2c312c2d00");
    LINE(d, "P ./options/oem-banner 00");
    LINE(d, "P ./options/tpe-link-test? 7472756500");
    LINE(d, "P ./options/auto-boot? 7472756500");
    LINE(d, "P ./options/input-device 7474796100");
    LINE(d, "P ./options/boot-device 6469736b3a61206469736b00");
    /* the command line, as OpenBIOS: boot-file and /chosen bootargs */
    LINE(d, "P ./options/boot-file 636f6e736f6c653d74747953302071756965"
            "7400");
    LINE(d, "P ./chosen/bootargs 636f6e736f6c653d747479533020717569657400");
    free(d);
    b = tm_blob(t, &len);
    CU_ASSERT_EQUAL(hdr(b, H_CHAN), 0);
    CU_ASSERT_EQUAL(hdr(b, H_BAUD), 9600);
    free(b);

    /* the NVRAM's system partition overrides */
    set_env(t, env, 4);
    d = tm_dump(t);
    LINE(d, "P ./options/ttya-mode 31393230302c382c6e2c312c2d00");
    LINE(d, "P ./options/oem-banner 68656c6c6f20776f726c6400");
    LINE(d, "P ./options/myvar 78797a00");
    LINE(d, "P ./options/auto-boot? 66616c736500");
    NO_LINE(d, "P ./options/ttya-mode 393630302c382c6e2c312c2d00");
    free(d);
    b = tm_blob(t, &len);
    CU_ASSERT_EQUAL(hdr(b, H_CHAN), 0);
    CU_ASSERT_EQUAL(hdr(b, H_BAUD), 19200);
    /* the console node is the serial zs@0,100000 */
    v = prop_of(b, hdr(b, H_CONS), "reg", &vlen);
    CU_ASSERT_FATAL(v != NULL && vlen >= 8);
    CU_ASSERT_EQUAL(be32(v + 4), 0x100000);
    v = prop_of(b, hdr(b, H_CONS), "name", &vlen);
    CU_ASSERT(v && strcmp((const char *)v, "zs") == 0);
    free(b);

    /* the console on ttyb */
    set_env(t, env_b, 3);
    d = tm_dump(t);
    LINE(d, "P ./stdout-path 2f6f62696f2f7a7340302c3130303030303a6200");
    LINE(d, "P ./options/output-device 7474796200");
    free(d);
    b = tm_blob(t, &len);
    CU_ASSERT_EQUAL(hdr(b, H_CHAN), 1);
    CU_ASSERT_EQUAL(hdr(b, H_BAUD), 4800);
    free(b);
    tm_free(t);

    /* a graphical console: OpenBIOS's keyboard/screen in /options, our
     * PROM on ttya all the same; -boot d */
    tm_config(&cfg);
    cfg.nographic = false;
    cfg.boot_device = 'd';
    t = tm_new(&cfg);
    d = tm_dump(t);
    LINE(d, "P ./options/output-device 73637265656e00");
    LINE(d, "P ./options/input-device 6b6579626f61726400");
    LINE(d, "P ./stdout-path 2f6f62696f2f7a7340302c3130303030303a6100");
    LINE(d, "P ./options/boot-device 6364726f6d3a64206364726f6d00");
    LINE(d, "P ./options/boot-file 00");
    LINE(d, "P ./chosen/bootargs 00");
    free(d);
    b = tm_blob(t, &len);
    CU_ASSERT_EQUAL(hdr(b, H_CHAN), 0);
    free(b);
    tm_free(t);
}

/* Sibling order, which the printed (sorted) tree hides: Linux's
 * sunzilog numbers lines in probe order, so the serial zs@0,100000 must
 * be /obio's first child, before the keyboard's zs@0,0 (as OpenBIOS);
 * the CPU is not the root's first child */
static void test_order(void)
{
    MachineConfig cfg;
    size_t len;
    uint8_t *b;
    uint32_t i, obio = DTB_NONE, c, vlen;
    const uint8_t *v;
    Tm *t;

    tm_config(&cfg);
    t = tm_new(&cfg);
    b = tm_blob(t, &len);
    for (i = 0; i < hdr(b, H_NN); i++) {
        v = prop_of(b, i, "name", &vlen);
        if (v && strcmp((const char *)v, "obio") == 0) {
            obio = i;
        }
    }
    CU_ASSERT_FATAL(obio != DTB_NONE);
    c = be32(b + hdr(b, H_NO) + 20 * obio + 4);         /* first child */
    CU_ASSERT_FATAL(c != DTB_NONE);
    CU_ASSERT_EQUAL(c, hdr(b, H_CONS));
    v = prop_of(b, c, "reg", &vlen);
    CU_ASSERT_FATAL(v != NULL);
    CU_ASSERT_EQUAL(be32(v + 4), 0x100000);
    c = be32(b + hdr(b, H_NO) + 20 * c + 8);            /* its sibling */
    CU_ASSERT_FATAL(c != DTB_NONE);
    v = prop_of(b, c, "reg", &vlen);
    CU_ASSERT_FATAL(v != NULL);
    CU_ASSERT_EQUAL(be32(v + 4), 0);
    CU_ASSERT(prop_of(b, c, "keyboard", &vlen) != NULL);
    c = be32(b + hdr(b, H_NO) + 4);                     /* root's first */
    v = prop_of(b, c, "device_type", &vlen);
    CU_ASSERT(!v || strcmp((const char *)v, "cpu") != 0);
    free(b);
    tm_free(t);
}

/* maps[]: page-aligned, inside the window, disjoint, and covering every
 * word of every "address" property */
static void test_maps(void)
{
    MachineConfig cfg;
    size_t len;
    uint8_t *b;
    uint32_t nm, i, j, k, addresses = 0;
    Tm *t;
    bool zs_found = false;

    tm_config(&cfg);
    cfg.ram_size = 64u << 20;
    t = tm_new(&cfg);
    b = tm_blob(t, &len);
    nm = hdr(b, H_NM);
    CU_ASSERT(nm >= 10);
    for (i = 0; i < nm; i++) {
        const uint8_t *mp = b + hdr(b, H_MO) + 16 * i;
        uint32_t va = be32(mp), size = be32(mp + 12);
        CU_ASSERT_EQUAL(va & 0xfff, 0);
        CU_ASSERT_EQUAL(size & 0xfff, 0);
        CU_ASSERT_EQUAL(be32(mp + 8) & 0xfff, 0);
        CU_ASSERT(va >= DTB_DEV_VA_BASE && size > 0 &&
                  (uint64_t)va + size <= DTB_DEV_VA_END);
        for (j = 0; j < i; j++) {
            const uint8_t *o = b + hdr(b, H_MO) + 16 * j;
            CU_ASSERT(va + size <= be32(o) || be32(o) + be32(o + 12) <= va);
        }
        if (va == 0xffdd3000) {             /* the serial ESCC */
            CU_ASSERT_EQUAL(be32(mp + 4), 0);
            CU_ASSERT_EQUAL(be32(mp + 8), 0x71100000);
            zs_found = true;
        }
        if (va == 0xffddb000) {             /* counter: CPU + system pages */
            CU_ASSERT_EQUAL(be32(mp + 8), 0x71d00000);
            CU_ASSERT_EQUAL(size, 0x11000);
        }
    }
    CU_ASSERT(zs_found);
    for (i = 0; i < hdr(b, H_NP); i++) {
        const uint8_t *p = b + hdr(b, H_PO) + 12 * i;
        if (strcmp((const char *)b + be32(p), "address") != 0) {
            continue;
        }
        CU_ASSERT(be32(p + 8) > 0 && be32(p + 8) % 4 == 0);
        for (k = 0; k + 4 <= be32(p + 8); k += 4) {
            uint32_t a = be32(b + be32(p + 4) + k);
            bool covered = false;
            for (j = 0; j < nm; j++) {
                const uint8_t *mp = b + hdr(b, H_MO) + 16 * j;
                if (a >= be32(mp) && a - be32(mp) < be32(mp + 12)) {
                    covered = true;
                }
            }
            CU_ASSERT(covered);
            addresses++;
        }
    }
    /* iommu, 2 zs, eeprom, fd, auxio, power, 2 counter, 2 interrupt,
     * sbus */
    CU_ASSERT_EQUAL(addresses, 12);
    free(b);
    tm_free(t);
}

static void make_disk(char *name, size_t size)
{
    int fd;

    snprintf(name, size, "/tmp/sun4m-dt-disk-XXXXXX");
    fd = mkstemp(name);
    CU_ASSERT_FATAL(fd >= 0);
    CU_ASSERT_FATAL(ftruncate(fd, 1 << 20) == 0);
    close(fd);
}

/* A disk and a CD on the ESP: sd nodes and OpenBIOS's aliases */
static void test_drives(void)
{
    MachineConfig cfg;
    Tm *t;
    char *d;
    char names[2][64];

    tm_config(&cfg);
    /* the files exist before machine_init opens them */
    make_disk(names[0], sizeof(names[0]));
    make_disk(names[1], sizeof(names[1]));
    cfg.drives[0].file = names[0];
    cfg.drives[0].id = 0;
    cfg.drives[1].file = names[1];
    cfg.drives[1].id = 2;
    cfg.drives[1].cdrom = true;
    cfg.n_drives = 2;
    t = tm_new(&cfg);
    memcpy(t->disk, names, sizeof(names));
    d = tm_dump(t);
    LINE(d, "N ./iommu@0,10000000/sbus@0,10001000/espdma@5,8400000/"
            "esp@5,8800000/sd@0,0");
    LINE(d, "P ./iommu@0,10000000/sbus@0,10001000/espdma@5,8400000/"
            "esp@5,8800000/sd@2,0/reg 0000000200000000");
    /* /iommu/sbus/espdma/esp/sd@0,0 */
    LINE(d, "P ./aliases/disk 2f696f6d6d752f736275732f657370646d612f6573702f"
            "736440302c3000");
    LINE(d, "P ./aliases/sd(0,0,0)@0,0 2f696f6d6d752f736275732f657370646d61"
            "2f6573702f736440302c3000");
    LINE(d, "P ./aliases/cd0 2f696f6d6d752f736275732f657370646d612f6573702f"
            "736440322c3000");
    CU_ASSERT(strstr(d, "aliases/disk1") == NULL);
    free(d);
    tm_free(t);
}

/* A device added to the board table appears in the tree */
static void test_board_row(void)
{
    MachineConfig cfg;
    BoardDevice dev[BD_COUNT];
    BoardModel bm;
    Tm *t;
    char *d;

    tm_config(&cfg);
    t = tm_new(&cfg);
    bm = *t->m.model;
    memcpy(dev, bm.dev, sizeof(dev));
    dev[BD_MISC_DIAG].node = "diag";
    dev[BD_MISC_DIAG].irq_bit = 21;
    dev[BD_FW_CFG].node = "fw-cfg";         /* beyond /obio: the root's */
    bm.dev = dev;
    t->m.model = &bm;
    d = tm_dump(t);
    LINE(d, "N ./obio/diag@0,a00000");
    LINE(d, "P ./obio/diag@0,a00000/reg 0000000000a0000000000001");
    LINE(d, "P ./obio/diag@0,a00000/intr 0000002900000000");
    LINE(d, "P ./fw-cfg@d,510/reg 0000000d0000051000000003");
    free(d);
    t->m.model = board_model("SS-5");
    tm_free(t);
}

/* Sorted by path in byte order, as `find | sort` */
static void test_sorted(void)
{
    MachineConfig cfg;
    Tm *t;
    char *d, *line, *save = NULL;
    char prev[512] = "";
    unsigned n = 0;

    tm_config(&cfg);
    t = tm_new(&cfg);
    d = tm_dump(t);
    for (line = strtok_r(d, "\n", &save); line;
         line = strtok_r(NULL, "\n", &save)) {
        char path[512];
        const char *sp;
        CU_ASSERT(line[0] == 'N' || line[0] == 'P');
        CU_ASSERT_FATAL(strlen(line) > 2);
        sp = strchr(line + 2, ' ');
        snprintf(path, sizeof(path), "%.*s",
                 sp ? (int)(sp - line - 2) : (int)strlen(line + 2), line + 2);
        CU_ASSERT(strcmp(prev, path) <= 0);
        snprintf(prev, sizeof(prev), "%s", path);
        n++;
    }
    CU_ASSERT(n > 200);
    free(d);
    tm_free(t);
}

/* ---- damaged blobs ---- */

static void expect_bad(const uint8_t *b, size_t len, const char *what)
{
    char err[160] = "";
    FILE *null = fopen("/dev/null", "w");
    int rc = devtree_check(b, len, err, sizeof(err));

    if (rc != -1) {
        printf("\n  accepted: %s\n", what);
    }
    CU_ASSERT_EQUAL(rc, -1);
    CU_ASSERT(err[0] != '\0');
    CU_ASSERT_EQUAL(devtree_print(b, len, null), -1);
    fclose(null);
}

static void test_corrupt(void)
{
    MachineConfig cfg;
    size_t len, i;
    uint8_t *good, *b;
    uint64_t seed = 0x9e3779b97f4a7c15ull;
    char err[160];
    Tm *t;
    FILE *null;

    tm_config(&cfg);
    t = tm_new(&cfg);
    good = tm_blob(t, &len);
    b = malloc(len);
    CU_ASSERT_FATAL(b != NULL);

#define FRESH() memcpy(b, good, len)
    FRESH();
    put32(b, 0x12345678);
    expect_bad(b, len, "bad magic");
    expect_bad(good, len - 1, "truncated by a byte");
    expect_bad(good, 20, "truncated header");
    expect_bad(good, 0, "empty");
    FRESH();
    put32(b + 4 * H_NO, (uint32_t)len);
    expect_bad(b, len, "node table past the end");
    FRESH();
    put32(b + 4 * H_NN, 0x10000000);
    expect_bad(b, len, "node count huge");
    FRESH();
    put32(b + 4 * H_PO, 0xfffffff0);
    expect_bad(b, len, "property table offset wraps");
    FRESH();
    put32(b + hdr(b, H_PO), (uint32_t)len + 100);
    expect_bad(b, len, "property name offset out of range");
    FRESH();
    put32(b + hdr(b, H_PO) + 4, (uint32_t)len - 2);
    put32(b + hdr(b, H_PO) + 8, 100);
    expect_bad(b, len, "property value out of range");
    FRESH();
    /* a name that runs to the end of the blob without a NUL */
    b[len - 1] = 'x';
    b[len - 2] = 'y';
    put32(b + hdr(b, H_PO), (uint32_t)len - 2);
    expect_bad(b, len, "unterminated property name");
    FRESH();
    put32(b + hdr(b, H_NO) + 20 * 1 + 4, 0);    /* child of node 1: root */
    expect_bad(b, len, "cycle to the root");
    FRESH();
    put32(b + hdr(b, H_NO) + 20 * 2 + 12, hdr(b, H_NP));
    expect_bad(b, len, "node properties past the table");
    FRESH();
    put32(b + hdr(b, H_MO) + 4, 0x1000);        /* va outside the window */
    put32(b + hdr(b, H_MO), 0x1000);
    expect_bad(b, len, "map outside the window");
    FRESH();
    put32(b + hdr(b, H_MO) + 12, 0x800);
    expect_bad(b, len, "map size not page-aligned");
    FRESH();
    put32(b + 4 * H_CONS, hdr(b, H_NN));
    expect_bad(b, len, "console node out of range");
    FRESH();
    put32(b + 4 * H_SIZE, (uint32_t)len + 4);
    expect_bad(b, len, "size beyond the blob");
    FRESH();
    put32(b + hdr(b, H_MO), DTB_DEV_VA_END);      /* at the window's end */
    expect_bad(b, len, "map starting at the window's end");
    FRESH();
    put32(b + hdr(b, H_MO), 0xfffff000);
    expect_bad(b, len, "map starting past the window");
    FRESH();
    put32(b + 4 * H_BAUD, 0);
    expect_bad(b, len, "console speed 0");
    FRESH();
    put32(b + 4 * H_BAUD, DTB_MAX_BAUD + 1);
    expect_bad(b, len, "console speed too high");
    {
        /* a property name of 32 characters (Linux copies names into 32
         * bytes): the first property's name, made longer over the bytes
         * after it; refused for its length, before anything else */
        uint32_t name;
        FRESH();
        name = be32(b + hdr(b, H_PO));
        CU_ASSERT_FATAL(name + 33 <= len);
        memset(b + name, 'n', 32);
        b[name + 32] = '\0';
        err[0] = '\0';
        CU_ASSERT_EQUAL(devtree_check(b, len, err, sizeof(err)), -1);
        CU_ASSERT(strstr(err, "name longer") != NULL);
        b[name + 31] = '\0';               /* 31 characters: that is fine */
        err[0] = '\0';
        devtree_check(b, len, err, sizeof(err));
        CU_ASSERT(strstr(err, "name longer") == NULL);
    }
    CU_ASSERT_EQUAL(devtree_check(good, len, err, sizeof(err)), 0);

    /* random damage: checked or refused, never a crash (ASan) */
    null = fopen("/dev/null", "w");
    for (i = 0; i < 3000; i++) {
        unsigned k, flips = 1 + (unsigned)(i % 4);
        FRESH();
        for (k = 0; k < flips; k++) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            /* mostly the tables, where damage is interesting */
            b[seed % (i & 1 ? len : (hdr(good, H_MO) + 16))] ^=
                (uint8_t)(1u << ((seed >> 32) & 7));
        }
        if (devtree_check(b, len, err, sizeof(err)) == 0) {
            CU_ASSERT_EQUAL(devtree_print(b, len, null), 0);
        } else {
            CU_ASSERT_EQUAL(devtree_print(b, len, null), -1);
        }
    }
    fclose(null);
#undef FRESH
    free(b);
    free(good);
    tm_free(t);
}

static const UnitTest tests[] = {
    { "root, cpu, obio and sbus nodes as OpenBIOS", test_root },
    { "address values as OpenBIOS", test_addresses },
    { "memory banks and available", test_memory },
    { "TCX 8-bit, 24-bit and absent", test_tcx },
    { "idprom with the configured MAC", test_idprom },
    { "options, NVRAM overrides and the console", test_options },
    { "maps cover every address", test_maps },
    { "sibling order: serial zs first", test_order },
    { "SCSI drives and aliases", test_drives },
    { "a board row added appears", test_board_row },
    { "printed lines sorted by path", test_sorted },
    { "damaged blobs refused", test_corrupt },
};

int main(void)
{
    return UNIT_RUN("devtree", NULL, NULL, tests);
}
