#!/usr/bin/env python3
"""Synthetic, realistic meeting histories for benchmarking quorate.

    gen.py history --out DIR [--meetings N] [--motions M] [--members K]
                   [--seed S] [--formats native,json] [--single]
    gen.py onefile --out DIR (--megabytes N | --meetings N) [--pool P] [--motions M]
                   [--members K] [--seed S]
    gen.py terms --out FILE [--members K] [--financial 75%] [--role-quorum]

`history` writes, deterministically for a given --seed:

    DIR/terms.tor               the terms (the simple rule set below)
    DIR/native/YYYY/DATE.minutes one native record per meeting
    DIR/json/YYYY/DATE.json      the same meeting as JSON (docs/schema)
    DIR/all.minutes             (--single) every meeting in one native file
    DIR/peer-config.json        the same rule set as data, for the peers
    DIR/expected.json           the outcomes the generator itself computed
    DIR/stats.json              motions, files and bytes, for throughput

`onefile` writes a long history in one native file quickly, for histories of
a gigabyte: DIR/terms.tor, DIR/all.minutes, DIR/peer-config.json,
DIR/expected.json and DIR/stats.json as above, no per-meeting files.  It
generates a pool of P distinct meetings for each roster (before and after
the change of member) and writes the history from them: meeting n is pool
meeting n mod P of its period, with its own title, date, and papers and
minutes dates at the pool meeting's distance from that date.  So every
meeting has the shape of `history`'s (same motions, votes, breaches and
rates of each), and the expected outcomes are summed from the pool.

The rule set: a quorum `present >= Q` (Q = ceil(60% of K)), consensus
allowed, a casting vote for the chair, conflicted votes void and conflicted
members excluded from the quorum, ordinary motions `yes > half of cast`,
financial motions `yes >= 75% of members`.  One member leaves the roster
(`until`) part-way through the history and is replaced (`from`).

A meeting has the body's voting members present, sending apologies or
arriving late, two attendees without a vote, arrivals and departures between
motions, and for each motion: named votes, a secret-ballot tally, or
consensus (sometimes broken by an objection); declarations of interest;
ties decided by the chair's casting vote; and a few breaches: a conflicted
member who votes anyway, a vote by an absent member or by an attendee, a
member recorded twice, a tally larger than the room, papers sent late,
inquorate motions the minutes record as carried, wrong recorded outcomes.

Standard library only.
"""

import argparse
import datetime
import json
import math
import os
import random
import sys
from fractions import Fraction

NAMES = """alice bob carol dan erin frank grace heidi ivan judy kate liam mona
nick olga pete quinn rosa sam tara uma victor wendy xavier yara zach amir
bella cyrus dina eli fatima gus hana igor jana kofi lena""".split()

TITLES = [
    "Approve the minutes of the last meeting",
    "Adopt the cluster plan",
    "Fund the extended-hours pilot",
    "Renew the locum bank agreement",
    "Approve the winter pressures plan",
    "Commission a physiotherapy first-contact service",
    "Agree the training budget",
    "Endorse the health needs assessment",
    "Procure a shared telephony system",
    "Approve the community pharmacy minor ailments scheme",
    "Fund a social prescriber post",
    "Agree the data-sharing agreement",
    "Approve the estates bid",
    "Adopt the patient engagement strategy",
    "Extend the mental health practitioner contract",
    "Agree the vaccination programme plan",
]

REASONS = [
    "partner at the provider",
    "practice would benefit directly",
    "family member employed by the supplier",
    "shareholder in the pharmacy",
    "sits on the bidding organisation's board",
]

OUTCOMES = ("carried", "not carried", "void", "provisional", "undetermined")


# ---- the body -----------------------------------------------------------------

