#!/bin/sh
# tests/no_uring.sh BUILD_DIR: a replay of a directory reads the same with
# io_uring refused as with it.
#
# quorate reads a directory's record files ahead through io_uring where the
# system lets it (src/front/source.c, source_ahead), and the old way where it
# does not.  Most machines here have io_uring, so the suite mostly exercises
# the first; CI containers often refuse it.  This runs every replay below
# three ways: as is, with io_uring_setup refused (ENOSYS: no ring at all),
# and with io_uring_enter refused (EPERM: a ring that fails part-way through
# its first batch, after its opens are counted), through
# tests/tools/deny_uring.c's seccomp filter, and requires standard output,
# standard error and exit status to be identical.  Exits 77 (skipped) where
# a filter cannot be installed or no C compiler is found.
set -u
build=${1:?usage: sh tests/no_uring.sh BUILD_DIR}
quorate=$(cd "$build" && pwd)/quorate
tmp=$(mktemp -d "${TMPDIR:-/tmp}/quorate-no-uring.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

cc=${CC:-cc}
command -v "$cc" >/dev/null 2>&1 || { echo "no_uring: no C compiler ($cc)"; exit 77; }
"$cc" -std=c11 -O1 -o "$tmp/deny_uring" tests/tools/deny_uring.c || exit 1
"$tmp/deny_uring" setup true || exit $?

# A history longer than one read-ahead batch (32 files), in both record
# formats, with broken files among the good ones.
data=$tmp/data
if command -v python3 >/dev/null 2>&1; then
	python3 bench/gen.py history --out "$data" --meetings 150 --motions 4 --members 9 --seed 7 >/dev/null || exit 1
	mkdir -p "$data/broken/2030"
	cp -R "$data/native/." "$data/broken/"
	cp tests/bad/minutes-truncated.minutes "$data/broken/2030/a-truncated.minutes"
	cp tests/bad/minutes-bitflips.minutes "$data/broken/2030/b-bitflips.minutes"
	: >"$data/broken/2030/c-empty.minutes"
	printf 'meeting "x" on 2030-01-01 {\0}\n' >"$data/broken/2030/d-nul.minutes"
	head -c 200000 /dev/zero | tr '\0' ' ' >"$data/broken/2030/e-long.minutes" # past one 64 KiB slot
	cat "$data/native/"*/*.minutes | head -c 150000 >>"$data/broken/2030/e-long.minutes"
	set -- "$data/terms.tor $data/native" "$data/terms.tor $data/json" "$data/terms.tor $data/broken"
else
	set --
fi
set -- "$@" "examples/rural/terms-v1.tor examples/rural/terms-v2.tor examples/rural/minutes" \
	"examples/taf/terms.tor examples/taf/minutes"

failed=0
for inputs in "$@"; do
	for how in "--summary" "" "--format json"; do
		# shellcheck disable=SC2086 # the words of $how and $inputs, on purpose
		"$quorate" replay $how $inputs >"$tmp/out" 2>"$tmp/err"
		echo "status $?" >>"$tmp/out"
		for deny in setup enter; do
			# shellcheck disable=SC2086
			"$tmp/deny_uring" $deny "$quorate" replay $how $inputs >"$tmp/out.$deny" 2>"$tmp/err.$deny"
			echo "status $?" >>"$tmp/out.$deny"
			if ! cmp -s "$tmp/out" "$tmp/out.$deny" || ! cmp -s "$tmp/err" "$tmp/err.$deny"; then
				echo "no_uring: 'quorate replay $how $inputs' differs with io_uring_$deny refused:"
				diff "$tmp/out" "$tmp/out.$deny" | head -10
				diff "$tmp/err" "$tmp/err.$deny" | head -10
				failed=1
			fi
		done
	done
done
exit $failed
