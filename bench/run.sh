#!/bin/sh
# bench/run.sh BUILD_DIR: quorate's performance side by side with the Python
# peer and the limit of the machine (`make bench`).  See docs/performance.md.
#
# Generates synthetic histories (bench/gen.py) under BUILD_DIR/bench/data
# (kept between runs, never committed; BENCH_FRESH=1 regenerates) and, for
# each size, measures in interleaved rounds (bench/measure.py):
#   - the floor: `find | xargs cat | wc -l` over the record files, and
#     `cat all.minutes | wc -l` over the history in one file;
#   - the Python peer (bench/peer.py) over the JSON records;
#   - `quorate replay --summary` over one native file per meeting, one JSON
#     file per meeting, and the whole history in one native file;
#   - the full text and JSON reports over the same three;
# then counts the instructions of every quorate run on the smallest history
# with callgrind, and prints one table per history (bench/report.py) and the
# targets of the performance issue, met or not.
# Before measuring, it checks that quorate (every record format), the peer
# and the generator agree on every outcome of the smallest history.
#
# Knobs (environment):
#   BENCH_SIZES     meetings, one history each (default "1000 10000 100000")
#   BENCH_RUNS      rounds (default 5); BENCH_BIG_RUNS at 100,000 meetings
#                   and more, and for the big file (default 3)
#   BENCH_BIG_MB    also a history of about this many megabytes in one native
#                   file (default 0: none; 1000 for the 1 GB case, about 2
#                   minutes to generate and 3 GB of disk with its reports' runs)
#   BENCH_CALLGRIND instructions per motion with valgrind (default 1)
#   BENCH_JQ        also the jq peer, up to 10,000 meetings (default 0)
#   BENCH_DIFF      also `quorate diff` for 12, 20 and 30 members (default 1)
#   BENCH_MOTIONS (8), BENCH_MEMBERS (12), BENCH_SEED (1), BENCH_FRESH=1
# The report goes to stdout and BUILD_DIR/bench/results.md.  Needs python3;
# GNU time (/usr/bin/time) for peak memory, valgrind for instruction counts
# and jq for the jq peer, each skipped without.
set -eu

BUILD=${1:-build}
HERE=$(cd "$(dirname "$0")" && pwd)
Q=$(cd "$BUILD" && pwd)/quorate
WORK=$(mkdir -p "$BUILD/bench" && cd "$BUILD/bench" && pwd)
DATA=$WORK/data
SIZES=${BENCH_SIZES:-"1000 10000 100000"}
RUNS=${BENCH_RUNS:-5}
BIG_RUNS=${BENCH_BIG_RUNS:-3}
BIG_MB=${BENCH_BIG_MB:-0}
MOTIONS=${BENCH_MOTIONS:-8}
MEMBERS=${BENCH_MEMBERS:-12}
SEED=${BENCH_SEED:-1}
PY=${PYTHON:-python3}
OUT=$WORK/results.md
ROWS=$WORK/rows.tsv
: >"$ROWS"

[ -x "$Q" ] || { echo "bench: $Q not built (run make)" >&2; exit 2; }
command -v "$PY" >/dev/null || { echo "bench: python3 is needed" >&2; exit 2; }
HAVE_JQ=no
[ "${BENCH_JQ:-0}" = 1 ] && command -v jq >/dev/null && HAVE_JQ=yes
HAVE_VG=no
[ "${BENCH_CALLGRIND:-1}" = 1 ] && command -v valgrind >/dev/null && HAVE_VG=yes
PIN=""; command -v taskset >/dev/null && PIN="taskset -c 0"

say() { echo "bench: $*" >&2; }

