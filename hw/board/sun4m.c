/*
 * sun4m board wiring and the machine loop.
 */
#include "hw/board/sun4m.h"
#include "hw/board/devtree.h"
#include "hw/board/profile.h"
#include "firmware/prom/dtblob.h"
#include "net/dump.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hw/host/loader.h"

/* Console input is polled every 100 us of virtual time: fast enough for a
 * typist at 9600 baud (~1 ms per byte), rare enough to cost nothing.
 * With a window open (MachineConfig.input_poll_us) every 5 ms: there idle
 * time passes in wall time, and an idle guest would otherwise wake the
 * host 10,000 times a second (host input waits in the chardev meanwhile,
 * and the ESCC takes it at its own pace). */
#define INPUT_POLL_US 100
/* Longest CPU slice between two host_poll calls, in virtual ms */
#define HOST_SLICE_MS 1

/* ---- trivial devices of the board (QEMU keeps these in sun4m.c) ---- */

/*
 * Empty slots: address ranges where the real board answers without a
 * device (RAM sockets above the installed RAM, aliases of the IOMMU): reads
 * return 0 and writes are ignored, no bus error (QEMU empty_slot_init).
 */
static BusStatus empty_read(void *s, uint32_t off, unsigned size,
                            uint32_t *val)
{
    *val = 0;
    return BUS_OK;
}

static BusStatus empty_write(void *s, uint32_t off, unsigned size,
                             uint32_t val)
{
    return BUS_OK;
}

static const MmioOps empty_slot_ops = {
    .read = empty_read, .write = empty_write, .min_size = 1, .max_size = 4,
};

/* ID register at 0x78000000: four ROM bytes (QEMU idreg_data). */
static BusStatus idreg_read(void *s, uint32_t off, unsigned size,
                            uint32_t *val)
{
    static const uint8_t idreg[4] = { 0xfe, 0x81, 0x01, 0x03 };
    uint32_t v = 0;
    unsigned i;
    for (i = 0; i < size; i++) {
        v = (v << 8) | idreg[(off + i) & 3];
    }
    *val = v;
    return BUS_OK;
}

/* The ID PROM cannot be written: the write is dropped. */
static BusStatus idreg_write(void *opaque, uint32_t off, unsigned size,
                             uint32_t val)
{
    Machine *m = opaque;
    guest_error(&m->board_dev[BD_IDREG], "write 0x%x to the read-only ID "
                "register +%u", val, off);
    return BUS_OK;
}

static const MmioOps idreg_ops = {
    .read = idreg_read, .write = idreg_write, .min_size = 1, .max_size = 4,
};

/* TCX AFX register at 0x6e000000: 4 bytes of plain storage. */
static BusStatus afx_read(void *opaque, uint32_t off, unsigned size,
                          uint32_t *val)
{
    const Machine *m = opaque;
    *val = m->afx >> (8 * (4 - size - off)) &
           (size == 4 ? 0xffffffffu : (1u << (8 * size)) - 1);
    return BUS_OK;
}

static BusStatus afx_write(void *opaque, uint32_t off, unsigned size,
                           uint32_t val)
{
    Machine *m = opaque;
    unsigned shift = 8 * (4 - size - off);
    uint32_t mask = (size == 4 ? 0xffffffffu : (1u << (8 * size)) - 1)
                    << shift;
    m->afx = (m->afx & ~mask) | ((val << shift) & mask);
    return BUS_OK;
}

static const MmioOps afx_ops = {
    .read = afx_read, .write = afx_write, .min_size = 1, .max_size = 4,
};

/*
 * APC power management (SBus slot 4, 0x6a000000).  Linux writes its idle
 * register (offset 0) to stop the CPU clock until the next interrupt
 * (arch/sparc/kernel/apc.c); QEMU halts on any byte write and reads 0.
 * SIMPLIFY: the fan and CPU power registers read 0 and ignore writes.
 */
static BusStatus apc_read(void *s, uint32_t off, unsigned size,
                          uint32_t *val)
{
    *val = 0;
    return BUS_OK;
}

static BusStatus apc_write(void *opaque, uint32_t off, unsigned size,
                           uint32_t val)
{
    Machine *m = opaque;
    dev_trace(&m->board_dev[BD_APC], "+0x%x <- 0x%02x%s", off, val,
              off == 0 ? " (idle)" : "");
    if (off == 0) {
        cpu_halt(&m->cpu);
    }
    return BUS_OK;
}

static const MmioOps apc_ops = {
    .read = apc_read, .write = apc_write, .min_size = 1, .max_size = 1,
};

void machine_request_exit(Machine *m, int code)
{
    m->quit = true;
    m->exit_code = code;
    m->cpu.stop = CPU_STOP_REQUEST;
    cpu_kick(&m->cpu);
}

