/*
 * SPARC Reference MMU of the Fujitsu MB86904 (microSPARC-II).
 *
 * V8 Appendix H: registers (H.3), table walk (H.2, H.5), probe and flush
 * (H.4).  MB86904 identity and register masks as in QEMU 7.2
 * target/sparc/cpu.c; walk, fault recording and ASI 3/4 behaviour as in
 * target/sparc/mmu_helper.c and ldst_helper.c.  "QEMU:" marks the places
 * where QEMU's behaviour is followed although the chip (or the manual)
 * would do something else.
 */
#include "cpu/srmmu.h"

#include <stddef.h>
#include <string.h>

/*
 * ACC field (V8 H.2.3, table "ACC field"): what each mode may do.
 *   ACC  user  supervisor
 *    0   R     R
 *    1   RW    RW
 *    2   RX    RX
 *    3   RWX   RWX
 *    4   X     X
 *    5   R     RW
 *    6   -     RX
 *    7   -     RWX
 */
#define P_R MMU_PROT_READ
#define P_W MMU_PROT_WRITE
#define P_X MMU_PROT_EXEC
static const uint8_t srmmu_acc_perm[2][8] = {
    { P_R, P_R | P_W, P_R | P_X, P_R | P_W | P_X, P_X, P_R, 0, 0 },
    { P_R, P_R | P_W, P_R | P_X, P_R | P_W | P_X, P_X, P_R | P_W,
      P_R | P_X, P_R | P_W | P_X },
};
#undef P_R
#undef P_W
#undef P_X

/* Size mapped by a PTE at each level (a level-0 PTE would map 4 GB) */
static const uint32_t srmmu_level_size[4] = {
    0, SRMMU_L1_SIZE, SRMMU_L2_SIZE, SRMMU_PAGE_SIZE
};

/* Outcome of a walk down to a PTE. */
typedef struct SrmmuWalk {
    uint32_t pte;               /* the PTE found */
    uint64_t pte_pa;            /* where it lives, for the R/M write-back */
    unsigned level;             /* level of the PTE, or of the failure */
    unsigned ft;                /* SRMMU_FT_NONE or why the walk stopped */
} SrmmuWalk;

/* Context table entry: CTP holds PA[35:6], one word per context. */
static uint64_t srmmu_ctx_entry_pa(const Srmmu *m)
{
    return ((uint64_t)m->ctp << 4) + ((uint64_t)m->ctx << 2);
}

/*
 * Address of the entry for va in the table a PTD of level `level` points
 * to.  Level 1 is indexed by VA[31:24], level 2 by VA[23:18], level 3 by
 * VA[17:12].
 * QEMU: computes the table base as (PTD & ~3) << 4 in 32 bits, so a table
 * above 4 GB is not reachable there; here PTP is PA[35:6] as in V8 H.2.1.
 * Page tables live in RAM, which the SS-5 has below 4 GB, so the two agree
 * for any working guest.
 */
static uint64_t srmmu_next_entry_pa(uint32_t ptd, uint32_t va,
                                    unsigned level)
{
    uint64_t base = (uint64_t)(ptd & SRMMU_PTD_PTP_MASK) << 4;
    uint32_t index;

    if (level == 1) {
        index = va >> 24;
    } else if (level == 2) {
        index = (va >> 18) & 0x3f;
    } else {
        index = (va >> 12) & 0x3f;
    }
    return base + ((uint64_t)index << 2);
}

/*
 * Walk context table -> level 1 -> level 2 -> level 3 (V8 H.5).  No side
 * effects.
 * QEMU: a PTE in the context table (a 4 GB mapping in V8) is a translation
 * error at level 0, as is a PTD at level 3 and a reserved entry anywhere.
 * A bus error while reading an entry is a translation error at the level
 * being read; the EBE bits stay 0.
 */
