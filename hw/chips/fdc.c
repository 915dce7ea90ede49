/*
 * Intel 82077AA floppy disk controller, as the SS-5's SLAVIO has it.
 *
 * Sources: the Intel 82077AA data sheet (290166, "DS"; section numbers
 * where checked), the 8272A data sheet for what the 82077AA inherits,
 * Linux arch/sparc/include/asm/floppy_32.h (how sun4m software drives
 * it), OpenBIOS drivers/floppy.c, QEMU 7.2 hw/block/fdc.c.  Where the chip
 * is undocumented the model does what QEMU does (hw/README.md §Errors);
 * "model:" marks our own choices.
 *
 * Registers (byte wide, byte accesses only, as QEMU's sun4m variant): the
 * PS/2-mode set at offsets 0-7, offset 6 unused.  Linux's sun4m code reads
 * SRA and SRB, so the chip is taken to be strapped for PS/2 mode (model:
 * no SS-5 document at hand says so); in that mode the DOR's DMA gate bit
 * does not gate INT.  Sun wires no DMA to it: software moves data in
 * non-DMA ("pseudo-DMA") mode, and DOR motor-enable 3 ejects the diskette
 * (floppy_32.h sparc_eject).
 *
 * The host talks to the chip through the FIFO in three phases: command
 * bytes go in while MSR shows RQM with DIO clear; data commands then
 * execute; result bytes come out while MSR shows RQM and DIO.  CB is set
 * from the first command byte to the last result byte, or to the last
 * command byte of commands without a result (SEEK, RECALIBRATE, SPECIFY,
 * CONFIGURE, PERPENDICULAR MODE), and a drive's busy bit from the start
 * of its seek until SENSE INTERRUPT STATUS has collected the end.  An
 * opcode the chip does not have is a no-op answered by one result byte,
 * ST0 = 80h, with no interrupt (DS Table 5-1).
 *
 * Drive signals.  The drive-select bits in commands are internal only: the
 * drive that answers on the cable (TRK0, WP, INDEX, DSKCHG) and receives
 * the step pulses is the one the DOR selects (DS Table 5-1, note on DS0
 * and DS1).  What hangs on each select line is the board's business
 * (fdc_attach_drive): nothing (every input pulled inactive), or a 3.5"
 * drive with no diskette, whose track-0 sensor works, whose write-protect
 * sensor reads "protected" (model: no tab pushes its lever), and which
 * gives no index pulses (the spindle does not turn without a diskette).
 *
 * With no drive (or no diskette):
 *  - RECALIBRATE clears PCN and steps out until TRK0; with nothing there
 *    it gives up after 79 pulses with SE and EC set (DS §5.2.2): ST0 = 70h
 *    + drive, PCN 0.  A drive with its head on track 0 ends at once: 20h.
 *  - SEEK only counts pulses against PCN and checks nothing, so it ends
 *    normally with SE and PCN = the new cylinder, drive or not (§5.2.3).
 *  - READ DATA, READ ID and every other data command wait for index
 *    pulses to find a sector or an ID mark; without them the execution
 *    phase never ends ("the controller would ... lock-up since the index
 *    pulses are required for termination", DS §8.1).  Only a reset frees
 *    the chip.  The 82077AA has no READY input (tied true inside, DS
 *    §7.4), so nothing aborts the command as "not ready".  Write commands
 *    look at WP first: an empty drive reads protected, so they end at once
 *    with IC = 01 and NW (ST1 02h); with no drive WP is inactive and they
 *    hang too (model: WP sampled before the sector search).
 *  - SENSE DRIVE STATUS: ST3 = 28h (bits 5 and 3 read 1; QEMU agrees) +
 *    head + drive, plus T0 (10h) and WP (40h) from the selected drive: 28h
 *    with nothing attached, 78h for an empty drive on track 0.
 *
 * Resets: the RESET pin clears the DOR, which holds the chip in reset
 * until software sets DOR bit 2; DOR bit 2 low is a reset for as long as
 * it stays low; DSR bit 7 is a self-clearing one.  A reset clears the FIFO
 * and the phase, pending interrupts, seeks and PCNs (model), and CONFIGURE
 * (EIS 0, FIFO off, polling on, threshold 0, PRETRK 0), except that LOCK
 * keeps the FIFO bits and PRETRK across software resets (DS, LOCK);
 * SPECIFY values survive, as on the 8272A.  On leaving reset the chip
 * waits for a command and polls the four drives; READY being tied true,
 * the first complete polling pass sees all four "become ready" and
 * interrupts, with four SENSE INTERRUPT STATUS answers C0h..C3h to collect
 * (DS §7.4).  Polling stops when a command starts, so a command issued
 * before the pass completes (within 250 us of reset at 1 Mbit/s) leaves no
 * interrupt behind (DS §8.2).
 *
 * Timing: step pulses come every (16 - SRT) x 0.5 ms at 1 Mbit/s (SRT 0
 * means 16; units of 1, 1.67 and 2 ms at 500, 300 and 250 kbit/s; DS
 * parameter table); a seek or recalibrate ends one step time after its
 * last pulse (model), or at once when there is nothing to step.  A polling
 * pass takes 250 us at 1 Mbit/s (DS §8.2), scaled likewise (model).
 *
 * SIMPLIFY: what the real chip also does and the model leaves out:
 *  - a command byte that arrives in the middle of a polling pass waits for
 *    the pass to end (up to 250 us at 250 kbit/s, DS §8.1); here RQM is
 *    back at once, and a new pass starts from the beginning afterwards;
 *  - the software reset of DSR bit 7 takes no time (the data sheet gives
 *    none; QEMU is the same);
 *  - the STEP output is never seen high in SRA, head load and unload times
 *    are not modelled, DSR power-down and precompensation are stored or
 *    ignored, and there is no data phase (no diskette, no DMA);
 *  - one pending interrupt status per drive: a seek end replaces a polling
 *    status not yet collected for that drive.
 *
 * QEMU 7.2 (the reference machine) differs, as seen from a test ROM: it
 * has always a drive 0 with no medium and no notion of an absent drive
 * (RECALIBRATE always ends with 20h, cylinder 0); it emulates an 82078
 * (PART ID, 18h, answers 41h where the 82077AA calls it invalid); its
 * reset interrupt comes at once, whatever CONFIGURE says about polling,
 * and reading any result lowers it; MSR never shows drive-busy bits;
 * DUMPREG shows SRT without HUT, SC/EOT from its disk geometry and
 * CONFIGURE 60h after power-on, and without LOCK a reset keeps CONFIGURE;
 * DIR is bit 7 alone; the DOR reads back the drive of the last command;
 * SRA shows only INT and DRV2#; TDR keeps only bit 2; reading MSR during
 * a DOR reset cancels the reset; seeks take no time.  Per its source,
 * READ ID succeeds after 20 ms and READ DATA without a medium ends at
 * once.  The "sun4m quirks" of old QEMU (SRA reading SRB, MSR forcing DIO)
 * are gone in 7.2.
 */
