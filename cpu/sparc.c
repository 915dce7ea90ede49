/*
 * SPARC V8 integer unit: the interpreter loop, traps, windows, and the
 * memory access paths (software TLB -> SRMMU -> bus).
 *
 * All references "V8 §n" are to The SPARC Architecture Manual, Version 8.
 */
#include "cpu/cpu.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpu/decode.h"
#include "cpu/jit.h"

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

#define R(i) (*cpu->rp[(i)])
#define OP2 (R(d->rs2) + (uint32_t)d->imm)

/* icc is kept apart from the PSR as a nibble N Z V C. */
#define ICC_N 8u
#define ICC_Z 4u
#define ICC_V 2u
#define ICC_C 1u

/* Trap entry cost [LEON Ticc 4], see timing.c. */
#define TRAP_CYCLES 4
/* Annulled delay slot: one pipeline bubble. */
#define ANNUL_CYCLES 1

/* A tag no access can match: the compare masks keep VA bits 31:12 and
 * the alignment bits 2:0, never bits 11:3. */
#define TAG_INVALID 0xff8u

/* Stores into a code page before it is treated as data again */
#define CODE_PAGE_WRITE_LIMIT 64

/* ldstub/swap: translated as a write, performed as a read then a write */
#define MMU_ACC_RMW 100

/* Bicc taken-masks over the icc nibble, one per cond (V8 §B.21) */
const uint16_t sparc_bicc_mask[16] = {
    0x0000, 0xf0f0, 0xf3fc, 0x33cc, 0xfafa, 0xaaaa, 0xff00, 0xcccc,
    0xffff, 0x0f0f, 0x0c03, 0xcc33, 0x0505, 0x5555, 0x00ff, 0x3333,
};
/* FBfcc taken-masks over fcc 0 (=), 1 (<), 2 (>), 3 (unordered) (V8 §B.22) */
const uint8_t sparc_fbfcc_mask[16] = {
    0x0, 0xe, 0x6, 0xa, 0x2, 0xc, 0x4, 0x8,
    0xf, 0x1, 0x9, 0x5, 0xd, 0x3, 0xb, 0x7,
};

static inline uint32_t ldbe32(const uint8_t *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return __builtin_bswap32(v);
}

static inline uint16_t ldbe16(const uint8_t *p)
{
    uint16_t v;
    memcpy(&v, p, 2);
    return __builtin_bswap16(v);
}

static inline uint64_t ldbe64(const uint8_t *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
    return __builtin_bswap64(v);
}

static inline void stbe32(uint8_t *p, uint32_t v)
{
    v = __builtin_bswap32(v);
    memcpy(p, &v, 4);
}

static inline void stbe16(uint8_t *p, uint16_t v)
{
    v = __builtin_bswap16(v);
    memcpy(p, &v, 2);
}

static inline void stbe64(uint8_t *p, uint64_t v)
{
    v = __builtin_bswap64(v);
    memcpy(p, &v, 8);
}

/* A big-endian access of size 1, 2, 4 or 8 to host memory. */
static inline uint64_t host_load(const uint8_t *p, unsigned size)
{
    switch (size) {
    case 1:
        return *p;
    case 2:
        return ldbe16(p);
    case 4:
        return ldbe32(p);
    default:
        return ldbe64(p);
    }
}

static inline void host_store(uint8_t *p, unsigned size, uint64_t v)
{
    switch (size) {
    case 1:
        *p = (uint8_t)v;
        break;
    case 2:
        stbe16(p, (uint16_t)v);
        break;
    case 4:
        stbe32(p, (uint32_t)v);
        break;
    default:
        stbe64(p, v);
        break;
    }
}

/* ---- Register windows (V8 §4.1) ---- */

static inline void cpu_set_cwp(SparcCpu *cpu, unsigned cwp)
{
    cpu->psr = (cpu->psr & ~PSR_CWP) | cwp;
    cpu->rp = cpu->rp_table[cwp];
}

/* One register view per window: globals, then the outs, locals and ins of
 * window w; the ins of window NWINDOWS-1 are the outs of window 0, which
 * the modulo gives. */
static void cpu_build_views(SparcCpu *cpu)
{
    unsigned w, i;
    for (w = 0; w < SPARC_NWINDOWS; w++) {
        uint32_t **v = cpu->rp_table[w];
        v[0] = &cpu->zero;
        for (i = 1; i < 8; i++) {
            v[i] = &cpu->g[i];
        }
        for (i = 8; i < 32; i++) {
            v[i] = &cpu->wf[(w * 16 + i - 8) % (SPARC_NWINDOWS * 16)];
        }
        v[32] = &cpu->sink;
    }
}

static inline unsigned cwp_of(const SparcCpu *cpu)
{
    return cpu->psr & PSR_CWP;
}

static uint32_t cpu_get_psr(const SparcCpu *cpu, uint32_t icc)
{
    return cpu->psr | (icc << 20);
}

/* ---- TLB ---- */

/* Which TLB slots were filled since the last flush (bit s * SIZE + i):
 * Linux on the MB86904 drops the whole TLB for every page it unmaps and at
 * every context switch (tens of thousands of times a second while it
 * moves network traffic), and between two flushes it fills a few dozen
 * slots; a flush clears only those. */
static inline void tlb_mark(SparcCpu *cpu, bool super, uint32_t va)
{
    unsigned b = (super ? CPU_TLB_SIZE : 0) + ((va >> 12) & (CPU_TLB_SIZE - 1));
    cpu->tlb_filled[b >> 6] |= 1ull << (b & 63);
}

void cpu_tlb_flush(SparcCpu *cpu)
{
    unsigned w;

    cpu->tlb_flushes++;
    cpu->tlb_nf = false;
    cpu->tlb_large_lo = UINT32_MAX;
    cpu->tlb_large_hi = 0;
    for (w = 0; w < CPU_TLB_WORDS; w++) {
        uint64_t bits = cpu->tlb_filled[w];
        while (bits) {
            unsigned b = w * 64 + (unsigned)__builtin_ctzll(bits);
            unsigned s = b / CPU_TLB_SIZE, i = b % CPU_TLB_SIZE;
            cpu->tlb[s][i].tag_read = TAG_INVALID;
            cpu->tlb[s][i].tag_write = TAG_INVALID;
            cpu->itlb[s][i].tag = TAG_INVALID;
            bits &= bits - 1;
        }
        cpu->tlb_filled[w] = 0;
    }
    cpu->fetch_tag = TAG_INVALID;
}

/* A page flush (ASI 3, type 0): the host TLB holds the current
 * context's translations only (a context switch drops it all), so the
 * entries of this virtual page are the ones the SRMMU would drop. */
static void cpu_tlb_flush_page(SparcCpu *cpu, uint32_t va)
{
    unsigned s, i = (va >> 12) & (CPU_TLB_SIZE - 1);

    for (s = 0; s < 2; s++) {
        cpu->tlb[s][i].tag_read = TAG_INVALID;
        cpu->tlb[s][i].tag_write = TAG_INVALID;
        cpu->itlb[s][i].tag = TAG_INVALID;
    }
    cpu->fetch_tag = TAG_INVALID;
    cpu->tlb_page_flushes++;
}

/* A translation from a PTE above level 3 (256 KB, 16 MB) fills 4 KB slots
 * one by one; the SRMMU holds it as one entry, which a page flush anywhere
 * inside drops.  Such VAs are remembered as one range [lo, hi): a page
 * flush that falls in it drops everything (as QEMU does). */
static inline void tlb_note_large(SparcCpu *cpu, uint32_t va,
                                  uint32_t page_size)
{
    if (page_size > 4096u) {
        uint32_t lo = va & ~(page_size - 1);
        uint32_t hi = lo + (page_size - 1);     /* inclusive: no wrap */
        if (lo < cpu->tlb_large_lo) {
            cpu->tlb_large_lo = lo;
        }
        if (hi > cpu->tlb_large_hi) {
            cpu->tlb_large_hi = hi;
        }
    }
}

/* A RAM page now holds decoded code: no TLB entry may write it directly. */
static void cpu_protect_code_page(SparcCpu *cpu, DecodedPage *dp)
{
    unsigned s, i;
    bus_code_watch(cpu->bus, dp->ppn << BUS_PAGE_SHIFT, true);
    dp->write_hits = 0;
    for (s = 0; s < 2; s++) {
        for (i = 0; i < CPU_TLB_SIZE; i++) {
            TlbEntry *e = &cpu->tlb[s][i];
            if (e->tag_write != TAG_INVALID &&
                (const uint8_t *)(e->addend + e->tag_write) == dp->host) {
                e->tag_write = TAG_INVALID;
            }
        }
    }
}

void cpu_code_page_written(void *opaque, uint64_t ram_page, unsigned off,
                           unsigned len)
{
    SparcCpu *cpu = opaque;
    DecodedPage *dp = cpu->ram_code[ram_page];
    unsigned i, last;
    if (!dp || len == 0) {
        return;
    }
    cpu->code_invalidations++;
    jit_page_drop(dp);              /* its blocks may hold the old code */
    if (++dp->write_hits > CODE_PAGE_WRITE_LIMIT) {
        /* A page written this often has become data (the guest reused
         * it): forget all its code and let stores go the fast way again
         * until an instruction is decoded from it once more. */
        for (i = 0; i < CPU_PAGE_INSNS; i++) {
            dp->insn[i].op = OP_DECODE;
        }
        bus_code_watch(cpu->bus, ram_page << BUS_PAGE_SHIFT, false);
        return;
    }
    /* Only the instructions written fall back to OP_DECODE; the page stays
     * protected, so later stores into it keep coming here. */
    last = (off + len - 1) >> 2;
    for (i = off >> 2; i <= last && i < CPU_PAGE_INSNS; i++) {
        dp->insn[i].op = OP_DECODE;
    }
}

/* ---- Bus errors ---- */

/*
 * An access that reached no device (or a device refusing it): recorded in
 * the MMU fault registers; a trap only when the MMU is enabled and not in
 * no-fault mode (srmmu_bus_fault, QEMU's rule).  va is the virtual address
 * of the access, which SFAR records (V8 H.3.5), not the physical address
 * the bus refused (QEMU's choice).  Returns the trap type or 0.
 */
