#!/bin/sh
# tests/safe_write.sh BUILD: `quorate fmt --write` replaces a file whole, with
# its owner, group, mode and extended attributes, or not at all; refuses what
# it cannot replace faithfully; and never leaves its temporary file
# (.NAME.quorate-XXXXXX) behind, whether it fails or is interrupted.
#
#  1. a file with a syntax error is left byte-identical (exit 2);
#  2. a write cut short by the file-size limit (`ulimit -f`, which sends
#     SIGXFSZ): exit 2 with a message, never killed by the signal, the original
#     byte-identical, no temporary file;
#  3. the same with SIGXFSZ ignored (write() fails with EFBIG);
#  4. a read-only directory (as a user who is not root);
#  5. a successful write keeps the file's mode, owner and group (set-user-ID
#     and set-group-ID bits too), and its extended attributes;
#  6. a write through a symbolic link rewrites the file it points to and
#     keeps the link;
#  7. killed at random moments (SIGKILL) while writing: the file is always
#     either the old text or the new, never a mixture (a temporary file may
#     stay behind after SIGKILL: nothing can remove it; it is reported, not
#     failed);
#  8. refused, untouched and never opened: a FIFO, a link to a device;
#  9. a file with other hard links is refused, and replaced with --force
#     (the other names keep the old text);
# 10. a read-only file is refused (even for root), and replaced with --force,
#     still read-only;
# 11. interrupted with the temporary file written (the test hook
#     QUORATE_TEST_STOP_BEFORE_RENAME stops it there): SIGINT, SIGTERM,
#     SIGHUP, SIGPIPE and SIGQUIT each end it by that signal, with the
#     original untouched and no temporary file; a signal ignored on entry
#     (nohup's SIGHUP) stays ignored; SIGTERM at random moments never leaves
#     a temporary file;
# 12. a file changed by another program while it was being formatted is not
#     replaced (the other program's change would be lost);
# 13. contradictory flags: --write --check, --force without --write;
# 14. as a user who is not root (set up with setpriv when the test runs as
#     root): a file this user may not write, and one whose owner this user
#     cannot give the copy, are refused and untouched.
# Ends with "N passed, N failed" (", N skipped" when a case cannot be set up
# here, with the reason).

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
skipped=0
failures=
pass() { passed=$((passed + 1)); echo "ok $1"; }
skip() { skipped=$((skipped + 1)); echo "skip $1"; }
fail() {
	failed=$((failed + 1))
	failures="$failures
  $1"
	echo "FAIL $1: $2"
}

# temps DIR: the temporary files fmt --write left in DIR
temps() { find "$1" -maxdepth 1 -name '.*.quorate-*' 2>/dev/null; }

# A user who is not root, for what root may do anyway.  Running as root, an
# unused user and group id are taken (setpriv needs no account for them);
# otherwise it is this user.  user_uid is empty if neither is possible.
me=$(id -u)
user_uid=
user_gid=
if [ "$me" != 0 ]; then
	user_uid=$me
	user_gid=$(id -g)
elif command -v setpriv >/dev/null 2>&1; then
	u=61000
	while getent passwd $u >/dev/null 2>&1 || getent group $u >/dev/null 2>&1; do
		u=$((u + 1))
	done
	chmod 755 "$tmp"
	if setpriv --reuid=$u --regid=$u --clear-groups -- "$bin" --version >/dev/null 2>&1; then
		user_uid=$u
		user_gid=$u
	fi
fi
no_user="no user but root to run it as (setpriv is missing or cannot change user here)"
# as_user CMD...: run CMD as that user
as_user() {
	if [ "$me" = 0 ]; then
		setpriv --reuid="$user_uid" --regid="$user_gid" --clear-groups -- "$@"
	else
		"$@"
	fi
}
# user_dir DIR: make DIR, the user's own
user_dir() { mkdir "$1" && { [ "$me" != 0 ] || chown "$user_uid:$user_gid" "$1"; }; }

# stopped PID: wait (up to 10 s) until process PID is stopped (true), or has
# ended (false)
stopped() {
	n=0
	while [ $n -lt 200 ]; do
		state=$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null)
		case $state in
		T | t) return 0 ;;
		'' | Z | X) return 1 ;;
		esac
		sleep 0.05
		n=$((n + 1))
	done
	return 1
}

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

