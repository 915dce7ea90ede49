/*
 * A disk or CD image on the host: a raw file opened once for the whole
 * run.  A writable image is locked (an open file description lock), so a
 * second simulator opening it is refused; a read-only one is never opened
 * for writing (it takes a shared lock, so a simulator writing the image
 * cannot start while another reads it).  With cache=none it is opened
 * O_DIRECT where the file system allows it (host AIO then goes straight
 * between the disk and guest RAM; dma/aio.h bounces what is not aligned).
 */
#ifndef HW_HOST_BLOCK_H
#define HW_HOST_BLOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct BlockDev {
    const char *path;               /* the caller's string, not copied */
    int fd;                         /* -1: closed */
    bool readonly;
    bool direct;                    /* opened O_DIRECT */
    bool locked;                    /* the OFD lock is held (false only
                                     * where the file system has no locks) */
    uint64_t size;                  /* bytes */
    bool dirty;                     /* written since the last flush: set by
                                     * whoever writes (the SCSI target when a
                                     * WRITE's data phase ends) */
} BlockDev;

/*
 * Open path.  cache_none asks for O_DIRECT (taken only if the file system
 * accepts it).  -1 with a one-line reason in err: missing, unreadable,
 * empty, a directory, locked by another process, not writable while
 * readonly is false.  A regular file or a block device.
 */
int block_open(BlockDev *b, const char *path, bool readonly,
               bool cache_none, char *err, size_t errlen);
/* block_open for tests: an O_DIRECT open fails with direct_errno (0: as
 * block_open), as on a file system that refuses O_DIRECT. */
int block_open_inject(BlockDev *b, const char *path, bool readonly,
                      bool cache_none, int direct_errno, char *err,
                      size_t errlen);
/* fdatasync if written since the last flush: 0 or -errno.  dirty stays
 * set after a failure, so the next flush tries again. */
int block_flush(BlockDev *b);
/* Flush and close (lock released); closing a closed one does nothing.
 * 0, or the -errno of the final flush (the caller says so in a line). */
int block_close(BlockDev *b);

#endif
