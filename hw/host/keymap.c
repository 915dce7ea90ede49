/*
 * SDL2 scancodes to Sun type 5 key numbers, for the US layout.
 *
 * Sun side: the key numbers of the type 5 keyboard, as Linux's
 * drivers/input/keyboard/sunkbd.c (sunkbd_keycode[], number -> Linux
 * KEY_*) and QEMU 7.2's hw/char/escc.c (qcode -> number) decode them; the
 * 4.4BSD sparc kbd.h gives L1 = 1 and A = 77 for L1-A.
 *
 * Host side: SDL_Scancode values are USB HID keyboard usages (page 7).
 * The Sun-only keys are HID usages 0x74-0x7e, which Sun's own USB
 * keyboards (type 6 and 7) send and Linux's drivers/hid/hid-input.c
 * (hid_keyboard[]) maps to the same keys as sunkbd.c does:
 *     0x74 Execute -> KEY_OPEN     0x75 Help   -> KEY_HELP
 *     0x76 Menu    -> KEY_PROPS    0x77 Select -> KEY_FRONT
 *     0x78 Stop    -> KEY_STOP     0x79 Again  -> KEY_AGAIN
 *     0x7a Undo    -> KEY_UNDO     0x7b Cut    -> KEY_CUT
 *     0x7c Copy    -> KEY_COPY     0x7d Paste  -> KEY_PASTE
 *     0x7e Find    -> KEY_FIND
 * so SDL_SCANCODE_EXECUTE, MENU and SELECT are Open, Props and Front
 * here.  The PC keyboard's context-menu key is HID 0x65 "Application"
 * (Linux KEY_COMPOSE), the Sun Compose key.
 *
 * Caveat for the display: SDL 2.26 on Linux turns the evdev codes
 * KEY_PROPS, KEY_FRONT and KEY_OPEN into SDL_SCANCODE_UNKNOWN
 * (src/events/scancodes_linux.h), so those three keys of a real Sun USB
 * keyboard never arrive as scancodes there; keymap_sun_lkey() gives the
 * numbers for a host key combination instead.
 *
 * Several host keys on one Sun key, on purpose:
 *     LCTRL, RCTRL          -> Control (76): the type 5 has one Control
 *     STOP, CANCEL          -> Stop (1): X11 names the Stop key Cancel
 *     PRINTSCREEN, SYSREQ   -> Print Screen/SysRq (22): one key
 *     RALT, MODE            -> Alt Graph (13): X11 may report AltGr as
 *                              ISO_Level3_Shift, SDL's MODE
 */
#include "hw/host/keymap.h"

#include <stddef.h>
#include <stdint.h>

#include <SDL2/SDL_scancode.h>

