/*
 * SCSI targets on the ESP's bus (IDs 0-6; the ESP itself is 7): a disk
 * or a CD-ROM drive, each backed by one image file (hw/host/block.h).
 *
 * The initiator (hw/chips/esp.c) hands a target the command bytes it
 * received in the command phase; the target parses them and says what its
 * data phase is: its direction, its length, and where the bytes are:
 * either in the request's own buffer (INQUIRY, MODE SENSE, READ CAPACITY,
 * REQUEST SENSE; MODE SELECT's parameters come into it), or a range of
 * the image (READ/WRITE), which the initiator moves through its DMA chain
 * with host AIO straight to or from guest RAM.  When the data phase is
 * over the initiator reports how many bytes moved and any host error, and
 * the target gives the status byte (GOOD or CHECK CONDITION with sense).
 *
 * Time: each command has a modelled service time (command overhead, seek
 * by distance, rotation, media rate) from a period SCSI-2 disk or CD-ROM
 * drive, so the guest sees an SS-5's disk speed; the figures and their
 * sources are in hw/README.md §SCSI timing.
 *
 * The sequence for one command:
 *
 *     scsi_command(t, r)        r->cdb, r->cdb_len, r->lun filled in
 *     if (!r->done)             a data phase of r->len bytes, r->dir:
 *         ... move the bytes    r->media: the image at r->offset (host
 *                               AIO on t->blk.fd), else r->buf
 *         scsi_data_done(t, r, moved, host_err)
 *     r->status                 GOOD or CHECK CONDITION (sense kept in t
 *                               for the REQUEST SENSE that follows)
 *
 * A command without a data phase (r->len == 0, r->dir == SCSI_DIR_NONE)
 * is final when scsi_command returns (r->done).
 */
#ifndef HW_SCSI_SCSI_H
#define HW_SCSI_SCSI_H

#include <stdbool.h>
#include <stdint.h>

#include "hw/core/devctx.h"
#include "hw/host/block.h"

#define SCSI_MAX_CDB 16
#define SCSI_BUF_SIZE 4096          /* the largest non-media data phase */

/* Status bytes (SCSI-2 §7.3) */
#define SCSI_STATUS_GOOD 0x00
#define SCSI_STATUS_CHECK 0x02
#define SCSI_STATUS_BUSY 0x08

/* Fixed-format sense data as REQUEST SENSE returns it (SCSI-2) */
#define SCSI_SENSE_LEN 18

typedef enum ScsiKind {
    SCSI_DISK,
    SCSI_CDROM,
} ScsiKind;

typedef enum ScsiDir {
    SCSI_DIR_NONE,                  /* no data phase */
    SCSI_DIR_IN,                    /* target -> initiator (DATA IN) */
    SCSI_DIR_OUT,                   /* initiator -> target (DATA OUT) */
} ScsiDir;

typedef struct ScsiReq {
    /* from the initiator */
    uint8_t cdb[SCSI_MAX_CDB];
    unsigned cdb_len;
    unsigned lun;                   /* from the IDENTIFY message */
    /* the data phase, set by scsi_command */
    ScsiDir dir;
    uint64_t len;                   /* bytes the target will move */
    bool media;                     /* the bytes are the image at offset */
    uint64_t offset;
    uint8_t buf[SCSI_BUF_SIZE];     /* else the bytes (IN) or room (OUT) */
    Cycles service;                 /* modelled time before the data phase
                                     * (or before status, without one):
                                     * overhead, seek, rotation */
    Cycles data_time;               /* the data phase at media/bus rate
                                     * (the time r->len bytes take) */
    /* the outcome */
    uint8_t status;
    bool done;                      /* status is final */
} ScsiReq;

typedef struct ScsiTarget {
    DevCtx ctx;                     /* name "sd0", "sr2"; no registers */
    ScsiKind kind;
    unsigned id;
    BlockDev blk;                   /* fd < 0: no medium (an empty drive) */
    unsigned block_size;            /* 512 (disk) or 2048 (CD) */
    uint64_t blocks;
    /* sense data of the last CHECK CONDITION (fixed format) */
    uint8_t sense_key, asc, ascq;
    uint32_t info;                  /* the failing LBA, with VALID */
    bool info_valid;
    uint16_t field_pointer;         /* ILLEGAL REQUEST: the bad byte ... */
    bool sksv;
    bool field_in_cdb;              /* ... of the CDB (C/D 1) or of the
                                     * parameter list (C/D 0) */
    int8_t bit_pointer;             /* its bit, -1 for the whole byte */
    bool unit_attention;            /* pending: after power-on, bus reset */
    uint8_t ua_asc, ua_ascq;        /* what it reports (29/00, 28/00) */
    bool prevent_removal;
    bool stopped;                   /* START STOP UNIT */
    bool tray_open;                 /* CD: ejected by START STOP UNIT */
    bool wce;                       /* caching page: write cache enabled */
    /* the mechanism, for the service time */
    uint64_t head_lba;              /* where the head is: the block after
                                     * the last one transferred */
    /* statistics */
    uint64_t commands, blocks_read, blocks_written, media_errors;
    uint64_t host_errors;           /* host I/O failures (logged, 10 max) */
} ScsiTarget;

/* Takes over blk (closed by scsi_target_free); blk->fd < 0 makes an
 * empty drive (a CD-ROM drive without a disc).  ctx: the log context and
 * the clock (ctx->events->now, ctx->hz). */
void scsi_target_init(ScsiTarget *t, const DevCtx *ctx, unsigned id,
                      ScsiKind kind, const BlockDev *blk);
/* Flushes and closes the image (a host error is logged). */
void scsi_target_free(ScsiTarget *t);
/* Power-on or SCSI bus reset: UNIT ATTENTION for the next command. */
void scsi_target_reset(ScsiTarget *t);

/* Parse r->cdb and set up the data phase; r->status is preliminary
 * unless r->done (a command refused before any data: CHECK CONDITION). */
void scsi_command(ScsiTarget *t, ScsiReq *r);
/*
 * The data phase is over: done bytes moved (r->len unless the initiator
 * stopped early), host_err 0 or -errno from the host.  Sets the final
 * status (and sense): a host error becomes MEDIUM ERROR with the LBA.
 */
void scsi_data_done(ScsiTarget *t, ScsiReq *r, uint64_t done, int host_err);

/* The length of the CDB that starts with opcode, from its group code
 * (SCSI-2 operation code): how many command bytes the target asks for; 0 for
 * the reserved and vendor-specific groups. */
unsigned scsi_cdb_length(uint8_t opcode);

#endif
