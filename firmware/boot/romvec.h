/*
 * romvec.h - the OpenBoot "romvec" (the PROM vector a boot program
 * receives in %o0): the one declaration of its layout, shared by the
 * PROM that fills it (firmware/prom/prom.c) and the programs that call it
 * (firmware/boot/boot.c, firmware/promtest/client.c).
 *
 * The romvec is a table of words at a fixed layout shared by every Sun
 * sun4c/sun4m PROM since OpenBoot 1.x; newer PROMs append to it and say
 * which parts are valid in `romvers' (0: v0 device ops only; 2 and 3: the
 * v2 device ops and boot arguments too).  Sources for the layout and the
 * meaning of each slot: Linux arch/sparc/include/asm/openprom.h (struct
 * linux_romvec, linux_dev_v2_funcs, linux_bootargs_v2,
 * linux_arguments_v0), arch/sparc/prom/console_32.c and bootstr_32.c (how
 * a client writes to the console and finds its boot path), and OpenBIOS
 * arch/sparc32/romvec.c (init_openprom fills the table: romvers 3, plugin
 * revision 2, and every slot used here).  Slots nobody here fills or
 * calls are padding so that the offsets stay exact, and the
 * _Static_asserts below pin each one.
 *
 * Every function slot follows the SPARC C calling convention (arguments
 * in %o0-%o5, result in %o0).  OpenBIOS reaches its C code through small
 * stubs (arch/sparc32/call-romvec.S) that save and restore %g1-%g7, so a
 * caller may keep its globals; it still needs a valid stack and register
 * windows, which the PROM's trap table handles.
 */
#ifndef FIRMWARE_BOOT_ROMVEC_H
#define FIRMWARE_BOOT_ROMVEC_H

#include <stddef.h>

/* pv_magic_cookie of every OpenBoot romvec */
#define ROMVEC_MAGIC 0x10010407u

/* *pv_stdin / *pv_stdout (Linux openprom.h PROMDEV_*) */
enum { PROMDEV_KBD = 0, PROMDEV_SCREEN = 0, PROMDEV_TTYA = 1,
       PROMDEV_TTYB = 2 };

/* v0 memory lists (linux_mlist_v0) */
struct rv_mlist_v0 {
    struct rv_mlist_v0 *next;
    unsigned int start, size;
};

/* pv_nodeops (Linux struct linux_nodeops): node 0 asks nextnode for the
 * root; nextprop("") gives the first property name, "" or NULL the end */
struct rv_nodeops {
    int (*nextnode)(int node);
    int (*child)(int node);
    int (*proplen)(int node, const char *name);         /* -1: missing */
    int (*getprop)(int node, const char *name, void *val);  /* length */
    int (*setprop)(int node, const char *name, const void *val, int len);
    const char *(*nextprop)(int node, const char *name);
};

/* v0 boot arguments (what the PROM parsed from `boot dev(c,t,d)file args'):
 * argv[0] is the device in the old sd(ctlr,target,lun):part form. */
struct rv_args_v0 {
    const char *argv[8];
    char args[100];
    char boot_dev[2];
    int boot_dev_ctrl;
    int boot_dev_unit;
    int dev_partition;
    const char *kernel_file_name;
    void *reserved;
};

/* v2 boot arguments: pointers to where the PROM keeps each value, not the
 * values themselves (the PROM may change them between boots). */
struct rv_bootargs_v2 {
    const char *const *bootpath;        /* full device path booted from */
    const char *const *bootargs;        /* the rest of the boot command */
    const int *fd_stdin;                /* ihandle of the console input */
    const int *fd_stdout;               /* ihandle of the console output */
};

/* v2 device operations: handles are Open Firmware ihandles. */
struct rv_devops_v2 {
    int (*inst2pkg)(int ihandle);
    void *mem_alloc, *mem_free, *mmap, *munmap;
    int (*open)(const char *path);              /* 0 on failure */
    void (*close)(int ihandle);
    int (*read)(int ihandle, void *buf, int nbytes);   /* bytes read */
    int (*write)(int ihandle, const void *buf, int nbytes);
    int (*seek)(int ihandle, int offset_hi, int offset_lo);
    void *chain, *release;
};

struct romvec {
    unsigned int magic;                 /* ROMVEC_MAGIC */
    unsigned int romvers;               /* 0, 2 or 3 */
    unsigned int plugin_revision;
    unsigned int printrev;              /* PROM revision, major << 16 | minor */
    struct rv_mlist_v0 **v0_totphys, **v0_prommap, **v0_available;
    const struct rv_nodeops *nodeops;   /* device tree walk */
    const char *const *bootstr;
    void *v0devops[9];                  /* v0 open/close/rdblkdev/... */
    const char *stdin_v0, *stdout_v0;
    int (*getchar)(void);
    void (*putchar)(int c);
    int (*nbgetchar)(void);
    int (*nbputchar)(int c);            /* -1 if it could not send now */
    void (*putstr)(const char *s, int len);
    void (*reboot)(const char *bootstr);
    void (*printf)(const char *fmt, ...);
    void (*abort)(void);
    volatile unsigned int *ticks;
    void (*halt)(void);                 /* stop: power off on OpenBIOS */
    void (**synchook)(void);
    void (*fortheval)(const char *cmd); /* the v2 form (v0: len, cmd) */
    const struct rv_args_v0 *const *v0bootargs;
    int (*enaddr)(int d, char *enaddr);
    struct rv_bootargs_v2 v2bootargs;   /* romvers >= 2 */
    struct rv_devops_v2 v2devops;       /* romvers >= 2 */
    int filler[15];
    void *setctxt;                      /* romvers 3: the v3 cpu ops */
    void *cpustart, *cpustop, *cpuidle, *cpuresume;
};

/* the offsets OpenBoot defines (Linux openprom.h, counted in words) */
_Static_assert(offsetof(struct romvec, nodeops) == 28, "nodeops");
_Static_assert(offsetof(struct romvec, stdin_v0) == 72, "pv_stdin");
_Static_assert(offsetof(struct romvec, getchar) == 80, "pv_getchar");
_Static_assert(offsetof(struct romvec, nbputchar) == 92, "pv_nbputchar");
_Static_assert(offsetof(struct romvec, reboot) == 100, "pv_reboot");
_Static_assert(offsetof(struct romvec, ticks) == 112, "pv_ticks");
_Static_assert(offsetof(struct romvec, halt) == 116, "pv_halt");
_Static_assert(offsetof(struct romvec, v0bootargs) == 128, "pv_v0bootargs");
_Static_assert(offsetof(struct romvec, fortheval) == 124, "pv_fortheval");
_Static_assert(offsetof(struct romvec, v2bootargs) == 136, "pv_v2bootargs");
_Static_assert(offsetof(struct romvec, v2bootargs.fd_stdout) == 148,
               "pv_v2bootargs.fd_stdout");
_Static_assert(offsetof(struct romvec, v2devops) == 152, "pv_v2devops");
_Static_assert(offsetof(struct romvec, v2devops.open) == 172, "v2_dev_open");
_Static_assert(offsetof(struct romvec, v2devops.seek) == 188, "v2_dev_seek");
_Static_assert(offsetof(struct romvec, setctxt) == 260, "pv_setctxt");
_Static_assert(offsetof(struct romvec, cpustart) == 264, "v3_cpustart");
_Static_assert(offsetof(struct rv_args_v0, boot_dev_ctrl) == 136, "v0 args");

#endif
