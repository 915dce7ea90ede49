#!/bin/sh
# Every #include "..." in the simulator's C goes down the layers, never up
# or sideways (hw/README.md, "Rooms"):
#
#   hw/core    bus, RAM blocks, event clock, irq lines, device context, log
#   hw/host    host backends (console, image loader, runner)   -> core
#   cpu        integer unit, FPU, SRMMU                         -> core
#   dma        the vectored DMA chain                           -> core, host
#   net        host network backends                            -> core, host, dma
#   hw/scsi    targets on the SCSI bus (disk, CD-ROM)           -> core, host, dma
#   hw/chips   one chip per file, unaware of each other         -> core, host, dma, net, scsi
#   hw/board   the board table, wiring, machine loop            -> all of the above
#   main.c     the command line                                 -> everything
#
# Prints each include that breaks the rule and exits 1 if there is one.
cd "$(dirname "$0")/.." || exit 2
allowed() {
    case $1 in
    hw/core/*)  echo "hw/core" ;;
    hw/host/*)  echo "hw/core hw/host" ;;
    cpu/*)      echo "hw/core cpu" ;;
    dma/*)      echo "hw/core hw/host dma" ;;
    net/*)      echo "hw/core hw/host dma net" ;;
    hw/scsi/*)  echo "hw/core hw/host dma hw/scsi" ;;
    hw/chips/*) echo "hw/core hw/host dma net hw/scsi" ;;
    hw/board/*) echo "hw/core hw/host dma net hw/scsi cpu hw/chips hw/board firmware/prom" ;;
    *)          echo "*" ;;
    esac
}
bad=0
n=0
for f in $(find hw cpu dma net -name '*.[ch]' 2>/dev/null | sort) main.c; do
    ok=$(allowed "$f")
    own=${f%/*}
    for inc in $(sed -n 's/^#include "\([^"]*\)".*/\1/p' "$f"); do
        n=$((n + 1))
        room=${inc%/*}
        [ "$ok" = "*" ] && continue
        # a chip's own header is its own room; other chips are not
        if [ "$own" = hw/chips ] && [ "$room" = hw/chips ]; then
            base=${f##*/}; base=${base%.*}
            case $inc in hw/chips/"$base".h) continue ;; esac
            echo "layers: $f includes $inc (a chip includes no other chip)"
            bad=$((bad + 1))
            continue
        fi
        case " $ok " in
        *" $room "*) ;;
        *) echo "layers: $f includes $inc ($own may include: $ok)"
           bad=$((bad + 1)) ;;
        esac
    done
done
echo "layers: $n includes checked, $bad against the layering"
[ $bad -eq 0 ]