#include "hw/chips/fdc.h"

#include <string.h>

typedef enum FdcCmdKind {
    K_INVALID,
    K_SPECIFY,
    K_SENSE_DRIVE,
    K_RECALIBRATE,
    K_SENSEI,
    K_DUMPREG,
    K_SEEK,
    K_VERSION,
    K_PERPENDICULAR,
    K_CONFIGURE,
    K_LOCK,
    K_RELSEEK,
    K_READ,             /* data commands that read (incl. VERIFY, SCAN) */
    K_WRITE,            /* WRITE DATA, WRITE DELETED DATA */
    K_FORMAT,
    K_READ_ID,
} FdcCmdKind;

typedef struct FdcCmd {
    uint8_t mask, value;            /* opcode & mask == value */
    uint8_t params;                 /* bytes after the opcode */
    uint8_t kind;
    const char *name;
} FdcCmd;

/* DS Table 5-1: fixed opcode bits; MT, MFM and SK are free where the
 * command has them.  First match wins. */
static const FdcCmd fdc_cmds[] = {
    { 0xff, FDC_CMD_SPECIFY, 2, K_SPECIFY, "SPECIFY" },
    { 0xff, FDC_CMD_SENSE_DRIVE, 1, K_SENSE_DRIVE, "SENSE DRIVE STATUS" },
    { 0xff, FDC_CMD_RECALIBRATE, 1, K_RECALIBRATE, "RECALIBRATE" },
    { 0xff, FDC_CMD_SENSEI, 0, K_SENSEI, "SENSE INTERRUPT STATUS" },
    { 0xff, FDC_CMD_DUMPREG, 0, K_DUMPREG, "DUMPREG" },
    { 0xff, FDC_CMD_SEEK, 2, K_SEEK, "SEEK" },
    { 0xff, FDC_CMD_VERSION, 0, K_VERSION, "VERSION" },
    { 0xff, FDC_CMD_PERPENDICULAR, 1, K_PERPENDICULAR, "PERPENDICULAR" },
    { 0xff, FDC_CMD_CONFIGURE, 3, K_CONFIGURE, "CONFIGURE" },
    { 0x7f, FDC_CMD_UNLOCK, 0, K_LOCK, "LOCK" },
    { 0xbf, FDC_CMD_RELSEEK, 2, K_RELSEEK, "RELATIVE SEEK" },
    { 0x1f, FDC_CMD_READ, 8, K_READ, "READ DATA" },
    { 0x1f, FDC_CMD_READ_DELETED, 8, K_READ, "READ DELETED DATA" },
    { 0xbf, FDC_CMD_READ_TRACK, 8, K_READ, "READ TRACK" },
    { 0x1f, FDC_CMD_VERIFY, 8, K_READ, "VERIFY" },
    { 0x1f, FDC_CMD_SCAN_EQUAL, 8, K_READ, "SCAN EQUAL" },
    { 0x1f, FDC_CMD_SCAN_LOW, 8, K_READ, "SCAN LOW OR EQUAL" },
    { 0x1f, FDC_CMD_SCAN_HIGH, 8, K_READ, "SCAN HIGH OR EQUAL" },
    { 0x3f, FDC_CMD_WRITE, 8, K_WRITE, "WRITE DATA" },
    { 0x3f, FDC_CMD_WRITE_DELETED, 8, K_WRITE, "WRITE DELETED DATA" },
    { 0xbf, FDC_CMD_FORMAT, 5, K_FORMAT, "FORMAT TRACK" },
    { 0xbf, FDC_CMD_READ_ID, 1, K_READ_ID, "READ ID" },
};

