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
# Then the boot benchmark (tools/bench-boot.py): wall time from process
# start until the console shows the OpenBIOS prompt "0 > " (no kernel) and
# the busybox shell prompt "sun4m:/# " of the Linux guest (tools/mkguest;
# -kernel, -initrd, -append console=ttyS0), for SIM and for QEMU, both with
# -M SS-5 -m $BENCH_BOOT_MEM -nographic and their default OpenBIOS;
# BENCH_RUNS runs each, alternating between the two, fastest kept.  SIM
# ends itself at the prompt (--expect) and its --stats line gives guest
# instructions and virtual seconds at that point; QEMU is killed as soon as
# the prompt is read from its stdout.
#
# Then the disk benchmark (disk_bench below; tools/bench-disk.py drives the
# console): the same Linux guest as the boot benchmark with a raw image as
# SCSI target 0 (-drive file=F,if=scsi,index=0,format=raw, on both) runs
# one workload per boot at the busybox shell:
#   read       dd if=/dev/sda of=/dev/null bs=64k count=1024 (64 MB image)
#   write      dd if=/dev/zero of=/dev/sda bs=64k count=1024 conv=fsync
#              (a fresh copy of the 64 MB image every run)
#   ext2       mount -o ro an ext2 image (64 MB, 4 KB blocks) and md5sum a
#              32 MB file in it (checked against the host's md5)
#   read-256M  read again, on a 256 MB image (peak RSS must not grow)
# The command is typed as one line: echo a start marker, the workload under
# busybox time, echo an end marker, then print its output.  Wall s = from
# the moment the start marker is read from the simulator's stdout to the
# moment the end marker is, the same way for both simulators; so the boot,
# typing the command and printing its report are left out.  QEMU gets the
# line on its stdin (a pipe) once the prompt is read and is killed after
# the report; SIM types it itself (--expect / --send, stdin /dev/null: with
# its input on a pipe it polls the pipe every 100 us of virtual time, which
# would add wall time that has nothing to do with the disk) and powers off.
# Guest s is the busybox time "real" of the workload in the guest's own
# time (virtual time on SIM), MB/s is MB / guest s; copied/moved is
# SIM's --stats bounced-bytes / dma-bytes (host bytes copied for every
# byte moved by DMA, whole run; 0 expected).  The images are made at the
# start in $TMPDIR from /dev/urandom, so both simulators read them from the
# host's page cache (the host's disk is not measured).  BENCH_RUNS runs
# each, alternating; fastest wall kept, peak RSS the largest.
#
# Then the network benchmark (net_bench below; the same disk_once and
# markers): the same Linux guest with user networking (slirp: sun4m -nic
# user, QEMU -nic user,model=lance; the same 10.0.2.x network on both)
# fetches a file from `python3 -m http.server` on the host's 127.0.0.1,
# started once (on a free port) for all runs:
#   wget       wget -q -O /dev/null http://10.0.2.2:PORT/f32 (32 MB from
#              /dev/urandom in $TMPDIR), "wget-ok" checked
# The typed line first leases an address (udhcpc -i eth0 -n -q), before
# the start marker, so DHCP is not timed.  Wall s as for the disks; MB/s
# wall = MB / wall s on each simulator, MB/s virtual = MB / guest s (busybox
# time real, virtual time on SIM: a 10 Mb/s wire); copied/moved is SIM's
# --stats "net" line (copied-bytes + le-copied-bytes) / (tx-bytes +
# rx-bytes), host bytes copied for every byte on the wire, whole run.
#
# --check: one run per workload (default $BENCH_DIR build/bench/short),
# exit status 1 unless every workload printed its result line on SIM, the
# same line and the same instruction and cycle counts with SIM --no-jit
# (translated and interpreted runs agree to the cycle), and, when QEMU is
# installed, the same line on QEMU.
#
# Environment: BENCH_DIR (build/bench), BENCH_RUNS (3), BENCH_WORKLOADS
# ("intloop calls memcpy fpkernel caltime"), QEMU (qemu-system-sparc),
# BENCH_TIMEOUT (seconds per run, 600), BENCH_BOOT (0: no boot benchmark),
# BENCH_BOOT_MEM (RAM in MB for the boot and disk runs, 128), BENCH_DISK
# (0: no disk benchmark), BENCH_DISK_WORKLOADS ("read write ext2
# read-256M"), BENCH_NET (0: no network benchmark), BENCH_NET_WORKLOADS
# ("wget"), BENCH_DISPLAY (0: no display benchmark), BENCH_IDLE_S (10).
# BENCH_WORKLOADS="" leaves out the ROM table, so
# BENCH_WORKLOADS= BENCH_BOOT=0 BENCH_NET=0 tools/bench.sh runs the disks
# only, BENCH_WORKLOADS= BENCH_BOOT=0 BENCH_DISK=0 the network only.

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
workloads=${BENCH_WORKLOADS-intloop calls memcpy fpkernel caltime}
qemu=${QEMU:-qemu-system-sparc}
limit=${BENCH_TIMEOUT:-600}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench.XXXXXX") || exit 2
net_pid=                        # the HTTP server of the network benchmark
trap '[ -n "$net_pid" ] && kill "$net_pid" 2>/dev/null; rm -rf "$tmp"' EXIT

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
        cmd=("$sim" -M SS-5 -bios "$rom" -nographic -no-reboot --stats
             "${sim_extra[@]}")
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
sim_extra=()                    # more options for SIM (run_once)
counts() { grep -o 'instructions [0-9]* cycles [0-9]*' "$tmp/err"; }
jitted() { sed -n 's/.* jit-insns \([0-9]*\) .*/\1/p' "$tmp/err"; }

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
        s_counts=$(counts) s_jit=$(jitted)
        sim_extra=(--no-jit)
        run_once sim "$rom"
        sim_extra=()
        # on x86-64 the first run must really have been translated
        if [ "$r_line" != "$s_line" ] || [ "$(counts)" != "$s_counts" ] ||
           [ -z "$s_counts" ] || [ "$(jitted)" != 0 ] ||
           { [ "$(uname -m)" = x86_64 ] && ! [ "${s_jit:-0}" -gt 0 ]; }; then
            echo "FAIL $w: translated '$s_line' $s_counts" \
                 "(jit-insns $s_jit), interpreted '$r_line' $(counts)" \
                 "(jit-insns $(jitted))"
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
            echo "PASS $w: $s_line (same on qemu; $s_counts with and" \
                 "without translation)"
        fi
    done
    exit $status
