/*
 * dtblob.h - the device tree as the simulator hands it to our own boot
 * PROM (-bios builtin): a flat, big-endian blob in the fw_cfg file
 * DTB_FWCFG_NAME.  The simulator builds it from the board table at every
 * machine reset (hw/board/devtree.c); the PROM copies it into its own RAM
 * and answers the romvec's node operations from it (firmware/prom/).
 *
 * Only the format lives here, so that both sides agree on it: plain
 * 32-bit words, no pointers, every offset counted from the blob's first
 * byte.  Written by the simulator, read by the SPARC code: all words are
 * big-endian, the SPARC's own order.
 *
 * Layout:
 *   struct dtb_header
 *   struct dtb_node  nodes[n_nodes]     node 0 is the root
 *   struct dtb_prop  props[n_props]     each node's properties together
 *   struct dtb_map   maps[n_maps]       device pages the PROM must map
 *   bytes: property names (NUL-terminated) and values, 4-byte aligned
 *
 * Phandles: the PROM gives each node the virtual address of its dtb_node
 * in the PROM's copy, so they are unique, never 0 or -1, and lie in the
 * PROM's window as OpenBIOS's do.
 *
 * "address" properties: the simulator chooses every virtual address a
 * node publishes (the uncached device mappings Linux dereferences: the
 * counter's and the interrupt controller's registers, the eeprom's
 * presence) inside the PROM's device window, writes them into the
 * property, and lists each range in maps[] for the PROM to map before it
 * enters the kernel.
 */
#ifndef FIRMWARE_PROM_DTBLOB_H
#define FIRMWARE_PROM_DTBLOB_H

/* Also included by firmware/prom/entry.S (assembled through the C
 * preprocessor): the constants it uses are spelled with DTB_U, which
 * gives them the "u" suffix in C only (gas does not take one). */
#ifdef __ASSEMBLER__
#define DTB_U(x) x
#else
#define DTB_U(x) x##u
#include <stdint.h>
#endif

#define DTB_MAGIC 0x53344454u           /* "S4DT" */
#define DTB_VERSION 1u
#define DTB_FWCFG_NAME "sun4m/device-tree"
#define DTB_NONE 0xffffffffu            /* no parent, child or sibling */

/* Limits both sides check (hw/board/devtree.c devtree_check, the PROM's
 * dt_load): the blob must fit the PROM's arena with room left for the
 * properties a client sets; a property name must fit the 32-byte buffer
 * Linux copies it into (drivers/of/pdt.c, arch/sparc/prom/tree_32.c
 * prom_nextprop's strcpy); the console speed must be one the Z85C30's
 * baud-rate generator can come near. */
#define DTB_MAX_SIZE 0x20000u
#define DTB_MAX_NAME 31u
#define DTB_MIN_BAUD 50u
#define DTB_MAX_BAUD 460800u

/* The PROM's virtual window for device mappings: maps[] ranges lie in
 * [DTB_DEV_VA_BASE, DTB_DEV_VA_END).  Inside 0xffd00000-0xffefffff, which
 * Linux (srmmu_inherit_prom_mappings) and NetBSD both keep. */
#define DTB_DEV_VA_BASE 0xffdd2000u
#define DTB_DEV_VA_END 0xffe00000u

/* RAM the PROM keeps for itself at the top of memory (its code and data,
 * the blob, page tables, the stack it enters the kernel with): /memory's
 * "available" is everything below.  Mapped at virtual 0xffd00000. */
#define DTB_PROM_RAM_SIZE DTB_U(0x80000)
#define DTB_PROM_VA DTB_U(0xffd00000)

#ifndef __ASSEMBLER__

struct dtb_header {
    uint32_t magic;             /* DTB_MAGIC */
    uint32_t version;           /* DTB_VERSION */
    uint32_t size;              /* bytes in the whole blob */
    uint32_t n_nodes, nodes_off;
    uint32_t n_props, props_off;
    uint32_t n_maps, maps_off;
    uint32_t console;           /* node index of the console device (the
                                 * serial zs for ttya/ttyb) */
    uint32_t console_channel;   /* 0: channel a (ttya), 1: b (ttyb) */
    uint32_t console_baud;      /* from /options ttyX-mode */
};

struct dtb_node {
    uint32_t parent, child, sibling;    /* node indices or DTB_NONE */
    uint32_t first_prop, n_props;       /* a run of props[] */
};

struct dtb_prop {
    uint32_t name_off;          /* NUL-terminated name */
    uint32_t value_off;         /* value bytes (may be 0 long) */
    uint32_t len;               /* value length in bytes */
};

/* One range of device registers: map [va, va + size) to the physical
 * address pa_hi:pa_lo (36-bit sun4m space) with uncached, supervisor
 * read/write pages.  va and size are page-aligned. */
struct dtb_map {
    uint32_t va;
    uint32_t pa_hi, pa_lo;
    uint32_t size;
};

#endif /* !__ASSEMBLER__ */

#endif