static unsigned cpu_bus_fault(SparcCpu *cpu, uint32_t va, int acc,
                              bool is_asi)
{
    unsigned f = srmmu_bus_fault(&cpu->mmu, va, acc,
                                 (cpu->psr & PSR_S) != 0, is_asi);
    if (f & SRMMU_BUSF_FLUSH) {
        cpu_tlb_flush(cpu);
    }
    if (f & SRMMU_BUSF_TRAP) {
        return acc == MMU_ACC_FETCH ? TT_IACC_ERR : TT_DACC_ERR;
    }
    return 0;
}

/* ---- Physical and virtual data accesses ---- */

/* An access of the bus at pa on behalf of virtual address va (for SFAR) */
static unsigned phys_access1(SparcCpu *cpu, uint64_t pa, uint32_t va,
                             unsigned size, bool write, uint64_t *val,
                             bool is_asi)
{
    unsigned wait = 0;
    bool stable = false;
    BusStatus st;
    if (write) {
        cpu->stores++;
        st = bus_write(cpu->bus, pa, size, *val, &wait);
    } else {
        st = bus_read_poll(cpu->bus, pa, size, val, &wait, &stable);
    }
    if (unlikely(log_tracing(cpu->log, LOG_MMIO)) &&
        pa >= bus_ram_size(cpu->bus)) {
        const BusRegion *r = bus_find(cpu->bus, pa);
        log_trace(cpu->log, LOG_MMIO, "cpu", "%s%u 0x%09llx = 0x%llx (%s)%s",
                  write ? "w" : "r", size, (unsigned long long)pa,
                  (unsigned long long)*val, r ? r->name : "prom",
                  st == BUS_OK ? "" : " bus error");
    }
    cpu->cycles += wait;
    if (!write) {
        /* whether this read could be part of a polling loop (see
         * poll_check); the flag always describes the last physical read */
        cpu->poll_read = stable && st == BUS_OK;
        cpu->poll_pa = pa;
        cpu->poll_val = *val;
    }
    if (st != BUS_OK) {
        if (!write) {
            *val = 0;
        }
        return cpu_bus_fault(cpu, va, write ? MMU_ACC_WRITE : MMU_ACC_READ,
                             is_asi);
    }
    return 0;
}

/*
 * A physical access of kind acc (MMU_ACC_READ/WRITE/RMW).  For RMW
 * (ldstub, swap) *val holds the value to store and receives the old one.
 */
static unsigned phys_access(SparcCpu *cpu, uint64_t pa, uint32_t va,
                            unsigned size, int acc, uint64_t *val,
                            bool is_asi)
{
    uint64_t newv = *val;
    unsigned tt;
    if (acc != MMU_ACC_RMW) {
        return phys_access1(cpu, pa, va, size, acc == MMU_ACC_WRITE, val,
                            is_asi);
    }
    tt = phys_access1(cpu, pa, va, size, false, val, is_asi);
    return tt ? tt : phys_access1(cpu, pa, va, size, true, &newv, is_asi);
}

/* May stores to page ppa of block rb bypass the bus?  Not on RAM pages
 * holding decoded code, nor on a device page (VRAM) whose dirty byte is
 * clear: the first store there must mark it. */
static inline bool tlb_direct_write_ok(const Bus *b, const RamBlock *rb,
                                       uint64_t ppa)
{
    if (rb == &b->block[BUS_BLOCK_RAM]) {
        return !bus_code_watched(b, ppa);
    }
    return !rb->dirty || rb->dirty[(ppa - rb->base) >> BUS_PAGE_SHIFT];
}

/* The owner of device block rb cleared its dirty map: no direct write
 * mapping into it may stay (bus_block_rearm). */
static void cpu_block_write_protect(void *opaque, const RamBlock *rb)
{
    SparcCpu *cpu = opaque;
    uintptr_t lo = (uintptr_t)rb->host, n = (uintptr_t)rb->size;
    unsigned s, i;
    for (s = 0; s < 2; s++) {
        for (i = 0; i < CPU_TLB_SIZE; i++) {
            TlbEntry *e = &cpu->tlb[s][i];
            if (e->tag_write != TAG_INVALID &&
                (uintptr_t)(e->addend + e->tag_write) - lo < n) {
                e->tag_write = TAG_INVALID;
            }
        }
    }
}

static void tlb_install(SparcCpu *cpu, uint32_t va, bool super,
                        const MmuResult *r)
{
    Bus *b = cpu->bus;
    uint64_t ppa = r->pa & ~(uint64_t)0xfff;
    uint32_t vpage = va & ~0xfffu;
    TlbEntry *e = &cpu->tlb[super][(va >> 12) & (CPU_TLB_SIZE - 1)];
    const RamBlock *rb = bus_ram_block(b, ppa);

    if (!rb) {
        return;
    }
    tlb_mark(cpu, super, va);
    tlb_note_large(cpu, va, r->page_size);
    e->addend = (uintptr_t)(rb->host + (ppa - rb->base)) - vpage;
    e->tag_read = (r->prot & MMU_PROT_READ) ? vpage : TAG_INVALID;
    e->tag_write = (!rb->readonly && (r->prot & MMU_PROT_WRITE) &&
                    tlb_direct_write_ok(b, rb, ppa))
                       ? vpage : TAG_INVALID;
}

/* Slow path of a normal (non-ASI or ASI 0x0a/0x0b) data access. */
static unsigned mem_slow(SparcCpu *cpu, uint32_t va, unsigned size,
                         bool super, int acc, uint64_t *val, bool is_asi)
{
    MmuResult r;
    int t;

    if (va & (size - 1)) {
        return TT_UNALIGNED;
    }
    t = srmmu_translate(&cpu->mmu, va,
                        acc == MMU_ACC_RMW ? MMU_ACC_WRITE : acc, super, &r);
    if (t == SRMMU_FAULT) {
        return TT_DACC_EXC;
    }
    if (t == SRMMU_FAULT_NF) {
        cpu->tlb_nf = true;         /* a mapping that depends on NF */
    }
    tlb_install(cpu, va, super, &r);
    return phys_access(cpu, r.pa, va, size, acc, val, is_asi);
}

/* The TLB fast path of a read: true when it could serve the access. */
static inline bool tlb_read(SparcCpu *cpu, uint32_t va, unsigned size,
                            bool super, uint64_t *val)
{
    TlbEntry *e = &cpu->tlb[super][(va >> 12) & (CPU_TLB_SIZE - 1)];
    if (likely(e->tag_read == (va & (0xfffff000u | (size - 1))))) {
        *val = host_load((const uint8_t *)(e->addend + va), size);
        return true;
    }
    return false;
}

/* The TLB fast path of a write (every store counts, fast or slow) */
static inline bool tlb_write(SparcCpu *cpu, uint32_t va, unsigned size,
                             bool super, uint64_t val)
{
    TlbEntry *e = &cpu->tlb[super][(va >> 12) & (CPU_TLB_SIZE - 1)];
    cpu->stores++;
    if (likely(e->tag_write == (va & (0xfffff000u | (size - 1))))) {
        host_store((uint8_t *)(e->addend + va), size, val);
        return true;
    }
    return false;
}

/*
 * Alternate space accesses (V8 §6.3.1.3; ASI assignments of the sun4m /
 * MB86904 as QEMU target/sparc/ldst_helper.c models them).
 * acc: MMU_ACC_READ, MMU_ACC_WRITE or MMU_ACC_RMW (*val holds the new value
 * on entry for RMW, the old one on return).
 */
bool sparc_asi_nop(unsigned asi)
{
    /* 0x0c-0x0f I/D cache tags and data: reads 0, writes ignored (no
     * cache model); 0x10-0x14 cache flushes: nothing to flush; 0x30-0x32,
     * 0x39 diagnostic spaces: read 0 */
    return (asi >= 0x0c && asi <= 0x14) || (asi >= 0x30 && asi <= 0x32) ||
           asi == 0x39;
}

static unsigned asi_access(SparcCpu *cpu, unsigned asi, uint32_t va,
                           unsigned size, int acc, uint64_t *val)
{
    bool write = acc == MMU_ACC_WRITE;

    if (va & (size - 1)) {
        return TT_UNALIGNED;
    }
    switch (asi) {
    case 0x0a:                      /* user data */
    case 0x0b:                      /* supervisor data */
        return mem_slow(cpu, va, size, asi & 1, acc, val, false);
    case 0x09:                      /* supervisor instruction (loads only) */
        if (acc == MMU_ACC_READ) {
            MmuResult r;
            if (srmmu_translate(&cpu->mmu, va, MMU_ACC_FETCH, 1, &r) ==
                SRMMU_FAULT) {
                return TT_DACC_EXC;
            }
            return phys_access(cpu, r.pa, va, size, MMU_ACC_READ, val,
                               false);
        }
        break;
    case 0x02:
        /* MBus port address register: MID of CPU 0 = 8 in the low word. */
        if (!write) {
            *val = (va == 0x01c00f00 && size == 8) ? 0x08000000u : 0;
        }
        return 0;
    case 0x03:                      /* MMU probe (load) / flush (store) */
        if (write) {
            switch (srmmu_flush(&cpu->mmu, va)) {
            case SRMMU_FLUSH_PAGE:
                if (va >= cpu->tlb_large_lo && va <= cpu->tlb_large_hi) {
                    cpu_tlb_flush(cpu);
                } else {
                    cpu_tlb_flush_page(cpu, va);
                }
                break;
            case SRMMU_FLUSH_ALL:
                cpu_tlb_flush(cpu);
                break;
            default:
                break;
            }
        } else {
            *val = srmmu_probe(&cpu->mmu, va);
        }
        return 0;
    case 0x04:                      /* MMU registers */
        if (write) {
            int f = srmmu_reg_write(&cpu->mmu, va, (uint32_t)*val);
            /* NF alone: only the mappings that stood in for silenced
             * faults depend on it (QEMU flushes on every NF change; Linux
             * on the MB86904 toggles NF around its probes, dozens of times
             * per network frame) */
            if (f == SRMMU_REG_FLUSH || (f == SRMMU_REG_NF && cpu->tlb_nf)) {
                cpu_tlb_flush(cpu);
            }
        } else {
            *val = srmmu_reg_read(&cpu->mmu, va);
        }
        return 0;
    default:
        if (sparc_asi_nop(asi)) {
            if (!write) {
                *val = 0;
            }
            return 0;
        }
        if (asi >= 0x20 && asi <= 0x2f) {
            /* MMU bypass: PA[35:32] = ASI[3:0] */
            uint64_t pa = ((uint64_t)(asi & 0xf) << 32) | va;
            Bus *b = cpu->bus;
            const RamBlock *rb = bus_ram_block(b, pa);
            /* writable RAM straight (the PROM clears memory this way);
             * the PROM and devices through the bus, which keeps the poll
             * tracking of phys_access1 */
            if (rb && !rb->readonly && acc != MMU_ACC_RMW) {
                uint8_t *host = rb->host + (pa - rb->base);
                if (acc == MMU_ACC_WRITE) {
                    cpu->stores++;
                    host_store(host, size, *val);
                    bus_ram_written(b, pa, size);
                } else {
                    *val = host_load(host, size);
                }
                return 0;
            }
            /* a bus error here is not an "ASI" fault: SFSR bit 16 stays
             * clear (QEMU reaches memory directly for 0x20-0x2f).  With
             * the MMU bypassed the address the instruction gave is the
             * only "virtual" address there is: SFAR records those 32 bits
             * (PA[35:32] came from the ASI), the same value QEMU stores */
            return phys_access(cpu, pa, va, size, acc, val, false);
        }
        break;
    }
    /* Unassigned ASI: a bus error on that address (QEMU ldst_helper.c). */
    if (!write) {
        *val = 0;
    }
    return cpu_bus_fault(cpu, va, write ? MMU_ACC_WRITE : MMU_ACC_READ, true);
}