def member_ids(k):
    """k + 1 voting member ids (one is replaced part-way) and two attendees."""
    ids = []
    i = 0
    while len(ids) < k + 1:
        base = NAMES[i % len(NAMES)]
        ids.append(base if i < len(NAMES) else "%s%d" % (base, i // len(NAMES) + 1))
        i += 1
    return ids, ["fin_officer", "phw_officer"]


class Body:
    def __init__(self, k, change_date=None, financial="75%", role_quorum=False):
        self.k = k
        voting, self.attendees = member_ids(k)
        self.quorum = math.ceil(Fraction(3, 5) * k)
        self.financial = financial
        self.role_quorum = role_quorum
        # voting member -> (role, from, until)
        self.roster = {}
        for n, mid in enumerate(voting[:k]):
            role = "cluster_lead" if n == 0 else "clinical_lead" if n == 1 else \
                "pm_lead" if n == 2 else "pharmacy" if n == k - 1 else "practice"
            self.roster[mid] = [role, None, None]
        self.leaver = voting[k - 2] if k >= 4 else None
        self.joiner = voting[k]
        if change_date and self.leaver:
            self.roster[self.leaver][2] = change_date
            self.roster[self.joiner] = [self.roster[self.leaver][0], change_date + datetime.timedelta(days=1), None]
        self.voting_ids = list(self.roster)

    def active(self, day):
        return [m for m, (_, f, u) in self.roster.items() if (f is None or f <= day) and (u is None or day <= u)]

    def terms_text(self, name="Bench Cluster", version="1"):
        roles = [("cluster_lead", "Cluster Lead", "voting"), ("clinical_lead", "Nominated Clinical Lead", "voting"),
                 ("pm_lead", "Practice Manager Lead", "voting"), ("practice", "GP practice representative", "voting"),
                 ("pharmacy", "Community Pharmacy Lead", "voting"), ("finance", "Finance", "attending"),
                 ("phw", "Public Health Wales", "attending")]
        out = ["# Generated by bench/gen.py: the simple rule set used by the benchmarks.",
               'terms "%s" {' % name,
               '  version "%s"' % version,
               "  effective 1000-01-01",
               ""]
        for rid, title, kind in roles:
            out.append('  role %-14s "%s" %s' % (rid, title, kind))
        out.append("")
        for mid, (role, f, u) in self.roster.items():
            line = '  member %-10s "%s" %s' % (mid, mid.capitalize() + " " + "Example", role)
            if f:
                line += " from %s" % f.isoformat()
            if u:
                line += " until %s" % u.isoformat()
            out.append(line)
        out.append('  member %-10s "Judy Black" finance' % self.attendees[0])
        out.append('  member %-10s "Pat Doyle" phw' % self.attendees[1])
        out.append("")
        out.append('  quorum §3.1 "%d voting members" {' % self.quorum)
        out.append("    require present >= %d" % self.quorum)
        if self.role_quorum:
            out.append("    require present(cluster_lead, clinical_lead) >= 1")
        out.append("  }")
        out.append("  consensus first")
        out.append("  casting vote chair")
        out.append("  interests §3.4 {")
        out.append("    conflicted vote: void")
        out.append("    conflicted quorum: excluded")
        out.append("    conflicted leaves: no")
        out.append("  }")
        out.append('  class ordinary §3.3.2 "no financial implication" {')
        out.append("    when not motion.financial")
        out.append("    require yes > half of cast")
        out.append("  }")
        out.append('  class financial §3.3.3 "financial implication" {')
        out.append("    when motion.financial")
        out.append("    require yes >= %s of members" % self.financial)
        out.append("  }")
        out.append("  notice §5.3 papers 5 days before")
        out.append("  notice §5.4 minutes within 10 days after")
        out.append("}")
        return "\n".join(out) + "\n"

    def peer_config(self):
        return {
            "voting": {m: {"from": f.isoformat() if f else None, "until": u.isoformat() if u else None}
                       for m, (_, f, u) in self.roster.items()},
            "attending": self.attendees,
            "quorum": self.quorum,
            "casting_chair": True,
            "consensus_allowed": True,
            "ordinary": {"num": 1, "den": 2, "strict": True, "base": "cast"},
            "financial": {"num": 3, "den": 4, "strict": False, "base": "members"},
        }


# ---- one meeting ----------------------------------------------------------------

class Meeting:
    pass


def gen_meeting(rng, body, n, day, n_motions):
    m = Meeting()
    m.title = "Cluster leadership group, meeting %d" % (n + 1)
    m.date = day
    active = body.active(day)
    m.attending = [a for a in body.attendees if rng.random() < 0.6]
    # attendance: most members, now and then a thin meeting
    rate = rng.choice([0.95, 0.9, 0.9, 0.85, 0.8]) if rng.random() > 0.02 else rng.uniform(0.35, 0.6)
    present, apologies, late = [], [], []
    for mid in active:
        r = rng.random()
        if r < rate:
            present.append(mid)
        elif r < rate + (1 - rate) * 0.7:
            apologies.append(mid)
        else:
            late.append(mid)
    if not present:
        present.append(active[0])
    m.present = present
    m.apologies = apologies
    m.chair = present[0] if active[0] not in present else active[0]
    if rng.random() < 0.02:
        m.papers_sent = day - datetime.timedelta(days=rng.randint(1, 4))      # late papers
    else:
        m.papers_sent = day - datetime.timedelta(days=rng.randint(5, 10))
    m.minutes_circulated = day + datetime.timedelta(days=rng.randint(2, 10) if rng.random() > 0.02 else rng.randint(11, 20))
    in_room = set(present)
    m.items = []
    for k in range(n_motions):
        if k > 0:
            if late and rng.random() < 0.25:
                who = late.pop(rng.randrange(len(late)))
                in_room.add(who)
                m.items.append(("arrives", [who]))
            if rng.random() < 0.08:
                candidates = sorted(in_room - {m.chair})
                if candidates:
                    who = rng.choice(candidates)
                    in_room.discard(who)
                    m.items.append(("leaves", [who]))
        m.items.append(("motion", gen_motion(rng, body, m, k, in_room, apologies)))
    return m


def gen_motion(rng, body, m, k, in_room, apologies):
    mo = {"number": str(k + 1), "title": TITLES[rng.randrange(len(TITLES))]}
    mo["financial"] = rng.random() < 0.25
    if mo["financial"]:
        mo["amount"] = rng.randrange(1000, 250000, 500)
    room = sorted(in_room)
    mo["interests"] = []
    if rng.random() < 0.10 and room:
        mo["interests"].append((rng.choice(room), rng.choice(REASONS)))
    conflicted = {w for w, _ in mo["interests"]}
    mo["consensus"] = False
    mo["objections"] = []
    mo["votes"] = None
    mo["tally"] = None
    mo["casting"] = None
    style = rng.random()
    if style < 0.15:
        mo["consensus"] = True
        if rng.random() < 0.1 and room:
            mo["objections"].append((rng.choice(room), "asked for a vote"))
            style = 0.5  # a vote follows
    if style >= 0.15:
        eligible = [w for w in room if w not in conflicted]
        lean = rng.choice([0.9, 0.8, 0.7, 0.55, 0.45, 0.3])
        if style < 0.35:
            f = a = ab = 0
            for _ in eligible:
                r = rng.random()
                if r < 0.07:
                    ab += 1
                elif r < 0.07 + lean * 0.93:
                    f += 1
                else:
                    a += 1
            if rng.random() < 0.005:
                f += 1  # a tally larger than the room
            mo["tally"] = (f, a, ab if rng.random() < 0.9 else None)
        else:
            votes = {"for": [], "against": [], "abstain": []}
            voters = list(eligible)
            for w in sorted(conflicted):
                if rng.random() < 0.15:
                    voters.append(w)  # breach: votes despite the interest
            if apologies and rng.random() < 0.004:
                voters.append(rng.choice(apologies))  # breach: not present
            if m.attending and rng.random() < 0.003:
                voters.append(m.attending[0])  # breach: no vote
            for w in sorted(voters):
                r = rng.random()
                kind = "abstain" if r < 0.07 else "for" if r < 0.07 + lean * 0.93 else "against"
                votes[kind].append(w)
            if voters and rng.random() < 0.004:
                w = rng.choice(voters)
                kind = rng.choice(["for", "against"])
                votes[kind].append(w)  # breach: recorded twice
            mo["votes"] = votes
    return mo


# ---- the generator's own judgement (the same rules as the peers) ---------------------

def judge(body, m):
    """Outcomes of every motion, as quorate computes them (docs/semantics.md)."""
    active = set(body.active(m.date))
    members = len(active)
    room = set(m.present) | set(m.attending)
    results = []
    for kind, item in m.items:
        if kind == "arrives":
            room.update(item)
            continue
        if kind == "leaves":
            room.difference_update(item)
            continue
        mo = item
        conflicted = {w for w, _ in mo["interests"] if w in room and w in active}
        present_voting = {w for w in room if w in active}
        quorate = len(present_voting - conflicted) >= body.quorum
        eligible = len(present_voting - conflicted)
        named = [0, 0, 0]
        n_votes = 0
        if mo["votes"]:
            voted, spoiled = {}, set()
            for idx, k in enumerate(("for", "against", "abstain")):
                for w in mo["votes"][k]:
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
        if mo["tally"]:
            f, a, ab = mo["tally"]
            t = [f, a, ab or 0]
            if n_votes > 0 and (named[0] != t[0] or named[1] != t[1] or (ab is not None and named[2] != t[2])):
                use = named
            else:
                use = t
        yes, no, abst = use
        votes_ok = yes + no + abst <= eligible
        has_votes = n_votes > 0 or mo["tally"] is not None

        def rule(y, n_):
            cast = y + n_
            if mo["financial"]:
                return "carried" if members > 0 and 4 * y >= 3 * members else "not carried"
            return "carried" if cast > 0 and 2 * y > cast else "not carried"

        def decide():
            if mo["consensus"]:
                if not mo["objections"]:
                    return "carried"
                if not has_votes:
                    return "undetermined"
            if not has_votes or not votes_ok:
                return "undetermined"
            tie = yes == no and yes + no > 0
            chair_conflicted = m.chair in conflicted
            if mo["casting"] and tie and not chair_conflicted:
                return rule(yes + 1, no) if mo["casting"] == "for" else rule(yes, no + 1)
            o = rule(yes, no)
            if tie and not chair_conflicted and not mo["casting"]:
                of, oa = rule(yes + 1, no), rule(yes, no + 1)
                return "undetermined" if of != oa else of
            return o

        room_view = decide()
        outcome = room_view if quorate else "void"
        results.append((mo, outcome, room_view, (yes, no), m.chair in conflicted))
    return results


def settle(rng, body, m):
    """Casting votes on ties and the outcomes the minutes record."""
    for mo, outcome, room_view, (yes, no), chair_conflicted in judge(body, m):
        if yes == no and yes > 0 and not mo["consensus"] and not chair_conflicted and rng.random() < 0.9:
            mo["casting"] = rng.choice(["for", "against"])
    expected = []
    for mo, outcome, room_view, _, _ in judge(body, m):
        # The minutes record what the room thought (an inquorate vote is often
        # minuted as carried); now and then the secretary gets it wrong.
        rec = room_view if room_view != "undetermined" else "carried"
        if rng.random() < 0.01:
            rec = "not carried" if rec == "carried" else "carried"
        mo["recorded"] = rec
        expected.append((outcome, rec))
    return expected


# ---- writers ------------------------------------------------------------------------

def q(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def native(m):
    out = ["meeting %s on %s {" % (q(m.title), m.date.isoformat()),
           '  terms "Bench Cluster"',
           "  chair %s" % m.chair,
           "  papers sent %s" % m.papers_sent.isoformat(),
           "  minutes circulated %s" % m.minutes_circulated.isoformat(),
           "  present %s" % ", ".join(m.present)]
    if m.apologies:
        out.append("  apologies %s" % ", ".join(m.apologies))
    if m.attending:
        out.append("  attending %s" % ", ".join(m.attending))
    for kind, item in m.items:
        if kind != "motion":
            out.append("  %s %s" % (kind, ", ".join(item)))
            continue
        mo = item
        attrs = " financial amount %d" % mo["amount"] if mo["financial"] else ""
        out.append("")
        out.append("  motion %s %s%s {" % (mo["number"], q(mo["title"]), attrs))
        for w, why in mo["interests"]:
            out.append("    interest %s %s" % (w, q(why)))
        if mo["consensus"]:
            out.append("    consensus")
        for w, why in mo["objections"]:
            out.append("    objection %s %s" % (w, q(why)))
        if mo["votes"]:
            for k in ("for", "against", "abstain"):
                if mo["votes"][k]:
                    out.append("    %s %s" % (k, ", ".join(mo["votes"][k])))
        if mo["tally"]:
            f, a, ab = mo["tally"]
            out.append("    tally for %d against %d%s" % (f, a, "" if ab is None else " abstain %d" % ab))
        if mo["casting"]:
            out.append("    casting %s" % mo["casting"])
        out.append("    recorded %s" % mo["recorded"])
        out.append("  }")
    out.append("}")
    return "\n".join(out) + "\n"


def as_json(m):
    d = {"meeting": m.title, "date": m.date.isoformat(), "terms": "Bench Cluster", "chair": m.chair,
         "papers_sent": m.papers_sent.isoformat(), "minutes_circulated": m.minutes_circulated.isoformat(),
         "present": m.present}
    if m.apologies:
        d["apologies"] = m.apologies
    if m.attending:
        d["attending"] = m.attending
    items = []
    for kind, item in m.items:
        if kind != "motion":
            items.append({kind: item})
            continue
        mo = item
        j = {"number": mo["number"], "title": mo["title"]}
        if mo["financial"]:
            j["attributes"] = {"financial": True, "amount": mo["amount"]}
        if mo["interests"]:
            j["interests"] = [{"member": w, "reason": why} for w, why in mo["interests"]]
        if mo["consensus"]:
            j["consensus"] = True
        if mo["objections"]:
            j["objections"] = [{"member": w, "reason": why} for w, why in mo["objections"]]
        if mo["votes"]:
            j["votes"] = {k: v for k, v in mo["votes"].items() if v}
        if mo["tally"]:
            f, a, ab = mo["tally"]
            j["tally"] = {"for": f, "against": a}
            if ab is not None:
                j["tally"]["abstain"] = ab
        if mo["casting"]:
            j["casting"] = mo["casting"]
        j["recorded"] = mo["recorded"]
        items.append({"motion": j})
    d["items"] = items
    return json.dumps(d, indent=1) + "\n"


# ---- commands --------------------------------------------------------------------------

def meeting_dates(rng, n, start=datetime.date(1500, 1, 1)):
    """Dates a few days apart: a body that meets often, over a long history."""
    days, d = [], start
    for _ in range(n):
        d += datetime.timedelta(days=rng.randint(1, 3))
        days.append(d)
    return days


def cmd_history(a):
    rng = random.Random(a.seed)
    formats = set(a.formats.split(","))
    dates = meeting_dates(rng, a.meetings)
    change = dates[int(len(dates) * 0.4)] if dates else None
    body = Body(a.members, change_date=change)
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "terms.tor"), "w") as f:
        f.write(body.terms_text())
    with open(os.path.join(a.out, "peer-config.json"), "w") as f:
        json.dump(body.peer_config(), f, indent=1)
    counts = {o: 0 for o in OUTCOMES}
    mismatches = 0
    stats = {"meetings": a.meetings, "motions": 0, "native_bytes": 0, "json_bytes": 0,
             "native_files": 0, "json_files": 0}
    single = open(os.path.join(a.out, "all.minutes"), "w") if a.single else None
    made = set()
    for n, day in enumerate(dates):
        m = gen_meeting(rng, body, n, day, a.motions)
        for outcome, rec in settle(rng, body, m):
            counts[outcome] += 1
            mismatches += outcome != rec and outcome != "undetermined"
            stats["motions"] += 1
        year = "%04d" % day.year
        for fmt, ext, write in (("native", "minutes", native), ("json", "json", as_json)):
            if fmt not in formats:
                continue
            d = os.path.join(a.out, fmt, year)
            if (fmt, year) not in made:
                os.makedirs(d, exist_ok=True)
                made.add((fmt, year))
            text = write(m)
            with open(os.path.join(d, "%s.%s" % (day.isoformat(), ext)), "w") as f:
                f.write(text)
            stats[fmt + "_bytes"] += len(text.encode())
            stats[fmt + "_files"] += 1
            if fmt == "native" and single:
                single.write(text)
        if a.meetings >= 20000 and (n + 1) % 20000 == 0:
            print("gen.py: %d meetings" % (n + 1), file=sys.stderr)
    if single:
        single.close()
    with open(os.path.join(a.out, "expected.json"), "w") as f:
        json.dump({"outcomes": counts, "mismatches": mismatches, "motions": stats["motions"]}, f, indent=1)
    with open(os.path.join(a.out, "stats.json"), "w") as f:
        json.dump(stats, f, indent=1)


def native_body(m):
    """native(m) after its header lines (which depend on the title and date)."""
    text = native(m)
    return text[text.index("\n  present ") + 1:]


def cmd_onefile(a):
    rng = random.Random(a.seed)
    n = a.meetings
    if a.megabytes:
        # How many meetings make the size: the mean size of a sample.
        probe_rng, probe = random.Random(a.seed + 1), Body(a.members)
        sizes = []
        for i in range(200):
            m = gen_meeting(probe_rng, probe, i, datetime.date(1500, 1, 1), a.motions)
            settle(probe_rng, probe, m)
            sizes.append(len(native(m)))
        n = max(1, int(a.megabytes * 1000000 * len(sizes) / sum(sizes)))
    dates = meeting_dates(rng, n)
    change = dates[int(n * 0.4)]
    body = Body(a.members, change_date=change)
    # One pool per roster: meetings generated on the first and the last date.
    pool_rng = random.Random(a.seed + 2)
    pools = []
    for day in (dates[0], dates[-1]):
        pool = []
        for i in range(a.pool):
            m = gen_meeting(pool_rng, body, i, day, a.motions)
            outcomes = settle(pool_rng, body, m)  # before rendering: it sets the recorded outcomes
            pool.append((m, native_body(m), outcomes, day))
        pools.append(pool)
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "terms.tor"), "w") as f:
        f.write(body.terms_text())
    with open(os.path.join(a.out, "peer-config.json"), "w") as f:
        json.dump(body.peer_config(), f, indent=1)
    stats = {"meetings": n, "motions": 0, "native_bytes": 0, "json_bytes": 0, "native_files": 1, "json_files": 0}
    used = [[0] * a.pool, [0] * a.pool]
    with open(os.path.join(a.out, "all.minutes"), "w") as out:
        chunk = []
        for i, day in enumerate(dates):
            period = 0 if day <= change else 1
            k = i % a.pool
            used[period][k] += 1
            m, rest, _, base = pools[period][k]
            text = ("meeting %s on %s {\n  terms \"Bench Cluster\"\n  chair %s\n  papers sent %s\n"
                    "  minutes circulated %s\n" % (q("Cluster leadership group, meeting %d" % (i + 1)),
                                                   day.isoformat(), m.chair,
                                                   (day - (base - m.papers_sent)).isoformat(),
                                                   (day + (m.minutes_circulated - base)).isoformat())) + rest
            chunk.append(text)
            stats["native_bytes"] += len(text)
            if len(chunk) == 1000:
                out.write("".join(chunk))
                chunk = []
            if (i + 1) % 100000 == 0:
                print("gen.py: %d meetings" % (i + 1), file=sys.stderr)
        out.write("".join(chunk))
    counts = {o: 0 for o in OUTCOMES}
    mismatches = 0
    for period in (0, 1):
        for k, times in enumerate(used[period]):
            for outcome, rec in pools[period][k][2]:
                counts[outcome] += times
                mismatches += times * (outcome != rec and outcome != "undetermined")
                stats["motions"] += times
    with open(os.path.join(a.out, "expected.json"), "w") as f:
        json.dump({"outcomes": counts, "mismatches": mismatches, "motions": stats["motions"]}, f, indent=1)
    with open(os.path.join(a.out, "stats.json"), "w") as f:
        json.dump(stats, f, indent=1)


