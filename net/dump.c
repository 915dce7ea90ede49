/*
 * The pcap writer of filter-dump (net/dump.h has the format).
 */
#include "net/dump.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DUMP_BUFSIZE 65536u             /* stdio buffer: ~40 full frames */

struct NetDump {
    FILE *f;
    char *path;                         /* for the messages */
    uint32_t maxlen;                    /* snaplen */
    uint64_t frames;
    int error;                          /* first errno, 0 while none */
};

static void put_le32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

static void put_le16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

/* Write n bytes; on the first failure keep its errno.  false once failed. */
static bool dump_write(NetDump *d, const void *p, size_t n)
{
    if (d->error != 0) {
        return false;
    }
    if (n == 0) {
        return true;
    }
    errno = 0;
    if (fwrite(p, 1, n, d->f) != n) {
        d->error = errno != 0 ? errno : EIO;
        return false;
    }
    return true;
}

NetDump *net_dump_open(const char *path, uint32_t maxlen, char *err,
                       size_t errlen)
{
    NetDump *d;
    uint8_t h[NET_DUMP_GLOBAL_HDR];

    if (err != NULL && errlen > 0) {
        err[0] = '\0';
    }
    d = calloc(1, sizeof(*d));
    if (d == NULL || (d->path = strdup(path)) == NULL) {
        if (err != NULL) {
            snprintf(err, errlen, "filter-dump: '%s': out of memory", path);
        }
        free(d);
        return NULL;
    }
    d->maxlen = maxlen != 0 ? maxlen : NET_DUMP_MAXLEN_DEFAULT;
    d->f = fopen(path, "wb");
    if (d->f == NULL) {
        if (err != NULL) {
            snprintf(err, errlen, "filter-dump: cannot create '%s': %s", path,
                     strerror(errno));
        }
        free(d->path);
        free(d);
        return NULL;
    }
    /* a failed setvbuf leaves stdio's own buffer: still correct */
    (void)setvbuf(d->f, NULL, _IOFBF, DUMP_BUFSIZE);

    put_le32(h + 0, NET_DUMP_MAGIC);
    put_le16(h + 4, 2);                 /* version_major */
    put_le16(h + 6, 4);                 /* version_minor */
    put_le32(h + 8, 0);                 /* thiszone: virtual time, no zone */
    put_le32(h + 12, 0);                /* sigfigs */
    put_le32(h + 16, d->maxlen);        /* snaplen */
    put_le32(h + 20, NET_DUMP_LINKTYPE_ETHERNET);
    if (!dump_write(d, h, sizeof(h))) {
        if (err != NULL) {
            snprintf(err, errlen, "filter-dump: writing '%s': %s", path,
                     strerror(d->error));
        }
        fclose(d->f);
        free(d->path);
        free(d);
        return NULL;
    }
    return d;
}

int net_dump_frame(NetDump *d, int64_t now_ns, const struct iovec *iov,
                   int niov, size_t len)
{
    uint8_t h[NET_DUMP_RECORD_HDR];
    size_t have = 0, left, n;
    uint64_t ns;
    uint32_t incl, orig;
    int i;

    if (d == NULL || d->error != 0) {
        return -1;
    }
    /* the iovecs must hold the frame: a caller's slip, not a host error */
    for (i = 0; i < niov && have < len; i++) {
        have += iov[i].iov_len < len - have ? iov[i].iov_len : len - have;
    }
    if (have < len || niov < 0) {
        errno = EINVAL;
        return -1;
    }
    orig = len > UINT32_MAX ? UINT32_MAX : (uint32_t)len;
    incl = orig < d->maxlen ? orig : d->maxlen;
    ns = now_ns > 0 ? (uint64_t)now_ns : 0;
    /* ts_sec wraps after 136 virtual years */
    put_le32(h + 0, (uint32_t)(ns / 1000000000u));
    put_le32(h + 4, (uint32_t)(ns % 1000000000u / 1000u));
    put_le32(h + 8, incl);
    put_le32(h + 12, orig);
    if (!dump_write(d, h, sizeof(h))) {
        return -1;
    }
    left = incl;
    for (i = 0; i < niov && left > 0; i++) {
        n = iov[i].iov_len < left ? iov[i].iov_len : left;
        if (!dump_write(d, iov[i].iov_base, n)) {
            return -1;
        }
        left -= n;
    }
    d->frames++;
    return 0;
}

int net_dump_close(NetDump *d, char *err, size_t errlen)
{
    int rc;

    if (err != NULL && errlen > 0) {
        err[0] = '\0';
    }
    if (d == NULL) {
        return 0;
    }
    if (d->error == 0) {
        errno = 0;
        if (fflush(d->f) != 0) {
            d->error = errno != 0 ? errno : EIO;
        }
    }
    errno = 0;
    if (fclose(d->f) != 0 && d->error == 0) {
        d->error = errno != 0 ? errno : EIO;
    }
    rc = d->error != 0 ? -1 : 0;
    if (rc != 0 && err != NULL) {
        snprintf(err, errlen, "filter-dump: writing '%s': %s", d->path,
                 strerror(d->error));
    }
    free(d->path);
    free(d);
    return rc;
}

uint64_t net_dump_frames(const NetDump *d)
{
    return d != NULL ? d->frames : 0;
}

int net_dump_error(const NetDump *d)
{
    return d != NULL ? d->error : 0;
}
