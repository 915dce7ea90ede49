/*
 * QEMU fw_cfg, "fw_cfg_mem" flavour with data width 1 and DMA off.
 *
 * Accesses QEMU 7.2 accepts (hw/nvram/fw_cfg.c, valid.accepts hooks):
 *   selector: 16-bit writes only.  A read, or a write of another width,
 *             is rejected by the memory core: the CPU sees a bus error.
 *   data:     8-bit reads and writes only; a write is accepted and does
 *             nothing (write support went away in QEMU 2.4).
 * Selecting a key rewinds the item; reading past its end, or reading an
 * unknown key, gives 0.  Keys are [ARCH_LOCAL][key & ENTRY_MASK]: the
 * WRITE_CHANNEL bit is ignored.
 */
#include "hw/chips/fw_cfg.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* File directory: u32 count, then per slot {u32 size, u16 select,
 * u16 reserved, char name[56]}, all big-endian. */
#define FILE_ENTRY_LEN 64
#define FILE_DIR_LEN (4 + FILE_ENTRY_LEN * FW_CFG_FILE_SLOTS)

static FwCfgEntry *entry_of(FwCfg *s, uint16_t key)
{
    unsigned idx = key & FW_CFG_ENTRY_MASK;

    if (idx >= FW_CFG_MAX_ENTRY) {
        return NULL;
    }
    return &s->entries[(key & FW_CFG_ARCH_LOCAL) ? 1 : 0][idx];
}

static void put_le(uint8_t *p, uint64_t v, unsigned n)
{
    unsigned i;

    for (i = 0; i < n; i++) {
        p[i] = (uint8_t)(v >> (8 * i));
    }
}

int fw_cfg_add_bytes(FwCfg *s, uint16_t key, const void *data, size_t len)
{
    FwCfgEntry *e = entry_of(s, key);
    uint8_t *copy;

    if (!e || len >= UINT32_MAX) {
        return -EINVAL;
    }
    /* a zero-length item still exists (QEMU's empty "bootorder") */
    copy = malloc(len ? len : 1);
    if (!copy) {
        return -ENOMEM;
    }
    if (len) {
        memcpy(copy, data, len);
    }
    free(e->data);
    e->data = copy;
    e->len = (uint32_t)len;
    return 0;
}

int fw_cfg_add_i16(FwCfg *s, uint16_t key, uint16_t v)
{
    uint8_t b[2];

    put_le(b, v, sizeof(b));
    return fw_cfg_add_bytes(s, key, b, sizeof(b));
}

int fw_cfg_add_i32(FwCfg *s, uint16_t key, uint32_t v)
{
    uint8_t b[4];

    put_le(b, v, sizeof(b));
    return fw_cfg_add_bytes(s, key, b, sizeof(b));
}

int fw_cfg_add_i64(FwCfg *s, uint16_t key, uint64_t v)
{
    uint8_t b[8];

    put_le(b, v, sizeof(b));
    return fw_cfg_add_bytes(s, key, b, sizeof(b));
}

int fw_cfg_add_string(FwCfg *s, uint16_t key, const char *str)
{
    return fw_cfg_add_bytes(s, key, str, strlen(str) + 1);
}

/* Rebuild the FILE_DIR item from the names and the file entries. */
static int file_dir_update(FwCfg *s)
{
    uint8_t *dir = calloc(1, FILE_DIR_LEN);
    unsigned i;
    int ret;

    if (!dir) {
        return -ENOMEM;
    }
    bus_st_be32(dir, s->n_files);
    for (i = 0; i < s->n_files; i++) {
        uint8_t *f = dir + 4 + i * FILE_ENTRY_LEN;
        unsigned key = FW_CFG_FILE_FIRST + i;
        bus_st_be32(f, s->entries[0][key].len);
        f[4] = (uint8_t)(key >> 8);
        f[5] = (uint8_t)key;
        memcpy(f + 8, s->file_names[i], FW_CFG_NAME_LEN);
    }
    ret = fw_cfg_add_bytes(s, FW_CFG_FILE_DIR, dir, FILE_DIR_LEN);
    free(dir);
    return ret;
}

