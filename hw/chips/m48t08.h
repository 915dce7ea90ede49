/*
 * SGS-Thomson (ST) M48T08 TIMEKEEPER: 8 KB of battery-backed RAM whose
 * last eight bytes are a BCD real-time clock.  The sun4m boot PROM keeps
 * its variables and the machine's IDPROM (Ethernet address, host id) in it.
 * Sources: ST M48T08 datasheet; QEMU hw/rtc/m48t59.c, hw/sparc/sun4m.c
 * (nvram_init), include/hw/nvram/sun_nvram.h, hw/nvram/chrp_nvram.c;
 * Linux drivers/rtc/rtc-m48t59.c; hw/README.md §NVRAM layout, §M48T08.
 */
#ifndef HW_M48T08_H
#define HW_M48T08_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hw/core/bus.h"
#include "hw/core/devctx.h"
#include "hw/core/event.h"

#define M48T08_SIZE 0x2000          /* bytes decoded, RAM + clock */

/* Layout of the RAM as OpenBIOS and QEMU 7.2 use it (hw/README.md §NVRAM layout) */
#define M48T08_OBP_AREA_LEN 0x1fd0  /* CHRP partitions: PROM variables */
#define M48T08_IDPROM 0x1fd8        /* Sun IDPROM, 16 bytes used */
#define M48T08_IDPROM_LEN 16
#define M48T08_CLOCK 0x1ff8         /* first clock register */

/* Clock registers (datasheet "Register map"), all BCD */
#define M48T08_CTRL 0x1ff8
#define M48T08_SEC 0x1ff9
#define M48T08_MIN 0x1ffa
#define M48T08_HOUR 0x1ffb
#define M48T08_WDAY 0x1ffc
#define M48T08_MDAY 0x1ffd
#define M48T08_MONTH 0x1ffe
#define M48T08_YEAR 0x1fff

/* Control register bits */
#define M48T08_CTRL_WRITE 0x80      /* freeze registers; 1->0 loads clock */
#define M48T08_CTRL_READ 0x40       /* freeze registers for reading */
#define M48T08_CTRL_SIGN 0x20       /* calibration sign */
#define M48T08_CTRL_CAL 0x1f        /* calibration value */
#define M48T08_SEC_STOP 0x80        /* seconds bit 7: oscillator stopped */
#define M48T08_WDAY_FT 0x40         /* day bit 6: frequency test */

/* The year register counts from 1968 on Sun machines (QEMU "base-year"
 * 1968 for sun4m; Linux adds 68 under CONFIG_SPARC). */
#define M48T08_BASE_YEAR 1968

/* IDPROM fields (QEMU sun_nvram.h struct Sun_nvram) */
#define SUN_IDPROM_FORMAT 0x01      /* byte 0: format 1 */
#define SUN_MACHINE_SS5 0x80        /* byte 1: sun4m SS-5 family */
/* QEMU's default NIC address, used when the configuration gives none */
#define M48T08_DEFAULT_MAC { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 }

typedef struct M48t08Config {
    /*
     * Time source.  With fixed_time the clock starts at start_time (Unix
     * seconds, UTC) and advances with the machine's virtual time
     * (the context's clock), so runs are reproducible; otherwise it
     * follows the host's real-time clock.
     */
    bool fixed_time;
    int64_t start_time;
    /* Backing file of the 8 KB image: NULL for none.  A missing file
     * starts from the default image and is created by m48t08_save. */
    const char *file;
    /* Default image contents (used when there is no file to load):
     * an all-zero mac means M48T08_DEFAULT_MAC, machine_type 0 means
     * SUN_MACHINE_SS5. */
    uint8_t mac[6];
    uint8_t machine_type;
    const char *const *prom_env;    /* "name=value" strings, like -prom-env */
    unsigned n_prom_env;
} M48t08Config;

typedef struct M48t08 {
    DevCtx ctx;
    uint8_t mem[M48T08_SIZE];       /* RAM; clock bytes unused here */
    /* clock */
    uint8_t ctrl;                   /* control register as written */
    uint8_t regs[8];                /* frozen copy of 0x1ff8..0x1fff while
                                     * READ or WRITE is set (regs[0] unused) */
    bool stopped;                   /* STOP bit set: the clock stands still */
    int64_t stop_time;              /* time shown while stopped */
    int64_t offset;                 /* clock minus time source, seconds */
    int wday_delta;                 /* day register minus true weekday */
    bool freq_test;                 /* FT bit of the day register */
    bool fixed_time;
    int64_t start_time;
    const char *file;
} M48t08;

extern const MmioOps m48t08_ops;

/*
 * Build the device and its RAM: from cfg->file if it exists, else the
 * default image.  Returns -1 with a one-line reason in err if the file
 * cannot be read or is not exactly M48T08_SIZE bytes, or if the
 * prom_env strings do not fit.  Maps the 8 KB at ctx->base (0x71200000
 * on the SS-5).
 */
int m48t08_init(M48t08 *s, const DevCtx *ctx, const M48t08Config *cfg,
                char *err, size_t errlen);
/*
 * Write the RAM back to cfg->file (no-op without one), clock bytes
 * included as they read now.  Returns -1 with err set on failure.
 */
int m48t08_save(M48t08 *s, char *err, size_t errlen);

/*
 * The image QEMU 7.2 writes at sun4m start-up: a CHRP "system" partition
 * holding the prom_env strings, a "free" partition up to 0x1fd0, the
 * IDPROM at 0x1fd8, zeros elsewhere.  img must hold M48T08_SIZE bytes.
 * Returns -1 if the strings do not fit (QEMU: "Variable partition is too
 * small").
 */
int m48t08_build_image(uint8_t *img, const uint8_t mac[6],
                       uint8_t machine_type, const char *const *prom_env,
                       unsigned n_prom_env);
/*
 * The reverse of m48t08_build_image: call fn for each name=value string
 * of the CHRP "system" partition of img (M48T08_SIZE bytes), in order.
 * name and value are not NUL-terminated; strings without '=' are skipped.
 * A damaged partition chain or an unterminated string just ends the walk.
 */
typedef void M48t08EnvFn(void *opaque, const char *name, size_t name_len,
                         const char *value, size_t value_len);
void m48t08_env_each(const uint8_t *img, M48t08EnvFn *fn, void *opaque);
/* Fill the 16-byte IDPROM: format, type, MAC, date 0, host id, checksum. */
void sun_idprom_build(uint8_t *idprom, const uint8_t mac[6],
                      uint8_t machine_type);
/* XOR of bytes 0..14: the value byte 15 must hold. */
uint8_t sun_idprom_checksum(const uint8_t *idprom);

/* Byte access as the guest sees it (for the board and for tests). */
uint8_t m48t08_read(M48t08 *s, uint32_t addr);
void m48t08_write(M48t08 *s, uint32_t addr, uint8_t val);
/* The clock's current time, Unix seconds (UTC). */
int64_t m48t08_time(const M48t08 *s);

#endif
