#!/bin/sh
# bench/run.sh BUILD_DIR: quorate's performance, against its peers and the
# limit of the machine (`make bench`).  See docs/performance.md.
#
# Generates synthetic histories (bench/gen.py) under BUILD_DIR/bench/data
# (kept between runs, never committed; BENCH_FRESH=1 regenerates), then
# measures, each figure the median of several runs (bench/measure.py):
#   - `quorate replay` over native and JSON records: motions/s and MB/s;
#   - the same engine without a report writer (bench/replay_core.c), to
#     separate judging from printing;
#   - the reading floor: `find | xargs cat | wc -l` over the same files;
#   - the peers: bench/peer.jq (jq) and bench/peer.py (Python) over the JSON;
#   - peak resident memory at 1x, 10x and 100x the history;
#   - `quorate diff` for bodies of 12, 20 and 30 members.
# Before measuring, it checks that quorate, both peers and the generator
# agree on every outcome of the smallest history; a disagreement fails.
#
# Knobs (environment): BENCH_SIZES (meetings, default "1000 10000 100000"),
# BENCH_RUNS (default 5), BENCH_BIG_RUNS (runs at 100000 meetings and more,
# default 3), BENCH_MOTIONS (per meeting, 8), BENCH_MEMBERS (12), BENCH_SEED
# (1), BENCH_DIFF_LOOP (diffs per timed loop, 20), BENCH_FRESH=1.  The report
# goes to stdout and BUILD_DIR/bench/results.md.  Needs python3; jq for the jq
# peer and GNU time (/usr/bin/time) for peak memory, each skipped without.
set -eu

BUILD=${1:-build}
HERE=$(cd "$(dirname "$0")" && pwd)
Q=$(cd "$BUILD" && pwd)/quorate
WORK=$(mkdir -p "$BUILD/bench" && cd "$BUILD/bench" && pwd)
DATA=$WORK/data
SIZES=${BENCH_SIZES:-"1000 10000 100000"}
RUNS=${BENCH_RUNS:-5}
BIG_RUNS=${BENCH_BIG_RUNS:-3}
MOTIONS=${BENCH_MOTIONS:-8}
MEMBERS=${BENCH_MEMBERS:-12}
SEED=${BENCH_SEED:-1}
PY=${PYTHON:-python3}
OUT=$WORK/results.md
ROWS=$WORK/rows.tmp
NOTES=$WORK/notes.tmp
: >"$ROWS"
: >"$NOTES"

[ -x "$Q" ] || { echo "bench: $Q not built (run make)" >&2; exit 2; }
command -v "$PY" >/dev/null || { echo "bench: python3 is needed" >&2; exit 2; }
HAVE_JQ=no; command -v jq >/dev/null && HAVE_JQ=yes
PIN=""; command -v taskset >/dev/null && PIN="taskset -c 0"

say() { echo "bench: $*" >&2; }

# measure RUNS 'COMMAND' -> "median min max rss_kb status"
measure() {
	say "$2  (x$1)"
	"$PY" "$HERE/measure.py" "$1" "$2"
}

