#!/bin/sh
# run-rom.sh - run one SPARC ROM test image and print its console output.
#
# usage: tests/rom/run-rom.sh [-t SECONDS] [-r] ROM.bin [SIMULATOR [ARGS...]]
#
#   SIMULATOR  defaults to qemu-system-sparc; build/sun4m takes the same
#              options.  The machine is started as
#                  SIMULATOR -M SS-5 -bios ROM.bin -nographic -no-reboot ARGS
#              -nographic puts ttya on stdout (QEMU multiplexes its monitor
#              on the same stdio, Ctrl-A c; stdin is /dev/null here so the
#              monitor is never entered).  The ROM ends with a system reset,
#              which -no-reboot turns into a normal exit.
#   -t         wall-clock timeout in seconds (default $ROM_TIMEOUT or 20)
#   -r         raw output; by default CR characters are removed
#
# Exit status: that of the simulator, 124 if the timeout expired (a line
# "TIMEOUT after N s" is then added to the output on stderr).
set -u
timeout_s=${ROM_TIMEOUT:-20}
raw=0
while [ $# -gt 0 ]; do
    case "$1" in
    -t) timeout_s=$2; shift 2 ;;
    -r) raw=1; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) break ;;
    esac
done
if [ $# -lt 1 ]; then
    echo "usage: $0 [-t SECONDS] [-r] ROM.bin [SIMULATOR [ARGS...]]" >&2
    exit 2
fi
rom=$1
shift
sim=qemu-system-sparc
if [ $# -gt 0 ]; then
    sim=$1
    shift
fi
if [ ! -r "$rom" ]; then
    echo "$0: cannot read $rom" >&2
    exit 2
fi
case "$sim" in
*/*) [ -x "$sim" ] || { echo "$0: $sim: not found or not executable" >&2;
                        exit 2; } ;;
*) command -v "$sim" >/dev/null 2>&1 ||
       { echo "$0: $sim: not found" >&2; exit 2; } ;;
esac
# QEMU looks for -bios files in its data directories unless the name has
# a directory part.
case "$rom" in
*/*) ;;
*) rom=./$rom ;;
esac

out=$(mktemp)
trap 'rm -f "$out"' EXIT
timeout -k 5 "$timeout_s" "$sim" -M SS-5 -bios "$rom" -nographic \
    -no-reboot "$@" </dev/null >"$out"
rc=$?
if [ $raw -eq 1 ]; then
    cat "$out"
else
    tr -d '\r' <"$out"
fi
if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
    echo "TIMEOUT after $timeout_s s" >&2
    rc=124
fi
exit $rc
