#!/bin/sh
# tests/run.sh: quorate's test runner.
#
#   sh tests/run.sh BUILD_DIR [unit|golden|scripts|all]   (from the repo root)
#   UPDATE=1 sh tests/run.sh build golden            rewrite expected outputs
#   ONLY='golden/check/*' sh tests/run.sh build golden   only the cases whose
#                                                    name matches (a shell pattern)
#
# unit    BUILD_DIR/tests/test_NAME (cmocka) for every tests/unit/test_NAME.c;
#         each executable counts as one pass or fail, and its output is shown.
# golden  Every case below; each counts as one pass or fail.
#
# Golden cases (tests/golden/<area>/<case>.* and tests/bad/<case>.*):
#
#   <case>.cmd      one line: the arguments to quorate, paths relative to the
#                   repo root, e.g. `check tests/golden/check/dup-role.tor`.
#                   Split on blanks, no globbing, no quoting.  Run as
#                   `BUILD_DIR/quorate ARGS` from the repo root with NO_COLOR=1,
#                   LC_ALL=C and QUORATE_PATH unset (cases that `use std.x` say
#                   `-I stdlib`, so no path of the binary reaches the output).
#   <case>.sh       instead of .cmd, for cases that need set-up (a generated
#                   file, standard input): run as `sh <case>.sh` from the repo
#                   root with $QUORATE (absolute path of the binary) and
#                   $CASE_TMP (an empty scratch directory, removed afterwards).
#   <case>.stdout, <case>.stderr, <case>.status
#                   the expected standard output, standard error and exit
#                   status; all three are compared exactly and a unified diff
#                   is printed on a mismatch.  UPDATE=1 writes them instead
#                   (review the change with git diff).
#
# tests/regress/<bug>/ holds one fixed bug each: its inputs, a README saying
# what went wrong and what was expected, and case.cmd or case.sh with
# case.{stdout,stderr,status}: a golden case like the others, named
# regress/<bug>.
#
# tests/bad/ holds hostile and broken inputs (encodings, limits, crashes
# found).  A tests/bad/*.tor or *.minutes with a .cmd beside it is a golden
# case like any other; one without is only required not to crash: exit status
# 0, 1 or 2 and no sanitizer report (.tor is given to `quorate check`,
# .minutes to `quorate eval` with the anytown terms).
#
# scripts  Whole-program checks, one pass or fail each (exit 77: skipped,
#          e.g. no Chromium): tests/install.sh (install into a DESTDIR, the
#          embedding example through pkg-config), tests/editors.sh (syntax
#          files cover every keyword), tests/keywords.sh (the grammar's
#          keyword lists agree with keywords.def), tests/syntax.sh (each
#          single-mistake file of tests/syntax/ gets exactly its one error,
#          at its line and column), tests/html.sh (the HTML audit in
#          headless Chromium), tests/html_layout.py (the HTML reports at 360,
#          800, 1280 and 1920 px: no horizontal scrolling, clipped text, broken
#          word or stray chart element; screenshots in BUILD/screenshots),
#          tests/report_pdf.sh (the A4 PDF through Chromium, checked with
#          pdfinfo and pdftotext), tests/completions.sh (bash and zsh complete
#          commands, options and files), tests/nvim.sh (docs/editors.md's
#          Neovim walk-through, headless), tests/docs.py (every console session in the
#          docs), tests/formatted.sh (fmt --check on the repository's files),
#          tests/fmt_meaning.sh (formatting changes no outcome or finding),
#          tests/examples.sh (the bundled terms check, their examples pass),
#          tests/no_uring.sh (a directory replays the same with io_uring
#          refused by a seccomp filter, tests/tools/deny_uring.c),
#          tests/schema/validate.py (JSON outputs against their schemas),
#          tests/lsp/client.py (editor sessions with `quorate lsp`, each
#          reply against tests/lsp/golden/), tests/conform_property.py (every
#          counterexample `conform` prints comes out as stated under `eval`).
#
# The last line is always "N passed, N failed" (", N skipped" may follow);
# the exit status is 1 if anything failed.

set -u

