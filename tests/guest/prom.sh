#!/bin/bash
# Our own boot PROM (-bios builtin, firmware/prom/):
#  - Linux's /proc/device-tree under it equals the one OpenBIOS builds on
#    the same machine, but for the differences listed below, each with
#    its reason;
#  - --dump-devtree (the tree the simulator hands the PROM) is exactly
#    what Linux reads through the PROM's node operations;
#  - the error paths: no -kernel, a kernel whose end reaches past what the
#    PROM can map, an initrd that is no archive, an archive that is
#    corrupt; each gives one clear line and a defined end of the run;
#  - Linux's halt and reboot through the PROM; the NVRAM's ttya-mode sets
#    the console's speed.
# The busybox boot tests (linux, disk, net) run under this PROM too: the
# Makefile runs them with SUN4M_BIOS=builtin.
# usage: tests/guest/prom.sh SIM
set -u
sim=${1:-build/sun4m}
root=$(cd "$(dirname "$0")/../.." && pwd)
suite=prom
# shellcheck source=tests/guest/lib.sh
. "$(dirname "$0")/lib.sh"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ ! -r "$(dirname "$sim")/sun4m-prom.elf" ]; then
    bad "$(dirname "$sim")/sun4m-prom.elf is missing (make builds it)"
    finish
fi

# -- no -kernel: one line on the console, the run ends with status 4 ------
"$sim" -m 32 -nographic -bios builtin --timeout 30 --log "$tmp/nok" \
    </dev/null >/dev/null 2>"$tmp/nok.err"
rc=$?
line=$(tr -d '\r' <"$tmp/nok" | grep -c 'boots only -kernel images')
if [ $rc -eq 4 ] && [ "$line" -eq 1 ] &&
   grep -q 'the guest stopped the machine' "$tmp/nok.err"; then
    ok "no -kernel: '$(tr -d '\r' <"$tmp/nok" | grep 'boots only')', status 4"
else
    bad "no -kernel: status $rc, console: $(tr -d '\r' <"$tmp/nok" | tail -3 | tr '\n' '|') stderr: $(head -2 "$tmp/nok.err")"
fi

# -- a kernel whose image ends beyond the PROM's reach ---------------------
# A raw image (placed at 0x4000) with Linux's "HdrS" header at 0x6000
# (head_32.S) whose end-of-kernel word says 0xf1400000: 20 MB, past the
# 16 MB that Linux's own first mapping (the PROM's L1 entry 0) covers.
python3 - "$tmp/big.img" <<'PYEOF'
import struct, sys
img = bytearray(0x3000)
img[0:4] = struct.pack(">I", 0x01000000)        # nop at the entry
hdr = 0x2000                                    # PA 0x6000
img[hdr:hdr + 4] = b"HdrS"
struct.pack_into(">IHHHH", img, hdr + 4, 0x060100, 0x0203, 0, 0, 0)
struct.pack_into(">I", img, hdr + 40, 0xf1400000)
open(sys.argv[1], "wb").write(img)
PYEOF
"$sim" -m 64 -nographic -bios builtin -kernel "$tmp/big.img" --timeout 30 \
    --log "$tmp/big" </dev/null >/dev/null 2>"$tmp/big.err"
rc=$?
if [ $rc -eq 4 ] && tr -d '\r' <"$tmp/big" | grep -q 'prom: .*16 MB'; then
    ok "a kernel ending at 20 MB: '$(tr -d '\r' <"$tmp/big" | grep 'prom: ' | head -1)', status 4"
else
    bad "a kernel ending at 20 MB: status $rc, console: $(tr -d '\r' <"$tmp/big" | tail -3 | tr '\n' '|')"
fi
# a kernel that traps before it has a trap table of its own (here at its
# first instruction, "ta 0x20"): the PROM's table names the trap and halts
python3 -c 'import sys; sys.stdout.buffer.write(bytes.fromhex("91d02020") + bytes(0x2ffc))' \
    >"$tmp/trap.img"
"$sim" -m 32 -nographic -bios builtin -kernel "$tmp/trap.img" --timeout 30 \
    --log "$tmp/trap" </dev/null >/dev/null 2>"$tmp/trap.err"
