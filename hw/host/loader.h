/*
 * Loading guest images from host files: the boot PROM (raw or ELF).
 */
#ifndef HW_LOADER_H
#define HW_LOADER_H

#include <stddef.h>
#include <stdint.h>

/*
 * Read the file at path into a host buffer (malloc'd, *len set).  Returns
 * NULL with a one-line reason in err on failure: missing, unreadable,
 * a directory, empty, or larger than max_len.
 */
uint8_t *load_file(const char *path, size_t max_len, size_t *len,
                   const char *what, char *err, size_t errlen);

/*
 * Load a PROM image into rom (rom_size bytes).  An ELF32 big-endian SPARC
 * file is placed by its program headers, each segment at offset
 * (p_vaddr - elf_vbase) as QEMU does for sun4m PROMs (linked at
 * 0xffd00000); anything else is a raw image placed at offset 0.
 * Returns the number of bytes loaded, or -1 with err set.
 */
long rom_load(const char *path, uint8_t *rom, size_t rom_size,
              uint32_t elf_vbase, char *err, size_t errlen);

#endif

/*
 * Load a Linux kernel into guest RAM the way QEMU's sun4m does
 * (hw/sparc/sun4m.c sun4m_load_kernel): an ELF32 SPARC image at
 * PA = p_vaddr - 0xf0000000 (a vmlinux linked at 0xf0004000 lands at
 * 0x4000), else a SPARC a.out image at 0x4000, else a raw image at 0x4000.
 * The file may be gzip-compressed.  ram_limit is the highest RAM address
 * the kernel may reach.  Returns the number of bytes placed, -1 on error.
 */
long kernel_load(const char *path, uint8_t *ram, uint64_t ram_limit,
                 char *err, size_t errlen);

/* Read a whole, possibly gzip-compressed, file (at most max_len bytes once
 * decompressed).  NULL with err set on failure. */
uint8_t *load_file_gz(const char *path, size_t max_len, size_t *len,
                      const char *what, char *err, size_t errlen);
