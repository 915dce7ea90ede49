/*
 * Unit tests of the SCSI targets (hw/scsi/scsi.c) and of the host image
 * back end (hw/host/block.c).
 *
 * A target is built alone on a bare EventQueue whose clock is `now` (CPU
 * cycles at 110 MHz), with no bus and no initiator: each test hands it
 * CDBs with scsi_command and, where there is a data phase, plays the
 * initiator: it checks where the bytes are (r->buf, or the image at
 * r->offset) and reports the outcome with scsi_data_done.  Images are
 * mkstemp files under /tmp (and /dev/shm for the tmpfs case); host error
 * lines go to a temporary file the tests read back.
 *
 * Built and run by `make check-unit`.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "hw/core/event.h"
#include "hw/core/log.h"
#include "hw/host/block.h"
#include "hw/scsi/scsi.h"
#include "unit.h"

#define HZ 110000000ull
#define NS(ns) ((Cycles)(HZ * (uint64_t)(ns) / 1000000000ull))
#define MS(ms) NS((uint64_t)(ms) * 1000000u)

#define DISK_BLOCKS 8192u           /* 4 MB */
#define CD_BLOCKS 1000u

/* sense keys and codes, as the tests expect them */
#define NO_SENSE 0x0
#define NOT_READY 0x2
#define MEDIUM_ERROR 0x3
#define ILLEGAL_REQUEST 0x5
#define UNIT_ATTENTION 0x6
#define DATA_PROTECT 0x7

/* ---- Fixture (CUnit tests take no arguments: file scope) ---- */

static Cycles now;
static EventQueue eq;
static Log glog;
static FILE *logfile;
static ScsiTarget tgt;
static bool have_target;
static char img[64];
static ScsiReq req;

static void drop_target(void)
{
    if (have_target) {
        scsi_target_free(&tgt);
        have_target = false;
    }
    if (img[0]) {
        unlink(img);
        img[0] = '\0';
    }
}

static int suite_init(void)
{
    now = 0;
    ev_queue_init(&eq, &now);
    log_init(&glog, &now, HZ);
    logfile = tmpfile();
    if (!logfile) {
        return 1;
    }
    glog.out = logfile;
    return 0;
}

static int suite_clean(void)
{
    drop_target();
    ev_queue_free(&eq);
    if (logfile) {
        fclose(logfile);
    }
    return 0;
}

/* A file of `size` bytes whose block b (of bs bytes) is filled with the
 * low byte of b + 1, in dir ("/tmp" or "/dev/shm"); a big one is sparse
 * (zeros) */
static void make_file(char *path, size_t pathlen, const char *dir,
                      uint64_t size, unsigned bs)
{
    static uint8_t chunk[64 * 2048];
    uint64_t off, i;
    int fd;

    snprintf(path, pathlen, "%s/sun4m-scsi-XXXXXX", dir);
    fd = mkstemp(path);
    CU_ASSERT_FATAL(fd >= 0);
    if (size > (64u << 20)) {
        CU_ASSERT_FATAL(ftruncate(fd, (off_t)size) == 0);
        close(fd);
        return;
    }
    for (off = 0; off < size; off += sizeof(chunk)) {
        size_t n = size - off < sizeof(chunk) ? (size_t)(size - off)
                                              : sizeof(chunk);
        for (i = 0; i < n; i++) {
            chunk[i] = (uint8_t)((off + i) / bs + 1);
        }
        CU_ASSERT_FATAL(write(fd, chunk, n) == (ssize_t)n);
    }
    close(fd);
}

static void make_target(ScsiKind kind, uint64_t blocks, bool readonly)
{
    unsigned bs = kind == SCSI_CDROM ? 2048 : 512;
    BlockDev b;
    DevCtx c;
    char err[256];

    drop_target();
    now = 0;
    make_file(img, sizeof(img), "/tmp", blocks * bs, bs);
    memset(&b, 0, sizeof(b));
    CU_ASSERT_FATAL(block_open(&b, img, readonly, false, err,
                               sizeof(err)) == 0);
    c = unit_ctx(NULL, &eq, HZ, &glog, kind == SCSI_CDROM ? "sr0" : "sd0",
                 LOG_SCSI, 0, 0);
    scsi_target_init(&tgt, &c, kind == SCSI_CDROM ? 6 : 3, kind, &b);
    have_target = true;
}

/* Issue a CDB of n bytes to lun */
static ScsiReq *cmd_lun(unsigned lun, const uint8_t *cdb, unsigned n)
{
    memset(&req, 0, sizeof(req));
    memcpy(req.cdb, cdb, n);
    req.cdb_len = n;
    req.lun = lun;
    scsi_command(&tgt, &req);
    return &req;
}

#define CMD(...)                                                        \
    cmd_lun(0, (const uint8_t[]){ __VA_ARGS__ },                        \
            sizeof((const uint8_t[]){ __VA_ARGS__ }))
#define CMD_LUN(lun, ...)                                               \
    cmd_lun((lun), (const uint8_t[]){ __VA_ARGS__ },                    \
            sizeof((const uint8_t[]){ __VA_ARGS__ }))

/* Finish a buffer data phase with everything moved */
static void finish(ScsiReq *r)
{
    if (!r->done) {
        scsi_data_done(&tgt, r, r->len, 0);
    }
    CU_ASSERT(r->done);
}

/* REQUEST SENSE and check key/asc/ascq; the 18 bytes stay in req.buf */
static const uint8_t *expect_sense(uint8_t key, uint8_t asc, uint8_t ascq)
{
    ScsiReq *r = CMD(0x03, 0, 0, 0, 18, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);
    CU_ASSERT_EQUAL(r->dir, SCSI_DIR_IN);
    CU_ASSERT_EQUAL(r->len, 18);
    CU_ASSERT_FALSE(r->media);
    finish(r);
    CU_ASSERT_EQUAL(r->buf[0] & 0x7f, 0x70);
    CU_ASSERT_EQUAL(r->buf[2] & 0x0f, key);
    CU_ASSERT_EQUAL(r->buf[7], 10);
    CU_ASSERT_EQUAL(r->buf[12], asc);
    CU_ASSERT_EQUAL(r->buf[13], ascq);
    return r->buf;
}

static uint32_t be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
           (uint32_t)p[2] << 8 | p[3];
}

static uint16_t be16(const uint8_t *p)
{
    return (uint16_t)(p[0] << 8 | p[1]);
}

/* Field pointer check: sense-key specific bytes 15-17 */
static void expect_field(const uint8_t *s, bool in_cdb, unsigned byte,
                         int bit)
{
    CU_ASSERT_EQUAL(s[15] & 0x80, 0x80);                  /* SKSV */
    CU_ASSERT_EQUAL(!!(s[15] & 0x40), in_cdb);            /* C/D */
    if (bit >= 0) {
        CU_ASSERT_EQUAL(s[15] & 0x0f, 0x08 | bit);        /* BPV, bit */
    } else {
        CU_ASSERT_EQUAL(s[15] & 0x08, 0);
    }
    CU_ASSERT_EQUAL(be16(s + 16), byte);
}

/* The power-on unit attention, consumed by a TEST UNIT READY */
static void eat_ua(void)
{
    ScsiReq *r = CMD(0x00, 0, 0, 0, 0, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    expect_sense(UNIT_ATTENTION, 0x29, 0x00);
}

static void disk(void)
{
    make_target(SCSI_DISK, DISK_BLOCKS, false);
    eat_ua();
}

static void cdrom(void)
{
    make_target(SCSI_CDROM, CD_BLOCKS, true);
    eat_ua();
}

static long log_size(void)
{
    fflush(logfile);
    return ftell(logfile);
}

/* ---- block.c ---- */

static void test_block_open_errors(void)
{
    BlockDev b;
    char err[256], path[64], dir[64];
    int fd;

    memset(&b, 0, sizeof(b));
    CU_ASSERT_EQUAL(block_open(&b, "/tmp/sun4m-no-such-image", false,
                               false, err, sizeof(err)), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "cannot open image"));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "No such file"));
    CU_ASSERT_EQUAL(b.fd, -1);

    snprintf(path, sizeof(path), "/tmp/sun4m-empty-XXXXXX");
    fd = mkstemp(path);
    CU_ASSERT_FATAL(fd >= 0);
    close(fd);
    CU_ASSERT_EQUAL(block_open(&b, path, true, false, err, sizeof(err)), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "is empty"));
    CU_ASSERT_PTR_NULL(strchr(err, '\n'));      /* one line */
    unlink(path);

    snprintf(dir, sizeof(dir), "/tmp/sun4m-dir-XXXXXX");
    CU_ASSERT_FATAL(mkdtemp(dir) != NULL);
    CU_ASSERT_EQUAL(block_open(&b, dir, true, false, err, sizeof(err)), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "is a directory"));
    rmdir(dir);

    CU_ASSERT_EQUAL(block_open(&b, "/dev/null", true, false, err,
                               sizeof(err)), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "not a regular file"));

    /* permissions mean nothing to root */
    if (geteuid() != 0) {
        make_file(path, sizeof(path), "/tmp", 4096, 512);
        chmod(path, 0400);
        CU_ASSERT_EQUAL(block_open(&b, path, false, false, err,
                                   sizeof(err)), -1);
        CU_ASSERT_PTR_NOT_NULL(strstr(err, "not writable"));
        chmod(path, 0000);
        CU_ASSERT_EQUAL(block_open(&b, path, true, false, err,
                                   sizeof(err)), -1);
        CU_ASSERT_PTR_NOT_NULL(strstr(err, "cannot open image"));
        unlink(path);
    }
}

