#!/usr/bin/env python3
"""Run a shell command several times; print its median wall time and peak memory.

    measure.py RUNS 'COMMAND'

Prints one line: `median_s min_s max_s peak_rss_kb exit_status`.  The time is
wall-clock (time.perf_counter) around the whole command.  The peak resident
set size is GNU time's "Maximum resident set size" (/usr/bin/time -f %M, the
kernel's ru_maxrss for the command's process tree), the largest over the
runs; for `exec prog ...` it is prog's own peak.  It is measured through
/usr/bin/time and not with os.wait4 here, because a child forked from Python
inherits Python's high-water mark (ru_maxrss survives fork and exec), which
would hide anything smaller than about 10 MB.  Without /usr/bin/time (Debian
package `time`) the peak is printed as -1.  The command's stdout and stderr
go where this script's go: redirect inside COMMAND.  Standard library only.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time

GNU_TIME = "/usr/bin/time"


def main(argv):
    if len(argv) != 2:
        sys.exit("usage: measure.py RUNS 'COMMAND'")
    runs, cmd = int(argv[0]), argv[1]
    have_time = os.access(GNU_TIME, os.X_OK)
    times, peak, status = [], -1, 0
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as out:
        for _ in range(runs):
            argv = ([GNU_TIME, "-f", "%M", "-o", out.name] if have_time else []) + ["sh", "-c", cmd]
            t0 = time.perf_counter()
            rc = subprocess.call(argv)
            times.append(time.perf_counter() - t0)
            status = max(status, rc)
            if have_time:
                out.seek(0)
                lines = [l for l in out.read().split("\n") if l.strip()]
                if lines and lines[-1].strip().isdigit():
                    peak = max(peak, int(lines[-1]))
    print("%.6f %.6f %.6f %d %d" % (statistics.median(times), min(times), max(times), peak, status))


if __name__ == "__main__":
    main(sys.argv[1:])