static void board_reset_request(void *opaque)
{
    Machine *m = opaque;
    if (m->cfg.no_reboot) {
        /* -no-reboot: a guest reset ends the run successfully (QEMU) */
        machine_request_exit(m, 0);
        return;
    }
    /* done by the machine loop once the CPU has stopped: the CPU's
     * registers must not change under a running instruction */
    m->reset_pending = true;
    m->cpu.stop = CPU_STOP_REQUEST;
    cpu_kick(&m->cpu);
}

static void board_poweroff_request(void *opaque)
{
    machine_request_exit(opaque, 0);
}

static void input_poll(void *opaque)
{
    Machine *m = opaque;
    if (m->cfg.serial_a) {
        chardev_poll_input(m->cfg.serial_a);
        if (m->cfg.serial_a->quit_requested) {
            machine_request_exit(m, 0);
        }
    }
    if (m->cfg.serial_b) {
        chardev_poll_input(m->cfg.serial_b);
    }
    escc_input_ready(&m->escc_serial);
    ev_after(&m->events, &m->input_poll,
             m->cfg.cpu_hz / 1000000 *
             (m->cfg.input_poll_us ? m->cfg.input_poll_us : INPUT_POLL_US));
}

static void board_event_earliest(void *opaque, Cycles when)
{
    Machine *m = opaque;
    cpu_limit_to(&m->cpu, when);
}

static void board_cpu_level(void *opaque, int cpu, unsigned level)
{
    Machine *m = opaque;
    (void)cpu;
    cpu_set_irq_level(&m->cpu, level);
}

/*
 * -kernel/-initrd/-append, placed as QEMU's sun4m does
 * (hw/README.md §Boot): the kernel at its link address less
 * 0xf0000000, the initrd at 8 MB with its address and size patched into the
 * kernel's "HdrS" header, the command line at 0x7ff000.
 */
static int board_load_kernel(Machine *m, FwCfgSun4m *fc, char *err,
                             size_t errlen)
{
    const MachineConfig *cfg = &m->cfg;
    uint64_t extent;
    /* everything preloaded lies below SUN4M_PRELOAD_LIMIT (checked by
     * machine_init: at least 32 MB of RAM, or 16 MB without OpenBIOS) */
    uint8_t *ram = bus_ram_map(&m->bus, 0, SUN4M_PRELOAD_LIMIT,
                               BUS_MAP_LOAD, &extent);
    long ksize;
    size_t cl;

    if (!ram || extent < SUN4M_CMDLINE_ADDR + SUN4M_CMDLINE_MAX) {
        snprintf(err, errlen, "-m %llu: too little RAM for the command line",
                 (unsigned long long)(m->cfg.ram_size >> 20));
        return -1;
    }

    fc->cmdline = cfg->append;
    cl = cfg->append ? strlen(cfg->append) : 0;
    if (cl >= SUN4M_CMDLINE_MAX) {
        snprintf(err, errlen, "-append: command line longer than %u bytes",
                 SUN4M_CMDLINE_MAX - 1);
        return -1;
    }
    /* QEMU always publishes a command line, "" without -append */
    memcpy(ram + SUN4M_CMDLINE_ADDR, cfg->append ? cfg->append : "", cl + 1);
    if (!cfg->kernel) {
        if (cfg->initrd) {
            snprintf(err, errlen, "-initrd needs -kernel");
            return -1;
        }
        return 0;
    }
    ksize = kernel_load(cfg->kernel, ram, SUN4M_CMDLINE_ADDR, err, errlen);
    bus_ram_written(&m->bus, 0, SUN4M_CMDLINE_ADDR + SUN4M_CMDLINE_MAX);
    if (ksize < 0) {
        return -1;
    }
    fc->kernel_size = (uint32_t)ksize;
    if (cfg->initrd) {
        size_t isize;
        uint8_t *img = load_file(cfg->initrd,
                                 SUN4M_PRELOAD_LIMIT - SUN4M_INITRD_ADDR,
                                 &isize, "initrd", err, errlen);
        uint32_t page;
        if (!img) {
            if (strstr(err, "too large")) {
                snprintf(err, errlen, "initrd '%s' is too large: OpenBIOS "
                         "keeps it between 8 MB and 16 MB (at most %u "
                         "bytes)", cfg->initrd,
                         SUN4M_PRELOAD_LIMIT - SUN4M_INITRD_ADDR);
            }
            return -1;
        }
        if (extent < SUN4M_PRELOAD_LIMIT) {
            free(img);
            snprintf(err, errlen, "-initrd needs at least 16 MB of RAM");
            return -1;
        }
        memcpy(ram + SUN4M_INITRD_ADDR, img, isize);
        bus_ram_written(&m->bus, SUN4M_INITRD_ADDR, isize);
        m->preload_initrd = img;        /* kept for the next reset */
        m->preload_initrd_len = (uint32_t)isize;
        fc->initrd_size = (uint32_t)isize;
        /* Linux's header: "HdrS" at a page start within 64 pages of the
         * entry; +16 ramdisk image address, +20 its size (head_32.S) */
        for (page = SUN4M_KERNEL_ADDR; page < SUN4M_KERNEL_ADDR + 64 * 4096;
             page += 4096) {
            if (memcmp(ram + page, "HdrS", 4) == 0) {
                uint8_t *h = ram + page;
                uint32_t a = SUN4M_INITRD_ADDR, n = (uint32_t)isize;
                h[16] = a >> 24; h[17] = a >> 16; h[18] = a >> 8; h[19] = a;
                h[20] = n >> 24; h[21] = n >> 16; h[22] = n >> 8; h[23] = n;
                break;
            }
        }
    }
    /* the kernel and the command line, as placed (and patched) */
    m->preload_low_len = SUN4M_CMDLINE_ADDR + SUN4M_CMDLINE_MAX;
    m->preload_low = malloc(m->preload_low_len);
    if (!m->preload_low) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    memcpy(m->preload_low, ram, m->preload_low_len);
    return 0;
}

