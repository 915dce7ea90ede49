/*
 * ST M48T08 TIMEKEEPER NVRAM: 8 KB battery RAM, BCD clock at 0x1ff8.
 *
 * The clock is kept as an offset from a time source (the host clock, or a
 * fixed start time advanced by virtual time) and computed when read, so
 * nothing runs per second.  Clock registers behave as on the chip:
 * setting READ freezes them for a consistent read, setting WRITE freezes
 * them for writing and clearing it loads the written time into the clock;
 * the STOP bit (seconds bit 7) halts the oscillator.
 */
#include "hw/chips/m48t08.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Field masks of the clock registers (datasheet register map) */
#define SEC_MASK 0x7f
#define MIN_MASK 0x7f
#define HOUR_MASK 0x3f
#define WDAY_MASK 0x07
#define MDAY_MASK 0x3f
#define MONTH_MASK 0x1f

/* CHRP NVRAM partition header as OpenBIOS reads it (QEMU chrp_nvram.h):
 * signature, checksum, length in 16-byte units (big-endian), name[12]. */
#define CHRP_PART_SYSTEM 0x70
#define CHRP_PART_FREE 0x7f
#define CHRP_HDR_LEN 16
#define CHRP_NAME_LEN 12

static const uint8_t default_mac[6] = M48T08_DEFAULT_MAC;

static unsigned to_bcd(unsigned v)
{
    return ((v / 10) << 4) | (v % 10);
}

/* As QEMU: no check of the nibbles, the range checks catch nonsense. */
static int from_bcd(unsigned v)
{
    return (int)((v >> 4) * 10 + (v & 0x0f));
}

/* ---- time keeping ---- */

/* Seconds of the time source: host UTC, or start + elapsed virtual time */
static int64_t source_time(const M48t08 *s)
{
    struct timespec ts;

    if (s->fixed_time) {
        if (!s->ctx.events || !s->ctx.hz) {
            return s->start_time;
        }
        return s->start_time + (int64_t)(dev_now(&s->ctx) / s->ctx.hz);
    }
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec;
}

int64_t m48t08_time(const M48t08 *s)
{
    return s->stopped ? s->stop_time : source_time(s) + s->offset;
}

static void set_time(M48t08 *s, int64_t t)
{
    if (s->stopped) {
        s->stop_time = t;
    } else {
        s->offset = t - source_time(s);
    }
}

static void to_tm(int64_t t, struct tm *tm)
{
    time_t tt = (time_t)t;

    if (!gmtime_r(&tt, tm)) {
        memset(tm, 0, sizeof(*tm));
        tm->tm_mday = 1;
        tm->tm_year = 70;
    }
}

/* Registers 0x1ff9..0x1fff as they read now, into r[1..7]. */
static void clock_regs(const M48t08 *s, uint8_t *r)
{
    struct tm tm;
    int year;

    to_tm(m48t08_time(s), &tm);
    year = ((tm.tm_year + 1900 - M48T08_BASE_YEAR) % 100 + 100) % 100;
    r[1] = (uint8_t)((s->stopped ? M48T08_SEC_STOP : 0) | to_bcd(tm.tm_sec));
    r[2] = (uint8_t)to_bcd(tm.tm_min);
    r[3] = (uint8_t)to_bcd(tm.tm_hour);
    r[4] = (uint8_t)((s->freq_test ? M48T08_WDAY_FT : 0) |
                     ((tm.tm_wday + s->wday_delta) % 7));
    r[5] = (uint8_t)to_bcd(tm.tm_mday);
    r[6] = (uint8_t)to_bcd(tm.tm_mon + 1);
    r[7] = (uint8_t)to_bcd((unsigned)year);
}

/*
 * Load registers r[first..last] (1 = seconds .. 7 = year) into the clock.
 * Each field out of range is ignored and keeps its current value, as in
 * QEMU; a day of the month past the month's end rolls over (mktime).
 */
