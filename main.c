/*
 * build/sun4m: command line front end.  Options follow qemu-system-sparc
 * where one exists; errors in them are one line and exit status 2.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <SDL2/SDL_scancode.h>

#include "hw/board/devtree.h"
#include "hw/board/profile.h"
#include "cpu/jit.h"
#include "hw/board/sun4m.h"
#include "hw/host/display.h"
#include "hw/host/keymap.h"
#include "hw/host/png.h"
#include "hw/host/runner.h"

#define DEFAULT_BIOS "/usr/share/qemu/openbios-sparc32"
/* our own PROM (firmware/prom/), installed by make beside the binary */
#define BUILTIN_PROM "sun4m-prom.elf"
#define DEFAULT_RAM_MB 32

static const char usage[] =
    "usage: sun4m [options]\n"
    "A cycle-approximate SPARCstation 5 (sun4m) simulator.\n"
    "\n"
    "Machine (as qemu-system-sparc):\n"
    "  -M SS-5            machine model (only SS-5; -M help lists them)\n"
    "  -m MB              RAM size in MB (suffix M or G allowed; default 32,\n"
    "                     at most 256)\n"
    "  -bios FILE         boot PROM image, raw or ELF (default\n"
    "                     " DEFAULT_BIOS ");\n"
    "                     -bios builtin: our own PROM (" BUILTIN_PROM "\n"
    "                     beside this binary): boots -kernel images only,\n"
    "                     in milliseconds, on a serial console\n"
    "  -kernel FILE       Linux kernel (ELF vmlinux, a.out or raw; may be\n"
    "                     gzip-compressed), booted by the PROM\n"
    "  -initrd FILE       initial ramdisk (at most 8 MB)\n"
    "  -append TEXT       kernel command line\n"
    "  -nographic         no window; the PROM's console is ttya on stdio\n"
    "                     (the TCX is still there, as on QEMU)\n"
    "  -display sdl|none  the screen in an SDL window, or nowhere (the\n"
    "                     guest still draws it: --screenshot).  Default: sdl\n"
    "                     where $DISPLAY or $WAYLAND_DISPLAY is set, else\n"
    "                     as -nographic.  In the window: click grabs the\n"
    "                     mouse and keyboard, Ctrl+Alt+G releases; closing\n"
    "                     it presses the keyboard's Power key, a second\n"
    "                     close quits\n"
    "  -vga tcx|none      the TCX framebuffer in SBus slot 3 (default), or\n"
    "                     no framebuffer\n"
    "  -g 1024x768[x8|x24]  the TCX's mode: 8-bit (default) or 24-bit\n"
    "  -serial DEV        ttya backend: stdio, null or file:PATH; a second\n"
    "                     -serial is ttyb (default: nothing attached)\n"
    "  -no-reboot         a guest reset ends the run with status 0\n"
    "                     (on a terminal, Ctrl-A x quits; Ctrl-C goes to the\n"
    "                     guest)\n"
    "  -boot LETTER       PROM boot device: c disk, d cdrom, n net, a floppy\n"
    "  -prom-env NAME=VALUE  a PROM variable in the NVRAM (repeatable; e.g.\n"
    "                     'ttya-mode=38400,8,n,1,-'); with --nvram, only when\n"
    "                     the file is created\n"
    "  -drive file=F[,if=scsi][,index=N][,media=disk|cdrom][,readonly=on]\n"
    "         [,format=raw][,cache=writeback|none]\n"
    "                     a raw image on SCSI target N (0..6; the ESP is 7)\n"
    "  -hda/-hdb/-hdc/-hdd FILE   disk on SCSI target 0/1/2/3\n"
    "  -cdrom FILE        CD-ROM on SCSI target 2 (as QEMU's SS-5)\n"
    "  -nic user|tap|socket[,OPTS][,model=lance][,mac=MAC]  the Lance and\n"
    "                     its backend in one (default: -nic user); -nic none\n"
    "  -netdev user,id=ID[,net=A/M][,host=A][,dhcpstart=A][,dns=A]\n"
    "         [,restrict=on][,hostfwd=[tcp|udp]:[HADDR]:HPORT-[GADDR]:GPORT]\n"
    "         [,guestfwd=[tcp]:ADDR:PORT-cmd:COMMAND]   slirp (no root;\n"
    "                     host forwards bind 127.0.0.1 unless HADDR is given)\n"
    "  -netdev tap,id=ID,ifname=NAME[,script=no,downscript=no]\n"
    "  -netdev socket,id=ID,listen=[H]:PORT|connect=H:PORT|mcast=G:PORT\n"
    "         |udp=H:PORT,localaddr=H:PORT   a LAN between simulators\n"
    "  -net nic[,netdev=ID][,model=lance][,macaddr=MAC]  the Lance on ID\n"
    "  -object filter-dump,id=ID,netdev=ID,file=F[,maxlen=N]  a pcap of\n"
    "                     every frame of that netdev (virtual time stamps)\n"
    "  -rtc base=DATE     start the clock at DATE (YYYY-MM-DDTHH:MM:SS, UTC)\n"
    "                     and run it in virtual time (reproducible runs);\n"
    "                     by default it follows the host clock\n"
    "\n"
    "Simulator:\n"
    "  --expect TEXT      wait for TEXT on the console (repeatable, in order;\n"
    "                     C escapes \\n \\r \\t \\xHH); when the last one\n"
    "                     has appeared the run ends with status 0\n"
    "  --send TEXT        type TEXT on the console once the preceding\n"
    "                     --expect matched (at the start if none precedes)\n"
    "  --timeout S        give up after S wall-clock seconds (exit 124)\n"
    "  --vtimeout S       give up after S seconds of virtual time (exit 124)\n"
    "  --log FILE         copy the console output to FILE\n"
    "  --screenshot FILE  write the screen as a PNG when the run ends and\n"
    "                     each time an --expect matches\n"
    "  --tcx-rom FILE     the TCX's FCode ROM (default\n"
    "                     " SUN4M_TCX_ROM ")\n"
    "  --profile-guest FILE  write where the guest's cycles went (pc and\n"
    "                     cycles, busiest first; tools/guest-profile names\n"
    "                     the kernel's functions)\n"
    "  --no-jit           interpret every instruction (no block translation;\n"
    "                     the same results, cycle for cycle, only slower)\n"
    "  --perf-map         name translated blocks for perf(1) in\n"
    "                     /tmp/perf-PID.map (tools/profile)\n"
    "  --stats            at exit print instructions, cycles, virtual and\n"
    "                     wall seconds and MIPS on stderr\n"
    "  --guest-errors     log guest device misprogramming on stderr\n"
    "  --trace LIST       trace on stderr: traps, mmio, esp, dma, iommu, ...\n"
    "                     (comma-separated; --trace help lists them)\n"
    "  --board            print the board's devices (address map) and exit\n"
    "  --dump-devtree     print the device tree -bios builtin hands the\n"
    "                     guest (as /proc/device-tree reads) and exit\n"
    "  --fail-io N        (tests) the Nth host disk request fails with EIO\n"
    "  --nvram FILE       keep the NVRAM (8 KB) in FILE across runs\n"
    "  --mac XX:XX:XX:XX:XX:XX  Ethernet address in the IDPROM\n"
    "  --help             this text\n";

