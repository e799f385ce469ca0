# register over a history built here: two bodies, a member who joins and one
# who leaves the roster, arrivals and departures (late, early, out for part,
# late and early), a member who sent apologies and came, a non-member and a
# non-voting member declaring interests, a secret ballot, an e-mail decision,
# a broken record (reported, the rest still read: exit 2), a name with a '|'
# (Markdown) and '<&>' (HTML), in every format.
cd "$CASE_TMP"
cp "$OLDPWD/examples/anytown/terms.tor" anytown.tor
cat > other.tor <<'T'
terms "Other <&> Group" {
  effective 2024-01-01
  role m "Member" voting
  member x "X | Y" m
  member y "Y" m
  quorum { require present >= 1 }
  virtual { ratify at next meeting }
  class c { require yes > half of cast }
}
T
mkdir records
cat > records/a.minutes <<'M'
meeting "May" on 2024-05-14 {
  terms "Anytown Cluster Leadership Group"
  present alice, bob, carol, frank, grace
  apologies heidi, erin
  attending judy
  motion 1 "First <item>" {
    interest alice "chairs the | board"
    interest nobody "not on the roster"
    interest judy "advises"
    for alice, bob, carol, frank, judy
  }
  arrives heidi, dan
  leaves carol
  motion 2 "Second" {
    interest bob
    tally for 4 against 1
  }
  leaves bob
  arrives bob
  leaves dan
  motion 3 "Third" { consensus }
}
M
cat > records/b.minutes <<'M'
meeting "E-mail" on 2024-05-20 {
  terms "Other <&> Group"
  motion 1 "By e-mail" { virtual on 2024-05-20
    interest x "owns it"
    for y }
}
meeting "June" on 2024-06-01 {
  terms "Other <&> Group"
  present y
  motion 1 "Ratify" { for y }
}
M
printf 'meeting "Broken" on 2024-13-01 {\n}\n' > records/c.minutes
for f in text markdown json html; do
	echo "==== $f"
	"$QUORATE" register --format $f -I "$OLDPWD/stdlib" anytown.tor other.tor records
	echo "[exit $?]"
done 2>&1
