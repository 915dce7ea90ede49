#!/bin/bash
# Bad input on the command line and in images: each case must give a
# one-line error and the documented exit status, never a crash.
# usage: tests/cli/test-cli.sh SIM
set -u
sim=${1:-build/sun4m}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

# expect STATUS PATTERN -- ARGS...: run SIM ARGS, check status and that
# stderr is exactly one line matching PATTERN (empty PATTERN: no check)
expect() {
    want=$1 pat=$2
    shift 3
    "$sim" "$@" </dev/null >"$tmp/out" 2>"$tmp/err"
    rc=$?
    lines=$(wc -l <"$tmp/err")
    if [ "$rc" -ne "$want" ]; then
        echo "FAIL [$*]: exit status $rc, expected $want"; fail=$((fail + 1))
        sed 's/^/    /' "$tmp/err"
    elif [ -n "$pat" ] && { [ "$lines" -ne 1 ] || ! grep -q -e "$pat" "$tmp/err"; }; then
        echo "FAIL [$*]: stderr is not one line matching '$pat':"
        sed 's/^/    /' "$tmp/err"; fail=$((fail + 1))
    else
        pass=$((pass + 1))
    fi
}

: >"$tmp/empty"
head -c 2097152 /dev/zero >"$tmp/big"
printf '\177ELF\001\002\001' >"$tmp/badelf"
head -c 64 /dev/zero >"$tmp/zeros"          # unimp at the reset vector
mkdir "$tmp/dir"

expect 0 ""                       -- --help
expect 2 "unknown option '-frobnicate'" -- -frobnicate
expect 2 "needs an argument"      -- -bios
expect 2 "cannot open BIOS image" -- -bios "$tmp/missing"
# images on the SCSI bus
head -c 1048576 /dev/zero >"$tmp/disk.img"
expect 2 "cannot open image.*No such file" -- -hda "$tmp/nodisk.img"
expect 2 "empty"                  -- -hda "$tmp/empty"
expect 2 "directory"              -- -cdrom "$tmp/dir"
expect 2 "unknown key 'foo'"      -- -drive file="$tmp/disk.img",foo=1
expect 2 "expected a SCSI target" -- -drive file="$tmp/disk.img",index=7
expect 2 "expected a SCSI target" -- -drive file="$tmp/disk.img",index=x
expect 2 "only raw images"        -- -drive file="$tmp/disk.img",format=qcow2
expect 2 "only if=scsi"           -- -drive file="$tmp/disk.img",if=ide
expect 2 "no file="               -- -drive index=1
expect 2 "expected disk or cdrom" -- -drive file="$tmp/disk.img",media=tape
expect 2 "both on SCSI target 2"  -- -hdc "$tmp/disk.img" -cdrom "$tmp/disk.img"
ro="$tmp/disk.img,readonly=on"
expect 2 "every SCSI target (0..6) is taken" -- -drive file=$ro \
    -drive file=$ro -drive file=$ro -drive file=$ro -drive file=$ro \
    -drive file=$ro -drive file=$ro -drive file=$ro
expect 2 "expected a request number" -- --fail-io 0
# a writable image is locked while a simulator has it
"$sim" -nographic -serial null -hda "$tmp/disk.img" --timeout 20 \
    --expect "never printed" </dev/null >/dev/null 2>&1 &
holder=$!
for _ in $(seq 1 50); do
    # the holder has the image once it has printed nothing and is alive
    sleep 0.1
    if [ -d /proc/$holder ] && grep -q "disk.img" /proc/$holder/maps 2>/dev/null ||
            ls -l /proc/$holder/fd 2>/dev/null | grep -q disk.img; then
        break
    fi
