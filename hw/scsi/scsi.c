/*
 * SCSI-2 targets: a direct-access disk and a CD-ROM drive (scsi.h).
 *
 * Sources.  SCSI-2 = ANSI X3.131-1994; this file cites its sections by
 * title ("SCSI-2 unit attention condition", "SCSI-2 caching page"), as
 * drafts and the standard number them differently.  SPC-3 and MMC-3 for
 * what SCSI-2 lacks and Linux asks for anyway (device identification
 * VPD page, REPORT LUNS, GET CONFIGURATION, the MM capabilities page).
 * What guests rely on: Linux 6.1 drivers/scsi/scsi_scan.c (INQUIRY, the
 * LUN scan), sd.c (sd_read_capacity, sd_read_write_protect_flag,
 * sd_read_cache_type, sd_spinup_disk), sr.c (get_sectorsize,
 * get_capabilities), sr_ioctl.c and cdrom/cdrom.c (READ TOC forms, GET
 * CONFIGURATION), scsi_lib.c (scsi_mode_sense: header parsing; the LUN
 * in CDB byte 1 for SCSI-2 devices); OpenBIOS drivers/esp.c (INQUIRY of
 * 36 bytes, TEST UNIT READY, READ CAPACITY, READ(10) of one block, all
 * with the status byte ignored; no MODE SENSE); QEMU 7.2
 * hw/scsi/scsi-disk.c and scsi-bus.c for the common answers to what the
 * standards leave open.
 *
 * What a command sees, in order: a LUN other than 0 (SCSI-2 incorrect
 * logical unit selection: INQUIRY answers "no device here", REQUEST SENSE
 * reports LOGICAL UNIT NOT SUPPORTED with GOOD status, the rest CHECK
 * CONDITION with it); a pending unit attention (SCSI-2 unit attention
 * condition: reported to the first command other than INQUIRY and
 * REQUEST SENSE); an opcode this device type lacks (INVALID
 * COMMAND OPERATION CODE); then the command's own checks.  The sense data
 * of a CHECK CONDITION lasts until the next command (SCSI-2 contingent
 * allegiance condition); REQUEST SENSE returns it and clears it.
 *
 * The target never touches the image for READ and WRITE: it tells the
 * initiator where the bytes are (r->media, r->offset) and hears in
 * scsi_data_done how the host transfer went.  It calls the host itself
 * only to flush (SYNCHRONIZE CACHE, STOP, writes with the cache off).
 *
 * SIMPLIFY: what a real drive does and this one does not:
 *  - one command at a time, no disconnect, no tagged queueing (the
 *    control page says DQue), no linked commands (Link = 1 is refused);
 *  - START STOP UNIT takes no time: a real spindle needs seconds to
 *    spin up or down, and a CD tray to move;
 *  - VERIFY with BytChk = 1 (compare with data-out) is refused rather
 *    than compared (the target never reads the image itself);
 *  - mode pages cannot be saved; a bus reset brings back the defaults
 *    (as a drive without saved pages does: SCSI-2 MODE SELECT);
 *  - the geometry in the format and rigid disk pages is the modelled
 *    drive's heads and sectors per track, with as many cylinders as the
 *    image needs; there is no zoning, sparing or defect list.
 */
#include "hw/scsi/scsi.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* ---- Opcodes (SCSI-2 chapters 8, 9, 14; SPC-3; MMC-3) ---- */

enum {
    OP_TEST_UNIT_READY = 0x00,
    OP_REQUEST_SENSE = 0x03,
    OP_READ_6 = 0x08,
    OP_WRITE_6 = 0x0a,
    OP_INQUIRY = 0x12,
    OP_MODE_SELECT_6 = 0x15,
    OP_MODE_SENSE_6 = 0x1a,
    OP_START_STOP = 0x1b,
    OP_PREVENT_ALLOW = 0x1e,
    OP_READ_CAPACITY_10 = 0x25,
    OP_READ_10 = 0x28,
    OP_WRITE_10 = 0x2a,
    OP_VERIFY_10 = 0x2f,
    OP_SYNC_CACHE_10 = 0x35,
    OP_READ_TOC = 0x43,
    OP_GET_CONFIGURATION = 0x46,
    OP_MODE_SELECT_10 = 0x55,
    OP_MODE_SENSE_10 = 0x5a,
    OP_REPORT_LUNS = 0xa0,
};

/* Sense keys (SCSI-2 REQUEST SENSE, table of sense keys) */
enum {
    SK_NO_SENSE = 0x0,
    SK_NOT_READY = 0x2,
    SK_MEDIUM_ERROR = 0x3,
    SK_ILLEGAL_REQUEST = 0x5,
    SK_UNIT_ATTENTION = 0x6,
    SK_DATA_PROTECT = 0x7,
};

/* Additional sense codes and qualifiers (SCSI-2 ASC/ASCQ table) */
#define ASC_NOT_READY_INIT_REQUIRED 0x04, 0x02  /* LUN not ready, initializing
                                                 * command required */
#define ASC_WRITE_ERROR 0x0c, 0x00
#define ASC_UNRECOVERED_READ 0x11, 0x00
#define ASC_PARAM_LIST_LENGTH 0x1a, 0x00
#define ASC_INVALID_OPCODE 0x20, 0x00
#define ASC_LBA_OUT_OF_RANGE 0x21, 0x00
#define ASC_INVALID_FIELD_CDB 0x24, 0x00
#define ASC_LUN_NOT_SUPPORTED 0x25, 0x00
#define ASC_INVALID_FIELD_PARAM 0x26, 0x00
#define ASC_WRITE_PROTECTED 0x27, 0x00
#define ASC_MEDIUM_CHANGED 0x28, 0x00   /* not ready to ready transition */
#define ASC_POWER_ON_RESET 0x29, 0x00   /* power on, reset, or bus device
                                         * reset occurred */
#define ASC_SAVING_NOT_SUPPORTED 0x39, 0x00
#define ASC_MEDIUM_NOT_PRESENT 0x3a, 0x00
#define ASC_REMOVAL_PREVENTED 0x53, 0x02

/* ---- The mechanisms (figures and sources: hw/README.md §SCSI timing,
 * drafted in hw/scsi/TIMING.md) ---- */

typedef struct Mech {
    uint64_t overhead_ns;       /* command overhead */
    uint64_t short_ns;          /* disk: one-cylinder seek; CD: shortest
                                 * access (a jump and one turn) */
    uint64_t avg_ns;            /* the data sheet's average seek/access */
    uint64_t rev_ns;            /* disk: one revolution; 0 for the CD */
    unsigned spt, heads;        /* disk: sectors per track, heads */
    uint64_t stroke;            /* disk: cylinders; CD: blocks of a full
                                 * 74-minute disc (at least) */
    uint64_t media_bps;         /* CD: bytes per second off the disc */
    uint64_t bus_bps;           /* SCSI bus, for the answers from RAM */
} Mech;

/*
 * Seagate ST11200N (1050 MB formatted, 3.5", SCSI-2 fast): 12.0 ms
 * average and 2.0 ms track-to-track seek, 5411 rpm, 1872 cylinders, 15
 * heads, 74 sectors per track; 10 MB/s synchronous.  Controller overhead
 * 1.0 ms (Seagate's figure for its SCSI-2 drives of the period).
 */
