# The HTML page shows a motion's attributes with their decimals as written
# (issue 13 item 10): 31000.50 from a JSON number and from a decimal string.
"$QUORATE" eval --format html tests/golden/eval/cluster.tor tests/golden/eval/json-numbers.json > "$CASE_TMP/page.html"
echo "exit $?"
grep -o '<dt>Attributes</dt><dd>[^<]*</dd>' "$CASE_TMP/page.html"
