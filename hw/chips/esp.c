/*
 * NCR 53C9x / FAS100A (ESP) core of the sun4m MACIO, as a SCSI initiator.
 * Register behaviour follows the 53C9x facts QEMU 7.2 hw/scsi/esp.c and
 * Linux esp_scsi.c rely on; the bus protocol follows SCSI-2 (X3.131-1994)
 * as the targets of hw/scsi/scsi.h need it.
 *
 * Registers: reads of TCLO/TCMID/TCHI give the current transfer counter,
 * writes set the start count, which a command with the DMA bit copies into
 * the counter: 16 bits (0 means 64 KB), or 24 bits with TCHI while CFG2
 * has the features bit (FENAB; 0 then means 16 MB).  Linux's FAS100A setup
 * sets FENAB only around the unique-id read and never writes TCHI, so its
 * transfers are 16-bit.  TCHI reads the chip's unique id until it is first
 * written after a reset: Linux's esp_reset_esp reads it to tell a FAS100A
 * from a FAS236 or FASHME.  CFG1/2/3 read back what was written (Linux's
 * revision probe needs CFG2 and CFG3 to be there).  STAT's phase bits are
 * the bus lines (0 while the bus is free); TC, the gross error and parity
 * bits (never set here) and INT are latched.  Reading INTR clears INTR,
 * the sequence step and the latched STAT bits and drops the interrupt
 * (the Am53CF94 data sheet has reading the interrupt register clear all
 * three; Linux esp_scsi.c reads STAT and SSTEP before INTR for that
 * reason; QEMU keeps SEQ).  The FIFO flags give the FIFO count in bits
 * 4:0 and the sequence step in bits 7:5.
 *
 * The bus: a selection arbitrates, selects the target in BUSID and sends
 * what the command asks for (SEL: the CDB; SELATN: IDENTIFY and the CDB;
 * SELATN3: IDENTIFY, a tag message and the CDB; SELATNS: IDENTIFY only,
 * then the target waits in MESSAGE OUT with ATN still asserted),
 * from the FIFO, or with the DMA bit from memory through the DMA chain
 * (up to the transfer count).  The target takes as many command bytes as
 * the group code of the first one says.  An absent target gives the
 * selection timeout (STO register and clock conversion factor, or
 * ESP_SEL_TIMEOUT_DEFAULT_US while STO is 0): a disconnect, STAT = INT,
 * INTR = DC, SEQ = 0, which OpenBIOS (polling espdma CSR bit 0) and Linux
 * (DID_BAD_TARGET) take as "no device".  A present one ends the selection
 * with INTR = FC|BS, SEQ = 4 and the target's next phase: DATA IN/OUT, or
 * STATUS (after its service time) for a command without data.
 *
 * Information transfer (TI) moves the bytes of the current phase: with
 * DMA, min(counter, what the target has) through the chain, the counter
 * and the espdma address advancing by what moved; through the FIFO, one
 * byte per TI in the input phases (DATA IN, STATUS, MESSAGE IN: the
 * asynchronous chip takes one byte and interrupts, as Linux's PIO code
 * expects) and the FIFO's bytes in the output phases.  It ends with BS and
 * the target's phase then (still DATA IN when the counter ran out first:
 * Linux splits large transfers), or FC in MESSAGE IN with ACK held.  ICCS
 * takes the status byte and the COMMAND COMPLETE message into the FIFO
 * (FC, MESSAGE IN, ACK held); MESSAGE ACCEPTED releases ACK and the target
 * leaves the bus (DC).  A DMA fault (the chain already set the espdma
 * error bit) or a host I/O error cuts the data phase short: the target
 * hears of a short transfer (-EIO) and goes to STATUS with CHECK
 * CONDITION, and the TI ends with BS as usual, so Linux sees the error bit
 * at its data-done step and resets the bus.
 *
 * Illegal commands, and commands of the wrong group for the bus state
 * (TI, ICCS, MSGACC, PAD while disconnected; ENSEL/DISSEL while connected),
 * raise INTR = ILL (0x40, Linux ESP_INTR_IC) and are logged.  A command
 * other than NOP, FLUSH, RESET and BUS RESET while the chip is busy is
 * logged and ignored.  As in QEMU (dma_cb), a selection, TI or ICCS with
 * the DMA bit waits until the DMA channel is enabled.
 *
 * SIMPLIFY: no target mode (its commands are illegal here), no
 * reselection: targets never disconnect in the middle of a command, so
 * ENSEL does nothing; the bus protocol is the target's as far as these
 * guests need it (IDENTIFY, queue tags, ABORT, BUS DEVICE RESET; SDTR is
 * answered with an agreement, WDTR with 8 bits, anything else with
 * MESSAGE REJECT), and a synchronous agreement changes only what the
 * guest programs (the sync registers are storage; data phases take the
 * target's data time whatever the bus mode); the counter and the espdma
 * address move when a transfer completes, not byte by byte; a selection
 * while a target still holds the bus drops that command, as QEMU does
 * (OpenBIOS never runs ICCS / MESSAGE ACCEPTED, so its targets sit in
 * STATUS until the next selection); image data moves only by DMA: a TI
 * without DMA in a READ/WRITE data phase ends the data phase there; a
 * transfer pad in a WRITE's data phase does too (no pad bytes are
 * written to the image); a chip reset (or the espdma reset pulse) drops
 * the command on the bus.
 */
#include "hw/chips/esp.h"

#include <errno.h>
#include <string.h>

#define ESP_BUS_FREE 0xff           /* not a phase: the target leaves */

/* ---- interrupt, registers ---- */

static void esp_interrupt(Esp *s, uint8_t intr)
{
    s->intr |= intr;
    if (!s->irq_level) {
        s->irq_level = true;
        irq_set(&s->irq, true);
    }
}

static void esp_lower_irq(Esp *s)
{
    if (s->irq_level) {
        s->irq_level = false;
        irq_set(&s->irq, false);
    }
}

static uint8_t esp_stat(const Esp *s)
{
    uint8_t v = s->stat & (ESP_STAT_TC | ESP_STAT_PE | ESP_STAT_GE);
    if (s->cur != NULL) {
        v |= s->phase;
    }
    return (uint8_t)(v | (s->irq_level ? ESP_STAT_INT : 0));
}

static void esp_fifo_push(Esp *s, uint8_t v)
{
    if (s->fifo_len == ESP_FIFO_SIZE) {
        /* overrun: the byte is lost */
        guest_error(&s->ctx, "FIFO overrun: byte 0x%02x lost", v);
        return;
    }
    s->fifo[s->fifo_len++] = v;
}

