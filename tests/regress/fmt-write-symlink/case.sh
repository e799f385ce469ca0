# fmt --write through a symbolic link rewrites the file it points to and keeps the link.
cp tests/regress/fmt-write-symlink/terms.tor "$CASE_TMP/terms.tor"
ln -s terms.tor "$CASE_TMP/current.tor"
"$QUORATE" fmt --write "$CASE_TMP/current.tor"; echo "exit $?"
[ -L "$CASE_TMP/current.tor" ] && echo "current.tor is still a link"
"$QUORATE" fmt --check "$CASE_TMP/terms.tor" && echo "terms.tor is formatted"
