#!/bin/sh
# fuzz/seed.sh DIR: seed corpora and dictionaries for the fuzz targets.
#
#   DIR/corpus-terms   every .tor under tests/, examples/, stdlib/
#   DIR/corpus-record  every .minutes under tests/ and examples/
#   DIR/corpus-fastrec the same (and corpus-mapped)
#   DIR/corpus-json    every .json meeting record under tests/ and examples/
#   DIR/corpus-fmt     both of the first two
#   DIR/corpus-lsp     editor sessions over those files (fuzz/lsp_seeds.py)
#   DIR/{terms,record,json,fmt,lsp}.dict
#
# Files are copied flat (path with / turned into _), so re-seeding is
# idempotent and what libFuzzer added to a corpus stays.  Nothing here is
# committed: DIR is under build/.  Run from the repository root.
set -eu
dir=${1:?usage: sh fuzz/seed.sh DIR}
mkdir -p "$dir/corpus-terms" "$dir/corpus-record" "$dir/corpus-json" "$dir/corpus-fmt" "$dir/corpus-lsp" \
	"$dir/corpus-diff" "$dir/corpus-mapped" "$dir/corpus-fastrec"

copy() { # copy CORPUS FILE...
	to=$1
	shift
	for f in "$@"; do
		[ -f "$f" ] || continue
		cp "$f" "$dir/$to/$(printf '%s' "$f" | tr '/' '_')"
	done
}

# shellcheck disable=SC2046 # file names here have no blanks
copy corpus-terms $(find tests examples stdlib -name '*.tor' -size -64k 2>/dev/null | sort)
copy corpus-record $(find tests examples -name '*.minutes' -size -64k 2>/dev/null | sort)
copy corpus-json $(find tests examples -name '*.json' -size -64k 2>/dev/null | sort)
# mapped: native records, read from a mapped file and from memory
copy corpus-mapped $(find tests examples -name '*.minutes' -size -64k 2>/dev/null | sort)
# fastrec: native records, read the fast way and the full way
copy corpus-fastrec $(find tests examples -name '*.minutes' -size -64k 2>/dev/null | sort)
copy corpus-fmt $(find tests examples stdlib \( -name '*.tor' -o -name '*.minutes' \) -size -64k 2>/dev/null | sort)
# A meeting record fuzzer that only ever sees records would rarely build a
# `meeting` block around the statements of the terms language: give it the
# tests' `example` blocks too (they are meetings inside terms files).
grep -l 'example' $(find tests -name '*.tor' -size -64k 2>/dev/null) 2>/dev/null | while read -r f; do
	copy corpus-record "$f"
done

# diff: two terms files joined by a NUL byte: each bundled pair of versions,
# and each example's versions against a stdlib template.
pair() { # pair NAME OLD NEW
	{ cat "$2"; printf '\000'; cat "$3"; } > "$dir/corpus-diff/$1"
}
for d in examples/*/ tests/golden/diff/; do
	olds=$(ls "$d" 2>/dev/null | grep -E '(v1|old)\.tor$' || true)
	for o in $olds; do
		n=$(printf '%s' "$o" | sed -e 's/v1\.tor$/v2.tor/' -e 's/old\.tor$/new.tor/')
		[ -f "$d$n" ] && [ "$(wc -c < "$d$o")" -lt 32768 ] && pair "$(printf '%s' "$d$o" | tr '/' '_')" "$d$o" "$d$n"
	done
done
pair anytown-self examples/anytown/terms.tor examples/anytown/terms.tor

# Dictionaries: the reserved words, the punctuation, a few literals.
{
	sed -n 's/^KW("\([a-z_]*\)".*/"\1"/p' src/front/keywords.def
	for t in '{' '}' '(' ')' '>=' '<=' '==' '!=' ',' '.' ':' '%' '/' '#' '\"' '\xC2\xA7' '\x0a'; do
		printf '"%s"\n' "$t"
	done
	for w in 2024-05-14 2024-02-29 '75%' '2/3' '66.67%' half present members cast votes \
		eligible conflicted yes no abstain motion.financial motion.kind motion.amount \
		std.majorities std.nhs_wales min max floor ceil up down nearest rounded \
		excluded counted deemed void allowed days months year clear chair none first; do
		printf '"%s"\n' "$w"
	done
} > "$dir/terms.dict"
cp "$dir/terms.dict" "$dir/record.dict"
cp "$dir/terms.dict" "$dir/mapped.dict"
cp "$dir/terms.dict" "$dir/fastrec.dict"
cp "$dir/terms.dict" "$dir/fmt.dict"
cp "$dir/terms.dict" "$dir/diff.dict"
{
	for s in docs/schema/minutes.schema.json; do
		[ -f "$s" ] && grep -o '"[a-z_]*":' "$s" | sort -u | sed 's/^"\(.*\)":$/"\\"\1\\":"/'
	done
	for t in '{' '}' '[' ']' ',' ':' 'true' 'false' 'null' '\"carried\"' '\"not carried\"' \
		'\"2024-05-14\"' '\"for\"' '\"against\"' '\"abstain\"' '\"66.67%\"' '\"40000.50\"' '1e3' '-1' \
		'9223372036854775807' '\"\\u0000\"' '\"\\ud800\"'; do
		printf '"%s"\n' "$t"
	done
} > "$dir/json.dict"
# The language server: framed JSON-RPC sessions (python3 is in CI; without
# it the corpus starts empty and libFuzzer finds the framing by itself).
if command -v python3 >/dev/null 2>&1; then
	python3 fuzz/lsp_seeds.py "$dir/corpus-lsp"
fi
{
	for t in 'Content-Length: ' '\x0D\x0A\x0D\x0A' '\"jsonrpc\":\"2.0\"' '\"id\":' '\"method\":' '\"params\":' \
		'\"textDocument\":' '\"uri\":' '\"text\":' '\"position\":' '\"line\":' '\"character\":' \
		'\"range\":' '\"contentChanges\":' '\"initialize\"' '\"shutdown\"' '\"exit\"' \
		'\"textDocument/didOpen\"' '\"textDocument/didChange\"' '\"textDocument/hover\"' \
		'\"textDocument/completion\"' '\"textDocument/rename\"' '\"textDocument/formatting\"' \
		'\"textDocument/semanticTokens/full\"' '\"newName\":' '\"file:///tmp/a.minutes\"'; do
		printf '"%s"\n' "$t"
	done
	cat "$dir/terms.dict"
} > "$dir/lsp.dict"
