/*
 * SPARC Reference MMU (SRMMU) of the Fujitsu MB86904 (microSPARC-II).
 *
 * Reference: The SPARC Architecture Manual, Version 8, Appendix H
 * ("SPARC Reference MMU Architecture"), cited as "V8 H.n".  Where the manual
 * leaves room, or where QEMU 7.2 (target/sparc: mmu_helper.c, ldst_helper.c,
 * cpu.c) behaves differently from the hardware, this module follows QEMU,
 * because the simulator is diff-tested against qemu-system-sparc -M SS-5.
 * Every such place is marked "QEMU:" in srmmu.c.
 *
 * What this module is: the MMU registers (ASI 4), the probe and flush
 * decoding of ASI 3, and the three-level table walk with its permission
 * check, R/M write-back and fault recording.  What it is not: a TLB.  The
 * CPU core keeps its own software TLB and calls srmmu_translate() on a miss
 * (or when a cached entry lacks the permission the access needs).
 *
 * Contract with the CPU:
 *  - srmmu_translate() on a TLB miss.  Return value:
 *      SRMMU_OK        use r->pa for the access; r->prot says what the CPU
 *                      may cache for this page and mode without walking
 *                      again.  WRITE is only granted once the PTE's M bit
 *                      is set, so the first store to a clean page comes back
 *                      here and sets M.
 *      SRMMU_FAULT     the fault is in SFSR/SFAR; raise
 *                      instruction_access_exception (tt 0x01) for a fetch,
 *                      data_access_exception (tt 0x09) otherwise.
 *                      QEMU: if PSR.ET=0, QEMU does not trap (the real
 *                      chip would enter error mode) but carries on with the
 *                      substitute mapping in *r, exactly as for
 *                      SRMMU_FAULT_NF.  The CPU decides which to copy.
 *      SRMMU_FAULT_NF  the fault is recorded but the NF bit suppresses the
 *                      trap; *r holds the substitute mapping QEMU installs
 *                      (prot = RWX, 4 KB, pa either the real page or
 *                      SRMMU_PA_NOWHERE plus the page offset).  A pa at or
 *                      above 2^36 is "nowhere": the bus should treat it as
 *                      unassigned (QEMU then reports an access error through
 *                      srmmu_bus_fault(), see there).  Mappings made while NF
 *                      or E=0 are dropped because srmmu_reg_write() asks for
 *                      a flush whenever E, NF or BM change.
 *  - ASI 4 loads/stores: srmmu_reg_read()/srmmu_reg_write().  A nonzero
 *    return from srmmu_reg_write() means "flush the whole TLB".
 *  - ASI 3 loads: srmmu_probe().  ASI 3 stores: srmmu_flush() says what to
 *    drop from the TLB.  QEMU drops every TLB entry when a page flush hits a
 *    page that was mapped by a 256 KB or 16 MB PTE; r->page_size lets the CPU
 *    do the same (or simply flush everything).
 *  - An access that reaches an unassigned physical address (or a device
 *    that answers with a bus error): srmmu_bus_fault().
 *  - Physical memory for table walks is reached through phys_ld32 and
 *    phys_st32 (big-endian 32-bit words, PA is 36 bits).
 */
#ifndef CPU_SRMMU_H
#define CPU_SRMMU_H

#include <stdint.h>

/* Control register, ASI 4 VA 0x000 (V8 H.3.1, MB86904 bits from QEMU) */
#define SRMMU_CTRL_IMPL_VER 0xff000000u /* [31:28] impl, [27:24] ver: fixed */
#define SRMMU_CTRL_BM 0x00004000u       /* MB86904 boot mode (bit 14) */
#define SRMMU_CTRL_NF 0x00000002u       /* no fault */
#define SRMMU_CTRL_E 0x00000001u        /* MMU enable */
#define SRMMU_MB86904_ID 0x04000000u    /* impl 0, ver 4 */

/* ASI 4 register numbers: register = VA[12:8] (QEMU decodes 5 bits) */
#define SRMMU_REG_CTRL 0x00
#define SRMMU_REG_CTP 0x01      /* context table pointer */
#define SRMMU_REG_CTX 0x02      /* context number */
#define SRMMU_REG_SFSR 0x03     /* fault status, cleared by a read */
#define SRMMU_REG_SFAR 0x04     /* fault address */
#define SRMMU_REG_TRCR 0x10     /* TLB replacement control (storage only) */
#define SRMMU_REG_SFSR_NC 0x13  /* fault status, read without clearing */
#define SRMMU_REG_SFAR_ALT 0x14 /* fault address, alias */
#define SRMMU_NREGS 32

/* Writable bits of the MB86904 registers (QEMU cpu.c sparc_defs) */
#define SRMMU_CTP_MASK 0x00ffffc0u  /* PA[27:10] of a 1 KB context table */
#define SRMMU_CTX_MASK 0x000000ffu  /* 256 contexts */
#define SRMMU_SFSR_MASK 0x00016fffu /* what a store to 0x1300 keeps */
#define SRMMU_TRCR_MASK 0x00ffffffu

