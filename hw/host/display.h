/*
 * Host display: an SDL2 window showing the guest framebuffer, with the
 * keyboard and mouse going back to the board, or nothing at all (headless).
 *
 * The framebuffer is owned by the caller (the board's TCX renderer): an
 * XRGB8888 array, one uint32_t 0x00RRGGBB per pixel, pitch = width.  It
 * exists headless too; screenshots of it are written by hw/host/png.h.
 *
 * SDL is process-global, so one process opens at most one SDL display:
 * display_open() refuses a second (with an error string) while SDL's video
 * is initialised.  SDL is started by display_open(DISPLAY_SDL) and shut
 * down by display_close(); with DISPLAY_NONE no SDL function is ever
 * called, so CI machines without a display never need one.
 *
 * SDL's signal handlers are switched off (SIGINT/SIGTERM stay with the
 * program) and closing the last window does not post SDL_QUIT by itself.
 *
 * The machine loop calls display_poll() every few ms of wall time (when it
 * polls the console), display_update() when the TCX renderer changed a
 * rectangle, and display_set_status() as often as it likes: the title is
 * rewritten at most 4 times a second.  Presents are limited to one per
 * DISPLAY_FRAME_MS; a frame held back is presented by a later poll.
 */
#ifndef HW_DISPLAY_H
#define HW_DISPLAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct SDL_Window;
struct SDL_Renderer;
struct SDL_Texture;

typedef enum DisplayKind {
    DISPLAY_NONE,                   /* headless: every call is a no-op */
    DISPLAY_SDL,                    /* a window on $DISPLAY / Wayland */
} DisplayKind;

/* mouse buttons as passed to DisplayConfig.mouse */
#define DISPLAY_BTN_LEFT    (1u << 0)
#define DISPLAY_BTN_MIDDLE  (1u << 1)
#define DISPLAY_BTN_RIGHT   (1u << 2)

#define DISPLAY_MAX_DIM     4096    /* largest framebuffer side accepted */
#define DISPLAY_NUM_SCANCODES 512   /* SDL_NUM_SCANCODES */
#define DISPLAY_FRAME_MS    30      /* at most one present per this (QEMU: 30) */
#define DISPLAY_TITLE_MS    250     /* at most one title change per this */

typedef struct DisplayConfig {
    DisplayKind kind;
    int width, height;              /* framebuffer size in pixels */
    const char *title;              /* base of the title, "sun4m SS-5" */
    /* Callbacks into the board; any may be NULL. */
    void *opaque;
    /* A key went down or up; sdl_scancode is an SDL_Scancode (USB HID
     * usage), mapped to a Sun code by the board (hw/host/keymap.h).  Key
     * repeats are not passed (the guest repeats by itself); the grab
     * hotkey is not passed. */
    void (*key)(void *opaque, int sdl_scancode, bool down);
    /* Relative motion while grabbed (dx right, dy down: SDL's sense, in
     * host pixels, the motion of one poll summed) and the buttons now
     * held (DISPLAY_BTN_*).  A button change comes with dx = dy = 0. */
    void (*mouse)(void *opaque, int dx, int dy, unsigned buttons);
    void (*pause)(void *opaque);            /* Ctrl+Alt+P: pause/resume */
    void (*power_button)(void *opaque);     /* first window close */
    void (*quit)(void *opaque);             /* second window close */
} DisplayConfig;

/* The state is public only so that the caller can embed it; use the
 * functions below. */
typedef struct Display {
    DisplayKind kind;
    DisplayConfig cfg;
    char title_base[64];
    struct SDL_Window *win;
    struct SDL_Renderer *ren;
    struct SDL_Texture *tex;
    int fb_w, fb_h;                 /* texture size */
    int dst_x, dst_y, dst_w, dst_h; /* where the texture goes (letterbox) */
    bool dirty;                     /* texture or window changed */
    uint64_t last_present_ms;
    bool grabbed;
    unsigned buttons;               /* DISPLAY_BTN_* held (while grabbed) */
    unsigned swallow_buttons;       /* the click that grabbed: not passed */
    int closes;                     /* close requests so far */
    bool held[DISPLAY_NUM_SCANCODES];   /* keys the guest saw go down */
    /* status for the title */
    bool running;
    double vseconds, mips;
    bool have_status;
    uint64_t last_title_ms;
    char title[160];                /* as last set */
    /* counters, for tests and --stats */
    unsigned long presents, uploads;
} Display;

/*
 * Open the display.  For DISPLAY_SDL, a resizable window of the
 * framebuffer's size.  Returns 0, or -1 with a one-line reason in err
 * (no $DISPLAY, SDL could not start, a window is already open...): the
 * caller prints it and exits.  Never exits by itself.  A Display that
 * failed to open is DISPLAY_NONE (its calls are no-ops).
 */
int display_open(Display *d, const DisplayConfig *cfg, char *err,
                 size_t errlen);

/*
 * The rectangle (x, y, w, h) of fb (display_resize()'s size, pitch =
 * width) changed: upload it and present (now, or at the next poll if a
 * frame was presented less than DISPLAY_FRAME_MS ago).  The rectangle is
 * clipped to the framebuffer.
 */
void display_update(Display *d, const uint32_t *fb, int x, int y, int w,
                    int h);

/*
 * The guest changed its video mode: the framebuffer is now w x h.  The
 * window follows unless maximised or fullscreen.  The image is black
 * until the caller updates it (the whole of it, normally).  -1 (and the
 * old size kept) if w or h is out of range or SDL fails.
 */
int display_resize(Display *d, int w, int h);

/*
 * Handle what SDL has queued, without blocking: keys, mouse, grab, window
 * close and exposure; present a frame held back.  With nothing queued and
 * nothing changed it costs one SDL_PollEvent.
 */
void display_poll(Display *d);

/* What the title shows: running or stopped, virtual seconds, MIPS. */
void display_set_status(Display *d, bool running, double virtual_seconds,
                        double mips);

/* Release the grab, close the window and shut SDL down.  Idempotent. */
void display_close(Display *d);

#endif
