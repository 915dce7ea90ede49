/*
 * QEMU's firmware configuration device (fw_cfg), memory-mapped variant
 * with a 1-byte data register and no DMA, as on QEMU's sun4m: OpenBIOS
 * learns the RAM size, machine id, kernel/initrd/command line and display
 * from it.  Not a Sun chip: it exists so the QEMU build of OpenBIOS runs
 * unmodified.
 * Sources: QEMU hw/nvram/fw_cfg.c, include/standard-headers/linux/
 * qemu_fw_cfg.h, hw/sparc/sun4m.c (sun4m_hw_init); OpenBIOS
 * arch/sparc32/entry.S, openbios.c; hw/README.md §fw_cfg keys.
 */
#ifndef HW_FW_CFG_H
#define HW_FW_CFG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hw/core/bus.h"
#include "hw/core/devctx.h"

/* Selector keys (QEMU FW_CFG_*) */
#define FW_CFG_SIGNATURE 0x00       /* "QEMU" */
#define FW_CFG_ID 0x01              /* u32 feature bits: 1 = traditional */
#define FW_CFG_UUID 0x02            /* 16 bytes */
#define FW_CFG_RAM_SIZE 0x03        /* u64 */
#define FW_CFG_NOGRAPHIC 0x04       /* u16 */
#define FW_CFG_NB_CPUS 0x05         /* u16 */
#define FW_CFG_MACHINE_ID 0x06      /* u16 */
#define FW_CFG_KERNEL_ADDR 0x07     /* u32 */
#define FW_CFG_KERNEL_SIZE 0x08     /* u32 */
#define FW_CFG_KERNEL_CMDLINE 0x09  /* u32: guest address of the string */
#define FW_CFG_INITRD_ADDR 0x0a     /* u32 */
#define FW_CFG_INITRD_SIZE 0x0b     /* u32 */
#define FW_CFG_BOOT_DEVICE 0x0c     /* u16: first -boot letter */
#define FW_CFG_NUMA 0x0d
#define FW_CFG_BOOT_MENU 0x0e       /* u16 */
#define FW_CFG_MAX_CPUS 0x0f        /* u16 */
#define FW_CFG_CMDLINE_SIZE 0x14    /* u32, NUL included */
#define FW_CFG_CMDLINE_DATA 0x15    /* the string, NUL-terminated */
#define FW_CFG_FILE_DIR 0x19        /* directory of named items */
#define FW_CFG_FILE_FIRST 0x20      /* first key of a named item */
#define FW_CFG_FILE_SLOTS 0x20      /* QEMU's default "x-file-slots" */
#define FW_CFG_WRITE_CHANNEL 0x4000 /* ignored when selecting */
#define FW_CFG_ARCH_LOCAL 0x8000    /* architecture-specific keys */
#define FW_CFG_ENTRY_MASK 0x3fff
#define FW_CFG_MAX_ENTRY (FW_CFG_FILE_FIRST + FW_CFG_FILE_SLOTS)

/* sun4m architecture keys (QEMU hw/sparc/sun4m.c) */
#define FW_CFG_SUN4M_DEPTH (FW_CFG_ARCH_LOCAL + 0x00)
#define FW_CFG_SUN4M_WIDTH (FW_CFG_ARCH_LOCAL + 0x01)
#define FW_CFG_SUN4M_HEIGHT (FW_CFG_ARCH_LOCAL + 0x02)

/* Register layout: selector at +0 (16-bit write), data at +2 (8-bit) */
#define FW_CFG_CTL_OFF 0
#define FW_CFG_DATA_OFF 2
#define FW_CFG_REG_SIZE 3           /* selector (2 bytes) and data (1) */
#define FW_CFG_NAME_LEN 56          /* a file directory name field */