static const FdcCmd *fdc_lookup(uint8_t op)
{
    unsigned i;
    for (i = 0; i < sizeof(fdc_cmds) / sizeof(fdc_cmds[0]); i++) {
        if ((op & fdc_cmds[i].mask) == fdc_cmds[i].value) {
            return &fdc_cmds[i];
        }
    }
    return NULL;
}

/* ---- time ---- */

/* Data rate in kbit/s for DSR/CCR bits 1:0 */
static unsigned fdc_kbps(const Fdc *s)
{
    static const unsigned kbps[4] = { 500, 300, 250, 1000 };
    return kbps[s->drate & 3];
}

/* One step-rate interval: (16 - SRT) units of 0.5 ms x 1 Mbit/s / rate */
static Cycles fdc_step_time(const Fdc *s)
{
    uint64_t units = s->srt ? 16u - s->srt : 16u;
    return dev_ns(&s->ctx, units * 500000u * 1000u / fdc_kbps(s));
}

/* One polling pass: 250 us at 1 Mbit/s */
static Cycles fdc_poll_time(const Fdc *s)
{
    return dev_ns(&s->ctx, 250000ull * 1000u / fdc_kbps(s));
}

/* ---- the cable ---- */

static unsigned fdc_selected(const Fdc *s)
{
    return s->dor & FDC_DOR_SEL;
}

static bool fdc_trk0(const Fdc *s)
{
    unsigned d = fdc_selected(s);
    return s->drive[d] == FDC_DRIVE_EMPTY && s->drive_cyl[d] == 0;
}

static bool fdc_wp(const Fdc *s)
{
    return s->drive[fdc_selected(s)] == FDC_DRIVE_EMPTY;
}

/* DSKCHG stays active while a drive holds no diskette */
static bool fdc_dskchg(const Fdc *s)
{
    return s->drive[fdc_selected(s)] == FDC_DRIVE_EMPTY;
}

/* ---- interrupt ---- */

static void fdc_update_irq(Fdc *s)
{
    bool level = s->result_int;
    unsigned i;
    for (i = 0; i < FDC_NDRIVES; i++) {
        level = level || s->st_pending[i];
    }
    if (level != s->irq_level) {
        s->irq_level = level;
        irq_set(&s->irq, level);
    }
}

/* ---- phases ---- */

static void fdc_poll_stop(Fdc *s)
{
    ev_cancel(s->ctx.events, &s->poll_ev);
}

/*
 * Back to waiting for a command.  Drive polling runs while the chip waits
 * (DS §7.4), until its first complete pass has reported.
 */
static void fdc_to_command(Fdc *s)
{
    s->phase = FDC_PH_COMMAND;
    s->cmd_len = 0;
    s->cmd_need = 0;
    s->res_len = s->res_pos = 0;
    if (!s->in_reset && !s->poll_off && !s->poll_done &&
        !ev_pending(&s->poll_ev)) {
        ev_after(s->ctx.events, &s->poll_ev, fdc_poll_time(s));
    }
}

