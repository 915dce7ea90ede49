/*
 * NCR 53C9x / FAS100A (ESP) core of the sun4m MACIO.  Register behaviour
 * follows QEMU 7.2 hw/scsi/esp.c where guests depend on it, timing follows
 * the 53C9x data sheet as quoted by Linux esp_scsi.c and NetBSD ncr53c9x.c.
 *
 * Registers: reads of TCLO/TCMID/TCHI give the current transfer counter,
 * writes set the start count, which a command with the DMA bit copies into
 * the counter (a start count of 0 means 64 KB).  TCHI reads the chip's
 * unique id until it is first written after a reset: Linux's esp_reset_esp
 * reads it to tell a FAS100A from a FAS236 or FASHME.  CFG1/2/3 read back
 * what was written (Linux's revision probe needs CFG2 and CFG3 to be
 * there).  Reading INTR clears INTR and STAT.TC and drops the interrupt;
 * as in QEMU it leaves the sequence step alone.
 *
 * Selection: the chip arbitrates and selects the target in BUSID.  With an
 * empty bus nobody answers, and after the selection timeout (STO register
 * and clock conversion factor, or ESP_SEL_TIMEOUT_DEFAULT_US while STO is
 * 0) the chip reports a disconnect: STAT = INT with phase bits 0, INTR =
 * DC, SEQ = 0.  That is what OpenBIOS (polling espdma CSR bit 0) and Linux
 * (DID_BAD_TARGET) take as "no device".  As in QEMU (dma_cb), a selection
 * or transfer with the DMA bit waits until the DMA channel is enabled.
 *
 * SIMPLIFY: an unknown or target-mode command is ignored (the chip raises
 * an illegal-command interrupt); a non-DMA selection consumes the FIFO at
 * once, as QEMU does; a SCSI bus reset takes no time and aborts a running
 * selection; there are no targets, so TI moves nothing and the sync
 * registers are storage only.
 */
#include "hw/chips/esp.h"

#include <string.h>

static void esp_raise_irq(Esp *s)
{
    s->rregs[ESP_RSTAT] |= ESP_STAT_INT;
    if (!s->irq_level) {
        s->irq_level = true;
        irq_set(&s->irq, true);
    }
}

static void esp_lower_irq(Esp *s)
{
    s->rregs[ESP_RSTAT] &= ~ESP_STAT_INT;
    if (s->irq_level) {
        s->irq_level = false;
        irq_set(&s->irq, false);
    }
}

