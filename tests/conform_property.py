#!/usr/bin/env python3
"""Property test of `quorate conform`: what it prints is what eval says.

    python3 tests/conform_property.py BUILD_DIR [PAIRS] [SEED]

Generates PAIRS (default 60) pairs of terms, a local file and a model, on
one roster (the model's roster is the local one in another order, with the
model's names for the roles, a `maps` table where the names differ, and
observers who do not vote, so that `quorate eval` can judge a record under
either file and conform must read the local roster to agree with it), with
random quorums, class rules, casting vote, consensus and interests settings.  For each pair it runs
`quorate conform --format json` (and, for a third of them, `--exact`), and:

  1. every counterexample printed is turned into its .minutes record (the
     "record" of the JSON) and judged by `quorate eval` under the local file
     and under the model: the quorum verdicts and outcomes must be as the
     clause says (refinement: local quorate and the model not, for the
     quorum; local carried and the model not, for a class; --exact: they
     differ), and as conform's own JSON says eval judged them;
  2. a pair conform says conforms must survive random meetings: 40 motions
     per pair, each at its own attendance, judged under both, none with the
     local terms quorate or carrying where the model is not (with --exact:
     none that differ);
  3. a pair that does not conform must hold against random meetings of
     every size (40 motions): none with fewer present than a clause's
     smallest counterexample shows that clause, and none shows a clause
     conform says conforms (a motion is set against the quorum when the two
     differ there, else against the class the model gives it; motions with a
     declared interest, a casting vote or no vote are left to the settings).

Prints one line per failure and a summary; exits 0 if all held, 1 if not,
2 on bad usage.  SEED makes a run reproducible (the default is fixed).
"""

import json
import os
import random
import subprocess
import sys
import tempfile

ROLES = [("lead", "Cluster Lead"), ("clin", "Clinical Lead"), ("gp", "GP practice"), ("pharm", "Pharmacy")]
# the model's names for the local roles, in half of the pairs
MODEL_NAMES = {"lead": "cluster_lead", "clin": "clinical_lead", "gp": "practice", "pharm": "pharmacy"}

QUORUMS = [
    "present >= {k}",
    "present >= {k} and present({lead}, {clin}) >= 1",
    "present >= 1/3 of members rounded up",
    "present > half of members",
    "present >= {k} and present({gp}) >= 2",
]
RULES = [
    "yes > half of cast",
    "yes >= 2/3 of cast",
    "yes > half of present",
    "yes >= 75% of members",
    "yes >= 2/3 of members",
    "yes > half of votes",
    "yes >= 3 and yes > no",
    "yes > half of eligible",
    "yes >= 50% of cast + 1",
    "yes > half of members",
    "no == 0 and yes > 0",
]


def roster(rng):
    n = rng.randint(3, 12)
    members = []
    for i in range(n):
        role = "lead" if i == 0 else "clin" if i == 1 else rng.choice(["gp", "gp", "pharm", "clin"])
        members.append(("m%d" % i, role))
    return members


def names(model, mapped):
    return {r: (MODEL_NAMES[r] if model and mapped else r) for r, _ in ROLES}


def quorum(rng, n, nm):
    q = rng.choice(QUORUMS)
    return q.format(k=rng.randint(1, n), lead=nm["lead"], clin=nm["clin"], gp=nm["gp"])


def settings(rng):
    return {
        "casting": rng.choice(["chair", "none"]),
        "consensus": rng.choice(["first", "never"]),
        "vote": rng.choice(["void", "allowed"]),
        "quorum": rng.choice(["excluded", "counted", "deemed present"]),
        "leaves": rng.choice(["yes", "no"]),
    }


