/*
 * Host display and PNG screenshots: PNG round trip and errors, the
 * headless display touching no SDL, a refused window without $DISPLAY,
 * and - when Xvfb can be started - a real window: pixels, presents,
 * close, keys, grab hotkey, mouse and title.
 */
#include <SDL2/SDL.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "hw/host/display.h"
#include "hw/host/png.h"
#include "unit.h"

/* ---- PNG ---- */

static char tmpdir[64];

static int make_tmpdir(void)
{
    strcpy(tmpdir, "/tmp/test_display.XXXXXX");
    return mkdtemp(tmpdir) != NULL ? 0 : -1;
}

static void test_png_round_trip(void)
{
    enum { W = 67, H = 41 };
    static uint32_t fb[W * H];
    char path[128], tmp[140], err[256];
    uint32_t *back;
    int x, y, w = 0, h = 0, same = 1;
    struct stat st;

    CU_ASSERT_FATAL(make_tmpdir() == 0);
    for (y = 0; y < H; y++) {
        for (x = 0; x < W; x++) {
            /* every byte value appears; the top byte must be ignored */
            fb[y * W + x] = 0xab000000u | (uint32_t)((x * 7 + y) & 255) << 16 |
                            (uint32_t)((x + y * 13) & 255) << 8 |
                            (uint32_t)((x * y + 5) & 255);
        }
    }
    snprintf(path, sizeof(path), "%s/shot.png", tmpdir);
    snprintf(tmp, sizeof(tmp), "%s.tmp", path);
    err[0] = '\0';
    CU_ASSERT_EQUAL(png_write_xrgb(path, fb, W, H, err, sizeof(err)), 0);
    CU_ASSERT_STRING_EQUAL(err, "");
    CU_ASSERT_EQUAL(stat(tmp, &st), -1);
    back = png_read_xrgb(path, &w, &h, err, sizeof(err));
    CU_ASSERT_PTR_NOT_NULL_FATAL(back);
    CU_ASSERT_EQUAL(w, W);
    CU_ASSERT_EQUAL(h, H);
    for (x = 0; x < W * H; x++) {
        if (back[x] != (fb[x] & 0xffffff)) {
            same = 0;
        }
    }
    CU_ASSERT_TRUE(same);
    free(back);
    /* over an existing file */
    fb[0] = 0x123456;
    CU_ASSERT_EQUAL(png_write_xrgb(path, fb, W, H, err, sizeof(err)), 0);
    back = png_read_xrgb(path, &w, &h, err, sizeof(err));
    CU_ASSERT_PTR_NOT_NULL_FATAL(back);
    CU_ASSERT_EQUAL(back[0], 0x123456);
    free(back);
    unlink(path);
}

static void test_png_errors(void)
{
    static uint32_t fb[16 * 16];
    char path[128], tmp[140], err[256];
    int w, h;
    struct stat st;
    FILE *f;

    /* a directory that does not exist */
    err[0] = '\0';
    CU_ASSERT_EQUAL(png_write_xrgb("/nonexistent-dir/x.png", fb, 16, 16, err,
                                   sizeof(err)), -1);
    printf("\n    unwritable: %s\n", err);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "/nonexistent-dir/x.png"));
    CU_ASSERT_PTR_NULL(strchr(err, '\n'));

    /* the rename fails (the path is a directory): no .tmp left */
    snprintf(tmp, sizeof(tmp), "%s.tmp", tmpdir);
    err[0] = '\0';
    CU_ASSERT_EQUAL(png_write_xrgb(tmpdir, fb, 16, 16, err, sizeof(err)), -1);
    printf("    onto a directory: %s\n", err);
    CU_ASSERT_NOT_EQUAL(err[0], '\0');
    CU_ASSERT_EQUAL(stat(tmp, &st), -1);

    /* bad size */
    err[0] = '\0';
    CU_ASSERT_EQUAL(png_write_xrgb("/tmp/x.png", fb, 0, 16, err, sizeof(err)),
                    -1);
    CU_ASSERT_NOT_EQUAL(err[0], '\0');

    /* reading: missing file, not a PNG */
    err[0] = '\0';
    CU_ASSERT_PTR_NULL(png_read_xrgb("/nonexistent-dir/x.png", &w, &h, err,
                                     sizeof(err)));
    CU_ASSERT_NOT_EQUAL(err[0], '\0');
    snprintf(path, sizeof(path), "%s/junk.png", tmpdir);
    f = fopen(path, "w");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    fputs("this is not a PNG file at all\n", f);
    fclose(f);
    err[0] = '\0';
    CU_ASSERT_PTR_NULL(png_read_xrgb(path, &w, &h, err, sizeof(err)));
    printf("    not a PNG: %s\n", err);
    CU_ASSERT_NOT_EQUAL(err[0], '\0');
    unlink(path);
    rmdir(tmpdir);
}