# ---- 4. read-only directory (as a user who is not root) ------------------------
if [ -z "$user_uid" ]; then
	skip "read-only directory: $no_user"
else
	d=$tmp/t4
	user_dir "$d"
	cp "$big" "$d/big.tor"
	[ "$me" != 0 ] || chown "$user_uid:$user_gid" "$d/big.tor"
	chmod a-w "$d"
	as_user "$bin" fmt --write "$d/big.tor" >/dev/null 2>"$tmp/err"
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

# ---- 5. mode, owner, group and extended attributes kept ------------------------
# As root: a file of another user, with set-user-ID and set-group-ID (root
# can give the copy any owner).  As another user: that user's own file.
d=$tmp/t5
mkdir "$d"
cp "$big" "$d/big.tor"
if [ "$me" = 0 ]; then
	owner="${user_uid:-4242}:${user_gid:-4343}"
	chown "$owner" "$d/big.tor"
	mode=6640
else
	owner="$me:$(id -g)"
	mode=640
fi
chmod $mode "$d/big.tor"
# an extended attribute, where the file system and python3 allow one
xattr=
if command -v python3 >/dev/null 2>&1 &&
	python3 -c 'import os, sys; os.setxattr(sys.argv[1], "user.quorate-test", b"kept")' "$d/big.tor" 2>/dev/null; then
	xattr=user.quorate-test
fi
"$bin" fmt --write "$d/big.tor" >/dev/null 2>"$tmp/err"
st=$?
now=$(stat -c %u:%g "$d/big.tor")
now_mode=$(stat -c %a "$d/big.tor")
name="owner, group, mode$([ -n "$xattr" ] && echo ' and extended attributes') kept"
if [ $st -ne 0 ]; then
	fail "$name" "exit $st: $(cat "$tmp/err")"
elif ! cmp -s "$d/big.tor" "$tmp/big.formatted"; then
	fail "$name" "the file is not the formatted text"
elif [ "$now" != "$owner" ]; then
	fail "$name" "owner and group $now after the write, were $owner"
elif [ "$now_mode" != $mode ]; then
	fail "$name" "mode $now_mode after the write, was $mode"
elif [ -n "$xattr" ] &&
	[ "$(python3 -c 'import os, sys; print(os.getxattr(sys.argv[1], "user.quorate-test").decode())' "$d/big.tor" 2>&1)" != kept ]; then
	fail "$name" "the extended attribute $xattr was lost"
elif [ -n "$(temps "$d")" ]; then
	fail "$name" "temporary file left"
else
	pass "successful write: formatted text, owner and group $owner, mode $mode$([ -n "$xattr" ] && echo ", $xattr") kept, no temporary file"
fi
[ -n "$xattr" ] || skip "extended attributes: python3 cannot set user.* attributes here"

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

# ---- 8. special files: refused, never opened ------------------------------------
d=$tmp/t8
mkdir "$d"
mkfifo "$d/pipe.tor"
# Opening a FIFO to read it waits for a writer: a run that opens it hangs.
timeout 10 "$bin" fmt --write "$d/pipe.tor" >/dev/null 2>"$tmp/err"
st=$?
if [ $st -ne 2 ]; then
	fail "FIFO" "exit $st, expected 2$([ $st = 124 ] && echo ' (it waited for a writer: the FIFO was opened)')"
elif [ ! -p "$d/pipe.tor" ]; then
	fail "FIFO" "the FIFO was replaced"
elif ! grep -q 'FIFO' "$tmp/err"; then
	fail "FIFO" "the message does not say why: $(cat "$tmp/err")"
elif [ -n "$(temps "$d")" ]; then
	fail "FIFO" "temporary file left"
else
	pass "FIFO: exit 2, not opened, still a FIFO ($(cat "$tmp/err"))"
fi
ln -s /dev/null "$d/null.tor"
"$bin" fmt --write "$d/null.tor" >/dev/null 2>"$tmp/err"
st=$?
if [ $st -ne 2 ]; then
	fail "link to a device" "exit $st, expected 2"