def terms_text(name, members, nm, q, rules, st, maps, observers=0):
    lines = ['terms "%s" {' % name, "  effective 2024-04-01"]
    for r, title in ROLES:
        lines.append('  role %s "%s" voting' % (nm[r], title))
    lines.append('  role observer "Observer" attending')
    for mid, role in members:
        lines.append('  member %s "Member %s" %s' % (mid, mid, nm[role]))
    for i in range(observers):
        lines.append('  member obs%d "Observer %d" observer' % (i, i))
    if maps:
        lines.append("  maps {")
        for r, _ in ROLES:
            lines.append("    %s: %s" % (MODEL_NAMES[r], r))
        lines.append("  }")
    lines.append("  quorum { require %s }" % q)
    lines.append("  consensus %s" % st["consensus"])
    lines.append("  casting vote %s" % st["casting"])
    lines.append("  interests {")
    lines.append("    conflicted vote: %s" % st["vote"])
    lines.append("    conflicted quorum: %s" % st["quorum"])
    lines.append("    conflicted leaves: %s" % st["leaves"])
    lines.append("  }")
    lines.append("  class financial { when motion.financial require %s }" % rules[0])
    lines.append("  class ordinary { require %s }" % rules[1])
    lines.append("}")
    return "\n".join(lines) + "\n"


def run(args, cwd=None):
    p = subprocess.run(args, capture_output=True, text=True, cwd=cwd)
    return p.returncode, p.stdout, p.stderr