static uint8_t esp_fifo_pop(Esp *s)
{
    uint8_t v;
    if (s->fifo_len == 0) {
        return 0;
    }
    v = s->fifo[0];
    memmove(s->fifo, s->fifo + 1, --s->fifo_len);
    return v;
}

/* Take up to n bytes from the front of the FIFO. */
static unsigned esp_fifo_take(Esp *s, uint8_t *dst, unsigned n)
{
    if (n > s->fifo_len) {
        n = s->fifo_len;
    }
    memcpy(dst, s->fifo, n);
    s->fifo_len -= n;
    memmove(s->fifo, s->fifo + n, s->fifo_len);
    return n;
}

/* Put bytes the chip did not send back in front of the FIFO. */
static void esp_fifo_unget(Esp *s, const uint8_t *src, unsigned n)
{
    if (n > ESP_FIFO_SIZE - s->fifo_len) {
        n = ESP_FIFO_SIZE - s->fifo_len;
    }
    memmove(s->fifo + n, s->fifo, s->fifo_len);
    memcpy(s->fifo, src, n);
    s->fifo_len += n;
}

/* A command with the DMA bit loads the counter from the start count. */
static void esp_load_tc(Esp *s)
{
    uint32_t stc = s->wregs[ESP_TCLO] | (uint32_t)s->wregs[ESP_TCMID] << 8;

    if (s->rregs[ESP_CFG2] & ESP_CFG2_FENAB) {
        stc |= (uint32_t)s->wregs[ESP_TCHI] << 16;
        if (stc == 0) {
            stc = 0x1000000;        /* 0 means 16 MB */
        }
    } else if (stc == 0) {
        stc = 0x10000;              /* 0 means 64 KB */
    }
    s->tc = stc;
    s->stat &= ~ESP_STAT_TC;
}

/* n bytes moved by DMA (or padded): the counter counts them down. */
static void esp_count(Esp *s, uint32_t n)
{
    s->tc = n >= s->tc ? 0 : s->tc - n;
    if (s->tc == 0) {
        s->stat |= ESP_STAT_TC;
    }
}

/* ... and the espdma address moves past them. */
static void esp_dma_moved(Esp *s, uint32_t n)
{
    esp_count(s, n);
    if (n && s->dma_advance) {
        s->dma_advance(s->dma_opaque, n);
    }
    s->dma_bytes += n;
}

Cycles esp_select_timeout(const Esp *s)
{
    uint64_t sto = s->wregs[ESP_WSTO];
    uint64_t ccf = s->wregs[ESP_WCCF] & 7;

    if (s->sel_timeout_fixed) {
        return s->sel_timeout_fixed;
    }
    if (sto == 0) {
        /* SIMPLIFY: 0 (not programmed) gives the recommended 250 ms */
        return s->ctx.hz * s->sel_timeout_default_us / 1000000u;
    }
    /* 53C9x: timeout = STO * 8192 * CCF / input clock; a CCF of 0 means
     * 8, and 1 is not allowed (Linux and NetBSD use 2 instead) */
    if (ccf == 0) {
        ccf = 8;
    } else if (ccf == 1) {
        ccf = 2;
    }
    return sto * 8192 * ccf * s->ctx.hz / s->clock_hz;
}

static Cycles esp_ns(const Esp *s, uint64_t ns)
{
    return dev_ns(&s->ctx, ns);
}

static bool esp_busy(const Esp *s)
{
    return s->op != ESP_OP_NONE || dma_xfer_busy(&s->xfer) || s->deferred ||
           ev_pending(&s->sel_event);
}

static void esp_arm(Esp *s, EspOp op, Cycles delay)
{
    s->op = op;
    ev_after(s->ctx.events, &s->ev, delay ? delay : 1);
}

static const char *esp_phase_name(uint8_t phase)
{
    static const char *const names[8] = {
        "DATA OUT", "DATA IN", "COMMAND", "STATUS",
        "phase 4", "phase 5", "MESSAGE OUT", "MESSAGE IN",
    };
    return phase == ESP_BUS_FREE ? "BUS FREE" : names[phase & 7];
}

/* ---- the target's side of the bus ---- */

static void esp_bus_free(Esp *s)
{
    if (s->cur != NULL) {
        log_trace(s->ctx.log, LOG_SCSI, s->ctx.name,
                  "target %u: BUS FREE", s->sel_target);
    }
    s->cur = NULL;
    s->phase = ESP_PHASE_DO;
    s->atn = false;
    s->ack_held = false;
    s->msgin_len = s->msgin_pos = 0;
}

/* The target changes phase; ATN sends it to MESSAGE OUT first. */
static void esp_goto(Esp *s, uint8_t phase)
{
    if (s->cur == NULL) {
        return;
    }
    if (s->atn && phase != ESP_PHASE_MO) {
        s->resume_phase = phase;
        phase = ESP_PHASE_MO;
    }
    if (phase != s->phase) {
        log_trace(s->ctx.log, LOG_SCSI, s->ctx.name, "target %u: %s",
                  s->sel_target, esp_phase_name(phase));
    }
    s->phase = phase;
}

/* The interrupt that ends an operation, with the target's new phase
 * (ESP_BUS_FREE: it left the bus), after delay cycles (0: now). */
static void esp_report(Esp *s, uint8_t phase, uint8_t intr, Cycles delay)
{
    if (delay) {
        s->rep_phase = phase;
        s->rep_intr = intr;
        esp_arm(s, ESP_OP_REPORT, delay);
        return;
    }
    if (phase == ESP_BUS_FREE) {
        esp_bus_free(s);
    } else {
        esp_goto(s, phase);
    }
    esp_interrupt(s, intr);
}

/* The data phase is over (host_err 0, or short: -errno): the target sets
 * its status.  Returns the next phase, STATUS. */
static uint8_t esp_data_end(Esp *s, int host_err)
{
    if (!s->data_done) {
        scsi_data_done(s->cur, &s->req, s->data_pos, host_err);
        s->data_done = true;
        s->status = s->req.status;
        log_trace(s->ctx.log, LOG_SCSI, s->ctx.name,
                  "target %u: %llu of %llu data bytes%s, status 0x%02x",
                  s->sel_target, (unsigned long long)s->data_pos,
                  (unsigned long long)s->req.len,
                  host_err ? " (cut short)" : "", s->status);
    }
    return ESP_PHASE_ST;
}

/* Drop the command on the bus (chip or bus reset, a new selection, an
 * abort message): the target hears of what moved, the bus goes free. */
