#!/bin/sh
# The bundled terms (examples, the stdlib's tests and template) check
# cleanly, and their `example` blocks all pass under `quorate test`.
# (The examples' histories are replayed by the golden cases in
# tests/golden/examples.)  Usage: sh tests/examples.sh BUILD
set -eu
build=${1:-build}
terms=$(find examples stdlib -name '*.tor' -not -path 'stdlib/std/*' | sort)
# shellcheck disable=SC2086
"$build/quorate" check $terms 2>"${TMPDIR:-/tmp}/quorate-examples.$$" || {
	cat "${TMPDIR:-/tmp}/quorate-examples.$$"; rm -f "${TMPDIR:-/tmp}/quorate-examples.$$"
	echo "examples: a bundled terms file does not check"; exit 1; }
rm -f "${TMPDIR:-/tmp}/quorate-examples.$$"
# shellcheck disable=SC2086
out=$("$build/quorate" test $terms) || { echo "$out" | grep -v '^ok '; exit 1; }
echo "$out" | tail -n 1
