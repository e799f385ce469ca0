#!/usr/bin/env python3
"""The Python peer: the simplest rule set judged over JSON meeting records.

    peer.py CONFIG.json PATH...

CONFIG is the rule set as data (bench/gen.py writes peer-config.json): the
voting members with their from/until dates, the quorum `present >= Q`, and
the two classes (ordinary `yes > half of cast`, financial `yes >= 75% of
members`).  PATHs are JSON records or directories of them.  Prints the
number of meetings and motions, the outcomes, and the recorded outcomes that
disagree, as `quorate replay --format json` counts them in its summary.

This is what a reasonable person would write by hand for one body's terms:
plain Python, the json module, no validation beyond what the rules need.  It
follows docs/semantics.md for what it implements: attendance through
arrivals and departures, conflicted members excluded from the quorum and
their votes void, votes by the absent or by non-members void, a member
recorded both for and against loses both, a tally larger than the room
cannot be relied on, consensus broken by an objection, ties and the chair's
casting vote, the empty base.
"""

import json
import os
import sys


def load_config(path):
    with open(path) as f:
        cfg = json.load(f)
    return cfg


def rule(cls, yes, no, members):
    base = yes + no if cls["base"] == "cast" else members
    if base == 0:
        return False  # a threshold over an empty base is not met
    lhs, rhs = cls["den"] * yes, cls["num"] * base
    return lhs > rhs if cls["strict"] else lhs >= rhs


def judge(cfg, rec, out):
    date = rec["date"]
    active = set()
    for m, span in cfg["voting"].items():
        if (span["from"] is None or span["from"] <= date) and (span["until"] is None or date <= span["until"]):
            active.add(m)
    members = len(active)
    room = set(rec.get("present", ())) | set(rec.get("attending", ()))
    chair = rec.get("chair")
    for item in rec.get("items", ()):
        if "arrives" in item:
            room.update(item["arrives"])
            continue
        if "leaves" in item:
            room.difference_update(item["leaves"])
            continue
        mo = item["motion"]
        conflicted = set()
        for it in mo.get("interests", ()):
            w = it["member"] if isinstance(it, dict) else it
            if w in room and w in active:
                conflicted.add(w)
        eligible = len([w for w in room if w in active and w not in conflicted])
        quorate = eligible >= cfg["quorum"]  # conflicted members are excluded

        named = [0, 0, 0]
        votes = mo.get("votes", {})
        n_votes = 0
        voted, spoiled = {}, set()
        for idx, kind in enumerate(("for", "against", "abstain")):
            for w in votes.get(kind, ()):
                n_votes += 1
                if w not in active or w not in room or w in conflicted:
                    continue
                if w not in voted:
                    voted[w] = idx
                    named[idx] += 1
                elif w not in spoiled and voted[w] != idx:
                    named[voted[w]] -= 1
                    spoiled.add(w)
        use = named
        tally = mo.get("tally")
        if tally is not None:
            t = [tally["for"], tally["against"], tally.get("abstain", 0)]
            if n_votes == 0 or (named[0] == t[0] and named[1] == t[1] and
                                ("abstain" not in tally or named[2] == t[2])):
                use = t
        yes, no, abstain = use
        has_votes = n_votes > 0 or tally is not None
        financial = mo.get("attributes", {}).get("financial") is True
        cls = cfg["financial"] if financial else cfg["ordinary"]
        presiding = mo.get("presiding", chair)

        def outcome(y, n):
            return "carried" if rule(cls, y, n, members) else "not carried"

        if mo.get("consensus") and not mo.get("objections") and cfg["consensus_allowed"]:
            o = "carried"
        elif not has_votes:
            o = "undetermined"
        elif yes + no + abstain > eligible:
            o = "undetermined"
        else:
            tie = yes == no and yes + no > 0
            can_cast = cfg["casting_chair"] and presiding not in conflicted
            casting = mo.get("casting")
            if casting and tie and can_cast:
                o = outcome(yes + 1, no) if casting == "for" else outcome(yes, no + 1)
            elif tie and can_cast and not casting:
                o_for, o_against = outcome(yes + 1, no), outcome(yes, no + 1)
                o = o_for if o_for == o_against else "undetermined"
            else:
                o = outcome(yes, no)
        if not quorate:
            o = "void"
        out["outcomes"][o] += 1
        out["motions"] += 1
        rec_o = mo.get("recorded", mo.get("declared"))
        if rec_o is not None and rec_o != o and o != "undetermined":
            out["mismatches"] += 1
    out["meetings"] += 1


def files(paths):
    for p in paths:
        if os.path.isdir(p):
            for d, subdirs, names in os.walk(p):
                subdirs.sort()
                for n in sorted(names):
                    if n.endswith(".json") and not n.startswith("."):
                        yield os.path.join(d, n)
        else:
            yield p


def main(argv):
    if len(argv) < 2:
        sys.exit("usage: peer.py CONFIG.json PATH...")
    cfg = load_config(argv[0])
    out = {"meetings": 0, "motions": 0, "mismatches": 0,
           "outcomes": {o: 0 for o in ("carried", "not carried", "void", "provisional", "undetermined")}}
    for path in files(argv[1:]):
        with open(path, "rb") as f:
            judge(cfg, json.load(f), out)
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1:])
