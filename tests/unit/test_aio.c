/*
 * Unit tests of the host AIO engine (dma/aio.h): reads and writes between
 * a file and an mmap'ed "guest RAM" through iovecs, zero copy when
 * aligned, bounced (and counted) when an O_DIRECT request is not; many
 * requests in flight completing in any order; injected errors and short
 * transfers; end of file; freeing with requests in flight; the
 * synchronous fallback giving the same results as kernel AIO.
 *
 * The files live in a directory whose file system takes O_DIRECT (found
 * by the suite's init: /var/tmp, build, the current directory, /tmp).  If
 * there is none, the assertions that need one are skipped with a printed
 * reason; the rest still runs.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include <libaio.h>

#include "dma/aio.h"
#include "unit.h"

#define RAM_SIZE (8u << 20)         /* the guest RAM of every test */
#define FILE_SIZE (4u << 20)        /* the default test file */

/* What the suite's init found out about the host (set once, then read;
 * the init may not use CU_ASSERT). */
typedef struct Env {
    char dir[PATH_MAX];             /* where test files go */
    bool direct_ok;                 /* dir takes O_DIRECT reads and writes */
    bool enforced;                  /* ... and refuses misaligned ones */
    bool have_aio;                  /* kernel AIO: io_setup worked */
} Env;

static Env env;

/* ---- helpers ---- */

/* A byte of the file's pattern at off (seed: which pattern). */
static uint8_t pat(uint64_t off, unsigned seed)
{
    return (uint8_t)(off * 131u + (off >> 9) * 7u + seed * 29u + 17u);
}

