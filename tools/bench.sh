#!/bin/bash
# tools/bench.sh [--check] [SIM] - speed of build/sun4m against
# qemu-system-sparc on the benchmark ROMs (firmware/bench, `make bench`).
#
# For every workload it runs both simulators BENCH_RUNS times on
# $BENCH_DIR/NAME.bin (-M SS-5 -nographic -no-reboot, stdin /dev/null),
# keeps the fastest run of each, checks that both printed the same
# "NAME result 0x..." line, and prints guest instructions, wall time, MIPS
# and peak RSS of each and the speed ratio, then the same from CPU time
# (user + system, from /usr/bin/time), which other load on the host
# disturbs less than wall time.
#
# Guest instructions come from the --stats line of SIM.  QEMU runs the
# same program and has no such counter, so its MIPS use the same count
# (the only difference: sun4m models the 76800-baud line, so the guest
# polls about 250 thousand instructions (0.05 %) while the result line
# goes out; on QEMU the line is ready at once).
#
# Wall time is measured here around the whole process, start-up and exit
# included; the start-up line at the end shows how much that is (short
# intloop ROM, about a million instructions).
#
# --check: one run per workload (default $BENCH_DIR build/bench/short),
# exit status 1 unless every workload printed its result line on SIM and,
# when QEMU is installed, the same line on QEMU.
#
# Environment: BENCH_DIR (build/bench), BENCH_RUNS (3), BENCH_WORKLOADS
# ("intloop calls memcpy fpkernel"), QEMU (qemu-system-sparc),
# BENCH_TIMEOUT (seconds per run, 600).

set -u
export LC_ALL=C                 # "." in $EPOCHREALTIME and printf %f

check=0
if [ "${1:-}" = "--check" ]; then
    check=1
    shift
fi
sim=${1:-build/sun4m}
if [ $check = 1 ]; then
    dir=${BENCH_DIR:-build/bench/short}
    runs=1
else
    dir=${BENCH_DIR:-build/bench}
    runs=${BENCH_RUNS:-3}
fi
workloads=${BENCH_WORKLOADS:-intloop calls memcpy fpkernel}
qemu=${QEMU:-qemu-system-sparc}
limit=${BENCH_TIMEOUT:-600}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

if [ ! -x "$sim" ]; then
    echo "bench: $sim not found (make first)" >&2
    exit 2
fi
have_qemu=0
if command -v "$qemu" >/dev/null 2>&1; then
    have_qemu=1
fi
# /usr/bin/time (Debian package "time") gives the peak RSS of the child.
have_time=0
if [ -x /usr/bin/time ]; then
    have_time=1
fi

# run_once KIND ROM: run one simulator once.  Sets r_wall (s), r_rss (KB
# or "-"), r_cpu (user + system s, or "-"), r_line (result line or ""),
# r_insns (SIM only), r_rc.
run_once() {
    local kind=$1 rom=$2 t0 t1
    local -a cmd
    if [ "$kind" = sim ]; then
        cmd=("$sim" -M SS-5 -bios "$rom" -nographic -no-reboot --stats)
    else
        cmd=("$qemu" -M SS-5 -bios "$rom" -nographic -no-reboot)
    fi
    if [ $have_time = 1 ]; then
        cmd=(/usr/bin/time -f '%M %U %S' -o "$tmp/rss" "${cmd[@]}")
    fi
    rm -f "$tmp/rss"
    t0=$EPOCHREALTIME
    timeout "$limit" "${cmd[@]}" </dev/null >"$tmp/out" 2>"$tmp/err"
    r_rc=$?
    t1=$EPOCHREALTIME
    r_wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
    r_rss=- r_cpu=-
    if [ -s "$tmp/rss" ]; then
        read -r r_rss r_cpu < <(tail -n 1 "$tmp/rss" |
                                awk '{ printf "%d %.2f\n", $1, $2 + $3 }')
    fi
    r_line=$(tr -d '\r' <"$tmp/out" | grep -a -m 1 -E \
             '^(TRAP|[a-z]+ result 0x)' || true)
    r_insns=$(sed -n 's/^sun4m: stats: instructions \([0-9]*\) .*/\1/p' \
              "$tmp/err")
    if [ $r_rc != 0 ]; then
        echo "bench: $kind $(basename "$rom"): exit status $r_rc" >&2
        tail -n 3 "$tmp/err" | sed 's/^/    /' >&2
    fi
}