static const Mech mech_disk = {
    .overhead_ns = 1000000,
    .short_ns = 2000000,
    .avg_ns = 12000000,
    .rev_ns = 60000000000ull / 5411,
    .spt = 74,
    .heads = 15,
    .stroke = 1872,
    .media_bps = 0,             /* from rev_ns and spt */
    .bus_bps = 10000000,
};

/*
 * Toshiba XM-5401 (4x SCSI-2 CD-ROM): 190 ms average random access at
 * 4x, 800-2120 rpm, 4 x 75 sectors of 2048 bytes a second, 1.5 MB/s
 * asynchronous SCSI.  Overhead as the disk (model).
 */
static const Mech mech_cd = {
    .overhead_ns = 1000000,
    .short_ns = 60000000000ull / 2120,
    .avg_ns = 190000000,
    .rev_ns = 0,
    .spt = 0,
    .heads = 0,
    .stroke = 74ull * 60 * 75,
    .media_bps = 4ull * 75 * 2048,
    .bus_bps = 1500000,
};

static const Mech *mech(const ScsiTarget *t)
{
    return t->kind == SCSI_CDROM ? &mech_cd : &mech_disk;
}

/*
 * Full-stroke time from the average: seek time grows as the square root
 * of the distance, t(x) = short + (full - short) * sqrt(x), x the distance
 * as a fraction of the stroke.  The data sheet's average is over every
 * pair of start and end positions (the usual definition, a weighted
 * average with weight (max + 1 - n) for distance n), so x has density
 * 2(1 - x) and the mean of sqrt(x) is 8/15: full = short + (avg - short)
 * * 15/8.
 */
static uint64_t full_stroke_ns(const Mech *m)
{
    return m->short_ns + (m->avg_ns - m->short_ns) * 15 / 8;
}

static uint64_t cycles_to_ns(const ScsiTarget *t, Cycles c)
{
    return (uint64_t)((unsigned __int128)c * 1000000000u / t->ctx.hz);
}

static Cycles ns_to_cycles(const ScsiTarget *t, uint64_t ns)
{
    return ns ? dev_ns(&t->ctx, ns) : 0;
}

static Cycles now(const ScsiTarget *t)
{
    return t->ctx.events ? dev_now(&t->ctx) : 0;
}

/* Time for len bytes at rate bytes per second, in ns */
static uint64_t bytes_ns(uint64_t len, uint64_t bps)
{
    return (uint64_t)((unsigned __int128)len * 1000000000u / bps);
}

/* Seek (disk) or access (CD) time from head_lba to lba */
static uint64_t seek_ns(const ScsiTarget *t, uint64_t lba)
{
    const Mech *m = mech(t);
    uint64_t full = full_stroke_ns(m);
    uint64_t from = t->head_lba, d, span;
    double x;

    if (t->kind == SCSI_CDROM) {
        /* distance in blocks along the spiral */
        d = lba > from ? lba - from : from - lba;
        span = t->blocks > m->stroke ? t->blocks : m->stroke;
        if (d == 0) {
            return 0;
        }
        x = (double)d / (double)span;
    } else {
        uint64_t per_cyl = (uint64_t)m->spt * m->heads;
        uint64_t cyls = (t->blocks + per_cyl - 1) / per_cyl;
        uint64_t c0 = from / per_cyl, c1 = lba / per_cyl;
        span = cyls > m->stroke ? cyls : m->stroke;
        d = c1 > c0 ? c1 - c0 : c0 - c1;
        if (d == 0) {
            return 0;           /* same cylinder: a head switch */
        }
        x = (double)(d - 1) / (double)(span - 1);
    }
    if (x > 1.0) {
        x = 1.0;
    }
    return m->short_ns + (uint64_t)((double)(full - m->short_ns) * sqrt(x));
}

/*
 * Service time of a media access at lba: command overhead, then (unless
 * it continues where the last one ended, which the drive's read-ahead
 * has ready) the seek and, on the disk, the wait for the sector to come
 * round.  The platter's angle is a function of virtual time: it turns at
 * the spindle speed from angle 0 at cycle 0, and sector s of a track
 * begins at angle s / spt (SIMPLIFY: no track or cylinder skew).
 */
static uint64_t access_ns(const ScsiTarget *t, uint64_t lba)
{
    const Mech *m = mech(t);
    uint64_t ns = m->overhead_ns, arrive, angle_now, angle_want;

    if (lba == t->head_lba) {
        return ns;
    }
    ns += seek_ns(t, lba);
    if (m->rev_ns) {
        arrive = cycles_to_ns(t, now(t)) + ns;
        angle_now = arrive % m->rev_ns;
        angle_want = (lba % m->spt) * m->rev_ns / m->spt;
        ns += (angle_want + m->rev_ns - angle_now) % m->rev_ns;
    }
    return ns;
}

/* The time n blocks take to pass the head (disk) or come off the disc */
static uint64_t media_ns(const ScsiTarget *t, uint64_t n)
{
    const Mech *m = mech(t);
    if (m->rev_ns) {
        return (uint64_t)((unsigned __int128)n * m->rev_ns / m->spt);
    }
    return bytes_ns(n * t->block_size, m->media_bps);
}

/* Big-endian fields of n (2..4) bytes */
static uint32_t get_be(const uint8_t *p, unsigned n)
{
    uint32_t v = 0;
    unsigned i;
    for (i = 0; i < n; i++) {
        v = v << 8 | p[i];
    }
    return v;
}

static void put_be(uint8_t *p, uint32_t v, unsigned n)
{
    while (n--) {
        p[n] = (uint8_t)v;
        v >>= 8;
    }
}

/* ---- Sense ---- */

static void clear_sense(ScsiTarget *t)
{
    t->sense_key = SK_NO_SENSE;
    t->asc = 0;
    t->ascq = 0;
    t->info = 0;
    t->info_valid = false;
    t->field_pointer = 0;
    t->sksv = false;
    t->field_in_cdb = false;
    t->bit_pointer = -1;
}

static void set_info(ScsiTarget *t, uint64_t lba)
{
    /* INFORMATION is 4 bytes; beyond that it is not VALID */
    t->info_valid = lba <= UINT32_MAX;
    t->info = t->info_valid ? (uint32_t)lba : 0;
}

/* Final CHECK CONDITION before any data phase */
static void check(ScsiTarget *t, ScsiReq *r, uint8_t key, uint8_t asc,
                  uint8_t ascq)
{
    clear_sense(t);
    t->sense_key = key;
    t->asc = asc;
    t->ascq = ascq;
    r->status = SCSI_STATUS_CHECK;
    r->dir = SCSI_DIR_NONE;
    r->len = 0;
    r->media = false;
    r->done = true;
    dev_trace(&t->ctx, "check condition %x/%02x/%02x", key, asc, ascq);
}

/* ILLEGAL REQUEST with the sense-key specific field pointer (SCSI-2
 * REQUEST SENSE, field pointer bytes): byte, and bit or -1 */
static void illegal(ScsiTarget *t, ScsiReq *r, uint8_t asc, uint8_t ascq,
                    bool in_cdb, unsigned byte, int bit)
{
    check(t, r, SK_ILLEGAL_REQUEST, asc, ascq);
    t->sksv = true;
    t->field_in_cdb = in_cdb;
    t->field_pointer = (uint16_t)byte;
    t->bit_pointer = (int8_t)bit;
}