/* ---- callbacks ---- */

typedef struct Seen {
    int nkeys;
    int key[64];
    bool down[64];
    int nmouse;
    int dx, dy;                     /* of the last mouse call */
    unsigned buttons;
    int power, quit, pause;
} Seen;

static void on_key(void *opaque, int sc, bool down)
{
    Seen *s = opaque;
    if (s->nkeys < 64) {
        s->key[s->nkeys] = sc;
        s->down[s->nkeys] = down;
    }
    s->nkeys++;
}

static void on_mouse(void *opaque, int dx, int dy, unsigned buttons)
{
    Seen *s = opaque;
    s->nmouse++;
    s->dx = dx;
    s->dy = dy;
    s->buttons = buttons;
}

static void on_power(void *opaque)
{
    ((Seen *)opaque)->power++;
}

static void on_quit(void *opaque)
{
    ((Seen *)opaque)->quit++;
}

static void on_pause(void *opaque)
{
    ((Seen *)opaque)->pause++;
}

static DisplayConfig config(DisplayKind kind, int w, int h, Seen *s)
{
    DisplayConfig c = {
        .kind = kind, .width = w, .height = h, .title = "sun4m SS-5",
        .opaque = s, .key = on_key, .mouse = on_mouse,
        .power_button = on_power, .quit = on_quit, .pause = on_pause,
    };
    return c;
}

/* ---- headless ---- */

static void test_none_is_noop(void)
{
    static uint32_t fb[64 * 48];
    Display d;
    Seen s;
    DisplayConfig c;
    char err[256] = "";

    memset(&s, 0, sizeof(s));
    c = config(DISPLAY_NONE, 64, 48, &s);
    CU_ASSERT_EQUAL(SDL_WasInit(0), 0);
    CU_ASSERT_EQUAL(display_open(&d, &c, err, sizeof(err)), 0);
    display_update(&d, fb, 0, 0, 64, 48);
    CU_ASSERT_EQUAL(display_resize(&d, 128, 96), 0);
    display_poll(&d);
    display_set_status(&d, true, 1.0, 50.0);
    display_close(&d);
    display_close(&d);
    CU_ASSERT_EQUAL(SDL_WasInit(0), 0);
    CU_ASSERT_EQUAL(s.nkeys + s.nmouse + s.power + s.quit, 0);
    CU_ASSERT_EQUAL(d.presents + d.uploads, 0);
}

