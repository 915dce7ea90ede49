/*
 * Unit tests of the ESP SCSI controller (hw/chips/esp.c) as a SCSI
 * initiator, with no CPU, in the manner of QEMU's qtests: the chips are
 * mapped on a real Bus with guest RAM at their SS-5 addresses and driven
 * with bus_read/bus_write as a driver would; time advances by firing the
 * event queue.
 *
 * The rig is the SS-5's: ESP -> espdma channel (DMA2) -> IOMMU -> memory,
 * with the real DMA chain and its host AIO (dma/chain.h), and real SCSI
 * targets (hw/scsi/scsi.h): a disk at ID 3 backed by a temporary image and
 * a CD-ROM drive without a disc at ID 6.  The IOMMU maps a 256 KB DVMA
 * window at 0xfe000000 onto physical pages in reverse order, so every
 * transfer that crosses a page is scattered.
 *
 * Two drivers are played: Linux 6.1's esp_scsi.c / sun_esp.c (selection
 * with ATN and DMA, DMA data phases with the channel invalidated after
 * each, ICCS, MESSAGE ACCEPTED, the disconnect; the select-and-stop with
 * SDTR; tagged commands), and OpenBIOS's drivers/esp.c (hw/README.md
 * §ESP: SELATN+DMA of IDENTIFY and the CDB, TI+DMA of the reply, STAT.TC
 * required at each step, the espdma CSR polled, never ICCS).
 *
 * Built and run by `make check-unit`.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dma/chain.h"
#include "hw/chips/dma2.h"
#include "hw/chips/esp.h"
#include "hw/chips/iommu.h"
#include "hw/core/bus.h"
#include "hw/core/event.h"
#include "hw/host/block.h"
#include "hw/scsi/scsi.h"
#include "rig.h"

#define CPU_HZ 110000000ull
#define NS(ns) ((Cycles)(CPU_HZ * (uint64_t)(ns) / 1000000000ull))
#define RAM_SIZE 0x400000u          /* 4 MB */
#define IOMMU_PA 0x10000000ull
#define DMA_PA 0x78400000ull
#define ESP_PA 0x78800000ull
#define TABLE_PA 0x100000u          /* IOPTEs of the 32 MB window */
#define DATA_PA 0x200000u           /* the pages the IOMMU maps */
#define NPAGES 64                   /* 256 KB of DVMA */
#define DVMA_BASE 0xfe000000u
#define CMD_DVMA DVMA_BASE          /* Linux's command block */
#define DATA_DVMA (DVMA_BASE + 0x1800u)     /* data: straddles pages */
#define OB_DVMA (DVMA_BASE + 0x20000u)      /* OpenBIOS's buffer */

#define SRC_IOMMU 30
#define SRC_SCSI 18
#define SRC_ETHER 16

#define DISK_ID 3
#define CD_ID 6
#define DISK_BLOCKS 2048u           /* 1 MB */

/* ---- Fixture (CUnit tests take no arguments: file scope) ---- */

static UnitRig rig;
static FILE *logfile;
static DmaEngine eng;
static Iommu iommu;
static Dma2 dma;
static Esp esp;
static ScsiTarget disk, cd;
static char img[64];

/* the board's wiring of the espdma channel for the ESP */
static void espdma_advance(void *ch, uint32_t n)
{
    dma2_advance(ch, n);
}

static bool espdma_to_memory(void *ch)
{
    return dma2_to_memory(ch);
}

/* The image: byte o is a function of its offset and block */
static uint8_t img_byte(uint64_t o)
{
    return (uint8_t)(o * 7 + (o >> 9) * 13 + 1);
}

static void make_image(void)
{
    static uint8_t chunk[65536];
    uint64_t off;
    unsigned i;
    int fd;

    snprintf(img, sizeof(img), "/tmp/sun4m-esp-XXXXXX");
    fd = mkstemp(img);
    CU_ASSERT_FATAL(fd >= 0);
    for (off = 0; off < DISK_BLOCKS * 512ull; off += sizeof(chunk)) {
        for (i = 0; i < sizeof(chunk); i++) {
            chunk[i] = img_byte(off + i);
        }
        CU_ASSERT_FATAL(write(fd, chunk, sizeof(chunk)) ==
                        (ssize_t)sizeof(chunk));
    }
    close(fd);
}

static uint8_t *ram(uint64_t pa)
{
    return rig_ram(&rig, pa);
}

static uint64_t phys_of(uint32_t dvma)
{
    unsigned page = (dvma - DVMA_BASE) >> 12;
    return DATA_PA + (uint64_t)(NPAGES - 1 - page) * 4096 + (dvma & 0xfff);
}

static void dvma_write(uint32_t dvma, const uint8_t *b, unsigned n)
{
    unsigned i;
    for (i = 0; i < n; i++) {
        *ram(phys_of(dvma + i)) = b[i];
    }
}

static void dvma_read(uint32_t dvma, uint8_t *b, unsigned n)
{
    unsigned i;
    for (i = 0; i < n; i++) {
        b[i] = *ram(phys_of(dvma + i));
    }
}

static void put_be32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

static void set_iopte(unsigned page, bool valid)
{
    uint64_t pa = DATA_PA + (uint64_t)(NPAGES - 1 - page) * 4096;
    uint32_t pte = ((uint32_t)(pa >> 4) & IOMMU_IOPTE_PAGE) |
                   IOMMU_IOPTE_WRITE | (valid ? IOMMU_IOPTE_VALID : 0);
    put_be32(ram(TABLE_PA + 4 * page), pte);
}

/* every DVMA page mapped, writable */
static void map_all_pages(void)
{
    unsigned i;
    for (i = 0; i < NPAGES; i++) {
        set_iopte(i, true);
    }
}

static uint32_t rd32(GPAddr pa)
{
    return rig_rd(&rig, pa, 4);
}

static void wr32(GPAddr pa, uint32_t v)
{
    rig_wr(&rig, pa, 4, v);
}

static uint8_t esp_rd(unsigned reg)
{
    return (uint8_t)rig_rd(&rig, ESP_PA + reg * 4, 1);
}

static void esp_wr(unsigned reg, uint8_t v)
{
    rig_wr(&rig, ESP_PA + reg * 4, 1, v);
}

/* bytes into the FIFO, as a driver's PIO loop */
static void fifo_put(const uint8_t *b, unsigned n)
{
    unsigned i;
    for (i = 0; i < n; i++) {
        esp_wr(ESP_FIFO, b[i]);
    }
}

/* the start count of the next DMA command, 16 bits */
static void set_tc(uint32_t count)
{
    esp_wr(ESP_TCLO, (uint8_t)count);
    esp_wr(ESP_TCMID, (uint8_t)(count >> 8));
}

static uint32_t esp_tc(void)
{
    return esp_rd(ESP_TCLO) | (uint32_t)esp_rd(ESP_TCMID) << 8;
}

/* n bytes of the image at byte offset off, read from the host file */
static void image_pread(uint8_t *b, unsigned n, uint64_t off)
{
    int fd = open(img, O_RDONLY);
    CU_ASSERT_FATAL(fd >= 0);
    CU_ASSERT_EQUAL(pread(fd, b, n, (off_t)off), (ssize_t)n);
    close(fd);
}

static void teardown(void)
{
    if (!rig.up) {
        return;
    }
    esp_free(&esp);
    scsi_target_free(&disk);
    scsi_target_free(&cd);
    dma_engine_free(&eng);
    rig_down(&rig);
    if (img[0]) {
        unlink(img);
        img[0] = '\0';
    }
}

static void setup(void)
{
    DevCtx c;
    BlockDev b;
    char err[256];

    teardown();
    rig_up(&rig, RAM_SIZE, CPU_HZ);
    if (logfile) {
        rig.log.out = logfile;      /* host error lines stay quiet */
    }
    dma_engine_init(&eng, &rig.bus, &rig.q, CPU_HZ, &rig.log);

    rig_iommu(&rig, &iommu, IOMMU_PA, SRC_IOMMU);
    rig_dma2(&rig, &dma, DMA_PA, SRC_SCSI, SRC_ETHER);
    dma2_stage(&dma.esp, iommu_stage(&iommu));
    c = rig_ctx(&rig, "esp", LOG_ESP, ESP_PA, ESP_REG_SIZE);
    esp_init(&esp, &c, ESP_CLOCK_SS5, dma2_device_line(&dma.esp));
    dma2_connect(&dma.esp, &esp, esp_dma_reset, esp_dma_enable);
    esp_attach_dma(&esp, &eng, &dma.esp.stage, espdma_advance,
                   espdma_to_memory, &dma.esp);

    make_image();
    memset(&b, 0, sizeof(b));
    CU_ASSERT_FATAL(block_open(&b, img, false, false, err, sizeof(err)) ==
                    0);
    c = unit_ctx(NULL, &rig.q, CPU_HZ, &rig.log, "sd3", LOG_SCSI, 0, 0);
    scsi_target_init(&disk, &c, DISK_ID, SCSI_DISK, &b);
    memset(&b, 0, sizeof(b));
    b.fd = -1;                      /* a drive without a disc */
    c = unit_ctx(NULL, &rig.q, CPU_HZ, &rig.log, "sr6", LOG_SCSI, 0, 0);
    scsi_target_init(&cd, &c, CD_ID, SCSI_CDROM, &b);
    esp_attach_target(&esp, DISK_ID, &disk);
    esp_attach_target(&esp, CD_ID, &cd);

    /* the IOMMU: 32 MB window at 0xfe000000 (OpenBIOS's), pages
     * scattered */
    map_all_pages();
    wr32(IOMMU_PA + IOMMU_CTRL, 0x05000005u);
    wr32(IOMMU_PA + IOMMU_BASE, TABLE_PA >> 4);
}

/* Fire events until the ESP interrupts (at most 2 virtual seconds). */
static bool wait_esp(void)
{
    Cycles limit = rig.now + 2 * CPU_HZ;
    while (!esp.irq_level) {
        if (!rig_step(&rig, limit)) {
            return false;
        }
    }
    return true;
}

/* An interrupt as Linux's __esp_interrupt takes it: STAT, SSTEP, INTR. */
typedef struct Irq {
    uint8_t stat, seq, intr;
} Irq;

static Irq take_irq(void)
{
    Irq q = { 0, 0, 0 };
    CU_ASSERT_TRUE(wait_esp());
    q.stat = esp_rd(ESP_RSTAT);
    q.seq = esp_rd(ESP_RSEQ) & 7;
    q.intr = esp_rd(ESP_RINTR);
    return q;
}

/* A command and its interrupt */
static Irq esp_cmd(uint8_t cmd)
{
    esp_wr(ESP_CMD, cmd);
    return take_irq();
}

/* A TI through the FIFO that ends in bus service with the target in
 * phase */
static void ti_to_phase(uint8_t phase)
{
    Irq q = esp_cmd(ESP_CMD_TI);
    CU_ASSERT_EQUAL(q.intr, ESP_INTR_BS);
    CU_ASSERT_EQUAL(q.stat & ESP_STAT_PHASE, phase);
}

