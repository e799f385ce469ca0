#!/bin/sh
# bench/diff_search.sh BUILD_DIR: how long `quorate diff` takes on the
# rosters of issue 13 and on a worst case for a cluster-sized body
# (`make bench-diff`; never part of `make check`).
#
#   roster A   26 members who vote become non-voting, each with a different
#              set of the tags the new quorum names (was 66 s)
#   roster B   24 members in 6 roles, each role needed in the quorum
#   roster C   100 members, a threshold change
#   tags-30    30 members in 30 different sets of 5 tags, the quorum naming
#              all 5 in both versions, 5 members turned non-voting, rules
#              that name abstentions and votes (every vote split counts)
#
# Each figure is the median CPU time (user + system) of BENCH_RUNS runs
# (default 5), with the search's own account of how much it searched.
set -eu
BUILD=${1:-build}
Q=$(cd "$BUILD" && pwd)/quorate
RUNS=${BENCH_RUNS:-5}
WORK=$(mkdir -p "$BUILD/bench/diff" && cd "$BUILD/bench/diff" && pwd)
G=tests/golden/diff

# the worst case: 30 members in 30 tag sets (bits of 1..30 over 5 tags)
tags30() { # tags30 VERSION RULE TAGS CASTING TURN
	echo "terms \"Tags\" {"
	echo "  effective 2024-01-01"
	echo "  version \"$1\""
	echo '  role mb "Member" voting'
	echo '  role obs "Observer" attending'
	i=0
	while [ $i -lt 30 ]; do
		set_tags=""
		k=0
		for t in t1 t2 t3 t4 t5; do
			[ $(( ((i + 1) >> k) & 1 )) = 1 ] && set_tags="$set_tags $t"
			k=$((k + 1))
		done
		role=mb
		[ "$5" = turn ] && [ $((i % 7)) = 0 ] && role=obs
		echo "  member p$i \"P $i\" $role$set_tags"
		i=$((i + 1))
	done
	echo "  quorum {"
	echo "    require present >= 5"
	n=1
	for t in $3; do
		echo "    require present($t) >= $n"
		n=$((3 - n))
	done
	echo "  }"
	echo "  casting vote $4"
	echo '  consensus never'
	echo '  class money { when motion.financial'
	echo '    require yes >= 2/3 of votes }'
	echo "  class ordinary { require $2 }"
	echo "}"
}
tags30 1 "yes > half of votes" "t1 t2 t3 t4 t5" chair keep > "$WORK/tags-30-old.tor"
tags30 2 "yes > abstain and yes > no" "t5 t4 t3 t2 t1" none turn > "$WORK/tags-30-new.tor"

. bench/median_cpu.sh
cpu() { # cpu OLD NEW: median CPU seconds of RUNS runs
	median_cpu "$WORK" "$RUNS" "$Q" diff "$1" "$2"
}

echo "| case | CPU s (median of $RUNS) | searched | differing | complete | distinct attendances |"
echo "| --- | ---: | ---: | ---: | --- | ---: |"
for c in "roster A:$G/roster-a-old.tor:$G/roster-a-new.tor" "roster B:$G/roster-b-old.tor:$G/roster-b-new.tor" \
         "roster C:$G/roster-c-old.tor:$G/roster-c-new.tor" "tags-30:$WORK/tags-30-old.tor:$WORK/tags-30-new.tor"; do
	name=${c%%:*}
	rest=${c#*:}
	old=${rest%%:*}
	new=${rest#*:}
	t=$(cpu "$old" "$new")
	facts=$("$Q" diff --format json "$old" "$new" 2>/dev/null | python3 -c '
import json, sys
s = json.load(sys.stdin)["scenarios"]
print("%d | %d | %s | %d" % (s["searched"], s["differing"], "yes" if s["complete"] else "no", s["attendances"]))')
	echo "| $name | $t | $facts |"
done
