#!/bin/sh
# bench/conform.sh BUILD_DIR: how long `quorate conform` takes on cluster
# bodies of 12, 20 and 30 members (`make bench-conform`; never part of
# `make check`).
#
# Each body: the seven roles of the national sample, the members spread over
# them, half tagged `clinician` and some `north`.  The model's quorum is a
# third of the members with the Cluster Lead or a Clinical Lead and two
# clinicians; the local quorum names three role lists and a fourth; three
# classes, a casting vote and consensus.  Model and local differ, so every
# clause is searched to the end and counterexamples are written and judged by
# eval.  A fourth case is audit's worst case for the search (bench/diff_search.sh):
# 30 members in 30 sets of 5 tags, the quorum naming all five, read as a
# model against itself with its tags renamed through `maps`.
#
# Each figure is the median CPU time (user + system) of BENCH_RUNS runs
# (default 5), with how much the search searched.
set -eu
BUILD=${1:-build}
Q=$(cd "$BUILD" && pwd)/quorate
RUNS=${BENCH_RUNS:-5}
WORK=$(mkdir -p "$BUILD/bench/conform" && cd "$BUILD/bench/conform" && pwd)

python3 - "$WORK" <<'PY'
import random, sys
work = sys.argv[1]
roles = ["cluster_lead", "clinical_lead", "pm_lead", "cdm", "practice", "pharmacy", "patient_rep"]

def roster(n, rng):
    out = []
    for i in range(n):
        role = roles[i] if i < len(roles) else rng.choice(["practice", "practice", "pharmacy", "patient_rep", "clinical_lead"])
        tags = [t for t, p in (("clinician", 0.5), ("north", 0.3)) if rng.random() < p]
        out.append('  member m%d "Member %d" %s %s' % (i, i, role, " ".join(tags)))
    return out

def terms(name, members, quorum, financial, ordinary):
    lines = ['terms "%s" {' % name, "  effective 2024-04-01"]
    lines += ['  role %s "%s" voting' % (r, r) for r in roles]
    lines += members
    lines += ["  quorum { %s }" % quorum, "  casting vote chair", "  consensus first",
              '  class amendment { when motion.kind == "amendment" require yes >= 2/3 of members notice 14 days before }',
              "  class financial { when motion.financial require %s }" % financial,
              "  class ordinary { require %s }" % ordinary, "}"]
    return "\n".join(lines) + "\n"

for n in (12, 20, 30):
    members = roster(n, random.Random(n))
    with open("%s/model-%d.tor" % (work, n), "w") as f:
        f.write(terms("Model", members, "require present >= 1/3 of members rounded up "
                      "require present(cluster_lead, clinical_lead) >= 1 require present(clinician) >= 2",
                      "yes >= 75% of members", "yes > half of cast"))
    with open("%s/local-%d.tor" % (work, n), "w") as f:
        f.write(terms("Local %d" % n, members, "require present >= 1/3 of members rounded up "
                      "require present(cluster_lead, clinical_lead, pm_lead) >= 1 "
                      "require present(clinician, north) >= 2 require present(practice) >= 1",
                      "yes >= 2/3 of members and yes > no", "yes > half of votes"))

# 30 members in 30 sets of 5 tags; the model names them t1..t5, the cluster u1..u5
def tags30(name, prefix, maps):
    lines = ['terms "%s" {' % name, "  effective 2024-01-01", '  role mb "Member" voting']
    for i in range(30):
        tags = " ".join("%s%d" % (prefix, k + 1) for k in range(5) if ((i + 1) >> k) & 1)
        lines.append('  member p%d "P %d" mb %s' % (i, i, tags))
    if maps:
        lines.append("  maps { %s }" % " ".join("t%d: u%d" % (k, k) for k in range(1, 6)))
    lines.append("  quorum { require present >= 5 %s }" % " ".join(
        "require present(%s%d) >= %d" % (prefix, k, 1 + k % 2) for k in range(1, 6)))
    lines += ["  casting vote chair", "  consensus never",
              "  class money { when motion.financial require yes >= 2/3 of votes }",
              "  class ordinary { require yes > half of votes }", "}"]
    return "\n".join(lines) + "\n"

with open("%s/model-tags-30.tor" % work, "w") as f:
    f.write(tags30("Model", "t", True))
with open("%s/local-tags-30.tor" % work, "w") as f:
    f.write(tags30("Local tags", "u", False))
PY

. bench/median_cpu.sh
cpu() { # cpu MODEL LOCAL: median CPU seconds of RUNS runs
	median_cpu "$WORK" "$RUNS" "$Q" conform --model "$1" "$2"
}

echo "| body | CPU s (median of $RUNS) | meetings searched | complete | verdict |"
echo "| --- | ---: | ---: | --- | --- |"
for n in 12 20 30 tags-30; do
	t=$(cpu "$WORK/model-$n.tor" "$WORK/local-$n.tor")
	facts=$("$Q" conform --format json --model "$WORK/model-$n.tor" "$WORK/local-$n.tor" 2>/dev/null | python3 -c '
import json, sys
l = json.load(sys.stdin)["locals"][0]
print("%d | %s | %s" % (l["search"]["scenarios"], "yes" if l["search"]["complete"] else "no", l["verdict"]))')
	echo "| $n | $t | $facts |"
done
