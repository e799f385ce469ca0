#!/bin/sh
# The syntax corpus: each tests/syntax/*.tor or *.minutes holds one mistake
# (or none) and says on its first line what `quorate check` (for a .tor) or
# `quorate eval` with the Anytown terms (for a .minutes) must report:
#   # expect: LINE:COLUMN CODE     exactly one error, there, with that code
#   # expect: none                 no error at all
# One mistake, one error: a file that gets a second error fails.
#   sh tests/syntax.sh BUILD_DIR
set -u
build=${1:?usage: sh tests/syntax.sh BUILD_DIR}
failed=0
total=0
for f in tests/syntax/*.tor tests/syntax/*.minutes; do
	total=$((total + 1))
	want=$(sed -n '1s/^# expect: *//p' "$f")
	case $f in
	*.tor) set -- check -I stdlib "$f" ;;
	*) set -- eval -I stdlib examples/anytown/terms.tor "$f" ;;
	esac
	got=$(NO_COLOR=1 LC_ALL=C "$build/quorate" "$@" 2>&1 >/dev/null |
		sed -n 's/^[^:]*:\([0-9]*\):\([0-9]*\): error: .*\[\([a-z.-]*\)\]$/\1:\2 \3/p')
	[ -n "$got" ] || got=none
	if [ "$got" != "$want" ]; then
		echo "syntax: $f: want '$want', got '$(echo "$got" | tr '\n' ';')'"
		failed=$((failed + 1))
	fi
done
echo "syntax corpus: $((total - failed)) of $total files give exactly the one error expected"
[ $failed -eq 0 ]