fi

# load_note WHEN: the host's load average, always (other work on the host
# skews wall times, QEMU's more: it runs several threads), with a warning
# when it is above the number of CPUs less half a CPU.
load_note() {
    local ncpu load
    ncpu=$(nproc 2>/dev/null || echo 1)
    load=$(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo "0 0 0")
    echo "bench: load average $load (1, 5, 15 min) on $ncpu CPUs $1"
    if awk -v l="${load%% *}" -v n="$ncpu" 'BEGIN { exit !(l > n - 0.5) }'
    then
        echo "bench: warning: load average ${load%% *} on $ncpu CPUs;" \
             "timings are noisy"
    fi
}

echo "bench: $sim vs" \
     "$([ $have_qemu = 1 ] && "$qemu" --version | head -n 1 ||
        echo "$qemu (not installed: sun4m only)")"

# ROM workloads: guest instructions, wall and CPU time, MIPS.
rom_bench() {
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
    load_note "at the start of the ROM runs"
    echo

    local fmt="%-9s %12s %8s %8s %6s %8s %8s %6s %8s\n"
    local cfmt="%-9s %8s %8s %8s %8s %8s"
    local -a results=() cpus=()
    local w rom s_wall s_rss s_line s_ok insns s_cpu s_mips
    local q_wall q_rss q_mips ratio q_cpu cratio note line short
    printf "$fmt" workload instructions "sun4m s" "MIPS" "MB" \
           "qemu s" "MIPS" "MB" "ratio"
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
        printf "$fmt" "$w" "${insns:--}" "$s_wall" "$s_mips" \
               "$(mb "$s_rss")" "$q_wall" "$q_mips" "$(mb "$q_rss")" "$ratio"
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
}

# boot_once KIND PROMPT ARGS...: one boot of SIM or QEMU until PROMPT on
# the console.  Sets o_seen (wall s, or "-"), o_rss (KB), o_cpu (s),
# o_insns and o_virt (SIM's --stats, else "-"), o_ok (0 if PROMPT never
# came or SIM failed).
boot_once() {
    local kind=$1 prompt=$2 out rc
    local -a cmd
    shift 2
    if [ "$kind" = sim ]; then
        cmd=("$boot_helper" --wait --timeout "$limit" --log "$tmp/console"
             "$prompt" -- "$sim" "${boot_common[@]}" "${boot_sim_only[@]}" "$@"
             --expect "$prompt" --timeout "$limit" --stats)
    else
        cmd=("$boot_helper" --timeout "$limit" --log "$tmp/console"
             "$prompt" -- "$qemu" "${boot_common[@]}" "$@")
    fi
    out=$("${cmd[@]}" 2>"$tmp/err")
    rc=$?
    o_seen=- o_rc= o_rss=- o_cpu=- o_insns=- o_virt=- o_ok=1
    # "seen=S end=S rc=N rss=KB cpu=S" (tools/bench-boot.py)
    read -r o_seen o_rc o_rss o_cpu < <(echo "$out" | awk '
        /^seen=/ { for (i = 1; i <= NF; i++) { sub(/^[a-z]*=/, "", $i) }
                   print $1, $3, $4, $5 }')
    o_seen=${o_seen:--} o_rss=${o_rss:--} o_cpu=${o_cpu:--}
    if [ $rc != 0 ] || [ "$o_seen" = - ] ||
       { [ "$kind" = sim ] && [ "${o_rc:-1}" != 0 ]; }; then
        o_ok=0
        echo "bench: boot $kind to '$prompt' failed: $out" >&2
        tail -n 3 "$tmp/err" | sed 's/^/    /' >&2
        tr -d '\r' <"$tmp/console" | tail -n 3 | sed 's/^/    | /' >&2
    fi
    if [ "$kind" = sim ]; then
        read -r o_insns o_virt < <(awk '/^sun4m: stats: / {
            for (i = 3; i < NF; i++) {
                if ($i == "instructions") { n = $(i + 1) }
                if ($i == "virtual") { v = $(i + 1) }
            }
            print n, v }' "$tmp/err")
        o_insns=${o_insns:--} o_virt=${o_virt:--}
    fi
}

# boot_best NAME PROMPT ARGS...: BENCH_RUNS runs of each simulator,
# alternating so that a change in the host's load hits both alike; prints
# the table row for NAME and collects the CPU row and every run's time.
boot_best() {
    local name=$1 prompt=$2 i kind
    local s_seen=- s_rss=- s_cpu=- s_insns=- s_virt=- s_ok=1 s_all=
    local q_seen=- q_rss=- q_cpu=- q_ok=1 q_all= ratio=- cratio=-
    shift 2
    for ((i = 0; i < runs; i++)); do
        for kind in sim qemu; do
            if [ $kind = qemu ] && [ $have_qemu = 0 ]; then
                continue
            fi
            if [ $kind = qemu ] && [ -n "$boot_qemu_prompt" ]; then
                boot_once $kind "$boot_qemu_prompt" "$@"
            else
                boot_once $kind "$prompt" "$@"
            fi
            if [ $kind = sim ]; then
                s_all="$s_all $o_seen"
                [ $o_ok = 0 ] && s_ok=0
                if [ "$o_seen" != - ] && { [ "$s_seen" = - ] ||
                    awk -v a="$o_seen" -v b="$s_seen" \
                        'BEGIN { exit !(a < b) }'; }; then
                    s_seen=$o_seen s_insns=$o_insns s_virt=$o_virt
                fi
                s_rss=$(maxof "$s_rss" "$o_rss")
                s_cpu=$(minof "$s_cpu" "$o_cpu")
            else
                q_all="$q_all $o_seen"
                [ $o_ok = 0 ] && q_ok=0
                q_seen=$(minof "$q_seen" "$o_seen")
                q_rss=$(maxof "$q_rss" "$o_rss")
                q_cpu=$(minof "$q_cpu" "$o_cpu")
            fi
        done
    done
    if [ $s_ok = 0 ] || [ $q_ok = 0 ]; then
        status=1
    fi
    ratio=$(quot "$q_seen" "$s_seen")
    cratio=$(quot "$q_cpu" "$s_cpu")
    printf "$boot_fmt" "$name" "$s_insns" "$s_virt" "$s_seen" \
           "$(mb "$s_rss")" "$q_seen" "$(mb "$q_rss")" "$ratio"
    boot_cpus+=("$(printf "$boot_cfmt" "$name" "$s_cpu" "$q_cpu" "$cratio")")
    boot_runs+=("  $name: sun4m$s_all; qemu${q_all:- (not run)}")
}

minof() {                       # minof A B: the smaller, "-" = none
    awk -v a="$1" -v b="$2" 'BEGIN {
        if (a == "-") print b; else if (b == "-" || a + 0 <= b + 0) print a;
        else print b }'
}

