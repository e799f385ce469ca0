# Documented limits, reported with their locations: 100000 members checks,
# 100001 is too many; more than 64 roles and tags, more than 64 role lists
# in present().
cd "$CASE_TMP" || exit 99
for n in 100000 100001; do
	awk -v n=$n 'BEGIN {
		print "terms \"Members\" {\n  effective 2024-04-01\n  consensus first\n  casting vote chair"
		print "  interests { conflicted vote: void  conflicted quorum: excluded  conflicted leaves: no }"
		print "  role gp \"GP\" voting"
		for (i = 0; i < n; i++)
			printf "  member m%d \"Member %d\" gp\n", i, i
		print "  quorum { require present >= 1 }\n  class ordinary { require yes >= 1 }\n}"
	}' > members-$n.tor
done
awk 'BEGIN {
	print "terms \"Groups\" {\n  effective 2024-04-01\n  role gp \"GP\" voting"
	for (i = 0; i < 70; i++)
		printf "  member m%d \"Member %d\" gp tag%d\n", i, i, i
	print "  quorum { require present >= 1 }\n  class ordinary { require yes > half of cast }\n}"
}' > groups.tor
awk 'BEGIN {
	print "terms \"Masks\" {\n  effective 2024-04-01\n  role gp \"GP\" voting"
	for (i = 0; i < 60; i++)
		printf "  member m%d \"Member %d\" gp tag%d\n", i, i, i
	print "  quorum {"
	for (i = 0; i < 60; i++)
		printf "    require present(tag%d) >= 0\n", i
	for (i = 0; i < 10; i++)
		printf "    require present(tag%d, gp) >= 0\n", i
	print "  }\n  class ordinary { require yes > half of cast }\n}"
}' > masks.tor
for f in members-100000 members-100001 groups masks; do
	"$QUORATE" check $f.tor
	echo "$f: exit $?"
done