#ifdef __SANITIZE_ADDRESS__
/* SANITIZE=1: the D-Bus and X11 connections SDL opens (and keeps, also
 * when it fails to start) are libraries' caches, not leaks of ours */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
    return "leak:libdbus-1.so\nleak:libX11.so\n";
}

/* and their use is not reported either: errors stay one line */
const char *__lsan_default_options(void);
const char *__lsan_default_options(void)
{
    return "print_suppressions=0";
}
#endif

/*
 * -bios builtin: BUILTIN_PROM in the directory of this binary (build/ for
 * build/sun4m, build/san/ for the sanitizer build).  The path is left in
 * buf either way, for the error; -1 if the file is not there.
 */
static int builtin_prom_path(char *buf, size_t len)
{
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
    char *slash;

    exe[n > 0 ? n : 0] = '\0';
    slash = strrchr(exe, '/');
    if (slash) {
        *slash = '\0';
    }
    if (!slash || (size_t)snprintf(buf, len, "%s/" BUILTIN_PROM, exe) >= len) {
        snprintf(buf, len, "%s", BUILTIN_PROM);
        return -1;
    }
    return access(buf, R_OK) == 0 ? 0 : -1;
}

static void die_usage(const char *fmt, const char *arg)
{
    fputs("sun4m: ", stderr);
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    exit(2);
}

/* Add a drive at id (-1: the lowest free target); dies on a conflict, so
 * the table (one entry per target) never overflows. */
static void add_drive(MachineConfig *cfg, const DriveConfig *d)
{
    const DriveConfig *owner[SUN4M_SCSI_IDS] = { NULL };
    DriveConfig nd = *d;
    unsigned i;

    for (i = 0; i < cfg->n_drives; i++) {
        owner[cfg->drives[i].id] = &cfg->drives[i];
    }
    if (nd.id < 0) {
        for (nd.id = 0; nd.id < SUN4M_SCSI_IDS && owner[nd.id]; nd.id++) {
        }
        if (nd.id == SUN4M_SCSI_IDS) {
            die_usage("'%s': every SCSI target (0..6) is taken", nd.file);
        }
    }
    if (owner[nd.id]) {
        fprintf(stderr, "sun4m: '%s' and '%s' both on SCSI target %d\n",
                owner[nd.id]->file, nd.file, nd.id);
        exit(2);
    }
    cfg->drives[cfg->n_drives++] = nd;
}

/* -drive file=F,if=scsi,index=N,media=cdrom,readonly=on,format=raw,
 * cache=none (qemu-system-sparc's syntax, the keys a raw SCSI image has).
 * spec is the argument itself, cut up in place: the file name stays there
 * for the whole run. */
static void parse_drive(MachineConfig *cfg, char *spec)
{
    DriveConfig d = { .id = -1 };
    char *tok, *save = NULL;
    const char *file = NULL;

    for (tok = strtok_r(spec, ",", &save); tok;
         tok = strtok_r(NULL, ",", &save)) {
        char *eq = strchr(tok, '=');
        const char *v;
        if (!eq) {
            die_usage("-drive: '%s' is not key=value", tok);
        }
        *eq = '\0';
        v = eq + 1;
        if (strcmp(tok, "file") == 0) {
            file = v;
        } else if (strcmp(tok, "if") == 0) {
            if (strcmp(v, "scsi") != 0) {
                die_usage("-drive if=%s: the SS-5 has only if=scsi", v);
            }
        } else if (strcmp(tok, "index") == 0 || strcmp(tok, "unit") == 0) {
            char *end;
            long n = strtol(v, &end, 10);
            if (*v == '\0' || *end || n < 0 || n >= SUN4M_SCSI_IDS) {
                die_usage("-drive index=%s: expected a SCSI target 0..6", v);
            }
            d.id = (int)n;
        } else if (strcmp(tok, "media") == 0) {
            if (strcmp(v, "cdrom") == 0) {
                d.cdrom = true;
            } else if (strcmp(v, "disk") != 0) {
                die_usage("-drive media=%s: expected disk or cdrom", v);
            }
        } else if (strcmp(tok, "readonly") == 0) {
            if (strcmp(v, "on") == 0) {
                d.readonly = true;
            } else if (strcmp(v, "off") != 0) {
                die_usage("-drive readonly=%s: expected on or off", v);
            }
        } else if (strcmp(tok, "format") == 0) {
            if (strcmp(v, "raw") != 0) {
                die_usage("-drive format=%s: only raw images are supported",
                          v);
            }
        } else if (strcmp(tok, "cache") == 0) {
            if (strcmp(v, "none") == 0) {
                d.cache_none = true;
            } else if (strcmp(v, "writeback") != 0) {
                die_usage("-drive cache=%s: expected writeback or none", v);
            }
        } else {
            die_usage("-drive: unknown key '%s' (file, if, index, media, "
                      "readonly, format, cache)", tok);
        }
    }
    if (!file || !*file) {
        die_usage("-drive%s: no file=", "");
    }
    d.file = file;
    add_drive(cfg, &d);
}