/* ---- Code pages ---- */

static DecodedPage *code_page_for(SparcCpu *cpu, uint64_t ppa)
{
    const RamBlock *rb = bus_ram_block(cpu->bus, ppa);
    DecodedPage **slot;
    uint64_t idx;

    /* only RAM and the PROM hold code: a device block (VRAM) is fetched
     * from as a device is */
    if (!rb || (rb != &cpu->bus->block[BUS_BLOCK_RAM] &&
                rb != &cpu->bus->block[BUS_BLOCK_PROM])) {
        return NULL;
    }
    idx = (ppa - rb->base) >> BUS_PAGE_SHIFT;
    slot = rb->readonly ? &cpu->rom_code[idx] : &cpu->ram_code[idx];
    if (!*slot) {
        DecodedPage *dp = calloc(1, sizeof(*dp));
        if (!dp) {
            return NULL;
        }
        dp->ppn = idx;
        dp->host = rb->host + (ppa - rb->base);
        dp->is_ram = !rb->readonly;
        *slot = dp;
    }
    return *slot;
}

static unsigned fetch_page(SparcCpu *cpu, uint32_t pc)
{
    bool super = (cpu->psr & PSR_S) != 0;
    ITlbEntry *e = &cpu->itlb[super][(pc >> 12) & (CPU_TLB_SIZE - 1)];
    uint32_t vpage = pc & ~0xfffu;
    MmuResult r;
    DecodedPage *dp;

    if (e->tag != vpage) {
        int t = srmmu_translate(&cpu->mmu, pc, MMU_ACC_FETCH, super, &r);
        if (t == SRMMU_FAULT) {
            return TT_IACC_EXC;
        }
        if (t == SRMMU_FAULT_NF) {
            cpu->tlb_nf = true;
        }
        dp = code_page_for(cpu, r.pa & ~(uint64_t)0xfff);
        if (!dp) {
            /* Fetch from a device or from nothing.  SIMPLIFY: device
             * registers are not executed; with the MMU off QEMU reads 0
             * there, an unimp, so the result is illegal_instruction. */
            unsigned tt = cpu_bus_fault(cpu, pc, MMU_ACC_FETCH, false);
            return tt ? tt : TT_ILLEGAL;
        }
        tlb_mark(cpu, super, pc);
        tlb_note_large(cpu, pc, r.page_size);
        e->tag = vpage;
        e->dp = dp;
    }
    cpu->fetch_tag = vpage;
    cpu->fetch_dp = e->dp;
    return 0;
}

/* Decode the instruction at byte offset off of page dp into d */
static void decode_in(SparcCpu *cpu, DecodedPage *dp, DecodedInsn *d,
                      uint32_t off)
{
    sparc_decode(ldbe32(dp->host + (off & 0xffc)), d);
    if (dp->is_ram && !bus_code_watched(cpu->bus, dp->ppn << BUS_PAGE_SHIFT)) {
        /* first instruction decoded from this page (or since a DMA or
         * reset cleared it): from now on stores must see it */
        cpu_protect_code_page(cpu, dp);
    }
    cpu->decoded_insns++;
}

static void decode_at(SparcCpu *cpu, DecodedInsn *d, uint32_t pc)
{
    decode_in(cpu, cpu->fetch_dp, d, pc);
}

void sparc_decode_in(SparcCpu *cpu, DecodedPage *dp, DecodedInsn *d,
                     uint32_t off)
{
    decode_in(cpu, dp, d, off);
}

/* Does instruction n (decoded) read integer register reg (not 0)? */
static inline bool reads_reg(const DecodedInsn *n, unsigned reg)
{
    unsigned u = sparc_op_int_sources[n->op];
    return ((u & SRC_RS) && (n->rs1 == reg || n->rs2 == reg)) ||
           ((u & SRC_RD) && (n->rd & 31) == reg);
}

/*
 * Load-use interlock: one bubble [SIS] when the next instruction to run
 * (at npc) reads the integer register a load just wrote.  The next
 * instruction is looked at here, at the load, so that no other
 * instruction pays for the check.
 * SIMPLIFY: only when npc is on the page being executed (the common case:
 * a load in a delay slot whose branch leaves the page is not charged), and
 * an interrupt taken between the two does not cancel the bubble.
 */
static inline unsigned load_use(SparcCpu *cpu, uint32_t npc, unsigned reg)
{
    DecodedInsn *n;
    if (reg == 0 || (npc & ~0xfffu) != cpu->fetch_tag) {
        return 0;
    }
    n = &cpu->fetch_dp->insn[(npc >> 2) & (CPU_PAGE_INSNS - 1)];
    if (n->op == OP_DECODE) {
        decode_at(cpu, n, npc);
    }
    return reads_reg(n, reg);
}

/* The same rule for the translator: the next instruction is number idx
 * of dp, the page of the load */
unsigned sparc_load_use(SparcCpu *cpu, DecodedPage *dp, unsigned idx,
                        unsigned reg)
{
    DecodedInsn *n;
    if (reg == 0 || idx >= CPU_PAGE_INSNS) {
        return 0;
    }
    n = &dp->insn[idx];
    if (n->op == OP_DECODE) {
        decode_in(cpu, dp, n, idx << 2);
    }
    return reads_reg(n, reg);
}

/* ---- Condition codes (V8 §B.11-B.13) ---- */


static inline uint32_t icc_nz(uint32_t r)
{
    return ((r >> 28) & ICC_N) | (r == 0 ? ICC_Z : 0);
}

static inline uint32_t icc_add(uint32_t a, uint32_t b, uint32_t r)
{
    uint32_t v = ((a & b & ~r) | (~a & ~b & r)) >> 31;
    uint32_t c = ((a & b) | ((a | b) & ~r)) >> 31;
    return icc_nz(r) | (v << 1) | c;
}

static inline uint32_t icc_sub(uint32_t a, uint32_t b, uint32_t r)
{
    uint32_t v = ((a & ~b & ~r) | (~a & b & r)) >> 31;
    uint32_t c = ((~a & b) | (r & (~a | b))) >> 31;
    return icc_nz(r) | (v << 1) | c;
}

#define BICC_NE 9                   /* Bicc cond field of bne */

/*
 * A delay loop: "1: bne 1b; subcc %rX, 1, %rX" (Linux's __delay and
 * udelay, arch/sparc/kernel/entry.S delay_continue; the bne tests the
 * subcc of the previous turn).  Called at the bne, about to be taken:
 * each turn from here costs the same cycles (a taken bne and a subcc; no
 * load, so no interlock), and nothing outside can see the loop before
 * the next deadline (an event, an interrupt, the end of the slice), so
 * the turns that end before it are done at once: the register, the
 * condition codes, the cycles and the instruction count come out exactly
 * as if each turn had run, and the deadline is met at the same cycle.
 * At least one turn is left to run, so the loop's exit is the
 * interpreter's own.  Only a loop entered the plain way: a bne in the
 * delay slot of another branch goes on at that branch's target, not at
 * pc + 4.  Returns the number of turns skipped (the register and the
 * cycles are updated here; the caller counts the instructions and sets
 * the condition codes of the last subcc).
 */
static uint64_t delay_loop_skip(SparcCpu *cpu, const DecodedInsn *bne,
                                uint32_t pc, uint32_t npc)
{
    const DecodedInsn *sub = bne + 1;
    uint32_t v;
    Cycles per, room, turns;

    if (npc != pc + 4 || (pc & 0xfffu) == 0xffcu || sub->op != OP_SUBCC ||
        sub->rd != sub->rs1 || sub->rd == 0 || sub->rs2 != 0 ||
        sub->imm != 1) {
        return 0;
    }
    v = R(sub->rd);
    per = (Cycles)bne->cost + sub->cost;
    if (v < 2 || per == 0 || cpu->deadline <= cpu->cycles + per) {
        return 0;
    }
    /* turns that end strictly before the deadline, and never the turn
     * whose subcc reaches 0 */
    room = (cpu->deadline - cpu->cycles - 1) / per;
    turns = v - 1;
    if (turns > room) {
        turns = room;
    }
    if (turns == 0) {
        return 0;
    }
    R(sub->rd) = v - (uint32_t)turns;
    cpu->cycles += turns * per;
    cpu->delay_skipped += turns * per;
    return turns;
}