rc=$?
if [ $rc -eq 4 ] &&
   tr -d '\r' <"$tmp/trap" | grep -qx 'prom: unexpected trap 0xa0 at pc 0x00004000'; then
    ok "a kernel trapping at once on the PROM's table: 'prom: unexpected trap 0xa0 at pc 0x00004000', status 4"
else
    bad "a kernel trapping at once: status $rc, console: $(tr -d '\r' <"$tmp/trap" | tail -3 | tr '\n' '|')"
fi
# and one larger than the RAM it is loaded into: the loader says so
head -c $((40 << 20)) /dev/zero >"$tmp/huge.img"
"$sim" -m 32 -nographic -bios builtin -kernel "$tmp/huge.img" --timeout 30 \
    </dev/null >/dev/null 2>"$tmp/huge.err"
rc=$?
if [ $rc -eq 2 ] && [ "$(wc -l <"$tmp/huge.err")" -eq 1 ]; then
    ok "a 40 MB kernel in 32 MB of RAM: '$(cat "$tmp/huge.err")', status 2"
else
    bad "a 40 MB kernel in 32 MB of RAM: status $rc: $(head -3 "$tmp/huge.err")"
fi

if ! guest=$("$root/tools/mkguest"); then
    bad "tools/mkguest could not build the guest"
    finish
fi
eval "$guest"
mode=$(sed -n 's/^init: //p' "$(dirname "$KERNEL")/manifest")

common=(-M SS-5 -m 128 -nographic -serial null -kernel "$KERNEL"
        -rtc base=2024-01-02T03:04:05 --timeout 300)

# initrd_boot NAME: boot under our PROM with $tmp/NAME.img as the initrd,
# no root to mount, so Linux panics and -no-reboot ends the run; sets rc
# and log (the console)
initrd_boot() {
    "$sim" "${common[@]}" -bios builtin -no-reboot -initrd "$tmp/$1.img" \
        -append "console=ttyS0 panic=1" --log "$tmp/$1" </dev/null \
        >/dev/null 2>"$tmp/$1.err"
    rc=$?
    log=$(tr -d '\r' <"$tmp/$1")
}

# -- an initrd that is no archive: the PROM drops it, Linux finds no root --
head -c 65536 /dev/urandom | tr '\000\037\060\102\135\211\002\050\375' 'x' \
    >"$tmp/junk.img"
initrd_boot junk
if [ $rc -eq 0 ] && grep -q 'prom: the initrd (65536 bytes) is not' <<<"$log" &&
   grep -q 'Kernel panic' <<<"$log"; then
    ok "an initrd of random bytes: '$(grep 'prom: the initrd' <<<"$log")'; Linux finds no root and panics, -no-reboot ends the run"
else
    bad "an initrd of random bytes: status $rc: $(grep -E 'prom:|panic' <<<"$log" | head -3 | tr '\n' '|') $(head -2 "$tmp/junk.err")"
fi

# -- a corrupt archive: the right magic, then garbage ----------------------
{ head -c 4096 "$INITRD"; head -c 8192 /dev/zero; } >"$tmp/trunc.img"
initrd_boot trunc
if [ $rc -eq 0 ] && grep -q 'Initramfs unpacking failed' <<<"$log" &&
   ! grep -q 'prom: the initrd' <<<"$log"; then
    ok "a truncated initrd: the PROM passes it on, Linux says '$(grep -o 'Initramfs unpacking failed.*' <<<"$log" | head -1)'"
else
    bad "a truncated initrd: status $rc: $(grep -E 'prom:|Initramfs|panic' <<<"$log" | head -3 | tr '\n' '|') $(head -2 "$tmp/trunc.err")"
fi

if [ "$mode" != busybox ]; then
    skipped "device tree, halt, reboot, NVRAM: the guest has no shell (busybox missing: $mode init)"
    finish
fi