static void fdc_to_result(Fdc *s, const uint8_t *bytes, unsigned n)
{
    memcpy(s->res, bytes, n);
    s->res_len = n;
    s->res_pos = 0;
    s->phase = FDC_PH_RESULT;
}

static void fdc_poll_done(void *opaque)
{
    Fdc *s = opaque;
    unsigned i;
    s->poll_done = true;
    for (i = 0; i < FDC_NDRIVES; i++) {
        if (!s->st_pending[i]) {
            s->st_pending[i] = true;
            s->st_st0[i] = (uint8_t)(FDC_ST0_IC_POLL | i);
        }
    }
    dev_trace(&s->ctx, "polling pass: four drives became ready");
    fdc_update_irq(s);
}

/* ---- resets ---- */

/* What every reset clears (DS reset and LOCK descriptions) */
static void fdc_soft_reset(Fdc *s)
{
    unsigned i;
    fdc_poll_stop(s);
    for (i = 0; i < FDC_NDRIVES; i++) {
        FdcSeek *k = &s->seek[i];
        ev_cancel(s->ctx.events, &k->ev);
        k->busy = k->stepping = k->recal = k->implied = false;
        k->beyond0 = false;
        k->left = 0;
        s->st_pending[i] = false;
        s->pcn[i] = 0;
    }
    s->result_int = false;
    s->phase = FDC_PH_COMMAND;
    s->cmd_len = s->cmd_need = 0;
    s->res_len = s->res_pos = 0;
    s->hdsel = 0;
    s->dir_in = false;
    s->eis = false;
    s->poll_off = false;
    s->poll_done = false;
    if (!s->lock) {
        s->efifo = true;            /* FIFO disabled: 8272A behaviour */
        s->fifothr = 0;
        s->pretrk = 0;
    }
    s->gap = s->wgate = 0;          /* PERPENDICULAR: drive bits kept */
    fdc_update_irq(s);
}

void fdc_reset(Fdc *s)
{
    fdc_soft_reset(s);
    s->dor = 0;                     /* DOR reset active */
    s->in_reset = true;
    s->tdr = 0;
    s->drate = FDC_RATE_250K;
    s->precomp = 0;
    s->srt = s->hut = s->hlt = 0;   /* model: not given by the data sheet */
    s->nd = false;
    s->lock = false;
    s->efifo = true;
    s->fifothr = 0;
    s->pretrk = 0;
    s->perp = 0;
    s->sc_eot = 0;
    dev_trace(&s->ctx, "RESET pin: held in reset until DOR bit 2 is set");
}

/* ---- seeks ---- */

/* One step pulse to the drive the DOR selects; PCN follows the command */
static void fdc_pulse(Fdc *s, FdcSeek *k)
{
    unsigned d = fdc_selected(s);
    s->dir_in = k->inward;
    if (s->drive[d] != FDC_DRIVE_NONE) {
        if (k->inward && s->drive_cyl[d] < FDC_DRIVE_LAST_CYL) {
            s->drive_cyl[d]++;
        } else if (!k->inward && s->drive_cyl[d] > 0) {
            s->drive_cyl[d]--;
        }
    }
    if (!k->recal) {
        if (k->inward) {
            s->pcn[k->unit]++;
        } else {
            if (s->pcn[k->unit] == 0) {
                k->beyond0 = true;
            }
            s->pcn[k->unit]--;
        }
    }
    k->left--;
}

static void fdc_exec_data(Fdc *s);

static void fdc_seek_end(Fdc *s, FdcSeek *k, uint8_t st0)
{
    k->stepping = false;
    ev_cancel(s->ctx.events, &k->ev);
    if (k->implied) {
        /* no interrupt: the data command carries on (DS §5.1) */
        k->implied = false;
        k->busy = false;
        fdc_exec_data(s);
        return;
    }
    /* DS §5.2.3: the head bit reads 0 in a seek's ST0 */
    s->st_st0[k->unit] = (uint8_t)(st0 | k->unit);
    s->st_pending[k->unit] = true;
    dev_trace(&s->ctx, "%s drive %u ends: ST0 %02x PCN %u",
              k->recal ? "recalibrate" : "seek", k->unit,
              s->st_st0[k->unit], s->pcn[k->unit]);
    fdc_update_irq(s);
}

