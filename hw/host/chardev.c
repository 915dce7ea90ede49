/*
 * Host serial backends.  Output is written unbuffered so that a console
 * runner or a person sees each byte when the guest sends it.
 */
#include "hw/host/chardev.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

int chardev_open(CharDev *c, const char *spec, bool read_input)
{
    memset(c, 0, sizeof(*c));
    c->in_fd = -1;
    c->out_fd = -1;
    c->log_fd = -1;
    if (strcmp(spec, "stdio") == 0) {
        c->out_fd = STDOUT_FILENO;
        if (!read_input) {
            return 0;
        }
        c->in_fd = STDIN_FILENO;
        if (isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &c->saved_tio) == 0) {
            struct termios t = c->saved_tio;
            /* raw input so the guest sees each key; ^C still stops us */
            /* Ctrl-C and Ctrl-Z belong to the guest; Ctrl-A x quits */
            t.c_lflag &= ~(ICANON | ECHO | ISIG);
            t.c_iflag &= ~(ICRNL | IXON);
            /* with O_NONBLOCK, "nothing typed" is then EAGAIN, not 0 */
            t.c_cc[VMIN] = 1;
            t.c_cc[VTIME] = 0;
            tcsetattr(STDIN_FILENO, TCSANOW, &t);
            c->tty_raw = true;
        }
        return 0;
    }
    if (strcmp(spec, "null") == 0) {
        return 0;
    }
    if (strncmp(spec, "file:", 5) == 0) {
        c->out_fd = open(spec + 5, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
                         0644);
        if (c->out_fd < 0) {
            return -1;
        }
        c->owns_out = true;
        return 0;
    }
    errno = EINVAL;
    return -1;
}

void chardev_close(CharDev *c)
{
    if (c->tty_raw) {
        tcsetattr(STDIN_FILENO, TCSANOW, &c->saved_tio);
        c->tty_raw = false;
    }
    if (c->owns_out && c->out_fd >= 0) {
        close(c->out_fd);
    }
    c->out_fd = -1;
}

static void write_all(int fd, const uint8_t *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR) {
                continue;
            }
            return;                 /* host output gone: drop, never stop */
        }
        p += w;
        n -= (size_t)w;
    }
}

void chardev_write(CharDev *c, uint8_t byte)
{
    if (c->out_fd >= 0) {
        write_all(c->out_fd, &byte, 1);
    }
    if (c->log_fd >= 0) {
        write_all(c->log_fd, &byte, 1);
    }
    if (c->on_output) {
        c->on_output(c->on_output_opaque, byte);
    }
}

void chardev_push_input(CharDev *c, const uint8_t *buf, size_t len)
{
    size_t i;
    for (i = 0; i < len && c->rx_len < CHARDEV_RX_SIZE; i++) {
        c->rx[(c->rx_head + c->rx_len) % CHARDEV_RX_SIZE] = buf[i];
        c->rx_len++;
    }
}

void chardev_poll_input(CharDev *c)
{
    uint8_t buf[256];
    ssize_t n;
    int fl;

    if (c->in_fd < 0 || c->in_eof || c->rx_len > CHARDEV_RX_SIZE / 2) {
        return;
    }
    /* The usual answer is "nothing typed": one poll() says so, where the
     * non-blocking read below costs four calls.  This runs every 100 us
     * of virtual time. */
    {
        struct pollfd p = { .fd = c->in_fd, .events = POLLIN };
        if (poll(&p, 1, 0) <= 0 ||
            !(p.revents & (POLLIN | POLLHUP | POLLERR))) {
            return;
        }
    }
    fl = fcntl(c->in_fd, F_GETFL);
    if (!(fl & O_NONBLOCK)) {
        fcntl(c->in_fd, F_SETFL, fl | O_NONBLOCK);
    }
    n = read(c->in_fd, buf, sizeof(buf));
    if (!(fl & O_NONBLOCK)) {
        fcntl(c->in_fd, F_SETFL, fl);
    }
    if (n == 0 && !c->tty_raw) {
        c->in_eof = true;           /* end of a file or pipe */
    } else if (n > 0 && !c->tty_raw) {
        chardev_push_input(c, buf, (size_t)n);
    } else if (n > 0) {
        ssize_t i;
        for (i = 0; i < n; i++) {
            if (c->escape_pending) {
                c->escape_pending = false;
                if (buf[i] == 'x' || buf[i] == 'X') {
                    c->quit_requested = true;
                } else if (buf[i] == 0x01) {
                    chardev_push_input(c, &buf[i], 1);
                } else if (buf[i] == 'h' || buf[i] == '?') {
                    static const char help[] =
                        "\r\nC-a x    quit the simulator\r\n"
                        "C-a C-a  type C-a\r\n";
                    if (c->out_fd >= 0) {
                        write_all(c->out_fd, (const uint8_t *)help,
                                  sizeof(help) - 1);
                    }
                }
            } else if (buf[i] == 0x01) {
                c->escape_pending = true;
            } else {
                chardev_push_input(c, &buf[i], 1);
            }
        }
    }
}

bool chardev_can_read(const CharDev *c)
{
    return c->rx_len > 0;
}

uint8_t chardev_read(CharDev *c)
{
    uint8_t b;
    if (c->rx_len == 0) {
        return 0;
    }
    b = c->rx[c->rx_head];
    c->rx_head = (c->rx_head + 1) % CHARDEV_RX_SIZE;
    c->rx_len--;
    return b;
}