maxof() {                       # maxof A B: the larger, "-" = none
    awk -v a="$1" -v b="$2" 'BEGIN {
        if (a == "-") print b; else if (b == "-" || a + 0 >= b + 0) print a;
        else print b }'
}

faster() {                      # faster A B: A is a time and B is none
    awk -v a="$1" -v b="$2" 'BEGIN {   # ("-") or a longer one
        exit !(a != "-" && (b == "-" || a + 0 < b + 0)) }'
}

quot() {                        # quot A B: A / B to 2 places, or "-"
    awk -v a="$1" -v b="$2" 'BEGIN {
        if (a == "-" || b == "-" || b <= 0) print "-";
        else printf "%.2f", a / b }'
}

boot_bench() {
    local guest mem=${BENCH_BOOT_MEM:-128}
    boot_helper=$(dirname "$0")/bench-boot.py
    boot_common=(-M SS-5 -m "$mem" -nographic)
    boot_fmt="%-9s %12s %9s %8s %6s %8s %6s %6s\n"
    boot_cfmt="%-9s %8s %8s %6s"
    boot_cpus=() boot_runs=() boot_sim_only=() boot_qemu_prompt=
    if ! command -v python3 >/dev/null 2>&1; then
        echo "bench: python3 not installed: no boot benchmark" >&2
        status=1
        return
    fi
    echo "boot: wall s from process start until the prompt is read from" \
         "the console (stdout pipe), fastest of $runs run(s) each, sun4m" \
         "and qemu runs alternating"
    echo "boot: both ${boot_common[*]}, default -bios (OpenBIOS);" \
         "openbios = no kernel, prompt \"0 > \"; linux = -kernel" \
         "-initrd -append console=ttyS0 (tools/mkguest), prompt" \
         "\"sun4m:/# \"; ob-entry = the same boot until OpenBIOS's" \
         "last line before the kernel (\"switching to new context:\")"
    echo "boot: own-entry and own-linux = sun4m with -bios builtin (our" \
         "PROM; its last line before the kernel, \"sun4m PROM:" \
         "booting Linux ... args 'console=ttyS0'\", to its end), next to" \
         "qemu's OpenBIOS boot to its last line (as ob-entry)"
    echo "boot: instructions and virtual s = sun4m --stats when it saw" \
         "the prompt (fastest run); qemu is killed when the prompt is" \
         "read; MB = peak RSS (largest of the runs, wait4 ru_maxrss as" \
         "/usr/bin/time %M)"
    load_note "at the start of the boot runs"
    echo
    printf "$boot_fmt" prompt instructions "virtual s" "sun4m s" MB \
           "qemu s" MB ratio
    boot_best openbios "0 > "
    if guest=$("$(dirname "$0")/mkguest" 2>"$tmp/mkguest"); then
        eval "$guest"
        # to the kernel's entry: the PROM's last line before it jumps
        boot_best ob-entry "switching to new context:" -kernel "$KERNEL" \
                  -initrd "$INITRD" -append console=ttyS0
        boot_best linux "sun4m:/# " -kernel "$KERNEL" -initrd "$INITRD" \
                  -append console=ttyS0
        # our own PROM (sun4m only; qemu's column is its OpenBIOS boot)
        boot_sim_only=(-bios builtin)
        boot_qemu_prompt="switching to new context:"
        boot_best own-entry "args 'console=ttyS0'" \
                  -kernel "$KERNEL" -initrd "$INITRD" -append console=ttyS0
        boot_qemu_prompt=
        boot_best own-linux "sun4m:/# " -kernel "$KERNEL" -initrd "$INITRD" \
                  -append console=ttyS0
        boot_sim_only=()
    else
        echo "bench: tools/mkguest failed: no Linux boot benchmark" >&2
        tail -n 5 "$tmp/mkguest" | sed 's/^/    /' >&2
        status=1
    fi
    echo
    echo "ratio = qemu s / sun4m s (> 1: sun4m faster)"
    echo
    echo "CPU time of the same runs (user + system, all threads, smallest" \
         "of the runs):"
    printf "$boot_cfmt\n" prompt "sun4m s" "qemu s" ratio
    printf "%s\n" "${boot_cpus[@]}"
    echo
    echo "every run (wall s to the prompt, in order):"
    printf "%s\n" "${boot_runs[@]}"
}