/* Look at the drive, then pulse or finish; called at each step-rate tick */
static void fdc_seek_tick(Fdc *s, FdcSeek *k)
{
    if (k->recal && fdc_trk0(s)) {
        fdc_seek_end(s, k, FDC_ST0_SE);
        return;
    }
    if (k->left == 0) {
        if (k->recal) {
            /* DS §5.2.2: no TRK0 after 79 pulses */
            fdc_seek_end(s, k, FDC_ST0_IC_ABNORMAL | FDC_ST0_SE |
                               FDC_ST0_EC);
        } else if (k->beyond0) {
            /* DS ST0 table: a relative seek stepped out past track 0.
             * model: IC 01 as for a failed recalibrate, PCN wraps */
            fdc_seek_end(s, k, FDC_ST0_IC_ABNORMAL | FDC_ST0_SE |
                               FDC_ST0_EC);
        } else {
            fdc_seek_end(s, k, FDC_ST0_SE);
        }
        return;
    }
    fdc_pulse(s, k);
    ev_after(s->ctx.events, &k->ev, fdc_step_time(s));
}

static void fdc_seek_event(void *opaque)
{
    FdcSeek *k = opaque;
    fdc_seek_tick(k->fdc, k);
}

/*
 * Start the seek engine of drive unit.  Seeks to different drives overlap
 * (8272A, DS §5.2.3); a new one to a drive still seeking takes over from
 * where the head is (model: undocumented).
 */
static void fdc_seek_start(Fdc *s, unsigned unit, bool recal, bool implied,
                           bool inward, unsigned pulses)
{
    FdcSeek *k = &s->seek[unit];
    if (k->stepping || (k->busy && !implied)) {
        guest_error(&s->ctx, "seek on drive %u while it is still seeking",
                    unit);
    }
    ev_cancel(s->ctx.events, &k->ev);
    k->busy = true;
    k->stepping = true;
    k->recal = recal;
    k->implied = implied;
    k->inward = inward;
    k->beyond0 = false;
    k->left = pulses;
    if (recal) {
        s->pcn[unit] = 0;           /* DS §5.2.2 */
    }
    fdc_update_irq(s);
    fdc_seek_tick(s, k);
}

/* ---- data commands (no diskette ever turns under the head) ---- */

static void fdc_exec_data(Fdc *s)
{
    const uint8_t *c = s->cmd;
    unsigned us = c[1] & 3;
    bool writes = s->cmd_kind == K_WRITE || s->cmd_kind == K_FORMAT;

    if (writes && fdc_wp(s)) {
        /* NW: the write-protect input is active */
        uint8_t r[7];
        r[0] = (uint8_t)(FDC_ST0_IC_ABNORMAL | s->hdsel << 2 | us);
        r[1] = FDC_ST1_NW;
        r[2] = 0;
        if (s->cmd_kind == K_FORMAT) {
            /* C, H, R undefined after FORMAT (model: PCN, head, 1) */
            r[3] = s->pcn[us];
            r[4] = s->hdsel;
            r[5] = 1;
            r[6] = c[2];
        } else {
            memcpy(r + 3, c + 2, 4);
        }
        fdc_to_result(s, r, 7);
        s->result_int = true;       /* DS §5.2.4: result phase entered */
        dev_trace(&s->ctx, "write refused: diskette write-protected");
        fdc_update_irq(s);
        return;
    }
    /* waits for index pulses to find its sector: none ever come */
    dev_trace(&s->ctx, "waiting for index pulses (no diskette): busy until "
              "reset");
}

static void fdc_start_data(Fdc *s)
{
    const uint8_t *c = s->cmd;
    unsigned us = c[1] & 3;

    s->hdsel = (c[1] >> 2) & 1;
    s->phase = FDC_PH_EXEC;
    if (s->cmd_kind == K_FORMAT) {
        s->sc_eot = c[3];           /* DUMPREG shows SC after FORMAT */
    } else if (s->cmd_kind != K_READ_ID) {
        s->sc_eot = c[6];           /* ... and EOT after READ/WRITE */
    }
    if ((s->cmd_kind == K_READ || s->cmd_kind == K_WRITE) && s->eis &&
        c[2] != s->pcn[us]) {
        /* implied seek to C first (CONFIGURE EIS) */
        bool in = c[2] > s->pcn[us];
        unsigned n = in ? c[2] - s->pcn[us] : s->pcn[us] - c[2];
        fdc_seek_start(s, us, false, true, in, n);
        return;
    }
    fdc_exec_data(s);
}

/* ---- the other commands ---- */

