/*
 * miniinit - a freestanding /init for the sun4m guest initramfs, used by
 * tools/mkguest when the static busybox is not available.
 *
 * It runs the same checks as the busybox boot test, then powers off:
 *   banner, mount proc/sysfs/devtmpfs, uname, the "cpu" line of
 *   /proc/cpuinfo, the date (time syscall), the MD5 of /init (the host
 *   compares it with md5sum of the file it packed), power-off.
 *
 * No C library: Linux sparc32 system calls are made directly.  The call
 * number goes in %g1, arguments in %o0-%o5, and "ta 0x10" enters the
 * kernel.  On return %o0 holds the result; the carry bit of the PSR is set
 * when it is an error number instead (positive errno).
 * Built by tools/mkguest as:
 *   sparc64-linux-gnu-gcc -m32 -mcpu=v8 -static -nostdlib -ffreestanding
 *       -fno-builtin -fno-pic -no-pie -Os -o miniinit miniinit.c
 */

typedef unsigned int u32;
typedef unsigned char u8;

/* Linux sparc32 system call numbers (arch/sparc/kernel/syscalls). */
#define NR_READ         3
#define NR_WRITE        4
#define NR_OPEN         5
#define NR_CLOSE        6
#define NR_PAUSE        29
#define NR_SYNC         36
#define NR_IOCTL        54
/* TCSBRK = _IO('T', 5) with sparc's _IOC_NONE of 1 (asm/ioctls.h) */
#define TCSBRK_SPARC    0x20005405u
#define NR_REBOOT       55
#define NR_MKDIR        136
#define NR_MOUNT        167
#define NR_UNAME        189
#define NR_TIME         231

/* reboot(2) magic numbers and the power-off command. */
#define REBOOT_MAGIC1   0xfee1deadu
#define REBOOT_MAGIC2   672274793u
#define REBOOT_POWEROFF 0x4321fedcu

/*
 * Process entry.  The kernel leaves %sp pointing at a 64-byte register
 * window save area, followed by argc, argv[] and envp[].  Open a minimal
 * 96-byte frame below it (window save area, hidden struct-return word and
 * six argument words) and never return.
 */
__asm__(
    "    .section .text.start, \"ax\"\n"
    "    .global _start\n"
    "    .type _start, #function\n"
    "_start:\n"
    "    mov  %g0, %fp\n"
    "    call mi_main\n"
    "    sub  %sp, 96, %sp\n"
    "1:  b    1b\n"
    "    nop\n"
    "    .previous\n");

static long mi_syscall(long nr, long a0, long a1, long a2, long a3, long a4)
{
    register long g1 __asm__("g1") = nr;
    register long o0 __asm__("o0") = a0;
    register long o1 __asm__("o1") = a1;
    register long o2 __asm__("o2") = a2;
    register long o3 __asm__("o3") = a3;
    register long o4 __asm__("o4") = a4;

    /* On error (carry set) return the negated errno, as the kernel does. */
    __asm__ volatile("ta   0x10\n\t"
                     "bcc  1f\n\t"
                     " nop\n\t"
                     "sub  %%g0, %%o0, %%o0\n"
                     "1:"
                     : "+r"(o0), "+r"(o1)
                     : "r"(g1), "r"(o2), "r"(o3), "r"(o4)
                     : "memory", "cc");
    return o0;
}

static long mi_strlen(const char *s)
{
    long n = 0;

    while (s[n] != '\0') {
        n++;
    }
    return n;
}

static void mi_puts(const char *s)
{
    mi_syscall(NR_WRITE, 1, (long)s, mi_strlen(s), 0, 0);
}

/* Print v in decimal, padded with zeros to at least width digits. */
static void mi_putu(u32 v, int width)
{
    char buf[12];
    int i = sizeof(buf) - 1;

    buf[i] = '\0';
    do {
        buf[--i] = (char)('0' + v % 10);
        v /= 10;
        width--;
    } while (v != 0 || width > 0);
    mi_puts(&buf[i]);
}

/* Print "tag: failed, errno N" for a negative system call result. */
static void mi_report(const char *tag, long rc)
{
    mi_puts(tag);
    if (rc < 0) {
        mi_puts(": failed, errno ");
        mi_putu((u32)-rc, 1);
    } else {
        mi_puts(": ok");
    }
    mi_puts("\n");
}

static void mi_mount(const char *src, const char *dir, const char *type)
{
    long rc;

    mi_syscall(NR_MKDIR, (long)dir, 0755, 0, 0, 0);
    rc = mi_syscall(NR_MOUNT, (long)src, (long)dir, (long)type, 0, 0);
    mi_puts("mount ");
    mi_puts(type);
    mi_puts(" on ");
    mi_report(dir, rc);
}

