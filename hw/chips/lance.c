/*
 * AMD Am7990 LANCE: the register interface of lance.h and, once a DMA
 * chain is attached (lance_attach_dma), the data path: the
 * initialisation block, the transmit and receive descriptor rings and
 * their buffers, all read and written through ledma -> IOMMU -> memory.
 *
 * Ports.  RAP holds a CSR number (bits 1:0; bits 15:2 are reserved, read 0
 * here); RDP reads and writes the CSR it names.  Only 16-bit accesses are
 * taken.  The Am7990 has a 16-bit bus and ignores byte selection as a
 * slave; what the MACIO does with a byte or word access from SBus is not
 * documented where we can read it (SBus dynamic bus sizing could split a
 * word into RDP then RAP).  Model: QEMU's choice (hw/net/lance.c, valid
 * sizes 2..2), so any other width is refused with a bus error, which the
 * CPU turns into data_access_error, and is logged.
 *
 * CSR0, from the Am7990 data sheet's bit descriptions (QEMU pcnet.c and
 * Linux sunlance.c agree where they use them):
 *  - reading has no side effect;
 *  - BABL, CERR, MISS, MERR, RINT, TINT and IDON are cleared by writing 1,
 *    left alone by writing 0, and cleared by STOP;
 *  - ERR reads 1 while BABL, CERR, MISS or MERR is set; INTR reads 1 while
 *    BABL, MISS, MERR, RINT, TINT or IDON is set (a missing heartbeat, CERR,
 *    is reported but does not interrupt); writes to either are ignored;
 *  - INEA is plain read/write; the interrupt pin is asserted while INTR and
 *    INEA are both set;
 *  - STOP (write 1) halts the chip and clears every other CSR0 bit, as at
 *    reset; in a write that also holds INIT or STRT, STOP wins;
 *  - INIT (write 1) makes the chip fetch the initialisation block at
 *    CSR2:CSR1 and then set IDON; INIT reads 1 until the next STOP, and a
 *    second INIT before that is not acted on (as in QEMU);
 *  - STRT (write 1) turns on the receiver and transmitter (RXON, TXON) and
 *    clears STOP; written together with INIT the chip starts once the
 *    initialisation is done;
 *  - TDMD (write 1) asks for a transmit descriptor poll now; the chip
 *    clears it once it has polled.
 * CSR1, CSR2 and CSR3 may be written only while STOP is set (data sheet);
 * a write at another time is ignored and logged.  They read back at any
 * time, as in QEMU.  The RESET pin (ledma CSR bit 7) stops the chip and
 * clears CSR3 and RAP; CSR1 and CSR2 keep their value (the data sheet does
 * not define them after reset; QEMU's pcnet_s_reset keeps them).
 *
 * When IDON comes.  The chip reads the 12-word initialisation block as a
 * bus master, a few of its 100 ns clocks per word plus bus arbitration:
 * some microseconds.  Linux's init_restart_lance (sunlance.c) writes INIT,
 * then reads CSR0 at most 100 times with no delay between reads and fails
 * the open ("LANCE unopened") if neither IDON nor ERR has appeared.  On the
 * SS-5 each of those reads is an SBus slave cycle through the MACIO to the
 * chip, long enough that 100 of them outlast the initialisation.  Here a
 * register read costs the board's wait states (2 cycles, hw/README.md), so
 * the 100 reads take about 1000 cycles, 9 us at 110 MHz: a modelled
 * initialisation time would be a race the driver could lose.  So by default
 * IDON is set in the write that sets INIT, as QEMU does (pcnet_init runs
 * inside the register write); init_latency > 0 arms an event instead.
 *
 * With a chain attached, the time the 12 block reads take is not modelled
 * either (same reason): the block is read when IDON is set.
 *
 * The data path (Am7990 data sheet, sunlance.c for what Linux relies on):
 *  - descriptors are 4 words (address 15:0; OWN/ERR/status/STP/ENP and
 *    address 23:16; BCNT as a 12-bit two's complement; TMD3 errors or
 *    RMD3 MCNT); the chip hands a descriptor back by clearing OWN;
 *  - transmit: on TDMD, on STRT, and every 1.6 ms while TXON the chip
 *    looks at its next transmit descriptor; a frame (STP..ENP, chained)
 *    goes on the wire for its length + FCS + 8 bytes of preamble + 12 of
 *    inter-frame gap at 10 Mb/s; at its end OWN clears in each descriptor,
 *    TINT sets, and the frame goes to the tx hook (none: lost on the
 *    wire) or, in internal loopback (LOOP + INTL), back to the receiver
 *    with the FCS the transmitter appends unless DTCR;
 *  - receive (lance_receive): the address filter (PADR, broadcast, LADRF
 *    hash of multicasts, PROM), then the frame and its FCS into the next
 *    receive buffers (STP..ENP), MCNT in the last, RINT; no descriptor
 *    owned by the chip: MISS;
 *  - a DMA fault anywhere: MERR, receiver and transmitter off.
 * SIMPLIFY: no collisions, retries, lost carrier, heartbeat (CERR never
 * sets), late collisions or underflows from a slow bus; a frame is read
 * from memory when it starts and written when it arrives, at once;
 * frames are cut to LANCE_FRAME_MAX bytes (BABL if a transmit is longer);
 * after an initialisation that faulted STRT does not start the chip; any
 * length limit the data sheet sets on loopback frames is not enforced
 * (not checked; QEMU pcnet.c enforces none either).
 * Without a chain (unit tests of the registers, a board that does not
 * attach one) the chip is idle as before: INIT reads nothing, no
 * descriptor is looked at, TDMD is dropped.
 */
#include "hw/chips/lance.h"

#include <string.h>
#include <zlib.h>

/* CSR0 as read: the latched bits plus the two summaries */
static uint16_t lance_csr0(const Lance *s)
{
    uint16_t v = s->csr0;
    if (v & LANCE_CSR0_ERR_SRC) {
        v |= LANCE_CSR0_ERR;
    }
    if (v & LANCE_CSR0_INTR_SRC) {
        v |= LANCE_CSR0_INTR;
    }
    return v;
}

