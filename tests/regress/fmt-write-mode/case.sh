# fmt --write keeps the owner, group and whole mode of the file it replaces.
cp tests/regress/fmt-write-mode/terms.tor "$CASE_TMP/t.tor"
chmod 6751 "$CASE_TMP/t.tor"
before=$(stat -c %u:%g "$CASE_TMP/t.tor")
"$QUORATE" fmt --write "$CASE_TMP/t.tor"; echo "exit $?"
"$QUORATE" fmt --check "$CASE_TMP/t.tor" && echo "t.tor is formatted, mode $(stat -c %a "$CASE_TMP/t.tor")"
[ "$(stat -c %u:%g "$CASE_TMP/t.tor")" = "$before" ] && echo "owner and group kept"
ls -A "$CASE_TMP"
