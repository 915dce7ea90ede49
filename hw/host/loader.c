/*
 * Image loading.  Every failure is a one-line message naming the file and
 * the problem; nothing here may crash on a malformed file.
 */
#include "hw/host/loader.h"

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

/* One PT_LOAD segment, already checked to lie inside the file. */
typedef struct ElfSeg {
    unsigned index;
    uint32_t off, vaddr, filesz, memsz;
} ElfSeg;

typedef int ElfPlaceFn(void *ctx, const uint8_t *file, const ElfSeg *seg,
                       char *err, size_t errlen);

/*
 * If f is an ELF file: check it is a 32-bit big-endian SPARC executable
 * with sane program headers and hand every PT_LOAD segment to place().
 * Returns 1 when it was ELF and all went well, 0 when it is not ELF at
 * all, -1 with err set otherwise.
 */
static int elf_load(const uint8_t *f, size_t len, const char *what,
                    const char *path, ElfPlaceFn *place, void *ctx,
                    char *err, size_t errlen)
{
    uint32_t phoff;
    unsigned phentsize, phnum, i, placed = 0;

    if (len < 4 || memcmp(f, "\177ELF", 4) != 0) {
        return 0;
    }
    if (len < 52) {
        snprintf(err, errlen, "%s '%s': truncated ELF header", what, path);
        return -1;
    }
    if (f[4] != 1 || f[5] != 2 || be16(f + 18) != EM_SPARC) {
        snprintf(err, errlen, "%s '%s' is an ELF file but not 32-bit "
                 "big-endian SPARC", what, path);
        return -1;
    }
    phoff = be32(f + 28);
    phentsize = be16(f + 42);
    phnum = be16(f + 44);
    if (phentsize < 32 || phoff > len ||
        (uint64_t)phnum * phentsize > len - phoff) {
        snprintf(err, errlen, "%s '%s': malformed program headers", what,
                 path);
        return -1;
    }
    for (i = 0; i < phnum; i++) {
        const uint8_t *ph = f + phoff + (size_t)i * phentsize;
        ElfSeg seg = {
            .index = i, .off = be32(ph + 4), .vaddr = be32(ph + 8),
            .filesz = be32(ph + 16), .memsz = be32(ph + 20),
        };
        if (be32(ph) != PT_LOAD || seg.memsz == 0) {
            continue;
        }
        if (seg.off > len || seg.filesz > len - seg.off ||
            seg.filesz > seg.memsz) {
            snprintf(err, errlen, "%s '%s': segment %u lies outside the "
                     "file", what, path, i);
            return -1;
        }
        if (place(ctx, f, &seg, err, errlen) < 0) {
            return -1;
        }
        placed++;
    }
    if (placed == 0) {
        snprintf(err, errlen, "%s '%s': no loadable segment", what, path);
        return -1;
    }
    return 1;
}

typedef struct RomPlace {
    const char *path;
    uint8_t *rom;
    size_t rom_size;
    uint32_t vbase;
    long loaded;
} RomPlace;

/* A PROM segment goes at (vaddr - vbase); only its file part matters. */
static int rom_place(void *ctx, const uint8_t *f, const ElfSeg *seg,
                     char *err, size_t errlen)
{
    RomPlace *p = ctx;
    uint32_t dst = seg->vaddr - p->vbase;
    if (dst >= p->rom_size || seg->filesz > p->rom_size - dst) {
        snprintf(err, errlen, "BIOS image '%s': segment %u at 0x%08x does "
                 "not fit the %zu KB PROM", p->path, seg->index, seg->vaddr,
                 p->rom_size >> 10);
        return -1;
    }
    memcpy(p->rom + dst, f + seg->off, seg->filesz);
    p->loaded += seg->filesz;
    return 0;
}

long rom_load(const char *path, uint8_t *rom, size_t rom_size,
              uint32_t elf_vbase, char *err, size_t errlen)
{
    RomPlace rp = { path, rom, rom_size, elf_vbase, 0 };
    size_t len;
    int elf;
    /* an ELF PROM may be larger on disk than the PROM (symbols) */
    uint8_t *f = load_file(path, 64u << 20, &len, "BIOS image", err, errlen);

    if (!f) {
        return -1;
    }
    elf = elf_load(f, len, "BIOS image", path, rom_place, &rp, err, errlen);
    if (elf == 0) {
        if (len > rom_size) {
            snprintf(err, errlen, "BIOS image '%s' is too large (%zu bytes, "
                     "the PROM holds %zu)", path, len, rom_size);
            elf = -1;
        } else {
            memcpy(rom, f, len);
            rp.loaded = (long)len;
        }
    }
    free(f);
    return elf < 0 ? -1 : rp.loaded;
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

typedef struct KernelPlace {
    const char *path;
    uint8_t *ram;
    uint64_t ram_limit;
    uint64_t end;                   /* highest byte placed + 1 */
} KernelPlace;

/* A kernel segment goes at PA = vaddr - 0xf0000000, its bss cleared. */
static int kernel_place(void *ctx, const uint8_t *f, const ElfSeg *seg,
                        char *err, size_t errlen)
{
    KernelPlace *p = ctx;
    uint64_t pa = (uint32_t)(seg->vaddr - KERNEL_VBASE);
    if (pa + seg->memsz > p->ram_limit) {
        snprintf(err, errlen, "kernel '%s': segment %u (0x%08x, %u bytes) "
                 "does not fit in guest RAM below 0x%llx", p->path,
                 seg->index, seg->vaddr, seg->memsz,
                 (unsigned long long)p->ram_limit);
        return -1;
    }
    memcpy(p->ram + pa, f + seg->off, seg->filesz);
    memset(p->ram + pa + seg->filesz, 0, seg->memsz - seg->filesz);
    if (pa + seg->memsz > p->end) {
        p->end = pa + seg->memsz;
    }
    return 0;
}

long kernel_load(const char *path, uint8_t *ram, uint64_t ram_limit,
                 char *err, size_t errlen)
{
    KernelPlace kp = { path, ram, ram_limit, KERNEL_LOAD_ADDR };
    size_t len;
    uint8_t *f = load_file_gz(path, 256u << 20, &len, "kernel", err, errlen);
    long placed = 0;
    int elf;

    if (!f) {
        return -1;
    }
    elf = elf_load(f, len, "kernel", path, kernel_place, &kp, err, errlen);
    if (elf < 0) {
        goto fail;
    }
    if (elf) {
        placed = (long)(kp.end - KERNEL_LOAD_ADDR);
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
