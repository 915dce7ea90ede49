/*
 * bootdata.h - where tools/mkbootimg puts the boot program and the data
 * it reads back, as byte offsets from the start of the boot partition
 * (partition a of the disk image, partition d of the CD image).  The
 * Python side spells the same numbers; keep the two in step.
 *
 *   0     .. 511    block 0: the Sun disk label on the disk (partition a
 *                   starts at cylinder 0, as on Sun's own disks); zeros on
 *                   the CD, whose label is in block 0 of the ISO instead
 *   512   .. 8191   the boot block: our a.out program (blocks 1-15, the
 *                   place SunOS boot blocks have, and the place
 *                   genisoimage -sparc-boot says a boot image must hold
 *                   its primary boot)
 *   8192  .. 8703   the data header below
 *   8704  ..        the pattern: BOOTDATA_PAT_LEN bytes, 512-byte blocks
 *                   each starting with its block number within the
 *                   partition (big-endian word), then bytes from SHA-256
 *                   in counter mode
 *
 * The pattern starts 512 bytes past a 2048-byte boundary, so on the CD
 * (2048-byte sectors) the PROM's deblocker has to split the first and the
 * last sector.
 */
#ifndef FIRMWARE_BOOT_BOOTDATA_H
#define FIRMWARE_BOOT_BOOTDATA_H

#define BOOTDATA_HDR_OFF    8192
#define BOOTDATA_PAT_OFF    8704
#define BOOTDATA_PAT_LEN    61440       /* 120 blocks */
#define BOOTDATA_MAGIC      "SUN4MBT1"  /* 8 bytes, no NUL */

/* the header block (512 bytes; words big-endian) */
struct bootdata_hdr {
    char magic[8];                  /* BOOTDATA_MAGIC */
    unsigned int pat_off;           /* BOOTDATA_PAT_OFF */
    unsigned int pat_len;           /* BOOTDATA_PAT_LEN */
    unsigned int pat_crc;           /* CRC-32 (IEEE, as zlib's) of it */
    unsigned int reserved[3];
    char text[480];                 /* NUL-terminated ASCII message */
};

_Static_assert(sizeof(struct bootdata_hdr) == 512, "one block");

#endif