static void clock_load(M48t08 *s, const uint8_t *r, int first, int last)
{
    struct tm tm;
    int64_t t;
    int i, v, wday = -1;

    to_tm(m48t08_time(s), &tm);
    for (i = first; i <= last; i++) {
        switch (i) {
        case 1:
            v = from_bcd(r[i] & SEC_MASK);
            if (v <= 59) {
                tm.tm_sec = v;
            }
            break;
        case 2:
            v = from_bcd(r[i] & MIN_MASK);
            if (v <= 59) {
                tm.tm_min = v;
            }
            break;
        case 3:
            v = from_bcd(r[i] & HOUR_MASK);
            if (v <= 23) {
                tm.tm_hour = v;
            }
            break;
        case 4:
            wday = r[i] & WDAY_MASK;
            break;
        case 5:
            v = from_bcd(r[i] & MDAY_MASK);
            if (v != 0) {
                tm.tm_mday = v;
            }
            break;
        case 6:
            v = from_bcd(r[i] & MONTH_MASK);
            if (v >= 1 && v <= 12) {
                tm.tm_mon = v - 1;
            }
            break;
        default:
            v = from_bcd(r[i]);
            if (v <= 99) {
                tm.tm_year = M48T08_BASE_YEAR + v - 1900;
            }
            break;
        }
    }
    tm.tm_isdst = 0;
    t = (int64_t)timegm(&tm);
    set_time(s, t);
    if (wday >= 0) {
        /*
         * SIMPLIFY: the chip's day register is a free counter (1-7) that
         * steps at midnight; here it is the true weekday (0 = Sunday, as
         * QEMU returns) plus the difference the guest last wrote, mod 7.
         */
        to_tm(t, &tm);
        s->wday_delta = ((wday - tm.tm_wday) % 7 + 7) % 7;
    }
}

static void set_stop(M48t08 *s, bool stop)
{
    if (stop && !s->stopped) {
        s->stop_time = m48t08_time(s);
        s->stopped = true;
    } else if (!stop && s->stopped) {
        s->stopped = false;
        s->offset = s->stop_time - source_time(s);
    }
}

static void ctrl_write(M48t08 *s, uint8_t val)
{
    const uint8_t freeze = M48T08_CTRL_READ | M48T08_CTRL_WRITE;
    uint8_t old = s->ctrl;

    s->ctrl = val;
    if (!(old & freeze) && (val & freeze)) {
        /* the registers stop following the clock (the clock runs on) */
        clock_regs(s, s->regs);
    }
    if ((old & M48T08_CTRL_WRITE) && !(val & M48T08_CTRL_WRITE)) {
        /* WRITE 1 -> 0: the registers are copied into the counters */
        clock_load(s, s->regs, 1, 7);
        if (val & M48T08_CTRL_READ) {
            clock_regs(s, s->regs);
        }
    }
}

/* ---- guest access ---- */

uint8_t m48t08_read(M48t08 *s, uint32_t addr)
{
    uint8_t r[8];

    if (addr >= M48T08_SIZE) {
        return 0xff;
    }
    if (addr < M48T08_CLOCK) {
        return s->mem[addr];
    }
    if (addr == M48T08_CTRL) {
        return s->ctrl;
    }
    if (s->ctrl & (M48T08_CTRL_READ | M48T08_CTRL_WRITE)) {
        return s->regs[addr - M48T08_CLOCK];
    }
    clock_regs(s, r);
    return r[addr - M48T08_CLOCK];
}

void m48t08_write(M48t08 *s, uint32_t addr, uint8_t val)
{
    uint8_t r[8] = { 0 };
    int i;

    if (addr >= M48T08_SIZE) {
        return;
    }
    if (addr < M48T08_CLOCK) {
        s->mem[addr] = val;
        return;
    }
    if (addr == M48T08_CTRL) {
        ctrl_write(s, val);
        return;
    }
    /* STOP and FT act on the oscillator directly, whatever the mode */
    if (addr == M48T08_SEC) {
        set_stop(s, (val & M48T08_SEC_STOP) != 0);
    } else if (addr == M48T08_WDAY) {
        s->freq_test = (val & M48T08_WDAY_FT) != 0;
    }
    i = (int)(addr - M48T08_CLOCK);
    if (s->ctrl & M48T08_CTRL_WRITE) {
        s->regs[i] = val;
        return;
    }
    /*
     * SIMPLIFY: on the chip a clock register written without the WRITE
     * bit is overwritten by the next update; like QEMU, the field is set
     * at once instead, so guests that skip the WRITE protocol still work.
     */
    r[i] = val;
    clock_load(s, r, i, i);
}

/*
 * QEMU 7.2 decodes 1- to 4-byte accesses and turns wider ones into byte
 * accesses, lowest address (most significant byte) first.
 */
static BusStatus nvram_mmio_read(void *opaque, uint32_t off, unsigned size,
                                 uint32_t *val)
{
    M48t08 *s = opaque;
    uint32_t v = 0;
    unsigned i;

    if (off & (size - 1)) {
        return BUS_ERR_SIZE;
    }
    for (i = 0; i < size; i++) {
        v = (v << 8) | m48t08_read(s, off + i);
    }
    *val = v;
    return BUS_OK;
}

