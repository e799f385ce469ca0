"""Differential test driver: random terms and meetings, written as real .tor
and .minutes files, judged by quorate and by the reference model (model.py);
every difference is a failure.  Three commands are asked, so the one
decision they share (src/run/decide.c) is held to the model three ways:

  eval     each motion of a random meeting: outcome, quorum, class, counts,
           casting vote (`quorate eval --format json`);
  explain  the votes-needed table and the quorum minimum of random terms
           (`quorate explain --format json`), one scenario in four;
  diff     every example of `quorate diff --format json` between random
           terms and an amendment of them (same roster) must be a meeting
           the model judges the same way before and after, one in four.

    python3 tests/differential/gen.py BUILD [N] [--seed S] [--keep DIR]
    python3 tests/differential/gen.py BUILD --rerun DIR     (one saved scenario)

Usually run through tests/differential/run.sh.  The seed is printed so a run
can be repeated exactly; each failure is saved (terms.tor, meeting.minutes,
scenario.json, expected and actual results) under the --keep directory
(default build/differential/failures).
"""

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from fractions import Fraction

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import model  # noqa: E402

FRACTIONS = [
    ("half", Fraction(1, 2)), ("1/2", Fraction(1, 2)), ("50%", Fraction(1, 2)),
    ("2/3", Fraction(2, 3)), ("66.67%", Fraction(6667, 10000)), ("66%", Fraction(33, 50)),
    ("3/4", Fraction(3, 4)), ("75%", Fraction(3, 4)), ("1/3", Fraction(1, 3)),
    ("60%", Fraction(3, 5)), ("0.6", Fraction(3, 5)), ("80%", Fraction(4, 5)),
    ("100%", Fraction(1)), ("51%", Fraction(51, 100)),
]
QUORUM_FRACTIONS = [f for f in FRACTIONS if f[1] < 1]
BASES = ["cast", "votes", "present", "eligible", "members"]
ROUNDING = {None: "", "up": " rounded up", "down": " rounded down", "nearest": " rounded to nearest"}


# ---- scenarios ------------------------------------------------------------------

def rule_text(r):
    if r.get("frac") is None:
        return f"{r['lhs']} {r['op']} {r['const']}"
    text = f"{r['lhs']} {r['op']} {r['frac_text']} of {r['base']}{ROUNDING[r.get('round')]}"
    if r.get("plus"):
        text += f" + {r['plus']}"
    return text


def random_threshold(rng):
    kind = rng.random()
    if kind < 0.2:
        return {"lhs": "yes", "op": ">", "frac_text": "half", "frac": Fraction(1, 2), "base": "cast"}
    if kind < 0.3:  # the literal "50% + 1"
        return {"lhs": "yes", "op": ">=", "frac_text": "50%", "frac": Fraction(1, 2), "base": "cast", "plus": 1}
    text, frac = rng.choice(FRACTIONS)
    r = {"lhs": "yes", "op": rng.choice([">=", ">"]), "frac_text": text, "frac": frac,
         "base": rng.choice(BASES)}
    if r["op"] == ">" and frac == 1:
        r["op"] = ">="
    return r


def random_terms(rng):
    n = rng.randint(3, 15)
    voting = [f"m{i}" for i in range(1, n + 1)]
    observers = [f"obs{i}" for i in range(1, rng.randint(0, 2) + 1)]
    # Some members hold the role `lead` (a quorum may need one present), and
    # some have dates: joined after the meeting or left before it (not on the
    # roster on the day), or dates around it (on the roster).
    leads = [m for m in voting if rng.random() < 0.25]
    dates = {}
    for m in voting[1:]:
        r = rng.random()
        if r < 0.06:
            dates[m] = ("2024-06-01", None)
        elif r < 0.12:
            dates[m] = (None, "2024-05-13")
        elif r < 0.18:
            dates[m] = ("2024-05-14", "2024-05-14")
    active = [m for m in voting if m not in dates or dates[m] == ("2024-05-14", "2024-05-14")]
    return random_rules(rng, {"voting": voting, "active": active, "leads": leads, "dates": dates,
                              "observers": observers})


