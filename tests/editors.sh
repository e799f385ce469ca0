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
[ $missing -eq 0 ] && echo "editor syntax files cover every keyword"
exit $missing
