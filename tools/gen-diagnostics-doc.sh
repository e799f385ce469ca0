#!/bin/sh
# Generate docs/diagnostics.md from src/front/diag_codes.def, the single table
# of diagnostic codes that `quorate check` (and every parse) reports.
# Run from the repository root:  sh tools/gen-diagnostics-doc.sh
# POSIX sh and sed only.  The output is committed; rerun after editing the
# table (a test may compare the two).
set -eu
def=src/front/diag_codes.def
out=docs/diagnostics.md
if [ ! -r "$def" ]; then
	echo "gen-diagnostics-doc.sh: cannot read $def (run from the repository root)" >&2
	exit 2
fi
tmp="$out.tmp.$$"
trap 'rm -f "$tmp"' EXIT HUP INT TERM
{
	echo "# Diagnostics"
	echo
	echo "Every message \`quorate check\` prints (and every error found while a"
	echo "terms file, module or meeting record is read) has a stable code, shown"
	echo "in square brackets at the end of the message, e.g. \`[to-be-agreed]\`,"
	echo "and in the \`code\` field of \`--format json\`.  Codes are never renamed"
	echo "or reused, so reports can be filtered and compared by them."
	echo
	echo "Severities:"
	echo
	echo "- **error**: the file cannot be used as written; \`check\` exits with"
	echo "  status 2."
	echo "- **warning**: the file can be used, but something needs attention (a"
	echo "  clause still to be agreed, a rule that may not mean what it says);"
	echo "  \`check\` exits 0, or 1 with \`--strict\`."
	echo "- **note**: information, such as a default that applies because the"
	echo "  file leaves a setting open (see [the defaults](reference.md#defaults))."
	echo
	echo "After 20 errors \`check\` stops with \`too-many-errors\`.  The findings"
	echo "of \`quorate eval\` about meeting records have codes of their own,"
	echo "listed in [findings.md](findings.md)."
	echo
	echo "Where the fix is likely, a diagnostic carries a **fix-it**: the text"
	echo "that would replace the part of the line it points at (a misspelt name's"
	echo "nearest known name, \`5 days\` for \`5days\`).  It is printed under the"
	echo "caret, and \`--format json\` gives it as \`suggestion\`: the replacement"
	echo "\`text\`, and the \`file\`, \`line\` and \`column\` where the replaced text"
	echo "starts and the \`end_line\` and \`end_column\` just past it (equal to"
	echo "\`line\` and \`column\` for an insertion); \`null\` when there is none."
	echo "Editors offer it as a quick fix."
	echo
	echo "A syntax error points at the word that is wrong and says what was"
	echo "expected there (\`name\` for any name, \`a new item\` where any item of"
	echo "the block may begin).  When the word is the first of its line and the"
	echo "line before it is unfinished (\`role gp \"GP\"\` with no \`voting\`), the"
	cat <<'PROSE'
error is at the end of that line: "the line ends too soon".

After a syntax error the parser skips to the next **statement
boundary** and goes on from there, so a mistake is reported once and the
correct lines after it are read as written.  A boundary is a line that
begins with a word that begins an item of the block being read (`member`,
`quorum`, `class`... in a terms block; `require`, `when`, `notice`... in a
quorum or class; `present`, `apologies`, `motion`... in a meeting; `for`,
`against`, `recorded`... in a motion), the `}` that closes the block, or
the end of the file.  A word that begins an item of a block around the
one being read (`class` inside an unclosed `quorum {`, `motion` inside an
unclosed motion) means that block's `}` is missing: that is the error,
with ` }` as the fix-it, and the line is read as written.  A few mistakes
are recognised as such: two names on a line with no `,` between them, a
list of names that ends with `,`, a condition without its `require`, a
fraction and its base without `of` (`75% members`), a misspelt word of
the language (`apologeis`: did you mean 'apologies'?), a line of a motion
that begins with none of its statements (the note lists them; numbers of
votes written out, `votes 3 for, 2 against`, get the tally as the fix-it:
`tally for 3 against 2`).  A bad character on the rest of a line whose
error was said (`...against; recorded carried`) is part of that one
mistake and is not said again.  The words that
begin each block's items are the `ITEM` lines of
`src/front/keywords.def`.

**Did you mean.**  A name that is not known gets the nearest known one
(by edit distance, when it is close) as a note and as the fix-it: a
member, role, tag, rule or parameter in the terms; a module in `use`
(from the modules beside where it was looked for).  `eval` and `replay`
do the same in their findings: a name the roster does not have (text:
"did you mean 'carol'?"; JSON: the finding's `suggestion`, in the same
form as a diagnostic's), a misspelt body's name in `terms "..."`, a
meeting title in `ratifies` (the nearest provisional decision of the
body), a body no terms in the history are for.  A meeting record given
where `eval` expects the terms (the two files the wrong way round) is one
error that says so.  So does a notice's word (`notice amendmnts ...`), a
record's `minutes WORD DATE` (circulated or amended), and in `eval` a
motion's attribute the terms never read that is likely one they do
(`financal`, `kind "amendmnt"`, a class named where its kind was meant:
[semantics](semantics.md#attributes-the-terms-do-not-read)).

**What every terms file must say** (`terms.missing`) gets the fix-it that
says it is still to be agreed, as the last line of its block: `quorum {
to be agreed }`, `class ordinary { to be agreed }`, and `to be agreed` in a
quorum block that says nothing or a class without `require` (whose motions
would otherwise all be carried).  A missing `effective` date gets a note,
and the fix-it only where the `version` holds a date.  A fix-it that adds
a line is shown as "insert the line".

`tests/syntax/` holds single-mistake terms (`.tor`) and meeting records
(`.minutes`), each of which must give exactly its one error at its line
and column.
PROSE
	echo
	echo "Generated from \`$def\` by"
	echo "\`tools/gen-diagnostics-doc.sh\`; do not edit by hand."
	echo
	echo "| code | severity | meaning |"
	echo "| --- | --- | --- |"
	# DIAG(D_NAME, "code", SEVERITY, "meaning"): the meaning may hold \"
	# (escaped quotes, shown as plain quotes) and `backticks`.  A | in the
	# meaning would end the table cell, so it is escaped.
	sed -n 's/^DIAG([A-Z_0-9]*, *"\([^"]*\)", *\([A-Z]*\), *"\(.*\)")[ 	]*$/\1	\2	\3/p' "$def" |
	sed 's/\\"/"/g; s/|/\\|/g' |
	while IFS='	' read -r code sev meaning; do
		case $sev in
		ERROR) sev=error ;;
		WARNING) sev=warning ;;
		NOTE) sev=note ;;
		*) echo "gen-diagnostics-doc.sh: unknown severity '$sev' for $code" >&2; exit 1 ;;
		esac
		# shellcheck disable=SC2016 # the backticks are Markdown, not expansions
		printf '| `%s` | %s | %s |\n' "$code" "$sev" "$meaning"
	done
} > "$tmp"
# Every DIAG line must have been turned into a row.
want=$(grep -c '^DIAG(' "$def")
have=$(grep -c '^| `' "$tmp")
if [ "$want" != "$have" ]; then
	echo "gen-diagnostics-doc.sh: $want entries in $def but $have rows written" >&2
	exit 1
fi
mv "$tmp" "$out"
trap - EXIT HUP INT TERM
