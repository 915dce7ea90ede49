#!/bin/bash
# Disks and CDs on the ESP, seen by Linux 6.1:
#  - an ext2 image made on the host mounts, and the md5 of a file inside is
#    the host's;
#  - the guest writes a file, syncs, powers off: the host reads it back
#    (debugfs); a file the guest synced survives a SIGTERM of the simulator;
#  - an ISO 9660 image mounts on the CD-ROM (sr0) and reads back;
#  - a host I/O error (injected) reaches the guest as an I/O error and the
#    run goes on;
#  - aligned transfers bounce no byte (--stats).
# usage: tests/guest/disk.sh SIM
set -u
sim=${1:-build/sun4m}
root=$(cd "$(dirname "$0")/../.." && pwd)
suite=disk
# shellcheck source=tests/guest/lib.sh
. "$(dirname "$0")/lib.sh"

if ! guest=$("$root/tools/mkguest"); then
    bad "tools/mkguest could not build the guest"
    finish
fi
eval "$guest"
mode=$(sed -n 's/^init: //p' "$(dirname "$KERNEL")/manifest")
if [ "$mode" != busybox ]; then
    skipped "the guest has no shell (busybox missing: mini init)"
    finish
fi
for t in mke2fs debugfs genisoimage; do
    if ! command -v "$t" >/dev/null 2>&1 &&
            ! [ -x "/usr/sbin/$t" ] && ! [ -x "/sbin/$t" ]; then
        skipped "$t missing (make deps installs it)"
        finish
    fi
done
PATH=$PATH:/usr/sbin:/sbin
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

common=(-M SS-5 -m 128 -nographic -serial null -no-reboot "${prom[@]}"
        -kernel "$KERNEL" -initrd "$INITRD" -append "console=ttyS0"
        -rtc base=2024-01-02T03:04:05 --timeout 300)

# An ext2 image with a 1 MB file of known content.
mkdir -p "$tmp/fs/sub"
head -c 1048576 /dev/urandom >"$tmp/fs/sub/data.bin"
want=$(md5sum <"$tmp/fs/sub/data.bin" | cut -d' ' -f1)
mke2fs -q -F -t ext2 -b 1024 -d "$tmp/fs" "$tmp/disk.img" 8M >/dev/null
"$sim" "${common[@]}" -hda "$tmp/disk.img" --stats --log "$tmp/log1" \
    --expect "sun4m:/# " \
    --send 'mkdir -p /mnt && mount -t ext2 /dev/sda /mnt && echo mounted\n' \
    --expect "mounted" --expect "# " \
    --send 'md5sum /mnt/sub/data.bin\n' --expect "$want" --expect "# " \
    --send 'echo written by the guest > /mnt/sub/new.txt; sync; umount /mnt; echo "umount rc=$?"\n' \
    --expect "umount rc=0" --expect "# " \
    --send 'poweroff -f\n' </dev/null 2>"$tmp/err1"
rc=$?
if [ $rc -eq 0 ]; then
    ok "ext2 image mounted on sda, md5 of a 1 MB file matches the host's"
else
    bad "ext2 mount/md5: exit status $rc"
    sed 's/^/    /' "$tmp/err1"; tail -20 "$tmp/log1" | sed 's/^/    /'
fi
got=$(debugfs -R 'cat /sub/new.txt' "$tmp/disk.img" 2>/dev/null)
if [ "$got" = "written by the guest" ]; then
    ok "a file the guest wrote is in the image after power-off"
else
    bad "the guest's file is not in the image (debugfs: '$got')"
fi
bounced=$(sed -n 's/.*bounced-bytes \([0-9]*\).*/\1/p' "$tmp/err1")
moved=$(sed -n 's/.*dma-bytes \([0-9]*\).*/\1/p' "$tmp/err1")
if [ "${bounced:-x}" = 0 ] && [ "${moved:-0}" -gt 1048576 ]; then
    ok "$moved bytes moved by DMA, 0 bounced"
else
    bad "DMA statistics: moved '${moved:-}', bounced '${bounced:-}'"
fi

# A write the guest synced survives a SIGTERM of the simulator.
mke2fs -q -F -t ext2 -b 1024 "$tmp/disk2.img" 4M >/dev/null
"$sim" "${common[@]}" -hda "$tmp/disk2.img" --log "$tmp/log2" \
    --expect "sun4m:/# " \
    --send 'mkdir -p /mnt && mount -t ext2 /dev/sda /mnt && echo durable > /mnt/d.txt && sync && echo synced\n' \
    --expect "synced" --expect "# " \
    --send 'sleep 1000\n' </dev/null 2>"$tmp/err2" &
pid=$!
for _ in $(seq 1 300); do
    grep -q "synced" "$tmp/log2" 2>/dev/null && break
    sleep 0.2
done
sleep 0.5
kill -TERM "$pid" 2>/dev/null
wait "$pid"
got=$(debugfs -R 'cat /d.txt' "$tmp/disk2.img" 2>/dev/null)
if [ "$got" = durable ]; then
    ok "a synced write survived SIGTERM"
else
    bad "synced write lost after SIGTERM (debugfs: '$got')"