static void srmmu_walk(const Srmmu *m, uint32_t va, SrmmuWalk *w)
{
    uint64_t pa = srmmu_ctx_entry_pa(m);
    unsigned level;

    w->pte = 0;
    for (level = 0; level <= 3; level++) {
        uint32_t e;

        w->level = level;
        w->pte_pa = pa;
        if (m->phys_ld32(m->bus, pa, &e) != 0) {
            w->ft = SRMMU_FT_TRANSLATION;
            return;
        }
        switch (e & SRMMU_ET_MASK) {
        case SRMMU_ET_INVALID:
            w->ft = SRMMU_FT_INVALID;
            return;
        case SRMMU_ET_PTE:
            if (level == 0) {
                w->ft = SRMMU_FT_TRANSLATION;
                return;
            }
            w->pte = e;
            w->ft = SRMMU_FT_NONE;
            return;
        case SRMMU_ET_PTD:
            if (level == 3) {
                w->ft = SRMMU_FT_TRANSLATION;
                return;
            }
            pa = srmmu_next_entry_pa(e, va, level + 1);
            break;
        default:
            w->ft = SRMMU_FT_TRANSLATION;
            return;
        }
    }
    /* Not reached: level 3 always returns. */
    w->ft = SRMMU_FT_TRANSLATION;
}

/*
 * Physical address for va through the PTE found at `level`: PPN is
 * PA[35:12], the low VA bits select within the page.
 * QEMU: adds the in-mapping offset to PPN << 12 instead of replacing the
 * low PPN bits; a misaligned 256 KB or 16 MB PTE (low PPN bits not zero)
 * therefore maps to PPN + offset, where the chip ignores those PPN bits.
 */
static uint64_t srmmu_pte_pa(uint32_t pte, uint32_t va, unsigned level)
{
    uint32_t size = srmmu_level_size[level];

    return ((uint64_t)(pte & SRMMU_PTE_PPN_MASK) << 4) + (va & (size - 1));
}

static unsigned srmmu_acc_need(int acc)
{
    if (acc == MMU_ACC_FETCH) {
        return MMU_PROT_EXEC;
    }
    if (acc == MMU_ACC_WRITE) {
        return MMU_PROT_WRITE;
    }
    return MMU_PROT_READ;
}

/* Fault type of an access to a PTE with this ACC, or FT_NONE. */
static unsigned srmmu_check_acc(unsigned accf, int acc, int super)
{
    if (srmmu_acc_perm[super][accf] & srmmu_acc_need(acc)) {
        return SRMMU_FT_NONE;
    }
    /* User access to a supervisor-only page (ACC 6, 7) */
    if (!super && accf >= 6) {
        return SRMMU_FT_PRIVILEGE;
    }
    return SRMMU_FT_PROTECTION;
}

/* SFSR.AT: bit 2 store, bit 1 instruction, bit 0 supervisor */
static unsigned srmmu_at(int acc, int super)
{
    return (acc == MMU_ACC_WRITE ? 4u : 0u) |
           (acc == MMU_ACC_FETCH ? 2u : 0u) | (super ? 1u : 0u);
}

/*
 * Latch a translation fault (V8 H.3.4).
 * QEMU: any nonzero SFSR still present (not yet read) is replaced by OW
 * alone before the new fault is merged in, whatever the fault types; V8
 * H.3.4 instead ranks the fault types and keeps the higher one.  SFAR is
 * written with the page address (VA[11:0] = 0) because QEMU walks the
 * page-aligned address; the chip stores the full faulting VA.
 */
static void srmmu_record(Srmmu *m, uint32_t va, unsigned ft, unsigned level,
                         unsigned at)
{
    if (m->sfsr != 0) {
        m->sfsr = SRMMU_SFSR_OW;
    }
    m->sfsr |= (level << SRMMU_SFSR_L_SHIFT) | (at << SRMMU_SFSR_AT_SHIFT) |
               (ft << SRMMU_SFSR_FT_SHIFT) | SRMMU_SFSR_FAV;
    m->sfar = va & ~(SRMMU_PAGE_SIZE - 1);
}

