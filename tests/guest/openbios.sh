#!/bin/bash
# OpenBIOS (Debian's openbios-sparc32, the default PROM) boots to its Forth
# prompt on ttya and evaluates a line typed through --send, reboots on
# reset-all, keeps its NVRAM in a --nvram file, and prints what QEMU prints.
# usage: tests/guest/openbios.sh SIM
set -u
sim=${1:-build/sun4m}
bios=/usr/share/qemu/openbios-sparc32
if [ ! -f "$bios" ]; then
    echo "openbios: SKIP: $bios missing (make deps installs qemu-system-data)"
    echo "0 passed, 0 failed, 1 skipped"
    exit 0
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
echo "openbios: $(sha256sum "$bios" | cut -c1-16)... $bios"
# 0x1234 decimal is 4660; the answer must come from the PROM's Forth
"$sim" -M SS-5 -m 64 -nographic -rtc base=2024-01-02T03:04:05 \
    --timeout 120 --log "$log" -serial null \
    --expect "Welcome to OpenBIOS" \
    --expect "0 > " \
    --send 'decimal 1234 hex 10 + . cr\n' \
    --expect "4e2" \
    --expect "0 > " \
    --send 'reset-all\n' \
    --expect "Welcome to OpenBIOS" \
    --expect "0 > "
rc=$?
if [ $rc -ne 0 ]; then
    echo "openbios: FAIL (exit status $rc); console:"
    sed 's/^/    /' "$log" | tail -40
    echo "0 passed, 1 failed"
    exit 1
fi
echo "openbios: PASS prompt reached, a Forth line answered, reset-all rebooted"

# --nvram: a byte the PROM stores into the M48T08 (through the VA of
# /obio/eeprom) is in the file after power-off and there in the next run.
nv=$(mktemp -u)
find_nv=(--expect "0 > " --send '" /obio/eeprom" find-package drop\n'
         --expect ok --send '" address" rot get-package-property drop\n'
         --expect ok --send 'decode-int nip nip constant nv\n' --expect ok)
"$sim" -M SS-5 -m 64 -nographic -serial null --nvram "$nv" --timeout 60 \
    "${find_nv[@]}" --send 'hex 5a nv 123 + c!\n' --expect ok \
    --send 'power-off\n' </dev/null
rc1=$?
byte=$(od -A n -t x1 -j 0x123 -N 1 "$nv" 2>/dev/null | tr -d ' ')
"$sim" -M SS-5 -m 64 -nographic -serial null --nvram "$nv" --timeout 60 \
    --log "$log" "${find_nv[@]}" --send 'hex nv 123 + c@ . cr\n' \
    --expect "5a" </dev/null
rc2=$?
rm -f "$nv"
if [ $rc1 -eq 0 ] && [ "$byte" = 5a ] && [ $rc2 -eq 0 ]; then
    echo "openbios: PASS --nvram keeps the NVRAM across power-off and boot"
else
    echo "openbios: FAIL --nvram: runs $rc1/$rc2, byte in the file '$byte'"
    echo "1 passed, 1 failed"
    exit 1
fi

# Nothing advertised is missing: every node of the PROM's device tree that
# has a physical address is a device of the board table (--board), and the
# board test (tests/unit/test_board.c) checks each of those decodes.
board=$(mktemp)
"$sim" -M SS-5 --board >"$board"
"$sim" -M SS-5 -m 64 -nographic -serial null --log "$log" --timeout 60 \
    --expect "0 > " --send 'show-devs\n' --expect " ok" </dev/null
rc=$?
if [ $rc -eq 0 ] && python3 "$(dirname "$0")/devtree.py" "$board" "$log" \
        >"$board.out"; then
    echo "openbios: PASS device tree: $(tail -1 "$board.out" | \
        sed 's/^devtree: //')"
    rm -f "$board" "$board.out"
else
    echo "openbios: FAIL device tree (run status $rc):"
    sed 's/^/    /' "$board.out" 2>/dev/null | grep -v ': ok ' || true
    rm -f "$board" "$board.out"
    echo "2 passed, 1 failed"
    exit 1
fi

# Differential: up to the prompt, the console is byte for byte QEMU's.
if ! command -v qemu-system-sparc >/dev/null 2>&1; then
    echo "openbios: SKIP differential: qemu-system-sparc missing"
    echo "3 passed, 0 failed, 1 skipped"
    exit 0
fi
ours=$(mktemp)
theirs=$(mktemp)
trap 'rm -f "$log" "$ours" "$theirs"' EXIT
"$sim" -M SS-5 -m 64 -nographic -serial null --log "$ours" --expect "0 > " \
    --timeout 120 </dev/null
python3 "$(dirname "$0")/../../tools/bench-boot.py" --timeout 120 \
    --log "$theirs" "0 > " -- qemu-system-sparc -M SS-5 -m 64 -nographic \
    >/dev/null
if cmp -s "$ours" "$theirs" && [ -s "$ours" ]; then
    echo "openbios: PASS console up to the prompt identical to QEMU's" \
         "($(wc -c <"$ours") bytes)"
    echo "4 passed, 0 failed"
else
    echo "openbios: FAIL console differs from QEMU's (- qemu, + sun4m):"
    diff -u "$theirs" "$ours" | sed -n '3,40p'
    echo "3 passed, 1 failed"
    exit 1
fi