static void esp_abandon(Esp *s, const char *why)
{
    if (dma_xfer_busy(&s->xfer)) {
        dma_xfer_cancel(&s->xfer);
    }
    s->xk = ESP_XF_NONE;
    if (s->cur != NULL) {
        if (s->issued && !s->data_done) {
            esp_data_end(s, 0);
        }
        s->abandoned++;
        log_trace(s->ctx.log, LOG_SCSI, s->ctx.name,
                  "target %u: command dropped (%s) in %s", s->sel_target,
                  why, esp_phase_name(s->phase));
    }
    s->issued = false;
    esp_bus_free(s);
}

/* The command bytes are all in: the target parses them.  Returns its next
 * phase. */
static uint8_t esp_issue(Esp *s)
{
    ScsiReq *r = &s->req;

    r->cdb_len = s->cdb_have;
    if (!s->identified) {
        r->lun = (r->cdb[1] >> 5) & 7;      /* SCSI-1: LUN in the CDB */
    }
    r->dir = SCSI_DIR_NONE;
    r->len = 0;
    r->media = false;
    r->offset = 0;
    r->service = 0;
    r->data_time = 0;
    r->status = SCSI_STATUS_GOOD;
    r->done = false;
    scsi_command(s->cur, r);
    s->issued = true;
    s->commands++;
    s->data_pos = 0;
    s->service_paid = false;
    s->data_done = false;
    if (!r->media && r->len > SCSI_BUF_SIZE) {
        r->len = SCSI_BUF_SIZE;             /* the target's buffer */
    }
    log_trace(s->ctx.log, LOG_SCSI, s->ctx.name,
              "target %u lun %u: command 0x%02x (%u bytes), %s %llu bytes%s",
              s->sel_target, r->lun, r->cdb[0], r->cdb_len,
              r->done ? "refused," :
              r->dir == SCSI_DIR_IN ? "in" :
              r->dir == SCSI_DIR_OUT ? "out" : "no data,",
              (unsigned long long)r->len, r->media ? " of the image" : "");
    if (!r->done && (r->dir == SCSI_DIR_NONE || r->len == 0)) {
        return esp_data_end(s, 0);
    }
    if (r->done) {
        s->data_done = true;
        s->status = r->status;
        return ESP_PHASE_ST;
    }
    return r->dir == SCSI_DIR_IN ? ESP_PHASE_DI : ESP_PHASE_DO;
}

/* Command bytes for the target; returns how many it took (as many as
 * the group code of the first says: SCSI-2 §7.2.1). */
static unsigned esp_cmd_bytes(Esp *s, const uint8_t *b, unsigned n)
{
    unsigned took;
    for (took = 0; took < n; took++) {
        if (s->cdb_have == 0) {
            s->cdb_want = scsi_cdb_length(b[took]);
            if (s->cdb_want == 0 || s->cdb_want > SCSI_MAX_CDB) {
                /* reserved or vendor group: the target takes six bytes
                 * and refuses the opcode */
                s->cdb_want = 6;
            }
        } else if (s->cdb_have >= s->cdb_want) {
            break;
        }
        s->req.cdb[s->cdb_have++] = b[took];
    }
    return took;
}

static bool esp_cdb_complete(const Esp *s)
{
    return s->cdb_want && s->cdb_have == s->cdb_want;
}

/* The command phase got its last byte: the phase after it, and the
 * target's service time before it if that is STATUS (no data phase). */
static uint8_t esp_command_phase_over(Esp *s, Cycles *delay)
{
    uint8_t next = esp_issue(s);
    *delay = next == ESP_PHASE_ST ? s->req.service : 0;
    return next;
}

/* An extended message of len bytes (code first, have of them here); the
 * target answers SDTR and WDTR in MESSAGE IN (SCSI-2 §6.6.21, §6.6.23).
 * false: rejected. */
static bool esp_msgout_extended(Esp *s, const uint8_t *m, unsigned len,
                                unsigned have)
{
    if (len > have || len == 0) {
        return false;
    }
    if (m[0] == ESP_EXT_SDTR && len == 3) {
        uint8_t period = m[1], offset = m[2];
        if (period < ESP_TARGET_MIN_PERIOD) {
            period = ESP_TARGET_MIN_PERIOD;
        }
        if (offset > ESP_TARGET_MAX_OFFSET) {
            offset = ESP_TARGET_MAX_OFFSET;
        }
        s->msgin[0] = ESP_MSG_EXTENDED;
        s->msgin[1] = 3;
        s->msgin[2] = ESP_EXT_SDTR;
        s->msgin[3] = period;
        s->msgin[4] = offset;
        s->msgin_len = 5;
    } else if (m[0] == ESP_EXT_WDTR && len == 2) {
        s->msgin[0] = ESP_MSG_EXTENDED;
        s->msgin[1] = 2;
        s->msgin[2] = ESP_EXT_WDTR;
        s->msgin[3] = 0;            /* 8-bit: the ESP bus is narrow */
        s->msgin_len = 4;
    } else {
        return false;
    }
    s->msgin_pos = 0;
    s->msgin_then = ESP_MI_RESUME;
    return true;
}

/* Message bytes from the initiator (MESSAGE OUT, after SET ATN, a
 * select-and-stop or a selection that ran short). */
static void esp_msgout(Esp *s, const uint8_t *b, unsigned n)
{
    bool reject = false, leave = false, bdr = false;
    unsigned i;

    s->atn = false;                 /* dropped on the last byte */
    s->msgin_len = s->msgin_pos = 0;
    for (i = 0; i < n; i++) {
        uint8_t m = b[i];
        log_trace(s->ctx.log, LOG_SCSI, s->ctx.name,
                  "target %u: message out 0x%02x", s->sel_target, m);
        if (m & ESP_MSG_IDENTIFY) {
            continue;
        }
        switch (m) {
        case ESP_MSG_ABORT:
        case ESP_MSG_ABORT_TAG:
        case ESP_MSG_CLEAR_QUEUE:
            leave = true;
            break;
        case ESP_MSG_BUS_DEVICE_RESET:
            leave = bdr = true;
            break;
        case ESP_MSG_NOP:
        case ESP_MSG_REJECT:
            break;
        case ESP_MSG_EXTENDED:
            if (i + 2 < n) {
                unsigned len = b[i + 1];
                if (!esp_msgout_extended(s, b + i + 2, len,
                                         n - i - 2)) {
                    reject = true;
                }
                i += 1u + len;
            } else {
                reject = true;
                i = n;
            }
            break;
        default:
            if (m >= 0x20 && m <= 0x2f) {
                i++;                /* two bytes: queue tags and the like */
            } else {
                reject = true;
            }
            break;
        }
    }
    if (leave) {
        ScsiTarget *t = s->cur;
        esp_abandon(s, bdr ? "BUS DEVICE RESET" : "ABORT");
        if (bdr && t) {
            scsi_target_reset(t);
        }
        esp_report(s, ESP_BUS_FREE, ESP_INTR_DC, esp_ns(s, ESP_DISCONNECT_NS));
        return;
    }
    if (reject) {
        s->msgin[0] = ESP_MSG_REJECT;
        s->msgin_len = 1;
        s->msgin_pos = 0;
        s->msgin_then = ESP_MI_RESUME;
        esp_report(s, ESP_PHASE_MI, ESP_INTR_BS, 0);
        return;
    }
    if (s->msgin_len) {             /* an answer to SDTR / WDTR */
        esp_report(s, ESP_PHASE_MI, ESP_INTR_BS, 0);
        return;
    }
    esp_report(s, s->resume_phase, ESP_INTR_BS, 0);
}

