#!/bin/bash
# Linux 6.1 boots through OpenBIOS to a shell on ttya, answers commands
# whose output is checked, and powers the machine off; a second identical
# boot gives a byte-identical console log and the same cycle count; the
# kernel's BogoMIPS and the guest's "sleep 1" agree with the 110 MHz clock.
# usage: tests/guest/linux.sh SIM
set -u
sim=${1:-build/sun4m}
root=$(cd "$(dirname "$0")/../.." && pwd)
suite=linux
# shellcheck source=tests/guest/lib.sh
. "$(dirname "$0")/lib.sh"

if ! guest=$("$root/tools/mkguest"); then
    bad "tools/mkguest could not build the guest"
    finish
fi
eval "$guest"
mode=$(sed -n 's/^init: //p' "$(dirname "$KERNEL")/manifest")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

common=(-M SS-5 -m 128 -nographic -serial null -no-reboot "${prom[@]}"
        -kernel "$KERNEL" -initrd "$INITRD" -append "console=ttyS0"
        -rtc base=2024-01-02T03:04:05 --timeout 300 --stats)
if [ "$mode" = busybox ]; then
    want_md5=$(md5sum <"$root/../shared/guest/busybox-1.21.1-sparc" | cut -d' ' -f1)
    # the Lance's station address: the IDPROM default (hw/README.md)
    want_mac=52:54:00:12:34:56
    script=(--expect "sun4m:/# "
            --send 'cat /proc/cpuinfo\n' --expect "MB86904" --expect "# "
            --send 'date +%Y-%m-%dT%H\n' --expect "2024-01-02T03" --expect "# "
            --send 'echo ttyb answers > /dev/ttyS1; time sleep 1\n'
            --expect "real" --expect "# "
            --send 'dd if=/bin/busybox bs=4096 2>/dev/null | md5sum\n'
            --expect "$want_md5  -" --expect "# "
            --send 'ifconfig eth0 up; echo "ifup rc=$?"; ifconfig eth0\n'
            --expect "ifup rc=0" --expect "HWaddr $want_mac"
            --expect "UP BROADCAST" --expect "# "
            --send 'ifconfig eth0 10.0.2.15; ping -c 2 -W 1 10.0.2.2 >/dev/null 2>&1; s=/sys/class/net/eth0/statistics; [ $(cat $s/tx_packets) -gt 0 ] && [ $(cat $s/tx_errors) -eq 0 ] && echo "lance tx ok $(cat $s/tx_packets)"\n'
            --expect "lance tx ok" --expect "# "
            --send 'poweroff -f\n')
else
    want_md5=$(cut -d' ' -f1 "$(dirname "$KERNEL")/init.md5")
    script=(--expect "mini init" --expect "MB86904" --expect "date: 2024-01-02"
            --expect "md5: $want_md5" --expect "powering off")
fi

# the second boot interprets every instruction (--no-jit): the two must
# agree to the cycle, which also shows the runs are deterministic
for run in 1 2; do
    mode_args=()
    [ "$run" = 2 ] && mode_args=(--no-jit)
    "$sim" "${common[@]}" "${mode_args[@]}" --log "$tmp/log$run" \
        -serial "file:$tmp/ttyb$run" "${script[@]}" \
        </dev/null 2>"$tmp/err$run"
    rc=$?
    if [ $rc -ne 0 ]; then
        bad "boot $run ($mode init): exit status $rc"
        sed 's/^/    /' "$tmp/err$run"
        tail -20 "$tmp/log$run" | sed 's/^/    | /'
        finish
    fi
done
ok "boot to the $mode shell, commands answered, power-off ended the run"

stats() { grep -o 'instructions [0-9]* cycles [0-9]*' "$1"; }
jitted() { grep -o 'jit-insns [0-9]*' "$1" | cut -d' ' -f2; }
if cmp -s "$tmp/log1" "$tmp/log2" &&
   [ -n "$(stats "$tmp/err1")" ] &&
   [ "$(stats "$tmp/err1")" = "$(stats "$tmp/err2")" ] &&
   [ "$(jitted "$tmp/err2")" = 0 ] &&
   { [ "$(uname -m)" != x86_64 ] || [ "$(jitted "$tmp/err1")" -gt 0 ]; }; then
    ok "two boots, translated ($(jitted "$tmp/err1") instructions) and" \
       "interpreted: identical console logs, $(stats "$tmp/err1")"