# ---- data --------------------------------------------------------------------------
# gen_history N -> DATA/hN; gen_big MB -> DATA/big-MB; reused when generated
# with the same parameters and the same bench/gen.py.
fresh() { # DIR STAMP: true if DIR must be (re)generated
	[ "${BENCH_FRESH:-0}" = 1 ] || [ ! -f "$1/stamp" ] || [ "$(cat "$1/stamp")" != "$2" ]
}
gen_history() {
	dir=$DATA/h$1
	stamp="history meetings=$1 motions=$MOTIONS members=$MEMBERS seed=$SEED gen=$(cksum <"$HERE/gen.py")"
	if fresh "$dir" "$stamp"; then
		rm -rf "$dir"
		say "generating $1 meetings into $dir"
		"$PY" "$HERE/gen.py" history --out "$dir" --meetings "$1" --motions "$MOTIONS" \
			--members "$MEMBERS" --seed "$SEED" --single
		echo "$stamp" >"$dir/stamp"
	fi
}
gen_big() {
	dir=$DATA/big-$1
	stamp="onefile megabytes=$1 motions=$MOTIONS members=$MEMBERS seed=$SEED gen=$(cksum <"$HERE/gen.py")"
	if fresh "$dir" "$stamp"; then
		rm -rf "$dir"
		say "generating about $1 MB in one file into $dir"
		"$PY" "$HERE/gen.py" onefile --out "$dir" --megabytes "$1" --motions "$MOTIONS" \
			--members "$MEMBERS" --seed "$SEED"
		echo "$stamp" >"$dir/stamp"
	fi
}

stat_of() { sed -n "s/.*\"$2\": *\([0-9]*\).*/\1/p" "$1/stats.json"; }

# ---- agreement: quorate, the peers and the generator on the smallest history ----------
# One line of counts per implementation: meetings motions mismatches and the
# five outcomes, from each one's JSON.
counts_py='import json,sys
d=json.load(sys.stdin); d=d.get("summary",d); o=d["outcomes"]
print(d.get("meetings","-"), d["motions"], d["mismatches"], *[o[k] for k in ("carried","not carried","void","provisional","undetermined")])'

agree() {
	dir=$DATA/h$1
	q=$("$Q" replay --summary --format json "$dir/terms.tor" "$dir/json" 2>/dev/null | "$PY" -c "$counts_py" || true)
	qn=$("$Q" replay --summary --format json "$dir/terms.tor" "$dir/native" 2>/dev/null | "$PY" -c "$counts_py" || true)
	q1=$("$Q" replay --summary --format json "$dir/terms.tor" "$dir/all.minutes" 2>/dev/null | "$PY" -c "$counts_py" || true)
	p=$("$PY" "$HERE/peer.py" "$dir/peer-config.json" "$dir/json" | "$PY" -c "$counts_py")
	g=$("$PY" -c "$counts_py" <"$dir/expected.json" | sed 's/^-/'"$1"'/')
	j="not run (BENCH_JQ=1 and jq to run it)"
	if [ "$HAVE_JQ" = yes ]; then
		j=$(find "$dir/json" -name '*.json' -print0 | sort -z | xargs -0 cat |
			jq -n --slurpfile cfg "$dir/peer-config.json" -f "$HERE/peer.jq" | "$PY" -c "$counts_py")
	fi
	AGREE="meetings motions mismatches carried not-carried void provisional undetermined
quorate (JSON records):      $q
quorate (native records):    $qn
quorate (native, one file):  $q1
bench/peer.py:               $p
bench/peer.jq:               $j
bench/gen.py (expected):     $g"
	if [ "$q" != "$p" ] || { [ "$HAVE_JQ" = yes ] && [ "$q" != "$j" ]; } || [ "$q" != "$qn" ] ||
		[ "$q" != "$q1" ] || [ "$q" != "$g" ]; then
		echo "$AGREE" >&2
		say "the implementations disagree on the outcomes of $dir: not measuring"
		exit 1
	fi
}

# ---- measurements ----------------------------------------------------------------------
LIST=$WORK/list.tsv
RES=$WORK/measured.txt

# What each row measures: ID, records it reads, label, command (run in the
# history's directory).
add() { printf '%s\t%s\n' "$1" "$2" >>"$LIST"; }

# instr COMMAND...: instructions (callgrind's "Collected"), or - without valgrind
instr() {
	if [ "$HAVE_VG" = yes ]; then
		valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
			sed -n 's/.*Collected : *\([0-9]*\).*/\1/p' | tail -n 1
	else
		echo -
	fi
}

# row SIZE ID RECORDS MOTIONS BYTES INSTRUCTIONS (the timing from RES)
row() {
	m=$(grep "^$2 " "$RES" | cut -d' ' -f2-)
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" "$(echo "$m" | tr ' ' '\t')" "$6" >>"$ROWS"
}

