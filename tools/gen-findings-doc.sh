#!/bin/sh
# Generate docs/findings.md from src/run/findings.def, the single table of
# finding codes.  Run from the repository root: sh tools/gen-findings-doc.sh
set -eu
def=src/run/findings.def
{
	echo "# Findings"
	echo
	echo "Every finding \`quorate eval\` reports has one of these stable codes."
	echo "Severities: **error** (the record cannot be judged as written), **breach**"
	echo "(the terms were not followed, or the minutes record the wrong outcome),"
	echo "**warning**, **note**.  Generated from \`$def\` by"
	echo "\`tools/gen-findings-doc.sh\`; do not edit by hand."
	echo
	echo "| code | severity | meaning |"
	echo "| --- | --- | --- |"
	sed -n 's/^FINDING([A-Z_0-9]*, *"\([^"]*\)", *\([A-Z]*\), *"\(.*\)")$/| `\1` | \2 | \3 |/p' "$def" |
		sed 's/| ERROR |/| error |/; s/| BREACH |/| breach |/; s/| WARNING |/| warning |/; s/| NOTE |/| note |/'
} > docs/findings.md