# ---- the machine ------------------------------------------------------------------
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
mhz=$(sed -n 's/^cpu MHz[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
mem_kb=$(sed -n 's/^MemTotal:[[:space:]]*\([0-9]*\).*/\1/p' /proc/meminfo 2>/dev/null)
cc_ver=$(${CC:-cc} --version 2>/dev/null | head -n 1)
commit=$(git -C "$HERE/.." rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(git -C "$HERE/.." status --porcelain -- src grammar include 2>/dev/null | head -n 1)
[ -n "$dirty" ] && commit="$commit (with uncommitted changes to src/grammar/include)"

# ---- the probe: the engine without a report writer ----------------------------------
CORE=$WORK/replay_core
if ${CC:-cc} -std=c11 -O2 -g -D_POSIX_C_SOURCE=200809L -I"$HERE/../include" -I"$HERE/../src" \
	-I"$BUILD/gen" -o "$CORE" "$HERE/replay_core.c" "$BUILD/libquorate.a" -ljansson -lcrypto 2>"$WORK/core.err"; then
	HAVE_CORE=yes
else
	HAVE_CORE=no
	say "replay_core did not build (internal headers changed?): its rows are skipped; see $WORK/core.err"
fi

# ---- data ------------------------------------------------------------------------
# gen SIZE -> DATA/hSIZE, reused when generated with the same parameters
gen() {
	dir=$DATA/h$1
	stamp="meetings=$1 motions=$MOTIONS members=$MEMBERS seed=$SEED gen=$(cksum <"$HERE/gen.py")"
	if [ "${BENCH_FRESH:-0}" = 1 ] || [ ! -f "$dir/stamp" ] || [ "$(cat "$dir/stamp")" != "$stamp" ]; then
		rm -rf "$dir"
		say "generating $1 meetings into $dir"
		"$PY" "$HERE/gen.py" history --out "$dir" --meetings "$1" --motions "$MOTIONS" \
			--members "$MEMBERS" --seed "$SEED" --single
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
	q=$("$Q" replay --format json "$dir/terms.tor" "$dir/json" 2>/dev/null | "$PY" -c "$counts_py" || true)
	qn=$("$Q" replay --format json "$dir/terms.tor" "$dir/native" 2>/dev/null | "$PY" -c "$counts_py" || true)
	p=$("$PY" "$HERE/peer.py" "$dir/peer-config.json" "$dir/json" | "$PY" -c "$counts_py")
	g=$("$PY" -c "$counts_py" <"$dir/expected.json" | sed 's/^-/'"$1"'/')
	j="not run (no jq)"
	if [ "$HAVE_JQ" = yes ]; then
		j=$(find "$dir/json" -name '*.json' -print0 | sort -z | xargs -0 cat |
			jq -n --slurpfile cfg "$dir/peer-config.json" -f "$HERE/peer.jq" | "$PY" -c "$counts_py")
	fi
	AGREE="meetings motions mismatches carried not-carried void provisional undetermined"
	AGREE="$AGREE
quorate (JSON records):   $q
quorate (native records): $qn
bench/peer.py:            $p
bench/peer.jq:            $j
bench/gen.py (expected):  $g"
	if [ "$q" != "$p" ] || { [ "$HAVE_JQ" = yes ] && [ "$q" != "$j" ]; } || [ "$q" != "$qn" ] || [ "$q" != "$g" ]; then
		echo "$AGREE" >&2
		say "the implementations disagree on the outcomes of $dir: not measuring"
		exit 1
	fi
}

# ---- measurements ---------------------------------------------------------------------
field() { echo "$1" | cut -d' ' -f"$2"; }

# row SIZE RECORDS WHAT MOTIONS BYTES FLOOR PEER_RATIO MEASUREMENT
# (MEASUREMENT is measure's line: median min max rss_kb status)
row() { echo "$1|$2|$3|$(field "$8" 1)|$4|$5|$6|$7|$(field "$8" 4)|$(field "$8" 5)" >>"$ROWS"; }

bench_size() {
	n=$1
	dir=$DATA/h$n
	runs=$RUNS
	[ "$n" -ge 100000 ] && runs=$BIG_RUNS
	motions=$(stat_of "$dir" motions)
	nb=$(stat_of "$dir" native_bytes)
	jb=$(stat_of "$dir" json_bytes)
	cd "$dir"

	m=$(measure "$runs" "$PIN find native -name '*.minutes' -print0 | $PIN xargs -0 cat | $PIN wc -l >/dev/null")
	floor_n=$(field "$m" 1)
	row "$n" native "wc -l floor" "$motions" "$nb" "$floor_n" - "$m"
	m=$(measure "$runs" "$PIN find json -name '*.json' -print0 | $PIN xargs -0 cat | $PIN wc -l >/dev/null")
	floor_j=$(field "$m" 1)
	row "$n" JSON "wc -l floor" "$motions" "$jb" "$floor_j" - "$m"
	m=$(measure "$runs" "$PIN cat all.minutes | $PIN wc -l >/dev/null")
	floor_1=$(field "$m" 1)
	row "$n" "native, one file" "wc -l floor" "$motions" "$nb" "$floor_1" - "$m"

	m=$(measure "$runs" "exec $PIN $Q replay terms.tor native >/dev/null")
	q_native=$(field "$m" 1)
	row "$n" native "quorate replay" "$motions" "$nb" "$floor_n" - "$m"
	m=$(measure "$runs" "exec $PIN $Q replay --format json terms.tor native >/dev/null")
	row "$n" native "quorate replay --format json" "$motions" "$nb" "$floor_n" - "$m"
	if [ "$HAVE_CORE" = yes ]; then
		m=$(measure "$runs" "exec $PIN $CORE terms.tor native >/dev/null")
		row "$n" native "engine only (replay_core)" "$motions" "$nb" "$floor_n" - "$m"
	fi
	m=$(measure "$runs" "exec $PIN $Q replay terms.tor all.minutes >/dev/null")
	row "$n" "native, one file" "quorate replay" "$motions" "$nb" "$floor_1" - "$m"
	if [ "$(field "$m" 5)" -ge 2 ]; then
		echo "$n meetings, native, one file ($(awk -v b="$nb" 'BEGIN { printf "%.0f MB", b / 1e6 }')): \`quorate replay\` says: $("$Q" replay terms.tor all.minutes 2>&1 >/dev/null | head -n 1)" >>"$NOTES"
	fi

	m=$(measure "$runs" "exec $PIN $Q replay terms.tor json >/dev/null")
	q_json=$(field "$m" 1)
	row "$n" JSON "quorate replay" "$motions" "$jb" "$floor_j" - "$m"
	if [ "$HAVE_CORE" = yes ] && [ "$n" -lt 100000 ]; then
		m=$(measure "$runs" "exec $PIN $CORE terms.tor json >/dev/null")
		row "$n" JSON "engine only (replay_core)" "$motions" "$jb" "$floor_j" - "$m"
	fi

	# The peers: Python at every size (one run at 100x), jq up to 10x (at
	# 100x one jq run takes about two minutes: its rate is the same).
	pruns=$runs
	[ "$n" -ge 100000 ] && pruns=1
	m=$(measure "$pruns" "exec $PIN $PY $HERE/peer.py peer-config.json json >/dev/null")
	t=$(field "$m" 1)
	row "$n" JSON "Python peer" "$motions" "$jb" "$floor_j" "$(awk -v a="$t" -v b="$q_json" -v c="$q_native" 'BEGIN { printf "%.2f / %.2f", a / b, a / c }')" "$m"
	if [ "$HAVE_JQ" = yes ] && [ "$n" -lt 100000 ]; then
		jruns=$runs
		[ "$n" -ge 10000 ] && jruns=3
		m=$(measure "$jruns" "$PIN find json -name '*.json' -print0 | $PIN xargs -0 cat | $PIN jq -n --slurpfile cfg peer-config.json -f $HERE/peer.jq >/dev/null")
		t=$(field "$m" 1)
		row "$n" JSON "jq peer" "$motions" "$jb" "$floor_j" "$(awk -v a="$t" -v b="$q_json" -v c="$q_native" 'BEGIN { printf "%.2f / %.2f", a / b, a / c }')" "$m"
	fi
	cd - >/dev/null
}

DIFF_ROWS=$WORK/diff.tmp
DIFF_LOOP=${BENCH_DIFF_LOOP:-20}
: >"$DIFF_ROWS"
# loop_measure 'COMMAND' -> seconds per COMMAND: a shell loop of DIFF_LOOP
# runs, so that the measuring harness's own start-up is not counted.
loop_measure() {
	m=$(measure "$RUNS" "exec $PIN sh -c 'i=0; while [ \$i -lt $DIFF_LOOP ]; do $1 >/dev/null; i=\$((i + 1)); done'")
	echo "$(awk -v t="$(field "$m" 1)" -v n="$DIFF_LOOP" 'BEGIN { printf "%.6f", t / n }') $(field "$m" 4)"
}
bench_diff() {
	d=$DATA/diff
	mkdir -p "$d"
	START_S=$(field "$(loop_measure "$Q --version")" 1)
	for k in 12 20 30; do
		"$PY" "$HERE/gen.py" terms --members "$k" --out "$d/old$k.tor"
		"$PY" "$HERE/gen.py" terms --members "$k" --financial 2/3 --version 2 --out "$d/new$k.tor"
		"$PY" "$HERE/gen.py" terms --members "$k" --role-quorum --out "$d/rold$k.tor"
		"$PY" "$HERE/gen.py" terms --members "$k" --role-quorum --financial 2/3 --version 2 --out "$d/rnew$k.tor"
		m=$(loop_measure "$Q diff $d/old$k.tor $d/new$k.tor")
		s=$("$Q" diff "$d/old$k.tor" "$d/new$k.tor" | sed -n 's/^ *\([0-9]* of [0-9]*\) possible.*/\1/p')
		m2=$(loop_measure "$Q diff $d/rold$k.tor $d/rnew$k.tor")
		s2=$("$Q" diff "$d/rold$k.tor" "$d/rnew$k.tor" | sed -n 's/^ *\([0-9]* of [0-9]*\) possible.*/\1/p')
		echo "$k|$(field "$m" 1)|$s|$(field "$m" 2)|$(field "$m2" 1)|$s2|$(field "$m2" 2)" >>"$DIFF_ROWS"
	done
}

# ---- run ----------------------------------------------------------------------------
start=$(date +%s)
for n in $SIZES; do gen "$n"; done
smallest=$(for n in $SIZES; do echo "$n"; done | sort -n | head -n 1)
agree "$smallest"
for n in $SIZES; do bench_size "$n"; done
bench_diff
elapsed=$(( $(date +%s) - start ))

# ---- report -----------------------------------------------------------------------------
GROUP='function group(n,  s, r) { s = sprintf("%d", n); r = ""; while (length(s) > 3) { r = "," substr(s, length(s) - 2) r; s = substr(s, 1, length(s) - 3) }; return s r }'
{
	echo "## Machine"
	echo
	echo "- CPU: ${cpu:-unknown} ($(nproc) online CPUs${mhz:+, ${mhz} MHz}); every measured command pinned to one core${PIN:+ with \`$PIN\`}"
	echo "- memory: $(awk -v k="${mem_kb:-0}" 'BEGIN { printf "%.1f GiB", k / 1048576 }'); kernel $(uname -sr)"
	echo "- compiler: ${cc_ver:-unknown}; quorate at $commit"
	echo "- python3 $("$PY" -c 'import platform; print(platform.python_version())'), $(jq --version 2>/dev/null || echo 'no jq')"
	echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); the whole run took ${elapsed} s"
	echo
	echo "## Agreement (the smallest history, $smallest meetings)"
	echo
	echo '```'
	echo "$AGREE"
	echo '```'
	echo
	echo "## Replay"
	echo
	echo "$MEMBERS voting members, $MOTIONS motions per meeting (seed $SEED).  Median wall time of $RUNS runs"
	echo "($BIG_RUNS at 100,000 meetings; the Python peer once there, jq not run there).  \"× floor\" is the time"
	echo "over the \`wc -l\` floor for the same files; \"peer ÷ quorate\" is the peer's time over quorate's on"
	echo "JSON records / on native records (above 1: quorate is faster)."
	echo
	echo "| meetings | records | command | median s | motions/s | MB/s | × floor | peer ÷ quorate (JSON / native) | peak RSS MB |"
	echo "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
	awk -F'|' "$GROUP"'
	$10 >= 2 { printf "| %s | %s | %s | refused (exit %d) | | | | | %.1f |\n", group($1), $2, $3, $10, $9 / 1024; next }
	{
		rate = $4 > 0 ? $5 / $4 : 0; mbs = $4 > 0 ? $6 / 1e6 / $4 : 0; x = $7 > 0 ? $4 / $7 : 0
		rss = $9 >= 0 ? sprintf("%.1f", $9 / 1024) : "n/a"
		printf "| %s | %s | %s | %.3f | %s | %.1f | %.1f | %s | %s |\n", group($1), $2, $3, $4, group(rate), mbs, x, $8, rss
	}' "$ROWS"
	if [ -s "$NOTES" ]; then
		echo
		sed 's/^/- /' "$NOTES"
	fi
	echo
	echo "## quorate diff (OLD and NEW differ in the financial threshold, 75% -> 2/3)"
	echo
	echo "Each figure is one \`quorate diff\` (process start included): the median of $RUNS runs of a loop of"
	echo "$DIFF_LOOP diffs, divided by $DIFF_LOOP.  For scale, starting the process (\`quorate --version\`, same loop)"
	echo "takes $(awk -v t="$START_S" 'BEGIN { printf "%.1f", t * 1000 }') ms."
	echo
	echo "| members | simple quorum: ms | scenarios differing | peak RSS MB | with a role clause in the quorum: ms | scenarios differing | peak RSS MB |"
	echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
	awk -F'|' '{ printf "| %d | %.1f | %s | %.1f | %.1f | %s | %.1f |\n", $1, $2 * 1000, $3, $4 / 1024, $5 * 1000, $6, $7 / 1024 }' "$DIFF_ROWS"
	echo
	echo "## Targets"
	echo
	awk -F'|' -v diff="$DIFF_ROWS" "$GROUP"'
		BEGIN { while ((getline l < diff) > 0) { split(l, d, "|"); if (d[1] == 12) diff12 = d[2] * 1000 } }
		$10 >= 2 { refused = refused (refused == "" ? "" : "; ") $3 " over " $2 " at " group($1) " meetings"; next }
		$2 == "native" && $3 == "quorate replay" { r = $5 / $4; if (r > best) { best = r; bestn = $1 }; x = $4 / $7; if (x > worstx) { worstx = x; wxn = $1 } }
		$2 == "native, one file" && $3 == "quorate replay" { x = $4 / $7; if (x > worstx1) { worstx1 = x; wxn1 = $1 } }
		$3 == "Python peer" || $3 == "jq peer" { split($8, p, " / "); if (minp == "" || p[2] + 0 < minp) { minp = p[2] + 0; minpw = $3 " at " group($1) } ; if (minpj == "" || p[1] + 0 < minpj) { minpj = p[1] + 0; minpjw = $3 " at " group($1) } }
		$3 ~ /^quorate/ && $9 > maxrss { maxrss = $9; maxw = $2 " at " group($1) }
		$3 ~ /^quorate/ && $2 != "native, one file" && $9 > maxrss_pf { maxrss_pf = $9; maxw_pf = $2 " at " group($1) }
		END {
			print "| target | measured | met |"
			print "| --- | --- | --- |"
			printf "| >= 1,000,000 motions/s, native records, one core, parsing included | %s motions/s (best, at %s meetings) | %s |\n", group(best), group(bestn), (best >= 1e6 ? "yes" : "**no**")
			printf "| within 20x of `wc -l` over the same files | one file per meeting: %.1fx (worst, at %s meetings); one file: %.1fx (at %s) | %s |\n", worstx, group(wxn), worstx1, group(wxn1), (worstx <= 20 && worstx1 <= 20 ? "yes" : worstx <= 20 ? "one file per meeting only" : "**no**")
			printf "| >= 5x faster than the jq and Python peers | %.2fx on native records (%s), %.2fx on JSON (%s): the smallest margins | %s |\n", minp, minpw, minpj, minpjw, ((minp >= 5 && minpj >= 5) ? "yes" : "**no**")
			printf "| peak memory < 16 MB whatever the history length | %.1f MB with one file per meeting (%s); %.1f MB with one file (%s) | %s |\n", maxrss_pf / 1024, maxw_pf, maxrss / 1024, maxw, (maxrss < 16384 ? "yes" : "**no**")
			printf "| 12-member diff < 100 ms | %.1f ms | %s |\n", diff12, (diff12 < 100 ? "yes" : "**no**")
			if (refused != "")
				printf "\nNot measured (the input was refused): %s.\n", refused
		}' "$ROWS"
} >"$OUT"
cat "$OUT"
rm -f "$ROWS" "$DIFF_ROWS" "$NOTES"
say "report in $OUT; data in $DATA (delete it, or make clean, to free the disk)"