static void test_no_display_refused(void)
{
    Display d;
    Seen s;
    DisplayConfig c;
    char err[256] = "";
    static uint32_t fb[64 * 48];

    unsetenv("DISPLAY");
    unsetenv("WAYLAND_DISPLAY");
    unsetenv("SDL_VIDEODRIVER");
    memset(&s, 0, sizeof(s));
    c = config(DISPLAY_SDL, 64, 48, &s);
    CU_ASSERT_EQUAL(display_open(&d, &c, err, sizeof(err)), -1);
    printf("\n    no $DISPLAY: %s\n", err);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "DISPLAY"));
    CU_ASSERT_PTR_NULL(strchr(err, '\n'));
    CU_ASSERT_EQUAL(SDL_WasInit(0), 0);
    /* the failed Display is headless */
    CU_ASSERT_EQUAL(d.kind, DISPLAY_NONE);
    display_update(&d, fb, 0, 0, 64, 48);
    display_poll(&d);
    display_close(&d);
    CU_ASSERT_EQUAL(SDL_WasInit(0), 0);

    /* a $DISPLAY with no server behind it: SDL itself fails */
    setenv("DISPLAY", ":4999", 1);
    setenv("SDL_VIDEODRIVER", "x11", 1);
    err[0] = '\0';
    CU_ASSERT_EQUAL(display_open(&d, &c, err, sizeof(err)), -1);
    printf("    dead $DISPLAY: %s\n", err);
    CU_ASSERT_NOT_EQUAL(err[0], '\0');
    CU_ASSERT_PTR_NULL(strchr(err, '\n'));
    CU_ASSERT_EQUAL(SDL_WasInit(0), 0);
    unsetenv("DISPLAY");
    unsetenv("SDL_VIDEODRIVER");

    /* bad sizes */
    c.width = 0;
    CU_ASSERT_EQUAL(display_open(&d, &c, err, sizeof(err)), -1);
    c.width = DISPLAY_MAX_DIM + 1;
    CU_ASSERT_EQUAL(display_open(&d, &c, err, sizeof(err)), -1);
}

/* ---- a real window under Xvfb ---- */

/*
 * Under SANITIZE=1, libX11, libdbus and the Mesa modules SDL unloads at
 * SDL_Quit() leave a few hundred bytes that LeakSanitizer reports (from
 * frames it can no longer name, so suppressions cannot match them).  The
 * window tests run with leak tracking off on this thread; display.c
 * itself allocates nothing, and the PNG tests stay checked.
 */
void __lsan_disable(void) __attribute__((weak));
void __lsan_enable(void) __attribute__((weak));
const char *__lsan_default_suppressions(void);

/* SDL_Init's D-Bus connection, also when SDL fails to start */
const char *__lsan_default_suppressions(void)
{
    return "leak:libdbus-1.so\nleak:libX11.so\n";
}

static void lsan_off(void)
{
    if (__lsan_disable != NULL) {
        __lsan_disable();
    }
}

static void lsan_on(void)
{
    if (__lsan_enable != NULL) {
        __lsan_enable();
    }
}

static pid_t xvfb_pid = -1;
static char xvfb_display[16];       /* ":N" */
static char xvfb_why[128];

/* Start Xvfb on a display number it picks (-displayfd): 0, or -1 with the
 * reason in xvfb_why. */
static int xvfb_start(void)
{
    int p[2], n = 0, null;
    char buf[32], fdarg[16];
    struct pollfd pf;
    ssize_t r;

    if (pipe(p) != 0) {
        snprintf(xvfb_why, sizeof(xvfb_why), "pipe: %s", strerror(errno));
        return -1;
    }
    xvfb_pid = fork();
    if (xvfb_pid == 0) {
        /* gone with this test even if it crashes */
        prctl(PR_SET_PDEATHSIG, SIGTERM);
        close(p[0]);
        null = open("/dev/null", O_RDWR);
        dup2(null, 0);
        dup2(null, 1);
        dup2(null, 2);
        snprintf(fdarg, sizeof(fdarg), "%d", p[1]);
        /* -noreset: when its last client leaves, Xvfb otherwise resets
         * and refuses the next connection for a moment */
        execlp("Xvfb", "Xvfb", "-displayfd", fdarg, "-screen", "0",
               "1280x1024x24", "-nolisten", "tcp", "-noreset", (char *)NULL);
        _exit(127);
    }
    close(p[1]);
    if (xvfb_pid < 0) {
        close(p[0]);
        snprintf(xvfb_why, sizeof(xvfb_why), "fork: %s", strerror(errno));
        return -1;
    }
    /* the display number and a newline, once it accepts clients */
    pf.fd = p[0];
    pf.events = POLLIN;
    while (n < (int)sizeof(buf) - 1 && poll(&pf, 1, 10000) == 1) {
        r = read(p[0], buf + n, sizeof(buf) - 1 - n);
        if (r <= 0) {
            break;
        }
        n += (int)r;
        if (memchr(buf, '\n', n) != NULL) {
            break;
        }
    }
    close(p[0]);
    buf[n] = '\0';
    if (n == 0 || memchr(buf, '\n', n) == NULL) {
        kill(xvfb_pid, SIGTERM);
        waitpid(xvfb_pid, NULL, 0);
        xvfb_pid = -1;
        snprintf(xvfb_why, sizeof(xvfb_why), "Xvfb did not start (not "
                 "installed?)");
        return -1;
    }
    snprintf(xvfb_display, sizeof(xvfb_display), ":%d", atoi(buf));
    return 0;
}