static uint64_t parse_ram(const char *s)
{
    char *end;
    unsigned long long v;
    errno = 0;
    v = strtoull(s, &end, 10);
    if (errno || end == s || v == 0) {
        die_usage("invalid -m value '%s': expected a size in MB", s);
    }
    if (*end == 'M' || *end == 'm') {
        end++;
    } else if (*end == 'G' || *end == 'g') {
        v *= 1024;
        end++;
    }
    if (*end != '\0') {
        die_usage("invalid -m value '%s': expected a size in MB", s);
    }
    if (v > board_model("SS-5")->max_ram >> 20) {
        die_usage("-m %s: too much memory for SS-5 (at most 256 MB)", s);
    }
    return (uint64_t)v << 20;
}

/* The one piece of process-wide state: a termination signal arrived.  The
 * run ends at the next host poll, so the terminal gets restored. */
static volatile sig_atomic_t stop_signal;

static void on_signal(int sig)
{
    stop_signal = sig;
}

typedef struct FrontEnd {
    Machine *m;
    double deadline;                /* wall clock, 0 = none */
    bool timed_out;
    Display display;                /* DISPLAY_NONE: headless */
    double t0;                      /* wall clock at the start */
    double next_frame;              /* wall clock of the next refresh */
    uint64_t frame_insns;           /* instructions at the last title */
    double frame_wall;
    double mips;
    Cycles win_cycles, win_idle;    /* front_idle_wait's window */
    bool settled;
    bool paused;                    /* Ctrl+Alt+P */
    Cycles paced_cycles;            /* idle time passed in wall time */
    bool pacing;                    /* front_idle_wait's anchor is set */
    Cycles pace_virt;               /* the anchor: virtual and wall */
    double pace_wall;               /* clocks agreed here */
    double last_input;              /* wall clock of the last key/mouse */
    const char *screenshot;         /* --screenshot FILE, or NULL */
    unsigned screenshots;
    bool screenshot_failed;
} FrontEnd;

static double wall_seconds(void);

/* The window is refreshed and its input read every DISPLAY_FRAME_MS of
 * wall time, between two CPU slices (at most 1 ms of virtual time apart) */
/* The screen brought up to date (NULL without a framebuffer).  A render
 * consumes the VRAM pages written, so what it changed always goes on to
 * the window (a no-op without one), whoever asked. */
static const uint32_t *front_refresh(FrontEnd *fe, int *w, int *h)
{
    ScreenRect r;
    const uint32_t *fb = machine_screen(fe->m, w, h, &r);
    if (fb && r.w) {
        display_update(&fe->display, fb, r.x, r.y, r.w, r.h);
    }
    return fb;
}

static void front_display(FrontEnd *fe, double now)
{
    int w, h;

    fe->next_frame = now + DISPLAY_FRAME_MS / 1000.0;
    front_refresh(fe, &w, &h);
    display_poll(&fe->display);
    if (now - fe->frame_wall >= 0.5) {
        fe->mips = (fe->m->cpu.insns - fe->frame_insns) /
                   (now - fe->frame_wall) / 1e6;
        fe->frame_insns = fe->m->cpu.insns;
        fe->frame_wall = now;
    }
    display_set_status(&fe->display, !fe->m->quit,
                       (double)fe->m->cpu.cycles / fe->m->cfg.cpu_hz,
                       fe->mips);
}

static void front_poll(void *opaque)
{
    FrontEnd *fe = opaque;
    double now;
    if (stop_signal) {
        machine_request_exit(fe->m, 128 + stop_signal);
        return;
    }
    if (fe->deadline <= 0 && fe->display.kind == DISPLAY_NONE) {
        return;
    }
    now = wall_seconds();
    if (fe->deadline > 0 && now > fe->deadline) {
        fe->timed_out = true;
        machine_request_exit(fe->m, 124);
    }
    if (fe->display.kind != DISPLAY_NONE && now >= fe->next_frame) {
        front_display(fe, now);
    }
    /* paused (Ctrl+Alt+P): the machine stands still between two slices,
     * the window stays live */
    while (fe->paused && !stop_signal && !fe->m->quit) {
        struct timespec ts = { 0, DISPLAY_FRAME_MS * 1000000L };
        display_set_status(&fe->display, false,
                           (double)fe->m->cpu.cycles / fe->m->cfg.cpu_hz,
                           0.0);
        display_poll(&fe->display);
        nanosleep(&ts, NULL);
        fe->frame_wall = wall_seconds();
        fe->frame_insns = fe->m->cpu.insns;
    }
}

/*
 * The CPU idles until its next event, `gap` cycles away, while a window is
 * open.  The idle time is spent in wall time too (README §Display and
 * time) while the guest has settled (idle IDLE_SETTLED_PCT of the last
 * IDLE_WINDOW_MS of virtual time: a shell waiting for keys) or the user
 * is at it (input in the last USER_ACTIVE_MS, or a key held): virtual
 * time then does not run ahead of the wall clock by more than PACE_AHEAD
 * through idle periods, so an idle guest costs the host nothing, and the
 * guest's clock, its key repeat and its cursor keep to the user's time.
 * A key held for 50 ms of the user's time must not be held for a second
 * of the guest's, or the guest repeats it.  A busy guest (a boot) skips
 * its waits.
 */
#define IDLE_WINDOW_MS 2000
#define IDLE_SETTLED_PCT 90
#define USER_ACTIVE_MS 2000
#define PACE_AHEAD_MS 20