static void lance_update_irq(Lance *s)
{
    bool level = (lance_csr0(s) & LANCE_CSR0_INTR) &&
                 (s->csr0 & LANCE_CSR0_INEA);
    if (level != s->irq_level) {
        s->irq_level = level;
        dev_trace(&s->ctx, "INTR pin %s", level ? "asserted" : "released");
        irq_set(&s->irq, level);
    }
}

/* STOP, by the register or the RESET pin: every other CSR0 bit clears */
static void lance_stop(Lance *s)
{
    ev_cancel(s->ctx.events, &s->init_event);
    ev_cancel(s->ctx.events, &s->tx_event);
    ev_cancel(s->ctx.events, &s->poll_event);
    ev_cancel(s->ctx.events, &s->rx_event);
    s->rxp_n = 0;                   /* frames on the wire are lost */
    s->rx_reserved = 0;
    s->rx_wire_free = 0;
    s->start_pending = false;
    s->inited = false;
    s->csr0 = LANCE_CSR0_STOP;
    s->stops++;
}

/* ---- the data path ---- */

/*
 * Bus master accesses.  The Lance puts a 24-bit address out; ledma adds
 * its TEST register's top byte, the IOMMU maps the DVMA address.  Every
 * byte goes through the chain (dma_map, then the memory stage's movers).
 *
 * MERR (data sheet): a bus master cycle that is not acknowledged.  The
 * chip turns its receiver and transmitter off (RXON, TXON clear) and
 * interrupts if INEA; the driver must STOP and reinitialise (sunlance
 * lance_interrupt does: "Memory error, status" then a restart).
 */
static void lance_merr(Lance *s, const DmaFault *f, uint32_t addr)
{
    guest_error(&s->ctx, "DMA fault at Lance address 0x%06x (%s 0x%llx): "
                "MERR, receiver and transmitter off", addr,
                f->stage ? f->stage : "?", (unsigned long long)f->addr);
    s->csr0 = (uint16_t)((s->csr0 | LANCE_CSR0_MERR) &
                         ~(LANCE_CSR0_RXON | LANCE_CSR0_TXON));
    ev_cancel(s->ctx.events, &s->tx_event);
    ev_cancel(s->ctx.events, &s->poll_event);
    s->merrs++;
}

/* Move len bytes at Lance address addr; false (MERR raised) on a fault */
static bool lance_dma(Lance *s, uint32_t addr, uint8_t *buf, size_t len,
                      DmaDir dir)
{
    SgList in, gp;
    DmaFault f = { 0 };
    uint64_t n = 0;
    bool ok = false;

    if (len == 0) {
        return true;
    }
    sg_init(&in);
    sg_init(&gp);
    addr &= 0xffffffu;
    if (sg_add(&in, addr, len) == 0 &&
        dma_map(s->first, &in, dir, &gp, &f) == len) {
        n = dir == DMA_FROM_MEM ? dma_mem_read(s->eng, &gp, buf, len, &f)
                                : dma_mem_write(s->eng, &gp, buf, len, &f);
        ok = n == len;
    }
    sg_free(&in);
    sg_free(&gp);
    if (!ok) {
        if (f.kind == DMA_FAULT_NONE) {
            f.kind = DMA_FAULT_BUS;
        }
        lance_merr(s, &f, addr);
    }
    return ok;
}

/*
 * The initialisation block and the descriptors are 16-bit words that the
 * chip reads as words; on the SBus a word's high byte is at the even
 * address (sunlance fills them as big-endian u16 and swaps the bytes of
 * the station address itself).  BSWP swaps only buffer data (data sheet:
 * "only data from silo transfers is swapped"): set (Linux: 7), the
 * bytes of a frame are in memory in wire order; clear, each 16-bit word
 * of a buffer holds its two frame bytes the other way round.
 */
static bool lance_rd_words(Lance *s, uint32_t addr, uint16_t *w, unsigned n)
{
    uint8_t b[24];
    unsigned i;

    if (!lance_dma(s, addr, b, 2u * n, DMA_FROM_MEM)) {
        return false;
    }
    for (i = 0; i < n; i++) {
        w[i] = (uint16_t)(b[2 * i] << 8 | b[2 * i + 1]);
    }
    return true;
}

static bool lance_wr_word(Lance *s, uint32_t addr, uint16_t w)
{
    uint8_t b[2] = { (uint8_t)(w >> 8), (uint8_t)w };
    return lance_dma(s, addr, b, 2, DMA_TO_MEM);
}

/* SIMPLIFY: without BSWP the bytes of a buffer are swapped in pairs from
 * its start, i.e. buffers are taken to start at even addresses. */
static void lance_swap_data(const Lance *s, uint8_t *b, size_t len)
{
    size_t i;

    if (s->csr3 & LANCE_CSR3_BSWP) {
        return;
    }
    for (i = 0; i + 1 < len; i += 2) {
        uint8_t t = b[i];
        b[i] = b[i + 1];
        b[i + 1] = t;
    }
}

static void lance_swap_tx(Lance *s)
{
    /* each buffer swaps from its own start */
    size_t off = 0;
    unsigned i;

    for (i = 0; i < s->tx_nseg; i++) {
        lance_swap_data(s, s->tx_buf + off, s->tx_seg[i].len);
        off += s->tx_seg[i].len;
    }
}

/* Ethernet CRC-32 (zlib's crc32(): reflected, poly 0xedb88320, preset to
 * ones, inverted at the end).  The filter hash uses the register before
 * that final inversion (Linux ether_crc_le), i.e. ~crc32(). */
static uint32_t lance_crc_le(const uint8_t *p, size_t len)
{
    return ~(uint32_t)crc32(0L, p, (uInt)len);
}

/* The FCS as sent: crc32() of the frame, least significant byte first */
static void lance_put_fcs(uint8_t *dst, const uint8_t *frame, size_t len)
{
    uint32_t fcs = (uint32_t)crc32(0L, frame, (uInt)len);
    dst[0] = (uint8_t)fcs;
    dst[1] = (uint8_t)(fcs >> 8);
    dst[2] = (uint8_t)(fcs >> 16);
    dst[3] = (uint8_t)(fcs >> 24);
}