static void xvfb_stop(void)
{
    if (xvfb_pid > 0) {
        kill(xvfb_pid, SIGTERM);
        waitpid(xvfb_pid, NULL, 0);
        xvfb_pid = -1;
    }
}

static void sleep_ms(int ms)
{
    struct timespec t = { ms / 1000, (long)(ms % 1000) * 1000000 };
    nanosleep(&t, NULL);
}

/* poll for ms, letting the X server's own events (map, expose) pass */
static void settle(Display *d, int ms)
{
    int i;
    for (i = 0; i < ms / 5; i++) {
        display_poll(d);
        sleep_ms(5);
    }
}

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

/* What the window would show now: the texture drawn again and read back
 * (the back buffer after a present is undefined). */
static int read_window(Display *d, uint32_t *out, int w, int h)
{
    SDL_Rect dst = { d->dst_x, d->dst_y, d->dst_w, d->dst_h };
    SDL_Rect all = { 0, 0, w, h };

    SDL_SetRenderDrawColor(d->ren, 0, 0, 0, 255);
    SDL_RenderClear(d->ren);
    SDL_RenderCopy(d->ren, d->tex, NULL, &dst);
    return SDL_RenderReadPixels(d->ren, &all, SDL_PIXELFORMAT_RGB888, out,
                                w * 4);
}

static void push_window(Display *d, Uint8 what)
{
    SDL_Event e;
    memset(&e, 0, sizeof(e));
    e.type = SDL_WINDOWEVENT;
    e.window.windowID = SDL_GetWindowID(d->win);
    e.window.event = what;
    SDL_PushEvent(&e);
}

static void push_key(Display *d, bool down, SDL_Scancode sc, Uint16 mod,
                     bool repeat)
{
    SDL_Event e;
    memset(&e, 0, sizeof(e));
    e.type = down ? SDL_KEYDOWN : SDL_KEYUP;
    e.key.windowID = SDL_GetWindowID(d->win);
    e.key.state = down ? SDL_PRESSED : SDL_RELEASED;
    e.key.repeat = repeat;
    e.key.keysym.scancode = sc;
    e.key.keysym.mod = mod;
    SDL_PushEvent(&e);
}

static void push_button(Display *d, bool down, Uint8 button)
{
    SDL_Event e;
    memset(&e, 0, sizeof(e));
    e.type = down ? SDL_MOUSEBUTTONDOWN : SDL_MOUSEBUTTONUP;
    e.button.windowID = SDL_GetWindowID(d->win);
    e.button.button = button;
    e.button.state = down ? SDL_PRESSED : SDL_RELEASED;
    e.button.clicks = 1;
    SDL_PushEvent(&e);
}

static void push_motion(Display *d, int dx, int dy)
{
    SDL_Event e;
    memset(&e, 0, sizeof(e));
    e.type = SDL_MOUSEMOTION;
    e.motion.windowID = SDL_GetWindowID(d->win);
    e.motion.xrel = dx;
    e.motion.yrel = dy;
    SDL_PushEvent(&e);
}

enum { FW = 320, FH = 200 };