static Cycles front_idle_wait(void *opaque, Cycles gap)
{
    FrontEnd *fe = opaque;
    const Machine *m = fe->m;
    uint64_t hz = m->cfg.cpu_hz;
    Cycles span = m->cpu.cycles - fe->win_cycles, adv;
    double now = wall_seconds(), v, ahead, sleep_s;
    bool user;

    /* has the guest settled?  Judged on the last IDLE_WINDOW of virtual
     * time: most of a booting kernel's waits (Linux's ESP driver waits
     * 3 s for the SCSI bus to settle) are still skipped, a shell waiting
     * for keys (idle 99% of the time) is paced */
    if (span >= hz / 1000 * IDLE_WINDOW_MS) {
        fe->settled = (m->idle_cycles - fe->win_idle) * 100 >=
                      span * IDLE_SETTLED_PCT;
        fe->win_cycles = m->cpu.cycles;
        fe->win_idle = m->idle_cycles;
    }
    user = now - fe->last_input < USER_ACTIVE_MS / 1000.0 ||
           escc_kbd_keys_down(&m->escc_kbd) > 0;
    if (!fe->settled && !user) {
        fe->pacing = false;
        return gap;
    }
    /* the anchor: virtual and wall time agreed at (pace_virt, pace_wall);
     * a guest that fell behind (it computed slower than the real
     * machine) is not let race to catch up: the anchor moves */
    v = (double)(m->cpu.cycles - fe->pace_virt) / hz;
    if (!fe->pacing || v < now - fe->pace_wall) {
        fe->pacing = true;
        fe->pace_virt = m->cpu.cycles;
        fe->pace_wall = now;
        v = 0;
    }
    ahead = v + (double)gap / hz - (now - fe->pace_wall);
    if (ahead > PACE_AHEAD_MS / 1000.0) {
        /* sleep until the wall clock reaches the gap's end, a frame at
         * most so the window stays live: a few dozen sleeps a second */
        struct timespec ts;
        sleep_s = ahead;
        if (sleep_s > DISPLAY_FRAME_MS / 1000.0) {
            sleep_s = DISPLAY_FRAME_MS / 1000.0;
        }
        ts.tv_sec = (time_t)sleep_s;
        ts.tv_nsec = (long)((sleep_s - (double)ts.tv_sec) * 1e9);
        nanosleep(&ts, NULL);
        now = wall_seconds();
    }
    /* as far as the wall clock (plus PACE_AHEAD) allows */
    ahead = now - fe->pace_wall + PACE_AHEAD_MS / 1000.0 - v;
    adv = ahead <= 0 ? 1 : (Cycles)(ahead * (double)hz);
    if (adv > gap) {
        adv = gap;
    }
    if (adv == 0) {
        adv = 1;
    }
    fe->paced_cycles += adv;
    return adv;
}

static void front_screenshot(FrontEnd *fe)
{
    char err[300];
    const uint32_t *fb;
    int w, h;

    if (!fe->screenshot || fe->screenshot_failed) {
        return;
    }
    fb = front_refresh(fe, &w, &h);
    if (fb && png_write_xrgb(fe->screenshot, fb, w, h, err,
                             sizeof(err)) < 0) {
        fprintf(stderr, "sun4m: --screenshot: %s\n", err);
        fe->screenshot_failed = true;
        return;
    }
    fe->screenshots++;
}

static void front_on_match(void *opaque)
{
    front_screenshot(opaque);
}

static void front_key(void *opaque, int scancode, bool down)
{
    FrontEnd *fe = opaque;
    int code = keymap_sdl_to_sun(scancode);
    fe->last_input = wall_seconds();
    if (code >= 0) {
        machine_key(fe->m, code, down);
    }
}

static void front_mouse(void *opaque, int dx, int dy, unsigned buttons)
{
    FrontEnd *fe = opaque;
    fe->last_input = wall_seconds();
    machine_mouse(fe->m, dx, dy, buttons);
}

static void front_power(void *opaque)
{
    /* The SS-5 has no soft power switch; what a user can press is the
     * Power key of its type 5 keyboard (Linux's KEY_POWER), which leaves
     * the decision to the guest, as on the real machine */
    front_key(opaque, SDL_SCANCODE_POWER, true);
    front_key(opaque, SDL_SCANCODE_POWER, false);
}

static void front_pause(void *opaque)
{
    FrontEnd *fe = opaque;
    fe->paused = !fe->paused;
}

static void front_quit(void *opaque)
{
    FrontEnd *fe = opaque;
    machine_request_exit(fe->m, 0);
}

static void front_finish(void *opaque)
{
    machine_request_exit(opaque, 0);
}

static double parse_seconds(const char *opt, const char *v)
{
    char *end;
    double d = strtod(v, &end);
    if (end == v || *end || !(d > 0)) {
        fprintf(stderr, "sun4m: invalid %s '%s': expected seconds\n", opt, v);
        exit(2);
    }
    return d;
}

static void parse_mac(const char *v, uint8_t mac[6])
{
    unsigned b[6], i;
    char tail;
    if (sscanf(v, "%x:%x:%x:%x:%x:%x%c", &b[0], &b[1], &b[2], &b[3], &b[4],
               &b[5], &tail) != 6) {
        die_usage("invalid --mac '%s': expected XX:XX:XX:XX:XX:XX", v);
    }
    for (i = 0; i < 6; i++) {
        if (b[i] > 255) {
            die_usage("invalid --mac '%s': expected XX:XX:XX:XX:XX:XX", v);
        }
        mac[i] = (uint8_t)b[i];
    }
    if (mac[0] & 1) {
        die_usage("invalid --mac '%s': a multicast address", v);
    }
}

static int64_t parse_rtc(const char *v)
{
    struct tm tm;
    const char *base = strncmp(v, "base=", 5) == 0 ? v + 5 : NULL;
    char *end;
    memset(&tm, 0, sizeof(tm));
    if (!base || !(end = strptime(base, "%Y-%m-%dT%H:%M:%S", &tm)) ||
        (*end && *end != ',')) {
        die_usage("invalid -rtc '%s': expected base=YYYY-MM-DDTHH:MM:SS", v);
    }
    return (int64_t)timegm(&tm);
}

static double wall_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* -nic, -netdev, -net and -object filter-dump into cfg: the strings
 * handed to the machine live in na */
typedef struct NetArgs {
    char spec[SUN4M_MAX_NETDEVS][1200];
    char nic_id[64];
    char dump[SUN4M_MAX_DUMPS][2][512];     /* netdev id, file */
    unsigned nics;
} NetArgs;

/* list without the keys named (NULL-terminated), into out */
static void kv_drop(const char *list, const char *const *keys, char *out,
                    size_t len)
{
    const char *p = list;
    size_t o = 0;

    out[0] = '\0';
    while (p && *p) {
        const char *e = strchr(p, ',');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        const char *const *k;
        bool drop = false;
        for (k = keys; *k; k++) {
            size_t kl = strlen(*k);
            if (l > kl && strncmp(p, *k, kl) == 0 && p[kl] == '=') {
                drop = true;
            }
        }
        if (!drop && l) {
            if (o + l + 2 >= len) {
                die_usage("network options too long: '%s'", list);
            }
            if (o) {
                out[o++] = ',';
            }
            memcpy(out + o, p, l);
            o += l;
            out[o] = '\0';
        }
        p = e ? e + 1 : NULL;
    }
}

