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
    if (len >= 4 && memcmp(f, "\177ELF", 4) == 0) {
        uint32_t phoff;
        unsigned phentsize, phnum, i;
        if (len < 52) {
            snprintf(err, errlen, "BIOS image '%s': truncated ELF header",
                     path);
            goto fail;
        }
        phoff = be32(f + 28);
        phentsize = be16(f + 42);
        phnum = be16(f + 44);
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

/* ---- kernels ---- */

#include <zlib.h>

#define KERNEL_LOAD_ADDR 0x4000u
#define KERNEL_VBASE 0xf0000000u
/* SPARC a.out magic numbers (<a.out.h>): machine type 3 (SPARC) */
#define AOUT_OMAGIC 0x01030107u
#define AOUT_NMAGIC 0x01030108u
#define AOUT_ZMAGIC 0x0103010bu

uint8_t *load_file_gz(const char *path, size_t max_len, size_t *len,
                      const char *what, char *err, size_t errlen)
{
    size_t raw_len, cap = 1 << 20, got = 0;
    uint8_t *raw = load_file(path, max_len, &raw_len, what, err, errlen);
    uint8_t *out;
    z_stream z;
    int zr;

    if (!raw) {
        return NULL;
    }
    if (raw_len < 2 || raw[0] != 0x1f || raw[1] != 0x8b) {
        *len = raw_len;
        return raw;
    }
    memset(&z, 0, sizeof(z));
    if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) {
        snprintf(err, errlen, "cannot decompress %s '%s'", what, path);
        free(raw);
        return NULL;
    }
    out = malloc(cap);
    z.next_in = raw;
    z.avail_in = (uInt)raw_len;
    for (;;) {
        if (!out) {
            snprintf(err, errlen, "out of memory decompressing %s '%s'",
                     what, path);
            break;
        }
        z.next_out = out + got;
        z.avail_out = (uInt)(cap - got);
        zr = inflate(&z, Z_NO_FLUSH);
        got = cap - z.avail_out;
        if (zr == Z_STREAM_END) {
            inflateEnd(&z);
            free(raw);
            *len = got;
            return out;
        }
        if (zr != Z_OK && zr != Z_BUF_ERROR) {
            snprintf(err, errlen, "%s '%s': corrupt gzip data", what, path);
            break;
        }
        if (z.avail_out == 0) {
            uint8_t *n;
            if (cap >= max_len) {
                snprintf(err, errlen, "%s '%s' is too large once "
                         "decompressed (more than %zu bytes)", what, path,
                         max_len);
                break;
            }
            cap *= 2;
            n = realloc(out, cap);
            if (!n) {
                free(out);
                out = NULL;
                continue;
            }
            out = n;
        } else if (z.avail_in == 0) {
            snprintf(err, errlen, "%s '%s': truncated gzip data", what, path);
            break;
        }
    }
    inflateEnd(&z);
    free(out);
    free(raw);
    return NULL;
}

long kernel_load(const char *path, uint8_t *ram, uint64_t ram_limit,
                 char *err, size_t errlen)
{
    size_t len;
    uint8_t *f = load_file_gz(path, 256u << 20, &len, "kernel", err, errlen);
    long placed = 0;

    if (!f) {
        return -1;
    }
    if (len >= 4 && memcmp(f, "\177ELF", 4) == 0) {
        uint32_t phoff;
        unsigned phentsize, phnum, i;
        if (len < 52) {
            snprintf(err, errlen, "kernel '%s': truncated ELF header", path);
            goto fail;
        }
        phoff = be32(f + 28);
        phentsize = be16(f + 42);
        phnum = be16(f + 44);
        if (f[4] != 1 || f[5] != 2 || be16(f + 18) != EM_SPARC) {
            snprintf(err, errlen, "kernel '%s' is an ELF file but not "
                     "32-bit big-endian SPARC (a sparc64 kernel?)", path);
            goto fail;
        }
        if (phentsize < 32 || phoff > len ||
            (uint64_t)phnum * phentsize > len - phoff) {
            snprintf(err, errlen, "kernel '%s': malformed program headers",
                     path);
            goto fail;
        }
        for (i = 0; i < phnum; i++) {
            const uint8_t *ph = f + phoff + (size_t)i * phentsize;
            uint32_t off = be32(ph + 4), vaddr = be32(ph + 8);
            uint32_t filesz = be32(ph + 16), memsz = be32(ph + 20);
            uint64_t pa = (uint32_t)(vaddr - KERNEL_VBASE);
            if (be32(ph) != PT_LOAD || memsz == 0) {
                continue;
            }
            if (off > len || filesz > len - off || filesz > memsz) {
                snprintf(err, errlen, "kernel '%s': segment %u lies outside "
                         "the file", path, i);
                goto fail;
            }
            if (pa + memsz > ram_limit) {
                snprintf(err, errlen, "kernel '%s': segment %u (0x%08x, "
                         "%u bytes) does not fit in guest RAM below 0x%llx",
                         path, i, vaddr, memsz,
                         (unsigned long long)ram_limit);
                goto fail;
            }
            memcpy(ram + pa, f + off, filesz);
            memset(ram + pa + filesz, 0, memsz - filesz);
            if ((long)(pa + memsz) > placed) {
                placed = (long)(pa + memsz);
            }
        }
        if (placed == 0) {
            snprintf(err, errlen, "kernel '%s': no loadable segment", path);
            goto fail;
        }
        placed -= KERNEL_LOAD_ADDR;
    } else if (len >= 32 && (be32(f) == AOUT_OMAGIC ||
                             be32(f) == AOUT_NMAGIC ||
                             be32(f) == AOUT_ZMAGIC)) {
        /* a.out: header, text, data; bss follows */
        uint32_t text = be32(f + 4), data = be32(f + 8), bss = be32(f + 12);
        uint64_t body = (uint64_t)text + data;
        if (body > len - 32) {
            snprintf(err, errlen, "kernel '%s': truncated a.out image", path);
            goto fail;
        }
        if (KERNEL_LOAD_ADDR + body + bss > ram_limit) {
            snprintf(err, errlen, "kernel '%s' is too large for guest RAM "
                     "below 0x%llx", path, (unsigned long long)ram_limit);
            goto fail;
        }
        memcpy(ram + KERNEL_LOAD_ADDR, f + 32, body);
        memset(ram + KERNEL_LOAD_ADDR + body, 0, bss);
        placed = (long)(body + bss);
    } else {
        if (KERNEL_LOAD_ADDR + len > ram_limit) {
            snprintf(err, errlen, "kernel '%s' is too large for guest RAM "
                     "below 0x%llx", path, (unsigned long long)ram_limit);
            goto fail;
        }
        memcpy(ram + KERNEL_LOAD_ADDR, f, len);
        placed = (long)len;
    }
    free(f);
    return placed;
fail:
    free(f);
    return -1;
}