static void test_block_open_modes(void)
{
    BlockDev b;
    char err[256], path[64];
    int fl;

    make_file(path, sizeof(path), "/tmp", 8192 + 100, 512);
    memset(&b, 0, sizeof(b));
    CU_ASSERT_FATAL(block_open(&b, path, true, false, err, sizeof(err)) ==
                    0);
    CU_ASSERT_EQUAL(b.size, 8192 + 100);
    CU_ASSERT(b.readonly);
    CU_ASSERT_FALSE(b.direct);
    CU_ASSERT(b.locked);
    fl = fcntl(b.fd, F_GETFL);
    CU_ASSERT_EQUAL(fl & O_ACCMODE, O_RDONLY);  /* never for writing */
    CU_ASSERT_EQUAL(fl & O_DIRECT, 0);
    CU_ASSERT(fcntl(b.fd, F_GETFD) & FD_CLOEXEC);
    CU_ASSERT_EQUAL(block_close(&b), 0);
    CU_ASSERT_EQUAL(b.fd, -1);
    CU_ASSERT_EQUAL(block_close(&b), 0);        /* twice is harmless */

    CU_ASSERT_FATAL(block_open(&b, path, false, false, err, sizeof(err)) ==
                    0);
    fl = fcntl(b.fd, F_GETFL);
    CU_ASSERT_EQUAL(fl & O_ACCMODE, O_RDWR);
    /* flush: nothing to do when clean, fdatasync when dirty */
    CU_ASSERT_EQUAL(block_flush(&b), 0);
    b.dirty = true;
    CU_ASSERT_EQUAL(block_flush(&b), 0);
    CU_ASSERT_FALSE(b.dirty);
    b.dirty = true;
    CU_ASSERT_EQUAL(block_close(&b), 0);
    unlink(path);
}

/* Whether this file system takes O_DIRECT for a read, as block.c probes */
static bool fs_takes_direct(const char *path)
{
    void *buf;
    bool ok;
    int fd = open(path, O_RDONLY | O_DIRECT);
    if (fd < 0) {
        return false;
    }
    CU_ASSERT_FATAL(posix_memalign(&buf, 4096, 4096) == 0);
    ok = pread(fd, buf, 4096, 0) >= 0;
    free(buf);
    close(fd);
    return ok;
}

static void test_block_direct(void)
{
    BlockDev b;
    char err[256], path[64];
    const char *dirs[] = { "/tmp", "/dev/shm" };
    size_t i;

    for (i = 0; i < 2; i++) {
        struct stat st;
        bool want;
        if (stat(dirs[i], &st) < 0) {
            continue;
        }
        make_file(path, sizeof(path), dirs[i], 8192, 512);
        want = fs_takes_direct(path);
        memset(&b, 0, sizeof(b));
        CU_ASSERT_FATAL(block_open(&b, path, false, true, err,
                                   sizeof(err)) == 0);
        /* taken where the file system accepts it, silently off where
         * not (tmpfs before Linux 6.6) */
        CU_ASSERT_EQUAL(b.direct, want);
        CU_ASSERT_EQUAL(!!(fcntl(b.fd, F_GETFL) & O_DIRECT), want);
        block_close(&b);

        /* a file system that refuses O_DIRECT (EINVAL from open) */
        CU_ASSERT_FATAL(block_open_inject(&b, path, false, true, EINVAL,
                                          err, sizeof(err)) == 0);
        CU_ASSERT_FALSE(b.direct);
        CU_ASSERT_EQUAL(fcntl(b.fd, F_GETFL) & O_DIRECT, 0);
        CU_ASSERT_EQUAL(fcntl(b.fd, F_GETFL) & O_ACCMODE, O_RDWR);
        CU_ASSERT(b.locked);
        block_close(&b);
        unlink(path);
    }
}

static void test_block_lock(void)
{
    BlockDev a, b;
    char err[256], path[64];
    pid_t pid;
    int status;

    make_file(path, sizeof(path), "/tmp", 4096, 512);
    memset(&a, 0, sizeof(a));
    memset(&b, 0, sizeof(b));

    /* a writer excludes a second writer and a reader: OFD locks conflict
     * between two open file descriptions of one process */
    CU_ASSERT_FATAL(block_open(&a, path, false, false, err, sizeof(err)) ==
                    0);
    CU_ASSERT_EQUAL(block_open(&b, path, false, false, err, sizeof(err)),
                    -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "is in use by another process"));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, path));
    CU_ASSERT_EQUAL(b.fd, -1);
    CU_ASSERT_EQUAL(block_open(&b, path, true, false, err, sizeof(err)),
                    -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "in use"));

    /* and another process */
    fflush(NULL);
    pid = fork();
    CU_ASSERT_FATAL(pid >= 0);
    if (pid == 0) {
        BlockDev c;
        char e[256];
        memset(&c, 0, sizeof(c));
        _exit(block_open(&c, path, false, false, e, sizeof(e)) == -1 &&
              strstr(e, "in use by another process") ? 0 : 1);
    }
    CU_ASSERT_EQUAL(waitpid(pid, &status, 0), pid);
    CU_ASSERT(WIFEXITED(status) && WEXITSTATUS(status) == 0);

    /* closing releases it */
    block_close(&a);
    CU_ASSERT_EQUAL(block_open(&b, path, false, false, err, sizeof(err)),
                    0);
    block_close(&b);

    /* readers share; a reader keeps writers out */
    CU_ASSERT_EQUAL(block_open(&a, path, true, false, err, sizeof(err)), 0);
    CU_ASSERT_EQUAL(block_open(&b, path, true, false, err, sizeof(err)), 0);
    block_close(&b);
    CU_ASSERT_EQUAL(block_open(&b, path, false, false, err, sizeof(err)),
                    -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "in use"));
    block_close(&a);
    unlink(path);
}

/* ---- unit attention, LUNs, opcodes ---- */