int srmmu_translate(Srmmu *m, uint32_t va, int acc, int super, MmuResult *r)
{
    SrmmuWalk w;
    unsigned ft, level;
    int nowhere = 1;

    super = super ? 1 : 0;
    r->page_size = SRMMU_PAGE_SIZE;

    if (!(m->ctrl & SRMMU_CTRL_E)) {
        /*
         * MMU off: PA = VA (so only the low 4 GB).  Boot mode (BM=1)
         * sends instruction fetches to the first 512 KB of the PROM.
         * QEMU: the CPU TLB is shared by fetches and data in one mmu_idx,
         * so a data load from a page that a boot-mode fetch put in the TLB
         * also reads the PROM (prot R|X), and a fetch from a page a data
         * access put there (prot RWX) reads RAM.
         */
        if (acc == MMU_ACC_FETCH && (m->ctrl & SRMMU_CTRL_BM)) {
            r->pa = m->prom_base | (va & SRMMU_BOOT_PROM_MASK);
            r->prot = MMU_PROT_READ | MMU_PROT_EXEC;
        } else {
            r->pa = va;
            r->prot = MMU_PROT_RWX;
        }
        return SRMMU_OK;
    }

    srmmu_walk(m, va, &w);
    ft = w.ft;
    level = w.level;
    if (ft == SRMMU_FT_NONE) {
        unsigned accf = (w.pte & SRMMU_PTE_ACC_MASK) >> SRMMU_PTE_ACC_SHIFT;

        ft = srmmu_check_acc(accf, acc, super);
        /*
         * QEMU: protection and privilege faults are reported with L = 0,
         * not the PTE's level.
         */
        level = 0;
        /*
         * QEMU: with NF=1 a user access that fails the ACC check is still
         * translated (R/M updated, real PA) besides being recorded; a
         * supervisor one gets the "nowhere" mapping below.
         */
        if (ft == SRMMU_FT_NONE || ((m->ctrl & SRMMU_CTRL_NF) && !super)) {
            uint32_t set = SRMMU_PTE_R;

            if (acc == MMU_ACC_WRITE) {
                set |= SRMMU_PTE_M;
            }
            if ((w.pte & set) != set) {
                /*
                 * V8 H.5: the walk sets R, and M on a store, in memory.
                 * A failed write-back is ignored, as QEMU 7.2 does.
                 */
                w.pte |= set;
                (void)m->phys_st32(m->bus, w.pte_pa, w.pte);
            }
            r->pa = srmmu_pte_pa(w.pte, va, w.level);
            r->page_size = srmmu_level_size[w.level];
            r->prot = srmmu_acc_perm[super][accf];
            if (!(w.pte & SRMMU_PTE_M)) {
                /* Let the first store come back to set M */
                r->prot &= ~MMU_PROT_WRITE;
            }
            if (ft == SRMMU_FT_NONE) {
                return SRMMU_OK;
            }
            nowhere = 0;
        }
    }

    srmmu_record(m, va, ft, level, srmmu_at(acc, super));

    /*
     * The mapping QEMU installs when it does not trap (NF=1, or PSR.ET=0):
     * full access to the real page if the walk got that far, else to a
     * physical address that decodes to nothing.
     */
    if (nowhere) {
        r->pa = SRMMU_PA_NOWHERE + (va & (SRMMU_PAGE_SIZE - 1));
    }
    r->page_size = SRMMU_PAGE_SIZE;
    r->prot = MMU_PROT_RWX;
    /*
     * QEMU: NF silences every fault.  On the chip it does not: as we read
     * V8 H.3.1, faults on ASI 9 (supervisor instruction) still trap with
     * NF=1, only the other ASIs are silenced.
     */
    return (m->ctrl & SRMMU_CTRL_NF) ? SRMMU_FAULT_NF : SRMMU_FAULT;
}

/*
 * Probe (V8 H.4.2).  Type 3 returns the context table entry, type 2 the
 * level-1 entry, type 1 the level-2 entry, type 0 the level-3 entry; a PTE
 * met on the way is returned whatever the type, so type 4 ("entire") and
 * type 0 both return the PTE at whatever level it is.  Invalid or reserved
 * entries, bus errors and types 5..15 give 0.
 * QEMU: a PTE in the context table gives 0, the MMU enable bit is not
 * looked at, R is not set, and probe errors do not touch SFSR/SFAR (QEMU
 * has a TODO saying the chip records them).
 */
