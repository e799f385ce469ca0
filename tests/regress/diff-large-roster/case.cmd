diff -I stdlib tests/regress/diff-large-roster/terms.tor tests/regress/diff-large-roster/terms-v2.tor