/* The target is in STATUS and has given its status byte: the COMMAND
 * COMPLETE message follows (SCSI-2 §6.5). */
static void esp_status_sent(Esp *s)
{
    s->msgin[0] = ESP_MSG_COMMAND_COMPLETE;
    s->msgin_len = 1;
    s->msgin_pos = 0;
    s->msgin_then = ESP_MI_DISCONNECT;
    log_trace(s->ctx.log, LOG_SCSI, s->ctx.name, "target %u: status 0x%02x",
              s->sel_target, s->status);
}

/* ---- DMA ---- */

static void esp_xfer_done(void *opaque, DmaXfer *x, uint64_t done,
                          const DmaFault *f, int host_err);

/* Start n bytes through the chain (the list is the byte offsets from the
 * espdma address); kind says what they are. */
static void esp_dma_start(Esp *s, EspXferKind kind, DmaDir dir, uint32_t n,
                          Cycles cost)
{
    DmaXfer *x = &s->xfer;

    s->xk = kind;
    s->x_len = n;
    if (s->dma_to_memory &&
        s->dma_to_memory(s->dma_opaque) != (dir == DMA_TO_MEM)) {
        /* SIMPLIFY: the bytes move the way the phase says */
        guest_error(&s->ctx, "espdma direction is %s memory, the %s phase "
                    "moves %s it", dir == DMA_TO_MEM ? "from" : "to",
                    esp_phase_name(s->phase),
                    dir == DMA_TO_MEM ? "to" : "from");
    }
    sg_clear(&x->list);
    if (!s->eng || !s->first || sg_add(&x->list, 0, n) < 0) {
        /* no chain attached: nothing moves, as a fault would leave it */
        dev_trace(&s->ctx, "no DMA chain: %u bytes not moved", n);
        esp_arm(s, ESP_OP_NODMA, cost);
        return;
    }
    x->dir = dir;
    x->cost = cost ? cost : 1;
    x->done_fn = esp_xfer_done;
    x->opaque = s;
    if (kind == ESP_XF_DATA && s->req.media) {
        x->end = DMA_END_FILE;
        x->buf = NULL;
        x->fd = s->cur->blk.fd;
        x->offset = s->req.offset + s->data_pos;
        x->direct = s->cur->blk.direct;
    } else {
        x->end = DMA_END_BUF;
        x->buf = kind == ESP_XF_DATA ? s->req.buf + s->data_pos : s->xbuf;
        x->fd = -1;
        x->offset = 0;
        x->direct = false;
    }
    dev_trace(&s->ctx, "DMA %u bytes %s memory", n,
              dir == DMA_TO_MEM ? "to" : "from");
    if (dma_xfer_start(s->eng, s->first, x) < 0) {
        /* cannot happen: the chip starts one transfer at a time */
        esp_arm(s, ESP_OP_NODMA, cost);
    }
}

/* The target's time for n bytes of its data phase, and its service time
 * before the first. */
static Cycles esp_data_cost(const Esp *s, uint64_t n, bool dma)
{
    const ScsiReq *r = &s->req;
    Cycles c = s->service_paid ? 0 : r->service;
    if (r->len) {
        c += (Cycles)((unsigned __int128)r->data_time * n / r->len);
    }
    return c + (dma ? esp_ns(s, ESP_DMA_START_NS)
                    : esp_ns(s, (uint64_t)ESP_BYTE_NS * n));
}

/* ---- selection ---- */

static unsigned esp_sel_msgs(uint8_t cmd)
{
    switch (cmd & ESP_CMD_MASK) {
    case ESP_CMD_SEL:
        return 0;
    case ESP_CMD_SELATN3:
        return 3;                   /* IDENTIFY and a queue tag */
    default:
        return 1;                   /* IDENTIFY */
    }
}

static void esp_select_done(void *opaque)
{
    Esp *s = opaque;
    /* nobody answered within the timeout: the chip releases the bus */
    s->sel_timeouts++;
    log_trace(s->ctx.log, LOG_SCSI, s->ctx.name,
              "target %u: selection timeout", s->sel_target);
    s->seq = ESP_SEQ_0;
    esp_interrupt(s, ESP_INTR_DC);
}

/* The selected target got n bytes (messages, then command bytes). */
static void esp_select_bytes(Esp *s, const uint8_t *b, unsigned n,
                             bool from_fifo)
{
    unsigned nmsg = esp_sel_msgs(s->sel_cmd), msgs = n < nmsg ? n : nmsg;
    unsigned used = msgs;
    uint8_t next;
    Cycles delay = 0;

    s->cur = s->target[s->sel_target];
    if (!s->cur) {
        esp_select_done(s);         /* detached meanwhile: nobody there */
        return;
    }
    s->phase = nmsg ? ESP_PHASE_MO : ESP_PHASE_CD;
    s->cdb_have = s->cdb_want = 0;
    s->issued = false;
    s->data_done = true;
    s->identified = false;
    s->ack_held = false;
    s->msgin_len = s->msgin_pos = 0;
    s->resume_phase = ESP_PHASE_CD;
    s->req.lun = 0;
    log_trace(s->ctx.log, LOG_SCSI, s->ctx.name, "target %u: selected%s",
              s->sel_target, nmsg ? " with ATN" : "");
    if (msgs) {
        if (b[0] & ESP_MSG_IDENTIFY) {
            s->req.lun = b[0] & 7;
            s->identified = true;
        } else {
            guest_error(&s->ctx, "selection message 0x%02x is not IDENTIFY",
                        b[0]);
        }
        if (msgs == 3) {
            log_trace(s->ctx.log, LOG_SCSI, s->ctx.name,
                      "target %u: tag message 0x%02x 0x%02x",
                      s->sel_target, b[1], b[2]);
        }
    }
    if (msgs < nmsg) {
        /* the chip ran out of message bytes: the target waits for more
         * in MESSAGE OUT with ATN still asserted */
        s->atn = true;
        s->seq = msgs ? ESP_SEQ_MO : ESP_SEQ_0;
        next = ESP_PHASE_MO;
    } else if ((s->sel_cmd & ESP_CMD_MASK) == ESP_CMD_SELATNS) {
        /* stop after the message byte with ATN still asserted: the
         * target waits in MESSAGE OUT for the rest (an SDTR, say) */
        s->atn = true;
        s->seq = ESP_SEQ_MO;
        next = ESP_PHASE_MO;
    } else {
        s->atn = false;             /* dropped before the last message */
        s->phase = ESP_PHASE_CD;
        used += esp_cmd_bytes(s, b + msgs, n - msgs);
        if (esp_cdb_complete(s)) {
            /* all sent, or the target went on before the chip's last
             * bytes (step 3) */
            s->seq = used == n ? ESP_SEQ_CD : ESP_SEQ_PPC;
            next = esp_command_phase_over(s, &delay);
        } else {
            /* the bytes ran out in the command phase: it is not over */
            s->seq = ESP_SEQ_PPC;
            next = ESP_PHASE_CD;
        }
    }
    if (from_fifo) {
        esp_fifo_unget(s, b + used, n - used);
    } else {
        esp_dma_moved(s, used);
    }
    esp_report(s, next, ESP_INTR_FC | ESP_INTR_BS, delay);
}