class Checker:
    def __init__(self, quorate, tmp):
        self.q = quorate
        self.tmp = tmp
        self.failures = 0
        self.counterexamples = 0
        self.records = 0

    def fail(self, what, detail):
        self.failures += 1
        print("FAIL %s: %s" % (what, detail))
        for path in (os.path.join(self.tmp, "local.tor"), os.path.join(self.tmp, "model.tor")):
            with open(path) as f:
                print("--- %s\n%s" % (os.path.basename(path), f.read()), end="")

    def eval_motion(self, terms, record):
        motions, err = self.eval_motions(terms, record)
        return (motions[0], None) if motions else (None, err)

    def check_counterexample(self, label, clause, local, model, exact):
        x = clause["counterexample"]
        self.counterexamples += 1
        judged = []
        for terms, mine in ((local, x["local"]), (model, x["model"])):
            motion, err = self.eval_motion(terms, x["record"])
            if motion is None:
                self.fail(label, "eval could not read the record: %s\n%s" % (err.strip(), x["record"]))
                return
            if motion["outcome"] != mine["motions"][0]["outcome"] or motion["quorate"] != mine["motions"][0]["quorate"]:
                self.fail(label, "eval judges the record otherwise than conform printed:\n%s" % x["record"])
            judged.append(motion)
        lm, mm = judged
        if clause["topic"] == "quorum":
            ok = lm["quorate"] != mm["quorate"] if exact else lm["quorate"] and not mm["quorate"]
        else:
            ok = lm["outcome"] != mm["outcome"] if exact else lm["outcome"] == "carried" and mm["outcome"] != "carried"
        if not ok:
            self.fail(label, "%s: the counterexample does not show it (local %s/%s, model %s/%s):\n%s" % (
                clause["heading"], lm["quorate"], lm["outcome"], mm["quorate"], mm["outcome"], x["record"]))

    def random_motion(self, rng, number, present, votes_void):
        """One motion of a sample meeting, at the attendance `present`."""
        interest = rng.choice(present) if present and rng.random() < 0.3 else None
        others = [m for m in present if m != interest]
        # a member with a declared interest votes only where both sets of
        # terms count the vote: whether they may is a setting, compared as
        # such (docs/conform.md#declared-interests)
        voters = others + ([interest] if interest and not votes_void and rng.random() < 0.5 else [])
        rng.shuffle(voters)
        votes = {"for": [], "against": [], "abstain": []}
        for v in voters:
            votes[rng.choice(["for", "for", "against", "abstain"])].append(v)
        lines = ['  motion %d "M"%s {' % (number, " financial" if rng.random() < 0.5 else "")]
        if others:
            lines.append("    chair %s" % others[0])
        if interest:
            lines.append("    interest %s" % interest)
        for kind, who in votes.items():
            if who:
                lines.append("    %s %s" % (kind, ", ".join(who)))
        if not voters:
            lines.append("    tally for 0 against 0")
        if len(votes["for"]) == len(votes["against"]) and votes["for"] and rng.random() < 0.7:
            lines.append("    casting %s" % rng.choice(["for", "against"]))
        lines.append("  }")
        return lines

    def sample_meeting(self, rng, members, votes_void, motions, sizes=None):
        """One meeting of many motions, each at its own attendance (arrivals
        and departures between them), so eval judges them all at once.  With
        a list `sizes`, each motion's attendance is drawn at its own rate
        (small meetings too) and its size appended there."""
        lines = ['meeting "Sample" on 2024-05-01 {']
        here = []
        for number in range(1, motions + 1):
            rate = 0.7 if sizes is None else rng.uniform(0.1, 1.0)
            want = [m for m, _ in members if rng.random() < rate]
            if sizes is not None:
                sizes.append(len(want))
            gone = [m for m in here if m not in want]
            new = [m for m in want if m not in here]
            if number == 1 and new:
                lines.append("  present %s" % ", ".join(new))
            else:
                if gone:
                    lines.append("  leaves %s" % ", ".join(gone))
                if new:
                    lines.append("  arrives %s" % ", ".join(new))
            here = want
            lines += self.random_motion(rng, number, want, votes_void)
        lines.append("}")
        return "\n".join(lines) + "\n"

    def eval_motions(self, terms, record):
        path = os.path.join(self.tmp, "record.minutes")
        with open(path, "w") as f:
            f.write(record)
        status, out, err = run([self.q, "eval", "--format", "json", terms, path])
        if status not in (0, 1):
            return None, err
        return json.loads(out)["motions"], None

    def check_conforming(self, rng, label, members, local, model, exact, votes_void):
        record = self.sample_meeting(rng, members, votes_void, 40)
        lms, err1 = self.eval_motions(local, record)
        mms, err2 = self.eval_motions(model, record)
        if lms is None or mms is None:
            self.fail(label, "eval could not read the sample meeting: %s\n%s" % ((err1 or err2).strip(), record))
            return
        for lm, mm in zip(lms, mms):
            self.records += 1
            if exact:
                bad = lm["quorate"] != mm["quorate"] or (lm["quorate"] and lm["outcome"] != mm["outcome"])
            else:
                bad = (lm["quorate"] and not mm["quorate"]) or (
                    lm["outcome"] == "carried" and mm["outcome"] != "carried")
            if bad:
                self.fail(label, "conform says the terms %s, yet motion %s is %s/%s locally and %s/%s under "
                          "the model:\n%s" % ("are the same" if exact else "conform", lm["number"], lm["quorate"],
                                              lm["outcome"], mm["quorate"], mm["outcome"], record))
                return


    def check_smallest(self, rng, label, members, local, model, exact, votes_void, clauses):
        """Terms that do not conform: no sample meeting with fewer present
        than a clause's smallest counterexample shows that clause, and none
        at all shows a clause said to conform.  A motion is set against the
        quorum when one set of terms is quorate and the other not, else
        against the class the model gives it (docs/conform.md#the-search-
        and-its-counterexamples); motions with a declared interest, a casting
        vote or no vote are left to the settings and not set against a
        class."""
        smallest = {}
        for c in clauses:
            if c["topic"] in ("quorum", "class"):
                x = c["counterexample"]
                smallest[c["heading"]] = (c["verdict"], x["present"] if x and x["smallest"] else None)
        sizes = []
        record = self.sample_meeting(rng, members, votes_void, 40, sizes)
        lms, err1 = self.eval_motions(local, record)
        mms, err2 = self.eval_motions(model, record)
        if lms is None or mms is None:
            self.fail(label, "eval could not read the sample meeting: %s\n%s" % ((err1 or err2).strip(), record))
            return
        for lm, mm, size in zip(lms, mms, sizes):
            self.records += 1
            if lm["quorate"] != mm["quorate"]:
                if not (exact or lm["quorate"]):
                    continue
                heading = "quorum"
            elif not lm["quorate"]:
                continue
            else:
                differs = lm["outcome"] != mm["outcome"] if exact else (
                    lm["outcome"] == "carried" and mm["outcome"] != "carried")
                quiet = lm["interests"] or mm["interests"] or lm["casting"]["applied"] or mm["casting"]["applied"]
                if not differs or quiet or lm["counts"]["yes"] + lm["counts"]["no"] == 0:
                    continue
                heading = "class %s" % mm["class"]["name"] if mm["class"] else None
            verdict, least = smallest.get(heading, (None, None))
            if verdict in ("conforms", "open") or (least is not None and size < least):
                self.fail(label, "motion %s (%d present) shows '%s', which conform says %s%s:\n%s" % (
                    lm["number"], size, heading, verdict, "" if least is None else
                    " with a smallest counterexample of %d present" % least, record))
                return


