# replay judges meetings in date order whatever the order of the files: in
# one pass while the dates go forwards, and, when one goes backwards, again
# from the start the indexed way, every format taking back what it wrote
# (issue 16).  A long record file (over 1 MiB) is judged as it is read; a
# syntax error at its end means none of it is judged, as for a short one.
cd "$CASE_TMP"
cp "$OLDPWD/examples/anytown/terms.tor" terms.tor
mkdir h
cat > h/a-late.minutes <<'M'
meeting "Late" on 2024-09-01 {
  terms "Anytown Cluster Leadership Group"
  present alice, bob, carol, dan, frank, grace
  motion 1 "one" { for alice, bob, carol, dan against frank recorded carried }
}
M
cat > h/b-early.minutes <<'M'
meeting "Early" on 2024-06-01 {
  present alice, bob, carol, dan, frank, grace
  motion 1 "two" { consensus recorded carried }
  motion 2 "three" { for alice against bob recorded carried }
}
M
cat > h/c-mid.json <<'M'
{"meeting": "Mid", "date": "2024-07-01", "present": ["alice", "bob", "carol", "dan", "frank", "grace"],
 "items": [{"motion": {"title": "four", "tally": {"for": 4, "against": 1}, "recorded": "carried"}}]}
M
ln -s b-early.minutes h/d-link.minutes
echo "== out of date order, text"
"$QUORATE" replay terms.tor h 2>&1
echo "exit $?"
echo "== out of date order, JSON through a pipe"
"$QUORATE" replay --format json terms.tor h 2>/dev/null | cat
echo "== out of date order, JSON into a file that also takes the diagnostics"
"$QUORATE" replay --format json terms.tor h > out.json 2>&1
echo "exit $?"
cat out.json
echo "== out of date order, JSON into a file of its own (cut back when replay begins again), and appended to one"
"$QUORATE" replay --format json terms.tor h 2>/dev/null | cat > piped.json
"$QUORATE" replay --format json terms.tor h > own.json 2>/dev/null
echo "exit $?"
cmp piped.json own.json && echo "the same as through a pipe"
echo "already here" > appended.json
"$QUORATE" replay --format json terms.tor h >> appended.json 2>/dev/null
{ echo "already here"; cat piped.json; } | cmp - appended.json && echo "the same after what the file held"
"$QUORATE" replay --format json terms.tor h > /dev/null 2>&1
echo "into /dev/null: exit $?"
echo "== out of date order, Markdown"
"$QUORATE" replay --format markdown terms.tor h 2>/dev/null
# A long file: 9000 meetings in date order, over 1 MiB (mapped: source_map_stat).
mkdir long
i=0
while [ $i -lt 9000 ]; do
	printf 'meeting "M%d" on %04d-%02d-%02d {\n  present alice, bob, carol, dan, frank, grace\n  motion 1 "m" { for alice, bob, carol against dan recorded carried }\n}\n' \
		$i $((2025 + i / 336)) $((i / 28 % 12 + 1)) $((i % 28 + 1))
	i=$((i + 1))
done > long/a.minutes
[ "$(wc -c < long/a.minutes)" -gt 1048576 ] && echo "== the long file is over 1 MiB"
echo "== a long file in date order"
"$QUORATE" replay --summary terms.tor long 2>&1 | grep -E 'meetings|exit'
cp long/a.minutes long2.minutes
printf 'meeting "Broken" on 2099-01-01 {\n  present alice\n  motion 1 "x" { for alice, }\n}\n' >> long2.minutes
echo "== the same with a syntax error in its last meeting: none of it is judged"
"$QUORATE" replay --summary terms.tor long2.minutes h 2>&1
echo "exit $?"
echo "== a long file whose first meeting is later than the next"
{ sed -n '1,4p' long/a.minutes | sed 's/2025-01-01/2026-12-01/'; sed '1,4d' long/a.minutes; } > long3.minutes
"$QUORATE" replay --format json terms.tor long3.minutes 2>/dev/null | grep -c '"file"'
