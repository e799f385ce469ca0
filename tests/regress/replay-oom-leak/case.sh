# Each allocation of a replay failing in turn: every time "out of memory" and
# exit 2 (and, under make check-sanitize, no leak: LeakSanitizer's report
# would show on standard error).
n=$(QUORATE_TEST_COUNT_ALLOC=1 "$QUORATE" replay -I stdlib tests/regress/replay-oom-leak 2>&1 >/dev/null | sed -n 's/^quorate: \([0-9]*\) allocations$/\1/p')
[ "${n:-0}" -gt 0 ] || { echo "no allocation count"; exit 1; }
bad=0
i=1
while [ $i -le "$n" ]; do
	QUORATE_TEST_FAIL_ALLOC=$i "$QUORATE" replay -I stdlib tests/regress/replay-oom-leak > /dev/null 2> "$CASE_TMP/err"
	st=$?
	if [ $st -ne 2 ] || ! grep -q 'out of memory' "$CASE_TMP/err" || grep -q Sanitizer "$CASE_TMP/err"; then
		echo "allocation $i of $n failing: exit $st"; cat "$CASE_TMP/err"; bad=1
	fi
	i=$((i + 1))
done
[ $bad = 0 ] && echo "each allocation failing in turn: out of memory, exit 2"