static int open_window(Display *d, Seen *s, uint32_t *fb)
{
    DisplayConfig c;
    char err[256] = "";
    SDL_RendererInfo info;

    setenv("DISPLAY", xvfb_display, 1);
    unsetenv("WAYLAND_DISPLAY");
    unsetenv("SDL_VIDEODRIVER");
    printf("\n    Xvfb on %s ", xvfb_display);
    memset(s, 0, sizeof(*s));
    memset(fb, 0, FW * FH * sizeof(*fb));
    c = config(DISPLAY_SDL, FW, FH, s);
    lsan_off();                     /* until the test's display_close() */
    if (display_open(d, &c, err, sizeof(err)) != 0) {
        lsan_on();
        CU_FAIL("display_open under Xvfb");
        printf("\n    %s\n", err);
        return -1;
    }
    if (SDL_GetRendererInfo(d->ren, &info) == 0) {
        printf("(SDL %s driver, %s renderer) ", SDL_GetCurrentVideoDriver(),
               info.name);
    }
    settle(d, 150);
    return 0;
}

static void test_window_pixels(void)
{
    static uint32_t fb[FW * FH], shown[FW * FH];
    Display d, d2;
    Seen s;
    DisplayConfig c;
    char err[256] = "";
    int x, y, ok = 1, ok_out = 1;
    unsigned long presents, uploads;
    double t0, per_poll;

    if (open_window(&d, &s, fb) != 0) {
        return;
    }
    CU_ASSERT_EQUAL(d.dst_w, FW);
    CU_ASSERT_EQUAL(d.dst_h, FH);

    /* a second window in this process is refused */
    c = config(DISPLAY_SDL, FW, FH, &s);
    CU_ASSERT_EQUAL(display_open(&d2, &c, err, sizeof(err)), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "already open"));

    /* fill the whole framebuffer, upload only a rectangle */
    for (y = 0; y < FH; y++) {
        for (x = 0; x < FW; x++) {
            fb[y * FW + x] = (uint32_t)(x & 255) << 16 |
                             (uint32_t)(y & 255) << 8 | 0x5a;
        }
    }
    uploads = d.uploads;
    display_update(&d, fb, 10, 20, 50, 30);
    CU_ASSERT_EQUAL(d.uploads, uploads + 1);
    settle(&d, DISPLAY_FRAME_MS + 20);
    CU_ASSERT_FALSE(d.dirty);
    CU_ASSERT_EQUAL_FATAL(read_window(&d, shown, FW, FH), 0);
    for (y = 0; y < FH; y++) {
        for (x = 0; x < FW; x++) {
            bool in = x >= 10 && x < 60 && y >= 20 && y < 50;
            uint32_t got = shown[y * FW + x] & 0xffffff;
            if (in && got != fb[y * FW + x]) {
                ok = 0;
            }
            if (!in && got != 0) {
                ok_out = 0;
            }
        }
    }
    CU_ASSERT_TRUE(ok);             /* the rectangle arrived exactly */
    CU_ASSERT_TRUE(ok_out);         /* and nothing else was uploaded */

    /* clipping: a rectangle hanging over the edges */
    display_update(&d, fb, -5, FH - 3, FW + 10, 10);
    CU_ASSERT_EQUAL_FATAL(read_window(&d, shown, FW, FH), 0);
    CU_ASSERT_EQUAL(shown[(FH - 1) * FW + FW - 1] & 0xffffff,
                    fb[(FH - 1) * FW + FW - 1]);
    CU_ASSERT_EQUAL(shown[(FH - 4) * FW] & 0xffffff, 0);

    /* idle: no upload, no present, and cheap */
    settle(&d, 50);
    presents = d.presents;
    uploads = d.uploads;
    per_poll = 1;
    for (y = 0; y < 5; y++) {       /* the best of 5, for a busy host */
        t0 = now_s();
        for (x = 0; x < 2000; x++) {
            display_poll(&d);
        }
        if ((now_s() - t0) / 2000 < per_poll) {
            per_poll = (now_s() - t0) / 2000;
        }
    }
    printf("\n    idle poll: %.2f us ", per_poll * 1e6);
    CU_ASSERT_EQUAL(d.presents, presents);
    CU_ASSERT_EQUAL(d.uploads, uploads);
    /* every 2 ms, 2% of a core allows 40 us */
    CU_ASSERT(per_poll < 40e-6);

    /* many updates in a burst: presents are rate-limited */
    presents = d.presents;
    for (x = 0; x < 100; x++) {
        display_update(&d, fb, x, x, 8, 8);
    }
    CU_ASSERT(d.presents - presents <= 2);
    settle(&d, DISPLAY_FRAME_MS + 20);
    CU_ASSERT_FALSE(d.dirty);

    /* a mode change: the window follows, black until updated */
    CU_ASSERT_EQUAL(display_resize(&d, FW / 2, FH / 2), 0);
    CU_ASSERT_EQUAL(d.fb_w, FW / 2);
    settle(&d, 100);
    SDL_GetWindowSize(d.win, &x, &y);
    CU_ASSERT_EQUAL(x, FW / 2);
    CU_ASSERT_EQUAL(y, FH / 2);
    CU_ASSERT_EQUAL(display_resize(&d, 0, 10), -1);

    /* a wider window: letterboxed, aspect kept */
    SDL_SetWindowSize(d.win, FW * 2, FH / 2);
    settle(&d, 100);
    SDL_GetWindowSize(d.win, &x, &y);
    if (x == FW * 2 && y == FH / 2) {
        CU_ASSERT_EQUAL(d.dst_h, FH / 2);
        CU_ASSERT_EQUAL(d.dst_w, FW / 2);
        CU_ASSERT_EQUAL(d.dst_x, (FW * 2 - FW / 2) / 2);
    } else {
        printf("\n    (window manager kept the size %dx%d) ", x, y);
    }

    display_close(&d);
    display_close(&d);
    lsan_on();
    CU_ASSERT_EQUAL(SDL_WasInit(0), 0);
}