/* Type 5 key numbers (the keyboard's own, 1..0x7d) */
enum {
    SUN_STOP = 1, SUN_VOL_DOWN = 2, SUN_AGAIN = 3, SUN_VOL_UP = 4,
    SUN_F1 = 5, SUN_F2 = 6, SUN_F10 = 7, SUN_F3 = 8, SUN_F11 = 9,
    SUN_F4 = 10, SUN_F12 = 11, SUN_F5 = 12, SUN_ALT_GRAPH = 13,
    SUN_F6 = 14, SUN_F7 = 16, SUN_F8 = 17, SUN_F9 = 18, SUN_ALT = 19,
    SUN_UP = 20, SUN_PAUSE = 21, SUN_PRINT = 22, SUN_SCROLL_LOCK = 23,
    SUN_LEFT = 24, SUN_PROPS = 25, SUN_UNDO = 26, SUN_DOWN = 27,
    SUN_RIGHT = 28, SUN_ESCAPE = 29, SUN_1 = 30, SUN_0 = 39,
    SUN_MINUS = 40, SUN_EQUAL = 41, SUN_GRAVE = 42, SUN_BACKSPACE = 43,
    SUN_INSERT = 44, SUN_MUTE = 45, SUN_KP_DIVIDE = 46,
    SUN_KP_MULTIPLY = 47, SUN_POWER = 48, SUN_FRONT = 49,
    SUN_KP_DECIMAL = 50, SUN_COPY = 51, SUN_HOME = 52, SUN_TAB = 53,
    SUN_Q = 54, SUN_W = 55, SUN_E = 56, SUN_R = 57, SUN_T = 58,
    SUN_Y = 59, SUN_U = 60, SUN_I = 61, SUN_O = 62, SUN_P = 63,
    SUN_BRACKET_L = 64, SUN_BRACKET_R = 65, SUN_DELETE = 66,
    SUN_COMPOSE = 67, SUN_KP_7 = 68, SUN_KP_8 = 69, SUN_KP_9 = 70,
    SUN_KP_SUBTRACT = 71, SUN_OPEN = 72, SUN_PASTE = 73, SUN_END = 74,
    SUN_CONTROL = 76, SUN_A = 77, SUN_S = 78, SUN_D = 79, SUN_F = 80,
    SUN_G = 81, SUN_H = 82, SUN_J = 83, SUN_K = 84, SUN_L = 85,
    SUN_SEMICOLON = 86, SUN_APOSTROPHE = 87, SUN_BACKSLASH = 88,
    SUN_RETURN = 89, SUN_KP_ENTER = 90, SUN_KP_4 = 91, SUN_KP_5 = 92,
    SUN_KP_6 = 93, SUN_KP_0 = 94, SUN_FIND = 95, SUN_PAGE_UP = 96,
    SUN_CUT = 97, SUN_NUM_LOCK = 98, SUN_SHIFT_L = 99, SUN_Z = 100,
    SUN_X = 101, SUN_C = 102, SUN_V = 103, SUN_B = 104, SUN_N = 105,
    SUN_M = 106, SUN_COMMA = 107, SUN_PERIOD = 108, SUN_SLASH = 109,
    SUN_SHIFT_R = 110, SUN_LINEFEED = 111, SUN_KP_1 = 112, SUN_KP_2 = 113,
    SUN_KP_3 = 114, SUN_HELP = 118, SUN_CAPS_LOCK = 119, SUN_META_L = 120,
    SUN_SPACE = 121, SUN_META_R = 122, SUN_PAGE_DOWN = 123,
    SUN_ISO_EXTRA = 124, SUN_KP_ADD = 125,
};