/* Put -kernel, -initrd and -append back where board_load_kernel placed
 * them: a guest reset (Linux's reboot) restarts the PROM, which boots
 * them again, and the kernel's data must not be the last run's. */
static void board_restore_preload(Machine *m)
{
    uint64_t extent;
    uint8_t *ram;

    if (!m->preload_low) {
        return;
    }
    ram = bus_ram_map(&m->bus, 0, SUN4M_PRELOAD_LIMIT, BUS_MAP_LOAD,
                      &extent);
    if (!ram || extent < m->preload_low_len) {
        return;
    }
    memcpy(ram, m->preload_low, m->preload_low_len);
    bus_ram_written(&m->bus, 0, m->preload_low_len);
    if (m->preload_initrd &&
        extent >= SUN4M_INITRD_ADDR + (uint64_t)m->preload_initrd_len) {
        memcpy(ram + SUN4M_INITRD_ADDR, m->preload_initrd,
               m->preload_initrd_len);
        bus_ram_written(&m->bus, SUN4M_INITRD_ADDR, m->preload_initrd_len);
    }
}

/* Our own PROM (firmware/prom/dtblob.h) reads the device tree from
 * fw_cfg: built anew at each reset from the board table, the options and
 * the NVRAM as they are now.  -1 with err set if it cannot be built. */
static int board_publish_devtree(Machine *m, char *err, size_t errlen)
{
    size_t len;
    uint8_t *blob;
    int rc;

    if (!m->prom_wants_devtree) {
        return 0;
    }
    blob = devtree_build(m, &len, err, errlen);
    if (!blob) {
        return -1;
    }
    rc = fw_cfg_add_file(&m->fw_cfg, DTB_FWCFG_NAME, blob, len);
    free(blob);
    if (rc < 0) {
        snprintf(err, errlen, "fw_cfg: no room for %s", DTB_FWCFG_NAME);
        return -1;
    }
    return 0;
}

void machine_reset(Machine *m)
{
    /* SIMPLIFY: a system reset restarts the CPU from the PROM with the MMU
     * back in boot mode; RAM keeps its contents, as on the real board. */
    cpu_reset(&m->cpu);
    escc_reset(&m->escc_serial);
    escc_reset(&m->escc_kbd);
    slavio_misc_reset(&m->misc);
    slavio_intctl_reset(&m->intctl);
    slavio_timer_reset(&m->timer);
    fw_cfg_reset(&m->fw_cfg);
    iommu_reset(&m->iommu);
    dma2_reset(&m->dma);
    esp_reset(&m->esp);
    lance_reset(&m->le);
    /* a system reset is a SCSI bus reset for the targets */
    for (unsigned i = 0; i < SUN4M_SCSI_IDS; i++) {
        if (m->targets[i]) {
            scsi_target_reset(m->targets[i]);
        }
    }
    cs4231_reset(&m->cs4231);
    fdc_reset(&m->fdc);
    if (m->has_tcx) {
        tcx_reset(&m->tcx);
    }
    if (m->resets) {
        /* (machine_init placed the images and built the first tree) */
        board_restore_preload(m);
        char err[256];
        if (board_publish_devtree(m, err, sizeof(err)) < 0) {
            /* an empty file instead of the last reset's tree: the PROM
             * says on the console that it has none, and halts */
            log_host_error(&m->log, LOG_FW_CFG, "fw_cfg", "%s", err);
            fw_cfg_add_file(&m->fw_cfg, DTB_FWCFG_NAME, "", 0);
        }
    }
}

/* The context of board device id: its table row on this machine's bus. */
static DevCtx board_dev_ctx(Machine *m, BoardDevId id)
{
    const BoardDevice *d = &m->model->dev[id];
    DevCtx c = {
        .bus = &m->bus,
        .events = &m->events,
        .hz = m->cfg.cpu_hz,
        .log = &m->log,
        .name = d->name,
        .cat = d->cat,
        .base = d->base,
        .size = d->size,
        .wait = d->wait,
    };
    return c;
}

