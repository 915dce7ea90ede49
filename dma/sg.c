/*
 * Scatter-gather lists (sg.h).
 */
#include "dma/sg.h"

#include <stdlib.h>

void sg_init(SgList *l)
{
    l->e = NULL;
    l->n = l->cap = 0;
}

void sg_free(SgList *l)
{
    free(l->e);
    sg_init(l);
}

int sg_add(SgList *l, uint64_t addr, uint64_t len)
{
    if (len == 0) {
        return 0;
    }
    if (l->n && l->e[l->n - 1].addr + l->e[l->n - 1].len == addr) {
        l->e[l->n - 1].len += len;
        return 0;
    }
    if (l->n == l->cap) {
        unsigned cap = l->cap ? l->cap * 2 : 8;
        SgEntry *e = realloc(l->e, cap * sizeof(*e));
        if (!e) {
            return -1;
        }
        l->e = e;
        l->cap = cap;
    }
    l->e[l->n].addr = addr;
    l->e[l->n].len = len;
    l->n++;
    return 0;
}

uint64_t sg_total(const SgList *l)
{
    uint64_t t = 0;
    unsigned i;
    for (i = 0; i < l->n; i++) {
        t += l->e[i].len;
    }
    return t;
}

int sg_take(SgList *dst, const SgList *src, uint64_t len)
{
    unsigned i;
    for (i = 0; i < src->n && len; i++) {
        uint64_t n = src->e[i].len < len ? src->e[i].len : len;
        if (sg_add(dst, src->e[i].addr, n) < 0) {
            return -1;
        }
        len -= n;
    }
    return 0;
}