elif [ "$(readlink "$d/null.tor")" != /dev/null ] || [ ! -c /dev/null ]; then
	fail "link to a device" "the link or the device was replaced"
else
	pass "link to a device: exit 2, link and device kept"
fi

# ---- 9. hard links --------------------------------------------------------------
d=$tmp/t9
mkdir "$d"
cp "$big" "$d/a.tor"
ln "$d/a.tor" "$d/b.tor"
"$bin" fmt --write "$d/a.tor" >/dev/null 2>"$tmp/err"
st=$?
if [ $st -ne 2 ]; then
	fail "hard links" "exit $st, expected 2 (the link would be split silently)"
elif ! cmp -s "$d/a.tor" "$big" || [ "$(stat -c %i "$d/a.tor")" != "$(stat -c %i "$d/b.tor")" ]; then
	fail "hard links" "the file was changed or its links split"
elif ! grep -q 'hard links' "$tmp/err" || ! grep -q -- '--force' "$tmp/err"; then
	fail "hard links" "the message does not say why, or how to go on: $(cat "$tmp/err")"
else
	pass "hard links: refused, exit 2, links kept"
fi
"$bin" fmt --write --force "$d/a.tor" >/dev/null 2>"$tmp/err"
st=$?
if [ $st -ne 0 ]; then
	fail "hard links, --force" "exit $st: $(cat "$tmp/err")"
elif ! cmp -s "$d/a.tor" "$tmp/big.formatted" || ! cmp -s "$d/b.tor" "$big"; then
	fail "hard links, --force" "expected the file formatted and its other name with the old text"
elif [ -n "$(temps "$d")" ]; then
	fail "hard links, --force" "temporary file left"
else
	pass "hard links, --force: replaced, the other name keeps the old text"
fi

# ---- 10. read-only file -------------------------------------------------------------
d=$tmp/t10
mkdir "$d"
cp "$big" "$d/big.tor"
chmod 444 "$d/big.tor"
"$bin" fmt --write "$d/big.tor" >/dev/null 2>"$tmp/err"
st=$?
if [ $st -ne 2 ]; then
	fail "read-only file" "exit $st, expected 2"
elif ! cmp -s "$d/big.tor" "$big"; then
	fail "read-only file" "the file was changed"
elif ! grep -q 'read-only' "$tmp/err"; then
	fail "read-only file" "the message does not say why: $(cat "$tmp/err")"
else
	pass "read-only file: refused, exit 2, untouched"
fi
"$bin" fmt --write --force "$d/big.tor" >/dev/null 2>"$tmp/err"
st=$?
if [ $st -ne 0 ]; then
	fail "read-only file, --force" "exit $st: $(cat "$tmp/err")"
elif ! cmp -s "$d/big.tor" "$tmp/big.formatted" || [ "$(stat -c %a "$d/big.tor")" != 444 ]; then
	fail "read-only file, --force" "expected the formatted text, still mode 444"
else
	pass "read-only file, --force: replaced, still mode 444"
fi

# ---- 11. interrupted with the temporary file written ----------------------------------
# Background jobs of a shell without job control start with SIGINT and
# SIGQUIT ignored, which quorate must respect: `env --default-signal` gives
# them their default action back, as a terminal's foreground job has.
if [ ! -r /proc/self/stat ]; then
	skip "signals: no /proc to see when the process has stopped"
