/*
 * prom.h - constants that the PROM's assembly (entry.S) and C (prom.c)
 * both use.  Included from assembly too (entry.S goes through the C
 * preprocessor): plain numbers only, no "u" suffixes, no C.
 */
#ifndef FIRMWARE_PROM_PROM_H
#define FIRMWARE_PROM_PROM_H

/* fw_cfg (hw/README.md §fw_cfg ports): ASI 0x2d, PA[35:32] = 0xd */
#define FWCFG_SEL 0x510             /* 16-bit big-endian selector store */
#define FWCFG_DATA 0x512            /* data, one byte per read */

/* The PROM's tick (hw/README.md §Counter-timers): per-CPU counter-timer
 * 0 (+0: limit; a read clears the level-14 interrupt, a write of 0 stops
 * it), every TICK_MS milliseconds, as OpenBIOS; entry.S adds TICK_MS to
 * pv_ticks (milliseconds) at each */
#define TIMER_CPU0_LIMIT 0x71d00000
#define TICK_MS 10

/* level-3 page tables in entry.S's pool (mmu_l3_pool), for prom.c's
 * device mappings */
#define MMU_L3_TABLES 8

#endif
