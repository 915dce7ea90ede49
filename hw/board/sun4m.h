/*
 * The sun4m board: a SPARCstation 5 (QEMU's "SS-5" machine) wired from
 * its board table (board.c; hw/README.md §Address map) around one CPU,
 * its bus and the event clock.  Everything hangs off Machine: a program
 * may build several.
 */
#ifndef HW_SUN4M_H
#define HW_SUN4M_H

#include <stdbool.h>
#include <stdint.h>

#include "cpu/cpu.h"
#include "dma/chain.h"
#include "hw/board/board.h"
#include "hw/core/bus.h"
#include "hw/core/devctx.h"
#include "hw/core/log.h"
#include "hw/host/block.h"
#include "hw/host/chardev.h"
#include "hw/scsi/scsi.h"
#include "hw/chips/cs4231.h"
#include "hw/chips/dma2.h"
#include "hw/chips/escc.h"
#include "hw/chips/esp.h"
#include "hw/core/event.h"
#include "hw/chips/fdc.h"
#include "hw/chips/fw_cfg.h"
#include "hw/chips/iommu.h"
#include "hw/chips/lance.h"
#include "hw/chips/m48t08.h"
#include "hw/chips/slavio_intctl.h"
#include "hw/chips/slavio_misc.h"
#include "hw/chips/slavio_timer.h"
#include "hw/chips/tcx.h"
#include "net/net.h"

/* A disk or CD on the ESP's SCSI bus (-drive, -hda, -cdrom) */
typedef struct DriveConfig {
    const char *file;
    int id;                         /* SCSI target 0..6 */
    bool cdrom;
    bool readonly;
    bool cache_none;                /* O_DIRECT where the host allows */
} DriveConfig;

#define SUN4M_SCSI_IDS 7            /* targets 0..6; the ESP is 7 */
#define SUN4M_MAX_NETDEVS 4
#define SUN4M_MAX_DUMPS 4
#define SUN4M_MAX_PROM_ENV 16

/* -object filter-dump: a pcap of every frame of one netdev */
typedef struct NetDumpConfig {
    const char *netdev;             /* its id */
    const char *file;
    uint32_t maxlen;                /* 0: 65536 */
} NetDumpConfig;

typedef struct MachineConfig {
    const char *model;              /* "SS-5" */
    uint64_t ram_size;              /* bytes */
    const char *bios;               /* PROM image path */
    bool no_reboot;
    uint64_t cpu_hz;                /* modelled clock, 110 MHz */
    CharDev *serial_a, *serial_b;   /* host side of ttya/ttyb */
    bool log_guest_errors;          /* --guest-errors */
    uint32_t trace;                 /* --trace: bits (1 << LogCat) */
    bool nographic;                 /* fw_cfg NOGRAPHIC: console on ttya */
    const char *kernel, *initrd, *append;
    char boot_device;               /* -boot letter, 'c' by default */
    const char *nvram_file;         /* NVRAM kept in this file, or NULL */
    /* -prom-env: "name=value" PROM variables written into a new NVRAM
     * image (not into an existing --nvram file) */
    const char *prom_env[SUN4M_MAX_PROM_ENV];
    unsigned n_prom_env;
    bool rtc_fixed;                 /* clock starts at rtc_start (virtual) */
    int64_t rtc_start;              /* Unix seconds */
    uint8_t mac[6];                 /* all zero: 52:54:00:12:34:56 */
    DriveConfig drives[SUN4M_SCSI_IDS];
    unsigned n_drives;
    uint64_t fail_io;               /* --fail-io: host request N gets EIO */
    /* the network: backends as "type,id=ID,..." (-netdev, -nic); the
     * Lance's is nic_netdev (NULL: the first); none at all: "user" as on
     * QEMU, unless nic_none (-nic none) */
    const char *netdevs[SUN4M_MAX_NETDEVS];
    unsigned n_netdevs;
    const char *nic_netdev;
    bool nic_none;
    NetDumpConfig dumps[SUN4M_MAX_DUMPS];
    unsigned n_dumps;
    /* the framebuffer: a TCX in SBus slot 3 (-vga tcx, the default, as
     * on QEMU; also with -nographic), or none (-vga none) */
    bool no_tcx;
    unsigned fb_width, fb_height;   /* 0: 1024x768 */
    unsigned fb_depth;              /* 8 (0: 8) or 24 */
    const char *tcx_rom;            /* its FCode; NULL: SUN4M_TCX_ROM */
    unsigned input_poll_us;         /* console input polled; 0: 100 us */
} MachineConfig;

#define SUN4M_TCX_ROM "/usr/share/qemu/QEMU,tcx.bin"

