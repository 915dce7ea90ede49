/*
 * Image loading.  Every failure is a one-line message naming the file and
 * the problem; nothing here may crash on a malformed file.
 */
#include "loader.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

uint8_t *load_file(const char *path, size_t max_len, size_t *len,
                   const char *what, char *err, size_t errlen)
{
    struct stat st;
    uint8_t *buf;
    size_t got = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);

    if (fd < 0) {
        snprintf(err, errlen, "cannot open %s '%s': %s", what, path,
                 strerror(errno));
        return NULL;
    }
    if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
        snprintf(err, errlen, "%s '%s' is not a regular file", what, path);
        close(fd);
        return NULL;
    }
    if (st.st_size == 0) {
        snprintf(err, errlen, "%s '%s' is empty", what, path);
        close(fd);
        return NULL;
    }
    if ((uint64_t)st.st_size > max_len) {
        snprintf(err, errlen, "%s '%s' is too large (%lld bytes, at most %zu)",
                 what, path, (long long)st.st_size, max_len);
        close(fd);
        return NULL;
    }
    buf = malloc((size_t)st.st_size);
    if (!buf) {
        snprintf(err, errlen, "out of memory reading %s '%s'", what, path);
        close(fd);
        return NULL;
    }
    while (got < (size_t)st.st_size) {
        ssize_t n = read(fd, buf + got, (size_t)st.st_size - got);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            snprintf(err, errlen, "cannot read %s '%s': %s", what, path,
                     n < 0 ? strerror(errno) : "unexpected end of file");
            free(buf);
            close(fd);
            return NULL;
        }
        got += (size_t)n;
    }
    close(fd);
    *len = got;
    return buf;
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

#define EM_SPARC 2
#define PT_LOAD 1

long rom_load(const char *path, uint8_t *rom, size_t rom_size,
              uint32_t elf_vbase, char *err, size_t errlen)
{
    size_t len;
    /* an ELF PROM may be larger on disk than the PROM (symbols) */
    uint8_t *f = load_file(path, 64u << 20, &len, "BIOS image", err, errlen);
    long loaded = 0;

    if (!f) {
        return -1;
    }
    if (len >= 52 && memcmp(f, "\177ELF", 4) == 0) {
        uint32_t phoff = be32(f + 28);
        unsigned phentsize = be16(f + 42), phnum = be16(f + 44), i;
        if (f[4] != 1 || f[5] != 2 || be16(f + 18) != EM_SPARC) {
            snprintf(err, errlen, "BIOS image '%s' is an ELF file but not "
                     "32-bit big-endian SPARC", path);
            goto fail;
        }
        if (phentsize < 32 || phoff > len ||
            (uint64_t)phnum * phentsize > len - phoff) {
            snprintf(err, errlen, "BIOS image '%s': malformed program "
                     "headers", path);
            goto fail;
        }
        for (i = 0; i < phnum; i++) {
            const uint8_t *ph = f + phoff + (size_t)i * phentsize;
            uint32_t off = be32(ph + 4), vaddr = be32(ph + 8);
            uint32_t filesz = be32(ph + 16);
            uint32_t dst = vaddr - elf_vbase;
            if (be32(ph) != PT_LOAD || filesz == 0) {
                continue;
            }
            if (off > len || filesz > len - off) {
                snprintf(err, errlen, "BIOS image '%s': segment %u lies "
                         "outside the file", path, i);
                goto fail;
            }
            if (dst >= rom_size || filesz > rom_size - dst) {
                snprintf(err, errlen, "BIOS image '%s': segment %u at "
                         "0x%08x does not fit the %zu KB PROM", path, i,
                         vaddr, rom_size >> 10);
                goto fail;
            }
            memcpy(rom + dst, f + off, filesz);
            loaded += filesz;
        }
        if (loaded == 0) {
            snprintf(err, errlen, "BIOS image '%s': no loadable segment",
                     path);
            goto fail;
        }
    } else {
        if (len > rom_size) {
            snprintf(err, errlen, "BIOS image '%s' is too large (%zu bytes, "
                     "the PROM holds %zu)", path, len, rom_size);
            goto fail;
        }
        memcpy(rom, f, len);
        loaded = (long)len;
    }
    free(f);
    return loaded;
fail:
    free(f);
    return -1;
}