# disk_once KIND CMDLINE ARGS...: one boot of SIM or QEMU with ARGS (the
# disk, the network), CMDLINE typed at the shell prompt
# (tools/bench-disk.py); once_label names the benchmark in an error
# message (default "disk").  Sets d_wall
# (end marker - start marker, wall s, or "-"), d_rss (KB), d_guest (the
# guest's "real" s), d_report (what the guest printed after the end marker), d_moved /
# d_bounced / d_aio (SIM's --stats, else "-"), d_ok (0: a step never came
# or SIM failed).
disk_once() {
    local kind=$1 cmdline=$2 out rc go stop o_rc
    local -a cmd steps
    shift 2
    steps=(--expect "sun4m:/# " --send "$cmdline"
           --mark go bench-0-go --mark stop bench-0-end
           --expect bench-0-done --expect "sun4m:/# ")
    if [ "$kind" = sim ]; then
        cmd=("$disk_helper" --wait --null-stdin --timeout "$limit"
             --log "$tmp/console" "${steps[@]}" --
             "$sim" "${disk_common[@]}" "$@" --timeout "$limit" --stats
             --expect "sun4m:/# " --send "$cmdline" --expect bench-0-done
             --expect "sun4m:/# " --send 'poweroff -f\n')
    else
        cmd=("$disk_helper" --timeout "$limit" --log "$tmp/console"
             "${steps[@]}" -- "$qemu" "${disk_common[@]}" "$@")
    fi
    out=$("${cmd[@]}" 2>"$tmp/err")
    rc=$?
    d_wall=- d_rss=- d_guest=- d_report= d_moved=- d_bounced=- d_aio=-
    d_ok=1
    # "go=S stop=S end=S rc=N rss=KB cpu=S" (tools/bench-disk.py)
    read -r go stop o_rc d_rss < <(echo "$out" | awk '
        /^go=/ { for (i = 1; i <= NF; i++) { sub(/^[a-z]*=/, "", $i) }
                 print $1, $2, $4, $5 }')
    d_rss=${d_rss:--}
    if [ "${go:--}" != - ] && [ "${stop:--}" != - ]; then
        d_wall=$(awk -v a="$go" -v b="$stop" 'BEGIN { printf "%.3f", b - a }')
    fi
    # What the guest printed after the end marker: the workload's output
    # and busybox time's "real<TAB>0m 20.99s".
    d_report=$(tr -d '\r' <"$tmp/console" | awk '
        /^bench-0-done/ { exit } go { print } /^bench-0-end/ { go = 1 }')
    d_guest=$(echo "$d_report" | awk '/^real/ {
        m = $2; s = $3; sub(/m$/, "", m); sub(/s$/, "", s)
        printf "%.2f", m * 60 + s }')
    d_guest=${d_guest:--}
    if [ $rc != 0 ] || [ "$d_wall" = - ] ||
       { [ "$kind" = sim ] && [ "${o_rc:-1}" != 0 ]; }; then
        d_ok=0
        echo "bench: ${once_label:-disk} $kind failed: $out" >&2
        tail -n 3 "$tmp/err" | sed 's/^/    /' >&2
        tr -d '\r' <"$tmp/console" | tail -n 5 | sed 's/^/    | /' >&2
    fi
    if [ "$kind" = sim ]; then
        read -r d_moved d_bounced d_aio < <(awk '
            /^sun4m: stats: dma-bytes / {
                for (i = 3; i < NF; i++) {
                    if ($i == "dma-bytes") { m = $(i + 1) }
                    if ($i == "bounced-bytes") { b = $(i + 1) }
                    if ($i == "aio-requests") { a = $(i + 1) }
                }
                print m, b, a }' "$tmp/err")
        d_moved=${d_moved:--} d_bounced=${d_bounced:--} d_aio=${d_aio:--}
    fi
}

# disk_best NAME MB CHECK CMD IMAGE [FRESH]: BENCH_RUNS runs of each
# simulator, alternating, with the workload CMD (run under busybox time,
# its stdout to /tmp/o, stderr to /tmp/t) on IMAGE; FRESH: copy this file
# to IMAGE before every run.  CHECK: a text the workload's output must
# hold.  Prints the table row and collects the detail lines.
disk_best() {
    local name=$1 size=$2 check=$3 work=$4 image=$5 fresh=${6:-} i kind
    local cmdline s_wall=- s_rss=- s_guest=- s_moved=- s_bounced=- s_aio=-
    local s_ok=1 s_all= q_wall=- q_rss=- q_guest=- q_ok=1 q_all= q_mbs=-
    local ratio s_mbs copied
    cmdline="mkdir -p /mnt; echo bench-\$((0))-go; time $work >/tmp/o"
    cmdline="$cmdline 2>/tmp/t; echo bench-\$((0))-end; cat /tmp/o /tmp/t;"
    cmdline="$cmdline echo bench-\$((0))-done\\n"
    for ((i = 0; i < runs; i++)); do
        for kind in sim qemu; do
            if [ $kind = qemu ] && [ $have_qemu = 0 ]; then
                continue
            fi
            if [ -n "$fresh" ]; then
                cp "$fresh" "$image"
            fi
            disk_once $kind "$cmdline" \
                      -drive "file=$image,if=scsi,index=0,format=raw"
            if [ $d_ok = 1 ] && [[ "$d_report" != *"$check"* ]]; then
                echo "bench: disk $name on $kind: no '$check' in:" >&2
                echo "$d_report" | sed 's/^/    | /' >&2
                d_ok=0
            fi
            if [ $d_ok = 1 ] && [ -n "$fresh" ] &&
               ! cmp -s -n $((size << 20)) "$image" /dev/zero; then
                echo "bench: disk $name on $kind: the image is not zero" \
                     "after the write" >&2
                d_ok=0
            fi
            if [ $kind = sim ]; then
                s_all="$s_all $d_wall"
                [ $d_ok = 0 ] && s_ok=0
                if faster "$d_wall" "$s_wall"; then
                    s_wall=$d_wall s_guest=$d_guest s_moved=$d_moved
                    s_bounced=$d_bounced s_aio=$d_aio
                fi
                s_rss=$(maxof "$s_rss" "$d_rss")
            else
                q_all="$q_all $d_wall"
                [ $d_ok = 0 ] && q_ok=0
                if faster "$d_wall" "$q_wall"; then
                    q_wall=$d_wall q_guest=$d_guest
                fi
                q_rss=$(maxof "$q_rss" "$d_rss")
            fi
        done
    done
    if [ $s_ok = 0 ] || [ $q_ok = 0 ]; then
        status=1
    fi
    ratio=$(quot "$s_wall" "$q_wall")
    s_mbs=$(quot "$size" "$s_guest")
    q_mbs=$(quot "$size" "$q_guest")
    copied=-
    if [ "$s_moved" != - ] && [ "$s_bounced" != - ] && [ "$s_moved" -gt 0 ]
    then
        copied=$(awk -v b="$s_bounced" -v m="$s_moved" \
                 'BEGIN { printf "%.3f", b / m }')
    fi
    printf "$disk_fmt" "$name" "$size" "$s_wall" "$q_wall" "$ratio" \
           "$s_guest" "$s_mbs" "$q_mbs" "$copied" "$(mb "$s_rss")" \
           "$(mb "$q_rss")"
    disk_runs+=("  $name: sun4m$s_all; qemu${q_all:- (not run)}")
    disk_dma+=("  $name: dma-bytes $s_moved bounced-bytes $s_bounced aio-requests $s_aio (sun4m, whole run)")
    disk_rss[$name]="$(mb "$s_rss") $(mb "$q_rss")"
    disk_readme+=("$(printf '| %s | %s s (%s MB/s virtual) | %s s | %s |' \
        "$(disk_what "$name")" "$s_wall" "$s_mbs" "$q_wall" "$ratio" |
        sed 's/ - s / - /g')")
}

disk_what() {                   # disk_what NAME: the README's words
    case $1 in
    read) echo "disk: dd read 64 MB" ;;
    write) echo "disk: dd write 64 MB, conv=fsync" ;;
    ext2) echo "disk: mount ext2 + md5sum of a 32 MB file" ;;
    read-256M) echo "disk: dd read 64 MB of a 256 MB image" ;;
    *) echo "disk: $1" ;;
    esac
}