static void add_netdev(MachineConfig *cfg, NetArgs *na, const char *spec)
{
    if (cfg->n_netdevs == SUN4M_MAX_NETDEVS) {
        die_usage("too many network backends (at most %s)", "4");
    }
    if (strlen(spec) >= sizeof(na->spec[0])) {
        die_usage("network options too long: '%s'", spec);
    }
    snprintf(na->spec[cfg->n_netdevs], sizeof(na->spec[0]), "%s", spec);
    cfg->netdevs[cfg->n_netdevs] = na->spec[cfg->n_netdevs];
    cfg->n_netdevs++;
}

static void check_model(const char *opt, const char *list)
{
    char model[32];

    if (net_opt_get(list, "model", model, sizeof(model)) &&
        strcmp(model, "lance") != 0) {
        fprintf(stderr, "sun4m: %s model=%s: the SS-5 has only model=lance "
                "(its on-board Am7990)\n", opt, model);
        exit(2);
    }
}

static void parse_net_option(MachineConfig *cfg, NetArgs *na, const char *opt,
                             const char *v)
{
    static const char *const nic_keys[] = { "model", "mac", "macaddr",
                                            "netdev", NULL };
    char buf[1024], mac[32], id[64];

    if (strcmp(opt, "-nic") == 0) {
        if (strcmp(v, "none") == 0) {
            cfg->nic_none = true;
            return;
        }
        if (na->nics++) {
            die_usage("-nic %s: the SS-5 has one Ethernet controller", v);
        }
        check_model("-nic", v);
        if (net_opt_get(v, "mac", mac, sizeof(mac))) {
            parse_mac(mac, cfg->mac);
        }
        kv_drop(v, nic_keys, buf, sizeof(buf));
        if (net_opt_get(buf, "id", id, sizeof(id))) {
            snprintf(na->nic_id, sizeof(na->nic_id), "%s", id);
            add_netdev(cfg, na, buf);
        } else {
            char spec[1100];
            const char *comma = strchr(buf, ',');
            snprintf(na->nic_id, sizeof(na->nic_id), "nic0");
            snprintf(spec, sizeof(spec), "%.*s,id=nic0%s",
                     (int)(comma ? comma - buf : (long)strlen(buf)), buf,
                     comma ? comma : "");
            add_netdev(cfg, na, spec);
        }
        cfg->nic_netdev = na->nic_id;
    } else if (strcmp(opt, "-netdev") == 0) {
        if (!net_opt_get(v, "id", id, sizeof(id)) || !id[0]) {
            die_usage("-netdev %s: id= is required", v);
        }
        add_netdev(cfg, na, v);
    } else if (strcmp(opt, "-net") == 0) {
        if (strcmp(v, "none") == 0) {
            cfg->nic_none = true;
        } else if (strncmp(v, "nic", 3) == 0 && (!v[3] || v[3] == ',')) {
            if (na->nics++) {
                die_usage("-net %s: the SS-5 has one Ethernet controller",
                          v);
            }
            check_model("-net", v);
            if (net_opt_get(v, "macaddr", mac, sizeof(mac))) {
                parse_mac(mac, cfg->mac);
            }
            if (net_opt_get(v, "netdev", id, sizeof(id))) {
                snprintf(na->nic_id, sizeof(na->nic_id), "%s", id);
                cfg->nic_netdev = na->nic_id;
            }
        } else {
            add_netdev(cfg, na, v);     /* -net user,...: the NIC's */
        }
    } else {                            /* -object */
        char nd[512], file[512], max[32], *end;
        unsigned long ml = 0;
        if (strncmp(v, "filter-dump,", 12) != 0) {
            die_usage("-object %s: only filter-dump is supported", v);
        }
        if (!net_opt_get(v, "netdev", nd, sizeof(nd)) ||
            !net_opt_get(v, "file", file, sizeof(file))) {
            die_usage("-object %s: netdev= and file= are required", v);
        }
        if (net_opt_get(v, "maxlen", max, sizeof(max))) {
            ml = strtoul(max, &end, 10);
            if (*end || !max[0] || ml < 14 || ml > 0xffffffffu) {
                die_usage("-object filter-dump: bad maxlen=%s", max);
            }
        }
        if (cfg->n_dumps == SUN4M_MAX_DUMPS) {
            die_usage("too many filter-dump objects (at most %s)", "4");
        }
        snprintf(na->dump[cfg->n_dumps][0], 512, "%s", nd);
        snprintf(na->dump[cfg->n_dumps][1], 512, "%s", file);
        cfg->dumps[cfg->n_dumps].netdev = na->dump[cfg->n_dumps][0];
        cfg->dumps[cfg->n_dumps].file = na->dump[cfg->n_dumps][1];
        cfg->dumps[cfg->n_dumps].maxlen = (uint32_t)ml;
        cfg->n_dumps++;
    }
}

