#!/bin/sh
# Render the HTML audit of the bundled examples in headless Chromium and
# check what the page shows: one timeline point per meeting, a vote chart
# for every motion decided by a vote, the threshold lines, and the summary.
# Usage: sh tests/html.sh BUILD   (exit 77 when Chromium is not installed)
set -eu
build=${1:-build}
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "html test skipped: chromium is not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "html test: $*"; exit 1; }

"$build/quorate" replay --format html examples/anytown > "$tmp/audit.html" || [ $? -eq 1 ] || fail "replay failed"
"$build/quorate" replay --format json examples/anytown > "$tmp/audit.json" || true
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	--disable-background-networking --disable-component-update --disable-sync \
	--user-data-dir="$tmp/profile" --dump-dom "file://$tmp/audit.html" > "$tmp/dom.html" 2>/dev/null ||
	fail "chromium could not render the page"

count() { grep -o "$1" "$tmp/dom.html" | wc -l | tr -d ' '; }
meetings=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["summary"]["meetings"])' "$tmp/audit.json")
[ "$(count '<circle class="meeting"')" = "$meetings" ] || fail "the timeline does not show $meetings meetings"
[ "$(count '<rect class="for"')" -ge 2 ] || fail "the vote charts are missing"
grep -q 'needs 7' "$tmp/dom.html" || fail "motion 2's threshold line (needs 7) is missing"
grep -q 'outcome.mismatch' "$tmp/dom.html" || fail "the breach of motion 2 is not shown"
grep -Eq '<(script|link)[ >]' "$tmp/audit.html" && fail "the page loads scripts or external files"
grep -q 'http' "$tmp/audit.html" && fail "the page refers to the network"
echo "html test passed"