else
	if env --default-signal true 2>/dev/null; then
		sigs="INT:2 TERM:15 HUP:1 PIPE:13"
		dflt="env --default-signal"
	else
		skip "SIGINT: env --default-signal is missing"
		sigs="TERM:15 HUP:1 PIPE:13"
		dflt=env
	fi
	d=$tmp/t11
	mkdir "$d"
	for s in $sigs; do
		sig=${s%:*}
		num=${s#*:}
		name="SIG$sig with the temporary file written"
		cp "$big" "$d/big.tor"
		$dflt QUORATE_TEST_STOP_BEFORE_RENAME=1 "$bin" fmt --write "$d/big.tor" >/dev/null 2>&1 &
		pid=$!
		if ! stopped $pid; then
			kill -9 $pid 2>/dev/null
			wait $pid 2>/dev/null
			fail "$name" "it never stopped before the rename (QUORATE_TEST_STOP_BEFORE_RENAME)"
			continue
		fi
		written=$(temps "$d")
		kill -$sig $pid
		kill -CONT $pid
		wait $pid 2>/dev/null
		st=$?
		if [ -z "$written" ]; then
			fail "$name" "no temporary file while it was stopped before the rename"
		elif [ $st -ne $((128 + num)) ]; then
			fail "$name" "exit $st, expected $((128 + num)) (ended by the signal)"
		elif [ -n "$(temps "$d")" ]; then
			fail "$name" "temporary file left: $(temps "$d" | sed "s|$tmp/||")"
		elif ! cmp -s "$d/big.tor" "$big"; then
			fail "$name" "the original was changed"
		else
			pass "$name: ended by it (exit $st), temporary file removed, original untouched"
		fi
	done
	# nohup: SIGHUP ignored on entry stays ignored
	name="SIGHUP ignored on entry (nohup)"
	cp "$big" "$d/big.tor"
	(trap '' HUP && QUORATE_TEST_STOP_BEFORE_RENAME=1 exec "$bin" fmt --write "$d/big.tor") >/dev/null 2>&1 &
	pid=$!
	if ! stopped $pid; then
		kill -9 $pid 2>/dev/null
		wait $pid 2>/dev/null
		fail "$name" "it never stopped before the rename"
	else
		kill -HUP $pid
		kill -CONT $pid
		wait $pid 2>/dev/null
		st=$?
		if [ $st -ne 0 ]; then
			fail "$name" "exit $st, expected 0 (the signal is to be ignored)"
		elif ! cmp -s "$d/big.tor" "$tmp/big.formatted" || [ -n "$(temps "$d")" ]; then
			fail "$name" "the file was not replaced, or a temporary file was left"
		else
			pass "$name: still ignored, the file replaced"
		fi
	fi
	# SIGTERM at random moments: never a temporary file left
	mixed=0
	left=0
	i=0
	while [ $i -lt 20 ]; do
		cp "$big" "$d/big.tor"
		"$bin" fmt --write "$d/big.tor" >/dev/null 2>&1 &
		pid=$!
		sleep "0.00$((i % 10))" 2>/dev/null || true
		kill -TERM $pid 2>/dev/null
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
	if [ $mixed -gt 0 ] || [ $left -gt 0 ]; then
		fail "SIGTERM at random moments" "of 20 runs, $mixed left a mixed file and $left a temporary file"
	else
		pass "SIGTERM at random moments: 20 runs, the file always whole, no temporary file left"
	fi

	# ---- 12. changed by another program meanwhile --------------------------------
	name="file changed while being formatted"
	cp "$big" "$d/big.tor"
	QUORATE_TEST_STOP_BEFORE_RENAME=1 "$bin" fmt --write "$d/big.tor" >/dev/null 2>"$tmp/err" &
	pid=$!
	if ! stopped $pid; then
		kill -9 $pid 2>/dev/null
		wait $pid 2>/dev/null
		fail "$name" "it never stopped before the rename"
	else
		echo '# an edit made meanwhile' >>"$d/big.tor"
		kill -CONT $pid
		wait $pid 2>/dev/null
		st=$?
		if [ $st -ne 2 ]; then
			fail "$name" "exit $st, expected 2"
		elif [ "$(tail -n 1 "$d/big.tor")" != '# an edit made meanwhile' ]; then
			fail "$name" "the other program's edit was lost"
		elif [ -n "$(temps "$d")" ]; then
			fail "$name" "temporary file left"
		else
			pass "$name: not replaced, exit 2 ($(cat "$tmp/err"))"
		fi
	fi
fi

# ---- 13. contradictory flags ----------------------------------------------------------
d=$tmp/t13
mkdir "$d"
cp "$big" "$d/big.tor"
for flags in "--write --check" "--check --write" "--force" "--check --force"; do
	# shellcheck disable=SC2086 # the flags are words
	"$bin" fmt $flags "$d/big.tor" >"$tmp/out" 2>"$tmp/err"
	st=$?
	if [ $st -ne 2 ]; then
		fail "fmt $flags" "exit $st, expected 2"
	elif ! cmp -s "$d/big.tor" "$big" || [ -s "$tmp/out" ]; then
		fail "fmt $flags" "it wrote something"
	else
		pass "fmt $flags: refused ($(sed -n 1p "$tmp/err"))"
	fi
done

# ---- 14. as a user who is not root -----------------------------------------------------
if [ -z "$user_uid" ]; then
	skip "a user who is not root: $no_user"
elif [ "$me" != 0 ]; then
	skip "files of another user: the test runs as a user who cannot create them (run it as root)"
else
	d=$tmp/t14
	user_dir "$d"
	# root's file, readable by all, in the user's directory: the user may
	# not write it (renaming over it would take it from root)
	cp "$big" "$d/root.tor"
	chmod 644 "$d/root.tor"
	as_user "$bin" fmt --write "$d/root.tor" >/dev/null 2>"$tmp/err"
	st=$?
	if [ $st -ne 2 ] || ! cmp -s "$d/root.tor" "$big" || [ "$(stat -c %u "$d/root.tor")" != 0 ]; then
		fail "another user's file, not writable" "exit $st (expected 2), owner $(stat -c %U "$d/root.tor")"
	elif ! grep -q 'may not write' "$tmp/err"; then
		fail "another user's file, not writable" "the message does not say why: $(cat "$tmp/err")"
	else
		pass "another user's file, not writable: refused, exit 2, untouched"
	fi
	# --force cannot give it to the user either
	as_user "$bin" fmt --write --force "$d/root.tor" >/dev/null 2>"$tmp/err"
	st=$?
	if [ $st -ne 2 ] || ! cmp -s "$d/root.tor" "$big" || [ "$(stat -c %u "$d/root.tor")" != 0 ] || [ -n "$(temps "$d")" ]; then
		fail "another user's file, --force" "exit $st (expected 2), owner $(stat -c %U "$d/root.tor")"
	elif ! grep -q 'cannot keep its owner' "$tmp/err"; then
		fail "another user's file, --force" "the message does not say why: $(cat "$tmp/err")"
	else
		pass "another user's file, --force: refused (its owner cannot be kept), untouched, no temporary file"
	fi
	# root's file the user may write through its group: still root's after
	# a rewrite, or not rewritten
	cp "$big" "$d/shared.tor"
	chown "0:$user_gid" "$d/shared.tor"
	chmod 664 "$d/shared.tor"
	as_user "$bin" fmt --write "$d/shared.tor" >/dev/null 2>"$tmp/err"
	st=$?
	if [ $st -ne 2 ] || ! cmp -s "$d/shared.tor" "$big" || [ "$(stat -c %u:%g "$d/shared.tor")" != "0:$user_gid" ] ||
		[ -n "$(temps "$d")" ]; then
		fail "group-writable file of another user" "exit $st (expected 2), owner $(stat -c %u:%g "$d/shared.tor")"
	else
		pass "group-writable file of another user: refused (its owner cannot be kept), untouched, no temporary file"
	fi
	# the user's own file: rewritten, its mode kept
	cp "$big" "$d/own.tor"
	chown "$user_uid:$user_gid" "$d/own.tor"
	chmod 604 "$d/own.tor"
	as_user "$bin" fmt --write "$d/own.tor" >/dev/null 2>"$tmp/err"
	st=$?
	if [ $st -ne 0 ] || ! cmp -s "$d/own.tor" "$tmp/big.formatted" ||
		[ "$(stat -c %u:%g:%a "$d/own.tor")" != "$user_uid:$user_gid:604" ]; then
		fail "the user's own file" "exit $st, $(stat -c %u:%g:%a "$d/own.tor"): $(cat "$tmp/err")"
	else
		pass "the user's own file: rewritten, owner, group and mode 604 kept"
	fi
fi

if [ $failed -gt 0 ]; then
	echo "failed:$failures"
fi
echo "$passed passed, $failed failed$([ $skipped -gt 0 ] && echo ", $skipped skipped")"
[ $failed -eq 0 ]