/* ---- Reset ---- */

void cpu_reset(SparcCpu *cpu)
{
    memset(cpu->g, 0, sizeof(cpu->g));
    memset(cpu->wf, 0, sizeof(cpu->wf));
    cpu->zero = 0;
    /* V8 §7.6: reset sets S and ET=0, PC 0, nPC 4; QEMU also sets PS and
     * WIM=1 (target/sparc/cpu.c sparc_cpu_reset). */
    cpu->psr = MB86904_PSR_IMPL_VER | PSR_S | PSR_PS;
    cpu->icc = 0;
    cpu_set_cwp(cpu, 0);
    cpu->wim = 1;
    cpu->tbr = 0;
    cpu->y = 0;
    cpu->pc = 0;
    cpu->npc = 4;
    cpu->halted = false;
    cpu->stop = CPU_RUNNING;
    cpu->fcmp_next = UINT64_MAX;
    fpu_reset(&cpu->fpu);
    srmmu_reset(&cpu->mmu);
    /* every slot, filled or never used */
    memset(cpu->tlb_filled, 0xff, sizeof(cpu->tlb_filled));
    cpu_tlb_flush(cpu);
}

int cpu_init(SparcCpu *cpu, Bus *bus)
{
    memset(cpu, 0, sizeof(*cpu));
    cpu->bus = bus;
    cpu->ram_code = calloc((bus_ram_size(bus) >> BUS_PAGE_SHIFT) + 1,
                           sizeof(*cpu->ram_code));
    cpu->rom_code = calloc((bus->block[BUS_BLOCK_PROM].size >> BUS_PAGE_SHIFT)
                           + 1, sizeof(*cpu->rom_code));
    if (!cpu->ram_code || !cpu->rom_code) {
        cpu_free(cpu);
        return -1;
    }
    bus->code_write = cpu_code_page_written;
    bus->write_protect = cpu_block_write_protect;
    bus->code_opaque = cpu;
    cpu_build_views(cpu);
    cpu->jit = jit_new(CPU_JIT_BUFFER);
    srmmu_init(&cpu->mmu, bus, bus_ld32, bus_st32,
               bus->block[BUS_BLOCK_PROM].base);
    cpu_reset(cpu);
    return 0;
}

/* Forget every translated block (also jit.c, when its buffer fills) */
void sparc_drop_blocks(SparcCpu *cpu)
{
    uint64_t i;
    if (cpu->ram_code) {
        for (i = 0; i <= (bus_ram_size(cpu->bus) >> BUS_PAGE_SHIFT); i++) {
            if (cpu->ram_code[i]) {
                jit_page_drop(cpu->ram_code[i]);
            }
        }
    }
    if (cpu->rom_code) {
        for (i = 0; i <= (cpu->bus->block[BUS_BLOCK_PROM].size >> BUS_PAGE_SHIFT);
             i++) {
            if (cpu->rom_code[i]) {
                jit_page_drop(cpu->rom_code[i]);
            }
        }
    }
}

bool cpu_set_jit_buffer(SparcCpu *cpu, size_t bytes)
{
    if (cpu->jit) {
        sparc_drop_blocks(cpu);
        jit_delete(cpu->jit);
        cpu->jit = NULL;
    }
    if (bytes) {
        cpu->jit = jit_new(bytes);
    }
    return cpu->jit != NULL;
}

bool cpu_set_jit(SparcCpu *cpu, bool on)
{
    if (on != (cpu->jit != NULL)) {
        cpu_set_jit_buffer(cpu, on ? CPU_JIT_BUFFER : 0);
    }
    return cpu->jit != NULL;
}

void cpu_free(SparcCpu *cpu)
{
    uint64_t i;
    cpu_set_jit(cpu, false);
    if (cpu->ram_code) {
        for (i = 0; i <= (bus_ram_size(cpu->bus) >> BUS_PAGE_SHIFT); i++) {
            free(cpu->ram_code[i]);
        }
    }
    if (cpu->rom_code) {
        for (i = 0; i <= (cpu->bus->block[BUS_BLOCK_PROM].size >> BUS_PAGE_SHIFT);
             i++) {
            free(cpu->rom_code[i]);
        }
    }
    free(cpu->ram_code);
    free(cpu->rom_code);
    cpu->ram_code = cpu->rom_code = NULL;
}

void cpu_halt(SparcCpu *cpu)
{
    cpu->halted = true;
    cpu_kick(cpu);
}

void cpu_set_irq_level(SparcCpu *cpu, unsigned level)
{
    if (level != cpu->irq_level) {
        cpu->irq_level = level;
        cpu_kick(cpu);
    }
}

static bool irq_deliverable(const SparcCpu *cpu)
{
    unsigned pil = (cpu->psr & PSR_PIL) >> PSR_PIL_SHIFT;
    return cpu->irq_level && (cpu->psr & PSR_ET) &&
           (cpu->irq_level == 15 || cpu->irq_level > pil);
}

/* ---- Multiply / divide (V8 §B.17, §B.19) ---- */

/* y:a / b (b not 0), with the overflow the V bit of udivcc shows */
static uint32_t do_udiv(uint32_t y, uint32_t a, uint32_t b, bool *ovf)
{
    uint64_t dividend = ((uint64_t)y << 32) | a;
    uint64_t q = dividend / b;
    *ovf = q > 0xffffffffu;
    return *ovf ? 0xffffffffu : (uint32_t)q;
}

static uint32_t do_sdiv(uint32_t y, uint32_t a, uint32_t b, bool *ovf)
{
    int64_t dividend = (int64_t)(((uint64_t)y << 32) | a);
    int64_t divisor = (int32_t)b;
    int64_t q;
    if (dividend == INT64_MIN && divisor == -1) {
        *ovf = true;
        return 0x7fffffffu;
    }
    q = dividend / divisor;
    if (q > INT32_MAX) {
        *ovf = true;
        return 0x7fffffffu;
    }
    if (q < INT32_MIN) {
        *ovf = true;
        return 0x80000000u;
    }
    *ovf = false;
    return (uint32_t)q;
}

unsigned sparc_asi_store(SparcCpu *cpu, unsigned asi, uint32_t va,
                         unsigned size, uint64_t val)
{
    cpu->poll_read = false;
    return asi_access(cpu, asi, va, size, MMU_ACC_WRITE, &val);
}

uint64_t sparc_div(uint32_t a, uint32_t b, uint32_t y, bool sgn)
{
    bool ovf;
    uint32_t r = sgn ? do_sdiv(y, a, b, &ovf) : do_udiv(y, a, b, &ovf);
    return r | ((uint64_t)ovf << 32);
}

/* ---- Poll skipping ----
 *
 * A guest that waits for a device by reading one of its registers in a
 * loop (the PROM waiting for the serial transmitter) would burn host time
 * for nothing: between two events nothing it reads can change.  When the
 * same instruction reads the same stable register (MmioOps.is_stable) with
 * the same value three times in a row, with no store, trap or interrupt in
 * between, and the whole architectural state is identical at the second
 * and third read, then every further iteration is an exact repeat until
 * the next event.  We account for those iterations (cycles and
 * instruction counts) without executing them.  The result is exactly what
 * executing them would give: same state, same cycle count.  A loop that
 * counts its iterations (a timeout) never has identical states and is
 * executed normally.
 */
#define POLL_MAX_INSNS 256

static void snapshot_take(const SparcCpu *cpu, uint32_t npc, uint32_t icc,
                          CpuArchState *a)
{
    memcpy(a->g, cpu->g, sizeof(a->g));
    memcpy(a->wf, cpu->wf, sizeof(a->wf));
    memcpy(a->f, cpu->fpu.f, sizeof(a->f));
    a->psr = cpu->psr;
    a->icc = icc;
    a->wim = cpu->wim;
    a->tbr = cpu->tbr;
    a->y = cpu->y;
    a->fsr = cpu->fpu.fsr;
    a->npc = npc;
}

static void poll_check(SparcCpu *cpu, uint32_t pc, uint32_t npc,
                       uint32_t icc)
{
    PollTrack *t = &cpu->poll;
    CpuArchState now;

    cpu->poll_read = false;
    if (t->pc != pc || t->pa != cpu->poll_pa || t->val != cpu->poll_val ||
        t->stores != cpu->stores || t->traps != cpu->traps ||
        cpu->insns - t->insns > POLL_MAX_INSNS) {
        t->pc = pc;
        t->pa = cpu->poll_pa;
        t->val = cpu->poll_val;
        t->have_snap = false;
    } else if (!t->have_snap) {
        snapshot_take(cpu, npc, icc, &t->snap);
        t->have_snap = true;
    } else {
        snapshot_take(cpu, npc, icc, &now);
        if (memcmp(&now, &t->snap, sizeof(now)) == 0 &&
            cpu->deadline == cpu->run_limit && cpu->cycles > t->cycles &&
            cpu->run_limit > cpu->cycles) {
            Cycles period = cpu->cycles - t->cycles;
            uint64_t n = (cpu->run_limit - cpu->cycles) / period;
            cpu->insns += n * (cpu->insns - t->insns);
            cpu->cycles += n * period;
            cpu->poll_skipped += n * period;
        } else {
            t->snap = now;
        }
    }
    t->cycles = cpu->cycles;
    t->insns = cpu->insns;
    t->stores = cpu->stores;
    t->traps = cpu->traps;
}

/* ---- The interpreter ---- */

/*
 * cpu_run keeps the clock and the instruction count in locals.  The bus,
 * the devices behind it, the event queue and traces read the clock (and
 * charge wait states to it) through cpu->cycles, so it is written back
 * before every call that may reach them and read again after it.
 */
#define CLOCKED(call)                                                    \
    do {                                                                 \
        cpu->cycles = cycles;                                            \
        call;                                                            \
        cycles = cpu->cycles;                                            \
    } while (0)

