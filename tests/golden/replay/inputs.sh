# replay refuses to look clean when it is not (issue 13, item 1): every path
# given and every file found is judged or reported; a file reached twice is
# judged once; an empty history is exit 2; the error cap covers every kind.
cd "$CASE_TMP"
cp "$OLDPWD/examples/anytown/terms.tor" terms.tor
mkdir h
printf '# only a comment\n' > h/comment-only.minutes
: > h/empty.minutes
cat > h/ok.minutes <<'M'
meeting "June" on 2024-06-01 {
  terms "Anytown Cluster Leadership Group"
  present alice, bob, carol, dan, frank, grace
  motion 1 "one" { for alice, bob, carol, dan against frank recorded carried }
}
M
cp h/ok.minutes h/meeting.tor
: > h/nothing.tor
ln -s nowhere h/dangling.minutes
mkfifo h/fifo.minutes
ln -s /dev/zero h/zero.minutes
ln h/ok.minutes h/hard-link.minutes
echo notes > h/notes.txt
echo "== a history with every kind of bad input; h/ok.minutes named again"
"$QUORATE" replay --summary terms.tor h h/ok.minutes 2>&1
echo "exit $?"
echo "== an empty directory"
mkdir empty
"$QUORATE" replay --summary terms.tor empty 2>&1
echo "exit $?"
echo "== a FIFO named on the command line"
"$QUORATE" replay --summary terms.tor h/fifo.minutes 2>&1
echo "exit $?"
echo "== 30 unreadable records: 20 errors shown, then one 'too many errors'"
mkdir many
i=1
while [ $i -le 30 ]; do
	ln -s nowhere "many/$(printf %02d $i).minutes"
	i=$((i + 1))
done
"$QUORATE" replay --summary terms.tor many h/ok.minutes > many.out 2>&1
echo "exit $?"
echo "errors shown: $(grep -c '^error: cannot read' many.out); too many: $(grep -c 'too many errors' many.out)"
grep 'could not be read' many.out
echo "== a directory named with a trailing slash: the files not read named as in it"
"$QUORATE" replay --summary terms.tor h/ 2>&1 | grep 'not read'
