# fmt(fmt(x)) == fmt(x): the formatted terms, then whether a second pass changes them.
"$QUORATE" fmt tests/regress/fmt-two-items-one-line-comment/terms.tor > "$CASE_TMP/once.tor"; echo "exit $?"
cat "$CASE_TMP/once.tor"
"$QUORATE" fmt "$CASE_TMP/once.tor" | cmp -s - "$CASE_TMP/once.tor" && echo "fmt(fmt(x)) == fmt(x)"