static BusStatus nvram_mmio_write(void *opaque, uint32_t off, unsigned size,
                                  uint32_t val)
{
    M48t08 *s = opaque;
    unsigned i;

    if (off & (size - 1)) {
        return BUS_ERR_SIZE;
    }
    if (off + size > M48T08_CLOCK) {
        dev_trace(&s->ctx, "clock +0x%04x <- 0x%0*x", off, (int)size * 2,
                  val);
    }
    for (i = 0; i < size; i++) {
        m48t08_write(s, off + i, (uint8_t)(val >> (8 * (size - 1 - i))));
    }
    return BUS_OK;
}

/* RAM, and the clock registers while frozen, change only when written */
static bool nvram_is_stable(void *opaque, uint32_t off)
{
    const M48t08 *s = opaque;

    return off <= M48T08_CTRL ||
           (s->ctrl & (M48T08_CTRL_READ | M48T08_CTRL_WRITE)) != 0;
}

const MmioOps m48t08_ops = {
    .read = nvram_mmio_read,
    .write = nvram_mmio_write,
    .min_size = 1,
    .max_size = 4,
    .is_stable = nvram_is_stable,
};

/* ---- default contents ---- */

uint8_t sun_idprom_checksum(const uint8_t *idprom)
{
    uint8_t x = 0;
    unsigned i;

    for (i = 0; i < M48T08_IDPROM_LEN - 1; i++) {
        x ^= idprom[i];
    }
    return x;
}

void sun_idprom_build(uint8_t *idprom, const uint8_t mac[6],
                      uint8_t machine_type)
{
    memset(idprom, 0, M48T08_IDPROM_LEN);
    idprom[0] = SUN_IDPROM_FORMAT;
    idprom[1] = machine_type;
    memcpy(idprom + 2, mac, 6);
    /* bytes 8..11: manufacturing date, 0; 12..14: serial = MAC[3..5] */
    memcpy(idprom + 12, mac + 3, 3);
    idprom[15] = sun_idprom_checksum(idprom);
}

/* Header of a partition of len bytes at p; its checksum is a byte sum
 * with end-around carry over the header minus the checksum byte. */
static void chrp_header(uint8_t *p, uint8_t sig, const char *name,
                        unsigned len)
{
    unsigned i, sum;

    memset(p, 0, CHRP_HDR_LEN);
    p[0] = sig;
    p[2] = (uint8_t)((len >> 4) >> 8);
    p[3] = (uint8_t)(len >> 4);
    strncpy((char *)p + 4, name, CHRP_NAME_LEN - 1);
    sum = p[0];
    for (i = 2; i < CHRP_HDR_LEN; i++) {
        sum += p[i];
        sum = (sum + (sum >> 8)) & 0xff;
    }
    p[1] = (uint8_t)sum;
}

int m48t08_build_image(uint8_t *img, const uint8_t mac[6],
                       uint8_t machine_type, const char *const *prom_env,
                       unsigned n_prom_env)
{
    unsigned end = CHRP_HDR_LEN, i;

    memset(img, 0, M48T08_SIZE);
    for (i = 0; i < n_prom_env; i++) {
        size_t len = strlen(prom_env[i]) + 1;
        if (len > M48T08_OBP_AREA_LEN - end) {
            return -1;
        }
        memcpy(img + end, prom_env[i], len);
        end += (unsigned)len;
    }
    end++;                          /* empty string: end of variables */
    end = (end + 15) & ~15u;
    if (end + CHRP_HDR_LEN > M48T08_OBP_AREA_LEN) {
        return -1;
    }
    chrp_header(img, CHRP_PART_SYSTEM, "system", end);
    chrp_header(img + end, CHRP_PART_FREE, "free", M48T08_OBP_AREA_LEN - end);
    sun_idprom_build(img + M48T08_IDPROM, mac, machine_type);
    return 0;
}