# -- the device tree as Linux sees it, under both PROMs --------------------
# Every node ("N path") and property ("P path hex"), sorted; ".node" is
# Linux's copy of the phandle, which each PROM chooses freely.
dump=$(cat <<'XEOF'
dmesg -n 1; cd /proc/device-tree; find . | sort | while read f; do if [ -d "$f" ]; then echo "N $f"; else echo "P $f $(od -An -tx1 -v "$f" | tr -d ' \\n')"; fi; done; echo DT-E''ND
XEOF
)
dt_boot() {                     # dt_boot NAME ARGS...
    local name=$1
    shift
    "$sim" "${common[@]}" -initrd "$INITRD" -append "console=ttyS0" "$@" \
        --log "$tmp/$name.log" --expect 'sun4m:/# ' --send "$dump\n" \
        --expect DT-END </dev/null >/dev/null 2>"$tmp/$name.err" || return 1
    tr -d '\r' <"$tmp/$name.log" | grep '^[NP] \.' | grep -v '/\.node ' \
        >"$tmp/$name.dt"
    [ -s "$tmp/$name.dt" ]
}
if ! dt_boot ob; then
    bad "device tree: the OpenBIOS boot failed: $(head -2 "$tmp/ob.err")"
    finish
fi
if ! dt_boot own -bios builtin; then
    bad "device tree: the -bios builtin boot failed: $(head -2 "$tmp/own.err")"
    tail -5 "$tmp/own.log" | sed 's/^/    | /'
    finish
