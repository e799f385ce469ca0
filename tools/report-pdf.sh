#!/bin/sh
# tools/report-pdf.sh QUORATE OUT.pdf PATH...: the replay of PATH... as a PDF
# for A4, through headless Chromium's printing of the HTML report.
#
#   sh tools/report-pdf.sh build/quorate audit.pdf examples/rural
#
# The page's print stylesheet sets A4, the body's name at the head of every
# page and "page N of M" at the foot, and keeps every motion, chart and table
# row on one page; --no-pdf-header-footer leaves Chromium's own date and
# file name out.  Chromium writes a tagged PDF (headings, lists, tables).
# The replay's exit status (0 clean, 1 findings) is kept; 2 when the replay
# or the printing failed.  `make report-pdf HISTORY=...` runs this.
set -u
quorate=${1:?usage: sh tools/report-pdf.sh QUORATE OUT.pdf PATH...}
pdf=${2:?usage: sh tools/report-pdf.sh QUORATE OUT.pdf PATH...}
shift 2
[ $# -gt 0 ] || { echo "usage: sh tools/report-pdf.sh QUORATE OUT.pdf PATH..." >&2; exit 2; }
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$browser" ] || { echo "report-pdf: Chromium is not installed" >&2; exit 2; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/quorate-pdf.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' HUP INT TERM

"$quorate" replay --format html "$@" > "$tmp/report.html"
status=$?
[ $status -le 1 ] || { echo "report-pdf: the replay failed (exit $status)" >&2; exit 2; }
case $pdf in /*) out=$pdf ;; *) out=$(pwd)/$pdf ;; esac
timeout 300 "$browser" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
	--disable-component-update --disable-sync --user-data-dir="$tmp/profile" \
	--no-pdf-header-footer --print-to-pdf="$out" "file://$tmp/report.html" >"$tmp/chromium.log" 2>&1
if [ ! -s "$out" ]; then
	cat "$tmp/chromium.log" >&2
	echo "report-pdf: Chromium did not write $pdf" >&2
	exit 2
fi
exit $status
