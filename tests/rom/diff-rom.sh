#!/bin/sh
# diff-rom.sh - run ROM tests on our simulator and on QEMU and compare.
#
# usage: tests/rom/diff-rom.sh [--qemu-only] ROM.bin...
#
# For every ROM: run it (tests/rom/run-rom.sh, 20 s timeout) on $SUN4M
# (default build/sun4m) and on $QEMU (default qemu-system-sparc).  A ROM
# fails if either run times out, prints a line starting with "FAIL",
# prints no "PASS" line or no final "DONE" line, or if the two outputs
# differ.  Outputs are compared after removing CR characters only: QEMU
# prints nothing but the guest's console on stdout with -nographic and
# stdin from /dev/null (its monitor shares stdio but stays silent), and the
# ROMs print nothing that depends on timing.
#
# --qemu-only checks the QEMU output alone (to validate the tests).
# Exit status: 0 if every ROM passed, 1 if any failed, 2 on usage errors
# or if the simulator is missing.
set -u
here=$(dirname "$0")
sun4m=${SUN4M:-build/sun4m}
qemu=${QEMU:-qemu-system-sparc}
qemu_only=0
if [ "${1:-}" = "--qemu-only" ]; then
    qemu_only=1
    shift
fi
if [ $# -lt 1 ]; then
    echo "usage: $0 [--qemu-only] ROM.bin..." >&2
    exit 2
fi
if [ $qemu_only -eq 0 ] && [ ! -x "$sun4m" ]; then
    echo "$0: simulator $sun4m does not exist (build it first, or set" \
         "SUN4M=path; --qemu-only checks the ROMs on QEMU alone)" >&2
    exit 2
fi
if ! command -v "$qemu" >/dev/null 2>&1; then
    echo "$0: $qemu not found" >&2
    exit 2
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# verdict NAME FILE RC: check one output; prints problems, returns 1 if bad
verdict() {
    bad=0
    if [ "$3" -ne 0 ]; then
        echo "  $1: exit status $3$( [ "$3" -eq 124 ] && echo ' (timeout)')"
        bad=1
    fi
    if grep -q '^FAIL' "$2"; then
        grep '^FAIL' "$2" | sed "s/^/  $1: /"
        bad=1
    fi
    if ! grep -q '^PASS ' "$2"; then
        echo "  $1: no PASS line"
        bad=1
    fi
    if ! grep -q '^DONE ' "$2"; then
        echo "  $1: no DONE line (did not finish)"
        bad=1
    fi
    return $bad
}

status=0
roms_ok=0
roms_bad=0
checks=0
for rom in "$@"; do
    name=$(basename "$rom" .bin)
    ok=1
    "$here/run-rom.sh" "$rom" "$qemu" >"$tmp/qemu.out" 2>"$tmp/qemu.err"
    qrc=$?
    msgs=$(verdict qemu "$tmp/qemu.out" $qrc) || ok=0
    if [ $qemu_only -eq 0 ]; then
        "$here/run-rom.sh" "$rom" "$sun4m" >"$tmp/sun4m.out" \
            2>"$tmp/sun4m.err"
        src=$?
        m2=$(verdict sun4m "$tmp/sun4m.out" $src) || ok=0
        msgs="${msgs:+$msgs
}$m2"
        if ! cmp -s "$tmp/qemu.out" "$tmp/sun4m.out"; then
            ok=0
            msgs="${msgs:+$msgs
}  outputs differ (- qemu, + sun4m):
$(diff -u "$tmp/qemu.out" "$tmp/sun4m.out" | sed -n '3,60p')"
        fi
    fi
    npass=$(grep -c '^PASS ' "$tmp/qemu.out")
    if [ $ok -eq 1 ]; then
        echo "ok   $name ($npass PASS)"
        roms_ok=$((roms_ok + 1))
        checks=$((checks + npass))
    else
        echo "FAIL $name"
        [ -n "$msgs" ] && printf '%s\n' "$msgs"
        status=1
        roms_bad=$((roms_bad + 1))
    fi
done
echo "rom: $checks checks in the ROMs that matched"
echo "rom: $roms_ok passed, $roms_bad failed"
exit $status
