#!/bin/sh
# tests/safe_write.sh BUILD: `quorate fmt --write` never leaves a half-written
# file, and never leaves its temporary file (.NAME.quorate-XXXXXX) behind.
#
#  1. a file with a syntax error is left byte-identical (exit 2);
#  2. a write cut short by the file-size limit (`ulimit -f`, which sends
#     SIGXFSZ): exit 2 with a message, never killed by the signal, the original
#     byte-identical, no temporary file;
#  3. the same with SIGXFSZ ignored (write() fails with EFBIG);
#  4. a read-only directory (skipped as root, who may write anyway);
#  5. a successful write keeps the file's permissions;
#  6. a write through a symbolic link rewrites the file it points to and
#     keeps the link;
#  7. killed at random moments (SIGKILL) while writing: the file is always
#     either the old text or the new, never a mixture (a temporary file may
#     stay behind after SIGKILL: nothing can remove it; it is reported, not
#     failed).
# Ends with "N passed, N failed".

set -u
build=${1:?usage: sh tests/safe_write.sh BUILD}
if [ ! -x "$build/quorate" ]; then
	echo "safe_write: $build/quorate is not built" >&2
	exit 2
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/quorate-safe-write.XXXXXX") || exit 2
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
trap 'exit 2' HUP INT TERM
cp "$build/quorate" "$tmp/quorate" || exit 2
bin=$tmp/quorate
export NO_COLOR=1

passed=0
failed=0
failures=
pass() { passed=$((passed + 1)); echo "ok $1"; }
fail() {
	failed=$((failed + 1))
	failures="$failures
  $1"
	echo "FAIL $1: $2"
}

# temps DIR: the temporary files fmt --write left in DIR
temps() { find "$1" -maxdepth 1 -name '.*.quorate-*' 2>/dev/null; }

# A large terms file that is not in canonical layout (so --write must write):
# about 130 KB, far above the file-size limits used below.
big=$tmp/big.tor
{
	echo 'terms "Big" {'
	echo '  effective    2024-01-01'
	echo '  role m   "Member"    voting'
	i=1
	while [ $i -le 2000 ]; do
		echo "  member   m$i    \"Member number $i, with a long name\"    m"
		i=$((i + 1))
	done
	echo '  quorum {   require present >= 3 }'
	echo '  class any {   require yes > half of cast }'
	echo '}'
} >"$big"
"$bin" fmt "$big" >"$tmp/big.formatted" 2>/dev/null || { echo "safe_write: fmt cannot format the test file" >&2; exit 2; }
if cmp -s "$big" "$tmp/big.formatted"; then
	echo "safe_write: the test file is already formatted; --write would not write" >&2
	exit 2
fi

# ---- 1. syntax error ----------------------------------------------------------
mkdir "$tmp/t1"
printf 'terms "Broken" {\n  effective 2024-01-01\n  role m "Member" voting\n  member a "A" m\n  quorum { require present >= }\n   class  x { require yes > half of cast }\n}\n' >"$tmp/t1/broken.tor"
cp "$tmp/t1/broken.tor" "$tmp/t1.orig"
"$bin" fmt --write "$tmp/t1/broken.tor" >/dev/null 2>"$tmp/err"
st=$?
if [ $st -ne 2 ]; then
	fail "syntax error" "exit $st, expected 2"
elif ! cmp -s "$tmp/t1/broken.tor" "$tmp/t1.orig"; then
	fail "syntax error" "the file was changed"
elif [ -n "$(temps "$tmp/t1")" ]; then
	fail "syntax error" "temporary file left: $(temps "$tmp/t1")"
else
	pass "syntax error: exit 2, file untouched, no temporary file"
fi

# ---- 2. file-size limit, SIGXFSZ at its default (kills the process) ---------
# Two limits: below the first block, and part-way through the file.  `ulimit -f`
# counts 512-byte blocks in dash and 1024-byte blocks in bash: both work here.
for blocks in 1 40; do
	d=$tmp/t2-$blocks
	mkdir "$d"
	cp "$big" "$d/big.tor"
	(ulimit -f $blocks && exec "$bin" fmt --write "$d/big.tor") >/dev/null 2>"$tmp/err"
	st=$?
	name="file-size limit ($blocks blocks, SIGXFSZ default)"
	if [ $st -ge 128 ]; then
		fail "$name" "killed by signal $((st - 128)) (SIGXFSZ is not ignored, so write() never returns EFBIG)$( [ -n "$(temps "$d")" ] && echo "; temporary file left: $(temps "$d" | sed "s|$tmp/||") ($(wc -c <"$(temps "$d" | head -n 1)") bytes)")"
	elif [ $st -ne 2 ]; then
		fail "$name" "exit $st, expected 2"
	elif ! cmp -s "$d/big.tor" "$big"; then
		fail "$name" "the original was changed"
	elif [ -n "$(temps "$d")" ]; then
		fail "$name" "temporary file left: $(temps "$d")"
	elif ! grep -q 'cannot rewrite' "$tmp/err"; then
		fail "$name" "no message on stderr"
	else
		pass "$name: exit 2, original untouched, no temporary file"
	fi