uint32_t srmmu_probe(Srmmu *m, uint32_t va)
{
    unsigned type = (va >> SRMMU_PF_TYPE_SHIFT) & 0xf;
    uint64_t pa = srmmu_ctx_entry_pa(m);
    unsigned level;

    if (type > SRMMU_PF_ENTIRE) {
        return 0;
    }
    for (level = 0; level <= 3; level++) {
        uint32_t e;

        if (m->phys_ld32(m->bus, pa, &e) != 0) {
            return 0;
        }
        switch (e & SRMMU_ET_MASK) {
        case SRMMU_ET_PTE:
            return level == 0 ? 0 : e;
        case SRMMU_ET_PTD:
            if (level == 3) {
                return 0;
            }
            /* Page/segment/region/context stop at level 3/2/1/0 */
            if (type <= SRMMU_PF_CONTEXT && level == 3 - type) {
                return e;
            }
            pa = srmmu_next_entry_pa(e, va, level + 1);
            break;
        default:
            return 0;
        }
    }
    return 0;
}

/*
 * Flush (V8 H.4.1): type 0 page, 1 segment, 2 region, 3 context,
 * 4 entire.
 * QEMU: only a page flush is selective (VA[31:12]); segment, region and
 * context flushes drop every TLB entry, where the chip drops only the
 * entries of that segment, region or context.  Types 5..15 do nothing.
 */
int srmmu_flush(const Srmmu *m, uint32_t va)
{
    unsigned type = (va >> SRMMU_PF_TYPE_SHIFT) & 0xf;

    (void)m;
    if (type == SRMMU_PF_PAGE) {
        return SRMMU_FLUSH_PAGE;
    }
    if (type <= SRMMU_PF_ENTIRE) {
        return SRMMU_FLUSH_ALL;
    }
    return SRMMU_FLUSH_NONE;
}

/*
 * ASI 4 load.  Register = VA[12:8]; other VA bits are ignored.
 * Reading the SFSR at 0x300 clears it (V8 H.3.4); 0x1300 and 0x1400 read
 * SFSR and SFAR without side effects.  QEMU: every other register number
 * reads back what was last stored there.
 */
uint32_t srmmu_reg_read(Srmmu *m, uint32_t va)
{
    unsigned reg = (va >> 8) & (SRMMU_NREGS - 1);
    uint32_t v;

    switch (reg) {
    case SRMMU_REG_CTRL:
        return m->ctrl;
    case SRMMU_REG_CTP:
        return m->ctp;
    case SRMMU_REG_CTX:
        return m->ctx;
    case SRMMU_REG_SFSR:
        v = m->sfsr;
        m->sfsr = 0;
        return v;
    case SRMMU_REG_SFAR:
    case SRMMU_REG_SFAR_ALT:
        return m->sfar;
    case SRMMU_REG_SFSR_NC:
        return m->sfsr;
    default:
        return m->aux[reg];
    }
}

/*
 * ASI 4 store.  Control: IMPL/VER are read-only, bits 23..0 writable
 * (QEMU keeps all of them, cache enables included).  CTP and CTX are
 * masked to the MB86904 widths.  Stores to 0x300/0x400 are ignored;
 * 0x1300 and 0x1400 write SFSR (masked) and SFAR.
 * The TLB must go when E, NF or BM change (QEMU flushes on NF/BM and keys
 * E by mmu_idx) and when the context changes (QEMU's TLB has no context
 * tag).  A new CTP does not flush, on the chip or in QEMU.
 */
int srmmu_reg_write(Srmmu *m, uint32_t va, uint32_t v)
{
    unsigned reg = (va >> 8) & (SRMMU_NREGS - 1);
    uint32_t old;

    switch (reg) {
    case SRMMU_REG_CTRL:
        old = m->ctrl;
        m->ctrl = (old & SRMMU_CTRL_IMPL_VER) | (v & ~SRMMU_CTRL_IMPL_VER);
        if ((old ^ m->ctrl) & (SRMMU_CTRL_E | SRMMU_CTRL_BM)) {
            return SRMMU_REG_FLUSH;
        }
        return ((old ^ m->ctrl) & SRMMU_CTRL_NF) ? SRMMU_REG_NF : 0;
    case SRMMU_REG_CTP:
        m->ctp = v & SRMMU_CTP_MASK;
        return 0;
    case SRMMU_REG_CTX:
        old = m->ctx;
        m->ctx = v & SRMMU_CTX_MASK;
        return old != m->ctx ? SRMMU_REG_FLUSH : 0;
    case SRMMU_REG_SFSR:
    case SRMMU_REG_SFAR:
        return 0;
    case SRMMU_REG_TRCR:
        m->aux[reg] = v & SRMMU_TRCR_MASK;
        return 0;
    case SRMMU_REG_SFSR_NC:
        m->sfsr = v & SRMMU_SFSR_MASK;
        return 0;
    case SRMMU_REG_SFAR_ALT:
        m->sfar = v;
        return 0;
    default:
        m->aux[reg] = v;
        return 0;
    }
}