# best KIND ROM: BENCH_RUNS runs of one simulator; keeps the fastest run
# in b_wall / b_line / b_insns, the smallest CPU time in b_cpu and the
# largest peak RSS in b_rss; b_ok = 0 if any run failed or the result
# lines differ between runs.
best() {
    local kind=$1 rom=$2 i
    b_wall= b_rss=- b_cpu=- b_line= b_insns= b_ok=1
    for ((i = 0; i < runs; i++)); do
        run_once "$kind" "$rom"
        if [ $r_rc != 0 ] || [[ "$r_line" != *" result 0x"* ]]; then
            b_ok=0
        fi
        if [ $i = 0 ]; then
            b_line=$r_line
        elif [ "$r_line" != "$b_line" ]; then
            echo "bench: $kind $(basename "$rom"): result differs" \
                 "between runs: '$b_line' / '$r_line'" >&2
            b_ok=0
        fi
        if [ -z "$b_wall" ] ||
           awk -v a="$r_wall" -v b="$b_wall" 'BEGIN { exit !(a < b) }'; then
            b_wall=$r_wall
            b_insns=$r_insns
        fi
        if [ "$r_rss" != - ] && { [ "$b_rss" = - ] ||
                                  [ "$r_rss" -gt "$b_rss" ]; }; then
            b_rss=$r_rss
        fi
        if [ "$r_cpu" != - ] && { [ "$b_cpu" = - ] ||
            awk -v a="$r_cpu" -v b="$b_cpu" 'BEGIN { exit !(a < b) }'; }
        then
            b_cpu=$r_cpu
        fi
    done
}

mips() {                        # mips INSNS WALL
    awk -v n="$1" -v w="$2" 'BEGIN {
        if (n == "" || w <= 0) { print "-"; exit }
        printf "%.1f", n / w / 1e6 }'
}

mb() {                          # mb KB
    if [ "$1" = - ]; then
        echo -
    else
        awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'
    fi
}

status=0

if [ $check = 1 ]; then
    for w in $workloads; do
        rom=$dir/$w.bin
        if [ ! -f "$rom" ]; then
            echo "FAIL $w: $rom missing"
            status=1
            continue
        fi
        best sim "$rom"
        s_line=$b_line s_ok=$b_ok
        if [ $s_ok = 0 ] || [[ "$s_line" != "$w result 0x"* ]]; then
            echo "FAIL $w: sun4m printed '$s_line'"
            status=1
            continue
        fi
        if [ $have_qemu = 0 ]; then
            echo "PASS $w: $s_line ($qemu not installed, not compared)"
            continue
        fi
        best qemu "$rom"
        if [ "$b_line" != "$s_line" ]; then
            echo "FAIL $w: sun4m '$s_line', qemu '$b_line'"
            status=1
        else
            echo "PASS $w: $s_line (same on qemu)"
        fi
    done
    exit $status
fi

echo "bench: $sim vs" \
     "$([ $have_qemu = 1 ] && "$qemu" --version | head -n 1 ||
        echo "$qemu (not installed: sun4m only)")"
echo "bench: ROMs $dir/*.bin; wall = fastest of $runs run(s), timed by" \
     "this script around the whole process (start-up and exit included)"
echo "bench: guest instructions from sun4m --stats; QEMU runs the same" \
     "program, so its MIPS use the same count"
if [ $have_time = 1 ]; then
    echo "bench: MB = peak RSS (largest of the runs, /usr/bin/time %M);" \
         "cpu s = user + system time (smallest of the runs), less" \
         "disturbed by other load than wall"