/* ---- Linux 6.1 esp_scsi.c + sun_esp.c, played ---- */

/* sun_esp.c sbus_esp_send_dma_cmd */
static void send_dma_cmd(uint32_t addr, uint32_t count, bool write,
                         uint8_t cmd)
{
    uint32_t csr;
    set_tc(count);
    csr = rd32(DMA_PA + DMA2_CSR) | DMA2_CSR_EN;
    csr = write ? csr | DMA2_CSR_WRITE : csr & ~DMA2_CSR_WRITE;
    wr32(DMA_PA + DMA2_CSR, csr);
    wr32(DMA_PA + DMA2_ADDR, addr);
    esp_wr(ESP_CMD, cmd);
    /* nothing completes inside the register write */
    CU_ASSERT_EQUAL(esp_rd(ESP_RSTAT) & ESP_STAT_INT, 0);
}

/* n bytes from b put at CMD_DVMA and sent by the DMA command cmd (the
 * DMA bit added); its interrupt */
static Irq dma_out(const uint8_t *b, unsigned n, uint8_t cmd)
{
    dvma_write(CMD_DVMA, b, n);
    send_dma_cmd(CMD_DVMA, n, false, cmd | ESP_CMD_DMA);
    return take_irq();
}

/* A TI with DMA of n bytes in to dvma; its interrupt */
static Irq dma_in(uint32_t dvma, uint32_t n)
{
    send_dma_cmd(dvma, n, true, ESP_CMD_TI | ESP_CMD_DMA);
    return take_irq();
}

/* sbus_esp_dma_invalidate */
static void dma_invalidate(void)
{
    uint32_t v = rd32(DMA_PA + DMA2_CSR);
    v &= ~(DMA2_CSR_EN | DMA2_CSR_WRITE);
    wr32(DMA_PA + DMA2_CSR, v | DMA2_CSR_FIFO_INV);
    wr32(DMA_PA + DMA2_CSR, v);
}

/* esp_bootup_reset's bus reset: SRRDISAB set, so no interrupt (CFG1 is
 * left for the caller to restore) */
static void quiet_bus_reset(void)
{
    esp_wr(ESP_CFG1, esp_rd(ESP_CFG1) | ESP_CFG1_SRRDISAB);
    esp_wr(ESP_CMD, ESP_CMD_BUSRESET);
    rig_run_for(&rig, NS(400000));
}

/* esp_reset_esp up to the revision check: reset, NOP with DMA, features
 * enabled, NOP with DMA */
static void linux_reset_esp(void)
{
    esp_wr(ESP_CMD, ESP_CMD_RESET);
    esp_wr(ESP_CMD, ESP_CMD_NOP | ESP_CMD_DMA);
    esp_wr(ESP_CFG2, ESP_CFG2_FENAB);
    esp_wr(ESP_CMD, ESP_CMD_NOP | ESP_CMD_DMA);
}

/* sbus_esp_reset_dma + esp_reset_esp + esp_bootup_reset */
static void linux_bootup(void)
{
    uint32_t v = rd32(DMA_PA + DMA2_CSR);
    wr32(DMA_PA + DMA2_CSR, v | DMA2_CSR_RESET);
    wr32(DMA_PA + DMA2_CSR, v & ~DMA2_CSR_RESET);
    wr32(DMA_PA + DMA2_CSR, rd32(DMA_PA + DMA2_CSR) | DMA2_CSR_3CLKS);
    wr32(DMA_PA + DMA2_CSR, rd32(DMA_PA + DMA2_CSR) | DMA2_CSR_INT_EN);
    linux_reset_esp();
    CU_ASSERT_EQUAL((esp_rd(ESP_TCHI) & 0xf8) >> 3, 0);    /* FAS100A */
    esp_wr(ESP_CFG1, 0x17);         /* PENABLE | id 7 */
    esp_wr(ESP_CFG2, 0);
    esp_wr(ESP_CFG3, 0x01);         /* FCLOCK */
    esp_wr(ESP_WCCF, 0);            /* 40 MHz: 8 */
    esp_wr(ESP_WSYNCPER, 0);
    esp_wr(ESP_WSYNCOFF, 0);
    esp_wr(ESP_WSTO, 152);          /* 250 ms */
    (void)esp_rd(ESP_RINTR);
    quiet_bus_reset();
    esp_wr(ESP_CFG1, 0x17);
    (void)esp_rd(ESP_RINTR);
    CU_ASSERT_FALSE(rig.irq.level[SRC_SCSI]);
}

typedef struct Cmd {
    unsigned id, lun;
    uint8_t cdb[16];
    unsigned cdb_len;
    uint32_t data_dvma;             /* Linux's scatterlist, one entry */
    uint32_t data_len;
    uint32_t max_chunk;             /* 0: 64 KB */
    uint8_t tag;                    /* nonzero: SELATN3, a simple tag */
    bool sdtr;                      /* select and stop, negotiate */
    /* what happened */
    int result;                     /* 0, or -1 for DID_BAD_TARGET */
    Irq sel;
    uint8_t status, message;
    uint32_t moved;
    unsigned data_tis;
    bool dma_error;
} Cmd;

/* A single-byte message in (esp_process_event ESP_EVENT_MSGIN): FLUSH,
 * TI, FC with the byte in the FIFO, MESSAGE ACCEPTED. */
static uint8_t msgin_byte(Irq *q)
{
    uint8_t b;
    esp_wr(ESP_CMD, ESP_CMD_FLUSH);
    *q = esp_cmd(ESP_CMD_TI);
    CU_ASSERT_EQUAL(q->intr, ESP_INTR_FC);
    CU_ASSERT_EQUAL(q->stat & ESP_STAT_PHASE, ESP_PHASE_MI);
    CU_ASSERT_EQUAL(esp_rd(ESP_RFLAGS) & ESP_FLAGS_COUNT, 1);
    b = esp_rd(ESP_FIFO);
    *q = esp_cmd(ESP_CMD_MSGACC);
    return b;
}

/* One command, the way esp_scsi.c runs it. */
static void linux_cmd(Cmd *c)
{
    uint8_t blk[32];
    unsigned n = 0, i, guard;
    Irq q;

    blk[n++] = (uint8_t)(0xc0 | c->lun);     /* IDENTIFY, disconnect ok */
    if (c->sdtr) {
        /* esp_maybe_execute_command: negotiation, select and stop */
        esp_wr(ESP_WBUSID, (uint8_t)c->id);
        q = dma_out(blk, n, ESP_CMD_SELATNS);
    } else {
        if (c->tag) {
            blk[n++] = 0x20;        /* SIMPLE QUEUE TAG */
            blk[n++] = c->tag;
        }
        memcpy(blk + n, c->cdb, c->cdb_len);
        n += c->cdb_len;
        esp_wr(ESP_WBUSID, (uint8_t)c->id);
        q = dma_out(blk, n, c->tag ? ESP_CMD_SELATN3 : ESP_CMD_SELATN);
    }
    c->sel = q;
    /* esp_finish_select */
    if (q.intr == ESP_INTR_DC) {
        esp_wr(ESP_CMD, ESP_CMD_ENSEL);
        c->result = -1;
        return;
    }
    c->dma_error = rd32(DMA_PA + DMA2_CSR) & DMA2_CSR_ERR_PEND;
    dma_invalidate();
    CU_ASSERT_EQUAL(q.intr, ESP_INTR_FC | ESP_INTR_BS);
    c->result = 0;
    for (guard = 0; guard < 200; guard++) {
        switch (q.stat & ESP_STAT_PHASE) {
        case ESP_PHASE_DI:
        case ESP_PHASE_DO: {
            bool in = (q.stat & ESP_STAT_PHASE) == ESP_PHASE_DI;
            uint32_t len = c->data_len - c->moved, sent;
            uint32_t lim = c->max_chunk ? c->max_chunk : 0x10000;
            if (len > lim) {
                len = lim;
            }
            CU_ASSERT_FATAL(len > 0);
            send_dma_cmd(c->data_dvma + c->moved, len, in,
                         ESP_CMD_TI | ESP_CMD_DMA);
            q = take_irq();
            c->data_tis++;
            if (rd32(DMA_PA + DMA2_CSR) & DMA2_CSR_ERR_PEND) {
                /* "data done, DMA error, resetting" */
                c->dma_error = true;
                return;
            }
            dma_invalidate();
            CU_ASSERT_EQUAL(q.intr, ESP_INTR_BS);
            sent = len - ((q.stat & ESP_STAT_TC) ? 0 : esp_tc());
            CU_ASSERT_EQUAL(esp_rd(ESP_RFLAGS) & ESP_FLAGS_COUNT, 0);
            esp_wr(ESP_CMD, ESP_CMD_FLUSH);
            c->moved += sent;
            break;
        }
        case ESP_PHASE_ST:
            esp_wr(ESP_CMD, ESP_CMD_FLUSH);
            esp_wr(ESP_CMD, ESP_CMD_ICCS);
            CU_ASSERT_EQUAL(esp_rd(ESP_RSTAT) & ESP_STAT_INT, 0);
            q = take_irq();
            CU_ASSERT_EQUAL(q.intr, ESP_INTR_FC);
            CU_ASSERT_EQUAL(q.stat & ESP_STAT_PHASE, ESP_PHASE_MI);
            CU_ASSERT_EQUAL(esp_rd(ESP_RFLAGS) & ESP_FLAGS_COUNT, 2);
            c->status = esp_rd(ESP_FIFO);
            c->message = esp_rd(ESP_FIFO);
            q = esp_cmd(ESP_CMD_MSGACC);
            /* ESP_EVENT_FREE_BUS */
            CU_ASSERT_EQUAL(q.intr, ESP_INTR_DC);
            esp_wr(ESP_CMD, ESP_CMD_ENSEL);
            CU_ASSERT_PTR_NULL(esp.cur);
            return;
        case ESP_PHASE_MO: {
            /* ESP_EVENT_MSGOUT: the SDTR by DMA (spi_populate_sync_msg:
             * period factor 25, offset 15) */
            static const uint8_t sdtr[5] = { 0x01, 0x03, 0x01, 25, 15 };
            esp_wr(ESP_CMD, ESP_CMD_FLUSH);
            q = dma_out(sdtr, 5, ESP_CMD_TI);
            dma_invalidate();
            esp_wr(ESP_CMD, ESP_CMD_NOP);
            break;
        }
        case ESP_PHASE_MI: {
            /* the SDTR answer, a byte at a time */
            uint8_t m[5];
            for (i = 0; i < 5; i++) {
                m[i] = msgin_byte(&q);
            }
            CU_ASSERT_EQUAL(m[0], 0x01);
            CU_ASSERT_EQUAL(m[1], 3);
            CU_ASSERT_EQUAL(m[2], 0x01);
            CU_ASSERT_EQUAL(m[3], 25);
            CU_ASSERT_EQUAL(m[4], 15);
            /* esp_setsync: what the guest programs */
            esp_wr(ESP_WSYNCOFF, (uint8_t)(15 | 32));
            esp_wr(ESP_WSYNCPER, 4);
            CU_ASSERT_EQUAL(q.intr, ESP_INTR_BS);
            break;
        }
        case ESP_PHASE_CD:
            /* ESP_EVENT_CMD_START: the CDB after a select-and-stop */
            q = dma_out(c->cdb, c->cdb_len, ESP_CMD_TI);
            dma_invalidate();
            CU_ASSERT_EQUAL(q.intr, ESP_INTR_BS);
            break;
        default:
            CU_FAIL("unexpected phase");
            return;
        }
    }
    CU_FAIL("command did not end");
}