/*
 * Access error reported by the bus (QEMU sparc_raise_mmu_fault, used for
 * unassigned physical addresses).
 * QEMU: a pending fault of type 1..4 is kept (only OW is added); FT 0, 5,
 * 6 or 7 is replaced.  OW is set when the old and the resulting FT are
 * equal.  The trap is only taken with the MMU enabled and NF=0; with NF=1
 * the TLB is flushed so the no-fault substitute mappings do not hide later
 * faults.
 *
 * SFAR gets the virtual address of the access, fetches included: V8 H.3.5
 * has the SFAR hold the virtual address of the faulting access, and FAV,
 * which is set here, says it is valid.  QEMU 7.2 departs from this twice
 * (target/sparc/ldst_helper.c): sparc_cpu_do_transaction_failed hands
 * sparc_raise_mmu_fault the physical address, which it stores in SFAR, and
 * it leaves SFAR alone for a fetch (modelled on the SuperSPARC, which does
 * not record instruction fault addresses there; software then takes the
 * trap PC).  tests/rom/README.md lists both.
 */
unsigned srmmu_bus_fault(Srmmu *m, uint32_t va, int acc, int super,
                         int is_asi)
{
    unsigned old_ft = (m->sfsr & SRMMU_SFSR_FT_MASK) >> SRMMU_SFSR_FT_SHIFT;
    unsigned ret = 0;

    if (old_ft == SRMMU_FT_NONE || old_ft > SRMMU_FT_TRANSLATION) {
        m->sfsr = (srmmu_at(acc, super ? 1 : 0) << SRMMU_SFSR_AT_SHIFT) |
                  (SRMMU_FT_BUS << SRMMU_SFSR_FT_SHIFT) | SRMMU_SFSR_FAV;
        if (is_asi) {
            m->sfsr |= SRMMU_SFSR_ASI;
        }
        m->sfar = va;
    }
    if (old_ft == (m->sfsr & SRMMU_SFSR_FT_MASK) >> SRMMU_SFSR_FT_SHIFT) {
        m->sfsr |= SRMMU_SFSR_OW;
    }
    if ((m->ctrl & SRMMU_CTRL_E) && !(m->ctrl & SRMMU_CTRL_NF)) {
        ret |= SRMMU_BUSF_TRAP;
    }
    if (m->ctrl & SRMMU_CTRL_NF) {
        ret |= SRMMU_BUSF_FLUSH;
    }
    return ret;
}

int srmmu_debug_translate(const Srmmu *m, uint32_t va, uint64_t *pa)
{
    SrmmuWalk w;

    if (!(m->ctrl & SRMMU_CTRL_E)) {
        *pa = va;
        return 0;
    }
    srmmu_walk(m, va, &w);
    if (w.ft != SRMMU_FT_NONE) {
        return -1;
    }
    *pa = srmmu_pte_pa(w.pte, va, w.level);
    return 0;
}

void srmmu_reset(Srmmu *m)
{
    m->ctrl = SRMMU_MB86904_ID | SRMMU_CTRL_BM;
    m->ctp = 0;
    m->ctx = 0;
    m->sfsr = 0;
    m->sfar = 0;
    memset(m->aux, 0, sizeof(m->aux));
}

void srmmu_soft_reset(Srmmu *m)
{
    m->ctrl &= ~(SRMMU_CTRL_E | SRMMU_CTRL_NF);
    m->ctrl |= SRMMU_CTRL_BM;
}

void srmmu_init(Srmmu *m, void *bus,
                int (*phys_ld32)(void *bus, uint64_t pa, uint32_t *val),
                int (*phys_st32)(void *bus, uint64_t pa, uint32_t val),
                uint64_t prom_base)
{
    memset(m, 0, sizeof(*m));
    m->bus = bus;
    m->phys_ld32 = phys_ld32;
    m->phys_st32 = phys_st32;
    m->prom_base = prom_base;
    srmmu_reset(m);
}
