# Contradictory fmt flags: usage errors, nothing written.
cp tests/regress/fmt-write-contradictory-flags/terms.tor "$CASE_TMP/t.tor"
for flags in "--write --check" "--check -w" "--force" "--check --force"; do
	"$QUORATE" fmt $flags "$CASE_TMP/t.tor" >"$CASE_TMP/out" 2>&1
	echo "fmt $flags: exit $?"
	sed -n 1p "$CASE_TMP/out"
	rm "$CASE_TMP/out"
done
cmp -s "$CASE_TMP/t.tor" tests/regress/fmt-write-contradictory-flags/terms.tor && echo "t.tor unchanged"
