/*
 * The whole SS-5 board against a guest that programs devices nonsensically:
 * random accesses of every width to every mapped register region, with
 * time advancing and events firing in between, must never crash, hang or
 * corrupt the simulator (run it under SANITIZE=1 to see memory errors).
 * Also: two machines built in one process stay independent.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hw/board/sun4m.h"
#include "unit.h"

#define NVRAM_PA (board_model("SS-5")->dev[BD_NVRAM].base)

typedef struct Board {
    Machine m;
    CharDev con;
    char bios[64];
} Board;

/* xorshift64: a fixed sequence, so a failure can be replayed */
static uint64_t rnd(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

static Board *board_new(const uint8_t *rom, size_t rom_len)
{
    Board *b = calloc(1, sizeof(*b));
    MachineConfig cfg = {
        .model = "SS-5",
        .ram_size = 32u << 20,
        .cpu_hz = SUN4M_DEFAULT_HZ,
        .rtc_fixed = true,
        .rtc_start = 1704164645,
    };
    char err[256];
    int fd;

    CU_ASSERT_FATAL(b != NULL);
    snprintf(b->bios, sizeof(b->bios), "/tmp/sun4m-board-XXXXXX");
    fd = mkstemp(b->bios);
    CU_ASSERT_FATAL(fd >= 0);
    CU_ASSERT_FATAL(write(fd, rom, rom_len) == (ssize_t)rom_len);
    close(fd);
    CU_ASSERT_FATAL(chardev_open(&b->con, "null", false) == 0);
    cfg.bios = b->bios;
    cfg.serial_a = &b->con;
    if (machine_init(&b->m, &cfg, err, sizeof(err)) < 0) {
        printf("\n  machine_init: %s\n", err);
        CU_FAIL_FATAL("machine_init");
    }
    return b;
}

static void board_free(Board *b)
{
    machine_free(&b->m);
    chardev_close(&b->con);
    unlink(b->bios);
    free(b);
}

static void test_mmio_fuzz(void)
{
    /* a PROM that only loops: the CPU stays out of the way */
    static const uint8_t spin[] = { 0x10, 0x80, 0x00, 0x00,   /* ba . */
                                    0x01, 0x00, 0x00, 0x00 }; /* nop */
    Board *b = board_new(spin, sizeof(spin));
    Bus *bus = &b->m.bus;
    uint64_t seed = 0x5eed5eed12345678ull;
    unsigned r, i, errors = 0, oks = 0;

    for (i = 0; i < 200000; i++) {
        const BusRegion *reg;
        uint64_t val = rnd(&seed), pa;
        unsigned size = 1u << (rnd(&seed) % 4), wait = 0;
        BusStatus st;

        r = (unsigned)(rnd(&seed) % bus->n_regions);
        reg = &bus->regions[r];
        if (reg->len > (256u << 20) - 1) {
            continue;               /* the empty RAM slot: nothing there */
        }
        pa = reg->base + rnd(&seed) % reg->len;
        if (strcmp(reg->name, "system-control") == 0 ||
            strcmp(reg->name, "aux2-power") == 0 ||
            strcmp(reg->name, "apc") == 0) {
            /* reset, power-off and idle act on the board: keep reading */
            st = bus_read(bus, pa, size, &val, &wait);
        } else if (rnd(&seed) & 1) {
            st = bus_write(bus, pa, size, val, &wait);
        } else {
            st = bus_read(bus, pa, size, &val, &wait);
        }
        if (st == BUS_OK) {
            oks++;
        } else {
            errors++;
        }
        /* let time pass: timers, serial lines, the ESP's timeouts */
        if ((i & 63) == 0) {
            b->m.cpu.cycles += rnd(&seed) % 200000;
            ev_run_due(&b->m.events);
        }
    }
    /* both kinds of outcome occurred: the fuzzer reached the devices */
    CU_ASSERT(oks > 1000);
    CU_ASSERT(errors > 100);
    /* and the machine still runs its PROM afterwards */
    CU_ASSERT_EQUAL(machine_run(&b->m, b->m.cpu.cycles + 100000), 124);
    CU_ASSERT(b->m.cpu.insns > 1000);
    board_free(b);
}

/* Two boards side by side: a byte one writes to its NVRAM or RAM is not
 * seen by the other. */
static void test_two_boards(void)
{
    static const uint8_t spin[] = { 0x10, 0x80, 0x00, 0x00,
                                    0x01, 0x00, 0x00, 0x00 };
    Board *a = board_new(spin, sizeof(spin));
    Board *c = board_new(spin, sizeof(spin));
    uint64_t v = 0;
    unsigned wait = 0;

    CU_ASSERT_EQUAL(bus_write(&a->m.bus, 0x1000, 4, 0xdeadbeef, &wait),
                    BUS_OK);
    CU_ASSERT_EQUAL(bus_write(&a->m.bus, NVRAM_PA + 0x10, 1, 0x5a, &wait),
                    BUS_OK);
    CU_ASSERT_EQUAL(bus_read(&c->m.bus, 0x1000, 4, &v, &wait), BUS_OK);
    CU_ASSERT_EQUAL(v, 0);
    CU_ASSERT_EQUAL(bus_read(&c->m.bus, NVRAM_PA + 0x10, 1, &v, &wait),
                    BUS_OK);
    CU_ASSERT_NOT_EQUAL(v, 0x5a);
    CU_ASSERT_EQUAL(bus_read(&a->m.bus, NVRAM_PA + 0x10, 1, &v, &wait),
                    BUS_OK);
    CU_ASSERT_EQUAL(v, 0x5a);
    CU_ASSERT_EQUAL(machine_run(&a->m, 50000), 124);
    CU_ASSERT_EQUAL(c->m.cpu.cycles, 0);
    board_free(a);
    board_free(c);
}

static void put_be32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

/*
 * Random instruction streams on the whole board: every trap vector skips
 * the trapping instruction (jmp %l2; rett %l2 + 4), so the CPU keeps going
 * through whatever the words do to registers, memory, ASIs (MMU, caches,
 * bypass to every device) and the PSR.  The simulator must neither crash
 * nor hang; error mode, halts and resets are all fine outcomes.
 */
static void test_random_code(void)
{
    static const uint8_t spin[] = { 0x10, 0x80, 0x00, 0x00,
                                    0x01, 0x00, 0x00, 0x00 };
    uint64_t seed = 0x0123456789abcdefull;
    unsigned run, i, modes[4] = { 0, 0, 0, 0 };
    uint64_t insns = 0, traps = 0;

    for (run = 0; run < 200; run++) {
        Board *b = board_new(spin, sizeof(spin));
        Machine *m = &b->m;
        uint64_t extent;
        uint8_t *ram = bus_ram_map(&m->bus, 0, 0x40000, BUS_MAP_LOAD,
                                   &extent);
        int rc;

        /* trap table at 0x10000: each vector "jmp %l2; rett %l2 + 4" */
        for (i = 0; i < 256; i++) {
            put_be32(ram + 0x10000 + i * 16, 0x81c48000);      /* jmp %l2 */
            put_be32(ram + 0x10000 + i * 16 + 4, 0x81cca004);  /* rett */
        }
        /* 8 KB of random words at 0x20000, random data at 0x30000 */
        for (i = 0; i < 0x4000; i += 4) {
            put_be32(ram + 0x20000 + i, (uint32_t)rnd(&seed));
        }
        for (i = 0; i < 8; i++) {
            *m->cpu.rp_table[0][i ? i : 1] = (uint32_t)rnd(&seed);
        }
        m->cpu.mmu.ctrl &= ~SRMMU_CTRL_BM;     /* fetch from RAM */
        m->cpu.psr = MB86904_PSR_IMPL_VER | PSR_S | PSR_ET | PSR_EF;
        m->cpu.wim = 0;
        m->cpu.tbr = 0x10000;
        m->cpu.pc = 0x20000;
        m->cpu.npc = 0x20004;
        rc = machine_run(m, 2000000);
        modes[rc == 124 ? 0 : rc == 3 ? 1 : rc == 0 ? 2 : 3]++;
        insns += m->cpu.insns;
        traps += m->cpu.traps;
        board_free(b);
    }
    printf("\n  outcomes: %u time limit, %u error mode, %u ended; %llu "
           "instructions, %llu traps\n", modes[0], modes[1], modes[2],
           (unsigned long long)insns, (unsigned long long)traps);
    /* the outcomes are all of the expected kinds */
    CU_ASSERT_EQUAL(modes[3], 0);
    CU_ASSERT_TRUE(modes[0] + modes[1] + modes[2] == 200);
    /* and the streams really ran: many instructions, many traps */
    CU_ASSERT_TRUE(insns > 10000000);
    CU_ASSERT_TRUE(traps > 100000);
}

/* The table row holding [pa, pa+len), or -1; *rows counts them all. */
static int row_of(const BoardModel *bm, GPAddr pa, uint64_t len,
                  unsigned *rows)
{
    int found = -1;
    unsigned i;
    *rows = 0;
    for (i = 0; i < BD_COUNT; i++) {
        const BoardDevice *d = &bm->dev[i];
        if (pa >= d->base && pa + len <= d->base + d->size) {
            found = (int)i;
            (*rows)++;
        }
    }
    return found;
}

/* Does pa decode to a region of table row id? */
static bool answers(const Machine *m, BoardDevId id, GPAddr pa)
{
    const BusRegion *r = bus_find(&m->bus, pa);
    unsigned n;
    return r && row_of(m->model, r->base, r->len, &n) == (int)id;
}

/*
 * The board table against the bus it built: every region lies in exactly
 * one row; every row answers at its base and through its window (the
 * SLAVIO per-CPU blocks at their pages), and not just outside it.  The
 * device tree OpenBIOS builds names the same addresses (checked against
 * the running PROM by tests/guest/openbios.sh).
 */
static void test_board_table(void)
{
    static const uint8_t spin[] = { 0x10, 0x80, 0x00, 0x00,
                                    0x01, 0x00, 0x00, 0x00 };
    Board *b = board_new(spin, sizeof(spin));
    const Machine *m = &b->m;
    const BoardModel *bm = m->model;
    unsigned i, j, n;

    CU_ASSERT_PTR_NOT_NULL_FATAL(bm);
    CU_ASSERT_STRING_EQUAL(bm->name, "SS-5");
    for (i = 0; i < m->bus.n_regions; i++) {
        const BusRegion *r = &m->bus.regions[i];
        int row = row_of(bm, r->base, r->len, &n);
        if (n != 1) {
            printf("\n  region %s at 0x%09llx is in %u table rows", r->name,
                   (unsigned long long)r->base, n);
        }
        CU_ASSERT_EQUAL(n, 1);
        CU_ASSERT(row >= 0);
    }
    for (i = 0; i < BD_COUNT; i++) {
        const BoardDevice *d = &bm->dev[i];
        bool ok = true;
        CU_ASSERT_PTR_NOT_NULL(d->name);
        CU_ASSERT(d->size > 0);
        for (j = i + 1; j < BD_COUNT; j++) {
            const BoardDevice *e = &bm->dev[j];
            CU_ASSERT(e->base >= d->base + d->size ||
                      d->base >= e->base + e->size);
        }
        if (i == BD_RAM_SOCKETS) {
            /* RAM from 0, then the empty slot to the end of the sockets */
            uint64_t ram = bus_ram_size(&m->bus);
            CU_ASSERT(answers(m, BD_RAM_SOCKETS, ram));
            CU_ASSERT(answers(m, BD_RAM_SOCKETS, d->size - 1));
            CU_ASSERT_FALSE(answers(m, BD_RAM_SOCKETS, d->size));
            continue;
        }
        if (d->cpu_pages) {
            for (j = 0; j < d->cpu_pages; j++) {
                ok &= answers(m, (BoardDevId)i, d->base + j * BOARD_CPU_PAGE);
            }
            ok &= answers(m, (BoardDevId)i, d->base + BOARD_SYS_PAGE);
            ok &= answers(m, (BoardDevId)i, d->base + d->size - 1);
        } else if (d->size > (1u << 20)) {
            /* a whole SBus slot (the TCX): its spaces lie apart inside,
             * each a region of this row (checked above); the base (its
             * FCode ROM) answers */
            ok &= answers(m, (BoardDevId)i, d->base);
        } else {
            uint64_t a;
            for (a = d->base; a < d->base + d->size; a++) {
                ok &= answers(m, (BoardDevId)i, a);
            }
        }
        /* and not just outside */
        ok &= !answers(m, (BoardDevId)i, d->base - 1);
        ok &= !answers(m, (BoardDevId)i, d->base + d->size);
        if (!ok) {
            printf("\n  %s at 0x%09llx does not answer as its table row "
                   "says", d->name, (unsigned long long)d->base);
        }
        CU_ASSERT_TRUE(ok);
        /* a read at the base never ends in "nothing there" */
        {
            const BusRegion *r = bus_find(&m->bus, d->base);
            uint64_t v;
            unsigned wait = 0;
            if (r && strcmp(d->name, "system-control") != 0) {
                CU_ASSERT_NOT_EQUAL(bus_read(&b->m.bus, d->base,
                                             r->ops->min_size, &v, &wait),
                                    BUS_ERR_UNMAPPED);
            }
        }
    }
    /* the SBus slots the table uses exist on the model */
    for (i = 0; i < BD_COUNT; i++) {
        const BoardDevice *d = &bm->dev[i];
        if (d->slot != BOARD_OBIO) {
            GPAddr lo = bm->sbus_base + (GPAddr)d->slot * bm->sbus_slot_size;
            CU_ASSERT((unsigned)d->slot < bm->sbus_slots);
            CU_ASSERT(d->base >= lo && d->base + d->size <=
                      lo + bm->sbus_slot_size);
        }
    }
    board_free(b);
}

static const UnitTest tests[] = {
    { "every device answers at its table address and nowhere else",
      test_board_table },
    { "random instruction streams", test_random_code },
    { "random register accesses on every device", test_mmio_fuzz },
    { "two boards in one process", test_two_boards },
};

int main(void)
{
    return UNIT_RUN("board", NULL, NULL, tests);
}
