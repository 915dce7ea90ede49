/*
 * boot.c - a boot program of ours for the PROM to load from a disk or a
 * CD: it proves that the PROM found it (the Sun label, the boot block),
 * that it gave us a working romvec, and that the PROM's driver reads the
 * boot device correctly, then powers the machine off.
 *
 * Entered from start.S with the romvec (romvec.h) the PROM passed in %o0.
 * Steps, each printed on the PROM's console as a "boot: " line:
 *  1. a banner, through pv_nbputchar (a slot every romvec version has);
 *  2. the romvec's version, the boot path (v2 boot arguments) and the old
 *     sd(c,t,d):p name of the device (v0 boot arguments);
 *  3. open the boot path with v2_dev_open, seek to the data header
 *     tools/mkbootimg wrote (bootdata.h) and read it; print its text;
 *  4. read the pattern in one v2_dev_read, print its CRC-32 and compare it
 *     with the header's; seek back and re-read one block on its own;
 *  5. "BOOT-OK" (or "BOOT-FAIL: why"), close the device, pv_halt.
 * Everything after the banner goes through v2_dev_write on the console's
 * ihandle (*fd_stdout), as Linux's prom_console_write_buf does on
 * v2/v3 PROMs.
 *
 * Freestanding C: no library; compiled -mno-app-regs so %g2-%g7 stay the
 * PROM's.  The output must not depend on the machine beyond what the
 * PROM tells us, so that tests/guest/boot.sh can require the same lines
 * on QEMU and on build/sun4m.
 */
#include "firmware/boot/romvec.h"
#include "firmware/boot/bootdata.h"

void boot_main(const struct romvec *rv);

static const struct romvec *rv;
static int failed;

/* the pattern, then one block read again on its own (.bss, cleared by
 * start.S; the PROM maps the RAM after its load area) */
static unsigned char pat[BOOTDATA_PAT_LEN] __attribute__((aligned(8)));
static unsigned char one[512] __attribute__((aligned(8)));
static struct bootdata_hdr hdr;
static unsigned int crc_table[256];

/* ---------------------------------------------------------------- output */

static int slen(const char *s)
{
    int n = 0;
    while (s[n])
        n++;
    return n;
}

static void out(const char *s, int n)
{
    if (rv->romvers >= 2) {
        rv->v2devops.write(*rv->v2bootargs.fd_stdout, s, n);
        return;
    }
    for (int i = 0; i < n; i++)
        while (rv->nbputchar((unsigned char)s[i]) == -1)
            ;
}

static void puts_(const char *s)
{
    out(s, slen(s));
}

static void put_hex(unsigned int v, int digits)
{
    char b[8];
    for (int i = digits - 1; i >= 0; i--, v >>= 4)
        b[i] = "0123456789abcdef"[v & 15];
    out(b, digits);
}

