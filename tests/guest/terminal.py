#!/usr/bin/env python3
"""The interactive console on a real terminal (a pty), as `make run` uses
it: keys typed reach the guest (OpenBIOS evaluates a Forth line), Ctrl-A x
quits with status 0, and the terminal's modes are restored afterwards.

usage: tests/guest/terminal.py SIM
"""
import os
import select
import subprocess
import sys
import termios
import time

BIOS = "/usr/share/qemu/openbios-sparc32"


def read_until(fd, text, timeout, buf):
    end = time.monotonic() + timeout
    while text not in buf[0]:
        left = end - time.monotonic()
        if left <= 0:
            return False
        r, _, _ = select.select([fd], [], [], left)
        if r:
            try:
                data = os.read(fd, 4096)
            except OSError:
                return False
            if not data:
                return False
            buf[0] += data.decode("latin-1")
    return True


def main():
    sim = sys.argv[1] if len(sys.argv) > 1 else "build/sun4m"
    if not os.path.exists(BIOS):
        print(f"terminal: SKIP: {BIOS} missing")
        print("0 passed, 0 failed, 1 skipped")
        return 0
    master, slave = os.openpty()
    before = termios.tcgetattr(slave)
    proc = subprocess.Popen([sim, "-M", "SS-5", "-m", "64", "-nographic"],
                            stdin=slave, stdout=slave, stderr=slave,
                            start_new_session=True)
    buf = [""]
    fails = []
    if not read_until(master, "0 > ", 120, buf):
        fails.append("no OpenBIOS prompt")
    else:
        os.write(master, b"hex 7 6 * . cr\r")
        if not read_until(master, "2a", 30, buf):
            fails.append("typed Forth line not answered")
        os.write(master, b"\x01x")             # Ctrl-A x
    try:
        rc = proc.wait(30)
    except subprocess.TimeoutExpired:
        proc.kill()
        rc = None
        fails.append("Ctrl-A x did not end the run")
    if rc not in (None, 0):
        fails.append(f"exit status {rc} after Ctrl-A x")
    after = termios.tcgetattr(slave)
    if after != before:
        fails.append("terminal modes not restored")
    os.close(master)
    os.close(slave)
    if fails:
        for f in fails:
            print(f"terminal: FAIL {f}")
        print("    console: " + buf[0][-400:].replace("\n", "\n    "))
        print(f"0 passed, {len(fails)} failed")
        return 1
    print("terminal: PASS typing, Ctrl-A x and terminal restore")
    print("1 passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
