/*
 * --profile-guest (profile.h):
 * the table of cycles by PC, filled between CPU slices.
 */
#include "hw/board/profile.h"

#include <inttypes.h>
#include <stdlib.h>

typedef struct GuestProfile {
    uint32_t *pc;                   /* open addressing; 0 = empty slot */
    uint64_t *cycles;
    size_t cap, used;
    uint64_t idle, total, pc0;      /* pc0: samples at pc 0 */
    Cycles last;
    uint64_t last_idle;             /* m->idle_cycles at the last sample */
    uint64_t polled, last_poll;     /* cycles of polling and delay loops
                                     * done at once (poll and delay
                                     * skipping, cpu/sparc.c) */
} GuestProfile;

#define PROFILE_MIN_CAP 4096u

int machine_profile_start(Machine *m)
{
    GuestProfile *p = calloc(1, sizeof(*p));
    if (!p) {
        return -1;
    }
    p->cap = PROFILE_MIN_CAP;
    p->pc = calloc(p->cap, sizeof(*p->pc));
    p->cycles = calloc(p->cap, sizeof(*p->cycles));
    if (!p->pc || !p->cycles) {
        free(p->pc);
        free(p->cycles);
        free(p);
        return -1;
    }
    p->last = m->cpu.cycles;
    p->last_idle = m->idle_cycles;
    p->last_poll = m->cpu.poll_skipped + m->cpu.delay_skipped;
    m->profile = p;
    return 0;
}

/* The slot of pc in a table of cap (a power of two) slots: where it is,
 * or the empty slot where it would go (linear probing; 0 marks empty). */
static size_t profile_slot(const uint32_t *tab, size_t cap, uint32_t pc)
{
    size_t i = (pc * 2654435761u) & (cap - 1);
    while (tab[i] && tab[i] != pc) {
        i = (i + 1) & (cap - 1);
    }
    return i;
}

static void profile_add(GuestProfile *p, uint32_t pc, uint64_t n)
{
    size_t i;
    if (pc == 0) {
        p->pc0 += n;
        return;
    }
    if (2 * (p->used + 1) > p->cap) {
        /* grow: rehash into twice the room (on failure, keep counting
         * in the table as it is: it is only half full) */
        size_t cap = p->cap * 2, j;
        uint32_t *npc = calloc(cap, sizeof(*npc));
        uint64_t *nc = calloc(cap, sizeof(*nc));
        if (npc && nc) {
            for (j = 0; j < p->cap; j++) {
                if (p->pc[j]) {
                    size_t k = profile_slot(npc, cap, p->pc[j]);
                    npc[k] = p->pc[j];
                    nc[k] = p->cycles[j];
                }
            }
            free(p->pc);
            free(p->cycles);
            p->pc = npc;
            p->cycles = nc;
            p->cap = cap;
        } else {
            free(npc);
            free(nc);
        }
    }
    i = profile_slot(p->pc, p->cap, pc);
    if (!p->pc[i]) {
        if (p->used + 1 >= p->cap) {
            /* no room left (the table could not grow): a new pc's
             * cycles go to the pc-0 row, so that the total stays right */
            p->pc0 += n;
            return;
        }
        p->pc[i] = pc;
        p->used++;
    }
    p->cycles[i] += n;
}

void machine_profile_sample(Machine *m)
{
    GuestProfile *p = m->profile;
    uint64_t n = m->cpu.cycles - p->last;
    uint64_t idle = m->idle_cycles - p->last_idle;
    uint64_t poll = m->cpu.poll_skipped + m->cpu.delay_skipped -
                    p->last_poll;
    p->last = m->cpu.cycles;
    p->last_idle = m->idle_cycles;
    p->last_poll = m->cpu.poll_skipped + m->cpu.delay_skipped;
    p->total += n;
    /* the time skipped while halted since the last sample is idle, the
     * time polling and delay loops were skipped is polled; the rest ran up to this
     * pc */
    idle = idle < n ? idle : n;
    poll = poll < n - idle ? poll : n - idle;
    p->idle += idle;
    p->polled += poll;
    if (n > idle + poll) {
        profile_add(p, m->cpu.pc, n - idle - poll);
    }
}

static int profile_cmp(const void *a, const void *b)
{
    const uint64_t *x = a, *y = b;
    return x[0] < y[0] ? 1 : x[0] > y[0] ? -1 : (x[1] > y[1]) - (x[1] < y[1]);
}

int machine_profile_write(Machine *m, FILE *out)
{
    GuestProfile *p = m->profile;
    uint64_t (*rows)[2];
    size_t i, n = 0;

    if (!p) {
        return 0;
    }
    rows = calloc(p->used ? p->used : 1, sizeof(*rows));
    if (!rows) {
        return -1;
    }
    for (i = 0; i < p->cap; i++) {
        if (p->pc[i]) {
            rows[n][0] = p->cycles[i];
            rows[n][1] = p->pc[i];
            n++;
        }
    }
    qsort(rows, n, sizeof(*rows), profile_cmp);
    fprintf(out, "# --profile-guest: cycles charged to each pc (sampled "
            "at every CPU slice's end)\n");
    for (i = 0; i < n; i++) {
        fprintf(out, "%" PRIu64 " 0x%08" PRIx64 "\n", rows[i][0],
                rows[i][1]);
    }
    if (p->pc0) {
        fprintf(out, "%" PRIu64 " 0x00000000\n", p->pc0);
    }
    fprintf(out, "%" PRIu64 " idle\n%" PRIu64 " polled\n%" PRIu64
            " total\n", p->idle, p->polled, p->total);
    free(rows);
    return ferror(out) ? -1 : 0;
}

void machine_profile_free(Machine *m)
{
    if (m->profile) {
        free(m->profile->pc);
        free(m->profile->cycles);
        free(m->profile);
        m->profile = NULL;
    }
}