/* Buffer byte count: 12-bit two's complement (data sheet BCNT; the top
 * four bits "must be ones" and are ignored); 0 is 4096 */
static size_t lance_bcnt(uint16_t w)
{
    size_t n = (size_t)(-(int)w) & 0xfffu;
    return n ? n : 4096u;
}

/* Read the 12-word block at CSR2:CSR1.  false: MERR (no IDON). */
static bool lance_read_init_block(Lance *s)
{
    uint32_t iadr = (uint32_t)s->csr2 << 16 | (s->csr1 & 0xfffeu);
    uint16_t w[12];
    unsigned i;

    if (!lance_rd_words(s, iadr, w, 12)) {
        return false;
    }
    s->mode = w[0];
    for (i = 0; i < 3; i++) {           /* PADR: low byte first on wire */
        s->padr[2 * i] = (uint8_t)w[1 + i];
        s->padr[2 * i + 1] = (uint8_t)(w[1 + i] >> 8);
    }
    for (i = 0; i < 4; i++) {
        s->ladrf[i] = w[4 + i];
    }
    /* descriptors are 8 bytes, quadword aligned: RDRA/TDRA bits 2:0 are
     * ignored (data sheet) */
    s->rdra = ((uint32_t)(w[9] & 0xff) << 16 | w[8]) & ~7u;
    s->rlen = 1u << ((w[9] >> 13) & 7);
    s->tdra = ((uint32_t)(w[11] & 0xff) << 16 | w[10]) & ~7u;
    s->tlen = 1u << ((w[11] >> 13) & 7);
    s->rx_idx = s->tx_idx = 0;
    /* a new ring: frames still on the wire for the old one are lost */
    ev_cancel(s->ctx.events, &s->rx_event);
    s->rxp_n = 0;
    s->rx_reserved = 0;
    s->inited = true;
    dev_trace(&s->ctx, "init block at 0x%06x: mode 0x%04x, MAC "
              "%02x:%02x:%02x:%02x:%02x:%02x, rx %u at 0x%06x, tx %u at "
              "0x%06x", iadr, s->mode, s->padr[0], s->padr[1], s->padr[2],
              s->padr[3], s->padr[4], s->padr[5], s->rlen, s->rdra,
              s->tlen, s->tdra);
    return true;
}

static uint32_t lance_tmd(const Lance *s, unsigned idx)
{
    return (s->tdra + 8u * (idx & (s->tlen - 1))) & 0xffffffu;
}

static uint32_t lance_rmd(const Lance *s, unsigned idx)
{
    return (s->rdra + 8u * (idx & (s->rlen - 1))) & 0xffffffu;
}

/* Wire time of len bytes (FCS included): preamble 8 bytes, inter-frame
 * gap 12 bytes, 10 Mb/s = 0.8 us a byte */
static Cycles lance_wire_cycles(const Lance *s, size_t len)
{
    return (Cycles)((len + 8 + 12) * 8 * s->ctx.hz / 10000000u);
}

static bool lance_accept(const Lance *s, const uint8_t *da);
static bool lance_rx_store(Lance *s, const uint8_t *frame, size_t flen,
                           const uint8_t *fcs, Cycles end);
static void lance_tx_poll(Lance *s);

/*
 * Poll the transmit ring: if the chip owns the next descriptor and it
 * starts a frame, gather STP..ENP into tx_buf and put the frame on the
 * wire; its end (tx_event) clears OWN, hands the frame on and sets TINT.
 * Buffer error (the chip does not own the next descriptor before ENP):
 * BUFF and UFLO in the last TMD3, ERR, and the transmitter turns off
 * (data sheet).  SIMPLIFY: retries, collisions, LCAR, heartbeat (CERR)
 * never happen; the frame is gathered at the start, not read during its
 * transmission.
 */
static void lance_tx_poll(Lance *s)
{
    uint16_t d[4];
    unsigned i;
    size_t len = 0;

    if (!s->eng || !s->inited || !(s->csr0 & LANCE_CSR0_TXON) ||
        ev_pending(&s->tx_event)) {
        return;
    }
    for (;;) {
        if (!lance_rd_words(s, lance_tmd(s, s->tx_idx), d, 4)) {
            return;
        }
        if (!(d[1] & (LANCE_D1_OWN << 8))) {
            return;                     /* nothing to send */
        }
        if (d[1] & (LANCE_D1_STP << 8)) {
            break;
        }
        /* SIMPLIFY: a descriptor owned by the chip in the middle of no
         * frame is handed back (OWN cleared) and skipped */
        guest_error(&s->ctx, "TMD %u: OWN without STP, skipped",
                    s->tx_idx & (s->tlen - 1));
        if (!lance_wr_word(s, lance_tmd(s, s->tx_idx) + 2,
                           (uint16_t)(d[1] & ~(LANCE_D1_OWN << 8)))) {
            return;
        }
        s->tx_idx = (s->tx_idx + 1) & (s->tlen - 1);
    }
    s->tx_first = s->tx_idx;
    s->tx_err = false;
    s->tx_nseg = 0;
    for (i = 0; i < s->tlen; i++) {
        uint32_t buf = ((uint32_t)(d[1] & 0xff) << 16) | d[0];
        size_t n = lance_bcnt(d[2]);

        if (len + n > LANCE_FRAME_MAX) {
            /* SIMPLIFY: the chip would keep sending and BABL; the frame
             * is cut to LANCE_FRAME_MAX */
            n = LANCE_FRAME_MAX - len;
            s->csr0 |= LANCE_CSR0_BABL;
        }
        if (n) {
            s->tx_seg[s->tx_nseg].addr = buf;
            s->tx_seg[s->tx_nseg].len = n;
            s->tx_nseg++;
        }
        len += n;
        if (d[1] & (LANCE_D1_ENP << 8)) {
            break;
        }
        if (i + 1 == s->tlen) {
            s->tx_err = true;           /* the whole ring, no ENP */
            break;
        }
        if (!lance_rd_words(s, lance_tmd(s, s->tx_idx + i + 1), d, 4)) {
            return;
        }
        if (!(d[1] & (LANCE_D1_OWN << 8))) {
            s->tx_err = true;           /* buffer error */
            break;
        }
    }
    s->tx_ndesc = i + 1;
    s->tx_len = len;
    ev_after(s->ctx.events, &s->tx_event,
             lance_wire_cycles(s, len + ((s->mode & LANCE_MODE_DTCR) ? 0 :
                                         4)));
}