fi

# An ISO 9660 CD on target 2.
mkdir -p "$tmp/iso"
head -c 300000 /dev/urandom >"$tmp/iso/cdfile.bin"
wantcd=$(md5sum <"$tmp/iso/cdfile.bin" | cut -d' ' -f1)
genisoimage -quiet -r -o "$tmp/cd.iso" "$tmp/iso" 2>/dev/null
# Read twice: the second run must give the same console and counts.
for run in a b; do
    "$sim" "${common[@]}" -cdrom "$tmp/cd.iso" --stats --log "$tmp/cd$run" \
        --expect "sun4m:/# " \
        --send 'mkdir -p /mnt && mount -t iso9660 -o ro /dev/sr0 /mnt && md5sum /mnt/cdfile.bin\n' \
        --expect "$wantcd" --expect "# " \
        --send 'poweroff -f\n' </dev/null 2>"$tmp/cderr$run"
    rc=$?
    [ "$run" = a ] && rca=$rc
done
if [ "$rca" -eq 0 ]; then
    ok "ISO 9660 image mounted on sr0, md5 matches"
else
    bad "CD: exit status $rca"
    sed 's/^/    /' "$tmp/cderra"; tail -20 "$tmp/cda" | sed 's/^/    /'
fi
sa=$(grep -o 'instructions [0-9]* cycles [0-9]*' "$tmp/cderra")
sb=$(grep -o 'instructions [0-9]* cycles [0-9]*' "$tmp/cderrb")
if [ -n "$sa" ] && [ "$sa" = "$sb" ] && cmp -s "$tmp/cda" "$tmp/cdb"; then
    ok "two CD runs: identical consoles, $sa"
else
    bad "two CD runs differ: '$sa' / '$sb'"
fi

# A host error reaches the guest as an I/O error; the run goes on.
"$sim" "${common[@]}" -hda "$tmp/disk.img" --fail-io 30 --log "$tmp/log4" \
    --expect "sun4m:/# " \
    --send 'dd if=/dev/sda of=/dev/null bs=64k 2>&1 | tail -1; echo "dd rc done"\n' \
    --expect "dd rc done" --expect "# " \
    --send 'echo still alive\n' --expect "still alive" --expect "# " \
    --send 'poweroff -f\n' </dev/null 2>"$tmp/err4"
rc=$?
if [ $rc -eq 0 ] && grep -qiE "I/O error|medium error" "$tmp/log4"; then
    ok "an injected host EIO reached the guest as an I/O error, run went on"
else
    bad "EIO injection: exit status $rc, error seen: $(grep -ciE 'I/O error|medium error' "$tmp/log4")"
    tail -20 "$tmp/log4" | sed 's/^/    /'
fi

# Linux with its root file system on the SCSI disk (tools/mkguest --rootfs)
if rootfs=$("$root/tools/mkguest" --rootfs 2>/dev/null | sed -n 's/^ROOTFS=//p') &&
        [ -f "$rootfs" ]; then
    cp "$rootfs" "$tmp/root.img"
    "$sim" -M SS-5 -m 128 -nographic -serial null -no-reboot "${prom[@]}" \
        -kernel "$KERNEL" -hda "$tmp/root.img" \
        -append "root=/dev/sda rw console=ttyS0" \
        -rtc base=2024-01-02T03:04:05 --timeout 300 --log "$tmp/log5" \
        --expect "sun4m:/# " \
        --send 'grep " / " /proc/mounts; echo root-ok > /rootfile; sync\n' \
        --expect "/dev/root / ext" --expect " rw," --expect "# " \
        --send 'poweroff -f\n' </dev/null 2>"$tmp/err5"
    rc=$?
    got=$(debugfs -R 'cat /rootfile' "$tmp/root.img" 2>/dev/null)
    if [ $rc -eq 0 ] && [ "$got" = root-ok ]; then
        ok "Linux booted with its root on the SCSI disk and wrote to it"
    else
        bad "root on disk: exit status $rc, file '$got'"
        tail -20 "$tmp/log5" | sed 's/^/    /'
    fi
else
    bad "tools/mkguest --rootfs made no root.img"
fi

# OpenBIOS shows a node for every target (show-devs at its prompt)
"$sim" -M SS-5 -m 64 -nographic -serial null -hda "$tmp/disk.img" \
    -cdrom "$tmp/cd.iso" -drive file="$tmp/disk2.img",index=5 \
    --timeout 60 --log "$tmp/log6" --expect "0 > " \
    --send 'show-devs\n' --expect " ok" </dev/null 2>"$tmp/err6"
rc=$?
nodes=$(grep -oE 'esp@[0-9a-f,]+/sd@[0-9],0' "$tmp/log6" | sed 's/.*sd@//' |
        tr '\n' ' ')
if [ $rc -eq 0 ] && [ "$nodes" = "0,0 2,0 5,0 " ]; then
    ok "OpenBIOS lists a node for each target (sd@$nodes)"
else
    bad "OpenBIOS show-devs: exit status $rc, nodes '$nodes'"
    grep -i "sd@\|esp" "$tmp/log6" | sed 's/^/    /'
fi
finish
