# The documented limits of a meeting record, at the boundary and one past:
# 100000 motions in one meeting are judged, 100001 refused; 100000 names in
# one list are read, 100001 refused; each refusal one error at its place.
cd "$CASE_TMP" || exit 99
# motions: a small roster (judging 100000 motions against 100000 members
# is the performance case, not this one); names: 100000 members
printf 'terms "Small" {\n  effective 2024-04-01\n  consensus first\n  casting vote chair\n  role gp "GP" voting\n  member m0 "M0" gp\n  member m1 "M1" gp\n  member m2 "M2" gp\n  quorum { require present >= 1 }\n  class ordinary { require yes > half of cast }\n}\n' > small.tor
awk 'BEGIN {
	print "terms \"Limits\" {\n  effective 2024-04-01\n  consensus first\n  casting vote chair"
	print "  interests { conflicted vote: void  conflicted quorum: excluded  conflicted leaves: no }"
	print "  role gp \"GP\" voting"
	for (i = 0; i < 100000; i++)
		printf "  member m%d \"Member %d\" gp\n", i, i
	print "  quorum { require present >= 1 }\n  class ordinary { require yes > half of cast }\n}"
}' > terms.tor
for n in 100000 100001; do
	awk -v n=$n 'BEGIN {
		print "meeting \"Motions\" on 2024-05-14 {\n  chair m0\n  present m0, m1, m2"
		for (i = 1; i <= n; i++)
			printf "  motion %d \"M%d\" { consensus  recorded carried }\n", i, i
		print "}"
	}' > motions-$n.minutes
	awk -v n=$n 'BEGIN {
		printf "meeting \"Names\" on 2024-05-14 {\n  chair m0\n  present m0"
		for (i = 1; i < n; i++)
			printf ", m%d", i % 100000
		print "\n  motion 1 \"M\" { consensus  recorded carried }\n}"
	}' > names-$n.minutes
done
for f in motions-100000 motions-100001 names-100000 names-100001; do
	case $f in motions-*) terms=small.tor ;; *) terms=terms.tor ;; esac
	"$QUORATE" eval $terms $f.minutes > out
	echo "$f: exit $?: $(tail -n 1 out)"
done