static Cmd mk_cmd(unsigned id, const uint8_t *cdb, unsigned cdb_len,
                  uint32_t data_len)
{
    Cmd c;
    memset(&c, 0, sizeof(c));
    c.id = id;
    memcpy(c.cdb, cdb, cdb_len);
    c.cdb_len = cdb_len;
    c.data_dvma = DATA_DVMA;
    c.data_len = data_len;
    return c;
}

static Cmd rw10(bool write, uint32_t lba, uint16_t blocks)
{
    uint8_t cdb[10] = { write ? 0x2a : 0x28, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
    put_be32(cdb + 2, lba);
    cdb[7] = (uint8_t)(blocks >> 8);
    cdb[8] = (uint8_t)blocks;
    return mk_cmd(DISK_ID, cdb, 10, blocks * 512u);
}

/* c run by linux_cmd, with what happened */
static Cmd linux_do(Cmd c)
{
    linux_cmd(&c);
    return c;
}

/* REQUEST SENSE for 96 bytes, as esp_autosense; the first 18 in s */
static Cmd request_sense(uint8_t s[18])
{
    static const uint8_t rs[6] = { 0x03, 0, 0, 0, 96, 0 };
    Cmd c = linux_do(mk_cmd(DISK_ID, rs, 6, 96));
    dvma_read(DATA_DVMA, s, 18);
    return c;
}

static bool image_matches(uint32_t dvma, uint64_t off, unsigned n)
{
    unsigned i;
    for (i = 0; i < n; i++) {
        if (*ram(phys_of(dvma + i)) != img_byte(off + i)) {
            return false;
        }
    }
    return true;
}

/* Clear the disk's power-on unit attention, as the SCSI scan does. */
static void clear_ua(void)
{
    static const uint8_t tur[6] = { 0 };
    CU_ASSERT_EQUAL(linux_do(mk_cmd(DISK_ID, tur, 6, 0)).status,
                    SCSI_STATUS_CHECK);
    CU_ASSERT_EQUAL(linux_do(mk_cmd(DISK_ID, tur, 6, 0)).status,
                    SCSI_STATUS_GOOD);
}

/* A READ(10) of blocks at lba through linux_cmd, in TIs of at most
 * max_chunk bytes (0: 64 KB): good status, every byte of the image, in
 * tis TIs. */
static void linux_read_ok(uint32_t lba, uint16_t blocks, uint32_t max_chunk,
                          unsigned tis)
{
    Cmd c = rw10(false, lba, blocks);
    c.max_chunk = max_chunk;
    linux_cmd(&c);
    CU_ASSERT_EQUAL(c.status, SCSI_STATUS_GOOD);
    CU_ASSERT_EQUAL(c.moved, blocks * 512u);
    CU_ASSERT_EQUAL(c.data_tis, tis);
    CU_ASSERT_TRUE(image_matches(DATA_DVMA, lba * 512ull, blocks * 512u));
}

/* n bytes of data, byte i = i * mul + add, in out and at DATA_DVMA */
static void data_pattern(uint8_t *out, unsigned n, unsigned mul,
                         unsigned add)
{
    unsigned i;
    for (i = 0; i < n; i++) {
        out[i] = (uint8_t)(i * mul + add);
    }
    dvma_write(DATA_DVMA, out, n);
}

/* The fixture, Linux's bootup reset, the unit attention cleared */
static void setup_linux(void)
{
    setup();
    linux_bootup();
    clear_ua();
}

/* By hand, what linux_cmd does first: a DMA select with ATN of c's
 * IDENTIFY (identify) and CDB; the selection's interrupt. */
static Irq select_by_hand(const Cmd *c, uint8_t identify)
{
    uint8_t blk[17];
    blk[0] = identify;
    memcpy(blk + 1, c->cdb, c->cdb_len);
    esp_wr(ESP_WBUSID, (uint8_t)c->id);
    return dma_out(blk, 1 + c->cdb_len, ESP_CMD_SELATN);
}

/* By hand, the end of a command in STATUS: ICCS, the status byte and
 * COMMAND COMPLETE in the FIFO, MESSAGE ACCEPTED, the disconnect; its
 * interrupt. */
static Irq complete_by_hand(uint8_t status)
{
    Irq q;
    (void)esp_cmd(ESP_CMD_ICCS);
    CU_ASSERT_EQUAL(esp_rd(ESP_FIFO), status);
    CU_ASSERT_EQUAL(esp_rd(ESP_FIFO), 0);
    q = esp_cmd(ESP_CMD_MSGACC);
    CU_ASSERT_EQUAL(q.intr, ESP_INTR_DC);
    return q;
}

/* ---- registers ---- */

static void test_reset_values(void)
{
    setup();
    CU_ASSERT_EQUAL(esp_rd(ESP_CFG1), 7);
    CU_ASSERT_EQUAL(esp_rd(ESP_TCHI), ESP_CHIP_ID_FAS100A);
    CU_ASSERT_EQUAL(esp_rd(ESP_RSTAT), 0);
    CU_ASSERT_EQUAL(esp_rd(ESP_RINTR), 0);
    CU_ASSERT_EQUAL(esp_rd(ESP_RSEQ), 0);
    CU_ASSERT_EQUAL(esp_rd(ESP_RFLAGS), 0);
    CU_ASSERT_EQUAL(esp_rd(ESP_TCLO), 0);
    CU_ASSERT_FALSE(esp.dma_enabled);
    /* bytes anywhere in the register's word reach it */
    CU_ASSERT_EQUAL(rig_rd(&rig, ESP_PA + ESP_CFG1 * 4 + 3, 1), 7);
    CU_ASSERT_TRUE(rig_stable(&rig, ESP_PA + ESP_RSTAT * 4, 1));
    CU_ASSERT_FALSE(rig_stable(&rig, ESP_PA + ESP_RINTR * 4, 1));
    CU_ASSERT_FALSE(rig_stable(&rig, ESP_PA + ESP_FIFO * 4, 1));
    /* access sizes: byte reads, byte or word writes (low byte) */
    CU_ASSERT_EQUAL(rig_try_rd(&rig, ESP_PA + ESP_CFG1 * 4, 4, NULL),
                    BUS_ERR_SIZE);
    CU_ASSERT_EQUAL(rig_try_rd(&rig, ESP_PA + ESP_CFG1 * 4, 2, NULL),
                    BUS_ERR_SIZE);
    CU_ASSERT_EQUAL(rig_try_wr(&rig, ESP_PA + ESP_CFG2 * 4, 2, 0),
                    BUS_ERR_SIZE);
    wr32(ESP_PA + ESP_CFG2 * 4, 0x1234560au);
    CU_ASSERT_EQUAL(esp_rd(ESP_CFG2), 0x0a);
    CU_ASSERT_EQUAL(rig_try_rd(&rig, ESP_PA + ESP_REG_SIZE, 1, NULL),
                    BUS_ERR_UNMAPPED);
}

/* Linux esp_get_revision + esp_reset_esp: must end up "FAS100A". */
static void test_chip_id(void)
{
    uint8_t v;
    setup();
    esp_wr(ESP_CFG2, 0x08 | 0x02);
    v = esp_rd(ESP_CFG2) & ~0xe0;
    CU_ASSERT_EQUAL(v, 0x0a);
    esp_wr(ESP_CFG2, 0);
    esp_wr(ESP_CFG3, 0);
    esp_wr(ESP_CFG3, 5);
    CU_ASSERT_EQUAL(esp_rd(ESP_CFG3), 5);
    esp_wr(ESP_CFG3, 0);
    linux_reset_esp();
    v = esp_rd(ESP_TCHI);
    CU_ASSERT_EQUAL(v, ESP_CHIP_ID_FAS100A);
    CU_ASSERT_EQUAL((v & 0xf8) >> 3, 0);        /* ESP_UID_F100A */
    CU_ASSERT_FALSE(rig.irq.level[SRC_SCSI]);
    CU_ASSERT_EQUAL(esp_rd(ESP_RSTAT) & ESP_STAT_INT, 0);
    rig_run_for(&rig, CPU_HZ);
    CU_ASSERT_EQUAL(esp_rd(ESP_RSTAT), 0);
    CU_ASSERT_EQUAL(rig.log.guest_errors[LOG_ESP], 0);
}

/* TCLO, TCMID, TCHI from tc, loaded by a NOP with DMA */
static void load_tc(uint32_t tc)
{
    esp_wr(ESP_TCLO, (uint8_t)tc);
    esp_wr(ESP_TCMID, (uint8_t)(tc >> 8));
    esp_wr(ESP_TCHI, (uint8_t)(tc >> 16));
    esp_wr(ESP_CMD, ESP_CMD_NOP | ESP_CMD_DMA);
}

static void test_transfer_counter(void)
{
    setup();
    esp_wr(ESP_TCLO, 7);
    esp_wr(ESP_TCMID, 1);
    /* the counter changes only with a DMA command */
    CU_ASSERT_EQUAL(esp_rd(ESP_TCLO), 0);
    esp_wr(ESP_CMD, ESP_CMD_NOP);
    CU_ASSERT_EQUAL(esp_rd(ESP_TCLO), 0);
    esp_wr(ESP_CMD, ESP_CMD_NOP | ESP_CMD_DMA);
    CU_ASSERT_EQUAL(esp_rd(ESP_TCLO), 7);
    CU_ASSERT_EQUAL(esp_rd(ESP_TCMID), 1);
    CU_ASSERT_EQUAL(esp_rd(ESP_TCHI), ESP_CHIP_ID_FAS100A);
    /* 16-bit mode: TCHI is not part of the start count; 0 is 64 KB */
    load_tc(0x050000);
    CU_ASSERT_EQUAL(esp.tc, 0x10000u);
    CU_ASSERT_EQUAL(esp_rd(ESP_TCLO), 0);
    CU_ASSERT_EQUAL(esp_rd(ESP_TCMID), 0);
    CU_ASSERT_EQUAL(esp_rd(ESP_TCHI), 1);
    /* features enabled: 24 bits */
    esp_wr(ESP_CFG2, ESP_CFG2_FENAB);
    load_tc(0x051234);
    CU_ASSERT_EQUAL(esp.tc, 0x51234u);
    CU_ASSERT_EQUAL(esp_rd(ESP_TCHI), 5);
    load_tc(0);
    CU_ASSERT_EQUAL(esp.tc, 0x1000000u);
    /* chip reset: the id again */
    esp_wr(ESP_CMD, ESP_CMD_RESET);
    CU_ASSERT_EQUAL(esp_rd(ESP_TCHI), ESP_CHIP_ID_FAS100A);
    CU_ASSERT_EQUAL(esp_rd(ESP_TCLO), 0);
}

static void test_fifo(void)
{
    unsigned i;
    setup();
    esp_wr(ESP_FIFO, 0x11);
    esp_wr(ESP_FIFO, 0x22);
    esp_wr(ESP_FIFO, 0x33);
    CU_ASSERT_EQUAL(esp_rd(ESP_RFLAGS), 3);
    CU_ASSERT_EQUAL(esp_rd(ESP_FIFO), 0x11);
    CU_ASSERT_EQUAL(esp_rd(ESP_FIFO), 0x22);
    CU_ASSERT_EQUAL(esp_rd(ESP_RFLAGS), 1);
    esp_wr(ESP_CMD, ESP_CMD_FLUSH);
    CU_ASSERT_EQUAL(esp_rd(ESP_RFLAGS), 0);
    CU_ASSERT_EQUAL(esp_rd(ESP_FIFO), 0);       /* empty reads 0 */
    for (i = 0; i < 20; i++) {
        esp_wr(ESP_FIFO, (uint8_t)i);
    }
    CU_ASSERT_EQUAL(esp_rd(ESP_RFLAGS), ESP_FIFO_SIZE);
    CU_ASSERT_EQUAL(rig.log.guest_errors[LOG_ESP], 4);
    for (i = 0; i < ESP_FIFO_SIZE; i++) {
        CU_ASSERT_EQUAL(esp_rd(ESP_FIFO), i);
    }
    CU_ASSERT_EQUAL(esp_rd(ESP_RFLAGS), 0);
}

/* ---- resets ---- */

static void test_bus_reset_interrupt(void)
{
    setup();
    wr32(DMA_PA + DMA2_CSR, DMA2_CSR_INT_EN);
    clear_ua();
    CU_ASSERT_FALSE(disk.unit_attention);
    esp_wr(ESP_CMD, ESP_CMD_BUSRESET);
    /* RST is held 25 us; the interrupt comes after it, not in the write */
    CU_ASSERT_EQUAL(esp_rd(ESP_RSTAT), 0);
    CU_ASSERT_FALSE(rig.irq.level[SRC_SCSI]);
    CU_ASSERT_TRUE(disk.unit_attention);        /* every target reset */
    rig_run_for(&rig, NS(ESP_BUS_RESET_NS) - 1);
    CU_ASSERT_FALSE(rig.irq.level[SRC_SCSI]);
    rig_run_for(&rig, 1);
    CU_ASSERT_EQUAL(esp_rd(ESP_RSTAT), ESP_STAT_INT);
    CU_ASSERT_EQUAL(rd32(DMA_PA + DMA2_CSR) & DMA2_CSR_INT_PEND, 1);
    CU_ASSERT_TRUE(rig.irq.level[SRC_SCSI]);
    CU_ASSERT_EQUAL(esp_rd(ESP_RINTR), ESP_INTR_RST);
    /* reading INTR acknowledged everything */
    CU_ASSERT_EQUAL(esp_rd(ESP_RINTR), 0);
    CU_ASSERT_EQUAL(esp_rd(ESP_RSTAT), 0);
    CU_ASSERT_EQUAL(rd32(DMA_PA + DMA2_CSR) & DMA2_CSR_INT_PEND, 0);
    CU_ASSERT_FALSE(rig.irq.level[SRC_SCSI]);

    /* Linux esp_bootup_reset: SRRDISAB set, no interrupt */
    quiet_bus_reset();
    CU_ASSERT_EQUAL(esp_rd(ESP_RSTAT), 0);
    CU_ASSERT_FALSE(rig.irq.level[SRC_SCSI]);
    esp_wr(ESP_CFG1, 0x17);
    CU_ASSERT_EQUAL(esp_rd(ESP_CFG1), 0x17);
    CU_ASSERT_EQUAL(esp_rd(ESP_RINTR), 0);
    CU_ASSERT_EQUAL(rig.irq.edges[SRC_SCSI], 2 + 2 * 2 * 3);
    CU_ASSERT_EQUAL(rig.log.guest_errors[LOG_ESP], 0);
}

/* A bus reset in the middle of a data phase: the command is dropped, the
 * transfer in flight cancelled, the target reset. */
static void test_bus_reset_mid_command(void)
{
    Cmd c = rw10(false, 0, 64);
    Irq q;
    setup_linux();
    q = select_by_hand(&c, 0xc0);
    CU_ASSERT_EQUAL(q.stat & ESP_STAT_PHASE, ESP_PHASE_DI);
    send_dma_cmd(DATA_DVMA, 0x8000, true, ESP_CMD_TI | ESP_CMD_DMA);
    CU_ASSERT_TRUE(dma_xfer_busy(&esp.xfer));
    rig_run_for(&rig, NS(1000));
    esp_wr(ESP_CMD, ESP_CMD_BUSRESET);
    CU_ASSERT_FALSE(dma_xfer_busy(&esp.xfer));
    CU_ASSERT_PTR_NULL(esp.cur);
    CU_ASSERT_TRUE(disk.unit_attention);
    q = take_irq();
    CU_ASSERT_EQUAL(q.intr, ESP_INTR_RST);
    rig_run_for(&rig, CPU_HZ);
    CU_ASSERT_FALSE(esp.irq_level);
    /* the bus works again */
    clear_ua();
}

/* The espdma CSR reset pulse is a chip reset. */
static void test_dma_reset_pulse(void)
{
    uint32_t csr;
    setup();
    esp_wr(ESP_CFG2, 0x0a);
    esp_wr(ESP_TCHI, 0x55);
    wr32(DMA_PA + DMA2_CSR, DMA2_CSR_INT_EN);
    esp_wr(ESP_CMD, ESP_CMD_BUSRESET);
    rig_run_for(&rig, NS(ESP_BUS_RESET_NS));
    CU_ASSERT_TRUE(rig.irq.level[SRC_SCSI]);
    /* Linux sbus_esp_reset_dma */
    csr = rd32(DMA_PA + DMA2_CSR);
    CU_ASSERT_EQUAL(csr, 0xa0000011u);
    wr32(DMA_PA + DMA2_CSR, csr | DMA2_CSR_RESET);
    CU_ASSERT_FALSE(rig.irq.level[SRC_SCSI]);
    CU_ASSERT_EQUAL(rd32(DMA_PA + DMA2_CSR), 0xa0000090u);
    wr32(DMA_PA + DMA2_CSR, csr & ~DMA2_CSR_RESET);
    CU_ASSERT_EQUAL(esp_rd(ESP_CFG2), 0);
    CU_ASSERT_EQUAL(esp_rd(ESP_CFG1), 7);
    CU_ASSERT_EQUAL(esp_rd(ESP_TCHI), ESP_CHIP_ID_FAS100A);
    CU_ASSERT_EQUAL(esp_rd(ESP_RSTAT), 0);
    CU_ASSERT_EQUAL(esp_rd(ESP_RINTR), 0);
}

/* ---- selection ---- */

/* OpenBIOS drivers/esp.c (played in full below): the espdma CSR polled
 * until the interrupt is pending, for at most 1 s; with stable, every
 * poll is checked to be one the machine loop may skip. */
static bool ob_poll(bool stable)
{
    Cycles limit = rig.now + CPU_HZ;
    while (!(rd32(DMA_PA + DMA2_CSR) & DMA2_CSR_INT_PEND)) {
        if (stable) {
            CU_ASSERT_TRUE(rig_stable(&rig, DMA_PA + DMA2_CSR, 4));
        }
        if (!rig_step(&rig, limit)) {
            CU_FAIL("no interrupt within 1 s: OpenBIOS would hang");
            return false;
        }
    }
    return true;
}

/* do_command's selection: SELATN+DMA of cmdlen bytes from OB_DVMA */
static void ob_select(unsigned id, unsigned cmdlen)
{
    esp_wr(ESP_WBUSID, (uint8_t)(id & 7));
    wr32(DMA_PA + DMA2_ADDR, OB_DVMA);
    set_tc(cmdlen);
    wr32(DMA_PA + DMA2_CSR, DMA2_CSR_EN);
    esp_wr(ESP_CMD, ESP_CMD_SELATN | ESP_CMD_DMA);
}

/* One target of OpenBIOS's probe when nobody answers; returns the cycles
 * the select took. */
static Cycles openbios_probe_empty(unsigned id)
{
    Cycles start = rig.now;
    uint8_t stat;

    ob_select(id, 7);
    if (!ob_poll(true)) {
        return CYCLES_NEVER;
    }
    stat = esp_rd(ESP_RSTAT);
    CU_ASSERT_EQUAL(stat, 0x80);
    CU_ASSERT_EQUAL(esp_rd(ESP_RSEQ), ESP_SEQ_0);
    CU_ASSERT_EQUAL(esp_rd(ESP_RINTR), ESP_INTR_DC);
    CU_ASSERT_EQUAL(rd32(DMA_PA + DMA2_CSR) & DMA2_CSR_INT_PEND, 0);
    CU_ASSERT_EQUAL(esp_rd(ESP_RSTAT), 0);
    return rig.now - start;
}

static void test_select_timeout(void)
{
    Cmd c;
    static const uint8_t inq[6] = { 0x12, 0, 0, 0, 36, 0 };
    Cycles t;
    setup();
    /* not programmed: 250 ms; nothing fetched, ADDR unmoved */
    CU_ASSERT_EQUAL(openbios_probe_empty(0), CPU_HZ / 4);
    CU_ASSERT_EQUAL(rd32(DMA_PA + DMA2_ADDR), OB_DVMA);
    CU_ASSERT_EQUAL(esp.sel_timeouts, 1);
    CU_ASSERT_FALSE(ev_pending(&esp.sel_event));

    /* Linux: STO = 152, CCF 0 (8): exact, no interrupt a cycle early */
    linux_bootup();
    t = esp_select_timeout(&esp);
    CU_ASSERT_EQUAL(t, 152ull * 8192 * 8 * CPU_HZ / 40000000u);
    esp_wr(ESP_WBUSID, 2);
    send_dma_cmd(CMD_DVMA, 7, false, ESP_CMD_SELATN | ESP_CMD_DMA);
    rig_run_for(&rig, t - 1);
    CU_ASSERT_FALSE(rig.irq.level[SRC_SCSI]);
    rig_run_for(&rig, 1);
    CU_ASSERT_TRUE(rig.irq.level[SRC_SCSI]);
    CU_ASSERT_EQUAL(esp_rd(ESP_RSTAT), 0x80);
    CU_ASSERT_EQUAL(esp_rd(ESP_RINTR), ESP_INTR_DC);
    CU_ASSERT_FALSE(rig.irq.level[SRC_SCSI]);
    /* the same through the Linux driver: DID_BAD_TARGET */
    c = linux_do(mk_cmd(5, inq, 6, 36));
    CU_ASSERT_EQUAL(c.result, -1);
    CU_ASSERT_EQUAL(c.sel.stat, ESP_STAT_INT);
    /* select with ATN3 and without ATN time out the same way */
    c = mk_cmd(4, inq, 6, 36);
    c.tag = 1;
    linux_cmd(&c);
    CU_ASSERT_EQUAL(c.result, -1);
    CU_ASSERT_EQUAL(rig.log.guest_errors[LOG_ESP], 0);
}

static void test_select_timeout_formula(void)
{
    setup();
    CU_ASSERT_EQUAL(esp_select_timeout(&esp), CPU_HZ / 4);
    esp.sel_timeout_default_us = 1000;
    CU_ASSERT_EQUAL(esp_select_timeout(&esp), CPU_HZ / 1000);
    /* STO 10, CCF 5: 10 * 8192 * 5 / 40 MHz = 10.24 ms */
    esp_wr(ESP_WSTO, 10);
    esp_wr(ESP_WCCF, 5);
    CU_ASSERT_EQUAL(esp_select_timeout(&esp),
                    10ull * 8192 * 5 * CPU_HZ / 40000000u);
    /* CCF 1 is not allowed: taken as 2 */
    esp_wr(ESP_WCCF, 1);
    CU_ASSERT_EQUAL(esp_select_timeout(&esp),
                    10ull * 8192 * 2 * CPU_HZ / 40000000u);
    esp.sel_timeout_fixed = 1234;
    CU_ASSERT_EQUAL(esp_select_timeout(&esp), 1234);
}

/* A DMA select issued while the channel is disabled waits for the
 * enable edge (QEMU dma_cb); a chip reset forgets it. */
static void test_deferred_select(void)
{
    static const uint8_t blk[7] = { 0x80, 0x12, 0, 0, 0, 36, 0 };
    Irq q;
    setup();
    dvma_write(CMD_DVMA, blk, 7);
    wr32(DMA_PA + DMA2_ADDR, CMD_DVMA);
    esp_wr(ESP_WBUSID, DISK_ID);
    esp_wr(ESP_TCLO, 7);
    esp_wr(ESP_CMD, ESP_CMD_SELATN | ESP_CMD_DMA);
    CU_ASSERT_TRUE(esp.deferred);
    rig_run_for(&rig, CPU_HZ);
    CU_ASSERT_EQUAL(esp_rd(ESP_RSTAT), 0);
    CU_ASSERT_EQUAL(esp.selections, 0);
    /* other channel bits do not start it; the enable edge does */
    wr32(DMA_PA + DMA2_CSR, DMA2_CSR_INT_EN);
    CU_ASSERT_TRUE(esp.deferred);
    wr32(DMA_PA + DMA2_CSR, DMA2_CSR_INT_EN | DMA2_CSR_EN);
    CU_ASSERT_FALSE(esp.deferred);
    CU_ASSERT_EQUAL(esp.selections, 1);
    q = take_irq();
    CU_ASSERT_EQUAL(q.intr, ESP_INTR_FC | ESP_INTR_BS);
    CU_ASSERT_EQUAL(q.stat, ESP_STAT_INT | ESP_STAT_TC | ESP_PHASE_DI);
    CU_ASSERT_EQUAL(rd32(DMA_PA + DMA2_ADDR), CMD_DVMA + 7);
    /* a TI with DMA waits too */
    wr32(DMA_PA + DMA2_CSR, DMA2_CSR_INT_EN | DMA2_CSR_WRITE);
    wr32(DMA_PA + DMA2_ADDR, DATA_DVMA);
    esp_wr(ESP_TCLO, 36);
    esp_wr(ESP_CMD, ESP_CMD_TI | ESP_CMD_DMA);
    CU_ASSERT_TRUE(esp.deferred);
    rig_run_for(&rig, CPU_HZ);
    CU_ASSERT_FALSE(esp.irq_level);
    wr32(DMA_PA + DMA2_CSR, DMA2_CSR_INT_EN | DMA2_CSR_WRITE |
                                DMA2_CSR_EN);
    q = take_irq();
    CU_ASSERT_EQUAL(q.intr, ESP_INTR_BS);
    CU_ASSERT_EQUAL(q.stat, ESP_STAT_INT | ESP_STAT_TC | ESP_PHASE_ST);
    /* a deferred select is forgotten by a chip reset */
    wr32(DMA_PA + DMA2_CSR, DMA2_CSR_INT_EN);
    esp_wr(ESP_CMD, ESP_CMD_SELATNS | ESP_CMD_DMA);
    CU_ASSERT_TRUE(esp.deferred);
    esp_wr(ESP_CMD, ESP_CMD_RESET);
    CU_ASSERT_PTR_NULL(esp.cur);
    wr32(DMA_PA + DMA2_CSR, DMA2_CSR_INT_EN | DMA2_CSR_EN);
    CU_ASSERT_FALSE(ev_pending(&esp.sel_event));
    rig_run_for(&rig, CPU_HZ);
    CU_ASSERT_FALSE(rig.irq.level[SRC_SCSI]);
}

/* A select without the DMA bit takes its bytes from the FIFO. */
static void test_select_without_dma(void)
{
    setup();
    esp_wr(ESP_FIFO, 0x80);
    esp_wr(ESP_FIFO, 0x12);
    esp_wr(ESP_WBUSID, 5);
    esp_wr(ESP_CMD, ESP_CMD_SELATN);
    CU_ASSERT_FALSE(esp.deferred);
    CU_ASSERT_TRUE(ev_pending(&esp.sel_event));
    CU_ASSERT_EQUAL(esp_rd(ESP_RFLAGS), 0);     /* consumed */
    rig_run_until(&rig, CPU_HZ);
    CU_ASSERT_EQUAL(esp_rd(ESP_RSTAT), 0x80);
    CU_ASSERT_EQUAL(rd32(DMA_PA + DMA2_CSR), 0xa0000001u);
    CU_ASSERT_EQUAL(esp_rd(ESP_RINTR), ESP_INTR_DC);
}

/* ---- commands through the Linux driver ---- */

static void test_inquiry(void)
{
    static const uint8_t inq[6] = { 0x12, 0, 0, 0, 36, 0 };
    uint8_t b[36];
    Cmd c;
    Cycles t0;

    setup();
    linux_bootup();
    memset(b, 0xee, sizeof(b));
    dvma_write(DATA_DVMA, b, sizeof(b));
    c = mk_cmd(DISK_ID, inq, 6, 36);
    t0 = rig.now;
    linux_cmd(&c);
    CU_ASSERT_EQUAL(c.result, 0);
    /* the selection: FC|BS, step 4, DATA IN, the 7 command bytes all
     * sent (TC zero) */
    CU_ASSERT_EQUAL(c.sel.intr, ESP_INTR_FC | ESP_INTR_BS);
    CU_ASSERT_EQUAL(c.sel.seq, ESP_SEQ_CD);
    CU_ASSERT_EQUAL(c.sel.stat,
                    ESP_STAT_INT | ESP_STAT_TC | ESP_PHASE_DI);
    CU_ASSERT_EQUAL(c.moved, 36);
    CU_ASSERT_EQUAL(c.data_tis, 1);
    CU_ASSERT_EQUAL(c.status, SCSI_STATUS_GOOD);
    CU_ASSERT_EQUAL(c.message, 0);
    /* the data in guest RAM, through the IOMMU's scattered pages */
    dvma_read(DATA_DVMA, b, 36);
    CU_ASSERT_EQUAL(b[0], 0x00);                /* direct access */
    CU_ASSERT_EQUAL(memcmp(b + 8, "SUN4MSIM", 8), 0);
    CU_ASSERT_EQUAL(memcmp(b + 16, "VIRTUAL DISK", 12), 0);
    CU_ASSERT_EQUAL(rd32(DMA_PA + DMA2_ADDR), DATA_DVMA + 36);
    /* the disk's 1 ms command overhead and a few microseconds on the
     * bus for all that */
    CU_ASSERT(rig.now - t0 > NS(1000000 + ESP_SELECT_NS));
    CU_ASSERT(rig.now - t0 < NS(1100000));
    CU_ASSERT_EQUAL(esp.commands, 1);
    CU_ASSERT_EQUAL(rig.log.guest_errors[LOG_ESP], 0);
    CU_ASSERT_FALSE(rig.irq.level[SRC_IOMMU]);
}

static void test_unit_attention_then_sense(void)
{
    static const uint8_t tur[6] = { 0 };
    uint8_t s[18];
    Cmd c;

    setup();
    linux_bootup();
    c = linux_do(mk_cmd(DISK_ID, tur, 6, 0));
    /* no data phase: straight to STATUS after the selection */
    CU_ASSERT_EQUAL(c.sel.stat & ESP_STAT_PHASE, ESP_PHASE_ST);
    CU_ASSERT_EQUAL(c.sel.intr, ESP_INTR_FC | ESP_INTR_BS);
    CU_ASSERT_EQUAL(c.status, SCSI_STATUS_CHECK);
    CU_ASSERT_EQUAL(c.data_tis, 0);
    /* esp_autosense: REQUEST SENSE for 96 bytes; the target has 18, so
     * the TI stops there with the counter not at zero */
    c = request_sense(s);
    CU_ASSERT_EQUAL(c.status, SCSI_STATUS_GOOD);
    CU_ASSERT_EQUAL(c.moved, 18);
    CU_ASSERT_EQUAL(s[0] & 0x7f, 0x70);
    CU_ASSERT_EQUAL(s[2] & 0x0f, 0x6);          /* UNIT ATTENTION */
    CU_ASSERT_EQUAL(s[12], 0x29);               /* power on or reset */
    c = linux_do(mk_cmd(DISK_ID, tur, 6, 0));
    CU_ASSERT_EQUAL(c.status, SCSI_STATUS_GOOD);
}

static void test_read10(void)
{
    setup_linux();
    linux_read_ok(100, 8, 0, 1);
    CU_ASSERT_EQUAL(disk.blocks_read, 8);
    /* 64 KB: a full 16-bit count (written as 0) */
    linux_read_ok(1000, 128, 0, 1);
    CU_ASSERT_EQUAL(rig.log.guest_errors[LOG_ESP], 0);
}

static void test_write10(void)
{
    uint8_t out[4096], back[4096];
    Cmd c;

    setup_linux();
    data_pattern(out, sizeof(out), 31, 5);
    c = linux_do(rw10(true, 17, 8));
    CU_ASSERT_EQUAL(c.sel.stat & ESP_STAT_PHASE, ESP_PHASE_DO);
    CU_ASSERT_EQUAL(c.status, SCSI_STATUS_GOOD);
    CU_ASSERT_EQUAL(c.moved, 4096);
    image_pread(back, sizeof(back), 17 * 512);
    CU_ASSERT_EQUAL(memcmp(out, back, sizeof(out)), 0);
    /* read back through the bus */
    memset(back, 0, sizeof(back));
    dvma_write(DATA_DVMA, back, sizeof(back));
    (void)linux_do(rw10(false, 17, 8));
    dvma_read(DATA_DVMA, back, sizeof(back));
    CU_ASSERT_EQUAL(memcmp(out, back, sizeof(out)), 0);
    CU_ASSERT_EQUAL(disk.blocks_written, 8);
    /* split across TIs, as the read */
    data_pattern(out, sizeof(out), 17, 3);
    c = rw10(true, 30, 8);
    c.max_chunk = 1500;
    linux_cmd(&c);
    CU_ASSERT_EQUAL(c.data_tis, 3);
    CU_ASSERT_EQUAL(c.status, SCSI_STATUS_GOOD);
    image_pread(back, sizeof(back), 30 * 512);
    CU_ASSERT_EQUAL(memcmp(out, back, sizeof(out)), 0);
}

/* TC smaller than the data: the first TI stops at the count in DATA IN,
 * the second finishes. */
static void test_read_split(void)
{
    Cmd c;
    Irq q;

    setup_linux();
    linux_read_ok(40, 8, 1024 + 512 + 100, 3);

    /* by hand: what the first TI leaves */
    c = rw10(false, 50, 8);
    q = select_by_hand(&c, 0x80);
    CU_ASSERT_EQUAL(q.stat & ESP_STAT_PHASE, ESP_PHASE_DI);
    q = dma_in(DATA_DVMA, 1000);
    CU_ASSERT_EQUAL(q.intr, ESP_INTR_BS);
    CU_ASSERT_EQUAL(q.stat, ESP_STAT_INT | ESP_STAT_TC | ESP_PHASE_DI);
    CU_ASSERT_EQUAL(esp_tc(), 0);
    CU_ASSERT_EQUAL(rd32(DMA_PA + DMA2_ADDR), DATA_DVMA + 1000);
    /* the rest, with a count larger than what is left */
    q = dma_in(DATA_DVMA + 1000, 5000);
    CU_ASSERT_EQUAL(q.intr, ESP_INTR_BS);
    CU_ASSERT_EQUAL(q.stat, ESP_STAT_INT | ESP_PHASE_ST);
    CU_ASSERT_EQUAL(esp_tc(), 5000 - 3096);
    CU_ASSERT_TRUE(image_matches(DATA_DVMA, 50 * 512, 4096));
    dma_invalidate();
    q = complete_by_hand(SCSI_STATUS_GOOD);
    CU_ASSERT_EQUAL(q.stat, ESP_STAT_INT);
}

/* Linux's negotiation: select with ATN and stop (IDENTIFY only), the
 * SDTR in MESSAGE OUT, the target's SDTR in MESSAGE IN, then the CDB by
 * a TI in COMMAND. */
static void test_select_stop_sdtr(void)
{
    Cmd c;
    setup_linux();
    c = rw10(false, 7, 2);
    c.sdtr = true;
    linux_cmd(&c);
    CU_ASSERT_EQUAL(c.sel.intr, ESP_INTR_FC | ESP_INTR_BS);
    CU_ASSERT_EQUAL(c.sel.seq, ESP_SEQ_MO);
    CU_ASSERT_EQUAL(c.sel.stat & ESP_STAT_PHASE, ESP_PHASE_MO);
    CU_ASSERT_EQUAL(c.status, SCSI_STATUS_GOOD);
    CU_ASSERT_EQUAL(c.moved, 1024);
    CU_ASSERT_TRUE(image_matches(DATA_DVMA, 7 * 512, 1024));
    CU_ASSERT_EQUAL(rig.log.guest_errors[LOG_ESP], 0);
}

/* Select with ATN and stop, then the CDB by a TI through the FIFO after
 * a NOP message (a guest without negotiation). */
static void test_select_stop_fifo(void)
{
    static const uint8_t tur[6] = { 0 };
    Irq q;
    setup_linux();
    esp_wr(ESP_CMD, ESP_CMD_FLUSH);
    esp_wr(ESP_FIFO, 0x80);
    esp_wr(ESP_WBUSID, DISK_ID);
    q = esp_cmd(ESP_CMD_SELATNS);
    CU_ASSERT_EQUAL(q.intr, ESP_INTR_FC | ESP_INTR_BS);
    CU_ASSERT_EQUAL(q.stat & ESP_STAT_PHASE, ESP_PHASE_MO);
    esp_wr(ESP_FIFO, 0x08);                     /* NOP */
    ti_to_phase(ESP_PHASE_CD);
    fifo_put(tur, 6);
    ti_to_phase(ESP_PHASE_ST);
    CU_ASSERT_EQUAL(esp_rd(ESP_RFLAGS) & ESP_FLAGS_COUNT, 0);
    (void)complete_by_hand(SCSI_STATUS_GOOD);
}

/* Tagged: select with ATN3 (IDENTIFY, SIMPLE QUEUE TAG, tag). */
static void test_tagged(void)
{
    Cmd c;
    setup_linux();
    c = rw10(false, 300, 4);
    c.tag = 0x42;
    linux_cmd(&c);
    CU_ASSERT_EQUAL(c.sel.seq, ESP_SEQ_CD);
    CU_ASSERT_EQUAL(c.status, SCSI_STATUS_GOOD);
    CU_ASSERT_TRUE(image_matches(DATA_DVMA, 300 * 512, 2048));
}

/* Everything through the FIFO: INQUIRY by programmed I/O, one byte per
 * TI in DATA IN (Linux esp_send_pio_cmd), status and message likewise. */
static void test_fifo_transfer(void)
{
    static const uint8_t cmd[7] = { 0x80, 0x12, 0, 0, 0, 24, 0 };
    uint8_t b[24];
    unsigned i;
    Irq q;

    setup();
    linux_bootup();
    fifo_put(cmd, 7);
    esp_wr(ESP_WBUSID, DISK_ID);
    esp_wr(ESP_CMD, ESP_CMD_SELATN);
    CU_ASSERT_EQUAL(esp_rd(ESP_RFLAGS) & ESP_FLAGS_COUNT, 0);
    q = take_irq();
    CU_ASSERT_EQUAL(q.intr, ESP_INTR_FC | ESP_INTR_BS);
    CU_ASSERT_EQUAL(q.seq, ESP_SEQ_CD);
    CU_ASSERT_EQUAL(q.stat, ESP_STAT_INT | ESP_PHASE_DI);  /* no TC */
    for (i = 0; i < 24; i++) {
        ti_to_phase(i < 23 ? ESP_PHASE_DI : ESP_PHASE_ST);
        CU_ASSERT_EQUAL(esp_rd(ESP_RFLAGS) & ESP_FLAGS_COUNT, 1);
        b[i] = esp_rd(ESP_FIFO);
    }
    CU_ASSERT_EQUAL(memcmp(b + 8, "SUN4MSIM", 8), 0);
    /* status by TI, then the message with ACK held */
    ti_to_phase(ESP_PHASE_MI);
    CU_ASSERT_EQUAL(esp_rd(ESP_FIFO), SCSI_STATUS_GOOD);
    q = esp_cmd(ESP_CMD_TI);
    CU_ASSERT_EQUAL(q.intr, ESP_INTR_FC);
    CU_ASSERT_EQUAL(esp_rd(ESP_FIFO), 0);
    q = esp_cmd(ESP_CMD_MSGACC);
    CU_ASSERT_EQUAL(q.intr, ESP_INTR_DC);
    CU_ASSERT_EQUAL(esp.dma_bytes, 0);
    CU_ASSERT_EQUAL(rig.log.guest_errors[LOG_ESP], 0);
}

/* Transfer pad: the rest of a data phase without moving it. */
static void test_pad(void)
{
    Cmd c = rw10(false, 60, 2);
    Irq q;

    setup_linux();
    (void)select_by_hand(&c, 0x80);
    q = dma_in(DATA_DVMA, 512);
    CU_ASSERT_EQUAL(q.stat, ESP_STAT_INT | ESP_STAT_TC | ESP_PHASE_DI);
    /* 256 pad bytes: the count runs out in DATA IN */
    set_tc(256);
    q = esp_cmd(ESP_CMD_PAD | ESP_CMD_DMA);
    CU_ASSERT_EQUAL(q.intr, ESP_INTR_FC);
    CU_ASSERT_EQUAL(q.stat, ESP_STAT_INT | ESP_STAT_TC | ESP_PHASE_DI);
    /* more than is left: the target goes to STATUS */
    set_tc(1000);
    q = esp_cmd(ESP_CMD_PAD | ESP_CMD_DMA);
    CU_ASSERT_EQUAL(q.intr, ESP_INTR_BS);
    CU_ASSERT_EQUAL(q.stat, ESP_STAT_INT | ESP_PHASE_ST);
    CU_ASSERT_EQUAL(esp_tc(), 1000 - 256);
    CU_ASSERT_EQUAL(rd32(DMA_PA + DMA2_ADDR), DATA_DVMA + 512);
    (void)complete_by_hand(SCSI_STATUS_GOOD);
    CU_ASSERT_TRUE(image_matches(DATA_DVMA, 60 * 512, 512));
}

/* The command length from the group code (6, 10, 12), the LUN from
 * IDENTIFY or, without ATN, from the CDB. */
static void test_cdb_length_and_lun(void)
{
    static const uint8_t luns[12] = { 0xa0, 0, 0, 0, 0, 0, 0, 0, 0, 16 };
    static const uint8_t inq[6] = { 0x12, 0, 0, 0, 36, 0 };
    static const uint8_t inq_lun2[6] = { 0x12, 0x40, 0, 0, 36, 0 };
    uint8_t b[16];
    Cmd c;
    Irq q;

    setup_linux();
    c = linux_do(mk_cmd(DISK_ID, luns, 12, 16));        /* REPORT LUNS */
    CU_ASSERT_EQUAL(c.sel.seq, ESP_SEQ_CD);
    CU_ASSERT_EQUAL(c.sel.stat & ESP_STAT_TC, ESP_STAT_TC);
    CU_ASSERT_EQUAL(c.status, SCSI_STATUS_GOOD);
    CU_ASSERT_EQUAL(c.moved, 16);
    dvma_read(DATA_DVMA, b, 16);
    CU_ASSERT_EQUAL(b[3], 8);                   /* one LUN */
    /* LUN 1 from IDENTIFY: not there */
    c = mk_cmd(DISK_ID, inq, 6, 36);
    c.lun = 1;
    linux_cmd(&c);
    dvma_read(DATA_DVMA, b, 1);
    CU_ASSERT_EQUAL(b[0], 0x7f);
    /* select without ATN: no message, the LUN in CDB byte 1 */
    esp_wr(ESP_WBUSID, DISK_ID);
    q = dma_out(inq_lun2, 6, ESP_CMD_SEL);
    CU_ASSERT_EQUAL(q.intr, ESP_INTR_FC | ESP_INTR_BS);
    CU_ASSERT_EQUAL(q.seq, ESP_SEQ_CD);
    CU_ASSERT_EQUAL(esp.req.lun, 2);
    /* more bytes than the command takes: step 3, the rest not counted */
    q = dma_out((const uint8_t *)"\x80\x12\0\0\0\x24\0\0\0", 9,
                ESP_CMD_SELATN);
    CU_ASSERT_EQUAL(q.intr, ESP_INTR_FC | ESP_INTR_BS);
    CU_ASSERT_EQUAL(q.seq, ESP_SEQ_PPC);
    CU_ASSERT_EQUAL(q.stat, ESP_STAT_INT | ESP_PHASE_DI);   /* no TC */
    CU_ASSERT_EQUAL(esp_tc(), 2);
    CU_ASSERT_EQUAL(rd32(DMA_PA + DMA2_ADDR), CMD_DVMA + 7);
    /* fewer: the target waits in COMMAND for the rest */
    q = dma_out((const uint8_t *)"\x80\x28\0\0\0", 5, ESP_CMD_SELATN);
    CU_ASSERT_EQUAL(q.seq, ESP_SEQ_PPC);
    CU_ASSERT_EQUAL(q.stat, ESP_STAT_INT | ESP_STAT_TC | ESP_PHASE_CD);
    q = dma_out((const uint8_t *)"\0\x05\0\0\x01\0", 6, ESP_CMD_TI);
    CU_ASSERT_EQUAL(q.intr, ESP_INTR_BS);
    CU_ASSERT_EQUAL(q.stat, ESP_STAT_INT | ESP_STAT_TC | ESP_PHASE_DI);
    CU_ASSERT_EQUAL(esp.req.len, 512);
    CU_ASSERT_EQUAL(esp.req.offset, 5 * 512);
    CU_ASSERT_EQUAL(rig.log.guest_errors[LOG_ESP], 0);
}

/* DATA OUT through the FIFO: MODE SELECT's parameter list; image data
 * without DMA ends the data phase (SIMPLIFY). */
static void test_fifo_data_out(void)
{
    static const uint8_t sel[7] = { 0x80, 0x15, 0x10, 0, 0, 12, 0 };
    static const uint8_t list[12] = { 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 2, 0 };
    Cmd c = rw10(true, 5, 1);
    uint8_t data[16], back[512];
    Irq q;

    setup_linux();
    fifo_put(sel, 7);
    esp_wr(ESP_WBUSID, DISK_ID);
    q = esp_cmd(ESP_CMD_SELATN);
    CU_ASSERT_EQUAL(q.stat & ESP_STAT_PHASE, ESP_PHASE_DO);
    fifo_put(list, 12);
    ti_to_phase(ESP_PHASE_ST);
    CU_ASSERT_EQUAL(esp_rd(ESP_RFLAGS) & ESP_FLAGS_COUNT, 0);
    (void)esp_cmd(ESP_CMD_ICCS);
    CU_ASSERT_EQUAL(esp_rd(ESP_FIFO), SCSI_STATUS_GOOD);
    esp_wr(ESP_CMD, ESP_CMD_FLUSH);
    q = esp_cmd(ESP_CMD_MSGACC);
    CU_ASSERT_EQUAL(q.intr, ESP_INTR_DC);

    /* WRITE(10) with its data through the FIFO */
    esp_wr(ESP_FIFO, 0x80);
    fifo_put(c.cdb, 10);
    q = esp_cmd(ESP_CMD_SELATN);
    CU_ASSERT_EQUAL(q.stat & ESP_STAT_PHASE, ESP_PHASE_DO);
    memset(data, 0x5a, sizeof(data));
    fifo_put(data, sizeof(data));
    ti_to_phase(ESP_PHASE_ST);
    CU_ASSERT_EQUAL(rig.log.guest_errors[LOG_ESP], 1);
    esp_wr(ESP_CMD, ESP_CMD_FLUSH);
    (void)esp_cmd(ESP_CMD_ICCS);
    CU_ASSERT_EQUAL(esp_rd(ESP_FIFO), SCSI_STATUS_CHECK);
    image_pread(back, sizeof(back), 5 * 512);
    CU_ASSERT_EQUAL(back[0], img_byte(5 * 512));        /* untouched */
}

/* An IOMMU fault in the middle of a READ's data phase: the transfer stops
 * at the page, the espdma error bit is set, the target reports CHECK
 * CONDITION, and after Linux's resets the bus works again. */
static void test_iommu_fault(void)
{
    uint8_t s[18];
    Cmd c;
    Irq q;
    uint32_t moved;

    setup_linux();
    set_iopte(3, false);            /* DVMA 0xfe003000-0xfe003fff */
    c = rw10(false, 200, 16);       /* 8 KB from 0xfe001800 */
    q = select_by_hand(&c, 0xc0);
    CU_ASSERT_EQUAL(q.stat & ESP_STAT_PHASE, ESP_PHASE_DI);
    dma_invalidate();
    send_dma_cmd(DATA_DVMA, 8192, true, ESP_CMD_TI | ESP_CMD_DMA);
    /* the chain stops at the fault when the transfer starts */
    CU_ASSERT_TRUE(rig.irq.level[SRC_IOMMU]);
    q = take_irq();
    moved = 0xfe003000u - DATA_DVMA;
    CU_ASSERT_EQUAL(q.intr, ESP_INTR_BS);
    CU_ASSERT_EQUAL(q.stat, ESP_STAT_INT | ESP_PHASE_ST);   /* no TC */
    CU_ASSERT_EQUAL(esp_tc(), 8192 - moved);
    CU_ASSERT_EQUAL(rd32(DMA_PA + DMA2_ADDR), DATA_DVMA + moved);
    CU_ASSERT_TRUE(rd32(DMA_PA + DMA2_CSR) & DMA2_CSR_ERR_PEND);
    CU_ASSERT_TRUE(image_matches(DATA_DVMA, 200 * 512, moved));
    CU_ASSERT_EQUAL(rd32(IOMMU_PA + IOMMU_AFAR), 0xfe003000u);
    /* the command ends with an error status */
    (void)complete_by_hand(SCSI_STATUS_CHECK);
    /* Linux: esp_schedule_reset (bus reset), later the host reset with
     * the DMA reset pulse */
    q = esp_cmd(ESP_CMD_BUSRESET);
    CU_ASSERT_EQUAL(q.intr, ESP_INTR_RST);
    set_iopte(3, true);
    linux_bootup();
    /* after the reset: the unit attention, then the sense of the next */
    clear_ua();
    c = linux_do(rw10(false, 200, 16));
    CU_ASSERT_FALSE(rd32(DMA_PA + DMA2_CSR) & DMA2_CSR_ERR_PEND);
    CU_ASSERT_EQUAL(c.status, SCSI_STATUS_GOOD);
    CU_ASSERT_EQUAL(c.moved, 8192);
    CU_ASSERT_TRUE(image_matches(DATA_DVMA, 200 * 512, 8192));
    c = request_sense(s);
    CU_ASSERT_EQUAL(c.moved, 18);
    CU_ASSERT_EQUAL(s[2] & 0x0f, 0);            /* no sense now */
}

/* A host I/O error (the chain's --fail-io hook) on a READ: MEDIUM ERROR. */
static void test_host_error(void)
{
    uint8_t s[18];
    Cmd c;

    setup_linux();
    eng.fail_request = eng.file_requests + 1;
    c = linux_do(rw10(false, 10, 8));
    CU_ASSERT_EQUAL(c.status, SCSI_STATUS_CHECK);
    CU_ASSERT_EQUAL(c.moved, 0);
    (void)request_sense(s);
    CU_ASSERT_EQUAL(s[2] & 0x0f, 0x3);          /* MEDIUM ERROR */
    c = linux_do(rw10(false, 10, 8));
    CU_ASSERT_EQUAL(c.status, SCSI_STATUS_GOOD);
    CU_ASSERT_TRUE(image_matches(DATA_DVMA, 10 * 512, 4096));
}

/* Illegal commands, and commands of the wrong group for the state. */
static void test_illegal_commands(void)
{
    setup();
    linux_bootup();
    esp_wr(ESP_CMD, 0x27);                      /* target mode */
    CU_ASSERT_EQUAL(esp_rd(ESP_RSTAT) & ESP_STAT_INT, 0);
    CU_ASSERT_EQUAL(take_irq().intr, ESP_INTR_ILL);
    /* not connected */
    CU_ASSERT_EQUAL(esp_cmd(ESP_CMD_TI).intr, ESP_INTR_ILL);
    CU_ASSERT_EQUAL(esp_cmd(ESP_CMD_ICCS).intr, ESP_INTR_ILL);
    CU_ASSERT_EQUAL(esp_cmd(ESP_CMD_MSGACC | ESP_CMD_DMA).intr,
                    ESP_INTR_ILL);
    CU_ASSERT_EQUAL(esp_cmd(0x7f).intr, ESP_INTR_ILL);
    CU_ASSERT_EQUAL(rig.log.guest_errors[LOG_ESP], 5);
    CU_ASSERT_EQUAL(esp.illegal_cmds, 5);
    /* disable selection: function complete; enable: nothing */
    CU_ASSERT_EQUAL(esp_cmd(ESP_CMD_DISSEL).intr, ESP_INTR_FC);
    esp_wr(ESP_CMD, ESP_CMD_ENSEL);
    rig_run_for(&rig, CPU_HZ);
    CU_ASSERT_FALSE(esp.irq_level);
    /* ATN commands while disconnected: no effect */
    esp_wr(ESP_CMD, ESP_CMD_SATN);
    esp_wr(ESP_CMD, ESP_CMD_RSTATN);
    rig_run_for(&rig, CPU_HZ);
    CU_ASSERT_FALSE(esp.irq_level);
    /* the command register reads back the last command */
    CU_ASSERT_EQUAL(esp_rd(ESP_CMD), ESP_CMD_RSTATN);
    /* a command while busy is ignored */
    esp_wr(ESP_WBUSID, 1);
    esp_wr(ESP_CMD, ESP_CMD_SELATN);
    esp_wr(ESP_CMD, ESP_CMD_SEL);
    CU_ASSERT_EQUAL(rig.log.guest_errors[LOG_ESP], 6);
    CU_ASSERT_EQUAL(take_irq().intr, ESP_INTR_DC);
}

static uint64_t rnd(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

/* Random register traffic, biased towards what drivers write (commands
 * that exist, CDB-like bytes, the disk's ID, DMA on and off, pages
 * coming and going in the IOMMU), with time passing: nothing crashes or
 * hangs, and after a reset the bus works. */
static void test_garbage(void)
{
    static const uint8_t inq[6] = { 0x12, 0, 0, 0, 36, 0 };
    static const uint8_t start[6] = { 0x1b, 0, 0, 0, 0x01, 0 };
    static const uint8_t cmds[] = {
        0x00, 0x01, 0x10, 0x10, 0x10, 0x11, 0x11, 0x12, 0x12, 0x18, 0x1a,
        0x1b, 0x41, 0x42, 0x42, 0x42, 0x43, 0x44, 0x45, 0x46,
    };
    static const uint8_t ops[] = {
        0x00, 0x03, 0x12, 0x25, 0x28, 0x2a, 0x1a, 0x15, 0x08, 0x0a, 0x5a,
        0x55, 0x1b, 0x35, 0x2f, 0xa0, 0xff,
    };
    uint64_t seed = 0x9e3779b97f4a7c15ull;
    unsigned i;
    Cmd c;

    setup();
    linux_bootup();
    esp_wr(ESP_WSTO, 2);                /* 3.3 ms selection timeout */
    for (i = 0; i < 100000; i++) {
        uint64_t r = rnd(&seed);
        uint8_t v = (uint8_t)(r >> 32);
        switch (r % 16) {
        case 0:
        case 1:
        case 2: {
            uint8_t cmd = (r >> 8) % 10 ? cmds[(r >> 16) % sizeof(cmds)]
                                        : v & 0x7f;
            if ((r >> 40) % 500 == 0) {
                cmd = (r >> 48) & 1 ? ESP_CMD_RESET : ESP_CMD_BUSRESET;
            }
            esp_wr(ESP_CMD, (uint8_t)(cmd | ((r >> 24) & 1 ? 0x80 : 0)));
            break;
        }
        case 3:
        case 4:
            esp_wr(ESP_FIFO, (r >> 8) & 1 ? ops[v % sizeof(ops)] : v);
            break;
        case 5:
            esp_wr((r >> 8) % 3 == 0 ? ESP_TCMID : ESP_TCLO, v);
            break;
        case 6:
            esp_wr(ESP_WBUSID, (r >> 8) % 4 ? DISK_ID
                               : (r >> 12) & 1 ? CD_ID : v);
            break;
        case 7: {
            static const unsigned regs[] = {
                ESP_CFG1, ESP_CFG2, ESP_CFG3, ESP_CFG4, ESP_TCHI,
                ESP_WSYNCPER, ESP_WSYNCOFF, ESP_WCCF, ESP_WTEST, ESP_RES4,
            };
            esp_wr(regs[(r >> 8) % 10], v);
            break;
        }
        case 8:
            (void)esp_rd((unsigned)((r >> 8) % 16));
            break;
        case 9:
            wr32(DMA_PA + DMA2_CSR,
                 ((uint32_t)(r >> 8) & ~DMA2_CSR_RESET) |
                     ((r >> 40) % 4 ? DMA2_CSR_EN : 0));
            break;
        case 10:
            wr32(DMA_PA + DMA2_ADDR,
                 (r >> 8) % 8 ? CMD_DVMA + (uint32_t)((r >> 12) % 64)
                              : DVMA_BASE + (uint32_t)((r >> 12) %
                                                       (NPAGES * 4096)));
            break;
        case 11: {
            /* a command block: IDENTIFY (mostly), an opcode, bytes */
            uint8_t b[12];
            unsigned k;
            b[0] = (r >> 8) % 4 ? 0x80 : v;
            b[1] = ops[(r >> 16) % sizeof(ops)];
            for (k = 2; k < sizeof(b); k++) {
                b[k] = (uint8_t)(rnd(&seed) % 3 ? rnd(&seed) % 4
                                                : rnd(&seed));
            }
            dvma_write(CMD_DVMA + (uint32_t)((r >> 24) % 16), b, 12);
            break;
        }
        case 12:
            if ((r >> 8) % 20 == 0) {
                set_iopte((unsigned)((r >> 16) % NPAGES), (r >> 24) % 4);
            }
            break;
        case 13:
        case 14:
            rig_run_for(&rig, (Cycles)((r >> 8) % NS(20000)));
            break;
        default:
            /* the next event, if it is less than a second away */
            (void)rig_step(&rig, rig.now + CPU_HZ - 1);
            break;
        }
    }
    rig_run_for(&rig, 2 * CPU_HZ);
    CU_ASSERT(rig.log.guest_errors[LOG_ESP] > 0);
    CU_ASSERT(esp.commands > 100);
    CU_ASSERT(esp.dma_bytes > 1000);
    /* a reset, and the bus works */
    map_all_pages();
    esp_wr(ESP_CMD, ESP_CMD_BUSRESET);
    rig_run_for(&rig, CPU_HZ);
    linux_bootup();
    c = linux_do(mk_cmd(DISK_ID, inq, 6, 36));
    CU_ASSERT_EQUAL(c.status, SCSI_STATUS_GOOD);
    CU_ASSERT_EQUAL(c.moved, 36);
    /* the garbage may have stopped the disk (and written to it) */
    (void)linux_do(mk_cmd(DISK_ID, start, 6, 0));
    c = linux_do(mk_cmd(DISK_ID, start, 6, 0));
    CU_ASSERT_EQUAL(c.status, SCSI_STATUS_GOOD);
    c = linux_do(rw10(false, 0, 8));
    CU_ASSERT_EQUAL(c.status, SCSI_STATUS_GOOD);
    CU_ASSERT_EQUAL(c.moved, 4096);
}

/* ---- OpenBIOS drivers/esp.c (QEMU 7.2's build), played ---- */

/* do_command: 0 on success, else the STAT it gave up on */
static int ob_do_command(unsigned id, unsigned cmdlen, unsigned replylen)
{
    int status;

    ob_select(id, cmdlen);
    ob_poll(false);
    status = esp_rd(ESP_RSTAT);
    (void)esp_rd(ESP_RINTR);
    if ((status & ESP_STAT_TC) != ESP_STAT_TC) {
        return status;
    }
    if (replylen == 0) {
        return 0;
    }
    if ((status & ESP_STAT_PHASE) == ESP_PHASE_ST) {
        return status;
    }
    wr32(DMA_PA + DMA2_ADDR, OB_DVMA);
    set_tc(replylen);
    wr32(DMA_PA + DMA2_CSR, DMA2_CSR_WRITE | DMA2_CSR_EN);
    esp_wr(ESP_CMD, ESP_CMD_TI | ESP_CMD_DMA);
    ob_poll(false);
    status = esp_rd(ESP_RSTAT);
    (void)esp_rd(ESP_RINTR);
    return (status & ESP_STAT_TC) == ESP_STAT_TC ? 0 : status;
}

static void ob_buffer(const uint8_t *b, unsigned n)
{
    dvma_write(OB_DVMA, b, n);
}

static void test_openbios_probe(void)
{
    static const uint8_t inquiry[7] = { 0x80, 0x12, 0, 0, 0, 36, 0 };
    static const uint8_t tur[7] = { 0x80, 0, 0, 0, 0, 0, 0 };
    static const uint8_t rcap[11] = { 0x80, 0x25 };
    uint8_t b[36];
    unsigned id, i, present = 0;
    uint32_t bs = 0, sectors = 0;

    setup();
    esp_wr(ESP_CMD, ESP_CMD_RESET);             /* ob_esp_init */
    for (id = 0; id < 8; id++) {
        ob_buffer(inquiry, 7);
        if (ob_do_command(id, 7, 36)) {
            CU_ASSERT(id != DISK_ID && id != CD_ID);
            continue;
        }
        present |= 1u << id;
        dvma_read(OB_DVMA, b, 36);
        CU_ASSERT_EQUAL(b[0], id == CD_ID ? 0x05 : 0x00);
        /* clear the unit attention: test unit ready, up to 5 times */
        for (i = 0; i < 5; i++) {
            ob_buffer(tur, 7);
            if (!ob_do_command(id, 7, 0)) {
                break;
            }
        }
        CU_ASSERT(i < 5);
        ob_buffer(rcap, 11);
        if (ob_do_command(id, 11, 8) == 0) {
            dvma_read(OB_DVMA, b, 8);
            bs = (uint32_t)b[4] << 24 | b[5] << 16 | b[6] << 8 | b[7];
            sectors = ((uint32_t)b[0] << 24 | b[1] << 16 | b[2] << 8 |
                       b[3]) * (bs / 512);
            CU_ASSERT_EQUAL(id, DISK_ID);
        } else {
            CU_ASSERT_EQUAL(id, CD_ID);         /* no disc */
        }
    }
    CU_ASSERT_EQUAL(present, (1u << DISK_ID) | (1u << CD_ID));
    CU_ASSERT_EQUAL(bs, 512);
    CU_ASSERT_EQUAL(sectors, DISK_BLOCKS - 1);  /* the last LBA, as OB */
    /* ob_sd_read_sector: READ(10) of one block, boot block and one more */
    for (i = 0; i < 2; i++) {
        uint8_t cmd[11] = { 0x80, 0x28 };
        cmd[6] = (uint8_t)(i * 5);
        cmd[9] = 1;
        ob_buffer(cmd, 11);
        CU_ASSERT_EQUAL(ob_do_command(DISK_ID, 11, 512), 0);
        CU_ASSERT_TRUE(image_matches(OB_DVMA, i * 5 * 512ull, 512));
    }
    /* it never ran ICCS: each new selection dropped the target's
     * command in STATUS */
    CU_ASSERT(esp.abandoned > 0);
    CU_ASSERT_EQUAL(rig.irq.edges[SRC_SCSI], 0);   /* INT_EN never set */
    CU_ASSERT_EQUAL(rig.log.guest_errors[LOG_ESP], 0);
    CU_ASSERT_FALSE(rig.irq.level[SRC_IOMMU]);
}

/* frees the fixture the last test left behind */
static int suite_init(void)
{
    logfile = tmpfile();
    return 0;
}

static int suite_clean(void)
{
    teardown();
    if (logfile) {
        fclose(logfile);
        logfile = NULL;
    }
    return 0;
}

static const UnitTest tests[] = {
    { "reset values and access sizes", test_reset_values },
    { "chip id (Linux revision probe)", test_chip_id },
    { "transfer counter, 16 and 24 bits", test_transfer_counter },
    { "FIFO", test_fifo },
    { "bus reset interrupt, and disabled by CFG1", test_bus_reset_interrupt },
    { "bus reset in the middle of a command", test_bus_reset_mid_command },
    { "espdma reset pulse", test_dma_reset_pulse },
    { "selection timeout of an absent target", test_select_timeout },
    { "selection timeout formula", test_select_timeout_formula },
    { "DMA select and TI wait for DMA enable", test_deferred_select },
    { "select without DMA", test_select_without_dma },
    { "INQUIRY by SELATN+DMA through the IOMMU", test_inquiry },
    { "TEST UNIT READY: unit attention, REQUEST SENSE",
      test_unit_attention_then_sense },
    { "READ(10) into RAM", test_read10 },
    { "WRITE(10) into the image", test_write10 },
    { "READ split across TIs", test_read_split },
    { "select with ATN and stop, SDTR, CDB by TI", test_select_stop_sdtr },
    { "select with ATN and stop through the FIFO", test_select_stop_fifo },
    { "tagged command (SELATN3)", test_tagged },
    { "TI through the FIFO", test_fifo_transfer },
    { "DATA OUT through the FIFO", test_fifo_data_out },
    { "transfer pad", test_pad },
    { "CDB length by group code, LUN", test_cdb_length_and_lun },
    { "IOMMU fault in a data phase", test_iommu_fault },
    { "host I/O error in a data phase", test_host_error },
    { "illegal commands", test_illegal_commands },
    { "garbage", test_garbage },
    { "OpenBIOS probe and read", test_openbios_probe },
};

int main(void)
{
    return UNIT_RUN("esp", suite_init, suite_clean, tests);
}
