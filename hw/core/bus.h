/*
 * The physical address space (36 bits on sun4m) as the CPU and the DMA chain
 * see it: RAM, the boot PROM, and memory-mapped device registers.
 *
 * RAM and ROM are host buffers reached through host pointers; registers are
 * reached through an MmioOps table per region.  All device registers are
 * big-endian, as is the SPARC: values passed to MmioOps are plain numbers of
 * the access size, the bus does no byte swapping for them.
 */
#ifndef HW_BUS_H
#define HW_BUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint64_t GPAddr;            /* guest physical address, 36 bits used */

typedef enum BusStatus {
    BUS_OK = 0,
    BUS_ERR_UNMAPPED,               /* nothing answers: a bus timeout/error */
    BUS_ERR_SIZE,                   /* the device does not take this width */
    BUS_ERR_DEVICE,                 /* the device signalled an error */
} BusStatus;

typedef struct MmioOps {
    BusStatus (*read)(void *s, uint32_t off, unsigned size, uint32_t *val);
    BusStatus (*write)(void *s, uint32_t off, unsigned size, uint32_t val);
    uint8_t min_size, max_size;     /* the bus rejects others (BUS_ERR_SIZE) */
    /*
     * Optional.  True if reading register `off` has no side effect and its
     * value changes only when one of the machine's events fires or the CPU
     * writes to the device.  The CPU may then fast-forward a polling loop on
     * it to the next event (cpu/sparc.c, poll skipping).
     */
    bool (*is_stable)(void *s, uint32_t off);
} MmioOps;

typedef struct BusRegion {
    GPAddr base;
    uint64_t len;
    const MmioOps *ops;
    void *opaque;
    const char *name;
    unsigned wait;                  /* extra CPU cycles per access */
} BusRegion;

#define BUS_PAGE_SHIFT 12
#define BUS_PAGE_SIZE (1u << BUS_PAGE_SHIFT)

/*
 * A RAM block: guest-physical memory that is plain host memory (the RAM,
 * the boot PROM).  It is the only thing anything but the CPU's own fast
 * path (its TLB) may reach by pointer: the CPU's bypass ASIs, the loaders
 * and the DMA chain all go through bus_ram_map() and, after writing,
 * bus_ram_written().
 */
typedef struct RamBlock {
    const char *name;               /* "ram", "prom" */
    GPAddr base;
    uint64_t size;
    uint8_t *host;
    bool readonly;                  /* the guest cannot write it (PROM) */
    /* Device blocks only (a framebuffer's VRAM), or NULL: one byte per
     * 4 KB page, set to 1 by every store that does not go through the
     * CPU's direct mapping.  The CPU maps a page for direct writes only
     * once its byte is 1, so the first store after the owner cleared it
     * (bus_block_rearm) always passes through the bus and marks it. */
    uint8_t *dirty;
} RamBlock;

/* RAM and PROM, then device blocks (bus_add_block) */
#define BUS_DEV_BLOCKS 4
enum { BUS_BLOCK_RAM, BUS_BLOCK_PROM, BUS_BLOCK_DEV,
       BUS_NBLOCKS = BUS_BLOCK_DEV + BUS_DEV_BLOCKS };

typedef enum BusMapAccess {
    BUS_MAP_READ,                   /* the guest reads */
    BUS_MAP_WRITE,                  /* the guest writes: no read-only block */
    BUS_MAP_LOAD,                   /* the machine fills it (any block) */
} BusMapAccess;

/*
 * Told when bytes [off, off+len) of a RAM page holding decoded
 * instructions are written by anyone but the CPU's fast path (the CPU
 * drops the decoded instructions there: cpu_code_page_written).
 */
typedef void BusCodeWriteFn(void *opaque, uint64_t ram_page, unsigned off,
                            unsigned len);
/* Drop every direct write mapping into block rb (the CPU's TLB). */
typedef void BusWriteProtectFn(void *opaque, const RamBlock *rb);

struct Log;

typedef struct Bus {
    RamBlock block[BUS_NBLOCKS];    /* [BUS_BLOCK_RAM] starts at 0 */
    BusRegion *regions;             /* sorted by base, not overlapping */
    unsigned n_regions;
    /* Code pages: the bus owns the record of which RAM pages hold decoded
     * instructions; the CPU watches and unwatches them, every writer asks */
    uint8_t *code_page;             /* per RAM page: 1 if watched */
    BusCodeWriteFn *code_write;
    BusWriteProtectFn *write_protect;   /* may be NULL (no CPU) */
    void *code_opaque;                  /* the CPU, for both */
    struct Log *log;                /* guest errors (may be NULL) */
} Bus;

int bus_init(Bus *b, uint64_t ram_size, GPAddr rom_base, uint64_t rom_size);
void bus_free(Bus *b);
void bus_map_mmio(Bus *b, GPAddr base, uint64_t len, const MmioOps *ops,
                  void *opaque, const char *name, unsigned wait);
const BusRegion *bus_find(const Bus *b, GPAddr pa);

