#!/bin/bash
# OpenBIOS boots a program of ours from a SCSI disk and from a CD:
#  - tools/mkbootimg makes a Sun-labelled disk and an ISO 9660 CD with a Sun
#    label in block 0 (genisoimage -sparc-boot), both carrying the boot
#    program of firmware/boot (an a.out in blocks 1-15 of the boot
#    partition) and data blocks it reads back;
#  - with -boot c (disk:a) and -boot d (cdrom:d) the PROM loads and starts
#    it; it prints through the romvec, opens the boot path, reads the data
#    through the PROM's driver, checks their CRC-32, prints BOOT-OK and
#    powers off through pv_halt (exit status 0 with no --expect);
#  - a disk whose data were damaged gives BOOT-FAIL (the check can fail);
#  - if qemu-system-sparc is installed, it boots the same images and the
#    console from the PROM's "Trying ..." to BOOT-OK is identical.
# usage: tests/guest/boot.sh SIM
set -u
sim=${1:-build/sun4m}
root=$(cd "$(dirname "$0")/../.." && pwd)
bios=/usr/share/qemu/openbios-sparc32
suite=boot
# shellcheck source=tests/guest/lib.sh
. "$(dirname "$0")/lib.sh"

for need in genisoimage sparc64-linux-gnu-gcc; do
    if ! command -v "$need" >/dev/null 2>&1; then
        skipped "$need missing (make deps installs it)"
        finish
    fi
done
if [ ! -f "$bios" ]; then
    skipped "$bios missing (make deps installs qemu-system-data)"
    finish
fi

# The boot program: through the top Makefile once it includes
# firmware/boot/Makefile.inc, else with that fragment added here.
aout=$root/build/boot/boot.aout
if ! make -s -C "$root" build/boot/boot.aout >/dev/null 2>&1 &&
        ! make -s -C "$root" -f Makefile -f firmware/boot/Makefile.inc \
            build/boot/boot.aout; then
    bad "make build/boot/boot.aout failed"
    finish
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if "$root/tools/mkbootimg" --quiet --disk "$tmp/disk.img" --cd "$tmp/cd.iso" \
        "$aout" 2>"$tmp/mkerr"; then
    ok "tools/mkbootimg made a Sun-labelled disk and a sparc-bootable CD" \
       "($(wc -c <"$aout") byte a.out)"
else
    bad "tools/mkbootimg: $(cat "$tmp/mkerr")"
    finish
fi

common=(-M SS-5 -m 64 -nographic -rtc base=2024-01-02T03:04:05)

# boot_sim NAME WANT-TEXT SIM-ARGS...: no --expect, so status 0 means the
# guest powered the machine off (our pv_halt); the log must show BOOT-OK
# and that the program read its own medium's data.
boot_sim() {
    local name=$1 want=$2
    shift 2
    "$sim" "${common[@]}" -serial null --timeout 120 --log "$tmp/$name.sun4m" \
        "$@" </dev/null 2>"$tmp/$name.err"
    local rc=$?
    if [ $rc -eq 0 ] && grep -q '^BOOT-OK' "$tmp/$name.sun4m" &&
            grep -q "^boot: text: .*$want" "$tmp/$name.sun4m"; then
        ok "$name: OpenBIOS ran our boot program, it read its data" \
           "through the romvec, BOOT-OK, powered off"
    else
        bad "$name: exit status $rc; console:"
        sed 's/^/    /' "$tmp/$name.err"
        tail -25 "$tmp/$name.sun4m" | sed 's/^/    /'
    fi
}

boot_sim disk "on a disk" -hda "$tmp/disk.img" -boot c
boot_sim cd "on a CD" -cdrom "$tmp/cd.iso" -boot d

# One byte of one pattern block flipped: the program must notice.
cp "$tmp/disk.img" "$tmp/bad.img"
printf '\xff' | dd of="$tmp/bad.img" bs=1 seek=$((8704 + 512 * 50 + 100)) \
    conv=notrunc status=none
"$sim" "${common[@]}" -serial null --timeout 120 --log "$tmp/bad.sun4m" \
    -hda "$tmp/bad.img" -boot c </dev/null 2>/dev/null
rc=$?
if [ $rc -eq 0 ] && grep -q '^BOOT-FAIL' "$tmp/bad.sun4m" &&
        grep -q 'CRC-32 differs' "$tmp/bad.sun4m"; then
    ok "damaged data: the program says BOOT-FAIL (CRC-32 differs)"
else
    bad "damaged data: exit status $rc, BOOT-FAIL not seen"
    tail -8 "$tmp/bad.sun4m" | sed 's/^/    /'
fi

# Differential: QEMU boots the same images; the console from the PROM's
# "Trying" line to BOOT-OK (the PROM's loader messages and everything the
# program prints) must be the same.
if ! command -v qemu-system-sparc >/dev/null 2>&1; then
    echo "boot: SKIP differential: qemu-system-sparc missing"
    skip=$((skip + 2))
    finish
fi
span() { tr -d '\r' <"$1" | sed -n '/^Trying /,/^BOOT-/p'; }
same_as_qemu() {
    local name=$1
    shift
    # OpenBIOS's pv_halt powers QEMU off too; timeout in case it does not
    timeout 120 qemu-system-sparc "${common[@]}" "$@" </dev/null \
        >"$tmp/$name.qemu" 2>"$tmp/$name.qerr"
    span "$tmp/$name.qemu" >"$tmp/$name.qspan"
    span "$tmp/$name.sun4m" >"$tmp/$name.sspan"
    if grep -q '^BOOT-OK' "$tmp/$name.qspan" &&
            cmp -s "$tmp/$name.qspan" "$tmp/$name.sspan"; then
        ok "$name: console identical to QEMU's from 'Trying' to BOOT-OK" \
           "($(grep -c '^boot: ' "$tmp/$name.qspan") program lines)"
    else
        bad "$name: console differs from QEMU's (- qemu, + sun4m):"
        diff -u "$tmp/$name.qspan" "$tmp/$name.sspan" | sed -n '3,40p'
        [ -s "$tmp/$name.qspan" ] || tail -5 "$tmp/$name.qerr"
    fi
}
same_as_qemu disk -drive file="$tmp/disk.img",format=raw,if=scsi,index=0 \
    -boot c
same_as_qemu cd -drive file="$tmp/cd.iso",format=raw,if=scsi,index=2,media=cdrom \
    -boot d
finish
