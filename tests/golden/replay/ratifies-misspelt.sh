# A ratification naming its meeting with a typo: the nearest provisional
# decision of the body is suggested.
cp -R examples/rural "$CASE_TMP/rural" || exit 99
sed 's/ratifies "Decision by e-mail, February 2024"/ratifies "Decision by email, February 2024"/' \
	examples/rural/minutes/2024-03-19.minutes > "$CASE_TMP/rural/minutes/2024-03-19.minutes" || exit 99
cd "$CASE_TMP" || exit 99
"$QUORATE" replay -I "$OLDPWD/stdlib" rural 2>/dev/null | grep 'ratifies-unknown\]'
