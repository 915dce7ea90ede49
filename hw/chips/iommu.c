/*
 * sun4m I/O MMU (Sun-4M System Architecture rev 2.0, chapter "I/O MMU", as
 * summarised by QEMU hw/sparc/sun4m_iommu.c and Linux
 * arch/sparc/include/asm/iommu_32.h).
 *
 * Register file: most registers are plain storage through their writable
 * mask; offsets without a documented register keep what was written, as
 * in QEMU.  The TLB is not modelled, so both flush registers only store
 * the value.
 *
 * Translation (hw/README.md §IOMMU): the DVMA window is the top
 * 16 MB << CTRL.RNGE of the 32-bit space; the table at BASE << 4 holds one
 * IOPTE per 4 KB page of the window, indexed by the DVMA bits below the
 * window size.  As in QEMU the table is walked even while CTRL.ENAB is 0,
 * and an address below the window is folded into it by the same mask.
 *
 * SIMPLIFY: the write-as-zeros and cacheable IOPTE bits are ignored, a
 * second fault overwrites AFSR/AFAR without setting AFSR.ME, and a table
 * walk that hits a bus error is reported as an invalid IOPTE; the SBus
 * slot configurations (bypass mode) are stored but not applied.
 */
#include "hw/chips/iommu.h"

#include <string.h>

/* Writable masks and fixed bits (QEMU sun4m_iommu.c) */
#define IOMMU_BASE_MASK 0x07fffc00u     /* table PA[30:14] >> 4 */
#define IOMMU_AFSR_MASK 0xff0fffffu
#define IOMMU_AER_MASK 0x801f000fu      /* SBW, SBus slots, MBus masters */
#define IOMMU_AER_EN_P0 0x00000001u     /* MBus master 8: always 1 */
#define IOMMU_AER_EN_P1 0x00000002u
#define IOMMU_SBCFG_MASK 0x00010003u    /* SA30, BA8, bypass */
#define IOMMU_ARBEN_MASK 0x001f0000u
#define IOMMU_MID 0x00000008u           /* the IOMMU's own MBus id */
#define IOMMU_MASK_ID_MASK 0x00ffffffu
#define IOMMU_TS_MASK 0x23000000u       /* mask id as QEMU reports it */

#define REG(off) ((off) >> 2)

static void iommu_set_irq(Iommu *s, bool level)
{
    if (level != s->irq_level) {
        s->irq_level = level;
        irq_set(&s->irq, level);
    }
}

/* CTRL.RNGE n selects a window of 16 MB << n ending at 4 GB. */
static uint32_t iommu_window_mask(uint32_t ctrl)
{
    unsigned n = (ctrl & IOMMU_CTRL_RNGE) >> 2;
    return (0x01000000u << n) - 1;
}

void iommu_reset(Iommu *s)
{
    memset(s->regs, 0, sizeof(s->regs));
    s->regs[REG(IOMMU_CTRL)] = s->version;
    s->regs[REG(IOMMU_ARBEN)] = IOMMU_MID;
    s->regs[REG(IOMMU_AFSR)] = IOMMU_AFSR_RESV;
    s->regs[REG(IOMMU_AER)] = IOMMU_AER_EN_P0 | IOMMU_AER_EN_P1;
    s->regs[REG(IOMMU_MASK_ID)] = IOMMU_TS_MASK;
    /* until CTRL is first written the whole DVMA address indexes the
     * table (QEMU's iostart of 0) */
    s->window_mask = 0xffffffffu;
    iommu_set_irq(s, false);
}

void iommu_init(Iommu *s, const DevCtx *ctx, uint32_t version, IrqLine irq)
{
    memset(s, 0, sizeof(*s));
    s->ctx = *ctx;
    s->version = version & (IOMMU_CTRL_IMPL | IOMMU_CTRL_VERS);
    s->irq = irq;
    s->phys_ld32 = ctx->bus ? bus_ld32 : NULL;
    s->phys_opaque = ctx->bus;
    iommu_reset(s);
    dev_map(ctx, 0, IOMMU_REG_SIZE, &iommu_ops, s, NULL);
}

static void iommu_fault(Iommu *s, uint32_t page, bool write)
{
    s->faults++;
    dev_trace(&s->ctx, "fault: %s of DVMA page 0x%08x", write ? "write"
              : "read", page);
    s->regs[REG(IOMMU_AFSR)] = IOMMU_AFSR_ERR | IOMMU_AFSR_LE |
                               IOMMU_AFSR_RESV | IOMMU_AFSR_FAV |
                               (write ? 0 : IOMMU_AFSR_RD);
    s->regs[REG(IOMMU_AFAR)] = page;
    iommu_set_irq(s, true);
}

int iommu_translate(Iommu *s, uint32_t dvma, bool write, uint64_t *pa)
{
    uint32_t page = dvma & ~(IOMMU_PAGE_SIZE - 1);
    uint64_t pte_pa = ((uint64_t)s->regs[REG(IOMMU_BASE)] << 4) +
                      ((uint64_t)((page & s->window_mask) >>
                                  IOMMU_PAGE_SHIFT) << 2);
    uint32_t pte = 0;

    s->translations++;
    if (!s->phys_ld32 || s->phys_ld32(s->phys_opaque, pte_pa, &pte) != 0 ||
        !(pte & IOMMU_IOPTE_VALID)) {
        iommu_fault(s, page, write);
        return -1;
    }
    if (write && !(pte & IOMMU_IOPTE_WRITE)) {
        iommu_fault(s, page, write);
        return -2;
    }
    /* the IOPTE holds PA[35:12] in its bits 31:8 */
    *pa = ((uint64_t)(pte & IOMMU_IOPTE_PAGE) << 4) |
          (dvma & (IOMMU_PAGE_SIZE - 1));
    dev_trace(&s->ctx, "DVMA 0x%08x -> PA 0x%09llx (%s)", dvma,
              (unsigned long long)*pa, write ? "write" : "read");
    return 0;
}