/* The ESP reaches its DMA2 channel only through these (a chip never
 * includes another chip). */
static void board_espdma_advance(void *ch, uint32_t bytes)
{
    dma2_advance(ch, bytes);
}

static bool board_espdma_to_memory(void *ch)
{
    return dma2_to_memory(ch);
}

static IrqLine board_irq(Machine *m, BoardDevId id)
{
    return slavio_intctl_source(&m->intctl, m->model->dev[id].irq_bit);
}

/* The -drive images on the ESP's bus: a target per image. */
static int board_attach_drives(Machine *m, char *err, size_t errlen)
{
    static const char *const names[2][SUN4M_SCSI_IDS] = {
        { "sd0", "sd1", "sd2", "sd3", "sd4", "sd5", "sd6" },
        { "sr0", "sr1", "sr2", "sr3", "sr4", "sr5", "sr6" },
    };
    unsigned i;

    for (i = 0; i < m->cfg.n_drives; i++) {
        const DriveConfig *d = &m->cfg.drives[i];
        BlockDev blk;
        ScsiTarget *t;
        DevCtx c = m->board_dev[BD_ESP];     /* its name: the target's */

        if (d->id < 0 || d->id >= SUN4M_SCSI_IDS || m->targets[d->id]) {
            snprintf(err, errlen, "'%s': SCSI target %d is not free",
                     d->file, d->id);
            return -1;
        }
        /* a CD is never opened for writing */
        if (block_open(&blk, d->file, d->readonly || d->cdrom,
                       d->cache_none, err, errlen) < 0) {
            return -1;
        }
        t = calloc(1, sizeof(*t));
        if (!t) {
            block_close(&blk);
            snprintf(err, errlen, "out of memory");
            return -1;
        }
        c.name = names[d->cdrom][d->id];
        c.cat = LOG_SCSI;
        scsi_target_init(t, &c, (unsigned)d->id,
                         d->cdrom ? SCSI_CDROM : SCSI_DISK, &blk);
        m->targets[d->id] = t;
        esp_attach_target(&m->esp, (unsigned)d->id, t);
    }
    return 0;
}


/* ---- the Lance and the host network ---- */

static void board_le_tx(void *opaque, const struct iovec *iov, int niov,
                        size_t len)
{
    Machine *m = opaque;
    net_send(&m->net, iov, niov, len);
}

/* A frame for the Lance.  Busy while LANCE_RX_PIPE frames are on its
 * wire (offered again when the first ends) or while it has no receive
 * buffer (offered again then, or at the next host poll, after the guest
 * has run). */
static NetRx board_le_receive(void *opaque, const uint8_t *frame, size_t len)
{
    Machine *m = opaque;

    if (lance_rx_wait(&m->le)) {
        return NET_RX_BUSY;
    }
    lance_receive(&m->le, frame, len);
    return NET_RX_TAKEN;
}

static void board_le_missed(void *opaque)
{
    Machine *m = opaque;
    lance_rx_missed(&m->le);
}

static int board_le_rx_map(void *opaque, struct iovec *iov, int max)
{
    Machine *m = opaque;
    return lance_rx_map(&m->le, iov, max);
}

static void board_le_rx_commit(void *opaque, size_t len)
{
    Machine *m = opaque;
    lance_rx_commit(&m->le, len);
}

static void board_le_rx_ready(void *opaque)
{
    Machine *m = opaque;
    net_nic_ready(&m->net);
}

/* ---- the framebuffer, the keyboard and the mouse ---- */

/* The TCX's FCode ROM is at most this large (QEMU's is 1.4 KB) */
#define TCX_ROM_MAX (256u << 10)

/* -vga tcx (the default): the TCX in SBus slot 3 with its FCode ROM,
 * which OpenBIOS runs to make it the screen */