# shell_guest WHAT: python3 and the busybox guest of tools/mkguest
# (KERNEL, INITRD set), or a line on stderr, status=1 and return 1
shell_guest() {
    local guest mode
    if ! command -v python3 >/dev/null 2>&1; then
        echo "bench: python3 not installed: no $1 benchmark" >&2
        status=1
        return 1
    fi
    if ! guest=$("$(dirname "$0")/mkguest" 2>"$tmp/mkguest"); then
        echo "bench: tools/mkguest failed: no $1 benchmark" >&2
        tail -n 5 "$tmp/mkguest" | sed 's/^/    /' >&2
        status=1
        return 1
    fi
    eval "$guest"
    mode=$(sed -n 's/^init: //p' "$(dirname "$KERNEL")/manifest")
    if [ "$mode" != busybox ]; then
        echo "bench: the guest has no shell (busybox missing): no $1" \
             "benchmark" >&2
        status=1
        return 1
    fi
}

disk_bench() {
    local mem=${BENCH_BOOT_MEM:-128} w mke2fs sum
    local dw=${BENCH_DISK_WORKLOADS-read write ext2 read-256M}
    local -A disk_rss=()
    disk_helper=$(dirname "$0")/bench-disk.py
    disk_fmt="%-9s %4s %8s %8s %6s %8s %6s %6s %7s %6s %6s\n"
    disk_runs=() disk_dma=() disk_readme=()
    shell_guest disk || return
    disk_common=(-M SS-5 -m "$mem" -nographic -kernel "$KERNEL"
                 -initrd "$INITRD" -append console=ttyS0)
    echo "disk: Linux guest (tools/mkguest), ${disk_common[*]:0:5}, raw" \
         "image as -drive file=F,if=scsi,index=0,format=raw on both;" \
         "one boot per run, $runs run(s) each, sun4m and qemu alternating"
    echo "disk: s = wall s from the guest's start marker to its end marker" \
         "on the console (boot and typing excluded; fastest run); guest s" \
         "= busybox time real in the guest (sun4m: virtual time, a" \
         "modelled 1994 SCSI-2 disk), MB/s = MB / guest s"
    echo "disk: copied/moved = sun4m bounced-bytes / dma-bytes (--stats);" \
         "MB = peak RSS (largest of the runs, wait4 ru_maxrss as" \
         "/usr/bin/time %M)"
    load_note "at the start of the disk runs"
    echo
    # The images, in the host's page cache from here on.
    head -c 64M /dev/urandom >"$tmp/disk64.img"
    for w in $dw; do
        case $w in
        read-256M) head -c 256M /dev/urandom >"$tmp/disk256.img" ;;
        write) cp "$tmp/disk64.img" "$tmp/orig64.img" ;;
        ext2)
            mke2fs=$(PATH=$PATH:/usr/sbin:/sbin command -v mke2fs)
            mkdir -p "$tmp/fs"
            head -c 32M /dev/urandom >"$tmp/fs/data.bin"
            sum=$(md5sum <"$tmp/fs/data.bin" | cut -d ' ' -f 1)
            if [ -z "$mke2fs" ] ||
               ! "$mke2fs" -q -F -t ext2 -b 4096 -d "$tmp/fs" \
                           "$tmp/ext2.img" 64M >/dev/null 2>"$tmp/mke2fs"
            then
                echo "bench: mke2fs failed or missing (e2fsprogs):" \
                     "no ext2 disk workload" >&2
                status=1
            fi
            rm -rf "$tmp/fs"
            ;;
        esac
    done
    printf "$disk_fmt" workload MB "sun4m s" "qemu s" ratio "guest s" \
           "MB/s" "qemu" "copied" MB "qemu"
    for w in $dw; do
        case $w in
        read) disk_best read 64 "1024+0 records out" \
                  "dd if=/dev/sda of=/dev/null bs=64k count=1024" \
                  "$tmp/disk64.img" ;;
        write) disk_best write 64 "1024+0 records out" \
                   "dd if=/dev/zero of=/dev/sda bs=64k count=1024 conv=fsync" \
                   "$tmp/write64.img" "$tmp/orig64.img" ;;
        ext2) [ -f "$tmp/ext2.img" ] &&
              disk_best ext2 32 "$sum" \
                  "sh -c 'mount -t ext2 -o ro /dev/sda /mnt && md5sum /mnt/data.bin'" \
                  "$tmp/ext2.img" ;;
        read-256M) disk_best read-256M 64 "1024+0 records out" \
                       "dd if=/dev/sda of=/dev/null bs=64k count=1024" \
                       "$tmp/disk256.img" ;;
        *) echo "bench: unknown disk workload '$w'" >&2
           status=1 ;;
        esac
    done
    rm -f "$tmp"/*.img
    echo
    echo "ratio = sun4m s / qemu s (< 1: sun4m faster; the goal is <= 0.5)"
    echo "MB/s: sun4m's in virtual time (the modelled disk), qemu's in its" \
         "guest time (host time)"
    if [ -n "${disk_rss[read]:-}" ] && [ -n "${disk_rss[read-256M]:-}" ]
    then
        local a b qa qb
        read -r a qa <<<"${disk_rss[read]}"
        read -r b qb <<<"${disk_rss[read-256M]}"
        echo "peak RSS, read with a 64 MB / 256 MB image: sun4m $a / $b MB" \
             "($(awk -v a="$a" -v b="$b" 'BEGIN {
                 if (a == "-" || b == "-") print "not measured";
                 else if (b - a <= 8) print "does not grow with the image";
                 else printf "GROWS by %d MB", b - a }')), qemu $qa / $qb MB"
    fi
    echo
    echo "sun4m DMA counters of the fastest run:"
    printf "%s\n" "${disk_dma[@]}"
    echo
    echo "every run (wall s between the markers, in order):"
    printf "%s\n" "${disk_runs[@]}"
}

# net_once KIND CMDLINE ARGS...: disk_once, plus SIM's --stats "net" line:
# n_txb, n_rxb (bytes each way), n_copied (copied-bytes +
# le-copied-bytes), n_line (the whole line without its prefix), else "-".
net_once() {
    once_label=net disk_once "$@"
    n_txb=- n_rxb=- n_copied=- n_line=-
    if [ "$1" = sim ]; then
        read -r n_txb n_rxb n_copied < <(awk '
            /^sun4m: stats: net / {
                for (i = 4; i < NF; i++) {
                    if ($i == "tx-bytes") { t = $(i + 1) }
                    if ($i == "rx-bytes") { r = $(i + 1) }
                    if ($i == "copied-bytes") { c = $(i + 1) }
                    if ($i == "le-copied-bytes") { l = $(i + 1) }
                }
                print t, r, c + l }' "$tmp/err")
        n_txb=${n_txb:--} n_rxb=${n_rxb:--} n_copied=${n_copied:--}
        n_line=$(sed -n 's/^sun4m: stats: net //p' "$tmp/err")
        n_line=${n_line:--}
    fi
}

# net_cmdline WORK: the line typed at the prompt: a DHCP lease on eth0
# (not timed), then WORK between the markers under busybox time, its
# stdout to /tmp/o, stderr to /tmp/t.
net_cmdline() {
    local c
    c="udhcpc -i eth0 -n -q >/dev/null 2>&1 || echo dhcp-\$((0))-failed;"
    c="$c echo bench-\$((0))-go; time $1 >/tmp/o 2>/tmp/t;"
    c="$c echo bench-\$((0))-end; cat /tmp/o /tmp/t;"
    echo "$c echo bench-\$((0))-done\\n"
}

# net_best NAME MB CHECK CMD [VERIFY SUM]: BENCH_RUNS runs of each
# simulator, alternating, with the workload CMD (net_cmdline).  CHECK: a
# text the workload's output must hold.  VERIFY: a command run once more
# on SIM (one more boot, not timed in the table) whose output must hold
# SUM (the md5 of the data, fetched the same way).  Prints the table row
# and collects the detail lines.
net_best() {
    local name=$1 size=$2 check=$3 work=$4 verify=${5:-} sum=${6:-} i kind
    local cmdline s_wall=- s_rss=- s_guest=- s_txb=- s_rxb=- s_copied=-
    local s_line=- s_ok=1 s_all= q_wall=- q_rss=- q_guest=- q_ok=1 q_all=
    local ratio s_mbs q_mbs v_mbs copied
    cmdline=$(net_cmdline "$work")
    for ((i = 0; i < runs; i++)); do
        for kind in sim qemu; do
            if [ $kind = qemu ] && [ $have_qemu = 0 ]; then
                continue
            fi
            if [ $kind = sim ]; then
                net_once sim "$cmdline" -nic user
            else
                net_once qemu "$cmdline" -nic user,model=lance
            fi
            if tr -d '\r' <"$tmp/console" | grep -q '^dhcp-0-failed'; then
                echo "bench: net $name on $kind: udhcpc got no lease" >&2
                d_ok=0
            fi
            if [ $d_ok = 1 ] && [[ "$d_report" != *"$check"* ]]; then
                echo "bench: net $name on $kind: no '$check' in:" >&2
                echo "$d_report" | sed 's/^/    | /' >&2
                d_ok=0
            fi
            if [ $d_ok = 1 ] && [ $kind = sim ] &&
               { [ "$n_rxb" = - ] || [ "$n_rxb" -lt $((size << 20)) ]; }
            then
                echo "bench: net $name on sim: rx-bytes $n_rxb, less than" \
                     "the $size MB fetched" >&2
                d_ok=0
            fi
            if [ $kind = sim ]; then
                s_all="$s_all $d_wall"
                [ $d_ok = 0 ] && s_ok=0
                if faster "$d_wall" "$s_wall"; then
                    s_wall=$d_wall s_guest=$d_guest s_txb=$n_txb
                    s_rxb=$n_rxb s_copied=$n_copied s_line=$n_line
                fi
                s_rss=$(maxof "$s_rss" "$d_rss")
            else
                q_all="$q_all $d_wall"
                [ $d_ok = 0 ] && q_ok=0
                if faster "$d_wall" "$q_wall"; then
                    q_wall=$d_wall q_guest=$d_guest
                fi
                q_rss=$(maxof "$q_rss" "$d_rss")
            fi
        done
    done
    if [ -n "$verify" ]; then
        net_once sim "$(net_cmdline "$verify")" -nic user
        if [ $d_ok = 1 ] && [[ "$d_report" == *"$sum"* ]]; then
            net_verify+=("  $name: sun4m: md5 $sum, the same as the host's ($d_wall s wall)")
        else
            [ $d_ok = 1 ] && echo "$d_report" | sed 's/^/    | /' >&2
            net_verify+=("  $name: sun4m: FAILED, not the host's md5 $sum")
            s_ok=0
        fi
    fi
    if [ $s_ok = 0 ] || [ $q_ok = 0 ]; then
        status=1
    fi
    ratio=$(quot "$s_wall" "$q_wall")
    s_mbs=$(quot "$size" "$s_wall")
    q_mbs=$(quot "$size" "$q_wall")
    v_mbs=$(quot "$size" "$s_guest")
    copied=-
    if [ "$s_txb" != - ] && [ "$s_rxb" != - ] && [ "$s_copied" != - ] &&
       [ $((s_txb + s_rxb)) -gt 0 ]; then
        copied=$(awk -v c="$s_copied" -v m="$((s_txb + s_rxb))" \
                 'BEGIN { printf "%.3f", c / m }')
    fi
    printf "$net_fmt" "$name" "$size" "$s_wall" "$q_wall" "$ratio" \
           "$s_guest" "$s_mbs" "$q_mbs" "$v_mbs" "$copied" \
           "$(mb "$s_rss")" "$(mb "$q_rss")"
    net_runs+=("  $name: sun4m$s_all; qemu${q_all:- (not run)}")
    net_stats+=("  $name: $s_line")
    net_guest+=("  $name: sun4m $s_guest s (virtual), qemu $q_guest s")
    net_readme+=("$(printf '| %s | %s s (%s MB/s; %s MB/s virtual) | %s s (%s MB/s) | %s |' \
        "$(net_what "$name")" "$s_wall" "$s_mbs" "$v_mbs" "$q_wall" \
        "$q_mbs" "$ratio" | sed 's/ - s / - /g')")
}

net_what() {                    # net_what NAME: the README's words
    case $1 in
    wget) echo "net: guest wget of 32 MB from a host HTTP server" ;;
    *) echo "net: $1" ;;
    esac
}

# net_server DIR: start python3 -m http.server on 127.0.0.1 serving DIR
# on a free port (the kernel picks it: port 0); sets net_pid and
# net_port, or returns 1.
net_server() {
    local i
    python3 -u -m http.server 0 --bind 127.0.0.1 --directory "$1" \
            >"$tmp/httpd.log" 2>&1 &
    net_pid=$!
    for ((i = 0; i < 100; i++)); do
        # "Serving HTTP on 127.0.0.1 port 38545 (http://...) ..."
        net_port=$(sed -n 's/^Serving HTTP on .* port \([0-9]*\) .*/\1/p' \
                   "$tmp/httpd.log")
        if [ -n "$net_port" ]; then
            return 0
        fi
        if ! kill -0 "$net_pid" 2>/dev/null; then
            break
        fi
        sleep 0.1
    done
    echo "bench: python3 -m http.server did not start:" >&2
    tail -n 3 "$tmp/httpd.log" | sed 's/^/    /' >&2
    kill "$net_pid" 2>/dev/null
    net_pid=
    return 1
}