bench_history() {
	n=$1
	dir=$DATA/h$n
	runs=$RUNS
	[ "$n" -ge 100000 ] && runs=$BIG_RUNS
	motions=$(stat_of "$dir" motions)
	nb=$(stat_of "$dir" native_bytes)
	jb=$(stat_of "$dir" json_bytes)
	cd "$dir"
	: >"$LIST"
	add floor-native "$PIN find native -name '*.minutes' -print0 | $PIN xargs -0 cat | $PIN wc -l >/dev/null"
	add floor-json "$PIN find json -name '*.json' -print0 | $PIN xargs -0 cat | $PIN wc -l >/dev/null"
	add floor-one "$PIN cat all.minutes | $PIN wc -l >/dev/null"
	add peer "exec $PIN $PY $HERE/peer.py peer-config.json json >/dev/null"
	if [ "$HAVE_JQ" = yes ] && [ "$n" -le 10000 ]; then
		add jq "$PIN find json -name '*.json' -print0 | $PIN xargs -0 cat | $PIN jq -n --slurpfile cfg peer-config.json -f $HERE/peer.jq >/dev/null"
	fi
	for r in native json one; do
		case $r in native) in=native ;; json) in=json ;; one) in=all.minutes ;; esac
		add "summary-$r" "exec $PIN $Q replay --summary terms.tor $in >/dev/null"
		add "text-$r" "exec $PIN $Q replay terms.tor $in >/dev/null"
		add "json-$r" "exec $PIN $Q replay --format json terms.tor $in >/dev/null"
	done
	say "$n meetings: $runs rounds"
	"$PY" "$HERE/measure.py" "$runs" "$LIST" >"$RES"
	row "$n" floor-native native "$motions" "$nb" -
	row "$n" floor-json json "$motions" "$jb" -
	row "$n" floor-one one "$motions" "$nb" -
	row "$n" peer json "$motions" "$jb" -
	[ "$HAVE_JQ" = yes ] && [ "$n" -le 10000 ] && row "$n" jq json "$motions" "$jb" -
	for r in native json one; do
		case $r in native) in=native; b=$nb ;; json) in=json; b=$jb ;; one) in=all.minutes; b=$nb ;; esac
		i1=-; i2=-; i3=-
		if [ "$n" = "$SMALLEST" ]; then
			say "$n meetings: instructions of the $r runs (callgrind)"
			i1=$(instr "$Q" replay --summary terms.tor $in)
			i2=$(instr "$Q" replay terms.tor $in)
			i3=$(instr "$Q" replay --format json terms.tor $in)
		fi
		row "$n" "summary-$r" "$r" "$motions" "$b" "$i1"
		row "$n" "text-$r" "$r" "$motions" "$b" "$i2"
		row "$n" "json-$r" "$r" "$motions" "$b" "$i3"
	done
	cd - >/dev/null
}

bench_big() {
	dir=$DATA/big-$1
	motions=$(stat_of "$dir" motions)
	nb=$(stat_of "$dir" native_bytes)
	meetings=$(stat_of "$dir" meetings)
	cd "$dir"
	cat all.minutes >/dev/null # into the page cache
	: >"$LIST"
	add floor-one "$PIN cat all.minutes | $PIN wc -l >/dev/null"
	add summary-one "exec $PIN $Q replay --summary terms.tor all.minutes >/dev/null"
	add text-one "exec $PIN $Q replay terms.tor all.minutes >/dev/null"
	add json-one "exec $PIN $Q replay --format json terms.tor all.minutes >/dev/null"
	say "$1 MB in one file: $BIG_RUNS rounds"
	"$PY" "$HERE/measure.py" "$BIG_RUNS" "$LIST" >"$RES"
	for id in floor-one summary-one text-one json-one; do
		row "$meetings" "$id" "one (${1} MB)" "$motions" "$nb" -
	done
	cd - >/dev/null
}