static void bad_cdb(ScsiTarget *t, ScsiReq *r, unsigned byte, int bit)
{
    illegal(t, r, ASC_INVALID_FIELD_CDB, true, byte, bit);
}

static void build_sense(uint8_t *b, uint8_t key, uint8_t asc, uint8_t ascq,
                        bool info_valid, uint32_t info, bool sksv,
                        bool in_cdb, int bit, uint16_t field)
{
    memset(b, 0, SCSI_SENSE_LEN);
    b[0] = 0x70 | (info_valid ? 0x80 : 0);      /* current error, fixed */
    b[2] = key;
    put_be(b + 3, info, 4);                     /* INFORMATION */
    b[7] = SCSI_SENSE_LEN - 8;                  /* additional length */
    b[12] = asc;
    b[13] = ascq;
    if (sksv) {
        b[15] = 0x80 | (in_cdb ? 0x40 : 0) |
                (bit >= 0 ? 0x08 | (bit & 7) : 0);
        b[16] = (uint8_t)(field >> 8);
        b[17] = (uint8_t)field;
    }
}

/* A unit attention for the next command (other than INQUIRY and REQUEST
 * SENSE); a reset's outranks a medium change */
static void set_ua(ScsiTarget *t, uint8_t asc, uint8_t ascq)
{
    if (t->unit_attention && t->ua_asc == 0x29 && asc != 0x29) {
        return;
    }
    t->unit_attention = true;
    t->ua_asc = asc;
    t->ua_ascq = ascq;
}

/* ---- Host errors: a guest-visible error and a (rate-limited) line ---- */

static void host_error(ScsiTarget *t, const char *what, uint64_t lba,
                       int err)
{
    t->host_errors++;
    log_host_error(t->ctx.log, t->ctx.cat, t->ctx.name,
                   "%s error on image '%s' at block %llu: %s", what,
                   t->blk.path ? t->blk.path : "?", (unsigned long long)lba,
                   strerror(-err));
}

/* ---- Helpers ---- */

/* Space-padded ASCII field */
static void put_str(uint8_t *p, const char *s, size_t n)
{
    size_t l = strlen(s);
    memset(p, ' ', n);
    memcpy(p, s, l < n ? l : n);
}

/* A data-in answer of full bytes (already in r->buf), cut to what the
 * initiator allocated: every allocation length truncates, never errs
 * (SCSI-2 command descriptor block, allocation length). */
static void answer(ScsiReq *r, uint64_t full, uint64_t alloc)
{
    r->dir = SCSI_DIR_IN;
    r->len = full < alloc ? full : alloc;
}

static bool medium_present(const ScsiTarget *t)
{
    return t->blk.fd >= 0 && t->blocks > 0 && !t->tray_open;
}

/* NOT READY for a command that needs the medium turning (SCSI-2 TEST
 * UNIT READY: medium not present 3A/00; stopped 04/02, which Linux's
 * sd_spinup_disk answers with START STOP UNIT). */
static bool not_ready(ScsiTarget *t, ScsiReq *r)
{
    if (!medium_present(t)) {
        check(t, r, SK_NOT_READY, ASC_MEDIUM_NOT_PRESENT);
        return true;
    }
    if (t->stopped) {
        check(t, r, SK_NOT_READY, ASC_NOT_READY_INIT_REQUIRED);
        return true;
    }
    return false;
}

/* LBA range check; INFORMATION = the first block past the end */
static bool out_of_range(ScsiTarget *t, ScsiReq *r, uint64_t lba,
                         uint64_t n)
{
    if (lba <= t->blocks && n <= t->blocks - lba) {
        return false;
    }
    check(t, r, SK_ILLEGAL_REQUEST, ASC_LBA_OUT_OF_RANGE);
    set_info(t, lba > t->blocks ? lba : t->blocks);
    return true;
}

/* ---- INQUIRY (SCSI-2 INQUIRY and vital product data; SPC-3 7.6) ---- */

/* Identification: honest about what this is.  8-byte vendor, 16-byte
 * product, 4-byte revision (SCSI-2 standard INQUIRY data). */
#define INQ_VENDOR "SUN4MSIM"
#define INQ_PRODUCT_DISK "VIRTUAL DISK"
#define INQ_PRODUCT_CD "VIRTUAL CD-ROM"
#define INQ_REVISION "1.0"

static uint8_t peripheral_type(const ScsiTarget *t)
{
    return t->kind == SCSI_CDROM ? 0x05 : 0x00;
}

/* Unit serial number: the instance name, unique on this machine */
static size_t serial(const ScsiTarget *t, char *s, size_t n)
{
    int k = snprintf(s, n, "%s", t->ctx.name ? t->ctx.name : "scsi");
    return k < 0 ? 0 : (size_t)k < n ? (size_t)k : n - 1;
}

static void cmd_inquiry(ScsiTarget *t, ScsiReq *r, const uint8_t *c)
{
    uint8_t *b = r->buf;
    uint32_t alloc = get_be(c + 3, 2);   /* SCSI-2: byte 4; SPC-3: bytes 3-4 */
    char sn[32];
    size_t n, sl;

    if (c[1] & 0x02) {              /* CMDDT: no command support data */
        bad_cdb(t, r, 1, 1);
        return;
    }
    memset(b, 0, 256);
    if (!(c[1] & 0x01)) {           /* standard data */
        if (c[2] != 0) {            /* page code without EVPD */
            bad_cdb(t, r, 2, -1);
            return;
        }
        b[0] = peripheral_type(t);  /* qualifier 0: connected */
        b[1] = t->kind == SCSI_CDROM ? 0x80 : 0;    /* RMB */
        b[2] = 0x02;                /* ANSI version: SCSI-2 */
        b[3] = 0x02;                /* response data format: SCSI-2 */
        b[4] = 36 - 5;              /* additional length */
        /* byte 7: Sync (synchronous transfer, as a fast SCSI-2 drive;
         * QEMU sets it too); no CmdQue, Linked, wide bus or RelAdr */
        b[7] = 0x10;
        put_str(b + 8, INQ_VENDOR, 8);
        put_str(b + 16, t->kind == SCSI_CDROM ? INQ_PRODUCT_CD :
                INQ_PRODUCT_DISK, 16);
        put_str(b + 32, INQ_REVISION, 4);
        answer(r, 36, alloc);
        return;
    }
    b[0] = peripheral_type(t);
    b[1] = c[2];
    switch (c[2]) {
    case 0x00:                      /* supported VPD pages */
        b[4] = 0x00;
        b[5] = 0x80;
        b[6] = 0x83;
        b[3] = 3;
        break;
    case 0x80:                      /* unit serial number */
        sl = serial(t, sn, sizeof(sn));
        memcpy(b + 4, sn, sl);
        b[3] = (uint8_t)sl;
        break;
    case 0x83:                      /* device identification (SPC-3
                                     * 7.6.3): one T10 vendor ID based
                                     * designator for the logical unit */
        sl = serial(t, sn, sizeof(sn));
        n = 8 + 16 + sl;
        b[4] = 0x02;                /* protocol 0, code set 2: ASCII */
        b[5] = 0x01;                /* PIV 0, association 0 (LU), type 1 */
        b[7] = (uint8_t)n;
        put_str(b + 8, INQ_VENDOR, 8);
        put_str(b + 16, t->kind == SCSI_CDROM ? INQ_PRODUCT_CD :
                INQ_PRODUCT_DISK, 16);
        memcpy(b + 32, sn, sl);
        b[3] = (uint8_t)(4 + n);
        break;
    default:
        bad_cdb(t, r, 2, -1);
        return;
    }
    answer(r, 4u + b[3], alloc);
}

