#!/bin/sh
# The keyword categories of src/front/keywords.def and the grammar's lists
# must agree, as PostgreSQL's check_keywords.pl checks kwlist.h against
# gram.y: every UNRESERVED keyword is in `unreserved_keyword`, every NOT_RULE
# keyword in `not_rule_keyword`, and no RESERVED keyword in either; and the
# words that begin an item of each block (ITEM lines) are the first words of
# that block's item rule.
set -eu
def=src/front/keywords.def
gram=grammar/quorate.y
# the tokens of a grammar rule `NAME : A | B ... ;`
rule_tokens() {
	awk -v name="$1" '
		$0 == name { on = 1; next }
		on && /^\t;/ { exit }
		on { gsub(/[:|;]/, " "); for (i = 1; i <= NF; i++) print $i }
	' "$gram" | sort
}
category_tokens() {
	sed -n "s/^KW(\"[a-z_]*\", *\\([A-Z_]*\\), *$1).*/\\1/p" "$def" | sort
}
status=0
for pair in unreserved_keyword:UNRESERVED not_rule_keyword:NOT_RULE; do
	rule=${pair%%:*}
	cat=${pair#*:}
	if ! rule_tokens "$rule" | cmp -s - /dev/fd/3 3<<LIST
$(category_tokens "$cat")
LIST
	then
		echo "keywords: the grammar's $rule and the $cat keywords of $def differ:"
		rule_tokens "$rule" | diff - /dev/fd/3 3<<LIST || true
$(category_tokens "$cat")
LIST
		status=1
	fi
done
# keywords.def's ITEM lines (the words that begin an item, by block: recovery
# resumes there) and the first words of each block's item rule
item_rule_tokens() {
	awk -v name="$1" '
		$0 == name { on = 1; next }
		on && /^\t;/ { exit }
		on && /^\t[:|]/ { print $2 }
	' "$gram" | sed 's/^use_def$/USE/; s/^rule_def$/RULE/; s/^terms$/TERMS/; s/^meeting$/MEETING/' |
		grep -v '^error$' | sort -u
}
item_tokens() {
	sed -n "s/^ITEM(\([A-Z_]*\), *\(.*\))$/\1 \2/p" "$def" | grep -w "$1" | cut -d' ' -f1 | sort
}
for pair in item:IN_FILE term_item:IN_TERMS block_item:IN_RULES record_item:IN_RECORD motion_item:IN_MOTION; do
	rule=${pair%%:*}
	block=${pair#*:}
	if [ "$(item_rule_tokens "$rule")" != "$(item_tokens "$block")" ]; then
		echo "keywords: the first words of the grammar's $rule and the ITEM lines of $def with $block differ:"
		item_rule_tokens "$rule" | diff - /dev/fd/3 3<<LIST || true
$(item_tokens "$block")
LIST
		status=1
	fi
done
[ "$(category_tokens RESERVED | wc -l)" -gt 0 ] || { echo "keywords: no RESERVED keyword found in $def"; status=1; }
[ $status -eq 0 ] && echo "keyword categories agree with the grammar"
exit $status