fi
# The differences that are meant (path pattern, then the reason):
allowed=(
    '^. \./packages([/ ]|$)'  "OpenBIOS's Forth packages (disk-label, deblocker, ...); ours has no Forth"
    '^. \./builtin([/ ]|$)'   "OpenBIOS's own console package"
    '^P \./openprom/'     "which PROM this is: its model, device_type and Forth features"
    '^. \./openprom/client-services' "OpenBIOS's client interface node"
    '^P \./chosen/(stdin|stdout|memory|mmu) ' "ihandles: each PROM's own instance handles"
    '^P \./memory@0,0/available ' "the RAM each PROM keeps: OpenBIOS the top 16 MB + 128 KB, ours 512 KB"
    '^P \./virtual-memory@0,0/(available|translations) ' "each PROM's own mappings"
)
diff "$tmp/ob.dt" "$tmp/own.dt" | grep '^[<>]' | cut -c3- >"$tmp/diff"
: >"$tmp/unexplained"
n_diff=$(wc -l <"$tmp/diff")
used=()
while read -r line; do
    explained=0
    for ((i = 0; i < ${#allowed[@]}; i += 2)); do
        if grep -qE "${allowed[i]}" <<<"$line"; then
            explained=1
            used[i]=1
            break
        fi
    done
    [ $explained = 1 ] || echo "$line" >>"$tmp/unexplained"
done <"$tmp/diff"
# a listed difference that no longer differs must leave the list
for ((i = 0; i < ${#allowed[@]}; i += 2)); do
    if [ -z "${used[i]:-}" ]; then
        bad "device tree: the listed difference '${allowed[i]}' (${allowed[i + 1]}) no longer differs: take it off the list"
    fi
done
if [ ! -s "$tmp/unexplained" ]; then
    ok "device tree: $(wc -l <"$tmp/own.dt") nodes and properties under -bios builtin, $(wc -l <"$tmp/ob.dt") under OpenBIOS; the $n_diff lines that differ are all listed differences"
else
    bad "device tree: $(wc -l <"$tmp/unexplained") unexplained differences (< OpenBIOS, > ours):"
    diff "$tmp/ob.dt" "$tmp/own.dt" | grep '^[<>]' | while read -r l; do
        grep -qxF "${l:2}" "$tmp/unexplained" && echo "    $l"
    done | cut -c1-200 | head -20
fi
# what the simulator hands the PROM is what Linux reads through it, but
# for what only the PROM knows: its instance handles
"$sim" "${common[@]}" -initrd "$INITRD" -append "console=ttyS0" \
    -bios builtin --dump-devtree >"$tmp/dump.dt" 2>"$tmp/dump.err"
grep -vE '^P \./chosen/(stdin|stdout) ' "$tmp/own.dt" >"$tmp/own-nochosen.dt"
grep -vE '^P \./chosen/(stdin|stdout) ' "$tmp/dump.dt" >"$tmp/dump-nochosen.dt"
if [ -s "$tmp/dump.dt" ] && cmp -s "$tmp/dump-nochosen.dt" "$tmp/own-nochosen.dt"; then
    ok "--dump-devtree ($(wc -l <"$tmp/dump.dt") lines) is what Linux read through the PROM's node operations"
else
    bad "--dump-devtree and Linux's view differ:"
    diff "$tmp/dump-nochosen.dt" "$tmp/own-nochosen.dt" | head -10 | cut -c1-160
fi

# -- Linux's halt: the PROM stops the machine ------------------------------
"$sim" "${common[@]}" -bios builtin -initrd "$INITRD" -append console=ttyS0 \
    --log "$tmp/halt" --expect 'sun4m:/# ' --send 'halt -f\n' \
    </dev/null >/dev/null 2>"$tmp/halt.err"
rc=$?
if [ $rc -eq 4 ] && tr -d '\r' <"$tmp/halt" | grep -q 'Program terminated'; then
    ok "halt -f: 'Program terminated', the run ends with status 4"
else
    bad "halt -f: status $rc, console: $(tr -d '\r' <"$tmp/halt" | tail -2 | tr '\n' '|')"
fi

# -- Linux's reboot: a system reset, the PROM boots the kernel again -------
"$sim" "${common[@]}" -bios builtin -initrd "$INITRD" -append console=ttyS0 \
    --log "$tmp/reboot" --expect 'sun4m:/# ' --send 'reboot -f\n' \
    --expect 'Linux version' --expect 'sun4m:/# ' --send 'poweroff -f\n' \
    </dev/null >/dev/null 2>"$tmp/reboot.err"
rc=$?
boots=$(tr -d '\r' <"$tmp/reboot" | grep -c '^Linux version')
if [ $rc -eq 0 ] && [ "$boots" -eq 2 ]; then
    ok "reboot -f: the machine resets, the PROM boots the same kernel and initrd again to the shell"
else
    bad "reboot -f: status $rc, $boots boots: $(head -2 "$tmp/reboot.err")"
    tail -4 "$tmp/reboot" | sed 's/^/    | /'
fi

# -- the NVRAM's ttya-mode sets the console speed, under both PROMs, and
#    a --nvram file keeps it for the next run ----------------------------
speed='stty -F /dev/ttyS0 speed; cat /proc/device-tree/options/ttya-mode; echo\n'
for b in builtin default; do
    bios=()
    [ $b = builtin ] && bios=(-bios builtin)
    "$sim" "${common[@]}" "${bios[@]}" -initrd "$INITRD" -append console=ttyS0 \
        -prom-env 'ttya-mode=19200,8,n,1,-' --nvram "$tmp/nv-$b" \
        --log "$tmp/speed-$b" --expect 'sun4m:/# ' --send "$speed" \
        --expect '# ' --send 'poweroff -f\n' </dev/null >/dev/null 2>&1
    "$sim" "${common[@]}" "${bios[@]}" -initrd "$INITRD" -append console=ttyS0 \
        --nvram "$tmp/nv-$b" --log "$tmp/speed2-$b" --expect 'sun4m:/# ' \
        --send "$speed" --expect '# ' </dev/null >/dev/null 2>&1
    # (the property's value ends in its NUL, which cat passes on)
    got1=$(tr -d '\r\0' <"$tmp/speed-$b" | grep -a -A2 '^sun4m:/# stty' | tail -2 | tr '\n' ' ')
    got2=$(tr -d '\r\0' <"$tmp/speed2-$b" | grep -a -A2 '^sun4m:/# stty' | tail -2 | tr '\n' ' ')
    if [ "$got1" = "19200 19200,8,n,1,- " ] && [ "$got2" = "$got1" ]; then
        ok "-prom-env ttya-mode=19200 ($b PROM): the console runs at 19200 baud, /options says so, and the --nvram file keeps it for the next boot"
    else
        bad "-prom-env ttya-mode=19200 ($b PROM): first boot '$got1', from the NVRAM file '$got2'"
    fi
done

finish
