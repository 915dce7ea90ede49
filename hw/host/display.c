/*
 * Host display: the framebuffer in an SDL2 window, keys and mouse back to
 * the board.  See display.h for the contract.
 *
 * Scaling: the image keeps its aspect ratio (letterboxed in black) and is
 * scaled with nearest-neighbour sampling when enlarged, so a 1:1 window is
 * pixel-exact and the console's 1-pixel text strokes stay sharp at any
 * zoom; linear sampling is used only when the window is smaller than the
 * framebuffer, where nearest would drop whole pixel rows of text.  The
 * destination rectangle is our own (not SDL_RenderSetLogicalSize), so SDL
 * leaves the relative mouse motion in host pixels.
 */
#include <SDL2/SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hw/host/display.h"

_Static_assert(DISPLAY_NUM_SCANCODES == SDL_NUM_SCANCODES,
               "DISPLAY_NUM_SCANCODES must match SDL");

/* ASCII only: with the C locale (the program never calls setlocale), SDL's
 * X11 backend cannot convert a non-ASCII title and leaves _NET_WM_NAME,
 * the name window managers show, at its first value. */
#define SEP " - "

static bool sdl_active(const Display *d)
{
    return d->kind == DISPLAY_SDL && d->win != NULL;
}

/* Where the framebuffer goes in the window's drawable: centred, aspect
 * kept, black bars on two sides. */
static void layout(Display *d)
{
    int ow = 0, oh = 0;

    if (SDL_GetRendererOutputSize(d->ren, &ow, &oh) != 0 || ow <= 0 ||
        oh <= 0) {
        ow = d->fb_w;
        oh = d->fb_h;
    }
    if ((int64_t)ow * d->fb_h <= (int64_t)oh * d->fb_w) {
        d->dst_w = ow;
        d->dst_h = (int)((int64_t)ow * d->fb_h / d->fb_w);
    } else {
        d->dst_h = oh;
        d->dst_w = (int)((int64_t)oh * d->fb_w / d->fb_h);
    }
    d->dst_x = (ow - d->dst_w) / 2;
    d->dst_y = (oh - d->dst_h) / 2;
    SDL_SetTextureScaleMode(d->tex, d->dst_w < d->fb_w ? SDL_ScaleModeLinear
                                                       : SDL_ScaleModeNearest);
    d->dirty = true;
}

static void present(Display *d)
{
    SDL_Rect dst = { d->dst_x, d->dst_y, d->dst_w, d->dst_h };

    SDL_SetRenderDrawColor(d->ren, 0, 0, 0, 255);
    SDL_RenderClear(d->ren);
    SDL_RenderCopy(d->ren, d->tex, NULL, &dst);
    SDL_RenderPresent(d->ren);
    d->dirty = false;
    d->last_present_ms = SDL_GetTicks64();
    d->presents++;
}

static void present_if_due(Display *d)
{
    if (d->dirty &&
        SDL_GetTicks64() - d->last_present_ms >= DISPLAY_FRAME_MS) {
        present(d);
    }
}

/* A black texture of the framebuffer's size. */
static SDL_Texture *new_texture(Display *d, int w, int h)
{
    SDL_Texture *t;
    void *pixels;
    int pitch, y;

    t = SDL_CreateTexture(d->ren, SDL_PIXELFORMAT_RGB888,
                          SDL_TEXTUREACCESS_STREAMING, w, h);
    if (t == NULL) {
        return NULL;
    }
    if (SDL_LockTexture(t, NULL, &pixels, &pitch) == 0) {
        for (y = 0; y < h; y++) {
            memset((uint8_t *)pixels + (size_t)y * pitch, 0, (size_t)w * 4);
        }
        SDL_UnlockTexture(t);
    }
    return t;
}

static void set_title(Display *d)
{
    char t[sizeof(d->title)];
    const char *grab = d->grabbed ? "Ctrl+Alt+G releases" : "click to grab";
    const char *close = d->closes > 0 ? SEP "close again to quit" : "";

    if (d->have_status) {
        snprintf(t, sizeof(t), "%s" SEP "%s" SEP "%.3f s" SEP "%.0f MIPS" SEP
                 "%s%s", d->title_base,
                 d->running ? "running" : "paused (Ctrl+Alt+P resumes)",
                 d->vseconds, d->mips,
                 grab, close);
    } else {
        snprintf(t, sizeof(t), "%s" SEP "%s%s", d->title_base, grab,
                 close);
    }
    if (strcmp(t, d->title) != 0) {
        memcpy(d->title, t, sizeof(t));
        SDL_SetWindowTitle(d->win, d->title);
    }
    d->last_title_ms = SDL_GetTicks64();
}