static int board_attach_tcx(Machine *m, char *err, size_t errlen)
{
    const MachineConfig *c = &m->cfg;
    const char *path = c->tcx_rom ? c->tcx_rom : SUN4M_TCX_ROM;
    TcxConfig tc = {
        .depth = c->fb_depth ? c->fb_depth : 8,
        .width = c->fb_width ? c->fb_width : 1024,
        .height = c->fb_height ? c->fb_height : 768,
    };
    size_t n;
    uint8_t *rom;
    int rc;

    if (c->no_tcx) {
        return 0;
    }
    rom = load_file(path, TCX_ROM_MAX, &n, "TCX FCode ROM", err, errlen);
    if (!rom && c->tcx_rom) {
        return -1;
    }
    if (!rom) {
        /* the default ROM is missing (no qemu-system-data): the slot
         * reads 0, as QEMU's without the file; the PROM finds no
         * screen, the run goes on */
        log_host_error(&m->log, LOG_TCX, "tcx", "%s: no FCode: the PROM "
                       "will not find the screen", err);
        err[0] = '\0';
        n = 0;
    }
    tc.rom = rom;
    tc.rom_len = n;
    m->screen = calloc((size_t)tc.width * tc.height, sizeof(uint32_t));
    if (!m->screen) {
        free(rom);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    rc = tcx_init(&m->tcx, &m->board_dev[BD_TCX], board_irq(m, BD_TCX), &tc,
                  err, errlen);
    free(rom);
    if (rc < 0) {
        tcx_free(&m->tcx);          /* what it had allocated */
        return -1;
    }
    m->has_tcx = true;
    return 0;
}

const uint32_t *machine_screen(Machine *m, int *width, int *height,
                               ScreenRect *changed)
{
    TcxRect r = { 0, 0, 0, 0 };

    if (changed) {
        changed->w = changed->h = 0;
    }
    if (!m->has_tcx) {
        return NULL;
    }
    *width = (int)m->tcx.width;
    *height = (int)m->tcx.height;
    if (tcx_render(&m->tcx, m->screen, &r) && changed) {
        changed->x = r.x;
        changed->y = r.y;
        changed->w = r.w;
        changed->h = r.h;
    }
    return m->screen;
}

void machine_key(Machine *m, int sun_code, bool down)
{
    escc_kbd_key(&m->escc_kbd, (uint8_t)sun_code, down);
}

void machine_mouse(Machine *m, int dx, int dy, unsigned buttons)
{
    escc_mouse_event(&m->escc_kbd, dx, dy, buttons);
}

/* -netdev/-nic backends, the Lance's peer, the pcap dumps */
static int board_attach_net(Machine *m, char *err, size_t errlen)
{
    const MachineConfig *c = &m->cfg;
    NetNic nic = {
        .receive = board_le_receive,
        .missed = board_le_missed,
        .rx_map = board_le_rx_map,
        .rx_commit = board_le_rx_commit,
        .opaque = m,
    };
    NetBackend *peer = NULL;
    unsigned i;

    net_init(&m->net, &m->events, m->cfg.cpu_hz, &m->log);
    for (i = 0; i < c->n_netdevs; i++) {
        if (!net_backend_new(&m->net, c->netdevs[i], err, errlen)) {
            return -1;
        }
    }
    if (!c->n_netdevs && !c->nic_none &&
        !net_backend_new(&m->net, "user", err, errlen)) {
        return -1;
    }
    if (!c->nic_none) {
        if (c->nic_netdev) {
            peer = net_backend_find(&m->net, c->nic_netdev);
            if (!peer) {
                snprintf(err, errlen, "-net nic,netdev=%s: no such netdev",
                         c->nic_netdev);
                return -1;
            }
        } else if (m->net.n_be) {
            peer = m->net.be[0];
        }
    }
    net_attach_nic(&m->net, peer, &nic);
    lance_set_tx(&m->le, board_le_tx, m);
    lance_set_rx_ready(&m->le, board_le_rx_ready, m);
    for (i = 0; i < c->n_dumps; i++) {
        NetBackend *b = net_backend_find(&m->net, c->dumps[i].netdev);
        if (!b) {
            snprintf(err, errlen, "filter-dump: no netdev '%s'",
                     c->dumps[i].netdev);
            return -1;
        }
        if (b->dump) {
            snprintf(err, errlen, "filter-dump: netdev '%s' is already "
                     "dumped", b->id);
            return -1;
        }
        b->dump = net_dump_open(c->dumps[i].file, c->dumps[i].maxlen, err,
                                errlen);
        if (!b->dump) {
            return -1;
        }
    }
    return 0;
}

int machine_init(Machine *m, const MachineConfig *cfg, char *err,
                 size_t errlen)
{
    const BoardModel *bm;
    DevCtx *dc = m->board_dev;      /* each device's context */
    uint64_t extent;
    unsigned i;
    uint8_t *prom;

    memset(m, 0, sizeof(*m));
    err[0] = '\0';
    m->cfg = *cfg;
    if (!m->cfg.cpu_hz) {
        m->cfg.cpu_hz = SUN4M_DEFAULT_HZ;
    }
    bm = board_model(cfg->model ? cfg->model : "SS-5");
    if (!bm) {
        snprintf(err, errlen, "unknown machine '%s' (-M help lists them)",
                 cfg->model);
        return -1;
    }
    m->model = bm;
    if (cfg->ram_size > bm->max_ram || cfg->ram_size < BUS_PAGE_SIZE) {
        snprintf(err, errlen, "-m %llu: the %s takes 1 to %llu MB of RAM",
                 (unsigned long long)(cfg->ram_size >> 20), bm->name,
                 (unsigned long long)(bm->max_ram >> 20));
        return -1;
    }
    log_init(&m->log, &m->cpu.cycles, m->cfg.cpu_hz);
    m->log.print_guest_errors = cfg->log_guest_errors;
    m->log.trace = cfg->trace;
    if (bus_init(&m->bus, cfg->ram_size, bm->prom_base, bm->prom_size)) {
        snprintf(err, errlen, "cannot allocate %llu MB of guest RAM",
                 (unsigned long long)(cfg->ram_size >> 20));
        return -1;
    }
    m->bus.log = &m->log;
    prom = bus_ram_map(&m->bus, bm->prom_base, bm->prom_size, BUS_MAP_LOAD,
                       &extent);
    if (rom_load(cfg->bios, prom, extent, 0xffd00000u, err, errlen) < 0) {
        bus_free(&m->bus);
        return -1;
    }
    /* OpenBIOS sizes memory in 32 MB SIMMs and dies with less than one
     * (hw/README.md §Boot: "-m 16 dies with Unhandled Exception 0x29"):
     * refuse before starting the guest. */
    m->prom_wants_devtree = memmem(prom, extent, DTB_FWCFG_NAME,
                                   strlen(DTB_FWCFG_NAME)) != NULL;
    if (cfg->ram_size < (32u << 20) && memmem(prom, extent, "OpenBIOS", 8)) {
        snprintf(err, errlen, "-m %llu: OpenBIOS needs at least 32 MB of "
                 "RAM", (unsigned long long)(cfg->ram_size >> 20));
        bus_free(&m->bus);
        return -1;
    }
    if (cpu_init(&m->cpu, &m->bus)) {
        snprintf(err, errlen, "out of memory");
        bus_free(&m->bus);
        return -1;
    }
    m->cpu.log = &m->log;
    ev_queue_init(&m->events, &m->cpu.cycles);
    m->events.on_earliest = board_event_earliest;
    m->events.on_earliest_opaque = m;
    dma_engine_init(&m->chain, &m->bus, &m->events, m->cfg.cpu_hz,
                    &m->log);
    m->chain.fail_request = cfg->fail_io;
    /* every device's context, from its row of the board table */
    for (i = 0; i < BD_COUNT; i++) {
        m->board_dev[i] = board_dev_ctx(m, (BoardDevId)i);
    }

    slavio_intctl_init(&m->intctl, &dc[BD_INTCTL], 1, board_cpu_level, m);
    slavio_timer_init(&m->timer, &dc[BD_COUNTER], 1);
    slavio_timer_connect(&m->timer, 0, slavio_intctl_timer_line(&m->intctl,
                                                                 0));
    slavio_timer_connect(&m->timer, SLAVIO_TIMER_SYS,
                         board_irq(m, BD_COUNTER));
    {
        M48t08Config nc = {
            .fixed_time = cfg->rtc_fixed,
            .start_time = cfg->rtc_start,
            .file = cfg->nvram_file,
            .machine_type = bm->idprom_type,
            .prom_env = cfg->prom_env,
            .n_prom_env = cfg->n_prom_env,
        };
        memcpy(nc.mac, cfg->mac, 6);
        if (m48t08_init(&m->nvram, &dc[BD_NVRAM], &nc, err, errlen) < 0) {
            machine_free(m);
            return -1;
        }
    }
    {
        FwCfgSun4m fc = {
            .ram_size = cfg->ram_size,
            .nb_cpus = 1,
            .max_cpus = (uint16_t)bm->max_cpus,
            .machine_id = bm->machine_id,
            .nographic = cfg->nographic,
            .boot_device = cfg->boot_device ? cfg->boot_device : 'c',
            .depth = cfg->fb_depth ? cfg->fb_depth : 8,
            .width = cfg->fb_width ? cfg->fb_width : 1024,
            .height = cfg->fb_height ? cfg->fb_height : 768,
        };
        if (fw_cfg_init(&m->fw_cfg) < 0 ||
            board_load_kernel(m, &fc, err, errlen) < 0 ||
            fw_cfg_add_sun4m(&m->fw_cfg, &fc) < 0) {
            if (!err[0]) {
                snprintf(err, errlen, "out of memory");
            }
            machine_free(m);
            return -1;
        }
        fw_cfg_map(&m->fw_cfg, &dc[BD_FW_CFG]);
    }

    iommu_init(&m->iommu, &dc[BD_IOMMU], IOMMU_VERSION_SS5,
               board_irq(m, BD_IOMMU));
    iommu_stage(&m->iommu);
    {
        dma2_init(&m->dma, &dc[BD_ESPDMA], &dc[BD_LEDMA],
                  board_irq(m, BD_ESP), board_irq(m, BD_LE));
        /* the chains: each channel, then the IOMMU, then memory */
        dma2_stage(&m->dma.esp, &m->iommu.stage);
        dma2_stage(&m->dma.le, &m->iommu.stage);
    }
    esp_init(&m->esp, &dc[BD_ESP], ESP_CLOCK_SS5,
             dma2_device_line(&m->dma.esp));
    dma2_connect(&m->dma.esp, &m->esp, esp_dma_reset, esp_dma_enable);
    esp_attach_dma(&m->esp, &m->chain, &m->dma.esp.stage,
                   board_espdma_advance, board_espdma_to_memory, &m->dma.esp);
    lance_init(&m->le, &dc[BD_LE], dma2_device_line(&m->dma.le));
    lance_attach_dma(&m->le, &m->chain, &m->dma.le.stage);
    dma2_connect(&m->dma.le, &m->le, lance_dma_reset, NULL);
    if (board_attach_net(m, err, errlen) < 0 ||
        board_attach_drives(m, err, errlen) < 0) {
        machine_free(m);
        return -1;
    }
    if (board_attach_tcx(m, err, errlen) < 0) {
        machine_free(m);
        return -1;
    }
    cs4231_init(&m->cs4231, &dc[BD_CS4231], board_irq(m, BD_CS4231));
    fdc_init(&m->fdc, &dc[BD_FDC], board_irq(m, BD_FDC));
    /* The SS-5's 3.5" drive, with no diskette in it.  With nothing on the
     * cable the chip answers a recalibrate with "equipment check", which
     * OpenBIOS's floppy_recalibrate retries forever (Sun's OBP marked the
     * node disabled instead); QEMU always has this empty drive 0. */
    fdc_attach_drive(&m->fdc, 0, FDC_DRIVE_EMPTY);

    escc_init(&m->escc_serial, &dc[BD_ESCC_SERIAL],
              board_irq(m, BD_ESCC_SERIAL), ESCC_SERIAL, cfg->serial_a,
              ESCC_SERIAL, cfg->serial_b);
    escc_init(&m->escc_kbd, &dc[BD_ESCC_KBD], board_irq(m, BD_ESCC_KBD),
              ESCC_KEYBOARD, NULL, ESCC_MOUSE, NULL);
    {
        static const BoardDevId ports[SLAVIO_MISC_NREGS] = {
            [SLAVIO_PORT_CONFIG] = BD_MISC_CONFIG,
            [SLAVIO_PORT_DIAG] = BD_MISC_DIAG,
            [SLAVIO_PORT_MODEM] = BD_MISC_MODEM,
            [SLAVIO_PORT_LEDS] = BD_MISC_LEDS,
            [SLAVIO_PORT_AUX1] = BD_MISC_AUX1,
            [SLAVIO_PORT_AUX2] = BD_MISC_AUX2,
            [SLAVIO_PORT_SYSCTRL] = BD_MISC_SYSCTRL,
        };
        DevCtx pc[SLAVIO_MISC_NREGS];
        for (i = 0; i < SLAVIO_MISC_NREGS; i++) {
            pc[i] = dc[ports[i]];
        }
        m->misc.reset_request = board_reset_request;
        m->misc.poweroff_request = board_poweroff_request;
        m->misc.board = m;
        slavio_misc_init(&m->misc, pc);
    }

    /* the board's own registers */
    if (cfg->ram_size < bm->dev[BD_RAM_SOCKETS].size) {
        dev_map(&dc[BD_RAM_SOCKETS], cfg->ram_size,
                bm->dev[BD_RAM_SOCKETS].size - cfg->ram_size,
                &empty_slot_ops, m, "ram-empty-slot");
    }
    dev_map(&dc[BD_IDREG], 0, dc[BD_IDREG].size, &idreg_ops,
            m, NULL);
    dev_map(&dc[BD_AFX], 0, dc[BD_AFX].size, &afx_ops, m,
            NULL);
    dev_map(&dc[BD_APC], 0, dc[BD_APC].size, &apc_ops, m,
            NULL);

    ev_init(&m->input_poll, "console-input", input_poll, m);
    ev_after(&m->events, &m->input_poll, 1);
    /* a tree that cannot be built is the command line's fault: say so
     * now, not on the guest's console (each reset builds it again) */
    if (board_publish_devtree(m, err, errlen) < 0) {
        machine_free(m);
        return -1;
    }
    machine_reset(m);
    return 0;
}

int machine_save(Machine *m, char *err, size_t errlen)
{
    if (m->cfg.nvram_file) {
        return m48t08_save(&m->nvram, err, errlen);
    }
    return 0;
}

void machine_free(Machine *m)
{
    unsigned i;
    /* host I/O in flight lands first, then the disks are flushed
     * (fdatasync) and closed: what the guest wrote reaches the host */
    esp_free(&m->esp);
    net_free(&m->net);              /* pcap dumps are flushed here */
    lance_free(&m->le);
    dma_engine_free(&m->chain);
    for (i = 0; i < SUN4M_SCSI_IDS; i++) {
        if (m->targets[i]) {
            scsi_target_free(m->targets[i]);
            free(m->targets[i]);
            m->targets[i] = NULL;
        }
    }
    if (m->has_tcx) {
        tcx_free(&m->tcx);
        m->has_tcx = false;
    }
    free(m->screen);
    m->screen = NULL;
    log_flush(&m->log);
    fw_cfg_free(&m->fw_cfg);
    free(m->preload_low);
    free(m->preload_initrd);
    m->preload_low = m->preload_initrd = NULL;
    ev_queue_free(&m->events);
    machine_profile_free(m);
    cpu_free(&m->cpu);
    bus_free(&m->bus);
}

int machine_run(Machine *m, Cycles max_cycles)
{
    while (!m->quit) {
        Cycles next = ev_next_deadline(&m->events), slice_end;
        CpuStop st;
        if (next > max_cycles) {
            next = max_cycles;
        }
        /* hand control to the host at least every HOST_SLICE of virtual
         * time; this changes nothing the guest can see */
        slice_end = m->cpu.cycles + m->cfg.cpu_hz / 1000 * HOST_SLICE_MS;
        if (next > slice_end) {
            next = slice_end;
        }
        st = cpu_run(&m->cpu, next);
        if (m->profile) {
            machine_profile_sample(m);
        }
        if (m->reset_pending) {
            m->reset_pending = false;
            m->resets++;
            machine_reset(m);
        }
        ev_run_due(&m->events);
        if (m->host_poll) {
            m->host_poll(m->host_poll_opaque);
        }
        if (m->net.n_be) {
            /* frames from the host arrive now, in virtual time */
            net_poll(&m->net, 0);
        }
        if (m->chain.aio.inflight) {
            /* collect host I/O that has finished (the eventfd): nothing
             * the guest sees changes, its transfers end at their own
             * modelled times */
            aio_poll(&m->chain.aio);
        }
        if (m->quit) {
            break;
        }
        switch (st) {
        case CPU_STOP_ERROR_MODE:
            snprintf(m->end_reason, sizeof(m->end_reason),
                     "CPU in error mode: trap 0x%02x (%s) with traps "
                     "disabled at pc=0x%08x npc=0x%08x (mmu sfsr=0x%08x "
                     "sfar=0x%08x)", m->cpu.error_tt,
                     cpu_trap_name(m->cpu.error_tt), m->cpu.pc, m->cpu.npc,
                     m->cpu.mmu.sfsr, m->cpu.mmu.sfar);
            return 3;
        case CPU_STOP_HALT: {
            /* waiting for an interrupt: jump to the next event, or wait
             * for the host first (net_idle_wait: README §Network and
             * time) */
            Cycles when = ev_next_deadline(&m->events);
            if (!(m->cpu.psr & PSR_ET)) {
                /* Halted with traps disabled: no interrupt can ever be
                 * taken, so nothing the guest does from here on differs
                 * from what it does now.  This is how our own PROM stops
                 * (firmware/prom: its halt, and nothing to boot); a real
                 * SS-5 would sit there until the power is cut. */
                snprintf(m->end_reason, sizeof(m->end_reason),
                         "the guest stopped the machine (CPU halted with "
                         "traps disabled at pc=0x%08x)", m->cpu.pc);
                return 4;
            }
            /* the host's traffic paces the wait (net_idle_wait): the
             * window's pacing must not wait the same time again */
            bool net_waiting = m->net.n_be && when > m->cpu.cycles &&
                               net_in_flight(&m->net);
            if (net_waiting) {
                /* no event to go to (or past the run's limit): wait in
                 * steps of a virtual second, up to the limit, and never
                 * fall through to "nothing left to wake it" while the
                 * host may still answer */
                bool real = when != CYCLES_NEVER && when <= max_cycles;
                Cycles gap = real ? when - m->cpu.cycles : m->cfg.cpu_hz;
                Cycles adv;
                if (!real && max_cycles != CYCLES_NEVER &&
                    max_cycles - m->cpu.cycles < gap) {
                    gap = max_cycles - m->cpu.cycles;
                }
                adv = net_idle_wait(&m->net, gap);
                if (adv < gap || !real) {
                    m->idle_cycles += adv;
                    m->cpu.cycles += adv;
                    ev_run_due(&m->events);
                    if (m->cpu.cycles >= max_cycles) {
                        return 124;
                    }
                    break;
                }
            }
            if (m->idle_wait && !net_waiting && when != CYCLES_NEVER &&
                when <= max_cycles && when > m->cpu.cycles) {
                /* a window is open: the idle time passes in wall time
                 * too, a frame at most at a time (README §Display and
                 * time) */
                Cycles adv = m->idle_wait(m->idle_wait_opaque,
                                          when - m->cpu.cycles);
                m->idle_cycles += adv;
                m->cpu.cycles += adv;
                ev_run_due(&m->events);
                break;
            }
            if (when == CYCLES_NEVER || when > max_cycles) {
                if (max_cycles != CYCLES_NEVER) {
                    m->cpu.cycles = max_cycles;
                    break;
                }
                snprintf(m->end_reason, sizeof(m->end_reason),
                         "CPU halted with nothing left to wake it");
                return 3;
            }
            if (when > m->cpu.cycles) {
                m->idle_cycles += when - m->cpu.cycles;
                m->cpu.cycles = when;
            }
            ev_run_due(&m->events);
            break;
        }
        default:
            break;
        }
        if (m->cpu.cycles >= max_cycles) {
            return 124;
        }
    }
    return m->exit_code;
}
