#!/bin/bash
# The TCX framebuffer, the SDL window, the Sun keyboard and mouse, end to
# end with the real PROM and the guest kernel:
#  - headless (-display none): OpenBIOS draws its banner and prompt on the
#    TCX, and the --screenshot PNG shows the same screen as
#    qemu-system-sparc's screendump from the same PROM (the reference, made
#    by tests/guest/qemu-screen.py once and kept in build/display/), in
#    8-bit and 24-bit mode; -vga none leaves the PROM on ttya;
#  - under Xvfb, in a real SDL window: Linux with its console on the
#    framebuffer (console=tty0, the kernel log also on ttya) takes keys
#    typed with xdotool (the shell writes the answer to /dev/ttyS0, which
#    --expect sees), draws its text in the window and in --screenshot
#    (read back with the kernel's own 8x16 font), gets mouse moves and
#    clicks on its evdev device, and Stop-A drops it into the PROM (which
#    on OpenBIOS prints "abort, power off" on ttya and powers off).
# usage: tests/guest/display.sh SIM
set -u
sim=${1:-build/sun4m}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
suite=display
# shellcheck source=tests/guest/lib.sh
. "$here/lib.sh"

bios=/usr/share/qemu/openbios-sparc32
screen=(python3 "$here/screen.py")
tmp=$(mktemp -d)
pids=()
# shellcheck disable=SC2317  # called by the trap
cleanup() {
    local p
    for p in "${pids[@]}"; do
        kill "$p" 2>/dev/null && wait "$p" 2>/dev/null
    done
    if [ "$fail" -gt 0 ]; then
        echo "display: the run's files are kept in $tmp"
    else
        rm -rf "$tmp"
    fi
}
trap cleanup EXIT
rtc=(-rtc base=2024-01-02T03:04:05)

if [ ! -f "$bios" ]; then
    skipped "$bios missing (make deps installs qemu-system-data)"
    finish
fi

# ---- a. headless: OpenBIOS on the TCX, --screenshot against QEMU --------
# The reference: QEMU's screen once OpenBIOS has drawn its prompt and the
# screen stays unchanged, cached under a key of the PROM, QEMU's version
# and the reference script.
refdir=$root/build/display
ref=
if ! command -v qemu-system-sparc >/dev/null 2>&1; then
    skipped "OpenBIOS screen against QEMU: qemu-system-sparc missing" \
        "(make deps installs it)"
else
    key=$({ sha256sum <"$bios"; qemu-system-sparc --version | head -1
            sha256sum <"$here/qemu-screen.py"; } | sha256sum | cut -c1-16)
    ref=$refdir/openbios-$key.png
    if [ ! -f "$ref" ]; then
        mkdir -p "$refdir"
        if ! python3 "$here/qemu-screen.py" "$ref" -- -m 128 \
                >"$tmp/ref.out" 2>&1; then
            skipped "OpenBIOS screen against QEMU: could not make the" \
                "reference: $(tail -3 "$tmp/ref.out" | tr '\n' ' ')"
            ref=
        fi
    fi
fi

# With the screen as its console OpenBIOS has drawn its prompt after about
# 11 s of virtual time (its first lines still go out on ttya at 9600
# baud); the run ends by --vtimeout (status 124) at 20 s, when the screen
# has long stopped changing, and writes the screenshot then.
for g in 1024x768x8 1024x768x24; do
    png=$tmp/openbios-$g.png
    "$sim" -M SS-5 -m 128 -display none -g "$g" "${rtc[@]}" -serial null \
        --vtimeout 20 --timeout 90 --screenshot "$png" \
        </dev/null >"$tmp/a.out" 2>"$tmp/a.err"
    rc=$?
    if [ $rc -ne 0 ] && [ $rc -ne 124 ]; then
        bad "-display none -g $g: exit status $rc: $(head -3 "$tmp/a.err")"
    elif [ ! -s "$png" ]; then
        bad "-display none -g $g: --screenshot wrote no $png" \
            "(status $rc): $(head -3 "$tmp/a.err")"
    elif [ -z "$ref" ]; then
        # no reference: at least the PROM drew text on a background
        if "${screen[@]}" ink "$png" >"$tmp/ink" &&
           read -r _ n _ rows _ <"$tmp/ink" && [ "$n" -gt 2000 ] &&
           [ "$rows" -ge 40 ]; then
            ok "-display none -g $g: the screenshot has text" \
                "($n ink pixels in $rows rows; no QEMU reference to compare)"
        else
            bad "-display none -g $g: no text in the screenshot: $(cat "$tmp/ink")"
        fi
    elif "${screen[@]}" compare "$png" "$ref" --max-diff 0.5 >"$tmp/cmp"; then
        ok "-display none -g $g: OpenBIOS's banner and prompt on the TCX" \
            "match QEMU's screen ($(sed -n 's/^compare: [0-9x]*, //p' "$tmp/cmp"))"
    else
        bad "-display none -g $g: the screenshot differs from QEMU's" \
            "(kept in $refdir/failed-$g.png):"
        sed 's/^/    /' "$tmp/cmp"
        cp "$png" "$refdir/failed-$g.png" 2>/dev/null
    fi