build=${1:?usage: sh tests/run.sh BUILD_DIR [unit|golden|all]}
what=${2:-all}
case $what in
unit|golden|scripts|all) ;;
*) echo "tests/run.sh: unknown suite '$what' (unit, golden, scripts or all)" >&2; exit 2 ;;
esac
if [ ! -f tests/run.sh ]; then
	echo "tests/run.sh: run me from the repository root" >&2
	exit 2
fi

passed=0
failed=0
skipped=0
failures=
tmp=$(mktemp -d "${TMPDIR:-/tmp}/quorate-tests.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' HUP INT TERM

pass() { passed=$((passed + 1)); }
fail() {
	failed=$((failed + 1))
	failures="$failures $1"
	echo "FAIL $1${2:+: $2}"
}

# ---- unit tests -------------------------------------------------------------
run_unit() {
	found=0
	# One executable per tests/unit/test_*.c, so a stale binary of a removed
	# test is never run, and a test that failed to build is a failure.
	for src in tests/unit/test_*.c; do
		[ -f "$src" ] || continue
		found=1
		t=$build/tests/$(basename "$src" .c)
		name=unit/${t##*/}
		if [ ! -x "$t" ]; then
			fail "$name" "$t is not built"
		elif "$t"; then
			pass
		else
			fail "$name" "exit status $?"
		fi
	done
	[ $found = 1 ] || fail "unit" "no tests/unit/test_*.c"
}

# ---- golden tests -------------------------------------------------------------

# compare NAME KIND EXPECTED ACTUAL: 0 if equal (or updated), else diff.
compare() {
	if [ "${UPDATE:-}" = 1 ]; then
		cp "$4" "$3"
		return 0
	fi
	if [ ! -f "$3" ]; then
		echo "FAIL $1: $3 is missing (UPDATE=1 writes it)"
		return 1
	fi
	cmp -s "$3" "$4" && return 0
	echo "FAIL $1: $2 differs"
	diff -u --label "$3" --label "$2 (actual)" "$3" "$4"
	return 1
}

# run_case NAME BASE: BASE.cmd or BASE.sh, compared with BASE.{stdout,stderr,status}.
run_case() {
	name=$1 base=$2
	out=$tmp/stdout err=$tmp/stderr st=$tmp/status
	if [ -f "$base.cmd" ]; then
		args=$(cat "$base.cmd")
		set -f
		# shellcheck disable=SC2086 # the .cmd line is split on purpose
		NO_COLOR=1 "$build/quorate" $args >"$out" 2>"$err" </dev/null
		echo $? >"$st"
		set +f
	else
		rm -rf "$tmp/case" && mkdir "$tmp/case"
		NO_COLOR=1 QUORATE="$quorate" CASE_TMP="$tmp/case" sh "$base.sh" >"$out" 2>"$err" </dev/null
		echo $? >"$st"
	fi
	ok=1
	compare "$name" status "$base.status" "$st" || ok=0
	compare "$name" stdout "$base.stdout" "$out" || ok=0
	compare "$name" stderr "$base.stderr" "$err" || ok=0
	if [ $ok = 1 ]; then
		pass
	else
		failed=$((failed + 1))
		failures="$failures $name"
	fi
}

# selected NAME: is the case chosen by $ONLY (default: every case)?
selected() {
	# shellcheck disable=SC2254 # ONLY is a pattern on purpose
	case $1 in
	${ONLY:-*}) return 0 ;;
	*) return 1 ;;
	esac
}

# smoke NAME ARGS...: must not crash (status 0..2, no sanitizer report).
smoke() {
	name=$1
	shift
	NO_COLOR=1 "$build/quorate" "$@" >"$tmp/stdout" 2>"$tmp/stderr" </dev/null
	status=$?
	if [ $status -gt 2 ]; then
		fail "$name" "exit status $status"
		sed -n '1,20p' "$tmp/stderr"
	elif grep -q -e 'Sanitizer' -e 'runtime error:' "$tmp/stderr"; then
		fail "$name" "sanitizer report"
		sed -n '1,40p' "$tmp/stderr"
	else
		pass
	fi
}

