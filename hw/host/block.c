/*
 * Disk and CD images on the host (block.h).
 *
 * Every refusal is one line naming the image and the problem; nothing
 * here may crash on a strange file.  Sources for the host behaviour:
 * open(2) (O_DIRECT fails with EINVAL where the file system does not
 * support it; some accept the open and refuse the first unaligned or
 * direct read instead), fcntl(2) "Open file description locks" (F_OFD_SETLK
 * conflicts between different open file descriptions, even in one
 * process, and the lock goes away with the last descriptor of the
 * description), fdatasync(2).
 */
#include "hw/host/block.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/fs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

/* What an O_DIRECT probe reads: a multiple of every logical block size a
 * host disk has (512 or 4096 bytes), from an address aligned likewise. */
#define PROBE_LEN 4096u

static int open_plain(const char *path, int flags)
{
    int fd;
    do {
        fd = open(path, flags);
    } while (fd < 0 && errno == EINTR);
    return fd;
}

/*
 * Open with O_DIRECT and check that a direct read works; -1 (errno set)
 * if the file system refuses either, so the caller opens it cached.
 */
static int open_direct(const char *path, int flags, int inject)
{
    void *buf = NULL;
    ssize_t n;
    int fd;

    if (inject) {
        errno = inject;
        return -1;
    }
    fd = open_plain(path, flags | O_DIRECT);
    if (fd < 0) {
        return -1;
    }
    if (posix_memalign(&buf, PROBE_LEN, PROBE_LEN) != 0) {
        close(fd);
        errno = ENOMEM;
        return -1;
    }
    do {
        n = pread(fd, buf, PROBE_LEN, 0);
    } while (n < 0 && errno == EINTR);
    free(buf);
    if (n < 0) {
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    return fd;
}

/* A refusal: err already holds the line; fd (if open) is closed. */
static int refuse(BlockDev *b, int fd)
{
    if (fd >= 0) {
        close(fd);
    }
    b->fd = -1;
    return -1;
}

int block_open(BlockDev *b, const char *path, bool readonly,
               bool cache_none, char *err, size_t errlen)
{
    return block_open_inject(b, path, readonly, cache_none, 0, err, errlen);
}

int block_open_inject(BlockDev *b, const char *path, bool readonly,
                      bool cache_none, int direct_errno, char *err,
                      size_t errlen)
{
    int flags = (readonly ? O_RDONLY : O_RDWR) | O_CLOEXEC;
    struct stat st;
    struct flock fl;
    int fd = -1;

    memset(b, 0, sizeof(*b));
    b->path = path;
    b->fd = -1;
    b->readonly = readonly;

    /* Look before opening: opening a FIFO would block, and a directory
     * opened O_RDONLY would only fail at the first read. */
    if (stat(path, &st) < 0) {
        snprintf(err, errlen, "cannot open image '%s': %s", path,
                 strerror(errno));
        return refuse(b, -1);
    }
    if (S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "image '%s' is a directory", path);
        return refuse(b, -1);
    }
    if (!S_ISREG(st.st_mode) && !S_ISBLK(st.st_mode)) {
        snprintf(err, errlen,
                 "image '%s' is not a regular file or block device", path);
        return refuse(b, -1);
    }

    if (cache_none) {
        fd = open_direct(path, flags, direct_errno);
        b->direct = fd >= 0;
    }
    if (fd < 0) {
        fd = open_plain(path, flags);
    }
    if (fd < 0) {
        int e = errno;
        if (!readonly && (e == EACCES || e == EROFS || e == EPERM) &&
            access(path, R_OK) == 0) {
            snprintf(err, errlen, "image '%s' is not writable: %s", path,
                     strerror(e));
        } else {
            snprintf(err, errlen, "cannot open image '%s': %s", path,
                     strerror(e));
        }
        return refuse(b, -1);
    }

    /* The size of what was opened (the path may have changed since). */
    if (fstat(fd, &st) < 0) {
        snprintf(err, errlen, "cannot open image '%s': %s", path,
                 strerror(errno));
        return refuse(b, fd);
    }
    if (S_ISBLK(st.st_mode)) {
        uint64_t bytes = 0;
        if (ioctl(fd, BLKGETSIZE64, &bytes) < 0) {
            snprintf(err, errlen, "cannot find the size of image '%s': %s",
                     path, strerror(errno));
            return refuse(b, fd);
        }
        b->size = bytes;
    } else if (S_ISREG(st.st_mode)) {
        b->size = (uint64_t)st.st_size;
    } else {
        snprintf(err, errlen,
                 "image '%s' is not a regular file or block device", path);
        return refuse(b, fd);
    }
    if (b->size == 0) {
        snprintf(err, errlen, "image '%s' is empty", path);
        return refuse(b, fd);
    }

    /* Whole-file lock on this open file description: exclusive for a
     * writer, shared for a reader.  A file system without locks (some
     * network ones) leaves the image unlocked rather than unusable. */
    memset(&fl, 0, sizeof(fl));
    fl.l_type = readonly ? F_RDLCK : F_WRLCK;
    fl.l_whence = SEEK_SET;
    fl.l_start = 0;
    fl.l_len = 0;                   /* to the end, however it grows */
    if (fcntl(fd, F_OFD_SETLK, &fl) == 0) {
        b->locked = true;
    } else if (errno == EAGAIN || errno == EACCES) {
        snprintf(err, errlen, "image '%s' is in use by another process",
                 path);
        return refuse(b, fd);
    }

    b->fd = fd;
    return 0;
}

int block_flush(BlockDev *b)
{
    int r;

    if (b->fd < 0 || !b->dirty) {
        return 0;
    }
    do {
        r = fdatasync(b->fd);
    } while (r < 0 && errno == EINTR);
    if (r < 0) {
        return -errno;
    }
    b->dirty = false;
    return 0;
}

int block_close(BlockDev *b)
{
    int r;

    if (b->fd < 0) {
        return 0;
    }
    r = block_flush(b);
    close(b->fd);                   /* drops the OFD lock */
    b->fd = -1;
    b->locked = false;
    return r;
}
