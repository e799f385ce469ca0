# A misspelt module in `use`: did you mean, and the JSON suggestion.  The
# notes that say where it was looked for name the binary's own stdlib too,
# so they are left out here.
"$QUORATE" check -I stdlib tests/golden/check/use-misspelt.tor 2>&1 | grep -v '^note: looked in'
"$QUORATE" check --format json -I stdlib tests/golden/check/use-misspelt.tor |
	python3 -c 'import json, sys; print(json.dumps([d["suggestion"] for d in json.load(sys.stdin)["diagnostics"]]))'