static void set_grab(Display *d, bool on)
{
    if (d->grabbed == on) {
        return;
    }
    d->grabbed = on;
    SDL_SetWindowGrab(d->win, on ? SDL_TRUE : SDL_FALSE);
    SDL_SetWindowKeyboardGrab(d->win, on ? SDL_TRUE : SDL_FALSE);
    /* fails where relative mode is unsupported; the grab still holds */
    SDL_SetRelativeMouseMode(on ? SDL_TRUE : SDL_FALSE);
    if (!on && d->buttons != 0) {
        /* buttons held at release go up for the guest */
        d->buttons = 0;
        if (d->cfg.mouse != NULL) {
            d->cfg.mouse(d->cfg.opaque, 0, 0, 0);
        }
    }
    set_title(d);
}

static void fail(Display *d, char *err, size_t errlen, const char *what)
{
    snprintf(err, errlen, "%s: %s", what, SDL_GetError());
    if (d->tex != NULL) {
        SDL_DestroyTexture(d->tex);
    }
    if (d->ren != NULL) {
        SDL_DestroyRenderer(d->ren);
    }
    if (d->win != NULL) {
        SDL_DestroyWindow(d->win);
    }
    SDL_QuitSubSystem(SDL_INIT_VIDEO);
    SDL_Quit();
    memset(d, 0, sizeof(*d));
    d->kind = DISPLAY_NONE;
}

static bool env_set(const char *name)
{
    const char *v = getenv(name);
    return v != NULL && v[0] != '\0';
}

/* Is the current OpenGL context rasterised on the CPU? */
static bool gl_is_software(void)
{
    typedef const unsigned char *(*GetString)(unsigned name);
    GetString get = (GetString)SDL_GL_GetProcAddress("glGetString");
    const char *r;
    if (get == NULL) {
        return false;
    }
    r = (const char *)get(0x1F01);          /* GL_RENDERER */
    return r != NULL && (strstr(r, "llvmpipe") != NULL ||
                         strstr(r, "softpipe") != NULL ||
                         strstr(r, "Software Rasterizer") != NULL);
}