/* Fault status register (V8 H.3.4) */
#define SRMMU_SFSR_EBE_SHIFT 10     /* [17:10] external bus error */
#define SRMMU_SFSR_ASI 0x00010000u  /* QEMU: set by a fault on a bad ASI */
#define SRMMU_SFSR_L_SHIFT 8        /* [9:8] level of the walk */
#define SRMMU_SFSR_L_MASK 0x00000300u
#define SRMMU_SFSR_AT_SHIFT 5       /* [7:5] access type */
#define SRMMU_SFSR_AT_MASK 0x000000e0u
#define SRMMU_SFSR_FT_SHIFT 2       /* [4:2] fault type */
#define SRMMU_SFSR_FT_MASK 0x0000001cu
#define SRMMU_SFSR_FAV 0x00000002u  /* fault address valid */
#define SRMMU_SFSR_OW 0x00000001u   /* overwrite: an earlier fault was lost */

/* SFSR.FT values */
enum {
    SRMMU_FT_NONE = 0,
    SRMMU_FT_INVALID = 1,       /* invalid address error */
    SRMMU_FT_PROTECTION = 2,    /* protection error */
    SRMMU_FT_PRIVILEGE = 3,     /* privilege violation */
    SRMMU_FT_TRANSLATION = 4,   /* translation error */
    SRMMU_FT_BUS = 5,           /* access bus error */
    SRMMU_FT_INTERNAL = 6,      /* internal error (never produced here) */
};

/* SFSR.AT values: bit 2 store, bit 1 instruction, bit 0 supervisor */
enum {
    SRMMU_AT_LD_USER_DATA = 0,
    SRMMU_AT_LD_SUPER_DATA = 1,
    SRMMU_AT_LD_USER_INSN = 2,
    SRMMU_AT_LD_SUPER_INSN = 3,
    SRMMU_AT_ST_USER_DATA = 4,
    SRMMU_AT_ST_SUPER_DATA = 5,
    SRMMU_AT_ST_USER_INSN = 6,
    SRMMU_AT_ST_SUPER_INSN = 7,
};

/* Page table descriptor and entry (V8 H.2) */
#define SRMMU_ET_MASK 0x00000003u
#define SRMMU_ET_INVALID 0
#define SRMMU_ET_PTD 1
#define SRMMU_ET_PTE 2
#define SRMMU_ET_RESERVED 3
#define SRMMU_PTD_PTP_MASK 0xfffffffcu  /* PTP = PA[35:6] of the next table */
#define SRMMU_PTE_PPN_MASK 0xffffff00u  /* PPN = PA[35:12] */
#define SRMMU_PTE_C 0x00000080u         /* cacheable */
#define SRMMU_PTE_M 0x00000040u         /* modified */
#define SRMMU_PTE_R 0x00000020u         /* referenced */
#define SRMMU_PTE_ACC_SHIFT 2
#define SRMMU_PTE_ACC_MASK 0x0000001cu

/* ASI 3 probe/flush type, VA[11:8] (V8 H.4.1, H.4.2) */
#define SRMMU_PF_TYPE_SHIFT 8
enum {
    SRMMU_PF_PAGE = 0,          /* level 3 */
    SRMMU_PF_SEGMENT = 1,       /* level 2 */
    SRMMU_PF_REGION = 2,        /* level 1 */
    SRMMU_PF_CONTEXT = 3,       /* level 0 */
    SRMMU_PF_ENTIRE = 4,        /* whatever level holds the PTE */
};

/* Mapping sizes */
#define SRMMU_PAGE_SIZE 0x1000u
#define SRMMU_L2_SIZE 0x40000u      /* level-2 PTE: 256 KB */
#define SRMMU_L1_SIZE 0x1000000u    /* level-1 PTE: 16 MB */

/* Boot mode shows this much of the PROM to instruction fetches */
#define SRMMU_BOOT_PROM_MASK 0x7ffffu

/* Where QEMU sends an access that faulted under NF with no mapping */
#define SRMMU_PA_NOWHERE 0xffffffffffff0000ull
#define SRMMU_PA_LIMIT 0x1000000000ull  /* 2^36: first PA that is nowhere */

/* Access kinds.  ldstub/swap are MMU_ACC_WRITE (they need write access). */
enum { MMU_ACC_FETCH, MMU_ACC_READ, MMU_ACC_WRITE };

/* Permission bits in MmuResult.prot */
#define MMU_PROT_READ 1u
#define MMU_PROT_WRITE 2u
#define MMU_PROT_EXEC 4u
#define MMU_PROT_RWX (MMU_PROT_READ | MMU_PROT_WRITE | MMU_PROT_EXEC)

/* srmmu_translate() results */
enum {
    SRMMU_OK = 0,
    SRMMU_FAULT = 1,            /* trap (tt 0x01 fetch / 0x09 data) */
    SRMMU_FAULT_NF = 2,         /* recorded, trap suppressed by NF */
};

/* srmmu_flush() results */
enum {
    SRMMU_FLUSH_NONE = 0,       /* type 5..15: nothing */
    SRMMU_FLUSH_PAGE = 1,       /* the 4 KB page VA & ~0xfff */
    SRMMU_FLUSH_ALL = 2,        /* segment, region, context, entire */
};

