/* --profile-guest (hw/board/profile.c) */
#ifndef HW_BOARD_PROFILE_H
#define HW_BOARD_PROFILE_H

#include <stdio.h>

#include "hw/board/sun4m.h"

/*
 * --profile-guest: after each CPU slice (at most 1 ms of virtual time, and
 * every event: the console poll alone ends one each 100 us) the PC is
 * charged with the cycles run since the last sample; halted time and
 * skipped polling and delay loops (cpu.poll_skipped, delay_skipped)
 * are counted apart.  A sampling profile in virtual time, so the same run
 * gives the same profile; it changes nothing the guest sees.
 */
int machine_profile_start(Machine *m);
/* "cycles pc" lines, busiest first, then "idle", "polled" and "total"; -1 on a
 * write error */
int machine_profile_write(Machine *m, FILE *out);

/* Charge the cycles since the last call (after each CPU slice). */
void machine_profile_sample(Machine *m);
/* Free the table (machine_free). */
void machine_profile_free(Machine *m);

#endif