net_bench() {
    local mem=${BENCH_BOOT_MEM:-128} w net_port= sum url
    local nw=${BENCH_NET_WORKLOADS-wget}
    net_fmt="%-9s %4s %8s %8s %6s %8s %6s %6s %6s %7s %6s %6s\n"
    net_runs=() net_stats=() net_guest=() net_verify=()
    shell_guest network || return
    disk_helper=$(dirname "$0")/bench-disk.py
    disk_common=(-M SS-5 -m "$mem" -nographic -kernel "$KERNEL"
                 -initrd "$INITRD" -append console=ttyS0)
    # The file, in the host's page cache from here on, and its server.
    mkdir -p "$tmp/www"
    head -c 32M /dev/urandom >"$tmp/www/f32"
    sum=$(md5sum <"$tmp/www/f32" | cut -d ' ' -f 1)
    if ! net_server "$tmp/www"; then
        status=1
        rm -rf "$tmp/www"
        return
    fi
    echo "net: Linux guest (tools/mkguest), ${disk_common[*]:0:5}," \
         "user networking (slirp): sun4m -nic user, qemu -nic" \
         "user,model=lance; one boot per run, $runs run(s) each, sun4m and" \
         "qemu alternating"
    echo "net: the guest leases 10.0.2.15 (udhcpc, not timed), then fetches" \
         "http://10.0.2.2:$net_port/ from python3 -m http.server on the" \
         "host's 127.0.0.1 (one server for all runs; the file is" \
         "/dev/urandom, in the page cache)"
    echo "net: s = wall s from the guest's start marker to its end marker" \
         "on the console (boot, DHCP and typing excluded; fastest run);" \
         "guest s = busybox time real in the guest (sun4m: virtual time," \
         "a 10 Mb/s wire)"
    echo "net: MB/s = MB / wall s (sun4m, qemu); virt = MB / guest s" \
         "(sun4m); copied = sun4m (copied-bytes + le-copied-bytes) /" \
         "(tx-bytes + rx-bytes) (--stats net line, whole run); MB = peak" \
         "RSS (largest of the runs, wait4 ru_maxrss as /usr/bin/time %M)"
    load_note "at the start of the network runs"
    echo
    printf "$net_fmt" workload MB "sun4m s" "qemu s" ratio "guest s" \
           "MB/s" "qemu" "virt" "copied" MB "qemu"
    for w in $nw; do
        case $w in
        wget) url=http://10.0.2.2:$net_port/f32
              net_best wget 32 wget-ok \
                  "sh -c 'wget -q -O /dev/null $url && echo wget-ok'" \
                  "sh -c 'wget -q -O - $url | md5sum'" "$sum" ;;
        *) echo "bench: unknown network workload '$w'" >&2
           status=1 ;;
        esac
    done
    kill "$net_pid" 2>/dev/null
    wait "$net_pid" 2>/dev/null
    net_pid=
    rm -rf "$tmp/www"
    echo
    echo "ratio = sun4m s / qemu s (< 1: sun4m faster)"
    echo
    echo "guest s (busybox time real) of the fastest runs:"
    printf "%s\n" "${net_guest[@]}"
    echo
    echo "sun4m net counters of the fastest run (--stats, whole run):"
    printf "%s\n" "${net_stats[@]}"
    echo
    echo "integrity (the same fetch into md5sum in the guest, one more" \
         "sun4m boot):"
    printf "%s\n" "${net_verify[@]}"
    echo
    echo "every run (wall s between the markers, in order):"
    printf "%s\n" "${net_runs[@]}"
}