/* A DMA command issued while the channel is disabled waits for the
 * enable edge (esp_dma_enable); true when it was put aside */
static bool esp_defer(Esp *s, uint8_t cmd)
{
    if (!s->dma || s->dma_enabled) {
        return false;
    }
    s->deferred = true;
    s->deferred_cmd = cmd;
    return true;
}

static void esp_select(Esp *s, uint8_t cmd)
{
    unsigned id = s->wregs[ESP_WBUSID] & 7, want;
    bool stop = (cmd & ESP_CMD_MASK) == ESP_CMD_SELATNS;

    if (esp_defer(s, cmd)) {
        return;
    }
    if (s->cur != NULL) {
        esp_abandon(s, "new selection");
    }
    s->selections++;
    s->sel_target = (uint8_t)id;
    s->sel_cmd = cmd & ESP_CMD_MASK;
    log_trace(s->ctx.log, LOG_SCSI, s->ctx.name, "select target %u%s", id,
              s->dma ? " (DMA)" : "");
    if (!s->target[id]) {
        /* nobody answers: the bytes are never sent */
        if (!s->dma) {
            s->fifo_len = 0;
        }
        ev_after(s->ctx.events, &s->sel_event, esp_select_timeout(s));
        return;
    }
    want = esp_sel_msgs(cmd) + (stop ? 0 : SCSI_MAX_CDB);
    if (s->dma) {
        uint32_t n = s->tc < want ? s->tc : want;
        esp_dma_start(s, ESP_XF_SELECT, DMA_FROM_MEM, n,
                      esp_ns(s, ESP_SELECT_NS + (uint64_t)ESP_BYTE_NS * n));
    } else {
        s->selbuf_len = esp_fifo_take(s, s->selbuf, want);
        esp_arm(s, ESP_OP_SELECT,
                esp_ns(s, ESP_SELECT_NS +
                              (uint64_t)ESP_BYTE_NS * s->selbuf_len));
    }
}

/* ---- information transfer ---- */

static void esp_ti_dma(Esp *s)
{
    uint32_t n;
    Cycles bytes_cost;

    switch (s->phase) {
    case ESP_PHASE_DI:
    case ESP_PHASE_DO: {
        uint64_t left = s->req.len - s->data_pos;
        n = (uint32_t)(s->tc < left ? s->tc : left);
        esp_dma_start(s, ESP_XF_DATA,
                      s->phase == ESP_PHASE_DI ? DMA_TO_MEM : DMA_FROM_MEM,
                      n, esp_data_cost(s, n, true));
        return;
    }
    case ESP_PHASE_CD:
        n = s->cdb_want ? s->cdb_want - s->cdb_have : SCSI_MAX_CDB;
        break;
    case ESP_PHASE_MO:
        n = ESP_XBUF_SIZE;
        break;
    case ESP_PHASE_ST:
        n = 1;
        s->xbuf[0] = s->status;
        break;
    default:                        /* MESSAGE IN */
        n = s->msgin_pos < s->msgin_len ? s->msgin_len - s->msgin_pos : 0;
        memcpy(s->xbuf, s->msgin + s->msgin_pos, n);
        break;
    }
    if (n > s->tc) {
        n = s->tc;
    }
    bytes_cost = esp_ns(s, ESP_DMA_START_NS + (uint64_t)ESP_BYTE_NS * n);
    switch (s->phase) {
    case ESP_PHASE_CD:
        esp_dma_start(s, ESP_XF_COMMAND, DMA_FROM_MEM, n, bytes_cost);
        break;
    case ESP_PHASE_MO:
        esp_dma_start(s, ESP_XF_MSGOUT, DMA_FROM_MEM, n, bytes_cost);
        break;
    case ESP_PHASE_ST:
        esp_dma_start(s, ESP_XF_STATUS, DMA_TO_MEM, n, bytes_cost);
        break;
    default:
        esp_dma_start(s, ESP_XF_MSGIN, DMA_TO_MEM, n, bytes_cost);
        break;
    }
}

static void esp_ti(Esp *s, uint8_t cmd)
{
    Cycles cost;

    if (esp_defer(s, cmd)) {
        return;
    }
    if (s->ack_held) {
        /* a message byte still waits: the transfer goes on after it is
         * accepted, as MESSAGE ACCEPTED would */
        esp_arm(s, ESP_OP_MSGACC, esp_ns(s, ESP_BYTE_NS));
        return;
    }
    if (s->dma) {
        esp_ti_dma(s);
        return;
    }
    switch (s->phase) {
    case ESP_PHASE_DI:
        cost = esp_data_cost(s, 1, false);
        break;
    case ESP_PHASE_DO: {
        uint64_t left = s->req.len - s->data_pos;
        cost = esp_data_cost(s, s->fifo_len < left ? s->fifo_len : left,
                             false);
        break;
    }
    case ESP_PHASE_CD:
    case ESP_PHASE_MO:
        cost = esp_ns(s, (uint64_t)ESP_BYTE_NS * (s->fifo_len + 1));
        break;
    default:                        /* one byte in */
        cost = esp_ns(s, ESP_BYTE_NS);
        break;
    }
    esp_arm(s, ESP_OP_TI, cost);
}

