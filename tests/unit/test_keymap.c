/*
 * SDL2 scancodes to Sun type 5 key numbers (hw/host/keymap.c): coverage
 * of the US layout, the Sun-only keys, unknown codes, and which Sun keys
 * more than one host key reaches.
 */
#include <string.h>

#include <SDL2/SDL_scancode.h>

#include "hw/host/keymap.h"
#include "unit.h"

typedef struct Pair {
    int sdl, sun;
} Pair;

static void check_pairs(const Pair *p, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        CU_ASSERT_EQUAL(keymap_sdl_to_sun(p[i].sdl), p[i].sun);
        if (keymap_sdl_to_sun(p[i].sdl) != p[i].sun) {
            fprintf(stderr, "\nscancode %d: got %d, want %d\n", p[i].sdl,
                    keymap_sdl_to_sun(p[i].sdl), p[i].sun);
        }
    }
}

static void test_letters_digits(void)
{
    /* the type 5's rows (Linux sunkbd.c, QEMU escc.c): Q..P 54-63,
     * A..L 77-85, Z..M 100-106, 1..0 30-39 */
    static const char rows[3][11] = { "QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM" };
    static const int first[3] = { 54, 77, 100 };
    unsigned r, i;
    int n = 0;
    for (r = 0; r < 3; r++) {
        for (i = 0; rows[r][i]; i++) {
            int sdl = SDL_SCANCODE_A + (rows[r][i] - 'A');
            CU_ASSERT_EQUAL(keymap_sdl_to_sun(sdl), first[r] + (int)i);
            n++;
        }
    }
    CU_ASSERT_EQUAL(n, 26);
    for (i = 0; i < 9; i++) {
        CU_ASSERT_EQUAL(keymap_sdl_to_sun(SDL_SCANCODE_1 + (int)i),
                        30 + (int)i);
    }
    CU_ASSERT_EQUAL(keymap_sdl_to_sun(SDL_SCANCODE_0), 39);
}