/* INQUIRY to a LUN with nothing behind it: peripheral qualifier 3 (not
 * capable of supporting a device), type 1Fh (SCSI-2 incorrect logical
 * unit selection; Linux scsi_scan stops its sequential scan there) */
static void inquiry_no_lun(ScsiReq *r, const uint8_t *c)
{
    memset(r->buf, 0, 36);
    r->buf[0] = 0x7f;
    r->buf[2] = 0x02;
    r->buf[3] = 0x02;
    r->buf[4] = 36 - 5;
    answer(r, 36, get_be(c + 3, 2));
}

/* ---- Mode pages (SCSI-2 mode parameters of all device types, of
 * direct-access devices and of CD-ROM devices; MMC-3 for 2Ah) ---- */

typedef enum PageCtl {
    PC_CURRENT = 0,
    PC_CHANGEABLE = 1,
    PC_DEFAULT = 2,
    PC_SAVED = 3,
} PageCtl;

typedef size_t PageFn(const ScsiTarget *t, PageCtl pc, uint8_t *p);

static uint32_t cylinders(const ScsiTarget *t)
{
    uint64_t per = (uint64_t)mech_disk.spt * mech_disk.heads;
    uint64_t c = (t->blocks + per - 1) / per;
    return c > 0xffffff ? 0xffffff : (uint32_t)c;
}

/* 01h read-write error recovery (disk); read error recovery (CD; SCSI-2
 * pages of those names): AWRE and ARRE on the disk, retry counts */
static size_t page_error_recovery(const ScsiTarget *t, PageCtl pc,
                                  uint8_t *p)
{
    size_t len = t->kind == SCSI_CDROM ? 8 : 12;
    p[0] = 0x01;
    p[1] = (uint8_t)(len - 2);
    if (pc == PC_CHANGEABLE) {
        return len;
    }
    if (t->kind == SCSI_CDROM) {
        p[3] = 8;                   /* read retry count */
    } else {
        p[2] = 0xc0;                /* AWRE, ARRE */
        p[3] = 8;                   /* read retry count */
        p[8] = 8;                   /* write retry count */
    }
    return len;
}

/* 03h format device (SCSI-2 format device page): the modelled drive's
 * track layout */
static size_t page_format(const ScsiTarget *t, PageCtl pc, uint8_t *p)
{
    p[0] = 0x03;
    p[1] = 0x16;
    if (pc == PC_CHANGEABLE) {
        return 24;
    }
    put_be(p + 2, mech_disk.heads, 2);  /* tracks per zone: one cylinder */
    put_be(p + 10, mech_disk.spt, 2);   /* sectors per track */
    put_be(p + 12, t->block_size, 2);   /* data bytes per physical sector */
    put_be(p + 14, 1, 2);               /* interleave */
    p[20] = 0x40;                   /* HSEC: hard sectored */
    return 24;
}

/* 04h rigid disk geometry (SCSI-2 rigid disk geometry page) */
static size_t page_geometry(const ScsiTarget *t, PageCtl pc, uint8_t *p)
{
    uint32_t cyl = cylinders(t);
    p[0] = 0x04;
    p[1] = 0x16;
    if (pc == PC_CHANGEABLE) {
        return 24;
    }
    put_be(p + 2, cyl, 3);
    p[5] = (uint8_t)mech_disk.heads;
    put_be(p + 6, cyl, 3);              /* no write precompensation */
    put_be(p + 9, cyl, 3);              /* no reduced write current */
    put_be(p + 20, 5411, 2);            /* medium rotation rate, rpm */
    return 24;
}

/* 08h caching (SCSI-2 caching page, 12 bytes): WCE (byte 2 bit 2) is
 * the one changeable bit; Linux sd_read_cache_type reads WCE and RCD.
 * Default on (model): writes land in the host's cache and a guest that
 * knows it sends SYNCHRONIZE CACHE. */
static size_t page_caching(const ScsiTarget *t, PageCtl pc, uint8_t *p)
{
    p[0] = 0x08;
    p[1] = 0x0a;
    if (pc == PC_CHANGEABLE) {
        p[2] = 0x04;
        return 12;
    }
    p[2] = (pc == PC_CURRENT ? t->wce : true) ? 0x04 : 0;
    put_be(p + 4, 0xffff, 2);           /* disable pre-fetch transfer length */
    put_be(p + 8, 0xffff, 2);           /* maximum pre-fetch */
    put_be(p + 10, 0xffff, 2);          /* maximum pre-fetch ceiling */
    return 12;
}

/* 0Ah control mode (SCSI-2 control mode page): tagged queueing disabled
 * (DQue) */
static size_t page_control(const ScsiTarget *t, PageCtl pc, uint8_t *p)
{
    p[0] = 0x0a;
    p[1] = 0x06;
    if (pc != PC_CHANGEABLE) {
        p[3] = 0x01;                /* DQue */
    }
    return 8;
}

/* 0Dh CD-ROM device parameters (SCSI-2 page of that name): MSF units,
 * 60 s a minute and 75 frames a second */
static size_t page_cd_params(const ScsiTarget *t, PageCtl pc, uint8_t *p)
{
    p[0] = 0x0d;
    p[1] = 0x06;
    if (pc == PC_CHANGEABLE) {
        return 8;
    }
    put_be(p + 4, 60, 2);
    put_be(p + 6, 75, 2);
    return 8;
}

/* 2Ah CD capabilities and mechanical status (MMC-3; what Linux sr.c
 * get_capabilities reads: byte 6 loading mechanism and eject/lock, bytes
 * 8 and 14 the maximum and current speed in kB/s, /176 = "4x") */
static size_t page_capabilities(const ScsiTarget *t, PageCtl pc, uint8_t *p)
{
    p[0] = 0x2a;
    p[1] = 0x14;
    if (pc == PC_CHANGEABLE) {
        return 22;
    }
    /* reads CD-ROM only, writes nothing, no audio */
    p[6] = 0x20 | 0x08 | 0x01 |     /* tray, eject, lock */
           (pc == PC_CURRENT && t->prevent_removal ? 0x02 : 0);
    put_be(p + 8, 706, 2);              /* 4 x 176.4 kB/s */
    put_be(p + 12, 256, 2);             /* buffer, KB */
    put_be(p + 14, 706, 2);
    return 22;
}

typedef struct ModePage {
    uint8_t code;
    PageFn *fn;
} ModePage;

static const ModePage pages_disk[] = {
    { 0x01, page_error_recovery },
    { 0x03, page_format },
    { 0x04, page_geometry },
    { 0x08, page_caching },
    { 0x0a, page_control },
};

static const ModePage pages_cd[] = {
    { 0x01, page_error_recovery },
    { 0x0d, page_cd_params },
    { 0x2a, page_capabilities },
};

