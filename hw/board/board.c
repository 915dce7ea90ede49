/*
 * The SPARCstation 5 as a table (QEMU's "SS-5"; hw/README.md §Address map
 * gives the sources of each line).  Wait states: every register access
 * of the SLAVIO and MACIO chips costs the CPU two extra cycles here.
 * SIMPLIFY: a real SS-5 spends more (an SBus or obio access is several
 * bus clocks); 2 keeps the cycle counts the differential tests were
 * calibrated with.
 */
#include "hw/board/board.h"

#include <inttypes.h>
#include <string.h>

static const BoardDevice ss5_devices[BD_COUNT] = {
    /* The SIMM sockets hold RAM from 0; the rest of the 256 MB reads 0
     * and ignores writes (no ECC controller to complain) */
    [BD_RAM_SOCKETS] = { "ram-sockets", "memory", 0x0ull, 0x10000000ull,
                         BOARD_OBIO, BOARD_NO_IRQ, 0, LOG_BUS },
    [BD_IOMMU] = { "iommu", "iommu", 0x10000000ull, 0x4000,
                   BOARD_OBIO, 30, 2, LOG_IOMMU },
    /* SBus slot 3: the TCX framebuffer; its spaces (FCode ROM, DAC,
     * THC, TEC, VRAM, blit and stipple) lie apart within the slot
     * (hw/README.md §TCX), the window is the whole slot */
    [BD_TCX] = { "tcx", "SUNW,tcx", 0x50000000ull, 0x10000000ull,
                 3, 11, 2, LOG_TCX },
    /* SBus slot 4: power management (idle) and the AFX register */
    [BD_APC] = { "apc", "power-management", 0x6a000000ull, 0x40,
                 4, BOARD_NO_IRQ, 2, LOG_MISC },
    /* the codec and its APC DMA engine: the line is the onboard audio
     * source; QEMU wires its dummy to source 5 instead, and neither is an
     * implemented bit of the controller, so it can never interrupt */
    [BD_CS4231] = { "cs4231", "SUNW,CS4231", 0x6c000000ull, 0x40,
                    4, 17, 2, LOG_MISC },
    [BD_AFX] = { "tcx-afx", NULL, 0x6e000000ull, 4,
                 4, BOARD_NO_IRQ, 2, LOG_MISC },
    /* SLAVIO, slot 5 from 0x71000000 */
    [BD_ESCC_KBD] = { "escc-kbd", "zs", 0x71000000ull, 8,
                      BOARD_OBIO, 14, 2, LOG_ESCC },
    [BD_ESCC_SERIAL] = { "escc-serial", "zs", 0x71100000ull, 8,
                         BOARD_OBIO, 15, 2, LOG_ESCC },
    [BD_NVRAM] = { "m48t08", "eeprom", 0x71200000ull, 0x2000,
                   BOARD_OBIO, BOARD_NO_IRQ, 2, LOG_NVRAM },
    [BD_FDC] = { "fdc", "SUNW,fdtwo", 0x71400000ull, 8,
                 BOARD_OBIO, 22, 2, LOG_FDC },
    [BD_MISC_LEDS] = { "slavio-leds", NULL, 0x71600000ull, 2,
                       BOARD_OBIO, BOARD_NO_IRQ, 2, LOG_MISC },
    [BD_MISC_CONFIG] = { "slavio-config", "slavioconfig", 0x71800000ull, 1,
                         BOARD_OBIO, BOARD_NO_IRQ, 2, LOG_MISC },
    [BD_MISC_AUX1] = { "aux1", "auxio", 0x71900000ull, 1,
                       BOARD_OBIO, BOARD_NO_IRQ, 2, LOG_MISC },
    [BD_MISC_AUX2] = { "aux2-power", "power", 0x71910000ull, 1,
                       BOARD_OBIO, 30, 2, LOG_MISC },
    [BD_MISC_DIAG] = { "slavio-diag", NULL, 0x71a00000ull, 1,
                       BOARD_OBIO, BOARD_NO_IRQ, 2, LOG_MISC },
    [BD_MISC_MODEM] = { "slavio-modem", NULL, 0x71b00000ull, 1,
                        BOARD_OBIO, BOARD_NO_IRQ, 2, LOG_MISC },
    /* per-CPU pages at +n*0x1000, the system page at +0x10000 */
    [BD_COUNTER] = { "counter", "counter", 0x71d00000ull, 0x10014,
                     BOARD_OBIO, 19, 2, LOG_TIMER, 4 },
    [BD_INTCTL] = { "intctl", "interrupt", 0x71e00000ull, 0x10014,
                    BOARD_OBIO, BOARD_NO_IRQ, 2, LOG_INTCTL, 4 },
    [BD_MISC_SYSCTRL] = { "system-control", NULL, 0x71f00000ull, 4,
                          BOARD_OBIO, BOARD_NO_IRQ, 2, LOG_MISC },
    /* MACIO, SBus slot 5 from 0x78000000 */
    [BD_IDREG] = { "idreg", NULL, 0x78000000ull, 4,
                   5, BOARD_NO_IRQ, 2, LOG_MISC },
    /* DMA2: a channel for the ESP, one for the Lance (its ADDR register
     * also answers 0x10 higher) */
    [BD_ESPDMA] = { "espdma", "espdma", 0x78400000ull, 0x10,
                    5, BOARD_NO_IRQ, 2, LOG_DMA },
    [BD_LEDMA] = { "ledma", "ledma", 0x78400010ull, 0x14,
                   5, BOARD_NO_IRQ, 2, LOG_DMA },
    [BD_ESP] = { "esp", "esp", 0x78800000ull, 0x40,
                 5, 18, 2, LOG_ESP },
    [BD_LE] = { "le", "le", 0x78c00000ull, 4,
                5, 16, 2, LOG_LE },
    /* QEMU's firmware configuration ports, in the 36-bit space */
    [BD_FW_CFG] = { "fw_cfg", NULL, 0xd00000510ull, 3,
                    BOARD_OBIO, BOARD_NO_IRQ, 2, LOG_FW_CFG },
};

