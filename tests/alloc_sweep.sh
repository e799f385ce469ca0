#!/bin/sh
# tests/alloc_sweep.sh BUILD: make every allocation fail in turn.
#
# For each command below (check, eval, and also replay, explain, diff, test,
# fmt and conform, on examples/*/ and tests/regress/*/), count the allocations a
# normal run makes (QUORATE_TEST_COUNT_ALLOC=1), then run it once for every N
# from 1 to that count with QUORATE_TEST_FAIL_ALLOC=N.  Each such run must
#   - exit 2 and say "out of memory" on stderr, or complete normally (the
#     same exit status as the normal run);
#   - never crash (exit status 128 or more, or any status but 0, 1, 2);
#   - print no sanitizer report: under an ASan build (build/sanitize, made by
#     `make alloc-sweep` or `make check-sanitize`) LeakSanitizer checks that
#     nothing leaks on the out-of-memory path either.
# The last line is "N passed, N failed" (one per command); exit 1 on any failure.
#
#   sh tests/alloc_sweep.sh build/sanitize
#   SWEEP_FILTER=anytown sh tests/alloc_sweep.sh build/sanitize   (commands matching)
#   SWEEP_VERBOSE=1 ...                                            (every run)
#   SWEEP_TIMEOUT=S ...          a run longer than S seconds (default 120) is a hang

set -u
build=${1:?usage: sh tests/alloc_sweep.sh BUILD}
bin=$build/quorate
if [ ! -x "$bin" ]; then
	echo "alloc_sweep: $bin is not built" >&2
	exit 2
fi
if [ ! -f tests/alloc_sweep.sh ]; then
	echo "alloc_sweep: run me from the repository root" >&2
	exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/quorate-sweep.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' HUP INT TERM
# Sweep a copy: a rebuild of $build during the sweep must not change the
# binary under us (a half-linked file exits 126).
cp "$bin" "$tmp/quorate" || exit 2
real_bin=$bin
bin=$tmp/quorate
export NO_COLOR=1
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=98
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
unset QUORATE_PATH QUORATE_TEST_FAIL_ALLOC QUORATE_TEST_COUNT_ALLOC

passed=0
failed=0
failures=
runs=0
limit=${SWEEP_TIMEOUT:-120} # seconds for one run

# ---- the commands ---------------------------------------------------------
# One per line, arguments split on blanks (no file here has a blank in its name).
cmds=$tmp/cmds
: >"$cmds"
add() { echo "$*" >>"$cmds"; }

for d in examples/*/ tests/regress/*/; do
	[ -d "$d" ] || continue
	d=${d%/}
	terms=$(find "$d" -maxdepth 1 -name '*.tor' | sort)
	records=$(find "$d" "$d/minutes" -maxdepth 1 \( -name '*.minutes' -o -name '*.json' \) 2>/dev/null | sort -u)
	[ -n "$terms" ] || continue
	for t in $terms; do
		add check -I stdlib "$t"
		add explain -I stdlib "$t"
		add test -I stdlib "$t"
		add fmt "$t"
		for m in $records; do
			add eval -I stdlib "$t" "$m"
			add eval --format json -I stdlib "$t" "$m"
		done
	done
	first=$(echo "$terms" | head -n 1)
	last=$(echo "$terms" | tail -n 1)
	[ "$first" != "$last" ] && add diff -I stdlib "$first" "$last"
	if [ -n "$records" ]; then
		add replay -I stdlib "$d"
		add register -I stdlib "$d"
		add register --format json -I stdlib "$d"
		add register --format html -I stdlib "$d"
	fi
	for m in $records; do
		case $m in *.minutes) add fmt "$m" ;; esac
	done
done
# A JSON record kept apart from its terms.
if [ -f examples/json/anytown-2024-05-14.json ] && [ -f examples/anytown/terms.tor ]; then
	add eval -I stdlib examples/anytown/terms.tor examples/json/anytown-2024-05-14.json
	add eval --format json -I stdlib examples/anytown/terms.tor examples/json/anytown-2024-05-14.json