static const ModePage *find_page(const ScsiTarget *t, uint8_t code)
{
    const ModePage *ps = t->kind == SCSI_CDROM ? pages_cd : pages_disk;
    size_t n = t->kind == SCSI_CDROM ? sizeof(pages_cd) / sizeof(pages_cd[0])
                                     : sizeof(pages_disk) /
                                       sizeof(pages_disk[0]);
    size_t i;
    for (i = 0; i < n; i++) {
        if (ps[i].code == code) {
            return &ps[i];
        }
    }
    return NULL;
}

/* Medium type (SCSI-2 mode parameter header: 0 default; CD 01h, 120 mm
 * data only) and
 * device-specific byte (disk: WP, bit 7, for a read-only image, which
 * Linux sd_read_write_protect_flag reads; reserved on the CD) */
static uint8_t medium_type(const ScsiTarget *t)
{
    return t->kind == SCSI_CDROM ? 0x01 : 0x00;
}

static void cmd_mode_sense(ScsiTarget *t, ScsiReq *r, const uint8_t *c,
                           bool ten)
{
    uint8_t *b = r->buf;
    bool dbd = c[1] & 0x08;
    PageCtl pc = (PageCtl)(c[2] >> 6);
    uint8_t code = c[2] & 0x3f;
    size_t hdr = ten ? 8 : 4, off, bdl;
    uint32_t alloc = ten ? get_be(c + 7, 2) : c[4];

    if (pc == PC_SAVED) {           /* SCSI-2 MODE SENSE: no saved pages */
        illegal(t, r, ASC_SAVING_NOT_SUPPORTED, true, 2, 7);
        return;
    }
    if (c[3] != 0 && !(code == 0x3f && c[3] == 0xff)) {
        bad_cdb(t, r, 3, -1);       /* subpages (SPC-3): none */
        return;
    }
    if (code != 0x3f && !find_page(t, code)) {
        bad_cdb(t, r, 2, 5);
        return;
    }
    memset(b, 0, 512);
    off = hdr;
    bdl = 0;
    if (!dbd) {                     /* one block descriptor */
        uint64_t nb = medium_present(t) ? t->blocks : 0;
        b[off] = 0;                 /* density code: default */
        put_be(b + off + 1, nb > 0xffffff ? 0xffffff : (uint32_t)nb, 3);
        put_be(b + off + 5, t->block_size, 3);
        bdl = 8;
        off += 8;
    }
    if (code == 0x3f) {
        const ModePage *ps = t->kind == SCSI_CDROM ? pages_cd : pages_disk;
        size_t n = t->kind == SCSI_CDROM ?
                   sizeof(pages_cd) / sizeof(pages_cd[0]) :
                   sizeof(pages_disk) / sizeof(pages_disk[0]);
        size_t i;
        for (i = 0; i < n; i++) {
            off += ps[i].fn(t, pc, b + off);
        }
    } else {
        off += find_page(t, code)->fn(t, pc, b + off);
    }
    if (ten) {
        put_be(b, (uint32_t)(off - 2), 2);  /* mode data length */
        b[2] = medium_type(t);
        b[3] = t->kind == SCSI_DISK && t->blk.readonly ? 0x80 : 0;
        put_be(b + 6, (uint32_t)bdl, 2);
    } else {
        b[0] = (uint8_t)(off - 1);
        b[1] = medium_type(t);
        b[2] = t->kind == SCSI_DISK && t->blk.readonly ? 0x80 : 0;
        b[3] = (uint8_t)bdl;
    }
    answer(r, off, alloc);
}

static void cmd_mode_select(ScsiTarget *t, ScsiReq *r, const uint8_t *c,
                            bool ten)
{
    uint32_t len = ten ? get_be(c + 7, 2) : c[4];

    if (c[1] & 0x01) {              /* SP: no saved pages */
        bad_cdb(t, r, 1, 0);
        return;
    }
    if (len > SCSI_BUF_SIZE) {
        bad_cdb(t, r, ten ? 7 : 4, -1);
        return;
    }
    memset(r->buf, 0, len);
    r->dir = SCSI_DIR_OUT;
    r->len = len;
}

/* MODE SELECT parameter list, n bytes in r->buf (SCSI-2 MODE SELECT): the
 * header, at most one block descriptor (our block size), then pages each
 * of which must be one MODE SENSE reports, at its length, with only the
 * changeable bits differing from the current values.  Nothing is applied
 * unless all of it is acceptable. */
static void mode_select_done(ScsiTarget *t, ScsiReq *r, uint64_t n)
{
    const uint8_t *p = r->buf;
    bool ten = r->cdb[0] == OP_MODE_SELECT_10;
    size_t hdr = ten ? 8 : 4, off, bdl, i;
    int pass;

    if (n == 0) {
        r->status = SCSI_STATUS_GOOD;
        return;
    }
    if (n < hdr) {
        check(t, r, SK_ILLEGAL_REQUEST, ASC_PARAM_LIST_LENGTH);
        return;
    }
    if (p[ten ? 2 : 1] != 0 && p[ten ? 2 : 1] != medium_type(t)) {
        illegal(t, r, ASC_INVALID_FIELD_PARAM, false, ten ? 2 : 1, -1);
        return;
    }
    bdl = ten ? get_be(p + 6, 2) : p[3];
    if (bdl != 0 && bdl != 8) {
        illegal(t, r, ASC_INVALID_FIELD_PARAM, false, ten ? 6 : 3, -1);
        return;
    }
    if (hdr + bdl > n) {
        check(t, r, SK_ILLEGAL_REQUEST, ASC_PARAM_LIST_LENGTH);
        return;
    }
    if (bdl) {
        const uint8_t *d = p + hdr;
        if (d[0] != 0) {            /* density code */
            illegal(t, r, ASC_INVALID_FIELD_PARAM, false, hdr, -1);
            return;
        }
        if (get_be(d + 5, 3) != t->block_size) {     /* no block size change */
            illegal(t, r, ASC_INVALID_FIELD_PARAM, false, hdr + 5, -1);
            return;
        }
    }
    /* pass 0 checks every page, pass 1 applies them */
    for (pass = 0; pass < 2; pass++) {
        off = hdr + bdl;
        while (off < n) {
            uint8_t cur[64], mask[64];
            const ModePage *mp;
            size_t plen;

            if (off + 2 > n || off + 2 + p[off + 1] > n) {
                check(t, r, SK_ILLEGAL_REQUEST, ASC_PARAM_LIST_LENGTH);
                return;
            }
            mp = find_page(t, p[off] & 0x3f);
            if (!mp) {
                illegal(t, r, ASC_INVALID_FIELD_PARAM, false, off, 5);
                return;
            }
            memset(cur, 0, sizeof(cur));
            memset(mask, 0, sizeof(mask));
            plen = mp->fn(t, PC_CURRENT, cur);
            mp->fn(t, PC_CHANGEABLE, mask);
            if ((size_t)p[off + 1] + 2 != plen) {
                illegal(t, r, ASC_INVALID_FIELD_PARAM, false, off + 1, -1);
                return;
            }
            for (i = 2; i < plen && pass == 0; i++) {
                uint8_t diff = (uint8_t)((p[off + i] ^ cur[i]) & ~mask[i]);
                if (diff) {
                    int bit = 7;
                    while (!(diff & (1u << bit))) {
                        bit--;
                    }
                    illegal(t, r, ASC_INVALID_FIELD_PARAM, false, off + i,
                            bit);
                    return;
                }
            }
            if (pass == 1 && mp->code == 0x08) {
                t->wce = p[off + 2] & 0x04;
                dev_trace(&t->ctx, "mode select: write cache %s",
                          t->wce ? "on" : "off");
            }
            off += plen;
        }
    }
    r->status = SCSI_STATUS_GOOD;
}

