/*
 * --profile-guest, the machine loop's side (hw/board/profile.c): the rest
 * of the interface is in sun4m.h.
 */
#ifndef HW_BOARD_PROFILE_H
#define HW_BOARD_PROFILE_H

#include "hw/board/sun4m.h"

/* Charge the cycles since the last call (after each CPU slice). */
void machine_profile_sample(Machine *m);
/* Free the table (machine_free). */
void machine_profile_free(Machine *m);

#endif
