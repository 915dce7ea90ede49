/*
 * client.c - a "kernel" that tests a sun4m PROM's romvec: booted with
 * -kernel, it calls every romvec service Linux 6.1 uses on a sun4m (and a
 * few that boot loaders use) and prints one deterministic line per result,
 * so that the same program run under OpenBIOS and under our own PROM
 * (firmware/prom, -bios builtin) gives outputs a test can compare
 * (tests/guest/promtest.sh).
 *
 * Entered from start.S at VA 0x4000 with the romvec the PROM passed in %o0,
 * on our own stack and on the PROM's trap table (as Linux's head_32.S runs
 * its first PROM calls).  The contract each step checks is the one in
 * /work/shared/reference/own-firmware.md §1-§2 (Linux arch/sparc/prom/ *_32.c,
 * kernel/head_32.S, kernel/prom_32.c of_console_init, kernel/setup_32.c).
 *
 * Output: the banner goes through pv_nbputchar (a slot every romvec
 * version has); every later line is one v2 devops write of the whole line
 * on *fd_stdout, as Linux's prom_console_write_buf does (retrying on a
 * short or failed write).  Every line starts "promtest: ".  A line whose
 * value legitimately differs between PROMs (revision, node and property
 * counts, phandles, free memory, PROM addresses, what a PROM leaves
 * unimplemented) starts "promtest: [prom] "; every other line must be the
 * same on every PROM that boots Linux.  The last lines name the PROM call
 * that ends the run: pv_halt by default, pv_reboot("") if the command line
 * contains "reboot", pv_fortheval("reset") if it contains "feval", pv_abort (then "back from abort" and pv_halt) if it
 * contains "abort".
 *
 * Freestanding C: no library, no FPU; -mno-app-regs so %g2-%g7 stay the
 * PROM's.  Property values are always sized with proplen before getprop
 * (getprop has no length argument).
 */
#include "firmware/boot/romvec.h"

void promtest_main(const struct romvec *romvec);

#define MAX_NODES 2000          /* a walk stops there (a looping tree) */
#define MAX_DEPTH 16
#define MAX_PROPS 500           /* nextprop stops there */

static const struct romvec *rv;
static const struct rv_nodeops *no;

/* what the tree walk found (0: not found) */
static int n_nodes, n_deep;
static int root, obio, memory, iommu, options, counter, console_zs;

/* ---------------------------------------------------------------- strings */

static int slen(const char *s)
{
    int n = 0;
    while (s[n])
        n++;
    return n;
}

static int same_str(const char *a, const char *b)
{
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return *a == *b;
}

/* does the word w appear in s (between spaces or the ends)? */
static int has_word(const char *s, const char *w)
{
    int n = slen(w);
    for (const char *p = s; *p; p++) {
        if (p != s && p[-1] != ' ')
            continue;
        int i = 0;
        while (i < n && p[i] == w[i])
            i++;
        if (i == n && (p[n] == 0 || p[n] == ' '))
            return 1;
    }
    return 0;
}

/* ---------------------------------------------------------------- output */

static char line[512];
static int llen;
static int n_writes, n_short;   /* v2 write calls; those that wrote less */

static void put(const char *s)
{
    while (*s && llen < (int)sizeof line - 2)
        line[llen++] = *s++;
}

static void begin(const char *s)
{
    llen = 0;
    put("promtest: ");
    put(s);
}

/* a line whose value may differ between PROMs */
static void begin_prom(const char *s)
{
    llen = 0;
    put("promtest: [prom] ");
    put(s);
}

static void put_hex(unsigned int v)
{
    char b[9];
    for (int i = 7; i >= 0; i--, v >>= 4)
        b[i] = "0123456789abcdef"[v & 15];
    b[8] = 0;
    put(b);
}

