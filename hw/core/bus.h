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

/* Called when bytes [off, off+len) of a RAM page holding decoded
 * instructions are written. */
typedef void BusCodeWriteFn(void *opaque, uint64_t ram_page, unsigned off,
                            unsigned len);

typedef struct Bus {
    uint8_t *ram;
    uint64_t ram_size;
    uint8_t *rom;
    GPAddr rom_base;
    uint64_t rom_size;              /* mapped size; bytes past the image read 0 */
    BusRegion *regions;             /* sorted by base, not overlapping */
    unsigned n_regions;
    uint8_t *code_page;             /* per RAM page: 1 if instructions are decoded from it */
    BusCodeWriteFn *code_write;
    void *code_opaque;
    unsigned guest_errors;          /* count of logged guest errors */
    bool log_guest_errors;
} Bus;

int bus_init(Bus *b, uint64_t ram_size, GPAddr rom_base, uint64_t rom_size);
void bus_free(Bus *b);
void bus_map_mmio(Bus *b, GPAddr base, uint64_t len, const MmioOps *ops,
                  void *opaque, const char *name, unsigned wait);
const BusRegion *bus_find(const Bus *b, GPAddr pa);

/* Host pointer to the page holding pa if it is RAM or ROM, else NULL. */
static inline uint8_t *bus_host_ptr(const Bus *b, GPAddr pa, bool *readonly)
{
    if (pa < b->ram_size) {
        *readonly = false;
        return b->ram + pa;
    }
    if (pa - b->rom_base < b->rom_size) {
        *readonly = true;
        return b->rom + (pa - b->rom_base);
    }
    return NULL;
}

/* Mark RAM [pa, pa+len) written by someone other than the CPU fast path. */
static inline void bus_ram_written(Bus *b, GPAddr pa, uint64_t len)
{
    uint64_t p, last, end = pa + len;
    if (len == 0) {
        return;
    }
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

/* Log a guest error (device misprogrammed) once per call site burst. */
void bus_guest_error(Bus *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