def random_rules(rng, roster):
    """Random rules for a roster (voting, active, leads, dates, observers)."""
    voting, active, leads, dates = roster["voting"], roster["active"], roster["leads"], roster["dates"]
    # `check` judges whether the quorum can be met on the roster of the
    # effective date (2024-01-01): keep it reachable there too.
    n_effective = len([m for m in voting if m not in dates or dates[m][0] is None])
    n = min(len(active), n_effective)
    q = rng.random()
    if q < 0.5:
        op = rng.choice([">=", ">"]) if n > 1 else ">="
        const = rng.randint(1, n if op == ">=" else n - 1)
        quorum = [{"lhs": "present", "op": op, "const": const, "frac": None}]
    else:
        text, frac = rng.choice(QUORUM_FRACTIONS)
        quorum = [{"lhs": "present", "op": rng.choice([">=", ">"]), "frac_text": text, "frac": frac,
                   "base": "members", "round": rng.choice([None, None, "up", "down", "nearest"])}]
        # never unreachable: with everyone present the rule must hold
        if not (model.threshold_met(n, quorum[0], {"members": n})
                and model.threshold_met(n_effective, quorum[0], {"members": n_effective})
                and model.threshold_met(len(active), quorum[0], {"members": len(active)})):
            quorum[0]["op"] = ">="
            quorum[0]["round"] = None
    active_leads = [m for m in leads if m in active]
    effective_leads = [m for m in leads if m not in dates or dates[m][0] is None]
    if active_leads and effective_leads and rng.random() < 0.35:
        quorum.append({"lhs": "present(lead)", "key": "present_lead", "op": ">=",
                       "const": rng.randint(1, min(len(active_leads), len(effective_leads))), "frac": None})
    classes = []
    if rng.random() < 0.8:
        text, frac = rng.choice([("75%", Fraction(3, 4)), ("2/3", Fraction(2, 3)), ("60%", Fraction(3, 5)),
                                 ("66.67%", Fraction(6667, 10000)), ("50%", Fraction(1, 2))])
        req = {"lhs": "yes", "op": ">=", "frac_text": text, "frac": frac, "base": "members"}
        if rng.random() < 0.3:
            req = random_threshold(rng)
        classes.append({"id": "financial", "when": "financial", "requires": [req]})
    if rng.random() < 0.6:
        req = {"lhs": "yes", "op": ">=", "frac_text": "2/3", "frac": Fraction(2, 3), "base": "present"}
        if rng.random() < 0.3:
            req = random_threshold(rng)
        classes.append({"id": "special", "when": "special", "requires": [req]})
    reqs = [{"lhs": "yes", "op": ">", "frac_text": "half", "frac": Fraction(1, 2), "base": "cast"}]
    if rng.random() < 0.5:
        reqs = [random_threshold(rng)]
        if rng.random() < 0.2:
            reqs.append(random_threshold(rng))
    classes.append({"id": "ordinary", "when": None, "requires": reqs})
    return {
        "name": "Differential Group",
        "voting": voting,
        "active": active,
        "leads": leads,
        "dates": dates,
        "observers": roster["observers"],
        "quorum": quorum,
        "conflict_vote": rng.choice(["void", "allowed"]),
        "conflict_quorum": rng.choice(["excluded", "counted", "deemed present"]),
        "leaves": rng.random() < 0.3,
        "casting": rng.random() < 0.7,
        "consensus": rng.random() < 0.5,
        "classes": classes,
    }


