#!/bin/sh
# The PDF route (docs/auditing.md#printing-and-pdf): print the HTML replay of
# examples/rural with headless Chromium through tools/report-pdf.sh, then
# check the pages with poppler's pdfinfo and pdftotext:
#   - A4, tagged, more than one page;
#   - every page headed by the body's name and footed "page N of M";
#   - no motion split across pages (each page has as many motion headings as
#     "Outcome" lines, the last line of a motion's facts), and no votes chart
#     split from its caption (as many "needs N for" labels as "Needs N for"
#     captions);
#   - every meeting there, in date order.
# Usage: sh tests/report_pdf.sh BUILD   (exit 77 when Chromium or poppler-utils
# is not installed)
set -u
build=${1:-build}
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 ||
	{ echo "pdf test skipped: chromium is not installed"; exit 77; }
command -v pdfinfo >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1 ||
	{ echo "pdf test skipped: pdfinfo and pdftotext (poppler-utils) are not installed"; exit 77; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/quorate-pdftest.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
fail() { echo "pdf test: $*"; exit 1; }

body="Dyffryn Rural Cluster Leadership Group"
sh tools/report-pdf.sh "$build/quorate" "$tmp/audit.pdf" examples/rural 2>"$tmp/err"
status=$?
[ $status -eq 1 ] || { cat "$tmp/err"; fail "tools/report-pdf.sh exited $status, not 1 (the history has breaches)"; }
pdfinfo "$tmp/audit.pdf" >"$tmp/info" || fail "pdfinfo cannot read the PDF"
grep -q '^Tagged: *yes' "$tmp/info" || fail "the PDF is not tagged"
grep -q '^Page size:.*(A4)' "$tmp/info" || fail "the pages are not A4: $(grep '^Page size' "$tmp/info")"
pages=$(sed -n 's/^Pages: *//p' "$tmp/info")
[ "${pages:-0}" -gt 1 ] || fail "the PDF has ${pages:-no} pages"

i=1
while [ $i -le "$pages" ]; do
	pdftotext -layout -f $i -l $i "$tmp/audit.pdf" "$tmp/page.txt" || fail "pdftotext cannot read page $i"
	first=$(grep -m 1 -v '^[[:space:]]*$' "$tmp/page.txt" | sed 's/^[[:space:]]*//; s/[[:space:]]*$//')
	[ "$first" = "$body" ] || fail "page $i is headed \"$first\", not \"$body\""
	grep -q "page $i of $pages\$" "$tmp/page.txt" || fail "page $i does not say \"page $i of $pages\""
	heads=$(grep -c '^[[:space:]]*Motion [^ ]*: ' "$tmp/page.txt")
	ends=$(grep -c '^[[:space:]]*Outcome[[:space:]]' "$tmp/page.txt")
	[ "$heads" = "$ends" ] || fail "page $i has $heads motion headings but $ends outcomes: a motion is split across pages"
	labels=$(grep -o 'needs [0-9]* for' "$tmp/page.txt" | wc -l)
	captions=$(grep -o 'Needs [0-9]* for' "$tmp/page.txt" | wc -l)
	[ "$labels" = "$captions" ] || fail "page $i has $labels threshold labels but $captions chart captions: a chart is split"
	i=$((i + 1))
done

pdftotext "$tmp/audit.pdf" "$tmp/all.txt" || fail "pdftotext cannot read the PDF"
"$build/quorate" replay --format json examples/rural 2>/dev/null >"$tmp/audit.json"
command -v python3 >/dev/null 2>&1 || { echo "pdf test passed: $pages A4 pages, tagged (python3 missing: the meetings' order not checked)"; exit 0; }
python3 - "$tmp/audit.json" "$tmp/all.txt" <<'PY' || fail "the meetings are not all in the PDF, in order"
import json, re, sys
months = "January February March April May June July August September October November December".split()
want = []
for m in json.load(open(sys.argv[1]))["meetings"]:
    y, mo, d = (int(x) for x in m["result"]["meeting"]["date"].split("-"))
    want.append("%d %s %d · %s" % (d, months[mo - 1], y, m["result"]["meeting"]["title"]))
text = re.sub(r"\s+", " ", open(sys.argv[2], encoding="utf-8").read())
at = 0
for w in want:
    at = text.find(w, at)
    if at < 0:
        print("missing or out of order:", w)
        sys.exit(1)
PY
echo "pdf test passed: $pages A4 pages, tagged"