/* poll_check needs the instruction count too */
#define POLL_CHECK()                                                     \
    do {                                                                 \
        cpu->insns = ninsn;                                              \
        CLOCKED(poll_check(cpu, pc, npc, icc));                          \
        ninsn = cpu->insns;                                              \
    } while (0)

/* tt = 0 or the trap of a data access, the value through v64 */
#define MEM_READ(va, size, super)                                        \
    do {                                                                 \
        tt = 0;                                                          \
        if (!tlb_read(cpu, va, size, super, &v64)) {                     \
            CLOCKED(tt = mem_slow(cpu, va, size, super, MMU_ACC_READ,    \
                                  &v64, false));                         \
        }                                                                \
    } while (0)
#define MEM_WRITE(va, size, super, val)                                  \
    do {                                                                 \
        tt = 0;                                                          \
        v64 = (val);                                                     \
        if (!tlb_write(cpu, va, size, super, v64)) {                     \
            CLOCKED(tt = mem_slow(cpu, va, size, super, MMU_ACC_WRITE,   \
                                  &v64, false));                         \
        }                                                                \
    } while (0)

/*
 * Dispatch.  An instruction ends in NEXT() (sequential: pc = npc,
 * npc += 4), RETIRE() (a control transfer has set pc and npc) or goto trap.
 * RETIRE() charges its cycles and counts it.  Threaded (the default, GCC's
 * labels as values), RETIRE() also repeats the loop's head in each handler:
 * the deadline and fetch-page checks, then a jump through handlers[] to the
 * next one, so the host predicts each handler's successor apart; a failed
 * check goes back to the head, which makes both checks again in the same
 * order, so the counts are those of SWITCH_DISPATCH=1 (one switch, for
 * compilers without the extension).
 */
#ifdef SPARC_SWITCH_DISPATCH
#define HANDLER(op) case op
#define NEXT() break
#define RETIRE() goto account
#else
#define HANDLER(op) handle_##op
#define NEXT()                                                           \
    do {                                                                 \
        pc = npc;                                                        \
        npc += 4;                                                        \
        RETIRE();                                                        \
    } while (0)
#define RETIRE()                                                         \
    do {                                                                 \
        cycles += d->cost;                                               \
        ninsn++;                                                         \
        if (unlikely(cycles >= cpu->deadline ||                          \
                     (pc & ~0xfffu) != cpu->fetch_tag)) {                \
            goto head;                                                   \
        }                                                                \
        dw = &cpu->fetch_dp->insn[(pc >> 2) & (CPU_PAGE_INSNS - 1)];     \
        if (unlikely(dw->jit == JIT_HOT)) {                              \
            goto jit;                                                    \
        }                                                                \
        d = dw;                                                          \
        goto *handlers[d->op];                                           \
    } while (0)
#endif

/* A control transfer to target: one more entry toward translating the
 * block there (same page only; a new page counts at the loop's head) */
#define HEAT(target)                                                     \
    do {                                                                 \
        if (cpu->jit && ((target) & ~0xfffu) == cpu->fetch_tag) {        \
            DecodedInsn *h_ = &cpu->fetch_dp->insn[((target) >> 2) &     \
                                                   (CPU_PAGE_INSNS - 1)]; \
            if (h_->jit == JIT_COLD && ++h_->heat >= JIT_HEAT) {         \
                h_->jit = JIT_HOT;                                       \
            }                                                            \
        }                                                                \
    } while (0)