int display_open(Display *d, const DisplayConfig *cfg, char *err,
                 size_t errlen)
{
    memset(d, 0, sizeof(*d));
    d->kind = DISPLAY_NONE;
    if (cfg->kind == DISPLAY_NONE) {
        d->cfg = *cfg;
        return 0;
    }
    if (cfg->kind != DISPLAY_SDL) {
        snprintf(err, errlen, "unknown display kind %d", (int)cfg->kind);
        return -1;
    }
    if (cfg->width <= 0 || cfg->height <= 0 || cfg->width > DISPLAY_MAX_DIM ||
        cfg->height > DISPLAY_MAX_DIM) {
        snprintf(err, errlen, "bad framebuffer size %dx%d",
                 cfg->width, cfg->height);
        return -1;
    }
    if (SDL_WasInit(SDL_INIT_VIDEO) != 0) {
        snprintf(err, errlen, "a window is already open in this "
                 "process (SDL allows one)");
        return -1;
    }
    /* With no SDL_VIDEODRIVER chosen, a window needs X11 or Wayland:
     * say so plainly rather than let SDL try a console (KMS) driver. */
    if (!env_set("SDL_VIDEODRIVER") && !env_set("DISPLAY") &&
        !env_set("WAYLAND_DISPLAY")) {
        snprintf(err, errlen, "no display to open a window on "
                 "($DISPLAY is not set); use -display none or -nographic");
        return -1;
    }

    d->cfg = *cfg;
    d->fb_w = cfg->width;
    d->fb_h = cfg->height;
    snprintf(d->title_base, sizeof(d->title_base), "%s",
             cfg->title != NULL ? cfg->title : "sun4m");

    /* SIGINT/SIGTERM stay the program's; a window close is ours to
     * count, not an SDL_QUIT too; the host may blank its screen. */
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    SDL_SetHint(SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE, "0");
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "1");
    /* only the server the environment names: trying Wayland where only
     * $DISPLAY is set makes libwayland print to stderr */
    if (!env_set("SDL_VIDEODRIVER")) {
        SDL_SetHint(SDL_HINT_VIDEODRIVER,
                    env_set("DISPLAY") ? "x11" : "wayland");
    }
    if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) {
        char what[96];
        snprintf(what, sizeof(what), "cannot start SDL video (DISPLAY=%s)",
                 env_set("DISPLAY") ? getenv("DISPLAY") : "");
        d->kind = DISPLAY_SDL;
        fail(d, err, errlen, what);
        return -1;
    }
    d->kind = DISPLAY_SDL;
    /* SDL falls back to its invisible "offscreen" driver when X11 and
     * Wayland fail: a window nobody sees is no window. */
    if (!env_set("SDL_VIDEODRIVER")) {
        const char *drv = SDL_GetCurrentVideoDriver();
        if (drv == NULL || strcmp(drv, "offscreen") == 0 ||
            strcmp(drv, "dummy") == 0) {
            SDL_SetError("no X11 or Wayland server answered on %s "
                         "(SDL would use \"%s\")",
                         env_set("DISPLAY") ? getenv("DISPLAY")
                                            : getenv("WAYLAND_DISPLAY"),
                         drv != NULL ? drv : "none");
            fail(d, err, errlen, "cannot open a window");
            return -1;
        }
    }
    d->win = SDL_CreateWindow(d->title_base, SDL_WINDOWPOS_CENTERED,
                              SDL_WINDOWPOS_CENTERED, d->fb_w, d->fb_h,
                              SDL_WINDOW_RESIZABLE |
                              SDL_WINDOW_ALLOW_HIGHDPI);
    if (d->win == NULL) {
        fail(d, err, errlen, "cannot open a window");
        return -1;
    }
    /* no vsync: a present must never block the machine loop */
    d->ren = SDL_CreateRenderer(d->win, -1, SDL_RENDERER_ACCELERATED);
    if (d->ren != NULL && !env_set("SDL_RENDER_DRIVER") &&
        gl_is_software()) {
        /* OpenGL drawn by the CPU (Mesa's llvmpipe: Xvfb, VNC, a
         * machine without a GPU) redraws the whole window through a
         * shader for every present; SDL's own software renderer copies
         * the pixels and costs a fraction of that */
        SDL_DestroyRenderer(d->ren);
        /* and its window surface must be X11's own, not a GL texture */
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
        d->ren = SDL_CreateRenderer(d->win, -1, SDL_RENDERER_SOFTWARE);
    }
    if (d->ren == NULL) {
        d->ren = SDL_CreateRenderer(d->win, -1, SDL_RENDERER_SOFTWARE);
    }
    if (d->ren == NULL) {
        fail(d, err, errlen, "cannot create a renderer");
        return -1;
    }
    d->tex = new_texture(d, d->fb_w, d->fb_h);
    if (d->tex == NULL) {
        fail(d, err, errlen, "cannot create a texture");
        return -1;
    }
    /* keys come as scancodes; no IME or text events wanted */
    SDL_StopTextInput();
    layout(d);
    set_title(d);
    present(d);
    return 0;
}

void display_update(Display *d, const uint32_t *fb, int x, int y, int w,
                    int h)
{
    SDL_Rect r;

    if (!sdl_active(d)) {
        return;
    }
    if (x < 0) {
        w += x;
        x = 0;
    }
    if (y < 0) {
        h += y;
        y = 0;
    }
    if (w > d->fb_w - x) {
        w = d->fb_w - x;
    }
    if (h > d->fb_h - y) {
        h = d->fb_h - y;
    }
    if (w <= 0 || h <= 0) {
        return;
    }
    r.x = x;
    r.y = y;
    r.w = w;
    r.h = h;
    SDL_UpdateTexture(d->tex, &r, fb + (size_t)y * d->fb_w + x,
                      d->fb_w * 4);
    d->uploads++;
    d->dirty = true;
    present_if_due(d);
}