done
expect 2 "in use by another process" -- -hda "$tmp/disk.img"
kill $holder 2>/dev/null; wait $holder 2>/dev/null
# ... and free again once it has gone
expect 3 "error mode" -- -bios "$tmp/zeros" -hda "$tmp/disk.img" -nographic
expect 2 "is empty"               -- -bios "$tmp/empty"
expect 2 "too large"              -- -bios "$tmp/big"
expect 2 "not a regular file"     -- -bios "$tmp/dir"
expect 2 "BIOS image"             -- -bios "$tmp/badelf"
expect 2 "invalid -m value 'abc'" -- -m abc -bios "$tmp/zeros"
expect 2 "invalid -m value '0'"   -- -m 0 -bios "$tmp/zeros"
expect 2 "too much memory"        -- -m 512 -bios "$tmp/zeros"
expect 2 "unsupported machine"    -- -M SS-20 -bios "$tmp/zeros"
expect 2 "serial"                 -- -serial tcp:1 -bios "$tmp/zeros"
expect 2 "invalid --vtimeout"     -- --vtimeout x -bios "$tmp/zeros"
expect 2 "bad text"               -- --expect '' -bios "$tmp/zeros"
bios=/usr/share/qemu/openbios-sparc32
if [ -f "$bios" ]; then
    expect 2 "OpenBIOS needs at least 32 MB" -- -m 16 -bios "$bios"
fi
printf 'not a kernel' | gzip >"$tmp/badgz"
head -c 100 "$tmp/badgz" >"$tmp/trunc.gz"
printf '\037\213garbage' >"$tmp/corrupt.gz"
head -c 9000000 /dev/zero >"$tmp/bigrd"
printf '\177ELF\001\002\001\000' >"$tmp/shortelf"
head -c 52 /dev/zero | tr '\0' 'x' >"$tmp/x52"
expect 2 "cannot open kernel"     -- -bios "$tmp/zeros" -kernel "$tmp/missing"
expect 2 "kernel.*truncated ELF"  -- -bios "$tmp/zeros" -kernel "$tmp/shortelf"
expect 2 "corrupt gzip"           -- -bios "$tmp/zeros" -kernel "$tmp/corrupt.gz"
expect 2 "cannot open initrd"     -- -bios "$tmp/zeros" -kernel "$tmp/x52" -initrd "$tmp/missing"
expect 2 "initrd.*too large"      -- -bios "$tmp/zeros" -kernel "$tmp/x52" -initrd "$tmp/bigrd"
expect 2 "-initrd needs -kernel"  -- -bios "$tmp/zeros" -initrd "$tmp/x52"
expect 2 "invalid -rtc"           -- -bios "$tmp/zeros" -rtc yesterday
expect 2 "invalid --mac"          -- -bios "$tmp/zeros" --mac 01:02:03:04:05:06
expect 2 "invalid -boot"          -- -bios "$tmp/zeros" -boot z
# an unimp at the reset vector with traps disabled: error mode
expect 3 "error mode: trap 0x02 (illegal_instruction)" -- -bios "$tmp/zeros" -nographic
# a console reader that goes away (head) does not kill the run
if [ -f build/rom/alu.bin ]; then
    "$sim" -bios build/rom/alu.bin -nographic -no-reboot </dev/null \
        2>"$tmp/err" | head -c 10 >/dev/null
    rc=${PIPESTATUS[0]:-0}
    if [ "$rc" -eq 0 ]; then
        pass=$((pass + 1))
    else
        echo "FAIL console reader gone: exit status $rc"; fail=$((fail + 1))
    fi
fi
# random bytes as a PROM: whatever happens, no crash and a defined status
i=0
while [ $i -lt 8 ]; do
    head -c 4096 /dev/urandom >"$tmp/rand$i"
    "$sim" -bios "$tmp/rand$i" -serial null --vtimeout 0.05 </dev/null \
        >/dev/null 2>"$tmp/err"
    rc=$?
    case $rc in
    0|3|124) pass=$((pass + 1)) ;;
    *) echo "FAIL random PROM $i: exit status $rc"; cat "$tmp/err"
       cp "$tmp/rand$i" "/tmp/sun4m-crash-rom-$i.bin"; fail=$((fail + 1)) ;;
    esac
    i=$((i + 1))
done
echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