/* 0: no Sun key (no type 5 key has number 0) */
static const uint8_t sdl_to_sun[SDL_NUM_SCANCODES] = {
    [SDL_SCANCODE_A] = SUN_A, [SDL_SCANCODE_B] = SUN_B,
    [SDL_SCANCODE_C] = SUN_C, [SDL_SCANCODE_D] = SUN_D,
    [SDL_SCANCODE_E] = SUN_E, [SDL_SCANCODE_F] = SUN_F,
    [SDL_SCANCODE_G] = SUN_G, [SDL_SCANCODE_H] = SUN_H,
    [SDL_SCANCODE_I] = SUN_I, [SDL_SCANCODE_J] = SUN_J,
    [SDL_SCANCODE_K] = SUN_K, [SDL_SCANCODE_L] = SUN_L,
    [SDL_SCANCODE_M] = SUN_M, [SDL_SCANCODE_N] = SUN_N,
    [SDL_SCANCODE_O] = SUN_O, [SDL_SCANCODE_P] = SUN_P,
    [SDL_SCANCODE_Q] = SUN_Q, [SDL_SCANCODE_R] = SUN_R,
    [SDL_SCANCODE_S] = SUN_S, [SDL_SCANCODE_T] = SUN_T,
    [SDL_SCANCODE_U] = SUN_U, [SDL_SCANCODE_V] = SUN_V,
    [SDL_SCANCODE_W] = SUN_W, [SDL_SCANCODE_X] = SUN_X,
    [SDL_SCANCODE_Y] = SUN_Y, [SDL_SCANCODE_Z] = SUN_Z,

    [SDL_SCANCODE_1] = SUN_1, [SDL_SCANCODE_2] = SUN_1 + 1,
    [SDL_SCANCODE_3] = SUN_1 + 2, [SDL_SCANCODE_4] = SUN_1 + 3,
    [SDL_SCANCODE_5] = SUN_1 + 4, [SDL_SCANCODE_6] = SUN_1 + 5,
    [SDL_SCANCODE_7] = SUN_1 + 6, [SDL_SCANCODE_8] = SUN_1 + 7,
    [SDL_SCANCODE_9] = SUN_1 + 8, [SDL_SCANCODE_0] = SUN_0,

    [SDL_SCANCODE_RETURN] = SUN_RETURN,
    [SDL_SCANCODE_ESCAPE] = SUN_ESCAPE,
    [SDL_SCANCODE_BACKSPACE] = SUN_BACKSPACE,
    [SDL_SCANCODE_TAB] = SUN_TAB,
    [SDL_SCANCODE_SPACE] = SUN_SPACE,
    [SDL_SCANCODE_MINUS] = SUN_MINUS,
    [SDL_SCANCODE_EQUALS] = SUN_EQUAL,
    [SDL_SCANCODE_LEFTBRACKET] = SUN_BRACKET_L,
    [SDL_SCANCODE_RIGHTBRACKET] = SUN_BRACKET_R,
    [SDL_SCANCODE_BACKSLASH] = SUN_BACKSLASH,
    [SDL_SCANCODE_SEMICOLON] = SUN_SEMICOLON,
    [SDL_SCANCODE_APOSTROPHE] = SUN_APOSTROPHE,
    [SDL_SCANCODE_GRAVE] = SUN_GRAVE,
    [SDL_SCANCODE_COMMA] = SUN_COMMA,
    [SDL_SCANCODE_PERIOD] = SUN_PERIOD,
    [SDL_SCANCODE_SLASH] = SUN_SLASH,
    /* the ISO key between left Shift and Z (type 5 non-US layouts) */
    [SDL_SCANCODE_NONUSBACKSLASH] = SUN_ISO_EXTRA,

    [SDL_SCANCODE_F1] = SUN_F1, [SDL_SCANCODE_F2] = SUN_F2,
    [SDL_SCANCODE_F3] = SUN_F3, [SDL_SCANCODE_F4] = SUN_F4,
    [SDL_SCANCODE_F5] = SUN_F5, [SDL_SCANCODE_F6] = SUN_F6,
    [SDL_SCANCODE_F7] = SUN_F7, [SDL_SCANCODE_F8] = SUN_F8,
    [SDL_SCANCODE_F9] = SUN_F9, [SDL_SCANCODE_F10] = SUN_F10,
    [SDL_SCANCODE_F11] = SUN_F11, [SDL_SCANCODE_F12] = SUN_F12,

    [SDL_SCANCODE_PRINTSCREEN] = SUN_PRINT,
    [SDL_SCANCODE_SYSREQ] = SUN_PRINT,
    [SDL_SCANCODE_SCROLLLOCK] = SUN_SCROLL_LOCK,
    [SDL_SCANCODE_PAUSE] = SUN_PAUSE,

    [SDL_SCANCODE_INSERT] = SUN_INSERT,
    [SDL_SCANCODE_HOME] = SUN_HOME,
    [SDL_SCANCODE_PAGEUP] = SUN_PAGE_UP,
    [SDL_SCANCODE_DELETE] = SUN_DELETE,
    [SDL_SCANCODE_END] = SUN_END,
    [SDL_SCANCODE_PAGEDOWN] = SUN_PAGE_DOWN,
    [SDL_SCANCODE_RIGHT] = SUN_RIGHT,
    [SDL_SCANCODE_LEFT] = SUN_LEFT,
    [SDL_SCANCODE_DOWN] = SUN_DOWN,
    [SDL_SCANCODE_UP] = SUN_UP,

    [SDL_SCANCODE_NUMLOCKCLEAR] = SUN_NUM_LOCK,
    [SDL_SCANCODE_KP_DIVIDE] = SUN_KP_DIVIDE,
    [SDL_SCANCODE_KP_MULTIPLY] = SUN_KP_MULTIPLY,
    [SDL_SCANCODE_KP_MINUS] = SUN_KP_SUBTRACT,
    [SDL_SCANCODE_KP_PLUS] = SUN_KP_ADD,
    [SDL_SCANCODE_KP_ENTER] = SUN_KP_ENTER,
    [SDL_SCANCODE_KP_1] = SUN_KP_1, [SDL_SCANCODE_KP_2] = SUN_KP_2,
    [SDL_SCANCODE_KP_3] = SUN_KP_3, [SDL_SCANCODE_KP_4] = SUN_KP_4,
    [SDL_SCANCODE_KP_5] = SUN_KP_5, [SDL_SCANCODE_KP_6] = SUN_KP_6,
    [SDL_SCANCODE_KP_7] = SUN_KP_7, [SDL_SCANCODE_KP_8] = SUN_KP_8,
    [SDL_SCANCODE_KP_9] = SUN_KP_9, [SDL_SCANCODE_KP_0] = SUN_KP_0,
    [SDL_SCANCODE_KP_PERIOD] = SUN_KP_DECIMAL,

    [SDL_SCANCODE_LCTRL] = SUN_CONTROL,
    [SDL_SCANCODE_RCTRL] = SUN_CONTROL,
    [SDL_SCANCODE_LSHIFT] = SUN_SHIFT_L,
    [SDL_SCANCODE_RSHIFT] = SUN_SHIFT_R,
    [SDL_SCANCODE_LALT] = SUN_ALT,
    [SDL_SCANCODE_RALT] = SUN_ALT_GRAPH,
    [SDL_SCANCODE_MODE] = SUN_ALT_GRAPH,
    [SDL_SCANCODE_LGUI] = SUN_META_L,
    [SDL_SCANCODE_RGUI] = SUN_META_R,
    [SDL_SCANCODE_CAPSLOCK] = SUN_CAPS_LOCK,
    [SDL_SCANCODE_APPLICATION] = SUN_COMPOSE,

    /* the left-hand block and Help (HID usages, see the top) */
    [SDL_SCANCODE_STOP] = SUN_STOP,
    /* X11's Stop key: keysym Cancel, which SDL reports as CANCEL */
    [SDL_SCANCODE_CANCEL] = SUN_STOP,
    [SDL_SCANCODE_AGAIN] = SUN_AGAIN,
    [SDL_SCANCODE_MENU] = SUN_PROPS,
    [SDL_SCANCODE_UNDO] = SUN_UNDO,
    [SDL_SCANCODE_SELECT] = SUN_FRONT,
    [SDL_SCANCODE_COPY] = SUN_COPY,
    [SDL_SCANCODE_EXECUTE] = SUN_OPEN,
    [SDL_SCANCODE_PASTE] = SUN_PASTE,
    [SDL_SCANCODE_FIND] = SUN_FIND,
    [SDL_SCANCODE_CUT] = SUN_CUT,
    [SDL_SCANCODE_HELP] = SUN_HELP,

    /* the type 5's audio and power keys, above the keypad */
    [SDL_SCANCODE_MUTE] = SUN_MUTE,
    [SDL_SCANCODE_VOLUMEDOWN] = SUN_VOL_DOWN,
    [SDL_SCANCODE_VOLUMEUP] = SUN_VOL_UP,
    [SDL_SCANCODE_POWER] = SUN_POWER,
};