int main(int argc, char **argv)
{
    MachineConfig cfg = {
        .model = "SS-5",
        .ram_size = (uint64_t)DEFAULT_RAM_MB << 20,
        .bios = DEFAULT_BIOS,
        .cpu_hz = SUN4M_DEFAULT_HZ,
    };
    const char *serial = NULL, *serial_b = NULL;
    DisplayKind display = DISPLAY_NONE;
    bool display_given = false;
    CharDev con_b;
    bool stats = false;
    bool no_jit = false;
    bool perf_map = false;
    bool print_board = false;
    bool dump_devtree = false;
    const char *profile_path = NULL;
    FILE *profile_out = NULL;
    char builtin_path[4096];
    bool serial_is_default = false;
    double vtimeout = 0, timeout = 0;
    const char *log_path = NULL;
    Runner runner;
    NetArgs netargs;
    FrontEnd fe = { 0 };
    CharDev con;
    Machine *m;
    char err[512];
    int i, rc;
    double t0;

    runner_init(&runner);
    memset(&netargs, 0, sizeof(netargs));
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
#define NEED_ARG()                                                   \
        do {                                                         \
            if (!v) {                                                \
                die_usage("option '%s' needs an argument", a);       \
            }                                                        \
            i++;                                                     \
        } while (0)
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(usage, stdout);
            return 0;
        } else if (strcmp(a, "-M") == 0) {
            NEED_ARG();
            if (strcmp(v, "help") == 0 || strcmp(v, "?") == 0) {
                puts("Supported machines are:\n"
                     "SS-5                 Sun4m platform, SPARCstation 5 "
                     "(default)");
                return 0;
            }
            if (strcmp(v, "SS-5") != 0) {
                die_usage("unsupported machine '%s' (supported: SS-5)", v);
            }
            cfg.model = v;
        } else if (strcmp(a, "-m") == 0) {
            NEED_ARG();
            cfg.ram_size = parse_ram(v);
        } else if (strcmp(a, "-bios") == 0) {
            NEED_ARG();
            cfg.bios = v;
        } else if (strcmp(a, "-display") == 0) {
            NEED_ARG();
            if (strcmp(v, "sdl") == 0 || strncmp(v, "sdl,", 4) == 0) {
                display = DISPLAY_SDL;
            } else if (strcmp(v, "none") == 0) {
                display = DISPLAY_NONE;
            } else {
                die_usage("-display %s: expected sdl or none", v);
            }
            display_given = true;
        } else if (strcmp(a, "-vga") == 0) {
            NEED_ARG();
            if (strcmp(v, "none") == 0) {
                cfg.no_tcx = true;
            } else if (strcmp(v, "tcx") == 0) {
                cfg.no_tcx = false;
            } else {
                die_usage("-vga %s: the SS-5 takes tcx or none", v);
            }
        } else if (strcmp(a, "-g") == 0) {
            unsigned gw, gh, gd = 8;
            char tail;
            int n;
            NEED_ARG();
            n = sscanf(v, "%ux%ux%u%c", &gw, &gh, &gd, &tail);
            if ((n != 2 && n != 3) ||
                (n == 2 && strspn(v, "0123456789x") != strlen(v)) ||
                v[strlen(v) - 1] == 'x') {
                die_usage("-g %s: expected WIDTHxHEIGHT[xDEPTH]", v);
            }
            if (gw != 1024 || gh != 768 || (gd != 8 && gd != 24)) {
                die_usage("-g %s: the TCX shows 1024x768, 8 or 24 bits", v);
            }
            cfg.fb_width = gw;
            cfg.fb_height = gh;
            cfg.fb_depth = gd;
        } else if (strcmp(a, "--tcx-rom") == 0) {
            NEED_ARG();
            cfg.tcx_rom = v;
        } else if (strcmp(a, "--screenshot") == 0) {
            NEED_ARG();
            if (!*v) {
                die_usage("--screenshot%s: expected a file name", "");
            }
            fe.screenshot = v;
        } else if (strcmp(a, "-nographic") == 0) {
            cfg.nographic = true;
            if (!serial) {
                serial = "stdio";
                serial_is_default = true;
            }
        } else if (strcmp(a, "-kernel") == 0) {
            NEED_ARG();
            cfg.kernel = v;
        } else if (strcmp(a, "-initrd") == 0) {
            NEED_ARG();
            cfg.initrd = v;
        } else if (strcmp(a, "-append") == 0) {
            NEED_ARG();
            cfg.append = v;
        } else if (strcmp(a, "-boot") == 0) {
            NEED_ARG();
            if (!strchr("acdn", v[0]) || v[0] == '\0') {
                die_usage("invalid -boot '%s': expected a, c, d or n", v);
            }
            cfg.boot_device = v[0];
        } else if (strcmp(a, "-drive") == 0) {
            NEED_ARG();
            parse_drive(&cfg, argv[i]);
        } else if (strcmp(a, "-hda") == 0 || strcmp(a, "-hdb") == 0 ||
                   strcmp(a, "-hdc") == 0 || strcmp(a, "-hdd") == 0 ||
                   strcmp(a, "-cdrom") == 0) {
            DriveConfig d = { .file = v };
            NEED_ARG();
            d.file = v;
            if (a[1] == 'c') {
                d.id = 2;
                d.cdrom = true;
            } else {
                d.id = a[3] - 'a';
            }
            add_drive(&cfg, &d);
        } else if (strcmp(a, "-rtc") == 0) {
            NEED_ARG();
            cfg.rtc_start = parse_rtc(v);
            cfg.rtc_fixed = true;
        } else if (strcmp(a, "--trace") == 0) {
            char bad[40];
            NEED_ARG();
            if (strcmp(v, "help") == 0) {
                int c;
                puts("--trace categories (comma-separated, or all):");
                for (c = 0; c < LOG_NCAT; c++) {
                    printf("  %s\n", log_cat_name((LogCat)c));
                }
                return 0;
            }
            if (log_trace_parse(v, &cfg.trace, bad, sizeof(bad)) < 0) {
                die_usage("unknown --trace item '%s' (--trace help lists "
                          "them)", bad);
            }
        } else if (strcmp(a, "--fail-io") == 0) {
            char *end;
            NEED_ARG();
            cfg.fail_io = strtoull(v, &end, 10);
            if (*v == '\0' || *end || cfg.fail_io == 0) {
                die_usage("--fail-io %s: expected a request number from 1", v);
            }
        } else if (strcmp(a, "-prom-env") == 0) {
            NEED_ARG();
            if (!strchr(v, '=') || v[0] == '=') {
                die_usage("-prom-env '%s': expected NAME=VALUE", v);
            }
            if (cfg.n_prom_env == SUN4M_MAX_PROM_ENV) {
                die_usage("-prom-env '%s': at most 16 variables", v);
            }
            cfg.prom_env[cfg.n_prom_env++] = v;
        } else if (strcmp(a, "--dump-devtree") == 0) {
            dump_devtree = true;
        } else if (strcmp(a, "--board") == 0) {
            print_board = true;
        } else if (strcmp(a, "--nvram") == 0) {
            NEED_ARG();
            cfg.nvram_file = v;
        } else if (strcmp(a, "-nic") == 0 || strcmp(a, "-netdev") == 0 ||
                   strcmp(a, "-net") == 0 || strcmp(a, "-object") == 0) {
            NEED_ARG();
            parse_net_option(&cfg, &netargs, a, v);
        } else if (strcmp(a, "--mac") == 0) {
            NEED_ARG();
            parse_mac(v, cfg.mac);
        } else if (strcmp(a, "-serial") == 0) {
            NEED_ARG();
            if (serial && !serial_is_default) {
                if (serial_b) {
                    die_usage("-serial '%s': only ttya and ttyb exist", v);
                }
                serial_b = v;
            } else {
                serial = v;
                serial_is_default = false;
            }
        } else if (strcmp(a, "-no-reboot") == 0) {
            cfg.no_reboot = true;
        } else if (strcmp(a, "--profile-guest") == 0) {
            NEED_ARG();
            profile_path = v;
        } else if (strcmp(a, "--stats") == 0) {
            stats = true;
        } else if (strcmp(a, "--no-jit") == 0) {
            no_jit = true;
        } else if (strcmp(a, "--perf-map") == 0) {
            perf_map = true;
        } else if (strcmp(a, "--guest-errors") == 0) {
            cfg.log_guest_errors = true;
        } else if (strcmp(a, "--vtimeout") == 0) {
            NEED_ARG();
            vtimeout = parse_seconds(a, v);
        } else if (strcmp(a, "--timeout") == 0) {
            NEED_ARG();
            timeout = parse_seconds(a, v);
        } else if (strcmp(a, "--expect") == 0 || strcmp(a, "--send") == 0) {
            NEED_ARG();
            if (runner_add(&runner, a[2] == 's', v) < 0) {
                die_usage("bad text '%s' (empty, or an unknown escape)", v);
            }
        } else if (strcmp(a, "--log") == 0) {
            NEED_ARG();
            log_path = v;
        } else {
            die_usage("unknown option '%s' (try --help)", a);
        }
