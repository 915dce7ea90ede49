# Shared by the guest tests: source it after setting `suite` (the prefix of
# each result line).  ok/bad count and print one result; finish prints the
# closing count ("N passed, N failed[, N skipped]": a skip is never a pass)
# and exits 0 only if nothing failed.
#
# SUN4M_BIOS=FILE|builtin runs a suite's -kernel boots under that PROM
# (the Makefile runs linux, disk and net once more with -bios builtin):
# add "${prom[@]}" to those command lines; results are named suite[PROM].
prom=()
if [ -n "${SUN4M_BIOS:-}" ]; then
    prom=(-bios "$SUN4M_BIOS")
    suite="$suite[$SUN4M_BIOS]"
fi
pass=0
fail=0
skip=0
ok() { echo "$suite: PASS $*"; pass=$((pass + 1)); }
bad() { echo "$suite: FAIL $*"; fail=$((fail + 1)); }
skipped() { echo "$suite: SKIP $*"; skip=$((skip + 1)); }
finish() {
    if [ "$skip" -gt 0 ]; then
        echo "$pass passed, $fail failed, $skip skipped"
    else
        echo "$pass passed, $fail failed"
    fi
    [ "$fail" -eq 0 ]
    exit
}