int fw_cfg_add_file(FwCfg *s, const char *name, const void *data,
                    size_t len)
{
    char nm[FW_CFG_NAME_LEN] = { 0 };
    unsigned i, pos;
    int ret;

    strncpy(nm, name, FW_CFG_NAME_LEN - 1);
    for (i = 0; i < s->n_files; i++) {
        if (!strcmp(s->file_names[i], nm)) {
            ret = fw_cfg_add_bytes(s, FW_CFG_FILE_FIRST + i, data, len);
            return ret ? ret : file_dir_update(s);
        }
    }
    if (s->n_files == FW_CFG_FILE_SLOTS) {
        return -ENOSPC;
    }
    /* sorted by name: later files move up one key */
    for (pos = s->n_files; pos > 0 && strcmp(nm, s->file_names[pos - 1]) < 0;
         pos--) {
        memcpy(s->file_names[pos], s->file_names[pos - 1], FW_CFG_NAME_LEN);
        s->entries[0][FW_CFG_FILE_FIRST + pos] =
            s->entries[0][FW_CFG_FILE_FIRST + pos - 1];
    }
    memcpy(s->file_names[pos], nm, FW_CFG_NAME_LEN);
    s->entries[0][FW_CFG_FILE_FIRST + pos] = (FwCfgEntry){ NULL, 0 };
    s->n_files++;
    ret = fw_cfg_add_bytes(s, FW_CFG_FILE_FIRST + pos, data, len);
    return ret ? ret : file_dir_update(s);
}

void fw_cfg_select(FwCfg *s, uint16_t key)
{
    s->cur_offset = 0;
    s->cur_key = key;
    s->cur_valid = entry_of(s, key) != NULL;
}

uint8_t fw_cfg_read_data(FwCfg *s)
{
    FwCfgEntry *e;

    if (!s->cur_valid) {
        return 0;
    }
    e = entry_of(s, s->cur_key);
    if (!e->data || s->cur_offset >= e->len) {
        return 0;
    }
    return e->data[s->cur_offset++];
}

void fw_cfg_reset(FwCfg *s)
{
    fw_cfg_select(s, FW_CFG_SIGNATURE);
}

int fw_cfg_init(FwCfg *s)
{
    static const uint8_t zero_uuid[16];
    static const uint8_t no_reboot_timeout[4] = { 0xff, 0xff, 0xff, 0xff };
    int ret = 0;

    memset(s, 0, sizeof(*s));
    ret |= fw_cfg_add_bytes(s, FW_CFG_SIGNATURE, "QEMU", 4);
    ret |= fw_cfg_add_bytes(s, FW_CFG_UUID, zero_uuid, sizeof(zero_uuid));
    ret |= fw_cfg_add_i16(s, FW_CFG_BOOT_MENU, 0);
    ret |= fw_cfg_add_i32(s, FW_CFG_ID, 1);
    /* -reboot-timeout default -1; the two empty files come from
     * fw_cfg_machine_reset (no bootindex devices, no disk geometry) */
    ret |= fw_cfg_add_file(s, "etc/boot-fail-wait", no_reboot_timeout,
                           sizeof(no_reboot_timeout));
    ret |= fw_cfg_add_file(s, "bootorder", NULL, 0);
    ret |= fw_cfg_add_file(s, "bios-geometry", NULL, 0);
    fw_cfg_reset(s);
    if (ret) {
        fw_cfg_free(s);
        return -ENOMEM;
    }
    return 0;
}

void fw_cfg_free(FwCfg *s)
{
    unsigned a, i;

    for (a = 0; a < 2; a++) {
        for (i = 0; i < FW_CFG_MAX_ENTRY; i++) {
            free(s->entries[a][i].data);
            s->entries[a][i] = (FwCfgEntry){ NULL, 0 };
        }
    }
    s->n_files = 0;
    s->cur_valid = false;
}

