/*
 * Scatter-gather lists: runs of {addr, len} in one address space (SBus
 * DVMA, guest physical).  Every stage of the DMA chain (dma/chain.h) takes
 * one list and hands the next stage another; only the last stage turns
 * addresses into host memory.
 */
#ifndef DMA_SG_H
#define DMA_SG_H

#include <stdint.h>

typedef struct SgEntry {
    uint64_t addr;
    uint64_t len;
} SgEntry;

typedef struct SgList {
    SgEntry *e;
    unsigned n, cap;
} SgList;

void sg_init(SgList *l);
void sg_free(SgList *l);
static inline void sg_clear(SgList *l)
{
    l->n = 0;
}
/* Append a run; one that continues the last run extends it.  0, or -1 if
 * out of memory (the list is unchanged). */
int sg_add(SgList *l, uint64_t addr, uint64_t len);
uint64_t sg_total(const SgList *l);
/* The first len bytes of src, appended to dst. */
int sg_take(SgList *dst, const SgList *src, uint64_t len);

#endif
