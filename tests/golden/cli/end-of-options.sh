# `--` ends the options (issue 13 item 10): a file whose name begins with '-'
# is read after it, and is an unknown option before it; `--help` after `--`
# is a file name too, and so is a second `--`.
terms=$PWD/tests/golden/eval/cluster.tor
minutes=$PWD/tests/golden/eval/casting.minutes
cd "$CASE_TMP" || exit 2
cp "$terms" ./-terms.tor
cp "$minutes" ./-july.minutes
echo "== check -- -terms.tor"
"$QUORATE" check -- -terms.tor 2>&1; echo "exit $?"
echo "== eval --format json -- -terms.tor -july.minutes (outcomes)"
"$QUORATE" eval --format json -- -terms.tor -july.minutes > out.json 2>&1; echo "exit $?"
grep -c '"outcome": "carried"' out.json
echo "== check -terms.tor"
"$QUORATE" check -terms.tor > out.txt 2>&1; echo "exit $?"
head -n 1 out.txt
echo "== check -- --help"
"$QUORATE" check -- --help 2>&1; echo "exit $?"
echo "== check --no-color -- -terms.tor --"
"$QUORATE" check --no-color -- -terms.tor -- 2>&1; echo "exit $?"