#undef NEED_ARG
    }
    if (!serial) {
        serial = "stdio";
    }
    if (cfg.nographic) {
        if (display_given && display == DISPLAY_SDL) {
            die_usage("-nographic%s and -display sdl exclude each other",
                      "");
        }
        display = DISPLAY_NONE;
    } else if (!display_given) {
        /* a desk has a display, CI and ssh do not: there the PROM's
         * console stays on the terminal, as with -nographic */
        const char *x = getenv("DISPLAY"), *wl = getenv("WAYLAND_DISPLAY");
        if ((x && *x) || (wl && *wl)) {
            display = DISPLAY_SDL;
        } else {
            cfg.nographic = true;
        }
    }
    if (cfg.no_tcx && (display == DISPLAY_SDL || fe.screenshot)) {
        die_usage("%s needs a framebuffer (not -vga none)",
                  fe.screenshot ? "--screenshot" : "-display sdl");
    }
    if (strcmp(cfg.bios, "builtin") == 0) {
        if (builtin_prom_path(builtin_path, sizeof(builtin_path)) < 0) {
            fprintf(stderr, "sun4m: -bios builtin: %s is missing beside "
                    "this binary (make builds it)\n", builtin_path);
            runner_free(&runner);
            return 2;
        }
        cfg.bios = builtin_path;
    }
    if (print_board) {
        board_print(board_model(cfg.model), stdout);
        runner_free(&runner);
        return 0;
    }
    if (chardev_open(&con, serial, runner.n_steps == 0) < 0) {
        die_usage("-serial '%s': expected stdio, null or file:PATH", serial);
    }
    con_b.in_fd = con_b.out_fd = con_b.log_fd = -1;
    if (serial_b) {
        if (strcmp(serial_b, "stdio") == 0 && strcmp(serial, "stdio") == 0) {
            die_usage("-serial '%s': stdio is already ttya", serial_b);
        }
        if (chardev_open(&con_b, serial_b, runner.n_steps == 0) < 0) {
            die_usage("-serial '%s': expected stdio, null or file:PATH",
                      serial_b);
        }
    }
    if (log_path) {
        con.log_fd = open(log_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
                          0644);
        if (con.log_fd < 0) {
            fprintf(stderr, "sun4m: cannot create log '%s': %s\n", log_path,
                    strerror(errno));
            chardev_close(&con);
            return 2;
        }
    }
    if (display == DISPLAY_SDL) {
        /* idle time passes in wall time with a window: poll the console
         * every 5 ms rather than every 100 us (hw/board/sun4m.c) */
        cfg.input_poll_us = 5000;
    }
    m = malloc(sizeof(*m));
    if (!m) {
        fputs("sun4m: out of memory\n", stderr);
        return 1;
    }
    cfg.serial_a = &con;
    cfg.serial_b = serial_b ? &con_b : NULL;
    if (machine_init(m, &cfg, err, sizeof(err)) < 0) {
        free(m);
        chardev_close(&con);
        runner_free(&runner);
        fprintf(stderr, "sun4m: %s\n", err);
        return 2;
    }
    if (no_jit) {
        cpu_set_jit(&m->cpu, false);
    } else if (perf_map && (!m->cpu.jit || !jit_perf_map(m->cpu.jit))) {
        fprintf(stderr, "sun4m: --perf-map: %s\n", m->cpu.jit
                ? "cannot write /tmp/perf-PID.map"
                : "no block translation on this host");
    }
    if (dump_devtree) {
        size_t len;
        uint8_t *blob = devtree_build(m, &len, err, sizeof(err));
        rc = blob && devtree_print(blob, len, stdout) == 0 ? 0 : 2;
        if (!blob) {
            fprintf(stderr, "sun4m: --dump-devtree: %s\n", err);
        }
        free(blob);
        machine_free(m);
        free(m);
        chardev_close(&con);
        runner_free(&runner);
        return rc;
    }
    if (profile_path) {
        profile_out = fopen(profile_path, "w");
        if (!profile_out || machine_profile_start(m) < 0) {
            fprintf(stderr, "sun4m: --profile-guest '%s': %s\n",
                    profile_path, profile_out ? "out of memory"
                                              : strerror(errno));
            if (profile_out) {
                fclose(profile_out);
            }
            machine_free(m);
            free(m);
            chardev_close(&con);
            runner_free(&runner);
            return 2;
        }
    }
    {
        struct sigaction sa;
        memset(&sa, 0, sizeof(sa));
        sa.sa_handler = on_signal;
        sigaction(SIGINT, &sa, NULL);
        sigaction(SIGTERM, &sa, NULL);
        sigaction(SIGHUP, &sa, NULL);
        /* a console reader that goes away must not kill the run */
        signal(SIGPIPE, SIG_IGN);
    }
    fe.m = m;
    if (display == DISPLAY_SDL) {
        const uint32_t *fb;
        int w, h;
        DisplayConfig dc = {
            .kind = DISPLAY_SDL,
            .title = "sun4m SS-5",
            .opaque = &fe,
            .key = front_key,
            .mouse = front_mouse,
            .power_button = front_power,
            .pause = front_pause,
            .quit = front_quit,
        };
        fb = machine_screen(m, &w, &h, NULL);
        dc.width = w;
        dc.height = h;
        if (!fb || display_open(&fe.display, &dc, err, sizeof(err)) < 0) {
            fprintf(stderr, "sun4m: -display sdl: %s\n",
                    fb ? err : "no framebuffer");
            machine_free(m);
            free(m);
            chardev_close(&con);
            runner_free(&runner);
            return 2;
        }
        display_update(&fe.display, fb, 0, 0, w, h);
        m->idle_wait = front_idle_wait;
        m->idle_wait_opaque = &fe;
    }
    t0 = wall_seconds();
    fe.t0 = fe.frame_wall = t0;
    fe.deadline = timeout > 0 ? t0 + timeout : 0;
    m->host_poll = front_poll;
    m->host_poll_opaque = &fe;
    runner.on_finish = front_finish;
    runner.on_finish_opaque = m;
    runner.on_match = front_on_match;
    runner.on_match_opaque = &fe;
    runner_attach(&runner, &con);
    rc = machine_run(m, vtimeout > 0 ? (Cycles)(vtimeout * cfg.cpu_hz)
                                     : CYCLES_NEVER);
    if (rc == 3 || rc == 4) {
        fprintf(stderr, "sun4m: %s\n", m->end_reason);
    }
    if (rc == 124) {
        const char *what = runner_pending(&runner);
        fprintf(stderr, "sun4m: %s time limit of %g s reached%s%s%s\n",
                fe.timed_out ? "wall-clock" : "virtual",
                fe.timed_out ? timeout : vtimeout,
                what ? " waiting for '" : "", what ? what : "",
                what ? "'" : "");
    } else if (runner.n_steps && !runner.finished) {
        fprintf(stderr, "sun4m: the guest stopped before '%s' appeared\n",
                runner_pending(&runner));
        rc = 1;
    }
    if (profile_out) {
        if (machine_profile_write(m, profile_out) < 0 ||
            fclose(profile_out) != 0) {
            fprintf(stderr, "sun4m: --profile-guest '%s': write error\n",
                    profile_path);
            if (rc == 0) {
                rc = 1;
            }
        }
        profile_out = NULL;
    }
    /* the last picture, before --stats counts it */
    front_screenshot(&fe);
    if (fe.screenshot_failed && rc == 0) {
        rc = 1;
    }
    if (stats) {
        double wall = wall_seconds() - t0;
        double virt = (double)m->cpu.cycles / cfg.cpu_hz;
        fprintf(stderr,
                "sun4m: stats: instructions %" PRIu64 " cycles %" PRIu64
                " virtual %.6f s wall %.3f s MIPS %.1f idle-skipped %.6f s "
                "poll-skipped %.6f s delay-skipped %.6f s traps %" PRIu64
                " decoded %" PRIu64
                " code-invalidations %" PRIu64 " tlb-flushes %" PRIu64
                " jit-insns %" PRIu64 " jit-blocks %" PRIu64
                " jit-flushes %" PRIu64 " pc 0x%08x\n",
                m->cpu.insns, m->cpu.cycles, virt, wall,
                wall > 0 ? m->cpu.insns / wall / 1e6 : 0.0,
                (double)m->idle_cycles / cfg.cpu_hz,
                (double)m->cpu.poll_skipped / cfg.cpu_hz,
                (double)m->cpu.delay_skipped / cfg.cpu_hz, m->cpu.traps,
                m->cpu.decoded_insns, m->cpu.code_invalidations,
                m->cpu.tlb_flushes, m->cpu.jit_insns, m->cpu.jit_blocks,
                m->cpu.jit_flushes, m->cpu.pc);
        fprintf(stderr,
                "sun4m: stats: dma-bytes %" PRIu64 " dma-transfers %" PRIu64
                " bounced-bytes %" PRIu64 " aio-requests %" PRIu64
                " aio-errors %" PRIu64 " iommu-faults %" PRIu64
                " guest-errors %" PRIu64 "\n",
                m->chain.bytes_moved, m->chain.transfers,
                m->chain.aio.bytes_bounced, m->chain.aio.requests,
                m->chain.aio.errors, m->iommu.faults,
                log_guest_error_count(&m->log));
        if (m->has_tcx) {
            fprintf(stderr,
                    "sun4m: stats: display %s frames %" PRIu64
                    " vram-pages-converted %" PRIu64 " presents %lu"
                    " idle-paced %.6f s screenshots %u kbd-dropped %"
                    PRIu64 " kbd-lost %" PRIu64 " mouse-lost %" PRIu64 "\n",
                    fe.display.kind == DISPLAY_SDL ? "sdl" : "none",
                    m->tcx.frames_rendered, m->tcx.pages_converted,
                    fe.display.presents,
                    (double)fe.paced_cycles / cfg.cpu_hz, fe.screenshots,
                    escc_kbd_dropped(&m->escc_kbd),
                    m->escc_kbd.ch[1].rx_lost, m->escc_kbd.ch[0].rx_lost);
        }
        if (m->net.peer) {
            const NetBackend *b = m->net.peer;
            fprintf(stderr,
                    "sun4m: stats: net %s tx-frames %" PRIu64 " tx-bytes %"
                    PRIu64 " rx-frames %" PRIu64 " rx-bytes %" PRIu64
                    " copied-bytes %" PRIu64 " dropped %" PRIu64
                    " le-copied-bytes %" PRIu64 " le-missed %" PRIu64
                    " host-waits %" PRIu64 " host-wait %.6f s (virtual %.6f s)\n",
                    b->id, b->tx_frames, b->tx_bytes, b->rx_frames,
                    b->rx_bytes, b->copied_bytes, b->dropped,
                    m->le.tx_copied + m->le.rx_copied, m->le.rx_missed, m->net.host_waits,
                    m->net.host_wait_ns / 1e9,
                    (double)m->net.host_wait_cycles / cfg.cpu_hz);
        }
    }
    display_close(&fe.display);
    if (machine_save(m, err, sizeof(err)) < 0) {
        fprintf(stderr, "sun4m: %s\n", err);
        if (rc == 0) {
            rc = 1;
        }
    }
    machine_free(m);
    free(m);
    if (con.log_fd >= 0) {
        close(con.log_fd);
    }
    chardev_close(&con);
    if (serial_b) {
        chardev_close(&con_b);
    }
    runner_free(&runner);
    return rc;
}
