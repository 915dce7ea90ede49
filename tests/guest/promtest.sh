#!/bin/bash
# The romvec a PROM hands a -kernel image, under OpenBIOS and under our own
# PROM (-bios builtin), with the same client (firmware/promtest: a
# "kernel" that calls every romvec service Linux 6.1 uses on a sun4m and
# prints one "promtest: " line per result):
#  - under each PROM, every line whose value is fixed must be there with
#    that value (the table `want' below: root compatible "sun4m", the
#    command line, inst2pkg of the console = the zs node, ...);
#  - the lines not marked "[prom]" must be the same under both PROMs,
#  - the run ends as each PROM ends it: OpenBIOS's pv_halt prints "halt,
#    power off" and powers the machine off (status 0; it does not drop to
#    the Forth prompt), ours halts the CPU with traps off (status 4,
#    "the guest stopped the machine");
#  - -append 'promtest reboot' -no-reboot: pv_reboot resets the machine
#    (status 0 at the reset); -append 'promtest abort': pv_abort.
# The client is built by make (build/promtest/client.elf, a dependency of
# check-guest, as is sun4m-prom.elf beside SIM); this script builds
# nothing, and a missing PROM is a failure.
# usage: tests/guest/promtest.sh SIM
set -u
sim=${1:-build/sun4m}
root=$(cd "$(dirname "$0")/../.." && pwd)
suite=promtest
# shellcheck source=tests/guest/lib.sh
. "$(dirname "$0")/lib.sh"
# this suite picks its PROMs itself: SUN4M_BIOS does not apply (lib.sh
# would have renamed the suite)
# shellcheck disable=SC2034 # read by lib.sh's ok/bad/skipped
suite=promtest
client=$root/build/promtest/client.elf
ours=$(dirname "$sim")/sun4m-prom.elf

if [ ! -f "$client" ]; then
    skipped "$client missing (make build/promtest/client.elf builds it)"
    finish
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Lines each PROM must print (extended regular expressions, whole lines),
# in this order.  The command line is 'promtest one two'; -m 64.
want=(
    'promtest: sun4m romvec test client'
    'promtest: magic 10010407 \(OpenBoot\) romvers [23] plugin [0-9]+'
    'promtest: \*pv_stdin 1 \(ttya\) \*pv_stdout 1 \(ttya\)'
    'promtest: \*fd_stdin non-zero \*fd_stdout non-zero'
    "promtest: bootargs 'promtest one two'"
    'promtest: root node found'
    "promtest: root compatible 'sun4m' getprop 6 proplen 6"
    'promtest: root proplen of a missing property -1'
    "promtest: root name 'SUNW,SPARCstation-5'"
    "promtest: root stdout-path '/obio/zs@0,100000:a'"
    'promtest: \[prom\] root properties by nextprop: [1-9][0-9]* \(ends with (""|NULL)\)'
    'promtest: \[prom\] tree: [1-9][0-9]+ nodes, [0-9]+ levels'
    'promtest: /obio found, console zs \(serial, no keyboard\) found, reg 00000000 00100000 00000008'
    # 64 MB from 0, in one bank or in OpenBIOS's two 32 MB banks
    'promtest: /memory reg 00000000 00000000 (04000000|02000000 00000000 02000000 02000000)'
    'promtest: \[prom\] /memory available 00000000 00000000 0[0-3][0-9a-f]{6}( .*)?'
    'promtest: /obio/counter address: 2 words \(1 per-CPU \+ system\)'
    'promtest: /iommu reg 00000000 10000000 00000300'
    "promtest: inst2pkg\(\*fd_stdout\) match device_type 'serial'"
    'promtest: setprop /options: getprop agrees with what setprop returned'
    'promtest: synchook written and read back'
    'promtest: pv_printf without arguments'
    'promtest: v2 read on \*fd_stdin, nothing typed: nothing \(0 or -2\)'
    'promtest: globals %g2-%g7 kept across PROM calls: yes'
    "promtest: 24 nested calls with a PROM call at each, window traps on the PROM's table: right"
    'promtest: pv_ticks with PIL 13: moving'
    'promtest: every v2 write returned the full length: yes'
    'promtest: calling pv_halt'
)