def amend(rng, terms):
    """An amendment of the terms: the same roster, some rules changed."""
    new = json.loads(json.dumps(jsonable(terms)))
    new = revive(new)
    changes = rng.sample(["quorum", "casting", "consensus", "conflicts", "classes"], rng.randint(1, 3))
    other = random_rules(rng, {k: terms[k] for k in ("voting", "active", "leads", "dates", "observers")})
    if "quorum" in changes:
        new["quorum"] = other["quorum"]
    if "casting" in changes:
        new["casting"] = not terms["casting"]
    if "consensus" in changes:
        new["consensus"] = not terms["consensus"]
    if "conflicts" in changes:
        for k in ("conflict_vote", "conflict_quorum", "leaves"):
            new[k] = other[k]
    if "classes" in changes:
        new["classes"] = other["classes"]
    return new


def random_motion(rng, terms, in_room, number):
    voting = terms["voting"]
    present = [m for m in voting if m in in_room]
    absent = [m for m in voting if m not in in_room]
    motion = {"number": number, "financial": rng.random() < 0.4,
              "kind": "special" if rng.random() < 0.3 else None}
    interests = []
    if rng.random() < 0.4 and present:
        interests = rng.sample(present, rng.randint(1, min(3, len(present))))
    if rng.random() < 0.1 and absent:
        interests.append(rng.choice(absent))
    motion["interests"] = interests

    if rng.random() < 0.12:
        motion["consensus"] = True
        if rng.random() < 0.4:
            motion["objections"] = [rng.choice(present)] if present else []
        if rng.random() < 0.5:
            return motion
    if rng.random() < 0.15:
        # a secret ballot: never more than the eligible number
        void = terms["conflict_vote"] == "void" or terms["leaves"]
        on_roster = [m for m in present if m in terms["active"]]
        eligible = len(on_roster) - (len([m for m in set(interests) if m in on_roster]) if void else 0)
        y = rng.randint(0, eligible)
        n = y if rng.random() < 0.3 and 2 * y <= eligible else rng.randint(0, eligible - y)
        a = rng.randint(0, eligible - y - n)
        motion["tally"] = [y, n, a]
    else:
        voters = present[:]
        rng.shuffle(voters)
        y = rng.randint(0, len(voters))
        tie = rng.random() < 0.35 and 2 * y <= len(voters)
        n = y if tie else rng.randint(0, len(voters) - y)
        a = rng.randint(0, len(voters) - y - n) if rng.random() < 0.5 else 0
        votes = [(m, "for") for m in voters[:y]]
        votes += [(m, "against") for m in voters[y:y + n]]
        votes += [(m, "abstain") for m in voters[y + n:y + n + a]]
        extra = rng.random()
        if extra < 0.08 and absent:
            votes.append((rng.choice(absent), rng.choice(["for", "against"])))
        elif extra < 0.14 and terms["observers"]:
            votes.append((rng.choice(terms["observers"]), rng.choice(["for", "against"])))
        elif extra < 0.20 and votes:
            votes.append(rng.choice(votes))  # the same vote twice
        elif extra < 0.24 and voters[:y]:
            votes.append((voters[0], "against"))  # for and against
        motion["votes"] = votes
    if terms["casting"] and rng.random() < 0.6 or rng.random() < 0.1:
        motion["casting"] = rng.choice(["for", "against"])
    motion["recorded"] = rng.choice([None, "carried", "not carried"])
    return motion


