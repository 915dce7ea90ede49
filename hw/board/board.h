/*
 * Board descriptions: one table per model of what sits where on the
 * physical bus (hw/README.md §Address map).  The wiring in sun4m.c reads
 * it to create and map every device; tests read it to check that every
 * device answers at its base and nowhere else; fw_cfg (and, later, our
 * own PROM's device tree) take the model's facts from the same place.
 */
#ifndef HW_BOARD_BOARD_H
#define HW_BOARD_BOARD_H

#include <stdint.h>
#include <stdio.h>

#include "hw/core/bus.h"
#include "hw/core/log.h"

/* The devices of a sun4m board, in address order on the SS-5. */
typedef enum BoardDevId {
    BD_RAM_SOCKETS,         /* SIMM sockets: RAM, then an empty slot */
    BD_IOMMU,
    BD_TCX,
    BD_APC,
    BD_CS4231,
    BD_AFX,
    BD_ESCC_KBD,
    BD_ESCC_SERIAL,
    BD_NVRAM,
    BD_FDC,
    BD_MISC_LEDS,
    BD_MISC_CONFIG,
    BD_MISC_AUX1,
    BD_MISC_AUX2,
    BD_MISC_DIAG,
    BD_MISC_MODEM,
    BD_COUNTER,
    BD_INTCTL,
    BD_MISC_SYSCTRL,
    BD_IDREG,
    BD_ESPDMA,
    BD_LEDMA,
    BD_ESP,
    BD_LE,
    BD_FW_CFG,
    BD_COUNT
} BoardDevId;

#define BOARD_OBIO (-1)     /* on-board I/O (SLAVIO, MACIO), not a slot */
#define BOARD_NO_IRQ (-1)

typedef struct BoardDevice {
    const char *name;       /* instance: region names, logs, traces */
    const char *node;       /* the OBP device-tree node, NULL if none */
    GPAddr base;
    uint64_t size;          /* the window its registers occupy */
    int slot;               /* SBus slot, or BOARD_OBIO */
    /* SLAVIO system interrupt source bit (hw/README.md §Interrupts), or
     * BOARD_NO_IRQ; the ESP's and the Lance's reach the controller
     * through their DMA2 channel */
    int irq_bit;
    unsigned wait;          /* extra CPU cycles per register access */
    LogCat cat;
    /* SLAVIO counter and interrupt blocks: a 4 KB page per CPU from base
     * (this many, fitted or not), then the system page at +0x10000; the
     * rest of the window does not decode.  0: the window decodes whole. */
    unsigned cpu_pages;
} BoardDevice;

#define BOARD_CPU_PAGE 0x1000u
#define BOARD_SYS_PAGE 0x10000u

typedef struct BoardModel {
    const char *name;       /* -M name: "SS-5" */
    const char *banner;     /* "SPARCstation 5" */
    uint16_t machine_id;    /* fw_cfg MACHINE_ID */
    uint8_t idprom_type;    /* IDPROM machine type byte */
    unsigned max_cpus;
    uint64_t max_ram;
    GPAddr prom_base;
    uint64_t prom_size;
    GPAddr sbus_base;       /* slot n at sbus_base + n * sbus_slot_size */
    uint64_t sbus_slot_size;
    unsigned sbus_slots;
    const BoardDevice *dev; /* [BD_COUNT] */
} BoardModel;

/* The model called name (case-sensitive, as -M), or NULL. */
const BoardModel *board_model(const char *name);
/* Every model, for -M help: NULL-terminated. */
extern const BoardModel *const board_models[];

/* Print the table, one device a line (--board). */
void board_print(const BoardModel *bm, FILE *out);

#endif