/* Set STAT keeping the interrupt bit, which follows the line. */
static void esp_set_stat(Esp *s, uint8_t v)
{
    s->rregs[ESP_RSTAT] = (uint8_t)((v & ~ESP_STAT_INT) |
                                    (s->irq_level ? ESP_STAT_INT : 0));
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

/* A command with the DMA bit loads the counter from the start count. */
static void esp_load_tc(Esp *s)
{
    uint32_t stc = s->wregs[ESP_TCLO] | (uint32_t)s->wregs[ESP_TCMID] << 8 |
                   (uint32_t)s->wregs[ESP_TCHI] << 16;
    if (stc == 0) {
        stc = 0x10000;              /* 0 means 64 KB */
    }
    s->rregs[ESP_TCLO] = (uint8_t)stc;
    s->rregs[ESP_TCMID] = (uint8_t)(stc >> 8);
    s->rregs[ESP_TCHI] = (uint8_t)(stc >> 16);
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

static void esp_soft_reset(Esp *s)
{
    ev_cancel(s->ctx.events, &s->sel_event);
    esp_lower_irq(s);
    memset(s->rregs, 0, sizeof(s->rregs));
    memset(s->wregs, 0, sizeof(s->wregs));
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

/* ---- Selection ---- */

static void esp_select_done(void *opaque)
{
    Esp *s = opaque;
    /* nobody answered within the timeout: the chip releases the bus */
    s->sel_timeouts++;
    log_trace(s->ctx.log, LOG_SCSI, s->ctx.name,
              "target %u: selection timeout", s->sel_target);
    esp_set_stat(s, 0);
    s->rregs[ESP_RINTR] = ESP_INTR_DC;
    s->rregs[ESP_RSEQ] = ESP_SEQ_0;
    esp_raise_irq(s);
}

static void esp_select(Esp *s, uint8_t cmd)
{
    unsigned id = s->wregs[ESP_WBUSID] & 7;

    if (s->dma && !s->dma_enabled) {
        s->deferred = true;
        s->deferred_cmd = cmd;
        return;
    }
    s->selections++;
    s->sel_target = (uint8_t)id;
    /*
     * DMA PATH: with the DMA bit the chip takes the bytes it sends after
     * selection from the DMA channel, up to the transfer count: the
     * identify message and the CDB for SELATN, three message bytes and
     * the CDB for SELATN3, the CDB for SEL, only the message for SELATNS.
     * They are not read here: with nobody on the bus the chip never
     * leaves the selection phase.  Without the DMA bit they come from the
     * FIFO.  Either way the FIFO ends up empty (QEMU esp_select).
     */
    s->fifo_len = 0;
    if (s->target[id]) {
        /*
         * TARGET PATH: the target answers after the bus settle and
         * selection delays; the command bytes then go out and the chip
         * reports FC|BS with SEQ_CD (QEMU esp_select/do_command_phase).
         * Not connected yet: treat the target as absent.
         */
        guest_error(&s->ctx, "target %u present but not connected yet",
                    id);
    }
    ev_after(s->ctx.events, &s->sel_event, esp_select_timeout(s));
}

/* ---- Other commands ---- */

static void esp_transfer_info(Esp *s, uint8_t cmd)
{
    if (s->dma && !s->dma_enabled) {
        s->deferred = true;
        s->deferred_cmd = cmd;
        return;
    }
    if (s->dma) {
        s->rregs[ESP_RSTAT] &= ~ESP_STAT_TC;
    }
    /* TARGET PATH / DMA PATH: with no connected target there is no
     * information phase to run; QEMU does nothing either. */
}

/* Initiator command complete: status and message bytes from the target. */
static void esp_iccs(Esp *s)
{
    if (s->dma) {
        /* DMA PATH: the two bytes (status, message 0 "command complete")
         * go to memory through the DMA channel. */
        esp_set_stat(s, ESP_STAT_TC | ESP_PHASE_ST);
        s->rregs[ESP_RINTR] |= ESP_INTR_BS | ESP_INTR_FC;
        s->rregs[ESP_RSEQ] = ESP_SEQ_CD;
    } else {
        s->fifo_len = 0;
        esp_fifo_push(s, s->status);
        esp_fifo_push(s, 0);
    }
    esp_raise_irq(s);
    s->rregs[ESP_RINTR] |= ESP_INTR_FC;
    s->rregs[ESP_RSTAT] |= ESP_PHASE_MI;
}

static void esp_command(Esp *s, uint8_t val)
{
    uint8_t cmd = val & ESP_CMD_MASK;

    dev_trace(&s->ctx, "command 0x%02x%s", cmd,
              (val & ESP_CMD_DMA) ? " (DMA)" : "");
    s->rregs[ESP_CMD] = val;
    s->dma = (val & ESP_CMD_DMA) != 0;
    if (s->dma) {
        esp_load_tc(s);
    }
    switch (cmd) {
    case ESP_CMD_NOP:
        break;
    case ESP_CMD_FLUSH:
        s->fifo_len = 0;
        break;
    case ESP_CMD_RESET:
        esp_soft_reset(s);
        break;
    case ESP_CMD_BUSRESET:
        ev_cancel(s->ctx.events, &s->sel_event);
        if (!(s->wregs[ESP_CFG1] & ESP_CFG1_SRRDISAB)) {
            s->rregs[ESP_RINTR] |= ESP_INTR_RST;
            esp_raise_irq(s);
        }
        break;
    case ESP_CMD_TI:
        esp_transfer_info(s, val);
        break;
    case ESP_CMD_ICCS:
        esp_iccs(s);
        break;
    case ESP_CMD_MSGACC:
        /* the target releases the bus after the last message */
        s->rregs[ESP_RINTR] |= ESP_INTR_DC;
        s->rregs[ESP_RSEQ] = ESP_SEQ_0;
        esp_raise_irq(s);
        break;
    case ESP_CMD_PAD:
        esp_set_stat(s, ESP_STAT_TC);
        s->rregs[ESP_RINTR] |= ESP_INTR_FC;
        s->rregs[ESP_RSEQ] = ESP_SEQ_0;
        break;
    case ESP_CMD_SATN:
    case ESP_CMD_RSTATN:
        break;                      /* ATN is not modelled */
    case ESP_CMD_SEL:
    case ESP_CMD_SELATN:
    case ESP_CMD_SELATNS:
    case ESP_CMD_SELATN3:
        /* SELATN3: Linux's tagged commands; QEMU 7.2 ignores it */
        esp_select(s, val);
        break;
    case ESP_CMD_ENSEL:
        s->rregs[ESP_RINTR] = 0;
        break;
    case ESP_CMD_DISSEL:
        s->rregs[ESP_RINTR] = 0;
        esp_raise_irq(s);
        break;
    default:
        guest_error(&s->ctx, "unknown command 0x%02x", val);
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
        if ((cmd & ESP_CMD_MASK) == ESP_CMD_TI) {
            esp_transfer_info(s, cmd);
        } else {
            esp_select(s, cmd);
        }
    }
}

/* ---- Register access ---- */

static uint8_t esp_reg_read(Esp *s, unsigned reg)
{
    uint8_t v;
    switch (reg) {
    case ESP_FIFO:
        /* DMA PATH / TARGET PATH: data-in bytes from a target land here */
        return esp_fifo_pop(s);
    case ESP_RINTR:
        v = s->rregs[ESP_RINTR];
        s->rregs[ESP_RINTR] = 0;
        s->rregs[ESP_RSTAT] &= ~ESP_STAT_TC;
        esp_lower_irq(s);
        return v;
    case ESP_RFLAGS:
        return (uint8_t)(s->fifo_len & 0x1f);   /* bits 4:0 FIFO count */
    case ESP_TCHI:
        return s->tchi_written ? s->rregs[ESP_TCHI] : ESP_CHIP_ID_FAS100A;
    default:
        return s->rregs[reg];
    }
}

static void esp_reg_write(Esp *s, unsigned reg, uint8_t v)
{
    switch (reg) {
    case ESP_TCHI:
        s->tchi_written = true;
        /* fall through */
    case ESP_TCLO:
    case ESP_TCMID:
        s->rregs[ESP_RSTAT] &= ~ESP_STAT_TC;
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
        /* BUSID, STO, sync period/offset, CCF, test: write-only */
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

void esp_init(Esp *s, const DevCtx *ctx, uint32_t clock_hz, IrqLine irq)
{
    memset(s, 0, sizeof(*s));
    s->ctx = *ctx;
    s->clock_hz = clock_hz ? clock_hz : ESP_CLOCK_SS5;
    s->sel_timeout_default_us = ESP_SEL_TIMEOUT_DEFAULT_US;
    s->irq = irq;
    ev_init(&s->sel_event, "esp-select-timeout", esp_select_done, s);
    esp_reset(s);
    dev_map(ctx, 0, ESP_REG_SIZE, &esp_ops, s, NULL);
}