def main(argv):
    if len(argv) < 2 or argv[1] in ("-h", "--help"):
        sys.stderr.write(__doc__.split("\n\n")[1] + "\n")
        return 2
    quorate = os.path.abspath(os.path.join(argv[1], "quorate"))
    pairs = int(argv[2]) if len(argv) > 2 else 60
    rng = random.Random(int(argv[3]) if len(argv) > 3 else 18)
    with tempfile.TemporaryDirectory(prefix="conform-property.") as tmp:
        ck = Checker(quorate, tmp)
        conforming = 0
        for i in range(pairs):
            members = roster(rng)
            n = len(members)
            mapped = rng.random() < 0.5
            lnm, mnm = names(False, mapped), names(True, mapped)
            st_local = settings(rng)
            st_model = dict(st_local) if rng.random() < 0.6 else settings(rng)
            q_local = quorum(rng, n, lnm)
            q_model = q_local.replace("lead", mnm["lead"]) if rng.random() < 0.3 and not mapped else quorum(rng, n, mnm)
            r_local = [rng.choice(RULES), rng.choice(RULES)]
            r_model = [rng.choice(RULES), rng.choice(RULES)] if rng.random() < 0.7 else list(r_local)
            local = os.path.join(tmp, "local.tor")
            model = os.path.join(tmp, "model.tor")
            with open(local, "w") as f:
                f.write(terms_text("Local", members, lnm, q_local, r_local, st_local, False))
            # the model's own roster: the same people in another order, and
            # observers who do not vote (conform reads the local roster;
            # eval of the model file must count the same voting members)
            shuffled = list(members)
            rng.shuffle(shuffled)
            with open(model, "w") as f:
                f.write(terms_text("Model", shuffled, mnm, q_model, r_model, st_model, mapped, rng.randint(0, 2)))
            exact = i % 3 == 2
            args = [quorate, "conform", "--format", "json"] + (["--exact"] if exact else []) + ["--model", model, local]
            status, out, err = run(args)
            label = "pair %d%s" % (i, " (--exact)" if exact else "")
            if status == 2 and "[quorum.unreachable]" in err:
                continue  # a generated file the checker refuses: skip it
            if status not in (0, 1):
                ck.fail(label, "conform exited with status %d: %s" % (status, err.strip()))
                continue
            doc = json.loads(out)
            if status != (0 if doc["conforms"] else 1):
                ck.fail(label, "exit status %d but conforms is %s" % (status, doc["conforms"]))
            for clause in doc["locals"][0]["clauses"]:
                if clause["counterexample"]:
                    ck.check_counterexample(label, clause, local, model, exact)
            if not doc["conforms"]:
                votes_void = any(st["vote"] == "void" or st["leaves"] == "yes" for st in (st_local, st_model))
                ck.check_smallest(rng, label, members, local, model, exact, votes_void, doc["locals"][0]["clauses"])
            if doc["conforms"]:
                conforming += 1
                votes_void = any(st["vote"] == "void" or st["leaves"] == "yes" for st in (st_local, st_model))
                ck.check_conforming(rng, label, members, local, model, exact, votes_void)
        print("conform property: %d pairs (%d conforming), %d counterexamples and %d sample meetings judged by eval, "
              "%d failed" % (pairs, conforming, ck.counterexamples, ck.records, ck.failures))
        return 1 if ck.failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