# display_bench: the Linux boot of boot_bench with its console drawn on
# the TCX (-append "console=tty0 console=ttyS0": every kernel message on
# the framebuffer and on ttya, the shell on ttya), with -display none (the
# guest draws, nothing shows it) and with -display sdl (a window, on
# $DISPLAY or else on an Xvfb started here), against -nographic with
# -append console=ttyS0 (the boot benchmark's linux row: nothing drawn).
# sun4m only; wall s to "sun4m:/# " and --stats as in boot_once.  Also
# the host CPU an idle shell costs in the window: CPU seconds used by the
# simulator over BENCH_IDLE_S (10) wall seconds once the shell is up.
display_bench() {
    local guest xpid= n= mode i best insns virt pid t1 t2 idle_s
    local -a args
    idle_s=${BENCH_IDLE_S:-10}
    boot_helper=$(dirname "$0")/bench-boot.py
    boot_common=(-M SS-5 -m "${BENCH_BOOT_MEM:-128}")   # boot_once's
    if ! guest=$("$(dirname "$0")/mkguest" 2>"$tmp/mkguest"); then
        echo "bench: tools/mkguest failed: no display benchmark" >&2
        status=1
        return
    fi
    eval "$guest"
    if [ -z "${DISPLAY:-}" ]; then
        if ! command -v Xvfb >/dev/null 2>&1; then
            echo "display: SKIP the window rows: no Xvfb and no \$DISPLAY"
        else
            Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp \
                -noreset 3>"$tmp/xdisplay" >"$tmp/xvfb.log" 2>&1 &
            xpid=$!
            for _ in $(seq 50); do
                read -r n <"$tmp/xdisplay" 2>/dev/null && [ -n "$n" ] &&
                    break
                sleep 0.2
            done
            [ -n "$n" ] && export DISPLAY=:$n
        fi
    fi
    echo "display: the linux boot to \"sun4m:/# \" on ttya, wall s," \
         "fastest of $runs; console=tty0 console=ttyS0 draws every kernel" \
         "message on the TCX"
    printf "%-52s %12s %9s %8s\n" options instructions "virtual s" "sun4m s"
    for mode in nographic none sdl; do
        case $mode in
        nographic) args=(-nographic -append console=ttyS0) ;;
        none) args=(-display none -append "console=tty0 console=ttyS0") ;;
        sdl)
            if [ -z "${DISPLAY:-}" ]; then
                continue
            fi
            args=(-display sdl -append "console=tty0 console=ttyS0") ;;
        esac
        best=- insns=- virt=-
        for ((i = 0; i < runs; i++)); do
            boot_once sim "sun4m:/# " -kernel "$KERNEL" -initrd "$INITRD" \
                      "${args[@]}"
            [ $o_ok = 0 ] && status=1
            if faster "$o_seen" "$best"; then
                best=$o_seen insns=$o_insns virt=$o_virt
            fi
        done
        printf "%-52s %12s %9s %8s\n" "${args[*]}" "$insns" \
               "$virt" "$best"
    done
    if [ -n "${DISPLAY:-}" ]; then
        "$sim" -M SS-5 -m "${BENCH_BOOT_MEM:-128}" -kernel "$KERNEL" \
            -initrd "$INITRD" -display sdl \
            -append "console=ttyS0 console=tty0" -serial null \
            --timeout $((idle_s + 120)) </dev/null >/dev/null 2>&1 &
        pid=$!
        sleep 25            # booted, and the shell idle for a while
        t1=$(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null)
        sleep "$idle_s"
        t2=$(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null)
        kill "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
        if [ -n "$t1" ] && [ -n "$t2" ]; then
            awk -v a="$t1" -v b="$t2" -v s="$idle_s" \
                -v hz="$(getconf CLK_TCK)" 'BEGIN {
                printf "display: an idle shell in the window: %.2f%% of a" \
                       " host core (%.2f CPU s in %d wall s)\n",
                       100 * (b - a) / hz / s, (b - a) / hz, s }'
        else
            echo "bench: the idle window run ended early" >&2
            status=1
        fi
    fi
    if [ -n "$xpid" ]; then
        kill "$xpid" 2>/dev/null
        wait "$xpid" 2>/dev/null
    fi
}