/*
 * A device's memory as a RAM block (a framebuffer's VRAM): the CPU reaches
 * it through its TLB, the DMA chain maps it like RAM.  dirty: see
 * RamBlock (NULL: not tracked).  host and dirty stay the caller's and must
 * outlive the bus.  Returns the block's index, or -1 when every device
 * block is taken or [base, base+size) overlaps another block.
 */
int bus_add_block(Bus *b, const char *name, GPAddr base, uint64_t size,
                  uint8_t *host, uint8_t *dirty, bool readonly);
/* The owner of block idx has read and cleared dirty bytes: stores must
 * mark them again, so the CPU drops its direct write mappings into it. */
void bus_block_rearm(Bus *b, int idx);

static inline uint64_t bus_ram_size(const Bus *b)
{
    return b->block[BUS_BLOCK_RAM].size;
}

/* The RAM block holding pa, or NULL (a device, or nothing). */
static inline const RamBlock *bus_ram_block(const Bus *b, GPAddr pa)
{
    unsigned i;
    for (i = 0; i < BUS_NBLOCKS; i++) {
        if (pa - b->block[i].base < b->block[i].size) {
            return &b->block[i];
        }
    }
    return NULL;
}

/*
 * Map guest-physical [pa, pa+len) to host memory.  Returns the host
 * address of pa, and in *extent how many bytes from pa on lie in the same
 * block (at most len): a range that runs past RAM into a device or a hole
 * is mapped only up to the edge, and the caller takes the rest as a bus
 * error.  NULL with *extent = 0 when pa is not in a block, or for
 * BUS_MAP_WRITE in a read-only one.  Mapping marks nothing written: the
 * writer calls bus_ram_written() when its bytes have landed (a host AIO
 * completing later must not let the CPU run stale decoded code).
 */
static inline uint8_t *bus_ram_map(const Bus *b, GPAddr pa, uint64_t len,
                                   BusMapAccess acc, uint64_t *extent)
{
    const RamBlock *r = bus_ram_block(b, pa);
    uint64_t left;
    if (!r || (acc == BUS_MAP_WRITE && r->readonly)) {
        *extent = 0;
        return NULL;
    }
    left = r->size - (pa - r->base);
    *extent = len < left ? len : left;
    return r->host + (pa - r->base);
}

/* A big-endian word into host bytes (device registers, ROM images,
 * table entries a device builds) */
static inline void bus_st_be32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

/* A big-endian word from host bytes */
static inline uint32_t bus_ld_be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
           (uint32_t)p[2] << 8 | p[3];
}

/* Is the RAM page holding pa watched for code?  (pa must be RAM) */
static inline bool bus_code_watched(const Bus *b, GPAddr pa)
{
    return b->code_page[pa >> BUS_PAGE_SHIFT] != 0;
}

static inline void bus_code_watch(Bus *b, GPAddr pa, bool on)
{
    b->code_page[pa >> BUS_PAGE_SHIFT] = on;
}

void bus_block_written(Bus *b, GPAddr pa, uint64_t len);

/*
 * RAM [pa, pa+len) has been written by someone other than the CPU's fast
 * path: decoded instructions on it are dropped; in a device block with a
 * dirty map the pages are marked.  Bytes outside blocks are ignored.
 */
static inline void bus_ram_written(Bus *b, GPAddr pa, uint64_t len)
{
    uint64_t p, last, end, ram = bus_ram_size(b);
    if (len == 0) {
        return;
    }
    if (pa >= ram) {
        bus_block_written(b, pa, len);
        return;
    }
    end = pa + len < ram ? pa + len : ram;
    last = (end - 1) >> BUS_PAGE_SHIFT;
    for (p = pa >> BUS_PAGE_SHIFT; p <= last; p++) {
        if (b->code_page[p]) {
            uint64_t lo = p << BUS_PAGE_SHIFT, hi = lo + BUS_PAGE_SIZE;
            uint64_t from = pa > lo ? pa : lo, to = end < hi ? end : hi;
            b->code_write(b->code_opaque, p, (unsigned)(from - lo),
                          (unsigned)(to - from));
        }
    }
}

/*
 * Physical accesses of 1, 2, 4 or 8 bytes (8 only on RAM/ROM; MMIO gets two
 * 4-byte accesses, most significant word first).  *wait receives the extra
 * cycles of the access.
 */
BusStatus bus_read(Bus *b, GPAddr pa, unsigned size, uint64_t *val,
                   unsigned *wait);
/* bus_read that also tells whether the register read is stable (see
 * MmioOps.is_stable); RAM and ROM are not "stable" in that sense. */
BusStatus bus_read_poll(Bus *b, GPAddr pa, unsigned size, uint64_t *val,
                        unsigned *wait, bool *stable);
BusStatus bus_write(Bus *b, GPAddr pa, unsigned size, uint64_t val,
                    unsigned *wait);

/*
 * A big-endian word at a physical address for the hardware's own table
 * walks (SRMMU, IOMMU): bus is a Bus *.  0, or -1 on a bus error.
 */
int bus_ld32(void *bus, uint64_t pa, uint32_t *val);
int bus_st32(void *bus, uint64_t pa, uint32_t val);


#endif
