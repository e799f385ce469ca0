#!/usr/bin/env python3
"""The tables of `make bench`, from the rows bench/run.sh measured.

    report.py ROWS DIFF_ROWS MEMBERS MOTIONS SEED RUNS BIG_RUNS

ROWS: one line per measured command, tab-separated: meetings, id, records
(native, json, one or "one (N MB)"), motions, bytes, median s, min s, max s,
peak RSS in kB, exit status, instructions (or -).  DIFF_ROWS: bench_diff's
lines.  Prints Markdown: one table per history, then the targets of the
performance issue (docs/performance.md#targets), each with the worst figure
over every history and whether it is met.  Standard library only.
"""

import sys

LABELS = {
    "floor": "floor: `cat` the records `\\| wc -l`",
    "peer": "Python peer (bench/peer.py)",
    "jq": "jq peer (bench/peer.jq)",
    "summary": "`quorate replay --summary`",
    "text": "`quorate replay` (text report)",
    "json": "`quorate replay --format json`",
}
RECORDS = {"native": "native, a file per meeting", "json": "JSON, a file per meeting", "one": "native, one file"}

# Targets (docs/performance.md): the Python peer over quorate's --summary,
# the one-file --summary over its floor, a full report over --summary, and
# the peak memory.
PEER_MIN, FLOOR_MAX, REPORT_MAX, RSS_MAX_MB, RSS_FLAT_MB = 5.0, 4.0, 2.0, 16.0, 1.0


def group(n):
    return "{:,}".format(int(round(n)))


def kind_of(ident):
    return ident.split("-")[0]


def records_of(rec):
    return "one" if rec.startswith("one") else rec


def load(path):
    rows = []
    with open(path) as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) < 11:
                continue
            rows.append({
                "meetings": int(p[0]), "id": p[1], "rec": p[2], "motions": int(p[3]), "bytes": int(p[4]),
                "t": float(p[5]), "rss": int(p[8]), "status": int(p[9]),
                "instr": None if p[10] in ("-", "") else int(p[10]),
            })
    return rows