/*
 * The frame's bytes, as host iovecs into guest RAM: its buffers (Lance
 * addresses) through ledma, the IOMMU and the memory stage.  Without BSWP
 * the bytes must be swapped in pairs, so they are gathered into tx_buf
 * (counted in tx_copied); likewise a frame in more pieces than iov holds.
 * false: a DMA fault (MERR raised).
 */
static bool lance_tx_map(Lance *s, struct iovec *iov, int max, int *niov)
{
    SgList in, gp;
    DmaFault f = { 0 };
    uint64_t n = 0;
    unsigned i;
    bool ok = false;

    *niov = 0;
    if (s->tx_len == 0) {
        return true;
    }
    sg_init(&in);
    sg_init(&gp);
    for (i = 0; i < s->tx_nseg; i++) {
        if (sg_add(&in, s->tx_seg[i].addr & 0xffffffu, s->tx_seg[i].len)) {
            goto out;
        }
    }
    if (dma_map(s->first, &in, DMA_FROM_MEM, &gp, &f) != s->tx_len) {
        goto out;
    }
    n = dma_mem_iov(s->eng, &gp, DMA_FROM_MEM, iov, max, niov, &f);
    if (n != s->tx_len || !(s->csr3 & LANCE_CSR3_BSWP)) {
        if (dma_mem_read(s->eng, &gp, s->tx_buf, s->tx_len, &f) !=
            s->tx_len) {
            goto out;
        }
        lance_swap_tx(s);
        s->tx_copied += s->tx_len;
        iov[0].iov_base = s->tx_buf;
        iov[0].iov_len = s->tx_len;
        *niov = 1;
    }
    ok = true;
out:
    sg_free(&in);
    sg_free(&gp);
    if (!ok) {
        if (f.kind == DMA_FAULT_NONE) {
            f.kind = DMA_FAULT_BUS;
        }
        lance_merr(s, &f, s->tx_nseg ? s->tx_seg[0].addr : 0);
    }
    return ok;
}

/* The end of a frame on the wire */
static void lance_tx_done(Lance *s)
{
    unsigned i;
    uint16_t w1;
    struct iovec iov[LANCE_TX_IOV];
    int niov = 0;

    for (i = 0; i < s->tx_ndesc; i++) {
        uint32_t a = lance_tmd(s, s->tx_first + i);
        uint16_t d[4];
        if (!lance_rd_words(s, a, d, 4)) {
            return;
        }
        w1 = (uint16_t)(d[1] & ~(LANCE_D1_OWN << 8));
        if (s->tx_err && i + 1 == s->tx_ndesc) {
            w1 |= LANCE_D1_ERR << 8;
            if (!lance_wr_word(s, a + 6, (uint16_t)(d[3] | LANCE_T3_BUFF |
                                                    LANCE_T3_UFLO))) {
                return;
            }
        }
        if (!lance_wr_word(s, a + 2, w1)) {
            return;
        }
    }
    s->tx_idx = (s->tx_first + s->tx_ndesc) & (s->tlen - 1);
    s->tx_frames++;
    s->csr0 |= LANCE_CSR0_TINT;
    if (s->tx_err) {
        guest_error(&s->ctx, "transmit buffer error: transmitter off");
        s->csr0 &= (uint16_t)~LANCE_CSR0_TXON;
        return;
    }
    if (!lance_tx_map(s, iov, LANCE_TX_IOV, &niov)) {
        return;
    }
    if (s->mode & LANCE_MODE_LOOP) {
        /* loopback: the frame comes back to the receiver; with DTCR clear
         * the transmitter appended the FCS, which the receiver stores
         * (MCNT counts it); with DTCR set the frame's own last four bytes
         * stand for it.  Internal (INTL): inside the chip, nothing on the
         * wire; external: out through the transceiver, which hears it
         * back (data sheet, "Loopback").  SIMPLIFY: in external loopback
         * the frame comes back at the end of its wire time, not as it is
         * sent, and frames of other stations are not received meanwhile. */
        size_t n = 0;
        uint8_t *fr = s->rx_buf;
        int k;
        for (k = 0; k < niov; k++) {
            memcpy(fr + n, iov[k].iov_base, iov[k].iov_len);
            n += iov[k].iov_len;
        }
        if (!(s->mode & LANCE_MODE_DTCR)) {
            lance_put_fcs(fr + n, fr, n);
            n += 4;
        }
        if (!(s->mode & LANCE_MODE_INTL) && s->tx_fn && niov) {
            s->tx_fn(s->tx_opaque, iov, niov, s->tx_len);
        }
        if ((s->csr0 & LANCE_CSR0_RXON) && n >= 6 && lance_accept(s, fr)) {
            lance_rx_store(s, fr, n, NULL, 0);
        }
    } else if (s->tx_fn && niov) {
        s->tx_fn(s->tx_opaque, iov, niov, s->tx_len);
    }
    lance_tx_poll(s);
}

static void lance_tx_event(void *opaque)
{
    Lance *s = opaque;
    lance_tx_done(s);
    lance_update_irq(s);
}

/* The chip polls its transmit ring every 1.6 ms while TXON (data sheet) */
#define LANCE_POLL_NS 1600000u

static void lance_arm_poll(Lance *s)
{
    if (s->eng && (s->csr0 & LANCE_CSR0_TXON)) {
        ev_after(s->ctx.events, &s->poll_event,
                 (Cycles)(s->ctx.hz * LANCE_POLL_NS / 1000000000u));
    }
}

static void lance_poll_event(void *opaque)
{
    Lance *s = opaque;
    lance_tx_poll(s);
    lance_arm_poll(s);
    lance_update_irq(s);
}

/* Address filter (data sheet): our physical address, broadcast, a
 * multicast whose CRC's top 6 bits pick a set bit of LADRF, or PROM */
