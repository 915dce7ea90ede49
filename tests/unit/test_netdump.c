/*
 * Unit tests of the pcap writer (net/dump.h): the global header and every
 * record header read back byte by byte (little-endian, microsecond magic,
 * snaplen, Ethernet), frames gathered from several iovecs, truncation to
 * maxlen (incl_len < orig_len), virtual nanoseconds to sec/usec, the
 * messages of an unwritable path and of a host write error (/dev/full);
 * then the file read by tools/pcap-frames and, when installed, by tcpdump
 * (/usr/bin or /usr/sbin, or $TCPDUMP).
 *
 * Run from the top of the tree (as `make check-unit` does): the test runs
 * tools/pcap-frames by that relative path.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "net/dump.h"
#include "unit.h"

#define PCAP_FRAMES "tools/pcap-frames"

/* ---- frames: real Ethernet, so the readers can decode them ---- */

static const uint8_t mac_guest[6] = { 0x08, 0x00, 0x20, 0x12, 0x34, 0x56 };
static const uint8_t mac_host[6] = { 0x52, 0x55, 0x0a, 0x00, 0x02, 0x02 };
static const uint8_t ip_guest[4] = { 10, 0, 2, 15 };
static const uint8_t ip_host[4] = { 10, 0, 2, 2 };

static void eth(uint8_t *p, const uint8_t *dst, const uint8_t *src,
                uint16_t type)
{
    memcpy(p, dst, 6);
    memcpy(p + 6, src, 6);
    p[12] = (uint8_t)(type >> 8);
    p[13] = (uint8_t)type;
}

/* 42 bytes: who-has host tell guest (op 1) or host is-at (op 2) */
static void arp(uint8_t *p, int op)
{
    static const uint8_t bcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
    static const uint8_t hdr[6] = { 0, 1, 8, 0, 6, 4 };
    const uint8_t *smac = op == 1 ? mac_guest : mac_host;
    const uint8_t *sip = op == 1 ? ip_guest : ip_host;
    const uint8_t *tip = op == 1 ? ip_host : ip_guest;

    eth(p, op == 1 ? bcast : mac_guest, smac, 0x0806);
    memcpy(p + 14, hdr, 6);
    p[20] = 0;
    p[21] = (uint8_t)op;
    memcpy(p + 22, smac, 6);
    memcpy(p + 28, sip, 4);
    memset(p + 32, 0, 6);
    if (op == 2) {
        memcpy(p + 32, mac_guest, 6);
    }
    memcpy(p + 38, tip, 4);
}

static uint16_t ip_csum(const uint8_t *p, size_t n)
{
    uint32_t s = 0;
    size_t i;

    for (i = 0; i + 1 < n; i += 2) {
        s += (uint32_t)(p[i] << 8 | p[i + 1]);
    }
    while (s >> 16) {
        s = (s & 0xffff) + (s >> 16);
    }
    return (uint16_t)~s;
}

/* len bytes: Ethernet + IPv4 (guest to host) + 4 bytes of ports; the rest
 * of the payload a pattern */
static void ip_frame(uint8_t *p, size_t len, uint8_t proto, uint16_t sport,
                     uint16_t dport)
{
    size_t iplen = len - 14, i;
    uint16_t c;

    eth(p, mac_host, mac_guest, 0x0800);
    memset(p + 14, 0, 20);
    p[14] = 0x45;
    p[16] = (uint8_t)(iplen >> 8);
    p[17] = (uint8_t)iplen;
    p[20] = 0x40;                       /* DF */
    p[22] = 64;
    p[23] = proto;
    memcpy(p + 26, ip_guest, 4);
    memcpy(p + 30, ip_host, 4);
    c = ip_csum(p + 14, 20);
    p[24] = (uint8_t)(c >> 8);
    p[25] = (uint8_t)c;
    for (i = 34; i < len; i++) {
        p[i] = (uint8_t)(i * 7);
    }
    p[34] = (uint8_t)(sport >> 8);
    p[35] = (uint8_t)sport;
    p[36] = (uint8_t)(dport >> 8);
    p[37] = (uint8_t)dport;
    if (proto == 17) {                  /* UDP length, no checksum */
        p[38] = (uint8_t)((iplen - 20) >> 8);
        p[39] = (uint8_t)(iplen - 20);
        p[40] = 0;
        p[41] = 0;
    } else if (proto == 6) {            /* a 20-byte TCP header, ACK */
        p[46] = 0x50;
        p[47] = 0x10;
    }
}

