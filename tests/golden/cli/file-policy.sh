# One policy for terms files and record files, the same for eval, explain and
# replay (docs/reference.md#files; check/terms_file.h, record/record_file.h):
# a rule outside the terms block, terms in a record file, two meetings where
# one is judged, and a JSON record whatever its name.
cd "$CASE_TMP"
lib="$OLDPWD/stdlib"
cp "$OLDPWD/examples/anytown/terms.tor" terms.tor
cp "$OLDPWD/examples/anytown/2024-05-14.minutes" may.minutes
{ cat terms.tor; echo 'rule stray = yes > 0'; } > stray.tor

echo "== eval: a rule outside the terms block"
"$QUORATE" eval -I "$lib" stray.tor may.minutes 2>&1; echo "exit $?"
echo "== explain: the same file"
"$QUORATE" explain -I "$lib" stray.tor 2>&1 >/dev/null; echo "exit $?"
mkdir h1 && cp stray.tor may.minutes h1/
echo "== replay: the same file"
"$QUORATE" replay --summary -I "$lib" h1 2>&1 >/dev/null; echo "exit $?"

{ cat may.minutes; echo 'terms "Stray" { effective 2024-01-01 }'; } > with-terms.minutes
echo "== eval: terms in a record file"
"$QUORATE" eval -I "$lib" terms.tor with-terms.minutes 2>&1; echo "exit $?"
mkdir h2 && cp terms.tor with-terms.minutes h2/
echo "== replay: the same file"
"$QUORATE" replay --summary -I "$lib" h2 2>&1 >/dev/null; echo "exit $?"

sed 's/2024-05-14/2024-06-11/' may.minutes > june.minutes
cat may.minutes june.minutes > two.minutes
echo "== eval: two meetings in one record"
"$QUORATE" eval -I "$lib" terms.tor two.minutes 2>&1; echo "exit $?"
mkdir h3 && cp terms.tor two.minutes h3/
echo "== replay: the same file (both judged)"
"$QUORATE" replay --summary -I "$lib" h3 2>/dev/null | grep "record file"

cp "$OLDPWD/examples/urban/terms-v1.tor" urban.tor; cp "$OLDPWD/examples/urban/terms-v2.tor" urban-v2.tor
cp "$OLDPWD/examples/urban/minutes/2024-03-14.json" march.minutes
echo "== eval: a JSON record named .minutes"
"$QUORATE" eval -I "$lib" urban.tor march.minutes 2>/dev/null | sed -n 1p
mkdir h4 && cp urban.tor urban-v2.tor march.minutes h4/
echo "== replay: the same file"
"$QUORATE" replay --summary -I "$lib" h4 2>/dev/null | grep "record file"