static void fdc_result1(Fdc *s, uint8_t v)
{
    fdc_to_result(s, &v, 1);
}

static void fdc_sensei(Fdc *s)
{
    unsigned i;
    for (i = 0; i < FDC_NDRIVES; i++) {
        if (s->st_pending[i]) {
            uint8_t r[2] = { s->st_st0[i], s->pcn[i] };
            s->st_pending[i] = false;
            if (!s->seek[i].stepping) {
                s->seek[i].busy = false;    /* the seek is over */
            }
            fdc_to_result(s, r, 2);
            fdc_update_irq(s);
            return;
        }
    }
    /* DS §5.2.4: nothing pending reads as an invalid command */
    fdc_result1(s, FDC_ST0_IC_INVALID);
}

static void fdc_execute(Fdc *s)
{
    const uint8_t *c = s->cmd;
    unsigned us = c[1] & 3;
    uint8_t r[10];

    switch ((FdcCmdKind)s->cmd_kind) {
    case K_SPECIFY:
        s->srt = c[1] >> 4;
        s->hut = c[1] & 0x0f;
        s->hlt = c[2] >> 1;
        s->nd = c[2] & 1;
        fdc_to_command(s);
        break;
    case K_SENSE_DRIVE:
        s->hdsel = (c[1] >> 2) & 1;
        fdc_result1(s, (uint8_t)(FDC_ST3_ONES |
                                 (fdc_wp(s) ? FDC_ST3_WP : 0) |
                                 (fdc_trk0(s) ? FDC_ST3_T0 : 0) |
                                 s->hdsel << 2 | us));
        break;
    case K_RECALIBRATE:
        fdc_to_command(s);
        fdc_seek_start(s, us, true, false, false, FDC_RECAL_PULSES);
        break;
    case K_SENSEI:
        fdc_sensei(s);
        break;
    case K_DUMPREG:
        r[0] = s->pcn[0];
        r[1] = s->pcn[1];
        r[2] = s->pcn[2];
        r[3] = s->pcn[3];
        r[4] = (uint8_t)(s->srt << 4 | s->hut);
        r[5] = (uint8_t)(s->hlt << 1 | s->nd);
        r[6] = s->sc_eot;
        r[7] = (uint8_t)(s->lock << 7 | s->perp << 2 | s->gap << 1 |
                         s->wgate);
        r[8] = (uint8_t)(s->eis << 6 | s->efifo << 5 | s->poll_off << 4 |
                         s->fifothr);
        r[9] = s->pretrk;
        fdc_to_result(s, r, 10);
        break;
    case K_SEEK: {
        bool in = c[2] > s->pcn[us];
        unsigned n = in ? c[2] - s->pcn[us] : s->pcn[us] - c[2];
        s->hdsel = (c[1] >> 2) & 1;
        fdc_to_command(s);
        fdc_seek_start(s, us, false, false, in, n);
        break;
    }
    case K_RELSEEK:
        s->hdsel = (c[1] >> 2) & 1;
        fdc_to_command(s);
        fdc_seek_start(s, us, false, false, (c[0] & 0x40) != 0, c[2]);
        break;
    case K_VERSION:
        fdc_result1(s, FDC_VERSION_82077AA);
        break;
    case K_PERPENDICULAR:
        if (c[1] & 0x80) {          /* OW: the drive bits are written */
            s->perp = (c[1] >> 2) & 0x0f;
        }
        s->gap = (c[1] >> 1) & 1;
        s->wgate = c[1] & 1;
        fdc_to_command(s);
        break;
    case K_CONFIGURE:
        if (c[1] != 0 || (c[2] & 0x80)) {
            guest_error(&s->ctx, "CONFIGURE with reserved bits set: "
                        "%02x %02x", c[1], c[2]);
        }
        s->eis = (c[2] >> 6) & 1;
        s->efifo = (c[2] >> 5) & 1;
        s->poll_off = (c[2] >> 4) & 1;
        s->fifothr = c[2] & 0x0f;
        s->pretrk = c[3];
        fdc_to_command(s);
        break;
    case K_LOCK:
        s->lock = (c[0] & 0x80) != 0;
        fdc_result1(s, (uint8_t)(s->lock << 4));
        break;
    case K_READ:
    case K_WRITE:
    case K_FORMAT:
    case K_READ_ID:
        fdc_start_data(s);
        break;
    case K_INVALID:
        fdc_result1(s, FDC_ST0_IC_INVALID);
        break;
    }
}

