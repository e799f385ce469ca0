check -I stdlib tests/golden/check/dup-rule.tor