status=0
if [ -n "$workloads" ]; then
    rom_bench
    echo
fi
if [ "${BENCH_BOOT:-1}" != 0 ]; then
    boot_bench
    echo
fi
if [ "${BENCH_BOOT:-1}" != 0 ] && [ "${BENCH_DISPLAY:-1}" != 0 ] &&
   [ $check = 0 ]; then
    display_bench
    echo
fi
if [ "${BENCH_DISK:-1}" != 0 ]; then
    disk_readme=()
    disk_bench
    echo
    if [ ${#disk_readme[@]} -gt 0 ]; then
        echo "disk figures (for the README; wall, best of $runs; ratio =" \
             "sun4m / qemu):"
        echo "| workload | sun4m | qemu-system-sparc | ratio |"
        echo "|---|---|---|---|"
        printf "%s\n" "${disk_readme[@]}"
        echo
    fi
fi
if [ "${BENCH_NET:-1}" != 0 ]; then
    net_readme=()
    net_bench
    echo
    if [ ${#net_readme[@]} -gt 0 ]; then
        echo "network figures (for the README; wall, best of $runs; ratio" \
             "= sun4m / qemu):"
        echo "| workload | sun4m | qemu-system-sparc | ratio |"
        echo "|---|---|---|---|"
        printf "%s\n" "${net_readme[@]}"
        echo
    fi
fi
load_note "at the end"
if [ $status != 0 ]; then
    echo "bench: FAILED (see above)"
fi
exit $status
