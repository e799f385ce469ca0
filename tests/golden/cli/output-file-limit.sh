# A JSON report written straight into a regular file (its buffer given to
# the descriptor when full, not through stdio) that the file-size limit cuts
# short: exit 2, "cannot write the output", as through stdio (issue 16).
# The rural history's JSON report is about 90 KB: several buffers.
for limit in 8 40; do
	(ulimit -f $limit; "$QUORATE" replay --format json examples/rural >"$CASE_TMP/out.json" 2>"$CASE_TMP/err")
	st=$?
	echo "limit $limit blocks -> exit $st: $(grep -c 'cannot write the output' "$CASE_TMP/err") message"
done
"$QUORATE" replay --format json examples/rural >"$CASE_TMP/out.json" 2>/dev/null
echo "no limit -> exit $?: $(wc -c <"$CASE_TMP/out.json" | tr -d ' ') bytes"
