#!/bin/sh
# Every terms file and meeting record the project ships (examples, stdlib,
# the docs' files) is in the canonical layout, and formatting it again
# changes nothing.  Test inputs under tests/ are exempt: some are broken or
# oddly laid out on purpose.  Usage: sh tests/formatted.sh BUILD
set -eu
build=${1:-build}
files=$(find examples stdlib docs -name '*.tor' -o -name '*.minutes' | sort)
# shellcheck disable=SC2086 # one word per file name (no spaces in the tree)
if ! out=$("$build/quorate" fmt --check $files); then
	echo "not formatted (run: quorate fmt --write FILE):"
	echo "$out"
	exit 1
fi
echo "$(echo "$files" | wc -l | tr -d ' ') files formatted"