static const BoardModel ss5 = {
    .name = "SS-5",
    .banner = "SPARCstation 5",
    .machine_id = 32,
    .idprom_type = 0x80,
    .max_cpus = 1,
    .max_ram = 0x10000000ull,
    .prom_base = 0x70000000ull,
    .prom_size = 0x100000ull,
    .sbus_base = 0x20000000ull,
    .sbus_slot_size = 0x10000000ull,
    .sbus_slots = 6,
    .dev = ss5_devices,
};

const BoardModel *const board_models[] = { &ss5, NULL };

const BoardModel *board_model(const char *name)
{
    unsigned i;
    for (i = 0; board_models[i]; i++) {
        if (strcmp(board_models[i]->name, name) == 0) {
            return board_models[i];
        }
    }
    return NULL;
}

void board_print(const BoardModel *bm, FILE *out)
{
    unsigned i;
    fprintf(out, "# %s (%s): device, base, size, where, interrupt bit, "
            "wait, node\n", bm->name, bm->banner);
    fprintf(out, "%-16s 0x%09" PRIx64 " 0x%08" PRIx64 " %-6s %4s %u %s\n",
            "prom", bm->prom_base, bm->prom_size, "slot5", "-", 0,
            "(boot PROM)");
    for (i = 0; i < BD_COUNT; i++) {
        const BoardDevice *d = &bm->dev[i];
        char where[8], irq[8];
        if (d->slot == BOARD_OBIO) {
            snprintf(where, sizeof(where), "obio");
        } else {
            snprintf(where, sizeof(where), "slot%d", d->slot);
        }
        if (d->irq_bit == BOARD_NO_IRQ) {
            snprintf(irq, sizeof(irq), "-");
        } else {
            snprintf(irq, sizeof(irq), "%d", d->irq_bit);
        }
        fprintf(out, "%-16s 0x%09" PRIx64 " 0x%08" PRIx64 " %-6s %4s %u %s\n",
                d->name, d->base, d->size, where, irq, d->wait,
                d->node ? d->node : "-");
    }
}
