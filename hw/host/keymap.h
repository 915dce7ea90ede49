/*
 * Host keys to Sun type 5 keyboard key numbers.
 *
 * The host side is SDL2's scancode (SDL_Scancode), which names a key by
 * its position, as a USB HID usage does; the Sun side is the key number
 * the keyboard sends on its serial line (escc_kbd_key), the same on every
 * type 5 layout.  Only SDL's header constants are used: nothing here
 * needs the SDL library.
 */
#ifndef HW_HOST_KEYMAP_H
#define HW_HOST_KEYMAP_H

/* Sun key number 1..0x7d for an SDL scancode, or -1 if the Sun keyboard
 * has no such key (or the value is no scancode at all). */
int keymap_sdl_to_sun(int sdl_scancode);

/* Sun key number of the left-hand function key Ln, n = 1..10 (Stop,
 * Again, Props, Undo, Front, Copy, Open, Paste, Find, Cut), or -1.  For a
 * host-side combination that reaches the keys a PC keyboard lacks. */
int keymap_sun_lkey(int n);

/* The key's legend ("A", "Stop", "KP_Enter") for traces, or NULL for a
 * number no type 5 key sends. */
const char *keymap_sun_name(int sun_code);

#endif