void m48t08_env_each(const uint8_t *img, M48t08EnvFn *fn, void *opaque)
{
    unsigned pos = 0;

    while (pos + CHRP_HDR_LEN <= M48T08_OBP_AREA_LEN) {
        unsigned len = ((unsigned)img[pos + 2] << 8 | img[pos + 3]) * 16;
        if (len < CHRP_HDR_LEN || pos + len > M48T08_OBP_AREA_LEN) {
            return;
        }
        if (img[pos] == CHRP_PART_SYSTEM &&
            memcmp(img + pos + 4, "system\0", 7) == 0) {
            unsigned p = pos + CHRP_HDR_LEN, end = pos + len;
            while (p < end && img[p]) {
                const char *s = (const char *)img + p;
                const char *nul = memchr(s, 0, end - p);
                const char *eq;
                size_t slen;
                if (!nul) {
                    return;         /* unterminated: ignore the rest */
                }
                slen = (size_t)(nul - s);
                eq = memchr(s, '=', slen);
                if (eq) {
                    fn(opaque, s, (size_t)(eq - s), eq + 1,
                       slen - (size_t)(eq - s) - 1);
                }
                p += (unsigned)slen + 1;
            }
            return;
        }
        pos += len;
    }
}

/* ---- backing file ---- */

/* 1 if loaded, 0 if the file does not exist, -1 on error */
static int load_file(M48t08 *s, const char *path, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    size_t n;
    int extra;

    if (!f) {
        if (errno == ENOENT) {
            return 0;
        }
        snprintf(err, errlen, "cannot open NVRAM file '%s': %s", path,
                 strerror(errno));
        return -1;
    }
    n = fread(s->mem, 1, M48T08_SIZE, f);
    extra = n == M48T08_SIZE ? fgetc(f) : EOF;
    if (ferror(f)) {
        snprintf(err, errlen, "cannot read NVRAM file '%s': %s", path,
                 strerror(errno));
        fclose(f);
        return -1;
    }
    fclose(f);
    if (n != M48T08_SIZE || extra != EOF) {
        snprintf(err, errlen,
                 "NVRAM file '%s' is %s %u bytes: not an M48T08 image",
                 path, n < M48T08_SIZE ? "shorter than" : "longer than",
                 M48T08_SIZE);
        return -1;
    }
    return 1;
}

int m48t08_init(M48t08 *s, const DevCtx *ctx, const M48t08Config *cfg,
                char *err, size_t errlen)
{
    static const uint8_t zero_mac[6];
    const uint8_t *mac = cfg->mac;
    int loaded = 0;

    memset(s, 0, sizeof(*s));
    s->ctx = *ctx;
    s->fixed_time = cfg->fixed_time;
    s->start_time = cfg->start_time;
    s->file = cfg->file;
    if (cfg->file) {
        loaded = load_file(s, cfg->file, err, errlen);
        if (loaded < 0) {
            return -1;
        }
    }
    if (!loaded) {
        if (!memcmp(mac, zero_mac, 6)) {
            mac = default_mac;
        }
        if (m48t08_build_image(s->mem, mac,
                               cfg->machine_type ? cfg->machine_type
                                                 : SUN_MACHINE_SS5,
                               cfg->prom_env, cfg->n_prom_env) < 0) {
            snprintf(err, errlen, "PROM variables do not fit in the %u "
                     "bytes of NVRAM", M48T08_OBP_AREA_LEN);
            return -1;
        }
    }
    /* the clock bytes of a saved image are not clock state */
    memset(s->mem + M48T08_CLOCK, 0, M48T08_SIZE - M48T08_CLOCK);
    dev_map(ctx, 0, M48T08_SIZE, &m48t08_ops, s, NULL);
    return 0;
}

int m48t08_save(M48t08 *s, char *err, size_t errlen)
{
    uint8_t img[M48T08_SIZE];
    char *tmp;
    size_t plen;
    FILE *f;
    unsigned i;
    bool ok;

    if (!s->file) {
        return 0;
    }
    memcpy(img, s->mem, M48T08_CLOCK);
    for (i = M48T08_CLOCK; i < M48T08_SIZE; i++) {
        img[i] = m48t08_read(s, i);
    }
    /* write a temporary file and rename it: never leave a short image */
    plen = strlen(s->file) + 5;
    tmp = malloc(plen);
    if (!tmp) {
        snprintf(err, errlen, "out of memory saving NVRAM");
        return -1;
    }
    snprintf(tmp, plen, "%s.tmp", s->file);
    f = fopen(tmp, "wb");
    if (!f) {
        snprintf(err, errlen, "cannot create '%s': %s", tmp,
                 strerror(errno));
        free(tmp);
        return -1;
    }
    ok = fwrite(img, 1, sizeof(img), f) == sizeof(img);
    ok = (fclose(f) == 0) && ok;
    if (!ok || rename(tmp, s->file) != 0) {
        snprintf(err, errlen, "cannot write NVRAM file '%s': %s", s->file,
                 strerror(errno));
        unlink(tmp);
        free(tmp);
        return -1;
    }
    free(tmp);
    return 0;
}