static uint8_t *ram_new(void)
{
    void *p = mmap(NULL, RAM_SIZE, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CU_ASSERT_FATAL(p != MAP_FAILED);
    memset(p, 0xaa, RAM_SIZE);
    return p;
}

static void ram_free(uint8_t *ram)
{
    munmap(ram, RAM_SIZE);
}

/*
 * A file of size bytes of pattern seed in env.dir, opened twice (plainly,
 * and O_DIRECT if the directory takes it, else plainly again) and already
 * unlinked.
 */
typedef struct TFile {
    int fd;                         /* buffered */
    int dfd;                        /* O_DIRECT (if env.direct_ok) */
} TFile;

static TFile tfile_new(uint64_t size, unsigned seed)
{
    TFile f = { -1, -1 };
    char path[PATH_MAX + 32];
    uint8_t *buf = malloc(size ? size : 1);
    uint64_t i;
    int fd;

    CU_ASSERT_PTR_NOT_NULL_FATAL(buf);
    snprintf(path, sizeof(path), "%s/test_aio.XXXXXX", env.dir);
    fd = mkstemp(path);
    CU_ASSERT_FATAL(fd >= 0);
    for (i = 0; i < size; i++) {
        buf[i] = pat(i, seed);
    }
    CU_ASSERT_FATAL(pwrite(fd, buf, size, 0) == (ssize_t)size);
    f.fd = fd;
    f.dfd = open(path, O_RDWR | (env.direct_ok ? O_DIRECT : 0));
    CU_ASSERT_FATAL(f.dfd >= 0);
    unlink(path);
    free(buf);
    return f;
}

static void tfile_free(TFile *f)
{
    close(f->fd);
    close(f->dfd);
}

static uint64_t file_size(int fd)
{
    struct stat st;
    CU_ASSERT_FATAL(fstat(fd, &st) == 0);
    return (uint64_t)st.st_size;
}

/* Does the file hold pattern seed over [off, off + len)? */
static bool file_has_pat(int fd, uint64_t off, uint64_t len, unsigned seed)
{
    uint8_t *b = malloc(len ? len : 1);
    bool ok = pread(fd, b, len, (off_t)off) == (ssize_t)len;
    uint64_t i;

    for (i = 0; ok && i < len; i++) {
        ok = b[i] == pat(off + i, seed);
    }
    free(b);
    return ok;
}

/* Do the iovecs hold pattern seed from file offset off, for n bytes? */
static bool iov_has_pat(const struct iovec *v, int niov, uint64_t off,
                        uint64_t n, unsigned seed)
{
    int i;
    for (i = 0; i < niov && n > 0; i++) {
        const uint8_t *p = v[i].iov_base;
        size_t k;
        for (k = 0; k < v[i].iov_len && n > 0; k++, n--) {
            if (p[k] != pat(off++, seed)) {
                return false;
            }
        }
    }
    return n == 0;
}

static bool all_bytes(const uint8_t *p, size_t n, uint8_t v)
{
    size_t i;
    for (i = 0; i < n; i++) {
        if (p[i] != v) {
            return false;
        }
    }
    return true;
}

static void fill_pat(struct iovec *v, int niov, uint64_t off, unsigned seed)
{
    int i;
    for (i = 0; i < niov; i++) {
        uint8_t *p = v[i].iov_base;
        size_t k;
        for (k = 0; k < v[i].iov_len; k++) {
            p[k] = pat(off++, seed);
        }
    }
}

static void ctx_new(AioCtx *c)
{
    int rc = aio_ctx_init(c);
    CU_ASSERT_EQUAL(rc == 0, env.have_aio);
    CU_ASSERT_EQUAL(c->sync_fallback, rc != 0);
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

#define IOV(p, n) ((struct iovec){ (p), (n) })

/* ---- the suite's look at the host ---- */

static void probe_dir(const char *dir, bool *ok, bool *enforced)
{
    char path[PATH_MAX + 32];
    void *buf;
    int fd, dfd;

    *ok = *enforced = false;
    snprintf(path, sizeof(path), "%s/test_aio.XXXXXX", dir);
    fd = mkstemp(path);
    if (fd < 0) {
        printf("\n  %s: cannot create a file: %s", dir, strerror(errno));
        return;
    }
    dfd = open(path, O_RDWR | O_DIRECT);
    unlink(path);
    close(fd);
    if (dfd < 0) {
        printf("\n  %s: O_DIRECT refused: %s", dir, strerror(errno));
        return;
    }
    if (posix_memalign(&buf, 4096, 8192) != 0) {
        close(dfd);
        return;
    }
    memset(buf, 1, 8192);
    if (pwrite(dfd, buf, 8192, 0) != 8192 || pread(dfd, buf, 4096, 0) != 4096) {
        printf("\n  %s: aligned O_DIRECT I/O fails: %s", dir, strerror(errno));
    } else {
        unsigned mem, blk;
        aio_direct_align(dfd, &mem, &blk);
        printf("\n  %s: O_DIRECT alignment: memory %u, block %u", dir, mem,
               blk);
        *ok = true;
        /* a real direct path refuses a length that is no block multiple */
        *enforced = pread(dfd, buf, 100, 0) < 0 && errno == EINVAL;
    }
    free(buf);
    close(dfd);
}

static int suite_init(void)
{
    static const char *const dirs[] = { "/var/tmp", "build", ".", "/tmp" };
    AioCtx c;
    size_t i;
    int rc;

    printf("\n  looking for a directory that takes O_DIRECT:");
    env.dir[0] = '\0';
    for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
        bool ok, enf;
        probe_dir(dirs[i], &ok, &enf);
        if (ok) {
            printf("\n  %s: O_DIRECT works%s", dirs[i],
                   enf ? ", alignment enforced"
                       : " but is not enforced (not a real direct path)");
        }
        if (ok && (enf || !env.direct_ok)) {
            snprintf(env.dir, sizeof(env.dir), "%s", dirs[i]);
            env.direct_ok = true;
            env.enforced = enf;
            if (enf) {
                break;
            }
        }
    }
    if (!env.direct_ok) {
        snprintf(env.dir, sizeof(env.dir), "/tmp");
        printf("\n  SKIP (O_DIRECT): no directory takes O_DIRECT here; "
               "test files go to /tmp without it, and the zero-copy "
               "assertions are skipped");
    } else {
        printf("\n  using %s", env.dir);
    }
    rc = aio_ctx_init(&c);
    env.have_aio = rc == 0;
    if (rc != 0) {
        printf("\n  SKIP (kernel AIO): io_setup failed: %s; every test "
               "runs the synchronous fallback", strerror(-rc));
    }
    aio_ctx_free(&c);
    printf("\n");
    return 0;
}

/* ---- tests ---- */

static void test_aligned_zero_copy(void)
{
    AioCtx c;
    AioReq r;
    TFile f = tfile_new(FILE_SIZE, 1);
    uint8_t *ram = ram_new();
    /* pages of a run, scattered in guest RAM as the IOMMU leaves them */
    struct iovec v[3] = {
        IOV(ram + 0x10000, 8192), IOV(ram + 0x30000, 4096),
        IOV(ram + 0x21000, 12288),
    };

    ctx_new(&c);
    CU_ASSERT_EQUAL(aio_submit(&c, &r, f.dfd, false, 65536, v, 3, true), 0);
    aio_wait(&c, &r);
    CU_ASSERT(r.done);
    CU_ASSERT_EQUAL(r.res, 24576);
    CU_ASSERT_EQUAL(r.len, 24576);
    CU_ASSERT(iov_has_pat(v, 3, 65536, 24576, 1));
    /* the bytes around the iovecs are untouched */
    CU_ASSERT(all_bytes(ram + 0x10000 + 8192, 0x1000, 0xaa));
    CU_ASSERT(all_bytes(ram + 0x20000, 0x1000, 0xaa));

    fill_pat(v, 3, 131072, 2);
    CU_ASSERT_EQUAL(aio_submit(&c, &r, f.dfd, true, 131072, v, 3, true), 0);
    aio_wait(&c, &r);
    CU_ASSERT_EQUAL(r.res, 24576);
    CU_ASSERT(file_has_pat(f.fd, 131072, 24576, 2));
    CU_ASSERT(file_has_pat(f.fd, 131072 - 4096, 4096, 1));
    CU_ASSERT(file_has_pat(f.fd, 131072 + 24576, 4096, 1));
    CU_ASSERT_EQUAL(c.requests, 2);
    CU_ASSERT_EQUAL(c.bytes, 2 * 24576);
    CU_ASSERT_EQUAL(c.errors, 0);
    if (env.direct_ok) {
        CU_ASSERT_EQUAL(c.bytes_bounced, 0);
    } else {
        printf("\n  SKIP: zero copy not checked: no directory takes "
               "O_DIRECT here ");
    }
    CU_ASSERT_EQUAL(c.inflight, 0);
    aio_ctx_free(&c);
    tfile_free(&f);
    ram_free(ram);
}

static void test_misaligned_bounces(void)
{
    AioCtx c;
    AioReq r;
    TFile f = tfile_new(FILE_SIZE, 3);
    uint8_t *ram = ram_new();
    struct iovec v[2] = { IOV(ram + 3, 1000), IOV(ram + 5000, 2000) };
    struct iovec a[1] = { IOV(ram + 0x40008, 4096) };  /* memory only */
    struct iovec w[1] = { IOV(ram + 0x50007, 1500) };
    struct iovec s[1] = { IOV(ram + 0x60000, 20) };
    struct iovec e[1] = { IOV(ram + 0x70001, 700) };
    uint64_t b0;

    ctx_new(&c);
    /* offset, lengths and addresses all misaligned */
    b0 = c.bytes_bounced;
    CU_ASSERT_EQUAL(aio_submit(&c, &r, f.dfd, false, 700, v, 2, true), 0);
    aio_wait(&c, &r);
    CU_ASSERT_EQUAL(r.res, 3000);
    CU_ASSERT(iov_has_pat(v, 2, 700, 3000, 3));
    CU_ASSERT_EQUAL(c.bytes_bounced - b0, 3000);
    CU_ASSERT(all_bytes(ram, 3, 0xaa));
    CU_ASSERT(all_bytes(ram + 1003, 5000 - 1003, 0xaa));
    CU_ASSERT(all_bytes(ram + 7000, 100, 0xaa));
    CU_ASSERT_PTR_NULL(r.bounce);   /* freed at completion */

    /* only the address is off */
    b0 = c.bytes_bounced;
    CU_ASSERT_EQUAL(aio_submit(&c, &r, f.dfd, false, 8192, a, 1, true), 0);
    aio_wait(&c, &r);
    CU_ASSERT_EQUAL(r.res, 4096);
    CU_ASSERT(iov_has_pat(a, 1, 8192, 4096, 3));
    CU_ASSERT_EQUAL(c.bytes_bounced - b0, 4096);

    /* a write: read-modify-write of the blocks at both ends */
    b0 = c.bytes_bounced;
    fill_pat(w, 1, 1234, 4);
    CU_ASSERT_EQUAL(aio_submit(&c, &r, f.dfd, true, 1234, w, 1, true), 0);
    aio_wait(&c, &r);
    CU_ASSERT_EQUAL(r.res, 1500);
    CU_ASSERT_EQUAL(c.bytes_bounced - b0, 1500);
    CU_ASSERT(file_has_pat(f.fd, 0, 1234, 3));
    CU_ASSERT(file_has_pat(f.fd, 1234, 1500, 4));
    CU_ASSERT(file_has_pat(f.fd, 2734, 8192, 3));

    /* a write inside one block */
    fill_pat(s, 1, 2000, 5);
    CU_ASSERT_EQUAL(aio_submit(&c, &r, f.dfd, true, 2000, s, 1, true), 0);
    aio_wait(&c, &r);
    CU_ASSERT_EQUAL(r.res, 20);
    CU_ASSERT(file_has_pat(f.fd, 1234, 2000 - 1234, 4));
    CU_ASSERT(file_has_pat(f.fd, 2000, 20, 5));
    CU_ASSERT(file_has_pat(f.fd, 2020, 2734 - 2020, 4));
    CU_ASSERT_EQUAL(file_size(f.fd), FILE_SIZE);

    /* a write past the end: the file ends at its last byte, not a block */
    CU_ASSERT_EQUAL(ftruncate(f.fd, 10000), 0);
    fill_pat(e, 1, 9800, 6);
    CU_ASSERT_EQUAL(aio_submit(&c, &r, f.dfd, true, 9800, e, 1, true), 0);
    aio_wait(&c, &r);
    CU_ASSERT_EQUAL(r.res, 700);
    CU_ASSERT_EQUAL(file_size(f.fd), 10500);
    CU_ASSERT(file_has_pat(f.fd, 9000, 800, 3));
    CU_ASSERT(file_has_pat(f.fd, 9800, 700, 6));
    CU_ASSERT_EQUAL(c.errors, 0);
    CU_ASSERT_EQUAL(c.retries, 0);
    aio_ctx_free(&c);
    tfile_free(&f);
    ram_free(ram);
}

#define NFLY 32

static void test_out_of_order(void)
{
    AioCtx c;
    AioReq *r = calloc(NFLY, sizeof(*r));
    struct iovec v[NFLY][3];
    int nv[NFLY];
    uint64_t off[NFLY], len[NFLY];
    TFile f = tfile_new(FILE_SIZE, 7);
    uint8_t *ram = ram_new();
    uint8_t *at = ram;
    unsigned maxfly = 0;
    int i;

    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    ctx_new(&c);
    for (i = 0; i < NFLY; i++) {
        if (i % 2 == 0) {           /* aligned: straight to guest RAM */
            len[i] = 4096u * (unsigned)(i % 5 + 1);
            off[i] = 131072u * (unsigned)i;
            at = ram + (((uintptr_t)(at - ram) + 8191) & ~(uintptr_t)4095);
        } else {                    /* misaligned: bounced */
            len[i] = 1000u + 37u * (unsigned)i;
            off[i] = 777u * (unsigned)i + 13u;
            at += (unsigned)i;
        }
        if (i % 3 == 0 && len[i] >= 8192) {    /* split in pages */
            v[i][0] = IOV(at, 4096);
            v[i][1] = IOV(at + 8192, 4096);
            v[i][2] = IOV(at + 16384, len[i] - 8192);
            nv[i] = 3;
            at += 16384 + len[i] - 8192;
        } else {
            v[i][0] = IOV(at, len[i]);
            nv[i] = 1;
            at += len[i];
        }
        CU_ASSERT_FATAL(at < ram + RAM_SIZE);
        CU_ASSERT_EQUAL(aio_submit(&c, &r[i], f.dfd, false, off[i], v[i],
                                   nv[i], true), 0);
        if (c.inflight > maxfly) {
            maxfly = c.inflight;
        }
    }
    for (i = NFLY - 1; i >= 0; i--) {
        aio_wait(&c, &r[i]);
        CU_ASSERT(r[i].done);
        CU_ASSERT_EQUAL(r[i].res, (long)len[i]);
        CU_ASSERT(iov_has_pat(v[i], nv[i], off[i], len[i], 7));
    }
    printf("(%u in flight at most) ", maxfly);
    if (env.have_aio) {
        CU_ASSERT(maxfly > 1);
    }
    CU_ASSERT_EQUAL(c.inflight, 0);
    CU_ASSERT_EQUAL(c.errors, 0);
    aio_ctx_free(&c);
    tfile_free(&f);
    ram_free(ram);
    free(r);
}

#define NMANY 600

static void test_more_than_depth(void)
{
    AioCtx c;
    AioReq *r = calloc(NMANY, sizeof(*r));
    TFile f = tfile_new(NMANY * 4096u, 8);
    uint8_t *ram = ram_new();
    struct iovec v;
    int i;

    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    ctx_new(&c);
    for (i = 0; i < NMANY; i++) {
        /* each block to a page of its own, in reverse */
        v = IOV(ram + (uint64_t)(NMANY - 1 - i) * 4096, 4096);
        CU_ASSERT_EQUAL(aio_submit(&c, &r[i], f.dfd, false,
                                   (uint64_t)i * 4096, &v, 1, true), 0);
        CU_ASSERT(c.inflight <= NMANY);
    }
    for (i = 0; i < NMANY; i++) {
        aio_wait(&c, &r[i]);
        CU_ASSERT_EQUAL(r[i].res, 4096);
        v = IOV(ram + (uint64_t)(NMANY - 1 - i) * 4096, 4096);
        CU_ASSERT(iov_has_pat(&v, 1, (uint64_t)i * 4096, 4096, 8));
    }
    printf("(queue full %llu times) ", (unsigned long long)c.full_waits);
    CU_ASSERT_EQUAL(c.requests, NMANY);
    CU_ASSERT_EQUAL(c.errors, 0);
    aio_ctx_free(&c);
    tfile_free(&f);
    ram_free(ram);
    free(r);
}

static void test_poll_eventfd(void)
{
    AioCtx c;
    AioReq r[8];
    TFile f = tfile_new(FILE_SIZE, 9);
    uint8_t *ram = ram_new();
    struct iovec v[8];
    double t0 = now_s();
    int i, left = 8;

    ctx_new(&c);
    for (i = 0; i < 8; i++) {
        v[i] = IOV(ram + (uint64_t)i * 65536, 65536);
        CU_ASSERT_EQUAL(aio_submit(&c, &r[i], f.dfd, false,
                                   (uint64_t)i * 131072, &v[i], 1, true), 0);
    }
    /* the machine loop's way: sleep on the eventfd, then poll */
    while (left > 0 && now_s() - t0 < 10.0) {
        if (!c.sync_fallback) {
            struct pollfd p = { c.efd, POLLIN, 0 };
            poll(&p, 1, 100);
        }
        aio_poll(&c);
        for (left = 0, i = 0; i < 8; i++) {
            left += !r[i].done;
        }
    }
    CU_ASSERT_EQUAL(left, 0);
    for (i = 0; i < 8; i++) {
        CU_ASSERT_EQUAL(r[i].res, 65536);
        CU_ASSERT(iov_has_pat(&v[i], 1, (uint64_t)i * 131072, 65536, 9));
    }
    CU_ASSERT_EQUAL(c.inflight, 0);
    if (!c.sync_fallback) {
        /* drained: nothing left to wake up for */
        struct pollfd p = { c.efd, POLLIN, 0 };
        aio_poll(&c);
        CU_ASSERT_EQUAL(poll(&p, 1, 0), 0);
    }
    aio_ctx_free(&c);
    tfile_free(&f);
    ram_free(ram);
}

static void test_inject_errno(void)
{
    AioCtx c;
    AioReq r;
    TFile f = tfile_new(65536, 10);
    uint8_t *ram = ram_new();
    struct iovec v = IOV(ram, 4096);

    ctx_new(&c);
    c.inject_errno = EIO;
    CU_ASSERT_EQUAL(aio_submit(&c, &r, f.dfd, false, 0, &v, 1, true), 0);
    CU_ASSERT(r.done);              /* at once */
    CU_ASSERT_EQUAL(r.res, -EIO);
    CU_ASSERT_EQUAL(c.inject_errno, 0);
    CU_ASSERT(all_bytes(ram, 8192, 0xaa));
    aio_wait(&c, &r);
    CU_ASSERT_EQUAL(r.res, -EIO);
    CU_ASSERT_EQUAL(c.errors, 1);
    CU_ASSERT_EQUAL(c.bytes, 0);

    /* a write: the file is not touched */
    fill_pat(&v, 1, 0, 11);
    c.inject_errno = EIO;
    CU_ASSERT_EQUAL(aio_submit(&c, &r, f.dfd, true, 0, &v, 1, true), 0);
    CU_ASSERT_EQUAL(r.res, -EIO);
    CU_ASSERT(file_has_pat(f.fd, 0, 65536, 10));
    CU_ASSERT_EQUAL(c.errors, 2);

    /* the hook has cleared: the next one works */
    CU_ASSERT_EQUAL(aio_submit(&c, &r, f.dfd, false, 4096, &v, 1, true), 0);
    aio_wait(&c, &r);
    CU_ASSERT_EQUAL(r.res, 4096);
    CU_ASSERT(iov_has_pat(&v, 1, 4096, 4096, 10));
    CU_ASSERT_EQUAL(c.errors, 2);
    CU_ASSERT_EQUAL(c.requests, 3);
    aio_ctx_free(&c);
    tfile_free(&f);
    ram_free(ram);
}

static void test_inject_short(void)
{
    AioCtx c;
    AioReq r;
    TFile f = tfile_new(65536, 12);
    uint8_t *ram = ram_new();
    struct iovec v[2] = { IOV(ram, 2048), IOV(ram + 8192, 2048) };
    struct iovec w = IOV(ram + 0x10000, 4096);

    ctx_new(&c);
    /* O_DIRECT: the cut request is no longer block-sized, so it bounces */
    c.inject_short = 100;
    CU_ASSERT_EQUAL(aio_submit(&c, &r, f.dfd, false, 4096, v, 2, true), 0);
    CU_ASSERT_EQUAL(c.inject_short, 0);
    aio_wait(&c, &r);
    CU_ASSERT_EQUAL(r.res, 3996);
    CU_ASSERT_EQUAL(r.len, 4096);
    CU_ASSERT(iov_has_pat(v, 2, 4096, 2048, 12));
    CU_ASSERT(iov_has_pat(&IOV(ram + 8192, 1948), 1, 6144, 1948, 12));
    CU_ASSERT(all_bytes(ram + 8192 + 1948, 100, 0xaa));
    CU_ASSERT_EQUAL(c.shorts, 1);
    CU_ASSERT_EQUAL(c.errors, 0);

    /* buffered */
    memset(ram, 0xaa, 16384);
    c.inject_short = 1000;
    CU_ASSERT_EQUAL(aio_submit(&c, &r, f.fd, false, 0, v, 2, false), 0);
    aio_wait(&c, &r);
    CU_ASSERT_EQUAL(r.res, 3096);
    CU_ASSERT(iov_has_pat(v, 2, 0, 3096, 12));
    CU_ASSERT(all_bytes(ram + 8192 + 1048, 1000, 0xaa));

    /* a short write writes only its share */
    fill_pat(&w, 1, 16384, 13);
    c.inject_short = 1000;
    CU_ASSERT_EQUAL(aio_submit(&c, &r, f.dfd, true, 16384, &w, 1, true), 0);
    aio_wait(&c, &r);
    CU_ASSERT_EQUAL(r.res, 3096);
    CU_ASSERT(file_has_pat(f.fd, 16384, 3096, 13));
    CU_ASSERT(file_has_pat(f.fd, 16384 + 3096, 1000, 12));

    /* everything cut: done at once with nothing moved */
    c.inject_short = 1u << 20;
    CU_ASSERT_EQUAL(aio_submit(&c, &r, f.dfd, false, 0, &w, 1, true), 0);
    CU_ASSERT(r.done);
    CU_ASSERT_EQUAL(r.res, 0);
    CU_ASSERT_EQUAL(c.shorts, 4);
    aio_ctx_free(&c);
    tfile_free(&f);
    ram_free(ram);
}

static void test_past_eof(void)
{
    AioCtx c;
    AioReq r;
    TFile f = tfile_new(10000, 14);
    uint8_t *ram = ram_new();
    struct iovec v = IOV(ram, 4096);
    struct iovec m = IOV(ram + 0x10003, 3000);

    ctx_new(&c);
    /* aligned, but across the end: the kernel would write zeros over the
     * whole buffer, so it is bounced and RAM past the count is kept */
    CU_ASSERT_EQUAL(aio_submit(&c, &r, f.dfd, false, 8192, &v, 1, true), 0);
    aio_wait(&c, &r);
    CU_ASSERT_EQUAL(c.bytes_bounced, 4096);
    CU_ASSERT_EQUAL(r.res, 10000 - 8192);
    CU_ASSERT(iov_has_pat(&v, 1, 8192, 10000 - 8192, 14));
    CU_ASSERT(all_bytes(ram + 10000 - 8192, 4096 - (10000 - 8192), 0xaa));

    CU_ASSERT_EQUAL(aio_submit(&c, &r, f.dfd, false, 12288, &v, 1, true), 0);
    aio_wait(&c, &r);
    CU_ASSERT_EQUAL(r.res, 0);

    /* bounced */
    CU_ASSERT_EQUAL(aio_submit(&c, &r, f.dfd, false, 9000, &m, 1, true), 0);
    aio_wait(&c, &r);
    CU_ASSERT_EQUAL(r.res, 1000);
    CU_ASSERT(iov_has_pat(&m, 1, 9000, 1000, 14));
    CU_ASSERT(all_bytes(ram + 0x10003 + 1000, 2000, 0xaa));

    /* buffered */
    memset(ram, 0xaa, 4096);
    CU_ASSERT_EQUAL(aio_submit(&c, &r, f.fd, false, 8192, &v, 1, false), 0);
    aio_wait(&c, &r);
    CU_ASSERT_EQUAL(r.res, 10000 - 8192);
    CU_ASSERT(iov_has_pat(&v, 1, 8192, 10000 - 8192, 14));
    CU_ASSERT_EQUAL(c.shorts, 4);
    CU_ASSERT_EQUAL(c.errors, 0);
    aio_ctx_free(&c);
    tfile_free(&f);
    ram_free(ram);
}

static void test_wait_done(void)
{
    AioCtx c;
    AioReq r, never;
    TFile f = tfile_new(65536, 15);
    uint8_t *ram = ram_new();
    struct iovec v = IOV(ram, 4096);
    double t0;

    ctx_new(&c);
    CU_ASSERT_EQUAL(aio_submit(&c, &r, f.dfd, false, 0, &v, 1, true), 0);
    aio_wait(&c, &r);
    CU_ASSERT(r.done);
    t0 = now_s();
    aio_wait(&c, &r);
    aio_wait(&c, &r);
    CU_ASSERT(now_s() - t0 < 0.01);
    CU_ASSERT_EQUAL(r.res, 4096);
    /* a request never submitted: nothing to wait for, no hang */
    memset(&never, 0, sizeof(never));
    aio_wait(&c, &never);
    CU_ASSERT(!never.done);
    /* an injected error is done before aio_wait */
    c.inject_errno = ENOSPC;
    CU_ASSERT_EQUAL(aio_submit(&c, &r, f.dfd, false, 0, &v, 1, true), 0);
    t0 = now_s();
    aio_wait(&c, &r);
    CU_ASSERT(now_s() - t0 < 0.01);
    CU_ASSERT_EQUAL(r.res, -ENOSPC);
    aio_ctx_free(&c);
    tfile_free(&f);
    ram_free(ram);
}

static void test_free_in_flight(void)
{
    AioCtx c;
    AioReq r[16];
    TFile f = tfile_new(FILE_SIZE, 16);
    uint8_t *ram = ram_new();
    struct iovec v[16];
    int i;

    ctx_new(&c);
    for (i = 0; i < 16; i++) {
        /* half of them bounced: their buffers are freed too (ASan) */
        uint64_t o = (uint64_t)i * 65536 + (i % 2 ? 100 : 0);
        v[i] = IOV(ram + (uint64_t)i * 131072 + (i % 2), 65536);
        CU_ASSERT_EQUAL(aio_submit(&c, &r[i], f.dfd, false, o, &v[i], 1,
                                   true), 0);
    }
    aio_ctx_free(&c);
    for (i = 0; i < 16; i++) {
        uint64_t o = (uint64_t)i * 65536 + (i % 2 ? 100 : 0);
        CU_ASSERT(r[i].done);
        CU_ASSERT_EQUAL(r[i].res, 65536);
        CU_ASSERT(iov_has_pat(&v[i], 1, o, 65536, 16));
        CU_ASSERT_PTR_NULL(r[i].bounce);
    }
    CU_ASSERT_EQUAL(c.inflight, 0);
    CU_ASSERT_PTR_NULL(c.queue);
    tfile_free(&f);
    ram_free(ram);
}

static void test_submit_errors(void)
{
    AioCtx c;
    AioReq r, r2;
    TFile f = tfile_new(1u << 20, 17);
    uint8_t *ram = ram_new();
    struct iovec v = IOV(ram, 4096);
    struct iovec big = IOV(ram + 65536, 1u << 20);
    int rc;

    ctx_new(&c);
    /* io_submit refuses a bad fd: done at once with the error */
    rc = aio_submit(&c, &r, -1, false, 0, &v, 1, false);
    CU_ASSERT(r.done);
    CU_ASSERT_EQUAL(r.res, -EBADF);
    CU_ASSERT_EQUAL(rc, c.sync_fallback ? 0 : -EBADF);
    CU_ASSERT_EQUAL(c.errors, 1);
    /* too many iovecs */
    rc = aio_submit(&c, &r, f.fd, false, 0, &v, AIO_MAX_IOV + 1, false);
    CU_ASSERT_EQUAL(rc, -EINVAL);
    CU_ASSERT(r.done);
    CU_ASSERT_EQUAL(r.res, -EINVAL);
    /* past any file */
    rc = aio_submit(&c, &r, f.fd, false, UINT64_MAX - 100, &v, 1, false);
    CU_ASSERT_EQUAL(rc, -EINVAL);
    CU_ASSERT_EQUAL(r.res, -EINVAL);
    /* nothing to move */
    CU_ASSERT_EQUAL(aio_submit(&c, &r, f.fd, false, 0, &v, 0, false), 0);
    CU_ASSERT(r.done);
    CU_ASSERT_EQUAL(r.res, 0);
    /* a request still in flight is not reused (only with kernel AIO:
     * it stays queued until collected) */
    CU_ASSERT_EQUAL(aio_submit(&c, &r, f.dfd, false, 0, &big, 1, true), 0);
    if (!c.sync_fallback) {
        CU_ASSERT_EQUAL(aio_submit(&c, &r, f.dfd, false, 0, &v, 1, true),
                        -EBUSY);
        CU_ASSERT_EQUAL(r.len, 1u << 20);
    }
    CU_ASSERT_EQUAL(aio_submit(&c, &r2, f.dfd, false, 0, &v, 1, true), 0);
    aio_wait(&c, &r);
    aio_wait(&c, &r2);
    CU_ASSERT_EQUAL(r.res, 1 << 20);
    CU_ASSERT_EQUAL(r2.res, 4096);
    CU_ASSERT(iov_has_pat(&big, 1, 0, 1u << 20, 17));
    aio_ctx_free(&c);
    tfile_free(&f);
    ram_free(ram);
}

/*
 * The kernel refuses a request we thought aligned (here: we are told
 * everything is, test_align = 1): the request is redone through a
 * bounce buffer and the data is right.
 */
static void test_einval_retry(void)
{
    AioCtx c;
    AioReq r;
    TFile f = tfile_new(65536, 18);
    uint8_t *ram = ram_new();
    struct iovec v[2] = { IOV(ram + 3, 1000), IOV(ram + 5000, 2000) };
    struct iovec w = IOV(ram + 0x10005, 777);

    if (!env.enforced) {
        printf("\n  SKIP: no directory here refuses misaligned O_DIRECT ");
        tfile_free(&f);
        ram_free(ram);
        return;
    }
    ctx_new(&c);
    c.test_align = 1;
    CU_ASSERT_EQUAL(aio_submit(&c, &r, f.dfd, false, 700, v, 2, true), 0);
    aio_wait(&c, &r);
    CU_ASSERT_EQUAL(r.res, 3000);
    CU_ASSERT(iov_has_pat(v, 2, 700, 3000, 18));
    CU_ASSERT_EQUAL(c.retries, 1);
    CU_ASSERT_EQUAL(c.bytes_bounced, 3000);

    fill_pat(&w, 1, 5000, 19);
    CU_ASSERT_EQUAL(aio_submit(&c, &r, f.dfd, true, 5000, &w, 1, true), 0);
    aio_wait(&c, &r);
    CU_ASSERT_EQUAL(r.res, 777);
    CU_ASSERT(file_has_pat(f.fd, 0, 5000, 18));
    CU_ASSERT(file_has_pat(f.fd, 5000, 777, 19));
    CU_ASSERT(file_has_pat(f.fd, 5777, 65536 - 5777, 18));
    CU_ASSERT_EQUAL(c.retries, 2);

    /* bounced, but to blocks of 256 the kernel does not take either */
    c.test_align = 256;
    memset(ram, 0xaa, 8192);
    v[0] = IOV(ram + 1, 100);
    CU_ASSERT_EQUAL(aio_submit(&c, &r, f.dfd, false, 300, v, 1, true), 0);
    aio_wait(&c, &r);
    CU_ASSERT_EQUAL(r.res, 100);
    CU_ASSERT(iov_has_pat(v, 1, 300, 100, 18));
    CU_ASSERT(all_bytes(ram + 101, 4000, 0xaa));
    CU_ASSERT_EQUAL(c.retries, 3);
    CU_ASSERT_PTR_NULL(r.bounce);
    /* a write: already its read of the edge blocks is refused */
    fill_pat(v, 1, 300, 24);
    CU_ASSERT_EQUAL(aio_submit(&c, &r, f.dfd, true, 300, v, 1, true), 0);
    aio_wait(&c, &r);
    CU_ASSERT_EQUAL(r.res, 100);
    CU_ASSERT(file_has_pat(f.fd, 0, 300, 18));
    CU_ASSERT(file_has_pat(f.fd, 300, 100, 24));
    CU_ASSERT(file_has_pat(f.fd, 400, 4600, 18));
    CU_ASSERT_EQUAL(c.retries, 4);
    CU_ASSERT_EQUAL(file_size(f.fd), 65536);
    CU_ASSERT_EQUAL(c.errors, 0);
    aio_ctx_free(&c);
    tfile_free(&f);
    ram_free(ram);
}

static void on_alarm(int sig)
{
    (void)sig;
}

/* A signal storm (no SA_RESTART): every wait comes back with EINTR. */
static void test_eintr(void)
{
    AioCtx c;
    AioReq r;
    TFile f = tfile_new(FILE_SIZE, 20);
    uint8_t *ram = ram_new();
    struct sigaction sa, old;
    struct itimerval it = { { 0, 50 }, { 0, 50 } }, off = { { 0, 0 }, { 0, 0 } };
    int i;

    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_alarm;
    sigemptyset(&sa.sa_mask);
    CU_ASSERT_FATAL(sigaction(SIGALRM, &sa, &old) == 0);
    ctx_new(&c);
    setitimer(ITIMER_REAL, &it, NULL);
    for (i = 0; i < 300; i++) {
        uint64_t o = (uint64_t)(i * 7919 % 900) * 4096 + (i % 3 ? 0 : 333);
        struct iovec v = IOV(ram + (uint64_t)(i % 64) * 65536 + i % 5,
                             16384);
        bool wr = i % 4 == 3;
        if (wr) {
            fill_pat(&v, 1, o, 20); /* what the file holds there */
        }
        CU_ASSERT_EQUAL(aio_submit(&c, &r, f.dfd, wr, o, &v, 1, true), 0);
        aio_wait(&c, &r);
        CU_ASSERT_EQUAL(r.res, 16384);
        CU_ASSERT(iov_has_pat(&v, 1, o, 16384, 20));
    }
    setitimer(ITIMER_REAL, &off, NULL);
    sigaction(SIGALRM, &old, NULL);
    CU_ASSERT_EQUAL(c.errors, 0);
    CU_ASSERT(file_has_pat(f.fd, 0, FILE_SIZE, 20));
    aio_ctx_free(&c);
    tfile_free(&f);
    ram_free(ram);
}

/*
 * The synchronous fallback against kernel AIO: the same requests on two
 * copies of a file give the same results, the same guest RAM and the
 * same files.
 */
typedef struct Outcome {
    long res[16];
    int n;
    uint64_t bounced;
} Outcome;

static void scenario(AioCtx *c, TFile *f, uint8_t *ram, Outcome *o)
{
    AioReq r;
    struct iovec a[2] = { IOV(ram, 8192), IOV(ram + 0x20000, 4096) };
    struct iovec m[2] = { IOV(ram + 0x30003, 1000), IOV(ram + 0x31000, 999) };
    struct iovec w = IOV(ram + 0x40001, 5000);
    struct iovec e = IOV(ram + 0x50000, 8192);

#define RUN(expr)                                                          \
    do {                                                                   \
        CU_ASSERT_EQUAL((expr), 0);                                        \
        aio_wait(c, &r);                                                   \
        CU_ASSERT(r.done);                                                 \
        o->res[o->n++] = r.res;                                            \
    } while (0)
    o->n = 0;
    RUN(aio_submit(c, &r, f->dfd, false, 4096, a, 2, true));
    RUN(aio_submit(c, &r, f->dfd, false, 1111, m, 2, true));
    fill_pat(&w, 1, 3000, 21);
    RUN(aio_submit(c, &r, f->dfd, true, 3000, &w, 1, true));
    RUN(aio_submit(c, &r, f->fd, true, 20000, &w, 1, false));
    c->inject_errno = EIO;
    RUN(aio_submit(c, &r, f->dfd, false, 0, &e, 1, true));
    c->inject_short = 10;
    RUN(aio_submit(c, &r, f->dfd, false, 0, &e, 1, true));
    RUN(aio_submit(c, &r, f->dfd, false, 60000, &e, 1, true));
    RUN(aio_submit(c, &r, f->fd, false, 60000, &e, 1, false));
    RUN(aio_submit(c, &r, f->dfd, true, 65000, &w, 1, true));
#undef RUN
    o->bounced = c->bytes_bounced;
}

static void test_sync_fallback(void)
{
    AioCtx k, s;
    TFile fk = tfile_new(65536, 22), fs = tfile_new(65536, 22);
    uint8_t *rk = ram_new(), *rs = ram_new();
    uint8_t *bk = malloc(1u << 17), *bs = malloc(1u << 17);
    Outcome ok, os;
    int i;

    ctx_new(&k);
    aio_ctx_init_sync(&s);
    CU_ASSERT(s.sync_fallback);
    CU_ASSERT_EQUAL(s.efd, -1);
    scenario(&k, &fk, rk, &ok);
    scenario(&s, &fs, rs, &os);
    CU_ASSERT_EQUAL(ok.n, os.n);
    for (i = 0; i < ok.n; i++) {
        CU_ASSERT_EQUAL(ok.res[i], os.res[i]);
    }
    CU_ASSERT_EQUAL(ok.res[0], 12288);
    CU_ASSERT_EQUAL(ok.res[4], -EIO);
    CU_ASSERT_EQUAL(ok.res[5], 8182);
    CU_ASSERT_EQUAL(ok.res[6], 65536 - 60000);
    CU_ASSERT_EQUAL(ok.res[8], 5000);
    CU_ASSERT_EQUAL(ok.bounced, os.bounced);
    CU_ASSERT(memcmp(rk, rs, RAM_SIZE) == 0);
    CU_ASSERT_EQUAL(file_size(fk.fd), 70000);
    CU_ASSERT_EQUAL(file_size(fk.fd), file_size(fs.fd));
    CU_ASSERT_EQUAL(pread(fk.fd, bk, 1u << 17, 0), 70000);
    CU_ASSERT_EQUAL(pread(fs.fd, bs, 1u << 17, 0), 70000);
    CU_ASSERT(memcmp(bk, bs, 70000) == 0);
    CU_ASSERT_EQUAL(k.requests, s.requests);
    CU_ASSERT_EQUAL(k.bytes, s.bytes);
    CU_ASSERT_EQUAL(k.errors, s.errors);
    CU_ASSERT_EQUAL(k.shorts, s.shorts);
    /* every request but the injected error went through preadv/pwritev */
    CU_ASSERT_EQUAL(s.sync_requests, (uint64_t)os.n - 1);
    if (env.have_aio) {
        CU_ASSERT_EQUAL(k.sync_requests, 0);
    }
    aio_ctx_free(&k);
    aio_ctx_free(&s);
    tfile_free(&fk);
    tfile_free(&fs);
    ram_free(rk);
    ram_free(rs);
    free(bk);
    free(bs);
}

/*
 * Not an assertion on our code: what this kernel does with a misaligned
 * O_DIRECT request handed to it as it is (printed for the record).
 */
static void test_kernel_misaligned(void)
{
    TFile f;
    io_context_t io = NULL;
    uint8_t *buf;
    static const struct {
        const char *what;
        size_t boff, len;
        int niov;
        long long off;
    } cases[] = {
        { "aligned", 0, 4096, 1, 0 },
        { "offset 100", 0, 4096, 1, 100 },
        { "length 100", 0, 100, 1, 0 },
        { "address +4, one iovec", 4, 512, 1, 0 },
        { "address +1, one iovec of 4096", 1, 4096, 1, 0 },
        { "address +8, two iovecs", 8, 512, 2, 0 },
    };
    size_t i;

    if (!env.direct_ok || !env.have_aio) {
        printf("\n  SKIP: no O_DIRECT directory or no kernel AIO ");
        return;
    }
    f = tfile_new(65536, 23);
    CU_ASSERT_FATAL(posix_memalign((void **)&buf, 4096, 65536) == 0);
    CU_ASSERT_FATAL(io_setup(4, &io) == 0);
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct iovec v[2] = {
            IOV(buf + cases[i].boff, cases[i].len),
            IOV(buf + 8192 + cases[i].boff, cases[i].len),
        };
        struct iocb cb, *p = &cb;
        struct io_event ev;
        int n;
        io_prep_preadv(&cb, f.dfd, v, cases[i].niov, cases[i].off);
        n = io_submit(io, 1, &p);
        if (n == 1) {
            while (io_getevents(io, 1, 1, &ev, NULL) == -EINTR) {
            }
            printf("\n  kernel, O_DIRECT %s: io_submit 1, res %ld%s%s", cases[i].what,
                   (long)ev.res, (long)ev.res < 0 ? " " : "",
                   (long)ev.res < 0 ? strerror(-(int)(long)ev.res) : "");
        } else {
            printf("\n  kernel, O_DIRECT %s: io_submit %d", cases[i].what, n);
        }
    }
    printf("\n  ");
    io_destroy(io);
    free(buf);
    tfile_free(&f);
}

static const UnitTest tests[] = {
    { "aligned O_DIRECT: zero copy", test_aligned_zero_copy },
    { "misaligned O_DIRECT: bounced, counted, right", test_misaligned_bounces },
    { "32 in flight, waited for in reverse", test_out_of_order },
    { "more requests than the queue holds", test_more_than_depth },
    { "poll on the eventfd", test_poll_eventfd },
    { "injected EIO", test_inject_errno },
    { "injected short transfer", test_inject_short },
    { "read past end of file", test_past_eof },
    { "wait on a request that is done", test_wait_done },
    { "free with requests in flight", test_free_in_flight },
    { "io_submit refusals", test_submit_errors },
    { "kernel -EINVAL: redone bounced", test_einval_retry },
    { "EINTR storm", test_eintr },
    { "synchronous fallback = kernel AIO", test_sync_fallback },
    { "what the kernel does with misaligned O_DIRECT", test_kernel_misaligned },
};

int main(void)
{
    return UNIT_RUN("aio", suite_init, NULL, tests);
}