/* ---- Media commands (SCSI-2 chapter 9) ---- */

static void media_command(ScsiTarget *t, ScsiReq *r, uint64_t lba,
                          uint64_t n, bool write)
{
    const Mech *m = mech(t);

    if (not_ready(t, r)) {
        return;
    }
    if (write && t->blk.readonly) {
        check(t, r, SK_DATA_PROTECT, ASC_WRITE_PROTECTED);
        return;
    }
    if (out_of_range(t, r, lba, n)) {
        return;
    }
    if (n == 0) {                   /* READ/WRITE(10) of no blocks */
        return;
    }
    r->service = ns_to_cycles(t, access_ns(t, lba));
    r->dir = write ? SCSI_DIR_OUT : SCSI_DIR_IN;
    r->media = true;
    r->offset = lba * t->block_size;
    r->len = n * t->block_size;
    /* the slower of the medium and the bus */
    if (m->rev_ns) {
        uint64_t med = media_ns(t, n), bus = bytes_ns(r->len, m->bus_bps);
        r->data_time = ns_to_cycles(t, med > bus ? med : bus);
    } else {
        r->data_time = ns_to_cycles(t, media_ns(t, n));
    }
    t->head_lba = lba + n;
    dev_trace(&t->ctx, "%s lba %llu blocks %llu", write ? "write" : "read",
              (unsigned long long)lba, (unsigned long long)n);
}

static void cmd_verify(ScsiTarget *t, ScsiReq *r, const uint8_t *c)
{
    uint64_t lba = get_be(c + 2, 4), n = get_be(c + 7, 2);

    if (c[1] & 0x02) {              /* BytChk: SIMPLIFY (file comment) */
        bad_cdb(t, r, 1, 1);
        return;
    }
    if (not_ready(t, r) || out_of_range(t, r, lba, n)) {
        return;
    }
    if (n) {
        r->service = ns_to_cycles(t, access_ns(t, lba) + media_ns(t, n));
        t->head_lba = lba + n;
    }
}

static void cmd_read_capacity(ScsiTarget *t, ScsiReq *r, const uint8_t *c)
{
    uint64_t last;

    if (c[1] & 0x01) {              /* RelAdr */
        bad_cdb(t, r, 1, 0);
        return;
    }
    if (!(c[8] & 0x01) && get_be(c + 2, 4) != 0) {   /* PMI 0: LBA must be 0 */
        bad_cdb(t, r, 2, -1);
        return;
    }
    if (not_ready(t, r)) {
        return;
    }
    /* SIMPLIFY: with PMI the drive would give the last block before a
     * delay (a cylinder end); this one gives the last block */
    last = t->blocks - 1;
    put_be(r->buf, last > UINT32_MAX ? UINT32_MAX : (uint32_t)last, 4);
    put_be(r->buf + 4, t->block_size, 4);
    answer(r, 8, 8);
}

static void cmd_sync_cache(ScsiTarget *t, ScsiReq *r, const uint8_t *c)
{
    uint64_t lba = get_be(c + 2, 4);
    int err;

    if (c[1] & 0x01) {              /* RelAdr */
        bad_cdb(t, r, 1, 0);
        return;
    }
    if (not_ready(t, r)) {
        return;
    }
    if (lba >= t->blocks) {
        out_of_range(t, r, lba, 1);
        return;
    }
    /* the whole cache, whatever range was asked (writing more is
     * allowed: SCSI-2 SYNCHRONIZE CACHE) */
    err = block_flush(&t->blk);
    if (err) {
        host_error(t, "flush", lba, err);
        t->media_errors++;
        check(t, r, SK_MEDIUM_ERROR, ASC_WRITE_ERROR);
        return;
    }
    dev_trace(&t->ctx, "cache flushed");
}

static void cmd_start_stop(ScsiTarget *t, ScsiReq *r, const uint8_t *c)
{
    bool start = c[4] & 0x01, loej = c[4] & 0x02;
    int err;

    if (c[4] & 0xf0) {
        /* a power condition (SBC-2; reserved in SCSI-2): START and LOEJ
         * are ignored; SIMPLIFY: no power states, nothing changes */
        return;
    }
    if (t->kind != SCSI_CDROM) {
        loej = false;               /* a fixed disk has nothing to eject */
    }
    if (start) {
        t->stopped = false;
        if (loej && t->tray_open) {
            t->tray_open = false;
            /* the medium may have changed: not ready to ready transition
             * (SCSI-2 unit attention condition) */
            if (medium_present(t)) {
                set_ua(t, ASC_MEDIUM_CHANGED);
            }
        }
        dev_trace(&t->ctx, "start%s", loej ? " (load)" : "");
        return;
    }
    if (loej && t->prevent_removal) {   /* SCSI-2 PREVENT ALLOW */
        check(t, r, SK_ILLEGAL_REQUEST, ASC_REMOVAL_PREVENTED);
        return;
    }
    /* a drive writes its cache to the medium before the spindle stops */
    err = block_flush(&t->blk);
    if (err) {
        host_error(t, "flush", 0, err);
        t->media_errors++;
        check(t, r, SK_MEDIUM_ERROR, ASC_WRITE_ERROR);
        return;
    }
    t->stopped = true;
    if (loej) {
        t->tray_open = true;
    }
    dev_trace(&t->ctx, "stop%s", loej ? " (eject)" : "");
}

/* ---- CD-ROM (SCSI-2 chapter 14; MMC-3) ---- */

/* Logical block to MSF: 75 frames a second, block 0 at 00:02:00 (the
 * 150-frame pregap of track 1) */
static void put_addr(uint8_t *p, uint64_t lba, bool msf)
{
    if (msf) {
        uint64_t f = lba + 150;
        p[0] = 0;
        p[1] = (uint8_t)(f / (60 * 75));
        p[2] = (uint8_t)(f / 75 % 60);
        p[3] = (uint8_t)(f % 75);
    } else {
        put_be(p, lba > UINT32_MAX ? UINT32_MAX : (uint32_t)lba, 4);
    }
}

/* One data track (control 4: data, recorded uninterrupted; ADR 1: Q
 * sub-channel encodes position) and the lead-out, track AAh. */