static bool lance_accept(const Lance *s, const uint8_t *da)
{
    static const uint8_t bcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
    unsigned h;

    if (s->mode & LANCE_MODE_PROM) {
        return true;
    }
    if (memcmp(da, s->padr, 6) == 0 || memcmp(da, bcast, 6) == 0) {
        return true;
    }
    if (!(da[0] & 1)) {
        return false;
    }
    h = lance_crc_le(da, 6) >> 26;
    return (s->ladrf[h >> 4] >> (h & 15)) & 1;
}

/* Write n bytes of the received frame, from byte off of frame ++ fcs
 * (flen + 4 bytes; fcs NULL: frame holds all), at Lance address buf.
 * With BSWP (Linux) they go straight from the caller's buffer through the
 * chain; without it they are swapped in a copy first (counted). */
static bool lance_rx_put(Lance *s, uint32_t buf, const uint8_t *frame,
                         size_t flen, const uint8_t *fcs, size_t off,
                         size_t n)
{
    uint8_t chunk[4096];
    size_t k = 0;

    if ((s->csr3 & LANCE_CSR3_BSWP) && fcs) {
        size_t a = off < flen ? flen - off : 0;     /* from the frame */
        if (a > n) {
            a = n;
        }
        if (a && !lance_dma(s, buf, (uint8_t *)frame + off, a, DMA_TO_MEM)) {
            return false;
        }
        return n == a || lance_dma(s, buf + (uint32_t)a,
                                   (uint8_t *)fcs + (off + a - flen), n - a,
                                   DMA_TO_MEM);
    }
    if (s->csr3 & LANCE_CSR3_BSWP) {
        return lance_dma(s, buf, (uint8_t *)frame + off, n, DMA_TO_MEM);
    }
    for (k = 0; k < n; k++) {
        size_t at = off + k;
        chunk[k] = (!fcs || at < flen) ? frame[at] : fcs[at - flen];
    }
    lance_swap_data(s, chunk, n);
    s->rx_copied += n;
    return lance_dma(s, buf, chunk, n, DMA_TO_MEM);
}

/*
 * The end of a received frame: hand its descriptors back (OWN clear), STP
 * in the first, ENP and MCNT (bytes with FCS) in the last, or ERR and BUFF
 * there if the buffers ran out; RINT.
 */
static void lance_rx_complete(Lance *s, const LanceRxFrame *f)
{
    unsigned k;

    for (k = 0; k < f->ndesc; k++) {
        uint32_t a = lance_rmd(s, f->first + k);
        uint16_t w1, bits = (uint16_t)(k == 0 ? LANCE_D1_STP : 0);

        if (!lance_rd_words(s, a + 2, &w1, 1)) {
            return;                     /* MERR */
        }
        if (k + 1 == f->ndesc) {
            if (f->buff) {
                bits |= LANCE_D1_ERR | LANCE_R1_BUFF;
            } else {
                bits |= LANCE_D1_ENP;
                if (!lance_wr_word(s, a + 6, (uint16_t)(f->mcnt & 0xfff))) {
                    return;
                }
            }
        }
        if (!lance_wr_word(s, a + 2, (uint16_t)(bits << 8 | (w1 & 0xff)))) {
            return;
        }
    }
    s->rx_frames++;
    s->csr0 |= LANCE_CSR0_RINT;
}

/* The receiver is on the wire: started, RXON, not in loopback */
static bool lance_listening(const Lance *s)
{
    return s->eng && s->inited && (s->csr0 & LANCE_CSR0_RXON) &&
           !(s->mode & LANCE_MODE_LOOP);
}

/* A stored frame goes on the wire: its descriptors stay reserved until
 * f->end, when lance_rx_event hands them back */
static void lance_rx_queue(Lance *s, const LanceRxFrame *f)
{
    s->rx_reserved += f->ndesc;
    s->rxp[(s->rxp_head + s->rxp_n) % LANCE_RX_PIPE] = *f;
    if (s->rxp_n++ == 0) {
        ev_at(s->ctx.events, &s->rx_event, f->end);
    }
}

/* The cycle at which a frame of len bytes (FCS included) arriving now
 * has come in: after the one before it, at 10 Mb/s */
static Cycles lance_rx_wire_end(Lance *s, size_t len)
{
    Cycles now = *s->ctx.events->now;
    Cycles start = s->rx_wire_free > now ? s->rx_wire_free : now;
    return start + lance_wire_cycles(s, len);
}

/*
 * Store a frame (flen bytes, then the 4 FCS bytes, or fcs NULL: frame
 * holds them) in the receive ring from rx_idx, chained STP..ENP over as
 * many buffers as it takes.  No descriptor owned at the start: MISS.
 * Running out in the middle: BUFF and ERR in the last one we had (data
 * sheet), no ENP.  end = 0: the frame completes now (internal loopback);
 * else at cycle end (its wire time), when its descriptors are handed back
 * and RINT set; until then they stay reserved.  false if nothing stored.
 */
static bool lance_rx_store(Lance *s, const uint8_t *frame, size_t flen,
                           const uint8_t *fcs, Cycles end)
{
    uint16_t d[4];
    size_t off = 0, len = flen + (fcs ? 4 : 0);
    unsigned i;
    LanceRxFrame f = { .first = s->rx_idx, .mcnt = (uint16_t)len };

    /* descriptors of frames still on the wire are the chip's but taken
     * (their OWN is still set): the ring may not wrap onto them */
    unsigned avail = s->rx_reserved < s->rlen ? s->rlen - s->rx_reserved
                                              : 0;

    if (s->rxp_n == LANCE_RX_PIPE || avail == 0) {
        s->csr0 |= LANCE_CSR0_MISS;     /* no room in the chip */
        s->rx_missed++;
        return false;
    }
    if (!lance_rd_words(s, lance_rmd(s, s->rx_idx), d, 4)) {
        return false;
    }
    if (!(d[1] & (LANCE_D1_OWN << 8))) {
        s->csr0 |= LANCE_CSR0_MISS;
        s->rx_missed++;
        return false;
    }
    for (i = 0; i < avail; i++) {
        uint32_t buf = ((uint32_t)(d[1] & 0xff) << 16) | d[0];
        size_t n = lance_bcnt(d[2]);

        if (n > len - off) {
            n = len - off;
        }
        if (!lance_rx_put(s, buf, frame, flen, fcs, off, n)) {
            return false;
        }
        off += n;
        if (off == len) {
            break;
        }
        if (i + 1 < avail &&
            !lance_rd_words(s, lance_rmd(s, s->rx_idx + i + 1), d, 4)) {
            return false;               /* MERR */
        }
        if (i + 1 == avail || !(d[1] & (LANCE_D1_OWN << 8))) {
            f.buff = true;
            break;
        }
    }
    f.ndesc = i + 1;
    s->rx_idx = (s->rx_idx + i + 1) & (s->rlen - 1);
    if (end == 0) {
        lance_rx_complete(s, &f);
        return true;
    }
    f.end = end;
    lance_rx_queue(s, &f);
    return true;
}