/* Read a whole small file into buf (NUL-terminated); returns the length. */
static long mi_slurp(const char *path, char *buf, long size)
{
    long fd = mi_syscall(NR_OPEN, (long)path, 0, 0, 0, 0);
    long len = 0;
    long n;

    if (fd < 0) {
        return fd;
    }
    while (len < size - 1) {
        n = mi_syscall(NR_READ, fd, (long)(buf + len), size - 1 - len, 0, 0);
        if (n <= 0) {
            break;
        }
        len += n;
    }
    mi_syscall(NR_CLOSE, fd, 0, 0, 0, 0);
    buf[len] = '\0';
    return len;
}

static void mi_show_uname(void)
{
    /* struct new_utsname: six fields of 65 characters. */
    static char uts[6 * 65];
    long rc = mi_syscall(NR_UNAME, (long)uts, 0, 0, 0, 0);

    if (rc < 0) {
        mi_report("uname", rc);
        return;
    }
    mi_puts("uname: ");
    mi_puts(&uts[0]);           /* sysname */
    mi_puts(" ");
    mi_puts(&uts[2 * 65]);      /* release */
    mi_puts(" ");
    mi_puts(&uts[4 * 65]);      /* machine */
    mi_puts("\n");
}

/* Print the line of /proc/cpuinfo that starts with "cpu" and a blank. */
static void mi_show_cpu(void)
{
    static char info[2048];
    long len = mi_slurp("/proc/cpuinfo", info, sizeof(info));
    char *line = info;
    char *end;

    if (len < 0) {
        mi_report("/proc/cpuinfo", len);
        return;
    }
    while (*line != '\0') {
        end = line;
        while (*end != '\0' && *end != '\n') {
            end++;
        }
        if (line[0] == 'c' && line[1] == 'p' && line[2] == 'u' &&
            (line[3] == ' ' || line[3] == '\t')) {
            *end = '\0';
            mi_puts(line);
            mi_puts("\n");
            return;
        }
        line = (*end == '\0') ? end : end + 1;
    }
    mi_puts("cpu: no cpu line in /proc/cpuinfo\n");
}

