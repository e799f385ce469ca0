"""A reference model of quorate's vote arithmetic, written from the design
brief and docs/semantics.md only (never from src/), in plain Python with
exact fractions, so that the two can be compared on random meetings
(tests/differential/run.sh).

The model covers what a motion's outcome depends on:

- attendance at each motion (present, arrivals, departures);
- declared interests: `conflicted vote: void | allowed`,
  `conflicted quorum: excluded | counted | deemed present`,
  `conflicted leaves: yes | no`;
- the quorum, `present OP N` or `present OP F of members [rounded MODE]`;
- classes tried in order (`when motion.financial`,
  `when motion.kind == "special"`, or always), each with one threshold
  `yes OP F of BASE` (`+ 1` optionally, the literal "50% + 1") over cast,
  votes, present, eligible or members;
- valid votes: non-voting attendees, absent members and conflicted members
  (where their votes are void) have no vote; a member named twice with the
  same vote counts once, one named both for and against counts for neither;
- tallies (a secret ballot) used as given;
- the empty base: a threshold over a base of 0 is not met;
- ties and the casting vote: only where the terms give one, only on an
  equality with at least one vote cast, only for a chair without an
  interest; recorded, it is added and the rule evaluated again; not
  recorded, the outcome is undetermined unless either casting vote would
  give the same result;
- consensus, where the terms allow it and nobody objects.

Everything is a plain dict (see gen.py for the shapes); `judge_meeting`
returns, per motion, the outcome and the counts quorate must report.
"""

from fractions import Fraction

# Triage switches (gen.py --assume): make the model follow a known deviation
# of quorate, so that a run shows only the differences not yet understood.
# Never set by default: the model follows the documented rules.
ASSUME = set()


def compare(lhs, op, rhs):
    if op == ">=":
        return lhs >= rhs
    if op == ">":
        return lhs > rhs
    if op == "<=":
        return lhs <= rhs
    if op == "<":
        return lhs < rhs
    if op == "==":
        return lhs == rhs
    raise ValueError(op)