else
    bad "two boots differ: $(stats "$tmp/err1") / $(stats "$tmp/err2")" \
        "(translated $(jitted "$tmp/err1") / $(jitted "$tmp/err2"))"
    diff "$tmp/log1" "$tmp/log2" | head -10
fi

if [ "$mode" = busybox ]; then
    # __delay is a 2-cycle loop (bne + subcc): BogoMIPS = MHz, 110
    bogo=$(tr -d '\r' <"$tmp/log1" | sed -n 's/^CPU0Bogo[[:space:]]*: //p')
    if awk -v b="$bogo" 'BEGIN { exit !(b >= 105 && b <= 115) }'; then
        ok "BogoMIPS $bogo for a 110 MHz clock"
    else
        bad "BogoMIPS '$bogo', expected 105..115 for a 110 MHz clock"
    fi
    if grep -q "ttyb answers" "$tmp/ttyb1"; then
        ok "a line written to /dev/ttyS1 came out of the second -serial"
    else
        bad "nothing from /dev/ttyS1 on the second -serial: '$(head -c 80 "$tmp/ttyb1")'"
    fi
    # Bringing up the Lance (sunlance lance_open: STOP, CSR1-3, INIT, poll
    # for IDON, STRT) must succeed without the kernel complaining
    log=$(tr -d '\r' <"$tmp/log1")
    oops=$(grep -E 'Oops|Unable to handle|Kernel panic|LANCE unopened|BUG:' \
           <<<"$log" | head -3)
    if grep -q '^ifup rc=0$' <<<"$log" &&
       grep -q "^eth0 .*HWaddr $want_mac" <<<"$log" &&
       grep -q '^ *UP BROADCAST RUNNING' <<<"$log" && [ -z "$oops" ]; then
        ok "ifconfig eth0 up: eth0 UP with HWaddr $want_mac, frames sent through the DMA chain without error, no kernel error"
    else
        bad "ifconfig eth0 up: $(grep -A2 'ifup rc=' <<<"$log" | tr '\n' ' ') $oops"
    fi
    real=$(tr -d '\r' <"$tmp/log1" | sed -n 's/^real[[:space:]]*//p')
    case "$real" in
    "0m 1.0"[0-4]s) ok "sleep 1 took $real of guest time" ;;
    *) bad "sleep 1 took '$real' of guest time" ;;
    esac
fi
# The fallback guest (tools/guest/miniinit.c, used where busybox is
# missing) must work too: its checks, then power-off ends the run.
if [ "$mode" = busybox ]; then
    if mini=$("$root/tools/mkguest" --init=mini 2>"$tmp/mkmini"); then
        eval "$mini"
        want_md5=$(cut -d' ' -f1 "$(dirname "$KERNEL")/init.md5")
        if "$sim" -M SS-5 -m 128 -nographic -serial null -no-reboot "${prom[@]}" \
            -kernel "$KERNEL" -initrd "$INITRD" -append console=ttyS0 \
            -rtc base=2024-01-02T03:04:05 --timeout 300 --log "$tmp/mini" \
            --expect "mini init" --expect "MB86904" \
            --expect "date: 2024-01-02" --expect "md5: $want_md5" \
            --expect "powering off" --expect "Power down" </dev/null \
            2>"$tmp/errmini"; then
            ok "mini init fallback: checks passed, powered off"
        else
            bad "mini init fallback"
            sed 's/^/    /' "$tmp/errmini"
            tail -12 "$tmp/mini" | sed 's/^/    | /'
        fi
    else
        bad "tools/mkguest --init=mini failed"
        tail -5 "$tmp/mkmini"
    fi
fi
finish