else
    echo "bench: /usr/bin/time not installed: peak RSS not measured"
fi
# Other work on the host skews wall times (QEMU more: it runs several
# threads); say so rather than print misleading numbers silently.
ncpu=$(nproc 2>/dev/null || echo 1)
load=$(cut -d ' ' -f 1 /proc/loadavg 2>/dev/null || echo 0)
if awk -v l="$load" -v n="$ncpu" 'BEGIN { exit !(l > n - 0.5) }'; then
    echo "bench: warning: load average $load on $ncpu CPUs at the start;" \
         "timings are noisy"
fi
echo

fmt="%-9s %12s %8s %8s %6s %8s %8s %6s %8s\n"
printf "$fmt" workload instructions "sun4m s" "MIPS" "MB" \
       "qemu s" "MIPS" "MB" "ratio"
results=()
cpus=()
cfmt="%-9s %8s %8s %8s %8s %8s"
for w in $workloads; do
    rom=$dir/$w.bin
    if [ ! -f "$rom" ]; then
        echo "bench: $rom missing (make roms-bench)" >&2
        status=1
        continue
    fi
    best sim "$rom"
    s_wall=$b_wall s_rss=$b_rss s_line=$b_line s_ok=$b_ok insns=$b_insns
    s_cpu=$b_cpu
    s_mips=$(mips "$insns" "$s_wall")
    q_wall=- q_rss=- q_mips=- ratio=- q_cpu=- cratio=-
    note=
    if [ $s_ok = 0 ]; then
        note=" (sun4m run failed)"
        status=1
    fi
    if [ $have_qemu = 1 ]; then
        best qemu "$rom"
        q_wall=$b_wall q_rss=$b_rss q_cpu=$b_cpu
        q_mips=$(mips "$insns" "$q_wall")
        ratio=$(awk -v s="$s_wall" -v q="$q_wall" \
                'BEGIN { printf "%.2f", q / s }')
        if [ "$s_cpu" != - ] && [ "$q_cpu" != - ]; then
            cratio=$(awk -v s="$s_cpu" -v q="$q_cpu" 'BEGIN {
                if (s > 0) printf "%.2f", q / s; else print "-" }')
        fi
        if [ $b_ok = 0 ] || [ "$b_line" != "$s_line" ]; then
            note="$note (MISMATCH: qemu printed '$b_line')"
            status=1
        else
            note="$note (same on qemu)"
        fi
    fi
    printf "$fmt" "$w" "${insns:--}" "$s_wall" "$s_mips" "$(mb "$s_rss")" \
           "$q_wall" "$q_mips" "$(mb "$q_rss")" "$ratio"
    results+=("  $w: sun4m '$s_line'$note")
    cpus+=("$(printf "$cfmt" "$w" "$s_cpu" "$(mips "$insns" "$s_cpu")" \
              "$q_cpu" "$(mips "$insns" "$q_cpu")" "$cratio")")
done
echo
echo "ratio = sun4m MIPS / qemu MIPS (> 1: sun4m faster)"
if [ $have_time = 1 ]; then
    echo
    echo "CPU time of the same runs (user + system, all threads):"
    printf "$cfmt\n" workload "sun4m s" MIPS "qemu s" MIPS ratio
    printf "%s\n" "${cpus[@]}"
fi
echo
echo "result lines:"
printf "%s\n" "${results[@]}"

# Fixed cost of starting and ending each simulator.
short=build/bench/short/intloop.bin
if [ -f "$short" ]; then
    best sim "$short"
    line="start-up: sun4m $b_wall s"
    if [ $have_qemu = 1 ]; then
        best qemu "$short"
        line="$line, qemu $b_wall s"
    fi
    echo "$line (whole run of $short, ~1.3M instructions)"
fi
if [ $status != 0 ]; then
    echo "bench: FAILED (see above)"
fi
exit $status
