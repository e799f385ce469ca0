#!/bin/sh
# bench/profile.sh BUILD_DIR [MEETINGS]: instruction-count profiles with
# valgrind's callgrind, for docs/performance.md.  Not part of `make bench`.
#
# Profiles, on a generated history of MEETINGS meetings (default 2000; made
# by bench/run.sh's generator with the same parameters, under
# BUILD_DIR/bench/data):
#   summary-native, summary-json, summary-single
#                   quorate replay --summary over one native file per
#                   meeting, one JSON file per meeting, and every meeting in
#                   one native file
#   replay-native, replay-json, replay-single
#                   the same with the full text report
#   jsonreport-native  quorate replay --format json, native records
#   diff-12, diff-30-role   quorate diff for 12 members, and 30 members with
#                   a role clause in the quorum
# and writes BUILD_DIR/bench/profile/NAME.{out,self.txt,incl.txt}: the raw
# callgrind file, and the top functions by self and by inclusive count.
set -eu

BUILD=${1:-build}
N=${2:-2000}
HERE=$(cd "$(dirname "$0")" && pwd)
Q=$(cd "$BUILD" && pwd)/quorate
WORK=$(mkdir -p "$BUILD/bench/profile" && cd "$BUILD/bench" && pwd)
P=$WORK/profile
DATA=$WORK/data/p$N
PY=${PYTHON:-python3}

command -v valgrind >/dev/null || { echo "profile: valgrind is needed" >&2; exit 2; }
if [ ! -f "$DATA/stats.json" ]; then
	"$PY" "$HERE/gen.py" history --out "$DATA" --meetings "$N" --seed 1 --single
fi
mkdir -p "$WORK/data/diff"
"$PY" "$HERE/gen.py" terms --members 12 --out "$WORK/data/diff/old12.tor"
"$PY" "$HERE/gen.py" terms --members 12 --financial 2/3 --version 2 --out "$WORK/data/diff/new12.tor"
"$PY" "$HERE/gen.py" terms --members 30 --role-quorum --out "$WORK/data/diff/rold30.tor"
"$PY" "$HERE/gen.py" terms --members 30 --role-quorum --financial 2/3 --version 2 --out "$WORK/data/diff/rnew30.tor"

prof() {
	name=$1
	shift
	echo "profile: $name: $*" >&2
	valgrind --tool=callgrind --callgrind-out-file="$P/$name.out" "$@" >/dev/null 2>"$P/$name.log" || true
	callgrind_annotate "$P/$name.out" 2>/dev/null | sed -n '/^Ir/,$p' | head -n 40 >"$P/$name.self.txt"
	callgrind_annotate --inclusive=yes "$P/$name.out" 2>/dev/null | sed -n '/^Ir/,$p' | head -n 60 >"$P/$name.incl.txt"
	grep 'refs' "$P/$name.log" >&2 || true
}

cd "$DATA"
prof summary-native "$Q" replay --summary terms.tor native
prof summary-json "$Q" replay --summary terms.tor json
prof summary-single "$Q" replay --summary terms.tor all.minutes
prof replay-native "$Q" replay terms.tor native
prof replay-json "$Q" replay terms.tor json
prof replay-single "$Q" replay terms.tor all.minutes
prof jsonreport-native "$Q" replay --format json terms.tor native
prof diff-12 "$Q" diff "$WORK/data/diff/old12.tor" "$WORK/data/diff/new12.tor"
prof diff-30-role "$Q" diff "$WORK/data/diff/rold30.tor" "$WORK/data/diff/rnew30.tor"
echo "profile: results in $P" >&2