/* A received frame's wire time is over */
static void lance_rx_event(void *opaque)
{
    Lance *s = opaque;

    if (s->rxp_n) {
        LanceRxFrame f = s->rxp[s->rxp_head];
        s->rxp_head = (s->rxp_head + 1) % LANCE_RX_PIPE;
        s->rxp_n--;
        s->rx_reserved -= f.ndesc;
        lance_rx_complete(s, &f);
        if (s->rxp_n) {
            ev_at(s->ctx.events, &s->rx_event, s->rxp[s->rxp_head].end);
        }
    }
    lance_update_irq(s);
    if (s->rx_ready_fn) {
        s->rx_ready_fn(s->rx_ready_opaque);
    }
}

/* STRT: the receiver and transmitter turn on unless the mode's DRX/DTX
 * disable them; the transmitter looks at its ring at once */
static void lance_start(Lance *s)
{
    if (s->eng && (s->csr0 & LANCE_CSR0_INIT) && !s->inited) {
        /* the initialisation faulted (MERR): nothing to run on */
        dev_trace(&s->ctx, "STRT after a failed INIT: not started");
        return;
    }
    s->csr0 = (uint16_t)((s->csr0 & ~LANCE_CSR0_STOP) | LANCE_CSR0_STRT);
    if (!(s->mode & LANCE_MODE_DRX)) {
        s->csr0 |= LANCE_CSR0_RXON;
    }
    if (!(s->mode & LANCE_MODE_DTX)) {
        s->csr0 |= LANCE_CSR0_TXON;
    }
    s->starts++;
    dev_trace(&s->ctx, "started");
    lance_tx_poll(s);
    lance_arm_poll(s);
}

static void lance_init_done(Lance *s)
{
    /* The 12 words of the block at CSR2:CSR1: mode, station address,
     * logical address filter, ring pointers and lengths.  A DMA fault
     * there sets MERR instead of IDON.  Idle chip (no chain attached):
     * nothing is read. */
    if (s->eng) {
        if (!lance_read_init_block(s)) {
            s->start_pending = false;
            return;
        }
    }
    s->csr0 |= LANCE_CSR0_IDON;
    dev_trace(&s->ctx, "initialised (block at 0x%06x%s)",
              (unsigned)s->csr2 << 16 | s->csr1, s->eng ? "" : " not read");
    if (s->start_pending) {
        s->start_pending = false;
        lance_start(s);
    }
}

static void lance_init_event(void *opaque)
{
    Lance *s = opaque;
    lance_init_done(s);
    lance_update_irq(s);
}

static void lance_write_csr0(Lance *s, uint16_t v)
{
    /* acknowledgements, and the interrupt enable, come first: Linux's
     * handler writes the causes it saw and INEA in separate writes */
    s->csr0 &= (uint16_t)~(v & LANCE_CSR0_W1C);
    s->csr0 = (uint16_t)((s->csr0 & ~LANCE_CSR0_INEA) |
                         (v & LANCE_CSR0_INEA));

    if (v & LANCE_CSR0_STOP) {
        if (v & (LANCE_CSR0_INIT | LANCE_CSR0_STRT)) {
            guest_error(&s->ctx, "CSR0 0x%04x: STOP with INIT/STRT, "
                        "STOP wins", v);
        }
        lance_stop(s);
        dev_trace(&s->ctx, "stopped");
        return;
    }
    if (v & LANCE_CSR0_INIT) {
        if (s->csr0 & LANCE_CSR0_INIT) {
            guest_error(&s->ctx, "INIT again without STOP: ignored");
        } else {
            s->csr0 = (uint16_t)((s->csr0 & ~LANCE_CSR0_STOP) |
                                 LANCE_CSR0_INIT);
            s->inits++;
            if (s->init_latency) {
                ev_after(s->ctx.events, &s->init_event, s->init_latency);
            } else {
                lance_init_done(s);
            }
        }
    }
    if ((v & LANCE_CSR0_STRT) && !(s->csr0 & LANCE_CSR0_STRT)) {
        if (ev_pending(&s->init_event)) {
            s->start_pending = true;    /* once initialised */
        } else {
            if (!(s->csr0 & LANCE_CSR0_INIT)) {
                /* the chip would run with whatever its ring registers
                 * held since power-on */
                guest_error(&s->ctx, "STRT without INIT");
            }
            lance_start(s);
        }
    }
    if (v & LANCE_CSR0_TDMD) {
        /* With TXON the chip reads the next transmit descriptor now and
         * sends its frame if it owns it; TDMD clears once it has looked
         * (here at once: it never reads 1).  Idle chip: dropped. */
        dev_trace(&s->ctx, "transmit demand (%s)",
                  (s->csr0 & LANCE_CSR0_TXON) ? "TXON" : "transmitter off");
        lance_tx_poll(s);
    }
}

static uint16_t lance_csr_read(const Lance *s, unsigned n)
{
    switch (n) {
    case 0:
        return lance_csr0(s);
    case 1:
        return s->csr1;
    case 2:
        return s->csr2;
    default:
        return s->csr3;
    }
}

