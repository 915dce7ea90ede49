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
# -bios builtin: our PROM beside the binary; a copy of the binary alone
mkdir "$tmp/alone"
cp "$sim" "$tmp/alone/sun4m"
sim_saved=$sim
sim=$tmp/alone/sun4m
expect 2 "sun4m-prom.elf is missing beside this binary" -- -bios builtin
sim=$sim_saved
expect 2 "expected NAME=VALUE"    -- -prom-env novalue
expect 2 "expected NAME=VALUE"    -- -prom-env =x
long=$(head -c 3000 /dev/zero | tr '\0' x)
expect 2 "PROM variables do not fit" -- --timeout 20 \
    -prom-env "a=$long" -prom-env "b=$long" -prom-env "c=$long"
expect 2 "profile-guest.*No such file" -- --profile-guest "$tmp/no/dir/p"
# the tree our PROM would get, also printed with OpenBIOS in the socket
expect 0 ""                       -- --dump-devtree -m 64
if ! grep -qx 'P \./compatible 73756e346d00' "$tmp/out" ||
   ! grep -qx 'P \./memory@0,0/reg 000000000000000002000000000000000200000002000000' "$tmp/out"; then
    echo "FAIL [--dump-devtree -m 64]: no root compatible 'sun4m' or no two 32 MB banks"
    fail=$((fail + 1))
else
    pass=$((pass + 1))
fi
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
# the network (-nic, -netdev, -net, -object filter-dump)
expect 2 "unknown network backend"  -- -nic frob
expect 2 "only model=lance"         -- -nic user,model=e1000
expect 2 "id= is required"          -- -netdev user
expect 2 "user: unknown option 'foo'" -- -nic user,foo=1
expect 2 "not an IPv4 address"      -- -nic user,host=10.0.2.x
expect 2 "not in the guest network" -- -nic user,dns=192.168.1.1
expect 2 "hostfwd=tcp::99999-:80: .*bad port" -- -nic user,hostfwd=tcp::99999-:80
expect 2 "no '-' before the guest"  -- -nic user,hostfwd=tcp::8080
expect 2 "only the cmd: form"       -- -nic user,guestfwd=tcp:10.0.2.100:80-tcp:1.2.3.4:80
expect 2 "no such netdev"           -- -netdev user,id=a -net nic,netdev=b
expect 2 "duplicate netdev id 'a'"  -- -netdev user,id=a -netdev user,id=a
expect 2 "one Ethernet controller"  -- -nic user -nic user
expect 2 "is longer than 31"        -- -netdev user,id=an-id-of-more-than-thirty-one-characters
expect 2 "unknown network backend"  -- -nic averyveryverylongbackendname
expect 2 "unknown option '=x'"      -- -nic user,=x
long=$(printf 'hostname=x%.0s,' $(seq 200))
expect 2 "network options too long" -- -nic "user,${long}restrict=on"
expect 2 "network options too long" -- -netdev "user,id=n,${long}restrict=on"
expect 2 "socket: one of listen="   -- -netdev socket,id=s
expect 2 "Connection refused"       -- -netdev socket,id=s,connect=127.0.0.1:1
expect 2 "scripts are not run"      -- -netdev tap,id=t,ifname=x,script=/etc/qemu-ifup
expect 2 "only filter-dump"         -- -object memory-backend-ram,id=m
expect 2 "netdev= and file= are required" -- -object filter-dump,id=f
expect 2 "filter-dump: no netdev 'x'" -- -object filter-dump,id=f,netdev=x,file="$tmp/x.pcap"
expect 2 "filter-dump: cannot create" -- -nic user -object filter-dump,id=f,netdev=nic0,file="$tmp/dir/no/x.pcap"
# a host forward on a port that is taken: one line, exit 2
python3 -c 'import socket,time,sys; s=socket.socket(); s.bind(("127.0.0.1",0)); s.listen(); print(s.getsockname()[1], flush=True); time.sleep(30)' >"$tmp/port" &
busy=$!
for _ in $(seq 50); do [ -s "$tmp/port" ] && break; sleep 0.1; done
expect 2 "cannot listen on 127.0.0.1:$(cat "$tmp/port")" -- -nic user,hostfwd=tcp::"$(cat "$tmp/port")"-:80
kill $busy 2>/dev/null; wait $busy 2>/dev/null
# a TAP that cannot be opened: one line, exit 2 (as an unprivileged user)
if [ "$(id -u)" -ne 0 ]; then
    expect 2 "tap: cannot" -- -netdev tap,id=t,ifname=sun4mcli0
elif command -v setpriv >/dev/null 2>&1; then
    sim_abs=$(cd "$(dirname "$sim")" && pwd)/$(basename "$sim")
    chmod 755 "$tmp"
    out=$(setpriv --reuid=65534 --regid=65534 --clear-groups "$sim_abs" \
          -netdev tap,id=t,ifname=sun4mcli0 </dev/null 2>&1)
    rc=$?
    if [ $rc -eq 2 ] && [ "$(echo "$out" | wc -l)" -eq 1 ] &&
            echo "$out" | grep -q "tap: cannot open /dev/net/tun: Permission denied"; then
        pass=$((pass + 1))
    else
        echo "FAIL [tap as nobody]: status $rc: $out"; fail=$((fail + 1))
    fi
fi

# the screen: options, and a window where none can be opened
expect 2 "expected sdl or none"   -- -display gtk
expect 2 "takes tcx or none"      -- -vga std
expect 2 "expected WIDTHxHEIGHT"  -- -g big
expect 2 "1024x768, 8 or 24 bits" -- -g 1152x900x8
expect 2 "1024x768, 8 or 24 bits" -- -g 1024x768x16
expect 2 "exclude each other"     -- -nographic -display sdl
expect 2 "needs a framebuffer"    -- -vga none --screenshot "$tmp/x.png"
expect 2 "needs a framebuffer"    -- -vga none -display sdl
expect 2 "expected a file name"   -- --screenshot ""
expect 2 "-display sdl: .*DISPLAY" -- -display sdl
DISPLAY=:4999 expect 2 "-display sdl: cannot" -- -display sdl
expect 2 "cannot open TCX FCode ROM" -- --tcx-rom "$tmp/missing"
expect 2 "TCX FCode ROM.*too large" -- --tcx-rom "$tmp/big"
# a screenshot that cannot be written: one line, status 1 where the run
# (a ROM that resets, with -no-reboot) would have ended with 0
if [ -f build/rom/alu.bin ]; then
    expect 1 "--screenshot: .*x.png" -- -bios build/rom/alu.bin \
        -no-reboot -display none -serial null --timeout 60 \
        --screenshot "$tmp/dir/no/x.png"
fi
expect 124 ""                     -- -display none -serial null \
    --vtimeout 0.01 --screenshot "$tmp/ok.png"
if [ -s "$tmp/ok.png" ] && [ ! -e "$tmp/ok.png.tmp" ]; then
    pass=$((pass + 1))
else
    echo "FAIL [--screenshot at a time limit]: no $tmp/ok.png"
    fail=$((fail + 1))
fi

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
