#!/usr/bin/env python3
"""Run shell commands in interleaved rounds; print each one's median CPU time and peak memory.

    measure.py RUNS LIST

LIST is a file of lines `ID<TAB>COMMAND`.  Every command runs once per round,
RUNS rounds in all, in the order of LIST (the first command of each round
moves one place on, so no command always runs after the same one).  Running
the commands side by side in rounds, rather than each RUNS times in a row,
means a change in the load of a shared machine falls on all of them alike, so
their ratios are steadier than their times.

Prints one line per command, in LIST's order:
`ID median_s min_s max_s peak_rss_kb exit_status`.

The time is CPU time: user plus system time of the command and every
process it started (os.wait4's resource usage, which counts the children
each process waited for), in microseconds.  Wall-clock time on a machine
shared with other work measures that work too; CPU time does not.  For a
pipeline (`cat | wc -l`) it is the sum of its commands, which is its wall
time when it is pinned to one core (`taskset -c 0`, as bench/run.sh runs
every command).  The
peak resident set size is GNU time's "Maximum resident set size"
(/usr/bin/time -f %M, the kernel's ru_maxrss for the command's process
tree), the largest over the runs; for `exec prog ...` it is prog's own peak.
It is measured through /usr/bin/time and not with os.wait4 here, because a
child forked from Python inherits Python's high-water mark (ru_maxrss
survives fork and exec), which would hide anything smaller than about 10 MB.
Without /usr/bin/time (Debian package `time`) the peak is printed as -1.  The
exit status is the largest over the runs.  Redirect the commands' output
inside COMMAND.  Standard library only.
"""

import os
import statistics
import subprocess
import sys
import tempfile

GNU_TIME = "/usr/bin/time"


def run_once(cmd, have_time, rss_file):
    argv = ([GNU_TIME, "-f", "%M", "-o", rss_file] if have_time else []) + ["sh", "-c", cmd]
    child = subprocess.Popen(argv)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    rc = child.returncode
    elapsed = usage.ru_utime + usage.ru_stime
    peak = -1
    if have_time:
        with open(rss_file) as f:
            lines = [l for l in f.read().split("\n") if l.strip()]
        if lines and lines[-1].strip().isdigit():
            peak = int(lines[-1])
    return elapsed, peak, rc


def main(argv):
    if len(argv) != 2:
        sys.exit("usage: measure.py RUNS LIST")
    runs = int(argv[0])
    cmds = []
    with open(argv[1]) as f:
        for line in f:
            line = line.rstrip("\n")
            if line:
                ident, cmd = line.split("\t", 1)
                cmds.append((ident, cmd))
    have_time = os.access(GNU_TIME, os.X_OK)
    times = {i: [] for i, _ in cmds}
    peak = {i: -1 for i, _ in cmds}
    status = {i: 0 for i, _ in cmds}
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        for r in range(runs):
            for k in range(len(cmds)):
                ident, cmd = cmds[(k + r) % len(cmds)]
                print("bench:   round %d/%d: %s" % (r + 1, runs, ident), file=sys.stderr)
                t, p, rc = run_once(cmd, have_time, rss.name)
                times[ident].append(t)
                peak[ident] = max(peak[ident], p)
                status[ident] = max(status[ident], rc)
    for ident, _ in cmds:
        t = times[ident]
        print("%s %.6f %.6f %.6f %d %d" % (ident, statistics.median(t), min(t), max(t), peak[ident], status[ident]))


if __name__ == "__main__":
    main(sys.argv[1:])