done

# -vga none: no framebuffer, so the PROM's console is ttya
if "$sim" -M SS-5 -m 128 -display none -vga none "${rtc[@]}" -serial null \
        --timeout 60 --log "$tmp/vga.log" --expect "Welcome to OpenBIOS" \
        --expect "0 > " </dev/null >/dev/null 2>"$tmp/vga.err"; then
    ok "-vga none: no framebuffer, OpenBIOS's banner and prompt on ttya"
else
    bad "-vga none: no OpenBIOS prompt on ttya: $(head -2 "$tmp/vga.err")" \
        "$(tail -c 200 "$tmp/vga.log" 2>/dev/null | tr '\n\r' '  ')"
fi

# ---- b-d. Linux in an SDL window under Xvfb ------------------------------
if ! guest=$("$root/tools/mkguest" 2>"$tmp/mkguest"); then
    bad "tools/mkguest could not build the guest: $(tail -2 "$tmp/mkguest")"
    finish
fi
eval "$guest"
if [ "$(sed -n 's/^init: //p' "$(dirname "$KERNEL")/manifest")" != busybox ]
then
    skipped "Linux on the framebuffer: the guest has no busybox shell"
    finish
fi
if ! grep -qx 'CONFIG_FB_TCX=y' "$(dirname "$KERNEL")/config" ||
   ! grep -qx 'CONFIG_KEYBOARD_SUNKBD=y' "$(dirname "$KERNEL")/config"; then
    bad "the guest kernel lacks the TCX or Sun keyboard driver" \
        "(tools/guest/kernel.config)"
    finish