int fw_cfg_add_sun4m(FwCfg *s, const FwCfgSun4m *c)
{
    const char *cmdline = c->cmdline ? c->cmdline : "";
    int ret = 0;

    ret |= fw_cfg_add_i16(s, FW_CFG_NOGRAPHIC, c->nographic ? 1 : 0);
    if (c->uuid) {
        ret |= fw_cfg_add_bytes(s, FW_CFG_UUID, c->uuid, 16);
    }
    ret |= fw_cfg_add_i16(s, FW_CFG_NB_CPUS, c->nb_cpus);
    ret |= fw_cfg_add_i16(s, FW_CFG_MAX_CPUS, c->max_cpus);
    ret |= fw_cfg_add_i64(s, FW_CFG_RAM_SIZE, c->ram_size);
    ret |= fw_cfg_add_i16(s, FW_CFG_MACHINE_ID, c->machine_id);
    ret |= fw_cfg_add_i16(s, FW_CFG_SUN4M_DEPTH, c->depth);
    ret |= fw_cfg_add_i16(s, FW_CFG_SUN4M_WIDTH, c->width);
    ret |= fw_cfg_add_i16(s, FW_CFG_SUN4M_HEIGHT, c->height);
    ret |= fw_cfg_add_i32(s, FW_CFG_KERNEL_ADDR, FW_CFG_SUN4M_KERNEL_ADDR);
    ret |= fw_cfg_add_i32(s, FW_CFG_KERNEL_SIZE, c->kernel_size);
    ret |= fw_cfg_add_i32(s, FW_CFG_KERNEL_CMDLINE,
                          FW_CFG_SUN4M_CMDLINE_ADDR);
    ret |= fw_cfg_add_string(s, FW_CFG_CMDLINE_DATA, cmdline);
    ret |= fw_cfg_add_i32(s, FW_CFG_CMDLINE_SIZE,
                          (uint32_t)strlen(cmdline) + 1);
    ret |= fw_cfg_add_i32(s, FW_CFG_INITRD_ADDR, FW_CFG_SUN4M_INITRD_ADDR);
    ret |= fw_cfg_add_i32(s, FW_CFG_INITRD_SIZE, c->initrd_size);
    ret |= fw_cfg_add_i16(s, FW_CFG_BOOT_DEVICE,
                          (uint8_t)(c->boot_device ? c->boot_device : 'c'));
    return ret ? -ENOMEM : 0;
}

/* ---- MMIO ---- */

static BusStatus ctl_read(void *opaque, uint32_t off, unsigned size,
                          uint32_t *val)
{
    (void)opaque;
    (void)off;
    (void)size;
    *val = 0;
    return BUS_ERR_SIZE;            /* QEMU: reads are not accepted */
}

static BusStatus ctl_write(void *opaque, uint32_t off, unsigned size,
                           uint32_t val)
{
    FwCfg *s = opaque;
    (void)off;
    (void)size;
    dev_trace(&s->ctx, "select key 0x%04x", (unsigned)(uint16_t)val);
    fw_cfg_select(s, (uint16_t)val);
    return BUS_OK;
}

static BusStatus data_read(void *opaque, uint32_t off, unsigned size,
                           uint32_t *val)
{
    (void)off;
    (void)size;
    *val = fw_cfg_read_data(opaque);
    return BUS_OK;
}

static BusStatus data_write(void *opaque, uint32_t off, unsigned size,
                            uint32_t val)
{
    FwCfg *s = opaque;
    (void)off;
    (void)size;
    /* QEMU accepts and drops it; firmware has no reason to write here */
    guest_error(&s->ctx, "write 0x%02x to the read-only data port",
                (unsigned)(uint8_t)val);
    return BUS_OK;                  /* accepted, ignored */
}

/* not "stable": every data read moves to the next byte */
const MmioOps fw_cfg_ctl_ops = {
    .read = ctl_read,
    .write = ctl_write,
    .min_size = 2,
    .max_size = 2,
};
const MmioOps fw_cfg_data_ops = {
    .read = data_read,
    .write = data_write,
    .min_size = 1,
    .max_size = 1,
};

void fw_cfg_map(FwCfg *s, const DevCtx *ctx)
{
    s->ctx = *ctx;
    dev_map(ctx, FW_CFG_CTL_OFF, 2, &fw_cfg_ctl_ops, s, "fw_cfg-ctl");
    dev_map(ctx, FW_CFG_DATA_OFF, 1, &fw_cfg_data_ops, s, "fw_cfg-data");
}
