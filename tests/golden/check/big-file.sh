# A terms file of several megabytes (900 members, 20000 comment lines, long
# lines), generated here rather than committed: checked without crashing,
# in a fraction of a second, with one warning at its very end.
cd "$CASE_TMP" || exit 99
awk 'BEGIN {
	pad = sprintf("%200s", ""); gsub(/ /, "x", pad)
	print "terms \"Big\" {"
	print "  effective 2024-04-01"
	print "  consensus first"
	print "  casting vote chair"
	print "  interests { conflicted vote: void  conflicted quorum: excluded  conflicted leaves: no }"
	print "  role gp \"GP\" voting"
	for (i = 0; i < 900; i++)
		printf "  member m%d \"Member %d\" gp   # %s\n", i, i, pad
	print "  quorum { require present >= 450 }"
	for (i = 0; i < 20000; i++)
		printf "  # filler %d %s\n", i, pad
	print "  class ordinary { require yes >= 50% of cast + 1 }"
	print "}"
}' > big.tor
size=$(wc -c < big.tor)
[ "$size" -gt 4000000 ] || { echo "big.tor is only $size bytes"; exit 99; }
"$QUORATE" check big.tor