static void lance_csr_write(Lance *s, unsigned n, uint16_t v)
{
    dev_trace(&s->ctx, "CSR%u <- 0x%04x", n, v);
    if (n == 0) {
        lance_write_csr0(s, v);
        lance_update_irq(s);
        return;
    }
    if (!(s->csr0 & LANCE_CSR0_STOP)) {
        guest_error(&s->ctx, "CSR%u <- 0x%04x while not stopped: ignored",
                    n, v);
        return;
    }
    switch (n) {
    case 1:
        if (v & 1) {
            guest_error(&s->ctx, "initialisation block at an odd address");
        }
        s->csr1 = v;
        break;
    case 2:
        if (v & ~LANCE_CSR2_MASK) {
            guest_error(&s->ctx, "CSR2 <- 0x%04x: bits 15:8 reserved", v);
        }
        s->csr2 = v & LANCE_CSR2_MASK;
        break;
    default:
        if (v & ~LANCE_CSR3_MASK) {
            guest_error(&s->ctx, "CSR3 <- 0x%04x: bits 15:3 reserved", v);
        }
        s->csr3 = v & LANCE_CSR3_MASK;
        break;
    }
}

/* Only aligned 16-bit accesses reach the ports (see the top) */
static bool lance_access_ok(Lance *s, uint32_t off, unsigned size,
                            bool write)
{
    if (size != 2 || (off & 1)) {
        guest_error(&s->ctx, "%u-byte %s at +%u refused: 16-bit ports",
                    size, write ? "write" : "read", off);
        return false;
    }
    return true;
}

static BusStatus lance_read(void *opaque, uint32_t off, unsigned size,
                            uint32_t *val)
{
    Lance *s = opaque;
    if (!lance_access_ok(s, off, size, false)) {
        return BUS_ERR_SIZE;
    }
    *val = off == LANCE_RAP ? s->rap : lance_csr_read(s, s->rap);
    return BUS_OK;
}

static BusStatus lance_write(void *opaque, uint32_t off, unsigned size,
                             uint32_t val)
{
    Lance *s = opaque;
    uint16_t v = (uint16_t)val;
    if (!lance_access_ok(s, off, size, true)) {
        return BUS_ERR_SIZE;
    }
    if (off == LANCE_RAP) {
        if (v & ~LANCE_RAP_MASK) {
            guest_error(&s->ctx, "RAP <- 0x%04x: bits 15:2 reserved", v);
        }
        s->rap = v & LANCE_RAP_MASK;
    } else {
        lance_csr_write(s, s->rap, v);
    }
    return BUS_OK;
}

/* Reads have no side effect; CSR0 changes only by a write, an event
 * (initialisation, end of a frame, the ring poll) or a backend's
 * lance_receive, itself called from an event. */
static bool lance_is_stable(void *opaque, uint32_t off)
{
    (void)opaque;
    (void)off;
    return true;
}

/* 1..4 so that a wrong width reaches lance_access_ok and is logged */
const MmioOps lance_ops = {
    .read = lance_read,
    .write = lance_write,
    .min_size = 1,
    .max_size = 4,
    .is_stable = lance_is_stable,
};

void lance_dma_reset(void *opaque)
{
    Lance *s = opaque;
    lance_stop(s);
    s->csr3 = 0;
    s->rap = 0;
    dev_trace(&s->ctx, "reset by ledma");
    lance_update_irq(s);
}

void lance_reset(Lance *s)
{
    lance_stop(s);
    s->csr1 = s->csr2 = s->csr3 = 0;
    s->rap = 0;
    lance_update_irq(s);
}

void lance_init(Lance *s, const DevCtx *ctx, IrqLine irq)
{
    memset(s, 0, sizeof(*s));
    s->ctx = *ctx;
    s->irq = irq;
    ev_init(&s->init_event, "le-init", lance_init_event, s);
    ev_init(&s->tx_event, "le-tx", lance_tx_event, s);
    ev_init(&s->poll_event, "le-poll", lance_poll_event, s);
    ev_init(&s->rx_event, "le-rx", lance_rx_event, s);
    lance_reset(s);
    if (ctx->bus) {
        dev_map(ctx, 0, LANCE_REG_SIZE, &lance_ops, s, NULL);
    }
}

void lance_free(Lance *s)
{
    sg_free(&s->rx_gp);
}

void lance_attach_dma(Lance *s, DmaEngine *eng, DmaStage *first)
{
    s->eng = eng;
    s->first = first;
}

void lance_set_tx(Lance *s, LanceTxFn *fn, void *opaque)
{
    s->tx_fn = fn;
    s->tx_opaque = opaque;
}

/*
 * A frame from the wire.  The receiver must be on (RXON) and the frame
 * pass the address filter; the chip stores it with its FCS (computed
 * here: backends deliver frames without it), so MCNT is len + 4, as
 * sunlance expects (it subtracts 4).  The frame takes its wire time after
 * the previous one (10 Mb/s); its data is in the buffers at once, its
 * descriptors come back and RINT rises at its end.  SIMPLIFY: runts and
 * frames over 1518 bytes are taken as they come (cut to LANCE_FRAME_MAX);
 * no CRC or framing errors.
 */
bool lance_receive(Lance *s, const uint8_t *frame, size_t len)
{
    uint8_t fcs[4];
    Cycles end;
    bool ok;

    /* (in loopback the chip is off the wire) */
    if (!lance_listening(s) || len < 6 || !lance_accept(s, frame)) {
        return false;
    }
    if (len > LANCE_FRAME_MAX) {
        len = LANCE_FRAME_MAX;
    }
    lance_put_fcs(fcs, frame, len);
    end = lance_rx_wire_end(s, len + 4);
    ok = lance_rx_store(s, frame, len, fcs, end);
    if (ok) {
        s->rx_wire_free = end;
    }
    lance_update_irq(s);
    return ok;
}

/*
 * Zero-copy receive.  The buffers of the next owned descriptors (enough
 * for the largest frame and its FCS) are mapped through the chain to host
 * iovecs, which cover LANCE_FRAME_MAX bytes (the FCS goes after the
 * frame).  Only with BSWP (bytes in wire order) and when the copying path
 * would take the frame at once; otherwise 0 (copy) or -1 (busy).
 */