int display_resize(Display *d, int w, int h)
{
    SDL_Texture *t;

    if (!sdl_active(d)) {
        return 0;
    }
    if (w <= 0 || h <= 0 || w > DISPLAY_MAX_DIM || h > DISPLAY_MAX_DIM) {
        return -1;
    }
    if (w == d->fb_w && h == d->fb_h) {
        return 0;
    }
    t = new_texture(d, w, h);
    if (t == NULL) {
        return -1;
    }
    SDL_DestroyTexture(d->tex);
    d->tex = t;
    d->fb_w = w;
    d->fb_h = h;
    if ((SDL_GetWindowFlags(d->win) &
         (SDL_WINDOW_MAXIMIZED | SDL_WINDOW_FULLSCREEN |
          SDL_WINDOW_FULLSCREEN_DESKTOP)) == 0) {
        SDL_SetWindowSize(d->win, w, h);
    }
    layout(d);
    return 0;
}

/* Key-up for every key the guest holds, so none sticks. */
static void release_keys(Display *d)
{
    int sc;

    for (sc = 0; sc < DISPLAY_NUM_SCANCODES; sc++) {
        if (d->held[sc]) {
            d->held[sc] = false;
            if (d->cfg.key != NULL) {
                d->cfg.key(d->cfg.opaque, sc, false);
            }
        }
    }
}

static void close_request(Display *d)
{
    d->closes++;
    if (d->closes == 1) {
        set_title(d);
        if (d->cfg.power_button != NULL) {
            d->cfg.power_button(d->cfg.opaque);
        }
    } else if (d->cfg.quit != NULL) {
        d->cfg.quit(d->cfg.opaque);
    }
}

static void on_key(Display *d, const SDL_KeyboardEvent *k)
{
    int sc = k->keysym.scancode;

    if (sc <= 0 || sc >= DISPLAY_NUM_SCANCODES) {
        return;
    }
    if (k->type == SDL_KEYDOWN) {
        if (k->repeat) {
            return;
        }
        if (sc == SDL_SCANCODE_P && (k->keysym.mod & KMOD_CTRL) &&
            (k->keysym.mod & KMOD_ALT)) {
            /* Ctrl+Alt+P: pause or resume the machine; no P for the
             * guest */
            if (d->cfg.pause != NULL) {
                d->cfg.pause(d->cfg.opaque);
            }
            return;
        }
        if (sc == SDL_SCANCODE_S && (k->keysym.mod & KMOD_CTRL) &&
            (k->keysym.mod & KMOD_ALT)) {
            /* Ctrl+Alt+S: Stop-A (L1-A), for which a PC keyboard has no
             * key: Stop held while A goes down and up.  The guest never
             * sees the S. */
            if (d->cfg.key != NULL) {
                d->cfg.key(d->cfg.opaque, SDL_SCANCODE_STOP, true);
                d->cfg.key(d->cfg.opaque, SDL_SCANCODE_A, true);
                d->cfg.key(d->cfg.opaque, SDL_SCANCODE_A, false);
                d->cfg.key(d->cfg.opaque, SDL_SCANCODE_STOP, false);
            }
            return;
        }
        if (sc == SDL_SCANCODE_G && (k->keysym.mod & KMOD_CTRL) &&
            (k->keysym.mod & KMOD_ALT)) {
            /* the hotkey: toggles the grab, the guest never sees the G
             * (its key-up is dropped below, as G is not held) */
            set_grab(d, !d->grabbed);
            return;
        }
        if (d->held[sc]) {
            return;
        }
        d->held[sc] = true;
        if (d->cfg.key != NULL) {
            d->cfg.key(d->cfg.opaque, sc, true);
        }
    } else {
        /* only keys the guest saw go down come up */
        if (!d->held[sc]) {
            return;
        }
        d->held[sc] = false;
        if (d->cfg.key != NULL) {
            d->cfg.key(d->cfg.opaque, sc, false);
        }
    }
}

static unsigned button_bit(Uint8 b)
{
    switch (b) {
    case SDL_BUTTON_LEFT:
        return DISPLAY_BTN_LEFT;
    case SDL_BUTTON_MIDDLE:
        return DISPLAY_BTN_MIDDLE;
    case SDL_BUTTON_RIGHT:
        return DISPLAY_BTN_RIGHT;
    default:
        return 0;
    }
}