def main(argv):
    rows = load(argv[0])
    diff_path, members, motions, seed, runs, big_runs = argv[1:7]
    histories = []
    for r in rows:
        key = (r["meetings"], r["rec"].startswith("one ("))
        if key not in histories:
            histories.append(key)

    print("## Replay")
    print()
    print("%s voting members, %s motions per meeting (seed %s).  Each figure is the median CPU time (user + system,"
          " the command's processes together: bench/measure.py) of %s rounds"
          % (members, motions, seed, runs))
    print("(%s at 100,000 meetings and for the big file), every command of a history run once per round," % big_runs)
    print("interleaved.  \"x floor\": the time over the `wc -l` floor for the same bytes.  \"peer / quorate\": the")
    print("Python peer's time over quorate's (above 1, quorate is faster).  \"/ summary\": a full report's time")
    print("over `--summary`'s on the same records.  Instructions per motion: callgrind, on the smallest history.")

    worst = {"peer-native": None, "peer-json": None, "floor": None, "report": None}
    rss = {}
    for meetings, big in histories:
        hrows = [r for r in rows if r["meetings"] == meetings and r["rec"].startswith("one (") == big]
        by = {r["id"]: r for r in hrows}
        first = hrows[0]
        print()
        if big:
            print("### %s meetings in one file (%s, %.0f MB)" % (group(meetings), first["rec"], first["bytes"] / 1e6))
        else:
            nat = by.get("summary-native", first)
            js = by.get("summary-json", first)
            print("### %s meetings (%s motions; %.1f MB native, %.1f MB JSON)"
                  % (group(meetings), group(first["motions"]), nat["bytes"] / 1e6, js["bytes"] / 1e6))
        print()
        print("| run | records | median s | motions/s | MB/s | x floor | peer / quorate | / summary | instructions per motion | peak RSS MB |")
        print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for r in hrows:
            kind, rec = kind_of(r["id"]), records_of(r["rec"])
            t = r["t"]
            rate = r["motions"] / t if t > 0 else 0
            mbs = r["bytes"] / 1e6 / t if t > 0 else 0
            floor = by.get("floor-" + rec)
            xf = "%.1f" % (t / floor["t"]) if floor and kind != "floor" else "-"
            peer = by.get("peer")
            quorate = kind in ("summary", "text", "json")
            pq = "%.1f" % (peer["t"] / t) if peer and quorate else "-"
            summ = by.get("summary-" + rec)
            xs = "%.2f" % (t / summ["t"]) if summ and kind in ("text", "json") else "-"
            ins = group(r["instr"] / r["motions"]) if r["instr"] else "-"
            mem = "%.1f" % (r["rss"] / 1024) if r["rss"] >= 0 else "n/a"
            status = "" if r["status"] in (0, 1) else " (exit %d)" % r["status"]
            print("| %s%s | %s | %.3f | %s | %.1f | %s | %s | %s | %s | %s |"
                  % (LABELS[kind], status, RECORDS[rec] if not big else r["rec"], t, group(rate), mbs, xf, pq, xs,
                     ins, mem))
            if quorate and r["rss"] >= 0:
                rss.setdefault(r["id"], []).append((meetings, r["rss"] / 1024))
            if kind == "summary" and peer and rec in ("native", "json"):
                k = "peer-" + rec
                ratio = peer["t"] / t
                if worst[k] is None or ratio < worst[k][0]:
                    worst[k] = (ratio, meetings)
            if kind == "summary" and rec == "one" and floor:
                ratio = t / floor["t"]
                if worst["floor"] is None or ratio > worst["floor"][0]:
                    worst["floor"] = (ratio, meetings)
            if kind in ("text", "json") and summ:
                ratio = t / summ["t"]
                if worst["report"] is None or ratio > worst["report"][0]:
                    worst["report"] = (ratio, "%s report, %s, %s meetings" % (kind, RECORDS[rec], group(meetings)))

    diff = []
    start = None
    with open(diff_path) as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if p[0] == "start":
                start = float(p[1]) / 20
            elif len(p) == 7:
                diff.append(p)
    if diff:
        print()
        print("## quorate diff (OLD and NEW differ in the financial threshold, 75% -> 2/3)")
        print()
        print("One `quorate diff`, process start included: the median of a loop of 20 diffs, over 20.  Starting the")
        print("process alone (`quorate --version`, the same loop) takes %.1f ms." % ((start or 0) * 1000))
        print()
        print("| members | simple quorum: ms | scenarios differing | peak RSS MB | with a role clause in the quorum: ms | scenarios differing | peak RSS MB |")
        print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for k, t, s, m, t2, s2, m2 in diff:
            print("| %s | %.1f | %s | %.1f | %.1f | %s | %.1f |"
                  % (k, float(t) * 1000 / 20, s, int(m) / 1024, float(t2) * 1000 / 20, s2, int(m2) / 1024))

    print()
    print("## Targets")
    print()
    print("| target | measured (the worst case over the histories above) | met |")
    print("| --- | --- | --- |")

    def yes(ok):
        return "yes" if ok else "**no**"

    for rec, what in (("native", "native records"), ("json", "JSON records")):
        w = worst["peer-" + rec]
        if w:
            print("| `replay --summary` >= %.0fx faster than the Python peer, %s, a file per meeting | %.1fx (%s meetings) | %s |"
                  % (PEER_MIN, what, w[0], group(w[1]), yes(w[0] >= PEER_MIN)))
    w = worst["floor"]
    if w:
        print("| a history in one file within %.0fx of `cat FILE \\| wc -l`, parsing and judging included | %.1fx (%s meetings) | %s |"
              % (FLOOR_MAX, w[0], group(w[1]), yes(w[0] <= FLOOR_MAX)))
    w = worst["report"]
    if w:
        print("| full text and JSON reports at most %.0fx the `--summary` time | %.2fx (%s) | %s |"
              % (REPORT_MAX, w[0], w[1], yes(w[0] <= REPORT_MAX)))
    if rss:
        top = max(v for runs_ in rss.values() for _, v in runs_)
        spread = max(max(v for _, v in runs_) - min(v for _, v in runs_) for runs_ in rss.values())
        worst_id = max(rss, key=lambda k: max(v for _, v in rss[k]) - min(v for _, v in rss[k]))
        sizes = sorted({m for runs_ in rss.values() for m, _ in runs_})
        print("| peak RSS under %.0f MB and flat (within %.0f MB) from %s to %s meetings | at most %.1f MB; grows by at most %.1f MB (%s) | %s |"
              % (RSS_MAX_MB, RSS_FLAT_MB, group(sizes[0]), group(sizes[-1]), top, spread, worst_id,
                 yes(top < RSS_MAX_MB and spread <= RSS_FLAT_MB)))


if __name__ == "__main__":
    main(sys.argv[1:])