static void test_window_input(void)
{
    static uint32_t fb[FW * FH];
    Display d;
    Seen s;
    char title[200];

    if (open_window(&d, &s, fb) != 0) {
        return;
    }
    memset(&s, 0, sizeof(s));

    /* close: the power button, then quit */
    push_window(&d, SDL_WINDOWEVENT_CLOSE);
    display_poll(&d);
    CU_ASSERT_EQUAL(s.power, 1);
    CU_ASSERT_EQUAL(s.quit, 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(SDL_GetWindowTitle(d.win),
                                  "close again to quit"));
    push_window(&d, SDL_WINDOWEVENT_CLOSE);
    display_poll(&d);
    CU_ASSERT_EQUAL(s.power, 1);
    CU_ASSERT_EQUAL(s.quit, 1);

    /* keys: scancodes through, repeats dropped */
    push_key(&d, true, SDL_SCANCODE_A, 0, false);
    push_key(&d, true, SDL_SCANCODE_A, 0, true);
    push_key(&d, false, SDL_SCANCODE_A, 0, false);
    display_poll(&d);
    CU_ASSERT_EQUAL_FATAL(s.nkeys, 2);
    CU_ASSERT_EQUAL(s.key[0], SDL_SCANCODE_A);
    CU_ASSERT_TRUE(s.down[0]);
    CU_ASSERT_EQUAL(s.key[1], SDL_SCANCODE_A);
    CU_ASSERT_FALSE(s.down[1]);

    /* Ctrl+Alt+G grabs (and releases); the G never reaches the guest */
    s.nkeys = 0;
    CU_ASSERT_FALSE(d.grabbed);
    push_key(&d, true, SDL_SCANCODE_LCTRL, KMOD_LCTRL, false);
    push_key(&d, true, SDL_SCANCODE_LALT, KMOD_LCTRL | KMOD_LALT, false);
    push_key(&d, true, SDL_SCANCODE_G, KMOD_LCTRL | KMOD_LALT, false);
    push_key(&d, false, SDL_SCANCODE_G, KMOD_LCTRL | KMOD_LALT, false);
    display_poll(&d);
    CU_ASSERT_TRUE(d.grabbed);
    CU_ASSERT_EQUAL_FATAL(s.nkeys, 2);
    CU_ASSERT_EQUAL(s.key[0], SDL_SCANCODE_LCTRL);
    CU_ASSERT_EQUAL(s.key[1], SDL_SCANCODE_LALT);
    CU_ASSERT_PTR_NOT_NULL(strstr(SDL_GetWindowTitle(d.win),
                                  "Ctrl+Alt+G releases"));
    push_key(&d, true, SDL_SCANCODE_G, KMOD_LCTRL | KMOD_LALT, false);
    push_key(&d, false, SDL_SCANCODE_G, KMOD_LCTRL | KMOD_LALT, false);
    display_poll(&d);
    CU_ASSERT_FALSE(d.grabbed);
    CU_ASSERT_EQUAL(s.nkeys, 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(SDL_GetWindowTitle(d.win),
                                  "click to grab"));

    /* Ctrl+Alt+S is Stop-A: Stop down, A down and up, Stop up; no S */
    push_key(&d, true, SDL_SCANCODE_S, KMOD_LCTRL | KMOD_LALT, false);
    push_key(&d, false, SDL_SCANCODE_S, KMOD_LCTRL | KMOD_LALT, false);
    display_poll(&d);
    CU_ASSERT_EQUAL_FATAL(s.nkeys, 6);
    CU_ASSERT(s.key[2] == SDL_SCANCODE_STOP && s.down[2]);
    CU_ASSERT(s.key[3] == SDL_SCANCODE_A && s.down[3]);
    CU_ASSERT(s.key[4] == SDL_SCANCODE_A && !s.down[4]);
    CU_ASSERT(s.key[5] == SDL_SCANCODE_STOP && !s.down[5]);
    s.nkeys = 2;

    /* Ctrl+Alt+P pauses (the front end's business); no P for the guest,
     * and the title says how to resume */
    push_key(&d, true, SDL_SCANCODE_P, KMOD_LCTRL | KMOD_LALT, false);
    push_key(&d, false, SDL_SCANCODE_P, KMOD_LCTRL | KMOD_LALT, false);
    display_poll(&d);
    CU_ASSERT_EQUAL(s.pause, 1);
    CU_ASSERT_EQUAL(s.nkeys, 2);
    display_set_status(&d, false, 1.0, 0.0);
    CU_ASSERT_PTR_NOT_NULL(strstr(SDL_GetWindowTitle(d.win),
                                  "paused (Ctrl+Alt+P resumes)"));

    /* focus lost: the held Ctrl and Alt come up */
    push_window(&d, SDL_WINDOWEVENT_FOCUS_LOST);
    display_poll(&d);
    CU_ASSERT_EQUAL_FATAL(s.nkeys, 4);
    CU_ASSERT_FALSE(s.down[2]);
    CU_ASSERT_FALSE(s.down[3]);
    CU_ASSERT((s.key[2] == SDL_SCANCODE_LCTRL &&
               s.key[3] == SDL_SCANCODE_LALT) ||
              (s.key[2] == SDL_SCANCODE_LALT &&
               s.key[3] == SDL_SCANCODE_LCTRL));
    /* their late key-ups are not passed twice */
    push_key(&d, false, SDL_SCANCODE_LCTRL, 0, false);
    display_poll(&d);
    CU_ASSERT_EQUAL(s.nkeys, 4);

    /* mouse: motion ignored until a click grabs; that click is the host's */
    s.nmouse = 0;
    push_motion(&d, 5, 5);
    push_button(&d, true, SDL_BUTTON_LEFT);
    push_button(&d, false, SDL_BUTTON_LEFT);
    display_poll(&d);
    CU_ASSERT_TRUE(d.grabbed);
    CU_ASSERT_EQUAL(s.nmouse, 0);
    settle(&d, 50);
    s.nmouse = 0;
    /* motion of one poll is summed */
    push_motion(&d, 3, -2);
    push_motion(&d, 3, -2);
    display_poll(&d);
    CU_ASSERT_EQUAL(s.nmouse, 1);
    CU_ASSERT_EQUAL(s.dx, 6);
    CU_ASSERT_EQUAL(s.dy, -4);
    CU_ASSERT_EQUAL(s.buttons, 0);
    /* buttons: motion before a press is sent first */
    push_motion(&d, 1, 0);
    push_button(&d, true, SDL_BUTTON_RIGHT);
    display_poll(&d);
    CU_ASSERT_EQUAL(s.nmouse, 3);
    CU_ASSERT_EQUAL(s.dx, 0);
    CU_ASSERT_EQUAL(s.buttons, DISPLAY_BTN_RIGHT);
    push_button(&d, true, SDL_BUTTON_MIDDLE);
    push_button(&d, false, SDL_BUTTON_RIGHT);
    display_poll(&d);
    CU_ASSERT_EQUAL(s.nmouse, 5);
    CU_ASSERT_EQUAL(s.buttons, DISPLAY_BTN_MIDDLE);
    /* releasing the grab lets the buttons go */
    push_key(&d, true, SDL_SCANCODE_G, KMOD_RCTRL | KMOD_RALT, false);
    display_poll(&d);
    CU_ASSERT_FALSE(d.grabbed);
    CU_ASSERT_EQUAL(s.nmouse, 6);
    CU_ASSERT_EQUAL(s.buttons, 0);

    /* the title: status at once, then at most every DISPLAY_TITLE_MS */
    display_set_status(&d, true, 12.345, 87.2);
    snprintf(title, sizeof(title), "%s", SDL_GetWindowTitle(d.win));
    printf("\n    title: %s ", title);
    CU_ASSERT_STRING_EQUAL(title, "sun4m SS-5 - running - 12.345 s - 87 MIPS"
                           " - click to grab - close again to quit");
    display_set_status(&d, true, 13.0, 87.2);
    CU_ASSERT_STRING_EQUAL(SDL_GetWindowTitle(d.win), title);
    sleep_ms(DISPLAY_TITLE_MS + 20);
    display_set_status(&d, true, 13.0, 87.2);
    CU_ASSERT_PTR_NOT_NULL(strstr(SDL_GetWindowTitle(d.win), "13.000 s"));
    display_set_status(&d, false, 13.5, 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(SDL_GetWindowTitle(d.win), "paused"));

    /* SDL_QUIT counts as a close too */
    {
        SDL_Event e;
        memset(&e, 0, sizeof(e));
        e.type = SDL_QUIT;
        SDL_PushEvent(&e);
    }
    display_poll(&d);
    CU_ASSERT_EQUAL(s.quit, 2);
    display_close(&d);
    lsan_on();
}

static int clean(void)
{
    xvfb_stop();
    return 0;
}

static const UnitTest tests[] = {
    { "headless display calls no SDL", test_none_is_noop },
    { "PNG round trip", test_png_round_trip },
    { "PNG errors", test_png_errors },
    { "no $DISPLAY: refused with a reason", test_no_display_refused },
    /* these two only when Xvfb starts */
    { "Xvfb window: pixels, presents, resize", test_window_pixels },
    { "Xvfb window: close, keys, grab, mouse, title", test_window_input },
};

#define N_HEADLESS 4

int main(void)
{
    int rc;

    if (xvfb_start() == 0) {
        return UNIT_RUN("display", NULL, clean, tests);
    }
    /* not counted as passes: the window tests are left out */
    printf("SKIP: the 2 window tests: %s\n", xvfb_why);
    rc = unit_run("display", NULL, clean, tests, N_HEADLESS);
    printf("SKIP: the 2 window tests: %s\n", xvfb_why);
    return rc;
}
