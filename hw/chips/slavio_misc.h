/*
 * SLAVIO miscellaneous registers of the sun4m: configuration, diagnostic,
 * modem, LEDs, auxiliary registers 1 and 2 (LED, floppy, power) and the
 * system control register (software reset).
 * Sources: QEMU hw/misc/slavio_misc.c, Linux arch/sparc/include/asm/
 * auxio_32.h, process_32.c; reference/sun4m-contract.md §4.7.
 */
#ifndef HW_SLAVIO_MISC_H
#define HW_SLAVIO_MISC_H

#include <stdint.h>

#include "hw/core/bus.h"

#define SLAVIO_MISC_NREGS 7         /* config ... system control */

typedef struct SlavioMisc SlavioMisc;
typedef struct SlavioPort {
    SlavioMisc *s;
    int reg;
} SlavioPort;

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

/* Offsets from 0x71000000 on the SS-5 */
#define SLAVIO_CONFIG_OFF 0x800000
#define SLAVIO_DIAG_OFF 0xa00000
#define SLAVIO_MODEM_OFF 0xb00000
#define SLAVIO_LEDS_OFF 0x600000
#define SLAVIO_AUX1_OFF 0x900000
#define SLAVIO_AUX2_OFF 0x910000
#define SLAVIO_SYSCTRL_OFF 0xf00000

void slavio_misc_reset(SlavioMisc *s);
void slavio_misc_map(SlavioMisc *s, Bus *b, GPAddr slavio_base);

#endif