def random_meeting(rng, terms):
    voting = terms["voting"]
    # mostly well attended (an inquorate meeting makes every motion void)
    k = rng.randint(1, len(voting)) if rng.random() < 0.25 else rng.randint((3 * len(voting) + 4) // 5, len(voting))
    present = sorted(set(rng.sample(voting, k)) | {terms["active"][0]}, key=lambda m: int(m[1:]))
    chair = rng.choice([m for m in present if m in terms["active"]])
    in_room = set(present)
    steps = []
    for i in range(1, rng.randint(1, 4) + 1):
        if i > 1 and rng.random() < 0.4:
            absent = [m for m in voting if m not in in_room]
            leavers = [m for m in in_room if m != chair]
            if absent and (rng.random() < 0.5 or not leavers):
                who = rng.sample(absent, rng.randint(1, min(2, len(absent))))
                steps.append(["arrives", who])
                in_room |= set(who)
            elif leavers:
                who = rng.sample(sorted(leavers), rng.randint(1, min(2, len(leavers))))
                steps.append(["leaves", who])
                in_room -= set(who)
        steps.append(["motion", random_motion(rng, terms, in_room, str(i))])
    return {
        "title": "Differential meeting",
        "date": "2024-05-14",
        "chair": chair,
        "present": present,
        "apologies": [m for m in voting if m not in present],
        "attending": terms["observers"][:rng.randint(0, len(terms["observers"]))],
        "steps": steps,
    }


# ---- writing the files ------------------------------------------------------------

def write_terms(t):
    out = [f'terms "{t["name"]}" {{', "  effective 2024-01-01",
           '  role m "Member" voting', '  role obs "Observer" attending']
    out.append('  role lead "Lead" voting')
    for m in t["voting"]:
        line = f'  member {m} "Member {m[1:]}" {"lead" if m in t.get("leads", []) else "m"}'
        frm, until = t.get("dates", {}).get(m, (None, None))
        if frm:
            line += f" from {frm}"
        if until:
            line += f" until {until}"
        out.append(line)
    for o in t["observers"]:
        out.append(f'  member {o} "Observer {o[3:]}" obs')
    out.append("  quorum §3.1 {")
    for r in t["quorum"]:
        out.append(f"    require {rule_text(r)}")
    out.append("  }")
    if t["consensus"]:
        out.append("  consensus first")
    out.append("  casting vote chair" if t["casting"] else "  casting vote none")
    out.append("  interests §3.4 {")
    out.append(f"    conflicted vote: {t['conflict_vote']}")
    out.append(f"    conflicted quorum: {t['conflict_quorum']}")
    out.append(f"    conflicted leaves: {'yes' if t['leaves'] else 'no'}")
    out.append("  }")
    for i, c in enumerate(t["classes"]):
        out.append(f"  class {c['id']} §3.3.{i + 1} {{")
        if c["when"] == "financial":
            out.append("    when motion.financial")
        elif c["when"] == "special":
            out.append('    when motion.kind == "special"')
        for r in c["requires"]:
            out.append(f"    require {rule_text(r)}")
        out.append("  }")
    out.append("}")
    return "\n".join(out) + "\n"


def write_meeting(t, m):
    out = [f'meeting "{m["title"]}" on {m["date"]} {{', f'  terms "{t["name"]}"', f"  chair {m['chair']}",
           "  present " + ", ".join(m["present"])]
    if m["apologies"]:
        out.append("  apologies " + ", ".join(m["apologies"]))
    if m["attending"]:
        out.append("  attending " + ", ".join(m["attending"]))
    for step in m["steps"]:
        if step[0] in ("arrives", "leaves"):
            out.append(f"  {step[0]} " + ", ".join(step[1]))
            continue
        mo = step[1]
        head = f'  motion {mo["number"]} "Motion {mo["number"]}"'
        if mo.get("financial"):
            head += " financial"
        if mo.get("kind"):
            head += f' kind "{mo["kind"]}"'
        out.append(head + " {")
        for who in mo.get("interests", []):
            out.append(f'    interest {who} "an interest"')
        if mo.get("consensus"):
            out.append("    consensus")
            for who in mo.get("objections", []):
                out.append(f"    objection {who}")
        if mo.get("tally") is not None:
            y, n, a = mo["tally"]
            out.append(f"    tally for {y} against {n} abstain {a}")
        for who, kind in mo.get("votes", []):
            out.append(f"    {kind} {who}")
        if mo.get("casting"):
            out.append(f"    casting {mo['casting']}")
        if mo.get("recorded"):
            out.append(f"    recorded {mo['recorded']}")
        out.append("  }")
    out.append("}")
    return "\n".join(out) + "\n"


# ---- comparing -------------------------------------------------------------------

COUNT_KEYS = ["members", "present", "eligible", "conflicted", "yes", "no", "abstain", "cast", "votes"]


def actual_of(motion_json):
    cls = motion_json.get("class")
    return {
        "outcome": motion_json.get("outcome"),
        "quorate": motion_json.get("quorate"),
        "class": cls.get("name") if isinstance(cls, dict) else None,
        "counts": {k: motion_json.get("counts", {}).get(k) for k in COUNT_KEYS},
        "casting_applied": motion_json.get("casting_vote_applied"),
    }


def expected_of(res):
    return {
        "outcome": res["outcome"],
        "quorate": res["quorate"],
        "class": res["class"],
        "counts": {k: res["counts"][k] for k in COUNT_KEYS},
        "casting_applied": res["casting_applied"],
    }


def differences(expected, actual):
    diffs = []
    if len(expected) != len(actual):
        return [f"{len(actual)} motions in quorate's result, {len(expected)} in the model's"]
    for i, (e, a) in enumerate(zip(expected, actual), 1):
        # A void motion's votes do not matter (and quorate may show a
        # casting vote in them): compare only attendance there.
        void = e["outcome"] == "void" and a["outcome"] == "void"
        for key in ("outcome", "quorate", "class") + (() if void else ("casting_applied",)):
            if e[key] != a[key]:
                diffs.append(f"motion {i}: {key}: quorate says {a[key]!r}, the model {e[key]!r}")
        for k in COUNT_KEYS[:4] if void else COUNT_KEYS:
            if e["counts"][k] != a["counts"][k]:
                diffs.append(f"motion {i}: counts.{k}: quorate says {a['counts'][k]!r}, the model {e['counts'][k]!r}")
    return diffs


def run_quorate(binary, terms_path, meeting_path):
    p = subprocess.run([binary, "eval", "--format", "json", terms_path, meeting_path],
                       capture_output=True, text=True, env=dict(os.environ, NO_COLOR="1"), timeout=60)
    return p.returncode, p.stdout, p.stderr


def jsonable(obj):
    if isinstance(obj, Fraction):
        return str(obj)
    if isinstance(obj, dict):
        return {k: jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [jsonable(v) for v in obj]
    if isinstance(obj, set):
        return sorted(obj)
    return obj


def check_one(binary, work, index, terms, meeting):
    d = os.path.join(work, f"s{index:05d}")
    os.makedirs(d, exist_ok=True)
    tp, mp = os.path.join(d, "terms.tor"), os.path.join(d, "meeting.minutes")
    with open(tp, "w") as f:
        f.write(write_terms(terms))
    with open(mp, "w") as f:
        f.write(write_meeting(terms, meeting))
    expected = [expected_of(r) for r in model.judge_meeting(terms, meeting)]
    status, out, err = run_quorate(binary, tp, mp)
    if status not in (0, 1):
        return d, [f"quorate eval exits {status}"], expected, None, err
    try:
        doc = json.loads(out)
        actual = [actual_of(m) for m in doc["motions"]]
    except (ValueError, KeyError, TypeError) as e:
        return d, [f"quorate's JSON cannot be read: {e}"], expected, None, err
    diffs = differences(expected, actual)
    if not diffs:
        shutil.rmtree(d, ignore_errors=True)
    return d, diffs, expected, actual, err


def run_json(binary, args):
    p = subprocess.run([binary] + args, capture_output=True, text=True, env=dict(os.environ, NO_COLOR="1"),
                       timeout=120)
    try:
        return p.returncode, json.loads(p.stdout), p.stderr
    except ValueError:
        return p.returncode, None, p.stderr


def check_explain(binary, work, index, terms):
    """The votes-needed table and the quorum minimum, against the model."""
    d = os.path.join(work, f"x{index:05d}")
    os.makedirs(d, exist_ok=True)
    tp = os.path.join(d, "terms.tor")
    with open(tp, "w") as f:
        f.write(write_terms(terms))
    expected = model.explain_table(terms)
    status, doc, err = run_json(binary, ["explain", "--format", "json", tp])
    if status != 0 or doc is None:
        return d, [f"quorate explain exits {status}"], expected, None, err
    actual = {k: doc.get(k) for k in ("members", "quorum_minimum", "votes_needed")}
    diffs = []
    for k in ("members", "quorum_minimum"):
        if expected[k] != actual[k]:
            diffs.append(f"explain: {k}: quorate says {actual[k]!r}, the model {expected[k]!r}")
    rows_a = {r["present"]: r for r in actual["votes_needed"] or []}
    rows_e = {r["present"]: r for r in expected["votes_needed"]}
    if sorted(rows_a) != sorted(rows_e):
        diffs.append(f"explain: rows for {sorted(rows_a)} present, the model {sorted(rows_e)}")
    for n in sorted(set(rows_a) & set(rows_e)):
        for key in ("all_vote", "others_abstain"):
            if rows_a[n][key] != rows_e[n][key]:
                diffs.append(f"explain: {n} present, {key}: quorate says {rows_a[n][key]}, the model {rows_e[n][key]}")
    if not diffs:
        shutil.rmtree(d, ignore_errors=True)
    return d, diffs, expected, actual, err


def check_diff(binary, work, index, old, new):
    """Every example diff gives must be a meeting the model judges so."""
    d = os.path.join(work, f"d{index:05d}")
    os.makedirs(d, exist_ok=True)
    op, np_ = os.path.join(d, "terms.tor"), os.path.join(d, "terms-new.tor")
    with open(op, "w") as f:
        f.write(write_terms(old))
    with open(np_, "w") as f:
        f.write(write_terms(new))
    status, doc, err = run_json(binary, ["diff", "--format", "json", op, np_])
    if status not in (0, 1) or doc is None:
        return d, [f"quorate diff exits {status}"], None, None, err
    examples = doc["scenarios"]["examples"]
    diffs = []
    for ex in examples:
        if ex["before"] == ex["after"]:
            diffs.append(f"diff: an example that does not change: {ex}")
        elif not model.diff_example_holds(old, new, ex):
            diffs.append(f"diff: no meeting the model judges as this example: {ex}")
    if doc["scenarios"]["differing"] and not examples:
        diffs.append("diff: scenarios differ, but no example is given")
    if not diffs:
        shutil.rmtree(d, ignore_errors=True)
    return d, diffs, None, examples, err


def run_task(binary, work, index, task):
    what, terms, other = task
    if what == "explain":
        return check_explain(binary, work, index, terms)
    if what == "diff":
        return check_diff(binary, work, index, terms, other)
    return check_one(binary, work, index, terms, other)


def save_failure(keep, src_dir, scenario, diffs, expected, actual, stderr):
    os.makedirs(keep, exist_ok=True)
    dest = os.path.join(keep, os.path.basename(src_dir))
    shutil.rmtree(dest, ignore_errors=True)
    shutil.copytree(src_dir, dest)
    with open(os.path.join(dest, "scenario.json"), "w") as f:
        json.dump(jsonable(scenario), f, indent=1)
    with open(os.path.join(dest, "differences.txt"), "w") as f:
        f.write("\n".join(diffs) + "\n\nexpected (model):\n" + json.dumps(expected, indent=1)
                + "\n\nactual (quorate):\n" + json.dumps(actual, indent=1) + "\n\nstderr:\n" + (stderr or ""))
    return dest


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("n", nargs="?", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--keep", default="build/differential/failures")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--show", type=int, default=5, help="failures printed in full")
    ap.add_argument("--rerun", help="a saved failure directory: judge it again")
    ap.add_argument("--assume", default=os.environ.get("DIFF_ASSUME", ""),
                    help="triage only: comma-separated known deviations the model should follow "
                         "(deemed-any-absent, consensus-undetermined: both fixed since)")
    args = ap.parse_args()
    model.ASSUME = {a for a in args.assume.split(",") if a}
    binary = os.path.join(args.build, "quorate")
    if not os.access(binary, os.X_OK):
        print(f"differential: {binary} is not built", file=sys.stderr)
        return 2

    if args.rerun:
        with open(os.path.join(args.rerun, "scenario.json")) as f:
            sc = json.load(f)
        task = (sc.get("what", "eval"), revive(sc["terms"]),
                revive(sc["new"]) if sc.get("what") == "diff" else sc.get("meeting"))
        work = tempfile.mkdtemp(prefix="quorate-diff-")
        d, diffs, expected, actual, err = run_task(binary, work, 0, task)
        print("\n".join(diffs) if diffs else "no difference")
        shutil.rmtree(work, ignore_errors=True)
        return 1 if diffs else 0

    seed = args.seed if args.seed is not None else int(time.time()) % 1000000
    rng = random.Random(seed)
    tasks = []
    for i in range(args.n):
        t = random_terms(rng)
        tasks.append(("eval", t, random_meeting(rng, t)))
        if i % 4 == 1:
            tasks.append(("explain", t, None))
        elif i % 4 == 3:
            tasks.append(("diff", t, amend(rng, t)))
    n_motions = sum(1 for w, _, m in tasks if w == "eval" for s in m["steps"] if s[0] == "motion")
    counts = {w: sum(1 for t in tasks if t[0] == w) for w in ("eval", "explain", "diff")}
    print(f"differential: {counts['eval']} meetings ({n_motions} motions), {counts['explain']} explain tables, "
          f"{counts['diff']} amendments, seed {seed}")

    work = tempfile.mkdtemp(prefix="quorate-diff-")
    # A copy of the binary: a rebuild during the run must not change it under us.
    snapshot = os.path.join(work, "quorate")
    shutil.copy2(binary, snapshot)
    binary = snapshot
    failures = []
    start = time.time()
    try:
        with ThreadPoolExecutor(max_workers=args.jobs) as pool:
            futures = [pool.submit(run_task, binary, work, i, task) for i, task in enumerate(tasks)]
            for i, fut in enumerate(futures):
                d, diffs, expected, actual, err = fut.result()
                if diffs:
                    what, t, other = tasks[i]
                    sc = {"seed": seed, "index": i, "what": what, "terms": t}
                    sc["new" if what == "diff" else "meeting"] = other
                    dest = save_failure(args.keep, d, sc, diffs, expected, actual, err)
                    failures.append((i, dest, diffs))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    for k, (i, dest, diffs) in enumerate(failures):
        print(f"FAIL scenario {i} (seed {seed}): saved in {dest}")
        for line in diffs[:10]:
            print("  " + line)
        if k < args.show:
            for name in ("terms.tor", "terms-new.tor", "meeting.minutes"):
                if not os.path.exists(os.path.join(dest, name)):
                    continue
                print(f"  --- {name}")
                with open(os.path.join(dest, name)) as f:
                    for line in f:
                        print("  | " + line.rstrip("\n"))
    if len(failures) > args.show:
        print(f"({len(failures) - args.show} more failures not printed in full; see {args.keep})")
    print(f"differential: {time.time() - start:.1f} s")
    print(f"{len(tasks) - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


def revive(terms):
    """scenario.json stores fractions as strings: make them Fractions again."""
    for r in terms["quorum"] + [r for c in terms["classes"] for r in c["requires"]]:
        if r.get("frac") is not None:
            r["frac"] = Fraction(r["frac"])
    return terms


if __name__ == "__main__":
    sys.exit(main())
