/*
 * Host side of a serial line: where a guest UART's bytes go and where its
 * input comes from (-serial stdio | file:F | null, -nographic).
 */
#ifndef HW_CHARDEV_H
#define HW_CHARDEV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <termios.h>

#define CHARDEV_RX_SIZE 4096

typedef struct CharDev {
    int in_fd;                      /* -1: no input */
    int out_fd;                     /* -1: output discarded */
    bool owns_out;                  /* close out_fd at the end */
    bool tty_raw;                   /* stdin switched to raw mode */
    struct termios saved_tio;       /* to restore it */
    bool in_eof;
    /* On a terminal, Ctrl-A starts a command as in QEMU's -nographic:
     * Ctrl-A x quits, Ctrl-A Ctrl-A types a Ctrl-A. */
    bool escape_pending;
    bool quit_requested;
    int log_fd;                     /* --log copy, -1 if none */
    /* bytes waiting to be typed into the guest (input and --send) */
    uint8_t rx[CHARDEV_RX_SIZE];
    unsigned rx_head, rx_len;
    /* hook for the console runner: sees every byte the guest sends */
    void (*on_output)(void *opaque, uint8_t byte);
    void *on_output_opaque;
} CharDev;

/* spec: "stdio", "null", "file:PATH".  With read_input false, stdin is
 * left alone (scripted runs).  Returns 0 or -1 (errno set). */
int chardev_open(CharDev *c, const char *spec, bool read_input);
void chardev_close(CharDev *c);
void chardev_write(CharDev *c, uint8_t byte);
/* Pull whatever the host has ready (non-blocking) into the rx queue. */
void chardev_poll_input(CharDev *c);
/* Queue bytes as if typed. */
void chardev_push_input(CharDev *c, const uint8_t *buf, size_t len);
bool chardev_can_read(const CharDev *c);
uint8_t chardev_read(CharDev *c);

#endif
