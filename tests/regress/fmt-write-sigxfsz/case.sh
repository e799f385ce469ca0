# A write cut short by the file-size limit: exit 2, the file as it was, no temporary file left.
cp tests/regress/fmt-write-sigxfsz/terms.tor "$CASE_TMP/t.tor"
# (A coverage build's own profile data cannot be written under the limit
# either: its complaints are not quorate's output.)
(ulimit -f 8; "$QUORATE" fmt --write "$CASE_TMP/t.tor" 2>&1 | grep -v '^libgcov profiling error:' | sed "s|$CASE_TMP/||g"; exit 0)
cmp -s tests/regress/fmt-write-sigxfsz/terms.tor "$CASE_TMP/t.tor" && echo "t.tor unchanged"
ls -A "$CASE_TMP"