fi
# The console font, to read the screen back: the kernel's own
font=
for f in "${SUN4M_GUEST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sun4m/guest}"/src/*/linux-source-6.1/lib/fonts/font_sun8x16.c; do
    [ -f "$f" ] && font=$f
done
if [ -z "$font" ] && [ -f /usr/src/linux-source-6.1.tar.xz ]; then
    font=$refdir/font_sun8x16.c
    [ -f "$font" ] || { mkdir -p "$refdir" &&
        tar -xJOf /usr/src/linux-source-6.1.tar.xz \
            linux-source-6.1/lib/fonts/font_sun8x16.c >"$font.tmp" &&
        mv "$font.tmp" "$font"; } || font=
fi

for tool in Xvfb xdotool; do
    if ! command -v $tool >/dev/null 2>&1; then
        skipped "Linux in an SDL window: $tool missing" \
            "(apt-get install xvfb xdotool)"
        finish
    fi
done
# Xvfb picks a free display itself (-displayfd: no race with another run)
mkdir -p "$tmp/x"
Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp -fbdir "$tmp/x" \
    3>"$tmp/xdisplay" >"$tmp/xvfb.log" 2>&1 &
pids+=("$!")
n=
for _ in $(seq 50); do
    read -r n <"$tmp/xdisplay" 2>/dev/null && [ -n "$n" ] &&
        DISPLAY=:$n xdotool getmouselocation >/dev/null 2>&1 && break
    n=
    sleep 0.2
done
if [ -z "$n" ]; then
    skipped "Linux in an SDL window: Xvfb did not start:" \
        "$(head -2 "$tmp/xvfb.log" | tr '\n' ' ')"
    finish
fi
export DISPLAY=:$n SDL_VIDEODRIVER=x11
unset WAYLAND_DISPLAY
xdo() { timeout 20 xdotool "$@"; }
# typeline TEXT: type TEXT in the window, then Return (xdotool's own "\n"
# is the Linefeed keysym, which has no key on X's keymap)
typeline() { xdo type --delay 40 -- "$1" && xdo key Return; }

log=$tmp/serial.log
shot=$tmp/linux.png
"$sim" -M SS-5 -m 128 -display sdl "${rtc[@]}" \
    -kernel "$KERNEL" -initrd "$INITRD" \
    -append "console=ttyS0 console=tty0" --timeout 170 --log "$log" \
    --screenshot "$shot" \
    --expect "hi-42" --expect "mouse-rel-and-left" \
    --expect "power-key-seen" --expect "reboot: Power down" \
    </dev/null >"$tmp/sdl.out" 2>"$tmp/sdl.err" &
simpid=$!
pids+=("$simpid")

# wait_log TEXT SECONDS: TEXT appeared on ttya (the --log copy) in time
wait_log() {
    local end=$((SECONDS + $2))
    while [ $SECONDS -lt $end ]; do
        grep -qF -- "$1" "$log" 2>/dev/null && return 0
        kill -0 $simpid 2>/dev/null || { grep -qF -- "$1" "$log" 2>/dev/null
                                        return; }
        sleep 0.2
    done
    return 1
}
# wait_end SECONDS: wait that long at most for the simulator to end; rc
# is its exit status, or "running" (then it is killed)
wait_end() {
    local end=$((SECONDS + $1))
    while kill -0 $simpid 2>/dev/null && [ $SECONDS -lt $end ]; do
        sleep 0.2
    done
    if kill -0 $simpid 2>/dev/null; then
        rc=running
        kill $simpid
        wait $simpid 2>/dev/null
    else
        wait $simpid
        rc=$?
    fi
}
sim_failed() {
    bad "$1 (simulator: $(head -3 "$tmp/sdl.err" | tr '\n' ' '))"
    tr -d '\r' <"$log" 2>/dev/null | tail -8 | sed 's/^/    | /'
    finish
}
# keys typed once the keyboard is registered (serio binds it
# asynchronously, it may come after /init starts) reach the console's tty
wait_log "Run /init as init process" 120 ||
    sim_failed "Linux did not start /init with console=tty0"
wait_log "input: Sun Type 5 keyboard" 20 ||
    sim_failed "Linux found no Sun keyboard on the keyboard ESCC"
wid=$(xdo search --sync --onlyvisible --pid $simpid 2>/dev/null | head -1)
[ -n "$wid" ] || wid=$(xdo search --onlyvisible --name sun4m | head -1)
[ -n "$wid" ] || sim_failed "no SDL window on $DISPLAY"
eval "$(xdo getwindowgeometry --shell "$wid")"   # X Y WIDTH HEIGHT
xdo mousemove --window "$wid" $((WIDTH / 2)) $((HEIGHT / 2))
xdo windowfocus --sync "$wid" 2>/dev/null || xdo windowfocus "$wid"
sleep 2   # the shell starting

# The lines typed are for the guest's shell: nothing expands here
# (shellcheck SC2016).
# b. keys typed in the window reach the shell on the framebuffer console
# shellcheck disable=SC2016
typeline 'echo hi-$((6*7)) > /dev/ttyS0'
if wait_log "hi-42" 40; then
    ok "keys typed in the SDL window (xdotool) reached the shell on tty0:" \
        "its answer came out of ttya"
else
    sim_failed "keys typed in the SDL window: no answer on ttya"
fi

# the screen: quiet the kernel, clear, print a line, read it back from the
# window (Xvfb's screen, cropped to the window) with the console's font
# shellcheck disable=SC2016
typeline 'dmesg -n 1; clear; echo screen-$((6*7))'
if [ -z "$font" ]; then
    skipped "the text in the window: no linux-source font_sun8x16.c to read it"
elif [ "$WIDTH"x"$HEIGHT" != 1024x768 ]; then
    bad "the SDL window is ${WIDTH}x$HEIGHT, not the 1024x768 of the screen"
else
    seen=
    for _ in $(seq 30); do
        if "${screen[@]}" crop "$tmp/x/Xvfb_screen0" "$X" "$Y" 1024 768 \
                "$tmp/win.png" 2>/dev/null &&
           "${screen[@]}" text "$tmp/win.png" "$font" >"$tmp/win.txt" &&
           [ "$(sed -n 1p "$tmp/win.txt")" = screen-42 ] &&
           sed -n 2p "$tmp/win.txt" | grep -q '^sun4m:/# *$'; then
            seen=1
            break
        fi
        sleep 0.5
    done
    if [ -n "$seen" ]; then
        ok "the SDL window shows the framebuffer console: 'screen-42' and" \
            "the prompt read back with the kernel's 8x16 font"
    else
        bad "the SDL window at ${X},$Y does not show 'screen-42' and the" \
            "prompt; read:"
        head -4 "$tmp/win.txt" 2>/dev/null | sed 's/^/    | /'
    fi
fi

# c. the mouse: a reader on the mouse's evdev node reports one relative
# motion then a left button event (struct input_event on sparc32: 8 bytes
# of time, u16 type, u16 code, s32 value)
# shellcheck disable=SC2016
typeline 'cd /sys/class/input;for e in event*;do grep -q Mouse $e/device/name&&m=$e;done;cd /;(exec 3</dev/input/$m;echo mouse-armed>/dev/ttyS0;r=0;while :;do set -- $(dd bs=16 count=1 <&3 2>/dev/null|od -An -tu2 -j8 -N4);[ "$1" = 2 ]&&r=1;[ "$1 $2 $r" = "1 272 1" ]&&break;done;echo mouse-rel-and-left>/dev/ttyS0)&'
if ! wait_log "mouse-armed" 40; then
    bad "the mouse: no evdev device named Mouse (or typing failed)"
else
    # the first click grabs the pointer (and is not the guest's); then
    # moves and clicks until the reader reports
    xdo mousemove --window "$wid" $((WIDTH / 2)) $((HEIGHT / 2)) click 1
    got=
    for _ in $(seq 10); do
        xdo mousemove_relative -- 40 25 mousemove_relative -- -30 -10 \
            click 1
        if wait_log "mouse-rel-and-left" 2; then
            got=1
            break
        fi
    done
    if [ -n "$got" ]; then
        ok "mouse moves and a click in the window reached" \
            "/dev/input/event* as EV_REL and BTN_LEFT"
    else
        bad "mouse moves and clicks in the window: no EV_REL + BTN_LEFT" \
            "on the guest's mouse device"
    fi
fi

# d. the window's close button is the keyboard's Power key: a reader on
# the keyboard's evdev node reports KEY_POWER (116) going down, and the
# guest's acpid (tools/guest/init) powers the machine off: the kernel's
# "reboot: Power down" ends the run with status 0
# shellcheck disable=SC2016
typeline 'cd /sys/class/input;for e in event*;do grep -q keyboard $e/device/name&&k=$e;done;cd /;echo power-armed-$k>/dev/ttyS0;[ -n "$k" ]&&(exec 3</dev/input/$k;while :;do set -- $(dd bs=16 count=1 <&3 2>/dev/null|od -An -tu2 -j8 -N4);[ "$1 $2" = "1 116" ]&&break;done;echo power-key-seen>/dev/ttyS0)&'
if ! wait_log "power-armed-event" 40; then
    bad "the Power key: no evdev device named ...keyboard (or typing failed):" \
        "$(grep -a power-armed "$log" | tr -d '\r')"
    kill $simpid 2>/dev/null
    wait $simpid 2>/dev/null
    if [ -n "$font" ] && [ -s "$shot" ]; then
        "${screen[@]}" text "$shot" "$font" 2>/dev/null | head -12 |
            sed 's/^/    screen| /'
    fi
else
    "$here/xclose.py" "$wid"
    wait_end 30
    if [ "$rc" = 0 ] && grep -qF "power-key-seen" "$log" &&
       grep -qF "reboot: Power down" "$log"; then
        ok "closing the window pressed the keyboard's Power key: KEY_POWER" \
            "on /dev/input, and the guest's acpid powered off (status 0)"
    else
        bad "closing the window: no KEY_POWER in the guest or no power-off" \
            "(simulator: $rc)"
        tr -d '\r' <"$log" | tail -4 | sed 's/^/    | /'
    fi
fi

# the --screenshot written when the run ended shows the same console
if [ ! -s "$shot" ]; then
    bad "--screenshot in the SDL run: no $shot"
elif [ -z "$font" ]; then
    if "${screen[@]}" ink "$shot" 0 0 1024 64 >"$tmp/ink" &&
       read -r _ n _ <"$tmp/ink" && [ "$n" -gt 100 ]; then
        ok "--screenshot of the Linux console has text at the top ($n ink" \
            "pixels; no font to read it)"
    else
        bad "--screenshot of the Linux console: no text: $(cat "$tmp/ink")"
    fi
elif "${screen[@]}" text "$shot" "$font" >"$tmp/shot.txt" &&
     [ "$(sed -n 1p "$tmp/shot.txt")" = screen-42 ] &&
     sed -n 2p "$tmp/shot.txt" | grep -q '^sun4m:/# cd /sys/class/input;for e'; then
    ok "--screenshot of the Linux console reads 'screen-42', then the" \
        "prompt and the mouse command typed after it"
else
    bad "--screenshot of the Linux console does not read as expected:"
    head -4 "$tmp/shot.txt" 2>/dev/null | sed 's/^/    | /'
fi

# e. Stop-A in a second boot: X's Cancel keysym is keycode 136 (evdev
# KEY_STOP), SDL's SDL_SCANCODE_CANCEL, the Sun keyboard's Stop (L1).
# Linux's keyboard handler calls the PROM (sun_do_break, prom_cmdline);
# OpenBIOS's pv_abort prints "abort, power off" on ttya and powers off.
log=$tmp/serial2.log
"$sim" -M SS-5 -m 128 -display sdl "${rtc[@]}" \
    -kernel "$KERNEL" -initrd "$INITRD" \
    -append "console=ttyS0 console=tty0" --timeout 120 --log "$log" \
    </dev/null >"$tmp/sdl.out" 2>"$tmp/sdl.err" &
simpid=$!
pids+=("$simpid")
wait_log "input: Sun Type 5 keyboard" 100 ||
    sim_failed "the second boot found no Sun keyboard"
wid=$(xdo search --sync --onlyvisible --pid $simpid 2>/dev/null | head -1)
[ -n "$wid" ] || sim_failed "no SDL window on $DISPLAY (second boot)"
xdo mousemove --window "$wid" 100 100
xdo windowfocus --sync "$wid" 2>/dev/null || xdo windowfocus "$wid"
sleep 2
stop_key=${STOP_KEY:-Cancel}
xdo keydown "$stop_key"
sleep 0.3
xdo key a
sleep 0.3
xdo keyup "$stop_key"
wait_end 20
if grep -qF "abort, power off" "$log" && [ "$rc" != running ] &&
   [ "$rc" != 124 ]; then
    ok "Stop-A ($stop_key + A) dropped Linux into the PROM: OpenBIOS's" \
        "'abort, power off' on ttya, the run ended (status $rc)"
else
    bad "Stop-A ($stop_key + A): no 'abort, power off' on ttya" \
        "(simulator: $rc; 20 s after the keys)"
    tr -d '\r' <"$log" | tail -4 | sed 's/^/    | /'
fi

# a second close quits: OpenBIOS at its prompt (which has no use for the
# Power key) runs on after the first and ends with status 0 at the second
"$sim" -M SS-5 -m 64 -display sdl -serial null --timeout 60 </dev/null \
    >"$tmp/close.out" 2>"$tmp/close.err" &
simpid=$!
pids+=("$simpid")
wid=$(xdo search --sync --onlyvisible --pid $simpid 2>/dev/null | head -1)
if [ -z "$wid" ]; then
    bad "a second close: no window ($(head -2 "$tmp/close.err"))"
else
    sleep 1
    "$here/xclose.py" "$wid"
    sleep 2
    if ! kill -0 $simpid 2>/dev/null; then
        bad "the first close of the window ended the run"
    else
        "$here/xclose.py" "$wid"
        wait_end 10
        if [ "$rc" = running ]; then
            bad "a second close of the window did not end the run"
        elif [ "$rc" = 0 ]; then
            ok "the first close left the machine running, the second" \
                "ended the run (status 0)"
        else
            bad "a second close ended the run with status $rc"
        fi
    fi
fi
finish