/* ---- the FIFO ---- */

static void fdc_fifo_write(Fdc *s, uint8_t v)
{
    const FdcCmd *cmd;

    if (s->phase != FDC_PH_COMMAND) {
        guest_error(&s->ctx, "FIFO write %02x in the %s phase: ignored", v,
                    s->phase == FDC_PH_RESULT ? "result" : "execution");
        return;
    }
    if (s->cmd_len == 0) {
        /* the command phase begins: polling stops (DS §8.2) */
        fdc_poll_stop(s);
        cmd = fdc_lookup(v);
        s->cmd[0] = v;
        s->cmd_len = 1;
        if (!cmd) {
            guest_error(&s->ctx, "command %02x is not an 82077AA command: "
                        "invalid, ST0 80", v);
            s->cmd_kind = K_INVALID;
            fdc_execute(s);
            return;
        }
        dev_trace(&s->ctx, "command %02x %s", v, cmd->name);
        s->cmd_kind = cmd->kind;
        s->cmd_need = 1u + cmd->params;
    } else {
        s->cmd[s->cmd_len++] = v;
    }
    if (s->cmd_len == s->cmd_need) {
        fdc_execute(s);
    }
}

static uint8_t fdc_fifo_read(Fdc *s)
{
    uint8_t v;

    if (s->phase != FDC_PH_RESULT) {
        /* undocumented; QEMU returns 0 */
        guest_error(&s->ctx, "FIFO read in the %s phase: no byte",
                    s->phase == FDC_PH_COMMAND ? "command" : "execution");
        return 0;
    }
    v = s->res[s->res_pos++];
    if (s->res_pos == s->res_len) {
        if (s->result_int) {
            s->result_int = false;  /* as QEMU: at the end of the result */
            fdc_update_irq(s);
        }
        fdc_to_command(s);
    }
    return v;
}

/* ---- registers ---- */

static uint8_t fdc_msr(const Fdc *s)
{
    uint8_t v = 0;
    unsigned i;

    if (s->in_reset) {
        return 0;
    }
    for (i = 0; i < FDC_NDRIVES; i++) {
        if (s->seek[i].busy) {
            v |= (uint8_t)(1u << i);
        }
    }
    switch (s->phase) {
    case FDC_PH_COMMAND:
        v |= FDC_MSR_RQM | (s->cmd_len ? FDC_MSR_CB : 0);
        break;
    case FDC_PH_EXEC:
        v |= FDC_MSR_CB | (s->nd ? FDC_MSR_NDMA : 0);
        break;
    case FDC_PH_RESULT:
        v |= FDC_MSR_RQM | FDC_MSR_DIO | FDC_MSR_CB;
        break;
    }
    return v;
}

static uint8_t fdc_sra(const Fdc *s)
{
    uint8_t v = FDC_SRA_NINDX;      /* never an index pulse */
    if (s->irq_level) {
        v |= FDC_SRA_INT;
    }
    if (s->drive[1] == FDC_DRIVE_NONE) {
        v |= FDC_SRA_NDRV2;
    }
    if (!fdc_trk0(s)) {
        v |= FDC_SRA_NTRK0;
    }
    if (s->hdsel) {
        v |= FDC_SRA_HDSEL;
    }
    if (!fdc_wp(s)) {
        v |= FDC_SRA_NWP;
    }
    if (s->dir_in) {
        v |= FDC_SRA_DIR;
    }
    return v;
}

static uint8_t fdc_srb(const Fdc *s)
{
    uint8_t v = FDC_SRB_ONES;
    if (s->dor & 1) {
        v |= FDC_SRB_DRVSEL0;
    }
    if (s->dor & FDC_DOR_MOTOR0) {
        v |= FDC_SRB_MOT0;
    }
    if (s->dor & (FDC_DOR_MOTOR0 << 1)) {
        v |= FDC_SRB_MOT1;
    }
    return v;
}

static uint8_t fdc_dir(const Fdc *s)
{
    uint8_t v = (uint8_t)(FDC_DIR_ONES | (s->drate & 3) << 1);
    if (s->drate == FDC_RATE_250K || s->drate == FDC_RATE_300K) {
        v |= FDC_DIR_NHIDENS;
    }
    if (fdc_dskchg(s)) {
        v |= FDC_DIR_DSKCHG;
    }
    return v;
}

