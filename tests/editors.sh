#!/bin/sh
# Every keyword of the scanner (src/front/keywords.def) must be
# highlighted by the Vim syntax file and the VS Code grammar.
set -eu
missing=0
for word in $(sed -n 's/^KW("\([a-z_]*\)".*/\1/p' src/front/keywords.def); do
	grep -Eq "^syn keyword quorate[A-Za-z]+ .*\\<$word\\>" editors/vim/syntax/quorate.vim ||
		{ echo "editors: '$word' is not highlighted in editors/vim/syntax/quorate.vim"; missing=1; }
	grep -Eq "[(|]$word[|)]" editors/vscode/syntaxes/quorate.tmLanguage.json ||
		{ echo "editors: '$word' is not highlighted in editors/vscode/syntaxes/quorate.tmLanguage.json"; missing=1; }
done
python3 -c 'import json,sys; [json.load(open(f)) for f in sys.argv[1:]]' editors/vscode/package.json \
	editors/vscode/language-configuration.json editors/vscode/syntaxes/quorate.tmLanguage.json ||
	{ echo "editors: a VS Code file is not valid JSON"; missing=1; }
# Clause labels as documents write them (docs/reference.md#clause-labels)
# are highlighted whole: the Vim and VS Code patterns, read as Python
# regular expressions, match each label and stop before what follows.
python3 - <<'PY' || missing=1
import json, re, sys
vim = open("editors/vim/syntax/quorate.vim", encoding="utf-8").read()
vim = re.search(r'^syn match quorateClause "(.*)"$', vim, re.M).group(1)
magic = {"(": "(?:", ")": ")", "+": "+", "=": "?", ".": r"\."}
vim = re.sub(r"\\(.)|([()])", lambda m: magic.get(m.group(1), m.group(0)) if m.group(1) else "\\" + m.group(2), vim)
grammar = json.load(open("editors/vscode/syntaxes/quorate.tmLanguage.json", encoding="utf-8"))
code = [p["match"] for p in grammar["patterns"] if p.get("name", "").startswith("entity.name.section.clause")][0]
bad = 0
for label in ["§3.1", "§ 4.2", "§IV", "§10(1)", "§3.3(a)", "§4(2)(b).i", "§A.2b"]:
    for name, pattern in (("vim", vim), ("vscode", code)):
        m = re.match(pattern, label + " {")
        if not m or m.group(0) != label:
            print("editors: the %s clause pattern does not highlight %s whole" % (name, label))
            bad = 1
sys.exit(bad)
PY
[ $missing -eq 0 ] && echo "editor syntax files cover every keyword"
exit $missing