static void cmd_read_toc(ScsiTarget *t, ScsiReq *r, const uint8_t *c)
{
    uint8_t *b = r->buf;
    bool msf = c[1] & 0x02;
    /* MMC format in byte 2; older drives and Linux sr_vendor use the
     * format bits in byte 9 (bits 7-6) */
    unsigned fmt = (c[2] & 0x0f) ? (c[2] & 0x0f) : (c[9] >> 6);
    unsigned track = c[6];
    size_t off = 4;

    if (fmt > 1) {
        bad_cdb(t, r, (c[2] & 0x0f) ? 2 : 9, -1);
        return;
    }
    if (fmt == 0 && track > 1 && track != 0xaa) {
        bad_cdb(t, r, 6, -1);
        return;
    }
    if (not_ready(t, r)) {
        return;
    }
    memset(b, 0, 32);
    b[2] = 1;                       /* first track or session */
    b[3] = 1;                       /* last */
    if (fmt == 0) {
        if (track <= 1) {
            b[off + 1] = 0x14;      /* ADR 1, control 4 */
            b[off + 2] = 1;
            put_addr(b + off + 4, 0, msf);
            off += 8;
        }
        b[off + 1] = 0x14;
        b[off + 2] = 0xaa;
        put_addr(b + off + 4, t->blocks, msf);
        off += 8;
    } else {                        /* session information */
        b[off + 1] = 0x14;
        b[off + 2] = 1;             /* first track of the last session */
        put_addr(b + off + 4, 0, msf);
        off += 8;
    }
    put_be(b, (uint32_t)(off - 2), 2);  /* TOC data length */
    answer(r, off, get_be(c + 7, 2));
}

/* A feature descriptor header (MMC-3 5.2.2): code, version 0 with the
 * persistent and current bits, additional length */
static size_t feature(uint8_t *p, uint16_t code, bool persistent,
                      bool current, uint8_t addl)
{
    put_be(p, code, 2);
    p[2] = (uint8_t)((persistent ? 0x02 : 0) | (current ? 0x01 : 0));
    p[3] = addl;
    return 4u + addl;
}

static void cmd_get_configuration(ScsiTarget *t, ScsiReq *r,
                                  const uint8_t *c)
{
    uint8_t *b = r->buf, *p;
    unsigned rt = c[1] & 0x03;
    uint16_t sfn = (uint16_t)get_be(c + 2, 2);
    bool present = medium_present(t);
    static const uint16_t codes[] = { 0x0000, 0x0001, 0x0003, 0x0010,
                                      0x001e };
    size_t off = 8, i;

    if (rt == 3) {
        bad_cdb(t, r, 1, 1);
        return;
    }
    memset(b, 0, 128);
    for (i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
        uint16_t f = codes[i];
        bool cur = f <= 0x0003 || present;      /* 0-3 always current */
        if (f < sfn || (rt == 2 && f != sfn) || (rt == 1 && !cur)) {
            continue;
        }
        p = b + off;
        switch (f) {
        case 0x0000:                /* profile list: CD-ROM only */
            off += feature(p, f, true, true, 4);
            put_be(p + 4, 0x0008, 2);
            p[6] = present ? 0x01 : 0;  /* CurrentP */
            break;
        case 0x0001:                /* core: SCSI family interface */
            off += feature(p, f, true, true, 4);
            put_be(p + 4, 1, 4);
            break;
        case 0x0003:                /* removable medium: tray, eject,
                                     * lock */
            off += feature(p, f, true, true, 4);
            p[4] = 0x20 | 0x08 | 0x01;
            break;
        case 0x0010:                /* random readable, 2048-byte blocks */
            off += feature(p, f, false, cur, 8);
            put_be(p + 4, 2048, 4);
            put_be(p + 8, 1, 2);        /* blocking */
            break;
        case 0x001e:                /* CD read */
            off += feature(p, f, false, cur, 4);
            break;
        }
    }
    put_be(b, (uint32_t)(off - 4), 4);  /* data length */
    put_be(b + 6, present ? 0x0008 : 0x0000, 2);    /* current profile */
    answer(r, off, get_be(c + 7, 2));
}

/* ---- Other commands ---- */

static void cmd_request_sense(ScsiTarget *t, ScsiReq *r, const uint8_t *c)
{
    if (t->sense_key == SK_NO_SENSE && t->unit_attention) {
        /* no other sense: report the unit attention and clear it
         * (SCSI-2 unit attention condition, and what QEMU does) */
        t->unit_attention = false;
        build_sense(r->buf, SK_UNIT_ATTENTION, t->ua_asc, t->ua_ascq,
                    false, 0, false, false, -1, 0);
    } else {
        build_sense(r->buf, t->sense_key, t->asc, t->ascq, t->info_valid,
                    t->info, t->sksv, t->field_in_cdb, t->bit_pointer,
                    t->field_pointer);
    }
    clear_sense(t);
    answer(r, SCSI_SENSE_LEN, c[4]);
}

static void cmd_report_luns(ScsiTarget *t, ScsiReq *r, const uint8_t *c)
{
    uint32_t alloc = get_be(c + 6, 4);

    if (c[2] > 2) {                 /* select report */
        bad_cdb(t, r, 2, -1);
        return;
    }
    if (alloc < 16) {               /* SPC-3 6.21 */
        bad_cdb(t, r, 6, -1);
        return;
    }
    memset(r->buf, 0, 16);
    put_be(r->buf, 8, 4);               /* LUN list length: LUN 0 alone */
    answer(r, 16, alloc);
}

/* ---- Dispatch ---- */

unsigned scsi_cdb_length(uint8_t opcode)
{
    switch (opcode >> 5) {
    case 0:
        return 6;
    case 1:
    case 2:
        return 10;
    case 5:
        return 12;
    default:
        return 0;                   /* reserved or vendor specific */
    }
}

static bool supported(const ScsiTarget *t, uint8_t op)
{
    bool cd = t->kind == SCSI_CDROM;
    switch (op) {
    case OP_TEST_UNIT_READY:
    case OP_REQUEST_SENSE:
    case OP_READ_6:
    case OP_INQUIRY:
    case OP_MODE_SELECT_6:
    case OP_MODE_SENSE_6:
    case OP_START_STOP:
    case OP_PREVENT_ALLOW:
    case OP_READ_CAPACITY_10:
    case OP_READ_10:
    case OP_VERIFY_10:
    case OP_SYNC_CACHE_10:
    case OP_MODE_SELECT_10:
    case OP_MODE_SENSE_10:
    case OP_REPORT_LUNS:
        return true;
    case OP_WRITE_6:
    case OP_WRITE_10:
        /* a CD-ROM drive has no WRITE (SCSI-2 CD-ROM command table) */
        return !cd;
    case OP_READ_TOC:
    case OP_GET_CONFIGURATION:
        return cd;
    default:
        return false;
    }
}

void scsi_target_init(ScsiTarget *t, const DevCtx *ctx, unsigned id,
                      ScsiKind kind, const BlockDev *blk)
{
    memset(t, 0, sizeof(*t));
    t->ctx = *ctx;
    if (t->ctx.hz == 0) {
        t->ctx.hz = 1;
    }
    t->id = id;
    t->kind = kind;
    t->blk = *blk;
    t->block_size = kind == SCSI_CDROM ? 2048 : 512;
    /* a trailing partial block is not addressable */
    t->blocks = t->blk.fd >= 0 ? t->blk.size / t->block_size : 0;
    scsi_target_reset(t);
}

void scsi_target_free(ScsiTarget *t)
{
    int err = block_close(&t->blk);
    if (err) {
        host_error(t, "flush", 0, err);
    }
}

void scsi_target_reset(ScsiTarget *t)
{
    /* SCSI-2 unit attention condition: every initiator sees UNIT
     * ATTENTION after a power-on or a reset; a reset also releases
     * PREVENT (SCSI-2 PREVENT ALLOW) and brings back the default mode
     * values (no saved ones here) */
    clear_sense(t);
    set_ua(t, ASC_POWER_ON_RESET);
    t->prevent_removal = false;
    t->wce = true;
    dev_trace(&t->ctx, "reset");
}

