/*
 * sun4m I/O MMU: translates the 32-bit DVMA addresses of SBus masters (the
 * DMA2 channels of the ESP and the Lance) into 36-bit physical addresses
 * through a one-level table of IOPTEs in main memory.
 * Sources: Sun-4M System Architecture rev 2.0 (950-1373-01) as summarised in
 * QEMU hw/sparc/sun4m_iommu.c; Linux arch/sparc/include/asm/iommu_32.h,
 * arch/sparc/mm/iommu.c; hw/README.md §IOMMU.
 *
 * Registers: 0x4000 bytes at 0x10000000 on the SS-5, 32-bit accesses only.
 * Its interrupt (a translation fault) is system source bit 30 (PIL 15).
 */
#ifndef HW_IOMMU_H
#define HW_IOMMU_H

#include <stdbool.h>
#include <stdint.h>

#include "dma/chain.h"
#include "hw/core/bus.h"
#include "hw/core/devctx.h"
#include "hw/core/irq.h"

#define IOMMU_REG_SIZE 0x4000u
#define IOMMU_NREGS (IOMMU_REG_SIZE / 4)

/* CTRL[31:24]: implementation 0, version 5 on the SS-5 (QEMU ss5_hwdef);
 * the SS-10 has 0x03000000, the SS-20 0x13000000. */
#define IOMMU_VERSION_SS5 0x05000000u

/* Register byte offsets */
#define IOMMU_CTRL 0x0000u
#define IOMMU_BASE 0x0004u
#define IOMMU_TLBFLUSH 0x0014u
#define IOMMU_PGFLUSH 0x0018u
#define IOMMU_AFSR 0x1000u
#define IOMMU_AFAR 0x1004u
#define IOMMU_AER 0x1008u
#define IOMMU_SBCFG0 0x1010u         /* SBus slot 0..3 configuration */
#define IOMMU_SBCFG3 0x101cu
#define IOMMU_ARBEN 0x2000u
#define IOMMU_MASK_ID 0x3018u

/* CTRL bits */
#define IOMMU_CTRL_IMPL 0xf0000000u  /* read-only */
#define IOMMU_CTRL_VERS 0x0f000000u  /* read-only */
#define IOMMU_CTRL_RNGE 0x0000001cu  /* window 16 MB << n, ending at 4 GB */
#define IOMMU_CTRL_ENAB 0x00000001u
#define IOMMU_CTRL_MASK 0x0000001du  /* writable bits */

/* AFSR bits */
#define IOMMU_AFSR_ERR 0x80000000u   /* LE, TO or BE */
#define IOMMU_AFSR_LE 0x40000000u    /* late error: translation failed */
#define IOMMU_AFSR_TO 0x20000000u    /* write took more than 12.8 us */
#define IOMMU_AFSR_BE 0x10000000u    /* write got an error acknowledge */
#define IOMMU_AFSR_SIZE 0x0e000000u  /* size of the failing transfer */
#define IOMMU_AFSR_S 0x01000000u     /* CPU was in supervisor mode */
#define IOMMU_AFSR_RESV 0x00800000u  /* reserved, reads 1 */
#define IOMMU_AFSR_ME 0x00080000u    /* multiple errors */
#define IOMMU_AFSR_RD 0x00040000u    /* the failing transfer was a read */
#define IOMMU_AFSR_FAV 0x00020000u   /* AFAR is valid */

/* IOPTE: [31:8] PA[35:12], [7] cacheable, [2] writable, [1] valid,
 * [0] write as zeros */
#define IOMMU_IOPTE_PAGE 0xffffff00u
#define IOMMU_IOPTE_CACHE 0x00000080u
#define IOMMU_IOPTE_WRITE 0x00000004u
#define IOMMU_IOPTE_VALID 0x00000002u
#define IOMMU_IOPTE_WAZ 0x00000001u

#define IOMMU_PAGE_SHIFT 12
#define IOMMU_PAGE_SIZE (1u << IOMMU_PAGE_SHIFT)

/* Reads a big-endian 32-bit word of physical memory for the table walk;
 * returns 0, or nonzero on a bus error (as cpu/srmmu.h phys_ld32). */
typedef int IommuPhysLd32Fn(void *opaque, uint64_t pa, uint32_t *val);

typedef struct Iommu {
    DevCtx ctx;
    DmaStage stage;                 /* as a stage of the DMA chain */
    uint32_t regs[IOMMU_NREGS];     /* by byte offset / 4 */
    uint32_t version;               /* CTRL[31:24] */
    uint32_t window_mask;           /* DVMA bits indexing the table */
    IrqLine irq;
    bool irq_level;
    IommuPhysLd32Fn *phys_ld32;
    void *phys_opaque;
    uint64_t translations, faults;  /* statistics */
} Iommu;

extern const MmioOps iommu_ops;

/* version: IOMMU_VERSION_SS5 on the SS-5.  The table walk reads physical
 * memory through ctx->bus (bus_ld32); a test may point phys_ld32 and
 * phys_opaque elsewhere after init.  Maps the registers (IOMMU_REG_SIZE
 * bytes) at ctx->base, 0x10000000 on SS-5.  Calls iommu_reset. */
void iommu_init(Iommu *s, const DevCtx *ctx, uint32_t version, IrqLine irq);
void iommu_reset(Iommu *s);

/*
 * Translate one DVMA address for an SBus master.  Returns 0 and the
 * physical address in *pa, or a negative number on a fault (invalid
 * IOPTE, a write to a page without the writable bit, or a table walk that
 * hits a bus error): then AFSR/AFAR are latched and the IOMMU interrupt is raised, and the
 * device decides what the guest sees.  The translation is valid for the
 * rest of the 4 KB page holding dvma.  -1: no translation (an invalid
 * IOPTE or a walk that hit nothing), -2: a write to a read-only page.
 */
int iommu_translate(Iommu *s, uint32_t dvma, bool write, uint64_t *pa);

/* The IOMMU as a stage of the DMA chain (dma/chain.h): DVMA lists in,
 * physical lists out, split at its 4 KB pages; a fault latches AFSR/AFAR
 * and interrupts, as iommu_translate. */
DmaStage *iommu_stage(Iommu *s);

#endif