static const char *const sun_names[128] = {
    [SUN_STOP] = "Stop", [SUN_VOL_DOWN] = "VolumeDown",
    [SUN_AGAIN] = "Again", [SUN_VOL_UP] = "VolumeUp",
    [SUN_F1] = "F1", [SUN_F2] = "F2", [SUN_F3] = "F3", [SUN_F4] = "F4",
    [SUN_F5] = "F5", [SUN_F6] = "F6", [SUN_F7] = "F7", [SUN_F8] = "F8",
    [SUN_F9] = "F9", [SUN_F10] = "F10", [SUN_F11] = "F11",
    [SUN_F12] = "F12", [SUN_ALT_GRAPH] = "AltGraph", [SUN_ALT] = "Alt",
    [SUN_UP] = "Up", [SUN_PAUSE] = "Pause", [SUN_PRINT] = "PrintScreen",
    [SUN_SCROLL_LOCK] = "ScrollLock", [SUN_LEFT] = "Left",
    [SUN_PROPS] = "Props", [SUN_UNDO] = "Undo", [SUN_DOWN] = "Down",
    [SUN_RIGHT] = "Right", [SUN_ESCAPE] = "Escape",
    [SUN_1] = "1", [SUN_1 + 1] = "2", [SUN_1 + 2] = "3", [SUN_1 + 3] = "4",
    [SUN_1 + 4] = "5", [SUN_1 + 5] = "6", [SUN_1 + 6] = "7",
    [SUN_1 + 7] = "8", [SUN_1 + 8] = "9", [SUN_0] = "0",
    [SUN_MINUS] = "Minus", [SUN_EQUAL] = "Equal", [SUN_GRAVE] = "Grave",
    [SUN_BACKSPACE] = "BackSpace", [SUN_INSERT] = "Insert",
    [SUN_MUTE] = "Mute", [SUN_KP_DIVIDE] = "KP_Divide",
    [SUN_KP_MULTIPLY] = "KP_Multiply", [SUN_POWER] = "Power",
    [SUN_FRONT] = "Front", [SUN_KP_DECIMAL] = "KP_Decimal",
    [SUN_COPY] = "Copy", [SUN_HOME] = "Home", [SUN_TAB] = "Tab",
    [SUN_Q] = "Q", [SUN_W] = "W", [SUN_E] = "E", [SUN_R] = "R",
    [SUN_T] = "T", [SUN_Y] = "Y", [SUN_U] = "U", [SUN_I] = "I",
    [SUN_O] = "O", [SUN_P] = "P", [SUN_BRACKET_L] = "BracketLeft",
    [SUN_BRACKET_R] = "BracketRight", [SUN_DELETE] = "Delete",
    [SUN_COMPOSE] = "Compose", [SUN_KP_7] = "KP_7", [SUN_KP_8] = "KP_8",
    [SUN_KP_9] = "KP_9", [SUN_KP_SUBTRACT] = "KP_Subtract",
    [SUN_OPEN] = "Open", [SUN_PASTE] = "Paste", [SUN_END] = "End",
    [SUN_CONTROL] = "Control", [SUN_A] = "A", [SUN_S] = "S",
    [SUN_D] = "D", [SUN_F] = "F", [SUN_G] = "G", [SUN_H] = "H",
    [SUN_J] = "J", [SUN_K] = "K", [SUN_L] = "L",
    [SUN_SEMICOLON] = "Semicolon", [SUN_APOSTROPHE] = "Apostrophe",
    [SUN_BACKSLASH] = "Backslash", [SUN_RETURN] = "Return",
    [SUN_KP_ENTER] = "KP_Enter", [SUN_KP_4] = "KP_4", [SUN_KP_5] = "KP_5",
    [SUN_KP_6] = "KP_6", [SUN_KP_0] = "KP_0", [SUN_FIND] = "Find",
    [SUN_PAGE_UP] = "PageUp", [SUN_CUT] = "Cut",
    [SUN_NUM_LOCK] = "NumLock", [SUN_SHIFT_L] = "ShiftLeft",
    [SUN_Z] = "Z", [SUN_X] = "X", [SUN_C] = "C", [SUN_V] = "V",
    [SUN_B] = "B", [SUN_N] = "N", [SUN_M] = "M", [SUN_COMMA] = "Comma",
    [SUN_PERIOD] = "Period", [SUN_SLASH] = "Slash",
    [SUN_SHIFT_R] = "ShiftRight", [SUN_LINEFEED] = "LineFeed",
    [SUN_KP_1] = "KP_1", [SUN_KP_2] = "KP_2", [SUN_KP_3] = "KP_3",
    [SUN_HELP] = "Help", [SUN_CAPS_LOCK] = "CapsLock",
    [SUN_META_L] = "MetaLeft", [SUN_SPACE] = "Space",
    [SUN_META_R] = "MetaRight", [SUN_PAGE_DOWN] = "PageDown",
    [SUN_ISO_EXTRA] = "LessGreater", [SUN_KP_ADD] = "KP_Add",
};

int keymap_sdl_to_sun(int sdl_scancode)
{
    if (sdl_scancode < 0 || sdl_scancode >= SDL_NUM_SCANCODES ||
        sdl_to_sun[sdl_scancode] == 0) {
        return -1;
    }
    return sdl_to_sun[sdl_scancode];
}

int keymap_sun_lkey(int n)
{
    static const uint8_t lkeys[10] = {
        SUN_STOP, SUN_AGAIN, SUN_PROPS, SUN_UNDO, SUN_FRONT,
        SUN_COPY, SUN_OPEN, SUN_PASTE, SUN_FIND, SUN_CUT,
    };
    return n >= 1 && n <= 10 ? lkeys[n - 1] : -1;
}

const char *keymap_sun_name(int sun_code)
{
    if (sun_code < 0 || sun_code >= 128) {
        return NULL;
    }
    return sun_names[sun_code];
}
