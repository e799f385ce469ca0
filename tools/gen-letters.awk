# gen-letters.awk: generate letters.def, which characters may be part of a
# name and how a letter and a combining mark compose.  Run by the Makefile
# into build/gen/ (never committed), from the Unicode Character Database
# of Debian's unicode-data package:
#
#   awk -f tools/gen-letters.awk \
#       /usr/share/unicode/DerivedNormalizationProps.txt \
#       /usr/share/unicode/UnicodeData.txt > build/gen/front/letters.def
#
# A name starts with a letter (general category L*) or `_`, and goes on with
# letters, combining marks (M*), decimal digits (Nd) and `_`.  Names are read
# in their composed form (NFC for a letter followed by its marks), so the
# primary composites of two characters are listed too: a canonical
# decomposition into exactly two characters whose result is not excluded
# from composition (Full_Composition_Exclusion; Hangul syllables compose by
# arithmetic, not by the table, and are not listed).  Only POSIX awk: the
# scanner must not depend on the C library's locale (tests run with
# LC_ALL=C), and the build needs no Python.

function hex(s,    i, n, c) {
	n = 0
	s = toupper(s)
	for (i = 1; i <= length(s); i++) {
		c = index("0123456789ABCDEF", substr(s, i, 1))
		if (c == 0) {
			print "gen-letters.awk: not a hexadecimal number: " s > "/dev/stderr"
			exit 2
		}
		n = n * 16 + c - 1
	}
	return n
}

function kind_of(cat) {
	if (substr(cat, 1, 1) == "L") return "LETTER"
	if (substr(cat, 1, 1) == "M") return "MARK"
	if (cat == "Nd") return "DIGIT"
	return ""
}

# One code point (or a range of them) of a kind, in increasing order: runs
# of neighbours of the same kind are merged, as one NAME_CHARS line.
function add(lo, hi, kind) {
	if (kind == "" || lo < 128) {
		flush()
		return
	}
	if (run_kind == kind && lo == run_hi + 1) {
		run_hi = hi
		return
	}
	flush()
	run_lo = lo; run_hi = hi; run_kind = kind
}

function flush() {
	if (run_kind != "")
		ranges[++n_ranges] = sprintf("NAME_CHARS(0x%04X, 0x%04X, %s)", run_lo, run_hi, run_kind)
	run_kind = ""
}

BEGIN { FS = ";" }

# DerivedNormalizationProps.txt: the characters excluded from composition.
FILENAME ~ /DerivedNormalizationProps/ {
	if (FNR == 1 && match($0, /-[0-9]+\.[0-9]+\.[0-9]+\.txt/))
		version = substr($0, RSTART + 1, RLENGTH - 5)
	sub(/#.*/, "")
	if ($2 !~ /Full_Composition_Exclusion/)
		next
	gsub(/ /, "", $1)
	k = index($1, "..")
	lo = hex(k ? substr($1, 1, k - 1) : $1)
	hi = k ? hex(substr($1, k + 2)) : lo
	for (cp = lo; cp <= hi; cp++)
		excluded[cp] = 1
	next
}

# UnicodeData.txt: code;name;category;ccc;bidi;decomposition;...  A range
# of code points is two lines, "<..., First>" and "<..., Last>".
{
	cp = hex($1)
	if ($2 ~ /, First>$/) {
		first = cp
		next
	}
	lo = $2 ~ /, Last>$/ ? first : cp
	if (lo != prev + 1)
		flush()  # unassigned code points between: a run ends
	add(lo, cp, kind_of($3))
	prev = cp
	if ($6 == "" || substr($6, 1, 1) == "<" || cp in excluded)
		next
	if (split($6, part, " ") != 2)
		next
	pairs[++n_pairs] = sprintf("COMPOSE(0x%04X, 0x%04X, 0x%04X)", hex(part[1]), hex(part[2]), cp)
	pair_key[n_pairs] = sprintf("%06X%06X", hex(part[1]), hex(part[2]))
}

END {
	flush()
	if (n_ranges == 0 || n_pairs == 0 || version == "") {
		print "gen-letters.awk: no characters read: is the Unicode data complete?" > "/dev/stderr"
		exit 2
	}
	# the compositions sorted by first, then second (insertion sort: a
	# thousand lines, nearly in order already)
	for (i = 2; i <= n_pairs; i++) {
		k = pair_key[i]; p = pairs[i]
		for (j = i - 1; j >= 1 && pair_key[j] > k; j--) {
			pair_key[j + 1] = pair_key[j]; pairs[j + 1] = pairs[j]
		}
		pair_key[j + 1] = k; pairs[j + 1] = p
	}
	print "/*"
	print "** letters.def: the characters beyond ASCII that may be part of a name, and"
	print "** how a letter and a combining mark compose (NFC).  Generated at build time"
	print "** by tools/gen-letters.awk from the Unicode " version " Character Database."
	print "**"
	print "**   NAME_CHARS(first, last, LETTER | MARK | DIGIT)   sorted, not overlapping"
	print "**   COMPOSE(first, second, composed)                 sorted by first, second"
	print "*/"
	print "#ifdef NAME_CHARS"
	for (i = 1; i <= n_ranges; i++)
		print ranges[i]
	print "#endif"
	print "#ifdef COMPOSE"
	for (i = 1; i <= n_pairs; i++)
		print pairs[i]
	print "#endif"
}