typedef struct Machine {
    MachineConfig cfg;
    const BoardModel *model;        /* the board table (board.c) */
    Log log;
    Bus bus;
    SparcCpu cpu;
    EventQueue events;
    Escc escc_serial;               /* ttya/ttyb at 0x71100000 */
    Escc escc_kbd;                  /* keyboard/mouse at 0x71000000 */
    SlavioMisc misc;
    SlavioIntctl intctl;
    SlavioTimer timer;
    M48t08 nvram;
    FwCfg fw_cfg;
    Iommu iommu;
    Dma2 dma;                       /* espdma and ledma channels */
    Esp esp;
    DmaEngine chain;                /* the memory stage, host AIO */
    ScsiTarget *targets[SUN4M_SCSI_IDS];    /* NULL: nobody at that ID */
    Lance le;
    Net net;                        /* host backends, the Lance's peer */
    Cs4231 cs4231;                  /* audio, idle */
    Fdc fdc;
    Tcx tcx;                        /* when has_tcx */
    bool has_tcx;
    uint32_t *screen;               /* the TCX's picture, XRGB8888 */
    Event input_poll;               /* host console input enters here */
    DevCtx board_dev[BD_COUNT];     /* each table row's context, for the
                                     * board's own registers (ID, AFX, APC,
                                     * empty RAM sockets) */
    uint32_t afx;                   /* TCX AFX register */
    /* -kernel/-initrd/-append as first placed in RAM, put back at every
     * reset as QEMU's ROM blobs are (a reboot must find them unchanged):
     * RAM [0, preload_low_len) and the initrd at SUN4M_INITRD_ADDR */
    uint8_t *preload_low, *preload_initrd;
    uint32_t preload_low_len, preload_initrd_len;
    /* --profile-guest: where the guest's cycles go (machine_profile_*) */
    struct GuestProfile *profile;
    /* our own PROM is in the PROM socket (-bios builtin, found by the name
     * of its fw_cfg file): each reset publishes the device tree */
    bool prom_wants_devtree;
    bool quit;
    int exit_code;
    uint64_t resets;
    bool reset_pending;             /* the guest asked for a system reset */
    char end_reason[160];           /* why machine_run returned 3 */
    uint64_t idle_cycles;           /* time skipped while halted */
    /* called between CPU slices (at most every 100 us of virtual time):
     * the front end checks its wall clock there */
    void (*host_poll)(void *opaque);
    void *host_poll_opaque;
    /* Optional (an interactive window): the CPU is idle for `gap` cycles
     * before its next event, and no network backend paces the wait.
     * Return how many cycles pass now (at most gap), having spent as much
     * wall time on them as the front end wants (README §Display and
     * time). */
    Cycles (*idle_wait)(void *opaque, Cycles gap);
    void *idle_wait_opaque;
} Machine;

/* Where QEMU's sun4m places what -kernel/-initrd/-append give */
#define SUN4M_KERNEL_ADDR 0x4000u
#define SUN4M_CMDLINE_ADDR 0x7ff000u
#define SUN4M_CMDLINE_MAX 4096u
#define SUN4M_INITRD_ADDR 0x800000u
/* OpenBIOS clears RAM from 16 MB up: everything preloaded must be below */
#define SUN4M_PRELOAD_LIMIT 0x1000000u
#define SUN4M_DEFAULT_HZ 110000000ull

/*
 * Build the machine and load the PROM.  On failure returns -1 with a
 * one-line reason in err (size errlen).
 */
int machine_init(Machine *m, const MachineConfig *cfg, char *err,
                 size_t errlen);
void machine_free(Machine *m);
/* Write back what must outlive the run (the NVRAM file).  0 or -1. */
int machine_save(Machine *m, char *err, size_t errlen);
void machine_reset(Machine *m);
/* Run until the guest powers off, resets with no_reboot, or a stop.
 * Returns the process exit status; for 3 (the machine cannot go on),
 * m->end_reason says why in one line. */
int machine_run(Machine *m, Cycles max_cycles);
/* Stop the run at the next instruction boundary with this exit status. */
void machine_request_exit(Machine *m, int code);

/* The changed part of the screen */
typedef struct ScreenRect {
    int x, y, w, h;                 /* w == 0: nothing changed */
} ScreenRect;

/* The framebuffer as 0x00RRGGBB pixels (width x height, pitch = width),
 * brought up to date from the VRAM pages written since the last call;
 * *changed (may be NULL) gets what changed.  NULL without a framebuffer. */
const uint32_t *machine_screen(Machine *m, int *width, int *height,
                               ScreenRect *changed);
/* A key of the Sun type 5 keyboard (its key number) went down or up. */
void machine_key(Machine *m, int sun_code, bool down);
/* The mouse moved (dy > 0: down the screen) with these buttons held
 * (bit 0 left, 1 middle, 2 right). */
void machine_mouse(Machine *m, int dx, int dy, unsigned buttons);



#endif
