/*
 * SLAVIO miscellaneous registers.  Each sits alone in its own page; all are
 * byte registers except the 16-bit LEDs and the 32-bit system control.
 */
#include "hw/chips/slavio_misc.h"

#include <string.h>

/* AUX1 (auxio) bits (Linux auxio_32.h) */
#define AUX1_LED 0x01               /* front panel LED */
#define AUX1_TC 0x02                /* floppy terminal count: a pulse */
/* AUX2 (power) bits */
#define AUX2_PWROFF 0x01            /* write 1: power off */
#define AUX2_PWRINTCLR 0x02         /* clear power-fail interrupt */
#define AUX2_PWRFAIL 0x20           /* power failing (read-only) */
/* System control: bit 0 written = system reset; bit 1 reads "reset
 * happened" afterwards (QEMU slavio_misc.c SYS_RESET / SYS_RESETSTAT) */
#define SYSCTRL_RESET 0x01
#define SYSCTRL_RESETSTAT 0x02

enum { REG_CONFIG, REG_DIAG, REG_MODEM, REG_LEDS, REG_AUX1, REG_AUX2,
       REG_SYSCTRL };

void slavio_misc_reset(SlavioMisc *s)
{
    /* the reset status bit survives a software reset */
    uint32_t keep = s->sysctrl & SYSCTRL_RESETSTAT;
    s->config = s->diag = s->mctrl = s->aux1 = s->aux2 = 0;
    s->leds = 0;
    s->sysctrl = keep;
}

static BusStatus misc_read(void *opaque, uint32_t off, unsigned size,
                           uint32_t *val)
{
    const SlavioPort *p = opaque;
    SlavioMisc *s = p->s;
    (void)off;
    (void)size;
    switch (p->reg) {
    case REG_CONFIG:
        *val = s->config;
        break;
    case REG_DIAG:
        *val = s->diag;
        break;
    case REG_MODEM:
        *val = s->mctrl;
        break;
    case REG_LEDS:
        *val = s->leds;
        break;
    case REG_AUX1:
        *val = s->aux1;
        break;
    case REG_AUX2:
        *val = s->aux2;
        break;
    default:
        *val = s->sysctrl;
        break;
    }
    return BUS_OK;
}

static BusStatus misc_write(void *opaque, uint32_t off, unsigned size,
                            uint32_t val)
{
    const SlavioPort *p = opaque;
    SlavioMisc *s = p->s;
    (void)off;
    (void)size;
    dev_trace(&p->ctx, "<- 0x%0*x", (int)size * 2, val);
    switch (p->reg) {
    case REG_CONFIG:
        s->config = (uint8_t)val;
        break;
    case REG_DIAG:
        s->diag = (uint8_t)val;
        break;
    case REG_MODEM:
        s->mctrl = (uint8_t)val;
        break;
    case REG_LEDS:
        s->leds = (uint16_t)val;
        break;
    case REG_AUX1:
        /* TC is a strobe, not stored (QEMU) */
        s->aux1 = (uint8_t)(val & ~AUX1_TC);
        break;
    case REG_AUX2:
        s->aux2 = (uint8_t)(val & ~(AUX2_PWRINTCLR | AUX2_PWRFAIL));
        if ((val & AUX2_PWROFF) && s->poweroff_request) {
            s->poweroff_request(s->board);
        }
        break;
    default:
        if (val & SYSCTRL_RESET) {
            s->sysctrl = SYSCTRL_RESETSTAT;
            if (s->reset_request) {
                s->reset_request(s->board);
            }
        }
        break;
    }
    return BUS_OK;
}

static const MmioOps misc_ops8 = {
    .read = misc_read, .write = misc_write, .min_size = 1, .max_size = 1,
};
static const MmioOps misc_ops16 = {
    .read = misc_read, .write = misc_write, .min_size = 2, .max_size = 2,
};
static const MmioOps misc_ops32 = {
    .read = misc_read, .write = misc_write, .min_size = 4, .max_size = 4,
};

void slavio_misc_init(SlavioMisc *s, const DevCtx ctx[SLAVIO_MISC_NREGS])
{
    /* the order of the ports, as in SlavioMiscPort */
    static const struct {
        int reg;
        unsigned len;
    } port[SLAVIO_MISC_NREGS] = {
        [SLAVIO_PORT_CONFIG] = { REG_CONFIG, 1 },
        [SLAVIO_PORT_DIAG] = { REG_DIAG, 1 },
        [SLAVIO_PORT_MODEM] = { REG_MODEM, 1 },
        [SLAVIO_PORT_LEDS] = { REG_LEDS, 2 },
        [SLAVIO_PORT_AUX1] = { REG_AUX1, 1 },
        [SLAVIO_PORT_AUX2] = { REG_AUX2, 1 },
        [SLAVIO_PORT_SYSCTRL] = { REG_SYSCTRL, 4 },
    };
    unsigned i;
    for (i = 0; i < SLAVIO_MISC_NREGS; i++) {
        const MmioOps *ops = port[i].len == 1 ? &misc_ops8
                           : port[i].len == 2 ? &misc_ops16 : &misc_ops32;
        s->ports[i].s = s;
        s->ports[i].reg = port[i].reg;
        s->ports[i].ctx = ctx[i];
        dev_map(&ctx[i], 0, port[i].len, ops, &s->ports[i], NULL);
    }
    slavio_misc_reset(s);
}
