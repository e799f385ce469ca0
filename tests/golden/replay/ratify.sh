# Virtual decisions and their ratification (issue 13, item 2): under `ratify
# within 14 days`, a ratification 58 days later is late (it was accepted as
# on time); one at an inquorate meeting is not valid; one never made is
# reported; a valid one shows both ways, in every format, and the summary
# counts ratified and still-provisional decisions apart.
cd "$CASE_TMP"
cat > terms.tor <<'T'
terms "Ratify Group" {
  effective 2024-01-01
  role m "Member" voting
  member a "A" m
  member b "B" m
  member c "C" m
  member d "D" m
  quorum §3.1 { require present >= 3 }
  casting vote none
  consensus never
  interests {
    conflicted vote: void
    conflicted quorum: excluded
    conflicted leaves: no
  }
  class ordinary §4 { require yes > half of cast }
  virtual §6.2 { ratify within 14 days }
}
T
mkdir h
cat > h/2024-03-01.minutes <<'M'
meeting "By e-mail, March" on 2024-03-01 {
  terms "Ratify Group"
  motion 1 "Late one" { virtual on 2024-03-01 for a, b, c recorded carried }
  motion 2 "On time" { virtual on 2024-03-01 for a, b, c recorded carried }
  motion 3 "At an inquorate meeting" { virtual on 2024-03-01 for a, b, c recorded carried }
  motion 4 "Never" { virtual on 2024-03-01 for a, b, c recorded carried }
}
M
cat > h/2024-03-10.minutes <<'M'
meeting "March meeting" on 2024-03-10 {
  terms "Ratify Group"
  present a, b, c, d
  motion 1 "Ratify motion 2" { ratifies "By e-mail, March" motion 2 for a, b, c recorded carried }
}
M
cat > h/2024-03-12.minutes <<'M'
meeting "Small meeting" on 2024-03-12 {
  terms "Ratify Group"
  present a, b
  motion 1 "Ratify motion 3" { ratifies "By e-mail, March" motion 3 for a, b recorded carried }
}
M
cat > h/2024-04-28.minutes <<'M'
meeting "April meeting" on 2024-04-28 {
  terms "Ratify Group"
  present a, b, c, d
  motion 1 "Ratify motion 1" { ratifies "By e-mail, March" motion 1 for a, b, c recorded carried }
}
M
"$QUORATE" replay terms.tor h > out.txt 2>&1
echo "exit $?"
grep -v 'sha256' out.txt
echo "== markdown"
"$QUORATE" replay --format markdown terms.tor h 2>&1 | grep -i 'ratif\|provisional' | grep -v '^| `'
echo "== json"
"$QUORATE" replay --format json terms.tor h | python3 -c '
import json, sys
d = json.load(sys.stdin)
for m in d["meetings"]:
    for mo in m["result"]["motions"]:
        if mo["ratified_by"] or mo["ratifies"]:
            print(m["result"]["meeting"]["title"], mo["number"], "ratified_by:", json.dumps(mo["ratified_by"], sort_keys=True), "ratifies:", json.dumps(mo["ratifies"], sort_keys=True))
s = d["summary"]
print("summary: provisional", s["outcomes"]["provisional"], "ratified", s["ratified"], "still provisional", s["still_provisional"])'
echo "== html"
"$QUORATE" replay --format html terms.tor h | grep -o '<dt>Ratif[a-z]*</dt><dd>[^<]*</dd>\|<dt>provisional, [a-z ]*</dt><dd>[0-9]*\|<a class="where" href="#m[0-9]*">across meetings[^<]*</a>'