# run NAME ARGS...: one boot of the client; console in NAME.log, stderr in
# NAME.err, exit status in NAME.rc, "promtest: " lines in NAME.lines
run() {
    local name=$1
    shift
    "$sim" -m 64 -nographic -kernel "$client" "$@" --timeout 60 \
        --log "$tmp/$name.log" </dev/null >/dev/null 2>"$tmp/$name.err"
    echo $? >"$tmp/$name.rc"
    tr -d '\r' <"$tmp/$name.log" | grep -a '^promtest: ' >"$tmp/$name.lines"
}

# expect_lines NAME LABEL: every `want' line, in order
expect_lines() {
    local name=$1 label=$2 pat missing=() rest
    cp "$tmp/$name.lines" "$tmp/rest"
    for pat in "${want[@]}"; do
        # the first match of pat, then look for the next one after it
        rest=$(grep -n -x -E -m1 -- "$pat" "$tmp/rest" | cut -d: -f1)
        if [ -z "$rest" ]; then
            missing+=("$pat")
        else
            tail -n +"$((rest + 1))" "$tmp/rest" >"$tmp/rest2"
            mv "$tmp/rest2" "$tmp/rest"
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        ok "$label: all ${#want[@]} expected lines, in order" \
           "($(wc -l <"$tmp/$name.lines") lines)"
    else
        bad "$label: ${#missing[@]} of ${#want[@]} expected lines missing:"
        printf '    want: %s\n' "${missing[@]}"
        echo "    got:"
        sed 's/^/    /' "$tmp/$name.lines"
        tail -5 "$tmp/$name.err" | sed 's/^/    stderr: /'
    fi
}

# --- under OpenBIOS (the default -bios) ---------------------------------
run obios -append 'promtest one two'
expect_lines obios openbios
rc=$(cat "$tmp/obios.rc")
if [ "$rc" -eq 0 ] &&
        tr -d '\r' <"$tmp/obios.log" |
        sed -n '/^promtest: calling pv_halt/,$p' | grep -q 'halt, power off'; then
    ok "openbios: pv_halt says 'halt, power off' and powers off (status 0)"
else
    bad "openbios: pv_halt: status $rc (want 0, power-off); last lines:"
    tr -d '\r' <"$tmp/obios.log" | tail -4 | sed 's/^/    /'
    sed 's/^/    stderr: /' "$tmp/obios.err"
fi

# reboot_run NAME LABEL WORD CALL [ARGS...]: the client's CALL (WORD on
# its command line: pv_reboot(""), or pv_fortheval("reset") as Linux's
# machine_restart falls back to) resets the machine, which with
# -no-reboot ends the run with status 0 once (one banner only)
reboot_run() {
    local name=$1 label=$2 word=$3 call=$4
    shift 4
    run "$name" "$@" -append "promtest $word" -no-reboot
    local rc banners
    rc=$(cat "$tmp/$name.rc")
    banners=$(grep -c '^promtest: sun4m romvec test client' "$tmp/$name.lines")
    if [ "$rc" -eq 0 ] && [ "$banners" -eq 1 ] &&
            grep -q "^promtest: calling $call" "$tmp/$name.lines" &&
            ! grep -q "^promtest: $call returned" "$tmp/$name.lines"; then
        ok "$label: $call resets the machine (-no-reboot: status 0)"
    else
        bad "$label: $call: status $rc, $banners banner(s); last lines:"
        tr -d '\r' <"$tmp/$name.log" | tail -4 | sed 's/^/    /'
        sed 's/^/    stderr: /' "$tmp/$name.err"
    fi
}
reboot_run oreboot openbios reboot pv_reboot
reboot_run ofeval openbios feval pv_fortheval

# pv_abort on OpenBIOS: "abort, power off" (arch/sparc32/romvec.c), so
# "back from abort" never comes
run oabort -append 'promtest abort'
rc=$(cat "$tmp/oabort.rc")
if [ "$rc" -eq 0 ] && grep -q '^promtest: calling pv_abort' "$tmp/oabort.lines" &&
        ! grep -q '^promtest: back from abort' "$tmp/oabort.lines" &&
        tr -d '\r' <"$tmp/oabort.log" | grep -q 'abort, power off'; then
    ok "openbios: pv_abort says 'abort, power off' and powers off (status 0)"