/* A TI through the FIFO, at its time. */
static void esp_ti_fifo_done(Esp *s)
{
    ScsiReq *r = &s->req;
    uint8_t b[ESP_FIFO_SIZE];
    unsigned n;
    Cycles delay = 0;
    uint8_t next = s->phase;

    switch (s->phase) {
    case ESP_PHASE_DI:
    case ESP_PHASE_DO:
        if (r->media) {
            guest_error(&s->ctx, "TI without DMA in a %s phase of image "
                        "data: the data phase ends",
                        esp_phase_name(s->phase));
            next = esp_data_end(s, 0);
            break;
        }
        if (s->phase == ESP_PHASE_DI) {
            esp_fifo_push(s, r->buf[s->data_pos++]);
        } else {
            uint64_t left = r->len - s->data_pos;
            n = esp_fifo_take(s, b, s->fifo_len < left ? s->fifo_len
                                                       : (unsigned)left);
            memcpy(r->buf + s->data_pos, b, n);
            s->data_pos += n;
        }
        s->service_paid = true;
        if (s->data_pos >= r->len) {
            next = esp_data_end(s, 0);
        }
        break;
    case ESP_PHASE_CD:
        n = esp_fifo_take(s, b, s->fifo_len);
        {
            unsigned took = esp_cmd_bytes(s, b, n);
            esp_fifo_unget(s, b + took, n - took);
        }
        if (esp_cdb_complete(s)) {
            next = esp_command_phase_over(s, &delay);
        }
        break;
    case ESP_PHASE_MO:
        n = esp_fifo_take(s, b, s->fifo_len);
        esp_msgout(s, b, n);
        return;
    case ESP_PHASE_ST:
        esp_fifo_push(s, s->status);
        esp_status_sent(s);
        next = ESP_PHASE_MI;
        break;
    default:                        /* MESSAGE IN: one byte, ACK held */
        if (s->msgin_pos >= s->msgin_len) {
            break;                  /* nothing to send: cannot happen */
        }
        esp_fifo_push(s, s->msgin[s->msgin_pos++]);
        s->ack_held = true;
        esp_report(s, ESP_PHASE_MI, ESP_INTR_FC, 0);
        return;
    }
    esp_report(s, next, ESP_INTR_BS, delay);
}

/* ---- status and messages ---- */

static void esp_iccs(Esp *s, uint8_t cmd)
{
    if (esp_defer(s, cmd)) {
        return;
    }
    if (s->dma && s->phase == ESP_PHASE_ST && !s->ack_held) {
        uint32_t n = s->tc < 2 ? s->tc : 2;
        s->xbuf[0] = s->status;
        s->xbuf[1] = ESP_MSG_COMMAND_COMPLETE;
        esp_dma_start(s, ESP_XF_ICCS, DMA_TO_MEM, n,
                      esp_ns(s, ESP_DMA_START_NS + 2ull * ESP_BYTE_NS));
        return;
    }
    esp_arm(s, ESP_OP_ICCS, esp_ns(s, 2ull * ESP_BYTE_NS));
}

/* ICCS through the FIFO: status, then the message byte with ACK held. */
static void esp_iccs_done(Esp *s)
{
    if (s->phase != ESP_PHASE_ST || s->ack_held) {
        /* the target is elsewhere: the sequence stops at once */
        esp_report(s, s->phase, ESP_INTR_BS, 0);
        return;
    }
    esp_fifo_push(s, s->status);
    esp_status_sent(s);
    esp_fifo_push(s, s->msgin[s->msgin_pos++]);
    s->ack_held = true;
    esp_report(s, ESP_PHASE_MI, ESP_INTR_FC, 0);
}

/* MESSAGE ACCEPTED: ACK is released; the target sends its next message
 * byte, goes back to where it was, or leaves the bus. */
static void esp_msgacc_done(Esp *s)
{
    if (s->phase != ESP_PHASE_MI || !s->ack_held) {
        esp_report(s, s->phase, ESP_INTR_BS, 0);
        return;
    }
    s->ack_held = false;
    if (s->msgin_pos < s->msgin_len) {
        esp_report(s, ESP_PHASE_MI, ESP_INTR_BS, 0);
    } else if (s->msgin_then == ESP_MI_DISCONNECT) {
        s->issued = false;
        s->seq = ESP_SEQ_0;
        esp_report(s, ESP_BUS_FREE, ESP_INTR_DC, 0);
    } else {
        esp_report(s, s->resume_phase, ESP_INTR_BS, 0);
    }
}

/* Transfer pad: op_bytes pad bytes of the data phase, counted. */
static void esp_pad_done(Esp *s)
{
    ScsiReq *r = &s->req;
    uint8_t next = s->phase;
    uint32_t n = s->op_bytes;

    if (s->phase != ESP_PHASE_DI && s->phase != ESP_PHASE_DO) {
        esp_report(s, s->phase, ESP_INTR_BS, 0);
        return;
    }
    if (s->phase == ESP_PHASE_DO && r->media) {
        /* see SIMPLIFY: no pad bytes reach the image */
        esp_count(s, n);
        esp_report(s, esp_data_end(s, 0), ESP_INTR_BS, 0);
        return;
    }
    if (s->phase == ESP_PHASE_DO) {
        memset(r->buf + s->data_pos, 0, n);
    }
    s->data_pos += n;
    s->service_paid = true;
    esp_count(s, n);
    if (s->data_pos >= r->len) {
        next = esp_data_end(s, 0);
    }
    esp_report(s, next, next == s->phase ? ESP_INTR_FC : ESP_INTR_BS, 0);
}

static void esp_pad(Esp *s)
{
    uint64_t n = 0;
    if (s->phase == ESP_PHASE_DI || s->phase == ESP_PHASE_DO) {
        uint64_t left = s->req.len - s->data_pos;
        n = s->tc < left ? s->tc : left;
    }
    s->op_bytes = (unsigned)n;
    esp_arm(s, ESP_OP_PAD, esp_ns(s, ESP_BYTE_NS * (n + 1)));
}

/* ---- DMA completion ---- */