CpuStop cpu_run(SparcCpu *cpu, Cycles limit)
{
#ifndef SPARC_SWITCH_DISPATCH
#define H(op) [op] = &&handle_##op
    static const void *const handlers[OP_COUNT] = {
        H(OP_DECODE),
        H(OP_ADD), H(OP_ADDCC), H(OP_ADDX), H(OP_ADDXCC),
        H(OP_SUB), H(OP_SUBCC), H(OP_SUBX), H(OP_SUBXCC),
        H(OP_AND), H(OP_ANDCC), H(OP_ANDN), H(OP_ANDNCC),
        H(OP_OR), H(OP_ORCC), H(OP_ORN), H(OP_ORNCC),
        H(OP_XOR), H(OP_XORCC), H(OP_XNOR), H(OP_XNORCC),
        H(OP_SLL), H(OP_SRL), H(OP_SRA),
        H(OP_TADDCC), H(OP_TSUBCC), H(OP_TADDCCTV), H(OP_TSUBCCTV),
        H(OP_MULSCC), H(OP_UMUL), H(OP_SMUL), H(OP_UMULCC), H(OP_SMULCC),
        H(OP_UDIV), H(OP_SDIV), H(OP_UDIVCC), H(OP_SDIVCC),
        H(OP_SAVE), H(OP_RESTORE), H(OP_JMPL), H(OP_RETT), H(OP_TICC),
        H(OP_FLUSH),
        H(OP_RDY), H(OP_RDPSR), H(OP_RDWIM), H(OP_RDTBR),
        H(OP_WRY), H(OP_WRPSR), H(OP_WRWIM), H(OP_WRTBR), H(OP_WRASR),
        H(OP_FPOP), H(OP_CPOP),
        H(OP_SETHI), H(OP_NOP), H(OP_BICC), H(OP_FBFCC), H(OP_CBCCC),
        H(OP_UNIMP),
        H(OP_CALL),
        H(OP_LD), H(OP_LDUB), H(OP_LDUH), H(OP_LDD),
        H(OP_ST), H(OP_STB), H(OP_STH), H(OP_STD),
        H(OP_LDSB), H(OP_LDSH), H(OP_LDSTUB), H(OP_SWAP),
        H(OP_LDA), H(OP_LDUBA), H(OP_LDUHA), H(OP_LDDA),
        H(OP_STA), H(OP_STBA), H(OP_STHA), H(OP_STDA),
        H(OP_LDSBA), H(OP_LDSHA), H(OP_LDSTUBA), H(OP_SWAPA),
        H(OP_LDF), H(OP_LDDF), H(OP_LDFSR), H(OP_STF), H(OP_STDF),
        H(OP_STFSR), H(OP_STDFQ),
        H(OP_CPMEM),
        H(OP_ILLEGAL),
    };
#undef H
#endif
    uint64_t ninsn = cpu->insns;    /* retired instructions */
    /* the current window's view of r0..r31 (cpu->rp), in a host register:
     * a guest register costs two loads, not three; reloaded wherever CWP
     * changes (cpu_set_cwp: save, restore, rett, wrpsr, trap entry) */
    uint32_t **rp = cpu->rp;
#undef R
#define R(i) (*rp[(i)])
    Cycles cycles;                  /* the clock, see CLOCKED */
    uint32_t pc = cpu->pc, npc = cpu->npc;
    uint32_t icc = cpu->icc;
    const DecodedInsn *d;
    DecodedInsn *dw;
    unsigned tt = 0;
    uint64_t v64;
    uint32_t a, b, r, ea;
    bool ovf;
    bool jit_skip = false;          /* a block stopped before this pc */

    cpu->stop = CPU_RUNNING;
    cpu->run_limit = limit;
    if (cpu->halted) {
        /* Any interrupt request ends the APC idle state, whatever PIL says:
         * Linux idles with PIL 15 and lowers it after waking (process_32.c
         * arch_cpu_idle); QEMU wakes on a request with ET=1. */
        if (!cpu->irq_level) {
            return CPU_STOP_HALT;
        }
        /* SIMPLIFY: with traps disabled the request could never be taken;
         * the chip would leave power-down and run on with ET = 0, which no
         * program does but to stop for good (our PROM's halt), so the CPU
         * stays halted and the machine loop ends the run (sun4m.c). */
        if (!(cpu->psr & PSR_ET)) {
            return CPU_STOP_HALT;
        }
        cpu->halted = false;
    }
    cpu->deadline = 0;              /* check interrupts before the first insn */
    cycles = cpu->cycles;

    for (;;) {
    head: __attribute__((unused));
        if (unlikely(cycles >= cpu->deadline)) {
            if (cpu->stop != CPU_RUNNING) {
                break;
            }
            if (cpu->halted) {
                cpu->stop = CPU_STOP_HALT;
                break;
            }
            cpu->deadline = cpu->run_limit;
            if (irq_deliverable(cpu)) {
                tt = TT_IRQ_BASE + cpu->irq_level;
                goto trap;
            }
            if (cycles >= cpu->run_limit) {
                cpu->stop = CPU_STOP_BUDGET;
                break;
            }
        }
        if (unlikely((pc & ~0xfffu) != cpu->fetch_tag)) {
            CLOCKED(tt = fetch_page(cpu, pc));
            if (tt) {
                goto trap;
            }
            if (npc == pc + 4) {
                HEAT(pc);           /* entered from another page */
            }
        }
        dw = &cpu->fetch_dp->insn[(pc >> 2) & (CPU_PAGE_INSNS - 1)];
        if (unlikely(dw->jit == JIT_HOT) && !jit_skip) {
            goto jit;
        }
        jit_skip = false;
    dispatch:
        d = dw;
#ifdef SPARC_SWITCH_DISPATCH
        switch (d->op) {
#else
        goto *handlers[d->op];
        {
#endif
        HANDLER(OP_DECODE):
            decode_at(cpu, dw, pc);
            goto dispatch;

        /* -- arithmetic and logic -- */
        HANDLER(OP_ADD):
            R(d->rd) = R(d->rs1) + OP2;
            NEXT();
        HANDLER(OP_ADDCC):
            a = R(d->rs1);
            b = OP2;
            r = a + b;
            icc = icc_add(a, b, r);
            R(d->rd) = r;
            NEXT();
        HANDLER(OP_ADDX):
            R(d->rd) = R(d->rs1) + OP2 + (icc & ICC_C);
            NEXT();
        HANDLER(OP_ADDXCC):
            a = R(d->rs1);
            b = OP2;
            r = a + b + (icc & ICC_C);
            icc = icc_add(a, b, r);
            R(d->rd) = r;
            NEXT();
        HANDLER(OP_SUB):
            R(d->rd) = R(d->rs1) - OP2;
            NEXT();
        HANDLER(OP_SUBCC):
            a = R(d->rs1);
            b = OP2;
            r = a - b;
            icc = icc_sub(a, b, r);
            R(d->rd) = r;
            NEXT();
        HANDLER(OP_SUBX):
            R(d->rd) = R(d->rs1) - OP2 - (icc & ICC_C);
            NEXT();
        HANDLER(OP_SUBXCC):
            a = R(d->rs1);
            b = OP2;
            r = a - b - (icc & ICC_C);
            icc = icc_sub(a, b, r);
            R(d->rd) = r;
            NEXT();
        HANDLER(OP_AND):
            R(d->rd) = R(d->rs1) & OP2;
            NEXT();
        HANDLER(OP_ANDCC):
            r = R(d->rs1) & OP2;
            icc = icc_nz(r);
            R(d->rd) = r;
            NEXT();
        HANDLER(OP_ANDN):
            R(d->rd) = R(d->rs1) & ~OP2;
            NEXT();
        HANDLER(OP_ANDNCC):
            r = R(d->rs1) & ~OP2;
            icc = icc_nz(r);
            R(d->rd) = r;
            NEXT();
        HANDLER(OP_OR):
            R(d->rd) = R(d->rs1) | OP2;
            NEXT();
        HANDLER(OP_ORCC):
            r = R(d->rs1) | OP2;
            icc = icc_nz(r);
            R(d->rd) = r;
            NEXT();
        HANDLER(OP_ORN):
            R(d->rd) = R(d->rs1) | ~OP2;
            NEXT();
        HANDLER(OP_ORNCC):
            r = R(d->rs1) | ~OP2;
            icc = icc_nz(r);
            R(d->rd) = r;
            NEXT();
        HANDLER(OP_XOR):
            R(d->rd) = R(d->rs1) ^ OP2;
            NEXT();
        HANDLER(OP_XORCC):
            r = R(d->rs1) ^ OP2;
            icc = icc_nz(r);
            R(d->rd) = r;
            NEXT();
        HANDLER(OP_XNOR):
            R(d->rd) = ~(R(d->rs1) ^ OP2);
            NEXT();
        HANDLER(OP_XNORCC):
            r = ~(R(d->rs1) ^ OP2);
            icc = icc_nz(r);
            R(d->rd) = r;
            NEXT();
        HANDLER(OP_SLL):
            R(d->rd) = R(d->rs1) << (OP2 & 31);
            NEXT();
        HANDLER(OP_SRL):
            R(d->rd) = R(d->rs1) >> (OP2 & 31);
            NEXT();
        HANDLER(OP_SRA):
            R(d->rd) = (uint32_t)((int32_t)R(d->rs1) >> (OP2 & 31));
            NEXT();
        HANDLER(OP_SETHI):
            R(d->rd) = (uint32_t)d->imm;
            NEXT();
        HANDLER(OP_NOP):
            NEXT();

        /* -- tagged arithmetic (V8 §B.14) -- */
        HANDLER(OP_TADDCC):
        HANDLER(OP_TADDCCTV):
            a = R(d->rs1);
            b = OP2;
            r = a + b;
            {
                uint32_t c = icc_add(a, b, r);
                if ((a | b) & 3) {
                    c |= ICC_V;
                }
                if (d->op == OP_TADDCCTV && (c & ICC_V)) {
                    tt = TT_TAG_OVF;
                    goto trap;
                }
                icc = c;
            }
            R(d->rd) = r;
            NEXT();
        HANDLER(OP_TSUBCC):
        HANDLER(OP_TSUBCCTV):
            a = R(d->rs1);
            b = OP2;
            r = a - b;
            {
                uint32_t c = icc_sub(a, b, r);
                if ((a | b) & 3) {
                    c |= ICC_V;
                }
                if (d->op == OP_TSUBCCTV && (c & ICC_V)) {
                    tt = TT_TAG_OVF;
                    goto trap;
                }
                icc = c;
            }
            R(d->rd) = r;
            NEXT();

        /* -- multiply and divide -- */
        HANDLER(OP_MULSCC):
            /* V8 §B.17: one step of a shift-and-add multiply */
            a = (((icc >> 3) ^ (icc >> 1)) & 1) << 31 | (R(d->rs1) >> 1);
            b = (cpu->y & 1) ? OP2 : 0;
            r = a + b;
            cpu->y = (cpu->y >> 1) | (R(d->rs1) << 31);
            icc = icc_add(a, b, r);
            R(d->rd) = r;
            NEXT();
        HANDLER(OP_UMUL):
        HANDLER(OP_UMULCC):
            v64 = (uint64_t)R(d->rs1) * OP2;
            cpu->y = (uint32_t)(v64 >> 32);
            R(d->rd) = (uint32_t)v64;
            if (d->op == OP_UMULCC) {
                icc = icc_nz((uint32_t)v64);
            }
            NEXT();
        HANDLER(OP_SMUL):
        HANDLER(OP_SMULCC):
            v64 = (uint64_t)((int64_t)(int32_t)R(d->rs1) *
                             (int64_t)(int32_t)OP2);
            cpu->y = (uint32_t)(v64 >> 32);
            R(d->rd) = (uint32_t)v64;
            if (d->op == OP_SMULCC) {
                icc = icc_nz((uint32_t)v64);
            }
            NEXT();
        HANDLER(OP_UDIV):
        HANDLER(OP_UDIVCC):
        HANDLER(OP_SDIV):
        HANDLER(OP_SDIVCC):
            b = OP2;
            if (b == 0) {
                tt = TT_DIV_ZERO;
                goto trap;
            }
            if (d->op == OP_UDIV || d->op == OP_UDIVCC) {
                r = do_udiv(cpu->y, R(d->rs1), b, &ovf);
            } else {
                r = do_sdiv(cpu->y, R(d->rs1), b, &ovf);
            }
            if (d->op == OP_UDIVCC || d->op == OP_SDIVCC) {
                icc = icc_nz(r) | (ovf ? ICC_V : 0);
            }
            R(d->rd) = r;
            NEXT();

        /* -- windows (V8 §B.20) -- */
        HANDLER(OP_SAVE): {
            unsigned ncwp = (cwp_of(cpu) + SPARC_NWINDOWS - 1) % SPARC_NWINDOWS;
            if (cpu->wim & (1u << ncwp)) {
                tt = TT_WIN_OVF;
                goto trap;
            }
            r = R(d->rs1) + OP2;
            cpu_set_cwp(cpu, ncwp);
            rp = cpu->rp;
            R(d->rd) = r;
            NEXT();
        }
        HANDLER(OP_RESTORE): {
            unsigned ncwp = (cwp_of(cpu) + 1) % SPARC_NWINDOWS;
            if (cpu->wim & (1u << ncwp)) {
                tt = TT_WIN_UNF;
                goto trap;
            }
            r = R(d->rs1) + OP2;
            cpu_set_cwp(cpu, ncwp);
            rp = cpu->rp;
            R(d->rd) = r;
            NEXT();
        }

        /* -- control transfer (V8 §B.21-B.25) -- */
        HANDLER(OP_BICC):
            if ((sparc_bicc_mask[d->rs1] >> icc) & 1) {
                if (d->rs2 && d->rs1 == 8) {
                    /* ba,a: the delay instruction is annulled */
                    pc = pc + (uint32_t)d->imm;
                    npc = pc + 4;
                    cycles += ANNUL_CYCLES;
                    HEAT(pc);
                } else {
                    if (unlikely(d->imm == 0) && d->rs1 == BICC_NE &&
                        !d->rs2) {
                        /* a branch to itself: a delay loop? */
                        uint64_t turns;
                        CLOCKED(turns = delay_loop_skip(cpu, dw, pc, npc));
                        if (turns) {
                            /* each turn is a bne and a subcc; the codes
                             * are those of the last subcc */
                            ninsn += 2 * turns;
                            r = R(dw[1].rd);
                            icc = icc_sub(r + 1, 1, r);
                        }
                    }
                    a = pc + (uint32_t)d->imm;
                    pc = npc;
                    npc = a;
                    HEAT(a);
                }
            } else if (d->rs2) {
                /* untaken with a=1: annul the delay instruction */
                pc = npc + 4;
                npc = pc + 4;
                cycles += ANNUL_CYCLES;
            } else {
                pc = npc;
                npc += 4;
            }
            RETIRE();
        HANDLER(OP_FBFCC):
            if (!(cpu->psr & PSR_EF)) {
                tt = TT_FP_DISABLED;
                goto trap;
            }
            if (cpu->fcmp_next == ninsn) {
                cycles++;           /* FBfcc right after FCMP: interlock */
            }
            if ((sparc_fbfcc_mask[d->rs1] >> ((cpu->fpu.fsr >> 10) & 3)) & 1) {
                if (d->rs2 && d->rs1 == 8) {
                    pc = pc + (uint32_t)d->imm;
                    npc = pc + 4;
                    cycles += ANNUL_CYCLES;
                } else {
                    a = pc + (uint32_t)d->imm;
                    pc = npc;
                    npc = a;
                }
            } else if (d->rs2) {
                pc = npc + 4;
                npc = pc + 4;
                cycles += ANNUL_CYCLES;
            } else {
                pc = npc;
                npc += 4;
            }
            RETIRE();
        HANDLER(OP_CBCCC):
        HANDLER(OP_CPOP):
        HANDLER(OP_CPMEM):
            /* No coprocessor on sun4m: PSR.EC reads 0 (V8 §B.23) */
            tt = TT_CP_DISABLED;
            goto trap;
        HANDLER(OP_CALL):
            R(15) = pc;
            a = pc + (uint32_t)d->imm;
            pc = npc;
            npc = a;
            HEAT(a);
            RETIRE();
        HANDLER(OP_JMPL):
            ea = R(d->rs1) + OP2;
            if (ea & 3) {
                tt = TT_UNALIGNED;
                goto trap;
            }
            R(d->rd) = pc;
            pc = npc;
            npc = ea;
            HEAT(ea);
            RETIRE();
        HANDLER(OP_RETT): {
            unsigned ncwp = (cwp_of(cpu) + 1) % SPARC_NWINDOWS;
            ea = R(d->rs1) + OP2;
            if (cpu->psr & PSR_ET) {
                tt = (cpu->psr & PSR_S) ? TT_ILLEGAL : TT_PRIV;
                goto trap;
            }
            /* With ET=0 each of these traps enters error mode (V8 §B.25) */
            if (!(cpu->psr & PSR_S)) {
                tt = TT_PRIV;
                goto trap;
            }
            if (cpu->wim & (1u << ncwp)) {
                tt = TT_WIN_UNF;
                goto trap;
            }
            if (ea & 3) {
                tt = TT_UNALIGNED;
                goto trap;
            }
            cpu_set_cwp(cpu, ncwp);
            rp = cpu->rp;
            cpu->psr = (cpu->psr & ~PSR_S) | PSR_ET |
                       ((cpu->psr & PSR_PS) ? PSR_S : 0);
            cpu->fetch_tag = TAG_INVALID;
            pc = npc;
            npc = ea;
            cpu_kick(cpu);          /* ET=1: pending interrupts */
            RETIRE();
        }
        HANDLER(OP_TICC):
            if ((sparc_bicc_mask[d->rd & 15] >> icc) & 1) {
                tt = TT_TRAP_INSN + ((R(d->rs1) + OP2) & 0x7f);
                goto trap;
            }
            NEXT();
        HANDLER(OP_UNIMP):
        HANDLER(OP_ILLEGAL):
            tt = TT_ILLEGAL;
            goto trap;
        HANDLER(OP_FLUSH):
            /* The decoded-code cache is kept coherent by every store, so
             * FLUSH has nothing left to do (V8 §B.31). */
            NEXT();

        /* -- state registers (V8 §B.28-B.29) -- */
        HANDLER(OP_RDY):
            /* rd %y, and on the microSPARC-II also rd %asr1-31, stbar */
            R(d->rd) = cpu->y;
            NEXT();
        HANDLER(OP_RDPSR):
        HANDLER(OP_RDWIM):
        HANDLER(OP_RDTBR):
            if (!(cpu->psr & PSR_S)) {
                tt = TT_PRIV;
                goto trap;
            }
            R(d->rd) = d->op == OP_RDPSR ? cpu_get_psr(cpu, icc)
                     : d->op == OP_RDWIM ? cpu->wim : cpu->tbr;
            NEXT();
        HANDLER(OP_WRY):
            cpu->y = R(d->rs1) ^ OP2;
            NEXT();
        HANDLER(OP_WRASR):
            /* wr %asr1-31: no effect on the microSPARC-II (QEMU) */
            NEXT();
        HANDLER(OP_WRPSR):
            if (!(cpu->psr & PSR_S)) {
                tt = TT_PRIV;
                goto trap;
            }
            a = R(d->rs1) ^ OP2;
            if ((a & PSR_CWP) >= SPARC_NWINDOWS) {
                tt = TT_ILLEGAL;
                goto trap;
            }
            icc = (a >> 20) & 15;
            /* impl/ver are read-only; EC stays 0 (no coprocessor) */
            cpu->psr = (cpu->psr & 0xff000000u) |
                       (a & (PSR_EF | PSR_PIL | PSR_S | PSR_PS | PSR_ET));
            cpu_set_cwp(cpu, a & PSR_CWP);
            rp = cpu->rp;
            cpu->fetch_tag = TAG_INVALID;
            cpu_kick(cpu);
            /* SIMPLIFY: V8 allows up to three delay instructions before the
             * new PSR takes effect; it takes effect at once, as in QEMU. */
            NEXT();
        HANDLER(OP_WRWIM):
            if (!(cpu->psr & PSR_S)) {
                tt = TT_PRIV;
                goto trap;
            }
            cpu->wim = (R(d->rs1) ^ OP2) & ((1u << SPARC_NWINDOWS) - 1);
            NEXT();
        HANDLER(OP_WRTBR):
            if (!(cpu->psr & PSR_S)) {
                tt = TT_PRIV;
                goto trap;
            }
            cpu->tbr = (cpu->tbr & 0xff0) | ((R(d->rs1) ^ OP2) & 0xfffff000u);
            NEXT();

        /* -- loads (V8 §B.1) -- */
#define LOAD(size, conv)                                                 \
            ea = R(d->rs1) + OP2;                                        \
            if (!tlb_read(cpu, ea, size, (cpu->psr & PSR_S) != 0, &v64)) {\
                CLOCKED(tt = mem_slow(cpu, ea, size,                     \
                                      (cpu->psr & PSR_S) != 0,           \
                                      MMU_ACC_READ, &v64, false));       \
                if (unlikely(tt)) {                                      \
                    goto trap;                                           \
                }                                                        \
                if (cpu->poll_read) {                                    \
                    POLL_CHECK();                                        \
                }                                                        \
            }                                                            \
            R(d->rd) = conv;                                             \
            cycles += load_use(cpu, npc, d->rd & 31);
        HANDLER(OP_LD):
            LOAD(4, (uint32_t)v64);
            NEXT();
        HANDLER(OP_LDUB):
            LOAD(1, (uint32_t)v64);
            NEXT();
        HANDLER(OP_LDUH):
            LOAD(2, (uint32_t)v64);
            NEXT();
        HANDLER(OP_LDSB):
            LOAD(1, (uint32_t)(int32_t)(int8_t)v64);
            NEXT();
        HANDLER(OP_LDSH):
            LOAD(2, (uint32_t)(int32_t)(int16_t)v64);
            NEXT();
#undef LOAD
        HANDLER(OP_LDD):
            if (d->rd & 1) {
                tt = TT_ILLEGAL;
                goto trap;
            }
            ea = R(d->rs1) + OP2;
            MEM_READ(ea, 8, (cpu->psr & PSR_S) != 0);
            if (unlikely(tt)) {
                goto trap;
            }
            if (d->rd) {
                R(d->rd) = (uint32_t)(v64 >> 32);
            }
            R(d->rd | 1) = (uint32_t)v64;
            cycles += load_use(cpu, npc, d->rd | 1);
            NEXT();

        /* -- stores (V8 §B.4) -- */
        HANDLER(OP_ST):
            ea = R(d->rs1) + OP2;
            MEM_WRITE(ea, 4, (cpu->psr & PSR_S) != 0, R(d->rd));
            if (unlikely(tt)) {
                goto trap;
            }
            NEXT();
        HANDLER(OP_STB):
            ea = R(d->rs1) + OP2;
            MEM_WRITE(ea, 1, (cpu->psr & PSR_S) != 0, R(d->rd) & 0xff);
            if (unlikely(tt)) {
                goto trap;
            }
            NEXT();
        HANDLER(OP_STH):
            ea = R(d->rs1) + OP2;
            MEM_WRITE(ea, 2, (cpu->psr & PSR_S) != 0, R(d->rd) & 0xffff);
            if (unlikely(tt)) {
                goto trap;
            }
            NEXT();
        HANDLER(OP_STD):
            if (d->rd & 1) {
                tt = TT_ILLEGAL;
                goto trap;
            }
            ea = R(d->rs1) + OP2;
            MEM_WRITE(ea, 8, (cpu->psr & PSR_S) != 0,
                      ((uint64_t)R(d->rd) << 32) | R(d->rd | 1));
            if (unlikely(tt)) {
                goto trap;
            }
            NEXT();
        HANDLER(OP_LDSTUB):
        HANDLER(OP_SWAP): {
            unsigned size = d->op == OP_LDSTUB ? 1 : 4;
            ea = R(d->rs1) + OP2;
            v64 = d->op == OP_LDSTUB ? 0xff : R(d->rd);
            CLOCKED(tt = mem_slow(cpu, ea, size, (cpu->psr & PSR_S) != 0,
                                  MMU_ACC_RMW, &v64, false));
            if (unlikely(tt)) {
                goto trap;
            }
            if (d->rd) {
                R(d->rd) = (uint32_t)v64;
            }
            NEXT();
        }

        /* -- alternate space (V8 §B.2, §B.5): privileged, i=0 only -- */
        HANDLER(OP_LDA): HANDLER(OP_LDUBA): HANDLER(OP_LDUHA):
        HANDLER(OP_LDSBA): HANDLER(OP_LDSHA): HANDLER(OP_LDDA):
        HANDLER(OP_STA): HANDLER(OP_STBA): HANDLER(OP_STHA): HANDLER(OP_STDA):
        HANDLER(OP_LDSTUBA): HANDLER(OP_SWAPA): {
            unsigned asi = (d->raw >> 5) & 0xff;
            unsigned size;
            int acc;
            /* V8 §7.4 priorities: privileged_instruction (6) before
             * illegal_instruction (7) for i=1 (QEMU checks i first) */
            if (!(cpu->psr & PSR_S)) {
                tt = TT_PRIV;
                goto trap;
            }
            if (d->raw & (1u << 13)) {
                tt = TT_ILLEGAL;
                goto trap;
            }
            switch (d->op) {
            case OP_LDUBA: case OP_LDSBA: case OP_STBA: case OP_LDSTUBA:
                size = 1;
                break;
            case OP_LDUHA: case OP_LDSHA: case OP_STHA:
                size = 2;
                break;
            case OP_LDDA: case OP_STDA:
                size = 8;
                if (d->rd & 1) {
                    tt = TT_ILLEGAL;
                    goto trap;
                }
                break;
            default:
                size = 4;
                break;
            }
            ea = R(d->rs1) + OP2;
            switch (d->op) {
            case OP_STA: case OP_STBA: case OP_STHA:
                acc = MMU_ACC_WRITE;
                v64 = R(d->rd) & (size == 4 ? 0xffffffffu
                                  : size == 2 ? 0xffffu : 0xffu);
                break;
            case OP_STDA:
                acc = MMU_ACC_WRITE;
                v64 = ((uint64_t)R(d->rd) << 32) | R(d->rd | 1);
                break;
            case OP_LDSTUBA:
                acc = MMU_ACC_RMW;
                v64 = 0xff;
                break;
            case OP_SWAPA:
                acc = MMU_ACC_RMW;
                v64 = R(d->rd);
                break;
            default:
                acc = MMU_ACC_READ;
                v64 = 0;
                break;
            }
            cpu->poll_read = false;     /* not every ASI reaches the bus */
            CLOCKED(tt = asi_access(cpu, asi, ea, size, acc, &v64));
            if (unlikely(tt)) {
                goto trap;
            }
            if (unlikely(cpu->poll_read) && acc == MMU_ACC_READ) {
                POLL_CHECK();
            }
            if (d->op == OP_LDDA) {
                if (d->rd) {
                    R(d->rd) = (uint32_t)(v64 >> 32);
                }
                R(d->rd | 1) = (uint32_t)v64;
            } else if (acc != MMU_ACC_WRITE && d->rd) {
                if (d->op == OP_LDSBA) {
                    v64 = (uint32_t)(int32_t)(int8_t)v64;
                } else if (d->op == OP_LDSHA) {
                    v64 = (uint32_t)(int32_t)(int16_t)v64;
                }
                R(d->rd) = (uint32_t)v64;
            }
            NEXT();
        }

        /* -- floating point (V8 §B.7-B.9, §B.22, §B.27) -- */
        HANDLER(OP_FPOP): {
            unsigned fcyc = 0;
            if (!(cpu->psr & PSR_EF)) {
                tt = TT_FP_DISABLED;
                goto trap;
            }
            if (fpu_exec(&cpu->fpu, d->raw, &fcyc)) {
                cycles += fcyc;
                tt = TT_FP_EXC;
                goto trap;
            }
            cycles += fcyc;
            /* fcmp/fcmpe are FPop2 with opf 0x51..0x57 */
            if (((d->raw >> 19) & 63) == 0x35 &&
                ((d->raw >> 5) & 0x1f8) == 0x50) {
                cpu->fcmp_next = ninsn + 1;
            }
            NEXT();
        }
        HANDLER(OP_LDF): HANDLER(OP_LDDF): HANDLER(OP_LDFSR):
        HANDLER(OP_STF): HANDLER(OP_STDF): HANDLER(OP_STFSR): {
            bool super = (cpu->psr & PSR_S) != 0;
            unsigned fr = d->rd & 31;
            if (!(cpu->psr & PSR_EF)) {
                tt = TT_FP_DISABLED;
                goto trap;
            }
            ea = R(d->rs1) + OP2;
            switch (d->op) {
            case OP_LDF:
                MEM_READ(ea, 4, super);
                if (!tt) {
                    cpu->fpu.f[fr] = (uint32_t)v64;
                }
                break;
            case OP_LDDF:
                MEM_READ(ea, 8, super);
                if (!tt) {
                    cpu->fpu.f[fr & 30] = (uint32_t)(v64 >> 32);
                    cpu->fpu.f[fr | 1] = (uint32_t)v64;
                }
                break;
            case OP_LDFSR:
                MEM_READ(ea, 4, super);
                if (!tt) {
                    fpu_ldfsr(&cpu->fpu, (uint32_t)v64);
                }
                break;
            case OP_STF:
                MEM_WRITE(ea, 4, super, cpu->fpu.f[fr]);
                break;
            case OP_STDF:
                MEM_WRITE(ea, 8, super,
                          ((uint64_t)cpu->fpu.f[fr & 30] << 32) |
                          cpu->fpu.f[fr | 1]);
                break;
            default:
                if (ea & 3) {
                    tt = TT_UNALIGNED;
                } else {
                    MEM_WRITE(ea, 4, super, fpu_stfsr(&cpu->fpu));
                }
                break;
            }
            if (unlikely(tt)) {
                goto trap;
            }
            NEXT();
        }
        HANDLER(OP_STDFQ):
            /* Privileged; the FP queue is never non-empty here because FP
             * traps are taken precisely, so a store of the queue is a
             * sequence_error (ftt 4), as in QEMU.
             * SIMPLIFY: the MB86904 defers FP exceptions and has an FQ. */
            if (!(cpu->psr & PSR_S)) {
                tt = TT_PRIV;
                goto trap;
            }
            if (!(cpu->psr & PSR_EF)) {
                tt = TT_FP_DISABLED;
                goto trap;
            }
            cpu->fpu.fsr = (cpu->fpu.fsr & ~(7u << 14)) | (4u << 14);
            tt = TT_FP_EXC;
            goto trap;

#ifdef SPARC_SWITCH_DISPATCH
        default:
            /* every handler has its case: lets the compiler drop the
             * range check of the jump table */
            __builtin_unreachable();
#endif
        }
#ifdef SPARC_SWITCH_DISPATCH
        /* sequential execution */
        pc = npc;
        npc += 4;
    account:
        cycles += d->cost;
        ninsn++;
        continue;
#endif

    jit:
        /* a hot block starts at pc: run it translated when it may run
         * to its end before the deadline (jit.h), else interpret */
        if (npc == pc + 4 && cpu->jit) {
            const JitEntry *je = jit_block(cpu, cpu->fetch_dp,
                                           (pc >> 2) & (CPU_PAGE_INSNS - 1),
                                           pc);
            if (!je) {
                dw->jit = JIT_NEVER;
            } else if (je->super == ((cpu->psr & PSR_S) != 0) &&
                       cycles + je->max_cycles < cpu->deadline) {
                int how;
                cpu->pc = pc;
                cpu->npc = npc;
                cpu->icc = icc;
                cpu->cycles = cycles;
                cpu->insns = ninsn;
                cpu->jit_pc0 = pc;
                cpu->jit_link = NULL;
                how = je->code(cpu, rp);
                pc = cpu->pc;
                npc = cpu->npc;
                icc = cpu->icc;
                cycles = cpu->cycles;
                /* host code counts only the instructions it ran */
                cpu->jit_insns += cpu->insns - ninsn;
                ninsn = cpu->insns;
                rp = cpu->rp;
                if (how == JIT_EXIT_TRAP) {
                    tt = cpu->jit_tt;
                    goto trap;
                }
                jit_skip = how == JIT_EXIT_STEP;
                if (jit_skip) {
                    /* where the interpreter will be after the one
                     * instruction it does: a block can start there */
                    HEAT(pc + 4);
                }
                if (how == JIT_EXIT_NEXT) {
                    /* a fall-through counts as an entry too */
                    HEAT(pc);
                    if (cpu->jit_link &&
                        (pc & ~0xfffu) == cpu->fetch_tag &&
                        cpu->fetch_dp->jit) {
                        const JitEntry *to = cpu->fetch_dp->jit[
                            (pc >> 2) & (CPU_PAGE_INSNS - 1)];
                        if (to && to->super == je->super) {
                            jit_link(cpu->jit_link, to);
                        }
                    }
                }
                goto head;
            }
        }
        goto dispatch;

    trap:
        /* V8 §7.5: trap entry */
        cpu->traps++;
        if (unlikely(log_tracing(cpu->log, LOG_TRAPS))) {
            cpu->cycles = cycles;
            log_trace(cpu->log, LOG_TRAPS, "cpu", "trap 0x%02x %s pc=0x%08x "
                      "npc=0x%08x psr=0x%08x", tt, cpu_trap_name(tt), pc, npc,
                      cpu_get_psr(cpu, icc));
        }
        if (!(cpu->psr & PSR_ET)) {
            /* a trap with traps disabled: error mode (V8 §7.3) */
            cpu->error_tt = tt;
            cpu->stop = CPU_STOP_ERROR_MODE;
            break;
        }
        {
            unsigned ncwp = (cwp_of(cpu) + SPARC_NWINDOWS - 1) % SPARC_NWINDOWS;
            cpu->psr = (cpu->psr & ~(PSR_PS | PSR_ET)) |
                       ((cpu->psr & PSR_S) ? PSR_PS : 0) | PSR_S;
            cpu_set_cwp(cpu, ncwp);
            rp = cpu->rp;
            R(17) = pc;
            R(18) = npc;
            cpu->tbr = (cpu->tbr & 0xfffff000u) | ((tt & 0xff) << 4);
            pc = cpu->tbr;
            npc = pc + 4;
            cycles += TRAP_CYCLES;
            cpu->fetch_tag = TAG_INVALID;
        }
    }
    cpu->pc = pc;
    cpu->npc = npc;
    cpu->icc = icc;
    cpu->insns = ninsn;
    cpu->cycles = cycles;
    return cpu->stop;
}
#undef R
#define R(i) (*cpu->rp[(i)])

const char *cpu_trap_name(unsigned tt)
{
    switch (tt) {
    case TT_RESET: return "reset";
    case TT_IACC_EXC: return "instruction_access_exception";
    case TT_ILLEGAL: return "illegal_instruction";
    case TT_PRIV: return "privileged_instruction";
    case TT_FP_DISABLED: return "fp_disabled";
    case TT_WIN_OVF: return "window_overflow";
    case TT_WIN_UNF: return "window_underflow";
    case TT_UNALIGNED: return "mem_address_not_aligned";
    case TT_FP_EXC: return "fp_exception";
    case TT_DACC_EXC: return "data_access_exception";
    case TT_TAG_OVF: return "tag_overflow";
    case TT_WATCHPOINT: return "watchpoint_detected";
    case TT_R_REG_ERR: return "r_register_access_error";
    case TT_IACC_ERR: return "instruction_access_error";
    case TT_CP_DISABLED: return "cp_disabled";
    case TT_UNIMP_FLUSH: return "unimplemented_FLUSH";
    case TT_CP_EXC: return "cp_exception";
    case TT_DACC_ERR: return "data_access_error";
    case TT_DIV_ZERO: return "division_by_zero";
    case TT_DSTORE_ERR: return "data_store_error";
    case TT_DACC_MMU_MISS: return "data_access_MMU_miss";
    case TT_IACC_MMU_MISS: return "instruction_access_MMU_miss";
    default:
        if (tt > TT_IRQ_BASE && tt < TT_IRQ_BASE + 16) {
            return "interrupt_level_n";
        }
        if (tt >= TT_TRAP_INSN) {
            return "trap_instruction";
        }
        return "reserved";
    }
}
