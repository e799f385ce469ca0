# Three links back to the parent: each directory is read once, with a warning.
mkdir -p "$CASE_TMP/h/a"
cp tests/regress/replay-symlink-loop/terms.tor tests/regress/replay-symlink-loop/meeting.minutes "$CASE_TMP/h/"
for l in x y z; do ln -s .. "$CASE_TMP/h/a/$l"; done
cd "$CASE_TMP" && timeout 30 "$QUORATE" replay --summary -I "$OLDPWD/stdlib" h 2>&1; echo "exit $?"