static void put_dec(int v)
{
    char b[12];
    int i = 11;
    unsigned int u = v < 0 ? 0u - (unsigned int)v : (unsigned int)v;
    b[i] = 0;
    do {
        b[--i] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        b[--i] = '-';
    put(b + i);
}

/* a string the PROM gave us, quoted; shown even if absent */
static void put_q(const char *s)
{
    if (!s) {
        put("(null)");
        return;
    }
    put("'");
    put(s);
    put("'");
}

/* property words in hex, as "00000000 00100000 00000008" */
static void put_words(const unsigned int *w, int nbytes)
{
    for (int i = 0; i < nbytes / 4; i++) {
        if (i)
            put(" ");
        put_hex(w[i]);
    }
    if (nbytes % 4)
        put(" (+bytes)");
}

/* The line in one v2 write on *fd_stdout, as Linux's
 * prom_console_write_buf: what is left after a short write goes again, a
 * negative answer is retried (here at most 100 times, Linux forever). */
static void end(void)
{
    line[llen++] = '\r';
    line[llen++] = '\n';
    if (rv->romvers < 2) {
        for (int i = 0; i < llen; i++)
            while (rv->nbputchar((unsigned char)line[i]) == -1)
                ;
        return;
    }
    const char *p = line;
    int left = llen, tries = 0;
    while (left > 0 && tries < 100) {
        int n = rv->v2devops.write(*rv->v2bootargs.fd_stdout, p, left);
        n_writes++;
        if (n != left)
            n_short++;
        if (n <= 0) {
            tries++;
            continue;
        }
        p += n;
        left -= n;
    }
}

/* ---------------------------------------------------------------- properties */

/* getprop into buf (size bytes) after proplen: the length, -1 if the
 * property is missing, -2 if it does not fit */
static int getprop_buf(int node, const char *name, void *buf, int size)
{
    int len = no->proplen(node, name);
    if (len < 0)
        return -1;
    if (len > size)
        return -2;
    return no->getprop(node, name, buf);
}

/* a string property, NUL-terminated in buf; "" if missing or too long */
static const char *getstr(int node, const char *name, char *buf, int size)
{
    int n = getprop_buf(node, name, buf, size - 1);
    if (n < 0)
        n = 0;
    buf[n] = 0;
    return buf;
}

/* ---------------------------------------------------------------- tree */

/* Depth first over the siblings of node and their children, counting the
 * nodes and noting the ones the later steps need. */
static void walk(int node, int parent, int depth)
{
    char name[64], type[64];
    for (; node != 0 && node != -1 && n_nodes < MAX_NODES;
         node = no->nextnode(node)) {
        n_nodes++;
        if (depth > n_deep)
            n_deep = depth;
        getstr(node, "name", name, sizeof name);
        if (parent == root) {
            if (same_str(name, "obio") && !obio)
                obio = node;
            else if (same_str(name, "memory") && !memory)
                memory = node;
            else if (same_str(name, "iommu") && !iommu)
                iommu = node;
            else if (same_str(name, "options") && !options)
                options = node;
        } else if (parent == obio && obio) {
            getstr(node, "device_type", type, sizeof type);
            if (same_str(name, "zs") && same_str(type, "serial") &&
                no->proplen(node, "keyboard") == -1 && !console_zs)
                console_zs = node;
            else if (same_str(name, "counter") && !counter)
                counter = node;
        }
        if (depth < MAX_DEPTH)
            walk(no->child(node), node, depth + 1);
    }
}

/* ---------------------------------------------------------------- steps */

static const char *dev_name(int d, int out)
{
    switch (d) {
    case PROMDEV_KBD:
        return out ? "screen" : "keyboard";
    case PROMDEV_TTYA:
        return "ttya";
    case PROMDEV_TTYB:
        return "ttyb";
    default:
        return "other";
    }
}

static void step_romvec(void)
{
    begin("magic ");
    put_hex(rv->magic);
    put(rv->magic == ROMVEC_MAGIC ? " (OpenBoot)" : " (NOT 10010407)");
    put(" romvers ");
    put_dec((int)rv->romvers);
    put(" plugin ");
    put_dec((int)rv->plugin_revision);
    end();
    begin_prom("printrev ");
    put_hex(rv->printrev);
    end();
}

static void step_console(void)
{
    int in = rv->stdin_v0 ? *rv->stdin_v0 : -1;
    int out = rv->stdout_v0 ? *rv->stdout_v0 : -1;
    begin("*pv_stdin ");
    put_dec(in);
    put(" (");
    put(dev_name(in, 0));
    put(") *pv_stdout ");
    put_dec(out);
    put(" (");
    put(dev_name(out, 1));
    put(")");
    end();
    begin("*fd_stdin ");
    put(*rv->v2bootargs.fd_stdin ? "non-zero" : "zero");
    put(" *fd_stdout ");
    put(*rv->v2bootargs.fd_stdout ? "non-zero" : "zero");
    end();
}

static const char *bootargs(void)
{
    return rv->v2bootargs.bootargs ? *rv->v2bootargs.bootargs : 0;
}

static void step_bootargs(void)
{
    begin("bootargs ");
    put_q(bootargs());
    end();
    begin_prom("bootpath ");
    put_q(rv->v2bootargs.bootpath ? *rv->v2bootargs.bootpath : 0);
    end();
}

static void step_root(void)
{
    char buf[64];
    int n;

    n = getprop_buf(root, "compatible", buf, sizeof buf - 1);
    buf[n > 0 ? n : 0] = 0;
    begin("root compatible ");
    put_q(buf);
    put(" getprop ");
    put_dec(n);
    put(" proplen ");
    put_dec(no->proplen(root, "compatible"));
    end();
    begin("root proplen of a missing property ");
    put_dec(no->proplen(root, "promtest-missing"));
    end();
    begin("root name ");
    put_q(getstr(root, "name", buf, sizeof buf));
    end();
    begin("root stdout-path ");
    put_q(getstr(root, "stdout-path", buf, sizeof buf));
    end();

    /* every property name of the root, from "" to "" or NULL; each name
     * is copied before it goes back, in case the PROM reuses its buffer */
    char prev[64];
    int count = 0;
    const char *p = no->nextprop(root, "");
    while (p && *p && count < MAX_PROPS) {
        count++;
        int i = 0;
        for (; p[i] && i < (int)sizeof prev - 1; i++)
            prev[i] = p[i];
        prev[i] = 0;
        p = no->nextprop(root, prev);
    }
    begin_prom("root properties by nextprop: ");
    put_dec(count);
    put(p == 0 ? " (ends with NULL)" : *p ? " (no end)" : " (ends with \"\")");
    end();
}

static void step_walk(void)
{
    char buf[64];
    unsigned int w[64];
    int n;

    walk(root, 0, 0);
    begin_prom("tree: ");
    put_dec(n_nodes);
    put(" nodes, ");
    put_dec(n_deep + 1);
    put(" levels");
    end();

    begin("/obio ");
    put(obio ? "found" : "MISSING");
    put(", console zs (serial, no keyboard) ");
    put(console_zs ? "found" : "MISSING");
    if (console_zs) {
        n = getprop_buf(console_zs, "reg", w, sizeof w);
        put(", reg ");
        put_words(w, n);
    }
    end();

    if (memory) {
        n = getprop_buf(memory, "reg", w, sizeof w);
        begin("/memory reg ");
        put_words(w, n);
        end();
        n = getprop_buf(memory, "available", w, sizeof w);
        begin_prom("/memory available ");
        put_words(w, n);
        end();
    } else {
        begin("/memory MISSING");
        end();
    }

    begin("/obio/counter ");
    if (counter) {
        n = getprop_buf(counter, "address", w, sizeof w);
        if (n >= 4) {
            put("address: ");
            put_dec(n / 4);
            put(" words (");
            put_dec(n / 4 - 1);
            put(" per-CPU + system)");
        } else {
            put("address: none (");
            put_dec(n);
            put(")");
        }
        end();
        if (n > 0) {
            begin_prom("/obio/counter address ");
            put_words(w, n);
            end();
        }
    } else {
        put("MISSING");
        end();
    }

    begin("/iommu reg ");
    if (iommu) {
        n = getprop_buf(iommu, "reg", w, sizeof w);
        put_words(w, n);
    } else {
        put("MISSING");
    }
    end();

    /* Linux's of_console_init: inst2pkg of the console ihandle must give
     * the zs node, whose device_type must be "serial" (or "display") */
    int ph = rv->v2devops.inst2pkg(*rv->v2bootargs.fd_stdout);
    begin("inst2pkg(*fd_stdout) ");
    put(ph == console_zs && ph ? "match" : "mismatch");
    put(" device_type ");
    put_q(ph && ph != -1 ? getstr(ph, "device_type", buf, sizeof buf) : 0);
    end();
    begin_prom("phandles: root ");
    put_hex((unsigned int)root);
    put(" console ");
    put_hex((unsigned int)ph);
    end();
}

/* setprop then getprop: a PROM may not implement setprop (OpenBIOS
 * answers -1 and keeps nothing), but what it says must be what it does */
static void step_setprop(void)
{
    static const char yes[] = "yes";
    char buf[16];
    int r = -1, g = -1;

    if (options) {
        r = no->setprop(options, "promtest", yes, sizeof yes);
        g = getprop_buf(options, "promtest", buf, sizeof buf - 1);
    }
    buf[g > 0 ? g : 0] = 0;
    begin_prom("setprop /options promtest=yes: ");
    put_dec(r);
    put(", then getprop ");
    put_dec(g);
    put(" ");
    put_q(buf);
    end();
    int works = r >= 0 && g == (int)sizeof yes && same_str(buf, yes);
    int refused = r < 0 && g == -1;
    begin("setprop /options: ");
    put(!options ? "no /options" : works || refused ?
        "getprop agrees with what setprop returned" : "INCONSISTENT");
    end();
}

static void sync_fn(void)
{
}

static void step_synchook(void)
{
    void (**hook)(void) = rv->synchook;
    begin("synchook ");
    if (!hook) {
        put("slot NULL");
    } else {
        void (*old)(void) = *hook;
        *(void (*volatile *)(void))hook = sync_fn;
        int same = *(void (*volatile *)(void))hook == sync_fn;
        *hook = old;
        put(same ? "written and read back" : "NOT read back");
    }
    end();
}

/* pv_printf: Linux passes only a format (head_32.S's failure messages);
 * with arguments the output is the PROM's: OpenBIOS's obp_printf hands
 * its va_list to printk as one argument (arch/sparc32/romvec.c), so
 * arguments print as garbage there */
static void step_printf(void)
{
    rv->printf("promtest: pv_printf without arguments\n");
    rv->printf("promtest: [prom] pv_printf %s %d %x\n", "abc", -42, 0xbeefu);
}

static void step_read(void)
{
    char c = 0;
    int n = rv->v2devops.read(*rv->v2bootargs.fd_stdin, &c, 1);
    begin("v2 read on *fd_stdin, nothing typed: ");
    put(n == 0 || n == -2 ? "nothing (0 or -2)" : "UNEXPECTED");
    end();
    begin_prom("v2 read on *fd_stdin returned ");
    put_dec(n);
    end();
}


/* Globals across PROM calls (start.S globals_kept): a getprop, a write */
int globals_kept(void (*fn)(void));
void set_pil(unsigned pil);

static void calls_for_globals(void)
{
    char buf[16];
    no->getprop(root, "compatible", buf);
    rv->v2devops.write(*rv->v2bootargs.fd_stdout, "", 0);
}

/* Recursion a window deeper per level with a PROM call at each: the
 * register windows overflow into our stack and underflow back through
 * the PROM's trap table (the PROM's calls make more of both) */
static int deep_calls(int level)
{
    int here = no->proplen(root, "compatible");
    if (level == 0) {
        return here;
    }
    return here + deep_calls(level - 1);
}

static void step_traps(void)
{
    volatile unsigned int *ticks;
    unsigned t0, i;

    begin("globals %g2-%g7 kept across PROM calls: ");
    put(globals_kept(calls_for_globals) ? "yes" : "NO");
    end();
    /* 24 levels, each proplen 6 ("sun4m") */
    begin("24 nested calls with a PROM call at each, window traps on the "
          "PROM's table: ");
    put(deep_calls(23) == 24 * 6 ? "right" : "WRONG");
    end();
    /* the level-14 tick, let in for a while */
    ticks = rv->ticks;
    begin("pv_ticks with PIL 13: ");
    if (!ticks) {
        put("no counter");
    } else {
        t0 = *ticks;
        set_pil(13);
        for (i = 0; i < 20000000 && *ticks == t0; i++)
            ;
        set_pil(15);
        put(*ticks != t0 ? "moving" : "still");
    }
    end();
}

/* ---------------------------------------------------------------- main */

void promtest_main(const struct romvec *romvec)
{
    rv = romvec;
    static const char banner[] = "\r\npromtest: sun4m romvec test client\r\n";
    for (const char *s = banner; *s; s++)
        while (rv->nbputchar((unsigned char)*s) == -1)
            ;

    step_romvec();
    if (rv->magic != ROMVEC_MAGIC || rv->romvers < 2 || !rv->nodeops) {
        begin("not a v2/v3 romvec with nodeops: stop");
        end();
        rv->halt();
        return;
    }
    no = rv->nodeops;
    step_console();
    step_bootargs();

    root = no->nextnode(0);
    begin("root node ");
    put(root != 0 && root != -1 ? "found" : "MISSING");
    end();
    if (root != 0 && root != -1) {
        step_root();
        step_walk();
    }
    step_setprop();
    step_synchook();
    step_printf();
    step_read();
    if (root != 0 && root != -1) {
        step_traps();
    }

    begin("every v2 write returned the full length: ");
    put(n_short ? "NO" : "yes");
    end();
    begin_prom("v2 writes so far ");
    put_dec(n_writes);
    put(", short ");
    put_dec(n_short);
    end();

    const char *args = bootargs();
    if (args && has_word(args, "reboot")) {
        begin("calling pv_reboot(\"\")");
        end();
        rv->reboot("");
        begin("pv_reboot returned; calling pv_halt");
        end();
    } else if (args && has_word(args, "feval")) {
        /* Linux's machine_restart falls back to this when pv_reboot
         * returns (arch/sparc/kernel/process_32.c) */
        begin("calling pv_fortheval(\"reset\")");
        end();
        rv->fortheval("reset");
        begin("pv_fortheval returned; calling pv_halt");
        end();
    } else if (args && has_word(args, "abort")) {
        begin("calling pv_abort");
        end();
        rv->abort();
        begin("back from abort");
        end();
        begin("calling pv_halt");
        end();
    } else {
        begin("calling pv_halt");
        end();
    }
    rv->halt();
    begin("pv_halt returned");
    end();
}