done

# ---- 3. file-size limit, SIGXFSZ ignored (write fails with EFBIG) -------------
d=$tmp/t3
mkdir "$d"
cp "$big" "$d/big.tor"
(trap '' XFSZ && ulimit -f 40 && exec "$bin" fmt --write "$d/big.tor") >/dev/null 2>"$tmp/err"
st=$?
name="file-size limit (SIGXFSZ ignored)"
if [ $st -ne 2 ]; then
	fail "$name" "exit $st, expected 2"
elif ! cmp -s "$d/big.tor" "$big"; then
	fail "$name" "the original was changed"
elif [ -n "$(temps "$d")" ]; then
	fail "$name" "temporary file left: $(temps "$d")"
else
	pass "$name: exit 2 ($(sed -n 1p "$tmp/err")), original untouched, no temporary file"
fi

# ---- 4. read-only directory ---------------------------------------------------
if [ "$(id -u)" = 0 ]; then
	echo "skip read-only directory: running as root, who may write there anyway"
else
	d=$tmp/t4
	mkdir "$d"
	cp "$big" "$d/big.tor"
	chmod a-w "$d"
	"$bin" fmt --write "$d/big.tor" >/dev/null 2>"$tmp/err"
	st=$?
	chmod u+w "$d"
	if [ $st -ne 2 ]; then
		fail "read-only directory" "exit $st, expected 2"
	elif ! cmp -s "$d/big.tor" "$big"; then
		fail "read-only directory" "the original was changed"
	elif [ -n "$(temps "$d")" ]; then
		fail "read-only directory" "temporary file left"
	else
		pass "read-only directory: exit 2, original untouched"
	fi
fi

# ---- 5. permissions kept --------------------------------------------------------
d=$tmp/t5
mkdir "$d"
cp "$big" "$d/big.tor"
chmod 640 "$d/big.tor"
"$bin" fmt --write "$d/big.tor" >/dev/null 2>"$tmp/err"
st=$?
mode=$(stat -c %a "$d/big.tor")
if [ $st -ne 0 ]; then
	fail "permissions" "exit $st"
elif ! cmp -s "$d/big.tor" "$tmp/big.formatted"; then
	fail "permissions" "the file is not the formatted text"
elif [ "$mode" != 640 ]; then
	fail "permissions" "mode $mode after the write, was 640"
elif [ -n "$(temps "$d")" ]; then
	fail "permissions" "temporary file left"
else
	pass "successful write: formatted text, mode 640 kept, no temporary file"
fi

# ---- 6. symbolic link -------------------------------------------------------------
d=$tmp/t6
mkdir "$d"
cp "$big" "$d/real.tor"
ln -s real.tor "$d/link.tor"
"$bin" fmt --write "$d/link.tor" >/dev/null 2>"$tmp/err"
st=$?
if [ $st -ne 0 ]; then
	fail "symbolic link" "exit $st"
elif [ ! -L "$d/link.tor" ]; then
	fail "symbolic link" "the link was replaced by a regular file$(cmp -s "$d/real.tor" "$big" && echo ', and the file it pointed to was not formatted')"
elif ! cmp -s "$d/real.tor" "$tmp/big.formatted"; then
	fail "symbolic link" "the file it points to is not the formatted text"
else
	pass "symbolic link: the target rewritten, the link kept"
fi

# ---- 7. SIGKILL at random moments ---------------------------------------------
d=$tmp/t7
mkdir "$d"
mixed=0
left=0
i=0
while [ $i -lt 20 ]; do
	cp "$big" "$d/big.tor"
	"$bin" fmt --write "$d/big.tor" >/dev/null 2>&1 &
	pid=$!
	# 0 to ~10 ms: somewhere in reading, formatting, writing or renaming
	sleep "0.00$((i % 10))" 2>/dev/null || true
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	if ! cmp -s "$d/big.tor" "$big" && ! cmp -s "$d/big.tor" "$tmp/big.formatted"; then
		mixed=$((mixed + 1))
	fi
	if [ -n "$(temps "$d")" ]; then
		left=$((left + 1))
		rm -f "$d"/.big.tor.quorate-*
	fi
	i=$((i + 1))
done
if [ $mixed -gt 0 ]; then
	fail "SIGKILL while writing" "$mixed of 20 runs left a file that is neither the old text nor the new"
else
	pass "SIGKILL while writing: 20 runs, the file always whole (old or new); $left left a temporary file"
fi

if [ $failed -gt 0 ]; then
	echo "failed:$failures"
fi
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