void scsi_command(ScsiTarget *t, ScsiReq *r)
{
    uint8_t c[SCSI_MAX_CDB];
    uint8_t op;
    unsigned len, n = r->cdb_len < SCSI_MAX_CDB ? r->cdb_len : SCSI_MAX_CDB;

    /* the bytes not sent read as zero */
    memset(c, 0, sizeof(c));
    memcpy(c, r->cdb, n);
    op = c[0];
    len = scsi_cdb_length(op);

    r->dir = SCSI_DIR_NONE;
    r->len = 0;
    r->media = false;
    r->offset = 0;
    r->status = SCSI_STATUS_GOOD;
    r->done = false;
    r->service = ns_to_cycles(t, mech(t)->overhead_ns);
    r->data_time = 0;
    t->commands++;
    dev_trace(&t->ctx, "command %02x lun %u (%u bytes)", op, r->lun,
              r->cdb_len);

    if (r->lun != 0) {
        /* SCSI-2 incorrect logical unit selection */
        if (op == OP_INQUIRY) {
            inquiry_no_lun(r, c);
        } else if (op == OP_REQUEST_SENSE) {
            build_sense(r->buf, SK_ILLEGAL_REQUEST, ASC_LUN_NOT_SUPPORTED,
                        false, 0, false, false, -1, 0);
            answer(r, SCSI_SENSE_LEN, c[4]);
        } else {
            /* the sense belongs to that LUN, whose REQUEST SENSE always
             * says this: LUN 0's sense stays as it is */
            r->status = SCSI_STATUS_CHECK;
            r->done = true;
            dev_trace(&t->ctx, "no lun %u", r->lun);
            return;
        }
        goto out;
    }
    if (op != OP_REQUEST_SENSE) {
        clear_sense(t);             /* contingent allegiance ends */
    }
    if (t->unit_attention && op != OP_INQUIRY && op != OP_REQUEST_SENSE) {
        t->unit_attention = false;
        check(t, r, SK_UNIT_ATTENTION, t->ua_asc, t->ua_ascq);
        return;
    }
    if (!supported(t, op) || len == 0) {
        illegal(t, r, ASC_INVALID_OPCODE, true, 0, -1);
        return;
    }
    if (c[len - 1] & 0x01) {        /* Link: no linked commands */
        bad_cdb(t, r, len - 1, 0);
        return;
    }

    switch (op) {
    case OP_TEST_UNIT_READY:
        not_ready(t, r);
        break;
    case OP_REQUEST_SENSE:
        cmd_request_sense(t, r, c);
        break;
    case OP_INQUIRY:
        cmd_inquiry(t, r, c);
        break;
    case OP_READ_6:
    case OP_WRITE_6: {
        /* 21-bit LBA (byte 1 bits 7-5 are the SCSI-2 LUN field); a
         * transfer length of 0 means 256 blocks (SCSI-2 READ(6)) */
        uint64_t lba = get_be(c + 1, 3) & 0x1fffff;
        uint64_t cnt = c[4] ? c[4] : 256;
        media_command(t, r, lba, cnt, op == OP_WRITE_6);
        break;
    }
    case OP_READ_10:
    case OP_WRITE_10:
        if (c[1] & 0x01) {          /* RelAdr */
            bad_cdb(t, r, 1, 0);
            break;
        }
        /* DPO and FUA are hints; the write cache is the host's */
        media_command(t, r, get_be(c + 2, 4), get_be(c + 7, 2),
                      op == OP_WRITE_10);
        break;
    case OP_VERIFY_10:
        cmd_verify(t, r, c);
        break;
    case OP_READ_CAPACITY_10:
        cmd_read_capacity(t, r, c);
        break;
    case OP_MODE_SENSE_6:
    case OP_MODE_SENSE_10:
        cmd_mode_sense(t, r, c, op == OP_MODE_SENSE_10);
        break;
    case OP_MODE_SELECT_6:
    case OP_MODE_SELECT_10:
        cmd_mode_select(t, r, c, op == OP_MODE_SELECT_10);
        break;
    case OP_START_STOP:
        cmd_start_stop(t, r, c);
        break;
    case OP_PREVENT_ALLOW:
        t->prevent_removal = c[4] & 0x01;
        break;
    case OP_SYNC_CACHE_10:
        cmd_sync_cache(t, r, c);
        break;
    case OP_READ_TOC:
        cmd_read_toc(t, r, c);
        break;
    case OP_GET_CONFIGURATION:
        cmd_get_configuration(t, r, c);
        break;
    case OP_REPORT_LUNS:
        cmd_report_luns(t, r, c);
        break;
    }

out:
    if (r->done) {
        return;                     /* refused */
    }
    if (r->len == 0) {
        r->dir = SCSI_DIR_NONE;
        r->media = false;
        r->done = true;
        return;
    }
    if (!r->media) {
        r->data_time = ns_to_cycles(t, bytes_ns(r->len, mech(t)->bus_bps));
    }
}

void scsi_data_done(ScsiTarget *t, ScsiReq *r, uint64_t done, int host_err)
{
    if (r->done) {
        return;                     /* nothing was outstanding */
    }
    r->done = true;
    r->status = SCSI_STATUS_GOOD;
    if (done > r->len) {
        done = r->len;
    }
    if (r->media) {
        bool write = r->dir == SCSI_DIR_OUT;
        uint64_t lba = r->offset / t->block_size;
        uint64_t moved = done / t->block_size;

        if (write) {
            t->blocks_written += moved;
            /* whatever reached the file is in the host's cache now */
            t->blk.dirty = true;
        } else {
            t->blocks_read += moved;
        }
        if (host_err || done < r->len) {
            /* the first block that did not make it (SCSI-2 REQUEST
             * SENSE: INFORMATION is the LBA of the error).  A host
             * failure gets a line; a transfer the initiator cut short
             * (an abort, a DMA fault) only a trace. */
            if (host_err) {
                host_error(t, write ? "write" : "read", lba + moved,
                           host_err);
            } else {
                dev_trace(&t->ctx, "data phase cut short at block %llu",
                          (unsigned long long)(lba + moved));
            }
            t->media_errors++;
            if (write) {
                check(t, r, SK_MEDIUM_ERROR, ASC_WRITE_ERROR);
            } else {
                check(t, r, SK_MEDIUM_ERROR, ASC_UNRECOVERED_READ);
            }
            set_info(t, lba + moved);
            t->head_lba = lba + moved;
            return;
        }
        if (write && !t->wce) {
            /* write cache off: the status means "on the medium" */
            int err = block_flush(&t->blk);
            if (err) {
                host_error(t, "flush", lba, err);
                t->media_errors++;
                check(t, r, SK_MEDIUM_ERROR, ASC_WRITE_ERROR);
                set_info(t, lba);
                return;
            }
        }
        return;
    }
    if (r->dir == SCSI_DIR_OUT) {
        /* MODE SELECT's parameter list: what arrived; a list cut short
         * by the initiator is a length error */
        if (done < r->len || host_err) {
            check(t, r, SK_ILLEGAL_REQUEST, ASC_PARAM_LIST_LENGTH);
            return;
        }
        mode_select_done(t, r, done);
    }
    /* data in from r->buf: the answer was there; GOOD */
}