static void flush_motion(Display *d, int *dx, int *dy)
{
    if ((*dx != 0 || *dy != 0) && d->cfg.mouse != NULL) {
        d->cfg.mouse(d->cfg.opaque, *dx, *dy, d->buttons);
    }
    *dx = *dy = 0;
}

static void on_button(Display *d, const SDL_MouseButtonEvent *b, int *dx,
                      int *dy)
{
    unsigned bit = button_bit(b->button);

    if (bit == 0 || b->which == SDL_TOUCH_MOUSEID) {
        return;
    }
    if (b->type == SDL_MOUSEBUTTONDOWN) {
        if (!d->grabbed) {
            /* the click that grabs is the host's, not the guest's */
            d->swallow_buttons |= bit;
            set_grab(d, true);
            return;
        }
        if (d->buttons & bit) {
            return;
        }
        d->buttons |= bit;
    } else {
        if (d->swallow_buttons & bit) {
            d->swallow_buttons &= ~bit;
            return;
        }
        if (!(d->buttons & bit)) {
            return;
        }
        d->buttons &= ~bit;
    }
    flush_motion(d, dx, dy);
    if (d->cfg.mouse != NULL) {
        d->cfg.mouse(d->cfg.opaque, 0, 0, d->buttons);
    }
}

static void on_window(Display *d, const SDL_WindowEvent *w)
{
    switch (w->event) {
    case SDL_WINDOWEVENT_CLOSE:
        close_request(d);
        break;
    case SDL_WINDOWEVENT_SIZE_CHANGED:
        layout(d);
        break;
    case SDL_WINDOWEVENT_EXPOSED:
    case SDL_WINDOWEVENT_RESTORED:
        d->dirty = true;
        break;
    case SDL_WINDOWEVENT_FOCUS_LOST:
        release_keys(d);
        set_grab(d, false);
        d->swallow_buttons = 0;
        break;
    default:
        break;
    }
}

void display_poll(Display *d)
{
    SDL_Event ev;
    int dx = 0, dy = 0;             /* motion of this poll, summed */

    if (!sdl_active(d)) {
        return;
    }
    while (SDL_PollEvent(&ev)) {
        switch (ev.type) {
        case SDL_QUIT:
            close_request(d);
            break;
        case SDL_WINDOWEVENT:
            on_window(d, &ev.window);
            break;
        case SDL_KEYDOWN:
        case SDL_KEYUP:
            on_key(d, &ev.key);
            break;
        case SDL_MOUSEMOTION:
            if (d->grabbed && ev.motion.which != SDL_TOUCH_MOUSEID) {
                dx += ev.motion.xrel;
                dy += ev.motion.yrel;
            }
            break;
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP:
            on_button(d, &ev.button, &dx, &dy);
            break;
        default:
            break;
        }
    }
    flush_motion(d, &dx, &dy);
    if (d->dirty) {
        present_if_due(d);
    }
}

void display_set_status(Display *d, bool running, double virtual_seconds,
                        double mips)
{
    bool changed;

    if (!sdl_active(d)) {
        return;
    }
    changed = !d->have_status || running != d->running;
    d->running = running;
    d->vseconds = virtual_seconds;
    d->mips = mips;
    d->have_status = true;
    if (changed || SDL_GetTicks64() - d->last_title_ms >= DISPLAY_TITLE_MS) {
        set_title(d);
    }
}

void display_close(Display *d)
{
    if (!sdl_active(d)) {
        d->kind = DISPLAY_NONE;
        return;
    }
    if (d->grabbed) {
        SDL_SetRelativeMouseMode(SDL_FALSE);
        SDL_SetWindowKeyboardGrab(d->win, SDL_FALSE);
        SDL_SetWindowGrab(d->win, SDL_FALSE);
        d->grabbed = false;
    }
    SDL_DestroyTexture(d->tex);
    SDL_DestroyRenderer(d->ren);
    SDL_DestroyWindow(d->win);
    d->tex = NULL;
    d->ren = NULL;
    d->win = NULL;
    SDL_QuitSubSystem(SDL_INIT_VIDEO);
    SDL_Quit();
    d->kind = DISPLAY_NONE;
}
