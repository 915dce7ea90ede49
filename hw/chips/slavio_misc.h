/*
 * SLAVIO miscellaneous registers of the sun4m: configuration, diagnostic,
 * modem, LEDs, auxiliary registers 1 and 2 (LED, floppy, power) and the
 * system control register (software reset).
 * Sources: QEMU hw/misc/slavio_misc.c, Linux arch/sparc/include/asm/
 * auxio_32.h, process_32.c; hw/README.md §System registers.
 */
#ifndef HW_SLAVIO_MISC_H
#define HW_SLAVIO_MISC_H

#include <stdint.h>

#include "hw/core/bus.h"
#include "hw/core/devctx.h"

#define SLAVIO_MISC_NREGS 7         /* config ... system control */

typedef struct SlavioMisc SlavioMisc;
typedef struct SlavioPort {
    SlavioMisc *s;
    int reg;
    DevCtx ctx;                     /* each register has its own window */
} SlavioPort;

/* The ports, in the order slavio_misc_init takes their contexts. */
typedef enum SlavioMiscPort {
    SLAVIO_PORT_CONFIG,             /* 0x71800000: power-fail irq enable */
    SLAVIO_PORT_DIAG,               /* 0x71a00000: diagnostic latch */
    SLAVIO_PORT_MODEM,              /* 0x71b00000: modem control latch */
    SLAVIO_PORT_LEDS,               /* 0x71600000: 16-bit LEDs */
    SLAVIO_PORT_AUX1,               /* 0x71900000: LED, floppy TC */
    SLAVIO_PORT_AUX2,               /* 0x71910000: power off, power fail */
    SLAVIO_PORT_SYSCTRL,            /* 0x71f00000: system reset */
} SlavioMiscPort;

struct SlavioMisc {
    uint8_t config, diag, mctrl, aux1, aux2;
    uint16_t leds;
    uint32_t sysctrl;
    /* board hooks: a guest reset or power-off request */
    void (*reset_request)(void *opaque);
    void (*poweroff_request)(void *opaque);
    void *board;
    SlavioPort ports[SLAVIO_MISC_NREGS];    /* one per mapped register */
};

void slavio_misc_reset(SlavioMisc *s);
/* One context per port (SlavioMiscPort order); maps each and resets. */
void slavio_misc_init(SlavioMisc *s, const DevCtx ctx[SLAVIO_MISC_NREGS]);

#endif