static BusStatus iommu_read(void *opaque, uint32_t off, unsigned size,
                            uint32_t *val)
{
    Iommu *s = opaque;
    unsigned r = REG(off) % IOMMU_NREGS;
    (void)size;
    *val = s->regs[r];
    /* reading the fault status or address acknowledges the interrupt */
    if (r == REG(IOMMU_AFSR) || r == REG(IOMMU_AFAR)) {
        iommu_set_irq(s, false);
    }
    return BUS_OK;
}

static BusStatus iommu_write(void *opaque, uint32_t off, unsigned size,
                             uint32_t val)
{
    Iommu *s = opaque;
    unsigned r = REG(off) % IOMMU_NREGS;
    (void)size;
    switch (r) {
    case REG(IOMMU_CTRL):
        s->window_mask = iommu_window_mask(val);
        s->regs[r] = (val & IOMMU_CTRL_MASK) | s->version;
        break;
    case REG(IOMMU_BASE):
        s->regs[r] = val & IOMMU_BASE_MASK;
        break;
    case REG(IOMMU_AFSR):
        s->regs[r] = (val & IOMMU_AFSR_MASK) | IOMMU_AFSR_RESV;
        iommu_set_irq(s, false);
        break;
    case REG(IOMMU_AFAR):
        s->regs[r] = val;
        iommu_set_irq(s, false);
        break;
    case REG(IOMMU_AER):
        s->regs[r] = (val & IOMMU_AER_MASK) | IOMMU_AER_EN_P0;
        break;
    case REG(IOMMU_SBCFG0):
    case REG(IOMMU_SBCFG0) + 1:
    case REG(IOMMU_SBCFG0) + 2:
    case REG(IOMMU_SBCFG3):
        s->regs[r] = val & IOMMU_SBCFG_MASK;
        break;
    case REG(IOMMU_ARBEN):
        s->regs[r] = (val & IOMMU_ARBEN_MASK) | IOMMU_MID;
        break;
    case REG(IOMMU_MASK_ID):
        /* the mask number is fixed; only the low bits can be set */
        s->regs[r] |= val & IOMMU_MASK_ID_MASK;
        break;
    case REG(IOMMU_TLBFLUSH):
    case REG(IOMMU_PGFLUSH):
        /* no TLB is modelled: the flushes have nothing to do */
        s->regs[r] = val;
        break;
    default:
        /* undocumented offsets: storage, as QEMU keeps them */
        guest_error(&s->ctx, "write 0x%08x to undocumented register +0x%x",
                    val, off);
        s->regs[r] = val;
        break;
    }
    dev_trace(&s->ctx, "+0x%04x <- 0x%08x", off, val);
    return BUS_OK;
}

/* Reads have no side effect except on AFSR/AFAR (interrupt ack). */
static bool iommu_is_stable(void *opaque, uint32_t off)
{
    unsigned r = REG(off) % IOMMU_NREGS;
    (void)opaque;
    return r != REG(IOMMU_AFSR) && r != REG(IOMMU_AFAR);
}

const MmioOps iommu_ops = {
    .read = iommu_read,
    .write = iommu_write,
    .min_size = 4,
    .max_size = 4,
    .is_stable = iommu_is_stable,
};

/* ---- the IOMMU as a stage of the DMA chain: DVMA -> physical ---- */

static uint64_t iommu_stage_map(DmaStage *st, const SgList *in, DmaDir dir,
                                SgList *out, DmaFault *f)
{
    Iommu *s = st->opaque;
    bool write = dir == DMA_TO_MEM;
    uint64_t done = 0;
    unsigned i;

    for (i = 0; i < in->n; i++) {
        uint32_t dvma = (uint32_t)in->e[i].addr;
        uint64_t left = in->e[i].len;
        while (left) {
            uint32_t in_page = IOMMU_PAGE_SIZE - (dvma & (IOMMU_PAGE_SIZE - 1));
            uint64_t n = left < in_page ? left : in_page;
            uint64_t pa;
            int r = iommu_translate(s, dvma, write, &pa);
            if (r < 0) {
                f->stage = "iommu";
                f->addr = dvma;
                f->kind = r == -2 ? DMA_FAULT_PROT : DMA_FAULT_INVALID;
                return done;
            }
            if (sg_add(out, pa, n) < 0) {
                /* host out of memory: what is mapped so far goes */
                f->stage = "iommu";
                f->addr = dvma;
                f->kind = DMA_FAULT_BUS;
                return done;
            }
            done += n;
            dvma += (uint32_t)n;
            left -= n;
        }
    }
    return done;
}

DmaStage *iommu_stage(Iommu *s)
{
    s->stage.name = "iommu";
    s->stage.map = iommu_stage_map;
    s->stage.opaque = s;
    s->stage.next = NULL;           /* below it: memory */
    return &s->stage;
}