def round_mode(x, mode):
    """x a Fraction; mode None, 'up', 'down' or 'nearest' (halves away from zero)."""
    if mode is None:
        return x
    if mode == "up":
        return Fraction(-((-x.numerator) // x.denominator))
    if mode == "down":
        return Fraction(x.numerator // x.denominator)
    if mode == "nearest":
        # x >= 0 here: counts are never negative
        return Fraction((2 * x.numerator + x.denominator) // (2 * x.denominator))
    raise ValueError(mode)


def threshold_met(lhs, rule, counts):
    """rule: {'op', 'frac' (Fraction or None), 'base' (count name or None),
    'plus' (int), 'round' (mode or None), 'const' (int, when frac is None)}."""
    if rule.get("frac") is None:
        return compare(Fraction(lhs), rule["op"], Fraction(rule["const"]))
    base = counts[rule["base"]]
    if base == 0:
        return False  # the empty base: never met (docs/semantics.md#empty-base)
    rhs = round_mode(rule["frac"] * base, rule.get("round")) + rule.get("plus", 0)
    return compare(Fraction(lhs), rule["op"], rhs)


def class_of(terms, motion):
    for cls in terms["classes"]:
        when = cls.get("when")
        if when is None:
            return cls
        if when == "financial" and motion.get("financial"):
            return cls
        if when == "special" and motion.get("kind") == "special":
            return cls
    return None


def judge_motion(terms, meeting, motion, in_room, attended):
    voting = set(terms.get("active", terms["voting"]))  # voting members on the roster that day
    leads = set(terms.get("leads", []))
    members = len(voting)
    present_all = {m for m in in_room if m in voting}
    conflicted_ids = {m for m in motion.get("interests", []) if m in present_all}
    conflicted = len(conflicted_ids)
    leaves = terms["leaves"]
    void_votes = terms["conflict_vote"] == "void" or leaves

    present_class = len(present_all) - (conflicted if leaves else 0)
    if terms["conflict_quorum"] == "excluded":
        present_quorum = len(present_all) - conflicted
    elif terms["conflict_quorum"] == "counted":
        present_quorum = len(present_all) - (conflicted if leaves else 0)
    else:  # deemed present: also those with an interest who have left the room
        # (were at the meeting earlier); never someone who was not there at all
        left = {m for m in motion.get("interests", [])
                if m in voting and (m in attended or "deemed-any-absent" in ASSUME)
                and m not in present_all}
        present_quorum = len(present_all) + len(left)
    eligible = len(present_all) - (conflicted if void_votes else 0)

    # votes
    if motion.get("tally") is not None:
        yes, no, abstain = motion["tally"]
    else:
        by_member = {}
        for who, kind in motion.get("votes", []):
            if who not in voting or who not in present_all:
                continue
            if who in conflicted_ids and void_votes:
                continue
            by_member.setdefault(who, set()).add(kind)
        yes = no = abstain = 0
        for kinds in by_member.values():
            if len(kinds) != 1:
                continue  # recorded with two different votes: neither counts
            kind = next(iter(kinds))
            if kind == "for":
                yes += 1
            elif kind == "against":
                no += 1
            else:
                abstain += 1

    counts = {
        "members": members,
        "present": present_class,
        "eligible": eligible,
        "conflicted": conflicted,
        "yes": yes,
        "no": no,
        "abstain": abstain,
        "cast": yes + no,
        "votes": yes + no + abstain,
    }
    # present(lead) in the quorum: the same rules, restricted to the role
    lead_all = present_all & leads
    lead_conflicted = conflicted_ids & leads
    if terms["conflict_quorum"] == "excluded":
        present_lead = len(lead_all) - len(lead_conflicted)
    elif terms["conflict_quorum"] == "counted":
        present_lead = len(lead_all) - (len(lead_conflicted) if leaves else 0)
    else:
        present_lead = len(lead_all) + len({m for m in motion.get("interests", [])
                                            if m in voting and m in leads and m not in present_all
                                            and (m in attended or "deemed-any-absent" in ASSUME)})
    qcounts = dict(counts, present=present_quorum, present_lead=present_lead)

    result = {"counts": counts, "casting_applied": False}
    quorate = all(threshold_met(qcounts[r.get("key", r["lhs"])], r, qcounts) for r in terms["quorum"])
    result["quorate"] = quorate
    cls = class_of(terms, motion)
    result["class"] = cls["id"] if cls else None
    if not quorate:
        result["outcome"] = "void"
        return result
    if cls is None:
        result["outcome"] = "undetermined"
        return result

    has_votes = motion.get("tally") is not None or bool(motion.get("votes"))
    if not has_votes and not motion.get("consensus"):
        result["outcome"] = "undetermined"  # motion.no-decision: nothing to judge by
        return result
    if motion.get("consensus"):
        if terms["consensus"] and not motion.get("objections"):
            result["outcome"] = "carried"
            return result
        if not has_votes:
            # docs/semantics.md#deciding: with no vote "the motion was not
            # validly agreed, so it is not carried"
            result["outcome"] = "undetermined" if "consensus-undetermined" in ASSUME else "not carried"
            return result

    def carried(c):
        return all(threshold_met(c[r["lhs"]], r, c) for r in cls["requires"])

    chair = meeting["chair"]
    casting_exists = (terms["casting"] and chair in present_all
                      and chair not in conflicted_ids)
    tie = yes == no and yes + no >= 1
    if tie and casting_exists:
        def with_casting(kind):
            c = dict(counts)
            c["yes" if kind == "for" else "no"] += 1
            c["cast"] += 1
            c["votes"] += 1
            return c
        if motion.get("casting"):
            c = with_casting(motion["casting"])
            result["counts"] = c
            result["casting_applied"] = True
            result["outcome"] = "carried" if carried(c) else "not carried"
            return result
        a, b = carried(with_casting("for")), carried(with_casting("against"))
        if a != b:
            result["outcome"] = "undetermined"
        else:
            result["outcome"] = "carried" if a else "not carried"
        return result
    result["outcome"] = "carried" if carried(counts) else "not carried"
    return result


def judge_meeting(terms, meeting):
    """Every motion's result, in order."""
    in_room = set(meeting["present"])
    attended = set(in_room)  # everyone who has been in the room so far
    results = []
    for step in meeting["steps"]:
        if step[0] == "arrives":
            in_room |= set(step[1])
            attended |= set(step[1])
        elif step[0] == "leaves":
            in_room -= set(step[1])
        else:
            results.append(judge_motion(terms, meeting, step[1], in_room, attended))
    return results


# ---- explain's table and diff's examples ------------------------------------------
#
# Both ask about a meeting on the roster of the effective date where the
# chair is present with no interest and everyone present may vote
# (docs/reference.md: explain, diff).  They are judged here with
# judge_motion, so the same rules answer all three commands.

def effective_roster(terms):
    """Voting members on the effective date (2024-01-01): those not joining later."""
    return [m for m in terms["voting"] if terms.get("dates", {}).get(m, (None, None))[0] is None]


def _on_roster(terms, roster):
    t = dict(terms)
    t["active"] = roster
    return t


def _best_placed(terms, roster, n):
    """n members present, those the quorum names (leads) first."""
    leads = [m for m in roster if m in terms.get("leads", [])]
    return (leads + [m for m in roster if m not in leads])[:n]


def profiles(terms):
    """The kinds of motion the terms distinguish, in the order quorate tries
    them: each kind the classes name (then any other), financial or not
    when a class tests it."""
    kinds = (["special"] if any(c["when"] == "special" for c in terms["classes"]) else []) + [None]
    flags = [False, True] if any(c["when"] == "financial" for c in terms["classes"]) else [False]
    return [{"financial": f, "kind": k} for k in kinds for f in flags]


def _motion(profile, tally, interests=()):
    """A motion of this kind; tally (for, against, abstain) as counted, or
    None for no vote at all."""
    m = dict(profile)
    if tally is not None:
        m["tally"] = list(tally)
    m["interests"] = list(interests)
    return m


def explain_table(terms):
    """quorum_minimum and votes_needed as `quorate explain --format json` gives them."""
    roster = effective_roster(terms)
    t = _on_roster(terms, roster)
    members = len(roster)
    columns = []
    for p in profiles(terms):
        cls = class_of(terms, p)
        if cls is not None and cls["id"] not in [c for c, _ in columns]:
            columns.append((cls["id"], p))
    columns.sort(key=lambda c: [k["id"] for k in terms["classes"]].index(c[0]))
    quorum_min = None
    for n in range(0, members + 1):
        room = _best_placed(terms, roster, n)
        meeting = {"chair": room[0] if room else None}
        if judge_motion(t, meeting, _motion({}, None), set(room), set(room))["quorate"]:
            quorum_min = n
            break
    rows = []
    for n in range(quorum_min if quorum_min is not None else 1, members + 1):
        room = _best_placed(terms, roster, n)
        meeting = {"chair": room[0] if room else None}
        row = {"present": n, "all_vote": {}, "others_abstain": {}}
        for key, abstain in (("all_vote", False), ("others_abstain", True)):
            for cid, p in columns:
                fewest = None
                for yes in range(0, n + 1):
                    tally = (yes, 0, n - yes) if abstain else (yes, n - yes, 0)
                    res = judge_motion(t, meeting, _motion(p, tally), set(room), set(room))
                    if res["outcome"] == "carried" and res["class"] == cid:
                        fewest = yes
                        break
                row[key][cid] = fewest
        rows.append(row)
    return {"members": members, "quorum_minimum": quorum_min, "votes_needed": rows}


def motion_of_description(text):
    """diff's description of a kind of motion, as a profile."""
    return {"financial": text.startswith("a financial motion"),
            "kind": "special" if 'of kind "special"' in text else None}


def diff_example_holds(old, new, ex):
    """Is there a meeting with the example's numbers that old and new judge
    as the example says?  (The example gives counts, not names: try every
    placing of leads and of the member with an interest.)"""
    roster = effective_roster(new)
    leads = [m for m in roster if m in new.get("leads", [])]
    others = [m for m in roster if m not in leads]
    present = ex["present"]
    profile = motion_of_description(ex["motion"])
    tally = (ex["for"], ex["against"], ex["abstain"])
    for n_leads in range(max(0, present - len(others)), min(len(leads), present) + 1):
        room = leads[:n_leads] + others[:present - n_leads]
        interested = [None] if not ex["conflicted"] else [leads[0]] if n_leads else []
        if ex["conflicted"] and present - n_leads:
            interested.append(others[0])
        for cm in interested:
            clear = [m for m in room if m != cm]
            motion = _motion(profile, tally, [cm] if cm else [])
            if ex["casting"]:
                motion["casting"] = ex["casting"]
            meeting = {"chair": clear[0] if clear else None}
            got = [judge_motion(_on_roster(t, roster), meeting, motion, set(room), set(room))["outcome"]
                   for t in (old, new)]
            if got == [ex["before"], ex["after"]]:
                return True
    return False