static void fdc_dor_write(Fdc *s, uint8_t v)
{
    uint8_t old = s->dor;
    s->dor = v;
    if ((old & FDC_DOR_NRESET) && !(v & FDC_DOR_NRESET)) {
        s->in_reset = true;
        fdc_soft_reset(s);
        dev_trace(&s->ctx, "DOR reset");
    } else if (!(old & FDC_DOR_NRESET) && (v & FDC_DOR_NRESET)) {
        s->in_reset = false;
        dev_trace(&s->ctx, "out of reset");
        fdc_to_command(s);
    }
}

static void fdc_dsr_write(Fdc *s, uint8_t v)
{
    s->drate = v & FDC_DSR_DRATE;
    s->precomp = (v & FDC_DSR_PRECOMP) >> 2;
    if (v & FDC_DSR_SWRESET) {
        fdc_soft_reset(s);
        dev_trace(&s->ctx, "DSR software reset");
        fdc_to_command(s);
    }
    /* SIMPLIFY: power-down (bit 6) stops the chip's clocks until the next
     * access; nothing to see here */
}

static BusStatus fdc_read(void *opaque, uint32_t off, unsigned size,
                          uint32_t *val)
{
    Fdc *s = opaque;
    (void)size;
    switch (off) {
    case FDC_SRA:
        *val = fdc_sra(s);
        break;
    case FDC_SRB:
        *val = fdc_srb(s);
        break;
    case FDC_DOR:
        *val = s->dor;
        break;
    case FDC_TDR:
        *val = s->tdr;              /* bits 7:2 unused, model: read 0 */
        break;
    case FDC_MSR:
        *val = fdc_msr(s);
        break;
    case FDC_FIFO:
        if (s->in_reset) {
            guest_error(&s->ctx, "FIFO read while held in reset");
            *val = 0;
        } else {
            *val = fdc_fifo_read(s);
        }
        break;
    case FDC_DIR:
        *val = fdc_dir(s);
        break;
    default:
        /* offset 6 decodes to nothing; QEMU reads all ones */
        guest_error(&s->ctx, "read at offset %u: no register", off);
        *val = 0xff;
        break;
    }
    return BUS_OK;
}

static BusStatus fdc_write(void *opaque, uint32_t off, unsigned size,
                           uint32_t val)
{
    Fdc *s = opaque;
    uint8_t v = (uint8_t)val;
    (void)size;

    if (off == FDC_DOR) {
        fdc_dor_write(s, v);
        return BUS_OK;
    }
    if (off == FDC_SRA || off == FDC_SRB || off == 6) {
        guest_error(&s->ctx, "write %02x at offset %u: read-only or no "
                    "register", v, off);
        return BUS_OK;
    }
    if (s->in_reset) {
        /* as QEMU: the chip takes nothing but the DOR while in reset */
        guest_error(&s->ctx, "write %02x at offset %u while held in reset",
                    v, off);
        return BUS_OK;
    }
    switch (off) {
    case FDC_TDR:
        s->tdr = v & 3;
        break;
    case FDC_DSR:
        fdc_dsr_write(s, v);
        break;
    case FDC_FIFO:
        fdc_fifo_write(s, v);
        break;
    case FDC_CCR:
        s->drate = v & FDC_DSR_DRATE;
        break;
    }
    return BUS_OK;
}

/* Everything but the FIFO reads without side effects, and changes only on
 * events (step ticks, polling) or CPU writes. */
static bool fdc_is_stable(void *opaque, uint32_t off)
{
    (void)opaque;
    return off != FDC_FIFO;
}

const MmioOps fdc_ops = {
    .read = fdc_read,
    .write = fdc_write,
    .min_size = 1,
    .max_size = 1,
    .is_stable = fdc_is_stable,
};

void fdc_attach_drive(Fdc *s, unsigned sel, FdcDriveKind kind)
{
    if (sel < FDC_NDRIVES) {
        s->drive[sel] = kind;
    }
}

void fdc_init(Fdc *s, const DevCtx *ctx, IrqLine irq)
{
    unsigned i;
    memset(s, 0, sizeof(*s));
    s->ctx = *ctx;
    s->irq = irq;
    ev_init(&s->poll_ev, "fdc-poll", fdc_poll_done, s);
    for (i = 0; i < FDC_NDRIVES; i++) {
        s->seek[i].fdc = s;
        s->seek[i].unit = i;
        ev_init(&s->seek[i].ev, "fdc-step", fdc_seek_event, &s->seek[i]);
        s->drive[i] = FDC_DRIVE_NONE;
    }
    fdc_reset(s);
    dev_map(ctx, 0, FDC_REG_SIZE, &fdc_ops, s, NULL);
}
