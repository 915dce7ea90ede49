/*
 * Shared runner for the CUnit test programs tests/unit/test_*.c.
 *
 * A program lists its tests in a table and hands it to UNIT_RUN from
 * main():
 *
 *     static const UnitTest tests[] = {
 *         { "reset state", test_reset_state },
 *         ...
 *     };
 *
 *     int main(void)
 *     {
 *         return UNIT_RUN("srmmu", NULL, NULL, tests);
 *     }
 *
 * The tests form one suite, run by CUnit's basic runner in verbose mode.
 * Exit status: 0 all passed, 1 a failure (an assertion, or the suite's
 * init or cleanup function), 2 CUnit could not set up the registry.
 */
#ifndef UNIT_H
#define UNIT_H

#include <stddef.h>

#include <CUnit/Basic.h>
#include <CUnit/CUnit.h>

#include "hw/core/devctx.h"

typedef struct UnitTest {
    const char *name;
    CU_TestFunc fn;
} UnitTest;

/*
 * Register the n tests as suite "suite" with the optional (NULL) init and
 * clean functions, run them and return the exit status described above.
 */
static inline int unit_run(const char *suite, CU_InitializeFunc init,
                           CU_CleanupFunc clean, const UnitTest *tests,
                           size_t n)
{
    CU_pSuite s;
    CU_ErrorCode run;
    unsigned failed;
    size_t i;

    if (CU_initialize_registry() != CUE_SUCCESS) {
        return 2;
    }
    s = CU_add_suite(suite, init, clean);
    if (s == NULL) {
        CU_cleanup_registry();
        return 2;
    }
    for (i = 0; i < n; i++) {
        if (CU_add_test(s, tests[i].name, tests[i].fn) == NULL) {
            CU_cleanup_registry();
            return 2;
        }
    }
    CU_basic_set_mode(CU_BRM_VERBOSE);
    run = CU_basic_run_tests();
    /* failure records: failed assertions and failed suite init/cleanup */
    failed = CU_get_number_of_failure_records();
    CU_cleanup_registry();
    return run != CUE_SUCCESS || failed != 0;
}

/* tests must be the array itself, not a pointer to it */
#define UNIT_RUN(suite, init, clean, tests)                                \
    unit_run((suite), (init), (clean), (tests),                           \
             sizeof(tests) / sizeof((tests)[0]))

/*
 * The context a chip is created with, for a test that builds it alone:
 * bus may be NULL (the test then calls the chip's MmioOps directly), log
 * may be NULL (nothing is logged or counted).  Wait states are 2, as on the board.
 */
static inline DevCtx unit_ctx(Bus *bus, EventQueue *q, uint64_t hz, Log *log,
                              const char *name, LogCat cat, GPAddr base,
                              uint64_t size)
{
    DevCtx c = {
        .bus = bus, .events = q, .hz = hz, .log = log, .name = name,
        .cat = cat, .base = base, .size = size, .wait = 2,
    };
    return c;
}

#endif /* UNIT_H */