else
    bad "openbios: pv_abort: status $rc; last lines:"
    tr -d '\r' <"$tmp/oabort.log" | tail -4 | sed 's/^/    /'
fi

# --- under our PROM (-bios builtin) -------------------------------------
if [ ! -f "$ours" ]; then
    bad "-bios builtin: $ours is missing (make builds it)"
    finish
fi
run ours -bios builtin -append 'promtest one two'
expect_lines ours builtin
# ours_line WHAT KEY LINE: our PROM printed LINE (a whole [prom] line);
# else show its line containing KEY
ours_line() {
    if grep -q -x -F "promtest: [prom] $3" "$tmp/ours.lines"; then
        ok "builtin: $1"
    else
        bad "builtin: $1:" "$(grep -F "$2" "$tmp/ours.lines" | head -1)"
    fi
}
# our PROM prints pv_printf's arguments as OpenBoot does
ours_line "pv_printf(\"%s %d %x\", \"abc\", -42, 0xbeef) prints 'abc -42 beef'" \
    pv_printf 'pv_printf abc -42 beef'
# all of 64 MB but the 512 KB at the top it keeps for itself
# (firmware/prom/dtblob.h DTB_PROM_RAM_SIZE)
ours_line "/memory available is the 64 MB less the PROM's 512 KB" \
    'memory available' '/memory available 00000000 00000000 03f80000'
# and keeps what setprop stores (OpenBIOS's obp_setprop is a stub that
# answers -1): Linux's openpromfs writes through it
ours_line "setprop of a new /options property keeps it (4 bytes, 'yes')" \
    setprop "setprop /options promtest=yes: 4, then getprop 4 'yes'"
rc=$(cat "$tmp/ours.rc")
if [ "$rc" -eq 4 ] && grep -q 'the guest stopped the machine' "$tmp/ours.err" &&
        [ "$(tail -1 "$tmp/ours.lines")" = "promtest: calling pv_halt" ]; then
    ok "builtin: pv_halt stops the machine (status 4, 'the guest stopped" \
       "the machine')"
else
    bad "builtin: pv_halt: status $rc (want 4); last lines:"
    tr -d '\r' <"$tmp/ours.log" | tail -4 | sed 's/^/    /'
    sed 's/^/    stderr: /' "$tmp/ours.err"
fi

# the unmarked lines, OpenBIOS's against ours
grep -v '^promtest: \[prom\] ' "$tmp/obios.lines" >"$tmp/obios.common"
grep -v '^promtest: \[prom\] ' "$tmp/ours.lines" >"$tmp/ours.common"
if cmp -s "$tmp/obios.common" "$tmp/ours.common"; then
    ok "the $(wc -l <"$tmp/obios.common") unmarked lines are the same under" \
       "OpenBIOS and builtin"
else
    bad "unmarked lines differ (- openbios, + builtin):"
    diff "$tmp/obios.common" "$tmp/ours.common" | grep '^[<>]' |
        sed 's/^< /    -/; s/^> /    +/'
fi

reboot_run oureboot builtin reboot pv_reboot -bios builtin
reboot_run oufeval builtin feval pv_fortheval -bios builtin

# pv_abort on ours: no monitor to enter, so it says so and returns to the
# client ("back from abort"), which then halts (status 4)
run ourabort -bios builtin -append 'promtest abort'
rc=$(cat "$tmp/ourabort.rc")
if [ "$rc" -eq 4 ] && grep -q '^promtest: calling pv_abort' "$tmp/ourabort.lines" &&
        grep -q '^promtest: back from abort' "$tmp/ourabort.lines"; then
    ok "builtin: pv_abort returns ('back from abort'), then pv_halt (status 4)"
else
    bad "builtin: pv_abort: status $rc; last lines:"
    tr -d '\r' <"$tmp/ourabort.log" | tail -4 | sed 's/^/    /'
    sed 's/^/    stderr: /' "$tmp/ourabort.err"
fi
finish
