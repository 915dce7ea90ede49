/*
 * The OpenBoot device tree of the machine, as our own boot PROM serves it
 * (-bios builtin): built from the board table (board.c), the machine's
 * configuration and its NVRAM, in the flat blob format of
 * firmware/prom/dtblob.h.  The tree follows the one OpenBIOS builds on
 * the same machine, node for node, for everything Linux 6.1 reads
 * (own-firmware.md §3); devtree.c lists where it departs on purpose.
 */
#ifndef HW_BOARD_DEVTREE_H
#define HW_BOARD_DEVTREE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "hw/board/sun4m.h"

/*
 * The blob for machine m as it is now (RAM size, drives, framebuffer,
 * NVRAM contents).  Returns a malloc'd buffer of *len bytes, or NULL with
 * a one-line reason in err (size errlen).
 */
uint8_t *devtree_build(const Machine *m, size_t *len, char *err,
                       size_t errlen);

/*
 * Check that blob (len bytes, from anywhere) is a well-formed tree: the
 * header, every offset and index in range, a tree without cycles whose
 * nodes all have a name, NUL-terminated property names, maps[] page-
 * aligned inside the PROM's device window.  0, or -1 with err set.
 */
int devtree_check(const uint8_t *blob, size_t len, char *err, size_t errlen);

/*
 * Print the tree as Linux shows it under /proc/device-tree, one line per
 * node ("N path") and property ("P path hexbytes"), paths as Linux names
 * the nodes (name@space,offset from the first reg entry), sorted by path
 * in byte order like `find . | sort`.  Returns 0, or -1 if the blob is
 * malformed (then nothing is printed).
 */
int devtree_print(const uint8_t *blob, size_t len, FILE *out);

#endif
