#!/bin/sh
# tests/valgrind.sh BUILD: representative commands under valgrind.
#
# check, eval (text and JSON, native and JSON records), replay, explain, diff,
# fmt (print, --check, --write on a copy), test, conform, on every example; then every
# hostile input of tests/bad/ (a .tor through check, a .minutes through eval
# with the anytown terms) and every pair under tests/regress/.  Each run must
# have no memory error and no definite or indirect leak:
#   valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect
# and must exit 0, 1 or 2 (never crash).  Ends with "N passed, N failed".
#
#   sh tests/valgrind.sh build
#   VALGRIND_FILTER=anytown sh tests/valgrind.sh build    (commands matching)
#   VALGRIND_TIMEOUT=S: a run longer than S seconds (default 600) is a hang

set -u
build=${1:?usage: sh tests/valgrind.sh BUILD}
if [ ! -x "$build/quorate" ]; then
	echo "valgrind.sh: $build/quorate is not built" >&2
	exit 2
fi
if ! command -v valgrind >/dev/null 2>&1; then
	echo "valgrind.sh: valgrind is not installed (apt-get install valgrind)" >&2
	exit 2
fi
if [ ! -f tests/valgrind.sh ]; then
	echo "valgrind.sh: run me from the repository root" >&2
	exit 2
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/quorate-valgrind.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' HUP INT TERM
cp "$build/quorate" "$tmp/quorate" || exit 2 # a rebuild meanwhile must not matter
bin=$tmp/quorate
export NO_COLOR=1
unset QUORATE_PATH QUORATE_TEST_FAIL_ALLOC QUORATE_TEST_COUNT_ALLOC

cmds=$tmp/cmds
: >"$cmds"
add() { echo "$*" >>"$cmds"; }

for d in examples/*/; do
	d=${d%/}
	terms=$(find "$d" -maxdepth 1 -name '*.tor' | sort)
	records=$(find "$d" "$d/minutes" -maxdepth 1 \( -name '*.minutes' -o -name '*.json' \) 2>/dev/null | sort -u)
	[ -n "$terms" ] || continue
	first=$(echo "$terms" | head -n 1)
	last=$(echo "$terms" | tail -n 1)
	for t in $terms; do
		add check -I stdlib "$t"
		add check --format json -I stdlib "$t"
		add explain -I stdlib "$t"
		add test -I stdlib "$t"
		add fmt "$t"
	done
	# eval: the first and last record (native and JSON) against the last terms
	for m in $(echo "$records" | head -n 1) $(echo "$records" | tail -n 1) $(echo "$records" | grep '\.json$' | head -n 1); do
		add eval -I stdlib "$last" "$m"
		add eval --format json -I stdlib "$last" "$m"
	done
	[ "$first" != "$last" ] && add diff -I stdlib "$first" "$last"
	if [ -n "$records" ]; then
		add replay -I stdlib "$d"
		add replay --format json -I stdlib "$d"
		add register --format html -I stdlib "$d"
	fi
	for m in $(echo "$records" | grep '\.minutes$' | head -n 2); do
		add fmt "$m"
		add fmt --check "$m"
	done
done
if [ -f examples/json/anytown-2024-05-14.json ]; then
	add eval -I stdlib examples/anytown/terms.tor examples/json/anytown-2024-05-14.json
	add eval --format json -I stdlib examples/anytown/terms.tor examples/json/anytown-2024-05-14.json
fi
. tests/conform_commands.sh
conform_commands
# fmt --write on a copy (the write path: temporary file, fsync, rename)
if [ -f examples/anytown/terms.tor ]; then
	cp examples/anytown/terms.tor "$tmp/write.tor"
	add fmt --write "$tmp/write.tor"
fi
for f in tests/bad/*.tor; do
	[ -f "$f" ] && add check -I stdlib "$f"
done
for f in tests/bad/*.minutes; do
	[ -f "$f" ] && add eval -I stdlib examples/anytown/terms.tor "$f"
done
for d in tests/regress/*/; do
	[ -d "$d" ] || continue
	d=${d%/}
	for t in "$d"/*.tor; do
		[ -f "$t" ] || continue
		add check -I stdlib "$t"
		for m in "$d"/*.minutes "$d"/*.json; do
			[ -f "$m" ] && add eval -I stdlib "$t" "$m"
		done
	done
	for m in "$d"/*.minutes; do
		[ -f "$m" ] && add fmt "$m"
	done
	set -- "$d"/*.tor
	[ $# -gt 1 ] && [ -f "$1" ] && eval "add diff -I stdlib \"\$1\" \"\${$#}\""
	add replay -I stdlib "$d"
done
awk '!seen[$0]++' "$cmds" >"$cmds.u" && mv "$cmds.u" "$cmds"
if [ -n "${VALGRIND_FILTER:-}" ]; then
	grep -e "$VALGRIND_FILTER" "$cmds" >"$cmds.f" || true
	mv "$cmds.f" "$cmds"
fi

passed=0
failed=0
failures=
while read -r line; do
	# shellcheck disable=SC2086 # split on purpose
	timeout "${VALGRIND_TIMEOUT:-600}" valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
		--show-leak-kinds=definite,indirect --track-origins=yes --num-callers=30 \
		"$bin" $line >"$tmp/out" 2>"$tmp/err" </dev/null
	st=$?
	if [ $st -eq 124 ]; then
		echo "FAIL $line: more than ${VALGRIND_TIMEOUT:-600} s under valgrind (a hang?)"
		failed=$((failed + 1))
		failures="$failures
  $line"
	elif [ $st -eq 99 ] || grep -q '^==[0-9]*==' "$tmp/err"; then
		echo "FAIL $line: valgrind reports an error or a leak (exit $st)"
		grep '^==[0-9]*==' "$tmp/err" | sed -n '1,80p' | sed 's/^/  | /'
		failed=$((failed + 1))
		failures="$failures
  $line"
	elif [ $st -gt 2 ]; then
		echo "FAIL $line: exit status $st"
		sed -n '1,20p' "$tmp/err" | sed 's/^/  | /'
		failed=$((failed + 1))
		failures="$failures
  $line"
	else
		echo "ok $line (exit $st)"
		passed=$((passed + 1))
	fi
done <"$cmds"

if [ $failed -gt 0 ]; then
	echo "failed:$failures"
fi
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