/* ---- the standard file: four frames, maxlen 128 ---- */

#define STD_MAXLEN 128u
#define STD_FRAMES 4

typedef struct StdFrame {
    int64_t ns;
    uint32_t sec, usec;                 /* what the record must say */
    uint8_t bytes[1514];
    size_t len;
} StdFrame;

static StdFrame std[STD_FRAMES];

static void std_build(void)
{
    memset(std, 0, sizeof(std));
    /* ARP who-has at 1.5 s, gathered from 3 iovecs */
    std[0].ns = 1500000000;
    std[0].sec = 1;
    std[0].usec = 500000;
    arp(std[0].bytes, 1);
    std[0].len = 42;
    /* its reply 120 us later */
    std[1].ns = 1500120000;
    std[1].sec = 1;
    std[1].usec = 500120;
    arp(std[1].bytes, 2);
    std[1].len = 42;
    /* UDP at exactly 2.000001 s */
    std[2].ns = 2000001000;
    std[2].sec = 2;
    std[2].usec = 1;
    ip_frame(std[2].bytes, 100, 17, 5000, 5001);
    std[2].len = 100;
    /* a full-size TCP frame at 2.000001999 s: the ns are truncated, and
     * the frame to 128 bytes, inside its second iovec */
    std[3].ns = 2000001999;
    std[3].sec = 2;
    std[3].usec = 1;
    ip_frame(std[3].bytes, 1514, 6, 1023, 22);
    std[3].len = 1514;
}

/* write the standard file to path; 0 or -1 */
static int std_write(const char *path)
{
    char err[256];
    NetDump *d = net_dump_open(path, STD_MAXLEN, err, sizeof(err));
    struct iovec v[3];
    int rc = 0;

    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    CU_ASSERT_STRING_EQUAL(err, "");
    v[0].iov_base = std[0].bytes;
    v[0].iov_len = 14;
    v[1].iov_base = std[0].bytes + 14;
    v[1].iov_len = 8;
    v[2].iov_base = std[0].bytes + 22;
    v[2].iov_len = 20;
    rc |= net_dump_frame(d, std[0].ns, v, 3, std[0].len);
    v[0].iov_base = std[1].bytes;
    v[0].iov_len = std[1].len;
    rc |= net_dump_frame(d, std[1].ns, v, 1, std[1].len);
    v[0].iov_base = std[2].bytes;
    v[0].iov_len = std[2].len;
    rc |= net_dump_frame(d, std[2].ns, v, 1, std[2].len);
    v[0].iov_base = std[3].bytes;
    v[0].iov_len = 100;
    v[1].iov_base = std[3].bytes + 100;
    v[1].iov_len = std[3].len - 100;
    rc |= net_dump_frame(d, std[3].ns, v, 2, std[3].len);
    CU_ASSERT_EQUAL(net_dump_frames(d), STD_FRAMES);
    CU_ASSERT_EQUAL(net_dump_error(d), 0);
    rc |= net_dump_close(d, err, sizeof(err));
    CU_ASSERT_STRING_EQUAL(err, "");
    return rc;
}

static void tmp_path(char *path, size_t n)
{
    int fd;

    snprintf(path, n, "/tmp/sun4m-netdump-XXXXXX");
    fd = mkstemp(path);
    CU_ASSERT_FATAL(fd >= 0);
    close(fd);
}

