/*
 * An interrupt line: a device drives it high or low; whoever listens
 * (the interrupt controller, a DMA engine's INT pending bit) is called with
 * its own number for the line.  Lines are levels, as on the sun4m, where a
 * source stays asserted until cleared at the device.
 */
#ifndef HW_IRQ_H
#define HW_IRQ_H

#include <stdbool.h>

typedef void IrqSetFn(void *opaque, int n, bool level);

typedef struct IrqLine {
    IrqSetFn *set;
    void *opaque;
    int n;
} IrqLine;

static inline void irq_set(const IrqLine *l, bool level)
{
    if (l->set) {
        l->set(l->opaque, l->n, level);
    }
}

static inline IrqLine irq_line(IrqSetFn *set, void *opaque, int n)
{
    IrqLine l = { set, opaque, n };
    return l;
}

#endif