static void test_us_layout(void)
{
    static const Pair p[] = {
        { SDL_SCANCODE_ESCAPE, 29 }, { SDL_SCANCODE_GRAVE, 42 },
        { SDL_SCANCODE_MINUS, 40 }, { SDL_SCANCODE_EQUALS, 41 },
        { SDL_SCANCODE_BACKSPACE, 43 }, { SDL_SCANCODE_TAB, 53 },
        { SDL_SCANCODE_LEFTBRACKET, 64 }, { SDL_SCANCODE_RIGHTBRACKET, 65 },
        { SDL_SCANCODE_BACKSLASH, 88 }, { SDL_SCANCODE_SEMICOLON, 86 },
        { SDL_SCANCODE_APOSTROPHE, 87 }, { SDL_SCANCODE_RETURN, 89 },
        { SDL_SCANCODE_COMMA, 107 }, { SDL_SCANCODE_PERIOD, 108 },
        { SDL_SCANCODE_SLASH, 109 }, { SDL_SCANCODE_SPACE, 121 },
        { SDL_SCANCODE_F1, 5 }, { SDL_SCANCODE_F2, 6 }, { SDL_SCANCODE_F3, 8 },
        { SDL_SCANCODE_F4, 10 }, { SDL_SCANCODE_F5, 12 },
        { SDL_SCANCODE_F6, 14 }, { SDL_SCANCODE_F7, 16 },
        { SDL_SCANCODE_F8, 17 }, { SDL_SCANCODE_F9, 18 },
        { SDL_SCANCODE_F10, 7 }, { SDL_SCANCODE_F11, 9 },
        { SDL_SCANCODE_F12, 11 },
        { SDL_SCANCODE_UP, 20 }, { SDL_SCANCODE_LEFT, 24 },
        { SDL_SCANCODE_DOWN, 27 }, { SDL_SCANCODE_RIGHT, 28 },
        { SDL_SCANCODE_INSERT, 44 }, { SDL_SCANCODE_HOME, 52 },
        { SDL_SCANCODE_PAGEUP, 96 }, { SDL_SCANCODE_DELETE, 66 },
        { SDL_SCANCODE_END, 74 }, { SDL_SCANCODE_PAGEDOWN, 123 },
        { SDL_SCANCODE_NUMLOCKCLEAR, 98 }, { SDL_SCANCODE_KP_DIVIDE, 46 },
        { SDL_SCANCODE_KP_MULTIPLY, 47 }, { SDL_SCANCODE_KP_MINUS, 71 },
        { SDL_SCANCODE_KP_7, 68 }, { SDL_SCANCODE_KP_8, 69 },
        { SDL_SCANCODE_KP_9, 70 }, { SDL_SCANCODE_KP_PLUS, 125 },
        { SDL_SCANCODE_KP_4, 91 }, { SDL_SCANCODE_KP_5, 92 },
        { SDL_SCANCODE_KP_6, 93 }, { SDL_SCANCODE_KP_1, 112 },
        { SDL_SCANCODE_KP_2, 113 }, { SDL_SCANCODE_KP_3, 114 },
        { SDL_SCANCODE_KP_ENTER, 90 }, { SDL_SCANCODE_KP_0, 94 },
        { SDL_SCANCODE_KP_PERIOD, 50 },
        { SDL_SCANCODE_LSHIFT, 99 }, { SDL_SCANCODE_RSHIFT, 110 },
        { SDL_SCANCODE_LCTRL, 76 }, { SDL_SCANCODE_RCTRL, 76 },
        { SDL_SCANCODE_LALT, 19 }, { SDL_SCANCODE_RALT, 13 },
        { SDL_SCANCODE_MODE, 13 },
        { SDL_SCANCODE_LGUI, 120 }, { SDL_SCANCODE_RGUI, 122 },
        { SDL_SCANCODE_CAPSLOCK, 119 }, { SDL_SCANCODE_APPLICATION, 67 },
        { SDL_SCANCODE_PRINTSCREEN, 22 }, { SDL_SCANCODE_SYSREQ, 22 },
        { SDL_SCANCODE_SCROLLLOCK, 23 }, { SDL_SCANCODE_PAUSE, 21 },
        { SDL_SCANCODE_NONUSBACKSLASH, 124 },
        { SDL_SCANCODE_MUTE, 45 }, { SDL_SCANCODE_VOLUMEDOWN, 2 },
        { SDL_SCANCODE_VOLUMEUP, 4 }, { SDL_SCANCODE_POWER, 48 },
    };
    check_pairs(p, sizeof(p) / sizeof(p[0]));
}

static void test_sun_keys(void)
{
    /* HID usages 0x74-0x7e, as Sun's USB keyboards and Linux's
     * hid-input.c use them */
    static const Pair p[] = {
        { SDL_SCANCODE_STOP, 1 }, { SDL_SCANCODE_AGAIN, 3 },
        { SDL_SCANCODE_MENU, 25 }, { SDL_SCANCODE_UNDO, 26 },
        { SDL_SCANCODE_SELECT, 49 }, { SDL_SCANCODE_COPY, 51 },
        { SDL_SCANCODE_EXECUTE, 72 }, { SDL_SCANCODE_PASTE, 73 },
        { SDL_SCANCODE_FIND, 95 }, { SDL_SCANCODE_CUT, 97 },
        { SDL_SCANCODE_HELP, 118 },
    };
    static const int lkeys[10] = { 1, 3, 25, 26, 49, 51, 72, 73, 95, 97 };
    int n;
    check_pairs(p, sizeof(p) / sizeof(p[0]));
    for (n = 1; n <= 10; n++) {
        CU_ASSERT_EQUAL(keymap_sun_lkey(n), lkeys[n - 1]);
    }
    CU_ASSERT_EQUAL(keymap_sun_lkey(0), -1);
    CU_ASSERT_EQUAL(keymap_sun_lkey(11), -1);
    /* L1-A: the 4.4BSD kbd.h numbers */
    CU_ASSERT_EQUAL(keymap_sdl_to_sun(SDL_SCANCODE_STOP), 1);
    CU_ASSERT_EQUAL(keymap_sdl_to_sun(SDL_SCANCODE_CANCEL), 1);
    CU_ASSERT_EQUAL(keymap_sdl_to_sun(SDL_SCANCODE_A), 77);
}