static void put_dec(unsigned int v)
{
    char b[10];
    int i = 10;
    do {
        b[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    out(b + i, 10 - i);
}

static void nl(void)
{
    out("\r\n", 2);
}

/* a string the PROM gave us, shown even if absent or empty */
static void put_prom_str(const char *s)
{
    out("'", 1);
    if (s)
        puts_(s);
    out("'", 1);
}

static void fail(const char *why)
{
    failed = 1;
    puts_("boot: error: ");
    puts_(why);
    nl();
}

/* ---------------------------------------------------------------- CRC-32 */

/* IEEE 802.3 CRC-32, reflected, the one zlib.crc32 computes */
static void crc_init(void)
{
    for (unsigned int i = 0; i < 256; i++) {
        unsigned int c = i;
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
        crc_table[i] = c;
    }
}

static unsigned int crc32(const unsigned char *p, unsigned int n)
{
    unsigned int c = 0xffffffffu;
    while (n--)
        c = crc_table[(c ^ *p++) & 0xff] ^ (c >> 8);
    return c ^ 0xffffffffu;
}

static int same(const void *a, const void *b, int n)
{
    const unsigned char *x = a, *y = b;
    for (int i = 0; i < n; i++)
        if (x[i] != y[i])
            return 0;
    return 1;
}

/* ---------------------------------------------------------------- I/O */

/* seek to a partition-relative byte offset and read n bytes; the PROM's
 * seek answers -1 for a position past the partition */
static int read_at(int ih, unsigned int off, void *buf, int n)
{
    if (rv->v2devops.seek(ih, 0, (int)off) < 0) {
        fail("seek refused");
        return -1;
    }
    return rv->v2devops.read(ih, buf, n);
}

static void check_device(const char *path)
{
    int ih = rv->v2devops.open(path);
    if (ih == 0) {
        fail("v2_dev_open of the boot path failed");
        return;
    }
    puts_("boot: opened the boot device");
    nl();

    int n = read_at(ih, BOOTDATA_HDR_OFF, &hdr, sizeof hdr);
    puts_("boot: read ");
    put_dec((unsigned int)n);
    puts_(" bytes at ");
    put_dec(BOOTDATA_HDR_OFF);
    nl();
    if (n != (int)sizeof hdr || !same(hdr.magic, BOOTDATA_MAGIC, 8)) {
        fail("no data header (magic " BOOTDATA_MAGIC ") there");
        rv->v2devops.close(ih);
        return;
    }
    hdr.text[sizeof hdr.text - 1] = 0;
    puts_("boot: text: ");
    puts_(hdr.text);
    nl();

    unsigned int len = hdr.pat_len, off = hdr.pat_off;
    if (len == 0 || len > sizeof pat || len % 512 || off % 512) {
        fail("pattern size or place out of range");
        rv->v2devops.close(ih);
        return;
    }
    n = read_at(ih, off, pat, (int)len);
    unsigned int crc = crc32(pat, len);
    puts_("boot: read ");
    put_dec((unsigned int)n);
    puts_(" bytes at ");
    put_dec(off);
    puts_(", crc32 ");
    put_hex(crc, 8);
    puts_(" (header says ");
    put_hex(hdr.pat_crc, 8);
    puts_(")");
    nl();
    if (n != (int)len)
        fail("short read of the pattern");
    else if (crc != hdr.pat_crc)
        fail("pattern CRC-32 differs");

    /* one block from the middle again, alone: it must be the same bytes,
     * and start with its own block number */
    unsigned int blk = len / 512 / 2 + 3;
    n = read_at(ih, off + blk * 512, one, 512);
    unsigned int num = (unsigned int)one[0] << 24 | one[1] << 16 |
                       one[2] << 8 | one[3];
    puts_("boot: block ");
    put_dec(off / 512 + blk);
    puts_(" read again: ");
    put_dec((unsigned int)n);
    puts_(" bytes, numbered ");
    put_dec(num);
    nl();
    if (n != 512 || num != off / 512 + blk || !same(one, pat + blk * 512, 512))
        fail("a block read again differs");

    rv->v2devops.close(ih);
}

/* ---------------------------------------------------------------- main */

void boot_main(const struct romvec *romvec)
{
    rv = romvec;
    static const char banner[] = "\r\nboot: sun4m test boot program\r\n";
    for (const char *s = banner; *s; s++)
        while (rv->nbputchar((unsigned char)*s) == -1)
            ;
    crc_init();

    puts_("boot: romvec version ");
    put_dec(rv->romvers);
    puts_(" plugin ");
    put_dec(rv->plugin_revision);
    puts_(" printrev ");
    put_hex(rv->printrev, 8);
    nl();
    if (rv->magic != ROMVEC_MAGIC) {
        fail("romvec magic is not 10010407");
    } else if (rv->romvers < 2) {
        fail("a v0 PROM has no v2 device operations");
    } else {
        const char *path = rv->v2bootargs.bootpath ?
                           *rv->v2bootargs.bootpath : 0;
        puts_("boot: bootpath ");
        put_prom_str(path);
        nl();
        puts_("boot: bootargs ");
        put_prom_str(rv->v2bootargs.bootargs ? *rv->v2bootargs.bootargs : 0);
        nl();
        const struct rv_args_v0 *a0 = rv->v0bootargs ? *rv->v0bootargs : 0;
        puts_("boot: v0 device ");
        put_prom_str(a0 ? a0->argv[0] : 0);
        nl();
        if (path && *path)
            check_device(path);
        else
            fail("the PROM gave no boot path");
    }

    if (failed)
        puts_("BOOT-FAIL");
    else
        puts_("BOOT-OK");
    nl();
    rv->halt();
}
