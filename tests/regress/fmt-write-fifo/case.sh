# fmt --write of a FIFO, and of a link to a device: refused without opening them.
mkfifo "$CASE_TMP/t.tor"
ln -s /dev/null "$CASE_TMP/null.tor"
timeout 10 "$QUORATE" fmt --write "$CASE_TMP/t.tor" "$CASE_TMP/null.tor" >"$CASE_TMP/out" 2>&1
echo "exit $?"
sed "s|$CASE_TMP/||g" "$CASE_TMP/out"; rm "$CASE_TMP/out"
[ -p "$CASE_TMP/t.tor" ] && echo "t.tor is still a FIFO"
[ "$(readlink "$CASE_TMP/null.tor")" = /dev/null ] && echo "null.tor is still a link to /dev/null"
ls -A "$CASE_TMP"