static uint8_t *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    uint8_t *buf;
    long n;

    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_FATAL(fseek(f, 0, SEEK_END) == 0);
    n = ftell(f);
    CU_ASSERT_FATAL(n >= 0);
    rewind(f);
    buf = malloc((size_t)n + 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(buf);
    CU_ASSERT_EQUAL_FATAL(fread(buf, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    *len = (size_t)n;
    return buf;
}

static uint32_t le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

static uint16_t le16(const uint8_t *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}

/* ---- tests ---- */

static void test_format(void)
{
    char path[64];
    uint8_t *b;
    size_t len, off, want = 24;
    uint32_t incl;
    int i;

    std_build();
    tmp_path(path, sizeof(path));
    CU_ASSERT_EQUAL(std_write(path), 0);
    b = slurp(path, &len);
    for (i = 0; i < STD_FRAMES; i++) {
        want += 16 + (std[i].len < STD_MAXLEN ? std[i].len : STD_MAXLEN);
    }
    CU_ASSERT_EQUAL_FATAL(len, want);
    /* global header, little-endian whatever the host */
    CU_ASSERT_EQUAL(b[0], 0xd4);
    CU_ASSERT_EQUAL(b[1], 0xc3);
    CU_ASSERT_EQUAL(b[2], 0xb2);
    CU_ASSERT_EQUAL(b[3], 0xa1);
    CU_ASSERT_EQUAL(le16(b + 4), 2);            /* version 2.4 */
    CU_ASSERT_EQUAL(le16(b + 6), 4);
    CU_ASSERT_EQUAL(le32(b + 8), 0);            /* thiszone */
    CU_ASSERT_EQUAL(le32(b + 12), 0);           /* sigfigs */
    CU_ASSERT_EQUAL(le32(b + 16), STD_MAXLEN);  /* snaplen */
    CU_ASSERT_EQUAL(le32(b + 20), 1);           /* Ethernet */
    off = 24;
    for (i = 0; i < STD_FRAMES; i++) {
        incl = std[i].len < STD_MAXLEN ? (uint32_t)std[i].len : STD_MAXLEN;
        CU_ASSERT_EQUAL(le32(b + off), std[i].sec);
        CU_ASSERT_EQUAL(le32(b + off + 4), std[i].usec);
        CU_ASSERT_EQUAL(le32(b + off + 8), incl);
        CU_ASSERT_EQUAL(le32(b + off + 12), std[i].len);
        CU_ASSERT(memcmp(b + off + 16, std[i].bytes, incl) == 0);
        off += 16 + incl;
    }
    /* the long frame: cut inside its second iovec */
    CU_ASSERT_EQUAL(le32(b + len - 128 - 8), 128);
    CU_ASSERT_EQUAL(le32(b + len - 128 - 4), 1514);
    CU_ASSERT(le32(b + len - 128 - 8) < le32(b + len - 128 - 4));
    free(b);
    unlink(path);
}

/* the same frames give the same bytes: time is virtual */
static void test_deterministic(void)
{
    char p1[64], p2[64];
    uint8_t *a, *b;
    size_t la, lb;

    std_build();
    tmp_path(p1, sizeof(p1));
    tmp_path(p2, sizeof(p2));
    CU_ASSERT_EQUAL(std_write(p1), 0);
    CU_ASSERT_EQUAL(std_write(p2), 0);
    a = slurp(p1, &la);
    b = slurp(p2, &lb);
    CU_ASSERT_EQUAL_FATAL(la, lb);
    CU_ASSERT(memcmp(a, b, la) == 0);
    free(a);
    free(b);
    unlink(p1);
    unlink(p2);
}

/* maxlen 0 is 65536 and keeps a whole frame; a negative stamp is 0; iovecs
 * shorter than len are refused without harm; an empty frame is a record */
static void test_defaults_and_args(void)
{
    char path[64], err[256];
    uint8_t f[1514], *b;
    struct iovec v[2];
    size_t len;
    NetDump *d;

    ip_frame(f, sizeof(f), 17, 1, 2);
    tmp_path(path, sizeof(path));
    d = net_dump_open(path, 0, err, sizeof(err));
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    v[0].iov_base = f;
    v[0].iov_len = 1000;
    v[1].iov_base = f + 1000;
    v[1].iov_len = 514;
    CU_ASSERT_EQUAL(net_dump_frame(d, -5, v, 2, 1514), 0);
    /* 1515 bytes asked of 1514 */
    errno = 0;
    CU_ASSERT_EQUAL(net_dump_frame(d, 7, v, 2, 1515), -1);
    CU_ASSERT_EQUAL(errno, EINVAL);
    CU_ASSERT_EQUAL(net_dump_error(d), 0);
    /* len shorter than the iovecs: only len bytes */
    CU_ASSERT_EQUAL(net_dump_frame(d, 3000000000LL, v, 2, 60), 0);
    CU_ASSERT_EQUAL(net_dump_frame(d, 4000000000LL, NULL, 0, 0), 0);
    CU_ASSERT_EQUAL(net_dump_frames(d), 3);
    CU_ASSERT_EQUAL(net_dump_close(d, err, sizeof(err)), 0);
    b = slurp(path, &len);
    CU_ASSERT_EQUAL_FATAL(len, 24 + 16 + 1514 + 16 + 60 + 16);
    CU_ASSERT_EQUAL(le32(b + 16), 65536);
    CU_ASSERT_EQUAL(le32(b + 24), 0);
    CU_ASSERT_EQUAL(le32(b + 28), 0);
    CU_ASSERT_EQUAL(le32(b + 32), 1514);
    CU_ASSERT_EQUAL(le32(b + 36), 1514);
    CU_ASSERT(memcmp(b + 40, f, 1514) == 0);
    CU_ASSERT_EQUAL(le32(b + 1554), 3);
    CU_ASSERT_EQUAL(le32(b + 1558), 0);
    CU_ASSERT_EQUAL(le32(b + 1562), 60);
    CU_ASSERT_EQUAL(le32(b + 1566), 60);
    CU_ASSERT_EQUAL(le32(b + 1630), 4);
    CU_ASSERT_EQUAL(le32(b + 1638), 0);
    CU_ASSERT_EQUAL(le32(b + 1642), 0);
    free(b);
    unlink(path);
    /* closing nothing is harmless */
    CU_ASSERT_EQUAL(net_dump_close(NULL, err, sizeof(err)), 0);
}

static void test_unwritable(void)
{
    char err[256];
    NetDump *d;

    d = net_dump_open("/nonexistent-sun4m/dir/f.pcap", 0, err, sizeof(err));
    CU_ASSERT_PTR_NULL(d);
    CU_ASSERT_STRING_EQUAL(err, "filter-dump: cannot create "
                           "'/nonexistent-sun4m/dir/f.pcap': "
                           "No such file or directory");
    d = net_dump_open("/tmp", 0, err, sizeof(err));
    CU_ASSERT_PTR_NULL(d);
    CU_ASSERT_STRING_EQUAL(err, "filter-dump: cannot create '/tmp': "
                           "Is a directory");
    /* no room for the message: still NULL, no overflow */
    d = net_dump_open("/nonexistent-sun4m/f", 0, err, 8);
    CU_ASSERT_PTR_NULL(d);
    CU_ASSERT_STRING_EQUAL(err, "filter-");
    CU_ASSERT_PTR_NULL(net_dump_open("/nonexistent-sun4m/f", 0, NULL, 0));
}

/* a full disk: the first error is kept, writing stops, close says why */
static void test_write_error(void)
{
    char err[256];
    uint8_t f[1514];
    struct iovec v = { f, sizeof(f) };
    NetDump *d;
    int i, ok = 0, failed = 0;

    if (access("/dev/full", W_OK) != 0) {
        printf("\n  SKIP: /dev/full absent, write errors not checked ");
        return;
    }
    ip_frame(f, sizeof(f), 17, 1, 2);
    d = net_dump_open("/dev/full", 0, err, sizeof(err));
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    for (i = 0; i < 200; i++) {
        if (net_dump_frame(d, i * 1000, &v, 1, sizeof(f)) == 0) {
            CU_ASSERT_EQUAL(failed, 0);     /* none after a failure */
            ok++;
        } else {
            failed++;
        }
    }
    CU_ASSERT(failed > 0);
    CU_ASSERT_EQUAL(net_dump_frames(d), (uint64_t)ok);
    CU_ASSERT_EQUAL(net_dump_error(d), ENOSPC);
    CU_ASSERT_EQUAL(net_dump_close(d, err, sizeof(err)), -1);
    CU_ASSERT_STRING_EQUAL(err, "filter-dump: writing '/dev/full': "
                           "No space left on device");
}

/* run cmd; its stdout in out (NUL-terminated), its exit status returned */
static int run(const char *cmd, char *out, size_t n)
{
    FILE *p = popen(cmd, "r");
    size_t got = 0, r;
    int st;

    out[0] = '\0';
    if (p == NULL) {
        return -1;
    }
    while (got + 1 < n && (r = fread(out + got, 1, n - 1 - got, p)) > 0) {
        got += r;
    }
    out[got] = '\0';
    st = pclose(p);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static unsigned count_lines(const char *s)
{
    unsigned n = 0;

    for (; *s != '\0'; s++) {
        n += *s == '\n';
    }
    return n;
}

static const char *tcpdump_path(void)
{
    static const char *const paths[] = { "/usr/bin/tcpdump",
                                         "/usr/sbin/tcpdump" };
    const char *env = getenv("TCPDUMP");
    size_t i;

    if (env != NULL && env[0] != '\0') {
        return env;
    }
    for (i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
        if (access(paths[i], X_OK) == 0) {
            return paths[i];
        }
    }
    return NULL;
}

static void test_readers(void)
{
    static const char *const lines[STD_FRAMES] = {
        "1 1.500000 42 0x0806 arp who-has 10.0.2.2 tell 10.0.2.15\n",
        "2 1.500120 42 0x0806 arp reply 10.0.2.2 is-at 52:55:0a:00:02:02\n",
        "3 2.000001 100 0x0800 udp 10.0.2.15>10.0.2.2 5000>5001\n",
        "4 2.000001 1514 0x0800 tcp 10.0.2.15>10.0.2.2 1023>22 "
        "[captured 128]\n",
    };
    char path[64], cut[64], cmd[256], out[4096];
    const char *td;
    uint8_t *b;
    size_t len;
    FILE *f;
    int i;

    std_build();
    tmp_path(path, sizeof(path));
    CU_ASSERT_EQUAL_FATAL(std_write(path), 0);

    /* tools/pcap-frames */
    CU_ASSERT_FATAL(access(PCAP_FRAMES, X_OK) == 0);
    snprintf(cmd, sizeof(cmd), "%s %s", PCAP_FRAMES, path);
    CU_ASSERT_EQUAL(run(cmd, out, sizeof(out)), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "\nframes: 4\n"));
    CU_ASSERT_EQUAL(count_lines(out), STD_FRAMES + 1);
    for (i = 0; i < STD_FRAMES; i++) {
        CU_ASSERT_PTR_NOT_NULL(strstr(out, lines[i]));
    }
    /* a file cut inside the last record, and one with a bad magic: 1 */
    b = slurp(path, &len);
    tmp_path(cut, sizeof(cut));
    f = fopen(cut, "wb");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_EQUAL(fwrite(b, 1, len - 10, f), len - 10);
    fclose(f);
    snprintf(cmd, sizeof(cmd), "%s %s 2>&1", PCAP_FRAMES, cut);
    CU_ASSERT_EQUAL(run(cmd, out, sizeof(out)), 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "record 4 data"));
    CU_ASSERT_PTR_NULL(strstr(out, "\nframes:"));
    b[0] ^= 0xff;
    f = fopen(cut, "wb");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_EQUAL(fwrite(b, 1, len, f), len);
    fclose(f);
    CU_ASSERT_EQUAL(run(cmd, out, sizeof(out)), 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "bad magic"));
    CU_ASSERT_EQUAL(count_lines(out), 1);
    free(b);
    unlink(cut);

    /* tcpdump, if there is one */
    td = tcpdump_path();
    if (td == NULL) {
        printf("\n  SKIP: tcpdump not installed ");
    } else {
        /* -Z root: as root, tcpdump would switch to user "tcpdump",
         * which only its package creates; -tt: stamps as seconds */
        snprintf(cmd, sizeof(cmd), "%s -Z root -r %s -nn -tt 2>/dev/null",
                 td, path);
        CU_ASSERT_EQUAL(run(cmd, out, sizeof(out)), 0);
        CU_ASSERT_EQUAL(count_lines(out), STD_FRAMES);
        CU_ASSERT_PTR_NOT_NULL(strstr(out, "1.500000 ARP, Request who-has "
                                      "10.0.2.2 tell 10.0.2.15"));
        CU_ASSERT_PTR_NOT_NULL(strstr(out, "2.000001 IP 10.0.2.15.5000 > "
                                      "10.0.2.2.5001: UDP, length 58"));
        CU_PASS("tcpdump read the file");
    }
    unlink(path);
}

int main(void)
{
    static const UnitTest tests[] = {
        { "pcap format byte by byte", test_format },
        { "same frames, same bytes", test_deterministic },
        { "defaults and arguments", test_defaults_and_args },
        { "unwritable path", test_unwritable },
        { "host write error", test_write_error },
        { "pcap-frames and tcpdump read it", test_readers },
    };

    return UNIT_RUN("netdump", NULL, NULL, tests);
}