run_golden() {
	if [ ! -x "$build/quorate" ]; then
		fail "golden" "$build/quorate is not built"
		return
	fi
	case $build in
	/*) quorate=$build/quorate ;;
	*) quorate=$(pwd)/$build/quorate ;;
	esac
	unset QUORATE_PATH
	# Messages from the C library (strerror) in one language everywhere.
	LC_ALL=C
	export LC_ALL
	for f in tests/golden/*/*.cmd tests/golden/*/*.sh tests/bad/*.cmd tests/bad/*.sh; do
		[ -f "$f" ] || continue
		base=${f%.*}
		case $f in
		*.sh) [ -f "$base.cmd" ] && continue ;; # .cmd wins
		esac
		selected "${base#tests/}" && run_case "${base#tests/}" "$base"
	done
	for d in tests/regress/*/; do
		d=${d%/}
		name=regress/${d#tests/regress/}
		if [ -f "$d/case.cmd" ] || [ -f "$d/case.sh" ]; then
			selected "$name" && run_case "$name" "$d/case"
		else
			selected "$name" && fail "$name" "no case.cmd or case.sh (every regression runs)"
		fi
	done
	for f in tests/bad/*.tor tests/bad/*.minutes; do
		[ -f "$f" ] || continue
		base=${f%.*}
		[ -f "$base.cmd" ] || [ -f "$base.sh" ] && continue
		selected "${f#tests/}" || continue
		case $f in
		*.tor) smoke "${f#tests/}" check "$f" ;;
		*) smoke "${f#tests/}" eval -I stdlib examples/anytown/terms.tor "$f" ;;
		esac
	done
}

# ---- whole-program scripts ------------------------------------------------------

# script NAME COMMAND...: 0 passes, 77 is skipped, anything else fails.
script() {
	name=$1
	shift
	selected "$name" || return 0
	"$@"
	status=$?
	case $status in
	0) pass ;;
	77) skipped=$((skipped + 1)); echo "SKIP $name" ;;
	*) fail "$name" "exit status $status" ;;
	esac
}

# The system's Python first: Debian's python3-jsonschema is installed for it.
python=python3
[ -x /usr/bin/python3 ] && python=/usr/bin/python3
have_python() {
	command -v "$python" >/dev/null 2>&1
}

run_scripts() {
	script scripts/install sh tests/install.sh "$build"
	script scripts/editors sh tests/editors.sh
	script scripts/keywords sh tests/keywords.sh
	script scripts/syntax sh tests/syntax.sh "$build"
	script scripts/completions sh tests/completions.sh "$build"
	script scripts/nvim sh tests/nvim.sh "$build"
	script scripts/html sh tests/html.sh "$build"
	script scripts/pdf sh tests/report_pdf.sh "$build"
	script scripts/formatted sh tests/formatted.sh "$build"
	script scripts/fmt-meaning sh tests/fmt_meaning.sh "$build"
	script scripts/examples sh tests/examples.sh "$build"
	script scripts/no-uring sh tests/no_uring.sh "$build"
	if have_python; then
		script scripts/docs "$python" tests/docs.py "$build"
		script scripts/html-layout "$python" tests/html_layout.py "$build"
		script scripts/lsp "$python" tests/lsp/client.py "$build"
		script scripts/conform-property "$python" tests/conform_property.py "$build"
		if "$python" -c 'import jsonschema' 2>/dev/null; then
			for schema in eval replay diff explain register conform; do
				script "scripts/schema-$schema" "$python" -W ignore tests/schema/validate.py \
					"docs/schema/$schema.schema.json" tests/golden/eval tests/golden/examples tests/golden/published tests/golden/conform
			done
			# shellcheck disable=SC2046 # the bundled JSON records, one word each
			script scripts/schema-minutes "$python" -W ignore tests/schema/validate.py \
				docs/schema/minutes.schema.json $(find examples tests/golden/published -name '*.json' | sort)
		else
			skipped=$((skipped + 7)); echo "SKIP scripts/schema-*: python3-jsonschema is not installed"
		fi
	else
		skipped=$((skipped + 11)); echo "SKIP scripts/docs scripts/html-layout scripts/lsp scripts/conform-property scripts/schema-*: python3 is not installed"
	fi
}

case $what in
unit) run_unit ;;
golden) run_golden ;;
scripts) run_scripts ;;
all) run_unit; run_golden; run_scripts ;;
esac

if [ $failed -gt 0 ]; then
	echo "failed:$failures"
fi
if [ $skipped -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ $failed -eq 0 ]
