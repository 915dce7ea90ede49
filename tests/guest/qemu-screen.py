#!/usr/bin/env python3
"""The reference screen for tests/guest/display.sh: boots qemu-system-sparc
-M SS-5 headless (-display none) with the given extra arguments, takes a
monitor `screendump` every half second, and once the screen has text and
has not changed for STABLE seconds (OpenBIOS waiting at its prompt: it
draws nothing more and does not blink its cursor) writes it as OUT.png.

usage: tests/guest/qemu-screen.py OUT.png [--stable S] [--timeout S]
                                  [-- QEMU-ARGS...]
exit status 0 on success, 1 if QEMU failed or the screen never settled.
"""
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import screen  # noqa: E402


class Monitor:
    def __init__(self, path, deadline):
        while True:
            try:
                self.s = socket.socket(socket.AF_UNIX)
                self.s.connect(path)
                break
            except OSError:
                self.s.close()
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        self.s.settimeout(10)
        self.read_prompt()

    def read_prompt(self):
        buf = b""
        while not buf.endswith(b"(qemu) "):
            data = self.s.recv(65536)
            if not data:
                raise OSError("monitor closed")
            buf += data
        return buf

    def cmd(self, line):
        self.s.sendall(line.encode() + b"\n")
        return self.read_prompt()


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    out = argv[1]
    stable, timeout = 3.0, 90.0
    rest = argv[2:]
    extra = []
    while rest:
        a = rest.pop(0)
        if a == "--stable":
            stable = float(rest.pop(0))
        elif a == "--timeout":
            timeout = float(rest.pop(0))
        elif a == "--":
            extra = rest
            break
        else:
            print(__doc__, file=sys.stderr)
            return 2
    tmp = tempfile.mkdtemp()
    sock = os.path.join(tmp, "mon")
    qemu = subprocess.Popen(
        ["qemu-system-sparc", "-M", "SS-5", "-display", "none",
         "-monitor", "unix:%s,server,nowait" % sock, "-serial", "null",
         "-parallel", "none"] + extra,
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        stderr=open(os.path.join(tmp, "err"), "w"))
    start = time.monotonic()
    deadline = start + timeout
    rc = 1
    try:
        mon = Monitor(sock, start + 20)
        last = None
        since = None
        dump = os.path.join(tmp, "s.ppm")
        while time.monotonic() < deadline:
            if qemu.poll() is not None:
                print("qemu-screen: qemu-system-sparc exited (%d)"
                      % qemu.returncode, file=sys.stderr)
                break
            mon.cmd("screendump " + dump)
            try:
                img = screen.load(dump)
            except (OSError, ValueError):
                img = None
            now = time.monotonic()
            if img is None or img != last:
                last, since = img, now
            elif now - since >= stable:
                px = screen.pixels(img[2])
                rows = screen.bands(screen.ink_mask(
                    img[0], img[1], px, screen.background(px)))
                if rows:
                    screen.write_png(out + ".tmp", *img)
                    os.replace(out + ".tmp", out)
                    print("qemu-screen: %s after %.1f s, %d text rows"
                          % (out, since - start, len(rows)))
                    rc = 0
                    break
            time.sleep(0.5)
        else:
            print("qemu-screen: the screen did not settle in %.0f s" % timeout,
                  file=sys.stderr)
        try:
            mon.cmd("quit")
        except OSError:
            pass
    except OSError as e:
        print("qemu-screen: monitor: %s" % e, file=sys.stderr)
    finally:
        try:
            qemu.wait(10)
        except subprocess.TimeoutExpired:
            qemu.kill()
            qemu.wait()
        if rc:
            with open(os.path.join(tmp, "err")) as f:
                sys.stderr.write(f.read()[-2000:])
        shutil.rmtree(tmp, ignore_errors=True)
    return rc


if __name__ == "__main__":
    sys.exit(main(sys.argv))
