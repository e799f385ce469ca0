#!/bin/sh
# Render the HTML audit of the bundled examples in headless Chromium and
# check what the page holds: one timeline point per meeting, a vote chart
# for every motion decided by a vote, the threshold, the breach, the
# registers, and nothing loaded from elsewhere.  (What a person sees at
# each width is tests/html_layout.py's.)
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
[ "$(count '<a class="tl-pt"')" = "$meetings" ] || fail "the timeline does not show $meetings meetings"
[ "$(count '<rect class="seg-for"')" -ge 2 ] || fail "the vote charts are missing"
[ "$(count '<line class="threshold"')" -ge 2 ] || fail "the threshold lines are missing"
grep -q 'needs 7 for' "$tmp/dom.html" || fail "motion 2's threshold (needs 7 for) is missing"
grep -q 'Rule <span class="req">§3.3.3' "$tmp/dom.html" || fail "motion 2's breach in what needs attention lacks its rule and numbers"
grep -q 'outcome.mismatch' "$tmp/dom.html" || fail "the breach of motion 2 is not shown"
grep -q 'href="#m1-2"' "$tmp/dom.html" || fail "what needs attention does not link to motion 2"
grep -q 'Attendance register' "$tmp/dom.html" || fail "the attendance register is missing"
grep -q 'partner at the pilot site' "$tmp/dom.html" || fail "the declaration of interest is missing"
grep -Eq '<(script|link)[ >]' "$tmp/audit.html" && fail "the page loads scripts or external files"
grep -q 'http' "$tmp/audit.html" && fail "the page refers to the network"
echo "html test passed"