static void esp_xfer_done(void *opaque, DmaXfer *x, uint64_t done,
                          const DmaFault *f, int host_err)
{
    Esp *s = opaque;
    EspXferKind kind = s->xk;
    bool short_xfer = done < s->x_len;
    uint32_t n = (uint32_t)done;
    uint8_t next = s->phase;
    unsigned took;
    Cycles delay = 0;
    (void)x;

    s->xk = ESP_XF_NONE;
    if (f && f->kind != DMA_FAULT_NONE) {
        dev_trace(&s->ctx, "DMA stopped after %u of %u bytes: %s fault at "
                  "0x%llx", n, s->x_len, f->stage ? f->stage : "?",
                  (unsigned long long)f->addr);
    }
    switch (kind) {
    case ESP_XF_SELECT:
        esp_select_bytes(s, s->xbuf, n, false);
        return;
    case ESP_XF_COMMAND:
        took = esp_cmd_bytes(s, s->xbuf, n);
        esp_dma_moved(s, took);
        if (esp_cdb_complete(s)) {
            next = esp_command_phase_over(s, &delay);
        }
        break;
    case ESP_XF_MSGOUT:
        esp_dma_moved(s, n);
        esp_msgout(s, s->xbuf, n);
        return;
    case ESP_XF_DATA:
        esp_dma_moved(s, n);
        s->data_pos += n;
        s->service_paid = true;
        if (short_xfer || host_err) {
            /* a fault in the chain or a host error: the transfer is
             * cut, the target hears of it */
            next = esp_data_end(s, host_err ? host_err : -EIO);
        } else if (s->data_pos >= s->req.len) {
            next = esp_data_end(s, 0);
        }
        break;
    case ESP_XF_STATUS:
        esp_dma_moved(s, n);
        if (n) {
            esp_status_sent(s);
            next = ESP_PHASE_MI;
        }
        break;
    case ESP_XF_MSGIN:
        esp_dma_moved(s, n);
        s->msgin_pos += n;
        s->ack_held = n != 0;
        esp_report(s, ESP_PHASE_MI, ESP_INTR_FC, 0);
        return;
    case ESP_XF_ICCS:
        esp_dma_moved(s, n);
        if (n) {
            esp_status_sent(s);
            next = ESP_PHASE_MI;
            if (n > 1) {
                s->msgin_pos = 1;
                s->ack_held = true;
            }
        }
        esp_report(s, next, ESP_INTR_FC, 0);
        return;
    default:
        return;
    }
    esp_report(s, next, ESP_INTR_BS, delay);
}

/* ---- the pending event ---- */

static void esp_event(void *opaque)
{
    Esp *s = opaque;
    EspOp op = s->op;

    s->op = ESP_OP_NONE;
    switch (op) {
    case ESP_OP_SELECT:
        esp_select_bytes(s, s->selbuf, s->selbuf_len, true);
        break;
    case ESP_OP_REPORT:
        esp_report(s, s->rep_phase, s->rep_intr, 0);
        break;
    case ESP_OP_TI:
        esp_ti_fifo_done(s);
        break;
    case ESP_OP_ICCS:
        esp_iccs_done(s);
        break;
    case ESP_OP_MSGACC:
        esp_msgacc_done(s);
        break;
    case ESP_OP_PAD:
        esp_pad_done(s);
        break;
    case ESP_OP_BUSRESET:
        if (s->rst_report) {
            esp_interrupt(s, ESP_INTR_RST);
        }
        break;
    case ESP_OP_ILLEGAL:
        esp_interrupt(s, ESP_INTR_ILL);
        break;
    case ESP_OP_DISSEL:
        esp_interrupt(s, ESP_INTR_FC);
        break;
    case ESP_OP_NODMA: {
        DmaFault f = { "esp", 0, DMA_FAULT_BUS };
        esp_xfer_done(s, NULL, 0, &f, 0);
        break;
    }
    default:
        break;
    }
}

/* ---- resets ---- */

static void esp_soft_reset(Esp *s)
{
    ev_cancel(s->ctx.events, &s->sel_event);
    ev_cancel(s->ctx.events, &s->ev);
    s->op = ESP_OP_NONE;
    esp_abandon(s, "chip reset");
    esp_lower_irq(s);
    memset(s->rregs, 0, sizeof(s->rregs));
    memset(s->wregs, 0, sizeof(s->wregs));
    s->tc = 0;
    s->stat = 0;
    s->intr = 0;
    s->seq = 0;
    s->fifo_len = 0;
    s->tchi_written = false;
    s->dma = false;
    s->deferred = false;
    s->status = 0;
    s->rregs[ESP_CFG1] = 7;         /* reads 7 after reset (QEMU) */
}

void esp_reset(Esp *s)
{
    esp_soft_reset(s);
}

void esp_dma_reset(void *opaque)
{
    esp_soft_reset(opaque);
}

/* SCSI bus reset: RST for the hold time; every target resets. */
static void esp_bus_reset(Esp *s)
{
    unsigned i;

    ev_cancel(s->ctx.events, &s->sel_event);
    ev_cancel(s->ctx.events, &s->ev);
    s->op = ESP_OP_NONE;
    s->deferred = false;
    esp_abandon(s, "bus reset");
    log_trace(s->ctx.log, LOG_SCSI, s->ctx.name, "bus reset");
    for (i = 0; i < ESP_MAX_TARGETS; i++) {
        if (s->target[i]) {
            scsi_target_reset(s->target[i]);
        }
    }
    /* CFG1 as it is when the chip asserts RST: Linux's bootup reset sets
     * SRRDISAB around the command */
    s->rst_report = !(s->rregs[ESP_CFG1] & ESP_CFG1_SRRDISAB);
    esp_arm(s, ESP_OP_BUSRESET, esp_ns(s, ESP_BUS_RESET_NS));
}

/* ---- commands ---- */

static void esp_illegal(Esp *s, uint8_t val, const char *why)
{
    guest_error(&s->ctx, "illegal command 0x%02x (%s)", val, why);
    s->illegal_cmds++;
    esp_arm(s, ESP_OP_ILLEGAL, esp_ns(s, ESP_CMD_NS));
}

static void esp_command(Esp *s, uint8_t val)
{
    uint8_t cmd = val & ESP_CMD_MASK;
    bool dma = (val & ESP_CMD_DMA) != 0;

    dev_trace(&s->ctx, "command 0x%02x%s", cmd, dma ? " (DMA)" : "");
    s->rregs[ESP_CMD] = val;

    /* group 1: at any time */
    switch (cmd) {
    case ESP_CMD_RESET:
        esp_soft_reset(s);
        return;
    case ESP_CMD_BUSRESET:
        esp_bus_reset(s);
        return;
    case ESP_CMD_NOP:
    case ESP_CMD_FLUSH:
        if (cmd == ESP_CMD_FLUSH) {
            s->fifo_len = 0;
        }
        if (dma) {
            if (esp_busy(s)) {
                guest_error(&s->ctx, "counter reload while busy: ignored");
            } else {
                s->dma = true;
                esp_load_tc(s);
            }
        }
        return;
    default:
        break;
    }
    if (esp_busy(s)) {
        /* SIMPLIFY: the chip would stack or overwrite it */
        guest_error(&s->ctx, "command 0x%02x while busy: ignored", val);
        return;
    }
    s->dma = dma;
    if (dma) {
        esp_load_tc(s);
    }
    switch (cmd) {
    case ESP_CMD_TI:
    case ESP_CMD_ICCS:
    case ESP_CMD_MSGACC:
    case ESP_CMD_PAD:
        if (s->cur == NULL) {
            esp_illegal(s, val, "initiator command while disconnected");
            return;
        }
        if (cmd == ESP_CMD_TI) {
            esp_ti(s, val);
        } else if (cmd == ESP_CMD_ICCS) {
            esp_iccs(s, val);
        } else if (cmd == ESP_CMD_MSGACC) {
            esp_arm(s, ESP_OP_MSGACC, esp_ns(s, ESP_DISCONNECT_NS));
        } else {
            esp_pad(s);
        }
        break;
    case ESP_CMD_SATN:
        s->atn = true;
        break;
    case ESP_CMD_RSTATN:
        s->atn = false;
        break;
    case ESP_CMD_SEL:
    case ESP_CMD_SELATN:
    case ESP_CMD_SELATNS:
    case ESP_CMD_SELATN3:
        esp_select(s, val);
        break;
    case ESP_CMD_ENSEL:
    case ESP_CMD_DISSEL:
        if (s->cur != NULL) {
            esp_illegal(s, val, "disconnected-mode command while connected");
        } else if (cmd == ESP_CMD_DISSEL) {
            esp_arm(s, ESP_OP_DISSEL, esp_ns(s, ESP_CMD_NS));
        }
        /* enable selection: reselection is not modelled */
        break;
    default:
        esp_illegal(s, val, cmd >= 0x20 && cmd <= 0x2b ? "target mode"
                            : cmd == 0x40 || cmd == 0x47 ? "reselection"
                                                         : "no such command");
        break;
    }
}

