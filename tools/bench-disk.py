#!/usr/bin/env python3
"""bench-disk.py - drive a simulator's console and time marker lines on it.

usage: tools/bench-disk.py [--wait] [--timeout S] [--log FILE] [--null-stdin]
                           STEP... -- CMD...
STEP:  --expect TEXT        wait until TEXT appears on the console
       --send TEXT          type TEXT (escapes \\n \\r \\t \\xHH)
       --mark NAME TEXT     wait until TEXT appears; NAME = when it did

Starts CMD with stdin and stdout on pipes (stderr is inherited) and works
through the steps in order, each --expect / --mark looking at the console
output after the point where the previous one matched.  The same script
drives qemu-system-sparc and build/sun4m (-nographic: the console is
stdio), so the moments are taken the same way on both: when this process
reads the marker from the pipe.  --null-stdin: CMD's stdin is /dev/null
and every --send is skipped, for a CMD that types the same text itself
(build/sun4m --expect/--send: with input on a pipe it polls the pipe every
100 us of virtual time, which costs it wall time and the input is not what
is measured).  When the steps are done, the process is killed (SIGKILL:
qemu-system-sparc would run on); with --wait it is left to end by itself
(e.g. after a last --send 'poweroff -f\\n') until --timeout.

Prints one line on stdout:
    NAME=S ... end=S rc=N rss=KB cpu=S
with, for every --mark, the wall seconds from just before CMD was started
until its TEXT was read ("-" if never), end: until the process was reaped,
rc: its exit status (negative: killed by that signal), rss: its peak
resident set in KB and cpu: its user + system seconds (all threads), both
from wait4() (the numbers /usr/bin/time reports).  If a step never
completed, a second line "failed: waiting for 'TEXT'" follows.  Exit
status 0 if every step completed, 1 if not, 2 on bad usage.
"""

import codecs
import os
import select
import signal
import subprocess
import sys
import time


def usage():
    sys.stderr.write(__doc__.split("\n\n")[1] + "\n")
    sys.exit(2)


def unescape(text):
    return codecs.decode(text.encode(), "unicode_escape").encode("latin-1")


def main(argv):
    wait = False
    limit = 600.0
    log = None
    null_stdin = False
    steps = []                  # (kind, name, bytes)
    args = argv[1:]
    while args and args[0] != "--":
        opt = args.pop(0)
        if opt == "--wait":
            wait = True
        elif opt == "--timeout" and args:
            limit = float(args.pop(0))
        elif opt == "--null-stdin":
            null_stdin = True
        elif opt == "--log" and args:
            log = open(args.pop(0), "wb")
        elif opt == "--expect" and args:
            steps.append(("expect", None, unescape(args.pop(0))))
        elif opt == "--send" and args:
            steps.append(("send", None, unescape(args.pop(0))))
        elif opt == "--mark" and len(args) >= 2:
            name = args.pop(0)
            if name in ("end", "rc", "rss", "cpu"):
                usage()
            steps.append(("mark", name, unescape(args.pop(0))))
        else:
            usage()
    if len(args) < 2 or args[0] != "--":
        usage()
    cmd = args[1:]

    marks = [(s[1], None) for s in steps if s[0] == "mark"]
    seen = {}
    t0 = time.monotonic()
    deadline = t0 + limit
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE,
                            stdin=(subprocess.DEVNULL if null_stdin
                                   else subprocess.PIPE))
    fd = proc.stdout.fileno()
    buf = b""                   # console output not yet matched
    step = 0
    pending = None
    eof = False
    while step < len(steps):
        kind, name, text = steps[step]
        if kind == "send":
            if null_stdin:
                step += 1
                continue
            try:
                os.write(proc.stdin.fileno(), text)
            except OSError:
                pending = text
                break
            step += 1
            continue
        pos = buf.find(text)
        if pos >= 0:
            if kind == "mark":
                seen[name] = time.monotonic() - t0
            buf = buf[pos + len(text):]
            step += 1
            continue
        left = deadline - time.monotonic()
        if eof or left <= 0:
            pending = text
            break
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            pending = text
            break
        data = os.read(fd, 65536)
        if not data:
            eof = True
            continue
        if log:
            log.write(data)
        buf += data
    if pending is not None or not wait:
        proc.kill()
    else:
        # Drain until the process closes stdout so it never blocks on a
        # full pipe, then reap it (bounded by the same deadline).
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [],
                                        deadline - time.monotonic())
            if not ready:
                break
            data = os.read(fd, 65536)
            if not data:
                break
            if log:
                log.write(data)
        if time.monotonic() >= deadline:
            proc.kill()
    _, status, usage_ = os.wait4(proc.pid, 0)
    end = time.monotonic() - t0
    rc = os.waitstatus_to_exitcode(status)
    for f in (proc.stdin, proc.stdout):
        try:
            if f:
                f.close()
        except OSError:
            pass
    if log:
        log.close()
    fields = ["%s=%s" % (n, "%.3f" % seen[n] if n in seen else "-")
              for n, _ in marks]
    print(" ".join(fields + ["end=%.3f" % end, "rc=%d" % rc,
                             "rss=%d" % usage_.ru_maxrss,
                             "cpu=%.2f" % (usage_.ru_utime +
                                           usage_.ru_stime)]))
    if pending is not None:
        print("failed: waiting for %r" % pending.decode("latin-1"))
        return 1
    return 0


if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    sys.exit(main(sys.argv))