/* srmmu_bus_fault() result bits */
#define SRMMU_BUSF_TRAP 1u      /* raise tt 0x21 (fetch) / 0x29 (data) */
#define SRMMU_BUSF_FLUSH 2u     /* NF set: drop the TLB (its NF mappings) */

typedef struct Srmmu {
    uint32_t ctrl;              /* 0x000: IMPL/VER, BM, NF, E + free bits */
    uint32_t ctp;               /* 0x100: context table pointer */
    uint32_t ctx;               /* 0x200: context number */
    uint32_t sfsr;              /* 0x300: synchronous fault status */
    uint32_t sfar;              /* 0x400: synchronous fault address */
    /*
     * Register numbers 5..31 other than the SFSR/SFAR aliases: plain
     * storage, as in QEMU (TRCR masked).  Indexes 0..4, 0x13, 0x14 unused.
     */
    uint32_t aux[SRMMU_NREGS];
    uint64_t prom_base;         /* 0x70000000 on the SS-5: boot mode fetches */
    void *bus;                  /* opaque, passed to phys_ld32/phys_st32 */
    /* Big-endian word at a 36-bit PA.  Return 0, or -1 for a bus error. */
    int (*phys_ld32)(void *bus, uint64_t pa, uint32_t *val);
    int (*phys_st32)(void *bus, uint64_t pa, uint32_t val);
} Srmmu;

typedef struct MmuResult {
    uint64_t pa;                /* physical address of the access */
    uint32_t page_size;         /* 4 KB, 256 KB or 16 MB mapping; 4 KB for
                                   MMU off, boot mode and NF substitutes */
    unsigned prot;              /* MMU_PROT_*: what may be cached for this
                                   page and mode without another walk */
} MmuResult;

/*
 * Set the callbacks and the PROM base, then srmmu_reset().  The other
 * fields are zeroed first.
 */
void srmmu_init(Srmmu *m, void *bus,
                int (*phys_ld32)(void *bus, uint64_t pa, uint32_t *val),
                int (*phys_st32)(void *bus, uint64_t pa, uint32_t val),
                uint64_t prom_base);

/* Power-on state: ctrl = 0x04000000 | BM, every other register 0. */
void srmmu_reset(Srmmu *m);

/*
 * CPU reset as QEMU's sparc_cpu_reset does it (system reset request):
 * clears E and NF, sets BM, keeps every other register.
 */
void srmmu_soft_reset(Srmmu *m);

/*
 * Translate one access.  acc is MMU_ACC_*, super is the supervisor bit of
 * the access's ASI (8/9 user/super instruction, 10/11 user/super data, or
 * PSR.S for ordinary accesses).  Fills *r in every case (see the contract
 * above for the fault cases) and updates SFSR/SFAR on a fault.
 */
int srmmu_translate(Srmmu *m, uint32_t va, int acc, int super, MmuResult *r);

/*
 * ASI 3 load (probe).  VA[11:8] is the probe type.  Returns the entry the
 * probe finds or 0.  No R/M update, no SFSR update.
 */
uint32_t srmmu_probe(Srmmu *m, uint32_t va);

/* ASI 3 store (flush): decodes VA[11:8] into SRMMU_FLUSH_*. */
int srmmu_flush(const Srmmu *m, uint32_t va);

/* ASI 4 load.  Reading 0x300 clears SFSR. */
uint32_t srmmu_reg_read(Srmmu *m, uint32_t va);

/* ASI 4 store.  Returns SRMMU_REG_FLUSH if the CPU must flush its whole
 * TLB (E, BM or the context changed), SRMMU_REG_NF if only NF changed
 * (the CPU drops the mappings it installed for faults that NF silenced,
 * if it holds any), else 0. */
enum { SRMMU_REG_FLUSH = 1, SRMMU_REG_NF = 2 };
int srmmu_reg_write(Srmmu *m, uint32_t va, uint32_t v);

/*
 * Record an access error (an access the bus did not complete): FT=5, L=0,
 * AT from acc and super (QEMU uses PSR.S here, not the ASI), ASI bit if
 * is_asi, SFAR = va, the virtual address of the access (V8 H.3.5; for the
 * bypass ASIs the address the instruction gave, for a fetch the
 * instruction's address).  QEMU stores the physical address instead, and
 * nothing for a fetch (srmmu.c).  A pending FT 1..4 is kept, as in QEMU
 * (sparc_raise_mmu_fault).  Returns SRMMU_BUSF_* bits; QEMU traps only
 * when E=1 and NF=0.
 */
unsigned srmmu_bus_fault(Srmmu *m, uint32_t va, int acc, int super,
                         int is_asi);

/*
 * Side-effect-free translation for debuggers: supervisor view, no
 * permission check, no R/M or SFSR update.  Returns 0 and *pa, or -1.
 */
int srmmu_debug_translate(const Srmmu *m, uint32_t va, uint64_t *pa);

static inline int srmmu_enabled(const Srmmu *m)
{
    return (m->ctrl & SRMMU_CTRL_E) != 0;
}

#endif
