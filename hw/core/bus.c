/*
 * Physical address decoding.  RAM and ROM are checked first (they take
 * almost every access that misses the CPU's TLB); registers are found by a
 * binary search of the sorted region table.
 */
#include "hw/core/bus.h"

#include "hw/core/log.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

int bus_init(Bus *b, uint64_t ram_size, GPAddr rom_base, uint64_t rom_size)
{
    uint8_t *ram;
    memset(b, 0, sizeof(*b));
    /* Guest RAM: anonymous zero pages, in 2 MB host pages where the host
     * allows (the PROM touches all of it when it clears memory) */
    ram = mmap(NULL, ram_size, PROT_READ | PROT_WRITE,
               MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (ram != MAP_FAILED) {
        madvise(ram, ram_size, MADV_HUGEPAGE);
        b->block[BUS_BLOCK_RAM] = (RamBlock){
            .name = "ram", .base = 0, .size = ram_size, .host = ram,
        };
    }
    b->block[BUS_BLOCK_PROM] = (RamBlock){
        .name = "prom", .base = rom_base, .size = rom_size,
        .host = calloc(1, rom_size), .readonly = true,
    };
    b->code_page = calloc(1, (ram_size >> BUS_PAGE_SHIFT) + 1);
    if (!b->block[BUS_BLOCK_RAM].host || !b->block[BUS_BLOCK_PROM].host ||
        !b->code_page) {
        bus_free(b);
        return -1;
    }
    return 0;
}

void bus_free(Bus *b)
{
    if (b->block[BUS_BLOCK_RAM].host) {
        munmap(b->block[BUS_BLOCK_RAM].host, b->block[BUS_BLOCK_RAM].size);
    }
    free(b->block[BUS_BLOCK_PROM].host);
    free(b->code_page);
    free(b->regions);
    memset(b, 0, sizeof(*b));
}

void bus_map_mmio(Bus *b, GPAddr base, uint64_t len, const MmioOps *ops,
                  void *opaque, const char *name, unsigned wait)
{
    unsigned i;
    BusRegion *r = realloc(b->regions, (b->n_regions + 1) * sizeof(*r));
    if (!r) {
        abort();
    }
    b->regions = r;
    for (i = b->n_regions; i > 0 && r[i - 1].base > base; i--) {
        r[i] = r[i - 1];
    }
    r[i] = (BusRegion){ .base = base, .len = len, .ops = ops,
                        .opaque = opaque, .name = name, .wait = wait };
    b->n_regions++;
}

const BusRegion *bus_find(const Bus *b, GPAddr pa)
{
    unsigned lo = 0, hi = b->n_regions;
    while (lo < hi) {
        unsigned mid = (lo + hi) / 2;
        const BusRegion *r = &b->regions[mid];
        if (pa < r->base) {
            hi = mid;
        } else if (pa - r->base >= r->len) {
            lo = mid + 1;
        } else {
            return r;
        }
    }
    return NULL;
}

static uint64_t be_load(const uint8_t *p, unsigned size)
{
    uint64_t v = 0;
    unsigned i;
    for (i = 0; i < size; i++) {
        v = (v << 8) | p[i];
    }
    return v;
}

static void be_store(uint8_t *p, unsigned size, uint64_t v)
{
    unsigned i;
    for (i = size; i > 0; i--) {
        p[i - 1] = (uint8_t)v;
        v >>= 8;
    }
}

static BusStatus mmio_access(Bus *b, GPAddr pa, unsigned size, uint64_t *val,
                             bool write, unsigned *wait, bool *stable)
{
    const BusRegion *r = bus_find(b, pa);
    uint32_t off, v32;
    BusStatus st;

    if (!r) {
        return BUS_ERR_UNMAPPED;
    }
    if (size == 8) {
        /* A doubleword access to registers is two word accesses. */
        uint64_t hi = *val >> 32, lo = *val & 0xffffffffu;
        st = mmio_access(b, pa, 4, &hi, write, wait, NULL);
        if (st == BUS_OK) {
            st = mmio_access(b, pa + 4, 4, &lo, write, wait, NULL);
        }
        *val = (hi << 32) | (lo & 0xffffffffu);
        return st;
    }
    *wait += r->wait;
    off = (uint32_t)(pa - r->base);
    /* devices see only accesses of a size they take, inside the region */
    if (size < r->ops->min_size || size > r->ops->max_size ||
        off + size > r->len) {
        return BUS_ERR_SIZE;
    }
    if (write) {
        if (!r->ops->write) {
            return BUS_OK;          /* read-only register: writes ignored */
        }
        return r->ops->write(r->opaque, off, size, (uint32_t)*val);
    }
    v32 = 0;
    if (stable) {
        *stable = r->ops->is_stable && r->ops->is_stable(r->opaque, off);
    }
    st = r->ops->read ? r->ops->read(r->opaque, off, size, &v32) : BUS_OK;
    *val = v32;
    return st;
}

BusStatus bus_read_poll(Bus *b, GPAddr pa, unsigned size, uint64_t *val,
                        unsigned *wait, bool *stable)
{
    uint64_t n;
    const uint8_t *p = bus_ram_map(b, pa, size, BUS_MAP_READ, &n);
    if (stable) {
        *stable = false;
    }
    if (p) {
        *val = be_load(p, size);
        return BUS_OK;
    }
    *val = 0;
    return mmio_access(b, pa, size, val, false, wait, stable);
}

BusStatus bus_read(Bus *b, GPAddr pa, unsigned size, uint64_t *val,
                   unsigned *wait)
{
    return bus_read_poll(b, pa, size, val, wait, NULL);
}

BusStatus bus_write(Bus *b, GPAddr pa, unsigned size, uint64_t val,
                    unsigned *wait)
{
    uint64_t n;
    uint8_t *p = bus_ram_map(b, pa, size, BUS_MAP_WRITE, &n);
    if (p) {
        be_store(p, size, val);
        bus_ram_written(b, pa, size);
        return BUS_OK;
    }
    if (bus_ram_block(b, pa)) {
        /* The PROM ignores writes (QEMU: rejected, logged). */
        log_guest_error(b->log, LOG_BUS, "prom", "write to ROM at 0x%09llx",
                        (unsigned long long)pa);
        return BUS_OK;
    }
    return mmio_access(b, pa, size, &val, true, wait, NULL);
}

int bus_add_block(Bus *b, const char *name, GPAddr base, uint64_t size,
                  uint8_t *host, uint8_t *dirty, bool readonly)
{
    int i, free_slot = -1;
    for (i = 0; i < BUS_NBLOCKS; i++) {
        const RamBlock *r = &b->block[i];
        if (!r->size) {
            if (i >= BUS_BLOCK_DEV && free_slot < 0) {
                free_slot = i;
            }
        } else if (base < r->base + r->size && r->base < base + size) {
            return -1;
        }
    }
    if (free_slot < 0 || !size || !host) {
        return -1;
    }
    b->block[free_slot] = (RamBlock){
        .name = name, .base = base, .size = size, .host = host,
        .readonly = readonly, .dirty = dirty,
    };
    return free_slot;
}

void bus_block_rearm(Bus *b, int idx)
{
    if (idx >= BUS_BLOCK_DEV && idx < BUS_NBLOCKS && b->write_protect) {
        b->write_protect(b->code_opaque, &b->block[idx]);
    }
}

void bus_block_written(Bus *b, GPAddr pa, uint64_t len)
{
    const RamBlock *r = bus_ram_block(b, pa);
    uint64_t p, last;
    if (!r || !r->dirty || !len) {
        return;
    }
    if (len > r->size - (pa - r->base)) {
        len = r->size - (pa - r->base);
    }
    last = (pa - r->base + len - 1) >> BUS_PAGE_SHIFT;
    for (p = (pa - r->base) >> BUS_PAGE_SHIFT; p <= last; p++) {
        r->dirty[p] = 1;
    }
}

int bus_ld32(void *bus, uint64_t pa, uint32_t *val)
{
    uint64_t v;
    unsigned wait = 0;
    if (bus_read(bus, pa, 4, &v, &wait) != BUS_OK) {
        return -1;
    }
    *val = (uint32_t)v;
    return 0;
}

int bus_st32(void *bus, uint64_t pa, uint32_t val)
{
    unsigned wait = 0;
    return bus_write(bus, pa, 4, val, &wait) == BUS_OK ? 0 : -1;
}