fi
. tests/conform_commands.sh
conform_commands
if [ -n "${SWEEP_FILTER:-}" ]; then
	grep -e "$SWEEP_FILTER" "$cmds" >"$cmds.f" || true
	mv "$cmds.f" "$cmds"
fi

# ---- the sweep ------------------------------------------------------------

sanitizer_report() { grep -q -e 'Sanitizer' -e 'runtime error:' -e '^==[0-9]*==' "$1"; }

sweep() { # sweep ARGS...: one command, every allocation
	name=$*
	QUORATE_TEST_COUNT_ALLOC=1 timeout "$limit" "$bin" "$@" >"$tmp/out0" 2>"$tmp/err0" </dev/null
	st0=$?
	if [ $st0 -eq 124 ]; then
		echo "FAIL $name: the normal run takes more than $limit s (a hang?)"
		return 1
	fi
	if [ $st0 -gt 2 ] || sanitizer_report "$tmp/err0"; then
		echo "FAIL $name: the normal run exits $st0"
		sed -n '1,40p' "$tmp/err0"
		return 1
	fi
	count=$(sed -n 's/^quorate: \([0-9][0-9]*\) allocations$/\1/p' "$tmp/err0" | tail -n 1)
	if [ -z "$count" ]; then
		echo "FAIL $name: no allocation count (QUORATE_TEST_COUNT_ALLOC) on stderr"
		sed -n '1,10p' "$tmp/err0"
		return 1
	fi
	ok=1
	oom=0
	normal=0
	n=1
	while [ "$n" -le "$count" ]; do
		QUORATE_TEST_FAIL_ALLOC=$n timeout "$limit" "$bin" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
		st=$?
		runs=$((runs + 1))
		why=
		if [ $st -eq 124 ]; then
			why="takes more than $limit s (a hang?)"
		elif [ $st -ge 128 ]; then
			why="crashed (exit $st, signal $((st - 128)))"
		elif sanitizer_report "$tmp/err"; then
			if grep -q LeakSanitizer "$tmp/err"; then
				why="leaks (exit $st)"
			else
				why="sanitizer report (exit $st)"
			fi
		elif [ $st -eq 2 ] && grep -q 'out of memory' "$tmp/err"; then
			oom=$((oom + 1))
		elif [ $st -eq "$st0" ]; then
			normal=$((normal + 1))
		else
			why="exit $st without 'out of memory' (the normal run exits $st0)"
		fi
		if [ -n "$why" ]; then
			if [ $ok = 1 ]; then
				# the first failure of a command in full, the others in one line each
				echo "FAIL $name: allocation $n of $count fails: $why"
				echo "  reproduce: QUORATE_TEST_FAIL_ALLOC=$n $real_bin $name"
				if sanitizer_report "$tmp/err"; then
					sed -n '/^==[0-9]*==\|runtime error:/,$p' "$tmp/err" | sed -n '1,60p' | sed 's/^/  | /'
				else
					sed -n '1,30p' "$tmp/err" | sed 's/^/  | /'
				fi
			else
				echo "FAIL $name: allocation $n of $count fails: $why"
			fi
			ok=0
		elif [ "${SWEEP_VERBOSE:-}" = 1 ]; then
			echo "  $n/$count: exit $st"
		fi
		n=$((n + 1))
	done
	[ $ok = 1 ] || return 1
	echo "ok $name: $count allocations, $oom out of memory, $normal complete"
	return 0
}

while read -r line; do
	# shellcheck disable=SC2086 # split on purpose
	if sweep $line; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		failures="$failures
  $line"
	fi
done <"$cmds"

echo "alloc_sweep: $runs runs with a failing allocation"
if [ $failed -gt 0 ]; then
	echo "failed:$failures"
fi
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