static int mi_is_leap(u32 y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Print the time of day as "date: YYYY-MM-DD hh:mm:ss UTC". */
static void mi_show_date(void)
{
    static const u8 mdays[12] = {31, 28, 31, 30, 31, 30,
                                 31, 31, 30, 31, 30, 31};
    long t = mi_syscall(NR_TIME, 0, 0, 0, 0, 0);
    u32 secs = (u32)t;
    u32 days = secs / 86400;
    u32 rem = secs % 86400;
    u32 year = 1970;
    u32 mon = 0;
    u32 len;

    for (;;) {
        len = mi_is_leap(year) ? 366 : 365;
        if (days < len) {
            break;
        }
        days -= len;
        year++;
    }
    for (;;) {
        len = mdays[mon] + (mon == 1 && mi_is_leap(year) ? 1 : 0);
        if (days < len) {
            break;
        }
        days -= len;
        mon++;
    }
    mi_puts("date: ");
    mi_putu(year, 4);
    mi_puts("-");
    mi_putu(mon + 1, 2);
    mi_puts("-");
    mi_putu(days + 1, 2);
    mi_puts(" ");
    mi_putu(rem / 3600, 2);
    mi_puts(":");
    mi_putu(rem / 60 % 60, 2);
    mi_puts(":");
    mi_putu(rem % 60, 2);
    mi_puts(" UTC\n");
}

/* MD5 (RFC 1321): little-endian words, assembled bytewise on SPARC. */
typedef struct MiMd5 {
    u32 h[4];
    u32 total;
    u8 block[64];
} MiMd5;

static const u8 mi_md5_shift[16] = {7, 12, 17, 22, 5, 9, 14, 20,
                                    4, 11, 16, 23, 6, 10, 15, 21};

/* floor(abs(sin(i + 1)) * 2^32), the RFC 1321 table T. */
static const u32 mi_md5_k[64] = {
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a,
    0xa8304613, 0xfd469501, 0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be,
    0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821, 0xf61e2562, 0xc040b340,
    0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8,
    0x676f02d9, 0x8d2a4c8a, 0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c,
    0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70, 0x289b7ec6, 0xeaa127fa,
    0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92,
    0xffeff47d, 0x85845dd1, 0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1,
    0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391};

static void mi_md5_block(MiMd5 *m)
{
    u32 w[16];
    u32 a = m->h[0], b = m->h[1], c = m->h[2], d = m->h[3];
    u32 f, g, s, tmp;
    int i;

    for (i = 0; i < 16; i++) {
        w[i] = (u32)m->block[4 * i] | (u32)m->block[4 * i + 1] << 8 |
               (u32)m->block[4 * i + 2] << 16 | (u32)m->block[4 * i + 3] << 24;
    }
    for (i = 0; i < 64; i++) {
        if (i < 16) {
            f = (b & c) | (~b & d);
            g = i;
        } else if (i < 32) {
            f = (d & b) | (~d & c);
            g = (5 * i + 1) & 15;
        } else if (i < 48) {
            f = b ^ c ^ d;
            g = (3 * i + 5) & 15;
        } else {
            f = c ^ (b | ~d);
            g = (7 * i) & 15;
        }
        s = mi_md5_shift[(i / 16) * 4 + (i & 3)];
        tmp = a + f + mi_md5_k[i] + w[g];
        a = d;
        d = c;
        c = b;
        b += (tmp << s) | (tmp >> (32 - s));
    }
    m->h[0] += a;
    m->h[1] += b;
    m->h[2] += c;
    m->h[3] += d;
}

static void mi_md5_byte(MiMd5 *m, u8 byte)
{
    m->block[m->total % 64] = byte;
    m->total++;
    if (m->total % 64 == 0) {
        mi_md5_block(m);
    }
}

/* Print "md5: <hex>  <path>" in the format of md5sum(1). */
static void mi_show_md5(const char *path)
{
    static const char hex[] = "0123456789abcdef";
    static u8 buf[1024];
    static MiMd5 m;
    char out[33];
    u32 bits;
    long fd, n, i;

    m.h[0] = 0x67452301;
    m.h[1] = 0xefcdab89;
    m.h[2] = 0x98badcfe;
    m.h[3] = 0x10325476;
    m.total = 0;
    fd = mi_syscall(NR_OPEN, (long)path, 0, 0, 0, 0);
    if (fd < 0) {
        mi_report(path, fd);
        return;
    }
    while ((n = mi_syscall(NR_READ, fd, (long)buf, sizeof(buf), 0, 0)) > 0) {
        for (i = 0; i < n; i++) {
            mi_md5_byte(&m, buf[i]);
        }
    }
    mi_syscall(NR_CLOSE, fd, 0, 0, 0, 0);
    /* Padding: 0x80, zeros to 56 mod 64, then the bit length (LE, 64). */
    bits = m.total * 8;
    mi_md5_byte(&m, 0x80);
    while (m.total % 64 != 56) {
        mi_md5_byte(&m, 0);
    }
    for (i = 0; i < 8; i++) {
        mi_md5_byte(&m, i < 4 ? (u8)(bits >> (8 * i)) : 0);
    }
    for (i = 0; i < 16; i++) {
        u8 byte = (u8)(m.h[i / 4] >> (8 * (i % 4)));

        out[2 * i] = hex[byte >> 4];
        out[2 * i + 1] = hex[byte & 15];
    }
    out[32] = '\0';
    mi_puts("md5: ");
    mi_puts(out);
    mi_puts("  ");
    mi_puts(path);
    mi_puts("\n");
}

void mi_main(void)
{
    long rc;

    mi_puts("\n=== sun4m guest: mini init ===\n");
    mi_mount("proc", "/proc", "proc");
    mi_mount("sysfs", "/sys", "sysfs");
    mi_mount("devtmpfs", "/dev", "devtmpfs");
    mi_show_uname();
    mi_show_cpu();
    mi_show_date();
    mi_show_md5("/init");
    mi_puts("=== sun4m guest: powering off ===\n");
    /* tcdrain(1): the console sends at 9600 baud on a real SS-5, and a
     * power-off drops whatever is still queued in the tty */
    mi_syscall(NR_IOCTL, 1, (long)TCSBRK_SPARC, 1, 0, 0);
    mi_syscall(NR_SYNC, 0, 0, 0, 0, 0);
    rc = mi_syscall(NR_REBOOT, (long)REBOOT_MAGIC1, (long)REBOOT_MAGIC2,
                    (long)REBOOT_POWEROFF, 0, 0);
    /* Returning from init would panic the kernel: report and stay. */
    mi_report("power-off", rc);
    for (;;) {
        mi_syscall(NR_PAUSE, 0, 0, 0, 0, 0);
    }
}