int lance_rx_map(Lance *s, struct iovec *iov, int max)
{
    uint16_t d[4];
    SgList in;
    DmaFault f = { 0 };
    size_t left = LANCE_FRAME_MAX, bcnt;
    int niov = 0, k;

    s->rx_mapped = false;
    if (lance_rx_wait(s)) {
        return -1;
    }
    if (!lance_listening(s) || !(s->csr3 & LANCE_CSR3_BSWP)) {
        return 0;
    }
    /* Only a first buffer that holds any frame with its FCS (Linux's
     * 1544-byte buffers): mapping chained ones ahead of the frame could
     * fault where the frame would never have reached.  SIMPLIFY: a
     * buffer that large but partly unmapped reports its IOMMU fault
     * before the copying path takes the frame. */
    if (!lance_rd_words(s, lance_rmd(s, s->rx_idx), d, 4)) {
        return 0;                       /* (MERR raised) */
    }
    bcnt = lance_bcnt(d[2]);
    if (bcnt < LANCE_FRAME_MAX + 4) {
        return 0;                       /* the copying path chains */
    }
    sg_init(&in);
    sg_clear(&s->rx_gp);
    if (sg_add(&in, ((uint32_t)(d[1] & 0xff) << 16) | d[0], bcnt) ||
        dma_map(s->first, &in, DMA_TO_MEM, &s->rx_gp, &f) != bcnt ||
        dma_mem_iov(s->eng, &s->rx_gp, DMA_TO_MEM, s->rx_iov, LANCE_RX_IOV,
                    &s->rx_niov, &f) != bcnt) {
        sg_free(&in);
        return 0;                       /* a fault: the copying path */
    }
    sg_free(&in);
    for (k = 0; k < s->rx_niov && niov < max && left; k++) {
        iov[niov] = s->rx_iov[k];
        if (iov[niov].iov_len > left) {
            iov[niov].iov_len = left;
        }
        left -= iov[niov].iov_len;
        niov++;
    }
    if (left) {
        return 0;                       /* iov too small */
    }
    s->rx_mapped = true;
    return niov;
}

/* Write n bytes at offset off of the mapped buffers (host memory) */
static void lance_rx_map_put(Lance *s, size_t off, const uint8_t *p,
                             size_t n)
{
    int k;

    for (k = 0; k < s->rx_niov && n; k++) {
        size_t l = s->rx_iov[k].iov_len;
        if (off < l) {
            size_t c = l - off < n ? l - off : n;
            memcpy((uint8_t *)s->rx_iov[k].iov_base + off, p, c);
            p += c;
            n -= c;
            off = 0;
        } else {
            off -= l;
        }
    }
}

/* CRC-32 of the first len bytes of the mapped buffers */
static uint32_t lance_rx_map_crc(const Lance *s, size_t len)
{
    uLong crc = crc32(0L, Z_NULL, 0);
    int k;

    for (k = 0; k < s->rx_niov && len; k++) {
        size_t c = s->rx_iov[k].iov_len < len ? s->rx_iov[k].iov_len : len;
        crc = crc32(crc, s->rx_iov[k].iov_base, (uInt)c);
        len -= c;
    }
    return (uint32_t)crc;
}

bool lance_rx_commit(Lance *s, size_t len)
{
    uint8_t da[6], fcs[4];
    uint32_t crc;
    size_t need;
    LanceRxFrame f = { .first = s->rx_idx };
    DmaFault fault = { 0 };

    if (!s->rx_mapped) {
        return false;
    }
    s->rx_mapped = false;
    if (len > LANCE_FRAME_MAX) {
        len = LANCE_FRAME_MAX;      /* cut, as lance_receive does */
    }
    /* the host wrote there, taken or not: the CPU drops code it decoded
     * in those bytes (a frame that is not taken leaves them in buffers
     * the chip owns, which the driver does not read) */
    dma_mem_written(s->eng, &s->rx_gp, len);
    if (len < 6 ||
        dma_mem_read(s->eng, &s->rx_gp, da, 6, &fault) != 6 ||
        !lance_accept(s, da)) {
        return false;
    }
    crc = lance_rx_map_crc(s, len);
    fcs[0] = (uint8_t)crc;
    fcs[1] = (uint8_t)(crc >> 8);
    fcs[2] = (uint8_t)(crc >> 16);
    fcs[3] = (uint8_t)(crc >> 24);
    lance_rx_map_put(s, len, fcs, 4);
    need = len + 4;
    dma_mem_written(s->eng, &s->rx_gp, need);
    f.ndesc = 1;                        /* one buffer holds it */
    f.mcnt = (uint16_t)need;
    f.end = lance_rx_wire_end(s, need);
    s->rx_wire_free = f.end;
    s->rx_idx = (s->rx_idx + 1) & (s->rlen - 1);
    lance_rx_queue(s, &f);
    lance_update_irq(s);
    return true;
}

/* SIMPLIFY: the chip takes a frame into buffers it owns while earlier
 * ones are still on the wire (at most LANCE_RX_PIPE); on the chip the
 * frames would reach memory one after the other, as they arrive. */
Cycles lance_rx_wait(Lance *s)
{
    uint16_t d[4];

    if (!lance_listening(s)) {
        return 0;
    }
    if (s->rxp_n == LANCE_RX_PIPE || s->rx_reserved >= s->rlen) {
        return s->rxp[s->rxp_head].end;
    }
    if (!lance_rd_words(s, lance_rmd(s, s->rx_idx), d, 4)) {
        lance_update_irq(s);            /* MERR: the receiver is off */
        return 0;
    }
    if (d[1] & (LANCE_D1_OWN << 8)) {
        return 0;
    }
    /* no buffer: the driver returns them when it has seen RINT */
    return s->rxp_n ? s->rxp[s->rxp_head].end : CYCLES_NEVER;
}

void lance_set_rx_ready(Lance *s, void (*fn)(void *opaque), void *opaque)
{
    s->rx_ready_fn = fn;
    s->rx_ready_opaque = opaque;
}

void lance_rx_missed(Lance *s)
{
    if (s->csr0 & LANCE_CSR0_RXON) {
        s->csr0 |= LANCE_CSR0_MISS;
        s->rx_missed++;
        lance_update_irq(s);
    }
}