void esp_dma_enable(void *opaque, bool enabled)
{
    Esp *s = opaque;
    s->dma_enabled = enabled;
    if (enabled && s->deferred) {
        uint8_t cmd = s->deferred_cmd;
        s->deferred = false;
        s->dma = true;              /* it was a DMA command */
        switch (cmd & ESP_CMD_MASK) {
        case ESP_CMD_TI:
            esp_ti(s, cmd);
            break;
        case ESP_CMD_ICCS:
            esp_iccs(s, cmd);
            break;
        default:
            esp_select(s, cmd);
            break;
        }
    }
}

/* ---- register access ---- */

static uint8_t esp_reg_read(Esp *s, unsigned reg)
{
    uint8_t v;
    switch (reg) {
    case ESP_TCLO:
        return (uint8_t)s->tc;
    case ESP_TCMID:
        return (uint8_t)(s->tc >> 8);
    case ESP_TCHI:
        return s->tchi_written ? (uint8_t)(s->tc >> 16) : ESP_CHIP_ID_FAS100A;
    case ESP_FIFO:
        return esp_fifo_pop(s);
    case ESP_RSTAT:
        return esp_stat(s);
    case ESP_RINTR:
        v = s->intr;
        s->intr = 0;
        s->seq = ESP_SEQ_0;
        s->stat = 0;
        esp_lower_irq(s);
        return v;
    case ESP_RSEQ:
        return s->seq;
    case ESP_RFLAGS:
        return (uint8_t)((s->fifo_len & ESP_FLAGS_COUNT) |
                         s->seq << ESP_FLAGS_SEQ_SHIFT);
    default:
        return s->rregs[reg];
    }
}

static void esp_reg_write(Esp *s, unsigned reg, uint8_t v)
{
    switch (reg) {
    case ESP_TCHI:
        s->tchi_written = true;
        break;
    case ESP_FIFO:
        esp_fifo_push(s, v);
        break;
    case ESP_CMD:
        s->wregs[reg] = v;
        esp_command(s, v);
        return;
    case ESP_CFG1:
    case ESP_CFG2:
    case ESP_CFG3:
    case ESP_CFG4:
    case ESP_RES4:
        s->rregs[reg] = v;
        break;
    default:
        /* TCLO/TCMID: the start count; BUSID, STO, sync period/offset,
         * CCF, test: write-only */
        break;
    }
    s->wregs[reg] = v;
}

/* Byte reads; byte or word writes, a word write using its low byte (QEMU
 * esp_mem_accepts). */
static BusStatus esp_read(void *opaque, uint32_t off, unsigned size,
                          uint32_t *val)
{
    if (size != 1) {
        return BUS_ERR_SIZE;
    }
    *val = esp_reg_read(opaque, (off >> 2) % ESP_NREGS);
    return BUS_OK;
}

static BusStatus esp_write(void *opaque, uint32_t off, unsigned size,
                           uint32_t val)
{
    if (size != 1 && size != 4) {
        return BUS_ERR_SIZE;
    }
    esp_reg_write(opaque, (off >> 2) % ESP_NREGS, (uint8_t)val);
    return BUS_OK;
}

/* FIFO reads pop and INTR reads acknowledge; the rest are plain. */
static bool esp_is_stable(void *opaque, uint32_t off)
{
    unsigned reg = (off >> 2) % ESP_NREGS;
    (void)opaque;
    return reg != ESP_FIFO && reg != ESP_RINTR;
}

const MmioOps esp_ops = {
    .read = esp_read,
    .write = esp_write,
    .min_size = 1,
    .max_size = 4,
    .is_stable = esp_is_stable,
};

void esp_attach_dma(Esp *s, DmaEngine *eng, DmaStage *first,
                    EspDmaAdvanceFn *advance, EspDmaToMemoryFn *to_memory,
                    void *opaque)
{
    s->eng = eng;
    s->first = first;
    s->dma_advance = advance;
    s->dma_to_memory = to_memory;
    s->dma_opaque = opaque;
}

void esp_attach_target(Esp *s, unsigned id, ScsiTarget *t)
{
    if (id < ESP_MAX_TARGETS) {
        s->target[id] = t;
    }
}

void esp_init(Esp *s, const DevCtx *ctx, uint32_t clock_hz, IrqLine irq)
{
    memset(s, 0, sizeof(*s));
    s->ctx = *ctx;
    s->clock_hz = clock_hz ? clock_hz : ESP_CLOCK_SS5;
    s->sel_timeout_default_us = ESP_SEL_TIMEOUT_DEFAULT_US;
    s->irq = irq;
    ev_init(&s->sel_event, "esp-select-timeout", esp_select_done, s);
    ev_init(&s->ev, "esp", esp_event, s);
    dma_xfer_init(&s->xfer, "esp-dma");
    esp_reset(s);
    dev_map(ctx, 0, ESP_REG_SIZE, &esp_ops, s, NULL);
}

void esp_free(Esp *s)
{
    if (!s->ctx.events) {
        return;                     /* never initialised */
    }
    ev_cancel(s->ctx.events, &s->sel_event);
    ev_cancel(s->ctx.events, &s->ev);
    s->op = ESP_OP_NONE;
    dma_xfer_free(&s->xfer);
    s->ctx.events = NULL;
}