DIFF_ROWS=$WORK/diff.tsv
: >"$DIFF_ROWS"
# The diff of two versions of the terms for bodies of 12, 20 and 30 members;
# each timed as a shell loop of 20 diffs, so that the harness's own start-up
# is not counted.
bench_diff() {
	d=$DATA/diff
	mkdir -p "$d"
	: >"$LIST"
	add start "exec $PIN sh -c 'i=0; while [ \$i -lt 20 ]; do $Q --version >/dev/null; i=\$((i + 1)); done'"
	for k in 12 20 30; do
		"$PY" "$HERE/gen.py" terms --members "$k" --out "$d/old$k.tor"
		"$PY" "$HERE/gen.py" terms --members "$k" --financial 2/3 --version 2 --out "$d/new$k.tor"
		"$PY" "$HERE/gen.py" terms --members "$k" --role-quorum --out "$d/rold$k.tor"
		"$PY" "$HERE/gen.py" terms --members "$k" --role-quorum --financial 2/3 --version 2 --out "$d/rnew$k.tor"
		add "diff$k" "exec $PIN sh -c 'i=0; while [ \$i -lt 20 ]; do $Q diff $d/old$k.tor $d/new$k.tor >/dev/null; i=\$((i + 1)); done'"
		add "rdiff$k" "exec $PIN sh -c 'i=0; while [ \$i -lt 20 ]; do $Q diff $d/rold$k.tor $d/rnew$k.tor >/dev/null; i=\$((i + 1)); done'"
	done
	say "diff: $RUNS rounds"
	"$PY" "$HERE/measure.py" "$RUNS" "$LIST" >"$RES"
	for k in 12 20 30; do
		s=$("$Q" diff "$d/old$k.tor" "$d/new$k.tor" | sed -n 's/^ *\([0-9]* of [0-9]*\) possible.*/\1/p')
		s2=$("$Q" diff "$d/rold$k.tor" "$d/rnew$k.tor" | sed -n 's/^ *\([0-9]* of [0-9]*\) possible.*/\1/p')
		printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$k" "$(grep "^diff$k " "$RES" | cut -d' ' -f2)" "$s" \
			"$(grep "^diff$k " "$RES" | cut -d' ' -f5)" "$(grep "^rdiff$k " "$RES" | cut -d' ' -f2)" "$s2" \
			"$(grep "^rdiff$k " "$RES" | cut -d' ' -f5)" >>"$DIFF_ROWS"
	done
	printf 'start\t%s\n' "$(grep '^start ' "$RES" | cut -d' ' -f2)" >>"$DIFF_ROWS"
}

# ---- run ----------------------------------------------------------------------------
start=$(date +%s)
for n in $SIZES; do gen_history "$n"; done
[ "$BIG_MB" -gt 0 ] && gen_big "$BIG_MB"
SMALLEST=$(for n in $SIZES; do echo "$n"; done | sort -n | head -n 1)
agree "$SMALLEST"
for n in $SIZES; do bench_history "$n"; done
[ "$BIG_MB" -gt 0 ] && bench_big "$BIG_MB"
[ "${BENCH_DIFF:-1}" = 1 ] && bench_diff
elapsed=$(( $(date +%s) - start ))

# ---- report -----------------------------------------------------------------------------
commit=$(git -C "$HERE/.." rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(git -C "$HERE/.." status --porcelain -- src grammar include 2>/dev/null | head -n 1)
[ -n "$dirty" ] && commit="$commit (with uncommitted changes to src, grammar or include)"
{
	echo "## Machine"
	echo
	echo "- CPU: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)" \
		"($(nproc) online CPUs); every measured command pinned to one core${PIN:+ with \`$PIN\`}"
	echo "- load average at the end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
	echo "- compiler: $(${CC:-cc} --version 2>/dev/null | head -n 1); quorate at $commit"
	echo "- python3 $("$PY" -c 'import platform; print(platform.python_version())')"
	echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); the whole run took ${elapsed} s"
	echo
	echo "## Agreement (the smallest history, $SMALLEST meetings)"
	echo
	echo '```'
	echo "$AGREE"
	echo '```'
	echo
	"$PY" "$HERE/report.py" "$ROWS" "$DIFF_ROWS" "$MEMBERS" "$MOTIONS" "$SEED" "$RUNS" "$BIG_RUNS"
} >"$OUT"
cat "$OUT"
say "report in $OUT; data in $DATA (delete it, or make clean, to free the disk)"