static void test_unit_attention(void)
{
    ScsiReq *r;

    make_target(SCSI_DISK, DISK_BLOCKS, false);
    /* INQUIRY is answered and leaves it pending */
    r = CMD(0x12, 0, 0, 0, 36, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);
    CU_ASSERT_EQUAL(r->len, 36);
    finish(r);
    /* REQUEST SENSE with no other sense reports it, and clears it */
    expect_sense(UNIT_ATTENTION, 0x29, 0x00);
    expect_sense(NO_SENSE, 0, 0);
    r = CMD(0x00, 0, 0, 0, 0, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);
    CU_ASSERT(r->done);
    CU_ASSERT_EQUAL(r->dir, SCSI_DIR_NONE);

    /* after a reset: once, to the first other command */
    scsi_target_reset(&tgt);
    r = CMD(0x25, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    CU_ASSERT(r->done);
    CU_ASSERT_EQUAL(r->len, 0);
    expect_sense(UNIT_ATTENTION, 0x29, 0x00);
    r = CMD(0x25, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);
    r = CMD(0x00, 0, 0, 0, 0, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);
}

static void test_lun(void)
{
    ScsiReq *r;

    make_target(SCSI_DISK, DISK_BLOCKS, false);
    /* INQUIRY to LUN 1: peripheral qualifier 3, no device type */
    r = CMD_LUN(1, 0x12, 0x20, 0, 0, 36, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);
    CU_ASSERT_EQUAL(r->len, 36);
    CU_ASSERT_EQUAL(r->buf[0], 0x7f);
    finish(r);
    /* other commands: CHECK CONDITION, and REQUEST SENSE on that LUN
     * says LOGICAL UNIT NOT SUPPORTED with GOOD status */
    r = CMD_LUN(1, 0x00, 0x20, 0, 0, 0, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    CU_ASSERT(r->done);
    r = CMD_LUN(1, 0x28, 0x20, 0, 0, 0, 0, 0, 0, 1, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    CU_ASSERT_FALSE(r->media);
    CU_ASSERT_EQUAL(r->len, 0);
    r = CMD_LUN(1, 0x03, 0x20, 0, 0, 18, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);
    CU_ASSERT_EQUAL(r->len, 18);
    CU_ASSERT_EQUAL(r->buf[2], ILLEGAL_REQUEST);
    CU_ASSERT_EQUAL(r->buf[12], 0x25);
    CU_ASSERT_EQUAL(r->buf[13], 0x00);
    finish(r);
    /* LUN 0 is untouched: its power-on unit attention still waits */
    eat_ua();
}

static void test_invalid_opcode(void)
{
    ScsiReq *r;
    const uint8_t *s;

    disk();
    r = CMD(0x01, 0, 0, 0, 0, 0);           /* REZERO UNIT: not here */
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    CU_ASSERT(r->done);
    s = expect_sense(ILLEGAL_REQUEST, 0x20, 0x00);
    expect_field(s, true, 0, -1);
    /* the sense was cleared by REQUEST SENSE */
    expect_sense(NO_SENSE, 0, 0);
    r = CMD(0xff, 0, 0, 0, 0, 0);           /* vendor group */
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    expect_sense(ILLEGAL_REQUEST, 0x20, 0x00);
    /* CD-only commands on the disk */
    r = CMD(0x43, 0, 0, 0, 0, 0, 0, 0, 12, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    expect_sense(ILLEGAL_REQUEST, 0x20, 0x00);
    r = CMD(0x46, 0, 0, 0, 0, 0, 0, 0, 8, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    expect_sense(ILLEGAL_REQUEST, 0x20, 0x00);
    /* Link set: no linked commands */
    r = CMD(0x00, 0, 0, 0, 0, 0x01);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    s = expect_sense(ILLEGAL_REQUEST, 0x24, 0x00);
    expect_field(s, true, 5, 0);
    /* any other command clears pending sense */
    r = CMD(0x01, 0, 0, 0, 0, 0);
    r = CMD(0x00, 0, 0, 0, 0, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);
    expect_sense(NO_SENSE, 0, 0);
}

/* ---- INQUIRY ---- */

static void test_inquiry(void)
{
    ScsiReq *r;
    const uint8_t *s;

    disk();
    r = CMD(0x12, 0, 0, 0, 96, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);
    CU_ASSERT_EQUAL(r->dir, SCSI_DIR_IN);
    CU_ASSERT_EQUAL(r->len, 36);            /* all there is */
    CU_ASSERT_FALSE(r->done);
    CU_ASSERT(r->data_time > 0);
    CU_ASSERT_EQUAL(r->buf[0], 0x00);       /* disk */
    CU_ASSERT_EQUAL(r->buf[1], 0x00);       /* not removable */
    CU_ASSERT_EQUAL(r->buf[2], 0x02);       /* SCSI-2 */
    CU_ASSERT_EQUAL(r->buf[3] & 0x0f, 0x02);
    CU_ASSERT_EQUAL(r->buf[4], 31);
    CU_ASSERT_EQUAL(memcmp(r->buf + 8, "SUN4MSIM", 8), 0);
    CU_ASSERT_EQUAL(memcmp(r->buf + 16, "VIRTUAL DISK    ", 16), 0);
    CU_ASSERT_EQUAL(memcmp(r->buf + 32, "1.0 ", 4), 0);
    finish(r);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);

    /* allocation length truncates */
    r = CMD(0x12, 0, 0, 0, 5, 0);
    CU_ASSERT_EQUAL(r->len, 5);
    CU_ASSERT_EQUAL(r->buf[4], 31);
    finish(r);
    r = CMD(0x12, 0, 0, 0, 0, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);
    CU_ASSERT(r->done);
    CU_ASSERT_EQUAL(r->dir, SCSI_DIR_NONE);

    /* VPD 00h: the supported pages */
    r = CMD(0x12, 0x01, 0x00, 0, 255, 0);
    CU_ASSERT_EQUAL(r->len, 7);
    CU_ASSERT_EQUAL(r->buf[1], 0x00);
    CU_ASSERT_EQUAL(r->buf[3], 3);
    CU_ASSERT_EQUAL(r->buf[4], 0x00);
    CU_ASSERT_EQUAL(r->buf[5], 0x80);
    CU_ASSERT_EQUAL(r->buf[6], 0x83);
    finish(r);
    r = CMD(0x12, 0x01, 0x00, 0, 4, 0);
    CU_ASSERT_EQUAL(r->len, 4);
    finish(r);
    /* 80h: serial number */
    r = CMD(0x12, 0x01, 0x80, 0, 255, 0);
    CU_ASSERT_EQUAL(r->buf[1], 0x80);
    CU_ASSERT_EQUAL(r->buf[3], 3);
    CU_ASSERT_EQUAL(r->len, 7);
    CU_ASSERT_EQUAL(memcmp(r->buf + 4, "sd0", 3), 0);
    finish(r);
    /* 83h: a T10 vendor ID designator */
    r = CMD(0x12, 0x01, 0x83, 0, 255, 0);
    CU_ASSERT_EQUAL(r->buf[1], 0x83);
    CU_ASSERT_EQUAL(r->buf[4] & 0x0f, 2);   /* ASCII */
    CU_ASSERT_EQUAL(r->buf[5] & 0x0f, 1);   /* T10 vendor ID */
    CU_ASSERT_EQUAL(r->buf[7], 8 + 16 + 3);
    CU_ASSERT_EQUAL(r->len, 4u + r->buf[3]);
    CU_ASSERT_EQUAL(r->buf[3], 4 + r->buf[7]);
    CU_ASSERT_EQUAL(memcmp(r->buf + 8, "SUN4MSIM", 8), 0);
    finish(r);
    r = CMD(0x12, 0x01, 0x83, 0, 10, 0);
    CU_ASSERT_EQUAL(r->len, 10);
    finish(r);

    /* a page we lack, a page code without EVPD, CMDDT */
    r = CMD(0x12, 0x01, 0xb0, 0, 255, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    s = expect_sense(ILLEGAL_REQUEST, 0x24, 0x00);
    expect_field(s, true, 2, -1);
    r = CMD(0x12, 0x00, 0x80, 0, 255, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    s = expect_sense(ILLEGAL_REQUEST, 0x24, 0x00);
    expect_field(s, true, 2, -1);
    r = CMD(0x12, 0x02, 0x00, 0, 255, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    s = expect_sense(ILLEGAL_REQUEST, 0x24, 0x00);
    expect_field(s, true, 1, 1);

    cdrom();
    r = CMD(0x12, 0, 0, 0, 36, 0);
    CU_ASSERT_EQUAL(r->buf[0], 0x05);       /* CD-ROM */
    CU_ASSERT_EQUAL(r->buf[1], 0x80);       /* RMB */
    CU_ASSERT_EQUAL(memcmp(r->buf + 16, "VIRTUAL CD-ROM  ", 16), 0);
    finish(r);
}

/* ---- REQUEST SENSE ---- */

static void test_request_sense(void)
{
    ScsiReq *r;

    disk();
    r = CMD(0x01, 0, 0, 0, 0, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    r = CMD(0x03, 0, 0, 0, 8, 0);           /* truncated */
    CU_ASSERT_EQUAL(r->len, 8);
    CU_ASSERT_EQUAL(r->buf[2], ILLEGAL_REQUEST);
    CU_ASSERT_EQUAL(r->buf[7], 10);         /* says there was more */
    finish(r);
    /* cleared even so */
    expect_sense(NO_SENSE, 0, 0);
    r = CMD(0x03, 0, 0, 0, 0, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);
    CU_ASSERT(r->done);
    CU_ASSERT_EQUAL(r->len, 0);
}

/* ---- READ CAPACITY ---- */

static void test_read_capacity(void)
{
    ScsiReq *r;
    const uint8_t *s;

    disk();
    r = CMD(0x25, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);
    CU_ASSERT_EQUAL(r->len, 8);
    CU_ASSERT_EQUAL(be32(r->buf), DISK_BLOCKS - 1);
    CU_ASSERT_EQUAL(be32(r->buf + 4), 512);
    finish(r);
    /* PMI 0 with an LBA */
    r = CMD(0x25, 0, 0, 0, 0, 1, 0, 0, 0, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    s = expect_sense(ILLEGAL_REQUEST, 0x24, 0x00);
    expect_field(s, true, 2, -1);
    r = CMD(0x25, 0, 0, 0, 0, 1, 0, 0, 1, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);
    finish(r);

    cdrom();
    r = CMD(0x25, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    CU_ASSERT_EQUAL(be32(r->buf), CD_BLOCKS - 1);
    CU_ASSERT_EQUAL(be32(r->buf + 4), 2048);
    finish(r);
}

/* ---- READ / WRITE / VERIFY ---- */

static void test_read(void)
{
    ScsiReq *r;
    const uint8_t *s;

    disk();
    r = CMD(0x28, 0, 0, 0, 0x01, 0x00, 0, 0, 8, 0);     /* LBA 256, 8 */
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);
    CU_ASSERT_FALSE(r->done);
    CU_ASSERT(r->media);
    CU_ASSERT_EQUAL(r->dir, SCSI_DIR_IN);
    CU_ASSERT_EQUAL(r->offset, 256 * 512);
    CU_ASSERT_EQUAL(r->len, 8 * 512);
    CU_ASSERT(r->service > 0);
    CU_ASSERT(r->data_time > 0);
    scsi_data_done(&tgt, r, r->len, 0);
    CU_ASSERT(r->done);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);
    CU_ASSERT_EQUAL(tgt.blocks_read, 8);
    CU_ASSERT_EQUAL(tgt.head_lba, 264);

    /* READ(6): 21-bit LBA (the LUN bits of byte 1 ignored), 0 = 256 */
    r = CMD(0x08, 0x20, 0x12, 0x34, 0, 0);
    CU_ASSERT_EQUAL(r->offset, 0x1234ull * 512);
    CU_ASSERT_EQUAL(r->len, 256 * 512);
    finish(r);
    r = CMD(0x08, 0, 0, 7, 3, 0);
    CU_ASSERT_EQUAL(r->offset, 7 * 512);
    CU_ASSERT_EQUAL(r->len, 3 * 512);
    finish(r);

    /* READ(10) of no blocks: nothing, GOOD */
    r = CMD(0x28, 0, 0, 0, 0, 5, 0, 0, 0, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);
    CU_ASSERT(r->done);
    CU_ASSERT_FALSE(r->media);
    CU_ASSERT_EQUAL(r->dir, SCSI_DIR_NONE);

    /* the last block, then one too many: INFORMATION = first block past
     * the end */
    r = CMD(0x28, 0, 0, 0, (DISK_BLOCKS - 1) >> 8, (DISK_BLOCKS - 1) & 0xff,
            0, 0, 1, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);
    finish(r);
    r = CMD(0x28, 0, 0, 0, (DISK_BLOCKS - 1) >> 8, (DISK_BLOCKS - 1) & 0xff,
            0, 0, 2, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    CU_ASSERT(r->done);
    CU_ASSERT_FALSE(r->media);
    s = expect_sense(ILLEGAL_REQUEST, 0x21, 0x00);
    CU_ASSERT_EQUAL(s[0], 0xf0);            /* VALID */
    CU_ASSERT_EQUAL(be32(s + 3), DISK_BLOCKS);
    r = CMD(0x28, 0, 0x12, 0x34, 0x56, 0x78, 0, 0, 1, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    s = expect_sense(ILLEGAL_REQUEST, 0x21, 0x00);
    CU_ASSERT_EQUAL(be32(s + 3), 0x12345678);
    r = CMD(0x08, 0x1f, 0xff, 0xff, 1, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    s = expect_sense(ILLEGAL_REQUEST, 0x21, 0x00);
    CU_ASSERT_EQUAL(be32(s + 3), 0x1fffff);

    /* RelAdr */
    r = CMD(0x28, 0x01, 0, 0, 0, 0, 0, 0, 1, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    s = expect_sense(ILLEGAL_REQUEST, 0x24, 0x00);
    expect_field(s, true, 1, 0);
}

static void test_write(void)
{
    ScsiReq *r;
    const uint8_t *s;

    disk();
    CU_ASSERT_FALSE(tgt.blk.dirty);
    r = CMD(0x2a, 0, 0, 0, 0, 16, 0, 0, 4, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);
    CU_ASSERT(r->media);
    CU_ASSERT_EQUAL(r->dir, SCSI_DIR_OUT);
    CU_ASSERT_EQUAL(r->offset, 16 * 512);
    CU_ASSERT_EQUAL(r->len, 4 * 512);
    /* the initiator writes the image (here: by hand) */
    {
        uint8_t buf[4 * 512];
        memset(buf, 0xab, sizeof(buf));
        CU_ASSERT(pwrite(tgt.blk.fd, buf, sizeof(buf), (off_t)r->offset) ==
                  (ssize_t)sizeof(buf));
    }
    scsi_data_done(&tgt, r, r->len, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);
    CU_ASSERT_EQUAL(tgt.blocks_written, 4);
    CU_ASSERT(tgt.blk.dirty);

    r = CMD(0x0a, 0, 0, 9, 2, 0);
    CU_ASSERT_EQUAL(r->dir, SCSI_DIR_OUT);
    CU_ASSERT_EQUAL(r->offset, 9 * 512);
    CU_ASSERT_EQUAL(r->len, 2 * 512);
    finish(r);

    r = CMD(0x2a, 0, 0, 0, (DISK_BLOCKS >> 8), DISK_BLOCKS & 0xff, 0, 0, 1,
            0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    s = expect_sense(ILLEGAL_REQUEST, 0x21, 0x00);
    CU_ASSERT_EQUAL(be32(s + 3), DISK_BLOCKS);

    /* a read-only image: DATA PROTECT, WRITE PROTECTED */
    make_target(SCSI_DISK, DISK_BLOCKS, true);
    eat_ua();
    r = CMD(0x2a, 0, 0, 0, 0, 16, 0, 0, 4, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    CU_ASSERT(r->done);
    CU_ASSERT_FALSE(r->media);
    expect_sense(DATA_PROTECT, 0x27, 0x00);
    r = CMD(0x0a, 0, 0, 0, 1, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    expect_sense(DATA_PROTECT, 0x27, 0x00);
    CU_ASSERT_EQUAL(fcntl(tgt.blk.fd, F_GETFL) & O_ACCMODE, O_RDONLY);
}

static void test_data_errors(void)
{
    ScsiReq *r;
    const uint8_t *s;
    long before;
    char line[256];

    disk();
    before = log_size();
    /* a host read error after 3 of 8 blocks: MEDIUM ERROR, UNRECOVERED
     * READ ERROR, INFORMATION = the 4th block */
    r = CMD(0x28, 0, 0, 0, 0x10, 0x00, 0, 0, 8, 0);
    CU_ASSERT_FALSE(r->done);
    scsi_data_done(&tgt, r, 3 * 512 + 100, -EIO);
    CU_ASSERT(r->done);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    CU_ASSERT_EQUAL(tgt.media_errors, 1);
    CU_ASSERT_EQUAL(tgt.blocks_read, 3);
    s = expect_sense(MEDIUM_ERROR, 0x11, 0x00);
    CU_ASSERT_EQUAL(s[0], 0xf0);
    CU_ASSERT_EQUAL(be32(s + 3), 0x1000 + 3);
    /* and a log line naming the image and the error */
    CU_ASSERT(log_size() > before);
    fseek(logfile, before, SEEK_SET);
    CU_ASSERT_PTR_NOT_NULL(fgets(line, sizeof(line), logfile));
    fseek(logfile, 0, SEEK_END);
    CU_ASSERT_PTR_NOT_NULL(strstr(line, "sd0"));
    CU_ASSERT_PTR_NOT_NULL(strstr(line, img));
    CU_ASSERT_PTR_NOT_NULL(strstr(line, "4099"));
    CU_ASSERT_PTR_NOT_NULL(strstr(line, strerror(EIO)));

    /* a transfer the initiator cut short: the same, without a line (not
     * a host error) */
    before = log_size();
    r = CMD(0x28, 0, 0, 0, 0x00, 0x20, 0, 0, 4, 0);
    scsi_data_done(&tgt, r, 512, 0);
    CU_ASSERT_EQUAL(log_size(), before);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    s = expect_sense(MEDIUM_ERROR, 0x11, 0x00);
    CU_ASSERT_EQUAL(be32(s + 3), 0x21);
    r = CMD(0x28, 0, 0, 0, 0x00, 0x20, 0, 0, 4, 0);
    scsi_data_done(&tgt, r, 0, 0);
    s = expect_sense(MEDIUM_ERROR, 0x11, 0x00);
    CU_ASSERT_EQUAL(be32(s + 3), 0x20);

    /* writes: WRITE ERROR */
    r = CMD(0x2a, 0, 0, 0, 0x00, 0x40, 0, 0, 4, 0);
    scsi_data_done(&tgt, r, 2 * 512, -ENOSPC);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    s = expect_sense(MEDIUM_ERROR, 0x0c, 0x00);
    CU_ASSERT_EQUAL(be32(s + 3), 0x42);
    CU_ASSERT(tgt.blk.dirty);
    CU_ASSERT_EQUAL(tgt.media_errors, 4);

    /* the drive carries on */
    r = CMD(0x28, 0, 0, 0, 0x00, 0x20, 0, 0, 4, 0);
    scsi_data_done(&tgt, r, r->len, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);

    /* data_done for a command already over changes nothing */
    r = CMD(0x00, 0, 0, 0, 0, 0);
    scsi_data_done(&tgt, r, 0, -EIO);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);
}

static void test_verify(void)
{
    ScsiReq *r;
    const uint8_t *s;
    Cycles one;

    disk();
    r = CMD(0x2f, 0, 0, 0, 0, 0, 0, 0, 1, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);
    CU_ASSERT(r->done);
    CU_ASSERT_EQUAL(r->dir, SCSI_DIR_NONE);
    one = r->service;
    r = CMD(0x2f, 0, 0, 0, 0, 1, 0, 0x01, 0, 0);        /* 256 blocks */
    CU_ASSERT(r->done);
    CU_ASSERT(r->service > one);            /* the media time is in it */
    CU_ASSERT_EQUAL(tgt.head_lba, 257);
    r = CMD(0x2f, 0, 0, 0, (DISK_BLOCKS >> 8), DISK_BLOCKS & 0xff, 0, 0, 1,
            0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    expect_sense(ILLEGAL_REQUEST, 0x21, 0x00);
    r = CMD(0x2f, 0x02, 0, 0, 0, 0, 0, 0, 1, 0);        /* BytChk */
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    s = expect_sense(ILLEGAL_REQUEST, 0x24, 0x00);
    expect_field(s, true, 1, 1);
}

/* ---- MODE SENSE / MODE SELECT ---- */

/* Find page code in a MODE SENSE answer of n bytes with header hdr */
static const uint8_t *find_page(const uint8_t *b, size_t n, size_t hdr,
                                size_t bdl, uint8_t code)
{
    size_t off = hdr + bdl;
    while (off + 2 <= n) {
        if ((b[off] & 0x3f) == code) {
            return b + off;
        }
        off += 2u + b[off + 1];
    }
    return NULL;
}

static void test_mode_sense(void)
{
    ScsiReq *r;
    const uint8_t *s, *p;
    size_t full;

    disk();
    /* all pages, with a block descriptor */
    r = CMD(0x1a, 0, 0x3f, 0, 255, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);
    full = r->len;
    CU_ASSERT_EQUAL(r->buf[0], full - 1);   /* mode data length */
    CU_ASSERT_EQUAL(r->buf[1], 0);          /* medium type */
    CU_ASSERT_EQUAL(r->buf[2], 0);          /* not write protected */
    CU_ASSERT_EQUAL(r->buf[3], 8);
    CU_ASSERT_EQUAL((r->buf[5] << 16 | r->buf[6] << 8 | r->buf[7]),
                    DISK_BLOCKS);
    CU_ASSERT_EQUAL((r->buf[9] << 16 | r->buf[10] << 8 | r->buf[11]), 512);
    CU_ASSERT_EQUAL(full, 4 + 8 + 12 + 24 + 24 + 12 + 8);
    p = find_page(r->buf, full, 4, 8, 0x08);
    CU_ASSERT_PTR_NOT_NULL_FATAL(p);
    CU_ASSERT_EQUAL(p[1], 0x0a);
    CU_ASSERT_EQUAL(p[2] & 0x05, 0x04);     /* WCE on, RCD off */
    p = find_page(r->buf, full, 4, 8, 0x04);
    CU_ASSERT_PTR_NOT_NULL_FATAL(p);
    CU_ASSERT_EQUAL(p[5], 15);              /* heads */
    CU_ASSERT_EQUAL((p[2] << 16 | p[3] << 8 | p[4]) * 15u * 74u >=
                    DISK_BLOCKS, 1);
    CU_ASSERT_EQUAL(be16(p + 20), 5411);
    CU_ASSERT_PTR_NOT_NULL(find_page(r->buf, full, 4, 8, 0x01));
    CU_ASSERT_PTR_NOT_NULL(find_page(r->buf, full, 4, 8, 0x03));
    CU_ASSERT_PTR_NOT_NULL(find_page(r->buf, full, 4, 8, 0x0a));
    finish(r);

    /* Linux's cautious 4-byte first try: the header says the full size */
    r = CMD(0x1a, 0, 0x3f, 0, 4, 0);
    CU_ASSERT_EQUAL(r->len, 4);
    CU_ASSERT_EQUAL(r->buf[0], full - 1);
    finish(r);

    /* DBD: no block descriptor; page 8 alone */
    r = CMD(0x1a, 0x08, 0x08, 0, 255, 0);
    CU_ASSERT_EQUAL(r->buf[3], 0);
    CU_ASSERT_EQUAL(r->len, 4 + 12);
    CU_ASSERT_EQUAL(r->buf[4], 0x08);
    finish(r);

    /* page control: changeable shows WCE alone; default has it on */
    r = CMD(0x1a, 0x08, 0x48, 0, 255, 0);
    CU_ASSERT_EQUAL(r->buf[4 + 2], 0x04);
    CU_ASSERT_EQUAL(r->buf[4 + 3], 0);
    CU_ASSERT_EQUAL(r->buf[4 + 4], 0);
    finish(r);
    r = CMD(0x1a, 0x08, 0x7f, 0, 255, 0);   /* changeable, all pages */
    {
        size_t i;
        unsigned nz = 0;
        for (i = 4; i < r->len; i++) {
            nz += r->buf[i] != 0;
        }
        /* page codes and lengths (5 pages), and the WCE mask */
        CU_ASSERT_EQUAL(nz, 5 * 2 + 1);
    }
    finish(r);
    r = CMD(0x1a, 0x08, 0x88, 0, 255, 0);
    CU_ASSERT_EQUAL(r->buf[4 + 2] & 0x04, 0x04);
    finish(r);
    /* saved: not supported */
    r = CMD(0x1a, 0x08, 0xc8, 0, 255, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    s = expect_sense(ILLEGAL_REQUEST, 0x39, 0x00);
    expect_field(s, true, 2, 7);
    /* a page we lack */
    r = CMD(0x1a, 0, 0x05, 0, 255, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    s = expect_sense(ILLEGAL_REQUEST, 0x24, 0x00);
    expect_field(s, true, 2, 5);

    /* MODE SENSE(10) */
    r = CMD(0x5a, 0, 0x3f, 0, 0, 0, 0, 0x01, 0x00, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);
    CU_ASSERT_EQUAL(r->len, full + 4);
    CU_ASSERT_EQUAL(be16(r->buf), full + 4 - 2);
    CU_ASSERT_EQUAL(r->buf[3], 0);
    CU_ASSERT_EQUAL(be16(r->buf + 6), 8);
    finish(r);
    r = CMD(0x5a, 0x08, 0x08, 0, 0, 0, 0, 0, 8, 0);
    CU_ASSERT_EQUAL(r->len, 8);
    CU_ASSERT_EQUAL(be16(r->buf), 8 + 12 - 2);
    finish(r);

    /* a read-only image: WP in the header */
    make_target(SCSI_DISK, DISK_BLOCKS, true);
    eat_ua();
    r = CMD(0x1a, 0, 0x3f, 0, 4, 0);
    CU_ASSERT_EQUAL(r->buf[2], 0x80);
    finish(r);
    r = CMD(0x5a, 0, 0x3f, 0, 0, 0, 0, 0, 8, 0);
    CU_ASSERT_EQUAL(r->buf[3], 0x80);
    finish(r);

    /* the CD's pages: 01h, 0Dh, 2Ah (Linux sr: "4x") */
    cdrom();
    r = CMD(0x1a, 0, 0x3f, 0, 255, 0);
    full = r->len;
    CU_ASSERT_EQUAL(r->buf[1], 0x01);
    CU_ASSERT_EQUAL(r->buf[2], 0x00);
    CU_ASSERT_EQUAL((r->buf[9] << 16 | r->buf[10] << 8 | r->buf[11]), 2048);
    CU_ASSERT_PTR_NOT_NULL(find_page(r->buf, full, 4, 8, 0x01));
    p = find_page(r->buf, full, 4, 8, 0x0d);
    CU_ASSERT_PTR_NOT_NULL_FATAL(p);
    CU_ASSERT_EQUAL(be16(p + 4), 60);
    CU_ASSERT_EQUAL(be16(p + 6), 75);
    CU_ASSERT_PTR_NULL(find_page(r->buf, full, 4, 8, 0x08));
    finish(r);
    r = CMD(0x5a, 0, 0x2a, 0, 0, 0, 0, 0, 128, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);
    p = r->buf + 8 + be16(r->buf + 6);
    CU_ASSERT_EQUAL(p[0], 0x2a);
    CU_ASSERT_EQUAL(be16(p + 8) / 176, 4);
    CU_ASSERT_EQUAL(be16(p + 14) / 176, 4);
    CU_ASSERT_EQUAL(p[6] >> 5, 1);          /* tray */
    CU_ASSERT_EQUAL(p[3], 0);               /* writes nothing */
    finish(r);
}

static void test_mode_select(void)
{
    ScsiReq *r;
    const uint8_t *s;
    uint8_t page[12];

    disk();
    /* read the caching page, turn WCE off, send it back (Linux
     * cache_type_store does this) */
    r = CMD(0x1a, 0x08, 0x08, 0, 255, 0);
    memcpy(page, r->buf + 4, 12);
    finish(r);
    page[0] &= 0x3f;
    page[2] &= (uint8_t)~0x04;
    r = CMD(0x15, 0x10, 0, 0, 4 + 12, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);
    CU_ASSERT_FALSE(r->done);
    CU_ASSERT_EQUAL(r->dir, SCSI_DIR_OUT);
    CU_ASSERT_FALSE(r->media);
    CU_ASSERT_EQUAL(r->len, 16);
    memset(r->buf, 0, 4);
    memcpy(r->buf + 4, page, 12);
    scsi_data_done(&tgt, r, r->len, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);
    CU_ASSERT_FALSE(tgt.wce);
    r = CMD(0x1a, 0x08, 0x08, 0, 255, 0);
    CU_ASSERT_EQUAL(r->buf[4 + 2] & 0x04, 0);
    finish(r);
    /* with the cache off a write is flushed before GOOD */
    r = CMD(0x2a, 0, 0, 0, 0, 1, 0, 0, 1, 0);
    scsi_data_done(&tgt, r, r->len, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);
    CU_ASSERT_FALSE(tgt.blk.dirty);

    /* MODE SELECT(10) with a block descriptor of our block size turns it
     * back on */
    page[2] |= 0x04;
    r = CMD(0x55, 0x10, 0, 0, 0, 0, 0, 0, 8 + 8 + 12, 0);
    CU_ASSERT_EQUAL(r->len, 28);
    memset(r->buf, 0, 28);
    r->buf[7] = 8;                          /* block descriptor length */
    r->buf[8 + 6] = 0x02;                   /* block length 512 */
    memcpy(r->buf + 16, page, 12);
    scsi_data_done(&tgt, r, r->len, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);
    CU_ASSERT(tgt.wce);

    /* a bit that is not changeable: INVALID FIELD IN PARAMETER LIST,
     * pointing into the list (C/D 0), and nothing applied */
    page[2] &= (uint8_t)~0x04;
    page[3] = 0x10;
    r = CMD(0x15, 0x10, 0, 0, 16, 0);
    memset(r->buf, 0, 4);
    memcpy(r->buf + 4, page, 12);
    scsi_data_done(&tgt, r, 16, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    s = expect_sense(ILLEGAL_REQUEST, 0x26, 0x00);
    expect_field(s, false, 4 + 3, 4);
    CU_ASSERT(tgt.wce);
    page[3] = 0;

    /* another block size */
    r = CMD(0x15, 0x10, 0, 0, 12, 0);
    memset(r->buf, 0, 12);
    r->buf[3] = 8;
    r->buf[4 + 6] = 0x08;                   /* 2048 */
    scsi_data_done(&tgt, r, 12, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    s = expect_sense(ILLEGAL_REQUEST, 0x26, 0x00);
    expect_field(s, false, 4 + 5, -1);

    /* a page we do not have, a wrong page length */
    r = CMD(0x15, 0x10, 0, 0, 4 + 8, 0);
    memset(r->buf, 0, 12);
    r->buf[4] = 0x07;
    r->buf[5] = 0x06;
    scsi_data_done(&tgt, r, 12, 0);
    s = expect_sense(ILLEGAL_REQUEST, 0x26, 0x00);
    expect_field(s, false, 4, 5);
    r = CMD(0x15, 0x10, 0, 0, 4 + 8, 0);
    memset(r->buf, 0, 12);
    r->buf[4] = 0x08;
    r->buf[5] = 0x06;
    scsi_data_done(&tgt, r, 12, 0);
    s = expect_sense(ILLEGAL_REQUEST, 0x26, 0x00);
    expect_field(s, false, 5, -1);

    /* a list that ends inside a page, or before the header */
    r = CMD(0x15, 0x10, 0, 0, 10, 0);
    memset(r->buf, 0, 10);
    memcpy(r->buf + 4, page, 6);
    scsi_data_done(&tgt, r, 10, 0);
    expect_sense(ILLEGAL_REQUEST, 0x1a, 0x00);
    r = CMD(0x15, 0x10, 0, 0, 2, 0);
    scsi_data_done(&tgt, r, 2, 0);
    expect_sense(ILLEGAL_REQUEST, 0x1a, 0x00);
    /* the initiator stopped early */
    r = CMD(0x15, 0x10, 0, 0, 16, 0);
    memset(r->buf, 0, 4);
    memcpy(r->buf + 4, page, 12);
    scsi_data_done(&tgt, r, 10, 0);
    expect_sense(ILLEGAL_REQUEST, 0x1a, 0x00);
    /* an empty list is fine */
    r = CMD(0x15, 0x10, 0, 0, 0, 0);
    CU_ASSERT(r->done);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);

    /* SP: no saved pages; a list longer than the buffer */
    r = CMD(0x15, 0x11, 0, 0, 16, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    s = expect_sense(ILLEGAL_REQUEST, 0x24, 0x00);
    expect_field(s, true, 1, 0);
    r = CMD(0x55, 0x10, 0, 0, 0, 0, 0, 0xff, 0xff, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    s = expect_sense(ILLEGAL_REQUEST, 0x24, 0x00);
    expect_field(s, true, 7, -1);

    /* a reset brings back the defaults */
    r = CMD(0x15, 0x10, 0, 0, 16, 0);
    memset(r->buf, 0, 4);
    memcpy(r->buf + 4, page, 12);
    scsi_data_done(&tgt, r, 16, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);
    CU_ASSERT_FALSE(tgt.wce);
    scsi_target_reset(&tgt);
    CU_ASSERT(tgt.wce);
}

/* ---- START STOP UNIT, PREVENT ALLOW, SYNCHRONIZE CACHE ---- */

static void test_start_stop(void)
{
    ScsiReq *r;

    disk();
    r = CMD(0x1b, 0, 0, 0, 0x00, 0);        /* stop */
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);
    CU_ASSERT(r->done);
    CU_ASSERT(tgt.stopped);
    r = CMD(0x00, 0, 0, 0, 0, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    expect_sense(NOT_READY, 0x04, 0x02);
    r = CMD(0x28, 0, 0, 0, 0, 0, 0, 0, 1, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    CU_ASSERT_FALSE(r->media);
    expect_sense(NOT_READY, 0x04, 0x02);
    /* INQUIRY and MODE SENSE still answer */
    r = CMD(0x12, 0, 0, 0, 36, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);
    finish(r);
    r = CMD(0x1b, 0x01, 0, 0, 0x01, 0);     /* start, immediate */
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);
    CU_ASSERT_FALSE(tgt.stopped);
    r = CMD(0x00, 0, 0, 0, 0, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);
    /* LoEj means nothing to a fixed disk */
    r = CMD(0x1b, 0, 0, 0, 0x02, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);
    CU_ASSERT_FALSE(tgt.tray_open);
    r = CMD(0x1b, 0, 0, 0, 0x01, 0);

    /* the CD: eject and load */
    cdrom();
    r = CMD(0x1e, 0, 0, 0, 0x01, 0);        /* prevent */
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);
    CU_ASSERT(tgt.prevent_removal);
    r = CMD(0x1b, 0, 0, 0, 0x02, 0);        /* eject: refused */
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    expect_sense(ILLEGAL_REQUEST, 0x53, 0x02);
    CU_ASSERT_FALSE(tgt.tray_open);
    r = CMD(0x1e, 0, 0, 0, 0x00, 0);        /* allow */
    CU_ASSERT_FALSE(tgt.prevent_removal);
    r = CMD(0x1b, 0, 0, 0, 0x02, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);
    CU_ASSERT(tgt.tray_open);
    r = CMD(0x00, 0, 0, 0, 0, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    expect_sense(NOT_READY, 0x3a, 0x00);
    r = CMD(0x25, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    expect_sense(NOT_READY, 0x3a, 0x00);
    r = CMD(0x46, 0, 0, 0, 0, 0, 0, 0, 8, 0);
    CU_ASSERT_EQUAL(be16(r->buf + 6), 0x0000);  /* no profile current */
    finish(r);
    r = CMD(0x1b, 0, 0, 0, 0x03, 0);        /* load */
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);
    CU_ASSERT_FALSE(tgt.tray_open);
    r = CMD(0x00, 0, 0, 0, 0, 0);           /* medium may have changed */
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    expect_sense(UNIT_ATTENTION, 0x28, 0x00);
    r = CMD(0x00, 0, 0, 0, 0, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);
    /* a reset releases PREVENT */
    r = CMD(0x1e, 0, 0, 0, 0x01, 0);
    scsi_target_reset(&tgt);
    CU_ASSERT_FALSE(tgt.prevent_removal);
}

static void test_sync_cache(void)
{
    ScsiReq *r;
    int p[2], fd;
    long before;

    disk();
    r = CMD(0x2a, 0, 0, 0, 0, 0, 0, 0, 1, 0);
    scsi_data_done(&tgt, r, r->len, 0);
    CU_ASSERT(tgt.blk.dirty);
    r = CMD(0x35, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);
    CU_ASSERT(r->done);
    CU_ASSERT_FALSE(tgt.blk.dirty);
    r = CMD(0x35, 0, 0, 0, (DISK_BLOCKS >> 8), DISK_BLOCKS & 0xff, 0, 0, 0,
            0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    expect_sense(ILLEGAL_REQUEST, 0x21, 0x00);

    /* a host flush error: MEDIUM ERROR, WRITE ERROR, and a line; the
     * data stays dirty for the next try (fdatasync on a pipe fails) */
    CU_ASSERT_FATAL(pipe(p) == 0);
    fd = tgt.blk.fd;
    tgt.blk.fd = p[0];
    tgt.blk.dirty = true;
    before = log_size();
    r = CMD(0x35, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    expect_sense(MEDIUM_ERROR, 0x0c, 0x00);
    CU_ASSERT(tgt.blk.dirty);
    CU_ASSERT(log_size() > before);
    /* STOP flushes too, and fails the same way */
    r = CMD(0x1b, 0, 0, 0, 0x00, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    expect_sense(MEDIUM_ERROR, 0x0c, 0x00);
    CU_ASSERT_FALSE(tgt.stopped);
    tgt.blk.fd = fd;
    close(p[0]);
    close(p[1]);
    r = CMD(0x35, 0x02, 0, 0, 0, 0, 0, 0, 0, 0);        /* Immed */
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);
    CU_ASSERT_FALSE(tgt.blk.dirty);

    /* stopped: NOT READY (STOP already wrote the cache) */
    r = CMD(0x1b, 0, 0, 0, 0x00, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);
    r = CMD(0x35, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    expect_sense(NOT_READY, 0x04, 0x02);
}

/* ---- REPORT LUNS ---- */

static void test_report_luns(void)
{
    ScsiReq *r;
    const uint8_t *s;
    size_t i;

    disk();
    r = CMD(0xa0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);
    CU_ASSERT_EQUAL(r->len, 16);
    CU_ASSERT_EQUAL(be32(r->buf), 8);
    for (i = 8; i < 16; i++) {
        CU_ASSERT_EQUAL(r->buf[i], 0);
    }
    finish(r);
    r = CMD(0xa0, 0, 0, 0, 0, 0, 0, 0, 0, 15, 0, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    s = expect_sense(ILLEGAL_REQUEST, 0x24, 0x00);
    expect_field(s, true, 6, -1);
    r = CMD(0xa0, 0, 3, 0, 0, 0, 0, 0, 0, 16, 0, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    expect_sense(ILLEGAL_REQUEST, 0x24, 0x00);
}

/* ---- CD: READ TOC, GET CONFIGURATION, WRITE, empty drive ---- */

static void test_cd_toc(void)
{
    ScsiReq *r;
    const uint8_t *s;
    uint64_t f = CD_BLOCKS + 150;

    cdrom();
    /* format 0, LBA: track 1 at 0, lead-out at the capacity */
    r = CMD(0x43, 0, 0, 0, 0, 0, 0, 0x03, 0x24, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);
    CU_ASSERT_EQUAL(r->len, 20);
    CU_ASSERT_EQUAL(be16(r->buf), 18);
    CU_ASSERT_EQUAL(r->buf[2], 1);
    CU_ASSERT_EQUAL(r->buf[3], 1);
    CU_ASSERT_EQUAL(r->buf[5], 0x14);       /* ADR 1, data track */
    CU_ASSERT_EQUAL(r->buf[6], 1);
    CU_ASSERT_EQUAL(be32(r->buf + 8), 0);
    CU_ASSERT_EQUAL(r->buf[14], 0xaa);
    CU_ASSERT_EQUAL(be32(r->buf + 16), CD_BLOCKS);
    finish(r);
    /* Linux sr_read_tochdr: 12 bytes */
    r = CMD(0x43, 0, 0, 0, 0, 0, 0, 0, 12, 0);
    CU_ASSERT_EQUAL(r->len, 12);
    CU_ASSERT_EQUAL(be16(r->buf), 18);
    finish(r);
    /* MSF lead-out only (cdrom_get_last_written) */
    r = CMD(0x43, 0x02, 0, 0, 0, 0, 0xaa, 0, 12, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);
    CU_ASSERT_EQUAL(r->len, 12);
    CU_ASSERT_EQUAL(be16(r->buf), 10);
    CU_ASSERT_EQUAL(r->buf[6], 0xaa);
    CU_ASSERT_EQUAL(r->buf[9], f / (60 * 75));
    CU_ASSERT_EQUAL(r->buf[10], f / 75 % 60);
    CU_ASSERT_EQUAL(r->buf[11], f % 75);
    finish(r);
    /* MSF track 1: 00:02:00 */
    r = CMD(0x43, 0x02, 0, 0, 0, 0, 1, 0, 12, 0);
    CU_ASSERT_EQUAL(r->buf[9], 0);
    CU_ASSERT_EQUAL(r->buf[10], 2);
    CU_ASSERT_EQUAL(r->buf[11], 0);
    finish(r);
    /* no track 2 */
    r = CMD(0x43, 0, 0, 0, 0, 0, 2, 0, 12, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    s = expect_sense(ILLEGAL_REQUEST, 0x24, 0x00);
    expect_field(s, true, 6, -1);
    /* format 1, session information, in byte 2 and in byte 9 */
    r = CMD(0x43, 0, 0x01, 0, 0, 0, 0, 0, 12, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);
    CU_ASSERT_EQUAL(r->len, 12);
    CU_ASSERT_EQUAL(be16(r->buf), 10);
    CU_ASSERT_EQUAL(r->buf[2], 1);
    CU_ASSERT_EQUAL(r->buf[3], 1);
    CU_ASSERT_EQUAL(r->buf[6], 1);
    CU_ASSERT_EQUAL(be32(r->buf + 8), 0);
    finish(r);
    r = CMD(0x43, 0, 0, 0, 0, 0, 0, 0, 12, 0x40);
    CU_ASSERT_EQUAL(be16(r->buf), 10);
    finish(r);
    /* other formats */
    r = CMD(0x43, 0, 0x02, 0, 0, 0, 0, 0, 12, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    s = expect_sense(ILLEGAL_REQUEST, 0x24, 0x00);
    expect_field(s, true, 2, -1);
}

static void test_cd_misc(void)
{
    ScsiReq *r;
    BlockDev none;
    DevCtx c;

    cdrom();
    /* GET CONFIGURATION: current profile CD-ROM, the profile list */
    r = CMD(0x46, 0, 0, 0, 0, 0, 0, 0x01, 0x00, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);
    CU_ASSERT_EQUAL(be32(r->buf), r->len - 4);
    CU_ASSERT_EQUAL(be16(r->buf + 6), 0x0008);
    CU_ASSERT_EQUAL(be16(r->buf + 8), 0x0000);  /* profile list */
    CU_ASSERT_EQUAL(r->buf[11], 4);
    CU_ASSERT_EQUAL(be16(r->buf + 12), 0x0008);
    CU_ASSERT_EQUAL(r->buf[14] & 0x01, 1);
    CU_ASSERT_EQUAL(be16(r->buf + 16), 0x0001); /* core */
    finish(r);
    /* one feature (RT 2), one we lack, and truncation */
    r = CMD(0x46, 0x02, 0x00, 0x10, 0, 0, 0, 0, 64, 0);
    CU_ASSERT_EQUAL(r->len, 8 + 12);
    CU_ASSERT_EQUAL(be16(r->buf + 8), 0x0010);
    CU_ASSERT_EQUAL(be32(r->buf + 12), 2048);
    finish(r);
    r = CMD(0x46, 0x02, 0x00, 0x20, 0, 0, 0, 0, 64, 0);
    CU_ASSERT_EQUAL(r->len, 8);
    CU_ASSERT_EQUAL(be32(r->buf), 4);
    finish(r);
    r = CMD(0x46, 0, 0, 0, 0, 0, 0, 0, 8, 0);
    CU_ASSERT_EQUAL(r->len, 8);
    finish(r);
    r = CMD(0x46, 0x03, 0, 0, 0, 0, 0, 0, 8, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    expect_sense(ILLEGAL_REQUEST, 0x24, 0x00);

    /* a CD-ROM drive has no WRITE */
    r = CMD(0x2a, 0, 0, 0, 0, 0, 0, 0, 1, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    CU_ASSERT_FALSE(r->media);
    expect_sense(ILLEGAL_REQUEST, 0x20, 0x00);
    r = CMD(0x0a, 0, 0, 0, 1, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    expect_sense(ILLEGAL_REQUEST, 0x20, 0x00);
    /* reads of 2048-byte blocks */
    r = CMD(0x28, 0, 0, 0, 0, 10, 0, 0, 2, 0);
    CU_ASSERT(r->media);
    CU_ASSERT_EQUAL(r->offset, 10 * 2048);
    CU_ASSERT_EQUAL(r->len, 2 * 2048);
    finish(r);
    r = CMD(0x28, 0, 0, 0, CD_BLOCKS >> 8, CD_BLOCKS & 0xff, 0, 0, 1, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    expect_sense(ILLEGAL_REQUEST, 0x21, 0x00);

    /* an empty drive */
    drop_target();
    memset(&none, 0, sizeof(none));
    none.fd = -1;
    c = unit_ctx(NULL, &eq, HZ, &glog, "sr1", LOG_SCSI, 0, 0);
    scsi_target_init(&tgt, &c, 5, SCSI_CDROM, &none);
    have_target = true;
    eat_ua();
    r = CMD(0x12, 0, 0, 0, 36, 0);
    CU_ASSERT_EQUAL(r->buf[0], 0x05);
    finish(r);
    r = CMD(0x00, 0, 0, 0, 0, 0);
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_CHECK);
    expect_sense(NOT_READY, 0x3a, 0x00);
    r = CMD(0x28, 0, 0, 0, 0, 0, 0, 0, 1, 0);
    expect_sense(NOT_READY, 0x3a, 0x00);
    r = CMD(0x43, 0, 0, 0, 0, 0, 0, 0, 12, 0);
    expect_sense(NOT_READY, 0x3a, 0x00);
    r = CMD(0x1b, 0, 0, 0, 0x03, 0);        /* load: still nothing */
    CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);
    r = CMD(0x00, 0, 0, 0, 0, 0);
    expect_sense(NOT_READY, 0x3a, 0x00);
}

/* ---- Timing ---- */

#define REV_NS (60000000000ull / 5411)

/* Service of a 1-block disk read at lba with the head at from, averaged
 * over 74 start times spread over one revolution (so the rotational
 * wait averages out), in ns */
static double mean_access_ns(uint64_t from, uint64_t lba)
{
    double sum = 0;
    unsigned k;
    for (k = 0; k < 74; k++) {
        ScsiReq *r;
        now = NS(k * REV_NS / 74);
        tgt.head_lba = from;
        r = CMD(0x28, 0, (uint8_t)(lba >> 24), (uint8_t)(lba >> 16),
                (uint8_t)(lba >> 8), (uint8_t)lba, 0, 0, 1, 0);
        CU_ASSERT_EQUAL(r->status, SCSI_STATUS_GOOD);
        sum += (double)r->service * 1e9 / (double)HZ;
        finish(r);
    }
    return sum / 74;
}

static void test_timing_disk(void)
{
    ScsiReq *r;
    Cycles s1, s2, seq;
    double near, mid, far, sum;
    unsigned i;
    uint32_t x = 12345;
    const uint64_t cyl = 15 * 74;           /* blocks per cylinder */

    /* a disk as big as the modelled one: 1872 cylinders */
    make_target(SCSI_DISK, 1872 * cyl, false);
    eat_ua();

    /* deterministic: the same command at the same time, twice */
    now = MS(123);
    tgt.head_lba = 0;
    r = CMD(0x28, 0, 0, 0x10, 0x00, 0x00, 0, 0, 8, 0);
    s1 = r->service;
    finish(r);
    tgt.head_lba = 0;
    r = CMD(0x28, 0, 0, 0x10, 0x00, 0x00, 0, 0, 8, 0);
    s2 = r->service;
    finish(r);
    CU_ASSERT_EQUAL(s1, s2);
    /* data: 8 sectors passing the head */
    CU_ASSERT_EQUAL(r->data_time, NS(8 * REV_NS / 74));

    /* sequential: the command overhead alone */
    r = CMD(0x28, 0, 0, 0x10, 0x00, 0x08, 0, 0, 8, 0);
    seq = r->service;
    finish(r);
    CU_ASSERT_EQUAL(seq, MS(1));
    CU_ASSERT(seq < s1);

    /* seek grows with distance (rotation averaged out) */
    near = mean_access_ns(0, 1 * cyl);
    mid = mean_access_ns(0, 500 * cyl);
    far = mean_access_ns(0, 1871 * cyl);
    CU_ASSERT(near < mid);
    CU_ASSERT(mid < far);
    /* 1 ms overhead + seek + half a turn on average */
    CU_ASSERT(near > 1e6 + 2e6 + 0.4 * REV_NS);
    CU_ASSERT(near < 1e6 + 2e6 + 0.6 * REV_NS);
    CU_ASSERT(far > 1e6 + 20.7e6 + 0.4 * REV_NS);
    CU_ASSERT(far < 1e6 + 20.8e6 + 0.6 * REV_NS);
    /* the same cylinder: no seek */
    CU_ASSERT(mean_access_ns(0, 37) < 1e6 + 0.6 * REV_NS);

    /* random accesses average the data sheet's 12 ms seek plus half a
     * turn plus the overhead */
    sum = 0;
    for (i = 0; i < 2000; i++) {
        uint64_t a, b;
        x = x * 1103515245u + 12345u;
        a = (x >> 8) % (1872 * cyl);
        x = x * 1103515245u + 12345u;
        b = (x >> 8) % (1872 * cyl);
        now = NS((uint64_t)i * 7777777u);
        tgt.head_lba = a;
        r = CMD(0x28, 0, (uint8_t)(b >> 24), (uint8_t)(b >> 16),
                (uint8_t)(b >> 8), (uint8_t)b, 0, 0, 1, 0);
        sum += (double)r->service * 1e9 / (double)HZ;
        finish(r);
    }
    sum /= 2000;
    CU_ASSERT(sum > 1e6 + 12e6 + REV_NS / 2 - 1e6);
    CU_ASSERT(sum < 1e6 + 12e6 + REV_NS / 2 + 1e6);

    /* small answers at the bus rate: 36 bytes at 10 MB/s */
    r = CMD(0x12, 0, 0, 0, 36, 0);
    CU_ASSERT_EQUAL(r->service, MS(1));
    CU_ASSERT_EQUAL(r->data_time, NS(3600));
    finish(r);
}

static void test_timing_cd(void)
{
    ScsiReq *r;
    Cycles seq, near, far;

    cdrom();
    now = MS(50);
    /* sequential from block 0 (where the head starts) */
    r = CMD(0x28, 0, 0, 0, 0, 0, 0, 0, 1, 0);
    seq = r->service;
    CU_ASSERT_EQUAL(seq, MS(1));
    /* 2048 bytes at 4 x 150 KB/s */
    CU_ASSERT_EQUAL(r->data_time, NS(2048ull * 1000000000 / 614400));
    finish(r);
    tgt.head_lba = 0;
    r = CMD(0x28, 0, 0, 0, 0, 100, 0, 0, 1, 0);
    near = r->service;
    finish(r);
    tgt.head_lba = 0;
    r = CMD(0x28, 0, 0, 0, 0x03, 0xe7, 0, 0, 1, 0);     /* block 999 */
    far = r->service;
    finish(r);
    CU_ASSERT(seq < near);
    CU_ASSERT(near < far);
    /* at least a jump and a turn at 2120 rpm */
    CU_ASSERT(near >= MS(1) + NS(60000000000ull / 2120));
    CU_ASSERT(far < MS(1) + MS(332));
    /* deterministic */
    tgt.head_lba = 0;
    r = CMD(0x28, 0, 0, 0, 0x03, 0xe7, 0, 0, 1, 0);
    CU_ASSERT_EQUAL(r->service, far);
    finish(r);
}

static const UnitTest tests[] = {
    { "block_open refusals", test_block_open_errors },
    { "block_open modes and flush", test_block_open_modes },
    { "O_DIRECT and its fallback", test_block_direct },
    { "OFD locks", test_block_lock },
    { "unit attention", test_unit_attention },
    { "LUNs other than 0", test_lun },
    { "invalid opcodes, Link", test_invalid_opcode },
    { "INQUIRY and VPD pages", test_inquiry },
    { "REQUEST SENSE", test_request_sense },
    { "READ CAPACITY", test_read_capacity },
    { "READ(6)/(10)", test_read },
    { "WRITE(6)/(10), write protect", test_write },
    { "host errors in the data phase", test_data_errors },
    { "VERIFY", test_verify },
    { "MODE SENSE", test_mode_sense },
    { "MODE SELECT", test_mode_select },
    { "START STOP UNIT, PREVENT ALLOW", test_start_stop },
    { "SYNCHRONIZE CACHE", test_sync_cache },
    { "REPORT LUNS", test_report_luns },
    { "CD READ TOC", test_cd_toc },
    { "CD GET CONFIGURATION, WRITE, empty drive", test_cd_misc },
    { "disk timing", test_timing_disk },
    { "CD timing", test_timing_cd },
};

int main(void)
{
    return UNIT_RUN("scsi", suite_init, suite_clean, tests);
}
