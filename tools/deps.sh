#!/bin/sh
# Install the Debian packages this project needs, if any is missing.
# Quick (one dpkg-query) when everything is present; idempotent.
set -eu
# build: C toolchain and libraries; SPARC code: the cross toolchain;
# tests and benchmarks: CUnit, qemu-system-sparc (reference machine; its
# data package carries OpenBIOS), python3, time; guest kernel
# (tools/mkguest): linux-source-6.1 and what its build needs; disk and CD
# images for the guest tests: e2fsprogs (mke2fs -d, debugfs), genisoimage;
# the network tests read pcap files with tcpdump; the display: libpng (PNG
# screenshots), and Xvfb, xdotool and xwininfo to drive a real SDL window.
pkgs="build-essential make gcc-sparc64-linux-gnu binutils-sparc64-linux-gnu \
libcunit1-dev libsdl2-dev libaio-dev zlib1g-dev libslirp-dev \
qemu-system-sparc qemu-system-data python3 time \
linux-source-6.1 bc bison flex xz-utils gzip e2fsprogs genisoimage \
tcpdump libpng-dev xvfb xauth xdotool x11-utils"
missing=""
for p in $pkgs; do
    if ! dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | \
            grep -q '^install ok installed$'; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0
echo "deps: installing:$missing"
if [ "$(id -u)" -ne 0 ]; then
    SUDO=sudo
else
    SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing
