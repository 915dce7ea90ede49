#!/usr/bin/env python3
"""bench-boot.py - time one simulator run until a prompt on its console.

usage: tools/bench-boot.py [--wait] [--timeout S] [--log FILE] TEXT -- CMD...

Starts CMD with stdin /dev/null and stdout on a pipe (stderr is inherited)
and reads the pipe until TEXT has appeared.  Without --wait the process is
then killed (SIGKILL: for qemu-system-sparc, which would run on forever);
with --wait it is left to end by itself (build/sun4m --expect TEXT ends
the run once TEXT appeared, and --stats then reports where the guest was).

Prints one line on stdout:
    seen=S end=S rc=N rss=KB cpu=S
seen: wall seconds from just before the process was started until TEXT
was read from the pipe ("-" if it never came); end: until the process was
reaped; rc: its exit status (negative: killed by that signal); rss: its
peak resident set in KB and cpu: its user + system seconds (all threads),
both from wait4(), the same numbers /usr/bin/time reports.  Exit status 0
if TEXT was seen, 1 if not (end of output or --timeout), 2 on bad usage.

qemu-system-sparc -nographic muxes its monitor onto stdio but does not need
a terminal: with stdin /dev/null and stdout a pipe it boots normally.
"""

import os
import select
import signal
import subprocess
import sys
import time


def usage():
    sys.stderr.write(__doc__.split("\n\n")[1] + "\n")
    sys.exit(2)


def main(argv):
    wait = False
    limit = 600.0
    log = None
    args = argv[1:]
    while args and args[0].startswith("--") and args[0] != "--":
        opt = args.pop(0)
        if opt == "--wait":
            wait = True
        elif opt == "--timeout" and args:
            limit = float(args.pop(0))
        elif opt == "--log" and args:
            log = open(args.pop(0), "wb")
        else:
            usage()
    if len(args) < 3 or args[1] != "--":
        usage()
    want = args[0].encode()
    cmd = args[2:]

    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE)
    fd = proc.stdout.fileno()
    seen = None
    tail = b""                  # last bytes read, for a TEXT split in two
    deadline = t0 + limit
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            break
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            break
        data = os.read(fd, 65536)
        if not data:
            break
        if log:
            log.write(data)
        if seen is None:
            tail += data
            if want in tail:
                seen = time.monotonic() - t0
                if not wait:
                    break
            tail = tail[-(len(want) - 1):] if len(want) > 1 else b""
    if seen is None or not wait:
        proc.kill()
    else:
        # Drain until the process closes stdout so it never blocks on a
        # full pipe, then reap it (bounded by the same deadline).
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [],
                                        deadline - time.monotonic())
            if not ready or not os.read(fd, 65536):
                break
        if time.monotonic() >= deadline:
            proc.kill()
    _, status, usage_ = os.wait4(proc.pid, 0)
    end = time.monotonic() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stdout.close()
    if log:
        log.close()
    print("seen=%s end=%.3f rc=%d rss=%d cpu=%.2f" % (
        "-" if seen is None else "%.3f" % seen, end, proc.returncode,
        usage_.ru_maxrss, usage_.ru_utime + usage_.ru_stime))
    return 0 if seen is not None else 1


if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    sys.exit(main(sys.argv))