def cmd_terms(a):
    body = Body(a.members, financial=a.financial, role_quorum=a.role_quorum)
    with open(a.out, "w") as f:
        f.write(body.terms_text(version=a.version))


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    h = sub.add_parser("history", help="a terms file and a history of meetings")
    h.add_argument("--out", required=True)
    h.add_argument("--meetings", type=int, default=1000)
    h.add_argument("--motions", type=int, default=8, help="motions per meeting")
    h.add_argument("--members", type=int, default=12, help="voting members")
    h.add_argument("--seed", type=int, default=1)
    h.add_argument("--formats", default="native,json")
    h.add_argument("--single", action="store_true", help="also every meeting in one native file")
    o = sub.add_parser("onefile", help="a long history in one native file, from a pool of meetings")
    o.add_argument("--out", required=True)
    g = o.add_mutually_exclusive_group(required=True)
    g.add_argument("--megabytes", type=int, help="stop at about this many megabytes (10^6 bytes)")
    g.add_argument("--meetings", type=int)
    o.add_argument("--pool", type=int, default=2000, help="distinct meetings per roster")
    o.add_argument("--motions", type=int, default=8, help="motions per meeting")
    o.add_argument("--members", type=int, default=12, help="voting members")
    o.add_argument("--seed", type=int, default=1)
    t = sub.add_parser("terms", help="a terms file alone (for quorate diff)")
    t.add_argument("--out", required=True)
    t.add_argument("--members", type=int, default=12)
    t.add_argument("--financial", default="75%", help="the financial threshold, e.g. 75%% or 2/3")
    t.add_argument("--version", default="1")
    t.add_argument("--role-quorum", action="store_true",
                   help="add `require present(cluster_lead, clinical_lead) >= 1` to the quorum")
    a = p.parse_args(argv)
    if a.cmd in ("history", "onefile"):
        if a.members < 4:
            p.error("--members must be at least 4")
        (cmd_history if a.cmd == "history" else cmd_onefile)(a)
    else:
        cmd_terms(a)


if __name__ == "__main__":
    main(sys.argv[1:])
