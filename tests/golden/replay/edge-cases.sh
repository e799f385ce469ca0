# replay over a history built here: two meetings in one file, a meeting of an
# unknown body, a meeting before the first version, a file holding a terms
# block among the records, a missing path, and a symbolic link looping back.
cd "$CASE_TMP"
cp "$OLDPWD/examples/anytown/terms.tor" terms.tor
mkdir -p history/sub
cat > history/two.minutes <<'M'
meeting "First" on 2024-06-01 {
  terms "Anytown Cluster Leadership Group"
  present alice, bob, carol, dan, frank, grace
  motion 1 "one" { for alice, bob, carol, dan against frank recorded carried }
}
meeting "Second" on 2024-07-01 {
  present alice, bob, carol, dan, frank, grace
  motion 1 "two" { consensus recorded carried }
}
M
cat > history/other-body.minutes <<'M'
meeting "Elsewhere" on 2024-06-15 {
  terms "Another Group"
  present alice
  motion 1 "x" { consensus }
}
M
cat > history/too-early.minutes <<'M'
meeting "Too early" on 2023-01-10 {
  present alice
  motion 1 "x" { consensus recorded carried }
}
M
cat > history/sub/mixed.minutes <<'M'
rule stray = yes > 0
M
ln -s .. history/sub/loop
"$QUORATE" replay --summary terms.tor history no-such-dir 2>&1
echo "exit $?"