static void test_unknown(void)
{
    CU_ASSERT_EQUAL(keymap_sdl_to_sun(SDL_SCANCODE_UNKNOWN), -1);
    CU_ASSERT_EQUAL(keymap_sdl_to_sun(-1), -1);
    CU_ASSERT_EQUAL(keymap_sdl_to_sun(SDL_NUM_SCANCODES), -1);
    CU_ASSERT_EQUAL(keymap_sdl_to_sun(1 << 30), -1);
    CU_ASSERT_EQUAL(keymap_sdl_to_sun(SDL_SCANCODE_KP_EQUALS), -1);
    CU_ASSERT_EQUAL(keymap_sdl_to_sun(SDL_SCANCODE_F13), -1);
    CU_ASSERT_EQUAL(keymap_sdl_to_sun(SDL_SCANCODE_NONUSHASH), -1);
    CU_ASSERT_EQUAL(keymap_sdl_to_sun(SDL_SCANCODE_AUDIOPLAY), -1);
    CU_ASSERT_EQUAL(keymap_sdl_to_sun(SDL_SCANCODE_INTERNATIONAL1), -1);
}

static void test_one_to_one(void)
{
    /* which Sun keys more than one scancode reaches, on purpose */
    static const Pair shared[] = {
        { SDL_SCANCODE_RCTRL, 76 },         /* one Control on a type 5 */
        { SDL_SCANCODE_SYSREQ, 22 },        /* Print Screen/SysRq key */
        { SDL_SCANCODE_MODE, 13 },          /* AltGr as X11 may report it */
        { SDL_SCANCODE_CANCEL, 1 },         /* X11's Stop key (Cancel) */
    };
    int owner[128];
    int sc, mapped = 0;
    size_t i;
    for (i = 0; i < 128; i++) {
        owner[i] = -1;
    }
    for (sc = 0; sc < SDL_NUM_SCANCODES; sc++) {
        int k = keymap_sdl_to_sun(sc);
        bool allowed = false;
        if (k < 0) {
            continue;
        }
        mapped++;
        CU_ASSERT(k >= 1 && k <= 0x7d);     /* 0x7e ERROR, 0x7f IDLE */
        CU_ASSERT_PTR_NOT_NULL(keymap_sun_name(k));
        if (owner[k] < 0) {
            owner[k] = sc;
            continue;
        }
        for (i = 0; i < sizeof(shared) / sizeof(shared[0]); i++) {
            if (shared[i].sdl == sc && shared[i].sun == k) {
                allowed = true;
            }
        }
        CU_ASSERT(allowed);
        if (!allowed) {
            fprintf(stderr, "\nscancodes %d and %d both give Sun key %d\n",
                    owner[k], sc, k);
        }
    }
    /* 36 letters and digits, 17 punctuation and space, 12 F keys, 4
     * print/scroll/pause, 10 editing and arrows, 17 keypad, 11
     * modifiers, 12 Sun keys (Stop twice), 4 audio and power */
    CU_ASSERT_EQUAL(mapped, 123);
}

static void test_names(void)
{
    CU_ASSERT_STRING_EQUAL(keymap_sun_name(77), "A");
    CU_ASSERT_STRING_EQUAL(keymap_sun_name(1), "Stop");
    CU_ASSERT_STRING_EQUAL(keymap_sun_name(90), "KP_Enter");
    CU_ASSERT_PTR_NULL(keymap_sun_name(0));
    CU_ASSERT_PTR_NULL(keymap_sun_name(0x7f));
    CU_ASSERT_PTR_NULL(keymap_sun_name(-3));
    CU_ASSERT_PTR_NULL(keymap_sun_name(1000));
}

static const UnitTest tests[] = {
    { "letters and digits", test_letters_digits },
    { "US layout", test_us_layout },
    { "Sun-only keys", test_sun_keys },
    { "unknown scancodes", test_unknown },
    { "shared Sun keys", test_one_to_one },
    { "key names", test_names },
};

int main(void)
{
    return UNIT_RUN("keymap", NULL, NULL, tests);
}
