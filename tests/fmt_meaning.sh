#!/bin/sh
# Formatting never changes meaning: every example history and the golden eval
# inputs are formatted in a scratch copy, and replaying the copy gives the same
# outcomes and the same findings (codes and severities) as the original.
# Usage: sh tests/fmt_meaning.sh BUILD
set -eu
build=${1:-build}
case $build in /*) q=$build/quorate ;; *) q=$(pwd)/$build/quorate ;; esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
summary() {
	# outcome and finding codes of every motion, in order; no file names or lines
	"$q" replay --format json -I stdlib "$@" 2>/dev/null |
		sed -n 's/^ *"\(outcome\|code\|severity\)": \("[^"]*"\).*/\1 \2/p'
}
status=0
for dir in examples/anytown examples/rural examples/urban examples/fiftyplus tests/golden/eval; do
	[ -d "$dir" ] || continue
	copy=$tmp/$(echo "$dir" | tr / _)
	cp -R "$dir" "$copy"
	files=$(find "$copy" -name '*.tor' -o -name '*.minutes')
	# shellcheck disable=SC2086
	"$q" fmt --write $files 2>/dev/null || true   # files that do not parse stay as they are
	summary "$dir" > "$tmp/before"
	summary "$copy" > "$tmp/after"
	if ! cmp -s "$tmp/before" "$tmp/after"; then
		echo "fmt changed the meaning of $dir:"
		diff "$tmp/before" "$tmp/after" | head -20
		status=1
	fi
done
[ $status -eq 0 ] && echo "formatting keeps the meaning of every example"
exit $status