/* Guest addresses QEMU's sun4m uses for a preloaded kernel */
#define FW_CFG_SUN4M_KERNEL_ADDR 0x4000u
#define FW_CFG_SUN4M_CMDLINE_ADDR 0x7ff000u
#define FW_CFG_SUN4M_INITRD_ADDR 0x800000u

typedef struct FwCfgEntry {
    uint8_t *data;                  /* owned copy; NULL: no item */
    uint32_t len;
} FwCfgEntry;

typedef struct FwCfg {
    DevCtx ctx;
    FwCfgEntry entries[2][FW_CFG_MAX_ENTRY];  /* [arch][key & mask] */
    bool cur_valid;                 /* false: the selected key is unknown */
    uint16_t cur_key;
    uint32_t cur_offset;            /* next data byte of the item */
    unsigned n_files;
    char file_names[FW_CFG_FILE_SLOTS][FW_CFG_NAME_LEN];
} FwCfg;

/* What the sun4m board publishes (QEMU 7.2 sun4m_hw_init) */
typedef struct FwCfgSun4m {
    uint64_t ram_size;
    uint16_t nb_cpus, max_cpus;
    uint16_t machine_id;            /* 32 = SS-5 (hw/README.md §fw_cfg keys) */
    bool nographic;
    uint32_t kernel_size;           /* 0: no -kernel */
    /* -append; NULL counts as "" (QEMU 7.2 always has a command line,
     * so KERNEL_CMDLINE always holds 0x7ff000).  The board must also
     * copy the string into guest RAM at FW_CFG_SUN4M_CMDLINE_ADDR. */
    const char *cmdline;
    uint32_t initrd_size;
    char boot_device;               /* first -boot letter, 'c' default */
    uint16_t depth, width, height;  /* 8 or 24, 1024, 768 */
    const uint8_t *uuid;            /* 16 bytes, NULL: all zero */
} FwCfgSun4m;

/*
 * Empty device with the items QEMU's fw_cfg itself provides: signature,
 * ID 1 (no DMA), zero UUID, BOOT_MENU 0, and the file directory with
 * "bios-geometry" and "bootorder" (empty) and "etc/boot-fail-wait"
 * (u32 0xffffffff).  Returns -ENOMEM on allocation failure.
 */
int fw_cfg_init(FwCfg *s);
void fw_cfg_free(FwCfg *s);
/* Select key 0, as a machine reset does. */
void fw_cfg_reset(FwCfg *s);
/* Map the selector at ctx->base and the data register at +2. */
void fw_cfg_map(FwCfg *s, const DevCtx *ctx);

/*
 * Add or replace an item; the data is copied.  Integers are stored
 * little-endian, as QEMU does; a string gets its NUL.  Return 0, -EINVAL
 * for a key outside the table, -ENOMEM.
 */
int fw_cfg_add_bytes(FwCfg *s, uint16_t key, const void *data, size_t len);
int fw_cfg_add_i16(FwCfg *s, uint16_t key, uint16_t v);
int fw_cfg_add_i32(FwCfg *s, uint16_t key, uint32_t v);
int fw_cfg_add_i64(FwCfg *s, uint16_t key, uint64_t v);
int fw_cfg_add_string(FwCfg *s, uint16_t key, const char *str);
/*
 * Add or replace a named item in the file directory (kept sorted by name,
 * keys renumbered from FW_CFG_FILE_FIRST, as QEMU does for machines
 * without the legacy order).  -ENOSPC when all slots are used.
 */
int fw_cfg_add_file(FwCfg *s, const char *name, const void *data,
                    size_t len);
/* Every item QEMU 7.2's sun4m adds (hw/README.md §fw_cfg keys). */
int fw_cfg_add_sun4m(FwCfg *s, const FwCfgSun4m *c);

/* Register-level access (for the board and for tests) */
void fw_cfg_select(FwCfg *s, uint16_t key);
uint8_t fw_cfg_read_data(FwCfg *s);

extern const MmioOps fw_cfg_ctl_ops, fw_cfg_data_ops;

#endif
